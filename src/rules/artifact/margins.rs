//! Page headers and footers (GW0613): printed on every page, and easy to forget when last
//! year's report or a template is reused. They have no line of their own in the text, so
//! a finding is anchored on the first line, the title.

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
    let first = ctx.doc.lines.first().map_or(0..0, |l| l.start..l.end);
    // The year the report's own words give; a year guessed from its date is no ground to
    // call a header wrong.
    let reported = ctx
        .outline
        .year
        .filter(|y| y.source != YearSource::Date)
        .map(|y| y.year);
    for m in margins {
        let place = m.margin.label();
        let (message, help) = if let Some(blank) = blank_in(&m.text) {
            (
                format!(
                    "{place}“{}”中的“{}”是未填写的占位符",
                    quoted(m),
                    &m.text[blank]
                ),
                format!("{place}会印在每一页上：在 Word 或 WPS 中双击{place}，填上实际内容"),
            )
        } else if let Some(stale) = reported.and_then(|year| stale_year(&m.text, year)) {
            let year = reported.unwrap_or_default();
            (
                format!("{place}“{}”写的是{stale}年，报告年度是{year}年", quoted(m)),
                format!(
                    "{place}多半是沿用了往年的报告或模板：在 Word 或 WPS 中双击{place}，改为{year}年的标题，或删除"
                ),
            )
        } else {
            continue;
        };
        out.push(Diagnostic::new(
            &HEADER_FOOTER,
            first.clone(),
            message,
            help,
        ));
    }
}

fn quoted(m: &MarginText) -> String {
    let mut s: String = m.text.chars().take(MAX_QUOTED).collect();
    if m.text.chars().count() > MAX_QUOTED {
        s.push('…');
    }
    s
}

/// The year a report's running title names, when it is not the reported one: the header
/// names a report (报告, 年度) and no year in it is the reported year. A date of issue in
/// a footer ("2026年1月印发") names no report and is left alone.
fn stale_year(text: &str, reported: i32) -> Option<i32> {
    if !(text.contains("报告") || text.contains("年度")) {
        return None;
    }
    let years: Vec<i32> = static_regex!(r"(?:^|[^0-9])((?:19|20)[0-9]{2})\s*年")
        .captures_iter(text)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    if years.contains(&reported) {
        return None;
    }
    years.first().copied()
}

#[cfg(test)]
mod tests {
    use super::stale_year;

    #[test]
    fn a_running_title_of_another_year_is_stale() {
        assert_eq!(
            stale_year("青禾县卫生健康局2024年度法治政府建设工作报告", 2025),
            Some(2024)
        );
        assert_eq!(stale_year("2025年法治政府建设年度报告", 2025), None);
        // A date of issue names no report.
        assert_eq!(stale_year("青禾县卫生健康局　2026年1月印发", 2025), None);
        // Nor is a figure a year.
        assert_eq!(stale_year("12024年度报告", 2025), None);
    }
}
