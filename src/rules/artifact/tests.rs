use crate::diagnostic::Severity;
use crate::document::{Document, Format};
use crate::rules::{Found, GOOD_REPORT, MEASURES, found_of, messages_of, with_measures};

fn found_in(doc: &Document) -> Vec<Found> {
    found_of("GW06", doc)
}

fn found(text: &str) -> Vec<Found> {
    found_in(&Document::from_text(
        "t.txt",
        Format::Text,
        "utf-8",
        text.into(),
    ))
}

/// The findings of one rule.
fn found_by(code: &str, text: &str) -> Vec<Found> {
    found(text).into_iter().filter(|f| f.code == code).collect()
}

fn codes(text: &str) -> Vec<(&'static str, usize)> {
    found(text).iter().map(|f| (f.code, f.line)).collect()
}

#[test]
fn correct_report_is_quiet() {
    assert_eq!(codes(GOOD_REPORT), []);
}

#[test]
fn web_debris_is_reported_per_block() {
    let text = GOOD_REPORT
        .replacen(
            "市委、市政府：",
            "发布时间：2025-01-20  浏览次数：356\n市委、市政府：",
            1,
        )
        .replace(
            "2025年1月20日\n",
            "2025年1月20日\n字体：大 中 小\n打印\n分享：\n",
        );
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0601", 2), ("GW0601", 15)]
    );
    assert_eq!(f[1].text, "字体：大 中 小\n打印\n分享：");
    assert_eq!(f[1].fix, Some((String::new(), false)));
    // A table border left alone on a line.
    let text = format!("|\n{GOOD_REPORT}");
    assert_eq!(codes(&text), [("GW0601", 1)]);
    // A print copy's page number between two halves of a sentence.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件，全部经过\n2\n合法性审查和集体讨论。",
    );
    // The sentence goes on past the page number: broken there, and joined across it.
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0604", 5), ("GW0601", 6)]
    );
    assert_eq!(f[0].text, "过\n2\n合");
    assert_eq!(f[0].fix, Some(("过合".to_string(), false)));
    assert!(
        f[1].message.starts_with("页码残留：“2”"),
        "{}",
        f[1].message
    );
    // A print copy's running header: the title again between paragraphs.
    let text = GOOD_REPORT.replace(
        "二、存在的不足和原因\n",
        "青禾市卫生健康委员会2024年法治政府建设年度报告\n二、存在的不足和原因\n",
    );
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0601", 6)]
    );
    assert!(f[0].message.starts_with("页眉残留"), "{}", f[0].message);
    // A page number and the header under it, named for what they are.
    let text = GOOD_REPORT.replace(
        "二、存在的不足和原因\n",
        "— 3 —\n青禾市卫生健康委员会2024年法治政府建设年度报告\n二、存在的不足和原因\n",
    );
    let f = found(&text);
    assert!(
        f[0].message.starts_with("页码和页眉残留（第6～7行）"),
        "{}",
        f[0].message
    );
    // A report sent as a mail's body: its header is the mail's.
    let text = format!(
        "发件人：王某 <wang@example.cn>\n发送时间：2025年1月20日 上午9:12\n主题：报送年度报告\n\n{GOOD_REPORT}"
    );
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0601", 1)]
    );
    assert!(
        f[0].message.starts_with("邮件残留内容（第1～3行）"),
        "{}",
        f[0].message
    );
    // The 成文日期 written as "2025-01-20" is a badly written date (GW0203), not a portal's
    // publishing date; the same line under the title is.
    let text = GOOD_REPORT.replace("2025年1月20日\n", "2025-01-20\n");
    assert_eq!(codes(&text), []);
    let text = GOOD_REPORT.replacen("市委、市政府：", "2025-01-20\n市委、市政府：", 1);
    assert_eq!(codes(&text), [("GW0601", 2)]);
    // A portal's source line; a table's note of its source is a sentence.
    let text = GOOD_REPORT.replacen(
        "市委、市政府：",
        "来源：青禾市卫生健康委员会\n市委、市政府：",
        1,
    );
    assert_eq!(codes(&text), [("GW0601", 2)]);
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件。\n来源：青禾市2024年行政执法统计年报。",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn a_bullet_list_of_sentences_is_no_debris_and_a_heading_ends_a_block() {
    let listed = with_measures(
        "（一）健全依法决策机制。\n•健全工作机制。局党组召开专题会议4次。\n•抓好学法用法。全年组织学法6次。",
    );
    assert_eq!(codes(&listed), []);
    // Debris on both sides of a heading: two blocks, never one that takes the heading.
    let text =
        with_measures("• 打印本页\n（一）健全依法决策机制\n• 返回\n全年审查重大行政决策3件。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .filter(|f| f.code == "GW0601")
            .map(|f| (f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [(5, "• 打印本页"), (7, "• 返回")]
    );
}

#[test]
fn invisible_characters_are_deleted_safely() {
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策\u{200B}\u{200B}3件，医疗\u{00AD}机构全部经过合法性审查。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0611", 5, "\u{200B}\u{200B}"), ("GW0611", 5, "\u{00AD}")]
    );
    assert_eq!(f[0].fix, Some((String::new(), true)));
    assert!(f[1].message.contains("软连字符"), "{}", f[1].message);
    // A stray NUL an export left.
    let text = with_measures("（一）健全依法决策机制。全年审查决策3件。\0医疗机构全部审查。");
    let f = found(&text);
    assert_eq!(f[0].fix, Some((String::new(), true)));
    assert!(f[0].message.contains("空字符 U+0000"), "{}", f[0].message);
    // The quoted context never cuts a number in two.
    let text = with_measures("（一）健全依法决策机制。参训1260人次。\u{200B}考试12,500.5人次。");
    assert!(
        found(&text)[0]
            .message
            .starts_with("“1260人次。␣考试12,500.5”"),
        "{}",
        found(&text)[0].message
    );
    // Direction marks and other invisible controls copied from web pages.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查决策\u{200E}3件，医疗\u{202C}机构全部经过\u{2063}审查。",
    );
    let f = found(&text);
    assert_eq!(f.len(), 3);
    assert!(
        f[0].message.contains("文字方向控制符 U+200E"),
        "{}",
        f[0].message
    );
    // Between letters of another script it is how the word is written.
    let text = with_measures("（一）健全依法决策机制。蒙古文“ᠬᠠᠷ\u{180E}ᠠ”。");
    assert_eq!(codes(&text), []);
    // A joiner inside an emoji sequence is how the emoji is written.
    let text = with_measures("（一）健全依法决策机制。开展“👨\u{200D}👩\u{200D}👧”家庭健康活动。");
    assert_eq!(codes(&text), []);
    // In the 成文日期 they are GW0203's, said with the date's form.
    let text = GOOD_REPORT.replace("2025年1月20日", "2025年1月\u{200B}20日");
    assert_eq!(codes(&text), []);
}

#[test]
fn line_separators_are_deleted_inside_a_sentence_only() {
    let text = with_measures("（一）健全依法决策机制。全年审查重大\u{2028}行政决策3件。");
    let f = found(&text);
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("行分隔符 U+2028"), "{}", f[0].message);
    assert_eq!(f[0].fix, Some((String::new(), true)));
    // After a sentence it may be the paragraph break meant: offered, not applied.
    let text = with_measures("（一）健全依法决策机制。全年审查决策3件。\u{2028}医疗机构全部审查。");
    let f = found(&text);
    assert_eq!(f[0].fix, Some((String::new(), false)));
    assert!(f[0].help.contains("改为回车"), "{}", f[0].help);
}

#[test]
fn private_use_characters_are_word_symbols_or_made_characters() {
    // Word's Symbol bullet copied as its code, with the tab after it.
    let text = with_measures("\u{F0B7}\t健全依法决策机制，全年审查重大行政决策3件。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0602", 5, "\u{F0B7}\t")]
    );
    assert!(
        f[0].message.contains("项目符号") && f[0].message.contains("“•”"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].fix, Some((String::new(), false)));
    // Wingdings' bullet, below 0x80, right before the text.
    let f = found(&with_measures(
        "\u{F06C}健全依法决策机制，全年审查重大行政决策3件。",
    ));
    assert!(f[0].message.contains("“●”"), "{}", f[0].message);
    // Inside a sentence: a check mark, or a character of a 造字 font, with no fix.
    let f = found(&with_measures(
        "（一）健全依法决策机制。全部审查\u{F0FC}，医疗机构\u{E123}3家。",
    ));
    assert_eq!(f.len(), 2);
    assert!(
        f[0].message.contains("U+F0FC（在 Word 中多半显示为“✓”）"),
        "{}",
        f[0].message
    );
    assert!(f[1].message.ends_with("U+E123"), "{}", f[1].message);
    assert_eq!(f[1].fix, None);
    // The bullet Word shows is no private character.
    assert_eq!(
        codes(&with_measures(
            "• 健全依法决策机制，全年审查重大行政决策3件。"
        )),
        []
    );
}

/// A table of contents pasted with the report: each entry, not an ellipsis in a sentence.
#[test]
fn contents_entries_are_word_residue() {
    let text = with_measures(
        "（一）健全依法决策机制。\n一、主要举措和成效……………………………1\n二、存在的不足和原因..........12\n他说……12\n全年办理……共12\n",
    );
    let f: Vec<Found> = found(&text)
        .into_iter()
        .filter(|f| f.code == "GW0602")
        .collect();
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        [
            "目录行“一、主要举措和成效……1”：报告正文中不应有目录",
            "目录行“二、存在的不足和原因……12”：报告正文中不应有目录"
        ]
    );
    assert!(f.iter().all(|f| f.fix == Some((String::new(), false))));
}

#[test]
fn word_residue_is_deleted_safely() {
    let text = with_measures(
        "[bookmark: _GoBack]（一）健全依法决策机制。全年审查决策3件（见第{ PAGEREF _Toc123456 \\h }页）。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [
            ("GW0602", "[bookmark: _GoBack]"),
            ("GW0602", "{ PAGEREF _Toc123456 \\h }")
        ]
    );
    assert!(f.iter().all(|f| f.fix == Some((String::new(), true))));
    // A bookmark run into a heading's number: its last digits may be the number, so the
    // deletion is no safe fix; before a Chinese character it is.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查决策3件。\n_Toc1234563.压实述法考核责任。\n_Hlk12345678压实述法考核责任。",
    );
    let f = found_by("GW0602", &text);
    assert_eq!(
        f.iter()
            .map(|f| (f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("_Toc1234563", Some((String::new(), false))),
            ("_Hlk12345678", Some((String::new(), true)))
        ]
    );
    assert!(
        f[0].help.contains("末尾的数字可能是标题序号"),
        "{}",
        f[0].help
    );
    let text = with_measures("（一）健全依法决策机制。全年审查决策3件。|");
    assert_eq!(codes(&text), [("GW0602", 5)]);
    // Full-width and no-break spaces inside a field code.
    let text =
        with_measures("（一）健全依法决策机制。全年审查决策3件（见第{\u{3000}PAGE\u{a0}}页）。");
    assert_eq!(codes(&text), [("GW0602", 5)]);
    // A web address's anchor is the link's; the space a field switch leaves goes with it.
    let text = with_measures(
        "（一）健全依法决策机制。详见http://wjw.qinghe.gov.cn/fzzf/2024.html#_Toc123456。全年办理\\* MERGEFORMAT 许可1260件。",
    );
    assert_eq!(
        found_by("GW0602", &text)
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>(),
        ["\\* MERGEFORMAT "]
    );
    // At a paragraph's start its space goes too; a TOC entry's page number goes with its
    // PAGEREF; the TOC field's switches are its own.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查决策3件。\nHYPERLINK \"http://www.qinghe.gov.cn\" 青禾市政府网站公开。\nPAGEREF _Toc158231 \\h 3\nTOC \\o \"1-3\" \\h \\z \\u",
    );
    assert_eq!(
        found_by("GW0602", &text)
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>(),
        [
            "HYPERLINK \"http://www.qinghe.gov.cn\" ",
            "PAGEREF _Toc158231 \\h 3",
            "TOC \\o \"1-3\" \\h \\z \\u"
        ]
    );
    // A broken cross-reference prints Word's error; quoted, it is a phrase.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查决策3件，详见表错误！未找到引用源。Error! Bookmark not defined.",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.is_some()))
            .collect::<Vec<_>>(),
        [
            ("GW0602", "错误！未找到引用源。", false),
            ("GW0602", "Error! Bookmark not defined.", false)
        ]
    );
    let text = with_measures("（一）健全依法决策机制。修复了显示“错误！未找到引用源。”的问题。");
    assert_eq!(codes(&text), []);
    // Prose between brackets is not residue: a safe fix must never delete it.
    let prose = "全年办理行政复议案件并公开结果".repeat(20);
    let text = with_measures(&format!("（一）健全依法决策机制。详见[comment:{prose}]。"));
    assert!(
        !codes(&text).iter().any(|(c, _)| *c == "GW0602"),
        "{:?}",
        codes(&text)
    );
}

#[test]
fn placeholders() {
    let text = with_measures(
        "（一）健全依法决策机制。****年审查决策XX件，某某年完成□□项，【待填】。委托张某某等3人审查。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
        ["****", "XX", "某某", "□□", "【待填】"]
    );
    assert!(
        f.iter()
            .all(|f| f.code == "GW0603" && f.severity == Severity::Error)
    );
    // A template's single X, one finding for a date; not an X of a word or a product.
    let text = with_measures(
        "（一）健全依法决策机制。X月X日召开专题会议，受理投诉X件，配备X光机2台、iPhone X台，维修MAX件3次，面积3X件。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>(),
        ["X月X", "X"]
    );
    // An empty bracket, found first, after a blank on its line.
    let text = with_measures("（一）健全依法决策机制。受理X件，办结（）件。");
    assert_eq!(codes(&text), [("GW0603", 5), ("GW0603", 5)]);
    // A blank quoted as the form to follow is no blank.
    let text =
        with_measures("（一）健全依法决策机制。日期按“××××年××月××日”格式填写，空项以“□□”表示。");
    assert_eq!(codes(&text), []);
    // The 成文日期 is the signature rules' (GW0205).
    let text = GOOD_REPORT.replace("2025年1月20日", "****年*月**日");
    assert_eq!(codes(&text), []);
    let text = GOOD_REPORT.replace("2025年1月20日", "单击或点击此处输入日期。");
    assert_eq!(codes(&text), []);
    // The prompt a Word content control shows until it is filled in.
    let text =
        with_measures("（一）健全依法决策机制。全年审查重大行政决策单击或点击此处输入文字。件。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0603", "单击或点击此处输入文字。")]
    );
    // A MACROBUTTON's prompt, quoted whole; a mail-merge field never merged.
    let text = with_measures("（一）健全依法决策机制。[单击此处输入审查件数]件，«单位名称»负责。");
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>(),
        ["单击此处输入审查件数", "«单位名称»"]
    );
    // A template's field in brackets; a bracketed word that is no field, and a title in
    // angle brackets (GW0504's), are not blanks.
    let text = with_measures(
        "（一）健全依法决策机制。由<单位名称>于［成文日期］前报送，【典型案例】学习<民法典>。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0603", "<单位名称>"), ("GW0603", "［成文日期］")]
    );
    // Masked names in a list; an anonymised case is left alone.
    let text = with_measures(
        "（一）健全依法决策机制。对××、××等问题进行整改，对××等单位开展检查，查处某某、某某两家诊所。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>(),
        ["××、××", "××等"]
    );
    // A masked 文号 is no footnote note: the masked figures are still reported.
    let text = with_measures("（一）健全依法决策机制。依据卫监罚〔2025〕*号，对某诊所罚款*万元。");
    assert_eq!(codes(&text), [("GW0603", 5), ("GW0603", 5)]);
    // A project withheld by name; a footnote star the text explains.
    let text = with_measures(
        "（一）健全依法决策机制。查处违规开展某某项目1起。\n医师执业注册*\n注：带*的事项为本年度新增事项。",
    );
    assert_eq!(codes(&text), []);
    // A figure's star explained by a note that starts with it (Word's custom footnote mark).
    for note in [
        "*含委托第三方机构开展的检查。",
        "脚注1：*含委托第三方机构开展的检查。",
    ] {
        let text = with_measures(&format!(
            "（一）健全依法决策机制。全年随机抽查各类单位250家*，合格247家。\n{note}"
        ));
        assert_eq!(codes(&text), [], "{note}");
    }
    // Stars ending a table's labels, explained with the star quoted.
    let text = with_measures(
        "（一）健全依法决策机制。\n指标\t完成值\n重大行政决策合法性审查率*\t100%\n行政执法公示率*\t98%\n注：标“*”的为约束性指标。",
    );
    assert_eq!(codes(&text), []);
    // One masked date is one finding, its numbers together; the next mask is its own.
    let text = with_measures("（一）健全依法决策机制。计划于****年*月底前完成，****年建成。");
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>(),
        ["****年*", "****"]
    );
    // A masked figure in a cell is still a mask.
    let text = with_measures("（一）健全依法决策机制。\n指标\t完成值\n审查件数\t*件\n");
    assert_eq!(codes(&text), [("GW0603", 7)]);
    let placeholders = |body: &str| -> Vec<String> {
        found(&with_measures(&format!("（一）健全依法决策机制。{body}")))
            .into_iter()
            .filter(|f| f.code == "GW0603")
            .map(|f| f.text)
            .collect()
    };
    // A place or person left unnamed, a note to fill in; a Word field's switch is not a mask.
    assert_eq!(
        placeholders(
            "在XX区先行试点，××同志牵头（此处补充2025年普法重点工作）。{ PAGE \\* MERGEFORMAT }"
        ),
        ["XX", "××", "（此处补充2025年普法重点工作）"]
    );
    // Circles and a lone X stand for a name too; a year's zeros and a word's X do not.
    assert_eq!(
        placeholders(
            "〇〇县卫生健康局、○○医院和X市疾控中心参加，二〇〇县级评比，AX区，X光机，聘请×××律师事务所。"
        ),
        ["〇〇", "○○", "X", "×××"]
    );
    // A note about the figures is not a placeholder; an escaped mask is still a mask.
    assert_eq!(
        placeholders("（此处说明：以上数据截至11月底）受理\\*\\*件。"),
        ["*", "*"]
    );
    // Brackets left empty for a figure or a name; an aside in brackets is no blank.
    assert_eq!(
        placeholders("开展普法活动【】场次，受理投诉（　）件，由【 】牵头。"),
        ["【】", "（　）", "【 】"]
    );
    assert_eq!(
        placeholders(
            "开展“谁执法谁普法”（以下简称普法）活动12场次，【典型案例】3件，不用“【】”代替“〔〕”。"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_masked_copy_gets_one_summary() {
    let body = "（一）健全依法决策机制。****年审查决策*件、文件**件，清理*件，修改*件，废止*件，保留**件，\
                备案*件，公开***条，答复*件，办结率***%。";
    let f = found(&with_measures(body));
    assert_eq!(f.iter().filter(|f| f.code == "GW0609").count(), 1);
    let each: Vec<_> = f.iter().filter(|f| f.code == "GW0603").collect();
    assert_eq!(each.len(), 11);
    assert!(each.iter().all(|f| f.severity == Severity::Warning));

    // Blacked out with ■ alike; a template's unfilled blanks (××, □□) are no masked copy.
    let blacked = body.replace('*', "■");
    let f = found(&with_measures(&blacked));
    let summary: Vec<_> = f.iter().filter(|f| f.code == "GW0609").collect();
    assert_eq!(summary.len(), 1);
    assert!(
        summary[0].message.contains("被“■”遮盖"),
        "{}",
        summary[0].message
    );
    // Stars and squares mixed in one copy are one masking; the template's blanks in it stay
    // errors.
    let mixed = format!("{}□□件。", body.replacen('*', "■", 6));
    let f = found(&with_measures(&mixed));
    let summary: Vec<_> = f.iter().filter(|f| f.code == "GW0609").collect();
    assert!(
        summary[0].message.contains("被“*”“■”遮盖"),
        "{}",
        summary[0].message
    );
    let blank = f.iter().find(|f| f.text == "□□").unwrap();
    assert_eq!(blank.severity, Severity::Error);
    let blanks = body
        .replace("****", "××××")
        .replace("***", "××")
        .replace("**", "××")
        .replace('*', "××");
    let f = found(&with_measures(&blanks));
    assert_eq!(f.iter().filter(|f| f.code == "GW0609").count(), 0);
    assert_eq!(f.iter().filter(|f| f.code == "GW0603").count(), 11);
}

#[test]
fn paragraphs_broken_mid_sentence_or_mid_word() {
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查，充分发挥法律顾问的作\n用，出具法律意见书12份，\n组织旁听庭审2次。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0604", 5, "作\n用"), ("GW0604", 6, "，\n组")]
    );
    assert_eq!(f[0].fix, Some(("作用".into(), false)));
    // Ending in ；right before the next heading: the rest is missing.
    let text =
        with_measures("（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查；");
    assert_eq!(codes(&text), [("GW0605", 5)]);
    // An HTML entity's ";" ends no clause: the entity is GW0601's.
    let text = with_measures("（一）健全依法决策机制。公开信息1120条。&ldquo;健康青禾&rdquo;");
    assert_eq!(codes(&text), [("GW0601", 5), ("GW0601", 5)]);
    // So is ending on a word no sentence ends on, or in a colon before a sibling heading.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件，充分发挥法律顾问的\n（二）深化改革。全年办结政务服务事项1526件，主要做法：\n（三）强化监督。全年检查200次。\n",
    );
    assert_eq!(codes(&text), [("GW0605", 5), ("GW0605", 6)]);
    // A colon before what it announces: sub-headings, or a list that starts at 1.
    let text = with_measures(
        "（一）健全依法决策机制。主要做法如下：\n1.建立清单。\n2.规范程序。\n（二）深化改革。重点做好以下工作：\n（一）建立清单。\n",
    );
    assert_eq!(codes(&text), []);
}

/// A text conversion's form feed: reported, and read past, so the sentence it broke is
/// found; a Word page break is Word's own.
#[test]
fn form_feeds_of_a_pdf_conversion() {
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法\n\u{c}性审查。",
    )
    .replace("二、存在", "\u{c}二、存在");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                "GW0604",
                5,
                "段落在句子中间断开：“…全部经过合法”与下一段“性审查。…”应连在一起"
            ),
            (
                "GW0611",
                6,
                "“性审查。”一行的开头有看不见的换页符（U+000C）"
            ),
            (
                "GW0611",
                7,
                "“二、存在的不足和原因”一行的开头有看不见的换页符（U+000C）"
            ),
        ]
    );
}

/// A name in 书名号 broken across two paragraphs, as PDF copies break it: one break, not
/// a 《 and a 》 each without its partner; in a heading too. A title closed on its own
/// line, or one whose next line opens another first, is no break.
#[test]
fn a_title_broken_across_paragraphs() {
    let text = with_measures(
        "（一）健全依法决策机制。认真落实《法治政府建设实施纲要（2021—\n2025年）》，全面推进依法行政。\n（二）学习《中华人民共和国\n行政复议法》。全年培训2次。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str(), f.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                "GW0604",
                5,
                "—\n2",
                "段落在书名号中间断开：“…（2021—”与下一段“2025年）…”是同一个名称"
            ),
            (
                "GW0604",
                7,
                "国\n行",
                "段落在书名号中间断开：“…华人民共和国”与下一段“行政复议法》…”是同一个名称"
            ),
        ]
    );
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
    assert!(found_of("GW0503", &doc).is_empty());
    let quiet = with_measures(
        "（一）健全依法决策机制。认真落实《法治政府建设实施纲要（2021—2025年）》。\n全年审查决策3件。",
    );
    assert!(found(&quiet).is_empty());
    let other = with_measures("（一）健全依法决策机制。组织学习《民法典\n《行政处罚法》等法律。");
    assert!(found(&other).iter().all(|f| f.code != "GW0604"));
}

#[test]
fn breaks_before_a_figure_a_unit_or_a_broken_off_character() {
    let text = with_measures(
        "（一）健全依法决策机制。执法全过程记录覆盖率达到\n100%，法制审核率100%。\n组织培训2期，参训人员达1200\n人次。\n我委严格落实合法性审查制\n度，全年审查决策3件。\n坚持把法治建设摆在全局的\n突出位置。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [
            ("GW0604", 5, "到\n1"),
            ("GW0604", 7, "0\n人"),
            ("GW0604", 9, "制\n度"),
            ("GW0604", 11, "的\n突")
        ]
    );
    // A figure split between two lines, whole or at its decimal point; not a year after a
    // line ending in a figure.
    let text = with_measures(
        "（一）健全依法决策机制。全年办结政务服务事项1,2\n36件，全部按时办结。罚没款共计21.\n6万元。\n",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0604", 5, "2\n3"), ("GW0604", 6, ".\n6")]
    );
    assert!(
        f[0].message.starts_with("数字被换行拆开：“…务事项1,2”"),
        "{}",
        f[0].message
    );
    let text = with_measures("（一）健全依法决策机制。详见附表2\n2024年，我委继续推进改革。\n");
    assert_eq!(codes(&text), []);
    // After a comma, 其中 goes on with the sentence.
    let text = with_measures("（一）健全依法决策机制。全年办理复议案件12件，\n其中维持8件。");
    assert_eq!(codes(&text), [("GW0604", 5)]);
    // A numbered line stopping at ，is an item cut short; when its sentence goes on in
    // the next line, it is broken.
    let text = with_measures(
        "（一）健全依法决策机制。\n1.加强执法队伍建设，组织执法人员培训4期，\n2.推进执法信息化建设。",
    );
    assert_eq!(codes(&text), [("GW0605", 6)]);
    let text =
        with_measures("（一）健全依法决策机制。\n1.加强执法队伍建设，\n组织执法人员培训4期。\n");
    assert_eq!(codes(&text), [("GW0604", 6)]);
    // A label ending in 目的, and a note after a caption, go on no sentence.
    let text = with_measures(
        "（一）健全依法决策机制。\n开展培训的目的\n提升执法人员依法行政能力。\n行政处罚案件统计表\n注：数据截至12月31日。\n",
    );
    assert_eq!(codes(&text), []);
    // A 主送机关 wrapped onto two lines is no sentence.
    let text = GOOD_REPORT.replacen(
        "市委、市政府：",
        "中共青禾市委全面依法治市委员会办公室、\n青禾市司法局：",
        1,
    );
    assert_eq!(codes(&text), []);
    // A long caption over a text table's rows.
    let text = with_measures(
        "（一）健全依法决策机制。\n青禾市卫生健康委员会2024年度“双随机、一公开”抽查情况统计表\n\n抽查领域\t抽查户次\t立案件数\n医疗机构\t860\t71\n公共场所\t420\t25\n合计\t1280\t96",
    );
    assert_eq!(codes(&text), []);
    // Years, hotlines, item markers, 另， and labels open paragraphs of their own.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件，均经合法性审查\n2025年，我委续聘法律顾问2名。\n12345热线转办件全部办结。\n另，附件所列数据截至12月31日。\n执法监督方面\n（二）加强执法监督\n执法力量不足。",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn attachments_and_half_words_before_headings_are_left_alone() {
    let text = GOOD_REPORT.replace(
        "继续完善依法决策机制，提升依法行政水平。\n",
        "继续完善依法决策机制，提升依法行政水平。\n附件：1.青禾市卫生健康委员会2024年度重大行政决策事项目录清单\n2.青禾市卫生健康委员会行政规范性文件清理结果统计表\n",
    );
    assert_eq!(codes(&text), []);
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查和集体讨论决定",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn headings_labels_and_lists_are_not_broken_paragraphs() {
    let text = with_measures(
        "（一）健全依法决策机制\n全年审查重大行政决策3件，全部经过合法性审查。\n执法监督方面\n一是执法力量不足。\n主要做法如下：\n1.完善制度。",
    );
    assert_eq!(codes(&text), []);
    // One item a line, each ending with ；: a list, not a broken paragraph; the last item
    // still has to end the sentence.
    let text = with_measures(
        "（一）健全依法决策机制。主要做法如下：\n一是建立问题清单；\n二是实行销号管理；\n三是开展“回头看”。\n第一，建立台账；\n第二，定期通报。",
    );
    assert_eq!(codes(&text), []);
    let text = with_measures(
        "（一）健全依法决策机制。主要做法如下：\n一是建立问题清单；\n二是实行销号管理；",
    );
    assert_eq!(codes(&text), [("GW0605", 7)]);
    // The same behind bullets, Word's or typed, and bullets alone.
    for bullet in ["•", "● ", "➢", "A.", "o"] {
        let list = format!(
            "（一）健全依法决策机制。主要做法如下：\n{bullet}一是建立问题清单；\n{bullet}二是实行销号管理；\n{bullet}三是开展“回头看”。\n"
        );
        assert_eq!(codes(&with_measures(&list)), [], "{bullet}");
        let cut = format!(
            "（一）健全依法决策机制。主要做法如下：\n{bullet}一是建立问题清单；\n{bullet}二是实行销号管理；\n"
        );
        assert_eq!(codes(&with_measures(&cut)), [("GW0605", 7)], "{bullet}");
    }
    let text = with_measures(
        "（一）健全依法决策机制。主要做法如下：\n•建立问题清单；\n•实行销号管理；\n•开展“回头看”。",
    );
    assert_eq!(codes(&text), []);
    // A short paragraph that stops at 、 before the 落款.
    let text = GOOD_REPORT.replacen(
        "青禾市卫生健康委员会\n2025年",
        "全年开展普法活动126场、\n青禾市卫生健康委员会\n2025年",
        1,
    );
    assert_eq!(codes(&text), [("GW0605", 12)]);
    // Short items without markers after a colon, and a list after a lead-in on one line.
    let text = with_measures(
        "（一）健全依法决策机制。重点做到“三个到位”：\n人员配备到位；\n经费保障到位；\n装备配置到位。\n全年完成三项工作：一是修订裁量基准；\n二是清理文件12件；\n三是续聘法律顾问。",
    );
    assert_eq!(codes(&text), []);
    // Run-in headings open sections: one whose inner list stops at ； is cut off…
    let text =
        with_measures("（一）健全依法决策机制。一是建立问题清单；\n（二）严格执法。全年立案12件。");
    assert_eq!(codes(&text), [("GW0605", 5)]);
    // …but numbered paragraphs of one sentence each, ending with ；, are a list.
    let text = with_measures(
        "（一）健全依法决策机制。\n1.健全制度。完善行政执法制度体系；\n\n2.强化执法。推进执法装备按装备配置标准更新；\n\n3.深化普法。谋划新一轮普法工作。",
    );
    assert_eq!(codes(&text), []);
    // A run-in label with a clause is an item; so is a dash item.
    let text = with_measures(
        "（一）健全依法决策机制。严格落实“三项制度”：\n（1）执法公示：执法结果全部向社会公开；\n（2）法制审核：重大执法决定全部经法制审核。\n新法主要有以下变化：\n——完善传染病分类管理制度；\n——健全疫情监测预警制度。",
    );
    assert_eq!(codes(&text), []);
    let md = "# 青禾市卫生健康委员会2024年法治政府建设年度报告\n\n主要做法：\n\n- 建立执法公示制度；\n- 规范执法全过程记录；\n- 落实法制审核制度。\n";
    let doc = Document::from_text(
        "t.md",
        crate::document::Format::Markdown,
        "utf-8",
        md.into(),
    );
    let breaks: Vec<usize> = found_in(&doc)
        .iter()
        .filter(|f| f.code == "GW0605" || f.code == "GW0604")
        .map(|f| f.line)
        .collect();
    assert_eq!(breaks, Vec::<usize>::new());
}

#[test]
fn spaces_inside_chinese_text() {
    let text = with_measures(
        "（一）健全依法决策机制。依法罚款 83000 元，渝卫发〔2021〕4 号文件，市委 市政府部署，建立QQ 群。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone()))
            .collect::<Vec<_>>(),
        // The spaces around 83000 are one finding; the 文号's is GW0706's.
        [
            ("GW0606", Some(("83000".to_string(), true))),
            ("GW0606", Some((String::new(), false))),
        ]
    );
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.clone());
    assert_eq!(found_of("GW0706", &doc)[0].text, "〔2021〕4 号");
    // The percent sign is the number's unit; a mark beside digits is no 汉字.
    let text = with_measures("（一）健全依法决策机制。满意度达到98.6 %，工作时间8:30 — 17:30。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.message.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            (
                "数字与百分号之间有空格：“98.6␣%，工作”",
                Some((String::new(), true))
            ),
            (
                "标点与数字之间有空格：“8:30␣—␣17”",
                Some((String::new(), true))
            ),
            (
                "标点与数字之间有空格：“30␣—␣17:3”",
                Some((String::new(), true))
            ),
        ]
    );
    // A quoted slogan's halves may be spaced after a full-width year.
    let text =
        with_measures("（一）健全依法决策机制。开展“奋进２０２４　法治护航健康”主题宣传活动。");
    assert!(found(&text).iter().all(|f| f.code != "GW0606"));
    // A full-width digit is spaced like a half-width one (its width is GW0415's).
    let text = with_measures("（一）健全依法决策机制。全年受理复议申请 ３ 件。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [("GW0606", " ３ ", Some(("３".to_string(), true)))]
    );
    // A wide gap is offered, not removed; a space before the next field's label is left
    // alone, as is a caption's label; a web address is not glued to the text after it.
    let text = with_measures(
        "（一）健全依法决策机制。门诊量  86420人次，门诊人次：86420  出院人次：2136。\n表1 主要指标完成情况\n详见http://wsjkw.qinghe.gov.cn/list.jsp?id=3,7 公开的名单。\n联系电话：0771-5263418　电子邮箱：fzk@qinghe.gov.cn；邮编：361000 传真：0592-7781237",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [("GW0606", "  ", Some((String::new(), false)))]
    );
    // A title or slogan in two halves, spaced as issued.
    let text = with_measures(
        "（一）健全依法决策机制。学习《深入学习贯彻习近平法治思想　推进卫生健康治理现代化》，以“织密基金监管网　共筑医保防护线”为主题。",
    );
    assert_eq!(codes(&text), []);
    // A standard's part, spaced off in its title; outside a title the space is stray.
    let text = with_measures(
        "（一）健全依法决策机制。依据《工作场所有害因素职业接触限值 第1部分：化学有害因素》开展检测，接触限值 第1部分已落实。",
    );
    assert_eq!(codes(&text), [("GW0606", 5)]);
    let text = with_measures(
        "（一）健全依法决策机制。开展“学宪法 讲宪法”活动，新建PM2.5 自动监测站，依法 行政，推进“证照 分离”改革。",
    );
    assert_eq!(codes(&text), [("GW0606", 5), ("GW0606", 5)]);
    // Quoted speech is spaced like any sentence: not a slogan in two halves.
    let text = with_measures("（一）健全依法决策机制。他强调：“要把依法 行政贯穿全过程。”");
    assert_eq!(codes(&text), [("GW0606", 5)]);
    // Digits that end a Latin term, or follow one: spaced like the term.
    let text = with_measures(
        "（一）健全依法决策机制。在 COVID-19 疫情防控中，完成 Windows 10 终端替代，通过 ISO/IEC 17025 实验室认可，对照 Regulation (EU) 2017/745 相关条款，审查文件 12件。",
    );
    assert_eq!(codes(&text), [("GW0606", 5)]);
    // Between the issuers of a joint 落款 on one line.
    let text = GOOD_REPORT.replacen(
        "青禾市卫生健康委员会\n2025年",
        "中共青禾市卫生健康委员会党组　　青禾市卫生健康委员会\n2025年",
        1,
    );
    assert_eq!(codes(&text), []);
    // Between the issuers of a joint title.
    let text = GOOD_REPORT.replacen(
        "青禾市卫生健康委员会2024年",
        "中共青禾市卫生健康委员会党组 青禾市卫生健康委员会2024年",
        1,
    );
    assert_eq!(codes(&text), []);
    // A heading of two parallel phrases, one space apart; not two short words.
    let text = with_measures(
        "（一）强化组织领导　压实法治责任\n全年研究法治工作5次。\n（二）坚持严格执法 规范执法行为\n全年立案12件。\n（三）完善 制度\n全年修订制度3项。",
    );
    assert_eq!(codes(&text), [("GW0606", 9)]);
    // The phrases need not be of a length, and may hold quotation marks.
    let text = with_measures(
        "（一）坚持党的领导　压紧压实法治建设责任\n全年研究法治工作5次。\n（二）深化“放管服”改革　持续优化营商环境\n全年立案12件。",
    );
    assert_eq!(codes(&text), []);
    // The 版记's 印发 line is laid out with a gap; a sentence in the body ending so is not.
    let text = format!("{GOOD_REPORT}青禾市卫生健康委员会办公室　　　　2025年1月22日印发\n");
    assert_eq!(codes(&text), []);
    let text = with_measures("（一）健全依法决策机制。全年制定制度 12项并已印发");
    assert_eq!(codes(&text), [("GW0606", 5)]);
    // A run-in heading's body is no heading: its spaces are checked.
    let text = with_measures("（一）健全依法决策机制。召开党组会议 专题研究法治工作。");
    assert_eq!(codes(&text), [("GW0606", 5)]);
    // The 版头's 发文字号 and 签发人 share a line; a wrapped 抄送 is no broken paragraph.
    let framed = format!(
        "青禾市卫生健康委员会文件\n青卫〔2025〕4号　　　　签发人：王某\n{GOOD_REPORT}抄送：市委办公室，市人大办公室，\n　　市政府办公室。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n"
    );
    assert_eq!(codes(&framed), []);
    // A name and a phone number are two fields.
    let text = with_measures("（一）健全依法决策机制。全年审查3件。\n联系人：王某 13800000000");
    assert_eq!(codes(&text), []);
    // After a marker; not the indentation.
    let text = with_measures("\u{3000}\u{3000}1. 健全依法决策机制。全年审查重大行政决策3件。");
    assert_eq!(codes(&text), [("GW0606", 5)]);
}

/// `GOOD_REPORT` as Word paragraphs, one a line, with `measures` as the paragraph under （一）
/// (its "\n" are manual line breaks inside it).
fn word_report(measures: &str) -> Document {
    word_document(&GOOD_REPORT.replace(MEASURES, &measures.replace('\n', "\u{1}")))
}

/// A report as Word paragraphs, one a line; "\u{1}" is a manual line break inside one.
fn word_document(report: &str) -> Document {
    let paragraphs = report
        .lines()
        .map(|l| crate::document::Paragraph {
            text: l.replace('\u{1}', "\n"),
            ..crate::document::Paragraph::default()
        })
        .collect();
    Document::from_paragraphs("t.docx", paragraphs)
}

/// Every rule's codes and lines on a document.
fn all_codes(doc: &Document) -> Vec<(&'static str, usize)> {
    crate::Linter::with_defaults()
        .lint_document(doc)
        .iter()
        .map(|d| (d.rule.code, doc.position(d.span.start).line))
        .collect()
}

#[test]
fn a_word_paragraph_goes_on_after_a_manual_line_break() {
    // Items of one list on both sides of the break.
    let doc = word_report(
        "（一）健全依法决策机制。一是健全工作机制。\n委党组研究法治工作4次。二是强化学法用法。",
    );
    assert_eq!(all_codes(&doc), []);
    // A heading wrapped by the break is one heading.
    let doc = word_document(&GOOD_REPORT.replace(
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "三、党政主要负责人履行推进法治建设\u{1}第一责任人职责情况",
    ));
    assert_eq!(all_codes(&doc), []);
    // So is a sub-heading wrapped at its comma, on a line of its own.
    let doc = word_document(&GOOD_REPORT.replace(
        MEASURES,
        "（一）健全制度体系，\u{1}提升依法决策水平\n全年审查重大行政决策3件，全部经过合法性审查。",
    ));
    assert_eq!(all_codes(&doc), []);
    // A figure split by the break is one figure, broken on the page.
    let doc = word_report("（一）健全依法决策机制。全年受理投诉15\n0件，其中办结148件。");
    assert_eq!(all_codes(&doc), [("GW0604", 5)]);
}

#[test]
fn a_manual_line_break_mid_sentence_in_a_word_paragraph_is_reported() {
    let broken =
        word_report("（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法\n性审查。");
    let f = found_in(&broken);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0604", 5)]
    );
    assert!(
        f[0].message.starts_with("段落中间有手动换行"),
        "{}",
        f[0].message
    );
    // A page break (Ctrl+Enter) is named as one.
    let paged =
        word_report("（一）健全依法决策机制。全年审查重大行政决策3件，全部经过合法\u{c}\n性审查。");
    let f = found_in(&paged);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0604", 5)]
    );
    assert!(
        f[0].message.starts_with("段落中间有分页符"),
        "{}",
        f[0].message
    );
    // After a sentence, or before a heading or item of its own, a break is layout.
    for fine in [
        "（一）健全依法决策机制。\n全年审查重大行政决策3件，全部经过合法性审查。",
        "（一）健全依法决策机制：\n1.全年审查重大行政决策3件，全部经过合法性审查。",
    ] {
        assert_eq!(found_in(&word_report(fine)).len(), 0, "{fine}");
    }
}

#[test]
fn tables_typed_as_text_keep_their_gaps() {
    let text = with_measures(
        "（一）健全依法决策机制。全年行政执法主要数据如下：\n检查单位户次 2,146 户次\n立案 73 件\n结案率 97.3%\n\
         项目\t2024年\t2025年\n立案查处（件）\t11,968\t12,704",
    );
    assert_eq!(codes(&text), []);
    // Title and 主送 are never rows, even both spaced.
    let text = GOOD_REPORT
        .replacen(
            "青禾市卫生健康委员会2024年",
            "青禾市卫生健康委员会 2024年",
            1,
        )
        .replacen("市委、市政府：", "市委 市政府：", 1);
    assert_eq!(codes(&text), [("GW0606", 1), ("GW0606", 2)]);
    // One short line with a space is not a table.
    let text = with_measures("（一）健全依法决策机制。全年行政执法主要数据如下：\n立案 73 件\n");
    assert_eq!(codes(&text), [("GW0606", 6)]);
}

#[test]
fn a_space_from_word_numbering_is_not_in_the_text() {
    use crate::document::Paragraph;
    // "编号之后：空格": the label Word renders ends with the space.
    let paragraphs = GOOD_REPORT
        .lines()
        .map(
            |l| match l.split_once('、').filter(|(n, _)| ["一", "二"].contains(n)) {
                Some((n, rest)) => Paragraph {
                    text: rest.into(),
                    auto_number: Some(format!("{n}、 ")),
                    ..Paragraph::default()
                },
                None => Paragraph {
                    text: l.into(),
                    ..Paragraph::default()
                },
            },
        )
        .collect();
    let f = found_in(&Document::from_paragraphs("t.docx", paragraphs));
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].code, f[0].line), ("GW0606", 4));
    assert!(
        f[0].message.starts_with("自动编号后有空格"),
        "{}",
        f[0].message
    );
    assert!(
        f[0].message.ends_with("（全文2处，来自同一编号设置）"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].fix, None, "the text has no space to delete");
}

#[test]
fn a_two_character_heading_may_be_spaced_out() {
    // One spaced line between sentences: not a text table.
    let text = with_measures(
        "（一）健全依法决策机制。审查决策3件。\n目　　录\n全年审查重大行政决策3件，全部经过合法性审查。",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn trailing_whitespace() {
    let text = with_measures(&format!(
        "{MEASURES}\u{a0}\n \n（二）严格规范执法。全年立案查处案件12件。  "
    ));
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.line, f.severity)).collect::<Vec<_>>(),
        [
            (5, Severity::Warning),
            (6, Severity::Info),
            (7, Severity::Info)
        ]
    );
    assert!(
        f.iter()
            .all(|f| f.code == "GW0607" && f.fix == Some((String::new(), true)))
    );
}

#[test]
fn injected_spam() {
    let text = with_measures(
        "（一）健全依法决策机制。省州市委三升体育平台法治政府建设领导小组审查决策3件。",
    );
    assert_eq!(codes(&text), [("GW0608", 5)]);
    // ASCII words in any case; the finding shows the text as written.
    let text =
        with_measures("（一）健全依法决策机制。登录Bet365了解详情，审查决策3件，见体育App。");
    assert_eq!(codes(&text), [("GW0608", 5), ("GW0608", 5)]);
    let doc = crate::document::Document::from_text(
        "t.txt",
        crate::document::Format::Text,
        "utf-8",
        text.clone(),
    );
    let found = crate::Linter::with_defaults().lint_document(&doc);
    let shown: Vec<&str> = found
        .iter()
        .filter(|d| d.rule.code == "GW0608")
        .map(|d| &doc.text[d.span.clone()])
        .collect();
    assert_eq!(shown, ["Bet365", "体育App"]);
    // Brands of the sites that inject, a few characters apart: one advertisement. A city's
    // sports-service platform is no spam.
    let text = with_measures("（一）健全依法决策机制。开云体育官方网站，九游会J9，审查决策3件。");
    assert_eq!(codes(&text), [("GW0608", 5)]);
    let text = with_measures("（一）健全依法决策机制。依托市智慧体育平台发布运动健康知识。");
    assert_eq!(codes(&text), []);
    // A model-essay site's advertisement.
    let text = with_measures(
        "（一）健全依法决策机制。开展普法活动17场。更多精品范文请关注本站，免费下载word版。",
    );
    assert_eq!(
        messages_of("GW0608", &text),
        [(
            "GW0608",
            5,
            "正文中混入了与报告无关的广告词“精品范文”“关注本站”“免费下载word”".to_string()
        )]
    );
    // Places a health inspector visits.
    let text = with_measures(
        "（一）健全依法决策机制。检查歌舞厅、娱乐城、网吧、棋牌游戏室等公共场所，在半岛体育中心、星空体育馆设立医疗保障点。",
    );
    assert_eq!(codes(&text), []);
}

/// A Word paragraph of the text, or of the cell in row 1 and column `col` of a table.
fn word_paragraph(text: &str, col: Option<u32>) -> crate::document::Paragraph {
    crate::document::Paragraph {
        text: text.into(),
        cell: col.map(|col| crate::document::CellRef {
            table: 1,
            row: 1,
            col,
        }),
        ..crate::document::Paragraph::default()
    }
}

/// `GOOD_REPORT` as a Word document with `inserted` paragraphs after its fifth line.
fn report_with_cells(inserted: &[(&str, Option<u32>)]) -> Document {
    let mut paras: Vec<_> = GOOD_REPORT
        .lines()
        .map(|l| word_paragraph(l, None))
        .collect();
    for (k, &(text, col)) in inserted.iter().enumerate() {
        paras.insert(5 + k, word_paragraph(text, col));
    }
    Document::from_paragraphs("t.docx", paras)
}

#[test]
fn docx_tables_and_soft_breaks_are_not_broken_paragraphs() {
    let doc = report_with_cells(&[
        ("行政复议案件，其中维持", Some(1)),
        ("12件", Some(2)),
        (
            "本年度审查重大行政决策3件，全部经过合法性审查，其中涉企决策\n2件，均已公开。",
            None,
        ),
    ]);
    assert_eq!(found_in(&doc).len(), 0);
}

#[test]
fn lines_to_write_on_and_notes_left_in() {
    let text = with_measures(
        "（一）健全依法决策机制。聘请法律顾问___名，开展文件清理【批注：数据待核实】，审查决策3件。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0603", "___"), ("GW0602", "【批注：数据待核实】")]
    );
    // An underscore in a file name or an address is no blank.
    let text = with_measures("（一）健全依法决策机制。材料见fazhi_2024_report.docx，审查决策3件。");
    assert_eq!(found(&text).len(), 0);
}

#[test]
fn a_table_cell_left_as_xx() {
    let doc = report_with_cells(&[("投诉举报", Some(1)), ("XX", Some(2)), ("Xx", Some(3))]);
    let f = found_in(&doc);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0603", 7), ("GW0603", 8)]
    );
    assert_eq!(f[0].message, "表格中的“XX”是未填写的占位符");
}

#[test]
fn markdown_emphasis_tables_and_line_breaks() {
    let text = with_measures(
        "（一）**健全依法决策机制**。全年审查重大行政决策3件。  \n| 项目 | 件数 |\n| 决策 | 3 |",
    );
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", text);
    assert_eq!(found_in(&doc).len(), 0);
    // Table separator rows, thematic breaks, list items and bold figures are Markdown.
    let text = with_measures(
        "（一）健全依法决策机制。审查步骤：\n1. 起草单位提交送审稿；\n2. 司法局进行合法性审查。\n\
         | 项目 | 数量 |\n| --- | ---: |\n| 甲 | 1 |\n\n---\n\n覆盖率达到**100%**，审查*12件*。",
    );
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", text);
    let f = found_in(&doc);
    assert!(
        f.is_empty(),
        "{:?}",
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>()
    );
}

#[test]
fn added_debris_patterns() {
    for l in [
        "上一篇：青禾市卫生健康委员会2023年法治政府建设年度报告",
        "主办单位：青禾市卫生健康委员会",
        "扫一扫在手机打开当前页",
        "网站地图 | 联系我们 | 网站声明",
        "相关链接",
        "· 3 ·",
    ] {
        assert!(crate::chrome::is_chrome(l), "{l}");
    }
    for l in [
        "相关链接已在门户网站公布。",
        "一是主办单位要落实主体责任。",
        "联系我们的群众满意度达到98%。",
    ] {
        assert!(!crate::chrome::is_chrome(l), "{l}");
    }
}

#[test]
fn a_converter_watermark_above_the_title() {
    let text = format!(
        "Evaluation Warning: The document was created with Spire.Doc for .NET.\n{GOOD_REPORT}"
    );
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0601", 1)]
    );
    assert!(
        f[0].message.starts_with("转换工具的水印"),
        "{}",
        f[0].message
    );
    // The title and 主送机关 are found behind it.
    assert_eq!(crate::rules::codes_of("GW01", &text), []);
    assert!(!crate::chrome::is_chrome(
        "Evaluation of the Spire.Doc pilot: done."
    ));
}

#[test]
fn the_end_of_a_paragraph_pasted_again() {
    let tail = "主要原因是基层执法人员流动较快，新进人员培训周期较长。";
    let text = GOOD_REPORT.replace(
        "主要原因是基层执法人员流动较快。",
        &format!("{tail}\n\n{tail}"),
    );
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0610", 9)]
    );
    assert_eq!(f[0].message, "这一段与第7行段落的末尾完全相同");
    // From a clause of a run-in item.
    let item =
        "（一）健全依法决策机制，全年审查重大行政决策3件，全部经过合法性审查，未发现违法决策。";
    let text = GOOD_REPORT.replace(
        MEASURES,
        &format!("{item}\n全年审查重大行政决策3件，全部经过合法性审查，未发现违法决策。"),
    );
    assert_eq!(
        found_by("GW0610", &text)
            .iter()
            .map(|f| f.line)
            .collect::<Vec<_>>(),
        [6]
    );
    // The same words, but not from a clause's start.
    let text = GOOD_REPORT.replace(
        "一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。",
        "一是执法力量不足，二是培训覆盖不全，主要原因是基层执法人员流动较快新进人员培训周期较长。\n原因是基层执法人员流动较快新进人员培训周期较长。",
    );
    assert!(found(&text).iter().all(|f| f.code != "GW0610"));
}

#[test]
fn a_paragraph_copied_many_times_is_one_finding() {
    let para = "全年组织开展法治宣传活动12场次，覆盖群众3000余人次。\n";
    let text = GOOD_REPORT.replace(MEASURES, &format!("{MEASURES}\n{}", para.repeat(4)));
    let f: Vec<Found> = found_by("GW0610", &text);
    assert_eq!(f.iter().map(|f| f.line).collect::<Vec<_>>(), [7]);
    assert_eq!(
        f[0].message,
        "这一段与第6行的段落完全相同；全文共出现4次，其余2处不再逐一列出"
    );
}

#[test]
fn a_heading_copied_for_the_next_item() {
    let body = "（一）严格规范公正文明执法。\n全年立案查处案件48件。\n（二）严格规范公正文明执法。\n全年开展双随机抽查120户次。\n";
    let f = found(&with_measures(body));
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0610", 7)]
    );
    assert_eq!(f[0].message, "这个小标题与第5行的同级小标题相同");
    // The same words under different parts, and short labels, repeat on purpose.
    let text = GOOD_REPORT
        .replace(
            "一是执法力量不足，二是培训覆盖不全。",
            "（一）基层执法力量不足\n执法人员少。",
        )
        .replace(
            "继续完善依法决策机制，",
            "（一）基层执法力量不足\n充实执法人员，",
        );
    assert!(found(&text).iter().all(|f| f.code != "GW0610"));
}

#[test]
fn a_paragraph_pasted_twice() {
    let twice = "一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快。";
    let text = GOOD_REPORT.replace(twice, &format!("{twice}\n{twice}"));
    let f = found(&text);
    assert_eq!(
        f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0610", 8)]
    );
    assert_eq!(f[0].message, "这一段与第7行的段落完全相同");
    assert_eq!(f[0].fix, Some((String::new(), false)));
    // A run-in item pasted again under the next number, with a trailing space.
    let item = "健全依法决策机制。全年审查重大行政决策3件，全部经过合法性审查。";
    let text = GOOD_REPORT.replace(
        &format!("（一）{item}"),
        &format!("（一）{item}\n（二）{item} "),
    );
    assert_eq!(
        found_by("GW0610", &text)
            .iter()
            .map(|f| f.line)
            .collect::<Vec<_>>(),
        [6]
    );
    // A field repeated under each item is meant.
    let field = "整改情况：已按要求全部完成整改，并建立健全长效工作机制。";
    let text = GOOD_REPORT.replace(twice, &format!("{twice}\n{field}\n{field}"));
    assert_eq!(codes(&text), []);
    // A note repeated under each table is meant.
    let note = "注：本表数据截至2024年12月31日，下同，单位为件。";
    let text = GOOD_REPORT.replace(twice, &format!("{twice}\n{note}\n{note}"));
    assert_eq!(codes(&text), []);
    // Short lines repeat on purpose; a paragraph that shares a sentence is another one.
    let text = GOOD_REPORT.replace(
        "继续完善依法决策机制，提升依法行政水平。",
        "继续完善依法决策机制。\n继续完善依法决策机制。\n一是执法力量不足，二是培训覆盖不全。主要原因是基层执法人员流动较快，编制紧张。",
    );
    assert_eq!(codes(&text), []);
}

/// A Markdown source wrapped at a fixed width: each paragraph's lines are one paragraph
/// (CommonMark), not broken ones, and marks opened on one line close on the next.
#[test]
fn markdown_soft_wraps_are_one_paragraph() {
    let md = "# 青禾市卫生健康委员会2024年法治政府建设年度报告\n\n全年贯彻落实党中央、国务\n院和省委、省政府关于《法治政府建设\n实施纲要（2021—2025年）》的部署。\n\n- 建立执法公示制度；\n- 落实法制审核制度。\n";
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", md.into());
    let all = crate::Linter::with_defaults().lint_document(&doc);
    let codes: Vec<&str> = all
        .iter()
        .map(|d| d.rule.code)
        .filter(|c| c.starts_with("GW06") || c.starts_with("GW05"))
        .collect();
    assert_eq!(codes, Vec::<&str>::new());
    // An editor wraps before anything: 其中, 二是, a figure, English, a bracket.
    let md = "# 青禾市卫生健康委员会2024年法治政府建设年度报告\n\n办理行政处罚案件76件，\n其中一般程序案件41件；开展集中宣传\n12场，一是加强培训，\n二是严格考核，邀请世界卫生组织（World\nHealth Organization）专家授课，学习《法治政府建设实施纲要\n（2021—2025年）》。\n";
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", md.into());
    let all = crate::Linter::with_defaults().lint_document(&doc);
    let codes: Vec<&str> = all
        .iter()
        .map(|d| d.rule.code)
        .filter(|c| c.starts_with("GW06") || c.starts_with("GW05") || c.starts_with("GW03"))
        .collect();
    assert_eq!(codes, Vec::<&str>::new());
    // A numbered item or a Markdown list after an open line is a block of its own.
    let md = "# 青禾市卫生健康委员会2024年法治政府建设年度报告\n\n一、主要举措\n\n全年开展培训，\n（一）加强领导。\n";
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", md.into());
    let all = crate::Linter::with_defaults().lint_document(&doc);
    assert!(all.iter().any(|d| d.rule.code == "GW0605"), "{all:?}");
    // One paragraph a line, each ending its sentence: a mark left open is still found.
    let md = "# 青禾市卫生健康委员会2024年法治政府建设年度报告\n\n全年学习《法治政府建设实施纲要，全部经过审查。\n落实》行政执法三项制度，成效明显。\n";
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", md.into());
    let all = crate::Linter::with_defaults().lint_document(&doc);
    assert_eq!(all.iter().filter(|d| d.rule.code == "GW0503").count(), 2);
    // In a text file each line is a paragraph: the title marks are left open.
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", md.into());
    let all = crate::Linter::with_defaults().lint_document(&doc);
    assert!(all.iter().any(|d| d.rule.code == "GW0503"));
}

/// Changes and comments left in a .docx are said once, at the first line, with both counts.
#[test]
fn open_revisions_and_comments_are_said_once() {
    let said = |revisions: usize, comments: usize| {
        let mut doc = Document::from_text("t.docx", Format::Docx, "docx", GOOD_REPORT.into());
        doc.extras.revisions = revisions;
        doc.extras.comments = comments;
        found_of("GW0612", &doc)
            .into_iter()
            .map(|f| (f.line, f.severity, f.message))
            .collect::<Vec<_>>()
    };
    let one = |message: &str| vec![(1, Severity::Warning, message.to_string())];
    assert_eq!(
        said(3, 0),
        one("文档中有3处未处理的修订；gwlint 按接受全部修订后的文字检查")
    );
    assert_eq!(said(0, 2), one("文档中有2条批注"));
    assert_eq!(
        said(5, 1),
        one("文档中有5处未处理的修订和1条批注；gwlint 按接受全部修订后的文字检查")
    );
    assert_eq!(said(0, 0), []);
}

/// A running header of last year's report, or a template's blank in it, is said at the
/// first line; a footer's date of issue and this year's header are not.
#[test]
fn stale_or_blank_headers_are_said_at_the_first_line() {
    use crate::document::{Margin, MarginText, Pages};
    let said = |margins: &[(Margin, &str)]| {
        let mut doc = Document::from_text("t.docx", Format::Docx, "docx", GOOD_REPORT.into());
        doc.extras.margins = margins
            .iter()
            .map(|&(margin, text)| MarginText {
                margin,
                pages: Pages::Every,
                text: text.into(),
            })
            .collect();
        found_of("GW0613", &doc)
            .into_iter()
            .map(|f| (f.line, f.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        said(&[(
            Margin::Header,
            "青禾市卫生健康委员会2023年法治政府建设年度报告"
        )]),
        [(
            1,
            "页眉“青禾市卫生健康委员会2023年法治政府建设年度报告”写的是2023年，报告年度是2024年"
                .to_string()
        )]
    );
    assert_eq!(
        said(&[(Margin::Footer, "××县卫生健康局")]),
        [(
            1,
            "页脚“××县卫生健康局”中的“××”是未填写的占位符".to_string()
        )]
    );
    // Next year's report is as wrong as last year's.
    assert_eq!(
        said(&[(
            Margin::Header,
            "青禾市卫生健康委员会2025年法治政府建设年度报告"
        )])
        .len(),
        1
    );
    // Both mistakes of one header are said.
    let both = said(&[(Margin::Header, "××县卫生健康局2023年法治政府建设年度报告")]);
    assert_eq!(both.len(), 2, "{both:?}");
    let quiet = [
        (
            Margin::Header,
            "青禾市卫生健康委员会2024年法治政府建设年度报告",
        ),
        (Margin::Footer, "青禾市卫生健康委员会　2025年1月印发"),
        (Margin::Footer, "法治政府建设年度报告　2025年1月16日印发"),
        (Margin::Footer, "— 3 —"),
        (Margin::Header, "2025年度法治政府建设工作要点"),
        (Margin::Header, "附件　2023年度法治督察反馈问题整改情况报告"),
    ];
    assert_eq!(said(&quiet), []);
}

#[test]
fn a_tab_typed_after_every_number_is_one_finding() {
    let tabbed = GOOD_REPORT
        .replace("一、2024年", "一、\t2024年")
        .replace("二、存在", "二、\t存在")
        .replace("三、党政", "三、\t党政");
    let f: Vec<Found> = found_by("GW0606", &tabbed);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.ends_with("（全文3个序号后都是制表符）"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].fix, None);
    // One or two are slips, each with its fix.
    let one = GOOD_REPORT.replace("二、存在", "二、\t存在");
    let f: Vec<Found> = found_by("GW0606", &one);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].fix, Some((String::new(), true)));
}

#[test]
fn bold_words_in_a_text_file_are_no_mask() {
    let text =
        with_measures("（一）健全依法决策机制。**主要负责人带头学法，亲自部署。**全年审查3件。");
    assert!(found(&text).iter().all(|f| f.code != "GW0603"));
    // A masked name at a clause's start is still a mask.
    let text = with_measures("（一）健全依法决策机制。**县卫生健康局****年开展检查，共5次。");
    assert_eq!(found_by("GW0603", &text).len(), 2);
    // Stars before a unit or a digit still mask a figure (a masked date is one).
    let text = with_measures("（一）健全依法决策机制。受理**件，办结**件，**年**月完成。");
    assert_eq!(found_by("GW0603", &text).len(), 3);
}

#[test]
fn a_word_spaced_out_is_one_finding() {
    let text = GOOD_REPORT.replace("主要负责人带头学法", "主 要 做 法：主要负责人带头学法");
    let f: Vec<Found> = found_by("GW0606", &text);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].message, "字与字之间加了空格：“主 要 做 法”");
    assert_eq!(f[0].fix, Some(("主要做法".to_string(), false)));
}

/// The findings of one rule on `lines` added after the good report's first paragraph.
fn found_after_measures(code: &str, lines: &str) -> Vec<Found> {
    found_by(code, &with_measures(&format!("{MEASURES}\n{lines}\n")))
}

#[test]
fn names_masked_on_purpose_are_no_placeholders() {
    let masked = |line: &str| -> Vec<String> {
        found_after_measures("GW0603", line)
            .into_iter()
            .map(|f| f.text)
            .collect()
    };
    assert_eq!(
        masked("依法查处王**、李**等3人非法行医案，对张*明开展约谈，对赵*华等人作出罚款决定。"),
        Vec::<String>::new()
    );
    // A masked figure still is one, after a surname-like character too.
    assert_eq!(masked("查处非法行医**件，其中王**件。"), ["**", "**"]);
    // Service hours multiply; a digit masked in a year is a mask.
    assert_eq!(
        masked("提供5*8小时人工服务和7*24小时自助服务，全天24*7h在线。"),
        Vec::<String>::new()
    );
    assert_eq!(masked("20*4年全年受理投诉3*件。"), ["*", "*"]);
    // Masked with ×, as 裁判文书 are; a list of blanks without names is still blank.
    assert_eq!(
        masked("约谈张××、李××等3名考试不合格的科级干部。"),
        Vec::<String>::new()
    );
    assert_eq!(masked("整改××、××等问题。"), ["××、××"]);
    // A case told without the offender's name; a unit left unnamed elsewhere is a blank.
    assert_eq!(
        masked("查处XX医院违规发布医疗广告案，对XX诊所作出警告。"),
        Vec::<String>::new()
    );
    assert_eq!(masked("XX医院开展法治培训。"), ["XX"]);
}

#[test]
fn a_two_character_name_padded_to_three_is_no_stray_space() {
    let spaces = |line: &str| found_after_measures("GW0606", line).len();
    assert_eq!(spaces("（联系人：张　伟，联系电话：0571-87654321）"), 0);
    assert_eq!(
        spaces("联系人：委法规处　周　敏，联系电话：0791-86123456。"),
        0
    );
    assert_eq!(spaces("全年开展执法检查，市　县两级联动。"), 1);
}

#[test]
fn one_times_sign_before_a_unit_is_a_blank() {
    let blanks = |line: &str| found_after_measures("GW0603", line).len();
    assert_eq!(blanks("全年办理行政复议案件×件，行政诉讼案件×件。"), 2);
    assert_eq!(blanks("配发3×4件套执法装备，按长×宽计算面积。"), 0);
    // A template's circles too; not the zero of a date in Chinese numerals.
    assert_eq!(blanks("全年办理○○件，查处案件○件。"), 2);
    assert_eq!(blanks("于二○二四年三月印发，二〇二五年实施。"), 0);
}

#[test]
fn a_paragraph_opening_with_a_point_mark_was_broken_off() {
    let f = found_after_measures(
        "GW0604",
        "受理投诉举报346件，其中医疗质量类22件、服务态度类44件\n、医疗收费类280件，均按时办结。",
    );
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.starts_with("段落在“、”之前断开"),
        "{}",
        f[0].message
    );
}

#[test]
fn page_links_are_web_debris() {
    let f = found_after_measures(
        "GW0601",
        "点击查看原文\n附件下载：2024年法治政府建设情况报告.pdf",
    );
    assert_eq!(f.len(), 1);
}

/// A page's link or byline run on after a paragraph's last sentence is debris; what a
/// report may set there (a source, a closing bracket, 完) is not.
#[test]
fn debris_run_on_after_a_paragraph() {
    for (tail, shown) in [
        ("点击查看原文", "点击查看原文"),
        ("（责任编辑：张三）", "（责任编辑：张三）"),
        ("  【打印本页】", "【打印本页】"),
    ] {
        let f = found_after_measures("GW0601", &format!("全年审查重大行政决策3件。{tail}"));
        assert_eq!(
            f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
            [shown],
            "{tail}"
        );
    }
    for tail in ["来源：全市统计年报", "（完）", "）", "点击率同比提高"] {
        let f = found_after_measures("GW0601", &format!("全年审查重大行政决策3件。{tail}"));
        assert!(f.is_empty(), "{tail}");
    }
}

#[test]
fn lost_characters_are_told_once_a_run() {
    let text = GOOD_REPORT.replacen("市委、市政府：", "市委、\u{FFFD}\u{FFFD}府：", 1);
    let f = found_by("GW0617", &text);
    assert_eq!(
        f.iter()
            .map(|f| (f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [(2, "\u{FFFD}\u{FFFD}")]
    );
    assert_eq!(f[0].message, "“市委、��府：”中有字已丢失，显示为“�”");
    assert_eq!(f[0].fix, None);
    // A .docx's U+FFFD is a symbol font's glyph Word shows.
    let doc = Document::from_text("t.docx", Format::Docx, "docx", text);
    assert!(found_in(&doc).iter().all(|f| f.code != "GW0617"));
}

#[test]
fn other_rules_do_not_guess_at_a_lost_character() {
    let text = with_measures(
        "（一）健全依法决策机制。贯彻《法治政府建设实施\u{FFFD}要（2021—2025年）》，全年审查重大行政决策3件。",
    )
    .replace("2025年1月20日", "2025年1月2\u{FFFD}");
    let all = found_of("", &crate::rules::text_doc(&text));
    assert_eq!(
        all.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
        [("GW0617", 5), ("GW0617", 13)]
    );
    // Where GW0617 is off, the others say what they see.
    let mut linter = crate::Linter::with_defaults();
    linter.selection.ignore = crate::selection::Selection::parse_list("GW0617").unwrap();
    let others = linter.lint_document(&crate::rules::text_doc(&text));
    assert!(others.iter().any(|d| d.rule.code == "GW0203"));
}
