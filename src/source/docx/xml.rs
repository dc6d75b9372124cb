//! A thin layer over quick-xml shared by every part parser: namespace families instead of
//! prefixes, entity resolution, no DTDs, a depth cap, and errors as Chinese `SourceError`s.

use crate::source::error::{ErrorKind, SourceError};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;
use std::borrow::Cow;

/// libxml2's and XmlLite's default: deeper nesting is an attack, not a document.
pub(crate) const MAX_DEPTH: usize = 256;

pub(crate) const W_TRANSITIONAL: &str =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const MATH_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";
const MATH_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/math";
pub(crate) const PACKAGE_RELS: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships";

/// Cuts `s` to at most `max` bytes on a character boundary. Names and labels are copied
/// into every paragraph, so a hostile 10 MB style name must not be.
pub(crate) fn truncate(s: &mut String, max: usize) {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        // A truncated hostile value must not keep its megabytes of capacity.
        s.shrink_to_fit();
    }
}

/// The namespace families we care about; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML, Transitional or Strict.
    W,
    /// Markup Compatibility (`mc:AlternateContent`).
    Mc,
    /// Office Math (`m:t`).
    Math,
    /// OPC relationships (`_rels/*.rels`).
    Rels,
    /// No namespace (unprefixed attributes).
    None,
    Other,
}

fn classify(result: &ResolveResult<'_>) -> Ns {
    match result {
        ResolveResult::Bound(Namespace(uri)) => match *uri {
            W_TRANSITIONAL | W_STRICT => Ns::W,
            MC => Ns::Mc,
            MATH_TRANSITIONAL | MATH_STRICT => Ns::Math,
            PACKAGE_RELS => Ns::Rels,
            _ => Ns::Other,
        },
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Unknown(_) => Ns::Other,
    }
}

/// One simplified event.
pub(crate) enum Ev<'i> {
    /// A start tag or a self-closing tag (`empty`); a self-closing tag gets no `Close`.
    Open {
        ns: Ns,
        e: BytesStart<'i>,
        empty: bool,
    },
    /// The end tag of the innermost open element.
    Close,
    /// Character data, CDATA, or a resolved entity / character reference.
    Text(Cow<'i, str>),
    Eof,
}

pub(crate) struct XmlReader<'i> {
    inner: NsReader<&'i [u8]>,
    part: &'i str,
    depth: usize,
}

impl<'i> XmlReader<'i> {
    /// `part` names the zip entry in error messages.
    pub(crate) fn new(xml: &'i str, part: &'i str) -> Self {
        let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
        let inner = NsReader::from_str(xml);
        XmlReader {
            inner,
            part,
            depth: 0,
        }
    }

    /// Byte offset just after the last event; stable across passes over the same input.
    pub(crate) fn position(&self) -> u64 {
        self.inner.buffer_position()
    }

    pub(crate) fn next(&mut self) -> Result<Ev<'i>, SourceError> {
        loop {
            let event = match self.inner.read_event() {
                Ok(e) => e,
                Err(e) => return Err(self.syntax_error(&e, self.inner.error_position())),
            };
            match event {
                Event::Start(e) => {
                    self.enter()?;
                    self.depth += 1;
                    let ns = self.element_ns(&e);
                    return Ok(Ev::Open {
                        ns,
                        e,
                        empty: false,
                    });
                }
                Event::Empty(e) => {
                    self.enter()?;
                    let ns = self.element_ns(&e);
                    return Ok(Ev::Open { ns, e, empty: true });
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Ev::Close);
                }
                Event::Text(t) => return Ok(Ev::Text(t.xml10_content())),
                Event::CData(t) => return Ok(Ev::Text(t.xml10_content())),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        Ok(None) => match resolve_predefined_entity(&r) {
                            Some(s) => Cow::Borrowed(s),
                            None => {
                                return Err(self.error(format!(
                                    "{} 含有未定义的实体引用 &{};，拒绝读取",
                                    self.part, &*r
                                )));
                            }
                        },
                        // The reference was read whole: the reader's error position is stale.
                        Err(_) => {
                            return Err(self.syntax_error(
                                &format!(
                                    "无效的字符引用 &{};",
                                    r.chars().take(20).collect::<String>()
                                ),
                                self.inner.buffer_position(),
                            ));
                        }
                    };
                    return Ok(Ev::Text(resolved));
                }
                Event::DocType(_) => {
                    // OPC M1.18: consumers shall treat a DTD declaration as an error.
                    return Err(self.error(format!(
                        "{} 含有 DTD 声明，按 OPC 规范拒绝读取（可能是恶意构造的文件）",
                        self.part
                    )));
                }
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.error(format!(
                            "文件已损坏：{} 的 XML 不完整（缺少结束标签）",
                            self.part
                        )));
                    }
                    return Ok(Ev::Eof);
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }

    /// Skips the subtree of an element just returned as a non-empty `Open`.
    pub(crate) fn skip(&mut self, e: &BytesStart<'_>) -> Result<(), SourceError> {
        match self.inner.read_to_end(e.name()) {
            Ok(_) => {
                self.depth = self.depth.saturating_sub(1);
                Ok(())
            }
            Err(err) => Err(self.syntax_error(&err, self.inner.error_position())),
        }
    }

    /// Skips the rest of an `Open` event: nothing for self-closing tags.
    pub(crate) fn skip_open(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), SourceError> {
        if empty { Ok(()) } else { self.skip(e) }
    }

    /// The unescaped value of the attribute `local` in namespace family `ns`
    /// (`Ns::None` for unprefixed attributes such as `Type` in .rels).
    pub(crate) fn attr<'e>(
        &self,
        e: &'e BytesStart<'_>,
        ns: Ns,
        local: &str,
    ) -> Result<Option<Cow<'e, str>>, SourceError> {
        for attr in e.attributes().with_checks(false) {
            let attr = attr.map_err(|err| {
                self.error(format!(
                    "文件已损坏：{} 的 XML 属性格式错误（{err}）",
                    self.part
                ))
            })?;
            let (res, name) = self.inner.resolver().resolve_attribute(attr.key);
            if name.as_ref() != local || classify(&res) != ns {
                continue;
            }
            return match attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(v) => Ok(Some(v)),
                Err(err) => Err(self.error(format!(
                    "{} 的属性值含有无法解析的实体引用（{err}）",
                    self.part
                ))),
            };
        }
        Ok(None)
    }

    /// A `w:` attribute, the common case.
    pub(crate) fn w_attr<'e>(
        &self,
        e: &'e BytesStart<'_>,
        local: &str,
    ) -> Result<Option<Cow<'e, str>>, SourceError> {
        self.attr(e, Ns::W, local)
    }

    /// `w:val` parsed as a number; malformed values count as absent.
    pub(crate) fn w_val_u32(&self, e: &BytesStart<'_>) -> Result<Option<u32>, SourceError> {
        Ok(self
            .w_attr(e, "val")?
            .and_then(|v| v.trim().parse::<u32>().ok()))
    }

    /// An `ST_OnOff` element such as `<w:vanish/>` or `<w:isLgl w:val="0"/>`.
    pub(crate) fn w_on_off(&self, e: &BytesStart<'_>) -> Result<bool, SourceError> {
        Ok(match self.w_attr(e, "val")? {
            None => true,
            Some(v) => !matches!(v.trim(), "0" | "false" | "off"),
        })
    }

    fn enter(&self) -> Result<(), SourceError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(format!(
                "{} 的元素嵌套超过 {MAX_DEPTH} 层，拒绝读取（可能是恶意构造的文件）",
                self.part
            )));
        }
        Ok(())
    }

    fn element_ns(&self, e: &BytesStart<'_>) -> Ns {
        let (res, _) = self.inner.resolver().resolve_element(e.name());
        classify(&res)
    }

    fn error(&self, message: String) -> SourceError {
        SourceError::new(ErrorKind::Xml, message)
    }

    fn syntax_error(&self, e: &dyn std::fmt::Display, at: u64) -> SourceError {
        let english = e.to_string();
        if english.contains("namespace bindings") {
            return self.error(format!(
                "{} 声明的命名空间过多，拒绝读取（可能是恶意构造的文件）",
                self.part
            ));
        }
        self.error(format!(
            "文件已损坏：{} 的 XML 格式错误（第 {at} 字节附近：{}）",
            self.part,
            xml_cause(&english)
        ))
    }
}

/// The XML library's English, said in Chinese for the causes a damaged file shows.
fn xml_cause(english: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("but `</", "开始标签与结束标签不匹配"),
        ("ill-formed document", "标签结构不完整"),
        ("unclosed", "有没有结束的标签或注释"),
        ("tag not closed", "有没有结束的标签"),
        ("unexpected eof", "文件在中途结束"),
        ("duplicated attribute", "同一属性出现两次"),
        ("utf-8", "不是有效的 UTF-8 文本"),
        ("utf8", "不是有效的 UTF-8 文本"),
    ];
    crate::source::error::in_chinese(english, KNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Result<String, SourceError> {
        let mut r = XmlReader::new(xml, "test.xml");
        let mut out = String::new();
        loop {
            match r.next()? {
                Ev::Text(t) => out.push_str(&t),
                Ev::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    #[test]
    fn truncates_on_char_boundaries() {
        let mut s = "一二三".to_string();
        truncate(&mut s, 7);
        assert_eq!(s, "一二");
        truncate(&mut s, 100);
        assert_eq!(s, "一二");
    }

    #[test]
    fn resolves_predefined_and_char_refs() {
        assert_eq!(
            texts("<a>A &amp; B&#x4E2D;&#25991;&lt;&gt;&quot;&apos;</a>").unwrap(),
            "A & B中文<>\"'"
        );
        // A bad reference is placed where it is, not at the start.
        let e = texts(&format!("<a>{}&#0;</a>", "x".repeat(1000))).unwrap_err();
        assert!(e.message.contains("无效的字符引用 &#0;"), "{}", e.message);
        assert!(!e.message.contains("第 0 字节"), "{}", e.message);
    }

    #[test]
    fn rejects_unknown_entities_and_dtds() {
        let e = texts("<a>&custom;</a>").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Xml);
        assert!(e.message.contains("&custom;"), "{}", e.message);

        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>"#;
        let e = texts(bomb).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Xml);
        assert!(e.message.contains("DTD"), "{}", e.message);
    }

    #[test]
    fn caps_depth_without_recursion() {
        let deep = format!("{}{}", "<a>".repeat(300), "</a>".repeat(300));
        let e = texts(&deep).unwrap_err();
        assert!(e.message.contains("256"), "{}", e.message);
        let ok = format!("{}{}", "<a>".repeat(255), "</a>".repeat(255));
        assert!(texts(&ok).is_ok());
        // Self-closing at the limit is one level deeper too.
        let empty = format!("{}<b/>{}", "<a>".repeat(256), "</a>".repeat(256));
        assert!(texts(&empty).is_err());
    }

    #[test]
    fn truncated_and_mismatched_xml_are_errors() {
        assert!(texts("<a><b>text</b>").is_err());
        assert!(texts("<a><b></a>").is_err());
    }

    #[test]
    fn namespaces_are_matched_by_uri_not_prefix() {
        let xml = r#"<x:p xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main" x:val="7" val="8"/>"#;
        let mut r = XmlReader::new(xml, "t");
        match r.next().unwrap() {
            Ev::Open { ns, e, empty } => {
                assert_eq!(ns, Ns::W);
                assert!(empty);
                assert_eq!(r.w_val_u32(&e).unwrap(), Some(7));
                assert_eq!(r.attr(&e, Ns::None, "val").unwrap().as_deref(), Some("8"));
            }
            _ => panic!("expected an element"),
        }
    }

    #[test]
    fn on_off_values() {
        let xml = r#"<r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:a/><w:b w:val="0"/><w:c w:val="off"/><w:d w:val="true"/></r>"#;
        let mut r = XmlReader::new(xml, "t");
        let mut got = Vec::new();
        loop {
            match r.next().unwrap() {
                Ev::Open { e, empty: true, .. } => got.push(r.w_on_off(&e).unwrap()),
                Ev::Eof => break,
                _ => {}
            }
        }
        assert_eq!(got, vec![true, false, false, true]);
    }

    #[test]
    fn skip_consumes_the_subtree() {
        let xml = "<a><skip><x>hidden</x></skip>shown</a>";
        let mut r = XmlReader::new(xml, "t");
        let mut out = String::new();
        loop {
            match r.next().unwrap() {
                Ev::Open { e, empty, .. } if e.local_name().as_ref() == "skip" => {
                    r.skip_open(&e, empty).unwrap()
                }
                Ev::Text(t) => out.push_str(&t),
                Ev::Eof => break,
                _ => {}
            }
        }
        assert_eq!(out, "shown");
    }
}
