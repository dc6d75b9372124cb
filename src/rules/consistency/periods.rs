//! Years that do not fit the span they are written for (GW0422): a period named by its
//! number with other years ("“十四五”时期（2016—2020年）", "“七五”普法（2021—2025年）"), and
//! a count of years its range does not have ("连续5年（2021—2024年）"), and a year said to
//! open or close a period that it does not ("2025年是“十四五”开局之年").

use super::PERIOD_YEARS;
use super::para::{Para, last_chars};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::numerals::parse_number;
use crate::quantity::{Lexicon, Period, lexicon};
use crate::rules::findings::Findings;
use regex::{Captures, Regex};
use std::cmp::Reverse;

/// Two years joined as a range: "2021—2025年", "2021年至2025", "2021-2025".
const RANGE: &str =
    r"((?:19|20)[0-9]{2})\s*年?\s*(?:[-－–—―~～]+|至|到)\s*((?:19|20)[0-9]{2})\s*年?度?";

/// Characters before a period's name in which another period's name pairs with it.
const PAIRED_WITHIN: usize = 6;

/// A count of years: "5", "五", "两".
const COUNT: &str = r"([0-9]{1,2}|[一二两三四五六七八九十]{1,3})";

/// "“十四五”时期（2016—2020年）": the name, the word after it, the bracketed range.
fn named_period() -> &'static Regex {
    static_regex!({
        let lex = lexicon();
        let names = period_names(lex);
        let words = lex
            .period_words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        format!(r#"[“"‘']?({names})[”"’']?({words})?\s*[（(]\s*{RANGE}\s*[）)]"#)
    })
}

/// The names of the periods, longest first, as alternatives of a pattern.
fn period_names(lex: &Lexicon) -> String {
    let mut names: Vec<&str> = lex.periods.iter().map(|p| p.name.as_str()).collect();
    names.sort_by_key(|n| Reverse(n.chars().count()));
    names
        .into_iter()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join("|")
}

/// "2025年是“十四五”开局之年", "“十四五”收官之年（2025年）": a year said to open or close
/// a period. (The year, the name, the word after it, 开局 or 收官, the bracketed year.)
fn milestone() -> &'static Regex {
    static_regex!({
        let names = period_names(lexicon());
        let q = r#"[“"‘']?"#;
        let e = r#"[”"’']?"#;
        format!(
            r"(?:((?:19|20)[0-9]{{2}})年(?:是|为|作为)?{q}({names}){e}(普法规划|普法|规划)?的?(开局|收官)之年|{q}({names}){e}(普法规划|普法|规划)?的?(开局|收官)之年\s*[（(]\s*((?:19|20)[0-9]{{2}})年?\s*[）)])"
        )
    })
}

/// "连续5年（2021—2024年）", "近三年（2022—2024年）".
fn count_then_range() -> &'static Regex {
    static_regex!(format!(
        r"(?:连续|近|最近){COUNT}个?年\s*[（(]\s*{RANGE}\s*[）)]"
    ))
}

/// "2021—2024年连续5年".
fn range_then_count() -> &'static Regex {
    static_regex!(format!(r"{RANGE}\s*[，,]?\s*连续{COUNT}个?年"))
}

pub(super) fn check(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    if !text.contains('年') {
        return;
    }
    for c in named_period().captures_iter(text) {
        period_years(p, lex, &c, out);
    }
    for c in milestone().captures_iter(text) {
        milestone_year(p, lex, &c, out);
    }
    for c in count_then_range().captures_iter(text) {
        counted_years(p, &c, [1, 2, 3], out);
    }
    for c in range_then_count().captures_iter(text) {
        counted_years(p, &c, [3, 1, 2], out);
    }
}

/// The years of the capture groups `k` as numbers.
fn year(c: &Captures, k: usize) -> Option<i32> {
    c.get(k)?.as_str().parse().ok()
}

/// A range outside the named period's years: within them, it may be the period so far
/// ("“十四五”以来（2021—2024年）").
fn period_years(p: &Para, lex: &Lexicon, c: &Captures, out: &mut Findings) {
    let (Some(whole), Some(name), Some(a), Some(b)) = (c.get(0), c.get(1), year(c, 3), year(c, 4))
    else {
        return;
    };
    let word = c.get(2).map_or("", |m| m.as_str());
    let Some(period) = lex.periods.iter().find(|q| {
        q.name == name.as_str() && q.needs.as_deref().is_none_or(|n| word.starts_with(n))
    }) else {
        return;
    };
    let [first, last] = period.years;
    // "“十三五”至“十四五”时期（2016—2025年）": the years of two periods together.
    let text = p.text();
    let before = last_chars(&text[..whole.start()], PAIRED_WITHIN);
    let paired = lex.periods.iter().any(|q| before.contains(q.name.as_str()));
    if a > b || (first <= a && b <= last) || paired {
        return;
    }
    let shown = |q: &Period| format!("“{}”{}", q.name, q.needs.as_deref().unwrap_or(""));
    let named = shown(period);
    let other = lex
        .periods
        .iter()
        .find(|q| q.years == [a, b] && q.needs == period.needs)
        .map_or_else(String::new, |q| format!("；年份无误的，改为{}", shown(q)));
    out.push(Diagnostic::new(
        &PERIOD_YEARS,
        p.doc_span(whole.range()),
        format!("{named}是{first}—{last}年，括号中写的是{a}—{b}年"),
        format!("核对时期和年份：名称无误的，年份改为{first}—{last}年{other}"),
    ));
}

/// The first or last year of a period, as a year written beside it.
fn milestone_year(p: &Para, lex: &Lexicon, c: &Captures, out: &mut Findings) {
    // The year before the name, or in brackets after it.
    let (year, name, word, end) = match (year(c, 1), year(c, 8)) {
        (Some(y), _) => (y, c.get(2), c.get(3), c.get(4)),
        (None, Some(y)) => (y, c.get(5), c.get(6), c.get(7)),
        _ => return,
    };
    let (Some(whole), Some(name), Some(end)) = (c.get(0), name, end) else {
        return;
    };
    let word = word.map_or("", |m| m.as_str());
    let Some(period) = lex.periods.iter().find(|q| {
        q.name == name.as_str() && q.needs.as_deref().is_none_or(|n| word.starts_with(n))
    }) else {
        return;
    };
    let [first, last] = period.years;
    let opening = end.as_str() == "开局";
    let due = if opening { first } else { last };
    if year == due {
        return;
    }
    let shown = |q: &Period| format!("“{}”{}", q.name, q.needs.as_deref().unwrap_or(""));
    let said = if opening {
        "开局之年"
    } else {
        "收官之年"
    };
    // "2026年是“十四五”收官之年": the year is right for the next period's opening.
    let instead = lex
        .periods
        .iter()
        .filter(|q| q.needs == period.needs)
        .find_map(|q| {
            if q.years[0] == year {
                Some(format!("{}开局之年", shown(q)))
            } else if q.years[1] == year {
                Some(format!("{}收官之年", shown(q)))
            } else {
                None
            }
        })
        .map_or_else(String::new, |w| format!("；{year}年是{w}"));
    out.push(Diagnostic::new(
        &PERIOD_YEARS,
        p.doc_span(whole.range()),
        format!("{}的{said}是{due}年，这里写的是{year}年", shown(period)),
        format!(
            "核对年份和时期：{}是{first}—{last}年，{first}年开局，{last}年收官{instead}",
            shown(period)
        ),
    ));
}

/// A count of years against its range; `k`: the groups of the count and the two years.
fn counted_years(p: &Para, c: &Captures, [n, from, to]: [usize; 3], out: &mut Findings) {
    let (Some(whole), Some(count), Some(a), Some(b)) = (
        c.get(0),
        c.get(n).and_then(|m| parse_number(m.as_str())),
        year(c, from),
        year(c, to),
    ) else {
        return;
    };
    let years = b - a + 1;
    if a > b || i64::from(years) == i64::from(count) {
        return;
    }
    out.push(Diagnostic::new(
        &PERIOD_YEARS,
        p.doc_span(whole.range()),
        format!("{a}—{b}年是{years}年，不是{count}年"),
        "核对年数和起止年份，改正写错的一个",
    ));
}
