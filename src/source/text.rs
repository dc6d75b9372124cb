//! Plain-text decoding: BOM, UTF-8, UTF-16, GB18030 fallback; CRLF and CR become `\n`.

use super::error::{ErrorKind, SourceError};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// The original line ending, so `--fix` can write it back.
    pub newline: Newline,
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Newline {
    Lf,
    CrLf,
    Cr,
}

/// NULs a text may hold, at most one in this many bytes, and no more than so many.
const NUL_SPACING: usize = 1000;
const MAX_STRAY_NULS: usize = 16;

pub fn decode(bytes: &[u8]) -> Result<Decoded, SourceError> {
    // (Checked first: UTF-32LE's mark starts like UTF-16LE's.)
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(SourceError::new(
            ErrorKind::Decode,
            "这是 UTF-32 编码的文本，不受支持；请另存为 UTF-8 编码",
        ));
    }
    let (raw, encoding, bom) = decode_bytes(bytes)?;
    let newline = detect_newline(&raw);
    let text = normalize_newlines(raw);
    // A stray NUL or two in a text (some OA exports leave them) is kept, and reported
    // (GW0611); many are a binary file's.
    let nuls = text.bytes().filter(|&b| b == 0).count();
    if nuls > MAX_STRAY_NULS || nuls * NUL_SPACING > text.len() {
        return Err(SourceError::new(
            ErrorKind::Decode,
            "文件含有空字符（\\0），看起来是二进制文件而不是文本",
        ));
    }
    Ok(Decoded {
        text,
        encoding,
        newline,
        bom,
    })
}

/// Decodes without touching line endings: (text, encoding, had a BOM).
pub fn decode_bytes(bytes: &[u8]) -> Result<(String, &'static str, bool), SourceError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest)
            .or_else(|e| mostly_utf8(rest).ok_or(e))
            .map(|s| (s, "utf-8", true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, UTF_16LE).map(|s| (s, "utf-16le", true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, UTF_16BE).map(|s| (s, "utf-16be", true));
    }
    // Before UTF-8: UTF-16 of ASCII is valid UTF-8 with a NUL in every other byte.
    if let Some((text, encoding)) = utf16_without_bom(bytes) {
        return Ok((text, encoding, false));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((s.to_string(), "utf-8", false)),
        Err(e) => e,
    };
    let (bad, good) = utf8_damage(bytes);
    if readable_damage(bad, good) {
        return Ok((String::from_utf8_lossy(bytes).into_owned(), "utf-8", false));
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors || looks_binary(&text) {
        // Mostly UTF-8 with bad bytes: say where, so the spot can be retyped.
        let at = utf8_error.valid_up_to();
        let where_ = if at * 10 >= bytes.len() * 9 || at >= 64 {
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            format!(
                "（按 UTF-8 读到第 {line} 行、全文第 {} 字节处出错）",
                at + 1
            )
        } else {
            String::new()
        };
        // Too damaged to read, though it is UTF-8 by all the rest.
        if good >= bad * GOOD_PER_BAD {
            return Err(SourceError::new(
                ErrorKind::Decode,
                format!(
                    "这是 UTF-8 文本，但有 {bad} 处字节不是有效的 UTF-8（超过 {MAX_BAD_SEQUENCES} 处），文件可能已经损坏{where_}；请找回原文件，或在编辑器中改正后另存为 UTF-8"
                ),
            ));
        }
        return Err(SourceError::new(
            ErrorKind::Decode,
            format!(
                "无法识别文本编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK{where_}；请另存为 UTF-8 编码的文本"
            ),
        ));
    }
    if looks_like_big5(bytes) {
        return Err(SourceError::new(
            ErrorKind::Decode,
            "看起来是繁体中文 Big5 编码的文件，不是 GB18030/GBK：按 GBK 读出来会是乱码；请在编辑器中以 Big5 打开后另存为 UTF-8",
        ));
    }
    Ok((text.into_owned(), "gb18030", false))
}

/// Damaged places a UTF-8 file may have and still be read, shown as U+FFFD (GW0617):
/// a byte lost in copying should not keep the rest of a report from being checked.
const MAX_BAD_SEQUENCES: usize = 16;
/// Valid non-ASCII characters needed for each bad sequence: a GBK file read as UTF-8
/// has almost none, a damaged UTF-8 report thousands.
const GOOD_PER_BAD: usize = 50;

/// UTF-8 with a few damaged places, each bad byte (or cut character) as a U+FFFD.
fn mostly_utf8(bytes: &[u8]) -> Option<String> {
    let (bad, good) = utf8_damage(bytes);
    readable_damage(bad, good).then(|| String::from_utf8_lossy(bytes).into_owned())
}

/// Few enough damaged places, among enough good text, to read the rest.
fn readable_damage(bad: usize, good: usize) -> bool {
    bad <= MAX_BAD_SEQUENCES && good >= bad * GOOD_PER_BAD
}

/// (damaged places, valid non-ASCII characters) of bytes read as UTF-8. Bad bytes one
/// after another are one place.
fn utf8_damage(bytes: &[u8]) -> (usize, usize) {
    let (mut bad, mut good) = (0usize, 0usize);
    let mut in_run = false;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.valid().is_empty() {
            in_run = false;
        }
        if !chunk.invalid().is_empty() && !in_run {
            bad += 1;
            in_run = true;
        }
    }
    (bad, good)
}

/// GBK's own characters (simplified, GB2312) have a second byte from 0xA1; two in five of
/// Big5's have one below 0x7F. Many of those, and bytes that Big5 reads cleanly: Big5.
fn looks_like_big5(bytes: &[u8]) -> bool {
    const MIN_PAIRS: usize = 20;
    let (mut pairs, mut low) = (0usize, 0usize);
    let mut k = 0;
    while k + 1 < bytes.len() {
        let (lead, trail) = (bytes[k], bytes[k + 1]);
        if lead < 0x81 {
            k += 1;
            continue;
        }
        // A GB18030 four-byte sequence has a digit second.
        if trail.is_ascii_digit() {
            k += 4;
            continue;
        }
        pairs += 1;
        low += usize::from((0x40..=0x7E).contains(&trail));
        k += 2;
    }
    pairs >= MIN_PAIRS
        && low * 4 >= pairs
        && !encoding_rs::BIG5.decode_without_bom_handling(bytes).1
}

fn utf8(bytes: &[u8]) -> Result<String, SourceError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        SourceError::new(
            ErrorKind::Decode,
            format!(
                "文件声明为 UTF-8（带 BOM），但第 {} 字节处不是有效的 UTF-8",
                e.utf8_error().valid_up_to() + 3
            ),
        )
    })
}

fn utf16(bytes: &[u8], enc: &'static Encoding) -> Result<String, SourceError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(SourceError::new(
            ErrorKind::Decode,
            format!("文件声明为 {}，但内容不是有效的 UTF-16", enc.name()),
        ));
    }
    Ok(text.into_owned())
}

/// Some exporters write UTF-16 without a BOM. Its ASCII (line breaks, digits) and the
/// full-width space of indents put NUL bytes in it; binary files have them too, but read
/// as UTF-16 they give no text. Each byte order is read, and taken when nearly all it
/// gives is Chinese, ASCII or punctuation.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, &'static str)> {
    if !bytes.len().is_multiple_of(2) || !bytes.contains(&0) {
        return None;
    }
    [(UTF_16LE, "utf-16le"), (UTF_16BE, "utf-16be")]
        .into_iter()
        .filter_map(|(encoding, name)| {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if had_errors || text.chars().any(is_stray_control) {
                return None;
            }
            let total = text.chars().count();
            let plausible = text.chars().filter(|&c| is_text_char(c)).count();
            (plausible * 100 >= total * MIN_PLAUSIBLE_PERCENT)
                .then(|| (plausible, text.into_owned(), name))
        })
        .max_by_key(|(plausible, _, _)| *plausible)
        .map(|(_, text, name)| (text, name))
}

/// Share of the characters that must be text for bytes without a BOM to be read as UTF-16.
const MIN_PLAUSIBLE_PERCENT: usize = 95;

/// What a report is written in: ASCII, CJK ideographs, CJK and general punctuation,
/// full-width forms.
fn is_text_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~'
        | '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{00B7}' | '\u{00D7}' | '\u{2460}'..='\u{24FF}' | '\u{3200}'..='\u{32FF}'
    )
}

/// GB18030 maps almost every byte sequence to something; control characters give binary away.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if is_stray_control(c) {
            control += 1;
        }
    }
    control > 0 && control * 100 >= total.max(1)
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')
}

fn detect_newline(text: &str) -> Newline {
    match text.find(['\r', '\n']) {
        Some(i) if text[i..].starts_with("\r\n") => Newline::CrLf,
        Some(i) if text[i..].starts_with('\r') => Newline::Cr,
        _ => Newline::Lf,
    }
}

fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Encodes text back into the encoding `decode_bytes` reported, with the BOM if it had one.
pub fn encode(text: &str, encoding: &str, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    match encoding {
        "utf-16le" | "utf-16be" => {
            let le = encoding == "utf-16le";
            if bom {
                out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
            }
            for unit in text.encode_utf16() {
                out.extend(if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
        }
        "gb18030" => out.extend_from_slice(&GB18030.encode(text).0),
        _ => {
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            out.extend_from_slice(text.as_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("区政府：\r\n正文".as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            ("区政府：\n正文", "utf-8", false)
        );
        assert_eq!(d.newline, Newline::CrLf);
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("abc", true));
    }

    #[test]
    fn utf32_is_named_not_called_binary() {
        for bom in [&[0xFF, 0xFE, 0, 0][..], &[0, 0, 0xFE, 0xFF]] {
            let mut bytes = bom.to_vec();
            bytes.extend([0x25, 0x62, 0, 0]);
            let e = decode(&bytes).err().unwrap();
            assert!(e.message.contains("UTF-32"), "{}", e.message);
        }
    }

    #[test]
    fn big5_is_named_and_gbk_is_read() {
        let traditional = "青禾市衛生健康委員會2024年法治政府建設年度報告\n一、主要舉措和成效\n全年審查重大行政決策3件，全部經過合法性審查。\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        let e = decode(&big5).unwrap_err();
        assert!(e.message.contains("Big5"), "{}", e.message);
        // Simplified and traditional text in GBK stays GBK.
        for text in [
            "青禾市卫生健康委员会2024年法治政府建设年度报告\n全年审查重大行政决策3件，全部经过合法性审查。\n",
            traditional,
        ] {
            let (gbk, _, _) = GB18030.encode(text);
            assert_eq!(decode(&gbk).unwrap().encoding, "gb18030");
        }
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_nul_bytes() {
        let text = "青禾市卫生健康委员会\r\n全年受理12件。\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let d = decode(&le).unwrap();
        assert_eq!((d.encoding, d.bom), ("utf-16le", false));
        assert_eq!(d.text, "青禾市卫生健康委员会\n全年受理12件。\n");
        assert_eq!(encode(text, d.encoding, d.bom), le);
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&be).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn utf16_without_a_bom_with_full_width_indents() {
        // U+3000 and 一 put NULs on the other side of each pair.
        let text = "\u{3000}\u{3000}一、主要举措\r\n\u{3000}\u{3000}全年开展检查一次。\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap().encoding, "utf-16le");
        // Bytes of another kind with NULs give no text either way.
        let binary: Vec<u8> = (0u16..512)
            .flat_map(|k| [(k % 7) as u8, (k % 3) as u8])
            .collect();
        assert!(decode(&binary).is_err());
    }

    #[test]
    fn nul_bytes_on_both_sides_stay_binary() {
        let mut bytes: Vec<u8> = "报告\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        bytes.extend([0, 0, 0, 0x41, 0, 0]);
        assert!(decode(&bytes).is_err());
        // Pure CJK without a single ASCII character gives no evidence: not guessed.
        let cjk: Vec<u8> = "报告正文"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(utf16_without_bom(&cjk).is_none());
    }

    #[test]
    fn utf16_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("报告\r".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("报告\n", "utf-16le"));
        assert_eq!(d.newline, Newline::Cr);
        let mut be = vec![0xFE, 0xFF];
        be.extend("报告".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn gb18030_fallback() {
        let (bytes, _, _) = GB18030.encode("法治政府建设年度报告");
        let d = decode(&bytes).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("法治政府建设年度报告", "gb18030")
        );
    }

    #[test]
    fn binary_is_refused() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert_eq!(decode(&bytes).unwrap_err().kind, ErrorKind::Decode);
        assert_eq!(decode(b"a\0b").unwrap_err().kind, ErrorKind::Decode);
        // A stray NUL in a long text is the text's.
        let text = format!("{}\0{}", "依法行政。".repeat(100), "全年审查3件。");
        assert_eq!(decode(text.as_bytes()).unwrap().text, text);
        let many = format!("{}\0", "依法行政。".repeat(100)).repeat(20);
        assert_eq!(decode(many.as_bytes()).unwrap_err().kind, ErrorKind::Decode);
    }

    #[test]
    fn many_bad_bytes_in_utf8_are_located() {
        let mut bytes = "第一行文字\n".repeat(20).into_bytes();
        for _ in 0..=MAX_BAD_SEQUENCES {
            bytes.extend("字".as_bytes());
            bytes.push(0xFF);
        }
        bytes.extend("第二十一行\n".as_bytes());
        let e = decode(&bytes).unwrap_err();
        assert!(e.message.contains("第 21 行"), "{}", e.message);
        // Bad bytes in many places of a text that is UTF-8 otherwise: damaged, not unknown.
        let line = "全年办理行政复议案件12件，全部依法办结。".repeat(5);
        let damaged: Vec<u8> = (0..=MAX_BAD_SEQUENCES)
            .flat_map(|_| [line.as_bytes(), b"\xff"].concat())
            .collect();
        let e = decode(&damaged).unwrap_err();
        assert!(
            e.message.starts_with("这是 UTF-8 文本，但有 17 处"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_are_each_one_replacement_character() {
        let line = "全年办理行政复议案件12件，全部依法办结。\n".repeat(20);
        let mut bytes = line.clone().into_bytes();
        bytes.extend(b"\xe8\xa1");
        bytes.extend("政复议\n".as_bytes());
        bytes.extend(b"\xff");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text, format!("{line}\u{FFFD}政复议\n\u{FFFD}"));
        // Too few good characters around the bad ones: refused, not guessed.
        assert!(decode(b"abc\xff\xfe def").is_err());
        // Bad bytes in a row are one damaged place; with a BOM, the same.
        let mut run = line.clone().into_bytes();
        run.extend(b"\xff".repeat(MAX_BAD_SEQUENCES + 4));
        assert_eq!(utf8_damage(&run).0, 1);
        let bom = [b"\xEF\xBB\xBF".as_slice(), &run].concat();
        assert!(decode(&bom).unwrap().bom);
    }

    #[test]
    fn encode_round_trips_every_encoding() {
        let text = "区政府：\r\n报告\r正文\n";
        for (enc, bom) in [
            ("utf-8", false),
            ("utf-8", true),
            ("utf-16le", true),
            ("utf-16be", true),
            ("gb18030", false),
        ] {
            let bytes = encode(text, enc, bom);
            assert_eq!(
                decode_bytes(&bytes).unwrap(),
                (text.to_string(), enc, bom),
                "{enc}"
            );
        }
    }

    #[test]
    fn empty_input_is_an_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
