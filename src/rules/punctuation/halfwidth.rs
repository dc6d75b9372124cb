//! Half-width , ; : ( ) ? ! . " beside Chinese text (GB/T 15834-2011 §5.1), and the whole
//! document folded to ASCII (rules.md §0.2, R-P01).

use super::chars::{closes_interval, inside, is_cjk, links, neighbours};
use super::{ASCII_FOLDED, HALFWIDTH};
use crate::diagnostic::{Diagnostic, Severity};
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::{is_han, named_mark};
use std::collections::HashSet;
use std::ops::Range;

/// At least this many marks, nearly all commas half-width: the text was folded.
const FOLDED_MIN_MARKS: usize = 10;
const FOLDED_MIN_COMMAS: usize = 5;

/// "全年办结案件86件．": the full-width full point of scientific texts (GB/T 15834-2011
/// 4.1.2) ending a Chinese sentence, where the 句号 "。" belongs. Not a decimal point
/// ("98．6", the digits' rule) nor a heading's number ("３．").
pub fn check_fullwidth_stop(ctx: &Context, out: &mut Findings) {
    for (_, span, t) in ctx.lines().filter(|(_, _, t)| t.contains('．')) {
        for (at, _) in t.match_indices('．') {
            let before = t[..at].chars().next_back();
            let after = t[at + '．'.len_utf8()..].chars().next();
            let ends_words = before.is_some_and(|c| is_han(c) || "”）》".contains(c));
            let ends_sentence =
                after.is_none_or(|c| is_han(c) || c.is_whitespace() || "“（《".contains(c));
            // "一．加强…": a heading's number, the numbering rules' (GW0305).
            let marker = crate::text::trim_indent(&t[..at])
                .chars()
                .all(|c| "一二三四五六七八九十".contains(c));
            if ends_words && ends_sentence && !marker {
                let name = in_name(&t[..at], &t[at + '．'.len_utf8()..]);
                let (message, help) = if name {
                    (
                        "汉字之间用了“．”：如是句末应为句号“。”，如是人名中的间隔应为间隔号“·”",
                        "中文的句号是“。”（GB/T 15834-2011 4.1），外国人名和少数民族人名各部分之间用间隔号“·”（4.16）；“．”只用于科技文献",
                    )
                } else {
                    (
                        "句末用了“．”，应为句号“。”",
                        "中文的句号是“。”（GB/T 15834-2011 4.1）；“．”只用于科技文献",
                    )
                };
                out.push(
                    Diagnostic::new(
                        &HALFWIDTH,
                        span.start + at..span.start + at + '．'.len_utf8(),
                        message.to_string(),
                        help,
                    )
                    .with_fix("。", !name),
                );
            }
        }
    }
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        '.' => '。',
        _ => return None,
    })
}

fn is_candidate(b: u8) -> bool {
    matches!(
        b,
        b',' | b';' | b':' | b'?' | b'!' | b'(' | b')' | b'.' | b'"' | b'\''
    )
}

struct Found {
    /// Where the finding starts: the mark, or the spaces before it.
    at: usize,
    /// Spaces before the mark that the fix removes with it.
    lead: usize,
    /// Spaces after it, likewise: ", 办结" is typed the English way.
    trail: usize,
    c: char,
    replacement: char,
    safe: bool,
    /// A dot between Chinese characters: a name's 间隔号, perhaps.
    in_name: bool,
}

pub fn check(ctx: &Context, skip_marks: &HashSet<usize>, out: &mut Findings) {
    let mut found: Vec<Found> = Vec::new();
    let mut full_commas = 0usize;
    for (i, span, t) in ctx.lines() {
        full_commas += t.matches('，').count();
        // The marks are ASCII: a byte test is enough, and cheaper than decoding.
        if !t.bytes().any(is_candidate) {
            continue;
        }
        let mut skip: Vec<Range<usize>> = links(t);
        // "青卫发(2022)15号" wants 〔〕, not （）: the document-number rule says so.
        skip.extend(crate::rules::citation::doc_number::spans(t));
        // "&nbsp;", "<br/>": markup, which the debris rule reports.
        skip.extend(
            crate::rules::artifact::markup::markup(t)
                .into_iter()
                .map(|(r, _)| r),
        );
        // Heading markers are the numbering rules' business; so is the 主送 colon here.
        if let Some(h) = ctx.outline.heading_at(i) {
            skip.push(
                h.marker.start.saturating_sub(span.start)..h.marker.end.saturating_sub(span.start),
            );
        }
        if let Some(m) = crate::rules::numbering::damaged_marker(ctx, i) {
            skip.push(m.start.saturating_sub(span.start)..m.end.saturating_sub(span.start));
        }
        if ctx.outline.addressee == Some(i) && t.ends_with(':') {
            skip.push(t.len() - 1..t.len());
        }
        if ctx.doc.format == crate::document::Format::Markdown {
            // "[文字](链接)": the brackets are Markdown syntax.
            for (o, cl) in ascii_paren_pairs(t) {
                if t[..o].ends_with(']') {
                    skip.push(o..cl + 1);
                }
            }
            // "![图](img.png)": so is the "!" of an image.
            skip.extend(t.match_indices("![").map(|(k, _)| k..k + 1));
            skip.extend(crate::markdown::inline_markup(t));
            // "\(": an escaped mark is meant literally.
            skip.extend(crate::markdown::escaped(t));
        }
        let skip = super::chars::merged(skip);
        scan_line(t, span.start, &skip, skip_marks, &mut found);
    }
    if found.is_empty() {
        return;
    }
    let commas = found.iter().filter(|f| f.c == ',').count();
    let folded =
        found.len() >= FOLDED_MIN_MARKS && commas >= FOLDED_MIN_COMMAS && full_commas * 10 < commas;
    if folded {
        let first = ctx.doc.line_index(found[0].at);
        let at = content_span(ctx.doc, first).start;
        let mut counts: Vec<(char, usize)> = Vec::new();
        for f in &found {
            match counts.iter_mut().find(|(c, _)| *c == f.c) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.c, 1)),
            }
        }
        let listed: Vec<String> = counts.iter().map(|(c, n)| format!("“{c}”{n}处")).collect();
        let commas_note = if full_commas == 0 {
            "全文没有一个全角逗号“，”".to_string()
        } else {
            format!("全角逗号“，”只有{full_commas}处")
        };
        out.push(Diagnostic::new(
            &ASCII_FOLDED,
            at..at,
            format!(
                "全文的中文标点被转换成了半角：与汉字相邻的半角标点共{}处（{}），{commas_note}",
                found.len(),
                listed.join("、")
            ),
            "多为网页复制或格式转换所致。gwlint check --fix 可把能确定的半角标点一次改为全角，其余（如句末的“.”）要逐处确认；下面逐处列出（警告），只看其他问题时可加 --ignore halfwidth-punctuation",
        ));
    }
    for f in found {
        let (message, help) = if f.in_name && f.replacement == '。' {
            (
                "汉字之间用了半角“.”：如是句末应为“。”，如是人名中的间隔应为间隔号“·”".to_string(),
                "如是句末，改为“。”；如是外国人名或少数民族人名各部分之间的间隔，改为间隔号“·”（GB/T 15834-2011 4.16）".to_string(),
            )
        } else {
            let (c, replacement) = (named_mark(f.c), named_mark(f.replacement));
            let message = if f.c == '"' || f.c == '\'' {
                format!("中文语句中用了{c}，应为{replacement}")
            } else {
                format!("中文语句中用了半角标点{c}，应为全角{replacement}")
            };
            (
                message,
                format!("改为{replacement}（GB/T 15834-2011：中文标点占一个汉字的位置）"),
            )
        };
        let mut d = Diagnostic::new(
            &HALFWIDTH,
            f.at..f.at + f.lead + f.c.len_utf8() + f.trail,
            message,
            help,
        )
        .with_fix(f.replacement.to_string(), f.safe);
        if folded {
            d = d.with_severity(Severity::Warning);
        }
        out.push(d);
    }
}

fn scan_line(
    t: &str,
    base: usize,
    skip: &[Range<usize>],
    skip_marks: &HashSet<usize>,
    found: &mut Vec<Found>,
) {
    let parens = paren_index(t);
    // Found when the line's first ASCII quote asks.
    let doubles = std::cell::OnceCell::new();
    let singles_marks = std::cell::OnceCell::new();
    let mut quotes = 0usize;
    let mut singles = 0usize;
    // An ASCII byte is always a whole character, so its index is a character boundary.
    for (k, c) in t.bytes().enumerate().filter(|&(_, b)| is_candidate(b)) {
        let c = char::from(c);
        if inside(skip, k) || skip_marks.contains(&(base + k)) {
            if c == '"' {
                quotes += 1;
            }
            if c == '\'' {
                singles += 1;
            }
            continue;
        }
        let (prev, next) = neighbours(t, k, k + 1);
        let cjk = prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
        let digit = |o: Option<char>| o.is_some_and(|c| c.is_ascii_digit());
        let flag = match c {
            // 12,500 · 8:30 · 1:500
            // “What is new?”: the end of an English sentence quoted in Chinese.
            ',' | ';' | ':' | '?' | '!'
                if prev.is_some_and(|p| p.is_ascii_alphanumeric())
                    && matches!(next, Some('”' | '’'))
                    && t[..k]
                        .rfind(['“', '‘'])
                        .is_some_and(|o| !t[o..k].chars().any(is_han)) =>
            {
                false
            }
            // "检查机构56家 , 立案7件": spaced off, as a PDF copy leaves it, still among
            // Chinese. Not English's "control: 署名", whose mark follows its word.
            ',' | ';' | ':' | '?' | '!' => {
                let (before, after) = unpadded(t, k);
                let spaced = prev.is_some_and(|p| SPACES.contains(&p))
                    && (before.chars().next_back().is_some_and(is_cjk)
                        || after.chars().next().is_some_and(is_cjk));
                (cjk || spaced) && !(digit(prev) && digit(next))
            }
            // Not the 下脚点 of "1." or a decimal: a period after a Chinese word, or after
            // what closes one ("备案率100%.", "（含网上听证）.", "“三项制度”.", and "(…)."
            // whose ")" is itself a slip).
            '.' => {
                let closes = |p: char| matches!(p, '%' | '％' | '）' | ')' | '”' | '》' | '’');
                let chinese_before = || t[..k].chars().rev().skip(1).take(8).any(is_han);
                (prev.is_some_and(is_han) || prev.is_some_and(closes) && chinese_before())
                    && next.is_none_or(|n| is_cjk(n) || n.is_whitespace())
            }
            '(' | ')' => match partner_of(&parens, k) {
                Some((o, cl)) => {
                    let (op, on) = neighbours(t, o, o + 1);
                    let (cp, cn) = neighbours(t, cl, cl + 1);
                    // "Health for All (HFA)”": an English aside inside English words,
                    // whatever mark follows it.
                    let english = t[o + 1..cl].is_ascii()
                        && op.is_some_and(|c| c.is_ascii_alphanumeric() || c == ' ');
                    !english
                        && ([op, on, cp, cn].into_iter().flatten().any(is_cjk)
                            || t[o + 1..cl].chars().any(is_han))
                }
                // "[18.5,24.0)之间": a half-open interval.
                None => cjk && !(c == ')' && closes_interval(&t[..k])),
            },
            // Quotes pair by their order in the line; an apostrophe between letters
            // ("don't") has no Chinese beside it.
            '"' | '\'' => {
                let (count, marks) = if c == '"' {
                    (
                        &mut quotes,
                        doubles.get_or_init(|| QuoteMarks::new(t, '“', '”')),
                    )
                } else {
                    (
                        &mut singles,
                        singles_marks.get_or_init(|| QuoteMarks::new(t, '‘', '’')),
                    )
                };
                *count += 1;
                let mut replacement = marks.direction(k, *count);
                // "'放管服'" outside double quotes: single marks only go inside double
                // ones (GB/T 15834-2011 4.8), so it stands for “”.
                if c == '\'' {
                    let doubles = doubles.get_or_init(|| QuoteMarks::new(t, '“', '”'));
                    if quotes.is_multiple_of(2) && !doubles.is_open_at(k) {
                        replacement = if replacement == '‘' { '“' } else { '”' };
                    }
                }
                if cjk {
                    found.push(Found {
                        at: base + k,
                        lead: 0,
                        trail: 0,
                        c,
                        replacement,
                        safe: false,
                        in_name: false,
                    });
                }
                continue;
            }
            _ => false,
        };
        if flag && let Some(r) = full_width(c) {
            // "单一 ,群众", "办结320件, 办结": the spaces beside the mark go with it, or the
            // fix would leave a space between Chinese characters.
            let (before, after) = unpadded(t, k);
            let lead = if c != '(' && before.chars().next_back().is_some_and(is_cjk) {
                k - before.len()
            } else {
                0
            };
            let trail = if !matches!(c, '(' | ')') && after.chars().next().is_some_and(is_cjk) {
                t.len() - k - 1 - after.len()
            } else {
                0
            };
            let in_name = c == '.' && in_name(&t[..k], &t[k + 1..]);
            let (replacement, safe) = if c == '.' {
                let (r, safe) = numeral_dot(&t[..k], &t[k + 1..]);
                (r, safe && !(r == '。' && in_name))
            } else {
                (r, true)
            };
            found.push(Found {
                at: base + k - lead,
                lead,
                trail,
                c,
                replacement,
                safe,
                in_name,
            });
        }
    }
}

/// The spaces that may pad a half-width mark typed among Chinese.
const SPACES: [char; 2] = [' ', '\u{3000}'];

/// The text either side of the mark at byte `k`, without the spaces that pad it.
fn unpadded(t: &str, k: usize) -> (&str, &str) {
    (
        t[..k].trim_end_matches(SPACES),
        t[k + 1..].trim_start_matches(SPACES),
    )
}

/// Characters of a clause before a dot that may still end in a name ("表彰阿依古丽").
const MAX_NAME_CLAUSE: usize = 12;

/// "诺尔曼.白求恩", "阿依古丽.买买提": a dot inside a run of Chinese may be a name's 间隔号
/// (GB/T 15834-2011 4.16) as well as a full stop with the next sentence run on. Not after
/// a figure ("办结86件.满意度…") or a long clause: a name holds no digits.
fn in_name(before: &str, after: &str) -> bool {
    if !(before.chars().next_back().is_some_and(is_han) && after.chars().next().is_some_and(is_han))
    {
        return false;
    }
    // Read back no further than a name's clause can reach: a line may hold many dots.
    let clause: Vec<char> = before
        .chars()
        .rev()
        .take_while(|&c| !"，。；：、！？ ".contains(c))
        .take(MAX_NAME_CLAUSE + 1)
        .collect();
    clause.len() <= MAX_NAME_CLAUSE
        && !clause
            .iter()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
}

/// What a "." after Chinese stands for. After a Chinese numeral that starts a clause
/// ("主要措施：一.加强领导；二.完善制度") it marks an item, 、; between numerals ("九.五成")
/// or after a 章/条 ("第三章.第五条") it is no full stop either, and the writer says what it
/// is. Elsewhere ("试点单位之一.") it ends a sentence.
fn numeral_dot(before: &str, after: &str) -> (char, bool) {
    let numeral = |c: char| "一二三四五六七八九十百零〇".contains(c);
    let run = before.trim_end_matches(numeral);
    if run.len() < before.len() {
        let item = run
            .chars()
            .next_back()
            .is_none_or(|p| p.is_whitespace() || "：；。，、:;".contains(p));
        if item {
            return ('、', true);
        }
        if after.starts_with(numeral) {
            return ('。', false);
        }
    }
    let after_article = before.ends_with(['章', '条', '款', '节', '项', '编']);
    ('。', !after_article)
}

/// Where a line's full-width quotes of one kind are, found once: a line may hold thousands
/// of ASCII quotes, and each asks about the marks before and after it.
struct QuoteMarks {
    open: char,
    close: char,
    opens: Vec<usize>,
    closes: Vec<usize>,
}

impl QuoteMarks {
    fn new(t: &str, open: char, close: char) -> QuoteMarks {
        let at = |c: char| t.match_indices(c).map(|(k, _)| k).collect();
        QuoteMarks {
            open,
            close,
            opens: at(open),
            closes: at(close),
        }
    }

    /// A mark of this kind opened before `k` and not yet closed.
    fn is_open_at(&self, k: usize) -> bool {
        self.opens.partition_point(|&p| p < k) > self.closes.partition_point(|&p| p < k)
    }

    /// The full-width mark an ASCII quote at `k` stands for: it closes a mark left open
    /// before it in the line ("“谁执法谁普法\""), opens one closed after it ("\"谁执法谁普法”"),
    /// or else turns by its place among the ASCII quotes (`count`, this one included).
    fn direction(&self, k: usize, count: usize) -> char {
        let opened = self.opens.partition_point(|&p| p < k);
        let closed = self.closes.partition_point(|&p| p < k);
        if opened > closed {
            return self.close;
        }
        if let Some(c) = self.closes.get(closed)
            && self.opens.get(opened).is_none_or(|o| c < o)
        {
            return self.open;
        }
        if count % 2 == 1 {
            self.open
        } else {
            self.close
        }
    }
}

/// The pair a bracket at `k` belongs to; `parens` is sorted by either end.
fn partner_of(parens: &[(usize, usize, usize)], k: usize) -> Option<(usize, usize)> {
    let i = parens.binary_search_by_key(&k, |p| p.0).ok()?;
    Some((parens[i].1, parens[i].2))
}

/// Matched ASCII ( ) pairs of one line, as byte offsets.
fn ascii_paren_pairs(t: &str) -> Vec<(usize, usize)> {
    let mut stack = Vec::new();
    let mut pairs = Vec::new();
    for (k, c) in t.char_indices() {
        match c {
            '(' => stack.push(k),
            ')' => {
                if let Some(o) = stack.pop() {
                    pairs.push((o, k));
                }
            }
            _ => {}
        }
    }
    pairs
}

/// Each bracket of a matched pair, keyed by its own offset: (at, opener, closer), sorted.
fn paren_index(t: &str) -> Vec<(usize, usize, usize)> {
    let mut v: Vec<(usize, usize, usize)> = ascii_paren_pairs(t)
        .into_iter()
        .flat_map(|(o, c)| [(o, o, c), (c, o, c)])
        .collect();
    v.sort_unstable();
    v
}
