//! Private-use characters (U+E000–U+F8FF): a Word symbol-font glyph copied out of Word as its
//! F0xx code ("\u{F0B7}" for a bullet), or a character made with a font's 造字 tool. No
//! standard font draws them, so another computer shows a box or some other character.

use super::WORD_RESIDUE;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}')
}

/// What an F0xx code most likely showed in Word, whose font the text no longer says: below
/// 0x80 Symbol has letters, so a bullet there is Wingdings' ("\u{F06C}" ●); above, Symbol's
/// glyphs (its bullet "\u{F0B7}") come first.
fn likely_glyph(code: u32) -> Option<char> {
    if !(0xF000..=0xF0FF).contains(&code) {
        return None;
    }
    let fonts: &[&str] = if code < 0xF080 {
        &["Wingdings"]
    } else {
        &["Symbol", "Wingdings"]
    };
    fonts
        .iter()
        .map(|f| crate::source::docx::symbol_char(Some(f), Some(code)))
        .find(|&g| g != char::REPLACEMENT_CHARACTER)
}

pub fn check(ctx: &Context, out: &mut Findings) {
    if !ctx.doc.text.chars().any(is_private_use) {
        return;
    }
    for (_, span, t) in ctx.lines() {
        for (at, c) in t.char_indices().filter(|&(_, c)| is_private_use(c)) {
            let code = u32::from(c);
            let glyph = likely_glyph(code);
            let indent = crate::text::trim_indent(&t[..at]).is_empty();
            let rest = &t[at + c.len_utf8()..];
            let bullet = indent
                && (rest.starts_with([' ', '\t', '\u{3000}'])
                    || glyph.is_some_and(|g| "•●■◆❖➢▪★✓".contains(g)));
            let diagnostic = if bullet {
                // The bullet goes with the space after it; the item keeps its text.
                let spaces = rest.len() - rest.trim_start_matches([' ', '\t', '\u{3000}']).len();
                let shown = glyph.map_or(String::new(), |g| format!("（在 Word 中显示为“{g}”）"));
                Diagnostic::new(
                    &WORD_RESIDUE,
                    span.start + at..span.start + at + c.len_utf8() + spaces,
                    format!("段首的项目符号是 Word 符号字体的私用区字符 U+{code:04X}{shown}，离开 Word 后显示为方框或乱码"),
                    "公文正文不用项目符号：删除它；如果这是并列的条目，改用“1.”“2.”或“一是”“二是”",
                )
                .with_fix("", false)
            } else {
                let shown =
                    glyph.map_or(String::new(), |g| format!("（在 Word 中多半显示为“{g}”）"));
                Diagnostic::new(
                    &WORD_RESIDUE,
                    span.start + at..span.start + at + c.len_utf8(),
                    format!("文中有私用区字符 U+{code:04X}{shown}"),
                    "这是 Word 符号字体或造字程序的字符，换一台电脑会显示成方框或别的字：改为对应的标准字符",
                )
            };
            out.push(diagnostic);
        }
    }
}
