//! The lines that close a report: the 发文机关署名 (with a seal placeholder such as
//! "（公章）" after it, or the 成文日期 run onto the same line) and seal-only lines.

use crate::date::{self, DateLine};
use crate::lazy_regex::static_regex;
use crate::text::{char_len, han_count, is_han, trim_indent};

/// Longest signature line (a joint signature of two bodies on one line fits).
pub const MAX_SIGNATURE_CHARS: usize = 40;

/// "（公章）", "（加盖单位印章）", "【盖章】", "（印）": where the seal goes in a copy without it.
const SEAL: &str = r"[（(【\[]\s*(?:加盖)?(?:单位)?(?:公章|印章|盖章|签章|代章|章|印)\s*[）)】\]]";

/// A line that is only a seal placeholder, standing between the signature and the date.
pub fn is_seal_line(line: &str) -> bool {
    static_regex!(format!(r"^\s*{SEAL}\s*$")).is_match(line)
}

/// "青松县卫生健康局　　2026年1月20日": a signature with the date run onto its line. The
/// name, and the date with its byte offset in the trimmed line.
pub fn split_trailing_date<'l>(line: &'l str) -> Option<(&'l str, usize, DateLine)> {
    // "二〇二六 年 一 月 二十 日（星期二）" and more: a date is never longer.
    const MAX_DATE_BYTES: usize = 120;
    let t = trim_indent(line);
    let gap = static_regex!(r"[ \t\u{3000}\u{a0}]+");
    let split = |head: &'l str, at: usize| {
        let tail = &t[at..];
        if tail.len() > MAX_DATE_BYTES
            || head.chars().filter(|&c| is_han(c)).nth(1).is_none()
            || !tail.contains('年')
        {
            return None;
        }
        date::parse_line(tail).map(|d| (head, at, d))
    };
    // "青松县卫生健康局　2026年": after a gap, a year alone (or a day without its year) is a
    // date cut short.
    let cut_short = |head: &'l str, at: usize| {
        (han_count(head) >= 2)
            .then(|| date::parse_cut_short(&t[at..]))
            .flatten()
            .map(|d| (head, at, d))
    };
    gap.find_iter(t)
        .find_map(|m| split(&t[..m.start()], m.end()))
        .or_else(|| {
            let m = gap.find_iter(t).last()?;
            cut_short(&t[..m.start()], m.end())
        })
        // "青松县卫生健康局2026年1月20日": pasted from a web page with nothing between.
        .or_else(|| {
            let year = static_regex!(r"[0-9０-９〇○零一二三四五六七八九]{4}年");
            let m = year.find_iter(t).last()?;
            split(t[..m.start()].trim_end_matches(['，', ',']), m.start())
        })
}

/// "2026年1月20日　青松县卫生健康局": the date put before the signature on its line. The
/// date, where it ends in the trimmed line, and the name after it.
pub fn split_leading_date(line: &str) -> Option<(DateLine, usize, &str)> {
    let t = trim_indent(line);
    // Most lines: no date in front; told by the first character, before any regex.
    let numeral = |c: char| c.is_ascii_digit() || "０１２３４５６７８９〇○零一二".contains(c);
    if !t.chars().next().is_some_and(numeral) {
        return None;
    }
    let gap = static_regex!(r"[ \t\u{3000}\u{a0}]+");
    // The last gap first: a date may have spaces of its own ("2026年 1月 20日").
    let gaps: Vec<regex::Match> = gap.find_iter(t).collect();
    gaps.into_iter().rev().find_map(|m| {
        let name = t[m.end()..].trim_end();
        if m.start() == 0 || han_count(name) < 2 || name.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        date::parse_line(&t[..m.start()]).map(|d| (d, m.start(), name))
    })
}

/// The name a signature line signs with: without indentation, a seal placeholder, a date
/// on the same line, or a stray 。 after it.
pub fn issuer_text(line: &str) -> &str {
    let t = split_trailing_date(line)
        .map(|(name, _, _)| name)
        .or_else(|| split_leading_date(line).map(|(_, _, name)| name))
        .unwrap_or_else(|| trim_indent(line));
    let t = static_regex!(format!(r"[\s\u{{3000}}]*{SEAL}$"))
        .find(t)
        .map_or(t, |m| &t[..m.start()]);
    t.trim_end().trim_end_matches('。')
}

/// 发文机关署名: a short line naming a body (its name ends like one of `suffixes`), without
/// sentence punctuation.
pub fn is_issuer(line: &str, suffixes: &[String], is_marker: impl Fn(&str) -> bool) -> bool {
    let t = issuer_text(line);
    char_len(t) <= MAX_SIGNATURE_CHARS
        && han_count(t) >= 2
        && !t.contains(['。', '，', '；', '：', ',', ';', ':', '…'])
        && !t.contains("...")
        && !is_marker(t)
        && (named(t, suffixes)
            || second_name(t)
                .is_some_and(|(a, b)| named(b, suffixes) && (a.is_empty() || named(a, suffixes))))
}

fn named(t: &str, suffixes: &[String]) -> bool {
    suffixes.iter().any(|s| t.ends_with(s.as_str()))
}

/// "某市卫生健康委员会（某市疾病预防控制局）": a body that carries a second name signs with
/// both, on one line or on two ("（某市疾病预防控制局）" under the first, with no first
/// name of its own). The two names.
fn second_name(t: &str) -> Option<(&str, &str)> {
    let inner = t.strip_suffix('）')?;
    let open = inner.rfind('（')?;
    Some((&inner[..open], &inner[open + '（'.len_utf8()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_is_read_past_its_seal_and_date() {
        for line in [
            "青禾市卫生健康局",
            "　　青禾市卫生健康局（公章）",
            "青禾市卫生健康局 （印章）",
            "青禾市卫生健康局【盖章】",
            "青禾市卫生健康局（加盖单位印章）",
            "青禾市卫生健康局（印）",
            "青禾市卫生健康局。",
            "青禾市卫生健康局　　2026年1月20日",
            "青禾市卫生健康局\t2026年1月20日",
        ] {
            assert_eq!(issuer_text(line), "青禾市卫生健康局", "{line}");
        }
        let (name, at, date) = split_trailing_date("青禾市卫生健康局　　2026年1月20日").unwrap();
        assert_eq!(
            (name, at),
            ("青禾市卫生健康局", "青禾市卫生健康局　　".len())
        );
        assert_eq!(date.ymd(), Some((2026, 1, 20)));
        assert!(split_trailing_date("2026年1月20日").is_none());
        let (name, _, date) = split_trailing_date("青禾市卫生健康局　2026年").unwrap();
        assert_eq!((name, date.ymd()), ("青禾市卫生健康局", None));
        // A year run onto a name with no gap is a title's, not a date cut short.
        assert!(split_trailing_date("青禾市卫生健康局2026年").is_none());
        let (date, end, name) = split_leading_date("2026年1月20日　青禾市卫生健康局").unwrap();
        assert_eq!(
            (date.ymd(), end, name),
            (
                Some((2026, 1, 20)),
                "2026年1月20日".len(),
                "青禾市卫生健康局"
            )
        );
        assert_eq!(
            issuer_text("2026年1月20日　青禾市卫生健康局"),
            "青禾市卫生健康局"
        );
        assert!(split_leading_date("2026年1月20日　召开第3次会议").is_none());
        let (_, end, name) = split_leading_date("2026年 1月 20日　青禾市卫生健康局").unwrap();
        assert_eq!((end, name), ("2026年 1月 20日".len(), "青禾市卫生健康局"));
        let suffixes = ["委员会".to_string(), "局".to_string()];
        let no_marker = |_: &str| false;
        assert!(is_issuer(
            "漳川市卫生健康委员会（漳川市疾病预防控制局）",
            &suffixes,
            no_marker
        ));
        assert!(is_issuer(
            "临川区卫生健康局（中医药管理局）",
            &suffixes,
            no_marker
        ));
        assert!(!is_issuer("临川区卫生健康局（试行）", &suffixes, no_marker));
        assert!(is_issuer("（临川区中医药管理局）", &suffixes, no_marker));
        assert!(!is_issuer("（此件公开发布）", &suffixes, no_marker));
    }

    #[test]
    fn seal_lines() {
        for seal in ["（盖章）", "  （公章）", "【印章】", "（印）"] {
            assert!(is_seal_line(seal), "{seal}");
        }
        assert!(!is_seal_line("青禾市卫生健康局（公章）"));
        assert!(!is_seal_line("（一）公章管理"));
    }
}
