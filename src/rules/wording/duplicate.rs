//! A character written twice where one copy is meant: 深深入 → 深入, 进一一步 → 进一步,
//! 的的 → 的. Quiet on reduplications (紧紧, 实实在在) and on a word boundary between the
//! copies (主任 + 任组长, 执行 + 行政, 市 + 市场).

use super::DUPLICATED_CHARACTER;
use super::lexicon::Duplicates;
use super::sorted_words::SortedWords;
use crate::diagnostic::Diagnostic;
use crate::rules::findings::Findings;
use crate::text::is_han;
use std::sync::OnceLock;

/// Longest whitelist phrase looked up around a pair.
const WINDOW: usize = 6;

/// A listed word written twice in a row: 开展开展, 进一步进一步.
pub fn check_doubled_words(dup: &Duplicates, t: &str, base: usize, out: &mut Findings) {
    for (at, k) in dup.doubled.find_iter(t) {
        let twice = dup.doubled.word(k);
        // "纠正“开展开展”等重复用词": the slip quoted, not made.
        if t[..at].ends_with('“') && t[at + twice.len()..].starts_with('”') {
            continue;
        }
        let word = &twice[..twice.len() / 2];
        out.push(
            Diagnostic::new(
                &DUPLICATED_CHARACTER,
                base + at..base + at + twice.len(),
                format!("“{twice}”中“{word}”重复了"),
                format!("删去一个“{word}”"),
            )
            .with_fix(word.to_string(), false),
        );
    }
}

pub fn check_line(dup: &Duplicates, t: &str, base: usize, out: &mut Findings) {
    let mut prev: Option<char> = None;
    let any = t.chars().any(|c| {
        let pair = prev == Some(c) && is_han(c);
        prev = Some(c);
        pair
    });
    if !any {
        return;
    }
    let cs: &[(usize, char)] = &t.char_indices().collect::<Vec<_>>();
    let n = cs.len();
    let mut p = 0;
    while p + 1 < n {
        let x = cs[p].1;
        if x != cs[p + 1].1 || !is_han(x) {
            p += 1;
            continue;
        }
        if let Some(d) = triple(dup, cs, p, t, base) {
            out.push(d);
            p += 3;
            continue;
        }
        if let Some(d) = judge(dup, cs, p, t, base) {
            out.push(d);
            // "深深深": one finding.
            p += 2;
        } else {
            p += 1;
        }
    }
}

fn text_of(cs: &[(usize, char)], from: usize, to: usize) -> String {
    cs[from.min(cs.len())..to.min(cs.len())]
        .iter()
        .map(|&(_, c)| c)
        .collect()
}

/// The longest word of the list ending at index `end` (inclusive) of `cs`.
fn longest_word_ending_at(dup: &Duplicates, cs: &[(usize, char)], end: usize) -> Option<usize> {
    (2..=dup.longest_word)
        .rev()
        .filter(|&len| len <= end + 1)
        .find(|&len| dup.words.contains(&text_of(cs, end + 1 - len, end + 1)))
}

/// The longest word of the list starting at index `start` of `cs`.
fn word_starting_at(dup: &Duplicates, cs: &[(usize, char)], start: usize) -> Option<usize> {
    (2..=dup.longest_word)
        .rev()
        .filter(|&len| start + len <= cs.len())
        .find(|&len| dup.words.contains(&text_of(cs, start, start + len)))
}

/// A whitelisted phrase of `min_len` characters or more covering the pair at `p`.
fn whitelisted(dup: &Duplicates, cs: &[(usize, char)], p: usize, min_len: usize) -> bool {
    let from = p.saturating_sub(WINDOW);
    let window = text_of(cs, from, p + 2 + WINDOW);
    let pair_at = p - from;
    dup.whitelist.iter().any(|w| {
        let wl = w.chars().count();
        wl >= min_len
            && window.match_indices(w.as_str()).any(|(b, _)| {
                let start = window[..b].chars().count();
                start <= pair_at && start + wl >= pair_at + 2
            })
    })
}

/// Characters written three times in placeholders ("某某某", "〇〇〇").
const PLACEHOLDER_RUNS: &str = "某〇";

/// A reduplication written with a third copy (层层层压实 → 层层压实), unless the first
/// copy ends a word (基层 + 层层压实, 文件 + 件件落实).
fn triple(
    dup: &Duplicates,
    cs: &[(usize, char)],
    p: usize,
    t: &str,
    base: usize,
) -> Option<Diagnostic> {
    let x = cs[p].1;
    let run = cs[p..].iter().take_while(|&&(_, c)| c == x).count();
    if run != 3 || PLACEHOLDER_RUNS.contains(x) {
        return None;
    }
    if ends_word(dup, cs, p) {
        return None;
    }
    let shown = text_of(cs, p, p + 3);
    let fixed = text_of(cs, p, p + 2);
    let end = base + cs.get(p + 3).map_or(t.len(), |&(b, _)| b);
    Some(
        Diagnostic::new(
            &DUPLICATED_CHARACTER,
            base + cs[p].0..end,
            format!("“{shown}”中“{x}”字多写了一次，应为“{fixed}”"),
            format!("删去一个“{x}”"),
        )
        .with_fix(fixed, false),
    )
}

fn judge(
    dup: &Duplicates,
    cs: &[(usize, char)],
    p: usize,
    t: &str,
    base: usize,
) -> Option<Diagnostic> {
    let x = cs[p].1;
    let n = cs.len();
    // AABB reduplication: 实实在在, 家家户户.
    let next_pair = p + 3 < n && cs[p + 2].1 == cs[p + 3].1;
    let prev_pair = p >= 2 && cs[p - 2].1 == cs[p - 1].1 && cs[p - 2].1 != x;
    if next_pair || prev_pair || whitelisted(dup, cs, p, 3) {
        return None;
    }
    // (span start, span end as char indices, the replacement without the extra copy)
    let unit_pair = dup.unit_pairs.contains(&text_of(cs, p + 1, p + 3));
    let (from, to) = if unit_pair && dup.standalone.contains(&x) {
        // 乡镇 names the 乡 before it, whatever word that 乡 ends (家乡, 各县).
        (p, p + 3)
    } else if let Some(len) = longest_word_ending_at(dup, cs, p) {
        // The first copy ends a word (执行|行政, 主任|任组长): a boundary, unless the second
        // copy starts no word at all (严格格执法) and is no word of its own (任 = 担任).
        // (A reduplication after the word is none: 基层 + 层层压实, 文件 + 件件落实.)
        let reduplicated = cs.get(p + 2).is_some_and(|&(_, c)| c == x);
        let stray = starts_no_word(dup, cs, p + 1) == Some(true)
            && !reduplicated
            && !dup.single.contains(&x)
            && !dup.standalone.contains(&x);
        if stray {
            (p + 1 - len, p + 2)
        } else {
            // 执法人人员: one copy leaves a word of the list across the pair (执法人员).
            word_across(dup, cs, p)?
        }
    } else if p >= 1 && is_common_word(cs[p - 1].1, x) {
        // 生产产品, 审议议案: the first copy ends a common word, the second starts the next.
        word_across(dup, cs, p)?
    } else if let Some(len) = word_starting_at(dup, cs, p + 1) {
        // 深深入: the second copy starts a word. A two-character reduplication (深深) yields
        // here; a character that is a word of its own (市 + 市场) does not.
        if dup.standalone.contains(&x) && !dup.unit_pairs.contains(&text_of(cs, p + 1, p + 1 + len))
        {
            return None;
        }
        (p, p + 1 + len)
    } else if let Some(word) = word_across(dup, cs, p) {
        // 进一一步: one copy leaves a word across the pair.
        word
    } else if dup.always.contains(&x)
        && !whitelisted(dup, cs, p, 2)
        && !cs
            .get(p + 2)
            .is_some_and(|&(_, next)| is_common_word(x, next))
    {
        // The second copy starting a common word is a boundary (为了|了解, 的|的确).
        (p, p + 2)
    } else {
        return None;
    };
    let shown = text_of(cs, from, to);
    let fixed: String = text_of(cs, from, p) + &text_of(cs, p + 1, to);
    let start = base + cs[from].0;
    let end = base + cs.get(to).map_or(t.len(), |&(b, _)| b);
    Some(
        Diagnostic::new(
            &DUPLICATED_CHARACTER,
            start..end,
            format!("“{shown}”中“{x}”字重复，应为“{fixed}”"),
            format!(
                "删去一个“{x}”；如果前一个“{x}”是上一个词的末字、后一个是下一个词的首字，不必改动"
            ),
        )
        .with_fix(fixed, false),
    )
}

/// The copy at `p` ends a word of the list or a common two-character word.
fn ends_word(dup: &Duplicates, cs: &[(usize, char)], p: usize) -> bool {
    longest_word_ending_at(dup, cs, p).is_some() || p >= 1 && is_common_word(cs[p - 1].1, cs[p].1)
}

fn common_words() -> &'static SortedWords {
    static WORDS: OnceLock<SortedWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let file = crate::embedded::COMMON_WORDS;
        SortedWords::new(SortedWords::block(file, "two_char"), 2)
    })
}

/// `ab` is a common two-character word (rules/common_words.toml).
pub(crate) fn is_common_word(a: char, b: char) -> bool {
    common_words().contains(&[a, b])
}

/// The words of rules/word_starts.toml: the characters covered, and the two- and
/// three-character words starting with them.
struct WordStarts {
    covered: &'static str,
    two: SortedWords,
    three: SortedWords,
}

fn word_starts() -> &'static WordStarts {
    static STARTS: OnceLock<WordStarts> = OnceLock::new();
    STARTS.get_or_init(|| {
        let file = crate::embedded::WORD_STARTS;
        let covered = file
            .split_once("\ncovered = \"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map_or("", |(chars, _)| chars);
        WordStarts {
            covered,
            two: SortedWords::new(SortedWords::block(file, "two_char"), 2),
            three: SortedWords::new(SortedWords::block(file, "three_char"), 3),
        }
    })
}

/// A copy of a character after a word ending in it starts no word (严格格执法, 法治治政府),
/// as far as the list of word starts can tell; `None` when it does not cover the character.
fn starts_no_word(dup: &Duplicates, cs: &[(usize, char)], at: usize) -> Option<bool> {
    let starts = word_starts();
    let chars: Vec<char> = cs[at..(at + 3).min(cs.len())]
        .iter()
        .map(|&(_, c)| c)
        .collect();
    // Alone before a mark or the end (法治政府府。), it starts nothing.
    if chars.len() < 2 || !is_han(chars[1]) {
        return Some(true);
    }
    if !starts.covered.contains(chars[0]) {
        return None;
    }
    let of_the_trade = (2..=chars.len()).any(|n| dup.starts.contains(&text_of(cs, at, at + n)));
    let starts_one = starts.two.contains(&chars[..2])
        || chars.len() == 3 && starts.three.contains(&chars)
        || of_the_trade;
    Some(!starts_one)
}

/// Dropping the first copy leaves a word of three or more characters across the pair
/// (进一一步 → 进一步, 执法人人员 → 执法人员): that word's span in `cs`, both copies
/// included, the longest when several.
fn word_across(dup: &Duplicates, cs: &[(usize, char)], p: usize) -> Option<(usize, usize)> {
    let before = p.saturating_sub(dup.longest_word);
    let dedup: Vec<(usize, char)> = cs[before..p]
        .iter()
        .chain(cs[p + 1..(p + 1 + dup.longest_word).min(cs.len())].iter())
        .copied()
        .collect();
    let copy = p - before;
    (3..=dup.longest_word).rev().find_map(|len| {
        (copy.saturating_sub(len - 2)..copy)
            .filter(|&s| s + len <= dedup.len() && s + len > copy + 1)
            .find(|&s| dup.words.contains(&text_of(&dedup, s, s + len)))
            .map(|s| (before + s, p + 1 + s + len - copy))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::wording::lexicon;

    type Check = fn(&Duplicates, &str, usize, &mut Findings);

    /// (text found, its replacement) for each finding of `check` on `t`.
    fn run(check: Check, t: &str) -> Vec<(String, String)> {
        let mut out = Findings::new();
        check(&lexicon::get().duplicates, t, 0, &mut out);
        out.into_vec()
            .into_iter()
            .map(|d| (t[d.span.clone()].to_string(), d.fix.unwrap().replacement))
            .collect()
    }

    fn found(t: &str) -> Vec<(String, String)> {
        run(check_line, t)
    }

    /// Each text has one slip, found with its fix.
    fn slips(cases: &[(&str, &str, &str)]) {
        for &(t, slip, fixed) in cases {
            assert_eq!(found(t), [(slip.into(), fixed.into())], "{t}");
        }
    }

    fn doubled(t: &str) -> Vec<(String, String)> {
        run(check_doubled_words, t)
    }

    #[test]
    fn the_word_lists_are_searchable_in_place() {
        assert!(common_words().well_formed_len().unwrap() > 10_000);
        assert!(is_common_word('生', '产'));
        assert!(!is_common_word('们', '的'));
        let starts = word_starts();
        assert!(starts.two.well_formed_len().unwrap() > 10_000);
        assert!(starts.three.well_formed_len().unwrap() > 1_000);
        assert!(starts.two.contains(&['诉', '求']));
        assert!(starts.three.contains(&['习', '近', '平']));
    }

    /// rules/word_starts.toml covers the last character of every listed word: regenerate it
    /// with tools/word_starts.py when the words change.
    #[test]
    fn word_starts_cover_the_listed_words() {
        let dup = &lexicon::get().duplicates;
        let covered = word_starts().covered;
        let missing: String = dup
            .words
            .iter()
            .filter_map(|w| w.chars().next_back())
            .filter(|c| !covered.contains(*c))
            .collect();
        assert_eq!(missing, "", "run tools/word_starts.py");
    }

    #[test]
    fn a_copy_after_a_word_ending_in_it_that_starts_no_word_is_a_slip() {
        slips(&[
            ("我委严格格执法。", "严格格", "严格"),
            ("推进依法法行政。", "依法法", "依法"),
            ("建设法治治政府。", "法治治", "法治"),
            ("加强医疗疗机构监管。", "医疗疗", "医疗"),
            ("开展职业业病防治。", "职业业", "职业"),
            ("维护患者者合法权益。", "患者者", "患者"),
        ]);
        for t in [
            "学习习近平法治思想",
            "投诉诉求办结率",
            "创新新业态监管",
            "中小学学籍管理",
            "抽检生活饮用水水样",
            "中医医术确有专长",
            "核查查实问题",
            "由局长任组长",
            "规范药品品规数量",
            "加强药品品控管理",
            "强化执法法条学习",
            "建立健全全覆盖的监管体系",
            "卒中中心建设",
            "对照传染病防治法法律责任一章",
            "坚持宪法法律至上",
        ] {
            assert_eq!(found(t), [], "{t}");
        }
    }

    #[test]
    fn slips_are_found() {
        slips(&[
            ("我局深深入推进整治。", "深深入", "深入"),
            ("进一一步加强。", "进一一步", "进一步"),
            ("我们的的工作。", "的的", "的"),
            // A word's last character again, where the pair is also a reduplication
            // (面面, 件件), or before a mark.
            ("全面面落实各项要求。", "全面面", "全面"),
            ("清理规范性文件件，", "文件件", "文件"),
            // A word of the list across the pair, after a word the first copy ends (法人).
            ("培训执法人人员。", "执法人人员", "执法人员"),
            ("推动常常态化监管。", "常常态化", "常态化"),
            // 了 and 对 written twice, where the second copy starts no common word.
            ("取得了了显著成效。", "了了", "了"),
            ("加强对对执法人员的培训。", "对对", "对"),
            ("我们们认真落实。", "我们们", "我们"),
        ]);
    }

    #[test]
    fn a_reduplication_written_three_times() {
        assert_eq!(
            found("责任层层层传导。"),
            [("层层层".into(), "层层".into())]
        );
        assert_eq!(
            found("处处处体现为民。"),
            [("处处处".into(), "处处".into())]
        );
        for t in [
            "把责任向基层层层传导",
            "各类文件件件落实",
            "投诉人张某某某月某日来电",
            "哈哈哈哈",
        ] {
            assert_eq!(found(t), Vec::<(String, String)>::new(), "{t}");
        }
    }

    #[test]
    fn reduplications_and_boundaries_stay_quiet() {
        for t in [
            "紧紧围绕中心工作",
            "层层落实责任",
            "实实在在的成效",
            "由局长任组长，主任任副组长",
            "严格执行行政执法公示制度",
            "联合市市场监管局开展检查",
            "深入学习习近平法治思想",
            "达到目的的手段",
            "一一对应，件件有回音",
            "局法规处处长",
            "坚持持续推进",
            "来自齐齐哈尔",
            "的的确确",
            // Health words ending in the character the next word starts with.
            "推进医共体体制改革",
            "民族医医院、藏医医院各1家",
            "末梢水水质样品360份",
            "艾滋病病人随访",
            "糖尿病病人健康管理",
            "对涉及当事人人数较多的案件，对新立项项目审查，推行重点事项项目化管理，水源水水质监测",
            "人事事项按程序办理，民事事项依法调解",
            // Any common word before a word that starts with its last character.
            "对生产产品抽检，依法作出仲裁裁决，起草草案，设备备案，出具具体意见，保持持续下降",
            "人工工作量，导管管理，海水水质，预检分流流程",
            "依法人人员信息，对违法人人员",
            // The second copy starts a common word; a law's name; an idiom.
            "为了了解情况，开展了了解需求的调研，对对象分类，目标的的确实现，对对口单位指导",
            "学习《中华人民共和国立法法》，落实立法法要求，了了分明，不了了之",
        ] {
            assert_eq!(found(t), Vec::<(String, String)>::new(), "{t}");
        }
    }

    #[test]
    fn words_written_twice() {
        assert_eq!(
            doubled(
                "进一步进一步压减审批环节，开展开展培训，召开召开会议，依法依法查处，推进法治法治建设。"
            ),
            [
                ("进一步进一步".into(), "进一步".into()),
                ("开展开展".into(), "开展".into()),
                ("召开召开".into(), "召开".into()),
                ("依法依法".into(), "依法".into()),
                ("法治法治".into(), "法治".into())
            ]
        );
        assert_eq!(
            doubled(
                "明确负责人负责人职责，规范执业执业行为，加强管理管理，优化服务服务，强化监督监督。"
            ),
            [
                ("负责人负责人".into(), "负责人".into()),
                ("执业执业".into(), "执业".into()),
                ("管理管理".into(), "管理".into()),
                ("服务服务".into(), "服务".into()),
                ("监督监督".into(), "监督".into())
            ]
        );
        assert_eq!(
            doubled("推进法治政府建设建设，落实三项制度制度，开展法律法律进医院活动。"),
            [
                ("建设建设".into(), "建设".into()),
                ("制度制度".into(), "制度".into()),
                ("法律法律".into(), "法律".into())
            ]
        );
        for t in [
            "基层党组织组织党员学习",
            "在主要领导领导下",
            "一步一步推进",
            "开展，开展",
            "进一步开展进一步",
            "纠正“开展开展”“进一步进一步”等重复用词12处",
            // A word before a compound it starts.
            "进一步规范规范性文件制定程序，组织实施实施方案2项，证件在有效有效期内。",
        ] {
            assert_eq!(doubled(t), Vec::<(String, String)>::new(), "{t}");
        }
    }
}
