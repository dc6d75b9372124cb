//! Footnotes and endnotes. Their text is checked like the body's (a citation in a note is
//! still a citation), after the body, each note labelled as Word numbers it ("脚注1："),
//! and a finding in a note is commented on the paragraph that refers to it.

use super::body;
use super::numbering::Numbering;
use super::package::Part;
use super::styles::Styles;
use crate::document::{Paragraph, XmlAnchor};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    Foot,
    End,
}

impl NoteKind {
    /// The relationship type's last segment naming the part.
    pub(crate) fn relationship(self) -> &'static str {
        match self {
            NoteKind::Foot => "footnotes",
            NoteKind::End => "endnotes",
        }
    }

    fn label(self) -> &'static str {
        match self {
            NoteKind::Foot => "脚注",
            NoteKind::End => "尾注",
        }
    }

    fn reference(self) -> &'static str {
        match self {
            NoteKind::Foot => "footnoteReference",
            NoteKind::End => "endnoteReference",
        }
    }
}

/// The paragraphs of the notes parts, footnotes first, for a body whose paragraphs are
/// `body` and whose XML is `document`. A notes part that cannot be read is left out, as
/// Word leaves out what it cannot show.
pub(crate) fn paragraphs(
    notes: &[(NoteKind, Part)],
    styles: &Styles,
    numbering: &Numbering,
    body: &[Paragraph],
    document: &str,
) -> Vec<Paragraph> {
    let mut anchors: Vec<XmlAnchor> = body.iter().filter_map(|p| p.anchor).collect();
    anchors.sort_by_key(|a| a.tag);
    let mut out = Vec::new();
    for (kind, part) in notes {
        let Ok(mut read) = body::parse(&part.xml, &part.name, styles, numbering) else {
            continue;
        };
        let referred = references(document, kind.reference());
        // Empty paragraphs in a note show nothing; nor do they label it. A note nothing
        // refers to, or whose reference was deleted with tracking, is not shown either.
        read.retain(|p| {
            p.note.is_some_and(|id| referred.contains_key(&id))
                && !(p.text.trim().is_empty() && p.auto_number.is_none())
        });
        if read.is_empty() {
            continue;
        }
        let mut ordinal = 0;
        let mut last = None;
        for p in &mut read {
            // Offsets into the notes part mean nothing in the body.
            p.anchor = p
                .note
                .and_then(|id| referred.get(&id))
                .and_then(|&at| enclosing(&anchors, at));
            if p.note != last {
                ordinal += 1;
                last = p.note;
                // Word puts a space between the note's mark and its text.
                p.text = p.text.trim_start_matches([' ', '\t']).to_string();
                let number = p.auto_number.take().unwrap_or_default();
                p.auto_number = Some(format!("{}{ordinal}：{number}", kind.label()));
            }
        }
        out.append(&mut read);
    }
    out
}

/// Where each note is referred to in the body: its `w:id` and the byte offset of the
/// reference element (the first reference, when a damaged file has several).
fn references(document: &str, element: &str) -> HashMap<u32, usize> {
    let mut found = HashMap::new();
    for (at, _) in document.match_indices(element) {
        if deleted_at(document, at) {
            continue;
        }
        let tag = &document[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(id) = id_attribute(tag) {
            found.entry(id).or_insert(at);
        }
    }
    found
}

/// Byte `at` lies inside a tracked deletion (`w:del`, `w:moveFrom`) that is still open.
fn deleted_at(document: &str, at: usize) -> bool {
    let before = &document[..at];
    ["del", "moveFrom"].iter().any(|name| {
        let opened = [format!("<w:{name} "), format!("<w:{name}>")]
            .iter()
            .filter_map(|t| before.rfind(t.as_str()))
            .max();
        let closed = before.rfind(&format!("</w:{name}>"));
        opened.is_some_and(|o| closed.is_none_or(|c| c < o))
    })
}

/// The value of the `id` attribute in a start tag's text, whatever its prefix.
fn id_attribute(tag: &str) -> Option<u32> {
    tag.match_indices("id=").find_map(|(at, _)| {
        let before = tag[..at].chars().next_back();
        if !matches!(before, Some(':' | ' ' | '\t' | '\n' | '\r')) {
            return None;
        }
        let value = &tag[at + 3..];
        let quote = value.chars().next().filter(|&q| q == '"' || q == '\'')?;
        let value = &value[1..];
        value[..value.find(quote)?].trim().parse().ok()
    })
}

/// The body paragraph holding byte `at`; `anchors` are sorted by their start tag.
fn enclosing(anchors: &[XmlAnchor], at: usize) -> Option<XmlAnchor> {
    let k = anchors.partition_point(|a| a.tag <= at).checked_sub(1)?;
    Some(anchors[k]).filter(|a| at < a.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_read_with_or_without_its_prefix_and_not_from_another_attribute() {
        assert_eq!(id_attribute(r#"footnoteReference w:id="12"/"#), Some(12));
        assert_eq!(id_attribute(r#"footnoteReference id='3'"#), Some(3));
        assert_eq!(
            id_attribute(r#"footnoteReference w:customMarkFollows="1" w:rsid="5" w:id="7""#),
            Some(7)
        );
        assert_eq!(id_attribute(r#"footnoteReference w:paraid="7""#), None);
        assert_eq!(id_attribute(r#"footnoteReference w:id="x"#), None);
    }

    #[test]
    fn a_reference_deleted_with_tracking_refers_to_nothing() {
        let xml = r#"<w:p><w:r><w:footnoteReference w:id="1"/></w:r><w:del w:id="9" w:author="a"><w:r><w:footnoteReference w:id="2"/></w:r></w:del><w:moveFrom w:id="8"><w:r><w:footnoteReference w:id="3"/></w:r></w:moveFrom><w:r><w:footnoteReference w:id="4"/></w:r></w:p>"#;
        let mut ids: Vec<u32> = references(xml, "footnoteReference").into_keys().collect();
        ids.sort_unstable();
        assert_eq!(ids, [1, 4]);
    }

    #[test]
    fn a_reference_is_placed_in_the_paragraph_around_it() {
        let a = |tag, end| XmlAnchor {
            tag,
            content: tag + 5,
            end,
        };
        let anchors = [a(10, 50), a(60, 100)];
        assert_eq!(enclosing(&anchors, 70).map(|a| a.tag), Some(60));
        assert_eq!(enclosing(&anchors, 55), None, "between paragraphs");
        assert_eq!(enclosing(&anchors, 5), None);
    }
}
