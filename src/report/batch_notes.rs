//! What only a batch shows: a report of another year than the others (last year's sent
//! again), and a unit that sent more than one file (a draft beside the final version).

use super::file_summary::FileSummary;
use super::overview::{Item, Section};
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

/// The two lists, each only when it has something; `shown` is a path as the output shows it.
pub fn sections(rows: &[FileSummary], shown: &dyn Fn(&str) -> String) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(usual) = usual_year(rows) {
        let odd: Vec<Item> = rows
            .iter()
            .filter_map(|r| {
                let y = r.year.filter(|&y| y != usual)?;
                Some(Item::of_file(shown(&r.path), format!("{y}年")))
            })
            .collect();
        out.extend(Section::new(
            "other-year",
            format!("年度与多数报告（{usual}年）不同的文件"),
            odd,
        ));
    }
    let mut by_issuer: BTreeMap<&str, Vec<&FileSummary>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.counts.is_some()) {
        if let Some(issuer) = &r.issuer {
            by_issuer.entry(issuer).or_default().push(r);
        }
    }
    let repeated: Vec<Item> = by_issuer
        .into_iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(issuer, files)| {
            let names: Vec<String> = files.iter().map(|r| shown(&r.path)).collect();
            Item::plain(format!("{issuer}：{}", names.join("、")))
        })
        .collect();
    out.extend(Section::new(
        "same-issuer",
        "同一发文机关有多个文件（请确认是否重复报送或混入了草稿）",
        repeated,
    ));
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
        }
    }

    fn notes(rows: &[FileSummary]) -> String {
        let mut out = Vec::new();
        for s in sections(rows, &|p| p.to_string()) {
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
            row("c-修改稿.txt", "丙县卫生健康局", 2024),
        ];
        assert_eq!(
            notes(&rows),
            "\n年度与多数报告（2024年）不同的文件：\n  c.txt：2023年\n\n同一发文机关有多个文件（请确认是否重复报送或混入了草稿）：\n  丙县卫生健康局：c.txt、c-修改稿.txt\n"
        );
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
