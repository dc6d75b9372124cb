use crate::rules::{GOOD_REPORT, MEASURES, codes_of, found_of, messages_of, text_doc};

/// Body lines between the 举措 heading and the 不足 part of `GOOD_REPORT`.
fn with_measures(body: &str) -> String {
    GOOD_REPORT.replace(
        "（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查。\n",
        body,
    )
}

fn numbering(text: &str) -> Vec<(&'static str, usize)> {
    codes_of("GW03", text)
}

#[test]
fn correct_outline_is_quiet() {
    let body = "（一）健全机制。一是建立制度。二是明确责任。\n（二）强化监督。\n1.完善清单\n2.规范程序\n（1）公示\n（2）审核\n①事前\n②事后\n（三）加强培训。一是集中学法。二是以案释法。三是考试测评。\n";
    assert_eq!(numbering(&with_measures(body)), []);
}

#[test]
fn numbers_restart_under_each_parent_and_levels_may_be_skipped() {
    // （一） again under 二、 is right; 1. directly under 一、 is allowed.
    let text = GOOD_REPORT.replace(
        "一是执法力量不足，二是培训覆盖不全。",
        "（一）执法力量不足。\n（二）培训覆盖不全。",
    );
    assert_eq!(numbering(&text), []);
    assert_eq!(
        numbering(&with_measures("1.健全机制。\n2.强化监督。\n")),
        []
    );
}

#[test]
fn siblings_run_into_one_paragraph_are_counted() {
    for body in [
        "（一）健全机制。建立制度。（二）强化监督。开展检查。\n（三）加强培训。\n",
        "（一）健全机制。（二）强化监督。（三）加强培训。\n",
        "（一）健全机制。建立制度。 （二）强化监督。\n（三）加强培训。\n",
    ] {
        assert_eq!(numbering(&with_measures(body)), [], "{body}");
    }
    // The number skipped in the paragraph too is still missing.
    assert_eq!(
        numbering(&with_measures(
            "（一）健全机制。（三）强化监督。\n（四）加强培训。\n"
        )),
        [("GW0301", 6)]
    );
}

#[test]
fn skipped_repeated_reversed_and_restarted_numbers() {
    assert_eq!(
        numbering(&with_measures("（一）甲。\n（二）乙。\n（四）丙。\n")),
        [("GW0301", 7)]
    );
    assert_eq!(
        numbering(&with_measures("（一）甲。\n（二）乙。\n（二）丙。\n")),
        [("GW0301", 7)]
    );
    assert_eq!(
        numbering(&with_measures(
            "（一）甲。\n（三）乙。\n（二）丙。\n（三）丁。\n"
        )),
        [("GW0301", 6), ("GW0301", 7)]
    );
    assert_eq!(
        numbering(&with_measures("（一）甲。\n（二）乙。\n（一）丙。\n")),
        [("GW0301", 7)]
    );
    assert_eq!(
        numbering(&with_measures("（二）甲。\n（三）乙。\n")),
        [("GW0301", 5)]
    );
}

/// The messages of the numbering findings on `body` under the 举措 heading.
fn sequence_messages(body: &str) -> Vec<(usize, String)> {
    found_of("GW0301", &text_doc(&with_measures(body)))
        .into_iter()
        .map(|f| (f.line, f.message))
        .collect()
}

#[test]
fn swapped_numbers_are_one_finding() {
    assert_eq!(
        sequence_messages("（二）甲。\n（一）乙。\n"),
        [(
            5,
            "序号顺序颠倒：本级标题依次为“（二）”“（一）”，“（二）”排在了“（一）”之前".into()
        )]
    );
    assert_eq!(
        sequence_messages("（一）甲。\n（三）乙。\n（二）丙。\n（四）丁。\n")
            .iter()
            .map(|(l, _)| *l)
            .collect::<Vec<_>>(),
        [6]
    );
}

#[test]
fn one_wrong_number_is_not_also_a_gap_after_it() {
    // The second "（二）" is the "（三）"; "（四）" after it is right.
    assert_eq!(
        sequence_messages("（一）甲。\n（二）乙。\n（二）丙。\n（四）丁。\n"),
        [(7, "序号重复：“（二）”之后又是“（二）”，应为“（三）”".into())]
    );
    assert_eq!(
        sequence_messages("（一）甲。\n（二）乙。\n（四）丙。\n（四）丁。\n"),
        [(
            7,
            "序号不连续：“（二）”之后是“（四）”，应为“（三）”（下一个标题的序号接续正确）".into()
        )]
    );
    // Two really missing: the gap is named as such.
    assert_eq!(
        sequence_messages("（一）甲。\n（二）乙。\n（五）丙。\n（六）丁。\n"),
        [(
            7,
            "序号不连续：“（二）”之后是“（五）”，缺少“（三）”“（四）”".into()
        )]
    );
}

#[test]
fn heading_that_lost_its_marker_is_one_finding_and_no_broken_paragraph() {
    let under = |line: &str| {
        let body = format!(
            "（一）强化法治思维，提高依法行政能力\n全年集体学法4次。\n{line}\n深入推进执法规范化建设，加强执法人员培训。\n（三）创新普法方式，增强普法实效\n运用新媒体开展普法。\n"
        );
        let found = found_of("GW0", &text_doc(&with_measures(&body)));
        found
            .into_iter()
            .map(|f| (f.code, f.line, f.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        under("二)规范执法行为，提升执法效能"),
        [("GW0306", 7, "序号“二)”残缺，应为“（二）”".to_string())]
    );
    // A numeral that does not fit: the place gives the number, the drafter checks why.
    let misfit = found_of(
        "GW0306",
        &text_doc(&with_measures(
            "（一）强化法治思维\n全年集体学法4次。\n五)规范执法行为\n加强执法人员培训。\n（三）创新普法方式\n运用新媒体开展普法。\n",
        )),
    );
    assert_eq!(misfit.len(), 1);
    assert_eq!(misfit[0].message, "序号“五)”残缺，按前后的序号应为“（二）”");
    assert!(
        misfit[0]
            .help
            .ends_with("原序号的数字“五”与前后序号不接，请核对是否漏了或多了一部分"),
        "{}",
        misfit[0].help
    );
    let lost = under("规范执法行为，提升执法效能");
    assert_eq!(
        lost.iter().map(|(c, l, _)| (*c, *l)).collect::<Vec<_>>(),
        [("GW0302", 7)]
    );
}

/// "三)" after the "1." items of （二）: the lost （三）, and its items a list of their own.
#[test]
fn a_damaged_chinese_marker_among_arabic_items() {
    let text = with_measures(
        "（一）强化法治思维。\n全年集体学法4次。\n（二）规范执法行为。\n1.落实三项制度。\n2.开展案卷评查。\n三)强化权力制约监督\n1.自觉接受监督。\n2.规范行政复议。\n（四）创新普法方式。\n运用新媒体开展普法。\n",
    );
    let found = found_of("GW0", &text_doc(&text));
    assert_eq!(
        found
            .iter()
            .map(|f| (f.code, f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [("GW0306", 10, "序号“三)”残缺，应为“（三）”")]
    );
}

#[test]
fn higher_level_under_lower_is_inverted() {
    assert_eq!(
        numbering(&with_measures("1.甲。\n2.乙。\n（一）丙。\n")),
        [("GW0303", 7)]
    );
    // Reported once, not again for each later sibling (1.戊 is （三）'s own item).
    assert_eq!(
        numbering(&with_measures(
            "1.甲。\n（一）乙。\n（二）丙。\n（三）丁。\n1.戊。\n（四）己。\n"
        )),
        [("GW0303", 6)]
    );
}

/// "1." where "（一）" belongs, with "（二）" next: one finding, at the "1.".
#[test]
fn a_first_sub_heading_a_level_too_low() {
    let text = with_measures("1.强化责任落实。\n（二）深化改革创新。\n（三）规范执法行为。\n");
    let found = found_of("GW03", &text_doc(&text));
    assert_eq!(
        found.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0301", 5)]
    );
    assert_eq!(
        found[0].message,
        "序号“1.”应为“（一）”：同级的下一个标题是“（二）”"
    );
    // A "1." after a "（一）" is its item, and a list of two is no stand-in.
    assert_eq!(
        numbering(&with_measures("（一）甲。\n1.乙。\n（二）丙。\n")),
        []
    );
    assert_eq!(
        numbering(&with_measures("1.甲。\n2.乙。\n（二）丙。\n")),
        [("GW0301", 7), ("GW0303", 7)]
    );
}

#[test]
fn halfwidth_brackets_with_safe_fix() {
    assert_eq!(
        numbering(&with_measures("（一）甲。\n(二)乙。\n（三）丙。\n")),
        [("GW0304", 6)]
    );
    let doc = crate::document::Document::from_text(
        "t",
        crate::document::Format::Text,
        "utf-8",
        with_measures("(一)甲。\n"),
    );
    let d = crate::Linter::with_defaults().lint_document(&doc);
    let fix = d
        .iter()
        .find(|d| d.rule.code == "GW0304")
        .unwrap()
        .fix
        .clone()
        .unwrap();
    assert_eq!((fix.replacement.as_str(), fix.safe), ("（一）", true));
}

#[test]
fn halfwidth_message_says_when_other_markers_are_fullwidth() {
    let messages = |body: &str| -> Vec<String> {
        found_of("GW0304", &text_doc(&with_measures(body)))
            .into_iter()
            .map(|f| f.message)
            .collect()
    };
    let mixed = messages("（一）甲。\n(二)乙。\n");
    assert!(mixed[0].contains("全角括号不一致"), "{mixed:?}");
    // All half-width: nothing to be inconsistent with.
    let all = messages("(一)甲。\n(二)乙。\n");
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|m| !m.contains("不一致")), "{all:?}");
}

#[test]
fn punctuation_after_markers() {
    for body in ["（一）、甲。\n", "1、甲。\n", "（1），甲。\n", "①、甲。\n"] {
        assert_eq!(numbering(&with_measures(body)), [("GW0305", 5)], "{body}");
    }
    let text = GOOD_REPORT.replace("二、存在的不足和原因", "二．存在的不足和原因");
    assert_eq!(numbering(&text), [("GW0305", 6)]);
    // A space typed for the 、: the marker's punctuation, not a lost marker or a stray space.
    let text = GOOD_REPORT.replace("二、存在的不足和原因", "二　存在的不足和原因");
    let found = crate::rules::found_of(
        "GW0",
        &crate::document::Document::from_text(
            "t.txt",
            crate::document::Format::Text,
            "utf-8",
            text,
        ),
    );
    assert_eq!(
        found
            .iter()
            .map(|f| (f.code, f.line, f.fix.clone()))
            .collect::<Vec<_>>(),
        [("GW0305", 6, Some(("二、".into(), true)))]
    );
    // "1，" after a sentence; not a figure of a sentence wrapped before it.
    assert_eq!(
        numbering(&with_measures("（一）甲。\n1，落实制度。\n2，开展培训。\n")),
        [("GW0305", 6), ("GW0305", 7)]
    );
    assert_eq!(
        numbering(&with_measures(
            "（一）甲。全年受理投诉举报\n3，办结率100%。\n"
        )),
        []
    );
}

#[test]
fn sub_headings_that_lost_their_numbers() {
    let body = "（一）健全机制。一是建章。二是立制。\n推进政务服务改革。一是优化流程。二是压缩时限。\n推进公正执法。一是规范程序。二是公开结果。\n（四）强化监督。一是内部监督。二是外部监督。\n";
    assert_eq!(
        numbering(&with_measures(body)),
        [("GW0302", 6), ("GW0302", 7)]
    );
    // An ordinary paragraph between two run-in headings is not a heading.
    let body = "（一）健全机制。一是建章。二是立制。\n全年共开展培训12次，参训人员覆盖全系统。\n（二）强化监督。一是内部监督。二是外部监督。\n";
    assert_eq!(numbering(&with_measures(body)), []);
    // After the last item, the last one that lost its number, but not a summing-up lead.
    let items =
        "（一）健全机制。一是建章。二是立制。\n（二）强化监督。一是内部监督。二是外部监督。\n";
    let lost = format!("{items}推进公正执法。一是规范程序。二是公开结果。\n");
    assert_eq!(numbering(&with_measures(&lost)), [("GW0302", 7)]);
    let summing_up = format!("{items}分析原因：一是认识不到位；二是培训不够。\n");
    assert_eq!(numbering(&with_measures(&summing_up)), []);
    // A lead with a quotation or a title in it.
    for lead in [
        "深化“放管服”改革",
        "深入学习宣传《中华人民共和国基本医疗卫生与健康促进法》",
    ] {
        let body = format!(
            "（一）健全机制。一是建章。二是立制。\n{lead}。一是优化流程。二是压缩时限。\n（三）强化监督。一是内部监督。二是外部监督。\n"
        );
        assert_eq!(numbering(&with_measures(&body)), [("GW0302", 6)], "{lead}");
    }
}

/// "（二）3.（四）": a sub-heading typed in a deeper level's form is one finding, at it.
#[test]
fn a_sibling_in_another_form() {
    let found = |body: &str| {
        let f = found_of("GW03", &text_doc(&with_measures(body)));
        f.iter()
            .map(|f| (f.code, f.line, f.message.clone()))
            .collect::<Vec<_>>()
    };
    let between = "（一）健全机制。抓好落实。\n（二）强化监督。抓好落实。\n3.加强培训。抓好落实。\n（四）推进公开。抓好落实。\n";
    assert_eq!(
        found(between),
        [(
            "GW0301",
            7,
            "序号“3.”应为“（三）”：前后的同级标题是“（二）”和“（四）”，却用了更低层级的写法".into()
        )]
    );
    let last = "（一）健全机制。抓好落实。\n（2）强化监督。抓好落实。\n";
    assert_eq!(
        found(last),
        [(
            "GW0301",
            6,
            "序号“（2）”应为“（二）”：它接在同级的“（一）”之后，却用了更低层级的写法".into()
        )]
    );
    // A list under （二） that starts at 3 is not its sibling, nor a list running on.
    let list = "（一）健全机制。抓好落实。\n（二）强化监督。\n3.公示\n4.审核\n";
    assert!(found(list).iter().all(|f| !f.2.contains("更低层级")));
    let running_on = "（一）健全机制。\n1.公示\n2.审核\n（二）强化监督。\n3.评查\n";
    assert!(found(running_on).iter().all(|f| !f.2.contains("更低层级")));
    // Numbered on from the list above it, yet with a list of its own: one finding, not a
    // list starting again and a gap in the items.
    let with_own_list = "（一）健全机制。抓好落实。\n（二）强化监督\n1.公示。抓好落实。\n2.审核。抓好落实。\n3.加强培训\n1.集中轮训。抓好落实。\n2.以案释法。抓好落实。\n（四）推进公开。抓好落实。\n";
    assert_eq!(
        found(with_own_list),
        [(
            "GW0301",
            9,
            "序号“3.”应为“（三）”：前后的同级标题是“（二）”和“（四）”，却用了更低层级的写法".into()
        )]
    );
    // The list going on after it, or the sibling after it not confirming: a list item.
    for list in [
        with_own_list.replace("1.集中轮训", "4.集中轮训"),
        with_own_list.replace("（四）推进公开", "（三）推进公开"),
        with_own_list.replace("3.加强培训", "3.加强培训。抓好落实。"),
    ] {
        assert!(
            found(&list).iter().all(|f| !f.2.contains("更低层级")),
            "{list}"
        );
    }
    // In the parts' form: one finding, not a gap in the parts and a step back after it.
    let higher = between.replace("3.加强培训", "三、加强培训");
    assert_eq!(
        found(&higher),
        [(
            "GW0301",
            7,
            "序号“三、”应为“（三）”：前后的同级标题是“（二）”和“（四）”，却用了更高层级的写法"
                .into()
        )]
    );
    // Numbered as the next part, which follows it with the same number.
    let as_next = "（一）健全机制。抓好落实。\n二、加强培训。抓好落实。\n";
    assert_eq!(
        found(as_next)
            .iter()
            .map(|f| (f.1, f.2.contains("更高层级")))
            .collect::<Vec<_>>(),
        [(6, true)]
    );
    // The last item, with the next part after it.
    let last = "（一）健全机制。抓好落实。\n（二）强化监督。抓好落实。\n三、加强培训。抓好落实。\n";
    assert_eq!(
        found(last)
            .iter()
            .map(|f| (f.1, f.2.contains("更高层级")))
            .collect::<Vec<_>>(),
        [(7, true)]
    );
}

#[test]
fn damaged_markers_say_what_they_should_be() {
    let body = "（一）甲项工作。抓好落实。\n（二）乙项工作。抓好落实。\n)丙项工作。抓好落实。\n四)丁项工作。抓好落实。\n";
    assert_eq!(
        numbering(&with_measures(body)),
        [("GW0306", 7), ("GW0306", 8)]
    );
    let doc = crate::document::Document::from_text(
        "t",
        crate::document::Format::Text,
        "utf-8",
        with_measures(body),
    );
    let d = crate::Linter::with_defaults().lint_document(&doc);
    assert!(d.iter().any(|d| d.message.contains("应为“（三）”")));
    // A bracketed aside at the start of a paragraph is not a marker.
    assert_eq!(
        numbering(&with_measures(
            "（一）甲。\n（全年数据截至12月31日）统计口径不变。\n"
        )),
        []
    );
    // Without numbered neighbours the marker is still reported, without a guess.
    let text = GOOD_REPORT.replace("一是执法力量不足，二是培训覆盖不全", ")执法力量不足");
    assert_eq!(numbering(&text), [("GW0306", 7)]);
    // The bracket left of a damaged marker is no unpaired bracket too.
    let text = GOOD_REPORT.replace("一是执法力量不足，二是培训覆盖不全", "五)执法力量不足");
    assert_eq!(codes_of("GW0", &text), [("GW0306", 7)]);
}

/// `GOOD_REPORT` as a .docx with `paragraphs` (text, Word's number) for the one under （一）.
fn with_word_numbers(paragraphs: &[(&str, Option<&str>)]) -> crate::document::Document {
    let p = |text: &str, number: Option<&str>| crate::document::Paragraph {
        text: text.into(),
        auto_number: number.map(String::from),
        ..Default::default()
    };
    let all: Vec<crate::document::Paragraph> = GOOD_REPORT
        .lines()
        .flat_map(|l| {
            if l == MEASURES {
                paragraphs.iter().map(|&(t, n)| p(t, n)).collect()
            } else {
                vec![p(l, None)]
            }
        })
        .collect();
    crate::document::Document::from_paragraphs("t.docx", all)
}

#[test]
fn a_number_with_nothing_after_it() {
    let text = with_measures("（一）健全机制。审查决策3件。\n（二）\n（三）加强培训。培训2次。\n");
    assert_eq!(numbering(&text), [("GW0306", 6)]);
    // Word's automatic number on an empty paragraph, and one drawn in full-width digits.
    let doc = with_word_numbers(&[
        (MEASURES, None),
        ("", Some("（二）")),
        ("完善制度。", Some("１.")),
    ]);
    let found: Vec<(&str, String)> = crate::Linter::with_defaults()
        .lint_document(&doc)
        .into_iter()
        .filter(|d| d.rule.code.starts_with("GW03") || d.rule.code == "GW0415")
        .map(|d| (d.rule.code, d.message))
        .collect();
    assert_eq!(
        found,
        [
            ("GW0306", "只有序号“（二）”，后面没有标题或内容".to_string()),
            (
                "GW0415",
                "自动编号“１”用了全角数字，应为半角“1”".to_string()
            )
        ]
    );
}

#[test]
fn arabic_markers_with_a_right_bracket_only() {
    // Among "1." siblings the "2)" is a "2."; the punctuation rules leave it alone.
    let body = "（一）健全机制。\n1.审查决策。全年审查3件。\n2)开展培训。全年培训2次。\n3）落实制度。全部经过审查。\n";
    let f = found_of("GW0", &text_doc(&with_measures(body)));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [
            ("GW0306", 7, "序号“2)”写法不规范，应为“2.”"),
            ("GW0306", 8, "序号“3）”写法不规范，应为“3.”")
        ]
    );
    // A list of them alone: the bracketed form is named.
    let body = "（一）健全机制。\n1）审查决策。\n2）开展培训。\n";
    let f = found_of("GW03", &text_doc(&with_measures(body)));
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].message, "序号“2）”只有右括号，应为“（2）”");
    // After "3." a run from "1)" is a list of its own, one level down.
    let body = "（一）健全机制。\n1.审查决策。\n2.公开目录。\n3.加大执法力度。\n1)开展检查。\n2)查处案件。\n";
    let f = found_of("GW0306", &text_doc(&with_measures(body)));
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        [
            "序号“1)”只有右括号，应为“（1）”",
            "序号“2)”只有右括号，应为“（2）”"
        ]
    );
    // Outside the body a bracket is the punctuation rules' again.
    let tail = GOOD_REPORT.replace("2025年1月20日\n", "2025年1月20日\n(联系人：王芳)\n");
    assert_eq!(codes_of("GW0", &tail), [("GW0501", 14), ("GW0501", 14)]);
    // Inline lists keep them; a Markdown list is Markdown's syntax.
    let inline = with_measures("（一）健全机制。主要做法：1）建立清单；2）完善程序。\n");
    assert_eq!(codes_of("GW0", &inline), []);
    let md = crate::document::Document::from_text(
        "t.md",
        crate::document::Format::Markdown,
        "utf-8",
        with_measures("（一）健全机制。\n\n1) 建立清单\n2) 完善程序\n"),
    );
    assert!(found_of("GW0306", &md).is_empty());
    // "- 一是…" items of a Markdown list are one 一是 list.
    let md = crate::document::Document::from_text(
        "t.md",
        crate::document::Format::Markdown,
        "utf-8",
        with_measures(
            "（一）健全机制。存在的问题：\n\n- 一是执法力量不足；\n- 二是培训覆盖不全。\n",
        ),
    );
    assert!(found_of("GW03", &md).is_empty());
}

/// A Markdown ordered list numbers itself: "1. 1." shows 1, 2; a new list after a
/// paragraph starts again, and is a restart.
#[test]
fn a_markdown_list_numbers_its_own_items() {
    let md = |body: &str| {
        crate::document::Document::from_text(
            "t.md",
            crate::document::Format::Markdown,
            "utf-8",
            with_measures(body),
        )
    };
    let lazy = md(
        "（一）健全机制。\n\n1. 建立清单。\n\n   清单逐项公开。\n\n1. 完善程序。\n\n1. 落实审核。\n",
    );
    assert!(found_of("GW03", &lazy).is_empty());
    let restarted =
        md("（一）健全机制。\n\n1. 建立清单。\n\n3. 完善程序。\n\n正文。\n\n1. 落实审核。\n");
    let f = found_of("GW0301", &restarted);
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        ["序号在“2.”之后重新从“1.”开始，应为“3.”"]
    );
    // Bold 一是 items are no heading that lost its marker.
    let bold = md(
        "（一）加强组织领导\n\n1.健全工作机制。纳入年度重点工作。\n\n2.抓好学法。全年学法4次。\n\n**一是**加强培训；**二是**严格考核。\n",
    );
    assert!(found_of("GW03", &bold).is_empty());
    // Typed without the space Markdown needs, the numbers are the text's own.
    let typed = md("（一）健全机制。\n\n1.建立清单。\n\n1.完善程序。\n");
    assert_eq!(found_of("GW0301", &typed).len(), 1);
}

#[test]
fn a_marker_typed_twice() {
    let text =
        with_measures("（一）健全依法决策机制。\n（二）（二）加强普法。全年开展普法活动12场。\n");
    let f = found_of("GW03", &text_doc(&text));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0306", 6, "（二）（二）")]
    );
    assert_eq!(f[0].fix, Some(("（二）".to_string(), true)));
    // A figure that starts like the marker is no second marker.
    let text = with_measures("（一）健全依法决策机制。\n1. 1.5万元经费全部到位。\n");
    assert!(
        found_of("GW0306", &text_doc(&text)).is_empty(),
        "{:?}",
        numbering(&text)
    );
    // A year after a doubled part marker is no figure of it.
    let text = GOOD_REPORT.replace("一、2024年推进", "一、一、2024年推进");
    assert_eq!(numbering(&text), [("GW0306", 4)]);
    // Typed after Word's automatic number: the typed copy, without a fix.
    let paragraphs = GOOD_REPORT
        .lines()
        .map(|l| match l.strip_prefix("二、") {
            Some(rest) => crate::document::Paragraph {
                text: format!("二、{rest}"),
                auto_number: Some("二、".into()),
                ..Default::default()
            },
            None => crate::document::Paragraph {
                text: l.into(),
                ..Default::default()
            },
        })
        .collect();
    let doc = crate::document::Document::from_paragraphs("t.docx", paragraphs);
    let f = found_of("GW03", &doc);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str(), f.fix.is_none()))
            .collect::<Vec<_>>(),
        [("GW0306", 6, "二、", true)]
    );
    assert!(f[0].message.contains("自动编号"), "{}", f[0].message);
}

/// Word numbers "1." "2." "3." and the text goes on with a figure ("12345热线", "5G"): the
/// label ends the marker, so no decimal is read.
#[test]
fn a_word_number_before_a_figure_is_a_marker() {
    let items = [
        "12345热线“接诉即办”。",
        "5G+智慧审批。",
        "2024年新增事项联办。",
    ];
    let paragraphs = GOOD_REPORT
        .lines()
        .flat_map(|l| {
            let mut out = vec![crate::document::Paragraph {
                text: l.into(),
                ..Default::default()
            }];
            if l.starts_with("（一）") {
                out.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(k, t)| crate::document::Paragraph {
                            text: t.to_string(),
                            auto_number: Some(format!("{}.", k + 1)),
                            ..Default::default()
                        }),
                );
            }
            out
        })
        .collect();
    let doc = crate::document::Document::from_paragraphs("t.docx", paragraphs);
    let codes: Vec<&str> = found_of("GW03", &doc).iter().map(|f| f.code).collect();
    assert_eq!(codes, Vec::<&str>::new());
    // Typed so, "1.12345" is still read as a figure.
    let typed = with_measures("1.12345热线“接诉即办”。\n2.5G+智慧审批。\n3.2024年新增事项联办。\n");
    assert!(!numbering(&typed).is_empty());
}

#[test]
fn inline_sequences() {
    let ok = "（一）甲。一是建章。二是立制。三是执行。\n";
    assert_eq!(numbering(&with_measures(ok)), []);
    let gap = "（一）甲。一是建章。三是执行。\n";
    assert_eq!(numbering(&with_measures(gap)), [("GW0307", 5)]);
    let no_first = "（一）甲。落实制度。二是立制。三是执行。\n";
    assert_eq!(numbering(&with_measures(no_first)), [("GW0307", 5)]);
    let lost = "（一）甲。一是建章。是强化普法学习。三是执行。\n";
    assert_eq!(numbering(&with_measures(lost)), [("GW0307", 5)]);
    let single = "（一）甲。一是建章立制，全年修订制度3项。\n";
    assert_eq!(numbering(&with_measures(single)), [("GW0308", 5)]);
    // Short items parted by 、 are one list.
    let paused = "（一）甲。决策经过一是召开座谈会、二是征求意见、三是合法性审查三个环节。\n";
    assert_eq!(numbering(&with_measures(paused)), []);
    let idiom = "（一）甲。坚持一是一、二是二的作风：一是建章；二是立制。\n";
    assert_eq!(numbering(&with_measures(idiom)), []);
    // The subject may stand before 一是.
    let subject =
        "（一）甲。\n我局一是加强学习，二是严格执法。\n本委一是健全制度，二是强化监督。\n";
    assert_eq!(numbering(&with_measures(subject)), []);
    // A second list in the same paragraph: after a colon, or after a new subject.
    let after_colon =
        "（一）甲。不足在于：一是认识不够；二是投入不足。原因在于：一是培训少；二是经费少。\n";
    assert_eq!(numbering(&with_measures(after_colon)), []);
    let new_subject =
        "（一）甲。我局一是加强学习，二是完善制度。市卫健委一是开展检查，二是强化宣传。\n";
    assert_eq!(numbering(&with_measures(new_subject)), []);
    // Without either, a step back is still a step back.
    let back = "（一）甲。一是建章。二是立制。一是执行。\n";
    assert_eq!(numbering(&with_measures(back)), [("GW0307", 5)]);
    let back = "（一）甲。一是建章；二是立制；一是执行。\n";
    assert_eq!(numbering(&with_measures(back)), [("GW0307", 5)]);
    // A lead-in after the sentence end opens a second list.
    let two_lists = "（一）甲。在决策方面，一是建章；二是立制。在执法方面，一是培训；二是考核。\n";
    assert_eq!(numbering(&with_measures(two_lists)), []);
    // Also with a subject after the lead-in.
    let two_lists =
        "（一）甲。原因：一是培训不足；二是经费不足。为此，我局一是加强培训，二是争取经费。\n";
    assert_eq!(numbering(&with_measures(two_lists)), []);
    let gap =
        "（一）甲。原因：一是培训不足；二是经费不足。为此，我局一是加强培训，三是争取经费。\n";
    assert_eq!(numbering(&with_measures(gap)), [("GW0307", 5)]);
    // So does a run-in sub-heading with its own marker.
    for marker in ["2.", "（2）", "(二)"] {
        let two_lists = format!(
            "（一）甲。1.加强制度建设。一是制定清单；二是完善流程。{marker}强化执法监督。一是开展评查；二是组织考核。\n"
        );
        assert_eq!(numbering(&with_measures(&two_lists)), [], "{marker}");
    }
    // "一是一、二级医院…" is an item, not the idiom 一是一、二是二.
    let text = with_measures(
        "（一）甲。\n我委一是一、二级医院全部完成自查；二是加强执法培训；三是完善制度。\n",
    );
    assert_eq!(numbering(&text), []);
    // Any words may lead into 一是…
    for lead in [
        "全年一是",
        "为此，我局一是",
        "2025年，我局一是",
        "工作中一是",
        "我中心一是",
    ] {
        let text = format!("（一）甲。\n{lead}加强学习，二是严格执法。\n");
        assert_eq!(numbering(&with_measures(&text)), [], "{lead}");
    }
    // …but a word ending in 一 is no item, nor 十一 (the holiday) opening a sentence.
    for word in [
        "十一是全年工作的重要节点，一是加强值守，二是强化监督。",
        "执法尺度不统一是突出问题。",
        "坚持实事求是，一是一、二是二，如实反映问题。",
        "原因之一是经费不足。",
        "这一是重点。",
    ] {
        let text = format!("（一）甲。\n{word}\n");
        assert_eq!(numbering(&with_measures(&text)), [], "{word}");
    }
}

#[test]
fn quoted_items_and_items_opened_by_an_aside_or_a_dash() {
    // Another's list quoted is theirs, and may pick some of its items.
    for quoted in [
        "通报要求“一是压实责任，二是强化督查”，我局逐项落实。",
        "通报要求：“一是压实责任；二是强化督查。”我局逐项落实。",
        "细则要求“（1）应审尽审；（3）全程留痕”，我局均已落实。",
        "通报要求“第一，压实责任；第二，强化督查”，我局逐项落实。",
        "上级要求“一是压实责任”。对此，我局一是制定清单，二是开展督查。",
    ] {
        let text = format!("（一）甲。\n{quoted}\n");
        assert_eq!(numbering(&with_measures(&text)), [], "{quoted}");
    }
    // A number repeated or going back is wrong in a quotation too.
    let text = with_measures("（一）甲。\n通报要求“一是压实责任，二是强化督查，二是严肃问责”。\n");
    let f = found_of("GW0307", &text_doc(&text));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].message, "“二是”之后又是“二是”，应为“三是”");
    for aside in [
        "健全调解机制（一是设立调解室，二是聘请调解员），全年调解纠纷79件。",
        "健全调解机制——一是设立调解室，二是聘请调解员。",
    ] {
        let text = format!("（一）甲。\n{aside}\n");
        assert_eq!(numbering(&with_measures(&text)), [], "{aside}");
        let gap = text.replace("二是", "三是");
        assert_eq!(numbering(&with_measures(&gap)), [("GW0307", 6)], "{gap}");
    }
}

#[test]
fn circled_items_in_running_text() {
    let gap = with_measures(
        "（一）健全机制。主要措施：①健全调解机制；②加强医患沟通；④落实医疗责任保险。\n",
    );
    let f = found_of("GW0307", &text_doc(&gap));
    assert_eq!(
        f.iter()
            .map(|f| (f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [(5, "“②”之后是“④”，缺少“③”")]
    );
    for ok in [
        "（一）健全机制。主要措施：①健全调解机制；②加强医患沟通；③落实医疗责任保险。",
        // Footnote marks after words, items mentioned, and notes going on from earlier ones.
        "（一）健全机制。依据《条例》①和《办法》③的规定，落实“①”“③”两项要求。",
        "（一）健全机制。注：③数据截至12月31日；④含民营医疗机构。",
    ] {
        assert_eq!(numbering(&with_measures(&format!("{ok}\n"))), [], "{ok}");
    }
}

#[test]
fn a_restart_in_the_other_bracket_width_is_a_restart() {
    let text = with_measures("（一）甲。\n（二）乙。\n(一)丙。\n");
    let codes: Vec<&str> = numbering(&text).iter().map(|(c, _)| *c).collect();
    assert!(codes.contains(&"GW0301"), "{codes:?}");
}

#[test]
fn a_run_in_another_form_after_a_part_is_not_a_restart() {
    let text = GOOD_REPORT.replace(
        "继续完善依法决策机制，提升依法行政水平。",
        "一.完善制度。\n二.加强执法。",
    );
    let found = numbering(&text);
    assert!(found.iter().all(|(c, _)| *c == "GW0305"), "{found:?}");
    assert_eq!(found.len(), 2);
}

#[test]
fn a_run_broken_by_an_inverted_level_goes_on() {
    let text = with_measures(
        "1.健全工作机制\n（一）成立领导小组。\n（二）制定工作要点。\n2.规范执法行为\n3.加强普法宣传\n",
    );
    assert_eq!(numbering(&text), [("GW0303", 6)]);
    // A gap in it is still one.
    let gap = text.replace("3.加强", "4.加强").replace("2.规范", "3.规范");
    assert_eq!(numbering(&gap), [("GW0303", 6), ("GW0301", 8)]);
    // Not into the next part: items there start again.
    let next_part = GOOD_REPORT
        .replace(MEASURES, "1.健全工作机制\n（一）成立领导小组。")
        .replace(
            "继续完善依法决策机制，提升依法行政水平。",
            "2.完善依法决策机制。",
        );
    assert!(
        numbering(&next_part).contains(&("GW0301", 12)),
        "{:?}",
        numbering(&next_part)
    );
}

#[test]
fn items_numbered_in_the_parts_form_stand_below_them() {
    // "一.""二." under "一、", then "二、": the items' form is （一）, the next part in turn.
    let text = GOOD_REPORT.replace(
        MEASURES,
        "一.健全工作机制。成立领导小组。\n二.规范执法行为。全年立案29件。",
    );
    let found = found_of("GW03", &text_doc(&text));
    assert_eq!(
        found
            .iter()
            .map(|f| (f.code, f.line, f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0305", 5, Some(("（一）".to_string(), false))),
            ("GW0305", 6, Some(("（二）".to_string(), false)))
        ]
    );
    assert!(found[0].message.contains("是第二层的序号，应为“（一）”"));
    // With （一） items of their own, they are parts typed with the wrong mark.
    let own = GOOD_REPORT.replace(MEASURES, "一.健全工作机制\n（一）成立领导小组。");
    let found = found_of("GW0305", &text_doc(&own));
    assert_eq!(found[0].fix, Some(("一、".to_string(), true)));
}

#[test]
fn di_sequences() {
    let ok = "（一）甲。第一，建章。第二，立制。第三，执行。\n";
    assert_eq!(numbering(&with_measures(ok)), []);
    let dunhao = "（一）甲。第一、建章。第二、立制。第四、执行。\n";
    assert_eq!(numbering(&with_measures(dunhao)), [("GW0307", 5)]);
    let per_paragraph = "（一）甲。\n第一，建章。\n第二，立制。\n第四，执行。\n";
    let found = found_of("GW03", &text_doc(&with_measures(per_paragraph)));
    assert_eq!(
        found
            .iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0307", 8, "第四")]
    );
    assert!(
        found[0].message.contains("缺少“第三”"),
        "{}",
        found[0].message
    );
    // A list's first item may follow a comma.
    let comma = "（一）甲。要求做到三点，第一，出示证件；第二，告知权利；第三，全程记录。\n";
    assert_eq!(numbering(&with_measures(comma)), []);
    let skip = comma.replace("第三，", "第四，");
    assert_eq!(numbering(&with_measures(&skip)), [("GW0307", 5)]);
    // A rank is not an item, nor a range of periods.
    let rank = "（一）甲。在全市考核中排名第一，获评优秀。位列全省第二，继续保持。第三、四季度受理投诉0.9万件。第一、二批侧重行政处罚。\n";
    assert_eq!(numbering(&with_measures(rank)), []);
    // 其一，其二，: the same, and 尤其 is no item.
    let qi = "（一）甲。原因有三：其一，编制不足；其二，培训不够；其四，经费短缺。\n";
    let found = found_of("GW0307", &text_doc(&with_measures(qi)));
    assert_eq!(
        found.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
        ["其四"]
    );
    let ok = "（一）甲。原因有二：其一，编制不足；其二，培训不够，尤其一线人员流动较快。\n";
    assert_eq!(numbering(&with_measures(ok)), []);
}

#[test]
fn inline_sequences_across_paragraphs() {
    let per_paragraph = "（一）甲。\n一是建章。\n二是立制。\n三是执行。\n";
    assert_eq!(numbering(&with_measures(per_paragraph)), []);
    // A paragraph broken mid-sentence carries its sequence on.
    let broken = "（一）甲。\n一是建章立制，全年修订制\n度3项。二是严格执行。\n";
    assert_eq!(numbering(&with_measures(broken)), []);
    // A gap between leading paragraphs is a gap in the list.
    let gap = "（一）甲。\n一是建章。\n二是立制。\n四是执行。\n";
    let found = found_of("GW03", &text_doc(&with_measures(gap)));
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("缺少“三是”"),
        "{}",
        found[0].message
    );
    // The same item leading two paragraphs in turn.
    let twice = "（一）甲。\n一是建章。\n二是立制。\n二是执行。\n";
    let found = found_of("GW03", &text_doc(&with_measures(twice)));
    assert_eq!(
        found.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        ["“二是”之后又是“二是”，应为“三是”"]
    );
    // Sub-items under an item do not end the list; a new sub-part does.
    let nested = "（一）甲。\n第一，建章。\n第二，打击欺诈骗保。\n1.强化日常监管。\n2.开展专项整治。\n第三，优化服务。\n";
    assert_eq!(numbering(&with_measures(nested)), []);
    let parts = "（一）甲。\n一是建章。\n二是立制。\n（二）乙。\n三是执行。\n";
    let found = found_of("GW0307", &text_doc(&with_measures(parts)));
    assert_eq!(found.len(), 1, "a list under （二） starts again");
}

#[test]
fn numerals_inside_words_are_not_items() {
    let body = "（一）甲。统一是前提，唯一是标准。是否合规需要审查。落实第一责任人职责，推进一网通办，“十四五”规划有序实施。\n";
    assert_eq!(numbering(&with_measures(body)), []);
}

#[test]
fn row_labels_of_a_table_are_no_headings() {
    // Typed as text, with tabs between the cells.
    let table = "（一）健全机制。收入情况如下。\n项目\t2024年\t2025年\n一、税收收入\t118.42\t124.56\n二、非税收入\t3.61\t3.25\n合计\t122.03\t127.81\n";
    assert_eq!(codes_of("GW0", &with_measures(table)), []);
    // With spaces; its total still checked.
    let spaced = "（一）健全机制。收入情况如下。\n项目        2024年    2025年\n一、税收收入  118.42    124.56\n二、非税收入    3.61      3.25\n合计          122.03    127.81\n";
    assert_eq!(codes_of("GW0", &with_measures(spaced)), []);
    let wrong = spaced.replace("122.03", "122.30");
    assert_eq!(codes_of("GW0", &with_measures(&wrong)), [("GW0412", 9)]);
    // In a Word table of several columns; a one-column table only lays out the text.
    let cell = |table, row, col| Some(crate::document::CellRef { table, row, col });
    let mut paragraphs: Vec<crate::document::Paragraph> = Vec::new();
    for l in GOOD_REPORT.lines() {
        paragraphs.push(crate::document::Paragraph {
            text: l.into(),
            ..Default::default()
        });
        if l.starts_with("（一）") {
            for (row, (label, figure)) in [("一、税收收入", "118"), ("二、非税收入", "3")]
                .into_iter()
                .enumerate()
            {
                for (col, text) in [label, figure].into_iter().enumerate() {
                    paragraphs.push(crate::document::Paragraph {
                        text: text.into(),
                        cell: cell(1, row as u32 + 1, col as u32 + 1),
                        ..Default::default()
                    });
                }
            }
        }
    }
    let doc = crate::document::Document::from_paragraphs("t.docx", paragraphs.clone());
    assert!(found_of("GW03", &doc).is_empty());
    // The same labels in a one-column table are the report's own headings.
    paragraphs.retain(|p| p.cell.is_none_or(|c| c.col == 1));
    let doc = crate::document::Document::from_paragraphs("t.docx", paragraphs);
    assert!(!found_of("GW03", &doc).is_empty());
}

/// Each finding's code, line and marked text.
fn where_found(f: &[crate::rules::Found]) -> Vec<(&'static str, usize, &str)> {
    f.iter()
        .map(|f| (f.code, f.line, f.text.as_str()))
        .collect()
}

/// "二、…" "（三）党政主要负责人…情况" "四、…": one part typed as an item between two parts.
#[test]
fn a_part_typed_as_an_item() {
    let text = GOOD_REPORT.replace("三、党政主要", "（三）党政主要");
    let f = found_of("GW03", &text_doc(&text));
    assert_eq!(where_found(&f), [("GW0309", 8, "（三）")]);
    assert_eq!(f[0].message, "报告的这一部分用了序号“（三）”，应为“三、”");
    // Items of its own under it, from （一）.
    let with_items = text.replace(
        "主要负责人带头学法，",
        "（一）带头学法。主要负责人带头学法，\n（二）带头部署。",
    );
    let f = found_of("GW03", &text_doc(&with_items));
    assert_eq!(where_found(&f), [("GW0309", 8, "（三）")]);
    // An item that goes on from the items above it is an item; so is one that names no part.
    let run_on = GOOD_REPORT
        .replace(
            "（一）健全依法决策机制。",
            "（一）健全依法决策机制。\n（二）强化监督。",
        )
        .replace(
            "二、存在的不足和原因\n",
            "二、存在的不足和原因\n（三）执法力量不足。\n",
        );
    assert_eq!(codes_of("GW0309", &run_on), []);
    let unnamed = GOOD_REPORT.replace(
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "（三）强化队伍建设",
    );
    assert_eq!(codes_of("GW0309", &unnamed), []);
}

#[test]
fn parts_numbered_one_dot() {
    // The parts numbered "1." … "4.", their sub-headings "（一）" and items "1.".
    let text = GOOD_REPORT
        .replace("一、2024年推进", "1.2024年推进")
        .replace("二、存在的不足", "2.存在的不足")
        .replace("三、党政主要", "3.党政主要")
        .replace("四、2025年推进", "4.2025年推进")
        .replace(
            "（一）健全依法决策机制。",
            "（一）健全依法决策机制。\n1.审查决策。\n2.公开目录。\n（二）强化监督。\n",
        );
    let f = found_of("GW03", &text_doc(&text));
    assert_eq!(
        where_found(&f),
        [
            ("GW0309", 4, "1."),
            ("GW0309", 10, "2."),
            ("GW0309", 12, "3."),
            ("GW0309", 14, "4.")
        ]
    );
    assert_eq!(f[0].message, "报告的这一部分用了序号“1.”，应为“一、”");
    assert_eq!(f[0].severity, crate::diagnostic::Severity::Error);
    // Without "（一）" under them, a report may start at that level: a warning.
    let flat = text
        .replace("（一）健全", "健全")
        .replace("（二）强化", "强化");
    let f = found_of("GW0309", &text_doc(&flat));
    assert_eq!(f.len(), 4);
    assert_eq!(f[0].severity, crate::diagnostic::Severity::Warning);
    // One part so numbered is a sub-heading's business, not the parts'.
    let one = GOOD_REPORT.replace("二、存在的不足", "2.存在的不足");
    assert!(found_of("GW0309", &text_doc(&one)).is_empty());
    // Parts numbered "（一）", with plans for next year as "1." items under the last.
    let paren = GOOD_REPORT
        .replace("一、2024年推进", "（一）2024年推进")
        .replace("（一）健全依法决策机制。", "健全依法决策机制。")
        .replace("二、存在的不足", "（二）存在的不足")
        .replace("三、党政主要", "（三）党政主要")
        .replace(
            "四、2025年推进法治政府建设的主要安排\n",
            "（四）2025年推进法治政府建设的主要安排\n1.2025年普法工作重点\n2.2025年执法工作重点\n",
        );
    assert!(
        found_of("GW03", &text_doc(&paren)).is_empty(),
        "{:?}",
        numbering(&paren)
    );
}

/// Parts named by their theme ("1.强化组织领导") before the named ones ("3.存在的不足"):
/// one run of "1." headings with "（一）" under them is the parts, each said once.
#[test]
fn theme_parts_numbered_one_dot() {
    let text = GOOD_REPORT
        .replace(
            "一、2024年推进法治政府建设的主要举措和成效\n（一）健全依法决策机制。",
            "1.强化组织领导\n（一）健全工作机制。全年研究法治工作4次。\n（二）抓好学法用法。\n2.推进严格规范执法\n（一）健全依法决策机制。",
        )
        .replace("二、存在的不足", "3.存在的不足")
        .replace("三、党政主要", "4.党政主要")
        .replace("四、2025年推进", "5.2025年推进");
    assert_eq!(
        where_found(&found_of("GW03", &text_doc(&text))),
        [
            ("GW0309", 4, "1."),
            ("GW0309", 7, "2."),
            ("GW0309", 9, "3."),
            ("GW0309", 11, "4."),
            ("GW0309", 13, "5.")
        ]
    );
    assert!(found_of("GW0104", &text_doc(&text)).is_empty());
    // A restart among them: which are parts is not sure, and none is said to be one.
    let restarted = text.replace("2.推进严格规范执法", "1.推进严格规范执法");
    assert!(found_of("GW0309", &text_doc(&restarted)).is_empty());
    // Items under a part headed without a number, some reading like parts.
    let items = GOOD_REPORT.replace(
        "一、2024年推进法治政府建设的主要举措和成效\n（一）健全依法决策机制。",
        "2024年推进法治政府建设的主要举措和成效\n1.认真履行第一责任人职责。\n2.推进依法决策。\n3.加强督察，认真整改存在的问题。\n（一）健全依法决策机制。",
    );
    assert!(found_of("GW0309", &text_doc(&items)).is_empty());
}

#[test]
fn bracketed_items_in_running_text() {
    let skip =
        with_measures("（一）健全机制。主要做法：（1）建立清单；（2）完善程序；（4）强化监督。\n");
    assert_eq!(numbering(&skip), [("GW0307", 5)]);
    let f = found_of("GW0307", &text_doc(&skip));
    assert_eq!(f[0].message, "“（2）”之后是“（4）”，缺少“（3）”");
    let han = with_measures(
        "（一）健全机制。内容包括：“（一）资质管理；（二）执业管理；（二）药品管理”。\n",
    );
    assert_eq!(numbering(&han), [("GW0307", 5)]);
    for ok in [
        "（一）健全机制。主要做法：（1）建立清单；（2）完善程序；（3）强化监督。",
        // A law's item, markers mentioned, a lone quoted heading, two paragraphs.
        "（一）健全机制。依据第二十条第（一）项、第（三）项处理，“（三）”之后应为“（四）”。",
        "（一）健全机制。第二段应为：（三）推进政务服务改革创新",
    ] {
        assert_eq!(numbering(&with_measures(&format!("{ok}\n"))), [], "{ok}");
    }
}

#[test]
fn dotted_items_in_running_text() {
    let skip = with_measures(
        "（一）健全机制。主要做法：1.推行执法公示；3.规范执法程序；4.加强案卷评查。\n",
    );
    let f = found_of("GW0307", &text_doc(&skip));
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        ["“1.”之后是“3.”，缺少“2.”"]
    );
    for ok in [
        "（一）健全机制。主要做法：1.推行执法公示；2.规范执法程序；3.加强案卷评查。",
        // Decimals, times, and run-in headings of a merged paragraph.
        "（一）健全机制。增长：1.5倍；比上年：2.3个百分点；时间：8.30至17.30。",
        "（一）健全机制。全年审查决策3件。2.强化监督。全年评查案卷30卷。4.加强培训。",
        // One item only.
        "（一）健全机制。具体为：1.推行执法公示。",
    ] {
        assert_eq!(numbering(&with_measures(&format!("{ok}\n"))), [], "{ok}");
    }
}

#[test]
fn a_sub_heading_that_lost_its_marker_is_named() {
    let body = "（一）健全机制。全年审查决策3件。\n加强队伍建设\n全年培训执法人员120人次。\n（三）强化监督。全年评查案卷30卷。\n";
    let f = found_of("GW03", &text_doc(&with_measures(body)));
    assert_eq!(where_found(&f), [("GW0302", 6, "加强队伍建设")]);
    assert_eq!(
        f[0].message,
        "“（一）”之后是“（三）”，缺少“（二）”：这一行“加强队伍建设”像是丢了序号的小标题"
    );
    // A heading written with its stop, on its own line.
    let body = "（一）健全机制。\n全年审查决策3件。\n加强队伍建设。\n全年培训执法人员120人次。\n（三）强化监督。\n";
    let f = found_of("GW03", &text_doc(&with_measures(body)));
    assert_eq!(where_found(&f), [("GW0302", 7, "加强队伍建设。")]);
    // Two such lines: no guess.
    let body = "（一）健全机制。\n加强队伍建设\n规范执法程序\n（三）强化监督。\n";
    let f = found_of("GW03", &text_doc(&with_measures(body)));
    assert_eq!(where_found(&f), [("GW0301", 8, "（三）")]);
}

#[test]
fn a_sub_heading_lost_with_its_own_list_below_it() {
    let lost = "（一）健全机制\n1.落实审查。全年审查决策3件。\n2.开展评查。全年评查案卷30卷。\n{LOST}\n1.抓好培训。培训执法人员120人次。\n2.以案释法。组织旁听庭审2次。\n（三）强化监督\n1.开展检查12次。\n";
    // Run in with its 一是 list, or on a line of its own: the "1." below it starts its
    // own list, and the lower level does not take it for its "3.".
    for (line, words, place) in [
        (
            "加强队伍建设。一是集中培训；二是以案释法。",
            "加强队伍建设",
            "段首的",
        ),
        ("加强队伍建设", "加强队伍建设", "这一行"),
    ] {
        let f = found_of(
            "GW03",
            &text_doc(&with_measures(&lost.replace("{LOST}", line))),
        );
        assert_eq!(where_found(&f), [("GW0302", 8, words)], "{line}");
        assert_eq!(
            f[0].message,
            format!("“（一）”之后是“（三）”，缺少“（二）”：{place}“{words}”像是丢了序号的小标题")
        );
    }
    // With nothing below it, it is the （二） the gap misses, not the "3." of the list above.
    let last = "（一）健全机制\n1.落实审查。全年审查决策3件。\n2.开展评查。全年评查案卷30卷。\n加强队伍建设。一是集中培训；二是以案释法。\n（三）强化监督\n";
    let f = found_of("GW03", &text_doc(&with_measures(last)));
    assert_eq!(where_found(&f), [("GW0302", 8, "加强队伍建设")]);
    // Two such paragraphs: the one right above the list heads it; the one before goes on
    // from the list above.
    let two = lost.replace(
        "{LOST}",
        "加强队伍建设。一是集中培训；二是以案释法。\n规范执法程序。一是公示信息；二是法制审核。",
    );
    let f = found_of("GW03", &text_doc(&with_measures(&two)));
    assert_eq!(
        where_found(&f),
        [("GW0302", 8, "加强队伍建设"), ("GW0302", 9, "规范执法程序")]
    );
    assert!(
        f[0].message.ends_with("应为“3.加强队伍建设”"),
        "{}",
        f[0].message
    );
    assert!(f[1].message.contains("缺少“（二）”"), "{}", f[1].message);
}

#[test]
fn a_level_whose_headings_all_lost_their_markers() {
    let body = "健全依法决策机制\n1.审查重大行政决策3件。\n2.评查行政执法案卷30卷。\n加强执法队伍建设\n1.培训执法人员120人次。\n2.组织旁听庭审2次。\n";
    let f = found_of("GW03", &text_doc(&with_measures(body)));
    assert_eq!(
        where_found(&f),
        [
            ("GW0302", 5, "健全依法决策机制"),
            ("GW0302", 8, "加强执法队伍建设")
        ]
    );
    assert_eq!(
        f[1].message,
        "“一、”下的小标题都没有序号，缺少“（二）”：这一行“加强执法队伍建设”像是丢了序号的小标题"
    );
    // One list under a lead line is a list, whatever the line reads like.
    let one = "全年主要做了以下工作\n1.审查重大行政决策3件。\n2.评查行政执法案卷30卷。\n";
    assert_eq!(numbering(&with_measures(one)), []);
    // A list right below the parent's heading has no lost heading to name: the level is
    // not read as lost, and the restart is reported as it was.
    let first_bare = body.replacen("健全依法决策机制\n", "", 1);
    assert_eq!(numbering(&with_measures(&first_bare)), [("GW0301", 8)]);
}

/// The hand scan for a lead phrase finds what the pattern it replaced found.
#[test]
fn lead_phrases_as_the_pattern_found_them() {
    let pattern =
        regex::Regex::new(r"^([^\s，。；：,;:！？!?“”‘’《》()（）、]{2,20})[。：:]?(一是|首先)")
            .unwrap();
    for text in [
        "推进政务服务改革创新。一是优化流程",
        "推进政务服务改革创新一是优化流程",
        "推进改革：首先，完善制度",
        "推进改革:一是",
        "改一是",
        "一是完善制度",
        "推进 改革。一是",
        "推进改革，一是优化",
        "一是一是一是",
        "强化法治宣传教育一是推进一是落实",
        "这是一个非常非常非常非常长的导语超过二十个字。一是",
        "这是一个非常非常非常非常长的导语超过二十个字一是",
        "二十个字以内的导语二十个字以内的导语一是",
        "二十个字以内的导语二十个字以内的导语二一是",
        "健全机制。。一是",
        "健全机制。首先",
        "",
    ] {
        let expected = pattern.captures(text).map(|c| c[1].len());
        assert_eq!(super::lead_phrase(text), expected, "{text}");
    }
    // And on strings drawn at random from the characters that matter.
    for text in crate::rules::random_strings("推进一是首先。：:，、 a1二", 5000, 30) {
        let expected = pattern.captures(&text).map(|c| c[1].len());
        assert_eq!(super::lead_phrase(&text), expected, "{text}");
    }
    // A closed quotation or title is one character of the lead; an open one ends it.
    for (text, lead) in [
        ("深化“放管服”改革。一是", Some("深化“放管服”改革")),
        ("学习《民法典》。一是", Some("学习《民法典》")),
        ("学习《民法典。一是", None),
        ("“一是”", None),
    ] {
        assert_eq!(super::lead_phrase(text).map(|n| &text[..n]), lead, "{text}");
    }
}

/// A report whose parts are numbered 第一部分…, with 一、 sections under them.
const IN_PARTS: &str = "青禾市卫生健康委员会2024年法治政府建设年度报告
市委、市政府：
2024年，我委全面推进依法行政，现将有关情况报告如下。
第一部分　2024年推进法治政府建设的主要举措和成效
一、健全依法决策机制
全年审查重大行政决策3件，全部经过合法性审查。
二、严格规范执法
全年办结行政处罚案件48件。
第二部分　存在的不足和原因
执法力量不足。主要原因是基层执法人员流动较快。
第三部分　党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法，亲自部署法治建设工作。
第四部分　2025年推进法治政府建设的主要安排
一、完善依法决策机制。
二、提升执法水平。
青禾市卫生健康委员会
2025年1月20日
";

#[test]
fn parts_numbered_di_yi_bu_fen_stand_above_their_sections() {
    // The parts are found, the sections restart under each part, the gap is no stray space.
    assert_eq!(codes_of("GW", IN_PARTS), []);
    let skipped = IN_PARTS.replace("第四部分", "第五部分");
    let f = found_of("GW03", &text_doc(&skipped));
    assert_eq!(where_found(&f), [("GW0301", 13, "第五部分　")]);
    assert_eq!(
        f[0].message,
        "序号不连续：“第三部分”之后是“第五部分”，缺少“第四部分”"
    );
    let repeated = IN_PARTS.replace("二、严格", "一、严格");
    assert_eq!(numbering(&repeated), [("GW0301", 7)]);
    // The number on a line of its own, the title on the next.
    let split = IN_PARTS
        .replace("第一部分　", "第一部分\n")
        .replace("第二部分　", "第二部分\n")
        .replace("第三部分　", "第三部分\n")
        .replace("第四部分　", "第四部分\n");
    assert_eq!(codes_of("GW", &split), []);
    let skipped = split.replace("第四部分", "第五部分");
    assert_eq!(numbering(&skipped), [("GW0301", 16)]);
    // The number run into its title, on a line of its own; not a sentence about a part.
    let run_in = IN_PARTS.replace("部分　", "部分");
    assert_eq!(codes_of("GW", &run_in), []);
    assert_eq!(crate::outline::parse_marker("第一部分为总则"), None);
    // Without the parts' numbers the sections carry the outline, as before.
    let plain = IN_PARTS.replace("第二部分　", "二、");
    assert!(numbering(&plain).contains(&("GW0301", 9)));
}

#[test]
fn a_list_announced_by_its_own_lead_in_restarts() {
    let body = "（一）规范行政执法。\n执法工作主要采取了以下措施：\n1.落实执法公示制度。\n2.推行执法全过程记录。\n执法监督方面主要采取了以下措施：\n1.开展案卷评查。\n2.开展执法检查。\n";
    assert_eq!(numbering(&with_measures(body)), []);
    // Without the lead-in, the restart is reported; and the new list is checked too.
    let body =
        "（一）规范行政执法。\n1.落实执法公示制度。\n2.推行执法全过程记录。\n1.开展案卷评查。\n";
    assert_eq!(numbering(&with_measures(body)), [("GW0301", 8)]);
    let body = "（一）规范行政执法。\n主要措施：\n1.落实执法公示制度。\n2.推行执法全过程记录。\n监督方面：\n1.开展案卷评查。\n3.开展执法检查。\n";
    assert_eq!(numbering(&with_measures(body)), [("GW0301", 11)]);
}

#[test]
fn enclosed_number_characters_are_markers_in_the_wrong_form() {
    let body = "㈠健全机制。全年审查决策3件。\n⑴完善清单。\n⑵规范程序。\n㈡强化监督。\n⒈开展评查。\n⒉组织考核。\n";
    let text = GOOD_REPORT.replace(
        "（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查。\n",
        body,
    );
    let f = found_of("GW03", &text_doc(&text));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone().map(|x| x.0)))
            .collect::<Vec<_>>(),
        [
            ("GW0310", "㈠", Some("（一）".to_string())),
            ("GW0310", "⑴", Some("（1）".to_string())),
            ("GW0310", "⑵", Some("（2）".to_string())),
            ("GW0310", "㈡", Some("（二）".to_string())),
            ("GW0310", "⒈", Some("1.".to_string())),
            ("GW0310", "⒉", Some("2.".to_string())),
        ]
    );
    // Circled numbers are the fifth level.
    assert_eq!(
        numbering(&with_measures("（一）甲。\n1.乙\n（1）丙\n①丁\n②戊\n")),
        []
    );
}

#[test]
fn parts_that_all_lost_their_numbers_are_told_theirs() {
    let bare = GOOD_REPORT
        .replace("一、2024年", "2024年")
        .replace("二、存在", "存在")
        .replace("三、党政", "党政")
        .replace("四、2025年", "2025年");
    let f = found_of("GW0", &text_doc(&bare));
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0302", 4), ("GW0302", 6), ("GW0302", 8), ("GW0302", 10)]
    );
    assert!(f[3].message.contains("缺少“四、”"), "{}", f[3].message);
    // A sentence that names a part is no heading: "无其他需要报告的情况。"
    let none = GOOD_REPORT.replace(
        "继续完善依法决策机制，提升依法行政水平。\n",
        "继续完善依法决策机制，提升依法行政水平。\n五、其他需要报告的情况\n无其他需要报告的情况。\n",
    );
    assert_eq!(numbering(&none), []);
}

#[test]
fn a_count_announced_before_its_list() {
    for (body, line) in [
        (
            "主要存在以下三个方面的不足：一是执法力量不足；二是普法针对性不强。\n",
            5,
        ),
        // The list in the paragraphs after the lead-in.
        ("原因有三：\n一是执法力量不足。\n二是普法针对性不强。\n", 5),
        (
            "重点抓好两个方面：第一，健全机制；第二，强化监督；第三，加强培训。\n",
            5,
        ),
    ] {
        let found: Vec<(&str, usize)> = numbering(&with_measures(body))
            .into_iter()
            .filter(|(c, _)| *c == "GW0311")
            .collect();
        assert_eq!(found, [("GW0311", line)], "{body}");
    }
    let found = found_of(
        "GW0311",
        &text_doc(&with_measures(
            "主要存在以下三个方面的不足：一是执法力量不足；二是普法针对性不强。\n",
        )),
    );
    assert_eq!(
        found[0].message,
        "前面说“三个方面”，后面只列出了两项（一是、二是）"
    );
    for ok in [
        "主要存在以下两个方面的不足：一是执法力量不足；二是普法针对性不强。\n",
        "全面落实“三项制度”：一是公示；二是记录。\n",
        "全面落实行政执法三项制度：一是公示；二是记录；三是审核；四是评议。\n",
        // A gap is GW0307's; no count announced.
        "主要存在以下三个方面的不足：一是执法力量不足；三是普法针对性不强。\n",
        "主要存在以下不足：一是执法力量不足；二是普法针对性不强。\n",
        // Another sentence before the colon's clause.
        "三个方面的工作都已完成。具体如下：一是健全机制；二是强化监督。\n",
    ] {
        let found: Vec<(&str, usize)> = numbering(&with_measures(ok))
            .into_iter()
            .filter(|(c, _)| *c == "GW0311")
            .collect();
        assert_eq!(found, [], "{ok}");
    }
}

/// GOOD_REPORT as a .docx whose "（一）" heading Word numbers as `first`, followed by the
/// `after` headings in the same list.
fn auto_numbered(first: &str, after: &[(&str, &str)]) -> crate::document::Document {
    use crate::document::{Document, Paragraph};
    let numbered = |n: &str, text: &str| Paragraph {
        text: text.into(),
        auto_number: Some(n.into()),
        ..Paragraph::default()
    };
    let mut paras: Vec<Paragraph> = Vec::new();
    for line in GOOD_REPORT.lines() {
        match line.strip_prefix("（一）") {
            Some(rest) => {
                paras.push(numbered(first, rest));
                paras.extend(after.iter().map(|(n, t)| numbered(n, t)));
            }
            None => paras.push(Paragraph {
                text: line.into(),
                ..Paragraph::default()
            }),
        }
    }
    Document::from_paragraphs("a.docx", paras)
}

/// Word's numbering in a wrong format ("(%1)") is one fault of the list's format: said
/// once, at the first marker, with how to change the format and how many it covers.
#[test]
fn an_automatic_list_in_a_wrong_format_is_said_once() {
    let doc = auto_numbered(
        "(一)",
        &[("(二)", "强化执法监督。"), ("(三)", "加强普法宣传。")],
    );
    let found = found_of("GW0304", &doc);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "序号“(一)”使用了半角括号，应为“（一）”；此序号由 Word 自动编号生成（这样的序号共3处，只在这里报告），请在 Word 中修改编号格式：右键单击编号，选“定义新编号格式”，把编号格式改为“（一）”，同一列表中这一级的序号会一起改好，不要改动正文文字"
    );
    // Typed by hand, each marker is its own fault, with its own fix.
    let typed = with_measures("(一)健全机制。\n(二)强化监督。\n");
    assert_eq!(found_of("GW0304", &text_doc(&typed)).len(), 2);
}

/// A gap in Word's numbering is mended in Word: the message says where the number comes
/// from, the advice how to mend it, and neither tells the drafter to edit the number.
#[test]
fn a_gap_in_automatic_numbering_is_mended_in_word() {
    let found = found_of(
        "GW0301",
        &auto_numbered("（一）", &[("（三）", "强化执法监督。")]),
    );
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.ends_with("（此序号由 Word 自动编号生成）"),
        "{}",
        found[0].message
    );
    assert!(found[0].help.contains("选“继续编号”或“设置编号值”"));
    assert!(!found[0].help.contains("重新编号"));
}

/// A heading whose Word number was switched off (numId 0) among siblings of its list.
#[test]
fn a_heading_whose_word_number_was_removed() {
    use crate::document::{ListSlot, Paragraph};
    let report = |removed: Option<bool>| {
        let slot = |removed| ListSlot {
            num_id: 1,
            level: 1,
            removed,
        };
        let heading = |text: &str, number: Option<&str>, removed: Option<bool>| Paragraph {
            text: text.into(),
            auto_number: number.map(String::from),
            outline_level: Some(2),
            list: removed.map(slot),
            ..Default::default()
        };
        let body = |text: &str| Paragraph {
            text: text.into(),
            ..Default::default()
        };
        let paragraphs: Vec<Paragraph> = GOOD_REPORT
            .lines()
            .flat_map(|l| {
                if l == crate::rules::MEASURES {
                    vec![
                        heading("健全依法决策机制", Some("（一）"), Some(false)),
                        body("全年审查重大行政决策3件。"),
                        heading("加强执法监督", Some("（二）"), Some(false)),
                        body("全年评查案卷60卷。"),
                        heading("优化政务服务", None, removed),
                        body("全年办件1045件。"),
                        heading("深化普法宣传", Some("（三）"), Some(false)),
                        body("开展普法活动20场。"),
                    ]
                } else {
                    vec![body(l)]
                }
            })
            .collect();
        crate::document::Document::from_paragraphs("t.docx", paragraphs)
    };
    let found = |doc: &crate::document::Document| -> Vec<(&str, usize)> {
        crate::Linter::with_defaults()
            .lint_document(doc)
            .iter()
            .filter(|d| d.rule.code.starts_with("GW03"))
            .map(|d| (d.rule.code, doc.position(d.span.start).line))
            .collect()
    };
    let doc = report(Some(true));
    assert_eq!(found(&doc), [("GW0302", 9)]);
    let d = crate::Linter::with_defaults().lint_document(&doc);
    let lost = d.iter().find(|f| f.rule.code == "GW0302").unwrap();
    assert!(lost.message.contains("应为“（三）”"), "{}", lost.message);
    // A heading style's paragraph that was never in the list: a heading of its own kind.
    assert_eq!(found(&report(None)), []);
}

/// "一、<title>" over the 主送机关: the title took the parts' first number.
#[test]
fn a_title_numbered_as_a_part() {
    let renumbered = GOOD_REPORT
        .replace("\n四、", "\n五、")
        .replace("\n三、", "\n四、")
        .replace("\n二、", "\n三、")
        .replace("\n一、", "\n二、");
    let text = format!("一、{renumbered}");
    assert_eq!(
        messages_of("GW0", &text),
        [("GW0312", 1, "标题前带了序号“一、”".to_string())]
    );
    // The title itself is read without it.
    assert_eq!(codes_of("GW01", &text), []);
    // Parts numbered from "一、" all the same: only the title's number is wrong.
    assert_eq!(
        messages_of("GW0", &format!("一、{GOOD_REPORT}")),
        [("GW0312", 1, "标题前带了序号“一、”".to_string())]
    );
    // A part's heading naming a report is no title: nothing is above it.
    let inner = GOOD_REPORT.replacen(
        "一、2024年推进法治政府建设的主要举措和成效",
        "一、2024年法治政府建设年度报告",
        1,
    );
    assert_eq!(codes_of("GW0312", &inner), []);
}

/// Capital numerals, a zero before the digit, and Word's multilevel "1.1": each a wrong
/// way to write a marker's number, told with the marker it should be.
#[test]
fn marker_digits_in_capitals_padded_or_multilevel() {
    let parts = ["一、", "二、", "三、", "四、"];
    let capitals = parts
        .iter()
        .zip(["壹、", "贰、", "叁、", "肆、"])
        .fold(GOOD_REPORT.to_string(), |text, (from, to)| {
            text.replacen(&format!("\n{from}"), &format!("\n{to}"), 1)
        });
    let f = found_of("GW03", &text_doc(&capitals));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0313", 4, "壹、", Some(("一、".to_string(), true))),
            ("GW0313", 6, "贰、", Some(("二、".to_string(), true))),
            ("GW0313", 8, "叁、", Some(("三、".to_string(), true))),
            ("GW0313", 10, "肆、", Some(("四、".to_string(), true))),
        ]
    );
    assert_eq!(f[0].message, "序号“壹、”用了大写数字，应为“一、”");
    let padded =
        with_measures("（一）健全机制。\n01.审查决策。全年审查3件。\n02.开展培训。全年培训2次。");
    let f = found_of("GW03", &text_doc(&padded));
    assert_eq!(
        f.iter()
            .map(|f| (f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (6, "序号“01.”在数字前补了“0”，应为“1.”"),
            (7, "序号“02.”在数字前补了“0”，应为“2.”")
        ]
    );
    // Typed, "1.1" is a figure, and a capital numeral in a sentence is money.
    let quiet = with_measures(
        "（一）健全机制。全年审查3件。\n1.1万人次参加了培训。\n壹万元以上的罚款均经集体讨论。",
    );
    assert!(found_of("GW0313", &text_doc(&quiet)).is_empty());
    // Word's multilevel numbers: the second level stands at （一）'s, the third at 1.'s;
    // one finding for the level, with how many numbers it covers.
    let doc = with_word_numbers(&[
        ("健全依法决策机制", Some("1.1")),
        ("全年审查重大行政决策3件，全部经过合法性审查。", None),
        ("完善制度", Some("1.2")),
        ("修订制度3项", Some("1.2.1")),
        ("清理文件9件", Some("1.2.2")),
    ]);
    let f = found_of("GW0", &doc);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0313", 5, "1.1"), ("GW0313", 8, "1.2.1")]
    );
    assert!(f[0].message.starts_with("序号“1.1”是多级编号的写法，应为“（一）”；此序号由 Word 自动编号生成（这样的序号共2处，只在这里报告）"), "{}", f[0].message);
    assert!(
        f[1].message
            .starts_with("序号“1.2.1”是多级编号的写法，应为“1.”；"),
        "{}",
        f[1].message
    );
}
