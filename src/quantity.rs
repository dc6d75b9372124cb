//! Quantities in a paragraph: a numeral with its unit ("1526件", "47.3万元", "95%"),
//! whether it is exact, and the words before it that say what it counts (the measure:
//! "受理政务服务事项"). The word lists come from `rules/units.toml`.

use crate::numerals::{Numeral, Value};
use crate::wordlist::WordList;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

const UNITS_TOML: &str = crate::embedded::UNITS;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    units: UnitsFile,
    counting: CountingFile,
    approximation: ApproxFile,
    measure: MeasureFile,
    breakdown: BreakdownFile,
    rates: RatesFile,
    growth: Growth,
    averages: AveragesFile,
    money: MoneyFile,
    years: YearsFile,
    tables: TablesFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    count: Vec<String>,
    money: Vec<MoneyUnit>,
    other: Vec<String>,
    #[serde(default)]
    same: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyUnit {
    unit: String,
    factor: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountingFile {
    counters: Vec<String>,
    not_after: String,
    fixed: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApproxFile {
    before: Vec<String>,
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasureFile {
    prefixes: Vec<String>,
    suffixes: Vec<String>,
    totalizers: Vec<String>,
    subjects: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BreakdownFile {
    triggers: Vec<String>,
    partial: Vec<String>,
    partial_kinds: Vec<String>,
    remainder: Vec<String>,
    overlap: Vec<String>,
    overlap_labels: Vec<String>,
    attribute_labels: Vec<Vec<String>>,
    cuts: Vec<Vec<String>>,
    not_counts: Vec<String>,
    maxima: Vec<String>,
    negations: Vec<String>,
    totals_after: Vec<String>,
    total_verbs: Vec<String>,
    outcome_groups: Vec<Vec<String>>,
    outcome_prefixes: Vec<String>,
    outcome_totals: Vec<String>,
    pending_totals: Vec<String>,
    outcome_caveats: Vec<String>,
    dealt_with: Vec<String>,
    outputs: Vec<String>,
    products: Vec<String>,
    combined_kinds: Vec<String>,
    other_periods: Vec<String>,
    sub_scopes: Vec<String>,
    rest_kinds: Vec<String>,
    dichotomies: Vec<Vec<String>>,
    open_totals: Vec<String>,
    stages: Vec<String>,
    deng_not_after: String,
    deng_not_before: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatesFile {
    links: Vec<String>,
    bounded: Vec<String>,
    open_ended: Vec<String>,
    exceedable: Vec<String>,
    exceeded: Vec<String>,
    growth: Vec<String>,
    denominator_hints: Vec<String>,
    carried_over: Vec<String>,
    aliases: Vec<RateAlias>,
    sums: Vec<RateSum>,
    narrowing: Vec<String>,
    deed_measures: Vec<String>,
    whole: Vec<String>,
    whole_suffixes: Vec<String>,
    whole_places: Vec<String>,
}

/// `[growth]`: how a change against another period is written ("比上年的300件增长20%").
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    pub up: Vec<String>,
    pub down: Vec<String>,
    pub more: Vec<String>,
    pub less: Vec<String>,
    pub previous: Vec<String>,
    pub compare: Vec<String>,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// A rate of several kinds together (纠错率), not after the words that widen it (综合).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateSum {
    pub rate: String,
    pub parts: Vec<String>,
    pub not_after: Vec<String>,
    /// Kinds some leave out of the base (终止: no decision on the merits).
    pub off_merits: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateAlias {
    pub rate: String,
    pub numerator: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AveragesFile {
    words: Vec<Average>,
}

/// A word of an average ("场均") and the units of what it is per (场).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Average {
    pub word: String,
    pub per: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyFile {
    context: Vec<String>,
    counted: Vec<String>,
    counted_links: Vec<String>,
    capital_ok: Vec<String>,
    capital_single_units: Vec<String>,
    capital_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsFile {
    max_span: i32,
    relative: Vec<RelativeYear>,
    periods: Vec<Period>,
    period_words: Vec<String>,
    honours: Vec<String>,
}

/// A period named by its number ("十四五") and its first and last years.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub name: String,
    pub years: [i32; 2],
    /// The word that must follow the name for it to mean this period.
    #[serde(default)]
    pub needs: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelativeYear {
    pub word: String,
    pub offset: i32,
    /// Said from the day of writing: the 成文日期's year is a base too.
    #[serde(default)]
    pub spoken: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TablesFile {
    totals: Vec<String>,
    subtotals: Vec<String>,
    shares: Vec<String>,
    rates: Vec<String>,
    parts: Vec<String>,
    labels: Vec<String>,
    other_period: Vec<String>,
    empty: Vec<String>,
    changes: Vec<String>,
    current_period: Vec<String>,
    previous_period: Vec<String>,
}

/// What kind of thing a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// 件, 家, 人次 …: figures in the same unit can be added.
    Count,
    /// 元, 万元, 亿元, held in 元.
    Money,
    Percent,
    /// Arabic digits with 万/亿 and no unit after them ("罚没款502.9万,").
    Bare,
    /// Durations, points, years: never added.
    Other,
}

#[derive(Debug, Clone)]
struct Unit {
    text: String,
    class: Class,
    /// Into the base unit (万元 → 元 is 10000).
    factor: i64,
    /// The unit figures are compared in ("元" for all money units).
    base: String,
}

/// The word lists of `rules/units.toml`, parsed once.
pub struct Lexicon {
    units: Vec<Unit>,
    unit_words: WordList,
    pub counters: Vec<String>,
    pub counter_not_after: String,
    pub fixed_expressions: Vec<String>,
    pub approx_before: Vec<String>,
    pub approx_after: WordList,
    pub measure_prefixes: Vec<String>,
    pub measure_suffixes: Vec<String>,
    pub totalizers: WordList,
    /// The writer's own body (我委, 本局 …).
    pub subjects: WordList,
    pub triggers: WordList,
    pub partial: Vec<String>,
    pub partial_kinds: Vec<String>,
    pub remainder: WordList,
    pub overlap: WordList,
    /// In a part's own label: a qualification one may hold with others.
    pub overlap_labels: WordList,
    /// Attributes of people, each group a dimension.
    attributes: Dimensions,
    /// Ways to divide facilities (by owner, by grade), each group a dimension.
    cuts: Dimensions,
    /// A figure per head or an extreme (人均, 最高 …).
    pub not_counts: WordList,
    /// The largest single one of a total (最高, 最多 …).
    pub maxima: WordList,
    negations: Vec<String>,
    pub totals_after: Vec<String>,
    /// Verbs a total after a list may carry (共清理).
    pub total_verbs: Vec<String>,
    /// Decisions a case gets one of (复议、诉讼), in groups that do not mix; what their
    /// total counts; and words after them that say the cases overlap.
    outcome_groups: Vec<WordList>,
    outcome_prefixes: Vec<String>,
    pub outcome_totals: WordList,
    /// Totals of cases, some of which may be undecided (复议, 诉讼 …).
    pub pending_totals: WordList,
    pub outcome_caveats: WordList,
    /// What is done with a whole (采纳, 办结 …), not a kind of it.
    pub dealt_with: WordList,
    /// What is made of a whole (出具, 提出 …): a part so named is no kind of it.
    outputs: WordList,
    products: Vec<String>,
    /// Penalties one decision may impose together.
    combined_kinds: WordList,
    /// Another period or a running total (上年, 累计 …).
    pub other_periods: WordList,
    /// A narrower scope a total is of (专项行动中, 期间 …).
    pub sub_scopes: WordList,
    /// What is left of a whole (尚未判决, 其他): a kind in any division of it.
    pub rest_kinds: WordList,
    /// Divisions with no third kind (简易程序 and 普通程序).
    pub dichotomies: Vec<Vec<String>>,
    /// Totals whose usual breakdowns leave "其他" out (医疗卫生机构, 卫生技术人员).
    pub open_totals: Vec<String>,
    /// Stages one matter goes through (受理, 立案, 办结 …).
    pub stages: WordList,
    pub deng_not_after: String,
    pub deng_not_before: String,
    pub rate_links: Vec<String>,
    pub bounded_rates: Vec<String>,
    open_ended_rates: Vec<String>,
    exceedable_rates: Vec<String>,
    pub exceeded: WordList,
    pub growth: WordList,
    /// How a change against another period is written.
    pub change: Growth,
    pub averages: Vec<Average>,
    pub denominator_hints: Vec<String>,
    /// Cases of earlier years counted in this year's results (上年结转).
    pub carried_over: WordList,
    pub rate_aliases: Vec<RateAlias>,
    pub rate_sums: Vec<RateSum>,
    pub narrowing: Vec<String>,
    /// After a deed in a rate's name: its measure against a plan (完成, 覆盖 …).
    pub deed_measures: Vec<String>,
    pub whole: Vec<String>,
    pub whole_suffixes: Vec<String>,
    pub whole_places: Vec<String>,
    pub money_context: Vec<String>,
    pub money_counted: Vec<String>,
    pub money_counted_links: Vec<String>,
    pub capital_ok: Vec<String>,
    pub capital_single_units: Vec<String>,
    pub capital_words: Vec<String>,
    pub max_year_span: i32,
    pub relative_years: Vec<RelativeYear>,
    pub periods: Vec<Period>,
    pub period_words: Vec<String>,
    /// An honour awarded: a sentence on an earlier year's is background.
    pub honours: Vec<String>,
    pub table_totals: Vec<String>,
    pub table_subtotals: Vec<String>,
    pub table_shares: Vec<String>,
    pub table_rates: Vec<String>,
    pub table_parts: Vec<String>,
    pub table_labels: Vec<String>,
    pub table_other_period: Vec<String>,
    pub table_empty: Vec<String>,
    /// Header words of a column of changes against another period.
    pub table_changes: Vec<String>,
    /// Header words that name this period's column, and the last period's.
    pub table_current_period: Vec<String>,
    pub table_previous_period: Vec<String>,
}

fn longest_first(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

impl Lexicon {
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        if f.breakdown.outcome_groups.len() > 64 {
            return Err("breakdown.outcome_groups：最多 64 组".to_string());
        }
        let mut units: Vec<Unit> = Vec::new();
        for u in f.units.count {
            units.push(Unit {
                base: u.clone(),
                text: u,
                class: Class::Count,
                factor: 1,
            });
        }
        for m in f.units.money {
            units.push(Unit {
                text: m.unit,
                class: Class::Money,
                factor: m.factor,
                base: "元".into(),
            });
        }
        for u in f.units.other {
            units.push(Unit {
                base: u.clone(),
                text: u,
                class: Class::Other,
                factor: 1,
            });
        }
        for group in &f.units.same {
            let Some(first) = group.first() else {
                continue;
            };
            for u in units.iter_mut().filter(|u| group.contains(&u.text)) {
                u.base = first.clone();
            }
        }
        units.sort_by_key(|u| std::cmp::Reverse(u.text.chars().count()));
        Ok(Lexicon {
            unit_words: WordList::new(units.iter().map(|u| &u.text))?,
            units,
            counters: longest_first(f.counting.counters),
            counter_not_after: f.counting.not_after,
            fixed_expressions: f.counting.fixed,
            approx_before: longest_first(f.approximation.before),
            approx_after: WordList::new(&f.approximation.after)?,
            measure_prefixes: longest_first(f.measure.prefixes),
            measure_suffixes: longest_first(f.measure.suffixes),
            totalizers: WordList::new(&f.measure.totalizers)?,
            subjects: WordList::new(&f.measure.subjects)?,
            triggers: WordList::new(&f.breakdown.triggers)?,
            partial: f.breakdown.partial,
            partial_kinds: f.breakdown.partial_kinds,
            remainder: WordList::new(&f.breakdown.remainder)?,
            overlap: WordList::new(&f.breakdown.overlap)?,
            overlap_labels: WordList::new(&f.breakdown.overlap_labels)?,
            attributes: Dimensions::new(&f.breakdown.attribute_labels)?,
            cuts: Dimensions::new(&f.breakdown.cuts)?,
            not_counts: WordList::new(&f.breakdown.not_counts)?,
            maxima: WordList::new(&f.breakdown.maxima)?,
            negations: f.breakdown.negations,
            totals_after: f.breakdown.totals_after,
            total_verbs: f.breakdown.total_verbs,
            outcome_groups: f
                .breakdown
                .outcome_groups
                .iter()
                .map(WordList::new)
                .collect::<Result<_, _>>()?,
            outcome_prefixes: f.breakdown.outcome_prefixes,
            outcome_totals: WordList::new(&f.breakdown.outcome_totals)?,
            pending_totals: WordList::new(&f.breakdown.pending_totals)?,
            outcome_caveats: WordList::new(&f.breakdown.outcome_caveats)?,
            dealt_with: WordList::new(&f.breakdown.dealt_with)?,
            outputs: WordList::new(&f.breakdown.outputs)?,
            products: f.breakdown.products,
            combined_kinds: WordList::new(&f.breakdown.combined_kinds)?,
            other_periods: WordList::new(&f.breakdown.other_periods)?,
            sub_scopes: WordList::new(&f.breakdown.sub_scopes)?,
            rest_kinds: WordList::new(&f.breakdown.rest_kinds)?,
            dichotomies: f.breakdown.dichotomies,
            open_totals: f.breakdown.open_totals,
            stages: WordList::new(&f.breakdown.stages)?,
            deng_not_after: f.breakdown.deng_not_after,
            deng_not_before: f.breakdown.deng_not_before,
            rate_links: longest_first(f.rates.links),
            bounded_rates: longest_first(f.rates.bounded),
            open_ended_rates: f.rates.open_ended,
            exceedable_rates: f.rates.exceedable,
            exceeded: WordList::new(&f.rates.exceeded)?,
            growth: WordList::new(&f.rates.growth)?,
            change: f.growth,
            averages: f.averages.words,
            denominator_hints: f.rates.denominator_hints,
            carried_over: WordList::new(&f.rates.carried_over)?,
            rate_aliases: f.rates.aliases,
            rate_sums: f.rates.sums,
            narrowing: f.rates.narrowing,
            deed_measures: f.rates.deed_measures,
            whole: longest_first(f.rates.whole),
            whole_suffixes: longest_first(f.rates.whole_suffixes),
            whole_places: f.rates.whole_places,
            money_context: f.money.context,
            money_counted: f.money.counted,
            money_counted_links: f.money.counted_links,
            capital_ok: f.money.capital_ok,
            capital_single_units: f.money.capital_single_units,
            capital_words: f.money.capital_words,
            max_year_span: f.years.max_span,
            relative_years: f.years.relative,
            periods: f.years.periods,
            period_words: longest_first(f.years.period_words),
            honours: f.years.honours,
            table_totals: f.tables.totals,
            table_subtotals: f.tables.subtotals,
            table_shares: f.tables.shares,
            table_rates: f.tables.rates,
            table_parts: f.tables.parts,
            table_labels: f.tables.labels,
            table_other_period: f.tables.other_period,
            table_empty: f.tables.empty,
            table_changes: f.tables.changes,
            table_current_period: f.tables.current_period,
            table_previous_period: f.tables.previous_period,
        })
    }

    /// The unit written at the start of `s`, longest match first.
    fn unit_at(&self, s: &str) -> Option<&Unit> {
        self.unit_words.longest_at(s).map(|k| &self.units[k])
    }

    /// The length in bytes of the unit at the start of `s` ("件，" → 3).
    pub fn unit_len_at(&self, s: &str) -> Option<usize> {
        self.unit_at(s).map(|u| u.text.len())
    }

    /// `s` is one of the units, all of it ("件", "万元"; not "已结" or "良好").
    pub fn is_unit(&self, s: &str) -> bool {
        self.unit_at(s).is_some_and(|u| u.text.len() == s.len())
    }

    /// Two labels, a kind and its negation: "合格"/"不合格", "准予许可"/"不予许可",
    /// "考核合格"/"不合格", "调解成功"/"调解不成功", "已履行"/"未履行". What both start
    /// with is passed over; the kind may carry a short qualifier.
    pub fn kind_and_negation(&self, a: &str, b: &str) -> bool {
        self.negates(a, b) || self.negates(b, a)
    }

    fn negates(&self, kind: &str, negation: &str) -> bool {
        // "检查结果符合要求的…、不符合要求的…": a qualifier of four characters at most.
        const MAX_QUALIFIER: usize = 4;
        let common: usize = kind
            .chars()
            .zip(negation.chars())
            .take_while(|(x, y)| x == y)
            .map(|(x, _)| x.len_utf8())
            .sum();
        let (kind, negation) = (&kind[common..], &negation[common..]);
        self.negations
            .iter()
            .filter_map(|n| negation.strip_prefix(n.as_str()))
            .any(|what| {
                !what.is_empty()
                    && kind.ends_with(what)
                    && kind[..kind.len() - what.len()].chars().count() <= MAX_QUALIFIER
            })
    }

    /// The dimension of people's attributes `label` names (职称, gender …), if any.
    pub fn attribute_of(&self, label: &str) -> Option<usize> {
        self.attributes.of(label)
    }

    /// The way of dividing facilities or matters `label` names (owner, grade, channel), if any.
    pub fn cut_of(&self, label: &str) -> Option<usize> {
        self.cuts.of(label)
    }

    /// "罚款", "责令退回医保基金的": a penalty or measure one decision may impose with others.
    pub fn is_combined_kind(&self, label: &str) -> bool {
        self.combined_kinds.longest_at(measure_key(label)).is_some()
    }

    /// "出具法律意见书": a verb of outputs, then a paper it makes.
    pub fn names_a_product(&self, key: &str) -> bool {
        self.outputs.longest_at(key).is_some()
            && self.products.iter().any(|w| key.ends_with(w.as_str()))
    }

    /// Whether `label` starts with a decision ("撤销原行政行为" is a 撤销), or has one
    /// after `outcome_prefixes` ("复议维持").
    pub fn is_outcome(&self, label: &str) -> bool {
        self.groups_starting(self.decision(label)) != 0
    }

    /// `label` from its decision on: "依法撤销3件" is a 撤销, and so is "决定予以撤销"
    /// (prefixes may follow one another).
    pub fn decision<'a>(&self, label: &'a str) -> &'a str {
        let mut rest = label;
        // Three prefixes at most: "依法决定予以撤销".
        for _ in 0..=3 {
            if self.groups_starting(rest) != 0 {
                return rest;
            }
            match self
                .outcome_prefixes
                .iter()
                .find_map(|p| rest.strip_prefix(p.as_str()))
            {
                Some(shorter) => rest = shorter,
                None => break,
            }
        }
        label
    }

    /// The groups whose decisions `label` starts with, one bit each (a decision may be
    /// in two: 撤诉 ends a suit both among a court's decisions and among 胜诉 and 败诉).
    fn groups_starting(&self, label: &str) -> u64 {
        self.outcome_groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.longest_at(label).is_some())
            .fold(0, |bits, (k, _)| bits | 1 << k)
    }

    /// Whether every label is a decision and some one group holds them all.
    pub fn outcomes_of_one_group<'a>(&self, labels: impl Iterator<Item = &'a str>) -> bool {
        let mut common = u64::MAX;
        let mut any = false;
        for l in labels {
            common &= self.groups_starting(self.decision(l));
            any = true;
        }
        any && common != 0
    }

    /// "调解成功率" ends with the bounded rate "成功率"; "年度计划完成率" is measured
    /// against a plan and is not bounded.
    /// A bounded rate that people counted outside its base, or more done than planned,
    /// may take over 100% when the sentence says so (`exceeded`).
    pub fn may_be_exceeded(&self, rate: &str) -> bool {
        self.exceedable_rates
            .iter()
            .any(|e| rate.ends_with(e.as_str()))
    }

    pub fn is_bounded_rate(&self, rate: &str) -> bool {
        self.bounded_rates
            .iter()
            .any(|b| rate.ends_with(b.as_str()))
            && !self
                .open_ended_rates
                .iter()
                .any(|w| rate.contains(w.as_str()))
    }
}

/// The embedded lexicon; it is tested, so a parse failure is a build defect.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::parse(UNITS_TOML).expect("rules/units.toml is valid"))
}

/// Characters that end a clause: what a figure counts never reaches across them.
pub fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '、'
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '！'
            | '!'
            | '？'
            | '?'
            | '（'
            | '('
            | '）'
            | ')'
            | '【'
            | '】'
            | '\n'
    )
}

/// Ranges sorted and merged where they overlap.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// `range` lies inside one of the sorted, merged `ranges`.
fn within(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = ranges.partition_point(|r| r.start <= range.start);
    i > 0 && range.end <= ranges[i - 1].end
}

/// Characters that end a sentence.
pub fn is_sentence_mark(c: char) -> bool {
    matches!(c, '。' | '！' | '!' | '？' | '?' | '\n')
}

/// A paragraph with its quoted and titled stretches marked, so that the 、 inside
/// “双随机、一公开” or 《…》 is not taken for a list separator. Built once per paragraph;
/// lookups are binary searches.
pub struct Text<'a> {
    pub text: &'a str,
    /// Merged, sorted byte ranges of “…” 《…》 ‘…’ 〈…〉 「…」, marks included.
    opaque: Vec<Range<usize>>,
    /// The same for quotations of any length (quoted prose too), merged and sorted.
    quoted: Vec<Range<usize>>,
    /// Clause marks outside quotations: (byte, char), in order.
    marks: Vec<(usize, char)>,
}

/// A quotation longer than this is not a name but quoted prose; its marks count.
const MAX_OPAQUE_CHARS: usize = 60;

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Text<'a> {
        let mut pairs: Vec<Range<usize>> = Vec::new();
        let mut long: Vec<Range<usize>> = Vec::new();
        let mut stack: Vec<(char, usize, usize)> = Vec::new();
        // One pass: clause marks are kept here and those inside quotes dropped below.
        let mut marks: Vec<(usize, char)> = Vec::new();
        for (k, (b, c)) in text.char_indices().enumerate() {
            if is_clause_mark(c) {
                marks.push((b, c));
                continue;
            }
            let opener = match c {
                '“' | '‘' | '《' | '〈' | '「' => {
                    stack.push((c, b, k));
                    continue;
                }
                '”' => '“',
                '’' => '‘',
                '》' => '《',
                '〉' => '〈',
                '」' => '「',
                _ => continue,
            };
            if let Some(pos) = stack.iter().rposition(|&(o, _, _)| o == opener) {
                let (_, start, kstart) = stack[pos];
                stack.truncate(pos);
                if k - kstart <= MAX_OPAQUE_CHARS {
                    pairs.push(start..b + c.len_utf8());
                } else {
                    long.push(start..b + c.len_utf8());
                }
            }
        }
        let opaque = merged(pairs.clone());
        pairs.extend(long);
        let quoted = merged(pairs);
        let mut t = Text {
            text,
            opaque,
            quoted,
            marks: Vec::new(),
        };
        marks.retain(|&(b, _)| !t.is_opaque(b));
        t.marks = marks;
        t
    }

    /// Strictly inside a quotation or a title (not on its marks).
    pub fn is_opaque(&self, byte: usize) -> bool {
        // Every closing mark is 3 bytes in UTF-8; `start < byte` excludes the opening one.
        let i = self.opaque.partition_point(|r| r.start < byte);
        i > 0 && byte + 3 < self.opaque[i - 1].end
    }

    /// Inside or on a quotation or title.
    pub fn in_quotes(&self, range: &Range<usize>) -> bool {
        within(&self.opaque, range)
    }

    /// Inside a quotation of any length: words quoted verbatim, a law's text included.
    pub fn in_any_quote(&self, range: &Range<usize>) -> bool {
        self.quotation_of(range).is_some()
    }

    /// The quotation (of any length, marks included) that `range` lies inside.
    pub fn quotation_of(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let i = self.quoted.partition_point(|r| r.start <= range.start);
        let r = self.quoted.get(i.checked_sub(1)?)?;
        (range.end <= r.end).then(|| r.clone())
    }

    /// Start of the clause holding `byte` (after the last clause mark before it).
    pub fn clause_start(&self, byte: usize) -> usize {
        let i = self.marks.partition_point(|&(b, _)| b < byte);
        i.checked_sub(1)
            .map_or(0, |k| self.marks[k].0 + self.marks[k].1.len_utf8())
    }

    /// End of the clause holding `byte` (at the next clause mark).
    pub fn clause_end(&self, byte: usize) -> usize {
        let i = self.marks.partition_point(|&(b, _)| b < byte);
        self.marks.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    /// Byte ranges of the sentences (ending at 。！？), marks excluded.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        self.split(is_sentence_mark)
    }

    /// Sentences split further at ；, the unit inside which counts and rates relate.
    pub fn segments(&self) -> Vec<Range<usize>> {
        self.split(|c| is_sentence_mark(c) || c == '；' || c == ';')
    }

    /// A run-on "sentence" (a page pasted without 。) is cut at the first clause mark past
    /// `MAX_SENTENCE_BYTES`: what the checks look at around a figure stays bounded.
    fn split(&self, mark: impl Fn(char) -> bool) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for &(b, c) in &self.marks {
            if mark(c) || b - start > MAX_SENTENCE_BYTES {
                out.push(start..b);
                start = b + c.len_utf8();
            }
        }
        out.push(start..self.text.len());
        out
    }

    /// The clause marks (outside quotations) in `range`.
    pub fn marks_in(&self, range: Range<usize>) -> Vec<char> {
        let i = self.marks.partition_point(|&(b, _)| b < range.start);
        self.marks[i..]
            .iter()
            .take_while(|&&(b, _)| b < range.end)
            .map(|&(_, c)| c)
            .collect()
    }
}

/// Far longer than any sentence a report has (about 1,000 characters).
const MAX_SENTENCE_BYTES: usize = 3000;

/// A figure with its unit, as written in one paragraph.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub numeral: Numeral,
    /// From an approximation word before the numeral to the end of the unit (and an
    /// approximation word after it); bytes in the paragraph.
    pub span: Range<usize>,
    /// The unit figures are compared in: "件", "元" (for 元/万元/亿元), "%", "万" (bare).
    /// Borrowed from the word lists, so quantities copy without allocating.
    pub unit: &'static str,
    /// The unit as written, e.g. "万元".
    pub written_unit: Range<usize>,
    /// In `unit`: 47.3万元 is 473000 元.
    pub value: Value,
    pub class: Class,
    /// 约, 近, 余, 多, 左右, 以上 … or an approximate numeral (三四, 十几).
    pub approx: bool,
    /// The words before the figure in its clause (after an earlier figure, if any).
    pub measure: Range<usize>,
}

impl Quantity {
    pub fn exact(&self) -> bool {
        !self.approx
    }

    /// The numeral as written, e.g. "1,526" or "47.3万".
    pub fn written<'t>(&self, text: &'t str) -> &'t str {
        &text[self.numeral.span.clone()]
    }

    /// The figure with its unit as written, e.g. "47.3万元", without approximation words.
    pub fn written_with_unit<'t>(&self, text: &'t str) -> &'t str {
        let end = self.written_unit.end.max(self.numeral.span.end);
        &text[self.numeral.span.start..end]
    }
}

/// Every quantity in the paragraph: numerals followed by a unit, percentages, and Arabic
/// figures with 万/亿 but no unit. Bare numbers (8:30, 2024年 is a year) are left out.
/// `numerals` is `numerals::scan(t.text)`, which the caller usually needs too.
pub fn quantities(t: &Text, numerals: &[Numeral]) -> Vec<Quantity> {
    let lex = lexicon();
    let mut out: Vec<Quantity> = Vec::new();
    let mut prev_end = 0;
    for n in numerals {
        let Some(q) = quantity_of(t, lex, n.clone(), prev_end) else {
            continue;
        };
        prev_end = q.span.end;
        out.push(q);
    }
    out
}

/// A bare 万 or 亿 after Arabic digits, as the unit it is compared in.
fn multiplier_unit(m: char) -> &'static str {
    match m {
        '萬' => "萬",
        '亿' => "亿",
        '億' => "億",
        _ => "万",
    }
}

fn quantity_of(t: &Text, lex: &'static Lexicon, n: Numeral, prev_end: usize) -> Option<Quantity> {
    let text = t.text;
    let mut after = n.span.end;
    let mut approx = n.approx;
    // 500余次, 20多家, 十来个.
    if let Some(c) = text[after..].chars().next()
        && matches!(c, '余' | '多' | '来')
        && !n.percent
    {
        after += c.len_utf8();
    }
    // "165 条": a stray space between a figure and its unit is another rule's business.
    let spaced = text[after..].trim_start_matches([' ', '\u{a0}', '\u{3000}']);
    let gap = text.len() - after - spaced.len();
    let unit_at = if gap <= 6 { after + gap } else { after };
    let (unit, written_unit, value, class) = if n.percent {
        ("%", n.span.end..n.span.end, n.value, Class::Percent)
    } else if let Some(u) = lex.unit_at(&text[unit_at..]) {
        let value = n.value.checked_mul_int(u.factor as i128)?;
        let w = unit_at..unit_at + u.text.len();
        (u.base.as_str(), w, value, u.class)
    } else if let Some(m) = n.multiplier {
        (multiplier_unit(m), after..after, n.value, Class::Bare)
    } else {
        return None;
    };
    // Years are not quantities even with a unit-like word after them (2024年 is "other").
    if n.is_chinese() && class == Class::Other {
        return None;
    }
    let mut end = written_unit.end.max(after);
    if let Some(k) = lex.approx_after.longest_at(&text[end..]) {
        approx = true;
        end += lex.approx_after.word(k).len();
    }
    let mut start = n.span.start;
    if let Some(w) = lex
        .approx_before
        .iter()
        .find(|w| text[..start].ends_with(w.as_str()))
    {
        approx = true;
        start -= w.len();
    }
    let mstart = t.clause_start(start).max(prev_end.min(start));
    Some(Quantity {
        span: start..end,
        unit,
        written_unit,
        value,
        class,
        approx,
        measure: mstart..start,
        numeral: n,
    })
}

/// What a figure counts, without time words, totalizers and link words:
/// "全年共受理投诉举报" → "受理投诉举报", "合法性审查总数" → "合法性审查".
pub fn measure_key(s: &str) -> &str {
    let lex = lexicon();
    let mut k = s.trim();
    loop {
        let before = k;
        for p in &lex.measure_prefixes {
            if let Some(r) = k.strip_prefix(p.as_str()) {
                k = r;
            }
        }
        for p in &lex.measure_suffixes {
            if let Some(r) = k.strip_suffix(p.as_str()) {
                k = r;
            }
        }
        if k == before {
            return k;
        }
    }
}

/// The totalizer ("共", "累计" …) the measure starts with, after time words.
pub fn totalizer(s: &str) -> Option<&'static str> {
    let lex = lexicon();
    let mut k = s.trim();
    for w in ["全年", "本年度", "年度", "今年", "本年", "当年"] {
        if let Some(r) = k.strip_prefix(w) {
            k = r;
        }
    }
    lex.totalizers.longest_at(k).map(|i| lex.totalizers.word(i))
}

/// Groups of words, each group one dimension of a thing (gender, 职称; owner, grade): all
/// words in one list, for one search, and each word's group.
struct Dimensions {
    words: WordList,
    group: Vec<usize>,
}

impl Dimensions {
    fn new(groups: &[Vec<String>]) -> Result<Dimensions, String> {
        Ok(Dimensions {
            words: WordList::new(groups.iter().flatten())?,
            group: groups
                .iter()
                .enumerate()
                .flat_map(|(k, g)| std::iter::repeat_n(k, g.len()))
                .collect(),
        })
    }

    /// The group of the first word of `label` in the list.
    fn of(&self, label: &str) -> Option<usize> {
        let (_, k) = self.words.find_iter(label).next()?;
        self.group.get(k).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_on_sentence_is_cut_at_a_clause_mark() {
        let s = "受理12件，".repeat(2000);
        let t = Text::new(&s);
        let sentences = t.sentences();
        assert!(sentences.len() > 1);
        assert!(sentences.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES + 16));
        // Real sentences are left whole.
        assert_eq!(Text::new("受理12件，办结11件。其中").sentences().len(), 2);
    }

    fn qs(s: &str) -> Vec<(String, String, Class, bool, String)> {
        let t = Text::new(s);
        quantities(&t, &crate::numerals::scan(s))
            .iter()
            .map(|q| {
                (
                    q.value.to_string(),
                    q.unit.to_string(),
                    q.class,
                    q.approx,
                    s[q.measure.clone()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn embedded_lexicon_parses() {
        let l = lexicon();
        assert!(l.is_bounded_rate("调解成功率") && !l.is_bounded_rate("增长率"));
        assert!(l.is_bounded_rate("整改完成率") && !l.is_bounded_rate("任务完成率"));
        assert!(l.max_year_span > 0);
    }

    #[test]
    fn units_measures_and_money() {
        let got = qs("全年受理政务服务事项1526件，办结1526件，罚没款共计47.3万元，1.2万人次");
        assert_eq!(
            got,
            [
                (
                    "1526".into(),
                    "件".into(),
                    Class::Count,
                    false,
                    "全年受理政务服务事项".into()
                ),
                (
                    "1526".into(),
                    "件".into(),
                    Class::Count,
                    false,
                    "办结".into()
                ),
                (
                    "473000".into(),
                    "元".into(),
                    Class::Money,
                    false,
                    "罚没款共计".into()
                ),
                (
                    "12000".into(),
                    "人次".into(),
                    Class::Count,
                    false,
                    "".into()
                ),
            ]
        );
    }

    #[test]
    fn approximations_percentages_and_bare_figures() {
        let got = qs("发放资料6000余份，约30位，500人次以上，合格率95%，罚没款502.9万,8:30");
        let brief: Vec<_> = got
            .iter()
            .map(|g| (g.0.as_str(), g.1.as_str(), g.3))
            .collect();
        assert_eq!(
            brief,
            [
                ("6000", "份", true),
                ("30", "位", true),
                ("500", "人次", true),
                ("95", "%", false),
                ("5029000", "万", false),
            ]
        );
        assert_eq!(got[4].2, Class::Bare);
    }

    #[test]
    fn quotes_keep_their_commas() {
        let s = "制定多部门联合“双随机、一公开”工作计划7个";
        let got = qs(s);
        assert_eq!(got[0].4, "制定多部门联合“双随机、一公开”工作计划");
        let t = Text::new(s);
        assert_eq!(t.marks_in(0..s.len()), Vec::<char>::new());
    }

    #[test]
    fn chinese_counts_and_capital_money() {
        let got = qs("召开培训会一次，罚款伍万元，2024年");
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("1", "次"));
        assert_eq!((got[1].0.as_str(), got[1].1.as_str()), ("50000", "元"));
    }

    #[test]
    fn measure_keys() {
        assert_eq!(measure_key("全年共受理投诉举报"), "受理投诉举报");
        assert_eq!(measure_key("合法性审查总数"), "合法性审查");
        assert_eq!(totalizer("全年共救治患者"), Some("共"));
        assert_eq!(totalizer("救治患者"), None);
    }

    #[test]
    fn sentences_ignore_marks_inside_titles() {
        let s = "印发《关于A。B的通知》3件。其中2件；另1件";
        let t = Text::new(s);
        assert_eq!(t.sentences().len(), 2);
        assert_eq!(t.segments().len(), 3);
    }
}
