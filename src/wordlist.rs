//! A word list from the rule data, searched in one pass over the text instead of one
//! comparison (and one searcher set-up) per word.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::sync::OnceLock;

#[derive(Debug)]
pub struct WordList {
    words: Vec<String>,
    /// The words in runs of `CHUNK`, each searched by its own automaton; built on first
    /// use, as most lists serve only some reports and a short report is mostly set-up.
    chunks: OnceLock<Vec<AhoCorasick>>,
}

/// aho-corasick's fast prefilter (Teddy) takes at most 64 words; past that a search of
/// Chinese text steps through the automaton byte by byte, several times slower. Longer
/// lists are split, and their matches merged.
const CHUNK: usize = 64;

/// Far longer than any word or phrase of a list (a law's full title is under 100 bytes).
const MAX_WORD_BYTES: usize = 1024;

impl WordList {
    pub fn new<I, P>(words: I) -> Result<WordList, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let words: Vec<String> = words.into_iter().map(|w| w.as_ref().to_string()).collect();
        // aho-corasick refuses only lists past its size limits (billions of states); the
        // longest word bounds the states per word, so such a list is refused here.
        if let Some(w) = words.iter().find(|w| w.len() > MAX_WORD_BYTES) {
            return Err(format!(
                "词太长（{} 字节）：{}…",
                w.len(),
                &w[..crate::text::floor_char(w, 30)]
            ));
        }
        Ok(WordList {
            words,
            chunks: OnceLock::new(),
        })
    }

    fn chunks(&self) -> &[AhoCorasick] {
        self.chunks.get_or_init(|| {
            self.words
                .chunks(CHUNK)
                .filter_map(|chunk| {
                    AhoCorasick::builder()
                        .kind(Some(AhoCorasickKind::ContiguousNFA))
                        .match_kind(MatchKind::LeftmostLongest)
                        .start_kind(StartKind::Both)
                        .build(chunk)
                        .ok()
                })
                .collect()
        })
    }

    pub fn word(&self, index: usize) -> &str {
        &self.words[index]
    }

    /// The index (in the list given to `new`) of the longest word `s` starts with.
    pub fn longest_at(&self, s: &str) -> Option<usize> {
        self.chunks()
            .iter()
            .enumerate()
            .filter_map(|(c, ac)| {
                let m = ac.find(Input::new(s).anchored(Anchored::Yes))?;
                Some((
                    m.len(),
                    std::cmp::Reverse(c * CHUNK + m.pattern().as_usize()),
                ))
            })
            .max()
            .map(|(_, std::cmp::Reverse(k))| k)
    }

    /// Whether any word occurs in `s`.
    pub fn is_match(&self, s: &str) -> bool {
        self.chunks().iter().any(|ac| ac.is_match(s))
    }

    /// Where the words occur, left to right, the longest at each place and none
    /// overlapping: (byte, index).
    pub fn find_iter<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let chunks = self.chunks();
        if let [only] = chunks {
            found.extend(
                only.find_iter(s)
                    .map(|m| (m.start(), m.pattern().as_usize())),
            );
            return found.into_iter();
        }
        // Several chunks: each gives its leftmost-longest match from `pos`; the earliest,
        // then the longest, wins, and the search goes on after it. (Merging each chunk's
        // own matches would lose one a chunk had skipped for an overlap that lost.)
        let search = |c: usize, pos: usize| {
            let m = chunks[c].find(Input::new(s).range(pos..))?;
            Some((
                m.start(),
                std::cmp::Reverse(m.end()),
                c * CHUNK + m.pattern().as_usize(),
            ))
        };
        // Each chunk's next match, kept while it still lies ahead (`None`: no more).
        let mut next: Vec<Option<_>> = (0..chunks.len()).map(|c| search(c, 0)).collect();
        while let Some((start, std::cmp::Reverse(end), k)) = next.iter().flatten().min().copied() {
            found.push((start, k));
            let pos = end.max(start + 1);
            for (c, m) in next.iter_mut().enumerate() {
                if m.is_some_and(|(st, ..)| st < pos) {
                    *m = if pos <= s.len() { search(c, pos) } else { None };
                }
            }
        }
        found.into_iter()
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
        // A "word" of a megabyte (a list pasted wrongly into a config) is refused up front,
        // though the automaton is built only when first searched.
        assert!(WordList::new(["词".repeat(400_000)]).is_err());
    }

    #[test]
    fn long_lists_are_split_and_merged() {
        // 130 filler words, then two that overlap: the longest at each place wins, across
        // chunks as within one.
        let mut words: Vec<String> = (0..130).map(|k| format!("词{k}号")).collect();
        words.push("截止".into());
        words.insert(3, "截止目前".into());
        let w = WordList::new(&words).unwrap();
        let found: Vec<_> = w
            .find_iter("截止目前，词7号和词129号；截止2024年")
            .collect();
        let shown: Vec<&str> = found.iter().map(|&(_, k)| w.word(k)).collect();
        assert_eq!(shown, ["截止目前", "词7号", "词129号", "截止"]);
        assert_eq!(
            w.longest_at("截止目前").map(|k| w.word(k)),
            Some("截止目前")
        );
        assert_eq!(w.longest_at("词12号").map(|k| w.word(k)), Some("词12号"));
        assert!(w.is_match("有词125号") && !w.is_match("无"));
        // A match one chunk skipped for an overlap that another chunk's match wins.
        let mut words: Vec<String> = (0..62).map(|k| format!("填{k}")).collect();
        words.extend(["BC".into(), "CDE".into(), "AB".into()]);
        let w = WordList::new(&words).unwrap();
        let shown: Vec<&str> = w.find_iter("ABCDE").map(|(_, k)| w.word(k)).collect();
        assert_eq!(shown, ["AB", "CDE"]);
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
