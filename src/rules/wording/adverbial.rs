//! 的 for 地 after an adverb: "较好的发挥了作用" (adverb + 的 + verb + 了/着), "扎实的开展各类
//! 活动" (… + verb + an object that starts like one: 各类, 一系列, a figure).

use super::ADVERBIAL_DE;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;

const DE: &str = "的";

/// What follows the verb makes it one: 了/着, or an object that cannot follow a noun
/// ("有效的推进机制" is a noun; "扎实的开展各类活动" is not).
fn verbal_after(rest: &str) -> bool {
    static_regex!(r"^(了|着|各[类项级]|一系列|一批|相关|[0-9０-９])").is_match(rest)
}

/// What ends a subject ("局党组", "我委", "各科室"), or a clause mark: the adverb then opens
/// the predicate ("局党组认真的落实法治建设责任"), where no noun phrase can stand.
fn after_subject(before: &str) -> bool {
    before.is_empty()
        || before.ends_with(['，', '；', '。', '：', ',', ';', ':'])
        || ends_subject(before)
}

/// A body named just before: "本局", "我委", "局党组".
fn ends_subject(before: &str) -> bool {
    before.ends_with([
        '局', '委', '组', '院', '们', '办', '厅', '室', '站', '队', '门',
    ])
}

/// The verb goes on to an object ("落实法治建设责任"), not a noun it heads with its
/// object ("推进措施", "落实情况").
fn takes_object(object: &str) -> bool {
    object.starts_with(crate::text::is_han)
        && !static_regex!(
            r"^(措施|举措|机制|体系|模式|工作|情况|效果|力度|成效|进程|步伐|能力|水平|过程|中)"
        )
        .is_match(object)
}

pub fn check(ctx: &Context, out: &mut Findings) {
    let adverbial = &ctx.lexicon().adverbial;
    let doc = ctx.doc;
    // 的 is one character in thirty: finding it first and then the verb after it is
    // cheaper than searching for every adverb.
    for m in static_regex!(DE).find_iter(&doc.text) {
        let de = m.start();
        let i = doc.line_index(de);
        let line = content_span(doc, i);
        if ctx.outline.chrome[i] || de < line.start || m.end() > line.end {
            continue;
        }
        let rest = &doc.text[m.end()..line.end];
        let Some(v) = adverbial.verbs.longest_at(rest) else {
            continue;
        };
        let verb = adverbial.verbs.word(v);
        let Some(adverb) = adverbial.adverb_before(&doc.text[line.start..de]) else {
            continue;
        };
        let before_adverb = &doc.text[line.start..de - adverb.len()];
        let object = &rest[verb.len()..];
        let verbal = verbal_after(object) || after_subject(before_adverb) && takes_object(object);
        if !verbal {
            continue;
        }
        // "得到及时的处理1200件次", "进行了全面的整改": after a light verb, 的 + verb is
        // its object, a noun phrase.
        if static_regex!(r"(得到|受到|进行|开展|实现|给予|加以|取得|予以)了?$")
            .is_match(before_adverb)
        {
            continue;
        }
        // "建立高效的处置1小时响应机制": the verb begins a noun phrase that a head noun ends.
        let phrase_end = rest.char_indices().nth(12).map_or(rest.len(), |(k, _)| k);
        let phrase = &rest[..phrase_end];
        let phrase = &phrase[..phrase
            .find(['，', '。', '；', '、'])
            .unwrap_or(phrase.len())];
        // After a named subject the verb is the predicate's: "本局不断的完善制度体系".
        if !ends_subject(before_adverb) && static_regex!(r"机制|体系|模式|工作法").is_match(phrase)
        {
            continue;
        }
        // "组织了集中的整改2轮": after a verb with 了, a figure measures a noun phrase.
        let figure_after = rest[verb.len()..].starts_with(|c: char| c.is_ascii_digit());
        if figure_after && before_adverb.ends_with('了') {
            continue;
        }
        out.push(
            Diagnostic::new(
                &ADVERBIAL_DE,
                de..m.end(),
                format!("“{adverb}的{verb}”中的“的”应为“地”"),
                format!("修饰动词用“地”，改为“{adverb}地{verb}”"),
            )
            .with_fix("地".to_string(), false),
        );
    }
}
