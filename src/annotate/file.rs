//! Annotating one input file: where its copy goes, and never over the input itself.

use super::{Refusal, annotate};
use crate::document::Format;
use crate::source;
use crate::{FileReport, Linter};
use std::path::{Component, Path, PathBuf};

/// What annotating one file did.
#[derive(Debug)]
pub enum Annotation {
    /// The copy was written: where, with how many comments.
    Written(PathBuf, usize),
    /// Nothing to write: no findings, not a .docx, or not readable (see the report).
    Skipped,
    /// The copy could not be made or written: why. The input is untouched.
    Refused(Refusal),
}

/// Lints `path` and, when it is a .docx with findings, writes a copy with comments under
/// `out_dir`, at the path the input was named by.
pub fn annotate_file(linter: &Linter, path: &Path, out_dir: &Path) -> (FileReport, Annotation) {
    let name = path.to_string_lossy();
    let format = source::format_for_path(path).unwrap_or(Format::Text);
    let bytes = match source::read_file(path) {
        Ok(b) => b,
        Err(error) => {
            return (
                FileReport::failed(&name, Some(format), error),
                Annotation::Skipped,
            );
        }
    };
    let report = linter.lint_bytes(&name, format, &bytes);
    let annotation = match &report.document {
        Some(doc) if doc.format == Format::Docx && !report.diagnostics.is_empty() => {
            let target = out_dir.join(mirrored(path));
            match write_copy(&bytes, doc, &report, path, &target) {
                Ok(n) => Annotation::Written(target, n),
                Err(why) => Annotation::Refused(why),
            }
        }
        _ => Annotation::Skipped,
    };
    (report, annotation)
}

fn write_copy(
    bytes: &[u8],
    doc: &crate::document::Document,
    report: &FileReport,
    input: &Path,
    target: &Path,
) -> Result<usize, Refusal> {
    if is_same_file(input, target) {
        return Err(format!(
            "批注版会写在原文件 {} 上；请换一个输出目录",
            target.display()
        ));
    }
    let annotated = annotate(bytes, doc, &report.diagnostics)?;
    crate::atomic::write_output(target, &annotated.bytes)
        .map_err(|e| format!("无法写入 {}：{}", target.display(), source::io_cause(&e)))?;
    Ok(annotated.comments)
}

/// The input's path inside the output folder: its normal components only, so that
/// "../x.docx" or "/abs/x.docx" cannot lead out of it.
fn mirrored(path: &Path) -> PathBuf {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn is_same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_stay_inside_the_output_folder() {
        assert_eq!(
            mirrored(Path::new("../报告/a.docx")),
            PathBuf::from("报告/a.docx")
        );
        assert_eq!(
            mirrored(Path::new("/srv/x/./b.docx")),
            PathBuf::from("srv/x/b.docx")
        );
    }
}
