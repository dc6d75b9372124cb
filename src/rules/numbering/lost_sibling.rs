//! Sub-headings that lost their markers, found before the lower levels are grouped: the
//! items after such a heading ("1." again) are its own list, not a restart of the list
//! before it, and the level below must not take the heading for its next item.
//!
//! Two shapes: one heading between two siblings whose numbers skip one ("（一）" …
//! "严格规范公正文明执法。一是…" … "（三）"), on a line of its own or run in with its
//! list; and a whole level ("一、" then "完善依法决策机制", "1." "2.", "严格规范公正文明执法",
//! "1." "2."), where every list under the parent starts below a heading-like line.

use super::{Context, Heading, classify_candidate, line_words, lost_heading};
use std::ops::Range;

/// A sub-heading that lost its marker.
pub(super) struct LostSibling {
    pub line: usize,
    /// The level it stands at.
    pub level: u8,
    /// Its words: the line, or the lead before its 一是.
    pub words: Range<usize>,
    /// Its number, and its parent's marker, when its whole level lost its markers: no
    /// group of siblings reports it.
    pub whole_level: Option<(u32, Range<usize>)>,
}

/// Every such heading. `parents` holds each numbered heading's parent.
pub(super) fn find(
    ctx: &Context,
    numbered: &[&Heading],
    parents: &[Option<usize>],
) -> Vec<LostSibling> {
    let mut found = Vec::new();
    // Headings still waiting for the next one at their level or above.
    let mut open: Vec<usize> = Vec::new();
    for (j, next) in numbered.iter().enumerate() {
        while let Some(&k) = open.last()
            && numbered[k].level() >= next.level()
        {
            open.pop();
            let h = numbered[k];
            if h.level() == next.level()
                && parents[k] == parents[j]
                && next.number == h.number + 2
                && let Some(lost) = in_gap(ctx, h.line + 1..next.line, h.level())
            {
                found.push(lost);
            }
        }
        open.push(j);
    }
    for p in 0..numbered.len() {
        found.extend(whole_level(ctx, numbered, parents, p));
    }
    found
}

/// The heading lost in `gap`: the one heading-like line, or else the one paragraph that
/// opens with a lead phrase and 一是 and is followed by its own list ("1." again) or by the
/// next sibling.
fn in_gap(ctx: &Context, gap: Range<usize>, level: u8) -> Option<LostSibling> {
    let o = ctx.outline;
    let lost = |line: usize, words: Range<usize>| LostSibling {
        line,
        level,
        words,
        whole_level: None,
    };
    if let Some(line) = lost_heading(ctx, gap.clone()) {
        return Some(lost(line, line_words(ctx, line)));
    }
    let heads_own_list = |line: usize| {
        (line + 1..gap.end)
            .find(|&i| o.has_text(ctx.doc, i))
            .is_none_or(|i| {
                o.heading_at(i)
                    .is_some_and(|h| h.level() > level && h.number == 1)
            })
    };
    let mut found = gap
        .clone()
        .filter(|&i| !o.chrome[i] && !o.table_rows[i] && o.heading_at(i).is_none())
        .filter_map(|i| classify_candidate(ctx, i))
        .filter(|c| c.damaged.is_none() && heads_own_list(c.line));
    let one = found.next()?;
    found.next().is_none().then(|| lost(one.line, one.lead))
}

/// Under heading `p`, no child at the level below it, and two or more lists ("1." …) each
/// right below a heading-like line, the first of them at the parent's start: those lines
/// are the level's headings, each told its number.
fn whole_level(
    ctx: &Context,
    numbered: &[&Heading],
    parents: &[Option<usize>],
    p: usize,
) -> Vec<LostSibling> {
    let level = numbered[p].level() + 1;
    let children: Vec<usize> = (p + 1..numbered.len())
        .take_while(|&k| numbered[k].level() > numbered[p].level())
        .filter(|&k| parents[k] == Some(p))
        .collect();
    let Some(&first) = children.first() else {
        return Vec::new();
    };
    let child_level = numbered[first].level();
    if child_level <= level || children.iter().any(|&k| numbered[k].level() != child_level) {
        return Vec::new();
    }
    let starts: Vec<usize> = children
        .iter()
        .copied()
        .filter(|&k| numbered[k].number == 1)
        .collect();
    if starts.len() < 2 || starts[0] != first {
        return Vec::new();
    }
    let mut lost = Vec::with_capacity(starts.len());
    for (n, &k) in starts.iter().enumerate() {
        let above = (numbered[p].line + 1..numbered[k].line)
            .rev()
            .find(|&i| ctx.outline.has_text(ctx.doc, i));
        let Some(line) = above.filter(|&i| lost_heading(ctx, i..i + 1) == Some(i)) else {
            return Vec::new();
        };
        lost.push(LostSibling {
            line,
            level,
            words: line_words(ctx, line),
            whole_level: Some((n as u32 + 1, numbered[p].marker.clone())),
        });
    }
    lost
}
