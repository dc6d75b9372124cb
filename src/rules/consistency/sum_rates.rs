//! Rates of several kinds together: 纠错率 is 撤销 + 变更 + 确认违法 … over the cases decided
//! ("审结20件，其中维持15件、撤销3件、确认违法2件，纠错率20%" should say 25%).

use super::RATE_MISMATCH;
use super::para::{Para, expected_percent, rate_agrees};
use super::sums::ends_enumeration;
use crate::diagnostic::{Diagnostic, Severity};
use crate::numerals::{Value, format_percent};
use crate::quantity::{Class, Lexicon, RateSum, measure_key};

/// Checks the rate at `idx` when its word is one of `rates.sums` and its kinds are listed
/// in full. Returns whether it was checked so; if not, the rate is read as the count of its
/// own word ("纠错3件，纠错率13.8%").
pub(super) fn check(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    rate: &str,
    out: &mut Vec<Diagnostic>,
) -> bool {
    lex.rate_sums
        .iter()
        .find(|s| names(s, rate))
        .is_some_and(|sum| check_sum(p, lex, idx, rate, sum, out))
}

/// "纠错率" and "行政复议纠错率", not "综合纠错率", which counts other kinds as well.
fn names(sum: &RateSum, rate: &str) -> bool {
    rate.strip_suffix(sum.rate.as_str())
        .is_some_and(|before| !sum.not_after.iter().any(|w| before.ends_with(w.as_str())))
}

/// Whether the list of kinds was found, whatever the rate says.
fn check_sum(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    rate: &str,
    sum: &RateSum,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let text = p.text();
    let q = &p.qs[idx];
    // The list just before the rate, and its total just before the list, in one sentence.
    let Some(last) = idx.checked_sub(1) else {
        return false;
    };
    let mut first = last;
    while first > 0 && ends_enumeration(p, &p.qs[first]) {
        first -= 1;
    }
    let Some(total) = first.checked_sub(1).map(|k| &p.qs[k]) else {
        return false;
    };
    let items = &p.qs[first..=last];
    let sentence = p.sentence_index(q.span.start);
    let one_sentence = p.sentence_index(total.span.start) == sentence;
    let counts = std::iter::once(total)
        .chain(items)
        .all(|c| c.class == Class::Count && c.unit == total.unit && c.exact());
    if items.len() < 2 || !one_sentence || !counts {
        return false;
    }
    // Every kind is a decision a case gets one of, and they account for every case: then
    // the rate's kinds are all listed.
    let kind = |c: &&crate::quantity::Quantity| measure_key(p.measure(c));
    if !items
        .iter()
        .all(|c| lex.outcomes.longest_at(kind(&c)).is_some())
        || Value::sum(items.iter().map(|c| &c.value)) != Some(total.value)
    {
        return false;
    }
    let counted: Vec<_> = items
        .iter()
        .filter(|c| sum.parts.iter().any(|w| kind(c).ends_with(w.as_str())))
        .collect();
    let Some(part) = Value::sum(counted.iter().map(|c| &c.value)) else {
        return true;
    };
    let Some(exact) = part.percent_of(total.value) else {
        return true;
    };
    if rate_agrees(q, exact, part == total.value) {
        return true;
    }
    let numerator = match counted.as_slice() {
        [] => "0".to_string(),
        [one] => one.value.to_string(),
        many => format!(
            "({})",
            many.iter()
                .map(|c| c.value.to_string())
                .collect::<Vec<_>>()
                .join("+")
        ),
    };
    let kinds = sum.parts.join("、");
    out.push(
        Diagnostic::new(
            &RATE_MISMATCH,
            p.doc_span(q.span.clone()),
            format!(
                "{rate}应为{}%（{numerator}÷{}={}%），与所写的{}不符",
                expected_percent(exact, q, 1),
                total.value,
                format_percent(exact, 2),
                q.written(text)
            ),
            format!(
                "{rate}按{kinds}的案件之和除以总数计算；如果本单位另有口径（如把调解、和解也计入），请写明“综合纠错率”或注明口径"
            ),
        )
        .with_severity(Severity::Warning),
    );
    true
}
