//! Helpers for rule tests: lint a snippet, and a correct report to edit.

use crate::document::Document;

/// A plain-text document of `text`.
pub(crate) fn text_doc(text: &str) -> Document {
    Document::from_text("t.txt", crate::document::Format::Text, "utf-8", text.into())
}

/// Lints a text snippet with the default profile and returns (code, 1-based line) pairs.
pub(crate) fn codes_in(text: &str) -> Vec<(&'static str, usize)> {
    let doc = text_doc(text);
    crate::Linter::with_defaults()
        .lint_document(&doc)
        .iter()
        .map(|d| (d.rule.code, doc.position(d.span.start).line))
        .collect()
}

/// Like `codes_in`, limited to the codes that start with `prefix` (one category).
pub(crate) fn codes_of(prefix: &str, text: &str) -> Vec<(&'static str, usize)> {
    codes_in(text)
        .into_iter()
        .filter(|(c, _)| c.starts_with(prefix))
        .collect()
}

/// A complete, correct report to derive test cases from by small edits.
pub(crate) const GOOD_REPORT: &str = "青禾市卫生健康委员会2024年法治政府建设年度报告
市委、市政府：
2024年，我委坚持以习近平法治思想为指导，全面推进依法行政，现将有关情况报告如下。
一、2024年推进法治政府建设的主要举措和成效
（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查。
二、存在的不足和原因
一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法，亲自部署法治建设工作。
四、2025年推进法治政府建设的主要安排
继续完善依法决策机制，提升依法行政水平。
青禾市卫生健康委员会
2025年1月20日
";

/// The paragraph under （一） of `GOOD_REPORT` (line 5), which rule tests replace.
pub(crate) const MEASURES: &str =
    "（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查。";

/// `GOOD_REPORT` with the paragraph under （一） replaced (line 5).
pub(crate) fn with_measures(body: &str) -> String {
    GOOD_REPORT.replace(MEASURES, body)
}

/// A finding as rule tests look at it.
pub(crate) struct Found {
    pub code: &'static str,
    pub line: usize,
    pub text: String,
    pub fix: Option<(String, bool)>,
    pub severity: crate::diagnostic::Severity,
    pub message: String,
    pub help: String,
}

/// Code, line and message of each finding on `text` whose code starts with `prefix`.
pub(crate) fn messages_of(prefix: &str, text: &str) -> Vec<(&'static str, usize, String)> {
    found_of(prefix, &text_doc(text))
        .into_iter()
        .map(|f| (f.code, f.line, f.message))
        .collect()
}

/// The findings on `doc` whose codes start with `prefix` (one category).
pub(crate) fn found_of(prefix: &str, doc: &Document) -> Vec<Found> {
    crate::Linter::with_defaults()
        .lint_document(doc)
        .into_iter()
        .filter(|d| d.rule.code.starts_with(prefix))
        .map(|d| Found {
            code: d.rule.code,
            line: doc.position(d.span.start).line,
            text: doc.text[d.span.clone()].to_string(),
            fix: d.fix.map(|f| (f.replacement, f.safe)),
            severity: d.severity,
            message: d.message,
            help: d.help,
        })
        .collect()
}

/// `count` strings of up to `max_len` characters drawn from `alphabet`, the same on every
/// run (xorshift), for holding a hand scan to the pattern it replaced.
pub(crate) fn random_strings(alphabet: &str, count: usize, max_len: u64) -> Vec<String> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    (0..count)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (0..(seed % (max_len + 1)) as usize)
                .map(|k| alphabet[((seed >> (k * 3 % 60)) as usize + k * 7) % alphabet.len()])
                .collect()
        })
        .collect()
}
