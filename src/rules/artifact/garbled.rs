//! Garbled text (乱码, GW0614): a file opened in the wrong encoding and saved again. UTF-8
//! read as GBK turns "松岭县" into "鏉惧箔鍘", GBK read as Windows-1252 into "ËÉÁëÏØ". The
//! bytes are still there: re-encoded the wrong way back, the lines read as Chinese again.
//! Such a file is no text to check, and its "fixes" would destroy what can be recovered.

use super::GARBLED_TEXT;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::Context;
use crate::text::{abridged, han_count};
use encoding_rs::{Encoding, GB18030, UTF_8, WINDOWS_1252};
use std::collections::HashMap;

/// The wrong readings undone: the encoding the file was wrongly read in, and the one it
/// was written in. UTF-8 first: its strict form does not read by chance, GBK's may.
const MISREADINGS: [(&Encoding, &Encoding, &str); 3] = [
    (GB18030, UTF_8, "UTF-8 文件被按 GBK（ANSI）打开"),
    (WINDOWS_1252, UTF_8, "UTF-8 文件被按西文编码打开"),
    (WINDOWS_1252, GB18030, "GBK 文件被按西文编码打开"),
];

/// Lines looked at: the first with enough non-ASCII text. Garbling spoils a whole file.
const SAMPLED: usize = 40;
/// Lines sampled without a garbled one after which a file is taken as clean.
const CLEAN_OPENING: usize = 5;
/// Chinese characters a recovered line needs, so that chance cannot make one.
const MIN_RECOVERED: usize = 6;

/// The finding for a garbled file, if it is one.
pub fn check(ctx: &Context) -> Option<Diagnostic> {
    let doc = ctx.doc;
    let mut sampled = 0;
    let mut garbled = Vec::new();
    for i in 0..doc.line_count() {
        let line = &doc.lines[i];
        let text = &doc.text[line.start..line.end];
        if text.chars().filter(|c| !c.is_ascii()).count() < MIN_RECOVERED {
            continue;
        }
        sampled += 1;
        if let Some(found) = recovered(text) {
            garbled.push((line.start..line.end, found));
        }
        // Garbling spoils a file from its start: a clean opening ends the search early.
        if sampled == SAMPLED || sampled == CLEAN_OPENING && garbled.is_empty() {
            break;
        }
    }
    // Most lines, and more than one or two: a quoted oddity is no garbled file.
    if garbled.len() < sampled.min(3) || garbled.len() * 2 < sampled || garbled.is_empty() {
        return None;
    }
    // Shown by a line whose start came back whole, if one did.
    let preview = |meant: &str| abridged(meant, 12);
    let whole = garbled
        .iter()
        .position(|(_, (meant, _))| !preview(meant).contains(['\u{FFFD}', '?']))
        .unwrap_or(0);
    let (span, (meant, how)) = garbled.swap_remove(whole);
    let seen = abridged(&doc.text[span.clone()], 12);
    Some(Diagnostic::new(
        &GARBLED_TEXT,
        span,
        format!(
            "文本是乱码：“{seen}”按原编码还原是“{}”，可能是 {how}后又保存过；没有检查其他内容",
            preview(&meant)
        ),
        "请向报送单位索取原文件，或在记事本等编辑器中按正确的编码重新打开、另存为 UTF-8 后再检查；乱码文件不自动修复",
    ))
}

/// Safe fixes on a line that reads as garbled, in a file that is not garbled as a whole (a
/// paragraph pasted in): applied, they would change the bytes that can still be restored
/// ("?" to "？"). They are offered, not applied.
pub fn keep_recoverable(doc: &Document, found: &mut [Diagnostic]) {
    let mut garbled_line: HashMap<usize, bool> = HashMap::new();
    for d in found {
        let Some(fix) = d.fix.as_mut().filter(|f| f.safe) else {
            continue;
        };
        let i = doc.line_index(d.span.start);
        let garbled = *garbled_line.entry(i).or_insert_with(|| {
            let t = doc.line(i);
            t.chars().filter(|c| !c.is_ascii()).count() >= MIN_RECOVERED && recovered(t).is_some()
        });
        if garbled {
            fix.safe = false;
        }
    }
}

/// The line as it was written, and how it was garbled, if undoing a wrong reading turns it
/// into Chinese.
///
/// The wrong reading seldom saved every byte: a byte it could not pair shows as "?" or
/// "�", or was dropped, and takes a character or two of the original with it. So a line
/// counts as recovered when its Chinese outnumbers what is lost, and the rest is no more
/// than the Chinese; a line read right comes back as little but "�".
fn recovered(line: &str) -> Option<(String, &'static str)> {
    // "�" stands for a byte lost, as "?" does; encoded as itself it would add four.
    let line_bytes = line.replace('\u{FFFD}', "?");
    MISREADINGS.iter().find_map(|&(read_as, written_in, how)| {
        let (bytes, _, unmappable) = read_as.encode(&line_bytes);
        if unmappable {
            return None;
        }
        let (meant, _) = written_in.decode_without_bom_handling(&bytes);
        let han = han_count(&meant);
        let is_lost = |c: char| matches!(c, '\u{FFFD}' | '?');
        let lost = meant.chars().filter(|&c| is_lost(c)).count();
        let others = meant
            .chars()
            .filter(|&c| !c.is_whitespace() && !is_lost(c))
            .count()
            - han;
        (meant != line && han >= MIN_RECOVERED && lost <= han && others <= han)
            .then(|| (meant.into_owned(), how))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn garbled_as(text: &str, written_in: &'static Encoding, read_as: &'static Encoding) -> String {
        let (bytes, _, _) = written_in.encode(text);
        read_as.decode_without_bom_handling(&bytes).0.into_owned()
    }

    #[test]
    fn each_wrong_reading_is_undone() {
        let line = "松岭县卫生健康局2024年法治政府建设年度报告";
        for (read_as, written_in, _) in MISREADINGS {
            let garbled = garbled_as(line, written_in, read_as);
            let (meant, _) = recovered(&garbled).unwrap();
            // A character split by the wrong reading's odd byte may be lost, not the rest.
            assert!(
                meant.starts_with("松岭县卫生健康局2024年法治政府建设年度报"),
                "{meant}"
            );
        }
    }

    #[test]
    fn chinese_and_latin_text_is_not_garbled() {
        for line in [
            "松岭县卫生健康局2024年法治政府建设年度报告",
            "全年受理行政复议案件12件，办结12件，办结率100%。",
            "Café au lait, naïve façade, Œuvre complète déjà vu",
            "“放管服”改革——《中华人民共和国医师法》第二十五条",
        ] {
            assert_eq!(recovered(line), None, "{line}");
        }
    }
}
