//! "（二）…" "3.…" "（四）…": a heading typed in a deeper level's form between two of its
//! siblings, or after the last of them. Its number says where it stands: it goes on from
//! the heading above it, as no child's first number would. Also the other way: a part's
//! "三、" among the items "（二）" and "（四）", and an item's "（三）" among the parts.

use super::{Heading, MarkerKind};
use crate::document::Document;
use crate::profile::Profile;
use crate::text::squeeze;

/// Marks each such heading as standing at its siblings' level (`Heading::stands_at`).
pub(super) fn mark(headings: &mut [Heading]) {
    let numbered: Vec<usize> = (0..headings.len())
        .filter(|&k| headings[k].kind != MarkerKind::Styled)
        .collect();
    for (n, &k) in numbered.iter().enumerate() {
        if let Some(sibling) = misplaced_sibling(headings, &numbered, n) {
            headings[k].stands_at = Some(sibling);
        }
    }
}

/// The form of the siblings that the `n`th numbered heading goes on from, if it does.
fn misplaced_sibling(headings: &[Heading], numbered: &[usize], n: usize) -> Option<MarkerKind> {
    let h = &headings[numbered[n]];
    let level = h.kind.level();
    if h.auto || h.stands_at.is_some() || h.number < 2 || h.kind == MarkerKind::Circled {
        return None;
    }
    let at = |m: usize| &headings[numbered[m]];
    // The heading it would be the first child of: a sub-heading, numbered one less.
    let p = (0..n).rev().find(|&m| at(m).level() < level)?;
    let above = at(p);
    if above.level() < MarkerKind::HanParen.level()
        || above.stands_at.is_some()
        || above.number + 1 != h.number
    {
        return None;
    }
    let listed_before = (p + 1..n).any(|m| at(m).level() == level);
    // "（一）1. 2. （二）3.": a list running on from the sibling before is no such heading.
    let runs_on = (0..p)
        .rev()
        .take_while(|&m| at(m).level() >= above.level())
        .find(|&m| at(m).level() == level)
        .is_some_and(|m| at(m).number + 1 == h.number);
    // Confirmed by the sibling after it, or alone at its level up to the next part.
    let after = (n + 1..numbered.len()).find(|&m| at(m).level() <= above.level());
    let confirmed = match after {
        Some(m) if at(m).level() == above.level() => at(m).number == h.number + 1,
        _ => true,
    };
    let mut below = (n + 1..after.unwrap_or(numbered.len())).filter(|&m| at(m).level() == level);
    let alone = below.clone().next().is_none();
    if listed_before {
        // "（二）1.…。2.…。" "3.深化改革" "1.…。2.…。" "（四）": numbered on from the list
        // above it, yet a title with a list of its own and the sibling after it confirming.
        let own_list = below.next().is_some_and(|m| at(m).number == 1);
        let named_after = after.is_some_and(|m| at(m).level() == above.level());
        return (own_list && named_after && confirmed && !h.run_in).then_some(above.kind);
    }
    (!runs_on && confirmed && alone).then_some(above.kind)
}

/// "二、存在的不足和原因" "（三）党政主要负责人履行…情况" "四、…安排": a part of the report
/// typed as an item, between two parts whose numbers it goes on. Marked as standing at the
/// parts' level when its title names a part of the profile.
pub(super) fn mark_parts(doc: &Document, headings: &mut [Heading], profile: &Profile) {
    for k in 0..headings.len() {
        if is_part_as_item(doc, headings, k, profile) {
            headings[k].stands_at = Some(MarkerKind::HanComma);
        }
    }
}

fn is_part_as_item(doc: &Document, headings: &[Heading], k: usize, profile: &Profile) -> bool {
    let h = &headings[k];
    let part = MarkerKind::HanComma.level();
    if h.kind != MarkerKind::HanParen || h.stands_at.is_some() || h.run_in || h.number < 2 {
        return false;
    }
    let Some(p) = (0..k).rev().find(|&m| headings[m].level() <= part) else {
        return false;
    };
    let above = &headings[p];
    // The first of its form under the part above, numbered as the part after it.
    if above.level() != part
        || above.number + 1 != h.number
        || headings[p + 1..k].iter().any(|g| g.level() == h.level())
    {
        return false;
    }
    let next_part = headings[k + 1..].iter().find(|g| g.level() <= part);
    if next_part.is_some_and(|g| g.level() != part || g.number != h.number + 1) {
        return false;
    }
    // Items of its own start again from （一）.
    let own_items = headings[k + 1..]
        .iter()
        .take_while(|g| g.level() > part)
        .find(|g| g.level() == h.level());
    if own_items.is_some_and(|g| g.number != 1) {
        return false;
    }
    let title = squeeze(&doc.text[h.title.clone()]);
    profile.parts_named(&title).next().is_some()
}

/// "一、…" "（一）" "（二）" "三、…" "（四）" … "二、…": an item typed in the parts' form.
/// Its number goes on the items around it, not the parts, and its title names no part.
/// Marked as standing at the items' level.
pub(super) fn mark_items_as_parts(doc: &Document, headings: &mut [Heading], profile: &Profile) {
    let (part, item) = (MarkerKind::HanComma.level(), MarkerKind::HanParen.level());
    for k in 0..headings.len() {
        let h = &headings[k];
        if h.kind != MarkerKind::HanComma || h.auto || h.stands_at.is_some() || h.number < 2 {
            continue;
        }
        let Some(p) = (0..k).rev().find(|&m| headings[m].level() <= part) else {
            continue;
        };
        let sibling = headings[p + 1..k].iter().rev().find(|g| g.level() == item);
        let next = headings[k + 1..].iter().find(|g| g.level() <= item);
        // Numbered as the next part, it is an item when that part follows it with its
        // number ("（四）…" "五、…" "五、其他需要报告的情况").
        let next_part_too = |g: &Heading| g.level() == part && g.number == h.number;
        let goes_on_items = sibling.is_some_and(|s| s.number + 1 == h.number)
            && next.is_some_and(|g| {
                headings[p].number + 1 != h.number
                    && (g.level() == item && g.number == h.number + 1
                        || g.level() == part && g.number == headings[p].number + 1)
                    || headings[p].number + 1 == h.number && next_part_too(g)
            });
        let title = squeeze(&doc.text[h.title.clone()]);
        if goes_on_items && profile.parts_named(&title).next().is_none() {
            headings[k].stands_at = Some(MarkerKind::HanParen);
        }
    }
}
