//! Annotating one input file: where its copy goes, and never over the input itself.

use super::{Refusal, annotate};
use crate::document::Format;
use crate::source;
use crate::{FileReport, Linter};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Left in a folder of annotated copies, so that a later check of the folder around it
/// does not count the copies as reports.
pub const FOLDER_MARK: &str = ".gwlint-annotated";

const FOLDER_MARK_TEXT: &str = "此目录中的 .docx 是 gwlint check --annotate 生成的批注版。\n检查上级目录时，gwlint 跳过此目录，以免把批注版当作报告重复统计；\n直接检查此目录（gwlint check 此目录）或加 --no-ignore 时仍会检查。删除本文件即恢复默认。\n";

/// Where a run's copies go, and what they must never replace.
#[derive(Debug)]
pub struct Destination {
    dir: PathBuf,
    marked: std::sync::Once,
    /// Every input, canonical: no copy is written over one.
    inputs: HashSet<PathBuf>,
    /// The copies this run has written or is writing: two inputs never share one.
    claimed: Mutex<HashSet<PathBuf>>,
}

impl Destination {
    pub fn new(dir: &Path, inputs: impl IntoIterator<Item = PathBuf>) -> Destination {
        Destination {
            dir: dir.to_path_buf(),
            inputs: inputs
                .into_iter()
                .filter_map(|p| std::fs::canonicalize(p).ok())
                .collect(),
            claimed: Mutex::new(HashSet::new()),
            marked: std::sync::Once::new(),
        }
    }

    /// The folder's mark, once a copy is in it; a mark that cannot be written costs only
    /// the skipping, so it is no error.
    fn mark(&self) {
        self.marked.call_once(|| {
            let _ = crate::atomic::write_output(
                &self.dir.join(FOLDER_MARK),
                FOLDER_MARK_TEXT.as_bytes(),
            );
        });
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Why `target` may not be written, if it may not.
    fn refuse(&self, target: &Path) -> Option<Refusal> {
        let shown = target.display();
        if let Ok(existing) = std::fs::canonicalize(target) {
            if self.inputs.contains(&existing) {
                return Some(format!(
                    "批注版会写在要检查的文件 {shown} 上；请换一个输出目录"
                ));
            }
            if !is_gwlint_copy(&existing) {
                return Some(format!(
                    "{shown} 已经存在，且不是 gwlint 生成的批注版，不予覆盖；请换一个输出目录"
                ));
            }
        }
        let mut claimed = self.claimed.lock().unwrap_or_else(|e| e.into_inner());
        if !claimed.insert(target.to_path_buf()) {
            return Some(format!(
                "另一个同名文件的批注版也要写到 {shown}；请分开检查这两个文件"
            ));
        }
        None
    }
}

/// A .docx whose comments gwlint wrote (an earlier run's copy), which a new run may replace.
pub fn is_gwlint_copy(path: &Path) -> bool {
    const LIMIT: u64 = 16 * 1024 * 1024;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        return false;
    };
    let parts: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.to_ascii_lowercase().ends_with("comments.xml"))
        .map(|n| n.into_owned())
        .collect();
    parts.iter().any(|name| {
        let mut xml = String::new();
        zip.by_name(name)
            .is_ok_and(|e| e.take(LIMIT).read_to_string(&mut xml).is_ok())
            && xml.contains(&format!(r#"author="{}""#, super::comment::AUTHOR))
    })
}

/// What annotating one file did.
#[derive(Debug)]
pub enum Annotation {
    /// The copy was written: where, with how many new comments, and how many findings
    /// already had theirs from an earlier run.
    Written {
        copy: PathBuf,
        comments: usize,
        standing: usize,
    },
    /// Nothing to write: no findings, not a .docx, or not readable (see the report).
    Skipped,
    /// The copy could not be made or written: why. The input is untouched.
    Refused(Refusal),
}

/// Lints `path` and, when it is a .docx with findings, writes a copy with comments under
/// the destination folder, at the path the input was named by.
pub fn annotate_file(linter: &Linter, path: &Path, to: &Destination) -> (FileReport, Annotation) {
    let name = crate::path_text::path_text(path);
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
            let target = to.dir.join(mirrored(path));
            match write_copy(&bytes, doc, &report, to, &target) {
                Ok((comments, standing)) => Annotation::Written {
                    copy: target,
                    comments,
                    standing,
                },
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
    to: &Destination,
    target: &Path,
) -> Result<(usize, usize), Refusal> {
    if let Some(why) = to.refuse(target) {
        return Err(why);
    }
    let annotated = annotate(bytes, doc, &report.diagnostics)?;
    crate::atomic::write_output(target, &annotated.bytes)
        .map_err(|e| format!("无法写入 {}：{}", target.display(), source::io_cause(&e)))?;
    to.mark();
    Ok((annotated.comments, annotated.standing))
}

/// The input's path inside the output folder: its normal components only, so that
/// "../x.docx" or "/abs/x.docx" cannot lead out of it. An absolute path under the current
/// folder is taken from there, as if it had been named relative to it.
fn mirrored(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok();
    let path = cwd
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s),
            _ => None,
        })
        .collect()
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
        let here = std::env::current_dir().unwrap().join("各单位/c.docx");
        assert_eq!(mirrored(&here), PathBuf::from("各单位/c.docx"));
    }
}
