//! Page headers and footers: which of them Word shows, and their text. A part no section
//! shows (a first-page header left after "首页不同" was switched off) is still in the
//! file, but nobody reading the report sees it.

use super::body;
use super::numbering::Numbering;
use super::package::Package;
use super::styles::Styles;
use crate::document::{MarginText, Pages};
use std::collections::HashMap;

/// Paragraphs kept, at most: a running header has one or two.
const MAX_TEXTS: usize = 40;

/// The paragraphs of the headers and footers shown, each text once.
pub(super) fn texts(pkg: &Package, styles: &Styles, numbering: &Numbering) -> Vec<MarginText> {
    if pkg.margins.is_empty() {
        return Vec::new();
    }
    let shown = shown(&pkg.document.xml, pkg.even_and_odd);
    let mut out: Vec<MarginText> = Vec::new();
    for m in &pkg.margins {
        let Some(&pages) = shown.get(m.id.as_str()) else {
            continue;
        };
        let Ok(paragraphs) = body::parse(&m.part.xml, &m.part.name, styles, numbering) else {
            continue;
        };
        for p in paragraphs {
            let text = format!("{}{}", p.auto_number.unwrap_or_default(), p.text);
            let text = text.trim();
            if text.is_empty() || out.iter().any(|t| t.margin == m.margin && t.text == text) {
                continue;
            }
            if out.len() == MAX_TEXTS {
                return out;
            }
            out.push(MarginText {
                margin: m.margin,
                pages,
                text: text.to_string(),
            });
        }
    }
    out
}

/// Relationship ids of the headers and footers the sections show, with the pages they
/// are shown on (the first section that shows one says which): the default ones, the
/// first page's when the section has a title page, the even pages' when the settings
/// switch them on. A section without a reference of its own takes the one of the section
/// before (ECMA-376 §17.10.5), even one that section did not show.
fn shown(document: &str, even_and_odd: bool) -> HashMap<&str, Pages> {
    let mut ids = HashMap::new();
    let mut inherited: HashMap<(&str, &str), &str> = HashMap::new();
    for section in sections(document) {
        let title_page = switched_on(section, "titlePg");
        for name in ["headerReference", "footerReference"] {
            for tag in tags(section, name) {
                if let Some(id) = attr(tag, "id") {
                    inherited.insert((name, attr(tag, "type").unwrap_or("default")), id);
                }
            }
            for (kind, on, pages) in [
                ("default", true, Pages::Every),
                ("first", title_page, Pages::First),
                ("even", even_and_odd, Pages::Even),
            ] {
                if let Some(&id) = inherited.get(&(name, kind)).filter(|_| on) {
                    ids.entry(id).or_insert(pages);
                }
            }
        }
    }
    ids
}

/// Whether an on/off element is there and not switched off ("<w:titlePg/>",
/// "<w:titlePg w:val=\"0\"/>").
pub(super) fn switched_on(xml: &str, name: &str) -> bool {
    tags(xml, name).any(|tag| !matches!(attr(tag, "val"), Some("0" | "false" | "off")))
}

/// The properties of each section (`w:sectPr`), the inner text of each element; a
/// section's previous properties (inside `w:sectPrChange`) are part of it.
fn sections(xml: &str) -> Vec<&str> {
    let mut open = Vec::new();
    let mut out = Vec::new();
    for at in element_names(xml, "sectPr") {
        let Some(lt) = xml[..at].rfind('<') else {
            continue;
        };
        let Some(gt) = xml[at..].find('>').map(|k| at + k) else {
            break;
        };
        if xml[lt..].starts_with("</") {
            if let Some(start) = open.pop() {
                out.push(&xml[start..lt]);
            }
        } else if !xml[..gt].ends_with('/') {
            open.push(gt + 1);
        }
    }
    out
}

/// Start tags of the elements with the local name `name`, up to their closing '>'.
fn tags<'x>(xml: &'x str, name: &'x str) -> impl Iterator<Item = &'x str> {
    element_names(xml, name).filter_map(move |at| {
        let tag = &xml[at..];
        let end = tag.find('>')?;
        let lt = xml[..at].rfind('<')?;
        (!xml[lt..].starts_with("</")).then_some(&tag[..end])
    })
}

/// Byte offsets where an element named `name` (any prefix) is opened or closed.
fn element_names<'x>(xml: &'x str, name: &'x str) -> impl Iterator<Item = usize> + 'x {
    xml.match_indices(name).filter_map(move |(at, _)| {
        let before = &xml[..at];
        let unprefixed = before.strip_suffix(':').map_or(before, |b| {
            b.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
        });
        let starts = unprefixed.ends_with('<') || unprefixed.ends_with("</");
        let whole = xml[at + name.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
        (starts && whole).then_some(at)
    })
}

/// The value of the attribute with the local name `local` in a start tag.
fn attr<'t>(tag: &'t str, local: &str) -> Option<&'t str> {
    tag.match_indices(local).find_map(|(at, _)| {
        let before = tag[..at].chars().next_back()?;
        let rest = tag[at + local.len()..].strip_prefix('=')?;
        let quote = rest.chars().next().filter(|&q| q == '"' || q == '\'')?;
        if before != ':' && !before.is_ascii_whitespace() {
            return None;
        }
        let value = &rest[1..];
        value.find(quote).map(|end| &value[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn ids<'a>(shown: &HashMap<&'a str, Pages>) -> HashSet<&'a str> {
        shown.keys().copied().collect()
    }

    const FIRST_AND_DEFAULT: &str = r#"<w:body><w:p/><w:sectPr><w:headerReference w:type="first" r:id="rId7"/><w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="even" r:id="rId9"/></w:sectPr></w:body>"#;

    #[test]
    fn a_first_page_header_shows_only_with_a_title_page() {
        assert_eq!(
            ids(&shown(FIRST_AND_DEFAULT, false)),
            HashSet::from(["rId8"])
        );
        let titled = FIRST_AND_DEFAULT.replace("</w:sectPr>", "<w:titlePg/></w:sectPr>");
        let titled = shown(&titled, false);
        assert_eq!(ids(&titled), HashSet::from(["rId7", "rId8"]));
        assert_eq!(titled["rId7"], Pages::First);
        let off = FIRST_AND_DEFAULT.replace("</w:sectPr>", r#"<w:titlePg w:val="0"/></w:sectPr>"#);
        assert_eq!(ids(&shown(&off, false)), HashSet::from(["rId8"]));
    }

    #[test]
    fn even_pages_show_theirs_when_the_settings_say_so() {
        assert_eq!(shown(FIRST_AND_DEFAULT, true)["rId9"], Pages::Even);
        assert!(switched_on(
            "<w:settings><w:evenAndOddHeaders/></w:settings>",
            "evenAndOddHeaders"
        ));
        assert!(!switched_on(
            "<w:settings><w:zoom/></w:settings>",
            "evenAndOddHeaders"
        ));
    }

    #[test]
    fn every_section_counts_and_other_prefixes_too() {
        let xml = r#"<w:p><w:pPr><w:sectPr><w:headerReference r:id="a"/></w:sectPr></w:pPr></w:p><x:sectPr><x:footerReference x:type='default' r:id='b'/></x:sectPr><w:sectPr/>"#;
        assert_eq!(ids(&shown(xml, false)), HashSet::from(["a", "b"]));
    }

    /// The second section shows the first page's footer the first section left hidden.
    #[test]
    fn a_section_without_references_takes_the_ones_before() {
        let xml = r#"<w:p><w:pPr><w:sectPr><w:footerReference w:type="first" r:id="f1"/><w:footerReference w:type="default" r:id="d1"/></w:sectPr></w:pPr></w:p><w:sectPr><w:titlePg/></w:sectPr>"#;
        let shown = shown(xml, false);
        assert_eq!(ids(&shown), HashSet::from(["f1", "d1"]));
        assert_eq!(shown["f1"], Pages::First);
    }

    #[test]
    fn look_alike_names_are_no_sections() {
        let xml = r#"<w:sectPrChange><w:sectPr><w:headerReference r:id="old"/></w:sectPr></w:sectPrChange><w:t>sectPr headerReference r:id="x"</w:t>"#;
        // The old properties of a tracked change are no section Word shows today, but are
        // read as one: their references are the section's too.
        assert_eq!(ids(&shown(xml, false)), HashSet::from(["old"]));
    }
}
