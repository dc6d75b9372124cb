//! "1.强化…" where "（一）" belongs: the first sub-heading of a part written a level too
//! low, with "（二）（三）" after it. One finding at the "1.", instead of an inversion and
//! a wrong start reported at the "（二）" that is right.

use super::{HEADING_LEVEL_INVERTED, HEADING_SEQUENCE, auto_note, expected_marker};
use crate::diagnostic::Diagnostic;
use crate::outline::Heading;
use crate::rules::Context;
use crate::rules::findings::Findings;

/// Pairs of indices into `numbered`: the stand-in "1." and the "（二）" after it, when no
/// sibling of the "（二）" comes before the "1." under the same parent.
pub(super) fn find(numbered: &[&Heading]) -> Vec<(usize, usize)> {
    (1..numbered.len())
        .filter(|&k| {
            let (h, g) = (numbered[k - 1], numbered[k]);
            let level = g.level();
            let first_sibling = || {
                numbered[..k - 1]
                    .iter()
                    .rev()
                    .find(|p| p.level() <= level)
                    .is_none_or(|p| p.level() < level)
            };
            h.level() > level && h.number == 1 && g.number == 2 && first_sibling()
        })
        .map(|k| (k - 1, k))
        .collect()
}

/// Replaces the findings at each "（二）" with one at its stand-in.
pub(super) fn report(
    ctx: &Context,
    numbered: &[&Heading],
    pairs: &[(usize, usize)],
    found: &mut Findings,
) {
    for &(a, b) in pairs {
        let (h, g) = (numbered[a], numbered[b]);
        found.retain(|d| {
            !(d.span == g.marker
                && [HEADING_SEQUENCE.code, HEADING_LEVEL_INVERTED.code].contains(&d.rule.code))
        });
        let shown = &ctx.doc.text[h.marker.clone()];
        let want = expected_marker(g.level(), 1);
        let next = &ctx.doc.text[g.marker.clone()];
        found.push(Diagnostic::new(
            &HEADING_SEQUENCE,
            h.marker.clone(),
            format!(
                "序号“{shown}”应为“{want}”：同级的下一个标题是“{next}”{}",
                auto_note(h)
            ),
            format!("把“{shown}”改为“{want}”，与后面的“{next}”同属一级"),
        ));
    }
}
