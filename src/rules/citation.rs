//! citation: titles of the documents a report cites, checked against the table in
//! rules/citations.toml (rules.md §1.3, R-L04).

use super::Context;
use crate::diagnostic::{Category, Diagnostic, RuleMeta, Severity};
use crate::lazy_regex::static_regex;
use crate::rules::findings::Findings;
use crate::text::is_han;
use std::ops::Range;

pub(crate) mod doc_number;
pub(crate) mod events;
mod near_names;
mod nicknames;
pub mod table;
mod titles;
mod unmarked;
mod unmistakable;

use table::{Cited, Doc, Table, normalize};

pub static CITATION_YEARS: RuleMeta = RuleMeta {
    code: "GW0701",
    name: "citation-years",
    category: Category::Citation,
    severity: Severity::Error,
    summary: "引用文件的年份范围有误",
    doc: "引用带年份范围的文件时，年份要与原文件一致，并写全“年”字，例如《法治政府建设实施纲要（2021—2025年）》《法治社会建设实施纲要（2020—2025年）》《法治中国建设规划（2020—2025年）》。文件表见 rules/citations.toml。缺少“年”字可以安全地自动补上；年份写错时给出正确年份，但不自动修改。紧接文件表中最近一期之后、长短相当的一期（如“2026—2030年”），在报告年度不早于最近一期末年的报告中可能是新印发的一期，只作提示、请核对原文，不当作错误（可用 gwlint.toml 的 [[citation]] 补充）。年份正确、写法另成一样的（“（2021年—2025年）”“（2021至2025年）”“（2021—2025年度）”“（2021—25年）”“（二〇二一—二〇二五年）”，或者不加括号写成“纲要2021—2025年”），报告并可以安全地改为原文件的写法。连接号的写法（“-”应为“—”）由 GW0507 检查。\n\n示例（不规范）：《法治政府建设实施纲要（2021—2026年）》《法治社会建设实施纲要（2020—2025）》\n示例（规范）：《法治政府建设实施纲要（2021—2025年）》",
};

pub static CITATION_TITLE: RuleMeta = RuleMeta {
    code: "GW0702",
    name: "citation-title",
    category: Category::Citation,
    severity: Severity::Error,
    summary: "引用文件的名称有误",
    doc: "书名号中的文件名与文件表（rules/citations.toml，以及 rules/laws.toml 中的现行法律和常用行政法规）中的名称只差一两个字：漏字、多字、错字（《基本医疗与健康促进法》漏了“卫生”），或者把发文机关写进了名称（《国务院全面推进依法行政实施纲要》），或者把“纲要”写成了“方案”（《法治政府建设实施方案（2021—2025年）》）、把“实施条例”写成了“实施细则”（《中华人民共和国行政复议法实施细则》）。名称前有地方机关名（如“××省法治政府建设实施方案”）的是另一个文件，不报告。改“纲要”“方案”的为警告：如果确实指本地的实施方案，应写明发文机关；引用时没写年份范围的（“印发《法治政府建设实施方案》”）更可能是本单位自己的方案，只作提示。表中的法律、法规照原名引用不会报告；名称很短的法律（去掉“中华人民共和国”后不足五个字，如刑法与宪法、劳动法与劳动合同法）彼此只差一两个字，不作比较；只有输入法常把一个字打成另一个字、改回后正是某部法律法规名称的（《行政处罚发》《护士条列》《民法点》，字对见 rules/citations.toml 的 confusable），才报告。以法律名称为书名的书（《中华人民共和国行政处罚法释义》）不报告。rules/laws.toml 收录了全国人大常委会公布的现行有效法律目录（截至 laws_as_of 所写的年份）：报告年度不晚于这一年、却引用了目录中没有的《中华人民共和国××法》，报警告（法律名称可能写错了，或者引用的是草案而没有写明）。文件表里没有的文件（如本地的条例）可以在 gwlint.toml 中用 [[citation]] 补充（字段同文件表）。\n\n示例（不规范）：《基本医疗与健康促进法》\n示例（规范）：《基本医疗卫生与健康促进法》或《中华人民共和国基本医疗卫生与健康促进法》",
};

pub static CITATION_SUPERSEDED: RuleMeta = RuleMeta {
    code: "GW0703",
    name: "citation-superseded",
    category: Category::Citation,
    severity: Severity::Warning,
    summary: "引用了已被取代的文件",
    doc: "报告年度已有新文件取代了所引用的文件，例如2021年及以后的报告仍引用《法治政府建设实施纲要（2015—2020年）》，2022年及以后仍引用《执业医师法》（已由《医师法》取代）。不用书名号的简称也检查，例如2021年及以后的报告写“深入实施‘七五’普法规划”（简称见 rules/citations.toml 的 nicknames；引号可有可无）。回顾以往工作时引用旧文件是可以的（文件名后写了“实施期间”“以来”“完成情况”“收官”“总结”“验收”“先进”等，或前面写了“原”，不报告），请核对。\n\n示例（不规范，2024年度报告）：深入落实《法治政府建设实施纲要（2015—2020年）》\n示例（规范）：深入落实《法治政府建设实施纲要（2021—2025年）》",
};

pub static CITATION_IN_QUOTES: RuleMeta = RuleMeta {
    code: "GW0704",
    name: "citation-in-quotes",
    category: Category::Citation,
    severity: Severity::Warning,
    summary: "文件名称用了引号而不是书名号",
    doc: "法律、法规、文件的名称用书名号《》标示（GB/T 15834-2011 4.15），不用引号（双引号、单引号都不用）。只检查文件表中的完整名称，以及法律去掉“中华人民共和国”后的名称（“行政处罚法”“民法典”）；“八五”这类简称、“谁执法谁普法”这类提法不在此列。改为书名号可以安全地自动修复。\n\n示例（不规范）：严格落实“党政主要负责人履行推进法治建设第一责任人职责规定”\n示例（规范）：严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》",
};

pub static CITATION_INCOMPLETE: RuleMeta = RuleMeta {
    code: "GW0705",
    name: "citation-incomplete",
    category: Category::Citation,
    severity: Severity::Info,
    summary: "引用文件的名称不完整（缺少年份）",
    doc: "文件的正式名称带有年份范围，引用时省略了年份。《法治政府建设实施纲要》有2015—2020年和2021—2025年两个版本，不写年份就说不清引用的是哪一个。报告前文已经写出带年份的全称的，后文的简写指的就是这一版，不报告。\n\n示例：深入贯彻《法治政府建设实施纲要》\n示例（规范）：深入贯彻《法治政府建设实施纲要（2021—2025年）》",
};

pub static DOCUMENT_NUMBER: RuleMeta = RuleMeta {
    code: "GW0706",
    name: "document-number",
    category: Category::Citation,
    severity: Severity::Warning,
    summary: "发文字号写法不规范",
    doc: "引用文件的发文字号按 GB/T 9704-2012 7.2.4 书写：年份用全称，括入六角括号“〔〕”，发文顺序号不加“第”字、不编虚位（不写成“004号”）。常见的错误是用方括号“[]”、圆括号“（）”或“【】”代替六角括号。只检查“机关代字＋括号年份＋顺序号＋号”这种完整的字号；年份只写两位（“〔25〕”）或带“年”字的也报告；六角括号里的年份后顺序号缺少“号”字的（“青卫发〔2024〕12”）也报告。法院案号（“（2021）浙0102民初123号”）以及许可证号、仲裁案号、执法文书编号、行政处罚和行政复议决定书文号（“……证字（2019）第0058号”“……案字〔2025〕第12号”“……医罚〔2024〕0012号”“……复决字〔2024〕第5号”）各有规定的格式，照原样引用，不检查。可以安全地自动修复（年份只写两位的除外）。\n\n示例（不规范）：渝卫发[2021]4号　青卫发（2022）第015号\n示例（规范）：渝卫发〔2021〕4号　青卫发〔2022〕15号",
};

pub static EVENT_IN_TITLE_MARKS: RuleMeta = RuleMeta {
    code: "GW0707",
    name: "event-in-title-marks",
    category: Category::Citation,
    severity: Severity::Warning,
    summary: "活动名称用了书名号",
    doc: "书名号标示书名、篇名、文件名等作品的名称（GB/T 15834-2011 4.15）。附录A：不能视为作品的课程、课题、奖品奖状、商标、证照、组织机构、会议、活动等名称，不应用书名号。报告中常见把宣传周、宣传月、竞赛、讲座等活动的名称和节日、纪念日的名称（《世界卫生日》《中国医师节》，见 rules/events.toml 的 days）放进书名号，也常见课题、课程的名称（“承担《……研究》课题”）；书名号后面紧跟“课程”的，如果书名号中是法律、文件或书的名称（“学习《民法典》课程”），不报告。活动名称可以用引号。以“方案”“通知”等文种结尾的是文件名称，照常用书名号；“刊发”“发表”等之后的是文章、节目的标题，也照常用书名号。可以自动修复（改为引号），但不会在 --fix 时自动应用。\n\n示例（不规范）：组织开展《宪法宣传周》系列活动\n示例（规范）：组织开展“宪法宣传周”系列活动",
};

pub static CITATION_UNMARKED: RuleMeta = RuleMeta {
    code: "GW0708",
    name: "citation-unmarked",
    category: Category::Citation,
    severity: Severity::Warning,
    summary: "文件名称没有加书名号",
    doc: "法律、法规、文件的名称用书名号《》标示（GB/T 15834-2011 4.15）。只检查不会是别的意思的完整名称：以“中华人民共和国”开头的法律全称，以及带年份的文件全称（“法治政府建设实施纲要（2021—2025年）”）；名称已在书名号或引号中的（引号的由 GW0704 报告），以及后面接着“实施条例”“释义”等、是另一个更长名称一部分的，不报告。提供加上书名号的修复，但不会自动应用。\n\n示例（不规范）：深入贯彻落实法治政府建设实施纲要（2021—2025年），\n示例（规范）：深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，",
};

pub static RULES: &[&RuleMeta] = &[
    &CITATION_YEARS,
    &CITATION_TITLE,
    &CITATION_SUPERSEDED,
    &CITATION_IN_QUOTES,
    &CITATION_INCOMPLETE,
    &DOCUMENT_NUMBER,
    &EVENT_IN_TITLE_MARKS,
    &CITATION_UNMARKED,
];

/// Issuers that belong before a title, not inside it.
const ISSUERS: [&str; 12] = [
    "中共中央、国务院",
    "中共中央国务院",
    "中共中央办公厅、国务院办公厅",
    "中办、国办",
    "全国人民代表大会常务委员会",
    "全国人大常委会",
    "国务院办公厅",
    "国家卫生健康委",
    "国家卫健委",
    "中共中央",
    "国务院",
    "中央",
];

/// Document types one may be written for another (纲要 ↔ 方案, 法 ↔ 条例). 法 is last:
/// 办法 ends with it.
pub(super) const KINDS: [&str; 10] = [
    "纲要", "方案", "规划", "意见", "办法", "计划", "条例", "细则", "规定", "法",
];

/// Shortest name compared for near misses: short names differ by one character from
/// other real titles (医师法, 律师法).
const MIN_NEAR_CHARS: usize = 6;
/// The shortest law name (without 中华人民共和国) offered as a correction.
const MIN_NEAR_CORE: usize = 5;

pub fn check(ctx: &Context, out: &mut Findings) {
    doc_number::check(ctx, out);
    unmarked::check(ctx, out);
    nicknames::check(ctx, out);
    let table = ctx.citations();
    for (_, span, t) in ctx.lines() {
        if t.contains('《') {
            for s in titles::spans(t, '《', '》') {
                let outer = span.start + s.outer.start..span.start + s.outer.end;
                let (before, after) = (&t[..s.outer.start], &t[s.outer.end..]);
                if let Some(d) = events::check(&t[s.inner.clone()], before, after, outer) {
                    out.push(d);
                    continue;
                }
                let inner = span.start + s.inner.start..span.start + s.inner.end;
                check_title(ctx, table, inner, out);
                // "《某省贯彻落实〈法治政府建设实施纲要（…）〉实施方案》": the title it names.
                let title = &t[s.inner.clone()];
                if title.contains('〈') {
                    for n in titles::spans(title, '〈', '〉') {
                        let at = span.start + s.inner.start;
                        check_title(ctx, table, at + n.inner.start..at + n.inner.end, out);
                    }
                }
            }
        }
        // Single quotes too: a title quoted inside a quotation (“落实‘行政处罚法’”).
        for (open, close) in [('“', '”'), ('‘', '’')] {
            if !t.contains(open) {
                continue;
            }
            for s in titles::spans(t, open, close) {
                let outer = span.start + s.outer.start..span.start + s.outer.end;
                let inner = span.start + s.inner.start..span.start + s.inner.end;
                check_quoted(ctx, table, outer, inner, out);
            }
        }
    }
}

/// The words of the line just before a title's 《 and just after its 》 (`inner` is the
/// title's text), up to `n` characters each.
fn around_title(ctx: &Context, inner: &Range<usize>, n: usize) -> (String, String) {
    let text = &ctx.doc.text;
    let line = crate::outline::content_span(ctx.doc, ctx.doc.line_index(inner.start));
    let open = inner.start.saturating_sub('《'.len_utf8()).max(line.start);
    let close = (inner.end + '》'.len_utf8()).min(line.end);
    let before = crate::text::last_chars(&text[line.start..open], n);
    let after: String = text[close..line.end].chars().take(n).collect();
    (before.to_string(), after)
}

/// The outermost 《…》 (or other paired) spans of a paragraph, marks included.
pub(crate) fn titles_in(t: &str, open: char, close: char) -> Vec<Range<usize>> {
    titles::spans(t, open, close)
        .into_iter()
        .map(|s| s.outer)
        .collect()
}

fn years_text((a, b): (i32, i32)) -> String {
    format!("{a}—{b}年")
}

fn check_title(ctx: &Context, table: &Table, inner: Range<usize>, out: &mut Findings) {
    let raw = &ctx.doc.text[inner.clone()];
    let cited = Cited::parse(&normalize(raw));
    let docs: Vec<&Doc> = table
        .by_name(&cited.name)
        .iter()
        .map(|&k| &table.docs[k])
        .collect();
    if !docs.is_empty() {
        check_known(ctx, table, &docs, &cited, inner, out);
        return;
    }
    // "县委、县政府印发的《法治政府建设实施方案（2022—2025年）》": a local document, not a
    // national one misnamed.
    let (before, _) = around_title(ctx, &inner, 12);
    if static_regex!(
        r"(?:[委府局办]|卫生健康委)(?:印发|制定|出台|发布|审议通过)的?$|[我本][县市区州省]的?$"
    )
    .is_match(&before)
    {
        return;
    }
    let year = ctx.outline.year.map(|y| y.year);
    if let Some(d) = misnamed(table, &cited, raw, inner.clone(), year) {
        out.push(d);
    }
}

/// The byte range of the year range digits in a raw title ("2021—2026 年" inside the
/// brackets), and the end of the last year.
fn years_span(raw: &str) -> Option<(Range<usize>, usize)> {
    let close = raw.rfind([')', '）'])?;
    let open = raw[..close].rfind(['(', '（'])?;
    let inside = &raw[open..close];
    let first = inside.find(|c: char| c.is_ascii_digit())? + open;
    let last_digit = raw[..close].rfind(|c: char| c.is_ascii_digit())?;
    (last_digit >= first).then(|| (first..last_digit + 1, last_digit + 1))
}

/// Where a title's years are written loosely: its last bracket to the end, or the years
/// ending a title without brackets.
fn loose_years_span(raw: &str) -> Option<Range<usize>> {
    let end = raw.trim_end().len();
    if raw[..end].ends_with(['）', ')']) {
        return raw.rfind(['（', '(']).map(|open| open..end);
    }
    raw.find(|c: char| c.is_ascii_digit())
        .map(|first| first..end)
}

/// "《法治政府建设实施纲要（2026—2030年）》" where the table knows 2021—2025 last: the
/// next period, issued after the table was written, not a wrong one. Said as a note.
fn later_period<'d>(
    known: impl Iterator<Item = &'d Doc>,
    (a, b): (i32, i32),
    report_year: Option<i32>,
    span: Range<usize>,
) -> Option<Diagnostic> {
    let latest = known.max_by_key(|d| d.years.map_or(i32::MIN, |(_, y)| y))?;
    let (x, y) = latest.years?;
    // Right after the last period known, about as long as it, in a report on a year by
    // which it may have been issued (the last year of the one before, or later).
    if a != y + 1 || ((b - a) - (y - x)).abs() > 1 || report_year.is_some_and(|r| r < y) {
        return None;
    }
    Some(
        Diagnostic::new(
            &CITATION_YEARS,
            span,
            format!(
                "《{}（{a}—{b}年）》不在内置文件表中：已知最近一期是“{}”",
                latest.title,
                years_text((x, y))
            ),
            format!(
                "如果这是新印发的一期，核对名称和年份与原文一致（可在 gwlint.toml 中用 [[citation]] 补充）；如果引用的是现行的一期，改为《{}》",
                latest.full()
            ),
        )
        .with_severity(crate::diagnostic::Severity::Info),
    )
}

fn check_known(
    ctx: &Context,
    table: &Table,
    docs: &[&Doc],
    cited: &Cited,
    inner: Range<usize>,
    out: &mut Findings,
) {
    let raw = &ctx.doc.text[inner.clone()];
    let title_span = inner.start - '《'.len_utf8()..inner.end + '》'.len_utf8();
    let with_years: Vec<&&Doc> = docs.iter().filter(|d| d.years.is_some()).collect();
    match cited.years {
        Some((a, b, nian)) => {
            let Some(doc) = docs.iter().find(|d| d.years == Some((a, b))) else {
                let Some(best) = with_years.iter().min_by_key(|d| {
                    d.years
                        .map_or(i32::MAX, |(x, y)| (x - a).abs() + (y - b).abs())
                }) else {
                    return;
                };
                let want = best.years.unwrap_or((a, b));
                let (span, _) = years_span(raw)
                    .map(|(r, e)| (inner.start + r.start..inner.start + r.end, e))
                    .unwrap_or((title_span.clone(), 0));
                let year = ctx.outline.year.map(|y| y.year);
                if let Some(d) =
                    later_period(with_years.iter().map(|d| **d), (a, b), year, span.clone())
                {
                    out.push(d);
                    return;
                }
                out.push(
                    Diagnostic::new(
                        &CITATION_YEARS,
                        span,
                        format!(
                            "《{}》的年份范围应为“{}”，这里写成了“{a}—{b}年”",
                            best.title,
                            years_text(want)
                        ),
                        format!("改为《{}》", best.full()),
                    )
                    .with_fix(format!("{}—{}", want.0, want.1), false),
                );
                return;
            };
            if cited.loose
                && let Some(span) = loose_years_span(raw)
            {
                let want = format!("（{}）", years_text((a, b)));
                out.push(
                    Diagnostic::new(
                        &CITATION_YEARS,
                        inner.start + span.start..inner.start + span.end,
                        format!(
                            "《{}》的年份范围写作“{want}”，这里写成了“{}”",
                            doc.title,
                            &raw[span.clone()]
                        ),
                        format!("改为《{}》", doc.full()),
                    )
                    .with_fix(want, true),
                );
                superseded(ctx, table, doc, title_span, out);
                return;
            }
            let last_year = years_span(raw).and_then(|(r, _)| {
                let y = raw.get(r.end.checked_sub(4)?..r.end)?;
                y.bytes().all(|b| b.is_ascii_digit()).then_some((r.end, y))
            });
            if !nian && let Some((end, last_year)) = last_year {
                let r = end..end;
                out.push(
                    Diagnostic::new(
                        &CITATION_YEARS,
                        inner.start + r.end - last_year.len()..inner.start + r.end,
                        format!("《{}》的年份范围缺少“年”字", doc.title),
                        format!("改为《{}》", doc.full()),
                    )
                    .with_fix(format!("{last_year}年"), true),
                );
            }
            superseded(ctx, table, doc, title_span, out);
        }
        None => {
            if let [only] = docs {
                superseded(ctx, table, only, title_span.clone(), out);
            }
            if with_years.is_empty() {
                return;
            }
            // Cited in full earlier in the report: the edition is said.
            let earlier = &ctx.doc.text[..title_span.start];
            if ["（", "("]
                .iter()
                .any(|open| earlier.contains(&format!("《{}{open}", cited.name)))
            {
                return;
            }
            // "先后两部《法治政府建设实施纲要》": every edition is meant.
            let (before, _) = around_title(ctx, &inner, 6);
            if static_regex!(r"两部|历次|各版|先后|历届|几部").is_match(&before) {
                return;
            }
            // "《法治政府建设实施纲要》（2021—2025年）": the years are there, outside the marks.
            let after = &ctx.doc.text[title_span.end..];
            if let Some(m) =
                static_regex!(r"^[（(]\s*[0-9]{4}\s*年?\s*[—–\-－~～至]\s*[0-9]{4}\s*年?\s*[）)]")
                    .find(after)
            {
                let years = &after[..m.end()];
                let inside = format!("《{}{years}》", cited.name);
                out.push(
                    Diagnostic::new(
                        &CITATION_INCOMPLETE,
                        title_span.start..title_span.end + m.end(),
                        format!("年份范围“{years}”是文件名称的一部分，应写在书名号内"),
                        format!("改为{inside}"),
                    )
                    .with_fix(inside, false),
                );
                return;
            }
            // The edition in force in the reported year.
            let year = ctx.outline.year.map(|y| y.year);
            let current = with_years
                .iter()
                .filter(|d| year.is_none_or(|y| d.since <= y + 1))
                .max_by_key(|d| d.since)
                .map(|d| d.full());
            let suggestion = match current {
                Some(s) => format!("写明年份，例如《{s}》"),
                None => "写明年份".to_string(),
            };
            let mut d = Diagnostic::new(
                &CITATION_INCOMPLETE,
                title_span,
                format!("《{}》没有写年份范围", cited.name),
                suggestion,
            );
            // Only one edition: its years are certain, but adding them is an edit of style.
            if let [only] = with_years.as_slice() {
                d = d.with_fix(format!("《{}》", only.full()), false);
            }
            out.push(d);
        }
    }
}

fn superseded(ctx: &Context, table: &Table, doc: &Doc, span: Range<usize>, out: &mut Findings) {
    let inner = span.start + '《'.len_utf8()..span.end - '》'.len_utf8();
    let (before, after) = around_title(ctx, &inner, 12);
    if let Some(d) = superseded_at(ctx, table, Naming::Title(doc), span, (&before, &after)) {
        out.push(d);
    }
}

/// How a superseded document is named where it is cited.
#[derive(Clone, Copy)]
pub(crate) enum Naming<'d> {
    /// By its title in 《》.
    Title(&'d Doc),
    /// By a nickname in running text (“七五”普法), as written.
    Nickname(&'d Doc, &'d str),
}

/// GW0703 for a document cited in a report on a year something else was in force, unless
/// the words `around` it look back (实施期间, 以来, 收官, 原…) or award a past title.
pub(crate) fn superseded_at(
    ctx: &Context,
    table: &Table,
    naming: Naming,
    span: Range<usize>,
    (before, after): (&str, &str),
) -> Option<Diagnostic> {
    let (Naming::Title(doc) | Naming::Nickname(doc, _)) = naming;
    let year = ctx.outline.year?.year;
    // The one in force that year: "六五" was followed by "七五", itself followed by "八五".
    let mut successor = table.find_full(doc.superseded_by.as_ref()?)?;
    if year < successor.since {
        return None;
    }
    while let Some(next) = successor
        .superseded_by
        .as_ref()
        .and_then(|n| table.find_full(n))
    {
        if year < next.since || std::ptr::eq(next, successor) {
            break;
        }
        successor = next;
    }
    // "原《执业医师法》同时废止", "原依据《人体器官移植条例》制定的制度": the text itself
    // says the document is gone. So do the text's own corrections: "错误适用已废止的《…》",
    // "仍引用《…》的，已更正"; and a title it awarded ("荣获“七五”普法先进集体").
    // "清理以《…》为依据的文件", "清理依据《…》制定的文件": the documents built on it are put
    // right because it is gone.
    // "对照《…》要求": measured against it, as in force; "对照《…》" alone compares.
    let as_in_force = before.ends_with("对照")
        && static_regex!(r"^的?(?:要求|规定|部署|精神|任务)").is_match(after);
    if !as_in_force && static_regex!(r"原(?:来的?|依据|根据|按照)?$|(?:废止|失效)的?$|仍(?:然|在)?(?:引用|援引|适用|依据|使用)$|错误(?:引用|援引|适用)$|(?:总结|延续|回顾|借鉴|沿用|对比|对照)了?$|(?:清理|修改|修订|废止)[^。；，]{0,10}?(?:以|依据|根据)$").is_match(before)
        || static_regex!(
            r"废止|取代|失效|施行前|修订前|修改前|替换|更正|改为|(?:完成|实施|落实|执行)情况|总结|收官|验收|评估|相比|先进|表彰|^(?:实施|施行|执行)?(?:期间|时期|以来)"
        )
        .is_match(after)
    {
        return None;
    }
    if looks_back(&sentence_of(ctx, &span), doc, successor) {
        return None;
    }
    let shown_successor = match naming {
        Naming::Nickname(..) => successor.nicknames.first().map_or_else(
            || format!("《{}》", successor.full()),
            |n| format!("{n}（{}）", years_of(successor)),
        ),
        Naming::Title(_) => format!("《{}》", successor.full()),
    };
    let (message, help) = match naming {
        Naming::Title(doc) => (
            format!(
                "《{}》已被{shown_successor}取代，本报告为{year}年度报告",
                doc.full()
            ),
            format!("如果指现行文件，改为{shown_successor}；回顾以往工作时引用旧文件可以不改"),
        ),
        Naming::Nickname(doc, written) => (
            format!(
                "{written}即《{}》，已被{shown_successor}取代，本报告为{year}年度报告",
                doc.full()
            ),
            format!("如果指现行规划，改为{shown_successor}；回顾以往工作时可以不改"),
        ),
    };
    Some(Diagnostic::new(&CITATION_SUPERSEDED, span, message, help))
}

/// The sentence a citation stands in, within its paragraph.
fn sentence_of(ctx: &Context, span: &Range<usize>) -> String {
    let text = &ctx.doc.text;
    let line = crate::outline::content_span(ctx.doc, ctx.doc.line_index(span.start));
    let ends = ['。', '；', '！', '？'];
    let start = text[line.start..span.start]
        .rfind(ends)
        .map_or(line.start, |k| line.start + k + '。'.len_utf8());
    let end = text[span.end.min(line.end)..line.end]
        .find(ends)
        .map_or(line.end, |k| span.end + k);
    text[start..end.max(start)].to_string()
}

/// A sentence that speaks of the time before the successor: it names the successor too
/// (comparing them), says 当时, says the old plan's tasks are done, or dates what it tells
/// to a year before the successor took effect ("对2021年立案、依据…作出处罚的案件").
fn looks_back(sentence: &str, old: &Doc, successor: &Doc) -> bool {
    let core = |t: &str| t.trim_start_matches("中华人民共和国").to_string();
    let (old, new, new_full) = (
        core(&old.title),
        core(&successor.title),
        core(&successor.full()),
    );
    // The successor's name may hold within the old one's (执业医师法, 医师法), and a plan's
    // successor may differ by its years alone.
    let names_successor = static_regex!(r"《([^》]*)》")
        .captures_iter(sentence)
        .any(|c| {
            [&new, &new_full].contains(&&core(&c[1])) && (new != old || core(&c[1]) == new_full)
        });
    // Years inside titles are the titles' own.
    let plain = static_regex!(r"《[^》]*》").replace_all(sentence, "《》");
    names_successor
        || plain.replace(&old, "").contains(&new)
        || plain.contains("当时")
        || static_regex!(r"已(?:于[^，。；]{0,12})?(?:全面|圆满|如期|基本)?(?:完成|结束|收官)")
            .is_match(&plain)
        || static_regex!(r"(?:^|[^0-9])((?:19|20)[0-9]{2})年")
            .captures_iter(&plain)
            .any(|c| c[1].parse::<i32>().is_ok_and(|y| y < successor.since))
}

fn years_of(doc: &Doc) -> String {
    doc.years.map_or_else(String::new, years_text)
}

/// A title not in the table: issuer written in, 纲要 written as 方案, or a near miss.
fn misnamed(
    table: &Table,
    cited: &Cited,
    raw: &str,
    inner: Range<usize>,
    year: Option<i32>,
) -> Option<Diagnostic> {
    let name = cited.name.as_str();
    let span = inner.start - '《'.len_utf8()..inner.end + '》'.len_utf8();
    let years = cited.years.map(|(a, b, _)| (a, b));
    let pick = |ks: &[usize]| -> Option<Doc> {
        let docs: Vec<&Doc> = ks.iter().map(|&k| &table.docs[k]).collect();
        docs.iter()
            .find(|d| d.years.is_some() && d.years == years)
            .or_else(|| docs.iter().find(|d| d.years.is_none() == years.is_none()))
            .or(docs.first())
            .map(|d| (*d).clone())
    };
    let suffix = cited.years.map_or(String::new(), |(a, b, _)| {
        format!("（{}）", years_text((a, b)))
    });
    for issuer in ISSUERS {
        if let Some(rest) = name.strip_prefix(issuer)
            && let Some(doc) = pick(table.by_name(rest))
        {
            return Some(
                Diagnostic::new(
                    &CITATION_TITLE,
                    span,
                    format!(
                        "发文机关“{issuer}”不是文件名称的一部分：应为《{}》",
                        doc.full()
                    ),
                    format!(
                        "改为“{issuer}印发的《{}》”或直接写《{}》",
                        doc.full(),
                        doc.full()
                    ),
                )
                .with_severity(Severity::Warning)
                .with_fix(format!("《{rest}{suffix}》"), false),
            );
        }
    }
    // "《中华人民共和国医疗机构管理条例》": a regulation's title has no 中华人民共和国.
    let country = split_country(name);
    // Mistyped too ("中华人民共合国医疗机构管理条例"), it is the same slip.
    if let Some((typed, rest)) = country
        && (typed == COUNTRY || misspelt_country(typed))
        && let Some(doc) = pick(table.by_name(rest))
        && doc.title == rest
    {
        return Some(
            Diagnostic::new(
                &CITATION_TITLE,
                span,
                format!("《{}》的名称中没有“中华人民共和国”", doc.full()),
                format!("改为《{}》", doc.full()),
            )
            .with_fix(format!("《{}{suffix}》", doc.title), false),
        );
    }
    // "《中华人名共和国行政处罚法》": the law's own name right, the country's mistyped.
    if let Some((typed, rest)) = country
        && misspelt_country(typed)
        && let Some(doc) = pick(table.by_name(&format!("中华人民共和国{rest}")))
    {
        let want = doc.full();
        return Some(
            Diagnostic::new(
                &CITATION_TITLE,
                span,
                format!("国名写错了：《{}》应为《{want}》", raw.trim()),
                format!("改为《{want}》{}", where_they_differ(raw.trim(), &want)),
            )
            .with_fix(format!("《{want}》"), true),
        );
    }
    for kind in KINDS {
        let Some(stem) = name.strip_suffix(kind) else {
            continue;
        };
        // 实施纲要 and 规划: "实施" goes with some kinds of title and not others.
        let bare = stem.strip_suffix("实施").unwrap_or(stem);
        let guesses = KINDS.iter().filter(|k| **k != kind).flat_map(|other| {
            [
                format!("{stem}{other}"),
                format!("{bare}{other}"),
                format!("{bare}实施{other}"),
            ]
        });
        for guess in guesses {
            if let Some(doc) = pick(table.by_name(&guess)) {
                // "印发《法治政府建设实施方案》" without the national title's years is as
                // likely the unit's own plan: a question, not a warning.
                let own_plan = cited.years.is_none() && doc.years.is_some();
                return Some(
                    Diagnostic::new(
                        &CITATION_TITLE,
                        span,
                        format!("国家文件的名称是《{}》，这里写成了“{kind}”", doc.full()),
                        format!(
                            "如指国家文件，改为《{}》；如指本地的{kind}，在名称前写明发文机关",
                            doc.full()
                        ),
                    )
                    .with_severity(if own_plan {
                        Severity::Info
                    } else {
                        Severity::Warning
                    })
                    .with_fix(format!("《{}》", doc.full()), false),
                );
            }
        }
    }
    near_miss(table, name, raw, span.clone(), &pick)
        .or_else(|| confused(table, name, raw, span.clone()))
        .or_else(|| unknown_law(table, name, span, year))
}

/// A title one or two characters from a known one: that one, misspelt.
fn near_miss(
    table: &Table,
    name: &str,
    raw: &str,
    span: Range<usize>,
    pick: &dyn Fn(&[usize]) -> Option<Doc>,
) -> Option<Diagnostic> {
    if name.chars().count() < MIN_NEAR_CHARS {
        return None;
    }
    let near = table.near(name);
    let (_, title) = *near.first()?;
    // 刑法 and 宪法, 劳动法 and 劳动合同法: short names of real laws are a character apart,
    // so a short one is never the correction.
    let core = title.strip_prefix("中华人民共和国").unwrap_or(title);
    if core.chars().count() < MIN_NEAR_CORE {
        return None;
    }
    // Another title at the same distance: too unsure to name one.
    let d0 = near[0].0;
    if near.iter().any(|(d, t)| *d == d0 && *t != title) {
        return None;
    }
    // A local document named after a national one ("××省…条例", "…条例实施细则"), or a
    // book about it ("《中华人民共和国行政处罚法释义》").
    let short = title.strip_prefix("中华人民共和国").unwrap_or(title);
    if name.ends_with(short)
        || name.starts_with(short)
        || name.ends_with(title)
        || name
            .strip_prefix(title)
            .is_some_and(|rest| !KINDS.iter().any(|k| rest.ends_with(k)))
    {
        return None;
    }
    let k = table.name_of(title)?;
    if table.docs[k].listed && d0 > 1 {
        return None;
    }
    let doc = pick(&[k]).unwrap_or_else(|| table.docs[k].clone());
    let want = if name.starts_with("中华人民共和国") || !title.starts_with("中华人民共和国")
    {
        doc.full()
    } else {
        format!(
            "{short}{}",
            doc.years
                .map_or(String::new(), |y| format!("（{}）", years_text(y)))
        )
    };
    Some(
        Diagnostic::new(
            &CITATION_TITLE,
            span,
            format!("文件名称疑有错漏：《{}》应为《{want}》", raw.trim()),
            format!(
                "核对原文件名称，改为《{want}》{}",
                where_they_differ(raw.trim(), &want)
            ),
        )
        .with_fix(format!("《{want}》"), false),
    )
}

/// "中华人名共和国", "中华人民共合国": the country's name with a character or two mistyped,
/// before a law's own name (not a place's name, which makes a local document).
fn misspelt_country(prefix: &str) -> bool {
    prefix != COUNTRY
        && prefix.chars().count() == COUNTRY.chars().count()
        && prefix
            .chars()
            .zip(COUNTRY.chars())
            .filter(|(a, b)| a != b)
            .count()
            <= 2
}

const COUNTRY: &str = "中华人民共和国";

/// `name` cut after as many characters as the country's name has: where it would end.
fn split_country(name: &str) -> Option<(&str, &str)> {
    let k = name.char_indices().nth(COUNTRY.chars().count())?.0;
    Some(name.split_at(k))
}

/// A short law name that is none, one typed character from one: 《行政处罚发》 for
/// 《行政处罚法》, 《中华人民共和国民发典》. Only the pairs an input method confuses
/// (rules/citations.toml), since real short names lie a character apart (刑法, 宪法).
fn confused(table: &Table, name: &str, raw: &str, span: Range<usize>) -> Option<Diagnostic> {
    let (prefix, core) = name
        .strip_prefix("中华人民共和国")
        .map_or(("", name), |c| ("中华人民共和国", c));
    let chars: Vec<char> = core.chars().collect();
    let want = chars.iter().enumerate().find_map(|(i, &c)| {
        table
            .confusable
            .iter()
            .filter(|(written, _)| *written == c)
            .find_map(|&(_, right)| {
                let mut fixed = chars.clone();
                fixed[i] = right;
                let fixed: String = prefix.chars().chain(fixed).collect();
                (!table.by_name(&fixed).is_empty()).then_some(fixed)
            })
    })?;
    Some(
        Diagnostic::new(
            &CITATION_TITLE,
            span,
            format!("文件名称疑有错字：《{}》应为《{want}》", raw.trim()),
            format!("核对原文件名称，改为《{want}》"),
        )
        .with_fix(format!("《{want}》"), false),
    )
}

/// Characters shown on each side of where a long title differs.
const DIFF_CONTEXT_CHARS: usize = 2;
/// Titles from this long get the difference pointed out.
const LONG_TITLE_CHARS: usize = 16;

/// "（“法治审核”应为“法制审核”）": where a long title differs from the right one, with a
/// little text around; empty for a short title, where it shows at a glance.
fn where_they_differ(written: &str, right: &str) -> String {
    let a: Vec<char> = written.chars().collect();
    let b: Vec<char> = right.chars().collect();
    if a.len().min(b.len()) < LONG_TITLE_CHARS {
        return String::new();
    }
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let from = head.saturating_sub(DIFF_CONTEXT_CHARS);
    let show = |s: &[char]| -> String {
        let to = (s.len() - tail + DIFF_CONTEXT_CHARS).min(s.len());
        s[from..to].iter().collect()
    };
    format!("（“{}”应为“{}”）", show(&a), show(&b))
}

/// "《中华人民共和国医疗卫生法》": a law's title that is in no list of the laws in force, in a
/// report on a year the list covers.
fn unknown_law(
    table: &Table,
    name: &str,
    span: Range<usize>,
    year: Option<i32>,
) -> Option<Diagnostic> {
    let stem = name.strip_prefix("中华人民共和国")?;
    // "…监督办法", "…实施办法": regulations and rules, not laws.
    if !stem.ends_with('法')
        || stem.ends_with("办法")
        || stem.chars().count() < 2
        || year? > table.laws_as_of?
    {
        return None;
    }
    Some(
        Diagnostic::new(
            &CITATION_TITLE,
            span,
            format!("现行有效法律中没有《{name}》，法律名称疑有错误"),
            "核对法律的准确名称（可查国家法律法规数据库）；如引用的是草案，写明“（草案）”",
        )
        .with_severity(Severity::Warning),
    )
}

/// Words that go on with the sentence after a quoted law, where a term would go on with
/// the name ("“民法典”宣传月").
const AFTER_A_TITLE: [&str; 16] = [
    "的", "和", "与", "及", "等", "为", "是", "中", "第", "规定", "要求", "有关", "相关", "精神",
    "条款", "实施",
];

fn check_quoted(
    ctx: &Context,
    table: &Table,
    outer: Range<usize>,
    inner: Range<usize>,
    out: &mut Findings,
) {
    let raw = &ctx.doc.text[inner];
    let norm = normalize(raw);
    let cited = Cited::parse(&norm);
    // Full titles, and laws by their names without 中华人民共和国 (“行政处罚法”, “民法典”)
    // unless a term goes on after them (“民法典”宣传月); other short forms (“八五”) are
    // used as terms.
    // ("“医师法”的规定", "贯彻“食品安全法”为抓手": the law, with the sentence going on.)
    let after = &ctx.doc.text[outer.end..];
    let term_goes_on = after.chars().next().is_some_and(is_han)
        && !AFTER_A_TITLE.iter().any(|w| after.starts_with(w));
    let is_title = table.by_name(&cited.name).iter().any(|&k| {
        let title = &table.docs[k].title;
        (title == &cited.name && cited.name.chars().count() >= 8)
            || (!term_goes_on && title.strip_prefix("中华人民共和国") == Some(cited.name.as_str()))
    });
    if !is_title {
        return;
    }
    out.push(
        Diagnostic::new(
            &CITATION_IN_QUOTES,
            outer,
            format!("文件名称“{raw}”应使用书名号"),
            format!("改为《{raw}》（GB/T 15834-2011 4.15：书名、文件名用书名号）"),
        )
        .with_fix(format!("《{raw}》"), true),
    );
}

#[cfg(test)]
mod tests;
