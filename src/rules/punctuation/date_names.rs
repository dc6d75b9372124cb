//! A day named by its date: “12·4”国家宪法日, not 12.4国家宪法日 or “12．4”. GB/T 15835-2011:
//! a name with its month and day in Arabic digits puts 间隔号 between them and the digits in
//! quotes. The named days are rules/events.toml's `days`.

use super::DATE_NAME;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::citation::events::days;
use crate::rules::findings::Findings;

/// Marks written for the 间隔号 "·".
const WRONG_DOTS: [char; 6] = ['.', '．', '•', '・', '‧', '∙'];

/// A day's name may start with what its day belongs to: 国家宪法日, 世界卫生日.
const PREFIXES: [&str; 6] = ["", "国家", "国际", "世界", "全国", "中国"];

/// Words after a quoted day that make it an event's or campaign's name.
const EVENT_WORDS: [&str; 10] = [
    "地震", "事件", "事故", "宣传", "活动", "主题", "纪念", "专项", "行动", "系列",
];

/// One or two digits ending at `end`, alone: (start, value).
fn small_number_before(t: &str, end: usize) -> Option<(usize, u32)> {
    let start = t[..end]
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .len();
    let before = t[..start].chars().next_back();
    let ok = (1..=2).contains(&(end - start))
        && !before
            .is_some_and(|c| c.is_ascii_alphanumeric() || WRONG_DOTS.contains(&c) || c == '·');
    ok.then(|| t[start..end].parse().ok().map(|n| (start, n)))
        .flatten()
}

/// One or two digits starting at `start`, alone: (end, value).
fn small_number_after(t: &str, start: usize) -> Option<(usize, u32)> {
    let rest = &t[start..];
    let len = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[len..].chars().next();
    let ok = (1..=2).contains(&len)
        && !after.is_some_and(|c| {
            c.is_ascii_alphanumeric() || WRONG_DOTS.contains(&c) || matches!(c, '·' | '%' | '％')
        });
    ok.then(|| rest[..len].parse().ok().map(|n| (start + len, n)))
        .flatten()
}

fn names_a_day(after: &str) -> bool {
    PREFIXES.iter().any(|p| {
        after
            .strip_prefix(p)
            .is_some_and(|rest| days().iter().any(|d| rest.starts_with(d.as_str())))
    })
}

pub fn check(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines() {
        if !t.bytes().any(|b| b.is_ascii_digit()) || !t.contains(WRONG_DOTS) && !t.contains('·') {
            continue;
        }
        for (k, dot) in t
            .char_indices()
            .filter(|&(_, c)| c == '·' || WRONG_DOTS.contains(&c))
        {
            let (Some((a, month)), Some((b, day))) = (
                small_number_before(t, k),
                small_number_after(t, k + dot.len_utf8()),
            ) else {
                continue;
            };
            // Any year: 29 February counts as a day that can be named.
            if !(1..=12).contains(&month)
                || day < 1
                || day > crate::date::days_in_month(2024, month)
            {
                continue;
            }
            // In double quotes, or in single ones within a quotation.
            let quoted = t[..a].ends_with('“') && t[b..].starts_with('”')
                || t[..a].ends_with('‘') && t[b..].starts_with('’');
            let after = t[b..].strip_prefix(['”', '’']).unwrap_or(&t[b..]);
            // A decimal's unit ("3.5万", "12.4%") is no day's name: most dots end here.
            if !after.starts_with(crate::text::is_han) || after.starts_with(['万', '亿', '元']) {
                continue;
            }
            // Quoted alone, it names an event by its day ("“5·12”地震") only before the
            // event's word: a quoted decimal ("“4.8”分", "“7.2”左右") is a figure.
            let is_name =
                names_a_day(after) || quoted && EVENT_WORDS.iter().any(|w| after.starts_with(w));
            let right_dot = dot == '·';
            if !is_name || right_dot && quoted {
                continue;
            }
            let written = &t[a..b];
            // Within a quotation, the quotes inside it are single (GB/T 15834-2011 4.1.3.2).
            let nested = !quoted && t[..a].matches('“').count() > t[..a].matches('”').count();
            let right = if nested {
                format!("‘{month}·{day}’")
            } else {
                format!("“{month}·{day}”")
            };
            let (at, message) = if quoted {
                (
                    k..k + dot.len_utf8(),
                    format!("节日、纪念日的月日“{written}”中间应为间隔号“·”"),
                )
            } else if right_dot {
                (a..b, format!("节日、纪念日的月日“{written}”要加引号"))
            } else {
                (a..b, format!("节日、纪念日的月日“{written}”应写作{right}"))
            };
            // In a title cited, the document's own wording: the writer checks it.
            let in_title = t[..a].rfind('《').is_some_and(|o| !t[o..a].contains('》'));
            let replacement = if quoted {
                "·".to_string()
            } else {
                right.clone()
            };
            out.push(
                Diagnostic::new(
                    &DATE_NAME,
                    span.start + at.start..span.start + at.end,
                    message,
                    format!(
                        "含月日的专名用阿拉伯数字时，月日之间用间隔号“·”，并加引号：{right}（GB/T 15835-2011）{}",
                        if nested { "；它在引号里面，所以用单引号" } else { "" }
                    ),
                )
                .with_fix(replacement, !in_title),
            );
        }
    }
}
