//! A word list from the rule data, searched in one pass over the text instead of one
//! comparison (and one searcher set-up) per word.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

#[derive(Debug)]
pub struct WordList {
    words: Vec<String>,
    matcher: AhoCorasick,
}

impl WordList {
    pub fn new<I, P>(words: I) -> Result<WordList, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let words: Vec<String> = words.into_iter().map(|w| w.as_ref().to_string()).collect();
        let matcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&words)
            .map_err(|e| e.to_string())?;
        Ok(WordList { words, matcher })
    }

    pub fn word(&self, index: usize) -> &str {
        &self.words[index]
    }

    /// The index (in the list given to `new`) of the longest word `s` starts with.
    pub fn longest_at(&self, s: &str) -> Option<usize> {
        self.matcher
            .find(Input::new(s).anchored(Anchored::Yes))
            .map(|m| m.pattern().as_usize())
    }

    /// Whether any word occurs in `s`.
    pub fn is_match(&self, s: &str) -> bool {
        self.matcher.is_match(s)
    }

    /// Where the words occur, left to right, the longest at each place: (byte, index).
    pub fn find_iter<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.matcher
            .find_iter(s)
            .map(|m| (m.start(), m.pattern().as_usize()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_at_the_start() {
        let w = WordList::new(["万元", "元", "万", "亿元"]).unwrap();
        assert_eq!(w.longest_at("万元用于"), Some(0));
        assert_eq!(w.longest_at("元。"), Some(1));
        assert_eq!(w.longest_at("万人"), Some(2));
        assert_eq!(w.longest_at("共计万元"), None);
        assert_eq!(w.longest_at(""), None);
        assert_eq!(
            WordList::new(Vec::<&str>::new()).unwrap().longest_at("元"),
            None
        );
    }

    #[test]
    fn words_anywhere() {
        let w = WordList::new(["其中", "分别为"]).unwrap();
        assert!(w.is_match("共45件，其中办结40件"));
        assert!(!w.is_match("共45件"));
        let found: Vec<_> = w.find_iter("其中甲、乙分别为3件、2件").collect();
        assert_eq!(found, [(0, 0), (15, 1)]);
    }
}
