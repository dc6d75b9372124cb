//! A share column against the count column beside it (GW0413): each row's share is its
//! count over the column's total ("案件数 | 占比": 698 of 1800 is 38.8%, not 43.8%).

use super::Table;
use super::ratios::{MIN_ROWS_FOR_MAJORITY, bare_header, count, stated};
use crate::diagnostic::Diagnostic;
use crate::numerals::{Numeral, Value, equals_sign, format_percent, format_percent_fixed};
use crate::rules::consistency::TABLE_SHARES;
use crate::rules::consistency::para::stated_agrees;
use crate::rules::findings::Findings;

/// A share as written agrees with `exact` to one unit of its last digit: shares are often
/// rounded so that they add up to 100 (33.4, 33.3, 33.3).
fn agrees(s: &Numeral, exact: f64, equal: bool) -> bool {
    let unit = 10f64.powi(-i32::from(s.decimals.min(6)));
    stated_agrees(s.value.to_f64(), s.decimals, exact, equal)
        || (s.value.to_f64() != 100.0 && (s.value.to_f64() - exact).abs() <= unit + 1e-9)
}

/// Share column `c` row by row; true when it reported a row, so that the column's sum,
/// off by that row's error, is not reported as well.
pub(super) fn check_share_cells(t: &Table, c: u32, out: &mut Findings) -> bool {
    // The counts: the figure column just before the shares.
    let Some(k) = (2..c).rev().find(|&k| !t.is_label_col(k)) else {
        return false;
    };
    if t.is_ratio_col(k) {
        return false;
    }
    let rows: Vec<u32> = (t.head + 1..=t.rows)
        .filter(|&r| t.is_item(r) && !t.repeats_header(r))
        .collect();
    let mut cells = Vec::new();
    for &r in &rows {
        let (Some(n), Some((s, false))) = (count(t, r, k), stated(t, r, c)) else {
            return false;
        };
        cells.push((r, n, s));
    }
    // The whole: the rows' sum, or the 合计 row's count when that is off (GW0412 says so)
    // and the shares were worked out from it.
    let sum = Value::sum(cells.iter().map(|(_, n, _)| &n.value));
    let written = (t.head + 1..=t.rows)
        .filter(|&r| t.is_total(r))
        .find_map(|r| count(t, r, k))
        .map(|n| n.value);
    let wholes: Vec<Value> = [sum, written]
        .into_iter()
        .flatten()
        .filter(|v| !v.is_zero())
        .collect();
    let Some(&total) = wholes.first() else {
        return false;
    };
    let mut wrong = Vec::new();
    for (r, n, s) in &cells {
        let fits = |whole: &Value| {
            n.value
                .percent_of(*whole)
                .is_some_and(|exact| agrees(s, exact, n.value == *whole))
        };
        if !wholes.iter().any(fits) {
            let Some(exact) = n.value.percent_of(total) else {
                return false;
            };
            wrong.push((*r, n.value, s, exact));
        }
    }
    // Most rows off: the shares are of another whole. Not when they add up to 100, as
    // shares of these rows do: two rows swapped, or a last row written as 100 less the rest.
    let shares: Vec<Numeral> = cells.iter().map(|(_, _, s)| s.clone()).collect();
    let of_these_rows = super::adds_to_hundred(&shares);
    if wrong.is_empty()
        || !of_these_rows && (cells.len() < MIN_ROWS_FOR_MAJORITY || wrong.len() * 2 > cells.len())
    {
        return false;
    }
    let header = t.header(c);
    let name = bare_header(t.headers(c).last().unwrap_or(&header));
    for (r, n, s, exact) in wrong {
        let Some(span) = t.span(r, c) else {
            continue;
        };
        // Both as the column writes them: "40.0%", "50.0%"; "30%" where it writes no decimals.
        let shown = match s.decimals {
            0 => format_percent(exact, 1),
            d => format_percent_fixed(exact, usize::from(d)),
        };
        let written = format_percent_fixed(s.value.to_f64(), usize::from(s.decimals));
        out.push(Diagnostic::new(
            &TABLE_SHARES,
            span,
            format!(
                "{}“{}”行的{name}为{}%，但{n}÷{total}{}{shown}%",
                t.grid.name,
                t.label(r),
                written,
                equals_sign(exact, &shown),
            ),
            format!(
                "核对这一行的数字和占比：占比应为本行的{}除以合计",
                t.header(k)
            ),
        ));
    }
    true
}
