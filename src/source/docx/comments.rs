//! The comments part read back: the text of each comment one author wrote, so that a
//! copy annotated again does not get the same comment twice.

use super::xml::{Ev, Ns, XmlReader};
use crate::source::error::SourceError;

/// Who gwlint's own comments are by (`--annotate`), in Word's review pane; also how a
/// later run knows them.
pub const GWLINT_AUTHOR: &str = "gwlint";

/// One comment: its `w:id` and its paragraphs' text, joined by "\n".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: u64,
    pub text: String,
}

/// The comments in the comments part `xml` (named `part`) whose `w:author` is `author`.
pub fn by_author(xml: &str, part: &str, author: &str) -> Result<Vec<Comment>, SourceError> {
    let mut r = XmlReader::new(xml, part);
    let mut out = Vec::new();
    // The comment being read, how deep inside it the reader is, and whether a paragraph
    // of it has begun.
    let mut open: Option<(Comment, usize, bool)> = None;
    let mut in_text = false;
    loop {
        match r.next()? {
            Ev::Open { ns, e, empty } => {
                let local = e.local_name().into_inner();
                if let Some((comment, depth, begun)) = &mut open {
                    if !empty {
                        *depth += 1;
                    }
                    match (ns, local) {
                        (Ns::W, "p") => {
                            if *begun {
                                comment.text.push('\n');
                            }
                            *begun = true;
                        }
                        (Ns::W, "t") => in_text = !empty,
                        _ => {}
                    }
                } else if ns == Ns::W && local == "comment" && !empty {
                    let mine = r.w_attr(&e, "author")?.is_some_and(|a| a == author);
                    let id = r.w_attr(&e, "id")?.and_then(|v| v.trim().parse().ok());
                    match id {
                        Some(id) if mine => {
                            open = Some((
                                Comment {
                                    id,
                                    text: String::new(),
                                },
                                0,
                                false,
                            ));
                        }
                        _ => r.skip(&e)?,
                    }
                }
            }
            Ev::Close => {
                in_text = false;
                if let Some((_, depth, _)) = &mut open {
                    if *depth == 0 {
                        out.extend(open.take().map(|(c, _, _)| c));
                    } else {
                        *depth -= 1;
                    }
                }
            }
            Ev::Text(t) => {
                if in_text && let Some((comment, _, _)) = &mut open {
                    comment.text.push_str(&t);
                }
            }
            Ev::Eof => return Ok(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn only_the_authors_comments_are_read_with_their_paragraphs() {
        let xml = format!(
            r#"<w:comments {W}>
<w:comment w:id="3" w:author="gwlint"><w:p><w:pPr><w:pStyle w:val="a"/></w:pPr><w:r><w:annotationRef/></w:r><w:r><w:t>甲&amp;</w:t></w:r><w:r><w:t xml:space="preserve">乙</w:t></w:r></w:p><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:comment>
<w:comment w:id="4" w:author="张三"><w:p><w:r><w:t>别人的</w:t></w:r></w:p></w:comment>
</w:comments>"#
        );
        assert_eq!(
            by_author(&xml, "word/comments.xml", "gwlint").unwrap(),
            vec![Comment {
                id: 3,
                text: "甲&乙\n丙".into()
            }]
        );
    }

    #[test]
    fn a_broken_part_is_an_error_not_a_guess() {
        let xml = format!(r#"<w:comments {W}><w:comment w:id="1" w:author="gwlint">"#);
        assert!(by_author(&xml, "word/comments.xml", "gwlint").is_err());
    }
}
