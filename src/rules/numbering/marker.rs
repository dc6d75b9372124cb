//! The form of each marker: full-width brackets, and the punctuation GB/T 15834-2011
//! 附录B.3 puts (or does not put) after it.

use super::{
    Context, ENCLOSED_MARKER, HALFWIDTH_MARKER, MARKER_DAMAGED, MARKER_PUNCTUATION, PART_MARKER,
    auto_note,
};
use crate::diagnostic::{Diagnostic, Severity};
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
    for h in numbered {
        let raw = &text[h.marker.clone()];
        let level = h.level();
        let want = super::expected_marker(level, h.number);
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
        if raw
            .chars()
            .next()
            .and_then(crate::outline::enclosed_marker)
            .is_some()
        {
            let d = Diagnostic::new(
                &ENCLOSED_MARKER,
                h.marker.clone(),
                format!("序号“{raw}”是一个特殊符号，应写作“{want}”{}", auto_note(h)),
                format!("把“{raw}”改为“{want}”：序号由汉字或数字加括号、下脚点写成"),
            );
            out.push(if h.auto {
                d
            } else {
                d.with_fix(want.clone(), true)
            });
            continue;
        }
        match h.kind {
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
                    format!(
                        "序号“{raw}”使用了半角括号{mixed}，应为“{want}”{}",
                        auto_note(h)
                    ),
                    format!("把“{raw}”改为“{want}”（全角括号）"),
                );
                out.push(if h.auto {
                    d
                } else {
                    d.with_fix(want.clone(), true)
                });
            }
            MarkerKind::HanComma if h.stands_at == Some(MarkerKind::HanParen) => {
                // The form of the level it stands at: a suggestion, as the drafter may
                // have meant the parts' own.
                out.push(Diagnostic::new(
                    &MARKER_PUNCTUATION,
                    h.marker.clone(),
                    format!(
                        "序号“{raw}”的标点不规范：它用在第一层标题之下，是第二层的序号，应为“{want}”{}",
                        auto_note(h)
                    ),
                    "GB/T 15834-2011 附录B：第一层用“一、”，第二层用“（一）”；汉字数字序号后用顿号“、”，不用下脚点",
                ).with_fix(want.clone(), false));
            }
            MarkerKind::HanComma if !raw.ends_with('、') => {
                out.push(punctuation(h, raw, &want, h.marker.clone(), &want));
            }
            MarkerKind::ArabicDot if !raw.ends_with('.') => {
                out.push(punctuation(h, raw, &want, h.marker.clone(), &want));
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
        {
            let span = h.marker.start..h.marker.end + c.len_utf8();
            let shown = &text[span.clone()];
            out.push(punctuation(h, shown, &want, span, &text[h.marker.clone()]));
        }
    }
}

fn punctuation(
    h: &Heading,
    shown: &str,
    want: &str,
    span: std::ops::Range<usize>,
    replacement: &str,
) -> Diagnostic {
    let rule = match h.kind {
        MarkerKind::HanComma => "汉字数字序号后用顿号“、”",
        MarkerKind::ArabicDot => "阿拉伯数字序号后用下脚点“.”，不用顿号",
        _ => "带括号或带圈的序号后不加标点",
    };
    let d = Diagnostic::new(
        &MARKER_PUNCTUATION,
        span,
        format!("序号“{shown}”的标点不规范，应为“{want}”{}", auto_note(h)),
        format!("GB/T 15834-2011 附录B.3：{rule}"),
    );
    if h.auto {
        d
    } else {
        d.with_fix(replacement, true)
    }
}
