//! The same total stated twice in one paragraph with different figures (GW0407).

use super::CONFLICTING_FIGURES;
use super::para::{Para, adds_up, is_unit_class};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::quantity::{self, Class, Lexicon, Quantity, measure_key};
use crate::rules::findings::Findings;
use regex::Regex;
use std::collections::HashMap;

fn item_marker() -> &'static Regex {
    static_regex!(
        r"[一二三四五六七八九十]是|[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[①-⑳]|第[一二三四五六七八九十]{1,3}[，、,]"
    )
}

/// "2025年我委共受理" → "共受理": what a total counts, without the year it is of and
/// the writer's own name.
fn counted<'m>(lex: &Lexicon, measure: &'m str) -> &'m str {
    let m = measure.trim();
    let digits = m.bytes().take_while(u8::is_ascii_digit).count();
    let m = if digits == 4 && m[digits..].starts_with('年') {
        &m[digits + '年'.len_utf8()..]
    } else {
        m
    };
    let rest = m.trim_start_matches(['，', ',']);
    match lex.subjects.longest_at(rest) {
        Some(k) => &rest[lex.subjects.word(k).len()..],
        None => rest,
    }
}

/// The period a total is of, from the words since the figure before it in its sentence:
/// the last year named ("本年度（2024年）共受理") and a word of another period ("较上年（共
/// 受理", "启动以来，累计培训"). Empty for the report's own year, named or not.
fn period_of(lex: &Lexicon, lead: &str, reported: Option<i32>) -> String {
    let year = lead
        .match_indices('年')
        .rev()
        .find_map(|(k, _)| {
            let digits = &lead[..k];
            let start = digits.len().checked_sub(4)?;
            let y = digits.get(start..)?;
            y.bytes().all(|b| b.is_ascii_digit()).then_some(y)
        })
        .filter(|y| y.parse::<i32>().ok() != reported)
        .unwrap_or("");
    let other = lex
        .other_periods
        .find_iter(lead)
        .next()
        .map_or("", |(_, w)| lex.other_periods.word(w));
    format!("{year}{other}")
}

/// The narrower scope a total is of, from its sentence's start: "在“蓝盾”专项行动中" (not
/// when "全年" follows it), or
/// a 其中 with no figure between it and the total ("其中，共受理…15件"; after "其中抽查2,160
/// 户次，" a total is the whole's again). Empty for the whole of the period.
fn scope_of<'t>(lex: &Lexicon, lead: &'t str) -> &'t str {
    let scope = lex
        .sub_scopes
        .find_iter(lead)
        .last()
        .map(|(at, w)| at + lex.sub_scopes.word(w).len())
        .filter(|&end| !lead[end..].contains("全年"));
    let parts = lex
        .triggers
        .find_iter(lead)
        .last()
        .map(|(at, w)| at + lex.triggers.word(w).len())
        .filter(|&end| !lead[end..].bytes().any(|b| b.is_ascii_digit()));
    scope.max(parts).map_or("", |end| &lead[..end])
}

/// "取缔无证行医窝点3处，罚没款合计12,500元": right after a count of something else in its
/// sentence, a total is of what that clause counts, not the year's.
fn counted_before(p: &Para, k: usize, sentence: usize) -> String {
    let Some(before) = k.checked_sub(1).map(|j| &p.qs[j]) else {
        return String::new();
    };
    let of_its_own = before.span.start >= sentence
        && before.class == Class::Count
        && before.exact()
        && before.unit != p.qs[k].unit;
    if of_its_own {
        format!("（{}）", measure_key(p.measure(before)))
    } else {
        String::new()
    }
}

pub(super) fn check_repeats(p: &Para, lex: &Lexicon, this_year: Option<i32>, out: &mut Findings) {
    let text = p.text();
    let mut seen: HashMap<(String, &str, &str), &Quantity> = HashMap::new();
    let mut reported: Vec<&str> = Vec::new();
    for (k, q) in p.qs.iter().enumerate() {
        if !is_unit_class(q) || !q.exact() {
            continue;
        }
        let m = counted(lex, p.measure(q));
        // "共检查…", or the total's word after the verb: "开展执法检查共计8,640户次".
        let m = match ["共计", "合计", "总计"]
            .iter()
            .find_map(|w| m.trim_end().strip_suffix(w))
        {
            Some(before) => before,
            // "全年办理行政许可82件": the year's total without 共.
            None if quantity::totalizer(m).is_some() || m.trim_start().starts_with("全年") => m,
            None => continue,
        };
        let key = measure_key(m);
        if key.chars().count() < 3 {
            continue;
        }
        let sentence = p.sentence_of(q.span.start).start;
        let lead_start = k
            .checked_sub(1)
            .map_or(sentence, |j| p.qs[j].span.end.max(sentence));
        let whole = period_of(lex, &text[lead_start..q.span.start], this_year)
            + scope_of(lex, &text[sentence..q.span.start]);
        let own = counted_before(p, k, sentence);
        let year = whole.clone() + &own;
        // A clause's own total larger than the whole's is no part of it ("全年共培训326人次
        // …讲座6期，共培训362人次").
        let above_whole = || {
            seen.get(&(whole.clone(), key, q.unit))
                .copied()
                .filter(|w| !own.is_empty() && q.value > w.value)
        };
        match seen
            .get(&(year.clone(), key, q.unit))
            .copied()
            .or_else(above_whole)
        {
            None => {
                seen.insert((year, key, q.unit), q);
            }
            // "1.2万件" is 12,036件 to the digits it is written to.
            Some(first) if !adds_up(first, &[q], q.value) && !reported.contains(&key) => {
                if item_marker().is_match(&text[first.span.end..q.span.start]) {
                    seen.insert((year, key, q.unit), q);
                    continue;
                }
                reported.push(key);
                out.push(Diagnostic::new(
                    &CONFLICTING_FIGURES,
                    p.doc_span(q.span.clone()),
                    format!(
                        "同一段中“{key}”先写{}，后写{}，前后不一致",
                        first.written_with_unit(text),
                        q.written_with_unit(text)
                    ),
                    "核对这一总数，两处统一为正确的数字；如果是不同范围的数字，写明各自的范围",
                ));
            }
            Some(_) => {}
        }
    }
}
