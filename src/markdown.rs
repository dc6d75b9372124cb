//! Markdown that is not prose: code blocks, HTML comments and blocks, YAML front matter
//! (whole lines), and inline code and tags (spans within a line). Rules leave them alone;
//! `--fix` must never turn a comment's "<!--" into "《！——".

use crate::document::{Document, Format};
use crate::text::trim_indent;
use std::ops::Range;

/// Per line: Markdown markup rather than the report's text. All false for other formats.
pub fn markup_lines(doc: &Document) -> Vec<bool> {
    let n = doc.line_count();
    let mut markup = vec![false; n];
    if doc.format != Format::Markdown {
        return markup;
    }
    let mut i = 0;
    // Front matter: "---" on the first line, up to the next "---" or "...".
    if n > 0
        && doc.line(0).trim_end() == "---"
        && let Some(end) = (1..n).find(|&j| matches!(doc.line(j).trim_end(), "---" | "..."))
    {
        markup[..=end].fill(true);
        i = end + 1;
    }
    while i < n {
        let t = trim_indent(doc.line(i));
        let closing = if let Some(fence) = fence_of(t) {
            // A fence closes at a line of the same character, at least as long.
            (i + 1..n).find(|&j| {
                let u = trim_indent(doc.line(j));
                u.starts_with(fence) && u.trim_end().chars().all(|c| fence.starts_with(c))
            })
        } else if t.starts_with("<!--") {
            (i..n).find(|&j| doc.line(j).contains("-->"))
        } else if is_html_line(t) {
            Some(i)
        } else {
            None
        };
        match closing {
            Some(end) => {
                markup[i..=end].fill(true);
                i = end + 1;
            }
            // An unclosed fence or comment runs to the end, as Markdown renders it.
            None if fence_of(t).is_some() || t.starts_with("<!--") => {
                markup[i..].fill(true);
                break;
            }
            None => i += 1,
        }
    }
    markup
}

/// "```rust" or "~~~": the fence itself.
fn fence_of(t: &str) -> Option<&'static str> {
    if t.starts_with("```") {
        Some("```")
    } else if t.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

/// A line that is one HTML tag or starts with one: "<div align=\"center\">", "</table>".
fn is_html_line(t: &str) -> bool {
    let t = t.trim_end();
    t.starts_with('<') && t.ends_with('>') && tag_len(t).is_some()
}

/// Spans of `line` that are inline code (`…`), HTML tags (<span …>, </b>) or a one-line
/// comment (<!-- … -->).
pub fn inline_markup(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < line.len() {
        let rest = &line[k..];
        let len = if rest.starts_with('`') {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            rest[ticks..].find(fence).map(|e| ticks + e + ticks)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else if rest.starts_with('<') {
            tag_len(rest)
        } else {
            None
        };
        match len {
            Some(len) => {
                out.push(k..k + len);
                k += len;
            }
            None => k += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The length of an HTML tag at the start of `s`: "<" or "</", an ASCII name, attributes
/// without line breaks, ">".
fn tag_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("</").or_else(|| s.strip_prefix('<'))?;
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let after = &body[name_len..];
    if !after.starts_with([' ', '>', '/']) {
        return None;
    }
    let close = after.find('>')?;
    Some(s.len() - body.len() + name_len + close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, format: Format) -> Vec<bool> {
        markup_lines(&Document::from_text("t", format, "utf-8", text.into()))
    }

    #[test]
    fn code_blocks_comments_front_matter_and_html_lines() {
        let text = "---\n标题: 报告\n---\n正文，\n```bash\n# 备份,保留30天:清理\n```\n<!-- 起草\n说明 -->\n<div align=\"center\">\n正文。\n";
        assert_eq!(
            marked(text, Format::Markdown),
            [
                true, true, true, false, true, true, true, true, true, true, false, false
            ]
        );
        assert!(marked(text, Format::Text).iter().all(|m| !m));
    }

    #[test]
    fn an_unclosed_fence_runs_to_the_end() {
        assert_eq!(
            marked("正文。\n~~~\n代码,\n", Format::Markdown),
            [false, true, true, true]
        );
    }

    #[test]
    fn inline_code_tags_and_comments() {
        let line =
            "运行`统计.py --年份=2024,2025`，见<span title=\"说明\">重点</span><!-- 注 -->。";
        let spans: Vec<&str> = inline_markup(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(
            spans,
            [
                "`统计.py --年份=2024,2025`",
                "<span title=\"说明\">",
                "</span>",
                "<!-- 注 -->"
            ]
        );
        // A comparison or a Chinese title in angle brackets is not a tag.
        assert!(inline_markup("余氯<0.3mg/L，见<中华人民共和国医师法>。").is_empty());
    }
}
