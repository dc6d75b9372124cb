//! Near-miss search over the table's names: the names within two insertions or deletions
//! of a cited one, found without comparing it with every name.

use std::collections::HashMap;

#[derive(Debug)]
pub struct NearNames {
    /// Every name: (name as chars, document).
    names: Vec<(Vec<char>, usize)>,
    /// (pair of adjacent characters, a name that has it), sorted: a near miss shares all but
    /// a few pairs with its name, so only those names are compared.
    pairs: Vec<((char, char), u32)>,
}

impl NearNames {
    pub fn new(by_name: &HashMap<String, Vec<usize>>) -> NearNames {
        let mut names: Vec<(Vec<char>, usize)> = by_name
            .iter()
            .flat_map(|(n, ks)| ks.iter().map(move |&k| (n.chars().collect(), k)))
            .collect();
        names.sort();
        let mut pairs: Vec<((char, char), u32)> = names
            .iter()
            .enumerate()
            .flat_map(|(k, (n, _))| n.windows(2).map(move |w| ((w[0], w[1]), k as u32)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        NearNames { names, pairs }
    }

    /// (distance, document) for the names within two insertions or deletions of `name`,
    /// closest first.
    pub fn near(&self, name: &str) -> Vec<(usize, usize)> {
        let cand: Vec<char> = name.chars().collect();
        let mut own: Vec<(char, char)> = cand.windows(2).map(|w| (w[0], w[1])).collect();
        own.sort_unstable();
        own.dedup();
        // Two insertions or deletions break at most four of the name's pairs.
        let needed = own.len().saturating_sub(4).max(1) as u16;
        let mut shared = vec![0u16; self.names.len()];
        for p in &own {
            let from = self.pairs.partition_point(|(q, _)| q < p);
            for &(_, k) in self.pairs[from..].iter().take_while(|(q, _)| q == p) {
                shared[k as usize] += 1;
            }
        }
        let mut best: Vec<(usize, usize, usize)> = Vec::new();
        let mut rows = (Vec::new(), Vec::new());
        for (k, (n, doc)) in self.names.iter().enumerate() {
            if shared[k] < needed || n.len().abs_diff(cand.len()) > 2 {
                continue;
            }
            let d = indel_distance(&cand, n, 2, &mut rows);
            if d <= 2 {
                best.push((d, k, *doc));
            }
        }
        best.sort();
        best.into_iter().map(|(d, _, doc)| (d, doc)).collect()
    }
}

/// Insertions and deletions needed to turn `a` into `b`, or `limit + 1` when more; `rows`
/// is scratch space, kept between calls.
fn indel_distance(
    a: &[char],
    b: &[char],
    limit: usize,
    rows: &mut (Vec<usize>, Vec<usize>),
) -> usize {
    // Banded LCS: only diagonals within `limit` matter.
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return limit + 1;
    }
    let (prev, cur) = rows;
    prev.clear();
    prev.resize(m + 1, 0);
    cur.clear();
    cur.resize(m + 1, 0);
    for i in 1..=n {
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(m);
        // Cells outside the band are never reset: stale or zero, they are lower bounds, and a
        // path within the limit stays inside the band.
        for j in lo..=hi {
            cur[j] = if a[i - 1] == b[j - 1] {
                prev[j - 1] + 1
            } else {
                prev[j].max(cur[j - 1])
            };
        }
        std::mem::swap(prev, cur);
    }
    let lcs = prev[m];
    (n + m).saturating_sub(2 * lcs).min(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distances() {
        let d = |a: &str, b: &str| indel_distance(&chars(a), &chars(b), 2, &mut Default::default());
        assert_eq!(d("基本医疗与健康促进法", "基本医疗卫生与健康促进法"), 2);
        assert_eq!(d("法制政府建设实施纲要", "法治政府建设实施纲要"), 2);
        assert_eq!(d("法治浙江建设规划", "法治中国建设规划"), 3);
        assert_eq!(d("同一", "同一"), 0);
    }

    #[test]
    fn banded_distance_agrees_with_full_lcs_within_the_limit() {
        fn full(a: &[char], b: &[char]) -> usize {
            let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    t[i][j] = if a[i - 1] == b[j - 1] {
                        t[i - 1][j - 1] + 1
                    } else {
                        t[i - 1][j].max(t[i][j - 1])
                    };
                }
            }
            a.len() + b.len() - 2 * t[a.len()][b.len()]
        }
        // Every pair of short strings over a small alphabet.
        let words: Vec<Vec<char>> = (0..3u32.pow(5))
            .flat_map(|k| (1..=5).map(move |len| (k, len)))
            .map(|(k, len)| {
                (0..len)
                    .map(|p| ['甲', '乙', '丙'][(k / 3u32.pow(p) % 3) as usize])
                    .collect()
            })
            .collect();
        for a in words.iter().step_by(7) {
            for b in &words {
                assert_eq!(
                    indel_distance(a, b, 2, &mut Default::default()),
                    full(a, b).min(3),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
