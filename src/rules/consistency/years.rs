//! Years: impossible ranges (GW0404), 本年度（2023年） against the reported year
//! (GW0405), section headings against the reported year (GW0406), and years no report
//! can name (GW0416).

use super::para::Para;
use super::{
    IMPOSSIBLE_YEAR, IMPOSSIBLE_YEAR_RANGE, RELATIVE_YEAR_MISMATCH, SECTION_YEAR_MISMATCH,
};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::{YearSource, first_year};
use crate::quantity::{Lexicon, lexicon};
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::squeeze;
use regex::Regex;

fn year_range() -> &'static Regex {
    // No "not after a digit" context in the pattern: it would hide the literal "19"/"20"
    // the search skips ahead with. The caller checks the character before.
    static_regex!(
        r"((?:19|20)[0-9]{2})(年?)\s*([-－–—―~～]|至|到)\s*((?:19|2[0-9])[0-9]{2})(年|[）)])"
    )
}

fn relative_year() -> &'static Regex {
    static_regex!({
        let mut words: Vec<&str> = lexicon()
            .relative_years
            .iter()
            .map(|r| r.word.as_str())
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let alt = words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        format!(r"({alt})\s*[（(]\s*((?:19|2[0-9])[0-9]{{2}})\s*年?度?\s*[）)]")
    })
}

/// The reported year, when it comes from the report's own words (not from its date).
fn reported_year(ctx: &Context) -> Option<i32> {
    ctx.outline
        .year
        .filter(|y| y.source != YearSource::Date)
        .map(|y| y.year)
}

pub(super) fn check_years(ctx: &Context, p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    let digit = crate::text::is_digit;
    let mut from = 0;
    while let Some(c) = year_range().captures_at(text, from) {
        let (Some(a), Some(b), Some(m)) = (c.get(1), c.get(4), c.get(0)) else {
            break;
        };
        // Part of a longer number: look again from the next character, where a range may
        // start inside this match ("12019—2020年—2150年").
        if text[..a.start()].ends_with(digit) {
            from = a.start() + 1;
            continue;
        }
        from = m.end();
        if text[b.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let (Ok(start), Ok(end)) = (a.as_str().parse::<i32>(), b.as_str().parse::<i32>()) else {
            continue;
        };
        let span_len = end - start;
        // "《某市卫生志（1949—2020年）》", "建院70周年（1955—2025年）": history, up to the
        // year the report is written in (the one after the reported year).
        let history = ctx.outline.year.is_some_and(|y| end <= y.year + 1);
        let problem = if end < start {
            format!("止年{end}早于起年{start}")
        } else if span_len > lex.max_year_span && !history {
            format!("跨度{span_len}年，不合常理")
        } else {
            continue;
        };
        let whole = a.start()..m.end();
        let written = &text[whole.clone()];
        let guess = if span_len > 90 && (0..=lex.max_year_span).contains(&(end - 100 - start)) {
            format!("，可能是“{start}—{}年”", end - 100)
        } else {
            String::new()
        };
        out.push(Diagnostic::new(
            &IMPOSSIBLE_YEAR_RANGE,
            p.doc_span(whole),
            format!("年份区间“{written}”不可能成立：{problem}"),
            format!("核对起止年份{guess}"),
        ));
    }
    check_far_years(p, out);
    let Some(reported) = reported_year(ctx) else {
        return;
    };
    let written = ctx
        .outline
        .date
        .as_ref()
        .and_then(|d| d.date.ymd())
        .map(|(y, _, _)| y);
    for c in relative_year().captures_iter(text) {
        let (Some(w), Some(y), Some(m)) = (c.get(1), c.get(2), c.get(0)) else {
            continue;
        };
        let Some(relative) = lex.relative_years.iter().find(|r| r.word == w.as_str()) else {
            continue;
        };
        let Ok(year) = y.as_str().parse::<i32>() else {
            continue;
        };
        let expected = reported + relative.offset;
        let from_writing = relative
            .spoken
            .then_some(written)
            .flatten()
            .map(|w| w + relative.offset);
        // A far year is GW0416's: one finding for one typo. Quoted words are another
        // document's ("通知要求“本年度（2024年）完成清理”").
        if year == expected
            || Some(year) == from_writing
            || year >= FAR_YEAR
            || p.t.in_any_quote(&m.range())
        {
            continue;
        }
        out.push(Diagnostic::new(
            &RELATIVE_YEAR_MISMATCH,
            p.doc_span(m.range()),
            if relative.offset == 0 {
                format!("“{}”注明的是{year}年，但报告年度是{reported}年", m.as_str())
            } else {
                format!(
                    "“{}”注明的是{year}年，但报告年度是{reported}年，“{}”应是{expected}年",
                    m.as_str(),
                    w.as_str()
                )
            },
            format!("“{}”应指{expected}年：核对括号中的年份", w.as_str()),
        ));
    }
}

/// The first year no report of ours can name as a date: a typo of 20xx.
pub(super) const FAR_YEAR: i32 = 2100;

/// "2205年", "2205年度", "2205年3月": a calendar year centuries away, or a year with a
/// digit too many or too few (20224年, 202年), where a date goes
/// (a clause or title opens with it, a month or 度 follows, 于/在/截至 comes before). Not a
/// length of time ("2500年历史", "持续运行2280年"), not a range's end (GW0404 has it).
fn check_far_years(p: &Para, out: &mut Findings) {
    let text = p.text();
    // Every 年 of a report is looked at: found by a byte search, not a regex.
    for (at, _) in text.match_indices('年') {
        let digits = text[..at].trim_end();
        // "20224年": a year typed with a digit too many.
        let run = digits.len() - digits.bytes().rev().take_while(u8::is_ascii_digit).count();
        let five =
            digits.len() - run == 5 && ["19", "20"].iter().any(|c| digits[run..].starts_with(c));
        // "202年": a year of this century with a digit dropped.
        let three = digits.len() - run == 3 && digits[run..].starts_with("20");
        let start = if five || three {
            run
        } else {
            digits.len().saturating_sub(4)
        };
        let Some(y) = digits
            .get(start..)
            .filter(|d| d.len() == 4 || five || three)
        else {
            continue;
        };
        let Ok(year) = y.parse::<i32>() else {
            continue;
        };
        if !(five || three || (FAR_YEAR..=2999).contains(&year))
            || !y.bytes().all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let y = start..digits.len();
        let m = start..at + '年'.len_utf8();
        let before = text[..y.start].trim_end();
        let after = &text[m.end..];
        // "（2205—2206年）": a range of far years (GW0404 reads ranges from 19xx and 20xx).
        let range_start = before
            .strip_suffix(crate::text::YEAR_RANGE_MARKS)
            .map(str::trim_end)
            .and_then(|r| r.get(r.len().saturating_sub(4)..))
            .filter(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<i32>().ok());
        if range_start.is_some_and(|f| (FAR_YEAR..=2999).contains(&f)) {
            // `before` ends with the first year's digits once the dash is cut off.
            let from = before
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .len()
                .saturating_sub(4);
            out.push(Diagnostic::new(
                &IMPOSSIBLE_YEAR,
                p.doc_span(from..m.end),
                format!("年份区间“{}”不可能出现在年度报告中", &text[from..m.end]),
                "多半是打错了年份（数字顺序颠倒或多敲了一位），请核对".to_string(),
            ));
            continue;
        }
        let part_of_a_number = before.ends_with(|ch: char| {
            ch.is_ascii_digit()
                || matches!(
                    ch,
                    '.' | ',' | '．' | '-' | '－' | '–' | '—' | '―' | '~' | '～'
                )
        }) || range_end(before);
        let a_length = static_regex!(
            r"(有|长达|近|约|距今|超过|逾|历经|历时|上下|数|了|运行|传承|延续|绵延|建城|公元前|前)$"
        )
        .is_match(before)
            || static_regex!(r"^(的|历史|之久|以上|左右|多|前|来|间|内|以来|余)").is_match(after);
        let a_date = static_regex!(
            r"^(度|底|末|[0-9０-９一二三四五六七八九十]{1,2}月|上半年|下半年|全年|年底|年初|法治|工作)"
        )
        .is_match(after)
            || before.is_empty()
            || before.ends_with(['。', '；', '，', '：', '（', '《', '、'])
            || static_regex!(r"(于|在|截至|自|从|到|至)$").is_match(before);
        if part_of_a_number || a_length || !a_date {
            continue;
        }
        let (message, help) = if five {
            (
                format!("年份“{}”多了一位数字", &text[m.clone()]),
                "年份是四位数字：核对是哪一年（如把2024写成了20224）",
            )
        } else if three {
            (
                format!("年份“{}”少了一位数字", &text[m.clone()]),
                "年份是四位数字：核对是哪一年（如把2024写成了202）",
            )
        } else {
            (
                format!("年份“{}”不可能出现在年度报告中", &text[m.clone()]),
                "多半是打错了年份（数字顺序颠倒或多敲了一位），请核对",
            )
        };
        out.push(Diagnostic::new(
            &IMPOSSIBLE_YEAR,
            p.doc_span(y.start..m.end),
            message,
            help.to_string(),
        ));
    }
}

/// `before` ends with the start of a range of years that GW0404 reads ("2025至", "2025年到"),
/// not a date's 截至, 到 or "7月至".
fn range_end(before: &str) -> bool {
    let Some(start) = before.strip_suffix(['至', '到']) else {
        return false;
    };
    let start = start.trim_end();
    let start = start.strip_suffix('年').unwrap_or(start);
    start
        .get(start.len().saturating_sub(4)..)
        .is_some_and(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// "2023年，我委坚持……" opening a 2024 report: the first paragraph left from last year's;
/// or a title left from last year's over a body and a 成文日期 of the next.
fn check_opening_year(ctx: &Context, reported: i32, title_blamed: bool, out: &mut Findings) {
    let o = ctx.outline;
    let source = o.year.map(|r| r.source);
    if source == Some(YearSource::HeadingsOverTitle) && !title_blamed {
        blame_title(ctx, reported, "各部分标题和成文日期", out);
    }
    let Some((y, line, digits)) = o.opening_year(ctx.doc) else {
        return;
    };
    if source == Some(YearSource::OpeningOverTitle) {
        if !title_blamed {
            blame_title(ctx, y, "正文开头和成文日期", out);
        }
        return;
    }
    // An old year left in; not a look back that the report's own year follows
    // ("2021年，我省被确定为示范省份。2024年，…").
    let span = crate::outline::content_span(ctx.doc, line);
    if y >= reported || ctx.doc.text[span.clone()].contains(&format!("。{reported}年")) {
        return;
    }
    out.push(Diagnostic::new(
        &SECTION_YEAR_MISMATCH,
        digits,
        format!("正文开头写的是{y}年，报告年度为{reported}年"),
        format!("把“{y}年”改为“{reported}年”，并核对全文的年份是否都已更新"),
    ));
}

/// The title's year, left from an older report: `evidence` shows the report is on `year`.
fn blame_title(ctx: &Context, year: i32, evidence: &str, out: &mut Findings) {
    let Some(title) = &ctx.outline.title else {
        return;
    };
    let text = &ctx.doc.text[title.span.clone()];
    let Some((stale, at)) = first_year(text).and_then(|t| Some((t, text.find(&format!("{t}年"))?)))
    else {
        return;
    };
    let at = title.span.start + at;
    out.push(Diagnostic::new(
        &SECTION_YEAR_MISMATCH,
        at..at + 4,
        format!("标题写的是{stale}年，{evidence}表明报告的是{year}年"),
        format!("把标题中的“{stale}年”改为“{year}年”"),
    ));
}

/// "四、2026年工作安排" then "2025年，我委将…": a part's first paragraph opening with the
/// year next to its own, left from last year's report, unless the paragraph names its
/// own year too ("2024年，我省被确定为试点。2025年，…").
fn check_part_openings(ctx: &Context, reported: i32, out: &mut Findings) {
    let o = ctx.outline;
    let top = o.top_level();
    for h in o
        .headings
        .iter()
        .filter(|h| Some(h.level()) == top && !h.run_in)
    {
        let Some(part) = ctx.heading_part(h) else {
            continue;
        };
        let Some(offset) = part.year_offset else {
            continue;
        };
        let expected = reported + offset;
        let Some(line) = (h.line + 1..o.body.end).find(|&i| !ctx.doc.line(i).trim().is_empty())
        else {
            continue;
        };
        if o.heading_at(line).is_some() || o.chrome[line] {
            continue;
        }
        let span = crate::outline::content_span(ctx.doc, line);
        let text = &ctx.doc.text[span.clone()];
        let Some(y) = text
            .get(..4)
            .filter(|_| text[4..].starts_with("年，") || text[4..].starts_with("年,"))
            .and_then(|d| d.parse::<i32>().ok())
        else {
            continue;
        };
        if (y - expected).abs() != 1 || text.contains(&format!("{expected}年")) {
            continue;
        }
        // A plan part may open by looking back ("2025年，我委…取得成效。下一步，…"): only a
        // first sentence that plans is last year's plan left in.
        let first_sentence = text.split('。').next().unwrap_or(text);
        if offset > 0
            && !["将", "计划", "拟", "力争"]
                .iter()
                .any(|w| first_sentence.contains(w))
        {
            continue;
        }
        out.push(Diagnostic::new(
            &SECTION_YEAR_MISMATCH,
            span.start..span.start + 4,
            format!(
                "“{}”这一部分开头写的是{y}年，应为{expected}年（报告年度为{reported}年）",
                part.short
            ),
            format!("把“{y}年”改为“{expected}年”，并核对这一部分的其他年份"),
        ));
    }
}

/// A sentence inside the year's measures that opens with the year before ("…条例》。2023年，
/// 全县…受理医疗纠纷58件"): a passage kept from last year's report. Not in a paragraph that
/// also names the reported year or 今年, 本年度 (a comparison, or the context of this
/// year's work), nor one that looks back ("以来") or names an honour awarded then.
fn check_stale_sentences(ctx: &Context, reported: i32, out: &mut Findings) {
    let honours = &crate::quantity::lexicon().honours;
    let stale = format!("{}年，", reported - 1);
    let this_year = format!("{reported}年");
    for lines in part_lines(ctx, 0) {
        // The part's first paragraph is GW0406's opening check.
        let Some(first) = lines.clone().find(|&i| !ctx.doc.line(i).trim().is_empty()) else {
            continue;
        };
        for (span, text) in super::future::prose_with_years(ctx, first + 1..lines.end) {
            if text.contains(&this_year)
                || ["今年", "本年", "当年"].iter().any(|w| text.contains(w))
            {
                continue;
            }
            for (at, _) in text.match_indices(&stale) {
                let opens =
                    at == crate::outline::item_number_end(text) || text[..at].ends_with('。');
                let sentence = text[at..].split('。').next().unwrap_or("");
                if !opens
                    || sentence.contains("以来")
                    || honours.iter().any(|w| sentence.contains(w.as_str()))
                {
                    continue;
                }
                out.push(Diagnostic::new(
                    &SECTION_YEAR_MISMATCH,
                    span.start + at..span.start + at + 4,
                    format!(
                        "这一部分写的是{reported}年度的情况，这一句写的却是{}年的",
                        reported - 1
                    ),
                    format!(
                        "核对这一句：如果是沿用了上一年报告的内容，换成{reported}年的情况和数字；如果是与上一年比较，写明本年的数字"
                    ),
                ));
            }
        }
    }
}

/// The body lines of each top-level part whose year is the reported year plus
/// `year_offset` (0: the year's measures, shortfalls and 第一责任人; 1: the plan), up to the next
/// top-level heading.
pub(super) fn part_lines(ctx: &Context, year_offset: i32) -> Vec<std::ops::Range<usize>> {
    let o = ctx.outline;
    let Some(top) = o.top_level() else {
        return Vec::new();
    };
    let tops: Vec<_> = o.headings.iter().filter(|h| h.level() == top).collect();
    tops.iter()
        .enumerate()
        .filter(|(_, h)| {
            ctx.heading_part(h)
                .is_some_and(|p| p.year_offset == Some(year_offset))
        })
        .map(|(k, h)| {
            let end = tops.get(k + 1).map_or(o.body.end, |n| n.line);
            h.line + 1..end.max(h.line + 1)
        })
        .collect()
}

/// A part's heading naming a year that does not fit the reported one.
struct WrongYear<'a> {
    heading: &'a crate::outline::Heading,
    part: &'a crate::profile::Part,
    named: i32,
    /// The reported year this heading would fit.
    implied: i32,
}

pub(super) fn check_section_years(ctx: &Context, out: &mut Findings) {
    let Some(reported) = reported_year(ctx) else {
        return;
    };
    let from = out.len();
    check_part_years(ctx, reported, out);
    check_part_openings(ctx, reported, out);
    check_stale_sentences(ctx, reported, out);
    let title_blamed = ctx
        .outline
        .title
        .as_ref()
        .is_some_and(|t| out[from..].iter().any(|d| t.span.contains(&d.span.start)));
    check_opening_year(ctx, reported, title_blamed, out);
}

/// The parts' headings against the reported year, and the title against them.
fn check_part_years(ctx: &Context, reported: i32, out: &mut Findings) {
    let top = ctx.outline.top_level();
    let mut wrong: Vec<WrongYear> = Vec::new();
    // A part heading that names the title's year backs the title.
    let mut backs_title = false;
    for h in &ctx.outline.headings {
        if Some(h.level()) != top || ctx.themes().contains(&h.line) {
            continue;
        }
        let title = squeeze(&ctx.doc.text[h.title.clone()]);
        let Some(y) = first_year(&title) else {
            continue;
        };
        backs_title |= y == reported;
        let parts: Vec<_> = ctx.profile.parts_named(&title).collect();
        if parts.is_empty() || parts.iter().any(|p| p.year_offset.is_none()) {
            continue;
        }
        if parts
            .iter()
            .any(|p| p.year_offset.is_some_and(|o| reported + o == y))
        {
            continue;
        }
        let Some(part) = parts.iter().max_by_key(|p| p.priority) else {
            continue;
        };
        wrong.push(WrongYear {
            heading: h,
            part,
            named: y,
            implied: y - part.year_offset.unwrap_or(0),
        });
    }
    // Every part names one other year: the title's year is the one left unchanged.
    let title_year = ctx.outline.title.as_ref().and_then(|t| {
        let raw = &ctx.doc.text[t.span.clone()];
        let at = raw.find(&format!("{reported}年"))?;
        Some(t.span.start + at..t.span.start + at + 4)
    });
    // The 成文日期 must say so too: written early in the year after the one the parts name.
    let dated = |implied: i32| {
        ctx.outline
            .date
            .as_ref()
            .and_then(|d| d.date.ymd())
            .is_some_and(|(y, _, _)| y == implied + 1)
    };
    if let (Some(span), [first, rest @ ..]) = (title_year, wrong.as_slice())
        && !rest.is_empty()
        && rest.iter().all(|w| w.implied == first.implied)
        && !backs_title
        && dated(first.implied)
        && ctx
            .outline
            .year
            .is_some_and(|y| y.source == YearSource::Title)
    {
        out.push(Diagnostic::new(
            &SECTION_YEAR_MISMATCH,
            span,
            format!(
                "标题写的是{reported}年，但各部分标题写的都是{}年的内容",
                first.implied
            ),
            format!(
                "核对报告年度：报告的是{other}年的，把标题中的“{reported}”改为“{other}”；否则改各部分标题中的年份",
                other = first.implied
            ),
        ));
        return;
    }
    for WrongYear {
        heading: h,
        part,
        named: y,
        ..
    } in wrong
    {
        let expected = reported + part.year_offset.unwrap_or(0);
        out.push(Diagnostic::new(
            &SECTION_YEAR_MISMATCH,
            h.marker.start..h.title.end,
            format!(
                "“{}”应写{expected}年（报告年度为{reported}年），这一部分的标题写的是{y}年",
                part.short
            ),
            format!("把这一部分标题中的“{y}年”改为“{expected}年”，并核对这一部分正文中的年份"),
        ));
    }
}
