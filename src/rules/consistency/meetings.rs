//! A Party congress or plenary session named in a report written before it opened
//! (GW0417): "学习贯彻党的二十届三中全会精神" in a report dated 2024年2月5日. The sessions and
//! their dates are rules/meetings.toml.

use super::FUTURE_EVENT;
use crate::diagnostic::Diagnostic;
use crate::lazy_regex::static_regex;
use crate::numerals::parse_chinese;
use crate::outline::content_span;
use crate::rules::Context;
use crate::rules::findings::Findings;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingsFile {
    meeting: Vec<MeetingSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingSpec {
    name: String,
    opened: toml::value::Datetime,
}

/// A congress (session 0) or a plenary session of the Committee it elected.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Session {
    congress: u32,
    number: u32,
}

type Ymd = (i32, u32, u32);

struct Meeting {
    session: Session,
    name: String,
    opened: Ymd,
}

/// "二十大" → (20, 0), "二十届三中全会" → (20, 3).
fn session_of(name: &str) -> Option<Session> {
    let caps =
        static_regex!(r"^([一二三四五六七八九十]+)(?:大|届([一二三四五六七八九十]+)中全会)$")
            .captures(name)?;
    Some(Session {
        congress: parse_chinese(&caps[1])?,
        number: caps.get(2).map_or(Some(0), |m| parse_chinese(m.as_str()))?,
    })
}

fn meetings() -> &'static [Meeting] {
    static M: OnceLock<Vec<Meeting>> = OnceLock::new();
    M.get_or_init(|| {
        let file: MeetingsFile =
            toml::from_str(crate::embedded::MEETINGS).expect("rules/meetings.toml is valid");
        file.meeting
            .into_iter()
            .map(|m| {
                let d = m
                    .opened
                    .date
                    .expect("rules/meetings.toml: opened is a date");
                Meeting {
                    session: session_of(&m.name).expect("rules/meetings.toml: a session's name"),
                    name: m.name,
                    opened: (i32::from(d.year), u32::from(d.month), u32::from(d.day)),
                }
            })
            .collect()
    })
}

/// The listed meeting a session cannot be before: itself, else the last listed one of its
/// Committee (or its congress) before it.
fn not_before(s: Session) -> Option<&'static Meeting> {
    meetings()
        .iter()
        .filter(|m| m.session.congress == s.congress && m.session <= s)
        .max_by_key(|m| m.session)
}

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let written = ctx.outline.date.as_ref().and_then(|date| date.date.ymd());
    for i in ctx.outline.body.clone() {
        if ctx.outline.chrome[i] {
            continue;
        }
        let span = content_span(ctx.doc, i);
        let line = &ctx.doc.text[span.clone()];
        if !line.contains("全会") && !line.contains("党的") {
            continue;
        }
        for (at, name) in named_meetings(line) {
            let Some(session) = session_of(&name) else {
                continue;
            };
            let Some(before) = not_before(session) else {
                continue;
            };
            if anticipated(line, &at) {
                continue;
            }
            let (by, bm, bd) = before.opened;
            let opened = if before.session == session {
                format!("{name}于{by}年{bm}月{bd}日召开")
            } else {
                format!("{name}在{}（{by}年{bm}月{bd}日）之后召开", before.name)
            };
            let (message, help) = if let Some((y, mo, d)) = written.filter(|&w| before.opened > w) {
                (
                    format!("{opened}，晚于本报告的成文日期（{y}年{mo}月{d}日）"),
                    "核对会议的届次和名称，以及成文日期：报告只能写成文时已经召开的会议",
                )
            } else if let Some(shown) = sentence_date(line, at.start)
                .filter(|(_, end)| before.opened > *end)
                .map(|(shown, _)| shown)
            {
                (
                    format!("{opened}，晚于本句开头的时间（{shown}）"),
                    "核对会议的届次和名称，以及句首的年月：这时还不能学习贯彻尚未召开的会议",
                )
            } else {
                continue;
            };
            out.push(Diagnostic::new(
                &FUTURE_EVENT,
                span.start + at.start..span.start + at.end,
                message,
                help,
            ));
        }
    }
}

/// A meeting looked forward to: "以优异成绩迎接党的二十大胜利召开", "为二十届三中全会召开营造
/// 良好环境" — written before it opened, and rightly.
fn anticipated(line: &str, at: &Range<usize>) -> bool {
    let from = line[..at.start]
        .char_indices()
        .rev()
        .nth(11)
        .map_or(0, |(k, _)| k);
    let before = &line[from..at.start];
    let after = &line[at.end..];
    ["迎", "献礼", "筹备", "即将"]
        .iter()
        .any(|w| before.contains(w))
        || static_regex!(r"^(?:胜利|顺利|即将)?召开(?:前|之前|在即)?|^前夕").is_match(after)
            && !static_regex!(r"^(?:胜利|顺利)?召开(?:以来|后|之后)").is_match(after)
}

/// The time a sentence opens with ("2023年12月，…学习贯彻…全会精神"), shown as written and
/// as the last day it covers, when no other time stands between it and `at`.
fn sentence_date(line: &str, at: usize) -> Option<(String, Ymd)> {
    let start = line[..at]
        .rfind(['。', '；', '！', '？'])
        .map_or(0, |k| k + '。'.len_utf8());
    let head = &line[start..at];
    let caps = static_regex!(
        r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.．、])?\s*(?P<y>(?:19|20)[0-9]{2})年(?:(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})日)?)?[，,]"
    )
    .captures(head)?;
    let all = caps.get(0)?;
    if static_regex!(r"[0-9]{4}年|[0-9]{1,2}月|以来|之前|以前").is_match(&head[all.end()..])
    {
        return None;
    }
    let y = caps["y"].parse().ok()?;
    let m = caps.name("m").and_then(|m| m.as_str().parse().ok());
    let d = caps.name("d").and_then(|d| d.as_str().parse().ok());
    let shown = head[caps.name("y")?.start()..all.end()]
        .trim_end_matches(['，', ','])
        .to_string();
    Some((shown, (y, m.unwrap_or(12), d.unwrap_or(31))))
}

/// The meetings a line names, each with where it is written: "党的二十大", "二十届三中全会",
/// and each of a list that writes its Committee once ("二十届二中、三中全会").
fn named_meetings(line: &str) -> Vec<(Range<usize>, String)> {
    // A congress is named with 党的 (二十大 alone may be 二十大类).
    let found = static_regex!(
        r"党的([一二三四五六七八九十]+大)|([一二三四五六七八九十]+届)((?:[一二三四五六七八九十]+中[、和及与])*)([一二三四五六七八九十]+中全会)"
    );
    let mut out = Vec::new();
    for caps in found.captures_iter(line) {
        if let Some(m) = caps.get(1) {
            out.push((m.range(), m.as_str().to_string()));
            continue;
        }
        let (Some(term), Some(last)) = (caps.get(2), caps.get(4)) else {
            continue;
        };
        if let Some(list) = caps.get(3) {
            for item in static_regex!(r"[一二三四五六七八九十]+中").find_iter(list.as_str())
            {
                let at = list.start() + item.start()..list.start() + item.end();
                out.push((at, format!("{}{}全会", term.as_str(), item.as_str())));
            }
        }
        let first = if caps.get(3).is_some_and(|l| !l.is_empty()) {
            last.start()
        } else {
            term.start()
        };
        out.push((
            first..last.end(),
            format!("{}{}", term.as_str(), last.as_str()),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_meetings_load_in_order() {
        let all = meetings();
        assert!(all.len() >= 10);
        // Within a Committee, a later session opened later.
        for a in all {
            for b in all
                .iter()
                .filter(|b| b.session.congress == a.session.congress)
            {
                assert_eq!(
                    a.session < b.session,
                    a.opened < b.opened,
                    "{} {}",
                    a.name,
                    b.name
                );
            }
        }
        assert_eq!(
            session_of("二十届三中全会"),
            Some(Session {
                congress: 20,
                number: 3
            })
        );
        assert_eq!(
            not_before(session_of("二十届五中全会").unwrap())
                .unwrap()
                .name,
            "二十届四中全会"
        );
    }
}
