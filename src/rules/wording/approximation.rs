//! A number made approximate twice: "约586次左右", "超过300人以上", "约600余次". Either
//! word says it; the second goes (rules/lexicon.toml [approximation]).

use super::REDUNDANT_APPROXIMATION;
use super::lexicon::Approximation;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::is_han;

/// Characters a number's unit may take between the number and the closing word ("次",
/// "人次", "个工作日").
const MAX_UNIT_CHARS: usize = 4;

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',') || "零〇一二两三四五六七八九十百千万亿".contains(c)
}

pub fn check(ctx: &Context, out: &mut Findings) {
    let a = &ctx.lexicon().approximation;
    for (_, span, t) in ctx.lines() {
        let words = a.about.iter().chain(&a.over).chain(&a.inside);
        if !words.into_iter().any(|w| t.contains(w.as_str())) {
            continue;
        }
        for (k, _) in t.char_indices() {
            if let Some((second, d)) = at(a, t, k).or_else(|| after_inside(a, t, k)) {
                out.push(d.at(span.start + second.start..span.start + second.end));
            }
        }
    }
}

/// The finding for an opening word at `k`, if the number after it is closed again, and
/// where in `t` the second word is.
fn at(a: &Approximation, t: &str, k: usize) -> Option<(std::ops::Range<usize>, Finding)> {
    let rest = &t[k..];
    let (open, about) = a
        .about
        .iter()
        .map(|w| (w, true))
        .chain(a.over.iter().map(|w| (w, false)))
        .find(|(w, _)| rest.starts_with(w.as_str()))?;
    let before = &t[..k];
    // "大约": the longer word, found at its own start.
    let inside_longer = a.about.iter().chain(&a.over).any(|w| {
        w.len() > open.len()
            && w.ends_with(open.as_str())
            && before.ends_with(&w[..w.len() - open.len()])
    });
    let ends_word = open.chars().count() == 1
        && before
            .chars()
            .next_back()
            .is_some_and(|p| a.not_before.contains(p));
    if inside_longer || ends_word {
        return None;
    }
    let mut after_open = k + open.len();
    // "约有600余人", "大约有500人左右": 有 between the word and the number.
    if about && t[after_open..].starts_with('有') {
        after_open += '有'.len_utf8();
    }
    let number_len: usize = t[after_open..]
        .chars()
        .take_while(|&c| is_numeral(c))
        .map(char::len_utf8)
        .sum();
    let number = &t[after_open..after_open + number_len];
    if !number
        .chars()
        .any(|c| c.is_ascii_digit() || "一二两三四五六七八九十百千".contains(c))
    {
        return None;
    }
    let after_number = after_open + number_len;
    // "约600余次": 余 or 多 right after the number.
    if let Some(w) = a
        .inside
        .iter()
        .find(|w| t[after_number..].starts_with(w.as_str()))
    {
        let end = after_number + w.len();
        return Some((after_number..end, said_twice(&t[k..end], open, w)));
    }
    let closers = if about { &a.about_after } else { &a.over_after };
    let (start, w) = closing(t, after_number, closers)?;
    let end = start + w.len();
    Some((start..end, said_twice(&t[k..end], open, w)))
}

/// "600余次左右", "300多人以上": 余 or 多 after a number at `k`, and a closing word after
/// its unit.
fn after_inside(a: &Approximation, t: &str, k: usize) -> Option<(std::ops::Range<usize>, Finding)> {
    let inside = a.inside.iter().find(|w| t[k..].starts_with(w.as_str()))?;
    if !t[..k].chars().next_back().is_some_and(is_numeral) {
        return None;
    }
    let closers = a.about_after.iter().chain(&a.over_after);
    let (start, w) = closing(t, k + inside.len(), closers)?;
    let from = t[..k].trim_end_matches(is_numeral).len();
    let end = start + w.len();
    Some((start..end, said_twice(&t[from..end], inside, w)))
}

/// The first of `closers` after the unit that follows `from` ("次左右", "个工作日以上"):
/// where it starts, and which it is.
fn closing<'w>(
    t: &str,
    from: usize,
    closers: impl IntoIterator<Item = &'w String>,
) -> Option<(usize, &'w String)> {
    let unit: usize = t[from..]
        .chars()
        .take(MAX_UNIT_CHARS + 1)
        .take_while(|&c| is_han(c) || c == '%' || c == '％')
        .map(char::len_utf8)
        .sum();
    let window = &t[from..from + unit];
    let (at, w) = closers
        .into_iter()
        .filter_map(|w| window.find(w.as_str()).map(|i| (i, w)))
        .min_by_key(|(i, _)| *i)?;
    Some((from + at, w))
}

/// A finding whose place is given last.
struct Finding {
    message: String,
    help: String,
}

impl Finding {
    fn at(self, span: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic::new(&REDUNDANT_APPROXIMATION, span, self.message, self.help).with_fix("", true)
    }
}

fn said_twice(shown: &str, open: &str, close: &str) -> Finding {
    Finding {
        message: format!("“{shown}”中“{open}”和“{close}”意思重复，只用其一"),
        help: format!("删去“{close}”，或删去“{open}”"),
    }
}
