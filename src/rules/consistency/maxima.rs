//! The largest single one over its total (GW0401): "罚没款合计12,500元，其中单笔最高20,000
//! 元" — no single fine is more than all of them.

use super::SUM_MISMATCH;
use super::para::Para;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Class, Lexicon};
use crate::rules::findings::Findings;

pub(super) fn check(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    if !lex.maxima.is_match(text) {
        return;
    }
    for (k, max) in p.qs.iter().enumerate() {
        if !max.exact() || !lex.maxima.is_match(p.measure(max)) {
            continue;
        }
        let sentence = p.sentence_of(max.span.start);
        // The total: an earlier figure of the sentence in the same unit, named as one.
        let total = p.qs[..k].iter().rev().find(|t| {
            t.span.start >= sentence.start
                && t.unit == max.unit
                && matches!(t.class, Class::Count | Class::Money)
                && is_total(lex, p.measure(t))
        });
        let Some(total) = total.filter(|t| t.exact() && max.value > t.value) else {
            continue;
        };
        let (m, t) = (max.written_with_unit(text), total.written_with_unit(text));
        out.push(Diagnostic::new(
            &SUM_MISMATCH,
            p.doc_span(max.span.clone()),
            format!("其中最大的一项{m}超过了总数{t}"),
            "单项的最大值不会超过总数：核对这两个数字",
        ));
    }
}

/// "罚没款合计", "全年共": a measure with a word of a total, not the 共 of 公共.
fn is_total(lex: &Lexicon, measure: &str) -> bool {
    lex.totalizers
        .find_iter(measure)
        .any(|(at, _)| !measure[..at].ends_with('公'))
}
