//! One streaming pass over `document.xml`: every `w:p` becomes a `Paragraph` in document
//! order (table cells and text boxes included), with the accepted view of tracked changes,
//! field results only (a table of contents left out), and automatic numbering rendered
//! (engineering.md §3.3–§3.5).

use super::numbering::{Counters, Numbering};
use super::sign_off_box;
use super::styles::{Styles, outline_from_raw};
use super::symbols::{in_symbol_font, is_symbol_font, symbol_char};
use super::xml::{Ev, Ns, XmlReader};
use crate::document::{CellRef, ListSlot, Paragraph, XmlAnchor};
use crate::source::error::{ErrorKind, SourceError};
use quick_xml::events::BytesStart;
use std::collections::HashSet;

/// Far above any real report; bounds memory for hostile bodies of empty `<w:p/>`.
pub(crate) const MAX_PARAGRAPHS: usize = 1_000_000;
const MAX_FIELD_CODE: usize = 256;

/// Parses the main document part.
pub(crate) fn parse(
    xml: &str,
    part: &str,
    styles: &Styles,
    numbering: &Numbering,
) -> Result<Vec<Paragraph>, SourceError> {
    let fallbacks = fallback_positions(xml, part)?;
    // The reader skips a byte order mark; anchors are offsets into `xml` itself.
    let skipped = if xml.starts_with('\u{feff}') { 3 } else { 0 };
    let mut body = Body {
        xml,
        event_end: 0,
        self_closing: false,
        styles,
        numbering,
        counters: Counters::default(),
        fallbacks,
        frames: Vec::new(),
        paras: Vec::new(),
        runs: Vec::new(),
        run_fonts: Vec::new(),
        fields: Vec::new(),
        instr_fields: 0,
        hiding_fields: 0,
        date_fields: 0,
        tables: Vec::new(),
        table_count: 0,
        cells: Vec::new(),
        containers: vec![0],
        container_count: 0,
        pending: None,
        out: Vec::new(),
        held: Vec::new(),
        seals: Vec::new(),
        page_ended: false,
        opened: 0,
        loose: String::new(),
        spaces_kept: false,
        note: None,
    };
    let mut r = XmlReader::new(xml, part);
    let mut has_root = false;
    loop {
        match r.next()? {
            Ev::Open { ns, e, empty } => {
                // `xml:space` on the root holds for every `w:t` below it.
                if !has_root && r.attr(&e, Ns::Other, "space")?.as_deref() == Some("preserve") {
                    body.spaces_kept = true;
                }
                // Whatever the root's name, it must be an element of WordprocessingML.
                has_root |= ns == Ns::W;
                body.event_end = skipped + r.position() as usize;
                body.self_closing = empty;
                match body.open(&r, ns, &e)? {
                    Some(frame) => {
                        body.frames.push(frame);
                        if empty {
                            body.close();
                        }
                    }
                    None => r.skip_open(&e, empty)?,
                }
            }
            Ev::Close => {
                body.event_end = skipped + r.position() as usize;
                body.close();
            }
            Ev::Text(t) => match body.frames.last() {
                Some(Frame::Text) => body.push_text(&t),
                Some(Frame::LooseText) => body.loose.push_str(&t),
                // The first word names the field ("TOC \o …"); a MACROBUTTON's text follows.
                Some(Frame::FieldCode) => {
                    if let Some(f) = body.fields.last_mut()
                        && f.code.len() < MAX_FIELD_CODE
                    {
                        f.code.push_str(&t);
                    }
                }
                _ => {}
            },
            Ev::Eof => break,
        }
    }
    if !has_root {
        return Err(SourceError::new(
            ErrorKind::Xml,
            format!("文件已损坏：{part} 为空或不是 Word 正文（其中没有 WordprocessingML 元素）"),
        ));
    }
    body.flush_pending();
    body.release_held();
    Ok(body.out)
}

/// What an open element means for the pass; one per open element, so `Close` needs no name.
/// A complex field (`fldChar` begin … separate … end).
#[derive(Debug, Default)]
struct Field {
    /// The result part (after `separate`) has begun.
    in_result: bool,
    /// The field code, read from `instrText`.
    code: String,
    /// A table of contents: what it shows repeats the headings, it is not report text.
    hides_result: bool,
    /// DATE or TIME: what it shows is the day the file is opened or printed.
    updates_date: bool,
    /// Locked (`w:fldLock`): it keeps the result it has and never updates.
    locked: bool,
}

/// `w:fldLock="1"` (or "true", "on"): a field that keeps its result.
fn is_locked(v: Option<&str>) -> bool {
    v.is_some_and(|v| matches!(v.trim(), "1" | "true" | "on"))
}

/// DATE and TIME show the day the document is opened or printed, SAVEDATE and PRINTDATE
/// the day it was last saved or printed: not a day written in it.
fn updates_date(code: &str) -> bool {
    code.split_whitespace().next().is_some_and(|w| {
        ["DATE", "TIME", "SAVEDATE", "PRINTDATE"]
            .iter()
            .any(|f| w.eq_ignore_ascii_case(f))
    })
}

/// "MACROBUTTON AcceptAllChangesShown [单击此处输入日期]": an old template's prompt, which
/// Word shows from the code itself (the field has no result part).
fn macro_button_text(code: &str) -> Option<&str> {
    let rest = code.trim_start();
    let (word, rest) = rest.split_once(char::is_whitespace)?;
    if !word.eq_ignore_ascii_case("MACROBUTTON") {
        return None;
    }
    let (_macro_name, shown) = rest.trim_start().split_once(char::is_whitespace)?;
    Some(shown.trim()).filter(|s| !s.is_empty())
}

/// Fields whose displayed result is not part of the text: a table of contents repeats the
/// headings (with page numbers), which would read as a second outline before the report.
fn hides_result(code: &str) -> bool {
    code.split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("TOC"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// Unwrapped: hyperlinks, sdt, smartTag, ins, fldSimple, drawings, unknown elements.
    Transparent,
    /// A simple DATE or TIME field.
    DateField,
    Paragraph,
    PPr,
    NumPr,
    /// `w:pPr/w:rPr`: formatting of the paragraph mark.
    MarkRPr,
    Run,
    RPr,
    /// `w:t` or `m:t`.
    Text,
    /// `w:t` whose spaces at either end Word does not show.
    LooseText,
    /// `w:instrText`: a field's code, read but not shown.
    FieldCode,
    Table,
    /// `w:trPr` or `w:tcPr`: where a row skips grid columns or a cell spans several.
    GridPr,
    Cell,
    TextBox,
    /// A footnote or endnote, in the notes parts.
    Note,
    Alt {
        has_fallback: bool,
        taken: bool,
    },
}

struct OpenParagraph {
    text: String,
    /// `None` for a self-closing paragraph or one in a text box, where no comment goes.
    anchor: Option<XmlAnchor>,
    style_id: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u32>,
    outline: Option<u32>,
    /// A left or first-line indent set on the paragraph itself.
    indented: bool,
    mark_deleted: bool,
    /// Word shows the next paragraph on from this one: a drop cap (`w:framePr w:dropCap`)
    /// or a heading ended by a style separator (`w:specVanish` on its mark).
    runs_on: bool,
    /// Part of a table of contents' result: an entry, left empty once its text is hidden.
    in_contents: bool,
    /// Line ends at the end of the text that only page or column breaks made.
    page_break_tail: usize,
    /// The paragraph mark is hidden: with no visible text, Word shows no line at all.
    /// `None` until said directly or by the style.
    mark_hidden: Option<bool>,
    /// The paragraph's style hides its runs' text (`w:rPr/w:vanish` in the style).
    style_hides: bool,
    /// Some of its text is a DATE or TIME field's result.
    date_field: bool,
    finalized: bool,
    label: Option<String>,
    style: Option<String>,
    outline_level: Option<u8>,
    list: Option<ListSlot>,
    cell: Option<CellRef>,
    container: u64,
    /// Text-box paragraphs met inside this one; they follow it in the output.
    deferred: Vec<Paragraph>,
    /// Shown at the top of a new page: after a page break before any text, or by
    /// `w:pageBreakBefore`.
    starts_page: bool,
    /// Ends a section, whose next one starts on a new page (`w:sectPr` in its properties).
    ends_section: bool,
}

/// A paragraph whose mark was deleted, waiting to be joined to the next one.
struct Pending {
    paragraph: Paragraph,
    /// A heading ended by a style separator keeps its number and level; else the next
    /// paragraph's mark, which survives a deleted one, gives them.
    keeps_properties: bool,
    deferred: Vec<Paragraph>,
    container: u64,
}

struct TableState {
    id: u32,
    row: u32,
    col: u32,
    /// The current row is a tracked deletion (`w:trPr/w:del`): gone once changes are accepted.
    row_deleted: bool,
}

struct Body<'a> {
    xml: &'a str,
    /// Offset in `xml` just after the event being handled.
    event_end: usize,
    /// The start tag being handled closes itself.
    self_closing: bool,
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    /// Positions of `mc:AlternateContent` elements that have an `mc:Fallback`.
    fallbacks: HashSet<u64>,
    frames: Vec<Frame>,
    paras: Vec<OpenParagraph>,
    /// One per open run: is it hidden (`w:vanish`)?
    runs: Vec<bool>,
    /// One per open run: the symbol font (Wingdings, Symbol) its Latin text is set in.
    run_fonts: Vec<Option<String>>,
    /// Open complex fields, innermost last.
    fields: Vec<Field>,
    /// Open fields still in their instruction part; text is suppressed while > 0.
    instr_fields: usize,
    /// Open fields whose result is hidden (a table of contents), counted so that each
    /// piece of text need not look at every open field.
    hiding_fields: usize,
    /// Open DATE or TIME fields whose result is being read.
    date_fields: usize,
    tables: Vec<TableState>,
    table_count: u32,
    /// The cell of the innermost table cell or text box (`None` inside a text box).
    cells: Vec<Option<CellRef>>,
    /// Ids of the open paragraph containers (body, cell, text box).
    containers: Vec<u64>,
    container_count: u64,
    pending: Option<Pending>,
    out: Vec<Paragraph>,
    /// A 落款 drawn in a text box, waiting for the end of its page.
    held: Vec<Paragraph>,
    /// One per open text box: is it a seal's (`in_seal_shape`)?
    seals: Vec<bool>,
    /// The last paragraph of the main story ended its page.
    page_ended: bool,
    opened: usize,
    /// The text of an open `w:t` without `xml:space="preserve"`, trimmed when it closes.
    loose: String,
    /// The document's root preserves spaces for all its text.
    spaces_kept: bool,
    /// The `w:id` of the footnote or endnote being read.
    note: Option<u32>,
}

impl Body<'_> {
    /// Decides what to do with a start tag: `Some(frame)` to descend, `None` to skip it.
    fn open(
        &mut self,
        r: &XmlReader<'_>,
        ns: Ns,
        e: &BytesStart<'_>,
    ) -> Result<Option<Frame>, SourceError> {
        let local = e.local_name().into_inner();
        let parent = self.frames.last().copied();

        if parent == Some(Frame::Paragraph) && !(ns == Ns::W && local == "pPr") {
            self.finalize_top();
        }
        match parent {
            Some(Frame::Alt {
                has_fallback,
                taken,
            }) => {
                // Exactly one branch, the one Word 2010+ and WPS show: the first Choice
                // whose requirements they meet, else the Fallback, else the first Choice.
                let take = ns == Ns::Mc
                    && !taken
                    && match local {
                        "Choice" => {
                            !has_fallback
                                || r.attr(e, Ns::None, "Requires")?
                                    .is_some_and(|req| shown_by_word(&req))
                        }
                        "Fallback" => true,
                        _ => false,
                    };
                if take && let Some(Frame::Alt { taken, .. }) = self.frames.last_mut() {
                    *taken = true;
                }
                return Ok(take.then_some(Frame::Transparent));
            }
            Some(Frame::PPr) => {
                let p = self.paras.last_mut();
                match (ns, local, p) {
                    (Ns::W, "pStyle", Some(p)) => {
                        p.style_id = r.w_attr(e, "val")?.map(super::styles::capped);
                    }
                    (Ns::W, "outlineLvl", Some(p)) => p.outline = r.w_val_u32(e)?,
                    (Ns::W, "ind", Some(p)) => {
                        for name in [
                            "left",
                            "start",
                            "leftChars",
                            "startChars",
                            "firstLine",
                            "firstLineChars",
                        ] {
                            let value = r.w_attr(e, name)?;
                            p.indented |= value
                                .and_then(|v| v.trim().parse::<i64>().ok())
                                .is_some_and(|v| v > 0);
                        }
                    }
                    (Ns::W, "numPr", _) => return Ok(Some(Frame::NumPr)),
                    (Ns::W, "pageBreakBefore", Some(p)) => {
                        p.starts_page = r.w_on_off(e)?;
                    }
                    (Ns::W, "sectPr", Some(p)) => p.ends_section = true,
                    (Ns::W, "rPr", _) => return Ok(Some(Frame::MarkRPr)),
                    (Ns::W, "framePr", Some(p)) => {
                        p.runs_on |= r
                            .w_attr(e, "dropCap")?
                            .is_some_and(|v| matches!(v.trim(), "drop" | "margin"));
                    }
                    _ => {}
                }
                return Ok(None);
            }
            Some(Frame::NumPr) => {
                match (ns, local, self.paras.last_mut()) {
                    (Ns::W, "numId", Some(p)) => p.num_id = r.w_val_u32(e)?,
                    (Ns::W, "ilvl", Some(p)) => p.ilvl = r.w_val_u32(e)?,
                    _ => {}
                }
                return Ok(None);
            }
            Some(Frame::MarkRPr) => {
                if ns == Ns::W
                    && matches!(local, "del" | "moveFrom")
                    && let Some(p) = self.paras.last_mut()
                {
                    p.mark_deleted = true;
                }
                if ns == Ns::W && local == "vanish" {
                    let hidden = r.w_on_off(e)?;
                    if let Some(p) = self.paras.last_mut() {
                        p.mark_hidden = Some(hidden);
                    }
                }
                if ns == Ns::W && local == "specVanish" {
                    let separator = r.w_on_off(e)?;
                    if let Some(p) = self.paras.last_mut() {
                        p.runs_on |= separator;
                    }
                }
                return Ok(None);
            }
            Some(Frame::RPr) => {
                // Direct formatting, after the character style in the schema, wins over it.
                let hides = match (ns, local) {
                    (Ns::W, "vanish") => Some(r.w_on_off(e)?),
                    (Ns::W, "rStyle") => r
                        .w_attr(e, "val")?
                        .and_then(|id| self.styles.character_hides(&id)),
                    _ => None,
                };
                if let (Some(h), Some(hidden)) = (hides, self.runs.last_mut()) {
                    *hidden = h;
                }
                if (ns, local) == (Ns::W, "rFonts")
                    && let Some(font) = r.w_attr(e, "ascii")?.or(r.w_attr(e, "hAnsi")?)
                    && is_symbol_font(&font)
                    && let Some(last) = self.run_fonts.last_mut()
                {
                    *last = Some(font.into_owned());
                }
                return Ok(None);
            }
            Some(Frame::Text | Frame::LooseText) => return Ok(None),
            Some(Frame::GridPr) => {
                if ns == Ns::W
                    && local == "del"
                    && let Some(t) = self.tables.last_mut()
                {
                    t.row_deleted = true;
                }
                // A cell over two grid columns pushes the next cell two columns on, so that
                // figures stay under their header ("合计" merged across 序号 and 单位).
                if ns == Ns::W
                    && matches!(local, "gridSpan" | "gridBefore")
                    && let Some(n) = r.w_val_u32(e)?
                    && let Some(t) = self.tables.last_mut()
                {
                    let extra = if local == "gridSpan" {
                        n.saturating_sub(1)
                    } else {
                        n
                    };
                    t.col = t.col.saturating_add(extra.min(MAX_GRID_SPAN));
                }
                return Ok(None);
            }
            _ => {}
        }
        let in_run = parent == Some(Frame::Run);

        match ns {
            Ns::W => {}
            Ns::Mc => {
                return Ok(match local {
                    "AlternateContent" => Some(Frame::Alt {
                        has_fallback: self.fallbacks.contains(&r.position()),
                        taken: false,
                    }),
                    "Choice" | "Fallback" => None,
                    _ => Some(Frame::Transparent),
                });
            }
            Ns::Math => {
                return Ok(match local {
                    "r" => {
                        self.open_run();
                        Some(Frame::Run)
                    }
                    "t" if in_run => Some(Frame::Text),
                    _ if is_property(local) => None,
                    _ => Some(Frame::Transparent),
                });
            }
            // Drawings, VML and other vocabularies: descend, text boxes live inside them.
            _ => return Ok(Some(Frame::Transparent)),
        }

        let frame = match local {
            "p" => {
                self.open_paragraph()?;
                Frame::Paragraph
            }
            "pPr" if parent == Some(Frame::Paragraph) => Frame::PPr,
            "trPr" | "tcPr" if matches!(parent, Some(Frame::Transparent | Frame::Cell)) => {
                Frame::GridPr
            }
            "r" => {
                self.open_run();
                Frame::Run
            }
            "rPr" if in_run => Frame::RPr,
            // Word drops the spaces at the ends of a `w:t` that does not preserve them.
            "t" if in_run => match r.attr(e, Ns::Other, "space")?.as_deref() {
                Some("preserve") => Frame::Text,
                Some(_) => Frame::LooseText,
                None if self.spaces_kept => Frame::Text,
                None => Frame::LooseText,
            },
            "tab" | "ptab" if in_run => {
                self.push_char('\t');
                return Ok(None);
            }
            // A line, page or column break: the text after it starts a new line, as the
            // reader sees it (Ctrl+Enter in the middle of a paragraph is common). A page or
            // column break before any text only moves the paragraph to the next page.
            "br" if in_run => {
                let kind = r.w_attr(e, "type")?;
                let leading = self.paras.last().is_none_or(|p| p.text.is_empty());
                let line_break = matches!(kind.as_deref(), None | Some("textWrapping"));
                let tail = self.paras.last().map_or(0, |p| p.page_break_tail);
                if line_break || !leading {
                    if !line_break {
                        self.push_char(crate::document::PAGE_BREAK);
                    }
                    self.push_char('\n');
                }
                if !line_break
                    && leading
                    && self.visible()
                    && let Some(p) = self.paras.last_mut()
                {
                    p.starts_page = true;
                }
                // A page break that ends the paragraph only moves what follows.
                if !line_break
                    && !leading
                    && self.visible()
                    && let Some(p) = self.paras.last_mut()
                {
                    p.page_break_tail = tail + 1 + crate::document::PAGE_BREAK.len_utf8();
                }
                return Ok(None);
            }
            "cr" if in_run => {
                self.push_char('\n');
                return Ok(None);
            }
            "noBreakHyphen" if in_run => {
                self.push_char('-');
                return Ok(None);
            }
            "sym" if in_run => {
                let code = r
                    .w_attr(e, "char")?
                    .and_then(|v| u32::from_str_radix(v.trim(), 16).ok());
                let font = r.w_attr(e, "font")?;
                self.push_char(symbol_char(font.as_deref(), code));
                return Ok(None);
            }
            "fldChar" => {
                match r.w_attr(e, "fldCharType")?.as_deref() {
                    Some("begin") => {
                        let locked = is_locked(r.w_attr(e, "fldLock")?.as_deref());
                        self.fields.push(Field {
                            locked,
                            ..Field::default()
                        });
                        self.instr_fields += 1;
                    }
                    Some("separate") => {
                        if let Some(f) = self.fields.last_mut()
                            && !f.in_result
                        {
                            f.in_result = true;
                            f.hides_result = hides_result(&f.code);
                            f.updates_date = updates_date(&f.code) && !f.locked;
                            self.hiding_fields += usize::from(f.hides_result);
                            self.date_fields += usize::from(f.updates_date);
                            self.instr_fields -= 1;
                            if f.hides_result {
                                self.start_contents();
                            }
                        }
                    }
                    Some("end") => {
                        let closed = self.fields.pop();
                        let was_instruction = closed.as_ref().is_some_and(|f| !f.in_result);
                        self.instr_fields -= usize::from(was_instruction);
                        self.hiding_fields -=
                            usize::from(closed.as_ref().is_some_and(|f| f.hides_result));
                        self.date_fields -=
                            usize::from(closed.as_ref().is_some_and(|f| f.updates_date));
                        if let Some(f) = closed.filter(|_| was_instruction)
                            && let Some(shown) = macro_button_text(&f.code)
                        {
                            self.push_text(shown);
                        }
                    }
                    _ => {}
                }
                return Ok(None);
            }
            "instrText" if in_run && !self.fields.is_empty() => Frame::FieldCode,
            "fldSimple" => {
                let code = r.w_attr(e, "instr")?;
                if code.as_deref().is_some_and(hides_result) {
                    return Ok(None);
                }
                let locked = is_locked(r.w_attr(e, "fldLock")?.as_deref());
                if code.as_deref().is_some_and(updates_date) && !locked {
                    self.date_fields += 1;
                    Frame::DateField
                } else {
                    Frame::Transparent
                }
            }
            "tbl" => {
                // A paragraph cannot join a table: the deleted mark has no effect.
                if self.pending.as_ref().map(|pd| pd.container) == self.containers.last().copied() {
                    self.flush_pending();
                }
                self.table_count += 1;
                self.tables.push(TableState {
                    id: self.table_count,
                    row: 0,
                    col: 0,
                    row_deleted: false,
                });
                Frame::Table
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row += 1;
                    t.col = 0;
                    t.row_deleted = false;
                }
                Frame::Transparent
            }
            "tc" => {
                let cell = self.tables.last_mut().map(|t| {
                    t.col += 1;
                    CellRef {
                        table: t.id,
                        row: t.row,
                        col: t.col,
                    }
                });
                self.cells.push(cell);
                self.open_container();
                Frame::Cell
            }
            "txbxContent" => {
                let seal = self.in_seal_shape();
                self.seals.push(seal);
                self.cells.push(None);
                self.open_container();
                Frame::TextBox
            }
            // The separator lines Word draws above the notes are notes of another type.
            "footnote" | "endnote" => {
                if r.w_attr(e, "type")?.is_some_and(|t| t.trim() != "normal") {
                    return Ok(None);
                }
                self.note = Some(
                    r.w_attr(e, "id")?
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0),
                );
                self.open_container();
                Frame::Note
            }
            // Deleted and moved-away content, field codes, ruby annotations: not shown.
            "del" | "moveFrom" | "delText" | "delInstrText" | "instrText" | "rt" | "fldData" => {
                return Ok(None);
            }
            _ if is_property(local) => return Ok(None),
            // Paragraphs and runs not at their proper place; text only counts inside runs.
            "softHyphen" | "tab" | "ptab" | "br" | "cr" | "noBreakHyphen" | "sym" | "t" => {
                return Ok(None);
            }
            _ => Frame::Transparent,
        };
        Ok(Some(frame))
    }

    fn close(&mut self) {
        match self.frames.pop() {
            Some(Frame::Paragraph) => self.close_paragraph(),
            Some(Frame::DateField) => self.date_fields -= 1,
            Some(Frame::PPr) => {
                let at = self.event_end;
                if let Some(a) = self.paras.last_mut().and_then(|p| p.anchor.as_mut()) {
                    a.content = at;
                }
            }
            Some(Frame::Run) => {
                self.runs.pop();
                self.run_fonts.pop();
            }
            Some(Frame::LooseText) => {
                let text = std::mem::take(&mut self.loose);
                self.push_text(text.trim_matches([' ', '\t', '\r', '\n']));
            }
            Some(Frame::Table) => {
                self.tables.pop();
            }
            Some(Frame::Cell) => {
                self.cells.pop();
                self.close_container();
            }
            Some(Frame::TextBox) => {
                self.seals.pop();
                self.cells.pop();
                self.close_container();
            }
            Some(Frame::Note) => {
                self.close_container();
                self.note = None;
            }
            _ => {}
        }
    }

    /// A run starts hidden when its paragraph's style hides text.
    fn open_run(&mut self) {
        let hidden = self.paras.last().is_some_and(|p| p.style_hides);
        self.runs.push(hidden);
        self.run_fonts.push(None);
    }

    fn visible(&self) -> bool {
        self.instr_fields == 0 && self.runs.last() == Some(&false) && self.hiding_fields == 0
    }

    fn push_text(&mut self, s: &str) {
        // An empty `w:t` shows nothing, and keeps a page break's tail a tail.
        if s.is_empty() {
            return;
        }
        let dated = self.date_fields > 0;
        // A line feed typed into `w:t` (template engines and OA exports write them) shows
        // as a space: only `w:br` breaks a line.
        let flat;
        let s = if s.contains(['\n', '\r']) {
            flat = s.replace("\r\n", " ").replace(['\n', '\r'], " ");
            flat.as_str()
        } else {
            s
        };
        // Latin text in a symbol font shows that font's glyphs: "l" in Wingdings is "●".
        let shown = match self.run_fonts.last() {
            Some(Some(font)) => std::borrow::Cow::Owned(in_symbol_font(font, s)),
            _ => std::borrow::Cow::Borrowed(s),
        };
        if self.visible()
            && let Some(p) = self.paras.last_mut()
        {
            p.text.push_str(&shown);
            p.page_break_tail = 0;
            p.date_field |= dated;
        }
    }

    fn push_char(&mut self, c: char) {
        if self.visible()
            && let Some(p) = self.paras.last_mut()
        {
            p.text.push(c);
            p.page_break_tail = 0;
        }
    }

    fn open_paragraph(&mut self) -> Result<(), SourceError> {
        self.opened += 1;
        if self.opened > MAX_PARAGRAPHS {
            return Err(SourceError::new(
                ErrorKind::TooLarge,
                format!("正文段落过多（超过 {MAX_PARAGRAPHS} 段），拒绝读取"),
            ));
        }
        // Comments cannot go in a text box, nor in the branch of an mc:AlternateContent
        // that Word does not show.
        let boxed = self
            .frames
            .iter()
            .any(|f| matches!(f, Frame::TextBox | Frame::Alt { .. }));
        let anchor = (!self.self_closing && !boxed).then(|| XmlAnchor {
            tag: self.tag_start(),
            content: self.event_end,
            end: self.event_end,
        });
        self.paras.push(OpenParagraph {
            text: String::new(),
            anchor,
            style_id: None,
            num_id: None,
            ilvl: None,
            outline: None,
            indented: false,
            mark_deleted: false,
            runs_on: false,
            in_contents: self.hiding_fields > 0,
            page_break_tail: 0,
            mark_hidden: None,
            style_hides: false,
            date_field: false,
            finalized: false,
            label: None,
            style: None,
            outline_level: None,
            list: None,
            cell: self.cells.last().copied().flatten(),
            container: self.containers.last().copied().unwrap_or(0),
            deferred: Vec::new(),
            starts_page: false,
            ends_section: false,
        });
        Ok(())
    }

    /// Resolves style, outline level and the number label once the paragraph properties are
    /// known, so list counters advance in the order paragraphs start.
    fn finalize_top(&mut self) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        if p.finalized {
            return;
        }
        p.finalized = true;
        let styles = self.styles;
        let style_id = styles.effective_id(p.style_id.as_deref());
        p.style = style_id.map(|id| styles.display_name(id));
        p.style_hides = styles.hides(style_id);
        p.mark_hidden.get_or_insert(p.style_hides);
        p.outline_level = match p.outline {
            Some(v) => outline_from_raw(v),
            None => styles.outline_level(style_id),
        };
        // The deleted mark joins this text to the next paragraph, which owns the number.
        if p.mark_deleted {
            return;
        }
        let (style_num, style_ilvl) = styles.num_pr(style_id);
        let num_id = p.num_id.or(style_num);
        let level = p.ilvl.or(style_ilvl).unwrap_or(0);
        p.list = match (num_id, style_num) {
            // The level is the style's: Word writes an ilvl beside numId 0 that says nothing.
            (Some(0), Some(by_style)) if by_style != 0 => Some(ListSlot {
                num_id: by_style,
                level: style_ilvl.unwrap_or(0),
                removed: true,
            }),
            (Some(n), _) if n != 0 => Some(ListSlot {
                num_id: n,
                level,
                removed: false,
            }),
            _ => None,
        };
        if let Some(num_id) = num_id.filter(|&n| n != 0) {
            p.label = self.counters.next_label(
                self.numbering,
                styles,
                num_id,
                p.ilvl.or(style_ilvl),
                style_id,
            );
        }
    }

    fn close_paragraph(&mut self) {
        self.finalize_top();
        let end = self.tag_start();
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        // A paragraph of the main story (or a table's cell): where pages start and end.
        let in_story = self.paras.is_empty();
        let ends_page = p.ends_section || p.page_break_tail > 0;
        if in_story && (self.page_ended || p.starts_page) {
            self.release_held();
        }
        let kept = p.text.len() - p.page_break_tail;
        p.text.truncate(kept);
        let mut paragraph = Paragraph {
            anchor: p.anchor.map(|a| XmlAnchor { end, ..a }),
            text: p.text,
            auto_number: p.label,
            style: p.style,
            outline_level: p.outline_level,
            cell: p.cell,
            date_field: p.date_field,
            indented: p.indented,
            note: self.note,
            list: p.list,
        };
        // A table of contents' entries are hidden; the paragraphs that held them go too,
        // and so does a paragraph hidden with its mark, its list number included (the
        // number is still counted, as Word counts it).
        let row_deleted = p.cell.is_some() && self.tables.last().is_some_and(|t| t.row_deleted);
        let emptied = (p.in_contents || self.hiding_fields > 0 || row_deleted)
            && paragraph.auto_number.is_none();
        // A shape's lone "★" or arrow is a drawing (a seal, a flow chart), not a line.
        let in_text_box = self.cells.last() == Some(&None);
        let drawn = in_text_box
            && (self.seals.contains(&true)
                || paragraph.auto_number.is_none()
                    && !paragraph.text.chars().any(|c| c.is_alphanumeric()));
        let shows_nothing =
            (emptied || p.mark_hidden == Some(true)) && paragraph.text.trim().is_empty();
        if (shows_nothing || drawn) && p.deferred.is_empty() {
            // A paragraph whose mark was deleted joined this one, which shows nothing: it
            // ends here.
            if let Some(pending) = self.pending.take_if(|pd| pd.container == p.container) {
                self.emit_pending(pending);
            }
            return;
        }
        // A table of contents typed or unlinked, its entries in Word's TOC styles: not the
        // report, and neither is its "目录" heading.
        // Also by the style's id ("TOC1"), which a writer may use without defining it.
        let contents = [paragraph.style.as_deref(), p.style_id.as_deref()]
            .into_iter()
            .flatten()
            .any(is_contents_style);
        if p.cell.is_none() && contents {
            if self.paras.is_empty() && self.out.last().is_some_and(is_contents_heading) {
                self.out.pop();
            }
            return;
        }
        let mut deferred = p.deferred;
        // A heading joined to what follows keeps its properties through later joins too.
        let mut kept_heading = false;
        // Paragraphs of nested text boxes and cells leave a pending join alone.
        if let Some(pending) = self.pending.take_if(|pd| pd.container == p.container) {
            let heading = pending.paragraph.auto_number.is_some()
                || pending.paragraph.outline_level.is_some();
            kept_heading = pending.keeps_properties && heading;
            let mut text = pending.paragraph.text;
            if kept_heading {
                // The run-in body's own number shows where it starts ("（一）" after "一、…。").
                text.push_str(paragraph.auto_number.as_deref().unwrap_or(""));
                paragraph.auto_number = pending.paragraph.auto_number;
                paragraph.style = pending.paragraph.style;
                paragraph.outline_level = pending.paragraph.outline_level;
                paragraph.list = pending.paragraph.list;
            }
            text.push_str(&paragraph.text);
            paragraph.text = text;
            paragraph.date_field |= pending.paragraph.date_field;
            paragraph.anchor = match (pending.paragraph.anchor, paragraph.anchor) {
                (Some(first), Some(last)) => Some(XmlAnchor {
                    end: last.end,
                    ..first
                }),
                _ => None,
            };
            let mut all = pending.deferred;
            all.append(&mut deferred);
            deferred = all;
        }
        if p.mark_deleted || p.runs_on {
            self.pending = Some(Pending {
                keeps_properties: p.runs_on && !p.mark_deleted || kept_heading,
                paragraph,
                deferred,
                container: p.container,
            });
            return;
        }
        let broken = paragraph.text.contains(crate::document::PAGE_BREAK);
        let boxed_sign_off =
            in_story && paragraph.cell.is_none() && sign_off_box::holds_sign_off(&deferred);
        self.emit(paragraph);
        if boxed_sign_off {
            self.held.append(&mut deferred);
        } else {
            for d in deferred {
                self.emit(d);
            }
        }
        if in_story {
            self.page_ended = ends_page || broken;
        }
    }

    /// The text box being opened is a seal's: text bent along an arc (WordArt,
    /// `a:prstTxWarp`) in a group of shapes, as WPS and seal templates draw the unit's name
    /// around a circle. Its shape's properties come after its text, so they are looked up.
    fn in_seal_shape(&self) -> bool {
        // A seal is small: a bounded look each way keeps many text boxes linear.
        let at = self.tag_start();
        let from = crate::text::floor_char(self.xml, at.saturating_sub(SEAL_REACH));
        let to = crate::text::ceil_char(self.xml, (at + SEAL_REACH).min(self.xml.len()));
        let (Some(before), Some(after)) = (self.xml.get(from..at), self.xml.get(at..to)) else {
            return false;
        };
        let in_group = before
            .rfind("<wpg:wgp")
            .is_some_and(|open| before.rfind("</wpg:wgp>").is_none_or(|close| close < open));
        let shape = after.find("</wps:wsp>").map(|end| &after[..end]);
        in_group
            && shape.is_some_and(|s| {
                s.find("prstTxWarp").is_some_and(|k| {
                    !s[k..]
                        .trim_start_matches("prstTxWarp prst=\"")
                        .starts_with("textNoShape")
                })
            })
    }

    /// A 落款 drawn in a text box, read at the end of the page it shows on.
    fn release_held(&mut self) {
        self.out.append(&mut self.held);
    }

    /// A table of contents begins in the open paragraph: that paragraph is one of its
    /// entries, and a "目录" heading just before it belongs to it.
    fn start_contents(&mut self) {
        if let Some(p) = self.paras.last_mut() {
            p.in_contents = true;
        }
        if self.paras.len() <= 1 && self.out.last().is_some_and(is_contents_heading) {
            self.out.pop();
        }
    }

    /// Text-box paragraphs go after the paragraph that anchors them.
    fn emit(&mut self, paragraph: Paragraph) {
        match self.paras.last_mut() {
            Some(outer) => outer.deferred.push(paragraph),
            None => self.out.push(paragraph),
        }
    }

    fn emit_pending(&mut self, pending: Pending) {
        self.emit(pending.paragraph);
        for d in pending.deferred {
            self.emit(d);
        }
    }

    fn flush_pending(&mut self) {
        if let Some(p) = self.pending.take() {
            self.emit_pending(p);
        }
    }

    /// The `<` of the tag just read: no `<` can occur inside a tag.
    fn tag_start(&self) -> usize {
        self.xml
            .get(..self.event_end)
            .and_then(|s| s.rfind('<'))
            .unwrap_or(0)
    }

    fn open_container(&mut self) {
        self.container_count += 1;
        self.containers.push(self.container_count);
    }

    fn close_container(&mut self) {
        let closed = self.containers.pop();
        if self.pending.as_ref().map(|p| p.container) == closed {
            self.flush_pending();
        }
    }
}

/// Bytes of XML looked at around a text box to tell a seal's (`in_seal_shape`).
const SEAL_REACH: usize = 16 * 1024;

/// A grid span beyond this is damage, not a table (Word allows 63 columns).
const MAX_GRID_SPAN: u32 = 64;

/// Property containers (`pPr`, `tblPr`, `sdtPr`, `*PrChange`, …) never hold document text.
fn is_property(local: &str) -> bool {
    local.ends_with("Pr")
        || local.ends_with("PrEx")
        || local.ends_with("Change")
        || local == "tblGrid"
}

/// The namespaces (by their customary prefixes) of drawing and text-box markup that Word
/// 2010 and later, WPS and LibreOffice understand: a Choice requiring only these is what
/// they show, and a tool that edits a text box may update only that copy.
const SHOWN_NAMESPACES: [&str; 14] = [
    "wps", "wpg", "wpc", "wpi", "wp14", "w14", "w15", "w16se", "w16cid", "w16cex", "w16du",
    "w16sdtdh", "a14", "a15",
];

fn shown_by_word(requires: &str) -> bool {
    requires
        .split_whitespace()
        .all(|prefix| SHOWN_NAMESPACES.contains(&prefix))
}

/// A first pass recording which `mc:AlternateContent` elements have a `mc:Fallback`, since
/// the streaming pass meets the Choice first and must pick exactly one branch.
fn fallback_positions(xml: &str, part: &str) -> Result<HashSet<u64>, SourceError> {
    let mut found = HashSet::new();
    if !xml.contains("AlternateContent") {
        return Ok(found);
    }
    let mut r = XmlReader::new(xml, part);
    let mut stack: Vec<Option<(u64, bool)>> = Vec::new();
    loop {
        match r.next()? {
            Ev::Open { ns, e, empty } => {
                let local = e.local_name().into_inner();
                if ns == Ns::Mc
                    && local == "Fallback"
                    && let Some(Some((_, has))) = stack.last_mut()
                {
                    *has = true;
                }
                if !empty {
                    let alt = ns == Ns::Mc && local == "AlternateContent";
                    stack.push(alt.then(|| (r.position(), false)));
                }
            }
            Ev::Close => {
                if let Some(Some((pos, true))) = stack.pop() {
                    found.insert(pos);
                }
            }
            Ev::Text(_) => {}
            Ev::Eof => return Ok(found),
        }
    }
}

/// "目录", "目　录": the heading of a table of contents.
fn is_contents_heading(p: &Paragraph) -> bool {
    let t: String = p.text.split_whitespace().collect();
    matches!(t.as_str(), "目录" | "目次" | "Contents" | "CONTENTS")
}

/// Word's styles for the entries and heading of a table of contents: "toc 1", "TOC
/// Heading", and their Chinese names "目录 1" as WPS and Chinese Word show them.
fn is_contents_style(style: &str) -> bool {
    let s = style.trim().to_lowercase();
    let numbered = |prefix: &str| {
        s.strip_prefix(prefix)
            .is_some_and(|n| n.trim().parse::<u8>().is_ok())
    };
    numbered("toc") || numbered("目录") || s == "toc heading" || s == "目录标题"
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math""#;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
        )
    }

    fn read_with(body: &str, styles: &Styles, numbering: &Numbering) -> Vec<Paragraph> {
        parse(&doc(body), "word/document.xml", styles, numbering).unwrap()
    }

    /// Each paragraph's automatic number and text.
    fn numbered(
        body: &str,
        styles: &Styles,
        numbering: &Numbering,
    ) -> Vec<(Option<String>, String)> {
        read_with(body, styles, numbering)
            .into_iter()
            .map(|p| (p.auto_number, p.text))
            .collect()
    }

    fn read(body: &str) -> Vec<Paragraph> {
        read_with(body, &Styles::default(), &Numbering::default())
    }

    fn texts(body: &str) -> Vec<String> {
        read(body).into_iter().map(|p| p.text).collect()
    }

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    #[test]
    fn run_content() {
        let body = p(&format!(
            r#"{}<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/><w:br w:type="textWrapping"/><w:cr/><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Wingdings" w:char="F04A"/><w:sym w:char="2014"/><w:sym w:char="zz"/><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>"#,
            r("a")
        ));
        assert_eq!(texts(&body), ["a\tb\nc\u{c}\n\n\n-\u{FFFD}—\u{FFFD}\t"]);
    }

    /// A line feed typed into the text shows as a space; only `w:br` breaks the line.
    #[test]
    fn a_line_feed_in_the_text_is_a_space() {
        let body = p(&format!(
            "{}{}",
            r("青禾市卫生健康委员会\n2025年1月20日"),
            r("甲\r\n乙&#10;丙")
        ));
        assert_eq!(texts(&body), ["青禾市卫生健康委员会 2025年1月20日甲 乙 丙"]);
    }

    #[test]
    fn a_page_break_before_the_text_is_not_a_line() {
        let body = p(&format!(
            r#"<w:r><w:br w:type="page"/></w:r>{}"#,
            r("二、存在的不足")
        ));
        assert_eq!(texts(&body), ["二、存在的不足"]);
        // Nor after it: it only moves what follows. Within the text it is a line end.
        let body = p(&format!(
            r#"{}<w:r><w:br w:type="page"/><w:br w:type="column"/></w:r>"#,
            r("一、主要举措")
        ));
        assert_eq!(texts(&body), ["一、主要举措"]);
        let body = p(&format!(
            r#"{}<w:r><w:br w:type="page"/></w:r>{}"#,
            r("甲"),
            r("乙")
        ));
        assert_eq!(texts(&body), ["甲\u{c}\n乙"]);
    }

    #[test]
    fn entities_and_empty_paragraphs() {
        let body = format!("{}<w:p/>{}", p(&r("A&amp;B&#x4E2D;&#25991;")), p(""));
        assert_eq!(texts(&body), ["A&B中文", "", ""]);
    }

    #[test]
    fn paragraph_properties_are_not_text() {
        let body = p(&format!(
            r#"<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>{}"#,
            r("正文")
        ));
        assert_eq!(texts(&body), ["正文"]);
    }

    #[test]
    fn tracked_changes_accepted_view() {
        let body = p(&format!(
            r#"{}<w:ins w:id="1" w:author="x">{}</w:ins><w:del w:id="2" w:author="x"><w:r><w:delText>删去</w:delText></w:r></w:del><w:moveFrom w:id="3">{}</w:moveFrom><w:moveTo w:id="4">{}</w:moveTo><w:r><w:rPr><w:rPrChange w:id="5"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>尾</w:t></w:r>"#,
            r("保留"),
            r("新增"),
            r("移走"),
            r("移入")
        ));
        assert_eq!(texts(&body), ["保留新增移入尾"]);
    }

    /// The whole part and what it reads as.
    fn parsed(body: &str) -> (String, Vec<Paragraph>) {
        let xml = doc(body);
        let paras = read(body);
        (xml, paras)
    }

    /// What each paragraph's anchor points at: the tag, the content start, the end tag.
    fn anchored(body: &str) -> Vec<Option<(String, String, String)>> {
        let (xml, paras) = parsed(body);
        paras
            .iter()
            .map(|p| {
                p.anchor.map(|a| {
                    (
                        xml[a.tag..a.tag + 4].to_string(),
                        xml[a.content..a.content + 5].to_string(),
                        xml[a.end..a.end + 6].to_string(),
                    )
                })
            })
            .collect()
    }

    #[test]
    fn anchors_point_into_the_xml() {
        let some = |t: &str, c: &str, e: &str| Some((t.to_string(), c.to_string(), e.to_string()));
        let body = format!(
            r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p><w:p/>{}<w:p><w:r><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></w:r></w:p>"#,
            r("甲"),
            p(&r("乙")),
            p(&r("框"))
        );
        assert_eq!(
            anchored(&body),
            [
                some("<w:p", "<w:r>", "</w:p>"),
                None,
                some("<w:p", "<w:r>", "</w:p>"),
                some("<w:p", "<w:r>", "</w:p>"),
                None,
            ]
        );
        // Nor in the branch of an mc:AlternateContent that is read.
        let alt = format!(
            r#"<mc:AlternateContent><mc:Choice Requires="w14">{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>"#,
            p(&r("新")),
            p(&r("旧"))
        );
        assert_eq!(anchored(&alt), [None]);
        // Joined by a deleted mark: from the first paragraph's content to the last's end.
        let joined = format!(
            r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>{}</w:p>{}"#,
            r("前半"),
            p(&r("后半"))
        );
        let (xml, paras) = parsed(&joined);
        let a = paras[0].anchor.unwrap();
        assert!(xml[a.content..a.end].contains("前半") && xml[a.content..a.end].contains("后半"));
        assert!(xml[a.end..].starts_with("</w:p><w:sectPr"));
    }

    #[test]
    fn deleted_paragraph_mark_joins_the_next_paragraph() {
        let body = format!(
            r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>{}</w:p>{}{}"#,
            r("前半"),
            p(&r("后半")),
            p(&r("下一段"))
        );
        assert_eq!(texts(&body), ["前半后半", "下一段"]);
        // At the end of a cell there is nothing to join: the paragraph stays.
        let cell = format!(
            r#"<w:tbl><w:tr><w:tc><w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>{}</w:p></w:tc></w:tr></w:tbl>{}"#,
            r("格"),
            p(&r("外"))
        );
        assert_eq!(texts(&cell), ["格", "外"]);
        // Before a table nothing joins either; text-box paragraphs do not join at all.
        let table = format!(
            r#"<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>{}</w:p><w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>"#,
            r("表前"),
            p(&r("格"))
        );
        assert_eq!(texts(&table), ["表前", "格"]);
        let boxed = format!(
            r#"<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>{}</w:p><w:p>{}<w:r><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></w:r></w:p>"#,
            r("甲"),
            r("乙"),
            p(&r("框"))
        );
        assert_eq!(texts(&boxed), ["甲乙", "框"]);
    }

    #[test]
    fn hidden_runs_are_dropped() {
        let body = p(
            r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r>"#,
        );
        assert_eq!(texts(&body), ["显示"]);
        // A paragraph hidden with its mark shows no line.
        let body = format!(
            r#"<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>{}"#,
            p(&r("正文"))
        );
        assert_eq!(texts(&body), ["正文"]);
        // A paragraph whose mark was deleted joins the hidden one, and ends there.
        let body = format!(
            r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>{}</w:p><w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr></w:p>{}"#,
            r("甲"),
            p(&r("乙"))
        );
        assert_eq!(texts(&body), ["甲", "乙"]);
    }

    /// Drafters hide notes with a style as well as directly: a paragraph style or a
    /// character style with `w:vanish`, through `basedOn` too. Direct formatting wins.
    #[test]
    fn text_hidden_by_a_style_is_dropped() {
        let styles = Styles::parse(
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:style w:type="paragraph" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style>
              <w:style w:type="paragraph" w:styleId="NoteBased"><w:basedOn w:val="Note"/></w:style>
              <w:style w:type="character" w:styleId="Hint"><w:rPr><w:vanish/></w:rPr></w:style>
              <w:style w:type="character" w:styleId="Note"><w:rPr><w:b/></w:rPr></w:style>
            </w:styles>"#,
            "word/styles.xml",
        )
        .unwrap();
        let texts = |body: &str| -> Vec<String> {
            read_with(body, &styles, &Numbering::default())
                .into_iter()
                .map(|p| p.text)
                .collect()
        };
        let styled = |id: &str, runs: &str| {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="{id}"/></w:pPr>{runs}</w:p>"#)
        };
        let body = format!(
            "{}{}{}",
            styled("Note", &r("起草说明")),
            styled("NoteBased", &r("内部参考")),
            p(&r("正文"))
        );
        assert_eq!(texts(&body), ["正文"]);
        // A run shown directly in a hidden paragraph stays, and so does its line.
        let shown = r#"<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r>"#;
        assert_eq!(texts(&styled("Note", shown)), ["显示"]);
        // A character style hides its run; one of the same id as a paragraph style does not.
        let runs = format!(
            r#"<w:r><w:rPr><w:rStyle w:val="Hint"/></w:rPr><w:t>（待核实）</w:t></w:r>{}<w:r><w:rPr><w:rStyle w:val="Note"/></w:rPr><w:t>。</w:t></w:r>"#,
            r("受理1200件")
        );
        assert_eq!(texts(&p(&runs)), ["受理1200件。"]);
        let direct = r#"<w:r><w:rPr><w:rStyle w:val="Hint"/><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r>"#;
        assert_eq!(texts(&p(direct)), ["显示"]);
    }

    #[test]
    fn a_deleted_table_row_is_gone() {
        let deleted = |t: &str| {
            p(&format!(
                "<w:del><w:r><w:delText>{t}</w:delText></w:r></w:del>"
            ))
        };
        let body = format!(
            r#"<w:tbl><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>"#,
            deleted("删"),
            deleted("1"),
            p(&r("留")),
            p(&r("2"))
        );
        assert_eq!(texts(&body), ["留", "2"]);
    }

    #[test]
    fn complex_fields_emit_only_results() {
        let body = p(&format!(
            r#"{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "x" "y"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>{}<w:fldSimple w:instr=" NUMPAGES ">{}</w:fldSimple>"#,
            r("第"),
            r("inner"),
            r("结果"),
            r("页"),
            r("9")
        ));
        assert_eq!(texts(&body), ["第结果页9"]);
    }

    /// Word shows a MACROBUTTON's display text, which is in its code; no other code is shown.
    #[test]
    fn a_macro_button_shows_its_prompt() {
        let field = |code: &str| {
            p(&format!(
                r#"{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
                r("日期：")
            ))
        };
        assert_eq!(
            texts(&field(
                " MACROBUTTON  AcceptAllChangesShown [单击此处输入日期] "
            )),
            ["日期：[单击此处输入日期]"]
        );
        assert_eq!(texts(&field(" MACROBUTTON NoMacro ")), ["日期："]);
        assert_eq!(texts(&field(" PAGE ")), ["日期："]);
    }

    #[test]
    fn a_date_field_is_marked() {
        let field = |code: &str| {
            format!(
                r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>{code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
                r("2025年1月20日")
            )
        };
        let simple = format!(
            r#"<w:p><w:fldSimple w:instr=" DATE \@ &quot;yyyy年M月d日&quot; ">{}</w:fldSimple></w:p>"#,
            r("2025年1月20日")
        );
        // A locked field keeps its result.
        let locked = field(" DATE ").replacen(
            r#"w:fldCharType="begin"/>"#,
            r#"w:fldCharType="begin" w:fldLock="1"/>"#,
            1,
        );
        let simple_locked = simple.replace("<w:fldSimple ", r#"<w:fldSimple w:fldLock="true" "#);
        for (xml, live) in [
            (field(r#" DATE \@ "yyyy年M月d日" "#), true),
            (field(" CREATEDATE "), false),
            // The day last saved or printed changes as well.
            (field(r#" SAVEDATE \@ "yyyy年M月d日" "#), true),
            (field(" PRINTDATE "), true),
            (simple.clone(), true),
            (p(&r("2025年1月20日")), false),
            (locked, false),
            (simple_locked, false),
        ] {
            let ps = read(&xml);
            assert_eq!(ps.len(), 1);
            assert_eq!(ps[0].text, "2025年1月20日");
            assert_eq!(ps[0].date_field, live, "{xml}");
        }
    }

    #[test]
    fn a_paragraph_indented_by_its_properties() {
        for (ind, indented) in [
            (r#"<w:ind w:left="420"/>"#, true),
            (r#"<w:ind w:firstLineChars="200" w:firstLine="420"/>"#, true),
            (r#"<w:ind w:left="0" w:hanging="420"/>"#, false),
            ("", false),
        ] {
            let ps = read(&format!(
                r#"<w:p><w:pPr>{ind}</w:pPr>{}</w:p>"#,
                r("三级医院")
            ));
            assert_eq!(ps[0].indented, indented, "{ind}");
        }
    }

    #[test]
    fn a_typed_table_of_contents_is_not_read() {
        let entry = |text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>{}</w:p>"#,
                r(text)
            )
        };
        let body = format!(
            "{}{}{}{}",
            p(&r("目　录")),
            entry("一、主要举措和成效\t1"),
            entry("二、存在的不足和原因\t3"),
            p(&r("一、主要举措和成效"))
        );
        assert_eq!(texts(&body), ["一、主要举措和成效"]);
    }

    /// A field spanning paragraphs, with code `code`, showing two lines.
    fn spanning_field(code: &str) -> String {
        format!(
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>{code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}</w:p>{}<w:p>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>{}"#,
            r("一、甲\t1"),
            p(&r("二、乙\t2")),
            r(""),
            p(&r("正文"))
        )
    }

    #[test]
    fn fields_can_span_paragraphs() {
        let body = spanning_field(r#" HYPERLINK "http://example.org" "#);
        assert_eq!(texts(&body), ["一、甲\t1", "二、乙\t2", "", "正文"]);
    }

    #[test]
    fn a_table_of_contents_is_not_text() {
        // The code may come in pieces, and in either case.
        // Its entries' paragraphs go with their text, and so does a 目录 heading before it.
        let body = spanning_field(r#"</w:instrText></w:r><w:r><w:instrText> toc \o "1-3" \h"#);
        assert_eq!(texts(&body), ["正文"]);
        assert_eq!(texts(&format!("{}{body}", p(&r("目  录")))), ["正文"]);
        assert_eq!(
            texts(&format!("{}{}{body}", p(&r("标题")), p(&r("目录说明")))),
            ["标题", "目录说明", "正文"]
        );
        let simple = format!(
            r#"<w:p><w:fldSimple w:instr=" TOC \o ">{}</w:fldSimple></w:p>{}"#,
            r("一、甲"),
            p(&r("正文"))
        );
        assert_eq!(texts(&simple), ["", "正文"]);
    }

    #[test]
    fn wrappers_are_unwrapped() {
        let body = p(&format!(
            r#"<w:hyperlink r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{}</w:hyperlink><w:sdt><w:sdtPr><w:alias w:val="x"/><w:placeholder><w:docPart w:val="y"/></w:placeholder></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt><w:smartTag w:uri="u" w:element="place"><w:smartTagPr/>{}</w:smartTag><w:customXml w:element="c">{}</w:customXml><w:r><w:footnoteReference w:id="1"/></w:r><w:bookmarkStart w:id="0" w:name="a"/><w:proofErr w:type="spellStart"/><w:ruby><w:rubyPr/><w:rt>{}</w:rt><w:rubyBase>{}</w:rubyBase></w:ruby>"#,
            r("链接"),
            r("控件"),
            r("标记"),
            r("自定义"),
            r("pīn"),
            r("拼")
        ));
        assert_eq!(texts(&body), ["链接控件标记自定义拼"]);
        let block_sdt = format!(
            "<w:sdt><w:sdtContent>{}{}</w:sdtContent></w:sdt>",
            p(&r("甲")),
            p(&r("乙"))
        );
        assert_eq!(texts(&block_sdt), ["甲", "乙"]);
    }

    #[test]
    fn spaces_at_the_ends_of_a_text_are_kept_only_when_preserved() {
        let loose =
            p(r#"<w:r><w:t>受理120件， </w:t></w:r><w:r><w:t> 办结&amp;118件 </w:t></w:r>"#);
        assert_eq!(texts(&loose), ["受理120件，办结&118件"]);
        // An empty text after a closing page break adds no line.
        let broken = p(&format!(
            r#"{}<w:r><w:br w:type="page"/></w:r><w:r><w:t/></w:r>"#,
            r("甲")
        ));
        assert_eq!(texts(&broken), texts(&p(&r("甲"))));
        let inner = p(r#"<w:r><w:t>甲  乙</w:t></w:r>"#);
        assert_eq!(texts(&inner), ["甲  乙"]);
        assert_eq!(texts(&p(&format!("{}{}", r("甲 "), r(" 乙")))), ["甲  乙"]);
        // Preserved for the whole document by its root.
        let kept = doc(&loose).replacen("<w:document ", r#"<w:document xml:space="preserve" "#, 1);
        let read = parse(
            &kept,
            "word/document.xml",
            &Styles::default(),
            &Numbering::default(),
        );
        assert_eq!(read.unwrap()[0].text, "受理120件，  办结&118件 ");
    }

    #[test]
    fn alternate_content_is_read_once() {
        let textbox = |t: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(&r(t)));
        let with_fallback = p(&format!(
            r#"{}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>{}"#,
            r("锚前"),
            textbox("选择分支"),
            textbox("文本框"),
            r("锚后")
        ));
        assert_eq!(texts(&with_fallback), ["锚前锚后", "选择分支"]);
        // A Choice that requires what Word does not know gives way to the Fallback.
        let unknown = with_fallback.replace(r#"Requires="wps""#, r#"Requires="wps x9""#);
        assert_eq!(texts(&unknown), ["锚前锚后", "文本框"]);
        let choices_only = p(&format!(
            r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps">{}</mc:Choice><mc:Choice Requires="v">{}</mc:Choice></mc:AlternateContent></w:r>"#,
            textbox("第一"),
            textbox("第二")
        ));
        assert_eq!(texts(&choices_only), ["", "第一"]);
        // A nested AlternateContent is judged on its own.
        let nested = format!(
            r#"<mc:AlternateContent><mc:Choice Requires="x">{}</mc:Choice><mc:Fallback><mc:AlternateContent><mc:Choice Requires="y">{}</mc:Choice></mc:AlternateContent></mc:Fallback></mc:AlternateContent>"#,
            p(&r("外选择")),
            p(&r("内选择"))
        );
        assert_eq!(texts(&nested), ["内选择"]);
    }

    type Cell = Option<(u32, u32, u32)>;

    #[test]
    fn merged_cells_keep_the_columns_under_their_headers() {
        let cell = |t: &str, span: u32| {
            format!(
                "<w:tc><w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>{}</w:tc>",
                p(&r(t))
            )
        };
        let body = format!(
            "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>{}</w:tr></w:tbl>",
            cell("序号", 1),
            cell("单位", 1),
            cell("件数", 1),
            cell("合计", 2),
            cell("55", 1),
            cell("注", 1),
        );
        let got: Vec<(String, Cell)> = read(&body)
            .into_iter()
            .map(|p| (p.text, p.cell.map(|c| (c.table, c.row, c.col))))
            .collect();
        let want = [
            ("序号", (1, 1, 1)),
            ("单位", (1, 1, 2)),
            ("件数", (1, 1, 3)),
            ("合计", (1, 2, 1)),
            ("55", (1, 2, 3)),
            ("注", (1, 3, 3)),
        ];
        let want: Vec<(String, Cell)> = want
            .iter()
            .map(|(t, c)| (t.to_string(), Some(*c)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn tables_in_order_with_cells() {
        let cell = |t: &str| {
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>{}</w:tc>",
                p(&r(t))
            )
        };
        let nested = format!(
            "<w:tc><w:tbl><w:tr>{}</w:tr></w:tbl>{}</w:tc>",
            cell("内"),
            p(&r("后"))
        );
        let body = format!(
            "{}<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:trPr/>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}<w:tbl><w:tr>{}</w:tr></w:tbl>",
            p(&r("前")),
            cell("A1"),
            cell("B1"),
            cell("A2"),
            nested,
            p(&r("中")),
            cell("X")
        );
        let got: Vec<(String, Cell)> = read(&body)
            .into_iter()
            .map(|p| (p.text, p.cell.map(|c| (c.table, c.row, c.col))))
            .collect();
        let want = [
            ("前", None),
            ("A1", Some((1, 1, 1))),
            ("B1", Some((1, 1, 2))),
            ("A2", Some((1, 2, 1))),
            ("内", Some((2, 1, 1))),
            ("后", Some((1, 2, 2))),
            ("中", None),
            ("X", Some((3, 1, 1))),
        ];
        let want: Vec<(String, Cell)> = want.iter().map(|(t, c)| (t.to_string(), *c)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn math_text_is_kept() {
        let body = p(&format!(
            r#"{}<m:oMath><m:r><m:rPr><m:sty m:val="p"/></m:rPr><m:t>x=1</m:t></m:r></m:oMath>"#,
            r("式")
        ));
        assert_eq!(texts(&body), ["式x=1"]);
    }

    #[test]
    fn strict_namespace_with_other_prefix() {
        let xml = r#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>严格</x:t></x:r></x:p></x:body></x:document>"#;
        let got = parse(
            xml,
            "word/document.xml",
            &Styles::default(),
            &Numbering::default(),
        )
        .unwrap();
        assert_eq!(got[0].text, "严格");
        // A foreign `t` is not WordprocessingML text, and a part of none is no Word body.
        let xml = r#"<w:document xmlns:w="urn:not-word"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"#;
        for not_word in [xml, "", "hello, this is not xml"] {
            let e = parse(not_word, "d", &Styles::default(), &Numbering::default()).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Xml);
            assert!(e.message.contains("不是 Word 正文"), "{}", e.message);
        }
    }

    #[test]
    fn paragraph_count_is_capped() {
        let body = "<w:p/>".repeat(MAX_PARAGRAPHS + 1);
        let e = parse(
            &doc(&body),
            "word/document.xml",
            &Styles::default(),
            &Numbering::default(),
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn broken_documents_are_errors() {
        let s = Styles::default();
        let n = Numbering::default();
        for bad in [
            "<w:document><w:body><w:p></w:body></w:document>".to_string(),
            doc(&p("<w:r><w:t>&nbsp;</w:t></w:r>")),
            format!("<!DOCTYPE d [<!ENTITY x \"y\">]>{}", doc(&p(&r("&x;")))),
            doc(&format!(
                "{}{}",
                "<w:sdt><w:sdtContent>".repeat(300),
                "</w:sdtContent></w:sdt>".repeat(300)
            )),
            doc(&p(&r("unterminated"))).replace("</w:document>", ""),
        ] {
            let e = parse(&bad, "word/document.xml", &s, &n).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Xml, "{bad}: {}", e.message);
            assert!(e.message.contains("word/document.xml"), "{}", e.message);
        }
        // The cause in Chinese, not the XML library's English.
        let e = parse(
            "<w:document><w:body><w:p></w:body></w:document>",
            "word/document.xml",
            &s,
            &n,
        )
        .unwrap_err();
        assert!(
            e.message.contains("开始标签与结束标签不匹配"),
            "{}",
            e.message
        );
    }

    /// (label, text, style, outline level)
    type View<'a> = (Option<&'a str>, &'a str, Option<&'a str>, Option<u8>);

    fn styles_and_numbering() -> (Styles, Numbering) {
        let styles = Styles::parse(
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
              <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="WpsTitle"><w:name w:val="标题 3"/></w:style>
            </w:styles>"#,
            "word/styles.xml",
        )
        .unwrap();
        let numbering = Numbering::parse(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:abstractNum w:abstractNumId="0">
                <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
                <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
                <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
              </w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
              <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            </w:numbering>"#,
            "word/numbering.xml",
        )
        .unwrap();
        (styles, numbering)
    }

    fn styled(style: &str, extra: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{}</w:p>"#,
            r(text)
        )
    }

    /// A seal drawn as a shape over the signature: its star is no line of the report.
    #[test]
    fn a_text_box_of_symbols_is_a_drawing() {
        let boxed = |t: &str| {
            p(&format!(
                r#"{}<w:r><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></w:r>"#,
                r("青岚县卫生健康委员会"),
                p(&r(t))
            ))
        };
        assert_eq!(texts(&boxed("★")), ["青岚县卫生健康委员会"]);
        assert_eq!(texts(&boxed(" → ")), ["青岚县卫生健康委员会"]);
        assert_eq!(texts(&boxed("★审核")), ["青岚县卫生健康委员会", "★审核"]);
    }

    /// A seal drawn as a circle and the unit's name bent along it (WordArt in a group) is no
    /// second 署名; a plain text box in a group, or a bent one alone, is text.
    #[test]
    fn a_seal_drawn_with_word_art_is_a_drawing() {
        let shape = |group: bool, warp: &str| {
            let text_box = format!(
                r#"<wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx><wps:bodyPr>{warp}</wps:bodyPr></wps:wsp>"#,
                p(&r("青岚县卫生健康委员会"))
            );
            let shapes = if group {
                format!(
                    r#"<wpg:wgp><wps:wsp><a:prstGeom prst="ellipse"/></wps:wsp>{text_box}</wpg:wgp>"#
                )
            } else {
                text_box
            };
            p(&format!(
                r#"{}<w:r><w:drawing><wp:anchor>{shapes}</wp:anchor></w:drawing></w:r>"#,
                r("青岚县卫生健康委员会")
            ))
        };
        let arc = r#"<a:prstTxWarp prst="textArchUp"><a:avLst/></a:prstTxWarp>"#;
        let none = r#"<a:prstTxWarp prst="textNoShape"><a:avLst/></a:prstTxWarp>"#;
        assert_eq!(texts(&shape(true, arc)), ["青岚县卫生健康委员会"]);
        for (group, warp) in [(true, ""), (true, none), (false, arc)] {
            assert_eq!(texts(&shape(group, warp)).len(), 2, "{group} {warp}");
        }
    }

    /// A numbered heading hidden with its mark shows nothing, not even its number, and
    /// still counts: the reader sees （一） then （三）.
    #[test]
    fn a_hidden_numbered_heading_keeps_its_count_and_shows_nothing() {
        let (styles, numbering) = styles_and_numbering();
        let hidden = r#"<w:p><w:pPr><w:pStyle w:val="2"/><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐去</w:t></w:r></w:p>"#;
        let body = format!("{}{hidden}{}", styled("2", "", "甲"), styled("2", "", "丙"));
        assert_eq!(
            numbered(&body, &styles, &numbering),
            [
                (Some("（一）".to_string()), "甲".to_string()),
                (Some("（三）".to_string()), "丙".to_string())
            ]
        );
    }

    /// What Word shows on one line is one paragraph: a drop cap with the text it starts,
    /// and a run-in heading written with a style separator with its body, the heading
    /// keeping its number and level.
    #[test]
    fn drop_caps_and_style_separators_run_on() {
        let (styles, numbering) = styles_and_numbering();
        let drop_cap = |kind: &str| {
            format!(
                r#"<w:p><w:pPr><w:framePr w:dropCap="{kind}" w:lines="2"/></w:pPr>{}</w:p>{}"#,
                r("2"),
                p(&r("024年，我委推进法治政府建设。"))
            )
        };
        let texts =
            |body: &str| -> Vec<(Option<String>, String)> { numbered(body, &styles, &numbering) };
        let joined = vec![(None, "2024年，我委推进法治政府建设。".to_string())];
        assert_eq!(texts(&drop_cap("drop")), joined);
        assert_eq!(texts(&drop_cap("margin")), joined);
        assert_eq!(texts(&drop_cap("none")).len(), 2);
        let separator = r#"<w:rPr><w:vanish/><w:specVanish/></w:rPr>"#;
        let body = [
            styled("1", separator, "主要举措和成效。"),
            p(&r("全年制定规范性文件3件。")),
            p(&r("下一段")),
        ]
        .concat();
        let got = read_with(&body, &styles, &numbering);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].auto_number.as_deref(), Some("一、"));
        assert_eq!(got[0].text, "主要举措和成效。全年制定规范性文件3件。");
        assert_eq!(got[0].outline_level, Some(1));
        assert_eq!(got[1].text, "下一段");
        // The body's own number shows where it starts; a deleted mark after it joins more
        // text, and the heading keeps its number still.
        let deleted_mark = r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>全年制定文件3件，</w:t></w:r></w:p>"#;
        let body = [
            styled("1", separator, "主要举措。"),
            styled("2", "", "加强组织领导。"),
            styled("1", separator, "存在的不足。"),
            deleted_mark.to_string(),
            p(&r("清理文件9件。")),
        ]
        .concat();
        let got = numbered(&body, &styles, &numbering);
        assert_eq!(
            got,
            [
                (Some("一、".into()), "主要举措。（一）加强组织领导。".into()),
                (
                    Some("二、".into()),
                    "存在的不足。全年制定文件3件，清理文件9件。".into()
                ),
            ]
        );
    }

    #[test]
    fn numbering_from_styles_and_paragraphs() {
        let (styles, numbering) = styles_and_numbering();
        let three = r#"<w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>"#;
        let body = [
            styled("1", "", "主要举措和成效"),
            styled("2", "", "强化基层"),
            styled("a", three, "第一项"),
            styled("a", three, "第二项"),
            styled("2", "", "完善机制"),
            styled("1", "", "存在问题"),
            styled("2", "", "短板"),
            // numId 0 removes the style's numbering; Word writes an ilvl 0 beside it.
            styled(
                "2",
                r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>"#,
                "无编号",
            ),
            styled("2", "", "弱项"),
            // A restart by mistake: a new num with startOverride.
            styled(
                "a",
                r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>"#,
                "重来",
            ),
            styled("WpsTitle", r#"<w:outlineLvl w:val="9"/>"#, "正文级别"),
            styled("WpsTitle", "", "名称标题"),
            p(&r("普通")),
        ]
        .concat();
        let got = read_with(&body, &styles, &numbering);
        let view: Vec<View> = got
            .iter()
            .map(|p| {
                (
                    p.auto_number.as_deref(),
                    p.text.as_str(),
                    p.style.as_deref(),
                    p.outline_level,
                )
            })
            .collect();
        assert_eq!(
            view,
            [
                (Some("一、"), "主要举措和成效", Some("heading 1"), Some(1)),
                (Some("（一）"), "强化基层", Some("heading 2"), Some(2)),
                (Some("1."), "第一项", Some("Normal"), None),
                (Some("2."), "第二项", Some("Normal"), None),
                (Some("（二）"), "完善机制", Some("heading 2"), Some(2)),
                (Some("二、"), "存在问题", Some("heading 1"), Some(1)),
                (Some("（一）"), "短板", Some("heading 2"), Some(2)),
                (None, "无编号", Some("heading 2"), Some(2)),
                (Some("（二）"), "弱项", Some("heading 2"), Some(2)),
                (Some("（一）"), "重来", Some("Normal"), None),
                (None, "正文级别", Some("标题 3"), None),
                (None, "名称标题", Some("标题 3"), Some(3)),
                (None, "普通", Some("Normal"), None),
            ]
        );
        // Each paragraph's place in the list; the one switched off keeps its style's.
        let slot = |level, removed| {
            Some(crate::document::ListSlot {
                num_id: 1,
                level,
                removed,
            })
        };
        assert_eq!(got[1].list, slot(1, false));
        assert_eq!(got[2].list, slot(2, false));
        assert_eq!(got[7].list, slot(1, true));
        assert_eq!(got[12].list, None);
    }

    /// A 落款 in a text box anchored on a heading shows at its place on that page: it is
    /// read at the end of the page, before a page break, a new section or a page that a
    /// paragraph starts.
    #[test]
    fn a_sign_off_box_is_read_at_the_end_of_its_page() {
        let boxed = |anchor: &str, lines: &[&str]| {
            let inner: String = lines.iter().map(|l| p(&r(l))).collect();
            p(&format!(
                r#"<w:r><w:drawing><wp:anchor><wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></w:r>{}"#,
                r(anchor)
            ))
        };
        let sign_off = ["云川市柳溪区卫生健康局", "2026年1月15日"];
        let heading = boxed("四、主要安排", &sign_off);
        let body = p(&r("一是深化依法决策。"));
        assert_eq!(
            texts(&format!("{heading}{body}")),
            [
                "四、主要安排",
                "一是深化依法决策。",
                sign_off[0],
                sign_off[1]
            ]
        );
        let page_break = p(r#"<w:r><w:br w:type="page"/></w:r><w:r><w:t>附件</w:t></w:r>"#);
        let break_before =
            r#"<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>附件</w:t></w:r></w:p>"#;
        let section =
            r#"<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>二是强化执法监督。</w:t></w:r></w:p>"#;
        for (next_page, first) in [
            (format!("{body}{page_break}"), "一是深化依法决策。"),
            (format!("{body}{break_before}"), "一是深化依法决策。"),
            (format!("{section}{}", p(&r("附件"))), "二是强化执法监督。"),
        ] {
            assert_eq!(
                texts(&format!("{heading}{next_page}")),
                ["四、主要安排", first, sign_off[0], sign_off[1], "附件"]
            );
        }
        // Not a 落款: a box of sentences stays after its anchor.
        let note = boxed("四、主要安排", &["注：数据截至2025年底。", "2026年1月15日"]);
        assert_eq!(
            texts(&format!("{note}{body}")),
            [
                "四、主要安排",
                "注：数据截至2025年底。",
                "2026年1月15日",
                "一是深化依法决策。"
            ]
        );
    }

    #[test]
    fn textbox_numbering_counts_after_its_anchor() {
        let (styles, numbering) = styles_and_numbering();
        let body = format!(
            r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>{}<w:r><w:pict><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></w:pict></w:r></w:p>{}"#,
            r("锚"),
            styled("1", "", "框内"),
            styled("1", "", "其后")
        );
        let got = numbered(&body, &styles, &numbering);
        assert_eq!(
            got,
            [
                (Some("一、".into()), "锚".into()),
                (Some("二、".into()), "框内".into()),
                (Some("三、".into()), "其后".into()),
            ]
        );
    }

    #[test]
    fn deleted_mark_takes_the_next_paragraphs_number() {
        let (styles, numbering) = styles_and_numbering();
        let body = format!(
            r#"<w:p><w:pPr><w:pStyle w:val="1"/><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>{}</w:p>{}{}"#,
            r("合并"),
            styled("a", "", "进来"),
            styled("1", "", "下一章")
        );
        let got = numbered(&body, &styles, &numbering);
        assert_eq!(
            got,
            [
                (None, "合并进来".into()),
                (Some("一、".into()), "下一章".into())
            ]
        );
    }

    #[test]
    fn large_document_is_linear() {
        let one = p(&format!(
            "{}{}<w:r><w:rPr><w:b/></w:rPr><w:t>加粗</w:t></w:r>",
            r("青禾市卫生健康委员会推进基层医疗卫生服务能力建设"),
            r("&amp;")
        ));
        let body = one.repeat(20_000);
        let start = std::time::Instant::now();
        let got = read(&body);
        assert_eq!(got.len(), 20_000);
        // Generous even for debug builds; the release target is far below.
        assert!(start.elapsed().as_secs() < 20);
    }
}
