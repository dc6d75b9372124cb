//! Small character-level helpers shared by the outline and the rules.

use std::borrow::Cow;
use std::ops::Range;

/// Marks between the two years of a span ("2021—2025年", "2021年至2025年").
pub const YEAR_RANGE_MARKS: [char; 9] = ['-', '－', '–', '—', '―', '~', '～', '至', '到'];

/// Characters that take no room on the page: zero-width space and (non-)joiners, word
/// joiner, a byte order mark inside the text, soft hyphen, a stray NUL.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\0' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{034F}'
            | '\u{180E}'
            | '\u{3164}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// A punctuation mark as a message names it: “，” in quotation marks, but a quotation
/// mark by its name, since "改为““”" cannot be read.
pub fn named_mark(c: char) -> String {
    match c {
        '“' => "左双引号".into(),
        '”' => "右双引号".into(),
        '‘' => "左单引号".into(),
        '’' => "右单引号".into(),
        '"' => "半角双引号".into(),
        '\'' => "半角单引号".into(),
        c => format!("“{c}”"),
    }
}

/// The first `n` characters of `s`, with "…" when some are left out.
pub fn abridged(s: &str, n: usize) -> String {
    let mut shown: String = s.chars().take(n).collect();
    if shown.len() < s.len() {
        shown.push('…');
    }
    shown
}

/// The last `n` characters of `s` (all of it when shorter).
pub fn last_chars(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

/// Indentation in Chinese documents: ASCII space, tab, U+3000 and NBSP.
/// Space before or after a line's words: a form feed too, which a PDF's text conversion
/// puts before each page's first line.
pub fn is_indent(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{000C}')
}

pub fn trim_indent(s: &str) -> &str {
    s.trim_matches(is_indent)
}

/// Byte length of the leading indentation.
pub fn indent_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_indent).len()
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

/// An Arabic digit, half or full width ("3" or "３").
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

/// The text with every kind of whitespace removed ("2021 年" → "2021年").
/// `s` without whitespace; borrowed when there is none, as in most lines.
pub fn squeeze(s: &str) -> Cow<'_, str> {
    if s.contains(char::is_whitespace) {
        Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// The char boundary at or before byte `i` (clamped to the string).
pub fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after byte `i` (clamped to the string).
pub fn ceil_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The text at `at` already stands inside `replacement`, in place: "依法行政" within
/// "坚持依法行政" when the fix writes "坚持依法行政". Such a finding would fire again on
/// its own fix, and `--fix` would write "坚持坚持依法行政".
pub fn already_reads(text: &str, at: Range<usize>, replacement: &str) -> bool {
    let Some(found) = text.get(at.clone()) else {
        return false;
    };
    !found.is_empty()
        && replacement.match_indices(found).any(|(j, _)| {
            at.start
                .checked_sub(j)
                .and_then(|start| text.get(start..start + replacement.len()))
                == Some(replacement)
        })
}

/// The half-width form of a full-width ASCII character ("１" → "1", "Ｈ" → "H", "）" → ")");
/// any other character as it is.
pub fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_that_keeps_what_it_replaces() {
        let text = "坚持依法行政，依法行政";
        let at = |k: usize| {
            let start = text.char_indices().nth(k).unwrap().0;
            start..start + "依法行政".len()
        };
        assert!(already_reads(text, at(2), "坚持依法行政"));
        assert!(!already_reads(text, at(7), "坚持依法行政"));
        assert!(!already_reads(text, at(2), "依法治国"));
    }

    #[test]
    fn abridged_marks_what_it_leaves_out() {
        assert_eq!(abridged("五、其他需要报告的情况", 5), "五、其他需…");
        assert_eq!(abridged("五、其他", 5), "五、其他");
    }

    #[test]
    fn indentation_kinds() {
        assert_eq!(trim_indent("\u{3000}\u{3000}正文 \u{a0}"), "正文");
        assert_eq!(indent_len("\u{3000}正文"), 3);
        assert_eq!(squeeze("2021 年 1 月"), "2021年1月");
        assert!(is_han('〇') && !is_han('，'));
        assert_eq!(han_count("A区政府："), 3);
    }
}
