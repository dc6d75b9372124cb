//! `--annotate`: a copy of a .docx with one Word comment (批注) per finding, on the
//! finding's paragraph — how a reviewer hands a report back to its drafter. The input is
//! never written; only the body, the comments part, its relationship and its content type
//! change in the copy, and the body changes only by the comment marks added.

mod comment;
mod earlier;
mod file;
mod package;

use crate::diagnostic::Diagnostic;
use crate::document::{Document, XmlAnchor};
use crate::source::docx::{self, W_STRICT};
pub use file::{Annotation, Destination, FOLDER_MARK, annotate_file, is_gwlint_copy};
pub use package::Refusal;

/// The annotated copy.
#[derive(Debug)]
pub struct Annotated {
    pub bytes: Vec<u8>,
    pub comments: usize,
    /// Findings whose comment an earlier run already left on their paragraph.
    pub standing: usize,
}

/// A copy of the .docx `bytes` with a comment for each of `diagnostics`, which were found
/// in `doc`, the document read from the same bytes.
pub fn annotate(
    bytes: &[u8],
    doc: &Document,
    diagnostics: &[Diagnostic],
) -> Result<Annotated, Refusal> {
    let read = docx::read_for_comments(bytes).map_err(|e| e.message)?;
    let xml = &read.document.xml;
    if read.document.transcoded {
        return Err("正文部件是 UTF-16 编码".to_string());
    }
    if xml.contains(W_STRICT) {
        return Err("文件是 Strict Open XML 格式".to_string());
    }
    let anchors: Vec<Option<XmlAnchor>> = read.paragraphs.iter().map(|p| p.anchor).collect();
    let w_comments = package::comments_prefix(&read.parts)?;
    let earlier = earlier::Earlier::read(&read.parts)?;
    let mut standing = 0;
    let first_id = next_id(
        [
            Some(xml.as_str()),
            read.parts.comments.as_ref().map(|p| p.xml.as_str()),
        ]
        .into_iter()
        .flatten(),
    );
    let mut marks: Vec<Mark> = Vec::new();
    let mut elements = String::new();
    let mut id = first_id;
    let date = comment::timestamp();
    for d in diagnostics {
        let Some(anchor) = place(doc, &anchors, d) else {
            continue;
        };
        let w = paragraph_prefix(xml, anchor)?;
        let paragraphs = comment::paragraphs(d, doc);
        if earlier.stands_on(&xml[anchor.tag..anchor.end], &comment::plain(&paragraphs)) {
            standing += 1;
            continue;
        }
        if id > i32::MAX as u64 {
            return Err("文档中的编号已用尽".to_string());
        }
        marks.push(Mark {
            at: anchor.content,
            end: false,
            xml: format!(r#"<{w}:commentRangeStart {w}:id="{id}"/>"#),
        });
        marks.push(Mark {
            at: anchor.end,
            end: true,
            xml: format!(
                r#"<{w}:commentRangeEnd {w}:id="{id}"/><{w}:r><{w}:commentReference {w}:id="{id}"/></{w}:r>"#
            ),
        });
        elements.push_str(&comment::element(&w_comments, id, &date, &paragraphs));
        id += 1;
    }
    let comments = (id - first_id) as usize;
    let mut edits = package::add_comments(&read.parts, &read.document.name, &elements)?;
    edits
        .replaced
        .push((read.document.name.clone(), splice(xml, marks)));
    Ok(Annotated {
        bytes: package::rewrite(bytes, edits)?,
        comments,
        standing,
    })
}

/// Markup to add to the body at a byte offset.
struct Mark {
    at: usize,
    /// Range ends go after range starts at the same offset (an empty paragraph).
    end: bool,
    xml: String,
}

fn splice(xml: &str, mut marks: Vec<Mark>) -> String {
    marks.sort_by_key(|m| (m.at, m.end));
    let mut out =
        String::with_capacity(xml.len() + marks.iter().map(|m| m.xml.len()).sum::<usize>());
    let mut from = 0;
    for m in marks {
        out.push_str(&xml[from..m.at]);
        out.push_str(&m.xml);
        from = m.at;
    }
    out.push_str(&xml[from..]);
    out
}

/// The paragraph a finding's comment goes on: the one its span starts in, else the
/// nearest one before it (or after it) that can hold a comment — text-box paragraphs
/// cannot.
fn place(doc: &Document, anchors: &[Option<XmlAnchor>], d: &Diagnostic) -> Option<XmlAnchor> {
    let line = doc.line_index(d.span.start.min(doc.text.len()));
    let at = doc
        .lines
        .get(line)?
        .origin
        .paragraph
        .min(anchors.len().checked_sub(1)?);
    let before = anchors[..=at].iter().rev().find_map(|a| *a);
    before.or_else(|| anchors[at..].iter().find_map(|a| *a))
}

/// The prefix the paragraph's own start tag uses for WordprocessingML.
fn paragraph_prefix(xml: &str, anchor: XmlAnchor) -> Result<&str, Refusal> {
    xml.get(anchor.tag + 1..)
        .and_then(package::tag_name)
        .and_then(|name| name.rsplit_once(':'))
        .map(|(prefix, _)| prefix)
        .ok_or_else(|| "正文段落没有命名空间前缀".to_string())
}

/// An id above every comment id already used, in the body's comment marks and in the
/// comments part (other annotations — bookmarks, revisions — number on their own).
fn next_id<'a>(parts: impl Iterator<Item = &'a str>) -> u64 {
    const TAGS: [&str; 5] = [
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        ":comment ",
        "<comment ",
    ];
    let mut max: Option<u64> = None;
    for xml in parts {
        for tag in TAGS {
            for (i, _) in xml.match_indices(tag) {
                let rest = &xml[i..];
                let end = rest.find('>').unwrap_or(rest.len());
                if let Some(n) = id_attr(&rest[..end]) {
                    max = Some(max.map_or(n, |m| m.max(n)));
                }
            }
        }
    }
    max.map_or(0, |m| m.saturating_add(1))
}

/// The value of a tag's `w:id` (or any prefix's `id`), in either kind of quotes.
fn id_attr(tag: &str) -> Option<u64> {
    tag.match_indices("id=").find_map(|(k, _)| {
        let before = tag[..k].chars().next_back()?;
        if before != ':' && !before.is_whitespace() {
            return None;
        }
        let value = &tag[k + 3..];
        let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let digits = &value[1..];
        let len = digits.bytes().take_while(u8::is_ascii_digit).count();
        (len > 0 && digits[len..].starts_with(quote))
            .then(|| digits[..len].parse().unwrap_or(u64::MAX / 2))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_start_above_every_comment_id_in_use() {
        let body = r#"<w:bookmarkStart w:id="4000000000"/><w:commentRangeStart w:id='7'/><w:commentReference w:id="3"/><r:x r:id="rId9"/>"#;
        let comments =
            r#"<w:comments><w:comment w:id='12' w:author="甲"><w:p/></w:comment></w:comments>"#;
        assert_eq!(next_id([body, comments].into_iter()), 13);
        assert_eq!(next_id(["<w:p/>"].into_iter()), 0);
        assert_eq!(id_attr(r#"<w:comment w:paraid="5" w:id="2""#), Some(2));
    }

    #[test]
    fn marks_keep_the_text_between_them() {
        let xml = "<w:p></w:p>";
        let marks = vec![
            Mark {
                at: 5,
                end: true,
                xml: "E".into(),
            },
            Mark {
                at: 5,
                end: false,
                xml: "S".into(),
            },
        ];
        assert_eq!(splice(xml, marks), "<w:p>SE</w:p>");
    }
}
