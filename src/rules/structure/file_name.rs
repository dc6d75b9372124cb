//! A file named for one report holding another: last year's report sent again, or
//! another unit's sent by mistake. Units name their files by unit and year
//! ("桃源县卫生健康局2024年法治政府建设年度报告.docx"); a supervisor sorting hundreds of
//! them trusts the name.

use super::FILE_NAME_MISMATCH;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::YearSource;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::unit_name::{han_runs, leading_places, places_in, same_body};
use std::ops::Range;

pub fn check(ctx: &Context, out: &mut Findings) {
    let stem = std::path::Path::new(&ctx.doc.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    check_year(ctx, &stem, out);
    check_unit(ctx, &stem, out);
}

fn check_year(ctx: &Context, stem: &str, out: &mut Findings) {
    let o = ctx.outline;
    let (Some(title), Some(year)) = (&o.title, &o.year) else {
        return;
    };
    let named = years_named(stem);
    if year.source != YearSource::Title || named.is_empty() || named.contains(&year.year) {
        return;
    }
    let raw = &ctx.doc.text[title.span.clone()];
    let at = raw
        .find(&year.year.to_string())
        .map_or(title.span.clone(), |k| {
            title.span.start + k..title.span.start + k + 4
        });
    out.push(Diagnostic::new(
        &FILE_NAME_MISMATCH,
        at,
        format!(
            "文件名写的是{}年，报告标题的年度是{}年：可能报送了另一年度的报告",
            named[0], year.year
        ),
        "核对报送的是不是要求年度的报告；报告无误时，改正文件名中的年度",
    ));
}

/// The reported years a file name gives: "2024年", "2024年度", "2024法治…"; not a date
/// or a time of sending ("2025年1月20日", "2025年元月", "（2025年报送）", "2025.1.20") or a
/// longer run of digits.
fn years_named(stem: &str) -> Vec<i32> {
    let sent = static_regex!(
        r"^(?:[.\-_/]?[0-9０-９]|[一二三四五六七八九十元]{1,2}月|月|报送|上报|印发|初|底|末)"
    );
    static_regex!(r"(?:^|[^0-9])((?:19|20)[0-9]{2})(年度|年|法治)?")
        .captures_iter(stem)
        .filter(|c| c.get(2).is_some() && !sent.is_match(&stem[c.get(0).map_or(0, |m| m.end())..]))
        .filter_map(|c| c[1].parse().ok())
        .collect()
}

fn check_unit(ctx: &Context, stem: &str, out: &mut Findings) {
    let o = ctx.outline;
    let named = places(stem);
    if named.is_empty() {
        return;
    }
    // What the report says it is from: its title and its signature.
    let title = o.title.as_ref().map_or("", |t| t.text.as_str());
    let signed: Vec<&str> = o
        .issuers
        .iter()
        .map(|&i| crate::sign_off::issuer_text(ctx.doc.line(i)))
        .collect();
    let own = format!("{title}\n{}", signed.join("\n"));
    let own_places = places_in(&own);
    if own_places.is_empty() || named.iter().any(|p| names_same_place(&own, p)) {
        return;
    }
    let Some(at) = issuer_span(ctx) else {
        return;
    };
    let issuer = o
        .title
        .as_ref()
        .and_then(|t| crate::outline::issuer_in_title(&t.text, &ctx.profile.issuer_suffixes))
        .or_else(|| signed.first().map(|s| s.to_string()))
        .unwrap_or_else(|| own_places[0].to_string());
    out.push(Diagnostic::new(
        &FILE_NAME_MISMATCH,
        at,
        format!(
            "文件名中的“{}”与报告的发文机关“{issuer}”不符：可能报送了其他单位的报告",
            named.join("")
        ),
        "核对报送的是不是本单位的报告；报告无误时，改正文件名",
    ));
}

/// Where the report names itself: the title, else its signature.
fn issuer_span(ctx: &Context) -> Option<Range<usize>> {
    let o = ctx.outline;
    o.title.as_ref().map(|t| t.span.clone()).or_else(|| {
        o.issuers
            .first()
            .map(|&i| crate::outline::content_span(ctx.doc, i))
    })
}

/// The report's own names hold place `p`: in full, without its last character ("玉屏县"
/// in "玉屏侗族自治县卫生健康局"), or in a short form ("江岚经开区" for
/// 江岚经济技术开发区).
fn names_same_place(own: &str, p: &str) -> bool {
    let short: String = p.chars().take(p.chars().count() - 1).collect();
    own.contains(p)
        || (short.chars().count() >= 2 && own.contains(&short))
        || (p.chars().count() >= 3 && places_in(own).iter().any(|q| same_body(p, q)))
}

/// Words a file name may start with before the unit's name ("关于青禾市…的报告").
const NAME_LEADS: [&str; 10] = [
    "年度",
    "年",
    "关于",
    "附件",
    "中共",
    "最新版",
    "最新",
    "转发",
    "印发",
    "报送",
];

/// The places a file name starts a run of Chinese with ("平安市桃源县卫生健康局…" names
/// 平安市 and 桃源县); after a year, "2024年玉屏县…", or a lead word, "关于玉屏县…".
fn places(stem: &str) -> Vec<&str> {
    han_runs(stem)
        .flat_map(|mut run| {
            while let Some(rest) = NAME_LEADS.iter().find_map(|w| run.strip_prefix(w)) {
                run = rest;
            }
            leading_places(run)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::rules::GOOD_REPORT;

    #[test]
    fn years_a_file_name_gives() {
        assert_eq!(
            years_named("桃源县卫生健康局2024年法治政府建设年度报告"),
            [2024]
        );
        assert_eq!(years_named("2024年度报告（修改稿）"), [2024]);
        assert_eq!(years_named("桃源县2024法治政府建设报告"), [2024]);
        // Dates of sending, numbers and bare years say nothing of the reported year.
        for quiet in [
            "桃源县报告（2025年报送）",
            "桃源县报告2025年元月",
            "桃源县报告2025年1月20日",
            "桃源县报告2025.1.20",
            "桃源县报告20250120",
            "桃源县报告2025",
            "report-2025-01-20",
        ] {
            assert!(years_named(quiet).is_empty(), "{quiet}");
        }
    }

    #[test]
    fn places_a_file_name_starts_with() {
        assert_eq!(
            places("玉屏县卫生健康局2024年法治政府建设年度报告"),
            ["玉屏县"]
        );
        assert_eq!(places("平安市桃源县卫生健康局"), ["平安市", "桃源县"]);
        assert_eq!(places("2024年玉屏县报告"), ["玉屏县"]);
        assert_eq!(places("浦东新区卫生健康委员会"), ["浦东新区"]);
        assert_eq!(places("关于青禾市卫生健康委员会2024年报告"), ["青禾市"]);
        assert_eq!(places("附件2024年度玉屏县报告"), ["玉屏县"]);
        for none in [
            "市卫生健康委员会2024年报告",
            "关于报送2024年法治政府建设年度报告的说明",
            "第一人民医院2024年报告",
            "社区卫生服务中心报告",
            "report",
        ] {
            assert!(places(none).is_empty(), "{none}");
        }
    }

    fn named(name: &str, text: &str) -> Vec<String> {
        let doc = Document::from_text(name, Format::Text, "utf-8", text.into());
        crate::Linter::with_defaults()
            .lint_document(&doc)
            .into_iter()
            .filter(|d| d.rule.code == FILE_NAME_MISMATCH.code)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_file_named_for_another_report() {
        // GOOD_REPORT is 青禾市卫生健康委员会's report on 2024.
        assert_eq!(
            named(
                "报告/青禾市卫生健康委员会2023年法治政府建设年度报告.txt",
                GOOD_REPORT
            ),
            ["文件名写的是2023年，报告标题的年度是2024年：可能报送了另一年度的报告"]
        );
        assert_eq!(
            named(
                "金沙县卫生健康局2024年法治政府建设年度报告.docx",
                GOOD_REPORT
            ),
            [
                "文件名中的“金沙县”与报告的发文机关“青禾市卫生健康委员会”不符：可能报送了其他单位的报告"
            ]
        );
        for quiet in [
            "青禾市卫生健康委员会2024年法治政府建设年度报告.txt",
            "青禾市2024年报告（修改稿）.txt",
            "平安省青禾市.txt",
            "报告2025年1月20日.txt",
            "t.txt",
            "-",
            "第一稿.docx",
        ] {
            assert_eq!(named(quiet, GOOD_REPORT), Vec::<String>::new(), "{quiet}");
        }
        // A development zone's usual short form.
        let zone = GOOD_REPORT.replace("青禾市卫生健康委员会", "江岚经济技术开发区社会事业局");
        for quiet in ["江岚经开区社会事业局2024年报告.txt", "经开区2024年报告.txt"]
        {
            assert_eq!(named(quiet, &zone), Vec::<String>::new(), "{quiet}");
        }
        assert_eq!(named("江岚高新区2024年报告.txt", &zone).len(), 1);
    }
}
