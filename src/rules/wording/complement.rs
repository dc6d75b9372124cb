//! 的 for 得 before a complement of degree: "落实的很好", "做的不够到位" (verb + 的 + degree
//! word + adjective, ending the clause). "取得的很好的成绩" goes on to a noun: left alone.

use super::COMPLEMENT_DE;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;

pub fn check(ctx: &Context, out: &mut Findings) {
    let adverbial = &ctx.lexicon().adverbial;
    let complement = static_regex!(
        r"的((?:还|都|也)?(?:很|非常|十分|比较|较为|更加|更为|特别|相当|不够|不太|不)\p{Han}{1,3})[，。；！？]"
    );
    for (_, span, t) in ctx.lines() {
        if !t.contains("的") {
            continue;
        }
        for c in complement.captures_iter(t) {
            let (Some(m), Some(degree)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let degree = degree.as_str();
            // "开展的不是…", "落实的不多见": 不 only before what a complement says.
            if degree.starts_with('不')
                && !static_regex!(r"^不(够|太|到位|扎实|深入|充分|全面|及时|好|力)")
                    .is_match(degree)
            {
                continue;
            }
            let Some(verb) = adverbial.verb_before(&t[..m.start()]) else {
                continue;
            };
            let de = span.start + m.start();
            out.push(
                Diagnostic::new(
                    &COMPLEMENT_DE,
                    de..de + "的".len(),
                    format!("“{verb}的{degree}”中的“的”应为“得”"),
                    format!("动词后接表示程度的补语用“得”，改为“{verb}得{degree}”"),
                )
                .with_fix("得".to_string(), false),
            );
        }
    }
}
