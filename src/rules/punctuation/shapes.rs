//! The shape of marks: 省略号 "……" and 破折号 "——" (GB/T 15834-2011 4.10, 4.11), and the
//! same point mark written twice ("，，", "。。") or two point marks in a row ("，。").

use super::chars::{is_cjk, is_cjk_point};
use super::{ELLIPSIS_DASH, REPEATED_PUNCTUATION};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use regex::Regex;

fn shape_regex() -> &'static Regex {
    static_regex!(r"\.{2,}|。{3,}|[…⋯]+|·{3,}|．{3,}|-{2,}|－{2,}|―{2,}|─{2,}|–{2,}|—{3,}")
}

pub fn check(ctx: &Context, out: &mut Findings) {
    let markdown = ctx.doc.format == crate::document::Format::Markdown;
    for (_, span, t) in ctx.lines() {
        let code = if markdown {
            crate::markdown::inline_markup(t)
        } else {
            Vec::new()
        };
        shapes(t, span.start, &code, out);
        single_dash(t, span.start, out);
        repeated(t, span.start, out);
        comma_before_deng(t, span.start, out);
        stop_after_quoted_stop(t, span.start, out);
        ellipsis_before_deng(t, span.start, out);
    }
}

/// "进社区、进学校、进医院……等活动": the list is cut short twice.
/// Typed as dots ("......等"), it is this finding alone: deleting the dots mends both.
fn ellipsis_before_deng(t: &str, base: usize, out: &mut Findings) {
    if !t.contains("等") {
        return;
    }
    for m in shape_regex().find_iter(t) {
        if !is_dots(m.as_str()) || !deng_ends_list_at(t, m.end()) {
            continue;
        }
        let dots = m.range();
        out.push(
            Diagnostic::new(
                &ELLIPSIS_DASH,
                base + dots.start..base + dots.end,
                format!("省略号与“等”重复：“{}等”", &t[dots.clone()]),
                "列举未尽时用“等”或省略号其中之一即可：删去省略号，保留“等”",
            )
            .with_fix("", false),
        );
    }
}

/// "开展集中宣传—“宪法进医院”": one dash character where the 破折号 takes two. Only before a
/// quotation or title, where it cannot be the 连接号 of a range ("2021—2025年", "北京—上海").
fn single_dash(t: &str, base: usize, out: &mut Findings) {
    // One memchr-backed search a mark: faster than a set of characters over each line.
    if !(t.contains('—') || t.contains('－') || t.contains('―')) {
        return;
    }
    for m in static_regex!(r"\p{Han}([—－―])[“《]").captures_iter(t) {
        let Some(dash) = m.get(1) else {
            continue;
        };
        // "——", "—— —": runs are the shape check's. "11月20日—“12·4”": a range of dates,
        // which takes one dash.
        let dated = |s: &str| {
            s.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        };
        if t[..dash.start()].ends_with(['—', '－', '―', '年', '月', '日', '号'])
            || dated(&t[dash.end() + '“'.len_utf8()..])
        {
            continue;
        }
        let shown = dash.as_str();
        out.push(
            Diagnostic::new(
                &ELLIPSIS_DASH,
                base + dash.start()..base + dash.end(),
                format!("破折号的写法不规范：“{shown}”应为“——”"),
                "改为“——”（GB/T 15834-2011：破折号占两个字的位置；一个“—”是连接号）",
            )
            .with_fix("——", false),
        );
    }
}

/// "他说：“要依法办事。”。": the quotation ends the sentence with its own 。, so the one
/// after the closing quote is a second (GB/T 15834-2011 4.1.3.1 and 4.8).
fn stop_after_quoted_stop(t: &str, base: usize, out: &mut Findings) {
    if !t.contains("”。") && !t.contains("’。") {
        return;
    }
    for m in static_regex!(r"。[”’]+(。)").captures_iter(t) {
        let Some(outer) = m.get(1) else { continue };
        out.push(
            Diagnostic::new(
                &REPEATED_PUNCTUATION,
                base + outer.start()..base + outer.end(),
                "句号重复：引文末尾已有句号，引号后又加了句号",
                "删去引号后的句号：引文完整、独立成句的，句号放在引号内；引文只是句子的一部分的，去掉引号内的句号，句号放在引号外",
            )
            .with_fix("", true),
        );
    }
}

/// A 等 at `at` that ends a list; not "……等级", "……等保", where it starts a word.
fn deng_ends_list_at(t: &str, at: usize) -> bool {
    let not_before = &crate::quantity::lexicon().deng_not_before;
    t[at..]
        .strip_prefix('等')
        .is_some_and(|after| !after.chars().next().is_some_and(|c| not_before.contains(c)))
}

/// A run of `shape_regex` that stands for a 省略号 (the rest stand for a 破折号).
fn is_dots(shown: &str) -> bool {
    shown.starts_with(['.', '。', '…', '⋯', '·', '．'])
}

/// "《医师法》、等法律法规": 等 ends the list, with no 顿号 before it.
fn comma_before_deng(t: &str, base: usize, out: &mut Findings) {
    if !t.contains('等') {
        return;
    }
    for (at, _) in t.match_indices("、等") {
        let comma_end = at + '、'.len_utf8();
        // "一、等级医院评审": 等 starts a word; "三、等保测评": the 、 of a heading's number.
        let numeral = crate::text::trim_indent(&t[..at])
            .chars()
            .all(|c| "一二三四五六七八九十".contains(c));
        if numeral || !deng_ends_list_at(t, comma_end) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &REPEATED_PUNCTUATION,
                base + at..base + comma_end,
                "“等”前多了顿号：“、等”",
                "删去顿号：列举末尾的“等”“等等”前不加顿号",
            )
            .with_fix("", false),
        );
    }
}

fn shapes(t: &str, base: usize, code: &[std::ops::Range<usize>], out: &mut Findings) {
    // Nearly every line has a 。, but only a run of three can be an ellipsis.
    if !t.contains(['.', '…', '⋯', '·', '．', '-', '－', '―', '─', '–', '—'])
        && !t.contains("。。。")
    {
        return;
    }
    for m in shape_regex().find_iter(t) {
        if code.iter().any(|r| r.contains(&m.start())) {
            continue;
        }
        let shown = m.as_str();
        let prev = t[..m.start()].chars().next_back();
        let next = t[m.end()..].chars().next();
        let beside_cjk = prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
        let dots = is_dots(shown);
        // "--fix", "...docx": an option or a file name, not a mark.
        if next.is_some_and(|c| c.is_ascii_lowercase()) {
            continue;
        }
        if dots && is_leader(shown, &t[m.end()..]) {
            continue;
        }
        // "校验......等": the dots go, whatever their shape (ellipsis_before_deng).
        if dots && deng_ends_list_at(t, m.end()) {
            continue;
        }
        // "continues..." in English, quoted; ".." only after a Chinese character, before
        // another or at the paragraph's end ("展板、折页..").
        let after_english = prev.is_some_and(|c| c.is_ascii_alphabetic());
        let two_dots = shown == ".." && !(prev.is_some_and(is_cjk) && next.is_none_or(is_cjk));
        if dots && (after_english || two_dots) {
            continue;
        }
        let (want, what) = if dots {
            // "…………": two 省略号 for paragraphs or lines left out (GB/T 15834-2011 4.11.3).
            if shown == "……" || shown == "…………" || (!beside_cjk && !shown.contains('…'))
            {
                continue;
            }
            ("……", "省略号")
        } else {
            if !beside_cjk {
                continue;
            }
            ("——", "破折号")
        };
        out.push(
            Diagnostic::new(
                &ELLIPSIS_DASH,
                base + m.start()..base + m.end(),
                format!("{what}的写法不规范：“{shown}”应为“{want}”"),
                format!("改为“{want}”（GB/T 15834-2011：{what}占两个字的位置）"),
            )
            // "45件..办结44件", "12件。。。依法…": as often doubled or tripled full stops
            // as a 省略号 typed short: offered, not applied.
            .with_fix(want, shown != ".." && !shown.starts_with('。')),
        );
    }
}

/// A table of contents' dot leader: a long run of dots and then only a page number.
fn is_leader(dots: &str, rest: &str) -> bool {
    let page = rest.trim();
    dots.chars().count() >= MIN_LEADER_DOTS
        && !page.is_empty()
        && page
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '０'..='９'))
}

const MIN_LEADER_DOTS: usize = 4;

/// Runs of two or more point marks.
fn repeated(t: &str, base: usize, out: &mut Findings) {
    let mut run: Option<(usize, usize)> = None;
    // A NUL after the end closes a run at the end of the line.
    for (at, c) in t.char_indices().chain([(t.len(), '\0')]) {
        if is_cjk_point(c) {
            let (start, n) = run.unwrap_or((at, 0));
            run = Some((start, n + 1));
        } else if let Some((start, n)) = run.take()
            && n >= 2
        {
            // "详见错误！未找到引用源。。": the first 。 is Word's, GW0602's finding.
            let word_stop = '。'.len_utf8();
            if n == 2
                && t[start..].starts_with('。')
                && crate::rules::artifact::residue::ends_broken_field(&t[..start + word_stop])
            {
                continue;
            }
            report_run(&t[start..at], base + start, n, out);
        }
    }
}

fn report_run(run: &str, at: usize, n: usize, out: &mut Findings) {
    let a = run.chars().next().unwrap_or('。');
    // 。。。 is an ellipsis, reported above.
    if n >= 3 && run.chars().all(|c| c == '。') {
        return;
    }
    // "？！" (a rhetorical question), "！！", "？？？": up to three question or exclamation
    // marks are one mark (GB/T 15834-2011 4.2, 4.3).
    if n <= 3 && run.chars().all(|c| matches!(c, '？' | '！')) {
        return;
    }
    let same = run.chars().all(|c| c == a);
    let mut d = Diagnostic::new(
        &REPEATED_PUNCTUATION,
        at..at + run.len(),
        if same {
            format!("标点“{a}”重复：“{run}”")
        } else {
            format!("标点连用：“{run}”")
        },
        if same {
            format!("只保留一个“{a}”")
        } else {
            "只保留一个合适的标点".to_string()
        },
    );
    if same {
        d = d.with_fix(a.to_string(), true);
    }
    out.push(d);
}
