//! Which rules run and at what severity: `--select`, `--ignore` (codes, names or
//! categories).

use crate::diagnostic::{Category, Diagnostic, RuleMeta, Severity};
use crate::rules;

/// One item of a `--select`/`--ignore` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    All,
    Category(Category),
    /// The start of codes ("GW05"), as ruff takes "E4".
    Prefix(String),
    Rule(&'static str),
}

impl Selector {
    pub fn parse(s: &str) -> Result<Selector, String> {
        Selector::parse_with(s, &[])
    }

    /// Also knows the custom rules of a configuration.
    pub fn parse_with(s: &str, custom: &[&'static RuleMeta]) -> Result<Selector, String> {
        let s = s.trim();
        if let Some(r) = custom
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(s) || r.name == s)
        {
            return Ok(Selector::Rule(r.code));
        }
        if s.eq_ignore_ascii_case("all") {
            return Ok(Selector::All);
        }
        if let Some(c) = Category::parse(&s.to_ascii_lowercase()) {
            return Ok(Selector::Category(c));
        }
        if let Some(r) = rules::by_code(s) {
            return Ok(Selector::Rule(r.code));
        }
        let prefix = s.to_ascii_uppercase();
        let starts = |code: &str| code.len() > prefix.len() && code.starts_with(&prefix);
        let mut known = rules::all()
            .map(|r| r.code)
            .chain(custom.iter().map(|r| r.code));
        if prefix.len() >= 3 && known.any(starts) {
            return Ok(Selector::Prefix(prefix));
        }
        Err(format!(
            "未知的规则或类别“{s}”；用 gwlint rules 查看所有规则代码和类别"
        ))
    }

    pub fn matches(&self, rule: &RuleMeta) -> bool {
        match self {
            Selector::All => true,
            Selector::Category(c) => rule.category == *c,
            Selector::Prefix(p) => rule.code.starts_with(p.as_str()),
            Selector::Rule(code) => rule.code == *code,
        }
    }

    /// Rule codes beat prefixes, longer ones first, which beat categories, which beat
    /// `all` (as in ruff).
    fn specificity(&self) -> usize {
        match self {
            Selector::All => 0,
            Selector::Category(_) => 1,
            Selector::Prefix(p) => 1 + p.len(),
            Selector::Rule(_) => usize::MAX,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Empty means every rule.
    pub select: Vec<Selector>,
    pub ignore: Vec<Selector>,
    pub severity_overrides: Vec<(Selector, Severity)>,
    /// Findings below it are dropped, so that `--fix` and `--annotate` act on what is shown.
    pub min_severity: Severity,
}

impl Selection {
    pub fn parse_list(list: &str) -> Result<Vec<Selector>, String> {
        Selection::parse_list_with(list, &[])
    }

    /// A comma-separated list that may name custom rules too.
    pub fn parse_list_with(
        list: &str,
        custom: &[&'static RuleMeta],
    ) -> Result<Vec<Selector>, String> {
        list.split([',', '，'])
            .filter(|s| !s.trim().is_empty())
            .map(|s| Selector::parse_with(s, custom))
            .collect()
    }

    pub fn enabled(&self, rule: &RuleMeta) -> bool {
        let best = |list: &[Selector]| {
            list.iter()
                .filter(|s| s.matches(rule))
                .map(Selector::specificity)
                .max()
        };
        let selected = if self.select.is_empty() {
            Some(0)
        } else {
            best(&self.select)
        };
        match (selected, best(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(s), Some(i)) => s > i,
        }
    }

    pub fn adjust(&self, mut d: Diagnostic) -> Diagnostic {
        if let Some(sev) = self.severity_override(d.rule) {
            d.severity = sev;
        }
        d
    }

    /// The level `[severity]` sets for a rule's findings, the most specific entry winning.
    pub fn severity_override(&self, rule: &RuleMeta) -> Option<Severity> {
        self.severity_overrides
            .iter()
            .filter(|(s, _)| s.matches(rule))
            .max_by_key(|(s, _)| s.specificity())
            .map(|(_, sev)| *sev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::signature::{MISSING_DATE, MISSING_SIGNATURE};
    use crate::rules::structure::MISSING_TITLE;

    fn sel(select: &str, ignore: &str) -> Selection {
        Selection {
            select: Selection::parse_list(select).unwrap(),
            ignore: Selection::parse_list(ignore).unwrap(),
            ..Selection::default()
        }
    }

    #[test]
    fn select_and_ignore_by_code_name_and_category() {
        let s = sel("signature", "GW0202");
        assert!(s.enabled(&MISSING_SIGNATURE));
        assert!(!s.enabled(&MISSING_DATE));
        assert!(!s.enabled(&MISSING_TITLE));
        let s = sel("", "structure");
        assert!(!s.enabled(&MISSING_TITLE) && s.enabled(&MISSING_DATE));
        let s = sel("missing-date", "signature");
        assert!(s.enabled(&MISSING_DATE) && !s.enabled(&MISSING_SIGNATURE));
    }

    #[test]
    fn select_and_ignore_by_a_code_prefix() {
        let s = sel("GW02", "GW020");
        assert!(!s.enabled(&MISSING_SIGNATURE) && !s.enabled(&MISSING_DATE));
        assert!(!s.enabled(&MISSING_TITLE));
        let s = sel("gw02", "GW0202");
        assert!(s.enabled(&MISSING_SIGNATURE) && !s.enabled(&MISSING_DATE));
        // A prefix of no code is an error, as is a bare "GW".
        assert!(Selection::parse_list("GW09").is_err());
        assert!(Selection::parse_list("GW").is_err());
    }

    #[test]
    fn unknown_selector_is_an_error() {
        assert!(
            Selection::parse_list("GW9999")
                .unwrap_err()
                .contains("GW9999")
        );
    }
}
