//! "（二）…" "3.…" "（四）…": a heading typed in a deeper level's form between two of its
//! siblings, or after the last of them. Its number says where it stands: it goes on from
//! the heading above it, as no child's first number would.

use super::{Heading, MarkerKind};

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
        || (p + 1..n).any(|m| at(m).level() == level)
    {
        return None;
    }
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
    let alone = (n + 1..after.unwrap_or(numbered.len())).all(|m| at(m).level() != level);
    (!runs_on && confirmed && alone).then_some(above.kind)
}
