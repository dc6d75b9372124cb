//! Text a report quotes character for character rather than writes: web and e-mail
//! addresses, file paths, letter-prefixed codes ("QH2021-2025"), and in Markdown inline
//! code and link targets. A finding inside one would have `--fix` change an address or a
//! file's name, so the rules of writing say nothing there. Rules about debris (the
//! artifact category) judge such text themselves and are not filtered.

use crate::diagnostic::{Category, Diagnostic};
use crate::document::{Document, Format};
use crate::lazy_regex::static_regex;
use crate::rules::punctuation::chars::links;
use std::collections::HashMap;
use std::ops::Range;

/// Byte ranges of `line` (relative to it) that are quoted verbatim.
pub(crate) fn spans(line: &str, markdown: bool) -> Vec<Range<usize>> {
    let mut out = links(line);
    if line.contains([':', '\\']) {
        // "D:\法治\2024年台帐.xlsx", "\\server\共享\…": up to a mark a path cannot hold or
        // a sentence would end with, and when it names a file, up to its extension.
        let path = static_regex!(
            r#"(?-u:\b)[A-Za-z]:[\\/][^\s，。；：、“”"'（）()《》<>|?*]*|\\\\[A-Za-z0-9._-]+\\[^\s，。；：、“”"'（）()《》<>|?*]*"#
        );
        let extension = static_regex!(r"\.[A-Za-z][A-Za-z0-9]{0,4}(?-u:\b)");
        // "报告(终稿).docx": a bracket in a file's name, when the extension follows it.
        let bracketed_name = static_regex!(
            r#"^[（(][^\s，。；：、“”"'（）()《》<>|?*]*[）)][^\s，。；：、“”"'（）()《》<>|?*]*?\.[A-Za-z][A-Za-z0-9]{0,4}(?-u:\b)"#
        );
        out.extend(path.find_iter(line).map(|m| {
            let end = bracketed_name
                .find(&line[m.end()..])
                .map(|b| m.end() + b.end())
                .or_else(|| {
                    let last = extension.find_iter(m.as_str()).last();
                    last.map(|e| m.start() + e.end())
                })
                .unwrap_or(m.end());
            m.start()..end
        }));
    }
    out.extend(
        static_regex!(r"(?-u:\b)[A-Za-z]{1,10}[0-9][0-9A-Za-z]*(?:[-_./][0-9A-Za-z]+)+")
            .find_iter(line)
            .map(|m| m.range()),
    );
    if markdown {
        out.extend(crate::markdown::inline_markup(line));
        out.extend(
            static_regex!(r"\]\(([^()\s]+)\)")
                .captures_iter(line)
                .filter_map(|c| c.get(1))
                .map(|m| m.range()),
        );
    }
    out
}

/// Drops the findings of writing rules that lie wholly inside verbatim text.
pub(crate) fn drop_inside(doc: &Document, findings: &mut Vec<Diagnostic>) {
    let markdown = doc.format == Format::Markdown;
    let mut by_line: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
    findings.retain(|d| {
        if d.rule.category == Category::Artifact || d.span.is_empty() {
            return true;
        }
        let i = doc.line_index(d.span.start);
        let line = doc.line(i);
        let start = doc.lines[i].start;
        if d.span.end > start + line.len() {
            return true;
        }
        let verbatim = by_line.entry(i).or_insert_with(|| {
            spans(line, markdown)
                .into_iter()
                .map(|r| start + r.start..start + r.end)
                .collect()
        });
        !verbatim
            .iter()
            .any(|v| v.start <= d.span.start && d.span.end <= v.end)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &str, markdown: bool) -> Vec<&str> {
        spans(line, markdown)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    #[test]
    fn paths_codes_and_markdown_targets() {
        assert_eq!(
            shown(r"台账见D:\法治\2024年台帐.xlsx，共12页。", false),
            [r"D:\法治\2024年台帐.xlsx"]
        );
        assert_eq!(
            shown(r"存于D:\资料\4千份.xlsx中的数据", false),
            [r"D:\资料\4千份.xlsx"]
        );
        assert_eq!(
            shown(r"见\\fs01\法治\撤消.docx。", false),
            [r"\\fs01\法治\撤消.docx"]
        );
        // A bracket in the file's name; a bracket after a folder is the sentence's.
        assert_eq!(
            shown(
                r"保存在C:\Users\fzk\报告(终稿).docx中，存放在D:\法治（共享）。",
                false
            ),
            [r"C:\Users\fzk\报告(终稿).docx", r"D:\法治"]
        );
        assert_eq!(shown("项目编号QH2021-2025年度", false), ["QH2021-2025"]);
        assert_eq!(
            shown("![工作台帐](img/台帐.png)和`撤消`", true),
            ["`撤消`", "img/台帐.png"]
        );
        // Not a path, not a code: a time, a range, a standard's year.
        assert!(shown("8:30—17:30，2021-2025年，GB/T 9704-2012。", false).is_empty());
        assert!(shown("![工作台帐](img/台帐.png)", false).is_empty());
    }

    /// The same misspelling is reported in the sentence and not in the path beside it.
    #[test]
    fn findings_inside_verbatim_text_are_dropped() {
        let text = crate::rules::with_measures(
            r"（一）健全依法决策机制。撤消许可2件，决定书存于D:\法治\撤消决定.docx，见https://wsjkw.qinghe.gov.cn/撤消.html。",
        );
        let found = crate::rules::found_of("GW0801", &crate::rules::text_doc(&text));
        // One finding, the sentence's: the path's and the address's are dropped.
        assert_eq!(
            found
                .iter()
                .map(|f| (f.line, f.text.as_str()))
                .collect::<Vec<_>>(),
            [(5, "撤消")]
        );
    }
}
