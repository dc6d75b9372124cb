//! `numbering.xml` and the counters that render Word's automatic numbers ("一、", "（一）",
//! "1.", "（1）") the way Word shows them (engineering.md §3.5).

use super::styles::Styles;
use super::xml::{Ev, Ns, XmlReader, truncate};
use crate::source::error::SourceError;
use std::collections::{HashMap, HashSet};

const LEVELS: usize = 9;
/// Labels are copied into every numbered paragraph; real ones are a few characters.
const MAX_LABEL_BYTES: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum NumFmt {
    #[default]
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    DecimalEnclosedCircle,
    DecimalEnclosedParen,
    DecimalEnclosedFullstop,
    ChineseCounting,
    ChineseCountingThousand,
    ChineseLegalSimplified,
    IdeographDigital,
    IdeographTraditional,
    IdeographZodiac,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    Bullet,
    None,
}

impl NumFmt {
    /// Unknown formats render as decimal, which is what a reader most likely expects.
    pub(crate) fn parse(s: &str) -> NumFmt {
        match s {
            "decimalZero" => NumFmt::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumFmt::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                NumFmt::DecimalEnclosedCircle
            }
            "decimalEnclosedParen" => NumFmt::DecimalEnclosedParen,
            "decimalEnclosedFullstop" => NumFmt::DecimalEnclosedFullstop,
            // LibreOffice writes the taiwanese forms for its NUMBER_LOWER_ZH family; Word
            // shows japaneseCounting as 一、二……十一 too.
            "chineseCounting" | "taiwaneseCounting" | "japaneseCounting" => NumFmt::ChineseCounting,
            "chineseCountingThousand" | "taiwaneseCountingThousand" => {
                NumFmt::ChineseCountingThousand
            }
            "chineseLegalSimplified" => NumFmt::ChineseLegalSimplified,
            "ideographDigital" | "taiwaneseDigital" => NumFmt::IdeographDigital,
            "ideographTraditional" => NumFmt::IdeographTraditional,
            "ideographZodiac" => NumFmt::IdeographZodiac,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperRoman" => NumFmt::UpperRoman,
            "lowerRoman" => NumFmt::LowerRoman,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One `w:lvl`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Level {
    pub start: Option<u32>,
    pub fmt: Option<NumFmt>,
    /// A `numFmt` seen only inside `mc:Choice` (Word 2010 custom formats); the fallback wins.
    pub choice_fmt: Option<NumFmt>,
    pub text: Option<String>,
    pub restart: Option<u32>,
    pub is_lgl: bool,
    pub suffix: Suffix,
    pub p_style: Option<String>,
}

impl Level {
    fn fmt(&self) -> NumFmt {
        self.fmt.or(self.choice_fmt).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct AbstractNum {
    pub levels: [Option<Level>; LEVELS],
    pub num_style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Override {
    pub start: Option<u32>,
    pub level: Option<Level>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Num {
    pub abstract_id: Option<u32>,
    pub overrides: [Option<Override>; LEVELS],
}

#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<u32, AbstractNum>,
    nums: HashMap<u32, Num>,
}

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    Root,
    Abstract,
    Num,
    Override,
    Lvl,
    Alt,
    Choice,
    Fallback,
    Leaf,
}

/// Where the `w:lvl` being read goes.
enum LvlTarget {
    Abstract(usize),
    Override,
}

impl Numbering {
    pub(crate) fn parse(xml: &str, part: &str) -> Result<Numbering, SourceError> {
        let mut r = XmlReader::new(xml, part);
        let mut out = Numbering::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut abs: Option<(u32, AbstractNum)> = None;
        let mut num: Option<(u32, Num)> = None;
        let mut ovr: Option<(usize, Override)> = None;
        let mut lvl: Option<(LvlTarget, Level)> = None;
        loop {
            let (ns, e, empty) = match r.next()? {
                Ev::Open { ns, e, empty } => (ns, e, empty),
                Ev::Close => {
                    match stack.pop() {
                        Some(Frame::Abstract) => out.commit_abstract(abs.take()),
                        Some(Frame::Num) => out.commit_num(num.take()),
                        Some(Frame::Override) => commit_override(&mut num, ovr.take()),
                        Some(Frame::Lvl) => commit_level(&mut abs, &mut ovr, lvl.take()),
                        _ => {}
                    }
                    continue;
                }
                Ev::Text(_) => continue,
                Ev::Eof => return Ok(out),
            };
            let local = e.local_name().into_inner();
            let in_choice = stack.contains(&Frame::Choice);
            let frame = match (stack.last().copied(), ns, local) {
                (None, ..) => Some(Frame::Root),
                (Some(Frame::Root), Ns::W, "abstractNum") => r
                    .w_attr(&e, "abstractNumId")?
                    .and_then(|v| v.trim().parse().ok())
                    .map(|id| {
                        abs = Some((id, AbstractNum::default()));
                        Frame::Abstract
                    }),
                (Some(Frame::Root), Ns::W, "num") => r
                    .w_attr(&e, "numId")?
                    .and_then(|v| v.trim().parse().ok())
                    .map(|id| {
                        num = Some((id, Num::default()));
                        Frame::Num
                    }),
                (Some(Frame::Abstract), Ns::W, "numStyleLink") => {
                    if let Some((_, a)) = abs.as_mut() {
                        a.num_style_link = r.w_attr(&e, "val")?.map(|v| v.into_owned());
                    }
                    Some(Frame::Leaf)
                }
                (Some(Frame::Abstract), Ns::W, "lvl") => level_index(&r, &e)?.map(|i| {
                    lvl = Some((LvlTarget::Abstract(i), Level::default()));
                    Frame::Lvl
                }),
                (Some(Frame::Num), Ns::W, "abstractNumId") => {
                    if let Some((_, n)) = num.as_mut() {
                        n.abstract_id = r.w_val_u32(&e)?;
                    }
                    Some(Frame::Leaf)
                }
                (Some(Frame::Num), Ns::W, "lvlOverride") => level_index(&r, &e)?.map(|i| {
                    ovr = Some((i, Override::default()));
                    Frame::Override
                }),
                (Some(Frame::Override), Ns::W, "startOverride") => {
                    if let Some((_, o)) = ovr.as_mut() {
                        o.start = r.w_val_u32(&e)?;
                    }
                    Some(Frame::Leaf)
                }
                (Some(Frame::Override), Ns::W, "lvl") => {
                    lvl = Some((LvlTarget::Override, Level::default()));
                    Some(Frame::Lvl)
                }
                (
                    Some(Frame::Lvl | Frame::Choice | Frame::Fallback),
                    Ns::Mc,
                    "AlternateContent",
                ) => Some(Frame::Alt),
                (Some(Frame::Alt), Ns::Mc, "Choice") => Some(Frame::Choice),
                (Some(Frame::Alt), Ns::Mc, "Fallback") => Some(Frame::Fallback),
                (Some(Frame::Lvl | Frame::Choice | Frame::Fallback), Ns::W, _) => {
                    if let Some((_, l)) = lvl.as_mut() {
                        read_level_property(&r, &e, local, l, in_choice)?;
                    }
                    Some(Frame::Leaf)
                }
                _ => None,
            };
            match frame {
                None => r.skip_open(&e, empty)?,
                Some(f) if empty => match f {
                    Frame::Abstract => out.commit_abstract(abs.take()),
                    Frame::Num => out.commit_num(num.take()),
                    Frame::Override => commit_override(&mut num, ovr.take()),
                    Frame::Lvl => commit_level(&mut abs, &mut ovr, lvl.take()),
                    _ => {}
                },
                Some(f) => stack.push(f),
            }
        }
    }

    fn commit_abstract(&mut self, a: Option<(u32, AbstractNum)>) {
        if let Some((id, a)) = a {
            self.abstracts.entry(id).or_insert(a);
        }
    }

    fn commit_num(&mut self, n: Option<(u32, Num)>) {
        if let Some((id, n)) = n {
            self.nums.entry(id).or_insert(n);
        }
    }

    /// The abstract numbering a `w:num` renders with, following `w:numStyleLink` through a
    /// numbering style to the abstractNum that holds the real levels.
    fn resolve(&self, num: &Num, styles: &Styles) -> Option<(u32, &AbstractNum)> {
        let mut id = num.abstract_id?;
        let mut abs = self.abstracts.get(&id)?;
        for _ in 0..4 {
            let Some(link) = abs.num_style_link.as_deref() else {
                break;
            };
            let Some(linked) = styles
                .num_pr(Some(link))
                .0
                .and_then(|n| self.nums.get(&n))
                .and_then(|n| n.abstract_id)
                .filter(|&a| a != id)
            else {
                break;
            };
            let Some(next) = self.abstracts.get(&linked) else {
                break;
            };
            id = linked;
            abs = next;
        }
        Some((id, abs))
    }
}

fn level_index(
    r: &XmlReader<'_>,
    e: &quick_xml::events::BytesStart<'_>,
) -> Result<Option<usize>, SourceError> {
    Ok(r.w_attr(e, "ilvl")?
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| i < LEVELS))
}

fn read_level_property(
    r: &XmlReader<'_>,
    e: &quick_xml::events::BytesStart<'_>,
    local: &str,
    l: &mut Level,
    in_choice: bool,
) -> Result<(), SourceError> {
    match local {
        "start" => l.start = r.w_val_u32(e)?,
        "numFmt" => {
            let fmt = r.w_attr(e, "val")?.map(|v| NumFmt::parse(v.trim()));
            if in_choice {
                l.choice_fmt = l.choice_fmt.or(fmt);
            } else if fmt.is_some() {
                l.fmt = fmt;
            }
        }
        "lvlText" => {
            l.text = r.w_attr(e, "val")?.map(|v| {
                let mut t = v.into_owned();
                truncate(&mut t, MAX_LABEL_BYTES);
                t
            })
        }
        "lvlRestart" => l.restart = r.w_val_u32(e)?,
        "isLgl" => l.is_lgl = r.w_on_off(e)?,
        "suff" => {
            l.suffix = match r.w_attr(e, "val")?.as_deref().map(str::trim) {
                Some("space") => Suffix::Space,
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            }
        }
        "pStyle" => l.p_style = r.w_attr(e, "val")?.map(|v| v.into_owned()),
        _ => {}
    }
    Ok(())
}

fn commit_override(num: &mut Option<(u32, Num)>, o: Option<(usize, Override)>) {
    if let (Some((_, n)), Some((i, o))) = (num.as_mut(), o) {
        n.overrides[i] = Some(o);
    }
}

fn commit_level(
    abs: &mut Option<(u32, AbstractNum)>,
    ovr: &mut Option<(usize, Override)>,
    lvl: Option<(LvlTarget, Level)>,
) {
    match lvl {
        Some((LvlTarget::Abstract(i), l)) => {
            if let Some((_, a)) = abs.as_mut()
                && a.levels[i].is_none()
            {
                a.levels[i] = Some(l);
            }
        }
        Some((LvlTarget::Override, l)) => {
            if let Some((_, o)) = ovr.as_mut() {
                o.level = Some(l);
            }
        }
        None => {}
    }
}

/// List counters for one part, advanced paragraph by paragraph in document order.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    /// Keyed by abstractNumId: nums sharing an abstract continue one list (pandoc #8367).
    lists: HashMap<u32, [Option<u32>; LEVELS]>,
    seen_nums: HashSet<u32>,
}

impl Counters {
    /// Advances the list of `num_id` at `ilvl` and returns the label Word would show, suffix
    /// included ("一、", "（一）", "1. "). `None` when the numbering is undefined or empty.
    pub(crate) fn next_label(
        &mut self,
        numbering: &Numbering,
        styles: &Styles,
        num_id: u32,
        ilvl: Option<u32>,
        para_style: Option<&str>,
    ) -> Option<String> {
        let num = numbering.nums.get(&num_id)?;
        let (abs_id, abs) = numbering.resolve(num, styles)?;
        let ilvl = match ilvl {
            Some(i) => i as usize,
            None => para_style
                .and_then(|s| {
                    abs.levels
                        .iter()
                        .position(|l| l.as_ref().and_then(|l| l.p_style.as_deref()) == Some(s))
                })
                .unwrap_or(0),
        };
        if ilvl >= LEVELS {
            return None;
        }
        let level_of = |k: usize| {
            let o = num.overrides[k].as_ref();
            o.and_then(|o| o.level.as_ref())
                .or(abs.levels[k].as_ref())
                .map(|l| (l, o.and_then(|o| o.start).or(l.start).unwrap_or(0)))
        };
        let (level, start) = level_of(ilvl)?;

        let counters = self.lists.entry(abs_id).or_default();
        if self.seen_nums.insert(num_id) {
            // Word restarts a list by pointing an item at a new num with a startOverride.
            for (k, o) in num.overrides.iter().enumerate() {
                if o.as_ref()
                    .is_some_and(|o| o.start.is_some() || o.level.is_some())
                {
                    counters[k] = None;
                }
            }
        }
        // A level skipped on the way down counts as one item already shown: Word numbers a
        // list's first level-1 item "2" after level-2 items (Microsoft KB Q110380), and
        // LibreOffice does the same.
        for (k, counter) in counters.iter_mut().enumerate().take(ilvl) {
            if counter.is_none() {
                *counter = level_of(k).map(|(_, start)| start);
            }
        }
        counters[ilvl] = Some(match counters[ilvl] {
            Some(c) => c.saturating_add(1),
            None => start,
        });
        for (k, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = match level_of(k).and_then(|(l, _)| l.restart) {
                None => true,
                Some(0) => false,
                Some(r) => (ilvl as u32) < r,
            };
            if restarts {
                *counter = None;
            }
        }

        let fmt = level.fmt();
        let text = level.text.as_deref().unwrap_or("");
        let mut label = String::new();
        if fmt == NumFmt::Bullet {
            // Word's default bullet is a Symbol-font glyph in the private range: a bullet.
            label.extend(text.chars().map(|c| match c {
                '\u{F000}'..='\u{F0FF}' => '•',
                c => c,
            }));
        } else {
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if label.len() > MAX_LABEL_BYTES {
                    break;
                }
                let k = match (c, chars.peek()) {
                    ('%', Some(d @ '1'..='9')) => *d as usize - '1' as usize,
                    _ => {
                        label.push(c);
                        continue;
                    }
                };
                chars.next();
                let Some((l, start)) = level_of(k) else {
                    continue;
                };
                let value = counters[k].unwrap_or(start);
                let f = if level.is_lgl {
                    NumFmt::Decimal
                } else {
                    l.fmt()
                };
                format_number(value, f, &mut label);
            }
        }
        truncate(&mut label, MAX_LABEL_BYTES);
        if label.is_empty() {
            return None;
        }
        // A tab suffix is layout, not text; we render it as nothing.
        if level.suffix == Suffix::Space {
            label.push(' ');
        }
        Some(label)
    }
}

const CN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_ZERO: char = '零';
const CN_UNITS: [char; 3] = ['十', '百', '千'];
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_UNITS: [char; 3] = ['拾', '佰', '仟'];
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// Appends `n` rendered in `fmt` to `out`.
pub(crate) fn format_number(n: u32, fmt: NumFmt, out: &mut String) {
    use std::fmt::Write;
    match fmt {
        NumFmt::Decimal => {
            let _ = write!(out, "{n}");
        }
        NumFmt::DecimalZero => {
            let _ = write!(out, "{n:02}");
        }
        NumFmt::DecimalFullWidth => {
            for d in n.to_string().bytes() {
                out.push(char::from_u32(0xFF10 + u32::from(d - b'0')).unwrap_or('?'));
            }
        }
        NumFmt::DecimalEnclosedCircle => enclosed(n, 0x2460, out),
        NumFmt::DecimalEnclosedParen => enclosed(n, 0x2474, out),
        NumFmt::DecimalEnclosedFullstop => enclosed(n, 0x2488, out),
        NumFmt::ChineseCounting => chinese_counting(n, out),
        NumFmt::ChineseCountingThousand => {
            chinese_full(n, &CN_DIGITS, CN_ZERO, &CN_UNITS, true, out)
        }
        NumFmt::ChineseLegalSimplified => {
            chinese_full(n, &LEGAL_DIGITS, '零', &LEGAL_UNITS, false, out)
        }
        NumFmt::IdeographDigital => digitwise(n, out),
        NumFmt::IdeographTraditional => cyclic(n, &STEMS, out),
        NumFmt::IdeographZodiac => cyclic(n, &BRANCHES, out),
        NumFmt::UpperLetter => letters(n, b'A', out),
        NumFmt::LowerLetter => letters(n, b'a', out),
        NumFmt::UpperRoman => roman(n, false, out),
        NumFmt::LowerRoman => roman(n, true, out),
        NumFmt::Bullet | NumFmt::None => {}
    }
}

/// ①..⑳ (and the paren / full-stop series); decimal outside 1..=20.
fn enclosed(n: u32, first: u32, out: &mut String) {
    match (1..=20)
        .contains(&n)
        .then(|| char::from_u32(first + n - 1))
        .flatten()
    {
        Some(c) => out.push(c),
        None => format_number(n, NumFmt::Decimal, out),
    }
}

/// 1–99 as Word counts (十一, 二十一); larger numbers digit by digit with 〇.
fn chinese_counting(n: u32, out: &mut String) {
    match n {
        0..=9 => out.push(CN_DIGITS[n as usize]),
        10..=99 => {
            if n >= 20 {
                out.push(CN_DIGITS[(n / 10) as usize]);
            }
            out.push('十');
            if !n.is_multiple_of(10) {
                out.push(CN_DIGITS[(n % 10) as usize]);
            }
        }
        _ => digitwise(n, out),
    }
}

fn digitwise(n: u32, out: &mut String) {
    for d in n.to_string().bytes() {
        out.push(CN_DIGITS[usize::from(d - b'0')]);
    }
}

/// Full counting with 十百千 inside four-digit groups, 万/亿 between groups, and 零 for gaps:
/// 101 → 一百零一, 10001 → 一万零一. `short_ten` drops the leading 一 of 一十.
fn chinese_full(
    n: u32,
    digits: &[char; 10],
    zero: char,
    units: &[char; 3],
    short_ten: bool,
    out: &mut String,
) {
    if n == 0 {
        out.push(zero);
        return;
    }
    const BIG: [&str; 3] = ["", "万", "亿"];
    let groups = [n % 10_000, (n / 10_000) % 10_000, n / 100_000_000];
    let begin = out.len();
    let mut need_zero = false;
    for gi in (0..groups.len()).rev() {
        let g = groups[gi];
        if g == 0 {
            need_zero |= out.len() > begin;
            continue;
        }
        if out.len() > begin && g < 1000 {
            need_zero = true;
        }
        if need_zero {
            out.push(zero);
            need_zero = false;
        }
        let mut started = false;
        let mut gap = false;
        for pos in (0..4).rev() {
            let d = (g / 10u32.pow(pos)) % 10;
            if d == 0 {
                gap |= started;
                continue;
            }
            if gap {
                out.push(zero);
                gap = false;
            }
            let leading_ten = short_ten && pos == 1 && d == 1 && out.len() == begin;
            if !leading_ten {
                out.push(digits[d as usize]);
            }
            if pos > 0 {
                out.push(units[pos as usize - 1]);
            }
            started = true;
        }
        out.push_str(BIG[gi]);
    }
}

fn cyclic(n: u32, symbols: &[char], out: &mut String) {
    if n == 0 {
        out.push('0');
    } else {
        out.push(symbols[(n as usize - 1) % symbols.len()]);
    }
}

/// A..Z, then AA, BB… as Word does (not spreadsheet-style AB).
fn letters(n: u32, base: u8, out: &mut String) {
    if n == 0 {
        out.push('0');
        return;
    }
    let c = char::from(base + ((n - 1) % 26) as u8);
    // Word stops repeating somewhere; cap so a hostile start value stays cheap.
    for _ in 0..((n - 1) / 26 + 1).min(64) {
        out.push(c);
    }
}

fn roman(n: u32, lower: bool, out: &mut String) {
    if n == 0 || n > 39_999 {
        format_number(n, NumFmt::Decimal, out);
        return;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    for (value, s) in TABLE {
        while n >= value {
            if lower {
                out.push_str(&s.to_ascii_lowercase());
            } else {
                out.push_str(s);
            }
            n -= value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: u32, fmt: &str) -> String {
        let mut s = String::new();
        format_number(n, NumFmt::parse(fmt), &mut s);
        s
    }

    #[test]
    fn every_num_fmt() {
        assert_eq!(f(7, "decimal"), "7");
        assert_eq!(f(7, "decimalZero"), "07");
        assert_eq!(f(12, "decimalZero"), "12");
        assert_eq!(f(12, "decimalFullWidth"), "１２");
        assert_eq!(f(1, "decimalEnclosedCircle"), "①");
        assert_eq!(f(20, "decimalEnclosedCircleChinese"), "⑳");
        assert_eq!(f(21, "decimalEnclosedCircle"), "21");
        assert_eq!(f(3, "decimalEnclosedParen"), "⑶");
        assert_eq!(f(3, "decimalEnclosedFullstop"), "⒊");
        assert_eq!(f(0, "decimalEnclosedCircle"), "0");
        assert_eq!(f(5, "upperLetter"), "E");
        assert_eq!(f(27, "upperLetter"), "AA");
        assert_eq!(f(28, "lowerLetter"), "bb");
        assert_eq!(f(1994, "upperRoman"), "MCMXCIV");
        assert_eq!(f(4, "lowerRoman"), "iv");
        assert_eq!(f(0, "lowerRoman"), "0");
        assert_eq!(f(1, "ideographTraditional"), "甲");
        assert_eq!(f(10, "ideographTraditional"), "癸");
        assert_eq!(f(11, "ideographTraditional"), "甲");
        assert_eq!(f(12, "ideographZodiac"), "亥");
        assert_eq!(f(3, "bullet"), "");
        assert_eq!(f(3, "none"), "");
        assert_eq!(f(3, "ordinal"), "3");
        assert_eq!(f(11, "taiwaneseCountingThousand"), "十一");
        assert_eq!(f(11, "taiwaneseCounting"), "十一");
        assert_eq!(f(11, "japaneseCounting"), "十一");
        assert_eq!(f(11, "taiwaneseDigital"), "一一");
    }

    #[test]
    fn chinese_counting_forms() {
        let cases = [
            (0, "〇"),
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一〇〇"),
            (101, "一〇一"),
        ];
        for (n, want) in cases {
            assert_eq!(f(n, "chineseCounting"), want, "{n}");
        }
    }

    #[test]
    fn chinese_counting_thousand_forms() {
        let cases = [
            (0, "零"),
            (10, "十"),
            (15, "十五"),
            (20, "二十"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (10000, "一万"),
            (10001, "一万零一"),
            (10010, "一万零一十"),
            (100000, "十万"),
            (110000, "十一万"),
            (1000100, "一百万零一百"),
            (100000001, "一亿零一"),
            (100010000, "一亿零一万"),
            (4294967295, "四十二亿九千四百九十六万七千二百九十五"),
        ];
        for (n, want) in cases {
            assert_eq!(f(n, "chineseCountingThousand"), want, "{n}");
        }
        assert_eq!(f(10, "chineseLegalSimplified"), "壹拾");
        assert_eq!(f(101, "chineseLegalSimplified"), "壹佰零壹");
    }

    #[test]
    fn ideograph_digital() {
        assert_eq!(f(1, "ideographDigital"), "一");
        assert_eq!(f(10, "ideographDigital"), "一〇");
        assert_eq!(f(20, "ideographDigital"), "二〇");
        assert_eq!(f(101, "ideographDigital"), "一〇一");
    }

    const HEAD: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">"#;

    /// The 公文 four-level scheme on abstractNum 0, nums 1 and 2 (2 restarts level 1 at 1).
    fn gongwen() -> Numbering {
        let xml = format!(
            r#"{HEAD}
            <w:abstractNum w:abstractNumId="0">
              <w:multiLevelType w:val="multilevel"/>
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="420"/></w:tabs></w:pPr></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
              <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:suff w:val="space"/></w:lvl>
              <w:lvl w:ilvl="4"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%5)"/></w:lvl>
              <w:lvl w:ilvl="5"><w:start w:val="1"/><w:lvlRestart w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%6"/></w:lvl>
              <w:lvl w:ilvl="6"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%7"/></w:lvl>
              <w:lvl w:ilvl="7"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>
              <w:lvl w:ilvl="8"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            </w:numbering>"#
        );
        Numbering::parse(&xml, "word/numbering.xml").unwrap()
    }

    fn labels(n: &Numbering, items: &[(u32, u32)]) -> Vec<String> {
        let styles = Styles::default();
        let mut c = Counters::default();
        items
            .iter()
            .map(|&(num, lvl)| {
                c.next_label(n, &styles, num, Some(lvl), None)
                    .unwrap_or_else(|| "∅".into())
            })
            .collect()
    }

    #[test]
    fn multilevel_counters_reset_deeper_levels() {
        let n = gongwen();
        let got = labels(
            &n,
            &[
                (1, 0),
                (1, 1),
                (1, 1),
                (1, 2),
                (1, 3),
                (1, 3),
                (1, 2),
                (1, 0),
                (1, 1),
                (1, 2),
            ],
        );
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "（二）",
                "1.",
                "（1） ",
                "（2） ",
                "2.",
                "二、",
                "（一）",
                "1."
            ]
        );
    }

    /// Word and LibreOffice count a level skipped on the way down as one item: the first
    /// part heading after sub-headings at level 2 is "二、".
    #[test]
    fn a_skipped_level_counts_as_one() {
        let n = gongwen();
        let got = labels(&n, &[(1, 1), (1, 1), (1, 0), (1, 1), (1, 0)]);
        assert_eq!(got, ["（一）", "（二）", "二、", "（一）", "三、"]);
    }

    #[test]
    fn start_override_restarts_on_first_use_of_the_num() {
        let n = gongwen();
        let got = labels(
            &n,
            &[(1, 1), (1, 1), (1, 1), (1, 1), (2, 1), (2, 1), (1, 1)],
        );
        assert_eq!(
            got,
            [
                "（一）",
                "（二）",
                "（三）",
                "（四）",
                "（一）",
                "（二）",
                "（三）"
            ]
        );
    }

    #[test]
    fn lvl_restart_is_lgl_none_and_bullet() {
        let n = gongwen();
        // Level 4 never restarts; level 5 restarts only after level 0.
        let got = labels(
            &n,
            &[
                (1, 4),
                (1, 5),
                (1, 1),
                (1, 4),
                (1, 5),
                (1, 0),
                (1, 4),
                (1, 5),
            ],
        );
        // (Levels 0 and 1, skipped by the first item, count it: （二）, 二、.)
        assert_eq!(got, ["1)", "a", "（二）", "2)", "b", "二、", "3)", "a"]);
        let got = labels(&n, &[(1, 0), (1, 1), (1, 1), (1, 6), (1, 7), (1, 8)]);
        assert_eq!(got, ["一、", "（一）", "（二）", "1.2.1", "∅", "●"]);
    }

    #[test]
    fn undefined_nums_and_levels_give_nothing() {
        let n = gongwen();
        assert_eq!(labels(&n, &[(9, 0), (1, 9)]), ["∅", "∅"]);
    }

    #[test]
    fn a_symbol_font_bullet_is_a_bullet() {
        let xml = format!(
            r#"{HEAD}<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>
              <w:lvlText w:val="&#xF0B7;"/><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr></w:lvl></w:abstractNum>
              <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#
        );
        let n = Numbering::parse(&xml, "word/numbering.xml").unwrap();
        assert_eq!(labels(&n, &[(5, 0)]), ["•"]);
    }

    #[test]
    fn alternate_content_in_lvl_takes_the_fallback() {
        let xml = format!(
            r#"{HEAD}<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/>
              <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice>
              <mc:Fallback><w:numFmt w:val="chineseCountingThousand"/></mc:Fallback></mc:AlternateContent>
              <w:lvlText w:val="%1&#12289;"/></w:lvl></w:abstractNum>
              <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#
        );
        let n = Numbering::parse(&xml, "word/numbering.xml").unwrap();
        assert_eq!(labels(&n, &[(5, 0), (5, 0)]), ["一、", "二、"]);
    }

    #[test]
    fn override_level_and_ilvl_from_p_style() {
        let xml = format!(
            r#"{HEAD}<w:abstractNum w:abstractNumId="1">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1章"/><w:pStyle w:val="H1"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:pStyle w:val="H2"/></w:lvl>
              </w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
              <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl></w:lvlOverride></w:num>
              </w:numbering>"#
        );
        let n = Numbering::parse(&xml, "word/numbering.xml").unwrap();
        let styles = Styles::default();
        let mut c = Counters::default();
        assert_eq!(
            c.next_label(&n, &styles, 1, None, Some("H1")).as_deref(),
            Some("第1章")
        );
        assert_eq!(
            c.next_label(&n, &styles, 1, None, Some("H2")).as_deref(),
            Some("1.1")
        );
        assert_eq!(
            c.next_label(&n, &styles, 1, None, Some("H2")).as_deref(),
            Some("1.2")
        );
        assert_eq!(
            c.next_label(&n, &styles, 2, Some(0), None).as_deref(),
            Some("V")
        );
        assert_eq!(
            c.next_label(&n, &styles, 2, Some(0), None).as_deref(),
            Some("VI")
        );
    }

    #[test]
    fn num_style_link_is_followed() {
        let styles = Styles::parse(
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:style w:type="numbering" w:styleId="List1"><w:name w:val="公文列表"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
            </w:styles>"#,
            "word/styles.xml",
        )
        .unwrap();
        let xml = format!(
            r#"{HEAD}
              <w:abstractNum w:abstractNumId="10"><w:styleLink w:val="List1"/>
                <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
              <w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="List1"/></w:abstractNum>
              <w:num w:numId="7"><w:abstractNumId w:val="10"/></w:num>
              <w:num w:numId="8"><w:abstractNumId w:val="11"/></w:num>
            </w:numbering>"#
        );
        let n = Numbering::parse(&xml, "word/numbering.xml").unwrap();
        let mut c = Counters::default();
        assert_eq!(
            c.next_label(&n, &styles, 8, Some(0), None).as_deref(),
            Some("一、")
        );
        // Same list as num 7, since both end at abstractNum 10.
        assert_eq!(
            c.next_label(&n, &styles, 7, Some(0), None).as_deref(),
            Some("二、")
        );
    }

    #[test]
    fn hostile_values_stay_cheap() {
        let xml = format!(
            r#"{HEAD}<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%1%1%9%"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="x"/><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="99"/></w:num></w:numbering>"#
        );
        let n = Numbering::parse(&xml, "word/numbering.xml").unwrap();
        let got = labels(&n, &[(1, 0), (1, 0), (2, 0)]);
        assert!(got[0].len() <= MAX_LABEL_BYTES, "{}", got[0]);
        // (2^32 - 2) mod 26 = 20: the letter U, repeated at most 64 times per placeholder.
        assert_eq!(got[0], format!("{}%", "U".repeat(3 * 64)));
        assert_eq!(got[1], got[0]); // saturates instead of overflowing
        assert_eq!(got[2], "∅");
        // A megabyte of level text is cut when read, not per paragraph.
        let huge = format!(
            r#"{HEAD}<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
            "%1".repeat(500_000)
        );
        let n = Numbering::parse(&huge, "word/numbering.xml").unwrap();
        let got = labels(&n, &[(1, 0)]);
        assert!(got[0].len() <= MAX_LABEL_BYTES + 16, "{}", got[0].len());
    }
}
