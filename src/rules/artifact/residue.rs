//! Word conversion residue: hidden bookmarks, field codes and table borders that a
//! converter wrote into the text.

use super::WORD_RESIDUE;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use regex::Regex;
use std::sync::OnceLock;

fn residue_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(concat!(
            r"\[(?:bookmark|image|comment):[^\]\n]*\]",
            r"|\{[ \t]*(?:PAGE|NUMPAGES|SECTIONPAGES|PAGEREF|HYPERLINK|TOC|REF|SEQ|MERGEFIELD)(?-u:\b)[^{}\n]*\}",
            r"|(?:\\\*[ \t]*)?(?-u:\b)MERGEFORMAT(?-u:\b)",
            r#"|(?-u:\b)HYPERLINK[ \t]+(?:\\l[ \t]+)?"[^"\n]*""#,
            r"|(?-u:\b)PAGEREF[ \t]+_Toc[0-9]+(?:[ \t]+\\h)?",
            r"|(?-u:\b)_Toc[0-9]{4,}(?-u:\b)|(?-u:\b)_GoBack(?-u:\b)|(?-u:\b)_Hlk[0-9]{4,}(?-u:\b)",
        ))
        .expect("residue regex")
    })
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (_, span, t) in ctx.lines() {
        if t.is_empty() {
            continue;
        }
        let mut any = false;
        // Every residue starts with one of these ASCII bytes; testing bytes skips decoding.
        if t.bytes()
            .any(|b| matches!(b, b'[' | b'{' | b'_' | b'M' | b'H' | b'P'))
        {
            for m in residue_regex().find_iter(t) {
                any = true;
                let shown = m.as_str();
                out.push(
                    Diagnostic::new(
                        &WORD_RESIDUE,
                        span.start + m.start()..span.start + m.end(),
                        format!("Word 转换残留“{shown}”"),
                        "这是 Word 的隐藏书签或域代码，转换成文本时被带了出来，删除即可",
                    )
                    .with_fix("", true),
                );
            }
        }
        // "|正文" or "正文|": a table border left by the converter (Markdown tables are fine).
        if !any && ctx.doc.format != crate::document::Format::Markdown {
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
