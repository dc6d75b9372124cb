//! The text of one Word comment for a finding, and the `w:comment` element that holds it.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
// Escaping for HTML text is escaping for XML character data.
use crate::report::html::escape;

pub use crate::source::docx::GWLINT_AUTHOR as AUTHOR;

/// The quoted text is for finding the place in a long paragraph, not for reading.
const QUOTE_CHARS: usize = 40;

/// A quote shorter than this ("," or "３") is shown with its neighbours, which Word's
/// search finds where the quote alone would be found everywhere.
const SHORT_QUOTE: usize = 10;
const CONTEXT_CHARS: usize = 8;

/// The paragraphs of a finding's comment, in Chinese: what, where, why, how to fix.
pub fn paragraphs(d: &Diagnostic, doc: &Document) -> Vec<String> {
    let mut out = vec![format!(
        "【{}】{} {}",
        d.severity.label_zh(),
        d.rule.code,
        d.rule.summary
    )];
    let quoted = doc.text.get(d.span.clone()).map(str::trim).unwrap_or("");
    if !quoted.is_empty() {
        out.push(format!(
            "原文：{}{}",
            in_quotes(&shorten(quoted)),
            whereabouts(d, doc)
        ));
    }
    out.push(d.message.clone());
    if !d.help.is_empty() {
        out.push(format!("建议：{}", d.help));
    }
    if let Some(fix) = &d.fix {
        if fix.replacement.is_empty() {
            out.push("可删除原文所示内容".to_string());
        } else {
            out.push(format!("可改为：{}", in_quotes(&shorten(&fix.replacement))));
        }
    }
    out
}

/// `s` in quotation marks, unless it is itself quoted or a title ("“湖”", "《民法典》"),
/// or a quotation mark, named: "““湖””" and "“””" cannot be read.
fn in_quotes(s: &str) -> String {
    let marked = |c: char| "“”‘’《》".contains(c);
    let mut chars = s.chars();
    match (chars.next(), chars.next_back()) {
        (Some(c), None) => crate::text::named_mark(c),
        (Some(a), Some(b)) if marked(a) && marked(b) => s.to_string(),
        _ => format!("“{s}”"),
    }
}

/// Where a short or repeated quote is in its paragraph: "，在“4 次,研究法治”中（本段第2处）".
fn whereabouts(d: &Diagnostic, doc: &Document) -> String {
    let line = &doc.lines[doc.position(d.span.start).line - 1];
    if d.span.end > line.end {
        return String::new();
    }
    let paragraph = &doc.text[line.start..line.end];
    let (at, end) = (d.span.start - line.start, d.span.end - line.start);
    let raw = &paragraph[at..end];
    let seen: Vec<usize> = paragraph.match_indices(raw).map(|(i, _)| i).collect();
    if raw.chars().count() >= SHORT_QUOTE && seen.len() <= 1 {
        return String::new();
    }
    let before = crate::text::last_chars(&paragraph[..at], CONTEXT_CHARS);
    let after: String = paragraph[end..].chars().take(CONTEXT_CHARS).collect();
    let nth = match seen.iter().position(|&i| i == at) {
        Some(k) if seen.len() > 1 => format!("（本段第{}处）", k + 1),
        _ => String::new(),
    };
    format!("，在“{}”中{nth}", shorten(&format!("{before}{raw}{after}")))
}

fn shorten(s: &str) -> String {
    let s = s.replace('\n', " ");
    match s.char_indices().nth(QUOTE_CHARS) {
        Some((i, _)) => format!("{}……", &s[..i]),
        None => s,
    }
}

/// When the comments were written, as Word records it; `SOURCE_DATE_EPOCH` (seconds)
/// makes a build reproducible.
pub fn timestamp() -> String {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or_else(std::time::SystemTime::now, |s| {
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(s)
        });
    humantime::format_rfc3339_seconds(now).to_string()
}

/// One `w:comment` element; `w` is the WordprocessingML prefix of the comments part.
pub fn element(w: &str, id: u64, date: &str, paragraphs: &[String]) -> String {
    let mut xml = format!(
        r#"<{w}:comment {w}:id="{id}" {w}:author="{AUTHOR}" {w}:date="{date}" {w}:initials="GW">"#
    );
    for (i, text) in paragraphs.iter().enumerate() {
        xml.push_str(&format!("<{w}:p>"));
        // Word puts the comment mark at the head of the first paragraph.
        if i == 0 {
            xml.push_str(&format!("<{w}:r><{w}:annotationRef/></{w}:r>"));
        }
        xml.push_str(&format!(
            r#"<{w}:r><{w}:t xml:space="preserve">{}</{w}:t></{w}:r></{w}:p>"#,
            escape(&xml_text(text))
        ));
    }
    xml.push_str(&format!("</{w}:comment>"));
    xml
}

/// What makes two comments the same finding, as the text reads back from the file: the
/// rule's line and the quote (or the message, when nothing is quoted). A message that
/// counts something ("3处…和4条批注") may change between runs; the finding has not.
pub fn identity(text: &str) -> String {
    text.split('\n').take(2).collect::<Vec<_>>().join("\n")
}

/// The text of a comment of `paragraphs` as it reads back from the file: its paragraphs
/// joined by "\n".
pub fn plain(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|p| xml_text(p))
        .collect::<Vec<_>>()
        .join("\n")
}

/// On one line, and only characters XML allows (U+FFFE and U+FFFF are not; controls are
/// replaced by the escaping).
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_text_is_escaped_on_one_line() {
        let xml = element("w", 1, "d", &["a<b>&\"c\nd\u{FFFF}".into()]);
        assert!(xml.contains("a&lt;b&gt;&amp;&quot;c d</w:t>"), "{xml}");
    }

    #[test]
    fn a_short_or_repeated_quote_is_shown_with_its_neighbours() {
        let doc = crate::rules::text_doc("标题\n全年召开专题会议 4 次,研究法治工作,部署任务。\n");
        let at = |needle: &str, nth: usize| {
            let start = doc.text.match_indices(needle).nth(nth).unwrap().0;
            start..start + needle.len()
        };
        let quote = |span| {
            let d = Diagnostic::new(&crate::rules::punctuation::HALFWIDTH, span, "m", "h");
            paragraphs(&d, &doc)[1].clone()
        };
        assert_eq!(
            quote(at(",", 1)),
            "原文：“,”，在“次,研究法治工作,部署任务。”中（本段第2处）"
        );
        assert_eq!(
            quote(at(",", 0)),
            "原文：“,”，在“专题会议 4 次,研究法治工作,部”中（本段第1处）"
        );
        // Long enough and once only: the quote alone finds it.
        assert_eq!(
            quote(at("全年召开专题会议 4 次", 0)),
            "原文：“全年召开专题会议 4 次”"
        );
    }

    #[test]
    fn quoted_text_is_not_quoted_again() {
        assert_eq!(in_quotes("“湖”"), "“湖”");
        assert_eq!(in_quotes("《民法典》"), "《民法典》");
        assert_eq!(in_quotes("湖"), "“湖”");
        assert_eq!(in_quotes("”"), "右双引号");
        assert_eq!(in_quotes("“湖"), "““湖”");
    }

    #[test]
    fn long_quotes_are_cut_on_a_character() {
        let long = "一".repeat(QUOTE_CHARS + 5);
        assert_eq!(shorten(&long), format!("{}……", "一".repeat(QUOTE_CHARS)));
        assert_eq!(shorten("短句"), "短句");
    }

    #[test]
    fn the_first_paragraph_carries_the_comment_mark() {
        let xml = element("w", 7, "2026-01-02T03:04:05Z", &["甲".into(), "乙".into()]);
        assert_eq!(xml.matches("annotationRef").count(), 1);
        assert!(
            xml.starts_with(
                r#"<w:comment w:id="7" w:author="gwlint" w:date="2026-01-02T03:04:05Z""#
            )
        );
        assert!(xml.ends_with("</w:comment>"));
    }
}
