//! Shared by the per-sample integration tests.
// Each test crate uses only some of these.
#![allow(dead_code)]

use gwlint::Linter;
use gwlint::diagnostic::Diagnostic;
use gwlint::report::located;
use std::path::Path;

/// (code, line, column) of the findings on `samples/<sample>` that `keep` selects.
pub fn findings_where(
    sample: &str,
    keep: impl Fn(&Diagnostic) -> bool,
) -> Vec<(String, usize, usize)> {
    let report = Linter::with_defaults().lint_path(&Path::new("samples").join(sample));
    assert!(report.error.is_none(), "{sample}: {:?}", report.error);
    let doc = report.document.as_ref().unwrap();
    located(doc, &report.diagnostics)
        .filter(|(d, _)| keep(d))
        .map(|(d, at)| (d.rule.code.to_string(), at.line, at.column))
        .collect()
}

pub fn owned(want: &[(&str, usize, usize)]) -> Vec<(String, usize, usize)> {
    want.iter()
        .map(|&(c, l, col)| (c.to_string(), l, col))
        .collect()
}
