//! `styles.xml`: paragraph style names, `basedOn` chains, and the `outlineLvl` / `numPr` a
//! paragraph inherits from its style.

use super::xml::{Ev, Ns, XmlReader, truncate};
use crate::source::error::SourceError;
use std::collections::HashMap;

/// `basedOn` chains longer than this are cycles or abuse.
const MAX_CHAIN: usize = 32;
/// Style names are copied into every paragraph.
const MAX_NAME_BYTES: usize = 256;

/// A style id as stored: ids are copied into every paragraph and hashed at every lookup,
/// so a hostile megabyte id is cut (paragraphs' `pStyle` the same way, so they still match).
pub(crate) fn capped(id: std::borrow::Cow<'_, str>) -> String {
    let mut id = id.into_owned();
    truncate(&mut id, MAX_NAME_BYTES);
    id
}

#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Style {
    pub name: Option<String>,
    pub based_on: Option<String>,
    /// Raw `w:outlineLvl` (0..=8 heading, 9 body text).
    pub outline: Option<u32>,
    pub num_id: Option<u32>,
    pub ilvl: Option<u32>,
    /// `w:rPr/w:vanish`: the style hides its text.
    pub vanish: Option<bool>,
}

#[derive(Debug, Default)]
pub(crate) struct Styles {
    /// Paragraph and numbering styles by `w:styleId`.
    styles: HashMap<String, Style>,
    /// Character styles by `w:styleId`: a separate id space in Word.
    characters: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    Root,
    Style,
    PPr,
    RPr,
    NumPr,
    Leaf,
}

impl Styles {
    pub(crate) fn parse(xml: &str, part: &str) -> Result<Styles, SourceError> {
        let mut r = XmlReader::new(xml, part);
        let mut out = Styles::default();
        let mut stack: Vec<Frame> = Vec::new();
        // The style being read: id, kind, body.
        let mut current: Option<(String, Kind, Style)> = None;
        loop {
            let (ns, e, empty) = match r.next()? {
                Ev::Open { ns, e, empty } => (ns, e, empty),
                Ev::Close => {
                    if stack.pop() == Some(Frame::Style) {
                        out.commit(current.take());
                    }
                    continue;
                }
                Ev::Text(_) => continue,
                Ev::Eof => return Ok(out),
            };
            let local = e.local_name().into_inner();
            let style = current.as_mut().map(|c| &mut c.2);
            let frame = match (stack.last(), ns, local, style) {
                (None, ..) => Some(Frame::Root),
                (Some(Frame::Root), Ns::W, "style", _) => {
                    let kind = r.w_attr(&e, "type")?;
                    let kind = kind.as_deref().unwrap_or("paragraph");
                    let id = r.w_attr(&e, "styleId")?;
                    let kind = match kind {
                        "paragraph" | "numbering" => {
                            let is_default = kind == "paragraph"
                                && r.w_attr(&e, "default")?
                                    .is_some_and(|v| matches!(v.trim(), "1" | "true" | "on"));
                            Some(Kind::Paragraph { is_default })
                        }
                        "character" => Some(Kind::Character),
                        _ => None,
                    };
                    match (kind, id) {
                        (Some(kind), Some(id)) => {
                            current = Some((capped(id), kind, Style::default()));
                            Some(Frame::Style)
                        }
                        _ => None,
                    }
                }
                (Some(Frame::Style), Ns::W, "name", Some(s)) => {
                    s.name = r.w_attr(&e, "val")?.map(|v| {
                        let mut name = v.into_owned();
                        truncate(&mut name, MAX_NAME_BYTES);
                        name
                    });
                    Some(Frame::Leaf)
                }
                (Some(Frame::Style), Ns::W, "basedOn", Some(s)) => {
                    s.based_on = r.w_attr(&e, "val")?.map(capped);
                    Some(Frame::Leaf)
                }
                (Some(Frame::Style), Ns::W, "pPr", _) => Some(Frame::PPr),
                (Some(Frame::Style), Ns::W, "rPr", _) => Some(Frame::RPr),
                (Some(Frame::RPr), Ns::W, "vanish", Some(s)) => {
                    s.vanish = Some(r.w_on_off(&e)?);
                    Some(Frame::Leaf)
                }
                (Some(Frame::PPr), Ns::W, "outlineLvl", Some(s)) => {
                    s.outline = r.w_val_u32(&e)?;
                    Some(Frame::Leaf)
                }
                (Some(Frame::PPr), Ns::W, "numPr", _) => Some(Frame::NumPr),
                (Some(Frame::NumPr), Ns::W, "numId", Some(s)) => {
                    s.num_id = r.w_val_u32(&e)?;
                    Some(Frame::Leaf)
                }
                (Some(Frame::NumPr), Ns::W, "ilvl", Some(s)) => {
                    s.ilvl = r.w_val_u32(&e)?;
                    Some(Frame::Leaf)
                }
                _ => None,
            };
            match frame {
                None => r.skip_open(&e, empty)?,
                Some(Frame::Style) if empty => out.commit(current.take()),
                Some(_) if empty => {}
                Some(f) => stack.push(f),
            }
        }
    }

    fn commit(&mut self, style: Option<(String, Kind, Style)>) {
        let Some((id, kind, style)) = style else {
            return;
        };
        match kind {
            Kind::Character => {
                self.characters.entry(id).or_insert(style);
            }
            Kind::Paragraph { is_default } => {
                if is_default && self.default_paragraph.is_none() {
                    self.default_paragraph = Some(id.clone());
                }
                self.styles.entry(id).or_insert(style);
            }
        }
    }

    /// The style a paragraph actually uses: its `pStyle` if defined, else the default
    /// paragraph style; the raw `pStyle` when there is no styles part at all.
    pub(crate) fn effective_id<'a>(&'a self, p_style: Option<&'a str>) -> Option<&'a str> {
        match p_style {
            Some(id) if self.styles.contains_key(id) => Some(id),
            _ => self.default_paragraph.as_deref().or(p_style),
        }
    }

    /// `w:name` of the style, or its id when it has none or is unknown.
    pub(crate) fn display_name(&self, id: &str) -> String {
        let mut name = self
            .styles
            .get(id)
            .and_then(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string());
        truncate(&mut name, MAX_NAME_BYTES);
        name
    }

    /// The style and its `basedOn` ancestors, nearest first; stops at cycles.
    pub(crate) fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = &'a Style> + 'a {
        chain_in(&self.styles, id)
    }

    /// Whether a paragraph style hides the text of its runs (and its mark).
    pub(crate) fn hides(&self, id: Option<&str>) -> bool {
        self.chain(id).find_map(|s| s.vanish) == Some(true)
    }

    /// What a character style says of hiding its runs, if anything.
    pub(crate) fn character_hides(&self, id: &str) -> Option<bool> {
        chain_in(&self.characters, Some(id)).find_map(|s| s.vanish)
    }

    /// Heading level 1..=9 from the style chain: `outlineLvl` first, then a name like
    /// "heading 2" / "标题 2" anywhere in the chain.
    pub(crate) fn outline_level(&self, id: Option<&str>) -> Option<u8> {
        if let Some(v) = self.chain(id).find_map(|s| s.outline) {
            return outline_from_raw(v);
        }
        if let Some(n) = self
            .chain(id)
            .find_map(|s| s.name.as_deref().and_then(heading_from_name))
        {
            return Some(n);
        }
        match id {
            Some(id) if !self.styles.contains_key(id) => heading_from_name(id),
            _ => None,
        }
    }

    /// `numId` and `ilvl` inherited through the style chain (each from the nearest style).
    pub(crate) fn num_pr(&self, id: Option<&str>) -> (Option<u32>, Option<u32>) {
        (
            self.chain(id).find_map(|s| s.num_id),
            self.chain(id).find_map(|s| s.ilvl),
        )
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Paragraph { is_default: bool },
    Character,
}

fn chain_in<'a>(
    styles: &'a HashMap<String, Style>,
    id: Option<&'a str>,
) -> impl Iterator<Item = &'a Style> + 'a {
    let mut next = id;
    let mut steps = 0;
    std::iter::from_fn(move || {
        if steps >= MAX_CHAIN {
            return None;
        }
        steps += 1;
        let style = styles.get(next?)?;
        next = style.based_on.as_deref();
        Some(style)
    })
}

/// `w:outlineLvl` 0..=8 → level 1..=9; 9 (body text) or junk → none.
pub(crate) fn outline_from_raw(v: u32) -> Option<u8> {
    (v < 9).then(|| v as u8 + 1)
}

/// "heading 1", "Heading1", "标题 1" → 1. Word stores built-in names in English; WPS may not.
pub(crate) fn heading_from_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    match rest.trim_start().as_bytes() {
        [d @ b'1'..=b'9'] => Some(d - b'0'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#;

    fn parse(body: &str) -> Styles {
        Styles::parse(&format!("{HEAD}{body}</w:styles>"), "word/styles.xml").unwrap()
    }

    #[test]
    fn names_chains_and_defaults() {
        let s = parse(
            r#"<w:docDefaults><w:pPrDefault><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:pPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
              <w:pPr><w:keepNext/><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="My Sub"/><w:basedOn w:val="1"/>
              <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="character" w:styleId="Char"><w:name w:val="heading 1 Char"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>"#,
        );
        assert_eq!(s.effective_id(None), Some("a"));
        assert_eq!(s.effective_id(Some("missing")), Some("a"));
        assert_eq!(s.effective_id(Some("Sub")), Some("Sub"));
        assert_eq!(s.display_name("a"), "Normal");
        assert_eq!(s.display_name("Sub"), "My Sub");
        assert_eq!(s.outline_level(Some("1")), Some(1));
        assert_eq!(s.outline_level(Some("Sub")), Some(1));
        // docDefaults are not a style: Normal is body text.
        assert_eq!(s.outline_level(Some("a")), None);
        assert_eq!(s.num_pr(Some("Sub")), (Some(4), Some(1)));
        assert_eq!(s.num_pr(Some("a")), (None, None));
        assert_eq!(s.chain(Some("Loop1")).count(), MAX_CHAIN);
        assert!(!s.styles.contains_key("Char"));
    }

    #[test]
    fn megabyte_ids_are_cut_and_still_match() {
        let id = "S".repeat(1_000_000);
        let s = parse(&format!(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="{id}"><w:basedOn w:val="{id}"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>"#
        ));
        let key = capped(id.as_str().into());
        assert!(key.len() <= MAX_NAME_BYTES);
        assert_eq!(s.effective_id(Some(&key)), Some(key.as_str()));
        assert_eq!(s.outline_level(Some(&key)), Some(2));
        assert!(s.display_name(&key).len() <= MAX_NAME_BYTES);
    }

    #[test]
    fn heading_names() {
        assert_eq!(heading_from_name("heading 3"), Some(3));
        assert_eq!(heading_from_name("Heading3"), Some(3));
        assert_eq!(heading_from_name("标题 2"), Some(2));
        assert_eq!(heading_from_name("标题"), None);
        assert_eq!(heading_from_name("heading 10"), None);
        assert_eq!(heading_from_name("Normal"), None);
    }

    #[test]
    fn explicit_body_text_beats_a_heading_name() {
        let s = parse(
            r#"<w:style w:styleId="H"><w:name w:val="标题 2"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
               <w:style w:styleId="W"><w:name w:val="标题 2"/></w:style>"#,
        );
        assert_eq!(s.outline_level(Some("H")), None);
        assert_eq!(s.outline_level(Some("W")), Some(2));
        // Without a styles part the raw id is all we have.
        assert_eq!(Styles::default().outline_level(Some("Heading2")), Some(2));
    }

    #[test]
    fn strict_namespace_and_broken_xml() {
        let xml = r#"<s:styles xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main"><s:style s:type="paragraph" s:styleId="X"><s:name s:val="标题 1"/></s:style></s:styles>"#;
        let s = Styles::parse(xml, "word/styles.xml").unwrap();
        assert_eq!(s.display_name("X"), "标题 1");
        assert!(Styles::parse("<w:styles><w:style>", "word/styles.xml").is_err());
    }
}
