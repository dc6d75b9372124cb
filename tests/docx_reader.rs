//! The .docx reader against fixtures written by real writers (python-docx, LibreOffice;
//! see tests/fixtures/make_docx.py) and against damaged or hostile packages.

use gwlint::document::{CellRef, Paragraph};
use gwlint::source::docx::{read, read_with_extras};
use gwlint::source::error::{ErrorKind, SourceError};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/docx/{name}.docx")).expect("fixture exists")
}

fn fixture(name: &str) -> Vec<Paragraph> {
    read(&fixture_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `label + text` per paragraph, as `Document::from_paragraphs` lays them out.
fn lines(paragraphs: &[Paragraph]) -> Vec<String> {
    paragraphs
        .iter()
        .map(|p| format!("{}{}", p.auto_number.as_deref().unwrap_or(""), p.text))
        .collect()
}

fn labels(paragraphs: &[Paragraph]) -> Vec<Option<&str>> {
    paragraphs
        .iter()
        .map(|p| p.auto_number.as_deref())
        .collect()
}

const AUTO_NUMBERING: [&str; 20] = [
    "青禾市卫生健康委员会2024年工作总结",
    "2024年，市卫生健康委员会坚持以人民健康为中心，统筹推进各项工作，现将有关情况报告如下。",
    "一、主要举措和成效",
    "（一）深化医药卫生体制改革",
    "1.推进紧密型县域医共体建设",
    "（1）完成3个县级医共体的一体化管理改革。",
    "（2）统一医共体内药品目录和采购配送。",
    "2.完善分级诊疗制度",
    "全年基层诊疗量占比达到百分之五十八。",
    "（二）提升基层医疗服务能力",
    "1.新建标准化村卫生室42个。",
    "2.培训乡村医生1200人次。",
    "二、存在的问题",
    "（一）基层人才队伍不稳定",
    "（二）信息化建设相对滞后",
    "三、下一步工作安排",
    "（一）持续推进医共体建设",
    "附件：主要指标完成情况",
    "青禾市卫生健康委员会",
    "2025年1月15日",
];

/// Word shows the default header and footer; the first page's only with a title page, the
/// even pages' only when the settings switch them on.
#[test]
fn the_headers_and_footers_shown_are_read() {
    let margins = |name: &str| {
        let (_, extras) = read_with_extras(&fixture_bytes(name)).unwrap();
        extras
            .margins
            .into_iter()
            .map(|m| (m.place(), m.text))
            .collect::<Vec<_>>()
    };
    let pair = |place: &str, text: &str| (place.to_string(), text.to_string());
    let footer = pair("页脚", "青禾市卫生健康委员会　2025年1月印发");
    assert_eq!(
        margins("headers"),
        [
            pair("页眉", "青禾市卫生健康委员会2023年法治政府建设年度报告"),
            footer.clone(),
        ]
    );
    assert_eq!(
        margins("headers-first-page"),
        [
            pair("页眉", "青禾市卫生健康委员会2024年法治政府建设年度报告"),
            footer,
            pair("首页页眉", "××市卫生健康委员会文件"),
        ]
    );
    assert!(margins("auto-numbering").is_empty());
}

#[test]
fn auto_numbering_renders_gongwen_labels() {
    let ps = fixture("auto-numbering");
    assert_eq!(lines(&ps), AUTO_NUMBERING);
    assert_eq!(ps[2].auto_number.as_deref(), Some("一、"));
    assert_eq!(ps[2].text, "主要举措和成效");
    assert_eq!(ps[2].style.as_deref(), Some("heading 1"));
    assert_eq!(ps[2].outline_level, Some(1));
    assert_eq!(ps[5].style.as_deref(), Some("heading 4"));
    assert_eq!(ps[5].outline_level, Some(4));
    // Inherited through basedOn from heading 1, numbering included.
    assert_eq!(ps[12].style.as_deref(), Some("公文一级标题"));
    assert_eq!(ps[12].outline_level, Some(1));
    // numId 0 on the paragraph removes the heading style's numbering.
    assert_eq!(ps[17].auto_number, None);
    assert_eq!(ps[17].outline_level, Some(1));
    // Body paragraphs with direct numbering are numbered but are not headings.
    assert_eq!(ps[10].style.as_deref(), Some("Normal"));
    assert_eq!(ps[10].outline_level, None);
    assert!(ps.iter().all(|p| p.cell.is_none()));
}

#[test]
fn libreoffice_round_trip_keeps_the_labels() {
    // LibreOffice rewrites chineseCounting as taiwaneseCountingThousand and renames styles.
    let ps = fixture("auto-numbering-lo");
    assert_eq!(lines(&ps), AUTO_NUMBERING);
    assert_eq!(ps[2].outline_level, Some(1));
    assert_eq!(ps[3].outline_level, Some(2));
}

#[test]
fn restart_by_mistake_is_visible() {
    let ps = fixture("restart-by-mistake");
    let got = labels(&ps);
    let mut want = vec![
        None,
        Some("一、"),
        Some("（一）"),
        Some("（二）"),
        Some("（三）"),
        Some("（四）"),
        // The startOverride num restarts the count, as Word shows it.
        Some("（一）"),
        Some("（二）"),
        Some("二、"),
    ];
    want.extend(
        [
            "（一）",
            "（二）",
            "（三）",
            "（四）",
            "（五）",
            "（六）",
            "（七）",
            "（八）",
            "（九）",
            "（十）",
            "（十一）",
            "（十二）",
        ]
        .map(Some),
    );
    assert_eq!(got, want);
    assert_eq!(ps[6].text, "改善群众就医体验");
    // A WPS-style localized name gives the level when outlineLvl is absent.
    assert_eq!(ps[2].style.as_deref(), Some("标题 2"));
    assert_eq!(ps[2].outline_level, Some(2));
    assert_eq!(ps[20].text, "第12项重点任务按计划推进");
}

#[test]
fn tracked_changes_show_the_accepted_view() {
    let ps = fixture("tracked-changes");
    let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "青禾市卫生健康委员会关于修订工作方案的说明",
            "本方案经主任办公会议审议已印发执行。",
            "原定于四月完成基层卫生院设备更新。",
            "本段的段落标记已删除，因此与下一段合并显示。",
            "调整后的顺序为先培训后考核。",
            "原顺序已调整。",
            "项目",
            "预算（万元）",
            "执行（万元）",
            "合计",
            "350",
            "328",
            "以上数据截至2024年12月31日。",
        ]
    );
    let all: String = texts.concat();
    assert!(!all.contains("请遵照执行"));
    assert!(!all.contains("三月"));
    assert!(!all.contains("300"));
    let cells: Vec<Option<CellRef>> = ps.iter().map(|p| p.cell).collect();
    let cell = |row, col| Some(CellRef { table: 1, row, col });
    assert_eq!(
        cells,
        [
            None,
            None,
            None,
            None,
            None,
            None,
            cell(1, 1),
            cell(1, 2),
            cell(1, 3),
            cell(2, 1),
            cell(2, 2),
            cell(2, 3),
            None,
        ]
    );
}

#[test]
fn fields_links_and_controls() {
    let ps = fixture("fields-and-links");
    let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "青禾市卫生健康委员会信息公开工作说明",
            "详见青禾市卫生健康委员会网站。",
            "本说明生成日期：2025年1月15日。",
            "页面类型：首页",
            "第1页",
            "联系人：李明（虚构）",
            "填报单位：青禾市卫生健康委员会办公室",
            "公开范围：全市",
            // A page break inside the paragraph starts a new line.
            "项目\t金额\n第二行\u{c}\n分页后",
            "见右侧文本框。",
            // The text box once, after its anchor paragraph.
            "咨询电话：0000-12345678",
            // Wingdings F0FC has its F000 offset removed; noBreakHyphen is "-".
            "符号✓-结束",
        ]
    );
    let all: String = texts.concat();
    for leaked in ["DATE", "PAGE", "MERGEFORMAT", "IF", "续页", "内部备注"] {
        assert!(!all.contains(leaked), "{leaked} leaked into the text");
    }
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(entries, SimpleFileOptions::default())
}

fn zip_with(entries: &[(&str, &[u8])], options: SimpleFileOptions) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &[u8] =
    br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

fn docx_with(document: &str) -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// Stored, so that repetitive test bodies do not trip the compression-ratio limit.
fn stored_docx_with(document: &str) -> Vec<u8> {
    zip_with(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", document.as_bytes()),
        ],
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )
}

fn err(bytes: &[u8]) -> SourceError {
    match read(bytes) {
        Ok(ps) => panic!("expected an error, got {} paragraphs", ps.len()),
        Err(e) => e,
    }
}

/// xorshift64*: deterministic noise without a dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn random_bytes_are_rejected() {
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    for i in 0..300 {
        let len = (noise.next() % 4096) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| noise.next() as u8).collect();
        if i % 2 == 0 {
            // Half of them look like a zip at first glance.
            let head = b"PK\x03\x04";
            for (b, h) in bytes.iter_mut().zip(head) {
                *b = *h;
            }
        }
        let e = err(&bytes);
        assert!(
            matches!(e.kind, ErrorKind::BadZip | ErrorKind::NotDocx),
            "{:?}: {}",
            e.kind,
            e.message
        );
    }
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = fixture_bytes("auto-numbering");
    for len in (0..bytes.len()).step_by(997) {
        let e = err(&bytes[..len]);
        assert!(
            matches!(e.kind, ErrorKind::BadZip | ErrorKind::NotDocx),
            "prefix {len}: {:?} {}",
            e.kind,
            e.message
        );
    }
}

#[test]
fn corrupted_bytes_never_panic() {
    let original = fixture_bytes("fields-and-links");
    let mut noise = Noise(42);
    for _ in 0..300 {
        let mut bytes = original.clone();
        for _ in 0..4 {
            let at = (noise.next() % bytes.len() as u64) as usize;
            bytes[at] = noise.next() as u8;
        }
        // Either outcome is fine; a panic is not.
        let _ = read(&bytes);
    }
}

#[test]
fn zip_bomb_is_rejected_before_inflating() {
    // 200 MiB of spaces compressed about 1000:1 (made by make_docx.py).
    let e = err(&fixture_bytes("bomb"));
    assert_eq!(e.kind, ErrorKind::ZipLimit);
    assert!(e.message.contains("word/document.xml"), "{}", e.message);

    // Under the size limit but over the ratio limit.
    let mut body = String::from(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    body.push_str(&" ".repeat(3 * 1024 * 1024));
    body.push_str("</w:body></w:document>");
    let e = err(&docx_with(&body));
    assert_eq!(e.kind, ErrorKind::ZipLimit);
    assert!(
        e.message.contains("压缩比异常（疑似压缩炸弹）"),
        "{}",
        e.message
    );
}

/// A long table with repeated cells compresses well over 100:1 (LibreOffice's appendix
/// tables do); under the size limits it is a report, not a bomb.
#[test]
fn a_long_repetitive_table_is_no_bomb() {
    let mut body = String::from(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>"#,
    );
    for i in 0..10_000 {
        body.push_str("<w:tr>");
        for _ in 0..8 {
            body.push_str(&format!(
                "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                (i / 30) % 7
            ));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl></w:body></w:document>");
    let bytes = docx_with(&body);
    assert!(
        body.len() / bytes.len() > 100,
        "{}",
        body.len() / bytes.len()
    );
    let paragraphs = read(&bytes).unwrap();
    assert_eq!(paragraphs.len(), 80_000);
}

#[test]
fn broken_xml_is_an_error() {
    let e = err(&docx_with(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>半截"#,
    ));
    assert_eq!(e.kind, ErrorKind::Xml);
    assert!(e.message.contains("word/document.xml"), "{}", e.message);

    let e = err(&docx_with(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body></w:document>"#,
    ));
    assert_eq!(e.kind, ErrorKind::Xml);

    // A tag cut off at the end: said in Chinese, not in the XML library's English.
    let e = err(&docx_with(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p"#,
    ));
    assert_eq!(e.kind, ErrorKind::Xml);
    assert!(
        !e.message.is_ascii() && !e.message.contains("syntax"),
        "{}",
        e.message
    );
}

#[test]
fn dtds_are_rejected_in_any_part() {
    let billion_laughs = r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let e = err(&docx_with(billion_laughs));
    assert_eq!(e.kind, ErrorKind::Xml);
    assert!(e.message.contains("DTD"), "{}", e.message);

    let styles = br#"<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#;
    let bytes = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
        ("word/styles.xml", styles),
    ]);
    let e = err(&bytes);
    assert_eq!(e.kind, ErrorKind::Xml);
    assert!(e.message.contains("word/styles.xml"), "{}", e.message);
}

#[test]
fn deep_nesting_is_capped() {
    let doc = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}{}</w:body></w:document>"#,
        "<w:tbl><w:tr><w:tc>".repeat(100_000),
        "</w:tc></w:tr></w:tbl>".repeat(100_000)
    );
    let e = err(&stored_docx_with(&doc));
    assert_eq!(e.kind, ErrorKind::Xml);
    assert!(e.message.contains("256"), "{}", e.message);
}

#[test]
fn missing_document_part() {
    let bytes = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/styles.xml", b"<w:styles/>"),
    ]);
    assert_eq!(err(&bytes).kind, ErrorKind::MissingPart);
}

/// Byte offsets of every local (`PK\x03\x04`) and central (`PK\x01\x02`) header.
fn headers(bytes: &[u8]) -> (Vec<usize>, Vec<usize>) {
    let find = |sig: &[u8]| -> Vec<usize> {
        bytes
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == sig)
            .map(|(i, _)| i)
            .collect()
    };
    (find(b"PK\x03\x04"), find(b"PK\x01\x02"))
}

#[test]
fn encrypted_entries_are_rejected() {
    let mut bytes = docx_with("<x/>");
    let (local, central) = headers(&bytes);
    for at in local {
        bytes[at + 6] |= 1;
    }
    for at in central {
        bytes[at + 8] |= 1;
    }
    let e = err(&bytes);
    assert_eq!(e.kind, ErrorKind::BadZip);
    assert!(e.message.contains("加密"), "{}", e.message);
}

#[test]
fn unsupported_compression_is_rejected() {
    // Method 12 is bzip2, which Word never writes; 99 is AES encryption.
    for (method, said) in [(12, "不支持的压缩方式（编号 12）"), (99, "已加密（AES）")]
    {
        let mut bytes = docx_with("<x/>");
        let (local, central) = headers(&bytes);
        for at in local {
            bytes[at + 8] = method;
        }
        for at in central {
            bytes[at + 10] = method;
        }
        let e = err(&bytes);
        assert_eq!(e.kind, ErrorKind::BadZip);
        assert!(e.message.contains(said), "{}", e.message);
    }
}

#[test]
fn duplicate_entries_are_rejected() {
    let doc =
        br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#;
    let mut bytes = zip_of(&[("word/document.xml", doc), ("word/documenX.xml", doc)]);
    // Rename the second entry in place, in both its local and central header.
    let needle = b"documenX";
    let hits: Vec<usize> = bytes
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(hits.len(), 2);
    for at in hits {
        bytes[at + 7] = b't';
    }
    let e = err(&bytes);
    assert_eq!(e.kind, ErrorKind::BadZip);
    assert!(e.message.contains("重复"), "{}", e.message);
}

#[test]
fn huge_declared_sizes_are_rejected_without_allocating() {
    let mut bytes = docx_with("<x/>");
    let (local, central) = headers(&bytes);
    let huge = 0xFFFF_FFF0u32.to_le_bytes();
    // The second entry is word/document.xml.
    bytes[local[1] + 22..local[1] + 26].copy_from_slice(&huge);
    bytes[central[1] + 24..central[1] + 28].copy_from_slice(&huge);
    let e = err(&bytes);
    assert_eq!(e.kind, ErrorKind::ZipLimit);
}

#[test]
fn not_a_word_package() {
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>"#;
    let bytes = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", rels),
        ("ppt/presentation.xml", b"<p/>"),
    ]);
    let e = err(&bytes);
    assert_eq!(e.kind, ErrorKind::UnsupportedFormat);
    assert!(
        e.message.starts_with("这是 PowerPoint 演示文稿"),
        "{}",
        e.message
    );
}

#[test]
fn utf16_document_part() {
    let xml = r#"<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>十六位编码</w:t></w:r></w:p></w:body></w:document>"#;
    let mut utf16 = vec![0xFF, 0xFE];
    for u in xml.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let bytes = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &utf16),
    ]);
    let ps = read(&bytes).unwrap();
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, "十六位编码");
}

#[test]
fn large_body_reads_quickly() {
    let paragraph = r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>青禾市卫生健康委员会持续推进基层医疗卫生服务能力提升工程，</w:t></w:r><w:r><w:t xml:space="preserve">全年完成各项任务&amp;指标。</w:t></w:r></w:p>"#;
    let mut doc = String::from(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    while doc.len() < 10 * 1024 * 1024 {
        doc.push_str(paragraph);
    }
    doc.push_str("</w:body></w:document>");
    let bytes = stored_docx_with(&doc);
    let start = std::time::Instant::now();
    let ps = read(&bytes).unwrap();
    let elapsed = start.elapsed();
    eprintln!(
        "10 MiB document.xml: {} paragraphs in {elapsed:?}",
        ps.len()
    );
    assert!(ps.len() > 20_000);
    // "Well under a second" holds for release builds; debug builds get slack.
    let limit = if cfg!(debug_assertions) { 30 } else { 1 };
    assert!(elapsed.as_secs_f64() < limit as f64, "{elapsed:?}");
}

/// A PDF, an RTF, a workbook or a Word file under a report's name is named for what it is,
/// with its own error kind: it is not a damaged .docx.
#[test]
fn other_formats_under_a_report_name_are_named() {
    use gwlint::document::Format;
    use gwlint::source::load;
    let kind_and_message = |name: &str, format: Format, bytes: &[u8]| {
        let e = load(name, format, bytes).unwrap_err();
        (e.kind, e.message)
    };
    let (kind, message) = kind_and_message("a.txt", Format::Text, b"%PDF-1.7\n...");
    assert_eq!(kind, ErrorKind::UnsupportedFormat);
    assert!(message.contains("PDF"), "{message}");
    let (kind, message) = kind_and_message("a.docx", Format::Docx, b"{\\rtf1\\ansi ...}");
    assert_eq!(kind, ErrorKind::UnsupportedFormat);
    assert!(message.contains("RTF"), "{message}");
    let docx = docx_with("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
    let (kind, message) = kind_and_message("a.txt", Format::Text, &docx);
    assert_eq!(kind, ErrorKind::UnsupportedFormat);
    assert!(message.contains("扩展名是文本文件"), "{message}");
    let (_, message) = kind_and_message("报告.doc", Format::Text, &docx);
    assert!(
        message.contains("扩展名是“.doc”；请把扩展名改为 .docx"),
        "{message}"
    );
    // A text file renamed .docx is still "not a docx"; an empty one is said to be empty.
    let (kind, _) = kind_and_message("a.docx", Format::Docx, "正文".as_bytes());
    assert_eq!(kind, ErrorKind::NotDocx);
    let (kind, message) = kind_and_message("a.docx", Format::Docx, b"");
    assert_eq!(kind, ErrorKind::NotDocx);
    assert!(message.contains("0 字节"), "{message}");
    // An OpenDocument text renamed .docx is named as such, not as a plain archive.
    let odt = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
    ]);
    let (kind, message) = kind_and_message("a.docx", Format::Docx, &odt);
    assert_eq!(kind, ErrorKind::UnsupportedFormat);
    assert!(message.contains("OpenDocument"), "{message}");
    // An OFD (the Chinese e-document format) and a bare workbook by their main parts; a
    // zip Word cannot open is not called a Word document.
    let ofd = zip_of(&[("OFD.xml", b"<ofd:OFD/>")]);
    let (_, message) = kind_and_message("报告.ofd", Format::Text, &ofd);
    assert!(message.starts_with("这是 OFD 版式文件"), "{message}");
    let book = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
    ]);
    let (_, message) = kind_and_message("book.xlsx", Format::Text, &book);
    assert!(message.starts_with("这是 Excel 工作簿"), "{message}");
    let odd = zip_of(&[("[Content_Types].xml", b"<Types/>")]);
    let (_, message) = kind_and_message("a.txt", Format::Text, &odd);
    assert!(
        message.contains("zip 格式的文件，但不是 Word 文档"),
        "{message}"
    );
    assert_eq!(ErrorKind::UnsupportedFormat.as_str(), "unsupported-format");
    // A clone without Git LFS holds pointers in place of the reports.
    let pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 48213\n";
    for (name, format) in [("a.docx", Format::Docx), ("a.txt", Format::Text)] {
        let (kind, message) = kind_and_message(name, format, pointer);
        assert_eq!(kind, ErrorKind::LfsPointer);
        assert!(message.contains("git lfs pull"), "{message}");
    }
}

/// Footnotes and endnotes come after the body and its 落款, each labelled as Word numbers
/// it; Word's separator notes are no text.
#[test]
fn notes_follow_the_body_labelled_as_word_numbers_them() {
    let ps = fixture("footnotes");
    assert_eq!(
        lines(&ps),
        [
            "青禾市卫生健康委员会2024年法治政府建设年度报告",
            "一、主要举措和成效",
            "我委对照纲要要求，逐项推进依法行政工作。",
            "全年办结行政复议案件8件。",
            "青禾市卫生健康委员会",
            "2025年1月20日",
            "脚注1：见《法治政府建设实施纲要（2021—2026年）》。",
            "尾注1：数据来源:市司法局行政复议统计。",
        ]
    );
    let notes: Vec<Option<u32>> = ps.iter().map(|p| p.note).collect();
    assert_eq!(notes[4..], [None, None, Some(1), Some(2)]);
    // A note's comment goes on the paragraph that refers to it.
    assert_eq!(ps[6].anchor, ps[2].anchor);
    assert_eq!(ps[7].anchor, ps[3].anchor);
    // An empty paragraph in a note is no line; a note in a note (never written by Word)
    // is read without harm.
    let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="9"/></w:r></w:p></w:body></w:document>"#;
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#;
    let notes = r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="9"><w:p><w:r><w:t>注九</w:t></w:r></w:p><w:p/><w:footnote w:id="x"><w:p/></w:footnote></w:footnote></w:footnotes>"#;
    let package = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", rels),
        ("word/footnotes.xml", notes.as_bytes()),
    ]);
    assert_eq!(lines(&read(&package).unwrap()), ["正文", "脚注1：注九"]);
    // A note nothing refers to, or whose reference was deleted with tracking, is not shown.
    for unreferred in [
        document.replace(r#"<w:r><w:footnoteReference w:id="9"/></w:r>"#, ""),
        document.replace(
            r#"<w:r><w:footnoteReference w:id="9"/></w:r>"#,
            r#"<w:del w:id="1" w:author="a"><w:r><w:footnoteReference w:id="9"/></w:r></w:del>"#,
        ),
    ] {
        let package = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", unreferred.as_bytes()),
            ("word/_rels/document.xml.rels", rels),
            ("word/footnotes.xml", notes.as_bytes()),
        ]);
        assert_eq!(lines(&read(&package).unwrap()), ["正文"]);
    }
}

/// Tracked changes and comments still in the file are counted: each inserted, deleted or
/// moved piece once (a paragraph mark's or a table row's too), each comment reference once.
/// Look-alike names (w:insideH of table borders) are not changes.
#[test]
fn revisions_and_comments_are_counted() {
    let body = |xml: &str| {
        docx_with(&format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{xml}</w:body></w:document>"#
        ))
    };
    let changed = r#"<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="a"/></w:rPr></w:pPr><w:ins w:id="2" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="3" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t>正文</w:t><w:commentReference w:id="0"/></w:r></w:p><w:moveFrom w:id="4" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let (paragraphs, extras) = read_with_extras(&body(changed)).unwrap();
    assert_eq!(lines(&paragraphs)[0], "新增正文");
    assert_eq!((extras.revisions, extras.comments), (4, 1));
    let (_, clean) = read_with_extras(&body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>")).unwrap();
    assert_eq!((clean.revisions, clean.comments), (0, 0));
    // A change of formatting only is a revision too.
    let bold = r#"<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="5" w:author="a"><w:rPr/></w:rPrChange></w:rPr><w:t>正文</w:t></w:r></w:p>"#;
    let (_, extras) = read_with_extras(&body(bold)).unwrap();
    assert_eq!(extras.revisions, 1);
    // Changes and comments left in a header or a footnote go out with the file as well.
    let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>"#;
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#;
    let header = r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:del w:id="1" w:author="a"><w:r><w:delText>某市卫生健康局</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>某市卫生健康委员会</w:t></w:r></w:ins></w:p></w:hdr>"#;
    let notes = r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>注</w:t><w:commentReference w:id="0"/></w:r></w:p></w:footnote></w:footnotes>"#;
    let margins = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", rels),
        ("word/header1.xml", header.as_bytes()),
        ("word/footnotes.xml", notes.as_bytes()),
    ]);
    let (paragraphs, extras) = read_with_extras(&margins).unwrap();
    assert_eq!(lines(&paragraphs), ["正文", "脚注1：注"]);
    assert_eq!((extras.revisions, extras.comments), (2, 1));
}

/// OA systems export the body as a file Word takes in when it opens the document
/// (w:altChunk). Checking the rest alone would report its parts as missing: an error that
/// says how to convert it instead. The word in text is no such element.
#[test]
fn alt_chunks_are_named_not_dropped() {
    let body = |xml: &str| {
        docx_with(&format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{xml}</w:body></w:document>"#
        ))
    };
    let title = "<w:p><w:r><w:t>青禾市卫生健康委员会2024年法治政府建设年度报告</w:t></w:r></w:p>";
    let e = err(&body(&format!(r#"{title}<w:altChunk r:id="rId9"/>"#)));
    assert_eq!(e.kind, ErrorKind::EmbeddedContent);
    assert_eq!(e.kind.as_str(), "embedded-content");
    assert!(e.message.contains("1 处嵌入的外部内容"), "{}", e.message);
    assert!(e.message.contains("另存为 .docx"), "{}", e.message);
    let mentioned = "<w:p><w:r><w:t>altChunk 元素</w:t></w:r></w:p>";
    assert_eq!(lines(&read(&body(mentioned)).unwrap()), ["altChunk 元素"]);
}

/// A scan pasted into Word as pictures cannot be checked: an error naming it, not an empty
/// report. Pictures beside text, or an empty document, are not that.
#[test]
fn pictures_without_text_are_a_scan() {
    let picture = r#"<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let vml =
        r#"<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId9"/></v:shape></w:pict></w:r></w:p>"#;
    let body = |xml: &str| {
        docx_with(&format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{xml}</w:body></w:document>"#
        ))
    };
    let e = err(&body(&format!("{picture}<w:p/>{picture}")));
    assert_eq!(e.kind, ErrorKind::ImageOnly);
    assert!(e.message.contains("只有 2 张图片"), "{}", e.message);
    assert!(e.message.contains("扫描件"), "{}", e.message);
    // A VML image alone, and an image with its VML fallback copy, are one picture each.
    assert!(err(&body(vml)).message.contains("只有 1 张图片"));
    let both = format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        &picture[10..picture.len() - 12],
        &vml[10..vml.len() - 12]
    );
    assert!(err(&body(&both)).message.contains("只有 1 张图片"));
    // Text beside a picture, a drawn line, or nothing at all: not a scan.
    let with_text = format!("{picture}<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
    assert_eq!(lines(&read(&body(&with_text)).unwrap()), ["", "正文"]);
    let line = r#"<w:p><w:r><w:pict><v:line from="0,0" to="100,0"/></w:pict></w:r></w:p>"#;
    assert!(read(&body(line)).is_ok());
    assert!(read(&body("<w:p/>")).is_ok());
}
