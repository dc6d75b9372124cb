//! Number consistency (category `consistency`, GW04xx) on the bundled samples: the exact
//! findings on the samples made for it, and silence on every clean sample.

mod common;

use gwlint::Linter;
use gwlint::diagnostic::{Category, Severity};
use std::path::Path;

/// (code, line, column) of the consistency findings on a sample.
fn consistency(sample: &str) -> Vec<(String, usize, usize)> {
    common::findings_where(sample, |d| d.rule.category == Category::Consistency)
}

#[test]
fn linshui_numbers_each_defect_once_and_the_traps_stay_quiet() {
    assert_eq!(
        consistency("linshui-2024-numbers.txt"),
        common::owned(&[
            ("GW0401", 7, 64),  // 24 件 = 18 + 3 + 2 (23)
            ("GW0404", 9, 29),  // （2025—2023年）
            ("GW0402", 12, 40), // 1080 ÷ 1350 = 80%, written 85%
            ("GW0405", 13, 10), // 本年度（2023年） in a 2024 report
            ("GW0403", 13, 64), // 群众满意率 101.2%
            ("GW0402", 16, 42), // 352 ÷ 380 = 92.63%, written 95%
            ("GW0408", 19, 31), // 叁万元
            ("GW0411", 20, 20), // 8.6万 without 元
            ("GW0414", 26, 18), // 25 项 = 13 件 + 12 件
            ("GW0409", 28, 29), // 3千余份
            ("GW0407", 29, 57), // 共培训执业医师 1260 then 1620 人次
            ("GW0410", 30, 43), // 两次 beside 12次
            ("GW0406", 35, 1),  // 四、2024年…主要安排 in a 2024 report
        ])
    );
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
            "其中各项之和为23件（18+3+2），与总数24件不符"
        )
    );
    assert_eq!(
        find("GW0402").2,
        "所占比例应为80%（1080÷1350=80%），与所写的85%不符"
    );
    assert!(
        msgs.iter()
            .any(|m| m.2 == "合格率应为92.6%（352÷380=92.63%），与所写的95%不符")
    );
    let fix = report
        .diagnostics
        .iter()
        .find(|d| d.rule.code == "GW0411")
        .and_then(|d| d.fix.as_ref())
        .unwrap();
    assert_eq!((fix.replacement.as_str(), fix.safe), ("8.6万元", true));
}

#[test]
fn linshui_tables_totals_and_shares() {
    assert_eq!(
        consistency("linshui-2024-tables.docx"),
        common::owned(&[("GW0412", 40, 1), ("GW0413", 53, 1)])
    );
}

#[test]
fn hexi_number_defects() {
    assert_eq!(
        consistency("hexi-2024-defects.txt"),
        common::owned(&[
            ("GW0404", 12, 31), // 2020-2121年
            ("GW0402", 15, 53), // 1498 ÷ 1526, written 100%
            ("GW0411", 22, 33), // 12.6万
            ("GW0401", 23, 44), // 45 件 ≠ 32 + 12
        ])
    );
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
