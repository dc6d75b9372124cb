//! A deadline in the plan part that had passed when the report was written (GW0418):
//! "力争2024年底前实现高频事项全程网办" in the 2025 plan of a report dated 2025年2月11日,
//! a sentence kept from last year's report.

use super::PAST_DEADLINE;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::squeeze;
use std::ops::Range;

/// The plan's lines: under the top-level heading of the part about the next year (the
/// profile's part named with the reported year plus one), up to the next such heading.
fn plan(ctx: &Context) -> Option<Range<usize>> {
    let o = ctx.outline;
    let top = o.top_level()?;
    let tops: Vec<_> = o.headings.iter().filter(|h| h.level() == top).collect();
    let k = tops.iter().position(|h| {
        ctx.part_named(&squeeze(&ctx.doc.text[h.title.clone()]))
            .is_some_and(|p| p.year_offset == Some(1))
    })?;
    let end = tops.get(k + 1).map_or(o.body.end, |h| h.line);
    Some(tops[k].line + 1..end.max(tops[k].line + 1))
}

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let Some((y, mo, d)) = ctx.outline.date.as_ref().and_then(|x| x.date.ymd()) else {
        return;
    };
    let Some(lines) = plan(ctx) else {
        return;
    };
    for (span, line) in super::future::prose_with_years(ctx, lines) {
        // "力争2024年底前", "于2025年6月前", "到2024年底": a time to finish by, said as
        // one (not "对2024年以前出台的文件", which names what is older).
        let by = static_regex!(
            r"(?:力争|争取|确保|计划|拟|将|务必|要求|于|在|到|至)[^，。；]{0,4}?([0-9]{4})年(?:([0-9]{1,2})月)?(?:(?:底|末)(?:前|以前|之前)?|前|以前|之前)"
        );
        for c in by.captures_iter(line) {
            let (Some(year), whole) = (c.get(1), c.get(0).map_or(0..0, |m| m.range())) else {
                continue;
            };
            let Ok(year) = year.as_str().parse::<i32>() else {
                continue;
            };
            let month = c.get(2).and_then(|m| m.as_str().parse::<u32>().ok());
            // "6月前" is read as the end of June: the deadline is past only when its whole
            // month is.
            if (year, month.unwrap_or(12)) >= (y, mo) {
                continue;
            }
            let from = c.get(1).map_or(whole.start, |m| m.start());
            let said = &line[from..whole.end];
            out.push(Diagnostic::new(
                &PAST_DEADLINE,
                span.start + from..span.start + whole.end,
                format!("下一年度的安排写了“{said}”，成文日期（{y}年{mo}月{d}日）时已经过去"),
                "安排写的是下一年度要做的事：核对年份（多半是沿用了上一年报告的句子）；如果已经完成，写进上一年度的成效",
            ));
        }
    }
}
