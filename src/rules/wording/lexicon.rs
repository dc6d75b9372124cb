//! rules/lexicon.toml, parsed once: misspellings, the duplicated-character data and the
//! spam words.

use crate::config::EntryError;
use crate::lazy_regex::LazyRegex;
use crate::wordlist::WordList;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    typo: Vec<TypoSpec>,
    duplicate: DuplicateFile,
    spam: SpamFile,
    relative_time: RelativeTimeFile,
    adverbial: AdverbialFile,
    unfinished: UnfinishedFile,
    masked_names: MaskedNamesFile,
    template_fields: TemplateFieldsFile,
    approximation: Approximation,
}

/// `[template_fields]`: the names of a template's fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFieldsFile {
    names: Vec<String>,
}

/// `[masked_names]`: people's names masked on purpose.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MaskedNamesFile {
    surnames: String,
}

/// `[unfinished]`: what a sentence cannot end on.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnfinishedFile {
    ends: String,
    words: Vec<String>,
}

/// One `[[typo]]` entry, in rules/lexicon.toml or a user's gwlint.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypoSpec {
    wrong: String,
    right: String,
    #[serde(default)]
    safe: bool,
    #[serde(default)]
    note: String,
    /// A preferred form rather than an error: reported as word-choice (GW0803, info).
    #[serde(default)]
    advice: bool,
    after: Option<String>,
    not_after: Option<String>,
    not_before: Option<String>,
}

/// The field of an entry at fault, and why.
type FieldError = (&'static str, String);

impl TypoSpec {
    /// What makes two entries one: the word they correct.
    pub fn identity(&self) -> String {
        self.wrong.clone()
    }
}

impl TypoSpec {
    /// An error names the entry's field at fault, so a config error can point at its line.
    fn build(self) -> Result<Typo, FieldError> {
        if self.wrong.is_empty() {
            return Err(("wrong", "typo.wrong 不能为空".to_string()));
        }
        if self.wrong == self.right {
            return Err((
                "right",
                format!(
                    "typo.wrong 与 right 都是“{}”：这一项不会起任何作用",
                    self.wrong
                ),
            ));
        }
        let guard = |field, p, start| anchored(p, start).map_err(|e| (field, e));
        Ok(Typo {
            after: guard("after", &self.after, true)?,
            not_after: guard("not_after", &self.not_after, true)?,
            not_before: guard("not_before", &self.not_before, false)?,
            wrong: self.wrong,
            right: self.right,
            safe: self.safe,
            note: self.note,
            advice: self.advice,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DuplicateFile {
    words: String,
    standalone: String,
    unit_pairs: String,
    single: String,
    starts: String,
    always: String,
    whitelist: String,
    doubled: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpamFile {
    words: Vec<String>,
    #[serde(default)]
    legit: Vec<String>,
    #[serde(default)]
    place_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelativeTimeFile {
    year: Vec<String>,
    now: Vec<String>,
    now_with_figure: Vec<String>,
    state: Vec<String>,
    ending_words: String,
    misspelt: Vec<String>,
    settled: Vec<String>,
}

/// `[approximation]`: words that make a number approximate, which one number takes once
/// (约…左右, 超过…以上).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approximation {
    /// "约", "近": before the number, "about"; `about_after` repeats them.
    pub about: Vec<String>,
    pub about_after: Vec<String>,
    /// "超过", "逾": before the number, "more than"; `over_after` repeats them.
    pub over: Vec<String>,
    pub over_after: Vec<String>,
    /// After the number and before its unit, either kind's repetition ("约600余次").
    pub inside: Vec<String>,
    /// What before 约 or 近 makes it part of a word (预约, 最近).
    pub not_before: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdverbialFile {
    adverbs: String,
    verbs: String,
    #[serde(default)]
    complement_verbs: String,
}

/// Adverb + 的 + verb + 了: the 的 should be 地; verb + 的 + 很好: it should be 得.
#[derive(Debug)]
pub struct Adverbial {
    adverbs: Vec<String>,
    pub verbs: WordList,
    /// Verbs of one character a complement follows ("做得很好"), which GW0805 does not
    /// read: after 的 they begin nouns (做法, 办法).
    complement_verbs: Vec<String>,
}

impl Adverbial {
    fn new(f: AdverbialFile) -> Result<Adverbial, String> {
        Ok(Adverbial {
            adverbs: f.adverbs.split_whitespace().map(str::to_string).collect(),
            verbs: WordList::new(f.verbs.split_whitespace())?,
            complement_verbs: f
                .complement_verbs
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        })
    }

    /// The verb `s` ends with, if any: one of `verbs` or `complement_verbs`.
    pub fn verb_before<'s>(&self, s: &'s str) -> Option<&'s str> {
        let tail = |n: usize| s.char_indices().rev().nth(n - 1).map(|(k, _)| &s[k..]);
        let listed = [3, 2].into_iter().filter_map(tail).find(|t| {
            self.verbs
                .longest_at(t)
                .is_some_and(|v| self.verbs.word(v).len() == t.len())
        });
        listed.or_else(|| tail(1).filter(|t| self.complement_verbs.iter().any(|v| v == t)))
    }

    /// The adverb `s` ends with, if any.
    pub fn adverb_before<'s>(&self, s: &'s str) -> Option<&'s str> {
        self.adverbs
            .iter()
            .find(|a| s.ends_with(a.as_str()))
            .map(|a| &s[s.len() - a.len()..])
    }
}

/// What a relative time word stands for, and when it is vague enough to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeWord {
    /// 今年: always.
    Year,
    /// 截至目前: always.
    Now,
    /// 目前: only where it dates a figure.
    NowWithFigure,
}

#[derive(Debug)]
pub struct RelativeTime {
    pub words: WordList,
    kinds: Vec<TimeWord>,
    /// Words after 目前 that describe a state ("目前仍存在").
    pub state: WordList,
    /// Words that end with a time word's first character (项目 before 前期, 如今 before
    /// 年轻): the time word is not there.
    pub ending_words: std::collections::HashSet<String>,
    /// Misspellings that take the time word in ("截止目前"): the typo rule reports the
    /// whole, and asks for the date.
    pub misspelt: Vec<String>,
    /// After 目前, the state of what was counted before it ("已全部").
    pub settled: Vec<String>,
}

impl RelativeTime {
    fn new(f: RelativeTimeFile) -> Result<RelativeTime, String> {
        let lists = [
            (f.year, TimeWord::Year),
            (f.now, TimeWord::Now),
            (f.now_with_figure, TimeWord::NowWithFigure),
        ];
        let kinds = lists
            .iter()
            .flat_map(|(words, kind)| words.iter().map(|_| *kind))
            .collect();
        let words = WordList::new(lists.iter().flat_map(|(words, _)| words))?;
        let state = WordList::new(&f.state)?;
        Ok(RelativeTime {
            words,
            kinds,
            state,
            ending_words: f
                .ending_words
                .split_whitespace()
                .map(String::from)
                .collect(),
            misspelt: f.misspelt,
            settled: f.settled,
        })
    }

    pub fn kind(&self, index: usize) -> TimeWord {
        self.kinds[index]
    }
}

#[derive(Debug)]
pub struct Typo {
    pub wrong: String,
    pub right: String,
    pub safe: bool,
    pub note: String,
    pub advice: bool,
    after: Option<LazyRegex>,
    not_after: Option<LazyRegex>,
    not_before: Option<LazyRegex>,
}

impl Typo {
    /// Compiles the guards now: a user's entries are checked when they are loaded.
    fn compile_guards(&self) -> Result<(), FieldError> {
        [
            ("after", &self.after),
            ("not_after", &self.not_after),
            ("not_before", &self.not_before),
        ]
        .into_iter()
        .filter_map(|(field, r)| r.as_ref().map(|r| (field, r)))
        .try_for_each(|(field, r)| r.compile_now().map_err(|e| (field, e)))
    }

    /// Whether the guards allow a match with `before` and `after` around it.
    pub fn applies(&self, before: &str, after: &str) -> bool {
        // Guards are compiled lazily: most misspellings never occur in a report.
        self.after.as_ref().is_none_or(|r| r.is_match(after))
            && !self.not_after.as_ref().is_some_and(|r| r.is_match(after))
            && !self.not_before.as_ref().is_some_and(|r| r.is_match(before))
    }
}

#[derive(Debug)]
pub struct Duplicates {
    /// Words a doubled character may break, and words a first copy may end.
    pub words: HashSet<String>,
    pub longest_word: usize,
    pub standalone: HashSet<char>,
    /// Words of two units (乡镇): a standalone unit before one is doubled by mistake.
    pub unit_pairs: HashSet<String>,
    /// Characters that are words of their own after a word ending in them (主任|任组长).
    pub single: HashSet<char>,
    /// Words of the trade a copy may start, besides rules/word_starts.toml.
    pub starts: HashSet<String>,
    pub always: HashSet<char>,
    pub whitelist: Vec<String>,
    /// Words never written twice in a row, written twice (开展开展, 进一步进一步): found
    /// in one pass.
    pub doubled: WordList,
}

#[derive(Debug)]
pub struct Lexicon {
    pub typos: Vec<Typo>,
    pub typo_matcher: WordList,
    pub duplicates: Duplicates,
    pub relative_time: RelativeTime,
    pub adverbial: Adverbial,
    pub approximation: Approximation,
    /// Characters no sentence ends on, and the words that end on one yet may end it.
    unfinished_ends: Vec<char>,
    unfinished_words: Vec<String>,
    spam: AhoCorasick,
    /// Patterns of `spam` before this index are spam; the rest are legitimate names.
    spam_words: usize,
    /// After a spam word, these make it a place's name.
    place_after: Vec<String>,
    surnames: Vec<char>,
    template_fields: Vec<String>,
}

fn anchored(p: &Option<String>, start: bool) -> Result<Option<LazyRegex>, String> {
    p.as_ref()
        .map(|p| {
            let full = if start {
                format!("^(?:{p})")
            } else {
                format!("(?:{p})")
            };
            // Checked alone first, so an error quotes the pattern as the user wrote it.
            LazyRegex::new(p.as_str()).and_then(|_| LazyRegex::new(full))
        })
        .transpose()
}

impl Lexicon {
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let f: LexiconFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let typos = f
            .typo
            .into_iter()
            .map(|t| t.build().map_err(|(_, e)| e))
            .collect::<Result<Vec<_>, String>>()?;
        let typo_matcher = typo_matcher(&typos)?;
        let words: HashSet<String> = f
            .duplicate
            .words
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let longest_word = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let doubled = WordList::new(
            f.duplicate
                .doubled
                .split_whitespace()
                .map(|w| format!("{w}{w}")),
        )?;
        let duplicates = Duplicates {
            words,
            longest_word,
            doubled,
            standalone: f.duplicate.standalone.chars().collect(),
            unit_pairs: words_of(&f.duplicate.unit_pairs),
            single: f.duplicate.single.chars().collect(),
            starts: words_of(&f.duplicate.starts),
            always: f.duplicate.always.chars().collect(),
            whitelist: words_of(&f.duplicate.whitelist),
        };
        // Matched against the ASCII-lowercased text (see `find_spam`): a case-insensitive
        // automaton would lose the prefilter that skips through the text.
        // The legitimate names in the same automaton: the longest match from the leftmost
        // start wins, so "智慧体育平台" hides the "体育平台" inside it.
        let spam_words = f.spam.words.len();
        // A contiguous NFA: a DFA over these words took 2 M instructions to build, more than
        // one search of a report costs.
        let spam = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(
                f.spam
                    .words
                    .iter()
                    .chain(&f.spam.legit)
                    .map(|w| w.to_ascii_lowercase()),
            )
            .map_err(|e| e.to_string())?;
        Ok(Lexicon {
            typos,
            typo_matcher,
            duplicates,
            relative_time: RelativeTime::new(f.relative_time)?,
            adverbial: Adverbial::new(f.adverbial)?,
            approximation: f.approximation,
            unfinished_ends: f.unfinished.ends.chars().collect(),
            unfinished_words: f.unfinished.words,
            spam,
            spam_words,
            place_after: f.spam.place_after,
            surnames: f
                .masked_names
                .surnames
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
            template_fields: f.template_fields.names,
        })
    }

    /// `name` is a template's field ("单位名称"): in brackets, a blank never filled in.
    pub fn is_template_field(&self, name: &str) -> bool {
        self.template_fields.iter().any(|f| f == name.trim())
    }

    /// Stars after `before` mask a person's name: it ends with a common surname ("王**、
    /// 李**等3人", "对张*明开展约谈"). The caller rules out a figure's unit after them.
    pub fn is_masked_name(&self, before: &str) -> bool {
        before
            .chars()
            .next_back()
            .is_some_and(|c| self.surnames.contains(&c))
    }

    /// `t` stops on a word no sentence ends on ("…法律顾问的").
    pub fn ends_mid_phrase(&self, t: &str) -> bool {
        t.ends_with(self.unfinished_ends.as_slice())
            && !self
                .unfinished_words
                .iter()
                .any(|w| t.ends_with(w.as_str()))
    }

    /// Spam words in `text`, ignoring ASCII case: byte ranges.
    pub fn find_spam(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        // Lowercasing ASCII keeps every byte offset.
        let lower = text.to_ascii_lowercase();
        self.spam
            .find_iter(&lower)
            .filter(|m| m.pattern().as_usize() < self.spam_words)
            .filter(|m| {
                let after = &text[m.end()..];
                !self
                    .place_after
                    .iter()
                    .any(|p| after.starts_with(p.as_str()))
            })
            .map(|m| m.range())
            .collect()
    }

    /// The built-in lexicon with a user's `[[typo]]` entries, which take precedence over a
    /// built-in entry for the same word. An error names the index of the bad entry.
    pub fn with_extra(extra: Vec<TypoSpec>) -> Result<Lexicon, EntryError> {
        let mut lex = Lexicon::parse(BUILTIN).map_err(|e| EntryError::of(0, e))?;
        let mut typos = extra
            .into_iter()
            .enumerate()
            .map(|(k, t)| {
                let at = |(field, message)| EntryError {
                    index: k,
                    field: Some(field),
                    message,
                };
                let typo = t.build().map_err(at)?;
                typo.compile_guards().map_err(at)?;
                Ok(typo)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let replaced: std::collections::HashSet<&str> =
            typos.iter().map(|u| u.wrong.as_str()).collect();
        lex.typos.retain(|b| !replaced.contains(b.wrong.as_str()));
        typos.append(&mut lex.typos);
        lex.typo_matcher = typo_matcher(&typos).map_err(|e| EntryError::of(0, e))?;
        lex.typos = typos;
        Ok(lex)
    }
}

fn typo_matcher(typos: &[Typo]) -> Result<WordList, String> {
    WordList::new(typos.iter().map(|t| t.wrong.as_str()))
}

const BUILTIN: &str = crate::embedded::LEXICON;

/// The embedded lexicon; tested, so a failure here is a build defect.
pub fn get() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::parse(BUILTIN).expect("embedded lexicon.toml"))
}

/// The words of a list written as text, separated by spaces or line breaks.
fn words_of<C: FromIterator<String>>(list: &str) -> C {
    list.split_whitespace().map(String::from).collect()
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
        // Guards compile on first use, so a broken one would never fire: compile them all.
        for t in &l.typos {
            assert_eq!(t.compile_guards(), Ok(()), "{}", t.wrong);
        }
    }

    #[test]
    fn bad_guard_is_reported() {
        let text =
            crate::embedded::LEXICON.replacen("after = '[0-9]{4}年", "after = '([0-9]{4}年", 1);
        let err = Lexicon::parse(&text).expect_err("refused");
        assert!(err.contains("([0-9]{4}年"), "{err}");
    }
}
