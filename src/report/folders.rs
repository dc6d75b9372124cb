//! Totals per folder of a batch (one folder per unit or city, as supervisors file the
//! reports they receive), worst first.

use super::file_summary::FileSummary;
use super::{LeftOut, Unchecked};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// What the folder table is called, in the summary and on the HTML page.
pub const TITLE: &str = "按目录汇总（有错误的文件多的在前）";

/// Where files directly in the checked folder are counted.
const TOP_LEVEL: &str = "（本目录）";

#[derive(Default, Debug, PartialEq, Eq)]
pub struct FolderTotal {
    pub name: String,
    pub files: usize,
    pub with_errors: usize,
    pub with_warnings: usize,
    pub unreadable: usize,
    pub unchecked: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl FolderTotal {
    pub const HEADER: [&'static str; 9] = [
        "目录",
        "文件",
        "有错误",
        "有警告",
        "无法读取",
        "未检查",
        "错误",
        "警告",
        "提示",
    ];

    pub fn cells(&self) -> Vec<String> {
        let mut cells = vec![self.name.clone()];
        cells.extend(
            [
                self.files,
                self.with_errors,
                self.with_warnings,
                self.unreadable,
                self.unchecked,
                self.errors,
                self.warnings,
                self.infos,
            ]
            .iter()
            .map(|n| n.to_string()),
        );
        cells
    }
}

/// The first folder of a shown path, when the file is in one.
fn folder_of(shown: &str) -> &str {
    let mut names = Path::new(shown).components().filter_map(|c| match c {
        Component::Normal(n) => n.to_str(),
        _ => None,
    });
    match (names.next(), names.next()) {
        (Some(first), Some(_)) => first,
        _ => TOP_LEVEL,
    }
}

/// One total per first-level folder below the one all files share, most errors first;
/// empty when they are all in one.
/// The paths of the reports found and not checked: in formats gwlint does not read, or
/// left out by ignore files and `exclude`.
pub fn not_checked(unchecked: &[Unchecked], left_out: &[LeftOut]) -> Vec<String> {
    let left_out = left_out
        .iter()
        .map(|l| l.path.to_string_lossy().into_owned());
    unchecked
        .iter()
        .map(|u| u.path.clone())
        .chain(left_out)
        .collect()
}

/// `not_checked`: the paths of the reports found and not checked.
pub fn by_folder(rows: &[FileSummary], not_checked: &[String]) -> Vec<FolderTotal> {
    let root = SharedRoot::of(rows, not_checked);
    let shown = |p: &str| root.show(p);
    let mut folders: BTreeMap<String, FolderTotal> = BTreeMap::new();
    fn at<'f>(folders: &'f mut BTreeMap<String, FolderTotal>, shown: &str) -> &'f mut FolderTotal {
        let name = folder_of(shown).to_string();
        let t = folders.entry(name.clone()).or_default();
        t.name = name;
        t.files += 1;
        t
    }
    for r in rows {
        let t = at(&mut folders, &shown(&r.path));
        match r.counts {
            None if r.config_broken => t.unchecked += 1,
            None => t.unreadable += 1,
            Some([e, w, i]) => {
                t.with_errors += usize::from(e > 0);
                t.with_warnings += usize::from(e == 0 && w > 0);
                t.errors += e;
                t.warnings += w;
                t.infos += i;
            }
        }
    }
    for path in not_checked {
        at(&mut folders, &shown(path)).unchecked += 1;
    }
    if folders.len() < 2 {
        return Vec::new();
    }
    let mut all: Vec<FolderTotal> = folders.into_values().collect();
    // Stable: folders with as many errors keep their name order.
    all.sort_by(|a, b| {
        (b.with_errors, b.errors, b.unreadable).cmp(&(a.with_errors, a.errors, a.unreadable))
    });
    all
}

/// The folder every file of a batch is in, below which paths are shown.
pub struct SharedRoot(PathBuf);

impl SharedRoot {
    /// `not_checked`: the paths of the reports found and not checked.
    pub fn of(rows: &[FileSummary], not_checked: &[String]) -> SharedRoot {
        SharedRoot(common_folder(
            rows.iter()
                .map(|r| r.path.as_str())
                .chain(not_checked.iter().map(String::as_str)),
        ))
    }

    /// Empty for a single file or when the files share no folder worth naming.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// `p` below the shared folder.
    pub fn show(&self, p: &str) -> String {
        Path::new(p)
            .strip_prefix(&self.0)
            .map_or_else(|_| p.to_string(), |r| r.display().to_string())
    }
}

/// The deepest folder that holds every file of the run; empty for a single file or when
/// they share none.
fn common_folder<'p>(paths: impl Iterator<Item = &'p str>) -> PathBuf {
    let mut common: Option<PathBuf> = None;
    let mut files = 0;
    for p in paths {
        files += 1;
        let folder = Path::new(p).parent().unwrap_or(Path::new(""));
        common = Some(match common {
            None => folder.to_path_buf(),
            Some(c) => c
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    // "." or "/" says nothing; below "/" the paths are shown whole.
    common
        .filter(|c| files > 1 && c.components().any(|k| matches!(k, Component::Normal(_))))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(path: &str, counts: Option<[usize; 3]>) -> FileSummary {
        FileSummary {
            path: path.into(),
            counts,
            is_report: true,
            ..FileSummary::default()
        }
    }

    #[test]
    fn worst_folder_first() {
        let rows = [
            row("报告/东城县/a.txt", Some([0, 1, 2])),
            row("报告/西河区/b.txt", Some([3, 0, 0])),
            row("报告/西河区/c.docx", None),
            row("报告/总表.txt", Some([0, 0, 0])),
        ];
        let unchecked = [Unchecked {
            path: "报告/东城县/d.doc".into(),
            kind: "legacy-format",
            reason: "无法检查",
        }];
        let left_out = [LeftOut {
            path: "报告/南湖镇/e.txt".into(),
            by: crate::left_out::LeftBy::GitSettings,
        }];
        let totals = by_folder(&rows, &not_checked(&unchecked, &left_out));
        let names: Vec<&str> = totals.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["西河区", "东城县", "南湖镇", TOP_LEVEL]);
        assert_eq!(
            totals[0].cells(),
            ["西河区", "2", "1", "0", "1", "0", "3", "0", "0"]
        );
        assert_eq!(
            totals[1].cells(),
            ["东城县", "2", "0", "1", "0", "1", "0", "1", "2"]
        );
        assert_eq!(
            totals[2].cells(),
            ["南湖镇", "1", "0", "0", "0", "1", "0", "0", "0"]
        );
    }

    #[test]
    fn one_folder_needs_no_totals() {
        let rows = [row("a/x.txt", Some([1, 0, 0])), row("a/y.txt", None)];
        assert_eq!(by_folder(&rows, &[]), []);
        // Paths like ./a/x.txt: "." is no folder.
        let rows = [row("./a/x.txt", Some([1, 0, 0])), row("./b/y.txt", None)];
        assert_eq!(by_folder(&rows, &[]).len(), 2);
    }

    #[test]
    fn the_folder_all_files_share() {
        let common = |paths: &[&str]| common_folder(paths.iter().copied());
        assert_eq!(
            common(&["reports/东城县/a.txt", "reports/西河区/b.txt"]),
            PathBuf::from("reports")
        );
        // Nothing worth saying: one file, the current folder, the root.
        assert_eq!(common(&["reports/a.txt"]), PathBuf::new());
        assert_eq!(common(&["./a.txt", "./b.txt"]), PathBuf::new());
        assert_eq!(common(&["/x/a.txt", "/y/b.txt"]), PathBuf::new());
    }
}
