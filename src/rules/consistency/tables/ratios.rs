//! Rate and change columns against the figures beside them in the same row (GW0402):
//! "抽查户数 | 合格户数 | 合格率" and "2023年 | 2024年 | 增长".

use super::{Content, Table};
use crate::diagnostic::Diagnostic;
use crate::numerals::{Numeral, equals_sign, format_percent, format_percent_fixed};
use crate::rules::consistency::RATE_MISMATCH;
use crate::rules::consistency::para::stated_agrees;
use crate::rules::findings::Findings;

/// A column's reading is trusted only when most rows agree with it: when more than half of
/// three or more rows disagree, the column is computed some other way (another base).
pub(super) const MIN_ROWS_FOR_MAJORITY: usize = 3;

/// One row's disagreement, before the column as a whole is judged.
struct Mismatch {
    row: u32,
    message: String,
    help: String,
}

/// What one row says about a column's reading.
enum Row {
    /// Not comparable (a base of zero).
    Skip,
    Agrees,
    Differs(Mismatch),
    /// The columns are not what they seem: the column is left alone.
    Misread,
}

/// Each body row's figures in columns `x` and `y` and its stated figure in column `col`
/// judged; the mismatches reported unless most of the rows disagree (a misreading).
fn check_rows(
    t: &Table,
    col: u32,
    [x, y]: [u32; 2],
    out: &mut Findings,
    judge: impl Fn(u32, Numeral, Numeral, (Numeral, bool)) -> Row,
) {
    let mut checked = 0;
    let mut found = Vec::new();
    for r in (t.head + 1..=t.rows).filter(|&r| !t.repeats_header(r)) {
        let (Some(a), Some(b), Some(s)) = (count(t, r, x), count(t, r, y), stated(t, r, col))
        else {
            continue;
        };
        // A 合计 whose counts are off (GW0412) makes its rate look off too.
        if t.is_total(r) && [x, y].iter().any(|&c| !total_adds_up(t, r, c)) {
            continue;
        }
        match judge(r, a, b, s) {
            Row::Skip => continue,
            Row::Agrees => {}
            Row::Differs(m) => found.push(m),
            Row::Misread => return,
        }
        checked += 1;
    }
    if checked >= MIN_ROWS_FOR_MAJORITY && found.len() * 2 > checked {
        return;
    }
    for m in found {
        if let Some(span) = t.span(m.row, col) {
            out.push(Diagnostic::new(&RATE_MISMATCH, span, m.message, m.help));
        }
    }
}

/// The 合计 row `r`'s figure in column `c` is the sum of the rows above it, or cannot be
/// told from them.
fn total_adds_up(t: &Table, r: u32, c: u32) -> bool {
    let Some(total) = count(t, r, c) else {
        return true;
    };
    let rows = (t.head + 1..r).filter(|&k| t.is_item(k));
    let figures: Option<Vec<Numeral>> = rows.map(|k| count(t, k, c)).collect();
    figures
        .and_then(|f| crate::numerals::Value::sum(f.iter().map(|n| &n.value)))
        .is_none_or(|sum| sum == total.value)
}

/// The header without its unit: "合格率（%）" → "合格率".
pub(super) fn bare_header(h: &str) -> &str {
    let h = h.trim();
    let h = h
        .strip_suffix("（%）")
        .or_else(|| h.strip_suffix("(%)"))
        .or_else(|| h.strip_suffix("（％）"))
        .unwrap_or(h);
    h.trim_end_matches(['%', '％']).trim_end()
}

/// The header rows above the last one: columns under the same group header go together.
fn group<'a>(t: &'a Table, c: u32) -> Vec<&'a str> {
    let mut h: Vec<&str> = t.headers(c).collect();
    h.pop();
    h
}

/// Columns of plain figures (not labels, rates or totals) in the same group as `c`.
fn figure_columns(t: &Table, c: u32) -> Vec<u32> {
    let own = group(t, c);
    (2..=t.cols)
        .filter(|&k| k != c && !t.is_label_col(k) && !t.is_ratio_col(k))
        .filter(|&k| group(t, k) == own)
        .collect()
}

/// A figure cell, without a percent sign.
pub(super) fn count(t: &Table, r: u32, c: u32) -> Option<Numeral> {
    match t.content(r, c) {
        Content::Figure(n, _) if !n.percent && !n.approx => Some(n),
        _ => None,
    }
}

/// A rate or change cell: its figure, negative when written with a minus or 下降.
pub(super) fn stated(t: &Table, r: u32, c: u32) -> Option<(Numeral, bool)> {
    let text = t.text(r, c).trim();
    let (rest, negative) = match text
        .strip_prefix(['-', '−', '－', '↓'])
        .or_else(|| text.strip_prefix("下降"))
    {
        Some(rest) => (rest, true),
        None => (
            text.strip_prefix(['+', '＋', '↑'])
                .or_else(|| text.strip_prefix("增长"))
                .unwrap_or(text),
            false,
        ),
    };
    let n = crate::numerals::parse_whole(rest)?;
    (!n.approx).then_some((n, negative))
}

/// Each bounded rate column ("合格率") against its numerator ("合格户数") and base
/// ("抽查户数") in the same row.
pub(super) fn check_rate_columns(t: &Table, out: &mut Findings) {
    for c in 2..=t.cols {
        let header = t.header(c);
        let rate = bare_header(&header);
        if !rate.ends_with('率') || !t.lex.is_bounded_rate(rate) {
            continue;
        }
        let Some((num, den)) = counts_of(t, c, rate) else {
            continue;
        };
        check_rate_column(t, c, rate, num, den, out);
    }
}

/// The numerator and base columns of rate column `c`.
fn counts_of(t: &Table, c: u32, rate: &str) -> Option<(u32, u32)> {
    let lex = t.lex;
    let core = lex
        .bounded_rates
        .iter()
        .find(|b| rate.ends_with(b.as_str()))?;
    let qualifier = &rate[..rate.len() - core.len()];
    let stem = core.trim_end_matches('率');
    let mut words = vec![stem];
    for a in lex.rate_aliases.iter().filter(|a| a.rate == *core) {
        words.extend(a.numerator.iter().map(String::as_str));
    }
    let narrowing: Vec<&str> = lex
        .narrowing
        .iter()
        .map(String::as_str)
        .filter(|w| qualifier.contains(w))
        .collect();
    let columns = figure_columns(t, c);
    let numerators: Vec<u32> = columns
        .iter()
        .copied()
        .filter(|&k| {
            let h = t.header(k);
            // "应参训人数" is the base of 参训率, not its numerator.
            let named = words.iter().any(|w| {
                h.contains(w)
                    && !["不", "未", "非", "应"]
                        .iter()
                        .any(|n| h.contains(&format!("{n}{w}")))
            });
            // 按期办结率 needs 按期办结件数; 办结率 is not of 按期办结件数.
            let same_narrowing = lex
                .narrowing
                .iter()
                .filter(|w| h.contains(w.as_str()))
                .all(|w| narrowing.contains(&w.as_str()))
                && narrowing.iter().all(|w| h.contains(w));
            named && same_narrowing
        })
        .collect();
    let [num] = numerators[..] else {
        return None;
    };
    let bases: Vec<u32> = columns.iter().copied().filter(|&k| k != num).collect();
    let hinted: Vec<u32> = bases
        .iter()
        .copied()
        .filter(|&k| {
            let h = t.header(k);
            lex.denominator_hints.iter().any(|w| h.contains(w.as_str()))
        })
        .collect();
    match (&hinted[..], &bases[..]) {
        ([den], _) | ([], [den]) => Some((num, *den)),
        _ => None,
    }
}

/// A cell of a percentage column as a percentage: "98.6" under "合格率（%）" is 98.6%.
fn as_percent(cell: &str) -> String {
    if cell.ends_with(['%', '％']) {
        cell.to_string()
    } else {
        format!("{cell}%")
    }
}

fn check_rate_column(t: &Table, c: u32, rate: &str, num: u32, den: u32, out: &mut Findings) {
    check_rows(t, c, [num, den], out, |r, n, d, (s, negative)| {
        let (nv, dv) = (n.value.to_f64(), d.value.to_f64());
        if nv > dv {
            // Not a part of that base: the columns are not what they seem.
            return Row::Misread;
        }
        let Some(exact) = n.value.percent_of(d.value) else {
            return Row::Skip;
        };
        if !negative && stated_agrees(s.value.to_f64(), s.decimals, exact, nv == dv) {
            return Row::Agrees;
        }
        let shown = format_percent_fixed(exact, usize::from(s.decimals.max(1)));
        Row::Differs(Mismatch {
            row: r,
            message: format!(
                "{}“{}”行{rate}为{}，但{}{}÷{}{}{}{}%",
                t.grid.name,
                t.label(r),
                as_percent(t.text(r, c)),
                t.header(num),
                t.text(r, num),
                t.header(den),
                t.text(r, den),
                equals_sign(exact, &shown),
                shown
            ),
            help: format!(
                "核对{rate}与同一行的数字：{rate} = {} ÷ {} × 100%",
                t.header(num),
                t.header(den)
            ),
        })
    });
}

/// A period a column's header names: a year, or this or the last period.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Period {
    Year(u32),
    Previous,
    Current,
}

fn period_of(t: &Table, h: &str) -> Option<Period> {
    let h = h.trim();
    let digits: String = h.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() == 4 {
        let rest = h[4..].trim_start_matches('年').trim_start_matches('度');
        let unit_only = rest.is_empty() || rest.starts_with(['（', '(']);
        return unit_only
            .then(|| digits.parse().ok().map(Period::Year))
            .flatten();
    }
    let starts = |words: &[String]| words.iter().any(|w| h.starts_with(w.as_str()));
    if starts(&t.lex.table_current_period) {
        Some(Period::Current)
    } else if starts(&t.lex.table_previous_period) {
        Some(Period::Previous)
    } else {
        None
    }
}

/// Each column of percentage changes ("增长", "同比（%）") against the two periods' columns
/// beside it.
pub(super) fn check_change_columns(t: &Table, out: &mut Findings) {
    for c in 2..=t.cols {
        let header = t.header(c);
        let last = t.headers(c).last().unwrap_or("");
        let names_change = t
            .lex
            .table_changes
            .iter()
            .any(|w| last.contains(w.as_str()));
        // A change in percent: the header or the cells say so ("增减（件）" is a count).
        let in_percent = header.contains(['%', '％', '率', '幅'])
            || (t.head + 1..=t.rows).any(|r| stated(t, r, c).is_some_and(|(n, _)| n.percent));
        if !names_change || !in_percent {
            continue;
        }
        let mut periods: Vec<(Period, u32)> = figure_columns(t, c)
            .into_iter()
            .filter_map(|k| {
                t.headers(k)
                    .last()
                    .and_then(|h| period_of(t, h))
                    .map(|p| (p, k))
            })
            .collect();
        periods.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        let [(p0, before), (p1, now)] = periods[..] else {
            continue;
        };
        let mixed = matches!(p0, Period::Year(_)) != matches!(p1, Period::Year(_));
        if mixed || p0 == p1 {
            continue;
        }
        check_change_column(t, c, before, now, out);
    }
}

fn check_change_column(t: &Table, c: u32, before: u32, now: u32, out: &mut Findings) {
    check_rows(t, c, [before, now], out, |r, b, n, (s, negative)| {
        let (bv, nv) = (b.value.to_f64(), n.value.to_f64());
        if bv <= 0.0 {
            return Row::Skip;
        }
        let exact = (nv - bv) / bv * 100.0;
        let value = if negative {
            -s.value.to_f64()
        } else {
            s.value.to_f64()
        };
        if stated_agrees(value, s.decimals, exact, false) {
            return Row::Agrees;
        }
        Row::Differs(Mismatch {
            row: r,
            message: format!(
                "{}“{}”行“{}”列为{}，但从{}的{}到{}的{}，{}{}%",
                t.grid.name,
                t.label(r),
                t.header(c),
                as_percent(t.text(r, c)),
                t.header(before),
                t.text(r, before),
                t.header(now),
                t.text(r, now),
                if exact < 0.0 { "下降" } else { "增长" },
                format_percent(exact.abs(), usize::from(s.decimals.max(1)))
            ),
            help: "核对两期的数字和增幅：增幅 =（本期 − 上期）÷ 上期 × 100%，下降时写负数或“下降”"
                .to_string(),
        })
    });
}
