//! Files in a folder of reports that are no report: a cover note ("报送说明"), a list of
//! contacts, a paragraph drafted on its own, or gwlint's own output saved beside the
//! reports. One finding says so, instead of every part, the title and the 落款 reported
//! missing.

use super::NOT_A_REPORT;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::MarkerKind;
use crate::rules::Context;
use crate::text::han_count;

/// More Chinese characters than a note beside the reports holds; a longer text without
/// headings is a report written as one block, which the structure rules are for.
const MAX_NOTE_CHARS: usize = 300;

/// What a file that is no report is.
pub enum NotAReport {
    /// Text of its own: its wording is still checked, not its parts and 落款.
    Note(Diagnostic),
    /// gwlint's findings: nothing in it is checked.
    OwnOutput(Diagnostic),
}

/// The finding for a file that is no report, if it is one.
pub fn check(ctx: &Context) -> Option<NotAReport> {
    // Said at the file's first line of text.
    let whole = (0..ctx.doc.line_count())
        .map(|i| crate::outline::content_span(ctx.doc, i))
        .find(|s| !s.is_empty())
        .unwrap_or(0..0);
    if is_own_output(&ctx.doc.text) {
        return Some(NotAReport::OwnOutput(
            Diagnostic::new(
                &NOT_A_REPORT,
                whole,
                "本文件是 gwlint 的检查结果，不是报告",
                "检查结果不要保存在被检查的文件夹里，或用 gwlint.toml 的 exclude 排除它",
            )
            // No fault of a report's: a results file saved in the folder must not fail the
            // next run.
            .with_severity(crate::diagnostic::Severity::Info),
        ));
    }
    let o = ctx.outline;
    if let Some(kind) = o.title.as_ref().and_then(|t| covering_kind(&t.text))
        && (kind == "通知" || han_count(&ctx.doc.text) <= MAX_NOTE_CHARS)
    {
        return Some(NotAReport::Note(Diagnostic::new(
            &NOT_A_REPORT,
            whole,
            format!("本文件是{kind}，不是年度报告；只检查了文字，没有检查结构和落款"),
            format!("{kind}可以不检查（用 gwlint.toml 的 exclude 排除）"),
        )));
    }
    let titled = o.title.as_ref().is_some_and(|t| {
        ctx.profile.title.doctype.is_match(&t.text) || ctx.profile.title.subject.is_match(&t.text)
    });
    let names_a_part = || {
        ctx.profile
            .parts
            .iter()
            .any(|p| super::find_mention(ctx, p, &[]).is_some())
    };
    // A list of steps ("1. 安装…") numbers no part of a report.
    let headed = o.headings.iter().any(|h| {
        !matches!(
            h.kind,
            MarkerKind::ArabicDot | MarkerKind::ArabicParen | MarkerKind::Circled
        )
    });
    if titled
        || headed
        || o.date.is_some()
        || han_count(&ctx.doc.text) > MAX_NOTE_CHARS
        || names_a_part()
    {
        return None;
    }
    Some(NotAReport::Note(Diagnostic::new(
        &NOT_A_REPORT,
        whole,
        "本文件不像年度报告：没有报告标题、小标题和成文日期，也没有写到报告的任何一部分；只检查了文字，没有检查结构和落款",
        "如果是报送说明等附带材料，可以不检查（用 gwlint.toml 的 exclude 排除）；如果是报告，请补全标题、各部分和落款",
    )))
}

/// What a document titled "（机关）关于……的说明（函、通知）" is: the letter that comes
/// with a report ("关于报送2024年法治政府建设年度报告的说明", "桑田区卫生健康局关于报送…
/// 的函"), or the notice asking for the reports.
fn covering_kind(title: &str) -> Option<&'static str> {
    let about = title.find("关于")?;
    let sending = title[about..].contains("报送");
    if title.ends_with("通知") {
        Some("通知")
    } else if sending && title.ends_with("说明") {
        Some("报送说明")
    } else if sending && title.ends_with('函') {
        Some("报送函")
    } else {
        None
    }
}

/// Most lines are findings as `gwlint check` prints them ("…:3:1: error[GW0104] …"), or
/// a line is the run's tally.
fn is_own_output(text: &str) -> bool {
    // Nearly every file: neither a rule code nor the tally.
    if !text.contains("GW") && !text.contains("共检查 ") {
        return false;
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let findings = lines
        .iter()
        .filter(|l| {
            static_regex!(r"(?:error|warning|info)\[GW[0-9]{4}\]|[×⚠ℹ☞] *\[?GW[0-9]{4}").is_match(l)
        })
        .count();
    !lines.is_empty()
        && (findings * 2 >= lines.len()
            || lines
                .iter()
                .any(|l| static_regex!(r"^共检查 [0-9]+ 个文件：").is_match(l)))
}

#[cfg(test)]
mod tests {
    use crate::rules::{GOOD_REPORT, codes_of};

    #[test]
    fn a_cover_note_is_not_checked_as_a_report() {
        let note = "报送说明\n我区共报送6家单位的年度报告，其中1家为扫描件，纸质件另行报送。\n联系人：李明，电话：0571-81234567\n";
        assert_eq!(codes_of("GW", note), [("GW0109", 1)]);
        // A how-to note's list of steps is no report's headings.
        let steps = "年报写作说明\n生成Word文件的步骤如下：\n1.安装排版软件；\n2.运行转换命令；\n3.提交前检查。\n";
        assert_eq!(codes_of("GW01", steps), [("GW0109", 1)]);
        // Its wording still is: a paragraph drafted on its own is checked as text.
        let paragraph = "全年受理投诉1526件，办结1498件，办结率100%，部份单位整改不到位。\n";
        assert_eq!(
            codes_of("GW", paragraph),
            [("GW0109", 1), ("GW0402", 1), ("GW0801", 1)]
        );
    }

    #[test]
    fn a_signed_cover_letter_is_no_report() {
        let letter = "关于报送2024年法治政府建设年度报告的说明\n市卫生健康委：\n现将我局2024年法治政府建设年度报告报送你委，请审阅。\n青禾县卫生健康局\n2025年1月20日\n";
        assert_eq!(codes_of("GW01", letter), [("GW0109", 1)]);
        assert!(codes_of("GW02", letter).is_empty());
        // Titled with its issuer first, as 函 are; and the notice that asked for the reports,
        // however long.
        let letter = letter
            .replace("关于报送", "青禾县卫生健康局关于报送")
            .replace("的说明", "的函");
        assert_eq!(codes_of("GW01", &letter), [("GW0109", 1)]);
        let notice = format!(
            "青禾市卫生健康委员会关于报送2024年度法治政府建设年度报告的通知\n各县（区）卫生健康局：\n{}\n青禾市卫生健康委员会\n2024年12月10日\n",
            "请于2025年1月20日前报送本单位年度报告，报告须经党组会议审议。".repeat(20)
        );
        assert_eq!(codes_of("GW01", &notice), [("GW0109", 1)]);
        // A report titled "关于…的报告" is a report.
        let report = GOOD_REPORT.replacen(
            "青禾市卫生健康委员会2024年法治政府建设年度报告",
            "青禾市卫生健康委员会关于2024年法治政府建设情况的报告",
            1,
        );
        assert!(codes_of("GW0109", &report).is_empty());
    }

    #[test]
    fn gwlint_output_is_no_report() {
        let concise = "报告/a.txt:3:1: error[GW0104] 缺少“存在的不足和原因”部分\n报告/a.txt:9:2: warning[GW0501] 中文中使用了半角标点“,”\n共检查 1 个文件：1 个错误，1 个警告，0 个提示\n";
        assert_eq!(codes_of("GW", concise), [("GW0109", 1)]);
        let summary = "文件  发文机关  年度  错误\na.txt  青禾市卫生健康委员会  2024  3\n\n共检查 1 个文件：3 个错误，0 个警告，0 个提示\n";
        assert_eq!(codes_of("GW", summary), [("GW0109", 1)]);
    }

    #[test]
    fn reports_however_broken_are_reports() {
        assert!(codes_of("GW0109", GOOD_REPORT).is_empty());
        // No title and no headings, but a 成文日期, or a part named, or a long text.
        for text in [
            "我委全年审查重大行政决策3件。\n青禾市卫生健康委员会\n2025年1月20日\n".to_string(),
            "青山镇2024年法治政府建设工作情况\n全年审查重大行政决策3件。\n".to_string(),
            "我委全年审查重大行政决策3件。存在的不足和原因是执法力量不足。\n".to_string(),
            "我委全年审查重大行政决策3件，全部经过合法性审查。".repeat(20),
            "一、培训情况\n全年组织培训2次。\n".to_string(),
        ] {
            assert!(codes_of("GW0109", &text).is_empty(), "{text}");
        }
    }
}
