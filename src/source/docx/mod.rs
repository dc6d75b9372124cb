//! .docx reading: the zip package under limits (`package`), styles and numbering definitions
//! (`styles`, `numbering`), then one streaming pass over the body (`body`).

mod body;
mod numbering;
mod package;
mod styles;
mod xml;

use crate::document::Paragraph;
use crate::source::error::SourceError;

pub use package::{MAX_DOCUMENT_BYTES, MAX_ENTRIES, MAX_PART_BYTES, MAX_RATIO, RATIO_GRACE_BYTES};

/// Reads the body paragraphs and table cells of a .docx in document order, with Word's
/// automatic numbering rendered into `Paragraph::auto_number`.
///
/// Never panics: damaged, hostile or non-docx input gives a `SourceError` whose message
/// (Simplified Chinese) names the cause.
pub fn read(bytes: &[u8]) -> Result<Vec<Paragraph>, SourceError> {
    let pkg = package::open(bytes)?;
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
