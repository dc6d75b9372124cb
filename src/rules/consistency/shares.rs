//! Shares: a part's percentage of its whole, checked against the counts the paragraph
//! gives (GW0402) — "占全部办件的75.7%", "占受理总数的56.3%", "占全部抽查135次的31.1%",
//! a bare "其中即办件412件，占32.0%", and "分别占35.5%、64.5%".

use super::RATE_MISMATCH;
use super::para::{
    Para, expected_percent, is_unit_class, join_values, last_chars, plain, rate_agrees, show,
};
use super::rates::{LOOKBACK, strip_links};
use super::sums::{ends_enumeration, is_comparison, total_before_trigger};
use crate::diagnostic::{Diagnostic, Severity};
use crate::numerals::{Value, equals_sign, format_percent};
use crate::quantity::{self, Class, Lexicon, Quantity, measure_key};
use crate::rules::findings::Findings;

use crate::text::is_han;
/// "X占Y的P%" at percentage `idx`: `x` is what is written before 占 in its clause, `y`
/// what after.
pub(super) fn check_share(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    x: &str,
    y: &str,
    out: &mut Findings,
) {
    let x = x.trim();
    let y = strip_links(lex, y)
        .trim_end_matches(['的', ' '])
        .trim_end_matches("比例")
        .trim_end_matches("比重")
        .trim_end_matches('的');
    // "占比32.0%", "占全部的32.0%": no base named.
    let unnamed = matches!(y, "" | "比") || lex.whole.iter().any(|w| w == y);
    let y = (!unnamed).then_some(y);
    if x.ends_with("分别") {
        check_respective_shares(p, lex, idx, y, out);
        return;
    }

    if let Some(y) = y {
        check_named_base(p, lex, idx, x, y, out);
        return;
    }
    // "其中即办件412件，占32.0%", or "…，其中即办件占32.0%".
    let part = if x.is_empty() {
        part_just_before(p, idx)
    } else {
        part_named(p, idx, x)
    };
    if let Some(part) = part {
        check_unnamed_base(p, lex, idx, part, out);
    }
}

/// "…812件，占全部抽查批次1350件的60.1%": the base is the figure written inside the share
/// (or in brackets: "占全年受理总量（1286件）的"), the part the count before 占 — with only
/// its growth between ("402件，环比下降8.6%，占…"). `idx` is the percentage.
pub(super) fn check_inline_base(p: &Para, idx: usize, out: &mut Findings) {
    let text = p.text();
    let Some(den_at) = idx.checked_sub(1) else {
        return;
    };
    let (q, den) = (&p.qs[idx], &p.qs[den_at]);
    let before_den = den_at
        .checked_sub(1)
        .map_or(0, |k| p.qs[k].span.end)
        .min(den.span.start);
    let Some(zhan_at) = text[before_den..den.span.start]
        .rfind('占')
        .map(|k| before_den + k)
    else {
        return;
    };
    let Some(num) = p.qs[..den_at]
        .iter()
        .rev()
        .find(|c| c.class != Class::Percent)
    else {
        return;
    };
    let Some(between) = text.get(num.span.end..zhan_at) else {
        return;
    };
    if !is_unit_class(num)
        || den.unit != num.unit
        || den.class != num.class
        || p.sentence_index(num.span.start) != p.sentence_index(zhan_at)
        || !between.trim_end().ends_with(['，', ','])
        || den.value < num.value
    {
        return;
    }
    let whole = text[zhan_at + '占'.len_utf8()..den.span.start].trim_end_matches(['（', '(', ' ']);
    let share = Share {
        written: q,
        part: num,
        part_label: "该项",
        base: &Base::Count(den),
        base_label: whole,
    };
    push_mismatch(p, &share, Severity::Error, out);
}

/// "X占Y的P%" with a base Y named: find X and Y among the counts before it.
fn check_named_base(p: &Para, lex: &Lexicon, idx: usize, x: &str, y: &str, out: &mut Findings) {
    let q = &p.qs[idx];
    let sentence = p.sentence_index(q.span.start);
    let from = idx.saturating_sub(LOOKBACK);
    let (num, group): (&Quantity, Vec<&Quantity>) = if x.is_empty() {
        // "…653件，占全部办件的75.7%": the figure just before is the part.
        let Some(num) = part_just_before(p, idx) else {
            return;
        };
        (num, Vec::new())
    } else {
        let pool: Vec<&Quantity> = p.qs[from..idx]
            .iter()
            .filter(|c| is_unit_class(c) && p.sentence_index(c.span.start) + 1 >= sentence.max(1))
            .collect();
        let head = last_chars(x, 2);
        let group: Vec<&Quantity> = pool
            .iter()
            .copied()
            .filter(|c| measure_key(p.measure(c)).ends_with(head))
            .collect();
        let qualifier = &x[..x.len() - head.len()];
        let qc: Vec<char> = qualifier.chars().collect();
        let windows: Vec<String> = qc
            .windows(2)
            .map(|w| w.iter().collect::<String>())
            .filter(|w| !y.contains(w.as_str()))
            .collect();
        let hits: Vec<&Quantity> = group
            .iter()
            .copied()
            .filter(|c| {
                let k = measure_key(p.measure(c));
                k.ends_with(x) || windows.iter().any(|w| k.contains(w.as_str()))
            })
            .collect();
        let [num] = hits.as_slice() else {
            return;
        };
        (*num, group)
    };
    let x_label = if x.is_empty() { "该项" } else { x };
    let base = match named_whole(p, lex, idx, num, y) {
        Some(Whole::Count(d)) if d.value >= num.value => Base::Count(d),
        // "联合计划占总计划的43％" after "本部门计划9个，…联合工作计划7个": the sum of the kind.
        Some(Whole::Total | Whole::NamedAlone(_))
            if group.len() >= 2 && group.iter().all(|c| c.unit == num.unit) =>
        {
            // "评查案卷120卷，评定优秀案卷18卷、合格案卷102卷": one is the others' total.
            let rest_sum = |c: &Quantity| {
                Value::sum(
                    group
                        .iter()
                        .filter(|o| !std::ptr::eq(**o, c))
                        .map(|o| &o.value),
                )
            };
            match group.iter().find(|c| rest_sum(c) == Some(c.value)) {
                Some(total) => Base::Count(total),
                None => Base::Sum(group),
            }
        }
        // "其中…，占罚没款总额的67.1%": the total the breakdown is of; named like Y when
        // another count is ("提出修改意见47条，其中被采纳45条，占所提意见的").
        Some(whole @ (Whole::Total | Whole::NamedAlone(_))) => {
            match total_of_breakdown(p, lex, num)
                .filter(|t| t.class == num.class && t.unit == num.unit && t.value >= num.value)
                .filter(|t| match &whole {
                    Whole::NamedAlone(alone) => alone.iter().any(|c| std::ptr::eq(*c, *t)),
                    _ => true,
                }) {
                Some(t) => Base::Count(t),
                None => return,
            }
        }
        _ => return,
    };
    let share = Share {
        written: q,
        part: num,
        part_label: x_label,
        base: &base,
        base_label: y,
    };
    push_mismatch(p, &share, Severity::Error, out);
}

/// What "占Y的" names as the whole.
enum Whole<'q> {
    /// A count named like Y ("占全部办件的" and "受理办件863件").
    Count(&'q Quantity),
    /// A total not found by name ("占罚没款总额的", "占全部校验机构的").
    Total,
    /// Counts named like Y that do not read as its total ("占总计划的" beside "本部门计划
    /// 9个"): the sum of the kind, maybe; or the total a breakdown is of, if one of them.
    NamedAlone(Vec<&'q Quantity>),
}

/// The whole Y names for the part `num` of the share at `idx`: the last count before it
/// named like Y (for 总/全部 …, one that reads as a total, not a sibling of the part:
/// "受理办件863件", not "制定本部门计划9个" beside "制定联合计划7个").
fn named_whole<'q>(
    p: &'q Para,
    lex: &Lexicon,
    idx: usize,
    num: &Quantity,
    y: &str,
) -> Option<Whole<'q>> {
    let whole = lex.whole.iter().find(|w| y.starts_with(w.as_str()));
    let y_core = whole.map_or(y, |w| &y[w.len()..]);
    // "占受理总数的": the total of what was 受理, which the text calls "受理投诉327件".
    let total_of = lex
        .whole_suffixes
        .iter()
        .find_map(|s| y_core.strip_suffix(s.as_str()));
    let y_core = total_of.unwrap_or(y_core);
    if y_core.chars().count() < 2 {
        return None;
    }
    let reads_as_total = |c: &Quantity| {
        let m = p.measure(c);
        whole.is_none()
            || quantity::totalizer(m).is_some()
            || super::rate_base::is_named_base(p, lex, c)
    };
    let from = idx.saturating_sub(LOOKBACK);
    let candidates = || {
        p.qs[from..idx].iter().rev().filter(|c| {
            !std::ptr::eq(*c, num)
                && c.class == num.class
                && c.unit == num.unit
                && reads_as_total(c)
        })
    };
    // "占审结案件的" and "审结16件": Y names the count and what it counts. Failing that,
    // "占所提意见的" and "收到意见建议56条": the count names Y among other things, unless
    // another count is named Y alone ("其中意见60条"), which may be the one meant.
    let named_alone = |c: &Quantity| measure_key(p.measure(c)).ends_with(y_core);
    let named = candidates().find(|c| {
        let key = measure_key(p.measure(c));
        named_alone(c)
            || total_of.is_some() && key.starts_with(y_core)
            || key.chars().count() >= 2 && y_core.starts_with(key)
    });
    let alone: Vec<&Quantity> = p.qs[from..idx]
        .iter()
        .filter(|c| !std::ptr::eq(*c, num) && c.unit == num.unit && named_alone(c))
        .collect();
    let named = match named {
        Some(d) => Some(d),
        None if !alone.is_empty() => return Some(Whole::NamedAlone(alone)),
        None => candidates().find(|c| measure_key(p.measure(c)).contains(y_core)),
    };
    match named {
        Some(d) => Some(Whole::Count(d)),
        // Not "占全市同类案件的": a place may be another scope than the report's.
        None if total_of.is_some()
            || whole.is_some_and(|w| !lex.whole_places.iter().any(|pl| pl == w)) =>
        {
            Some(Whole::Total)
        }
        None => None,
    }
}

/// "其中即办件412件，占32.0%": the whole is the total the 其中 refers to; without a 其中,
/// any larger count in this sentence or the one before that gives the share will do, and
/// the nearest miss is only a warning.
fn check_unnamed_base(p: &Para, lex: &Lexicon, idx: usize, num: &Quantity, out: &mut Findings) {
    let q = &p.qs[idx];
    if !num.exact() {
        return;
    }
    let sentence = p.sentence_index(num.span.start);
    let candidates: Vec<&Quantity> = p.qs[idx.saturating_sub(LOOKBACK)..idx]
        .iter()
        .filter(|c| {
            let s = p.sentence_index(c.span.start);
            !std::ptr::eq(*c, num)
                && c.class == num.class
                && c.unit == num.unit
                && c.exact()
                && c.value > num.value
                && (s == sentence || s + 1 == sentence)
                && !is_comparison(p, lex, c)
        })
        .collect();
    if candidates.iter().any(|c| agrees(q, num.value, c.value)) {
        return;
    }
    let of_breakdown =
        total_of_breakdown(p, lex, num).filter(|t| candidates.iter().any(|c| std::ptr::eq(*c, *t)));
    let (den, severity) = match of_breakdown {
        Some(t) => (t, Severity::Error),
        None => {
            let distance = |c: &&Quantity| {
                num.value
                    .percent_of(c.value)
                    .map_or(f64::MAX, |e| (e - q.value.to_f64()).abs())
            };
            let Some(nearest) = candidates
                .iter()
                .copied()
                .min_by(|a, b| distance(a).total_cmp(&distance(b)))
            else {
                return;
            };
            (nearest, Severity::Warning)
        }
    };
    let den_label = measure_key(p.measure(den)).to_owned();
    let share = Share {
        written: q,
        part: num,
        part_label: "该项",
        base: &Base::Count(den),
        base_label: &den_label,
    };
    push_mismatch(p, &share, severity, out);
}

/// "，分别占53.5%、46.5%": each share of the list of parts before it, of the total written
/// after the list ("，合计1771件，") or before its 其中.
fn check_respective_shares(
    p: &Para,
    lex: &Lexicon,
    idx: usize,
    y: Option<&str>,
    out: &mut Findings,
) {
    let text = p.text();
    let mut shares = vec![&p.qs[idx]];
    while let Some(next) = p.qs.get(idx + shares.len())
        && next.class == Class::Percent
        && ends_enumeration(p, next)
    {
        shares.push(next);
    }
    let n = shares.len();
    if n < 2 || shares.iter().any(|s| s.approx) {
        return;
    }
    // "…、1143件，合计1771件，分别占…": the list's own total stands between.
    let before = &p.qs[..idx];
    let closing = before.len().checked_sub(2).and_then(|k| {
        let (prev, total) = (&before[k], &before[k + 1]);
        let word = text[prev.span.end..total.span.start].trim();
        let word = word.strip_prefix(['，', ','])?.trim();
        lex.totals_after.iter().any(|w| w == word).then_some(total)
    });
    let parts_end = idx - usize::from(closing.is_some());
    let Some(parts) = parts_end.checked_sub(n).map(|k| &p.qs[k..parts_end]) else {
        return;
    };
    let first = &parts[0];
    let listed = parts[1..].iter().all(|c| ends_enumeration(p, c));
    let one_sentence = p.sentence_index(first.span.start) == p.sentence_index(shares[0].span.start);
    if !listed || !one_sentence || !is_unit_class(first) {
        return;
    }
    if parts.iter().any(|c| c.unit != first.unit || !c.exact()) {
        return;
    }
    // "分别占审结案件的…": the whole named; "分别占抽检总数的…": the breakdown's total.
    let total = match y.map(|y| named_whole(p, lex, idx, first, y)) {
        Some(Some(Whole::Count(d))) => Some(d),
        // Each share of a part listed: the list's own total, whatever else is named so.
        Some(Some(Whole::Total | Whole::NamedAlone(_))) | None => closing
            .or_else(|| total_of_breakdown(p, lex, first))
            .or_else(|| total_just_before(p, idx - n - usize::from(closing.is_some()), parts)),
        Some(None) => return,
    };
    let (base, den_label) = match total {
        Some(t)
            if t.unit == first.unit && t.exact() && parts.iter().all(|c| c.value <= t.value) =>
        {
            (Base::Count(t), measure_key(p.measure(t)).to_owned())
        }
        // No total, but shares that make 100%: the parts are the whole.
        None if makes_a_hundred(&shares) => {
            (Base::Sum(parts.iter().collect()), "各项之和".to_owned())
        }
        _ => return,
    };
    for (part, share) in parts.iter().zip(&shares) {
        let x_label = measure_key(p.measure(part));
        let x_label = if x_label.is_empty() {
            "该项"
        } else {
            x_label
        };
        let found = Share {
            written: share,
            part,
            part_label: x_label,
            base: &base,
            base_label: &den_label,
        };
        push_mismatch(p, &found, Severity::Error, out);
    }
}

/// "办理3,872件，线上办理2,846件、线下办理1,026件，分别占…": the count a clause before
/// the list, which the parts add up to. `first` is the index of the list's first part.
fn total_just_before<'q>(p: &'q Para, first: usize, parts: &[Quantity]) -> Option<&'q Quantity> {
    let total = p.qs.get(first.checked_sub(1)?)?;
    let sum = Value::sum(parts.iter().map(|c| &c.value))?;
    (total.unit == parts[0].unit
        && total.exact()
        && total.value == sum
        && p.t.marks_in(total.span.end..parts[0].span.start).len() == 1
        && p.sentence_index(total.span.start) == p.sentence_index(parts[0].span.start))
    .then_some(total)
}

/// Shares that add up to 100% within their rounding.
fn makes_a_hundred(shares: &[&Quantity]) -> bool {
    let Some(sum) = Value::sum(shares.iter().map(|s| &s.value)) else {
        return false;
    };
    let slack: f64 = shares
        .iter()
        .map(|s| 0.5 * 10f64.powi(-(s.numeral.decimals.min(6) as i32)))
        .sum();
    (sum.to_f64() - 100.0).abs() <= slack + 1e-9
}

/// The count named `x` before the share at `idx`, in its sentence ("…，其中即办件占32.0%").
fn part_named<'q>(p: &'q Para, idx: usize, x: &str) -> Option<&'q Quantity> {
    let x = x
        .strip_prefix("其中")
        .unwrap_or(x)
        .trim_start_matches(['，', ',', '：']);
    let sentence = p.sentence_index(p.qs[idx].span.start);
    if x.chars().count() < 2 {
        return None;
    }
    p.qs[idx.saturating_sub(LOOKBACK)..idx]
        .iter()
        .rev()
        .find(|c| {
            is_unit_class(c)
                && p.sentence_index(c.span.start) == sentence
                && measure_key(p.measure(c)).ends_with(x)
        })
}

/// The count just before percentage `idx`, one mark away ("412件，占32.0%", "，约占"). Not
/// when the share names what it is of ("30件，以上三类占87.3%").
fn part_just_before<'q>(p: &'q Para, idx: usize) -> Option<&'q Quantity> {
    let q = &p.qs[idx];
    p.qs[..idx].last().filter(|c| {
        let between = &p.text()[c.span.end..q.span.start];
        // The words before 占, if any ("，比重为40.7%" has none).
        let subject = between.split_once('占').map_or("", |(before, _)| {
            before.trim_start_matches(|ch: char| !is_han(ch))
        });
        is_unit_class(c)
            && p.t.marks_in(c.span.end..q.span.start).len() == 1
            && matches!(subject, "" | "约" | "仅" | "已" | "共" | "只" | "均" | "所")
    })
}

/// The total of the breakdown (其中 …, 分别为 …) a part follows in its sentence: the
/// nearest trigger that has one.
fn total_of_breakdown<'q>(p: &'q Para, lex: &Lexicon, part: &Quantity) -> Option<&'q Quantity> {
    let sentence = p.sentence_of(part.span.start);
    let from = sentence.start.min(part.span.start);
    let triggers: Vec<usize> = lex
        .triggers
        .find_iter(&p.text()[from..part.span.start])
        .map(|(b, _)| from + b)
        .filter(|&b| !p.t.is_opaque(b))
        .collect();
    triggers
        .into_iter()
        .rev()
        .find_map(|at| total_before_trigger(p, lex, at))
        .filter(|t| t.span.end <= part.span.start)
}

fn agrees(q: &Quantity, part: Value, whole: Value) -> bool {
    part.percent_of(whole)
        .is_some_and(|e| rate_agrees(q, e, part == whole))
}

/// What a share is of: one count, or the sum of a list of them.
enum Base<'q> {
    Count(&'q Quantity),
    Sum(Vec<&'q Quantity>),
}

/// A share as written ("占23.0%") and what it says it is: `part` of `base`.
struct Share<'q, 'b> {
    written: &'q Quantity,
    part: &'q Quantity,
    part_label: &'b str,
    base: &'b Base<'q>,
    base_label: &'b str,
}

/// The share against its part ÷ its base.
fn push_mismatch(p: &Para, share: &Share, severity: Severity, out: &mut Findings) {
    let Share {
        written: q,
        part: num,
        part_label: x_label,
        base,
        base_label: y_label,
    } = *share;
    let text = p.text();
    let parts: &[&Quantity] = match base {
        Base::Count(d) => std::slice::from_ref(d),
        Base::Sum(parts) => parts,
    };
    let Some(den_value) = Value::sum(parts.iter().map(|c| &c.value)) else {
        return;
    };
    if !num.exact() || parts.iter().any(|c| !c.exact()) {
        return;
    }
    let Some(exact) = num.value.percent_of(den_value) else {
        return;
    };
    if rate_agrees(q, exact, num.value == den_value) {
        return;
    }
    let base = if matches!(base, Base::Count(_)) {
        String::new()
    } else {
        format!(
            "，{}={}",
            show_value(den_value, num),
            join_values(text, parts)
        )
    };
    let worked = format_percent(exact, 2);
    out.push(
        Diagnostic::new(
            &RATE_MISMATCH,
            p.doc_span(q.span.clone()),
            format!(
                "所占比例应为{}%（{}÷{}{}{worked}%{base}），与所写的{}不符",
                expected_percent(exact, q, 0),
                shown(num),
                show_value(den_value, num),
                equals_sign(exact, &worked),
                q.written(text)
            ),
            format!(
                "核对所占比例和它所依据的两个数字（{x_label}{}、{y_label}{}），三者应一致",
                num.written_with_unit(text),
                show(den_value, num.unit)
            ),
        )
        .with_severity(severity),
    );
}

/// A figure in a message: a count as a number, money in 万元 where that reads better.
fn show_value(v: Value, like: &Quantity) -> String {
    if like.class == Class::Money {
        show(v, like.unit)
    } else {
        plain(v, like.numeral.grouped)
    }
}

fn shown(q: &Quantity) -> String {
    show_value(q.value, q)
}
