//! Tables typed as plain text: cells separated by tabs, or by spaces in a block of short
//! rows ("立案 73 件" under "结案 71 件"), and Markdown's pipe tables. Their gaps are layout,
//! not stray spaces, and a row ends without punctuation without being a broken paragraph.

use crate::document::Document;
use crate::text::trim_indent;
use std::ops::Range;

/// Rows are short (their text, without the padding); a longer line is running text with a
/// space in it.
const MAX_ROW_CHARS: usize = 60;

/// Per line: a row of a text table. `skip` marks lines that cannot be rows (headings,
/// debris).
pub fn rows(doc: &Document, skip: impl Fn(usize) -> bool) -> Vec<bool> {
    let n = doc.line_count();
    let shape: Vec<Shape> = (0..n)
        .map(|i| {
            if skip(i) {
                Shape::Text
            } else if is_piped(doc.line(i)) {
                Shape::Tabbed
            } else {
                shape(doc.line(i))
            }
        })
        .collect();
    // Neighbours across blank lines: Word documents often have an empty paragraph between
    // every two.
    let blank = |j: usize| trim_indent(doc.line(j)).trim_end().is_empty();
    let row = |j: Option<usize>| j.is_some_and(|j| shape[j] != Shape::Text);
    (0..n)
        .map(|i| match shape[i] {
            Shape::Tabbed => true,
            // Spaces alone make a table only with a neighbouring row.
            Shape::Spaced => {
                row((0..i).rev().find(|&j| !blank(j))) || row((i + 1..n).find(|&j| !blank(j)))
            }
            Shape::Text => false,
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Tabbed,
    Spaced,
    Text,
}

fn shape(line: &str) -> Shape {
    let t = trim_indent(line).trim_end();
    // Nearly every line: no gap at all.
    if !t.contains(is_gap) {
        return Shape::Text;
    }
    let cells = t.split(is_gap).filter(|c| !c.is_empty()).count();
    // The text, not the padding: a wide table's rows are mostly spaces.
    let content = t.chars().filter(|&c| !is_gap(c)).count();
    if cells < 2 || content > MAX_ROW_CHARS {
        return Shape::Text;
    }
    if has_sentence_marks(t) {
        // "执法人员培训⇥6期，参训426人次": a cell may hold a clause, after a label that
        // holds none, in a wide gap; such a row needs a neighbouring row, as spaces do.
        let label = t.split(is_gap).next().unwrap_or_default();
        let wide_gap = t.contains('\t') || t.contains("  ") || t.contains('\u{3000}');
        return if only_commas(t) && !has_sentence_marks(label) && wide_gap {
            Shape::Spaced
        } else {
            Shape::Text
        };
    }
    if t.contains('\t') {
        Shape::Tabbed
    } else {
        Shape::Spaced
    }
}

/// The sentence marks of `t` are commas: no sentence ends in it.
fn only_commas(t: &str) -> bool {
    !t.contains(ENDS)
}

/// A row between pipes, "| 立案 | 73 |" (Markdown, or a text table drawn with pipes),
/// however long its cells.
pub fn is_piped(line: &str) -> bool {
    let t = trim_indent(line).trim_end();
    t.starts_with('|') && t.ends_with('|') && t.matches('|').count() >= MIN_PIPES
}

/// Two cells: the pipes at both ends and one between.
const MIN_PIPES: usize = 3;

/// The cells of a row, as byte ranges of `line` without their padding: between the pipes
/// of a Markdown row (an empty cell is kept), else between runs of gaps.
pub fn cells(line: &str) -> Vec<Range<usize>> {
    let t = trim_indent(line).trim_end();
    let base = crate::text::indent_len(line);
    let pad = |c: char| c == ' ' || is_gap(c);
    let parts: Vec<(usize, &str)> = if is_piped(line) {
        let inner = &t[1..t.len() - 1];
        let mut at = base + 1;
        inner
            .split('|')
            .map(|cell| {
                let start = at;
                at += cell.len() + 1;
                (start, cell)
            })
            .collect()
    } else {
        // Tabs separate the cells when there are any; spaces may then be inside a cell.
        let sep: fn(char) -> bool = if t.contains('\t') {
            |c| c == '\t'
        } else {
            is_gap
        };
        let mut spans: Vec<Range<usize>> = Vec::new();
        let mut start = None;
        for (k, c) in t.char_indices().chain([(t.len(), '\t')]) {
            match (sep(c), start) {
                (false, None) => start = Some(k),
                (true, Some(s)) => {
                    spans.push(s..k);
                    start = None;
                }
                _ => {}
            }
        }
        join_spread_labels(t, &mut spans);
        spans.into_iter().map(|r| (base + r.start, &t[r])).collect()
    };
    parts
        .into_iter()
        // "项目 | 件数" without outer pipes: the pipe is not a cell.
        .filter(|(_, cell)| !matches!(cell.trim_matches(pad), "|" | "｜"))
        .map(|(start, cell)| {
            let lead = cell.len() - cell.trim_start_matches(pad).len();
            let body = cell.trim_matches(pad);
            start + lead..start + lead + body.len()
        })
        .collect()
}

/// "合　计", "类　别": a two-character label spread out with one space is one cell, when
/// the gaps around it are wider.
fn join_spread_labels(t: &str, spans: &mut Vec<Range<usize>>) {
    let single_han = |r: &Range<usize>| {
        let mut cs = t[r.clone()].chars();
        cs.next().is_some_and(crate::text::is_han) && cs.next().is_none()
    };
    let gap = |a: &Range<usize>, b: &Range<usize>| t[a.end..b.start].chars().count();
    let mut k = 0;
    while k + 1 < spans.len() {
        let wide_before = k == 0 || gap(&spans[k - 1], &spans[k]) > 1;
        let wide_after = k + 2 >= spans.len() || gap(&spans[k + 1], &spans[k + 2]) > 1;
        if single_han(&spans[k])
            && single_han(&spans[k + 1])
            && gap(&spans[k], &spans[k + 1]) == 1
            && wide_before
            && wide_after
        {
            spans[k].end = spans[k + 1].end;
            spans.remove(k + 1);
        }
        k += 1;
    }
}

/// Markdown's header separator, "| --- | :---: |".
pub fn is_separator_row(line: &str, cells: &[Range<usize>]) -> bool {
    cells.iter().all(|c| {
        let t = &line[c.clone()];
        !t.is_empty() && t.chars().all(|c| matches!(c, '-' | ':'))
    })
}

/// Runs of rows with only blank lines between them: the tables of the text. A Markdown
/// table has no blank line inside, so one ends it.
pub fn blocks(doc: &Document, rows: &[bool]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut blank_after_pipes = false;
    for (i, &row) in rows.iter().enumerate() {
        let blank = trim_indent(doc.line(i)).trim_end().is_empty();
        if row {
            if blank_after_pipes {
                out.push(std::mem::take(&mut current));
            }
            current.push(i);
            blank_after_pipes = false;
        } else if !blank && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        } else if blank && current.last().is_some_and(|&j| is_piped(doc.line(j))) {
            blank_after_pipes = true;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// Marks that end a sentence or a clause.
const ENDS: [char; 5] = ['。', '；', '！', '？', ';'];

/// Sentence and clause marks; a comma between digits (12,500) is part of a number.
fn has_sentence_marks(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    chars.iter().enumerate().any(|(k, &c)| match c {
        '，' => true,
        c if ENDS.contains(&c) => true,
        ',' => {
            let digit = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_digit)
            };
            !(digit(k.checked_sub(1)) && digit(Some(k + 1)))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn rows_of(text: &str) -> Vec<bool> {
        let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.into());
        rows(&doc, |_| false)
    }

    fn cell_texts(line: &str) -> Vec<&str> {
        cells(line).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn cells_between_gaps_and_between_pipes() {
        assert_eq!(cell_texts("  立案 73  件"), ["立案", "73", "件"]);
        assert_eq!(
            cell_texts("合\u{3000}计\u{3000}\u{3000}1,804\u{3000}\u{3000}97.6"),
            ["合\u{3000}计", "1,804", "97.6"]
        );
        assert_eq!(cell_texts("甲 乙 丙"), ["甲", "乙", "丙"]);
        assert_eq!(
            cell_texts("项　目　　单　位　　1　　2"),
            ["项　目", "单　位", "1", "2"]
        );
        assert_eq!(
            cell_texts("项目\t\t2024年\t2025年 "),
            ["项目", "2024年", "2025年"]
        );
        assert_eq!(
            cell_texts("| 立案（件） |  | 73 |"),
            ["立案（件）", "", "73"]
        );
        let sep = "|---|:---:|";
        assert!(is_separator_row(sep, &cells(sep)));
        assert!(!is_separator_row(
            "| 项目 | --- |",
            &cells("| 项目 | --- |")
        ));
    }

    #[test]
    fn pipe_rows_are_rows_however_long() {
        let text = "| 项目 | 说明 |\n|---|---|\n| 制度 | 出台规范性文件3件，全部经合法性审核，并按规定报送备案，备案率100%，无一件被纠错，公开率100%。 |\n|正文|\n";
        for format in [Format::Markdown, Format::Text] {
            let doc = Document::from_text("t", format, "utf-8", text.into());
            assert_eq!(rows(&doc, |_| false), [true, true, true, false, false]);
        }
    }

    #[test]
    fn blocks_run_across_blank_lines_and_end_at_text() {
        let text = "立案 73 件\n\n结案 71 件\n全年立案73件。\n受理 9 件\n办结 9 件\n";
        let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.into());
        let r = rows(&doc, |_| false);
        assert_eq!(blocks(&doc, &r), [vec![0, 2], vec![4, 5]]);
        let text = "| 甲 | 1 |\n| 乙 | 2 |\n\n| 丙 | 3 |\n";
        let doc = Document::from_text("t.md", Format::Markdown, "utf-8", text.into());
        let r = rows(&doc, |_| false);
        assert_eq!(blocks(&doc, &r), [vec![0, 1], vec![3]]);
    }

    #[test]
    fn tabbed_rows_and_blocks_of_spaced_rows() {
        assert_eq!(
            rows_of("主要数据如下：\n检查户次 2,146 户次\n立案 73 件\n\n项目\t2024年\t2025年\n"),
            [false, true, true, false, true, false]
        );
    }

    #[test]
    fn a_cell_may_hold_a_clause_in_a_block_of_rows() {
        assert_eq!(
            rows_of("项目\t完成情况\n执法人员培训\t6期，参训426人次\n案卷评查\t150卷，合格率98%\n"),
            [true, true, true, false]
        );
        assert_eq!(
            rows_of("项目    完成情况\n执法人员培训    6期，参训426人次\n"),
            [true, true, false]
        );
        // Alone, or with a sentence's end, or a single space, or a clause in the label:
        // running text.
        for text in [
            "全年开展培训。\n执法人员培训\t6期，参训426人次\n全年开展评查。\n",
            "项目\t完成情况\n执法人员培训\t6期，参训426人次。\n",
            "项目 完成情况\n执法人员培训 6期，参训426人次\n",
            "项目\t完成情况\n培训，评查\t6期\n",
        ] {
            assert!(!rows_of(text)[1], "{text}");
        }
    }

    #[test]
    fn wide_rows_padded_with_spaces_are_rows() {
        let header = format!(
            "类别{}收案{}维持（驳回）{}撤销（确认违法）{}终止{}未审结",
            " ".repeat(8),
            " ".repeat(4),
            " ".repeat(4),
            " ".repeat(4),
            " ".repeat(4)
        );
        let row = format!(
            "行政复议{}23{}15{}2{}4{}2",
            " ".repeat(4),
            " ".repeat(6),
            " ".repeat(14),
            " ".repeat(19),
            " ".repeat(7)
        );
        assert!(row.chars().count() > MAX_ROW_CHARS);
        assert_eq!(rows_of(&format!("{header}\n{row}\n")), [true, true, false]);
        // Running text stays text, however it is spaced.
        let long = "全年组织开展行政执法人员培训 共计 十二 场次 覆盖全市各级各类医疗卫生机构和监督执法机构的全部执法人员及相关工作人员 参训人数 较上年 明显增加";
        assert_eq!(rows_of(&format!("{long}\n{long}\n")), [false, false, false]);
    }

    #[test]
    fn rows_may_have_blank_lines_between_them() {
        assert_eq!(
            rows_of("立案 73 件\n\n结案 71 件\n\n全年立案73件。\n"),
            [true, false, true, false, false, false]
        );
    }

    #[test]
    fn single_spaced_lines_and_sentences_are_text() {
        assert_eq!(
            rows_of(
                "市委 市政府：\n全年立案 73 件，结案 71 件。\n青禾市 卫生健康委员会\n2025年1月20日\n"
            ),
            [false, false, false, false, false]
        );
    }
}
