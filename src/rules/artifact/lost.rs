//! Characters already lost (GW0617): U+FFFD, "�", where a text file had bytes that are no
//! UTF-8 (a cut copy, a damaged disk), or where an earlier conversion put it. What was
//! written there cannot be read back; the drafter has to retype it from the original.

use super::LOST_CHARACTER;
use super::invisible::around;
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::rules::Context;
use crate::rules::findings::Findings;

const REPLACEMENT: char = '\u{FFFD}';

pub fn check(ctx: &Context, out: &mut Findings) {
    // A symbol font's unknown glyph is U+FFFD in a .docx too, while Word shows the glyph.
    if ctx.doc.format == Format::Docx || !ctx.doc.text.contains(REPLACEMENT) {
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
