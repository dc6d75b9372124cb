//! A change of a percentage in percentage points (GW0402): "由38.2%提高到52.6%，提高14.4
//! 个百分点" — the points must be the difference of the two percentages. The difference
//! written with % ("由6%提高到10%，提高了4%") is a change of 66.7%: it takes 个百分点.

use super::RATE_MISMATCH;
use super::para::Para;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Growth, Lexicon};
use crate::rules::findings::Findings;
use regex::Regex;
use std::sync::OnceLock;

/// Characters between 由 and the first percentage, or 到 and the second ("2023年的").
const MAX_LEAD_CHARS: usize = 16;
/// Between the second percentage and the change: a comma and a word of comparison, never
/// a subject of its own ("，败诉率下降2.1个百分点" is another rate's change).
const LINK: &str = "[，,、（(]?(?:同比|较上年|比上年|相比)?";

/// The two shapes, with the words of rules/units.toml's [growth] (one built-in lexicon:
/// compiled once): from … to (降至, 升至 too) … then the change; or this period's
/// percentage, then the other's after 比/较 ("98.4%，较上年的96.1%提高2.3个百分点").
/// Empty if the words make no pattern.
fn patterns(g: &Growth) -> &'static [Regex] {
    static R: OnceLock<Vec<Regex>> = OnceLock::new();
    R.get_or_init(|| {
        let alt = |words: &[String]| {
            words
                .iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|")
        };
        let verbs = format!("{}|{}", alt(&g.up), alt(&g.down));
        let number = |name: &str| format!(r"(?P<{name}>[0-9]+(?:\.[0-9]+)?)[%％]");
        let lead = format!("[^，。；：%％]{{0,{MAX_LEAD_CHARS}}}?");
        let change = format!(
            r"(?P<verb>{verbs})了?(?P<points>[0-9]+(?:\.[0-9]+)?)(?P<unit>个百分点|[%％])"
        );
        let from_to = format!(
            "(?:{from}){lead}{a}[^，。；%％]{{0,6}}?(?:{verbs}|降|升)(?:{to}){lead}{b}{LINK}{change}",
            from = alt(&g.from),
            to = alt(&g.to),
            a = number("from"),
            b = number("to"),
        );
        let against = format!(
            r"{b}[，,]?(?:同比)?(?:{compare})(?:{previous}|[0-9]{{4}}年)(?:同期)?的?[（(]?{a}[）)]?[，,]?{change}",
            compare = alt(&g.compare),
            previous = alt(&g.previous),
            a = number("from"),
            b = number("to"),
        );
        [from_to, against]
            .iter()
            .filter_map(|p| Regex::new(p).ok())
            .collect()
    })
}

fn decimals(s: &str) -> usize {
    s.split_once('.').map_or(0, |(_, f)| f.len())
}

pub(super) fn check_points(p: &Para, lex: &Lexicon, out: &mut Findings) {
    let text = p.text();
    if !text.contains("百分点") && text.matches(['%', '％']).count() < 3 {
        return;
    }
    let g = &lex.change;
    for c in patterns(g).iter().flat_map(|p| p.captures_iter(text)) {
        let (Some(a), Some(b), Some(verb), Some(points), Some(unit)) = (
            c.name("from"),
            c.name("to"),
            c.name("verb"),
            c.name("points"),
            c.name("unit"),
        ) else {
            continue;
        };
        let (Ok(x), Ok(y), Ok(z)) = (
            a.as_str().parse::<f64>(),
            b.as_str().parse::<f64>(),
            points.as_str().parse::<f64>(),
        ) else {
            continue;
        };
        let up = g.up.iter().any(|w| w == verb.as_str());
        let change = y - x;
        let places = decimals(a.as_str()).max(decimals(b.as_str()));
        // Written to fewer places than the percentages: rounded.
        let tolerance = 0.5 * 10f64.powi(-(decimals(points.as_str()) as i32)) + 1e-9;
        let right_way = change == 0.0 || (change > 0.0) == up;
        let span = p.doc_span(points.start()..c.get(0).map_or(points.end(), |m| m.end()));
        if unit.as_str() != "个百分点" {
            if right_way && x > 0.0 {
                let figures = (change, x, z, tolerance);
                percent_for_points((a.as_str(), b.as_str()), &c, figures, span, out);
            }
            continue;
        }
        if right_way && (change.abs() - z).abs() <= tolerance {
            continue;
        }
        let diff = format!("{:.places$}", change.abs());
        let way = if change >= 0.0 { "提高" } else { "下降" };
        out.push(Diagnostic::new(
            &RATE_MISMATCH,
            span,
            format!(
                "由{}%到{}%应是{way}{diff}个百分点，与所写的{}{}个百分点不符",
                a.as_str(),
                b.as_str(),
                verb.as_str(),
                points.as_str()
            ),
            format!(
                "核对两个百分比和变化的百分点数：{}−{}={}",
                b.as_str(),
                a.as_str(),
                format!("{:.places$}", change).replace('-', "−")
            ),
        ));
    }
}

/// "由6%提高到10%，提高了4%": the difference of the percentages, written as a percentage.
/// The same figure as a change of the first (由50%到75%，提高50%: not both) is right.
fn percent_for_points(
    (a, b): (&str, &str),
    c: &regex::Captures,
    (change, from, written, tolerance): (f64, f64, f64, f64),
    span: std::ops::Range<usize>,
    out: &mut Findings,
) {
    let (Some(verb), Some(points)) = (c.name("verb"), c.name("points")) else {
        return;
    };
    let relative = change.abs() / from * 100.0;
    if (change.abs() - written).abs() > tolerance || (relative - written).abs() <= tolerance {
        return;
    }
    let Some(whole) = c.get(0) else {
        return;
    };
    // As written, with its 了 and its own % sign.
    let written = &whole.as_str()[verb.start() - whole.start()..];
    let (verb, points) = (verb.as_str(), points.as_str());
    out.push(Diagnostic::new(
        &RATE_MISMATCH,
        span,
        format!("由{a}%到{b}%是{verb}{points}个百分点，写成“{written}”就成了按比例{verb}"),
        format!(
            "两个百分比之差用“个百分点”：改为“{verb}{points}个百分点”；要写按比例的变化，是{verb}{:.1}%",
            relative
        ),
    ));
}
