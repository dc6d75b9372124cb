//! Characters already lost (GW0617): U+FFFD, "�", where a text file had bytes that are no
//! UTF-8 (a cut copy, a damaged disk), or where an earlier conversion put it. What was
//! written there cannot be read back; the drafter has to retype it from the original.

use super::LOST_CHARACTER;
use super::invisible::around;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::rules::Context;
use crate::rules::findings::Findings;

const REPLACEMENT: char = '\u{FFFD}';

/// A text file with lost characters (a symbol font's unknown glyph is U+FFFD in a .docx
/// too, while Word shows the glyph).
fn has_lost(doc: &Document) -> bool {
    doc.format != Format::Docx && doc.text.contains(REPLACEMENT)
}

/// Other rules' findings on a lost character: what they would say of "2026年1月22�" or
/// "《…实施�要》" guesses at what was there, and GW0617 already asks for it to be retyped.
pub fn drop_guesses(doc: &Document, found: &mut Vec<Diagnostic>) {
    if !has_lost(doc) {
        return;
    }
    found.retain(|d| {
        std::ptr::eq(d.rule, &LOST_CHARACTER)
            || !doc
                .text
                .get(d.span.clone())
                .is_some_and(|t| t.contains(REPLACEMENT))
    });
}

pub fn check(ctx: &Context, out: &mut Findings) {
    if !has_lost(ctx.doc) {
        return;
    }
    for i in 0..ctx.doc.line_count() {
        let line = &ctx.doc.lines[i];
        let t = ctx.doc.line(i);
        let mut at = 0;
        while let Some(k) = t[at..].find(REPLACEMENT).map(|k| at + k) {
            let end = k + t[k..]
                .chars()
                .take_while(|&c| c == REPLACEMENT)
                .map(char::len_utf8)
                .sum::<usize>();
            let (before, after) = around(&t[..k], &t[end..]);
            out.push(Diagnostic::new(
                &LOST_CHARACTER,
                line.start + k..line.start + end,
                format!("“{before}{}{after}”中有字已丢失，显示为“�”", &t[k..end]),
                "文件中这里的字节不是有效的 UTF-8（或早先的转换已把字换成了“�”），原来写的字读不出来：请对照原稿补上，再另存为 UTF-8",
            ));
            at = end;
        }
    }
}
