//! 顿号 between titles or quoted items (GB/T 15834-2011 4.5.3.5): "标有引号的并列成分之间、
//! 标有书名号的并列成分之间通常不用顿号". Titles: a warning. Quoted items: a note, or a
//! warning when one list mixes both ways.

use super::ENUMERATION_COMMA;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;
use crate::rules::citation::titles_in;
use crate::rules::findings::Findings;
use std::ops::Range;

pub fn check(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines() {
        if !t.contains('、') {
            continue;
        }
        for (open, close, what) in [('《', '》', "书名号"), ('“', '”', "引号")] {
            if t.contains(open) {
                series(t, span.start, open, close, what, out);
            }
        }
    }
}

/// Characters of an item shown whole; a longer one is cut, keeping its closing mark.
const SHOWN_ITEM_CHARS: usize = 16;

fn shortened(item: &str, close: char) -> String {
    if item.chars().count() <= SHOWN_ITEM_CHARS {
        return item.to_string();
    }
    // Before its bracketed years, if it has any: "《法治中国建设规划…》".
    let name = item.find('（').map_or(item, |k| &item[..k]);
    let head: String = name.chars().take(SHOWN_ITEM_CHARS - 2).collect();
    format!("{head}…{close}")
}

fn series(t: &str, base: usize, open: char, close: char, what: &str, out: &mut Findings) {
    let spans = titles_in(t, open, close);
    // Runs of items joined by nothing or by 、.
    let mut k = 0;
    while k < spans.len() {
        let mut end = k;
        let mut commas: Vec<usize> = Vec::new();
        let mut bare = 0usize;
        while end + 1 < spans.len() {
            let gap = &t[spans[end].end..spans[end + 1].start];
            match gap {
                "、" => commas.push(end),
                "" => bare += 1,
                _ => break,
            }
            end += 1;
        }
        let mixed = bare > 0;
        let severity = if open == '《' || mixed {
            Severity::Warning
        } else {
            Severity::Info
        };
        // The comma after item `j`, between it and the next.
        for &j in &commas {
            let at = spans[j].end;
            if open == '“' && !quotes_whole_items(t, &spans[j], &spans[j + 1]) {
                continue;
            }
            // The two items, each cut short when long.
            let shown = format!(
                "{}、{}",
                shortened(&t[spans[j].clone()], close),
                shortened(&t[spans[j + 1].clone()], close)
            );
            let message = if mixed {
                format!("并列的{what}之间有的用顿号、有的不用：{shown}")
            } else {
                format!("并列的{what}之间通常不用顿号：{shown}")
            };
            out.push(
                Diagnostic::new(
                    &ENUMERATION_COMMA,
                    base + at..base + at + '、'.len_utf8(),
                    message,
                    format!(
                        "删去{what}之间的顿号（GB/T 15834-2011 4.5.3.5）；{what}后有括注时才用顿号"
                    ),
                )
                .with_severity(severity)
                // Whether quoted words are the items or name part of them is the author's call.
                .with_fix("", open == '《'),
            );
        }
        k = end + 1;
    }
}

/// The quotes mark the items themselves, not part of each: not "6月“安全生产月”、“12·4”国家
/// 宪法日", where the second item is a day's name with its date in quotes, and 、 is right.
fn quotes_whole_items(t: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    let dated = t[..left.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '月' || c == '日');
    let rest = &t[right.end..];
    let after = rest.chars().next();
    let shared_head = SHARED_HEADS.iter().any(|h| rest.starts_with(h));
    let named_on = after.is_some_and(|c| {
        crate::text::is_han(c) && !ITEM_BOUNDARY_WORDS.contains(&c) && !shared_head
    });
    !dated && !named_on
}

/// Nouns that both quoted items share ("“放管服”、“最多跑一次”改革"): the quotes still mark
/// whole items, unlike a day's own name after its quoted date.
const SHARED_HEADS: [&str; 14] = [
    "改革", "活动", "行动", "工作", "工程", "建设", "创建", "机制", "模式", "制度", "理念", "服务",
    "品牌", "要求",
];

/// Characters after a quoted list's last item that end the list rather than continue the
/// item's name.
const ITEM_BOUNDARY_WORDS: [char; 7] = ['等', '和', '及', '与', '的', '中', '为'];
