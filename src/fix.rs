//! `--fix` and `--diff`: apply the safe fixes to a text file, keeping its encoding, BOM and
//! line endings, and write it back atomically. Bytes outside the fixes stay identical.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::source::{self, SourceError, text};
use crate::{FileReport, Linter};
use std::io::Write;
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
    /// Unified diff of the change, for `Diff`.
    pub diff: Option<String>,
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
    let name = path.to_string_lossy().into_owned();
    let format = source::format_for_path(path).unwrap_or(Format::Text);
    let bytes = match source::read_file(path) {
        Ok(bytes) => bytes,
        Err(error) => return FixOutcome::failed(&name, format, error),
    };
    let fixed = match fix_bytes(linter, &name, format, &bytes) {
        Ok(fixed) => fixed,
        Err(error) => return FixOutcome::failed(&name, format, error),
    };
    let written = match (fixed.unrepresentable, mode, &fixed.bytes) {
        (true, ..) => Err(UNREPRESENTABLE.to_string()),
        (false, FixMode::Write, Some(new_bytes)) => {
            write_atomically(path, new_bytes).map_err(|e| source::io_cause(&e))
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

const UNREPRESENTABLE: &str = "文件中有按原编码写回时字节会变的字符（如 GB18030 的 0x80），为不改动修复以外的内容，未修复；请另存为 UTF-8 后再修复";

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
    /// Unified diff of the change.
    pub diff: String,
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
            diff: String::new(),
            unrepresentable: false,
        });
    }
    let (mut raw, encoding, bom) = text::decode_bytes(bytes)?;
    let raw_before = raw.clone();
    let original = source::load(name, format, bytes)?;
    let mut doc = original.clone();
    let (mut diags, mut facts) = linter.analyze(&doc);
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let edits = safe_edits(&diags);
        if edits.is_empty() {
            break;
        }
        let map = RawMap::new(&raw);
        let mut next = String::with_capacity(raw.len());
        let mut at = 0;
        for (span, replacement) in &edits {
            let (s, e) = (map.raw(span.start), map.raw(span.end));
            next.push_str(&raw[at..s]);
            next.push_str(replacement);
            at = e;
        }
        next.push_str(&raw[at..]);
        applied += edits.len();
        raw = next;
        let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
        doc = Document::from_text(name, format, encoding, normalized);
        (diags, facts) = linter.analyze(&doc);
    }
    let diff = unified_diff(name, &raw_before, &raw);
    let new_bytes = (applied > 0).then(|| text::encode(&raw, encoding, bom));
    let unrepresentable = applied > 0 && text::encode(&raw_before, encoding, bom) != bytes;
    let report = FileReport {
        path: name.to_string(),
        format: Some(format),
        document: Some(doc),
        error: None,
        diagnostics: diags,
        facts,
    };
    Ok(Fixed {
        report,
        applied,
        bytes: new_bytes,
        diff,
        unrepresentable,
    })
}

/// Writes beside the target, then renames over it, so a crash never leaves half a file.
/// A symbolic link is followed (its target is written, the link stays); a read-only file
/// and a file with several hard links (a rename would split them) are left alone.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        std::fs::canonicalize(path)?
    } else {
        path.to_path_buf()
    };
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(std::io::Error::other("文件是只读的，未写入"));
    }
    if hard_links(&meta) > 1 {
        return Err(std::io::Error::other(
            "文件有多个硬链接，写回会断开链接，未写入",
        ));
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    // Not derived from the file's name, which may already be as long as names can be.
    let tmp = dir.join(format!(".gwlint-{}-{nonce}.tmp", std::process::id()));
    let result = (|| {
        // create_new: never follow or overwrite something already at that name.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        keep_owner(&f, &meta)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, meta.permissions())?;
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The new file gets the old one's owner and group; when that is not allowed (another
/// user's file in a shared folder), the file is not replaced.
#[cfg(unix)]
fn keep_owner(f: &std::fs::File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = f.metadata()?;
    if (new.uid(), new.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(f, Some(meta.uid()), Some(meta.gid())).map_err(|_| {
        std::io::Error::other("文件属于其他用户或用户组，写回会改变文件的所有者，未写入")
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Unchanged lines shown around each change, as `diff -u` does; `git apply` wants them.
const CONTEXT: usize = 3;

/// A unified diff that `patch -p0` and `git apply` take as it is. Fixes never add or
/// remove lines, so lines pair by number. The texts are as decoded, with their "\r\n"
/// kept, so the hunks match the file's own line endings.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    let mut out = String::new();
    if before == after {
        return out;
    }
    let a = lines_of(before);
    let b = lines_of(after);
    let newline_at_end = before.ends_with('\n');
    let changed: Vec<usize> = (0..a.len().min(b.len()))
        .filter(|&i| a[i] != b[i])
        .collect();
    let name = quoted_name(name);
    out.push_str(&format!("--- {name}\n+++ {name}\n"));
    let line = |out: &mut String, sign: char, text: &str, i: usize| {
        out.push(sign);
        out.push_str(text);
        out.push('\n');
        if i + 1 == a.len() && !newline_at_end {
            out.push_str("\\ No newline at end of file\n");
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
        let to = (changed[last] + CONTEXT + 1).min(a.len());
        let len = to - from;
        out.push_str(&format!("@@ -{},{len} +{},{len} @@\n", from + 1, from + 1));
        let mut i = from;
        while i < to {
            if a[i] == b[i] {
                line(&mut out, ' ', a[i], i);
                i += 1;
                continue;
            }
            let run_end = (i..to).find(|&j| a[j] == b[j]).unwrap_or(to);
            for (j, text) in a.iter().enumerate().take(run_end).skip(i) {
                line(&mut out, '-', text, j);
            }
            for (j, text) in b.iter().enumerate().take(run_end).skip(i) {
                line(&mut out, '+', text, j);
            }
            i = run_end;
        }
        k = last + 1;
    }
    out
}

/// The lines of a text, without their "\n"; a final newline does not start another line.
fn lines_of(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if text.ends_with('\n') {
        lines.pop();
    }
    lines
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
        .replace('\t', "\\t");
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

    #[test]
    fn diff_pairs_lines_with_context() {
        let d = unified_diff("a.txt", "甲\n乙\n丙\n", "甲\n乙，\n丙\n");
        assert_eq!(
            d,
            "--- a.txt\n+++ a.txt\n@@ -1,3 +1,3 @@\n 甲\n-乙\n+乙，\n 丙\n"
        );
    }

    #[test]
    fn diff_keeps_crlf_marks_a_missing_newline_and_quotes_names() {
        let d = unified_diff("a b.txt", "甲\r\n乙", "甲\r\n乙，");
        assert_eq!(
            d,
            "--- \"a b.txt\"\n+++ \"a b.txt\"\n@@ -1,2 +1,2 @@\n 甲\r\n-乙\n\\ No newline at end of file\n+乙，\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn distant_changes_make_separate_hunks() {
        let before: String = (1..=20).map(|i| format!("行{i}\n")).collect();
        let after = before
            .replace("行2\n", "行2，\n")
            .replace("行18\n", "行18，\n");
        let d = unified_diff("a.txt", &before, &after);
        assert!(
            d.contains("@@ -1,5 +1,5 @@") && d.contains("@@ -15,6 +15,6 @@"),
            "{d}"
        );
    }
}
