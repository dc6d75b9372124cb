//! Advertising injected into the text by mirror sites ("…三升体育平台法治政府建设").

use super::SEO_SPAM;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;

pub fn check(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    // One search over the whole text: the words never span lines, and most reports have
    // none, so per-line searches would cost a set-up each for nothing.
    for m in ctx.lexicon().find_spam(&doc.text) {
        if ctx.outline.chrome[doc.line_index(m.start)] {
            continue;
        }
        let word = &doc.text[m.clone()];
        out.push(Diagnostic::new(
            &SEO_SPAM,
            m,
            format!("正文中混入了与报告无关的广告词“{word}”"),
            "这多半是转载网站插入的垃圾内容；请从原始文件或官方网站重新获取报告",
        ));
    }
}
