//! A change written as a figure after the two it is between (GW0402): "由上年的30件降至16件，
//! 减少14件", "受理210件，比上年的168件增加42件" — the change must be their difference, in
//! the direction they go.

use super::RATE_MISMATCH;
use super::growth::{ends_with_period, from_to, rounding};
use super::para::{Para, show_like};
use crate::diagnostic::Diagnostic;
use crate::quantity::{Class, Growth, Lexicon, Quantity};
use crate::rules::findings::Findings;

/// Words between the second figure and the change, after the comma: "同比", "比上年".
const COMPARED: [&str; 5] = ["同比", "比上年", "较上年", "比去年", "较去年"];

pub(super) fn check(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    let g = &lex.change;
    for w in p.qs.windows(3) {
        let [first, second, change] = w else { continue };
        let counted = |q: &Quantity| q.exact() && q.class != Class::Percent && q.unit == first.unit;
        if !(counted(first) && counted(second) && counted(change)) {
            continue;
        }
        let Some((from, to)) = two_periods(g, text, first, second) else {
            continue;
        };
        let Some(up) = change_word(g, change_words(&text[second.span.end..change.span.start]))
        else {
            continue;
        };
        let (a, b) = (from.value.to_f64(), to.value.to_f64());
        let stated = change.value.to_f64();
        let slack = [from, to, change]
            .iter()
            .map(|q| rounding(q, text) * q.value.to_f64())
            .sum::<f64>()
            + 1e-9;
        let went_up = b > a;
        if a == b || (went_up == up && ((b - a).abs() - stated).abs() <= slack) {
            continue;
        }
        let (high, low) = if went_up { (to, from) } else { (from, to) };
        let Some(diff) = high.value.checked_sub(low.value) else {
            continue;
        };
        let verb = |up: bool| if up { "增加" } else { "减少" };
        let (shown_from, shown_to) = (from.written_with_unit(text), to.written_with_unit(text));
        let shown_diff = show_like(diff, change, text, change.numeral.grouped);
        let written = change.written_with_unit(text);
        let message = if went_up == up {
            let verb = verb(up);
            format!("从{shown_from}到{shown_to}，{verb}了{shown_diff}，这里写的是{verb}{written}")
        } else {
            format!(
                "从{shown_from}到{shown_to}是{}，不是{}",
                verb(went_up),
                verb(up)
            )
        };
        out.push(Diagnostic::new(
            &RATE_MISMATCH,
            p.doc_span(change.span.clone()),
            message,
            "核对两期的数字和变化量：变化量是本期与上期之差，数字变大是增加，变小是减少",
        ));
    }
}

/// "受理210件，比上年的168件": this period's figure, then the other's after 比 or 较.
fn compared(g: &Growth, text: &str, now: &Quantity, previous: &Quantity) -> bool {
    let between = &text[now.span.end..previous.span.start];
    between.chars().count() <= MAX_COMPARISON_CHARS
        && !between.contains(['。', '；', '：'])
        && ends_with_period(g, between, &g.compare)
}

/// Characters between this period's figure and the other's: "，较2024年同期的".
const MAX_COMPARISON_CHARS: usize = 12;

/// "由上年的30件降至16件" or "受理210件，比上年的168件": the other period's figure and
/// this one's, in that order.
pub(super) fn two_periods<'q>(
    g: &Growth,
    text: &str,
    first: &'q Quantity,
    second: &'q Quantity,
) -> Option<(&'q Quantity, &'q Quantity)> {
    if from_to(g, text, first, second) {
        Some((first, second))
    } else if compared(g, text, first, second) {
        Some((second, first))
    } else {
        None
    }
}

/// The words of a change after the two figures, without the comma and a comparison:
/// "，同比减少" → "减少".
pub(super) fn change_words(gap: &str) -> &str {
    let gap = gap.trim().trim_start_matches(['，', ',']).trim_start();
    COMPARED
        .iter()
        .find_map(|c| gap.strip_prefix(c))
        .unwrap_or(gap)
}

/// "增加", "减少了": up or down.
fn change_word(g: &Growth, words: &str) -> Option<bool> {
    let word = words.trim_end().trim_end_matches('了');
    if g.more.iter().any(|w| w == word) {
        Some(true)
    } else if g.less.iter().any(|w| w == word) {
        Some(false)
    } else {
        None
    }
}
