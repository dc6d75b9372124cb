//! .docx reading: zip package under limits, then a streaming quick-xml pass over the body.
//! (Being written; see the module docs of each file.)

use crate::document::Paragraph;
use crate::source::error::SourceError;

/// Reads the body paragraphs and table cells of a .docx in document order, with Word's
/// automatic numbering rendered into `Paragraph::auto_number`.
pub fn read(_bytes: &[u8]) -> Result<Vec<Paragraph>, SourceError> {
    todo!("docx reader")
}
