//! The 《…》 and “…” spans of a paragraph, outermost only.

use std::ops::Range;

/// Longest title worth comparing; longer spans are unbalanced marks, not titles.
const MAX_TITLE_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The marks included.
    pub outer: Range<usize>,
    /// Between the marks.
    pub inner: Range<usize>,
}

/// Outermost spans between `open` and `close` in `s` (byte offsets in `s`).
pub fn spans(s: &str, open: char, close: char) -> Vec<Span> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut chars = 0usize;
    for (i, c) in s.char_indices() {
        chars += 1;
        if c == open {
            if depth == 0 {
                start = i;
                chars = 0;
            }
            depth += 1;
        } else if c == close && depth > 0 {
            depth -= 1;
            if depth == 0 && chars <= MAX_TITLE_CHARS + 1 {
                out.push(Span {
                    outer: start..i + c.len_utf8(),
                    inner: start + open.len_utf8()..i,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outermost_titles() {
        let s = "学习《黑龙江省实施〈传染病防治法〉办法》和《民法典》。";
        let got: Vec<&str> = spans(s, '《', '》')
            .iter()
            .map(|sp| &s[sp.inner.clone()])
            .collect();
        assert_eq!(got, ["黑龙江省实施〈传染病防治法〉办法", "民法典"]);
        assert!(spans("《未闭合", '《', '》').is_empty());
        let s = "落实“党政主要负责人履行推进法治建设第一责任人职责规定”。";
        assert_eq!(spans(s, '“', '”').len(), 1);
    }
}
