//! Output formats. Each reporter is fed one `FileReport` at a time, in a fixed order, and
//! writes as it goes, so memory does not grow with the number of files.

pub mod baseline_file;
pub mod batch_notes;
pub mod concise;
pub mod csv;
pub mod expected;
pub mod file_summary;
pub mod finding_text;
pub mod folders;
pub mod github;
pub mod html;
pub mod json;
pub mod layout;
pub mod overview;
pub mod pretty;
pub mod sarif;
pub mod summary;
pub mod summary_csv;
pub mod tally;

use crate::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format, PositionCursor};
pub use expected::{Expected, Roster};
use std::borrow::Cow;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Pretty,
    Concise,
    Json,
    Sarif,
    Github,
    Csv,
    Html,
    /// The supervisor's table (`--summary`).
    Summary,
    /// The same, one CSV row per file (`--summary --format csv`).
    SummaryCsv,
    /// The findings to accept, as `--baseline` reads them.
    Baseline,
}

impl OutputFormat {
    pub const NAMES: &'static str = "pretty、concise、json、sarif、github、csv、html、baseline";

    /// By name, in any case ("JSON" as typed with Caps Lock on).
    pub fn parse(s: &str) -> Option<OutputFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pretty" => Some(OutputFormat::Pretty),
            "concise" => Some(OutputFormat::Concise),
            "json" => Some(OutputFormat::Json),
            "sarif" => Some(OutputFormat::Sarif),
            "github" => Some(OutputFormat::Github),
            "csv" => Some(OutputFormat::Csv),
            "html" => Some(OutputFormat::Html),
            "baseline" => Some(OutputFormat::Baseline),
            _ => None,
        }
    }

    /// The format an output file's extension implies ("report.html" → html).
    pub fn for_output(path: &std::path::Path) -> Option<OutputFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(OutputFormat::Html),
            "csv" => Some(OutputFormat::Csv),
            "json" => Some(OutputFormat::Json),
            "sarif" => Some(OutputFormat::Sarif),
            "txt" | "log" => Some(OutputFormat::Pretty),
            _ => None,
        }
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    /// Files that could not be read, or not checked for a broken gwlint.toml.
    pub failed: usize,
    /// Of `failed`, those read but not checked: their folder's gwlint.toml is broken.
    pub config_failed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings `--fix` would repair (safe fixes in text files).
    pub fixable: usize,
    /// Reports found in formats gwlint does not read, not among `files`.
    pub unchecked: usize,
}

impl Totals {
    /// `from_stdin`: --fix cannot write the text back, so its fixes are not offered.
    pub fn add(&mut self, r: &FileReport, from_stdin: bool) {
        self.files += 1;
        if let Some(e) = &r.error {
            self.failed += 1;
            if e.kind == crate::source::ErrorKind::Config {
                self.config_failed += 1;
            }
        }
        if !from_stdin && matches!(r.format, Some(Format::Text | Format::Markdown)) {
            self.fixable += r
                .diagnostics
                .iter()
                .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
                .count();
        }
        for d in &r.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

pub trait Reporter {
    fn file(&mut self, w: &mut dyn Write, report: &FileReport) -> io::Result<()>;
    /// Reports found in folders in formats gwlint does not read (.doc, .pdf), told before
    /// `finish`. The supervisor's and the machine-read outputs list them; the others leave
    /// them to stderr.
    fn unchecked(&mut self, _files: &[Unchecked]) {}
    /// Reports a folder's ignore files or a configuration's `exclude` left out, told
    /// before `finish`; only the supervisor's outputs list them.
    fn left_out(&mut self, _files: &[LeftOut]) {}
    /// The configurations used that check less than the defaults, told before `finish`;
    /// the summaries say so beside each.
    fn loosened(&mut self, _configs: &[Loosened]) {}
    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()>;
}

pub use crate::left_out::LeftOut;

/// A gwlint.toml used that checks less than the defaults (a unit's own may), and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loosened {
    /// The file, as the rows name it.
    pub config: String,
    /// "关闭了 2 条规则（GW0401、GW0402）".
    pub how: String,
}

/// A report that was found but not checked, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unchecked {
    pub path: String,
    /// `legacy-format` or `unsupported-format`, as for an unreadable file.
    pub kind: &'static str,
    pub reason: &'static str,
}

pub struct Options {
    pub color: bool,
    /// Columns of the terminal or of `COLUMNS`; `None` when the output goes to no
    /// terminal.
    pub width: Option<usize>,
    /// The lowest severity listed: a summary does not call a file clean that may only have
    /// findings left out.
    pub min_severity: Severity,
    /// The year and the units a supervisor expects (`--year`, `--roster`).
    pub expected: Expected,
    /// The custom rules of the configurations in use, which SARIF lists beside the
    /// built-in ones.
    pub custom_rules: Vec<&'static crate::diagnostic::RuleMeta>,
}

pub fn reporter(format: OutputFormat, options: &Options) -> Box<dyn Reporter> {
    match format {
        OutputFormat::Pretty => Box::new(pretty::Pretty::new(options)),
        OutputFormat::Concise => Box::new(concise::Concise::new(options)),
        OutputFormat::Json => Box::new(json::Json::default()),
        OutputFormat::Sarif => Box::new(sarif::Sarif::with_custom(&options.custom_rules)),
        OutputFormat::Github => Box::new(github::Github::default()),
        OutputFormat::Csv => Box::new(csv::Csv::default()),
        OutputFormat::Html => Box::new(html::Html::expecting(options.expected.clone())),
        OutputFormat::Summary => Box::new(summary::Summary::new(options)),
        OutputFormat::SummaryCsv => Box::new(summary_csv::SummaryCsv::new(options)),
        OutputFormat::Baseline => Box::new(baseline_file::BaselineFile::default()),
    }
}

/// Where a diagnostic is, in every unit some consumer wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<'a> {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub offset: usize,
    pub length: usize,
    pub excerpt: &'a str,
}

/// Each diagnostic (sorted by position, as `Linter` returns them) with where it is.
pub fn located<'a>(
    doc: &'a Document,
    diagnostics: &'a [Diagnostic],
) -> impl Iterator<Item = (&'a Diagnostic, Located<'a>)> + 'a {
    let cursor = doc.cursor();
    diagnostics
        .iter()
        .map(move |d| (d, locate(doc, &cursor, d)))
}

fn locate<'a>(doc: &'a Document, cursor: &PositionCursor, d: &Diagnostic) -> Located<'a> {
    let start = d.span.start.min(doc.text.len());
    let end = d.span.end.clamp(start, doc.text.len());
    let a = cursor.position(start);
    let b = cursor.position(end);
    Located {
        line: a.line,
        column: a.column,
        end_line: b.line,
        end_column: b.column,
        offset: start,
        length: end - start,
        excerpt: &doc.text[start..end],
    }
}

/// Replaces characters that would drive a terminal (ESC, bidi overrides) with visible
/// ones of the same UTF-8 length, so byte offsets into the text stay valid.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\t'))
            || is_bidi_override(c)
            || matches!(
                c,
                '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}'
            )
    };
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if !bad(c) {
                    c
                } else {
                    // Shown where they are, so a caret under one points at something;
                    // each stand-in is as long in UTF-8 as what it replaces.
                    match c {
                        '\u{200B}' | '\u{2060}' | '\u{FEFF}' => return '␣',
                        '\u{2028}' | '\u{2029}' => return '␤',
                        _ => {}
                    }
                    match c.len_utf8() {
                        1 => '?',
                        2 => '¿',
                        _ => '\u{FFFD}',
                    }
                }
            })
            .collect(),
    )
}

/// An embedding, override or isolate: text after it may be shown reordered.
pub fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A file's name or an issuer for the terminal: `sanitize`d, and a line break or a tab
/// in it shown too, so that a name cannot start a line of its own (a CI command) or
/// redraw the screen.
pub fn display_name(name: &str) -> Cow<'_, str> {
    let clean = sanitize(name);
    if !clean.contains(['\n', '\t']) {
        return clean;
    }
    Cow::Owned(clean.replace('\n', "␤").replace('\t', "␉"))
}

/// A diff for the terminal: each line `sanitize`d, its line break kept as it is.
pub fn terminal_diff(diff: &str) -> String {
    let mut out = String::with_capacity(diff.len());
    for line in diff.split_inclusive('\n') {
        let body = line.trim_end_matches(['\r', '\n']);
        out.push_str(&sanitize(body));
        out.push_str(&line[body.len()..]);
    }
    out
}

/// The folder a file is in, as its path shows it ("" for none).
pub(super) fn parent_folder(path: &str) -> &str {
    std::path::Path::new(path)
        .parent()
        .and_then(|p| p.to_str())
        .unwrap_or("")
}

/// "共检查 3 个文件：…；另有 1 个文件无法读取": a file that could not be read was not
/// checked, and is not counted as checked.
pub fn summary_line(t: &Totals) -> String {
    let checked = t.files.saturating_sub(t.failed);
    let unreadable = t.failed.saturating_sub(t.config_failed);
    let mut why: Vec<String> = Vec::new();
    if unreadable > 0 {
        why.push(format!("{unreadable} 个文件无法读取"));
    }
    if t.config_failed > 0 {
        why.push(format!(
            "{} 个文件因 gwlint.toml 有误未检查",
            t.config_failed
        ));
    }
    let why = why.join("，");
    let mut s = if checked == 0 && t.failed > 0 {
        format!("没有检查任何文件：{why}")
    } else {
        let mut s = format!(
            "共检查 {checked} 个文件：{} 个错误，{} 个警告，{} 个提示",
            t.errors, t.warnings, t.infos
        );
        if t.failed > 0 {
            s.push_str(&format!("；另有 {why}"));
        }
        s
    };
    if t.unchecked > 0 {
        s.push_str(&format!("；另有 {} 个文件格式不支持，未检查", t.unchecked));
    }
    if t.fixable > 0 {
        s.push_str(&format!("；其中 {} 处可用 --fix 自动修复", t.fixable));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_keeps_byte_lengths() {
        let s = "a\u{1b}[31m红\u{85}\u{202e}z";
        let out = sanitize(s);
        assert_eq!(out.len(), s.len());
        assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'));
        assert!(matches!(sanitize("正常"), Cow::Borrowed(_)));
        assert_eq!(display_name("a\n::error::x\t.txt"), "a␤::error::x␉.txt");
        assert_eq!(
            terminal_diff("-旧\u{1b}[8m\r\n+新\r\n"),
            "-旧?[8m\r\n+新\r\n"
        );
        // Invisible characters become visible ones of the same length.
        let s = "政府\u{200B}纳入\u{2028}年度";
        assert_eq!(sanitize(s), "政府␣纳入␤年度");
        assert_eq!(sanitize(s).len(), s.len());
    }
}
