//! An average against the figures it is of (GW0402): "开展培训12场，参训360人次，场均40人次"
//! — 360 ÷ 12 is 30. Only when its sentence holds one total in the average's unit and one
//! count of what it is per, each written in full.

use super::RATE_MISMATCH;
use super::para::{Para, two_places, within_stated_precision};
use crate::diagnostic::Diagnostic;
use crate::numerals::equals_sign;
use crate::quantity::{Average, Class, Lexicon, Quantity};
use crate::rules::findings::Findings;
use crate::text::is_han;

/// Characters after the average's word and before its figure ("人均办案15件": 办案).
const MAX_AFTER_WORD: usize = 6;

/// The average `measure` (the words before a figure) names: "场均", "人均办案".
fn average_of<'l>(lex: &'l Lexicon, measure: &str) -> Option<&'l Average> {
    lex.averages.iter().find(|a| {
        measure.rfind(a.word.as_str()).is_some_and(|k| {
            let after = &measure[k + a.word.len()..];
            after.chars().count() <= MAX_AFTER_WORD && after.chars().all(is_han)
        })
    })
}

pub(super) fn check(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    if !lex.averages.iter().any(|a| text.contains(a.word.as_str())) {
        return;
    }
    for q in &p.qs {
        let Some(average) = average_of(lex, p.measure(q)) else {
            continue;
        };
        if q.class != Class::Count || q.approx || average.per.iter().any(|u| u == q.unit) {
            continue;
        }
        let sentence = p.sentence_of(q.span.start);
        let others = || {
            p.qs.iter().filter(|r| {
                !std::ptr::eq(*r, q)
                    && r.span.start >= sentence.start
                    && r.span.end <= sentence.end
                    && written_in_full(r)
                    && average_of(lex, p.measure(r)).is_none()
            })
        };
        let totals: Vec<&Quantity> = others().filter(|r| r.unit == q.unit).collect();
        let counts: Vec<&Quantity> = others()
            .filter(|r| average.per.iter().any(|u| u == r.unit))
            .collect();
        let ([total], [count]) = (totals.as_slice(), counts.as_slice()) else {
            continue;
        };
        if count.value.is_zero() {
            continue;
        }
        let exact = total.value.to_f64() / count.value.to_f64();
        let places = 10f64.powi(i32::from(q.numeral.decimals.min(6)));
        let cut = (exact * places + 1e-9).floor() / places;
        if within_stated_precision(q, exact) || (cut - q.value.to_f64()).abs() < 1e-9 {
            continue;
        }
        let (total, count) = (total.written_with_unit(text), count.written_with_unit(text));
        let word = &average.word;
        let shown = two_places(exact);
        out.push(Diagnostic::new(
            &RATE_MISMATCH,
            p.doc_span(q.span.clone()),
            format!(
                "{total}÷{count}{}{shown}，与{word}{}不符",
                equals_sign(exact, &shown),
                q.written_with_unit(text)
            ),
            format!("核对{word}和所依据的两个数字：{word} = 总数 ÷ 所分摊的数量"),
        ));
    }
}

/// A count written to the unit: not rounded to 万, no decimals, no approximation.
fn written_in_full(q: &Quantity) -> bool {
    q.exact()
        && q.class == Class::Count
        && q.numeral.multiplier.is_none()
        && q.numeral.decimals == 0
}
