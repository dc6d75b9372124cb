//! One paragraph read once into numerals and quantities, and the small helpers the
//! checks share for judging and naming figures.

use crate::numerals::{self, Value, format_percent, format_percent_fixed};
use crate::quantity::{self, Class, Quantity, Text};
use std::ops::Range;

/// One paragraph, read once.
pub(super) struct Para<'a> {
    /// Byte offset of the paragraph in `Document::text`.
    base: usize,
    /// For a paragraph wrapped over several lines and read joined: where each line break
    /// was taken out (offset in the joined text) and the bytes taken out up to it.
    breaks: Vec<(usize, usize)>,
    pub(super) t: Text<'a>,
    /// Every numeral, for the number-form checks.
    pub(super) numerals: Vec<numerals::Numeral>,
    /// Every quantity, for the number-form checks.
    pub(super) all: Vec<Quantity>,
    /// The quantities that can take part in sums and rates: not inside quotation marks
    /// or titles, and a Chinese numeral only when it ends its clause ("一件事" is a name).
    pub(super) qs: Vec<Quantity>,
    segments: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
}

impl<'a> Para<'a> {
    /// `text` is one line of the document, or the lines of one paragraph with the breaks
    /// between them taken out (`breaks` says where).
    pub(super) fn joined(base: usize, text: &'a str, breaks: Vec<(usize, usize)>) -> Para<'a> {
        let t = Text::new(text);
        let numerals = numerals::scan(text);
        let all = quantity::quantities(&t, &numerals);
        let qs = all
            .iter()
            .filter(|q| {
                !t.in_quotes(&q.span)
                    && (!q.numeral.is_chinese() || {
                        let rest = &text[q.span.end..];
                        rest.is_empty() || rest.starts_with(quantity::is_clause_mark)
                    })
            })
            .cloned()
            .collect();
        let segments = t.segments();
        let sentences = t.sentences();
        Para {
            base,
            breaks,
            t,
            numerals,
            all,
            qs,
            segments,
            sentences,
        }
    }

    pub(super) fn text(&self) -> &'a str {
        self.t.text
    }

    pub(super) fn doc_span(&self, r: Range<usize>) -> Range<usize> {
        // A span's start at a break is on the next line, its end on the line before.
        let removed = |at: usize, inclusive: bool| {
            let k = self
                .breaks
                .partition_point(|&(b, _)| if inclusive { b <= at } else { b < at });
            k.checked_sub(1).map_or(0, |k| self.breaks[k].1)
        };
        let start = self.base + r.start + removed(r.start, true);
        let end = self.base + r.end + removed(r.end, false);
        start..end.max(start)
    }

    pub(super) fn segment_of(&self, byte: usize) -> Range<usize> {
        find_range(&self.segments, byte)
    }

    pub(super) fn sentence_index(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|r| r.end < byte)
            .min(self.sentences.len().saturating_sub(1))
    }

    pub(super) fn sentence_of(&self, byte: usize) -> Range<usize> {
        find_range(&self.sentences, byte)
    }

    /// The sentence before the one holding `byte`, in the same paragraph.
    pub(super) fn sentence_before(&self, byte: usize) -> Option<Range<usize>> {
        let k = self.sentences.partition_point(|r| r.end < byte);
        k.checked_sub(1)
            .and_then(|k| self.sentences.get(k))
            .cloned()
    }

    /// Index of the first quantity that starts at or after `byte`.
    pub(super) fn first_from(&self, byte: usize) -> usize {
        self.qs.partition_point(|q| q.span.start < byte)
    }

    pub(super) fn measure(&self, q: &Quantity) -> &'a str {
        &self.text()[q.measure.clone()]
    }
}

fn find_range(ranges: &[Range<usize>], byte: usize) -> Range<usize> {
    ranges
        .get(ranges.partition_point(|r| r.end < byte))
        .cloned()
        .unwrap_or(byte..byte)
}

pub(super) fn is_unit_class(q: &Quantity) -> bool {
    matches!(q.class, Class::Count | Class::Money)
}

/// "19+24" or "2,135.2万元+1,208.5万元": the figures as the text writes them.
pub(super) fn join_values(text: &str, qs: &[&Quantity]) -> String {
    // Figures written in different scales ("821,000元" and "15.3万元") keep their units, and
    // so do figures in 万 ("2,135.2万" alone reads as a sum without its 元).
    let scales = |q: &&Quantity| (q.numeral.multiplier, &text[q.written_unit.clone()]);
    let mixed = qs
        .first()
        .is_some_and(|a| qs.iter().any(|b| scales(b) != scales(a)));
    let scaled = qs.iter().any(|q| q.numeral.multiplier.is_some());
    qs.iter()
        .map(|q| {
            if mixed || scaled {
                q.written_with_unit(text)
            } else {
                q.written(text)
            }
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// "44件", or money in 万元 when it is a round number of 万 ("12.6万元" rather than 126000元).
pub(super) fn show(v: Value, unit: &str) -> String {
    if unit == "元"
        && v >= Value::from_int(10_000)
        && let Some(w) = v.div_exact(10_000).filter(|w| w.micros() % 10_000 == 0)
    {
        return format!("{w}万元");
    }
    format!("{v}{unit}")
}

/// `v` in the scale and form `like` is written in: "3.62亿元" beside "3.5亿元", "36,200万元"
/// beside "35,200万元" (grouped when the figures compared are). `show` when four decimals of
/// that scale cannot hold `v` exactly, so a message never rounds a sum onto its total.
pub(super) fn show_like(v: Value, like: &Quantity, text: &str, grouped: bool) -> String {
    let n = &like.numeral;
    let multiplier = multiplier_of(n);
    let coefficient = n.value.to_f64() / multiplier;
    let written = like.written_with_unit(text);
    let Some(unit) = written.get(n.span.len()..).filter(|_| coefficient > 0.0) else {
        return show(v, like.unit);
    };
    let per_written = like.value.to_f64() / coefficient;
    let scaled = (v.to_f64() / per_written * 1e4).round() / 1e4;
    if (scaled * per_written - v.to_f64()).abs() >= 0.5 {
        return show(v, like.unit);
    }
    let digits = format!("{scaled:.4}");
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = digits.split_once('.').map_or((digits, ""), |(i, f)| (i, f));
    let int = if grouped {
        group_thousands(int)
    } else {
        int.to_string()
    };
    let point = if frac.is_empty() { "" } else { "." };
    let multiplier = n.multiplier.map(String::from).unwrap_or_default();
    format!("{int}{point}{frac}{multiplier}{unit}")
}

/// "1.79", "3": a worked-out figure to two places, without trailing zeros.
pub(super) fn two_places(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `v` as a bare number, with thousands separators when the figures it comes from have
/// them: "1,498÷1,526" beside "1,526件".
pub(super) fn plain(v: Value, grouped: bool) -> String {
    let s = v.to_string();
    if !grouped {
        return s;
    }
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let point = if frac.is_empty() { "" } else { "." };
    format!("{}{point}{frac}", group_thousands(int))
}

/// 万 or 亿 written after a figure's digits, as a factor.
fn multiplier_of(n: &numerals::Numeral) -> f64 {
    match n.multiplier {
        Some('万') => 1e4,
        Some('亿') => 1e8,
        _ => 1.0,
    }
}

/// "36200" → "36,200".
fn group_thousands(int: &str) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Half a unit of the last digit a figure is written to, in its unit: 0.005亿 (500000元) for
/// "2.13亿元", 50 for "1.26万件"; zero for a count written out in full ("1526件").
pub(super) fn rounding_of(q: &Quantity) -> f64 {
    let n = &q.numeral;
    let multiplier = multiplier_of(n);
    let factor = if n.value.is_zero() {
        1.0
    } else {
        q.value.to_f64() / n.value.to_f64()
    };
    if n.decimals == 0 && multiplier * factor == 1.0 {
        return 0.0;
    }
    0.5 * 10f64.powi(-i32::from(n.decimals.min(6))) * multiplier * factor
}

/// `sum` of `parts` is `total`, or as near as the digits they are written to allow
/// ("3.5亿元，其中2.13亿元、1.39亿元").
pub(super) fn adds_up(total: &Quantity, parts: &[&Quantity], sum: Value) -> bool {
    if sum == total.value {
        return true;
    }
    let tolerance: f64 = rounding_of(total) + parts.iter().map(|q| rounding_of(q)).sum::<f64>();
    tolerance > 0.0 && (sum.to_f64() - total.value.to_f64()).abs() <= tolerance * (1.0 + 1e-9)
}

/// A stated percentage matches `exact` to its own precision: half a unit of its last digit,
/// at most 0.5 points ("97.5%" holds 97.45…97.55).
pub(super) fn within_stated_precision(q: &Quantity, exact: f64) -> bool {
    within_precision(q.value.to_f64(), q.numeral.decimals, exact)
}

fn within_precision(stated: f64, decimals: u8, exact: f64) -> bool {
    let tol = 0.5 * 10f64.powi(-(decimals.min(6) as i32));
    (stated - exact).abs() <= tol + 1e-9
}

/// The stated percentage matches `exact` to its own precision (half a unit of its last
/// digit, at most 0.5 points); "100%" needs the two counts to be equal.
pub(super) fn rate_agrees(q: &Quantity, exact: f64, equal: bool) -> bool {
    stated_agrees(q.value.to_f64(), q.numeral.decimals, exact, equal)
}

/// `rate_agrees` for a percentage read from a table cell: its value and decimals.
pub(super) fn stated_agrees(stated: f64, decimals: u8, exact: f64, equal: bool) -> bool {
    if stated == 100.0 {
        return equal;
    }
    within_precision(stated, decimals, exact)
        || (!equal && stated == below_hundred(exact, decimals))
}

/// `exact` cut, not rounded, to `decimals` places when rounding would make it 100: a rate
/// short of 100% is written 99.9%, not 100.0% ("办结3623件" of 3624 is 99.97%).
pub(super) fn below_hundred(exact: f64, decimals: u8) -> f64 {
    let k = 10f64.powi(decimals.min(6) as i32);
    if (exact * k + 1e-9).round() / k < 100.0 {
        return f64::NAN;
    }
    (exact * k).floor().min(100.0 * k - 1.0) / k
}

/// The last `n` characters of `s`.
pub(super) fn last_chars(s: &str, n: usize) -> &str {
    let k = s.chars().count().saturating_sub(n);
    s.char_indices().nth(k).map_or("", |(b, _)| &s[b..])
}

/// What a percentage should read, to the precision it is written in ("97.0" for "99.0%"),
/// and to `whole_places` when it is written whole ("98.2" for "100%"). A whole figure is
/// written whole: "100.0" would read against the "341÷341=100%" beside it.
pub(super) fn expected_percent(exact: f64, written: &Quantity, whole_places: usize) -> String {
    if (exact - exact.round()).abs() < 1e-9 {
        return format_percent(exact, 0);
    }
    let shown = match written.numeral.decimals as usize {
        0 => format_percent(exact, whole_places),
        d => format_percent_fixed(exact, d),
    };
    // Short of 100% is never written 100%: as many places as it takes to show it short.
    if exact < 100.0 && shown.parse::<f64>() == Ok(100.0) {
        let places = (1..=6u8)
            .find(|&d| below_hundred(exact, d).is_nan())
            .unwrap_or(6);
        return format_percent_fixed(exact, places as usize);
    }
    shown
}
