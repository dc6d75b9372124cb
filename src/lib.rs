//! gwlint: a linter for Chinese official reports (公文), starting with the annual report on
//! rule-of-law government construction (法治政府建设年度报告).
//!
//! Data flow: `source::load` → `Document` → `Outline::parse` → `rules::run` → `report`.

pub mod annotate;
pub mod atomic;
pub mod baseline;
pub mod batch;
pub mod char_source;
pub mod chrome;
pub mod config;
pub mod custom;
pub mod date;
pub mod diagnostic;
pub mod document;
pub mod embedded;
pub mod fix;
pub mod furniture;
pub mod help_text;
pub mod lazy_regex;
pub mod left_out;
pub mod leniency;
pub mod markdown;
pub mod near_name;
pub mod numerals;
pub mod outline;
pub mod path_text;
pub mod profile;
pub mod quantity;
pub mod report;
pub mod rules;
pub mod selection;
pub mod sign_off;
pub mod source;
pub mod text;
pub mod text_table;
pub mod toml_zh;
pub mod unit_name;
pub mod wordlist;
pub mod workspace;

use diagnostic::Diagnostic;
use document::{Document, Format};
use outline::Outline;
use profile::Profile;
use selection::Selection;
use source::SourceError;
use std::path::Path;

/// The result of linting one input: either a document with its findings, or why it could
/// not be read.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    pub format: Option<Format>,
    pub document: Option<Document>,
    pub error: Option<SourceError>,
    pub diagnostics: Vec<Diagnostic>,
    /// What the outline found out about the report, for summaries.
    pub facts: Facts,
    /// Findings left out because the baseline accepted them.
    pub suppressed: usize,
    /// The gwlint.toml the file was checked with (`None`: the defaults): a unit's own file
    /// may turn rules off, which a supervisor must see.
    pub config: Option<std::path::PathBuf>,
}

/// What linting one document found.
pub struct Analysis {
    pub diagnostics: Vec<Diagnostic>,
    pub facts: Facts,
    /// Left out by the baseline.
    pub suppressed: usize,
}

/// Who issued the report and which year it covers, when the outline can tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub issuer: Option<String>,
    pub year: Option<i32>,
    /// The 成文日期, when it is a real date: of two versions, the later is the newer.
    pub date: Option<date::Ymd>,
}

/// The shortest name of one of several issuers signed on one line.
const MIN_JOINT_NAME_CHARS: usize = 5;

impl Facts {
    fn of(doc: &Document, outline: &Outline, profile: &Profile) -> Facts {
        // A joint report is signed by each of its issuers, one line each or spaced apart on
        // one when each is a body's name; a seal placeholder or a date is no part of a name.
        let signed: Vec<String> = outline
            .issuers
            .iter()
            .flat_map(|&i| {
                let line = sign_off::issuer_text(markdown::plain_line(doc, doc.line(i)));
                let names: Vec<&str> = line
                    .split(char::is_whitespace)
                    .filter(|n| !n.is_empty())
                    .map(sign_off::issuer_text)
                    .collect();
                // Full names: "办公室" after a space is part of the name before it.
                let each_a_body = names.len() > 1
                    && names.iter().all(|n| {
                        n.chars().count() >= MIN_JOINT_NAME_CHARS
                            && profile
                                .issuer_suffixes
                                .iter()
                                .any(|s| n.ends_with(s.as_str()))
                    });
                if each_a_body {
                    names.into_iter().map(str::to_string).collect()
                } else {
                    vec![text::squeeze(line).into_owned()]
                }
            })
            .collect();
        // A name signed twice (GW0214) is one issuer.
        let mut signed = signed;
        signed.dedup();
        // "（某市疾病预防控制局）" on its own line is the second name of the body above it.
        let signed = signed.iter().fold(String::new(), |mut all, name| {
            if !all.is_empty() && !name.starts_with('（') {
                all.push('、');
            }
            all.push_str(name);
            all
        });
        let signed = Some(signed).filter(|s| !s.is_empty());
        // A joint title's bodies apart ("甲委员会　乙局"), as a joint 落款's are.
        let titled = outline.title.as_ref().and_then(|t| {
            let issuer = outline::issuer_in_title(&t.text, &profile.issuer_suffixes)?;
            let joint = outline::joint_issuers(
                &doc.text[t.span.clone()],
                &issuer,
                &profile.issuer_suffixes,
            );
            Some(if joint.is_empty() {
                issuer
            } else {
                joint.join("、")
            })
        });
        // The title names the report's issuer; a 落款 that differs is shown beside it. A
        // joint 落款 among whose issuers the title's is (alone or with a second name), or
        // that the title runs together, is the same.
        let issuer = match (titled, signed) {
            (Some(t), Some(s))
                if s.split('、').any(|x| {
                    x == t
                        || x.strip_prefix(t.as_str())
                            .is_some_and(|r| r.starts_with('（'))
                }) || t.replace('、', "") == s.replace('、', "") =>
            {
                Some(s)
            }
            // The same bodies in another order: the title's order.
            (Some(t), Some(s)) if same_names(&t, &s) => Some(t),
            (Some(t), Some(s)) => Some(format!("{t}（落款：{s}）")),
            (t, s) => t.or(s),
        };
        Facts {
            issuer,
            year: outline.year.map(|y| y.year),
            date: outline
                .date
                .as_ref()
                .and_then(|d| d.date.ymd())
                .filter(|&(y, m, d)| date::is_real_date(y, m, d)),
        }
    }
}

/// Everything that stays the same across the files of one run.
pub struct Linter {
    pub profile: Profile,
    pub selection: Selection,
    /// Custom rules, per-path ignores and excludes from gwlint.toml.
    pub config: config::Config,
    /// Findings accepted earlier (`--baseline`, or gwlint.toml's `baseline`), not reported again.
    pub baseline: Option<std::sync::Arc<baseline::Baseline>>,
}

/// Two lists of names apart by 、 name the same bodies, in any order.
fn same_names(a: &str, b: &str) -> bool {
    fn sorted(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s.split('、').collect();
        v.sort_unstable();
        v
    }
    sorted(a) == sorted(b)
}

/// A finding about something missing at the end ("缺少成文日期") points at the end of the
/// last line, not at the empty line after its newline, which no editor shows.
fn at_the_last_line(doc: &Document, mut d: Diagnostic) -> Diagnostic {
    let end = doc.text.len();
    if d.span == (end..end) && d.fix.is_none() && doc.text.ends_with('\n') {
        d.span = end - 1..end - 1;
    }
    d
}

impl Linter {
    pub fn new(profile: Profile, selection: Selection) -> Self {
        Linter {
            profile,
            selection,
            config: config::Config::default(),
            baseline: None,
        }
    }

    /// The default profile with every rule enabled.
    pub fn with_defaults() -> Self {
        Linter::new(
            Profile::builtin(profile::DEFAULT_PROFILE).expect("default profile"),
            Selection::default(),
        )
    }

    /// No rule, built-in or custom, is left by `select` and `ignore`.
    pub fn runs_no_rule(&self) -> bool {
        !rules::all()
            .chain(self.config.custom.iter().map(|r| r.meta))
            .any(|r| self.selection.enabled(r))
    }

    pub fn lint_document(&self, doc: &Document) -> Vec<Diagnostic> {
        self.analyze(doc).diagnostics
    }

    /// The findings on a document and what its outline says about it.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        // "卫⽣健康局" is read as 卫生健康局: the title, the 落款 and the dates are found;
        // GW0615 reports the characters in the text as written.
        let read = rules::artifact::read_as_meant(doc);
        let outline = Outline::parse(&read, &self.profile);
        let ctx = rules::Context {
            doc: &read,
            written: doc,
            outline: &outline,
            profile: &self.profile,
            config: &self.config,
            themes: std::sync::OnceLock::new(),
        };
        let ignored_here = self.config.ignored_here(Path::new(&doc.name));
        let enabled = |r: &diagnostic::RuleMeta| {
            self.selection.enabled(r) && !ignored_here.iter().any(|s| s.matches(r))
        };
        let mut all = rules::run(&ctx, &enabled);
        let mut custom = rules::findings::Findings::new();
        for rule in &self.config.custom {
            rule.check(doc, &outline.chrome, &mut custom);
        }
        all.extend(custom.into_vec());
        let mut diags: Vec<Diagnostic> = all
            .into_iter()
            .filter(|d| self.selection.enabled(d.rule))
            .filter(|d| !ignored_here.iter().any(|s| s.matches(d.rule)))
            .map(|d| self.selection.adjust(d))
            .filter(|d| d.severity >= self.selection.min_severity)
            .map(|d| at_the_last_line(doc, d))
            .collect();
        diags.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule.code).cmp(&(b.span.start, b.span.end, b.rule.code))
        });
        let (diagnostics, suppressed) = match &self.baseline {
            Some(b) => b.filter(doc, diags),
            None => (diags, 0),
        };
        Analysis {
            diagnostics,
            facts: Facts::of(doc, &outline, &self.profile),
            suppressed,
        }
    }

    /// The report on a document that was read successfully.
    pub fn report(&self, path: &str, doc: Document) -> FileReport {
        let a = self.analyze(&doc);
        FileReport {
            path: path.to_string(),
            format: Some(doc.format),
            document: Some(doc),
            error: None,
            diagnostics: a.diagnostics,
            facts: a.facts,
            suppressed: a.suppressed,
            config: self.config.path.clone(),
        }
    }

    /// Lints bytes already in memory; `path` names them in the report.
    pub fn lint_bytes(&self, path: &str, format: Format, bytes: &[u8]) -> FileReport {
        match source::load(path, format, bytes) {
            Ok(doc) => {
                let mut report = self.report(path, doc);
                fix::offer_only_writable(&mut report, bytes);
                report
            }
            Err(error) => FileReport::failed(path, Some(format), error),
        }
    }

    /// Reads and lints one file; any failure becomes the report's `error`.
    pub fn lint_path(&self, path: &Path) -> FileReport {
        let name = path_text::path_text(path);
        let format = source::format_for_path(path).unwrap_or(Format::Text);
        match source::read_file(path) {
            Ok(bytes) => self.lint_bytes(&name, format, &bytes),
            Err(error) => FileReport::failed(&name, Some(format), error),
        }
    }
}

impl FileReport {
    pub fn failed(path: &str, format: Option<Format>, error: SourceError) -> Self {
        FileReport {
            path: path.to_string(),
            format,
            document: None,
            error: Some(error),
            diagnostics: Vec::new(),
            facts: Facts::default(),
            suppressed: 0,
            config: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_name_every_issuer_of_a_joint_report() {
        let text = rules::GOOD_REPORT.replace(
            "青禾市卫生健康委员会\n2025年",
            "中共青禾市卫生健康委员会党组\n青禾市卫生健康委员会\n2025年",
        );
        let report =
            Linter::with_defaults().lint_bytes("t.txt", document::Format::Text, text.as_bytes());
        assert_eq!(
            report.facts.issuer.as_deref(),
            Some("中共青禾市卫生健康委员会党组、青禾市卫生健康委员会")
        );
        assert_eq!(report.facts.year, Some(2024));
        // A 落款 of another body: the title's issuer, with the 落款 beside it.
        let text =
            rules::GOOD_REPORT.replace("青禾市卫生健康委员会\n2025年", "青禾市医疗保障局\n2025年");
        let report =
            Linter::with_defaults().lint_bytes("t.txt", document::Format::Text, text.as_bytes());
        assert_eq!(
            report.facts.issuer.as_deref(),
            Some("青禾市卫生健康委员会（落款：青禾市医疗保障局）")
        );
        // A seal placeholder is no part of the name; joint issuers on one line are two.
        for (signature, issuer) in [
            ("青禾市卫生健康委员会（盖章）", "青禾市卫生健康委员会"),
            // One name with a space in it.
            (
                "青禾市卫生健康委员会 办公室",
                "青禾市卫生健康委员会（落款：青禾市卫生健康委员会办公室）",
            ),
            (
                "青禾市卫生健康委员会（盖章）　青禾市医疗保障局（盖章）",
                "青禾市卫生健康委员会、青禾市医疗保障局",
            ),
            (
                "青禾市卫生健康委员会　青禾市医疗保障局",
                "青禾市卫生健康委员会、青禾市医疗保障局",
            ),
            // Signed twice by mistake: one issuer.
            (
                "青禾市卫生健康委员会\n青禾市卫生健康委员会",
                "青禾市卫生健康委员会",
            ),
            // A second name on the line under the first.
            (
                "青禾市卫生健康委员会\n（青禾市中医药管理局）",
                "青禾市卫生健康委员会（青禾市中医药管理局）",
            ),
        ] {
            let text = signed(rules::GOOD_REPORT.to_string(), signature);
            assert_eq!(issuer_of(&text).as_deref(), Some(issuer), "{signature}");
        }
    }

    /// `text` with its 落款 replaced by `signature`.
    fn signed(text: String, signature: &str) -> String {
        text.replace(
            "青禾市卫生健康委员会\n2025年",
            &format!("{signature}\n2025年"),
        )
    }

    fn issuer_of(text: &str) -> Option<String> {
        Linter::with_defaults()
            .lint_bytes("t.txt", document::Format::Text, text.as_bytes())
            .facts
            .issuer
    }

    /// A joint title's bodies apart by a space are two issuers, as apart by 、.
    #[test]
    fn facts_name_each_body_of_a_joint_title() {
        for (title, signature, issuer) in [
            (
                "青禾市卫生健康委员会　青禾市医疗保障局",
                "青禾市卫生健康委员会",
                "青禾市卫生健康委员会、青禾市医疗保障局（落款：青禾市卫生健康委员会）",
            ),
            // Signed by both in another order: the title's order.
            (
                "青禾市卫生健康委员会 青禾市医疗保障局",
                "青禾市医疗保障局\n青禾市卫生健康委员会",
                "青禾市卫生健康委员会、青禾市医疗保障局",
            ),
            (
                "青禾市卫生健康委员会、青禾市医疗保障局",
                "青禾市卫生健康委员会\n青禾市医疗保障局",
                "青禾市卫生健康委员会、青禾市医疗保障局",
            ),
        ] {
            let titled =
                rules::GOOD_REPORT.replacen("青禾市卫生健康委员会", &format!("{title}\n"), 1);
            let text = signed(titled, signature);
            assert_eq!(issuer_of(&text).as_deref(), Some(issuer), "{title}");
        }
    }
}
