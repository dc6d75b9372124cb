//! Rates and shares: a percentage checked against the counts it is computed from
//! (GW0402), and bounded rates over 100% (GW0403).

use super::para::{Para, expected_percent, last_chars, plain, rate_agrees, rounding_of};
use super::rate_base::is_named_base;
use super::shares;
use super::sums::{ends_enumeration, is_comparison};
use super::{RATE_MISMATCH, RATE_OVER_100};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::numerals::{Value, equals_sign, format_percent};
use crate::quantity::{Class, Lexicon, Quantity, measure_key};
use crate::rules::findings::Findings;
use crate::text::is_han;

/// How many figures before a rate are searched for its counts.
pub(super) const LOOKBACK: usize = 16;

/// The rate word a percentage belongs to ("合格率" in "合格率达到95%"), with the link
/// words stripped; `None` when the clause does not end with a rate word.
fn rate_word<'t>(lex: &Lexicon, head: &'t str) -> Option<&'t str> {
    let head = strip_links(lex, head);
    if !(head.ends_with('率') || head.ends_with("满意度") || head.ends_with("覆盖面")) {
        return None;
    }
    han_tail(head, RATE_WORD_CHARS)
}

/// Characters of a rate word read for its meaning (the stem, bounded or not).
const RATE_WORD_CHARS: usize = 10;
/// Characters of a rate's name quoted in a message: the whole name, not a cut word.
const RATE_NAME_CHARS: usize = 20;

/// The rate's whole name for a message: its last Chinese characters, from after a 的
/// ("我局开展的食品抽检合格率" names 食品抽检合格率).
fn rate_name(head: &str) -> Option<&str> {
    let tail = han_tail(head, RATE_NAME_CHARS)?;
    Some(tail.rsplit_once('的').map_or(tail, |(_, name)| name)).filter(|n| !n.is_empty())
}

/// The last `max` Chinese characters of `s`, when it ends with one.
fn han_tail(s: &str, max: usize) -> Option<&str> {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .take(max)
        .last()
        .map(|(b, _)| b)?;
    Some(&s[start..])
}

pub(super) fn strip_links<'t>(lex: &Lexicon, s: &'t str) -> &'t str {
    let mut h = s.trim_end();
    loop {
        let before = h;
        for l in &lex.rate_links {
            if let Some(r) = h.strip_suffix(l.as_str()) {
                h = r.trim_end();
            }
        }
        if h == before {
            return h;
        }
    }
}

/// How far before a percentage its clause is read (about 100 characters).
const LOOKBACK_BYTES: usize = 300;

pub(super) fn check_rates(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    for (idx, q) in p.qs.iter().enumerate() {
        if q.class != Class::Percent || q.approx {
            continue;
        }
        if let Some(first) = range_start(p, idx) {
            // "合格率95%～102%": the range's end is the rate its start names.
            let head = p.measure(first);
            if q.value > Value::from_int(100)
                && rate_word(lex, head).is_some_and(|r| lex.is_bounded_rate(r))
            {
                over_hundred(p, lex, q, strip_links(lex, head), out);
            }
            continue;
        }
        let head = p.measure(q);
        // The words just before the figure; a clause with no marks is read only so far.
        let from = p.t.clause_start(q.span.start).max(crate::text::floor_char(
            text,
            q.span.start.saturating_sub(LOOKBACK_BYTES),
        ));
        if lex.growth.is_match(&text[from..q.span.start]) {
            if q.value > Value::from_int(100) {
                fall_over_hundred(p, lex, q, head, out);
            }
            continue;
        }
        // "占全部抽查批次135次的31.1%": the base is written inside the share.
        if head.trim().trim_start_matches(['）', ')']) == "的" {
            shares::check_inline_base(p, idx, out);
            continue;
        }
        let linked = strip_links(lex, head).trim();
        // "网上办理占比105%": no share is over the whole.
        if q.value > Value::from_int(100) && (linked.ends_with("占比") || linked.ends_with("比重"))
        {
            over_hundred(p, lex, q, linked, out);
            continue;
        }
        // "其中适用简易程序案件78件，比重为40.7%": a share with no base named.
        if matches!(linked, "比重" | "占比" | "所占比重" | "所占比例") {
            shares::check_share(p, lex, idx, "", "", out);
            continue;
        }
        if let Some(k) = head.rfind('占') {
            shares::check_share(p, lex, idx, &head[..k], &head[k + '占'.len_utf8()..], out);
            continue;
        }
        let Some(rate) = rate_word(lex, head) else {
            continue;
        };
        if q.value > Value::from_int(100) && lex.is_bounded_rate(rate) {
            let sentence = &text[p.sentence_of(q.span.start)];
            // "年度计划抽查932户次，实际抽查1048户次，完成率112.4%": measured against a plan
            // the sentence names.
            // The plan is named in the rate's own clause: "年度计划完成率98%，整改完成率120%"
            // names none for the 整改完成率.
            let before_rate = sentence.find(rate).map_or("", |k| &sentence[..k]);
            let before_rate = before_rate
                .rfind(['，', '；', ',', ';'])
                .map_or(before_rate, |k| &before_rate[k..]);
            let against_a_plan =
                rate.ends_with("完成率") && static_regex!(r"计划|目标|指标").is_match(before_rate);
            if !against_a_plan {
                over_hundred(p, lex, q, strip_links(lex, head), out);
            }
            continue;
        }
        if rate.ends_with('率')
            && !super::sum_rates::check(p, lex, idx, rate, out)
            && !check_rate_counts(p, lex, idx, rate, out)
        {
            super::rate_first::check(p, lex, idx, rate, out);
        }
    }
}

/// The percentage starting the range that `p.qs[idx]` ends ("95%～102%", "95%至102%").
fn range_start<'p>(p: &'p Para, idx: usize) -> Option<&'p Quantity> {
    let first = p.qs.get(idx.checked_sub(1)?)?;
    let between = p.measure(&p.qs[idx]).trim();
    (first.class == Class::Percent
        && matches!(
            between,
            "～" | "~" | "〜" | "至" | "到" | "-" | "－" | "—" | "–"
        ))
    .then_some(first)
}

/// GW0403 for a part of a whole written over 100% (`head`: the words before it), unless
/// it is a rate that may be exceeded and the sentence says it is, on purpose. A 满意率 or
/// a 整改完成率 never is, whatever else the sentence exceeds.
fn over_hundred(p: &Para, lex: &Lexicon, q: &Quantity, head: &str, out: &mut Findings) {
    let text = p.text();
    if rate_word(lex, head).is_some_and(|r| lex.may_be_exceeded(r))
        && lex.exceeded.is_match(&text[p.sentence_of(q.span.start)])
    {
        return;
    }
    let Some(name) = rate_name(head) else {
        return;
    };
    out.push(Diagnostic::new(
        &RATE_OVER_100,
        p.doc_span(q.span.clone()),
        format!("{name}为{}，超过了100%", q.written(text)),
        format!(
            "{name}是部分占全体的比例，不能超过100%：核对计算所用的两个数字；对照计划或指标的完成程度可写作“完成年度计划的××%”，表达增长写作“同比增长××%”"
        ),
    ));
}

/// GW0403 for a fall of more than 100% ("同比下降120%"): nothing counted falls below
/// zero. A loss or a deficit can turn into a gain, so a sentence naming one is left alone.
fn fall_over_hundred(p: &Para, lex: &Lexicon, q: &Quantity, head: &str, out: &mut Findings) {
    let text = p.text();
    let stem = head.trim_end().trim_end_matches('了');
    let Some(word) = lex.change.down.iter().find(|w| stem.ends_with(w.as_str())) else {
        return;
    };
    if static_regex!(r"亏损|赤字|逆差|负增长|负值").is_match(&text[p.sentence_of(q.span.start)])
    {
        return;
    }
    // As written, from the word of the fall: "下降了120%", "降幅为150%".
    let from = q.measure.start + stem.len() - word.len();
    let written = text.get(from..q.numeral.span.end).unwrap_or(word);
    out.push(Diagnostic::new(
        &RATE_OVER_100,
        p.doc_span(q.span.clone()),
        format!("“{written}”，降幅超过了100%"),
        "数量减少到零才是下降100%，不会下降更多：核对两期的数字重新计算；如果要说的是降到原来的几分之几，写作“下降到上年的××%”；两个百分比相减写作“下降××个百分点”".to_string(),
    ));
}

/// The other names of a rate's numerator (rules/units.toml `aliases`).
pub(super) fn numerator_aliases<'l>(lex: &'l Lexicon, rate: &str) -> Vec<&'l str> {
    lex.rate_aliases
        .iter()
        .filter(|a| rate.ends_with(a.rate.as_str()))
        .flat_map(|a| a.numerator.iter().map(String::as_str))
        .collect()
}

/// Does the measure of a count name the numerator of a rate with stem `stem`?
pub(super) fn names_numerator(lex: &Lexicon, key: &str, stem: &str, aliases: &[&str]) -> bool {
    if key.is_empty() || stem.is_empty() {
        return false;
    }
    if key.ends_with(stem) || aliases.iter().any(|a| key.ends_with(a)) {
        return true;
    }
    // 不合格率 and "合格206批次": the rate of the rest.
    if negates(stem, key) {
        return true;
    }
    // 群众诉求办结率 and "办结": the rate says what was closed. Not 按期办结率, which narrows
    // it, nor 上年办结率 or 2024年办结率, another period's (全年 is the report's own).
    if key.chars().count() >= 2
        && let Some(what) = stem.strip_suffix(key)
        && let what = ["全年", "本年度", "年度"]
            .iter()
            .find_map(|w| what.strip_prefix(w))
            .unwrap_or(what)
        && !what.ends_with(NEGATIONS)
        && !what.chars().any(|c| c.is_ascii_digit() || c == '年')
        && !lex.narrowing.iter().any(|w| what.contains(w.as_str()))
    {
        return true;
    }
    // 出庭应诉率 and "负责人出庭": the rate stem starts with the count's last two characters,
    // and one word follows. More is a rate of something else the count's deed produced:
    // 抽查任务完成率, 抽查结果公示率 and 培训考试合格率 are not rates of 抽查 or 培训. Nor
    // is a rate of what is done with them (投诉办结率 and "投诉436件": its base).
    let tail = last_chars(key, 2);
    let dealt_with = |w: &str| {
        lex.dealt_with
            .longest_at(w)
            .is_some_and(|i| lex.dealt_with.word(i).len() == w.len())
    };
    if tail.chars().count() == 2
        && let Some(rest) = stem.strip_prefix(tail)
        && (1..=2).contains(&rest.chars().count())
        && !lex.deed_measures.iter().any(|w| w == rest)
        && !dealt_with(rest)
    {
        return true;
    }
    // 总治愈率 and "治愈": only a qualifier of the whole in front.
    ["总", "综合", "整体", "平均"]
        .iter()
        .any(|w| stem.strip_prefix(w) == Some(key))
}

/// The indices of the 、 list around count `k` (just `k` when it is in none).
pub(super) fn enumeration_around(p: &Para, k: usize) -> std::ops::Range<usize> {
    let mut start = k;
    while start > 0 && ends_enumeration(p, &p.qs[start]) {
        start -= 1;
    }
    let mut end = k + 1;
    while end < p.qs.len() && ends_enumeration(p, &p.qs[end]) {
        end += 1;
    }
    start..end
}

/// Some run of `list` that holds `k` adds up to a figure `fits` accepts.
fn graded(p: &Para, list: &std::ops::Range<usize>, k: usize, fits: impl Fn(Value) -> bool) -> bool {
    (list.start..=k).any(|a| {
        (k..list.end).any(|b| {
            let run = &p.qs[a..=b];
            (a, b) != (k, k)
                && run.iter().all(|c| c.unit == p.qs[k].unit && c.exact())
                && Value::sum(run.iter().map(|c| &c.value)).is_some_and(&fits)
        })
    })
}

/// The count named `key` is of the rest of the whole a rate with stem `stem` counts.
pub(super) fn of_the_rest(key: &str, stem: &str) -> bool {
    negates(key, stem) || negates(stem, key) || counts_the_rest(key, stem)
}

/// "不合格6批" for 合格率, "尚未办结3件" for 办结率, "不予受理26件" for 受理率: the count
/// of the rest of the whole.
fn negates(key: &str, stem: &str) -> bool {
    key.strip_suffix(stem).is_some_and(|head| {
        head.ends_with(NEGATIONS) || head.ends_with("不予") || head.ends_with("未予")
    })
}

/// The count is of the rest of the whole the rate counts, in other words than 不 + the
/// rate's own: "不合格样品" for 样品合格率, "尚未完成整改" and "整改未到位" for 整改率,
/// "未能办结" for 办结率, "仍在整改" for 整改率. Not a noun that holds 不, 非 or 无
/// (不动产登记, 非诉执行, 无菌检测).
fn counts_the_rest(key: &str, stem: &str) -> bool {
    // 不合格率 and "不合格87批次": both of the rest.
    if stem.contains(NEGATIONS) {
        return false;
    }
    if ["仍在", "正在", "尚在"]
        .iter()
        .any(|w| key.strip_prefix(w) == Some(stem))
    {
        return true;
    }
    let Some((k, negation)) = key.rmatch_indices(NEGATIONS).next() else {
        return false;
    };
    let (before, after) = (&key[..k], &key[k + negation.len()..]);
    // The words the negation turns: right after it, or after 能, 完成 or 按期.
    let turned = ["能", "完成", "按期", "及时"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after);
    let head: String = turned.chars().take(2).collect();
    (head.chars().count() == 2 && stem.contains(&head))
        || (!before.is_empty() && before.ends_with(stem))
}

/// "评查案卷120卷，优秀案卷43卷，优秀率…": the count is the rate's stem put before the
/// noun an earlier, larger count ends with. Not in a list of kinds ("优秀案卷214卷、合格
/// 案卷612卷、不合格案卷34卷，合格率96.0%"): a rate may take several of them together.
fn qualified_numerator<'q>(
    p: &Para,
    before: &'q [(usize, &'q Quantity)],
    stem: &str,
) -> Option<&'q (usize, &'q Quantity)> {
    const MAX_NOUN: usize = 4;
    before.iter().enumerate().rev().find_map(|(k, entry)| {
        let (_, c) = entry;
        let noun = measure_key(p.measure(c)).strip_prefix(stem)?;
        if noun.is_empty() || noun.chars().count() > MAX_NOUN {
            return None;
        }
        let named = |(_, d): &&(usize, &Quantity)| measure_key(p.measure(d)).ends_with(noun);
        let whole = before[..k]
            .iter()
            .any(|e| named(&e) && e.1.value >= c.value);
        (whole && before.iter().filter(named).count() == 2).then_some(entry)
    })
}

/// Checks the rate against counts before it; false when it found none to check it with.
fn check_rate_counts(p: &Para, lex: &Lexicon, idx: usize, rate: &str, out: &mut Findings) -> bool {
    let text = p.text();
    let q = &p.qs[idx];
    let stem = rate.trim_end_matches('率');
    let aliases = numerator_aliases(lex, rate);
    let seg = p.segment_of(q.span.start);
    // "合格305家，其中住宿场所合格率98.1%": the rate of a part, whose counts are not given.
    let clause = p.t.clause_start(q.span.start);
    if text[clause..q.span.start].trim_start().starts_with("其中")
        && !p.qs[..idx].iter().any(|c| c.span.start >= clause)
    {
        return true;
    }
    // After an earlier rate and a 其中, the counts are a subgroup's ("抽检360份，…合格率
    // 98.3%，其中农村水样140份，合格136份，合格率97.1%"): the whole's are not this rate's,
    // and without counts of its own ("其中出厂水合格率100%") the rate is left alone.
    let sentence = p.sentence_of(q.span.start);
    let after_rate = p.qs[..idx]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, c)| c.span.start >= sentence.start)
        .find(|(_, c)| c.unit == "%" && text[c.span.end..q.span.start].contains("其中"))
        .map_or(0, |(k, _)| k + 1);
    let from = idx.saturating_sub(LOOKBACK).max(after_rate);
    let before: Vec<(usize, &Quantity)> = p.qs[from..idx]
        .iter()
        .enumerate()
        .map(|(i, c)| (from + i, c))
        // "人均参训6人次": a figure per head is no count of the whole.
        .filter(|(_, c)| {
            c.span.start >= seg.start
                && c.class == Class::Count
                && !["人均", "平均", "每"]
                    .iter()
                    .any(|w| p.measure(c).contains(w))
        })
        .collect();
    // "受理326件，办结率100%，办结319件": the count named like the rate may follow it, in
    // the same sentence.
    let after: Vec<(usize, &Quantity)> = p.qs[idx + 1..]
        .iter()
        .enumerate()
        .map(|(i, c)| (idx + 1 + i, c))
        .take_while(|(_, c)| c.span.end <= sentence.end && c.unit != "%")
        .filter(|(_, c)| c.class == Class::Count && measure_key(p.measure(c)) == stem)
        .take(1)
        .collect();
    // A count named exactly like the rate wins over one that only ends like it
    // ("办结1498件" over "其中按期办结1400件" for 办结率).
    let exact = before
        .iter()
        .rev()
        .find(|(_, c)| measure_key(p.measure(c)) == stem);
    let Some(&(ni, num)) = exact
        .or_else(|| {
            before
                .iter()
                .rev()
                .find(|(_, c)| names_numerator(lex, measure_key(p.measure(c)), stem, &aliases))
        })
        .or_else(|| qualified_numerator(p, &before, stem))
        .or_else(|| {
            // 成功率 and "成功调解42件": the count's word starts with the rate's; not in a
            // list of kinds ("优秀案卷12卷、良好案卷10卷、合格案卷8卷").
            before.iter().rev().find(|(_, c)| {
                stem.chars().count() >= 2
                    && measure_key(p.measure(c)).starts_with(stem)
                    && !ends_enumeration(p, c)
            })
        })
        .or_else(|| after.first())
    else {
        return false;
    };
    // The 、 list the numerator is in ("优秀12家、良好21家、合格11家、不合格2家"): the whole
    // is before it, never one of its kinds.
    let list = enumeration_around(p, ni);
    let dens: Vec<&(usize, &Quantity)> = before
        .iter()
        .filter(|(i, c)| *i < list.start && c.unit == num.unit && c.value >= num.value)
        .collect();
    let hinted_base = |c: &Quantity| is_named_base(p, lex, c);
    let hinted = dens.iter().rev().find(|(_, c)| hinted_base(c));
    // "立案159件，同比增长3.9%；结案152件，结案率95.6%": with no base in its own clause
    // group, the rate's may be before a ； of the same sentence, if named as one. Not a
    // count of the same doing with a rate of its own ("完成国家任务1245户，完成率100%；完成
    // 省级任务672户，完成率108.4%": the second is of another quota).
    let head = |q: &Quantity| -> String { measure_key(p.measure(q)).chars().take(2).collect() };
    let parallel = |c: &Quantity| {
        head(c) == head(num)
            && p.qs.iter().any(|r| {
                r.class == Class::Percent
                    && r.span.start > c.span.end
                    && r.span.end <= seg.start
                    && !lex.growth.is_match(&p.text()[c.span.end..r.span.start])
            })
    };
    let before_semicolon: Vec<&Quantity> = p.qs[from..list.start]
        .iter()
        .rev()
        .filter(|c| {
            c.span.start >= sentence.start
                && c.span.start < seg.start
                && !parallel(c)
                && c.class == Class::Count
                && c.unit == num.unit
                && c.value >= num.value
                && hinted_base(c)
                && !is_comparison(p, lex, c)
        })
        .collect();
    // "其中…普通程序333件；普通程序案件已结案324件，结案率97.3%": the numerator names the
    // kind it is of, counted earlier in the sentence.
    let num_measure = p.measure(num);
    let kind_named = p.qs[from..list.start].iter().rev().find(|c| {
        let kind = measure_key(p.measure(c));
        c.span.start >= sentence.start
            && c.unit == num.unit
            && c.value >= num.value
            && kind.chars().count() >= 2
            && names_kind(num_measure, kind)
    });
    // "其中投诉436件，办结420件，投诉办结率…": the rate names its base before the deed.
    let scope_named = dens.iter().rev().map(|(_, c)| *c).find(|c| {
        let kind = measure_key(p.measure(c));
        kind.chars().count() >= 2 && stem.len() > kind.len() && stem.starts_with(kind)
    });
    let named = kind_named.or(scope_named);
    let Some(den) = named
        .or_else(|| hinted.map(|(_, c)| *c))
        .or_else(|| {
            dens.last()
                .filter(|(i, _)| *i + 1 == list.start)
                .map(|(_, c)| *c)
        })
        .or_else(|| before_semicolon.first().copied())
    else {
        return super::rate_base::check(p, lex, idx, rate, ni, &list, out);
    };
    if !num.exact() || !den.exact() {
        return true;
    }
    // 合格率 after "检出不合格6批": the rate is of the rest of the whole.
    let key = measure_key(p.measure(num));
    let counts = Counts {
        num,
        den,
        complement: of_the_rest(key, stem) || reduced_to(text, num, stem),
    };
    let complement = counts.complement;
    let part_of = |whole: Value| counts.part_of(whole);
    let agrees = |part: Value, whole: Value| {
        part.percent_of(whole)
            .is_some_and(|e| rate_agrees(q, e, part == whole))
    };
    if counts.agree_with(q) {
        return true;
    }
    // 按期办结率 may be of the cases closed ("办结81件，…其中按期办结79件，按期办结率97.5%").
    let of_the_base = dens.iter().any(|(_, c)| {
        let key = measure_key(p.measure(c));
        !key.is_empty()
            && key != stem
            && stem.ends_with(key)
            && c.exact()
            && part_of(c.value).is_some_and(|part| agrees(part, c.value))
    });
    // Another base the text names may be the one meant: 回访率 of 办结 rather than 受理,
    // 纠错率 of 审结, 合格率 of those who sat the exam rather than those due to
    // ("应参考86人，实际参考84人，合格84人").
    // A kind after 其中 is a base when the rate fits it to the digits written ("其中出厂水
    // 200份，合格198份，合格率99%"), or the numerator names it ("其中即办件412件，即办件当场
    // 办结412件"), or it is so qualified ("其中已出具结果的310份"); not by equal counts
    // alone ("其中电话投诉319件，办结319件，办结率100%" is of all the complaints).
    let a_base = |c: &Quantity| {
        let measure = p.measure(c);
        let kind = measure_key(measure);
        hinted_base(c)
            || !text[p.t.clause_start(c.span.start)..c.span.start].contains("其中")
            || measure.contains('已')
            || measure.ends_with('的')
            || part_of(c.value).is_some_and(|part| part != c.value)
            || (kind.chars().count() >= 2 && key.starts_with(kind))
    };
    let of_another_base = dens
        .iter()
        .map(|(_, c)| *c)
        .chain(before_semicolon.iter().copied())
        .filter(|c| a_base(c))
        .any(|c| c.exact() && part_of(c.value).is_some_and(|part| agrees(part, c.value)));
    // Or the rate is of the next step, the numerator its base ("调处255宗，调解成功244宗，
    // 调处成功率95.7%"): a later count of it that fits, named with words of the rate.
    let shares_a_word = |key: &str| {
        let chars: Vec<char> = stem.chars().collect();
        chars
            .windows(2)
            .any(|w| key.contains(&w.iter().collect::<String>()))
    };
    let of_a_later_count = !complement
        && before.iter().any(|(i, c)| {
            *i > ni
                && c.exact()
                && c.unit == num.unit
                && c.value <= num.value
                && shares_a_word(measure_key(p.measure(c)))
                && agrees(c.value, num.value)
        });
    // "受理2186件，网上办结1642件，窗口办结544件，办结率100%": the counts after a base are
    // its kinds; all of it done, as the rate says.
    let of_the_kinds_after = !complement
        && before.iter().any(|(i, base)| {
            let kinds: Vec<&Quantity> = before
                .iter()
                .filter(|(k, c)| k > i && c.unit == base.unit && c.exact())
                .map(|(_, c)| *c)
                .collect();
            kinds.len() >= 2
                && base.exact()
                && Value::sum(kinds.iter().map(|c| &c.value))
                    .is_some_and(|sum| sum == base.value && agrees(sum, base.value))
        });
    if of_the_base || of_another_base || of_a_later_count || of_the_kinds_after {
        return true;
    }
    // A scale: "优秀12卷、良好10卷、合格8卷，合格率100%" counts the grades above the named
    // one too, "满意1286份、基本满意115份" the one below; a run of the list around it.
    if !complement && graded(p, &list, ni, |sum| agrees(sum, den.value)) {
        return true;
    }
    // Of the bases the rate may be of, the message divides by the one it comes nearest
    // ("其中医疗机构286家，合格272家，合格率97.1%": 272÷286, not ÷720).
    let counts = match named {
        Some(_) => counts,
        None => dens
            .iter()
            .map(|(_, c)| *c)
            .chain(before_semicolon.iter().copied())
            .filter(|c| c.exact() && a_base(c) && !of_the_rest(measure_key(p.measure(c)), key))
            .map(|den| Counts { den, ..counts })
            .chain(std::iter::once(counts))
            .filter_map(|c| Some((c, (c.exact()? - q.value.to_f64()).abs())))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(counts, |(c, _)| c),
    };
    mismatch(p, idx, rate, counts, list_sum(p, &list, counts.den), out);
    true
}

/// The characters that negate the word after them: 不合格, 未办结, 非诉, 无证.
const NEGATIONS: [char; 4] = ['不', '未', '非', '无'];

/// The numerator's words name `kind` as what it is of ("普通程序案件已结案" of 普通程序),
/// not its negation ("不合格" is no kind of 合格).
fn names_kind(measure: &str, kind: &str) -> bool {
    measure
        .match_indices(kind)
        .any(|(i, _)| !measure[..i].ends_with(NEGATIONS))
}

/// "由12个精简至5个，精简率58.3%": a rate of reduction whose count is what is left (after
/// 至 or 到) is of what was cut, (12−5)÷12. "压减82家，压减率95.3%" counts the cut itself.
fn reduced_to(text: &str, num: &Quantity, stem: &str) -> bool {
    ["减", "降", "缩", "精简", "削"]
        .iter()
        .any(|w| stem.contains(w))
        && text[..num.span.start].ends_with(['至', '到'])
}

/// The counts a rate is computed from: its numerator and its base, the numerator being of
/// the rest of the base when `complement` ("不合格6批" for 合格率).
#[derive(Clone, Copy)]
pub(super) struct Counts<'q> {
    pub num: &'q Quantity,
    pub den: &'q Quantity,
    pub complement: bool,
}

impl Counts<'_> {
    /// What the rate counts of a base `whole`.
    fn part_of(&self, whole: Value) -> Option<Value> {
        if self.complement {
            whole.checked_sub(self.num.value)
        } else {
            Some(self.num.value)
        }
    }

    /// The rate the counts give, exactly.
    fn exact(&self) -> Option<f64> {
        self.part_of(self.den.value)?.percent_of(self.den.value)
    }

    /// Rate `q` agrees with the counts, to the places written or within their rounding.
    pub(super) fn agree_with(&self, q: &Quantity) -> bool {
        let Some(exact) = self.exact() else {
            return true;
        };
        let equal = self.part_of(self.den.value) == Some(self.den.value);
        rate_agrees(q, exact, equal) || within_rounded_counts(q, self)
    }
}

/// GW0402 for rate `idx` against its `counts`; `list_total` is the sum of the numerator's
/// list of kinds, when it is in one.
pub(super) fn mismatch(
    p: &Para,
    idx: usize,
    rate: &str,
    counts: Counts,
    list_total: Option<Value>,
    out: &mut Findings,
) {
    let text = p.text();
    let q = &p.qs[idx];
    let Counts {
        num,
        den,
        complement,
    } = counts;
    let Some(exact) = counts.exact() else {
        return;
    };
    let grouped = num.numeral.grouped || den.numeral.grouped;
    let numerator = if complement {
        format!(
            "({}−{})",
            plain(den.value, grouped),
            plain(num.value, grouped)
        )
    } else {
        plain(num.value, grouped)
    };
    // In a list of kinds, which of them the rate counts is not sure: both readings.
    let message = match list_total {
        Some(sum) if !complement => format!(
            "{rate}{}与所列数字不符：按“{}{}”计为{}%，按所列各项之和{sum}{}计为{}%",
            q.written(text),
            measure_key(p.measure(num)),
            num.written_with_unit(text),
            expected_percent(exact, q, 1),
            den.unit,
            sum.percent_of(den.value)
                .map_or_else(String::new, |e| expected_percent(e, q, 1))
        ),
        _ => {
            let shown = format_percent(exact, 2);
            format!(
                "{rate}应为{}%（{}÷{}{}{shown}%），与所写的{}不符",
                expected_percent(exact, q, 1),
                numerator,
                plain(den.value, grouped),
                equals_sign(exact, &shown),
                q.written(text)
            )
        }
    };
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        p.doc_span(q.span.clone()),
        message,
        format!(
            "核对{rate}和它所依据的两个数字（{}{}、{}{}），三者应一致{}",
            measure_key(p.measure(den)),
            den.written_with_unit(text),
            measure_key(p.measure(num)),
            num.written_with_unit(text),
            list_total
                .filter(|&sum| sum != den.value)
                .map_or_else(String::new, |sum| format!(
                    "；所列各项之和为{sum}{}，不是总数{}",
                    den.unit,
                    den.written_with_unit(text)
                ))
        ),
    ));
}

/// Counts written rounded ("受理1.26万件，办结1.25万件") leave the rate a range (98.4% to
/// 100%): the stated rate is wrong only outside it.
fn within_rounded_counts(q: &Quantity, counts: &Counts) -> bool {
    let Counts {
        num,
        den,
        complement,
    } = *counts;
    let (rn, rd) = (rounding_of(num), rounding_of(den));
    if rn == 0.0 && rd == 0.0 {
        return false;
    }
    let (n, d) = (num.value.to_f64(), den.value.to_f64());
    let part = |n: f64, d: f64| if complement { d - n } else { n };
    // The extremes: the fewest over the most, and the most over the fewest.
    let rate = |n: f64, d: f64| {
        if d > 0.0 {
            100.0 * part(n, d) / d
        } else {
            f64::NAN
        }
    };
    let (a, b) = (rate(n - rn, d + rd), rate(n + rn, d - rd));
    let (low, high) = (a.min(b), a.max(b).min(100.0));
    let stated = q.value.to_f64();
    let slack = 0.5 * 10f64.powi(-i32::from(q.numeral.decimals.min(6)));
    stated >= low - slack && stated <= high + slack
}

/// The sum of the numerator's list of kinds ("优秀20卷、良好40卷、合格18卷"), when it has
/// two or more in the whole's unit.
fn list_sum(p: &Para, list: &std::ops::Range<usize>, den: &Quantity) -> Option<Value> {
    let items = &p.qs[list.clone()];
    if items.len() < 2 || items.iter().any(|c| c.unit != den.unit) {
        return None;
    }
    Value::sum(items.iter().map(|c| &c.value))
}
