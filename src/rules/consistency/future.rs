//! The year's achievements dated after the report was written (GW0417): "2026年3月，制定
//! 《…规定》" in the 成效 of a report dated 2026年1月23日 — usually a plan copied into the
//! wrong part, or a mistyped date.

use super::FUTURE_EVENT;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::squeeze;
use std::ops::Range;

/// The lines that report what was done: the body up to the first top-level heading of
/// another statutory part (不足, 第一责任人, 下一年度).
fn achievements(ctx: &Context) -> Range<usize> {
    let o = ctx.outline;
    let top = o.top_level();
    let other_part = |text: &str| ctx.profile.parts_named(text).any(|p| !p.leading);
    let end = o
        .headings
        .iter()
        .filter(|h| Some(h.level()) == top)
        .find(|h| other_part(&squeeze(&ctx.doc.text[h.title.clone()])))
        .map_or(o.body.end, |h| h.line);
    o.body.start..end.max(o.body.start)
}

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let Some(date) = ctx.outline.date.as_ref() else {
        return;
    };
    let Some((y, mo, d)) = date.date.ymd() else {
        return;
    };
    let written = format!("{y}年{mo}月{d}日");
    for (span, line) in prose_with_years(ctx, achievements(ctx)) {
        for m in static_regex!(r"[0-9]{4}年[0-9]{1,2}月").find_iter(line) {
            let Some(Dated {
                year,
                month,
                day,
                span: whole,
            }) = month_or_day(line, m.range())
            else {
                continue;
            };
            // Same month: later only by its day, when one is written.
            let later = match day {
                Some(day) => (year, month, day) > (y, mo, d),
                None => (year, month) > (y, mo),
            };
            // A year centuries away is a typo GW0416 reports.
            if !later || year >= super::years::FAR_YEAR {
                continue;
            }
            let in_title = || {
                crate::rules::citation::titles_in(line, '《', '》')
                    .iter()
                    .any(|t| t.contains(&whole.start))
            };
            if in_title() || planned(line, whole.clone()) {
                continue;
            }
            out.push(Diagnostic::new(
                &FUTURE_EVENT,
                span.start + whole.start..span.start + whole.end,
                format!(
                    "成效部分写了成文日期（{written}）之后的“{}”",
                    &line[whole.clone()]
                ),
                "上一年度的举措和成效只能写已经发生的事：核对年份和月份；如果是计划，移到下一年度的工作安排中",
            ));
        }
    }
}

/// The prose lines of `lines` that may hold a year (not debris, nor a table's cell): each
/// one's span and text.
pub(super) fn prose_with_years<'a>(
    ctx: &'a Context,
    lines: Range<usize>,
) -> impl Iterator<Item = (Range<usize>, &'a str)> + 'a {
    lines
        .filter(|&i| !ctx.outline.chrome[i] && ctx.doc.lines[i].origin.cell.is_none())
        .map(|i| {
            let span = content_span(ctx.doc, i);
            (span.clone(), &ctx.doc.text[span])
        })
        .filter(|(_, line)| line.contains('年'))
}

/// "2026年3月" in a line, with its day when one follows ("2026年1月25日").
struct Dated {
    year: i32,
    month: u32,
    day: Option<u32>,
    /// All of it in the line.
    span: Range<usize>,
}

/// The date of the month matched at `at` in `line`.
fn month_or_day(line: &str, at: Range<usize>) -> Option<Dated> {
    let (year, month) = line[at.clone()].split_once('年')?;
    let year = year.parse::<i32>().ok()?;
    let month = month.trim_end_matches('月').parse::<u32>().ok()?;
    let after = &line[at.end..];
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let day = after[digits..]
        .starts_with('日')
        .then(|| after[..digits].parse::<u32>().ok())
        .flatten()
        .filter(|_| digits <= 2);
    let end = at.end + day.map_or(0, |_| digits + '日'.len_utf8());
    Some(Dated {
        year,
        month,
        day,
        span: at.start..end,
    })
}

/// A date in a clause that looks ahead ("计划于2026年6月前完成", "有效期至2027年3月") or
/// spans a period ("2025年1月至2026年12月").
fn planned(line: &str, at: Range<usize>) -> bool {
    let clause_start = line[..at.start]
        .rfind(['，', '。', '；', '：'])
        .map_or(0, |k| k + '，'.len_utf8());
    let end_after = |from: usize| {
        line[from..]
            .find(['，', '。', '；'])
            .map_or(line.len(), |k| from + k)
    };
    let mut clause_end = end_after(at.end);
    // "2026年2月，将组织……": a date that is a clause of its own leads the next one.
    if clause_end == at.end && line[clause_end..].starts_with('，') {
        clause_end = end_after(clause_end + '，'.len_utf8());
    }
    let clause = &line[clause_start..clause_end];
    // "自2026年3月1日施行": a rule adopted this year that takes effect later.
    static_regex!(
        r"将|拟|计划|预计|有望|可望|预期|定于|预定|(?:明确|要求|部署|安排|确定|决定|商定|约定|须|应|需)于|力争|争取|目标|前|到期|有效期|届满|期限|截止|之内|以内|启动|开始|起|施行|生效|正式实施|实施的《|自[^，。；]*实施"
    )
    .is_match(clause)
        || static_regex!(r"[至到—－~～]\s*[0-9]{4}年|[0-9]{4}年[0-9]{1,2}月\s*[至到—－~～]")
            .is_match(clause)
}
