//! Misspellings from the lexicon, with their context guards.

use super::{MISSPELLING, WORD_CHOICE};
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::findings::Findings;
use crate::rules::{Context, Covering, LineCache};

/// How much context the guards see on each side (characters).
const BEFORE: usize = 8;
const AFTER: usize = 48;

use crate::text::last_chars as tail;

fn head(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The match reads as the end of one common word and the start of another: 检查|帐篷
/// (查帐), 破坏|境内 (坏境). Both sides must make a word: in "以及其它" 及其 does, but
/// 它 and the next character do not, so 其它 is a word there.
fn straddles(before: &str, wrong: &str, after: &str) -> bool {
    use super::duplicate::is_common_word;
    let pair =
        |a: Option<char>, b: Option<char>| a.zip(b).is_some_and(|(a, b)| is_common_word(a, b));
    pair(before.chars().next_back(), wrong.chars().next())
        && pair(wrong.chars().next_back(), after.chars().next())
}

/// One search over the whole text (the words never span lines); the guards see the
/// match's own line only.
pub fn check(ctx: &Context, out: &mut Findings) {
    let lex = ctx.lexicon();
    let doc = ctx.doc;
    let mut titles = LineCache::new();
    let mut quotations = LineCache::new();
    for (start, k) in lex.typo_matcher.find_iter(&doc.text) {
        let typo = &lex.typos[k];
        let end = start + typo.wrong.len();
        let i = doc.line_index(start);
        let line = content_span(doc, i);
        if ctx.outline.chrome[i] || start < line.start || end > line.end {
            continue;
        }
        // A cited title is quoted as it was issued: "《……其它……办法》" stays, and a
        // misspelling in one may be the issuer's own, so it is never fixed unasked.
        let at = start - line.start..end - line.start;
        let within = |cache: &mut LineCache<Covering>, open, close| {
            cache
                .get(i, || {
                    Covering::new(crate::rules::citation::titles_in(
                        &doc.text[line.clone()],
                        open,
                        close,
                    ))
                })
                .holds(&at)
        };
        let in_title = within(&mut titles, '《', '》');
        if typo.advice && in_title {
            continue;
        }
        let before = tail(&doc.text[line.start..start], BEFORE);
        let after = head(&doc.text[end..line.end], AFTER);
        // A user's "依法行政" → "坚持依法行政" is met by the text it writes.
        if !typo.applies(before, after)
            || straddles(before, &typo.wrong, after)
            || crate::text::already_reads(&doc.text, start..end, &typo.right)
        {
            continue;
        }
        let (rule, verb) = if typo.advice {
            (&WORD_CHOICE, "宜写作")
        } else {
            (&MISSPELLING, "应为")
        };
        let mut help = format!("改为“{}”：{}", typo.right, typo.note);
        // Someone's words, quoted: also never fixed unasked. A term quoted on its own
        // ("“双随机，一公开”") is named, not quoted, and is fixed as anywhere.
        let named = doc.text[..start].ends_with('“') && doc.text[end..].starts_with('”');
        let in_quotation = !in_title && !named && within(&mut quotations, '“', '”');
        if in_title {
            help.push_str("；这是书名号中的文件名称，请先核对原文件：原文件如此写，应照原文引用");
        } else if in_quotation {
            help.push_str("；这是引号中的话：如果是照原话引用，应保持原样");
        }
        out.push(
            Diagnostic::new(
                rule,
                start..end,
                format!("“{}”{verb}“{}”", typo.wrong, typo.right),
                help,
            )
            .with_fix(typo.right.clone(), typo.safe && !in_title && !in_quotation),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_windows_stay_on_char_boundaries() {
        assert_eq!(tail("截止目前", 2), "目前");
        assert_eq!(tail("目", 5), "目");
        assert_eq!(head("截止目前", 1), "截");
        assert_eq!(head("", 3), "");
    }

    #[test]
    fn a_match_across_two_words_is_no_misspelling() {
        assert!(straddles("检", "查帐", "篷医院"));
        assert!(straddles("严防破", "坏境", "内生态"));
        assert!(!straddles("以及", "其它", "工作"));
        assert!(!straddles("", "查帐", "篷"));
    }
}
