//! Paragraphs broken mid-sentence or mid-word, and paragraphs that stop at ，or ；.

use super::layout::{Ending, ending, is_open_ending};
use super::{PARAGRAPH_BREAK, PARAGRAPH_UNFINISHED};
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::last_chars;

/// Characters shown on each side of a break.
const SHOWN: usize = 6;

pub fn check(ctx: &Context, out: &mut Findings) {
    for i in 0..ctx.doc.line_count() {
        match ending(ctx, i) {
            Ending::Complete | Ending::Wrapped { printed: false, .. } => {}
            Ending::Continues { next } => broken(ctx, i, next, out, Break::Paragraph),
            Ending::Wrapped {
                next,
                printed: true,
            } => broken(ctx, i, next, out, Break::Manual),
            Ending::Unfinished => unfinished(ctx, i, out),
        }
    }
}

/// How the line was broken: a paragraph mark, or a manual line break in a Word paragraph.
#[derive(PartialEq)]
enum Break {
    Paragraph,
    Manual,
}

fn broken(ctx: &Context, i: usize, next: usize, out: &mut Findings, kind: Break) {
    let a = content_span(ctx.doc, i);
    let b = content_span(ctx.doc, next);
    let text = &ctx.doc.text;
    let Some(last) = text[a.clone()].chars().next_back() else {
        return;
    };
    let Some(first) = text[b.clone()].chars().next() else {
        return;
    };
    let tail = last_chars(&text[a.clone()], SHOWN);
    let head: String = text[b.clone()].chars().take(SHOWN).collect();
    let start = a.end - last.len_utf8();
    let end = b.start + first.len_utf8();
    let (message, help) = if kind == Break::Manual && ctx.doc.lines[next].origin.after_page_break {
        (
            format!("段落中间有分页符：“…{tail}”与“{head}…”是同一句话，打印出来后半句会另起一页"),
            "删除分页符（Ctrl+Enter 产生），需要换页时在段落之间分页",
        )
    } else if kind == Break::Manual {
        (
            format!("段落中间有手动换行：“…{tail}”与“{head}…”是同一句话，打印出来会在此处断行"),
            "删除手动换行符（Shift+Enter 产生的↓），让文字自然换行",
        )
    } else if super::layout::title_goes_on(ctx, i) == Some(next) {
        (
            format!("段落在书名号中间断开：“…{tail}”与下一段“{head}…”是同一个名称"),
            "删除多余的换行，把书名接回一处（多为从 PDF 复制或转换时产生），再核对书名",
        )
    } else if (last.is_ascii_digit() || matches!(last, '.' | ',')) && first.is_ascii_digit() {
        (
            format!("数字被换行拆开：“…{tail}”与下一段“{head}…”是同一个数字"),
            "删除多余的换行，把数字接回一处（多为从 PDF 复制时产生），再核对这个数字",
        )
    } else if is_open_ending(last) {
        (
            format!("段落在“{last}”处断开：“…{tail}”与下一段“{head}…”是同一句话"),
            "删除多余的换行，把两段合成一段（多为从 PDF 或网页复制时产生）",
        )
    } else if matches!(first, '、' | '，' | '。' | '；' | '：' | '？' | '！') {
        (
            format!("段落在“{first}”之前断开：“…{tail}”与下一段“{head}…”应连在一起"),
            "删除多余的换行，把两段合成一段（多为从 PDF 或网页复制时产生）",
        )
    } else {
        (
            // Between words or inside one: the line alone cannot tell.
            format!("段落在句子中间断开：“…{tail}”与下一段“{head}…”应连在一起"),
            "删除多余的换行，把两段合成一段（多为从 PDF 或网页复制时产生）",
        )
    };
    // Joining is right when the break is an artefact; a heading without a marker would be
    // swallowed, so the fix is not applied automatically.
    out.push(
        Diagnostic::new(&PARAGRAPH_BREAK, start..end, message, help)
            .with_fix(format!("{last}{first}"), false),
    );
}

fn unfinished(ctx: &Context, i: usize, out: &mut Findings) {
    let a = content_span(ctx.doc, i);
    let t = &ctx.doc.text[a.clone()];
    let Some(last) = t.chars().next_back() else {
        return;
    };
    // "…&rdquo;": the ; closes an HTML entity, which GW0601 reports.
    if last == ';'
        && super::markup::markup(t)
            .iter()
            .any(|(r, _)| r.end == t.len())
    {
        return;
    }
    let tail = last_chars(t, SHOWN);
    out.push(Diagnostic::new(
        &PARAGRAPH_UNFINISHED,
        a.end - last.len_utf8()..a.end,
        format!("段落以“{last}”结尾：“…{tail}”之后的内容缺失或被截断"),
        "补全这一段，或把段末的标点改为句号",
    ));
}
