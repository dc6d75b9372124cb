//! Word lists kept sorted in the embedded TOML files and searched in place: nothing to
//! build per run, so a short report pays nothing for a list of tens of thousands.

/// Words of `chars` Chinese characters each (three UTF-8 bytes per character), sorted by
/// code point and separated by one byte (a space or a line break).
pub struct SortedWords {
    list: &'static str,
    chars: usize,
}

impl SortedWords {
    /// Words of `chars` characters each, as `block` returns them.
    pub const fn new(list: &'static str, chars: usize) -> SortedWords {
        SortedWords { list, chars }
    }

    /// The block of `file` after `key = """`, up to its closing quotes; empty when absent.
    pub fn block(file: &'static str, key: &str) -> &'static str {
        // memmem: the blocks are hundreds of kilobytes, and a short report pays for the scan.
        let find = |from: usize, needle: &str| {
            memchr::memmem::find(&file.as_bytes()[from..], needle.as_bytes()).map(|k| from + k)
        };
        let open = format!("{key} = \"\"\"\n");
        let start = find(0, &open).map_or(file.len(), |k| k + open.len());
        let end = find(start, "\"\"\"").unwrap_or(file.len());
        &file[start..end]
    }

    /// Whether `word` is in the list.
    pub fn contains(&self, word: &[char]) -> bool {
        let len = self.chars * 3;
        if word.len() != self.chars || word.iter().any(|c| c.len_utf8() != 3) {
            return false;
        }
        let mut key = [0u8; 12];
        for (k, c) in word.iter().enumerate() {
            c.encode_utf8(&mut key[k * 3..k * 3 + 3]);
        }
        let key = &key[..len];
        let bytes = self.list.as_bytes();
        let record = len + 1;
        let at = |i: usize| &bytes[i * record..i * record + len];
        // Same-length UTF-8 sorts like its code points, so the list is sorted bytewise.
        let (mut lo, mut hi) = (0, bytes.len() / record);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match at(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

#[cfg(test)]
impl SortedWords {
    /// The number of words, when every record is a word of the length and the list is
    /// sorted without repeats.
    pub fn well_formed_len(&self) -> Result<usize, String> {
        let record = self.chars * 3 + 1;
        let bytes = self.list.as_bytes();
        if !bytes.len().is_multiple_of(record) {
            return Err(format!(
                "{} bytes is no whole number of records",
                bytes.len()
            ));
        }
        let words: Vec<&[u8]> = bytes.chunks(record).collect();
        for w in &words {
            let text = std::str::from_utf8(&w[..record - 1]).map_err(|e| e.to_string())?;
            if text.chars().count() != self.chars || !matches!(w[record - 1], b' ' | b'\n') {
                return Err(format!("bad record {text:?}"));
            }
        }
        match words
            .windows(2)
            .find(|p| p[0][..record - 1] >= p[1][..record - 1])
        {
            Some(p) => Err(format!("not sorted at {:?}", std::str::from_utf8(p[1]))),
            None => Ok(words.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_of_a_sorted_block() {
        const FILE: &str = "x = 1\nlist = \"\"\"\n一一 一万 一下\n三个 上下\n\"\"\"\n";
        let words = SortedWords::new(SortedWords::block(FILE, "list"), 2);
        for w in ["一一", "一下", "三个", "上下"] {
            assert!(words.contains(&w.chars().collect::<Vec<_>>()), "{w}");
        }
        for w in ["一二", "下上", "一", "一一一", "ab"] {
            assert!(!words.contains(&w.chars().collect::<Vec<_>>()), "{w}");
        }
        assert!(!SortedWords::new(SortedWords::block(FILE, "none"), 2).contains(&['一', '一']));
        assert_eq!(words.well_formed_len(), Ok(5));
        let unsorted = SortedWords::new("一下 一一\n", 2);
        assert!(unsorted.well_formed_len().is_err());
    }
}
