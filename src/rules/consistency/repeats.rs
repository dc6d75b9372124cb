//! The same total stated twice in one paragraph with different figures (GW0407).

use super::CONFLICTING_FIGURES;
use super::para::{Para, is_unit_class};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::quantity::{self, Lexicon, Quantity, measure_key};
use regex::Regex;
use std::collections::HashMap;

fn item_marker() -> &'static Regex {
    static_regex!(
        r"[一二三四五六七八九十]是|[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[①-⑳]|第[一二三四五六七八九十]{1,3}[，、,]"
    )
}

/// "2025年我委共受理" → ("2025年", "共受理"): the year a total is of, if it says one, and
/// what it counts with the writer's own name left out.
fn scope_of<'m>(lex: &Lexicon, measure: &'m str) -> (&'m str, &'m str) {
    let m = measure.trim();
    let digits = m.bytes().take_while(u8::is_ascii_digit).count();
    let year_len = if digits == 4 && m[digits..].starts_with('年') {
        digits + '年'.len_utf8()
    } else {
        0
    };
    let (year, rest) = m.split_at(year_len);
    let rest = rest.trim_start_matches(['，', ',']);
    let rest = match lex.subjects.longest_at(rest) {
        Some(k) => &rest[lex.subjects.word(k).len()..],
        None => rest,
    };
    (year, rest)
}

pub(super) fn check_repeats(p: &Para, lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    let mut seen: HashMap<(&str, &str, &str), &Quantity> = HashMap::new();
    let mut reported: Vec<&str> = Vec::new();
    for q in &p.qs {
        if !is_unit_class(q) || !q.exact() {
            continue;
        }
        let (year, m) = scope_of(lex, p.measure(q));
        if quantity::totalizer(m).is_none() {
            continue;
        }
        let key = measure_key(m);
        if key.chars().count() < 3 {
            continue;
        }
        match seen.get(&(year, key, q.unit)) {
            None => {
                seen.insert((year, key, q.unit), q);
            }
            Some(first) if first.value != q.value && !reported.contains(&key) => {
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
