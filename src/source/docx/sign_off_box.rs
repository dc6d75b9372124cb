//! A text box that holds a report's 落款: the issuer and the date drawn in a floating box.
//! Word anchors such a box on whatever paragraph was nearest when it was drawn or dragged,
//! often a heading above the last part's text; the box shows at its place on that page,
//! so its text is read at the end of the page, not after the anchoring paragraph.

use crate::document::Paragraph;
use crate::sign_off::{MAX_SIGNATURE_CHARS, split_trailing_date};

/// Lines of a 落款: a signature or two (a joint one), a seal placeholder, the date.
const MAX_LINES: usize = 4;

/// The text-box paragraphs are a 落款 and nothing else: a few short lines without a
/// sentence among them, the last of them a date.
pub(super) fn holds_sign_off(paragraphs: &[Paragraph]) -> bool {
    let lines: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| p.text.lines())
        .map(crate::text::trim_indent)
        .filter(|l| !l.is_empty())
        .collect();
    let Some(last) = lines.last() else {
        return false;
    };
    lines.len() <= MAX_LINES
        && paragraphs.iter().all(|p| p.cell.is_none())
        && lines.iter().all(|l| {
            crate::text::char_len(l) <= MAX_SIGNATURE_CHARS && !l.contains(['。', '；', '：'])
        })
        && (crate::date::parse_line(last).is_some() || split_trailing_date(last).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .map(|t| Paragraph {
                text: t.to_string(),
                ..Paragraph::default()
            })
            .collect()
    }

    #[test]
    fn an_issuer_and_a_date_are_a_sign_off() {
        assert!(holds_sign_off(&paras(&[
            "云川市柳溪区卫生健康局",
            "2026年1月15日"
        ])));
        assert!(holds_sign_off(&paras(&[
            "云川市柳溪区卫生健康局\n（公章）",
            "",
            "二〇二六年一月十五日"
        ])));
        assert!(holds_sign_off(&paras(&[
            "云川市柳溪区卫生健康局　2026年1月15日"
        ])));
    }

    #[test]
    fn a_caption_a_note_or_a_date_not_last_is_none() {
        assert!(!holds_sign_off(&paras(&[
            "2026年1月15日",
            "云川市柳溪区卫生健康局"
        ])));
        assert!(!holds_sign_off(&paras(&["注：数据截至", "2025年12月31日"])));
        assert!(!holds_sign_off(&paras(&[
            "全年受理投诉举报236件，均已办结。",
            "2026年1月15日"
        ])));
        assert!(!holds_sign_off(&paras(&["", ""])));
    }
}
