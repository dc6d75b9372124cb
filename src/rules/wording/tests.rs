use crate::document::{Document, Format};
use crate::rules::{GOOD_REPORT, with_measures};

/// A fix as (replacement, safe).
type Fix = Option<(String, bool)>;

/// Wording findings: code, the text under the span, the fix.
fn found(text: &str) -> Vec<(&'static str, String, Fix)> {
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.into());
    crate::Linter::with_defaults()
        .lint_document(&doc)
        .into_iter()
        .filter(|d| d.rule.code.starts_with("GW08"))
        .map(|d| {
            (
                d.rule.code,
                doc.text[d.span.clone()].to_string(),
                d.fix.map(|f| (f.replacement, f.safe)),
            )
        })
        .collect()
}

fn fix(to: &str, safe: bool) -> Fix {
    Some((to.to_string(), safe))
}

#[test]
fn correct_report_is_quiet() {
    assert_eq!(found(GOOD_REPORT), []);
}

#[test]
fn misspellings_with_their_fixes() {
    let text = with_measures(
        "（一）健全依法决策机制。截止目前，撤消行政许可1件，建立整改台帐，实现电子证照互信互任，既使困难再多也要完成。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0801", "截止目前".into(), fix("截至目前", true)),
            ("GW0801", "撤消".into(), fix("撤销", true)),
            ("GW0801", "台帐".into(), fix("台账", true)),
            ("GW0801", "互信互任".into(), fix("互信互认", true)),
            ("GW0801", "既使".into(), fix("即使", false)),
        ]
    );
}

#[test]
fn misspelling_guards() {
    let text = with_measures(
        "（一）健全依法决策机制。按装备标准配备执法车辆，明确申报截止日期，截止到2024年底完成，既使企业受益，又使群众满意。",
    );
    assert_eq!(found(&text), []);
}

#[test]
fn duplicated_characters() {
    let text = with_measures(
        "（一）健全依法决策机制。我委深深入推进依法决策，进一一步规范我们的的审查工作。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0802", "深深入".into(), fix("深入", false)),
            ("GW0802", "进一一步".into(), fix("进一步", false)),
            ("GW0802", "的的".into(), fix("的", false)),
        ]
    );
}

#[test]
fn reduplications_and_word_boundaries_are_quiet() {
    let text = with_measures(
        "（一）健全依法决策机制。紧紧围绕中心工作，层层压实责任，由主任任组长，严格执行行政执法三项制度，\
         联合市市场监管局开展检查，深入学习习近平法治思想，件件有回音，实实在在见成效。",
    );
    assert_eq!(found(&text), []);
}
