//! The comments an earlier run left in the file (an annotated copy annotated again): a
//! finding whose comment already stands on its paragraph — the same rule on the same
//! quote — is not added a second time. Nothing is ever removed: a comment the drafter
//! kept is theirs to delete.

use super::{Refusal, comment, id_attr};
use crate::source::docx::{CommentParts, comments_by_author};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Earlier {
    /// gwlint's comments by `w:id`: their `comment::identity`.
    texts: HashMap<u64, String>,
}

impl Earlier {
    pub fn read(parts: &CommentParts) -> Result<Earlier, Refusal> {
        let Some(part) = &parts.comments else {
            return Ok(Earlier::default());
        };
        let texts = comments_by_author(&part.xml, &part.name, comment::AUTHOR)
            .map_err(|e| e.message)?
            .into_iter()
            .map(|c| (c.id, comment::identity(&c.text)))
            .collect();
        Ok(Earlier { texts })
    }

    /// An earlier comment for the finding of comment `text` is marked in `paragraph`, a
    /// paragraph's XML.
    pub fn stands_on(&self, paragraph: &str, text: &str) -> bool {
        if self.texts.is_empty() {
            return false;
        }
        let text = comment::identity(text);
        ["commentRangeStart", "commentReference"]
            .iter()
            .flat_map(|tag| paragraph.match_indices(tag))
            .filter_map(|(i, _)| {
                let rest = &paragraph[i..];
                id_attr(&rest[..rest.find('>').unwrap_or(rest.len())])
            })
            .any(|id| self.texts.get(&id).is_some_and(|t| *t == text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_stands_where_its_marks_are() {
        let earlier = Earlier {
            texts: HashMap::from([(2, "甲\n乙".to_string())]),
        };
        let marked = r#"<w:p><w:commentRangeStart w:id="2"/><w:r><w:t>x</w:t></w:r></w:p>"#;
        assert!(earlier.stands_on(marked, "甲\n乙"));
        assert!(earlier.stands_on(marked, "甲\n乙\n另一种说法"));
        assert!(!earlier.stands_on(marked, "甲\n丙"));
        let referenced = r#"<w:p><w:r><w:rPr/><w:commentReference w:id="2"/></w:r></w:p>"#;
        assert!(earlier.stands_on(referenced, "甲\n乙"));
        assert!(!earlier.stands_on("<w:p/>", "甲\n乙"));
    }
}
