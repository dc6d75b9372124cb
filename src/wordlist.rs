//! A word list from the rule data, searched in one pass over the text instead of one
//! comparison (and one searcher set-up) per word.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

#[derive(Debug)]
pub struct WordList {
    words: Vec<String>,
    /// The words in runs of `CHUNK`, each searched by its own automaton.
    chunks: Vec<AhoCorasick>,
}

/// aho-corasick's fast prefilter (Teddy) takes at most 64 words; past that a search of
/// Chinese text steps through the automaton byte by byte, several times slower. Longer
/// lists are split, and their matches merged.
const CHUNK: usize = 64;

impl WordList {
    pub fn new<I, P>(words: I) -> Result<WordList, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let words: Vec<String> = words.into_iter().map(|w| w.as_ref().to_string()).collect();
        let chunks = words
            .chunks(CHUNK)
            .map(|chunk| {
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Both)
                    .build(chunk)
                    .map_err(|e| e.to_string())
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(WordList { words, chunks })
    }

    pub fn word(&self, index: usize) -> &str {
        &self.words[index]
    }

    /// The index (in the list given to `new`) of the longest word `s` starts with.
    pub fn longest_at(&self, s: &str) -> Option<usize> {
        self.chunks
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
        self.chunks.iter().any(|ac| ac.is_match(s))
    }

    /// Where the words occur, left to right, the longest at each place and none
    /// overlapping: (byte, index).
    pub fn find_iter<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut found: Vec<(usize, usize)> = Vec::new();
        if let [only] = self.chunks.as_slice() {
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
            let m = self.chunks[c].find(Input::new(s).range(pos..))?;
            Some((
                m.start(),
                std::cmp::Reverse(m.end()),
                c * CHUNK + m.pattern().as_usize(),
            ))
        };
        // Each chunk's next match, kept while it still lies ahead (`None`: no more).
        let mut next: Vec<Option<_>> = (0..self.chunks.len()).map(|c| search(c, 0)).collect();
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
