use crate::diagnostic::Severity;
use crate::document::{Document, Format};
use crate::rules::{Found, GOOD_REPORT, found_of, with_measures};

/// Punctuation findings: code, line, the text under the span and the fix.
fn found(text: &str) -> Vec<Found> {
    found_of(
        "GW05",
        &Document::from_text("t.txt", Format::Text, "utf-8", text.into()),
    )
}

fn codes(text: &str) -> Vec<(&'static str, usize)> {
    found(text).iter().map(|f| (f.code, f.line)).collect()
}

/// Applies every safe fix (they never overlap within one rule's findings here).
fn fixed(text: &str) -> String {
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.into());
    let mut edits: Vec<_> = crate::Linter::with_defaults()
        .lint_document(&doc)
        .into_iter()
        .filter(|d| d.rule.code.starts_with("GW05"))
        .filter_map(|d| {
            let f = d.fix?;
            f.safe.then_some((d.span, f.replacement))
        })
        .collect();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = doc.text.clone();
    for (r, rep) in edits {
        out.replace_range(r, &rep);
    }
    out
}

#[test]
fn correct_report_is_quiet() {
    assert_eq!(codes(GOOD_REPORT), []);
}

#[test]
fn halfwidth_marks_beside_chinese() {
    let text = with_measures(
        "（一）健全依法决策机制。坚持放管结合,主要做法:加强监管;提升效能(试行)。是否到位?",
    );
    assert_eq!(
        codes(&text),
        [
            ("GW0501", 5),
            ("GW0501", 5),
            ("GW0501", 5),
            ("GW0501", 5),
            ("GW0501", 5),
            ("GW0501", 5)
        ]
    );
    assert!(found(&text).iter().all(|f| f.severity == Severity::Error));
    assert!(
        fixed(&text).contains("坚持放管结合，主要做法：加强监管；提升效能（试行）。是否到位？")
    );
}

#[test]
fn halfwidth_guards() {
    let text = with_measures(
        "（一）健全依法决策机制。罚没款合计12,500元，每日8:30至17:30受理，比例尺1:500。\
         详见委门户网站（https://wsjkw.example.gov.cn/a?b=1,2）或致信 fzk@example.gov.cn。\
         引用英文“Rule of law, not of men.”一句。增长3.5个百分点。",
    );
    assert_eq!(codes(&text), []);
    // A heading marker is the numbering rules' business (GW0304).
    let text = with_measures("(一)健全依法决策机制。全年审查重大行政决策3件。");
    assert_eq!(codes(&text), []);
    // 1. and a decimal are not sentence ends; a period after Chinese text is.
    let text = with_measures("（一）健全依法决策机制。全年审查决策3件.其中2.5件");
    assert_eq!(codes(&text), [("GW0501", 5)]);
    // So is one after what closes Chinese text: a percentage, a bracket, a quote.
    let text =
        with_measures("（一）健全依法决策机制。备案率100%.举办听证（含网上听证）.落实“三项制度”.");
    assert_eq!(codes(&text), [("GW0501", 5); 3]);
    assert!(fixed(&text).contains("备案率100%。举办听证（含网上听证）。落实“三项制度”。"));
    // Not after English or a figure alone.
    let text =
        with_measures("（一）健全依法决策机制。引用“Rule of law (RoL).”一句，达到100%.5个。");
    assert_eq!(codes(&text), []);
}

#[test]
fn folded_document_is_one_finding_plus_warnings() {
    let body = "（一）健全依法决策机制。全年审查决策3件,审查文件5件,清理文件8件,修改2件,废止1件,保留5件,\
                新制定2件,备案3件,公开7件,答复4件,办结9件。";
    let text = with_measures(body).replace('，', ",");
    let f = found(&text);
    let folded: Vec<_> = f.iter().filter(|f| f.code == "GW0502").collect();
    assert_eq!(folded.len(), 1);
    assert_eq!(folded[0].severity, Severity::Error);
    let marks: Vec<_> = f.iter().filter(|f| f.code == "GW0501").collect();
    assert!(marks.len() >= 10);
    assert!(marks.iter().all(|f| f.severity == Severity::Warning));
    assert!(!fixed(&text).contains(','));
}

#[test]
fn unbalanced_pairs() {
    let text = with_measures("（一）健全依法决策机制。办理《公共场所卫生许可（新办》事项3件。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0503", "（")]
    );
    assert!(f[0].fix.is_none());
    // A damaged marker at the start of a paragraph, and an opener that never closes.
    let text = with_measures(")持续推进依法治理。\n(法律法规宣传方面宣传方式单一。");
    assert_eq!(codes(&text), [("GW0503", 5), ("GW0503", 6)]);
    // "1）" opening a line is a list marker; a bracket closed on the continuation of a
    // broken paragraph is balanced.
    let text = with_measures(
        "1）加强合法性审查，全年审查重大行政决策3件（其中\n涉企2件），做法：a）建立台账；b）逐件审查。",
    );
    assert!(
        codes(&text).iter().all(|(c, _)| *c != "GW0503"),
        "{:?}",
        codes(&text)
    );
}

#[test]
fn nested_titles() {
    let text =
        with_measures("（一）健全依法决策机制。学习《某省实施<中华人民共和国献血法>办法》。");
    let f = found(&text);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "GW0504");
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].fix, Some(("〈中华人民共和国献血法〉".into(), true)));
    let text =
        with_measures("（一）健全依法决策机制。学习《某省实施《中华人民共和国献血法》办法》。");
    let f = found(&text);
    assert_eq!((f[0].code, f[0].severity), ("GW0504", Severity::Warning));
    // A template's field in angle brackets is a blank (GW0603), not a title.
    let text = with_measures("（一）健全依法决策机制。由<单位名称>报送，学习<民法典>。");
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0504", "<民法典>")]
    );
    // Three levels alternate: 《〈《》〉》 is right.
    let text = with_measures(
        "（一）健全依法决策机制。印发《关于转发〈关于贯彻《中华人民共和国医师法》的通知〉的通知》。",
    );
    assert!(found(&text).is_empty());
    // 〈〉 outside 《》, alone or with the levels reversed.
    let text = with_measures("（一）健全依法决策机制。组织学习〈中华人民共和国行政复议法〉。");
    assert!(fixed(&text).contains("组织学习《中华人民共和国行政复议法》。"));
    let text = with_measures(
        "（一）健全依法决策机制。贯彻〈关于印发《医疗机构依法执业自查管理办法》的通知〉。",
    );
    assert!(fixed(&text).contains("贯彻《关于印发〈医疗机构依法执业自查管理办法〉的通知》。"));
    let text = with_measures("（一）健全依法决策机制。学习<法治政府建设实施纲要>。");
    assert!(fixed(&text).contains("学习《法治政府建设实施纲要》"));
    let text = with_measures("（一）健全依法决策机制。学习<<中华人民共和国医师法>>。");
    assert!(
        fixed(&text).contains("学习《中华人民共和国医师法》"),
        "{}",
        fixed(&text)
    );
}

#[test]
fn with_a_mark_missing_nesting_is_not_judged() {
    let text = with_measures(
        "（一）健全依法决策机制。学习《中华人民共和国传染病防治法〉和《中华人民共和国医师法》。",
    );
    assert!(
        fixed(&text).contains("和《中华人民共和国医师法》"),
        "{}",
        fixed(&text)
    );
    let codes: Vec<&str> = found(&text).iter().map(|f| f.code).collect();
    assert!(
        codes.contains(&"GW0503") && !codes.contains(&"GW0504"),
        "{codes:?}"
    );
}

#[test]
fn comparisons_and_tags_between_angle_brackets_are_not_titles() {
    for body in [
        "出厂水余氯＜0.3mg/L，末梢水菌落总数＞100CFU/mL的情况已整改。",
        "满意度<90%的单位约谈，满意度>95%的单位通报表扬。",
        "检测值<5时复检，>10时上报。",
        "页面中<span title=\"说明\">重点</span>已删除。",
        "页面中的<!-- 起草说明 -->已删除。",
    ] {
        let text = with_measures(&format!("（一）健全依法决策机制。{body}"));
        let f = found(&text);
        assert!(
            f.iter().all(|f| f.code != "GW0504"),
            "{body}: {:?}",
            codes(&text)
        );
    }
}

#[test]
fn quotes_nest_double_outside_single_inside() {
    let text = with_measures("（一）健全依法决策机制。开展普法在‘杭’系列活动。");
    assert_eq!(codes(&text), [("GW0505", 5)]);
    assert!(fixed(&text).contains("普法在“杭”系列"));
    // Correct nesting is quiet; the people’s apostrophe too.
    let text = with_measures(
        "（一）健全依法决策机制。提出“落实‘谁执法谁普法’责任”的要求，见the people’s court。",
    );
    assert_eq!(codes(&text), []);
    // A plural's apostrophe ends its word; a quote mark after Chinese is still one.
    let text =
        with_measures("（一）健全依法决策机制。讲授Patients’ Rights课程，研读《Nurses’》一书。");
    assert_eq!(codes(&text), []);
    let text = with_measures("（一）健全依法决策机制。群众’满意度持续提升。");
    assert_eq!(codes(&text), [("GW0503", 5)]);
    // Three levels alternate; a title's own quotes inside 《》 are the title's.
    let text = with_measures(
        "（一）健全依法决策机制。会议要求：“文件提出‘落实“谁执法谁普法”普法责任制’的要求。”开展“学习《“健康中国2030”规划纲要》”活动。",
    );
    assert_eq!(codes(&text), []);
    let text = with_measures("（一）健全依法决策机制。提出“落实“谁执法谁普法”责任”的要求。");
    assert_eq!(codes(&text), [("GW0505", 5)]);
    // ASCII double quotes are the outer marks: only they are wrong, and the ‘’ stay.
    let text = with_measures("（一）健全依法决策机制。落实\"‘谁执法谁普法’责任制\"。");
    assert_eq!(codes(&text), [("GW0501", 5), ("GW0501", 5)]);
    // Marks nested thousands deep: only the inner ones short enough to quote are
    // reported, or each finding would hold the whole text.
    let deep = format!(
        "（一）健全依法决策机制。{}执法{}。",
        "“".repeat(2000),
        "”".repeat(2000)
    );
    let f = found(&with_measures(&deep));
    let nested = f.iter().filter(|f| f.code == "GW0505").count();
    assert!((100..1000).contains(&nested), "{nested}");
}

#[test]
fn enumeration_comma_between_titles_and_quotes() {
    let text = with_measures(
        "（一）健全依法决策机制。学习《中华人民共和国民法典》、《中华人民共和国医师法》。",
    );
    assert_eq!(codes(&text), [("GW0506", 5)]);
    assert!(fixed(&text).contains("民法典》《中华"));
    // The message shows the two titles around the comma, long ones cut before their years.
    let long = with_measures(
        "（一）健全依法决策机制。落实《法治中国建设规划（2020—2025年）》、《法治社会建设实施纲要（2020—2025年）》。",
    );
    assert!(
        found(&long)[0]
            .message
            .ends_with("：《法治中国建设规划…》、《法治社会建设实施纲要…》"),
        "{}",
        found(&long)[0].message
    );
    let quoted = with_measures("（一）健全依法决策机制。推行“网上办”、“掌上办”。");
    let f = found(&quoted);
    assert_eq!((f[0].code, f[0].severity), ("GW0506", Severity::Info));
    // Offered, not applied: whether the quoted words are the items is the author's call.
    assert_eq!(f[0].fix, Some(("".to_string(), false)));
    // Quotes around part of an item: a day's date, or after a date of its own.
    for ok in [
        "（一）健全依法决策机制。围绕“宪法宣传周”、“12·4”国家宪法日开展宣传。",
        "（一）健全依法决策机制。围绕6月“安全生产月”、“宪法宣传周”等节点开展宣传。",
    ] {
        assert_eq!(codes(&with_measures(ok)), [], "{ok}");
    }
    // Two quoted items sharing the noun after them are whole items still.
    for shared in [
        "（一）健全依法决策机制。深化“放管服”、“最多跑一次”改革。",
        "（一）健全依法决策机制。开展“宪法宣传周”、“民法典宣传月”活动。",
    ] {
        let f = found(&with_measures(shared));
        assert_eq!(
            f.iter().map(|f| f.code).collect::<Vec<_>>(),
            ["GW0506"],
            "{shared}"
        );
    }
    let mixed = with_measures("（一）健全依法决策机制。推行“网上办”、“掌上办”“就近办”。");
    let f = found(&mixed);
    assert_eq!((f[0].code, f[0].severity), ("GW0506", Severity::Warning));
    // With a note in brackets between the titles, 、 is right.
    let text = with_measures(
        "（一）健全依法决策机制。学习《中华人民共和国民法典》（2020年）、《中华人民共和国医师法》。",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn year_ranges() {
    let text = with_measures(
        "（一）健全依法决策机制。评估《青禾市卫生健康事业发展规划（2021-2025年）》和（2019~2030）专项。",
    );
    assert_eq!(codes(&text), [("GW0507", 5), ("GW0507", 5)]);
    assert!(fixed(&text).contains("（2021—2025年）") && fixed(&text).contains("（2019—2030）"));
    let text = with_measures("（一）健全依法决策机制。开展2025-2026学年学校卫生监督。");
    assert!(fixed(&text).contains("2025—2026学年"), "{}", fixed(&text));
    // An impossible range still has the wrong dash (its years are GW0404's), but fixing
    // the dash alone would settle the wrong year: offered, not applied.
    let text =
        with_measures("（一）健全依法决策机制。评估规划（2020-2121年）和（20212025年）实施情况。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0507", Some(("—".to_string(), false))),
            ("GW0508", Some(("2021—2025".to_string(), true)))
        ]
    );
    let text = with_measures(
        "（一）健全依法决策机制。2021-01-22起施行，热线0571-88886666，落实（2021—2025年）规划。",
    );
    assert_eq!(codes(&text), []);
    // A 破折号 for the 一字线.
    let text = with_measures("（一）健全依法决策机制。落实规划（2021——2025年）。");
    assert_eq!(codes(&text), [("GW0507", 5)]);
}

#[test]
fn number_ranges() {
    let text = with_measures(
        "（一）健全依法决策机制。每季度开展3~5次检查，抽查比例5%-10%，1-2个工作日内办结。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0514", "~", Some(("～".to_string(), true))),
            ("GW0514", "-", Some(("～".to_string(), false))),
            ("GW0514", "-", Some(("～".to_string(), false)))
        ]
    );
    assert!(fixed(&text).contains("3～5次"));
    // After a percent sign, and before units of two characters.
    let text = with_measures("（一）健全依法决策机制。抽查比例3%~5%，培训15-20分钟。");
    assert_eq!(codes(&text), [("GW0514", 5), ("GW0514", 5)]);
    // Codes, phones, dates, years, standards, links and signed numbers.
    let text = with_measures(
        "（一）健全依法决策机制。热线0571-88886666，依据GB 5749-2022和WS/T 367-2012，\
         版本V2.1-3，访问http://a.cn/~wsj/，同比-3.2%，2021~2025年规划，第3-5条，COVID-19，\
         如表3-1所示，见图2-3。",
    );
    assert_eq!(codes(&text), [("GW0507", 5)]);
    // The IME's wave dash is a 浪纹线 mistyped; a 一字线 between counts is common usage.
    let text = with_measures("（一）健全依法决策机制。3〜5个工作日内办结，每季度检查3—5次。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [("GW0514", "〜", Some(("～".to_string(), true)))]
    );
    let text =
        with_measures("（一）健全依法决策机制。1—6月受理12件，规划（2021—2025年），第3—5条。");
    assert_eq!(codes(&text), []);
}

/// GB/T 15835-2011: "15%～30%" and "9亿～16亿", not "15～30%" and "9～16亿".
#[test]
fn both_ends_of_a_range_carry_the_percent_or_wan() {
    let text = with_measures(
        "（一）健全依法决策机制。抽查比例15～30%，罚款1～5万元，覆盖率10-20%，合格率90%～95%，罚款2万～3万元，受理2—3件。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0514", Some(("%～".to_string(), true))),
            ("GW0514", Some(("万～".to_string(), true))),
            ("GW0514", Some(("%～".to_string(), false))),
        ]
    );
    assert!(
        fixed(&text).contains("15%～30%，罚款1万～5万元"),
        "{}",
        fixed(&text)
    );
}

#[test]
fn time_ranges() {
    let text = with_measures(
        "（一）健全依法决策机制。1-10月受理12件，3月1日-4月30日集中整治，2023年12月~2024年3月开展检查，窗口8:30-17:30办公，1~6月份办结。",
    );
    assert_eq!(codes(&text), [("GW0516", 5); 5]);
    // A range of dates is quoted whole.
    let quoted: Vec<String> = found(&text).into_iter().map(|f| f.message).collect();
    assert_eq!(quoted[1], "时间范围“3月1日-4月30日”中的连接号应为一字线“—”");
    assert_eq!(
        quoted[2],
        "时间范围“2023年12月~2024年3月”中的连接号应为一字线“—”"
    );
    assert!(
        fixed(&text).contains(
            "1—10月受理12件，3月1日—4月30日集中整治，2023年12月—2024年3月开展检查，窗口8:30—17:30办公，1—6月份办结。"
        ),
        "{}",
        fixed(&text)
    );
    // Counts of days, the 浪纹线 and the 一字线, dates, codes and scales.
    let text = with_measures(
        "（一）健全依法决策机制。3-5日内办结，1～10月受理12件，1—6月办结，2024-1-10月报，型号A3-5月版，比例尺1:500-1:1000，12-1月为旺季。",
    );
    assert_eq!(codes(&text), []);
    // Days of the week, and months written with a dot.
    let text = with_measures(
        "（一）健全依法决策机制。窗口周一-周五开放，星期一~星期五受理，值班为周一-五，2024.1-2024.10开展检查。",
    );
    assert_eq!(codes(&text), [("GW0516", 5); 4]);
    assert!(
        fixed(&text)
            .contains("周一—周五开放，星期一—星期五受理，值班为周一—五，2024.1—2024.10开展"),
        "{}",
        fixed(&text)
    );
    // "周一-五年": no span of days; a version; no month 13; the 浪纹线.
    let text = with_measures(
        "（一）健全依法决策机制。周一-五年级学生，版本V2024.1-2024.10.3，2024.1-2024.13，周一～周五开放。",
    );
    assert_eq!(codes(&text), []);
}

/// "．" ends a sentence in scientific texts only; a decimal point and a heading's number
/// are other rules'.
#[test]
fn a_full_width_point_ending_a_sentence() {
    let text = with_measures("（一）健全依法决策机制。全年办结案件86件．满意度98．6%。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .filter(|f| f.code == "GW0501")
            .map(|f| (f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [("．", Some(("。".to_string(), true)))]
    );
    assert!(fixed(&text).contains("86件。满意度"));
}

#[test]
fn date_names() {
    let text = with_measures(
        "（一）健全依法决策机制。开展12.4国家宪法日、“3．15”宣传和5•12国际护士节活动，12·4国家宪法日当天设点。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [
            ("GW0515", "12.4"),
            ("GW0515", "．"),
            ("GW0515", "5•12"),
            ("GW0515", "12·4")
        ]
    );
    let fixed = fixed(&text);
    assert!(
        fixed.contains("开展“12·4”国家宪法日、“3·15”宣传和“5·12”国际护士节活动，“12·4”国家宪法日"),
        "{fixed}"
    );
    // Within a quotation, its quotes are single ones; written so, it is right.
    let text = with_measures("（一）健全依法决策机制。开展“12·4国家宪法日”主题活动。");
    assert_eq!(codes(&text), [("GW0515", 5)]);
    let nested = self::fixed(&text);
    assert!(
        nested.contains("开展“‘12·4’国家宪法日”主题活动"),
        "{nested}"
    );
    let text = with_measures("（一）健全依法决策机制。开展“‘12·4’国家宪法日”主题活动。");
    assert_eq!(codes(&text), []);
    // An event named by its quoted day; quoted figures are no days.
    let text = with_measures(
        "（一）健全依法决策机制。纪念“5.12”地震，评分均值为“4.8”分，pH值稳定在“7.2”左右。",
    );
    assert_eq!(codes(&text), [("GW0515", 5)]);
    // In a cited title: reported, but the title is the document's to say.
    let text =
        with_measures("（一）健全依法决策机制。印发《关于开展12.4国家宪法日宣传活动的通知》。");
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| (f.code, f.fix.clone().map(|(_, safe)| safe)))
            .collect::<Vec<_>>(),
        [("GW0515", Some(false))]
    );
    // Decimals, versions, a correct name and a date that is no day.
    let text = with_measures(
        "（一）健全依法决策机制。服务12.4万人次，增长3.15%，V2.1版，“12·4”国家宪法日，13.4国家宪法日，2.30世界卫生日。",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn ellipsis_dash_and_repeated_marks() {
    let text = with_measures("（一）健全依法决策机制。印发折页、展板...主题--“健康青禾”。");
    assert_eq!(codes(&text), [("GW0509", 5), ("GW0509", 5)]);
    assert!(fixed(&text).contains("展板……主题——“健康青禾”"));
    // The mathematical midline ellipsis looks like one, and is none.
    let text = with_measures("（一）健全依法决策机制。印发折页、展板⋯⋯");
    assert_eq!(codes(&text), [("GW0509", 5)]);
    assert!(self::fixed(&text).contains("展板……"));
    let text = with_measures("（一）健全依法决策机制。全年审查决策3件，，全部审查。。办结，。");
    let f = found(&text);
    assert_eq!(f.len(), 3);
    assert_eq!(f[2].fix, None);
    assert!(fixed(&text).contains("3件，全部审查。办结，。"));
    // Two dots between words, two en dashes; not English quoted, nor ？！ or ！！！.
    let text = with_measures("（一）健全依法决策机制。法治建设..要加强，主题––“健康青禾”。");
    assert_eq!(codes(&text), [("GW0509", 5), ("GW0509", 5)]);
    // As often a doubled full stop: reported, not fixed.
    assert!(fixed(&text).contains("法治建设..要加强，主题——“健康青禾”"));
    // At a paragraph's end too; after a Latin letter or before a digit, not.
    let text = with_measures("（一）健全依法决策机制。发放宣传资料、展板、折页..");
    assert_eq!(codes(&text), [("GW0509", 5)]);
    let text = with_measures("（一）健全依法决策机制。版本为v2..3，详见附件..3。");
    assert_eq!(codes(&text), []);
    let text = with_measures(
        "（一）健全依法决策机制。标语是“And the journey continues...”，难道视而不见吗？！共建共享！！！",
    );
    assert_eq!(codes(&text), []);
    // "。。。" may be a full stop typed three times: reported, not fixed.
    let text = with_measures("（一）健全依法决策机制。全年办结12件。。。依法维持3件。");
    assert_eq!(codes(&text), [("GW0509", 5)]);
    assert!(fixed(&text).contains("12件。。。依法"));
    // Two 省略号 for paragraphs left out.
    let text = with_measures("（一）健全依法决策机制。（原文较长，以下从略）…………");
    assert_eq!(codes(&text), []);
}

/// Word's text for a broken cross-reference ends with its own 。: the sentence's stop
/// after it is no repeat (GW0602 reports the field).
#[test]
fn a_stop_after_a_broken_field() {
    let text =
        with_measures("（一）健全依法决策机制。全年审查决策3件，详见表错误！未找到引用源。。");
    assert_eq!(codes(&text), []);
    let text = with_measures("（一）健全依法决策机制。全年审查决策3件。。");
    assert_eq!(codes(&text), [("GW0510", 5)]);
}

/// A quotation ending with its own 。 takes no second one after the closing quote.
#[test]
fn a_stop_after_a_quoted_stop() {
    let text = with_measures("（一）健全依法决策机制。局长强调：“要依法办事。”。");
    assert_eq!(codes(&text), [("GW0510", 5)]);
    assert!(
        fixed(&text).contains("“要依法办事。”\n"),
        "{}",
        fixed(&text)
    );
    let text = with_measures(
        "（一）健全依法决策机制。提出“依法办事”。局长强调：“要依法办事。”口号是“法治政府。”“法治社会。”",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn one_dash_before_a_quotation_and_a_comma_before_deng() {
    for dash in ["—", "－", "―"] {
        let text = with_measures(&format!(
            "（一）健全依法决策机制。开展集中宣传{dash}“宪法进医院”活动。"
        ));
        assert_eq!(codes(&text), [("GW0509", 5)], "{dash}");
    }
    // A range's 连接号, and two names joined.
    let text = with_measures(
        "（一）健全依法决策机制。落实《纲要（2021—2025年）》，开通北京—上海专线，“十四五”—“十五五”衔接。",
    );
    assert_eq!(codes(&text), []);
    let text = with_measures("（一）健全依法决策机制。学习《民法典》《医师法》、等法律法规。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone()))
            .collect::<Vec<_>>(),
        [("GW0510", Some((String::new(), false)))]
    );
    let text = with_measures(
        "（一）健全依法决策机制。推进医院评审、等额选举，完成网络安全自查、等保测评，检查结果互认、等效使用，规范收费、等价交换。",
    );
    assert_eq!(codes(&text), []);
    // A range of dates takes one dash.
    let text = with_measures(
        "（一）健全依法决策机制。集中宣传时间为11月20日—“12·4”国家宪法日，12月—“12·4”期间。",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn a_dash_before_a_name_is_still_a_dash() {
    let text = with_measures("（一）健全依法决策机制。建设了政务服务--App平台。");
    assert_eq!(codes(&text), [("GW0509", 5)]);
}

#[test]
fn dot_leaders_options_and_file_names_are_not_ellipses_or_dashes() {
    for body in [
        "目录见附件：一、主要举措和成效..........................1",
        "一、主要举措和成效······························3",
        "运行时使用--fix参数自动修复。",
        "报送时附汇总表...docx文件。",
    ] {
        let text = with_measures(&format!("（一）健全依法决策机制。\n{body}"));
        assert!(
            codes(&text).iter().all(|(c, _)| *c != "GW0509"),
            "{body}: {:?}",
            codes(&text)
        );
    }
}

#[test]
fn addressee_colon() {
    let text = GOOD_REPORT.replace("市委、市政府：", "市委、市政府:");
    assert_eq!(codes(&text), [("GW0511", 2)]);
    assert!(fixed(&text).contains("市委、市政府：\n"));
    // Look-alike colons from an input method or a PDF.
    for colon in ['∶', '﹕'] {
        let text = GOOD_REPORT.replace("市委、市政府：", &format!("市委、市政府{colon}"));
        assert_eq!(codes(&text), [("GW0511", 2)], "{colon}");
        assert!(fixed(&text).contains("市委、市政府：\n"), "{colon}");
    }
    // Without its colon, or with a comma instead, it is still the 主送机关.
    for (bare, said) in [
        ("市委、市政府", "主送机关“市委、市政府”后缺少冒号“：”"),
        (
            "市委、市政府，",
            "主送机关“市委、市政府”后的“，”应为冒号“：”",
        ),
    ] {
        let text = GOOD_REPORT.replace("市委、市政府：", bare);
        assert_eq!(codes(&text), [("GW0511", 2)], "{bare}");
        assert_eq!(
            crate::rules::messages_of("GW0511", &text),
            [("GW0511", 2, said.to_string())]
        );
        assert!(fixed(&text).contains("市委、市政府：\n"), "{bare}");
    }
    // The title's own issuer repeated under it is no 主送机关.
    let text = GOOD_REPORT.replace("市委、市政府：", "青禾市卫生健康委员会");
    assert_eq!(codes(&text), []);
    // Nor is the issuer stacked under a title without it, when the 主送机关 follows.
    let stacked = GOOD_REPORT
        .replacen("青禾市卫生健康委员会", "", 1)
        .replace("市委、市政府：", "桃源县卫生健康局\n市委、市政府：");
    assert_eq!(codes(&stacked), []);
}

#[test]
fn run_in_heading_without_stop() {
    let text = with_measures(
        "（一）持续加强执法人员业务能力建设加强对接尽快回笼下沉到乡镇街道的执法人员稳定人心专职开展卫生健康行政执法和监督检查相关工作，全年培训执法人员12次。",
    );
    assert_eq!(codes(&text), [("GW0512", 5)]);
    let text = with_measures(
        "（一）持续加强执法人员业务能力建设加强对接，尽快回笼下沉到乡镇街道的执法人员，稳定人心，专职开展执法工作。全年培训12次。",
    );
    assert_eq!(codes(&text), [("GW0512", 5)]);
    // A heading on its own line needs no stop; a short heading with one comma is fine.
    let text = with_measures("（一）健全依法决策机制，规范决策程序。全年审查重大行政决策3件。");
    assert_eq!(codes(&text), []);
    // Its stop typed half-width is GW0501's alone.
    let text = with_measures(
        "(一)健全制度体系.印发《关于印发工作要点的通知》(青卫发〔2024〕3号),明确6个方面22项任务.制定《实施方案》,推动各项任务落地.",
    );
    assert!(
        codes(&text).iter().all(|&(code, _)| code == "GW0501"),
        "{:?}",
        codes(&text)
    );
    // Items listed in one paragraph; a heading that asks.
    let text = with_measures(
        "（一）健全依法决策机制。全年审查重大行政决策3件。\n（二）强化执法监督。全年开展执法检查12次。\n（三）依法行政能力有待进一步提升，部分干部运用法治思维不够；（四）执法监督力量相对薄弱，专职人员偏少；（五）普法针对性不强。",
    );
    assert_eq!(codes(&text), []);
    let text = with_measures(
        "1.如何健全组织领导体系？委党组将法治政府建设纳入全委年度重点工作，年初召开党组会议专题研究部署，印发《青禾市卫生健康委员会2024年法治政府建设工作要点》，细化6个方面28项具体任务。\n2.坚持领导干部带头学法。全年学法5次。\n3.压实述法考核责任。将述法纳入考核。",
    );
    assert_eq!(codes(&text), []);
    // 经费… opens a heading, not a sentence.
    let text = with_measures(
        "（一）经费保障能力持续加强落实执法装备购置，尽快配齐执法记录仪，进一步提高基层综合行政执法队伍的执法效能和水平。全年培训2期。",
    );
    assert_eq!(codes(&text), [("GW0512", 5)]);
    // Figures in a title or brackets leave the heading a heading.
    let text = with_measures(
        "（一）强化行政执法监督制定《青禾市行政执法监督工作办法》（青政办发〔2023〕26号），组织开展全市行政执法案卷评查，抽查案卷480卷，评定优秀案卷62卷、合格案卷391卷、不合格案卷27卷。推动全面落实三项制度。",
    );
    assert_eq!(codes(&text), [("GW0512", 5)]);
    // A numbered sentence is no heading, however long.
    let text = with_measures(
        "（一）健全依法决策机制。\n1.某民营医院使用非卫生技术人员从事医疗卫生技术工作，我委依法给予警告，并处罚款3万元，责令立即改正违法行为，相关处罚信息已在门户网站公示。\n2.全年共受理行政复议申请12件，已全部审结，其中维持原行政行为9件、撤销1件、驳回2件，纠错率8.3%，复议决定均已履行到位。",
    );
    assert_eq!(codes(&text), []);
    // Two items, each one sentence, the first too long to be read as a heading.
    let text = with_measures(
        "（一）健全依法决策机制。\n1.健全内部管理制度\n（1）修订《青禾市卫生健康委员会合法性审查工作规则》，明确审查范围、程序和时限，审查时限一般为5个工作日，复杂事项不超过10个工作日。\n（2）制定《青禾市卫生健康委员会行政执法案卷评查办法》，建立“自查、互查、抽查”三级评查机制。",
    );
    assert_eq!(codes(&text), []);
    // One sentence past two commas among items written "标题。正文": the stop is lost.
    let items = "（一）健全依法决策机制。全年审查重大行政决策3件。\n（二）加强法治宣传教育，组织开展“宪法宣传周”活动，发放宣传资料2万余份。\n（三）严格规范执法。全年立案查处案件12件。";
    assert_eq!(codes(&with_measures(items)), [("GW0512", 6)]);
    // A heading may end at ！.
    let items = "（一）健全依法决策机制。全年审查重大行政决策3件。\n（二）守护健康，法治同行！以“法治同行”为主题，组织开展法治文化进医院活动，覆盖医务人员3000余人次。\n（三）严格规范执法。全年立案查处案件12件。";
    assert_eq!(codes(&with_measures(items)), []);
    // Items that are all one sentence are a style of their own.
    let items = "（一）健全依法决策机制，全年审查重大行政决策3件，均经合法性审查。\n（二）加强法治宣传教育，组织开展“宪法宣传周”活动，发放宣传资料2万余份。";
    assert_eq!(codes(&with_measures(items)), []);
    // Also when one runs past where a heading's stop could be.
    let items = "（一）持续深化法治学习，把学法纳入年度计划。\n（二）完善行政执法监督机制，开展案卷评查。\n（三）对照《法治政府建设实施纲要（2021—2025年）》做好收官评估，谋划“十五五”时期（2026—2030年）卫生健康法治工作。";
    assert_eq!(codes(&with_measures(items)), []);
    let items = "（一）持续深化法治学习。把学法纳入年度计划。\n（二）完善行政执法监督机制。开展案卷评查。\n（三）对照《法治政府建设实施纲要（2021—2025年）》做好收官评估谋划“十五五”时期（2026—2030年）卫生健康法治工作，全年培训2次。";
    assert_eq!(codes(&with_measures(items)), [("GW0512", 7)]);
    let items = "（一）持续深化法治学习\n把学法纳入年度计划。\n（二）完善行政执法监督机制\n开展案卷评查。\n（三）对照《法治政府建设实施纲要（2021—2025年）》做好收官评估谋划“十五五”时期（2026—2030年）卫生健康法治工作，全年培训2次。";
    assert_eq!(codes(&with_measures(items)), [("GW0512", 9)]);
    // Items that are sentences, most not headed by a plain title: long first sentences
    // are their style (a comma inside quotation marks parts no clause).
    let items = "（一）健全依法决策机制\n1.对照《提升行政执法质量三年行动计划（2023—2025年）》（国办发〔2023〕27号），逐项梳理本局承担的18项任务，均已完成。全年开展行政检查412户次。\n2.以“学习《民法典》，守护美好生活”为主题开展宣传，覆盖群众1.2万人次，发放资料3000份。组织知识竞赛1次。\n3.规范行政处罚文书。全年制作处罚决定书143份。";
    assert_eq!(codes(&with_measures(items)), []);
    // Where most are headed so, the one long sentence lost its heading's stop; the heading
    // shown ends at a clause mark outside quotation marks.
    let items = "（一）健全依法决策机制\n1.健全制度体系。全年审查决策3件。\n2.以“学习《民法典》，守护美好生活”为主题开展宣传，覆盖群众1.2万人次，发放资料3000份。组织知识竞赛1次。\n3.规范行政处罚文书。全年制作处罚决定书143份。";
    let f = found(&with_measures(items));
    assert_eq!(codes(&with_measures(items)), [("GW0512", 7)]);
    assert!(
        f[0].message
            .ends_with("“以“学习《民法典》，守护美好生活”为主题…”"),
        "{}",
        f[0].message
    );
}

#[test]
fn heading_run_into_a_yishi_list() {
    let text = with_measures(
        "（一）推进公正文明执法一是落实行政执法三项制度；二是开展案卷评查，抽查案卷48卷。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0512", "推进公正文明执法")]
    );
    for ok in [
        "（一）推进公正文明执法。一是落实行政执法三项制度；二是开展案卷评查。",
        "（一）推进公正文明执法，一是落实行政执法三项制度；二是开展案卷评查。",
        // 统一, 如一, 周一 end words; a 一是 without 二是 lists nothing.
        "（一）坚持标准统一是执法的基础，二是一个数。",
        "（一）坚持始终如一是作风，二是方法。",
        "（一）说一是一、说二是二，树立诚信形象。",
        "（一）推进公正文明执法一是关键。",
    ] {
        assert_eq!(codes(&with_measures(ok)), [], "{ok}");
    }
}

#[test]
fn ascii_single_quotes_in_chinese() {
    let text = with_measures("（一）健全依法决策机制。开展'法治医院'创建，推广Don't Panic手册。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0501", "'", Some(("“".to_string(), false))),
            ("GW0501", "'", Some(("”".to_string(), false)))
        ]
    );
    // Inside double quotes they are the inner marks.
    let text = with_measures("（一）健全依法决策机制。提出“落实'谁执法谁普法'责任制”。");
    let fixes: Vec<_> = found(&text).into_iter().map(|f| f.fix).collect();
    assert_eq!(
        fixes,
        [
            Some(("‘".to_string(), false)),
            Some(("’".to_string(), false))
        ]
    );
}

#[test]
fn percent_signs() {
    let text = with_measures("（一）健全依法决策机制。办结率100％，满意率98%。");
    let f = found(&text);
    assert_eq!(
        (f.len(), f[0].code, f[0].text.as_str()),
        (1, "GW0513", "％")
    );
    assert!(fixed(&text).contains("办结率100%"));
    let text = with_measures("（一）健全依法决策机制。办结率100％，满意率98％。");
    assert_eq!(codes(&text), []);
    // A cited title keeps its own signs.
    let text =
        with_measures("（一）健全依法决策机制。落实《关于药品价格降低10％的通知》，办结率100%。");
    assert_eq!(codes(&text), []);
    // A link's escapes are no signs.
    let text = with_measures(
        "（一）健全依法决策机制。详见https://wsjkw.qinghe.gov.cn/s?q=%E6%B3%95%E6%B2%BB，办结率100％。",
    );
    assert_eq!(codes(&text), []);
}

#[test]
fn markdown_links_keep_their_brackets() {
    let text = with_measures(
        "（一）健全依法决策机制。按照[通知](https://example.gov.cn/a)规定审查决策3件。",
    );
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", text);
    let d = crate::Linter::with_defaults().lint_document(&doc);
    assert!(d.iter().all(|d| !d.rule.code.starts_with("GW05")));
    // An image's "!" is Markdown too.
    let text = with_measures("（一）健全依法决策机制。流程见下图。![执法流程图](img/flow.png)");
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", text);
    let d = crate::Linter::with_defaults().lint_document(&doc);
    assert!(d.iter().all(|d| !d.rule.code.starts_with("GW05")), "{d:?}");
}

#[test]
fn english_asides_keep_their_brackets() {
    let text = with_measures(
        "（一）健全依法决策机制。介绍了“Health for All (HFA)”理念和全民健康覆盖（Universal Health Coverage (UHC)）。",
    );
    assert_eq!(codes(&text), []);
    // In Chinese words the brackets are still half-width marks.
    let text = with_measures("（一）健全依法决策机制。配合世界卫生组织(WHO)开展检查。");
    assert_eq!(codes(&text), [("GW0501", 5), ("GW0501", 5)]);
}

/// A full stop after a half-width bracket is listed, not only changed by --fix.
#[test]
fn a_period_after_a_halfwidth_bracket_is_its_own_finding() {
    let text = with_measures("（一）健全依法决策机制。全年开展专项检查3次(分别为3月、6月、9月).");
    assert_eq!(codes(&text), [("GW0501", 5), ("GW0501", 5), ("GW0501", 5)]);
    let text = with_measures("（一）健全依法决策机制。详见附件(Annex 1).");
    assert_eq!(codes(&text), [("GW0501", 5), ("GW0501", 5)]);
}

/// An ASCII quote beside a full-width one is its partner: one finding, turned its way.
#[test]
fn an_ascii_quote_pairs_with_a_full_width_one() {
    for (line, want) in [
        ("落实“谁执法谁普法\"责任制。", "右双引号"),
        ("落实\"谁执法谁普法”责任制。", "左双引号"),
    ] {
        let text = with_measures(&format!("（一）健全依法决策机制。{line}"));
        let f = found(&text);
        assert_eq!(f.len(), 1, "{line}");
        assert_eq!(f[0].code, "GW0501", "{line}");
        assert!(
            f[0].message.ends_with(&format!("半角双引号，应为{want}")),
            "{}",
            f[0].message
        );
    }
}

#[test]
fn a_quotation_of_several_paragraphs_closes_once() {
    let text = with_measures("（一）健全依法决策机制。文件指出：\n“第一段引文。\n“第二段引文。”");
    assert_eq!(codes(&text), []);
    let text = with_measures("（一）健全依法决策机制。文件指出：\n“单独一段没有闭合。\n正文继续。");
    assert_eq!(codes(&text), [("GW0503", 6)]);
    // Paragraphs left out of it: two 省略号 alone on a line.
    let text =
        with_measures("（一）健全依法决策机制。文件指出：\n“第一段引文。\n…………\n“第二段引文。”");
    assert_eq!(codes(&text), []);
    // The quotation may open inside its first paragraph.
    let text = with_measures(
        "（一）健全依法决策机制。宣读倡议书：“我们郑重承诺：\n“恪守医德，依法执业；\n“廉洁行医，维护形象。”",
    );
    assert_eq!(codes(&text), []);
    // A half-open interval of decimals.
    let text = with_measures("（一）健全依法决策机制。体重指数在[18.5,24.0)之间为正常。");
    assert_eq!(codes(&text), []);
}

#[test]
fn english_quoted_in_chinese_keeps_its_marks_and_a_space_goes_with_a_comma() {
    let text = with_measures("（一）健全依法决策机制。主题为“What is new?”和“Yes, we can!”。");
    assert_eq!(codes(&text), []);
    // Chinese in the quotation: the mark is a slip.
    let text = with_measures("（一）健全依法决策机制。他说：“今年目标是增长10!”");
    assert_eq!(codes(&text), [("GW0501", 5)]);
    for spaced in ["单一 ,群众", "单一\u{3000},群众", "单一 , 群众"] {
        let text = with_measures(&format!(
            "（一）健全依法决策机制。宣传形式{spaced}参与度不高。"
        ));
        assert_eq!(codes(&text), [("GW0501", 5)]);
        assert!(fixed(&text).contains("单一，群众"), "{}", fixed(&text));
    }
    // Spaced off between figures or English words, the mark is theirs.
    let text = with_measures(
        "（一）健全依法决策机制。8 : 30开始，主题为Hello , world，对照control: 署名一栏。",
    );
    assert_eq!(codes(&text), []);
    // Typed the English way, the space after the mark goes too.
    let text = with_measures(
        "（一）健全依法决策机制。受理320件, 办结320件; 满意率98%. 下一步: 继续加强。",
    );
    assert!(
        fixed(&text).contains("受理320件，办结320件；满意率98%。下一步：继续加强。"),
        "{}",
        fixed(&text)
    );
}

/// A "." after a Chinese numeral marks an item, or is the writer's to say.
#[test]
fn a_dot_after_a_chinese_numeral() {
    let text = with_measures(
        "（一）健全依法决策机制。主要措施：一.加强组织领导；二.完善制度体系，第三章.第五条，达到九.五成，成为试点单位之一.",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0501", Some(("、".to_string(), true))),
            ("GW0501", Some(("、".to_string(), true))),
            ("GW0501", Some(("。".to_string(), false))),
            ("GW0501", Some(("。".to_string(), false))),
            ("GW0501", Some(("。".to_string(), true))),
        ]
    );
}

/// "诺尔曼.白求恩": between Chinese characters a dot may be a name's 间隔号; the writer
/// says which, half-width or full-width.
#[test]
fn a_dot_inside_chinese_words_is_not_fixed_to_a_full_stop() {
    let text = with_measures(
        "（一）健全依法决策机制。学习诺尔曼.白求恩精神，表彰阿依古丽．买买提同志，全年办结45件.",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0501", ".", Some(("。".to_string(), false))),
            ("GW0501", "．", Some(("。".to_string(), false))),
            ("GW0501", ".", Some(("。".to_string(), true))),
        ]
    );
    assert!(f[1].message.contains("间隔号“·”"), "{}", f[1].message);
}

#[test]
fn markdown_code_comments_front_matter_and_escapes_are_not_prose() {
    let body = "（一）健全依法决策机制。运行`统计.py --年份=2024,2025`汇总，见<span title=\"说明\">重点</span>，\\(注\\)。\n<!-- 起草说明:内部 -->\n```bash\n# 每日备份,保留30天:自动清理\n```";
    let text = format!("---\n标题: 报告\n---\n{}", with_measures(body));
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", text);
    let found = found_of("GW05", &doc);
    assert!(
        found.is_empty(),
        "{:?}",
        found
            .iter()
            .map(|f| (f.code, f.line, &f.text))
            .collect::<Vec<_>>()
    );
    let debris = found_of("GW060", &doc);
    assert!(
        debris.iter().all(|f| f.code != "GW0601"),
        "{:?}",
        debris.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>()
    );
}

#[test]
fn ellipsis_and_deng_together() {
    let text = with_measures("开展普法进社区、进学校、进医院……等活动32场次。");
    let f: Vec<(&str, String)> = found(&text).into_iter().map(|f| (f.code, f.text)).collect();
    assert_eq!(f, [("GW0509", "……".to_string())]);
    // Typed as dots: one finding, whose fix deletes them.
    for dots in ["......", "。。。", "..."] {
        let text = with_measures(&format!("开展普法进社区、进学校{dots}等活动32场次。"));
        let f: Vec<_> = found(&text)
            .into_iter()
            .map(|f| (f.code, f.text, f.message))
            .collect();
        assert_eq!(
            f,
            [(
                "GW0509",
                dots.to_string(),
                format!("省略号与“等”重复：“{dots}等”")
            )],
            "{dots}"
        );
    }
    assert_eq!(
        codes(&with_measures(
            "开展普法进社区、进学校、进医院等活动32场次。"
        )),
        []
    );
}

/// GB/T 15835-2011: "三四家", "二三十起", not "三、四家"; lists of kinds keep their 顿号.
#[test]
fn approximate_numbers_take_no_enumeration_comma() {
    let text = with_measures(
        "（一）健全依法决策机制。每季度抽查三、四家医疗机构，查处二、三十起案件，抽查3、4个单位。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0517", "、", Some((String::new(), true))),
            ("GW0517", "、", Some((String::new(), true))),
            ("GW0517", "3、4", Some(("三四".to_string(), false))),
        ]
    );
    assert!(fixed(&text).contains("抽查三四家医疗机构，查处二三十起案件"));
    // One or two is "一两": 两 counts before a measure word.
    let text = with_measures("（一）健全依法决策机制。每月开展一、二个专题，抽查1、2家。");
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("、二", Some(("两".to_string(), true))),
            ("1、2", Some(("一两".to_string(), false))),
        ]
    );
    assert!(f[0].help.starts_with("改为“一两个”"), "{}", f[0].help);
    let text = with_measures(
        "（一）健全依法决策机制。发展二、三产业，覆盖一、二级医院，三、四季度开展检查，第三、四个批次，三、四年级学生，第3、4个，13、14个，二、四个，一、二次供水，一、二次复核。",
    );
    assert_eq!(codes(&text), []);
    // "次" before a noun may count, or rank ("三、四次检查"): told, not changed unasked.
    let text = with_measures("（一）健全依法决策机制。每月开展三、四次检查，抽查三、四次。");
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| (f.code, f.fix.clone().map(|(_, safe)| safe)))
            .collect::<Vec<_>>(),
        [("GW0517", Some(false)), ("GW0517", Some(true))]
    );
}

/// A quotation mark quoted in a message is named, never stacked ("““青禾””"); a half-width
/// bracket left open is told to become a full-width pair.
#[test]
fn messages_name_the_quotation_marks_they_quote() {
    let messages = |line: &str| -> Vec<(&'static str, String, String)> {
        found(&with_measures(&format!("（一）健全依法决策机制。{line}")))
            .into_iter()
            .map(|f| (f.code, f.message, f.help))
            .collect()
    };
    let nested = messages("围绕“健康“青禾”建设”目标推进。");
    assert_eq!(nested[0].0, "GW0505");
    assert_eq!(
        nested[0].1,
        "引号里面的引号应使用单引号：“青禾”应改为‘青禾’"
    );
    let open = messages("组织开展“(法治宣传进医院”活动。");
    let unclosed = open.iter().find(|f| f.0 == "GW0503").unwrap();
    assert_eq!(unclosed.1, "“(”在右双引号之前没有闭合，缺少“)”");
    assert!(
        unclosed.2.starts_with("在适当位置补上“）”并把“(”改为“（”"),
        "{}",
        unclosed.2
    );
    let page = with_measures("（一）健全依法决策机制。发布政策解读24篇&ldquo;。");
    let entity = &found_of("GW0601", &crate::rules::text_doc(&page))[0];
    assert!(
        entity.help.starts_with("把“&ldquo;”改为左双引号"),
        "{}",
        entity.help
    );
}
