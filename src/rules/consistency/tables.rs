//! Tables: 合计 rows and columns against their items (GW0412), and share columns that
//! should add up to 100% (GW0413), in Word tables and in tables typed as text.

use super::para::plain;
use super::{TABLE_SHARES, TABLE_TOTAL_MISMATCH};
use crate::diagnostic::Diagnostic;
use crate::document::{CellRef, Document};
use crate::lazy_regex::static_regex;
use crate::numerals::{self, Numeral, Value};
use crate::outline::content_span;
use crate::quantity::Lexicon;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::squeeze;
use crate::text_table;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

mod ratios;
mod shares;

struct Cell {
    /// Where a finding about the cell points.
    span: Range<usize>,
    text: String,
}

/// A table's cells by (row, column), both 1-based, and how messages name it.
pub(super) struct Grid {
    name: String,
    cells: BTreeMap<(u32, u32), Cell>,
    /// A Word table: its header repeated further down starts a new page of the same table;
    /// in text, it may start another table.
    word: bool,
    /// The line with text before the table: its caption or the sentence leading in.
    intro: String,
    /// Rows whose label is indented under the row above ("　三级医院" under "医院"): its
    /// parts, as a "其中：" row would be.
    indented: BTreeSet<u32>,
}

/// The last line with text before line `i`.
fn intro_before(doc: &Document, i: usize) -> String {
    (0..i)
        .rev()
        .map(|j| crate::text::trim_indent(doc.line(j)))
        .find(|t| !t.is_empty())
        .unwrap_or("")
        .to_string()
}

/// The number a caption just above line `i` gives its table ("表4 立案查处情况" → "表4"),
/// over a line giving the unit ("单位：件").
fn caption_number(doc: &Document, i: usize) -> Option<String> {
    let mut lines = (0..i)
        .rev()
        .map(|j| crate::text::trim_indent(doc.line(j)))
        .filter(|t| !t.is_empty());
    let mut line = lines.next()?;
    if static_regex!(r"^[（(]?(?:计量)?单位[：:]").is_match(line) {
        line = lines.next()?;
    }
    numbered_caption(line)
}

/// "表4"/"附表1" from a caption that starts with it.
fn numbered_caption(line: &str) -> Option<String> {
    static_regex!(r"^\s*((?:附)?表)\s*([0-9一二三四五六七八九十]+)(?:$|[^0-9一二三四五六七八九十])")
        .captures(line)
        .map(|c| format!("{}{}", &c[1], &c[2]))
}

/// A Word table: a cell is one or more lines of the extracted text.
fn word_grid(doc: &Document, name: String, cells: &[(usize, CellRef)]) -> Grid {
    let first = cells.iter().map(|c| c.0).min().unwrap_or(0);
    let mut grid: BTreeMap<(u32, u32), Cell> = BTreeMap::new();
    let mut indents = Vec::new();
    for &(line, c) in cells {
        if c.col == 1 && !indents.iter().any(|&(r, _)| r == c.row) {
            // Formatting's indent counts as a full-width space.
            let formatted = if doc.lines[line].origin.indented {
                2
            } else {
                0
            };
            indents.push((c.row, indent_width(doc.line(line)).max(formatted)));
        }
        let e = grid.entry((c.row, c.col)).or_insert(Cell {
            span: content_span(doc, line),
            text: String::new(),
        });
        e.text.push_str(&squeeze(doc.line(line)));
    }
    Grid {
        name,
        cells: grid,
        word: true,
        intro: intro_before(doc, first),
        indented: rows_under_rows(&indents),
    }
}

/// The display width of a line's indentation: a full-width space is two columns.
fn indent_width(line: &str) -> usize {
    line.chars()
        .map_while(|c| match c {
            '\u{3000}' => Some(2),
            '\t' => Some(4),
            ' ' | '\u{a0}' => Some(1),
            _ => None,
        })
        .sum()
}

/// The body rows (after row 1) set in from the least indented ones by a full-width space
/// or more, after the first: sub-rows. (A column set in as a whole sets the least.)
fn rows_under_rows(indents: &[(u32, usize)]) -> BTreeSet<u32> {
    let body: Vec<(u32, usize)> = indents.iter().copied().filter(|&(r, _)| r > 1).collect();
    let least = body.iter().map(|&(_, w)| w).min().unwrap_or(0);
    let first = body.iter().map(|&(r, _)| r).min().unwrap_or(0);
    body.iter()
        .filter(|&&(r, w)| w >= least + 2 && r > first)
        .map(|&(r, _)| r)
        .collect()
}

/// The Word tables in order. A table continued on the next page as a second table ("续表"
/// between them, the header repeated) is one table. A table is named by its caption's
/// number, else by its place among the tables not inside another ("第2张表格"); a table
/// in a cell of another is named by that one.
pub(super) fn word_grids(
    doc: &Document,
    tables: &BTreeMap<u32, Vec<(usize, CellRef)>>,
) -> Vec<Grid> {
    let mut grids: Vec<(Grid, usize)> = Vec::new();
    // Every table's name and lines, to find the one a table sits in.
    let mut named: Vec<(String, usize, usize)> = Vec::new();
    let mut ordinal = 0;
    for cells in tables.values() {
        let first = cells.iter().map(|c| c.0).min().unwrap_or(0);
        let last = cells.iter().map(|c| c.0).max().unwrap_or(first);
        let name = match named.iter().rev().find(|t| t.1 < first && first <= t.2) {
            Some(outer) => format!("{}中的内嵌表格", outer.0),
            None => {
                ordinal += 1;
                caption_number(doc, first).unwrap_or_else(|| format!("第{ordinal}张表格"))
            }
        };
        named.push((name.clone(), first, last));
        let grid = word_grid(doc, name, cells);
        if let Some((prev, prev_last)) = grids.last_mut()
            && continues(doc, prev, *prev_last, &grid, first)
        {
            let offset = prev.cells.keys().map(|k| k.0).max().unwrap_or(1) - 1;
            for ((r, c), cell) in grid.cells.into_iter().filter(|((r, _), _)| *r > 1) {
                prev.cells.insert((r + offset, c), cell);
            }
            *prev_last = last;
            if !prev.name.ends_with("（含续表）") {
                prev.name.push_str("（含续表）");
            }
            continue;
        }
        grids.push((grid, last));
    }
    grids.into_iter().map(|(g, _)| g).collect()
}

/// `next` repeats `prev`'s header, with a "续表" caption between (and blank lines).
fn continues(
    doc: &Document,
    prev: &Grid,
    prev_last: usize,
    next: &Grid,
    next_first: usize,
) -> bool {
    let row_one = |g: &Grid| -> Vec<String> {
        g.cells
            .iter()
            .filter(|((r, _), _)| *r == 1)
            .map(|(_, c)| c.text.clone())
            .collect()
    };
    let between: Vec<&str> = (prev_last + 1..next_first)
        .map(|i| crate::text::trim_indent(doc.line(i)))
        .filter(|t| !t.is_empty())
        .collect();
    let between_ok = !between.is_empty()
        && between
            .iter()
            .all(|t| t.contains('续') && t.chars().count() <= MAX_CONTINUED_CAPTION);
    let header = row_one(prev);
    between_ok
        && !header.is_empty()
        && header.iter().any(|h| !h.is_empty())
        && header == row_one(next)
}

/// The tables typed as text. Their columns are only known from the gaps, so a table is
/// read only when every row has the same number of cells; a first row with one cell
/// fewer is a header without its corner cell, and a first row otherwise different is a
/// caption. Anything else (an empty cell lost between tabs, a label with a space) could
/// put figures under the wrong column, and the table is left alone.
pub(super) fn text_grids(ctx: &Context) -> Vec<Grid> {
    let doc = ctx.doc;
    let mut grids = Vec::new();
    let blocks = text_table::blocks(doc, &ctx.outline.table_rows);
    for mut rows in blocks.into_iter().flat_map(|block| tables_in(doc, block)) {
        let Some(width) = rows.last().map(|r| r.1.len()) else {
            continue;
        };
        let mut corner = false;
        let mut captioned = false;
        if rows.len() > 1 && rows[0].1.len() != width {
            // "表1  2024年案件分布": a caption whose gap splits it in two is no header.
            let first = &doc.line(rows[0].0)[rows[0].1[0].clone()];
            let caption =
                static_regex!(r"^\s*(?:附)?表\s*[0-9一二三四五六七八九十]+\s*$").is_match(first);
            corner = rows[0].1.len() + 1 == width && !caption;
            if !corner {
                rows.remove(0);
                captioned = true;
            }
        }
        if rows.iter().skip(1).any(|r| r.1.len() != width) {
            continue;
        }
        // Rows after a group label ("行政处罚类") with no header of their own are the end
        // of a table whose start is elsewhere.
        let introduced = captioned || ends_lead_in(doc, rows[0].0) || has_header(doc, &rows[0]);
        if !introduced {
            continue;
        }
        let mut cells = BTreeMap::new();
        let indents: Vec<(u32, usize)> = (1..)
            .zip(&rows)
            .map(|(r, (i, _))| (r, indent_width(doc.line(*i))))
            .collect();
        let indented = rows_under_rows(&indents);
        for (r, (i, ranges)) in rows.iter().enumerate() {
            let start = doc.lines[*i].start;
            let shift = u32::from(r == 0 && corner);
            for (c, range) in ranges.iter().enumerate() {
                let text = squeeze(&doc.line(*i)[range.clone()]).into_owned();
                let span = start + range.start..start + range.end;
                cells.insert((r as u32 + 1, c as u32 + 1 + shift), Cell { span, text });
            }
        }
        grids.push(Grid {
            name: caption_number(doc, rows[0].0)
                .unwrap_or_else(|| format!("第{}行起的表格", rows[0].0 + 1)),
            cells,
            word: false,
            intro: intro_before(doc, rows[0].0),
            indented,
        });
    }
    grids
}

/// The tables in a block of rows: a new one starts where the number of cells changes and
/// stays changed ("表2 许可办理" and its rows after a table of five columns), after rows of
/// one width (not header rows of a two-level header).
fn tables_in(doc: &Document, block: Vec<usize>) -> Vec<Vec<(usize, Vec<Range<usize>>)>> {
    let rows: Vec<(usize, Vec<Range<usize>>)> = block
        .into_iter()
        .map(|i| (i, text_table::cells(doc.line(i))))
        .filter(|(i, cells)| !text_table::is_separator_row(doc.line(*i), cells))
        .collect();
    let width = |k: usize| rows.get(k).map(|r| r.1.len());
    let mut starts = vec![0];
    // Rows of each width since the last start, kept as it goes: a table of thousands of
    // rows is read once.
    let mut widths: HashMap<Option<usize>, usize> = HashMap::new();
    for k in 1..rows.len() {
        *widths.entry(width(k - 1)).or_default() += 1;
        let a_table_before = widths.get(&width(k - 1)).is_some_and(|&n| n >= 2);
        if width(k) != width(k - 1) && width(k) == width(k + 1) && a_table_before {
            starts.push(k);
            widths.clear();
        }
    }
    let mut tables: Vec<Vec<_>> = Vec::new();
    let mut next_start = starts.iter().peekable();
    for (k, row) in rows.into_iter().enumerate() {
        let starts_here = next_start.next_if(|&&s| s == k).is_some();
        match tables.last_mut() {
            Some(table) if !starts_here => table.push(row),
            _ => tables.push(vec![row]),
        }
    }
    tables
}

/// The last line before row `i` that is not blank ends with a colon ("情况如下：").
fn ends_lead_in(doc: &Document, i: usize) -> bool {
    (0..i)
        .rev()
        .map(|j| doc.line(j).trim())
        .find(|t| !t.is_empty())
        .is_some_and(|t| t.ends_with([':', '：']))
}

/// The first row is words, or years: column headers.
fn has_header(doc: &Document, (i, cells): &(usize, Vec<Range<usize>>)) -> bool {
    let line = doc.line(*i);
    cells
        .iter()
        .skip(1)
        .all(|r| numerals::parse_whole(&line[r.clone()]).is_none_or(|n| is_plain_year(&n)))
}

/// A whole number that reads as a year (2024, not 2,024 or 2024.5).
fn is_plain_year(n: &numerals::Numeral) -> bool {
    let v = n.value.to_f64();
    n.decimals == 0
        && !n.percent
        && !n.grouped
        && v.fract() == 0.0
        && (1949.0..=2100.0).contains(&v)
}

/// What a cell holds, as far as adding up goes.
enum Content {
    /// Empty, a dash, 无.
    Empty,
    /// A figure, with the unit written in the cell ("52件") if any.
    Figure(Numeral, Option<String>),
    /// Words: a header or a label.
    Words,
}

struct Table<'a> {
    grid: &'a Grid,
    lex: &'a Lexicon,
    rows: u32,
    cols: u32,
    /// Rows at the top that hold no figure: a title, the header in one or more rows.
    head: u32,
    /// Whether rows 1 and 2 are rows of years, worked out once (asked for every cell).
    year_rows: [bool; 2],
    /// Columns headed 单位, which hold each row's unit; found once the header is known.
    unit_cols: Vec<u32>,
}

impl<'a> Table<'a> {
    fn new(grid: &'a Grid, lex: &'a Lexicon) -> Table<'a> {
        let rows = grid.cells.keys().map(|k| k.0).max().unwrap_or(0);
        let cols = grid.cells.keys().map(|k| k.1).max().unwrap_or(0);
        let mut t = Table {
            grid,
            lex,
            rows,
            cols,
            head: 0,
            year_rows: [false; 2],
            unit_cols: Vec::new(),
        };
        t.year_rows = [t.find_year_row(1), t.find_year_row(2)];
        // The first column names the rows, whatever it holds.
        t.head = (1..=rows)
            .take_while(|&r| (2..=cols).all(|c| !matches!(t.content(r, c), Content::Figure(..))))
            .count() as u32;
        t.unit_cols = (1..=cols)
            .filter(|&c| t.header(c).ends_with("单位"))
            .collect();
        t
    }

    fn text(&self, r: u32, c: u32) -> &'a str {
        self.grid
            .cells
            .get(&(r, c))
            .map_or("", |x| x.text.trim_matches('*'))
    }

    fn span(&self, r: u32, c: u32) -> Option<Range<usize>> {
        self.grid.cells.get(&(r, c)).map(|x| x.span.clone())
    }

    /// The first non-empty cell of a row, without Markdown's bold and a trailing colon.
    fn label(&self, r: u32) -> &'a str {
        (1..=self.cols)
            .map(|c| self.text(r, c))
            .find(|t| !t.is_empty())
            .unwrap_or("")
            .trim_end_matches([':', '：'])
    }

    /// The header rows' texts over column `c`, top to bottom; a title row (one cell across
    /// the table) is not a column's header. Above the last header row, an empty cell is
    /// under a group header merged from the left ("一般程序" over 立案 and 结案).
    fn headers(&self, c: u32) -> impl Iterator<Item = &'a str> + '_ {
        (1..=self.head)
            .filter(move |&r| (2..=self.cols).any(|k| !self.text(r, k).is_empty()))
            .map(move |r| {
                let own = self.text(r, c);
                if !own.is_empty() || r == self.head {
                    return own;
                }
                (1..c)
                    .rev()
                    .map(|k| self.text(r, k))
                    .find(|t| !t.is_empty())
                    .unwrap_or("")
            })
            .filter(|h| !h.is_empty())
    }

    /// The last header row's text over column `c` ("立案" under "合计"), when the header
    /// has more than one row.
    fn sub_header(&self, c: u32) -> Option<&'a str> {
        let bottom = self.headers(c).collect::<Vec<_>>();
        (bottom.len() >= 2).then(|| bottom[bottom.len() - 1])
    }

    /// Column `c`'s header in one string ("办结情况合计" under a two-level header).
    fn header(&self, c: u32) -> String {
        self.headers(c).collect()
    }

    fn header_has(&self, c: u32, words: &[String]) -> bool {
        let h = self.header(c);
        words.iter().any(|w| h.contains(w.as_str()))
    }

    /// "合计", "全县合计", "合计（件）": a totals label. Only 合计, 总计 and 小计 may have a
    /// scope before them, and not another period's ("较上年合计"); "公职律师总数" is a row.
    fn is_total_label(&self, label: &str, words: &[String]) -> bool {
        let label = label.split(['（', '(']).next().unwrap_or(label);
        words.iter().any(|t| {
            if label == t {
                return true;
            }
            let Some(scope) = label.strip_suffix(t.as_str()) else {
                return false;
            };
            let other_period = scope.contains('较')
                || self
                    .lex
                    .table_other_period
                    .iter()
                    .any(|w| scope.contains(w.as_str()));
            // "全县总数" is a total; "公职律师总数" is a row of its own.
            let scoped = match t.as_str() {
                "合计" | "总计" | "小计" => true,
                _ => PLACE_SCOPES.contains(&scope),
            };
            scoped && label.chars().count() <= MAX_TOTAL_LABEL && !other_period
        })
    }

    fn is_total(&self, r: u32) -> bool {
        self.labelled(r, &self.lex.table_totals)
    }

    fn is_sub(&self, r: u32) -> bool {
        self.labelled(r, &self.lex.table_subtotals)
    }

    /// A body row labelled with one of `words`: in its first label cell, or in a later one
    /// before its figures ("行政处罚 | 小计 | 136", the group named first).
    fn labelled(&self, r: u32, words: &[String]) -> bool {
        r > self.head
            && (1..=self.cols)
                // Up to the first cell with a figure (read plainly: `content` asks this).
                .take_while(|&c| !self.text(r, c).chars().any(crate::text::is_digit))
                .any(|c| {
                    let text = self.text(r, c).trim_end_matches([':', '：']);
                    self.is_total_label(text, words)
                })
    }

    /// A 合计 column: its header, or one of its header rows, says so ("合计（件）").
    fn is_total_col(&self, c: u32) -> bool {
        self.headers(c)
            .any(|h| self.is_total_label(h, &self.lex.table_totals))
    }

    /// "一、行政许可类" (1), "（二）处罚" (2): a group row, which may carry its group's
    /// total; `None` for an item row.
    fn group_level(&self, r: u32) -> Option<u8> {
        let label = self.label(r);
        // Bytes of Chinese numerals at the start.
        let numeral = |s: &str| {
            s.len()
                - s.trim_start_matches(|c| "一二三四五六七八九十".contains(c))
                    .len()
        };
        let head = numeral(label);
        if head > 0 && label[head..].starts_with('、') {
            return Some(1);
        }
        let rest = label.strip_prefix(['（', '('])?;
        let n = numeral(rest);
        (n > 0 && rest[n..].starts_with(['）', ')'])).then_some(2)
    }

    /// "其中：简易程序": a part of the row above, not one more item.
    fn is_part_row(&self, r: u32) -> bool {
        self.lex
            .table_parts
            .iter()
            .any(|p| self.label(r).starts_with(p.as_str()))
    }

    /// Body row `r` is one item of the whole: not a 合计, not a 其中 part of the row above,
    /// not indented under it.
    fn is_item(&self, r: u32) -> bool {
        !self.is_total(r) && !self.is_part_row(r) && !self.is_under(r)
    }

    /// "　三级医院" under "医院": counted in the row above.
    fn is_under(&self, r: u32) -> bool {
        self.grid.indented.contains(&r)
    }

    /// Columns that name rows (序号, 统计年度) or hold parts of another column (其中…).
    fn is_label_col(&self, c: u32) -> bool {
        let rows: Vec<&str> = self.headers(c).collect();
        let part = |h: &&str| {
            self.lex
                .table_parts
                .iter()
                .any(|p| h.starts_with(p.as_str()))
        };
        c == 1 || self.is_label_header(&rows.concat()) || rows.iter().any(part)
    }

    /// "序号", "统计年度", "综合排名": a header of row names. "2023年度", "本年度" head
    /// figures.
    fn is_label_header(&self, h: &str) -> bool {
        let period = h.contains(|c: char| c.is_ascii_digit())
            || h.starts_with(['本', '上', '下', '今', '去', '前']);
        !period
            && self
                .lex
                .table_labels
                .iter()
                .any(|w| h.ends_with(w.as_str()))
    }

    /// Percentages or rates: figures that are not added up, except shares adding to 100%.
    fn is_ratio_col(&self, c: u32) -> bool {
        self.header(c).contains(['%', '％'])
            || self.header_has(c, &self.lex.table_rates)
            || self.header_has(c, &self.lex.table_shares)
    }

    fn is_share_col(&self, c: u32) -> bool {
        self.header_has(c, &self.lex.table_shares) && !self.header_has(c, &self.lex.table_rates)
    }

    /// "项目 2024 2025": a row of two or more increasing years heads the columns below. Only
    /// at the top: further down, "受理 1980 2010" is a row of figures.
    fn is_year_row(&self, r: u32) -> bool {
        match r {
            1 | 2 => self.year_rows[r as usize - 1],
            _ => false,
        }
    }

    fn find_year_row(&self, r: u32) -> bool {
        // Row 2 only under a first header row without digits ("项目 | 受理件数").
        let digits_in = |r: u32| {
            (1..=self.cols).any(|c| self.text(r, c).contains(|ch: char| ch.is_ascii_digit()))
        };
        if r > 2 || (r == 2 && digits_in(1)) {
            return false;
        }
        let figures: Vec<numerals::Numeral> = (1..=self.cols)
            .filter_map(|c| numerals::parse_whole(self.text(r, c)))
            .collect();
        figures.len() >= 2
            && figures.iter().all(is_plain_year)
            && figures.windows(2).all(|w| w[0].value < w[1].value)
    }

    fn content(&self, r: u32, c: u32) -> Content {
        // "126（含网办98）": a figure with a note in brackets after it.
        let t = self.text(r, c);
        let t = match t.find(['（', '(']) {
            Some(k) if k > 0 && t.ends_with(['）', ')']) => &t[..k],
            _ => t,
        };
        if t.is_empty() || self.lex.table_empty.iter().any(|e| e == t) {
            return Content::Empty;
        }
        if self.is_year_row(r) {
            return Content::Words;
        }
        if let Some(n) = numerals::parse_whole(t) {
            // The unit in the next cell ("73 | 件"), when there is one; a note (已结, 良好)
            // is not a unit. Else the row's own.
            let next = self.text(r, c + 1);
            let unit = match self.lex.is_unit(next) {
                true => Some(next.to_string()),
                false => self.row_unit(r),
            };
            return Content::Figure(n, unit);
        }
        // "52件": a figure and its unit in one cell ("2024年" is a time: words).
        let found = numerals::scan(t);
        match found.as_slice() {
            [n] if n.span.start == 0 && self.lex.is_unit(&t[n.span.end..]) => {
                Content::Figure(n.clone(), Some(t[n.span.end..].to_string()))
            }
            _ => Content::Words,
        }
    }

    /// A row's unit, written for the row rather than beside its figure: in a column headed
    /// 单位 ("项目 | 单位 | 数量"), or in brackets after its label ("抽查（户次）").
    fn row_unit(&self, r: u32) -> Option<String> {
        let in_column = self
            .unit_cols
            .iter()
            .map(|&c| self.text(r, c))
            .find(|u| self.lex.is_unit(u));
        // (A 合计 row's "合计（件）" names the table's unit, which its items leave unsaid.)
        let label = if self.is_total(r) { "" } else { self.label(r) };
        let in_label = label
            .strip_suffix(['）', ')'])
            .and_then(|l| l.rfind(['（', '(']).map(|k| &l[k..]))
            .map(|b| b.trim_start_matches(['（', '(']))
            .filter(|u| self.lex.is_unit(u));
        in_column.or(in_label).map(str::to_string)
    }

    /// The header repeated further down (a table over two pages, or a second table).
    fn repeats_header(&self, r: u32) -> bool {
        r > 1 && (1..=self.cols).all(|c| self.text(r, c) == self.text(1, c))
    }

    /// The figures above a totals row in column `c`, and the 其中 rows left out of them
    /// (their parts may go on over rows that do not say so); `None` when they cannot be
    /// read as its items: other units, or words among the figures.
    fn items_above(&self, rt: u32, c: u32, unit: &Option<String>) -> Option<ItemsAbove> {
        let header = self.head;
        let mut items = Vec::new();
        let mut parts = Vec::new();
        let mut covered = false;
        for r in (1..rt).rev() {
            if self.is_total(r) && !self.is_sub(r) {
                break;
            }
            if self.is_part_row(r) {
                parts.push(r);
                continue;
            }
            if self.is_under(r) {
                continue;
            }
            // A header again: in Word, the next page of this table; in text, perhaps
            // another table, whose figures above are not simply its items.
            if self.repeats_header(r) {
                if self.grid.word {
                    continue;
                }
                return None;
            }
            let cell = match self.content(r, c) {
                Content::Words if r <= header => break,
                Content::Words => return None,
                Content::Empty => None,
                Content::Figure(n, u) => {
                    if &u != unit {
                        return None;
                    }
                    Some(n)
                }
            };
            // Rows under a 小计 are covered by it.
            if self.is_sub(r) {
                if self.is_sub(rt) {
                    break;
                }
                covered = true;
            } else if covered {
                continue;
            }
            items.extend(cell.map(|n| (r, n)));
        }
        items.reverse();
        parts.reverse();
        Some((items, parts))
    }

    /// Each 小计 stands above its group ("公共卫生小计" then its items), as the first row of
    /// figures shows: then a 小计 totals the rows below it, and a 合计 the 小计 rows.
    fn subtotals_on_top(&self) -> bool {
        (self.head + 1..=self.rows)
            .find(|&r| (1..=self.cols).any(|c| !matches!(self.content(r, c), Content::Empty)))
            .is_some_and(|r| self.is_sub(r))
    }

    /// The items of a total in a table whose 小计 rows stand above their groups: (rows,
    /// below the total).
    fn items_under_top_subtotals(
        &self,
        rt: u32,
        c: u32,
        unit: &Option<String>,
    ) -> Option<(Vec<(u32, Numeral)>, bool)> {
        let (rows, below): (Vec<u32>, bool) = if self.is_sub(rt) {
            let end = (rt + 1..=self.rows)
                .find(|&r| self.is_sub(r) || self.is_total(r))
                .unwrap_or(self.rows + 1);
            ((rt + 1..end).filter(|&r| !self.is_under(r)).collect(), true)
        } else {
            (
                (self.head + 1..rt).filter(|&r| self.is_sub(r)).collect(),
                false,
            )
        };
        let mut items = Vec::new();
        for r in rows {
            match self.content(r, c) {
                Content::Figure(n, u) if &u == unit => items.push((r, n)),
                Content::Empty => {}
                _ => return None,
            }
        }
        Some((items, below))
    }

    /// A 合计 row first, right under the header, totals the rows below it. Only a plain
    /// list: groups, subtotals, 其中 rows or a second 合计 leave the reading unclear.
    fn items_below(&self, rt: u32, c: u32, unit: &Option<String>) -> Option<Vec<(u32, Numeral)>> {
        if self.head == 0 || rt != self.head + 1 {
            return None;
        }
        let mut items = Vec::new();
        for r in rt + 1..=self.rows {
            if self.is_total(r)
                || self.is_part_row(r)
                || self.group_level(r).is_some()
                || self.repeats_header(r)
            {
                return None;
            }
            if self.is_under(r) {
                continue;
            }
            match self.content(r, c) {
                Content::Words => return None,
                Content::Empty => {}
                Content::Figure(n, u) if &u == unit => items.push((r, n)),
                Content::Figure(..) => return None,
            }
        }
        Some(items)
    }
}

pub(super) fn check_table(grid: &Grid, lex: &Lexicon, out: &mut Findings) {
    let t = Table::new(grid, lex);
    let (rows, cols) = (t.rows, t.cols);
    // A header and one row may still have a 合计 column ("维持 撤销 终止 合计").
    if rows < 2 || cols < 2 {
        return;
    }
    // "（可多选）": each answer is counted apart, so rows add up to more than those asked,
    // and shares to more than 100%.
    let several_answers = |s: &str| static_regex!(r"多选|多项选择|选择多项").is_match(s);
    let multiple_choice = several_answers(&grid.intro)
        || (1..=t.head).any(|r| (1..=cols).any(|c| several_answers(t.text(r, c))));
    // A share cell that is off makes the column's sum off too: the cell is the finding.
    let cells_reported: Vec<u32> = (1..=cols)
        .filter(|&c| t.is_share_col(c) && !multiple_choice && shares::check_share_cells(&t, c, out))
        .collect();
    let mut share_cols_checked = cells_reported.clone();
    let top_subtotals = t.subtotals_on_top();
    for rt in (2..=rows).filter(|&r| t.is_total(r) && !multiple_choice) {
        for c in (1..=cols).filter(|&c| !t.is_label_col(c) && !cells_reported.contains(&c)) {
            let Content::Figure(total, unit) = t.content(rt, c) else {
                continue;
            };
            // A ratio column's 合计 is a ratio; only shares add up, and then to 100%. A 占比
            // column whose 合计 is not 100% holds a ratio per row (网办占比): not shares.
            let ratio = t.is_ratio_col(c) || total.percent;
            if ratio && !(t.is_share_col(c) && total.value == Value::from_int(100)) {
                share_cols_checked.push(c);
                if let Some(d) = shares_totalled_short(&t, rt, c, &total, &unit) {
                    out.push(d);
                }
                continue;
            }
            let mut parts = Vec::new();
            let read = if top_subtotals {
                t.items_under_top_subtotals(rt, c, &unit)
            } else {
                match t.items_above(rt, c, &unit) {
                    Some((items, _)) if items.is_empty() => {
                        t.items_below(rt, c, &unit).map(|items| (items, true))
                    }
                    Some((items, part_rows)) => {
                        parts = part_rows;
                        Some((items, false))
                    }
                    None => None,
                }
            };
            let Some((rows_above, below)) = read else {
                continue;
            };
            let grouped = rows_above.iter().any(|(r, _)| t.group_level(*r).is_some());
            // "一、行政许可 1168" over its items: group rows carry their group's total, so
            // the rows of one level (一、 or （一）), or the items under them, add up to it.
            let readings: Vec<Vec<(u32, Numeral)>> = if !parts.is_empty() {
                if grouped {
                    continue;
                }
                match parts_readings(&rows_above, &parts) {
                    Some(readings) => readings,
                    None => continue,
                }
            } else if grouped {
                let mut readings: Vec<Vec<(u32, Numeral)>> = [Some(1), Some(2), None]
                    .into_iter()
                    .map(|level| {
                        rows_above
                            .iter()
                            .filter(|(r, _)| t.group_level(*r) == level)
                            .cloned()
                            .collect()
                    })
                    .collect();
                // Groups with and without figures of their own, all rows together.
                readings.push(rows_above);
                readings
            } else {
                vec![rows_above]
            };
            let mut mismatch = None;
            for reading in readings {
                let items: Vec<Numeral> = reading.into_iter().map(|(_, n)| n).collect();
                if items.len() < 2 || (!ratio && items.iter().any(|n| n.percent)) {
                    continue;
                }
                let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
                    continue;
                };
                if within_rounding(&items, &total, sum, ratio) {
                    mismatch = None;
                    break;
                }
                mismatch.get_or_insert((items, sum));
            }
            share_cols_checked.push(c);
            let Some((items, sum)) = mismatch else {
                continue;
            };
            let Some(span) = t.span(rt, c) else {
                continue;
            };
            // A column of shares: the sum is a percentage too.
            let percent = if items.iter().all(|n| n.percent) {
                "%"
            } else {
                ""
            };
            // Shares that do not make their 100%: GW0413's case, with its 合计 row.
            let rule = if !percent.is_empty() && t.is_share_col(c) {
                &TABLE_SHARES
            } else {
                &TABLE_TOTAL_MISMATCH
            };
            let (sum, parts) = joined(&items, sum, &total);
            out.push(Diagnostic::new(
                rule,
                span,
                format!(
                    "{}“{}”行第{c}列为{}，但{}各项之和为{sum}{percent}（{parts}）",
                    grid.name,
                    t.label(rt),
                    t.text(rt, c),
                    if below { "下方" } else { "上方" },
                ),
                if parts.is_empty() {
                    "核对合计数与各项数字，二者应一致"
                } else {
                    "核对合计数与各项数字，二者应一致（“其中”行是上一行的一部分，不计入各项之和）"
                },
            ));
        }
    }
    check_total_columns(&t, out);
    ratios::check_rate_columns(&t, out);
    ratios::check_change_columns(&t, out);
    for c in (1..=cols)
        .filter(|&c| t.is_share_col(c) && !share_cols_checked.contains(&c) && !multiple_choice)
    {
        check_shares(&t, c, out);
    }
}

/// The figures above a total, each with its row, and the 其中 rows among them.
type ItemsAbove = (Vec<(u32, Numeral)>, Vec<u32>);

/// Most 其中 rows that a total's items are read around; past it, too many readings.
const MAX_PART_ROWS: usize = 2;

/// The ways to read items with 其中 rows among them: each 其中 row's parts may go on over
/// the rows after it that do not say so ("其中：非法行医 17", "无证行医 5"), up to the next
/// 其中 row. The plain reading, every row after a 其中 row an item, comes first.
fn parts_readings(items: &[(u32, Numeral)], parts: &[u32]) -> Option<Vec<Vec<(u32, Numeral)>>> {
    if parts.len() > MAX_PART_ROWS {
        return None;
    }
    // For each 其中 row, the item rows after it, up to the next 其中 row.
    let following: Vec<Vec<u32>> = parts
        .iter()
        .enumerate()
        .map(|(k, &p)| {
            let next = parts.get(k + 1).copied().unwrap_or(u32::MAX);
            items
                .iter()
                .map(|(r, _)| *r)
                .filter(|&r| p < r && r < next)
                .collect()
        })
        .collect();
    let mut dropped_counts: Vec<Vec<usize>> = vec![Vec::new()];
    for rows in &following {
        dropped_counts = dropped_counts
            .into_iter()
            .flat_map(|counts| {
                (0..=rows.len()).map(move |j| {
                    let mut counts = counts.clone();
                    counts.push(j);
                    counts
                })
            })
            .collect();
    }
    Some(
        dropped_counts
            .into_iter()
            .map(|counts| {
                let dropped: Vec<u32> = following
                    .iter()
                    .zip(&counts)
                    .flat_map(|(rows, &j)| rows[..j].iter().copied())
                    .collect();
                items
                    .iter()
                    .filter(|(r, _)| !dropped.contains(r))
                    .cloned()
                    .collect()
            })
            .collect(),
    )
}

/// "占比 45% 30% 20%, 合计 95%": the 合计 cell is the rows' sum, so the column holds shares
/// of one whole, and its total is 100% (a ratio per row, 网办占比, has no such sum).
fn shares_totalled_short(
    t: &Table,
    rt: u32,
    c: u32,
    total: &Numeral,
    unit: &Option<String>,
) -> Option<Diagnostic> {
    if !t.is_share_col(c) || !total.percent {
        return None;
    }
    let (items, parts) = t.items_above(rt, c, unit)?;
    if !parts.is_empty() {
        return None;
    }
    let items: Vec<Numeral> = items.into_iter().map(|(_, n)| n).collect();
    let sum = Value::sum(items.iter().map(|n| &n.value))?;
    if items.len() < 2
        || !items.iter().all(|n| n.percent)
        || !SHARES_NEAR.contains(&sum.to_f64())
        || !within_rounding(&items, total, sum, true)
    {
        return None;
    }
    Some(Diagnostic::new(
        &TABLE_SHARES,
        t.span(rt, c)?,
        format!(
            "{}“{}”行的{}为{}，是各项之和，但各项占比之和应为100%",
            t.grid.name,
            t.label(rt),
            t.header(c),
            t.text(rt, c)
        ),
        "核对各项占比：各项之和应为100%（四舍五入的误差除外）",
    ))
}

/// A share column without a totals row adds up to 100%. A sum far from 100% means the
/// column holds a ratio per row (网办占比 95%, 90%, 85%), not shares of one whole.
fn check_shares(t: &Table, c: u32, out: &mut Findings) {
    // "发病前五位病种如下：", "主要病种构成：": some of the whole, not all of it. Not a
    // sentence that only mentions 主要 ("…，主要集中在食品领域："), nor "第二部分".
    if static_regex!(r"前[0-9一二三四五六七八九十]+(位|名|种|类|项)|^(主要|部分)")
        .is_match(&t.grid.intro)
    {
        return;
    }
    let mut items = Vec::new();
    let mut last = None;
    for r in t.head + 1..=t.rows {
        if !t.is_item(r) {
            continue;
        }
        match t.content(r, c) {
            Content::Figure(n, _) => {
                last = t.span(r, c);
                items.push(n);
            }
            Content::Empty => {}
            Content::Words => return,
        }
    }
    let Some(span) = last else {
        return;
    };
    let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
        return;
    };
    if items.len() < 2 || !SHARES_NEAR.contains(&sum.to_f64()) || adds_to_hundred(&items) {
        return;
    }
    out.push(Diagnostic::new(
        &TABLE_SHARES,
        span,
        format!(
            "{}“{}”列各项之和为{sum}%，不是100%",
            t.grid.name,
            t.header(c)
        ),
        "核对各项占比：各项之和应为100%（四舍五入的误差除外）",
    ));
}

/// "续表", "表1（续）", "（续表）": a caption that says the table goes on.
const MAX_CONTINUED_CAPTION: usize = 20;

/// Scopes a 总数 or 总体 label may name: "全县总数" is the total, "公职律师总数" a row.
const PLACE_SCOPES: [&str; 8] = [
    "全县", "全市", "全区", "全省", "全镇", "全局", "全委", "全部",
];

/// A label up to this long that ends with 合计 is a totals row ("全县合计", "本年度总计").
const MAX_TOTAL_LABEL: usize = 8;

/// Sums of shares that were meant to be 100%.
const SHARES_NEAR: Range<f64> = 80.0..120.0;

/// The items added up, and their sum, grouped by thousands when the figures compared are
/// ("4,120（1,320+1,186+1,614）").
/// In 万 or 亿 as the figures are written ("57.5万（15万+42.5万）" under "60.5万元").
fn joined(items: &[Numeral], sum: Value, total: &Numeral) -> (String, String) {
    let grouped = total.grouped || items.iter().any(|n| n.grouped);
    let sum = scaled(sum, total.multiplier, grouped);
    let parts = items
        .iter()
        .map(|n| scaled(n.value, n.multiplier, grouped))
        .collect::<Vec<_>>()
        .join("+");
    (sum, parts)
}

/// `v` in 万 or 亿 when exact to six places there, else in full.
fn scaled(v: Value, multiplier: Option<char>, grouped: bool) -> String {
    let in_scale = match multiplier {
        Some(m @ '万') => v.div_exact(10_000).map(|w| (w, m)),
        Some(m @ '亿') => v.div_exact(100_000_000).map(|w| (w, m)),
        _ => None,
    };
    match in_scale {
        Some((w, m)) => format!("{}{m}", plain(w, grouped)),
        None => plain(v, grouped),
    }
}

/// Shares that add up to 100%, to the rounding of their last digits.
pub(super) fn adds_to_hundred(shares: &[Numeral]) -> bool {
    let (Some(first), Some(sum)) = (shares.first(), Value::sum(shares.iter().map(|n| &n.value)))
    else {
        return false;
    };
    let hundred = Numeral {
        value: Value::from_int(100),
        decimals: 0,
        ..first.clone()
    };
    within_rounding(shares, &hundred, sum, true)
}

/// Equal, or within what rounding explains: half a unit of the last digit per item, and
/// half a unit of the total's own last digit (20.8 for 12.35 + 8.40).
fn within_rounding(items: &[Numeral], total: &Numeral, sum: Value, ratio: bool) -> bool {
    if sum == total.value {
        return true;
    }
    let rounded = ratio || total.decimals > 0 || items.iter().any(|n| n.decimals > 0 || n.percent);
    if !rounded {
        return false;
    }
    let half = |d: u8| 0.5 * 10f64.powi(-i32::from(d));
    let item_decimals = items.iter().map(|n| n.decimals).max().unwrap_or(0);
    let tol = half(item_decimals) * items.len() as f64 + half(total.decimals);
    (sum.to_f64() - total.value.to_f64()).abs() <= tol + 1e-9
}

/// A 合计 column: each row's figures in the columns before it add up to it.
fn check_total_columns(t: &Table, out: &mut Findings) {
    // "上年合计" is last year's figure, not the sum of this year's columns.
    let this_period = |c: u32| !t.header_has(c, &t.lex.table_other_period);
    for ct in (2..=t.cols).filter(|&c| t.is_total_col(c) && this_period(c)) {
        check_total_column(t, ct, out);
    }
}

/// One 合计 column against the columns before it. Under a two-level header: "合计" over
/// 立案 adds up every 立案; a 合计 under a group header ("案件数量" over 一般程序, 简易程序,
/// 合计) adds up that group's columns.
fn check_total_column(t: &Table, ct: u32, out: &mut Findings) {
    let bottom = t.sub_header(ct);
    let group = |c: u32| -> Vec<&str> {
        let mut h: Vec<&str> = t.headers(c).collect();
        h.pop();
        h
    };
    let same_place = |c: u32| match bottom {
        Some(b) if t.is_total_label(b, &t.lex.table_totals) => group(c) == group(ct),
        Some(b) => t.sub_header(c) == Some(b),
        None => true,
    };
    let summable = |c: u32| {
        !t.header(c).is_empty()
            && !t.is_label_col(c)
            && !t.is_ratio_col(c)
            && !t.is_total_col(c)
            && same_place(c)
    };
    for r in t.head + 1..=t.rows {
        let Content::Figure(total, _) = t.content(r, ct) else {
            continue;
        };
        let mut items = Vec::new();
        let mut readable = true;
        for c in (1..ct).filter(|&c| summable(c)) {
            match t.content(r, c) {
                Content::Figure(n, _) if !n.percent => items.push(n),
                Content::Empty => {}
                // Words before the first figure name the row ("城关所").
                Content::Words if items.is_empty() => {}
                _ => readable = false,
            }
        }
        if !readable || items.len() < 2 || total.percent {
            continue;
        }
        let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
            continue;
        };
        if within_rounding(&items, &total, sum, false) {
            continue;
        }
        let Some(span) = t.span(r, ct) else {
            continue;
        };
        let (sum, parts) = joined(&items, sum, &total);
        out.push(Diagnostic::new(
            &TABLE_TOTAL_MISMATCH,
            span,
            format!(
                "{}第{r}行“{}”列为{}，但该行各项之和为{sum}（{parts}）",
                t.grid.name,
                t.header(ct),
                t.text(r, ct),
            ),
            "核对合计列与该行各项数字，二者应一致",
        ));
    }
}
