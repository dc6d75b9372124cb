//! Character classes and the spans that hygiene rules leave alone (URLs, e-mail).

use crate::lazy_regex::static_regex;
use crate::text::is_han;
use regex::Regex;
use std::ops::Range;

/// Chinese text or Chinese punctuation: an ASCII mark beside one of these is a slip.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3001..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
}

/// 点号 that end or split a sentence (full-width), used by several rules.
pub(crate) fn is_cjk_point(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！')
}

fn link_regex() -> &'static Regex {
    // Chinese domain names and paths ("http://www.南湖卫健委.政务", "fzk@卫健委.中国") are
    // addresses too; Chinese punctuation and spaces end them.
    // A host is labels of ASCII or of Chinese ("www.南湖卫健委.政务"), so Chinese text typed
    // straight after "www.qinghe.gov.cn" is not part of it; Chinese in a path stays only
    // inside it ("/wiki/法治政府_(中国)"), see `links`.
    static_regex!(
        r"(?i)(?:https?|ftp)://(?:[a-z0-9_-]+|\p{Han}+)(?:\.(?:[a-z0-9_-]+|\p{Han}+))*(?::[0-9]+)?(?:[/?#](?:[\x21-\x7e]|\p{Han})*)?|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[\x21-\x7e]*|[a-z0-9._%+-]+@(?:[a-z0-9-]+|\p{Han}+)(?:\.(?:[a-z0-9-]+|\p{Han}+))+"
    )
}

/// "[6.1,7.0)": the ")" closes a half-open interval, opened by a bracket of another kind.
pub(crate) fn closes_interval(before: &str) -> bool {
    // Read back over the interval's own characters only: a line of many closers is not
    // read again for each.
    let inner_char =
        |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '，' | ' ' | '-' | '+');
    let head = before.trim_end_matches(inner_char);
    head.ends_with('[') && before[head.len()..].contains([',', '，'])
}

/// Byte ranges (relative to `s`) of URLs and e-mail addresses, whose ASCII marks are
/// part of the address.
pub(crate) fn links(s: &str) -> Vec<Range<usize>> {
    // Every link has one of these; most lines have none (a bare '.' is a decimal or "1.").
    let www = || {
        s.match_indices('.')
            .any(|(i, _)| i >= 3 && s.as_bytes()[i - 3..i].eq_ignore_ascii_case(b"www"))
    };
    if !(s.contains('@') || s.contains("://") || www()) {
        return Vec::new();
    }
    link_regex()
        .find_iter(s)
        .map(|m| {
            // A closing bracket or mark glued to the end belongs to the sentence, unless
            // the address opened the bracket ("…/法治政府_(中国)").
            let mut t = m.as_str();
            // "[通知](https://a.cn/x)规定": a ")" the address did not open ends it.
            let mut depth = 0i32;
            for (k, c) in t.char_indices() {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                if depth < 0 {
                    t = &t[..k];
                    break;
                }
            }
            // Chinese at the end of a path is the sentence going on ("/list.html网站,").
            let host_end = t.find("://").map_or(0, |k| k + 3);
            let path = t[host_end..]
                .find(['/', '?', '#'])
                .map_or(t.len(), |k| host_end + k);
            loop {
                let marks = t.trim_end_matches([',', '.', ';', ':', '!', '?']);
                let kept = path.min(marks.len());
                let han = kept + marks[kept..].trim_end_matches(crate::text::is_han).len();
                if han == t.len() {
                    break;
                }
                t = &t[..han];
            }
            m.start()..m.start() + t.len()
        })
        .collect()
}

/// `ranges` as `merged` gives them: a line of thousands of links is not searched through
/// for every character.
pub(crate) fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    let k = ranges.partition_point(|r| r.start <= at);
    k > 0 && ranges[k - 1].contains(&at)
}

/// Ranges sorted by start, overlapping ones joined, for `inside`.
pub(crate) fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The character before byte `at` and the one starting at `end`, within `s`.
pub(crate) fn neighbours(s: &str, at: usize, end: usize) -> (Option<char>, Option<char>) {
    (s[..at].chars().next_back(), s[end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_ranges_answer_inside() {
        let r = merged(vec![10..20, 0..3, 15..30, 40..41]);
        assert_eq!(r, [0..3, 10..30, 40..41]);
        for (at, want) in [
            (0, true),
            (3, false),
            (12, true),
            (25, true),
            (30, false),
            (40, true),
        ] {
            assert_eq!(inside(&r, at), want, "{at}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_cjk('中') && is_cjk('，') && is_cjk('“') && is_cjk('《'));
        assert!(!is_cjk('a') && !is_cjk('1') && !is_cjk(',') && !is_cjk('\u{3000}'));
        assert!(!is_cjk('５') && !is_cjk('Ａ'));
    }

    #[test]
    fn links_cover_urls_and_mail() {
        let s = "见（https://wsjkw.qinghe.gov.cn/a?b=1,2），或致信 fzk@qinghe.gov.cn。";
        let l = links(s);
        assert_eq!(l.len(), 2);
        assert_eq!(&s[l[0].clone()], "https://wsjkw.qinghe.gov.cn/a?b=1,2");
        assert_eq!(&s[l[1].clone()], "fzk@qinghe.gov.cn");
        assert!(links("没有网址，也没有邮箱。").is_empty());
        let w = "详见WWW.Qinghe.gov.cn。";
        assert_eq!(&w[links(w)[0].clone()], "WWW.Qinghe.gov.cn");
        assert!(links("完成率98.5%，1.加强领导。").is_empty());
        let idn = "网站http://www.南湖卫健委.政务，邮箱fzk@南湖卫健委.政务。";
        let found: Vec<&str> = links(idn).into_iter().map(|r| &idn[r]).collect();
        assert_eq!(found, ["http://www.南湖卫健委.政务", "fzk@南湖卫健委.政务"]);
        let typed_on = "通过http://www.qinghe.gov.cn网站公开,或见http://a.cn/list.html网站,完。";
        let found: Vec<&str> = links(typed_on).into_iter().map(|r| &typed_on[r]).collect();
        assert_eq!(found, ["http://www.qinghe.gov.cn", "http://a.cn/list.html"]);
        let wiki = "见（https://zh.wikipedia.org/wiki/法治政府_(中国)），或https://a.cn/x)。";
        let found: Vec<&str> = links(wiki).into_iter().map(|r| &wiki[r]).collect();
        assert_eq!(
            found,
            [
                "https://zh.wikipedia.org/wiki/法治政府_(中国)",
                "https://a.cn/x"
            ]
        );
    }
}
