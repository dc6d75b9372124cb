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
        // Where relative paths start from, for a viewer opened elsewhere.
        let base = std::env::current_dir()
            .ok()
            .and_then(|d| d.to_str().map(|d| format!("{}/", uri(d))))
            .filter(|u| u.starts_with("file:"))
            .map(|u| format!(",\"originalUriBaseIds\":{}", json!({SRCROOT: {"uri": u}})))
            .unwrap_or_default();
        write!(
            w,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{driver}}}{base},\"columnKind\":\"unicodeCodePoints\",\"results\":["
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
                "locations": [{"physicalLocation": {"artifactLocation": artifact(&r.path)}}],
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
                    "artifactLocation": artifact(&r.path),
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
                        "artifactLocation": artifact(&r.path),
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
                "locations": [{"physicalLocation": {"artifactLocation": artifact(&f.path)}}],
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

/// The base of relative paths: the folder gwlint ran in (GitHub code scanning takes it as
/// the checkout's root).
const SRCROOT: &str = "%SRCROOT%";

/// A file's `artifactLocation`: an absolute path as a `file:` URI, a relative one against
/// `SRCROOT`.
fn artifact(path: &str) -> Value {
    let uri = uri(path);
    if uri.starts_with("file:") {
        json!({"uri": uri})
    } else {
        json!({"uri": uri, "uriBaseId": SRCROOT})
    }
}

/// A path as a URI (SARIF 3.10.2): "/" separators, every byte outside the unreserved set
/// percent-encoded ("各区/a.txt" → "%E5%90%84%E5%8C%BA/a.txt"); an absolute path, Unix or
/// Windows, as a `file:` URI ("/srv/a.txt" → "file:///srv/a.txt", "C:\a.txt" →
/// "file:///C:/a.txt").
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let drive = path
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/');
    let (mut out, rest) = if drive {
        (format!("file:///{}", &path[..2]), &path[2..])
    } else if path.starts_with('/') {
        ("file://".to_string(), path.as_str())
    } else {
        (String::new(), path.as_str())
    };
    for b in rest.bytes() {
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
        assert_eq!(
            uri("/srv/各区 1.txt"),
            "file:///srv/%E5%90%84%E5%8C%BA%201.txt"
        );
        assert_eq!(
            uri("C:\\报告\\a.docx"),
            "file:///C:/%E6%8A%A5%E5%91%8A/a.docx"
        );
        assert_eq!(uri("-"), "-");
    }
}
