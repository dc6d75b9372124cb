//! 成文日期: recognise a date line in any form people write, and say how it departs from
//! GB/T 9704-2012 7.3.5.4 ("2025年1月8日": Arabic digits, full year, no zero padding).

use crate::lazy_regex::static_regex;
use crate::numerals::{parse_arabic, parse_chinese};
use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value(u32),
    Masked,
}

/// A year, month and day.
pub type Ymd = (i32, u32, u32);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub year: Field,
    pub month: Field,
    pub day: Field,
    /// Departures from the standard form, in Chinese, e.g. "含有空格".
    pub problems: Vec<&'static str>,
}

impl DateLine {
    pub fn is_masked(&self) -> bool {
        [self.year, self.month, self.day].contains(&Field::Masked)
    }

    /// (y, m, d) when every field is a number.
    pub fn ymd(&self) -> Option<Ymd> {
        match (self.year, self.month, self.day) {
            (Field::Value(y), Field::Value(m), Field::Value(d)) => Some((y as i32, m, d)),
            _ => None,
        }
    }

    /// The standard form, when the fields are known.
    pub fn canonical(&self) -> Option<String> {
        self.ymd().map(|(y, m, d)| format!("{y}年{m}月{d}日"))
    }
}

const MASK: &str = "*＊XxＸ×□";

/// A date with its whitespace taken out (spaces are a problem of their own).
fn ymd_regex() -> &'static Regex {
    static_regex!(
        r"^(?P<open>[（(])?(?P<y>[0-9０-９〇○零ＯOo一二三四五六七八九*＊XxＸ×□]{2,4})年(?P<m>[0-9０-９〇○Ｏ一二三四五六七八九十*＊XxＸ×□]{0,3})月(?:(?P<d>[0-9０-９〇○Ｏ一二三四五六七八九十*＊XxＸ×□]{0,3})(?P<ri>[日号])?)?(?P<close>[）)])?$"
    )
}

fn separated_regex() -> &'static Regex {
    static_regex!(r"^(?P<y>\d{4})\s*[-./／－．](?P<m>\s*\d{1,2})\s*[-./／－．]\s*(?P<d>\d{1,2})$")
}

/// The numerals a date may be written in ("二〇二六年一月二十日").
const CHINESE_DIGITS: &str = "〇一二三四五六七八九十";

/// Characters that stand for zero in a date written in Chinese numerals.
const ZEROS: &str = "〇○零Ｏ";

/// Which part of a date a field is, for what is said of it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Year,
    Month,
    Day,
}

fn field(s: &str, problems: &mut Vec<&'static str>, unit: Unit) -> Option<Field> {
    // "○○○○年○○月○○日": a template's circles, not a year 0.
    if s.chars().any(|c| MASK.contains(c))
        || (s.chars().count() > 1 && s.chars().all(|c| ZEROS.contains(c)))
    {
        return Some(Field::Masked);
    }
    // "二0二六", "二O二六": a digit or letter typed for 〇 among Chinese numerals.
    let chinese = |c: char| "一二三四五六七八九十".contains(c);
    if s.chars().any(chinese) && s.chars().any(|c| matches!(c, '0' | '０' | 'O' | 'o')) {
        let typed = if s.contains(['0', '０']) {
            "“〇”误写成了阿拉伯数字“0”"
        } else {
            "“〇”误写成了字母“O”"
        };
        let fixed: String = s
            .chars()
            .map(|c| {
                if matches!(c, '0' | '０' | 'O' | 'o') {
                    '〇'
                } else {
                    c
                }
            })
            .collect();
        let read = field(&fixed, problems, unit);
        push(problems, typed);
        return read;
    }
    if let Some(n) = parse_arabic(s) {
        if s.chars().any(|c| c.is_ascii_digit()) {
            if s.len() == 2 && s.starts_with('0') {
                push(
                    problems,
                    if unit == Unit::Day {
                        "日前补了“0”"
                    } else {
                        "月前补了“0”"
                    },
                );
            }
        } else {
            push(problems, "使用了全角数字");
        }
        return Some(Field::Value(n));
    }
    let n = parse_chinese(s)?;
    push(problems, "使用了汉字数字");
    Some(Field::Value(n))
}

/// "月前补了“0”" and "日前补了“0”" said once, as "月、日前补了“0”".
fn both_padded(problems: &mut Vec<&'static str>) {
    const MONTH: &str = "月前补了“0”";
    const DAY: &str = "日前补了“0”";
    if let (Some(m), true) = (
        problems.iter().position(|p| *p == MONTH),
        problems.contains(&DAY),
    ) {
        problems[m] = "月、日前补了“0”";
        problems.retain(|p| *p != DAY);
    }
}

fn push(problems: &mut Vec<&'static str>, p: &'static str) {
    if !problems.contains(&p) {
        problems.push(p);
    }
}

/// Parses a line that consists of a date and nothing else (indentation allowed).
pub fn parse_line(line: &str) -> Option<DateLine> {
    let mut problems = Vec::new();
    // A zero-width space or soft hyphen pasted into the date is still the date.
    let visible: String = crate::text::trim_indent(line)
        .chars()
        .filter(|&c| !crate::text::is_invisible(c))
        .collect();
    if visible.len() != crate::text::trim_indent(line).len() {
        push(&mut problems, "含有不可见字符（零宽空格、软连字符等）");
    }
    let mut t = visible.as_str();
    // "2026年1月20日（星期二）": the weekday is not part of a 成文日期.
    if let Some(m) = static_regex!(r"\s*[（(]?\s*(?:星期|周)[一二三四五六日天]\s*[）)]?$").find(t)
        && m.start() > 0
    {
        t = &t[..m.start()];
        push(&mut problems, "加了星期");
    }
    // "二〇二六年元月二十日": 元月 is the first month, written as a number in a 成文日期.
    let first_month;
    if let Some(k) = t.find("年元月") {
        push(&mut problems, "写作“元月”");
        let one = if t.contains(|c: char| c.is_ascii_digit()) {
            "1"
        } else {
            "一"
        };
        first_month = format!("{}年{one}月{}", &t[..k], &t["年元月".len() + k..]);
        t = first_month.as_str();
    }
    // A Word or WPS date control never filled in shows its prompt (an old template's
    // MACROBUTTON in brackets); a template its blanks
    // ("　　年　月　日"), or its field's name ("«成文日期»" of a mail merge, "【成文日期】");
    // a date without its day ("2026年1月") is not filled in either.
    let unfilled = static_regex!(
        r"^[\[［【]?(?:(?:单击|点击)(?:或(?:点击|轻击))?此处(?:输入|选择)(?:成文|发文)?日期|Click (?:or tap )?(?:here )?to enter a date)[。.]?[\]］】]?$|^年\s*月\s*日$|^[«《【\[［〔（(<]\s*(?:成文|发文|印发)?日期\s*[»》】\]］〕）)>]$|^(?:成文|发文)日期$"
    );
    if unfilled.is_match(t) {
        return Some(DateLine {
            year: Field::Masked,
            month: Field::Masked,
            day: Field::Masked,
            problems,
        });
    }
    // "2026年1月20日印发": the 印发日期 belongs in the 版记, with the 印发机关.
    if let Some(bare) = t.strip_suffix("印发")
        && bare.trim_end().ends_with(['日', '号'])
    {
        push(&mut problems, "日期后加了“印发”");
        t = bare.trim_end();
    }
    // "2026年1月20�": a file cut in the middle of its last character (GW0617 says so).
    let uncut = t.trim_end_matches('\u{FFFD}');
    if uncut.len() < t.len()
        && uncut.ends_with(|c: char| c.is_ascii_digit() || CHINESE_DIGITS.contains(c))
    {
        t = uncut;
    }
    // "2026年1月20日。": a sentence's mark typed after the date.
    let unpunctuated = t.trim_end().trim_end_matches(TRAILING_MARKS);
    if unpunctuated.len() < t.trim_end().len() && unpunctuated.ends_with(['日', '号', '月']) {
        push(&mut problems, PUNCTUATED);
        t = unpunctuated;
    }
    let mut compact: String = t.split_whitespace().collect();
    // "2026年l月20日": a letter typed for a digit among Arabic digits.
    let letters = compact.contains(['l', 'I', '|', 'O', 'o']);
    let chinese_numerals = compact.contains(|c: char| CHINESE_DIGITS.contains(c));
    if letters && !chinese_numerals && compact.contains(|c: char| c.is_ascii_digit()) {
        let digits = compact
            .replace(['l', 'I', '|'], "1")
            .replace(['O', 'o'], "0");
        if ymd_regex().is_match(&digits) {
            push(&mut problems, "数字中混入了字母（“l”“O”等）");
            compact = digits;
        }
    }
    if let Some(c) = ymd_regex().captures(&compact) {
        if c.name("open").is_some() || c.name("close").is_some() {
            push(&mut problems, "加了括号");
        }
        if compact.len() != t.trim_end().len() {
            push(&mut problems, "含有空格");
        }
        let group = |n: &str| c.name(n).map_or("", |m| m.as_str());

        let mut year = field(group("y"), &mut problems, Unit::Year)?;
        if let Field::Value(y) = year
            && y < 1000
        {
            push(&mut problems, "年份没有写全");
            // "25年1月5日" is 2025's: read so, a later check does not take it for year 25.
            if y < 100 {
                year = Field::Value(if y < 50 { 2000 + y } else { 1900 + y });
            }
        }
        // A field left blank ("2026年1月　日", "2026年　月　日") is not filled in.
        let blank_or = |f: &str, problems: &mut Vec<&'static str>| match f {
            "" => Some(Field::Masked),
            f => field(f, problems, Unit::Month),
        };
        let month = blank_or(group("m"), &mut problems)?;
        // "2026年1月": the day is not filled in; "2026年1月20": its 日 is missing.
        let day = match c.name("d").filter(|d| !d.is_empty()) {
            None => Field::Masked,
            Some(_) => {
                match c.name("ri").map(|m| m.as_str()) {
                    None => push(&mut problems, "缺少“日”字"),
                    Some("号") => push(&mut problems, "用“号”代替了“日”"),
                    Some(_) => {}
                }
                field(group("d"), &mut problems, Unit::Day)?
            }
        };
        both_padded(&mut problems);
        return Some(DateLine {
            year,
            month,
            day,
            problems,
        });
    }
    let c = separated_regex().captures(t)?;
    push(
        &mut problems,
        match t.chars().find(|c| "-./／－．".contains(*c)) {
            Some('.' | '．') => "用“.”代替了“年”“月”",
            Some('/' | '／') => "用“/”代替了“年”“月”",
            _ => "用“-”代替了“年”“月”",
        },
    );
    if t.contains(char::is_whitespace) {
        push(&mut problems, "含有空格");
    }
    let year = field(&c["y"], &mut problems, Unit::Year)?;
    let month = field(c["m"].trim(), &mut problems, Unit::Month)?;
    let day = field(&c["d"], &mut problems, Unit::Day)?;
    both_padded(&mut problems);
    Some(DateLine {
        year,
        month,
        day,
        problems,
    })
}

/// A 成文日期 cut short: "2026年" alone, without month and day, or "1月15日" without its
/// year, when the caller knows the line is where the date goes (anywhere else either is a
/// heading, a caption or a day named in the text).
pub fn parse_cut_short(line: &str) -> Option<DateLine> {
    let t = crate::text::trim_indent(line).trim_end();
    let bare = t.trim_end_matches(TRAILING_MARKS);
    let problems = if bare.len() < t.len() {
        vec![PUNCTUATED]
    } else {
        Vec::new()
    };
    if let Some(c) = static_regex!(r"^(?P<y>[0-9]{4})年$").captures(bare) {
        return Some(DateLine {
            year: Field::Value(c["y"].parse().ok()?),
            month: Field::Masked,
            day: Field::Masked,
            problems,
        });
    }
    let c = static_regex!(
        r"^(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2}|元)月(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]$"
    )
    .captures(bare)?;
    let number = |s: &str| match s {
        "元" => Some(1),
        s => parse_arabic(s).or_else(|| parse_chinese(s)),
    };
    Some(DateLine {
        year: Field::Masked,
        month: Field::Value(number(&c["m"])?),
        day: Field::Value(number(&c["d"])?),
        problems,
    })
}

/// The problem of a date with one of `TRAILING_MARKS` after it.
const PUNCTUATED: &str = "日期后加了标点";

/// Marks typed after a date as if it ended a sentence or opened a note.
pub const TRAILING_MARKS: [char; 10] = ['。', '，', ',', '.', '；', ';', '、', '：', ':', '（'];

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_real_date(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(s: &str) -> Vec<&'static str> {
        parse_line(s).unwrap().problems
    }

    #[test]
    fn standard_form_has_no_problems() {
        let d = parse_line("  2024年2月29日").unwrap();
        assert_eq!(d.ymd(), Some((2024, 2, 29)));
        assert!(d.problems.is_empty());
    }

    #[test]
    fn each_departure_is_named() {
        assert_eq!(problems("2022 年 1 月 10 日"), ["含有空格"]);
        // Spaced between its digits, or with a character that takes no room: still the date.
        assert_eq!(problems("2 0 2 2 年 1 月 1 0 日"), ["含有空格"]);
        assert_eq!(problems("2022年1月10日（星期一）"), ["加了星期"]);
        assert_eq!(problems("2022年元月10日"), ["写作“元月”"]);
        assert_eq!(
            parse_line("2022年元月10日").unwrap().ymd(),
            Some((2022, 1, 10))
        );
        assert_eq!(problems("2022年1月10"), ["缺少“日”字"]);
        assert!(parse_line("2022年1月").unwrap().is_masked());
        assert!(parse_line("　　年　月　日").unwrap().is_masked());
        for t in ["«成文日期»", "【成文日期】", "成文日期", "［日期］"] {
            assert!(parse_line(t).unwrap().is_masked(), "{t}");
        }
        for t in ["日期", "印发日期：2025年1月22日", "成文日期：2025年1月20日"] {
            assert!(parse_line(t).is_none_or(|d| !d.is_masked()), "{t}");
        }
        // Word's prompt in a date control left empty: a date not filled in.
        for prompt in [
            "单击或点击此处输入日期。",
            "Click or tap to enter a date.",
            "[单击此处输入日期]",
            "［单击此处输入成文日期］",
        ] {
            assert!(parse_line(prompt).unwrap().is_masked(), "{prompt}");
        }
        let d = parse_line("2 0 2 2 年 1 月 1 0 日").unwrap();
        assert_eq!(d.ymd(), Some((2022, 1, 10)));
        for invisible in ['\u{200B}', '\u{00AD}', '\u{2060}', '\u{FEFF}', '\u{200D}'] {
            let line = format!("2022年1月{invisible}10日");
            assert_eq!(
                problems(&line),
                ["含有不可见字符（零宽空格、软连字符等）"],
                "{line:?}"
            );
        }
        assert_eq!(problems("2025年01月05日"), ["月、日前补了“0”"]);
        assert_eq!(problems("2025年01月20日"), ["月前补了“0”"]);
        assert_eq!(problems("2025年1月05日"), ["日前补了“0”"]);
        // A year written short is read as this century's, and said.
        let short = parse_line("25年1月5日").unwrap();
        assert_eq!(
            (short.ymd(), short.problems),
            (Some((2025, 1, 5)), vec!["年份没有写全"])
        );
        assert_eq!(problems("二〇二五年一月十日"), ["使用了汉字数字"]);
        assert_eq!(problems("2026年1月20号"), ["用“号”代替了“日”"]);
        for (typed, which) in [
            ("二0二六年一月二十日", "阿拉伯数字“0”"),
            ("二O二六年一月二十日", "字母“O”"),
        ] {
            let d = parse_line(typed).unwrap();
            assert_eq!(d.ymd(), Some((2026, 1, 20)), "{typed}");
            let typo = format!("“〇”误写成了{which}");
            assert_eq!(d.problems, ["使用了汉字数字", typo.as_str()]);
        }
        assert!(parse_line("○○○○年○○月○○日").unwrap().is_masked());
        assert_eq!(
            problems("2024-01-05"),
            ["用“-”代替了“年”“月”", "月、日前补了“0”"]
        );
        assert_eq!(problems("2024.1.5"), ["用“.”代替了“年”“月”"]);
        assert_eq!(problems("2024/1/5"), ["用“/”代替了“年”“月”"]);
        assert_eq!(problems("２０２５年１月８日"), ["使用了全角数字"]);
        assert_eq!(
            parse_line("二〇二五年一月十日")
                .unwrap()
                .canonical()
                .unwrap(),
            "2025年1月10日"
        );
    }

    #[test]
    fn masked_dates() {
        let d = parse_line("****年*月**日").unwrap();
        assert!(d.is_masked());
        assert_eq!(d.ymd(), None);
        assert!(parse_line("2025年×月×日").unwrap().is_masked());
        // Blanks left for the day, or for the month and day.
        for blank in [
            "2025年1月  日",
            "2025年1月　　日",
            "2025年 月 日",
            "2025年月日",
        ] {
            let d = parse_line(blank).unwrap();
            assert!(d.is_masked(), "{blank}");
        }
    }

    #[test]
    fn a_date_cut_in_its_last_character_lacks_its_day() {
        assert_eq!(problems("2026年1月20\u{FFFD}"), ["缺少“日”字"]);
        assert_eq!(parse_line("2026年1月\u{FFFD}日"), None);
    }

    #[test]
    fn dates_cut_short_where_a_date_goes() {
        let year = parse_cut_short("2026年。").unwrap();
        assert_eq!(
            (year.year, year.day, year.problems),
            (Field::Value(2026), Field::Masked, vec![PUNCTUATED])
        );
        let day = parse_cut_short("　1月15日").unwrap();
        assert_eq!(
            (day.year, day.month, day.day),
            (Field::Masked, Field::Value(1), Field::Value(15))
        );
        assert_eq!(parse_cut_short("1月15日召开会议"), None);
        for written in ["一月十五日", "元月15日"] {
            let day = parse_cut_short(written).unwrap();
            assert_eq!(
                (day.month, day.day),
                (Field::Value(1), Field::Value(15)),
                "{written}"
            );
        }
    }

    #[test]
    fn not_dates() {
        for s in [
            "2024年",
            "慈溪市卫生健康局",
            "2024年全年办结1件",
            "一、2024年工作",
        ] {
            assert_eq!(parse_line(s), None, "{s}");
        }
    }

    #[test]
    fn calendar() {
        assert!(is_real_date(2024, 2, 29));
        assert!(!is_real_date(2025, 2, 29));
        assert!(!is_real_date(2025, 2, 30));
        assert!(!is_real_date(2025, 13, 1));
        assert!(!is_real_date(2025, 4, 31));
        assert!(is_real_date(2000, 2, 29) && !is_real_date(1900, 2, 29));
    }
}
