//! A change against another period (GW0402): the percentage checked against the two
//! figures the sentence names. "受理360件，比上年的300件增长20%", "同比增长20%（上年为300件）",
//! "比上年增加60件，增长20%", "由上年的300件增加到360件，增长20%".

use super::RATE_MISMATCH;
use super::para::{Para, show_like, within_stated_precision};
use crate::diagnostic::Diagnostic;
use crate::numerals::{Value, format_percent_fixed};
use crate::quantity::{Class, Growth, Lexicon, Quantity};
use crate::rules::findings::Findings;

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Up,
    Down,
}

/// What the sentence says the other period had.
enum Previous<'q> {
    /// Its figure: "比上年的300件", "（上年为300件）", "由上年的300件".
    Figure(&'q Quantity),
    /// The change as a figure: "比上年增加60件".
    Change(&'q Quantity, Direction),
}

/// The direction of the change a percentage states, from the words just before it.
fn direction(g: &Growth, head: &str) -> Option<Direction> {
    let head = head.trim_end().trim_end_matches('了');
    let ends = |words: &[String]| words.iter().any(|w| head.ends_with(w.as_str()));
    if ends(&g.up) {
        Some(Direction::Up)
    } else if ends(&g.down) {
        Some(Direction::Down)
    } else {
        None
    }
}

/// `s` ends with a period compared with: "比上年的", "较2023年同期", "由上年".
pub(super) fn ends_with_period(g: &Growth, s: &str, openers: &[String]) -> bool {
    let s = s.trim_end().trim_end_matches('的');
    let s = s.strip_suffix("同期").unwrap_or(s);
    let rest = g
        .previous
        .iter()
        .find_map(|p| s.strip_suffix(p.as_str()))
        .or_else(|| strip_digit_year(s));
    rest.is_some_and(|r| openers.iter().any(|o| r.ends_with(o.as_str())))
}

/// Characters between two figures, or a figure and its change, read as one phrase: "增长",
/// "增加到".
const MAX_GAP_CHARS: usize = 4;

/// Characters between a change and the other period's figure after it ("（上年同期为").
const MAX_ASIDE_CHARS: usize = 8;

/// A clause's lead that only names the other period: "上年为", "2024年为", "去年同期".
fn names_only_a_period(g: &Growth, lead: &str) -> bool {
    let s = lead.trim().trim_start_matches(['，', ',']);
    let s = s.strip_suffix(['为', '是']).unwrap_or(s);
    let s = s.strip_suffix("同期").unwrap_or(s);
    g.previous.iter().any(|p| s == p.as_str()) || strip_digit_year(s).is_some_and(str::is_empty)
}

/// "2023年为": a year written in digits.
fn names_a_year(s: &str) -> bool {
    s.match_indices('年')
        .any(|(k, _)| strip_digit_year(&s[..k + '年'.len_utf8()]).is_some())
}

/// "…较2023年": what is before the year.
fn strip_digit_year(s: &str) -> Option<&str> {
    let s = s.strip_suffix('年')?;
    let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (digits == 4).then(|| &s[..s.len() - 4])
}

/// The figures of this period that the change may be of: the counts before `end` in the
/// sentence, in the unit of the other period's figure.
fn currents<'q>(before: &[&'q Quantity], unit: &str) -> Vec<&'q Quantity> {
    before
        .iter()
        .copied()
        .filter(|q| q.unit == unit && q.exact())
        .collect()
}

pub(super) fn check_growth(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    let g = &lex.change;
    for (k, rate) in p.qs.iter().enumerate() {
        if rate.class != Class::Percent || rate.approx {
            continue;
        }
        let Some(dir) = direction(g, &text[..rate.span.start]) else {
            continue;
        };
        let sentence = p.sentence_of(rate.span.start);
        // "…分别比上年增长20%、下降15%（上年分别为…）": figures and changes paired by order.
        if text[sentence.clone()].contains("分别") {
            continue;
        }
        let counts = |qs: &'_ [Quantity]| -> Vec<usize> {
            (0..qs.len())
                .filter(|&j| qs[j].span.start >= sentence.start && qs[j].span.end <= sentence.end)
                .filter(|&j| qs[j].class != Class::Percent && qs[j].exact())
                .collect()
        };
        let all = counts(&p.qs);
        let before: Vec<&Quantity> = all.iter().filter(|&&j| j < k).map(|&j| &p.qs[j]).collect();
        let after: Vec<&Quantity> = all.iter().filter(|&&j| j > k).map(|&j| &p.qs[j]).collect();
        let Some((previous, now)) = read(g, text, rate, &before, &after) else {
            continue;
        };
        check(p, rate, dir, previous, &now, out);
    }
}

/// The other period and the candidates for this period's figure.
fn read<'q>(
    g: &Growth,
    text: &str,
    rate: &Quantity,
    before: &[&'q Quantity],
    after: &[&'q Quantity],
) -> Option<(Previous<'q>, Vec<&'q Quantity>)> {
    let last = before.last().copied();
    let names_previous =
        |s: &str| g.previous.iter().any(|w| s.contains(w.as_str())) || names_a_year(s);
    // "同比增长20%（上年为300件）", "同比下降25%，上年同期为150件".
    if text[rate.span.end..].starts_with(['（', '(', '，', ','])
        && let Some(y) = after.first()
        && let inside = &text[rate.span.end..y.span.start]
        && !inside.contains(['）', ')'])
        && inside.chars().count() <= MAX_ASIDE_CHARS
        && names_previous(inside)
        // Not the next comparison ("，较2021年的64件增长…").
        && !g.compare.iter().any(|c| inside.contains(c.as_str()))
    {
        return Some((Previous::Figure(y), currents(before, y.unit)));
    }
    // "同比下降16.7%，由48件降至40件": the two figures right after the change (not another
    // subject's: "，跑动次数由1.8次降至0.3次").
    if let [from, to, ..] = after
        && let Some(lead) = text[rate.span.end..from.span.start].strip_prefix(['，', ','])
        && (g.from.iter().any(|f| lead == f.as_str()) || ends_with_period(g, lead, &g.from))
        && from_to(g, text, from, to)
    {
        return Some((Previous::Figure(from), vec![*to]));
    }
    let y = last?;
    let gap = text[y.span.end..rate.span.start].trim();
    let lead = &text[y.measure.start..y.span.start];
    let rest = &before[..before.len() - 1];
    // "26件（上年20件），同比增长35%": the other period's figure in brackets before it.
    let opened = text[..y.span.start].rfind(['（', '(']);
    if let Some(open) = opened
        && gap.starts_with(['）', ')'])
        && direction(g, gap).is_some()
        && gap.chars().count() <= MAX_GAP_CHARS + 4
        && !text[open..y.span.start].contains(['）', ')'])
        && names_previous(&text[rest.last().map_or(open, |q| q.span.end.min(open))..y.span.start])
    {
        let now: Vec<&Quantity> = rest
            .iter()
            .copied()
            .filter(|q| q.span.end <= open)
            .collect();
        return Some((Previous::Figure(y), currents(&now, y.unit)));
    }
    // The clause after a figure that only gives its change: "，增长20%", "，同比增长20%".
    let change_gap = gap
        .trim_start_matches(['，', ','])
        .trim_start_matches("同比");
    // "186件，上年为160件，同比增长16.3%": the other period's figure in a clause of its own.
    if gap.starts_with(['，', ','])
        && direction(g, change_gap).is_some()
        && change_gap.chars().count() <= MAX_GAP_CHARS
        && names_only_a_period(g, lead)
        && !rest.is_empty()
    {
        return Some((Previous::Figure(y), currents(rest, y.unit)));
    }
    // "比上年的300件增加60件，增长25%": the change's figure after the other period's.
    if let [.., z, _] = before
        && gap.starts_with(['，', ','])
        && direction(g, change_gap).is_some()
        && change_gap.chars().count() <= MAX_GAP_CHARS
        && g.more
            .iter()
            .chain(&g.less)
            .any(|w| lead.trim() == w.as_str())
        && ends_with_period(g, &text[z.measure.start..z.span.start], &g.compare)
    {
        let now = &before[..before.len() - 2];
        return Some((Previous::Figure(z), currents(now, z.unit)));
    }
    // "比上年的300件增长20%": the other period's figure right before the change.
    if direction(g, gap).is_some()
        && gap.chars().count() <= MAX_GAP_CHARS
        && ends_with_period(g, lead, &g.compare)
    {
        return Some((Previous::Figure(y), currents(rest, y.unit)));
    }
    // "比上年增加60件，增长20%": the change as a figure, then as a percentage.
    if gap.starts_with(['，', ','])
        && direction(g, change_gap).is_some()
        && change_gap.chars().count() <= MAX_GAP_CHARS
    {
        let lead = lead.trim_end().trim_end_matches('了');
        let change = if let Some(l) = g.more.iter().find_map(|w| lead.strip_suffix(w.as_str())) {
            Some((l, Direction::Up))
        } else {
            g.less
                .iter()
                .find_map(|w| lead.strip_suffix(w.as_str()))
                .map(|l| (l, Direction::Down))
        };
        if let Some((l, d)) = change
            && ends_with_period(g, l, &g.compare)
        {
            return Some((Previous::Change(y, d), currents(rest, y.unit)));
        }
    }
    // "2023年查处46件，2024年查处31件，下降32.6%": each figure led by its year, the later
    // one next.
    let year_of = |q: &Quantity| crate::outline::first_year(&text[q.measure.start..q.span.start]);
    if let [.., z, _] = before
        && gap.starts_with(['，', ','])
        && direction(g, change_gap).is_some()
        && change_gap.chars().count() <= MAX_GAP_CHARS
        && z.unit == y.unit
        && let (Some(a), Some(b)) = (year_of(z), year_of(y))
        && b == a + 1
    {
        return Some((Previous::Figure(z), vec![y]));
    }
    // "由上年的300件增加到360件，增长20%": from the other period's figure to this one's.
    let [.., from, to] = before else {
        return None;
    };
    from_to(g, text, from, to).then(|| (Previous::Figure(from), vec![*to]))
}

/// "由上年的300件增加到360件", "从30件降至16件": `from` is the other period's figure and
/// `to` this one's, in one unit.
pub(super) fn from_to(g: &Growth, text: &str, from: &Quantity, to: &Quantity) -> bool {
    let between = text[from.span.end..to.span.start].trim();
    // "由2020年的56项精简至2025年的38项": the year of the figure reached is no gap.
    let between = strip_digit_year(between.trim_end_matches('的')).unwrap_or(between);
    let reaches = g.to.iter().any(|t| between.ends_with(t.as_str()))
        && between.chars().count() <= MAX_GAP_CHARS
        && to.unit == from.unit;
    let from_lead = text[from.measure.start..from.span.start].trim_end();
    reaches
        && (ends_with_period(g, from_lead, &g.from)
            || g.from.iter().any(|f| from_lead.ends_with(f.as_str())))
}

/// The change from `previous` to `now`, in percent of `previous`, in the stated direction.
fn change_of(previous: f64, now: f64, dir: Direction) -> Option<f64> {
    if previous <= 0.0 {
        return None;
    }
    Some(match dir {
        Direction::Up => (now - previous) / previous * 100.0,
        Direction::Down => (previous - now) / previous * 100.0,
    })
}

/// How far a figure may be from its written value, as a share of it: none for a count
/// written in full (360件), half its last digit for one rounded (1.08亿, 36.5万元, 30万元).
pub(super) fn rounding(q: &Quantity, text: &str) -> f64 {
    let unit = &text[q.written_unit.clone()];
    let rounded = q.numeral.decimals > 0
        || q.numeral.multiplier.is_some()
        || unit.starts_with(['万', '亿', '千', '百']);
    let digits: String = q
        .written(text)
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    match digits.parse::<f64>() {
        Ok(m) if rounded && m > 0.0 => 0.5 * 10f64.powi(-(q.numeral.decimals as i32)) / m,
        _ => 0.0,
    }
}

/// The changes the two figures allow, rounded as they are written: (least, most).
fn change_bounds(previous: (f64, f64), now: (f64, f64), dir: Direction) -> Option<(f64, f64)> {
    let (p, n) = (previous, now);
    let a = change_of(p.1, n.0, dir)?;
    let b = change_of(p.0, n.1, dir)?;
    let c = change_of(p.0, n.0, dir)?;
    let d = change_of(p.1, n.1, dir)?;
    Some((a.min(b).min(c).min(d), a.max(b).max(c).max(d)))
}

/// The stated percentage agrees with a change in `bounds`, rounded or cut to its own
/// precision.
fn agrees(rate: &Quantity, bounds: (f64, f64)) -> bool {
    let scale = 10f64.powi(rate.numeral.decimals.min(6) as i32);
    let stated = rate.value.to_f64();
    let cut = |e: f64| (e * scale + 1e-9).floor() / scale;
    (bounds.0..=bounds.1).contains(&stated)
        || [bounds.0, bounds.1]
            .iter()
            .any(|&e| within_stated_precision(rate, e) || (cut(e) - stated).abs() < 1e-9)
}

fn around(v: f64, share: f64) -> (f64, f64) {
    (v * (1.0 - share), v * (1.0 + share))
}

fn check(
    p: &Para,
    rate: &Quantity,
    dir: Direction,
    previous: Previous,
    now: &[&Quantity],
    out: &mut Findings,
) {
    let text = p.text();
    // (the other period's figure, its bounds as rounded, this period's figure)
    let pairs: Vec<(Value, (f64, f64), &Quantity)> = now
        .iter()
        .filter_map(|&n| {
            let (before, share) = match previous {
                Previous::Figure(y) => (Some(y.value), rounding(y, text)),
                Previous::Change(z, d) => {
                    let v = if d == Direction::Up {
                        n.value.checked_sub(z.value)
                    } else {
                        n.value.checked_add(z.value)
                    };
                    (v, rounding(z, text).max(rounding(n, text)))
                }
            };
            let before = before?;
            Some((before, around(before.to_f64(), share), n))
        })
        .collect();
    // Any figure of the sentence that gives the stated change: the change is of that one.
    let fits = |&(_, y, n): &(Value, (f64, f64), &Quantity)| {
        change_bounds(y, around(n.value.to_f64(), rounding(n, text)), dir)
            .is_some_and(|b| agrees(rate, b))
    };
    if pairs.iter().any(fits) {
        return;
    }
    // The figure nearest the other period's is most likely this period's of the same thing
    // ("114件，其中…77件；较上年的108件" is of 114).
    let distance = |&&(y, _, n): &&(Value, (f64, f64), &Quantity)| {
        (n.value.to_f64() / y.to_f64().max(f64::MIN_POSITIVE))
            .ln()
            .abs()
    };
    let Some(&(y, _, n)) = pairs
        .iter()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
    else {
        return;
    };
    let Some(exact) = change_of(y.to_f64(), n.value.to_f64(), dir) else {
        return;
    };
    let (word, opposite, measure) = match dir {
        Direction::Up => ("增长", "下降", "增幅"),
        Direction::Down => ("下降", "增长", "降幅"),
    };
    // As written when the sentence gives it; worked out, in the form of this period's.
    let from = match previous {
        Previous::Figure(q) if q.value == y => q.written_with_unit(text).to_string(),
        _ => show_like(y, n, text, n.numeral.grouped),
    };
    let to = n.written_with_unit(text);
    let decimals = rate.numeral.decimals.max(1) as usize;
    let message = if exact < 0.0 {
        format!(
            "从{from}到{to}是{opposite}，不是{word}{}",
            rate.written(text)
        )
    } else {
        format!(
            "{measure}与前后两期的数字不符：从{from}到{to}，{word}{}%，这里写的是{}",
            format_percent_fixed(exact, decimals),
            rate.written(text)
        )
    };
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        p.doc_span(rate.span.clone()),
        message,
        format!(
            "核对两期的数字和{measure}：{measure} =（{}）÷ 上期 × 100%",
            if dir == Direction::Up {
                "本期 − 上期"
            } else {
                "上期 − 本期"
            }
        ),
    ));
}
