//! Page headers and footers (GW0613): printed on every page, and easy to forget when last
//! year's report or a template is reused. They have no line of their own in the text, so
//! a finding is anchored on the first line, and shown without it.

use super::HEADER_FOOTER;
use super::placeholder::blank_in;
use crate::diagnostic::Diagnostic;
use crate::document::MarginText;
use crate::lazy_regex::static_regex;
use crate::outline::YearSource;
use crate::rules::Context;
use crate::rules::findings::Findings;

/// Characters of a header quoted in a message.
const MAX_QUOTED: usize = 40;

pub fn check(ctx: &Context, out: &mut Findings) {
    let margins = &ctx.doc.extras.margins;
    if margins.is_empty() {
        return;
    }
    // Said of the file, not of its first line: an empty span there, so that the
    // fingerprint (and a baseline) tells one header's finding from another's.
    let at = ctx.doc.lines.first().map_or(0, |l| l.start);
    // The year the report's own words give; a year guessed from its date is no ground to
    // call a header wrong.
    let reported = ctx
        .outline
        .year
        .filter(|y| y.source != YearSource::Date)
        .map(|y| y.year);
    for m in margins {
        let place = m.place();
        if let Some(blank) = blank(&m.text) {
            out.push(
                Diagnostic::new(
                    &HEADER_FOOTER,
                    at..at,
                    format!("{place}“{}”中的“{blank}”是未填写的占位符", quoted(m)),
                    format!("{place}会印在每一页上：在 Word 或 WPS 中双击{place}，填上实际内容"),
                )
                .outside_text(),
            );
        }
        let Some(reported) = reported else {
            continue;
        };
        let Some(named) = running_title_year(&m.text) else {
            continue;
        };
        // An attachment's running head names its own document ("附件　2024年度整改情况报告").
        if m.text.trim_start().starts_with("附件") {
            continue;
        }
        // A year earlier than the report's is last year's header. The year after may name
        // the plan ("2026年度工作要点"), not a report.
        let plan = ["要点", "计划", "安排"].iter().any(|w| m.text.contains(w));
        let why = if named < reported {
            "多半是沿用了往年的报告或模板"
        } else if named > reported + 1 || (named == reported + 1 && !plan) {
            "与报告不符"
        } else {
            continue;
        };
        out.push(Diagnostic::new(
            &HEADER_FOOTER,
            at..at,
            format!(
                "{place}“{}”写的是{named}年，报告年度是{reported}年",
                quoted(m)
            ),
            format!(
                "{place}的年份{why}：在 Word 或 WPS 中双击{place}，改为{reported}年的标题，或删除"
            ),
        ).outside_text());
    }
}

fn quoted(m: &MarginText) -> String {
    let mut s: String = m.text.chars().take(MAX_QUOTED).collect();
    if m.text.chars().count() > MAX_QUOTED {
        s.push('…');
    }
    s
}

/// A blank left in a header: the body's placeholders, and what only a template's header
/// holds ("××", "XX", "某某县", "[键入文档标题]"), which in a sentence may be a name
/// withheld on purpose.
fn blank(text: &str) -> Option<&str> {
    let header_only = static_regex!(
        r"[×Ｘ]{2,}|[xX]{2,}|[〇○]{2,}|某某|[*＊]{2,}|_{2,}|＿{2,}|单位名称|在此处键入|[\[【〔]\s*(?:键入|输入|请输入|请填写|填写|单位名称|文档标题|文档副标题|标题|日期|公司名称|作者)[^\]】〕]{0,12}[\]】〕]"
    );
    let found = header_only
        .find_iter(text)
        .map(|m| m.range())
        .find(|m| !page_number(text, m.clone()) && !in_year(text, m.clone()))
        .or_else(|| blank_in(text))?;
    Some(&text[found])
}

/// "— XX —", "第XX页 共XXIV页": a page number in Roman numerals, not a blank.
fn page_number(text: &str, m: std::ops::Range<usize>) -> bool {
    let roman = |c: char| "IVXLCDMivxlcdm".contains(c);
    if !text[m.clone()].chars().all(|c| c == 'x' || c == 'X') {
        return false;
    }
    // Four of a kind is no numeral ("XXXX").
    if m.len() > 3 {
        return false;
    }
    let before = text[..m.start].trim_end_matches(roman);
    let after = text[m.end..].trim_start_matches(roman);
    // A page number is set off: "— XX —", "第XX页", "XX/XXIV". "XX" alone is a blank.
    let set_off = |s: &str| s.contains(['—', '-', '－', '第', '页', '共', '/', '·']);
    let no_words = |s: &str| {
        !s.chars()
            .any(|c| crate::text::is_han(c) && !"第页共".contains(c))
    };
    no_words(before) && no_words(after) && (set_off(before) || set_off(after))
}

/// "二〇〇五年": the zeros of a year in Chinese numerals.
fn in_year(text: &str, m: std::ops::Range<usize>) -> bool {
    let numeral = |c: char| "一二三四五六七八九十〇○零".contains(c);
    text[m.clone()].starts_with(['〇', '○'])
        && (text[..m.start].chars().next_back().is_some_and(numeral)
            || text[m.end..].chars().next().is_some_and(numeral))
}

/// The year a running title names: the first year in it that is not part of a date
/// ("2026年1月16日印发", "（2026年1月）"), in digits of either width, in Chinese numerals
/// ("二〇二四年度") or in brackets ("年度报告（2024）"). Only a title names a report (报告,
/// 年度); a footer's date of issue names none.
fn running_title_year(text: &str) -> Option<i32> {
    if !(text.contains("报告") || text.contains("年度")) {
        return None;
    }
    let half: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => crate::text::halfwidth(c),
            c => c,
        })
        .collect();
    let dated = |rest: &str| {
        let rest = rest.trim_start();
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c)))
            .unwrap_or(rest.len());
        digits > 0 && rest[digits..].starts_with('月')
    };
    let mut years: Vec<(usize, i32)> =
        static_regex!(r"(?:^|[^0-9])((?:19|20)[0-9]{2})(?:\s*(年)|[）)])")
            .captures_iter(&half)
            .filter_map(|c| {
                let y = c.get(1)?;
                let after = c.get(2).map_or("", |n| &half[n.end()..]);
                // Without 年, only a year in brackets ("年度报告（2024）") counts.
                let unbracketed = c.get(2).is_none() && !half[..y.start()].ends_with(['（', '(']);
                if dated(after) || unbracketed || in_range(&half, y.range()) {
                    return None;
                }
                Some((y.start(), y.as_str().parse().ok()?))
            })
            .collect();
    if let Some((at, year)) = crate::numerals::chinese_year(&half)
        && !dated(&half[at.end..])
    {
        years.push((at.start, year));
    }
    years.into_iter().min_by_key(|&(at, _)| at).map(|(_, y)| y)
}

/// The year at `y` starts or ends a span of years ("纲要（2021—2025年）"): it names a
/// plan's period, not the report's year.
fn in_range(text: &str, y: std::ops::Range<usize>) -> bool {
    use crate::text::YEAR_RANGE_MARKS as MARKS;
    let before = &text[..y.start];
    let after = text[y.end..].trim_start_matches('年');
    before.strip_suffix(MARKS).is_some_and(|b| {
        b.trim_end_matches('年')
            .ends_with(|c: char| c.is_ascii_digit())
    }) || after
        .strip_prefix(MARKS)
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::{blank, running_title_year};

    #[test]
    fn the_year_a_running_title_names() {
        let year = running_title_year;
        assert_eq!(
            year("青禾县卫生健康局2024年度法治政府建设工作报告"),
            Some(2024)
        );
        assert_eq!(
            year("2024年法治政府建设年度报告暨2025年工作安排"),
            Some(2024)
        );
        assert_eq!(year("二〇二四年度法治政府建设情况报告"), Some(2024));
        // A plan's period is no report's year.
        assert_eq!(
            year("落实法治政府建设实施纲要（2021—2025年）2024年度报告"),
            Some(2024)
        );
        assert_eq!(year("2021年至2025年规划中期评估2024年度报告"), Some(2024));
        assert_eq!(year("２０２４年度报告"), Some(2024));
        assert_eq!(year("法治政府建设年度报告（2024）"), Some(2024));
        // A date of issue is no report's year; nor is a figure; nor a footer's date.
        assert_eq!(year("法治政府建设年度报告　2026年1月16日印发"), None);
        assert_eq!(year("年度报告（二〇二六年一月）"), None);
        assert_eq!(year("12024年度报告"), None);
        assert_eq!(year("青禾县卫生健康局　2026年1月印发"), None);
        assert_eq!(year("第2页（共12页）"), None);
    }

    #[test]
    fn a_template_blank_in_a_header() {
        for (text, found) in [
            ("××卫生健康局", "××"),
            ("编制单位：XX", "XX"),
            ("某某县卫生健康局", "某某"),
            ("[键入文档标题]", "[键入文档标题]"),
            ("【请填写】", "【请填写】"),
            ("____县卫生健康局", "____"),
            ("xx", "xx"),
            ("XX", "XX"),
            ("XXXX", "XXXX"),
            ("○○", "○○"),
            ("[文档标题]", "[文档标题]"),
            ("在此处键入", "在此处键入"),
            ("单位名称2025年法治政府建设工作报告", "单位名称"),
        ] {
            assert_eq!(blank(text), Some(found), "{text}");
        }
        for quiet in [
            "青禾县卫生健康局",
            "MAX",
            "— 2 —",
            "【内部资料】",
            "— XX —",
            "第XX页 共XXIV页",
            "二〇〇五年度报告",
        ] {
            assert_eq!(blank(quiet), None, "{quiet}");
        }
    }
}
