//! The rule registry and the shared context every rule reads.

mod answered;
pub mod artifact;
pub mod citation;
pub mod consistency;
mod covering;
pub mod findings;
mod line_cache;
pub mod numbering;
pub mod punctuation;
pub mod signature;
pub mod structure;
#[cfg(test)]
mod testing;
mod verbatim;
pub mod wording;
#[cfg(test)]
pub(crate) use testing::{
    Found, GOOD_REPORT, MEASURES, codes_in, codes_of, found_of, messages_of, random_strings,
    text_doc, with_measures,
};

pub(crate) use covering::Covering;
pub(crate) use line_cache::LineCache;

use crate::config::Config;
use crate::diagnostic::{Category, Diagnostic, RuleMeta};
use crate::document::Document;
use crate::outline::Outline;
use crate::profile::Profile;
use crate::rules::findings::Findings;

/// What a rule sees: the text, its outline (parsed once), the profile's data and the
/// configuration's word lists.
pub struct Context<'a> {
    /// The document as the rules read it: look-alike characters as the characters meant.
    pub doc: &'a Document,
    /// The document as written, when that differs from `doc` (for GW0615); spans are the
    /// same in both.
    pub written: &'a Document,
    pub outline: &'a Outline,
    pub profile: &'a Profile,
    pub config: &'a Config,
    /// `structure::theme_headings`, found when first asked for.
    pub(crate) themes: std::sync::OnceLock<Vec<usize>>,
}

impl<'a> Context<'a> {
    /// The misspellings and spam words: built-in, or extended by gwlint.toml. Looked up
    /// by the rules that need them, so the built-in list is parsed on their thread.
    pub fn lexicon(&self) -> &'a wording::lexicon::Lexicon {
        self.config.lexicon()
    }

    /// The citable titles: built-in, or extended by gwlint.toml.
    pub fn citations(&self) -> &'a citation::table::Table {
        self.config.citations()
    }

    /// The statutory part a heading's title names, its year weighed against the report's.
    pub fn part_named(&self, title: &str) -> Option<&'a crate::profile::Part> {
        let years = crate::outline::first_year(title).zip(self.outline.year.map(|r| r.year));
        self.profile.part_named(title, years)
    }

    /// The statutory part a heading names: none for a theme of the measures that names a
    /// part a later heading of its level names again.
    pub fn heading_part(&self, h: &crate::outline::Heading) -> Option<&'a crate::profile::Part> {
        if self.themes().contains(&h.line) {
            return None;
        }
        self.part_named(&crate::text::squeeze(&self.doc.text[h.title.clone()]))
    }

    /// The lines of the top-level headings that are themes of the measures.
    pub fn themes(&self) -> &[usize] {
        self.themes.get_or_init(|| structure::theme_headings(self))
    }

    /// Every line that is not web-page debris: its index, the byte span of its text
    /// without indentation, and that text.
    pub fn lines(&self) -> impl Iterator<Item = (usize, std::ops::Range<usize>, &'a str)> + '_ {
        let doc = self.doc;
        (0..doc.line_count())
            .filter(|&i| !self.outline.chrome[i])
            .map(move |i| {
                let span = crate::outline::content_span(doc, i);
                (i, span.clone(), &doc.text[span])
            })
    }
}

/// Every rule, grouped by category, in code order.
pub fn all() -> impl Iterator<Item = &'static RuleMeta> {
    structure::RULES
        .iter()
        .chain(signature::RULES.iter())
        .chain(numbering::RULES.iter())
        .chain(consistency::RULES.iter())
        .chain(punctuation::RULES.iter())
        .chain(artifact::RULES.iter())
        .chain(citation::RULES.iter())
        .chain(wording::RULES.iter())
        .copied()
}

pub fn by_code(code: &str) -> Option<&'static RuleMeta> {
    all().find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}

pub fn in_category(category: Category) -> impl Iterator<Item = &'static RuleMeta> {
    all().filter(move |r| r.category == category)
}

/// A category's entry point.
type Check = fn(&Context, &mut Findings);

const CHECKS: [(Category, Check); 8] = [
    (Category::Structure, structure::check),
    (Category::Signature, signature::check),
    (Category::Numbering, numbering::check),
    (Category::Consistency, consistency::check),
    (Category::Punctuation, punctuation::check),
    (Category::Artifact, artifact::check),
    (Category::Citation, citation::check),
    (Category::Wording, wording::check),
];

/// Runs the categories `wanted` says have an enabled rule; the caller filters single rules
/// and orders the findings.
///
/// The categories run in parallel: a single report then uses every core, and the data
/// each category compiles on first use is built side by side. In a batch the pool is
/// already busy with other files and this costs only a few task hand-offs.
pub fn run(ctx: &Context, enabled: &(dyn Fn(&RuleMeta) -> bool + Sync)) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let wanted = |c: Category| in_category(c).any(enabled);
    let mut out = Findings::new();
    if ctx.doc.is_blank() {
        structure::check_empty(ctx, &mut out);
        return out.into_vec();
    }
    // Garbled text: nothing in it is what was written, so nothing else is said.
    if enabled(&artifact::GARBLED_TEXT)
        && let Some(d) = artifact::garbled::check(ctx)
    {
        return vec![d];
    }
    use structure::not_a_report::NotAReport;
    // No report: no parts nor 落款 to miss; gwlint's own output, nothing to check. Only
    // when the finding that says so is wanted: else the file is checked as a report.
    let mut skipped = [Category::Structure, Category::Signature].as_slice();
    match enabled(&structure::NOT_A_REPORT)
        .then(|| structure::not_a_report::check(ctx))
        .flatten()
    {
        Some(NotAReport::OwnOutput(d)) => return vec![d],
        Some(NotAReport::Note(d)) => out.push(d),
        None => skipped = &[],
    }
    let found: Vec<Vec<Diagnostic>> = CHECKS
        .par_iter()
        .filter(|(category, _)| wanted(*category) && !skipped.contains(category))
        .map(|(_, check)| {
            let mut v = Findings::new();
            check(ctx, &mut v);
            v.into_vec()
        })
        .collect();
    let mut all = out.into_vec();
    all.extend(found.into_iter().flatten());
    verbatim::drop_inside(ctx.doc, &mut all);
    answered::drop_answered(&mut all, enabled);
    artifact::garbled::keep_recoverable(ctx.doc, &mut all);
    if enabled(&artifact::LOST_CHARACTER) {
        artifact::lost::drop_guesses(ctx.doc, &mut all);
    }
    all
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

    /// A page that quotes within a quote does as GW0505 asks of a report: the drafter who
    /// reads it is told the same rule.
    #[test]
    fn docs_nest_quotes_as_they_ask() {
        use crate::rules::testing::{found_of, text_doc, with_measures};
        for r in all() {
            let prose = r.doc.split("\n\n示例").next().unwrap_or_default();
            let body = prose.replace('\n', "");
            let text = with_measures(&format!("（一）健全依法决策机制。{body}"));
            let nested: Vec<String> = found_of("GW0505", &text_doc(&text))
                .into_iter()
                .filter(|f| f.line == 5 && f.message.contains("引号里面的引号"))
                .map(|f| f.text)
                .collect();
            assert!(nested.is_empty(), "{}: {nested:?}", r.code);
        }
    }

    /// A long doc is mostly exceptions: a drafter reads how to fix it before them.
    #[test]
    fn long_docs_say_how_to_fix_before_the_details() {
        for r in all().filter(|r| r.doc.chars().count() > 1000) {
            let opening: String = r.doc.split("\n\n").take(2).collect();
            assert!(opening.contains("怎样改"), "{}", r.code);
        }
    }

    /// Rules whose examples describe a document or mark what is wrong in words ("（缺少
    /// 年度）", "……", "␣"), instead of being text to check.
    const DESCRIBED_EXAMPLES: [&str; 30] = [
        "GW0102", "GW0104", "GW0107", "GW0110", "GW0203", "GW0204", "GW0205", "GW0206", "GW0207",
        "GW0208", "GW0212", "GW0301", "GW0303", "GW0306", "GW0307", "GW0309", "GW0312", "GW0406",
        "GW0407", "GW0412", "GW0413", "GW0418", "GW0511", "GW0512", "GW0607", "GW0610", "GW0611",
        "GW0612", "GW0613", "GW0614",
    ];

    /// What `gwlint explain` shows as an example is true: the wrong text, put in a correct
    /// report, gets the rule; the right text does not.
    #[test]
    fn the_examples_in_the_docs_do_what_they_say() {
        let mut checked = 0;
        for r in all().filter(|r| !DESCRIBED_EXAMPLES.contains(&r.code)) {
            for line in r.doc.lines() {
                // An example in an indented block below is a whole document's opening.
                let (wrong, text) = match line.split_once('：') {
                    Some(("示例（不规范）", t)) if !t.is_empty() => (true, t),
                    Some(("示例（规范）", t)) if !t.is_empty() => (false, t),
                    _ => continue,
                };
                let doc = testing::text_doc(&testing::with_measures(text));
                let fired = crate::Linter::with_defaults()
                    .lint_document(&doc)
                    .iter()
                    .any(|d| d.rule.code == r.code);
                assert_eq!(fired, wrong, "{}: {line}", r.code);
                checked += 1;
            }
        }
        assert!(checked >= 75, "{checked}");
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
