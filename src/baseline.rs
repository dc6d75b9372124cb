//! `--baseline FILE`: findings already accepted, read from an earlier `--format baseline`
//! (or `--format json`) run,
//! are not reported again. Each is matched by file, rule and its fingerprint: the text it
//! is about with a few characters around it on its line (or, for a finding about something
//! absent, its message), not by line number, so that editing elsewhere in the report keeps
//! it matched, and a new "," is told from the accepted ones by its neighbours. When a kind
//! of finding occurs more often than the baseline recorded, every one of that kind is
//! reported: which of them is new cannot be told, as ESLint's bulk suppressions do.
//! (A baseline written before fingerprints matches by the text alone.)

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use std::collections::HashMap;
use std::path::Path;

type Key = (String, String, String);

#[derive(Debug, Default)]
pub struct Baseline {
    /// How many findings of each kind each file had.
    accepted: HashMap<Key, usize>,
    /// The baseline's findings carry fingerprints: kinds are keyed by them.
    fingerprinted: bool,
    /// Where it was read from.
    pub path: std::path::PathBuf,
    /// Files it names that no longer exist, as it names them: renamed or moved, their
    /// accepted findings come back under the new name.
    pub gone: Vec<String>,
}

/// Characters on each side of a finding's text that its fingerprint takes in.
const CONTEXT_CHARS: usize = 8;

/// A finding's identity within its file, the same from run to run: its rule, its text and
/// what is next to it on its line (a finding about something absent: its message). 16 hex
/// digits of FNV-1a, which unlike std's hasher is fixed forever.
pub fn fingerprint(doc: &Document, d: &Diagnostic) -> String {
    let start = d.span.start.min(doc.text.len());
    let end = d.span.end.clamp(start, doc.text.len());
    let excerpt = &doc.text[start..end];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(d.rule.code);
    if excerpt.trim().is_empty() {
        feed(&d.message);
    } else {
        let line = doc.lines.get(doc.line_index(start));
        let (from, to) = line.map_or((start, end), |l| (l.start.min(start), l.end.max(end)));
        let before = &doc.text[from..start];
        let after = &doc.text[end..to];
        let cut = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let stop = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        feed(&before[cut..]);
        feed(excerpt);
        feed(&after[..stop]);
    }
    format!("{hash:016x}")
}

impl Baseline {
    /// Reads an earlier run's JSON output; errors are said in Chinese, naming the file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let shown = path.display();
        let bytes = std::fs::read(path)
            .map_err(|e| format!("无法读取基线文件 {shown}：{}", crate::source::io_cause(&e)))?;
        let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            let at = match e.classify() {
                serde_json::error::Category::Eof => "内容不完整".to_string(),
                _ => format!("第 {} 行第 {} 列有误", e.line(), e.column()),
            };
            format!("基线文件 {shown} 不是 JSON（{at}）；请用 gwlint check --format baseline --output {shown} 生成")
        })?;
        let files = json["files"].as_array().ok_or_else(|| {
            format!("基线文件 {shown} 不是 gwlint check --format baseline（或 json）的结果（没有 files）")
        })?;
        let mut baseline = Baseline {
            path: path.to_path_buf(),
            ..Baseline::default()
        };
        let folder = path.parent().unwrap_or(Path::new(""));
        for file in files {
            let Some(name) = file["path"].as_str() else {
                continue;
            };
            let beside = crate::path_text::path_text(&folder.join(name)).into_owned();
            let found = crate::path_text::exists;
            if !found(&beside) && !found(name) && name != "-" {
                baseline.gone.push(name.to_string());
            }
            let place = place_written_in(name, folder);
            for d in file["diagnostics"].as_array().into_iter().flatten() {
                let (Some(code), Some(excerpt), Some(message)) = (
                    d["code"].as_str(),
                    d["excerpt"].as_str(),
                    d["message"].as_str(),
                ) else {
                    continue;
                };
                let k = match d["fingerprint"].as_str() {
                    Some(f) => {
                        baseline.fingerprinted = true;
                        (place.clone(), code.to_string(), f.to_string())
                    }
                    None => key(&place, code, excerpt, message),
                };
                *baseline.accepted.entry(k).or_default() += 1;
            }
        }
        Ok(baseline)
    }

    /// The findings the baseline does not account for, and how many it does.
    pub fn filter(&self, doc: &Document, diags: Vec<Diagnostic>) -> (Vec<Diagnostic>, usize) {
        if self.accepted.is_empty() {
            return (diags, 0);
        }
        let place = place_of(&doc.name);
        let keys: Vec<Key> = diags
            .iter()
            .map(|d| {
                if self.fingerprinted {
                    return (place.clone(), d.rule.code.to_string(), fingerprint(doc, d));
                }
                let excerpt = doc.text.get(d.span.clone()).unwrap_or("");
                key(&place, d.rule.code, excerpt, &d.message)
            })
            .collect();
        let mut found: HashMap<&Key, usize> = HashMap::new();
        for k in &keys {
            *found.entry(k).or_default() += 1;
        }
        let accepted = |k: &Key| found[k] <= self.accepted.get(k).copied().unwrap_or(0);
        let kept: Vec<Diagnostic> = diags
            .into_iter()
            .zip(&keys)
            .filter(|(_, k)| !accepted(k))
            .map(|(d, _)| d)
            .collect();
        let suppressed = keys.len() - kept.len();
        (kept, suppressed)
    }
}

/// A finding's identity: its file, its rule and its text; a finding with no text (a part
/// or a date missing) by its message.
fn key(place: &str, code: &str, excerpt: &str, message: &str) -> Key {
    let what = if excerpt.trim().is_empty() {
        message
    } else {
        excerpt
    };
    (place.to_string(), code.to_string(), what.to_string())
}

/// A baseline's path names a file relative to the folder it was written from, which is
/// the baseline's own as the README writes it (a team's root): a run from a subfolder, or
/// an editor giving an absolute path, finds it there first; a subfolder's file of the same
/// name is another file.
fn place_written_in(name: &str, folder: &Path) -> String {
    let beside = crate::path_text::path_text(&folder.join(name)).into_owned();
    if Path::new(name).is_relative() && crate::path_text::exists(&beside) {
        return place_of(&beside);
    }
    place_of(name)
}

/// The same file under the names a run may give it: "./a.txt", "a.txt", an absolute path.
fn place_of(name: &str) -> String {
    crate::path_text::on_disk(name)
        .and_then(|p| std::fs::canonicalize(p).ok())
        .map(|p| crate::path_text::path_text(&p).into_owned())
        .ok_or(())
        .unwrap_or_else(|_| {
            let mut n = name;
            while let Some(rest) = n.strip_prefix("./") {
                n = rest;
            }
            n.to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::text_doc;

    fn finding(doc: &Document, text: &str, nth: usize) -> Diagnostic {
        let start = doc.text.match_indices(text).nth(nth).unwrap().0;
        Diagnostic::new(
            &crate::rules::punctuation::HALFWIDTH,
            start..start + text.len(),
            "m",
            "h",
        )
    }

    #[test]
    fn accepted_findings_are_matched_by_text_and_counted() {
        let doc = text_doc("标题\n一是甲,二是乙,三是丙;\n");
        let mut baseline = Baseline::default();
        baseline
            .accepted
            .insert(key(&place_of(&doc.name), "GW0501", ",", "m"), 1);
        let diags = vec![
            finding(&doc, ",", 0),
            finding(&doc, ",", 1),
            finding(&doc, ";", 0),
        ];
        let (kept, suppressed) = baseline.filter(&doc, diags.clone());
        // One "," was accepted and there are two: which is new cannot be told, so both are
        // reported, as is the ";".
        assert_eq!(suppressed, 0);
        let texts: Vec<&str> = kept.iter().map(|d| &doc.text[d.span.clone()]).collect();
        assert_eq!(texts, [",", ",", ";"]);
        // Both accepted: only the ";" is new.
        baseline
            .accepted
            .insert(key(&place_of(&doc.name), "GW0501", ",", "m"), 2);
        let (kept, suppressed) = baseline.filter(&doc, diags);
        assert_eq!(suppressed, 2);
        let texts: Vec<&str> = kept.iter().map(|d| &doc.text[d.span.clone()]).collect();
        assert_eq!(texts, [";"]);
    }

    #[test]
    fn fingerprints_tell_one_comma_from_another() {
        let doc = text_doc("标题\n一是甲,二是乙,三是丙;\n");
        let diags = vec![finding(&doc, ",", 0), finding(&doc, ",", 1)];
        let (a, b) = (fingerprint(&doc, &diags[0]), fingerprint(&doc, &diags[1]));
        assert_ne!(a, b);
        assert_eq!(a.len(), 16);
        let mut baseline = Baseline {
            fingerprinted: true,
            ..Baseline::default()
        };
        let place = place_of(&doc.name);
        baseline
            .accepted
            .insert((place.clone(), "GW0501".into(), a.clone()), 1);
        // The second "," is new; the first stays accepted.
        let (kept, suppressed) = baseline.filter(&doc, diags);
        assert_eq!(suppressed, 1);
        assert_eq!(
            kept[0].span.start,
            doc.text.match_indices(',').nth(1).unwrap().0
        );
        // Text added on another line leaves the fingerprint as it was.
        let edited = text_doc("标题\n新增一段。\n一是甲,二是乙,三是丙;\n");
        assert_eq!(fingerprint(&edited, &finding(&edited, ",", 0)), a);
    }

    #[test]
    fn names_of_one_file_agree() {
        assert_eq!(place_of("./././不存在/a.txt"), place_of("不存在/a.txt"));
    }
}
