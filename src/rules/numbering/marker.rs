//! The form of each marker: full-width brackets, and the punctuation GB/T 15834-2011
//! 附录B.3 puts (or does not put) after it.

use super::{
    Context, ENCLOSED_MARKER, HALFWIDTH_MARKER, MARKER_DAMAGED, MARKER_DIGITS, MARKER_PUNCTUATION,
    PART_MARKER,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lazy_regex::static_regex;
use crate::numerals::to_chinese;
use crate::outline::{Heading, MarkerKind};
use crate::rules::findings::Findings;

/// The marker GB/T 9704 prescribes for `level` and number `n`.
pub fn expected_marker(level: u8, n: u32) -> String {
    match level {
        1 => format!("第{}部分", to_chinese(n)),
        2 => format!("{}、", to_chinese(n)),
        3 => format!("（{}）", to_chinese(n)),
        4 => format!("{n}."),
        5 => format!("（{n}）"),
        _ => char::from_u32('①' as u32 + n.saturating_sub(1))
            .filter(|_| (1..=20).contains(&n))
            .map_or_else(|| format!("（{n}）"), String::from),
    }
}

/// "（二）" "3." "（四）": a sub-heading typed in a deeper level's form among its siblings
/// (`outline::mixed_form`), or "三、" in the parts' form, told the form of theirs.
fn mixed_form(ctx: &Context, numbered: &[&Heading], h: &Heading, want: &str) -> Option<Diagnostic> {
    let stands = h.stands_at?;
    let raw_mark = ctx.doc.text[h.marker.clone()].trim_end();
    let higher = h.kind == MarkerKind::HanComma && raw_mark.ends_with('、');
    if !higher && stands.level() >= h.kind.level() || stands.level() < MarkerKind::HanParen.level()
    {
        return None;
    }
    let k = numbered.iter().position(|g| g.line == h.line)?;
    let sibling = |g: &&&Heading| g.level() == h.level();
    let beyond = |g: &&&Heading| g.level() < h.level();
    let before = numbered[..k]
        .iter()
        .rev()
        .take_while(|g| !beyond(g))
        .find(sibling);
    let after = numbered[k + 1..]
        .iter()
        .take_while(|g| !beyond(g))
        .find(sibling);
    let shown = |g: &Heading| ctx.doc.text[g.marker.clone()].trim_end().to_string();
    let raw = shown(h);
    let around = match (before, after) {
        (Some(b), Some(a)) => format!("前后的同级标题是“{}”和“{}”", shown(b), shown(a)),
        (Some(b), None) => format!("它接在同级的“{}”之后", shown(b)),
        _ => return None,
    };
    Some(
        Diagnostic::new(
            &super::HEADING_SEQUENCE,
            h.marker.clone(),
            format!(
                "序号“{raw}”应为“{want}”：{around}，却用了更{}层级的写法",
                if higher { "高" } else { "低" }
            ),
            format!("同级标题的序号写法应一致：把“{raw}”改为“{want}”"),
        )
        .with_fix(want.to_string(), false),
    )
}

/// Punctuation that must not follow a bracketed or circled marker.
const AFTER_CLOSED: [char; 8] = ['、', '，', ',', '.', '．', '：', ':', '；'];

pub fn check_forms(ctx: &Context, numbered: &[&Heading], out: &mut Findings) {
    let text = &ctx.doc.text;
    let halfwidth = |h: &Heading| text[h.marker.clone()].contains(['(', ')']);
    // Looked up once: a pasted report can have tens of thousands of half-width markers.
    let full_kinds: std::collections::HashSet<MarkerKind> = numbered
        .iter()
        .filter(|g| !halfwidth(g))
        .map(|g| g.kind)
        .collect();
    // "1." parts over "（一）" sub-headings: the hierarchy reads upside down.
    let parts_over_higher = numbered.iter().any(|g| g.kind == MarkerKind::HanParen);
    // Word's numbering writes every marker of a level in one format: a wrong one is one
    // fault, said once, at the first, with how many it covers.
    let auto_form = |h: &Heading| (h.kind, form_of(&text[h.marker.clone()]));
    let mut auto_count: std::collections::HashMap<(MarkerKind, String), usize> =
        std::collections::HashMap::new();
    for h in numbered.iter().filter(|h| h.auto) {
        *auto_count.entry(auto_form(h)).or_default() += 1;
    }
    let mut auto_said: std::collections::HashSet<(MarkerKind, String)> =
        std::collections::HashSet::new();
    for h in numbered {
        let raw = &text[h.marker.clone()];
        let level = h.level();
        let want = super::expected_marker(level, h.number);
        // Of an automatic list's markers in one format, only the first is told.
        let (said_before, note) = if h.auto {
            let form = auto_form(h);
            let n = auto_count.get(&form).copied().unwrap_or(1);
            (!auto_said.insert(form), format_note(&want, h.number, n))
        } else {
            (false, String::new())
        };
        // "（三）" alone on its line: an item with nothing after its number.
        if text[h.title.clone()].trim().is_empty() && !raw.is_empty() {
            out.push(Diagnostic::new(
                &MARKER_DAMAGED,
                h.marker.clone(),
                format!("只有序号“{}”，后面没有标题或内容", raw.trim()),
                if h.auto {
                    "多为 Word 自动编号留下的空段落：删除这个空段落，后面的编号会自动顺延"
                } else {
                    "补上这一项的标题和内容，或删去这个序号并调整后面的编号"
                },
            ));
            continue;
        }
        if h.as_part() {
            out.push(Diagnostic::new(
                &PART_MARKER,
                h.marker.clone(),
                format!(
                    "报告的这一部分用了序号“{raw}”，应为“{want}”{}",
                    if h.auto {
                        "；此序号由 Word 自动编号生成，请在 Word 中把这一级的编号格式改为“一、二、三、”"
                    } else {
                        ""
                    }
                ),
                format!("各部分是第一层，编为“一、”“二、”……；把“{raw}”改为“{want}”"),
            ).with_severity(if parts_over_higher { Severity::Error } else { PART_MARKER.severity }));
            continue;
        }
        if let Some(d) = mixed_form(ctx, numbered, h, &want) {
            out.push(d);
            continue;
        }
        if raw
            .chars()
            .next()
            .and_then(crate::outline::enclosed_marker)
            .is_some()
        {
            if said_before {
                continue;
            }
            let d = Diagnostic::new(
                &ENCLOSED_MARKER,
                h.marker.clone(),
                format!("序号“{raw}”是一个特殊符号，应写作“{want}”{note}"),
                format!("把“{raw}”改为“{want}”：序号由汉字或数字加括号、下脚点写成"),
            );
            out.push(fixed_if_typed(d, h, &want));
            continue;
        }
        if let Some(why) = odd_digits(raw) {
            if said_before {
                continue;
            }
            let d = Diagnostic::new(
                &MARKER_DIGITS,
                h.marker.clone(),
                format!("序号“{raw}”{why}，应为“{want}”{note}"),
                format!(
                    "把“{raw}”改为“{want}”：汉字数字用小写，阿拉伯数字不补零，每一层只写本层的数字"
                ),
            );
            out.push(fixed_if_typed(d, h, &want));
            continue;
        }
        match h.kind {
            _ if said_before => {}
            MarkerKind::HanParen | MarkerKind::ArabicParen if halfwidth(h) => {
                let others_full = full_kinds.contains(&h.kind);
                let mixed = if others_full {
                    "，与本文其他同级序号的全角括号不一致"
                } else {
                    ""
                };
                let d = Diagnostic::new(
                    &HALFWIDTH_MARKER,
                    h.marker.clone(),
                    format!("序号“{raw}”使用了半角括号{mixed}，应为“{want}”{note}"),
                    format!("把“{raw}”改为“{want}”（全角括号）"),
                );
                out.push(fixed_if_typed(d, h, &want));
            }
            MarkerKind::HanComma
                if h.stands_at == Some(MarkerKind::HanParen) && !raw.ends_with('、') =>
            {
                // The form of the level it stands at: a suggestion, as the drafter may
                // have meant the parts' own.
                out.push(Diagnostic::new(
                    &MARKER_PUNCTUATION,
                    h.marker.clone(),
                    format!(
                        "序号“{raw}”的标点不规范：它用在第一层标题之下，是第二层的序号，应为“{want}”{note}"
                    ),
                    "第一层用“一、”，第二层用“（一）”；汉字数字序号后用顿号“、”，不用下脚点（GB/T 15834-2011 附录B）",
                ).with_fix(want.clone(), false));
            }
            MarkerKind::HanComma if !raw.ends_with('、') => {
                out.push(punctuation(h, raw, &want, h.marker.clone(), &want, &note));
            }
            MarkerKind::ArabicDot if !raw.ends_with('.') => {
                // "1、、": the doubled mark goes with the fix, or it would leave "1.、".
                let span = with_repeats(text, h.marker.clone());
                let shown = &text[span.clone()];
                out.push(punctuation(h, shown, &want, span, &want, &note));
            }
            _ => {}
        }
        // "（二）（二）加强普法": the marker typed twice, or typed after Word's own.
        let rest = &text[h.marker.end..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len();
        // Not "1. 1.5万元…": a figure that starts like the marker.
        let figure_after = raw.ends_with(['.', '．'])
            && rest[spaces..]
                .get(raw.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| crate::text::is_digit(c) || c == '.');
        if !raw.is_empty() && rest[spaces..].starts_with(raw) && !figure_after {
            let copy = h.marker.end + spaces..h.marker.end + spaces + raw.len();
            out.push(if h.auto {
                Diagnostic::new(
                    &MARKER_DAMAGED,
                    copy,
                    format!("序号“{raw}”写了两遍：Word 自动编号之后又输入了一遍"),
                    format!("删去手工输入的“{raw}”，保留自动编号"),
                )
            } else {
                Diagnostic::new(
                    &MARKER_DAMAGED,
                    h.marker.start..copy.end,
                    format!("序号“{raw}”写了两遍"),
                    format!("删去重复的“{raw}”"),
                )
                .with_fix(raw.to_string(), true)
            });
        }
        if matches!(
            h.kind,
            MarkerKind::HanParen | MarkerKind::ArabicParen | MarkerKind::Circled
        ) && let Some(c) = text[h.marker.end..].chars().next()
            && AFTER_CLOSED.contains(&c)
            && !said_before
        {
            let span = h.marker.start..h.marker.end + c.len_utf8();
            let shown = &text[span.clone()];
            out.push(punctuation(
                h,
                shown,
                &want,
                span,
                &text[h.marker.clone()],
                &note,
            ));
        }
    }
}

/// A typed marker is put right by the fix; Word's number only by its list's format.
fn fixed_if_typed(d: Diagnostic, h: &Heading, want: &str) -> Diagnostic {
    if h.auto {
        d
    } else {
        d.with_fix(want.to_string(), true)
    }
}

/// What is wrong with the way a marker writes its number: capital numerals ("壹、"), a
/// zero before the digit ("01."), the parent levels' numbers before its own ("1.1").
fn odd_digits(raw: &str) -> Option<&'static str> {
    if raw.contains(|c| "壹贰貳叁參肆伍陆陸柒捌玖拾".contains(c)) {
        Some("用了大写数字")
    } else if static_regex!(r"[0-9][.．][0-9]").is_match(raw) {
        Some("是多级编号的写法")
    } else if static_regex!(r"^[（(]?0[0-9]").is_match(raw) {
        Some("在数字前补了“0”")
    } else {
        None
    }
}

/// `marker` with the copies of its last character typed after it.
fn with_repeats(text: &str, marker: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let Some(last) = text[marker.clone()].chars().next_back() else {
        return marker;
    };
    let repeats = text[marker.end..]
        .chars()
        .take_while(|&c| c == last)
        .count();
    marker.start..marker.end + repeats * last.len_utf8()
}

/// A marker's form without its number: "(#)" for "(一)" and "(二)", "#" for "⑴" and "⑵".
fn form_of(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        let numeral = crate::text::is_digit(c)
            || "一二三四五六七八九十〇零壹贰貳叁參肆伍陆陸柒捌玖拾".contains(c)
            || crate::outline::enclosed_marker(c).is_some();
        if !numeral {
            out.push(c);
        } else if !out.ends_with('#') {
            out.push('#');
        }
    }
    out
}

/// Said after a message about the form of a marker Word's numbering wrote: the list
/// level's number format is to change, once for all `count` markers written in it.
fn format_note(want: &str, number: u32, count: usize) -> String {
    // The format as Word's dialog shows it: the number's place in the marker.
    let digits = to_chinese(number);
    let format = want
        .replacen(&digits, "一", 1)
        .replacen(&number.to_string(), "1", 1);
    let all = if count > 1 {
        format!("（这样的序号共{count}处，只在这里报告）")
    } else {
        String::new()
    };
    format!(
        "；此序号由 Word 自动编号生成{all}，请在 Word 中修改编号格式：右键单击编号，选“定义新编号格式”，把编号格式改为“{format}”，同一列表中这一级的序号会一起改好，不要改动正文文字"
    )
}

fn punctuation(
    h: &Heading,
    shown: &str,
    want: &str,
    span: std::ops::Range<usize>,
    replacement: &str,
    note: &str,
) -> Diagnostic {
    let rule = match h.kind {
        MarkerKind::HanComma => "汉字数字序号后用顿号“、”",
        MarkerKind::ArabicDot => "阿拉伯数字序号后用下脚点“.”，不用顿号",
        _ => "带括号或带圈的序号后不加标点",
    };
    let d = Diagnostic::new(
        &MARKER_PUNCTUATION,
        span,
        format!("序号“{shown}”的标点不规范，应为“{want}”{note}"),
        format!("{rule}（GB/T 15834-2011 附录B.3）"),
    );
    if h.auto {
        d
    } else {
        d.with_fix(replacement, true)
    }
}
