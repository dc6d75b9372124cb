//! Invisible characters (zero-width spaces, joiners, soft hyphens) left by a web page or a
//! PDF: they break searching and matching, and a reviewer cannot see them.

use super::INVISIBLE_CHARACTER;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;
use crate::rules::punctuation::chars::is_cjk;
use crate::text::is_invisible;

pub fn check(ctx: &Context, out: &mut Findings) {
    page_breaks(ctx, out);
    // The 成文日期's are said by GW0203 with the rest of its form.
    let date_line = ctx.outline.date.as_ref().map(|d| d.line);
    for (i, span, t) in ctx.lines() {
        if Some(i) == date_line || !t.chars().any(is_invisible) {
            continue;
        }
        let mut chars = t.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !is_invisible(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(k, d)) = chars.peek().filter(|(_, d)| is_invisible(*d)) {
                end = k + d.len_utf8();
                chars.next();
            }
            // A joiner inside an emoji or another script is part of how it is written.
            // (Any of these controls between letters of another script, Mongolian or Arabic,
            // is part of how it is written too.)
            let joiner = t[start..end].contains(['\u{200C}', '\u{200D}']);
            let foreign = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !is_cjk(c));
            let letter = |c: Option<char>| {
                c.is_some_and(|c| c.is_alphabetic() && !c.is_ascii() && !is_cjk(c))
            };
            let (before, after) = (t[..start].chars().next_back(), t[end..].chars().next());
            if joiner && (foreign(before) || foreign(after)) || letter(before) || letter(after) {
                continue;
            }
            let names: Vec<String> = t[start..end].chars().map(name).collect();
            let (before, after) = around(&t[..start], &t[end..]);
            // A line separator after a sentence, or at either end of the line, may stand for
            // the paragraph break the writer meant; inside a sentence it is only in the way.
            let separator = t[start..end].contains(['\u{2028}', '\u{2029}']);
            let meant_break = separator
                && (before.is_empty()
                    || after.is_empty()
                    || before.ends_with(['。', '！', '？', '；', '：']));
            let help = if separator {
                "删除这个字符：它多半是从网页复制时带入的换行，有的软件显示为换行，有的不显示；如果这里应当另起一段，改为回车"
            } else {
                "删除这个字符：它多半是从网页或 PDF 复制时带入的，会妨碍检索和核对"
            };
            out.push(
                Diagnostic::new(
                    &INVISIBLE_CHARACTER,
                    span.start + start..span.start + end,
                    format!("“{before}␣{after}”中有看不见的字符（{}）", names.join("、")),
                    help,
                )
                .with_fix("", !meant_break),
            );
        }
    }
}

/// Form feeds in a text file: where a PDF's text conversion (pdftotext) began each page.
/// Read as indentation by every other rule; in a .docx, a page break is Word's own.
fn page_breaks(ctx: &Context, out: &mut Findings) {
    use crate::document::{Format, PAGE_BREAK};
    if ctx.doc.format == Format::Docx || !ctx.doc.text.contains(PAGE_BREAK) {
        return;
    }
    for i in 0..ctx.doc.line_count() {
        let line = &ctx.doc.lines[i];
        let t = ctx.doc.line(i);
        for (k, _) in t.match_indices(PAGE_BREAK) {
            let words = crate::text::abridged(crate::text::trim_indent(t), 12);
            let place = match (words.is_empty(), k == 0) {
                (true, _) => "空行中".to_string(),
                (false, true) => format!("“{words}”一行的开头"),
                (false, false) => format!("“{words}”一行中"),
            };
            out.push(
                Diagnostic::new(
                    &INVISIBLE_CHARACTER,
                    line.start + k..line.start + k + PAGE_BREAK.len_utf8(),
                    format!("{place}有看不见的换页符（U+000C）"),
                    "这是从 PDF 转换为文本时留下的分页符，删除它；如果一句话被分页隔开，把前后两段接起来",
                )
                .with_fix("", true),
            );
        }
    }
}

/// Four characters either side, widened so that no number is cut ("参训260人次", not "0人次").
pub(super) fn around<'t>(before: &'t str, after: &'t str) -> (&'t str, &'t str) {
    // The bytes of the digits that go on from a cut, at most twelve of them.
    let rest_of_number = |chars: &mut dyn Iterator<Item = char>| -> usize {
        chars
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
            .take(12)
            .map(char::len_utf8)
            .sum()
    };
    let near = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let mut from = before.len() - crate::text::last_chars(before, 4).len();
    if near(before[from..].chars().next()) {
        from -= rest_of_number(&mut before[..from].chars().rev());
    }
    let mut to: usize = after.chars().take(4).map(char::len_utf8).sum();
    if near(after[..to].chars().next_back()) {
        to += rest_of_number(&mut after[to..].chars());
    }
    (&before[from..], &after[..to])
}

fn name(c: char) -> String {
    let what = match c {
        '\0' => "空字符",
        '\u{200B}' => "零宽空格",
        '\u{200C}' => "零宽不连字",
        '\u{200D}' => "零宽连字",
        '\u{2060}' => "字连接符",
        '\u{FEFF}' => "字节顺序标记",
        '\u{00AD}' => "软连字符",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "文字方向控制符"
        }
        '\u{2061}'..='\u{2064}' => "不可见运算符",
        '\u{180E}' => "蒙古文元音分隔符",
        '\u{034F}' => "组合用字素连接符",
        '\u{2028}' => "行分隔符",
        '\u{2029}' => "段分隔符",
        _ => "不可见的填充字符",
    };
    format!("{what} U+{:04X}", u32::from(c))
}
