//! Plans named in running text by their nicknames (“七五”普法), without 《》: one superseded
//! by the report's year is GW0703, as its title would be.

use super::{Naming, superseded_at};
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::last_chars;

/// Characters of context on each side that may say the text looks back.
const AROUND: usize = 12;

/// One search over the whole text; each nickname judged within its own line.
pub fn check(ctx: &Context, out: &mut Findings) {
    let table = ctx.citations();
    let (Some((forms, docs)), Some(_)) = (table.nickname_forms(), ctx.outline.year) else {
        return;
    };
    let doc = ctx.doc;
    for (start, k) in forms.find_iter(&doc.text) {
        let end = start + forms.word(k).len();
        let i = doc.line_index(start);
        let line = content_span(doc, i);
        if ctx.outline.chrome[i] || start < line.start || end > line.end {
            continue;
        }
        let before = last_chars(&doc.text[line.start..start], AROUND);
        let after: String = doc.text[end..line.end].chars().take(AROUND).collect();
        let naming = Naming::Nickname(&table.docs[docs[k]], &doc.text[start..end]);
        if let Some(d) = superseded_at(ctx, table, naming, start..end, (before, &after)) {
            out.push(d);
        }
    }
}
