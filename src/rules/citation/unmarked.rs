//! A title written without its 书名号 ("深入贯彻落实法治政府建设实施纲要（2021—2025年），").
//! Only the titles that are nothing else: a law's full name and a document's with its years.

use super::CITATION_UNMARKED;
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::findings::Findings;
use crate::rules::{Context, Covering, LineCache};
use std::ops::Range;

/// What may follow a law's name inside a longer title not in the table: its 实施条例, its
/// 释义, an amendment. Not a verb ("行政复议法修订实施", "…实施以来"): the name is the law's.
const LONGER_TITLE: [&str; 9] = [
    "实施条例",
    "实施细则",
    "实施办法",
    "实施意见",
    "实施方案",
    "释义",
    "修正案",
    "修订草案",
    "若干",
];

const OPENING: [char; 11] = ['《', '〈', '“', '‘', '<', '＜', '‹', '«', '"', '「', '『'];
const CLOSING: [char; 11] = ['》', '〉', '”', '’', '>', '＞', '›', '»', '"', '」', '』'];

pub fn check(ctx: &Context, out: &mut Findings) {
    let titles = ctx.citations().unmistakable();
    let doc = ctx.doc;
    let mut marked = LineCache::new();
    let found = (0..doc.line_count()).flat_map(|i| {
        let span = content_span(doc, i);
        titles
            .find(&doc.text[span.clone()])
            .into_iter()
            .map(move |(m, k)| (i, span.start + m.start..span.start + m.end, k))
    });
    for (i, m, k) in found {
        if ctx.outline.chrome[i] {
            continue;
        }
        let line = content_span(doc, i);
        let t = &doc.text[line.clone()];
        let (start, end) = (m.start - line.start, m.end - line.start);
        let before = t[..start].chars().next_back();
        let after = &t[end..];
        // In marks, right or wrong: wrong marks (<…>, "…", 「…」) are the marks' rules'.
        if before.is_some_and(|c| OPENING.contains(&c))
            || after.starts_with(CLOSING)
            || LONGER_TITLE.iter().any(|w| after.starts_with(w))
        {
            continue;
        }
        // Inside a title or a quotation: cited with marks, or quoted (GW0704's).
        if marked
            .get(i, || Covering::new(marked_spans(t)))
            .holds(&(start..end))
        {
            continue;
        }
        let name = ctx.citations().docs[k].full();
        out.push(
            Diagnostic::new(
                &CITATION_UNMARKED,
                m.clone(),
                format!("文件名称“{name}”没有加书名号"),
                format!("法律、法规和文件的名称加书名号：《{name}》（GB/T 15834-2011 4.15）"),
            )
            .with_fix(format!("《{}》", &doc.text[m]), false),
        );
    }
}

/// The spans of the line's titles and quotations, marks included.
fn marked_spans(t: &str) -> Vec<Range<usize>> {
    [('《', '》'), ('〈', '〉'), ('“', '”'), ('‘', '’')]
        .into_iter()
        .filter(|&(open, _)| t.contains(open))
        .flat_map(|(open, close)| super::titles_in(t, open, close))
        .collect()
}
