//! 发文字号 as a report cites them: "青卫发〔2024〕12号" (GB/T 9704-2012 7.2.4: the year
//! in 六角括号, no 第 before the number, no leading zeros).

use super::DOCUMENT_NUMBER;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use regex::Regex;
use std::ops::Range;

/// An issuer's abbreviation (two Han at least) right before the bracket; the number right
/// after it. Court case numbers ("（2021）浙0102民初123号") have words between.
fn pattern() -> &'static Regex {
    static_regex!(
        r"\p{Han}{2}(?P<pre>\s*)(?P<open>[\[\(（【［〔﹝{｛〖])\s*(?P<year>(?:19|20)?[0-9]{2})(?P<nian>年)?\s*(?P<close>[\]\)）】］〕﹞}｝〗])\s*(?P<di>第)?\s*(?P<num>[0-9]+)\s*号"
    )
}

/// A bracketed year somewhere in `t`: the cheap test before the full pattern, whose
/// leading `\p{Han}` gives the regex engine no literal to skip ahead with.
fn may_hold_one(t: &str) -> bool {
    t.contains('号') && static_regex!(r"[\[\(（【［〔﹝{｛〖]\s*[0-9]{2}").is_match(t)
}

/// Where document numbers are in `t`, from the bracket (and any space before it) to 号:
/// their brackets and spaces are this rule's, not the punctuation and space rules'.
pub(crate) fn spans(t: &str) -> Vec<Range<usize>> {
    if !may_hold_one(t) {
        return Vec::new();
    }
    pattern()
        .captures_iter(t)
        .filter_map(|c| Some(c.name("pre")?.start()..c.get(0)?.end()))
        .collect()
}

/// "湘卫消证字（2019）第0058号", "劳人仲案字〔2025〕第12号", "京朝卫医罚〔2024〕0012号",
/// "青政复决字〔2024〕第5号": licences, cases, penalty and review decisions are numbered
/// by rules of their own (zero-padded, with 第), and a report cites them as issued.
fn own_form(before: &str) -> bool {
    let code = before.trim_end();
    [
        "证字", "案字", "意字", "罚字", "裁字", "执字", "决字", "复字", "诉字", "罚",
    ]
    .iter()
    .any(|w| code.ends_with(w))
}

/// The bracket typed for the 六角括号, by its name.
fn bracket_name(open: &str) -> &'static str {
    match open {
        "﹝" => "小型六角括号",
        "［" => "全角方括号",
        "[" => "半角方括号",
        "（" => "圆括号",
        "(" => "半角圆括号",
        "【" => "实心方头括号",
        "〖" => "空心方头括号",
        "〈" | "<" => "尖括号",
        _ => "",
    }
}

/// "青卫发〔2024〕12" with its 号 left off: only in 六角括号, whose one use is the 发文字号,
/// and where the number ends the reference (a bracket, punctuation, 文件 or the line's end).
fn without_hao() -> &'static Regex {
    static_regex!(
        r"\p{Han}{2}(?P<open>〔)(?:19|20)[0-9]{2}〕(?P<num>[1-9][0-9]*)(?:$|[）)，,、。；;：:》」\s]|文件)"
    )
}

pub fn check(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines() {
        if t.contains('〔') {
            for c in without_hao().captures_iter(t) {
                let (Some(open), Some(num)) = (c.name("open"), c.name("num")) else {
                    continue;
                };
                let open = open.start();
                // "〔2021〕4 号": spaced, the main pattern's.
                if t[num.end()..].trim_start().starts_with('号') || own_form(&t[..open]) {
                    continue;
                }
                let written = &t[open..num.end()];
                out.push(
                    Diagnostic::new(
                        &DOCUMENT_NUMBER,
                        span.start + open..span.start + num.end(),
                        format!("发文字号“{written}”缺少“号”字"),
                        format!("写作“{written}号”（GB/T 9704-2012 7.2.4）"),
                    )
                    .with_fix(format!("{written}号"), true),
                );
            }
        }
        if !may_hold_one(t) {
            continue;
        }
        for c in pattern().captures_iter(t) {
            let (Some(pre), Some(open), Some(year), Some(close), Some(num), Some(all)) = (
                c.name("pre"),
                c.name("open"),
                c.name("year"),
                c.name("close"),
                c.name("num"),
                c.get(0),
            ) else {
                continue;
            };
            if own_form(&t[..open.start()]) {
                continue;
            }
            let brackets = open.as_str() == "〔" && close.as_str() == "〕";
            // "〔25〕": the year in two digits; "〔2018年〕": with 年.
            let short_year = year.as_str().len() == 2;
            let nian = c.name("nian").is_some();
            if short_year && !brackets {
                // "（21）3号" in other brackets is too unsure to be a 发文字号.
                continue;
            }
            let di = c.name("di").is_some();
            let digits = num.as_str().trim_start_matches('0');
            let padded = digits.len() != num.as_str().len();
            let spaced = t[pre.start()..all.end()].contains(char::is_whitespace);
            if brackets && !di && !padded && !spaced && !short_year && !nian {
                continue;
            }
            let digits = if digits.is_empty() { "0" } else { digits };
            let fixed = format!("〔{}〕{digits}号", year.as_str());
            let mut problems: Vec<String> = Vec::new();
            if short_year {
                problems.push("年份应写全四位".into());
            }
            if nian {
                problems.push("年份后不加“年”字".into());
            }
            if !brackets {
                // "﹝2024﹞" looks like "〔2024〕" in many fonts: say which was typed.
                problems.push(format!(
                    "年份应括入六角括号“〔〕”，这里用的是{}“{}{}”",
                    bracket_name(open.as_str()),
                    open.as_str(),
                    close.as_str()
                ));
            }
            if di {
                problems.push("顺序号前不加“第”字".into());
            }
            if padded {
                problems.push("顺序号不编虚位（不在前面补0）".into());
            }
            if spaced {
                problems.push("中间不加空格".into());
            }
            let written = &t[pre.start()..all.end()];
            let d = Diagnostic::new(
                &DOCUMENT_NUMBER,
                span.start + pre.start()..span.start + all.end(),
                format!("发文字号“{written}”写法不规范：{}", problems.join("，")),
                if short_year {
                    format!(
                        "年份写全四位并括入六角括号，如“〔{}〕{digits}号”（GB/T 9704-2012 7.2.4）",
                        full_year(year.as_str())
                    )
                } else {
                    format!("写作“{fixed}”（GB/T 9704-2012 7.2.4）")
                },
            );
            // Which century a two-digit year is, the writer knows.
            out.push(if short_year {
                d
            } else {
                d.with_fix(fixed, true)
            });
        }
    }
}

/// A two-digit year in full, for an example only: "24" is 2024, "98" is 1998.
fn full_year(yy: &str) -> String {
    let century = if yy < "50" { "20" } else { "19" };
    format!("{century}{yy}")
}
