//! A year in Chinese numerals with an Arabic 0 or a letter O for its 〇 ("二0二四年",
//! "二O二四年") in the body; the 成文日期's is GW0203's.

use super::MIXED_YEAR_NUMERALS;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;

/// Four characters of a year, Chinese numerals mixed with 0 or O, then 年.
fn pattern() -> &'static regex::Regex {
    static_regex!(r"[一二三四五六七八九〇○零0０OoＯ]{4}年")
}

/// What the 0 or O stands for.
fn is_zero_typed(c: char) -> bool {
    matches!(c, '0' | '０' | 'O' | 'o' | 'Ｏ')
}

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    let dated = ctx.outline.date.as_ref().map(|d| d.line);
    for i in 0..doc.line_count() {
        if ctx.outline.chrome[i] || Some(i) == dated || !doc.line(i).contains('年') {
            continue;
        }
        let span = content_span(doc, i);
        let line = &doc.text[span.clone()];
        for m in pattern().find_iter(line) {
            let year = m.as_str().trim_end_matches('年');
            let chinese = year
                .chars()
                .filter(|c| "一二三四五六七八九".contains(*c))
                .count();
            // "2O24年" is a letter among digits (GW0415's); a code touches no year.
            let touching = line[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            if chinese < 2 || !year.chars().any(is_zero_typed) || touching {
                continue;
            }
            let want: String = year
                .chars()
                .map(|c| if is_zero_typed(c) { '〇' } else { c })
                .collect();
            out.push(
                Diagnostic::new(
                    &MIXED_YEAR_NUMERALS,
                    span.start + m.start()..span.start + m.start() + year.len(),
                    format!(
                        "年份“{}”中混入了{}，汉字数字的零应写作“〇”",
                        m.as_str(),
                        if year.contains(['0', '０']) {
                            "阿拉伯数字“0”"
                        } else {
                            "字母“O”"
                        }
                    ),
                    match crate::numerals::chinese_year(&format!("{want}年")) {
                        Some((_, y)) => format!(
                            "改为“{want}年”；公文正文中的年份一般用阿拉伯数字，写作“{y}年”（GB/T 15835-2011）"
                        ),
                        None => format!("改为“{want}年”"),
                    },
                )
                .with_fix(want, true),
            );
        }
    }
}
