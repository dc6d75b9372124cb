//! The outline of a report, parsed once and shared by every rule: title, 主送机关,
//! numbered headings, 落款 (issuer + 成文日期) and the reported year.

use crate::chrome::{chrome_lines, lone_page_numbers};
use crate::date::{self, DateLine};
use crate::document::Document;
use crate::furniture;
use crate::lazy_regex::{LazyRegex, static_regex};
use crate::numerals::{parse_arabic, parse_capital, parse_chinese};
use crate::profile::Profile;
use crate::sign_off;
use crate::text::{char_len, han_count, indent_len, squeeze, trim_indent};
use regex::Regex;

mod mixed_form;
use std::ops::Range;
use std::sync::OnceLock;

/// The four levels of GB/T 9704 7.3.3, the parts some reports put above them, circled
/// numbers, and Word headings with no typed number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// 第一部分
    Part,
    /// 一、
    HanComma,
    /// （一）
    HanParen,
    /// 1.
    ArabicDot,
    /// （1）
    ArabicParen,
    /// ①
    Circled,
    /// A Word heading style without a number.
    Styled,
}

impl MarkerKind {
    /// 1 = 第一部分, 2 = 一、, 3 = （一）, 4 = 1., 5 = （1）, 6 = ①.
    pub fn level(self) -> u8 {
        match self {
            MarkerKind::Part => 1,
            MarkerKind::HanComma => 2,
            MarkerKind::HanParen => 3,
            MarkerKind::ArabicDot => 4,
            MarkerKind::ArabicParen => 5,
            MarkerKind::Circled => 6,
            MarkerKind::Styled => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 0-based line index.
    pub line: usize,
    pub kind: MarkerKind,
    /// 1 = first; 0 for `Styled`.
    pub number: u32,
    /// Byte range of the marker ("（一）") in `Document::text`.
    pub marker: Range<usize>,
    /// Byte range of the heading's own words (up to 。 for a run-in heading).
    pub title: Range<usize>,
    /// Body text follows the heading in the same paragraph.
    pub run_in: bool,
    /// A run-in heading closed with 。 or ： (false when the body runs straight on).
    pub terminated: bool,
    /// The marker was rendered from Word's automatic numbering.
    pub auto: bool,
    /// The level a heading typed in another level's form stands at: a "1." numbering a
    /// part of the report stands at 一、's, a "一." numbering the items under "一、" at
    /// （一）'s.
    pub stands_at: Option<MarkerKind>,
}

impl Heading {
    /// `MarkerKind::level`, 0 = a Word heading style only.
    pub fn level(&self) -> u8 {
        self.stands_at.unwrap_or(self.kind).level()
    }

    /// A "1." numbering a part of the report.
    pub fn as_part(&self) -> bool {
        self.stands_at == Some(MarkerKind::HanComma)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// 0-based line indices.
    pub lines: Range<usize>,
    /// The lines joined, whitespace removed.
    pub text: String,
    pub span: Range<usize>,
    /// A heading's number before the title ("一、青川市…报告"), Word's or typed: the title
    /// put in a numbered heading style (GW0312). `span` starts after it.
    pub marker: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSource {
    Title,
    /// The opening paragraph's year, other than the title's, which the 成文日期 backs: the
    /// title is the part left from an older report, or names the year of writing.
    OpeningOverTitle,
    /// The year two or more parts' headings agree on, other than the title's, which the
    /// 成文日期 backs: title and opening both left from an older report.
    HeadingsOverTitle,
    Heading,
    Body,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportedYear {
    pub year: i32,
    pub source: YearSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateAt {
    pub line: usize,
    /// Where the date starts in the line's text after its indentation: 0, or after the
    /// signature when both stand on one line ("青松县卫生健康局　　2026年1月20日").
    pub offset: usize,
    /// Where the date ends in that text, when the signature follows it on its line
    /// ("2026年1月20日　青松县卫生健康局"); `None` when it runs to the line's end.
    pub end: Option<usize>,
    pub date: DateLine,
    /// Another date line just above it, under the signature: the date written twice.
    pub repeated: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Outline {
    pub title: Option<Title>,
    /// The first line of the 版记 (抄送, 印发) after the report, or the line count.
    pub imprint: usize,
    /// The first line after the 落款 that is its furniture (附注, 附件, 版记), or the line
    /// count: lines between the 落款 and it are text written after the sign-off.
    pub closing: usize,
    pub addressee: Option<usize>,
    pub headings: Vec<Heading>,
    /// Lines of the body: after the title and addressee, before the 落款.
    pub body: Range<usize>,
    /// 发文机关署名 lines, top to bottom (a joint report has several).
    pub issuers: Vec<usize>,
    pub date: Option<DateAt>,
    pub year: Option<ReportedYear>,
    /// Per line: not the report's text — portal debris around it, or Markdown markup.
    pub chrome: Vec<bool>,
    /// Per line: Markdown markup (code, comments, front matter), which is not debris.
    pub markup: Vec<bool>,
    /// Per line: a row of a table typed as text (`text_table`).
    pub table_rows: Vec<bool>,
}

/// The issuer named at the start of a title: the text before 关于, the year or 法治, when
/// it ends like the name of a body.
pub fn issuer_in_title(title: &str, suffixes: &[String]) -> Option<String> {
    let year = first_year(title).and_then(|y| title.find(&y.to_string()));
    let end = [title.find("关于"), year, title.find("法治")]
        .into_iter()
        .flatten()
        .min()?;
    let head = &title[..end];
    suffixes
        .iter()
        .any(|s| head.ends_with(s.as_str()))
        .then(|| head.to_string())
}

/// The issuers of a joint title, written apart ("中共某委员会党组 某委员会", "甲局、乙局");
/// empty for one issuer, or for two run together, which cannot be told apart.
pub fn joint_issuers(raw_title: &str, from_title: &str, suffixes: &[String]) -> Vec<String> {
    // "甲委员会、乙局2024年…": the names apart by a 顿号 as by a space.
    let bare = from_title.replace('、', "");
    let from_title = bare.as_str();
    let mut parts: Vec<String> = Vec::new();
    let mut seen = String::new();
    for part in raw_title.split(|c: char| c.is_whitespace() || c == '、') {
        if part.is_empty() || seen.len() >= from_title.len() {
            continue;
        }
        seen.push_str(part);
        let part = if seen.len() > from_title.len() {
            // The last part runs on into the rest of the title ("某委员会关于…").
            let keep = part.len() - (seen.len() - from_title.len());
            part.get(..keep).unwrap_or(part)
        } else {
            part
        };
        parts.push(part.to_string());
    }
    let all_bodies = parts.len() >= 2
        && parts.concat() == from_title
        && parts
            .iter()
            .all(|p| suffixes.iter().any(|s| p.ends_with(s.as_str())));
    if all_bodies { parts } else { Vec::new() }
}

/// Markdown's own lines of symbols: a table's header separator ("| --- | :---: |") or a
/// thematic break ("---", "***", "___").
fn is_markdown_rule(line: &str) -> bool {
    let t = line.trim();
    let separator = t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    let chars: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    let thematic = chars.len() >= 3
        && matches!(chars[0], '-' | '*' | '_')
        && chars.iter().all(|&c| c == chars[0]);
    separator || thematic
}

/// How far from each end the title and 落款 are looked for.
const FRONT_WINDOW: usize = 60;
const TAIL_WINDOW: usize = 12;
const MAX_TITLE_LINES: usize = 3;
/// Blank lines a title may have between its lines.
const MAX_TITLE_GAP: usize = 2;
const MAX_TITLE_CHARS: usize = 60;
const MAX_SHORT_LINE: usize = 40;
const MAX_ISSUER_LINES: usize = 3;

impl Outline {
    /// `line` is the title again: a print copy's running header.
    pub fn repeats_title(&self, line: &str) -> bool {
        self.title.as_ref().is_some_and(|t| squeeze(line) == t.text)
    }

    pub fn parse(doc: &Document, profile: &Profile) -> Outline {
        // The report's own layout ends where the footnotes begin.
        let n = doc.notes_start();
        let markdown = doc.format == crate::document::Format::Markdown;
        let markup = crate::markdown::markup_lines(doc);
        let lines: Vec<&str> = (0..doc.line_count()).map(|i| doc.line(i)).collect();
        let mut chrome: Vec<bool> = chrome_lines(&lines)
            .into_iter()
            .enumerate()
            .map(|(i, c)| markup[i] || (c && !(markdown && is_markdown_rule(doc.line(i)))))
            .collect();
        for i in lone_page_numbers(&lines, &|i| doc.lines[i].origin.cell.is_some()) {
            chrome[i] = true;
        }
        let meaningful = |i: usize| i < n && !chrome[i] && !trim_indent(doc.line(i)).is_empty();
        let (title, addressee, front_end) =
            parse_front(doc, 0, &meaningful, &profile.title.doctype, MAX_COVERS);
        // A print copy's running header: the title again, alone on a line, past the front.
        // (A title that names no kind of document may be the issuer's name, signed again.)
        if let Some(t) = title
            .as_ref()
            .filter(|t| profile.title.doctype.is_match(&t.text))
        {
            // (Squeezed only when near its length: spaces make a line longer, never shorter.)
            for (i, c) in chrome.iter_mut().enumerate().skip(front_end) {
                let line = trim_indent(doc.line(i));
                let near = (t.text.len()..=t.text.len() * 2).contains(&line.len());
                *c = *c || near && squeeze(line) == t.text;
            }
        }
        let meaningful = |i: usize| i < n && !chrome[i] && !trim_indent(doc.line(i)).is_empty();
        let after_front: Vec<usize> = (front_end..n).filter(|&i| meaningful(i)).collect();
        let suffixes = &profile.issuer_suffixes;
        let closing = furniture::closing(doc, &after_front, n, &|l| is_issuer(l, suffixes));
        let (issuers, date, tail_start) =
            parse_tail(doc, &meaningful, front_end..closing.start, suffixes);
        let body = front_end..tail_start.max(front_end);
        let attachment_items = furniture::attachment_items(doc, &after_front);
        let data_tables = data_tables(doc);
        let mut headings = body
            .clone()
            .filter(|&i| !chrome[i] && attachment_items.binary_search(&i).is_err())
            // "一、税收收入" labelling a row of a table is no part of the report.
            .filter(|&i| {
                doc.lines[i]
                    .origin
                    .cell
                    .is_none_or(|c| data_tables.binary_search(&c.table).is_err())
            })
            .filter_map(|i| parse_heading(doc, i))
            .collect::<Vec<_>>();
        mark_parts_numbered_as_items(doc, &mut headings, profile);
        mark_items_numbered_as_parts(doc, &mut headings);
        mixed_form::mark(&mut headings);
        mixed_form::mark_parts(doc, &mut headings, profile);
        mixed_form::mark_items_as_parts(doc, &mut headings, profile);
        // The lines the outline has placed are not table rows, however short.
        // Tables are read in the body and in the attachments after the 落款.
        let tabular = |i: usize| body.contains(&i) || (closing.start..closing.imprint).contains(&i);
        let table_rows = crate::text_table::rows(doc, |i| {
            chrome[i] || !tabular(i) || headings.binary_search_by_key(&i, |h| h.line).is_ok()
        });
        let mut outline = Outline {
            imprint: closing.imprint,
            closing: closing.start,
            title,
            addressee,
            headings,
            body,
            issuers,
            date,
            year: None,
            chrome,
            markup,
            table_rows,
        };
        outline.year = reported_year(doc, &outline, profile);
        outline
    }

    /// The year the body's first paragraph opens with ("2025年，我委…", "2025年是…") or
    /// reports on ("…现将2025年度法治政府建设情况报告如下"), its line, and the year's
    /// four digits in the document text.
    pub fn opening_year(&self, doc: &Document) -> Option<(i32, usize, Range<usize>)> {
        let i = self.body.clone().find(|&i| self.has_text(doc, i))?;
        if self.heading_at(i).is_some() {
            return None;
        }
        let span = content_span(doc, i);
        let text = &doc.text[span.clone()];
        let digits = opening_year_regex()
            .captures(text)
            .or_else(|| reporting_year_regex().captures(text))?
            .get(1)?;
        let at = span.start + digits.start()..span.start + digits.end();
        Some((digits.as_str().parse().ok()?, i, at))
    }

    /// The smallest heading level in use (1 when the report has 一、 parts).
    pub fn top_level(&self) -> Option<u8> {
        self.headings
            .iter()
            .map(|h| h.level())
            .filter(|&l| l > 0)
            .min()
    }

    /// The heading on line `i` (headings are in line order, at most one per line).
    pub fn heading_at(&self, i: usize) -> Option<&Heading> {
        let k = self.headings.binary_search_by_key(&i, |h| h.line).ok()?;
        Some(&self.headings[k])
    }

    /// The heading line `i` comes under: on it or the nearest above.
    pub fn heading_over(&self, i: usize) -> Option<&Heading> {
        let k = self.headings.partition_point(|h| h.line <= i);
        k.checked_sub(1).map(|k| &self.headings[k])
    }

    /// Line `i` holds text of the report: not blank, not page furniture.
    pub fn has_text(&self, doc: &Document, i: usize) -> bool {
        !self.chrome[i] && !trim_indent(doc.line(i)).is_empty()
    }

    /// The first body line that has text, for findings about something absent.
    pub fn first_body_line(&self, doc: &Document) -> usize {
        self.body
            .clone()
            .find(|&i| self.has_text(doc, i))
            .unwrap_or(self.body.start.min(doc.line_count().saturating_sub(1)))
    }

    /// The last body line that has text.
    pub fn last_body_line(&self, doc: &Document) -> usize {
        self.body
            .clone()
            .rev()
            .find(|&i| self.has_text(doc, i))
            .unwrap_or_else(|| self.first_body_line(doc))
    }
}

/// The byte span of a line's text without its indentation.
pub fn content_span(doc: &Document, i: usize) -> Range<usize> {
    let l = &doc.lines[i];
    let s = doc.line(i);
    let start = l.start + indent_len(s);
    let end = (l.start + s.trim_end_matches(crate::text::is_indent).len()).max(start);
    start..end
}

/// Cover pages looked past before the title: a report has one at most; a file of thousands
/// of title-like lines must not be read as thousands of covers, one call deeper each.
const MAX_COVERS: usize = 2;

fn parse_front(
    doc: &Document,
    start: usize,
    meaningful: &dyn Fn(usize) -> bool,
    doctype: &LazyRegex,
    covers: usize,
) -> (Option<Title>, Option<usize>, usize) {
    let n = doc.line_count();
    let mut i = start;
    // The 版头 ("××文件", 发文字号, 签发人) comes before the title.
    let front = n.min(start + FRONT_WINDOW);
    let masthead = |k: usize| furniture::is_masthead(doc.line(k));
    // "附件1" over the title: a report sent as the attachment of a letter (GB/T 9704
    // 7.3.7: the attachment's label heads its first page).
    let label = |k: usize| furniture::is_attachment_heading(trim_indent(doc.line(k)));
    // "2025年01月20日" over the title: a page's publication date, not the title.
    let dated_above_title = |k: usize| {
        date::parse_line(doc.line(k)).is_some()
            && (k + 1..front)
                .find(|&j| meaningful(j))
                .is_some_and(|j| is_title_like(doc.line(j)))
    };
    loop {
        while i < front && (!meaningful(i) || masthead(i) || label(i) || dated_above_title(i)) {
            i += 1;
        }
        // "青川市卫生健康委员会" above "青卫〔2026〕3号": the 发文机关标志 written without
        // "文件" (GB/T 9704 7.2.2) is the 版头's too.
        let next = (i + 1..front).find(|&k| meaningful(k));
        if i < front && next.is_some_and(masthead) {
            i += 1;
            continue;
        }
        break;
    }
    if i >= front {
        return (None, None, 0);
    }
    if let Some(k) = addressee_at(doc, i) {
        return (None, Some(k), k + 1);
    }
    // "一、青川市…报告": a title numbered as a part, followed by the 主送机关.
    let numbered = numbered_title(doc, i, doctype).filter(|_| {
        (i + 1..n.min(i + 2 + MAX_TITLE_GAP))
            .find(|&j| meaningful(j))
            .is_some_and(|j| addressee_at(doc, j).is_some())
    });
    if !is_title_like(doc.line(i)) && numbered.is_none() {
        return (None, None, i);
    }
    let first = i;
    let mut last = i;
    let mut lines = 1;
    let addressee_after = |k: usize| {
        (k + 1..n.min(k + 1 + MAX_TITLE_GAP + 1))
            .find(|&j| meaningful(j))
            .is_some_and(|j| addressee_at(doc, j).is_some())
    };
    loop {
        // A title without its 文种 yet goes on, across blank lines too: Word documents often
        // have an empty paragraph between every two.
        let named = doctype.is_match(&(first..=last).map(|k| doc.line(k)).collect::<String>());
        let next = if named {
            Some(last + 1).filter(|&k| k < n && meaningful(k))
        } else {
            (last + 1..n.min(last + 1 + MAX_TITLE_GAP + 1)).find(|&k| meaningful(k))
        };
        // After a whole title, a line naming bodies is the 主送机关 without its colon; not
        // when the 主送机关 follows it: then it is the issuer, stacked under the title.
        let bare_addressee =
            |k: usize| named && is_bare_addressee(doc.line(k)) && !addressee_after(k);
        match next {
            Some(k)
                if lines < MAX_TITLE_LINES
                    && is_title_like(doc.line(k))
                    && !is_addressee(doc.line(k))
                    && !bare_addressee(k) =>
            {
                last = k;
                lines += 1;
            }
            _ => break,
        }
    }
    let text: String = (first..=last)
        .map(|k| squeeze(crate::markdown::plain_line(doc, doc.line(k))))
        .collect();
    let mut span = content_span(doc, first).start..content_span(doc, last).end;
    let mut text = text;
    if let Some(len) = numbered {
        let marker = &doc.text[span.start..span.start + len];
        text = text[squeeze(marker).len()..].to_string();
        span.start += len;
    }
    let title = Title {
        lines: first..last + 1,
        text,
        marker: numbered.map(|len| span.start - len..span.start),
        span,
    };
    if covers > 0
        && let Some(k) = title_after_cover(doc, meaningful, last + 1, &title.text)
    {
        let after_cover = parse_front(doc, k, meaningful, doctype, covers - 1);
        if after_cover.0.is_some() {
            return after_cover;
        }
    }
    let mut j = last + 1;
    // "（2025年1月10日）" under the title, as published versions have it, comes before the
    // 主送机关.
    let dated = |j: usize| {
        let t = trim_indent(doc.line(j));
        t.starts_with(['（', '(']) && date::parse_line(t).is_some()
    };
    while j < n.min(last + 1 + FRONT_WINDOW) && (!meaningful(j) || dated(j)) {
        j += 1;
    }
    // A bare line of bodies under a whole title, unless it is the title's own issuer
    // ("青禾市卫生健康委员会" repeated under it).
    let bare = |j: usize| {
        let line = squeeze(trim_indent(doc.line(j)));
        doctype.is_match(&title.text)
            && is_bare_addressee(doc.line(j))
            && !addressee_after(j)
            && !title
                .text
                .contains(line.trim_end_matches(['，', ',', '；', ';', '。']))
    };
    if let Some(k) = (j < n).then(|| addressee_at(doc, j)).flatten() {
        return (Some(title), Some(k), k + 1);
    }
    if j < n && bare(j) {
        return (Some(title), Some(j), j + 1);
    }
    (Some(title), None, last + 1)
}

/// The line that ends the 主送机关 starting at line `i`: `i` itself, or the next line when
/// a long list of bodies wraps ("中共…委员会办公室、" then "某市司法局：").
fn addressee_at(doc: &Document, i: usize) -> Option<usize> {
    if is_addressee(doc.line(i)) {
        return Some(i);
    }
    let t = trim_indent(doc.line(i));
    let k = i + 1;
    (t.ends_with(['、', '，', ',']) && k < doc.line_count())
        .then(|| format!("{t}{}", trim_indent(doc.line(k))))
        .is_some_and(|joined| is_addressee(&joined))
        .then_some(k)
}

/// Cover lines a cover page may have under its title: the issuer, the date.
const MAX_COVER_LINES: usize = 4;

/// Where the title starts again after a cover page: a cover has the title (often in other
/// line breaks) over the issuer or the date, and the report begins on the next page with
/// the title again. A title written twice in a row is no cover.
fn title_after_cover(
    doc: &Document,
    meaningful: &dyn Fn(usize) -> bool,
    from: usize,
    title: &str,
) -> Option<usize> {
    // Counted in lines with text: a cover page may be padded with empty paragraphs.
    let mut next = (from..doc.line_count()).filter(|&k| meaningful(k));
    for cover_lines in 0..=MAX_COVER_LINES {
        let k = next.clone().next()?;
        let mut text = String::new();
        // A portal's headline, its publishing line, then the report's own title.
        let debris_between =
            (from..k).any(|j| !meaningful(j) && !trim_indent(doc.line(j)).is_empty());
        for j in next.clone().take(MAX_TITLE_LINES) {
            text.push_str(&squeeze(trim_indent(doc.line(j))));
            if text == title && (cover_lines > 0 || debris_between) {
                return Some(k);
            }
            if !title.starts_with(text.as_str()) {
                break;
            }
        }
        let line = trim_indent(doc.line(k));
        if !is_title_like(line) && date::parse_line(line).is_none() {
            return None;
        }
        next.next();
    }
    None
}

/// A short line that could be (part of) a title: no sentence punctuation, no marker.
/// The length of the heading number line `i` starts with after its indentation (with the
/// spaces after it), when the rest is a whole title.
fn numbered_title(doc: &Document, i: usize, doctype: &LazyRegex) -> Option<usize> {
    let t = trim_indent(doc.line(i));
    let (_, _, len) = parse_marker(t)?;
    let rest = &t[len..];
    (is_title_like(rest) && doctype.is_match(rest) && first_year(rest).is_some())
        .then_some(len + indent_len(rest))
}

fn is_title_like(line: &str) -> bool {
    let t = trim_indent(line);
    char_len(t) <= MAX_TITLE_CHARS
        && han_count(t) >= 2
        && !t.contains(['。', '，', '；', '！', '？'])
        && !t.ends_with(['：', ':'])
        && parse_marker(t).is_none()
        && date::parse_line(t).is_none()
}

/// The colons a 主送机关 may end with: the full-width one, and the ASCII and look-alike
/// ones (∶ U+2236, ﹕ U+FE55) an input method or a PDF leaves, which GW0511 corrects.
pub const ADDRESSEE_COLONS: [char; 4] = ['：', ':', '∶', '﹕'];

/// 主送机关: "市委、市政府：" — short, ends with a colon, names bodies, introduces nothing.
fn is_addressee(line: &str) -> bool {
    let t = trim_indent(line);
    t.strip_suffix(ADDRESSEE_COLONS)
        .is_some_and(names_recipients)
}

/// A 主送机关 that lost its colon ("市委、市政府", "市委、市政府，"), right after a whole
/// title: GW0511 asks for the colon.
fn is_bare_addressee(line: &str) -> bool {
    let t = trim_indent(line).trim_end_matches(['，', ',', '；', ';', '。']);
    // Without the colon, each name must end like a body ("市委、市政府"), not merely hold
    // one of its characters ("查处案件97件").
    !t.ends_with(ADDRESSEE_COLONS)
        && !t.contains(|c: char| c.is_ascii_digit() || c == '《')
        && t.split(['，', ',', '、'])
            .all(|name| RECIPIENT_BODIES.iter().any(|b| name.ends_with(b)))
        && names_recipients(t)
}

/// "市委、市政府，省卫生健康委员会": bodies only, in groups.
fn names_recipients(head: &str) -> bool {
    // "市委、市政府，省卫生健康委员会：": 、 within a group of recipients, ， between groups.
    char_len(head) <= MAX_SHORT_LINE
        && han_count(head) >= 2
        && !head.contains(['。', '：', ':'])
        && !["如下", "报告", "情况", "内容"]
            .iter()
            .any(|w| head.contains(w))
        && parse_marker(head).is_none()
        && head
            .split(['，', ','])
            .all(|group| RECIPIENT_BODIES.iter().any(|w| group.contains(w)))
}

/// What the name of a body a report goes to holds (市委, 县政府, 卫生健康局, 办公室 …).
const RECIPIENT_BODIES: [&str; 12] = [
    "委", "政府", "局", "厅", "部", "办", "院", "会", "室", "中心", "组", "处",
];

fn parse_tail(
    doc: &Document,
    meaningful: &dyn Fn(usize) -> bool,
    within: Range<usize>,
    suffixes: &[String],
) -> (Vec<usize>, Option<DateAt>, usize) {
    let n = within.end;
    // The last few meaningful lines, newest first.
    // A bare "2025-1-20" looks like a portal's date header, but at the end it is a 成文日期.
    // A seal placeholder on its own line ("（盖章）") stands between signature and date.
    let lines: Vec<usize> = within
        .rev()
        .filter(|&i| meaningful(i) || date::parse_line(doc.line(i)).is_some())
        .filter(|&i| !sign_off::is_seal_line(doc.line(i)))
        // A 版记 (抄送, 印发) above or inside the 落款 is misplaced (GW0213), not the body's end
        // nor a 署名.
        .filter(|&i| !furniture::is_copy_to(doc.line(i)))
        .filter(|&i| {
            let l = doc.line(i);
            !furniture::is_print_line(l) || date::parse_line(l).is_some()
        })
        .take(3 + MAX_ISSUER_LINES)
        .collect();
    let Some(&last) = lines.first() else {
        return (Vec::new(), None, n);
    };
    let date_at = |k: usize| {
        let i = lines[k];
        let signed = || is_issuer(doc.line(i), suffixes);
        date::parse_line(doc.line(i))
            .map(|d| (0, None, d))
            .or_else(|| {
                sign_off::split_trailing_date(doc.line(i))
                    .filter(|_| signed())
                    .map(|(_, at, d)| (at, None, d))
            })
            .or_else(|| {
                sign_off::split_leading_date(doc.line(i))
                    .filter(|_| signed())
                    .map(|(d, end, _)| (0, Some(end), d))
            })
            // "2026年" or "1月15日" under the signature: a date cut short, not the end of the body.
            .or_else(|| {
                date::parse_cut_short(doc.line(i))
                    .filter(|_| {
                        lines
                            .get(k + 1)
                            .is_some_and(|&a| is_issuer(doc.line(a), suffixes))
                    })
                    .map(|d| (0, None, d))
            })
    };
    // A heading after the date ("四、2025年工作安排"): the report goes on past it.
    let date_pos = (0..lines.len().min(3))
        .take_while(|&k| parse_marker(doc.line(lines[k])).is_none())
        .find(|&k| date_at(k).is_some());
    let Some(k) = date_pos else {
        // No date: the issuer alone may still close the report.
        if n - last <= TAIL_WINDOW && is_issuer(doc.line(last), suffixes) && lines.len() > 1 {
            return (vec![last], None, last);
        }
        return (Vec::new(), None, last + 1);
    };
    let date_line = lines[k];
    let Some((offset, end, parsed)) = date_at(k) else {
        return (Vec::new(), None, last + 1);
    };
    // The date again without its year ("2026年1月15日" / "1月15日"), on either side.
    let month_day = (parsed.month, parsed.day);
    let short_copy = |i: usize| {
        date::parse_cut_short(doc.line(i)).is_some_and(|d| (d.month, d.day) == month_day)
    };
    // "2026年1月15日" twice (or two dates): the signature stands above both.
    let alone = offset == 0 && end.is_none();
    let copy_above = lines
        .get(k + 1)
        .filter(|&&i| alone && (date::parse_line(doc.line(i)).is_some() || short_copy(i)))
        .copied();
    let copy_below = (alone && k == 1 && short_copy(lines[0])).then_some(lines[0]);
    let repeated = copy_above.or(copy_below);
    let date = DateAt {
        line: date_line,
        offset,
        end,
        date: parsed,
        repeated,
    };
    // The signature on the date's own line, then any just above it (a joint report's).
    let same_line = usize::from(offset > 0 || end.is_some());
    let above = (k + 1 - same_line + usize::from(copy_above.is_some())).min(lines.len());
    // Usually the issuers are just above the date; sometimes (wrongly) one is below it.
    // A stray 。 after the name next to the date is a slip; above it, 。 ends the body's
    // last sentence ("…推动更多事项一网通办。").
    let mut issuers: Vec<usize> = lines[above..]
        .iter()
        .copied()
        .enumerate()
        .take_while(|&(j, i)| {
            is_issuer(doc.line(i), suffixes) && (j == 0 || !doc.line(i).trim_end().ends_with('。'))
        })
        .map(|(_, i)| i)
        .take(MAX_ISSUER_LINES)
        .collect();
    // "甲局 / 2026年1月22日 / 乙局 / 2026年1月22日": a joint report dated under each body.
    let next = above + issuers.len();
    let same_date = |i: usize| {
        trim_indent(doc.line(i)).trim() == trim_indent(doc.line(date_line)).trim() || short_copy(i)
    };
    if repeated.is_none()
        && !issuers.is_empty()
        && lines.get(next).is_some_and(|&i| same_date(i))
        && lines
            .get(next + 1)
            .is_some_and(|&i| is_issuer(doc.line(i), suffixes))
    {
        issuers.push(lines[next + 1]);
    }
    issuers.reverse();
    // Below the date: every line after it, when each is a signature (a joint report's).
    if issuers.is_empty() && k > 0 && lines[..k].iter().all(|&b| is_issuer(doc.line(b), suffixes)) {
        issuers.extend(lines[..k].iter().rev());
    }
    let start = [issuers.first().copied(), repeated, Some(date_line)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(date_line);
    (issuers, Some(date), start)
}

/// 发文机关署名: a short line naming a body, without sentence punctuation.
pub fn is_issuer(line: &str, suffixes: &[String]) -> bool {
    sign_off::is_issuer(line, suffixes, |t| parse_marker(t).is_some())
}

struct MarkerPatterns {
    han_comma: Regex,
    han_paren: Regex,
    arabic_dot: Regex,
    arabic_paren: Regex,
    artefact: Regex,
}

fn marker_patterns() -> &'static MarkerPatterns {
    static P: OnceLock<MarkerPatterns> = OnceLock::new();
    P.get_or_init(|| MarkerPatterns {
        // "二　存在的不足": a space typed for the 、, before a heading's first two characters
        // (not a word spaced out, "一 是 加 强").
        han_comma: Regex::new(
            r"^([一二三四五六七八九十]{1,3}|[壹贰貳叁參肆伍陆陸柒捌玖拾]{1,3})(?:\s*[、，,．.]|([\u{3000} ]+)\p{Han}{2})",
        )
        .unwrap(),
        han_paren: Regex::new(
            r"^[（(]\s*([一二三四五六七八九十]{1,3}|[壹贰貳叁參肆伍陆陸柒捌玖拾]{1,3})\s*[）)]",
        )
        .unwrap(),
        arabic_dot: Regex::new(r"^([0-9０-９]{1,2})\s*[.．、，]").unwrap(),
        arabic_paren: Regex::new(r"^[（(]\s*([0-9０-９]{1,2})\s*[）)]").unwrap(),
        artefact: Regex::new(r"^\[bookmark:[^\]]*\]").unwrap(),
    })
}

/// Bytes of a line's indentation and item number ("　　1.", "（二）"); 0 when it has none.
pub fn item_number_end(line: &str) -> usize {
    let indent = crate::text::indent_len(line);
    parse_marker(&line[indent..]).map_or(0, |(_, _, len)| indent + len)
}

/// The marker at the start of `t`: kind, number and byte length.
pub fn parse_marker(t: &str) -> Option<(MarkerKind, u32, usize)> {
    // Every marker starts with one of these; most lines start otherwise.
    let first = t.chars().next()?;
    if !matches!(
        first,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            | '壹' | '贰' | '貳' | '叁' | '參' | '肆' | '伍' | '陆' | '陸' | '柒' | '捌' | '玖' | '拾'
            | '（' | '(' | '0'..='9' | '０'..='９' | '①'..='⑳' | '第'
            | '㈠'..='㈩' | '⑴'..='⒛'
    ) {
        return None;
    }
    if let Some(m) = enclosed_marker(first) {
        return Some(m);
    }
    let p = marker_patterns();
    let try_one = |re: &Regex, kind: MarkerKind, number: fn(&str) -> Option<u32>| {
        let c = re.captures(t)?;
        // A second group ends the marker before what the pattern looked ahead at.
        let len = c.get(2).map_or(c[0].len(), |m| m.end());
        Some((kind, number(&c[1])?, len))
    };
    if first == '第' {
        return part_marker(t);
    }
    let han = |s: &str| parse_chinese(s).or_else(|| parse_capital(s));
    if let Some(m) = try_one(&p.han_comma, MarkerKind::HanComma, han)
        .filter(|&(_, n, len)| !is_numeral_pair(n, &t[len..]))
        .or_else(|| try_one(&p.han_paren, MarkerKind::HanParen, han))
        .or_else(|| try_one(&p.arabic_paren, MarkerKind::ArabicParen, parse_arabic))
    {
        // "（一）至（三）项任务": items named, not a heading.
        if m.0 != MarkerKind::HanComma && names_items(&t[m.2..]) {
            return None;
        }
        return Some(m);
    }
    if let Some((kind, n, len)) = try_one(&p.arabic_dot, MarkerKind::ArabicDot, parse_arabic) {
        // "1.2万人次" is a decimal, not a marker; "1.2024年工作" is a marker and a year.
        let next = t[len..].chars().next();
        if !next.is_some_and(crate::text::is_digit) || names_a_year(&t[len..]) {
            return Some((kind, n, len));
        }
        return None;
    }
    let c = t.chars().next()?;
    if ('①'..='⑳').contains(&c) {
        return Some((MarkerKind::Circled, c as u32 - '①' as u32 + 1, c.len_utf8()));
    }
    None
}

/// "1.1", "1.2.3": a Word number drawn in the multilevel (legal) style, each level's number
/// after its parent's. The report's levels go 一、 then （一） then 1.: the second number
/// stands at （一）'s, the third at 1.'s. Only a label Word wrote is read so; typed, "1.1"
/// is a figure.
fn multilevel_label(label: &str) -> Option<(MarkerKind, u32, usize)> {
    let c = static_regex!(r"^[0-9]{1,2}((?:[.．][0-9]{1,2})+)[.．、]?$").captures(label)?;
    let numbers: Vec<&str> = c[1].split(['.', '．']).filter(|s| !s.is_empty()).collect();
    let kind = match numbers.len() {
        1 => MarkerKind::HanParen,
        2 => MarkerKind::ArabicDot,
        _ => MarkerKind::ArabicParen,
    };
    Some((kind, parse_arabic(numbers.last()?)?, label.len()))
}

/// "㈠", "⑴", "⒈": a bracketed or dotted number as one character, which converters and
/// some fonts' input methods produce; read as the marker it stands for.
pub fn enclosed_marker(c: char) -> Option<(MarkerKind, u32, usize)> {
    let (kind, first) = match c {
        '㈠'..='㈩' => (MarkerKind::HanParen, '㈠'),
        '⑴'..='⒇' => (MarkerKind::ArabicParen, '⑴'),
        '⒈'..='⒛' => (MarkerKind::ArabicDot, '⒈'),
        _ => return None,
    };
    Some((kind, c as u32 - first as u32 + 1, c.len_utf8()))
}

/// "第一部分　": the parts of a report, a level above 一、, with the marks or spaces after
/// the number; not a line that is nothing else.
fn part_marker(t: &str) -> Option<(MarkerKind, u32, usize)> {
    let rest = t.strip_prefix('第')?;
    let after = rest.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    let numeral = &rest[..rest.len() - after.len()];
    if numeral.chars().count() > 3 {
        return None;
    }
    let n = parse_chinese(numeral)?;
    let after = after.strip_prefix("部分")?;
    let title = after.trim_start_matches(|c: char| c.is_whitespace() || "、：:．.".contains(c));
    // "第一部分为总则，…": a sentence, not a number; the number is set off from its title,
    // or run into a title on a line of its own ("第二部分存在的不足和原因").
    let set_off = title.len() < after.len();
    let run_in_title = char_len(title) <= MAX_RUN_IN_PART_TITLE_CHARS
        && !title.contains(['。', '，', '；', ',', ';'])
        && !title.starts_with(['为', '是', '的']);
    (!title.is_empty() && (set_off || run_in_title)).then_some((
        MarkerKind::Part,
        n,
        t.len() - title.len(),
    ))
}

/// Longest title read as a part's, run into its number.
const MAX_RUN_IN_PART_TITLE_CHARS: usize = 30;

/// Longest line read as a bare part number ("第十二部分：" and some spaces).
const MAX_BARE_PART_BYTES: usize = 48;

/// "第一部分" alone on its line and its title on the next: one heading of the part, whose
/// title is that next line.
fn part_over_its_title(doc: &Document, i: usize, at: usize) -> Option<Heading> {
    let raw = &doc.text[at..doc.lines[i].end];
    // Most lines: not a bare "第三部分".
    if !raw.starts_with('第') || raw.len() > MAX_BARE_PART_BYTES {
        return None;
    }
    let marker = squeeze(raw);
    let numeral = marker
        .strip_suffix('：')
        .unwrap_or(&marker)
        .strip_prefix('第')?
        .strip_suffix("部分")?;
    if numeral.chars().count() > 3 || numeral.is_empty() {
        return None;
    }
    let number = parse_chinese(numeral)?;
    let next = (i + 1..doc.line_count().min(i + 1 + MAX_TITLE_GAP + 1))
        .find(|&k| !trim_indent(doc.line(k)).is_empty())?;
    let title = content_span(doc, next);
    let words = &doc.text[title.clone()];
    let stands_alone = char_len(words) <= MAX_TITLE_CHARS
        && !words.ends_with(['。', '；', '，', '：', ':'])
        && parse_marker(words).is_none();
    stands_alone.then(|| Heading {
        line: i,
        kind: MarkerKind::Part,
        number,
        marker: at..doc.lines[i].end,
        title,
        run_in: false,
        terminated: false,
        auto: false,
        stands_at: None,
    })
}

/// "2024年…", "2250年…": four digits and 年, a year (a typo's too), never a decimal's digits.
fn names_a_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7
        && (b'1'..=b'9').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && s[4..].starts_with('年')
}

/// "二、三级公立医院", "五、六月间": after "N、" the next numeral and a level or time word, so the 、 joins two
/// numerals ("二、三级" is 二级 and 三级) and no heading starts here. "三、三级医院评审"
/// is a heading: the numeral after it is not the next one.
/// After a bracketed number, a link to another: "至（三）", "、（二）", "和(2)".
fn names_items(after: &str) -> bool {
    let rest = after.trim_start_matches(['至', '到', '、', '和', '与', '及', '—', '-', '～']);
    rest.len() < after.len() && rest.starts_with(['（', '('])
}

fn is_numeral_pair(n: u32, after: &str) -> bool {
    let mut chars = after.chars();
    let (Some(next), Some(level)) = (chars.next(), chars.next()) else {
        return false;
    };
    parse_chinese(next.encode_utf8(&mut [0; 4])) == Some(n + 1)
        && "级类等档期批线层次星月季届轮周".contains(level)
}

/// "一、…", then "一.健全机制" "二.规范执法", then "二、…": a run from 一 in the parts'
/// form with another mark, between two parts in turn, numbers the first part's items;
/// they stand at （一）'s level.
fn mark_items_numbered_as_parts(doc: &Document, headings: &mut [Heading]) {
    let mark = |h: &Heading| doc.text[h.marker.clone()].trim_end().chars().next_back();
    let han: Vec<usize> = (0..headings.len())
        .filter(|&k| headings[k].kind == MarkerKind::HanComma)
        .collect();
    let mut k = 0;
    while k < han.len() {
        let part = &headings[han[k]];
        let run_end = (k + 1..han.len())
            .find(|&j| mark(&headings[han[j]]) == Some('、'))
            .unwrap_or(han.len());
        let run = &han[k + 1..run_end];
        let in_turn = run.iter().enumerate().all(|(i, &r)| {
            headings[r].number as usize == i + 1 && mark(&headings[r]) != Some('、')
        });
        let next_part_follows = han
            .get(run_end)
            .is_none_or(|&n| headings[n].number == part.number + 1);
        // With "（一）" items of their own, they are the parts' level after all.
        let last = han.get(run_end).copied().unwrap_or(headings.len());
        let own_items = headings[han[k]..last]
            .iter()
            .any(|h| h.kind == MarkerKind::HanParen);
        if mark(part) == Some('、') && !run.is_empty() && in_turn && next_part_follows && !own_items
        {
            for &r in run {
                headings[r].stands_at = Some(MarkerKind::HanParen);
            }
        }
        k = run_end.max(k + 1);
    }
}

/// "1.2024年推进…主要举措和成效" … "4.2025年…主要安排": the parts of a report without any
/// "一、" numbered "1.". Only when that is sure: two different parts so numbered, "1." the
/// first of them, the numbers running on without a gap, and no "（一）" above them.
fn mark_parts_numbered_as_items(doc: &Document, headings: &mut [Heading], profile: &Profile) {
    if headings
        .iter()
        .any(|h| matches!(h.kind, MarkerKind::HanComma | MarkerKind::Part))
    {
        return;
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        if h.kind != MarkerKind::ArabicDot {
            continue;
        }
        let title = squeeze(&doc.text[h.title.clone()]);
        if let Some(p) = profile
            .parts
            .iter()
            .position(|p| p.heading.is_match(&title))
        {
            parts.push((k, p));
        }
    }
    let Some(&(first, _)) = parts.first() else {
        return;
    };
    let mut named: Vec<usize> = parts.iter().map(|&(_, p)| p).collect();
    named.sort_unstable();
    named.dedup();
    let numbered_in_turn = parts
        .iter()
        .enumerate()
        .all(|(i, &(k, _))| headings[k].number as usize == i + 1);
    if named.len() < 2 {
        return;
    }
    // "1.强化组织领导", "2.推进严格执法", then "3.存在的不足": parts named by their theme
    // before the named ones, when every "1." heading is one run 1, 2, 3 …, each from the
    // first named one on is named, and no part is headed without a number above them
    // (then they are its items, some of which merely read like parts).
    let dotted: Vec<usize> = (0..headings.len())
        .filter(|&k| headings[k].kind == MarkerKind::ArabicDot)
        .collect();
    let named_from_first = dotted
        .iter()
        .skip_while(|&&k| k != first)
        .eq(parts.iter().map(|(k, _)| k));
    let part_headed_above = |line: usize| {
        (0..line).any(|i| {
            let t = squeeze(trim_indent(doc.line(i)));
            !t.contains(['。', '，', '；']) && profile.parts_named(&t).next().is_some()
        })
    };
    let one_run = named_from_first
        && dotted
            .iter()
            .enumerate()
            .all(|(i, &k)| headings[k].number as usize == i + 1)
        && !part_headed_above(headings[dotted[0]].line);
    // No "（一）" above the first of them, which they would be items of.
    let under_another = |first: usize| {
        headings[..first]
            .iter()
            .any(|h| h.kind == MarkerKind::HanParen)
    };
    let as_parts: Vec<usize> = if numbered_in_turn && !under_another(first) {
        parts.iter().map(|&(k, _)| k).collect()
    } else if one_run && !under_another(dotted[0]) {
        dotted
    } else {
        return;
    };
    for k in as_parts {
        headings[k].stands_at = Some(MarkerKind::HanComma);
    }
}

/// A label, then only figures, each after a run of spaces wider than one ("医疗卫生   186
/// 152.36"), as a table's row: how many figures; 0 when the text is not so shaped.
fn spaced_figures(after: &str) -> usize {
    let cells: Vec<&str> = static_regex!(r"(?: {2,}|\u{3000}+)[ \u{3000}]*")
        .split(after.trim_end())
        .collect();
    let figure = static_regex!(r"^[0-9０-９][0-9０-９,.．]*[%％]?$");
    let shaped = cells.len() >= 2
        && !cells[0].trim().is_empty()
        && cells[1..].iter().all(|c| figure.is_match(c.trim()));
    if shaped { cells.len() - 1 } else { 0 }
}

/// The Word tables with more than one column; a one-column table only lays text out.
fn data_tables(doc: &Document) -> Vec<u32> {
    let mut tables: Vec<u32> = doc
        .lines
        .iter()
        .filter_map(|l| l.origin.cell.filter(|c| c.col > 1).map(|c| c.table))
        .collect();
    tables.sort_unstable();
    tables.dedup();
    tables
}

/// The last line with text before line `i` ends a sentence or is a heading of its own (or
/// there is none).
fn after_a_sentence(doc: &Document, i: usize) -> bool {
    (0..i)
        .rev()
        .map(|j| doc.line(j).trim_end())
        .find(|t| !t.is_empty())
        .is_none_or(|t| {
            t.ends_with(['。', '；', '：', ':', '！', '？', '”', '》'])
                // A heading on a line of its own.
                || (parse_marker(trim_indent(t)).is_some() && !t.contains('。'))
        })
}

fn parse_heading(doc: &Document, i: usize) -> Option<Heading> {
    let line = doc.line(i);
    let base = doc.lines[i].start;
    let mut off = indent_len(line);
    // "[bookmark: _GoBack]" left by a conversion, before the marker (or the Markdown hashes).
    let bookmark = |off: usize| {
        line[off..]
            .starts_with("[bookmark:")
            .then(|| marker_patterns().artefact.find(&line[off..]))
            .flatten()
            .map_or(0, |m| m.end())
    };
    off += bookmark(off);
    if doc.format == crate::document::Format::Markdown {
        // "## 一、主要举措": the hashes are Markdown's, the marker is the report's.
        let hashes = line[off..].len() - line[off..].trim_start_matches('#').len();
        if hashes > 0 && line[off + hashes..].starts_with(' ') {
            off += hashes + indent_len(&line[off + hashes..]);
        }
        // "**一、主要举措和成效**": bold is how many write headings in Markdown.
        if line[off..].starts_with("**") || line[off..].starts_with("__") {
            off += 2;
        }
    }
    off += bookmark(off);
    let rest = &line[off..];
    let origin = &doc.lines[i].origin;
    if let Some(h) = part_over_its_title(doc, i, base + off) {
        return Some(h);
    }
    // Word's own number ends where its label does, whatever the text goes on with: "1."
    // then "12345热线…" is no decimal.
    let labelled = (origin.auto_number_len > off)
        .then(|| line[off..origin.auto_number_len].trim_end())
        .and_then(|label| {
            parse_marker(label)
                .filter(|&(_, _, len)| len == label.len())
                .or_else(|| multilevel_label(label))
        });
    let (kind, number, len) = match labelled.or_else(|| parse_marker(rest)) {
        Some(m) => m,
        // A heading style's paragraph after a soft line break ("（一）加强组织领导↵一是…")
        // goes on with the heading's paragraph; it starts no heading of its own.
        None if origin.outline_level.is_some()
            && !trim_indent(rest).is_empty()
            && !(i > 0 && doc.same_paragraph(i - 1, i)) =>
        {
            (MarkerKind::Styled, 0, 0)
        }
        None => return None,
    };
    // "1，落实……": a comma typed for the dot, after a sentence has ended; else a figure of a
    // sentence wrapped before it ("……受理投诉↵3，办结……").
    if kind == MarkerKind::ArabicDot && rest[..len].ends_with('，') && !after_a_sentence(doc, i) {
        return None;
    }
    let marker = base + off..base + off + len;
    let after_start = off + len + indent_len(&line[off + len..]);
    let after = &line[after_start..];
    // "二、存在的不足和原因……………3": an entry of a table of contents typed as text.
    if static_regex!(r"(?:[.．…·_]{3,}|[.．…·]\s*[.．…·]\s*[.．…·])\s*[0-9]{1,3}\s*$")
        .is_match(after)
    {
        return None;
    }
    // "一、税收收入⇥118.42⇥124.56": the label of a row of a table typed as text (or an entry
    // of a table of contents with its page after a tab).
    if let Some(k) = after.find('\t')
        && k > 0
        && kind != MarkerKind::Styled
        && after[k..].contains(|c: char| c.is_ascii_digit())
        && !after.contains(['。', '；'])
    {
        return None;
    }
    // "一、医疗卫生      186      152.36": such a row aligned with spaces, its figures in
    // cells of their own.
    // One figure is a table's only when the next line is a row too; "（五）其他  2024"
    // alone is a heading.
    let figures = spaced_figures(after);
    let next_is_row = || {
        (i + 1..doc.line_count())
            .map(|j| trim_indent(doc.line(j)))
            .find(|t| !t.trim().is_empty())
            .is_some_and(|t| spaced_figures(t) > 0)
    };
    if kind != MarkerKind::Styled && (figures >= 2 || figures == 1 && next_is_row()) {
        return None;
    }
    let stop = after
        .char_indices()
        .take(MAX_TITLE_CHARS)
        .find(|&(_, c)| matches!(c, '。' | '：' | ':'));
    let (title_len, run_in, terminated) = match stop {
        Some((k, c)) => {
            let rest = trim_indent(&after[k + c.len_utf8()..]);
            (k, !rest.is_empty(), true)
        }
        None => (
            {
                let t = after.trim_end_matches(crate::text::is_indent);
                if doc.format == crate::document::Format::Markdown {
                    t.trim_end_matches(['*', '_']).len()
                } else {
                    t.len()
                }
            },
            char_len(after) > MAX_TITLE_CHARS,
            false,
        ),
    };
    let mut title = base + after_start..base + after_start + title_len;
    // "三、党政主要负责人履行推进法治建设↵第一责任人职责情况": a heading on a line of its own
    // wrapped by a soft line break goes on in the next line of its Word paragraph.
    if !run_in && !terminated {
        let mut k = i + 1;
        while k < doc.line_count()
            && doc.same_paragraph(i, k)
            && !doc.line(k).contains(['。', '；', '：', ':'])
            && char_len(&doc.text[title.start..doc.lines[k].end]) <= MAX_TITLE_CHARS
        {
            title.end = doc.lines[k].end;
            k += 1;
        }
    }
    Some(Heading {
        line: i,
        kind,
        number,
        marker: marker.clone(),
        title,
        run_in,
        terminated,
        auto: origin.auto_number_len > 0 && marker.start - base < origin.auto_number_len,
        stands_at: None,
    })
}

/// Compiles the patterns `Outline::parse` uses, last-needed first, by running their
/// functions on typical lines, so another thread can do it ahead of time.
pub fn warm_up() {
    first_year("2024年");
    opening_year_regex();
    parse_marker("（一）");
    crate::date::parse_line("2024年1月1日");
    crate::chrome::is_chrome("发布时间：2024-01-01");
}

fn opening_year_regex() -> &'static Regex {
    static_regex!(r"^([0-9]{4})年度?(?:[，,]|是)")
}

/// "现将2025年度法治政府建设情况报告如下", "现将我委2025年…报告如下".
fn reporting_year_regex() -> &'static Regex {
    static_regex!(r"现将[^，。0-9]{0,12}([0-9]{4})年[^。]{0,40}报告如下")
}

/// The first year ("2024年") in `s` that is not the end of a range: 19xx or 20xx before
/// 年 (spaces between allowed), not after a digit, a dash, 至 or 到. Scanned by hand: the
/// pattern was the costliest of a report's to build.
pub fn first_year(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        if !digits.iter().all(u8::is_ascii_digit)
            || !(digits.starts_with(b"19") || digits.starts_with(b"20"))
        {
            return None;
        }
        let before = s[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || "—-－~～至到".contains(c)) {
            return None;
        }
        s[i + 4..]
            .trim_start()
            .starts_with('年')
            .then(|| s[i..i + 4].parse().ok())
            .flatten()
    })
}

/// The reported year that two or more top-level headings naming a part and a year agree
/// on ("一、2025年…主要举措和成效", "四、2026年…主要安排"), when none disagrees.
fn parts_year(doc: &Document, o: &Outline, profile: &Profile) -> Option<i32> {
    let top = o.top_level()?;
    let mut implied = o
        .headings
        .iter()
        .filter(|h| h.level() == top)
        .filter_map(|h| {
            let text = squeeze(&doc.text[h.title.clone()]);
            let named = first_year(&text)?;
            let part = profile.parts_named(&text).max_by_key(|p| p.priority)?;
            Some(named - part.year_offset?)
        });
    let first = implied.next()?;
    let mut count = 1;
    for y in implied {
        if y != first {
            return None;
        }
        count += 1;
    }
    (count >= 2).then_some(first)
}

const NEXT_YEAR_WORDS: [&str; 6] = ["下一", "安排", "计划", "打算", "思路", "下步"];

fn reported_year(doc: &Document, o: &Outline, profile: &Profile) -> Option<ReportedYear> {
    let found = |year, source| Some(ReportedYear { year, source });
    if let Some(y) = o.title.as_ref().and_then(|t| first_year(&t.text)) {
        let dated = o
            .date
            .as_ref()
            .and_then(|d| d.date.ymd())
            .map(|(y, _, _)| y);
        let parts = parts_year(doc, o, profile);
        return match o.opening_year(doc) {
            Some((opening, ..)) if opening != y && dated == Some(opening + 1) => {
                found(opening, YearSource::OpeningOverTitle)
            }
            _ if parts.is_some_and(|p| p != y && dated == Some(p + 1)) => {
                found(parts?, YearSource::HeadingsOverTitle)
            }
            _ => found(y, YearSource::Title),
        };
    }
    let top = o.top_level();
    for h in o.headings.iter().filter(|h| Some(h.level()) == top) {
        let text = squeeze(&doc.text[h.title.clone()]);
        if let Some(y) = first_year(&text) {
            let next = NEXT_YEAR_WORDS.iter().any(|w| text.contains(w));
            return found(if next { y - 1 } else { y }, YearSource::Heading);
        }
    }
    let lead = o.body.clone().find(|&i| {
        let t = trim_indent(doc.line(i));
        !o.chrome[i] && char_len(t) > MAX_SHORT_LINE
    });
    if let Some(y) = lead.and_then(|i| first_year(&squeeze(doc.line(i)))) {
        return found(y, YearSource::Body);
    }
    let (y, _, _) = o.date.as_ref()?.date.ymd()?;
    found(y - 1, YearSource::Date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::profile::{DEFAULT_PROFILE, Profile};

    fn outline(text: &str) -> (Document, Outline) {
        let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.to_string());
        let p = Profile::builtin(DEFAULT_PROFILE).unwrap();
        let o = Outline::parse(&doc, &p);
        (doc, o)
    }

    const REPORT: &str = "\n青禾市卫生健康委员会关于2024年度\n法治政府建设情况的报告\n\n市委、市政府：\n　　2024年，我委坚持依法行政，推进法治政府建设各项工作取得新进展，现将有关情况报告如下。\n一、主要举措和成效\n（一）强化组织领导。成立领导小组。\n1.完善制度\n（1）修订规章\n①细化清单\n二、2025年工作安排\n1.2万人次参加培训。\n青禾市卫生健康委员会\n2025年1月20日\n打印\n";

    #[test]
    fn multi_line_title_and_addressee() {
        let (doc, o) = outline(REPORT);
        let t = o.title.unwrap();
        assert_eq!(t.lines, 1..3);
        assert_eq!(
            t.text,
            "青禾市卫生健康委员会关于2024年度法治政府建设情况的报告"
        );
        assert_eq!(doc.line(o.addressee.unwrap()), "市委、市政府：");
        let groups = REPORT.replacen("市委、市政府：", "市委、市政府，省卫生健康委员会：", 1);
        let (doc, o) = outline(&groups);
        assert_eq!(
            doc.line(o.addressee.unwrap()),
            "市委、市政府，省卫生健康委员会："
        );
        // A long list of bodies wrapped onto two lines.
        let (doc, o) = outline(
            "青禾市卫生健康委员会关于2024年度法治政府建设情况的报告\n中共青禾市委全面依法治市委员会办公室、\n青禾市司法局：\n2024年，我委坚持依法行政。\n",
        );
        assert_eq!(doc.line(o.addressee.unwrap()), "青禾市司法局：");
        assert_eq!(o.body.start, 3);
        // A sentence with a comma is no addressee.
        assert!(!is_addressee("根据要求，现将情况报告如下："));
        assert_eq!(
            o.year.unwrap(),
            ReportedYear {
                year: 2024,
                source: YearSource::Title
            }
        );
    }

    #[test]
    fn a_title_goes_on_across_blank_lines_until_it_names_the_report() {
        let spaced = REPORT.replacen("2024年度\n法治", "2024年度\n\n法治", 1);
        let (_, o) = outline(&spaced);
        let t = o.title.unwrap();
        assert_eq!(t.lines, 1..4);
        assert_eq!(
            t.text,
            "青禾市卫生健康委员会关于2024年度法治政府建设情况的报告"
        );
        // A complete title does not take the next short line after a blank one.
        let (_, o) = outline(
            "青禾市卫生健康委员会2024年法治政府建设年度报告\n\n青禾市卫生健康委员会\n市委、市政府：\n",
        );
        assert_eq!(o.title.unwrap().lines, 0..1);
    }

    #[test]
    fn headings_with_levels_and_run_in() {
        let (doc, o) = outline(REPORT);
        let got: Vec<_> = o
            .headings
            .iter()
            .map(|h| (h.level(), h.number, &doc.text[h.title.clone()], h.run_in))
            .collect();
        assert_eq!(
            got,
            [
                (2, 1, "主要举措和成效", false),
                (3, 1, "强化组织领导", true),
                (4, 1, "完善制度", false),
                (5, 1, "修订规章", false),
                (6, 1, "细化清单", false),
                (2, 2, "2025年工作安排", false),
            ]
        );
        assert_eq!(&doc.text[o.headings[1].marker.clone()], "（一）");
        assert_eq!(o.top_level(), Some(2));
    }

    #[test]
    fn signature_behind_page_debris() {
        let (doc, o) = outline(REPORT);
        assert_eq!(doc.line(o.issuers[0]), "青禾市卫生健康委员会");
        let d = o.date.unwrap();
        assert_eq!(d.date.ymd(), Some((2025, 1, 20)));
        assert_eq!(o.body.end, o.issuers[0]);
    }

    #[test]
    fn no_title_when_report_starts_with_addressee() {
        let (_, o) = outline(
            "|\n市委、市政府:\n2023年是关键之年，我局法治政府建设工作坚持依法行政，现将有关情况报告如下:\n一、2023年主要举措和成效\n",
        );
        assert!(o.title.is_none());
        assert_eq!(o.addressee, Some(1));
        assert_eq!(o.year.unwrap().year, 2023);
        assert_eq!(o.year.unwrap().source, YearSource::Heading);
    }

    #[test]
    fn joint_report_has_several_issuers() {
        let (doc, o) = outline(
            "标题报告\n正文内容已经写完，这是最后一段正文，用来结束全文。\n青禾市卫生健康委员会\n青禾市医疗保障局\n2025年1月20日\n",
        );
        let names: Vec<_> = o.issuers.iter().map(|&i| doc.line(i)).collect();
        assert_eq!(names, ["青禾市卫生健康委员会", "青禾市医疗保障局"]);
        // Both below the date (GW0209 says the date is misplaced; the signature is whole).
        let (doc, o) = outline(
            "标题报告
正文内容已经写完，这是最后一段正文，用来结束全文。
2025年1月20日
青禾市卫生健康委员会
青禾市医疗保障局
",
        );
        let names: Vec<_> = o.issuers.iter().map(|&i| doc.line(i)).collect();
        assert_eq!(names, ["青禾市卫生健康委员会", "青禾市医疗保障局"]);
    }

    #[test]
    fn the_last_sentence_is_no_second_issuer() {
        // "…网办" ends like an office's short name; its 。 ends a sentence.
        let (doc, o) = outline(
            "标题报告\n四、2026年工作安排\n力争2026年底前实现高频事项全程网办。\n青禾市卫生健康委员会\n2026年1月20日\n",
        );
        let names: Vec<_> = o.issuers.iter().map(|&i| doc.line(i)).collect();
        assert_eq!(names, ["青禾市卫生健康委员会"]);
        // Next to the date, a stray 。 after the name is still a signature.
        let (doc, o) = outline(
            "标题报告\n四、2026年工作安排\n推动更多事项一网通办。\n青禾市卫生健康委员会。\n2026年1月20日\n",
        );
        let names: Vec<_> = o.issuers.iter().map(|&i| doc.line(i)).collect();
        assert_eq!(names, ["青禾市卫生健康委员会。"]);
    }

    #[test]
    fn no_signature_when_report_ends_with_body_and_footer() {
        let (_, o) = outline(
            "标题报告\n一、主要举措和成效\n我委持续推进依法行政，严格规范公正文明执法，全年办理行政许可事项一千余件。\n版权所有：某某委员会\n",
        );
        assert_eq!((o.issuers.len(), o.date), (0, None));
    }

    /// The hand scan for a year finds what the pattern it replaced found.
    #[test]
    fn first_years_as_the_pattern_found_them() {
        let pattern = Regex::new(r"(^|[^0-9—\-－~～至到])((?:19|20)[0-9]{2})\s*年").unwrap();
        let expected = |s: &str| pattern.captures(s).and_then(|c| c[2].parse::<i32>().ok());
        for s in [
            "2024年",
            "青禾市2024年法治政府建设年度报告",
            "2021—2025年",
            "2021-2025年",
            "（2021—2025年）",
            "2025 年",
            "2025\u{3000}年",
            "20245年",
            "12024年",
            "至2025年",
            "到2025年，2026年",
            "1899年",
            "1900年",
            "2099年",
            "2100年",
            "2024",
            "年2024年",
            "x2024年",
            "2024年2025年",
            "",
            "2",
        ] {
            assert_eq!(first_year(s), expected(s), "{s}");
        }
        for s in crate::rules::random_strings("2019年0— 至-a", 5000, 14) {
            assert_eq!(first_year(&s), expected(&s), "{s}");
        }
    }

    #[test]
    fn a_cover_page_is_not_the_title() {
        let cover = "青禾市卫生健康委员会\n2024年法治政府建设年度报告\n\n青禾市卫生健康委员会\n二〇二五年一月\n";
        let body = "青禾市卫生健康委员会2024年法治政府建设年度报告\n市委、市政府：\n　　2024年，我委推进法治政府建设。\n";
        let (doc, o) = outline(&format!("{cover}{body}"));
        assert_eq!(o.title.unwrap().lines, 5..6);
        assert_eq!(doc.line(o.addressee.unwrap()), "市委、市政府：");
        // A date in brackets under the title comes before the 主送机关.
        let (doc, o) = outline(&body.replacen("报告\n", "报告\n（2025年1月10日）\n\n", 1));
        assert_eq!(doc.line(o.addressee.unwrap()), "市委、市政府：");
        // Empty paragraphs fill the cover page: the title after them is still found.
        let padded = format!("{cover}{}{body}", "\n".repeat(70));
        let (doc, o) = outline(&padded);
        assert_eq!(o.title.unwrap().lines, 75..76);
        assert_eq!(doc.line(o.addressee.unwrap()), "市委、市政府：");
        // A title written twice, with nothing between, is no cover: the first is the title.
        let twice = "青禾市卫生健康委员会2024年法治政府建设年度报告\n";
        let (_, o) = outline(&format!("{twice}{body}"));
        assert_eq!(o.title.unwrap().lines.start, 0);
        // A portal's headline, its publishing line, then the report's own title.
        let portal = format!("{twice}发布时间：2025-01-22 10:12　　浏览次数：86\n{body}");
        let (doc, o) = outline(&portal);
        assert_eq!(o.title.unwrap().lines, 2..3);
        assert_eq!(doc.line(o.addressee.unwrap()), "市委、市政府：");
        // A cover whose title differs from the report's is not skipped.
        let (_, o) = outline(&format!("{}{body}", cover.replace("年度报告", "工作报告")));
        assert_eq!(o.title.unwrap().lines, 0..2);
    }

    #[test]
    fn masthead_notes_attachments_and_imprint_are_not_the_report() {
        let framed = format!(
            "青禾市卫生健康委员会文件\n青卫〔2025〕6号\n{}（此件公开发布）\n\n附件\n行政执法统计\n一、行政许可\n1.医疗机构执业许可326件。\n抄送：市司法局。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n",
            REPORT.replacen("\n打印\n", "\n", 1)
        );
        let (doc, o) = outline(&framed);
        assert_eq!(o.title.unwrap().lines, 3..5);
        assert_eq!(doc.line(o.issuers[0]), "青禾市卫生健康委员会");
        assert_eq!(doc.line(o.date.unwrap().line), "2025年1月20日");
        // The attachment's 一、 does not continue the report's numbering.
        assert!(o.headings.iter().all(|h| h.line < o.body.end));
        assert_eq!(
            o.headings
                .iter()
                .filter(|h| h.kind == MarkerKind::HanComma)
                .count(),
            2
        );
        // The items of an 附件说明 are not headings.
        let noted = REPORT.replacen(
            "\n青禾市卫生健康委员会\n2025",
            "\n附件：1.行政执法统计\n　　　2.行政复议案件目录\n青禾市卫生健康委员会\n2025",
            1,
        );
        let (doc, o) = outline(&noted);
        let lines: Vec<&str> = o.headings.iter().map(|h| doc.line(h.line)).collect();
        assert!(lines.iter().all(|l| !l.contains("案件目录")), "{lines:?}");
    }

    /// A report sent as a letter's attachment has the attachment's label over its title.
    #[test]
    fn an_attachment_label_over_the_title() {
        // So is a page's publication date, which a copy brings along.
        for label in ["附件1", "附件1：", "附件", "　附件2", "2025年01月20日"] {
            let (doc, o) = outline(&format!("{label}\n{REPORT}"));
            let title = o.title.as_ref().map(|t| t.text.as_str());
            assert_eq!(
                title,
                Some("青禾市卫生健康委员会关于2024年度法治政府建设情况的报告"),
                "{label}"
            );
            assert_eq!(o.addressee.map(|k| doc.line(k)), Some("市委、市政府："));
        }
    }

    #[test]
    fn an_attachment_after_an_undated_signature_and_the_imprint() {
        let text = "青禾市卫生健康委员会2024年法治政府建设年度报告\n市委、市政府：\n一、主要举措和成效\n全年审查3件。\n青禾市卫生健康委员会\n（联系人：王某）\n附件1\n统计表\n一、行政许可\n抄送：市委办公室，\n　　市政府办公室。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n";
        let (doc, o) = outline(text);
        assert_eq!(doc.line(o.issuers[0]), "青禾市卫生健康委员会");
        assert_eq!(o.headings.len(), 1);
        assert_eq!(doc.line(o.imprint), "抄送：市委办公室，");
    }

    /// A one-line 抄送 above its 印发 line starts the 版记: the 印发 line, which names an
    /// office, is no 署名 that would put the 抄送 above the 落款.
    #[test]
    fn a_copy_to_line_above_its_print_line_is_the_imprint() {
        let text = "青禾市卫生健康委员会2024年法治政府建设年度报告\n市委、市政府：\n一、主要举措和成效\n全年审查3件。\n青禾市卫生健康委员会\n2025年1月20日\n抄送：市司法局。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n";
        let (doc, o) = outline(text);
        assert_eq!(doc.line(o.imprint), "抄送：市司法局。");
        assert_eq!(o.closing, o.imprint);
    }

    #[test]
    fn a_label_and_figures_spaced_apart_are_a_row() {
        assert_eq!(spaced_figures("医疗卫生      186           152.36"), 2);
        assert_eq!(spaced_figures("税收收入\u{3000}118.42\u{3000}12%"), 2);
        assert_eq!(spaced_figures("其他  2024"), 1);
        for heading in [
            "2024年 工作情况",
            "医疗卫生",
            "医疗卫生  186件",
            "强化监管  完成3项",
        ] {
            assert_eq!(spaced_figures(heading), 0, "{heading}");
        }
        // One figure: a row only among rows.
        let doc =
            |t: &str| Document::from_text("t", crate::document::Format::Text, "utf-8", t.into());
        let rows = doc("一、医疗卫生  186\n医疗机构  121\n");
        assert!(parse_heading(&rows, 0).is_none());
        let heading = doc("（五）其他  2024\n全年开展培训。\n");
        assert!(parse_heading(&heading, 0).is_some());
    }

    #[test]
    fn decimals_and_dates_are_not_markers() {
        assert_eq!(parse_marker("1.2万人次"), None);
        assert_eq!(parse_marker("3.2025万元"), None);
        // A year after the marker is no decimal of it.
        assert_eq!(
            parse_marker("1.2024年工作"),
            Some((MarkerKind::ArabicDot, 1, 2))
        );
        assert_eq!(parse_marker("2024年"), None);
        assert_eq!(parse_marker("一是加强"), None);
        assert_eq!(parse_marker("十四五"), None);
        assert_eq!(
            parse_marker("(五)坚持"),
            Some((MarkerKind::HanParen, 5, "(五)".len()))
        );
        assert_eq!(
            parse_marker("12.完善"),
            Some((MarkerKind::ArabicDot, 12, 3))
        );
    }

    #[test]
    fn bracketed_numbers_naming_items_are_not_a_marker() {
        assert_eq!(parse_marker("（一）至（三）项年度任务已全部完成。"), None);
        assert_eq!(parse_marker("（1）、（2）两项已完成。"), None);
        assert_eq!(
            parse_marker("（一）完善依法决策机制"),
            Some((MarkerKind::HanParen, 1, "（一）".len()))
        );
        assert_eq!(
            parse_marker("（二）至年底全部完成"),
            Some((MarkerKind::HanParen, 2, "（二）".len()))
        );
    }

    #[test]
    fn two_numerals_joined_by_a_dunhao_are_not_a_marker() {
        assert_eq!(parse_marker("二、三级公立医院全部建立总会计师制度。"), None);
        assert_eq!(parse_marker("一、二类疫苗接种率达到95%。"), None);
        assert_eq!(parse_marker("五、六月间，开展专项检查。"), None);
        assert_eq!(
            parse_marker("第二部分　存在的不足和原因"),
            Some((MarkerKind::Part, 2, "第二部分　".len()))
        );
        assert_eq!(parse_marker("第一部分"), None);
        assert_eq!(parse_marker("第一部分为总则，共十条。"), None);
        assert_eq!(
            parse_marker("二、三年行动计划推进情况"),
            Some((MarkerKind::HanComma, 2, "二、".len()))
        );
        assert_eq!(parse_marker("三、四季度集中开展培训。"), None);
        assert_eq!(
            parse_marker("三、三级医院评审工作"),
            Some((MarkerKind::HanComma, 3, "三、".len()))
        );
        assert_eq!(
            parse_marker("二、存在的不足和原因"),
            Some((MarkerKind::HanComma, 2, "二、".len()))
        );
    }

    #[test]
    fn markdown_heading_hashes_are_not_part_of_the_marker() {
        let doc = Document::from_text(
            "t.md",
            Format::Markdown,
            "utf-8",
            "# 报告\n市政府：\n## 一、主要举措\n### （一）健全机制\n".to_string(),
        );
        let o = Outline::parse(&doc, &Profile::builtin(DEFAULT_PROFILE).unwrap());
        let got: Vec<_> = o
            .headings
            .iter()
            .map(|h| (h.level(), &doc.text[h.marker.clone()]))
            .collect();
        assert_eq!(got, [(2, "一、"), (3, "（一）")]);
        // Bold headings, standalone or run in.
        let doc = Document::from_text(
            "t.md",
            Format::Markdown,
            "utf-8",
            "# 报告\n市政府：\n**一、主要举措**\n\n**（一）健全机制。**全年审查3件。\n[bookmark: _GoBack]### （二）严格执法\n".to_string(),
        );
        let o = Outline::parse(&doc, &Profile::builtin(DEFAULT_PROFILE).unwrap());
        let got: Vec<_> = o
            .headings
            .iter()
            .map(|h| {
                (
                    &doc.text[h.marker.clone()],
                    &doc.text[h.title.clone()],
                    h.run_in,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("一、", "主要举措", false),
                ("（一）", "健全机制", true),
                ("（二）", "严格执法", false)
            ]
        );
    }

    #[test]
    fn next_year_heading_gives_previous_year() {
        let (_, o) = outline("市政府：\n一、2025年工作计划\n");
        assert_eq!(o.year.unwrap().year, 2024);
    }
}
