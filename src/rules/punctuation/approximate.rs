//! Adjacent numerals read as one approximate number take no 顿号 between them, and are
//! written in Chinese (GB/T 15835-2011): "三四个", "二三十家", "十七八岁", not "三、四个" or
//! "3、4个". Lists of categories ("二、三产业", "一、二级医院", "三、四季度") are lists.

use super::APPROXIMATE_NUMBERS;
use crate::diagnostic::Diagnostic;
use crate::numerals::{chinese_digit, to_chinese};
use crate::rules::Context;
use crate::rules::findings::Findings;

/// What may follow the second numeral for the pair to be a count's approximation: measure
/// words of counted things.
const MEASURES: &str = "个家件次人名天年岁所项批份场起例户位条种台辆本篇倍处";

/// A character of the first number: "十七" of "十七、八岁", "3" of "3、4个".
fn is_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || c == '十' || c.is_ascii_digit()
}

pub fn check(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines() {
        if !t.contains('、') {
            continue;
        }
        for (k, _) in t.match_indices('、') {
            let before = &t[..k];
            let after = &t[k + '、'.len_utf8()..];
            let Some((first, second, chinese)) = pair(before, after) else {
                continue;
            };
            if second != first + 1 {
                continue;
            }
            // The second numeral, with 十/百/千/万 after it, then the counted thing.
            let numeral_len = after.chars().next().map_or(0, char::len_utf8);
            let rest = &after[numeral_len..];
            let rest = rest.trim_start_matches(['十', '百', '千', '万']);
            let counted = rest.chars().next().is_some_and(|c| MEASURES.contains(c));
            let from = before.trim_end_matches(is_numeral).len();
            // "第三、四个": ordinals listed; "三、四年级". "一、二次供水": the first and the
            // second, as "一两次" would say one or two.
            let ordinal = t[..from].ends_with('第') || first == 1 && rest.starts_with('次');
            if !counted || ordinal || rest.starts_with("年级") {
                continue;
            }
            // "三、四次检查" may be a count, or the third and fourth of something: told, not
            // changed unasked.
            let named_after =
                rest.starts_with('次') && rest['次'.len_utf8()..].starts_with(crate::text::is_han);
            let comma_end = k + '、'.len_utf8();
            let numbers_end = comma_end + numeral_len;
            // Through the counted thing's measure word: `rest` is the end of `after`.
            let to = comma_end
                + (after.len() - rest.len())
                + rest.chars().next().map_or(0, char::len_utf8);
            let shown = &t[from..to];
            // "一、二个" is "一两个": 两 counts before a measure word.
            let two = first == 1 && second == 2 && rest.len() == after.len() - numeral_len;
            let second_word = if two {
                "两".to_string()
            } else {
                to_chinese(second)
            };
            let (span_here, replacement, safe) = if chinese && two {
                (k..numbers_end, second_word, !named_after)
            } else if chinese {
                (k..comma_end, String::new(), !named_after)
            } else {
                (
                    from..numbers_end,
                    format!("{}{}", to_chinese(first), second_word),
                    false,
                )
            };
            let want = format!(
                "{}{replacement}{}",
                &t[from..span_here.start],
                &t[span_here.end..to]
            );
            out.push(
                Diagnostic::new(
                    &APPROXIMATE_NUMBERS,
                    span.start + span_here.start..span.start + span_here.end,
                    format!("“{shown}”是概数，相邻的两个数字之间不用顿号"),
                    format!("改为“{want}”（GB/T 15835-2011：相邻的两个数字连用表示概数，用汉字数字，中间不用顿号）"),
                )
                .with_fix(replacement, safe),
            );
        }
    }
}

/// The numerals around a 顿号: Chinese digits ("十七、八" counts by its last digit) or
/// single Arabic ones ("3、4").
fn pair(before: &str, after: &str) -> Option<(u32, u32, bool)> {
    let p = before.chars().next_back()?;
    let n = after.chars().next()?;
    if let (Some(a), Some(b)) = (chinese_digit(p), chinese_digit(n)) {
        return Some((a, b, true));
    }
    // One digit each side: "13、14个" is a list of sizes, not an approximation.
    let single = |s: &mut dyn Iterator<Item = char>| {
        let d = s.next()?.to_digit(10)?;
        (!s.next().is_some_and(|c| c.is_ascii_digit() || c == '.')).then_some(d)
    };
    let a = single(&mut before.chars().rev())?;
    let b = single(&mut after.chars())?;
    (a >= 1).then_some((a, b, false))
}
