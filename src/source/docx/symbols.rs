//! Symbol-font characters: Word writes a glyph of Symbol or Wingdings as its 8-bit code in
//! the F0xx private range, which means nothing in Unicode. The common ones — check marks,
//! bullets, boxes, arrows, ≥ and ≤, circled numbers — are mapped to the Unicode character
//! that looks the same; any other is U+FFFD, not a box a rule would read as a blank.

/// (font, 8-bit code, Unicode) for the glyphs reports use.
const GLYPHS: &[(&str, u8, char)] = &[
    ("wingdings", 0x6C, '●'),
    ("wingdings", 0x6E, '■'),
    ("wingdings", 0x6F, '□'),
    ("wingdings", 0x71, '❑'),
    ("wingdings", 0x75, '◆'),
    ("wingdings", 0x76, '❖'),
    ("wingdings", 0x9F, '•'),
    ("wingdings", 0xA1, '○'),
    ("wingdings", 0xA7, '▪'),
    ("wingdings", 0xA8, '◻'),
    ("wingdings", 0xAB, '★'),
    ("wingdings", 0xD8, '➢'),
    ("wingdings", 0xE0, '→'),
    ("wingdings", 0xFB, '✗'),
    ("wingdings", 0xFC, '✓'),
    ("wingdings", 0xFD, '☒'),
    ("wingdings", 0xFE, '☑'),
    ("wingdings 2", 0x50, '✓'),
    ("wingdings 2", 0x4F, '✗'),
    ("wingdings 2", 0x52, '☑'),
    ("wingdings 2", 0x54, '☒'),
    ("wingdings 2", 0xA3, '□'),
    ("symbol", 0xB7, '•'),
    ("symbol", 0xB4, '×'),
    ("symbol", 0xB1, '±'),
    ("symbol", 0xAE, '→'),
    ("symbol", 0xD6, '√'),
    ("symbol", 0xA8, '♦'),
    ("symbol", 0xB0, '°'),
    ("symbol", 0xB3, '≥'),
    ("symbol", 0xA3, '≤'),
    ("symbol", 0xB9, '≠'),
    ("symbol", 0xBB, '≈'),
    ("symbol", 0xB8, '÷'),
    ("symbol", 0xA5, '∞'),
    // A horizontal line's piece: two make a 破折号.
    ("symbol", 0xBE, '—'),
];

/// The Symbol font's codes 0x20–0x7E: ASCII's digits and most marks, Greek for letters
/// ("+" of 互联网+监管, "%" of 95%, "α").
const SYMBOL_PRINTABLE: &str = " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼";

/// Wingdings 0x81–0x8A: the circled numbers ① to ⑩.
const WINGDINGS_CIRCLED: std::ops::RangeInclusive<u8> = 0x81..=0x8A;

/// The character a `w:sym` (or a bullet's text) in `font` shows for `code`, F0xx or 8-bit.
/// An unknown glyph of a symbol font is U+FFFD, never the Latin-1 letter its code happens
/// to be ("ü" for a check mark), nor "□", which reads as a blank to fill in.
pub(crate) fn symbol_char(font: Option<&str>, code: Option<u32>) -> char {
    let font = font.map(|f| f.trim().to_ascii_lowercase());
    let eight_bit = match code {
        Some(c @ 0xF000..=0xF0FF) => Some((c - 0xF000) as u8),
        _ => None,
    };
    let symbol_font = font
        .as_deref()
        .is_some_and(|f| f == "symbol" || f.starts_with("wingdings") || f == "webdings");
    if let Some(b) = eight_bit
        && (symbol_font || font.is_none())
    {
        let named = font.as_deref().unwrap_or("symbol");
        if named == "symbol" && (0x20..=0x7E).contains(&b) {
            return SYMBOL_PRINTABLE
                .chars()
                .nth(usize::from(b - 0x20))
                .unwrap_or(char::REPLACEMENT_CHARACTER);
        }
        if named == "wingdings" && WINGDINGS_CIRCLED.contains(&b) {
            return char::from_u32('①' as u32 + u32::from(b - 0x81))
                .unwrap_or(char::REPLACEMENT_CHARACTER);
        }
        return GLYPHS
            .iter()
            .find(|(f, c, _)| *f == named && *c == b)
            .map_or(char::REPLACEMENT_CHARACTER, |(_, _, u)| *u);
    }
    let code = eight_bit.map_or(code.unwrap_or(0), u32::from);
    // Noncharacters and controls are no text (and no XML).
    match char::from_u32(code) {
        Some(c) if code >= 0x20 && !matches!(code, 0xFFFE | 0xFFFF) => c,
        _ => char::REPLACEMENT_CHARACTER,
    }
}

/// A font whose codes are glyphs, not letters.
pub(super) fn is_symbol_font(font: &str) -> bool {
    let f = font.trim().to_ascii_lowercase();
    f == "symbol" || f.starts_with("wingdings") || f == "webdings"
}

/// `text` typed in symbol font `font`: its Latin-1 and F0xx characters are the font's glyphs;
/// Chinese text, set in the East Asian font, is left as it is.
pub(super) fn in_symbol_font(font: &str, text: &str) -> String {
    text.chars()
        .map(|c| match u32::from(c) {
            code @ 0x21..=0xFF => symbol_char(Some(font), Some(0xF000 + code)),
            code @ 0xF000..=0xF0FF => symbol_char(Some(font), Some(code)),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_typed_in_a_symbol_font_is_its_glyphs() {
        assert_eq!(in_symbol_font("Wingdings", "l一是"), "●一是");
        assert_eq!(in_symbol_font("Wingdings", "Ø\u{F0FC}"), "➢✓");
        assert_eq!(in_symbol_font("Symbol", "a≥"), "α≥");
        assert!(is_symbol_font("Wingdings 2") && !is_symbol_font("宋体"));
    }

    #[test]
    fn symbol_glyphs_are_the_unicode_they_look_like() {
        assert_eq!(symbol_char(Some("Wingdings"), Some(0xF0FC)), '✓');
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF0B7)), '•');
        assert_eq!(symbol_char(None, Some(0xF0B7)), '•');
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF0B3)), '≥');
        assert_eq!(symbol_char(Some("Wingdings"), Some(0xF0AB)), '★');
        assert_eq!(symbol_char(Some("Wingdings"), Some(0xF083)), '③');
        // Symbol's printable codes: ASCII marks and digits, Greek letters.
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF02B)), '+');
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF025)), '%');
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF035)), '5');
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF061)), 'α');
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF07E)), '∼');
        assert_eq!(symbol_char(Some("Symbol"), Some(0xF0BE)), '—');
        // Unknown glyphs of a symbol font are unknown, not a Latin-1 letter nor a blank box.
        assert_eq!(
            symbol_char(Some("Wingdings"), Some(0xF04A)),
            char::REPLACEMENT_CHARACTER
        );
        // Other fonts' F0xx codes are their 8-bit code; plain code points are themselves.
        assert_eq!(symbol_char(Some("Arial"), Some(0xF041)), 'A');
        assert_eq!(symbol_char(Some("宋体"), Some(0x2014)), '—');
        assert_eq!(symbol_char(None, None), char::REPLACEMENT_CHARACTER);
    }
}
