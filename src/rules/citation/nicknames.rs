//! Plans named in running text by their nicknames (“七五”普法), without 《》: one superseded
//! by the report's year is GW0703, as its title would be.

use super::{Naming, superseded_at};
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::text::last_chars;

/// Characters of context on each side that may say the text looks back.
const AROUND: usize = 12;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let table = ctx.citations();
    let forms = table.nickname_forms();
    if forms.is_empty() || ctx.outline.year.is_none() {
        return;
    }
    for (_, span, t) in ctx.lines() {
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        // Longest forms first, so that “七五”普法规划 is not also read as “七五”普法.
        for (form, k) in forms {
            for (at, _) in t.match_indices(form.as_str()) {
                let end = at + form.len();
                if taken.iter().any(|r| r.start < end && at < r.end) {
                    continue;
                }
                taken.push(at..end);
                let before = last_chars(&t[..at], AROUND);
                let after: String = t[end..].chars().take(AROUND).collect();
                let doc = &table.docs[*k];
                let naming = Naming::Nickname(doc, &t[at..end]);
                let at = span.start + at..span.start + end;
                if let Some(d) = superseded_at(ctx, table, naming, at, (before, &after)) {
                    out.push(d);
                }
            }
        }
    }
}
