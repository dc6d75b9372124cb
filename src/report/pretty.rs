//! Human output through miette: the line, an underline under the exact characters, the
//! rule code and a hint. Line positions come from the document's own line index, so
//! rendering stays linear in the number of findings (engineering.md §2.3).

use super::{Options, Reporter, Totals, finding_text, sanitize, summary_line};
use crate::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format, PositionCursor};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

pub struct Pretty {
    /// Columns of the terminal or of `COLUMNS`.
    width: usize,
    /// Findings in a .docx were shown, whose line numbers need a word.
    docx_shown: bool,
    handler: GraphicalReportHandler,
    /// For findings in long paragraphs: no context lines, and only a window of the line.
    tight: GraphicalReportHandler,
    /// Lines longer than this (in characters) are shown as a window around the finding.
    long_line: usize,
    /// Characters shown on each side of a finding inside a long line.
    window: usize,
}

/// Columns taken by miette's gutter ("  12 │ ") and margins.
const GUTTER: usize = 12;

impl Pretty {
    pub fn new(options: &Options) -> Self {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        // A Chinese character takes two columns: a line fits when twice its length does.
        // Messages are not wrapped: a break could fall inside a quoted correction, which
        // is what the reader copies; the terminal wraps a long one.
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(options.width)
            .with_wrap_lines(false);
        let long_line = (options.width.saturating_sub(GUTTER) / 2).max(20);
        Pretty {
            width: options.width,
            docx_shown: false,
            tight: handler.clone().with_context_lines(0),
            handler: handler.with_context_lines(1),
            long_line,
            window: (long_line / 2).saturating_sub(2).max(8),
        }
    }

    /// Renders every finding of one document; the text is sanitized once, not per finding.
    pub fn render_all(
        &self,
        w: &mut dyn Write,
        doc: &Document,
        name: &str,
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        let text = sanitize(&doc.text);
        let cursor = doc.cursor();
        let mut out = String::new();
        let mut held = HeldBack::default();
        for d in diags {
            if held.holds(doc, d) {
                continue;
            }
            let window = touches_long_line(doc, d, self.long_line);
            let source = DocSource {
                doc,
                cursor: &cursor,
                text: &text,
                name,
                window: window.then_some(self.window),
            };
            let item = Item {
                d,
                source: &source,
                code: format!("{}({})", d.rule.code, d.rule.name),
            };
            let handler = if window { &self.tight } else { &self.handler };
            out.clear();
            if handler.render_report(&mut out, &item).is_err() {
                out = format!(
                    "{name}: {}[{}] {}\n",
                    d.severity.as_str(),
                    d.rule.code,
                    d.message
                );
            }
            // A blank line between findings: each is a block of its own.
            w.write_all(finding_text::localize(&out, self.width).as_bytes())?;
            w.write_all(b"\n")?;
        }
        held.write(w)
    }
}

/// Findings of one rule shown in full per file; a document converted to half-width marks
/// would otherwise bury the other findings under a hundred identical ones.
const SHOWN_PER_RULE: usize = 10;
/// Line numbers listed for the findings not shown.
const LINES_LISTED: usize = 8;

/// The findings past `SHOWN_PER_RULE` of each rule, in order of first appearance.
#[derive(Default)]
struct HeldBack<'a> {
    /// (rule, findings seen, lines of those held back).
    rules: Vec<(&'a Diagnostic, usize, Vec<usize>)>,
}

impl<'a> HeldBack<'a> {
    /// Counts `d`; true when it is past the cap and only its line is kept.
    fn holds(&mut self, doc: &Document, d: &'a Diagnostic) -> bool {
        let k = match self
            .rules
            .iter()
            .position(|(r, ..)| r.rule.code == d.rule.code)
        {
            Some(k) => k,
            None => {
                self.rules.push((d, 0, Vec::new()));
                self.rules.len() - 1
            }
        };
        let (_, seen, lines) = &mut self.rules[k];
        *seen += 1;
        if *seen <= SHOWN_PER_RULE {
            return false;
        }
        lines.push(doc.line_index(d.span.start) + 1);
        true
    }

    fn write(&self, w: &mut dyn Write) -> io::Result<()> {
        for (d, _, lines) in self.rules.iter().filter(|(.., l)| !l.is_empty()) {
            let mut listed: Vec<String> = lines.iter().map(usize::to_string).collect();
            listed.dedup();
            let more = if listed.len() > LINES_LISTED {
                "等"
            } else {
                ""
            };
            listed.truncate(LINES_LISTED);
            writeln!(
                w,
                "  … {}({}) 另有 {} 处未逐一显示（第 {} 行{more}）；用 --format concise 列出全部\n",
                d.rule.code,
                d.rule.name,
                lines.len(),
                listed.join("、"),
            )?;
        }
        Ok(())
    }
}

impl Reporter for Pretty {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        if let Some(e) = &r.error {
            // The kind is for scripts (JSON, concise); the reader gets the cause.
            return writeln!(
                w,
                "  × {}：无法读取\n    {}\n",
                r.path,
                sanitize(&e.message)
            );
        }
        let Some(doc) = &r.document else {
            return Ok(());
        };
        self.docx_shown |= doc.format == Format::Docx && !r.diagnostics.is_empty();
        self.render_all(w, doc, &r.path, &r.diagnostics)
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        // Word shows pages, not lines: say what a .docx's line number counts.
        if self.docx_shown {
            writeln!(
                w,
                "（.docx 的行号指 gwlint extract 输出的文本行：每个段落、每个表格单元格各占一行）"
            )?;
        }
        writeln!(w, "{}", summary_line(totals))
    }
}

fn touches_long_line(doc: &Document, d: &Diagnostic, long_line: usize) -> bool {
    let first = doc.line_index(d.span.start).saturating_sub(1);
    let last = (doc.line_index(d.span.end) + 1).min(doc.line_count() - 1);
    (first..=last).any(|i| doc.line(i).chars().nth(long_line).is_some())
}

/// Byte offset `n` characters before `at`, not before `floor`.
fn back_chars(text: &str, floor: usize, at: usize, n: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(floor, |(i, _)| floor + i)
}

/// Byte offset `n` characters after `at`, not after `ceil`.
fn forward_chars(text: &str, at: usize, ceil: usize, n: usize) -> usize {
    text[at..ceil]
        .char_indices()
        .nth(n)
        .map_or(ceil, |(i, _)| at + i)
}

/// The document as miette sees it: contents are sliced by the precomputed line index and
/// the column reported is a character column.
struct DocSource<'a> {
    doc: &'a Document,
    /// Shared by the findings of the document, which come in order.
    cursor: &'a PositionCursor<'a>,
    /// `doc.text` with terminal control characters replaced (same byte offsets).
    text: &'a str,
    name: &'a str,
    /// Show only this many characters on each side of the finding (with zero context
    /// lines).
    window: Option<usize>,
}

impl SourceCode for DocSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let doc = self.doc;
        let first_of_span = doc.line_index(start);
        let last_of_span = doc.line_index(end.saturating_sub(1).max(start));
        let first = first_of_span.saturating_sub(before);
        let last = (last_of_span + after).min(doc.line_count() - 1);
        let mut data_start = doc.lines[first].start;
        let mut data_end = doc.lines[last].end;
        if let Some(side) = self.window
            && first == first_of_span
            && last == last_of_span
        {
            // A span may end past its last line, on the text's final newline.
            data_start = back_chars(self.text, data_start, start.max(data_start), side);
            data_end = forward_chars(self.text, end.min(data_end), data_end, side);
        }
        let column = self.cursor.position(start).column - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &self.text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            first,
            column,
            last - first + 1,
        )))
    }
}

struct Item<'a> {
    d: &'a Diagnostic,
    source: &'a DocSource<'a>,
    code: String,
}

impl fmt::Debug for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&sanitize(&self.d.message))
    }
}

impl std::error::Error for Item<'_> {}

impl miette::Diagnostic for Item<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.d.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.d.span.start..self.d.span.end.max(self.d.span.start);
        let label = LabeledSpan::new_primary_with_span(Some(self.d.rule.summary.to_string()), span);
        Some(Box::new(std::iter::once(label)))
    }
}
