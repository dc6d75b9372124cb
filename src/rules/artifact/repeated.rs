//! A paragraph pasted twice: the same sentences again, word for word.

use super::REPEATED_PARAGRAPH;
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::char_len;
use std::collections::HashMap;

/// Shorter paragraphs repeat on purpose: a heading, a label, "无", a standard line.
const MIN_CHARS: usize = 20;

/// Longest label before a colon that makes a line a field ("整改情况：", "完成时限：").
const MAX_LABEL: usize = 6;

fn labelled(text: &str) -> bool {
    ["注", "说明", "数据来源", "资料来源", "备注"]
        .iter()
        .any(|w| text.starts_with(w))
        || text
            .split_once('：')
            .is_some_and(|(label, _)| char_len(label) <= MAX_LABEL && !label.contains(['，', '。']))
}

/// A paragraph's first line, and the finding on its first copy with the copies after it,
/// which are counted there rather than each reported: (index in the findings, copies).
struct Seen {
    first: usize,
    reported: Option<(usize, usize)>,
}

pub fn check(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    let o = &ctx.outline;
    let mut first_seen: HashMap<&str, Seen> = HashMap::new();
    // The paragraph before, for a copy of its last sentences.
    let mut previous: Option<(usize, &str)> = None;
    for i in 0..doc.line_count() {
        let skip = |v: &Vec<bool>| v.get(i).copied().unwrap_or(false);
        if skip(&o.chrome) || skip(&o.table_rows) || doc.lines[i].origin.cell.is_some() {
            continue;
        }
        let span = content_span(doc, i);
        // "（三）强化执法监督。全年…" pasted again, under its own number or another: the
        // item after its marker. A heading on a line of its own repeats on purpose.
        let from = match o.heading_at(i) {
            Some(h) if h.run_in => h.title.start.clamp(span.start, span.end),
            // Though its end may be copied again ("（一）……，全部经过合法性审查。").
            Some(h) => {
                let own = &doc.text[h.title.start.clamp(span.start, span.end)..span.end];
                previous = Some((i, own.trim_end()));
                continue;
            }
            None => span.start,
        };
        let text = doc.text[from..span.end].trim_end();
        let before = if text.is_empty() {
            previous
        } else {
            previous.replace((i, text))
        };
        // Prose: long enough, with a sentence in it. A note under each table ("注：本表
        // 数据截至…") and a field under each item ("整改情况：已全部完成整改。") repeat on
        // purpose.
        if char_len(text) < MIN_CHARS || !text.contains(['。', '；', '！', '？']) || labelled(text)
        {
            continue;
        }
        // "……学习不够深入。" pasted again on its own after the paragraph that ends with it.
        let tail_of = before.filter(|&(_, prev)| {
            prev.len() > text.len()
                && prev.ends_with(text)
                && prev[..prev.len() - text.len()].ends_with(['。', '；', '！', '？', '，'])
        });
        if let Some((line, _)) = tail_of {
            out.push(pasted_again(
                span,
                format!("这一段与第{}行段落的末尾完全相同", line + 1),
            ));
            continue;
        }
        match first_seen.get_mut(text) {
            Some(Seen {
                reported: Some((_, more)),
                ..
            }) => *more += 1,
            Some(seen) => {
                let at = out.len();
                let kept = out.keep(pasted_again(
                    span,
                    format!("这一段与第{}行的段落完全相同", seen.first + 1),
                ));
                // (Past the cap nothing was kept to count the copies on.)
                seen.reported = kept.then_some((at, 0));
            }
            None => {
                first_seen.insert(
                    text,
                    Seen {
                        first: i,
                        reported: None,
                    },
                );
            }
        }
    }
    // A paragraph copied many times (a template filled in a loop) is one finding.
    for seen in first_seen.into_values() {
        if let Some((k, more)) = seen.reported.filter(|&(_, more)| more > 0) {
            out[k].message.push_str(&format!(
                "；全文共出现{}次，其余{more}处不再逐一列出",
                more + 2
            ));
        }
    }
}

/// Two sibling headings with the same words ("（三）严格规范公正文明执法。" and "（四）严格规范
/// 公正文明执法。"): a heading copied for the next item and never rewritten.
pub fn check_headings(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    let mut stack: Vec<&crate::outline::Heading> = Vec::new();
    let mut seen: HashMap<(Option<usize>, u8, &str), usize> = HashMap::new();
    for h in &ctx.outline.headings {
        while stack.last().is_some_and(|p| p.level() >= h.level()) {
            stack.pop();
        }
        let parent = stack.last().map(|p| p.line);
        stack.push(h);
        let words = doc.text[h.title.clone()]
            .trim_end_matches(['。', '：', ':'])
            .trim();
        if h.run_in || h.level() == 0 || char_len(words) < MIN_HEADING_CHARS {
            continue;
        }
        if let Some(&first) = seen.get(&(parent, h.level(), words)) {
            out.push(pasted_again(
                h.title.clone(),
                format!("这个小标题与第{}行的同级小标题相同", first + 1),
            ));
        } else {
            seen.insert((parent, h.level(), words), h.line);
        }
    }
}

/// Shorter headings repeat on purpose under different parents ("工作措施").
const MIN_HEADING_CHARS: usize = 4;

fn pasted_again(span: std::ops::Range<usize>, message: String) -> Diagnostic {
    Diagnostic::new(
        &REPEATED_PARAGRAPH,
        span,
        message,
        "多半是复制粘贴时重复了：删除这一段，或改写成要表达的内容",
    )
    .with_fix("", false)
}
