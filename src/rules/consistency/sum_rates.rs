//! Rates of several kinds together: 纠错率 is 撤销 + 变更 + 确认违法 … over the cases decided
//! ("审结20件，其中维持15件、撤销3件、确认违法2件，纠错率20%" should say 25%).

use super::RATE_MISMATCH;
use super::para::{Para, expected_percent, rate_agrees};
use super::rates::enumeration_around;
use crate::diagnostic::{Diagnostic, Severity};
use crate::numerals::{Value, equals_sign, format_percent};
use crate::quantity::{Class, Lexicon, RateSum, measure_key};
use crate::rules::findings::Findings;

/// Checks the rate at `idx` when its word is one of `rates.sums` and its kinds are listed
/// in full. Returns whether it was checked so; if not, the rate is read as the count of its
/// own word ("纠错3件，纠错率13.8%").
pub(super) fn check(p: &Para, lex: &Lexicon, idx: usize, rate: &str, out: &mut Findings) -> bool {
    lex.rate_sums
        .iter()
        .find(|s| names(lex, s, rate))
        .is_some_and(|sum| check_sum(p, lex, idx, rate, sum, out))
}

/// "纠错率" and "行政复议纠错率"; not "综合纠错率", which counts other kinds as well, nor
/// one of another period, place or benchmark ("上年纠错率", "全市纠错率").
fn names(lex: &Lexicon, sum: &RateSum, rate: &str) -> bool {
    rate.strip_suffix(sum.rate.as_str()).is_some_and(|before| {
        !sum.not_after.iter().any(|w| before.ends_with(w.as_str()))
            && !lex.narrowing.iter().any(|w| before.contains(w.as_str()))
    })
}

/// Whether the list of kinds was found, whatever the rate says.
fn check_sum(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    rate: &str,
    sum: &RateSum,
    out: &mut Findings,
) -> bool {
    let text = p.text();
    let q = &p.qs[idx];
    // The list just before the rate, and its total just before the list, in one sentence.
    let Some(last) = idx.checked_sub(1) else {
        return false;
    };
    let first = enumeration_around(p, last).start;
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
    let kind = |c: &crate::quantity::Quantity| lex.decision(measure_key(p.measure(c)));
    if !lex.outcomes_of_one_group(items.iter().map(kind))
        || Value::sum(items.iter().map(|c| &c.value)) != Some(total.value)
    {
        return false;
    }
    // "纠错率30%（含调解结案）": the writer states another basis.
    if text[q.span.end..].trim_start().starts_with(['（', '(']) {
        return true;
    }
    let of_kinds = |words: &[String]| -> Vec<&crate::quantity::Quantity> {
        items
            .iter()
            .filter(|c| words.iter().any(|w| kind(c).starts_with(w.as_str())))
            .collect()
    };
    let counted = of_kinds(&sum.parts);
    let Some(part) = Value::sum(counted.iter().map(|c| &c.value)) else {
        return true;
    };
    let Some(exact) = part.percent_of(total.value) else {
        return true;
    };
    // Some leave out of the base the cases ended without a decision on the merits (终止).
    let decided = Value::sum(of_kinds(&sum.off_merits).iter().map(|c| &c.value))
        .and_then(|off| total.value.checked_sub(off));
    let of_decided = decided
        .and_then(|d| part.percent_of(d).map(|e| (d, e)))
        .is_some_and(|(d, e)| rate_agrees(q, e, part == d));
    if rate_agrees(q, exact, part == total.value) || of_decided {
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
    let shown = format_percent(exact, 2);
    out.push(
        Diagnostic::new(
            &RATE_MISMATCH,
            p.doc_span(q.span.clone()),
            format!(
                "{rate}应为{}%（{numerator}÷{}{}{shown}%），与所写的{}不符",
                expected_percent(exact, q, 1),
                total.value,
                equals_sign(exact, &shown),
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
