//! A total and its parts: "共45件，其中办结32件、转办12件" must add up (GW0401), and the
//! parts should be counted in the total's unit (GW0414).

use super::para::{
    Para, adds_up, is_unit_class, join_values, last_chars, show_like, within_stated_precision,
};
use super::{BREAKDOWN_UNIT, SUM_MISMATCH};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lazy_regex::static_regex;
use crate::numerals::Value;
use crate::quantity::{Class, Lexicon, Quantity, is_clause_mark, measure_key};
use crate::rules::findings::Findings;
use crate::text::is_han;

/// Parts listed after one 其中 (real lists have a dozen at most).
const MAX_PARTS: usize = 40;

/// How far past the parts their sentence is read (about 100 characters).
const LOOKAHEAD_BYTES: usize = 300;

pub(super) fn check_breakdowns(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    for (b, k) in lex.triggers.find_iter(text) {
        if !p.t.is_opaque(b) {
            check_breakdown(p, lex, b, lex.triggers.word(k), ListKind::Breakdown, out);
        }
    }
    // "12场（线上5场、线下8场）": the parts in brackets right after their total. A bracket
    // that opens with a trigger is the trigger's; one that opens with 含 or 包括 is partial.
    for q in &p.qs {
        let Some(open) = text[q.span.end..].chars().next() else {
            continue;
        };
        if !matches!(open, '（' | '(') {
            continue;
        }
        let at = q.span.end + open.len_utf8();
        let inner = &text[at..];
        let close = inner.find(['）', ')']).unwrap_or(inner.len());
        let figures = p.qs[p.first_from(at)..]
            .iter()
            .take_while(|x| x.span.end <= at + close)
            .count();
        let opens_with_word = opens_with_trigger(lex, inner) || inner.starts_with(['含', '包']);
        if figures >= 2 && !opens_with_word && !p.t.is_opaque(at) {
            check_breakdown(p, lex, at, "", ListKind::Breakdown, out);
        }
    }
    check_outcome_lists(p, lex, out);
    check_total_after_list(p, lex, out);
}

/// `s` starts with a breakdown's word (其中, 包括 …). Only its head is searched: a paragraph
/// of thousands of figures is not searched to its end from each of them.
fn opens_with_trigger(lex: &Lexicon, s: &str) -> bool {
    const LONGEST_TRIGGER_BYTES: usize = 32;
    let head = &s[..crate::text::floor_char(s, LONGEST_TRIGGER_BYTES.min(s.len()))];
    lex.triggers
        .find_iter(head)
        .next()
        .is_some_and(|(b, _)| b == 0)
}

/// What a list after its total is.
#[derive(Clone, Copy, PartialEq)]
enum ListKind {
    /// Kinds or steps after 其中 or in brackets: they may fall short, or narrow one another.
    Breakdown,
    /// Decisions a case gets one of: never a narrowing run; the rest may be pending, so
    /// only an excess is certain.
    Decisions,
}

/// "办理行政复议案件12件，维持8件、撤销3件、终止2件": decisions a case gets one of, listed
/// after their total without 其中, are its parts; so are a kind and its negation after any
/// total ("抽检样品8632批次，合格8487批次、不合格155批次"), and two kinds with no third
/// ("培训24场，线上9场、线下14场").
fn check_outcome_lists(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    for (k, q) in p.qs.iter().enumerate() {
        let rest = &text[q.span.end..];
        let Some(list) = rest.strip_prefix(['，', ',', '：', ':']) else {
            continue;
        };
        // "受理复议申请8件，经审理，维持6件…": a short lead-in clause is passed over.
        let list = lead_in_clause(list).map_or(list, |lead| &list[lead.len()..]);
        let at = q.span.end + (rest.len() - list.len());
        let clause = &text[p.t.clause_start(q.span.start)..q.span.start];
        let decided = lex.is_outcome(list) && lex.outcome_totals.is_match(clause);
        // (After 其中 the list is a breakdown's.)
        let opens_breakdown = opens_with_trigger(lex, list);
        // (Near: within the lookahead, so that a paragraph without a full stop is not read
        // to its end from each figure.)
        let near = &list[..crate::text::floor_char(list, LOOKAHEAD_BYTES.min(list.len()))];
        let negation_near = !opens_breakdown
            && near
                .split(['。', '；'])
                .next()
                .is_some_and(|s| s.contains(['不', '未', '非']));
        let first_clause = near.split(['。', '；', '，']).next().unwrap_or("");
        let dichotomy_near = !opens_breakdown
            && lex
                .dichotomies
                .iter()
                .flatten()
                .any(|w| first_clause.contains(w.as_str()));
        if !(decided || negation_near || dichotomy_near) || p.t.is_opaque(at) {
            continue;
        }
        // "复议案件4件，诉讼案件3件，维持3件…": the list may be of both totals.
        let sentence = p.sentence_of(q.span.start);
        let other_total = p.qs[..k]
            .iter()
            .any(|c| c.unit == q.unit && c.span.start >= sentence.start);
        let Some(parts) = collect_parts(p, lex, at) else {
            continue;
        };
        // The parts in the total's unit: a rate may follow them ("…终止2件，纠错率25%").
        let decisions: Vec<&Quantity> = parts
            .items
            .iter()
            .copied()
            .take_while(|x| x.unit == q.unit)
            .collect();
        let items_end = decisions.last().map_or(parts.end, |x| x.span.end);
        let after = &text[items_end..sentence.end.max(items_end)];
        let mut labels: Vec<&str> = decisions
            .iter()
            .map(|x| measure_key(p.measure(x)))
            .collect();
        // "其中医疗机构80家，医疗机构中合格78家、不合格5家": the pair names its total first.
        let total_key = measure_key(p.measure(q));
        let mut names_its_total = false;
        if let Some(first) = labels.first_mut()
            && total_key.chars().nth(1).is_some()
            && let Some(rest) = first.strip_prefix(total_key)
        {
            *first = rest.trim_start_matches(['中', '的']);
            names_its_total = true;
        }
        let negation_pair = matches!(labels.as_slice(), [a, b] if lex.kind_and_negation(a, b));
        // "培训24场，线上9场、线下14场": two kinds with no third, all of the total.
        let dichotomy =
            !negation_pair && labels.len() == 2 && whole_division(lex, &labels, p.measure(q));
        let listed = labels.len() >= 2
            && parts.total_after.is_none()
            && (decided && lex.outcomes_of_one_group(labels.iter().copied())
                || negation_pair
                || dichotomy);
        if listed && (!other_total || names_its_total) && !lex.outcome_caveats.is_match(after) {
            let kind = if dichotomy {
                ListKind::Breakdown
            } else {
                ListKind::Decisions
            };
            check_breakdown(p, lex, at, "", kind, out);
        }
    }
}

/// "经审理，": a short clause that leads in to what follows, with no figure of its own;
/// returned with its comma.
fn lead_in_clause(s: &str) -> Option<&str> {
    let end = s.find(['，', ','])?;
    let clause = &s[..end];
    let short = clause.chars().count() <= 6;
    let plain = !clause.contains(|c: char| c.is_ascii_digit() || is_clause_mark(c));
    let comma = s[end..].chars().next()?.len_utf8();
    (clause.starts_with('经') && short && plain).then(|| &s[..end + comma])
}

/// The clause marks in `range`, short asides in brackets with no figure left out ("村（社区）
/// 干部386名": the brackets do not end the part's clause).
fn marks_outside_asides(p: &Para, range: std::ops::Range<usize>) -> Vec<char> {
    let mut marks = p.t.marks_in(range.clone());
    if !marks.iter().any(|c| matches!(c, '（' | '(')) {
        return marks;
    }
    let mut rest = &p.text()[range];
    while let Some(open) = rest.find(['（', '(']) {
        let open_len = rest[open..].chars().next().map_or(1, char::len_utf8);
        let inner = &rest[open + open_len..];
        let Some(close) = inner.find(['）', ')']) else {
            break;
        };
        let aside = &inner[..close];
        let plain = aside.chars().count() <= 6
            && !aside.contains(|c: char| c.is_ascii_digit() || is_clause_mark(c));
        if plain {
            for pair in [['（', '('], ['）', ')']] {
                if let Some(at) = marks.iter().position(|c| pair.contains(c)) {
                    marks.remove(at);
                }
            }
        }
        rest = &inner[close..];
    }
    marks
}

/// The words before a total after its parts: "共", "合计", with what was done to all of
/// them ("共清理"), and the whole's scope before ("全年共受理").
fn names_a_total(lex: &Lexicon, words: &str) -> bool {
    after_total_word(lex, words)
        .is_some_and(|verb| verb.is_empty() || lex.total_verbs.iter().any(|v| v == verb))
}

/// What follows the scope and the word of a total ("全年共" of "全年共受理").
fn after_total_word<'w>(lex: &Lexicon, words: &'w str) -> Option<&'w str> {
    let words = [
        "全年",
        "全市",
        "全县",
        "全区",
        "全省",
        "全局",
        "全委",
        "本年度",
        "本年",
    ]
    .iter()
    .find_map(|scope| words.strip_prefix(scope))
    .unwrap_or(words);
    lex.totals_after
        .iter()
        .find_map(|w| words.strip_prefix(w.as_str()))
}

/// "评查案卷", "公示执法信息", "公示": a verb done to all the parts (a total verb, or the
/// two characters the first part's label starts with), then a noun whose last two
/// characters end every part's label ("行政许可信息", "行政处罚信息"), if any.
fn names_the_parts(lex: &Lexicon, words: &str, labels: &[&str]) -> bool {
    let Some(first) = labels.first() else {
        return false;
    };
    let first_verb = first.char_indices().nth(2).map_or("", |(k, _)| &first[..k]);
    lex.total_verbs
        .iter()
        .map(String::as_str)
        .chain([first_verb])
        .filter(|v| !v.is_empty())
        .filter_map(|v| words.strip_prefix(v))
        .any(|noun| {
            let tail = last_chars(noun, 2);
            noun.is_empty()
                || noun.chars().count() >= 2
                    && noun.chars().all(is_han)
                    && labels.iter().all(|l| l.trim_end().ends_with(tail))
        })
}

/// "线上5场、线下8场，共12场": a list of figures closed by its total. (A list opened by 分别
/// is `check_total_after`'s; one after 其中 may be a subset with its own total.)
fn check_total_after_list(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    for (k, total) in p.qs.iter().enumerate().skip(2) {
        let prev = &p.qs[k - 1];
        let Some(gap) = text.get(prev.span.end..total.span.start) else {
            continue;
        };
        let Some(word) = gap.trim().strip_prefix(['，', ',']) else {
            continue;
        };
        // The list: figures in the total's unit joined by 、 (or a last 和), back from it.
        let mut first = k - 1;
        while first > 0 && ends_enumeration(p, &p.qs[first]) {
            first -= 1;
        }
        let items = &p.qs[first..k];
        // "，共25件", or with what was done to all the parts: "，共清理13件". A total that
        // names the parts again ("，共评查案卷160卷") may name a wider whole: only parts over
        // it are sure to be wrong.
        let word = word.trim();
        let labels: Vec<&str> = items.iter().map(|q| p.measure(q)).collect();
        let plain_total = names_a_total(lex, word);
        let named_again = !plain_total
            && after_total_word(lex, word).is_some_and(|w| names_the_parts(lex, w, &labels));
        if !(named_again || plain_total)
            || items.len() < 2
            || !total.exact()
            || !is_unit_class(total)
            || items.iter().any(|q| q.unit != total.unit || !q.exact())
        {
            continue;
        }
        let clause = &text[p.t.clause_start(items[0].span.start)..items[0].span.start];
        let list = &text[items[0].span.start..prev.span.end];
        // "市本级5人、县区各2人": a figure per unit, not a part.
        let per_unit = items
            .iter()
            .any(|q| p.measure(q).contains(['各', '每']) || clause.contains('每'));
        // After 其中 the list may be some of an earlier total, and the total after it that
        // one's; with no earlier figure in the sentence, the total can only be the list's.
        // (A list after 分别 is `check_total_after`'s.)
        let sentence = p.sentence_of(items[0].span.start);
        let earlier_total = p.qs[..first]
            .iter()
            .any(|q| q.span.start >= sentence.start && q.unit == total.unit);
        let after_trigger = lex.triggers.find_iter(clause).next().is_some();
        if (after_trigger && (earlier_total || clause.contains("分别")))
            || is_partial(lex, list)
            || per_unit
        {
            continue;
        }
        let Some(sum) = Value::sum(items.iter().map(|q| &q.value)) else {
            continue;
        };
        // "共35场（含线上线下同步开展3场）": the bracket says how the parts overlap.
        let refs: Vec<&Quantity> = items.iter().collect();
        if adds_up(total, &refs, sum)
            || (named_again && sum < total.value)
            || text[total.span.end..]
                .strip_prefix(['（', '('])
                .is_some_and(|r| r.starts_with('含'))
        {
            continue;
        }
        out.push(total_after_mismatch(p, "", &refs, total, sum));
    }
}

/// A trigger at `at` starts a sentence ("。其中…") rather than a clause.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty() || before.ends_with(['。', '；', ';', '！', '？'])
}

/// Longest aside read after a part's figure, in characters.
const MAX_ASIDE: usize = 40;

/// The end of a bracketed aside that starts right at `at` ("1226件（其中…）"), when it is
/// closed and short.
fn aside_after(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(['（', '('])?;
    let close = rest.find(['）', ')'])?;
    let inner = &rest[..close];
    (!inner.contains(['（', '(']) && inner.chars().count() <= MAX_ASIDE).then(|| {
        let open = text.len() - at - rest.len();
        let close_len = rest[close..].chars().next().map_or(1, char::len_utf8);
        at + open + close + close_len
    })
}

/// The bracketed aside that ends just before `at` ("（…）， 其中"), when there is one.
fn bracket_closed_before(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let before = text[..at].trim_end_matches(['，', ',', ' ']);
    let inner_end = before.strip_suffix(['）', ')']).map(str::len)?;
    let open = text[..inner_end].rfind(['（', '('])?;
    let inside = &text[open..inner_end];
    (!inside.contains(['）', ')'])).then_some(open..before.len())
}

/// "较上年的1459件", "较上年增加36件": a figure of another period or a change, not a count
/// of this one. (Only in a comparison: "新增加注册护士120名" is a count.)
pub(super) fn is_comparison(p: &Para, lex: &Lexicon, q: &Quantity) -> bool {
    let clause = &p.text()[p.t.clause_start(q.span.start)..q.span.start];
    clause.contains(['较', '比']) && lex.growth.is_match(clause)
}

/// The total a breakdown trigger at `at` refers to: the last figure before it in the same
/// sentence ("…45件，其中…"), or in the sentence before when the trigger opens one.
pub(super) fn total_before_trigger<'q>(
    p: &'q Para,
    lex: &Lexicon,
    at: usize,
) -> Option<&'q Quantity> {
    let text = p.text();
    // The trigger opens a clause: "…45件，其中…" or a new sentence "。其中…".
    let before = text[..at].trim_end();
    let opens_sentence = opens_sentence(text, at);
    if !(opens_sentence || before.ends_with(['，', ',', '：', ':', '（', '('])) {
        return None;
    }
    // The total: the last figure before the trigger, in the same sentence (or the one
    // before, when the trigger opens a sentence).
    // A growth or a rate said of the total may stand between it and 其中 ("受理215件，同比增长
    // 8.7%，其中…"); not between sentences, where the rate may close another subject.
    // "2415件（行政许可1637件、备案778件），其中…": a breakdown in brackets is passed over.
    let bracket = bracket_closed_before(text, at);
    let end = bracket.as_ref().map_or(at, |b| b.start);
    let mut total = p.qs[..p.first_from(end)]
        .iter()
        .rev()
        .find(|q| q.unit != "%" || opens_sentence)
        .filter(|q| q.span.end <= end)?;
    // "受理1526件，办结1526件，办结率100%。其中…": a sentence closed by a rate, whose
    // counts are one figure written twice; with two ("抽检360份，合格354份，合格率98.3%。
    // 其中…") the parts may be of either, and with one ("抽检360份，合格率98.3%。其中…")
    // of the part the rate counts.
    if total.unit == "%" && opens_sentence {
        let sentence = p.sentence_of(total.span.start);
        let counts: Vec<&Quantity> = p.qs[..p.first_from(total.span.start)]
            .iter()
            .filter(|q| q.span.start >= sentence.start && q.unit != "%" && is_unit_class(q))
            .collect();
        if let Some(&last) = counts.last()
            && counts.len() >= 2
            && counts
                .iter()
                .all(|q| q.unit == last.unit && q.value == last.value)
        {
            total = last;
        }
    }
    let same_sentence = p.sentence_index(total.span.start) == p.sentence_index(at);
    let prev_sentence = p.sentence_index(total.span.start) + 1 == p.sentence_index(at);
    if !(same_sentence || opens_sentence && prev_sentence) || !is_unit_class(total) {
        return None;
    }
    // "较上年增加36件": a change, not a total. "建议18件、提案25件，其中…": the total is
    // the whole enumeration, or the parts belong to either item; too unsure to call.
    if is_comparison(p, lex, total) || ends_enumeration(p, total) {
        return None;
    }
    // One clause more is allowed when it only gives the total's growth or share ("，同比
    // 增长8.7%，").
    let rate_between = p.qs[p.first_from(total.span.end)..p.first_from(at)]
        .iter()
        .any(|q| q.unit == "%");
    // "受理8件，经审理，维持6件…": a lead-in clause between.
    let between = text[total.span.end..at].trim_start_matches(['，', ',']);
    let lead_in = lead_in_clause(between).is_some();
    let allowed_marks = 1 + usize::from(rate_between) + usize::from(lead_in);
    let marks = match &bracket {
        Some(b) => p.t.marks_in(total.span.end..b.start).len() + p.t.marks_in(b.end..at).len(),
        None => p.t.marks_in(total.span.end..at).len(),
    };
    if !opens_sentence && marks > allowed_marks && same_sentence {
        // Words with their own clauses sit between: "…36件规范性文件逐件评估，其中" is fine
        // (one mark), "…45件，处理完毕，其中" is not clearly about the 45.
        return None;
    }
    Some(total)
}

/// A list of parts after a trigger, and how its items were separated.
struct Parts<'q> {
    items: Vec<&'q Quantity>,
    /// Items joined by 、 (or a final 和) from the first one: the list proper; a ， may
    /// continue it.
    enumerated: usize,
    end: usize,
    /// "分别为17件和6件，共计25件": the total the list ends with, not one more part.
    total_after: Option<&'q Quantity>,
}

fn check_breakdown(
    p: &Para,
    lex: &Lexicon,
    at: usize,
    trig: &str,
    kind: ListKind,
    out: &mut Findings,
) {
    if check_total_after(p, lex, at, trig, out) {
        return;
    }
    let Some(total) = total_before_trigger(p, lex, at) else {
        if trig.starts_with("分别") {
            check_named_list(p, lex, at, trig, out);
        }
        return;
    };
    let text = p.text();
    let opens_sentence = opens_sentence(text, at);
    let after = at + trig.len();
    let Some(parts) = collect_parts(p, lex, after) else {
        return;
    };
    let first = parts.items[0];
    if first.unit != total.unit {
        check_unit_mismatch(p, total, &parts, out);
        return;
    }
    let items: Vec<&Quantity> = parts
        .items
        .iter()
        .copied()
        .take_while(|q| q.unit == total.unit)
        .collect();
    if !total.exact() || items.iter().any(|q| !q.exact()) {
        return;
    }
    if of_another_figure(p, lex, total, &items, opens_sentence) {
        return;
    }
    let items_end = items.last().map_or(after, |q| q.span.end);
    let region_end = next_char_end(text, items_end);
    let sentence_end = p.sentence_of(items_end).end.max(items_end);
    // What follows the parts is read as far as a sentence goes, and no further.
    let sentence_end = sentence_end.min(crate::text::ceil_char(text, items_end + LOOKAHEAD_BYTES));
    if is_partial(lex, &text[after..region_end])
        || lex.remainder.is_match(&text[items_end..sentence_end])
    {
        return;
    }
    // "审查合同协议58份，其中…出具法律意见书23份": a count of what was made of the whole.
    let made = |q: &Quantity| lex.names_a_product(measure_key(p.measure(q)));
    // "人均办理14.6件", "单笔罚款最高20万元": no count of things.
    let no_count = |q: &Quantity| lex.not_counts.is_match(p.measure(q));
    if !made(total) && items.iter().any(|q| made(q))
        || no_count(total)
        || items.iter().any(|q| no_count(q))
    {
        return;
    }
    // Steps of one matter ("其中按期受理409件、按期办结406件"): each a part of the one before,
    // so never more. ("立案查处18件、责令整改75件、经核查不属实147件" are outcomes.)
    let stages: std::collections::HashSet<usize> = items
        .iter()
        .filter_map(|q| lex.stages.find_iter(p.measure(q)).next().map(|(_, k)| k))
        .collect();
    let narrowing = items.windows(2).all(|w| w[0].value >= w[1].value);
    if stages.len() >= 2 && narrowing {
        return;
    }
    // Parts that overlap ("部分单位同时属于两类"; penalties imposed together) may add up to
    // more, never to less. The note may stand by the total too ("126次（部分为多部门联合），其中").
    let overlapping = lex.overlap.is_match(&text[total.span.end.min(after)..sentence_end])
        || qualifications_overlap(p, lex, total, &items)
        // (Amounts of each penalty still add up: 罚款80万元、没收12.3万元.)
        || items
            .iter()
            .all(|q| q.class == Class::Count && lex.is_combined_kind(p.measure(q)));
    // The first parts already make the total: what follows a comma may be another
    // dimension ("…，移送公安机关3件"), but not a part still inside the 、 list.
    let mut sum = Value::ZERO;
    for (k, q) in items.iter().enumerate() {
        let Some(s) = sum.checked_add(q.value) else {
            return;
        };
        sum = s;
        // "其中驳回诉讼请求4件，原告撤诉1件": decisions go on being parts.
        let decisions_go_on = items.get(k + 1).is_some_and(|n| {
            lex.outcomes_of_one_group(
                [measure_key(p.measure(q)), measure_key(p.measure(n))].into_iter(),
            )
        });
        if sum == total.value && k + 1 >= parts.enumerated && !decisions_go_on {
            return;
        }
    }
    // More figures in the same unit follow in the clause group: the list may go on in a
    // form not read here ("…7条,双随机、一公开信息9条…"), so only an excess is certain.
    // Not a figure that cuts across the parts ("，涉及医疗美容的9件已移交…").
    let seg_end = p.segment_of(after).end;
    let after_total = parts.total_after.map(|q| q.span.clone());
    let cut = p.qs[p.first_from(parts.end)..]
        .iter()
        .take_while(|q| q.span.end <= seg_end)
        .take(MAX_PARTS)
        .any(|q| {
            q.unit == total.unit
                && Some(&q.span) != after_total.as_ref()
                && !lex.overlap_labels.is_match(p.measure(q))
        });
    let listed: Vec<&Quantity> = if parts.enumerated >= 2 {
        items.iter().copied().take(parts.enumerated).collect()
    } else {
        items.clone()
    };
    // Clauses after commas that are not named alike are more often steps or sides of the
    // whole ("其中参加考试286人次，考试合格279人次") than kinds of it.
    let alike = listed
        .windows(2)
        .all(|w| named_alike(lex, p.measure(w[0]), p.measure(w[1])));
    // Money is no step of a whole: amounts over the total are an error however named
    // ("78.6万元，其中罚款72.4万元，没收违法所得7.2万元").
    let money_over = total.class == Class::Money
        && Value::sum(listed.iter().map(|q| &q.value)).is_some_and(|sum| sum > total.value);
    if kind == ListKind::Breakdown && parts.enumerated < 2 && !alike && !money_over {
        return;
    }
    let span = p.doc_span(total.span.start..items_end.max(total.span.end));
    let unit = total.unit;
    if listed.len() == 1 || items.iter().any(|q| q.value > total.value) {
        let Some(big) = items.iter().find(|q| q.value > total.value) else {
            return;
        };
        out.push(Diagnostic::new(
            &SUM_MISMATCH,
            span,
            format!(
                "分项“{}{}”为{}，大于总数{}",
                measure_key(p.measure(big)),
                big.written_with_unit(text),
                show_like(big.value, total, text, grouped([*big, total].into_iter())),
                show_like(total.value, total, text, grouped([*big, total].into_iter()))
            ),
            "分项不能大于总数：核对总数和这一分项的数字",
        ));
        return;
    }
    let Some(listed_sum) = Value::sum(listed.iter().map(|q| &q.value)) else {
        return;
    };
    let shown_grouped = grouped(listed.iter().copied().chain([total]));
    // "其中审结265件，审结案件中维持183件、撤销24件…": the first part has parts of its own,
    // said so ("…中").
    if listed.len() >= 3
        && text[listed[0].span.end..listed[1].span.start].contains('中')
        && Value::sum(listed[1..].iter().map(|q| &q.value))
            .is_some_and(|rest| rest == listed[0].value)
    {
        return;
    }
    // "其中维持和驳回的分别为16件和11件，共计27件": a subset with its own total.
    let own_total =
        !trig.starts_with("分别") && parts.total_after.is_some_and(|q| q.value == listed_sum);
    let after_parts = &text[items_end..sentence_end];
    // "其中网上办理1153件、即办件412件，分别占89.7%、32.0%": each part's share of the whole
    // is given, so the parts are not a division of it.
    let shares_given = after_parts.contains("分别占");
    // "其中非常满意2987件、满意428件，满意率97.0%": the rate says what the parts make.
    // (Parts over the total make no rate: a 100% after them is of something else.)
    let rate_of_the_parts = listed_sum < total.value
        && p.qs[p.first_from(items_end)..]
            .iter()
            .take_while(|r| r.span.end <= sentence_end)
            .filter(|r| r.unit == "%")
            .any(|r| {
                listed_sum
                    .percent_of(total.value)
                    .is_some_and(|e| within_stated_precision(r, e))
            });
    // "其中…职业卫生类12件；放射卫生类案件5件": the list goes on after the 、 run, and the
    // counts after it make up the rest.
    let later: Vec<&Quantity> = p.qs[p.first_from(items_end)..]
        .iter()
        .take_while(|r| r.span.end <= sentence_end)
        .filter(|r| r.unit == total.unit && r.exact())
        .collect();
    let rest_given = listed_sum < total.value
        && (1..=later.len()).any(|n| {
            Value::sum(listed.iter().chain(&later[..n]).map(|q| &q.value)) == Some(total.value)
        });
    // Before the stock's name only its place and 共有: "全市共有医疗卫生机构", the
    // paragraph's indent included.
    let open_total = lex.open_totals.iter().any(|w| {
        p.measure(total)
            .strip_suffix(w.as_str())
            .is_some_and(|head| {
                head.chars().all(|c| {
                    c.is_whitespace() || "全省市州县区旗镇乡街道本共有现计年末底".contains(c)
                })
            })
    });
    // "其中以A324件、B271件为主": the larger parts named, the rest not.
    let mainly = text[after..items[0].span.start]
        .trim_start()
        .starts_with('以')
        && text[items_end..].starts_with("为主");
    if adds_up(total, &listed, listed_sum)
        || (kind == ListKind::Decisions || open_total) && listed_sum < total.value
        || cut && listed_sum < total.value
        || overlapping && listed_sum > total.value
        || crosses_cuts(p, lex, &items)
        || own_total
        || shares_given
        || rate_of_the_parts
        || rest_given
        || mainly
        || repeats_the_last_sentence(p, total, &listed, opens_sentence)
        || kind == ListKind::Breakdown && narrowing_subsets(p, &listed, after_parts)
    {
        return;
    }
    // Short of the total: after 其中 the parts may be only some of them, written without
    // 等, so a bigger gap is a partial breakdown and is left alone. A near miss looks like
    // a slip, surely so in a list of three or more. 分别 lists every part.
    let near = listed_sum.micros().saturating_mul(10) >= total.value.micros().saturating_mul(9);
    // "9件，其中维持5件、撤销1件、确认违法1件、终止1件": one short of a small total, in a
    // list of outcomes long enough to mean all of them.
    let one_short = total.value.checked_sub(listed_sum) == Some(Value::from_int(1));
    // Two parts a little short: a slip when the gap is a unit or two, or under 2%; a larger
    // one ("许可12,846件，其中医师执业注册9,512件、护士执业注册2,874件") leaves kinds out.
    let gap = total.value.checked_sub(listed_sum).unwrap_or(Value::ZERO);
    let slight = gap.micros() <= Value::from_int(2).micros()
        || gap.micros().saturating_mul(50) <= total.value.micros() && slip_shaped(gap);
    // Two parts far over the total are more often two overlapping kinds (网上办理 and
    // 即办件) than a slip: a warning that says so.
    let far_over = listed.len() == 2
        && listed_sum.micros().saturating_mul(5) > total.value.micros().saturating_mul(6);
    let labels: Vec<&str> = listed.iter().map(|q| measure_key(p.measure(q))).collect();
    // Decisions short of their cases: some may be undecided at the year's end, which the
    // report should say, but need not be a slip.
    let pending = listed_sum < total.value
        && lex.pending_totals.is_match(p.measure(total))
        && lex.outcomes_of_one_group(labels.iter().copied());
    // "17件（其中1件尚未审结），其中维持10件…": the rest is said.
    if pending
        && lex
            .rest_kinds
            .is_match(&text[p.sentence_of(total.span.start)])
    {
        return;
    }
    let division = whole_division(lex, &labels, p.measure(total));
    let severity = if far_over {
        Severity::Warning
    } else if pending {
        if (near || one_short) && listed.len() >= 3 {
            Severity::Warning
        } else {
            return;
        }
    } else if listed_sum > total.value
        || trig.starts_with("分别")
        || division
        || (one_short || near && slight) && listed.len() >= 3
    {
        Severity::Error
    } else if near && slight {
        Severity::Warning
    } else if near && listed.len() >= 3 {
        // Three kinds named a few short are most often the main ones only: a note.
        Severity::Info
    } else {
        return;
    };
    let verb = if listed_sum > total.value {
        "超过"
    } else {
        "与"
    };
    let tail = if listed_sum > total.value {
        ""
    } else {
        "不符"
    };
    out.push(
        Diagnostic::new(
            &SUM_MISMATCH,
            span,
            format!(
                "{}所列分项之和为{}（{}），{verb}总数{}{tail}",
                // "“其中”所列分项", not "“分别为”所列分项", nor "“”所列分项" where the parts
                // follow the total with no word before them.
                if trig.starts_with("分别") || trig.is_empty() {
                    String::new()
                } else {
                    format!("“{trig}”")
                },
                show_like(listed_sum, total, text, shown_grouped),
                join_values(text, &listed),
                show_like(total.value, total, text, shown_grouped)
            ),
            if far_over {
                "如果两项有交叉（同一事项同时属于两类），写明“两者有交叉”；否则核对总数和各分项的数字"
                    .to_string()
            } else if listed_sum > total.value {
                "分项之和不能超过总数：核对总数和各分项的数字".to_string()
            } else if pending {
                format!(
                    "核对总数和各项结果：差{}；如有尚未审结或办结的，写明“另有××{unit}尚未审结”",
                    show_like(gap, total, text, shown_grouped)
                )
            } else if division {
                "这两项之外没有第三类，两项之和应正好等于总数：核对总数和两项的数字".to_string()
            } else {
                format!(
                    "核对总数和各分项：差{}，如有未列出的分项请补上（如“其他××{unit}”）；如果只是列举，写“主要包括”或在末项后加“等”",
                    show_like(
                        total.value.checked_sub(listed_sum).unwrap_or(Value::ZERO),
                        total,
                        text,
                        shown_grouped
                    )
                )
            },
        )
        .with_severity(severity),
    );
}

/// A gap one mistyped figure makes: one digit wrong (30, 500) or two swapped (2318 for
/// 2381: 63). Other gaps are kinds left out ("5126户次，其中医疗机构2318户次、公共场所
/// 2750户次": 58 in other places).
fn slip_shaped(gap: Value) -> bool {
    let Ok(mut m) = u64::try_from(gap.micros()) else {
        return false;
    };
    if m == 0 || m % 1_000_000 != 0 {
        return false;
    }
    m /= 1_000_000;
    while m % 10 == 0 {
        m /= 10;
    }
    m <= 9 || (m % 9 == 0 && m <= 81)
}

/// Two parts that leave no third kind of the total: one group of `dichotomies` ("简易程序"
/// and "普通程序案件" of 案件), or a kind and its negation (合格, 不合格). What the labels
/// say beyond the pair must be the same and of the total: "男性检出异常" and "女性检出异常"
/// divide the abnormal findings, not the 婚检 they are of.
/// The parts are not a division of `total`: one of them is all of it (channels one item
/// goes out by: "公开1268条，其中网站公开1268条、新媒体发布986条"; not decisions, of which
/// a case gets one), or they make up, or fit under, an earlier figure of the sentence,
/// which they are more likely of ("受理2961件，办结2913件，其中即办件950件、承诺件2011件").
fn of_another_figure(
    p: &Para,
    lex: &Lexicon,
    total: &Quantity,
    items: &[&Quantity],
    opens_sentence: bool,
) -> bool {
    let decisions = lex.outcomes_of_one_group(items.iter().map(|q| measure_key(p.measure(q))));
    if items.len() >= 2 && !decisions && items.iter().any(|q| q.value == total.value) {
        return true;
    }
    let Some(sum) = Value::sum(items.iter().map(|q| &q.value)) else {
        return false;
    };
    let sentence = p.sentence_index(total.span.start);
    p.qs.iter()
        .take_while(|e| e.span.end <= total.span.start)
        .filter(|e| e.unit == total.unit && e.exact() && p.sentence_index(e.span.start) == sentence)
        .any(|e| e.value == sum || opens_sentence && e.value >= sum && sum > total.value)
}

/// Characters of a verb before the first of a list's kinds that governs them all (适用).
const MAX_GOVERNING_VERB: usize = 2;

pub(super) fn whole_division(lex: &Lexicon, labels: &[&str], total: &str) -> bool {
    let [a, b] = labels else {
        return false;
    };
    let negation = |x: &str, y: &str| {
        !x.is_empty() && ["不", "未", "非"].iter().any(|n| y == format!("{n}{x}"))
    };
    let paired = lex.dichotomies.iter().any(|group| {
        let split = |label: &'_ str| {
            group.iter().enumerate().find_map(|(k, w)| {
                let (head, tail) = label.split_once(w.as_str())?;
                Some((k, head.to_string(), tail.to_string()))
            })
        };
        match (split(a), split(b)) {
            (Some((i, head_a, tail_a)), Some((j, head_b, tail_b))) if i != j => {
                let (rest_a, rest_b) = (format!("{head_a}{tail_a}"), format!("{head_b}{tail_b}"));
                // "适用简易程序150件、普通程序286件": the first item's verb governs the list.
                // So does a verb repeated before each ("适用简易程序42件、适用普通程序140件").
                let governed = (rest_b.is_empty() || (tail_b.is_empty() && head_b == head_a))
                    && tail_a.is_empty()
                    && head_a.chars().count() <= MAX_GOVERNING_VERB;
                (rest_a == rest_b && total.contains(&rest_a)) || governed
            }
            _ => false,
        }
    });
    paired || negation(a, b) || negation(b, a)
}

/// Qualifications one may hold together: every part is one ("取得…资格的5名、具有…经历的
/// 4名"), or one held by all ("持证人员92名、法律专业人员18名" of 92), or one after the
/// kinds that make the whole. Not a qualification and its absence ("持证86人、未持证40人"),
/// which split the whole.
fn qualifications_overlap(p: &Para, lex: &Lexicon, total: &Quantity, items: &[&Quantity]) -> bool {
    let negated = |label: &str| {
        lex.overlap_labels
            .find_iter(label)
            .any(|(at, _)| label[..at].ends_with(['未', '不', '无', '非']))
    };
    if items.len() < 2 || items.iter().any(|q| negated(p.measure(q))) {
        return false;
    }
    let qualified = |q: &Quantity| lex.overlap_labels.is_match(p.measure(q));
    let attributes: Vec<Option<usize>> = items
        .iter()
        .map(|q| lex.attribute_of(p.measure(q)))
        .collect();
    let dimensions_differ = attributes.windows(2).any(|w| w[0] != w[1]);
    // "其中规范性文件2件、合同协议61件、提交集体讨论的12件": the kinds before make the
    // whole, and a last part named by a clause (…的) is some of them.
    let clause_of_some = items.split_last().is_some_and(|(last, kinds)| {
        kinds.len() >= 2
            && p.measure(last).trim_end().ends_with('的')
            && Value::sum(kinds.iter().map(|q| &q.value)) == Some(total.value)
    });
    items.iter().all(|q| qualified(q))
        || items.iter().any(|q| q.value == total.value && qualified(q))
        || attributes.iter().any(Option::is_some) && dimensions_differ
        || clause_of_some
}

/// Every part is named by a way to divide the whole, and not all by the same one
/// ("涉企检查213次、双随机抽查372次"): no division, so they may add up to anything.
fn crosses_cuts(p: &Para, lex: &Lexicon, items: &[&Quantity]) -> bool {
    let cuts: Option<Vec<usize>> = items.iter().map(|q| lex.cut_of(p.measure(q))).collect();
    cuts.is_some_and(|c| c.windows(2).any(|w| w[0] != w[1]))
}

/// "受理复议和诉讼案件分别为17件和6件，共计25件": the parts come first, the total after.
/// 分别 lists every part, so any difference is an error. True when it reported one (a
/// total before the list is then not compared as well).
fn check_total_after(p: &Para, lex: &Lexicon, at: usize, trig: &str, out: &mut Findings) -> bool {
    if !trig.starts_with("分别") {
        return false;
    }
    let Some(Parts {
        items,
        total_after: Some(total),
        ..
    }) = collect_parts(p, lex, at + trig.len())
    else {
        return false;
    };
    let same_unit = items.iter().all(|q| q.unit == total.unit && q.exact());
    if items.len() < 2 || !same_unit || !total.exact() || !is_unit_class(total) {
        return false;
    }
    let Some(sum) = Value::sum(items.iter().map(|q| &q.value)) else {
        return false;
    };
    if adds_up(total, &items, sum) {
        return false;
    }
    out.push(total_after_mismatch(
        p,
        &format!("“{trig}”列出的"),
        &items,
        total,
        sum,
    ));
    true
}

/// "受理投诉236件，电话、网络、来信分别为130件、86件、30件": the parts named before 分别,
/// their figures after it, and the total before the names. The names may leave some
/// kinds out, so only an excess is certain.
fn check_named_list(p: &Para, lex: &Lexicon, at: usize, trig: &str, out: &mut Findings) {
    let text = p.text();
    let sentence = p.sentence_of(at);
    // The names: clauses back from 分别 joined by 、.
    let mut start = p.t.clause_start(at);
    while start > sentence.start && text[..start].ends_with('、') {
        start = p.t.clause_start(start - '、'.len_utf8());
    }
    let names = &text[start..at];
    let name_list: Vec<&str> = names.split(['、', '和', '及']).map(str::trim).collect();
    let mut count = names.matches('、').count() + 1;
    let Some(parts) = collect_parts(p, lex, at + trig.len()) else {
        return;
    };
    let items = &parts.items;
    let last_name = names.rsplit('、').next().unwrap_or(names);
    if count + 1 == items.len() && last_name.matches(['和', '及']).count() == 1 {
        count += 1;
    }
    // The total ends before the names (a "1,236" the names' clause split is no total), and
    // is the first count of its unit in the sentence: "236件，其中来信30件，电话、网络分别为…"
    // lists the rest of the 236, not parts of the 30.
    let Some(total) = p.qs[..p.first_from(start)]
        .last()
        .filter(|q| q.span.end <= start)
    else {
        return;
    };
    let first_of_unit = p.qs[..p.first_from(total.span.start)]
        .iter()
        .all(|q| q.span.start < sentence.start || q.unit != total.unit);
    // "人均…，最多、最少分别为", "修改完善、出具法律意见书分别为": no parts, as after 其中.
    let no_part = |n: &&str| {
        let n = measure_key(n);
        lex.not_counts.is_match(n) || lex.names_a_product(n)
    };
    if !first_of_unit || lex.not_counts.is_match(p.measure(total)) || name_list.iter().any(no_part)
    {
        return;
    }
    let joined = text[total.span.end..start].trim_matches(['，', ',', ' ']);
    // "243件，从来源看，电话、网络、来信分别为…": a lead-in that says how it is divided.
    let lead_in =
        static_regex!(r"^(?:其中[，,]?)?(?:从|按|就|以)\p{Han}{1,6}(?:看|来看|分|划分|区分)$");
    let joined = if lead_in.is_match(joined) { "" } else { joined };
    let in_names = p.first_from(start) != p.first_from(at);
    if count < 2
        || count != items.len()
        || in_names
        || parts.total_after.is_some()
        || total.span.start < sentence.start
        || !(joined.is_empty() || joined == "其中")
        || !total.exact()
        || !is_unit_class(total)
        || items.iter().any(|q| q.unit != total.unit || !q.exact())
        || is_comparison(p, lex, total)
        || ends_enumeration(p, total)
        || lex
            .overlap
            .is_match(&text[start..sentence.end.max(parts.end)])
        // "上年、前年分别为…": other periods; "警告、罚款分别为…": penalties imposed together.
        || names_another_period(lex, names)
        || name_list.iter().all(|n| lex.is_combined_kind(n))
    {
        return;
    }
    let Some(sum) = Value::sum(items.iter().map(|q| &q.value)) else {
        return;
    };
    if sum <= total.value || adds_up(total, items, sum) {
        return;
    }
    let shown_grouped = grouped(items.iter().copied().chain([total]));
    out.push(Diagnostic::new(
        &SUM_MISMATCH,
        p.doc_span(total.span.start..parts.end),
        format!(
            "“{trig}”所列分项之和为{}（{}），超过总数{}",
            show_like(sum, total, text, shown_grouped),
            join_values(text, items),
            show_like(total.value, total, text, shown_grouped)
        ),
        "分项之和不能超过总数：核对总数和各分项的数字",
    ));
}

/// Parts that do not make the total written after them; `lead` names how they were listed.
fn total_after_mismatch(
    p: &Para,
    lead: &str,
    items: &[&Quantity],
    total: &Quantity,
    sum: Value,
) -> Diagnostic {
    let shown_grouped = grouped(items.iter().copied().chain([total]));
    Diagnostic::new(
        &SUM_MISMATCH,
        p.doc_span(items[0].span.start..total.span.end),
        format!(
            "{lead}各项之和为{}（{}），与其后的合计{}不符",
            show_like(sum, total, p.text(), shown_grouped),
            join_values(p.text(), items),
            show_like(total.value, total, p.text(), shown_grouped)
        ),
        "核对各项和合计的数字，二者应一致",
    )
}

/// "全年共立案137件，结案129件。其中，医疗机构共立案68件，结案65件。": a sentence after 其中
/// that measures a subset the way the last one measured the whole.
fn repeats_the_last_sentence(
    p: &Para,
    total: &Quantity,
    listed: &[&Quantity],
    opens_sentence: bool,
) -> bool {
    if !opens_sentence || listed.len() < 2 {
        return false;
    }
    let last = p.sentence_index(total.span.start);
    let keys: Vec<&str> =
        p.qs.iter()
            .filter(|q| p.sentence_index(q.span.start) == last)
            .map(|q| measure_key(p.measure(q)))
            .filter(|k| !k.is_empty())
            .collect();
    let repeated = |q: &Quantity| {
        let k = measure_key(p.measure(q));
        keys.iter().any(|w| k.ends_with(w) || w.ends_with(k))
    };
    listed.iter().filter(|q| repeated(q)).count() >= 2
}

/// "其中应办结3855件，按期办结3851件，按期办结率99.9%": each part a part of the one before,
/// joined by commas, with a rate after them.
fn narrowing_subsets(p: &Para, listed: &[&Quantity], after_parts: &str) -> bool {
    let commas = listed
        .windows(2)
        .all(|w| p.t.marks_in(w[0].span.end..w[1].span.start) == ['，']);
    let shrinking = listed.windows(2).all(|w| w[1].value <= w[0].value);
    listed.len() >= 2 && commas && shrinking && after_parts.contains('%')
}

/// Two parts named as kinds of one thing are: alike at the start or the end ("线上"/"线下",
/// "一般程序"/"简易程序"), decisions of one group, or both what is done with a whole
/// (办结, 转办). Not different steps ("参加考试"/"考试合格", "发现问题"/"责令整改").
fn named_alike(lex: &Lexicon, a: &str, b: &str) -> bool {
    let label = |s| measure_key(s).trim_matches(['“', '”', '"', '的']);
    let (a, b) = (label(a), label(b));
    let short = |s: &str| s.chars().nth(1).is_none();
    // "尚未判决3件", "其他5件": the rest is a kind in any division.
    let rest = |s: &str| lex.rest_kinds.longest_at(s).is_some();
    short(a)
        || short(b)
        || rest(a)
        || rest(b)
        || a.chars().next() == b.chars().next()
        || a.chars().next_back() == b.chars().next_back()
        || lex.outcomes_of_one_group([a, b].into_iter())
        || lex.dealt_with.longest_at(a).is_some() && lex.dealt_with.longest_at(b).is_some()
}

/// "上年受理92件", "2021年以来累计抽查1860户": another period or a running total.
fn names_another_period(lex: &Lexicon, s: &str) -> bool {
    lex.other_periods.is_match(s)
        || s.match_indices('年').any(|(at, _)| {
            let digits = s[..at].bytes().rev().take_while(u8::is_ascii_digit).count();
            digits == 4
        })
}

/// The figure closes a list of figures in its unit joined by 、 or 和 ("建议18件、提案25件").
pub(super) fn ends_enumeration(p: &Para, total: &Quantity) -> bool {
    let k = p.first_from(total.span.start);
    let Some(prev) = k.checked_sub(1).and_then(|j| p.qs.get(j)) else {
        return false;
    };
    let gap = &p.text()[prev.span.end..total.span.start];
    let marks = p.t.marks_in(prev.span.end..total.span.start);
    let joined = marks == ['、']
        || marks.is_empty() && gap.chars().count() <= 12 && gap.starts_with(['和', '及']);
    prev.unit == total.unit && joined
}

fn next_char_end(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(at, |c| (at + c.len_utf8()).min(text.len()))
}

/// The figures after a trigger that read as its parts: the first in the trigger's own
/// clause, the rest each in a short clause of its own, joined by 、 or ，.
fn collect_parts<'q>(p: &'q Para, lex: &Lexicon, after: usize) -> Option<Parts<'q>> {
    let text = p.text();
    let seg = p.segment_of(after);
    let cands: Vec<&Quantity> = p.qs[p.first_from(after)..]
        .iter()
        .take_while(|q| q.span.end <= seg.end)
        .take(MAX_PARTS)
        .collect();
    let first = *cands.first()?;
    // "其中，" or "其中：" may come first; no other mark before the first part.
    let lead = text[after..first.span.start].trim_start_matches(['，', ',', '：', ':', ' ']);
    let lead_start = first.span.start - lead.len();
    if !marks_outside_asides(p, lead_start..first.span.start).is_empty() {
        return None;
    }
    let mut items = vec![first];
    let mut enumerated = 1;
    let mut only_dunhao = true;
    let mut total_after = None;
    // The end of the last figure read, a part or not.
    let mut prev_end = first.span.end;
    // "采纳42条", "整改到位3个": what was done with the whole, not a kind of it.
    let dealt_with = |c: &Quantity| {
        let key = measure_key(p.measure(c));
        lex.dealt_with
            .longest_at(key)
            .is_some_and(|w| matches!(&key[lex.dealt_with.word(w).len()..], "" | "到位" | "完毕"))
    };
    for q in cands.iter().skip(1) {
        if q.span.start < prev_end {
            break;
        }
        // "普通程序1226件（其中重大案件12件）、简易程序380件": the part's own breakdown in
        // brackets right after it is passed over.
        let aside_end = aside_after(text, prev_end);
        if aside_end.is_some_and(|end| q.span.start < end) {
            continue;
        }
        let from = aside_end.unwrap_or(prev_end);
        let marks = marks_outside_asides(p, from..q.span.start);
        let gap = &text[from..q.span.start];
        let after_comma = gap.trim_start_matches(['，', ',']);
        // "，占全部抽查批次135次的31.1%": the base of a share, not a part. "在已办结的230件
        // 中，满意228件", "…52家，其中已整改49家": the last figure has parts of its own.
        if after_comma.starts_with('占')
            || gap.starts_with('中')
            || lex.triggers.find_iter(gap).next().is_some()
        {
            break;
        }
        // "其中办结85件，上年受理92件": another period, unless the parts are periods.
        if after_comma.len() < gap.len()
            && names_another_period(lex, after_comma)
            && !names_another_period(lex, &text[after..first.span.start])
        {
            break;
        }
        if after_comma.len() < gap.len() && names_a_total(lex, after_comma) {
            total_after = Some(*q);
            break;
        }
        // "，全年共开展执法检查8,460户次": a total of its own (the same one again, GW0407's
        // business), not one more part.
        if after_comma.len() < gap.len() && crate::quantity::totalizer(after_comma).is_some() {
            break;
        }
        let sep = match marks.as_slice() {
            [c] if matches!(c, '、' | '，' | ',') => *c,
            [] if gap.chars().count() <= 12 && (gap.starts_with('和') || gap.starts_with('及')) => {
                '和'
            }
            _ => break,
        };
        // "A、B和C" is one enumeration; a comma may continue it with looser clauses.
        if sep != '、' && sep != '和' {
            // "其中医疗机构80家，医疗机构合格76家、…": a part of an earlier part (in a 、 list,
            // 食品 and 食品添加剂 are kinds side by side).
            let key = measure_key(p.measure(q));
            let of_earlier = items.iter().any(|c| {
                let earlier = measure_key(p.measure(c));
                earlier.chars().nth(1).is_some()
                    && key.len() > earlier.len()
                    && key.starts_with(earlier)
            });
            if of_earlier {
                break;
            }
            only_dunhao = false;
            // A comma-joined part is a short clause that is just "what + figure".
            if gap.chars().count() > 16 {
                break;
            }
            // "其中书面意见20条，采纳42条": what was done with the whole, after kinds of it,
            // is passed over; the kinds may go on ("…，邻里纠纷200件，化解192件").
            if dealt_with(q) && !items.iter().any(|c| dealt_with(c)) {
                prev_end = q.span.end;
                continue;
            }
        }
        if only_dunhao {
            enumerated += 1;
        }
        items.push(q);
        prev_end = q.span.end;
    }
    let end = items.last().map_or(after, |q| q.span.end);
    Some(Parts {
        items,
        enumerated,
        end,
        total_after,
    })
}

/// 主要包括, 部分, 以上 …, or a list-ending 等 (not 甲等, 等级, 一等奖).
fn is_partial(lex: &Lexicon, region: &str) -> bool {
    // "部分采纳5条" names a part; it does not make the list partial.
    let mut region = std::borrow::Cow::Borrowed(region);
    for kind in &lex.partial_kinds {
        if region.contains(kind.as_str()) {
            region = std::borrow::Cow::Owned(region.replace(kind.as_str(), ""));
        }
    }
    if lex.partial.iter().any(|w| region.contains(w.as_str())) {
        return true;
    }
    let chars: Vec<char> = region.chars().collect();
    chars.iter().enumerate().any(|(k, &c)| {
        c == '等'
            && !k
                .checked_sub(1)
                .is_some_and(|j| lex.deng_not_after.contains(chars[j]))
            && !chars
                .get(k + 1)
                .is_some_and(|&n| lex.deng_not_before.contains(n))
    })
}

/// Total in one unit, every part in another, and the numbers agree: say so, gently.
fn check_unit_mismatch(p: &Para, total: &Quantity, parts: &Parts, out: &mut Findings) {
    let first = parts.items[0];
    if parts.items.len() < 2
        || first.class != Class::Count
        || total.class != Class::Count
        || !total.exact()
        || parts
            .items
            .iter()
            .any(|q| q.unit != first.unit || !q.exact())
    {
        return;
    }
    if Value::sum(parts.items.iter().map(|q| &q.value)) != Some(total.value) {
        return;
    }
    out.push(Diagnostic::new(
        &BREAKDOWN_UNIT,
        p.doc_span(total.span.start..parts.end),
        format!(
            "总数用“{}”，分项用“{}”，计量单位不一致",
            total.unit, first.unit
        ),
        format!(
            "同一事物宜用同一计量单位：统一为“{}”或“{}”",
            total.unit, first.unit
        ),
    ));
}

/// The figures compared are written with thousands separators, so a message's are too.
fn grouped<'q>(mut qs: impl Iterator<Item = &'q Quantity>) -> bool {
    qs.any(|q| q.numeral.grouped)
}
