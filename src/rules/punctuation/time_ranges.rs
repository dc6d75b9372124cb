//! Spans of time shorter than years (GB/T 15834-2011 4.13.3): 一字线 "1—10月",
//! "3月1日—5日", "8:30—17:30", not a hyphen or a tilde. Year ranges are ranges.rs's; the
//! 浪纹线 "1～10月" is left alone, as 4.13.3 says a span of time "一般" takes the 一字线.

use super::TIME_RANGE_DASH;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use regex::Regex;

/// The marks typed for the 一字线 of a span of time, as `DASH` matches them: a line with
/// none of them is not searched.
const TIME_DASHES: [&str; 9] = ["-", "－", "–", "‐", "‑", "−", "~", "〜", "——"];

/// One of `TIME_DASHES` with the spaces around it, captured.
const DASH: &str = r"(\s*(?:——|[-－–‐‑−~〜])\s*)";

/// "1-10月", "3-5日": two months or two days.
fn days_regex() -> &'static Regex {
    static_regex!(format!(r"([0-9]{{1,2}}){DASH}([0-9]{{1,2}})(月份|月|日)"))
}

/// "8:30-17:30": two times of day.
fn clock_regex() -> &'static Regex {
    static_regex!(format!(
        r"([0-9]{{1,2}})[:：]([0-9]{{2}}){DASH}([0-9]{{1,2}})[:：]([0-9]{{2}})"
    ))
}

/// "2024年3月-6月", "3月1日-4月30日", "2023年12月-2024年3月": two dates.
fn dates_regex() -> &'static Regex {
    static_regex!(format!(r"[0-9]([月日]){DASH}([0-9]{{1,4}})\s*([年月日])"))
}

/// "周一-周五", "星期一~星期五", "周一-五": two days of the week.
fn weekdays_regex() -> &'static Regex {
    static_regex!(format!(
        r"(?:周|星期)[一二三四五六日天]{DASH}((?:周|星期)?)[一二三四五六日天]"
    ))
}

/// "2024.1-2024.10": two months written with a dot, the year each time.
fn dotted_months_regex() -> &'static Regex {
    static_regex!(format!(
        r"((?:19|20)[0-9]{{2}})\.([0-9]{{1,2}}){DASH}((?:19|20)[0-9]{{2}})\.([0-9]{{1,2}})"
    ))
}

/// A date, a code or a figure touches the span: "2024-1-10月", "V1.2-3月".
fn in_code(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':' | '_'))
}

pub fn check(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines() {
        let weekdays = t.contains('周') || t.contains("星期");
        if !(weekdays || t.bytes().any(|b| b.is_ascii_digit()))
            || !TIME_DASHES.iter().any(|d| t.contains(d))
        {
            continue;
        }
        let mut push = |dash: regex::Match, shown: &str| {
            let want = shown.replacen(dash.as_str(), "—", 1);
            out.push(
                Diagnostic::new(
                    &TIME_RANGE_DASH,
                    span.start + dash.start()..span.start + dash.end(),
                    format!("时间范围“{shown}”中的连接号应为一字线“—”"),
                    format!("改为“{want}”（GB/T 15834-2011 4.13.3：标示时间起止用一字线）"),
                )
                .with_fix("—", true),
            );
        };
        let wave = |dash: &str| matches!(dash.trim(), "~" | "〜");
        for c in days_regex().captures_iter(t) {
            let (Some(m), Some(a), Some(dash), Some(b), Some(unit)) =
                (c.get(0), c.get(1), c.get(2), c.get(3), c.get(4))
            else {
                continue;
            };
            if in_code(t[..m.start()].chars().next_back()) {
                continue;
            }
            let (Ok(x), Ok(y)) = (a.as_str().parse::<u32>(), b.as_str().parse::<u32>()) else {
                continue;
            };
            let last = if unit.as_str().starts_with('月') {
                12
            } else {
                31
            };
            // "3-5日内办结": a count of days, a value range (GW0514's); so is "3~5日".
            let count =
                t[m.end()..].starts_with(['内', '以', '之']) || (wave(dash.as_str()) && last != 12);
            if !(1..y).contains(&x) || y > last || count {
                continue;
            }
            push(dash, m.as_str());
        }
        for c in clock_regex().captures_iter(t) {
            let (Some(m), Some(dash)) = (c.get(0), c.get(3)) else {
                continue;
            };
            let valid = |h: usize, mi: usize| {
                let hour = c.get(h).and_then(|g| g.as_str().parse::<u32>().ok());
                let minute = c.get(mi).and_then(|g| g.as_str().parse::<u32>().ok());
                hour.is_some_and(|h| h <= 24) && minute.is_some_and(|m| m < 60)
            };
            if in_code(t[..m.start()].chars().next_back())
                || in_code(t[m.end()..].chars().next())
                || !(valid(1, 2) && valid(4, 5))
            {
                continue;
            }
            push(dash, m.as_str());
        }
        if weekdays {
            for c in weekdays_regex().captures_iter(t) {
                let (Some(m), Some(dash), Some(named)) = (c.get(0), c.get(1), c.get(2)) else {
                    continue;
                };
                // "周一-五" reads as a span only where nothing goes on from the 五.
                let goes_on = t[m.end()..].chars().next().is_some_and(crate::text::is_han);
                if named.as_str().is_empty() && goes_on {
                    continue;
                }
                push(dash, m.as_str());
            }
        }
        for c in dotted_months_regex().captures_iter(t) {
            let (Some(m), Some(dash)) = (c.get(0), c.get(3)) else {
                continue;
            };
            let month = |g: usize| c.get(g).and_then(|g| g.as_str().parse::<u32>().ok());
            let months = [month(2), month(5)];
            // A version or a section number goes on with another dot or digit.
            if in_code(t[..m.start()].chars().next_back())
                || in_code(t[m.end()..].chars().next())
                || !months
                    .iter()
                    .all(|m| m.is_some_and(|m| (1..=12).contains(&m)))
            {
                continue;
            }
            push(dash, m.as_str());
        }
        for c in dates_regex().captures_iter(t) {
            let (Some(m), Some(dash)) = (c.get(0), c.get(2)) else {
                continue;
            };
            // Quoted whole: "3月1日-4月30日", not "1日-4月".
            let in_date = |c: char| c.is_ascii_digit() || matches!(c, '年' | '月' | '日');
            let from = t[..m.start()].trim_end_matches(in_date).len();
            let to = t.len() - t[m.end()..].trim_start_matches(in_date).len();
            push(dash, &t[from..to]);
        }
    }
}
