//! `path:line:col: severity[code] message` — one line per finding, for hooks and editors.

use super::{Reporter, Totals, located, sanitize, summary_line};
use crate::FileReport;
use std::io::{self, Write};

pub struct Concise;

impl Reporter for Concise {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        if let Some(e) = &r.error {
            return writeln!(
                w,
                "{}: error[{}] 无法读取：{}",
                r.path,
                e.kind.as_str(),
                sanitize(&e.message)
            );
        }
        let Some(doc) = &r.document else {
            return Ok(());
        };
        for (d, at) in located(doc, &r.diagnostics) {
            writeln!(
                w,
                "{}:{}:{}: {}[{}] {}",
                r.path,
                at.line,
                at.column,
                d.severity.as_str(),
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
