use crate::diagnostic::Severity;
use crate::document::{Document, Format};
use crate::rules::{Found, GOOD_REPORT, MEASURES, found_of};

/// `GOOD_REPORT` (a report on 2024) citing `cited` in the paragraph under （一）.
fn citing(cited: &str) -> String {
    GOOD_REPORT.replace(
        MEASURES,
        &format!("（一）健全依法决策机制。认真落实{cited}，全年审查重大行政决策3件。"),
    )
}

fn found(text: &str) -> Vec<Found> {
    found_of(
        "GW07",
        &Document::from_text("t.txt", Format::Text, "utf-8", text.into()),
    )
}

fn codes(text: &str) -> Vec<&'static str> {
    found(text).iter().map(|f| f.code).collect()
}

#[test]
fn exact_citations_are_quiet() {
    assert_eq!(codes(GOOD_REPORT), Vec::<&str>::new());
    for cited in [
        "《法治政府建设实施纲要（2021—2025年）》《法治社会建设实施纲要（2020—2025年）》",
        "《法治中国建设规划（2020—2025年）》",
        "《中华人民共和国基本医疗卫生与健康促进法》、《基本医疗卫生与健康促进法》",
        "《中华人民共和国医师法》《律师法》《传染病防治法》《职业病防治法》",
        "《党政主要负责人履行推进法治建设第一责任人职责规定》",
        // Local documents named after national ones, and titles not in the table.
        "《青禾市法治政府建设实施方案（2021—2025年）》《某省医疗纠纷预防和处理条例》",
        "《中华人民共和国传染病防治法实施办法》《青禾市卫生健康事业发展规划（2021—2025年）》",
        "“八五”普法规划和“民法典”宣传月",
        // Real laws a character or two from others.
        "《中华人民共和国刑法》《中华人民共和国会计法》《中华人民共和国审计法》《中华人民共和国计量法》",
        "《中华人民共和国保险法》《中华人民共和国劳动法》《中华人民共和国监狱法》《中华人民共和国防洪法》",
        "《中华人民共和国国防法》《中华人民共和国法官法》《中华人民共和国水法》《医疗器械监督管理条例》",
        // Real titles not listed, two characters from listed ones.
        "《中华人民共和国审计法实施条例》《互联网药品信息服务管理办法》",
    ] {
        assert_eq!(codes(&citing(cited)), Vec::<&str>::new(), "{cited}");
    }
}

#[test]
fn wrong_years() {
    let f = found(&citing("《法治政府建设实施纲要（2021—2026 年）》"));
    assert_eq!(
        (f.len(), f[0].code, f[0].severity),
        (1, "GW0701", Severity::Error)
    );
    assert_eq!(f[0].text, "2021—2026");
    assert_eq!(f[0].fix, Some(("2021—2025".into(), false)));
    // Inside the title of a document that implements it.
    let f = found(&citing(
        "《某省贯彻落实〈法治政府建设实施纲要（2021—2026年）〉实施方案》",
    ));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0701", "2021—2026")]
    );
    assert_eq!(
        codes(&citing(
            "《黑龙江省实施〈传染病防治法〉办法》《某省贯彻落实〈法治政府建设实施纲要（2021—2025年）〉实施方案》"
        )),
        Vec::<&str>::new()
    );
}

/// The period after the last one the table knows, in a report on a year it may have been
/// issued by: a note to check it, not an error that corrects it to the old one.
#[test]
fn the_next_period_is_a_note() {
    let next = "《法治政府建设实施纲要（2026—2030年）》";
    let on_2025 = citing(next).replace("2024年", "2025年");
    let f = found(&on_2025);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.severity, f.text.as_str(), f.fix.is_some()))
            .collect::<Vec<_>>(),
        [("GW0701", Severity::Info, "2026—2030", false)]
    );
    assert!(
        f[0].message.contains("已知最近一期是“2021—2025年”"),
        "{}",
        f[0].message
    );
    // In a report on 2024, before the last period ended: wrong.
    let f = found(&citing(next));
    assert_eq!((f[0].code, f[0].severity), ("GW0701", Severity::Error));
    // Not right after the last period: wrong.
    let f = found(&citing("《法治政府建设实施纲要（2027—2031年）》").replace("2024年", "2026年"));
    assert_eq!(f[0].severity, Severity::Error);
}

/// Short law names are not compared for near misses, but a character an input method
/// typed for another is put right when that makes a law's name.
#[test]
fn a_short_law_name_mistyped() {
    let f = found(&citing(
        "《行政处罚发》《护士条列》《中华人民共和国民发典》",
    ));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone().map(|(t, _)| t)))
            .collect::<Vec<_>>(),
        [
            ("GW0702", Some("《行政处罚法》".to_string())),
            ("GW0702", Some("《护士条例》".to_string())),
            ("GW0702", Some("《中华人民共和国民法典》".to_string())),
        ]
    );
    // Real short names a character apart, and titles no correction makes a law's.
    assert_eq!(
        codes(&citing(
            "《刑法》《宪法》《医师法》《工作计列》《发展规划》"
        )),
        Vec::<&str>::new()
    );
}

/// The country's name mistyped before a law's: the law's full title, fixed safely. A
/// place's name before it makes a local document.
#[test]
fn the_country_name_mistyped() {
    let f = found(&citing(
        "《中华人名共和国行政处罚法》《中华人民共合国医师法》",
    ));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.message.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            (
                "GW0702",
                "国名写错了：《中华人名共和国行政处罚法》应为《中华人民共和国行政处罚法》",
                Some(("《中华人民共和国行政处罚法》".to_string(), true))
            ),
            (
                "GW0702",
                "国名写错了：《中华人民共合国医师法》应为《中华人民共和国医师法》",
                Some(("《中华人民共和国医师法》".to_string(), true))
            ),
        ]
    );
    assert_eq!(
        codes(&citing(
            "《中华人民共和国医师法》《浙江省医疗机构管理条例》"
        )),
        Vec::<&str>::new()
    );
    // A regulation's title has no country name, mistyped or not.
    let f = found(&citing("《中华人民共合国医疗机构管理条例》"));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.message.as_str()))
            .collect::<Vec<_>>(),
        [("GW0702", "《医疗机构管理条例》的名称中没有“中华人民共和国”")]
    );
}

/// The right years in a form of their own are written as the document writes them.
#[test]
fn loosely_written_years_take_the_documents_form() {
    for (cited, written) in [
        (
            "《法治政府建设实施纲要（2021年—2025年）》",
            "（2021年—2025年）",
        ),
        (
            "《法治政府建设实施纲要（2021至2025年）》",
            "（2021至2025年）",
        ),
        (
            "《法治政府建设实施纲要（2021—2025年度）》",
            "（2021—2025年度）",
        ),
        ("《法治政府建设实施纲要（2021—25年）》", "（2021—25年）"),
        (
            "《法治政府建设实施纲要（二〇二一—二〇二五年）》",
            "（二〇二一—二〇二五年）",
        ),
        ("《法治政府建设实施纲要2021—2025年》", "2021—2025年"),
    ] {
        let f = found(&citing(cited));
        assert_eq!(
            f.iter()
                .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
                .collect::<Vec<_>>(),
            [(
                "GW0701",
                written,
                Some(("（2021—2025年）".to_string(), true))
            )],
            "{cited}"
        );
    }
    // A local plan with its years unbracketed is no national document.
    assert_eq!(
        codes(&citing("《青禾市卫生健康事业发展规划2021—2025年》")),
        Vec::<&str>::new()
    );
}

#[test]
fn missing_nian_is_added_safely() {
    let f = found(&citing("《法治社会建设实施纲要（2020—2025）》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0701"));
    assert_eq!(f[0].text, "2025");
    assert_eq!(f[0].fix, Some(("2025年".into(), true)));
}

#[test]
fn near_miss_names() {
    let f = found(&citing("《基本医疗与健康促进法》"));
    assert_eq!(
        (f.len(), f[0].code, f[0].severity),
        (1, "GW0702", Severity::Error)
    );
    assert!(
        f[0].message.contains("《基本医疗卫生与健康促进法》"),
        "{}",
        f[0].message
    );
    let f = found(&citing("《法制政府建设实施纲要（2021—2025年）》"));
    assert_eq!(
        f[0].fix,
        Some(("《法治政府建设实施纲要（2021—2025年）》".into(), false))
    );
    let f = found(&citing("《医疗纠纷预防与处理条例》"));
    assert_eq!(f[0].code, "GW0702");
    // A short name cited with a character missing is still corrected.
    for (cited, want) in [
        ("《中华人民共和国行政处法》", "行政处罚法"),
        ("《中华人民共和国药品管法》", "药品管理法"),
    ] {
        let f = found(&citing(cited));
        assert!(f[0].message.contains(want), "{}", f[0].message);
    }
    // Laws and regulations of rules/laws.toml are near-miss targets too.
    let f = found(&citing("《中华人民共和国传染病防制法》"));
    assert!(
        f[0].message.contains("应为《中华人民共和国传染病防治法》"),
        "{}",
        f[0].message
    );
}

#[test]
fn a_repealed_law_in_a_later_report() {
    let f = found(&citing("《中华人民共和国执业医师法》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0703"));
    assert!(
        f[0].message.contains("《中华人民共和国医师法》"),
        "{}",
        f[0].message
    );
    // A report on the year before the repeal cites it rightly.
    let earlier = citing("《中华人民共和国合同法》")
        .replace("2024年", "2020年")
        .replace("2025年", "2021年");
    assert_eq!(codes(&earlier), Vec::<&str>::new());
}

#[test]
fn issuer_written_into_the_title() {
    let f = found(&citing("《国务院全面推进依法行政实施纲要》"));
    assert_eq!(
        (f.len(), f[0].code, f[0].severity),
        (1, "GW0702", Severity::Warning)
    );
    assert_eq!(
        f[0].fix,
        Some(("《全面推进依法行政实施纲要》".into(), false))
    );
}

#[test]
fn gangyao_written_as_fangan() {
    let f = found(&citing("《法治政府建设实施方案（2021—2025年）》"));
    assert_eq!(
        (f.len(), f[0].code, f[0].severity),
        (1, "GW0702", Severity::Warning)
    );
    assert!(
        f[0].message
            .contains("《法治政府建设实施纲要（2021—2025年）》")
    );
    // Without the national title's years it may be the unit's own plan: only asked.
    let f = found(&citing("印发《法治政府建设实施方案》"));
    assert_eq!(
        (f.len(), f[0].code, f[0].severity),
        (1, "GW0702", Severity::Info)
    );
}

#[test]
fn a_regulation_cited_as_measures() {
    let f = found(&citing("《医疗保障基金使用监督管理办法》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0702"));
    assert!(
        f[0].message.contains("《医疗保障基金使用监督管理条例》"),
        "{}",
        f[0].message
    );
    // A local 办法 names its issuer.
    assert!(found(&citing("《某市医疗保障基金使用监督管理办法》")).is_empty());
    // 实施细则 for a law whose rules are a 实施条例; a law that has 实施细则 is quiet.
    let f = found(&citing("《中华人民共和国行政复议法实施细则》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0702"));
    assert!(
        f[0].message
            .contains("《中华人民共和国行政复议法实施条例》")
    );
    assert!(found(&citing("《中华人民共和国专利法实施细则》")).is_empty());
    // Books about a law are named after it.
    for book in [
        "《中华人民共和国行政处罚法释义》",
        "《中华人民共和国行政复议法解读》",
        "《中华人民共和国基本医疗卫生与健康促进法理解与适用》",
    ] {
        assert!(found(&citing(book)).is_empty(), "{book}");
    }
    // A law written as a 条例, and a regulation as a 法.
    let f = found(&citing("《中华人民共和国传染病防治条例》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0702"));
    assert!(
        f[0].message.contains("《中华人民共和国传染病防治法》"),
        "{}",
        f[0].message
    );
    let f = found(&citing("《医疗机构管理法》"));
    assert!(
        f[0].message.contains("《医疗机构管理条例》"),
        "{}",
        f[0].message
    );
    assert!(found(&citing("《中华人民共和国传染病防治法》")).is_empty());
    // 中华人民共和国 put before a regulation's title.
    let f = found(&citing("《中华人民共和国医疗机构管理条例》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0702"));
    assert_eq!(f[0].fix, Some(("《医疗机构管理条例》".into(), false)));
    assert!(found(&citing("《中华人民共和国政府信息公开条例》")).is_empty());
    // 条例 written as 规定.
    let f = found(&citing("《重大行政决策程序暂行规定》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0702"));
    // 规划 written as 实施纲要.
    let f = found(&citing("《法治中国建设实施纲要（2020—2025年）》"));
    assert_eq!((f.len(), f[0].code), (1, "GW0702"));
    assert!(f[0].message.contains("《法治中国建设规划（2020—2025年）》"));
}

#[test]
fn superseded_for_the_reported_year() {
    let old = "《法治政府建设实施纲要（2015—2020年）》";
    let f = found(&citing(old));
    assert_eq!((f.len(), f[0].code), (1, "GW0703"));
    // A report on 2020 may cite it.
    let on_2020 = citing(old)
        .replace("2024年", "2020年")
        .replace("2025年", "2021年");
    assert_eq!(codes(&on_2020), Vec::<&str>::new());
    assert_eq!(codes(&citing("《中华人民共和国执业医师法》")), ["GW0703"]);
    assert_eq!(codes(&citing("《中华人民共和国食品卫生法》")), ["GW0703"]);
    // Plans followed by plans of another name.
    assert_eq!(codes(&citing("《“十三五”卫生与健康规划》")), ["GW0703"]);
    assert_eq!(
        codes(&citing("《健康儿童行动计划（2018—2020年）》")),
        ["GW0703"]
    );
    // A year of the reported period, a plan to finish, the successor's name within the old.
    for still in [
        "2024年，依据《中华人民共和国执业医师法》作出处罚3起",
        "按照《法治政府建设实施纲要（2015—2020年）》要求，力争年底前完成",
        "依据《中华人民共和国执业医师法》第三十七条作出处罚",
    ] {
        assert_eq!(codes(&citing(still)), ["GW0703"], "{still}");
    }
    // Its requirements, measured against as in force.
    assert_eq!(codes(&citing(&format!("对照{old}要求，"))), ["GW0703"]);
    // The text itself says it is gone.
    for gone in [
        "《中华人民共和国医师法》（原《中华人民共和国执业医师法》同时废止）",
        "《中华人民共和国执业医师法》废止以来的变化",
        "梳理修订原依据《中华人民共和国执业医师法》制定的制度",
        "对照《法治政府建设实施纲要（2015—2020年）》完成情况开展回头看",
        "《法治政府建设实施纲要（2015—2020年）》实施期间清理规范性文件126件",
        "发现1卷案卷错误适用已废止的《中华人民共和国执业医师法》",
        "对仍引用《中华人民共和国执业医师法》的规范性文件进行修改",
        "将《中华人民共和国执业医师法》相关内容替换为医师法条款",
        // Looking back: then in force, compared with the successor, its tasks done, a
        // year before the successor.
        "对依据当时有效的《中华人民共和国执业医师法》作出处罚的案件开展复查",
        "学习《中华人民共和国执业医师法》和《中华人民共和国医师法》的主要区别",
        "《法治政府建设实施纲要（2015—2020年）》确定的各项任务已于2020年底全面完成",
        "对2021年立案、依据《中华人民共和国执业医师法》作出处罚的1起案件开展案卷复查",
        // Documents built on it, put right because it is gone.
        "清理以《中华人民共和国执业医师法》为依据的规范性文件5件",
        "清理依据《中华人民共和国执业医师法》制定的规范性文件5件",
    ] {
        assert_eq!(codes(&citing(gone)), Vec::<&str>::new(), "{gone}");
    }
}

#[test]
fn a_superseded_plan_by_its_nickname() {
    let f = found(&citing("“七五”普法规划"));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            "GW0703",
            "“七五”普法规划即《关于在公民中开展法治宣传教育的第七个五年规划（2016—2020年）》，已被“八五”普法规划（2021—2025年）取代，本报告为2024年度报告"
        )]
    );
    // Any quotes or none; the one in force that year, past a plan superseded in turn.
    assert_eq!(codes(&citing("七五普法")), ["GW0703"]);
    // With a middle dot between the numerals.
    assert_eq!(codes(&citing("“七·五”普法")), ["GW0703"]);
    assert_eq!(codes(&citing("“七・五”普法规划")), ["GW0703"]);
    let f = found(&citing("‘六五’普法"));
    assert!(
        f[0].message
            .contains("已被“八五”普法规划（2021—2025年）取代"),
        "{}",
        f[0].message
    );
    // Looking back, an award, the current plan, a report on the plan's own years.
    for ok in [
        "“七五”普法期间形成的经验",
        "荣获“七五”普法先进集体称号的经验",
        "“七五”普法总结验收意见",
        "在总结“七五”普法工作的基础上",
        "与“七五”普法规划相比的新要求",
        "“八五”普法规划",
    ] {
        assert_eq!(codes(&citing(ok)), Vec::<&str>::new(), "{ok}");
    }
    let on_2019 = citing("“七五”普法规划")
        .replace("2024年", "2019年")
        .replace("2025年", "2020年");
    assert_eq!(codes(&on_2019), Vec::<&str>::new());
}

#[test]
fn local_documents_and_every_edition_are_not_misnamed() {
    // A local plan named after its issuer is no misnamed national 纲要…
    let text = citing("县委、县政府印发的《法治政府建设实施方案（2022—2025年）》");
    assert_eq!(codes(&text), Vec::<&str>::new());
    // …and "both editions" need no years.
    let text = citing("先后两部《法治政府建设实施纲要》");
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn title_in_quotes() {
    let f = found(&citing(
        "“党政主要负责人履行推进法治建设第一责任人职责规定”",
    ));
    assert_eq!((f.len(), f[0].code), (1, "GW0704"));
    assert_eq!(
        f[0].fix,
        Some((
            "《党政主要负责人履行推进法治建设第一责任人职责规定》".into(),
            true
        ))
    );
}

#[test]
fn law_named_in_quotes_without_its_prefix() {
    let f = found(&citing("严格执行“行政处罚法”，深入宣传“民法典”"));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0704", Some(("《行政处罚法》".into(), true))),
            ("GW0704", Some(("《民法典》".into(), true)))
        ]
    );
    // The sentence going on after the law is no term.
    let f = found(&citing("按照“医师法”的规定，以贯彻‘食品安全法’为抓手"));
    assert_eq!(
        f.iter().map(|f| f.code).collect::<Vec<_>>(),
        ["GW0704", "GW0704"]
    );
    // In single quotes, as inside a quotation.
    let f = found(&citing("提出“严格执行‘行政处罚法’”的要求"));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.fix.clone()))
            .collect::<Vec<_>>(),
        [("GW0704", Some(("《行政处罚法》".into(), true)))]
    );
    // Slogans and short forms of plans are terms.
    let text = citing("落实“谁执法谁普法”普法责任制，开展“以案释法”，推进“八五”普法，‘八五’普法");
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn title_without_its_years() {
    let f = found(&citing("《法治政府建设实施纲要》"));
    assert_eq!(
        (f.len(), f[0].code, f[0].severity),
        (1, "GW0705", Severity::Info)
    );
    assert!(f[0].message.contains("没有写年份"));
    assert!(f[0].fix.is_none(), "two editions: no single fix");
    // The edition in force in the reported year is the example.
    assert!(f[0].help.contains("（2021—2025年）"), "{}", f[0].help);
    // Cited in full earlier in the report, the short form names that edition.
    let twice = citing("《法治政府建设实施纲要（2021—2025年）》，对照《法治政府建设实施纲要》");
    assert_eq!(codes(&twice), Vec::<&str>::new());
    // Years written after the marks belong inside them.
    let f = found(&citing("《法治政府建设实施纲要》（2021—2025年）"));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str()))
            .collect::<Vec<_>>(),
        [("GW0705", "《法治政府建设实施纲要》（2021—2025年）")]
    );
    assert_eq!(
        f[0].fix,
        Some(("《法治政府建设实施纲要（2021—2025年）》".into(), false))
    );
    let f = found(&citing("《法治社会建设实施纲要》"));
    assert_eq!(
        f[0].fix,
        Some(("《法治社会建设实施纲要（2020—2025年）》".into(), false))
    );
    // The health plans that carry their years; a province's own plan of the same name is
    // another document.
    let f = found(&citing("《中医药发展战略规划纲要》"));
    assert_eq!(
        f[0].fix,
        Some(("《中医药发展战略规划纲要（2016—2030年）》".into(), false))
    );
    let own = citing(
        "《江岚省防治慢性病中长期规划（2017—2025年）》《某市中医药发展战略规划纲要（2016—2030年）实施方案》",
    );
    assert_eq!(codes(&own), Vec::<&str>::new());
}

#[test]
fn user_tables_extend_the_builtin_one() {
    let config = crate::config::Config::parse(
        std::path::Path::new("/tmp/x/gwlint.toml"),
        "[[citation]]\ntitle = \"青禾市卫生健康促进条例\"\nsince = 2023\n",
    )
    .unwrap();
    let t = config.citations();
    assert!(t.find_full("青禾市卫生健康促进条例").is_some());
    assert!(t.find_full("法治政府建设实施纲要（2021—2025年）").is_some());
    // A near miss of the user's title is reported; without the entry it is unknown.
    let text = citing("《青禾市卫生健康促进办法条例》");
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text);
    let mut linter = crate::Linter::with_defaults();
    let gw07 = |linter: &crate::Linter| -> Vec<&str> {
        linter
            .lint_document(&doc)
            .iter()
            .map(|d| d.rule.code)
            .filter(|c| c.starts_with("GW07"))
            .collect()
    };
    assert_eq!(gw07(&linter), Vec::<&str>::new());
    linter.config = config;
    assert_eq!(gw07(&linter), ["GW0702"]);
}

#[test]
fn document_numbers_with_the_wrong_brackets() {
    let f = found(&citing("渝卫发[2021]4号文件和青卫发(2022)第015号文件"));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            (
                "GW0706",
                "[2021]4号",
                Some(("〔2021〕4号".to_string(), true))
            ),
            (
                "GW0706",
                "(2022)第015号",
                Some(("〔2022〕15号".to_string(), true))
            ),
        ]
    );
    // The message names the bracket typed: "﹝﹞" looks like "〔〕" in many fonts.
    let f = found(&citing("国办发﹝2024﹞5号文件"));
    assert!(
        f[0].message.ends_with("这里用的是小型六角括号“﹝﹞”"),
        "{}",
        f[0].message
    );
    // Issuers' codes ending in 字 are still 发文字号.
    assert_eq!(codes(&citing("公通字[2019]32号文件")), ["GW0706"]);
    // A year in two digits (no fix: which century is the writer's to say), or with 年.
    let f = found(&citing(
        "国卫法制发〔25〕3号文件和国卫法制发〔2018年〕3号文件",
    ));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("GW0706", "〔25〕3号", None),
            (
                "GW0706",
                "〔2018年〕3号",
                Some(("〔2018〕3号".to_string(), true))
            ),
        ]
    );
    // Its brackets are not reported again as half-width punctuation.
    let doc = Document::from_text(
        "t.txt",
        Format::Text,
        "utf-8",
        citing("青卫发(2022)15号文件"),
    );
    assert!(found_of("GW05", &doc).is_empty());
    // The small form ﹝﹞ looks alike in print but is not found by a search for 〔〕.
    let f = found(&citing("青卫发﹝2024﹞12号文件"));
    assert_eq!(
        (f[0].code, f[0].fix.clone()),
        ("GW0706", Some(("〔2024〕12号".to_string(), true)))
    );
    // The example of a two-digit year is that year in full.
    assert!(
        found(&citing("青卫发〔98〕3号文件"))[0]
            .help
            .contains("〔1998〕3号")
    );
}

/// "青卫发〔2024〕12" ends without its 号; "〔2024〕12号" and "〔2024〕12月" are other things.
#[test]
fn a_document_number_without_hao() {
    let f = found(&citing("（青卫发〔2024〕12）文件和渝卫发〔2023〕7文件"));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            (
                "GW0706",
                "〔2024〕12",
                Some(("〔2024〕12号".to_string(), true))
            ),
            (
                "GW0706",
                "〔2023〕7",
                Some(("〔2023〕7号".to_string(), true))
            ),
        ]
    );
    assert!(found(&citing("青卫发〔2024〕12号文件，〔2024〕12月")).is_empty());
    // Penalty and review decisions are numbered by rules of their own.
    assert!(
        found(&citing(
            "京朝卫医罚〔2024〕0012号、青卫监罚决字〔2024〕第0012号、青政复决字〔2024〕第5号决定"
        ))
        .is_empty()
    );
    assert_eq!(codes(&citing("青卫发〔2024〕12 号文件")), ["GW0706"]);
}

/// Spaces inside a 发文字号, before its bracket too: one finding, whose fix removes them all.
#[test]
fn a_spaced_document_number_is_one_finding() {
    let text = citing("（青卫发 〔2024〕 12号）文件");
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", text.clone());
    let f = found_of("GW0", &doc);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [(
            "GW0706",
            " 〔2024〕 12号",
            Some(("〔2024〕12号".to_string(), true))
        )]
    );
}

#[test]
fn correct_document_numbers_and_case_numbers_are_quiet() {
    let text = citing("国办发〔2021〕12号文件，审结（2021）浙0102民初123号案件");
    assert_eq!(codes(&text), Vec::<&str>::new());
    // Licence, arbitration and enforcement numbers follow their own rules.
    let text = citing(
        "核发湘卫消证字（2019）第0058号卫生许可证，劳人仲案字〔2025〕第12号裁决，卫监意字〔2025〕第012号意见书",
    );
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn activities_take_no_title_marks() {
    assert_eq!(codes(&citing("《宪法宣传周》")), ["GW0707"]);
    assert_eq!(
        codes(&citing("《关于开展2024年宪法宣传周活动的通知》")),
        Vec::<&str>::new()
    );
}

#[test]
fn a_title_written_without_its_marks() {
    let text = GOOD_REPORT.replace(
        MEASURES,
        "（一）健全依法决策机制。深入贯彻落实法治政府建设实施纲要（2021—2025年），依据中华人民共和国医师法第十四条处理。",
    );
    let f = found(&text);
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            (
                "GW0708",
                "法治政府建设实施纲要（2021—2025年）",
                Some(("《法治政府建设实施纲要（2021—2025年）》".to_string(), false))
            ),
            (
                "GW0708",
                "中华人民共和国医师法",
                Some(("《中华人民共和国医师法》".to_string(), false))
            ),
        ]
    );
    // Marked, quoted, inside a longer title, or the start of a longer name: quiet here.
    for cited in [
        "《法治政府建设实施纲要（2021—2025年）》",
        "《关于贯彻〈中华人民共和国医师法〉的通知》",
        "“中华人民共和国医师法”",
        // In wrong marks: the marks' finding says what to write.
        "<中华人民共和国医师法>",
        "＜中华人民共和国医师法＞",
        "中华人民共和国医师法释义",
        "中华人民共和国医师法实施细则",
        "中华人民共和国医师法修正案",
        "法治政府建设实施纲要",
    ] {
        let codes: Vec<&str> = found(&citing(cited))
            .iter()
            .map(|f| f.code)
            .filter(|c| *c == "GW0708")
            .collect();
        assert_eq!(codes, Vec::<&str>::new(), "{cited}");
    }
}

/// A verb after the law's name leaves the name the law's: "修订实施", "实施以来".
#[test]
fn a_title_without_marks_before_a_verb() {
    for sentence in [
        "结合中华人民共和国行政复议法修订实施开展专题培训",
        "学习中华人民共和国行政复议法修订内容",
        "中华人民共和国行政复议法实施以来",
    ] {
        let f = found(&citing(sentence));
        assert_eq!(
            f.iter()
                .filter(|f| f.code == "GW0708")
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>(),
            ["中华人民共和国行政复议法"],
            "{sentence}"
        );
    }
}

#[test]
fn a_law_in_no_list_of_the_laws_in_force() {
    let f = found(&citing("《中华人民共和国医疗卫生法》"));
    assert_eq!(
        f.iter().map(|f| (f.code, f.severity)).collect::<Vec<_>>(),
        [("GW0702", Severity::Warning)]
    );
    assert!(
        f[0].message.contains("现行有效法律中没有"),
        "{}",
        f[0].message
    );
    // A law passed after the list was made may be cited in a report on a later year.
    let later = citing("《中华人民共和国医疗卫生法》")
        .replace("2024年", "2027年")
        .replace("2025年", "2028年");
    assert_eq!(codes(&later), Vec::<&str>::new());
    for cited in [
        "《中华人民共和国精神卫生法》",
        "《中华人民共和国医疗保障法（草案）》",
        "《中华人民共和国刑法修正案（十一）》",
        // 办法 are regulations and rules, whatever their titles start with.
        "《中华人民共和国国境口岸卫生监督办法》",
        "《中华人民共和国某某口岸管理办法》",
        "《中华人民共和国中医药条例》《中医药条例》",
    ] {
        assert_eq!(codes(&citing(cited)), Vec::<&str>::new(), "{cited}");
    }
}

#[test]
fn documents_whose_titles_name_their_issuers() {
    for cited in [
        "《中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2025年）》",
        "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》",
        "《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》",
    ] {
        assert_eq!(codes(&citing(cited)), Vec::<&str>::new(), "{cited}");
    }
    let f = found(&citing(
        "《中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2026年）》",
    ));
    assert_eq!(f.iter().map(|f| f.code).collect::<Vec<_>>(), ["GW0701"]);
    // A long title misspelt: the help points at the difference.
    let f = found(&citing(
        "《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法治审核制度的指导意见》",
    ));
    assert_eq!(f.iter().map(|f| f.code).collect::<Vec<_>>(), ["GW0702"]);
    assert!(
        f[0].help.ends_with("（“定法治审核”应为“定法制审核”）"),
        "{}",
        f[0].help
    );
}
