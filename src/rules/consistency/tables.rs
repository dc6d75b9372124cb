//! Tables: 合计 rows and columns against their items (GW0412), and share columns that
//! should add up to 100% (GW0413), in Word tables and in tables typed as text.

use super::{TABLE_SHARES, TABLE_TOTAL_MISMATCH};
use crate::diagnostic::Diagnostic;
use crate::document::{CellRef, Document};
use crate::numerals::{self, Value};
use crate::outline::content_span;
use crate::quantity::Lexicon;
use crate::rules::Context;
use crate::text::squeeze;
use crate::text_table;
use std::collections::BTreeMap;
use std::ops::Range;

struct Cell {
    /// Where a finding about the cell points.
    span: Range<usize>,
    text: String,
}

/// Cells by (row, column), both 1-based.
pub(super) struct Grid(BTreeMap<(u32, u32), Cell>);

/// A Word table: a cell is one or more lines of the extracted text.
pub(super) fn word_grid(doc: &Document, cells: &[(usize, CellRef)]) -> Grid {
    let mut grid: BTreeMap<(u32, u32), Cell> = BTreeMap::new();
    for &(line, c) in cells {
        let e = grid.entry((c.row, c.col)).or_insert(Cell {
            span: content_span(doc, line),
            text: String::new(),
        });
        e.text.push_str(&squeeze(doc.line(line)));
    }
    Grid(grid)
}

/// The tables typed as text. Their columns are only known from the gaps, so a table is
/// read from rows with the same number of cells; a caption or a header laid out otherwise
/// stays out of it.
pub(super) fn text_grids(ctx: &Context) -> Vec<Grid> {
    let doc = ctx.doc;
    let mut grids = Vec::new();
    for block in text_table::blocks(doc, &ctx.outline.table_rows) {
        let rows: Vec<(usize, Vec<Range<usize>>)> = block
            .into_iter()
            .map(|i| (i, text_table::cells(doc.line(i))))
            .filter(|(i, cells)| !text_table::is_separator_row(doc.line(*i), cells))
            .collect();
        for run in rows.chunk_by(|a, b| a.1.len() == b.1.len()) {
            let mut grid = BTreeMap::new();
            for (r, (i, cells)) in run.iter().enumerate() {
                let start = doc.lines[*i].start;
                for (c, cell) in cells.iter().enumerate() {
                    let text = squeeze(&doc.line(*i)[cell.clone()]).into_owned();
                    let span = start + cell.start..start + cell.end;
                    grid.insert((r as u32 + 1, c as u32 + 1), Cell { span, text });
                }
            }
            grids.push(Grid(grid));
        }
    }
    grids
}

/// `ordinal` names the table in messages (表2).
pub(super) fn check_table(
    ordinal: usize,
    Grid(grid): &Grid,
    lex: &Lexicon,
    out: &mut Vec<Diagnostic>,
) {
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
    let year_header = is_year_header(grid, cols);
    let number = |r: u32, c: u32| -> Option<Option<numerals::Numeral>> {
        // Some(None): an empty or dash cell; None: words (a header).
        let t = text_at(r, c);
        if t.is_empty() || lex.table_empty.iter().any(|e| e == t) {
            return Some(None);
        }
        if r == 1 && year_header {
            return None;
        }
        numerals::parse_whole(t).map(Some)
    };
    // The unit written in the cell after a figure ("73 | 件"), when there is one.
    let unit = |r: u32, c: u32| Some(text_at(r, c + 1)).filter(|t| is_unit_word(t));
    let header_of = |c: u32| text_at(1, c);
    let is_rate_col = |c: u32| {
        let h = header_of(c);
        lex.table_rates.iter().any(|w| h.contains(w.as_str()))
    };
    let is_share_col = |c: u32| {
        let h = header_of(c);
        lex.table_shares.iter().any(|w| h.contains(w.as_str()))
            || (h.contains(['%', '％']) && !is_rate_col(c))
    };
    let mut checked_share_cols: Vec<u32> = Vec::new();
    for rt in 2..=rows {
        if !is_total(rt) {
            continue;
        }
        for c in 1..=cols {
            let Some(Some(total)) = number(rt, c) else {
                continue;
            };
            // Rates and averages are not added up; nor are percentages, unless shares.
            let shares = is_share_col(c);
            if !shares && (is_rate_col(c) || total.percent) {
                continue;
            }
            // Walk up: rows under a 小计 are covered by it.
            let mut items: Vec<numerals::Numeral> = Vec::new();
            let mut covered = false;
            let mut mixed_units = false;
            for r in (1..rt).rev() {
                if is_total(r) && !is_sub(r) {
                    break;
                }
                let cell = number(r, c);
                // "检查 2,146 户次" above "立案 73 件": figures of different things.
                mixed_units |= matches!(cell, Some(Some(_))) && unit(r, c) != unit(rt, c);
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
            if items.len() < 2 || mixed_units || (!shares && items.iter().any(|n| n.percent)) {
                continue;
            }
            items.reverse();
            if shares {
                checked_share_cols.push(c);
            }
            let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
                continue;
            };
            if within_rounding(&items, &total, sum) {
                continue;
            }
            let Some(cell) = grid.get(&(rt, c)) else {
                continue;
            };
            let shown = items
                .iter()
                .map(|n| n.value.to_string())
                .collect::<Vec<_>>()
                .join("+");
            out.push(Diagnostic::new(
                &TABLE_TOTAL_MISMATCH,
                cell.span.clone(),
                format!(
                    "表{ordinal}“{}”行第{c}列为{}，但上方各项之和为{sum}（{shown}）",
                    label(rt),
                    cell.text
                ),
                "核对合计数与各项数字，二者应一致",
            ));
        }
    }
    check_total_columns(ordinal, grid, rows, cols, lex, out);
    // Share columns without a totals row: the column itself should add up to 100%.
    for c in 1..=cols {
        if !is_share_col(c) || checked_share_cols.contains(&c) {
            continue;
        }
        let mut items: Vec<numerals::Numeral> = Vec::new();
        let mut last_span = None;
        let mut ok = true;
        for r in 2..=rows {
            if is_total(r) {
                continue;
            }
            match number(r, c) {
                Some(Some(n)) => {
                    last_span = grid.get(&(r, c)).map(|x| x.span.clone());
                    items.push(n);
                }
                Some(None) => {}
                None => ok = false,
            }
        }
        let Some(span) = last_span else {
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
            span,
            format!("表{ordinal}“{}”列各项之和为{sum}%，不是100%", header_of(c)),
            "核对各项占比：各项之和应为100%（四舍五入的误差除外）",
        ));
    }
}

/// A short word of Chinese only, as a unit is: 件, 户次, 万元.
fn is_unit_word(t: &str) -> bool {
    (1..=MAX_UNIT_CHARS).contains(&t.chars().count()) && t.chars().all(crate::text::is_han)
}

const MAX_UNIT_CHARS: usize = 4;

/// A first row of years ("项目 2024 2025") heads the columns; it is not a row of figures.
fn is_year_header(grid: &BTreeMap<(u32, u32), Cell>, cols: u32) -> bool {
    let figures: Vec<numerals::Numeral> = (1..=cols)
        .filter_map(|c| grid.get(&(1, c)))
        .filter_map(|cell| numerals::parse_whole(&cell.text))
        .collect();
    !figures.is_empty()
        && figures.iter().all(|n| {
            n.decimals == 0
                && !n.percent
                && n.value.to_f64().fract() == 0.0
                && (1949.0..=2100.0).contains(&n.value.to_f64())
        })
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
    ordinal: usize,
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
        let has = |words: &[String]| words.iter().any(|w| h.contains(w.as_str()));
        !h.is_empty()
            && !h.contains(['%', '％'])
            && !has(&lex.table_rates)
            && !has(&lex.table_shares)
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
            cell.span.clone(),
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
