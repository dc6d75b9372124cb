//! What only a batch shows: a report of another year than the others (last year's sent
//! again), and a unit that sent more than one file (a draft beside the final version).

use super::file_summary::FileSummary;
use super::overview::{Item, Section};
use super::parent_folder;
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

/// The two lists, each only when it has something; `year`: the year every report should
/// be on (`--year`), else the one most are on; `shown` is a path as the output shows it.
pub fn sections(
    rows: &[FileSummary],
    year: Option<i32>,
    shown: &dyn Fn(&str) -> String,
) -> Vec<Section> {
    let mut out = Vec::new();
    let asked = year.map(|y| (y, format!("年度不是{y}年的文件")));
    let usual = || usual_year(rows).map(|y| (y, format!("年度与多数报告（{y}年）不同的文件")));
    if let Some((year, title)) = asked.clone().or_else(usual) {
        let odd: Vec<Item> = rows
            .iter()
            .filter(|r| r.counts.is_some() && r.is_report && r.year != Some(year))
            .filter_map(|r| {
                // Only a year asked for makes a report without one worth naming.
                let says = match r.year {
                    Some(y) => format!("{y}年"),
                    None if asked.is_some() => "看不出年度".into(),
                    None => return None,
                };
                Some(Item::of_file(shown(&r.path), says))
            })
            .collect();
        out.extend(Section::new("other-year", title, odd));
    }
    let mut by_issuer: BTreeMap<&str, Vec<&FileSummary>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.counts.is_some() && r.is_report) {
        if let Some(issuer) = &r.issuer {
            by_issuer.entry(issuer).or_default().push(r);
        }
    }
    let repeated: Vec<Item> = by_issuer
        .into_iter()
        .filter_map(|(issuer, files)| {
            let files = sent_twice(&files);
            (files.len() > 1).then(|| Item::plain(format!("{issuer}：{}", versions(&files, shown))))
        })
        .collect();
    out.extend(Section::new(
        "same-issuer",
        "同一发文机关有多个文件（请确认是否重复报送或混入了草稿）",
        repeated,
    ));
    out
}

/// Of the files signed by one name, those a unit sent twice: beside another of them in
/// its folder, or a copy of another anywhere. 桥西区 of one city's folder is not 桥西区 of
/// another's.
fn sent_twice<'r>(files: &[&'r FileSummary]) -> Vec<&'r FileSummary> {
    let folders: Vec<&str> = files.iter().map(|r| parent_folder(&r.path)).collect();
    (0..files.len())
        .filter(|&a| {
            (0..files.len()).any(|b| {
                a != b && (folders[a] == folders[b] || files[a].content == files[b].content)
            })
        })
        .map(|a| files[a])
        .collect()
}

/// One unit's files, told apart by content: copies to delete, versions to choose from.
fn versions(files: &[&FileSummary], shown: &dyn Fn(&str) -> String) -> String {
    let mut same: Vec<Vec<String>> = Vec::new();
    let mut contents: Vec<u64> = Vec::new();
    for r in files {
        match contents.iter().position(|&c| c == r.content) {
            Some(k) => same[k].push(shown(&r.path)),
            None => {
                contents.push(r.content);
                same.push(vec![shown(&r.path)]);
            }
        }
    }
    if let [copies] = same.as_slice() {
        return format!("{} 内容完全相同（保留一份即可）", copies.join("、"));
    }
    let firsts: Vec<&str> = same.iter().map(|c| c[0].as_str()).collect();
    let mut out = format!("{} 内容不同（请确认以哪份为准）", firsts.join("、"));
    for copies in same.iter().filter(|c| c.len() > 1) {
        out += &format!("；{} 与 {} 内容相同", copies[1..].join("、"), copies[0]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(path: &str, issuer: &str, year: i32) -> FileSummary {
        FileSummary {
            path: path.into(),
            issuer: Some(issuer.into()),
            year: Some(year),
            counts: Some([0; 3]),
            by_category: [0; 8],
            missing_parts: Vec::new(),
            sign_off: Vec::new(),
            error: None,
            config: None,
            content: 0,
            is_report: true,
        }
    }

    fn notes(rows: &[FileSummary]) -> String {
        let mut out = Vec::new();
        for s in sections(rows, None, &|p| p.to_string()) {
            s.write_text(&mut out).unwrap();
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
        ];
        assert_eq!(
            notes(&rows),
            "\n年度与多数报告（2024年）不同的文件：\n  c.txt：2023年\n\n同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  丙县卫生健康局：c.txt、c-修改稿.txt 内容不同（请确认以哪份为准）\n"
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
                s.write_text(&mut out).unwrap();
            }
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            said(Some(2024)),
            "\n年度不是2024年的文件：\n  b.txt：2023年\n  c.txt：看不出年度\n"
        );
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
