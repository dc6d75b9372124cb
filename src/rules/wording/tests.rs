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
            // A misspelling, fixed, whose note asks for the date: one finding, not two.
            ("GW0801", "截止目前".into(), fix("截至目前", true)),
            ("GW0801", "撤消".into(), fix("撤销", true)),
            ("GW0801", "台帐".into(), fix("台账", true)),
            ("GW0801", "互信互任".into(), fix("互信互认", true)),
            ("GW0801", "既使".into(), fix("即使", false)),
        ]
    );
    // In a cited title: reported, never fixed unasked.
    let text =
        with_measures("（一）健全依法决策机制。根据《青禾市卫生监督台帐管理办法》，清理台帐。");
    assert_eq!(
        found(&text),
        [
            ("GW0801", "台帐".into(), fix("台账", false)),
            ("GW0801", "台帐".into(), fix("台账", true)),
        ]
    );
    // In a quotation: someone's words, reported and never fixed unasked.
    let text = with_measures(
        "（一）健全依法决策机制。群众反映“证照撤消太慢”，已撤消许可1件，推行“撤消”改“撤销”。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0801", "撤消".into(), fix("撤销", false)),
            ("GW0801", "撤消".into(), fix("撤销", true)),
            // A term quoted on its own is named, not quoted.
            ("GW0801", "撤消".into(), fix("撤销", true)),
        ]
    );
}

#[test]
fn misspellings_of_the_genre() {
    let text = with_measures(
        "（一）健全依法决策机制。推进法制政府建设，在法制轨道上推进治理，依法行驶职权，领导干部以身作责，必需坚持依法决策，纠正法治观念淡博的问题，公布权利清单。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0801", "法制政府".into(), fix("法治政府", true)),
            ("GW0801", "法制轨道".into(), fix("法治轨道", true)),
            ("GW0801", "行驶职权".into(), fix("行使职权", true)),
            ("GW0801", "以身作责".into(), fix("以身作则", true)),
            ("GW0801", "必需坚持".into(), fix("必须坚持", true)),
            ("GW0801", "淡博".into(), fix("淡薄", true)),
            ("GW0801", "权利清单".into(), fix("权力清单", false)),
        ]
    );
    // 法制 in its own sense stays.
    let text = with_measures("（一）健全依法决策机制。落实重大执法决定法制审核制度。");
    assert_eq!(found(&text), []);
    let text = with_measures(
        "（一）健全依法决策机制。部份单位备按不及时，按排专人登陆系统核对职业医师注册信息，防止疫情爆发，重新修订制度3项，督促卫生建康局落实。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.1.as_str())
            .collect::<Vec<_>>(),
        [
            "部份",
            "备按",
            "按排",
            "登陆",
            "职业医师",
            "疫情爆发",
            "重新修订",
            "建康"
        ]
    );
    let text =
        with_measures("（一）健全依法决策机制。引导群众登陆政务服务网和登陆“浙里办”平台办理。");
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.1.as_str())
            .collect::<Vec<_>>(),
        ["登陆", "登陆"]
    );
    // Words that only meet: 争做|为民服务, 严峻|工作形势.
    let text = with_measures(
        "（一）健全依法决策机制。争做为民服务的表率，面对严峻工作形势，推进执法装备按装备配置标准更新。",
    );
    assert_eq!(found(&text), []);
    let text = with_measures(
        "（一）健全依法决策机制。多做为老百姓排忧解难的实事，切实做为困难群众办实事，群众竟争相前往，发现问题后当即然后上报，推行一种全会员制管理。",
    );
    assert_eq!(found(&text), []);
}

#[test]
fn set_phrases_of_party_and_state_documents() {
    let text = with_measures(
        "（一）健全依法决策机制。深入学习近平法治思想和习近平法制思想，学习贯彻党的二十大三中全会精神，推进严格规范公平文明执法，坚持法治国家、法治政府、法制社会一体建设，推进科学立法、严格执法、公正司法、全面守法，坚持人民当家做主，坚持以法治国，落实重大执法决定法治审核制度，开展合法性审察。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.1.as_str())
            .collect::<Vec<_>>(),
        [
            "学习近平",
            "习近平法制思想",
            "二十大三中全会",
            "严格规范公平文明执法",
            "法制社会",
            "公正司法、全面守法",
            "当家做主",
            "以法治国",
            "决定法治审核",
            "合法性审察"
        ]
    );
    let text = with_measures(
        "（一）健全依法决策机制。深入学习习近平法治思想，学习贯彻党的二十大和二十届三中全会精神，以法治国家建设为目标，落实法制审核制度，配齐法治审核人员，坚持严格规范公正文明执法，引导群众全面守法。",
    );
    assert_eq!(found(&text), []);
    // The guiding thought and the formulas of the Party's documents, misspelt.
    let text = with_measures(
        "（一）健全依法决策机制。坚持以习近平中国特色社会主义思想为指导，深刻领悟“两个确定”的决定性意义，学习习近平法冶思想和党的20大、二十届二中、三种全会精神。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.1.as_str())
            .collect::<Vec<_>>(),
        [
            "习近平中国特色社会主义思想",
            "两个确定",
            "法冶",
            "党的20大",
            "三种全会"
        ]
    );
    let text = with_measures(
        "（一）健全依法决策机制。用新方法冶炼数据，明确两个确定的时间节点，坚持以习近平新时代中国特色社会主义思想为指导。",
    );
    assert_eq!(found(&text), []);
    // 领学、自学、研学 + 习近平: the 学 is the verb's.
    let text = with_measures(
        "（一）健全依法决策机制。党组书记带头领学习近平法治思想，干部职工自学习近平总书记重要讲话，各支部联学习近平法治思想。",
    );
    assert_eq!(found(&text), []);
}

#[test]
fn misspelling_guards() {
    let text = with_measures(
        "（一）健全依法决策机制。按装备标准配备执法车辆，明确申报截止日期，截止到2024年底完成，既使企业受益，又使群众满意，新建康复中心和康养基地各1个，扩建康养中心。",
    );
    assert_eq!(found(&text), []);
    // Idioms and words an input method gets wrong, each with its look-alikes left alone.
    let text = with_measures(
        "（一）健全依法决策机制。发扬再接再历、既往开来、一股作气的精神，凭心而论成效震憾，全面布暑，如实反应诉求，本局以经完成清理，十八大已来，立既组织核查，全县职法人员46名，截止到2024年底，收到申请2件，依法做出决定。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| (f.1.as_str(), f.2.clone()))
            .collect::<Vec<_>>(),
        [
            ("再接再历", fix("再接再厉", true)),
            ("既往开来", fix("继往开来", true)),
            ("一股作气", fix("一鼓作气", true)),
            ("凭心而论", fix("平心而论", true)),
            ("震憾", fix("震撼", true)),
            ("布暑", fix("部署", true)),
            ("如实反应", fix("如实反映", true)),
            ("以经", fix("已经", false)),
            ("已来", fix("以来", false)),
            ("立既", fix("立即", false)),
            ("职法人员", fix("执法人员", false)),
            ("截止到", fix("截至", true)),
            ("做出决定", fix("作出决定", true)),
        ]
    );
    let text = with_measures(
        "（一）健全依法决策机制。坚持以经济建设为中心，以经批准的方案为准，专家已来到现场，建立既往病史档案，依法履职法人员，处理药物不良反应问题。",
    );
    assert_eq!(found(&text), []);
    // An administrative fine is no 罚金, even after 处.
    let text = with_measures("（一）健全依法决策机制。对无证行医的某诊所处罚金5000元。");
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.1.as_str())
            .collect::<Vec<_>>(),
        ["罚金"]
    );
    // A word boundary after the first character, a court's sentence, a street.
    let text = with_measures(
        "（一）健全依法决策机制。污水按排放标准处理，与36家机构续签定点协议，按装机台数核定许可，法院判处有期徒刑一年，处罚金1万元，制定医务人员执业权利清单，位于建康路18号。",
    );
    assert_eq!(found(&text), []);
    let text = with_measures(
        "（一）健全依法决策机制。患者按排队顺序就诊，病例按排除标准剔除，数据报备按季度汇总，后备按1:2比例储备，专家抽签定人。",
    );
    assert_eq!(found(&text), []);
    // 即要 for 既要 only before its 又要; 立即要求, 即要求 are words of their own.
    let text = with_measures(
        "（一）健全依法决策机制。即要抓好制度建设，又要抓好制度执行。立即要求整改，又要跟踪问效。即要求各单位落实，又要督促检查。",
    );
    assert_eq!(
        found(&text)
            .iter()
            .map(|f| f.1.as_str())
            .collect::<Vec<_>>(),
        ["即要"]
    );
}

/// A typo that is two words elsewhere (报备|按季度, 抽签|定人, 按|装车数量) is suggested, never applied
/// by --fix: no guard list is complete.
#[test]
fn typos_that_can_be_two_words_are_not_fixed_unasked() {
    let text =
        with_measures("（一）健全依法决策机制。部分单位备按不及时，按排专人签定协议，按装监控。");
    let fixes: Vec<(String, bool)> = found(&text)
        .into_iter()
        .map(|(_, text, fix)| (text, fix.is_some_and(|f| f.1)))
        .collect();
    assert_eq!(
        fixes,
        [
            ("备按".to_string(), false),
            ("按排".to_string(), false),
            ("签定".to_string(), false),
            ("按装".to_string(), false)
        ]
    );
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
    let text = with_measures(
        "（一）健全依法决策机制。审审核规范性文件，加强医医疗机构监管，中医医疗机构。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0802", "审审核".into(), fix("审核", false)),
            ("GW0802", "医医疗".into(), fix("医疗", false)),
        ]
    );
    // 乡镇 already names the 乡: a 乡 before it is doubled; 县 before 县级 is each county's.
    let text = with_measures(
        "（一）健全依法决策机制。各县县级医院和乡乡镇卫生院全部开展自查，李家乡乡长参加。",
    );
    assert_eq!(
        found(&text),
        [("GW0802", "乡乡镇".into(), fix("乡镇", false))]
    );
    // After a word ending in the unit: 家乡, 各县.
    let text =
        with_measures("（一）健全依法决策机制。对8家乡乡镇卫生院开展检查，督促各县县区落实。");
    assert_eq!(
        found(&text),
        [
            ("GW0802", "乡乡镇".into(), fix("乡镇", false)),
            ("GW0802", "县县区".into(), fix("县区", false))
        ]
    );
    let text = with_measures(
        "（一）健全依法决策机制。全部经过合法性性审查，规范性性文件备案审查，加强合法性性能。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0802", "合法性性".into(), fix("合法性", false)),
            ("GW0802", "规范性性".into(), fix("规范性", false))
        ]
    );
    let text =
        with_measures("（一）健全依法决策机制。原因是是法治意识不强，我委在在全市开展检查。");
    assert_eq!(
        found(&text),
        [
            ("GW0802", "是是".into(), fix("是", false)),
            ("GW0802", "在在".into(), fix("在", false)),
        ]
    );
}

#[test]
fn reduplications_and_word_boundaries_are_quiet() {
    let text = with_measures(
        "（一）健全依法决策机制。紧紧围绕中心工作，层层压实责任，由主任任组长，严格执行行政执法三项制度，\
         联合市市场监管局开展检查，深入学习习近平法治思想，件件有回音，实实在在见成效。\
         执法人员均持有有效证件，职业病病人得到救治，服务中心心理咨询室、学生生活饮用水、团体体检、\
         统一一体化平台投入使用。全体员工工作有序，产品品质稳定，贯彻《中华人民共和国国防法》。\
         二是是否落实到位，现在在建项目12个，存在在岗人员不足问题，是是非非要分清。\
         办理政协委员所提提案25件。组织新入职职工参加岗前培训，督促医疗机构依法依规规范执业。",
    );
    assert_eq!(found(&text), []);
}

#[test]
fn terms_of_the_trade_and_their_guards() {
    let text = with_measures(
        "（一）健全依法决策机制。贯彻落实十九大精神，开展“双随机，一公开”抽查，收缴罚金126.27万元；\
         深入学习党的二十大精神，中共十八大以来，法院判处罚金5万元，检查项目分为十九大类。\
         行政处罚金额共计48.63万元，在医疗机构公示患者权利清单。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0801", "十九大".into(), fix("党的十九大", false)),
            (
                "GW0801",
                "双随机，一公开".into(),
                fix("双随机、一公开", true)
            ),
            ("GW0801", "罚金".into(), fix("罚款", false)),
        ]
    );
}

#[test]
fn preferred_forms_are_advice_never_applied() {
    let text = with_measures(
        "（一）健全依法决策机制。推进信访工作法制化，其它事项按规定办理，严格落实法制审核制度，履行第一负责人职责。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0803", "法制化".into(), fix("法治化", false)),
            ("GW0803", "其它".into(), fix("其他", false)),
            ("GW0803", "第一负责人".into(), fix("第一责任人", false)),
        ]
    );
    // A cited title is quoted as issued.
    let text = with_measures(
        "（一）健全依法决策机制。清理《江岚省中医诊所和其它中医医疗机构备案管理办法》。",
    );
    assert_eq!(found(&text), []);
    let text = with_measures("（一）健全依法决策机制。其它事项按规定办理。");
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
    let d = crate::Linter::with_defaults().lint_document(&doc);
    let advice = d.iter().find(|d| d.rule.code == "GW0803").unwrap();
    assert_eq!(advice.severity, crate::diagnostic::Severity::Info);
    assert_eq!(advice.message, "“其它”宜写作“其他”");
}

#[test]
fn relative_time_words() {
    let text = with_measures(
        "（一）健全依法决策机制。今年以来，我委共受理行政复议申请12件；截至目前共受理审批事项1818件；\
         目前，全市共有医疗机构1234家。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0804", "今年以来".into(), None),
            ("GW0804", "截至目前".into(), None),
            ("GW0804", "目前".into(), None),
        ]
    );
    // The figure it dates may come first in the sentence; a sentence before is another's.
    let text = with_measures(
        "（一）健全依法决策机制。2024年共受理行政复议申请12件，目前已全部办结。培训干部300人次。至今无一起败诉。",
    );
    assert_eq!(found(&text), [("GW0804", "目前".into(), None)]);
    // Only the state of what was counted: not a new fact, nor an item's own number.
    for quiet in [
        "（一）健全依法决策机制。全年培训300人次，目前已形成长效机制。",
        "（一）健全依法决策机制。\n2.目前已全部完成整改。",
    ] {
        assert_eq!(found(&with_measures(quiet)), [], "{quiet}");
    }
}

#[test]
fn relative_time_stays_quiet_where_it_is_clear() {
    let text = with_measures(
        "（一）健全依法决策机制。目前仍存在短板，已全部办结至今。今年（2024年）审查重大行政决策3件。\
         目前仍存在执法力量不足的问题，全区执法人员仅19人。目前存在以下不足：一是人员少，仅19人。\
         目前已制定2025年执法检查计划，于3月1日起施行。\
         转发《关于做好今年法治宣传工作的通知》，开展“今年我最美”评选。",
    );
    assert_eq!(found(&text), []);
    // A time word read across a word boundary is none.
    let text = with_measures(
        "（一）健全依法决策机制。如今年轻干部占比提高，项目前期审查3件，应当前往现场核查，数目前后一致。",
    );
    assert_eq!(found(&text), []);
    // 于今 is a word too, but 于|今年 dates a fact by the reader's year.
    let text = with_measures("（一）健全依法决策机制。于今年3月印发制度。");
    assert_eq!(
        found(&text).iter().map(|f| f.0).collect::<Vec<_>>(),
        ["GW0804"]
    );
}

#[test]
fn relative_time_names_the_reported_year_in_its_hint() {
    let text = with_measures("（一）健全依法决策机制。今年审查重大行政决策3件。");
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
    let d = crate::Linter::with_defaults().lint_document(&doc);
    let d = d.iter().find(|d| d.rule.code == "GW0804").unwrap();
    assert_eq!(d.message, "“今年”所指的年份不明");
    assert!(d.help.contains("“2024年”"), "{}", d.help);
    // 去年 and 明年, counted from the reported year.
    let text = with_measures("（一）健全依法决策机制。审查决策较去年增加3件，明年将继续完善制度。");
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
    let d = crate::Linter::with_defaults().lint_document(&doc);
    let said: Vec<(&str, bool, bool)> = d
        .iter()
        .filter(|d| d.rule.code == "GW0804")
        .map(|d| {
            (
                d.message.as_str(),
                d.help.contains("“2023年”"),
                d.help.contains("“2025年”"),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            ("“去年”所指的年份不明", true, false),
            ("“明年”所指的年份不明", false, true)
        ]
    );
    // Inside another word: 过去|年, 说明|年.
    let text =
        with_measures("（一）健全依法决策机制。对过去年度的案卷和说明年度计划的文件进行了审查。");
    assert_eq!(found(&text), []);
}

#[test]
fn de_for_di_before_a_verb() {
    let text = with_measures(
        "（一）健全依法决策机制。法律顾问较好的发挥了参谋作用，圆满的完成了审查任务，不断的推进着改革，扎实的开展各类宣传活动，认真的落实3项制度，依法的办理了复议案件。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0805", "的".into(), fix("地", false)),
            ("GW0805", "的".into(), fix("地", false)),
            ("GW0805", "的".into(), fix("地", false)),
            ("GW0805", "的".into(), fix("地", false)),
            ("GW0805", "的".into(), fix("地", false)),
            ("GW0805", "的".into(), fix("地", false)),
        ]
    );
}

#[test]
fn de_for_di_after_a_subject() {
    let text =
        with_measures("（一）健全依法决策机制。局党组认真的落实法治建设责任，全面的推进依法行政。");
    assert_eq!(
        found(&text),
        [
            ("GW0805", "的".into(), fix("地", false)),
            ("GW0805", "的".into(), fix("地", false)),
        ]
    );
    // After a named subject, a head noun further on ends the object, not a noun phrase.
    let text =
        with_measures("（一）健全依法决策机制。本局不断的完善制度体系，局党组持续的健全监督体系。");
    assert_eq!(
        found(&text),
        [
            ("GW0805", "的".into(), fix("地", false)),
            ("GW0805", "的".into(), fix("地", false)),
        ]
    );
    // A noun phrase the subject owns, and a noun phrase after a verb.
    let text = with_measures(
        "（一）健全依法决策机制。我委扎实的推进措施取得成效，全面的落实情况良好，建立认真的审查制度。",
    );
    assert_eq!(found(&text), []);
}

#[test]
fn de_for_de_before_a_complement() {
    let text = with_measures(
        "（一）健全依法决策机制。各项制度落实的很好，普法宣传开展的不够深入，工作做的非常扎实。",
    );
    let f: Vec<_> = found(&text)
        .into_iter()
        .filter(|f| f.0 == "GW0807")
        .collect();
    assert_eq!(f.len(), 3, "{f:?}");
    assert_eq!(f[0], ("GW0807", "的".into(), fix("得", false)));
    // A noun after the degree, 的 + 不是, and 的 after no verb.
    let text = with_measures(
        "（一）健全依法决策机制。取得的很好的成绩，开展的不是形式主义的活动，群众的满意度很高。这项工作的非常重要。",
    );
    assert!(
        found(&text).iter().all(|f| f.0 != "GW0807"),
        "{:?}",
        found(&text)
    );
}

#[test]
fn de_before_a_noun_is_quiet() {
    let text = with_measures(
        "（一）健全依法决策机制。采取有效的措施，取得了较好的发挥空间，形成积极的推进机制，开展全面的整改，得到有效的落实。群众诉求得到及时的处理1200件次，对问题进行了全面的整改12项，组织了集中的整改2轮，建立高效的处置1小时响应机制，形成依法的审查程序，组织系统的学习培训。",
    );
    assert_eq!(found(&text), []);
}

/// Entries a proofreader marks: typos, set forms, and doubled conjunctions.
#[test]
fn proofreaders_entries() {
    for (sentence, want) in [
        (
            "依法对违法行为处以罚金5000元。",
            ("GW0801", "罚金", fix("罚款", false)),
        ),
        (
            "深入学习贯彻二十大和二十届三中全会精神。",
            ("GW0801", "二十大", fix("党的二十大", false)),
        ),
        (
            "对违法行为予以纠证。",
            ("GW0801", "纠证", fix("纠正", true)),
        ),
        ("营造良好舆论坏境。", ("GW0801", "坏境", fix("环境", true))),
        (
            "推行双随机一公开监管。",
            ("GW0801", "双随机一公开", fix("双随机、一公开", true)),
        ),
        (
            "加强法制宣传教育。",
            ("GW0803", "法制宣传教育", fix("法治宣传教育", false)),
        ),
        (
            "落实八五普法要求。",
            ("GW0803", "八五普法", fix("“八五”普法", false)),
        ),
        ("加强执法与与监督。", ("GW0802", "与与", fix("与", false))),
        (
            "严格执法和和规范管理。",
            ("GW0802", "和和", fix("和", false)),
        ),
    ] {
        let text = with_measures(&format!("（一）健全依法决策机制。{sentence}"));
        let (code, span, fixed) = want;
        assert_eq!(found(&text), [(code, span.into(), fixed)], "{sentence}");
    }
    let text = with_measures("（一）健全依法决策机制。截止到目前，已全部办结。");
    assert_eq!(
        found(&text),
        [("GW0801", "截止到目前".into(), fix("截至目前", true))]
    );
    // Fixed, it still lacks its date.
    let text = with_measures("（一）健全依法决策机制。截至目前，已全部办结。");
    assert_eq!(found(&text), [("GW0804", "截至目前".into(), None)]);
    for ok in [
        "法院判处有期徒刑并处以罚金。",
        "鼓励公众参与与监督，营造和和美美氛围。",
        "学习《关于在公民中开展法制宣传教育的第六个五年规划》。",
        "落实“八五”普法要求和“十四五”规划。",
    ] {
        let text = with_measures(&format!("（一）健全依法决策机制。{ok}"));
        assert_eq!(found(&text), [], "{ok}");
    }
}

#[test]
fn a_number_made_approximate_twice() {
    let text = with_measures(
        "（一）健全依法决策机制。开展检查约586次左右，培训超过300人以上，大约600次上下，办结约120余件。",
    );
    assert_eq!(
        found(&text),
        [
            ("GW0806", "左右".to_string(), fix("", true)),
            ("GW0806", "以上".to_string(), fix("", true)),
            ("GW0806", "上下".to_string(), fix("", true)),
            ("GW0806", "余".to_string(), fix("", true)),
        ]
    );
    // 余 or 多 after the number says it too.
    let text = with_measures("（一）健全依法决策机制。开展检查600余次左右，培训300多人以上。");
    assert_eq!(
        found(&text),
        [
            ("GW0806", "左右".to_string(), fix("", true)),
            ("GW0806", "以上".to_string(), fix("", true)),
        ]
    );
    // With 有 between the word and the number.
    let text = with_measures("（一）健全依法决策机制。参训约有600余人，大约有500人左右。");
    assert_eq!(
        found(&text),
        [
            ("GW0806", "余".to_string(), fix("", true)),
            ("GW0806", "左右".to_string(), fix("", true)),
        ]
    );
    // Once is enough, and 约 or 近 ending another word is no approximation.
    let text = with_measures(
        "（一）健全依法决策机制。开展检查约586次，培训300人以上，预约300余人次，最近3年左右，近五年来培训2000余人，办结率超过95%，以上数据均已核实，其余200人多次左右协调，约有300人参训。",
    );
    assert_eq!(found(&text), []);
}

#[test]
fn misspellings_of_the_trade() {
    let text = with_measures(
        "（一）健全依法决策机制。坚持严格规范公证文明执法，推进以案施法，开展明查暗访，截至到年底做出行政处罚决定12件。",
    );
    let words: Vec<String> = found(&text).into_iter().map(|(_, w, _)| w).collect();
    assert_eq!(
        words,
        ["公证文明", "以案施法", "明查暗访", "截至到", "做出行政"]
    );
    // The procuratorate's supervision and the prevention of crime are other words.
    let text = with_measures(
        "（一）健全依法决策机制。配合开展行政执法检察监督，做好预防犯罪工作，推委员会审议。",
    );
    assert_eq!(found(&text), []);
}
