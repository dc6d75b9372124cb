//! Characters that text recognition (OCR) or a slip of the keyboard puts in place of their
//! look-alikes inside figures and dates: the letter O or l in "2O24年" and "4l份", 曰 in
//! "1月20曰". The figure reads wrong to every tool, and the date is no date.

use super::MISREAD_CHARACTER;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use std::ops::Range;

/// A misread run of text and what was meant, of the same length.
pub(super) struct Misread {
    pub span: Range<usize>,
    pub meant: String,
}

/// The letters read for digits.
fn digit_for(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        _ => None,
    }
}

/// A figure and the litre sign before a container: "5l装", "20l桶". The letter is no
/// misread 1.
fn litres(run: &str, after: Option<char>) -> bool {
    ends_in_litre_sign(run) && after.is_some_and(|c| "装桶瓶壶罐袋箱".contains(c))
}

/// Digits and a final lowercase l: a misread 1, or the litre sign ("5l消毒液").
fn ends_in_litre_sign(run: &str) -> bool {
    run.strip_suffix('l')
        .is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The misreadings in `t`, in order.
pub(super) fn found(t: &str) -> Vec<Misread> {
    let mut out = Vec::new();
    if t.contains('曰') {
        let dates = static_regex!(
            r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})(曰)"
        );
        for c in dates.captures_iter(t) {
            let m = c.get(1).expect("group 1");
            out.push(Misread {
                span: m.range(),
                meant: "日".into(),
            });
        }
    }
    if t.contains(['O', 'o', 'l', 'I']) {
        // A run of digits and look-alike letters before a Chinese unit, not part of a
        // word or code ("O2O模式", "COVID-19", "Hello2025").
        let figures = static_regex!(r"[0-9OolI]{2,12}");
        for m in figures.find_iter(t) {
            let run = m.as_str();
            let before = t[..m.start()].chars().next_back();
            let after = t[m.end()..].chars().next();
            let digits = run.bytes().filter(u8::is_ascii_digit).count();
            let letters = run.len() - digits;
            let framed = run.starts_with(|c: char| !c.is_ascii_digit())
                && run.ends_with(|c: char| !c.is_ascii_digit());
            if letters == 0
                || digits < letters
                || framed
                || litres(run, after)
                || before.is_some_and(|c| c.is_ascii_alphanumeric() || "._-/@#".contains(c))
                || !after.is_some_and(|c| crate::text::is_han(c) || c == '%')
            {
                continue;
            }
            out.push(Misread {
                span: m.range(),
                meant: run.chars().map(|c| digit_for(c).unwrap_or(c)).collect(),
            });
        }
        out.sort_by_key(|m| m.span.start);
    }
    out
}

pub fn check(ctx: &Context, out: &mut Findings) {
    if std::ptr::eq(ctx.doc, ctx.written) {
        return;
    }
    for (_, span, _) in ctx.lines() {
        let t = &ctx.written.text[span.clone()];
        for m in found(t) {
            let seen = &t[m.span.clone()];
            let (message, help) = if seen == "曰" {
                (
                    "日期中的“曰”应为“日”".to_string(),
                    "“曰”（说）与“日”形近，多为输入或文字识别时的笔误；改为“日”",
                )
            } else {
                (
                    format!("数字“{seen}”中混入了形近的字母，应为“{}”", m.meant),
                    "字母 O、l、I 与数字 0、1 形近，多为扫描件文字识别（OCR）或输入时的笔误；改为数字后再核对这个数",
                )
            };
            out.push(
                Diagnostic::new(
                    &MISREAD_CHARACTER,
                    span.start + m.span.start..span.start + m.span.end,
                    message,
                    help,
                )
                // "5l" may be five litres: read, not rewritten unasked.
                .with_fix(m.meant, !ends_in_litre_sign(seen)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meant(t: &str) -> Vec<(&str, String)> {
        found(t)
            .into_iter()
            .map(|m| (&t[m.span], m.meant))
            .collect()
    }

    #[test]
    fn letters_in_figures_and_a_misread_day() {
        assert_eq!(meant("2O24年"), [("2O24", "2024".to_string())]);
        assert_eq!(
            meant("共31O家，发放4l份"),
            [("31O", "310".into()), ("4l", "41".into())]
        );
        assert_eq!(meant("2025年1月20曰"), [("曰", "日".into())]);
        assert_eq!(meant("二〇二五年一月二十曰"), [("曰", "日".into())]);
    }

    /// "5l" before a word may be five litres: told, and the fix left to the writer.
    #[test]
    fn a_final_l_is_fixed_only_when_asked() {
        let fixes = |t: &str| -> Vec<(String, (String, bool))> {
            crate::rules::testing::found_of("GW0616", &crate::rules::text_doc(t))
                .into_iter()
                .map(|f| (f.text, f.fix.unwrap()))
                .collect()
        };
        let body = "标题\n每户发放消毒液5l瓶，宣传册4l份，检查31O家。\n";
        assert_eq!(
            fixes(body),
            [
                ("4l".to_string(), ("41".to_string(), false)),
                ("31O".to_string(), ("310".to_string(), true)),
            ]
        );
    }

    #[test]
    fn words_and_codes_are_not_figures() {
        for t in [
            "推广O2O模式",
            "COVID-19疫情",
            "Hello2025年",
            "H1N1流感",
            "办结1026件",
            "子曰：学而时习之",
            "网址www.o10.gov.cn查询",
            "型号IO10",
            "5G网络",
            "配发5l装消毒液、20l桶装水",
        ] {
            assert!(meant(t).is_empty(), "{t}");
        }
    }
}
