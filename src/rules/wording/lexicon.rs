//! rules/lexicon.toml, parsed once: misspellings, the duplicated-character data and the
//! spam words.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    typo: Vec<TypoFile>,
    duplicate: DuplicateFile,
    spam: SpamFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypoFile {
    wrong: String,
    right: String,
    safe: bool,
    note: String,
    after: Option<String>,
    not_after: Option<String>,
    not_before: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DuplicateFile {
    words: String,
    standalone: String,
    always: String,
    whitelist: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpamFile {
    words: Vec<String>,
}

pub struct Typo {
    pub wrong: String,
    pub right: String,
    pub safe: bool,
    pub note: String,
    after: Option<Regex>,
    not_after: Option<Regex>,
    not_before: Option<Regex>,
}

impl Typo {
    /// Whether the guards allow a match with `before` and `after` around it.
    pub fn applies(&self, before: &str, after: &str) -> bool {
        self.after.as_ref().is_none_or(|r| r.is_match(after))
            && !self.not_after.as_ref().is_some_and(|r| r.is_match(after))
            && !self.not_before.as_ref().is_some_and(|r| r.is_match(before))
    }
}

pub struct Duplicates {
    /// Words a doubled character may break, and words a first copy may end.
    pub words: HashSet<String>,
    pub longest_word: usize,
    pub standalone: HashSet<char>,
    pub always: HashSet<char>,
    pub whitelist: Vec<String>,
}

pub struct Lexicon {
    pub typos: Vec<Typo>,
    pub typo_matcher: AhoCorasick,
    pub duplicates: Duplicates,
    pub spam: AhoCorasick,
}

fn anchored(p: &Option<String>, start: bool) -> Result<Option<Regex>, String> {
    p.as_ref()
        .map(|p| {
            let full = if start {
                format!("^(?:{p})")
            } else {
                format!("(?:{p})")
            };
            Regex::new(&full).map_err(|e| format!("正则表达式“{p}”无效：{e}"))
        })
        .transpose()
}

impl Lexicon {
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let f: LexiconFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let typos = f
            .typo
            .into_iter()
            .map(|t| {
                if t.wrong.is_empty() {
                    return Err("typo.wrong 不能为空".to_string());
                }
                Ok(Typo {
                    after: anchored(&t.after, true)?,
                    not_after: anchored(&t.not_after, true)?,
                    not_before: anchored(&t.not_before, false)?,
                    wrong: t.wrong,
                    right: t.right,
                    safe: t.safe,
                    note: t.note,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let typo_matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(typos.iter().map(|t| t.wrong.as_str()))
            .map_err(|e| e.to_string())?;
        let words: HashSet<String> = f
            .duplicate
            .words
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let longest_word = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let duplicates = Duplicates {
            words,
            longest_word,
            standalone: f.duplicate.standalone.chars().collect(),
            always: f.duplicate.always.chars().collect(),
            whitelist: f
                .duplicate
                .whitelist
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        };
        let spam = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&f.spam.words)
            .map_err(|e| e.to_string())?;
        Ok(Lexicon {
            typos,
            typo_matcher,
            duplicates,
            spam,
        })
    }
}

/// The embedded lexicon; tested, so a failure here is a build defect.
pub fn get() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        Lexicon::parse(include_str!("../../../rules/lexicon.toml")).expect("embedded lexicon.toml")
    })
}

pub fn spam() -> &'static AhoCorasick {
    &get().spam
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads() {
        let l = get();
        assert!(
            l.typos
                .iter()
                .any(|t| t.wrong == "撤消" && t.right == "撤销")
        );
        assert!(l.duplicates.words.contains("深入"));
        assert!(l.duplicates.standalone.contains(&'市'));
        assert!(l.duplicates.whitelist.iter().any(|w| w == "紧紧"));
        // Every word of the list is a real multi-character word.
        assert!(l.duplicates.words.iter().all(|w| w.chars().count() >= 2));
    }

    #[test]
    fn bad_guard_is_reported() {
        let text = include_str!("../../../rules/lexicon.toml").replacen(
            "after = '[0-9]{4}年",
            "after = '([0-9]{4}年",
            1,
        );
        let err = Lexicon::parse(&text).err().expect("refused");
        assert!(err.contains("([0-9]{4}年"), "{err}");
    }
}
