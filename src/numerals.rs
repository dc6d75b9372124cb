//! Numerals as Chinese reports write them: Arabic (12,500, 0.46, full-width ２０), Chinese
//! (一千八百一十八, 两万, 二〇二四), capital (伍万), mixed (1.2万, 3.5亿) and percentages
//! (95%, ９５％, 百分之九十五). The small heading/date helpers come first; `scan` finds
//! every numeral in a paragraph with its exact value.

use std::fmt;
use std::ops::Range;

/// A digit as dates write it: counting digits plus the circle and letter look-alikes of 〇.
fn digit(c: char) -> Option<u32> {
    match c {
        '○' | 'Ｏ' | 'O' => Some(0),
        _ => han_digit(c),
    }
}

/// Parses 一…九十九 (counting form with 十) and digit-by-digit forms (二〇二五).
pub fn parse_chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if !s.contains('十') {
        // Digit-by-digit: 二〇二五, 一.
        return s
            .chars()
            .try_fold(0u32, |acc, c| Some(acc.checked_mul(10)? + digit(c)?));
    }
    let mut parts = s.splitn(2, '十');
    let tens = match parts.next()? {
        "" => 1,
        t if t.chars().count() == 1 => digit(t.chars().next()?)?,
        _ => return None,
    };
    let ones = match parts.next()? {
        "" => 0,
        o if o.chars().count() == 1 => digit(o.chars().next()?)?,
        _ => return None,
    };
    (tens > 0).then_some(tens * 10 + ones)
}

/// Arabic digits, ASCII or full-width.
pub fn parse_arabic(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 9 {
        return None;
    }
    s.chars().try_fold(0u32, |acc, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        Some(acc * 10 + d)
    })
}

/// The value of a Chinese digit 一 to 九.
pub fn chinese_digit(c: char) -> Option<u32> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|k| k as u32 + 1)
}

/// 壹…玖拾玖: capital numerals numbering a heading, as Word's "壹, 贰, 叁" format writes them.
pub fn parse_capital(s: &str) -> Option<u32> {
    let counting: Option<String> = s
        .chars()
        .map(|c| match c {
            '拾' => Some('十'),
            _ => capital_digit(c).and_then(|d| to_chinese(d).chars().next()),
        })
        .collect();
    parse_chinese(&counting?)
}

/// Either form.
pub fn parse_number(s: &str) -> Option<u32> {
    parse_arabic(s).or_else(|| parse_chinese(s))
}

/// 1 → 一, 10 → 十, 21 → 二十一 (the counting form used in headings), up to 99.
/// A year written digit by digit in Chinese ("二〇二四年"): its place in `s` and the year.
pub fn chinese_year(s: &str) -> Option<(std::ops::Range<usize>, i32)> {
    let digit = |c: char| match c {
        '〇' | '○' | '零' => Some(0),
        _ => chinese_digit(c).map(|d| d as i32),
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    chars.windows(5).find_map(|w| {
        if w[4].1 != '年' || !w[..4].iter().all(|&(_, c)| digit(c).is_some()) {
            return None;
        }
        let year = w[..4]
            .iter()
            .fold(0, |y, &(_, c)| y * 10 + digit(c).unwrap_or(0));
        (1949..=2100)
            .contains(&year)
            .then(|| (w[0].0..w[4].0 + '年'.len_utf8(), year))
    })
}

pub fn to_chinese(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n % 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// An exact decimal (the value times 10^6), so that sums of written figures compare exactly
/// and 0.1 + 0.2 is 0.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Value(i128);

const SCALE: i128 = 1_000_000;
/// Digits kept after the point; more are cut (no report writes 7 decimals).
const MAX_DECIMALS: u32 = 6;
/// Longer digit runs are identifiers (ID numbers, phone numbers), not amounts.
const MAX_DIGITS: usize = 20;

impl Value {
    pub const ZERO: Value = Value(0);

    pub fn from_int(n: i64) -> Value {
        Value(n as i128 * SCALE)
    }

    /// Millionths.
    pub fn micros(self) -> i128 {
        self.0
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn checked_add(self, o: Value) -> Option<Value> {
        self.0.checked_add(o.0).map(Value)
    }

    pub fn checked_sub(self, o: Value) -> Option<Value> {
        self.0.checked_sub(o.0).map(Value)
    }

    /// Divides by a whole number when the result is exact to six decimals (元 → 万元).
    pub fn div_exact(self, k: i128) -> Option<Value> {
        (k != 0 && self.0 % k == 0).then(|| Value(self.0 / k))
    }

    /// Multiplies by a whole number (万 = 10000).
    pub fn checked_mul_int(self, k: i128) -> Option<Value> {
        self.0.checked_mul(k).map(Value)
    }

    /// The sum of several values; `None` on overflow.
    pub fn sum<'a>(values: impl IntoIterator<Item = &'a Value>) -> Option<Value> {
        values
            .into_iter()
            .try_fold(Value::ZERO, |acc, v| acc.checked_add(*v))
    }

    /// `self / total` in percent, for rates and shares.
    pub fn percent_of(self, total: Value) -> Option<f64> {
        (total.0 != 0).then(|| self.0 as f64 * 100.0 / total.0 as f64)
    }
}

impl fmt::Display for Value {
    /// 44, 12.6, 0.46: no trailing zeros, no grouping.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let (int, frac) = (a / SCALE as u128, a % SCALE as u128);
        if frac == 0 {
            return write!(f, "{sign}{int}");
        }
        let digits = format!("{frac:06}");
        write!(f, "{sign}{int}.{}", digits.trim_end_matches('0'))
    }
}

/// Formats a percentage with at most `decimals` digits (rounded half up), e.g. 43.75 → "44".
pub fn format_percent(p: f64, decimals: usize) -> String {
    let s = format_percent_fixed(p, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// "=" when `shown`, a worked-out figure as written, is `exact`; "≈" when it is rounded
/// ("1,498÷1,526≈98.17%"): a figure checker must not be loose with "=".
pub fn equals_sign(exact: f64, shown: &str) -> &'static str {
    match shown.replace(',', "").parse::<f64>() {
        Ok(v) if (v - exact).abs() < 1e-9 => "=",
        _ => "≈",
    }
}

/// A percentage to exactly `decimals` places, kept as written ("97.0" for a figure given
/// to one place), rounded half up.
pub fn format_percent_fixed(p: f64, decimals: usize) -> String {
    let k = 10f64.powi(decimals as i32);
    let r = (p * k + 1e-9).round() / k;
    format!("{r:.decimals$}")
}

/// How a numeral is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 1818, 12,500, 0.46, ２０
    Arabic,
    /// Arabic digits with 万 or 亿: 1.2万, 3.5亿
    Mixed,
    /// 一千八百一十八, 十二, 两, 二〇二四
    Chinese,
    /// 伍万, 壹佰贰拾 (大写数字)
    Capital,
}

/// One numeral found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeral {
    /// Bytes in the scanned text: the digits, with 万/亿, a 4千-style multiplier, and the
    /// percent sign or 百分之 when there is one; never the 余/多 after it.
    pub span: Range<usize>,
    pub value: Value,
    pub form: Form,
    /// Digits written after the decimal point.
    pub decimals: u8,
    /// Written with a thousands separator (12,500).
    pub grouped: bool,
    /// Has full-width digits (２０).
    pub fullwidth: bool,
    pub percent: bool,
    /// 万 or 亿 right after Arabic digits (already in `value`).
    pub multiplier: Option<char>,
    /// 千, 百 or 十 right after Arabic digits ("4千"), which GB/T 15835-2011 5.3 forbids;
    /// already in `value`.
    pub bad_multiplier: Option<char>,
    /// The figure is inexact by its own form: 500余, 20多, 十几, 三四 (adjacent digits).
    pub approx: bool,
}

impl Numeral {
    pub fn is_chinese(&self) -> bool {
        matches!(self.form, Form::Chinese | Form::Capital)
    }
}

fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Chinese digits in counting form (〇 and 零 are zero, 两 is two, 几 an unknown digit).
fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn capital_digit(c: char) -> Option<u32> {
    Some(match c {
        '壹' => 1,
        '贰' | '貳' => 2,
        '叁' | '參' => 3,
        '肆' => 4,
        '伍' => 5,
        '陆' | '陸' => 6,
        '柒' => 7,
        '捌' => 8,
        '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u64> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

fn big_unit(c: char) -> Option<u64> {
    match c {
        '万' | '萬' => Some(10_000),
        '亿' | '億' => Some(100_000_000),
        _ => None,
    }
}

fn is_han_numeral_char(c: char) -> bool {
    han_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿' | '几')
}

fn is_capital_numeral_char(c: char) -> bool {
    capital_digit(c).is_some() || matches!(c, '零' | '拾' | '佰' | '仟' | '万' | '亿' | '萬' | '億')
}

/// A whole Chinese or capital numeral: 一千八百一十八, 十二, 两万三千, 一万零五, 伍万,
/// 三亿五千万, 二〇二四 (digit by digit). Returns the value and whether it is approximate
/// (十几, 三四). `None` when the characters do not form a number.
pub fn parse_chinese_value(s: &str) -> Option<(Value, bool)> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return None;
    }
    let digit = |c: char| han_digit(c).or_else(|| capital_digit(c));
    let has_units = chars
        .iter()
        .any(|&c| small_unit(c).is_some() || big_unit(c).is_some());
    if !has_units {
        // 二〇二四 (digit by digit), 三四 (an approximate "three or four"), 几.
        if chars.contains(&'几') {
            return (chars.len() == 1).then_some((Value::ZERO, true));
        }
        let ds: Vec<u32> = chars.iter().map(|&c| digit(c)).collect::<Option<_>>()?;
        if ds.len() == 2 && ds[1] == ds[0] + 1 && ds[0] > 0 {
            return Some((Value::from_int(ds[0] as i64), true));
        }
        let n = ds
            .iter()
            .try_fold(0i64, |acc, &d| acc.checked_mul(10)?.checked_add(d as i64))?;
        return Some((Value::from_int(n), false));
    }
    let mut approx = false;
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut pending: Option<u64> = None;
    let mut last_small = u64::MAX;
    let mut last_big = u64::MAX;
    let mut prev_digit = false;
    for (k, &c) in chars.iter().enumerate() {
        if c == '几' {
            approx = true;
            pending = Some(0);
            prev_digit = true;
        } else if let Some(d) = digit(c) {
            if prev_digit && d != 0 && pending != Some(0) {
                // 三四十 (thirty or forty): approximate.
                approx = true;
            }
            pending = if d == 0 { None } else { Some(d as u64) };
            prev_digit = d != 0;
        } else if let Some(u) = small_unit(c) {
            if u >= last_small {
                return None;
            }
            // 十 alone means 一十, but only at the start of a section (十二, 二十万 → 一十).
            let d = match pending {
                Some(d) => d,
                None if u == 10 && (k == 0 || section == 0) => 1,
                None => return None,
            };
            section = section.checked_add(d.checked_mul(u)?)?;
            last_small = u;
            pending = None;
            prev_digit = false;
        } else if let Some(b) = big_unit(c) {
            if b >= last_big {
                return None;
            }
            section = section.checked_add(pending.take().unwrap_or(0))?;
            if section == 0 && total == 0 {
                return None;
            }
            // 三亿五千万: 亿 scales everything so far, 万 only its own section.
            total = if b == 100_000_000 {
                total.checked_add(section)?.checked_mul(b)?
            } else {
                total.checked_add(section.checked_mul(b)?)?
            };
            section = 0;
            last_small = u64::MAX;
            last_big = b;
            prev_digit = false;
        } else {
            return None;
        }
    }
    let n = total
        .checked_add(section)?
        .checked_add(pending.unwrap_or(0))?;
    Some((Value::from_int(i64::try_from(n).ok()?), approx))
}

/// What follows a multiplier-like character that makes it part of a word, not a number:
/// 4千米 (kilometres), 1.6千公顷 and 35.2千吨 (units of statistics), 3百分点, 十分.
fn is_word_after_multiplier(m: char, next: Option<char>) -> bool {
    match (m, next) {
        ('千', Some(c)) => "米克瓦伏帕卡赫焦兆字公立吨".contains(c),
        ('百', Some(c)) => c == '分',
        ('十', Some(c)) => "分足佳".contains(c),
        _ => false,
    }
}

struct Cursor<'a> {
    s: &'a str,
    chars: Vec<(usize, char)>,
}

impl Cursor<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.s.len(), |&(b, _)| b)
    }
}

/// Every numeral in `s`, left to right, with byte spans into `s`.
///
/// Chinese runs that are not numbers in context (一是, 统一) are still returned when they
/// parse; it is the unit after them that makes a quantity (see `quantity`).
pub fn scan(s: &str) -> Vec<Numeral> {
    // Counting first (a fast scan) spares the reallocations of collecting blind.
    let mut chars = Vec::with_capacity(s.chars().count());
    chars.extend(s.char_indices());
    let cur = Cursor { s, chars };
    let n = cur.chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = cur.chars[i].1;
        if !may_start_numeral(c) {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| cur.at(p));
        let next_i = if arabic_digit(c).is_some() {
            scan_arabic(&cur, i, &mut out)
        } else if c == '百' && s[cur.byte(i)..].starts_with("百分之") {
            scan_percent_words(&cur, i, &mut out)
        } else if (han_digit(c).is_some() && c != '〇' && c != '零') || c == '十' || c == '几' {
            scan_run(&cur, i, is_han_numeral_char, Form::Chinese, &mut out)
        } else if capital_digit(c).is_some()
            || (c == '拾' && (prev.is_none_or(|p| !is_han_cjk(p)) || ten_counted(&cur, i)))
        {
            scan_run(&cur, i, is_capital_numeral_char, Form::Capital, &mut out)
        } else {
            i + 1
        };
        i = next_i.max(i + 1);
    }
    out
}

/// "处罚拾件。": a lone 拾 after a word is ten only before a measure word that ends its
/// clause; else it is a word's (收拾, 拾金不昧, 拾人牙慧).
fn ten_counted(cur: &Cursor, i: usize) -> bool {
    cur.at(i + 1)
        .is_some_and(|m| "件个人次项家名起所户场".contains(m))
        && cur.at(i + 2).is_none_or(|c| "，。；、,;".contains(c))
}

/// One test for the characters any numeral starts with, so the rest of the text (nearly
/// all of it) is passed over quickly.
fn may_start_numeral(c: char) -> bool {
    let k = (c as u32).wrapping_sub(CJK_FIRST);
    if k < CJK_LEN {
        NUMERAL_STARTS[(k / 64) as usize] & (1 << (k % 64)) != 0
    } else {
        c.is_ascii_digit() || matches!(c, '０'..='９' | '〇')
    }
}

const CJK_FIRST: u32 = 0x4E00;
const CJK_LEN: u32 = 0xA000 - CJK_FIRST;

/// A bit per CJK ideograph that starts a numeral: a table lookup rather than four matches,
/// since this runs on every character of the text. `numeral_starts_agree` keeps it in step.
static NUMERAL_STARTS: [u64; (CJK_LEN / 64) as usize] = {
    let starts = "零一二两三四五六七八九十几百拾壹贰貳叁參肆伍陆陸柒捌玖";
    let bytes = starts.as_bytes();
    let mut bits = [0u64; (CJK_LEN / 64) as usize];
    let mut i = 0;
    while i < bytes.len() {
        // Every character above is three bytes of UTF-8.
        let c = ((bytes[i] as u32 & 0x0F) << 12)
            | ((bytes[i + 1] as u32 & 0x3F) << 6)
            | (bytes[i + 2] as u32 & 0x3F);
        let k = c - CJK_FIRST;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 3;
    }
    bits
};

fn is_han_cjk(c: char) -> bool {
    crate::text::is_han(c)
}

/// Arabic digits from `i`; returns the index after the numeral.
fn scan_arabic(cur: &Cursor, start: usize, out: &mut Vec<Numeral>) -> usize {
    let n = cur.chars.len();
    let mut i = start;
    let mut int_digits = String::new();
    let mut fullwidth = false;
    let mut grouped = false;
    while let Some(d) = cur.at(i).and_then(arabic_digit) {
        fullwidth |= cur.chars[i].1 > '9';
        int_digits.push(char::from_digit(d, 10).unwrap_or('0'));
        i += 1;
    }
    // 12,500 and 1,234,567: an ASCII comma followed by exactly three ASCII digits.
    if int_digits.len() <= 3 && !fullwidth {
        loop {
            let three = (1..=3).all(|k| cur.at(i + k).is_some_and(|c| c.is_ascii_digit()));
            if cur.at(i) == Some(',') && three && !cur.at(i + 4).is_some_and(|c| c.is_ascii_digit())
            {
                for k in 1..=3 {
                    int_digits.push(cur.chars[i + k].1);
                }
                grouped = true;
                i += 4;
            } else {
                break;
            }
        }
    }
    let mut frac = String::new();
    if matches!(cur.at(i), Some('.' | '．')) && cur.at(i + 1).and_then(arabic_digit).is_some() {
        i += 1;
        while let Some(d) = cur.at(i).and_then(arabic_digit) {
            fullwidth |= cur.chars[i].1 > '9';
            frac.push(char::from_digit(d, 10).unwrap_or('0'));
            i += 1;
        }
        // 2024.1.5 and 1.2.3 are dates or section numbers, not decimals.
        if matches!(cur.at(i), Some('.' | '．')) && cur.at(i + 1).and_then(arabic_digit).is_some()
        {
            while cur
                .at(i)
                .is_some_and(|c| arabic_digit(c).is_some() || c == '.' || c == '．')
            {
                i += 1;
            }
            return i;
        }
    }
    if int_digits.len() + frac.len() > MAX_DIGITS {
        return i;
    }
    let Some(mut value) = decimal_value(&int_digits, &frac) else {
        return i;
    };
    let mut multiplier = None;
    let mut bad_multiplier = None;
    // 4千 / 3百 / 5十 (GB/T 15835 5.3), possibly followed by 万 (1千万).
    if let Some(m) = cur.at(i).filter(|c| matches!(c, '千' | '百' | '十'))
        && !is_word_after_multiplier(m, cur.at(i + 1))
        && let Some(u) = small_unit(m)
    {
        value = value.checked_mul_int(u as i128).unwrap_or(value);
        bad_multiplier = Some(m);
        i += 1;
    }
    // 300余万, 20多亿: approximate, with the multiplier after the 余.
    let approx_inside =
        matches!(cur.at(i), Some('余' | '多')) && cur.at(i + 1).and_then(big_unit).is_some();
    if approx_inside {
        i += 1;
    }
    // 1.2万, 3.5亿, 10亿零817万5288.
    if let Some(b) = cur.at(i).and_then(big_unit) {
        value = value.checked_mul_int(b as i128).unwrap_or(value);
        multiplier = Some(cur.chars[i].1);
        i += 1;
        if b == 100_000_000 {
            i = scan_wan_section(cur, i, &mut value, &mut multiplier);
        }
    }
    let mut end = i;
    let mut percent = false;
    if matches!(cur.at(i), Some('%' | '％')) {
        percent = true;
        end = i + 1;
    }
    let approx = approx_inside || matches!(cur.at(end), Some('余' | '多')) && !percent;
    out.push(Numeral {
        span: cur.byte(start)..cur.byte(end),
        value,
        form: if multiplier.is_some() {
            Form::Mixed
        } else {
            Form::Arabic
        },
        decimals: frac.len().min(u8::MAX as usize) as u8,
        grouped,
        fullwidth,
        percent,
        multiplier,
        bad_multiplier,
        approx,
    });
    end.min(n)
}

/// After 亿: an optional 零, digits and 万, then up to four more digits (10亿零817万5288).
/// Returns the index after what was taken; "1亿5000" without 万 is left alone.
fn scan_wan_section(
    cur: &Cursor,
    start: usize,
    value: &mut Value,
    multiplier: &mut Option<char>,
) -> usize {
    let digits_from = |mut j: usize| {
        let mut d = String::new();
        while let Some(x) = cur.at(j).and_then(arabic_digit) {
            d.push(char::from_digit(x, 10).unwrap_or('0'));
            j += 1;
        }
        (d, j)
    };
    let j = if cur.at(start) == Some('零') {
        start + 1
    } else {
        start
    };
    let (wan, j) = digits_from(j);
    if wan.is_empty() || wan.len() > 4 || !matches!(cur.at(j), Some('万' | '萬')) {
        return start;
    }
    let Some(part) = decimal_value(&wan, "").and_then(|p| p.checked_mul_int(10_000)) else {
        return start;
    };
    *value = value.checked_add(part).unwrap_or(*value);
    *multiplier = cur.at(j);
    let (tail, k) = digits_from(j + 1);
    if !tail.is_empty() && tail.len() <= 4 && cur.at(k).and_then(big_unit).is_none() {
        if let Some(t) = decimal_value(&tail, "") {
            *value = value.checked_add(t).unwrap_or(*value);
        }
        return k;
    }
    j + 1
}

fn decimal_value(int: &str, frac: &str) -> Option<Value> {
    let mut v: i128 = 0;
    for c in int.chars() {
        v = v.checked_mul(10)?.checked_add(c.to_digit(10)? as i128)?;
    }
    v = v.checked_mul(SCALE)?;
    let mut place = SCALE;
    for c in frac.chars().take(MAX_DECIMALS as usize) {
        place /= 10;
        v = v.checked_add(c.to_digit(10)? as i128 * place)?;
    }
    Some(Value(v))
}

/// 百分之九十五, 百分之95, 百分之百.
fn scan_percent_words(cur: &Cursor, start: usize, out: &mut Vec<Numeral>) -> usize {
    let first = start + 3;
    let mut inner = Vec::new();
    // "百分之百": all of it, not followed by more numerals ("百分之百五" is none).
    if cur.at(first) == Some('百') && cur.at(first + 1).is_none_or(|c| !is_han_numeral_char(c)) {
        out.push(Numeral {
            span: cur.byte(start)..cur.byte(first + 1),
            value: Value::from_int(100),
            form: Form::Chinese,
            decimals: 0,
            grouped: false,
            fullwidth: false,
            percent: true,
            multiplier: None,
            bad_multiplier: None,
            approx: false,
        });
        return first + 1;
    }
    let end = match cur.at(first) {
        Some(c) if arabic_digit(c).is_some() => scan_arabic(cur, first, &mut inner),
        Some(c) if han_digit(c).is_some() || c == '十' => {
            scan_run(cur, first, is_han_numeral_char, Form::Chinese, &mut inner)
        }
        _ => return start + 1,
    };
    let Some(mut num) = inner.pop() else {
        return end;
    };
    if num.percent {
        return end;
    }
    num.span = cur.byte(start)..num.span.end;
    num.percent = true;
    out.push(num);
    end
}

/// A run of Chinese (or capital) numeral characters from `start`.
fn scan_run(
    cur: &Cursor,
    start: usize,
    member: fn(char) -> bool,
    form: Form,
    out: &mut Vec<Numeral>,
) -> usize {
    let mut i = start;
    while cur.at(i).is_some_and(member) {
        i += 1;
    }
    // A trailing 万/亿 after nothing numeric (万一) is not part of the number.
    let text = &cur.s[cur.byte(start)..cur.byte(i)];
    if text.chars().count() > 16 {
        return i;
    }
    if let Some((value, approx)) = parse_chinese_value(text) {
        let approx = approx || matches!(cur.at(i), Some('余' | '多' | '来'));
        out.push(Numeral {
            span: cur.byte(start)..cur.byte(i),
            value,
            form,
            decimals: 0,
            grouped: false,
            fullwidth: false,
            percent: false,
            multiplier: None,
            bad_multiplier: None,
            approx,
        });
    }
    i
}

/// The one numeral that makes up all of `s` (after trimming), e.g. a table cell "1,526" or
/// "43.8%".
pub fn parse_whole(s: &str) -> Option<Numeral> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let mut found = scan(t);
    if found.len() != 1 {
        return None;
    }
    let n = found.pop()?;
    (n.span == (0..t.len())).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeral_starts_agree() {
        let slow = |c: char| {
            arabic_digit(c).is_some()
                || han_digit(c).is_some()
                || capital_digit(c).is_some()
                || matches!(c, '十' | '几' | '百' | '拾')
        };
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(may_start_numeral(c), slow(c), "{c:?}");
        }
    }

    #[test]
    fn chinese_counting_and_digitwise() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("九十九", 99),
            ("二〇二五", 2025),
            ("二零二四", 2024),
        ] {
            assert_eq!(parse_chinese(s), Some(n), "{s}");
            assert_eq!(parse_number(s), Some(n), "{s}");
        }
        for s in ["", "十十", "百", "一二十", "〇十"] {
            assert_eq!(parse_chinese(s), None, "{s}");
        }
    }

    #[test]
    fn arabic_both_widths() {
        assert_eq!(parse_arabic("2025"), Some(2025));
        assert_eq!(parse_arabic("２０"), Some(20));
        assert_eq!(parse_arabic("2a"), None);
        assert_eq!(parse_arabic("1234567890"), None);
    }

    #[test]
    fn renders_counting_form() {
        let got: Vec<_> = [1, 10, 11, 20, 35].iter().map(|&n| to_chinese(n)).collect();
        assert_eq!(got, ["一", "十", "十一", "二十", "三十五"]);
        for n in 1..100 {
            assert_eq!(parse_chinese(&to_chinese(n)), Some(n));
        }
    }

    fn one(s: &str) -> Numeral {
        let mut v = scan(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v.pop().unwrap()
    }

    fn val(s: &str) -> String {
        one(s).value.to_string()
    }

    #[test]
    fn arabic_grouping_decimals_and_width() {
        assert_eq!(val("12,500元"), "12500");
        assert_eq!(val("1,234,567"), "1234567");
        assert_eq!(val("0.46"), "0.46");
        assert_eq!(val("２０２４"), "2024");
        assert!(one("２０").fullwidth);
        assert!(one("12,500").grouped);
        // Not grouping: a list comma, four digits after the comma, a sentence comma.
        assert_eq!(scan("8家,其中2家").len(), 2);
        assert_eq!(scan("1,2345").len(), 2);
        assert_eq!(one("1.2万").value, Value::from_int(12_000));
        assert_eq!(one("3.5亿").value, Value::from_int(350_000_000));
        assert_eq!(val("10亿零817万5288人"), "1008175288");
        assert_eq!(one("1.2万").form, Form::Mixed);
        // 余 before the multiplier: approximate, and still 万.
        let n = one("300余万元");
        assert_eq!(
            (n.value, n.approx, n.multiplier),
            (Value::from_int(3_000_000), true, Some('万'))
        );
        assert!(one("300余人").multiplier.is_none());
    }

    #[test]
    fn times_dates_and_markers_are_separate_numbers() {
        let v: Vec<_> = scan("8:30至17:30")
            .iter()
            .map(|n| n.value.to_string())
            .collect();
        assert_eq!(v, ["8", "30", "17", "30"]);
        assert!(scan("2024.1.5").is_empty());
        assert_eq!(val("1.完善"), "1");
    }

    #[test]
    fn chinese_and_capital_numerals() {
        for (s, n) in [
            ("一千八百一十八", 1818),
            ("十二", 12),
            ("两", 2),
            ("二十", 20),
            ("两万三千", 23_000),
            ("一万零五", 10_005),
            ("三亿五千万", 350_000_000),
            ("二〇二四", 2024),
            ("十万零五", 100_005),
        ] {
            assert_eq!(
                parse_chinese_value(s),
                Some((Value::from_int(n), false)),
                "{s}"
            );
        }
        assert_eq!(one("伍万").value, Value::from_int(50_000));
        assert_eq!(one("壹佰贰拾").form, Form::Capital);
        assert_eq!(one("壹佰贰拾").value, Value::from_int(120));
        assert_eq!(one("处罚拾件。").form, Form::Capital);
        assert_eq!(one("处罚拾件。").value, Value::from_int(10));
        for word in ["收拾好。", "拾人牙慧", "拾金不昧"] {
            assert!(scan(&format!("他{word}")).is_empty(), "{word}");
        }
        for s in ["万", "千", "十十", "百一百"] {
            assert_eq!(parse_chinese_value(s), None, "{s}");
        }
        assert!(parse_chinese_value("三四").unwrap().1);
        assert!(parse_chinese_value("十几").unwrap().1);
        assert!(one("二十余").approx);
    }

    #[test]
    fn percentages_and_approximations() {
        let p = one("办结率100%");
        assert!(p.percent && p.value == Value::from_int(100));
        assert!(one("43％").percent);
        let w = one("百分之九十五");
        assert!(w.percent && w.value == Value::from_int(95) && w.span == (0.."百分之九十五".len()));
        assert!(one("百分之95").percent);
        assert!(one("500余次").approx);
        assert!(!one("500次").approx);
        assert_eq!(one("92.5%").decimals, 1);
    }

    #[test]
    fn qian_after_arabic_digits() {
        let n = one("4千人");
        assert_eq!(
            (n.bad_multiplier, n.value),
            (Some('千'), Value::from_int(4000))
        );
        assert_eq!(one("4千米").bad_multiplier, None);
        assert_eq!(one("1.6千公顷").bad_multiplier, None);
        assert_eq!(one("12.6千立方米").bad_multiplier, None);
        assert_eq!(one("35.2千吨").bad_multiplier, None);
        assert_eq!(one("3百分点").bad_multiplier, None);
    }

    #[test]
    fn values_add_exactly_and_display_plainly() {
        let a = one("0.1").value;
        let b = one("0.2").value;
        assert_eq!(a.checked_add(b), Some(one("0.3").value));
        assert_eq!(Value::from_int(44).to_string(), "44");
        assert_eq!(one("12.60").value.to_string(), "12.6");
        assert_eq!(format_percent(43.75, 0), "44");
        assert_eq!(format_percent(98.166, 1), "98.2");
        assert_eq!(format_percent(100.0, 1), "100");
        assert_eq!(format_percent_fixed(97.02, 1), "97.0");
        assert_eq!(
            Value::from_int(7).percent_of(Value::from_int(16)),
            Some(43.75)
        );
    }

    #[test]
    fn whole_cells() {
        assert_eq!(parse_whole(" 1,526 ").unwrap().value, Value::from_int(1526));
        assert!(parse_whole("43.8%").unwrap().percent);
        assert!(parse_whole("合计").is_none());
        assert!(parse_whole("12件").is_none());
    }

    #[test]
    fn scanning_never_panics_on_odd_text() {
        for s in [
            "",
            "%",
            "百分之",
            "1.",
            ".5",
            "1,",
            "9".repeat(60).as_str(),
            "亿万千百十",
            "０．５％",
        ] {
            let _ = scan(s);
        }
        assert_eq!(val("０．５％"), "0.5");
    }
}
