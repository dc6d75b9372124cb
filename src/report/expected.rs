//! What a supervisor expects of a batch (`--year`, `--roster`): the reported year, and the
//! units that must send a report. The summary then says which units sent nothing, which
//! files come from a unit not on the list, and which report another year.

use super::Unchecked;
use super::file_summary::FileSummary;
use super::overview::{Item, Section};
use crate::lazy_regex::static_regex;
use crate::text::is_han;
use crate::unit_name::{leading_places, same_body};
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// The year every report should be on.
    pub year: Option<i32>,
    pub roster: Option<Roster>,
}

/// The units that must report, in the list's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub units: Vec<String>,
}

/// Cells of a list copied from Excel that name no unit.
const HEADER_WORDS: [&str; 6] = ["单位", "单位名称", "名称", "报送单位", "序号", "备注"];

impl Roster {
    /// One unit a line, as typed or pasted from Excel or Word (the first cell with Chinese
    /// in it: "1\t桃源县卫生健康局\t张三" gives 桃源县卫生健康局; a header row, a heading
    /// and a total row are skipped, see `unit_named`); `#` starts a comment. UTF-8,
    /// GB18030 or UTF-16, as reports are.
    pub fn load(path: &Path) -> Result<Roster, String> {
        let cannot = |why: String| format!("无法读取单位名单 {}：{why}", path.display());
        let bytes = crate::source::read_file(path).map_err(|e| cannot(e.message))?;
        if bytes.starts_with(b"PK") {
            return Err(cannot(
                "这是 Excel 或 Word 文件；请把单位名称一行一个另存为文本（.txt）或 CSV".into(),
            ));
        }
        let (text, _, _) =
            crate::source::text::decode_bytes(&bytes).map_err(|e| cannot(e.message))?;
        let roster = Roster::parse(&text);
        if roster.units.is_empty() {
            return Err(cannot("没有找到单位名称（每行写一个单位）".into()));
        }
        Ok(roster)
    }

    pub fn parse(text: &str) -> Roster {
        let mut units: Vec<String> = Vec::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let cells: Vec<String> = line
                .split(['\t', ',', '，', ';', '；'])
                .map(|c| {
                    c.trim()
                        .trim_matches(['"', '\u{feff}'])
                        .replace([' ', '　'], "")
                })
                .collect();
            // A header row ("序号,单位名称,联系人") names no unit in any cell.
            if cells.iter().any(|c| HEADER_WORDS.contains(&c.as_str())) {
                continue;
            }
            let Some(cell) = cells.into_iter().find(|c| c.chars().any(is_han)) else {
                continue;
            };
            if let Some(unit) = unit_named(&cell)
                && !units.contains(&unit)
            {
                units.push(unit);
            }
        }
        Roster { units }
    }

    /// The unit on the list a file comes from: by the issuer it names, else by its path
    /// ("报告/桃源县/2024年报告.pdf"): the whole name, or a place only that unit has.
    fn unit_of(&self, issuer: Option<&str>, path: &str) -> Option<usize> {
        if let Some(issuer) = issuer {
            let by_name: Vec<usize> = (0..self.units.len())
                .filter(|&k| same_named(&self.units[k], issuer))
                .collect();
            if let [k] = by_name.as_slice() {
                return Some(*k);
            }
        }
        let path = path.replace(['\\', ' ', '　'], "");
        if let Some(k) = self.units.iter().position(|u| path.contains(u.as_str())) {
            return Some(k);
        }
        let mut by_place = (0..self.units.len()).filter(|&k| {
            leading_places(&self.units[k])
                .last()
                .is_some_and(|p| path.contains(p))
        });
        let k = by_place.next()?;
        by_place.next().is_none().then_some(k)
    }
}

/// The unit a list's cell names: without the number a list pasted from Word has ("1．",
/// "（2）", "三、") or a remark in brackets at its end ("（含区疾控中心）"). A heading
/// ("应报送单位名单") or a total row ("合计：2个单位") names none.
fn unit_named(cell: &str) -> Option<String> {
    let numbered =
        static_regex!(r"^(?:[(（]?[0-9０-９]{1,3}[)）.．、:：]?|[一二三四五六七八九十]{1,3}、)");
    let name = numbered.find(cell).map_or(cell, |m| &cell[m.end()..]);
    let name = match name.strip_suffix(['）', ')']) {
        Some(inner) => inner.rfind(['（', '(']).map_or(name, |k| &name[..k]),
        None => name,
    };
    let listing = ["名单", "清单", "一览表", "附件"]
        .iter()
        .any(|w| name.contains(w));
    let total = ["合计", "总计", "小计", "共计"]
        .iter()
        .any(|w| name.starts_with(w));
    (name.chars().any(is_han) && !listing && !total && !name.ends_with(['：', ':']))
        .then(|| name.to_string())
}

/// The same unit, in full or in a standard short form; a name without its place
/// ("县卫生健康局") is any county's.
fn same_named(unit: &str, issuer: &str) -> bool {
    let placed = |n: &str| !leading_places(n).is_empty();
    if unit == issuer || (placed(unit) && placed(issuer) && same_body(unit, issuer)) {
        return true;
    }
    // A county's own list names its units by level and short form ("县卫健局", "医保局"):
    // the body of an issuer of a place of that level.
    let places = leading_places(issuer);
    let (false, Some(last)) = (placed(unit), places.last()) else {
        return false;
    };
    let body = &issuer[places.iter().map(|p| p.len()).sum::<usize>()..];
    let (level, listed) = match unit.chars().next() {
        Some(c) if "省市县区旗州盟".contains(c) => (Some(c), &unit[c.len_utf8()..]),
        _ => (None, unit),
    };
    level.is_none_or(|l| last.ends_with(l))
        && listed.chars().count() >= 2
        && same_body(listed, body)
}

impl Expected {
    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.roster.is_none()
    }

    /// The lists the roster gives: units that sent nothing, and files of a unit not on it.
    /// (Files of another year are listed with the batch's other notes.)
    pub fn sections(
        &self,
        rows: &[FileSummary],
        unchecked: &[Unchecked],
        shown: &dyn Fn(&str) -> String,
    ) -> Vec<Section> {
        self.roster
            .as_ref()
            .map(|r| r.sections(rows, unchecked, shown, self.year))
            .unwrap_or_default()
    }

    /// The rows of reports from a unit not on the list (none without a list).
    pub fn strangers(&self, rows: &[FileSummary]) -> Vec<usize> {
        self.roster
            .as_ref()
            .map(|r| r.strangers(rows))
            .unwrap_or_default()
    }

    /// The units on the list that sent nothing, for the summary CSV's last rows.
    pub fn missing_units(&self, rows: &[FileSummary], unchecked: &[Unchecked]) -> Vec<Missing> {
        self.roster
            .as_ref()
            .map(|r| r.missing(rows, unchecked, self.year))
            .unwrap_or_default()
    }
}

/// A unit on the list that sent no report of the year asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub unit: String,
    /// The other years it sent reports of, when it sent any.
    pub other_years: Vec<i32>,
}

impl Missing {
    /// "只报送了2024年的报告", when it sent one of another year.
    pub fn note(&self) -> Option<String> {
        let years: Vec<String> = self.other_years.iter().map(|y| format!("{y}年")).collect();
        (!years.is_empty()).then(|| format!("只报送了{}的报告", years.join("、")))
    }

    fn shown(&self) -> String {
        match self.note() {
            Some(note) => format!("{}（{note}）", self.unit),
            None => self.unit.clone(),
        }
    }
}

impl Roster {
    /// A unit has sent when a file of it is of `year` or of no year it shows (an unreadable
    /// one too); its reports of other years do not count.
    fn missing(
        &self,
        rows: &[FileSummary],
        unchecked: &[Unchecked],
        year: Option<i32>,
    ) -> Vec<Missing> {
        let mut sent = vec![false; self.units.len()];
        let mut other_years: Vec<Vec<i32>> = vec![Vec::new(); self.units.len()];
        // A letter sent without its report does not count.
        let files = rows
            .iter()
            .filter(|r| r.is_report)
            .map(|r| (r.issuer.as_deref(), r.path.as_str(), r.year))
            .chain(unchecked.iter().map(|u| (None, u.path.as_str(), None)));
        for (issuer, path, of) in files {
            let Some(k) = self.unit_of(issuer, path) else {
                continue;
            };
            match (year, of) {
                (Some(y), Some(o)) if y != o => {
                    if !other_years[k].contains(&o) {
                        other_years[k].push(o);
                    }
                }
                _ => sent[k] = true,
            }
        }
        (0..self.units.len())
            .filter(|&k| !sent[k])
            .map(|k| Missing {
                unit: self.units[k].clone(),
                other_years: std::mem::take(&mut other_years[k]),
            })
            .collect()
    }

    fn strangers(&self, rows: &[FileSummary]) -> Vec<usize> {
        (0..rows.len())
            .filter(|&k| {
                let r = &rows[k];
                r.is_report && self.unit_of(r.issuer.as_deref(), &r.path).is_none()
            })
            .collect()
    }

    fn sections(
        &self,
        rows: &[FileSummary],
        unchecked: &[Unchecked],
        shown: &dyn Fn(&str) -> String,
        year: Option<i32>,
    ) -> Vec<Section> {
        let missing = self.missing(rows, unchecked, year);
        let title = format!(
            "名单中未报送的单位（{} 个，名单共 {} 个）",
            missing.len(),
            self.units.len()
        );
        let stranger: Vec<Item> = self
            .strangers(rows)
            .into_iter()
            .map(|k| {
                let r = &rows[k];
                let says = r.issuer.as_deref().map_or_else(
                    || "看不出发文机关".to_string(),
                    |i| format!("发文机关“{i}”"),
                );
                Item::of_file(shown(&r.path), says)
            })
            .collect();
        let mut out: Vec<Section> = Section::new(
            "missing-units",
            title,
            missing.iter().map(|m| Item::plain(m.shown())).collect(),
        )
        .into_iter()
        .collect();
        out.extend(Section::new(
            "unknown-units",
            "不在单位名单中的文件（核对是否报错了单位，或名单中的名称写法不同）",
            stranger,
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_typed_or_pasted_from_excel() {
        let text = "\u{feff}序号\t单位名称\t联系人\n1\t桃源县卫生健康局\t张三\n2\t玉屏县卫生健康局\n\n# 新设\n金沙县 卫生健康局\n桃源县卫生健康局\n";
        assert_eq!(
            Roster::parse(text).units,
            ["桃源县卫生健康局", "玉屏县卫生健康局", "金沙县卫生健康局"]
        );
    }

    /// A list pasted from a Word notice or an Excel sheet, with what is not a unit in it.
    #[test]
    fn numbers_remarks_headings_and_totals_are_no_units() {
        let text = "江岚市应报送单位名单\n1．溪桥区卫生健康局（含区疾控中心）\n2.石湾县卫生健康局\n3、桂溪县卫生健康局\n（4）雁山县卫生健康局\n五、青禾市卫生健康委员会（市中医药管理局）\n,合计：5个单位,\n附件：\n";
        assert_eq!(
            Roster::parse(text).units,
            [
                "溪桥区卫生健康局",
                "石湾县卫生健康局",
                "桂溪县卫生健康局",
                "雁山县卫生健康局",
                "青禾市卫生健康委员会"
            ]
        );
        // A name with figures of its own keeps them.
        assert_eq!(
            Roster::parse("十堰市卫生健康委员会\n").units,
            ["十堰市卫生健康委员会"]
        );
    }

    #[test]
    fn files_are_matched_to_units() {
        let roster = Roster::parse(
            "青禾市卫生健康委员会\n桃源县卫生健康局\n玉屏县卫生健康局\n玉屏县人民医院\n",
        );
        assert_eq!(roster.unit_of(Some("青禾市卫健委"), "a.docx"), Some(0));
        assert_eq!(
            roster.unit_of(Some("桃源县卫生健康局"), "x/y.docx"),
            Some(1)
        );
        // A name without its place is any county's: the path decides.
        assert_eq!(
            roster.unit_of(Some("县卫生健康局"), "桃源县/报告.docx"),
            Some(1)
        );
        assert_eq!(roster.unit_of(None, "报告/桃源县 卫生健康局.pdf"), Some(1));
        // A county's list in short forms, by level.
        let short = Roster::parse("县卫健局\n县医保局\n县人社局\n");
        assert_eq!(short.unit_of(Some("桐江县卫生健康局"), "a.txt"), Some(0));
        assert_eq!(short.unit_of(Some("桐江县医疗保障局"), "b.txt"), Some(1));
        assert_eq!(
            short.unit_of(Some("桐江县人力资源和社会保障局"), "c.txt"),
            Some(2)
        );
        assert_eq!(short.unit_of(Some("青禾市卫生健康局"), "d.txt"), None);
        // 玉屏县 is two units' place: only the whole name tells them apart.
        assert_eq!(roster.unit_of(None, "玉屏县/报告.pdf"), None);
        assert_eq!(roster.unit_of(None, "玉屏县人民医院.pdf"), Some(3));
        assert_eq!(
            roster.unit_of(Some("金沙县卫生健康局"), "金沙县.docx"),
            None
        );
    }
}
