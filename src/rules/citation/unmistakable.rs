//! Finding the titles that are titles wherever they stand — a law's full name
//! (中华人民共和国…法) and a document's with its years (…纲要（2021—2025年）) — by their
//! fixed ends. Each is looked up by its length from where it must start or end, so there is
//! no automaton to build: one was most of the cost of a one-report run.

use super::table::Doc;
use std::collections::HashMap;
use std::ops::Range;

/// What every law's full name starts with.
const PRC: &str = "中华人民共和国";
/// What every dated title ends with.
const DATED_END: &str = "年）";

#[derive(Debug, Default)]
pub struct Unmistakable {
    /// Title as written (with its years) → document.
    docs: HashMap<String, usize>,
    /// Byte lengths of the titles after 中华人民共和国, longest first.
    prc_lengths: Vec<usize>,
    /// Byte lengths of the dated titles, longest first.
    dated_lengths: Vec<usize>,
}

impl Unmistakable {
    pub fn new(docs: &[Doc]) -> Unmistakable {
        let mut u = Unmistakable::default();
        for (k, d) in docs.iter().enumerate() {
            let full = d.full();
            if d.years.is_some() {
                u.dated_lengths.push(full.len());
            } else if full.starts_with(PRC) {
                u.prc_lengths.push(full.len());
            } else {
                continue;
            }
            u.docs.entry(full).or_insert(k);
        }
        for lengths in [&mut u.prc_lengths, &mut u.dated_lengths] {
            lengths.sort_unstable_by(|a, b| b.cmp(a));
            lengths.dedup();
        }
        u
    }

    /// The titles in `text`, leftmost first and longest of those starting together, none
    /// overlapping: (span, document).
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        // Most lines have neither end: one byte search each rules them out.
        if !text.contains('）') && !text.contains('华') {
            return Vec::new();
        }
        let doc = |r: &Range<usize>| text.get(r.clone()).and_then(|t| self.docs.get(t));
        let mut found: Vec<(Range<usize>, usize)> = Vec::new();
        for (start, _) in text.match_indices(PRC) {
            let longest = self
                .prc_lengths
                .iter()
                .map(|&n| start..start + n)
                .find_map(|r| doc(&r).map(|&k| (r, k)));
            found.extend(longest);
        }
        for (at, _) in text.match_indices(DATED_END) {
            let end = at + DATED_END.len();
            let longest = self
                .dated_lengths
                .iter()
                .filter(|&&n| n <= end)
                .map(|&n| end - n..end)
                .find_map(|r| doc(&r).map(|&k| (r, k)));
            found.extend(longest);
        }
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut kept: Vec<(Range<usize>, usize)> = Vec::new();
        for (r, k) in found {
            if kept.last().is_none_or(|(last, _)| r.start >= last.end) {
                kept.push((r, k));
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, years: Option<(i32, i32)>) -> Doc {
        Doc {
            title: title.into(),
            years,
            since: 2000,
            superseded_by: None,
            listed: false,
            nicknames: Vec::new(),
        }
    }

    fn table() -> Unmistakable {
        Unmistakable::new(&[
            doc("中华人民共和国行政许可法", None),
            doc("中华人民共和国行政许可法实施条例", None),
            doc("法治政府建设实施纲要", Some((2021, 2025))),
            doc("法治政府建设实施纲要", Some((2015, 2020))),
            doc("行政许可法", None),
        ])
    }

    fn spans<'t>(t: &'t str, u: &Unmistakable) -> Vec<(&'t str, usize)> {
        u.find(t).into_iter().map(|(r, k)| (&t[r], k)).collect()
    }

    #[test]
    fn finds_the_longest_title_from_each_end() {
        let u = table();
        let t = "贯彻中华人民共和国行政许可法实施条例和法治政府建设实施纲要（2021—2025年），";
        assert_eq!(
            spans(t, &u),
            [
                ("中华人民共和国行政许可法实施条例", 1),
                ("法治政府建设实施纲要（2021—2025年）", 2)
            ]
        );
        let t = "《中华人民共和国行政许可法》与法治政府建设实施纲要（2015—2020年）";
        assert_eq!(
            spans(t, &u),
            [
                ("中华人民共和国行政许可法", 0),
                ("法治政府建设实施纲要（2015—2020年）", 3)
            ]
        );
    }

    #[test]
    fn short_names_and_unknown_years_are_not_found() {
        let u = table();
        assert!(
            u.find("落实行政许可法，执行实施纲要（2021—2035年）")
                .is_empty()
        );
        assert!(u.find("中华人民共和国").is_empty());
        assert!(u.find("年）").is_empty());
    }
}
