//! The text as the rules read it: look-alike characters (GW0615) and misread characters in
//! figures and dates (GW0616) as the characters meant. Each is the length of what it stands
//! for, so every span holds in the text as written.

use super::{lookalikes, misread};
use crate::document::Document;
use std::borrow::Cow;

/// The document read as meant; the same document when nothing in it needs reading so.
pub(crate) fn read_as_meant(doc: &Document) -> Cow<'_, Document> {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = lookalikes::found(&doc.text)
        .map(|(k, c)| (k..k + c.len_utf8(), c.to_string()))
        .collect();
    edits.extend(
        misread::found(&doc.text)
            .into_iter()
            .map(|m| (m.span, m.meant)),
    );
    if edits.is_empty() {
        return Cow::Borrowed(doc);
    }
    let mut read = doc.clone();
    // Each replacement has the byte length of what it replaces: the text stays UTF-8.
    let mut bytes = std::mem::take(&mut read.text).into_bytes();
    for (span, meant) in edits {
        if meant.len() == span.len() {
            bytes[span].copy_from_slice(meant.as_bytes());
        }
    }
    read.text = String::from_utf8(bytes).unwrap_or_else(|_| doc.text.clone());
    Cow::Owned(read)
}
