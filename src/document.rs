//! The normalized text every rule reads: one source paragraph per line, plus where each
//! line came from. `gwlint extract` prints exactly `Document::text`.

use std::fmt;
use std::sync::Mutex;

/// The kind of input a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
        }
    }
}

/// A table cell position in a .docx body, all 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef {
    pub table: u32,
    pub row: u32,
    pub col: u32,
}

/// One paragraph as a source reader produces it, before it becomes lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// The visible text; soft line breaks inside the paragraph are `\n`, and a page or
    /// column break inside it is `PAGE_BREAK` then `\n`.
    pub text: String,
    /// Label rendered from Word's automatic numbering ("一、", "（一）"), shown before `text`.
    pub auto_number: Option<String>,
    /// Paragraph style name (docx), e.g. "heading 1" or "标题 1".
    pub style: Option<String>,
    /// Outline level 1..=9 from the paragraph or its style (docx).
    pub outline_level: Option<u8>,
    pub cell: Option<CellRef>,
    /// Where the paragraph sits in the .docx body XML, for writing comments beside it.
    pub anchor: Option<XmlAnchor>,
    /// Some of the text is a DATE or TIME field's result: it changes with the day the
    /// document is opened or printed.
    pub date_field: bool,
    /// Indented from the left by its own paragraph properties (`w:ind`), not by spaces.
    pub indented: bool,
    /// Part of a footnote or endnote (its `w:id`); notes come after the body.
    pub note: Option<u32>,
    /// The Word list and level the paragraph is numbered in, or would be by its style.
    pub list: Option<ListSlot>,
}

/// A place in one of Word's automatic lists (docx).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListSlot {
    pub num_id: u32,
    pub level: u32,
    /// The paragraph's style numbers it there, but the paragraph switched the number off
    /// (`numId` 0): Word shows no number.
    pub removed: bool,
}

/// Byte offsets of one body paragraph in the main document part's XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlAnchor {
    /// The `<` of the paragraph's start tag.
    pub tag: usize,
    /// Where paragraph content may begin: after the start tag, or after `w:pPr`.
    pub content: usize,
    /// The `<` of the paragraph's end tag (of the last paragraph, when a deleted mark
    /// joined several).
    pub end: usize,
}

/// Ends a piece of a paragraph's text before its `\n` where the break is a page or column
/// break, not a line break.
pub const PAGE_BREAK: char = '\u{000C}';

/// Where one line of `Document::text` came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    /// 0-based ordinal of the source paragraph (for text input: the line itself).
    pub paragraph: usize,
    pub cell: Option<CellRef>,
    pub style: Option<String>,
    pub outline_level: Option<u8>,
    /// Bytes at the start of the line that Word's automatic numbering rendered.
    pub auto_number_len: usize,
    /// The line starts after a page or column break inside its paragraph (Ctrl+Enter).
    pub after_page_break: bool,
    /// Its paragraph shows a DATE or TIME field's result.
    pub date_field: bool,
    /// Its paragraph is indented by formatting (see `Paragraph::indented`).
    pub indented: bool,
    /// Its paragraph is a footnote's or an endnote's, after the body and its 落款.
    pub note: bool,
    /// Its paragraph's place in a Word list (see `Paragraph::list`).
    pub list: Option<ListSlot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Byte range of the line in `Document::text`, without the newline.
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub name: String,
    pub format: Format,
    /// What the bytes were decoded from: "utf-8", "utf-8-bom", "utf-16le", "gb18030", "docx".
    pub encoding: &'static str,
    pub text: String,
    pub lines: Vec<Line>,
    /// What a .docx holds besides its text (nothing for text input).
    pub extras: WordExtras,
}

/// What a .docx body holds besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordExtras {
    /// Pictures: a body of scanned pages shows as few words.
    pub pictures: usize,
    /// Tracked changes not yet accepted or rejected (inserted, deleted, moved content).
    pub revisions: usize,
    /// The index among the paragraphs of the first one a tracked change stands in.
    pub first_revision: Option<usize>,
    /// Comments anchored in the body.
    pub comments: usize,
    /// The paragraphs of the page headers and footers Word shows, each text once.
    pub margins: Vec<MarginText>,
}

/// Where on the page a margin's text is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Margin {
    Header,
    Footer,
}

impl Margin {
    pub fn label(self) -> &'static str {
        match self {
            Margin::Header => "页眉",
            Margin::Footer => "页脚",
        }
    }
}

/// Which pages a header or footer is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Every page, or the odd ones when even pages have their own.
    Every,
    /// A section's first page ("首页不同").
    First,
    /// Even pages ("奇偶页不同").
    Even,
}

/// One paragraph of a page header or footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarginText {
    pub margin: Margin,
    pub pages: Pages,
    pub text: String,
}

impl MarginText {
    /// "页眉", "首页页眉", "偶数页页脚".
    pub fn place(&self) -> String {
        let pages = match self.pages {
            Pages::Every => "",
            Pages::First => "首页",
            Pages::Even => "偶数页",
        };
        format!("{pages}{}", self.margin.label())
    }
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl Document {
    /// Builds a document from text whose line breaks are already `\n`.
    pub fn from_text(name: &str, format: Format, encoding: &'static str, text: String) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, piece) in text.split('\n').enumerate() {
            let end = start + piece.len();
            lines.push(Line {
                start,
                end,
                origin: Origin {
                    paragraph: i,
                    ..Origin::default()
                },
            });
            start = end + 1;
        }
        Document {
            name: name.to_string(),
            format,
            encoding,
            text,
            lines,
            extras: WordExtras::default(),
        }
    }

    /// Builds a document from paragraphs; a paragraph with soft breaks spans several lines.
    pub fn from_paragraphs(name: &str, paragraphs: Vec<Paragraph>) -> Self {
        let mut text = String::new();
        let mut lines = Vec::new();
        for (i, p) in paragraphs.into_iter().enumerate() {
            let label = p.auto_number.unwrap_or_default();
            let mut first = true;
            // A page break inside the paragraph is a line break the reader marks with \f.
            let mut after_page_break = false;
            for piece in p.text.split('\n') {
                let page_break = piece.ends_with(PAGE_BREAK);
                let piece = piece.strip_suffix(PAGE_BREAK).unwrap_or(piece);
                if !text.is_empty() || !lines.is_empty() {
                    text.push('\n');
                }
                let start = text.len();
                let auto_number_len = if first { label.len() } else { 0 };
                if first {
                    text.push_str(&label);
                }
                text.push_str(piece);
                lines.push(Line {
                    start,
                    end: text.len(),
                    origin: Origin {
                        paragraph: i,
                        cell: p.cell,
                        style: p.style.clone(),
                        outline_level: p.outline_level,
                        auto_number_len,
                        after_page_break,
                        date_field: p.date_field,
                        indented: p.indented,
                        note: p.note.is_some(),
                        list: p.list,
                    },
                });
                first = false;
                after_page_break = page_break;
            }
        }
        if lines.is_empty() {
            lines.push(Line {
                start: 0,
                end: 0,
                origin: Origin::default(),
            });
        }
        Document {
            name: name.to_string(),
            format: Format::Docx,
            encoding: "docx",
            text,
            lines,
            extras: WordExtras::default(),
        }
    }

    /// The text of line `i` (0-based), without its newline.
    pub fn line(&self, i: usize) -> &str {
        let l = &self.lines[i];
        &self.text[l.start..l.end]
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The first line of the footnotes and endnotes, which follow everything else; the
    /// line count when there are none. The report's own layout (title, parts, 落款, 版记)
    /// ends before it.
    pub fn notes_start(&self) -> usize {
        self.lines.partition_point(|l| !l.origin.note)
    }

    /// Lines `i` and `j` are one paragraph: a Word paragraph broken by soft line breaks
    /// (Shift+Enter) or a page break. A text file's lines are paragraphs of their own.
    pub fn same_paragraph(&self, i: usize, j: usize) -> bool {
        match (self.lines.get(i), self.lines.get(j)) {
            (Some(a), Some(b)) => a.origin.paragraph == b.origin.paragraph,
            _ => false,
        }
    }

    /// 0-based index of the line holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.lines.binary_search_by(|l| l.start.cmp(&offset)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// 1-based line and character column of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let i = self.line_index(offset);
        let l = &self.lines[i];
        let upto = offset.clamp(l.start, l.end.max(l.start));
        let column = self.text[l.start..upto].chars().count() + 1;
        Position {
            line: i + 1,
            column,
        }
    }

    /// A cursor for finding many positions in order; see `PositionCursor`.
    pub fn cursor(&self) -> PositionCursor<'_> {
        PositionCursor {
            doc: self,
            last: Mutex::new(None),
        }
    }

    /// True when nothing but whitespace was read.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Positions of offsets asked for in about increasing order (findings are sorted), each
/// counted from the previous one when it is on the same line: a long line with many
/// findings is walked once instead of once per finding.
pub struct PositionCursor<'a> {
    doc: &'a Document,
    /// Line index, byte offset and 1-based column of the last answer (a lock only because
    /// miette wants its sources `Sync`).
    last: Mutex<Option<(usize, usize, usize)>>,
}

impl PositionCursor<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let doc = self.doc;
        let i = doc.line_index(offset);
        let l = &doc.lines[i];
        let at = offset.clamp(l.start, l.end.max(l.start));
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let column = match *last {
            Some((line, byte, col)) if line == i && byte <= at => {
                col + doc.text[byte..at].chars().count()
            }
            Some((line, byte, col)) if line == i => col - doc.text[at..byte].chars().count(),
            _ => doc.text[l.start..at].chars().count() + 1,
        };
        *last = Some((i, at, column));
        Position {
            line: i + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_agrees_with_position_in_any_order() {
        let d = Document::from_text(
            "a",
            Format::Text,
            "utf-8",
            "标题\n区政府：好的，很好\n三".to_string(),
        );
        let offsets: Vec<usize> = (0..=d.text.len())
            .filter(|&o| d.text.is_char_boundary(o))
            .collect();
        let cursor = d.cursor();
        for &o in offsets.iter().chain(offsets.iter().rev()).step_by(3) {
            assert_eq!(cursor.position(o), d.position(o), "offset {o}");
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let d = Document::from_text("a", Format::Text, "utf-8", "标题\n区政府：好".to_string());
        let off = d.text.find('好').unwrap();
        assert_eq!(d.position(off), Position { line: 2, column: 5 });
        assert_eq!(d.line(1), "区政府：好");
    }

    #[test]
    fn paragraphs_carry_auto_numbers_and_soft_breaks() {
        let d = Document::from_paragraphs(
            "a.docx",
            vec![
                Paragraph {
                    text: "主要举措".into(),
                    auto_number: Some("一、".into()),
                    ..Paragraph::default()
                },
                Paragraph {
                    text: "甲\n乙".into(),
                    ..Paragraph::default()
                },
            ],
        );
        assert_eq!(d.text, "一、主要举措\n甲\n乙");
        assert_eq!(d.lines[0].origin.auto_number_len, "一、".len());
        assert_eq!(d.lines[2].origin.paragraph, 1);
    }
}
