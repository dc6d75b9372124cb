//! A rate whose numerator has no base beside it: the base in the sentence before ("受理
//! 436件。办结429件，办结率98.4%。"), or a base smaller than the numerator ("受理358件，办结
//! 364件，办结率100%") (GW0402).

use super::RATE_MISMATCH;
use super::para::Para;
use super::rates::{Counts, mismatch, names_numerator, numerator_aliases, of_the_rest};
use super::sums::is_comparison;
use crate::diagnostic::{Diagnostic, Severity};
use crate::quantity::{Class, Lexicon, Quantity, measure_key};
use crate::rules::findings::Findings;
use std::ops::Range;

/// A count named as the base of a rate: 受理, 抽检, 检查 … (rules/units.toml).
pub(super) fn is_named_base(p: &Para, lex: &Lexicon, c: &Quantity) -> bool {
    let m = p.measure(c);
    lex.denominator_hints.iter().any(|h| m.contains(h.as_str()))
}

/// Checks rate `idx` against numerator `ni` (in the 、 list `list`) when its clause group
/// gives no base at least as large; false when no base was found elsewhere either.
pub(super) fn check(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    rate: &str,
    ni: usize,
    list: &Range<usize>,
    out: &mut Findings,
) -> bool {
    let stem = rate.trim_end_matches('率');
    let key = measure_key(p.measure(&p.qs[ni]));
    if !names_numerator(lex, key, stem, &numerator_aliases(lex, rate)) || of_the_rest(key, stem) {
        return false;
    }
    more_than_its_base(p, lex, idx, rate, ni, list, out)
        || (key == stem && base_in_sentence_before(p, lex, idx, rate, ni, out))
}

/// "受理358件，办结364件，办结率100%": more closed than received, which only cases
/// carried over from earlier years explain, and the sentence does not say so.
fn more_than_its_base(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    rate: &str,
    ni: usize,
    list: &Range<usize>,
    out: &mut Findings,
) -> bool {
    let text = p.text();
    let (q, num) = (&p.qs[idx], &p.qs[ni]);
    let sentence = p.sentence_of(q.span.start);
    let Some(base) = list.start.checked_sub(1).map(|k| &p.qs[k]) else {
        return false;
    };
    if base.span.start < sentence.start
        || base.class != Class::Count
        || base.unit != num.unit
        || !base.exact()
        || !num.exact()
        || base.value >= num.value
        || !is_named_base(p, lex, base)
        || is_comparison(p, lex, base)
        || text[base.span.end..num.span.start].contains("其中")
        || lex.carried_over.is_match(&text[sentence])
    {
        return false;
    }
    let (num_name, base_name) = (measure_key(p.measure(num)), measure_key(p.measure(base)));
    let (num_figure, base_figure) = (num.written_with_unit(text), base.written_with_unit(text));
    out.push(
        Diagnostic::new(
            &RATE_MISMATCH,
            p.doc_span(q.span.clone()),
            format!(
                "{num_name}{num_figure}多于{base_name}{base_figure}，{rate}{}不能由这两个数字得出",
                q.written(text)
            ),
            format!(
                "{num_name}的数字如含上年结转等以前的事项，请写明（如“{num_name}{num_figure}（含上年结转××{}）”），并说明{rate}按什么计算；否则核对这两个数字",
                num.unit
            ),
        )
        .with_severity(Severity::Warning),
    );
    true
}

/// "全年受理投诉举报436件。办结429件，办结率99.1%。": the sentence opens with the
/// numerator, and the one before names a single base, with no rate of its own.
fn base_in_sentence_before(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    rate: &str,
    ni: usize,
    out: &mut Findings,
) -> bool {
    let text = p.text();
    let (q, num) = (&p.qs[idx], &p.qs[ni]);
    let sentence = p.sentence_of(q.span.start);
    let opens = !p.qs[..idx]
        .iter()
        .enumerate()
        .any(|(k, c)| k != ni && c.span.start >= sentence.start && c.unit == num.unit)
        && !text[sentence.start..num.span.start].contains("其中");
    let Some(before) = p.sentence_before(q.span.start).filter(|_| opens) else {
        return false;
    };
    let in_before: Vec<&Quantity> =
        p.qs.iter()
            .filter(|c| c.span.start >= before.start && c.span.end <= before.end)
            .collect();
    if in_before.iter().any(|c| c.class == Class::Percent) {
        return false;
    }
    let mut bases = in_before.iter().filter(|c| {
        c.class == Class::Count
            && c.unit == num.unit
            && is_named_base(p, lex, c)
            && !is_comparison(p, lex, c)
    });
    let (Some(den), None) = (bases.next(), bases.next()) else {
        return false;
    };
    if !den.exact() || !num.exact() || den.value < num.value {
        return false;
    }
    let counts = Counts {
        num,
        den,
        complement: false,
    };
    if !counts.agree_with(q) {
        mismatch(p, idx, rate, counts, None, out);
    }
    true
}
