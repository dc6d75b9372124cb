//! Shares of one whole listed together add up to 100% when they divide it: a kind named
//! 其他 or 其余 closes the list ("医疗服务类占46.2%、公共卫生类占38.5%、其他类占15.3%"), or
//! two kinds leave no third ("线上培训占62%，线下培训占38%", "合格、不合格分别占…") (GW0402).

use super::RATE_MISMATCH;
use super::para::Para;
use super::sums::whole_division;
use crate::diagnostic::Diagnostic;
use crate::numerals::{Value, format_percent_fixed};
use crate::quantity::{Class, Lexicon, Quantity};
use crate::rules::findings::Findings;
use crate::text::is_han;

/// Endings of the names of kinds of one dimension ("医疗服务类", "市级").
const KIND_SUFFIXES: [&str; 3] = ["类", "型", "级"];

/// Labels that name the rest of the whole.
const REMAINDER: [&str; 4] = ["其他", "其余", "其它", "剩余"];

pub(super) fn check(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let mut k = 0;
    while k < p.qs.len() {
        match shares_from(p, k) {
            Some((labels, run)) => {
                check_run(p, lex, &labels, &run, out);
                k += run.len();
            }
            None => k += 1,
        }
    }
}

/// The run of shares starting at quantity `k`, with their labels: "A占a%、B占b%" or
/// "A、B分别占a%、b%".
fn shares_from<'a>(p: &'a Para<'a>, k: usize) -> Option<(Vec<&'a str>, Vec<&'a Quantity>)> {
    let text = p.text();
    let first = &p.qs[k];
    if !is_share(first) {
        return None;
    }
    // Not from the middle of a list whose first share was left out ("约占46%、…").
    if let Some(prev) = k.checked_sub(1).map(|j| &p.qs[j])
        && prev.class == Class::Percent
        && p.measure(prev).trim_end().ends_with('占')
        && text[prev.span.end..first.span.start].starts_with(['、', '，', ','])
    {
        return None;
    }
    let head = p.measure(first).trim_end();
    let mut run = vec![first];
    let mut labels = Vec::new();
    if head.ends_with("分别占") {
        let names = text[..first.span.start]
            .trim_end()
            .trim_end_matches("分别占");
        let from = names
            .rfind(['，', '；', '：', '。', ',', ';', ':'])
            .map_or(0, |k| {
                k + names[k..].chars().next().map_or(1, char::len_utf8)
            });
        labels = names[from..]
            .split(['、', '和', '及', '与'])
            .map(str::trim)
            .collect();
        for q in &p.qs[k + 1..] {
            let last = run[run.len() - 1];
            if !is_share(q) || !matches!(&text[last.span.end..q.span.start], "、" | "和") {
                break;
            }
            run.push(q);
        }
        if labels.len() != run.len() {
            return None;
        }
    } else {
        labels.push(label_of(head)?);
        for q in &p.qs[k + 1..] {
            let last = run[run.len() - 1];
            let between = &text[last.span.end..q.span.start];
            let Some(label) = between
                .strip_prefix(['、', '，', ','])
                .and_then(|s| s.strip_suffix('占'))
                .filter(|l| is_label(l))
            else {
                break;
            };
            if !is_share(q) {
                break;
            }
            labels.push(label);
            run.push(q);
        }
    }
    (run.len() >= 2 && labels.iter().all(|l| is_label(l))).then_some((labels, run))
}

/// A percentage written exactly, not "约30%" or "30%以上".
fn is_share(q: &Quantity) -> bool {
    q.class == Class::Percent && q.exact() && !q.approx
}

/// "医疗服务类占" → 医疗服务类: the Chinese words before 占, at the end of the clause head.
fn label_of(head: &str) -> Option<&str> {
    let words = head.strip_suffix('占')?;
    let start = words
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map(|(b, _)| b)?;
    Some(words[start..].trim_start_matches("其中")).filter(|l| !l.is_empty())
}

/// A kind's name, not an approximation ("约占46%", "近占").
fn is_label(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 12
        && s.chars().all(is_han)
        && !s.ends_with(['约', '近', '超', '逾'])
}

fn check_run(p: &Para, lex: &Lexicon, labels: &[&str], run: &[&Quantity], out: &mut Findings) {
    let text = p.text();
    let (first, last) = (run[0], run[run.len() - 1]);
    let sentence = p.sentence_of(first.span.start);
    if lex.overlap.is_match(&text[sentence.clone()]) {
        return;
    }
    let remainder = labels
        .iter()
        .find(|l| REMAINDER.iter().any(|r| l.starts_with(r)));
    let context = &text[sentence.start..first.span.start];
    let pair = match labels {
        [a, b] => whole_division(lex, &[a, b], context) || lex.kind_and_negation(a, b),
        _ => false,
    };
    let Some(sum) = Value::sum(run.iter().map(|q| &q.value)) else {
        return;
    };
    let (sum, hundred) = (sum.to_f64(), 100.0);
    // Each share is rounded to the places written: the sum may be off by their halves.
    let slack: f64 = run
        .iter()
        .map(|q| 0.5 * 10f64.powi(-i32::from(q.numeral.decimals.min(6))))
        .sum::<f64>()
        + 1e-9;
    // Kinds of one dimension ("医疗服务类", "公共卫生类") do not overlap, so they cannot pass
    // 100%; others may ("网上办理占89.7%、即办件占32.0%"). Only a kind of the rest or a pair
    // says the list is all of the whole, and must reach 100%.
    let one_dimension = KIND_SUFFIXES.iter().any(|s| {
        labels
            .iter()
            .all(|l| l.chars().count() > 1 && l.ends_with(s))
    });
    let whole = remainder.is_some() || pair;
    let over = sum > hundred + slack && (whole || one_dimension);
    let short = whole && sum < hundred - slack;
    if !(over || short) {
        return;
    }
    let places = run
        .iter()
        .map(|q| usize::from(q.numeral.decimals))
        .max()
        .unwrap_or(0);
    let figures = run
        .iter()
        .map(|q| q.written_with_unit(text))
        .collect::<Vec<_>>()
        .join("+");
    let total = format!("{}%（{figures}）", format_percent_fixed(sum, places));
    let message = if over {
        format!("各项所占比例之和为{total}，超过了100%")
    } else if let Some(rest) = remainder {
        format!("各项所占比例之和为{total}，列出了“{rest}”，合计应为100%")
    } else {
        format!(
            "“{}”和“{}”所占比例之和为{total}，两者是全部，合计应为100%",
            labels[0], labels[1]
        )
    };
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        p.doc_span(first.span.start..last.span.end),
        message,
        "核对各项比例：各项是同一总数的组成部分时，合计应为100%（允许四舍五入的误差）；如果各项有交叉、可以重复计算，请写明",
    ));
}
