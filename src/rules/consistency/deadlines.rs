//! A deadline in the plan part that had passed when the report was written (GW0418):
//! "力争2024年底前实现高频事项全程网办" in the 2025 plan of a report dated 2025年2月11日,
//! a sentence kept from last year's report.

use super::PAST_DEADLINE;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;
use std::ops::Range;

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let Some((y, mo, d)) = ctx.outline.date.as_ref().and_then(|x| x.date.ymd()) else {
        return;
    };
    // The plan: the part about the reported year's next.
    let Some(lines) = super::years::part_lines(ctx, 1).into_iter().next() else {
        return;
    };
    for (span, line) in super::future::prose_with_years(ctx, lines) {
        for (at, year, month) in deadlines(line) {
            // "6月前" is read as the end of June: the deadline is past only when its whole
            // month is.
            if (year, month.unwrap_or(12)) >= (y, mo) {
                continue;
            }
            let said = &line[at.clone()];
            out.push(Diagnostic::new(
                &PAST_DEADLINE,
                span.start + at.start..span.start + at.end,
                format!("下一年度的安排写了“{said}”，成文日期（{y}年{mo}月{d}日）时已经过去"),
                "安排写的是下一年度要做的事：核对年份（多半是沿用了上一年报告的句子）；如果已经完成，写进上一年度的成效",
            ));
        }
    }
}

/// Words that make a year what must be done by: "力争2024年底前", "于2025年6月前".
const BY: [&str; 12] = [
    "力争", "争取", "确保", "计划", "拟", "将", "务必", "要求", "于", "在", "到", "至",
];

/// Characters between such a word and the year at most ("力争在全市2024年底前").
const MAX_GAP: usize = 4;

/// The deadlines in a line: "2024年底前", "2025年6月前", "到2024年底" (span from the
/// year, year, month), said as a time to finish by (not "对2024年以前出台的文件", which
/// names what is older). Scanned by hand: a pattern would cost more to build than a
/// report's plan takes to read.
fn deadlines(line: &str) -> Vec<(Range<usize>, i32, Option<u32>)> {
    let mut found = Vec::new();
    for (k, _) in line.match_indices('年') {
        let Some(start) = k.checked_sub(4) else {
            continue;
        };
        // (Four ASCII digits first: only then is `start` a character's boundary.)
        if !line.as_bytes()[start..k].iter().all(u8::is_ascii_digit)
            || line[..start].ends_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let Ok(year) = line[start..k].parse::<i32>() else {
            continue;
        };
        let mut rest = &line[k + '年'.len_utf8()..];
        let month_digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let mut month = None;
        if (1..=2).contains(&month_digits)
            && let Some(after) = rest[month_digits..].strip_prefix('月')
        {
            month = rest[..month_digits].parse::<u32>().ok();
            rest = after;
        }
        let end_of = rest.strip_prefix(['底', '末']);
        rest = end_of.unwrap_or(rest);
        let before = ["以前", "之前", "前"]
            .iter()
            .find_map(|w| rest.strip_prefix(w));
        rest = before.unwrap_or(rest);
        // The clause's words just before the year.
        let head = &line[..start];
        let head = &head[head
            .rfind(['，', '。', '；', '：'])
            .map_or(0, |p| p + '，'.len_utf8())..];
        let near = |w: &str| {
            head.rfind(w)
                .is_some_and(|p| head[p + w.len()..].chars().count() <= MAX_GAP)
        };
        let by = BY.iter().any(|w| near(w));
        let until = ["到", "至"].iter().any(|w| near(w));
        // "在2025年底前实现全覆盖的基础上": what was done, built on.
        let clause = &rest[..rest.find(['，', '。', '；']).unwrap_or(rest.len())];
        let done = clause.contains("基础上");
        if by && !done && (before.is_some() || end_of.is_some() && until) {
            found.push((start..line.len() - rest.len(), year, month));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_in_a_line() {
        let years = |line: &str| -> Vec<(String, i32, Option<u32>)> {
            deadlines(line)
                .into_iter()
                .map(|(at, y, m)| (line[at].to_string(), y, m))
                .collect()
        };
        assert_eq!(
            years("力争2024年底前实现网办，确保2025年6月前完成，到2026年底覆盖全市。"),
            [
                ("2024年底前".to_string(), 2024, None),
                ("2025年6月前".to_string(), 2025, Some(6)),
                ("2026年底".to_string(), 2026, None),
            ]
        );
        // Older things, a year alone, a period, half a number, a year in words, what was
        // done and is built on.
        for none in [
            "对2024年以前出台的规范性文件开展清理。",
            "在2025年底前实现法律顾问全覆盖的基础上，推动服务向村卫生室延伸。",
            "2024年，我委力争实现网办。",
            "计划于12024年底前完成。",
            "《规划（2021—2025年）》",
            "年底前",
        ] {
            assert_eq!(years(none), [], "{none}");
        }
    }
}
