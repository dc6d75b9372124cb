//! Punctuation the outline positions fix: the colon after the 主送机关 (GB/T 9704-2012
//! 7.3.2) and the 。 that ends a heading run into its paragraph (rules.md R-F03, R-P08).

use super::{ADDRESSEE_COLON, RUN_IN_HEADING};
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::Context;
use crate::text::char_len;

/// A run-in heading this long, split by two commas, has swallowed the start of its body.
const LONG_RUN_IN: usize = 40;
/// Characters of the heading shown when its end is unknown.
const SHOWN: usize = 20;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    addressee(ctx, out);
    run_in(ctx, out);
}

fn addressee(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(i) = ctx.outline.addressee else {
        return;
    };
    let span = content_span(ctx.doc, i);
    let t = &ctx.doc.text[span.clone()];
    // "市委、市政府" or "市委、市政府，": the colon is missing.
    if !t.ends_with(['：', ':']) {
        let body = t.trim_end_matches(['，', ',', '；', ';', '。']);
        out.push(
            Diagnostic::new(
                &ADDRESSEE_COLON,
                span.start + body.len()..span.end,
                format!("主送机关“{body}”后缺少冒号“：”"),
                "GB/T 9704-2012 7.3.2：最后一个主送机关名称后标全角冒号",
            )
            .with_fix("：", true),
        );
        return;
    }
    if !t.ends_with(':') {
        return;
    }
    out.push(
        Diagnostic::new(
            &ADDRESSEE_COLON,
            span.end - 1..span.end,
            format!("主送机关“{t}”后应使用全角冒号“：”"),
            "GB/T 9704-2012 7.3.2：最后一个主送机关名称后标全角冒号",
        )
        .with_fix("：", true),
    );
}

fn run_in(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = &ctx.doc.text;
    for h in &ctx.outline.headings {
        if !h.run_in || ctx.outline.chrome[h.line] {
            continue;
        }
        let title = &text[h.title.clone()];
        let clauses = title.matches(['，', ',', '；', ';']).count();
        let run_on = h.terminated && char_len(title) > LONG_RUN_IN && clauses >= 2;
        if h.terminated && !run_on {
            continue;
        }
        // Up to the first clause mark: the most the heading can be.
        let end = title
            .char_indices()
            .take(SHOWN + 1)
            .find(|&(_, c)| matches!(c, '，' | ',' | '；' | ';'))
            .map_or_else(
                || {
                    title
                        .char_indices()
                        .nth(SHOWN)
                        .map_or(title.len(), |(b, _)| b)
                },
                |(b, _)| b,
            );
        if end == 0 {
            continue;
        }
        let shown = &title[..end];
        out.push(Diagnostic::new(
            &RUN_IN_HEADING,
            h.title.start..h.title.start + end,
            format!("小标题与正文连写，小标题后缺少句号：“{shown}…”"),
            "在小标题末尾加“。”，再接正文（小标题单独成行时不加标点）",
        ));
    }
}
