//! What GB/T 9704-2012 puts around a report's text: the 版头 above the title (份号, 密级,
//! 紧急程度, "××文件", 发文字号, 签发人) and, below the 落款, the 附注, the attachments
//! (附件, 7.3.7) and the 版记 (抄送, 印发机关和印发日期, 8). None of it is body text.

use crate::date;
use crate::document::Document;
use crate::lazy_regex::static_regex;
use crate::text::{char_len, han_count, squeeze, trim_indent};
use regex::Regex;

/// Longer lines are sentences, not furniture.
const MAX_LINE: usize = 60;
/// How far above the end the 抄送 line may be (it may wrap).
const IMPRINT_LINES: usize = 6;
/// 附注 lines between the 成文日期 and what follows.
const MAX_NOTES: usize = 3;

fn document_number() -> &'static Regex {
    static_regex!(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
}

/// 附件, 附件1, 附表2, 附图, 附录, 附件目录, and a bare 附： on a line of their own.
pub fn is_attachment_heading(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('附') else {
        return false;
    };
    let rest = rest.trim_end_matches([':', '：']).trim();
    let Some(kind) = rest.chars().next() else {
        return true;
    };
    if !"件表图录".contains(kind) {
        return false;
    }
    let rest = rest[kind.len_utf8()..].trim_start();
    let arabic = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let chinese = |c: char| "一二三四五六七八九十".contains(c);
    let count = rest.chars().count();
    rest.is_empty()
        || (kind == '件' && matches!(rest, "目录" | "清单"))
        || (count <= 2 && rest.chars().all(arabic))
        || (count <= 3 && rest.chars().all(chinese))
}

/// "附件：2024年度行政执法数据统计表", "附件：1.…": the 附件说明, naming what is attached;
/// or an attachment headed with its name on the label's line ("附件1：行政执法统计",
/// "附件2　普法责任清单"), as OA systems and web pages show it.
fn is_attachment_note(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("附件") else {
        return false;
    };
    let numbered = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
    });
    let number_len = char_len(rest) - char_len(numbered);
    let name = if number_len == 0 {
        rest.strip_prefix(['：', ':'])
    } else if number_len <= 3 {
        numbered.strip_prefix(['：', ':', '\u{3000}', ' '])
    } else {
        None
    };
    name.is_some_and(|name| !name.trim().is_empty() && char_len(name) <= MAX_LINE * 2)
}

/// A 版头 line: 份号, 密级, 紧急程度, "××文件", 发文字号, 签发人.
pub fn is_masthead(line: &str) -> bool {
    let t = trim_indent(line);
    if t.is_empty() || char_len(t) > MAX_LINE || t.contains(['。', '，', '；']) {
        return false;
    }
    let plain = t.replace([' ', '\u{3000}'], "");
    t.starts_with("签发人")
        // 号 first: most lines have none, and the pattern is then never built.
        || (t.contains('号')
            && document_number().is_match(t)
            && char_len(&plain) <= 40
            && !plain.contains("关于"))
        || (plain.len() == 6 && plain.bytes().all(|b| b.is_ascii_digit()))
        || ["特急", "加急", "平急", "特提"].contains(&plain.as_str())
        || ["绝密", "机密", "秘密"]
            .iter()
            .any(|m| plain.starts_with(m))
            && char_len(&plain) <= 12
        || plain.ends_with("文件")
            && han_count(&plain) == plain.chars().count()
            && char_len(&plain) <= 25
}

/// What follows the report's own text, as line indices (`end` when there is none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closing {
    /// The first line after the 落款: 附注, 附件 or 版记.
    pub start: usize,
    /// The first line of the 版记 (抄送, 印发), laid out rather than written.
    pub imprint: usize,
}

/// Where the text of the report ends, and where its 版记 begins. `lines` are the meaningful
/// lines from the start of the body to `end`, in order; `signs` tells a 署名 line.
pub fn closing(
    doc: &Document,
    lines: &[usize],
    end: usize,
    signs: &dyn Fn(&str) -> bool,
) -> Closing {
    let Some(&last) = lines.last() else {
        return Closing {
            start: end,
            imprint: end,
        };
    };
    let mut cut = lines.len();
    // 版记: 抄送 (perhaps wrapped), then the 印发 line.
    let tail_from = lines.len().saturating_sub(IMPRINT_LINES);
    let copy_to = (tail_from..lines.len()).find(|&k| is_copy_to(doc.line(lines[k])));
    // A date line, or a 署名 with its date on the line.
    let dated = |l: &str| {
        date::parse_line(l).is_some() || crate::sign_off::split_trailing_date(l).is_some()
    };
    // A 抄送 with the 成文日期 under it is written above the 落款 (GW0213), not a 版记.
    let dated_below = |k: usize| {
        lines[k + 1..].iter().any(|&i| {
            let l = doc.line(i);
            !is_print_line(l) && dated(l)
        })
    };
    // …and so is one with only a 署名 under it, when the 抄送 ends there (not "抄送：市委，"
    // wrapped onto a line naming the next recipient).
    let signed_below = |k: usize| {
        let rest = &lines[k + 1..];
        !doc.line(lines[k]).trim_end().ends_with(['，', ',', '、'])
            && !rest.is_empty()
            && rest.iter().all(|&i| signs(doc.line(i)))
            // The 印发 line names an office, but it is the 版记's own.
            && rest.iter().any(|&i| !is_print_line(doc.line(i)))
    };
    if let Some(k) = copy_to.filter(|&k| !dated_below(k) && !signed_below(k)) {
        cut = k;
    } else if is_print_line(doc.line(last)) {
        // "2025年1月20日印发" alone under the signature is its 成文日期, miswritten; under
        // a 成文日期, a 印发 line without its 印发机关.
        let bare_date = date::parse_line(doc.line(last)).is_some();
        let n = lines.len();
        let dated_above = above_notes(doc, &lines[..n - 1]).is_some_and(|i| dated(doc.line(i)));
        // "禾丰县卫生健康局" / "2026年1月22日印发" under a 成文日期: the 印发机关 wrapped
        // onto a line of its own.
        let office_split = n >= 3
            && signs(doc.line(lines[n - 2]))
            && above_notes(doc, &lines[..n - 2]).is_some_and(|i| dated(doc.line(i)));
        if office_split {
            cut = n - 2;
        } else if !bare_date || dated_above {
            cut = n - 1;
        }
    }
    let imprint = lines.get(cut).copied().unwrap_or(end);
    // 附件 after the 落款: a heading line of its own with the 落款 just above it.
    let signed_above = |above: &[usize]| {
        above_notes(doc, above)
            .is_some_and(|i| date::parse_line(doc.line(i)).is_some() || signs(doc.line(i)))
    };
    // So does a 附件说明 line ("附件：2024年度行政执法数据统计表") put after it.
    if let Some(k) = (0..cut).find(|&k| {
        let t = trim_indent(doc.line(lines[k]));
        (is_attachment_heading(t) || is_attachment_note(t)) && signed_above(&lines[..k])
    }) {
        cut = k;
    }
    // 附注 and contact lines right under the 落款.
    let notes = (0..cut)
        .rev()
        .take_while(|&k| is_note(doc.line(lines[k])))
        .take(MAX_NOTES + 1)
        .count();
    if notes > 0 && notes <= MAX_NOTES && signed_above(&lines[..cut - notes + 1]) {
        cut -= notes;
    }
    Closing {
        start: lines.get(cut).copied().unwrap_or(end),
        imprint,
    }
}

/// The last of `lines` above any 附注 (or seal placeholder) at their end.
fn above_notes(doc: &Document, lines: &[usize]) -> Option<usize> {
    lines
        .iter()
        .rev()
        .take(MAX_NOTES + 1)
        .find(|&&i| !is_note(doc.line(i)))
        .copied()
}

/// "抄送：市司法局。", "抄报：市卫生健康委。", "抄送　市司法局": the first line of a 版记,
/// not a sentence that starts with the verb ("抄送区司法局备案的规范性文件3件").
pub fn is_copy_to(line: &str) -> bool {
    let label = |t: &str| {
        t.strip_prefix("抄送")
            .or_else(|| t.strip_prefix("抄报"))
            .map(str::to_string)
    };
    let t = trim_indent(line);
    // "抄 送：" spaced out, or a space for the colon.
    label(&squeeze(t)).is_some_and(|rest| rest.starts_with([':', '：']))
        || label(t).is_some_and(|rest| rest.starts_with([' ', '\u{3000}', '\t']))
}

/// "青禾市卫生健康委员会办公室　　2025年1月22日印发", or its fields ("印发日期：…").
pub fn is_print_line(line: &str) -> bool {
    let t = trim_indent(line);
    let field = ["印发日期", "印发机关"]
        .iter()
        .any(|w| squeeze(t).starts_with(w));
    (t.ends_with("印发") || field) && char_len(t) <= MAX_LINE && !t.contains(['。', '，'])
}

/// A line that may stand below the 落款 in its own right: a 附注 or contact line, a note
/// or footnote ("注：…", "脚注1：…"), an attachment's label, a 版记 line.
pub fn belongs_after_sign_off(line: &str) -> bool {
    let t = trim_indent(line);
    is_note(t)
        // "[^1]: …" is Markdown's footnote.
        || ["注：", "注:", "脚注", "尾注", "[^"]
            .iter()
            .any(|p| t.starts_with(p))
        || is_attachment_heading(t)
        || is_attachment_note(t)
        || is_copy_to(t)
        || is_print_line(t)
}

/// A 附注 ("（此件公开发布）", "（联系人：…）") or a contact line.
fn is_note(line: &str) -> bool {
    let t = trim_indent(line);
    let bracketed =
        (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'));
    char_len(t) <= MAX_LINE * 2
        && (bracketed && date::parse_line(t).is_none()
            || [
                "联系人",
                "联系电话",
                "联系方式",
                "电话：",
                "电子邮箱",
                "邮箱：",
            ]
            .iter()
            .any(|p| t.starts_with(p)))
}

/// Lines of an 附件说明 ("附件：1.××" and the items under it): items, not headings.
pub fn attachment_items(doc: &Document, lines: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let t = trim_indent(doc.line(lines[k]));
        let note = t
            .strip_prefix("附件")
            .is_some_and(|r| r.trim_start().starts_with(['：', ':']) && r.chars().count() > 2);
        k += 1;
        if !note {
            continue;
        }
        while k < lines.len() && is_numbered_item(trim_indent(doc.line(lines[k]))) {
            out.push(lines[k]);
            k += 1;
        }
    }
    out
}

fn is_numbered_item(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(['.', '．', '、'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn doc(text: &str) -> Document {
        Document::from_text("t.txt", Format::Text, "utf-8", text.to_string())
    }

    fn closing_of(text: &str) -> Closing {
        let d = doc(text);
        let meaningful: Vec<usize> = (0..d.line_count())
            .filter(|&i| !d.line(i).trim().is_empty())
            .collect();
        closing(&d, &meaningful, d.line_count(), &|l| l.ends_with("委员会"))
    }

    fn closing_start(text: &str) -> usize {
        closing_of(text).start
    }

    #[test]
    fn masthead_lines() {
        for yes in [
            "青禾市卫生健康委员会文件",
            "青卫〔2025〕6号",
            "签发人：张明",
            "000123",
            "特急",
            "机密★1年",
        ] {
            assert!(is_masthead(yes), "{yes}");
        }
        for no in [
            "青禾市卫生健康委员会关于2024年法治政府建设情况的报告",
            "根据青卫〔2025〕6号文件，我委开展检查。",
            "法治政府建设年度报告",
        ] {
            assert!(!is_masthead(no), "{no}");
        }
    }

    #[test]
    fn what_follows_the_signature() {
        let sig = "正文。\n青禾市卫生健康委员会\n2025年1月22日\n";
        assert_eq!(closing_start(sig), doc(sig).line_count(), "nothing follows");
        let full = format!(
            "{sig}（此件公开发布）\n（联系人：王某，联系电话：0592-7781236）\n\n抄送：市委办公室，市政府办公室，\n　　市司法局。\n\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n"
        );
        assert_eq!(closing_start(&full), 3);
        assert_eq!(closing_of(&full).imprint, 6);
        // A 抄送 label padded with a space, 印发 as a field.
        let padded = format!("{sig}抄　送：市卫生健康委。\n印发日期：2025年1月22日\n");
        assert_eq!(closing_start(&padded), 3);
        let attached = format!(
            "{sig}\n附件\n\n青禾市卫生健康委员会2024年行政执法统计\n一、行政许可\n1.医疗机构执业许可326件。\n"
        );
        assert_eq!(closing_start(&attached), 4);
        // Other labels of what is attached.
        for label in ["附：", "附表1", "附件目录", "附图2：", "附录"] {
            let other = attached.replacen("附件", label, 1);
            assert_eq!(closing_start(&other), 4, "{label}");
        }
        // The name on the label's line, as OA systems show it; not a sentence about one.
        for label in [
            "附件1：青禾市卫生健康委员会2024年行政执法统计",
            "附件二　普法责任清单",
        ] {
            let named =
                attached.replacen("附件\n\n青禾市卫生健康委员会2024年行政执法统计", label, 1);
            assert_eq!(closing_start(&named), 4, "{label}");
        }
        let sentence = attached.replacen("附件\n", "附件12345份已归档。\n", 1);
        assert_eq!(closing_start(&sentence), doc(&sentence).line_count());
        // The 印发机关 on a line of its own above the 印发日期, with no 抄送.
        let split = format!("{sig}青禾市卫生健康委员会\n2025年1月22日印发\n");
        assert_eq!(
            closing_of(&split),
            Closing {
                start: 3,
                imprint: 3
            }
        );
        // A miswritten 成文日期 under the 署名 is still the 落款's own.
        let miswritten = "正文。\n青禾市卫生健康委员会\n2025年1月22日印发\n";
        assert_eq!(closing_start(miswritten), doc(miswritten).line_count());
        // No 成文日期, but the 署名 is there.
        let undated = attached.replacen("2025年1月22日\n", "", 1);
        assert_eq!(closing_start(&undated), 3);
        // Without a 成文日期 above, a bracketed last line is the report's own.
        assert_eq!(closing_start("正文。\n（下转第2页）"), 2);
    }

    #[test]
    fn attachment_notes_list_items() {
        let text = "正文。\n附件：1.青禾市卫生健康委员会2024年行政执法统计\n　　　2.行政复议案件清单\n青禾市卫生健康委员会\n";
        let d = doc(text);
        let all: Vec<usize> = (0..d.line_count()).collect();
        assert_eq!(attachment_items(&d, &all), [2]);
    }
}
