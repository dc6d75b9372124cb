//! Year ranges (GB/T 15834-2011 4.13.3): 一字线 "2021—2025年", not "2021-2025年" or
//! "2021~2025年", and no lost separator ("20212025年"). Whether the years themselves make
//! sense ("2020-2121年") is the consistency rules' question (GW0404).

use super::{YEAR_RANGE_DASH, YEAR_RANGE_JOINED};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use regex::Regex;

/// Eight digits before 年 read as two years only for a plan-like span (健康中国 2019—2030).
const MAX_JOINED_SPAN: i32 = 30;
/// Four digits read as a year.
const LAST_YEAR: i32 = 2100;

/// What may stand between the two years of a range.
const RANGE_DASHES: [char; 9] = ['-', '－', '–', '~', '～', '―', '‐', '‑', '−'];

fn range_regex() -> &'static Regex {
    static_regex!(r"([0-9]{4})(\s*年)?(\s*(?:[-－–~～―‐‑−]|——)\s*)([0-9]{4})(\s*年)?")
}

/// `n` ASCII digits in a row somewhere in `t`.
fn has_digit_run(t: &str, n: usize) -> bool {
    t.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= n)
}

fn joined_regex() -> &'static Regex {
    static_regex!(r"([0-9]{8})\s*年")
}

fn plausible(y: i32) -> bool {
    (1900..=LAST_YEAR).contains(&y)
}

pub fn check(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines() {
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        // What each pattern needs, so that a report without it never builds the pattern.
        // "2021——2025年": a 破折号 for the 一字线 too.
        if t.contains(RANGE_DASHES) || t.contains("——") {
            ranges(t, span.start, out);
        }
        if has_digit_run(t, 8) {
            joined(t, span.start, out);
        }
    }
}

fn digit_at(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '－' | '/' | '.'))
}

fn ranges(t: &str, base: usize, out: &mut Findings) {
    for c in range_regex().captures_iter(t) {
        let (Some(m), Some(a), Some(sep), Some(b)) = (c.get(0), c.get(1), c.get(3), c.get(4))
        else {
            continue;
        };
        // Part of a longer number, a phone number or a date ("2021-01-22" does not match).
        if digit_at(t[..m.start()].chars().next_back()) || digit_at(t[m.end()..].chars().next()) {
            continue;
        }
        let (Ok(y1), Ok(y2)) = (a.as_str().parse::<i32>(), b.as_str().parse::<i32>()) else {
            continue;
        };
        // "2025-2026学年": a school or fiscal year is a year range too.
        let rest = &t[m.end()..];
        let with_nian = c.get(2).is_some()
            || c.get(5).is_some()
            || ["学年", "财年", "年度"].iter().any(|w| rest.starts_with(w));
        let before = t[..m.start()].chars().next_back();
        let after = t[m.end()..].chars().next();
        let bracketed = matches!(before, Some('(' | '（')) && matches!(after, Some(')' | '）'));
        if !(with_nian || bracketed) || !plausible(y1) {
            continue;
        }
        let shown = m.as_str();
        // "2020-2121年": fixing the dash alone would settle a wrong year (GW0404 says so).
        let sane = plausible(y2) && y1 <= y2 && y2 - y1 <= crate::quantity::lexicon().max_year_span;
        out.push(
            Diagnostic::new(
                &YEAR_RANGE_DASH,
                base + sep.start()..base + sep.end(),
                format!("年份范围“{shown}”中的连接号应为一字线“—”"),
                format!(
                    "改为“{y1}{}—{y2}{}”（GB/T 15834-2011 4.13.3：标示时间起止用一字线）{}",
                    if c.get(2).is_some() { "年" } else { "" },
                    if c.get(5).is_some() { "年" } else { "" },
                    if sane {
                        ""
                    } else {
                        "；年份本身也有误，请先核对年份"
                    }
                ),
            )
            .with_fix("—", sane),
        );
    }
}

fn joined(t: &str, base: usize, out: &mut Findings) {
    for c in joined_regex().captures_iter(t) {
        let (Some(m), Some(d)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if t[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let s = d.as_str();
        let (Ok(y1), Ok(y2)) = (s[..4].parse::<i32>(), s[4..].parse::<i32>()) else {
            continue;
        };
        if !(plausible(y1) && y1 >= 1949 && y2 > y1 && y2 - y1 <= MAX_JOINED_SPAN) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &YEAR_RANGE_JOINED,
                base + d.start()..base + d.end(),
                format!("“{s}年”缺少连接号，应为“{y1}—{y2}年”"),
                "在起止年份之间补上一字线“—”",
            )
            .with_fix(format!("{y1}—{y2}"), true),
        );
    }
}
