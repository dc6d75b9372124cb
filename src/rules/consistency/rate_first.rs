//! A rate written before the counts it is of: "办结率100%（受理1,526件，办结1,498件）",
//! "办结率达100%，共受理1,526件，办结1,498件" (GW0402).

use super::para::Para;
use super::rate_base::is_named_base;
use super::rates::{Counts, mismatch, names_numerator, numerator_aliases, of_the_rest};
use super::sums::is_comparison;
use crate::quantity::{Class, Lexicon, Quantity, measure_key};
use crate::rules::findings::Findings;

/// Checks rate `idx` against the counts that follow it in its sentence: the count named
/// like the rate, and right before it a larger one named as a base (受理, 抽检, 检查 …).
/// Only when nothing else comes between: another percentage, a 其中, a comparison with
/// another year, or a count in another unit make the figures something else's.
pub(super) fn check(p: &Para, lex: &Lexicon, idx: usize, rate: &str, out: &mut Findings) {
    let text = p.text();
    let q = &p.qs[idx];
    let stem = rate.trim_end_matches('率');
    if stem.chars().count() < 2 {
        return;
    }
    let sentence = p.sentence_of(q.span.start);
    let counts: Vec<&Quantity> = p.qs[idx + 1..]
        .iter()
        .take_while(|c| c.span.end <= sentence.end && c.class != Class::Percent)
        .collect();
    let aliases = numerator_aliases(lex, rate);
    let Some(k) = counts
        .iter()
        .position(|c| names_numerator(lex, measure_key(p.measure(c)), stem, &aliases))
    else {
        return;
    };
    if k == 0 {
        return;
    }
    let (den, num) = (counts[k - 1], counts[k]);
    let pair = Counts {
        num,
        den,
        complement: of_the_rest(measure_key(p.measure(num)), stem),
    };
    let between = &text[q.span.end..num.span.start];
    if !is_named_base(p, lex, den)
        || between.contains("其中")
        || lex.growth.is_match(between)
        || counts[..=k]
            .iter()
            .any(|c| c.class != Class::Count || c.unit != num.unit || !c.exact())
        || is_comparison(p, lex, den)
        || den.value < num.value
        || pair.agree_with(q)
    {
        return;
    }
    mismatch(p, idx, rate, pair, None, out);
}
