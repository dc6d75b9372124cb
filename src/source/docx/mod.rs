//! .docx reading: the zip package under limits (`package`), styles and numbering definitions
//! (`styles`, `numbering`), then one streaming pass over the body (`body`).

mod body;
mod numbering;
mod package;
mod styles;
mod symbols;
mod xml;

use crate::document::{Paragraph, WordExtras};
use crate::source::error::{ErrorKind, SourceError};

pub(crate) use package::normalize;
pub use package::{
    CONTENT_TYPES, CommentParts, MAX_DOCUMENT_BYTES, MAX_ENTRIES, MAX_PART_BYTES, MAX_RATIO, Part,
    RATIO_GRACE_BYTES,
};
pub(crate) use xml::{PACKAGE_RELS, W_STRICT, W_TRANSITIONAL};

/// A .docx read for writing comments into it: the paragraphs (with their anchors, in the
/// order `read` gives them), the main document part and the parts comments touch.
pub struct Annotatable {
    pub paragraphs: Vec<Paragraph>,
    pub document: Part,
    pub parts: CommentParts,
}

/// Reads the body paragraphs and table cells of a .docx in document order, with Word's
/// automatic numbering rendered into `Paragraph::auto_number`.
///
/// Never panics: damaged, hostile or non-docx input gives a `SourceError` whose message
/// (Simplified Chinese) names the cause.
pub fn read(bytes: &[u8]) -> Result<Vec<Paragraph>, SourceError> {
    read_with_extras(bytes).map(|(paragraphs, _)| paragraphs)
}

/// `read`, and what else the body holds: pictures, tracked changes, comments.
pub fn read_with_extras(bytes: &[u8]) -> Result<(Vec<Paragraph>, WordExtras), SourceError> {
    let pkg = package::open(bytes)?;
    let chunks = alt_chunks(&pkg.document.xml);
    if chunks > 0 {
        // Word turns such content into paragraphs when it opens the file; gwlint would check
        // the rest alone and report the parts in the chunks as missing.
        return Err(SourceError::new(
            ErrorKind::EmbeddedContent,
            format!(
                "文档正文有 {chunks} 处嵌入的外部内容（altChunk，常见于从 OA 系统或网页导出的文件），gwlint 无法读取其中的文字；请用 Word 或 WPS 打开后另存为 .docx（嵌入内容会转为普通段落）再检查"
            ),
        ));
    }
    let paragraphs = paragraphs(&pkg)?;
    let pictures = pictures(&pkg.document.xml);
    if pictures > 0 && paragraphs.iter().all(|p| p.text.trim().is_empty()) {
        return Err(SourceError::new(
            ErrorKind::ImageOnly,
            format!(
                "文档中只有 {pictures} 张图片，没有文字，可能是扫描件或截图；gwlint 无法检查图片中的文字，请提供可编辑的文字版（.docx 或 .txt）"
            ),
        ));
    }
    let (revisions, comments) = revisions_and_comments(&pkg.document.xml);
    let extras = WordExtras {
        pictures,
        revisions,
        comments,
    };
    Ok((paragraphs, extras))
}

/// Tracked changes (inserted, deleted and moved content, each element once: Word counts
/// about the same) and comment references in a body.
fn revisions_and_comments(xml: &str) -> (usize, usize) {
    let (mut revisions, mut comments) = (0, 0);
    for (at, _) in xml.match_indices('<') {
        let name = xml[at + 1..]
            .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or("");
        let local = name.rsplit(':').next().unwrap_or(name);
        match local {
            "ins" | "del" | "moveFrom" | "moveTo" => revisions += 1,
            "commentReference" => comments += 1,
            _ => {}
        }
    }
    (revisions, comments)
}

/// Images in a body: DrawingML ones (a:blip), else VML ones (v:imagedata), which are the
/// fallback copies of the same images when both are there. Drawn shapes are no images.
fn pictures(xml: &str) -> usize {
    let count = |re: &regex::Regex| re.find_iter(xml).count();
    match count(crate::lazy_regex::static_regex!(
        r"<(?:[A-Za-z][\w.-]*:)?blip[\s>/]"
    )) {
        0 => count(crate::lazy_regex::static_regex!(
            r"<(?:[A-Za-z][\w.-]*:)?imagedata[\s>/]"
        )),
        n => n,
    }
}

/// Places where the body takes in another file (HTML, RTF, another document) as it opens.
fn alt_chunks(xml: &str) -> usize {
    if !xml.contains("altChunk") {
        return 0;
    }
    crate::lazy_regex::static_regex!(r"<(?:[A-Za-z][\w.-]*:)?altChunk[\s>/]")
        .find_iter(xml)
        .count()
}

/// Like `read`, keeping what writing comments into the package needs.
pub fn read_for_comments(bytes: &[u8]) -> Result<Annotatable, SourceError> {
    let mut pkg = package::open_for_comments(bytes)?;
    let paragraphs = paragraphs(&pkg)?;
    let parts = pkg.comment_parts.take().ok_or_else(|| {
        SourceError::new(ErrorKind::Internal, "gwlint 内部错误：未读取批注所需的部件")
    })?;
    Ok(Annotatable {
        paragraphs,
        document: pkg.document,
        parts,
    })
}

fn paragraphs(pkg: &package::Package) -> Result<Vec<Paragraph>, SourceError> {
    let styles = match &pkg.styles {
        Some(part) => styles::Styles::parse(&part.xml, &part.name)?,
        None => styles::Styles::default(),
    };
    let numbering = match &pkg.numbering {
        Some(part) => numbering::Numbering::parse(&part.xml, &part.name)?,
        None => numbering::Numbering::default(),
    };
    body::parse(&pkg.document.xml, &pkg.document.name, &styles, &numbering)
}
