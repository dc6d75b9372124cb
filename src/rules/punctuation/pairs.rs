//! Paired marks (GB/T 15834-2011 4.8, 4.9, 4.15): balance within a paragraph (a paragraph
//! broken off mid-sentence is read together with its continuation), 〈〉 inside 《》, ‘’
//! only inside “”.

use super::chars::{closes_interval, inside, links};
use super::{NESTED_TITLE_MARKS, QUOTE_NESTING, UNBALANCED_PAIR};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Context;
use crate::rules::artifact::layout::{Ending, ending};
use crate::rules::findings::Findings;
use crate::text::{indent_len, is_han, named_mark};
use std::collections::HashSet;

/// Number of `Family` variants.
const FAMILIES: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Paren,
    Double,
    Single,
    Book,
    Angle,
    Tortoise,
    Lenticular,
    Corner,
    WhiteCorner,
}

fn opener(c: char) -> Option<Family> {
    Some(match c {
        '(' | '（' => Family::Paren,
        '“' => Family::Double,
        '‘' => Family::Single,
        '《' => Family::Book,
        '〈' => Family::Angle,
        '〔' => Family::Tortoise,
        '【' => Family::Lenticular,
        '「' => Family::Corner,
        '『' => Family::WhiteCorner,
        _ => return None,
    })
}

fn closer(c: char) -> Option<Family> {
    Some(match c {
        ')' | '）' => Family::Paren,
        '”' => Family::Double,
        '’' => Family::Single,
        '》' => Family::Book,
        '〉' => Family::Angle,
        '〕' => Family::Tortoise,
        '】' => Family::Lenticular,
        '」' => Family::Corner,
        '』' => Family::WhiteCorner,
        _ => return None,
    })
}

fn partner(c: char) -> char {
    match c {
        '(' => ')',
        '（' => '）',
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '〈' => '〉',
        '〔' => '〕',
        '【' => '】',
        '「' => '」',
        '『' => '』',
        ')' => '(',
        '）' => '（',
        '”' => '“',
        '’' => '‘',
        '》' => '《',
        '〉' => '〈',
        '〕' => '〔',
        '】' => '【',
        '」' => '「',
        '』' => '『',
        c => c,
    }
}

/// Longest text between ASCII angle brackets read as a title.
const MAX_ANGLE_TITLE: usize = 60;

/// Longest content of a top-level ‘…’ that is turned into “…” automatically.
const MAX_QUOTE_FIX: usize = 30;

/// The longest inner title or quote whose nesting is reported (about 500 characters).
const MAX_NESTED_BYTES: usize = 1500;

struct Open {
    family: Family,
    at: usize,
    ch: char,
    /// A ‘ with no “ around it.
    top_single: bool,
    /// A 《 inside another 《.
    nested_book: bool,
    /// A 〈 with no 《 around it.
    top_angle: bool,
    /// A “ inside another “.
    nested_double: bool,
    /// The innermost 《 or 〈 and the innermost “ or ‘ open here, this mark included: kept
    /// with each mark so that a paragraph of thousands of open marks is not searched again
    /// for each new one.
    title: Option<Family>,
    quote: Option<Family>,
}

/// Reports unbalanced and wrongly nested marks; returns the byte offsets of the unmatched
/// marks, which the half-width rule then leaves alone.
pub fn check(ctx: &Context, out: &mut Findings) -> HashSet<usize> {
    let mut unmatched = HashSet::new();
    let n = ctx.doc.line_count();
    let mut i = 0;
    while i < n {
        if ctx.outline.chrome[i] {
            i += 1;
            continue;
        }
        // A paragraph and the lines that carry on its sentence.
        let mut group = vec![i];
        let mut last = i;
        while let Ending::Continues { next } | Ending::Wrapped { next, .. } = ending(ctx, last) {
            group.push(next);
            last = next;
        }
        scan(ctx, &group, out, &mut unmatched);
        i = last + 1;
    }
    unmatched
}

fn scan(ctx: &Context, lines: &[usize], out: &mut Findings, unmatched: &mut HashSet<usize>) {
    let first_finding = out.len();
    scan_marks(ctx, lines, out, unmatched);
    // "《传染病防治法〉和《医师法》": with a mark missing, which title sits inside which is a
    // guess; the missing mark is reported, and nesting once it is balanced.
    let mut found = out.split_off(first_finding);
    if found.iter().any(|d| std::ptr::eq(d.rule, &UNBALANCED_PAIR)) {
        let nesting = |d: &Diagnostic| {
            std::ptr::eq(d.rule, &NESTED_TITLE_MARKS) || std::ptr::eq(d.rule, &QUOTE_NESTING)
        };
        found.retain(|d| !nesting(d));
    }
    out.extend(found);
}

fn scan_marks(ctx: &Context, lines: &[usize], out: &mut Findings, unmatched: &mut HashSet<usize>) {
    let text = &ctx.doc.text;
    let mut stack: Vec<Open> = Vec::new();
    // Open marks per family, so nesting questions do not rescan the stack.
    let mut open = [0usize; FAMILIES];
    // An ASCII < waiting for its >, and whether it opened inside 《》.
    let mut angle: Option<(usize, bool)> = None;
    for &line in lines {
        let l = &ctx.doc.lines[line];
        let s = &text[l.start..l.end];
        let mut skip = links(s);
        if ctx.doc.format == crate::document::Format::Markdown {
            skip.extend(crate::markdown::inline_markup(s));
        }
        let skip = super::chars::merged(skip);
        let first_ascii_quote = s.find('"');
        // Inside ASCII double quotes, which count as the outer marks of a ‘’.
        let mut in_ascii_quotes = false;
        let mut prev: Option<char> = None;
        let mut iter = s.char_indices().peekable();
        while let Some((k, c)) = iter.next() {
            let here = prev;
            prev = Some(c);
            // Most characters are ideographs, which no check here is about.
            if is_han(c) {
                continue;
            }
            let next = iter.peek().map(|&(_, n)| n);
            let at = l.start + k;
            if inside(&skip, k) {
                continue;
            }
            // ’ as an apostrophe in Latin text; after a plural's s ("Patients’ Rights")
            // when no single quote is open.
            if matches!(c, '‘' | '’')
                && here.is_some_and(|p| p.is_ascii_alphabetic())
                && next.is_some_and(|p| p.is_ascii_alphabetic())
            {
                continue;
            }
            let word_len = || {
                k - s[..k]
                    .trim_end_matches(|p: char| p.is_ascii_alphabetic())
                    .len()
            };
            if c == '’'
                && open[Family::Single as usize] == 0
                && matches!(here, Some('s' | 'S'))
                && !next.is_some_and(|p| p.is_ascii_alphabetic())
                && word_len() >= 2
            {
                continue;
            }
            if c == '"' {
                in_ascii_quotes = !in_ascii_quotes;
            }
            let has = |f: Family| open[f as usize] > 0;
            let in_book = has(Family::Book);
            if matches!(c, '<' | '＜') {
                // "<<书名>>" stands for 《》: the second "<" belongs to the first.
                if angle.is_none_or(|(a, _)| a + c.len_utf8() != at) {
                    angle = Some((at, in_book));
                }
                continue;
            }
            if matches!(c, '>' | '＞') {
                if next == Some(c) {
                    continue;
                }
                if let Some((a, inner)) = angle.take() {
                    ascii_angle(ctx, a, at + c.len_utf8(), inner, out);
                }
                continue;
            }
            if let Some(family) = opener(c) {
                // 《〈《》〉》: the marks alternate, so a 《 inside a 〈 is right.
                let innermost_title = stack.last().and_then(|o| o.title);
                // A “ inside a “ (the title's own quotes inside 《》 aside, and “‘“…”’” as the
                // marks alternate).
                let innermost_quote = stack.last().and_then(|o| o.quote);
                let in_title = stack
                    .last()
                    .is_some_and(|o| matches!(o.family, Family::Book | Family::Angle));
                let (single, book, double) = (
                    !has(Family::Double) && !in_ascii_quotes,
                    innermost_title == Some(Family::Book),
                    innermost_quote == Some(Family::Double) && !in_title,
                );
                open[family as usize] += 1;
                stack.push(Open {
                    family,
                    at,
                    ch: c,
                    top_single: family == Family::Single && single,
                    nested_book: family == Family::Book && book,
                    top_angle: family == Family::Angle && innermost_title.is_none(),
                    nested_double: family == Family::Double && double,
                    title: match family {
                        Family::Book | Family::Angle => Some(family),
                        _ => innermost_title,
                    },
                    quote: match family {
                        Family::Double | Family::Single => Some(family),
                        _ => innermost_quote,
                    },
                });
            } else if let Some(family) = closer(c).or_else(|| {
                // "“谁执法谁普法\"": an ASCII mark closing a “ is a slip the half-width rule
                // reports; the pair itself is whole.
                (c == '"' && has(Family::Double)).then_some(Family::Double)
            }) {
                let pos = if has(family) {
                    stack.iter().rposition(|o| o.family == family)
                } else {
                    None
                };
                match pos {
                    Some(pos) => {
                        for o in stack.drain(pos + 1..) {
                            open[o.family as usize] -= 1;
                            unclosed(ctx, &o, Some(c), out, unmatched);
                        }
                        if let Some(o) = stack.pop() {
                            open[o.family as usize] -= 1;
                            matched(ctx, &o, at, c, out);
                        }
                    }
                    // ("\"谁执法谁普法”": opened by an ASCII mark, reported as such.)
                    None if list_marker_closer(s, k)
                        || closes_interval(&s[..k])
                        || (c == '”' && first_ascii_quote.is_some_and(|q| q < k)) => {}
                    None => {
                        let at_start = k == indent_len(s);
                        unmatched.insert(at);
                        let (close, open) = (named_mark(c), named_mark(partner(c)));
                        out.push(Diagnostic::new(
                            &UNBALANCED_PAIR,
                            at..at + c.len_utf8(),
                            format!(
                                "{close}前面没有对应的{open}{}",
                                if at_start {
                                    "（段首的残缺序号？）"
                                } else {
                                    ""
                                }
                            ),
                            format!("补上{open}，或删除多余的{close}"),
                        ));
                    }
                }
            }
        }
    }
    for o in stack.drain(..) {
        if !quotation_goes_on(ctx, lines, &o) {
            unclosed(ctx, &o, None, out, unmatched);
        }
    }
}

/// A quotation of several paragraphs: each opens with “ and only the last one closes
/// (the usage GB/T 15834-2011 gives for 引号). The open mark leads its paragraph and the next one
/// opens with “ again.
fn quotation_goes_on(ctx: &Context, lines: &[usize], o: &Open) -> bool {
    let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
        return false;
    };
    let doc = ctx.doc;
    // The quotation leads its paragraph, or opens in its last line ("倡议书：“我们承诺：").
    let leads =
        crate::outline::content_span(doc, first).start == o.at || o.at >= doc.lines[last].start;
    // (A line of "…………" marks paragraphs left out of the quotation.)
    let next = (last + 1..doc.line_count()).find(|&j| {
        let t = crate::text::trim_indent(doc.line(j));
        !t.is_empty() && !crate::chrome::is_omission_line(t)
    });
    o.ch == '“'
        && leads
        && next.is_some_and(|j| crate::text::trim_indent(doc.line(j)).starts_with('“'))
}

/// "1)" or "a）" at the start of a line or after a clause mark ("做法：1）建立……；2）完善……")
/// is a list marker, not half of a pair; so is "五)" starting a line, a damaged marker that
/// GW0306 reports.
fn list_marker_closer(s: &str, k: usize) -> bool {
    let label = |c: char| c.is_ascii_alphanumeric() || crate::text::is_digit(c);
    let before = &s[..k];
    let stem = before.trim_end_matches(label);
    let n = before[stem.len()..].chars().count();
    let at_start = |stem: &str| stem.chars().all(crate::text::is_indent);
    if (1..=2).contains(&n)
        && (at_start(stem)
            || stem.ends_with(['：', ':', '；', ';', '，', ',', '。', '、', ' ', '\u{3000}']))
    {
        return true;
    }
    let han = before.trim_end_matches(|c: char| "一二三四五六七八九十".contains(c));
    han.len() < before.len() && before.len() - han.len() <= 9 && at_start(han)
}

fn unclosed(
    ctx: &Context,
    o: &Open,
    before: Option<char>,
    out: &mut Findings,
    unmatched: &mut HashSet<usize>,
) {
    let _ = ctx;
    unmatched.insert(o.at);
    let want = partner(o.ch);
    let (open, want) = (named_mark(o.ch), named_mark(want));
    let message = match before {
        Some(b) => format!("{open}在{}之前没有闭合，缺少{want}", named_mark(b)),
        None => format!("{open}没有对应的{want}"),
    };
    // A half-width mark is closed the Chinese way: its own partner would draw GW0501.
    let help = match o.ch {
        '(' => format!("在适当位置补上“）”并把{open}改为“（”，或删除多余的{open}"),
        '[' => format!("在适当位置补上配对的括号，或删除多余的{open}"),
        _ => format!("在适当位置补上{want}，或删除多余的{open}"),
    };
    out.push(Diagnostic::new(
        &UNBALANCED_PAIR,
        o.at..o.at + o.ch.len_utf8(),
        message,
        help,
    ));
}

/// A pair closed at `at` by `c`: checks how it nests.
fn matched(ctx: &Context, o: &Open, at: usize, c: char, out: &mut Findings) {
    let text = &ctx.doc.text;
    let end = at + c.len_utf8();
    let content = &text[o.at + o.ch.len_utf8()..at];
    // An inner title or quote is a phrase, not pages: marks nested thousands deep would
    // each be quoted whole in their finding, a size that grows with the square of the text.
    if content.len() > MAX_NESTED_BYTES {
        return;
    }
    if o.nested_book {
        out.push(
            Diagnostic::new(
                &NESTED_TITLE_MARKS,
                o.at..end,
                format!("书名号里面的书名号应使用单书名号：“{}”应为“〈{content}〉”", &text[o.at..end]),
                "书名号里边还要用书名号时，外面一层用双书名号，里边一层用单书名号（GB/T 15834-2011 4.15）",
            )
            .with_severity(Severity::Warning)
            .with_fix(format!("〈{content}〉"), true),
        );
    }
    // "〈中华人民共和国行政复议法〉", "〈关于印发《…》的通知〉": 〈〉 only inside 《》.
    if o.top_angle && looks_like_angled_title(content) {
        let swapped: String = content
            .chars()
            .map(|c| match c {
                '《' => '〈',
                '》' => '〉',
                c => c,
            })
            .collect();
        out.push(
            Diagnostic::new(
                &NESTED_TITLE_MARKS,
                o.at..end,
                format!("单书名号只用在书名号里面：“{}”应为“《{swapped}》”", &text[o.at..end]),
                "书名用双书名号《》，书名号里边还要用书名号时，里边一层才用单书名号〈〉（GB/T 15834-2011 4.15）",
            )
            .with_severity(Severity::Warning)
            .with_fix(format!("《{swapped}》"), true),
        );
    }
    if o.nested_double {
        out.push(
            Diagnostic::new(
                &QUOTE_NESTING,
                o.at..end,
                format!(
                    "引号里面的引号应使用单引号：{}应改为‘{content}’",
                    &text[o.at..end]
                ),
                "引号里面还要用引号时，外面一层用双引号，里面一层用单引号（GB/T 15834-2011 4.8）",
            )
            .with_fix(format!("‘{content}’"), false),
        );
    }
    if o.top_single {
        let mut d = Diagnostic::new(
            &QUOTE_NESTING,
            o.at..end,
            format!(
                "单引号只用在双引号里面：{}应改为“{content}”",
                &text[o.at..end]
            ),
            format!("改为“{content}”（GB/T 15834-2011 4.8）"),
        );
        if content.chars().count() <= MAX_QUOTE_FIX && !content.contains(['“', '”', '‘', '’', '\n'])
        {
            d = d.with_fix(format!("“{content}”"), true);
        }
        out.push(d);
    }
}

/// What a title between "<" and ">" looks like. Comparisons ("余氯<0.3mg/L，…>100") start
/// with a figure or span a clause; HTML and Markdown tags ("<span title=…>", "<!-- … -->")
/// start with a letter or a symbol.
fn looks_like_angled_title(content: &str) -> bool {
    let starts_well = content
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && !c.is_whitespace() && !is_figure_start(c));
    starts_well
        && content.chars().any(is_han)
        && content.chars().count() <= MAX_ANGLE_TITLE
        && !content.ends_with(char::is_whitespace)
        && !content.contains(['<', '>', '＜', '＞', '=', '"', '，', '。', '；', '：', '\n'])
}

fn is_figure_start(c: char) -> bool {
    matches!(c, '０'..='９' | '－' | '＋' | '．')
}

/// ASCII <…> around a Chinese title: 〈〉 inside 《》, 《》 elsewhere.
fn ascii_angle(ctx: &Context, start: usize, end: usize, inner: bool, out: &mut Findings) {
    let text = &ctx.doc.text;
    let shown = &text[start..end];
    let open_len = shown.chars().next().map_or(1, char::len_utf8);
    let close_len = shown.chars().next_back().map_or(1, char::len_utf8);
    if shown.len() < open_len + close_len {
        return;
    }
    let content = &shown[open_len..shown.len() - close_len];
    // "<<书名>>": both marks doubled.
    let content = content
        .strip_prefix(&shown[..open_len])
        .and_then(|c| c.strip_suffix(&shown[shown.len() - close_len..]))
        .unwrap_or(content);
    // "<单位名称>": a template's field, a blank (GW0603), not a title.
    if !looks_like_angled_title(content) || ctx.lexicon().is_template_field(content) {
        return;
    }
    if !inner {
        out.push(
            Diagnostic::new(
                &NESTED_TITLE_MARKS,
                start..end,
                format!("书名用了尖括号“{shown}”，应使用书名号“《{content}》”"),
                "书名、文件名用书名号《》，不用“<>”（GB/T 15834-2011 4.15）",
            )
            .with_severity(Severity::Warning)
            .with_fix(format!("《{content}》"), true),
        );
        return;
    }
    out.push(
        Diagnostic::new(
            &NESTED_TITLE_MARKS,
            start..end,
            format!("书名号里面的书名用了尖括号“{shown}”，应使用单书名号“〈{content}〉”"),
            "书名号里边还要用书名号时，里边一层用单书名号〈〉，不用“<>”（GB/T 15834-2011 4.15）",
        )
        .with_fix(format!("〈{content}〉"), true),
    );
}
