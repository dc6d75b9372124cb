//! Whatever the bytes, linting returns a report or an error; it never panics.

use gwlint::Linter;
use gwlint::document::Format;
use proptest::prelude::*;
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static L: OnceLock<Linter> = OnceLock::new();
    L.get_or_init(Linter::with_defaults)
}

/// Renders every output format too, since reporters slice the text by spans.
fn lint_and_render(format: Format, bytes: &[u8]) {
    let report = linter().lint_bytes("p", format, bytes);
    let opts = gwlint::report::Options {
        color: false,
        width: Some(80),
        min_severity: Default::default(),
        expected: Default::default(),
        custom_rules: Vec::new(),
    };
    for f in [
        gwlint::report::OutputFormat::Pretty,
        gwlint::report::OutputFormat::Concise,
        gwlint::report::OutputFormat::Json,
    ] {
        let mut r = gwlint::report::reporter(f, &opts);
        r.file(&mut std::io::sink(), &report).unwrap();
    }
}

/// Text that looks like a report: markers, dates, CJK punctuation, odd whitespace.
fn reportish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "一、",
        "（一）",
        "(二)",
        "1.",
        "（1）",
        "①",
        "二是",
        "报告",
        "法治政府建设",
        "2024年",
        "2025年2月29日",
        "****年*月**日",
        "市委、市政府：",
        "：",
        "。",
        "，",
        "\n",
        "\r\n",
        "\r",
        "\u{3000}",
        "\u{a0}",
        " ",
        "局",
        "委员会",
        "存在的问题",
        "第一责任人",
        "下一步工作打算",
        "[bookmark: _GoBack]",
        "发布时间:2021-01-22",
        "|",
        "\u{1b}[31m",
        "\u{202e}",
        "𠀀",
        "\t",
        // Figures, words and marks the consistency, hygiene and wording rules look for.
        "共45件，其中",
        "分别为3件、2件",
        "办结率100%",
        "12019—2020年—2150年",
        "本年度（2023年）",
        "撤消",
        "截止目前",
        "Bet365",
        "体育App",
        "{ PAGE }",
        "[comment:",
        "]",
        "https://a.gov.cn/x",
        "。。。",
        "——",
        "“",
        "”",
        "《",
        "》",
        "(",
        ")",
        ",",
        // Tables, Markdown markup and the rest of what the later rules read.
        "合计\t45\t20",
        "| 类别 | 件数 |",
        "| --- | --- |",
        "一、行政许可 | 120",
        "续表",
        "```",
        "<!--",
        "-->",
        "<b>",
        "`x`",
        "\\(",
        "第一，",
        "第三、四季度",
        "恳请市政府给予支持",
        "XX区",
        "（此处补充）",
        "第 2 页 共 4 页",
        "……………1",
        "<<法>>",
        "余氯<0.3",
        "3千5百万",
        "http://www.南湖.政务",
    ]);
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_as_text(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        lint_and_render(Format::Text, &bytes);
    }

    #[test]
    fn arbitrary_bytes_as_docx(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        lint_and_render(Format::Docx, &bytes);
    }

    #[test]
    fn zip_magic_then_garbage_as_docx(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut b = b"PK\x03\x04".to_vec();
        b.extend(bytes);
        lint_and_render(Format::Docx, &b);
    }

    #[test]
    fn report_like_text(text in reportish()) {
        lint_and_render(Format::Text, text.as_bytes());
        lint_and_render(Format::Markdown, text.as_bytes());
    }

    /// Fixing never adds or removes a line break, whatever the text.
    #[test]
    fn fixing_keeps_the_lines(text in reportish()) {
        for format in [Format::Text, Format::Markdown] {
            let Ok(fixed) = gwlint::fix::fix_bytes(linter(), "p", format, text.as_bytes()) else {
                continue;
            };
            if let Some(bytes) = fixed.bytes {
                let breaks = |b: &[u8]| {
                    let s = String::from_utf8_lossy(b).replace("\r\n", "\n");
                    s.matches(['\n', '\r']).count()
                };
                prop_assert_eq!(breaks(&bytes), breaks(text.as_bytes()));
            }
        }
    }
}

#[test]
fn a_million_empty_lines_are_refused_not_stored() {
    let bytes = vec![b'\n'; gwlint::source::MAX_LINES + 1];
    let report =
        gwlint::Linter::with_defaults().lint_bytes("x.txt", gwlint::document::Format::Text, &bytes);
    let error = report.error.expect("refused");
    assert_eq!(error.kind, gwlint::source::ErrorKind::TooLarge);
    assert!(error.message.contains("行数过多"), "{}", error.message);
}

/// Thousands of title-like lines at the top were read as cover after cover, one call
/// deeper each, until the stack overflowed and the whole batch aborted. Run on a thread
/// with a batch worker's stack.
#[test]
fn thousands_of_title_lines_do_not_overflow_the_stack() {
    let text = "许可\n".repeat(30_000);
    let report = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || linter().lint_bytes("t.txt", Format::Text, text.as_bytes()))
        .unwrap()
        .join()
        .unwrap();
    assert!(report.error.is_none());
}

/// Memory must not grow with what a pathological file makes rules find: a text of half-width
/// commas lists each rule's first findings and says how many there were.
#[test]
fn findings_of_one_rule_are_capped_per_file() {
    let cap = gwlint::rules::findings::MAX_PER_RULE;
    let text = format!(
        "某县卫生健康局2024年法治政府建设年度报告\n{}\n",
        "依法行政,".repeat(cap + 2_000)
    );
    let report = linter().lint_bytes("t.txt", Format::Text, text.as_bytes());
    let commas: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.code == "GW0501")
        .collect();
    assert_eq!(commas.len(), cap);
    let last = commas.last().unwrap();
    assert!(
        last.message.ends_with(&format!(
            "（本文件中这类问题共{}处，只列出前{cap}处）",
            cap + 2_000
        )),
        "{}",
        last.message
    );
}
