//! `path:line:col: severity[code] message` — one line per finding, for hooks and editors.

use super::layout::Layout;
use super::{Options, Reporter, Totals, display_name, located, sanitize, summary_line};
use crate::FileReport;
use crate::diagnostic::Severity;
use owo_colors::Style;
use std::io::{self, Write};

pub struct Concise {
    /// Places in bold and each severity in its colour, as the pretty output draws them.
    layout: Layout,
}

impl Concise {
    pub fn new(options: &Options) -> Concise {
        Concise {
            layout: Layout {
                width: options.width,
                color: options.color,
            },
        }
    }

    fn severity(&self, severity: Severity) -> String {
        let style = match severity {
            Severity::Error => Style::new().red().bold(),
            Severity::Warning => Style::new().yellow().bold(),
            Severity::Info => Style::new().cyan().bold(),
        };
        self.layout.paint(severity.as_str(), style)
    }
}

impl Reporter for Concise {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        if let Some(e) = &r.error {
            return writeln!(
                w,
                "{}: {}[{}] {}：{}",
                self.layout.strong(&display_name(&r.path)),
                self.severity(Severity::Error),
                e.kind.as_str(),
                e.kind.headline(),
                sanitize(&e.message)
            );
        }
        let Some(doc) = &r.document else {
            return Ok(());
        };
        for (d, at) in located(doc, &r.diagnostics) {
            let place = format!("{}:{}:{}", display_name(&r.path), at.line, at.column);
            writeln!(
                w,
                "{}: {}[{}] {}",
                self.layout.strong(&place),
                self.severity(d.severity),
                d.rule.code,
                sanitize(&d.message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        writeln!(w, "{}", summary_line(totals))
    }
}
