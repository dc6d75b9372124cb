//! Chinese and Arabic numerals as they appear in headings and dates.

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses 一…九十九 (counting form with 十) and digit-by-digit forms (二〇二五).
pub fn parse_chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if !s.contains('十') {
        // Digit-by-digit: 二〇二五, 一.
        return s
            .chars()
            .try_fold(0u32, |acc, c| Some(acc.checked_mul(10)? + digit(c)?));
    }
    let mut parts = s.splitn(2, '十');
    let tens = match parts.next()? {
        "" => 1,
        t if t.chars().count() == 1 => digit(t.chars().next()?)?,
        _ => return None,
    };
    let ones = match parts.next()? {
        "" => 0,
        o if o.chars().count() == 1 => digit(o.chars().next()?)?,
        _ => return None,
    };
    (tens > 0).then_some(tens * 10 + ones)
}

/// Arabic digits, ASCII or full-width.
pub fn parse_arabic(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 9 {
        return None;
    }
    s.chars().try_fold(0u32, |acc, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        Some(acc * 10 + d)
    })
}

/// Either form.
pub fn parse_number(s: &str) -> Option<u32> {
    parse_arabic(s).or_else(|| parse_chinese(s))
}

/// 1 → 一, 10 → 十, 21 → 二十一 (the counting form used in headings), up to 99.
pub fn to_chinese(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n % 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_and_digitwise() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("九十九", 99),
            ("二〇二五", 2025),
            ("二零二四", 2024),
        ] {
            assert_eq!(parse_chinese(s), Some(n), "{s}");
            assert_eq!(parse_number(s), Some(n), "{s}");
        }
        for s in ["", "十十", "百", "一二十", "〇十"] {
            assert_eq!(parse_chinese(s), None, "{s}");
        }
    }

    #[test]
    fn arabic_both_widths() {
        assert_eq!(parse_arabic("2025"), Some(2025));
        assert_eq!(parse_arabic("２０"), Some(20));
        assert_eq!(parse_arabic("2a"), None);
        assert_eq!(parse_arabic("1234567890"), None);
    }

    #[test]
    fn renders_counting_form() {
        let got: Vec<_> = [1, 10, 11, 20, 35].iter().map(|&n| to_chinese(n)).collect();
        assert_eq!(got, ["一", "十", "十一", "二十", "三十五"]);
        for n in 1..100 {
            assert_eq!(parse_chinese(&to_chinese(n)), Some(n));
        }
    }
}
