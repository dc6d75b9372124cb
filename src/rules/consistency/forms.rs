//! Number forms of GB/T 15835-2011: 大写数字 (GW0408), "4千" (GW0409), 汉字计数
//! (GW0410), money without 元 (GW0411), and full-width digits (GW0415).

use super::para::Para;
use super::{
    CAPITAL_NUMERALS, CHINESE_COUNT, DIGIT_WITH_QIAN, FULLWIDTH_DIGITS, MONEY_WITHOUT_YUAN,
};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::numerals::{self, Form};
use crate::outline::MarkerKind;
use crate::quantity::{self, Class, Lexicon, Quantity};
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::is_han;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

pub(super) fn check_forms(p: &Para, lex: &Lexicon, out: &mut Findings) {
    check_digit_multipliers(p, out);
    for n in &p.numerals {
        if n.form == Form::Capital {
            check_capital(p, lex, n, out);
        }
    }
    check_chinese_counts(p, lex, out);
    check_chinese_percents(p, out);
    check_money_units(p, lex, out);
}

/// "１２件": digits typed in full width, anywhere outside debris and the 成文日期 (which
/// the signature rules read): sentences, headings, table cells.
pub(super) fn check_fullwidth_digits(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    let date_line = ctx.outline.date.as_ref().map(|d| d.line);
    // One number format writes a level's automatic numbers: one finding, with the count.
    let mut auto_fullwidth: HashMap<MarkerKind, usize> = HashMap::new();
    for h in ctx.outline.headings.iter().filter(|h| h.auto) {
        if doc.text[h.marker.clone()]
            .chars()
            .any(|c| ('０'..='９').contains(&c))
        {
            *auto_fullwidth.entry(h.kind).or_default() += 1;
        }
    }
    let mut auto_said: HashSet<MarkerKind> = HashSet::new();
    for i in 0..doc.line_count() {
        if ctx.outline.chrome[i] || Some(i) == date_line {
            continue;
        }
        let line = doc.line(i);
        let base = doc.lines[i].start;
        // A heading's "３．" is the numbering rules' (GW0305), with its own fix; "１." and
        // "（１）" are this rule's.
        let heading = ctx.outline.heading_at(i);
        let marker = heading
            .map(|h| h.marker.clone())
            .filter(|m| doc.text[m.clone()].contains('．'));
        // Word's automatic number, drawn from the list's number format, not typed.
        let auto = heading.filter(|h| h.auto);
        for run in fullwidth_runs(line) {
            if marker
                .as_ref()
                .is_some_and(|m| m.start < base + run.end && base + run.start < m.end)
            {
                continue;
            }
            let written = &line[run.clone()];
            let half: String = written.chars().map(crate::text::halfwidth).collect();
            let span = base + run.start..base + run.end;
            if let Some(h) = auto.filter(|h| h.marker.contains(&span.start)) {
                if !auto_said.insert(h.kind) {
                    continue;
                }
                let count = auto_fullwidth.get(&h.kind).copied().unwrap_or(1);
                let all = if count > 1 {
                    format!("（这样的编号共{count}处，只在这里报告）")
                } else {
                    String::new()
                };
                out.push(Diagnostic::new(
                    &FULLWIDTH_DIGITS,
                    span,
                    format!("自动编号“{written}”用了全角数字，应为半角“{half}”{all}"),
                    "阿拉伯数字用半角（GB/T 15835-2011 5.1.7.1）：在 Word 的“定义新编号格式”中把这一级的编号样式改为“1, 2, 3, …”",
                ));
                continue;
            }
            out.push(
                Diagnostic::new(
                    &FULLWIDTH_DIGITS,
                    span,
                    format!("数字“{written}”用了全角，应为半角“{half}”"),
                    "阿拉伯数字用半角（GB/T 15835-2011 5.1.7.1）：切换到半角输入后重新录入，或使用自动修复",
                )
                // In a table aligned with spaces, narrower digits would shift its columns.
                .with_fix(half, !ctx.outline.table_rows[i]),
            );
        }
        for run in fullwidth_letter_runs(line) {
            let written = &line[run.clone()];
            let half: String = written.chars().map(crate::text::halfwidth).collect();
            out.push(
                Diagnostic::new(
                    &FULLWIDTH_DIGITS,
                    base + run.start..base + run.end,
                    format!("字母“{written}”用了全角，应为半角“{half}”"),
                    "中文中的拉丁字母与阿拉伯数字一样用半角：切换到半角输入后重新录入，或使用自动修复",
                )
                .with_severity(crate::diagnostic::Severity::Warning)
                .with_fix(half, !ctx.outline.table_rows[i]),
            );
        }
        let in_table = ctx.outline.table_rows[i] || doc.lines[i].origin.cell.is_some();
        for at in split_by_fullwidth_comma(line, in_table) {
            let before = &line[..at];
            let first = &before[before.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
            let second = &line[at + '，'.len_utf8()..][..3];
            out.push(
                Diagnostic::new(
                    &FULLWIDTH_DIGITS,
                    base + at..base + at + '，'.len_utf8(),
                    format!("数字“{first}，{second}”中间用了全角逗号，会被读成两个数"),
                    "千位分节不用全角逗号（GB/T 15835-2011 5.1.1）：写作“12500”，或用半角分节号写作“12,500”；如果确是两个数，中间用顿号",
                )
                .with_fix("", false),
            );
        }
        // One finding per word, from its first such dot to its last.
        let dots = fullwidth_dots_in_latin(line);
        let word = |c: char| c.is_ascii_alphanumeric() || c == '．' || c == '.';
        let word_of = |at: usize| {
            let from = line[..at].trim_end_matches(word).len();
            from..line.len() - line[at..].trim_start_matches(word).len()
        };
        for (k, &first) in dots.iter().enumerate() {
            let whole = word_of(first);
            if k > 0 && whole.contains(&dots[k - 1]) {
                continue;
            }
            let last = dots[k..]
                .iter()
                .take_while(|&&at| whole.contains(&at))
                .last()
                .map_or(first, |&at| at);
            let marked = first..last + '．'.len_utf8();
            out.push(
                Diagnostic::new(
                    &FULLWIDTH_DIGITS,
                    base + marked.start..base + marked.end,
                    format!("英文或网址“{}”中的点用了全角“．”", &line[whole]),
                    "外文、网址中的点号用半角“.”（GB/T 15834-2011：外文中用外文标点）",
                )
                .with_severity(crate::diagnostic::Severity::Warning)
                .with_fix(line[marked].replace('．', "."), true),
            );
        }
        for (at, mark) in wrong_decimal_points(line) {
            let (what, safe) = if mark == '．' {
                ("小数点用了全角“．”", true)
            } else {
                ("小数点写成了句号“。”", false)
            };
            // The number alone: "1．2", not the word before it cut in half.
            let before = &line[..at];
            let shown = &before[before.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
            let after: String = line[at + mark.len_utf8()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            out.push(
                Diagnostic::new(
                    &FULLWIDTH_DIGITS,
                    base + at..base + at + mark.len_utf8(),
                    format!("{what}：“{shown}{mark}{after}”"),
                    "小数点用半角“.”（GB/T 15835-2011）",
                )
                .with_fix(".", safe),
            );
        }
    }
}

/// "ＨＩＳ系统", "Ａ级": full-width Latin letters, with any full-width digits among them
/// ("ＧＢ２"). A run of digits alone is the digits' check.
fn fullwidth_letter_runs(s: &str) -> Vec<Range<usize>> {
    let letter = |c: char| matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ');
    let digit = |c: char| matches!(c, '０'..='９');
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (at, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match open {
            _ if letter(c) || digit(c) => {
                let (start, letters) = open.unwrap_or((at, false));
                open = Some((start, letters || letter(c)));
            }
            Some((start, true)) => {
                runs.push(start..at);
                open = None;
            }
            _ => open = None,
        }
    }
    runs
}

/// "12，500元": a full-width comma between 1–3 digits and exactly three, as a thousands
/// separator would stand: before a unit, or filling a table's cell ("4，176"). Not a list
/// ("分别为12，135件" reads as two figures) nor longer groups ("2024，2025年").
fn split_by_fullwidth_comma(line: &str, in_table: bool) -> Vec<usize> {
    if !line.contains('，') {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (at, _) in line.match_indices('，') {
        let before = &line[..at];
        let lead = before.trim_end_matches(|c: char| c.is_ascii_digit());
        let after = &line[at + '，'.len_utf8()..];
        let group = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let unit = after[group..].chars().next();
        // Asked last, of the nearby words alone: a paragraph may hold thousands of commas.
        let listed = || {
            let near = &before[crate::text::floor_char(before, at.saturating_sub(LIST_REACH))..];
            let sentence = near.rfind(['。', '；']).map_or(near, |k| &near[k..]);
            ["分别", "依次", "各"].iter().any(|w| sentence.contains(w))
        };
        let whole_cell = || {
            in_table
                && unit.is_none_or(char::is_whitespace)
                && (lead.is_empty() || lead.ends_with(char::is_whitespace))
        };
        if (1..=3).contains(&(before.len() - lead.len()))
            && group == 3
            && !lead.ends_with(['.', ',', '，'])
            && (unit.is_some_and(|u| UNIT_AFTER_GROUPED.contains(u)) || whole_cell())
            && !listed()
        {
            found.push(at);
        }
    }
    found
}

/// Bytes before a figure in which 分别 makes it one of a list.
const LIST_REACH: usize = 120;

/// What follows a figure written with a separator: its unit.
const UNIT_AFTER_GROUPED: &str = "元件人次户家个项万亿名份场条余多";

/// "1．2万人次" (a full-width point between half-width digits), "87。6万元" (a full stop
/// between digits, before a unit a decimal takes): a decimal point typed wrong. Not "……12。
/// 3月…", where a sentence ends on a figure and the next starts with one.
fn wrong_decimal_points(line: &str) -> Vec<(usize, char)> {
    if !(line.contains('．') || line.contains('。')) {
        return Vec::new();
    }
    let digit_before = |at: usize| {
        line[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    };
    let mut found = Vec::new();
    for (at, mark) in line.char_indices().filter(|&(_, c)| c == '．' || c == '。') {
        let rest = &line[at + mark.len_utf8()..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        // "1．2024年工作安排" at a line's start: a heading's number (GW0305's).
        let lead = line[..at].trim_end_matches(|c: char| c.is_ascii_digit());
        if digits == 0 || !digit_before(at) || crate::text::trim_indent(lead).is_empty() {
            continue;
        }
        let unit = rest[digits..].chars().next();
        let takes_decimal = unit.is_some_and(|u| "万亿%元千".contains(u));
        if mark == '．' || takes_decimal {
            found.push((at, mark));
        }
    }
    found
}

/// "Dr．Smith", "www．nhc．gov．cn": a full-width dot inside a Latin word or address, between a
/// letter and a letter or digit.
fn fullwidth_dots_in_latin(line: &str) -> Vec<usize> {
    if !line.contains('．') {
        return Vec::new();
    }
    line.match_indices('．')
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = line[..at].chars().next_back();
            let after = line[at + '．'.len_utf8()..].chars().next();
            let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            letter(before) && alnum(after) || alnum(before) && letter(after)
        })
        .collect()
}

/// Runs of full-width digits ("１２", "９５．５"); each is U+FF10..U+FF19, bytes EF BC 90..99.
fn fullwidth_runs(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let is_digit_at = |k: usize| {
        b.get(k) == Some(&0xEF)
            && b.get(k + 1) == Some(&0xBC)
            && b.get(k + 2).is_some_and(|x| (0x90..=0x99).contains(x))
    };
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    while let Some(off) = b[k..].iter().position(|&x| x == 0xEF) {
        k += off;
        if !is_digit_at(k) {
            k += 1;
            continue;
        }
        let start = k;
        loop {
            while is_digit_at(k) {
                k += 3;
            }
            // "９５．５": a full-width point between digits belongs to the number.
            let point = b.get(k..k + 3) == Some(&[0xEF, 0xBC, 0x8E][..]);
            if !(point && is_digit_at(k + 3)) {
                break;
            }
            k += 3;
        }
        runs.push(start..k);
    }
    runs
}

/// 4千 → 4000, 1千万 → 1000万, 伍万 → 5万.
/// "3千份" → "3000份". Run together with more figures ("3千5百万元", "1百零5张") the
/// numerals are read one by one, so the compound is reported once and left to the drafter.
fn check_digit_multipliers(p: &Para, out: &mut Findings) {
    let text = p.text();
    let nums = &p.numerals;
    let touches = |a: &numerals::Numeral, b: &numerals::Numeral| {
        a.span.end <= b.span.start && matches!(&text[a.span.end..b.span.start], "" | "零" | "〇")
    };
    let mut k = 0;
    while k < nums.len() {
        let Some(m) = nums[k].bad_multiplier else {
            k += 1;
            continue;
        };
        let mut first = k;
        if k > 0 && touches(&nums[k - 1], &nums[k]) {
            first = k - 1;
        }
        let mut last = k;
        while last + 1 < nums.len() && touches(&nums[last], &nums[last + 1]) {
            last += 1;
        }
        let span = nums[first].span.start..nums[last].span.end;
        let written = &text[span.clone()];
        // "2千余万元": the 余 stays ("2000余万元"); "2千几百万元" is a compound.
        let approximate =
            written.contains(['余', '多', '几', '来']) || text[span.end..].starts_with('几');
        let fixed = if approximate {
            approximate_form(written)
        } else {
            Some(plain_form(&nums[k]))
        };
        let d = if let Some(fixed) = fixed.filter(|_| first == last) {
            Diagnostic::new(
                &DIGIT_WITH_QIAN,
                p.doc_span(span),
                format!("“{written}”中阿拉伯数字与“{m}”连用"),
                format!("写作“{fixed}”（GB/T 15835-2011 5.3：阿拉伯数字后只能跟“万”“亿”）"),
            )
            .with_fix(fixed, true)
        } else {
            Diagnostic::new(
                &DIGIT_WITH_QIAN,
                p.doc_span(span),
                format!(
                    "“{written}”中阿拉伯数字与{}连用",
                    multipliers(&nums[first..=last])
                ),
                "整体改写成一个数，例如“3千5百”写作“3500”（GB/T 15835-2011 5.3：阿拉伯数字后只能跟“万”“亿”）",
            )
        };
        out.push(d);
        k = last + 1;
    }
}

/// "2千余万" → "2000余万", "3千多" → "3000多"; None for any other form.
/// "“千”“百”": each multiplier a run of numerals joins to its digits, once.
fn multipliers(run: &[numerals::Numeral]) -> String {
    let mut seen: Vec<char> = Vec::new();
    for m in run.iter().filter_map(|n| n.bad_multiplier) {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    seen.iter().map(|m| format!("“{m}”")).collect()
}

fn approximate_form(written: &str) -> Option<String> {
    let c = static_regex!(r"^([0-9]+(?:\.[0-9]+)?)千([余多])([万亿]?)$").captures(written)?;
    let thousands: f64 = c[1].parse().ok()?;
    Some(format!(
        "{}{}{}",
        trim_float(thousands * 1000.0),
        &c[2],
        &c[3]
    ))
}

fn plain_form(n: &numerals::Numeral) -> String {
    let big = match n.multiplier {
        Some('亿' | '億') => Some(('亿', 100_000_000i64)),
        Some(_) => Some(('万', 10_000)),
        None => None,
    };
    match big {
        Some((c, k)) => {
            let v = n.value.micros() as f64 / 1e6 / k as f64;
            format!("{}{c}", trim_float(v))
        }
        None => n.value.to_string(),
    }
}

fn check_capital(p: &Para, lex: &Lexicon, n: &numerals::Numeral, out: &mut Findings) {
    let text = p.text();
    let rest = &text[n.span.end..];
    let unit_len = if rest.starts_with(['元', '圆', '角']) {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        // A count ("贰佰肆拾人次", "处罚伍件"). One character alone is also a surname or
        // starts a name (陆名扬, 伍台村, 陆家嘴) or a word (队伍): it counts only before a
        // measure word that ends its clause ("处罚伍件，") or after a counting word
        // ("共陆台设备").
        let Some(q) = p.all.iter().find(|q| q.numeral.span == n.span) else {
            return;
        };
        let in_word = |w: &String| {
            let from = crate::text::floor_char(text, n.span.start.saturating_sub(w.len()));
            let to = crate::text::ceil_char(text, (n.span.end + w.len()).min(text.len()));
            text[from..to].contains(w.as_str())
        };
        let counted = || {
            let after = &text[q.written_unit.end.max(n.span.end)..];
            after.chars().next().is_none_or(|c| !crate::text::is_han(c))
                || lex
                    .money_counted_links
                    .iter()
                    .any(|w| text[..n.span.start].ends_with(w.as_str()))
        };
        let name_like = text[n.span.clone()].chars().count() == 1
            && text[n.span.clone()].starts_with(['陆', '伍', '拾'])
            && (!lex.capital_single_units.iter().any(|u| u == q.unit)
                || lex.capital_words.iter().any(in_word)
                || !counted());
        if q.class != Class::Count || name_like {
            return;
        }
        q.written_unit.end.saturating_sub(n.span.end)
    };
    // "（大写：陆仟元）": the word may stand just before the clause.
    let from = p.t.clause_start(n.span.start);
    let lead = crate::text::last_chars(&text[..from], 4);
    let clause = &text[from..p.t.clause_end(n.span.end)];
    if lex
        .capital_ok
        .iter()
        .any(|w| clause.contains(w.as_str()) || lead.contains(w.as_str()))
    {
        return;
    }
    let written = &text[n.span.start..n.span.end + unit_len];
    let arabic = if n.value.micros() % 10_000_000_000 == 0 && written.contains('万') {
        format!("{}万", n.value.micros() / 10_000_000_000)
    } else {
        n.value.to_string()
    };
    out.push(
        Diagnostic::new(
            &CAPITAL_NUMERALS,
            p.doc_span(n.span.clone()),
            format!("叙述中使用了大写数字“{written}”"),
            format!(
                "大写数字只用于法律文书和财务票据（GB/T 15835-2011 5.2.4），正文写作“{arabic}{}”",
                &written[n.span.len()..]
            ),
        )
        .with_fix(arabic, false),
    );
}

fn check_chinese_counts(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    // The unit as written: 名 is compared as 人, but only 名 is a counter here.
    let is_counter = |q: &Quantity| {
        let unit = text.get(q.written_unit.clone()).unwrap_or("");
        lex.counters.iter().any(|c| c == unit)
    };
    let Some(model) = p.all.iter().find(|q| {
        matches!(q.numeral.form, Form::Arabic | Form::Mixed)
            && q.class == Class::Count
            && is_counter(q)
            && !p.t.in_quotes(&q.span)
    }) else {
        return;
    };
    for q in &p.all {
        if q.numeral.form != Form::Chinese
            || q.class != Class::Count
            || !is_counter(q)
            || q.approx
            || q.value.is_zero()
            // Quoted words, a law's text among them, stay as they were written.
            || p.t.in_any_quote(&q.span)
        {
            continue;
        }
        // A counted figure ends its clause: "召开培训会一次，" (not 一次性, 一件事).
        let after = &text[q.span.end..];
        if !(after.is_empty() || after.starts_with(quantity::is_clause_mark)) {
            continue;
        }
        let Some(prev) = text[..q.numeral.span.start].chars().next_back() else {
            continue;
        };
        if !is_han(prev) || lex.counter_not_after.contains(prev) {
            continue;
        }
        // Frequencies: 每年至少一次, 每季度一次, 每三年审验一次: 每 in the same clause.
        let lead = slice_chars(
            text,
            q.numeral.span.start.saturating_sub(60)..q.numeral.span.start,
        );
        let clause = lead
            .rfind(quantity::is_clause_mark)
            .map_or(lead, |k| &lead[k..]);
        if clause.contains('每') {
            continue;
        }
        let around = q.span.start.saturating_sub(12)..(q.span.end + 12).min(text.len());
        let window = slice_chars(text, around);
        if lex
            .fixed_expressions
            .iter()
            .any(|f| window.contains(f.as_str()) && f.contains(&text[q.numeral.span.clone()]))
        {
            continue;
        }
        let written = q.written_with_unit(text);
        let arabic = q.value.to_string();
        out.push(
            Diagnostic::new(
                &CHINESE_COUNT,
                p.doc_span(q.numeral.span.clone()),
                format!(
                    "计数“{written}”用了汉字数字，同一段的其他计数用阿拉伯数字（如“{}”）",
                    model.written_with_unit(text)
                ),
                format!(
                    "写作“{arabic}{}”（GB/T 15835-2011 4.1.1、4.3：计数用阿拉伯数字，同段写法一致）",
                    &text[q.written_unit.clone()]
                ),
            )
            .with_fix(arabic, false),
        );
    }
}

/// "按时办结率百分之百，群众满意率98.6%": a percentage in words beside one in figures in
/// the same sentence (GB/T 15835-2011 4.3: the same kind, the same form).
fn check_chinese_percents(p: &Para, out: &mut Findings) {
    let text = p.text();
    let percent = |q: &&Quantity| q.class == Class::Percent && !p.t.in_any_quote(&q.span);
    for q in p.all.iter().filter(percent) {
        // "百分之七八十": two adjacent numerals, an approximation only Chinese numerals
        // write; "百分之九十五以上" is a bound, written "95%以上".
        if q.numeral.form != Form::Chinese || adjacent_numerals(&text[q.numeral.span.clone()]) {
            continue;
        }
        let sentence = p.sentence_of(q.span.start);
        let Some(model) = p
            .all
            .iter()
            .filter(percent)
            .find(|m| m.numeral.form == Form::Arabic && sentence.contains(&m.span.start))
        else {
            continue;
        };
        let written = q.written(text);
        let arabic = format!("{}%", q.value);
        out.push(
            Diagnostic::new(
                &CHINESE_COUNT,
                p.doc_span(q.numeral.span.clone()),
                format!(
                    "“{written}”用了汉字数字，同一句的其他百分数用阿拉伯数字（如“{}”）",
                    model.written(text)
                ),
                format!("写作“{arabic}”（GB/T 15835-2011 4.3：同一句中同类数字写法一致）"),
            )
            .with_fix(arabic, false),
        );
    }
}

/// "七八", "三四": two numerals in a row, the second one more, as an approximation writes.
fn adjacent_numerals(written: &str) -> bool {
    let values: Vec<Option<u32>> = written.chars().map(numerals::chinese_digit).collect();
    values
        .windows(2)
        .any(|w| matches!(w, [Some(a), Some(b)] if b == &(a + 1)))
}

/// `s[r]` widened to char boundaries.
fn slice_chars(s: &str, r: Range<usize>) -> &str {
    &s[crate::text::floor_char(s, r.start)..crate::text::ceil_char(s, r.end)]
}

fn check_money_units(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    for q in &p.all {
        if q.class != Class::Bare {
            continue;
        }
        // "502.9万," — nothing after the 万 but the end of the clause.
        let end = q.written_unit.end.max(q.numeral.span.end);
        let after_approx = text[end..]
            .strip_prefix(['余', '多'])
            .map_or(end, |r| text.len() - r.len());
        let rest = &text[after_approx..];
        if !(rest.is_empty() || rest.starts_with(quantity::is_clause_mark)) {
            continue;
        }
        let clause = &text[p.t.clause_start(q.span.start)..q.span.start];
        // The words after the last money word: "低收入人口" counts people.
        let Some(after_money) = lex
            .money_context
            .iter()
            .filter_map(|w| clause.rfind(w.as_str()).map(|k| &clause[k + w.len()..]))
            .min_by_key(|rest| rest.len())
        else {
            continue;
        };
        if counts_something(lex, after_money) {
            continue;
        }
        let written = &text[q.numeral.span.start..after_approx];
        // Offered, not applied: only the drafter knows the figure is money.
        out.push(
            Diagnostic::new(
                &MONEY_WITHOUT_YUAN,
                p.doc_span(q.numeral.span.start..after_approx),
                format!("金额“{written}”缺少货币单位“元”"),
                format!("金额要写明货币单位，写作“{written}元”"),
            )
            .with_fix(format!("{written}元"), false),
        );
    }
}

/// "低收入人口1.3万", "覆盖人口达12万": the words before the figure end with what it counts.
fn counts_something(lex: &Lexicon, before: &str) -> bool {
    let mut head = before;
    for _ in 0..2 {
        if let Some(link) = lex
            .money_counted_links
            .iter()
            .find(|l| head.ends_with(l.as_str()))
        {
            head = &head[..head.len() - link.len()];
        }
    }
    lex.money_counted.iter().any(|w| head.ends_with(w.as_str()))
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
