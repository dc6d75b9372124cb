//! One percent sign throughout: "％" where the report also writes "%" after half-width
//! digits (rules.md R-N12).

use super::PERCENT_SIGN;
use super::chars::links;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;

pub fn check(ctx: &Context, out: &mut Findings) {
    let mut half = Vec::new();
    let mut full = Vec::new();
    for (_, span, t) in ctx.lines() {
        if !t.contains(['%', '％']) {
            continue;
        }
        // "?q=%E6%B3%95": a link's escapes are no percent signs.
        let links = links(t);
        // How many 《 are open at this point of the line.
        let mut depth = 0usize;
        for (k, c) in t.char_indices() {
            match c {
                '《' => depth += 1,
                '》' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if !matches!(c, '%' | '％') {
                continue;
            }
            // "１００％" keeps its full-width sign; masked "***%" counts as a number.
            let after_number = t[..k]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit() || p == '*');
            // A cited title keeps its own signs: 《…降低10％的通知》.
            if !after_number || depth > 0 || links.iter().any(|l| l.contains(&k)) {
                continue;
            }
            if c == '%' {
                half.push(span.start + k);
            } else {
                full.push(span.start + k);
            }
        }
    }
    if half.is_empty() || full.is_empty() {
        return;
    }
    // "%" beside half-width digits (rules.md R-N12): the full-width sign is the odd one.
    let (odd, from, to, n_keep) = (full, '％', '%', half.len());
    for at in odd {
        out.push(
            Diagnostic::new(
                &PERCENT_SIGN,
                at..at + from.len_utf8(),
                format!("百分号写法不统一：这里是“{from}”，全文另有{n_keep}处用“{to}”"),
                format!("统一为“{to}”"),
            )
            .with_fix(to.to_string(), true),
        );
    }
}
