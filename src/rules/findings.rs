//! Where rules put what they find: at most `MAX_PER_RULE` findings of one rule per file, so
//! that a pathological file (a million half-width commas, a million blank lines with a
//! space) costs bounded memory. The last finding kept says how many more there were.

use crate::diagnostic::{Diagnostic, RuleMeta};
use std::ops::{Deref, DerefMut};

/// Far beyond any real report (a whole report's punctuation folded to ASCII is a few
/// thousand findings), so `--fix` still mends it in one run.
pub const MAX_PER_RULE: usize = 10_000;

#[derive(Default)]
pub struct Findings {
    kept: Vec<Diagnostic>,
    /// Per rule: findings kept and findings past the cap.
    counts: Vec<(&'static RuleMeta, usize, usize)>,
}

impl Findings {
    pub fn new() -> Findings {
        Findings::default()
    }

    fn count(&mut self, rule: &'static RuleMeta) -> &mut (&'static RuleMeta, usize, usize) {
        let k = match self.counts.iter().position(|c| std::ptr::eq(c.0, rule)) {
            Some(k) => k,
            None => {
                self.counts.push((rule, 0, 0));
                self.counts.len() - 1
            }
        };
        &mut self.counts[k]
    }

    /// Keeps `d` unless its rule has found `MAX_PER_RULE` already.
    pub fn push(&mut self, d: Diagnostic) {
        self.keep(d);
    }

    /// `push`, saying whether `d` was kept (and so is the last finding).
    pub fn keep(&mut self, d: Diagnostic) -> bool {
        let c = self.count(d.rule);
        if c.1 >= MAX_PER_RULE {
            c.2 += 1;
            return false;
        }
        c.1 += 1;
        self.kept.push(d);
        true
    }

    /// Only the findings `keep` accepts stay.
    pub fn retain(&mut self, mut keep: impl FnMut(&Diagnostic) -> bool) {
        let mut removed: Vec<&'static RuleMeta> = Vec::new();
        self.kept.retain(|d| {
            let stays = keep(d);
            if !stays {
                removed.push(d.rule);
            }
            stays
        });
        for rule in removed {
            self.count(rule).1 -= 1;
        }
    }

    /// The findings from `at` on, taken out (to be filtered and put back).
    pub fn split_off(&mut self, at: usize) -> Vec<Diagnostic> {
        let taken = self.kept.split_off(at);
        for d in &taken {
            self.count(d.rule).1 -= 1;
        }
        taken
    }

    /// The findings kept, the last of a capped rule saying how many were left out.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        let mut kept = self.kept;
        for (rule, _, dropped) in self.counts.into_iter().filter(|c| c.2 > 0) {
            if let Some(last) = kept.iter_mut().rev().find(|d| std::ptr::eq(d.rule, rule)) {
                last.message.push_str(&format!(
                    "（本文件中这类问题共{}处，只列出前{MAX_PER_RULE}处）",
                    MAX_PER_RULE + dropped
                ));
            }
        }
        kept
    }
}

impl Extend<Diagnostic> for Findings {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, items: I) {
        for d in items {
            self.push(d);
        }
    }
}

impl Deref for Findings {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.kept
    }
}

impl DerefMut for Findings {
    fn deref_mut(&mut self) -> &mut [Diagnostic] {
        &mut self.kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::punctuation::HALFWIDTH;
    use crate::rules::wording::MISSPELLING;

    #[test]
    fn a_rule_past_the_cap_keeps_its_first_findings_and_says_how_many() {
        let mut f = Findings::new();
        for k in 0..MAX_PER_RULE + 5 {
            f.push(Diagnostic::new(&HALFWIDTH, k..k + 1, "半角", ""));
        }
        assert!(f.keep(Diagnostic::new(&MISSPELLING, 0..1, "错字", "")));
        let all = f.into_vec();
        assert_eq!(all.len(), MAX_PER_RULE + 1);
        assert_eq!(all[MAX_PER_RULE - 1].span, MAX_PER_RULE - 1..MAX_PER_RULE);
        assert_eq!(
            all[MAX_PER_RULE - 1].message,
            format!(
                "半角（本文件中这类问题共{}处，只列出前{MAX_PER_RULE}处）",
                MAX_PER_RULE + 5
            )
        );
        assert_eq!(all[MAX_PER_RULE].message, "错字");
    }

    #[test]
    fn findings_taken_out_free_their_place() {
        let mut f = Findings::new();
        for k in 0..MAX_PER_RULE {
            f.push(Diagnostic::new(&HALFWIDTH, k..k + 1, "半角", ""));
        }
        let taken = f.split_off(MAX_PER_RULE - 1);
        assert_eq!(taken.len(), 1);
        assert!(f.keep(Diagnostic::new(&HALFWIDTH, 0..1, "半角", "")));
        assert!(!f.keep(Diagnostic::new(&HALFWIDTH, 0..1, "半角", "")));
    }
}
