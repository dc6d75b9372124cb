//! Punctuation the outline positions fix: the colon after the 主送机关 (GB/T 9704-2012
//! 7.3.2) and the 。 that ends a heading run into its paragraph (rules.md R-F03, R-P08).

use super::{ADDRESSEE_COLON, RUN_IN_HEADING};
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::{ADDRESSEE_COLONS, Heading, MarkerKind, content_span};
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::text::char_len;

/// A run-in heading this long, split by two commas, has swallowed the start of its body.
const LONG_RUN_IN: usize = 40;
/// Characters of the heading shown when its end is unknown.
const SHOWN: usize = 20;

pub fn check(ctx: &Context, out: &mut Findings) {
    addressee(ctx, out);
    run_in(ctx, out);
}

fn addressee(ctx: &Context, out: &mut Findings) {
    let Some(i) = ctx.outline.addressee else {
        return;
    };
    let span = content_span(ctx.doc, i);
    let t = &ctx.doc.text[span.clone()];
    // "市委、市政府" or "市委、市政府，": the colon is missing.
    if !t.ends_with(ADDRESSEE_COLONS) {
        let body = t.trim_end_matches(['，', ',', '；', ';', '。']);
        // "市委、市政府，": the mark written stands where the colon goes.
        let message = match &t[body.len()..] {
            "" => format!("主送机关“{body}”后缺少冒号“：”"),
            written => format!("主送机关“{body}”后的“{written}”应为冒号“：”"),
        };
        out.push(
            Diagnostic::new(
                &ADDRESSEE_COLON,
                span.start + body.len()..span.end,
                message,
                "在最后一个主送机关名称后标全角冒号“：”（GB/T 9704-2012 7.3.2）",
            )
            .with_fix("：", true),
        );
        return;
    }
    let Some(colon) = t.chars().next_back().filter(|&c| c != '：') else {
        return;
    };
    out.push(
        Diagnostic::new(
            &ADDRESSEE_COLON,
            span.end - colon.len_utf8()..span.end,
            format!("主送机关“{t}”后应使用全角冒号“：”"),
            "在最后一个主送机关名称后标全角冒号“：”（GB/T 9704-2012 7.3.2）",
        )
        .with_fix("：", true),
    );
}

/// Words that open a sentence rather than a heading: its subject.
const SUBJECTS: [&str; 10] = [
    "某",
    "我委",
    "我局",
    "我院",
    "我中心",
    "全年",
    "今年",
    "本年",
    "当事人",
    "该",
];

/// A numbered item that is a sentence, not a heading run into its text: a figure in its
/// first clause ("全年共受理行政复议申请12件，"; not one in a title or brackets, "制定《…》
/// （云政办发[2023]26号）") or a subject opening it ("某民营医院…").
fn reads_as_sentence(title: &str) -> bool {
    let first = title.split(['，', ',', '；', ';']).next().unwrap_or(title);
    let mut depth = 0usize;
    let counts = first.chars().any(|c| {
        match c {
            '《' | '（' | '(' | '[' | '〔' => depth += 1,
            '》' | '）' | ')' | ']' | '〕' => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0 && crate::text::is_digit(c)
    });
    counts || SUBJECTS.iter().any(|s| first.starts_with(s))
}

/// "（一）依法行政能力有待提升，…；（二）执法力量薄弱，…": items listed in one paragraph,
/// each opening with its number after a ；: no heading and its text.
fn inline_list(title: &str) -> bool {
    static_regex!(r"[；;。]\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)")
        .is_match(title)
}

/// "1.如何健全组织领导体系？委党组…": a heading that asks ends at its ？ (or ！).
fn asks(title: &str) -> bool {
    title.find(['？', '！']).is_some_and(|k| {
        !title[..k].contains(['，', ',', '；', ';', '。']) && char_len(&title[..k]) <= LONG_RUN_IN
    })
}

/// "（三）推进公正文明执法一是落实…；二是…": the heading's text runs straight into a
/// 一是/二是 list, with no mark between. Where the heading ends: at the 一是.
fn enumeration_run_on(title: &str) -> Option<usize> {
    let at = title.find("一是")?;
    let before = &title[..at];
    let prev = before.chars().next_back()?;
    // "统一是", "唯一是", "如一是", "周一是": 一 ends a word there.
    let ends_word = matches!(
        prev,
        '统' | '唯'
            | '第'
            | '万'
            | '同'
            | '单'
            | '专'
            | '归'
            | '合'
            | '划'
            | '均'
            | '逐'
            | '之'
            | '如'
            | '周'
            | '说'
            | '星'
            | '礼'
            | '初'
    );
    // A list goes on after a clause mark: "…；二是…" (not "说二是二").
    let listed = ["；二是", "，二是", "。二是", ";二是", ",二是"]
        .iter()
        .any(|m| title[at..].contains(m));
    (crate::text::is_han(prev)
        && !ends_word
        && listed
        && char_len(before) <= MAX_HEADING_CLAUSE
        && !before.contains(['，', ',', '；', ';', '。', '：', ':']))
    .then_some(at)
}

/// Longest first clause read as a heading that lost its stop.
const MAX_HEADING_CLAUSE: usize = 20;

/// A title that is plainly a heading: short, no clause inside it, stopped before its text
/// or alone on its line.
fn heading_shaped(text: &str, h: &Heading) -> bool {
    let title = &text[h.title.clone()];
    let alone = !h.run_in && !h.terminated && !title.ends_with('。');
    (stopped_run_in(text, h) || alone)
        && char_len(title) <= LONG_RUN_IN
        && clause_marks(title).next().is_none()
}

/// The commas and semicolons that part the title's clauses: not those inside quotation
/// marks, a title or brackets ("以“学习《民法典》，守护美好生活”为主题").
fn clause_marks(title: &str) -> impl Iterator<Item = usize> + '_ {
    let mut depth = 0usize;
    title.char_indices().filter_map(move |(at, c)| {
        match c {
            '“' | '‘' | '《' | '（' | '(' | '〔' | '[' => depth += 1,
            '”' | '’' | '》' | '）' | ')' | '〕' | ']' => depth = depth.saturating_sub(1),
            '，' | ',' | '；' | ';' if depth == 0 => return Some(at),
            _ => {}
        }
        None
    })
}

/// A heading written "标题。正文" as it should be.
fn stopped_run_in(text: &str, h: &Heading) -> bool {
    h.run_in && h.terminated && char_len(&text[h.title.clone()]) <= LONG_RUN_IN
}

/// Heading `k` is one sentence that runs past two commas ("（三）加强法治宣传教育，组织…，
/// 发放…。") where its siblings are written "标题。正文": its heading lost the stop.
fn sentence_among_run_ins(text: &str, groups: &mut Siblings, k: usize) -> bool {
    let headings = groups.headings;
    let h = &headings[k];
    let title = &text[h.title.clone()];
    let first = title.split(['，', ',']).next().unwrap_or(title);
    // "（三）守护健康，法治同行！以…": the heading ends at its ！ or ？.
    if h.run_in
        || !h.terminated
        || title.contains(['！', '？', '!', '?'])
        || title.matches(['，', ',']).count() < 2
        || char_len(first) > MAX_HEADING_CLAUSE
        || reads_as_sentence(title)
    {
        return false;
    }
    let Tally { all, stopped, .. } = groups.of(text, k);
    all >= 2 && stopped * 2 > all
}

/// What the siblings of a heading are like: those of its kind, back and forward to a
/// heading of a higher level. Counted once for each group, not once for each of its
/// headings: a long list of "1." items is linear.
struct Siblings<'h> {
    headings: &'h [Heading],
    /// For each heading, the nearest before and after it of a higher level.
    before: Vec<Option<usize>>,
    after: Vec<Option<usize>>,
    groups: std::collections::HashMap<(Option<usize>, Option<usize>, MarkerKind), Tally>,
}

/// Of a group of headings: how many, how many written "标题。正文", how many not one
/// sentence, how many plainly headings (a short title alone on its line, or stopped).
#[derive(Clone, Copy, Default)]
struct Tally {
    all: usize,
    stopped: usize,
    not_one_sentence: usize,
    headed: usize,
}

impl Tally {
    fn of(text: &str, h: &Heading) -> Tally {
        Tally {
            all: 1,
            stopped: usize::from(stopped_run_in(text, h)),
            not_one_sentence: usize::from(!one_sentence(text, h)),
            headed: usize::from(heading_shaped(text, h)),
        }
    }

    fn plus(self, other: Tally) -> Tally {
        Tally {
            all: self.all + other.all,
            stopped: self.stopped + other.stopped,
            not_one_sentence: self.not_one_sentence + other.not_one_sentence,
            headed: self.headed + other.headed,
        }
    }

    fn without(self, other: Tally) -> Tally {
        Tally {
            all: self.all - other.all,
            stopped: self.stopped - other.stopped,
            not_one_sentence: self.not_one_sentence - other.not_one_sentence,
            headed: self.headed - other.headed,
        }
    }
}

impl<'h> Siblings<'h> {
    fn new(headings: &'h [Heading]) -> Siblings<'h> {
        let higher = |order: &mut dyn Iterator<Item = usize>| {
            let mut nearest = vec![None; headings.len()];
            let mut stack: Vec<usize> = Vec::new();
            for k in order {
                let level = headings[k].level();
                while stack.last().is_some_and(|&j| headings[j].level() >= level) {
                    stack.pop();
                }
                nearest[k] = stack.last().copied();
                stack.push(k);
            }
            nearest
        };
        Siblings {
            headings,
            before: higher(&mut (0..headings.len())),
            after: higher(&mut (0..headings.len()).rev()),
            groups: Default::default(),
        }
    }

    /// The siblings of heading `k`, itself left out.
    fn of(&mut self, text: &str, k: usize) -> Tally {
        let h = &self.headings[k];
        let (from, to) = (self.before[k], self.after[k]);
        let headings = self.headings;
        let group = *self.groups.entry((from, to, h.kind)).or_insert_with(|| {
            let start = from.map_or(0, |j| j + 1);
            let end = to.unwrap_or(headings.len());
            headings[start..end]
                .iter()
                .filter(|g| g.kind == h.kind)
                .fold(Tally::default(), |t, g| t.plus(Tally::of(text, g)))
        });
        group.without(Tally::of(text, h))
    }
}

/// The item is its paragraph, one sentence ending in 。 (a short one's title stops before
/// it, a long one's runs to it).
fn one_sentence(text: &str, g: &Heading) -> bool {
    let title = &text[g.title.clone()];
    if g.terminated {
        !g.run_in && text[g.title.end..].starts_with('。') && !title.contains(['：', ':'])
    } else {
        title
            .strip_suffix('。')
            .is_some_and(|t| !t.contains(['。', '：', ':']))
    }
}

/// Heading `k` is one long sentence among siblings that are sentences too, none written
/// "标题。正文" (a plan's items: "（四）对照《…》做好收官评估，谋划…工作。").
fn sentence_among_sentences(text: &str, groups: &mut Siblings, k: usize) -> bool {
    let siblings = groups.of(text, k);
    siblings.all >= 1 && siblings.not_one_sentence == 0 && one_sentence(text, &groups.headings[k])
}

fn run_in(ctx: &Context, out: &mut Findings) {
    let text = &ctx.doc.text;
    let headings = &ctx.outline.headings;
    let mut groups = Siblings::new(headings);
    for (k, h) in headings.iter().enumerate() {
        if ctx.outline.chrome[h.line] {
            continue;
        }
        let title = &text[h.title.clone()];
        if let Some(end) = enumeration_run_on(title) {
            let shown = &title[..end];
            out.push(Diagnostic::new(
                &RUN_IN_HEADING,
                h.title.start..h.title.start + end,
                format!("小标题后直接接“一是”，中间缺少句号：“{shown}”"),
                "在小标题末尾加“。”，再接“一是……二是……”",
            ));
            continue;
        }
        if !h.run_in && !sentence_among_run_ins(text, &mut groups, k) {
            continue;
        }
        let clauses = clause_marks(title).count();
        let run_on = h.terminated && char_len(title) > LONG_RUN_IN && clauses >= 2;
        let lost_stop = !h.run_in || run_on || !h.terminated;
        // Among items that are mostly sentences, not headed by a plain title, a long first
        // sentence is the items' style, not a heading that swallowed its text.
        let sentence_style = h.run_in && {
            let siblings = groups.of(text, k);
            siblings.all > 0 && siblings.headed * 2 <= siblings.all
        };
        if !lost_stop
            || sentence_style
            || inline_list(title)
            || asks(title)
            || (h.run_in && reads_as_sentence(title))
            || (!h.terminated && sentence_among_sentences(text, &mut groups, k))
        {
            continue;
        }
        // Up to the first clause mark: the most the heading can be.
        let cut = title
            .char_indices()
            .nth(SHOWN)
            .map_or(title.len(), |(b, _)| b);
        let end = clause_marks(title)
            .next()
            .filter(|&b| b <= cut)
            .unwrap_or(cut);
        if end == 0 {
            continue;
        }
        let shown = &title[..end];
        // "健全制度体系.印发…": the stop is there, half-width, which GW0501 reports.
        if static_regex!(r"\p{Han}[.．]\p{Han}").is_match(shown) {
            continue;
        }
        out.push(Diagnostic::new(
            &RUN_IN_HEADING,
            h.title.start..h.title.start + end,
            format!("小标题与正文连写，小标题后缺少句号：“{shown}…”"),
            "在小标题末尾加“。”，再接正文（小标题单独成行时不加标点）",
        ));
    }
}
