//! How paragraphs end: complete, broken off mid-sentence (the next paragraph goes on), or
//! left unfinished. Shared with the punctuation rules, which read a broken paragraph and
//! its continuation as one.

use crate::lazy_regex::static_regex;
use crate::outline::parse_marker;
use crate::quantity::{self, is_clause_mark, is_sentence_mark};
use crate::rules::Context;
use crate::text::{char_len, is_han, trim_indent};

/// Marks after which a paragraph may end.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '：'
            | '”'
            | '’'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '…'
            | '.'
            | '!'
            | '?'
            | ':'
            | ')'
            | '"'
    )
}

/// Marks that leave a sentence open.
pub(crate) fn is_open_ending(c: char) -> bool {
    matches!(c, '，' | '；' | '、' | ',' | ';')
}

/// A line that ends in a colon, and line `j` after it is a heading no deeper than the
/// section the line is in: what the colon announced is missing ("主要做法：" then "（三）").
/// "报告如下：" before the first part, or "措施如下：" before the sub-headings, announce them;
/// so does any list that starts at 1 ("以下工作：" then "一.…", a marker written wrong).
fn colon_before_sibling(ctx: &Context, i: usize, j: usize) -> bool {
    let o = ctx.outline;
    let (Some(here), Some(next)) = (o.heading_over(i), o.heading_at(j)) else {
        return false;
    };
    next.level() <= here.level() && next.number > 1
}

/// Lines that are not running text: title, 主送, 落款, headings on their own line, table
/// cells and rows, Word headings, and short lines without sentence punctuation.
pub(crate) fn is_prose(ctx: &Context, i: usize) -> bool {
    let t = trim_indent(ctx.doc.line(i));
    // "执法监督方面", a repeated page title: headings or labels, not sentences. One that
    // stops at 、 is a sentence cut short ("全年开展普法活动126场、").
    is_body_line(ctx, i)
        && (char_len(t) > 30 || t.contains(['，', '。', '；', ',', ';']) || t.ends_with('、'))
}

/// Line `i` is in the body and is neither title, 主送, 落款, a heading on its own line (one
/// that lost its marker too), a table cell or row, nor a Word heading or an attachment's name.
fn is_body_line(ctx: &Context, i: usize) -> bool {
    let o = ctx.outline;
    let line = &ctx.doc.lines[i];
    let t = trim_indent(ctx.doc.line(i));
    if t.is_empty()
        || o.chrome[i]
        || o.title.as_ref().is_some_and(|tt| tt.lines.contains(&i))
        || o.addressee.is_some_and(|a| i <= a)
        || o.issuers.contains(&i)
        || o.date.as_ref().is_some_and(|d| d.line == i)
        || i >= o.imprint
        || line.origin.cell.is_some()
        || o.table_rows[i]
        || line.origin.outline_level.is_some()
    {
        return false;
    }
    if o.heading_at(i).is_some_and(|h| !h.run_in)
        || crate::rules::numbering::reads_as_heading(ctx, i)
    {
        return false;
    }
    // 附件说明 lists names without punctuation.
    !t.starts_with("附件")
}

/// Whether a paragraph may start with `t` as a new unit (heading or list item) rather than
/// go on from the previous one.
fn starts_new_unit(ctx: &Context, j: usize, t: &str) -> bool {
    starts_part(ctx, j, t)
        || t.starts_with(['(', '（', '[', '【', '①', '“', '《'])
        || item_form(ctx, j).is_some()
        || ["首先", "其中", "同时", "此外", "另外"]
            .iter()
            .any(|w| t.starts_with(w))
        || !t.starts_with(|c: char| is_han(c))
}

/// Line `j` (text `t`) starts a part of the report: a heading, a numbered item, the 署名
/// or the 成文日期.
fn starts_part(ctx: &Context, j: usize, t: &str) -> bool {
    let o = ctx.outline;
    o.heading_at(j).is_some()
        || parse_marker(t).is_some()
        || o.issuers.contains(&j)
        || o.date.as_ref().is_some_and(|d| d.line == j)
}

/// How a list item starts: "一是…", "第二，…", "1.…" (by marker kind), "①…", "——…", or a
/// Markdown bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemForm {
    Shi,
    Di,
    Marker(crate::outline::MarkerKind),
    Dash,
    Bullet,
}

/// Line `i`'s item form. A run-in heading with sentences after it ("（六）坚持严格执法。一是…")
/// opens a section; one with a clause ("（1）执法公示：结果全部公开；") is an item.
fn item_form(ctx: &Context, i: usize) -> Option<ItemForm> {
    let t = trim_indent(ctx.doc.line(i));
    let sentences_inside = t.trim_end().trim_end_matches('。').contains('。');
    if ctx.outline.heading_at(i).is_some_and(|h| h.run_in) && sentences_inside {
        return None;
    }
    form_of(ctx, i)
}

/// How line `i` starts, whatever follows its marker.
fn form_of(ctx: &Context, i: usize) -> Option<ItemForm> {
    form_of_text(ctx.doc.format, trim_indent(ctx.doc.line(i)))
}

/// How `t` starts as a list item, whatever follows its marker.
fn form_of_text(format: crate::document::Format, t: &str) -> Option<ItemForm> {
    if t.starts_with("——") {
        return Some(ItemForm::Dash);
    }
    // A bullet, typed or Word's ("•一是…；"): the item's form is what follows it, if any.
    if let Some(rest) = strip_bullet(t) {
        return Some(form_of_text(format, rest).unwrap_or(ItemForm::Bullet));
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let count = t.chars().take_while(|&c| numeral(c)).count();
    if count > 0 && t.chars().nth(count) == Some('是') {
        return Some(ItemForm::Shi);
    }
    if let Some(r) = t.strip_prefix('第') {
        let n = r.chars().take_while(|&c| numeral(c)).count();
        if n > 0
            && r.chars()
                .nth(n)
                .is_some_and(|c| matches!(c, '，' | '、' | ','))
        {
            return Some(ItemForm::Di);
        }
    }
    if let Some((kind, _, _)) = parse_marker(t) {
        return Some(ItemForm::Marker(kind));
    }
    (format == crate::document::Format::Markdown && crate::markdown::bullet_len(t).is_some())
        .then_some(ItemForm::Bullet)
}

/// Glyphs that lead a bulleted item, as typed or as Word shows its bullet lists.
const BULLETS: &str = "•●○◆◇■□▪▫★☆▲△►▶➢➤✓✔❖◎·—–";

/// `t` without the bullet it starts with: a glyph, a Latin letter with a point ("A."), or
/// Word's Courier "o" before the text.
fn strip_bullet(t: &str) -> Option<&str> {
    let mut chars = t.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let next = rest.chars().next()?;
    let glyph = BULLETS.contains(first) && next != first;
    let letter = first.is_ascii_alphabetic() && ".．、)）".contains(next);
    let courier_o = first == 'o' && (next.is_whitespace() || is_han(next));
    if letter {
        return Some(rest[next.len_utf8()..].trim_start());
    }
    (glyph || courier_o).then(|| rest.trim_start())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// Ends like a paragraph should (or is not running text).
    Complete,
    /// Broken off: line `next` carries on the same sentence.
    Continues { next: usize },
    /// Wrapped by the source, not broken: line `next` is the same paragraph (a Word soft
    /// line break, a Markdown line without a blank line after it). `printed`: the break
    /// shows on the page mid-sentence (a Word Shift+Enter), where Markdown's does not.
    Wrapped { next: usize, printed: bool },
    /// Ends with ，；、 or mid-word, and nothing carries on.
    Unfinished,
}

/// In Markdown, the next line when it goes on with line `i`'s paragraph: no blank line
/// between, it opens no block (item, heading) of its own (CommonMark soft breaks), and line
/// `i` stops mid-sentence. A line that ends a sentence is taken as a paragraph of its own:
/// Chinese Markdown often has one paragraph a line, without blank lines. An editor's wrap
/// falls anywhere — before 其中, 二是, a figure, an English word or a bracket — and the page
/// shows none of it: only a heading, a numbered item, a Markdown block or the 落款 starts
/// anew.
fn markdown_wrap(ctx: &Context, i: usize) -> Option<usize> {
    let o = ctx.outline;
    let j = i + 1;
    let text = |k: usize| trim_indent(ctx.doc.line(k));
    (ctx.doc.format == crate::document::Format::Markdown
        && j < ctx.doc.line_count()
        && !text(i).is_empty()
        && !text(i).ends_with(['。', '！', '？'])
        && !text(j).is_empty()
        && !o.chrome[i]
        && !o.chrome[j]
        && !o.table_rows[i]
        && !o.table_rows[j]
        && o.heading_at(i).is_none_or(|h| h.run_in)
        && !opens_block(ctx, j, text(j)))
    .then_some(j)
}

/// Markdown line `j` (text `t`) starts a block or a part of the report, not a wrapped line.
fn opens_block(ctx: &Context, j: usize, t: &str) -> bool {
    starts_part(ctx, j, t)
        || form_of(ctx, j).is_some_and(|f| matches!(f, ItemForm::Marker(_) | ItemForm::Bullet))
        || t.starts_with(['#', '>', '|', '`', '<', '①', '—'])
        || crate::markdown::ordered_item_len(t).is_some()
}

/// Longest item of a list without markers, one per line after a colon.
const MAX_UNMARKED_ITEM: usize = 40;

/// Line `i` is an item of a list without markers: short lines ending in ；, back to a line
/// that ends in ：.
fn in_unmarked_list(ctx: &Context, i: usize) -> bool {
    let mut j = i;
    while unmarked_item(ctx, j, &['；', ';']) {
        let Some(prev) = (0..j)
            .rev()
            .find(|&k| !trim_indent(ctx.doc.line(k)).is_empty())
        else {
            return false;
        };
        if trim_indent(ctx.doc.line(prev)).ends_with(['：', ':']) {
            return true;
        }
        j = prev;
    }
    false
}

/// Line `j` is short, has no item marker and ends with one of `ends`.
fn unmarked_item(ctx: &Context, j: usize, ends: &[char]) -> bool {
    let t = trim_indent(ctx.doc.line(j));
    char_len(t) <= MAX_UNMARKED_ITEM && t.ends_with(ends) && form_of(ctx, j).is_none()
}

/// The next line with text, across blank lines only.
fn next_text_line(ctx: &Context, i: usize) -> Option<usize> {
    (i + 1..ctx.doc.line_count()).find(|&j| !trim_indent(ctx.doc.line(j)).is_empty())
}

/// The next line of text, past the page numbers and running headers a print copy left
/// between the halves of a paragraph; `None` when other debris comes first.
fn next_across_page(ctx: &Context, i: usize) -> Option<usize> {
    let mut j = next_text_line(ctx, i)?;
    while ctx.outline.chrome[j] {
        let t = trim_indent(ctx.doc.line(j));
        if !(crate::chrome::is_page_number(t) || ctx.outline.repeats_title(t)) {
            return None;
        }
        j = next_text_line(ctx, j)?;
    }
    Some(j)
}

/// `t` starts with a unit and a mark ("人次。", "件，"): a figure's end.
fn unit_ends_figure(t: &str) -> bool {
    let rest = match t.strip_prefix(['%', '％']) {
        Some(r) => r,
        None => match quantity::lexicon().unit_len_at(t) {
            Some(n) => &t[n..],
            None => return false,
        },
    };
    rest.chars()
        .next()
        .is_none_or(|c| is_clause_mark(c) || is_sentence_mark(c))
}

/// The next line, when line `i` (text `t`) ends in the first digits of a figure and the
/// next line starts with the rest of it and its unit ("1,2" and "36件，"). Not a year
/// ("…第2" and "2024年，…"), nor a table's rows.
fn split_figure(ctx: &Context, i: usize, t: &str) -> Option<usize> {
    let digit_end = t
        .trim_end_matches(['.', ','])
        .ends_with(|c: char| c.is_ascii_digit());
    let j = next_text_line(ctx, i)?;
    let nt = trim_indent(ctx.doc.line(j));
    let rest = nt.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ','));
    let continues = digit_end
        && nt.starts_with(|c: char| c.is_ascii_digit())
        && !rest.starts_with(['年', '月', '日'])
        && unit_ends_figure(rest);
    (continues
        && is_body_line(ctx, j)
        && other_paragraph(ctx, i, j)
        && !ctx.outline.table_rows[i]
        && !ctx.outline.table_rows[j]
        && ctx.doc.lines[j].origin.cell.is_none())
    .then_some(j)
}

/// `t` opens with a figure ending its clause ("100%，", "12件，", "1.2万人次。"): the end of
/// a sentence broken before its figure. Years, dates and item markers are not figures.
fn starts_with_figure(t: &str) -> bool {
    let digits = |s: &str| s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &t[t.len() - digits(t)..];
    if rest.len() == t.len() {
        return false;
    }
    let rest = match rest.strip_prefix('.') {
        Some(r) if digits(r) < r.len() => &r[r.len() - digits(r)..],
        Some(_) => return false,
        None => rest,
    };
    unit_ends_figure(rest.strip_prefix(['万', '亿']).unwrap_or(rest))
}

/// `t` opens with one character and a mark ("度，全年…"): the end of a word broken off the
/// line before. 另，又，… open paragraphs of their own.
fn starts_with_fragment(t: &str) -> bool {
    let mut cs = t.chars();
    matches!((cs.next(), cs.next()), (Some(a), Some(b))
        if is_han(a) && !"另又再但即故且并".contains(a) && matches!(b, '，' | '、' | '。' | '；'))
}

/// Line `j`, not a heading or an item, goes on with the sentence the line before broke
/// off at `last`: it opens with a figure or a broken-off character, or after a comma with
/// 其中 or 同时 ("受理12件，" then "其中维持8件。").
fn carries_on(ctx: &Context, j: usize, t: &str, last: char) -> bool {
    ctx.outline.heading_at(j).is_none()
        && item_form(ctx, j).is_none()
        && (starts_with_figure(t)
            || starts_with_fragment(t)
            || starts_with_point_mark(t)
            || (matches!(last, '，' | ',') && (t.starts_with("其中") || t.starts_with("同时"))))
}

/// "、医疗收费类280件…", "。全年…": no paragraph opens with a point mark; the line before
/// was broken just before it.
fn starts_with_point_mark(t: &str) -> bool {
    t.starts_with(['、', '，', '。', '；', '：', '？', '！'])
}

/// Line `j` (after line `i`) is a paragraph of its own, in Word or in a text file.
fn other_paragraph(ctx: &Context, i: usize, j: usize) -> bool {
    !ctx.doc.same_paragraph(i, j)
}

/// A short line without sentence marks, taken for a label, that goes on in the next
/// paragraph: it stops at 的, or the next opens with a broken-off character ("审查制" then
/// "度，全年…").
fn short_line_goes_on(ctx: &Context, i: usize) -> Option<usize> {
    let t = trim_indent(ctx.doc.line(i));
    if !t.chars().next_back().is_some_and(is_han) {
        return None;
    }
    let j = next_text_line(ctx, i)?;
    let nt = trim_indent(ctx.doc.line(j));
    (is_body_line(ctx, j)
        && other_paragraph(ctx, i, j)
        && !starts_new_unit(ctx, j, nt)
        && ((t.ends_with('的') && !t.ends_with("目的")) || starts_with_fragment(nt)))
    .then_some(j)
}

/// "…落实《法治政府建设实施纲要（2021—" then "2025年）》，…": a 《 left open at the line's
/// end that the next line closes before opening another; in a heading too.
pub(crate) fn title_goes_on(ctx: &Context, i: usize) -> Option<usize> {
    let t = ctx.doc.line(i);
    let open = t.rfind('《')?;
    if t[open..].contains('》') || !in_text(ctx, i) {
        return None;
    }
    let j = next_across_page(ctx, i)?;
    let nt = ctx.doc.line(j);
    let close = nt.find('》')?;
    let (head, tail) = (&t[open..], &nt[..close]);
    // A sentence ended inside: a mark left open, not a name broken.
    let ends = |s: &str| s.contains(['。', '！', '？', '；']);
    let whole = char_len(head) + char_len(tail);
    (!tail.contains('《')
        && !ends(head)
        && !ends(tail)
        && whole <= MAX_TITLE_CHARS
        && in_text(ctx, j))
    .then_some(j)
}

/// Line `i` is the report's text, not a table's or debris.
fn in_text(ctx: &Context, i: usize) -> bool {
    !ctx.outline.chrome[i] && !ctx.outline.table_rows[i] && ctx.doc.lines[i].origin.cell.is_none()
}

/// The longest name in 书名号 read across a line break.
const MAX_TITLE_CHARS: usize = 80;

/// A numbered line on its own, taken for a heading, that stops at ，or 、: an item cut
/// short ("1.加强执法队伍建设，组织培训4期，" then "2.…").
fn heading_cut_short(ctx: &Context, i: usize) -> bool {
    ctx.outline.heading_at(i).is_some_and(|h| !h.run_in)
        && ctx.doc.lines[i].origin.cell.is_none()
        && ctx.doc.lines[i].origin.outline_level.is_none()
        && trim_indent(ctx.doc.line(i)).ends_with(['，', '、', ','])
}

pub(crate) fn ending(ctx: &Context, i: usize) -> Ending {
    if let Some(next) = markdown_wrap(ctx, i) {
        return Ending::Wrapped {
            next,
            printed: false,
        };
    }
    if let Some(next) = title_goes_on(ctx, i) {
        return if ctx.doc.same_paragraph(i, next) {
            Ending::Wrapped {
                next,
                printed: true,
            }
        } else {
            Ending::Continues { next }
        };
    }
    if !is_prose(ctx, i) {
        if heading_cut_short(ctx, i) {
            // The item's sentence may go on in the next line: a break, not a loss. A
            // heading wrapped by a soft line break at its comma is laid out so on purpose.
            return match next_text_line(ctx, i) {
                Some(j) if ctx.doc.same_paragraph(i, j) => Ending::Wrapped {
                    next: j,
                    printed: false,
                },
                Some(j)
                    if is_body_line(ctx, j)
                        && other_paragraph(ctx, i, j)
                        && !starts_new_unit(ctx, j, trim_indent(ctx.doc.line(j))) =>
                {
                    Ending::Continues { next: j }
                }
                _ => Ending::Unfinished,
            };
        }
        return match is_body_line(ctx, i).then(|| short_line_goes_on(ctx, i)) {
            Some(Some(next)) => Ending::Continues { next },
            _ => Ending::Complete,
        };
    }
    let t = trim_indent(ctx.doc.line(i));
    let Some(last) = t.chars().next_back() else {
        return Ending::Complete;
    };
    if matches!(last, '：' | ':')
        && let Some(j) = next_text_line(ctx, i)
        && other_paragraph(ctx, i, j)
        && colon_before_sibling(ctx, i, j)
    {
        return Ending::Unfinished;
    }
    // "1,2" then "36件，", "21." then "6万元。": a figure split between two lines.
    if let Some(j) = split_figure(ctx, i, t) {
        return Ending::Continues { next: j };
    }
    // Only a Word paragraph goes on after a line that ends a sentence.
    if ends_sentence(last) && ctx.doc.format != crate::document::Format::Docx {
        return Ending::Complete;
    }
    let open = is_open_ending(last);
    let next = next_across_page(ctx, i);
    let in_title = |j: usize| {
        ctx.outline
            .title
            .as_ref()
            .is_some_and(|tt| tt.lines.contains(&j))
    };
    // A Word paragraph goes on after a soft line break whatever ends the line: after a
    // sentence the break is a layout choice; after a digit ("15↵0件", "（2021↵—2025年）")
    // it splits the figure on the page.
    if let Some(j) = next.filter(|&j| ctx.doc.same_paragraph(i, j))
        && (ends_sentence(last) || (!open && !is_han(last)))
    {
        let nt = trim_indent(ctx.doc.line(j));
        let figure_goes_on = last.is_ascii_digit()
            && (nt.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '—' | '-' | '.'))
                || unit_ends_figure(nt)
                || !starts_new_unit(ctx, j, nt));
        return Ending::Wrapped {
            next: j,
            printed: figure_goes_on && ctx.doc.lines[j].origin.cell.is_none() && !in_title(j),
        };
    }
    if ends_sentence(last) {
        return Ending::Complete;
    }
    if !open && !is_han(last) {
        // "参训人员达1200" then "人次。": a figure broken from its unit. Other digits,
        // Latin and symbols: too unsure to call.
        return match next {
            Some(j)
                if last.is_ascii_digit()
                    && is_body_line(ctx, j)
                    && other_paragraph(ctx, i, j)
                    && unit_ends_figure(trim_indent(ctx.doc.line(j))) =>
            {
                Ending::Continues { next: j }
            }
            _ => Ending::Complete,
        };
    }
    // "一是…；" then "二是…；": list items end with ；, one per line.
    // "1.健全制度。完善…；" then "2.强化执法。…；": items with a run-in heading each —
    // unless the ； ends an inner item ("（一）…。一是建立清单；"), whose list is cut off.
    let last_clause = t.trim_end_matches(['；', ';']);
    // (Or after a lead-in: "重点完成三项工作：一是…；".)
    let last_clause = last_clause
        .rsplit(['。', '：', ':'])
        .next()
        .unwrap_or(last_clause);
    let inner_item = static_regex!(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]|[（(][0-9一二三四五六七八九十]+[）)])")
        .is_match(last_clause)
        && last_clause.len() < t.len();
    // An inner item's list goes on only in items of its own form ("二是…" after "…一是…；").
    let form = if inner_item {
        form_of_text(ctx.doc.format, last_clause)
    } else {
        form_of(ctx, i)
    };
    if matches!(last, '；' | ';')
        && let Some(form) = form
        && next.is_some_and(|j| form_of(ctx, j) == Some(form))
    {
        return Ending::Complete;
    }
    // "重点做到：" then "人员配备到位；", "经费保障到位；": short items without markers,
    // one more after this one (the last must end the sentence).
    let next_item = next.is_some_and(|j| unmarked_item(ctx, j, &['；', ';', '。']));
    if matches!(last, '；' | ';') && next_item && in_unmarked_list(ctx, i) {
        return Ending::Complete;
    }
    // A Word paragraph's soft line breaks (Markdown's are `markdown_wrap`'s, decided before
    // the line is judged as prose).
    match next {
        Some(j) if ctx.doc.same_paragraph(i, j) => Ending::Wrapped {
            next: j,
            printed: ctx.doc.lines[j].origin.cell.is_none()
                && !in_title(j)
                && !starts_new_unit(ctx, j, trim_indent(ctx.doc.line(j))),
        },
        Some(j) => {
            let nt = trim_indent(ctx.doc.line(j));
            // A table's caption above its rows.
            if ctx.doc.lines[j].origin.cell.is_some() || ctx.outline.table_rows[j] || in_title(j) {
                Ending::Complete
            } else if !starts_new_unit(ctx, j, nt) || carries_on(ctx, j, nt, last) {
                Ending::Continues { next: j }
            } else if open || ctx.lexicon().ends_mid_phrase(t) {
                Ending::Unfinished
            } else {
                // Half a word before a heading: maybe a heading or a list item of its own.
                Ending::Complete
            }
        }
        // The last paragraph of the body ending in ，or ；.
        None if open => Ending::Unfinished,
        None => Ending::Complete,
    }
}
