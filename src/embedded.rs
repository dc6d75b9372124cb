//! The data files under `rules/`, built into the binary. A user's clone may not have them
//! at hand, so `gwlint rules --data` prints them, and the rules' docs can name them.

pub const FAZHI_REPORT: &str = include_str!("../rules/fazhi-report.toml");
pub const UNITS: &str = include_str!("../rules/units.toml");
pub const LEXICON: &str = include_str!("../rules/lexicon.toml");
pub const CITATIONS: &str = include_str!("../rules/citations.toml");
pub const LAWS: &str = include_str!("../rules/laws.toml");
pub const CHROME: &str = include_str!("../rules/chrome.toml");
pub const EVENTS: &str = include_str!("../rules/events.toml");
pub const MEETINGS: &str = include_str!("../rules/meetings.toml");
pub const COMMON_WORDS: &str = include_str!("../rules/common_words.toml");
pub const WORD_STARTS: &str = include_str!("../rules/word_starts.toml");
pub const LOOKALIKES: &str = include_str!("../rules/lookalikes.toml");

/// Every data file: its name under `rules/`, what it holds, its text.
pub const FILES: [(&str, &str, &str); 11] = [
    (
        "fazhi-report.toml",
        "法治政府建设年度报告的检查配置：标题、各部分及其同义写法、报送期限",
        FAZHI_REPORT,
    ),
    (
        "units.toml",
        "数字与日期规则用的计量单位、总数词、比率词",
        UNITS,
    ),
    (
        "lexicon.toml",
        "错别字、规范写法、“的地”、相对时间、广告词等词表",
        LEXICON,
    ),
    ("citations.toml", "常引用文件的规范名称和年份", CITATIONS),
    ("laws.toml", "现行法律和常用行政法规的名称", LAWS),
    (
        "chrome.toml",
        "网页残留（发布时间、浏览次数、打印、分享等）的识别规则",
        CHROME,
    ),
    ("events.toml", "不加书名号的活动、节日名称", EVENTS),
    (
        "meetings.toml",
        "党的全国代表大会和中央全会的召开日期",
        MEETINGS,
    ),
    (
        "common_words.toml",
        "常用双字词（判断重复字是否为笔误）",
        COMMON_WORDS,
    ),
    (
        "word_starts.toml",
        "以某些字开头的常用词（判断重复字是否为笔误）",
        WORD_STARTS,
    ),
    (
        "lookalikes.toml",
        "与常用汉字形似的康熙部首等字符及其对应的汉字",
        LOOKALIKES,
    ),
];

/// A data file by its name, with or without `rules/` and `.toml`.
pub fn file(name: &str) -> Option<&'static str> {
    let name = name.trim_start_matches("./").trim_start_matches("rules/");
    let name = name.strip_suffix(".toml").unwrap_or(name);
    FILES
        .iter()
        .find(|(n, _, _)| n.strip_suffix(".toml") == Some(name))
        .map(|(_, _, text)| *text)
}

#[cfg(test)]
mod tests {
    /// A Unicode word boundary stops the regex crate's fast engine on Chinese text: one
    /// `\b` in chrome.toml's set made every line of every report three times slower.
    #[test]
    fn no_data_file_writes_a_unicode_word_boundary() {
        for (name, _, text) in super::FILES {
            for (at, _) in text.match_indices(r"\b").chain(text.match_indices(r"\B")) {
                let near: String = text[at..].chars().take(12).collect();
                assert!(text[..at].ends_with("(?-u:"), "{name}: {near}");
            }
        }
    }

    #[test]
    fn every_file_under_rules_is_listed_and_found_by_its_names() {
        let mut on_disk: Vec<String> = std::fs::read_dir("rules")
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<&str> = super::FILES.iter().map(|(n, _, _)| *n).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
        assert_eq!(super::file("rules/units.toml"), Some(super::UNITS));
        assert_eq!(super::file("lexicon"), Some(super::LEXICON));
        assert_eq!(super::file("./rules/units.toml"), Some(super::UNITS));
        assert_eq!(super::file("nope"), None);
    }
}
