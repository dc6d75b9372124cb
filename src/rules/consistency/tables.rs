//! Tables: 合计 rows and columns against their items (GW0412), and share columns that
//! should add up to 100% (GW0413).

use super::{TABLE_SHARES, TABLE_TOTAL_MISMATCH};
use crate::diagnostic::Diagnostic;
use crate::document::CellRef;
use crate::numerals::{self, Value};
use crate::outline::content_span;
use crate::quantity::Lexicon;
use crate::rules::Context;
use crate::text::squeeze;
use std::collections::BTreeMap;

struct Cell {
    line: usize,
    text: String,
}

pub(super) fn check_table(
    ctx: &Context,
    table: u32,
    cells: &[(usize, CellRef)],
    lex: &Lexicon,
    out: &mut Vec<Diagnostic>,
) {
    let doc = ctx.doc;
    let mut grid: BTreeMap<(u32, u32), Cell> = BTreeMap::new();
    for &(line, c) in cells {
        let e = grid.entry((c.row, c.col)).or_insert(Cell {
            line,
            text: String::new(),
        });
        e.text.push_str(&squeeze(doc.line(line)));
    }
    let rows = grid.keys().map(|k| k.0).max().unwrap_or(0);
    let cols = grid.keys().map(|k| k.1).max().unwrap_or(0);
    if rows < 3 || cols < 2 {
        return;
    }
    let text_at = |r: u32, c: u32| grid.get(&(r, c)).map_or("", |x| x.text.as_str());
    let label = |r: u32| {
        (1..=cols)
            .map(|c| text_at(r, c))
            .find(|t| !t.is_empty())
            .unwrap_or("")
    };
    let is_total = |r: u32| lex.table_totals.iter().any(|t| label(r) == t);
    let is_sub = |r: u32| lex.table_subtotals.iter().any(|t| label(r) == t);
    let number = |r: u32, c: u32| -> Option<Option<numerals::Numeral>> {
        // Some(None): an empty or dash cell; None: words (a header).
        let t = text_at(r, c);
        if t.is_empty() || lex.table_empty.iter().any(|e| e == t) {
            return Some(None);
        }
        numerals::parse_whole(t).map(Some)
    };
    let header_of = |c: u32| text_at(1, c);
    let is_share_col = |c: u32| {
        let h = header_of(c);
        lex.table_shares.iter().any(|w| h.contains(w.as_str())) || h.contains('%')
    };
    let ordinal = table;
    let mut checked_share_cols: Vec<u32> = Vec::new();
    for rt in 2..=rows {
        if !is_total(rt) {
            continue;
        }
        for c in 1..=cols {
            let Some(Some(total)) = number(rt, c) else {
                continue;
            };
            // Walk up: rows under a 小计 are covered by it.
            let mut items: Vec<numerals::Numeral> = Vec::new();
            let mut covered = false;
            for r in (1..rt).rev() {
                if is_total(r) && !is_sub(r) {
                    break;
                }
                let cell = number(r, c);
                let Some(cell) = cell else {
                    break; // header words
                };
                if is_sub(r) {
                    if is_sub(rt) {
                        break;
                    }
                    covered = true;
                } else if covered {
                    continue;
                }
                if let Some(n) = cell {
                    items.push(n);
                }
            }
            if items.len() < 2 {
                continue;
            }
            items.reverse();
            if is_share_col(c) {
                checked_share_cols.push(c);
            }
            let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
                continue;
            };
            if within_rounding(&items, &total, sum) {
                continue;
            }
            let cell = &grid[&(rt, c)];
            let shown = items
                .iter()
                .map(|n| n.value.to_string())
                .collect::<Vec<_>>()
                .join("+");
            out.push(Diagnostic::new(
                &TABLE_TOTAL_MISMATCH,
                content_span(doc, cell.line),
                format!(
                    "表{ordinal}“{}”行第{c}列为{}，但上方各项之和为{sum}（{shown}）",
                    label(rt),
                    cell.text
                ),
                "核对合计数与各项数字，二者应一致",
            ));
        }
    }
    check_total_columns(ctx, ordinal, &grid, rows, cols, lex, out);
    // Share columns without a totals row: the column itself should add up to 100%.
    for c in 1..=cols {
        if !is_share_col(c) || checked_share_cols.contains(&c) {
            continue;
        }
        let mut items: Vec<numerals::Numeral> = Vec::new();
        let mut last_line = None;
        let mut ok = true;
        for r in 2..=rows {
            if is_total(r) {
                continue;
            }
            match number(r, c) {
                Some(Some(n)) => {
                    last_line = grid.get(&(r, c)).map(|x| x.line);
                    items.push(n);
                }
                Some(None) => {}
                None => ok = false,
            }
        }
        let Some(line) = last_line else {
            continue;
        };
        if !ok || items.len() < 2 {
            continue;
        }
        let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
            continue;
        };
        let hundred = numerals::Numeral {
            value: Value::from_int(100),
            ..items[0].clone()
        };
        if within_rounding(&items, &hundred, sum) {
            continue;
        }
        out.push(Diagnostic::new(
            &TABLE_SHARES,
            content_span(doc, line),
            format!("表{ordinal}“{}”列各项之和为{sum}%，不是100%", header_of(c)),
            "核对各项占比：各项之和应为100%（四舍五入的误差除外）",
        ));
    }
}

/// Equal, or for rounded figures within half a unit of the last digit per item.
fn within_rounding(items: &[numerals::Numeral], total: &numerals::Numeral, sum: Value) -> bool {
    if sum == total.value {
        return true;
    }
    let d = items
        .iter()
        .chain(std::iter::once(total))
        .map(|n| n.decimals)
        .max()
        .unwrap_or(0);
    let rounded = d > 0 || items.iter().any(|n| n.percent) || total.percent;
    if !rounded {
        return false;
    }
    let unit = 10f64.powi(-(d as i32));
    let tol = 0.5 * unit * (items.len() as f64 + 1.0);
    (sum.to_f64() - total.value.to_f64()).abs() <= tol + 1e-9
}

/// A 合计 column: each row's figures in the columns before it add up to it.
fn check_total_columns(
    ctx: &Context,
    ordinal: u32,
    grid: &BTreeMap<(u32, u32), Cell>,
    rows: u32,
    cols: u32,
    lex: &Lexicon,
    out: &mut Vec<Diagnostic>,
) {
    let text_at = |r: u32, c: u32| grid.get(&(r, c)).map_or("", |x| x.text.as_str());
    let Some(ct) = (2..=cols).find(|&c| lex.table_totals.iter().any(|t| text_at(1, c) == t)) else {
        return;
    };
    let summable = |c: u32| {
        let h = text_at(1, c);
        !h.is_empty()
            && !h.contains(['率', '比', '%', '％', '占'])
            && !lex.table_totals.iter().any(|t| h == t)
    };
    for r in 2..=rows {
        let Some(total) = numerals::parse_whole(text_at(r, ct)) else {
            continue;
        };
        let mut items = Vec::new();
        let mut ok = true;
        for c in (1..ct).filter(|&c| summable(c)) {
            let t = text_at(r, c);
            if t.is_empty() || lex.table_empty.iter().any(|e| e == t) {
                continue;
            }
            match numerals::parse_whole(t) {
                Some(n) if !n.percent => items.push(n),
                // The row label or words: only the figures count.
                _ if items.is_empty() => {}
                _ => ok = false,
            }
        }
        if !ok || items.len() < 2 || total.percent {
            continue;
        }
        let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
            continue;
        };
        if within_rounding(&items, &total, sum) {
            continue;
        }
        let Some(cell) = grid.get(&(r, ct)) else {
            continue;
        };
        out.push(Diagnostic::new(
            &TABLE_TOTAL_MISMATCH,
            content_span(ctx.doc, cell.line),
            format!(
                "表{ordinal}第{r}行“{}”列为{}，但该行各项之和为{sum}（{}）",
                text_at(1, ct),
                cell.text,
                items
                    .iter()
                    .map(|n| n.value.to_string())
                    .collect::<Vec<_>>()
                    .join("+")
            ),
            "核对合计列与该行各项数字，二者应一致",
        ));
    }
}
