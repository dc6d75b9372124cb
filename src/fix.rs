//! `--fix` and `--diff`: apply the safe fixes to a text file, keeping its encoding, BOM and
//! line endings, and write it back atomically. Bytes outside the fixes stay identical.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::source::{self, SourceError, text};
use crate::{FileReport, Linter};
use std::path::Path;

/// A fix can make another one possible (or visible); stop after this many passes.
const MAX_PASSES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Write the fixed file.
    Write,
    /// Only show what would change.
    Diff,
}

/// What fixing one file did.
#[derive(Debug)]
pub struct FixOutcome {
    /// The findings left after fixing (for `Diff`: the findings of the fixed text).
    pub report: FileReport,
    /// Number of fixes applied (or that would be applied).
    pub applied: usize,
    /// Unified diff of the change, for `Diff`, in the file's encoding.
    pub diff: Option<Vec<u8>>,
    /// Why the fixed text could not be written back; the file is unchanged and `report`
    /// holds its findings as they stand.
    pub not_written: Option<String>,
}

/// The safe fixes of `diags`, in order, without overlaps and without line breaks.
fn safe_edits(diags: &[Diagnostic]) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut edits: Vec<_> = diags
        .iter()
        .filter_map(|d| {
            let f = d.fix.as_ref()?;
            (f.safe && !f.replacement.contains(['\n', '\r']))
                .then_some((d.span.clone(), f.replacement.as_str()))
        })
        .collect();
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut kept: Vec<(std::ops::Range<usize>, &str)> = Vec::with_capacity(edits.len());
    for e in edits {
        if kept.last().is_none_or(|(r, _)| r.end <= e.0.start) {
            kept.push(e);
        }
    }
    kept
}

/// Normalized offsets → offsets in the raw decoded text, which may still hold "\r\n".
struct RawMap {
    /// Normalized offsets at which a "\r" of a "\r\n" was dropped.
    dropped: Vec<usize>,
}

impl RawMap {
    fn new(raw: &str) -> RawMap {
        let mut dropped = Vec::new();
        let bytes = raw.as_bytes();
        for (i, w) in bytes.windows(2).enumerate() {
            if w == b"\r\n" {
                dropped.push(i - dropped.len());
            }
        }
        RawMap { dropped }
    }

    fn raw(&self, normalized: usize) -> usize {
        normalized + self.dropped.partition_point(|&d| d < normalized)
    }
}

/// Applies safe fixes until none is left (or `MAX_PASSES`).
pub fn fix_file(linter: &Linter, path: &Path, mode: FixMode) -> FixOutcome {
    let name = crate::path_text::path_text(path).into_owned();
    let format = source::format_for_path(path).unwrap_or(Format::Text);
    let bytes = match source::read_file(path) {
        Ok(bytes) => bytes,
        Err(error) => return FixOutcome::failed(&name, format, error),
    };
    let fixed = match fix_bytes(linter, &name, format, &bytes) {
        Ok(fixed) => fixed,
        Err(error) => return FixOutcome::failed(&name, format, error),
    };
    // A file named on the command line is checked whatever its name says; only a report's
    // own text formats are written back (a .csv or .html would be damaged).
    let writable = writable(path);
    // A list or notes under the folder ("通讯录.txt") would have its commas made Chinese.
    let not_a_report = fixed
        .report
        .diagnostics
        .iter()
        .any(|d| d.rule.code == crate::rules::structure::NOT_A_REPORT.code);
    let written = match (fixed.unrepresentable, mode, &fixed.bytes) {
        (_, FixMode::Write, Some(_)) if !writable => Err(NOT_A_TEXT_REPORT.to_string()),
        (_, FixMode::Write, Some(_)) if not_a_report => Err(NOT_A_REPORT.to_string()),
        (true, ..) => Err(UNREPRESENTABLE.to_string()),
        (false, FixMode::Write, Some(new_bytes)) => {
            crate::atomic::replace_file(path, &bytes, new_bytes).map_err(|e| source::io_cause(&e))
        }
        _ => Ok(()),
    };
    if let Err(why) = written {
        // Nothing was changed: the findings are those of the file as it is.
        return FixOutcome {
            report: linter.lint_bytes(&name, format, &bytes),
            applied: 0,
            diff: None,
            not_written: Some(why),
        };
    }
    FixOutcome {
        report: fixed.report,
        applied: fixed.applied,
        diff: (mode == FixMode::Diff && fixed.applied > 0).then_some(fixed.diff),
        not_written: None,
    }
}

/// Offers as suggestions only the fixes of a text `--fix` would refuse, whose bytes do not
/// survive decoding and encoding again (bytes lost as "�", GB18030's 0x80): counting them
/// as "可用 --fix 自动修复" would promise what the refusal then takes back.
pub fn offer_only_writable(report: &mut FileReport, bytes: &[u8]) {
    let Some(doc) = &report.document else {
        return;
    };
    let fixable = |d: &Diagnostic| d.fix.as_ref().is_some_and(|f| f.safe);
    // Valid UTF-8 is read byte for byte.
    let exact = doc.encoding.starts_with("utf-8") && !doc.text.contains('\u{FFFD}');
    if doc.format == Format::Docx || exact || !report.diagnostics.iter().any(fixable) {
        return;
    }
    let writes_back = text::decode_bytes(bytes)
        .is_ok_and(|(raw, encoding, bom)| text::encode(&raw, encoding, bom) == bytes);
    if !writes_back {
        for fix in report.diagnostics.iter_mut().filter_map(|d| d.fix.as_mut()) {
            fix.safe = false;
        }
    }
}

/// A report's own text format, by its name's extension: the only files `--fix` writes.
pub fn writable(path: &Path) -> bool {
    matches!(
        source::format_for_path(path),
        Some(Format::Text | Format::Markdown)
    )
}

pub const NOT_A_TEXT_REPORT: &str =
    "自动修复只写回扩展名为 .txt、.md 的文件；其他文件（表格、网页、程序等）只检查、不改动";

pub const NOT_A_REPORT: &str =
    "本文件不像年度报告（GW0109），不自动修复；如确是报告，可用 --diff 查看修复内容后自行修改";

pub const UNREPRESENTABLE: &str = "文件中有按原编码写回时字节会改变的内容（如 GB18030 的 0x80，或无法解码、显示为“�”的字节）；请在编辑器中改正后另存为 UTF-8，再修复";

impl FixOutcome {
    fn failed(name: &str, format: Format, error: SourceError) -> FixOutcome {
        FixOutcome {
            report: FileReport::failed(name, Some(format), error),
            applied: 0,
            diff: None,
            not_written: None,
        }
    }
}

/// A text fixed in memory.
pub struct Fixed {
    /// The findings left.
    pub report: FileReport,
    /// Fixes applied.
    pub applied: usize,
    /// The new file, if anything changed.
    pub bytes: Option<Vec<u8>>,
    /// Unified diff of the change, in the file's encoding.
    pub diff: Vec<u8>,
    /// The file's own bytes do not survive decoding and encoding again, so writing the
    /// fixed text would change bytes outside the fixes.
    pub unrepresentable: bool,
}

/// Fixes text bytes in memory.
pub fn fix_bytes(
    linter: &Linter,
    name: &str,
    format: Format,
    bytes: &[u8],
) -> Result<Fixed, SourceError> {
    if format == Format::Docx {
        return Ok(Fixed {
            report: linter.lint_bytes(name, format, bytes),
            applied: 0,
            bytes: None,
            diff: Vec::new(),
            unrepresentable: false,
        });
    }
    // Loaded first: a .docx named .txt is said to be one, not an unknown encoding.
    let original = source::load(name, format, bytes)?;
    let (mut raw, encoding, bom) = text::decode_bytes(bytes)?;
    let raw_before = raw.clone();
    let mut doc = original.clone();
    let mut analysis = linter.analyze(&doc);
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let edits = safe_edits(&analysis.diagnostics);
        if edits.is_empty() {
            break;
        }
        let map = RawMap::new(&raw);
        let mut next = String::with_capacity(raw.len());
        let mut at = 0;
        let mut done = 0;
        for (span, replacement) in &edits {
            let (s, e) = (map.raw(span.start), map.raw(span.end));
            // Emptying the text between a lone "\r" and a "\n" would make them one break.
            if replacement.is_empty() && raw[..s].ends_with('\r') && raw[e..].starts_with('\n') {
                continue;
            }
            next.push_str(&raw[at..s]);
            next.push_str(replacement);
            at = e;
            done += 1;
        }
        next.push_str(&raw[at..]);
        // A fix never joins or splits lines; should one still, the pass is dropped.
        if done == 0 || line_breaks(&next) != line_breaks(&raw) {
            break;
        }
        applied += done;
        raw = next;
        let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
        doc = Document::from_text(name, format, encoding, normalized);
        analysis = linter.analyze(&doc);
    }
    // The diff's lines are the file's bytes, so that `patch` finds them: a UTF-8 BOM is
    // part of the first line. `patch` cannot read UTF-16, whose diff is shown in UTF-8.
    let lead = if bom && encoding == "utf-8" {
        "\u{feff}"
    } else {
        ""
    };
    let shown_in = if encoding.starts_with("utf-16") {
        "utf-8"
    } else {
        encoding
    };
    let diff = unified_diff(
        &patch_name(name),
        &format!("{lead}{raw_before}"),
        &format!("{lead}{raw}"),
        &|line: &str| text::encode(line, shown_in, false),
    );
    let new_bytes = (applied > 0).then(|| text::encode(&raw, encoding, bom));
    let unrepresentable = applied > 0 && text::encode(&raw_before, encoding, bom) != bytes;
    let report = FileReport {
        path: name.to_string(),
        format: Some(format),
        document: Some(doc),
        error: None,
        diagnostics: analysis.diagnostics,
        facts: analysis.facts,
        suppressed: analysis.suppressed,
        config: linter.config.path.clone(),
    };
    Ok(Fixed {
        report,
        applied,
        bytes: new_bytes,
        diff,
        unrepresentable,
    })
}

/// A diff in the file's encoding, for reading: in UTF-8 (a GB18030 diff is what `patch`
/// needs, and unreadable on a UTF-8 terminal).
pub fn readable_diff<'d>(diff: &'d [u8], encoding: &str) -> std::borrow::Cow<'d, [u8]> {
    match encoding_rs::Encoding::for_label(encoding.as_bytes()) {
        Some(e) if e != encoding_rs::UTF_8 && !encoding.starts_with("utf-16") => {
            std::borrow::Cow::Owned(
                e.decode_without_bom_handling(diff)
                    .0
                    .into_owned()
                    .into_bytes(),
            )
        }
        _ => std::borrow::Cow::Borrowed(diff),
    }
}

/// Line breaks as the reader counts them: "\r\n", "\n" or a lone "\r".
fn line_breaks(raw: &str) -> usize {
    raw.matches('\n').count() + raw.matches('\r').count() - raw.matches("\r\n").count()
}

/// Unchanged lines shown around each change, as `diff -u` does; `git apply` wants them.
const CONTEXT: usize = 3;

/// A unified diff that `patch -p0` and `git apply` take as it is: lines as the file holds
/// them (`encode` gives their bytes in its encoding, "\r\n" kept), a last line without a
/// newline marked. Fixes keep the line breaks, but a last line may lose all its text.
pub fn unified_diff(
    name: &str,
    before: &str,
    after: &str,
    encode: &dyn Fn(&str) -> Vec<u8>,
) -> Vec<u8> {
    let mut out = Vec::new();
    if before == after {
        return out;
    }
    let a: Vec<&str> = before.split_inclusive('\n').collect();
    let b: Vec<&str> = after.split_inclusive('\n').collect();
    let n = a.len().max(b.len());
    let changed: Vec<usize> = (0..n).filter(|&i| a.get(i) != b.get(i)).collect();
    // "./a.txt", as a walk of "." names it, is a path `git apply` refuses.
    let mut name = name;
    while let Some(rest) = name.strip_prefix("./") {
        name = rest;
    }
    let name = quoted_name(name);
    out.extend(format!("--- {name}\n+++ {name}\n").bytes());
    let line = |out: &mut Vec<u8>, sign: u8, text: &str| {
        out.push(sign);
        out.extend(encode(text));
        if !text.ends_with('\n') {
            out.extend(b"\n\\ No newline at end of file\n");
        }
    };
    let mut k = 0;
    while k < changed.len() {
        // One hunk: changes whose contexts touch.
        let mut last = k;
        while last + 1 < changed.len() && changed[last + 1] - changed[last] <= 2 * CONTEXT {
            last += 1;
        }
        let from = changed[k].saturating_sub(CONTEXT);
        let to = (changed[last] + CONTEXT + 1).min(n);
        let count = |lines: &[&str]| lines.len().min(to).saturating_sub(from);
        let (ca, cb) = (count(&a), count(&b));
        // An empty side starts at the line before it, as diff writes it.
        let start = |c: usize| if c == 0 { from } else { from + 1 };
        out.extend(format!("@@ -{},{ca} +{},{cb} @@\n", start(ca), start(cb)).bytes());
        let mut i = from;
        while i < to {
            if a.get(i) == b.get(i) {
                if let Some(t) = a.get(i) {
                    line(&mut out, b' ', t);
                }
                i += 1;
                continue;
            }
            let run_end = (i..to).find(|&j| a.get(j) == b.get(j)).unwrap_or(to);
            for t in a.iter().take(run_end).skip(i) {
                line(&mut out, b'-', t);
            }
            for t in b.iter().take(run_end).skip(i) {
                line(&mut out, b'+', t);
            }
            i = run_end;
        }
        k = last + 1;
    }
    out
}

/// `patch -p0` refuses absolute names: a file under the current folder is named from it.
fn patch_name(name: &str) -> String {
    let path = Path::new(name);
    std::env::current_dir()
        .ok()
        .filter(|_| path.is_absolute())
        .and_then(|cwd| {
            path.strip_prefix(cwd)
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| name.to_string())
}

/// A name with spaces or quotes is quoted, as `diff` and `git` do, so that `patch` reads
/// all of it.
fn quoted_name(name: &str) -> String {
    if !name.contains(|c: char| c.is_whitespace() || c == '"' || c == '\\') {
        return name.to_string();
    }
    let escaped = name
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r");
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_offsets_skip_dropped_carriage_returns() {
        let raw = "ab\r\ncd\r\nef";
        let map = RawMap::new(raw);
        let norm = "ab\ncd\nef";
        let at = norm.find('e').unwrap();
        assert_eq!(&raw[map.raw(at)..map.raw(at) + 1], "e");
        assert_eq!(map.raw(0), 0);
    }

    fn diff(name: &str, before: &str, after: &str) -> String {
        let bytes = unified_diff(name, before, after, &|l: &str| l.as_bytes().to_vec());
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn diff_pairs_lines_with_context() {
        assert_eq!(
            diff("a.txt", "甲\n乙\n丙\n", "甲\n乙，\n丙\n"),
            "--- a.txt\n+++ a.txt\n@@ -1,3 +1,3 @@\n 甲\n-乙\n+乙，\n 丙\n"
        );
    }

    #[test]
    fn diff_names_a_walked_file_as_git_apply_takes_it() {
        assert!(
            diff("./报告/a.txt", "甲\n", "甲，\n").starts_with("--- 报告/a.txt\n+++ 报告/a.txt\n")
        );
    }

    #[test]
    fn diff_keeps_crlf_marks_a_missing_newline_and_quotes_names() {
        assert_eq!(
            diff("a b.txt", "甲\r\n乙", "甲\r\n乙，"),
            "--- \"a b.txt\"\n+++ \"a b.txt\"\n@@ -1,2 +1,2 @@\n 甲\r\n-乙\n\\ No newline at end of file\n+乙，\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn a_last_line_that_loses_its_text_is_deleted() {
        assert_eq!(
            diff("a.txt", "甲\n\u{3000}", "甲\n"),
            "--- a.txt\n+++ a.txt\n@@ -1,2 +1,1 @@\n 甲\n-\u{3000}\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn distant_changes_make_separate_hunks() {
        let before: String = (1..=20).map(|i| format!("行{i}\n")).collect();
        let after = before
            .replace("行2\n", "行2，\n")
            .replace("行18\n", "行18，\n");
        let d = diff("a.txt", &before, &after);
        assert!(
            d.contains("@@ -1,5 +1,5 @@") && d.contains("@@ -15,6 +15,6 @@"),
            "{d}"
        );
    }

    #[test]
    fn a_gb18030_diff_is_readable_in_utf8() {
        let gb = crate::source::text::encode("-报告\n+报告。\n", "gb18030", false);
        assert_ne!(gb, "-报告\n+报告。\n".as_bytes());
        assert_eq!(
            &*readable_diff(&gb, "gb18030"),
            "-报告\n+报告。\n".as_bytes()
        );
        assert_eq!(&*readable_diff(b"-a\n", "utf-8"), b"-a\n");
    }

    fn fixed(text: &str) -> String {
        let linter = Linter::with_defaults();
        let out = fix_bytes(&linter, "t.txt", Format::Text, text.as_bytes()).unwrap();
        String::from_utf8(out.bytes.unwrap_or_else(|| text.as_bytes().to_vec())).unwrap()
    }

    #[test]
    fn a_marker_with_its_mark_doubled_is_fixed_whole() {
        // Two rules report "1、、"; the marker's fix takes the doubled mark with it.
        let text = crate::rules::with_measures("（一）甲。\n1、、完善清单。\n2.规范程序。\n");
        let out = fixed(&text);
        assert!(out.contains("\n1.完善清单。\n"), "{out}");
    }

    #[test]
    fn line_breaks_count_crlf_once() {
        assert_eq!(line_breaks("a\r\nb\nc\rd"), 3);
        assert_eq!(line_breaks("a\r\u{3000}\n"), 2);
        assert_eq!(line_breaks("a\r\n"), 1);
    }
}
