//! Expected findings, exactly, for every bundled sample: (code, line, column).
//! A new rule that fires on a sample must be added here on purpose.

mod common;

use gwlint::Linter;
use std::path::Path;

fn findings(sample: &str) -> Vec<(String, usize, usize)> {
    common::findings_where(sample, |_| true)
}

fn expect(sample: &str, want: &[(&str, usize, usize)]) {
    assert_eq!(findings(sample), common::owned(want), "{sample}");
}

#[test]
fn qinghe_clean() {
    expect("qinghe-2024-clean.txt", &[]);
}

/// Clean reports full of look-alikes: a table typed with spaces or tabs, partial
/// breakdowns after 其中, rates at 100%, times, URLs, 12,500-style figures.
#[test]
fn tables_typed_as_text_and_other_look_alikes_are_clean() {
    expect("songxi-2025-clean-spaced-table.txt", &[]);
    expect("dainan-2025-clean-tab-table.txt", &[]);
    // A long provincial report (28 KB): many breakdowns, rates, tables, 发文字号, levels.
    expect("jianglan-2024-clean-long.txt", &[]);
}

#[test]
fn yunling_clean_gb18030_crlf() {
    expect("yunling-2023-clean-gb18030.txt", &[]);
    let report =
        Linter::with_defaults().lint_path(Path::new("samples/yunling-2023-clean-gb18030.txt"));
    assert_eq!(report.document.unwrap().encoding, "gb18030");
}

#[test]
fn nanping_utf16_spaced_date() {
    expect("nanping-2024-utf16.txt", &[("GW0203", 35, 1)]);
    let report = Linter::with_defaults().lint_path(Path::new("samples/nanping-2024-utf16.txt"));
    let d = &report.diagnostics[0];
    assert_eq!(d.fix.as_ref().unwrap().replacement, "2025年1月8日");
    assert_eq!(report.document.unwrap().encoding, "utf-16le");
}

#[test]
fn baishi_missing_parts() {
    expect(
        "baishi-2024-missing-parts.txt",
        &[
            ("GW0103", 2, 1),
            ("GW0105", 5, 50),
            ("GW0107", 39, 1),
            ("GW0204", 61, 1),
        ],
    );
}

#[test]
fn donghu_signature() {
    expect(
        "donghu-2024-signature.txt",
        &[("GW0208", 61, 1), ("GW0203", 62, 1)],
    );
}

#[test]
fn xiling_unsigned() {
    expect(
        "xiling-2024-unsigned.txt",
        &[
            ("GW0102", 1, 1),
            ("GW0201", 60, 39),
            ("GW0202", 60, 39),
            ("GW0601", 61, 1),
        ],
    );
}

#[test]
fn hexi_mixed_defects() {
    expect(
        "hexi-2024-defects.txt",
        &[
            ("GW0601", 2, 1),
            ("GW0701", 4, 66),
            ("GW0305", 7, 1),
            ("GW0307", 11, 70),
            ("GW0404", 12, 31),
            ("GW0507", 12, 35),
            ("GW0402", 15, 53),
            ("GW0501", 17, 21),
            ("GW0501", 17, 26),
            ("GW0501", 17, 31),
            ("GW0501", 17, 36),
            ("GW0501", 17, 60),
            ("GW0602", 19, 1),
            ("GW0802", 21, 14),
            ("GW0411", 22, 33),
            ("GW0401", 23, 44),
            ("GW0304", 24, 1),
            ("GW0801", 25, 39),
            ("GW0801", 26, 12),
            ("GW0506", 30, 45),
            ("GW0603", 32, 14),
            ("GW0604", 33, 33),
            ("GW0301", 53, 1),
        ],
    );
}

#[test]
fn qinghe_clean_docx_with_automatic_numbering_and_a_table() {
    expect("qinghe-2024-clean.docx", &[]);
    let report = Linter::with_defaults().lint_path(Path::new("samples/qinghe-2024-clean.docx"));
    let doc = report.document.unwrap();
    assert_eq!(doc.encoding, "docx");
    // The heading numbers come from numbering.xml, rendered as Word shows them.
    let first_part = doc
        .lines
        .iter()
        .position(|l| l.origin.auto_number_len > 0)
        .unwrap();
    assert!(doc.line(first_part).starts_with("一、"));
    assert!(doc.text.contains("\n（二）") && doc.text.contains("\n合计\n1844\n"));
}

#[test]
fn fenglin_tracked_changes_table_and_list_restarted_by_mistake() {
    // The deleted 请示 sentence is not read (no GW0108); the inserted causes are (no GW0107).
    // The changes are still in the file (GW0612); the page header is last year's (GW0613).
    expect(
        "fenglin-2024-tracked.docx",
        &[
            ("GW0613", 1, 1),
            ("GW0301", 17, 1),
            ("GW0612", 20, 1),
            ("GW0203", 26, 1),
        ],
    );
    let report = Linter::with_defaults().lint_path(Path::new("samples/fenglin-2024-tracked.docx"));
    let restart = &report.diagnostics[1];
    assert!(
        restart.message.contains("Word 自动编号"),
        "{}",
        restart.message
    );
    assert!(
        restart.fix.is_none(),
        "automatic numbers are fixed in Word, not in the text"
    );
}

#[test]
fn linshui_number_consistency() {
    expect(
        "linshui-2024-numbers.txt",
        &[
            ("GW0401", 7, 64),  // 24 件 = 18 + 3 + 2 (23)
            ("GW0404", 9, 29),  // （2025—2023年）
            ("GW0402", 12, 40), // 1080 ÷ 1350 = 80%, written 85%
            ("GW0405", 13, 10), // 本年度（2023年） in a 2024 report
            ("GW0403", 13, 64), // 群众满意率 101.2%
            ("GW0402", 16, 42), // 352 ÷ 380 = 92.63%, written 95%
            ("GW0408", 19, 31), // 叁万元
            ("GW0411", 20, 20), // 8.6万 without 元
            ("GW0412", 30, 7),  // text table: 28 + 11 + 6 = 45, 合计 46
            ("GW0414", 32, 18), // 25 项 = 13 件 + 12 件
            ("GW0409", 34, 29), // 3千余份
            ("GW0407", 35, 57), // 共培训执业医师 1260 then 1620 人次
            ("GW0410", 36, 43), // 两次 beside 12次
            ("GW0406", 41, 1),  // 四、2024年…主要安排 in a 2024 report
        ],
    );
}

#[test]
fn linshui_tables_docx() {
    expect(
        "linshui-2024-tables.docx",
        &[("GW0412", 40, 1), ("GW0413", 53, 1)],
    );
}

#[test]
fn qingshan_hygiene_bom_crlf() {
    expect(
        "qingshan-2024-hygiene-bom-crlf.txt",
        &[
            ("GW0511", 2, 7),
            ("GW0507", 3, 49),
            ("GW0501", 6, 13),
            ("GW0802", 8, 1),
            ("GW0606", 8, 34),
            ("GW0506", 10, 19),
            ("GW0602", 11, 1),
            ("GW0801", 12, 14),
            ("GW0801", 12, 24),
            ("GW0607", 14, 57),
        ],
    );
}

#[test]
fn luming_hygiene_gb18030() {
    expect(
        "luming-2023-hygiene-gb18030.txt",
        &[
            ("GW0701", 3, 36),
            ("GW0501", 5, 31),
            ("GW0501", 5, 46),
            ("GW0510", 6, 40),
            ("GW0505", 7, 15),
            ("GW0801", 8, 28),
            ("GW0509", 14, 22),
        ],
    );
}
