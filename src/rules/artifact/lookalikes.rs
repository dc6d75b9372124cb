//! Kangxi radicals in place of the characters they look like ("卫⽣健康局"), as many PDF
//! readers copy them (rules/lookalikes.toml). The text looks right; searching, dates and
//! the names of parts do not match it.

use super::LOOKALIKE_CHARACTER;
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::rules::Context;
use crate::rules::findings::Findings;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct LookalikeFile {
    pairs: Vec<String>,
}

/// The look-alike and the character meant.
fn meant() -> &'static HashMap<char, char> {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    MAP.get_or_init(|| {
        let f: LookalikeFile =
            toml::from_str(crate::embedded::LOOKALIKES).expect("embedded lookalikes.toml");
        f.pairs
            .iter()
            .flat_map(|row| row.split_whitespace())
            .filter_map(|pair| {
                let mut chars = pair.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect()
    })
}

/// The blocks the look-alikes are in: a line without them is passed over at once.
fn may_hold(c: char) -> bool {
    ('\u{2E80}'..='\u{2FDF}').contains(&c)
}

/// Each look-alike in `t`: its byte offset and the character meant.
pub(super) fn found(t: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    t.char_indices()
        .filter(|&(_, c)| may_hold(c))
        .filter_map(|(k, c)| Some((k, *meant().get(&c)?)))
}

pub fn check(ctx: &Context, out: &mut Findings) {
    if std::ptr::eq(ctx.doc, ctx.written) {
        return;
    }
    for (_, span, _) in ctx.lines() {
        let t = &ctx.written.text[span.clone()];
        if !t.chars().any(may_hold) {
            continue;
        }
        // An address, a path or Markdown code is quoted as it stands: --fix leaves it.
        let verbatim = crate::rules::verbatim::spans(t, ctx.doc.format == Format::Markdown);
        let found: Vec<(usize, char, char)> = found(t)
            .filter(|(k, _)| !verbatim.iter().any(|v| v.contains(k)))
            .map(|(k, to)| (k, t[k..].chars().next().unwrap_or(to), to))
            .collect();
        let (Some(&(first, ..)), Some(&(last, last_char, _))) = (found.first(), found.last())
        else {
            continue;
        };
        let end = last + last_char.len_utf8();
        // One finding a line, its fix every look-alike in it: same length, nothing else moves.
        let fixed: String = t[first..end]
            .chars()
            .map(|c| meant().get(&c).copied().unwrap_or(c))
            .collect();
        let quoted = |pick: fn(&(usize, char, char)) -> char| {
            let mut seen = Vec::new();
            for f in &found {
                if !seen.contains(&pick(f)) {
                    seen.push(pick(f));
                }
            }
            seen.iter().map(|c| format!("“{c}”")).collect::<String>()
        };
        out.push(
            Diagnostic::new(
                &LOOKALIKE_CHARACTER,
                span.start + first..span.start + end,
                format!(
                    "{}是与汉字形似的部首字符，应为{}",
                    quoted(|f| f.1),
                    quoted(|f| f.2)
                ),
                "多为从 PDF 复制文字时带入，看上去正常，但检索、核对日期和标题时对不上；可自动替换为对应的汉字",
            )
            .with_fix(fixed, true),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_maps_a_radical_to_a_character_of_the_same_length() {
        assert!(meant().len() > 200);
        for (&from, &to) in meant() {
            assert!(may_hold(from) && crate::text::is_han(to), "{from}{to}");
            assert_eq!(from.len_utf8(), to.len_utf8());
        }
        assert_eq!(meant().get(&'⽣'), Some(&'生'));
        // Simplified forms from the supplement, which no compatibility mapping names.
        assert_eq!(meant().get(&'⻔'), Some(&'门'));
        assert_eq!(meant().get(&'⻓'), Some(&'长'));
    }

    #[test]
    fn addresses_and_code_are_left_as_they_stand() {
        let fixes = |name: &str, line: &str| -> Vec<(String, String)> {
            let format = crate::source::format_for_path(std::path::Path::new(name)).unwrap();
            let doc = crate::document::Document::from_text(
                name,
                format,
                "utf-8",
                format!("标题\n{line}\n"),
            );
            crate::rules::testing::found_of("GW0615", &doc)
                .into_iter()
                .map(|f| (f.text, f.fix.unwrap().0))
                .collect()
        };
        assert_eq!(
            fixes("a.txt", "详见https://a.gov.cn/⼯作/index.html，⼯作正常。"),
            [("⼯".to_string(), "工".to_string())]
        );
        assert_eq!(
            fixes(
                "a.md",
                "详见[⼯作要点](https://a.gov.cn/⼯作)，配置`⼯作模式`。"
            ),
            [("⼯".to_string(), "工".to_string())]
        );
    }
}
