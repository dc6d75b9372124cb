//! Spaces inside Chinese text (GB/T 15835-2011 has no space between 汉字 and digits;
//! 公文 practice has none at all) and whitespace left at the end of a paragraph.

use super::{STRAY_SPACE, TRAILING_WHITESPACE};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Format;
use crate::lazy_regex::static_regex;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::rules::punctuation::chars::is_cjk;
use crate::text::is_han;
use std::ops::Range;

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}'
    )
}

fn kind(run: &str) -> &'static str {
    if run.contains('\u{a0}') {
        "网页带入的不间断空格"
    } else if run.contains('\u{3000}') {
        "全角空格"
    } else if run.contains('\t') {
        "制表符（Tab）"
    } else if run.chars().count() > 1 {
        "多个空格"
    } else {
        "空格"
    }
}

/// Gaps one setting or one habit puts after every heading's number, said once with their
/// count: Word's numbering ("编号之后：空格"), or a tab typed after each marker.
#[derive(Default)]
struct AfterMarkers {
    numbering: Vec<Diagnostic>,
    tabs: Vec<Diagnostic>,
}

/// From this many typed markers with a tab after them, the tab is the layout's habit.
const TAB_HABIT_MIN: usize = 3;

pub fn check(ctx: &Context, out: &mut Findings) {
    let o = ctx.outline;
    let mut after_markers = AfterMarkers::default();
    let date_line = o.date.as_ref().map(|d| d.line);
    for i in 0..ctx.doc.line_count() {
        // Debris is reported as such; a spaced 成文日期 by the signature rules.
        if o.chrome[i] || Some(i) == date_line {
            continue;
        }
        let span = content_span(ctx.doc, i);
        let t = &ctx.doc.text[span.clone()];
        // The gaps between a text table's cells, in the 版头 ("…〔2025〕4号　　签发人：…")
        // and in the 版记 ("××办公室　　2025年1月22日印发") are layout.
        let masthead = o.title.as_ref().is_some_and(|tt| i < tt.lines.start)
            && crate::furniture::is_masthead(t);
        // (A 印发 line written above the 落款 is misplaced, GW0213, but still laid out so.)
        let imprint = i >= o.imprint || crate::furniture::is_print_line(t);
        let layout = o.table_rows[i] || is_spaced_pair(t) || masthead || imprint;
        if t.contains(is_space) && !layout {
            inner_spaces(ctx, i, span.start, t, out, &mut after_markers);
        }
        trailing(ctx, i, out);
    }
    // One numbering setting puts a space after every number: said once, with the count.
    let count = after_markers.numbering.len();
    if let Some(mut first) = after_markers.numbering.into_iter().next() {
        if count > 1 {
            first
                .message
                .push_str(&format!("（全文{count}处，来自同一编号设置）"));
        }
        out.push(first);
    }
    // A tab after every typed number is one habit of layout: said once, fixed everywhere.
    let tabs = after_markers.tabs.len();
    if tabs >= TAB_HABIT_MIN {
        let mut first = after_markers.tabs.swap_remove(0);
        first
            .message
            .push_str(&format!("（全文{tabs}个序号后都是制表符）"));
        first.fix = None;
        out.push(first);
    } else {
        out.extend(after_markers.tabs);
    }
}

/// After a space that opens a number at `from` ("文件 12 件"): the number, and the space
/// run after it when a Chinese character follows.
fn closing_space(t: &str, from: usize) -> Option<(&str, usize, usize)> {
    let rest = &t[from..];
    let number_len = rest
        .find(|c: char| !(crate::text::is_digit(c) || matches!(c, '.' | ',' | '%')))
        .unwrap_or(rest.len());
    let after = &rest[number_len..];
    let spaces = after.len() - after.trim_start_matches(is_space).len();
    let next = after[spaces..].chars().next()?;
    let close_start = from + number_len;
    (spaces > 0 && is_cjk(next)).then(|| (&rest[..number_len], close_start, close_start + spaces))
}

/// "主 要 做 法：": a word's characters spaced apart, one space between each, from `k` (the
/// first space): the run's (start, end). Three characters at least ("目  录" is layout).
fn letter_spaced(t: &str, k: usize) -> Option<(usize, usize)> {
    let first = t[..k].chars().next_back().filter(|&c| is_han(c))?;
    let start = k - first.len_utf8();
    if t[..start].chars().next_back().is_some_and(is_han) {
        return None;
    }
    let (mut end, mut count) = (k, 1);
    loop {
        let mut next = t[end..].chars();
        match (next.next(), next.next()) {
            (Some(gap), Some(c)) if is_space(gap) && gap != '\t' && is_han(c) => {
                end += gap.len_utf8() + c.len_utf8();
                count += 1;
                if t[end..].chars().next().is_some_and(is_han) {
                    return None;
                }
            }
            _ => break,
        }
    }
    (count >= 3).then_some((start, end))
}

/// The span of `spans` (sorted, not overlapping) that holds `gap` inside its marks.
fn enclosing(spans: &[Range<usize>], gap: Range<usize>) -> Option<Range<usize>> {
    let k = spans.partition_point(|q| q.start < gap.start);
    let q = spans.get(k.checked_sub(1)?)?;
    (gap.end < q.end).then(|| q.clone())
}

/// "目  录", "附  件": a two-character heading spaced out on purpose.
fn is_spaced_pair(t: &str) -> bool {
    let words: Vec<&str> = t.split(is_space).filter(|w| !w.is_empty()).collect();
    words.len() == 2
        && words
            .iter()
            .all(|w| w.chars().count() == 1 && w.starts_with(is_han))
}

fn inner_spaces(
    ctx: &Context,
    i: usize,
    base: usize,
    t: &str,
    out: &mut Findings,
    after_markers: &mut AfterMarkers,
) {
    let marker_end = ctx
        .outline
        .heading_at(i)
        .map(|h| h.marker.end.saturating_sub(base));
    // Outermost spans of each kind, in order: searched by halves, for lines of thousands.
    let titles = crate::rules::citation::titles_in(t, '《', '》');
    let quotations = crate::rules::citation::titles_in(t, '“', '”');
    let mut speech_of: Option<(Range<usize>, bool)> = None;
    let links = crate::rules::punctuation::chars::links(t);
    // A 发文字号's spaces are reported and fixed with the number ("青卫发 〔2024〕 12号").
    let doc_numbers = crate::rules::citation::doc_number::spans(t);
    let mut k = 0;
    while k < t.len() {
        let Some(c) = t[k..].chars().next() else {
            break;
        };
        if !is_space(c) {
            k += c.len_utf8();
            continue;
        }
        if let Some((start, end)) = letter_spaced(t, k) {
            let run = &t[start..end];
            let joined: String = run.chars().filter(|&c| !is_space(c)).collect();
            out.push(
                Diagnostic::new(
                    &STRAY_SPACE,
                    base + start..base + end,
                    format!("字与字之间加了空格：“{run}”"),
                    "删除字间的空格；要对齐或加宽，用段落格式调整，不要在字间加空格",
                )
                .with_fix(joined, false),
            );
            k = end;
            continue;
        }
        let start = k;
        let end = start + t[start..].len() - t[start..].trim_start_matches(is_space).len();
        k = end;
        let (Some(a), Some(b)) = (t[..start].chars().next_back(), t[end..].chars().next()) else {
            continue;
        };
        // "第一部分　2025年…": the space of a part's number, like "第一章　总则"; "二　存在的
        //不足": a space typed for the 、, which the marker's rule reports.
        if marker_end == Some(end) {
            continue;
        }
        if joins_issuers(ctx, i, &t[..start], &t[end..])
            || is_caption_label(&t[..start])
            || starts_field(&t[..start], &t[end..])
            || is_paired_heading(ctx, i, base + start..base + end, &t[..start], &t[end..])
        {
            continue;
        }
        if crate::rules::punctuation::chars::inside(&doc_numbers, start) {
            continue;
        }
        // The space ends or starts a web address; without it the address runs on.
        // (In the order found, so sorted by either end: a line may hold thousands.)
        if links.binary_search_by_key(&start, |l| l.end).is_ok()
            || links.binary_search_by_key(&end, |l| l.start).is_ok()
        {
            continue;
        }
        // "《深入学习贯彻习近平法治思想　推进……》", "“织密基金监管网　共筑医保防护线”": a title
        // or slogan in two halves, spaced as it was issued ("“学宪法 讲宪法”" with one
        // space of either width).
        // One ASCII space only between halves of three characters or more: “证照 分离” is a
        // stray space, not two halves.
        let halves = || {
            let cjk_run = |s: &mut dyn Iterator<Item = char>| {
                s.take_while(|&c| crate::text::is_han(c)).count()
            };
            cjk_run(&mut t[..start].chars().rev()) >= 3 && cjk_run(&mut t[end..].chars()) >= 3
        };
        let spacing =
            t[start..end].chars().all(|x| x == '\u{3000}') || (&t[start..end] == " " && halves());
        // (A full-width year may end the first half: "“奋进２０２４　法治护航”".)
        let word = |c: char| is_cjk(c) || crate::text::is_digit(c);
        let quote = enclosing(&titles, start..end).or_else(|| enclosing(&quotations, start..end));
        let in_quotes = quote.is_some();
        // Quoted speech is no title: its sentences are spaced like any other
        // ("“要把依法 行政贯穿全过程。”"). Read once for all the spaces of one quotation.
        let speech = quote.is_some_and(|q| match &speech_of {
            Some((r, speech)) if *r == q => *speech,
            _ => {
                let speech = t[q.clone()].contains(['。', '，', '；', '！', '？']);
                speech_of = Some((q, speech));
                speech
            }
        });
        if spacing && word(a) && word(b) && in_quotes && !speech {
            continue;
        }
        // "联系人：张　伟，": a two-character name padded to the width of a three-character one.
        let alone = |c: Option<char>| c.is_none_or(|c| !is_han(c));
        if t[start..end].chars().all(|x| x == '\u{3000}')
            && is_han(a)
            && is_han(b)
            && alone(t[..start].chars().rev().nth(1))
            && alone(t[end..].chars().nth(1))
        {
            continue;
        }
        // "联系人：委法规处　周　敏，": the space before such a name parts it from the office.
        if t[start..end].chars().all(|x| x == '\u{3000}')
            && t[..start].contains(['：', ':'])
            && static_regex!(r"^\p{Han}\u{3000}\p{Han}(?:[^\p{Han}]|$)").is_match(&t[end..])
        {
            continue;
        }
        // "《工作场所有害因素职业接触限值 第1部分：化学有害因素》": a standard's part, spaced
        // off in its issued title (GB/T 1.1).
        if in_quotes && static_regex!(r"^第[0-9一二三四五六七八九十]{1,3}部分").is_match(&t[end..])
        {
            continue;
        }
        // A full-width digit is spaced like a half-width one ("申请 ３ 件").
        let digit = crate::text::is_digit;
        let after_marker = marker_end == Some(start);
        // "1. 起草单位…": in Markdown the space makes the list item.
        if after_marker && ctx.doc.format == Format::Markdown && t[..start].ends_with('.') {
            continue;
        }
        // "PM2.5 自动监测站", "COVID-19 疫情", "Windows 10 终端", "ISO/IEC 17025 实验室":
        // the digits end a Latin term, spaced like any other.
        let latin_term = || {
            let in_term = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | '_');
            let before = &t[..start];
            let head = before.trim_end_matches(in_term);
            let term = &before[head.len()..];
            // The word before, one space back: "Windows", "(EU)"; not "4" of "4 316".
            let word_before = head.strip_suffix(' ').is_some_and(|h| {
                let h = h.strip_suffix(')').unwrap_or(h);
                h[h.trim_end_matches(in_term).len()..].contains(|c: char| c.is_ascii_alphabetic())
            });
            term.contains(|c: char| c.is_ascii_alphabetic()) || word_before
        };
        let cjk_digit = (is_cjk(a) && digit(b)) || (digit(a) && is_cjk(b) && !latin_term());
        let cjk_cjk = is_cjk(a) && is_cjk(b);
        // "98.6 %": the sign is the number's unit.
        let percent = digit(a) && matches!(b, '%' | '％');
        if !(after_marker || cjk_digit || cjk_cjk || percent) {
            continue;
        }
        // "审查文件 12 件": the spaces on both sides of one number are one finding, unless
        // the second separates fields ("门诊人次 86420 出院人次：2136").
        let closing = (cjk_digit && !after_marker && is_cjk(a))
            .then(|| closing_space(t, end))
            .flatten()
            .filter(|&(_, close_start, close_end)| {
                !(starts_field(&t[..close_start], &t[close_end..])
                    || is_caption_label(&t[..close_start]))
            });
        let opening = &t[start..end];
        let what = match closing {
            Some((_, close_start, close_end)) if kind(opening) == "空格" => {
                kind(&t[close_start..close_end])
            }
            _ => kind(opening),
        };
        let (end, replacement) = match closing {
            Some((number, _, close_end)) => {
                k = close_end;
                (close_end, number)
            }
            None => (end, ""),
        };
        let run = &t[start..end];
        let shown = context(t, start, end);
        let line = &ctx.doc.lines[i];
        let numbered = base + start < line.start + line.origin.auto_number_len;
        // (message, help, fix: Some(safe)).
        let (message, help, fix) = if numbered {
            // Word's numbering puts it there ("编号之后：空格"); the text has no space.
            (
                format!("自动编号后有{what}：“{shown}”"),
                "这个空格来自 Word 自动编号的“编号之后”设置：在“调整列表缩进”中改为“不特别标注”，不要改动正文文字",
                None,
            )
        } else if after_marker {
            (
                format!("序号后有{what}：“{shown}”"),
                "删除空格：序号与小标题文字之间不加空格",
                Some(true),
            )
        } else if percent {
            (
                format!("数字与百分号之间有{what}：“{shown}”"),
                "删除空格：百分号紧跟在数字后面",
                Some(!run.contains('\t')),
            )
        } else if cjk_digit {
            // A wider gap may separate two fields ("门诊人次：86420  出院人次：2136").
            let single = run.chars().filter(|&c| is_space(c)).count()
                == 1 + usize::from(closing.is_some())
                && !run.contains('\t');
            // "8:30 — 17:30": a mark, not a character, beside the digits.
            let beside = if is_han(a) || is_han(b) {
                "汉字"
            } else {
                "标点"
            };
            (
                format!("{beside}与数字之间有{what}：“{shown}”"),
                "删除空格：汉字、中文标点与数字之间不加空格",
                Some(single),
            )
        } else {
            // Two words may have been meant as a list ("市委 市政府"): then 、 is right.
            let between = if is_han(a) && is_han(b) {
                "汉字之间"
            } else {
                "标点前后"
            };
            (
                format!("{between}有{what}：“{shown}”"),
                "删除空格；如果空格是用来分隔并列的词语，改用顿号“、”",
                Some(false),
            )
        };
        let d = Diagnostic::new(&STRAY_SPACE, base + start..base + end, message, help);
        match fix {
            Some(safe) if after_marker && run == "\t" => {
                after_markers.tabs.push(d.with_fix(replacement, safe))
            }
            Some(safe) => out.push(d.with_fix(replacement, safe)),
            None => after_markers.numbering.push(d),
        }
    }
}

/// "联系电话：0771-5263418　电子邮箱：…", "邮编：361000 电话：…": the space ends one field
/// and a short label with its colon starts the next ("市委 市政府：" is no field).
fn starts_field(before: &str, after: &str) -> bool {
    const FIELD_BYTES: usize = 120;
    let label = after.chars().take(8).take_while(|&c| is_han(c)).count();
    let near = crate::text::floor_char(before, before.len().saturating_sub(FIELD_BYTES));
    // A field's colon: full-width, or a half-width one not in 8:30 or https:.
    let field_colon = before[near..].char_indices().any(|(k, c)| {
        c == '：'
            || c == ':'
                && before[near + k + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| !n.is_ascii_alphanumeric() && n != '/')
    });
    // "联系人：王某 13800000000": a phone number is the next field's value.
    let phone = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .count()
        >= 7;
    let labelled = (1..=6).contains(&label)
        && after
            .chars()
            .nth(label)
            .is_some_and(|c| c == '：' || c == ':');
    field_colon && (phone || labelled)
}

/// "（一）强化组织领导　压实法治责任", "（三）深化“放管服”改革　持续优化营商环境": a
/// heading of two phrases, one space apart, and no punctuation that would make it a
/// sentence. The phrases need not be of a length: a theme and its result rarely are.
fn is_paired_heading(
    ctx: &Context,
    i: usize,
    space: std::ops::Range<usize>,
    before: &str,
    after: &str,
) -> bool {
    const PHRASE: usize = 4;
    let Some(h) = ctx.outline.heading_at(i) else {
        return false;
    };
    let words = |c: char| is_han(c) || matches!(c, '“' | '”' | '《' | '》' | '‘' | '’');
    let left = before.chars().rev().take_while(|&c| words(c)).count();
    let right = after.chars().take_while(|&c| words(c)).count();
    let title = &ctx.doc.text[h.title.clone()];
    let one_space = title.chars().filter(|&c| is_space(c)).count() <= 2;
    space.len() <= '\u{3000}'.len_utf8()
        && h.title.start < space.start
        && space.end < h.title.end
        && left >= PHRASE
        && right >= PHRASE
        && one_space
        && !title.contains(['。', '，', '；', '：', '！', '？'])
}

/// "表1 主要指标", "图2 …", "附件3 …": a label and its caption are spaced by custom.
fn is_caption_label(before: &str) -> bool {
    let label = before.trim_end_matches(|c: char| c.is_ascii_digit());
    label.len() < before.len() && matches!(label, "表" | "图" | "附表" | "附件" | "附图")
}

/// A joint report's title, or its 落款 on one line, names its issuers side by side:
/// "中共某委员会党组 某委员会关于…".
fn joins_issuers(ctx: &Context, i: usize, before: &str, after: &str) -> bool {
    let o = ctx.outline;
    (o.title.as_ref().is_some_and(|t| t.lines.contains(&i)) || o.issuers.contains(&i))
        && after.starts_with(is_han)
        && ctx
            .profile
            .issuer_suffixes
            .iter()
            .any(|s| before.ends_with(s.as_str()))
}

/// The space with a few characters on each side, spaces shown as "␣".
fn context(t: &str, start: usize, end: usize) -> String {
    const SIDE: usize = 4;
    crate::text::last_chars(&t[..start], SIDE)
        .chars()
        .chain(t[start..end].chars())
        .chain(t[end..].chars().take(SIDE))
        .map(|c| if is_space(c) { '␣' } else { c })
        .collect()
}

fn trailing(ctx: &Context, i: usize, out: &mut Findings) {
    if ctx.doc.format == Format::Docx {
        // Invisible in Word and harmless there.
        return;
    }
    let raw = ctx.doc.line(i);
    let kept = raw.trim_end_matches(is_space).len();
    if kept == raw.len() {
        return;
    }
    let line_start = ctx.doc.lines[i].start;
    let tail = &raw[kept..];
    // Two trailing spaces are a line break in Markdown.
    if ctx.doc.format == Format::Markdown && tail.chars().all(|c| c == ' ') {
        return;
    }
    let (start, message, severity) = if kept == 0 {
        (line_start, "这一行只有空白字符".to_string(), Severity::Info)
    } else if tail.contains(['\u{a0}', '\u{3000}']) {
        (
            line_start + kept,
            format!("段末有{}", kind(tail)),
            Severity::Warning,
        )
    } else {
        (
            line_start + kept,
            format!("段末有{}", kind(tail)),
            Severity::Info,
        )
    };
    out.push(
        Diagnostic::new(
            &TRAILING_WHITESPACE,
            start..line_start + raw.len(),
            message,
            "删除段末的空白字符（多为网页或转换残留）",
        )
        .with_severity(severity)
        .with_fix("", true),
    );
}
