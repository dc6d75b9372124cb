//! Web-page debris: the lines the outline already marked as chrome (rules/chrome.toml),
//! reported once per block.

use super::WEB_DEBRIS;
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::{char_len, trim_indent};

/// A short value line between two debris lines ("主动公开" under "公开方式:") is debris too.
const MAX_VALUE_CHARS: usize = 15;
/// Characters of the first debris line quoted in the message.
const SHOWN: usize = 16;

fn is_blank(ctx: &Context, i: usize) -> bool {
    trim_indent(ctx.doc.line(i)).is_empty()
}

fn is_value_line(ctx: &Context, i: usize) -> bool {
    let t = trim_indent(ctx.doc.line(i));
    char_len(t) <= MAX_VALUE_CHARS && !t.contains(['。', '，', '；', '：', ',', ';'])
}

/// Blocks of debris lines as (first, last) line indices.
fn blocks(ctx: &Context) -> Vec<(usize, usize)> {
    let o = &ctx.outline;
    // A Word table's cell holding only "—" or "/" means "not applicable".
    let chrome: Vec<bool> = (0..o.chrome.len())
        .map(|i| o.chrome[i] && !o.markup[i] && ctx.doc.lines[i].origin.cell.is_none())
        .collect();
    // A heading between two debris lines is the report's, and ends the block.
    let heading_lines: std::collections::HashSet<usize> =
        o.headings.iter().map(|h| h.line).collect();
    let n = chrome.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !chrome[i] {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        while j < n {
            if chrome[j] {
                last = j;
            } else if !(is_blank(ctx, j) || is_value_line(ctx, j)) || heading_lines.contains(&j) {
                break;
            }
            j += 1;
        }
        out.push((first, last));
        i = last + 1;
    }
    out
}

/// Where a debris line came from, as the message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Symbols,
    Watermark,
    Header,
    PageNumber,
    Mail,
    Web,
}

impl Source {
    fn of(ctx: &Context, line: &str) -> Source {
        if !line.chars().any(char::is_alphanumeric) {
            Source::Symbols
        } else if crate::chrome::is_watermark(line) {
            Source::Watermark
        } else if ctx.outline.repeats_title(line) {
            Source::Header
        } else if crate::chrome::is_page_number(line) {
            Source::PageNumber
        } else if crate::chrome::is_mail(line) {
            Source::Mail
        } else {
            Source::Web
        }
    }

    /// The message and the hint for one line of this source.
    fn one_line(self, shown: &str) -> (String, &'static str) {
        match self {
            Source::Symbols => (
                format!("孤立的符号行“{shown}”，是表格线或转换残留"),
                "删除这一行",
            ),
            Source::Watermark => (
                format!("转换工具的水印：“{shown}”不是报告正文"),
                "这是试用版文档转换工具（如 Spire.Doc、Aspose.Words）加在文档中的水印，删除这一行，最好用正式版软件重新转换",
            ),
            Source::Header => (
                format!("页眉残留：“{shown}”是重复的标题，不是报告正文"),
                "这是从 PDF 或打印稿转换时留下的页眉，删除这一行；如果一句话被页眉隔开，把前后两段接起来",
            ),
            Source::PageNumber => (
                format!("页码残留：“{shown}”不是报告正文"),
                "这是从 PDF 或打印稿转换时留下的页码，删除这一行；如果一句话被页码隔开，把前后两段接起来",
            ),
            Source::Mail => (
                format!("邮件残留内容：“{shown}”不是报告正文"),
                "这是报告作为邮件正文转来时带入的邮件头、分隔线或签名，不是报告正文，删除这一行",
            ),
            Source::Web => (
                format!("网页残留内容：“{shown}”不是报告正文"),
                "这是从网页复制时带入的页面信息（发布时间、栏目、按钮、页脚等），不是报告正文，删除这一行",
            ),
        }
    }

    /// What a block of lines from these sources is called, and the hint.
    fn block(sources: &[Source]) -> (&'static str, &'static str) {
        let all =
            |wanted: &[Source]| !sources.is_empty() && sources.iter().all(|s| wanted.contains(s));
        if all(&[Source::Header, Source::PageNumber, Source::Symbols]) {
            (
                "页码和页眉残留",
                "这些行是从 PDF 或打印稿转换时留下的页码和页眉，不是报告正文，请删除；如果一句话被它们隔开，把前后两段接起来",
            )
        } else if all(&[Source::Mail, Source::Symbols]) {
            (
                "邮件残留内容",
                "这些行是报告作为邮件正文转来时带入的邮件头、分隔线或签名，不是报告正文，请删除",
            )
        } else {
            (
                "网页残留内容",
                "这些行是从网页复制时带入的发布信息、按钮或页脚，不是报告正文，请删除",
            )
        }
    }
}

/// "…罚没款6.3万元。点击查看原文", "…。（责任编辑：张三）": a page's link or byline run on
/// after a paragraph's last sentence, as copying a page's text joins them.
fn check_tails(ctx: &Context, out: &mut Findings) {
    let o = &ctx.outline;
    for i in o.body.clone() {
        if o.chrome.get(i).copied().unwrap_or(true) || ctx.doc.lines[i].origin.cell.is_some() {
            continue;
        }
        let span = content_span(ctx.doc, i);
        let line = &ctx.doc.text[span.clone()];
        let Some(end) = line.rfind(['。', '！', '？']) else {
            continue;
        };
        let tail = &line[end + '。'.len_utf8()..];
        let shown = tail.trim();
        if shown.chars().filter(|&c| crate::text::is_han(c)).count() < 2 {
            continue;
        }
        let unbracketed = shown
            .trim_start_matches(['（', '(', '【', '['])
            .trim_end_matches(['）', ')', '】', ']']);
        // "。来源：全市统计年报" may be the figures' source, set after them.
        if unbracketed.starts_with("来源")
            || !crate::chrome::is_chrome(shown) && !crate::chrome::is_chrome(unbracketed)
        {
            continue;
        }
        let from = span.start + end + '。'.len_utf8() + (tail.len() - tail.trim_start().len());
        out.push(
            Diagnostic::new(
                &WEB_DEBRIS,
                from..from + shown.len(),
                format!("段末有网页残留内容：“{shown}”不是报告正文"),
                "这是从网页复制时接在段末的链接或署名（如“点击查看原文”“责任编辑：××”），删除这段文字",
            )
            .with_fix("", false),
        );
    }
}

pub fn check(ctx: &Context, out: &mut Findings) {
    check_tails(ctx, out);
    // "2026-01-23" under the 落款 is the 成文日期 badly written (GW0203 says so), not a
    // portal's publishing date.
    let date_line = ctx.outline.date.as_ref().map(|d| d.line);
    for (first, last) in blocks(ctx) {
        if first == last && Some(first) == date_line {
            continue;
        }
        let start = content_span(ctx.doc, first).start;
        let end = content_span(ctx.doc, last).end.max(start);
        let line = trim_indent(ctx.doc.line(first));
        let shown = crate::text::abridged(line, SHOWN);
        let (message, help) = if first == last {
            Source::of(ctx, line).one_line(&shown)
        } else {
            // Lines that are debris only beside others ("主题：…") name no source.
            let sources: Vec<Source> = (first..=last)
                .map(|i| trim_indent(ctx.doc.line(i)))
                .filter(|line| crate::chrome::is_chrome(line))
                .map(|line| Source::of(ctx, line))
                .collect();
            let (what, help) = Source::block(&sources);
            (
                format!("{what}（第{}～{}行），从“{shown}”开始", first + 1, last + 1),
                help,
            )
        };
        // Deleting is right when the lines are debris; the patterns can be wrong, so the
        // fix is offered but not applied automatically.
        out.push(Diagnostic::new(&WEB_DEBRIS, start..end, message, help).with_fix("", false));
    }
}
