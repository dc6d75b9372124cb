//! SARIF 2.1.0 for code-scanning dashboards: every rule with its documentation, columns
//! counted in Unicode code points, unreadable files as tool notifications.

use super::{Reporter, Totals, Unchecked, located};
use crate::FileReport;
use crate::diagnostic::{RuleMeta, Severity};
use crate::document::Format;
use crate::rules;
use serde_json::{Value, json};
use std::io::{self, Write};

#[derive(Default)]
pub struct Sarif {
    results_written: usize,
    started: bool,
    notifications: Vec<Value>,
    /// A file could not be read: the run did not do all it was asked.
    failed: bool,
    /// Every rule a result may name, in the order of `tool.driver.rules`: the built-in
    /// ones, then the custom rules of the configurations in use.
    rules: Vec<&'static RuleMeta>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl Sarif {
    pub fn with_custom(custom: &[&'static RuleMeta]) -> Sarif {
        Sarif {
            rules: rules::all().chain(custom.iter().copied()).collect(),
            ..Sarif::default()
        }
    }

    fn rule_index(&self, code: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.code == code)
    }

    fn start(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| {
                json!({
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": {"text": r.summary},
                    "fullDescription": {"text": r.doc},
                    "help": {"text": r.doc},
                    "defaultConfiguration": {"level": level(r.severity)},
                    "properties": {"category": r.category.as_str()},
                })
            })
            .collect();
        let driver = json!({
            "name": "gwlint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        write!(
            w,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{}}},\"columnKind\":\"unicodeCodePoints\",\"results\":[",
            driver
        )
    }
}

impl Reporter for Sarif {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        self.start(w)?;
        if let Some(e) = &r.error {
            self.failed = true;
            self.notifications.push(json!({
                "level": "error",
                "message": {"text": format!("无法读取 {}：{}", r.path, e.message)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&r.path)}}}],
                "properties": {"kind": e.kind.as_str()},
            }));
            return Ok(());
        }
        let Some(doc) = &r.document else {
            return Ok(());
        };
        for (d, at) in located(doc, &r.diagnostics) {
            let mut result = json!({
                "ruleId": d.rule.code,
                "level": level(d.severity),
                "message": {"text": format!("{}\n{}", d.message, d.help)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(&r.path)},
                    "region": {
                        "startLine": at.line,
                        "startColumn": at.column,
                        "endLine": at.end_line,
                        "endColumn": at.end_column,
                        "snippet": {"text": at.excerpt},
                    },
                }}],
                // Code-scanning dashboards track a finding across edits by this.
                "partialFingerprints": {"gwlint/v1": crate::baseline::fingerprint(doc, d)},
            });
            // A fix is a change to the file's text: a .docx is never edited that way.
            // (A rule SARIF does not list is named by its id alone.)
            if let Some(k) = self.rule_index(d.rule.code) {
                result["ruleIndex"] = k.into();
            }
            if let Some(fix) = d.fix.as_ref().filter(|_| doc.format != Format::Docx) {
                result["fixes"] = json!([{
                    "description": {"text": if fix.safe { "可安全自动修复" } else { "建议修改" }},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri(&r.path)},
                        "replacements": [{
                            "deletedRegion": {
                                "startLine": at.line,
                                "startColumn": at.column,
                                "endLine": at.end_line,
                                "endColumn": at.end_column,
                            },
                            "insertedContent": {"text": fix.replacement},
                        }],
                    }],
                }]);
            }
            if self.results_written > 0 {
                w.write_all(b",")?;
            }
            self.results_written += 1;
            serde_json::to_writer(&mut *w, &result).map_err(super::json::to_io)?;
        }
        Ok(())
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.notifications.extend(files.iter().map(|f| {
            json!({
                "level": "warning",
                "message": {"text": format!("未检查 {}：{}", f.path, f.reason)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&f.path)}}}],
                "properties": {"kind": f.kind},
            })
        }));
    }

    fn finish(&mut self, w: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        self.start(w)?;
        let invocation = json!([{
            "executionSuccessful": !self.failed,
            "toolExecutionNotifications": self.notifications,
        }]);
        writeln!(w, "],\"invocations\":{invocation}}}]}}")
    }
}

/// A path as a URI reference (SARIF 3.10.2): "/" separators, every byte outside the
/// unreserved set percent-encoded ("各区/a.txt" → "%E5%90%84%E5%8C%BA/a.txt").
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("各区/a b.txt"), "%E5%90%84%E5%8C%BA/a%20b.txt");
        assert_eq!(uri("reports\\x.docx"), "reports/x.docx");
        assert_eq!(uri("./a-1_~.txt"), "./a-1_~.txt");
    }
}
