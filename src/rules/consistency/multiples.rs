//! A change written as a multiple (GW0402): "由1,200件增加到3,600件，增长了2倍" (3,600 is
//! 3 times 1,200: it grew by 2 times), "是上年的3倍", "实现翻番" (at least twice).

use super::RATE_MISMATCH;
use super::count_changes::{change_words, two_periods};
use super::growth::rounding;
use super::para::{Para, two_places};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lazy_regex::static_regex;
use crate::quantity::{Class, Lexicon, Quantity};
use crate::rules::findings::Findings;

/// How a multiple is said.
#[derive(Clone, Copy, PartialEq)]
enum Said {
    /// "增长了2倍": by that many times the other figure.
    GrewBy,
    /// "是上年的3倍", "增至3倍": that many times the other figure.
    TimesOf,
}

pub(super) fn check(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    if !text.contains('倍') && !text.contains("翻") {
        return;
    }
    let g = &lex.change;
    for (k, w) in p.qs.windows(2).enumerate() {
        let [first, second] = w else { continue };
        let counted = |q: &Quantity| q.exact() && q.class != Class::Percent && q.unit == first.unit;
        if !(counted(first) && counted(second)) {
            continue;
        }
        let Some((from, to)) = two_periods(g, text, first, second) else {
            continue;
        };
        if from.value.is_zero() {
            continue;
        }
        let ratio = to.value.to_f64() / from.value.to_f64();
        let slack = ratio * (rounding(from, text) + rounding(to, text));
        let after = &text[second.span.end..];
        match p.qs.get(k + 2).filter(|m| m.unit == "倍" && m.exact()) {
            Some(m) => multiple(p, (from, to), m, (ratio, slack), out),
            None => doubled(p, (from, to), after, (ratio, slack), out),
        }
    }
}

fn multiple(
    p: &Para,
    (from, to): (&Quantity, &Quantity),
    m: &Quantity,
    (ratio, slack): (f64, f64),
    out: &mut Findings,
) {
    let text = p.text();
    let words = change_words(&text[to.span.end.max(from.span.end)..m.span.start]);
    let words = words.trim_end().trim_end_matches('了');
    let said = if static_regex!(r"^(?:增长|增加|提高|上升)$").is_match(words) {
        Said::GrewBy
    } else if static_regex!(r"^(?:是(?:上年|去年|上一年度|原来|以前|过去)?的|(?:增|增长|增加|提高|上升)(?:至|到)|达到?)$")
        .is_match(words)
    {
        Said::TimesOf
    } else {
        return;
    };
    let stated = m.value.to_f64();
    let tolerance = 0.5 * 10f64.powi(-i32::from(m.numeral.decimals.min(6))) + slack + 1e-9;
    let meant = if said == Said::GrewBy {
        ratio - 1.0
    } else {
        ratio
    };
    if (meant - stated).abs() <= tolerance {
        return;
    }
    let (a, b) = (from.written_with_unit(text), to.written_with_unit(text));
    let times = two_places(ratio);
    // From the words of the change, which lie in `text`: "增长了3倍".
    let words_at = words.as_ptr() as usize - text.as_ptr() as usize;
    let written = &text[words_at..m.span.end];
    let span = p.doc_span(m.span.clone());
    // "增长了3倍" for three times: the common slip, said as such.
    if said == Said::GrewBy && (ratio - stated).abs() <= tolerance {
        let grew = two_places(ratio - 1.0);
        out.push(
            Diagnostic::new(
                &RATE_MISMATCH,
                span,
                format!("从{a}到{b}是原来的{times}倍，即增长了{grew}倍，不是“{written}”",),
                format!("“增长了N倍”是原来的N+1倍：改为“是原来的{times}倍”或“增长了{grew}倍”"),
            )
            .with_severity(Severity::Warning),
        );
        return;
    }
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        span,
        format!("从{a}到{b}是原来的{times}倍，与“{written}”不符"),
        "核对两期的数字和倍数：“是原来的N倍”按本期÷上期计算，“增长了N倍”按（本期−上期）÷上期计算",
    ));
}

/// "，实现翻番", "，翻了两番": at least 2 (or 4) times the other figure.
fn doubled(
    p: &Para,
    (from, to): (&Quantity, &Quantity),
    after: &str,
    (ratio, slack): (f64, f64),
    out: &mut Findings,
) {
    let text = p.text();
    let Some(c) =
        static_regex!(r"^[，,]?(?:实现了?|已经?|基本)?(翻(?:了)?(一|两)?番)").captures(after)
    else {
        return;
    };
    let Some(said) = c.get(1) else { return };
    let factor = if c.get(2).is_some_and(|n| n.as_str() == "两") {
        4.0
    } else {
        2.0
    };
    if ratio + slack >= factor * 0.975 {
        return;
    }
    let start = text.len() - after.len() + said.start();
    let (a, b) = (from.written_with_unit(text), to.written_with_unit(text));
    let times = two_places(ratio);
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        p.doc_span(start..start + said.len()),
        format!("从{a}到{b}是原来的{times}倍，还没有“{}”", said.as_str()),
        "“翻番”是增加到原来的2倍，“翻两番”是4倍：核对两期的数字，或改为“增长××%”",
    ));
}
