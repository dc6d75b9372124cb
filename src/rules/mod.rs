//! The rule registry and the shared context every rule reads.

pub mod signature;
pub mod structure;

use crate::diagnostic::{Category, Diagnostic, RuleMeta};
use crate::document::Document;
use crate::outline::Outline;
use crate::profile::Profile;

/// What a rule sees: the text, its outline (parsed once) and the profile's data.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub outline: &'a Outline,
    pub profile: &'a Profile,
}

/// Every rule, grouped by category, in code order.
pub fn all() -> impl Iterator<Item = &'static RuleMeta> {
    structure::RULES
        .iter()
        .chain(signature::RULES.iter())
        .copied()
}

pub fn by_code(code: &str) -> Option<&'static RuleMeta> {
    all().find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}

pub fn in_category(category: Category) -> impl Iterator<Item = &'static RuleMeta> {
    all().filter(move |r| r.category == category)
}

/// Runs every rule over one document; the caller filters and orders the findings.
pub fn run(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if ctx.doc.is_blank() {
        structure::check_empty(ctx, &mut out);
        return out;
    }
    structure::check(ctx, &mut out);
    signature::check(ctx, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for r in all() {
            assert!(codes.insert(r.code), "duplicate code {}", r.code);
            assert!(names.insert(r.name), "duplicate name {}", r.name);
            assert!(r.code.len() == 6 && r.code.starts_with("GW"), "{}", r.code);
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.name
            );
            assert!(
                !r.summary.is_empty() && r.doc.contains("示例"),
                "{} needs docs",
                r.code
            );
        }
    }

    #[test]
    fn codes_follow_categories() {
        for r in all() {
            let block = &r.code[2..4];
            let expected = match r.category {
                Category::Structure => "01",
                Category::Signature => "02",
                Category::Numbering => "03",
                Category::Consistency => "04",
                Category::Punctuation => "05",
                Category::Artifact => "06",
                Category::Citation => "07",
                Category::Wording => "08",
            };
            assert_eq!(block, expected, "{} in {:?}", r.code, r.category);
        }
    }
}

/// Lints a text snippet with the default profile and returns (code, 1-based line) pairs.
#[cfg(test)]
pub(crate) fn codes_in(text: &str) -> Vec<(&'static str, usize)> {
    let doc = Document::from_text("t.txt", crate::document::Format::Text, "utf-8", text.into());
    crate::Linter::with_defaults()
        .lint_document(&doc)
        .iter()
        .map(|d| (d.rule.code, doc.position(d.span.start).line))
        .collect()
}

/// A complete, correct report to derive test cases from by small edits.
#[cfg(test)]
pub(crate) const GOOD_REPORT: &str = "青禾市卫生健康委员会2024年法治政府建设年度报告
市委、市政府：
2024年，我委坚持以习近平法治思想为指导，全面推进依法行政，现将有关情况报告如下。
一、2024年推进法治政府建设的主要举措和成效
（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查。
二、存在的不足和原因
一是执法力量不足。主要原因是基层执法人员流动较快。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法，亲自部署法治建设工作。
四、2025年推进法治政府建设的主要安排
继续完善依法决策机制，提升依法行政水平。
青禾市卫生健康委员会
2025年1月20日
";
