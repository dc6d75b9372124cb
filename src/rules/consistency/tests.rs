use crate::diagnostic::{Category, Severity};
use crate::document::{CellRef, Document, Format};
use crate::rules::{GOOD_REPORT, MEASURES, codes_of, found_of, text_doc, with_measures};

/// The good report with one body sentence replaced.
fn with(sentence: &str) -> String {
    GOOD_REPORT.replace("全年审查重大行政决策3件，全部经过合法性审查。", sentence)
}

fn codes(sentence: &str) -> Vec<&'static str> {
    codes_of("GW04", &with(sentence))
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

#[test]
fn good_report_is_quiet() {
    assert_eq!(codes_of("GW04", GOOD_REPORT), []);
}

#[test]
fn the_opening_year_is_the_reported_year() {
    let stale = GOOD_REPORT.replace("2024年，我委坚持", "2023年，我委坚持");
    assert_eq!(codes_of("GW04", &stale), [("GW0406", 3)]);
    let since = GOOD_REPORT.replace("2024年，我委坚持", "2023年以来，我委坚持");
    assert_eq!(codes_of("GW04", &since), []);
    // A later opening year that the 成文日期 backs: the report is of that year, and the
    // title and the parts' headings are the ones left from last year's.
    let stale_title = GOOD_REPORT
        .replace("2024年，我委坚持", "2025年，我委坚持")
        .replace("2025年1月20日", "2026年1月20日");
    let found = found_of("GW0406", &text_doc(&stale_title));
    assert_eq!(
        found
            .iter()
            .map(|f| (f.line, f.text.as_str()))
            .collect::<Vec<_>>(),
        [
            (1, "2024"),
            (4, "一、2024年推进法治政府建设的主要举措和成效"),
            (10, "四、2025年推进法治政府建设的主要安排")
        ]
    );
    // Its 成文日期 is then within the deadline.
    assert_eq!(codes_of("GW02", &stale_title), []);
    let unbacked = GOOD_REPORT.replace("2024年，我委坚持", "2025年，我委坚持");
    assert_eq!(codes_of("GW0406", &unbacked), []);
    // A title naming the year of writing: the opening and the 成文日期 agree on the year before.
    let writing_year = GOOD_REPORT.replacen("2024年法治", "2025年法治", 1);
    let found = found_of("GW04", &text_doc(&writing_year));
    assert_eq!(
        found
            .iter()
            .map(|f| (f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [(1, "标题写的是2025年，正文开头和成文日期表明报告的是2024年")]
    );
    // An opening that says what year it is about, or which year it reports on.
    for opening in [
        "2025年是法治政府建设的关键之年，我委坚持",
        "现将2025年度法治政府建设情况报告如下。我委坚持",
    ] {
        let stale_title = GOOD_REPORT
            .replace("2024年，我委坚持", opening)
            .replace("2025年1月20日", "2026年1月20日");
        let found = found_of("GW0406", &text_doc(&stale_title));
        assert_eq!(found[0].line, 1, "{opening}");
        assert_eq!(
            found[0].message,
            "标题写的是2024年，正文开头和成文日期表明报告的是2025年"
        );
        assert_eq!(codes_of("GW02", &stale_title), [], "{opening}");
    }
    // Title and opening both left from last year's: the parts and the 成文日期 outvote them.
    let stale_front = GOOD_REPORT
        .replacen("2024年法治", "2023年法治", 1)
        .replace("2024年，我委坚持", "2023年，我委坚持");
    let found = found_of("GW04", &text_doc(&stale_front));
    assert_eq!(
        found
            .iter()
            .map(|f| (f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                1,
                "标题写的是2023年，各部分标题和成文日期表明报告的是2024年"
            ),
            (3, "正文开头写的是2023年，报告年度为2024年")
        ]
    );
    assert_eq!(codes_of("GW02", &stale_front), []);
    // A 成文日期 that backs the title: the parts are the ones at fault.
    let undated = stale_front.replace("2025年1月20日", "2024年1月20日");
    let found = found_of("GW0406", &text_doc(&undated));
    assert_eq!(found.iter().map(|f| f.line).collect::<Vec<_>>(), [4, 10]);
}

#[test]
fn parts_before_their_total() {
    assert_eq!(
        codes("受理行政复议和行政诉讼案件分别为17件和6件，共计25件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("受理行政复议和行政诉讼案件分别为17件和6件，共计23件。"),
        Vec::<&str>::new()
    );
    // A total before the list is checked as before, and the later total is not a part.
    assert_eq!(
        codes("全年办理复议诉讼案件23件，分别为17件和6件，共计23件。"),
        Vec::<&str>::new()
    );
    // Without 分别: a list of figures closed by its total.
    assert_eq!(codes("开展执法培训线上5场、线下8场，共12场。"), ["GW0401"]);
    // With the verb the parts share after 共.
    assert_eq!(codes("保留9件、修改2件、废止1件，共清理13件。"), ["GW0401"]);
    // With what all the parts are, after a verb done to all of them: the first part's own
    // verb, or a total verb.
    for wrong in [
        "公示行政许可信息312条、行政处罚信息261条，共计公示执法信息545条。",
        "公示行政许可信息312条、行政处罚信息261条，共公示545条。",
        "评查行政许可案卷90卷、行政处罚案卷80卷，共评查案卷160卷。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
    for ok in [
        "公示行政许可信息312条、行政处罚信息261条，共计公示执法信息573条。",
        "评查行政许可案卷90卷、行政处罚案卷80卷，共评查案卷170卷。",
        // Something else the parts are not all of.
        "公示行政许可信息312条、行政处罚信息261条，共计公示政务信息1,260条。",
        "公示行政许可信息312条、行政处罚信息261条，共公示1,260条。",
        "评查行政许可案卷90卷、行政处罚案卷80卷，共抽查单位160家。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    for ok in [
        "保留9件、修改2件、废止1件，共清理12件。",
        // 共同 is "jointly"; 办结 is a later stage than the parts.
        "市级检查5次、县级检查8次，共同检查10次。",
        "开展线上宣传12场、线下宣传20场，共35场（含线上线下同步开展3场）。",
        "受理投诉5件、举报8件，共办结10件。",
        "受理投诉5件、举报8件，共计回访群众300人次。",
        "开展执法培训线上5场、线下7场，共12场。",
        "开展培训线上5场、线下7场等，共15场。",
        "受理投诉5件、举报8件，共覆盖群众300人。",
        "共受理30件，其中线上5件、线下8件，共13件。",
        "市本级5人、县区各2人，共15人。",
        "每个社区卫生服务中心配备1名、每个乡镇卫生院配备2名，共20名。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

#[test]
fn a_breakdown_after_a_bracketed_one_is_of_the_total_before_the_brackets() {
    assert_eq!(
        codes("办理许可及备案2415件（许可1637件、备案778件），其中即办件1093件、承诺件1332件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("办理许可及备案2415件（许可1637件、备案778件），其中即办件1093件、承诺件1322件。"),
        Vec::<&str>::new()
    );
    // The base written in a share after the part is not one more part.
    assert_eq!(
        codes("全年抽查135次，其中夜间抽查42次，占全部抽查批次135次的31.1%。"),
        Vec::<&str>::new()
    );
}

/// Subsets, overlapping kinds and parts whose share is given are not a division of the whole.
#[test]
fn parts_that_are_no_division() {
    for ok in [
        // Two cuts of the same matters, a cross-cutting group, and some of the kinds.
        "全年办理行政许可1,286件，其中网上办理1,096件、即办件412件。",
        "全年培训执法人员286人次，其中局机关干部86人次、医疗机构人员200人次、领导干部30人次。",
        "全年检查医疗机构176家，其中乡镇卫生院14家、村卫生室160家、医共体成员单位17家。",
        "全年审查规范性文件和合同协议63件，其中规范性文件2件、合同协议61件、提交集体讨论的12件。",
        "专项整治期间检查医疗美容机构94家，其中发现问题的65家、立案查处的34家。",
        "全年受理投诉举报330件，其中实名投诉248件、医疗服务类134件，全部按期办结。",
        "受理行政许可1286件，其中网上办理1153件、即办件412件，分别占89.7%、32.0%。",
        "全年共立案137件，结案129件。其中，医疗机构共立案68件，结案65件。",
        "受理工单3862件，其中应办结3855件，按期办结3851件，按期办结率99.9%。",
        "电话回访3520件，其中非常满意2987件、满意428件，满意率97.0%。",
        "全年开展行政检查586次，其中涉企检查213次、双随机抽查372次。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // Parts of one cut still add up.
    assert_eq!(
        codes("全年开展行政检查586次，其中日常检查213次、专项检查372次。"),
        ["GW0401"]
    );
    // Two parts far over the total: more likely overlapping kinds, said gently.
    let text = with("受理行政许可1286件，其中窗口办理1153件、网上办理412件。");
    let found = found_of("GW0401", &text_doc(&text));
    assert_eq!(found[0].severity, Severity::Warning);
}

/// 部分采纳 is one of the outcomes, not a partial list.
#[test]
fn partly_adopted_is_a_kind() {
    assert_eq!(
        codes("提出审查意见72条，其中采纳66条、部分采纳5条。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("提出审查意见71条，其中采纳66条、部分采纳5条。"),
        Vec::<&str>::new()
    );
}

/// A growth said of the total may stand between it and 其中.
#[test]
fn parts_after_the_totals_growth() {
    assert_eq!(
        codes("全年受理行政许可215件，同比增长108.7%，其中即办件120件、承诺件97件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("全年受理行政许可215件，同比增长108.7%，其中即办件120件、承诺件95件。"),
        Vec::<&str>::new()
    );
    for ok in [
        // Two kinds named out of many: the gap is no slip.
        "全年办理行政许可事项12,846件，同比增长18.4%，其中医师执业注册9,512件、护士执业注册2,874件。",
        // Across a sentence, a rate closes its own subject.
        "抽检水样360份，检出不合格6份，合格率98.3%，上年同期合格率为96.9%；其中农村水样140份，合格136份，合格率97.1%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// Three kinds a few short of the total are most often the main ones only: a note. A gap
/// a slip makes (one short, two digits swapped) is an error.
#[test]
fn three_kinds_a_little_short() {
    let severity = |sentence: &str| {
        let found = found_of("GW0401", &text_doc(&with(sentence)));
        assert_eq!(found.len(), 1, "{sentence}");
        found[0].severity
    };
    assert_eq!(
        severity(
            "全年受理投诉举报413件，其中医疗服务类214件、公共场所卫生类111件、生活饮用水卫生类70件。"
        ),
        Severity::Info
    );
    assert_eq!(
        severity(
            "全年受理投诉举报413件，其中医疗服务类214件、公共场所卫生类111件、生活饮用水卫生类87件。"
        ),
        Severity::Error
    );
    assert_eq!(
        severity(
            "全年受理投诉举报1413件，其中医疗服务类1214件、公共场所卫生类111件、生活饮用水卫生类79件。"
        ),
        Severity::Error
    );
}

/// Decisions short of their cases may leave some undecided at the year's end: a warning
/// that asks to say so. A 清理 decides every document it reviews.
#[test]
fn decisions_short_of_their_cases() {
    for short in [
        "行政复议案件17件，其中维持10件、撤销2件、驳回4件。",
        "行政诉讼案件12件，其中维持7件、驳回3件、撤销1件。",
    ] {
        let found = found_of("GW0401", &text_doc(&with(short)));
        assert_eq!(found.len(), 1, "{short}");
        assert_eq!(found[0].severity, Severity::Warning, "{short}");
        assert!(found[0].help.contains("尚未审结"), "{}", found[0].help);
    }
    // The undecided ones said.
    assert_eq!(
        codes("全年共办理行政复议案件17件（其中1件尚未审结），其中维持10件、撤销2件、终止4件。"),
        Vec::<&str>::new()
    );
    let cleared = found_of(
        "GW0401",
        &text_doc(&with(
            "对规范性文件24件逐件评估，其中保留18件、修改3件、废止2件。",
        )),
    );
    assert_eq!(cleared[0].severity, Severity::Error);
}

/// One short of a small total in a list of four outcomes or more: all of them were meant.
#[test]
fn one_short_in_a_long_list() {
    assert_eq!(
        codes("行政复议案件9件，其中维持5件、撤销1件、确认违法1件、终止1件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("受理投诉9件，其中办结5件、转办3件。"),
        Vec::<&str>::new()
    );
}

/// Decisions a case gets one of, listed after their total with no 其中: an excess is a
/// slip; fewer may leave cases pending. Other lists after a total may overlap.
#[test]
fn outcomes_after_their_total_without_qizhong() {
    for bad in [
        "全年办理行政复议案件12件，维持8件、撤销3件、终止2件。",
        "审结行政诉讼案件15件，胜诉12件、败诉1件、撤诉3件。",
        "行政复议案件12件，维持8件，撤销3件，终止2件。",
        "共办理行政复议案件12件：维持8件、撤销3件、终止2件。",
        "全年办理行政复议案件12件，复议维持8件、撤销3件、终止2件。",
        "办理行政复议案件12件，维持8件，撤销3件，终止2件，纠错率25%。",
        // Prefixes one after another.
        "办理行政复议案件12件，决定予以维持8件、予以撤销3件、终止2件。",
        // A suit withdrawn among a court's decisions.
        "审结行政诉讼案件10件，判决驳回诉讼请求8件、撤销2件、原告撤诉2件。",
        "审结行政诉讼案件10件，驳回起诉6件、驳回诉讼请求3件、裁定准予撤诉2件。",
    ] {
        assert_eq!(codes(bad), ["GW0401"], "{bad}");
    }
    for good in [
        "全年办理行政复议案件12件，维持8件、撤销3件、终止1件。",
        "全年办理行政复议案件12件，维持8件、撤销2件。",
        // Not decisions: a case may get a fine and a confiscation both.
        "查处行政处罚案件12件，罚款8件、没收违法所得3件、警告2件。",
        // Not a total of cases: 撤销 and 变更 of licences.
        "办理许可事项12件，撤销3件、变更10件。",
        // One decision only is no list.
        "办理行政复议案件2件，撤销3件（含上年结转）。",
        "全年办理行政复议案件12件，其中维持8件、撤销4件。",
        // Cases carried over, or counted in two kinds, said after the list.
        "全年新收行政复议申请10件，维持6件、撤销2件、驳回2件、终止3件（含上年结转4件）。",
        "办理行政复议案件4件，维持3件、撤销2件，其中1件既部分维持又部分撤销。",
        // The list may be of two totals; kinds of two groups overlap (驳回起诉 is a 胜诉);
        // 和解 ends in 终止.
        "发生行政复议案件4件，行政诉讼案件3件，维持3件、终止1件、胜诉2件、撤诉1件。",
        "审结行政诉讼案件10件，胜诉8件、败诉2件、驳回起诉5件。",
        "审结行政诉讼案件10件，胜诉6件、撤诉2件、驳回起诉5件。",
        "审结行政诉讼案件10件，判决驳回诉讼请求7件、撤销1件、原告撤诉2件。",
        "办理行政复议案件4件，终止3件、和解2件。",
        "审结行政诉讼案件10件，胜诉9件、败诉1件、撤诉2件（撤诉案件计入胜诉）。",
        "办理行政复议案件12件，维持8件、撤销3件、终止2件，分别涉及13个行政行为。",
    ] {
        assert_eq!(codes(good), Vec::<&str>::new(), "{good}");
    }
}

#[test]
fn parts_in_brackets_after_their_total() {
    assert_eq!(
        codes("共开展执法培训12场（线上5场、线下8场）。"),
        ["GW0401"]
    );
    for ok in [
        "共开展执法培训12场（线上5场、线下7场）。",
        "受理建议43件（人大代表建议18件、政协委员提案25件）。",
        "受理12件（含线上5件、线下8件）。",
        "办结98件（办结率95%），群众满意。",
        "培训12场（5月3场、6月4场），覆盖300人。",
        "培训12场（线上5场）。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// A kind and an attribute of people overlap; two sides of one attribute do not.
#[test]
fn attributes_across_kinds() {
    assert_eq!(
        codes("全院共有职工912人，其中卫生技术人员786人、高级职称186人。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("全委共有执法人员100人，其中男性70人、女性40人。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("全院共有职工912人，其中高级职称186人、中级职称300人、初级职称500人。"),
        ["GW0401"]
    );
}

#[test]
fn overlapping_parts_may_exceed_the_total() {
    assert_eq!(
        codes("全年检查各类单位86家，其中医疗机构52家、民营机构41家（部分单位同时属于两类）。"),
        Vec::<&str>::new()
    );
    for ok in [
        "共有执法人员92名，其中执法证持证人员92名、法律专业人员18名。",
        "全委共有公职律师8名，其中取得法律职业资格的5名、具有律师执业经历的4名。",
        // The note stands by the total.
        "开展联合执法检查126次（部分为多部门联合），其中与市场监管部门联合68次、与公安部门联合74次。",
        "检查单位86家（部分单位同时属于两类），其中医疗机构52家、民营机构41家。",
        // The first part is broken down in turn.
        "全年受理行政复议申请286件，其中审结265件，审结案件中维持183件、撤销24件、确认违法11件、责令履行6件、驳回请求19件、调解和解后终止22件。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // Short of the total is still wrong, and a partition must add up.
    assert_eq!(
        codes("共有执法人员92名，其中持证人员80名、未持证人员10名。"),
        ["GW0401"]
    );
    for bad in [
        // A qualification and its absence split the whole.
        "全局干部职工120人，其中持证执法人员86人、未持证人员40人。",
        "共56人，其中取得执法证的48人、未取得执法证的12人。",
        "全局干部职工120人，其中持证执法人员86人、辅助人员40人。",
        // The qualification word is not in a part's own label.
        "全年查处案件30件，其中一般程序案件25件、简易程序案件12件，取得明显成效。",
        // Parts that happen to add up to the first, with no 中 to say it is broken down.
        "检查单位15家，其中医疗机构10家、公共场所5家、学校5家。",
    ] {
        assert_eq!(codes(bad), ["GW0401"], "{bad}");
    }
}

#[test]
fn sum_of_parts_fires_and_stays_quiet() {
    assert_eq!(
        codes("共受理投诉举报45件，其中办结32件、转办12件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("行政复议案件17件，其中维持10件、撤销2件、终止6件。"),
        ["GW0401"]
    );
    assert_eq!(codes("开展检查586次，其中涉企检查613次。"), ["GW0401"]);
    // An action verb is not a comparison: this count has parts.
    assert_eq!(
        codes("全年新增加注册护士120名，其中本科学历80名、专科学历50名。"),
        ["GW0401"]
    );
    // The first parts make the total, but the 、 list goes on past it.
    assert_eq!(
        codes("共受理投诉100件，其中医疗服务类60件、公共卫生类40件、其他类15件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("行政复议案件17件（其中维持10件、撤销2件、终止6件），均已办结。"),
        ["GW0401"]
    );
    for ok in [
        "行政复议案件17件，其中维持10件、撤销2件、终止5件。",
        "合法性审查总数152件,其中决策1件、规范性文件2件、执法决定60件、合同89件。",
        "完成联合会商17起,其中本部门发起10起,参与配合7起;完成线索处置1起。",
        "立案98件，其中一般程序61件，简易程序37件，移送公安机关3件。",
        "开展行政检查586次，其中涉企检查213次。",
        "查处案件98件，其中主要包括无证行医20件、超范围执业30件。",
        "查处案件98件，其中无证行医20件、超范围执业30件等。",
        "查处案件98件，其中无证行医约20件、超范围执业30件。",
        "罚没款502.9万元，其中大要案78起，罚没款317.1万元，移送1起。",
        "被提起行政诉讼3件,其中1件移送管辖,1件驳回起诉,1件尚未开庭。",
        "检查二级甲等医院12家，其中二级甲等医院5家、三级乙等医院7家。",
        "推进“高效办成一件事”，其中出生一件事联办500件、退休一件事联办300件。",
        "落实三项制度，其中公示信息61条、审核案件40件。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// After a kind of the whole, a comma and what was done with the whole (采纳, 办结) is
/// another dimension; parts that are all such counts still add up.
#[test]
fn what_was_done_with_the_whole_is_no_kind_of_it() {
    for ok in [
        "收到意见建议56条，其中书面意见20条，采纳42条。",
        "法律顾问提出意见45条，其中书面意见30条，采纳40条。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    for wrong in [
        "受理投诉45件，其中办结30件，转办20件。",
        "受理投诉45件，其中转办20件，办结30件。",
        // The kinds go on after what was done with each.
        "排查矛盾纠纷320件，其中婚姻家庭纠纷150件，化解118件，邻里纠纷200件，化解192件。",
        // A kind named after a verb is still a kind.
        "收到意见建议56条，其中公众意见20条，反馈意见40条。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
}

/// A part that counts what was made of the whole (出具意见书) is no kind of it; kinds of
/// what was made still add up.
#[test]
fn what_was_made_of_the_whole_is_no_kind_of_it() {
    for ok in [
        "审查合同协议58份，其中修改完善40份，出具法律意见书23份。",
        "审查合同协议58份，其中出具法律意见书23份、修改完善40份。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    for wrong in [
        "制发文件50件，其中印发规范性文件10件、印发通知42件。",
        "审查合同协议58份，其中修改后通过40份，直接通过23份。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
}

/// Clauses after 其中 that are steps or sides of the whole, figures of another period, and
/// parts with parts of their own are no division of the total; kinds named alike, the rest
/// of a division and decisions still are.
#[test]
fn steps_periods_and_nested_parts_are_no_division() {
    for ok in [
        "培训执法人员300人次，其中参加结业考试286人次，考试合格279人次。",
        "抽查医疗机构120家，其中发现问题68家，责令整改68家，立案查处12家。",
        "受理投诉举报236件，其中已办结230件，电话回访212件。",
        "受理信访事项87件，其中办结85件，上年受理92件、办结90件。",
        "开展双随机抽查430户，其中合格412户，2021年以来累计抽查1860户。",
        "审查合同协议58份，其中修改完善40份，2024年为45份。",
        "检查医疗机构86家，其中存在问题的52家，其中已整改到位的49家。",
        "受理投诉举报236件，其中在已办结的230件中，群众满意228件。",
        "作出行政处罚决定156件，其中罚款148件，没收违法所得26件，警告52件。",
        "作出行政处罚决定156件，其中罚款148件、没收违法所得26件、警告52件。",
        "开展执法培训6场，其中线上4场、线下3场（1场采取线上线下同步方式举办）。",
        "开展抽查任务16项，其中部门联合抽查9项，跨区域联合抽查8项，部分任务既是部门联合又是跨区域联合。",
        "审查规范性文件15件，其中涉及市场主体经济活动的9件，涉及群众切身利益的11件。",
        // Steps of one matter; measures taken together; practices; a topic across kinds.
        "接收信访事项412件，其中按期受理409件、按期办结406件，群众满意率95.8%。",
        "接收问题线索1326条，其中经核查属实的842条、已立案查处的617条、移送司法机关的34条。",
        "查处医保基金案件147件，其中责令退回医保基金的139件、处以罚款的86件、暂停医保服务协议的23件。",
        "检查餐饮服务单位3216户，其中实施“明厨亮灶”的2874户、落实食品安全管理员制度的3105户。",
        "查处案件264件，其中商标侵权案件198件、专利侵权案件21件、涉及网络销售的案件87件。",
        // Channels one item goes out by; parts of an earlier total of the sentence.
        "主动公开政府信息1,268条，其中通过区政府门户网站公开1,268条、政务新媒体发布986条。",
        "全年受理行政许可2,961件，办结2,913件，其中即办件950件、承诺件2,011件。",
        "受理行政许可2,961件，办结2,913件，其余48件尚在法定期限内。其中即办件950件，占32.1%。",
        "全年立案查处违法案件446件，其中适用简易程序160件、普通程序286件。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    for wrong in [
        "查处案件120件，其中一般程序80件，简易程序45件。",
        // Two kinds with no third, the first with the verb that governs both: short.
        "全年立案查处违法案件446件，其中适用简易程序150件、普通程序286件。",
        "全年行政诉讼案件11件，其中胜诉8件，败诉1件，尚未判决3件。",
        "2021—2025年共查处案件120件，其中2021年20件，2022年25件，2023年30件，2024年30件，2025年25件。",
        "办理依申请公开46件，其中予以公开28件、部分公开12件、不予公开4件、无法提供5件。",
        "办理行政诉讼案件4件，其中驳回原告诉讼请求4件，原告撤诉1件。",
        "办理行政应诉案件10件，法院判决驳回原告诉讼请求8件、原告撤诉3件。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
}

/// Figures per head and extremes are no counts; attributes of two dimensions, and
/// penalties or hazards said to be combined, overlap.
#[test]
fn averages_extremes_and_overlaps_are_no_division() {
    for ok in [
        "执法人员人均办理案件14.6件，其中办案最多的执法大队人均办理案件23件。",
        "罚款共计87.6万元，没收违法所得12.3万元，其中单笔罚款最高达20万元。",
        "作出行政处罚决定256件，其中警告148件、罚款203件、没收违法所得37件、责令暂停执业活动9件（部分案件并处多种处罚）。",
        "开展职业健康检查1.86万人次，其中接触粉尘人员0.72万人次、接触噪声人员0.93万人次（部分人员同时接触多种危害因素）。",
        "参训的执法人员共计428名，其中党员312名、女性207名。",
        "应考1847人，实考1839人，其中成绩合格1802人、满分126人。",
        "检查医疗机构86家，其中民营医疗机构52家、一级医院及诊所61家。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // Amounts of each penalty, 最低生活保障, and kinds side by side in a 、 list add up.
    for wrong in [
        "全年罚没款共计87.6万元，其中罚款80万元、没收违法所得12.3万元。",
        "审批最低生活保障对象1200户，其中城市600户、农村700户。",
        "全年抽检食品及食品添加剂600批次，其中食品500批次、食品添加剂150批次。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
    // One dimension still adds up.
    for wrong in [
        "参训的执法人员共计428名，其中男性200名、女性250名。",
        "检查医疗机构86家，其中公立医疗机构32家、民营医疗机构61家。",
        "检查医疗机构86家，其中三级医院12家、二级医院30家、一级医院及诊所50家。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
}

/// A kind and its negation after any total split it; a short aside in brackets inside a
/// part's name, a lead-in clause and "作出…决定" leave a list whole.
#[test]
fn negations_asides_and_lead_ins() {
    for wrong in [
        "全年共收到行政复议申请14件，依法受理12件、不予受理3件。",
        "全年受理教育行政许可申请318件，准予许可301件、不予许可27件，不予许可的均书面告知理由。",
        "全年共抽检食品样品8632批次，合格8487批次、不合格155批次，不合格食品核查处置率100%。",
        "全年培训法律明白人1460名，其中村（社区）干部386名、网格员712名、人民调解员372名。",
        // A part's own breakdown in brackets after it.
        "全年办理行政处罚案件1500件，其中普通程序案件1226件（其中重大案件12件）、简易程序案件380件。",
        "2025年共受理行政复议申请8件，经审理，维持6件、确认违法1件、撤销2件。",
        "全年办理行政复议案件14件，依法作出维持决定9件、撤销决定3件、确认违法决定1件、终止2件。",
        // The kind with a qualifier, or both after the same words.
        "全年组织执法人员考试8610人，考核合格8600人、不合格23人。",
        "全年审查行政规范性文件5项，审核通过4项、未通过2项。",
        "全年检查药品经营企业412家次，检查结果符合要求的386家次、不符合要求的36家次。",
        "全年行政复议案件17件，复议机关维持原行政行为12件、撤销2件、终止4件。",
        "全年行政诉讼案件23件，一审判决驳回原告诉讼请求16件、原告撤诉5件、判决撤销3件。",
        // What a 清理 decides for each document.
        "共清理规范性文件86件，保留52件、修改19件、废止25件。",
        // A kind named with 以上 does not make the list partial.
        "全年抽查医疗机构1286家，其中二级以上医院86家、基层医疗卫生机构1172家、民营医疗机构30家。",
        // Outcomes, not steps: they do not narrow.
        "全年办结投诉举报230件，其中立案查处18件、责令整改75件、经核查不属实147件。",
        "全年受理医疗纠纷86件，调解成功72件、调解不成功16件。",
        // A part's own pair, named after it.
        "检查单位120家，其中医疗机构80家，医疗机构中合格78家、不合格5家。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
    assert_eq!(
        codes("共清理规范性文件12件，保留9件、修改2件、废止1件。"),
        Vec::<&str>::new()
    );
    for ok in [
        "全年共抽检食品样品8632批次，合格8400批次、不合格155批次。",
        "全年共抽检食品样品8632批次，合格8487批次、基本合格155批次。",
        "全年培训法律明白人1460名，其中村（社区）干部386名、网格员712名、人民调解员372名等。",
        "全年受理投诉236件，经核实，办结230件、回访212件。",
        // Each kind of unit split in turn.
        "检查单位120家，其中医疗机构80家，医疗机构合格76家、不合格4家，公共场所合格38家、不合格2家。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// "总数，甲、乙、丙分别为a、b、c": the names may leave kinds out, so only an excess is
/// reported.
#[test]
fn parts_named_before_fenbie() {
    for wrong in [
        "受理投诉举报236件，电话、网络、来信来访分别为130件、86件、30件。",
        "办理行政复议案件9件，维持、撤销、终止分别为6件、2件、2件。",
        "受理投诉举报236件，其中电话、网络举报分别为160件、86件。",
        "收到建议提案40件，建议和提案分别为18件和25件。",
        // A lead-in that says how the total is divided.
        "全年受理投诉举报243件，从来源看，电话、网络、来信分别为121件、72件、62件。",
        "全年受理投诉举报243件，按来源分，电话、网络、来信分别为121件、72件、62件。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
    for ok in [
        "受理投诉举报236件，电话、网络分别为130件、86件。",
        "收到建议提案50件，建议和提案分别为18件和25件。",
        "培训4期，参训人员、合格人员分别为300人、280人。",
        "全年办理行政复议案件14件，上年、前年分别为11件、9件。",
        "查处案件96件，警告、罚款、没收违法所得分别为80件、72件、25件。",
        "培训860人，参加线上、线下培训的分别为520人、420人，部分人员同时参加了两种形式的培训。",
        // The rest of a total after one of its parts; no counts; what was made.
        "受理投诉举报236件，其中来信来访30件，电话、网络分别为130件、76件。",
        "执法人员人均办理案件14.6件，最多、最少分别为23件、5件。",
        "审查合同协议58份，修改完善、出具法律意见书分别为40份、23份。",
        // A grouped figure whose comma the names' clause would split.
        "受理投诉共1,236件电话、网络分别为130件、86件。",
        "受理投诉举报236件，较上年增加120件，电话、网络分别为130件、86件。",
        "全年受理投诉举报243件，从来源看，电话、网络、来信分别为121件、72件、50件。",
        // Another clause between: not a lead-in.
        "全年受理投诉举报243件，已全部办结，电话、网络、来信分别为121件、72件、62件。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

#[test]
fn partial_lists_changes_and_enumerated_totals_are_not_sums() {
    for ok in [
        // A partial breakdown after 其中: a big gap, two or three parts.
        "合计4,286.7万元，其中基本公共卫生服务补助资金2,135.2万元、医疗服务补助资金1,208.5万元。",
        "全年受理诉求1,352件，其中咨询类582件、投诉类436件、建议类105件。",
        // The rest named without a figure.
        "共列入事项47项，其中行政许可19项、行政确认6项，其余为公共服务事项。",
        "共列入事项47项，其中行政许可19项、行政确认6项，其他为公共服务事项。",
        // The figure before 其中 is a change, not the total.
        "立案286件，较上年增加36件，其中简易程序42件、普通程序244件。",
        "罚款38.65万元，比上年多12.5万元，其中医疗机构26.15万元。",
        // The total is the whole enumeration before 其中.
        "办理人大代表建议18件、政协委员提案25件，其中主办件19件、协办件24件。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

#[test]
fn sum_messages_show_the_figures_as_written() {
    let text = with("合计4,286.7万元，其中甲项资金2,135.2万元、乙项资金2,208.5万元。");
    let d = &found_of("GW0401", &text_doc(&text))[0];
    assert_eq!(
        d.message,
        "“其中”所列分项之和为4,343.7万元（2,135.2万元+2,208.5万元），超过总数4,286.7万元"
    );
    // In the total's scale: not "36200万元" beside "3.5亿元".
    let text = with("投入资金3.5亿元，其中省级资金2.13亿元、市级资金1.49亿元。");
    let d = &found_of("GW0401", &text_doc(&text))[0];
    assert_eq!(
        d.message,
        "“其中”所列分项之和为3.62亿元（2.13亿元+1.49亿元），超过总数3.5亿元"
    );
}

#[test]
fn two_part_shortfall_is_a_warning() {
    let text = with("共受理投诉举报45件，其中办结32件、转办12件。");
    let d = &found_of("GW0401", &text_doc(&text))[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "“其中”所列分项之和为44件（32+12），与总数45件不符"
    );
    // Parts right after the total: no empty quotes for the word that is not there.
    let text = with("抽查公共场所260家，合格241家，不合格21家。");
    assert_eq!(
        crate::rules::messages_of("GW0401", &text)
            .into_iter()
            .map(|m| m.2)
            .collect::<Vec<_>>(),
        ["所列分项之和为262家（241+21），超过总数260家"]
    );
}

#[test]
fn selections_and_conventional_breakdowns_are_not_all_the_parts() {
    for sentence in [
        "立案1138件，其中数量居前三位的是医疗机构案件612件、公共场所案件318件、生活饮用水案件176件。",
        "受理投诉举报2456件，其中群众反映较为集中的是收费问题986件、医疗美容纠纷612件、公共场所卫生问题436件、职业病危害问题382件。",
        "全年立案612件，其中以医疗卫生类324件、公共卫生类271件、职业卫生类12件为主。",
        "全市共有医疗卫生机构5894家，其中医院298家、基层医疗卫生机构5467家、专业公共卫生机构86家。",
        "全市卫生技术人员9.86万人，其中执业（助理）医师3.72万人、注册护士4.41万人、药师（士）0.38万人、技师（士）0.52万人。",
        // The rest after a ；.
        "全年立案612件，其中医疗卫生类324件、公共卫生类271件、职业卫生类12件；放射卫生类案件5件。",
        // A paragraph of its own, indented as Word's text is.
        "全年审查重大行政决策3件。\n\u{3000}\u{3000}全县共有医疗卫生机构312个，其中医院11个、基层医疗卫生机构289个、专业公共卫生机构9个。",
        "全年审查重大行政决策3件。\n  全县卫生技术人员3512人，其中执业（助理）医师1386人、注册护士1642人、药师（士）168人。",
    ] {
        assert_eq!(codes(sentence), Vec::<&str>::new(), "{sentence}");
    }
    // What was done to such a stock is a count like any other; 为主 only in 以…为主.
    for wrong in [
        "全年监督检查医疗卫生机构120家，其中医院30家、诊所50家、卫生院39家。",
        "全年立案120件，其中医疗卫生类60件、公共卫生类50件、职业卫生类9件，执法以随机抽查为主。",
    ] {
        assert_eq!(codes(wrong), ["GW0401"], "{wrong}");
    }
    // More than the whole is still wrong.
    assert_eq!(
        codes(
            "全市共有医疗卫生机构5894家，其中医院298家、基层医疗卫生机构5667家、专业公共卫生机构86家。"
        ),
        ["GW0401"]
    );
}

#[test]
fn two_parts_that_leave_no_third_kind_are_the_whole() {
    let severities = |sentence: &str| {
        found_of("GW0401", &text_doc(&with(sentence)))
            .iter()
            .map(|f| f.severity)
            .collect::<Vec<_>>()
    };
    for short in [
        "共办理案件120件，其中简易程序80件、普通程序30件。",
        "全年办理行政处罚案件136件，其中简易程序案件41件、普通程序案件90件。",
        "抽检样品120份，其中合格80份、不合格30份。",
    ] {
        assert_eq!(severities(short), [Severity::Error], "{short}");
    }
    // The pair divides something other than the total.
    for other in [
        "报告法定传染病病例1526例，其中境外输入病例3例、境内其他省份输入病例12例。",
        "开展婚前医学检查1560人，其中男性检出异常12人、女性检出异常20人。",
    ] {
        assert_eq!(codes(other), Vec::<&str>::new(), "{other}");
    }
    // Two kinds that may leave others out stay quiet when far short.
    assert_eq!(
        codes("受理许可12846件，其中医师执业注册9512件、护士执业注册2874件。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("共办理案件120件，其中简易程序90件、普通程序30件。"),
        Vec::<&str>::new()
    );
}

#[test]
fn unit_mismatch_is_info_only_when_the_sum_agrees() {
    assert_eq!(
        codes("承办代表建议40项，其中主办19件、协办16件、分办5件。"),
        ["GW0414"]
    );
    assert_eq!(
        codes("承办代表建议40项，其中主办19件、协办16件、分办6件。"),
        Vec::<&str>::new()
    );
}

/// Two kinds with no third are the whole, with or without 其中, and with a verb repeated
/// before each.
#[test]
fn two_kinds_with_no_third() {
    for bad in [
        "全年共开展法治培训24场，线上9场、线下14场。",
        "全年共开展法治培训24场，线上培训9场、线下培训14场。",
        "立案查处违法案件186件，其中适用简易程序42件、适用普通程序140件。",
    ] {
        let found = found_of("GW0401", &text_doc(&with(bad)));
        assert_eq!(found.len(), 1, "{bad}");
        assert_eq!(found[0].severity, Severity::Error, "{bad}");
    }
    for ok in [
        "全年共开展法治培训24场，线上9场、线下15场。",
        "审查合同24份，男性9名、女性14名。",
        "全年共开展法治培训24场，线上9场、线下14场（1场线上线下同步进行）。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// A rate's base in the sentence before, when the sentence opens with its numerator.
#[test]
fn rate_with_its_base_in_the_sentence_before() {
    assert_eq!(
        codes("全年受理投诉举报436件。办结429件，办结率99.1%。"),
        ["GW0402"]
    );
    for ok in [
        "全年受理投诉举报436件。办结429件，办结率98.4%。",
        // The base is not sure: two named, a subgroup, or another rate between.
        "全年受理投诉举报436件，受理信访120件。办结429件，办结率99.1%。",
        "全年受理投诉举报436件。其中办结429件，办结率99.1%。",
        "全年受理投诉举报436件，办结率99.1%。办结429件，群众满意率97%。",
        // The numerator is another thing's.
        "全年受理行政许可436件。办结投诉429件，办结率99.1%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// More closed than received: only cases carried over explain it, which must be said.
#[test]
fn numerator_over_its_base() {
    let text = with("全年受理投诉举报358件，办结364件，办结率100%。");
    let found = found_of("GW0402", &text_doc(&text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        found[0].message,
        "办结364件多于受理投诉举报358件，办结率100%不能由这两个数字得出"
    );
    for ok in [
        "全年受理投诉举报358件，办结364件（含上年结转9件），办结率100%。",
        "新受理复议案件12件，审结15件（其中3件为以前年度受理），审结率100%。",
        "全年受理投诉举报358件，其中电话投诉200件，办结364件，办结率100%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// Shares that divide one whole add up to 100%: a kind of the rest or a pair says so.
#[test]
fn shares_of_one_whole_add_up() {
    let text = with("在办结的投诉中，医疗服务类占46.2%、公共卫生类占38.5%、其他类占18.3%。");
    let found = found_of("GW0402", &text_doc(&text));
    assert_eq!(
        found[0].message,
        "各项所占比例之和为103.0%（46.2%+38.5%+18.3%），超过了100%"
    );
    for bad in [
        "全年开展培训23场，其中线上培训占62%，线下培训占43%。",
        "全年开展培训23场，线上、线下分别占62%、43%。",
        "从来源看，电话、网络和其他渠道分别占52.1%、30.2%、15.7%。",
        "体检人员中，男性占52.3%、女性占48.7%。",
        // Kinds of one dimension do not overlap, listed in full or not.
        "从投诉内容看，医疗服务类占46.2%、公共卫生类占38.5%、职业卫生类占18.3%。",
    ] {
        assert_eq!(codes(bad), ["GW0402"], "{bad}");
    }
    for ok in [
        "在办结的投诉中，医疗服务类占46.2%、公共卫生类占38.5%、其他类占15.3%。",
        "全年开展培训23场，其中线上培训占62%，线下培训占38%。",
        // Within the rounding of the shares written.
        "抽检合格、不合格分别占97.5%、2.6%。",
        // Kinds that may overlap, or leave some out.
        "受理行政许可1,286件，其中网上办理占89.7%、即办件占32.0%。",
        "投诉中，医疗服务类占46.2%、公共卫生类占38.5%。",
        "投诉中，医疗服务类占46.2%、网上投诉占58.5%。",
        "参训人员中，线上培训占62%，线下培训占43%（部分人员同时参加）。",
        "在办结的投诉中，医疗服务类约占46%、公共卫生类占38.5%、其他类占16.3%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// A rate short of 100% may be cut rather than rounded, not to claim 100%; written 100%,
/// it is told how many places show it short.
#[test]
fn a_rate_short_of_all_is_cut_not_rounded_up() {
    assert_eq!(
        codes("受理3624件，办结3623件，办结率99.9%。"),
        Vec::<&str>::new()
    );
    assert_eq!(codes("受理3624件，办结3623件，办结率99.8%。"), ["GW0402"]);
    for written in ["100%", "100.0%"] {
        let found = found_of(
            "GW0402",
            &text_doc(&with(&format!("受理3624件，办结3623件，办结率{written}。"))),
        );
        assert_eq!(
            found.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
            [format!(
                "办结率应为99.97%（3623÷3624≈99.97%），与所写的{written}不符"
            )]
        );
    }
    // A cut is no excuse away from 100%: 95.36% is 95.4%.
    assert_eq!(codes("抽查1726家，合格1646家，合格率95.3%。"), ["GW0402"]);
}

/// A wrong rate is divided by the base it comes nearest, never by the numerator's
/// opposite ("合格198家" is no base of 不合格).
#[test]
fn a_wrong_rate_names_its_likely_base() {
    for (sentence, message) in [
        (
            "全年抽检医疗机构287家，其中合格198家，不合格89家，不合格率为40.4%。",
            "不合格率应为31.0%（89÷287≈31.01%），与所写的40.4%不符",
        ),
        (
            "监督检查公共场所720家，其中医疗机构286家，合格272家，合格率97.1%。",
            "合格率应为95.1%（272÷286≈95.1%），与所写的97.1%不符",
        ),
        (
            "检查医疗机构418家，合格398家，不合格20家，已整改18家，整改率95%。",
            "整改率应为90%（18÷20=90%），与所写的95%不符",
        ),
        (
            "受理投诉120件，其中电话投诉80件，办结118件，办结率97.5%。",
            "办结率应为98.3%（118÷120≈98.33%），与所写的97.5%不符",
        ),
    ] {
        let found = found_of("GW0402", &text_doc(&with(sentence)));
        assert_eq!(found.len(), 1, "{sentence}");
        assert_eq!(found[0].message, message, "{sentence}");
    }
}

#[test]
fn rates_against_counts() {
    assert_eq!(codes("受理1526件，办结1498件，办结率100%。"), ["GW0402"]);
    // A grade given: 评定 names no other thing.
    assert_eq!(
        codes("组织评查行政处罚案卷120卷，评定优秀案卷18卷，优秀率20%。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("组织评查行政处罚案卷120卷，评定优秀案卷18卷，优秀率15%。"),
        Vec::<&str>::new()
    );
    // The count may follow the rate in its sentence.
    assert_eq!(codes("受理投诉326件，办结率100%，办结319件。"), ["GW0402"]);
    assert_eq!(
        codes("受理投诉326件，办结率97.9%，办结319件。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("受理投诉326件，办结率100%。办结319件。"),
        Vec::<&str>::new()
    );
    assert_eq!(codes("抽查720家，合格684家，合格率96%。"), ["GW0402"]);
    // The stem before the noun the whole is counted in.
    assert_eq!(
        codes("评查案卷120卷，优秀案卷43卷，优秀率38.5%。"),
        ["GW0402"]
    );
    // A rate that names what is counted first, and a count that names the rate's word first.
    assert_eq!(
        codes("受理热线工单612件，办结598件，群众诉求办结率100%。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("受理医疗纠纷45件，成功调解42件，成功率95.3%。"),
        ["GW0402"]
    );
    // A scale that does not make the rate, and a rate of the rest that is wrong.
    assert_eq!(
        codes("对46家机构开展评价，优秀12家、良好21家、合格11家、不合格2家，合格率90%。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("抽检中药饮片210批次，合格206批次，不合格率2.9%。"),
        ["GW0402"]
    );
    for wrong in [
        "抽检12,500批次，检出不合格样品275批次，样品合格率96.8%。",
        "发现问题83个，尚未完成整改3个，整改率94.6%。",
        "受理群众诉求1,426件，未能办结6件，办结率98.6%。",
        "全年抽检食品2380批次，不合格87批次，不合格率3.1%。",
        // A rate swapped for the rest's is still wrong.
        "抽检样品210批次，不合格6批次，合格率2.9%。",
        "发现问题83个，尚未完成整改4个，整改率4.8%。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
    assert_eq!(
        found_of(
            "GW0402",
            &text_doc(&with("发现问题83个，尚未完成整改3个，整改率94.6%。"))
        )[0]
        .message,
        "整改率应为96.4%（(83−3)÷83≈96.39%），与所写的94.6%不符"
    );
    // The figures as the text groups them.
    assert_eq!(
        found_of(
            "GW0402",
            &text_doc(&with("受理投诉1,526件，办结1,498件，办结率100%。"))
        )[0]
        .message,
        "办结率应为98.2%（1,498÷1,526≈98.17%），与所写的100%不符"
    );
    // A list of kinds that does not make the whole: both readings, and the gap, are said.
    let text = with("评查案卷80卷，优秀20卷、良好40卷、合格18卷，合格率100%。");
    let found = found_of("GW0402", &text_doc(&text));
    assert_eq!(
        found[0].message,
        "合格率100%与所列数字不符：按“合格18卷”计为22.5%，按所列各项之和78卷计为97.5%"
    );
    // An earlier rate in the sentence does not hide this one's base.
    assert_eq!(
        codes("发现问题112户次，问题发现率8.1%，已整改109户次，整改率99.3%。"),
        ["GW0402"]
    );
    // Only grades listed together add up: a count of problems is no grade.
    assert_eq!(
        codes("共抽检食品120批次，发现问题10批次，合格100批次，合格率91.7%。"),
        ["GW0402"]
    );
    for ok in [
        "评查案卷120卷，优秀案卷43卷，优秀率35.8%。",
        // 合格 takes 优秀 and 合格 together.
        "抽查案卷860卷，其中优秀案卷214卷、合格案卷612卷、不合格案卷34卷，合格率96.0%。",
        "受理1818件，办结1818件，办结率100％，群众满意度100％。",
        "抽查720家，合格684家，合格率95%。",
        "受理医疗纠纷214件，调解成功198件，调解成功率92.5%。",
        "受理48件，调解成功45件，调解成功率93.8%。",
        "应出庭6件，负责人出庭6件，出庭应诉率100%。",
        // A rate of what the count's deed produced, not of the deed.
        "检查单位6,520户次，其中“双随机”抽查1,304户次，抽查任务完成率100%。",
        "检查单位6,520户次，其中“双随机”抽查1,304户次，抽查结果公示率100%。",
        "受理许可申请1,286件，其中网上受理1,100件，受理事项公开率100%。",
        "执法人员418人，其中参加培训396人，培训考试合格率100%。",
        "全年检查6,520户次，其中双随机抽查1,304户次，抽查完成率100%。",
        "全年监督检查6,520户次，其中重点检查1,304户次，检查覆盖率100%。",
        "全年作出行政处罚486件，其中听证12件，听证告知率100%。",
        "全年作出行政处罚486件，其中法制审核120件，重大执法决定法制审核率100%。",
        "受理1392件，办结1392件，办结率100%，提前办结率达86.4%。",
        "应考1847人，实考1847人，参考率100%。",
        "发现问题312个，已整改307个，整改率98.4%。",
        "合格率由90%提高到95%。",
        "受理1526件，办结1498件，其中按期办结1400件，办结率98.2%。",
        // Counts the rate's word does not name, or narrows.
        "抽检中药饮片240批，检出不合格6批，合格率97.5%。",
        "受理投诉83件，办结81件，办结率97.6%，其中按期办结79件，按期办结率97.5%。",
        "受理投诉83件，办结81件，按期办结率95.2%。",
        "评查案卷30卷，其中优秀12卷、良好10卷、合格8卷，合格率100%。",
        "其中优秀案卷12卷、良好案卷10卷、合格案卷8卷，合格率100%。",
        "受理医疗纠纷45件，成功调解42件，成功率93.3%。",
        "受理申请100件，已办结81件，其中未按期办结2件，按期办结率97.5%。",
        "行政复议案件审结7件，维持5件，纠错2件，纠错率28.6%。",
        "承办12345工单3862件，办结3851件，回访3520件，回访率91.4%。",
        "受理投诉举报327件，办结325件，查实184件，查实率56.6%。",
        // Scales: the whole is before the list, and a run of grades may make the rate.
        "评定优秀12家、良好21家、合格11家、不合格2家，合格率95.7%。",
        "对46家机构开展评价，优秀12家、良好21家、合格13家，合格率100%。",
        "回访2000人次，满意1720人次、基本满意230人次、不满意50人次，满意率97.5%。",
        "回访900人，非常满意612人、满意268人、一般16人、不满意4人，满意率97.8%。",
        "回访2000人次，满意1720人次、基本满意230人次、不满意50人次，不满意率2.5%。",
        "行政诉讼案件6件，胜诉5件、败诉1件，败诉率16.7%。",
        // A rate of the rest, named for it.
        "抽检中药饮片210批次，合格206批次，不合格率1.9%。",
        "抽检120批次，达标114批次，不达标率5.0%。",
        "全年抽检食品2380批次，不合格87批次，不合格率3.7%。",
        // A count of the rest before a rate of the whole, in other words.
        "抽检12,500批次，检出不合格样品275批次，样品合格率97.8%。",
        "评查案卷120卷，其中优秀案卷30卷，合格案卷84卷，不合格案卷6卷，案卷合格率95%。",
        "回访群众3.2万人次，不满意群众96人次，群众满意率99.7%。",
        "发现问题83个，尚未完成整改3个，整改率96.4%。",
        "发现问题83个，整改未到位3个，整改率96.4%。",
        "发现问题83个，仍在整改3个，整改率96.4%。",
        "受理群众诉求1,426件，未能办结6件，办结率99.6%。",
        // A noun that holds 不 or 无 is no count of the rest.
        "受理不动产登记申请5000件，不动产登记办结4950件，办结率99%。",
        // Another period, place or target; a subgroup after the whole.
        "抽检222份，合格216份，合格率97.3%，上年同期合格率为95.9%。",
        "受理5218件，办结5164件，办结率99.0%，高于2024年办结率98.4%。",
        "抽检360份，合格354份，合格率98.3%，全省平均合格率为96.9%。",
        "抽检360份，合格354份，合格率98.3%，目标合格率95%。",
        "抽检360份，合格354份，合格率98.3%，其中农村水样140份，合格136份，合格率97.1%。",
        "抽检360份，合格354份，合格率98.3%，其中农村水样合格率97.1%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// The findings of GW0402 on one sentence: (severity, message).
fn share_findings(sentence: &str) -> Vec<(Severity, String)> {
    found_of("GW0402", &text_doc(&with(sentence)))
        .into_iter()
        .map(|f| (f.severity, f.message))
        .collect()
}

/// 纠错率 counts 撤销, 变更, 确认违法 … together, checked when the list of decisions
/// accounts for every case; a warning, since some count 调解 and 和解 too.
#[test]
fn a_correction_rate_is_of_the_corrections_together() {
    assert_eq!(
        share_findings("审结行政复议案件20件，其中维持15件、撤销3件、确认违法2件，纠错率20%。"),
        [(
            Severity::Warning,
            "纠错率应为25%（(3+2)÷20=25%），与所写的20%不符".to_owned()
        )]
    );
    for ok in [
        "审结行政复议案件20件，其中维持15件、撤销3件、确认违法2件，纠错率25%。",
        "审结行政复议案件20件，其中维持18件、终止2件，直接纠错率0%。",
        // Not every case listed: the rest may be corrections.
        "审结行政复议案件20件，其中维持12件、撤销3件，纠错率25%。",
        // Another measure, and kinds that are no decisions.
        "审结行政复议案件20件，其中维持15件、撤销3件、调解2件，综合纠错率25%。",
        "审结行政复议案件20件，其中区级10件、镇级10件，纠错率25%。",
        // Another period, place or benchmark; a basis stated after the rate.
        "审结行政复议案件20件，其中维持15件、撤销3件、确认违法2件，上年纠错率18%。",
        "审结行政复议案件20件，其中维持15件、撤销3件、确认违法2件，全市纠错率18%。",
        "审结行政复议案件20件，其中维持16件、撤销2件、终止2件，纠错率20%（含调解结案）。",
        // A decision with its object is still that decision.
        "审结行政复议案件20件，其中维持15件、撤销原行政行为3件、确认违法2件，纠错率25%。",
        "审结行政复议案件20件，其中维持15件、撤销3件、责令履行法定职责2件，纠错率25%。",
        "审结行政复议案件20件，其中依法维持15件、依法撤销3件、依法确认违法2件，纠错率25%。",
        // Over the cases decided on their merits: 3÷(20−5).
        "审结行政复议案件20件，其中维持12件、撤销3件、终止5件，纠错率20%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // With no such list, the rate is of the count named 纠错.
    assert_eq!(
        codes("审结行政复议案件16件，其中撤销、变更、确认违法等纠错3件，纠错率13.8%。"),
        ["GW0402"]
    );
}

/// "占所提意见的": the base is the count that names the opinions among other things
/// ("收到意见建议56条"), when none is named by them alone.
#[test]
fn a_share_of_what_was_raised() {
    assert_eq!(
        share_findings("收到意见建议56条，采纳42条，占所提意见的80%。"),
        [(
            Severity::Error,
            "所占比例应为75%（42÷56=75%），与所写的80%不符".to_owned()
        )]
    );
    assert_eq!(
        codes("收到意见建议56条，采纳42条，占所提意见的75%。"),
        Vec::<&str>::new()
    );
    // The total of the breakdown, named like the opinions, is the whole.
    assert_eq!(
        codes("提出修改意见47条，其中被采纳45条，占所提意见的97.5%。"),
        ["GW0402"]
    );
    // A count named by the opinions alone may be the whole meant: too unsure to call.
    assert_eq!(
        codes("收到意见建议100条，其中意见60条、建议40条，采纳意见48条，占所提意见的80%。"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_share_with_no_base_named_is_of_the_total_its_qizhong_follows() {
    let found = share_findings("受理行政许可1286件，其中即办件412件，占23.0%。");
    assert_eq!(
        found,
        [(
            Severity::Error,
            "所占比例应为32.0%（412÷1286≈32.04%），与所写的23.0%不符".to_owned()
        )]
    );
    // The total's growth, or its own breakdown in brackets, may stand between.
    for wrong in [
        "全县卫生健康财政投入3.68亿元，较上年增长6.4%，其中基层医疗卫生机构投入2.17亿元，占50.9%。",
        "办理许可及备案2415件（许可1637件、备案778件），其中即办件1093件，占54.3%。",
        "进驻事项58项，其中行政许可31项、其他27项；即办事项41项，占75.7%。",
        // Last year's figure is no base.
        "办件2415件，较上年的2210件增长9.3%，其中即办件1093件，占49.5%。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
    for right in [
        "受理行政许可1286件，其中即办件412件，占32.0%。",
        "受理行政许可1286件，其中即办件412件，占比32%。",
        "全县卫生健康财政投入3.68亿元，较上年增长6.4%，其中基层医疗卫生机构投入2.17亿元，占59.0%。",
        "办理许可及备案2415件（许可1637件、备案778件），其中即办件1093件，占45.3%。",
        // Of another total the sentence gives.
        "受理投诉327件，办结325件，其中当场办结200件，占61.5%。",
        "办件2415件，较上年的2210件增长9.3%，其中即办件1093件，占45.3%。",
        // Approximate, or with no larger count to be a share of.
        "其中即办件412件，约占三成。",
        "新增执法人员12人，其中女性5人，占全市新增的20%。",
        "全局执法人员12人。女性执法人员45人次参训，占40%。",
    ] {
        assert_eq!(codes(right), Vec::<&str>::new(), "{right}");
    }
}

#[test]
fn a_share_with_no_qizhong_is_checked_against_the_counts_before_it_as_a_warning() {
    let found = share_findings("立案159件，同比增长3.8%；结案152件。一般程序案件134件，占83.4%。");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, Severity::Warning);
    assert!(found[0].1.contains("134÷159"), "{}", found[0].1);
    assert_eq!(
        codes("立案159件，同比增长3.8%；结案152件。一般程序案件134件，占84.3%。"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_share_of_a_total_named_or_written_inline() {
    let found = share_findings("受理投诉327件，其中医疗服务类184件，占受理总数的65.3%。");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].1.starts_with("所占比例应为56.3%（184÷327"),
        "{}",
        found[0].1
    );
    // Money is shown in 万元.
    let found = share_findings("罚没款83.26万元，其中医疗机构类51.40万元，占罚没款总额的67.1%。");
    assert_eq!(
        found[0].1,
        "所占比例应为61.7%（51.4万元÷83.26万元≈61.73%），与所写的67.1%不符"
    );
    for wrong in [
        "开展联合抽查42次，占全部抽查批次135次的13.1%。",
        "全年有412件许可事项实现即来即办，占全年受理总量（1286件）的23.0%。",
        "四季度受理投诉举报402件，环比下降8.6%，占全年受理总量1526件的23.6%。",
        "全年办理行政处罚案件214件，其中适用简易程序案件78件，比重为40.7%。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
    for right in [
        "受理投诉327件，其中医疗服务类184件，占受理总数的56.3%。",
        "罚没款83.26万元，其中医疗机构类51.40万元，占罚没款总额的61.7%。",
        "开展联合抽查42次，占全部抽查批次135次的31.1%。",
        "新建规范化村卫生室23个，占全县村卫生室总数的15.3%。",
        "全年有412件许可事项实现即来即办，占全年受理总量（1286件）的32.0%。",
        "四季度受理投诉举报402件，环比下降8.6%，占全年受理总量1526件的26.3%。",
        "全年办理行政处罚案件214件，其中适用简易程序案件78件，比重为36.4%。",
        // Another scope than the report's.
        "全年查处违法案件159件，其中无证行医案件27件，占全市同类案件的31.4%。",
    ] {
        assert_eq!(codes(right), Vec::<&str>::new(), "{right}");
    }
}

#[test]
fn respective_shares_are_each_of_the_whole() {
    let found =
        share_findings("即办件、承诺件分别为628件、1143件，合计1771件，分别占53.5%、46.5%。");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].1.starts_with("所占比例应为35.5%（628÷1771"),
        "{}",
        found[0].1
    );
    assert_eq!(
        codes(
            "受理复议申请17件，审结16件；其中维持、驳回分别为10件、3件，分别占审结案件的58.8%、18.8%。"
        ),
        ["GW0402"]
    );
    // Without a total, shares that make 100% say the parts are the whole.
    assert_eq!(
        codes("即办件、承诺件分别为628件、1143件，分别占53.5%、46.5%。"),
        ["GW0402", "GW0402"]
    );
    for right in [
        "即办件、承诺件分别为628件、1143件，合计1771件，分别占35.5%、64.5%。",
        "即办件、承诺件分别为628件、1143件，分别占35.5%、64.5%。",
        // Kinds that overlap: each its own share of the whole.
        "受理行政许可1286件，其中网上办理1153件、即办件412件，分别占89.7%、32.0%。",
        // Of another whole, not written.
        "立案159件、结案152件，分别占全市的12.3%、11.9%。",
        // Of the whole named.
        "受理复议申请17件，审结16件；其中维持、驳回分别为10件、3件，分别占审结案件的62.5%、18.8%。",
    ] {
        assert_eq!(codes(right), Vec::<&str>::new(), "{right}");
    }
}

#[test]
fn a_refused_count_is_the_rest_of_the_rate_s_whole() {
    for right in [
        "全年收到行政许可申请1,118件，不予受理26件，受理率97.67%。",
        "全年收到政府信息公开申请42件，不予公开3件，公开率92.86%。",
    ] {
        assert_eq!(codes(right), Vec::<&str>::new(), "{right}");
    }
    assert_eq!(
        codes("全年收到行政许可申请1,118件，不予受理26件，受理率96.67%。"),
        ["GW0402"]
    );
}

#[test]
fn a_rate_keeps_the_precision_it_is_written_in() {
    let found = share_findings("电话回访3520件，满意3415件，满意率99.0%。");
    assert_eq!(
        found[0].1,
        "满意率应为97.0%（3415÷3520≈97.02%），与所写的99.0%不符"
    );
    assert_eq!(
        codes("受理行政许可1286件，网上办理1153件，网办率87.9%。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("受理行政许可1286件，网上办理1153件，网办率89.7%。"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_rate_s_base_may_stand_before_a_semicolon_of_its_sentence() {
    for wrong in [
        "全年立案查处违法案件159件，同比增长3.9%；结案152件，结案率96.5%。",
        "全年办理12345热线工单2904件，同比增长12.3%；按期办结2861件，按期办结率95.8%。",
        "受理行政许可1286件，网上办理1153件，网办率89.7%；按期办结1279件，按期办结率95.9%。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
    let f = found_of(
        "GW0402",
        &text_doc(&with(
            "全年办理行政处罚案件447件，其中适用简易程序114件、普通程序333件；普通程序案件已结案324件，结案率95.3%。",
        )),
    );
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        ["结案率应为97.3%（324÷333≈97.3%），与所写的95.3%不符"]
    );
    for right in [
        "全年立案查处违法案件159件，同比增长3.9%；结案152件，结案率95.6%。",
        // Of either base the sentence names.
        "受理投诉举报1526件，办结1498件，办结率98.2%；其中按期办结1476件，按期办结率96.7%。",
        // Not of a figure of last year.
        "受理投诉1526件，较上年的1459件增加67件；按期办结1476件，按期办结率96.7%。",
        // A base of its own clause group wins.
        "检查单位1200户次；培训执法人员320人次，考试合格312人次，合格率97.5%。",
        // Of the kind the numerator names, counted before the ；.
        "全年办理行政处罚案件447件，其中适用简易程序114件、普通程序333件；普通程序案件已结案324件，结案率97.3%。",
        // The same doing with a rate of its own: another quota.
        "完成国家双随机监督抽查任务1,245户，任务完成率100%；完成省级抽查任务672户，完成率108.4%。",
    ] {
        assert_eq!(codes(right), Vec::<&str>::new(), "{right}");
    }
}

#[test]
fn a_rate_written_before_its_counts() {
    for wrong in [
        "投诉举报办结率100%（受理1,526件，办结1,498件）。",
        "全年办结率达100%，共受理投诉1,526件，办结1,498件。",
        "按时办结率98.5%，受理投诉134件，按时办结130件。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
    let f = found_of(
        "GW0402",
        &text_doc(&with("办结率100%（受理1,526件，办结1,498件）。")),
    );
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        ["办结率应为98.2%（1,498÷1,526≈98.17%），与所写的100%不符"]
    );
    for right in [
        "办结率100%（受理1,526件，办结1,526件）。",
        "抽检合格率95%，抽检样品200份，不合格10份。",
        // A part of the base, another year's figures, a growth between: not its counts.
        "办结率98.2%（受理1,526件，其中办结1,498件）。",
        "办结率100%，较上年受理1,526件增加60件，办结1,498件。",
        "上年办结率100%（受理1,526件，办结1,498件）。",
        "办结率100%，同比增长5%，受理1,526件，办结1,498件。",
        // Counts in the next sentence are not the rate's.
        "办结率100%。受理1,526件，办结1,498件。",
        // A rate of something else than the counts after it.
        "群众满意率98.5%，受理投诉1,526件，办结1,498件。",
    ] {
        assert_eq!(codes(right), Vec::<&str>::new(), "{right}");
    }
}

#[test]
fn shares_against_counts() {
    assert_eq!(
        codes("制定本部门计划9个，制定多部门联合工作计划7个。联合计划占总计划的43％。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("制定本部门计划9个，制定多部门联合工作计划7个。联合计划占总计划的44％。"),
        Vec::<&str>::new()
    );
    // One of the kind is the others' total: the share is of it.
    let total =
        "组织评查行政处罚案卷120卷，评定优秀案卷18卷、合格案卷102卷，优秀案卷占评查案卷总数的";
    assert_eq!(codes(&format!("{total}15%。")), Vec::<&str>::new());
    let f = found_of("GW0402", &text_doc(&with(&format!("{total}20%。"))));
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        ["所占比例应为15%（18÷120=15%），与所写的20%不符"]
    );
    assert_eq!(
        codes("受理办件863件，网上申请办件653件，占全部办件的76.7%。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("受理办件863件，网上申请办件653件，占全部办件的75.7%。"),
        Vec::<&str>::new()
    );
}

/// A rate of what is done with a part, with no count of it done: no base to check.
#[test]
fn a_rate_of_dealing_with_a_part_has_no_numerator_in_the_part() {
    assert_eq!(
        codes("全年受理群众诉求1,352件，其中投诉436件，投诉办结率100%。"),
        Vec::<&str>::new()
    );
    // Its own count of the deed is still checked.
    assert_eq!(
        codes("全年受理群众诉求1,352件，其中投诉436件，办结420件，投诉办结率100%。"),
        ["GW0402"]
    );
}

#[test]
fn rates_over_100_except_growth() {
    assert_eq!(codes("群众满意率达到102%。"), ["GW0403"]);
    assert_eq!(codes("整改完成率120%。"), ["GW0403"]);
    assert_eq!(codes("整改任务完成率为120%。"), ["GW0403"]);
    assert_eq!(codes("异地就医直接结算率达到103%。"), ["GW0403"]);
    assert_eq!(codes("行政许可事项网上办理占比达到105%。"), ["GW0403"]);
    // Nothing counted falls below zero.
    assert_eq!(codes("投诉举报件数同比下降120%。"), ["GW0403"]);
    assert_eq!(codes("行政复议案件比上年减少了105.3%。"), ["GW0403"]);
    assert_eq!(codes("全年医疗纠纷发生数降幅达150%。"), ["GW0403"]);
    assert_eq!(codes("全年行政复议纠错率为120%。"), ["GW0403"]);
    // What the sentence exceeds, or a plan it names for another rate, leaves these capped.
    assert_eq!(codes("年度计划完成率98%，整改完成率120%。"), ["GW0403"]);
    assert_eq!(
        codes("整改完成率100%，群众满意率103%，超额完成年度目标。"),
        ["GW0403"]
    );
    assert_eq!(codes("群众满意度达104%（含流动人口）。"), ["GW0403"]);
    // A range's end is the rate its start names.
    assert_eq!(codes("各批次抽检合格率95%～102%。"), ["GW0403"]);
    assert_eq!(codes("各批次抽检合格率为95%至102%。"), ["GW0403"]);
    let found = found_of(
        "GW0403",
        &text_doc(&with("行政复议案件比上年减少了105.3%。")),
    );
    assert_eq!(found[0].message, "“减少了105.3%”，降幅超过了100%");
    for ok in [
        "网上办件量同比增长126.5%。",
        "投诉举报件数同比下降100%，全年未发生投诉。",
        "平均办理时限下降至上年的120%以内。",
        "医院亏损额同比减少120%，实现扭亏为盈。",
        "投诉举报件数同比下降12.0%。",
        "网上办理占比同比提高120%。",
        "办结率同比提高120%。",
        "病床使用率105%。",
        "完成率超额达到120%。",
        // Measured against a plan or a quota, or said to be over on purpose.
        "年度计划完成率为112%。",
        "全民参保扩面任务完成率108.0%。",
        "城镇新增就业完成率124.4%。",
        "集采药品约定采购量完成率为128.6%，超额完成约定任务。",
        "年度计划抽查932户次，实际抽查1048户次，完成率112.4%。",
        "年度目标12万人，实际签约12.43万人，完成率103.6%。",
        "家庭医生签约服务覆盖率102.5%（含流动人口）。",
        "各批次抽检合格率95%～100%。",
        "各地门诊量同比增长95%～120%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

#[test]
fn year_ranges() {
    assert_eq!(codes("制定工作方案(2020-2121年)。"), ["GW0404"]);
    assert_eq!(codes("落实规划（2025—2021年）。"), ["GW0404"]);
    // A range inside a longer number's match, and two ranges back to back.
    assert_eq!(codes("规划期为12019—2020年—2150年。"), ["GW0404"]);
    assert_eq!(codes("规划2010—2150年2020—2190年。"), ["GW0404", "GW0404"]);
    for ok in [
        "落实《法治政府建设实施纲要（2021—2025年）》。",
        "编制规划（2024—2030年）。",
        "对2000—2024年制发的规范性文件开展全面清理。",
        "工作时间8:30至17:30，热线0571-2020。",
        "备案号浙ICP备2021-2099号。",
        // History up to the reported year (2024 in these tests).
        "组织编纂《某市卫生志（1949—2020年）》。",
        "做好建院70周年（1955—2025年）纪念活动。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

#[test]
fn far_years_are_typos() {
    assert_eq!(codes("2205年，我委坚持依法行政。"), ["GW0416"]);
    assert_eq!(codes("印发《2205年度普法工作要点》。"), ["GW0416"]);
    assert_eq!(codes("2520年3月，修订制度2项。"), ["GW0416"]);
    assert_eq!(codes("全年，2205年3月印发方案。"), ["GW0416"]);
    assert_eq!(
        codes("印发《青禾市卫生健康委员会2205年法治政府建设工作要点》。"),
        ["GW0416"]
    );
    // One typo, one finding: the range and 本年度（…） rules have it.
    assert_eq!(codes("落实规划（2021—2205年）。"), ["GW0404"]);
    assert_eq!(codes("编制规划（2205—2206年）。"), ["GW0416"]);
    assert_eq!(codes("本年度（2205年）审查文件3件。"), ["GW0416"]);
    // 截至, 到 and a month's 至 before a date, not a range's start.
    assert_eq!(codes("截至2205年底，全市共有执法人员86人。"), ["GW0416"]);
    assert_eq!(codes("到2205年，全市建成。"), ["GW0416"]);
    assert_eq!(codes("2025年7月至2205年12月集中整治。"), ["GW0416"]);
    // A digit too many.
    assert_eq!(
        codes("20224年，我局重大行政决策全部履行法定程序。"),
        ["GW0416"]
    );
    assert_eq!(codes("印发《20245年度普法工作要点》。"), ["GW0416"]);
    // And a digit too few.
    assert_eq!(
        codes("202年，我局重大行政决策全部履行法定程序。"),
        ["GW0416"]
    );
    assert_eq!(codes("截至202年底，全市共有执法人员86人。"), ["GW0416"]);
    for ok in [
        "建院200年，医院始终坚持公益性。",
        "累计服务205年人次。",
        "全市有执法人员202人。",
        "已运行20000年。",
        "累计服务12024年人次。",
        "中医药有2500年历史，传承长达2100年之久。",
        "距今2300年前的医书。",
        "都江堰水利工程持续运行2280年，传承2300年的中医药文化，建城历时2200年。",
        "公元前2100年建城。",
        "新增床位2200张，2025年完成。",
        "编号12205年。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
}

/// The achievements dated after the report was written (GW0417); the report is dated
/// 2025年1月20日.
#[test]
fn achievements_after_the_date_of_writing() {
    assert_eq!(
        codes("2025年3月，制定《青禾市卫生健康行政处罚程序规定》。"),
        ["GW0417"]
    );
    assert_eq!(codes("2025年3月，组织实施专项执法行动。"), ["GW0417"]);
    // The month of writing (2025年1月20日): later by the day.
    assert_eq!(codes("2025年1月25日，召开年度总结会。"), ["GW0417"]);
    for ok in [
        "2025年1月15日，召开年度总结会。",
        "计划于2025年3月前出台《青禾市卫生健康行政处罚程序规定》。",
        "印发《规定》，自2025年3月1日起施行。",
        "首批“法治医院”示范单位定于2025年3月授牌。",
        "市公共卫生临床中心项目完成立项，有望于2025年6月主体完工。",
        "印发专项整治方案，明确于2025年3月开展集中整治。",
        "部署于2025年4月完成自查。",
        "落实《青禾市2025年3月专项整治方案》。",
        "开展专项整治（2024年10月至2025年3月）。",
        "2025年1月，完成年度考核。",
        // Adopted in the year, in force after it.
        "该办法于2024年12月印发，自2025年3月1日施行，有效期5年。",
        "《条例》经审议通过，于2025年3月1日正式实施。",
        "新标准2025年2月1日生效。",
        "针对2025年2月实施的《行政执法监督条例》，及时组织学习。",
        // A date that leads a clause of its own.
        "2025年3月，将组织开展专项执法检查。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // The next year's plans may name any month of it.
    let text = GOOD_REPORT.replace(
        "继续完善依法决策机制，提升依法行政水平。",
        "2025年3月，修订重大行政决策程序规定。",
    );
    assert_eq!(codes_of("GW0417", &text), []);
}

#[test]
fn relative_and_section_years() {
    assert_eq!(codes("本年度（2023年）共受理投诉12件。"), ["GW0405"]);
    assert_eq!(
        codes("本年度（2024年）共受理投诉12件。"),
        Vec::<&str>::new()
    );
    assert_eq!(codes("明年（2025年）将继续推进。"), Vec::<&str>::new());
    // 今年 and 去年 are said from the day of writing (2025年1月20日) or of the report's
    // year; a quotation is another document's words.
    assert_eq!(codes("去年（2022年）受理投诉12件。"), ["GW0405"]);
    // A word of another year says which year it should be.
    let found = found_of("GW0405", &text_doc(&with("下一年度（2024年）将继续推进。")));
    assert_eq!(
        found[0].message,
        "“下一年度（2024年）”注明的是2024年，但报告年度是2024年，“下一年度”应是2025年"
    );
    for ok in [
        "今年（2025年）1月，已印发工作要点。",
        "去年（2023年）受理投诉12件。",
        "上年度（2023年）受理投诉12件。",
        "通知要求“本年度（2023年）完成清理”。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    let wrong = GOOD_REPORT.replace("四、2025年推进", "四、2024年推进");
    assert_eq!(codes_of("GW04", &wrong), [("GW0406", 10)]);
    // The shortfalls' heading, and a part's first paragraph, left from last year's.
    let wrong = GOOD_REPORT.replace("二、存在的不足", "二、2023年推进法治政府建设存在的不足");
    assert_eq!(codes_of("GW04", &wrong), [("GW0406", 6)]);
    let plan = "继续完善依法决策机制，提升依法行政水平。";
    let wrong = GOOD_REPORT.replace(plan, "2024年，我委将继续完善依法决策机制。");
    assert_eq!(codes_of("GW04", &wrong), [("GW0406", 11)]);
    for ok in [
        "2025年，我委将继续完善依法决策机制。",
        "2024年，我委制定了三年行动方案。2025年，我委将继续推进。",
        // Looking back before the plans.
        "2024年，我委依法行政取得成效。下一步，我委将继续完善依法决策机制。",
    ] {
        assert_eq!(codes_of("GW04", &GOOD_REPORT.replace(plan, ok)), [], "{ok}");
    }
    // Every part names the next year: the title's year was left unchanged.
    let stale_title = GOOD_REPORT.replacen("2024年法治", "2023年法治", 1);
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", stale_title.clone());
    let f = found_of("GW0406", &doc);
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].line, f[0].text.as_str()), (1, "2023"));
    assert!(f[0].message.contains("报告的是2024年"), "{}", f[0].message);
    // The parts alone say so when the opening names no year.
    let unopened = stale_title.replacen("2024年，我委坚持", "我委坚持", 1);
    let doc = Document::from_text("t.txt", Format::Text, "utf-8", unopened);
    let f = found_of("GW0406", &doc);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .contains("各部分标题和成文日期表明报告的是2024年"),
        "{}",
        f[0].message
    );
    // Headings left from last year, the title and the 成文日期 right: the headings are wrong.
    let stale_parts = GOOD_REPORT
        .replacen("一、2024年推进", "一、2023年推进", 1)
        .replacen("四、2025年推进", "四、2024年推进", 1);
    assert_eq!(
        codes_of("GW04", &stale_parts),
        [("GW0406", 4), ("GW0406", 10)]
    );
}

/// A change in percentage points is the difference of the two percentages.
#[test]
fn percentage_points() {
    let found = found_of(
        "GW0402",
        &text_doc(&with(
            "即办件占比由2023年的38.2%提高到2024年的52.6%，提高15.4个百分点。",
        )),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "15.4个百分点");
    assert_eq!(
        found[0].message,
        "由38.2%到52.6%应是提高14.4个百分点，与所写的提高15.4个百分点不符"
    );
    assert_eq!(
        found[0].help,
        "核对两个百分比和变化的百分点数：52.6−38.2=14.4"
    );
    for wrong in [
        "投诉办结率由98.1%下降到97.6%，提高0.5个百分点。",
        "败诉率由12.3%降至8.1%，下降3.2个百分点。",
        "纠错率由38.2%提高到52.6%（提高15.4个百分点）。",
        // This period's percentage first, then the other's.
        "按时办结率98.4%，较上年的96.1%提高3.3个百分点。",
        "网上办理率96.5%，比2024年（85.4%）提高12.1个百分点。",
        "复议纠错率8.1%，同比较上年12.3%提高4.2个百分点。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
    for ok in [
        "按时办结率98.4%，较上年的96.1%提高2.3个百分点。",
        "网上办理率96.5%，比2024年（85.4%）提高11.1个百分点。",
        "复议纠错率8.1%，较上年同期的12.3%下降4.2个百分点。",
        "即办件占比由2023年的38.2%提高到2024年的52.6%，提高14.4个百分点。",
        "网上办理率从85%提高到96.5%，同比提高11.5个百分点。",
        "投诉办结率由98.1%下降到97.6%，下降0.5个百分点。",
        // Rounded to the places the change is written in.
        "网上办理率从85.4%提高到96.5%，提高11个百分点。",
        // Another comparison after the change.
        "行政复议纠错率由15.2%下降至12.6%，下降2.6个百分点，较全省平均低1.2个百分点。",
        // The points of another rate, or against another base.
        "纠错率由38.2%提高到52.6%，败诉率下降2.1个百分点。",
        "纠错率由38.2%提高到52.6%，较全省平均水平提高3.1个百分点。",
        // A change of the first percentage, written as one.
        "持证率由50%提高到75%，提高了50%。",
        "网上办理率由40%提高到60%，增长50%。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // The difference written with %.
    let found = found_of(
        "GW0402",
        &text_doc(&with("持证率由6%提高到10%，提高了4%。")),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "由6%到10%是提高4个百分点，写成“提高了4%”就成了按比例提高"
    );
    assert_eq!(
        found[0].help,
        "两个百分比之差用“个百分点”：改为“提高4个百分点”；要写按比例的变化，是提高66.7%"
    );
    assert_eq!(codes("败诉率由8.5%下降到6.2%，下降2.3%。"), ["GW0402"]);
}

/// A change written as a figure is the difference of the two, in their direction.
#[test]
fn count_changes() {
    for (wrong, message) in [
        (
            "投诉举报案件由上年的30件降至16件，增加14件。",
            "从30件到16件是减少，不是增加",
        ),
        (
            "投诉举报案件由上年的30件降至16件，同比减少15件。",
            "从30件到16件，减少了14件，这里写的是减少15件",
        ),
        (
            "行政许可事项从1,286件增加到1,412件，增加116件。",
            "从1,286件到1,412件，增加了126件，这里写的是增加116件",
        ),
        // This period's figure first, then the other's after 比 or 较.
        (
            "全年受理投诉举报210件，比上年的168件增加36件。",
            "从168件到210件，增加了42件，这里写的是增加36件",
        ),
        (
            "全年受理投诉举报210件，较上年的168件减少42件。",
            "从168件到210件是增加，不是减少",
        ),
    ] {
        let found = found_of("GW0402", &text_doc(&with(wrong)));
        assert_eq!(found.len(), 1, "{wrong}");
        assert_eq!(found[0].message, message, "{wrong}");
    }
    for ok in [
        "投诉举报案件由上年的30件降至16件，同比减少14件。",
        "全年受理投诉举报210件，较2024年同期的168件增加42件。",
        "行政许可事项从1,286件增加到1,412件，增加126件。",
        // Rounded figures: the change within their rounding.
        "罚没款由3.5万元增至5万元，增加1.5万元。",
        // Another measure after the two figures.
        "投诉举报案件由30件降至16件，增加培训2场。",
        "执法人员由30人增至36人，其中增加法制审核人员4人。",
    ] {
        assert_eq!(codes_of("GW0402", &with(ok)), [], "{ok}");
    }
}

#[test]
fn the_same_total_twice() {
    assert_eq!(
        codes("共救治患者2033名，实现零死亡。共救治患者961名、治愈率97.4%。"),
        ["GW0407"]
    );
    for ok in [
        "共救治患者2033名，实现零死亡。共救治患者2033名。",
        "一是共查处案件12件；二是共查处案件8件。",
        "检查单位8家，配合检查单位16家。",
        "全年办理行政许可82件，全年办理备案事项85件。",
        // Totals of two years.
        "2024年共受理行政复议申请12件；2025年共受理行政复议申请14件。",
        // Up to now is not the year.
        "全年共受理投诉1200件。截至目前共受理投诉1260件。",
        // Another year or period named before the figure, not only at its clause's start.
        "本年度（2024年）共受理投诉举报412件，上年度（2023年）共受理投诉举报398件。",
        "全年共受理投诉举报412件，较上年（共受理投诉举报398件）增长3.5%。",
        "“八五”普法启动以来，累计培训执法人员5,230人次；2024年，累计培训执法人员1,268人次。",
        // A narrower scope: one campaign's total beside the year's.
        "全年共出动执法人员5,620人次，检查单位2,130户次。在“蓝盾”专项行动中，共出动执法人员860人次，检查医疗美容机构214户次。",
        "全年共出动执法人员5,620人次。春节期间共出动执法人员430人次。",
        "全年共检查医疗机构8,640户次。开展“蓝盾”专项行动，共检查医疗机构1,260户次。",
        // A part of the year: a quarter, months, a season.
        "全年共受理投诉举报444件，均在法定期限内办结。第四季度，共受理投诉举报117件。",
        "1—11月，共签发出生医学证明723份；全年共签发出生医学证明859份。",
        "全年共检查学校392所。秋季开学前，共检查学校149所。",
        // Rounded and exact: the same figure to the digits each is written to.
        "全年共办理政务服务事项1.2万件，其中网上办理9,860件。全年共办理政务服务事项12,036件。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    assert_eq!(
        codes("全年共办理政务服务事项1.3万件。全年共办理政务服务事项12,036件。"),
        ["GW0407"]
    );
    assert_eq!(
        codes("在专项行动中，共出动执法人员860人次。在专项行动中，共出动执法人员680人次。"),
        ["GW0407"]
    );
    // The whole year named again after a part of it.
    assert_eq!(
        codes("第四季度，共受理投诉举报117件；全年共受理投诉举报444件，全年共受理投诉举报454件。"),
        ["GW0407"]
    );
    // The year's totals still compared beside a campaign's; 其中 scopes only its own clause.
    for wrong in [
        "在“蓝盾”专项行动中，共检查医疗机构1,260户次。全年共检查医疗机构8,640户次，全年共检查医疗机构8,460户次。",
        // The same total again after a part: not one more part (GW0401).
        "全年开展执法检查共计8,640户次，其中“双随机”抽查2,160户次，全年共开展执法检查8,460户次。",
    ] {
        assert_eq!(codes(wrong), ["GW0407"], "{wrong}");
    }
    assert_eq!(
        codes("全年共受理行政复议案件17件。其中，共受理行政复议案件15件。"),
        Vec::<&str>::new()
    );
    // Right after a count of something else, the total is what that clause counts.
    for ok in [
        "全年罚没款共计47.3万元。依法取缔无证行医窝点1处，罚没款合计12,500元。",
        "全年罚没款共计38.6万元。依法取缔无证行医窝点3处，罚没款合计12,500元，其中单笔最高6000元。",
        "全年罚没款共计38.6万元，其中取缔无证行医窝点3处，罚没款合计12,500元。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // A clause's own total larger than the year's is no part of it.
    assert_eq!(
        codes("全年共培训执法人员326人次。举办培训班1期，共培训执法人员362人次。"),
        ["GW0407"]
    );
    // The same clause twice is the same scope.
    assert_eq!(
        codes("查处案件45件，罚没款共计38.6万元。复核后，查处案件45件，罚没款合计36.8万元。"),
        ["GW0407"]
    );
    // The writer's own name and a repeated year leave the total the same.
    for wrong in [
        "我委共聘请法律顾问5名，法律顾问全程参与决策，共聘请法律顾问6名。",
        "全年共办理行政处罚案件215件；在规范执法方面，我委全年共办理行政处罚案件251件。",
        "2025年共受理行政复议申请12件，已全部审结；2025年共受理行政复议申请14件。",
        // 目前累计 is 累计, 本年度 is 全年, in an annual report.
        "累计聘请法律顾问8名，参与决策12次。目前累计聘请法律顾问6名。",
        "全年共开展抽查1200户次，发现问题36个。本年度共开展抽查1020户次。",
        // The reported year named is the year.
        "2024年，全区共办理行政许可82件，同比增长5%。全年共办理行政许可85件，均按时办结。",
        // 全年 is the year's total without 共.
        "全年办理行政许可82件，按时办结率100%。加强审批服务，全年办理行政许可85件。",
    ] {
        assert_eq!(codes(wrong), ["GW0407"], "{wrong}");
    }
}

#[test]
fn fullwidth_digits_everywhere_but_the_date() {
    let text = with("全年受理投诉１２件，办结率９５．５%。\n３．压实责任。\n４.健全制度。")
        .replace("2025年1月20日", "２０２５年１月２０日");
    let doc =
        crate::document::Document::from_text("t.txt", crate::document::Format::Text, "utf-8", text);
    let found: Vec<(String, Option<String>)> = crate::Linter::with_defaults()
        .lint_document(&doc)
        .into_iter()
        .filter(|d| d.rule.code == "GW0415")
        .map(|d| (doc.text[d.span].to_string(), d.fix.map(|f| f.replacement)))
        .collect();
    assert_eq!(
        found,
        [
            ("１２".to_string(), Some("12".to_string())),
            ("９５．５".to_string(), Some("95.5".to_string())),
            // A marker with the right dot and full-width digits.
            ("４".to_string(), Some("4".to_string()))
        ]
    );
    // In a table aligned with spaces the fix is offered, not applied.
    let table = with("情况如下：\n立案    ７３    件\n结案    ７１    件");
    let safe: Vec<bool> = found_of("GW0415", &text_doc(&table))
        .into_iter()
        .map(|f| f.fix.is_some_and(|(_, safe)| safe))
        .collect();
    assert_eq!(safe, [false, false]);
}

#[test]
fn number_forms() {
    assert_eq!(codes("立案查处1起，罚款伍万元。"), ["GW0408"]);
    assert_eq!(codes("罚款人民币伍万元整。"), Vec::<&str>::new());
    // Counts too; one character alone may be a name.
    assert_eq!(
        codes("参加学习人员共计贰佰肆拾人次，开展培训叁次。"),
        ["GW0408", "GW0408"]
    );
    assert_eq!(
        codes("陆家嘴社区卫生服务中心开展培训3次。"),
        Vec::<&str>::new()
    );
    // A lone 伍 or 陆 before a measure word is a count; in a word or a name it is not.
    // It ends its clause, or a counting word comes before it.
    assert_eq!(
        codes("处罚伍件，累计陆台设备被没收。"),
        ["GW0408", "GW0408"]
    );
    assert_eq!(codes("全年处罚拾件。"), ["GW0408"]);
    assert_eq!(
        codes("拾金不昧的好人好事，收拾好档案。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("加强执法队伍6支，退伍军人3名，伍家岗区陆续办理5件，内陆地区2个。"),
        Vec::<&str>::new()
    );
    // A surname or a place name before a word that is also a measure word.
    assert_eq!(
        codes("陆名扬同志到伍台村、陆台社区调研，罚款（大写：陆仟元）。"),
        Vec::<&str>::new()
    );
    assert_eq!(codes("培训4千人次。"), ["GW0409"]);
    // One finding for a compound, with no fix: its parts are read one by one.
    let compound = found_of(
        "GW0409",
        &text_doc(&with("中央资金3千5百万元，复诊1千2百人次。")),
    );
    let shown: Vec<_> = compound
        .iter()
        .map(|f| (f.text.as_str(), f.fix.is_some()))
        .collect();
    assert_eq!(shown, [("3千5百万", false), ("1千2百", false)]);
    assert_eq!(compound[1].message, "“1千2百”中阿拉伯数字与“千”“百”连用");
    // "More than" stays; a compound with 几 is not fixed.
    let approximate = found_of(
        "GW0409",
        &text_doc(&with(
            "投入资金2千余万元，印发资料3千多万份，另投入2千几百万元。",
        )),
    );
    let shown: Vec<_> = approximate
        .iter()
        .map(|f| (f.text.as_str(), f.fix.clone().map(|(r, _)| r)))
        .collect();
    assert_eq!(
        shown,
        [
            ("2千余万", Some("2000余万".to_string())),
            ("3千多万", Some("3000多万".to_string())),
            ("2千", None)
        ]
    );
    assert_eq!(codes("建成绿道4千米。"), Vec::<&str>::new());
    assert_eq!(
        codes("开展联合执法6次，检查单位12家，牵头召开培训会一次，压实责任。"),
        ["GW0410"]
    );
    // The help keeps the drafter's measure word: 名 is compared as 人 but written as 名.
    let ming = found_of(
        "GW0410",
        &text_doc(&with("开展联合执法6次，配备公职律师一名。")),
    );
    assert_eq!(ming.len(), 1);
    assert!(ming[0].help.starts_with("写作“1名”"), "{}", ming[0].help);
    for ok in [
        "召开培训会一次，压实责任。",
        "开展联合执法6次，推行“最多跑一次”，实现一次性告知。",
        "开展联合执法6次，做到一件事一次办，落实三项制度。",
        "开展联合执法6次，召开会议三四次。",
        "取缔无证诊所4家，没收药品器械一批。",
        "说明中写道：“本条例共六章三十八条，第一章总则明确了立法目的、适用范围、基本原则和各级政府职责，第二章规定了监督管理的主体、方式、程序和责任追究。”共清理28项。",
        "开展联合执法6次，第一次会议确定分工。",
        "开展联合执法6次，专题学法每月一次。",
        "开展联合执法6次，每年至少一次，与公安部门一起，亲如一家。",
        "执法人员82名，执法证件每三年审验一次。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    assert_eq!(codes("实际履行罚没款502.9万，其中大要案78起。"), ["GW0411"]);
    assert_eq!(
        codes("争取执法装备资金300余万，用于执法记录仪采购。"),
        ["GW0411"]
    );
    for ok in [
        "实际履行罚没款502.9万元。",
        "发放宣传资料5.6万份，参与群众1.2万人次。",
        "服务群众1.2万，满意度高。",
        "低收入人口1.3万，全部参保。",
        "享受补助对象3.2万，按时发放。",
        "经费保障覆盖人口12万，成效明显。",
        "补助资金惠及低收入人口达1.3万，全部到位。",
        "医保基金结算病例3.86万，运行平稳。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    for bad in [
        "全年共追回医保基金436.7万，",
        "罚没款缴入财政专户502.9万，",
        "拨付资金用于文件印制12.5万，",
    ] {
        assert_eq!(codes(bad), ["GW0411"], "{bad}");
    }
}

#[test]
fn fixes_for_forms() {
    let text = with("实际履行罚没款12.6万，培训4千人次。");
    let doc =
        crate::document::Document::from_text("t.txt", crate::document::Format::Text, "utf-8", text);
    let diags = crate::Linter::with_defaults().lint_document(&doc);
    let fixes: Vec<_> = diags
        .iter()
        .filter(|d| d.rule.category == Category::Consistency)
        .map(|d| {
            (
                &doc.text[d.span.clone()],
                d.fix.as_ref().unwrap().replacement.as_str(),
            )
        })
        .collect();
    assert_eq!(fixes, [("12.6万", "12.6万元"), ("4千", "4000")]);
}

/// The consistency findings on `doc`, each with the text it points at.
fn consistency_findings(doc: &Document) -> Vec<(&'static str, String)> {
    crate::Linter::with_defaults()
        .lint_document(doc)
        .into_iter()
        .filter(|d| d.rule.category == Category::Consistency)
        .map(|d| (d.rule.code, doc.text[d.span.clone()].to_string()))
        .collect()
}

/// The good report with a table after its first body paragraph; `rows` as cell texts.
fn table_codes(rows: &[&[&str]]) -> Vec<(&'static str, String)> {
    consistency_findings(&table_doc(rows))
}

fn table_doc(rows: &[&[&str]]) -> Document {
    tables_doc(&[Inserted::Table(1, rows)])
}

/// What [`tables_doc`] puts after the good report's first body paragraph.
enum Inserted<'a> {
    Line(&'a str),
    /// A Word table: its number in the document and its rows.
    Table(u32, &'a [&'a [&'a str]]),
}

fn cell_paragraphs(table: u32, rows: &[&[&str]]) -> Vec<crate::document::Paragraph> {
    let mut paras = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            paras.push(crate::document::Paragraph {
                text: cell.to_string(),
                cell: Some(CellRef {
                    table,
                    row: r as u32 + 1,
                    col: c as u32 + 1,
                }),
                ..Default::default()
            });
        }
    }
    paras
}

fn tables_doc(inserted: &[Inserted]) -> Document {
    use crate::document::Paragraph;
    let line = |text: &str| Paragraph {
        text: text.to_string(),
        ..Paragraph::default()
    };
    let mut paras: Vec<Paragraph> = Vec::new();
    for (i, text) in GOOD_REPORT.lines().enumerate() {
        paras.push(line(text));
        if i == 4 {
            for part in inserted {
                match part {
                    Inserted::Line(text) => paras.push(line(text)),
                    Inserted::Table(n, rows) => paras.extend(cell_paragraphs(*n, rows)),
                }
            }
        }
    }
    Document::from_paragraphs("t.docx", paras)
}

#[test]
fn subtotals_labelled_after_their_group() {
    let rows: &[&[&str]] = &[
        &["类别", "事项", "件数"],
        &["行政处罚", "简易程序", "41"],
        &["行政处罚", "普通程序", "95"],
        &["行政处罚", "小计", "136"],
        &["行政许可", "即办件", "412"],
        &["行政许可", "承诺件", "2448"],
        &["行政许可", "小计", "2860"],
        &["合计", "", "2996"],
    ];
    assert_eq!(table_codes(rows), []);
    let mut wrong: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
    wrong[3][2] = "146";
    wrong[7][2] = "3006";
    let wrong: Vec<&[&str]> = wrong.iter().map(Vec::as_slice).collect();
    assert_eq!(table_codes(&wrong), [("GW0412", "146".to_string())]);
}

#[test]
fn word_rows_indented_under_a_row_are_its_parts() {
    let rows: &[&[&str]] = &[
        &["机构类别", "机构数"],
        &["医院", "101"],
        &["三级医院", "16"],
        &["二级医院", "52"],
        &["一级医院", "33"],
        &["基层医疗卫生机构", "3148"],
        &["合计", "3249"],
    ];
    let mut doc = table_doc(rows);
    assert_eq!(consistency_findings(&doc), [("GW0412", "3249".to_string())]);
    for line in doc.lines.iter_mut() {
        if line
            .origin
            .cell
            .is_some_and(|c| c.col == 1 && (3..=5).contains(&c.row))
        {
            line.origin.indented = true;
        }
    }
    assert_eq!(consistency_findings(&doc), []);
}

#[test]
fn table_totals_rows_and_columns() {
    let rows: &[&[&str]] = &[
        &["类别", "件数"],
        &["行政许可", "1526"],
        &["行政确认", "318"],
        &["合计", "1845"],
    ];
    assert_eq!(table_codes(rows), [("GW0412", "1845".to_string())]);
    let ok: &[&[&str]] = &[
        &["类别", "件数", "占比"],
        &["行政许可", "1,526", "82.8%"],
        &["行政确认", "318", "17.2%"],
        &["合计", "1844", "100%"],
    ];
    assert_eq!(table_codes(ok), []);
    // A column of shares sums in percent; shares short of their 100% are GW0413's.
    let shares: &[&[&str]] = &[
        &["类别", "占比"],
        &["行政许可", "30%"],
        &["行政确认", "40%"],
        &["行政处罚", "20%"],
        &["合计", "100%"],
    ];
    assert_eq!(found_of("GW0412", &table_doc(shares)).len(), 0);
    let f = found_of("GW0413", &table_doc(shares));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].message,
        "第1张表格“合计”行第2列为100%，但上方各项之和为90%（30+40+20）"
    );
    // Beside their counts, the share that is off is the finding, not the column's sum.
    let with_counts: &[&[&str]] = &[
        &["类别", "件数", "占比"],
        &["行政许可", "30", "30%"],
        &["行政确认", "40", "40%"],
        &["行政处罚", "30", "20%"],
        &["合计", "100", "100%"],
    ];
    let f = found_of("GW041", &table_doc(with_counts));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.message.as_str()))
            .collect::<Vec<_>>(),
        [("GW0413", "第1张表格“行政处罚”行的占比为20%，但30÷100=30%")]
    );
    // Shares that add up to 100 are of these rows, however many are off: two swapped, or
    // a last row written as 100 less the rest.
    let swapped: &[&[&str]] = &[
        &["投诉类别", "件数", "占比"],
        &["医疗服务", "120", "45.8%"],
        &["公共卫生", "86", "40.0%"],
        &["其他", "34", "14.2%"],
        &["合计", "240", "100%"],
    ];
    let f = found_of("GW041", &table_doc(swapped));
    assert_eq!(
        f.iter()
            .map(|f| (f.code, f.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                "GW0413",
                "第1张表格“医疗服务”行的占比为45.8%，但120÷240=50.0%"
            ),
            (
                "GW0413",
                "第1张表格“公共卫生”行的占比为40.0%，但86÷240≈35.8%"
            )
        ]
    );
    // Most rows off, not adding up to 100: shares of another whole.
    let other_whole: &[&[&str]] = &[
        &["投诉类别", "件数", "占比"],
        &["医疗服务", "120", "24.0%"],
        &["公共卫生", "86", "17.2%"],
        &["其他", "34", "6.8%"],
        &["合计", "240", "48.0%"],
    ];
    assert_eq!(found_of("GW0413", &table_doc(other_whole)).len(), 0);
    // Shares rounded to add up to 100 (33.4 for 33.33) are right.
    let rounded: &[&[&str]] = &[
        &["类别", "件数", "占比"],
        &["许可", "24", "33.4%"],
        &["确认", "24", "33.3%"],
        &["处罚", "24", "33.3%"],
        &["合计", "72", "100.0%"],
    ];
    assert_eq!(table_codes(rounded), []);
    // A 合计 row first, right under the header, totals the rows below it.
    let first: &[&[&str]] = &[
        &["类别", "件数", "办结"],
        &["合计", "1845", "1800"],
        &["行政许可", "1526", "1500"],
        &["行政确认", "318", "300"],
    ];
    let f = found_of("GW0412", &table_doc(first));
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        "第1张表格“合计”行第2列为1845，但下方各项之和为1844（1526+318）"
    );
    // The rows' units in a 单位 column or after their labels: not one sum.
    let units: &[&[&str]] = &[
        &["项目", "单位", "数量"],
        &["合计", "件", "210"],
        &["行政许可", "件", "150"],
        &["行政处罚", "件", "60"],
        &["“双随机”抽查", "户次", "1260"],
    ];
    assert_eq!(table_codes(units), []);
    let labelled: &[&[&str]] = &[
        &["项目", "数量"],
        &["合计", "210"],
        &["行政许可", "150"],
        &["行政处罚", "60"],
        &["“双随机”抽查（户次）", "1260"],
    ];
    assert_eq!(table_codes(labelled), []);
    // Not when the rows below are groups, or end in a 合计 of their own.
    let grouped_below: &[&[&str]] = &[
        &["类别", "件数"],
        &["合计", "50"],
        &["一、行政许可", "30"],
        &["（一）医疗机构", "20"],
        &["二、行政处罚", "20"],
    ];
    assert_eq!(table_codes(grouped_below), []);
    let two_totals: &[&[&str]] = &[
        &["类别", "件数"],
        &["合计", "50"],
        &["行政许可", "30"],
        &["合计", "30"],
    ];
    assert_eq!(table_codes(two_totals), []);
    let sub: &[&[&str]] = &[
        &["类别", "件数"],
        &["医疗机构", "20"],
        &["诊所", "5"],
        &["小计", "25"],
        &["公共场所", "—"],
        &["游泳场所", "7"],
        &["小计", "7"],
        &["其他", "3"],
        &["合计", "35"],
    ];
    assert_eq!(table_codes(sub), []);
    // Each 小计 above its group: it totals the rows below it, the 合计 the 小计 rows.
    let on_top: &[&[&str]] = &[
        &["执法领域", "立案"],
        &["公共卫生小计", "30"],
        &["公共场所卫生", "18"],
        &["生活饮用水卫生", "12"],
        &["医疗卫生小计", "25"],
        &["医疗机构", "20"],
        &["传染病防治", "5"],
        &["合计", "55"],
    ];
    assert_eq!(table_codes(on_top), []);
    let mut wrong: Vec<&[&str]> = on_top.to_vec();
    wrong[3] = &["生活饮用水卫生", "11"];
    wrong[7] = &["合计", "56"];
    assert_eq!(
        table_codes(&wrong),
        [("GW0412", "30".to_string()), ("GW0412", "56".to_string())]
    );
    let cols: &[&[&str]] = &[
        &["领域", "一般程序", "简易程序", "合计"],
        &["医疗卫生", "20", "6", "26"],
        &["公共卫生", "11", "8", "20"],
    ];
    assert_eq!(table_codes(cols), [("GW0412", "20".to_string())]);
    // A header and a single row.
    let one_row: &[&[&str]] = &[
        &["项目", "维持", "撤销", "终止", "合计"],
        &["件数", "3", "1", "1", "6"],
    ];
    assert_eq!(table_codes(one_row), [("GW0412", "6".to_string())]);
    let one_row_ok: &[&[&str]] = &[
        &["项目", "维持", "撤销", "终止", "合计"],
        &["件数", "3", "1", "1", "5"],
    ];
    assert_eq!(table_codes(one_row_ok), []);
}

#[test]
fn table_rates_and_year_headers_are_not_added_up() {
    let rates: &[&[&str]] = &[
        &["执法领域", "评查案卷", "优秀", "优秀率"],
        &["市场监管", "40", "32", "80%"],
        &["生态环境", "25", "20", "80%"],
        &["交通运输", "35", "28", "80%"],
        &["合计", "100", "80", "80%"],
    ];
    assert_eq!(table_codes(rates), []);
    let years: &[&[&str]] = &[
        &["项目", "2024", "2025"],
        &["立案", "73", "80"],
        &["结案", "71", "79"],
        &["合计", "144", "160"],
    ];
    assert_eq!(table_codes(years), [("GW0412", "160".to_string())]);
    let rate_in_percent: &[&[&str]] = &[
        &["类别", "办结率（%）"],
        &["甲", "90"],
        &["乙", "95"],
        &["丙", "100"],
    ];
    assert_eq!(table_codes(rate_in_percent), []);
}

#[test]
fn table_review_cases() {
    // Year columns are figures; an indicator ending in 总数 is a row; last year's total is
    // not this year's sum; a title over two columns is not a header.
    let years: &[&[&str]] = &[
        &["项目", "2023年度", "2024年度"],
        &["许可", "100", "120"],
        &["处罚", "80", "70"],
        &["合计", "190", "190"],
    ];
    assert_eq!(table_codes(years), [("GW0412", "190".to_string())]);
    let indicators: &[&[&str]] = &[
        &["指标", "数量"],
        &["行政执法主体（个）", "45"],
        &["持证执法人员（人）", "1150"],
        &["公职律师总数（人）", "86"],
    ];
    assert_eq!(table_codes(indicators), []);
    let periods: &[&[&str]] = &[
        &["单位", "行政许可", "行政处罚", "本年合计", "上年合计"],
        &["城关所", "10", "5", "15", "12"],
        &["河口所", "8", "4", "12", "9"],
    ];
    assert_eq!(table_codes(periods), []);
    // 较大案件 is this year's; 上年结转 is added into this year's 合计; 统计年份 and 综合排名 name rows.
    let kinds: &[&[&str]] = &[
        &["单位", "一般案件", "较大案件", "重大案件", "合计"],
        &["城关所", "10", "5", "2", "17"],
        &["河口所", "8", "1", "0", "9"],
    ];
    assert_eq!(table_codes(kinds), []);
    let carried: &[&[&str]] = &[
        &["类别", "上年未结", "本年受理", "合计"],
        &["复议", "5", "40", "55"],
        &["诉讼", "2", "10", "12"],
    ];
    assert_eq!(table_codes(carried), [("GW0412", "55".to_string())]);
    let named: &[&[&str]] = &[
        &["统计年份", "综合排名", "复议", "诉讼", "合计"],
        &["2022", "1", "46", "21", "67"],
        &["2023", "2", "50", "20", "70"],
    ];
    assert_eq!(table_codes(named), []);
    // One group with a figure, one without: all rows together add up.
    let mixed: &[&[&str]] = &[
        &["类别", "件数"],
        &["一、行政许可", "120"],
        &["二、行政处罚", ""],
        &["（一）简易程序", "30"],
        &["（二）一般程序", "50"],
        &["合计", "200"],
    ];
    assert_eq!(table_codes(mixed), []);
    let titled: &[&[&str]] = &[
        &["2024年行政复议案件纠错率统计", ""],
        &["类别", "件数"],
        &["维持", "10"],
        &["撤销", "5"],
        &["确认违法", "3"],
        &["合计", "20"],
    ];
    assert_eq!(table_codes(titled), [("GW0412", "20".to_string())]);
    // A 合计 under a group header adds up that group.
    let grouped: &[&[&str]] = &[
        &["单位", "案件数量（件）", "", ""],
        &["", "一般程序", "简易程序", "合计"],
        &["城关所", "10", "5", "16"],
        &["河口所", "8", "2", "10"],
    ];
    assert_eq!(table_codes(grouped), [("GW0412", "16".to_string())]);
    // Groups nested two deep.
    let nested: &[&[&str]] = &[
        &["类别", "件数"],
        &["一、许可", "30"],
        &["（一）普通", "20"],
        &["（二）特许", "10"],
        &["二、处罚", "15"],
        &["（一）简易", "10"],
        &["（二）一般", "5"],
        &["合计", "45"],
    ];
    assert_eq!(table_codes(nested), []);
}

#[test]
fn sums_review_cases() {
    // 交叉检查 is a kind of inspection, not overlapping parts.
    assert_eq!(
        codes("全年开展执法检查45次，其中专项检查20次、交叉检查15次、联合检查8次。"),
        ["GW0401"]
    );
    // Overlap said in other words; a subset with its own total after 其中.
    for ok in [
        "共立案120件，其中行政处罚案件80件、行政强制案件50件，两类案件存在交叉。",
        "回收问卷500份，其中选择线上办理320份、选择现场办理260份（多选）。",
        "共审结行政复议案件30件，其中维持和驳回的分别为16件和11件，共计27件。",
    ] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    // The total before a 分别 list is still compared when the list matches its own total.
    assert_eq!(
        codes("全年受理案件30件，分别为行政复议17件和行政诉讼6件，共计23件。"),
        ["GW0401"]
    );
    // A look back in the opening paragraph is not last year's text left in.
    let back = GOOD_REPORT.replace(
        "2024年，我委坚持",
        "2021年，我市被确定为全国法治政府建设示范市。2024年，我委坚持",
    );
    assert_eq!(codes_of("GW04", &back), []);
    let stale = GOOD_REPORT.replace("2024年，我委坚持", "2022年，我委坚持");
    assert_eq!(codes_of("GW04", &stale), [("GW0406", 3)]);
}

#[test]
fn word_tables_with_titles_two_level_headers_groups_and_notes() {
    // A title row, a two-level header whose last group is 合计 (merged cells leave gaps),
    // "全县合计", and a figure with a note in brackets.
    let two_level: &[&[&str]] = &[
        &["全县执法案件情况", "", "", "", "", "", ""],
        &["单位", "一般程序", "", "简易程序", "", "合计", ""],
        &["", "立案", "结案", "立案", "结案", "立案", "结案"],
        &["城关所", "86", "80", "240", "240", "326", "320"],
        &["河口所", "41", "38", "6", "6", "47", "44"],
        &[
            "全县合计",
            "127",
            "118",
            "246",
            "246",
            "373",
            "364（含移送2）",
        ],
    ];
    assert_eq!(table_codes(two_level), []);
    let wrong: Vec<Vec<&str>> = two_level
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| if *c == "44" { "45" } else { c })
                .collect()
        })
        .collect();
    let wrong: Vec<&[&str]> = wrong.iter().map(|r| r.as_slice()).collect();
    assert_eq!(
        table_codes(&wrong),
        [
            ("GW0412", "45".to_string()),
            ("GW0412", "364（含移送2）".to_string())
        ]
    );
    // A Word table's header repeated on its next page.
    let paged: &[&[&str]] = &[
        &["单位", "立案"],
        &["城关所", "10"],
        &["河口所", "8"],
        &["单位", "立案"],
        &["石门所", "5"],
        &["合计", "24"],
    ];
    assert_eq!(table_codes(paged), [("GW0412", "24".to_string())]);
    // Group rows that carry their group's total, and a 统计年度 label column.
    let groups: &[&[&str]] = &[
        &["类别", "件数"],
        &["一、行政许可", "1168"],
        &["普通许可", "812"],
        &["特许", "356"],
        &["二、行政处罚", "137"],
        &["简易程序", "96"],
        &["一般程序", "41"],
        &["合计", "1305"],
    ];
    assert_eq!(table_codes(groups), []);
    let years: &[&[&str]] = &[
        &["序号", "统计年度", "复议", "诉讼", "合计"],
        &["1", "2022", "46", "21", "67"],
        &["2", "2023", "50", "20", "70"],
    ];
    assert_eq!(table_codes(years), []);
}

#[test]
fn word_tables_are_named_by_caption_or_place() {
    let wrong: &[&[&str]] = &[
        &["领域", "立案"],
        &["医疗服务", "41"],
        &["公共卫生", "30"],
        &["合计", "98"],
    ];
    let layout: &[&[&str]] = &[&["（此表仅作排版）", ""]];
    let messages = |inserted: &[Inserted]| -> Vec<String> {
        found_of("GW0412", &tables_doc(inserted))
            .into_iter()
            .map(|f| f.message)
            .collect()
    };
    let message = |name: &str| format!("{name}“合计”行第2列为98，但上方各项之和为71（41+30）");
    // The caption's number, over a line giving the unit; not the table's place.
    assert_eq!(
        messages(&[
            Inserted::Table(1, layout),
            Inserted::Line("表4  立案查处情况"),
            Inserted::Line("单位：件"),
            Inserted::Table(2, wrong),
        ]),
        [message("表4")]
    );
    // No caption: its place among the document's tables.
    assert_eq!(
        messages(&[
            Inserted::Table(1, layout),
            Inserted::Line("各领域立案情况如下："),
            Inserted::Table(2, wrong),
        ]),
        [message("第2张表格")]
    );
    // A table in a cell of another is named by that one, and takes no place of its own.
    let cell = |table, row, col, text: &str| crate::document::Paragraph {
        text: text.to_string(),
        cell: Some(CellRef { table, row, col }),
        ..Default::default()
    };
    let mut paras: Vec<crate::document::Paragraph> = GOOD_REPORT
        .lines()
        .map(|l| crate::document::Paragraph {
            text: l.to_string(),
            ..Default::default()
        })
        .collect();
    let mut inserted = vec![
        crate::document::Paragraph {
            text: "表1 立案查处情况".to_string(),
            ..Default::default()
        },
        cell(1, 1, 1, "项目"),
        cell(1, 1, 2, "分领域情况"),
        cell(1, 2, 1, "立案查处"),
    ];
    inserted.extend(cell_paragraphs(2, wrong));
    inserted.push(cell(1, 2, 2, ""));
    inserted.extend(cell_paragraphs(3, wrong));
    let _ = paras.splice(5..5, inserted);
    let doc = Document::from_paragraphs("t.docx", paras);
    assert_eq!(
        found_of("GW0412", &doc)
            .into_iter()
            .map(|f| f.message)
            .collect::<Vec<_>>(),
        [message("表1中的内嵌表格"), message("第2张表格")]
    );
}

#[test]
fn table_sums_are_shown_in_the_scale_written() {
    let money: &[&[&str]] = &[
        &["项目", "金额"],
        &["罚款", "15.0万元"],
        &["没收违法所得", ""],
        &["其他", "42.5万元"],
        &["合计", "60.5万元"],
    ];
    let f = found_of("GW0412", &table_doc(money));
    assert_eq!(
        f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        ["第1张表格“合计”行第2列为60.5万元，但上方各项之和为57.5万（15万+42.5万）"]
    );
}

/// Findings of the consistency rules on the good report with `table` typed after its
/// first body paragraph, as text of `format`.
fn text_table_codes(format: Format, table: &str) -> Vec<(&'static str, String)> {
    let text = with_measures(&format!("{MEASURES}\n{table}"));
    let doc = Document::from_text("t", format, "utf-8", text);
    consistency_findings(&doc)
}

#[test]
fn tables_typed_as_text_are_added_up() {
    let tabbed = "项目\t2024年\t2025年\n立案\t73\t80\n结案\t71\t79\n合计\t144\t160";
    assert_eq!(
        text_table_codes(Format::Text, tabbed),
        [("GW0412", "160".to_string())]
    );
    // A 其中 row is left out of the sum, which is still checked.
    let parted = "类别\t件数\n许可\t120\n处罚\t30\n其中：简易程序\t12\n检查\t50\n合计\t210";
    assert_eq!(
        text_table_codes(Format::Text, parted),
        [("GW0412", "210".to_string())]
    );
    let doc = Document::from_text(
        "t",
        Format::Text,
        "utf-8",
        with_measures(&format!("{MEASURES}\n{parted}")),
    );
    let f = found_of("GW0412", &doc);
    assert!(
        f[0].help.contains("“其中”行是上一行的一部分"),
        "{}",
        f[0].help
    );
    let spaced = "表1 全年执法情况\n立案 73 件\n\n结案 71 件\n\n合计 140 件";
    assert_eq!(
        text_table_codes(Format::Text, spaced),
        [("GW0412", "140".to_string())]
    );
    let in_cells = "情况如下：\n行政处罚    52件\n行政许可    40件\n合计        96件";
    assert_eq!(
        text_table_codes(Format::Text, in_cells),
        [("GW0412", "96件".to_string())]
    );
    // A note column is not a unit; figures that look like years are figures below the top.
    let noted = "| 类别 | 件数 | 备注 |\n|---|---|---|\n| 立案 | 10 | 已结 |\n| 结案 | 20 | 良好 |\n| 合计 | 31 | 无 |";
    assert_eq!(
        text_table_codes(Format::Markdown, noted),
        [("GW0412", "31".to_string())]
    );
    let yearish = "| 项目 | 2023年 | 2024年 |\n|---|---|---|\n| 受理 | 1990 | 2010 |\n| 办结 | 640 | 600 |\n| 合计 | 2620 | 2610 |";
    assert_eq!(
        text_table_codes(Format::Markdown, yearish),
        [("GW0412", "2620".to_string())]
    );
    let piped = "| 类别 | 件数 | 占比 |\n|---|---:|---:|\n| 许可 | 1,526 | 82.8% |\n| 确认 | 318 | 17.2% |\n| 合计 | 1845 | 100% |";
    assert_eq!(
        text_table_codes(Format::Markdown, piped),
        [("GW0412", "1845".to_string())]
    );
    // Rows set in under a row are its parts, and left out of the sum; a header set in, or
    // one stray space, is no such row.
    let under = "机构情况如下：\n\u{3000}\u{3000}机构类别\t机构数\n医院\t101\n\u{3000}三级医院\t16\n\u{3000}二级医院\t52\n基层医疗卫生机构\t3148\n合计\t3000";
    assert_eq!(
        text_table_codes(Format::Text, under),
        [("GW0412", "3000".to_string())]
    );
    let stray = "情况如下：\n类别\t件数\n许可\t30\n 处罚\t50\n检查\t20\n合计\t90";
    assert_eq!(
        text_table_codes(Format::Text, stray),
        [("GW0412", "90".to_string())]
    );
    // Two tables, one after the other with the second's caption between: each is read.
    let two = "表1 复议情况\n类别\t维持\t撤销\t终止\t合计\n市本级\t3\t1\t1\t6\n区县\t4\t2\t1\t7\n\n表2 许可办理\n项目\t数量\n行政许可\t1200\n行政处罚\t73\n合计\t1283";
    assert_eq!(
        text_table_codes(Format::Text, two),
        [("GW0412", "6".to_string()), ("GW0412", "1283".to_string())]
    );
}

#[test]
fn tables_typed_as_text_stay_quiet_when_they_add_up_or_cannot_be_read() {
    for table in [
        // Correct.
        "项目\t2024年\t2025年\n立案\t73\t80\n结案\t71\t79\n合计\t144\t159",
        // Figures of different things: 户次 are not 件.
        "检查单位 2,146 户次\n立案 73 件\n结案 71 件\n合计 144 件",
        // A rate column's 合计 is a rate.
        "领域\t案卷\t优秀率\n市场\t40\t80%\n环境\t25\t80%\n合计\t65\t80%",
        // A label with a space shifts the columns: not read as one table.
        "立案 73\n行政 处罚 71\n合计 100",
        // An empty cell lost between tabs: the columns cannot be trusted.
        "单位\t许可\t处罚\n城关所\t31\t12\n河口所\t28\t\t\n石门所\t27\t9\n合计\t86\t21",
        // Tabs separate the cells; the space is inside a label.
        "渠道\t受理（件）\n12345 热线\t12,500\n来信来访\t1,340\n合计\t13,840",
        // The end of a table after a group label, with no header of its own.
        "类别\t件数\n普通许可\t10\n特许\t20\n行政处罚类\n警告\t5\n罚款\t7\n合计\t42",
        // The header again after a page break.
        "单位\t立案\n城关所\t10\n河口所\t8\n单位\t立案\n石门所\t5\n合计\t23",
        // Percentages per row, whatever the header calls them.
        "测评维度\t满意度（%）\n办事效率\t96.2\n服务态度\t97.5\n总体\t96.8",
        "单位\t应诉\t出庭\t出庭比例\n市本级\t12\t12\t100%\n城关区\t8\t7\t87.5%\n合计\t20\t19\t95.0%",
        "部门\t网办占比\n甲\t95.0%\n乙\t90.0%\n丙\t85.0%",
        // Years name the rows of a 合计 column.
        "年度\t复议\t诉讼\t合计\n2023\t15\t8\t23\n2024\t18\t6\t24",
        // 其中 rows are parts of the row above.
        "类别\t件数\n许可\t120\n处罚\t30\n其中：简易程序\t12\n检查\t50\n合计\t200",
        // Its parts may go on over a row that does not say so.
        "类别\t件数\n许可\t120\n处罚\t30\n其中：简易程序\t12\n一般程序\t18\n检查\t50\n合计\t200",
        // So are rows indented under it.
        "机构情况如下：\n机构类别\t机构数\n医院\t101\n\u{3000}三级医院\t16\n\u{3000}二级医院\t52\n\u{3000}一级医院\t33\n基层医疗卫生机构\t3148\n合计\t3249",
        // A first row with one figure is a row, not a header of years.
        "发放宣传资料（份）：\n城区\t2000\n镇街\t1500\n村社\t500\n合计\t4000",
        // A header without its corner cell still names the 平均 column.
        "情况如下：\n\t受理\t办结\t平均用时\n城关所\t20\t18\t5.2\n河口所\t30\t30\t4.8\n合计\t50\t48\t5.0",
        // A total rounded to fewer decimals than its items.
        "项目\t金额（万元）\n罚款\t12.35\n没收违法所得\t8.40\n合计\t20.8",
        // Whole-number shares that round to 99.
        "类别\t占比（%）\n甲\t33\n乙\t33\n丙\t33",
        // The first few of the whole: the shares are not all of it.
        "主要病种构成如下：\n病种\t构成比（%）\n流行性感冒\t61.2\n其他感染性腹泻病\t22.1\n手足口病\t7.8",
        "发病前三位病种如下：\n病种\t构成比（%）\n流行性感冒\t61.2\n其他感染性腹泻病\t22.1\n手足口病\t7.8",
    ] {
        assert_eq!(text_table_codes(Format::Text, table), [], "{table}");
    }
    let piped = "| 类别 | 件数 |\n|---|---:|\n| 许可 | 1,526 |\n| 确认 | 318 |\n| 合计 | 1844 |";
    assert_eq!(text_table_codes(Format::Markdown, piped), []);
}

#[test]
fn table_shares() {
    let bad: &[&[&str]] = &[
        &["类别", "件数", "占比"],
        &["医疗服务", "26", "45.2%"],
        &["公共卫生", "19", "31.0%"],
        &["职业卫生", "9", "20.3%"],
    ];
    assert_eq!(table_codes(bad), [("GW0413", "20.3%".to_string())]);
    // A 合计 cell that is the shares' sum, short of 100%: the 合计 cell is the finding.
    let totalled: &[&[&str]] = &[
        &["类别", "占比"],
        &["医疗卫生", "45%"],
        &["公共卫生", "30%"],
        &["职业健康", "20%"],
        &["合计", "95%"],
    ];
    assert_eq!(table_codes(totalled), [("GW0413", "95%".to_string())]);
    // A ratio for each row, 合计 its own ratio: no sum, no finding.
    let ratios: &[&[&str]] = &[
        &["窗口", "网办占比"],
        &["甲", "95%"],
        &["乙", "90%"],
        &["丙", "85%"],
        &["合计", "90%"],
    ];
    assert_eq!(table_codes(ratios), Vec::<(&str, String)>::new());
    let rounded: &[&[&str]] = &[
        &["类别", "占比（%）"],
        &["甲", "33.3"],
        &["乙", "33.3"],
        &["丙", "33.3"],
    ];
    assert_eq!(table_codes(rounded), []);
}

#[test]
fn no_panic_on_odd_numbers() {
    for s in [
        "其中",
        "，其中",
        "共5件，其中",
        "占的5%",
        "占5%",
        "率100%",
        "（2020-",
        "本年度（",
        "其中1件、",
        "9999999999999999999999件，其中1件、2件",
    ] {
        let _ = codes(s);
    }
}

/// A Markdown paragraph wrapped in the source is read whole: its figures agree or not
/// across the line breaks, and findings point at the right place.
#[test]
fn figures_across_markdown_line_breaks() {
    let md = "# 青禾市卫生健康委员会2024年法治政府建设年度报告\n\n全年受理群众诉求5218件，办结5000\n件，办结率99.0%。举办培训12场（线上5场、\n  线下8场），评为优秀16卷、\n良好27卷、合格10卷、不合格2卷，合格率100%。\n";
    let doc = Document::from_text("t.md", Format::Markdown, "utf-8", md.into());
    let found = found_of("GW04", &doc);
    let got: Vec<(&str, usize, &str)> = found
        .iter()
        .map(|f| (f.code, f.line, f.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("GW0402", 4, "99.0%"),
            ("GW0401", 4, "12场（线上5场、\n  线下8场"),
        ]
    );
}

#[test]
fn a_paragraph_longer_than_a_piece_is_read_in_pieces() {
    // A report without line breaks: the sum at its end is still checked, where it is.
    let filler = "全年审查重大行政决策3件，全部经过合法性审查。".repeat(12_000);
    let wrong = "共受理投诉举报45件，其中办结32件、转办12件。";
    let text = with(&format!("{filler}{wrong}"));
    let found = found_of("GW0401", &text_doc(&text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "45件，其中办结32件、转办12件");
    // Cut after a sentence: none is split, so nothing else is reported.
    assert_eq!(codes_of("GW04", &text), [("GW0401", 5)]);
}

#[test]
fn pieces_keep_document_offsets_across_line_breaks() {
    // A wrapped paragraph: a break taken out every 300 bytes, each removing 4 bytes.
    let text = "审查决策3件。".repeat(30_000);
    let breaks: Vec<(usize, usize)> = (1..text.len() / 300).map(|k| (k * 300, k * 4)).collect();
    let pieces = super::pieces(&text, 1000, &breaks);
    assert!(pieces.len() > 1);
    let whole_removed = |at: usize| {
        let k = breaks.partition_point(|&(b, _)| b <= at);
        k.checked_sub(1).map_or(0, |k| breaks[k].1)
    };
    let mut start = 0;
    for (piece, base, own) in &pieces {
        assert!(piece.ends_with('。'));
        assert_eq!(*base, 1000 + start + whole_removed(start));
        for &(b, removed) in own {
            assert_eq!(
                base + b + removed,
                1000 + start + b + whole_removed(start + b)
            );
        }
        start += piece.len();
    }
    assert_eq!(start, text.len());
}

#[test]
fn a_rate_made_by_the_kinds_after_its_base() {
    for sentence in [
        "受理申请2186件，网上办结1642件，窗口办结544件，办结率100%。",
        "受理投诉412件，按时办结398件，超时办结14件，办结率100%。",
        "发现问题213个，立行立改168个，限期整改45个，整改率100%。",
        // A subgroup's rate after 其中, with no counts of its own.
        "抽检水样1285份，合格1262份，合格率98.2%，其中出厂水合格率100%、末梢水合格率97.8%。",
        "抽检公共场所320家，合格305家，其中住宿场所合格率98.1%。",
        // The agreements are the base of their fulfilment rate, not its numerator.
        "受理医疗纠纷42起，调解成功39起，其中达成书面协议37起，协议履行率100%。",
    ] {
        assert_eq!(codes(sentence), Vec::<&str>::new(), "{sentence}");
    }
    assert_eq!(
        codes("受理投诉412件，按时办结398件，超时办结10件，办结率100%。"),
        ["GW0402"]
    );
    // A later count of another step, or a kind after 其中, is no base of the rate.
    for wrong in [
        "受理1526件，办结1498件，回访1498件，办结率100%。",
        "受理投诉326件，其中电话投诉319件，办结319件，办结率100%。",
        "抽检公共场所320家，合格305家，合格率98.1%。",
        "受理100件，办结98件，其中即办件40件，办结率90%。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
}

#[test]
fn a_rate_of_a_later_base_the_text_names() {
    for sentence in [
        "应参考86人，实际参考84人，合格84人，合格率100%。",
        "受理调解申请267件，已调处255件，其中调解成功244件，调解成功率95.7%。",
        "发放满意度调查问卷1500份，回收有效问卷1436份，满意1398份，满意率97.4%。",
        "受理医疗纠纷267宗，调处255宗，调解成功244宗，调处成功率95.7%。",
        "受理投诉412件，其中属于本部门职责范围的386件，已办结386件，办结率100%。",
    ] {
        assert_eq!(codes(sentence), Vec::<&str>::new(), "{sentence}");
    }
    // No figure of the sentence gives the rate.
    assert_eq!(
        codes("应参考86人，实际参考84人，合格80人，合格率100%。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("受理投诉326件，办结326件，其中按期办结300件，按期办结率100%。"),
        ["GW0402"]
    );
}

#[test]
fn full_width_dots_in_latin_words() {
    let f = found_of(
        "GW0415",
        &text_doc(&with(
            "邀请Dr．Smith授课，登录www．nhc．gov．cn查询，审查决策3件。",
        )),
    );
    assert_eq!(
        f.iter()
            .map(|f| (f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("．", Some((".".to_string(), true))),
            ("．nhc．gov．", Some((".nhc.gov.".to_string(), true))),
        ]
    );
    assert!(
        f[1].message.contains("“www．nhc．gov．cn”"),
        "{}",
        f[1].message
    );
    // A heading's letter, a dot between Chinese words.
    assert!(
        found_of(
            "GW0415",
            &text_doc(&with("A．依法决策，张三．李四。审查决策3件。"))
        )
        .is_empty()
    );
}

#[test]
fn decimal_points_typed_wrong() {
    let f = found_of(
        "GW0415",
        &text_doc(&with(
            "罚没款共计87。6万元，受众约1．2万人次，审查决策3件。",
        )),
    );
    assert_eq!(
        f.iter()
            .map(|f| (f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("。", Some((".".to_string(), false))),
            ("．", Some((".".to_string(), true)))
        ]
    );
    // The number alone is quoted.
    assert_eq!(f[1].message, "小数点用了全角“．”：“1．2”");
    // A sentence that ends on a figure, and a heading's number.
    for ok in ["全年召开会议12。3月起实行月报。", "全年审查决策3件。"] {
        assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
    }
    let heading = with_measures("（一）甲。\n1．2024年工作安排\n");
    assert!(found_of("GW0415", &text_doc(&heading)).is_empty());
}

/// A full-width comma as a thousands separator makes two figures of one; full-width
/// letters are typed like full-width digits.
#[test]
fn full_width_separators_and_letters_in_figures() {
    let f = found_of(
        "GW0415",
        &text_doc(&with("罚没款12，500元，升级ＨＩＳ系统，达到Ａ级标准。")),
    );
    assert_eq!(
        f.iter()
            .map(|f| (f.text.as_str(), f.severity, f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("，", Severity::Error, Some((String::new(), false))),
            ("ＨＩＳ", Severity::Warning, Some(("HIS".to_string(), true))),
            ("Ａ", Severity::Warning, Some(("A".to_string(), true))),
        ]
    );
    assert_eq!(
        f[0].message,
        "数字“12，500”中间用了全角逗号，会被读成两个数"
    );
    // A list of figures, a count then another clause, years, and longer groups.
    for ok in [
        "两年分别为12，135件。",
        "全年受理12件，100件已办结。",
        "2023年为125，2024年为130件。",
        "受理1，2345件。",
    ] {
        assert!(found_of("GW0415", &text_doc(&with(ok))).is_empty(), "{ok}");
    }
}

/// Word's number format writes a level's numbers in full width: one finding, with the
/// count; a table cell holding a figure grouped with a full-width comma.
#[test]
fn full_width_automatic_numbers_and_cells() {
    use crate::document::Paragraph;
    let mut paras: Vec<Paragraph> = GOOD_REPORT
        .lines()
        .map(|l| Paragraph {
            text: l.to_string(),
            ..Default::default()
        })
        .collect();
    let item = |text: &str, number: &str| Paragraph {
        text: text.to_string(),
        auto_number: Some(number.to_string()),
        ..Default::default()
    };
    let cell = |row, col, text: &str| Paragraph {
        text: text.to_string(),
        cell: Some(CellRef { table: 1, row, col }),
        ..Default::default()
    };
    let _ = paras.splice(
        5..5,
        [
            item("完善制度。全年修订制度3项。", "１."),
            item("加强培训。全年培训2次。", "２."),
            item("严格审查。全年审查5件。", "３."),
            cell(1, 1, "项目"),
            cell(1, 2, "件数"),
            cell(2, 1, "受理"),
            cell(2, 2, "4，176"),
            cell(3, 1, "办结"),
            cell(3, 2, "4，1760"),
        ],
    );
    let doc = Document::from_paragraphs("t.docx", paras);
    let f = found_of("GW0415", &doc);
    assert_eq!(
        f.iter()
            .map(|f| (f.text.as_str(), f.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                "１",
                "自动编号“１”用了全角数字，应为半角“1”（这样的编号共3处，只在这里报告）"
            ),
            ("，", "数字“4，176”中间用了全角逗号，会被读成两个数"),
        ]
    );
}

#[test]
fn growth_against_the_other_period() {
    for wrong in [
        // The other period's figure before the change, in brackets after it, or reached.
        "全年受理行政许可申请360件，比上年的300件增长25%。",
        "全年办理行政处罚案件120件，同比增长25%（上年为90件）。",
        "受理复议申请由上年的20件增加到26件，增长25%。",
        "监督检查1500户次，同比下降12.5%（2023年为1800户次）。",
        // The change as a figure, then as a percentage.
        "全年受理投诉举报236件，比上年增加36件，增长20%。",
        // A fall written as growth.
        "受理信访86件，较上年的100件增长14%。",
        // The other period's figure in brackets before, after a comma, or with the change.
        "受理复议申请26件（上年20件），同比增长35%。",
        "受理复议申请6件，比上年（5件）增长25%。",
        "受理投诉120件，同比下降25%，上年同期为150件。",
        "全年受理360件，比上年的300件增加60件，增长25%。",
        // Each figure led by its year.
        "2023年查处非法行医案件46件，2024年查处31件，下降23.6%。",
        // The other period's figure in a clause of its own.
        "全年立案查处行政处罚案件186件，上年为160件，同比增长12.3%。",
        "全年立案查处行政处罚案件186件，2024年为160件，同比增长12.3%。",
        "全年立案查处行政处罚案件186件，去年同期为160件，同比增长12.3%。",
        // The two figures after the change.
        "全年投诉件数同比下降12.5%，由48件降至40件。",
        // Each figure with its year; a reduction named 精简 or 压减.
        "行政许可事项由2020年的56项精简至2024年的38项，精简47.4%。",
        "审批时限由20个工作日压减到12个工作日，压减50%。",
    ] {
        assert_eq!(codes(wrong), ["GW0402"], "{wrong}");
    }
    for right in [
        "行政许可事项由2020年的56项精简至2024年的38项，精简32.1%。",
        "全年受理行政许可申请360件，比上年的300件增长20%。",
        "全年办理行政处罚案件120件，同比增长33.3%（上年为90件）。",
        "罚没款36.5万元，较上年同期的30万元增长21.7%。",
        "全年受理投诉举报236件，比上年增加36件，增长18%。",
        "受理投诉180件，比上年减少20件，下降10%。",
        "培训执法人员1200人次，较2023年的1000人次提高20%。",
        "受理复议申请由上年的20件增加到26件，增长30%。",
        "受理复议申请26件（上年20件），同比增长30%。",
        "受理投诉120件，同比下降20%，上年同期为150件。",
        "全年受理360件，比上年的300件增加60件，增长20%。",
        "2023年查处非法行医案件46件，2024年查处31件，下降32.6%。",
        "全年立案查处行政处罚案件186件，上年为160件，同比增长16.3%。",
        "全年立案查处行政处罚案件186件，2024年为160件，增长16.3%。",
        "全年投诉件数同比下降16.7%，由48件降至40件。",
        // Another subject's figures after the change.
        "网上办件量由1600件增至3624件，同比增长126.5%，平均跑动次数由1.8次降至0.3次。",
        // A clause of the other period that is not only its figure.
        "全年立案186件，上年立案160件的基础上又有增长，增幅16%。",
        // Two years apart: the change may be over both.
        "2022年受理投诉120件，2024年受理156件，增长20%。",
        // Cut rather than rounded; figures rounded as written (1.08亿 may be 1.084亿).
        "受理投诉1000件，比上年的900件增长11.1%。",
        "全市总诊疗人次1.08亿人次，较上年的1.04亿人次增长3.6%。",
        // The change of another figure of the sentence.
        "全年共办理2300件，其中线上办理1800件，比上年的1500件增长20%。",
        // Figures and changes paired by order after 分别.
        "检查1200户次、受理投诉85件，分别比上年增长20%、下降15%（上年分别为1000户次、100件）。",
        // The change of a part, not of the figure before it.
        "全年受理投诉360件，比上年增加60件，其中网络投诉增长50%。",
        // No figure of the other period, or a change in points.
        "全年受理240件，同比增长20%，办结235件。",
        "抽检300份，合格率98%，比上年的95%提高3个百分点。",
    ] {
        assert_eq!(codes(right), Vec::<&str>::new(), "{right}");
    }
    let found = found_of(
        "GW0402",
        &text_doc(&with("受理信访86件，较上年的100件增长14%。")),
    );
    assert_eq!(found[0].message, "从100件到86件是下降，不是增长14%");
    // Of the sentence's figures, the one nearest the other period's is this period's.
    let found = found_of(
        "GW0402",
        &text_doc(&with(
            "立案查处违法案件114件，其中适用简易程序37件、适用普通程序77件；案件数量较上年的108件增长9.6%。",
        )),
    );
    assert_eq!(
        found[0].message,
        "增幅与前后两期的数字不符：从108件到114件，增长5.6%，这里写的是9.6%"
    );
    let found = found_of(
        "GW0402",
        &text_doc(&with("全年受理行政许可申请360件，比上年的300件增长25%。")),
    );
    assert_eq!(
        found[0].message,
        "增幅与前后两期的数字不符：从300件到360件，增长20.0%，这里写的是25%"
    );
}

#[test]
fn a_plain_text_wrapped_mid_sentence_is_read_as_one_paragraph() {
    // A PDF copy wrapped at a fixed width: the list and its total on three lines.
    let wrapped = with(
        "调整后共有行政许可12项、行政处罚318\n项、行政强制4项、行政检查27项、其他行政权力19项，合计380项。三\n是推行法律顾问制度。",
    );
    assert_eq!(codes_of("GW0401", &wrapped), []);
    let wrong = wrapped.replace("合计380项", "合计390项");
    assert_eq!(
        codes_of("GW0401", &wrong)
            .into_iter()
            .map(|(c, _)| c)
            .collect::<Vec<_>>(),
        ["GW0401"]
    );
}

#[test]
fn table_rate_columns_against_their_counts() {
    let rows: &[&[&str]] = &[
        &[
            "机构类型",
            "抽查户数",
            "合格户数",
            "不合格户数",
            "合格率（%）",
        ],
        &["医院", "42", "41", "1", "97.6"],
        &["诊所", "186", "175", "11", "96.1"],
        &["合计", "228", "216", "12", "94.7"],
    ];
    assert_eq!(table_codes(rows), [("GW0402", "96.1".to_string())]);
    let right = [
        &rows[..2],
        &[&["诊所", "186", "175", "11", "94.1"][..]],
        &rows[3..],
    ]
    .concat();
    assert_eq!(table_codes(&right), []);
    // 100% needs the counts equal, whatever the rounding.
    let all = "| 类别 | 受理（件） | 办结（件） | 办结率 |\n|---|---|---|---|\n| 投诉 | 326 | 325 | 100% |\n| 举报 | 40 | 40 | 100% |";
    assert_eq!(
        text_table_codes(Format::Markdown, all),
        [("GW0402", "100%".to_string())]
    );
    // "应…" heads the base: "应参训人数" is no second numerator of 参训率; 实到 is 到会率's.
    for (base, counted, rate) in [
        ("应参训人数", "参训人数", "参训率"),
        ("应公示事项", "已公示事项", "公示率"),
        ("应到（人）", "实到（人）", "到会率"),
    ] {
        let rows: &[&[&str]] = &[
            &["班次", base, counted, rate],
            &["第一期", "120", "118", "98.3%"],
            &["第二期", "90", "81", "98.0%"],
            &["第三期", "60", "60", "100%"],
        ];
        assert_eq!(
            table_codes(rows),
            [("GW0402", "98.0%".to_string())],
            "{rate}"
        );
    }
}

#[test]
fn table_rate_columns_read_only_when_clear() {
    // 按期办结率 is not of all the 办结; no column counts the 按期 ones.
    let narrowed: &[&[&str]] = &[
        &["类别", "受理件数", "办结件数", "按期办结率"],
        &["投诉", "326", "319", "90%"],
        &["举报", "40", "40", "95%"],
    ];
    assert_eq!(table_codes(narrowed), []);
    // Most rows computed on another base (the cases heard, not received): not a misprint.
    let other_base: &[&[&str]] = &[
        &["单位", "受理", "办结", "办结率"],
        &["城关所", "100", "80", "100%"],
        &["东城所", "50", "45", "100%"],
        &["西城所", "40", "30", "100%"],
    ];
    assert_eq!(table_codes(other_base), []);
    // Two bases: no telling which one.
    let two_bases: &[&[&str]] = &[
        &["类别", "受理", "立案", "办结", "办结率"],
        &["投诉", "326", "300", "290", "88.9%"],
    ];
    assert_eq!(table_codes(two_bases), []);
    // A 满意度 score is no rate of counts.
    let score: &[&[&str]] = &[
        &["类别", "回访件数", "满意件数", "满意度（分）"],
        &["投诉", "326", "300", "95.2"],
    ];
    assert_eq!(table_codes(score), []);
}

#[test]
fn table_change_columns_against_the_two_periods() {
    let rows = "| 类别 | 2023年 | 2024年 | 增长 |\n|---|---|---|---|\n| 监督检查（户次） | 1000 | 1200 | 25% |\n| 行政处罚（件） | 30 | 36 | 20% |\n| 行政许可（件） | 500 | 450 | -10% |";
    assert_eq!(
        text_table_codes(Format::Markdown, rows),
        [("GW0402", "25%".to_string())]
    );
    let words: &[&[&str]] = &[
        &["指标", "上年", "本年", "同比（%）"],
        &["受理", "400", "360", "下降10.0"],
        &["办结", "380", "342", "10.0"],
    ];
    assert_eq!(table_codes(words), [("GW0402", "10.0".to_string())]);
    // Three years: which two the change is of is not said. A change in 件 is a count.
    let three: &[&[&str]] = &[
        &["指标", "2022年", "2023年", "2024年", "增长"],
        &["受理", "300", "400", "360", "50%"],
    ];
    assert_eq!(table_codes(three), []);
    let counted: &[&[&str]] = &[
        &["指标", "2023年", "2024年", "增减（件）"],
        &["受理", "400", "360", "-30"],
    ];
    assert_eq!(table_codes(counted), []);
}

#[test]
fn meetings_named_before_they_opened() {
    // The good report is dated 2025年1月20日.
    assert_eq!(
        codes("深入学习贯彻党的二十大和二十届三中全会精神，全年审查重大行政决策3件。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("深入学习贯彻党的二十届四中全会精神，全年审查重大行政决策3件。"),
        ["GW0417"]
    );
    // Not listed: after the last listed session of its Committee.
    assert_eq!(
        codes("深入学习贯彻党的二十届五中全会精神，全年审查重大行政决策3件。"),
        ["GW0417"]
    );
    let early = with("学习贯彻党的二十届三中全会精神，全年审查重大行政决策3件。")
        .replace("2025年1月20日", "2024年2月5日");
    assert_eq!(codes_of("GW0417", &early), [("GW0417", 5)]);
    // A list that writes its Committee once: each session is checked, the later one found.
    let listed = with("学习贯彻党的二十大和二十届二中、三中全会精神，全年审查重大行政决策3件。")
        .replace("2025年1月20日", "2024年2月5日");
    let f = found_of("GW0417", &text_doc(&listed));
    assert_eq!(
        f.iter()
            .map(|f| (f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            5,
            "二十届三中全会于2024年7月15日召开，晚于本报告的成文日期（2024年2月5日）"
        )]
    );
    assert_eq!(
        codes("深入学习贯彻党的二十届二中、三中全会精神，全年审查重大行政决策3件。"),
        Vec::<&str>::new()
    );
    // Looked forward to, in a report written before it opened.
    let awaited = |sentence: &str| {
        codes_of(
            "GW0417",
            &with(sentence).replace("2025年1月20日", "2022年1月20日"),
        )
    };
    for sentence in [
        "以优异成绩迎接党的二十大胜利召开。",
        "为党的二十大胜利召开营造良好法治环境。",
    ] {
        assert_eq!(awaited(sentence), [], "{sentence}");
    }
    assert_eq!(
        awaited("党的二十大胜利召开以来，深入学习贯彻大会精神。"),
        [("GW0417", 5)]
    );
}

/// A meeting studied in a month before it opened, by the date the sentence opens with.
#[test]
fn meetings_studied_before_they_opened() {
    let f = found_of(
        "GW0417",
        &text_doc(&with(
            "2023年12月，组织学习党的二十届三中全会精神，全年审查重大行政决策3件。",
        )),
    );
    assert_eq!(
        f.iter()
            .map(|f| (f.line, f.text.as_str(), f.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            5,
            "二十届三中全会",
            "二十届三中全会于2024年7月15日召开，晚于本句开头的时间（2023年12月）"
        )]
    );
    for sentence in [
        "2024年7月，组织学习党的二十届三中全会精神。",
        "2024年，组织学习党的二十届三中全会精神。",
        "2023年12月，制定学法计划；2024年8月，组织学习党的二十届三中全会精神。",
        "2023年12月以来，组织学习党的二十届三中全会精神。",
        "2023年12月，制定计划，2024年9月组织学习党的二十届三中全会精神。",
    ] {
        assert_eq!(codes(sentence), Vec::<&str>::new(), "{sentence}");
    }
}

#[test]
fn a_rate_may_be_of_a_kind_named_after_qizhong() {
    // The rate fits the kind to the digits written: it is that kind's.
    for sentence in [
        "受理医疗纠纷168起，其中通过人民调解处理126起，调解成功118起，调解成功率93.7%。",
        "抽检水样500份，其中出厂水200份，合格198份，合格率99%。",
        // 100%: equal counts alone prove nothing, the numerator naming the kind does.
        "受理行政许可1526件，其中即办件412件，即办件当场办结412件，当场办结率100%。",
    ] {
        assert_eq!(codes(sentence), Vec::<&str>::new(), "{sentence}");
    }
    // Of the whole when no kind fits.
    assert_eq!(
        codes("受理医疗纠纷168起，其中通过人民调解处理126起，调解成功118起，调解成功率83.7%。"),
        ["GW0402"]
    );
}

#[test]
fn a_share_of_several_parts_together_is_not_of_the_last() {
    assert_eq!(
        codes("查处案件126件，其中医疗美容32件、非法行医48件、传染病防治30件，以上三类占87.3%。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("查处案件126件，其中医疗美容32件、非法行医48件、传染病防治30件，占33.8%。"),
        ["GW0402"]
    );
}

#[test]
fn figures_written_rounded_are_compared_as_rounded() {
    for sentence in [
        "医保基金支出3.5亿元，其中住院费用2.13亿元、门诊费用1.39亿元。",
        "罚没款128.6万元，其中罚款96.35万元、没收违法所得32.23万元。",
        "受理行政许可1.26万件，办结1.25万件，办结率99.6%。",
    ] {
        assert_eq!(codes(sentence), Vec::<&str>::new(), "{sentence}");
    }
    // Beyond what rounding explains.
    assert_eq!(
        codes("医保基金支出3.5亿元，其中住院费用2.23亿元、门诊费用1.39亿元。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("受理行政许可1.26万件，办结1.25万件，办结率90.6%。"),
        ["GW0402"]
    );
}

#[test]
fn two_kinds_short_of_the_total_by_other_kinds_are_left_alone() {
    // 58 is no slip of one figure: other places were checked too.
    assert_eq!(
        codes("开展执法检查5126户次，其中医疗机构2318户次、公共场所2750户次。"),
        Vec::<&str>::new()
    );
    // 63 is: 2381 typed 2318.
    assert_eq!(
        codes("开展执法检查5131户次，其中医疗机构2318户次、公共场所2750户次。"),
        ["GW0401"]
    );
}

#[test]
fn coverage_of_a_registered_population_may_pass_100() {
    assert_eq!(
        codes("受流动人口流入影响，全市免疫规划疫苗报告接种率为102.4%。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("户籍人口参保率101.3%（含在本市参保的非户籍人口）。"),
        Vec::<&str>::new()
    );
    assert_eq!(codes("行政复议决定履行率101.3%。"), ["GW0403"]);
}

#[test]
fn multiple_choice_tables_do_not_add_up() {
    let survey = "问卷调查（可多选）结果如下：\n渠道\t人数\t占比（%）\n微信公众号\t820\t68.3\n电视广播\t540\t45.0\n宣传资料\t410\t34.2\n合计\t1200\t—";
    assert_eq!(text_table_codes(Format::Text, survey), []);
    let single = survey.replace("（可多选）", "");
    assert_eq!(
        text_table_codes(Format::Text, &single)
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>(),
        ["GW0412"]
    );
}

#[test]
fn people_counted_in_ming_and_ren_are_one_unit() {
    assert_eq!(
        codes("组织199名执法人员参加行政执法资格考试，合格190人，合格率97.5%。"),
        ["GW0402"]
    );
    assert_eq!(
        codes("组织199名执法人员参加行政执法资格考试，合格194人，合格率97.5%。"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_list_after_qizhong_closed_by_its_total_adds_up() {
    // No figure before 其中: the 合计 can only be the list's.
    assert_eq!(
        codes("清理规范性文件，其中省级19件、市级22件、县级50件，合计93件，拟修改13件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("清理规范性文件，其中省级19件、市级22件、县级52件，合计93件，拟修改13件。"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_figure_that_cuts_across_the_parts_does_not_continue_the_list() {
    let text = "受理投诉举报346件，其中医疗质量类22件、服务态度类44件、医疗收费类275件，均按时办结，涉及医疗美容的9件已移交市场监管部门。";
    assert_eq!(codes(text), ["GW0401"]);
    assert_eq!(codes(&text.replace("275件", "280件")), Vec::<&str>::new());
}

#[test]
fn a_figure_per_head_is_no_numerator() {
    assert_eq!(
        codes("培训执法人员1560人次，人均参训6人次，参训率100%。"),
        Vec::<&str>::new()
    );
}

#[test]
fn amounts_of_money_over_their_total_are_wrong_however_listed() {
    assert_eq!(
        codes("全年罚没款78.6万元，其中罚款72.4万元，没收违法所得7.2万元。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("全年罚没款79.6万元，其中罚款72.4万元，没收违法所得7.2万元。"),
        Vec::<&str>::new()
    );
}

#[test]
fn halves_of_the_year_are_the_whole_year() {
    assert_eq!(
        codes("全年共受理投诉1100件，其中上半年512件，下半年488件。"),
        ["GW0401"]
    );
    // A total after the parts may name its scope and what was done to all of them.
    assert_eq!(
        codes("上半年和下半年分别受理投诉512件、488件，全年共受理1100件。"),
        ["GW0401"]
    );
    assert_eq!(
        codes("上半年和下半年分别受理投诉512件、488件，全年共受理1000件。"),
        Vec::<&str>::new()
    );
}

/// A plan's deadline already past when the report was written (dated 2025年1月20日).
#[test]
fn a_plan_deadline_already_past() {
    let plan = |sentence: &str| {
        GOOD_REPORT.replace(
            "继续完善依法决策机制，提升依法行政水平。",
            &format!("继续完善依法决策机制，{sentence}"),
        )
    };
    for past in [
        "力争2024年底前实现高频事项全程网办。",
        "于2024年12月前完成规范性文件清理。",
        "到2024年底，实现执法全过程记录全覆盖。",
    ] {
        let found = found_of("GW0418", &text_doc(&plan(past)));
        assert_eq!(found.len(), 1, "{past}");
        assert_eq!(found[0].line, 11, "{past}");
    }
    for fine in [
        "力争2025年底前实现高频事项全程网办。",
        // The month of the 成文日期 is not over yet.
        "于2025年1月前完成规范性文件清理。",
        // What is older, not a deadline.
        "对2024年以前出台的规范性文件开展清理。",
    ] {
        assert!(
            found_of("GW0418", &text_doc(&plan(fine))).is_empty(),
            "{fine}"
        );
    }
    // The same sentence among the year's measures is what was done.
    let measures = GOOD_REPORT.replace(
        "全年审查重大行政决策3件，全部经过合法性审查。",
        "力争2024年底前实现高频事项全程网办，已如期完成。",
    );
    assert!(found_of("GW0418", &text_doc(&measures)).is_empty());
}

/// The 第一责任人's part is of the reported year, like the measures.
#[test]
fn a_stale_year_in_the_leader_part_heading() {
    let text = GOOD_REPORT.replace(
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "三、2023年度党政主要负责人履行推进法治建设第一责任人职责情况",
    );
    let found = found_of("GW0406", &text_doc(&text));
    assert_eq!(
        found
            .iter()
            .map(|f| (f.line, f.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            8,
            "“党政主要负责人履行推进法治建设第一责任人职责情况”应写2024年（报告年度为2024年），这一部分的标题写的是2023年"
        )]
    );
    let right = text.replace("2023年度党政", "2024年度党政");
    assert_eq!(found_of("GW0406", &text_doc(&right)).len(), 0);
}

/// A sentence of last year's inside the year's measures, past the part's first paragraph.
#[test]
fn a_stale_year_sentence_inside_the_measures() {
    const FIRST: &str = "全年审查重大行政决策3件，全部经过合法性审查。";
    let stale = |sentence: &str| {
        let text = GOOD_REPORT.replace(FIRST, &format!("{FIRST}\n{sentence}"));
        found_of("GW0406", &text_doc(&text))
            .into_iter()
            .map(|f| f.line)
            .collect::<Vec<_>>()
    };
    let next_line = 2 + GOOD_REPORT.lines().position(|l| l.contains(FIRST)).unwrap();
    assert_eq!(
        stale("落实《医疗纠纷预防和处理条例》。2023年，全县受理医疗纠纷58件，调解成功52件。"),
        [next_line]
    );
    for fine in [
        // A comparison, a look back, a year inside a sentence.
        "2023年，全县受理医疗纠纷58件；2024年，受理72件。",
        "落实条例。2023年以来，全县共受理医疗纠纷130件。",
        "落实条例。今年受理医疗纠纷72件，比2023年，多14件。",
        "落实条例。对2023年，出台的文件开展评估。",
        // The context of this year's work.
        "2023年，我委被确定为试点单位，本年度按照试点方案深化改革。",
        // An honour awarded last year, as the background of this year's work.
        "巩固示范创建成果。2023年，我委被命名为全省法治政府建设示范项目单位。",
    ] {
        assert_eq!(stale(fine), Vec::<usize>::new(), "{fine}");
    }
}

/// A percentage in words beside one in figures in the same sentence (GW0410).
#[test]
fn a_percentage_in_words_beside_figures() {
    let found = found_of(
        "GW0410",
        &text_doc(&with("按时办结率百分之百，群众满意率98.6%。")),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "百分之百");
    assert_eq!(found[0].fix, Some(("100%".to_string(), false)));
    // A bound is a figure too ("95%以上").
    let bound = found_of(
        "GW0410",
        &text_doc(&with("合格率98.6%，百分之九十五以上的问题当场整改。")),
    );
    assert_eq!(bound.len(), 1);
    for fine in [
        // Two adjacent numerals: an approximation, written in Chinese numerals only.
        "合格率98.6%，百分之七八十的问题当场整改。",
        "按时办结率百分之九十八点五。",
        "实现“百分之百”覆盖，满意率98%。",
        "按时办结率百分之百。群众满意率98.6%。",
    ] {
        assert!(
            found_of("GW0410", &text_doc(&with(fine))).is_empty(),
            "{fine}"
        );
    }
}

#[test]
fn figures_of_one_size_are_grouped_alike() {
    let mixed = with("全年受理投诉1,526件，办结1498件，另有3,204人次参加培训。");
    let found = found_of("GW0419", &text_doc(&mixed));
    let got: Vec<_> = found
        .iter()
        .map(|f| (f.line, f.text.as_str(), f.fix.clone()))
        .collect();
    assert_eq!(got, [(5, "1498", Some(("1,498".into(), false)))]);
    assert_eq!(found[0].severity, Severity::Info);
    // The odd one out is the grouped figure when most are not.
    let found = found_of(
        "GW0419",
        &text_doc(&with("受理投诉1,526件，办结1498件，调解1203件。")),
    );
    assert_eq!(
        found.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
        ["1,526"]
    );
    // Five digits or more are a size of their own.
    let large = with("培训12,500人次，发放资料27700份。");
    assert_eq!(
        found_of("GW0419", &text_doc(&large))
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>(),
        ["27700"]
    );
}

#[test]
fn grouping_is_quiet_where_the_standard_allows_it() {
    for fine in [
        // Four digits may stay ungrouped where larger figures are grouped.
        "培训12,500人次，发放资料1498份。",
        // Years, codes, percentages, titles and figures without a unit are no counts.
        "2024年受理投诉1,526件，办结率98.6%，热线12345接听电话1,302个。",
        "受理投诉1,526件，编号0106件。",
        "受理投诉1,526件，学习《关于做好2000项任务的通知》。",
        "受理投诉1526件，办结1498件。",
        // A table typed as text, as a Word table's cells, keeps its own form.
        "受理投诉1,526件。\n类别\t受理\t办结\n投诉\t1526件\t1498件",
        // Year-like classes, ordinals and ranges.
        "受理投诉1,526件，培训2024级规培学员，召开第2000次会议，补助1000—2000元。",
    ] {
        assert!(
            found_of("GW0419", &text_doc(&with(fine))).is_empty(),
            "{fine}"
        );
    }
}

#[test]
fn a_breakdown_after_a_sentence_closed_by_its_rate() {
    // Received and closed the same 1526: the parts are of them.
    assert_eq!(
        codes(
            "全年受理许可申请1526件，办结1526件，办结率100%。其中公共场所812件、医疗机构326件、放射诊疗41件、其他350件。"
        ),
        ["GW0401"]
    );
    assert_eq!(
        codes(
            "全年受理许可申请1526件，办结1526件，办结率100%。其中公共场所812件、医疗机构326件、放射诊疗41件、其他347件。"
        ),
        Vec::<&str>::new()
    );
    // Two counts: the parts may be of either; one: they may be of the part it counts.
    assert_eq!(
        codes("抽检水样360份，合格354份，合格率98.3%。其中出厂水120份、末梢水234份。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("抽检水样360份，合格率98.3%。其中出厂水120份、末梢水234份。"),
        Vec::<&str>::new()
    );
}

#[test]
fn respective_shares_of_the_total_a_clause_before_their_list() {
    assert_eq!(
        codes(
            "全年办理政务服务事项3,872件，线上办理2,846件、线下办理1,026件，分别占73.5%、27.5%。"
        ),
        ["GW0402"]
    );
    assert_eq!(
        codes(
            "全年办理政务服务事项3,872件，线上办理2,846件、线下办理1,026件，分别占73.5%、26.5%。"
        ),
        Vec::<&str>::new()
    );
    // Parts that do not make the count before them are not known to be of it.
    assert_eq!(
        codes(
            "全年办理政务服务事项3,900件，线上办理2,846件、线下办理1,026件，分别占73.5%、27.5%。"
        ),
        Vec::<&str>::new()
    );
}

#[test]
fn dates_no_calendar_has() {
    for wrong in [
        "2025年2月30日，我委召开全委法治建设工作会议。",
        "2025年13月，完成规范性文件清理。",
        "于2025年4月31日前完成整改。",
        "力争6月31日前全部办结。",
        "2023年2月29日，召开专题会议。",
        "2025年0月，启动专项行动。",
        "计划于第五季度完成验收。",
        "2025年第5季度，开展专项督查。",
        "2024年1—13月，全市受理投诉12件。",
    ] {
        assert_eq!(codes_of("GW0420", &with(wrong)).len(), 1, "{wrong}");
    }
    for right in [
        "2024年2月29日，召开专题会议。",
        // No year: 2月29日 may be of a leap year.
        "每年2月29日前报送。",
        "2025年1—12月，共受理投诉86件。",
        "12月1日至31日开展专项检查。",
        // A count of months, and figures that only look like one.
        "连续13月无事故，累计13个月。",
        "2024年度，各单位整改周期为1—13月不等。",
        "版本2.13月度更新，编号20251312月报。",
        "第一至第四季度分别办结12件、15件、18件、20件，第四季度最多。",
    ] {
        assert_eq!(codes_of("GW0420", &with(right)), [], "{right}");
    }
    let found = found_of("GW0420", &text_doc(&with("2025年2月30日，召开会议。")));
    assert_eq!(
        found[0].message,
        "“2025年2月30日”不是真实存在的日期：2025年2月只有28天"
    );
    let found = found_of("GW0420", &text_doc(&with("2025年3月0日，召开会议。")));
    assert_eq!(
        found[0].message,
        "“2025年3月0日”不是真实存在的日期：没有0日"
    );
    let found = found_of("GW0420", &text_doc(&with("于第五季度完成。")));
    assert_eq!(found[0].message, "“第五季度”不存在：一年只有四个季度");
    // The 成文日期 is GW0204's.
    let signed = with("召开会议。").replace("2025年1月20日", "2025年2月30日");
    assert_eq!(codes_of("GW0420", &signed), []);
}

/// Messages show figures as the table writes them: grouped by thousands, a rate as a
/// percentage under a "（%）" header.
#[test]
fn table_messages_write_figures_as_the_table_does() {
    let messages = |table: &str| -> Vec<String> {
        let text = with_measures(&format!("{MEASURES}\n{table}"));
        let doc = Document::from_text("t", Format::Text, "utf-8", text);
        crate::Linter::with_defaults()
            .lint_document(&doc)
            .into_iter()
            .filter(|d| d.rule.code.starts_with("GW04"))
            .map(|d| d.message)
            .collect()
    };
    assert_eq!(
        messages("县区\t检查户次\n东城区\t1,320\n西城区\t1,186\n青禾县\t1,614\n合计\t4,210"),
        ["第6行起的表格“合计”行第2列为4,210，但上方各项之和为4,120（1,320+1,186+1,614）"]
    );
    assert_eq!(
        messages(
            "项目\t抽检（份）\t合格（份）\t合格率（%）\n生活饮用水\t420\t408\t98.6\n公共场所\t1,250\t1,175\t94.0"
        ),
        ["第6行起的表格“生活饮用水”行合格率为98.6%，但合格（份）408÷抽检（份）420≈97.1%"]
    );
    // Parts in two scales keep their units.
    assert_eq!(
        messages_of_sentence("罚没款合计96.4万元，其中罚款821,000元、没收违法所得15.3万元。"),
        ["“其中”所列分项之和为97.4万元（821,000元+15.3万元），超过总数96.4万元"]
    );
}

fn messages_of_sentence(sentence: &str) -> Vec<String> {
    found_of("GW0401", &text_doc(&with(sentence)))
        .into_iter()
        .map(|f| f.message)
        .collect()
}

/// A rate of reduction is of what was cut: "由12个精简至5个，精简率58.3%" is (12−5)÷12.
#[test]
fn reduction_rates_are_of_what_was_cut() {
    for sentence in [
        "办理环节由原来的12个精简至5个，精简率58.3%。",
        "培训机构由86家压减至4家，压减率95.3%。",
        "办理时限由20个工作日压缩到5个工作日，压缩率75%。",
    ] {
        assert_eq!(codes(sentence), Vec::<&str>::new(), "{sentence}");
    }
    let f = found_of(
        "GW0402",
        &text_doc(&with("办理环节由原来的12个精简至5个，精简率41.7%。")),
    );
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("(12−5)÷12"), "{}", f[0].message);
}

#[test]
fn a_year_in_chinese_numerals_with_a_zero_typed_for_its_ling() {
    let found = found_of(
        "GW0421",
        &text_doc(&with_measures(
            "（一）健全依法决策机制。二0二四年完成清理，二O二三年启动，二〇二二年试点，型号AO二O年。",
        )),
    );
    assert_eq!(
        found
            .iter()
            .map(|f| (f.text.as_str(), f.fix.clone()))
            .collect::<Vec<_>>(),
        [
            ("二0二四", Some(("二〇二四".to_string(), true))),
            ("二O二三", Some(("二〇二三".to_string(), true))),
        ]
    );
    assert!(found[0].help.contains("“2024年”"), "{}", found[0].help);
    // The message names what was typed.
    assert_eq!(
        found.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
        [
            "年份“二0二四年”中混入了阿拉伯数字“0”，汉字数字的零应写作“〇”",
            "年份“二O二三年”中混入了字母“O”，汉字数字的零应写作“〇”"
        ]
    );
}

#[test]
fn years_that_do_not_fit_their_period_or_count() {
    for (wrong, message) in [
        (
            "“十四五”时期（2016—2020年），我委累计制定规范性文件12件。",
            "“十四五”是2021—2025年，括号中写的是2016—2020年",
        ),
        (
            "深入实施“八五”普法规划（2016—2020年）。",
            "“八五”普法是2021—2025年，括号中写的是2016—2020年",
        ),
        (
            "我委连续5年（2021—2024年）获评依法行政先进单位。",
            "2021—2024年是4年，不是5年",
        ),
        (
            "近三年（2021—2024年）未发生行政诉讼败诉案件。",
            "2021—2024年是4年，不是3年",
        ),
        ("2022—2025年连续三年获评先进。", "2022—2025年是4年，不是3年"),
        // A year said to open or close a period.
        (
            "2025年是“十四五”规划开局之年。",
            "“十四五”的开局之年是2021年，这里写的是2025年",
        ),
        (
            "“十四五”开局之年（2025年），我委全面推进依法行政。",
            "“十四五”的开局之年是2021年，这里写的是2025年",
        ),
        (
            "2021年是“八五”普法的收官之年。",
            "“八五”普法的收官之年是2025年，这里写的是2021年",
        ),
    ] {
        let found = found_of("GW0422", &text_doc(&with(wrong)));
        assert_eq!(found.len(), 1, "{wrong}");
        assert_eq!(found[0].message, message, "{wrong}");
    }
    let found = found_of("GW0422", &text_doc(&with("“十五五”时期（2021—2025年）。")));
    assert_eq!(
        found[0].help,
        "核对时期和年份：名称无误的，年份改为2026—2030年；年份无误的，改为“十四五”"
    );
    let found = found_of("GW0422", &text_doc(&with("2026年是“十四五”收官之年。")));
    assert_eq!(
        found[0].help,
        "核对年份和时期：“十四五”是2021—2025年，2021年开局，2025年收官；2026年是“十五五”开局之年"
    );
    for right in [
        "“十四五”时期（2021—2025年）圆满收官。",
        // The period so far.
        "“十四五”以来（2021—2024年），累计办理复议案件46件。",
        "“十四五”期间（2021—2024年）累计培训执法人员1,200人次。",
        // "七五" alone is also the seventh Five-Year Plan.
        "“七五”时期（1986—1990年）卫生事业起步。",
        "连续4年（2021—2024年）获评先进单位，近三年（2023—2025年）零败诉。",
        "2021—2025年连续5年保持零投诉。",
        // Two periods together.
        "“十三五”至“十四五”时期（2016—2025年），法治建设持续推进。",
        "“十三五”“十四五”期间（2016—2025年）持续推进。",
        "2025年是“十四五”收官之年，2026年是“十五五”开局之年。",
        "“八五”普法开局之年（2021年）。",
        // A year of its own clause, not said to open the period.
        "2025年，“十四五”开局之年以来的成果得到巩固。",
    ] {
        assert_eq!(codes_of("GW0422", &with(right)), [], "{right}");
    }
}

/// An average is its total over what it is per, when the sentence names one of each.
#[test]
fn averages() {
    let found = found_of(
        "GW0402",
        &text_doc(&with("开展培训12场，参训360人次，场均40人次。")),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].message, "360人次÷12场=30，与场均40人次不符");
    assert_eq!(
        codes("执法人员32人，人均办案15件，全年共办案400件。"),
        ["GW0402"]
    );
    for ok in [
        "开展培训12场，参训360人次，场均30人次。",
        "执法人员32人，人均办案12.5件，全年共办案400件。",
        // Rounded or cut to the figure's places.
        "开展培训12场，参训365人次，平均每场30人次。",
        "开展培训12场，参训370人次，场均30.8人次。",
        // Two counts it may be per, a total in 万, money, or no count at all.
        "开展培训12场，其中线上6场、线下6场，参训360人次，场均40人次。",
        "全市参保12.3万人，人均报销费用3,200元，基金支出3.8亿元。",
        "服务群众1.2万人次，开展义诊40场，场均260人次。",
        "全市常住人口30万人，人均预期寿命79.5岁。",
        "执法人员人均办案15件。",
    ] {
        assert_eq!(codes_of("GW0402", &with(ok)), [], "{ok}");
    }
}

/// The largest single one is no more than the total before it.
#[test]
fn a_maximum_over_its_total() {
    let found = found_of(
        "GW0401",
        &text_doc(&with("全年罚没款合计12,500元，其中单笔最高20,000元。")),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].message, "其中最大的一项20,000元超过了总数12,500元");
    assert_eq!(
        codes("全年共受理投诉举报86件，最多的一个月达到92件。"),
        ["GW0401"]
    );
    for ok in [
        "全年罚没款合计12,500元，其中单笔最高5,000元。",
        // Another unit, no total named, or 公共 (not 共).
        "全年共办理案件86件，单笔罚款最高20,000元。",
        "罚款12,500元，单笔最高20,000元的案件由上年移送。",
        "监督检查公共场所120家，单个街道最多150家次。",
    ] {
        assert_eq!(codes_of("GW0401", &with(ok)), [], "{ok}");
    }
}

/// A multiple against the two figures: 增长了N倍 is N+1 times, 翻番 at least twice.
#[test]
fn multiples() {
    let found = found_of(
        "GW0402",
        &text_doc(&with("受理件数由1,200件增加到3,600件，增长了3倍。")),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        found[0].message,
        "从1,200件到3,600件是原来的3倍，即增长了2倍，不是“增长了3倍”"
    );
    assert_eq!(
        found[0].help,
        "“增长了N倍”是原来的N+1倍：改为“是原来的3倍”或“增长了2倍”"
    );
    for (wrong, message) in [
        (
            "受理件数由1,200件增加到3,600件，是上年的2倍。",
            "从1,200件到3,600件是原来的3倍，与“是上年的2倍”不符",
        ),
        (
            "罚没款由21.6万元增加到38.65万元，实现翻番。",
            "从21.6万元到38.65万元是原来的1.79倍，还没有“翻番”",
        ),
    ] {
        let found = found_of("GW0402", &text_doc(&with(wrong)));
        assert_eq!(found.len(), 1, "{wrong}");
        assert_eq!(found[0].message, message, "{wrong}");
    }
    for ok in [
        "受理件数由1,200件增加到3,600件，增长了2倍。",
        "受理件数由1,200件增加到3,600件，是上年的3倍。",
        "全年行政复议案件9件，比上年的5件增长0.8倍。",
        "罚没款由21.6万元增加到44.5万元，实现翻番。",
        "网上办件量由1,600件增至3,624件，翻了一番。",
        // A multiple of something else.
        "受理件数由1,200件增加到3,600件，执法效率提高3倍。",
    ] {
        assert_eq!(codes_of("GW0402", &with(ok)), [], "{ok}");
    }
}

/// "1.2024年…": an item's number before a year is no decimal 1.2024, and no figure of the
/// sentence, so the date, the year and the totals after it are read.
#[test]
fn a_year_after_an_item_number_is_read() {
    let item = |line: &str| {
        let text = with_measures(&format!(
            "（一）健全依法决策机制\n{line}\n2.审查重大行政决策3件，全部经过合法性审查。"
        ));
        found_of("GW0", &text_doc(&text))
            .into_iter()
            .map(|f| (f.code, f.line, f.text))
            .collect::<Vec<_>>()
    };
    for (line, code, text) in [
        (
            "1.2024年4月31日，我委完成规范性文件清理。",
            "GW0420",
            "2024年4月31日",
        ),
        (
            "1.2024年13月，我委完成规范性文件清理。",
            "GW0420",
            "2024年13月",
        ),
        ("1.2250年，我委完成规范性文件清理。", "GW0416", "2250年"),
        ("1.2023年，我委完成规范性文件清理。", "GW0406", "2023"),
        (
            "1.共救治患者2033名，均在规定时限内办结。共救治患者961名。",
            "GW0407",
            "961名",
        ),
    ] {
        assert_eq!(item(line), [(code, 6, text.to_owned())], "{line}");
    }
    assert_eq!(item("1.2024年4月30日，我委完成规范性文件清理。"), []);
    // A decimal at the start of a line stays one figure: no item number is cut from it.
    let decimal = item("1.2万人次参加培训，其中线上1.5万人次。");
    assert_eq!(decimal.len(), 2, "{decimal:?}");
    assert_eq!(decimal[0].0, "GW0401");
}

/// A paragraph's item number is cut from its figures, with the line breaks after it
/// moved; a break inside the number (a Word line break in "（<br/>一）") leaves it whole.
#[test]
fn an_item_number_is_cut_unless_a_break_is_inside_it() {
    let text = "（一）共救治患者2033名";
    let cut = "（一）".len();
    assert_eq!(
        super::without_item_number(text, 100, vec![(cut + 6, 1)]),
        (&text[cut..], 100 + cut, vec![(6, 1)])
    );
    assert_eq!(
        super::without_item_number(text, 100, vec![(3, 1)]),
        (text, 100, vec![(3, 1)])
    );
}
