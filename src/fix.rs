//! `--fix` and `--diff`: apply the safe fixes to a text file, keeping its encoding, BOM and
//! line endings, and write it back atomically. Bytes outside the fixes stay identical.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::source::{self, ErrorKind, SourceError, text};
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
    let outcome =
        source::read_file(path).and_then(|bytes| fix_bytes(linter, &name, format, &bytes));
    match outcome {
        Ok((report, applied, new_bytes, diff)) => {
            if let (FixMode::Write, Some(bytes)) = (mode, new_bytes)
                && let Err(e) = write_atomically(path, &bytes)
            {
                let error = SourceError::new(
                    ErrorKind::Io,
                    format!("无法写回修复后的文件：{}", source::io_cause(&e)),
                );
                return FixOutcome {
                    report: FileReport::failed(&name, Some(format), error),
                    applied: 0,
                    diff: None,
                };
            }
            FixOutcome {
                report,
                applied,
                diff: (mode == FixMode::Diff && applied > 0).then_some(diff),
            }
        }
        Err(error) => FixOutcome {
            report: FileReport::failed(&name, Some(format), error),
            applied: 0,
            diff: None,
        },
    }
}

type Fixed = (FileReport, usize, Option<Vec<u8>>, String);

/// Fixes text bytes in memory: (remaining report, fixes applied, new bytes if changed, diff).
pub fn fix_bytes(
    linter: &Linter,
    name: &str,
    format: Format,
    bytes: &[u8],
) -> Result<Fixed, SourceError> {
    if format == Format::Docx {
        let report = linter.lint_bytes(name, format, bytes);
        return Ok((report, 0, None, String::new()));
    }
    let (mut raw, encoding, bom) = text::decode_bytes(bytes)?;
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
    let diff = unified_diff(name, &original.text, &doc.text);
    let new_bytes = (applied > 0).then(|| text::encode(&raw, encoding, bom));
    let report = FileReport {
        path: name.to_string(),
        format: Some(format),
        document: Some(doc),
        error: None,
        diagnostics: diags,
        facts,
    };
    Ok((report, applied, new_bytes, diff))
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
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(
        ".{file_name}.gwlint-{}-{nonce}.tmp",
        std::process::id()
    ));
    let result = (|| {
        // create_new: never follow or overwrite something already at that name.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
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

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Fixes never add or remove lines, so the diff pairs lines by number.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    let mut out = String::new();
    if before == after {
        return out;
    }
    // Plain names, so that `patch -p0` and `git apply` take the diff as it is.
    out.push_str(&format!("--- {name}\n+++ {name}\n"));
    for (i, (a, b)) in before.split('\n').zip(after.split('\n')).enumerate() {
        if a != b {
            out.push_str(&format!("@@ -{n},1 +{n},1 @@\n-{a}\n+{b}\n", n = i + 1));
        }
    }
    out
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
    fn diff_pairs_lines() {
        let d = unified_diff("a.txt", "甲\n乙\n丙", "甲\n乙，\n丙");
        assert_eq!(d, "--- a.txt\n+++ a.txt\n@@ -2,1 +2,1 @@\n-乙\n+乙，\n");
    }
}
