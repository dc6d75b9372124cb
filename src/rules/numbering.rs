//! numbering: heading numbers (一、→（一）→1.→（1）→①, GB/T 9704-2012 7.3.3 and GB/T
//! 15834-2011 附录B) and inline 一是/二是 sequences.

use super::Context;
use crate::diagnostic::{Category, Diagnostic, RuleMeta, Severity};
use crate::outline::{Heading, MarkerKind, content_span};
use crate::rules::findings::Findings;
use crate::rules::structure::unnumbered_part_title;
use crate::text::trim_indent;
use lost_sibling::LostSibling;
use std::collections::HashMap;
use std::ops::Range;

mod announced;
mod inline;
mod lost_sibling;
mod marker;
mod stand_in;
mod styled;
mod title_marker;

pub use marker::expected_marker;

pub static HEADING_SEQUENCE: RuleMeta = RuleMeta {
    code: "GW0301",
    name: "heading-sequence",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "小标题序号不连续",
    doc: "同一上级标题下，同一层级的序号应从“一”或“1”开始依次递增，不跳号、不重号、不倒序；换到新的上级标题后重新从“一”开始（GB/T 9704-2012 7.3.3）。报告分成“第一部分”“第二部分”……时，部分是“一、”之上的一层：各部分依次编号，每一部分下的“一、”重新开始。\n\n检查跳号（“（三）”之后是“（五）”）、重号、倒序、不从“一”开始，以及没有换上级标题却重新从“（一）”开始（Word 自动编号“重新开始编号”误操作的典型表现）。同级标题中夹了一个别的层级写法的序号（“（二）”之后是“3.”，再后是“（四）”），它的数字正好接上同级的序号的，报告这一个序号应为“（三）”，不再报告跳号；写成了上一层的“三、”（数字接上的是前后的“（二）”“（四）”，不是各部分的“一、”“二、”，标题也不是报告的某一部分）的，同样只报告这一处。序号来自 Word 自动编号时，消息会提示到编号设置中修改。\n\n示例（不规范）：（一）……（二）……（四）……\n示例（规范）：二、……（一）……（二）……（新的上级标题下重新编号）",
};

pub static HEADING_MARKER_MISSING: RuleMeta = RuleMeta {
    code: "GW0302",
    name: "heading-marker-missing",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "小标题缺少序号",
    doc: "一段文字的写法是小标题（短语加句号，后接“一是”），位置也正好在两个同级小标题之间，却没有序号。常见于从网页或 PDF 复制时序号丢失。只有当前后同级序号的空缺正好由这些段落填满，或者同一部分的各段都是这种写法时才报告。Word 文档中，一个小标题与同级小标题同在一个自动编号列表里、自己的编号却被取消了（编号设为“无”），Word 不显示它的序号，后面的同级序号和其下条目的序号随之错位（“（二）”下的“1.”至“3.”之后接着“4.”），也报告。丢了序号的小标题下有自己的条目（“1.”“2.”重新开始）时，报告的是这个小标题，不报告条目重新编号；一个部分下的小标题都没有序号、每组“1.”“2.”上面各有一行小标题的，逐个告知应有的序号。\n\n示例（不规范）：\n  （一）持续推进法治体系建设。一是……\n  推进政务服务改革创新。一是……\n  （三）推进公正文明执法。一是……\n第二段应为“（二）推进政务服务改革创新。”",
};

pub static HEADING_LEVEL_INVERTED: RuleMeta = RuleMeta {
    code: "GW0303",
    name: "heading-level-inverted",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "序号层级倒置",
    doc: "GB/T 15834-2011 附录B.3.8：可以根据文章特点从某一层序次语开始，选定之后顺着层次向下行文；使用层次较低的序次语之后，不宜反过来再使用层次更高的序次语。跳过一层（“一、”之后直接用“1.”）标准没有明确规定，公文中常见，gwlint 不报告。\n\n示例（不规范）：一、……1.……（一）……（“（一）”出现在“1.”之后）\n示例（规范）：一、……1.……2.……（跳过“（一）”一层，不报告）",
};

pub static HALFWIDTH_MARKER: RuleMeta = RuleMeta {
    code: "GW0304",
    name: "halfwidth-marker",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "序号使用了半角括号",
    doc: "“（一）”“（1）”中的括号是全角括号（GB/T 9704-2012 7.3.3；GB/T 15834-2011）。半角括号“(一)”常见于从网页复制或输入法切换。同一层级中有的全角、有的半角时，消息中会指出。可以安全地自动修复。序号由 Word 自动编号生成时，改的是编号格式：同一格式的自动序号只在第一处报告，说明共有几处（GW0305、GW0310 也是这样）。\n\n示例（不规范）：(五)坚持执法为民\n示例（规范）：（五）坚持执法为民",
};

pub static MARKER_PUNCTUATION: RuleMeta = RuleMeta {
    code: "GW0305",
    name: "marker-punctuation",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "序号后的标点不规范",
    doc: "GB/T 15834-2011 附录B.3：“一、”用顿号；“（一）”“（1）”“①”之后不加标点；阿拉伯数字序号用下脚点“1.”，不用顿号“1、”。\n\n示例（不规范）：（一）、加强领导　1、完善制度　一．总体情况　一，总体情况\n示例（规范）：（一）加强领导　1.完善制度　一、总体情况",
};

pub static MARKER_DAMAGED: RuleMeta = RuleMeta {
    code: "GW0306",
    name: "marker-damaged",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "序号残缺",
    doc: "段首的序号只剩下一部分，例如“)持续推进……”“五)持续推进……”“(法律法规宣传方面……”，多为复制转换时丢字。消息根据前后同级序号给出应有的序号。只有序号、后面没有标题或内容的段落（“（三）”，多为 Word 自动编号留下的空段落）也报告。序号写了两遍（“（二）（二）加强普法”）也报告，可以安全地自动修复。\n\n示例（不规范）：（二）……\n  )持续推进依法治理。\n示例（规范）：（三）持续推进依法治理。",
};

pub static ENUM_SEQUENCE: RuleMeta = RuleMeta {
    code: "GW0307",
    name: "enum-sequence",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "“一是、二是”或“第一、第二”序列不连续",
    doc: "“一是……二是……三是……”和段首、句首的“第一，……第二，……”“其一，……其二，……”应从第一项开始依次递增，不跳、不重、不倒序（“排名第一，”这样的名次不算）。也检查丢了数字的项（句首只剩“是”，如“。是强化普法学习”），并根据前后项给出应有的写法。序列可以在一段之内，也可以跨越各自以“N是”开头的相邻段落。段落中间冒号、分号之后的“（1）（2）……”“（一）（二）……”“①②……”也按同样要求检查（只在同一段内，至少两项；法条的“第（一）项”和加引号提到的序号（“‘（三）’之后”）不算）。括号中、破折号后的“一是”同样开始一个序列。引号中引述的序列（“通报要求‘一是……，三是……’”）是别人的，自成一个序列，而且可能只摘了其中几项：只报告重复和倒序。\n\n示例（不规范）：一是健全机制。……三是强化监督。（缺少“二是”）\n示例（不规范）：一是健全机制。……。是强化普法学习。（应为“二是”）",
};

pub static ENUM_SINGLE_ITEM: RuleMeta = RuleMeta {
    code: "GW0308",
    name: "enum-single-item",
    category: Category::Numbering,
    severity: Severity::Warning,
    summary: "只有“一是”，没有“二是”",
    doc: "用了“一是”却没有“二是”：要么内容被截断，要么不需要分项。只有一项时去掉“一是”，或补全后续各项。\n\n示例（不规范）：（六）坚持严格公正文明执法。一是加大抽查力度……（段落结束，没有“二是”）",
};

pub static PART_MARKER: RuleMeta = RuleMeta {
    code: "GW0309",
    name: "part-marker",
    category: Category::Numbering,
    // GB/T 15834-2011 附录B lets a text start at a lower level: a convention, not a rule.
    severity: Severity::Warning,
    summary: "报告的部分用了“1.”或“（三）”这类下级序号",
    doc: "GB/T 9704-2012 7.3.3：结构层次序数第一层为“一、”，第二层为“（一）”，第三层为“1.”，第四层为“（1）”。报告的各部分（主要举措和成效、存在的不足和原因……）是第一层，应编为“一、”“二、”；用了“1.”“2.”时，各部分下的“（一）”“1.”也就层次颠倒了。常见于从网页或其他软件转来的文件（自动编号被转成了十进制编号）。GB/T 15834-2011 附录B 允许从某一层序次语开始，所以报警告；各部分下又用了“（一）”时，层次看起来颠倒，报错误。\n\n只有在全文没有“一、”、且至少两个部分的标题用了“1.”时才这样认定，并按各部分是第一层来检查下级序号。全文的“1.”标题从1起连续编号、其中有两个以上是法定部分时，排在前面的以主题为名的“1.强化组织领导”“2.推进严格执法”也是部分。\n\n夹在两个部分之间、用了下一层序号的部分也报告：“二、存在的不足和原因”之后的“（三）党政主要负责人履行推进法治建设第一责任人职责情况”，后面是“四、”，应为“三、”（标题要写的是某一法定部分，序号正好接上前后两部分，且它是上一部分下的第一个“（）”序号）。\n\n示例（不规范）：1.2024年推进法治政府建设的主要举措和成效\n示例（规范）：一、2024年推进法治政府建设的主要举措和成效",
};

pub static ENCLOSED_MARKER: RuleMeta = RuleMeta {
    code: "GW0310",
    name: "enclosed-marker",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "序号用了“㈠”“⑴”“⒈”这类单个符号",
    doc: "GB/T 9704-2012 7.3.3 的结构层次序数由汉字或阿拉伯数字加括号、顿号或下脚点写成：“（一）”“（1）”“1.”。“㈠”“⑴”“⒈”是把它们合成一个字符的特殊符号，多由转换工具或输入法带入，在不同字体、不同设备上显示不一，也无法被检索；按所在层级改写。带圈数字“①”可作第五层序号，不在此列。\n\n示例（不规范）：㈠强化组织领导\n示例（规范）：（一）强化组织领导",
};

pub static MARKER_DIGITS: RuleMeta = RuleMeta {
    code: "GW0313",
    name: "marker-digits",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "序号的数字写法不规范：大写数字、补零或多级编号",
    doc: "GB/T 9704-2012 7.3.3 的结构层次序数依次是“一、”“（一）”“1.”“（1）”：汉字数字用小写，阿拉伯数字不补零，每一层只写本层的数字。“壹、”“（贰）”用了大写数字（Word 编号格式“壹, 贰, 叁”）；“01.”在数字前补了“0”（编号格式“01, 02, 03”）；“1.1”“1.2.3”是科技文献的多级编号（Word 的“正规形式编号”或多级列表），把上一层的数字带进了本层。按所在层级改写：“1.1”在第二层，应为“（一）”，“1.1.1”在第三层，应为“1.”。序号由 Word 自动编号生成时，同一层级只在第一处报告，到编号格式中修改一次即可；手工输入的可以安全地自动修复。手工输入的“1.1”与小数无从区分，只在 Word 自动编号中检查。\n\n示例（不规范）：壹、2025年推进法治政府建设的主要举措和成效\n示例（规范）：一、2025年推进法治政府建设的主要举措和成效",
};

pub static ANNOUNCED_COUNT: RuleMeta = RuleMeta {
    code: "GW0311",
    name: "announced-count",
    category: Category::Numbering,
    severity: Severity::Warning,
    summary: "前文说的项数与列出的项数不符",
    doc: "冒号前说了要列几项（“主要存在以下三个方面的不足：”“原因有三：”“重点抓好两个方面：”），后面紧接着的“一是、二是……”“第一、第二……”“（1）（2）……”的项数应与之相同。常见于删改时去掉了一项，前面的数目没有改。只看冒号前最后一个分句中的数目，带引号的名称和“三项制度”这类固定说法不算；只有一项的“一是”由 GW0308 报告。\n\n示例（不规范）：主要存在以下三个方面的不足：一是执法力量不足；二是普法针对性不强。\n示例（规范）：主要存在以下两个方面的不足：一是执法力量不足；二是普法针对性不强。",
};

pub static TITLE_NUMBERED: RuleMeta = RuleMeta {
    code: "GW0312",
    name: "title-numbered",
    category: Category::Numbering,
    severity: Severity::Error,
    summary: "标题前带了序号",
    doc: "报告的标题不编序号（GB/T 9704-2012 7.3.1）。标题前出现“一、”，多是在 Word 中把标题设成了带自动编号的“标题 1”样式，与各部分同用一个编号列表：标题占了“一、”，各部分就成了“二、”“三、”……。只在这一行除去序号正好是一个完整的标题（有年度和文种）、下面紧接着主送机关时报告；这时各部分从“二、”编起不再另报跳号。

示例（不规范）：一、青川市卫生健康委员会2025年法治政府建设情况报告
示例（规范）：青川市卫生健康委员会2025年法治政府建设情况报告",
};

pub static RULES: &[&RuleMeta] = &[
    &HEADING_SEQUENCE,
    &HEADING_MARKER_MISSING,
    &HEADING_LEVEL_INVERTED,
    &HALFWIDTH_MARKER,
    &MARKER_PUNCTUATION,
    &MARKER_DAMAGED,
    &ENUM_SEQUENCE,
    &ENUM_SINGLE_ITEM,
    &PART_MARKER,
    &ENCLOSED_MARKER,
    &MARKER_DIGITS,
    &ANNOUNCED_COUNT,
    &TITLE_NUMBERED,
];

pub fn check(ctx: &Context, out: &mut Findings) {
    let numbered: Vec<&Heading> = ctx
        .outline
        .headings
        .iter()
        .filter(|h| h.kind != MarkerKind::Styled)
        .collect();
    marker::check_forms(ctx, &numbered, out);
    let mut found = Findings::new();
    check_hierarchy_and_sequences(ctx, &numbered, &mut found);
    // A "（一）" under a part's heading that lost its "一、" stands in for nothing.
    let pairs: Vec<(usize, usize)> = stand_in::find(&numbered)
        .into_iter()
        .filter(|&(a, _)| !under_lost_part(ctx, &numbered, a))
        .collect();
    stand_in::report(ctx, &numbered, &pairs, &mut found);
    out.extend(found.into_vec());
    unnumbered_parts(ctx, &numbered, out);
    styled::check(ctx, out);
    title_marker::check(ctx, out);
    inline::check(ctx, out);
}

/// No part has its number ("存在的不足和原因" alone on its line, and no "一、" anywhere):
/// each part's heading is told its number, in order.
fn unnumbered_parts(ctx: &Context, numbered: &[&Heading], out: &mut Findings) {
    let part_level = MarkerKind::HanComma.level();
    if numbered.iter().any(|h| h.level() <= part_level) {
        return;
    }
    let lost: Vec<usize> = ctx
        .outline
        .body
        .clone()
        .filter(|&i| unnumbered_part_title(ctx, i).is_some())
        .collect();
    if lost.len() < 2 {
        return;
    }
    for (k, &line) in lost.iter().enumerate() {
        out.push(lost_marker(
            ctx,
            line_words(ctx, line),
            "各部分的标题都没有序号",
            None,
            &expected_marker(part_level, k as u32 + 1),
        ));
    }
}

/// Said after a message when the number comes from Word's automatic numbering.
pub(crate) fn auto_note(h: &Heading) -> &'static str {
    if h.auto {
        "；此序号由 Word 自动编号生成，请在 Word 中调整编号列表（右键单击编号，选“重新开始于一”“继续编号”或“设置编号值”），不要改动正文文字"
    } else {
        ""
    }
}

/// A paragraph that should be a numbered sibling but is not (marker lost or damaged).
#[derive(Debug, Clone)]
struct Candidate {
    line: usize,
    /// The damaged marker, when part of one is left.
    damaged: Option<Range<usize>>,
    /// The number a damaged marker still shows ("五)" → 5).
    number: Option<u32>,
    /// A damaged marker shows a Chinese numeral ("五)"): a （一） level's, not a "1." one's.
    han: bool,
    /// The lead phrase, for the span of a missing marker.
    lead: Range<usize>,
}

enum Slot<'h> {
    Numbered(&'h Heading),
    Candidate(Candidate),
}

impl Slot<'_> {
    /// The number of a numbered heading; a candidate has none.
    fn number(&self) -> Option<u32> {
        match self {
            Slot::Numbered(h) => Some(h.number),
            Slot::Candidate(_) => None,
        }
    }
}

/// A short lead phrase, then the first item of an enumeration: a sub-heading that lost its
/// number ("推进政务服务改革创新。一是……"). The lead's end: 2 to 20 characters with no space
/// or punctuation, then 。 or ： or nothing, then 一是 or 首先; the longest such lead. A
/// quotation or a title in the lead ("深化“放管服”改革", "学习宣传《民法典》") counts as one
/// character. Scanned by hand: the pattern cost more to build than a report takes to read.
fn lead_phrase(text: &str) -> Option<usize> {
    const STOPS: &str = "，。；：,;:！？!?“”‘’《》()（）、";
    const MAX_LEAD: usize = 20;
    let starts_item = |s: &str| s.starts_with("一是") || s.starts_with("首先");
    // Where a lead of 1, 2, 3 … characters ends.
    let mut ends = Vec::new();
    let mut k = 0;
    while let Some(c) = text[k..].chars().next() {
        let end = match quoted_len(&text[k..]) {
            Some(len) => k + len,
            None if c.is_whitespace() || STOPS.contains(c) => break,
            None => k + c.len_utf8(),
        };
        ends.push(end);
        k = end;
    }
    let whole = ends.last().copied().unwrap_or(0);
    if (2..=MAX_LEAD).contains(&ends.len())
        && text[whole..]
            .strip_prefix(['。', '：', ':'])
            .is_some_and(starts_item)
    {
        return Some(whole);
    }
    ends.iter()
        .take(MAX_LEAD)
        .skip(1)
        .rev()
        .copied()
        .find(|&e| starts_item(&text[e..]))
        // "**一是**…": Markdown's bold before the item is no lead.
        .filter(|&e| text[..e].chars().any(crate::text::is_han))
}

/// The byte length of a closed quotation or title at the start of `text` ("“放管服”",
/// "《民法典》"): at most 30 characters, within the sentence.
fn quoted_len(text: &str) -> Option<usize> {
    const MAX_QUOTED: usize = 30;
    let mut chars = text.char_indices();
    let close = match chars.next()?.1 {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        _ => return None,
    };
    chars
        .take(MAX_QUOTED + 1)
        .take_while(|&(_, c)| !matches!(c, '。' | '\n'))
        .find(|&(_, c)| c == close)
        .map(|(k, c)| k + c.len_utf8())
}

/// What is left of a bracketed marker at the start of `text`, as its byte length: ")…",
/// "五)…", "2）…", or "(…" and "(五…" without their closing bracket. Scanned by hand: the
/// punctuation rules ask on every line that has a bracket, and a pattern would be compiled
/// on their way.
fn damaged_prefix(text: &str) -> Option<usize> {
    let han = |c: char| "一二三四五六七八九十".contains(c);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut chars = text.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    if matches!(first, '(' | '（') {
        chars.next();
        let mut n = 0;
        while let Some(&(_, c)) = chars.peek()
            && han(c)
            && n < 3
        {
            chars.next();
            n += 1;
        }
        return Some(chars.peek().map_or(text.len(), |&(k, _)| k));
    }
    let (count, max): (&dyn Fn(char) -> bool, usize) = if han(first) {
        (&han, 3)
    } else if digit(first) {
        (&digit, 2)
    } else {
        (&|_| false, 0)
    };
    let mut n = 0;
    while let Some(&(_, c)) = chars.peek()
        && count(c)
        && n < max
    {
        chars.next();
        n += 1;
    }
    match chars.next() {
        Some((k, c @ (')' | '）'))) => Some(k + c.len_utf8()),
        _ => None,
    }
}

fn classify_candidate(ctx: &Context, line: usize) -> Option<Candidate> {
    let span = content_span(ctx.doc, line);
    let text = &ctx.doc.text[span.clone()];
    // Cheap tests first: a damaged marker starts with a bracket or a Chinese digit, and a
    // lost one is followed by 一是 or 首先 within the first words.
    let damaged_start = text.starts_with(|c: char| {
        matches!(
            c,
            ')' | '）' | '(' | '（' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
                | '十' | '0'..='9' | '０'..='９'
        )
    });
    if damaged_start && let Some(len) = damaged_prefix(text) {
        let marker = &text[..len];
        let rest = &text[len..];
        let opened = marker.starts_with(['(', '（']);
        // "(法律法规宣传方面…" counts only when no bracket closes nearby.
        let head: String = rest.chars().take(25).collect();
        if opened && head.contains([')', '）']) {
            return None;
        }
        if !rest.starts_with(|c: char| crate::text::is_han(c) || c.is_alphanumeric()) {
            return None;
        }
        // "1) 建立……" is Markdown's own list syntax.
        if ctx.doc.format == crate::document::Format::Markdown && arabic_half(marker).is_some() {
            return None;
        }
        let digits: String = marker
            .chars()
            .filter(|c| !matches!(c, '(' | '（' | ')' | '）'))
            .collect();
        let lead_end = rest
            .find(['。', '，', '：'])
            .map_or(span.end, |i| span.start + len + i);
        return Some(Candidate {
            line,
            damaged: Some(span.start..span.start + len),
            number: crate::numerals::parse_chinese(&digits)
                .or_else(|| crate::numerals::parse_arabic(&digits)),
            han: digits.contains(|c: char| "一二三四五六七八九十".contains(c)),
            lead: span.start..lead_end.min(span.end),
        });
    }
    // A lead of 20 characters, or more with a title quoted in it.
    let reach = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(k, _)| k);
    let quoting = text[..reach(24)].contains(['“', '‘', '《']);
    let head = &text[..reach(if quoting { 56 } else { 24 })];
    if !(head.contains("一是") || head.contains("首先")) {
        return None;
    }
    let lead_end = lead_phrase(text)?;
    Some(Candidate {
        line,
        damaged: None,
        number: None,
        han: false,
        lead: span.start..span.start + lead_end,
    })
}

/// A line among `lines` starts with a damaged marker showing a Chinese numeral ("五)").
fn damaged_han_between(ctx: &Context, lines: Range<usize>) -> bool {
    lines
        .filter(|&l| !ctx.outline.chrome[l] && ctx.outline.heading_at(l).is_none())
        .any(|l| classify_candidate(ctx, l).is_some_and(|c| c.damaged.is_some() && c.han))
}

/// The paragraph before line `line` is text, not a heading, that ends in a colon.
fn announced(ctx: &Context, line: usize) -> bool {
    let o = &ctx.outline;
    (o.body.start..line)
        .rev()
        .find(|&j| o.has_text(ctx.doc, j))
        .is_some_and(|j| {
            o.heading_at(j).is_none()
                && trim_indent(ctx.doc.line(j))
                    .trim_end()
                    .ends_with(['：', ':'])
        })
}

/// A part's heading that lost its number ("2024年…主要举措和成效" then "（一）") stands
/// between `numbered[k]` and the heading of its level or higher before it.
fn under_lost_part(ctx: &Context, numbered: &[&Heading], k: usize) -> bool {
    let h = numbered[k];
    let from = numbered[..k]
        .iter()
        .rev()
        .find(|p| p.level() <= h.level())
        .map_or(ctx.outline.body.start, |p| p.line + 1);
    (from..h.line).any(|i| unnumbered_part_title(ctx, i).is_some())
}

fn check_hierarchy_and_sequences(ctx: &Context, numbered: &[&Heading], out: &mut Findings) {
    // Parent of each heading: the nearest earlier heading of a higher level (None = root).
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(numbered.len());
    let mut stack: Vec<usize> = Vec::new();
    // Per parent, the deepest level used directly under it so far (for inversions).
    let mut deepest_child: HashMap<Option<usize>, u8> = HashMap::new();
    // The headings reported as out of their level's place.
    let mut inverted: Vec<usize> = Vec::new();
    for (k, h) in numbered.iter().enumerate() {
        let level = h.level();
        while stack.last().is_some_and(|&t| numbered[t].level() >= level) {
            stack.pop();
        }
        let parent = stack.last().copied();
        parents.push(parent);
        let deepest = deepest_child.entry(parent).or_insert(level);
        // "（一）（二）" under a part's heading that lost its number: no inversion; the lost
        // number is reported there.
        if *deepest > level && !under_lost_part(ctx, numbered, k) {
            let below = &ctx.doc.text[numbered[k - 1].marker.clone()];
            out.push(Diagnostic::new(
                &HEADING_LEVEL_INVERTED,
                h.marker.clone(),
                format!(
                    "序号层级倒置：“{}”出现在更低一级的“{}”之后",
                    &ctx.doc.text[h.marker.clone()],
                    below
                ),
                "调整序号层级，例如把“（一）”一级放在“1.”一级之前（GB/T 15834-2011 附录B：用了较低层级的序次语后，不宜再用较高层级的）",
            ));
            inverted.push(k);
        }
        // Once reported, the inversion is not reported again for each later sibling.
        *deepest = level;
        stack.push(k);
    }
    let lost_siblings = lost_sibling::find(ctx, numbered, &parents);
    for lost in &lost_siblings {
        if let Some((n, parent)) = &lost.whole_level {
            let parent = ctx.doc.text[parent.clone()].trim_end();
            out.push(lost_marker(
                ctx,
                lost.words.clone(),
                &format!("“{parent}”下的小标题都没有序号"),
                None,
                &expected_marker(lost.level, *n),
            ));
        }
    }

    // Siblings: same parent, same level; plus paragraphs that lost their markers.
    // In order of first appearance; found through an index, since a long document has
    // thousands of groups.
    let mut groups: Vec<(Option<usize>, u8, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<(Option<usize>, u8), usize> = HashMap::new();
    // The group each heading joined.
    let mut keys: Vec<(Option<usize>, u8)> = Vec::with_capacity(numbered.len());
    // The part a heading is in: its topmost ancestor.
    let part_of = |mut k: usize| {
        while let Some(up) = parents[k] {
            k = up;
        }
        k
    };
    for (k, h) in numbered.iter().enumerate() {
        let mut key = (parents[k], h.level());
        // "1.…（一）（二）…2.…3.": after an inverted heading, the run it broke goes on; the
        // inversion is reported, not a run that starts at 2.
        if !group_of.contains_key(&key)
            && let Some(j) = (0..k).rev().find(|&j| numbered[j].level() == h.level())
            && numbered[j].number + 1 == h.number
            && part_of(j) == part_of(k)
            && (keys[j] != (parents[j], h.level()) || inverted.iter().any(|&i| j < i && i < k))
        {
            key = keys[j];
        }
        keys.push(key);
        // "…采取了以下措施：" then 1. again: a list of its own, announced by its lead-in; or
        // under a "五)" that lost its brackets' other half, or under a sub-heading of a
        // higher level that lost its marker (`lost_sibling`).
        let previous = group_of.get(&key).and_then(|&g| groups[g].2.last());
        let restarted = h.number == 1
            && (announced(ctx, h.line)
                || previous.is_some_and(|&j| {
                    let between = numbered[j].line + 1..h.line;
                    (h.level() > MarkerKind::HanParen.level()
                        && damaged_han_between(ctx, between.clone()))
                        || lost_siblings
                            .iter()
                            .any(|r| r.level < h.level() && between.contains(&r.line))
                }));
        match group_of.get(&key).filter(|_| !restarted) {
            Some(&g) => groups[g].2.push(k),
            None => {
                group_of.insert(key, groups.len());
                groups.push((key.0, key.1, vec![k]));
            }
        }
    }
    let mut with_siblings: std::collections::HashSet<Option<usize>> = Default::default();
    // Line → the marker a damaged or missing marker should be.
    let mut assigned: HashMap<usize, String> = HashMap::new();
    // Once: a report pasted into itself has a group for every heading.
    let top = ctx.outline.top_level();
    for (parent, level, members) in &groups {
        with_siblings.insert(*parent);
        let slots = slots_for(ctx, numbered, *parent, (*level, &lost_siblings), members);
        check_group(
            ctx,
            (*level, top),
            &slots,
            &lost_siblings,
            &mut assigned,
            out,
        );
    }
    // Parts whose sub-headings all lost their markers have no numbered group at all.
    for (k, h) in numbered.iter().enumerate() {
        if Some(h.level()) != top
            || h.kind == MarkerKind::Circled
            || with_siblings.contains(&Some(k))
        {
            continue;
        }
        let next = h.level() + 1;
        let slots = slots_for(ctx, numbered, Some(k), (next, &lost_siblings), &[]);
        if slots.len() >= 2 {
            check_group(ctx, (next, top), &slots, &lost_siblings, &mut assigned, out);
        }
    }
    report_damaged(ctx, &assigned, out);
}

/// Every damaged marker is reported; with its expected form when a group placed it.
fn report_damaged(ctx: &Context, assigned: &HashMap<usize, String>, out: &mut Findings) {
    for line in ctx.outline.body.clone() {
        if ctx.outline.chrome[line] || ctx.outline.heading_at(line).is_some() {
            continue;
        }
        let Some(c) = classify_candidate(ctx, line) else {
            continue;
        };
        let Some(span) = c.damaged else {
            continue;
        };
        let shown = &ctx.doc.text[span.clone()];
        // "二)" where （五） belongs: the place gives the number, but the drafter may have
        // meant 二 and lost (or added) a part.
        let misfit = |w: &str| match (marker_number(shown), marker_number(w)) {
            (Some(n), Some(m)) if n != m => format!(
                "；原序号的数字“{}”与前后序号不接，请核对是否漏了或多了一部分",
                numeral_of(shown)
            ),
            _ => String::new(),
        };
        let (message, help) = match assigned.get(&line) {
            Some(w) if arabic_half(shown).is_some() => (
                format!("序号“{shown}”写法不规范，应为“{w}”"),
                format!("把段首的“{shown}”改为“{w}”{}", misfit(w)),
            ),
            Some(w) => {
                let note = misfit(w);
                let by = if note.is_empty() {
                    ""
                } else {
                    "按前后的序号"
                };
                (
                    format!("序号“{shown}”残缺，{by}应为“{w}”"),
                    format!("把段首的“{shown}”改为“{w}”{note}"),
                )
            }
            None => match arabic_half(shown) {
                Some(n) => (
                    format!("序号“{shown}”只有右括号，应为“（{n}）”"),
                    format!("把“{shown}”改为“（{n}）”；若属于“1.”一级，改为“{n}.”"),
                ),
                None => (
                    format!("段首的“{shown}”像是残缺的序号"),
                    "补全序号，或删除多余的括号".to_string(),
                ),
            },
        };
        out.push(Diagnostic::new(&MARKER_DAMAGED, span, message, help));
    }
}

/// The numeral of a marker, whole or damaged: "二" of "二)", "12" of "（12".
fn numeral_of(marker: &str) -> &str {
    let is_numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十百".contains(c);
    let start = marker.find(is_numeral).unwrap_or(marker.len());
    let len = marker[start..]
        .find(|c: char| !is_numeral(c))
        .unwrap_or(marker.len() - start);
    &marker[start..start + len]
}

/// The number a marker's numeral gives.
fn marker_number(marker: &str) -> Option<u32> {
    crate::numerals::parse_number(numeral_of(marker))
}

/// The number of "2)" or "2）": an Arabic marker with its right bracket only.
fn arabic_half(marker: &str) -> Option<u32> {
    crate::numerals::parse_arabic(marker.strip_suffix([')', '）'])?)
}

/// The damaged marker that starts `line`, which the punctuation rules leave to GW0306:
/// only in the body, where GW0306 reports it.
pub(crate) fn damaged_marker(ctx: &Context, line: usize) -> Option<Range<usize>> {
    let o = ctx.outline;
    if !o.body.contains(&line) || o.chrome[line] || o.heading_at(line).is_some() {
        return None;
    }
    classify_candidate(ctx, line)?.damaged
}

/// Line `i` is a heading whose marker is damaged ("二)规范执法行为"), or the one line between
/// two siblings whose numbers skip one ("（一）" … "（三）") that reads like the heading lost
/// there: a heading on its own line, not a sentence cut short.
pub(crate) fn reads_as_heading(ctx: &Context, i: usize) -> bool {
    if let Some(marker) = damaged_marker(ctx, i) {
        // Only a title's words: no sentence, no figure, no aside ("1）…3件（其中" runs on).
        let rest = &ctx.doc.text[marker.end..content_span(ctx.doc, i).end];
        return lost_heading(ctx, i..i + 1) == Some(i)
            && !rest.contains(['。', '（', '('])
            && !rest.chars().any(crate::text::is_digit);
    }
    let o = ctx.outline;
    let after = o.headings.partition_point(|h| h.line <= i);
    let Some(next) = o.headings.get(after) else {
        return false;
    };
    o.headings[..after]
        .iter()
        .rev()
        .find(|h| h.level() <= next.level())
        .is_some_and(|prev| {
            prev.level() == next.level()
                && next.number == prev.number + 2
                && lost_heading(ctx, prev.line + 1..next.line) == Some(i)
        })
}

/// The numbered members of a group and the candidates within the parent's block; a
/// sub-heading a higher level lost (`lost_sibling`) is theirs, not a candidate here.
fn slots_for<'h>(
    ctx: &Context,
    numbered: &[&'h Heading],
    parent: Option<usize>,
    (level, lost_siblings): (u8, &[LostSibling]),
    members: &[usize],
) -> Vec<Slot<'h>> {
    let mut slots: Vec<Slot> = members
        .iter()
        .map(|&k| Slot::Numbered(numbered[k]))
        .collect();
    // Candidates for level 1 would be guesses about part titles; leave those to structure.
    let Some(p) = parent else {
        return slots;
    };
    if level < 2 {
        return slots;
    }
    let start = numbered[p].line + 1;
    let parent_level = numbered[p].level();
    let end = numbered[p + 1..]
        .iter()
        .find(|g| g.level() <= parent_level)
        .map_or(ctx.outline.body.end, |g| g.line);
    let in_child_block = |line: usize| {
        // Body paragraphs of a non-run-in sibling belong to it, not to the list.
        let before = members.partition_point(|&k| numbered[k].line < line);
        before > 0 && !numbered[members[before - 1]].run_in
    };
    let han_level = level <= MarkerKind::HanParen.level();
    for line in start..end {
        if ctx.outline.chrome[line]
            || ctx.outline.heading_at(line).is_some()
            || trim_indent(ctx.doc.line(line)).is_empty()
            || lost_siblings
                .iter()
                .any(|r| r.line == line && r.level < level)
        {
            continue;
        }
        // "五)" below "6." is the next "（五）" lost among the "1." items: it belongs to the
        // level of its numeral, not to the items' list.
        let in_child = in_child_block(line);
        if in_child && !han_level {
            continue;
        }
        let candidate = classify_candidate(ctx, line);
        let han_marker = candidate.as_ref().is_some_and(|c| c.han);
        if (in_child && !han_marker) || (han_marker && !han_level) {
            continue;
        }
        match candidate {
            Some(c) => slots.push(Slot::Candidate(c)),
            None if members.is_empty() => return Vec::new(),
            None => {}
        }
    }
    slots.sort_by_key(|s| match s {
        Slot::Numbered(h) => h.line,
        Slot::Candidate(c) => c.line,
    });
    slots
}

/// The group's level, and the outline's top level, are given together.
fn check_group(
    ctx: &Context,
    (level, top): (u8, Option<u8>),
    slots: &[Slot],
    lost_siblings: &[LostSibling],
    assigned: &mut HashMap<usize, String>,
    out: &mut Findings,
) {
    // "第三部分　": the gap that sets a part's number off is not quoted.
    let text = |r: &Range<usize>| ctx.doc.text[r.clone()].trim_end().to_string();
    let mut expected = 1u32;
    let mut last: Option<(u32, String)> = None;
    // A title numbered "一、" (GW0312) took the parts' first number, unless they start
    // from "一、" all the same.
    let first_number = slots.iter().find_map(Slot::number);
    if Some(level) == top
        && first_number != Some(1)
        && let Some((marker, 1)) = title_marker::numbered_as(ctx, level)
    {
        expected = 2;
        last = Some((1, marker));
    }
    let mut last_line: Option<usize> = None;
    let mut i = 0;
    let any_numbered = slots.iter().any(|s| matches!(s, Slot::Numbered(_)));
    if let Some(d) = swapped(ctx, level, slots) {
        out.push(d);
        return;
    }
    while i < slots.len() {
        match &slots[i] {
            Slot::Numbered(h) => {
                let shown = text(&h.marker);
                let next = slots[i + 1..].iter().find_map(Slot::number);
                // "（一）…。（二）…。" on one line, then "（三）": the numbers between were
                // written into the paragraph before.
                if let Some(l) = last_line
                    && h.number > expected
                    && run_in_siblings(ctx, l..h.line, level, expected..h.number)
                {
                    expected = h.number;
                }
                // "（二）（二）（四）": once the second "（二）" is read as the "（三）" it should
                // be, "（四）" follows; otherwise the rest is counted on from this number.
                let misnumbered = h.number != expected && next == Some(expected + 1);
                if last_line.is_some_and(|l| numbered_by_markdown(ctx, l, h.line)) {
                    // Quoted as the page shows it.
                    last_line = Some(h.line);
                    last = Some((expected, expected_marker(level, expected)));
                    expected += 1;
                    i += 1;
                    continue;
                }
                if let Some(d) =
                    sequence_finding(h, level, expected, last.as_ref(), &shown, misnumbered)
                {
                    // One missing, and one line between that reads like a heading: the
                    // finding goes where the number is to be put back.
                    let gap = last_line
                        .filter(|_| h.number == expected + 1)
                        .map(|l| l + 1..h.line);
                    let lost = gap.clone().and_then(|g| lost_heading(ctx, g));
                    // Or a run-in heading, its list run on after its lead ("…执法。一是…").
                    let run_in = gap.and_then(|g| {
                        lost_siblings
                            .iter()
                            .find(|r| r.level == level && g.contains(&r.line))
                    });
                    // The first part's heading, above the first number ("二、"), lost its own.
                    let lost_first = (last.is_none() && h.number == 2 && Some(level) == top)
                        .then(|| lost_part_title(ctx, gap_above(ctx, h.line, level)))
                        .flatten();
                    let want = expected_marker(level, expected);
                    match (lost, lost_first, &last, run_in) {
                        // "二)规范执法行为": what is left of the marker is GW0306's, told
                        // the number it should be.
                        (Some(lost), _, _, _) if damaged_marker(ctx, lost).is_some() => {
                            assigned.insert(lost, want);
                        }
                        (Some(lost), _, Some((_, prev)), _) => out.push(lost_marker(
                            ctx,
                            line_words(ctx, lost),
                            &format!("“{prev}”之后是“{shown}”"),
                            Some(&shown),
                            &want,
                        )),
                        (_, Some(lost), None, _) => out.push(lost_marker(
                            ctx,
                            line_words(ctx, lost),
                            &format!("第一个标题是“{shown}”"),
                            Some(&shown),
                            &want,
                        )),
                        (None, _, Some((_, prev)), Some(r)) => out.push(lost_marker(
                            ctx,
                            r.words.clone(),
                            &format!("“{prev}”之后是“{shown}”"),
                            Some(&shown),
                            &want,
                        )),
                        _ => out.push(d),
                    }
                }
                last_line = Some(h.line);
                expected = if misnumbered {
                    expected + 1
                } else {
                    h.number + 1
                };
                last = Some((h.number, shown));
                i += 1;
            }
            Slot::Candidate(_) => {
                let run_end = slots[i..]
                    .iter()
                    .position(|s| matches!(s, Slot::Numbered(_)))
                    .map_or(slots.len(), |p| i + p);
                let run = &slots[i..run_end];
                let next_number = match slots.get(run_end) {
                    Some(Slot::Numbered(h)) => Some(h.number),
                    _ => None,
                };
                // After the last number, a lead with a colon ("分析原因：一是…") sums up the
                // list above; it is no item of it.
                let colon_led = |s: &Slot| {
                    matches!(s, Slot::Candidate(c)
                        if ctx.doc.text[c.lead.end..].starts_with(['：', ':']))
                };
                let fits = match next_number {
                    Some(n) => n >= expected && (n - expected) as usize == run.len(),
                    None => (any_numbered || run.len() >= 2) && !run.iter().any(colon_led),
                };
                for (j, s) in run.iter().enumerate() {
                    if let Slot::Candidate(c) = s {
                        // "1)" after "3.": a list of its own below, not the siblings' number.
                        let own_list = c
                            .damaged
                            .as_ref()
                            .is_some_and(|d| arabic_half(&ctx.doc.text[d.clone()]).is_some());
                        let n = fits
                            .then_some(expected + j as u32)
                            .or(c.number.filter(|_| !own_list));
                        let Some(want) = n.map(|n| expected_marker(level, n)) else {
                            continue;
                        };
                        if c.damaged.is_none() {
                            missing_marker(ctx, c, &want, out);
                        }
                        assigned.insert(c.line, want);
                    }
                }
                if fits {
                    expected += run.len() as u32;
                }
                i = run_end;
            }
        }
    }
    // The last part's heading, after the last number, lost its own.
    if Some(level) == top
        && let (Some(line), Some((_, prev))) = (last_line, &last)
        && let Some(lost) = lost_part_title(ctx, gap_below(ctx, line, level))
    {
        out.push(lost_marker(
            ctx,
            line_words(ctx, lost),
            &format!("最后一个标题是“{prev}”"),
            None,
            &expected_marker(level, expected),
        ));
    }
}

/// The lines above the heading on `line`, back to the heading of `level` or higher before
/// it, where the first part's heading may have lost its number; bounded, so that a report
/// pasted into itself is not read from its start for each part.
fn gap_above(ctx: &Context, line: usize, level: u8) -> Range<usize> {
    let o = ctx.outline;
    let k = o.headings.partition_point(|h| h.line < line);
    let from = o.headings[..k]
        .iter()
        .rev()
        .find(|h| (1..=level).contains(&h.level()))
        .map_or(o.body.start, |h| h.line + 1);
    from..line
}

/// The lines below the heading on `line`, on to the next heading of `level` or higher,
/// where the last part's heading may have lost its number.
fn gap_below(ctx: &Context, line: usize, level: u8) -> Range<usize> {
    let o = ctx.outline;
    let k = o.headings.partition_point(|h| h.line <= line);
    let to = o.headings[k..]
        .iter()
        .find(|h| (1..=level).contains(&h.level()))
        .map_or(o.body.end, |h| h.line);
    line + 1..to.max(line + 1)
}

/// Each of `numbers`, as a marker of `level`, starts a sentence within `lines`, in order.
fn run_in_siblings(ctx: &Context, lines: Range<usize>, level: u8, numbers: Range<u32>) -> bool {
    let text = &ctx.doc.text[content_span(ctx.doc, lines.start).start
        ..content_span(ctx.doc, lines.end.saturating_sub(1).max(lines.start)).end];
    let mut at = 0;
    numbers.into_iter().all(|n| {
        let marker = expected_marker(level, n);
        let found = text[at..].match_indices(marker.as_str()).find(|(k, _)| {
            text[..at + k]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '。' | '；'))
        });
        found.is_some_and(|(k, m)| {
            at += k + m.len();
            true
        })
    })
}

/// The mark after a marker's numeral, full and half width alike ("）" and ")").
fn mark_form(marker: &str) -> Option<char> {
    marker.chars().last().map(crate::text::halfwidth)
}

/// Longest line that reads like a heading without its marker.
const MAX_LOST_HEADING_CHARS: usize = 30;

/// The one line in `lines` that reads like a heading whose marker was lost: short, no
/// closing punctuation, not a table row; none when there are several.
fn lost_heading(ctx: &Context, lines: Range<usize>) -> Option<usize> {
    let o = ctx.outline;
    let mut found = lines.filter(|&i| {
        let t = trim_indent(ctx.doc.line(i)).trim_end();
        let n = t.chars().count();
        !o.chrome[i]
            && !o.table_rows[i]
            && o.heading_at(i).is_none()
            // Not the title of "第三部分" on the line above.
            && o.heading_over(i).is_none_or(|h| h.title.start < ctx.doc.lines[i].start)
            && (4..=MAX_LOST_HEADING_CHARS).contains(&n)
            && crate::text::han_count(t) * 2 > n
            && !t.ends_with(['；', '：', '，', ';', ':', ',', '！', '？', '…', '、'])
            // "健全依法行政制度体系。": headings on their own line may end in 。; a short
            // sentence has a figure or a clause mark.
            && t.strip_suffix('。').is_none_or(|head| {
                !head.contains(['。', '，', '；', '：', ',', ';', ':', '、'])
                    && !head.chars().any(crate::text::is_digit)
            })
    });
    let first = found.next()?;
    let Some(second) = found.next() else {
        return Some(first);
    };
    // Of several, the one that kept part of its marker ("二)规范执法行为").
    let mut damaged = [first, second]
        .into_iter()
        .chain(found)
        .filter(|&l| damaged_marker(ctx, l).is_some());
    let one = damaged.next()?;
    damaged.next().is_none().then_some(one)
}

/// Line `at` is an item of the Markdown ordered list that line `prev` is an item of: the
/// page shows the number after `prev`'s, whatever `at` has typed. Lines between are blank
/// or the items' own indented paragraphs.
fn numbered_by_markdown(ctx: &Context, prev: usize, at: usize) -> bool {
    let doc = ctx.doc;
    let item = |k: usize| crate::markdown::ordered_item_len(trim_indent(doc.line(k))).is_some();
    doc.format == crate::document::Format::Markdown
        && item(prev)
        && item(at)
        && (prev + 1..at).all(|k| {
            let line = doc.line(k);
            line.trim().is_empty() || line.starts_with([' ', '\t'])
        })
}

fn sequence_finding(
    h: &Heading,
    level: u8,
    expected: u32,
    last: Option<&(u32, String)>,
    shown: &str,
    misnumbered: bool,
) -> Option<Diagnostic> {
    let want = expected_marker(level, expected);
    let message = match last {
        _ if h.number == expected => return None,
        None => format!(
            "序号没有从“{}”开始：本级第一个标题是“{shown}”",
            expected_marker(level, 1)
        ),
        // "四、…" then "一.…二.": written differently, the new run is more likely a lower
        // level in the wrong form (GW0305 says so) than a restart of this one.
        Some((_, prev)) if h.number == 1 && mark_form(prev) != mark_form(shown) => {
            return None;
        }
        Some((_, prev)) if h.number == 1 => {
            format!("序号在“{prev}”之后重新从“{shown}”开始，应为“{want}”")
        }
        Some((n, prev)) if h.number == *n => {
            format!("序号重复：“{prev}”之后又是“{shown}”，应为“{want}”")
        }
        Some((n, prev)) if h.number < *n => {
            format!("序号倒退：“{prev}”之后是“{shown}”，应为“{want}”")
        }
        // "二、四、四、": the next one goes on from the number this one should have.
        Some((_, prev)) if misnumbered => {
            format!("序号不连续：“{prev}”之后是“{shown}”，应为“{want}”（下一个标题的序号接续正确）")
        }
        Some((_, prev)) => {
            let missing: Vec<String> = (expected..h.number)
                .map(|k| expected_marker(level, k))
                .collect();
            format!(
                "序号不连续：“{prev}”之后是“{shown}”，缺少{}",
                quote_list(&missing)
            )
        }
    };
    // Word's numbering is mended in Word: the advice says how, once.
    let (message, help) = if h.auto {
        (
            format!("{message}（此序号由 Word 自动编号生成）"),
            format!(
                "同一上级标题下的同级序号应依次递增，这里应为“{want}”：如确有缺项，补齐缺少的内容；否则在 Word 中右键单击该编号，选“继续编号”或“设置编号值”，不要手工改动编号文字"
            ),
        )
    } else {
        (
            message,
            format!(
                "同一上级标题下的同级序号应依次递增，这里应为“{want}”；如确有缺项，请补齐内容或重新编号"
            ),
        )
    };
    Some(Diagnostic::new(
        &HEADING_SEQUENCE,
        h.marker.clone(),
        message,
        help,
    ))
}

/// "（二）（一）": every number of the group is there once, out of order. One finding at the
/// first heading out of place, not one at each.
fn swapped(ctx: &Context, level: u8, slots: &[Slot]) -> Option<Diagnostic> {
    let headings: Vec<&Heading> = slots
        .iter()
        .map(|s| match s {
            Slot::Numbered(h) => Some(*h),
            Slot::Candidate(_) => None,
        })
        .collect::<Option<_>>()?;
    let mut numbers: Vec<u32> = headings.iter().map(|h| h.number).collect();
    numbers.sort_unstable();
    let in_place = |k: usize, h: &Heading| h.number as usize == k + 1;
    if numbers
        .iter()
        .enumerate()
        .any(|(k, &n)| n as usize != k + 1)
        || headings.iter().enumerate().all(|(k, h)| in_place(k, h))
    {
        return None;
    }
    let (k, h) = headings
        .iter()
        .enumerate()
        .find(|(k, h)| !in_place(*k, h))?;
    let shown = |h: &Heading| ctx.doc.text[h.marker.clone()].trim_end().to_string();
    let want = expected_marker(level, k as u32 + 1);
    let order: String = headings.iter().map(|h| format!("“{}”", shown(h))).collect();
    Some(Diagnostic::new(
        &HEADING_SEQUENCE,
        h.marker.clone(),
        format!(
            "序号顺序颠倒：本级标题依次为{order}，“{}”排在了“{want}”之前{}",
            shown(h),
            auto_note(h)
        ),
        format!(
            "同一上级标题下的同级序号应依次递增：调换这几部分的先后，或按出现的顺序重新编号（这里应为“{want}”）"
        ),
    ))
}

fn quote_list(items: &[String]) -> String {
    match items {
        [one] => format!("“{one}”"),
        [first, second] => format!("“{first}”“{second}”"),
        [first, .., last] => format!("“{first}”至“{last}”"),
        [] => String::new(),
    }
}

/// The words of line `i`, without the blanks around them.
fn line_words(ctx: &Context, i: usize) -> Range<usize> {
    let span = content_span(ctx.doc, i);
    span.start..span.start + ctx.doc.text[span.clone()].trim_end().len()
}

/// The words at `span` read like the heading whose number `want` is missing: a line of its
/// own, or the lead of a paragraph; `around` says where the numbers jump ("“一、”之后是
/// “三、”"), `next` is the number after it, if any.
fn lost_marker(
    ctx: &Context,
    span: Range<usize>,
    around: &str,
    next: Option<&str>,
    want: &str,
) -> Diagnostic {
    let words = &ctx.doc.text[span.clone()];
    let whole_line = span == line_words(ctx, ctx.doc.line_index(span.start));
    let (place, start) = if whole_line {
        ("这一行", "这一行开头")
    } else {
        ("段首的", "段首")
    };
    let check = next.map_or(String::new(), |n| {
        format!("；如果它不是小标题，请核对“{n}”的编号")
    });
    Diagnostic::new(
        &HEADING_MARKER_MISSING,
        span,
        format!("{around}，缺少“{want}”：{place}“{words}”像是丢了序号的小标题"),
        format!("在{start}补上序号“{want}”{check}"),
    )
}

/// The one line in `lines` that is the heading of a statutory part no numbered heading
/// names, without its number.
fn lost_part_title(ctx: &Context, lines: Range<usize>) -> Option<usize> {
    let headed = |part: &crate::profile::Part| {
        ctx.outline
            .headings
            .iter()
            .any(|h| ctx.heading_part(h).is_some_and(|p| std::ptr::eq(p, part)))
    };
    let mut found = lines.filter(|&i| unnumbered_part_title(ctx, i).is_some_and(|p| !headed(p)));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

fn missing_marker(ctx: &Context, c: &Candidate, want: &str, out: &mut Findings) {
    let lead = &ctx.doc.text[c.lead.clone()];
    out.push(Diagnostic::new(
        &HEADING_MARKER_MISSING,
        c.lead.clone(),
        format!("“{lead}”是小标题，但缺少序号，应为“{want}{lead}”"),
        format!("在段首补上序号“{want}”，并在小标题后用句号与正文隔开"),
    ));
}

#[cfg(test)]
mod tests;
