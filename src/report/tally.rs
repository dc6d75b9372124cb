//! Which rules fire most across a batch, ranked by the reports they affect: one long file
//! must not outweigh many units.

use crate::FileReport;
use crate::diagnostic::Severity;
use std::collections::{BTreeMap, BTreeSet};

/// Infos are left out: a suggestion in many files must not head a supervisor's list.
#[derive(Default)]
pub struct RuleTally {
    /// Per rule (code, Chinese summary): (files it fired in, findings).
    by_rule: BTreeMap<(&'static str, &'static str), (usize, usize)>,
}

impl RuleTally {
    pub fn add(&mut self, r: &FileReport) {
        let counted = || r.diagnostics.iter().filter(|d| d.severity > Severity::Info);
        for d in counted() {
            self.by_rule
                .entry((d.rule.code, d.rule.summary))
                .or_default()
                .1 += 1;
        }
        let fired: BTreeSet<_> = counted().map(|d| (d.rule.code, d.rule.summary)).collect();
        for rule in fired {
            self.by_rule.entry(rule).or_default().0 += 1;
        }
    }

    /// The `n` rules that fired in the most files: (code, summary, files, findings).
    pub fn top(&self, n: usize) -> Vec<(&'static str, &'static str, usize, usize)> {
        let mut all: Vec<_> = self
            .by_rule
            .iter()
            .map(|(&(code, name), &(files, count))| (code, name, files, count))
            .collect();
        all.sort_by(|a, b| (b.2, b.3).cmp(&(a.2, a.3)).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }
}
