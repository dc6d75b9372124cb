//! Number ranges (GB/T 15834-2011 4.13.3): 浪纹线 "3～5次", not "3~5次" or "3-5次". The
//! short dash belongs to codes, phone numbers and all-numeric dates; year ranges are
//! ranges.rs's.

use super::NUMBER_RANGE;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::is_han;

/// What a hyphen range must be followed by to be a count's range, not a code's parts:
/// 3-5次, 10-15个工作日. (Not 月 or 日: "1-10月" is a span of time, one for 一字线.)
const COUNT_UNITS: &str = "次个人名件项家天周岁倍场期批户份篇所万千亿元%％℃";

/// Units of more than one character, whose first alone is no unit (分 of 分钟).
const COUNT_WORDS: [&str; 5] = ["分钟", "小时", "学时", "课时", "工作日"];

/// A number written with digits and at most one decimal point, ending at `end`: its start.
fn number_before(t: &str, end: usize) -> Option<usize> {
    let digits = t[..end].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let start = digits.len();
    let n = &t[start..end];
    let ok = !n.is_empty()
        && n.as_bytes()[0].is_ascii_digit()
        && !n.ends_with('.')
        && n.matches('.').count() <= 1;
    ok.then_some(start)
}

/// A number starting at `start`: its end.
fn number_after(t: &str, start: usize) -> Option<usize> {
    let rest = &t[start..];
    let len = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let n = rest[..len].trim_end_matches('.');
    (!n.is_empty() && n.as_bytes()[0].is_ascii_digit() && n.matches('.').count() <= 1)
        .then_some(start + n.len())
}

/// Part of a code, a version or a path: a letter, a dot, a slash or another dash touches it.
fn in_code(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':' | '_' | '~'))
}

fn digits(n: &str) -> usize {
    n.split('.').next().map_or(0, str::len)
}

/// The marks put where a value range's 浪纹线 belongs: the half-width tilde and the
/// Japanese IME's wave dash (both only ever meant "～"), and the hyphen of either width.
/// (Not the 一字线: "2—3件" is common in published 公文, and 4.13.3 says "一般用浪纹线".)
const RANGE_MARKS: [char; 4] = ['~', '〜', '-', '－'];
/// The marks a value range may rightly take, whose first number may still lack the
/// second's % or 万 ("15～30%").
const RIGHT_MARKS: [char; 2] = ['～', '—'];

/// What the second number carries that the first must too (GB/T 15835-2011: 15%～30%,
/// 9亿～16亿, not 15～30%, 9～16亿): a percent sign, 万 or 亿.
fn unit_missing(t: &str, first_end: usize, mark_at: usize, second_end: usize) -> Option<char> {
    let carried = t[second_end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '%' | '％' | '万' | '亿'))?;
    (first_end == mark_at).then_some(carried)
}

pub fn check(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines() {
        let may = t.contains(RANGE_MARKS)
            || t.contains(RIGHT_MARKS) && t.contains(['%', '％', '万', '亿']);
        if !may || !t.chars().any(is_han) {
            continue;
        }
        for (k, mark) in t.match_indices(|c| RANGE_MARKS.contains(&c) || RIGHT_MARKS.contains(&c)) {
            let right = matches!(mark, "～" | "—");
            // "——" is a 破折号, not a range's mark.
            if mark == "—" && (t[..k].ends_with('—') || t[k + mark.len()..].starts_with('—'))
            {
                continue;
            }
            let wave = matches!(mark, "~" | "〜");
            // "5%~10%": the percent sign goes with the first number.
            let left_end = if t[..k].ends_with('%') { k - 1 } else { k };
            let (Some(a), Some(b_end)) =
                (number_before(t, left_end), number_after(t, k + mark.len()))
            else {
                continue;
            };
            let (first, second) = (&t[a..left_end], &t[k + mark.len()..b_end]);
            let before = t[..a].chars().next_back();
            let after = t[b_end..].chars().next();
            // "表3-1所示", "图2-3", "附件2-1": a table's or figure's number.
            let numbered = ["表", "图", "附件", "附录"]
                .iter()
                .any(|w| t[..a].ends_with(w));
            if in_code(before) || in_code(after) || numbered {
                continue;
            }
            // Two years: a year range, ranges.rs's.
            if digits(first) == 4 && digits(second) == 4 {
                continue;
            }
            let missing = unit_missing(t, left_end, k, b_end);
            if right {
                if let Some(u) = missing {
                    out.push(unit_on_both(span.start + k, mark, &t[a..b_end], u));
                }
                continue;
            }
            let counted = after.is_some_and(|c| COUNT_UNITS.contains(c))
                || COUNT_WORDS.iter().any(|w| t[b_end..].starts_with(w));
            let short = digits(first) <= 3 && digits(second) <= 3;
            let flag = if wave {
                // "1~10月": a span of time, for the 一字线 (time_ranges.rs).
                after.is_none_or(|c| (!c.is_ascii() && c != '月') || c == '%')
            } else {
                counted && short
            };
            if !flag {
                continue;
            }
            // The unit whole ("3-5个工作日", not "3-5个工").
            let rest = &t[b_end..];
            let unit = COUNT_WORDS
                .iter()
                .find(|w| rest.starts_with(*w))
                .map(|w| w.to_string())
                .or_else(|| {
                    rest.chars()
                        .next()
                        .filter(|c| COUNT_UNITS.contains(*c))
                        .map(String::from)
                })
                .unwrap_or_default();
            let shown = format!("{}{unit}", &t[a..b_end]);
            let (message, help) = if mark == "~" {
                (
                    format!("数值范围“{shown}”用了半角的“~”，应为全角浪纹线“～”"),
                    "标示数值范围的起止用全角浪纹线“～”（GB/T 15834-2011 4.13.3）",
                )
            } else if mark == "〜" {
                (
                    format!("数值范围“{shown}”用了日文输入法的波浪号“〜”，应为浪纹线“～”"),
                    "标示数值范围的起止用全角浪纹线“～”（GB/T 15834-2011 4.13.3）；“〜”（U+301C）外形相近，但检索和排版都不认",
                )
            } else {
                (
                    format!("数值范围“{shown}”中的连接号应为浪纹线“～”"),
                    "标示数值范围的起止用浪纹线“～”（GB/T 15834-2011 4.13.3）；短横线“-”只用于代码、电话号码、全数字日期和产品型号",
                )
            };
            let (message, replacement) = match missing {
                Some(u) => (format!("{message}，前一个数也要带“{u}”"), format!("{u}～")),
                None => (message, "～".to_string()),
            };
            out.push(
                Diagnostic::new(
                    &NUMBER_RANGE,
                    span.start + k..span.start + k + mark.len(),
                    message,
                    help,
                )
                // A dash may have been meant as a span of time, for 一字线: the author picks.
                .with_fix(replacement, wave),
            );
        }
    }
}

/// "15～30%", "1～5万元": the right mark, but the first number without its unit.
fn unit_on_both(at: usize, mark: &str, shown: &str, unit: char) -> Diagnostic {
    Diagnostic::new(
        &NUMBER_RANGE,
        at..at + mark.len(),
        format!("数值范围“{shown}{unit}”的前一个数也要带“{unit}”"),
        "数值范围两端的百分号和“万”“亿”都要写出，如“15%～30%”“9亿～16亿”，不写作“15～30%”“9～16亿”（GB/T 15835-2011）",
    )
    .with_fix(format!("{unit}{mark}"), true)
}
