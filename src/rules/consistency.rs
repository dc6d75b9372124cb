//! consistency: figures that must agree with each other — a total and its parts, a rate
//! and its counts, years, the same figure stated twice, 合计 rows of tables — and the number
//! forms of GB/T 15835-2011 (大写数字, "4千", 汉字计数, 金额缺“元”).
//!
//! Each paragraph is read once into quantities (`crate::quantity`); every check works on
//! that list. A figure that is approximate (约, 余, 以上 …) is never compared.

use super::Context;
use crate::diagnostic::{Category, Diagnostic, RuleMeta, Severity};
use crate::document::CellRef;
use crate::numerals::{self, Form, Value, format_percent};
use crate::outline::{YearSource, content_span, first_year};
use crate::quantity::{self, Class, Lexicon, Quantity, Text, lexicon, measure_key};
use crate::text::{is_han, squeeze};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

pub static SUM_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0401",
    name: "sum-mismatch",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "分项之和与总数不符",
    doc: "“共××件，其中A××件、B××件”这类写法，各分项之和应等于总数；任何一个分项都不能大于总数。\n\n只有分项看起来列全时才核对：分项用“主要包括”“部分”“等”“以上”引出，或者数字是约数（约、近、余、多、左右），或者分项与总数的计量单位不同，都不核对。只列出两个分项且合计小于总数时，可能只是列举，报警告；其他情况报错误。\n\n示例（错误）：共受理投诉举报45件，其中办结32件、转办12件。（32+12=44）\n示例（正确）：行政复议案件17件，其中维持10件、撤销2件、终止5件。",
};

pub static RATE_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0402",
    name: "rate-mismatch",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "比率与所依据的数字不符",
    doc: "办结率、合格率、调解成功率等比率，以及“占……的××%”，应与同一句中给出的数字相符。按四舍五入核对：写到整数的允许相差0.5个百分点，写到一位小数的允许相差0.05个百分点；写“100%”时两个数字必须相等。\n\n分子按比率的名称找（办结率找“办结××件”），分母找它前面的“受理”“抽查”“应……”等数字；“占总……的”没有写出总数时，取前一句同类数字之和。找不到依据时不报告。\n\n示例（错误）：受理1526件，办结1498件，办结率100%。（1498÷1526=98.17%）\n示例（正确）：抽查720家，合格684家，合格率95%。",
};

pub static RATE_OVER_100: RuleMeta = RuleMeta {
    code: "GW0403",
    name: "rate-over-hundred",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "比率超过100%",
    doc: "办结率、合格率、完成率、覆盖率、满意度、知晓率等比率的分子是分母的一部分，不能超过100%。“同比增长”“提高”“增幅”等表示变化的百分数不受此限，不报告。\n\n示例（错误）：群众满意率达到102%。\n示例（正确）：网上办件量同比增长126.5%。",
};

pub static IMPOSSIBLE_YEAR_RANGE: RuleMeta = RuleMeta {
    code: "GW0404",
    name: "impossible-year-range",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "年份区间不可能成立",
    doc: "起止年份区间的止年早于起年，或者跨度长得不合常理（超过20年），多半是年份打错了。\n\n示例（错误）：《××规划（2020-2121年）》（应为2020—2021年）、2025—2021年\n示例（正确）：《法治政府建设实施纲要（2021—2025年）》",
};

pub static RELATIVE_YEAR_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0405",
    name: "relative-year-mismatch",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "“本年度（××××年）”与报告年度不符",
    doc: "正文用“本年度”“今年”“明年”并在括号中注明年份时，注明的年份应与报告年度（或下一年度）一致。常见于套用上一年报告时漏改年份。\n\n示例（错误）：2024年度报告中写“本年度（2023年）共受理……”\n示例（正确）：本年度（2024年）共受理……",
};

pub static SECTION_YEAR_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0406",
    name: "section-year-mismatch",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "部分标题中的年份与报告年度不符",
    doc: "“主要举措和成效”部分应写报告年度，“下一年度主要安排”部分应写报告年度的下一年。标题中的年份与此不符，多半是套用旧报告时漏改。\n\n示例（错误）：《2024年法治政府建设年度报告》中“四、2024年工作安排”（应为2025年）\n示例（正确）：四、2025年推进法治政府建设的主要安排",
};

pub static CONFLICTING_FIGURES: RuleMeta = RuleMeta {
    code: "GW0407",
    name: "conflicting-figures",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "同一段中同一总数前后不一致",
    doc: "同一段中两次用“共”“累计”“合计”等写同一个事项的总数，数字却不同，读者无法判断哪个正确。分属“一是”“二是”或（1）（2）等不同条目时不报告。\n\n示例（错误）：共救治患者2033名……共救治患者961名。",
};

pub static CAPITAL_NUMERALS: RuleMeta = RuleMeta {
    code: "GW0408",
    name: "capital-numerals",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "叙述中使用了大写数字",
    doc: "GB/T 15835-2011 5.2.4：大写数字（壹、贰、叁……）用于法律文书和财务票据。报告正文叙述金额应使用阿拉伯数字。写明“大写”“人民币……整”的财务写法不报告。\n\n示例（错误）：罚款伍万元\n示例（正确）：罚款5万元",
};

pub static DIGIT_WITH_QIAN: RuleMeta = RuleMeta {
    code: "GW0409",
    name: "digit-with-qian",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "阿拉伯数字与“千、百、十”连用",
    doc: "GB/T 15835-2011 5.3：阿拉伯数字与汉字数字不能混用，“4000”可以写作“四千”，但不能写作“4千”；只有“万”“亿”可以跟在阿拉伯数字后面（如“1.2万”）。“千米”“千克”等计量单位不受影响。\n\n示例（错误）：培训4千人次\n示例（正确）：培训4000人次、培训0.4万人次",
};

pub static CHINESE_COUNT: RuleMeta = RuleMeta {
    code: "GW0410",
    name: "chinese-count",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "计数用了汉字数字，同段其他计数用阿拉伯数字",
    doc: "GB/T 15835-2011 4.1.1：用于计量、计数的数字一般用阿拉伯数字；4.3：同一场合的同类数字写法应一致。同一段中既有“6次”又有“一次”时，应统一为“1次”。“一网通办”“最多跑一次”“三项制度”等固定说法和“三四次”等概数不受影响。\n\n示例（错误）：开展联合执法6次……召开培训会一次。\n示例（正确）：开展联合执法6次……召开培训会1次。",
};

pub static MONEY_WITHOUT_YUAN: RuleMeta = RuleMeta {
    code: "GW0411",
    name: "money-without-yuan",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "金额缺少货币单位“元”",
    doc: "金额要写明货币单位。“罚没款502.9万”只写了数量级，应写作“502.9万元”（GB/T 15835-2011 4.1.1：带计量单位的数值）。只在罚没款、罚款、金额、资金等金额语境中报告。\n\n示例（错误）：实际履行罚没款502.9万，\n示例（正确）：实际履行罚没款502.9万元，",
};

pub static TABLE_TOTAL_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0412",
    name: "table-total-mismatch",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "表格合计与各项之和不符",
    doc: "Word 表格中“合计”“总计”“小计”行（或“合计”列）的数字应等于对应各项之和；有小计时，合计等于各小计与未归入小计的各行之和。带小数的数字按四舍五入允许每项0.5个末位单位的误差。\n\n示例（错误）：行政许可1526、行政确认318，合计1845。",
};

pub static TABLE_SHARES: RuleMeta = RuleMeta {
    code: "GW0413",
    name: "table-shares",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "表格占比列之和不是100%",
    doc: "表格中“占比”“比例”“比重”“构成”列的各项之和应为100%；每项四舍五入后允许有与项数相称的误差（每项0.5个末位单位）。\n\n示例（错误）：占比列为45%、30%、20%（合计95%）。",
};

pub static BREAKDOWN_UNIT: RuleMeta = RuleMeta {
    code: "GW0414",
    name: "breakdown-unit",
    category: Category::Consistency,
    severity: Severity::Info,
    summary: "总数与分项的计量单位不一致",
    doc: "总数和分项的数字相符，计量单位却不同（如总数用“项”，分项用“件”）。同一事物在同一句中宜用同一计量单位。\n\n示例：承办代表建议40项，其中主办19件、协办16件、分办5件。",
};

pub static RULES: &[&RuleMeta] = &[
    &SUM_MISMATCH,
    &RATE_MISMATCH,
    &RATE_OVER_100,
    &IMPOSSIBLE_YEAR_RANGE,
    &RELATIVE_YEAR_MISMATCH,
    &SECTION_YEAR_MISMATCH,
    &CONFLICTING_FIGURES,
    &CAPITAL_NUMERALS,
    &DIGIT_WITH_QIAN,
    &CHINESE_COUNT,
    &MONEY_WITHOUT_YUAN,
    &TABLE_TOTAL_MISMATCH,
    &TABLE_SHARES,
    &BREAKDOWN_UNIT,
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let lex = lexicon();
    let mut cells: BTreeMap<u32, Vec<(usize, CellRef)>> = BTreeMap::new();
    for i in 0..doc.line_count() {
        if ctx.outline.chrome.get(i).copied().unwrap_or(false) {
            continue;
        }
        if let Some(cell) = doc.lines[i].origin.cell {
            cells.entry(cell.table).or_default().push((i, cell));
            continue;
        }
        let line = doc.line(i);
        if !line.chars().any(could_be_numeral) {
            continue;
        }
        let p = Para::new(doc.lines[i].start, line);
        check_breakdowns(&p, lex, out);
        check_rates(&p, lex, out);
        check_repeats(&p, out);
        check_forms(&p, lex, out);
        check_years(ctx, &p, lex, out);
    }
    check_section_years(ctx, out);
    for (table, cells) in &cells {
        check_table(ctx, *table, cells, lex, out);
    }
}

fn could_be_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾".contains(c)
}

/// One paragraph, read once.
struct Para<'a> {
    /// Byte offset of the paragraph in `Document::text`.
    base: usize,
    t: Text<'a>,
    /// Every numeral, for the number-form checks.
    numerals: Vec<numerals::Numeral>,
    /// Every quantity, for the number-form checks.
    all: Vec<Quantity>,
    /// The quantities that can take part in sums and rates: not inside quotation marks
    /// or titles, and a Chinese numeral only when it ends its clause ("一件事" is a name).
    qs: Vec<Quantity>,
    segments: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
}

impl<'a> Para<'a> {
    fn new(base: usize, text: &'a str) -> Para<'a> {
        let t = Text::new(text);
        let numerals = numerals::scan(text);
        let all = quantity::quantities(&t, &numerals);
        let qs = all
            .iter()
            .filter(|q| {
                !t.in_quotes(&q.span)
                    && (!q.numeral.is_chinese() || {
                        let rest = &text[q.span.end..];
                        rest.is_empty() || rest.starts_with(quantity::is_clause_mark)
                    })
            })
            .cloned()
            .collect();
        let segments = t.segments();
        let sentences = t.sentences();
        Para {
            base,
            t,
            numerals,
            all,
            qs,
            segments,
            sentences,
        }
    }

    fn text(&self) -> &'a str {
        self.t.text
    }

    fn doc_span(&self, r: Range<usize>) -> Range<usize> {
        self.base + r.start..self.base + r.end
    }

    fn segment_of(&self, byte: usize) -> Range<usize> {
        find_range(&self.segments, byte)
    }

    fn sentence_index(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|r| r.end < byte)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Index of the first quantity that starts at or after `byte`.
    fn first_from(&self, byte: usize) -> usize {
        self.qs.partition_point(|q| q.span.start < byte)
    }

    fn measure(&self, q: &Quantity) -> &'a str {
        &self.text()[q.measure.clone()]
    }
}

fn find_range(ranges: &[Range<usize>], byte: usize) -> Range<usize> {
    ranges
        .get(ranges.partition_point(|r| r.end < byte))
        .cloned()
        .unwrap_or(byte..byte)
}

/// Parts listed after one 其中 (real lists have a dozen at most).
const MAX_PARTS: usize = 40;
/// How many figures before a rate are searched for its counts.
const LOOKBACK: usize = 16;

fn is_unit_class(q: &Quantity) -> bool {
    matches!(q.class, Class::Count | Class::Money)
}

fn last_chars(s: &str, n: usize) -> &str {
    let k = s.chars().count().saturating_sub(n);
    s.char_indices().nth(k).map_or("", |(b, _)| &s[b..])
}

fn join_values(qs: &[&Quantity]) -> String {
    qs.iter()
        .map(|q| q.value.to_string())
        .collect::<Vec<_>>()
        .join("+")
}

/// "44件", or money in 万元 when it is a round number of 万 ("12.6万元" rather than 126000元).
fn show(v: Value, unit: &str) -> String {
    if unit == "元"
        && v >= Value::from_int(10_000)
        && let Some(w) = v.div_exact(10_000).filter(|w| w.micros() % 10_000 == 0)
    {
        return format!("{w}万元");
    }
    format!("{v}{unit}")
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

// ---------------------------------------------------------------- totals and parts

fn check_breakdowns(p: &Para, lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    for (b, k) in lex.triggers.find_iter(text) {
        if !p.t.is_opaque(b) {
            check_breakdown(p, lex, b, lex.triggers.word(k), out);
        }
    }
}

/// A list of parts after a trigger, and how its items were separated.
struct Parts<'q> {
    items: Vec<&'q Quantity>,
    /// Items joined by 、 (or a final 和) from the first one: the list proper; a ， may
    /// continue it.
    enumerated: usize,
    end: usize,
}

fn check_breakdown(p: &Para, lex: &Lexicon, at: usize, trig: &str, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    // The trigger opens a clause: "…45件，其中…" or a new sentence "。其中…".
    let before = text[..at].trim_end();
    let opens_sentence = before.is_empty() || before.ends_with(['。', '；', ';', '！', '？']);
    if !(opens_sentence || before.ends_with(['，', ',', '：', ':', '（', '('])) {
        return;
    }
    // The total: the last figure before the trigger, in the same sentence (or the one
    // before, when the trigger opens a sentence).
    let Some(total) = p.qs[..p.first_from(at)].last().filter(|q| q.span.end <= at) else {
        return;
    };
    let same_sentence = p.sentence_index(total.span.start) == p.sentence_index(at);
    let prev_sentence = p.sentence_index(total.span.start) + 1 == p.sentence_index(at);
    if !(same_sentence || opens_sentence && prev_sentence) || !is_unit_class(total) {
        return;
    }
    if !opens_sentence && p.t.marks_in(total.span.end..at).len() > 1 && same_sentence {
        // Words with their own clauses sit between: "…36件规范性文件逐件评估，其中" is fine
        // (one mark), "…45件，处理完毕，其中" is not clearly about the 45.
        return;
    }
    let after = at + trig.len();
    let Some(parts) = collect_parts(p, after) else {
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
    let region_end = next_char_end(text, items.last().map_or(after, |q| q.span.end));
    if is_partial(lex, &text[after..region_end]) {
        return;
    }
    let mut sum = Value::ZERO;
    for q in &items {
        let Some(s) = sum.checked_add(q.value) else {
            return;
        };
        sum = s;
        if sum == total.value {
            return;
        }
    }
    // More figures in the same unit follow in the clause group: the list may go on in a
    // form not read here ("…7条,双随机、一公开信息9条…"), so only an excess is certain.
    let seg_end = p.segment_of(after).end;
    let cut = p.qs[p.first_from(parts.end)..]
        .iter()
        .take_while(|q| q.span.end <= seg_end)
        .take(MAX_PARTS)
        .any(|q| q.unit == total.unit);
    let listed: Vec<&Quantity> = if parts.enumerated >= 2 {
        items.iter().copied().take(parts.enumerated).collect()
    } else {
        items.clone()
    };
    let items_end = items.last().map_or(parts.end, |q| q.span.end);
    let span = p.doc_span(total.span.start..items_end.max(total.span.end));
    let unit = total.unit.as_str();
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
                show(big.value, unit),
                show(total.value, unit)
            ),
            "分项不能大于总数：核对总数和这一分项的数字",
        ));
        return;
    }
    let Some(listed_sum) = Value::sum(listed.iter().map(|q| &q.value)) else {
        return;
    };
    if listed_sum == total.value || cut && listed_sum < total.value {
        return;
    }
    // Short of the total: a near miss in a list of three or more is a slip; a big gap or
    // two items may be a list of examples written without 等.
    let near = listed_sum.micros().saturating_mul(10) >= total.value.micros().saturating_mul(9);
    let severity =
        if listed_sum > total.value || listed.len() >= 3 && near || trig.starts_with("分别") {
            Severity::Error
        } else {
            Severity::Warning
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
                "{trig}各项之和为{}（{}），{verb}总数{}{tail}",
                show(listed_sum, unit),
                join_values(&listed),
                show(total.value, unit)
            ),
            if listed_sum > total.value {
                "分项之和不能超过总数：核对总数和各分项的数字".to_string()
            } else {
                format!(
                    "核对总数和各分项：差{}，如有未列出的分项请补上（如“其他××{unit}”）；如果只是列举，写“主要包括”或在末项后加“等”",
                    show(
                        total.value.checked_sub(listed_sum).unwrap_or(Value::ZERO),
                        unit
                    )
                )
            },
        )
        .with_severity(severity),
    );
}

fn next_char_end(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(at, |c| (at + c.len_utf8()).min(text.len()))
}

/// The figures after a trigger that read as its parts: the first in the trigger's own
/// clause, the rest each in a short clause of its own, joined by 、 or ，.
fn collect_parts<'q>(p: &'q Para, after: usize) -> Option<Parts<'q>> {
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
    if !p.t.marks_in(lead_start..first.span.start).is_empty() {
        return None;
    }
    let mut items = vec![first];
    let mut enumerated = 1;
    let mut only_dunhao = true;
    for q in cands.iter().skip(1) {
        let prev = items[items.len() - 1];
        if q.span.start < prev.span.end {
            break;
        }
        let marks = p.t.marks_in(prev.span.end..q.span.start);
        let gap = &text[prev.span.end..q.span.start];
        let sep = match marks.as_slice() {
            [c] if matches!(c, '、' | '，' | ',') => *c,
            [] if gap.chars().count() <= 12 && (gap.starts_with('和') || gap.starts_with('及')) => {
                '和'
            }
            _ => break,
        };
        // "A、B和C" is one enumeration; a comma may continue it with looser clauses.
        if sep != '、' && sep != '和' {
            only_dunhao = false;
            // A comma-joined part is a short clause that is just "what + figure".
            if gap.chars().count() > 16 {
                break;
            }
        }
        if only_dunhao {
            enumerated += 1;
        }
        items.push(q);
    }
    let end = items.last().map_or(after, |q| q.span.end);
    Some(Parts {
        items,
        enumerated,
        end,
    })
}

/// 主要包括, 部分, 以上 …, or a list-ending 等 (not 甲等, 等级, 一等奖).
fn is_partial(lex: &Lexicon, region: &str) -> bool {
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
fn check_unit_mismatch(p: &Para, total: &Quantity, parts: &Parts, out: &mut Vec<Diagnostic>) {
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

// ---------------------------------------------------------------- rates and shares

/// The rate word a percentage belongs to ("合格率" in "合格率达到95%"), with the link
/// words stripped; `None` when the clause does not end with a rate word.
fn rate_word<'t>(lex: &Lexicon, head: &'t str) -> Option<&'t str> {
    let head = strip_links(lex, head);
    if !(head.ends_with('率') || head.ends_with("满意度") || head.ends_with("覆盖面")) {
        return None;
    }
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .take(10)
        .last()
        .map(|(b, _)| b)?;
    Some(&head[start..])
}

fn strip_links<'t>(lex: &Lexicon, s: &'t str) -> &'t str {
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

fn check_rates(p: &Para, lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    for (idx, q) in p.qs.iter().enumerate() {
        if q.class != Class::Percent || q.approx {
            continue;
        }
        let head = p.measure(q);
        let clause = &text[p.t.clause_start(q.span.start)..q.span.start];
        if lex.growth.is_match(clause) {
            continue;
        }
        if let Some(k) = head.rfind('占') {
            check_share(p, lex, idx, &head[..k], &head[k + '占'.len_utf8()..], out);
            continue;
        }
        let Some(rate) = rate_word(lex, head) else {
            continue;
        };
        if q.value > Value::from_int(100) && lex.is_bounded_rate(rate) {
            out.push(Diagnostic::new(
                &RATE_OVER_100,
                p.doc_span(q.span.clone()),
                format!("{rate}为{}，超过了100%", q.written(text)),
                format!(
                    "{rate}的分子是分母的一部分，不能超过100%：核对计算所用的两个数字；如果要表达增长，写作“同比增长××%”"
                ),
            ));
            continue;
        }
        if rate.ends_with('率') {
            check_rate_counts(p, lex, idx, rate, out);
        }
    }
}

/// Does the measure of a count name the numerator of a rate with stem `stem`?
fn names_numerator(key: &str, stem: &str, aliases: &[&str]) -> bool {
    if key.is_empty() || stem.is_empty() {
        return false;
    }
    if key.ends_with(stem) || aliases.iter().any(|a| key.ends_with(a)) {
        return true;
    }
    // 出庭应诉率 and "负责人出庭": the rate stem starts with the count's last two characters.
    let tail = last_chars(key, 2);
    if tail.chars().count() == 2 && stem.starts_with(tail) && !stem.ends_with(tail) {
        return true;
    }
    // 总治愈率 and "治愈": only a qualifier of the whole in front.
    ["总", "综合", "整体", "平均"]
        .iter()
        .any(|w| stem.strip_prefix(w) == Some(key))
}

fn check_rate_counts(p: &Para, lex: &Lexicon, idx: usize, rate: &str, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    let q = &p.qs[idx];
    let stem = rate.trim_end_matches('率');
    let aliases: Vec<&str> = lex
        .rate_aliases
        .iter()
        .filter(|a| rate.ends_with(a.rate.as_str()))
        .flat_map(|a| a.numerator.iter().map(String::as_str))
        .collect();
    let seg = p.segment_of(q.span.start);
    let from = idx.saturating_sub(LOOKBACK);
    let before: Vec<(usize, &Quantity)> = p.qs[from..idx]
        .iter()
        .enumerate()
        .map(|(i, c)| (from + i, c))
        .filter(|(_, c)| c.span.start >= seg.start && c.class == Class::Count)
        .collect();
    // A count named exactly like the rate wins over one that only ends like it
    // ("办结1498件" over "其中按期办结1400件" for 办结率).
    let exact = before
        .iter()
        .rev()
        .find(|(_, c)| measure_key(p.measure(c)) == stem);
    let Some(&(ni, num)) = exact.or_else(|| {
        before
            .iter()
            .rev()
            .find(|(_, c)| names_numerator(measure_key(p.measure(c)), stem, &aliases))
    }) else {
        return;
    };
    let dens: Vec<&(usize, &Quantity)> = before
        .iter()
        .filter(|(i, c)| *i < ni && c.unit == num.unit && c.value >= num.value)
        .collect();
    let hinted = dens.iter().rev().find(|(_, c)| {
        let m = p.measure(c);
        lex.denominator_hints.iter().any(|h| m.contains(h.as_str()))
    });
    let Some(&&(_, den)) = hinted.or_else(|| dens.last().filter(|(i, _)| *i + 1 == ni)) else {
        return;
    };
    if !num.exact() || !den.exact() {
        return;
    }
    let Some(exact) = num.value.percent_of(den.value) else {
        return;
    };
    if rate_agrees(q, exact, num.value == den.value) {
        return;
    }
    let d = q.numeral.decimals as usize;
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        p.doc_span(q.span.clone()),
        format!(
            "{rate}应为{}%（{}÷{}={}%），与所写的{}不符",
            format_percent(exact, d.max(1)),
            num.value,
            den.value,
            format_percent(exact, 2),
            q.written(text)
        ),
        format!(
            "核对{rate}和它所依据的两个数字（{}{}、{}{}），三者应一致",
            measure_key(p.measure(den)),
            den.written_with_unit(text),
            measure_key(p.measure(num)),
            num.written_with_unit(text)
        ),
    ));
}

/// The stated percentage matches `exact` to its own precision (half a unit of its last
/// digit, at most 0.5 points); "100%" needs the two counts to be equal.
fn rate_agrees(q: &Quantity, exact: f64, equal: bool) -> bool {
    let stated = q.value.to_f64();
    if q.value == Value::from_int(100) {
        return equal;
    }
    let tol = 0.5 * 10f64.powi(-(q.numeral.decimals.min(6) as i32));
    (stated - exact).abs() <= tol + 1e-9
}

/// "X占Y的P%": find X and Y among the counts before it.
fn check_share(p: &Para, lex: &Lexicon, idx: usize, x: &str, y: &str, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    let q = &p.qs[idx];
    let y = y
        .trim_end_matches(['的', ' '])
        .trim_end_matches("比例")
        .trim_end_matches("比重")
        .trim_end_matches('的');
    let whole = lex.whole.iter().find(|w| y.starts_with(w.as_str()));
    let y_core = whole.map_or(y, |w| &y[w.len()..]);
    if y_core.chars().count() < 2 {
        return;
    }
    let sentence = p.sentence_index(q.span.start);
    let from = idx.saturating_sub(LOOKBACK);
    let pool: Vec<&Quantity> = p.qs[from..idx]
        .iter()
        .filter(|c| {
            c.class == Class::Count && p.sentence_index(c.span.start) + 1 >= sentence.max(1)
        })
        .collect();
    let x = x.trim();
    let (num, group): (&Quantity, Vec<&Quantity>) = if x.is_empty() {
        // "…653件，占全部办件的75.7%": the figure just before is the part.
        let Some(num) = p.qs[..idx].last().filter(|c| {
            c.class == Class::Count && p.t.marks_in(c.span.end..q.span.start).len() == 1
        }) else {
            return;
        };
        (num, Vec::new())
    } else {
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
    // The base: a count named like Y, else (for 总/全部 …) the sum of the group.
    // With 总/全部 the base must read as a total ("受理办件863件"), not as a sibling of
    // the part ("制定本部门计划9个" beside "制定联合计划7个").
    let reads_as_total = |c: &Quantity| {
        let m = p.measure(c);
        whole.is_none()
            || quantity::totalizer(m).is_some()
            || lex.denominator_hints.iter().any(|h| m.contains(h.as_str()))
    };
    let named = p.qs[from..idx].iter().rev().find(|c| {
        !std::ptr::eq(*c, num)
            && c.class == Class::Count
            && c.unit == num.unit
            && measure_key(p.measure(c)).ends_with(y_core)
            && reads_as_total(c)
    });
    let (den, parts): (Value, Vec<&Quantity>) = match named {
        Some(d) if d.value >= num.value => (d.value, Vec::new()),
        Some(_) => return,
        None if whole.is_some() && group.len() >= 2 && group.iter().all(|c| c.unit == num.unit) => {
            let Some(s) = Value::sum(group.iter().map(|c| &c.value)) else {
                return;
            };
            (s, group)
        }
        None => return,
    };
    if !num.exact() || parts.iter().any(|c| !c.exact()) {
        return;
    }
    let Some(exact) = num.value.percent_of(den) else {
        return;
    };
    if rate_agrees(q, exact, num.value == den) {
        return;
    }
    let d = q.numeral.decimals as usize;
    let base = if parts.is_empty() {
        String::new()
    } else {
        format!("，{den}={}", join_values(&parts))
    };
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        p.doc_span(q.span.clone()),
        format!(
            "所占比例应为{}%（{}÷{den}={}%{base}），与所写的{}不符",
            format_percent(exact, d),
            num.value,
            format_percent(exact, 2),
            q.written(text)
        ),
        format!(
            "核对比例和它所依据的数字：{}{}占{}{}",
            if x.is_empty() { "该项" } else { x },
            num.written_with_unit(text),
            y,
            show(den, &num.unit)
        ),
    ));
}

// ---------------------------------------------------------------- the same total twice

fn item_marker() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"[一二三四五六七八九十]是|[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[①-⑳]|第[一二三四五六七八九十]{1,3}[，、,]")
            .expect("valid regex")
    })
}

fn check_repeats(p: &Para, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    let mut seen: HashMap<(&str, &str), &Quantity> = HashMap::new();
    let mut reported: Vec<&str> = Vec::new();
    for q in &p.qs {
        if !is_unit_class(q) || !q.exact() {
            continue;
        }
        let m = p.measure(q);
        if quantity::totalizer(m).is_none() {
            continue;
        }
        let key = measure_key(m);
        if key.chars().count() < 3 {
            continue;
        }
        match seen.get(&(key, q.unit.as_str())) {
            None => {
                seen.insert((key, q.unit.as_str()), q);
            }
            Some(first) if first.value != q.value && !reported.contains(&key) => {
                if item_marker().is_match(&text[first.span.end..q.span.start]) {
                    seen.insert((key, q.unit.as_str()), q);
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

// ---------------------------------------------------------------- number forms

fn check_forms(p: &Para, lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    for n in &p.numerals {
        if let Some(m) = n.bad_multiplier {
            let written = &text[n.span.clone()];
            let fixed = plain_form(n);
            out.push(
                Diagnostic::new(
                    &DIGIT_WITH_QIAN,
                    p.doc_span(n.span.clone()),
                    format!("“{written}”把阿拉伯数字和“{m}”连用"),
                    format!("GB/T 15835-2011 5.3：阿拉伯数字后只能跟“万”“亿”，写作“{fixed}”"),
                )
                .with_fix(fixed, true),
            );
        }
        if n.form == Form::Capital {
            check_capital(p, lex, n, out);
        }
    }
    check_chinese_counts(p, lex, out);
    check_money_units(p, lex, out);
}

/// 4千 → 4000, 1千万 → 1000万, 伍万 → 5万.
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

fn check_capital(p: &Para, lex: &Lexicon, n: &numerals::Numeral, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    let rest = &text[n.span.end..];
    if !rest.starts_with(['元', '圆', '角']) {
        return;
    }
    let clause = &text[p.t.clause_start(n.span.start)..p.t.clause_end(n.span.end)];
    if lex.capital_ok.iter().any(|w| clause.contains(w.as_str())) {
        return;
    }
    let written = &text[n.span.start..n.span.end + rest.chars().next().map_or(0, char::len_utf8)];
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

fn check_chinese_counts(p: &Para, lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    let is_counter = |q: &Quantity| lex.counters.iter().any(|c| c == &q.unit);
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
            || p.t.in_quotes(&q.span)
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
        // Frequencies: 每年至少一次, 每季度一次.
        let lead = slice_chars(
            text,
            q.numeral.span.start.saturating_sub(12)..q.numeral.span.start,
        );
        if lead.contains('每') {
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
                    "GB/T 15835-2011 4.1.1、4.3：计数用阿拉伯数字，同段写法一致，写作“{arabic}{}”",
                    q.unit
                ),
            )
            .with_fix(arabic, false),
        );
    }
}

/// `s[r]` widened to char boundaries.
fn slice_chars(s: &str, r: Range<usize>) -> &str {
    let mut a = r.start.min(s.len());
    while !s.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = r.end.min(s.len());
    while !s.is_char_boundary(b) {
        b += 1;
    }
    &s[a..b]
}

fn check_money_units(p: &Para, lex: &Lexicon, out: &mut Vec<Diagnostic>) {
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
        if !lex
            .money_context
            .iter()
            .any(|w| clause.contains(w.as_str()))
        {
            continue;
        }
        let written = &text[q.numeral.span.start..after_approx];
        out.push(
            Diagnostic::new(
                &MONEY_WITHOUT_YUAN,
                p.doc_span(q.numeral.span.start..after_approx),
                format!("金额“{written}”缺少货币单位“元”"),
                format!("金额要写明货币单位，写作“{written}元”"),
            )
            .with_fix(format!("{written}元"), true),
        );
    }
}

// ---------------------------------------------------------------- years

fn year_range() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9０-９])((?:19|20)[0-9]{2})(年?)\s*([-－–—―~～]|至|到)\s*((?:19|20|21)[0-9]{2})(年|[）)])")
            .expect("valid regex")
    })
}

fn relative_year() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let mut words: Vec<&str> = lexicon()
            .relative_years
            .iter()
            .map(|r| r.word.as_str())
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let alt = words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        Regex::new(&format!(
            r"({alt})\s*[（(]\s*((?:19|20)[0-9]{{2}})\s*年?度?\s*[）)]"
        ))
        .expect("valid regex")
    })
}

/// The reported year, when it comes from the report's own words (not from its date).
fn reported_year(ctx: &Context) -> Option<i32> {
    ctx.outline
        .year
        .filter(|y| y.source != YearSource::Date)
        .map(|y| y.year)
}

fn check_years(ctx: &Context, p: &Para, lex: &Lexicon, out: &mut Vec<Diagnostic>) {
    let text = p.text();
    for c in year_range().captures_iter(text) {
        let (Some(a), Some(b), Some(m)) = (c.get(1), c.get(4), c.get(0)) else {
            continue;
        };
        if text[b.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let (Ok(start), Ok(end)) = (a.as_str().parse::<i32>(), b.as_str().parse::<i32>()) else {
            continue;
        };
        let span_len = end - start;
        let problem = if end < start {
            format!("止年{end}早于起年{start}")
        } else if span_len > lex.max_year_span {
            format!("跨度{span_len}年，不合常理")
        } else {
            continue;
        };
        let whole = a.start()..m.end();
        let written = &text[whole.clone()];
        let guess = if span_len > 90 && (0..=lex.max_year_span).contains(&(end - 100 - start)) {
            format!("，可能是“{start}—{}年”", end - 100)
        } else {
            String::new()
        };
        out.push(Diagnostic::new(
            &IMPOSSIBLE_YEAR_RANGE,
            p.doc_span(whole),
            format!("年份区间“{written}”不可能成立：{problem}"),
            format!("核对起止年份{guess}"),
        ));
    }
    let Some(reported) = reported_year(ctx) else {
        return;
    };
    for c in relative_year().captures_iter(text) {
        let (Some(w), Some(y), Some(m)) = (c.get(1), c.get(2), c.get(0)) else {
            continue;
        };
        let Some(offset) = lex
            .relative_years
            .iter()
            .find(|r| r.word == w.as_str())
            .map(|r| r.offset)
        else {
            continue;
        };
        let Ok(year) = y.as_str().parse::<i32>() else {
            continue;
        };
        let expected = reported + offset;
        if year == expected {
            continue;
        }
        out.push(Diagnostic::new(
            &RELATIVE_YEAR_MISMATCH,
            p.doc_span(m.range()),
            format!("“{}”注明的是{year}年，但报告年度是{reported}年", m.as_str()),
            format!("“{}”应指{expected}年：核对括号中的年份", w.as_str()),
        ));
    }
}

fn check_section_years(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(reported) = reported_year(ctx) else {
        return;
    };
    let top = ctx.outline.top_level();
    for h in &ctx.outline.headings {
        if Some(h.kind.level()) != top {
            continue;
        }
        let title = squeeze(&ctx.doc.text[h.title.clone()]);
        let Some(y) = first_year(&title) else {
            continue;
        };
        let parts: Vec<_> = ctx
            .profile
            .parts
            .iter()
            .filter(|p| p.heading.is_match(&title))
            .collect();
        if parts.is_empty() || parts.iter().any(|p| p.year_offset.is_none()) {
            continue;
        }
        if parts
            .iter()
            .any(|p| p.year_offset.is_some_and(|o| reported + o == y))
        {
            continue;
        }
        let Some(part) = parts.iter().max_by_key(|p| p.priority) else {
            continue;
        };
        let expected = reported + part.year_offset.unwrap_or(0);
        let span = h.marker.start..h.title.end;
        out.push(Diagnostic::new(
            &SECTION_YEAR_MISMATCH,
            span,
            format!(
                "“{}”应写{expected}年（报告年度为{reported}年），标题写的是{y}年",
                part.short
            ),
            format!("把标题中的“{y}年”改为“{expected}年”，并核对这一部分正文中的年份"),
        ));
    }
}

// ---------------------------------------------------------------- tables

struct Cell {
    line: usize,
    text: String,
}

fn check_table(
    ctx: &Context,
    table: u32,
    cells: &[(usize, CellRef)],
    lex: &Lexicon,
    out: &mut Vec<Diagnostic>,
) {
    let doc = ctx.doc;
    let mut grid: BTreeMap<(u32, u32), Cell> = BTreeMap::new();
    for &(line, c) in cells {
        let e = grid.entry((c.row, c.col)).or_insert(Cell {
            line,
            text: String::new(),
        });
        e.text.push_str(&squeeze(doc.line(line)));
    }
    let rows = grid.keys().map(|k| k.0).max().unwrap_or(0);
    let cols = grid.keys().map(|k| k.1).max().unwrap_or(0);
    if rows < 3 || cols < 2 {
        return;
    }
    let text_at = |r: u32, c: u32| grid.get(&(r, c)).map_or("", |x| x.text.as_str());
    let label = |r: u32| {
        (1..=cols)
            .map(|c| text_at(r, c))
            .find(|t| !t.is_empty())
            .unwrap_or("")
    };
    let is_total = |r: u32| lex.table_totals.iter().any(|t| label(r) == t);
    let is_sub = |r: u32| lex.table_subtotals.iter().any(|t| label(r) == t);
    let number = |r: u32, c: u32| -> Option<Option<numerals::Numeral>> {
        // Some(None): an empty or dash cell; None: words (a header).
        let t = text_at(r, c);
        if t.is_empty() || lex.table_empty.iter().any(|e| e == t) {
            return Some(None);
        }
        numerals::parse_whole(t).map(Some)
    };
    let header_of = |c: u32| text_at(1, c);
    let is_share_col = |c: u32| {
        let h = header_of(c);
        lex.table_shares.iter().any(|w| h.contains(w.as_str())) || h.contains('%')
    };
    let ordinal = table;
    let mut checked_share_cols: Vec<u32> = Vec::new();
    for rt in 2..=rows {
        if !is_total(rt) {
            continue;
        }
        for c in 1..=cols {
            let Some(Some(total)) = number(rt, c) else {
                continue;
            };
            // Walk up: rows under a 小计 are covered by it.
            let mut items: Vec<numerals::Numeral> = Vec::new();
            let mut covered = false;
            for r in (1..rt).rev() {
                if is_total(r) && !is_sub(r) {
                    break;
                }
                let cell = number(r, c);
                let Some(cell) = cell else {
                    break; // header words
                };
                if is_sub(r) {
                    if is_sub(rt) {
                        break;
                    }
                    covered = true;
                } else if covered {
                    continue;
                }
                if let Some(n) = cell {
                    items.push(n);
                }
            }
            if items.len() < 2 {
                continue;
            }
            items.reverse();
            if is_share_col(c) {
                checked_share_cols.push(c);
            }
            let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
                continue;
            };
            if within_rounding(&items, &total, sum) {
                continue;
            }
            let cell = &grid[&(rt, c)];
            let shown = items
                .iter()
                .map(|n| n.value.to_string())
                .collect::<Vec<_>>()
                .join("+");
            out.push(Diagnostic::new(
                &TABLE_TOTAL_MISMATCH,
                content_span(doc, cell.line),
                format!(
                    "表{ordinal}“{}”行第{c}列为{}，但上方各项之和为{sum}（{shown}）",
                    label(rt),
                    cell.text
                ),
                "核对合计数与各项数字，二者应一致",
            ));
        }
    }
    check_total_columns(ctx, ordinal, &grid, rows, cols, lex, out);
    // Share columns without a totals row: the column itself should add up to 100%.
    for c in 1..=cols {
        if !is_share_col(c) || checked_share_cols.contains(&c) {
            continue;
        }
        let mut items: Vec<numerals::Numeral> = Vec::new();
        let mut last_line = None;
        let mut ok = true;
        for r in 2..=rows {
            if is_total(r) {
                continue;
            }
            match number(r, c) {
                Some(Some(n)) => {
                    last_line = grid.get(&(r, c)).map(|x| x.line);
                    items.push(n);
                }
                Some(None) => {}
                None => ok = false,
            }
        }
        let Some(line) = last_line else {
            continue;
        };
        if !ok || items.len() < 2 {
            continue;
        }
        let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
            continue;
        };
        let hundred = numerals::Numeral {
            value: Value::from_int(100),
            ..items[0].clone()
        };
        if within_rounding(&items, &hundred, sum) {
            continue;
        }
        out.push(Diagnostic::new(
            &TABLE_SHARES,
            content_span(doc, line),
            format!("表{ordinal}“{}”列各项之和为{sum}%，不是100%", header_of(c)),
            "核对各项占比：各项之和应为100%（四舍五入的误差除外）",
        ));
    }
}

/// Equal, or for rounded figures within half a unit of the last digit per item.
fn within_rounding(items: &[numerals::Numeral], total: &numerals::Numeral, sum: Value) -> bool {
    if sum == total.value {
        return true;
    }
    let d = items
        .iter()
        .chain(std::iter::once(total))
        .map(|n| n.decimals)
        .max()
        .unwrap_or(0);
    let rounded = d > 0 || items.iter().any(|n| n.percent) || total.percent;
    if !rounded {
        return false;
    }
    let unit = 10f64.powi(-(d as i32));
    let tol = 0.5 * unit * (items.len() as f64 + 1.0);
    (sum.to_f64() - total.value.to_f64()).abs() <= tol + 1e-9
}

/// A 合计 column: each row's figures in the columns before it add up to it.
fn check_total_columns(
    ctx: &Context,
    ordinal: u32,
    grid: &BTreeMap<(u32, u32), Cell>,
    rows: u32,
    cols: u32,
    lex: &Lexicon,
    out: &mut Vec<Diagnostic>,
) {
    let text_at = |r: u32, c: u32| grid.get(&(r, c)).map_or("", |x| x.text.as_str());
    let Some(ct) = (2..=cols).find(|&c| lex.table_totals.iter().any(|t| text_at(1, c) == t)) else {
        return;
    };
    let summable = |c: u32| {
        let h = text_at(1, c);
        !h.is_empty()
            && !h.contains(['率', '比', '%', '％', '占'])
            && !lex.table_totals.iter().any(|t| h == t)
    };
    for r in 2..=rows {
        let Some(total) = numerals::parse_whole(text_at(r, ct)) else {
            continue;
        };
        let mut items = Vec::new();
        let mut ok = true;
        for c in (1..ct).filter(|&c| summable(c)) {
            let t = text_at(r, c);
            if t.is_empty() || lex.table_empty.iter().any(|e| e == t) {
                continue;
            }
            match numerals::parse_whole(t) {
                Some(n) if !n.percent => items.push(n),
                // The row label or words: only the figures count.
                _ if items.is_empty() => {}
                _ => ok = false,
            }
        }
        if !ok || items.len() < 2 || total.percent {
            continue;
        }
        let Some(sum) = Value::sum(items.iter().map(|n| &n.value)) else {
            continue;
        };
        if within_rounding(&items, &total, sum) {
            continue;
        }
        let Some(cell) = grid.get(&(r, ct)) else {
            continue;
        };
        out.push(Diagnostic::new(
            &TABLE_TOTAL_MISMATCH,
            content_span(ctx.doc, cell.line),
            format!(
                "表{ordinal}第{r}行“{}”列为{}，但该行各项之和为{sum}（{}）",
                text_at(1, ct),
                cell.text,
                items
                    .iter()
                    .map(|n| n.value.to_string())
                    .collect::<Vec<_>>()
                    .join("+")
            ),
            "核对合计列与该行各项数字，二者应一致",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{GOOD_REPORT, codes_of};

    /// The good report with one body sentence replaced.
    fn with(sentence: &str) -> String {
        GOOD_REPORT.replace("全年审查重大行政决策3件，全部经过合法性审查。", sentence)
    }

    fn codes(sentence: &str) -> Vec<&'static str> {
        codes_of("GW04", &with(sentence))
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    #[test]
    fn good_report_is_quiet() {
        assert_eq!(codes_of("GW04", GOOD_REPORT), []);
    }

    #[test]
    fn sum_of_parts_fires_and_stays_quiet() {
        assert_eq!(
            codes("共受理投诉举报45件，其中办结32件、转办12件。"),
            ["GW0401"]
        );
        assert_eq!(
            codes("行政复议案件17件，其中维持10件、撤销2件、终止6件。"),
            ["GW0401"]
        );
        assert_eq!(codes("开展检查586次，其中涉企检查613次。"), ["GW0401"]);
        assert_eq!(
            codes("行政复议案件17件（其中维持10件、撤销2件、终止6件），均已办结。"),
            ["GW0401"]
        );
        for ok in [
            "行政复议案件17件，其中维持10件、撤销2件、终止5件。",
            "合法性审查总数152件,其中决策1件、规范性文件2件、执法决定60件、合同89件。",
            "完成联合会商17起,其中本部门发起10起,参与配合7起;完成线索处置1起。",
            "立案98件，其中一般程序61件，简易程序37件，移送公安机关3件。",
            "开展行政检查586次，其中涉企检查213次。",
            "查处案件98件，其中主要包括无证行医20件、超范围执业30件。",
            "查处案件98件，其中无证行医20件、超范围执业30件等。",
            "查处案件98件，其中无证行医约20件、超范围执业30件。",
            "罚没款502.9万元，其中大要案78起，罚没款317.1万元，移送1起。",
            "被提起行政诉讼3件,其中1件移送管辖,1件驳回起诉,1件尚未开庭。",
            "检查二级甲等医院12家，其中二级甲等医院5家、三级乙等医院7家。",
            "推进“高效办成一件事”，其中出生一件事联办500件、退休一件事联办300件。",
            "落实三项制度，其中公示信息61条、审核案件40件。",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
    }

    #[test]
    fn two_part_shortfall_is_a_warning() {
        let text = with("共受理投诉举报45件，其中办结32件、转办12件。");
        let doc = crate::document::Document::from_text(
            "t.txt",
            crate::document::Format::Text,
            "utf-8",
            text,
        );
        let d = crate::Linter::with_defaults().lint_document(&doc);
        let d = d.iter().find(|d| d.rule.code == "GW0401").unwrap();
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.message, "其中各项之和为44件（32+12），与总数45件不符");
    }

    #[test]
    fn unit_mismatch_is_info_only_when_the_sum_agrees() {
        assert_eq!(
            codes("承办代表建议40项，其中主办19件、协办16件、分办5件。"),
            ["GW0414"]
        );
        assert_eq!(
            codes("承办代表建议40项，其中主办19件、协办16件、分办6件。"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn rates_against_counts() {
        assert_eq!(codes("受理1526件，办结1498件，办结率100%。"), ["GW0402"]);
        assert_eq!(codes("抽查720家，合格684家，合格率96%。"), ["GW0402"]);
        for ok in [
            "受理1818件，办结1818件，办结率100％，群众满意度100％。",
            "抽查720家，合格684家，合格率95%。",
            "受理医疗纠纷214件，调解成功198件，调解成功率92.5%。",
            "受理48件，调解成功45件，调解成功率93.8%。",
            "应出庭6件，负责人出庭6件，出庭应诉率100%。",
            "受理1392件，办结1392件，办结率100%，提前办结率达86.4%。",
            "应考1847人，实考1847人，参考率100%。",
            "发现问题312个，已整改307个，整改率98.4%。",
            "合格率由90%提高到95%。",
            "受理1526件，办结1498件，其中按期办结1400件，办结率98.2%。",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
    }

    #[test]
    fn shares_against_counts() {
        assert_eq!(
            codes("制定本部门计划9个，制定多部门联合工作计划7个。联合计划占总计划的43％。"),
            ["GW0402"]
        );
        assert_eq!(
            codes("制定本部门计划9个，制定多部门联合工作计划7个。联合计划占总计划的44％。"),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes("受理办件863件，网上申请办件653件，占全部办件的76.7%。"),
            ["GW0402"]
        );
        assert_eq!(
            codes("受理办件863件，网上申请办件653件，占全部办件的75.7%。"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn rates_over_100_except_growth() {
        assert_eq!(codes("群众满意率达到102%。"), ["GW0403"]);
        assert_eq!(codes("任务完成率120%。"), ["GW0403"]);
        for ok in [
            "网上办件量同比增长126.5%。",
            "办结率同比提高120%。",
            "病床使用率105%。",
            "完成率超额达到120%。",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
    }

    #[test]
    fn year_ranges() {
        assert_eq!(codes("制定工作方案(2020-2121年)。"), ["GW0404"]);
        assert_eq!(codes("落实规划（2025—2021年）。"), ["GW0404"]);
        for ok in [
            "落实《法治政府建设实施纲要（2021—2025年）》。",
            "编制规划（2024—2030年）。",
            "工作时间8:30至17:30，热线0571-2020。",
            "备案号浙ICP备2021-2099号。",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
    }

    #[test]
    fn relative_and_section_years() {
        assert_eq!(codes("本年度（2023年）共受理投诉12件。"), ["GW0405"]);
        assert_eq!(
            codes("本年度（2024年）共受理投诉12件。"),
            Vec::<&str>::new()
        );
        assert_eq!(codes("明年（2025年）将继续推进。"), Vec::<&str>::new());
        let wrong = GOOD_REPORT.replace("四、2025年推进", "四、2024年推进");
        assert_eq!(codes_of("GW04", &wrong), [("GW0406", 10)]);
    }

    #[test]
    fn the_same_total_twice() {
        assert_eq!(
            codes("共救治患者2033名，实现零死亡。共救治患者961名、治愈率97.4%。"),
            ["GW0407"]
        );
        for ok in [
            "共救治患者2033名，实现零死亡。共救治患者2033名。",
            "一是共查处案件12件；二是共查处案件8件。",
            "检查单位8家，配合检查单位16家。",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
    }

    #[test]
    fn number_forms() {
        assert_eq!(codes("立案查处1起，罚款伍万元。"), ["GW0408"]);
        assert_eq!(codes("罚款人民币伍万元整。"), Vec::<&str>::new());
        assert_eq!(codes("培训4千人次。"), ["GW0409"]);
        assert_eq!(codes("建成绿道4千米。"), Vec::<&str>::new());
        assert_eq!(
            codes("开展联合执法6次，检查单位12家，牵头召开培训会一次，压实责任。"),
            ["GW0410"]
        );
        for ok in [
            "召开培训会一次，压实责任。",
            "开展联合执法6次，推行“最多跑一次”，实现一次性告知。",
            "开展联合执法6次，做到一件事一次办，落实三项制度。",
            "开展联合执法6次，召开会议三四次。",
            "开展联合执法6次，第一次会议确定分工。",
            "开展联合执法6次，专题学法每月一次。",
            "开展联合执法6次，每年至少一次，与公安部门一起，亲如一家。",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
        assert_eq!(codes("实际履行罚没款502.9万，其中大要案78起。"), ["GW0411"]);
        for ok in [
            "实际履行罚没款502.9万元。",
            "发放宣传资料5.6万份，参与群众1.2万人次。",
            "服务群众1.2万，满意度高。",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
    }

    #[test]
    fn fixes_for_forms() {
        let text = with("实际履行罚没款12.6万，培训4千人次。");
        let doc = crate::document::Document::from_text(
            "t.txt",
            crate::document::Format::Text,
            "utf-8",
            text,
        );
        let diags = crate::Linter::with_defaults().lint_document(&doc);
        let fixes: Vec<_> = diags
            .iter()
            .filter(|d| d.rule.category == Category::Consistency)
            .map(|d| {
                (
                    &doc.text[d.span.clone()],
                    d.fix.as_ref().unwrap().replacement.as_str(),
                )
            })
            .collect();
        assert_eq!(fixes, [("12.6万", "12.6万元"), ("4千", "4000")]);
    }

    /// The good report with a table after its first body paragraph; `rows` as cell texts.
    fn table_codes(rows: &[&[&str]]) -> Vec<(&'static str, String)> {
        use crate::document::{Document, Paragraph};
        let mut paras: Vec<Paragraph> = Vec::new();
        for (i, line) in GOOD_REPORT.lines().enumerate() {
            paras.push(Paragraph {
                text: line.to_string(),
                ..Paragraph::default()
            });
            if i == 4 {
                for (r, row) in rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        paras.push(Paragraph {
                            text: cell.to_string(),
                            cell: Some(CellRef {
                                table: 1,
                                row: r as u32 + 1,
                                col: c as u32 + 1,
                            }),
                            ..Paragraph::default()
                        });
                    }
                }
            }
        }
        let doc = Document::from_paragraphs("t.docx", paras);
        crate::Linter::with_defaults()
            .lint_document(&doc)
            .into_iter()
            .filter(|d| d.rule.category == Category::Consistency)
            .map(|d| (d.rule.code, doc.text[d.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn table_totals_rows_and_columns() {
        let rows: &[&[&str]] = &[
            &["类别", "件数"],
            &["行政许可", "1526"],
            &["行政确认", "318"],
            &["合计", "1845"],
        ];
        assert_eq!(table_codes(rows), [("GW0412", "1845".to_string())]);
        let ok: &[&[&str]] = &[
            &["类别", "件数", "占比"],
            &["行政许可", "1,526", "82.8%"],
            &["行政确认", "318", "17.2%"],
            &["合计", "1844", "100%"],
        ];
        assert_eq!(table_codes(ok), []);
        let sub: &[&[&str]] = &[
            &["类别", "件数"],
            &["医疗机构", "20"],
            &["诊所", "5"],
            &["小计", "25"],
            &["公共场所", "—"],
            &["游泳场所", "7"],
            &["小计", "7"],
            &["其他", "3"],
            &["合计", "35"],
        ];
        assert_eq!(table_codes(sub), []);
        let cols: &[&[&str]] = &[
            &["领域", "一般程序", "简易程序", "合计"],
            &["医疗卫生", "20", "6", "26"],
            &["公共卫生", "11", "8", "20"],
        ];
        assert_eq!(table_codes(cols), [("GW0412", "20".to_string())]);
    }

    #[test]
    fn table_shares() {
        let bad: &[&[&str]] = &[
            &["类别", "件数", "占比"],
            &["医疗服务", "26", "45.2%"],
            &["公共卫生", "19", "31.0%"],
            &["职业卫生", "9", "20.3%"],
        ];
        assert_eq!(table_codes(bad), [("GW0413", "20.3%".to_string())]);
        let rounded: &[&[&str]] = &[
            &["类别", "占比（%）"],
            &["甲", "33.3"],
            &["乙", "33.3"],
            &["丙", "33.3"],
        ];
        assert_eq!(table_codes(rounded), []);
    }

    #[test]
    fn no_panic_on_odd_numbers() {
        for s in [
            "其中",
            "，其中",
            "共5件，其中",
            "占的5%",
            "占5%",
            "率100%",
            "（2020-",
            "本年度（",
            "其中1件、",
            "9999999999999999999999件，其中1件、2件",
        ] {
            let _ = codes(s);
        }
    }
}
