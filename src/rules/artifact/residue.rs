//! Word conversion residue: hidden bookmarks, field codes and table borders that a
//! converter wrote into the text.

use super::WORD_RESIDUE;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use regex::Regex;

/// The longest residue reported: a bookmark or field code in brackets, and a HYPERLINK
/// field with its URL. Anything longer is prose, which a safe fix must not delete.
const MAX_BRACKETED_CHARS: usize = 220;
const MAX_LINK_CHARS: usize = 320;

fn residue_regex() -> &'static Regex {
    static_regex!(concat!(
        // Unbounded inside the brackets (a bounded repetition of a Unicode class is
        // costly to compile); `check` drops matches that are too long.
        r"\[(?:bookmark|image|comment):[^\]\n]*\]",
        r"|\{\s*(?:PAGE|NUMPAGES|SECTIONPAGES|PAGEREF|HYPERLINK|TOC|REF|SEQ|MERGEFIELD)(?-u:\b)[^{}\n]*\}",
        r"|(?:\\\*\s*)?(?-u:\b)MERGEFORMAT(?-u:\b)",
        r#"|(?-u:\b)HYPERLINK\s+(?:\\l\s+)?"[^"\n]*""#,
        r"|(?-u:\b)PAGEREF\s+_Toc[0-9]+(?:\s+\\h)?",
        r#"|(?-u:\b)TOC(?:\s+\\[a-z](?:\s+"[^"\n]*")?)+"#,
        r"|(?-u:\b)_Toc[0-9]{4,}(?-u:\b)|(?-u:\b)_GoBack(?-u:\b)|(?-u:\b)_Hlk[0-9]{4,}(?-u:\b)",
    ))
}

/// What Word shows for a cross-reference or field whose target is gone, in Chinese and
/// English Word, full-width or half-width.
const BROKEN_FIELDS: [&str; 8] = [
    "错误！未找到引用源。",
    "错误!未找到引用源。",
    "错误！未定义书签。",
    "错误!未定义书签。",
    "错误！文档中没有指定样式的文字。",
    "错误！超链接引用无效。",
    "Error! Reference source not found.",
    "Error! Bookmark not defined.",
];

/// `before` ends with Word's text for a broken field, whose own "。" is no stop of the
/// sentence it stands in.
pub(crate) fn ends_broken_field(before: &str) -> bool {
    BROKEN_FIELDS.iter().any(|f| before.ends_with(f))
}

/// "详见表错误！未找到引用源。": a cross-reference whose target was deleted, printed as
/// Word's error. Not when quoted as a phrase ("显示“错误！未找到引用源。”").
fn broken_fields(t: &str, base: usize, out: &mut Findings) {
    for field in BROKEN_FIELDS {
        for (at, _) in t.match_indices(field) {
            if t[..at].ends_with(['“', '"', '「']) {
                continue;
            }
            out.push(Diagnostic::new(
                &WORD_RESIDUE,
                base + at..base + at + field.len(),
                format!("Word 交叉引用失效，显示成了“{field}”"),
                "引用的标题、表格或书签已被删除或改名：在 Word 中重新插入交叉引用（或写明所指内容）后再转换",
            ));
        }
    }
}

/// "【批注：数据待核实】": a reviewer's note typed into the text, left in.
fn typed_notes(t: &str, base: usize, out: &mut Findings) {
    for m in static_regex!(r"【\s*(?:批注|修改意见|审核意见)[:：][^】\n]{0,100}】").find_iter(t)
    {
        out.push(
            Diagnostic::new(
                &WORD_RESIDUE,
                base + m.start()..base + m.end(),
                format!("正文中留有批注：“{}”", m.as_str()),
                "这是修改过程中写进正文的批注：按批注处理后删去",
            )
            .with_fix("", false),
        );
    }
}

/// "一、主要举措和成效……………………1": an entry of a table of contents (dot leaders and a
/// page number), pasted from a Word file that had one. A report has none (GB/T 9704).
fn contents_entry(t: &str, base: usize, out: &mut Findings) {
    let entry = static_regex!(r"^\s*(\S.{0,60}?)\s*(?:[.·．]{6,}|…{3,})\s*([0-9]{1,3})\s*$");
    let Some(c) = entry.captures(t) else {
        return;
    };
    let (Some(title), Some(page)) = (c.get(1), c.get(2)) else {
        return;
    };
    out.push(
        Diagnostic::new(
            &WORD_RESIDUE,
            base..base + t.len(),
            format!(
                "目录行“{}……{}”：报告正文中不应有目录",
                title.as_str(),
                page.as_str()
            ),
            "多为从带目录的 Word 文件复制而来：删去目录各行",
        )
        .with_fix("", false),
    );
}

pub fn check(ctx: &Context, out: &mut Findings) {
    // Looked for line by line only in the rare document that has the words at all.
    let text = &ctx.doc.text;
    let fields_broken = text.contains("错误") || text.contains("Error!");
    let notes = text.contains('【')
        && ["批注", "修改意见", "审核意见"]
            .iter()
            .any(|w| text.contains(w));
    for (_, span, t) in ctx.lines() {
        if t.is_empty() {
            continue;
        }
        if fields_broken {
            broken_fields(t, span.start, out);
        }
        if notes {
            typed_notes(t, span.start, out);
        }
        if t.ends_with(|c: char| c.is_ascii_digit())
            && ["……", "......", "······", "．．．．．．"]
                .iter()
                .any(|w| t.contains(w))
        {
            contents_entry(t, span.start, out);
        }
        let mut any = false;
        // Every residue starts with one of these ASCII bytes; testing bytes skips decoding.
        if t.bytes()
            .any(|b| matches!(b, b'[' | b'{' | b'_' | b'M' | b'H' | b'P' | b'T'))
        {
            // The web addresses, found only when a residue is.
            let mut links = None;
            for m in residue_regex().find_iter(t) {
                // "…2024.html#_Toc123456": an anchor of a web address, part of the link.
                let links = links.get_or_insert_with(|| crate::rules::punctuation::chars::links(t));
                if links
                    .iter()
                    .any(|l| l.start <= m.start() && m.end() <= l.end)
                {
                    continue;
                }
                // "办理\* MERGEFORMAT 许可": the space left between two characters goes too,
                // and so does one before the text at a paragraph's start; after a TOC
                // entry's PAGEREF, its page number.
                let end = {
                    let rest = &t[m.end()..];
                    let spaces = rest.len() - rest.trim_start_matches(' ').len();
                    let after = &rest[spaces..];
                    let opens_line = crate::text::trim_indent(&t[..m.start()]).is_empty();
                    let before_han = t[..m.start()]
                        .chars()
                        .next_back()
                        .is_some_and(crate::text::is_han);
                    let page_number = m.as_str().starts_with("PAGEREF")
                        && !after.is_empty()
                        && after.trim_end().bytes().all(|b| b.is_ascii_digit());
                    if page_number {
                        t.len()
                    } else if (before_han || opens_line)
                        && after.chars().next().is_some_and(crate::text::is_han)
                    {
                        m.end() + spaces
                    } else {
                        m.end()
                    }
                };
                let shown = m.as_str();
                let max = if shown.starts_with(['[', '{']) {
                    MAX_BRACKETED_CHARS
                } else {
                    MAX_LINK_CHARS
                };
                if shown.chars().nth(max).is_some() {
                    continue;
                }
                any = true;
                // "_Toc1234563.压实…": the last digits may be the heading's number, so what
                // to delete is the writer's call.
                let numbered = shown.starts_with('_')
                    && t[m.end()..].starts_with(['.', '．', '、', ')', '）']);
                let help = if numbered {
                    "这是 Word 的隐藏书签名，转换成文本时被带了出来；它紧接着“.”等序号标点，末尾的数字可能是标题序号，请删除书签名、保留序号"
                } else {
                    "这是 Word 的隐藏书签或域代码，转换成文本时被带了出来，删除即可"
                };
                out.push(
                    Diagnostic::new(
                        &WORD_RESIDUE,
                        span.start + m.start()..span.start + end,
                        format!("Word 转换残留“{shown}”"),
                        help,
                    )
                    .with_fix("", !numbered),
                );
            }
        }
        // "|正文" or "正文|": a table border left by the converter (Markdown tables are fine).
        if !any
            && ctx.doc.format != crate::document::Format::Markdown
            && !crate::text_table::is_piped(t)
        {
            for (k, c) in [(0, t.chars().next()), (t.len(), t.chars().next_back())] {
                if matches!(c, Some('|' | '｜')) && t.chars().count() > 1 {
                    let c = c.unwrap_or('|');
                    let at = if k == 0 { 0 } else { t.len() - c.len_utf8() };
                    out.push(
                        Diagnostic::new(
                            &WORD_RESIDUE,
                            span.start + at..span.start + at + c.len_utf8(),
                            format!("段{}的“{c}”是表格线残留", if k == 0 { "首" } else { "末" }),
                            "删除这个竖线",
                        )
                        .with_fix("", true),
                    );
                }
            }
        }
    }
}
