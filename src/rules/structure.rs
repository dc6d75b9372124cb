//! structure: the title, the 主送机关 and the statutory parts of the report (督察工作规定
//! Art. 25), read from the profile.

use super::Context;
use crate::diagnostic::{Category, Diagnostic, RuleMeta, Severity};
use crate::lazy_regex::static_regex;
use crate::outline::{Heading, content_span, first_year};
use crate::profile::Part;
use crate::rules::findings::Findings;
use crate::text::{squeeze, trim_indent};
use std::ops::Range;

pub mod file_name;
pub mod not_a_report;

pub static EMPTY_DOCUMENT: RuleMeta = RuleMeta {
    code: "GW0100",
    name: "empty-document",
    category: Category::Structure,
    severity: Severity::Error,
    summary: "文件没有任何正文内容",
    doc: "文件为空或只有空白字符，无法作为报告检查。\n\n常见原因：导出失败、复制时丢失内容、把模板当成了报告。\n\n示例：一个 0 字节的 .txt 文件。",
};

pub static MISSING_TITLE: RuleMeta = RuleMeta {
    code: "GW0101",
    name: "missing-title",
    category: Category::Structure,
    severity: Severity::Error,
    summary: "缺少标题",
    doc: "公文标题由发文机关名称、事由和文种组成（《党政机关公文处理工作条例》第九条；GB/T 9704-2012 7.3.1），位于正文之前，可分一行或多行居中排布。\n\n报告开头直接是主送机关或正文时报告此问题。\n\n示例（不规范）：\n  市委、市政府：\n  2023年，我局……\n示例（规范）：\n  青禾市卫生健康委员会2024年法治政府建设年度报告\n  市委、市政府：",
};

pub static TITLE_INCOMPLETE: RuleMeta = RuleMeta {
    code: "GW0102",
    name: "title-incomplete",
    category: Category::Structure,
    severity: Severity::Error,
    summary: "标题缺少年度、事由或文种",
    doc: "法治政府建设年度报告的标题应写明报告年度、事由（法治政府建设）和文种（报告），例如“××市卫生健康委员会2024年法治政府建设年度报告”或“××局关于2024年度法治政府建设情况的报告”。跨行的标题先合并再检查。\n\n示例（不规范）：西陵市卫生健康委员会法治政府建设年度报告（缺少年度）",
};

pub static MISSING_ADDRESSEE: RuleMeta = RuleMeta {
    code: "GW0103",
    name: "missing-addressee",
    category: Category::Structure,
    severity: Severity::Warning,
    summary: "缺少主送机关",
    doc: "报告是上行文，应在标题下一行顶格写主送机关，最后一个机关名称后用全角冒号（GB/T 9704-2012 7.3.2）。网页转载的报告常常丢掉这一行，因此默认是警告。\n\n示例（规范）：\n  市委、市政府：",
};

pub static MISSING_PART: RuleMeta = RuleMeta {
    code: "GW0104",
    name: "missing-part",
    category: Category::Structure,
    severity: Severity::Error,
    summary: "缺少法定报告内容",
    doc: "《法治政府建设与责任落实督察工作规定》第二十五条规定年度报告一般包括：（一）主要举措和成效；（二）存在的不足和原因；（三）党政主要负责人履行推进法治建设第一责任人职责情况；（四）下一年度主要安排；（五）其他需要报告的情况。\n\n各部分的标题写法（及同义说法）由报告类型配置 rules/fazhi-report.toml 给出；缺少举措成效或下一年度安排是错误，缺少不足和原因、第一责任人部分是警告，第（五）项可以省略。有标题、标题下却没有任何内容的部分（模板中的标题没有填写），按缺少这一部分报告。\n\n示例（不规范）：全文只有“一、主要举措和成效”“二、下一步工作打算”，没有第一责任人履职情况。",
};

pub static PART_NOT_HEADED: RuleMeta = RuleMeta {
    code: "GW0105",
    name: "part-not-headed",
    category: Category::Structure,
    severity: Severity::Warning,
    summary: "法定内容没有单列一部分",
    doc: "第二十五条规定的内容只在其他部分中以一句话带过（警告），或者只作为下级小标题出现（提示：有的省份的模板就是这样安排的，如广东把第一责任人履职情况列为第一部分的“（三）”），没有作为一级标题单独成部分。督察时不易找到，建议单列。\n\n示例：第一责任人履职情况只写成“（十）……二是落实第一责任人职责”。",
};

pub static PART_ORDER: RuleMeta = RuleMeta {
    code: "GW0106",
    name: "part-order",
    category: Category::Structure,
    severity: Severity::Info,
    summary: "各部分顺序与第二十五条不同",
    doc: "各部分的排列顺序与《法治政府建设与责任落实督察工作规定》第二十五条的顺序不同。第二十五条说“一般包括”，不强制顺序，许多地方把第一责任人履职情况放在最前或紧接举措成效之后，这一部分的位置因此不算顺序不同（报告类型配置 rules/fazhi-report.toml 中 placed_freely = true 的部分）；其他部分顺序不同时只作提示。\n\n示例：一、主要举措和成效 二、下一年度主要安排 三、存在的不足和原因",
};

pub static SHORTFALLS_WITHOUT_CAUSES: RuleMeta = RuleMeta {
    code: "GW0107",
    name: "shortfalls-without-causes",
    category: Category::Structure,
    severity: Severity::Warning,
    summary: "只写了问题和不足，没有分析原因",
    doc: "第二十五条第（二）项要求报告“存在的不足和原因”。本部分没有出现“原因”“根源”等分析原因的内容。\n\n示例（不规范）：二、存在的问题和不足（全部分没有分析原因）\n示例（规范）：二、存在的不足和原因",
};

pub static REQUEST_IN_REPORT: RuleMeta = RuleMeta {
    code: "GW0108",
    name: "request-in-report",
    category: Category::Structure,
    severity: Severity::Warning,
    summary: "报告中夹带请示事项",
    doc: "《党政机关公文处理工作条例》第十五条：报告中不得夹带请示事项。需要上级批复的事项应另行请示。报告的是“妥否，请批示”“请予批准”“请审批”“请批转”“恳请……解决（支持、倾斜）”“请（望）市政府……协调解决（给予支持）”这类由报告单位自己提出的请求；转述他人的请求（“群众恳请……的问题”“报请市政府审批”）、同一句后面写了结果的已办请求（“恳请省卫生健康委给予倾斜，争取到项目资金1200万元”）和引号中的用语不报告。\n\n示例（不规范）：以上报告，妥否，请批示。",
};

pub static NOT_A_REPORT: RuleMeta = RuleMeta {
    code: "GW0109",
    name: "not-a-report",
    category: Category::Structure,
    severity: Severity::Warning,
    summary: "文件不像年度报告",
    doc: "一批报告的文件夹里常夹着别的文件：报送说明、联系人名单，或者保存在同一文件夹里的 gwlint 检查结果。这样的文件不按报告检查（否则会报告缺少标题、各部分和落款），只给出这一条警告；gwlint 自己的检查结果只给出一条提示，不影响退出码。\n\n判断条件：文件是 gwlint 的检查结果；或者是标题为“（机关）关于报送……的说明（函）”、不足300个汉字的报送说明或报送函；或者是标题为“……关于……的通知”的通知（如上级要求报送报告的通知）；或者没有含“报告”的标题、没有小标题、没有成文日期、没有写到报告的任何一部分，且不足300个汉字。篇幅更长的文字即使没有小标题，也按报告检查。\n\n示例：一份三行的“报送说明”。",
};

pub static FILE_NAME_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0110",
    name: "file-name-mismatch",
    category: Category::Structure,
    severity: Severity::Warning,
    summary: "文件名与报告的年度或发文机关不符",
    doc: "各单位报送的文件通常以单位和年度命名，如“桃源县卫生健康局2024年法治政府建设年度报告.docx”。文件名写的年度与标题中的报告年度不同，或者文件名开头的地名（省、市、县、区、旗、州、盟）在标题和落款中都没有出现，多半是报送时拿错了文件：把上一年度的报告又报了一次，或者报送了其他单位的报告。汇总审核时按文件名归档，这样的文件容易被当成已按要求报送。

只比较文件名中明确的年度（“2024年”“2024年度”“2024法治……”，不含“2025年1月20日”这类报送日期）和文件名开头的地名；文件名没有写年度或地名（如“第一稿.docx”）时不检查。

示例（不规范）：文件名“玉屏县卫生健康局2024年法治政府建设年度报告.docx”，标题是“金沙县卫生健康局2024年法治政府建设年度报告”。",
};

pub static RULES: &[&RuleMeta] = &[
    &EMPTY_DOCUMENT,
    &NOT_A_REPORT,
    &MISSING_TITLE,
    &TITLE_INCOMPLETE,
    &MISSING_ADDRESSEE,
    &MISSING_PART,
    &PART_NOT_HEADED,
    &PART_ORDER,
    &SHORTFALLS_WITHOUT_CAUSES,
    &REQUEST_IN_REPORT,
    &FILE_NAME_MISMATCH,
];

pub fn check_empty(ctx: &Context, out: &mut Findings) {
    // A Word file of pictures only is refused when read (a scan), so this is an empty file.
    out.push(Diagnostic::new(
        &EMPTY_DOCUMENT,
        0..ctx.doc.text.len(),
        "文件没有任何正文内容",
        "确认导出或保存是否成功；空文件不能作为报告提交",
    ));
}

pub fn check(ctx: &Context, out: &mut Findings) {
    check_title(ctx, out);
    check_addressee(ctx, out);
    check_parts(ctx, out);
    check_requests(ctx, out);
    file_name::check(ctx, out);
}

/// A point at the start of a line's text, for findings about something absent.
fn line_point(ctx: &Context, line: usize) -> Range<usize> {
    let s = content_span(ctx.doc, line);
    s.start..s.start
}

fn check_title(ctx: &Context, out: &mut Findings) {
    let Some(title) = &ctx.outline.title else {
        let at = ctx
            .outline
            .addressee
            .unwrap_or(ctx.outline.first_body_line(ctx.doc));
        out.push(Diagnostic::new(
            &MISSING_TITLE,
            line_point(ctx, at),
            "缺少标题：报告开头没有“发文机关＋年度＋法治政府建设＋报告”形式的标题",
            "在主送机关之前加上标题，例如“××市卫生健康局2024年法治政府建设年度报告”",
        ));
        return;
    };
    let rules = &ctx.profile.title;
    let mut missing = Vec::new();
    if first_year(&title.text).is_none() {
        let raw = &ctx.doc.text[title.span.clone()];
        match crate::numerals::chinese_year(raw) {
            // GB/T 15835-2011: a year is written in Arabic numerals, in full.
            Some((at, year)) => out.push(
                Diagnostic::new(
                    &TITLE_INCOMPLETE,
                    title.span.start + at.start..title.span.start + at.end,
                    format!("标题中的年度“{}”用了汉字数字", &raw[at.clone()]),
                    format!("年份用阿拉伯数字书写（GB/T 15835-2011），改为“{year}年”"),
                )
                .with_fix(format!("{year}年"), false),
            ),
            None => missing.push("年度".to_string()),
        }
    }
    if !rules.subject.is_match(&title.text) {
        missing.push(format!("事由“{}”", rules.subject_label));
    }
    if !rules.doctype.is_match(&title.text) {
        missing.push(format!("文种“{}”", rules.doctype_label));
    }
    if !missing.is_empty() {
        out.push(Diagnostic::new(
            &TITLE_INCOMPLETE,
            title.span.clone(),
            format!("标题缺少{}", missing.join("、")),
            "标题应写明发文机关、报告年度、事由和文种，例如“××局2024年法治政府建设年度报告”",
        ));
    }
}

fn check_addressee(ctx: &Context, out: &mut Findings) {
    let Some(severity) = ctx.profile.addressee_severity else {
        return;
    };
    if ctx.outline.addressee.is_some() {
        return;
    }
    let at = ctx.outline.first_body_line(ctx.doc);
    // The example at the issuer's own level: a 县's report goes to 县委、县政府.
    let level = ctx
        .outline
        .title
        .as_ref()
        .and_then(|t| crate::unit_name::places_in(&t.text).last().copied())
        .and_then(|p| p.chars().last())
        .filter(|c| "省市县区州".contains(*c))
        .unwrap_or('县');
    out.push(
        Diagnostic::new(
            &MISSING_ADDRESSEE,
            line_point(ctx, at),
            "缺少主送机关：标题之后、正文之前没有“××：”形式的主送机关",
            format!("在标题下一行顶格写主送机关，以全角冒号结尾，例如“{level}委、{level}政府：”"),
        )
        .with_severity(severity),
    );
}

/// How a statutory part was found.
#[derive(Clone, Copy)]
enum Found<'h> {
    Headed(&'h Heading),
    SubHeading(&'h Heading),
    /// A line of its own that is the part's heading without its number (numbering reports
    /// the number).
    Unnumbered(usize),
    Mentioned(usize, usize),
}

/// Longest line read as a part's heading that lost its number.
const MAX_UNNUMBERED_PART_CHARS: usize = 40;

/// Line `i` is a statutory part's heading on a line of its own, without its number
/// ("2025年推进法治政府建设的主要安排" between the last part and the 落款).
pub(crate) fn unnumbered_part_title<'p>(ctx: &'p Context, i: usize) -> Option<&'p Part> {
    let o = ctx.outline;
    // (Not the title of "第三部分" on the line above.)
    let titles_a_part_above = || {
        o.heading_over(i)
            .is_some_and(|h| h.title.start >= ctx.doc.lines[i].start)
    };
    if o.chrome[i]
        || o.table_rows[i]
        || o.heading_at(i).is_some()
        || !o.body.contains(&i)
        || titles_a_part_above()
    {
        return None;
    }
    let t = trim_indent(ctx.doc.line(i)).trim_end();
    // (A sentence ends in 。: "无其他需要报告的情况。")
    if t.chars().count() > MAX_UNNUMBERED_PART_CHARS
        || t.contains(['。', '，', '；', '：', ',', ';', ':'])
        || crate::outline::parse_marker(t).is_some()
    {
        return None;
    }
    ctx.part_named(&squeeze(t))
}

fn heading_text(ctx: &Context, h: &Heading) -> String {
    squeeze(&ctx.doc.text[h.title.clone()])
        .chars()
        .take(60)
        .collect()
}

/// The parts the pieces of a heading joined by 及, 和, 与 or 暨 name, each on its own.
fn merged_parts<'p>(ctx: &'p Context, text: &str) -> Vec<&'p Part> {
    static_regex!(r"以及|[及和与暨、]")
        .split(text)
        .filter(|piece| piece.chars().count() >= 2)
        .filter_map(|piece| ctx.part_named(piece))
        .collect()
}

fn check_parts(ctx: &Context, out: &mut Findings) {
    let parts = &ctx.profile.parts;
    let top = ctx.outline.top_level();
    let mut found: Vec<Option<Found>> = vec![None; parts.len()];
    let mut top_order: Vec<(usize, &Heading)> = Vec::new();
    let themes = ctx.themes();
    for h in ctx
        .outline
        .headings
        .iter()
        .filter(|h| !themes.contains(&h.line))
    {
        let text = heading_text(ctx, h);
        let Some(part) = ctx.part_named(&text) else {
            continue;
        };
        let k = parts
            .iter()
            .position(|p| std::ptr::eq(p, part))
            .unwrap_or(0);
        let is_top = Some(h.level()) == top || h.level() == 0;
        match (found[k], is_top) {
            (None | Some(Found::SubHeading(_)), true) => {
                found[k] = Some(Found::Headed(h));
                top_order.push((k, h));
            }
            // "（七）科学谋划下一年度工作计划": a measure of the year, not the plan.
            (None, false) if part.measures.as_ref().is_some_and(|m| m.is_match(&text)) => {}
            (None, false) => found[k] = Some(Found::SubHeading(h)),
            _ => {}
        }
        // "三、存在问题及下一步打算": one heading for two parts, each named in its words.
        if is_top {
            for other in merged_parts(ctx, &text) {
                if let Some(j) = parts.iter().position(|p| std::ptr::eq(p, other))
                    && j != k
                    && !matches!(found[j], Some(Found::Headed(_)))
                {
                    found[j] = Some(Found::Headed(h));
                }
            }
        }
    }
    if let Some(k) = parts.iter().position(|p| p.leading)
        && matches!(found[k], None | Some(Found::SubHeading(_)))
        && let Some(h) = first_unnamed_top(ctx, top, &top_order, themes)
    {
        found[k] = Some(Found::Headed(h));
        top_order.insert(0, (k, h));
    }
    // What the plan for next year says will be done is no account of this year's.
    let plans: Vec<Range<usize>> = parts
        .iter()
        .zip(&found)
        .filter(|(p, _)| p.year_offset == Some(1))
        .filter_map(|(_, f)| match f {
            Some(Found::Headed(h) | Found::SubHeading(h)) => Some(section_lines(ctx, h)),
            _ => None,
        })
        .collect();
    for (k, part) in parts.iter().enumerate() {
        if found[k].is_none() {
            found[k] = ctx
                .outline
                .body
                .clone()
                .find(|&i| unnumbered_part_title(ctx, i).is_some_and(|p| std::ptr::eq(p, part)))
                .map(Found::Unnumbered)
                .or_else(|| find_mention(ctx, part, &plans).map(|(l, o)| Found::Mentioned(l, o)));
        }
    }
    let mut empty_said: Vec<usize> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        match found[k] {
            Some(Found::Headed(h)) if is_empty(ctx, h) => {
                // A heading merging two parts is said once.
                if let Some(severity) = part.severity
                    && !empty_said.contains(&h.line)
                {
                    empty_said.push(h.line);
                    out.push(
                        Diagnostic::new(
                            &MISSING_PART,
                            h.marker.start..h.title.end,
                            format!("“{}”部分只有标题，没有内容", part.short),
                            format!("在这一标题下写明{}的具体内容，或删去这个空标题", part.label),
                        )
                        .with_severity(severity),
                    );
                }
            }
            Some(Found::Headed(h)) => check_causes(ctx, part, h, out),
            Some(Found::Unnumbered(_)) => {}
            Some(Found::SubHeading(h)) => {
                // Some provinces' templates put it there on purpose (广东: 一、…（三）切实履行
                // 第一责任人职责): a suggestion, not a warning.
                out.push(
                    not_headed(part, h.marker.start..h.title.end, "只作为下级小标题出现")
                        .with_severity(Severity::Info),
                );
                check_causes(ctx, part, h, out);
            }
            Some(Found::Mentioned(line, off)) => {
                let s = content_span(ctx.doc, line);
                let start = (s.start + off).min(s.end);
                let end = ctx.doc.text[start..s.end]
                    .char_indices()
                    .nth(20)
                    .map_or(s.end, |(i, _)| start + i);
                out.push(not_headed(part, start..end, "只在其他部分中一笔带过"));
            }
            None => {
                if let Some(severity) = part.severity {
                    out.push(missing_part(ctx, part, &found[k + 1..], severity));
                }
            }
        }
    }
    check_order(ctx, &top_order, out);
}

/// Top-level headings that name a part a later one of their level names again: themes of
/// the measures ("一、压实第一责任人职责，加强组织领导" before "七、党政主要负责人履行推进法治
/// 建设第一责任人职责情况"), not the part.
pub(crate) fn theme_headings(ctx: &Context) -> Vec<usize> {
    let top = ctx.outline.top_level();
    let named: Vec<(&Heading, &Part)> = ctx
        .outline
        .headings
        .iter()
        .filter(|h| Some(h.level()) == top)
        .filter_map(|h| Some((h, ctx.part_named(&heading_text(ctx, h))?)))
        .collect();
    named
        .iter()
        .enumerate()
        .filter(|(k, (_, part))| named[k + 1..].iter().any(|(_, p)| std::ptr::eq(*p, *part)))
        .map(|(_, (h, _))| h.line)
        .collect()
}

/// The first top-level heading, before any that names a part, that names none itself or
/// is one of the `themes`. A part placed anywhere (the 第一责任人's, often first) does not
/// end the search: the measures' themes may follow it.
fn first_unnamed_top<'o>(
    ctx: &'o Context,
    top: Option<u8>,
    named: &[(usize, &Heading)],
    themes: &[usize],
) -> Option<&'o Heading> {
    let parts = &ctx.profile.parts;
    let first_named = named
        .iter()
        .filter(|&&(k, _)| !parts.get(k).is_some_and(|p| p.placed_freely))
        .map(|(_, h)| h.line)
        .min()?;
    ctx.outline
        .headings
        .iter()
        .take_while(|h| h.line < first_named)
        .find(|h| {
            Some(h.level()) == top
                && (themes.contains(&h.line) || ctx.part_named(&heading_text(ctx, h)).is_none())
        })
}

fn find_mention(ctx: &Context, part: &Part, plans: &[Range<usize>]) -> Option<(usize, usize)> {
    let re = part.mention.as_ref()?;
    ctx.outline
        .body
        .clone()
        .filter(|&i| !ctx.outline.chrome[i] && !plans.iter().any(|r| r.contains(&i)))
        .find_map(|i| {
            let s = content_span(ctx.doc, i);
            re.find(&ctx.doc.text[s.clone()]).map(|m| (i, m.start()))
        })
}

fn not_headed(part: &Part, span: Range<usize>, how: &str) -> Diagnostic {
    Diagnostic::new(
        &PART_NOT_HEADED,
        span,
        format!("“{}”{}，没有单列一部分", part.short, how),
        format!(
            "按《法治政府建设与责任落实督察工作规定》第二十五条，将“{}”作为一级标题单独成部分",
            part.label
        ),
    )
}

fn missing_part(
    ctx: &Context,
    part: &Part,
    later: &[Option<Found>],
    severity: Severity,
) -> Diagnostic {
    // Point where the part belongs: before the next statutory part that is present.
    let next = later.iter().find_map(|f| match f {
        Some(Found::Headed(h)) => Some(h.marker.start..h.title.end),
        Some(Found::Unnumbered(line)) => Some(line_point(ctx, *line)),
        _ => None,
    });
    // An empty span shows only a caret: the advice says where the caret is.
    let next_line = next.as_ref().map(|s| ctx.doc.position(s.start).line - 1);
    let sign_off = sign_off_line(ctx);
    let place = match (next_line, sign_off) {
        (Some(line), _) => format!(
            "在“{}”之前",
            crate::text::abridged(ctx.doc.line(line).trim(), 24)
        ),
        (None, Some(_)) => "在落款之前".to_string(),
        (None, None) => "在正文末尾".to_string(),
    };
    // Last of the parts: before the 落款, where the reader looks for it.
    let span = next
        .or_else(|| sign_off.map(|line| line_point(ctx, line)))
        .unwrap_or_else(|| {
            let end = content_span(ctx.doc, ctx.outline.last_body_line(ctx.doc)).end;
            end..end
        });
    // A few words and pictures: the body may be scanned pages.
    let body_words: usize = ctx
        .outline
        .body
        .clone()
        .map(|i| crate::text::han_count(ctx.doc.line(i)))
        .sum();
    let pictured = if ctx.doc.extras.pictures > 0 && body_words < MAX_PICTURED_BODY_CHARS {
        format!(
            "；文中有{}张图片，如果正文是图片（扫描件），gwlint 无法检查其中的文字，请提供文字版",
            ctx.doc.extras.pictures
        )
    } else {
        String::new()
    };
    Diagnostic::new(
        &MISSING_PART,
        span,
        format!("缺少“{}”部分", part.short),
        format!(
            "按《法治政府建设与责任落实督察工作规定》第二十五条，年度报告应包括“{}”，请{place}增加这一部分{pictured}",
            part.label
        ),
    )
    .with_severity(severity)
}

/// The first line of the 落款: the issuer, or the date when no issuer is found.
fn sign_off_line(ctx: &Context) -> Option<usize> {
    ctx.outline
        .issuers
        .first()
        .copied()
        .or(ctx.outline.date.as_ref().map(|d| d.line))
}

/// Fewer Chinese characters than this in the body, beside pictures, may be a scanned body.
const MAX_PICTURED_BODY_CHARS: usize = 500;

/// A heading with nothing under it, nor after its title on its line: a template's heading
/// left unfilled.
fn is_empty(ctx: &Context, h: &Heading) -> bool {
    let o = ctx.outline;
    let line = content_span(ctx.doc, h.line);
    let run_in = ctx.doc.text[h.title.end.clamp(line.start, line.end)..line.end]
        .trim_matches(|c: char| c.is_whitespace() || "。：:".contains(c));
    // "（略）", "（待补充）": a stand-in for the content, not content.
    let stand_in = |t: &str| static_regex!(r"^[（(](略|待补充|待填写|暂无|无)[）)]$").is_match(t);
    run_in.is_empty()
        && section_lines(ctx, h).skip(1).all(|i| {
            let t = trim_indent(ctx.doc.line(i)).trim();
            o.chrome[i] || t.is_empty() || stand_in(t) || crate::furniture::is_copy_to(t)
        })
}

/// The lines a heading governs: up to the next heading of the same or a higher level.
fn section_lines(ctx: &Context, h: &Heading) -> Range<usize> {
    let level = h.level();
    let end = ctx
        .outline
        .headings
        .iter()
        .find(|g| g.line > h.line && g.level() <= level)
        .map_or(ctx.outline.body.end, |g| g.line);
    h.line..end.max(h.line + 1)
}

fn check_causes(ctx: &Context, part: &Part, h: &Heading, out: &mut Findings) {
    let Some(causes) = &part.causes else {
        return;
    };
    // The part's own words: "存在的不足和原因" in its heading promises causes, it gives none.
    let said = section_lines(ctx, h).any(|i| {
        let line = content_span(ctx.doc, i);
        let from = if i == h.line {
            h.title.end.clamp(line.start, line.end)
        } else {
            line.start
        };
        let mut words = squeeze(&ctx.doc.text[from..line.end]);
        for w in &part.not_causes {
            if words.contains(w.as_str()) {
                words = words.replace(w.as_str(), "").into();
            }
        }
        causes.is_match(&words)
    });
    // "二、存在的问题" then "三、问题产生的原因": the causes have a part of their own.
    let next_part_on_causes = ctx
        .outline
        .headings
        .iter()
        .find(|g| g.line > h.line && g.level() <= h.level())
        .is_some_and(|g| causes.is_match(&heading_text(ctx, g)));
    if !said && !next_part_on_causes {
        out.push(Diagnostic::new(
            &SHORTFALLS_WITHOUT_CAUSES,
            h.marker.start..h.title.end,
            // Not "只列举了问题": a heading that joins two parts may head no problems at all.
            format!("“{}”部分没有分析问题产生的原因", trim_indent(&ctx.doc.text[h.title.clone()])),
            if causes.is_match(&heading_text(ctx, h)) {
                "第二十五条第（二）项要求写“存在的不足和原因”：标题写了原因，正文还要分析问题产生的原因"
            } else {
                "第二十五条第（二）项要求写“存在的不足和原因”：补充产生问题的原因分析，并把标题改为“存在的不足和原因”"
            },
        ));
    }
}

fn check_order(ctx: &Context, top_order: &[(usize, &Heading)], out: &mut Findings) {
    let parts = &ctx.profile.parts;
    let ordered: Vec<(usize, &Heading)> = top_order
        .iter()
        .copied()
        .filter(|&(k, _)| !parts[k].placed_freely)
        .collect();
    for pair in ordered.windows(2) {
        let ((a, _), (b, hb)) = (pair[0], pair[1]);
        if b < a {
            out.push(Diagnostic::new(
                &PART_ORDER,
                hb.marker.start..hb.title.end,
                format!(
                    "“{}”排在“{}”之后，与第二十五条的顺序不同",
                    parts[b].short, parts[a].short
                ),
                "第二十五条的顺序是：举措和成效、不足和原因、第一责任人履职情况、下一年度安排、其他情况；如无特别需要，可按此顺序排列",
            ));
            return;
        }
    }
}

/// How far after a request its answer is looked for.
const MAX_ANSWER_BYTES: usize = 300;

fn check_requests(ctx: &Context, out: &mut Findings) {
    let Some(re) = &ctx.profile.request else {
        return;
    };
    for i in ctx.outline.body.clone() {
        let mut s = content_span(ctx.doc, i);
        // "（五）恳请市政府协调解决…": the request opens the item after its marker.
        s.start += crate::outline::parse_marker(&ctx.doc.text[s.clone()]).map_or(0, |m| m.2);
        let line = &ctx.doc.text[s.clone()];
        let mut quotes = None;
        for m in re.find_iter(line) {
            // "对下级“请予批准”的请示事项": a request quoted is not one made.
            let quotes = quotes.get_or_insert_with(|| crate::quantity::Text::new(line));
            if quotes.in_any_quote(&m.range()) {
                continue;
            }
            // Read at most a long sentence's worth: a line of requests is read once.
            let window =
                crate::text::floor_char(line, (m.end() + MAX_ANSWER_BYTES).min(line.len()));
            let sentence_end = line[m.end()..window]
                .find(['。', '；', '！'])
                .map_or(window, |k| m.end() + k);
            let rest = &line[m.end()..sentence_end];
            if ctx
                .profile
                .request_granted
                .iter()
                .any(|w| rest.contains(w.as_str()))
            {
                continue;
            }
            // A pattern may take the mark before the wording to know where a clause starts.
            let from_clause = m.as_str().trim_start_matches(['。', '；', '，', ',', '：']);
            let start = m.end() - from_clause.len();
            let shown = from_clause.trim_end_matches(['。', '！']);
            out.push(Diagnostic::new(
                &REQUEST_IN_REPORT,
                s.start + start..s.start + start + shown.len(),
                format!("报告中出现请示用语“{shown}”"),
                "报告不得夹带请示事项（《党政机关公文处理工作条例》第十五条）；需要批复的事项请另行请示",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::document::{Document, Format};
    use crate::rules::{GOOD_REPORT, codes_of, found_of, text_doc};

    /// Findings of this category only; other categories have their own tests.
    fn only(text: &str) -> Vec<(&'static str, usize)> {
        codes_of("GW01", text)
    }

    fn codes(text: &str) -> Vec<&'static str> {
        only(text).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn complete_report_is_quiet() {
        assert_eq!(only(GOOD_REPORT), []);
    }

    #[test]
    fn empty_document() {
        assert_eq!(codes(" \n\u{3000}\n"), ["GW0100"]);
        let doc = Document::from_paragraphs("t.docx", vec![]);
        assert_eq!(found_of("GW0100", &doc).len(), 1);
    }

    #[test]
    fn missing_title() {
        let text = GOOD_REPORT.replace("青禾市卫生健康委员会2024年法治政府建设年度报告\n", "");
        assert_eq!(only(&text), [("GW0101", 1)]);
    }

    #[test]
    fn title_elements() {
        let text = GOOD_REPORT.replace("2024年法治政府建设年度报告", "法治政府建设年度报告");
        assert_eq!(only(&text), [("GW0102", 1)]);
        let text = GOOD_REPORT.replace("2024年法治政府建设年度报告", "2024年工作总结");
        assert_eq!(codes(&text), ["GW0102"]);
        // A title over two lines is joined before it is checked.
        let text = GOOD_REPORT.replace(
            "2024年法治政府建设年度报告",
            "关于2024年度\n法治政府建设情况的报告",
        );
        assert_eq!(codes(&text), Vec::<&str>::new());
        // A hospital's own wording of the annual report.
        // A department's: the transport ministry's term, a police bureau's.
        for title in [
            "2024年法治医院建设工作报告",
            "2024年依法治院工作报告",
            "2024年法治政府部门建设年度报告",
            "2024年度法治公安建设工作报告",
        ] {
            let text = GOOD_REPORT.replace("2024年法治政府建设年度报告", title);
            assert_eq!(codes(&text), Vec::<&str>::new(), "{title}");
        }
    }

    #[test]
    fn a_year_in_chinese_numerals() {
        let text = GOOD_REPORT.replacen("2024年法治", "二〇二四年法治", 1);
        let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
        let f = found_of("GW0102", &doc);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "二〇二四年");
        assert_eq!(f[0].fix, Some(("2024年".into(), false)));
    }

    #[test]
    fn missing_addressee() {
        let text = GOOD_REPORT.replace("市委、市政府：\n", "");
        assert_eq!(only(&text), [("GW0103", 2)]);
        // The example is at the issuer's level.
        let help = |text: &str| {
            found_of("GW0103", &crate::rules::text_doc(text))[0]
                .help
                .clone()
        };
        assert!(
            help(&text).ends_with("例如“市委、市政府：”"),
            "{}",
            help(&text)
        );
        let county = text.replacen("青禾市卫生健康委员会", "桃源县卫生健康局", 1);
        assert!(
            help(&county).ends_with("例如“县委、县政府：”"),
            "{}",
            help(&county)
        );
    }

    #[test]
    fn a_body_of_pictures_is_said_to_be_one() {
        let text = "青禾市卫生健康委员会2024年法治政府建设年度报告\n市委、市政府：\n\n青禾市卫生健康委员会\n2025年1月20日\n";
        let mut doc = Document::from_text("t.docx", Format::Docx, "docx", text.into());
        doc.extras.pictures = 3;
        let f = found_of("GW0104", &doc);
        assert_eq!(f.len(), 4);
        let linter = crate::Linter::with_defaults();
        let help: Vec<String> = linter
            .lint_document(&doc)
            .into_iter()
            .filter(|d| d.rule.code == "GW0104")
            .map(|d| d.help)
            .collect();
        assert!(help.iter().all(|h| h.contains("文中有3张图片")), "{help:?}");
        // A report written out is not suspected of being pictures.
        let mut doc = Document::from_text("t.docx", Format::Docx, "docx", GOOD_REPORT.into());
        doc.extras.pictures = 3;
        let help: Vec<String> = linter
            .lint_document(&doc)
            .into_iter()
            .map(|d| d.help)
            .collect();
        assert!(help.iter().all(|h| !h.contains("张图片")));
    }

    #[test]
    fn missing_parts_point_where_they_belong() {
        let text = GOOD_REPORT.replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n",
            "",
        );
        assert_eq!(only(&text), [("GW0104", 8)]);
        let text = GOOD_REPORT.replace(
            "四、2025年推进法治政府建设的主要安排\n继续完善依法决策机制，提升依法行政水平。\n",
            "",
        );
        assert_eq!(codes(&text), ["GW0104"]);
    }

    #[test]
    fn heading_synonyms_count_as_present() {
        let text = GOOD_REPORT
            .replace(
                "2024年推进法治政府建设的主要举措和成效",
                "法治政府建设基本情况",
            )
            .replace("四、2025年推进法治政府建设的主要安排", "四、下一步工作打算");
        assert_eq!(codes(&text), Vec::<&str>::new());
        for (from, to) in [
            (
                "2024年推进法治政府建设的主要举措和成效",
                "2024年工作亮点和成效",
            ),
            (
                "2024年推进法治政府建设的主要举措和成效",
                "2024年法治政府建设工作总体情况",
            ),
            ("存在的不足和原因", "存在的困难和问题"),
            ("存在的不足和原因", "存在的薄弱环节及原因"),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "党政主要负责人履职情况",
            ),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "领导班子履行法治建设职责情况",
            ),
            ("2025年推进法治政府建设的主要安排", "下一步努力方向"),
            ("2025年推进法治政府建设的主要安排", "下一步工作举措"),
            ("存在的不足和原因", "短板弱项及原因"),
            ("存在的不足和原因", "面临的困难和挑战"),
            // The plan part named by its time alone, or by a work-plan word.
            ("2025年推进法治政府建设的主要安排", "下一步工作"),
            ("2025年推进法治政府建设的主要安排", "今后工作"),
            ("2025年推进法治政府建设的主要安排", "下步工作"),
            ("2025年推进法治政府建设的主要安排", "2025年工作要点"),
            ("2025年推进法治政府建设的主要安排", "工作展望"),
            // A year's tasks, measures or deployment.
            (
                "2025年推进法治政府建设的主要安排",
                "2025年推进法治政府建设的主要任务",
            ),
            ("2025年推进法治政府建设的主要安排", "2025年主要工作任务"),
            ("2025年推进法治政府建设的主要安排", "2025年度工作部署"),
            // 设想 and 考虑 are plans too; a year's work alone.
            ("2025年推进法治政府建设的主要安排", "2025年工作设想"),
            ("2025年推进法治政府建设的主要安排", "下步工作设想"),
            ("2025年推进法治政府建设的主要安排", "2025年工作考虑"),
            ("2025年推进法治政府建设的主要安排", "2025年的工作"),
            // A year's work named with no plan word: the plan, by its year.
            ("2025年推进法治政府建设的主要安排", "2025年主要工作"),
            ("2025年推进法治政府建设的主要安排", "2025年度主要工作"),
            (
                "2025年推进法治政府建设的主要安排",
                "2025年推进法治政府建设的主要举措",
            ),
            ("2025年推进法治政府建设的主要安排", "2025年法治政府建设工作"),
            (
                "2025年推进法治政府建设的主要安排",
                "“十五五”开局之年法治建设安排",
            ),
            // The shortfalls named without 存在.
            ("存在的不足和原因", "工作中的不足"),
            ("存在的不足和原因", "不足与差距"),
            ("存在的不足和原因", "短板弱项"),
            ("存在的不足和原因", "需要改进的问题"),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "主要负责同志抓法治建设情况",
            ),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "局主要负责人推进法治建设工作情况",
            ),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "领导班子带头推进法治建设情况",
            ),
            // Done in the reported year is its measures.
            (
                "2024年推进法治政府建设的主要举措和成效",
                "全面完成2024年各项任务",
            ),
        ] {
            assert_eq!(
                codes(&GOOD_REPORT.replace(from, to)),
                Vec::<&str>::new(),
                "{to}"
            );
        }
    }

    /// "2024年主要工作" in a report on 2024 is no plan: a heading named by its year alone
    /// is the plan only when the year is the next.
    #[test]
    fn a_year_s_work_of_the_reported_year_is_no_plan() {
        let text = GOOD_REPORT.replace("2025年推进法治政府建设的主要安排", "2024年主要工作");
        assert!(codes(&text).contains(&"GW0104"), "{:?}", codes(&text));
    }

    #[test]
    fn measures_written_under_their_themes() {
        let text = GOOD_REPORT.replace(
            "一、2024年推进法治政府建设的主要举措和成效",
            "一、深入学习贯彻习近平法治思想",
        );
        assert_eq!(codes(&text), Vec::<&str>::new());
        // A theme after the named parts is no measures part.
        let text = GOOD_REPORT
            .replace("一、2024年推进法治政府建设的主要举措和成效\n", "")
            .replace(
                "继续完善依法决策机制，提升依法行政水平。\n",
                "继续完善依法决策机制，提升依法行政水平。\n五、深入学习贯彻习近平法治思想\n全年学法4次。\n",
            );
        assert!(codes(&text).contains(&"GW0104"), "{:?}", codes(&text));
        // The 第一责任人's part first, then the themes.
        let text = GOOD_REPORT
            .replace(
                "一、2024年推进法治政府建设的主要举措和成效\n（一）健全依法决策机制。",
                "一、主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n二、深入学习贯彻习近平法治思想\n（一）健全依法决策机制。",
            )
            .replace("二、存在的不足和原因", "三、存在的不足和原因")
            .replace(
                "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n",
                "",
            );
        assert_eq!(codes(&text), Vec::<&str>::new());
    }

    /// A theme that names a part a later heading names again is one of the measures.
    #[test]
    fn themes_named_like_a_later_part() {
        for theme in [
            "一、压实第一责任人职责，加强组织领导",
            "一、2024年度重点任务完成情况",
        ] {
            let text = GOOD_REPORT.replace("一、2024年推进法治政府建设的主要举措和成效", theme);
            let all: Vec<&str> = crate::Linter::with_defaults()
                .lint_document(&text_doc(&text))
                .iter()
                .map(|d| d.rule.code)
                .collect();
            assert_eq!(all, Vec::<&str>::new(), "{theme}");
        }
        // Named once, the heading is still that part, out of place.
        let text = GOOD_REPORT
            .replace(
                "一、2024年推进法治政府建设的主要举措和成效",
                "一、压实第一责任人职责，加强组织领导",
            )
            .replace(
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                "三、其他工作情况",
            );
        assert!(codes(&text).contains(&"GW0104"), "{:?}", codes(&text));
    }

    #[test]
    fn a_missing_last_part_is_expected_before_the_sign_off() {
        let text = GOOD_REPORT.replace(
            "四、2025年推进法治政府建设的主要安排\n继续完善依法决策机制，提升依法行政水平。\n",
            "",
        );
        // Line 10 is now the 落款.
        assert_eq!(only(&text), [("GW0104", 10)]);
        // The caret alone does not say where: the advice does.
        let f = found_of("GW0104", &text_doc(&text));
        assert!(f[0].help.contains("请在落款之前增加"), "{}", f[0].help);
        let text = GOOD_REPORT.replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n",
            "",
        );
        let f = found_of("GW0104", &text_doc(&text));
        assert!(
            f[0].help
                .contains("请在“四、2025年推进法治政府建设的主要安排”之前增加"),
            "{}",
            f[0].help
        );
    }

    #[test]
    fn part_mentioned_only_in_passing() {
        let text = GOOD_REPORT.replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n",
            "",
        )
        .replace("全部经过合法性审查。", "全部经过合法性审查，主要负责人切实履行第一责任人职责。");
        assert_eq!(only(&text), [("GW0105", 5)]);
        let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
        assert_eq!(found_of("GW0105", &doc)[0].severity, Severity::Warning);
        // Said only in the plan for next year: the part is missing.
        let text = GOOD_REPORT
            .replace(
                "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n",
                "",
            )
            .replace("四、2025年", "三、2025年");
        let plan = text.find("三、2025年").unwrap();
        let line_end = plan + text[plan..].find('\n').unwrap() + 1;
        let text = format!(
            "{}主要负责人将切实履行第一责任人职责。\n{}",
            &text[..line_end],
            &text[line_end..]
        );
        assert_eq!(codes(&text), ["GW0104"], "{text}");
    }

    #[test]
    fn part_as_a_sub_heading() {
        let text = GOOD_REPORT
            .replace("三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n", "")
            .replace("（一）健全依法决策机制。", "（一）主要负责人履行第一责任人职责情况。");
        assert_eq!(only(&text), [("GW0105", 5)]);
        // A province's template may place it so: a suggestion, where a sentence in passing
        // is a warning.
        let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
        assert_eq!(found_of("GW0105", &doc)[0].severity, Severity::Info);
    }

    #[test]
    fn a_part_with_only_its_heading() {
        let leader = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，亲自部署法治建设工作。\n";
        let empty = GOOD_REPORT.replace(
            leader,
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n",
        );
        let f = found_of("GW0104", &text_doc(&empty));
        assert_eq!(
            f.iter()
                .map(|f| (f.line, f.message.as_str()))
                .collect::<Vec<_>>(),
            [(
                8,
                "“党政主要负责人履行推进法治建设第一责任人职责情况”部分只有标题，没有内容"
            )]
        );
        let stand_in = GOOD_REPORT.replace(
            leader,
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n（略）\n",
        );
        assert_eq!(codes(&stand_in), ["GW0104"]);
        // Its words run on after the title on its line.
        let run_in = GOOD_REPORT.replace(
            leader,
            "三、党政主要负责人履行推进法治建设第一责任人职责情况。主要负责人带头学法。\n",
        );
        assert_eq!(only(&run_in), []);
    }

    #[test]
    fn a_measure_about_next_years_plan_is_no_plan() {
        let (plan, _) = GOOD_REPORT.split_at(GOOD_REPORT.find("四、2025年").unwrap());
        let tail = &GOOD_REPORT[GOOD_REPORT.find("青禾市卫生健康委员会\n2025年").unwrap()..];
        let without_plan = format!("{plan}{tail}");
        let measure = without_plan.replace(
            "（一）健全依法决策机制。",
            "（一）科学谋划下一年度工作计划。",
        );
        assert_eq!(
            only(&measure).iter().map(|f| f.0).collect::<Vec<_>>(),
            ["GW0104"]
        );
        // A part that plans next year, named by what it does.
        for heading in [
            "四、科学谋划2025年法治政府建设工作",
            "四、着力谋划好明年工作",
        ] {
            let text = GOOD_REPORT.replace("四、2025年推进法治政府建设的主要安排", heading);
            assert_eq!(only(&text), [], "{heading}");
        }
        // The plan itself, written as a sub-heading, is there in the wrong place.
        let misplaced =
            without_plan.replace("（一）健全依法决策机制。", "（一）下一年度工作计划。");
        assert_eq!(
            only(&misplaced).iter().map(|f| f.0).collect::<Vec<_>>(),
            ["GW0105"]
        );
    }

    #[test]
    fn parts_out_of_order_is_info_only() {
        let text = GOOD_REPORT.replace(
            "二、存在的不足和原因\n一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n",
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n三、存在的不足和原因\n一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。\n",
        );
        // Templates place the 第一责任人 part freely: ahead of the shortfalls is no finding.
        assert_eq!(only(&text), []);
        let shortfalls = "二、存在的不足和原因\n一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。\n";
        let plans =
            "四、2025年推进法治政府建设的主要安排\n继续完善依法决策机制，提升依法行政水平。\n";
        let text = GOOD_REPORT
            .replace(
                shortfalls,
                "二、2025年推进法治政府建设的主要安排\n继续完善依法决策机制。\n",
            )
            .replace(
                plans,
                "四、存在的不足和原因\n执法力量不足，主要原因是基层执法人员流动较快。\n",
            );
        assert_eq!(only(&text), [("GW0106", 10)]);
    }

    #[test]
    fn shortfalls_without_causes() {
        let text = GOOD_REPORT
            .replace("二、存在的不足和原因", "二、存在的问题和不足")
            .replace("主要原因是基层执法人员流动较快。", "基层执法人员较少。");
        assert_eq!(only(&text), [("GW0107", 6)]);
        for why in [
            "主要是因为基层执法人员较少。",
            "既有编制的客观因素，也有培训不足的主观因素。",
            "上述问题的成因：一方面，由于业务量增长较快，培训时间难以保证。",
            "主观上重视不够，客观上人员偏少。",
            "这主要是编制偏紧、人员流动较快所致。",
            "从主观方面看，重视不够；从客观方面看，人员偏少。",
            "上述问题主要受制于执法力量不足。",
            "这些问题的产生，既有专业力量不足的限制，也有重视不够的问题。",
            "产生上述问题，主要是专业力量不足、经费保障有限。",
            "分析起来，一方面是专业力量不足，另一方面是法治意识不强。",
            "上述问题的根子在于法治意识不强。",
            "这与执法机构编制多年未调整有关。",
            "法治观念淡薄、制度不健全，是造成这一问题的主要因素。",
            "受普法经费不足、专业人员短缺等因素制约，覆盖面不广。",
            "问题的症结在于专业力量不足。",
        ] {
            let text = GOOD_REPORT
                .replace("二、存在的不足和原因", "二、存在的问题和不足")
                .replace("主要原因是基层执法人员流动较快。", why);
            assert_eq!(only(&text), [], "{why}");
        }
        // "…等原因影响" analyses causes.
        let text = GOOD_REPORT
            .replace("二、存在的不足和原因", "二、存在的问题和不足")
            .replace(
                "主要原因是基层执法人员流动较快。",
                "受机构改革、人员调整等原因影响，执法力量不足。",
            );
        assert_eq!(only(&text), []);
        // One event's cause is no analysis.
        let text = GOOD_REPORT
            .replace("二、存在的不足和原因", "二、存在的问题和不足")
            .replace(
                "主要原因是基层执法人员流动较快。",
                "全年有3名执法人员因个人原因调离。",
            );
        assert_eq!(only(&text), [("GW0107", 6)]);
        // Something related to the problem is no cause of it.
        let text = GOOD_REPORT
            .replace("二、存在的不足和原因", "二、存在的问题和不足")
            .replace(
                "主要原因是基层执法人员流动较快。",
                "对与群众切身利益有关的投诉回应不及时。",
            );
        assert_eq!(only(&text), [("GW0107", 6)]);
        // A factor that is itself the problem is no cause.
        let text = GOOD_REPORT
            .replace("二、存在的不足和原因", "二、存在的问题和不足")
            .replace("主要原因是基层执法人员流动较快。", "工作存在不稳定因素。");
        assert_eq!(only(&text), [("GW0107", 6)]);
        // Causes written in the body of the part are enough.
        let text = GOOD_REPORT.replace("二、存在的不足和原因", "二、存在的问题和不足");
        assert_eq!(codes(&text), Vec::<&str>::new());
        // A heading that promises causes does not give them.
        let text = GOOD_REPORT.replace("主要原因是基层执法人员流动较快。", "基层执法人员较少。");
        assert_eq!(only(&text), [("GW0107", 6)]);
        // So are causes given a part of their own right after it.
        let text = GOOD_REPORT.replace(
            "二、存在的不足和原因\n一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。\n",
            "二、存在的问题\n一是执法力量不足，二是培训覆盖不全。\n三、问题产生的原因\n基层执法人员流动较快。\n",
        );
        assert_eq!(only(&text), []);
    }

    #[test]
    fn one_heading_for_two_parts() {
        let text = GOOD_REPORT
            .replace(
                "二、存在的不足和原因\n一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。\n",
                "",
            )
            .replace(
                "四、2025年推进法治政府建设的主要安排",
                "四、存在的不足和原因及下一步工作打算\n一是执法力量不足，主要原因是人员流动较快。",
            );
        assert_eq!(
            only(&text).iter().filter(|(c, _)| *c != "GW0106").count(),
            0,
            "{:?}",
            only(&text)
        );
        // Each part still has to be named: "及" alone joins no second part.
        let text = GOOD_REPORT.replace(
            "四、2025年推进法治政府建设的主要安排\n继续完善依法决策机制，提升依法行政水平。\n",
            "",
        );
        assert_eq!(codes(&text), ["GW0104"]);
    }

    #[test]
    fn a_part_heading_that_lost_its_marker_is_named_so() {
        // First, in the middle and last: the part is there; its number is what is missing,
        // reported once, where it goes.
        for (lost, line, want) in [
            ("一、2024年推进法治政府建设的主要举措和成效", 4, "一、"),
            (
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                8,
                "三、",
            ),
            ("四、2025年推进法治政府建设的主要安排", 10, "四、"),
        ] {
            let bare = lost.split_once('、').unwrap().1;
            let text = GOOD_REPORT.replace(lost, bare);
            let f = found_of("GW0", &crate::rules::text_doc(&text));
            assert_eq!(
                f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
                [("GW0302", line)],
                "{lost}"
            );
            assert_eq!(f[0].text, bare);
            assert!(
                f[0].message.contains(&format!("缺少“{want}”")),
                "{}",
                f[0].message
            );
        }
    }

    #[test]
    fn a_table_of_contents_typed_as_text_holds_no_headings() {
        let text = GOOD_REPORT.replace(
            "市委、市政府：\n",
            "市委、市政府：\n一、主要举措和成效……………………2\n二、存在的不足和原因..........3\n三、第一责任人履职情况······4\n",
        );
        // Each entry is residue to delete (GW0602), and none is read as a heading.
        assert_eq!(
            crate::rules::testing::codes_in(&text),
            [("GW0602", 3), ("GW0602", 4), ("GW0602", 5)]
        );
    }

    #[test]
    fn an_issuing_body_above_the_document_number_is_the_masthead() {
        let text = format!("青禾市卫生健康委员会\n青卫〔2025〕3号\n签发人：王某\n\n{GOOD_REPORT}");
        assert_eq!(codes(&text), Vec::<&str>::new());
    }

    #[test]
    fn request_wording() {
        let text = GOOD_REPORT.replace("提升依法行政水平。", "提升依法行政水平。妥否，请批示。");
        assert_eq!(only(&text), [("GW0108", 11)]);
        let text = GOOD_REPORT.replace(
            "提升依法行政水平。",
            "提升依法行政水平。恳请市政府协调解决执法车辆购置经费。妥否，请批示。",
        );
        assert_eq!(only(&text), [("GW0108", 11), ("GW0108", 11)]);
        let doc = crate::rules::text_doc(&text);
        let shown: Vec<String> = crate::rules::found_of("GW0108", &doc)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(shown, ["恳请市政府协调解决", "妥否，请批示"]);
        let text = GOOD_REPORT.replace(
            "提升依法行政水平。",
            "提升依法行政水平，并恳请市政府给予支持。",
        );
        assert_eq!(only(&text), [("GW0108", 11)]);
        for asked in [
            "提升依法行政水平。请市政府协调解决执法车辆购置经费。",
            "提升依法行政水平。恳请上级部门在人员编制上予以倾斜。",
            "提升依法行政水平，将经费列入2026年预算，请予审定。",
            "提升依法行政水平。以上报告如无不妥，请批转各区县执行。",
            "提升依法行政水平。以上报告，请批转各地执行。",
            "提升依法行政水平。以上报告，请转发各县区参照执行。",
            "提升依法行政水平。望市政府在执法车辆购置经费上给予支持。",
            "提升依法行政水平。以上报告，请审批。",
            "提升依法行政水平。恳请市政府加大对基层卫生执法装备的投入。",
            // 获得感 is no answer.
            "提升依法行政水平。为此，恳请市财政加大投入，切实提升群众获得感。",
            "提升依法行政水平。\n（二）恳请市政府协调解决执法车辆不足的问题。",
        ] {
            let text = GOOD_REPORT.replace("提升依法行政水平。", asked);
            assert_eq!(codes(&text), ["GW0108"], "{asked}");
        }
        // Reporting that a request was made is not one, nor is a request quoted.
        for told in [
            "提升依法行政水平。重大事项均按程序报请市政府审批。",
            "提升依法行政水平。对群众恳请的事项逐项答复，办理企业恳请协调解决的问题23个。",
            "提升依法行政水平。对下级单位“请予批准”的请示事项，均在法定时限内作出批复。",
            "提升依法行政水平。2024年5月，我局恳请省卫生健康委在项目安排上给予倾斜，争取到项目资金1200万元。",
            "提升依法行政水平。此前恳请省卫生健康委给予支持，已获批复。",
            "提升依法行政水平。对省卫生健康委请转发各地执行的文件，均在3日内转发。",
        ] {
            let text = GOOD_REPORT.replace("提升依法行政水平。", told);
            assert_eq!(codes(&text), Vec::<&str>::new(), "{told}");
        }
    }
}
