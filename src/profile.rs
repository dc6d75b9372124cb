//! A document-kind profile: the data in `rules/<name>.toml` that says what a report of that
//! kind must contain. Built-in profiles are embedded; a user may pass their own file.

use crate::diagnostic::Severity;
use crate::lazy_regex::LazyRegex;
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// A mistake in a profile, and where in its text, when known.
type Located = (String, Option<Range<usize>>);

const BUILTIN: &[(&str, &str)] = &[("fazhi-report", crate::embedded::FAZHI_REPORT)];

pub const DEFAULT_PROFILE: &str = "fazhi-report";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    name: String,
    description: String,
    title: TitleFile,
    addressee: AddresseeFile,
    deadline: DeadlineFile,
    part: Vec<PartFile>,
    signature: SignatureFile,
    request: RequestFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TitleFile {
    subject: Vec<Spanned<String>>,
    subject_label: String,
    doctype: Vec<Spanned<String>>,
    doctype_label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AddresseeFile {
    severity: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeadlineFile {
    month: Spanned<u32>,
    day: Spanned<u32>,
    #[serde(default)]
    not_for: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartFile {
    id: String,
    label: String,
    short: String,
    severity: Spanned<String>,
    #[serde(default)]
    priority: i32,
    year_offset: Option<i32>,
    heading: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    dated: Vec<Spanned<String>>,
    #[serde(default)]
    mention: Vec<Spanned<String>>,
    #[serde(default)]
    causes: Vec<Spanned<String>>,
    #[serde(default)]
    not_causes: Vec<String>,
    #[serde(default)]
    measures: Vec<Spanned<String>>,
    #[serde(default)]
    leading: bool,
    #[serde(default)]
    placed_freely: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureFile {
    issuer_suffixes: Vec<String>,
    #[serde(default)]
    self_names: Vec<[String; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestFile {
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    granted: Vec<String>,
}

#[derive(Debug)]
pub struct TitleRules {
    pub subject: LazyRegex,
    pub subject_label: String,
    pub doctype: LazyRegex,
    pub doctype_label: String,
}

#[derive(Debug)]
pub struct Part {
    pub id: String,
    pub label: String,
    pub short: String,
    /// `None`: the part is optional.
    pub severity: Option<Severity>,
    pub priority: i32,
    /// A year named in the heading is the reported year plus this.
    pub year_offset: Option<i32>,
    pub heading: LazyRegex,
    /// Headings that name a year's work without saying which part ("2026年主要工作"):
    /// this part's only when the year is the part's (`year_offset`).
    pub dated: Option<LazyRegex>,
    pub mention: Option<LazyRegex>,
    pub causes: Option<LazyRegex>,
    /// Phrases that hold a cause word but analyse nothing ("个人原因"), taken out first.
    pub not_causes: Vec<String>,
    /// Sub-headings that name the part as what a measure of the year did ("科学谋划下一
    /// 年度工作计划"): a measure, not the part written as a sub-heading.
    pub measures: Option<LazyRegex>,
    /// Top-level headings that name no part, before the first one that does, are this
    /// part written under themes ("一、深入学习贯彻习近平法治思想").
    pub leading: bool,
    /// Templates put this part at different places: GW0106 does not count it out of order.
    pub placed_freely: bool,
}

#[derive(Debug)]
pub struct Profile {
    pub name: String,
    pub description: String,
    pub title: TitleRules,
    pub addressee_severity: Option<Severity>,
    /// (month, day) in the year after the reported one.
    pub deadline: (u32, u32),
    /// Issuers (by how their name ends) that Art. 23's deadline does not bind.
    pub deadline_not_for: Vec<String>,
    /// In statutory order.
    pub parts: Vec<Part>,
    pub issuer_suffixes: Vec<String>,
    /// (how an issuer's name ends, what it calls itself): 委员会 says 我委.
    pub self_names: Vec<[String; 2]>,
    pub request: Option<LazyRegex>,
    /// After a request in its sentence: it was made and answered, and is told, not made.
    pub request_granted: Vec<String>,
}

/// A profile given as a file, not by a built-in name.
pub fn is_toml_path(name: &str) -> bool {
    name.to_lowercase().ends_with(".toml")
}

impl Profile {
    pub fn builtin(name: &str) -> Option<Profile> {
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        // The embedded profiles are tested, so a failure here is a build defect.
        Some(Profile::parse(text).expect("embedded profile is valid"))
    }

    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }

    /// Why `name_or_path` names no profile: neither a built-in name nor an existing .toml
    /// file. Only .toml: a gwlint.toml received with a unit's reports must not have any
    /// other file read, and its lines quoted in an error (/proc/self/environ).
    pub fn not_found(name_or_path: &str) -> Option<String> {
        let toml = is_toml_path(name_or_path);
        if Profile::builtin(name_or_path).is_some() || toml && Path::new(name_or_path).is_file() {
            return None;
        }
        let known: Vec<_> = Profile::builtin_names().collect();
        Some(if toml {
            format!("报告类型配置文件 {name_or_path} 不存在")
        } else if name_or_path.contains(['/', '\\']) {
            format!("报告类型配置文件须为 .toml 文件，{name_or_path} 不是")
        } else {
            format!(
                "未知的报告类型配置“{name_or_path}”：内置配置有 {}，也可以给出 .toml 文件路径",
                known.join("、")
            )
        })
    }

    /// A built-in name, or a path to a TOML profile. A mistake in the file is shown with
    /// the offending line, in Chinese.
    pub fn resolve(name_or_path: &str) -> Result<Profile, String> {
        if let Some(p) = Profile::builtin(name_or_path) {
            return Ok(p);
        }
        if let Some(why) = Profile::not_found(name_or_path) {
            return Err(why);
        }
        let path = Path::new(name_or_path);
        let text = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "无法读取报告类型配置 {name_or_path}：{}",
                crate::source::io_cause(&e)
            )
        })?;
        Profile::parse_located(&text)
            .and_then(|p| p.compile_now().map(|()| p).map_err(|e| (e, None)))
            .map_err(|(message, span)| {
                crate::config::ConfigError {
                    path: path.to_path_buf(),
                    text: text.clone(),
                    message,
                    span,
                }
                .render()
            })
    }

    /// Compiles every pattern now: a user's profile is checked when it is loaded, the
    /// built-in one by the tests.
    fn compile_now(&self) -> Result<(), String> {
        let parts = self.parts.iter();
        parts
            .flat_map(|p| [Some(&p.heading), p.mention.as_ref(), p.causes.as_ref()])
            .chain([
                Some(&self.title.subject),
                Some(&self.title.doctype),
                self.request.as_ref(),
            ])
            .flatten()
            .try_for_each(LazyRegex::compile_now)
    }

    pub fn parse(text: &str) -> Result<Profile, String> {
        Profile::parse_located(text).map_err(|(message, _)| message)
    }

    fn parse_located(text: &str) -> Result<Profile, Located> {
        let f: ProfileFile = toml::from_str(text).map_err(|e| {
            let span = e.span().map(|s| crate::config::visible(text, s));
            (crate::toml_zh::translate(e.message()), span)
        })?;
        let deadline = deadline(&f.deadline)?;
        let parts = f
            .part
            .into_iter()
            .map(|p| {
                let heading_span = p.heading.span();
                Ok(Part {
                    severity: parse_severity(&p.severity)?,
                    heading: patterns(p.heading.get_ref())?
                        .ok_or_else(|| ("heading 不能为空".to_string(), Some(heading_span)))?,
                    dated: patterns(&p.dated)?,
                    mention: patterns(&p.mention)?,
                    causes: patterns(&p.causes)?,
                    not_causes: p.not_causes,
                    measures: patterns(&p.measures)?,
                    id: p.id,
                    label: p.label,
                    short: p.short,
                    priority: p.priority,
                    year_offset: p.year_offset,
                    leading: p.leading,
                    placed_freely: p.placed_freely,
                })
            })
            .collect::<Result<Vec<_>, Located>>()?;
        Ok(Profile {
            name: f.name,
            description: f.description,
            title: TitleRules {
                subject: patterns(&f.title.subject)?
                    .ok_or(("title.subject 不能为空".to_string(), None))?,
                subject_label: f.title.subject_label,
                doctype: patterns(&f.title.doctype)?
                    .ok_or(("title.doctype 不能为空".to_string(), None))?,
                doctype_label: f.title.doctype_label,
            },
            addressee_severity: parse_severity(&f.addressee.severity)?,
            deadline,
            deadline_not_for: f.deadline.not_for,
            parts,
            issuer_suffixes: f.signature.issuer_suffixes,
            self_names: f.signature.self_names,
            request: patterns(&f.request.patterns)?,
            request_granted: f.request.granted,
        })
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    /// The parts whose heading pattern a heading's title matches.
    pub fn parts_named<'p, 't>(
        &'p self,
        title: &'t str,
    ) -> impl Iterator<Item = &'p Part> + use<'p, 't> {
        self.parts.iter().filter(move |p| p.heading.is_match(title))
    }

    /// The part a heading's title names. Of several, those whose year fits go first
    /// (`years`: the year the title names and the reported year), then by priority.
    /// A heading that names no part by its words may by its year (`dated`).
    pub fn part_named(&self, title: &str, years: Option<(i32, i32)>) -> Option<&Part> {
        let mut candidates: Vec<&Part> = self.parts_named(title).collect();
        let Some((named, reported)) = years else {
            return candidates.into_iter().max_by_key(|p| p.priority);
        };
        let fits = |p: &&Part| p.year_offset.is_none_or(|o| reported + o == named);
        if candidates.is_empty() {
            candidates = self
                .parts
                .iter()
                .filter(|p| p.year_offset.is_some() && fits(p))
                .filter(|p| p.dated.as_ref().is_some_and(|d| d.is_match(title)))
                .collect();
        } else if candidates.len() > 1 && candidates.iter().any(fits) {
            candidates.retain(fits);
        }
        candidates.into_iter().max_by_key(|p| p.priority)
    }
}

fn parse_severity(s: &Spanned<String>) -> Result<Option<Severity>, Located> {
    if s.get_ref() == "off" {
        return Ok(None);
    }
    Severity::parse(s.get_ref()).map(Some).ok_or_else(|| {
        (
            format!(
                "未知的严重级别“{}”（应为 error、warning、info 或 off）",
                s.get_ref()
            ),
            Some(s.span()),
        )
    })
}

/// Alternatives as one expression; a syntax error points at the one at fault.
fn patterns(list: &[Spanned<String>]) -> Result<Option<LazyRegex>, Located> {
    for p in list {
        if let Some(why) = crate::lazy_regex::syntax_error(p.get_ref()) {
            let message = format!("正则表达式“{}”无效：{why}", p.get_ref());
            return Err((message, Some(p.span())));
        }
    }
    let plain: Vec<String> = list.iter().map(|p| p.get_ref().clone()).collect();
    LazyRegex::alternation(&plain).map_err(|m| (m, None))
}

/// Days a month may have for a deadline in any year (no 2月29日).
const MONTH_DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// (month, day) of the deadline, a date every year has.
fn deadline(d: &DeadlineFile) -> Result<(u32, u32), Located> {
    let (month, day) = (*d.month.get_ref(), *d.day.get_ref());
    let Some(&days) = month
        .checked_sub(1)
        .and_then(|m| MONTH_DAYS.get(m as usize))
    else {
        let message = format!("deadline.month 应为 1 到 12 之间的月份，现为 {month}");
        return Err((message, Some(d.month.span())));
    };
    if !(1..=days).contains(&day) {
        let message = format!("deadline.day 应为 {month} 月的日期 1 到 {days}，现为 {day}");
        return Err((message, Some(d.day.span())));
    }
    Ok((month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profiles_compile() {
        for name in Profile::builtin_names() {
            let p = Profile::builtin(name).unwrap();
            assert_eq!(p.compile_now(), Ok(()), "{name}");
        }
    }

    #[test]
    fn a_user_profile_is_compiled_when_loaded() {
        let dir = std::env::temp_dir().join(format!("gwlint-profile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.toml");
        let text = crate::embedded::FAZHI_REPORT.replacen("'基本情况'", "'基本情况\\p{Nope}'", 1);
        std::fs::write(&path, text).unwrap();
        let e = Profile::resolve(path.to_str().unwrap()).unwrap_err();
        assert!(e.contains("Nope"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn builtin_profile_loads_with_statutory_parts() {
        let p = Profile::builtin(DEFAULT_PROFILE).unwrap();
        let ids: Vec<_> = p.parts.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "measures",
                "shortfalls",
                "leader-duty",
                "next-year",
                "other"
            ]
        );
        assert_eq!(p.part("other").unwrap().severity, None);
        assert_eq!(p.deadline, (3, 1));
    }

    /// A user's profile points at the value at fault, and a deadline is a real date.
    #[test]
    fn mistakes_are_located_and_deadlines_checked() {
        let located = |from: &str, to: &str| {
            let text = crate::embedded::FAZHI_REPORT.replacen(from, to, 1);
            let (message, span) = Profile::parse_located(&text).unwrap_err();
            (message, span.map(|s| text[s].to_string()))
        };
        let (message, at) = located("'基本情况'", "'基本(情况'");
        assert!(message.contains("基本(情况"), "{message}");
        assert_eq!(at.as_deref(), Some("'基本(情况'"));
        let (message, at) = located("severity = \"error\"", "severity = \"of\"");
        assert!(message.contains("未知的严重级别“of”"), "{message}");
        assert_eq!(at.as_deref(), Some("\"of\""));
        let (message, at) = located("month = 3", "month = 13");
        assert!(message.contains("1 到 12"), "{message}");
        assert_eq!(at.as_deref(), Some("13"));
        let (message, _) = located("month = 3\nday = 1", "month = 2\nday = 31");
        assert!(message.contains("2 月的日期 1 到 28，现为 31"), "{message}");
    }

    #[test]
    fn bad_regex_is_reported() {
        let text = crate::embedded::FAZHI_REPORT.replace("'基本情况'", "'基本(情况'");
        assert!(Profile::parse(&text).unwrap_err().contains("基本(情况"));
    }

    #[test]
    fn unknown_profile_names_the_builtins() {
        assert!(
            Profile::resolve("nope")
                .unwrap_err()
                .contains("fazhi-report")
        );
    }

    /// A file that is no .toml is never read, so its lines cannot be quoted in an error.
    #[cfg(unix)]
    #[test]
    fn only_toml_files_are_read_as_profiles() {
        let why = Profile::resolve("/proc/self/environ").unwrap_err();
        assert_eq!(
            why,
            "报告类型配置文件须为 .toml 文件，/proc/self/environ 不是"
        );
    }
}
