//! 的 for 地 after an adverb: "较好的发挥了作用" (adverb + 的 + verb + 了/着).

use super::ADVERBIAL_DE;
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let adverbial = &ctx.lexicon().adverbial;
    let doc = ctx.doc;
    for (start, k) in adverbial.adverbs_de.find_iter(&doc.text) {
        let de = start + adverbial.adverbs_de.word(k).len() - '的'.len_utf8();
        let i = doc.line_index(start);
        let line = content_span(doc, i);
        if ctx.outline.chrome[i] || start < line.start || de >= line.end {
            continue;
        }
        let rest = &doc.text[de + '的'.len_utf8()..line.end];
        let Some(v) = adverbial.verbs.longest_at(rest) else {
            continue;
        };
        let verb = adverbial.verbs.word(v);
        if !rest[verb.len()..].starts_with(['了', '着']) {
            continue;
        }
        let adverb = &doc.text[start..de];
        out.push(
            Diagnostic::new(
                &ADVERBIAL_DE,
                de..de + '的'.len_utf8(),
                format!("“{adverb}的{verb}”中的“的”应为“地”"),
                format!("修饰动词用“地”：{adverb}地{verb}"),
            )
            .with_fix("地".to_string(), false),
        );
    }
}
