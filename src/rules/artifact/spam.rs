//! Advertising injected into the text by mirror sites ("…三升体育平台法治政府建设").

use super::SEO_SPAM;
use crate::diagnostic::Diagnostic;
use crate::outline::content_span;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let matcher = &ctx.lexicon().spam;
    for i in 0..ctx.doc.line_count() {
        if ctx.outline.chrome[i] {
            continue;
        }
        let span = content_span(ctx.doc, i);
        let t = &ctx.doc.text[span.clone()];
        for m in matcher.find_iter(t) {
            let word = &t[m.start()..m.end()];
            out.push(Diagnostic::new(
                &SEO_SPAM,
                span.start + m.start()..span.start + m.end(),
                format!("正文中混入了与报告无关的广告词“{word}”"),
                "这多半是转载网站插入的垃圾内容；请从原始文件或官方网站重新获取报告",
            ));
        }
    }
}
