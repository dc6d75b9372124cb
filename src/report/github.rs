//! GitHub Actions workflow commands: one `::error file=…` annotation per finding, and a
//! notice for each report not checked.

use super::{Reporter, Totals, Unchecked, located, summary_line};
use crate::FileReport;
use crate::diagnostic::Severity;
use std::io::{self, Write};

#[derive(Default)]
pub struct Github {
    /// Reports in formats not read (.pdf, .doc): a notice each, as CI shows no stderr
    /// beside the annotations.
    unchecked: Vec<Unchecked>,
}

/// Escaping of workflow-command data (the message); control characters from the report's
/// text (ESC, bidi overrides), which a CI log would obey, become visible stand-ins.
fn data(s: &str) -> String {
    super::sanitize(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of workflow-command properties (file, title).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        if let Some(e) = &r.error {
            return writeln!(
                w,
                "::error file={},title={}::{}",
                property(&r.path),
                property("gwlint 无法读取"),
                data(&e.message)
            );
        }
        let Some(doc) = &r.document else {
            return Ok(());
        };
        for (d, at) in located(doc, &r.diagnostics) {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                w,
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&r.path),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                property(&format!("{} {}", d.rule.code, d.rule.name)),
                data(&if d.help.is_empty() {
                    d.message.to_string()
                } else {
                    format!("{}。建议：{}", d.message, d.help)
                })
            )?;
        }
        Ok(())
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.unchecked.extend_from_slice(files);
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        for u in &self.unchecked {
            writeln!(
                w,
                "::notice file={},title={}::{}",
                property(&u.path),
                property("gwlint 未检查"),
                data(u.reason)
            )?;
        }
        writeln!(w, "{}", summary_line(totals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50%\n下一行"), "50%25%0A下一行");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
