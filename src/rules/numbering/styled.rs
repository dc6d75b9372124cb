//! A .docx heading whose automatic number was switched off while its siblings keep theirs
//! (GW0302): Word shows no "（三）" there, numbers the next heading "（三）" instead, and the
//! items under it run on from the heading before ("4." "5.").

use super::HEADING_MARKER_MISSING;
use super::marker::expected_marker;
use crate::diagnostic::Diagnostic;
use crate::document::ListSlot;
use crate::outline::{Heading, MarkerKind};
use crate::rules::Context;
use crate::rules::findings::Findings;

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let headings = &ctx.outline.headings;
    for (k, lost) in headings.iter().enumerate() {
        if lost.kind != MarkerKind::Styled || out.iter().any(|d| on_line(ctx, d, lost.line)) {
            continue;
        }
        let Some(slot) = list_of(ctx, lost).filter(|s| s.removed) else {
            continue;
        };
        let numbered_in = ListSlot {
            removed: false,
            ..slot
        };
        let sibling = |h: &&Heading| h.auto && list_of(ctx, h) == Some(numbered_in);
        let Some(before) = headings[..k].iter().rev().find(sibling) else {
            continue;
        };
        // Within the same parent: no heading of a higher level between them.
        let higher = |h: &Heading| h.kind != MarkerKind::Styled && h.level() < before.level();
        let parent_start = headings[..k].iter().rposition(higher);
        if parent_start.is_some_and(|p| headings[p].line > before.line) {
            continue;
        }
        // Between two numbered siblings: an unnumbered heading after the last ("附件",
        // "结束语") is set apart on purpose.
        if !headings[k + 1..]
            .iter()
            .take_while(|h| !higher(h))
            .any(|h| sibling(&h))
        {
            continue;
        }
        let want = expected_marker(before.level(), before.number + 1);
        let shown = ctx.doc.text[before.marker.clone()].trim_end();
        let words = ctx.doc.text[lost.title.clone()].trim_end();
        out.push(Diagnostic::new(
            &HEADING_MARKER_MISSING,
            lost.title.clone(),
            format!(
                "小标题“{words}”与“{shown}”等同在一个 Word 自动编号列表中，它的编号却被取消了：这里不显示序号，应为“{want}”，其后的同级序号和其下条目的序号也因此错位"
            ),
            format!(
                "在 Word 中把光标放在这一段，单击“编号”按钮，或用格式刷从“{shown}”那一段复制格式，恢复自动编号“{want}”"
            ),
        ));
    }
}

fn list_of(ctx: &Context, h: &Heading) -> Option<ListSlot> {
    ctx.doc.lines[h.line].origin.list
}

fn on_line(ctx: &Context, d: &Diagnostic, line: usize) -> bool {
    d.rule.code == HEADING_MARKER_MISSING.code && ctx.doc.position(d.span.start).line == line + 1
}
