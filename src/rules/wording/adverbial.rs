//! 的 for 地 after an adverb: "较好的发挥了作用" (adverb + 的 + verb + 了/着).

use super::ADVERBIAL_DE;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::content_span;
use crate::rules::Context;

const DE: &str = "的";

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
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
        if !rest[verb.len()..].starts_with(['了', '着']) {
            continue;
        }
        let Some(adverb) = adverbial.adverb_before(&doc.text[line.start..de]) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &ADVERBIAL_DE,
                de..m.end(),
                format!("“{adverb}的{verb}”中的“的”应为“地”"),
                format!("修饰动词用“地”：{adverb}地{verb}"),
            )
            .with_fix("地".to_string(), false),
        );
    }
}
