//! One file in a supervisor's summary: who issued it, for which year, how it fared.

use crate::FileReport;
use crate::diagnostic::{Category, Severity};
use crate::workspace::from_here;

/// The statutory part a GW0104 finding says is missing.
const MISSING_PART: &str = "GW0104";

/// Of the signature rules, the one about the body's words rather than its 落款.
const SELF_NAME: &str = "GW0211";

/// A file in the folder that is no report (a cover note).
const NOT_A_REPORT: &str = "GW0109";

#[derive(Default)]
pub struct FileSummary {
    pub path: String,
    pub issuer: Option<String>,
    pub year: Option<i32>,
    /// The 成文日期, when it is a real date.
    pub date: Option<crate::date::Ymd>,
    /// Errors, warnings, infos; `None` for an unreadable file.
    pub counts: Option<[usize; 3]>,
    /// Findings of each category, in `Category::ALL` order, every severity.
    pub by_category: [usize; 8],
    /// Short names of the statutory parts the report lacks.
    pub missing_parts: Vec<String>,
    /// What is wrong with its 落款 and 成文日期 (missing, malformed, early, late), warnings
    /// and errors only.
    pub sign_off: Vec<String>,
    /// Why the file could not be read.
    pub error: Option<String>,
    /// Read, but not checked: its folder's gwlint.toml is broken.
    pub config_broken: bool,
    /// The gwlint.toml it was checked with.
    pub config: Option<String>,
    /// A hash of the text the rules read, line by line without indentation or blank
    /// lines: two files with the same hold the same report (a .docx and the .txt saved
    /// from it too). Taken here, for the outputs that compare files, not for every run.
    pub content: u64,
    /// A report, not a note sent with the reports.
    pub is_report: bool,
    /// Read, and nothing in it: sent by mistake, no report.
    pub blank: bool,
}

impl FileSummary {
    pub fn of(r: &FileReport) -> FileSummary {
        let mut counts = [0usize; 3];
        let mut by_category = [0usize; 8];
        let mut missing_parts = Vec::new();
        let mut sign_off = Vec::new();
        for d in &r.diagnostics {
            counts[match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
            let k = Category::ALL
                .iter()
                .position(|c| *c == d.rule.category)
                .unwrap_or(0);
            by_category[k] += 1;
            if d.rule.code == MISSING_PART
                && let Some(part) = quoted(&d.message)
            {
                missing_parts.push(part.to_string());
            }
            if d.rule.category == Category::Signature
                && d.rule.code != SELF_NAME
                && d.severity > Severity::Info
            {
                sign_off.push(d.message.clone());
            }
        }
        FileSummary {
            path: r.path.clone(),
            issuer: r.facts.issuer.clone(),
            year: r.facts.year,
            date: r.facts.date,
            counts: r.error.is_none().then_some(counts),
            by_category,
            missing_parts,
            sign_off,
            error: r.error.as_ref().map(|e| e.message.clone()),
            config_broken: r
                .error
                .as_ref()
                .is_some_and(|e| e.kind == crate::source::ErrorKind::Config),
            config: r
                .config
                .as_ref()
                .map(|p| from_here(p).display().to_string()),
            content: r.document.as_ref().map_or(0, |d| {
                let mut h = std::hash::DefaultHasher::new();
                let lines = d
                    .text
                    .lines()
                    .map(|l| l.trim_matches(crate::text::is_indent));
                for line in lines.filter(|l| !l.is_empty()) {
                    std::hash::Hash::hash(line, &mut h);
                }
                std::hash::Hasher::finish(&h)
            }),
            is_report: !r.diagnostics.iter().any(|d| d.rule.code == NOT_A_REPORT),
            blank: r.document.as_ref().is_some_and(|d| d.is_blank()),
        }
    }

    /// In a word: 无法读取, 有错误, 有警告, 仅有提示, or `clean_label(shown)`; `shown`: the
    /// lowest severity the run lists.
    pub fn status(&self, shown: Severity) -> &'static str {
        match self.counts {
            None if self.config_broken => BROKEN_CONFIG,
            None => "无法读取",
            Some([e, _, _]) if e > 0 => "有错误",
            Some([_, w, _]) if w > 0 => "有警告",
            Some([_, _, i]) if i > 0 => "仅有提示",
            Some(_) => clean_label(shown),
        }
    }
}

/// The status of a file read but not checked, its folder's gwlint.toml being broken.
pub const BROKEN_CONFIG: &str = "未检查（gwlint.toml 有误）";

/// A file with nothing listed: with lower severities left out (--min-severity), it may
/// still have them, so the label says only what was looked at.
pub fn clean_label(shown: Severity) -> &'static str {
    match shown {
        Severity::Info => "无问题",
        Severity::Warning => "无错误和警告",
        Severity::Error => "无错误",
    }
}

/// The text between the first “ and the ” after it.
fn quoted(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once('“')?;
    Some(rest.split_once('”')?.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_parts_come_from_the_messages() {
        assert_eq!(
            quoted("缺少“存在的不足和原因”部分"),
            Some("存在的不足和原因")
        );
        assert_eq!(quoted("没有引号"), None);
    }
}
