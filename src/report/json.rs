//! The JSON contract of design.md (version 1), written file by file.

use super::{Reporter, Totals, Unchecked, located};
use crate::FileReport;
use crate::diagnostic::Fix;
use serde::Serialize;
use std::io::{self, Write};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonError<'a> {
    kind: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    help: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    length: usize,
    excerpt: &'a str,
    /// Stable from run to run; what `--baseline` matches.
    fingerprint: String,
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    format: Option<&'a str>,
    encoding: Option<&'a str>,
    /// The issuing body and reported year the summary shows, for scripts that rank units.
    issuer: Option<&'a str>,
    year: Option<i32>,
    /// The 成文日期 as YYYY-MM-DD, when it is a real date.
    date: Option<String>,
    /// The gwlint.toml the file was checked with; `null`: the defaults.
    config: Option<String>,
    error: Option<JsonError<'a>>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Default)]
pub struct Json {
    files_written: usize,
    unchecked: Vec<Unchecked>,
}

/// `{"version":…,"tool":…,"files":[`, which the baseline file opens with too.
pub(super) fn write_header(w: &mut dyn Write) -> io::Result<()> {
    write!(
        w,
        "{{\"version\":{VERSION},\"tool\":{{\"name\":\"gwlint\",\"version\":\"{}\"}},\"files\":[",
        env!("CARGO_PKG_VERSION")
    )
}

/// serde_json's error as an I/O error: one that came from the writer keeps its kind, so a
/// reader that stopped early ("| head") is not reported as a failure.
pub(crate) fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

impl Reporter for Json {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        if self.files_written == 0 {
            write_header(w)?;
        } else {
            w.write_all(b",")?;
        }
        self.files_written += 1;
        let diagnostics = match &r.document {
            Some(doc) => located(doc, &r.diagnostics)
                .map(|(d, at)| JsonDiagnostic {
                    code: d.rule.code,
                    rule: d.rule.name,
                    category: d.rule.category.as_str(),
                    severity: d.severity.as_str(),
                    message: &d.message,
                    help: &d.help,
                    line: at.line,
                    column: at.column,
                    end_line: at.end_line,
                    end_column: at.end_column,
                    offset: at.offset,
                    length: at.length,
                    excerpt: at.excerpt,
                    fingerprint: crate::baseline::fingerprint(doc, d),
                    fix: d.fix.as_ref(),
                })
                .collect(),
            None => Vec::new(),
        };
        let file = JsonFile {
            path: &r.path,
            format: r
                .document
                .as_ref()
                .map(|d| d.format)
                .or(r.format)
                .map(|f| f.as_str()),
            encoding: r.document.as_ref().map(|d| d.encoding),
            issuer: r.facts.issuer.as_deref(),
            year: r.facts.year,
            date: r
                .facts
                .date
                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            config: r.config.as_ref().map(|p| p.display().to_string()),
            error: r.error.as_ref().map(|e| JsonError {
                kind: e.kind.as_str(),
                message: &e.message,
            }),
            diagnostics,
        };
        serde_json::to_writer(&mut *w, &file).map_err(to_io)
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.unchecked = files.to_vec();
    }

    fn finish(&mut self, w: &mut dyn Write, t: &Totals) -> io::Result<()> {
        if self.files_written == 0 {
            write_header(w)?;
        }
        // Reports in formats not read (.doc, .pdf): a script must not take them for clean.
        w.write_all(b"],\"unchecked\":")?;
        serde_json::to_writer(&mut *w, &self.unchecked).map_err(to_io)?;
        writeln!(
            w,
            ",\"summary\":{{\"files\":{},\"failed\":{},\"errors\":{},\"warnings\":{},\"infos\":{}}}}}",
            t.files, t.failed, t.errors, t.warnings, t.infos
        )
    }
}
