//! Reports a folder's walk left out on purpose, and what left each out. A unit's own
//! .gitignore, .ignore or gwlint.toml `exclude` can hide its report from a supervisor's
//! batch, so the summaries name every such file and the line or setting that hid it.

use ignore::gitignore::Gitignore;
use ignore::{Match, WalkBuilder};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A report not checked because a rule of the folder's said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub path: PathBuf,
    pub by: LeftBy,
}

/// What left a report out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftBy {
    /// A line of a .gitignore or .ignore file.
    IgnoreFile { file: PathBuf, pattern: String },
    /// A configuration's `exclude`.
    Exclude { config: PathBuf },
    /// No ignore file on the way up names it: git's own lists.
    GitSettings,
    /// Its name starts with a dot, as a hidden file's does.
    Hidden,
}

impl LeftOut {
    /// The same, with every name passed through `clean` (made safe for a terminal).
    pub fn cleaned(&self, clean: &dyn Fn(&str) -> String) -> LeftOut {
        let path = |p: &Path| PathBuf::from(clean(&p.to_string_lossy()));
        let by = match &self.by {
            LeftBy::IgnoreFile { file, pattern } => LeftBy::IgnoreFile {
                file: path(file),
                pattern: clean(pattern),
            },
            LeftBy::Exclude { config } => LeftBy::Exclude {
                config: path(config),
            },
            LeftBy::GitSettings => LeftBy::GitSettings,
            LeftBy::Hidden => LeftBy::Hidden,
        };
        LeftOut {
            path: path(&self.path),
            by,
        }
    }

    /// "被 A/.gitignore 中的“*”排除", with the file that did it named by `shown`.
    pub fn reason(&self, shown: &dyn Fn(&str) -> String) -> String {
        let name = |p: &Path| shown(&p.to_string_lossy());
        match &self.by {
            LeftBy::IgnoreFile { file, pattern } => {
                format!("被 {} 中的“{pattern}”排除", name(file))
            }
            LeftBy::Exclude { config } => format!("被 {} 的 exclude 排除", name(config)),
            LeftBy::GitSettings => {
                "被 git 的排除设置（.git/info/exclude 或全局的 core.excludesFile）排除".into()
            }
            LeftBy::Hidden => {
                "文件名以“.”开头，是隐藏文件，遍历目录时不检查；如是报告，请去掉名称开头的“.”"
                    .into()
            }
        }
    }
}

/// A hidden folder (.git) or one of the "._" files macOS leaves beside copies: no unit's
/// report is there, whatever the ignore settings say.
pub fn never_walked(name: &str, folder: bool) -> bool {
    folder && name.starts_with('.') || name.starts_with("._")
}

/// The reports under `root` that ignore files hide, or a dot hides: those a walk without
/// them finds (`is_report` decides what is one; `skip_folder` names folders never walked)
/// and that are not among `seen`, the files the real walk met. Hidden folders (.git) and
/// the "._" files macOS leaves beside copies are no unit's reports.
pub fn ignored(
    root: &Path,
    seen: &HashSet<PathBuf>,
    is_report: &dyn Fn(&Path) -> bool,
    skip_folder: fn(&Path) -> bool,
) -> Vec<LeftOut> {
    let hidden: Vec<PathBuf> = WalkBuilder::new(root)
        .standard_filters(false)
        .follow_links(false)
        .filter_entry(move |e| {
            let folder = e.file_type().is_some_and(|t| t.is_dir());
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !(folder && skip_folder(e.path()) || never_walked(&name, folder))
        })
        .sort_by_file_path(|a, b| a.cmp(b))
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| !seen.contains(p) && is_report(p))
        .collect();
    let mut blame = Blame::default();
    let dotted = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
    };
    hidden
        .into_iter()
        .map(|path| {
            let by = if dotted(&path) {
                LeftBy::Hidden
            } else {
                blame.of(&path)
            };
            LeftOut { path, by }
        })
        .collect()
}

/// Finds the ignore file and the line that hide a file, reading each ignore file once.
#[derive(Default)]
struct Blame {
    read: HashMap<PathBuf, Option<Gitignore>>,
}

impl Blame {
    /// The nearest ignore file that names the file or a folder above it, as a walk reads
    /// them: a deeper file before a shallower one, .ignore before .gitignore.
    fn of(&mut self, path: &Path) -> LeftBy {
        let Ok(file) = std::fs::canonicalize(path) else {
            return LeftBy::GitSettings;
        };
        for dir in file.ancestors().skip(1) {
            for name in [".ignore", ".gitignore"] {
                let at = dir.join(name);
                let rules = self
                    .read
                    .entry(at.clone())
                    .or_insert_with(|| at.is_file().then(|| Gitignore::new(&at).0));
                let (Some(rules), Ok(below)) = (rules, file.strip_prefix(dir)) else {
                    continue;
                };
                match rules.matched_path_or_any_parents(below, false) {
                    Match::Ignore(glob) => {
                        return LeftBy::IgnoreFile {
                            file: crate::workspace::from_here(&at),
                            pattern: glob.original().to_string(),
                        };
                    }
                    // Let through here: something else hides it.
                    Match::Whitelist(_) => return LeftBy::GitSettings,
                    Match::None => {}
                }
            }
        }
        LeftBy::GitSettings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(p: &Path) -> bool {
        p.extension().is_some_and(|e| e == "txt")
    }

    fn never(_: &Path) -> bool {
        false
    }

    #[test]
    fn names_the_ignore_file_and_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("甲/草稿")).unwrap();
        std::fs::create_dir_all(root.join("乙")).unwrap();
        std::fs::write(root.join("甲/.gitignore"), "# 单位自己的\n草稿/\n").unwrap();
        std::fs::write(root.join("乙/.ignore"), "*.txt\n!说明.txt\n").unwrap();
        for f in [
            "甲/报告.txt",
            "甲/草稿/报告.txt",
            "乙/报告.txt",
            "乙/说明.txt",
        ] {
            std::fs::write(root.join(f), "正文").unwrap();
        }
        let seen: HashSet<PathBuf> = ["甲/报告.txt", "乙/说明.txt"]
            .iter()
            .map(|f| root.join(f))
            .collect();
        let left = ignored(root, &seen, &report, never);
        let got: Vec<(PathBuf, String)> = left
            .into_iter()
            .map(|l| {
                let reason = l.reason(&|p| p.to_string());
                (l.path.strip_prefix(root).unwrap().to_path_buf(), reason)
            })
            .collect();
        let at = |f: &str| root.join(f).display().to_string();
        assert_eq!(
            got,
            vec![
                (
                    PathBuf::from("乙/报告.txt"),
                    format!("被 {} 中的“*.txt”排除", at("乙/.ignore"))
                ),
                (
                    PathBuf::from("甲/草稿/报告.txt"),
                    format!("被 {} 中的“草稿/”排除", at("甲/.gitignore"))
                ),
            ]
        );
    }

    #[test]
    fn a_file_the_walk_met_or_no_report_is_not_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join(".gitignore"), "*\n").unwrap();
        std::fs::write(root.join("报告.txt"), "正文").unwrap();
        std::fs::write(root.join("图.png"), "").unwrap();
        let seen: HashSet<PathBuf> = [root.join("报告.txt")].into_iter().collect();
        assert!(ignored(root, &seen, &report, never).is_empty());
    }

    #[test]
    fn hidden_files_and_skipped_folders_are_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("批注版")).unwrap();
        std::fs::write(root.join(".gitignore"), "*.txt\n").unwrap();
        std::fs::write(root.join("._报告.txt"), "").unwrap();
        std::fs::write(root.join("批注版/报告.txt"), "").unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/报告.txt"), "").unwrap();
        let copies = |p: &Path| p.ends_with("批注版");
        assert!(ignored(root, &HashSet::new(), &report, copies).is_empty());
    }

    #[test]
    fn a_report_named_with_a_dot_is_named_as_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join(".河西区报告.txt"), "").unwrap();
        let left = ignored(root, &HashSet::new(), &report, never);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].by, LeftBy::Hidden);
        assert!(left[0].reason(&|p| p.to_string()).contains("隐藏文件"));
    }
}
