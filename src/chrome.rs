//! Web-page debris: lines a portal page adds around a report (rules/chrome.toml).

use regex::RegexSet;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct ChromeFile {
    line: Vec<String>,
}

fn patterns() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        let f: ChromeFile =
            toml::from_str(include_str!("../rules/chrome.toml")).expect("embedded chrome.toml");
        RegexSet::new(&f.line).expect("embedded chrome patterns compile")
    })
}

/// True when a line (indentation removed) is portal debris.
pub fn is_chrome(line: &str) -> bool {
    let t = crate::text::trim_indent(line);
    !t.is_empty() && (is_symbol_only(t) || patterns().is_match(t))
}

/// "|", "* *", "******/****": leftovers with no letters or Chinese at all.
fn is_symbol_only(t: &str) -> bool {
    !t.chars().any(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_lines_are_chrome() {
        for l in [
            "发布时间:2021-01-22 \u{a0}\u{a0} 浏览次数:15109",
            "|",
            "  • 信息索引号:",
            "黑ICP备12345678号-3",
            "字体:\u{a0} ",
            "打印",
            "打印本页    关闭窗口",
            "[打印页面] [关闭页面]",
            "2026-01-29",
            "版权所有：某市卫生健康委员会",
            "浙江/杭州 质疑投诉",
            "质疑投诉",
            "第 2 页 共 4 页",
            "— 4 —",
            "- 12 -",
        ] {
            assert!(is_chrome(l), "{l}");
        }
    }

    #[test]
    fn report_lines_are_not_chrome() {
        for l in [
            "青禾市卫生健康委员会",
            "2025年1月20日",
            "一、主要举措和成效",
            "打印机采购经费已纳入预算。",
            "全年受理政府采购质疑投诉3件，均依法办结。",
            "全年受理政府采购质疑投诉3件,均依法办结.",
            "二、规范政府采购质疑投诉处理",
            "第2页列出了全部事项。",
            "—4—5月开展专项检查",
            "规范政府采购质疑投诉处理",
            "",
        ] {
            assert!(!is_chrome(l), "{l}");
        }
    }
}
