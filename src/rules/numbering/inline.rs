//! 一是…二是…三是 and 第一，…第二，… sequences, inside a paragraph or across paragraphs that
//! each lead with the next item; a paragraph broken mid-sentence continues the previous one.

use super::{Context, ENUM_SEQUENCE, ENUM_SINGLE_ITEM};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::numerals::{parse_chinese, to_chinese};
use crate::outline::{MarkerKind, content_span};
use crate::rules::findings::Findings;
use crate::text::{char_len, is_han};
use regex::Regex;
use std::ops::Range;

#[derive(Debug, Clone)]
struct Item {
    span: Range<usize>,
    /// `None`: the numeral was lost ("。是强化普法学习").
    number: Option<u32>,
    /// The item opens its paragraph.
    leads: bool,
    /// A 一是 that opens a second list in the same paragraph: after a colon ("原因在于：
    /// 一是…") or after a new subject ("…。市卫健委一是…").
    restarts: bool,
}

/// The ways a report counts items in running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// 一是、二是 (a lost numeral leaves "是").
    Shi,
    /// 第一，第二，
    Di,
    /// 其一，其二，
    Qi,
    /// （1）…；（2）… inside a paragraph ("主要做法：（1）建立清单；（2）完善程序").
    ParenArabic,
    /// （一）…；（二）… inside a paragraph.
    ParenHan,
    /// "主要做法：1.建立清单；2.完善程序" inside a paragraph.
    DotArabic,
    /// "措施：①建立清单；②完善程序" inside a paragraph.
    Circled,
}

impl Form {
    fn label(self, n: u32) -> String {
        match self {
            Form::Shi => format!("{}是", to_chinese(n)),
            Form::Di => format!("第{}", to_chinese(n)),
            Form::Qi => format!("其{}", to_chinese(n)),
            Form::ParenArabic => format!("（{n}）"),
            Form::ParenHan => format!("（{}）", to_chinese(n)),
            Form::DotArabic => format!("{n}."),
            Form::Circled => super::marker::expected_marker(MarkerKind::Circled.level(), n),
        }
    }
}

fn item_regex() -> &'static Regex {
    static_regex!(r"([一二三四五六七八九十]{1,3})?是")
}

/// "第一，…第二，" and "其一，…其二，": only at the start of a paragraph or a sentence
/// ("排名第一，" is a rank).
fn di_items_in(text: &str, base: usize, from: usize, form: Form) -> Vec<Item> {
    let mut items = Vec::new();
    let re = if form == Form::Qi {
        static_regex!(r"其([一二三四五六七八九十]{1,3})[，,、：:]")
    } else {
        static_regex!(r"第([一二三四五六七八九十]{1,3})[，,、：:]")
    };
    for c in re.captures_iter(&text[from..]) {
        let (Some(m), Some(digits)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let start = from + m.start();
        let prev = text[..start].chars().next_back();
        let sentence_start =
            prev.is_none_or(|p| matches!(p, '。' | '；' | ';' | '：' | ':' | '！' | '？'));
        // "做到三点，第一，…；第二，…": a list's first item may follow a comma.
        let first_after_comma = matches!(prev, Some('，' | ','))
            && digits.as_str() == "一"
            && static_regex!(r"^[，,：:]").is_match(&text[from + digits.end()..]);
        // "第一、二季度", "第三、四批": a range of periods, not an item.
        let range = m.as_str().ends_with('、')
            && text[from + m.end()..]
                .starts_with(|c: char| c == '第' || "一二三四五六七八九十".contains(c));
        if range {
            continue;
        }
        if let (true, Some(n)) = (
            sentence_start || first_after_comma,
            parse_chinese(digits.as_str()),
        ) {
            items.push(Item {
                // The label without its comma.
                span: base + start..base + from + digits.end(),
                number: Some(n),
                leads: start == from,
                restarts: n == 1 && matches!(prev, Some('：' | ':' | '，' | ',')),
            });
        }
    }
    items
}

/// After a marker, what makes it one mentioned, not an item: "“（三）”之后", "（一）、（二）
/// 两项", "①至③".
const MENTIONED_BEFORE: &str = "”’、…和与至到";

/// "主要做法：（1）建立清单；（2）完善程序": bracketed numbers after a clause mark, in the
/// running text (a paragraph that starts with one is a heading). Not "第（一）项" of a law,
/// nor "（1）" after a word ("附件（1）").
fn paren_items_in(text: &str, base: usize, from: usize, han: bool) -> Vec<Item> {
    let mut items = Vec::new();
    if !text[from..].contains(['（', '(']) {
        return items;
    }
    let re = if han {
        static_regex!(r"[（(]([一二三四五六七八九十]{1,3})[）)]")
    } else {
        static_regex!(r"[（(]([0-9]{1,2})[）)]")
    };
    for c in re.captures_iter(&text[from..]) {
        let (Some(m), Some(digits)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let start = from + m.start();
        let prev = text[..start].chars().next_back();
        let after_clause =
            prev.is_some_and(|p| matches!(p, '：' | ':' | '；' | ';' | '。' | '，' | '“'));
        let next = text[from + m.end()..].chars().next();
        if next.is_none_or(|c| MENTIONED_BEFORE.contains(c)) {
            continue;
        }
        let number = if han {
            parse_chinese(digits.as_str())
        } else {
            digits.as_str().parse().ok()
        };
        if let (true, Some(n)) = (after_clause, number) {
            items.push(Item {
                span: base + start..base + from + m.end(),
                number: Some(n),
                leads: false,
                restarts: n == 1,
            });
        }
    }
    items
}

/// "主要做法：1.建立清单；2.完善程序": "1." after a colon or a semicolon, before words. Not
/// after 。, where a merged paragraph's run-in heading stands ("…。2.强化执法监督。"), nor
/// a decimal ("：1.5倍").
fn dot_items_in(text: &str, base: usize, from: usize) -> Vec<Item> {
    let mut items = Vec::new();
    let re = static_regex!(r"[：:；;]([0-9]{1,2})[.．]");
    for c in re.captures_iter(&text[from..]) {
        let (Some(m), Some(digits)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let next = text[from + m.end()..].chars().next();
        let Ok(n) = digits.as_str().parse::<u32>() else {
            continue;
        };
        if !next.is_some_and(|c| is_han(c) || "《“".contains(c)) {
            continue;
        }
        items.push(Item {
            span: base + from + digits.start()..base + from + m.end(),
            number: Some(n),
            leads: false,
            restarts: n == 1,
        });
    }
    items
}

/// "措施：①建立清单；②完善程序": circled numbers after a clause mark. Not a footnote's
/// mark after a word ("《条例》①"), nor "①”" or "①、②两项" mentioned.
fn circled_items_in(text: &str, base: usize, from: usize) -> Vec<Item> {
    text[from..]
        .char_indices()
        .filter(|&(_, c)| ('①'..='⑳').contains(&c))
        .filter_map(|(k, c)| {
            let start = from + k;
            let end = start + c.len_utf8();
            let prev = text[..start].chars().next_back();
            let after_clause =
                prev.is_none_or(|p| matches!(p, '：' | ':' | '；' | ';' | '。' | '，' | ','));
            let next = text[end..].chars().next();
            (after_clause && next.is_some_and(|c| !MENTIONED_BEFORE.contains(c))).then(|| Item {
                span: base + start..base + end,
                number: Some(c as u32 - '①' as u32 + 1),
                leads: false,
                restarts: c == '①',
            })
        })
        .collect()
}

/// Characters after which a new item (or a lost-numeral item) may start.
fn opens_item(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => matches!(
            c,
            '。' | '；'
                | ';'
                | '：'
                | ':'
                | '，'
                | ','
                | '！'
                | '？'
                | '!'
                | '?'
                | '）'
                | ')'
                | '”'
                // "（一是…，二是…）", "——一是…": an aside or a dash opens a list too.
                | '（'
                | '—'
                | ' '
                | '\u{3000}'
                | '\t'
        ),
    }
}

/// Leading items further apart than this are separate lists.
const MAX_GAP: u32 = 3;

/// After a lost numeral, these make "是" an ordinary word (是否, 是以 …).
const NOT_AFTER_LOST: [char; 8] = ['否', '以', '故', '非', '日', '年', '时', '的'];

/// Longest lead phrase a run-in heading without 。 may have before its 一是.
const MAX_UNTERMINATED_LEAD: usize = 20;
/// Shorter leads are words ending in 一 (统一是, 唯一是), not headings…
const MIN_UNTERMINATED_LEAD: usize = 4;
/// …unless they are the subject of the list: 我局一是, 本委一是, 我们一是.
const SUBJECT_ENDS: &str = "局委院厅办们站所处科室队组部";

fn is_subject_lead(lead: &str) -> bool {
    char_len(lead) >= 2
        && lead
            .chars()
            .next_back()
            .is_some_and(|c| SUBJECT_ENDS.contains(c))
}

/// Far more than a subject before 一是 ("市卫健委") can take.
const LEAD_BYTES: usize = 120;

/// Before 一是 these make a word ending in 一 (统一是, 唯一是, 之一是, 这一是), not an item.
const WORD_BEFORE_YI: &str = "统唯同单专划逐万之其第合归不如均纯初这那哪任某每";

/// "N是N" of "一是一、二是二" (`numeral` 是, then `after`; `before` the text before it):
/// the first half when "M是M" follows, the second when "M是M、" comes just before.
fn is_idiom_half(before: &str, numeral: &str, after: &str) -> bool {
    let numeral_is = |s: &str| s.chars().all(|c| "一二三四五六七八九十".contains(c));
    let pair = |s: &str| {
        let v: Vec<char> = s.chars().collect();
        v.len() == 3 && v[0] == v[2] && v[1] == '是' && numeral_is(&s[..v[0].len_utf8()])
    };
    let Some(rest) = after.strip_prefix(numeral) else {
        return false;
    };
    let comma = ['、', '，', ','];
    let first_half = rest
        .strip_prefix(comma)
        .and_then(|r| r.char_indices().nth(3).map(|(k, _)| &r[..k]).or(Some(r)))
        .is_some_and(pair);
    let tail = crate::text::last_chars(before, 4);
    let second_half =
        tail.ends_with(comma) && pair(tail.trim_end_matches(comma)) && !rest.starts_with(is_han);
    first_half || second_half
}

fn items_in(text: &str, base: usize, from: usize) -> Vec<Item> {
    let mut items = Vec::new();
    // An item past 一是 taken already: kept as it goes, not looked for at each 一是.
    let mut past_first = false;
    for c in item_regex().captures_iter(&text[from..]) {
        let m = c.get(0).expect("match");
        let start = from + m.start();
        let prev = text[..start].chars().next_back();
        let lead_text = &text[from..start];
        let number = c.get(1).map(|n| parse_chinese(n.as_str()));
        // "一是一、二是二": an idiom (plain facts), not items; "一是一、二级医院…" is an item.
        let idiom = c
            .get(1)
            .is_some_and(|n| is_idiom_half(&text[..start], n.as_str(), &text[from + m.end()..]));
        if idiom {
            continue;
        }
        match number {
            Some(Some(n)) => {
                let unterminated_lead = n == 1
                    && from == 0
                    && prev.is_some_and(|p| is_han(p) && !WORD_BEFORE_YI.contains(p))
                    && items.is_empty()
                    && ((MIN_UNTERMINATED_LEAD..=MAX_UNTERMINATED_LEAD)
                        .contains(&char_len(lead_text))
                        || is_subject_lead(lead_text))
                    && !lead_text.contains(|c: char| !is_han(c));
                // "…。市卫健委一是": a new subject opens a new list, anywhere in the paragraph.
                // Only the words just before can be a subject, so only they are read.
                let near =
                    crate::text::floor_char(lead_text, lead_text.len().saturating_sub(LEAD_BYTES));
                let sentence_lead = match lead_text[near..].rfind(['。', '；', ';', '！', '？'])
                {
                    Some(k) => lead_text[near + k..]
                        .chars()
                        .next()
                        .map(|c| &lead_text[near + k + c.len_utf8()..]),
                    None if near == 0 => Some(lead_text),
                    None => None,
                };
                let new_subject = n == 1
                    && sentence_lead
                        .is_some_and(|l| is_subject_lead(l) && !l.contains(|c: char| !is_han(c)));
                // "全年一是…", "为此，我局一是…": any lead-in but a word that ends in 一.
                let after_word =
                    n == 1 && prev.is_some_and(|p| is_han(p) && !WORD_BEFORE_YI.contains(p));
                let after_words = after_word && !past_first;
                // "…。在执法方面，一是…": a lead-in opens a second list in the paragraph; a
                // 一是 straight after 。 or ； is one more item, written with the wrong number.
                let lead_in = sentence_lead.is_some_and(|l| !l.trim().is_empty())
                    || n == 1 && after_run_in_heading(&lead_text[near..]);
                // "…。为此，我局一是…": a second list after a sentence's own lead-in.
                let second_list = after_word && sentence_lead.is_some_and(|l| !l.trim().is_empty());
                // "一是召开座谈会、二是征求意见": short items may be parted by 、, after the
                // item before ("坚持一是一、二是二的作风" is an idiom).
                let after_pause = n > 1
                    && prev == Some('、')
                    && items.last().is_some_and(|i: &Item| i.number == Some(n - 1));
                if opens_item(prev)
                    || after_pause
                    || unterminated_lead
                    || new_subject
                    || after_words
                    || second_list
                {
                    past_first |= n > 1;
                    items.push(Item {
                        span: base + start..base + from + m.end(),
                        number: Some(n),
                        leads: start == from,
                        restarts: n == 1
                            && (matches!(prev, Some('：' | ':')) || new_subject || lead_in),
                    });
                }
            }
            Some(None) => {}
            None => {
                let next = text[from + m.end()..].chars().next();
                let sentence_start = matches!(prev, Some('。' | '；' | ';' | '！' | '？'));
                if sentence_start && next.is_some_and(|c| is_han(c) && !NOT_AFTER_LOST.contains(&c))
                {
                    items.push(Item {
                        span: base + start..base + from + m.end(),
                        number: None,
                        leads: false,
                        restarts: false,
                    });
                }
            }
        }
    }
    items
}

/// "…。2.强化执法监督。一是…": the sentence before the 一是 is a run-in sub-heading with its
/// own marker, and the 一是 list is its own.
fn after_run_in_heading(before: &str) -> bool {
    let Some(body) = before.strip_suffix('。') else {
        return false;
    };
    let sentence = body
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '。' | '；' | ';' | '！' | '？'))
        .map_or(body, |(k, c)| &body[k + c.len_utf8()..]);
    static_regex!(
        r"^(?:[0-9]{1,2}[.．]|[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)])[^0-9]"
    )
    .is_match(sentence)
}

/// Sentence-final marks: a paragraph ending otherwise continues on the next line.
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with([
        '。', '！', '？', '；', '：', '”', '）', ')', '…', '!', '?', ';',
    ])
}

pub fn check(ctx: &Context, out: &mut Findings) {
    check_form(ctx, Form::Shi, out);
    check_form(ctx, Form::Di, out);
    check_form(ctx, Form::Qi, out);
    check_form(ctx, Form::ParenArabic, out);
    check_form(ctx, Form::ParenHan, out);
    check_form(ctx, Form::DotArabic, out);
    check_form(ctx, Form::Circled, out);
}

fn check_form(ctx: &Context, form: Form, out: &mut Findings) {
    let o = ctx.outline;
    let mut seq: Vec<Item> = Vec::new();
    let mut prev_continues = false;
    // The level of the heading the list is under, and whether deeper headings (sub-items
    // of an item: "第三，…" then "1.…" "2.…" then "第四，…") came since its last item.
    let mut owner_level: u8 = 0;
    let mut last_level: u8 = 0;
    let mut interrupted = false;
    for line in o.body.clone() {
        if o.chrome[line] {
            continue;
        }
        let span = content_span(ctx.doc, line);
        let text = &ctx.doc.text[span.clone()];
        if text.is_empty() {
            continue;
        }
        // Items in a heading's own words are not part of any list.
        let from = match o.heading_at(line) {
            Some(h) => {
                let level = h.level();
                last_level = level;
                if !seq.is_empty() && owner_level > 0 && level > owner_level {
                    interrupted = true;
                } else {
                    evaluate(ctx, form, &std::mem::take(&mut seq), false, out);
                    interrupted = false;
                    owner_level = level;
                }
                h.title.end.saturating_sub(span.start).min(text.len())
            }
            None => 0,
        };
        let from =
            from + text[from..].len() - text[from..].trim_start_matches(['。', '：', ':']).len();
        // "- 一是…": a Markdown list item's bullet comes before it.
        let from = match ctx.doc.format {
            crate::document::Format::Markdown if from == 0 => {
                crate::markdown::bullet_len(text).unwrap_or(0)
            }
            _ => from,
        };
        // "（一）健全机制。（二）规范执法。": siblings run into the heading's paragraph, which
        // the headings' own sequence counts.
        let run_in = o.heading_at(line).is_some_and(|h| {
            matches!(
                (form, h.kind),
                (Form::ParenHan, MarkerKind::HanParen)
                    | (Form::ParenArabic, MarkerKind::ArabicParen)
            )
        });
        let mut items = match form {
            Form::Shi => items_in(text, span.start, from),
            Form::Di | Form::Qi => di_items_in(text, span.start, from, form),
            Form::ParenArabic | Form::ParenHan => {
                paren_items_in(text, span.start, from, form == Form::ParenHan)
            }
            Form::DotArabic => dot_items_in(text, span.start, from),
            Form::Circled => circled_items_in(text, span.start, from),
        };
        if run_in {
            items.retain(|i| !ctx.doc.text[..i.span.start].trim_end().ends_with('。'));
        }
        for quotation in take_quoted(text, span.start, &mut items) {
            evaluate(ctx, form, &quotation, true, out);
        }
        if let Some(first) = items.first() {
            // Paragraphs that each lead with an item go on counting; one that skips a
            // number ("第二，…" then "第四，…") is still the same list, with a gap.
            let last_leads = seq.last().is_some_and(|i| i.leads);
            let follows = seq.iter().rev().find_map(|i| i.number).is_some_and(|last| {
                first.leads
                    && first.number.is_some_and(|n| {
                        n == last + 1
                            || (last_leads && n > last + 1 && n <= last + MAX_GAP)
                            // "二是…" leading the paragraph after one led by "二是…".
                            || (last_leads && n == last && n > 1)
                    })
            });
            let resumes = seq
                .iter()
                .rev()
                .find_map(|i| i.number)
                .is_some_and(|last| first.leads && first.number == Some(last + 1));
            if interrupted && !resumes || !(prev_continues || follows) {
                evaluate(ctx, form, &std::mem::take(&mut seq), false, out);
                owner_level = last_level;
            }
            interrupted = false;
            for item in items {
                if item.restarts {
                    evaluate(ctx, form, &std::mem::take(&mut seq), false, out);
                }
                seq.push(item);
            }
        }
        // Bracketed items are read within their paragraph only. A Word paragraph goes on
        // after a soft line break ("一是健全工作机制。↵…二是…").
        prev_continues = ctx.doc.same_paragraph(line, line + 1)
            || (!ends_sentence(text)
                && !matches!(
                    form,
                    Form::ParenArabic | Form::ParenHan | Form::DotArabic | Form::Circled
                ));
    }
    evaluate(ctx, form, &seq, false, out);
}

/// The items inside quotation marks, taken out of `items` and grouped by quotation: another's
/// list quoted is its own, not the report's.
fn take_quoted(text: &str, base: usize, items: &mut Vec<Item>) -> Vec<Vec<Item>> {
    if items.is_empty() || !text.contains(['“', '‘', '「', '《']) {
        return Vec::new();
    }
    let quotes = crate::quantity::Text::new(text);
    let mut quotations: Vec<(Range<usize>, Vec<Item>)> = Vec::new();
    for item in std::mem::take(items) {
        match quotes.quotation_of(&(item.span.start - base..item.span.end - base)) {
            Some(q) => match quotations.last_mut() {
                Some((last, run)) if *last == q => run.push(item),
                _ => quotations.push((q, vec![item])),
            },
            None => items.push(item),
        }
    }
    quotations.into_iter().map(|(_, run)| run).collect()
}

/// Reports what is wrong with one list. A `quoted` list may pick some of its items ("通报
/// 要求“一是…，三是…”"): only a number repeated or going back is wrong there.
fn evaluate(ctx: &Context, form: Form, items: &[Item], quoted: bool, out: &mut Findings) {
    // "十一是全年工作的重要节点，一是…": no list starts past ten (十一 is a holiday).
    if let [first, rest @ ..] = items
        && first.number.is_some_and(|n| n > 10)
    {
        return evaluate(ctx, form, rest, quoted, out);
    }
    let Some(first_numbered) = items.iter().position(|i| i.number.is_some()) else {
        return;
    };
    // "注：③…；④…": circled marks not from ① number notes that go on from earlier ones,
    // and may pick some as a quotation does.
    let picked = quoted || form == Form::Circled && items[first_numbered].number != Some(1);
    let numbered = items.iter().filter(|i| i.number.is_some()).count();
    let (one, two) = (form.label(1), form.label(2));
    // A lone "（1）" may be followed by items this reading does not see ("（1）……（2）"), and
    // a lone "（三）" is a heading quoted: only a run of two or more is a list.
    if matches!(
        form,
        Form::ParenArabic | Form::ParenHan | Form::DotArabic | Form::Circled
    ) && items.len() < 2
    {
        return;
    }
    if numbered == 1 && items.len() == 1 && items[0].number == Some(1) && !picked {
        let it = &items[0];
        out.push(Diagnostic::new(
            &ENUM_SINGLE_ITEM,
            it.span.clone(),
            format!("只有“{one}”，没有“{two}”"),
            format!("只有一项时去掉“{one}”；如有后续各项，请补全“{two}”等"),
        ));
        return;
    }
    let text = |i: &Item| &ctx.doc.text[i.span.clone()];
    // A whole run, 1 to n (a gap is this rule's to report): its count against the one
    // announced before it.
    if !picked && (1..).zip(items).all(|(k, i)| i.number == Some(k)) {
        let labels: Vec<&str> = items.iter().map(text).collect();
        super::announced::check(ctx, items[0].span.start, &labels, out);
    }
    // Lost numerals before the first numbered item are read back from it.
    let mut expected = match items[first_numbered].number {
        Some(n) if first_numbered > 0 && n as usize > first_numbered => n - first_numbered as u32,
        _ => 1,
    };
    let mut prev: Option<(u32, &str)> = None;
    for (k, it) in items.iter().enumerate() {
        let want = form.label(expected);
        let message = match (it.number, prev) {
            (Some(n), Some((p, _))) if picked && n > p => None,
            (_, None) | (None, _) if picked => None,
            (None, _) => {
                let missing_first = if k == 0 && expected > 1 {
                    "（前面也缺少“一是”）"
                } else {
                    ""
                };
                Some(format!(
                    "“{}”前缺少序数，应为“{want}”{missing_first}",
                    text(it)
                ))
            }
            (Some(n), _) if n == expected => None,
            (Some(_), None) => Some(format!(
                "“{}”之前没有“{one}”：序列应从“{one}”开始",
                text(it)
            )),
            (Some(n), Some((p, ps))) if n == p => {
                Some(format!("“{ps}”之后又是“{}”，应为“{want}”", text(it)))
            }
            (Some(n), Some((p, ps))) if n < p => Some(format!(
                "“{ps}”之后是“{}”，顺序倒退，应为“{want}”",
                text(it)
            )),
            (Some(_), Some((_, ps))) => Some(format!("“{ps}”之后是“{}”，缺少“{want}”", text(it))),
        };
        if let Some(message) = message {
            out.push(Diagnostic::new(
                &ENUM_SEQUENCE,
                it.span.clone(),
                message,
                format!(
                    "“{one}、{two}、{}……”应从“{one}”开始依次递增；补上缺少的项或改正序数",
                    form.label(3)
                ),
            ));
        }
        let n = it.number.unwrap_or(expected);
        prev = Some((n, text(it)));
        expected = n + 1;
    }
}
