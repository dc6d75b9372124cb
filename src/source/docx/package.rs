//! The OPC (zip) layer: open the archive under limits, resolve the main document, styles and
//! numbering parts through their relationships, and decode each part to a `String`.

use super::notes::NoteKind;
use super::xml::{Ev, Ns, XmlReader};
use crate::document::Margin;
use crate::source::error::{ErrorKind, SourceError};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use zip::CompressionMethod;
use zip::ZipArchive;

/// Entries in the central directory (engineering.md §4.1).
pub const MAX_ENTRIES: usize = 5_000;
/// Uncompressed size of the main document part.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;
/// Uncompressed size of any other part we read.
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// Highest accepted uncompressed:compressed ratio (a LibreOffice table of 3,000 rows is
/// 101:1; the size limits above bound what a bomb can cost)…
pub const MAX_RATIO: u64 = 500;
/// …checked only above this size, since small blank images legitimately compress 160:1.
pub const RATIO_GRACE_BYTES: u64 = 1024 * 1024;

const DEFAULT_DOCUMENT: &str = "word/document.xml";
pub const CONTENT_TYPES: &str = "[Content_Types].xml";
const MIB: f64 = 1024.0 * 1024.0;
/// What an Office file that is not a Word document is told.
const EXCEL: &str = "这是 Excel 工作簿（.xlsx），不是 Word 文档；请提供报告的 .docx 或 .txt 文件";
const POWERPOINT: &str =
    "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档；请提供报告的 .docx 或 .txt 文件";

/// One XML part, decoded.
#[derive(Debug)]
pub struct Part {
    /// Normalized part name, as stored ("word/document.xml").
    pub name: String,
    pub xml: String,
    /// Stored as UTF-16 and transcoded: cannot be written back as it was read.
    pub transcoded: bool,
}

/// A header or footer part and the relationship the sections refer to it by.
#[derive(Debug)]
pub(crate) struct MarginPart {
    pub margin: Margin,
    pub id: String,
    pub part: Part,
}

#[derive(Debug)]
pub(crate) struct Package {
    pub document: Part,
    pub styles: Option<Part>,
    pub numbering: Option<Part>,
    /// Headers and footers. Tracked changes and comments left in any of them go out with
    /// the file; the text of those Word shows is checked. A part that cannot be read is
    /// left out.
    pub margins: Vec<MarginPart>,
    /// Odd and even pages have headers and footers of their own (settings.xml).
    pub even_and_odd: bool,
    /// The footnotes part, then the endnotes part: their text is checked after the body's.
    /// A part that cannot be read is left out.
    pub notes: Vec<(NoteKind, Part)>,
    /// Only read for writing comments (`open_for_comments`).
    pub comment_parts: Option<CommentParts>,
    /// Comments gwlint wrote (`--annotate`), in a body that has comments.
    pub own_comments: usize,
}

/// The parts that writing comments changes, besides the main document.
#[derive(Debug)]
pub struct CommentParts {
    /// Name of the main document's relationships part, whether or not it exists.
    pub rels_name: String,
    pub rels: Option<Part>,
    /// The comments part the main document already relates to.
    pub comments: Option<Part>,
    /// A comments relationship whose part is missing: the package is inconsistent.
    pub comments_missing: bool,
    pub content_types: Option<Part>,
    /// Every entry name, normalized, to pick a free name for a new part.
    pub names: Vec<String>,
}

/// Opens a .docx package and reads the parts the body reader needs.
pub(crate) fn open(bytes: &[u8]) -> Result<Package, SourceError> {
    open_with(bytes, false)
}

/// Opens a .docx package with the parts that writing comments into it needs.
pub(crate) fn open_for_comments(bytes: &[u8]) -> Result<Package, SourceError> {
    open_with(bytes, true)
}

fn open_with(bytes: &[u8], for_comments: bool) -> Result<Package, SourceError> {
    if !bytes.starts_with(b"PK") {
        return Err(SourceError::new(
            ErrorKind::NotDocx,
            "不是 .docx 文件：文件开头不是 zip 压缩包标记",
        ));
    }
    let mut zip = Zip::open(bytes)?;

    let main = zip.main_document()?;
    let document = zip.read_part(&main, MAX_DOCUMENT_BYTES)?;

    let (dir, file) = match main.rfind('/') {
        Some(i) => (&main[..i], &main[i + 1..]),
        None => ("", main.as_str()),
    };
    let rels_name = join(dir, &format!("_rels/{file}.rels"));
    let rels_part = match zip.find(&rels_name) {
        Some(_) => Some(zip.read_part(&rels_name, MAX_PART_BYTES)?),
        None => None,
    };
    let rels = match &rels_part {
        Some(part) => parse_rels(part, dir)?,
        None => Vec::new(),
    };
    let styles = zip.related_part(&rels, "styles", &join(dir, "styles.xml"))?;
    let numbering = zip.related_part(&rels, "numbering", &join(dir, "numbering.xml"))?;
    let margins: Vec<MarginPart> = rels
        .iter()
        .filter_map(|r| {
            let margin = match r.kind.as_str() {
                "header" => Margin::Header,
                "footer" => Margin::Footer,
                _ => return None,
            };
            let part = zip.read_part(&r.target.clone(), MAX_PART_BYTES).ok()?;
            Some(MarginPart {
                margin,
                id: r.id.clone(),
                part,
            })
        })
        .collect();
    // Only read when it matters: most reports have no running header.
    let even_and_odd = !margins.is_empty()
        && zip
            .related_part(&rels, "settings", &join(dir, "settings.xml"))
            .ok()
            .flatten()
            .is_some_and(|settings| {
                super::margins::switched_on(&settings.xml, "evenAndOddHeaders")
            });
    let notes = [NoteKind::Foot, NoteKind::End]
        .into_iter()
        .filter_map(|kind| {
            let r = rels.iter().find(|r| r.kind == kind.relationship())?;
            Some((kind, zip.read_part(&r.target.clone(), MAX_PART_BYTES).ok()?))
        })
        .collect();
    // Only read when it matters: most reports have no comment.
    let own_comments = if document.xml.contains("commentReference") {
        rels.iter()
            .find(|r| r.kind == "comments")
            .and_then(|r| zip.read_part(&r.target.clone(), MAX_PART_BYTES).ok())
            .and_then(|part| {
                super::comments::by_author(&part.xml, &part.name, super::GWLINT_AUTHOR).ok()
            })
            .map_or(0, |own| own.len())
    } else {
        0
    };
    let extra = if for_comments {
        let comments = match rels
            .iter()
            .find(|r| r.kind == "comments" && zip.find(&r.target).is_some())
        {
            Some(r) => Some(zip.read_part(&r.target.clone(), MAX_PART_BYTES)?),
            None => None,
        };
        let content_types = match zip.find(CONTENT_TYPES) {
            Some(_) => Some(zip.read_part(CONTENT_TYPES, MAX_PART_BYTES)?),
            None => None,
        };
        let comments_missing = comments.is_none() && rels.iter().any(|r| r.kind == "comments");
        Some(CommentParts {
            rels_name,
            rels: rels_part,
            comments,
            comments_missing,
            content_types,
            names: zip.index.values().map(|(_, n)| n.clone()).collect(),
        })
    } else {
        None
    };
    Ok(Package {
        document,
        styles,
        numbering,
        margins,
        even_and_odd,
        notes,
        comment_parts: extra,
        own_comments,
    })
}

struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Normalized, ASCII-lowercased part name → entry index and normalized name as stored
    /// (OPC names are case-insensitive).
    index: HashMap<String, (usize, String)>,
}

impl<'a> Zip<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, SourceError> {
        let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad_zip(&e))?;
        if archive.len() > MAX_ENTRIES {
            return Err(SourceError::new(
                ErrorKind::ZipLimit,
                format!(
                    "压缩包内文件过多（{} 个，上限 {MAX_ENTRIES} 个），拒绝读取",
                    archive.len()
                ),
            ));
        }
        if archive.has_duplicate_names() {
            return Err(duplicate_error("（名称完全相同）"));
        }
        let mut index = HashMap::with_capacity(archive.len());
        for i in 0..archive.len() {
            let entry = archive.by_index_data(i).map_err(|e| bad_zip(&e))?;
            let name = match entry.name() {
                Ok(n) => n.into_owned(),
                Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
            };
            let normalized = normalize(&name);
            let key = normalized.to_ascii_lowercase();
            if index.insert(key, (i, normalized)).is_some() {
                // A second reader could pick the other copy: a parser differential.
                return Err(duplicate_error(&format!("：{name}")));
            }
        }
        // Overlapping entries and local/central header mismatches are known bomb techniques.
        archive.validate_header_consistency().map_err(|e| {
            SourceError::new(
                ErrorKind::BadZip,
                format!(
                    "文件已损坏：zip 头信息不一致（{}）",
                    zip_cause(&e.to_string())
                ),
            )
        })?;
        Ok(Zip { archive, index })
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.index.get(&name.to_ascii_lowercase()).map(|e| e.0)
    }

    /// The main document part: the `officeDocument` relationship, else `word/document.xml`.
    fn main_document(&mut self) -> Result<String, SourceError> {
        let mut target = None;
        if self.find("_rels/.rels").is_some() {
            let part = self.read_part("_rels/.rels", MAX_PART_BYTES)?;
            let rels = parse_rels(&part, "")?;
            target = rels
                .into_iter()
                .find(|r| r.kind == "officeDocument")
                .map(|r| r.target);
        }
        if let Some(t) = &target {
            let lower = t.to_ascii_lowercase();
            if lower.starts_with("xl/") {
                return Err(SourceError::new(ErrorKind::UnsupportedFormat, EXCEL));
            }
            if lower.starts_with("ppt/") {
                return Err(SourceError::new(ErrorKind::UnsupportedFormat, POWERPOINT));
            }
            if self.find(t).is_some() {
                return Ok(t.clone());
            }
        }
        if self.find(DEFAULT_DOCUMENT).is_some() {
            return Ok(DEFAULT_DOCUMENT.to_string());
        }
        // By their main parts, when no relationship names them.
        for (part, what) in [
            (
                "ofd.xml",
                "这是 OFD 版式文件，不是 Word 文档；请提供报告的 .docx 或 .txt 原文",
            ),
            ("xl/workbook.xml", EXCEL),
            ("ppt/presentation.xml", POWERPOINT),
        ] {
            if self.find(part).is_some() {
                return Err(SourceError::new(ErrorKind::UnsupportedFormat, what));
            }
        }
        if self.find("mimetype").is_some() && self.find("content.xml").is_some() {
            return Err(SourceError::new(
                ErrorKind::UnsupportedFormat,
                "这是 OpenDocument 文档（.odt 等），不是 Word 文档；请在 WPS 或 LibreOffice 中另存为 .docx 后再检查",
            ));
        }
        if self.find(CONTENT_TYPES).is_none() && self.find("_rels/.rels").is_none() {
            return Err(SourceError::new(
                ErrorKind::UnsupportedFormat,
                "这是一个普通的 zip 压缩包，其中没有 Word 文档内容；请解压后检查其中的报告",
            ));
        }
        let wanted = target.unwrap_or_else(|| DEFAULT_DOCUMENT.to_string());
        Err(SourceError::new(
            ErrorKind::MissingPart,
            format!("文件已损坏：缺少正文部件 {wanted}"),
        ))
    }

    /// A part found by relationship type, else at its usual name, else none.
    fn related_part(
        &mut self,
        rels: &[Rel],
        kind: &str,
        usual: &str,
    ) -> Result<Option<Part>, SourceError> {
        let by_rel = rels
            .iter()
            .find(|r| r.kind == kind && self.find(&r.target).is_some())
            .map(|r| r.target.clone());
        match by_rel {
            Some(name) => self.read_part(&name, MAX_PART_BYTES).map(Some),
            None if self.find(usual).is_some() => self.read_part(usual, MAX_PART_BYTES).map(Some),
            None => Ok(None),
        }
    }

    fn read_part(&mut self, name: &str, limit: u64) -> Result<Part, SourceError> {
        let Some((i, name)) = self.index.get(&name.to_ascii_lowercase()).cloned() else {
            return Err(SourceError::new(
                ErrorKind::MissingPart,
                format!("文件已损坏：缺少部件 {name}"),
            ));
        };
        let bytes = self.read_entry(i, &name, limit)?;
        let (xml, transcoded) = decode(bytes, &name)?;
        Ok(Part {
            name,
            xml,
            transcoded,
        })
    }

    fn read_entry(&mut self, i: usize, name: &str, limit: u64) -> Result<Vec<u8>, SourceError> {
        let (size, compressed) = {
            let entry = self.archive.by_index_data(i).map_err(|e| bad_zip(&e))?;
            if entry.encrypted() {
                return Err(SourceError::new(
                    ErrorKind::BadZip,
                    format!("压缩包内的 {name} 已加密，无法读取；请先取消密码保护"),
                ));
            }
            match entry.compression() {
                CompressionMethod::Stored | CompressionMethod::Deflated => {}
                other => return Err(unsupported_compression(name, other)),
            }
            (entry.size(), entry.compressed_size())
        };
        if size > limit {
            return Err(too_big(name, size, limit));
        }
        if size > RATIO_GRACE_BYTES && size / compressed.max(1) > MAX_RATIO {
            return Err(SourceError::new(
                ErrorKind::ZipLimit,
                format!(
                    "压缩比异常（疑似压缩炸弹）：{name} 压缩后 {compressed} 字节，解压后 {size} 字节（约 {}:1，上限 {MAX_RATIO}:1）",
                    size / compressed.max(1)
                ),
            ));
        }
        let file = self.archive.by_index(i).map_err(|e| unreadable(name, &e))?;
        // Never trust the declared size for the allocation.
        let mut buf = Vec::with_capacity(size.min(RATIO_GRACE_BYTES) as usize);
        file.take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| unreadable(name, &e))?;
        if buf.len() as u64 > limit {
            return Err(too_big(name, buf.len() as u64, limit));
        }
        Ok(buf)
    }
}

/// One relationship, with its type reduced to the last URI segment and its target
/// resolved to a normalized part name.
#[derive(Debug, PartialEq)]
struct Rel {
    id: String,
    kind: String,
    target: String,
}

/// Parses a `.rels` part; `base` is the directory of the source part ("" for the package).
fn parse_rels(part: &Part, base: &str) -> Result<Vec<Rel>, SourceError> {
    let mut reader = XmlReader::new(&part.xml, &part.name);
    let mut rels = Vec::new();
    loop {
        match reader.next()? {
            Ev::Open {
                ns: Ns::Rels, e, ..
            } if e.local_name().as_ref() == "Relationship" => {
                let external = reader
                    .attr(&e, Ns::None, "TargetMode")?
                    .is_some_and(|m| m.eq_ignore_ascii_case("External"));
                let id = reader
                    .attr(&e, Ns::None, "Id")?
                    .unwrap_or_default()
                    .to_string();
                let kind = reader.attr(&e, Ns::None, "Type")?;
                let target = reader.attr(&e, Ns::None, "Target")?;
                if let (false, Some(kind), Some(target)) = (external, kind, target) {
                    // Transitional and Strict types differ only before the last segment.
                    let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                    rels.push(Rel {
                        id,
                        kind,
                        target: resolve_target(base, &target),
                    });
                }
            }
            Ev::Eof => return Ok(rels),
            _ => {}
        }
    }
}

/// Resolves a relationship target against the source part's directory.
fn resolve_target(base: &str, target: &str) -> String {
    let target = percent_decode(target);
    let target = target.split(['#', '?']).next().unwrap_or_default();
    if target.starts_with('/') || target.starts_with('\\') {
        normalize(target)
    } else {
        normalize(&join(base, target))
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// `\` → `/`, no leading `/`, `.` and `..` segments applied.
pub(crate) fn normalize(name: &str) -> String {
    let name = name.replace('\\', "/");
    let mut out: Vec<&str> = Vec::new();
    for seg in name.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// OPC allows only UTF-8 and UTF-16 XML parts (M1.17); quick-xml reads only UTF-8.
fn decode(mut bytes: Vec<u8>, name: &str) -> Result<(String, bool), SourceError> {
    let utf16 = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => Some((encoding_rs::UTF_16LE, rest)),
        [0xFE, 0xFF, rest @ ..] => Some((encoding_rs::UTF_16BE, rest)),
        [b'<', 0, ..] => Some((encoding_rs::UTF_16LE, bytes.as_slice())),
        [0, b'<', ..] => Some((encoding_rs::UTF_16BE, bytes.as_slice())),
        _ => None,
    };
    let decode_error = || {
        SourceError::new(
            ErrorKind::Decode,
            format!("文件已损坏：{name} 不是有效的 UTF-8 或 UTF-16 文本"),
        )
    };
    if let Some((encoding, rest)) = utf16 {
        return encoding
            .decode_without_bom_handling_and_without_replacement(rest)
            .map(|s| (s.into_owned(), true))
            .ok_or_else(decode_error);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes)
        .map(|s| (s, false))
        .map_err(|_| decode_error())
}

fn duplicate_error(detail: &str) -> SourceError {
    SourceError::new(
        ErrorKind::BadZip,
        format!("文件已损坏：压缩包内有重复的文件名{detail}，为避免误读，拒绝读取"),
    )
}

/// An entry packed in a way Word never writes: AES encryption (method 99) is said as such,
/// other methods by their name or number.
fn unsupported_compression(name: &str, method: CompressionMethod) -> SourceError {
    let shown = format!("{method:?}");
    if matches!(shown.as_str(), "Unsupported(99)" | "Aes") {
        return SourceError::new(
            ErrorKind::BadZip,
            format!("压缩包内的 {name} 已加密（AES），无法读取；请先取消密码保护"),
        );
    }
    let shown = match shown.strip_prefix("Unsupported(") {
        Some(n) => format!("编号 {}", n.trim_end_matches(')')),
        None => shown,
    };
    SourceError::new(
        ErrorKind::BadZip,
        format!("{name} 使用了不支持的压缩方式（{shown}）；.docx 只应使用 Deflate 或不压缩"),
    )
}

fn bad_zip(e: &zip::result::ZipError) -> SourceError {
    SourceError::new(
        ErrorKind::BadZip,
        format!(
            "文件已损坏：zip 结构不完整（{}）",
            zip_cause(&e.to_string())
        ),
    )
}

fn unreadable(name: &str, e: &dyn std::fmt::Display) -> SourceError {
    SourceError::new(
        ErrorKind::BadZip,
        format!(
            "文件已损坏：无法解压 {name}（{}）",
            zip_cause(&e.to_string())
        ),
    )
}

/// The zip library's English, said in Chinese for the causes people meet.
fn zip_cause(english: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("eocd", "找不到 zip 目录，文件可能在下载或复制时被截断"),
        ("central directory", "zip 目录已损坏，文件可能不完整"),
        ("checksum", "数据校验失败，文件内容已损坏"),
        ("crc", "数据校验失败，文件内容已损坏"),
        ("corrupt deflate", "压缩数据已损坏"),
        ("invalid deflate", "压缩数据已损坏"),
        ("unexpected eof", "文件在中途结束，可能不完整"),
        ("failed to fill whole buffer", "文件在中途结束，可能不完整"),
        ("password", "文件已加密"),
        (
            "header inconsistency",
            "可用 Word 或 WPS 打开后另存一次再检查",
        ),
        (
            "larger than its declared",
            "解压后的大小与记录不符，文件已损坏",
        ),
        ("multi-disk", "这是分卷压缩文件，不是 .docx"),
        ("invalid local file header", "zip 文件头已损坏"),
        (
            "zip32cdeblock",
            "找不到 zip 目录，文件可能在下载或复制时被截断",
        ),
        ("unexpected end", "文件在中途结束，可能不完整"),
    ];
    crate::source::error::in_chinese(english, KNOWN)
}

fn too_big(name: &str, size: u64, limit: u64) -> SourceError {
    SourceError::new(
        ErrorKind::ZipLimit,
        format!(
            "{name} 解压后过大（{:.1} MB，上限 {:.0} MB），拒绝读取",
            size as f64 / MIB,
            limit as f64 / MIB
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    const CT: &str = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;
    const DOC: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"#;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn zip_errors_are_said_in_chinese() {
        assert_eq!(
            zip_cause("invalid Zip archive: Could not find EOCD"),
            "找不到 zip 目录，文件可能在下载或复制时被截断"
        );
        assert_eq!(
            zip_cause("Invalid checksum"),
            "数据校验失败，文件内容已损坏"
        );
        assert_eq!(zip_cause("something new"), "something new");
    }

    #[test]
    fn main_part_comes_from_package_rels() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/Main/Doc%20One.xml"/></Relationships>"#;
        let doc_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../shared/s.xml"/><Relationship Id="r3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>"#;
        let bytes = zip_of(&[
            ("[Content_Types].xml", CT.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("main/doc one.xml", DOC.as_bytes()),
            ("main/_rels/doc one.xml.rels", doc_rels.as_bytes()),
            ("shared/s.xml", b"<styles/>"),
            ("main/numbering.xml", b"<numbering/>"),
        ]);
        let pkg = open(&bytes).unwrap();
        assert_eq!(pkg.document.name, "main/doc one.xml");
        assert_eq!(pkg.styles.unwrap().xml, "<styles/>");
        // No numbering relationship: the usual name next to the document is used.
        assert_eq!(pkg.numbering.unwrap().name, "main/numbering.xml");
    }

    #[test]
    fn falls_back_to_word_document_xml() {
        let bytes = zip_of(&[
            ("[Content_Types].xml", CT.as_bytes()),
            ("word\\document.xml", DOC.as_bytes()),
        ]);
        let pkg = open(&bytes).unwrap();
        assert_eq!(pkg.document.name, "word/document.xml");
        assert!(pkg.styles.is_none());
    }

    #[test]
    fn missing_document_part() {
        let bytes = zip_of(&[("[Content_Types].xml", CT.as_bytes())]);
        assert_eq!(open(&bytes).unwrap_err().kind, ErrorKind::MissingPart);
        let bytes = zip_of(&[("readme.txt", b"hi")]);
        assert_eq!(open(&bytes).unwrap_err().kind, ErrorKind::UnsupportedFormat);
    }

    #[test]
    fn spreadsheet_is_not_docx() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let bytes = zip_of(&[
            ("[Content_Types].xml", CT.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("xl/workbook.xml", b"<workbook/>"),
        ]);
        let e = open(&bytes).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnsupportedFormat);
        assert!(e.message.contains("xlsx"));
    }

    #[test]
    fn case_insensitive_duplicates_are_rejected() {
        let bytes = zip_of(&[
            ("word/document.xml", DOC.as_bytes()),
            ("Word/Document.xml", DOC.as_bytes()),
        ]);
        let e = open(&bytes).unwrap_err();
        assert_eq!(e.kind, ErrorKind::BadZip);
        assert!(e.message.contains("重复"), "{}", e.message);
    }

    #[test]
    fn too_many_entries() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("f{i}")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let e = open(&zip_of(&entries)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::ZipLimit);
    }

    #[test]
    fn ratio_limit_applies_only_above_the_grace_size() {
        let small = vec![b' '; 512 * 1024];
        let bytes = zip_of(&[("word/document.xml", &small)]);
        let mut zip = Zip::open(&bytes).unwrap();
        assert!(
            zip.read_entry(0, "word/document.xml", MAX_DOCUMENT_BYTES)
                .is_ok()
        );

        let big = vec![b' '; 2 * 1024 * 1024];
        let bytes = zip_of(&[("word/document.xml", &big)]);
        let e = open(&bytes).unwrap_err();
        assert_eq!(e.kind, ErrorKind::ZipLimit);
        assert!(e.message.contains("压缩比异常"), "{}", e.message);
    }

    #[test]
    fn stored_entries_over_the_limit_are_rejected() {
        let big = vec![b'x'; (MAX_PART_BYTES + 1) as usize];
        let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(DOC.as_bytes()).unwrap();
        w.start_file("word/styles.xml", opts).unwrap();
        w.write_all(&big).unwrap();
        let bytes = w.finish().unwrap().into_inner();
        let e = open(&bytes).unwrap_err();
        assert_eq!(e.kind, ErrorKind::ZipLimit);
        assert!(e.message.contains("word/styles.xml"), "{}", e.message);
    }

    #[test]
    fn utf16_parts_are_transcoded() {
        let mut le = vec![0xFF, 0xFE];
        for u in "<a>中</a>".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(le, "x").unwrap(), ("<a>中</a>".to_string(), true));
        let be: Vec<u8> = "<a>中</a>"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(be, "x").unwrap(), ("<a>中</a>".to_string(), true));
        assert_eq!(
            decode(b"\xEF\xBB\xBF<a/>".to_vec(), "x").unwrap(),
            ("<a/>".to_string(), false)
        );
        let gbk = b"<a>\xB0\xA1</a>".to_vec();
        assert_eq!(decode(gbk, "x").unwrap_err().kind, ErrorKind::Decode);
    }

    #[test]
    fn targets_are_normalized() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve_target("word", "/word/x.xml"), "word/x.xml");
        assert_eq!(resolve_target("word/sub", "../a/./b.xml"), "word/a/b.xml");
        assert_eq!(resolve_target("", "word/%E6%96%87.xml"), "word/文.xml");
        assert_eq!(resolve_target("", "a%zz"), "a%zz");
        assert_eq!(resolve_target("", "a%4"), "a%4");
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(open(b"hello").unwrap_err().kind, ErrorKind::NotDocx);
        assert_eq!(open(b"PK\x03\x04junk").unwrap_err().kind, ErrorKind::BadZip);
        assert_eq!(open(b"").unwrap_err().kind, ErrorKind::NotDocx);
    }
}
