//! Markdown that is not prose: code blocks, HTML comments and blocks, YAML front matter
//! (whole lines), and inline code and tags (spans within a line). Rules leave them alone;
//! `--fix` must never turn a comment's "<!--" into "《！——".

use crate::document::{Document, Format};
use crate::text::trim_indent;
use std::ops::Range;

/// Lines written the way Markdown marks headings, for a .txt copied out of an editor that
/// writes Markdown ("**一、主要举措和成效**", "## 二、存在的不足"): from this many on, the
/// text is read as Markdown, and its stars are bold, not a masked copy's.
const MARKDOWN_HEADINGS_MIN: usize = 2;

/// A .txt that is Markdown: headings in bold or after hashes, or a pipe table.
pub fn looks_like_markdown(text: &str) -> bool {
    // Every sign below needs one of these; most reports have none.
    if !text.contains(['*', '_', '#', '|']) {
        return false;
    }
    let heading = |t: &str| {
        let bold = ["**", "__"].iter().any(|m| {
            t.strip_prefix(m)
                .and_then(|r| r.strip_suffix(m))
                .is_some_and(|inner| {
                    !inner.is_empty()
                        && !inner.starts_with([' ', '*', '_'])
                        && !inner.ends_with([' ', '*', '_'])
                        && !inner.contains(m)
                        && inner.chars().any(crate::text::is_han)
                })
        });
        let hashes = t.len() - t.trim_start_matches('#').len();
        let atx = (1..=6).contains(&hashes)
            && t[hashes..].starts_with(' ')
            && t[hashes..].chars().any(crate::text::is_han);
        bold || atx
    };
    // A pipe table's separator under its header row ("| --- | ---: |") is Markdown's alone.
    let separator =
        |t: &str| t.contains("---") && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    let mut headings = 0;
    let mut previous_piped = false;
    for line in text.lines() {
        let t = trim_indent(line).trim_end();
        let piped = t.starts_with('|');
        if piped && previous_piped && separator(t) {
            return true;
        }
        previous_piped = piped;
        if t.starts_with(['*', '_', '#']) && heading(t) {
            headings += 1;
            if headings >= MARKDOWN_HEADINGS_MIN {
                return true;
            }
        }
    }
    false
}

/// A line without the Markdown that dresses it as a heading or in bold ("# 标题",
/// "**落款**"); other formats' lines as they are.
pub fn plain_line<'a>(doc: &Document, line: &'a str) -> &'a str {
    if doc.format != Format::Markdown {
        return line;
    }
    let t = trim_indent(line).trim_end();
    let hashes = t.len() - t.trim_start_matches('#').len();
    let t = if hashes > 0 && t[hashes..].starts_with(' ') {
        t[hashes..].trim_start()
    } else {
        t
    };
    ["**", "__"]
        .iter()
        .find_map(|m| t.strip_prefix(m).and_then(|r| r.strip_suffix(m)))
        .unwrap_or(t)
}

/// Per line: Markdown markup rather than the report's text. All false for other formats.
pub fn markup_lines(doc: &Document) -> Vec<bool> {
    let n = doc.line_count();
    let mut markup = vec![false; n];
    if doc.format != Format::Markdown {
        return markup;
    }
    let mut i = 0;
    // Front matter: "---" on the first line, up to the next "---" or "...".
    if let Some(end) = front_matter_end(doc) {
        markup[..=end].fill(true);
        i = end + 1;
    }
    while i < n {
        let t = trim_indent(doc.line(i));
        let closing = if let Some(fence) = fence_of(t) {
            // A fence closes at a line of its character, at least as long.
            (i + 1..n).find(|&j| {
                let u = trim_indent(doc.line(j)).trim_end();
                u.starts_with(fence) && u.chars().all(|c| fence.starts_with(c))
            })
        } else if t.starts_with("<!--") && !t.contains("-->") {
            (i + 1..n).find(|&j| doc.line(j).contains("-->"))
        } else if only_markup(t) || syntax_line(t) || indented_code(doc, i, &markup) {
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
            None if fence_of(t).is_some() || (t.starts_with("<!--") && !t.contains("-->")) => {
                markup[i..].fill(true);
                break;
            }
            None => i += 1,
        }
    }
    markup
}

/// Front matter: YAML ("---" on the first line, lines of "key: value", list items and
/// their continuations, "---" or "..." closing it) or TOML (Hugo's "+++", lines of
/// "key = value" and "[table]"). A "---" rule above the title is not.
fn front_matter_end(doc: &Document) -> Option<usize> {
    let n = doc.line_count();
    let (closing, separator): (&[&str], char) =
        match doc.lines.first().map(|_| doc.line(0).trim_end()) {
            Some("---") => (&["---", "..."], ':'),
            Some("+++") => (&["+++"], '='),
            _ => return None,
        };
    let end = (1..n).find(|&j| closing.contains(&doc.line(j).trim_end()))?;
    let keyed = (1..end).all(|j| {
        let l = doc.line(j);
        let t = l.trim();
        let key = t.split_once(separator).is_some_and(|(k, _)| {
            let k = k.trim_end();
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        });
        let table = separator == '=' && t.starts_with('[') && t.ends_with(']');
        t.is_empty() || key || table || t.starts_with("- ") || l.starts_with([' ', '\t'])
    });
    keyed.then_some(end)
}

/// Line `i` is in an indented code block: four spaces or a tab in, after a blank line or
/// another such line, and mostly not Chinese. A paragraph indented with spaces as a
/// typewriter would ("    全年……") is still the report's text.
fn indented_code(doc: &Document, i: usize, markup: &[bool]) -> bool {
    let line = doc.line(i);
    let t = line.trim();
    (line.starts_with("    ") || line.starts_with('\t'))
        && !t.is_empty()
        && crate::text::han_count(t) * 4 < t.chars().count()
        && i.checked_sub(1).is_some_and(|p| {
            doc.line(p).trim().is_empty() || markup[p] && doc.line(p).starts_with([' ', '\t'])
        })
}

/// A line that is Markdown's syntax alone: a rule or a heading's underline ("---",
/// "==="), a quotation's empty line (">"), a link's definition ("[1]: https://…"), a
/// table of contents ("[TOC]").
fn syntax_line(t: &str) -> bool {
    let t = t.trim_end();
    let rule = |c: char| {
        t.chars().filter(|&x| x == c).count() >= 3 && t.chars().all(|x| x == c || x == ' ')
    };
    let underline = t.len() >= 2 && t.chars().all(|c| c == '=');
    let quote_gap = !t.is_empty() && t.chars().all(|c| c == '>' || c == ' ');
    let definition = t.starts_with('[')
        && !t.starts_with("[^")
        && crate::lazy_regex::static_regex!(r"^\[[^\]]+\]:[ \t]*\S+").is_match(t);
    let contents = matches!(
        t.to_ascii_lowercase().as_str(),
        "[toc]" | "[[toc]]" | "[[_toc_]]" | "${toc}"
    );
    rule('-') || rule('*') || rule('_') || underline || quote_gap || definition || contents
}

/// "```rust" or "~~~": a fence, whose info string has no backtick ("```x```开头" is inline
/// code at the start of a paragraph).
fn fence_of(t: &str) -> Option<&'static str> {
    let fence = if t.starts_with("```") {
        "```"
    } else if t.starts_with("~~~") {
        "~~~"
    } else {
        return None;
    };
    let info = t.trim_start_matches(fence.chars().next().unwrap_or('`'));
    (fence == "~~~" || !info.contains('`')).then_some(fence)
}

/// A line of tags and comments alone ("<div align=\"center\">", "<!-- 注 -->"); a line
/// with text between its tags is text.
fn only_markup(t: &str) -> bool {
    let spans = inline_markup(t);
    if spans.is_empty() {
        return false;
    }
    let mut at = 0;
    for r in &spans {
        if !t[at..r.start].trim().is_empty() {
            return false;
        }
        at = r.end;
    }
    t[at..].trim().is_empty() && !t.starts_with('`')
}

/// The length of the bullet that opens a Markdown list item ("- ", "* ", "+ ").
pub fn bullet_len(line: &str) -> Option<usize> {
    ["- ", "* ", "+ "]
        .iter()
        .find(|b| line.starts_with(**b))
        .map(|b| b.len())
}

/// A Markdown ordered list item ("1. ", "2) "): the length of its marker and space. Such
/// a list numbers itself: an item after another of the same list shows the next number,
/// whatever is typed ("1. … 1. …" reads 1, 2).
pub fn ordered_item_len(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    ((1..=9).contains(&digits) && [". ", ") "].iter().any(|m| line[digits..].starts_with(m)))
        .then_some(digits + 2)
}

/// Spans of `line` that are inline code (`…`), HTML tags (<span …>, </b>), autolinks
/// (<https://…>) or a one-line comment (<!-- … -->).
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
            tag_len(rest).or_else(|| autolink_len(rest))
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

/// Characters escaped with a backslash ("\\(" is a literal "("); "\\\\," is an escaped
/// backslash before a comma that is not.
pub fn escaped(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut backslashes = 0;
    for (k, c) in line.char_indices() {
        if c == '\\' {
            backslashes += 1;
            continue;
        }
        if backslashes % 2 == 1 && c.is_ascii_punctuation() {
            out.push(k..k + 1);
        }
        backslashes = 0;
    }
    out
}

/// The length of an autolink at the start of `s` (CommonMark: "<", a scheme, ":", no
/// space or angle bracket, ">"; or an e-mail address): all of it is the address.
fn autolink_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('<')?;
    let end = body.find(['>', '<', ' ', '\t'])?;
    let inner = &body[..end];
    if !body[end..].starts_with('>') {
        return None;
    }
    let scheme = inner.split_once(':').map(|(scheme, _)| scheme);
    let schemed = scheme.is_some_and(|sc| {
        (2..=32).contains(&sc.len())
            && sc.starts_with(|c: char| c.is_ascii_alphabetic())
            && sc
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    let mail = inner
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && inner.is_ascii());
    (schemed || mail).then_some(1 + end + 1)
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

    #[test]
    fn text_with_markdown_headings_is_markdown() {
        assert!(looks_like_markdown(
            "**某县卫生健康局报告**\n正文。\n**一、主要举措和成效**\n"
        ));
        assert!(looks_like_markdown("# 报告\n## 一、主要举措\n正文。"));
        assert!(looks_like_markdown(
            "正文。\n| 项目 | 件数 |\n| --- | ---: |\n| 立案 | 5 |\n"
        ));
        assert!(!looks_like_markdown("正文。\n--- | ---\n"));
        // A masked copy's stars, a lone bold line, a comment's hashes.
        assert!(!looks_like_markdown("受理**件，办结**件。\n****年**月\n"));
        assert!(!looks_like_markdown("**一、主要举措和成效**\n正文。\n"));
        assert!(!looks_like_markdown("#注释\n##\n"));
    }

    #[test]
    fn plain_lines_lose_heading_markup() {
        let md = Document::from_text("t.md", Format::Markdown, "utf-8", String::new());
        assert_eq!(
            plain_line(&md, "# 某县卫生健康局报告"),
            "某县卫生健康局报告"
        );
        assert_eq!(plain_line(&md, "**某县卫生健康局**"), "某县卫生健康局");
        assert_eq!(plain_line(&md, "#注释"), "#注释");
        let txt = Document::from_text("t.txt", Format::Text, "utf-8", String::new());
        assert_eq!(plain_line(&txt, "**某县卫生健康局**"), "**某县卫生健康局**");
    }

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
    fn text_between_tags_a_rule_above_the_title_and_inline_code_are_not_markup() {
        let text = "---\n<center>某局2024年法治政府建设年度报告</center>\n---\n<b>一是完善制度,加强监督。</b>\n<!-- 注 --> 二是推进执法。\n```x```开头,继续。\n正文。\n";
        // The rules are rules, not front matter: the title between them is text.
        assert_eq!(
            marked(text, Format::Markdown),
            [true, false, true, false, false, false, false, false]
        );
    }

    #[test]
    fn syntax_lines_toml_front_matter_and_indented_code() {
        let text = "+++\ntitle = \"报告, 2024\"\n[params]\n+++\n标题\n=====\n> 引文一，\n>\n> 引文二。\n\n    rate = 5, max = 10 (一)\n\n    全年办理案件，共12件。\n***\n[1]: https://a.gov.cn \"权责清单, 2024\"\n[^1]: 脚注，正文。\n[TOC]\n";
        assert_eq!(
            marked(text, Format::Markdown),
            [
                true, true, true, true, false, true, false, true, false, false, true, false, false,
                true, true, false, true, false
            ]
        );
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
        let line = r"\(注\)，\\,";
        let spans: Vec<&str> = escaped(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(spans, ["(", ")"]);
        // A comparison or a Chinese title in angle brackets is not a tag.
        assert!(inline_markup("余氯<0.3mg/L，见<中华人民共和国医师法>。").is_empty());
        // An autolink is an address, with whatever its path holds.
        let line =
            "详见[公示](http://a.cn/)以及<https://b.cn/公开/执法公示,目录>或<fzk@a.gov.cn>。";
        let spans: Vec<&str> = inline_markup(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(
            spans,
            ["<https://b.cn/公开/执法公示,目录>", "<fzk@a.gov.cn>"]
        );
        assert!(inline_markup("见<附件:说明>和<x:y>。").is_empty());
    }
}
