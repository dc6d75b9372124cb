//! Turns a path or bytes into a `Document`: sniff the format, decode, normalize newlines.

pub mod docx;
pub mod error;
pub mod text;

use crate::document::{Document, Format};
pub use error::{ErrorKind, SourceError};
use std::io::Read;
use std::path::Path;

/// Inputs larger than this are refused before reading (engineering.md §4.1).
pub const MAX_INPUT_BYTES: u64 = 100 * 1024 * 1024;

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const RTF_MAGIC: &[u8] = b"{\\rtf";

/// Word's lock files (`~$报告.docx`) are not documents.
pub fn is_owner_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$") || n.starts_with(".~lock."))
}

/// Formats gwlint lints, by file extension; `None` for everything else.
pub fn format_for_path(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        // Macro-enabled documents and templates are the same package; macros never run.
        "docx" | "docm" | "dotx" | "dotm" => Some(Format::Docx),
        "txt" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// The format of bytes without a file of their own (standard input): by the name given
/// (`--stdin-filename`), else a zip archive is taken for a .docx and the rest for text.
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    format_for_path(Path::new(name)).unwrap_or(if bytes.starts_with(b"PK\x03\x04") {
        Format::Docx
    } else {
        Format::Text
    })
}

/// As many lines as a .docx may have paragraphs; each line costs about 80 bytes.
pub const MAX_LINES: usize = 1_000_000;

/// Lines as the reader splits them: at "\r\n", "\n" or a lone "\r".
fn line_count(text: &str) -> usize {
    let b = text.as_bytes();
    let newlines = b.iter().filter(|&&c| c == b'\n').count();
    let lone_crs = if text.contains('\r') {
        b.windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count()
            + usize::from(b.last() == Some(&b'\r'))
    } else {
        0
    };
    1 + newlines + lone_crs
}

pub const NOT_A_REGULAR_FILE: &str = "这不是普通文件（可能是管道、设备或套接字），不予读取";

/// Reads a file from disk under the size limit.
pub fn read_file(path: &Path) -> Result<Vec<u8>, SourceError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(&e))?;
    if meta.is_dir() {
        return Err(SourceError::new(ErrorKind::Io, "这是一个目录，不是文件"));
    }
    // A named pipe would block the run, a device (/dev/zero) never ends.
    if !meta.is_file() {
        return Err(SourceError::new(ErrorKind::Io, NOT_A_REGULAR_FILE));
    }
    let too_large = |len: u64| {
        let mut e = too_large(len);
        // A report's text is a few hundred KB: the rest of a large .docx is its pictures.
        if format_for_path(path) == Some(Format::Docx) {
            e.message.push_str(PICTURES_HINT);
        }
        e
    };
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large(meta.len()));
    }
    // The size may change between the look and the read: read one byte over the limit.
    let file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::take(file, MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// How to bring a .docx under the limit.
const PICTURES_HINT: &str = "；.docx 文件这样大，多是因为其中的图片：在 Word 中选中一张图片，点“图片格式”→“压缩图片”，取消“仅应用于此图片”，选较低的分辨率后另存，再检查（WPS：“图片工具”→“压缩图片”）";

pub fn too_large(len: u64) -> SourceError {
    SourceError::new(
        ErrorKind::TooLarge,
        format!(
            "文件过大（{:.1} MB），超过 {} MB 的上限",
            len as f64 / 1_048_576.0,
            MAX_INPUT_BYTES / 1_048_576
        ),
    )
}

fn io_error(e: &std::io::Error) -> SourceError {
    match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::new(ErrorKind::NotFound, "文件不存在"),
        std::io::ErrorKind::PermissionDenied => {
            SourceError::new(ErrorKind::Io, "没有读取该文件的权限")
        }
        _ => SourceError::new(ErrorKind::Io, format!("无法读取文件：{}", io_cause(e))),
    }
}

/// What went wrong with a file, in Chinese for the common causes.
pub fn io_cause(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "文件或目录不存在".into(),
        K::PermissionDenied => "没有权限".into(),
        K::AlreadyExists => "文件已存在".into(),
        K::IsADirectory => "这是一个目录".into(),
        K::NotADirectory => "路径中有一段不是目录".into(),
        K::StorageFull => "磁盘空间已满".into(),
        K::ReadOnlyFilesystem => "文件系统是只读的".into(),
        // Only text read whole as UTF-8 fails so: a setting file saved by Notepad as "ANSI".
        K::InvalidData => {
            "不是 UTF-8 编码：请在编辑器中另存为 UTF-8（记事本的“ANSI”是 GBK 编码）".into()
        }
        _ => e.to_string(),
    }
}

/// How a message names the extension a file was given: "文本文件" for .txt and .md.
/// What a unit that sent a web page is asked for.
pub const WEB_PAGE: &str = "网页文件（.html、.mht）无法检查，请在 Word 或 WPS 中打开后另存为 .docx";

/// A page saved from Word or a browser, by its name.
pub fn is_web_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["htm", "html", "mht", "mhtml"].contains(&e.to_ascii_lowercase().as_str()))
}

/// An OLE compound file's directory names its streams in UTF-16LE.
fn holds_utf16_name(bytes: &[u8], name: &str) -> bool {
    let wide: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wide.len()).any(|w| w == wide.as_slice())
}

/// Markup of a web page at the start of the file (after a BOM or blank space).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    ["<!doctype html", "<html", "<?xml"]
        .iter()
        .any(|m| text.starts_with(m))
        && text.contains("<html")
}

fn declared_extension(name: &str) -> String {
    match Path::new(name).extension().and_then(|e| e.to_str()) {
        Some(e) if format_for_path(Path::new(name)).is_none() => format!("“.{e}”"),
        _ => "文本文件".to_string(),
    }
}

/// Decodes `bytes` as the format its name implies, but trusts magic bytes over the name:
/// a .doc renamed .docx must get a helpful message, not an XML error.
pub fn load(name: &str, declared: Format, bytes: &[u8]) -> Result<Document, SourceError> {
    if bytes.starts_with(OLE_MAGIC) {
        // A .docx with an opening password is an OLE file holding the encrypted package.
        if holds_utf16_name(bytes, "EncryptedPackage") {
            return Err(SourceError::new(
                ErrorKind::LegacyFormat,
                "这是设置了打开密码的加密文档，gwlint 无法读取；请在 Word 或 WPS 中取消密码保护（“文件”→“信息”→“保护文档”→“用密码进行加密”，清空密码）后保存，再检查",
            ));
        }
        return Err(SourceError::new(
            ErrorKind::LegacyFormat,
            "这是 Word 97-2003（.doc）、WPS（.wps）或加密的文档，gwlint 无法读取；请在 Word 或 WPS 中“另存为”.docx 格式（如已加密，请先取消密码保护）",
        ));
    }
    if bytes.starts_with(RTF_MAGIC) {
        return Err(SourceError::new(
            ErrorKind::UnsupportedFormat,
            "这是 RTF 格式的文件，不是 .docx；请在 Word 或 WPS 中“另存为”.docx 格式",
        ));
    }
    // Word's "另存为网页": markup, not a report's text (a .txt pasted from a page is one).
    if is_web_page(Path::new(name)) {
        return Err(SourceError::new(ErrorKind::UnsupportedFormat, WEB_PAGE));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(SourceError::new(
            ErrorKind::UnsupportedFormat,
            "这是 PDF 文件，gwlint 无法检查；请提供 .docx 或 .txt 格式的报告",
        ));
    }
    // A repository that keeps Word files in Git LFS, cloned without LFS.
    if bytes.starts_with(b"version https://git-lfs.github.com/spec/") {
        return Err(SourceError::new(
            ErrorKind::LfsPointer,
            "这是 Git LFS 的指针文件，不是报告本身：请在仓库中运行 git lfs pull 取回文件后再检查",
        ));
    }
    let is_zip = bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC);
    match declared {
        Format::Docx if is_zip => {
            let (paragraphs, extras) = docx::read_with_extras(bytes)?;
            let mut doc = Document::from_paragraphs(name, paragraphs);
            doc.extras = extras;
            Ok(doc)
        }
        Format::Docx if bytes.is_empty() => Err(SourceError::new(
            ErrorKind::NotDocx,
            "文件是空的（0 字节），可能保存或复制时出错",
        )),
        // An OA system's "导出 Word" that writes a web page under a .docx name.
        Format::Docx if looks_like_html(bytes) => Err(SourceError::new(
            ErrorKind::UnsupportedFormat,
            "这是网页（HTML）文件，只是扩展名为 .docx；请在 Word 或 WPS 中打开后“另存为”.docx 格式",
        )),
        Format::Docx => Err(SourceError::new(
            ErrorKind::NotDocx,
            "不是有效的 .docx 文件（文件开头不是 zip 压缩包标记），可能已损坏或只是改了扩展名",
        )),
        // Say what the zip is: an Excel workbook, a plain archive, or a .docx misnamed.
        _ if is_zip => Err(match docx::read(bytes) {
            Err(e) if e.kind == ErrorKind::UnsupportedFormat => e,
            // A zip without a Word document part is not called a Word document.
            Err(e) if e.kind == ErrorKind::MissingPart => SourceError::new(
                ErrorKind::UnsupportedFormat,
                "这是 zip 格式的文件，但不是 Word 文档（.docx）；请提供报告的 .docx 或 .txt 原文",
            ),
            _ => SourceError::new(
                ErrorKind::UnsupportedFormat,
                format!(
                    "这是一个 Word 文档（.docx），但扩展名是{}；请把扩展名改为 .docx",
                    declared_extension(name)
                ),
            ),
        }),
        Format::Text | Format::Markdown => {
            let decoded = text::decode(bytes)?;
            // Fewer bytes than the limit cannot make more lines: most files are not counted.
            let lines = if decoded.text.len() > MAX_LINES {
                line_count(&decoded.text)
            } else {
                0
            };
            if lines > MAX_LINES {
                return Err(SourceError::new(
                    ErrorKind::TooLarge,
                    format!("行数过多（{lines} 行，上限 {MAX_LINES} 行），不像一份报告，拒绝读取"),
                ));
            }
            // Stars in a .txt pasted from a Markdown editor are bold, not masks.
            let format = if declared == Format::Text
                && crate::markdown::looks_like_markdown(&decoded.text)
            {
                Format::Markdown
            } else {
                declared
            };
            Ok(Document::from_text(
                name,
                format,
                decoded.encoding,
                decoded.text,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file over the limit is refused before it is read; a .docx's message says how to
    /// shrink its pictures.
    #[test]
    fn a_file_over_the_limit_is_refused_with_a_remedy() {
        let dir = tempfile::tempdir().unwrap();
        for (name, hint) in [("大.docx", true), ("大.txt", false)] {
            let path = dir.path().join(name);
            let file = std::fs::File::create(&path).unwrap();
            // Sparse: no 100 MB written.
            file.set_len(MAX_INPUT_BYTES + 1).unwrap();
            let e = read_file(&path).unwrap_err();
            assert_eq!(e.kind, ErrorKind::TooLarge);
            assert!(
                e.message
                    .starts_with("文件过大（100.0 MB），超过 100 MB 的上限")
            );
            assert_eq!(e.message.contains("压缩图片"), hint, "{}", e.message);
        }
    }

    fn refused(bytes: &[u8]) -> SourceError {
        load("报告.docx", Format::Docx, bytes).unwrap_err()
    }

    #[test]
    fn an_encrypted_document_is_told_apart_from_an_old_one() {
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 64]);
        let stream =
            |name: &str| -> Vec<u8> { name.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let mut encrypted = ole.clone();
        encrypted.extend(stream("EncryptionInfo"));
        encrypted.extend(stream("EncryptedPackage"));
        assert!(refused(&encrypted).message.contains("打开密码"));
        let mut old = ole;
        old.extend(stream("WordDocument"));
        assert!(refused(&old).message.contains("Word 97-2003"));
    }

    #[test]
    fn a_web_page_named_docx_is_named_a_web_page() {
        for page in [
            "<html><body>报告</body></html>",
            "\u{feff}  <!DOCTYPE html><html lang=\"zh\">",
            "<?xml version=\"1.0\"?><html xmlns:w=\"urn:schemas-microsoft-com:office:word\">",
        ] {
            let e = refused(page.as_bytes());
            assert_eq!(e.kind, ErrorKind::UnsupportedFormat, "{page}");
            assert!(e.message.contains("网页"), "{page}");
        }
        // Word 2003 XML is no page.
        let e = refused(b"<?xml version=\"1.0\"?><w:wordDocument>");
        assert_eq!(e.kind, ErrorKind::NotDocx);
    }
}
