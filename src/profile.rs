//! A document-kind profile: the data in `rules/<name>.toml` that says what a report of that
//! kind must contain. Built-in profiles are embedded; a user may pass their own file.

use crate::diagnostic::Severity;
use crate::lazy_regex::LazyRegex;
use serde::Deserialize;
use std::path::Path;

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
    subject: Vec<String>,
    subject_label: String,
    doctype: Vec<String>,
    doctype_label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AddresseeFile {
    severity: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeadlineFile {
    month: u32,
    day: u32,
    #[serde(default)]
    not_for: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartFile {
    id: String,
    label: String,
    short: String,
    severity: String,
    #[serde(default)]
    priority: i32,
    year_offset: Option<i32>,
    heading: Vec<String>,
    #[serde(default)]
    mention: Vec<String>,
    #[serde(default)]
    causes: Vec<String>,
    #[serde(default)]
    not_causes: Vec<String>,
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
    patterns: Vec<String>,
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
    pub mention: Option<LazyRegex>,
    pub causes: Option<LazyRegex>,
    /// Phrases that hold a cause word but analyse nothing ("个人原因"), taken out first.
    pub not_causes: Vec<String>,
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

impl Profile {
    pub fn builtin(name: &str) -> Option<Profile> {
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        // The embedded profiles are tested, so a failure here is a build defect.
        Some(Profile::parse(text).expect("embedded profile is valid"))
    }

    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }

    /// Why `name_or_path` names no profile: neither a built-in name nor an existing file.
    pub fn not_found(name_or_path: &str) -> Option<String> {
        if Profile::builtin(name_or_path).is_some() || Path::new(name_or_path).is_file() {
            return None;
        }
        let known: Vec<_> = Profile::builtin_names().collect();
        Some(
            if name_or_path.ends_with(".toml") || name_or_path.contains(['/', '\\']) {
                format!("规则配置文件 {name_or_path} 不存在")
            } else {
                format!(
                    "未知的规则配置“{name_or_path}”：内置配置有 {}，也可以给出 .toml 文件路径",
                    known.join("、")
                )
            },
        )
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
                "无法读取规则配置 {name_or_path}：{}",
                crate::source::io_cause(&e)
            )
        })?;
        let located = |message: String, span: Option<std::ops::Range<usize>>| {
            crate::config::ConfigError {
                path: path.to_path_buf(),
                text: text.clone(),
                message,
                span,
            }
            .render()
        };
        if let Err(e) = toml::from_str::<ProfileFile>(&text) {
            let span = e.span().map(|s| crate::config::visible(&text, s));
            return Err(located(crate::toml_zh::translate(e.message()), span));
        }
        Profile::parse(&text)
            .and_then(|p| p.compile_now().map(|()| p))
            .map_err(|e| located(e, None))
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
        let f: ProfileFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let parts = f
            .part
            .into_iter()
            .map(|p| {
                Ok(Part {
                    severity: parse_severity(&p.severity)?,
                    heading: LazyRegex::alternation(&p.heading)?.ok_or("heading 不能为空")?,
                    mention: LazyRegex::alternation(&p.mention)?,
                    causes: LazyRegex::alternation(&p.causes)?,
                    not_causes: p.not_causes,
                    id: p.id,
                    label: p.label,
                    short: p.short,
                    priority: p.priority,
                    year_offset: p.year_offset,
                    leading: p.leading,
                    placed_freely: p.placed_freely,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Profile {
            name: f.name,
            description: f.description,
            title: TitleRules {
                subject: LazyRegex::alternation(&f.title.subject)?
                    .ok_or("title.subject 不能为空")?,
                subject_label: f.title.subject_label,
                doctype: LazyRegex::alternation(&f.title.doctype)?
                    .ok_or("title.doctype 不能为空")?,
                doctype_label: f.title.doctype_label,
            },
            addressee_severity: parse_severity(&f.addressee.severity)?,
            deadline: (f.deadline.month, f.deadline.day),
            deadline_not_for: f.deadline.not_for,
            parts,
            issuer_suffixes: f.signature.issuer_suffixes,
            self_names: f.signature.self_names,
            request: LazyRegex::alternation(&f.request.patterns)?,
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
    pub fn part_named(&self, title: &str, years: Option<(i32, i32)>) -> Option<&Part> {
        let mut candidates: Vec<&Part> = self.parts_named(title).collect();
        if candidates.len() > 1
            && let Some((named, reported)) = years
        {
            let fits = |p: &&Part| p.year_offset.is_none_or(|o| reported + o == named);
            if candidates.iter().any(fits) {
                candidates.retain(fits);
            }
        }
        candidates.into_iter().max_by_key(|p| p.priority)
    }
}

fn parse_severity(s: &str) -> Result<Option<Severity>, String> {
    if s == "off" {
        return Ok(None);
    }
    Severity::parse(s)
        .map(Some)
        .ok_or_else(|| format!("未知的严重级别“{s}”（应为 error、warning、info 或 off）"))
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
}
