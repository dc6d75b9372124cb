//! Masked or unfilled placeholders: "****年", "XX件", "××", "某某年", "□□", "【待填】".

use super::{MASKED_DOCUMENT, PLACEHOLDER};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Format;
use crate::lazy_regex::static_regex;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::rules::wording::is_common_word;
use regex::Regex;
use std::ops::Range;

/// A value masked in a copy ("**件", "■■件"), or a blank a template left ("××件", "□□").
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Masked(char),
    Blank,
}

/// "■■件" blacks a value out, as "**件" does; "××件" and "□□" are blanks left to fill.
fn blank_or_blacked(found: &str) -> (&'static str, Kind) {
    if found.contains('■') {
        ("被遮盖的内容（原文被替换成了“■”）", Kind::Masked('■'))
    } else {
        ("未填写的占位符", Kind::Blank)
    }
}

/// Bytes a quoted form's marks may stand from its blanks: a form is short, and looking
/// further would read a long paragraph once for each of its blanks.
const FORM_REACH: usize = 96;

/// "按“××××年××月××日”格式填写", "以“□□”表示": the blanks quoted as a form to follow.
fn quoted_form(t: &str, m: std::ops::Range<usize>) -> bool {
    let from = crate::text::floor_char(t, m.start.saturating_sub(FORM_REACH));
    let Some(open) = t[from..m.start].rfind(['“', '‘']).map(|k| from + k) else {
        return false;
    };
    if t[open..m.start].contains(['”', '’']) {
        return false;
    }
    let to = crate::text::ceil_char(t, (m.end + FORM_REACH).min(t.len()));
    let Some(close) = t[m.end..to].find(['”', '’']) else {
        return false;
    };
    let after = &t[m.end + close..];
    let after = after.get(3..).unwrap_or("");
    ["格式", "样式", "形式", "表示", "字样", "写法", "填写"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// A blank date's length at most ("××××年××月××日", in bytes, with room for a time):
/// blanks joined past it are more than one date ("××月××日××月××日…").
const MAX_DATE_BYTES: usize = 48;

/// From this many placeholders on, the text was masked as a whole (a desensitised copy).
const MASKED_DOCUMENT_MIN: usize = 10;

/// Where a count, amount or date goes.
const UNITS: &str = "年月日号时分件个次项家人元万亿名份场户条期批类起所座张台辆卷篇倍%％";

const HELP: &str = "填上实际的数字或内容；如果是转载时被遮盖的，请改用原始文件检查";

/// Brackets left empty for a figure or a name: "【】" anywhere but in quotes (“【】” names
/// the marks), "（　）" before a unit ("受理投诉（　）件"). Scanned, not matched: these
/// alternatives in the pattern above cost more to compile than the scan costs to run.
fn blank_brackets(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (k, open) in t.match_indices(['【', '（', '(']) {
        let close = match open {
            "【" => '】',
            "（" => '）',
            _ => ')',
        };
        let inner = &t[k + open.len()..];
        let blank = inner.len() - inner.trim_start_matches([' ', '\u{3000}']).len();
        if !inner[blank..].starts_with(close) {
            continue;
        }
        let end = k + open.len() + blank + close.len_utf8();
        let quoted = t[..k].ends_with(['“', '‘']) && t[end..].starts_with(['”', '’']);
        let before_unit = t[end..].chars().next().is_some_and(|c| UNITS.contains(c));
        if !quoted && (open == "【" || before_unit) {
            out.push(k..end);
        }
    }
    out
}

fn patterns() -> &'static Regex {
    static_regex!(format!(
        concat!(
            // "*+*+*", "***-**": one masked value.
            r"(?P<star>[*＊]+(?:[+\-/.:：·]?[*＊]+)*)",
            // "法律顾问___名": a line left to write on.
            // (One × or X too, "案件×件", "X月X日"; not a product, "3×4", nor a word,
            // "MAX件".)
            // ("○○件", "○件": a template's circles; not the zero of "二○二四年".)
            r"|(?P<x>(?:[xXＸ×]{{2,}}|[×XＸ]|某某|[□■]+|[〇○]+|_{{2,}}|＿{{2,}}))(?P<unit>[{units}])",
            r"|(?P<box>[□■]{{2,}})",
            // "××、××等问题": masked names in a list; × is never a letter of a word. (某某
            // may be a deliberate anonymisation of a case, and is left alone here.)
            r"|(?P<list>[×Ｘ]{{2,}}(?:、[×Ｘ]{{2,}})+|[×Ｘ]{{2,}}等)",
            r"|(?P<todo>[【\[]\s*待(?:填|补|定|补充|填写|核实)[^】\]]{{0,10}}[】\]]|[（(]\s*此处(?:补充|填写|填入|插入|添加)[^）)]{{0,30}}[）)])",
            // The prompt of a Word or WPS content control never filled in.
            // (Or of a MACROBUTTON field: "[单击此处输入成文日期]", quoted whole.)
            r"|(?P<prompt>(?:单击|点击)(?:或(?:点击|轻击))?此处(?:输入|添加|选择)\p{{Han}}{{0,8}}[。.]?|Click or tap (?:here )?to enter [a-z ]{{1,12}}\.)",
            // "«单位名称»": a mail-merge field never merged.
            r"|(?P<merge>«[^»\n]{{1,20}}»)",
            // "<单位名称>", "【报告年度】": a template's field in brackets, never replaced.
            r"|(?P<slot>[<＜【\[［](?P<field>\p{{Han}}{{2,6}})[>＞】\]］])",
            // "在XX区先行", "××同志", "〇〇县", "X市": a place or a person left unnamed. (A
            // letter before X makes a word, not a blank: checked below.)
            r"|(?P<place>[xXＸ×]{{2,}}|[〇○]{{2,}}|[A-Za-z]?[XＸ])(?:省|市|县|区|镇|乡|村|街道|社区|局|委|医院|卫生院|诊所|中心|律师事务所|公司|学校|同志)",
        ),
        units = UNITS
    ))
}

/// "7*24小时", "5*8小时": a star between two figures before a unit of time multiplies
/// them; a masked digit ("20*4年") is followed by no such unit.
fn service_hours(t: &str, star: Range<usize>) -> bool {
    let after = &t[star.end..];
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    t[..star.start].ends_with(|c: char| c.is_ascii_digit())
        && digits > 0
        && ["小时", "天", "h", "H"]
            .iter()
            .any(|unit| after[digits..].starts_with(unit))
}

/// A note explaining a footnote mark: "*含…", "脚注1：*含…".
fn starts_with_mark(line: &str) -> bool {
    let t = crate::text::trim_indent(line);
    let t = static_regex!(r"^(?:脚注|尾注|注)[0-9]*[：:]")
        .find(t)
        .map_or(t, |m| &t[m.end()..]);
    t.strip_prefix(['*', '＊'])
        .and_then(|r| r.chars().next())
        .is_some_and(crate::text::is_han)
}

/// The "**" at `at` opens or closes a pair around words: "**主要负责人带头学法。**".
fn in_emphasis(t: &str, at: usize) -> bool {
    // Words: not a figure's unit nor a masked name's suffix first ("**件", "**县卫生健康局").
    let words = |inner: &str| {
        inner.chars().filter(|&c| crate::text::is_han(c)).count() >= MIN_EMPHASIS_HAN
            && !inner.contains('*')
            && inner.chars().next().is_some_and(|c| {
                crate::text::is_han(c) && !UNITS.contains(c) && !PLACE_SUFFIXES.contains(c)
            })
            && !inner.ends_with(|c: char| c.is_ascii_digit())
    };
    // Bold starts a sentence or a clause; a mask stands in a name ("富阳**油漆有限公司").
    let starts_clause = |k: usize| {
        t[..k]
            .chars()
            .next_back()
            .is_none_or(|c| "。；：，、！？“（".contains(c))
    };
    // A pair of stars, not part of a longer mask ("****年").
    let pair_at = |k: usize| !t[..k].ends_with('*') && !t[k + 2..].starts_with('*');
    let opens = starts_clause(at)
        && pair_at(at)
        && t[at + 2..]
            .find("**")
            .is_some_and(|k| pair_at(at + 2 + k) && words(&t[at + 2..at + 2 + k]));
    let closes = pair_at(at)
        && t[..at]
            .rfind("**")
            .is_some_and(|k| pair_at(k) && starts_clause(k) && words(&t[k + 2..at]));
    opens || closes
}

/// What a masked name ends with ("**县卫生健康局"): after "**", a mask, not bold words.
const PLACE_SUFFIXES: &str = "省市县区镇乡村局委";

/// Chinese characters a bold pair holds, at least, to be words rather than a mask.
const MIN_EMPHASIS_HAN: usize = 4;

/// A place or person's blank: not a letter run ("AX县" is no blank) and not a numeral's
/// zeros ("二〇〇五").
fn unnamed(t: &str, m: Range<usize>) -> bool {
    let found = &t[m.clone()];
    let before = t[..m.start].chars().next_back();
    let mut chars = found.chars();
    match (chars.next(), chars.next()) {
        (Some('〇' | '○'), _) => {
            !before.is_some_and(|c| "一二三四五六七八九十百〇零".contains(c))
        }
        (Some(_), None) => !before.is_some_and(|c| c.is_ascii_alphanumeric()),
        (Some(c), Some(_)) => !c.is_ascii_alphabetic() || matches!(c, 'x' | 'X'),
        (None, _) => false,
    }
}

/// "查处XX医院违规发布医疗广告案": a case told without the offender's name, as
/// "某医院" or "××诊所" would be.
fn anonymised_case(t: &str, m: Range<usize>) -> bool {
    const BODIES: [&str; 6] = ["医院", "卫生院", "诊所", "公司", "药店", "门诊部"];
    const CASE_WORDS: [&str; 5] = ["查处", "处罚", "约谈", "责令", "案"];
    let clause_start = t[..m.start]
        .rfind(['。', '；'])
        .map_or(0, |k| k + '。'.len_utf8());
    let clause_end = t[m.end..].find(['。', '；']).map_or(t.len(), |k| m.end + k);
    let clause = &t[clause_start..clause_end];
    let suffix = &t[m.end..];
    BODIES.iter().any(|b| suffix.starts_with(b)) && CASE_WORDS.iter().any(|w| clause.contains(w))
}

/// A blank a template left, found by the pattern's alternatives other than masks: "××件",
/// "XX县", "□□", "【待填】", a content control's prompt, a merge field.
fn template_blank<'t>(
    t: &'t str,
    c: &regex::Captures<'t>,
) -> Option<(regex::Match<'t>, (&'static str, Kind))> {
    if let Some(m) = c.name("x").filter(|m| {
                // "违规开展某某项目": 某某 names a thing withheld; the unit starts a word.
                let mut after = t[m.end()..].chars();
                let product = matches!(m.as_str(), "×" | "X" | "Ｘ")
                    && t[..m.start()]
                        .trim_end_matches(' ')
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() && !crate::text::is_han(c));
                let zero = m.as_str().chars().all(|c| matches!(c, '〇' | '○'))
                    && t[..m.start()]
                        .chars()
                        .next_back()
                        .is_some_and(|c| "一二三四五六七八九十百千零〇○".contains(c));
                !product
                    && !zero
                    && (m.as_str() != "某某"
                        || !matches!((after.next(), after.next()), (Some(a), Some(b)) if is_common_word(a, b)))
            }) {
                Some((m, blank_or_blacked(m.as_str())))
            } else if let Some(m) = c
                .name("box")
                .or_else(|| c.name("list"))
                .or_else(|| {
                    c.name("place")
                        .filter(|m| unnamed(t, m.range()) && !anonymised_case(t, m.range()))
                })
            {
                Some((m, blank_or_blacked(m.as_str())))
            } else if let Some(m) = c.name("todo") {
                Some((m, ("未填写的待办标记", Kind::Blank)))
            } else if let Some(m) = c.name("prompt") {
                Some((m, ("未填写的 Word 内容控件或提示域显示的提示文字", Kind::Blank)))
            } else if let Some(m) = c.name("merge") {
                Some((m, ("没有合并的邮件合并域（模板中的字段名）", Kind::Blank)))
            } else if let Some(m) = c.name("slot").filter(|_| {
                c.name("field")
                    .is_some_and(|f| crate::rules::wording::lexicon::get().is_template_field(f.as_str()))
            }) {
                Some((m, ("没有替换的模板字段名", Kind::Blank)))
    } else {
        None
    }
}

/// The first blank a template left in a short text (a page header): "××", "XX县",
/// "【待填】", a content control's prompt. Masks ("**") are not looked for: a header is
/// not masked with the body.
pub(super) fn blank_in(t: &str) -> Option<Range<usize>> {
    patterns()
        .captures_iter(t)
        .filter_map(|c| template_blank(t, &c))
        .map(|(m, _)| m.range())
        .find(|m| !quoted_form(t, m.clone()))
}

pub fn check(ctx: &Context, out: &mut Findings) {
    let markdown = ctx.doc.format == Format::Markdown;
    let date_line = ctx.outline.date.as_ref().map(|d| d.line);
    let mut found: Vec<(Diagnostic, Kind)> = Vec::new();
    // "注：带*的事项为新增事项": a lone * marks a footnote, explained in the text.
    // (Not "*号", "*为": a masked 文号 or figure looks just like that.)
    let starred_note = std::cell::OnceCell::new();
    // So does a note that starts with the mark ("*含委托第三方检查", Word's footnote
    // "脚注1：*含…" with a custom mark).
    let starred_note = || {
        *starred_note.get_or_init(|| {
            ["带*", "标*", "加*", "注：*", "注:*", "*表示", "“*”"]
                .iter()
                .any(|w| ctx.doc.text.contains(w))
                || (0..ctx.doc.line_count()).any(|i| starts_with_mark(ctx.doc.line(i)))
        })
    };
    for i in 0..ctx.doc.line_count() {
        // Debris is reported as such; a masked 成文日期 by the signature rules.
        if ctx.outline.chrome[i] || Some(i) == date_line {
            continue;
        }
        let span = content_span(ctx.doc, i);
        let t = &ctx.doc.text[span.clone()];
        let line_start = found.len();
        for m in blank_brackets(t) {
            let context: String = t[m.end..].chars().take(3).collect();
            let d = Diagnostic::new(
                &PLACEHOLDER,
                span.start + m.start..span.start + m.end,
                format!("“{}{context}”中有未填写的占位符", &t[m.clone()]),
                HELP,
            );
            found.push((d, Kind::Blank));
        }
        let is_x = |c: char| matches!(c, 'x' | 'X' | 'Ｘ' | '×');
        // A Word table's cell of nothing but "XX" or "××": a value never filled in.
        if ctx.doc.lines[i].origin.cell.is_some() && t.chars().count() >= 2 && t.chars().all(is_x) {
            let d = Diagnostic::new(
                &PLACEHOLDER,
                span.clone(),
                format!("表格中的“{t}”是未填写的占位符"),
                HELP,
            );
            found.push((d, Kind::Blank));
            continue;
        }
        // What every alternative holds: most reports have none, and the pattern, costly to
        // build, is then never built. (待 and 此 alone are common: 有待, 因此.)
        let doubled_x = t
            .chars()
            .zip(t.chars().skip(1))
            .any(|(a, b)| is_x(a) && is_x(b));
        let may_match = doubled_x
            || t.contains(['*', '＊', '□', '■'])
            || t.contains('_')
            || t.contains('＿')
            || t.contains(['«', '<', '＜', '【', '[', '［'])
            || t.contains(['X', 'Ｘ', '×'])
            || t.contains(['〇', '○'])
            || ["某某", "待填", "待补", "待定", "待核", "此处", "Click"]
                .iter()
                .any(|w| t.contains(w));
        if !may_match {
            continue;
        }
        for c in patterns().captures_iter(t) {
            // "用“□□”表示": the marks named, not left blank.
            if c.name("box").is_some_and(|m| {
                t[..m.start()].ends_with(['“', '‘']) && t[m.end()..].starts_with(['”', '’'])
            }) {
                continue;
            }
            let (m, (what, kind)) = if let Some(m) = c.name("star") {
                // "{ PAGE \* MERGEFORMAT }": a Word field switch, reported as residue.
                if t[..m.start()].ends_with('\\') && t[m.end()..].starts_with(' ') {
                    continue;
                }
                // A lone star: a footnote mark when the text explains it, quoted as the
                // mark itself ("标“*”的"), or ending a table's label ("审查率*⇥100%").
                let lone = m.as_str().chars().count() == 1;
                let quoted = t[..m.start()].ends_with(['“', '‘', '"'])
                    && t[m.end()..].starts_with(['”', '’', '"']);
                let ends_label = t[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(crate::text::is_han)
                    && t[m.end()..].chars().next().is_none_or(|c| c == '\t');
                if lone && (quoted || ends_label || starred_note() || service_hours(t, m.range())) {
                    continue;
                }
                let after = t[m.end()..].chars().next();
                // Markdown emphasis and bullets are markup; a masked number touches a unit.
                if markdown && !after.is_some_and(|a| UNITS.contains(a) || a.is_ascii_digit()) {
                    continue;
                }
                // "**100%**": the same delimiter closes the emphasis later on the line.
                let run = m.as_str();
                if markdown && run.len() <= 2 && run.bytes().all(|b| b == b'*') {
                    let rest = &t[m.end()..];
                    if rest.contains(run) || t[..m.start()].contains(run) {
                        continue;
                    }
                }
                // "**主要负责人带头学法。**" in a .txt pasted from an editor: bold words, not
                // a mask, which touches a figure's unit ("**件") or a digit.
                if run == "**" && in_emphasis(t, m.start()) {
                    continue;
                }
                // "王**、李**": names masked on purpose; "王**件" is a figure's.
                if run.chars().count() <= 3
                    && !t[m.end()..].starts_with(|c: char| UNITS.contains(c))
                    && !t[m.end()..].starts_with(|c: char| c.is_ascii_digit())
                    && ctx.lexicon().is_masked_name(&t[..m.start()])
                {
                    continue;
                }
                (
                    m,
                    (
                        "被遮盖的内容（原文的数字或字母被替换成了“*”）",
                        Kind::Masked('*'),
                    ),
                )
            } else if let Some(found) = template_blank(t, &c) {
                // "张××、李××等3名": names masked on purpose, as "王**" is.
                let m = found.0;
                let crosses = m.as_str().chars().take_while(|&c| matches!(c, '×' | 'Ｘ'));
                let end = m.start() + crosses.clone().map(char::len_utf8).sum::<usize>();
                if (1..=3).contains(&crosses.count())
                    && !t[end..].starts_with(|c: char| UNITS.contains(c))
                    && ctx.lexicon().is_masked_name(&t[..m.start()])
                {
                    continue;
                }
                found
            } else {
                continue;
            };
            if kind == Kind::Blank && quoted_form(t, m.range()) {
                continue;
            }
            // "****年*月", "X月X日": one date masked or left blank, not one finding for each
            // of its numbers.
            if let Some((last, last_kind)) = found[line_start..].last_mut()
                && *last_kind == kind
            {
                // (An empty bracket found first may lie after this match.)
                let gap = ctx
                    .doc
                    .text
                    .get(last.span.end..span.start + m.start())
                    .unwrap_or("");
                if !gap.is_empty()
                    && gap.chars().count() <= 2
                    && gap.chars().all(|c| "年月日号".contains(c))
                    && last.span.len() < MAX_DATE_BYTES
                {
                    last.span.end = span.start + m.end();
                    // With the date's unit a mask of stars leaves after it ("****年*月").
                    let mut whole = span.start + c.get(0).map_or(m.end(), |w| w.end());
                    if whole == span.start + m.end()
                        && let Some(u) = ctx.doc.text[whole..].chars().next()
                        && "年月日号".contains(u)
                    {
                        whole += u.len_utf8();
                    }
                    last.message = format!("“{}”中有{what}", &ctx.doc.text[last.span.start..whole]);
                    continue;
                }
            }
            let shown = &t[m.start()..c.get(0).map_or(m.end(), |w| w.end())];
            let context: String = t[m.end()..].chars().take(3).collect();
            let shown = if shown.len() == m.len() {
                format!("{shown}{context}")
            } else {
                shown.to_string()
            };
            let d = Diagnostic::new(
                &PLACEHOLDER,
                span.start + m.start()..span.start + m.end(),
                format!("“{shown}”中有{what}"),
                HELP,
            );
            found.push((d, kind));
        }
    }
    // Stars and black squares alike mask values, also mixed in one copy; a template's
    // blanks (××, □□) mask nothing and stay errors.
    let marks: Vec<char> = found
        .iter()
        .filter_map(|(_, k)| match k {
            Kind::Masked(c) => Some(*c),
            Kind::Blank => None,
        })
        .collect();
    if marks.len() >= MASKED_DOCUMENT_MIN
        && let Some((first, _)) = found.first()
    {
        let shown: String = ['*', '■']
            .iter()
            .filter(|c| marks.contains(c))
            .map(|c| format!("“{c}”"))
            .collect();
        out.push(Diagnostic::new(
            &MASKED_DOCUMENT,
            first.span.clone(),
            format!(
                "全文有{}处内容被{shown}遮盖，这是经过脱敏或遮盖处理的副本",
                marks.len()
            ),
            "遮盖处的数字、年份和日期都无法核对；请用未遮盖的原始文件检查，下面逐处列出",
        ));
        for (d, kind) in &mut found {
            if *kind != Kind::Blank {
                d.severity = Severity::Warning;
            }
        }
    }
    out.extend(found.into_iter().map(|(d, _)| d));
}
