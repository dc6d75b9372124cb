//! The table of canonical titles (rules/citations.toml), parsed once, and the ways a cited
//! title is compared with it.

use super::near_names::NearNames;
use super::unmistakable::Unmistakable;
use crate::config::EntryError;
use crate::lazy_regex::static_regex;
use crate::wordlist::WordList;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    doc: Vec<DocSpec>,
    /// Pairs of characters an input method puts one for the other in a law's short name:
    /// the character written, then the right one ("发法": 《行政处罚发》).
    #[serde(default)]
    confusable: String,
}

/// What the built-in files say besides their documents.
struct BuiltinFacts {
    laws_as_of: i32,
    confusable: Vec<(char, char)>,
}

impl BuiltinFacts {
    fn apply(self, table: &mut Table) {
        table.laws_as_of = Some(self.laws_as_of);
        table.confusable = self.confusable;
    }
}

/// "发法 列例": (written, right) pairs.
fn char_pairs(list: &str) -> Vec<(char, char)> {
    list.split_whitespace()
        .filter_map(|p| {
            let mut c = p.chars();
            Some((c.next()?, c.next()?))
        })
        .collect()
}

/// One `[[doc]]` entry, in rules/citations.toml or a `[[citation]]` in a user's gwlint.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSpec {
    title: String,
    years: Option<[i32; 2]>,
    since: i32,
    superseded_by: Option<String>,
    #[serde(default)]
    short: Vec<String>,
    #[serde(default)]
    nicknames: Vec<String>,
    /// From rules/laws.toml's plain list rather than the curated table.
    #[serde(skip)]
    listed: bool,
}

impl DocSpec {
    /// What makes two entries one document: the same title (however spaced and
    /// bracketed) and the same years.
    pub fn identity(&self) -> (String, Option<[i32; 2]>) {
        (normalize(&self.title), self.years)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub title: String,
    pub years: Option<(i32, i32)>,
    pub since: i32,
    pub superseded_by: Option<String>,
    /// Only named in the plain list of laws and regulations: a near miss of it is trusted
    /// only one character off, since titles not listed lie two characters from listed ones
    /// (审计法实施条例 and 统计法实施条例).
    pub listed: bool,
    /// What reports call it without 《》, as they should write it: “七五”普法.
    pub nicknames: Vec<String>,
}

impl Doc {
    /// The title as it should be cited, with its years: 法治政府建设实施纲要（2021—2025年）.
    pub fn full(&self) -> String {
        match self.years {
            Some((a, b)) => format!("{}（{a}—{b}年）", self.title),
            None => self.title.clone(),
        }
    }
}

#[derive(Debug)]
pub struct Table {
    pub docs: Vec<Doc>,
    /// Title or short form → the documents of that name (one per year range).
    by_name: HashMap<String, Vec<usize>>,
    /// The names for near-miss search, built when first asked for.
    near: OnceLock<NearNames>,
    /// The titles that cannot be anything but titles, for finding them written bare.
    unmistakable: OnceLock<Unmistakable>,
    nickname_forms: OnceLock<Option<(WordList, Vec<usize>)>>,
    /// The last year rules/laws.toml lists every law in force for; `None` for a table
    /// without it.
    pub laws_as_of: Option<i32>,
    /// Characters an input method types for others in a law's short name: (written, right).
    pub confusable: Vec<(char, char)>,
}

/// Longer than any plan's nickname (“八五”普法规划 is 8).
const MAX_NICKNAME_CHARS: usize = 40;

/// The prefix of law titles that short forms drop.
const PRC: &str = "中华人民共和国";

impl Table {
    pub fn parse(text: &str) -> Result<Table, String> {
        let f: TableFile = toml::from_str(text).map_err(|e| e.to_string())?;
        Table::from_docs(f.doc).map_err(|(_, e)| e)
    }

    /// An error names the index of the bad entry.
    fn from_docs(specs: Vec<DocSpec>) -> Result<Table, (usize, String)> {
        let mut docs = Vec::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, d) in specs.into_iter().enumerate() {
            if d.title.is_empty() {
                return Err((k, "doc.title 不能为空".into()));
            }
            // Titles are matched inside the marks: one written with them never matches.
            // (A title may quote another inside: "…批准…《…规定》的决定".)
            if d.title.starts_with('《') && d.title.ends_with('》') {
                return Err((
                    k,
                    format!(
                        "title 不要带书名号：写成“{}”",
                        d.title.trim_matches(['《', '》'])
                    ),
                ));
            }
            if let Some([a, b]) = d.years
                && a >= b
            {
                return Err((k, format!("“{}”的年份范围 {a}—{b} 无效", d.title)));
            }
            if let Some(n) = d
                .nicknames
                .iter()
                .find(|n| n.is_empty() || n.chars().count() > MAX_NICKNAME_CHARS)
            {
                return Err((k, format!("“{}”的简称“{n}”为空或太长", d.title)));
            }
            let k = docs.len();
            let mut names = vec![normalize(&d.title)];
            if let Some(rest) = d.title.strip_prefix(PRC) {
                names.push(rest.to_string());
            }
            names.extend(d.short.iter().map(|s| normalize(s)));
            for n in names {
                let v = by_name.entry(n).or_default();
                if !v.contains(&k) {
                    v.push(k);
                }
            }
            docs.push(Doc {
                title: d.title,
                years: d.years.map(|[a, b]| (a, b)),
                since: d.since,
                superseded_by: d.superseded_by,
                listed: d.listed,
                nicknames: d.nicknames,
            });
        }
        let table = Table {
            docs,
            by_name,
            near: OnceLock::new(),
            unmistakable: OnceLock::new(),
            nickname_forms: OnceLock::new(),
            laws_as_of: None,
            confusable: Vec::new(),
        };
        for (k, d) in table.docs.iter().enumerate() {
            if let Some(s) = &d.superseded_by
                && table.find_full(s).is_none()
            {
                return Err((k, format!("“{}”的 superseded_by “{s}”不在表中", d.title)));
            }
        }
        Ok(table)
    }

    /// Each nickname as it may be written (quotes around its numeral full, single, ASCII or
    /// none: “七五”普法, 七五普法), searched in one pass, with each form's document.
    pub fn nickname_forms(&self) -> Option<&(WordList, Vec<usize>)> {
        self.nickname_forms
            .get_or_init(|| {
                let mut forms: Vec<String> = Vec::new();
                let mut docs = Vec::new();
                for (k, d) in self.docs.iter().enumerate() {
                    for n in &d.nicknames {
                        let quoted = [("“", "”"), ("‘", "’"), ("\"", "\""), ("", "")]
                            .map(|(open, close)| n.replace('“', open).replace('”', close));
                        // Dotted in the usual quotes only: every form costs each search,
                        // and past 64 words a list is searched in chunks.
                        for form in quoted.into_iter().chain(dotted(n)) {
                            if !forms.contains(&form) {
                                forms.push(form);
                                docs.push(k);
                            }
                        }
                    }
                }
                // None only for a nickname too long to search, which the table refuses.
                WordList::new(&forms).ok().map(|words| (words, docs))
            })
            .as_ref()
    }

    /// The titles that are titles wherever they stand, found by their fixed ends. Built
    /// when first asked for.
    pub fn unmistakable(&self) -> &Unmistakable {
        self.unmistakable
            .get_or_init(|| Unmistakable::new(&self.docs))
    }

    /// The documents cited by this name (title or short form).
    pub fn by_name(&self, name: &str) -> &[usize] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// A document by its full citation ("…纲要（2021—2025年）" or a title without years).
    pub fn find_full(&self, full: &str) -> Option<&Doc> {
        let c = Cited::parse(&normalize(full));
        self.by_name(&c.name)
            .iter()
            .map(|&k| &self.docs[k])
            .find(|d| d.years == c.years.map(|(a, b, _)| (a, b)))
    }

    /// The documents whose name is within two insertions or deletions of `name` (one
    /// changed character counts as two), closest first.
    pub fn near(&self, name: &str) -> Vec<(usize, &str)> {
        self.near
            .get_or_init(|| NearNames::new(&self.by_name))
            .near(name)
            .into_iter()
            .map(|(d, doc)| (d, self.docs[doc].title.as_str()))
            .collect()
    }

    pub fn name_of(&self, doc: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.title == doc)
    }
}

/// Whitespace removed, brackets and range dashes in one form.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '-' | '－' | '–' | '~' | '～' | '―' | '‐' | '‑' | '−' => '—',
            c => c,
        })
        .collect()
}

/// A cited title split into its name and year range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub name: String,
    /// (first, last, written with 年).
    pub years: Option<(i32, i32, bool)>,
    /// The years written in a form of their own: "（2021年—2025年）", "（2021至2025年）",
    /// "（2021—2025年度）", "（2021—25年）", "（二〇二一—二〇二五年）", or without brackets
    /// ("纲要2021—2025年"). The dash's form and a missing 年 are told apart.
    pub loose: bool,
}

impl Cited {
    /// Reads a normalized title: "法治社会建设实施纲要（2020—2025）".
    pub fn parse(norm: &str) -> Cited {
        let plain = Cited {
            name: norm.to_string(),
            years: None,
            loose: false,
        };
        let (name, inner, bracketed) = match norm
            .strip_suffix('）')
            .and_then(|body| Some((body, body.rfind('（')?)))
        {
            Some((body, open)) => (&body[..open], &body[open + '（'.len_utf8()..], true),
            None => match unbracketed_years(norm) {
                Some(k) => (&norm[..k], &norm[k..], false),
                None => return plain,
            },
        };
        match read_range(inner) {
            Some((a, b, nian, loose)) if !name.is_empty() => Cited {
                name: name.to_string(),
                years: Some((a, b, nian || !bracketed)),
                loose: loose || !bracketed,
            },
            _ => plain,
        }
    }
}

/// Where a year range ending a title without brackets starts ("纲要2021—2025年").
fn unbracketed_years(norm: &str) -> Option<usize> {
    static_regex!(r"(?:19|20)[0-9]{2}年?[—至到](?:19|20)?[0-9]{2}年度?$")
        .find(norm)
        .map(|m| m.start())
}

/// "2021—2025年" and its looser forms: (first, last, ends in 年, loose).
fn read_range(inner: &str) -> Option<(i32, i32, bool, bool)> {
    let (range, nian, per_year) = if let Some(r) = inner.strip_suffix("年度") {
        (r, true, true)
    } else if let Some(r) = inner.strip_suffix('年') {
        (r, true, false)
    } else {
        (inner, false, false)
    };
    let (a, sep, b) = ['—', '至', '到']
        .iter()
        .find_map(|&sep| range.split_once(sep).map(|(a, b)| (a, sep, b)))?;
    let (a, a_nian) = a.strip_suffix('年').map_or((a, false), |a| (a, true));
    let (first, a_chinese) = year_of(a)?;
    let (last, b_loose) = match year_of(b) {
        Some((y, chinese)) => (y, chinese),
        // "2021—25年": the last year's century is the first's.
        None if b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit()) => {
            (first / 100 * 100 + b.parse::<i32>().ok()?, true)
        }
        None => return None,
    };
    let loose = per_year || sep != '—' || a_nian || a_chinese || b_loose;
    Some((first, last, nian, loose))
}

/// A year of four digits, or of four Chinese numerals ("二〇二一"), and whether Chinese.
fn year_of(s: &str) -> Option<(i32, bool)> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().map(|y| (y, false));
    }
    let (at, year) = crate::numerals::chinese_year(&format!("{s}年"))?;
    (at.start == 0 && s.chars().count() == 4).then_some((year, true))
}

/// The built-in table.
const BUILTIN: &str = crate::embedded::CITATIONS;
const LAWS: &str = crate::embedded::LAWS;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LawsFile {
    laws_as_of: i32,
    /// One title a line (a long TOML array parses ten times slower than one string).
    laws: String,
    regulations: String,
    repealed: Vec<Repealed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Repealed {
    title: String,
    year: i32,
    by: Option<String>,
}

/// rules/citations.toml, then every law and regulation of rules/laws.toml it does not
/// already have; a repealed one points at what replaced it, in force from its repeal.
/// With the year the list of laws is complete for.
fn builtin_specs() -> Result<(Vec<DocSpec>, BuiltinFacts), String> {
    let file = toml::from_str::<TableFile>(BUILTIN).map_err(|e| e.to_string())?;
    let mut specs = file.doc;
    let laws: LawsFile = toml::from_str(LAWS).map_err(|e| e.to_string())?;
    let plain = |title: String, superseded_by: Option<String>| DocSpec {
        title,
        years: None,
        since: 0,
        superseded_by,
        short: Vec::new(),
        nicknames: Vec::new(),
        listed: true,
    };
    // Title → its entry (without years), so each law is added once and found at once.
    let mut known: HashMap<String, usize> = specs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.years.is_none())
        .map(|(k, d)| (d.title.clone(), k))
        .collect();
    for title in laws.laws.lines().chain(laws.regulations.lines()) {
        let title = title.trim();
        if !title.is_empty() && !known.contains_key(title) {
            known.insert(title.to_string(), specs.len());
            specs.push(plain(title.to_string(), None));
        }
    }
    for r in laws.repealed {
        if let Some(&next) = r.by.as_ref().and_then(|by| known.get(by)) {
            specs[next].since = specs[next].since.max(r.year);
        }
        if !known.contains_key(&r.title) {
            known.insert(r.title.clone(), specs.len());
            specs.push(plain(r.title, r.by));
        }
    }
    let facts = BuiltinFacts {
        laws_as_of: laws.laws_as_of,
        confusable: char_pairs(&file.confusable),
    };
    Ok((specs, facts))
}

impl Table {
    /// The built-in table plus a user's `[[citation]]` entries: e.g. the next 纲要 before
    /// gwlint knows it. A user entry replaces a built-in one with the same title and years
    /// (to add its `superseded_by`). An error names the index of the bad user entry.
    pub fn with_extra(extra: Vec<DocSpec>) -> Result<Table, EntryError> {
        let (builtin, facts) = builtin_specs().map_err(|e| EntryError::of(0, e))?;
        let replaced: std::collections::HashSet<_> = extra.iter().map(DocSpec::identity).collect();
        let mut specs: Vec<DocSpec> = builtin
            .into_iter()
            .filter(|b| !replaced.contains(&b.identity()))
            .collect();
        let offset = specs.len();
        specs.extend(extra);
        let mut table = Table::from_docs(specs)
            .map_err(|(k, e)| EntryError::of(k.saturating_sub(offset), e))?;
        facts.apply(&mut table);
        Ok(table)
    }
}

pub fn get() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let (specs, facts) = builtin_specs().expect("embedded citations.toml and laws.toml");
        let mut table = Table::from_docs(specs).expect("embedded citations.toml and laws.toml");
        facts.apply(&mut table);
        table
    })
}

/// A nickname's forms with a middle dot between two quoted numerals: “七五” is also
/// written “七·五” or “七・五”.
fn dotted(nickname: &str) -> Vec<String> {
    let mut forms = Vec::new();
    if let Some((head, rest)) = nickname.split_once('“')
        && let Some((inner, tail)) = rest.split_once('”')
        && let [a, b] = inner.chars().collect::<Vec<_>>()[..]
    {
        for dot in ['·', '・'] {
            forms.push(format!("{head}“{a}{dot}{b}”{tail}"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_loads_with_short_forms() {
        let t = get();
        assert_eq!(t.by_name("法治政府建设实施纲要").len(), 2);
        assert_eq!(t.by_name("基本医疗卫生与健康促进法").len(), 1);
        assert!(t.find_full("法治政府建设实施纲要（2021—2025年）").is_some());
        assert!(t.find_full("法治政府建设实施纲要（2021—2026年）").is_none());
    }

    #[test]
    fn embedded_confusables_are_pairs() {
        let pairs = &get().confusable;
        assert!(pairs.contains(&('发', '法')), "{pairs:?}");
        assert!(pairs.iter().all(|(a, b)| a != b));
    }

    #[test]
    fn cited_titles_split_into_name_and_years() {
        assert_eq!(
            Cited::parse(&normalize("法治社会建设实施纲要(2020-2025)")),
            Cited {
                name: "法治社会建设实施纲要".into(),
                years: Some((2020, 2025, false)),
                loose: false,
            }
        );
        // The years in a form of their own, read to the same document.
        for loose in [
            "法治政府建设实施纲要（2021年—2025年）",
            "法治政府建设实施纲要（2021至2025年）",
            "法治政府建设实施纲要（2021年至2025年）",
            "法治政府建设实施纲要（2021—2025年度）",
            "法治政府建设实施纲要（2021—25年）",
            "法治政府建设实施纲要（二〇二一—二〇二五年）",
            "法治政府建设实施纲要2021—2025年",
        ] {
            let c = Cited::parse(&normalize(loose));
            assert_eq!(
                (c.name.as_str(), c.years.map(|y| (y.0, y.1)), c.loose),
                ("法治政府建设实施纲要", Some((2021, 2025)), true),
                "{loose}"
            );
        }
        assert_eq!(
            Cited::parse(&normalize("法治政府建设实施纲要（2021—2026 年）")).years,
            Some((2021, 2026, true))
        );
        assert_eq!(Cited::parse("某某办法（试行）").years, None);
        assert_eq!(Cited::parse("（2021—2025年）").years, None);
    }

    #[test]
    fn bad_tables_are_refused() {
        assert!(
            Table::parse("[[doc]]\ntitle = \"甲\"\nyears = [2025, 2021]\nsince = 2021\n").is_err()
        );
        assert!(
            Table::parse("[[doc]]\ntitle = \"甲\"\nsince = 2021\nsuperseded_by = \"乙\"\n")
                .unwrap_err()
                .contains("乙")
        );
    }
}
