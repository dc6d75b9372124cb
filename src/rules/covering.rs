//! Spans of a line (titles, quotations) asked whether they hold a match: sorted once, each
//! question answered by a binary search, so a line of thousands of matches stays linear.

use std::ops::Range;

pub(crate) struct Covering {
    /// The spans' starts, sorted.
    starts: Vec<usize>,
    /// The furthest end among the spans up to each start.
    furthest_end: Vec<usize>,
}

impl Covering {
    pub(crate) fn new(mut spans: Vec<Range<usize>>) -> Covering {
        spans.sort_unstable_by_key(|r| r.start);
        let mut furthest = 0;
        let furthest_end = spans
            .iter()
            .map(|r| {
                furthest = furthest.max(r.end);
                furthest
            })
            .collect();
        Covering {
            starts: spans.iter().map(|r| r.start).collect(),
            furthest_end,
        }
    }

    /// Some span starts before `r` and ends after it.
    pub(crate) fn holds(&self, r: &Range<usize>) -> bool {
        let k = self.starts.partition_point(|&s| s < r.start);
        k > 0 && self.furthest_end[k - 1] > r.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictly_inside_any_span() {
        let c = Covering::new(vec![10..20, 0..5, 12..30]);
        assert!(c.holds(&(1..4)));
        assert!(c.holds(&(21..25)));
        assert!(!c.holds(&(0..4)));
        assert!(!c.holds(&(5..9)));
        assert!(!c.holds(&(25..30)));
        assert!(!Covering::new(Vec::new()).holds(&(1..2)));
    }
}
