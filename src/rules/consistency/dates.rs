//! Dates no calendar has (GW0420): "2025年2月30日", "4月31日", "2025年13月", "第五季度" in
//! the body. The 成文日期 is GW0204's.

use super::IMPOSSIBLE_DATE;
use crate::date::days_in_month;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::numerals::parse_number;
use crate::outline::{content_span, item_number_end};
use crate::rules::Context;
use crate::rules::findings::Findings;

/// A year with its month, or a month with its day, and what follows.
fn pattern() -> &'static regex::Regex {
    static_regex!(r"(?:([0-9]{4})年)?([0-9]{1,2})月(?:([0-9]{1,2})日)?")
}

/// A quarter by its ordinal: "第五季度", "2025年第5季度".
fn quarter() -> &'static regex::Regex {
    static_regex!(r"第([0-9]{1,3}|[〇零一二三四五六七八九十百]{1,4})季度")
}

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    let dated = ctx.outline.date.as_ref().map(|d| d.line);
    for i in 0..doc.line_count() {
        if ctx.outline.chrome[i] || Some(i) == dated {
            continue;
        }
        let span = content_span(doc, i);
        let line = &doc.text[span.clone()];
        if line.contains('月') {
            months(line, span.start, out);
        }
        if line.contains("季度") {
            quarters(line, span.start, out);
        }
    }
}

fn quarters(line: &str, at: usize, out: &mut Findings) {
    for c in quarter().captures_iter(line) {
        let (Some(whole), Some(n)) = (c.get(0), parse_number(&c[1])) else {
            continue;
        };
        if !(1..=4).contains(&n) {
            out.push(Diagnostic::new(
                &IMPOSSIBLE_DATE,
                at + whole.start()..at + whole.end(),
                format!("“{}”不存在：一年只有四个季度", whole.as_str()),
                "核对季度，改为第一至第四季度中实际的一个",
            ));
        }
    }
}

fn months(line: &str, at: usize, out: &mut Findings) {
    for c in pattern().captures_iter(line) {
        let Some(whole) = c.get(0) else { continue };
        // Part of a longer number ("2025年112月" is no month), or a range's end.
        if line[..whole.start()].ends_with(|ch: char| ch.is_ascii_digit() || ch == '.')
            && item_number_end(line) != whole.start()
        {
            continue;
        }
        let num = |k: usize| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let (year, month, day) = (num(1), num(2), num(3));
        // A month alone ("13月") may be a count; with a year or a day it is a date's, and so
        // is the end of a range of months after a year ("2024年1—13月").
        let range_end = || {
            static_regex!(r"[0-9]{4}年[0-9]{1,2}月?[-－–—―~～至到]$")
                .is_match(&line[..whole.start()])
        };
        if year.is_none() && day.is_none() && !range_end() {
            continue;
        }
        let Some(month) = month else { continue };
        let problem = if !(1..=12).contains(&month) {
            format!("没有{month}月")
        } else if let Some(day) = day {
            // Without a year, 2月29日 may be of a leap year (2024 is one).
            let days = days_in_month(year.map_or(2024, |y| y as i32), month);
            if day == 0 {
                "没有0日".to_string()
            } else if day > days {
                match year {
                    Some(y) => format!("{y}年{month}月只有{days}天"),
                    None => format!("{month}月只有{days}天"),
                }
            } else {
                continue;
            }
        } else {
            continue;
        };
        out.push(Diagnostic::new(
            &IMPOSSIBLE_DATE,
            at + whole.start()..at + whole.end(),
            format!("“{}”不是真实存在的日期：{problem}", whole.as_str()),
            "核对月份和日期，改为实际的日期",
        ));
    }
}
