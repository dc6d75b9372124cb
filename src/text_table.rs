//! Tables typed as plain text: cells separated by tabs, or by spaces in a block of short
//! rows ("立案 73 件" under "结案 71 件"). Their gaps are layout, not stray spaces, and a
//! row ends without punctuation without being a broken paragraph.

use crate::document::Document;
use crate::text::{char_len, trim_indent};

/// Rows are short; a longer line is running text with a space in it.
const MAX_ROW_CHARS: usize = 60;

/// Per line: a row of a text table. `skip` marks lines that cannot be rows (headings,
/// debris).
pub fn rows(doc: &Document, skip: impl Fn(usize) -> bool) -> Vec<bool> {
    let n = doc.line_count();
    let shape: Vec<Shape> = (0..n)
        .map(|i| {
            if skip(i) {
                Shape::Text
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
    if cells < 2 || char_len(t) > MAX_ROW_CHARS || has_sentence_marks(t) {
        return Shape::Text;
    }
    if t.contains('\t') {
        Shape::Tabbed
    } else {
        Shape::Spaced
    }
}

fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// Sentence and clause marks; a comma between digits (12,500) is part of a number.
fn has_sentence_marks(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    chars.iter().enumerate().any(|(k, &c)| match c {
        '。' | '；' | '！' | '？' | '，' | ';' => true,
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

    #[test]
    fn tabbed_rows_and_blocks_of_spaced_rows() {
        assert_eq!(
            rows_of("主要数据如下：\n检查户次 2,146 户次\n立案 73 件\n\n项目\t2024年\t2025年\n"),
            [false, true, true, false, true, false]
        );
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
