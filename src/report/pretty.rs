//! Human output through miette: the line, an underline under the exact characters, the
//! rule code and a hint. Line positions come from the document's own line index, so
//! rendering stays linear in the number of findings (engineering.md §2.3).

use super::{Options, Reporter, Totals, display_name, finding_text, sanitize, summary_line};
use crate::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

pub struct Pretty {
    /// Columns of the terminal or of `COLUMNS`.
    width: usize,
    /// Findings in a .docx were shown, whose line numbers need a word.
    docx_shown: bool,
    handler: GraphicalReportHandler,
    /// For findings in long paragraphs: no context lines, and only a window of the line.
    tight: GraphicalReportHandler,
    /// Lines longer than this (in characters) are shown as a window around the finding,
    /// at most this long.
    long_line: usize,
}

/// Columns laid out for when the output goes to no terminal.
const DEFAULT_WIDTH: usize = 100;
/// Columns taken by miette's gutter ("  12 │ ") and margins.
const GUTTER: usize = 12;
/// Characters of a long line shown however narrow the terminal.
const MIN_SHOWN: usize = 14;
/// Characters shown on each side of a finding in a window, at least.
const MIN_SIDE: usize = 4;
/// Lines shown above and below a finding on short lines.
const CONTEXT_LINES: usize = 1;
/// Marks where a window cuts its line.
const CUT: &str = "…";

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
        let width = options.width.unwrap_or(DEFAULT_WIDTH);
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(width)
            .with_wrap_lines(false);
        let long_line = (width.saturating_sub(GUTTER) / 2).max(MIN_SHOWN);
        Pretty {
            width,
            docx_shown: false,
            tight: handler.clone().with_context_lines(0),
            handler: handler.with_context_lines(CONTEXT_LINES),
            long_line,
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
            let span = d.span.start..d.span.end.max(d.span.start);
            let (snippet, label) = if window {
                Snippet::window(doc, &text, span, self.long_line)
            } else {
                Snippet::lines(doc, &text, span, CONTEXT_LINES)
            };
            let at = cursor.position(d.span.start);
            let source = DocSource {
                snippet,
                name,
                line: at.line - 1,
                column: at.column - 1,
            };
            let item = Item {
                d,
                label,
                source: d.in_text.then_some(&source),
                name,
                // The level in words: ×, ⚠ and ☞ alone say nothing without colour.
                code: format!("{}({}) {}", d.rule.code, d.rule.name, d.severity.label_zh()),
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
        held.write(w, self.width)
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

    fn write(&self, w: &mut dyn Write, width: usize) -> io::Result<()> {
        for (d, _, lines) in self.rules.iter().filter(|(.., l)| !l.is_empty()) {
            let mut listed: Vec<String> = lines.iter().map(usize::to_string).collect();
            listed.dedup();
            let more = if listed.len() > LINES_LISTED {
                "等"
            } else {
                ""
            };
            listed.truncate(LINES_LISTED);
            let note = format!(
                "  … {}({}) 另有 {} 处未逐一显示（第 {} 行{more}）；用 --format concise 列出全部",
                d.rule.code,
                d.rule.name,
                lines.len(),
                listed.join("、"),
            );
            writeln!(w, "{}\n", finding_text::wrapped(&note, width, "    "))?;
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
                "  × {}：{}\n    {}\n",
                display_name(&r.path),
                e.kind.headline(),
                sanitize(&e.message)
            );
        }
        let Some(doc) = &r.document else {
            return Ok(());
        };
        self.docx_shown |= doc.format == Format::Docx && !r.diagnostics.is_empty();
        self.render_all(w, doc, &display_name(&r.path), &r.diagnostics)
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        // Word shows pages, not lines: say what a .docx's line number counts.
        if self.docx_shown {
            writeln!(
                w,
                "（.docx 的行号指 gwlint extract 输出的文本行：每个段落、每个表格单元格各占一行。在 Word 中可按 Ctrl+F 搜索所示文字，或用 --annotate 批注 生成在原处带批注的副本）"
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
    if n == 0 {
        return at;
    }
    text[floor..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(floor, |(i, _)| floor + i)
}

/// Byte offset `n` characters after `at`, not after `ceil`.
fn forward_chars(text: &str, at: usize, ceil: usize, n: usize) -> usize {
    text[at..ceil]
        .char_indices()
        .nth(n)
        .map_or(ceil, |(i, _)| at + i)
}

/// What one finding shows of its document, with the offsets of the document so that its
/// label lands on the right characters: whole lines, or a window of a long line with
/// "…" where the window cuts it.
struct Snippet {
    data: String,
    /// Offset in the document that `data` starts at (a leading "…" counted before it).
    offset: usize,
    first_line: usize,
    line_count: usize,
}

impl Snippet {
    /// The lines of `span` and `context` lines on each side; the label is `span`.
    fn lines(
        doc: &Document,
        text: &str,
        span: Range<usize>,
        context: usize,
    ) -> (Self, Range<usize>) {
        let first = doc.line_index(span.start).saturating_sub(context);
        let last_of_span = doc.line_index(span.end.saturating_sub(1).max(span.start));
        let last = (last_of_span + context).min(doc.line_count() - 1);
        let (start, end) = (doc.lines[first].start, doc.lines[last].end);
        let mut data = text[start..end].to_string();
        // A point at the end of a text with no final newline: miette draws a label only
        // on a character or a line's end.
        if span.start >= end {
            data.push('\n');
        }
        let snippet = Snippet {
            data,
            offset: start,
            first_line: first,
            line_count: last - first + 1,
        };
        // A span may end past its last line, on the newline.
        let label = span.start..span.end.min(end).max(span.start);
        (snippet, label)
    }

    /// At most `room` characters of the long line holding `span`: the finding in the
    /// middle, a long finding cut after its start. A finding across lines keeps its
    /// lines, cut on the outer sides. The label is what is shown of `span`.
    fn window(doc: &Document, text: &str, span: Range<usize>, room: usize) -> (Self, Range<usize>) {
        let first_line = doc.line_index(span.start);
        let last_line = doc.line_index(span.end.saturating_sub(1).max(span.start));
        let (lf, ll) = (&doc.lines[first_line], &doc.lines[last_line]);
        // A span may end past its last line, on the newline: shown up to the line's end.
        let span = span.start..span.end.min(ll.end).max(span.start);
        let span_chars = text[span.clone()].chars().count();
        let most = room.saturating_sub(2 * MIN_SIDE).max(1);
        let (label, side) = if last_line > first_line {
            (span.clone(), (room / 2).saturating_sub(2).max(MIN_SIDE))
        } else if span_chars > most {
            (
                span.start..forward_chars(text, span.start, span.end, most),
                MIN_SIDE,
            )
        } else {
            (span.clone(), ((room - span_chars) / 2).max(MIN_SIDE))
        };
        let clipped = label.end < span.end;
        let start = back_chars(text, lf.start, label.start, side);
        let end = if clipped {
            label.end
        } else {
            forward_chars(text, label.end, ll.end, side)
        };
        // The "…" before takes the place of bytes before `start`, so offsets hold.
        let cut_before = start > lf.start && start >= CUT.len();
        let mut data = String::with_capacity(end - start + 2 * CUT.len());
        if cut_before {
            data.push_str(CUT);
        }
        data.push_str(&text[start..end]);
        if end < ll.end {
            data.push_str(CUT);
        }
        if label.start >= end {
            data.push('\n');
        }
        let offset = if cut_before { start - CUT.len() } else { start };
        let snippet = Snippet {
            data,
            offset,
            first_line,
            line_count: last_line - first_line + 1,
        };
        (snippet, label)
    }
}

/// One finding's snippet as miette reads it, with the finding's line and character
/// column (0-based) for the heading miette reads without context.
struct DocSource<'a> {
    snippet: Snippet,
    name: &'a str,
    line: usize,
    column: usize,
}

impl SourceCode for DocSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let s = &self.snippet;
        let inside =
            span.offset() >= s.offset && span.offset() + span.len() <= s.offset + s.data.len();
        if !inside {
            return Err(MietteError::OutOfBounds);
        }
        let first_line = if before == 0 && after == 0 {
            self.line
        } else {
            s.first_line
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            s.data.as_bytes(),
            (s.offset, s.data.len()).into(),
            first_line,
            self.column,
            s.line_count,
        )))
    }
}

struct Item<'a> {
    d: &'a Diagnostic,
    /// What the underline covers: the finding, or the start of a long one.
    label: Range<usize>,
    /// None for what the text does not hold: the snippet would show an unrelated line.
    source: Option<&'a DocSource<'a>>,
    /// The file, named in the message when no snippet names it.
    name: &'a str,
    code: String,
}

impl fmt::Debug for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.source {
            Some(_) => f.write_str(&sanitize(&self.d.message)),
            None => write!(f, "{}：{}", self.name, sanitize(&self.d.message)),
        }
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
        self.source.map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source?;
        let label = LabeledSpan::new_primary_with_span(
            Some(self.d.rule.summary.to_string()),
            self.label.clone(),
        );
        Some(Box::new(std::iter::once(label)))
    }
}
