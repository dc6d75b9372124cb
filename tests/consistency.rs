//! Number consistency (category `consistency`, GW04xx) on the bundled samples: the
//! arithmetic in the messages, and silence on every clean sample (the exact findings of
//! every sample are in tests/samples.rs).

mod common;

use gwlint::Linter;
use gwlint::diagnostic::{Category, Severity};
use std::path::Path;

/// (code, line, column) of the consistency findings on a sample.
fn consistency(sample: &str) -> Vec<(String, usize, usize)> {
    common::findings_where(sample, |d| d.rule.category == Category::Consistency)
}

#[test]
fn linshui_numbers_messages_show_the_arithmetic() {
    let report = Linter::with_defaults().lint_path(Path::new("samples/linshui-2024-numbers.txt"));
    let msgs: Vec<(&str, Severity, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.category == Category::Consistency)
        .map(|d| (d.rule.code, d.severity, d.message.as_str()))
        .collect();
    let find = |code: &str| msgs.iter().find(|m| m.0 == code).copied().unwrap();
    assert_eq!(
        find("GW0401"),
        (
            "GW0401",
            Severity::Error,
            "“其中”所列分项之和为23件（18+3+2），与总数24件不符"
        )
    );
    assert_eq!(
        find("GW0402").2,
        "所占比例应为80%（1080÷1350=80%），与所写的85%不符"
    );
    assert!(
        msgs.iter()
            .any(|m| m.2 == "合格率应为92.6%（352÷380≈92.63%），与所写的95%不符")
    );
    let fix = report
        .diagnostics
        .iter()
        .find(|d| d.rule.code == "GW0411")
        .and_then(|d| d.fix.as_ref())
        .unwrap();
    // Offered, not applied: only the drafter knows the figure is money.
    assert_eq!((fix.replacement.as_str(), fix.safe), ("8.6万元", false));
}

#[test]
fn clean_samples_have_no_consistency_finding() {
    for sample in [
        "qinghe-2024-clean.txt",
        "qinghe-2024-clean.docx",
        "yunling-2023-clean-gb18030.txt",
        "nanping-2024-utf16.txt",
        "baishi-2024-missing-parts.txt",
        "donghu-2024-signature.txt",
        "xiling-2024-unsigned.txt",
        "fenglin-2024-tracked.docx",
    ] {
        assert_eq!(consistency(sample), Vec::new(), "{sample}");
    }
}
