//! Why an input could not be read. Messages are for the user, so they are Chinese.

use std::fmt;

/// A stable machine-readable cause, written to JSON as `error.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Io,
    NotFound,
    TooLarge,
    /// .doc / .wps / encrypted OOXML (an OLE compound file).
    LegacyFormat,
    /// Bytes that are neither a zip package nor text we can decode.
    NotDocx,
    /// A file of another known kind under a report's name: PDF, RTF, Excel, a plain zip.
    UnsupportedFormat,
    /// A .docx with pictures and no text: a scan.
    ImageOnly,
    /// A Git LFS pointer checked out in place of the file (`git lfs pull` not run).
    LfsPointer,
    /// A .docx whose body is (partly) content Word imports on opening (w:altChunk).
    EmbeddedContent,
    /// A zip that is damaged, truncated or violates our limits.
    BadZip,
    ZipLimit,
    MissingPart,
    Xml,
    Decode,
    /// The file's gwlint.toml cannot be used.
    Config,
    /// A defect in gwlint itself, caught at the file boundary.
    Internal,
}

impl ErrorKind {
    /// What happened to the file, in a word for the reader: a file whose folder's
    /// gwlint.toml is broken was read, but not checked.
    pub fn headline(self) -> &'static str {
        match self {
            ErrorKind::Config => "未检查",
            _ => "无法读取",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Config => "config",
            ErrorKind::NotFound => "not-found",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::LegacyFormat => "legacy-format",
            ErrorKind::NotDocx => "not-docx",
            ErrorKind::UnsupportedFormat => "unsupported-format",
            ErrorKind::ImageOnly => "image-only",
            ErrorKind::LfsPointer => "lfs-pointer",
            ErrorKind::EmbeddedContent => "embedded-content",
            ErrorKind::BadZip => "bad-zip",
            ErrorKind::ZipLimit => "zip-limit",
            ErrorKind::MissingPart => "missing-part",
            ErrorKind::Xml => "xml",
            ErrorKind::Decode => "decode",
            ErrorKind::Internal => "internal",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub kind: ErrorKind,
    pub message: String,
}

impl SourceError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        SourceError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SourceError {}

/// A library's English cause said in Chinese, by the first of `known`'s (fragment, Chinese)
/// pairs whose fragment it contains; any other cause is kept as it is, for the maintainers.
pub(crate) fn in_chinese(english: &str, known: &[(&str, &str)]) -> String {
    let lower = english.to_ascii_lowercase();
    known
        .iter()
        .find(|(k, _)| lower.contains(k))
        .map_or_else(|| english.to_string(), |(_, zh)| zh.to_string())
}
