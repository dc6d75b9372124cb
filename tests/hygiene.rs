//! Text hygiene on the bundled samples: samples without hygiene defects stay quiet in the
//! punctuation, artifact, citation and wording categories (the exact findings of every
//! sample are in tests/samples.rs), and the safe fixes of these categories applied in
//! memory leave exactly the unsafe findings behind.

mod common;

use gwlint::Linter;
use gwlint::diagnostic::{Category, Diagnostic};
use gwlint::document::Format;
use proptest::prelude::*;
use std::path::Path;

const HYGIENE: [Category; 4] = [
    Category::Punctuation,
    Category::Artifact,
    Category::Citation,
    Category::Wording,
];

fn hygiene(d: &Diagnostic) -> bool {
    HYGIENE.contains(&d.rule.category)
}

fn findings(sample: &str) -> Vec<(String, usize, usize)> {
    common::findings_where(sample, hygiene)
}

fn expect(sample: &str, want: &[(&str, usize, usize)]) {
    assert_eq!(findings(sample), common::owned(want), "{sample}");
}

/// Its tracked changes are read as accepted, and said once to be still in the file, at the
/// first of them; so is last year's page header.
#[test]
fn tracked_changes_left_in_a_docx_are_said_once() {
    expect(
        "fenglin-2024-tracked.docx",
        &[("GW0613", 1, 1), ("GW0612", 20, 1)],
    );
}

#[test]
fn clean_samples_are_quiet() {
    for s in [
        "qinghe-2024-clean.txt",
        "qinghe-2024-clean.docx",
        "yunling-2023-clean-gb18030.txt",
        "nanping-2024-utf16.txt",
        "baishi-2024-missing-parts.txt",
        "donghu-2024-signature.txt",
        "linshui-2024-numbers.txt",
        "linshui-2024-tables.docx",
    ] {
        expect(s, &[]);
    }
}

/// Applies the safe hygiene fixes to the text, back to front (none overlap in the samples).
fn apply_safe(text: &str, diags: &[Diagnostic]) -> String {
    let mut edits: Vec<_> = diags
        .iter()
        .filter(|d| hygiene(d))
        .filter_map(|d| {
            let f = d.fix.as_ref()?;
            f.safe.then(|| (d.span.clone(), f.replacement.clone()))
        })
        .collect();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for w in edits.windows(2) {
        assert!(w[1].0.end <= w[0].0.start, "overlapping fixes {:?}", w);
    }
    let mut out = text.to_string();
    for (r, rep) in edits {
        out.replace_range(r, &rep);
    }
    out
}

#[test]
fn safe_fixes_remove_their_findings_and_nothing_else() {
    let linter = Linter::with_defaults();
    for sample in [
        "qingshan-2024-hygiene-bom-crlf.txt",
        "luming-2023-hygiene-gb18030.txt",
        "hexi-2024-defects.txt",
    ] {
        let report = linter.lint_path(Path::new("samples").join(sample).as_path());
        let doc = report.document.as_ref().unwrap();
        let unsafe_left: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| hygiene(d) && !d.fix.as_ref().is_some_and(|f| f.safe))
            .map(|d| d.rule.code)
            .collect();
        let others: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| !hygiene(d))
            .map(|d| d.rule.code)
            .collect();
        let fixed = apply_safe(&doc.text, &report.diagnostics);
        let again = linter.lint_bytes(sample, Format::Text, fixed.as_bytes());
        // "截止目前" fixed to "截至目前" still lacks its date: GW0801's note asked for it,
        // and GW0804 now says so in its own words.
        let text_after = &again.document.as_ref().unwrap().text;
        let dated_later = |d: &&Diagnostic| {
            let word = &text_after[d.span.clone()];
            d.rule.code == "GW0804"
                && word.starts_with("截至")
                && doc.text.contains(&word.replacen("截至", "截止", 1))
        };
        let after: Vec<&str> = again
            .diagnostics
            .iter()
            .filter(|d| hygiene(d) && !dated_later(d))
            .map(|d| d.rule.code)
            .collect();
        assert_eq!(after, unsafe_left, "{sample}");
        let others_after: Vec<&str> = again
            .diagnostics
            .iter()
            .filter(|d| !hygiene(d))
            .map(|d| d.rule.code)
            .collect();
        assert_eq!(others_after, others, "{sample}: other categories changed");
        // The line structure stays: fixes never add or remove a line.
        assert_eq!(fixed.lines().count(), doc.text.lines().count(), "{sample}");
    }
}

/// Pieces that exercise the hygiene rules' slicing: pairs, ranges, masks, odd spaces.
fn hygienish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "《",
        "》",
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        "（",
        "）",
        "<",
        ">",
        "〈",
        "〉",
        "……",
        "...",
        "…",
        "--",
        "——",
        "，，",
        "，",
        "。",
        "、",
        "；",
        ":",
        ",",
        "2021-2025年",
        "20212025年",
        "（2021—2026 年）",
        "法治政府建设实施纲要",
        "中华人民共和国",
        "基本医疗与健康促进法",
        "深深入",
        "的的",
        "进一一步",
        "截止目前",
        "撤消",
        "****",
        "XX件",
        "某某年",
        "□□",
        "\u{a0}",
        "\u{3000}",
        " ",
        "\n",
        "\r\n",
        "[bookmark: _GoBack]",
        "|",
        "附件：",
        "1）",
        "五)",
        "%",
        "％",
        "https://a.cn/x?y=1,2",
        "市委、市政府:",
        "（一）",
        "一、",
        "1.",
        "𠀀",
        "a",
        "1",
        "发布时间：2021-01-22",
        "体育平台",
    ]);
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn hygiene_rules_never_panic_and_fixes_stay_on_char_boundaries(text in hygienish()) {
        let linter = Linter::with_defaults();
        let report = linter.lint_bytes("p.txt", Format::Text, text.as_bytes());
        if let Some(doc) = &report.document {
            for d in report.diagnostics.iter().filter(|d| hygiene(d)) {
                prop_assert!(doc.text.is_char_boundary(d.span.start));
                prop_assert!(doc.text.is_char_boundary(d.span.end));
                prop_assert!(d.span.start <= d.span.end && d.span.end <= doc.text.len());
            }
        }
    }
}
