//! .docx reading: the zip package under limits (`package`), styles and numbering definitions
//! (`styles`, `numbering`), then one streaming pass over the body (`body`).

mod body;
mod comments;
mod margins;
mod notes;
mod numbering;
mod package;
mod sign_off_box;
mod styles;
mod symbols;
mod xml;

use crate::document::{Paragraph, WordExtras};
use crate::source::error::{ErrorKind, SourceError};

pub use comments::{Comment, GWLINT_AUTHOR, by_author as comments_by_author};
pub(crate) use package::normalize;
pub use package::{
    CONTENT_TYPES, CommentParts, MAX_DOCUMENT_BYTES, MAX_ENTRIES, MAX_PART_BYTES, MAX_RATIO, Part,
    RATIO_GRACE_BYTES,
};
pub(crate) use symbols::symbol_char;
pub(crate) use xml::{PACKAGE_RELS, W_STRICT, W_TRANSITIONAL};

/// A .docx read for writing comments into it: the paragraphs (with their anchors, in the
/// order `read` gives them), the main document part and the parts comments touch.
pub struct Annotatable {
    pub paragraphs: Vec<Paragraph>,
    pub document: Part,
    pub parts: CommentParts,
}

/// Reads the body paragraphs and table cells of a .docx in document order, then its
/// footnotes and endnotes, with Word's automatic numbering rendered into
/// `Paragraph::auto_number`.
///
/// Never panics: damaged, hostile or non-docx input gives a `SourceError` whose message
/// (Simplified Chinese) names the cause.
pub fn read(bytes: &[u8]) -> Result<Vec<Paragraph>, SourceError> {
    read_with_extras(bytes).map(|(paragraphs, _)| paragraphs)
}

/// `read`, and what else the body holds: pictures, tracked changes, comments.
pub fn read_with_extras(bytes: &[u8]) -> Result<(Vec<Paragraph>, WordExtras), SourceError> {
    let pkg = package::open(bytes)?;
    let found = Elements::of(&pkg.document.xml);
    if found.alt_chunks > 0 {
        // Word turns such content into paragraphs when it opens the file; gwlint would check
        // the rest alone and report the parts in the chunks as missing.
        return Err(SourceError::new(
            ErrorKind::EmbeddedContent,
            format!(
                "文档正文有 {} 处嵌入的外部内容（altChunk，常见于从 OA 系统或网页导出的文件），gwlint 无法读取其中的文字；请用 Word 或 WPS 打开后另存为 .docx（嵌入内容会转为普通段落）再检查",
                found.alt_chunks
            ),
        ));
    }
    let (styles, numbering) = definitions(&pkg)?;
    let paragraphs = paragraphs(&pkg, &styles, &numbering)?;
    let margin_texts = margins::texts(&pkg, &styles, &numbering);
    let pictures = found.pictures();
    let mut body = paragraphs.iter().filter(|p| p.note.is_none());
    if pictures > 0 && body.all(|p| p.text.trim().is_empty()) {
        return Err(SourceError::new(
            ErrorKind::ImageOnly,
            format!(
                "文档中只有 {pictures} 张图片，没有文字，可能是扫描件或截图；gwlint 无法检查图片中的文字，请提供可编辑的文字版（.docx 或 .txt）"
            ),
        ));
    }
    let notes = pkg.notes.iter().map(|(_, part)| part);
    let margins = pkg
        .margins
        .iter()
        .map(|m| &m.part)
        .chain(notes)
        .map(|part| Elements::of(&part.xml));
    let (revisions, comments) = margins.fold((found.revisions, found.comments), |(r, c), m| {
        (r + m.revisions, c + m.comments)
    });
    // gwlint's own comments in a copy it annotated are its findings, not the drafters'.
    let comments = comments.saturating_sub(pkg.own_comments);
    // The paragraph the first change in the body stands in (or the first after it).
    let first_revision = found.first_revision.and_then(|at| {
        paragraphs
            .iter()
            .position(|p| p.anchor.is_some_and(|a| at < a.end))
    });
    let extras = WordExtras {
        pictures,
        revisions,
        first_revision,
        comments,
        margins: margin_texts,
    };
    Ok((paragraphs, extras))
}

/// Elements of a body that are not its text, counted in one pass over its tags.
#[derive(Default)]
struct Elements {
    /// DrawingML images (a:blip).
    blips: usize,
    /// VML images (v:imagedata): the fallback copies of the same images when both are there.
    imagedata: usize,
    /// Places where the body takes in another file (HTML, RTF, another document) as it opens.
    alt_chunks: usize,
    /// Tracked changes: inserted, deleted and moved content, each element once (Word counts
    /// about the same).
    revisions: usize,
    /// Comment references.
    comments: usize,
    /// The byte offset of the first tracked change.
    first_revision: Option<usize>,
}

impl Elements {
    fn of(xml: &str) -> Elements {
        let mut found = Elements::default();
        for (at, _) in xml.match_indices('<') {
            let name = xml[at + 1..]
                .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("");
            let local = name.rsplit(':').next().unwrap_or(name);
            let count = match local {
                "blip" => &mut found.blips,
                "imagedata" => &mut found.imagedata,
                "altChunk" => &mut found.alt_chunks,
                // Inserted, deleted and moved text, and changes of formatting or numbering.
                "ins" | "del" | "moveFrom" | "moveTo" | "rPrChange" | "pPrChange"
                | "sectPrChange" | "tblPrChange" | "trPrChange" | "tcPrChange"
                | "numberingChange" => {
                    found.first_revision.get_or_insert(at);
                    &mut found.revisions
                }
                "commentReference" => &mut found.comments,
                _ => continue,
            };
            *count += 1;
        }
        found
    }

    /// Images, each once; drawn shapes are no images.
    fn pictures(&self) -> usize {
        if self.blips > 0 {
            self.blips
        } else {
            self.imagedata
        }
    }
}

/// Like `read`, keeping what writing comments into the package needs.
pub fn read_for_comments(bytes: &[u8]) -> Result<Annotatable, SourceError> {
    let mut pkg = package::open_for_comments(bytes)?;
    let (styles, numbering) = definitions(&pkg)?;
    let paragraphs = paragraphs(&pkg, &styles, &numbering)?;
    let parts = pkg.comment_parts.take().ok_or_else(|| {
        SourceError::new(ErrorKind::Internal, "gwlint 内部错误：未读取批注所需的部件")
    })?;
    Ok(Annotatable {
        paragraphs,
        document: pkg.document,
        parts,
    })
}

/// The styles and numbering definitions every part's paragraphs are read with.
fn definitions(
    pkg: &package::Package,
) -> Result<(styles::Styles, numbering::Numbering), SourceError> {
    let styles = match &pkg.styles {
        Some(part) => styles::Styles::parse(&part.xml, &part.name)?,
        None => styles::Styles::default(),
    };
    let numbering = match &pkg.numbering {
        Some(part) => numbering::Numbering::parse(&part.xml, &part.name)?,
        None => numbering::Numbering::default(),
    };
    Ok((styles, numbering))
}

fn paragraphs(
    pkg: &package::Package,
    styles: &styles::Styles,
    numbering: &numbering::Numbering,
) -> Result<Vec<Paragraph>, SourceError> {
    let mut body = body::parse(&pkg.document.xml, &pkg.document.name, styles, numbering)?;
    let mut notes = notes::paragraphs(&pkg.notes, styles, numbering, &body, &pkg.document.xml);
    body.append(&mut notes);
    Ok(body)
}
