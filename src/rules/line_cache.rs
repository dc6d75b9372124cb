//! What a rule reads off a whole line, kept while its matches come from that line: a search
//! over the whole text can find thousands of matches on one long line.

pub(crate) struct LineCache<T> {
    kept: Option<(usize, T)>,
}

impl<T> LineCache<T> {
    pub(crate) fn new() -> Self {
        LineCache { kept: None }
    }

    /// The value for line `line`, made by `make` unless it is the line asked for last.
    pub(crate) fn get(&mut self, line: usize, make: impl FnOnce() -> T) -> &T {
        if self.kept.as_ref().is_none_or(|(at, _)| *at != line) {
            self.kept = Some((line, make()));
        }
        &self.kept.as_ref().expect("just kept").1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_per_line() {
        let mut made = 0;
        let mut cache = LineCache::new();
        for line in [3, 3, 3, 4, 4, 3] {
            cache.get(line, || {
                made += 1;
                line * 10
            });
        }
        assert_eq!(made, 3);
        assert_eq!(*cache.get(3, || 0), 30);
    }
}
