//! HTML left in text copied from a web page's source or an editor's HTML view: tags
//! ("<br>", "</p>", "<span style=…>") and character entities ("&nbsp;", "&ldquo;").

use super::WEB_DEBRIS;
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::named_mark;
use std::ops::Range;

/// The tags of a page's text; a tag of another name is more likely prose ("<3").
const TAG: &str = r"(?i)</?(?:br|p|span|div|font|strong|b|i|u|em|sup|sub|a|img|li|ul|ol|h[1-6]|table|tbody|tr|td|th)(?:\s[^<>\n]{0,200})?\s*/?>";

/// Entities and the characters they stand for; the spaces ("&nbsp;", "&emsp;", the
/// indentation of many government pages) go without a trace, as a space between Chinese
/// characters is itself a stray.
const ENTITIES: [(&str, &str); 19] = [
    ("&nbsp;", ""),
    ("&emsp;", ""),
    ("&ensp;", ""),
    ("&thinsp;", ""),
    ("&copy;", "©"),
    ("&reg;", "®"),
    ("&times;", "×"),
    ("&yen;", "¥"),
    ("&amp;", "&"),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&ldquo;", "“"),
    ("&rdquo;", "”"),
    ("&lsquo;", "‘"),
    ("&rsquo;", "’"),
    ("&mdash;", "—"),
    ("&hellip;", "…"),
    ("&middot;", "·"),
];

/// The markup in `t`, each with what the text should have in its place, when known.
pub(crate) fn markup(t: &str) -> Vec<(Range<usize>, Option<String>)> {
    if !t.contains(['<', '&']) {
        return Vec::new();
    }
    let mut found: Vec<(Range<usize>, Option<String>)> = static_regex!(TAG)
        .find_iter(t)
        .map(|m| (m.range(), Some(String::new())))
        .collect();
    for m in static_regex!(r"&(?:[a-z]{2,8}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5});").find_iter(t) {
        let written = m.as_str();
        // A control character or a line break is no text to put back.
        let meant = ENTITIES
            .iter()
            .find(|(e, _)| *e == written)
            .map(|(_, c)| c.to_string())
            .or_else(|| {
                let code = written.strip_prefix("&#")?.strip_suffix(';')?;
                let value = match code.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => code.parse().ok()?,
                };
                char::from_u32(value)
                    .filter(|c| !c.is_control())
                    .map(String::from)
            });
        found.push((m.range(), meant));
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

pub fn check(ctx: &Context, out: &mut Findings) {
    // In Markdown, HTML is the format's own.
    if ctx.doc.format == Format::Markdown {
        return;
    }
    for (_, span, t) in ctx.lines() {
        let found = markup(t);
        // In an address, "&amp;" may be what the link says: told, not changed unasked.
        let links = if found.is_empty() {
            Vec::new()
        } else {
            crate::rules::punctuation::chars::links(t)
        };
        for (r, meant) in found {
            let in_link = links.iter().any(|l| l.start <= r.start && r.end <= l.end);
            let written = &t[r.clone()];
            let help = match meant.as_deref() {
                Some("") => format!("删去“{written}”"),
                Some(m) => {
                    let mut one = m.chars();
                    match (one.next(), one.next()) {
                        (Some(c), None) => format!("把“{written}”改为{}", named_mark(c)),
                        _ => format!("把“{written}”改为“{m}”"),
                    }
                }
                None => format!("删去“{written}”或改为它代表的字符"),
            };
            let d = Diagnostic::new(
                &WEB_DEBRIS,
                span.start + r.start..span.start + r.end,
                format!("网页代码残留：“{written}”"),
                format!("{help}：这是从网页源代码或编辑器的 HTML 视图复制时带入的"),
            );
            out.push(match meant {
                Some(m) => d.with_fix(m, !in_link),
                None => d,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_entities() {
        let t = "立案91件。&nbsp;罚没款66.3万元。<br>全年&ldquo;双随机&rdquo;抽查<span style=\"color:red\">12</span>次&#12290;&#x4E2D;";
        let marked = markup(t);
        let found: Vec<(&str, &str)> = marked
            .iter()
            .map(|(r, m)| (&t[r.clone()], m.as_deref().unwrap_or("?")))
            .collect();
        assert_eq!(
            found,
            [
                ("&nbsp;", ""),
                ("<br>", ""),
                ("&ldquo;", "“"),
                ("&rdquo;", "”"),
                ("<span style=\"color:red\">", ""),
                ("</span>", ""),
                ("&#12290;", "。"),
                ("&#x4E2D;", "中")
            ]
        );
        // Known or not, an entity is markup; a control character is not put back.
        let t = "&emsp;&emsp;全年&foo;立案&#00;";
        let marked = markup(t);
        let found: Vec<(&str, Option<&str>)> = marked
            .iter()
            .map(|(r, m)| (&t[r.clone()], m.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("&emsp;", Some("")),
                ("&emsp;", Some("")),
                ("&foo;", None),
                ("&#00;", None)
            ]
        );
        for quiet in ["a<b且c>d", "R&D投入", "AT&T", "<3", "比例<5%"] {
            assert!(markup(quiet).is_empty(), "{quiet}");
        }
    }

    #[test]
    fn reported_in_text_not_in_markdown() {
        use crate::rules::{GOOD_REPORT, MEASURES};
        let text = GOOD_REPORT.replace(MEASURES, "（一）健全机制。立案91件。&nbsp;罚款6万元。<br>");
        let lint = |format| {
            let doc = crate::document::Document::from_text("t", format, "utf-8", text.clone());
            crate::Linter::with_defaults()
                .lint_document(&doc)
                .into_iter()
                .filter(|d| {
                    d.rule.category == crate::diagnostic::Category::Artifact
                        || d.rule.category == crate::diagnostic::Category::Punctuation
                })
                .map(|d| (d.rule.code, d.fix.map(|f| f.replacement)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lint(Format::Text),
            [
                ("GW0601", Some(String::new())),
                ("GW0601", Some(String::new()))
            ]
        );
        assert_eq!(lint(Format::Markdown), []);
    }

    #[test]
    fn an_entity_in_an_address_is_told_not_changed() {
        use crate::rules::{GOOD_REPORT, MEASURES};
        let text = GOOD_REPORT.replace(
            MEASURES,
            "（一）健全机制。访问https://a.gov.cn/?a=1&amp;b=2查询，立案91件&amp;结案90件。",
        );
        let doc = crate::document::Document::from_text("t", Format::Text, "utf-8", text);
        let safe: Vec<bool> = crate::Linter::with_defaults()
            .lint_document(&doc)
            .into_iter()
            .filter(|d| d.rule.code == "GW0601")
            .filter_map(|d| d.fix.map(|f| f.safe))
            .collect();
        assert_eq!(safe, [false, true]);
    }
}
