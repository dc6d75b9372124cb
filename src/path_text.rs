//! A path as text for the outputs. A name that is no UTF-8 (GBK names, as unzipping an
//! archive made on Windows leaves them) is shown decoded as GB18030 when it reads so
//! cleanly, else with each stray byte as `\xNN`: never two files under one name, as a
//! lossy "�" would make them.

use std::borrow::Cow;
use std::path::Path;

pub fn path_text(p: &Path) -> Cow<'_, str> {
    if let Some(s) = p.to_str() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(decoded(p))
}

/// The file a path's text names, when it exists: as written, or with its parts in
/// GB18030, as `path_text` decoded them.
pub fn on_disk(text: &str) -> Option<std::path::PathBuf> {
    let as_is = Path::new(text);
    if as_is.exists() {
        return Some(as_is.to_path_buf());
    }
    encoded(text).filter(|p| p.exists())
}

pub fn exists(text: &str) -> bool {
    on_disk(text).is_some()
}

/// The path whose parts, each UTF-8 or GB18030 as the disk has it, `path_text` shows as
/// `text`.
#[cfg(unix)]
fn encoded(text: &str) -> Option<std::path::PathBuf> {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let mut at = std::path::PathBuf::from(if text.starts_with('/') { "/" } else { "" });
    for part in text.split('/').filter(|p| !p.is_empty()) {
        let as_is = at.join(part);
        if as_is.exists() {
            at = as_is;
            continue;
        }
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(part);
        if unmappable {
            return None;
        }
        at = at.join(OsStr::from_bytes(&gb));
    }
    Some(at)
}

#[cfg(not(unix))]
fn encoded(_: &str) -> Option<std::path::PathBuf> {
    None
}

#[cfg(unix)]
fn decoded(p: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let bytes = p.as_os_str().as_bytes();
    // Part by part: a folder named in UTF-8 stays as it is above a file named in GBK.
    let parts: Vec<String> = bytes
        .split(|&b| b == b'/')
        .map(|part| match std::str::from_utf8(part) {
            Ok(s) => s.to_string(),
            Err(_) => match encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(part)
            {
                Some(s) => s.into_owned(),
                None => escaped(part),
            },
        })
        .collect();
    parts.join("/")
}

#[cfg(not(unix))]
fn decoded(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// UTF-8 runs as they are, every other byte as `\xNN`.
#[cfg(unix)]
fn escaped(mut bytes: &[u8]) -> String {
    let mut out = String::new();
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len()).max(1).min(rest.len());
                for b in &rest[..bad] {
                    out.push_str(&format!("\\x{b:02X}"));
                }
                bytes = &rest[bad..];
            }
        }
    }
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::os::unix::ffi::{OsStrExt, OsStringExt};

    fn path(bytes: &[u8]) -> &Path {
        Path::new(OsStr::from_bytes(bytes))
    }

    #[test]
    fn names_in_gbk_read_as_chinese() {
        let (gbk, _, _) = encoding_rs::GBK.encode("东湖区");
        let mut bytes = "收件/".as_bytes().to_vec();
        bytes.extend_from_slice(&gbk);
        bytes.extend_from_slice(b"/a.txt");
        assert_eq!(path_text(path(&bytes)), "收件/东湖区/a.txt");
        assert_eq!(path_text(Path::new("收件/a.txt")), "收件/a.txt");
    }

    #[test]
    fn a_name_shown_decoded_is_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode("报告2024.txt");
        let mut raw = dir.path().join("收件").into_os_string().into_vec();
        std::fs::create_dir(Path::new(OsStr::from_bytes(&raw))).unwrap();
        raw.push(b'/');
        raw.extend_from_slice(&gbk);
        std::fs::write(Path::new(OsStr::from_bytes(&raw)), "x").unwrap();
        let shown = path_text(path(&raw)).into_owned();
        assert!(shown.ends_with("收件/报告2024.txt"), "{shown}");
        assert!(exists(&shown));
        assert!(!exists(&shown.replace("2024", "2023")));
    }

    #[test]
    fn other_bytes_are_escaped_one_by_one() {
        assert_eq!(path_text(path(b"a\xFF\xFFb/c")), "a\\xFF\\xFFb/c");
        assert_ne!(path_text(path(b"\xFF1")), path_text(path(b"\xFE1")));
    }
}
