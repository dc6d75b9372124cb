//! What only a batch shows: a report of another year than the others (last year's sent
//! again), and a unit that sent more than one file (a draft beside the final version).

use super::file_summary::FileSummary;
use super::overview::{Item, Section};
use super::parent_folder;
use crate::date::Ymd;
use std::collections::BTreeMap;

/// Fewer dated reports than this give no year most of them share.
const MIN_FOR_MAJORITY: usize = 3;

/// The year most reports are of, when clearly most (three in five) are.
fn usual_year(rows: &[FileSummary]) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for y in rows.iter().filter_map(|r| r.year) {
        *counts.entry(y).or_default() += 1;
    }
    let dated: usize = counts.values().sum();
    let (&year, &n) = counts.iter().max_by_key(|&(_, n)| *n)?;
    (dated >= MIN_FOR_MAJORITY && n * 5 >= dated * 3).then_some(year)
}

/// The year the batch should be on, and the files not on it.
struct OffYear {
    /// The list's title.
    title: String,
    /// Per row not on the year: its index and its year as said ("2023年", "看不出年度").
    rows: Vec<(usize, String)>,
    /// The expected year as a file's note says it.
    expected: String,
}

/// `year`: the year every report should be on (`--year`), else the one most are on.
fn off_year(rows: &[FileSummary], year: Option<i32>) -> Option<OffYear> {
    let asked = year.is_some();
    let (year, title, expected) = match year {
        Some(y) => (y, format!("年度不是{y}年的文件"), format!("应为{y}年")),
        None => {
            let y = usual_year(rows)?;
            let title = format!("年度与多数报告（{y}年）不同的文件");
            (y, title, format!("多数报告为{y}年"))
        }
    };
    let rows = (0..rows.len())
        .filter(|&k| {
            let r = &rows[k];
            // An empty file has no year to miss; the summary says it is empty.
            r.counts.is_some() && r.is_report && !r.blank && r.year != Some(year)
        })
        .filter_map(|k| {
            // Only a year asked for makes a report without one worth naming.
            let says = match rows[k].year {
                Some(y) => format!("{y}年"),
                None if asked => "看不出年度".into(),
                None => return None,
            };
            Some((k, says))
        })
        .collect();
    Some(OffYear {
        title,
        rows,
        expected,
    })
}

/// Per issuer, the rows of the files its unit sent more than once.
fn repeats(rows: &[FileSummary]) -> Vec<(&str, Vec<usize>)> {
    let mut by_issuer: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, r) in rows.iter().enumerate() {
        if let (Some(issuer), Some(_), true) = (&r.issuer, r.counts, r.is_report) {
            by_issuer.entry(issuer).or_default().push(k);
        }
    }
    by_issuer
        .into_iter()
        .map(|(issuer, files)| (issuer, sent_twice(rows, &files)))
        .filter(|(_, files)| files.len() > 1)
        .collect()
}

/// How many files repeat another of the same issuer word for word: counted in the totals
/// all the same, which must say so.
pub fn copies(rows: &[FileSummary]) -> usize {
    repeats(rows)
        .iter()
        .map(|(_, files)| {
            let mut contents: Vec<u64> = files.iter().map(|&k| rows[k].content).collect();
            contents.sort_unstable();
            contents.dedup();
            files.len() - contents.len()
        })
        .sum()
}

/// The two lists, each only when it has something; `year`: the year every report should
/// be on (`--year`), else the one most are on; `shown` is a path as the output shows it.
pub fn sections(
    rows: &[FileSummary],
    year: Option<i32>,
    shown: &dyn Fn(&str) -> String,
) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(off) = off_year(rows, year) {
        let items = off
            .rows
            .into_iter()
            .map(|(k, says)| Item::of_file(shown(&rows[k].path), says))
            .collect();
        out.extend(Section::new("other-year", off.title, items));
    }
    let repeated: Vec<Item> = repeats(rows)
        .into_iter()
        .map(|(issuer, files)| {
            let files: Vec<&FileSummary> = files.iter().map(|&k| &rows[k]).collect();
            Item::plain(format!("{issuer}：{}", versions(&files, shown)))
        })
        .collect();
    out.extend(Section::new(
        "same-issuer",
        "同一发文机关有多个文件（请确认是否重复报送或混入了草稿）",
        repeated,
    ));
    out
}

/// What only the batch says of each row, in the rows' order: another year, a copy of
/// another file, another version of its unit's report. The summary CSV's column.
pub fn per_file(rows: &[FileSummary], year: Option<i32>) -> Vec<Vec<String>> {
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
    if let Some(off) = off_year(rows, year) {
        for (k, says) in off.rows {
            let said = match rows[k].year {
                Some(_) => format!("年度为{says}"),
                None => says,
            };
            notes[k].push(format!("{said}（{}）", off.expected));
        }
    }
    for (_, files) in repeats(rows) {
        for &k in &files {
            let others = files.iter().filter(|&&o| o != k);
            let (copies, versions): (Vec<usize>, Vec<usize>) =
                others.partition(|&&o| rows[o].content == rows[k].content);
            if let Some(&first) = copies.first() {
                notes[k].push(format!("与 {} 内容相同", rows[first].path));
            }
            // One file of each other content names it.
            let mut seen: Vec<u64> = Vec::new();
            let names: Vec<&str> = versions
                .iter()
                .filter(|&&o| {
                    let new = !seen.contains(&rows[o].content);
                    seen.push(rows[o].content);
                    new
                })
                .map(|&o| rows[o].path.as_str())
                .collect();
            if !names.is_empty() {
                notes[k].push(format!("同一单位另有内容不同的文件：{}", names.join("、")));
            }
        }
    }
    notes
}

/// Of the rows of the files signed by one name, those a unit sent twice: beside another
/// of them in its folder, or a copy of another anywhere. 桥西区 of one city's folder is
/// not 桥西区 of another's.
fn sent_twice(rows: &[FileSummary], files: &[usize]) -> Vec<usize> {
    let folders: Vec<&str> = files
        .iter()
        .map(|&k| parent_folder(&rows[k].path))
        .collect();
    (0..files.len())
        .filter(|&a| {
            (0..files.len()).any(|b| {
                let (x, y) = (&rows[files[a]], &rows[files[b]]);
                // Last year's report beside this year's is listed as another year's.
                let other_year = x.year.zip(y.year).is_some_and(|(p, q)| p != q);
                a != b && !other_year && (folders[a] == folders[b] || x.content == y.content)
            })
        })
        .map(|a| files[a])
        .collect()
}

/// One unit's files, told apart by content: copies to delete, versions to choose from;
/// of versions dated differently, the latest 成文日期 is named.
fn versions(files: &[&FileSummary], shown: &dyn Fn(&str) -> String) -> String {
    // Per content: its files, and the date of the first (a copy has the same).
    let mut same: Vec<(Vec<String>, Option<Ymd>)> = Vec::new();
    let mut contents: Vec<u64> = Vec::new();
    for r in files {
        match contents.iter().position(|&c| c == r.content) {
            Some(k) => same[k].0.push(shown(&r.path)),
            None => {
                contents.push(r.content);
                same.push((vec![shown(&r.path)], r.date));
            }
        }
    }
    // The file a copy was made of first: "报告-终稿.txt" before "报告-终稿 - 副本.txt".
    for (copies, _) in &mut same {
        copies.sort_by_key(|name| names_a_copy(name));
    }
    if let [(copies, _)] = same.as_slice() {
        return format!("{} 内容完全相同（保留一份即可）", copies.join("、"));
    }
    let dates: Vec<Ymd> = same.iter().filter_map(|(_, d)| *d).collect();
    let dated_apart = dates.iter().any(|d| Some(d) != dates.first());
    let firsts: Vec<String> = same
        .iter()
        .map(|(copies, date)| match date {
            Some((y, m, d)) if dated_apart => format!("{}（{y}年{m}月{d}日）", copies[0]),
            _ => copies[0].clone(),
        })
        .collect();
    let latest = dates
        .iter()
        .max()
        .filter(|&&l| dated_apart && dates.iter().filter(|&&d| d == l).count() == 1);
    let newest = latest
        .and_then(|l| same.iter().find(|(_, d)| d.as_ref() == Some(l)))
        .map(|(copies, _)| format!("；成文日期最晚的是 {}", copies[0]))
        .unwrap_or_default();
    let mut out = format!("{} 内容不同（请确认以哪份为准{newest}）", firsts.join("、"));
    for (copies, _) in same.iter().filter(|(c, _)| c.len() > 1) {
        out += &format!("；{} 与 {} 内容相同", copies[1..].join("、"), copies[0]);
    }
    out
}

/// A name the system gives a copy: "… - 副本.txt", "…副本(2).docx", "… - Copy.txt",
/// "…(1).txt".
fn names_a_copy(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.contains("副本")
        || stem.to_lowercase().contains("copy")
        || crate::lazy_regex::static_regex!(r"[（(][0-9]{1,2}[)）]$").is_match(stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::Layout;

    fn row(path: &str, issuer: &str, year: i32) -> FileSummary {
        FileSummary {
            path: path.into(),
            issuer: Some(issuer.into()),
            year: Some(year),
            counts: Some([0; 3]),
            is_report: true,
            ..FileSummary::default()
        }
    }

    /// A 2024 report of `issuer` with its content's hash and its 成文日期.
    fn dated(path: &str, issuer: &str, content: u64, date: Option<Ymd>) -> FileSummary {
        FileSummary {
            content,
            date,
            ..row(path, issuer, 2024)
        }
    }

    fn notes(rows: &[FileSummary]) -> String {
        let mut out = Vec::new();
        for s in sections(rows, None, &|p| p.to_string()) {
            s.write_text(&mut out, Layout::default()).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn another_year_and_a_second_file() {
        let rows = [
            row("a.txt", "甲县卫生健康局", 2024),
            row("b.txt", "乙县卫生健康局", 2024),
            row("c.txt", "丙县卫生健康局", 2023),
            FileSummary {
                content: 1,
                ..row("c-修改稿.txt", "丙县卫生健康局", 2024)
            },
            FileSummary {
                content: 2,
                ..row("c-初稿.txt", "丙县卫生健康局", 2024)
            },
        ];
        // Last year's report is another year's, not a version of this year's.
        assert_eq!(
            notes(&rows),
            "\n年度与多数报告（2024年）不同的文件：\n  c.txt：2023年\n\n同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  丙县卫生健康局：c-修改稿.txt、c-初稿.txt 内容不同（请确认以哪份为准）\n"
        );
    }

    #[test]
    fn copies_versions_and_namesakes() {
        let with = |path: &str, issuer: &str, content: u64| FileSummary {
            content,
            ..row(path, issuer, 2024)
        };
        let mut note = with("b/甲.txt", "甲县卫生健康局", 9);
        note.is_report = false;
        let rows = [
            with("a/丙.txt", "丙县卫生健康局", 1),
            with("a/丙(1).txt", "丙县卫生健康局", 2),
            with("a/丙（1）.txt", "丙县卫生健康局", 2),
            with("a/丙-修改稿.txt", "丙县卫生健康局", 3),
            with("a/丁.txt", "丁县卫生健康局", 4),
            with("a/丁-1.txt", "丁县卫生健康局", 4),
            // Namesakes in two cities, and a cover note beside a report.
            with("b/桥西区.txt", "桥西区卫生健康局", 5),
            with("c/桥西区.txt", "桥西区卫生健康局", 6),
            // A copy filed in another folder is a copy.
            with("a/草稿/丁.txt", "丁县卫生健康局", 4),
            with("b/甲县.txt", "甲县卫生健康局", 7),
            note,
        ];
        assert_eq!(
            notes(&rows),
            "\n同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  丁县卫生健康局：a/丁.txt、a/丁-1.txt、a/草稿/丁.txt 内容完全相同（保留一份即可）\n  丙县卫生健康局：a/丙.txt、a/丙(1).txt、a/丙-修改稿.txt 内容不同（请确认以哪份为准）；a/丙（1）.txt 与 a/丙(1).txt 内容相同\n"
        );
    }

    /// Of a file and its copy, the file is named, whichever sorts first.
    #[test]
    fn the_latest_is_named_by_the_file_not_its_copy() {
        let dated = |path: &str, content, date| dated(path, "东湖区卫生健康局", content, date);
        let rows = [
            dated("报告-初稿.txt", 1, Some((2025, 1, 10))),
            dated("报告-终稿 - 副本.txt", 2, Some((2025, 1, 20))),
            dated("报告-终稿.txt", 2, Some((2025, 1, 20))),
        ];
        assert_eq!(
            notes(&rows),
            "\n同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  东湖区卫生健康局：报告-初稿.txt（2025年1月10日）、报告-终稿.txt（2025年1月20日） 内容不同（请确认以哪份为准；成文日期最晚的是 报告-终稿.txt）；报告-终稿 - 副本.txt 与 报告-终稿.txt 内容相同\n"
        );
        assert!(names_a_copy("a/报告副本(2).docx") && names_a_copy("b - Copy.txt"));
        assert!(!names_a_copy("a/复印件登记(1)/报告.txt") && !names_a_copy("报告（2024）.txt"));
    }

    #[test]
    fn the_latest_of_versions_dated_apart_is_named() {
        let dated = |path: &str, content, date| dated(path, "丙县卫生健康局", content, date);
        let rows = [
            dated("丙.txt", 1, Some((2025, 1, 20))),
            dated("丙-定稿.txt", 2, Some((2025, 2, 3))),
            dated("丙-定稿(1).txt", 2, Some((2025, 2, 3))),
            dated("丙-初稿.txt", 3, None),
        ];
        assert_eq!(
            notes(&rows),
            "\n同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  丙县卫生健康局：丙.txt（2025年1月20日）、丙-定稿.txt（2025年2月3日）、丙-初稿.txt 内容不同（请确认以哪份为准；成文日期最晚的是 丙-定稿.txt）；丙-定稿(1).txt 与 丙-定稿.txt 内容相同\n"
        );
        // Dated alike: no date is worth showing, none is the latest.
        let rows = [
            dated("丙.txt", 1, Some((2025, 1, 20))),
            dated("丙-改.txt", 2, Some((2025, 1, 20))),
        ];
        assert_eq!(
            notes(&rows),
            "\n同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  丙县卫生健康局：丙.txt、丙-改.txt 内容不同（请确认以哪份为准）\n"
        );
    }

    #[test]
    fn each_file_has_what_the_batch_says_of_it() {
        let with = |path: &str, issuer: &str, content: u64| FileSummary {
            content,
            ..row(path, issuer, 2024)
        };
        let rows = [
            with("a/丙.txt", "丙县卫生健康局", 1),
            with("a/丙(1).txt", "丙县卫生健康局", 1),
            with("a/丙-修改稿.txt", "丙县卫生健康局", 2),
            with("a/甲.txt", "甲县卫生健康局", 3),
            FileSummary {
                year: Some(2023),
                ..with("a/乙.txt", "乙县卫生健康局", 4)
            },
            with("a/丁.txt", "丁县卫生健康局", 5),
        ];
        assert_eq!(
            per_file(&rows, None),
            [
                vec![
                    "与 a/丙(1).txt 内容相同",
                    "同一单位另有内容不同的文件：a/丙-修改稿.txt"
                ],
                vec![
                    "与 a/丙.txt 内容相同",
                    "同一单位另有内容不同的文件：a/丙-修改稿.txt"
                ],
                vec!["同一单位另有内容不同的文件：a/丙.txt"],
                vec![],
                vec!["年度为2023年（多数报告为2024年）"],
                vec![],
            ]
        );
        assert_eq!(
            per_file(&rows, Some(2024))[4],
            ["年度为2023年（应为2024年）"]
        );
    }

    #[test]
    fn the_year_asked_for_names_reports_without_one() {
        let undated = FileSummary {
            year: None,
            ..row("c.txt", "丙", 2024)
        };
        let rows = [row("a.txt", "甲", 2024), row("b.txt", "乙", 2023), undated];
        let said = |year| {
            let mut out = Vec::new();
            for s in sections(&rows, year, &|p| p.to_string()) {
                s.write_text(&mut out, Layout::default()).unwrap();
            }
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            said(Some(2024)),
            "\n年度不是2024年的文件：\n  b.txt：2023年\n  c.txt：看不出年度\n"
        );
        assert_eq!(per_file(&rows, Some(2024))[2], ["看不出年度（应为2024年）"]);
        // An empty file has no year to miss.
        let blank = FileSummary {
            year: None,
            blank: true,
            ..row("d.txt", "丁", 2024)
        };
        assert!(per_file(&[row("a.txt", "甲", 2024), blank], Some(2024))[1].is_empty());
        // Too few dated reports to have a usual year: nothing without one asked for.
        assert_eq!(said(None), "");
    }

    #[test]
    fn nothing_to_say() {
        // Distinct units; years too few or too mixed to have a usual one.
        let rows = [row("a.txt", "甲", 2024), row("b.txt", "乙", 2023)];
        assert_eq!(notes(&rows), "");
        let rows = [
            row("a.txt", "甲", 2024),
            row("b.txt", "乙", 2023),
            row("c.txt", "丙", 2024),
            row("d.txt", "丁", 2023),
        ];
        assert_eq!(notes(&rows), "");
    }
}
