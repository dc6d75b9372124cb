//! Findings another finding already answers, on the same text: the one whose advice is
//! whole is kept. ‘民法典’ is a title in quotes (GW0704: 《民法典》), not a quotation whose
//! quotes should be double (GW0505); a misspelling inside a title the title's own correction
//! puts right (GW0702) needs no word of its own (GW0801).

use crate::diagnostic::{Diagnostic, RuleMeta};

/// (the finding answered, the finding that answers it): the answered one is dropped when
/// its span lies within the other's, and the other's rule is `enabled` (the caller drops
/// the findings of rules not selected only later).
const ANSWERED_BY: [(&str, &str); 2] = [("GW0505", "GW0704"), ("GW0801", "GW0702")];

pub(crate) fn drop_answered(
    all: &mut Vec<Diagnostic>,
    enabled: &(dyn Fn(&RuleMeta) -> bool + Sync),
) {
    let answers: Vec<(&str, std::ops::Range<usize>)> = all
        .iter()
        .filter(|d| ANSWERED_BY.iter().any(|(_, by)| d.rule.code == *by) && enabled(d.rule))
        .map(|d| (d.rule.code, d.span.clone()))
        .collect();
    if answers.is_empty() {
        return;
    }
    all.retain(|d| {
        !ANSWERED_BY.iter().any(|(answered, by)| {
            d.rule.code == *answered
                && answers.iter().any(|(code, span)| {
                    code == by && span.start <= d.span.start && d.span.end <= span.end
                })
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::rules::citation::CITATION_IN_QUOTES;
    use crate::rules::punctuation::QUOTE_NESTING;
    use crate::rules::with_measures;

    fn codes(text: &str) -> Vec<&'static str> {
        let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.into());
        crate::Linter::with_defaults()
            .lint_document(&doc)
            .iter()
            .map(|d| d.rule.code)
            .collect()
    }

    #[test]
    fn the_whole_advice_is_kept() {
        // A title in single quotes: 《民法典》, not “民法典”.
        let text = with_measures("（一）健全依法决策机制。组织学习‘民法典’，全年审查决策3件。");
        assert_eq!(codes(&text), ["GW0704"]);
        // A misspelling inside a title the title's correction puts right.
        let text =
            with_measures("（一）健全依法决策机制。贯彻《优化营商坏境条例》，全年审查决策3件。");
        assert_eq!(codes(&text), ["GW0702"]);
    }

    #[test]
    fn an_answer_not_wanted_answers_nothing() {
        let found = || {
            vec![
                Diagnostic::new(&QUOTE_NESTING, 10..19, "单引号", ""),
                Diagnostic::new(&CITATION_IN_QUOTES, 10..19, "书名号", ""),
            ]
        };
        let mut all = found();
        drop_answered(&mut all, &|_| true);
        assert_eq!(
            all.iter().map(|d| d.rule.code).collect::<Vec<_>>(),
            ["GW0704"]
        );
        let mut all = found();
        drop_answered(&mut all, &|r| r.code != "GW0704");
        assert_eq!(all.len(), 2);
    }
}
