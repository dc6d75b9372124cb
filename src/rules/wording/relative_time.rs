//! Relative time words (今年, 截至目前, 目前 + a figure) in a report read long after it
//! was written.

use super::RELATIVE_TIME;
use super::lexicon::TimeWord;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::content_span;
use crate::quantity::{Text, is_sentence_mark};
use crate::rules::findings::Findings;
use crate::rules::{Context, LineCache};

/// One search over the whole text; a word is judged within its own line.
pub fn check(ctx: &Context, out: &mut Findings) {
    let words = &ctx.lexicon().relative_time;
    let doc = ctx.doc;
    let year = ctx.outline.year.as_ref().map(|y| y.year);
    let mut quotes = LineCache::new();
    for (start, k) in words.words.find_iter(&doc.text) {
        let word = words.words.word(k);
        let end = start + word.len();
        let i = doc.line_index(start);
        let line = content_span(doc, i);
        if ctx.outline.chrome[i] || start < line.start || end > line.end {
            continue;
        }
        // "如今年轻", "项目前期": the match starts inside the word before it.
        let prev = doc.text[line.start..start].chars().next_back();
        let first = word.chars().next();
        if let (Some(p), Some(f)) = (prev, first)
            && words.ending_words.contains(&format!("{p}{f}"))
        {
            continue;
        }
        let through = &doc.text[line.start..end];
        if words.misspelt.iter().any(|w| through.ends_with(w.as_str())) {
            continue;
        }
        let kind = words.kind(k);
        let after = &doc.text[end..line.end];
        let describes_state = || {
            words
                .state
                .longest_at(after.trim_start_matches('，'))
                .is_some()
        };
        // "受理12件，目前已全部办结": the state of what was counted before.
        let settles = || {
            let rest = after.trim_start_matches('，');
            words.settled.iter().any(|w| rest.starts_with(w.as_str()))
                && dates_a_figure(sentence_before(&doc.text[line.start..start]))
        };
        if dated_in_brackets(after)
            || (kind == TimeWord::NowWithFigure
                && (describes_state() || !(dates_a_figure(after.chars()) || settles())))
            // Inside a quotation or a title: the words are someone else's (《关于做好今年……的通知》).
            || quotes
                .get(i, || Text::new(&doc.text[line.clone()]))
                .in_quotes(&(start - line.start..end - line.start))
        {
            continue;
        }
        let (message, help) = match kind {
            TimeWord::Year => (
                format!("“{word}”所指的年份不明"),
                match year {
                    Some(y) => {
                        // Counted from the reported year, as the report means it.
                        let meant = y + year_offset(word);
                        format!("年度报告在次年印发并长期公开，写明具体年份，如“{meant}年”")
                    }
                    None => "年度报告在次年印发并长期公开，写明具体年份".to_string(),
                },
            ),
            TimeWord::Now | TimeWord::NowWithFigure => (
                format!("“{word}”没有写明具体日期"),
                match year {
                    Some(y) => {
                        format!("写明数字截至的具体日期，如“截至{y}年底”“截至{y}年12月31日”")
                    }
                    None => "写明数字截至的具体日期，如“截至某年底”".to_string(),
                },
            ),
        };
        out.push(Diagnostic::new(&RELATIVE_TIME, start..end, message, help));
    }
}

/// The year a word names, counted from the year it is said in: 去年 -1, 明年 +1.
fn year_offset(word: &str) -> i32 {
    if word.starts_with('去') {
        -1
    } else if word.starts_with('明') {
        1
    } else {
        0
    }
}

/// "今年（2024年）": the year is given, and GW0405 compares it with the reported one.
fn dated_in_brackets(after: &str) -> bool {
    let rest = after.trim_start();
    rest.starts_with(['（', '('])
        && rest
            .chars()
            .skip(1)
            .take_while(|c| c.is_ascii_digit() || c.is_whitespace())
            .filter(char::is_ascii_digit)
            .count()
            == 4
}

/// Far beyond a sentence: a line without full stops is not read to its end for each word.
const MAX_CLAUSE_CHARS: usize = 300;

fn ends_clause_group(c: char) -> bool {
    is_sentence_mark(c) || matches!(c, '：' | ':' | '；' | ';')
}

/// The sentence's words before a time word ("共受理12件，目前已全部办结"), from the last
/// full stop, semicolon or colon, in reading order.
fn sentence_before(before: &str) -> std::str::Chars<'_> {
    let mut from = 0;
    for (n, (k, c)) in before.char_indices().rev().enumerate() {
        if ends_clause_group(c) {
            from = k + c.len_utf8();
            break;
        }
        if n + 1 == MAX_CLAUSE_CHARS {
            from = k;
            break;
        }
    }
    let sentence = &before[from..];
    // "2.目前…": the item's number is no figure.
    let marker = static_regex!(r"^[（(]?[0-9０-９一二三四五六七八九十]{1,3}[)）.．、]");
    let item = marker.find(sentence).map_or(0, |m| m.end());
    sentence[item..].chars()
}

/// A figure (digits, or masked ones) in a clause group: up to the sentence's end, or a colon
/// or semicolon opening a list of its own. Years and dates ("2025年执法检查计划", "3月1日")
/// are not figures that need a cut-off date.
fn dates_a_figure(words: std::str::Chars<'_>) -> bool {
    let clause: Vec<char> = words
        .take_while(|&c| !ends_clause_group(c))
        .take(MAX_CLAUSE_CHARS)
        .collect();
    let is_digit = |c: char| c.is_ascii_digit() || matches!(c, '０'..='９' | '*' | '＊');
    let mut k = 0;
    while k < clause.len() {
        if !is_digit(clause[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < clause.len() && is_digit(clause[k]) {
            k += 1;
        }
        let dated = match clause.get(k) {
            Some('年') => k - start == 4,
            Some('月' | '日' | '号') => true,
            _ => false,
        };
        if !dated {
            return true;
        }
    }
    false
}
