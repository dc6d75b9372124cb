//! Advertising injected into the text by mirror sites ("…三升体育平台法治政府建设").

use super::SEO_SPAM;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;
use std::ops::Range;

/// Characters between two spam words of one advertisement ("更多精品范文请关注本站").
const MAX_GAP: usize = 6;

pub fn check(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    // One search over the whole text: the words never span lines, and most reports have
    // none, so per-line searches would cost a set-up each for nothing.
    let mut ads: Vec<Vec<Range<usize>>> = Vec::new();
    for m in ctx.lexicon().find_spam(&doc.text) {
        if ctx.outline.chrome[doc.line_index(m.start)] {
            continue;
        }
        // Words a few characters apart on one line are one advertisement, said once.
        let one_ad = |last: &Range<usize>| {
            let gap = &doc.text[last.end.min(m.start)..m.start];
            gap.chars().count() <= MAX_GAP && !gap.contains(['\n', '。', '；'])
        };
        match ads.last_mut() {
            Some(ad) if ad.last().is_some_and(one_ad) => ad.push(m),
            _ => ads.push(vec![m]),
        }
    }
    for ad in ads {
        let (Some(first), Some(last)) = (ad.first(), ad.last()) else {
            continue;
        };
        let words: Vec<String> = ad
            .iter()
            .map(|m| format!("“{}”", &doc.text[m.clone()]))
            .collect();
        out.push(Diagnostic::new(
            &SEO_SPAM,
            first.start..last.end,
            format!("正文中混入了与报告无关的广告词{}", words.join("")),
            "这多半是转载网站插入的垃圾内容；请从原始文件或官方网站重新获取报告",
        ));
    }
}
