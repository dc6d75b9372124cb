//! The shape of marks: 省略号 "……" and 破折号 "——" (GB/T 15834-2011 4.10, 4.11), and the
//! same point mark written twice ("，，", "。。") or two point marks in a row ("，。").

use super::chars::{is_cjk, is_cjk_point};
use super::{ELLIPSIS_DASH, REPEATED_PUNCTUATION};
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use regex::Regex;
use std::sync::OnceLock;

fn shape_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?P<dots>\.{3,}|。{3,}|…+|·{3,}|．{3,})|(?P<dash>-{2,}|－{2,}|―{2,}|─{2,}|—{3,})",
        )
        .expect("shape regex")
    })
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (_, span, t) in ctx.lines() {
        shapes(t, span.start, out);
        repeated(t, span.start, out);
    }
}

fn shapes(t: &str, base: usize, out: &mut Vec<Diagnostic>) {
    if !t.contains(['.', '。', '…', '·', '．', '-', '－', '―', '─', '—']) {
        return;
    }
    for c in shape_regex().captures_iter(t) {
        let Some(m) = c.get(0) else { continue };
        let shown = m.as_str();
        let prev = t[..m.start()].chars().next_back();
        let next = t[m.end()..].chars().next();
        let beside_cjk = prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
        let (want, what) = if c.name("dots").is_some() {
            if shown == "……" || (!beside_cjk && !shown.contains('…')) {
                continue;
            }
            ("……", "省略号")
        } else {
            if !beside_cjk {
                continue;
            }
            ("——", "破折号")
        };
        out.push(
            Diagnostic::new(
                &ELLIPSIS_DASH,
                base + m.start()..base + m.end(),
                format!("{what}的写法不规范：“{shown}”应为“{want}”"),
                format!("改为“{want}”（GB/T 15834-2011：{what}占两个字的位置）"),
            )
            .with_fix(want, true),
        );
    }
}

fn repeated(t: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let cs: Vec<(usize, char)> = t.char_indices().collect();
    let mut k = 0;
    while k + 1 < cs.len() {
        let (at, a) = cs[k];
        let b = cs[k + 1].1;
        if !is_cjk_point(a) || !is_cjk_point(b) {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < cs.len() && is_cjk_point(cs[end].1) {
            end += 1;
        }
        let stop = cs.get(end).map_or(t.len(), |&(b, _)| b);
        let run = &t[at..stop];
        // 。。。 is an ellipsis, reported above.
        if run.chars().all(|c| c == '。') && run.chars().count() >= 3 {
            k = end;
            continue;
        }
        let same = run.chars().all(|c| c == a);
        let mut d = Diagnostic::new(
            &REPEATED_PUNCTUATION,
            base + at..base + stop,
            if same {
                format!("标点“{a}”重复：“{run}”")
            } else {
                format!("标点连用：“{run}”")
            },
            if same {
                format!("只保留一个“{a}”")
            } else {
                "只保留一个合适的标点".to_string()
            },
        );
        if same {
            d = d.with_fix(a.to_string(), true);
        }
        out.push(d);
        k = end;
    }
}
