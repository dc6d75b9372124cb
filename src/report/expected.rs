//! What a supervisor expects of a batch (`--year`, `--roster`): the reported year, and the
//! units that must send a report. The summary then says which units sent nothing, which
//! files come from a unit not on the list, and which report another year.

use super::file_summary::FileSummary;
use super::overview::{Item, Section};
use super::{LeftOut, Unchecked};
use crate::lazy_regex::static_regex;
use crate::text::is_han;
use crate::unit_name::{leading_places, places_in, same_body};
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
/// A header's cells over the column of the units' names.
const NAME_HEADERS: [&str; 8] = [
    "单位名称",
    "单位全称",
    "报送单位",
    "机构名称",
    "部门名称",
    "单位名",
    "单位",
    "名称",
];
/// A header's cells over a column of the city or county each unit is in.
const PLACE_HEADERS: [&str; 7] = [
    "设区市",
    "市州",
    "地市",
    "所属市",
    "所属地区",
    "地区",
    "县区",
];

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
        // From a header row ("序号,设区市,单位名称,联系人"): the column of the names, and
        // of the city each is in.
        let mut columns: Option<(usize, Option<usize>)> = None;
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
            let column =
                |names: &[&str]| names.iter().find_map(|h| cells.iter().position(|c| c == h));
            // A header row names no unit in any cell.
            if cells.iter().any(|c| HEADER_WORDS.contains(&c.as_str())) {
                columns = column(&NAME_HEADERS).map(|k| (k, column(&PLACE_HEADERS)));
                continue;
            }
            let cell = match columns {
                Some((k, place)) if k < cells.len() => {
                    cells.get(k).filter(|c| c.chars().any(is_han)).map(|c| {
                        let place = place.and_then(|p| cells.get(p)).map_or("", String::as_str);
                        in_place(c, place)
                    })
                }
                _ => cells.into_iter().find(|c| c.chars().any(is_han)),
            };
            if let Some(unit) = cell.as_deref().and_then(unit_named)
                && !units.contains(&unit)
            {
                units.push(unit);
            }
        }
        Roster { units }
    }

    /// The units on the list a file comes from: those its issuers name (each of a joint
    /// report's; the title's before a 落款 that differs), else the one its path names
    /// ("报告/桃源县/2024年报告.pdf"): the whole name, or the places only that unit has.
    /// A file whose issuer names a place is not credited by its folder to another unit:
    /// "安平市/安平市人民医院…" is no report of 安平市卫生健康委员会.
    fn units_of(&self, issuer: Option<&str>, path: &str) -> Vec<usize> {
        let path: String = path
            .chars()
            .filter(|c| !matches!(c, '/' | '\\' | ' ' | '　'))
            .collect();
        let whole = self.units.iter().position(|u| path.contains(u.as_str()));
        if let Some(issuer) = issuer {
            let (titled, signed) = match issuer.split_once("（落款：") {
                Some((t, s)) => (t, Some(s.strip_suffix('）').unwrap_or(s))),
                None => (issuer, None),
            };
            for names in [Some(titled), signed].into_iter().flatten() {
                let mut found: Vec<usize> = names
                    .split('、')
                    .filter_map(|n| self.named(n, &path))
                    .collect();
                found.dedup();
                if !found.is_empty() {
                    return found;
                }
            }
            if !leading_places(titled).is_empty() {
                return whole.into_iter().collect();
            }
        }
        whole
            .or_else(|| self.by_places(&path))
            .into_iter()
            .collect()
    }

    /// The one unit `name` names; of several (a 城关区 in two cities), the one whose
    /// places the name or the path name all.
    fn named(&self, name: &str, path: &str) -> Option<usize> {
        let by_name: Vec<usize> = (0..self.units.len())
            .filter(|&k| same_named(&self.units[k], name))
            .collect();
        match by_name.as_slice() {
            [k] => Some(*k),
            many => only(many.iter().copied().filter(|&k| {
                leading_places(&self.units[k])
                    .iter()
                    .all(|p| name.contains(p) || path.contains(p))
            })),
        }
    }

    /// The unit whose last place the path names, with the most of its places: "白沙市/南岗区…"
    /// is 白沙市南岗区卫生健康局's, not 白沙市卫生健康委员会's. Nor is "云州市/兰山县卫生健康局…"
    /// the city's: a place named after the unit's own is another unit's.
    fn by_places(&self, path: &str) -> Option<usize> {
        let named: Vec<(usize, usize)> = (0..self.units.len())
            .filter_map(|k| {
                let places = leading_places(&self.units[k]);
                let last = places.last()?;
                let after = path.rfind(last)? + last.len();
                if places_in(&path[after..])
                    .iter()
                    .any(|p| !places.contains(p))
                {
                    return None;
                }
                Some((k, places.iter().filter(|p| path.contains(**p)).count()))
            })
            .collect();
        let most = named.iter().map(|&(_, n)| n).max()?;
        only(named.iter().filter(|&&(_, n)| n == most).map(|&(k, _)| k))
    }
}

/// The only item, if there is just one.
fn only(mut items: impl Iterator<Item = usize>) -> Option<usize> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// A unit's name with the city of its row in front ("岚州市" and "城关区卫生健康局"), when
/// the cell is a city's name and the unit's name does not already hold it.
fn in_place(name: &str, place: &str) -> String {
    let city = leading_places(place).concat() == place;
    if city && !name.starts_with(place) && !leading_places(name).contains(&place) {
        format!("{place}{name}")
    } else {
        name.to_string()
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
    // The list puts the city before a name that has none ("金河市" and "高新区社会事务局").
    // Not a name that is only a level's ("市卫生健康委员会" is any city's).
    let unit_places: usize = leading_places(unit).iter().map(|p| p.len()).sum();
    let levelled = issuer.starts_with(|c: char| "省市县区旗州盟".contains(c));
    if unit_places > 0 && !placed(issuer) && !levelled && unit[unit_places..] == *issuer {
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

    /// The lists the roster gives: units that sent no report to check, and files of a unit
    /// not on it. (Files of another year are listed with the batch's other notes.)
    pub fn sections(&self, got: &Received, shown: &dyn Fn(&str) -> String) -> Vec<Section> {
        self.roster
            .as_ref()
            .map(|r| r.sections(got, shown, self.year))
            .unwrap_or_default()
    }

    /// The rows of reports from a unit not on the list (none without a list).
    pub fn strangers(&self, rows: &[FileSummary]) -> Vec<usize> {
        self.roster
            .as_ref()
            .map(|r| r.strangers(rows))
            .unwrap_or_default()
    }

    /// The first unit on the list a file is credited to, by its place on the list (from 0)
    /// and name; None without a list, or for a unit not on it.
    pub fn listed_unit(&self, issuer: Option<&str>, path: &str) -> Option<(usize, &str)> {
        let roster = self.roster.as_ref()?;
        let k = roster.units_of(issuer, path).into_iter().min()?;
        Some((k, roster.units[k].as_str()))
    }

    /// The units on the list that sent no report to check, for the summary CSV's last rows.
    pub fn missing_units(&self, got: &Received) -> Vec<Missing> {
        self.roster
            .as_ref()
            .map(|r| r.missing(got, self.year))
            .unwrap_or_default()
    }
}

/// Everything a batch received: the files read or not, those of a kind not checked, and
/// those the folders' ignore settings left out.
pub struct Received<'a> {
    pub rows: &'a [FileSummary],
    pub unchecked: &'a [Unchecked],
    pub left_out: &'a [LeftOut],
}

/// What a unit sent in place of a report to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Instead {
    /// A report of another year.
    OtherYear(i32),
    /// A file that could not be read.
    Unreadable,
    /// A file with nothing in it.
    Blank,
    /// A file of a kind not checked, by its extension ("PDF").
    Unsupported(String),
    /// A report a folder's ignore settings left out.
    LeftOut,
    /// A report not checked: its folder's gwlint.toml is broken.
    BrokenConfig,
}

/// A unit on the list that sent no report of the year asked for that could be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// Its place on the list, from 0.
    pub index: usize,
    pub unit: String,
    /// What it sent instead, if anything.
    pub instead: Vec<Instead>,
}

impl Missing {
    /// 未报送 when nothing came: a unit that sent something to read again, or last
    /// year's report, is another phone call.
    pub fn status(&self) -> &'static str {
        let any = |f: fn(&Instead) -> bool| self.instead.iter().any(f);
        if any(|i| matches!(i, Instead::BrokenConfig)) {
            "未检查"
        } else if any(|i| matches!(i, Instead::LeftOut)) {
            "已排除"
        } else if any(|i| {
            matches!(
                i,
                Instead::Unreadable | Instead::Blank | Instead::Unsupported(_)
            )
        }) {
            "需重新报送"
        } else if self.instead.is_empty() {
            "未报送"
        } else {
            "年度不符"
        }
    }

    /// What it sent instead: "只报送了2024年的报告", "报送的 PDF 文件无法检查".
    pub fn note(&self) -> Option<String> {
        let mut years: Vec<String> = Vec::new();
        let mut kinds: Vec<&str> = Vec::new();
        let (mut unreadable, mut blank, mut left_out, mut broken) = (false, false, false, false);
        for i in &self.instead {
            match i {
                Instead::OtherYear(y) => years.push(format!("{y}年")),
                Instead::Unsupported(k) if !kinds.contains(&k.as_str()) => kinds.push(k),
                Instead::Unsupported(_) => {}
                Instead::Unreadable => unreadable = true,
                Instead::Blank => blank = true,
                Instead::LeftOut => left_out = true,
                Instead::BrokenConfig => broken = true,
            }
        }
        let mut parts: Vec<String> = Vec::new();
        if !years.is_empty() {
            let only = if years.len() == self.instead.len() {
                "只"
            } else {
                ""
            };
            parts.push(format!("{only}报送了{}的报告", years.join("、")));
        }
        if unreadable {
            parts.push("报送的文件无法读取".into());
        }
        if blank {
            parts.push("报送的是空文件".into());
        }
        if !kinds.is_empty() {
            parts.push(format!("报送的 {} 文件无法检查", kinds.join("、")));
        }
        if left_out {
            parts.push("报告按忽略设置未检查".into());
        }
        if broken {
            parts.push("报告因所在目录的 gwlint.toml 有误未检查".into());
        }
        (!parts.is_empty()).then(|| parts.join("；"))
    }

    fn shown(&self) -> String {
        match self.note() {
            Some(note) => format!("{}（{note}）", self.unit),
            None => self.unit.clone(),
        }
    }
}

/// A file's kind by its extension, as a drafter names it ("PDF", "WPS").
fn kind_of(path: &str) -> String {
    Path::new(path).extension().map_or_else(
        || "无扩展名的".to_string(),
        |e| e.to_string_lossy().to_uppercase(),
    )
}

impl Roster {
    /// A unit has sent when a file of it is a report of `year`, or of no year it shows;
    /// what else came from it is noted.
    fn missing(&self, got: &Received, year: Option<i32>) -> Vec<Missing> {
        let mut sent = vec![false; self.units.len()];
        let mut instead: Vec<Vec<Instead>> = vec![Vec::new(); self.units.len()];
        let mut note = |units: Vec<usize>, what: Option<Instead>| {
            for k in units {
                match &what {
                    None => sent[k] = true,
                    Some(i) if !instead[k].contains(i) => instead[k].push(i.clone()),
                    Some(_) => {}
                }
            }
        };
        // A letter sent without its report does not count.
        for r in got.rows.iter().filter(|r| r.is_report) {
            let what = match (r.counts, year, r.year) {
                (None, _, _) if r.config_broken => Some(Instead::BrokenConfig),
                (None, _, _) => Some(Instead::Unreadable),
                (Some(_), _, _) if r.blank => Some(Instead::Blank),
                (Some(_), Some(y), Some(o)) if y != o => Some(Instead::OtherYear(o)),
                _ => None,
            };
            note(self.units_of(r.issuer.as_deref(), &r.path), what);
        }
        for u in got.unchecked {
            let what = Instead::Unsupported(kind_of(&u.path));
            note(self.units_of(None, &u.path), Some(what));
        }
        for l in got.left_out {
            note(
                self.units_of(None, &l.path.to_string_lossy()),
                Some(Instead::LeftOut),
            );
        }
        (0..self.units.len())
            .filter(|&k| !sent[k])
            .map(|k| Missing {
                index: k,
                unit: self.units[k].clone(),
                instead: std::mem::take(&mut instead[k]),
            })
            .collect()
    }

    fn strangers(&self, rows: &[FileSummary]) -> Vec<usize> {
        (0..rows.len())
            .filter(|&k| {
                let r = &rows[k];
                r.is_report && self.units_of(r.issuer.as_deref(), &r.path).is_empty()
            })
            .collect()
    }

    fn sections(
        &self,
        got: &Received,
        shown: &dyn Fn(&str) -> String,
        year: Option<i32>,
    ) -> Vec<Section> {
        let missing = self.missing(got, year);
        let all = self.units.len();
        // Said also when every unit sent: a list misread would look the same.
        let listed = if missing.is_empty() {
            Section::new(
                "missing-units",
                format!("名单核对（名单共 {all} 个单位）"),
                vec![Item::plain("名单中的单位均已报送".into())],
            )
        } else {
            Section::new(
                "missing-units",
                format!(
                    "名单中未报送或需重新报送的单位（{} 个，名单共 {all} 个）",
                    missing.len()
                ),
                missing.iter().map(|m| Item::plain(m.shown())).collect(),
            )
        };
        let stranger: Vec<Item> = self
            .strangers(got.rows)
            .into_iter()
            .map(|k| {
                let r = &got.rows[k];
                let says = r.issuer.as_deref().map_or_else(
                    || "看不出发文机关".to_string(),
                    |i| format!("发文机关“{i}”"),
                );
                Item::of_file(shown(&r.path), says)
            })
            .collect();
        let mut out: Vec<Section> = listed.map(Section::counted).into_iter().collect();
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

    /// An Excel sheet saved as CSV: the names come from the column headed 单位名称, with the
    /// city of their row in front when they name none themselves.
    #[test]
    fn a_sheet_with_a_column_of_cities() {
        let text = "序号,设区市,单位名称,联系人\n1,省直,岚江省人民医院,张三\n2,岚州市,城关区卫生健康局,李四\n3,青川市,城关区卫生健康局,王五\n4,青川市,青川市卫生健康委员会,赵六\n";
        assert_eq!(
            Roster::parse(text).units,
            [
                "岚江省人民医院",
                "岚州市城关区卫生健康局",
                "青川市城关区卫生健康局",
                "青川市卫生健康委员会"
            ]
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
        assert_eq!(roster.units_of(Some("青禾市卫健委"), "a.docx"), [0]);
        assert_eq!(roster.units_of(Some("桃源县卫生健康局"), "x/y.docx"), [1]);
        // A name without its place is any county's: the path decides.
        assert_eq!(
            roster.units_of(Some("县卫生健康局"), "桃源县/报告.docx"),
            [1]
        );
        assert_eq!(roster.units_of(None, "报告/桃源县 卫生健康局.pdf"), [1]);
        // A county's list in short forms, by level.
        let short = Roster::parse("县卫健局\n县医保局\n县人社局\n");
        assert_eq!(short.units_of(Some("桐江县卫生健康局"), "a.txt"), [0]);
        assert_eq!(short.units_of(Some("桐江县医疗保障局"), "b.txt"), [1]);
        assert_eq!(
            short.units_of(Some("桐江县人力资源和社会保障局"), "c.txt"),
            [2]
        );
        assert_eq!(
            short.units_of(Some("青禾市卫生健康局"), "d.txt"),
            Vec::<usize>::new()
        );
        // 玉屏县 is two units' place: only the whole name tells them apart.
        assert_eq!(
            roster.units_of(None, "玉屏县/报告.pdf"),
            Vec::<usize>::new()
        );
        assert_eq!(roster.units_of(None, "玉屏县人民医院.pdf"), [3]);
        // Of two units of one name, the one whose city the path names.
        let cities = Roster::parse(
            "岚州市卫生健康委员会\n岚州市城关区卫生健康局\n青川市城关区卫生健康局\n岚江省妇幼保健院\n岚江省儿童医院\n",
        );
        assert_eq!(
            cities.units_of(Some("城关区卫生健康局"), "岚州市/城关区/报告.docx"),
            [1]
        );
        assert_eq!(
            cities.units_of(Some("城关区卫生健康局"), "青川市/报告.docx"),
            [2]
        );
        // A joint report is each issuer's; a 落款 that differs does not hide the title's.
        assert_eq!(
            cities.units_of(Some("岚江省妇幼保健院、岚江省儿童医院"), "a.docx"),
            [3, 4]
        );
        assert_eq!(
            cities.units_of(
                Some("岚州市城关区卫生健康局（落款：岚州市某某局）"),
                "a.docx"
            ),
            [1]
        );
        // A name that is only a level's is any city's: the path decides, 州 cities too.
        let zhou = Roster::parse("杭州市卫生健康委员会\n宁波市卫生健康委员会\n");
        assert_eq!(
            zhou.units_of(Some("市卫生健康委员会"), "宁波市/报告.docx"),
            [1]
        );
        assert_eq!(
            zhou.units_of(Some("市卫生健康委员会"), "杭州市/报告.docx"),
            [0]
        );
        // A hospital in the city's folder is not the city's commission; a file that shows
        // no issuer is the unit's whose places its path names the most of.
        assert_eq!(
            cities.units_of(Some("岚州市人民医院"), "岚州市/医院.docx"),
            Vec::<usize>::new()
        );
        assert_eq!(cities.units_of(None, "岚州市/城关区/报告.pdf"), [1]);
        assert_eq!(cities.units_of(None, "岚州市/通知.pdf"), [0]);
        // A place named after the city's is another unit's, even one not on the list; one
        // named before it is the folder the batch is in.
        assert_eq!(
            cities.units_of(None, "岚州市/兰山县卫生健康局2024年报告.txt"),
            Vec::<usize>::new()
        );
        assert_eq!(cities.units_of(None, "岚江省/岚州市/报告.txt"), [0]);
        assert_eq!(
            roster.units_of(Some("金沙县卫生健康局"), "金沙县.docx"),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn what_a_unit_sent_instead_is_said() {
        let missing = |instead: Vec<Instead>| Missing {
            index: 0,
            unit: "甲县卫生健康局".into(),
            instead,
        };
        let said = |m: Missing| (m.status(), m.note());
        assert_eq!(said(missing(vec![])), ("未报送", None));
        assert_eq!(
            said(missing(vec![Instead::Blank])),
            ("需重新报送", Some("报送的是空文件".into()))
        );
        // An empty file sent is no report sent.
        let roster = Roster::parse("空白县卫生健康局\n");
        let rows = [FileSummary {
            path: "空白县卫生健康局2024年报告.txt".into(),
            counts: Some([1, 0, 0]),
            is_report: true,
            blank: true,
            ..FileSummary::default()
        }];
        let got = Received {
            rows: &rows,
            unchecked: &[],
            left_out: &[],
        };
        let unsent = roster.missing(&got, Some(2024));
        assert_eq!(unsent.len(), 1);
        assert_eq!(unsent[0].status(), "需重新报送");
        assert_eq!(
            said(missing(vec![Instead::OtherYear(2023)])),
            ("年度不符", Some("只报送了2023年的报告".into()))
        );
        assert_eq!(
            said(missing(vec![
                Instead::OtherYear(2023),
                Instead::Unsupported("PDF".into()),
                Instead::Unsupported("WPS".into()),
                Instead::Unreadable,
            ])),
            (
                "需重新报送",
                Some("报送了2023年的报告；报送的文件无法读取；报送的 PDF、WPS 文件无法检查".into())
            )
        );
        assert_eq!(
            said(missing(vec![Instead::LeftOut])),
            ("已排除", Some("报告按忽略设置未检查".into()))
        );
        assert_eq!(
            said(missing(vec![Instead::BrokenConfig])),
            (
                "未检查",
                Some("报告因所在目录的 gwlint.toml 有误未检查".into())
            )
        );
    }
}
