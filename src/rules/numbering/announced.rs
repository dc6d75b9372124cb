//! A count announced before a list, against the items listed (GW0311): "主要存在以下三个方面
//! 的不足：一是……；二是……。" — a point was cut and the count kept.

use super::ANNOUNCED_COUNT;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::rules::Context;
use crate::rules::findings::Findings;
use std::ops::Range;

/// The count a lead-in before a colon announces ("以下三个方面的不足", "原因有三"), with its
/// span in `lead`; `None` when it announces none.
pub(super) fn announced(lead: &str) -> Option<(u32, Range<usize>)> {
    let lead = lead.trim_end();
    let lead = lead.strip_suffix(['：', ':'])?;
    // Only the clause the colon ends.
    let clause = lead
        .rfind(['。', '；', ';', '，', ',', '！', '？'])
        .map_or(0, |k| {
            k + lead[k..].chars().next().map_or(1, char::len_utf8)
        });
    let tail = &lead[clause..];
    let count = static_regex!(
        r"(?:以下|如下|下列|下面|这|主要有|有|从|在|围绕|抓好|做到|实现)([两二三四五六七八九十]|[2-9])(个方面|大方面|方面|个问题|个环节|点|项)[^“”《》0-9]{0,8}$|有([两二三四五六七八九十])$"
    );
    let c = count.captures(tail)?;
    let digits = c.get(1).or_else(|| c.get(3))?;
    let said_end = c.get(2).unwrap_or(digits).end();
    // A name in quotes ("“三项制度”") or a count of things (三项制度) is no announcement.
    let after = &tail[digits.end()..];
    if static_regex!(r"^项(?:制度|工作制度|机制|清单|原则)").is_match(after) {
        return None;
    }
    let n = match digits.as_str() {
        "两" => 2,
        d => crate::numerals::parse_chinese(d).or_else(|| d.parse().ok())?,
    };
    Some((n, clause + digits.start()..clause + said_end))
}

/// A list numbered 1 to n after the lead-in that ends at `first`: the count announced
/// must be n. `labels` are the items as written.
pub(super) fn check(ctx: &Context, first: usize, labels: &[&str], out: &mut Findings) {
    let listed = labels.len() as u32;
    let text = &ctx.doc.text;
    let line = ctx.doc.line_index(first);
    let line_start = ctx.doc.lines[line].start;
    // The lead-in ends the item's own line, or the line before when the item leads its.
    let (lead_start, lead) = if text[line_start..first].trim().is_empty() {
        let Some(prev) = (0..line)
            .rev()
            .find(|&i| !ctx.doc.line(i).trim().is_empty())
        else {
            return;
        };
        let l = &ctx.doc.lines[prev];
        (l.start, ctx.doc.line(prev))
    } else {
        (line_start, &text[line_start..first])
    };
    let Some((n, at)) = announced(lead) else {
        return;
    };
    if n == listed || labels.is_empty() {
        return;
    }
    let said = &lead[at.clone()];
    // The count as the lead writes its own: "四个方面" against 三项, "4个方面" against 3项.
    let count = if said.contains(|c: char| c.is_ascii_digit()) {
        listed.to_string()
    } else if listed == 2 {
        "两".to_string()
    } else {
        crate::numerals::to_chinese(listed)
    };
    let only = if listed < n { "只" } else { "" };
    out.push(Diagnostic::new(
        &ANNOUNCED_COUNT,
        lead_start + at.start..lead_start + at.end,
        format!(
            "前面说“{said}”，后面{only}列出了{count}项（{}）",
            labels.join("、")
        ),
        "核对分项：补上缺少的项，或把前面的数目改为实际列出的项数",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_announced_before_a_colon() {
        let said = |s: &str| announced(s).map(|(n, at)| (n, s[at].to_string()));
        assert_eq!(
            said("主要存在以下三个方面的不足："),
            Some((3, "三个方面".into()))
        );
        assert_eq!(said("原因有三："), Some((3, "三".into())));
        assert_eq!(said("我委重点抓好两个方面："), Some((2, "两个方面".into())));
        assert_eq!(said("主要做法有4点："), Some((4, "4点".into())));
        for none in [
            "全面落实三项制度：",
            "主要存在以下不足：",
            "三个方面的不足",
            "全面落实行政执法“三项制度”：",
            "按照三个方面要求，具体如下：",
        ] {
            assert_eq!(said(none), None, "{none}");
        }
    }
}
