//! The parts around the comments: the comments part (new, or extended), its relationship
//! and content type, and a copy of the zip in which only the changed parts are rewritten;
//! every other entry is copied as stored, byte for byte.

use crate::source::docx::{
    CONTENT_TYPES, CommentParts, PACKAGE_RELS, Part, W_TRANSITIONAL, normalize,
};
use std::collections::HashMap;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const COMMENTS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// Parts to write: (normalized name, XML); `new` ones are added after the copied entries.
#[derive(Debug, Default)]
pub struct Edits {
    pub replaced: Vec<(String, String)>,
    pub new: Vec<(String, String)>,
}

/// Why a copy with comments cannot be made; said after the file's name.
pub type Refusal = String;

/// The WordprocessingML prefix the comment elements must use.
pub fn comments_prefix(parts: &CommentParts) -> Result<String, Refusal> {
    match &parts.comments {
        None => Ok("w".to_string()),
        Some(part) => match root_prefix(&part.xml, "comments") {
            Some(p) if !p.is_empty() => Ok(p.to_string()),
            _ => Err("已有的批注部件格式无法识别".to_string()),
        },
    }
}

/// Adds the comment `elements` to the package: to its comments part, or in a new one with
/// its relationship and content type.
pub fn add_comments(
    parts: &CommentParts,
    document: &str,
    elements: &str,
) -> Result<Edits, Refusal> {
    let mut edits = Edits::default();
    if parts.comments_missing {
        return Err(
            "文件中的批注关系指向的部件不存在（文件不一致），请先在 Word 中打开并另存".to_string(),
        );
    }
    if let Some(part) = &parts.comments {
        let xml = insert_before_root_end(writable(part)?, "comments", elements)
            .ok_or_else(|| "已有的批注部件格式无法识别".to_string())?;
        edits.replaced.push((part.name.clone(), xml));
        return Ok(edits);
    }
    let dir = document.rfind('/').map_or("", |i| &document[..i]);
    let file = free_name(&parts.names, dir);
    let name = if dir.is_empty() {
        file.clone()
    } else {
        format!("{dir}/{file}")
    };
    edits.new.push((
        name.clone(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W_TRANSITIONAL}">{elements}</w:comments>"#
        ),
    ));
    let relationship = format!(
        r#"<Relationship Id="{}" Type="{COMMENTS_REL}" Target="{file}"/>"#,
        free_id(parts.rels.as_ref().map_or("", |p| p.xml.as_str()))
    );
    match &parts.rels {
        Some(part) => {
            let xml = insert_before_root_end(writable(part)?, "Relationships", &relationship)
                .ok_or_else(|| "正文的关系部件格式无法识别".to_string())?;
            edits.replaced.push((part.name.clone(), xml));
        }
        None => edits.new.push((
            parts.rels_name.clone(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE_RELS}">{relationship}</Relationships>"#
            ),
        )),
    }
    let types = parts
        .content_types
        .as_ref()
        .ok_or_else(|| "文件缺少 [Content_Types].xml".to_string())?;
    let over = format!(r#"<Override PartName="/{name}" ContentType="{COMMENTS_TYPE}"/>"#);
    let xml = insert_before_root_end(writable(types)?, "Types", &over)
        .ok_or_else(|| "[Content_Types].xml 格式无法识别".to_string())?;
    edits.replaced.push((CONTENT_TYPES.to_string(), xml));
    Ok(edits)
}

fn writable(part: &Part) -> Result<&str, Refusal> {
    if part.transcoded {
        return Err(format!("{} 是 UTF-16 编码", part.name));
    }
    Ok(&part.xml)
}

/// "comments.xml", unless the package already has a part of that name.
fn free_name(names: &[String], dir: &str) -> String {
    let taken = |file: &str| {
        let full = if dir.is_empty() {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        };
        names.iter().any(|n| n.eq_ignore_ascii_case(&full))
    };
    std::iter::once("comments.xml".to_string())
        .chain((1..).map(|i| format!("comments-gwlint{i}.xml")))
        .find(|f| !taken(f))
        .unwrap_or_default()
}

fn free_id(rels: &str) -> String {
    (1..)
        .map(|i| format!("gwlintComments{i}"))
        .find(|id| !rels.contains(&format!("\"{id}\"")))
        .unwrap_or_default()
}

/// The prefix of the first element named `local` ("" for a default namespace).
pub fn root_prefix<'x>(xml: &'x str, local: &str) -> Option<&'x str> {
    xml.match_indices('<').find_map(|(i, _)| {
        let name = tag_name(&xml[i + 1..])?;
        match name.rsplit_once(':') {
            Some((prefix, l)) if l == local => Some(prefix),
            None if name == local => Some(""),
            _ => None,
        }
    })
}

/// The name of the tag that starts `rest` (just after its `<`); none for `<?`, `<!`, `</`.
pub fn tag_name(rest: &str) -> Option<&str> {
    if rest.starts_with(['?', '!', '/']) {
        return None;
    }
    let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
    Some(&rest[..end])
}

/// `xml` with `content` as the last children of its root element `local`.
fn insert_before_root_end(xml: &str, local: &str, content: &str) -> Option<String> {
    let prefix = root_prefix(xml, local)?;
    let name = if prefix.is_empty() {
        local.to_string()
    } else {
        format!("{prefix}:{local}")
    };
    let body = xml.trim_end();
    if let Some(close) = body.rfind("</")
        && body[close + 2..].trim_end_matches('>').trim_end() == name
    {
        return Some(format!("{}{content}{}", &xml[..close], &xml[close..]));
    }
    // A root with no children yet: `<Types …/>`.
    let open = body.rfind('<')?;
    if tag_name(&body[open + 1..]) == Some(name.as_str()) && body.ends_with("/>") {
        let head = body[..body.len() - 2].trim_end();
        return Some(format!("{head}>{content}</{name}>"));
    }
    None
}

/// A copy of the package with `edits` applied; untouched entries keep their stored bytes.
pub fn rewrite(bytes: &[u8], edits: Edits) -> Result<Vec<u8>, Refusal> {
    let broken = |e: &dyn std::fmt::Display| format!("写出压缩包失败：{e}");
    let mut replaced: HashMap<String, String> = edits
        .replaced
        .into_iter()
        .map(|(n, x)| (n.to_ascii_lowercase(), x))
        .collect();
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() + 4096)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let name = {
            let entry = archive.by_index_data(i).map_err(|e| broken(&e))?;
            match entry.name() {
                Ok(n) => n.into_owned(),
                Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
            }
        };
        match replaced.remove(&normalize(&name).to_ascii_lowercase()) {
            Some(xml) => {
                out.start_file(name, options).map_err(|e| broken(&e))?;
                out.write_all(xml.as_bytes()).map_err(|e| broken(&e))?;
            }
            None => {
                let entry = archive.by_index_raw(i).map_err(|e| broken(&e))?;
                out.raw_copy_file(entry).map_err(|e| broken(&e))?;
            }
        }
    }
    if let Some(name) = replaced.keys().next() {
        return Err(broken(&format!("找不到部件 {name}")));
    }
    for (name, xml) in edits.new {
        out.start_file(name, options).map_err(|e| broken(&e))?;
        out.write_all(xml.as_bytes()).map_err(|e| broken(&e))?;
    }
    Ok(out.finish().map_err(|e| broken(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_goes_before_the_root_end_tag() {
        let xml = r#"<?xml version="1.0"?><Types xmlns="x"><Default Extension="xml"/></Types>"#;
        let out = insert_before_root_end(xml, "Types", "<Override/>").unwrap();
        assert!(out.ends_with(r#"<Default Extension="xml"/><Override/></Types>"#));
        let empty = r#"<w:comments xmlns:w="x" />"#;
        assert_eq!(
            insert_before_root_end(empty, "comments", "<c/>").unwrap(),
            r#"<w:comments xmlns:w="x"><c/></w:comments>"#
        );
        assert_eq!(insert_before_root_end("<Other/>", "Types", "<x/>"), None);
    }

    #[test]
    fn prefixes_are_read_from_the_root() {
        assert_eq!(
            root_prefix(r#"<?xml?><ns0:comments a="1">"#, "comments"),
            Some("ns0")
        );
        assert_eq!(
            root_prefix("<Relationships xmlns='x'>", "Relationships"),
            Some("")
        );
        assert_eq!(root_prefix("<w:commentsEx>", "comments"), None);
    }

    #[test]
    fn new_names_and_ids_do_not_collide() {
        let names = vec![
            "word/document.xml".to_string(),
            "word/Comments.xml".to_string(),
        ];
        assert_eq!(free_name(&names, "word"), "comments-gwlint1.xml");
        assert_eq!(free_name(&names, ""), "comments.xml");
        assert_eq!(free_id(r#"Id="gwlintComments1""#), "gwlintComments2");
    }
}
