//! "《宪法宣传周》": an activity's name in the marks of a title. GB/T 15834-2011 附录A:
//! the names of meetings, activities and the like are no works and take no 书名号.

use super::EVENT_IN_TITLE_MARKS;
use crate::diagnostic::Diagnostic;
use crate::text::squeeze;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    endings: Vec<String>,
    days: Vec<String>,
    named_after: Vec<String>,
    works_after: Vec<String>,
}

/// rules/events.toml; tested, so a parse failure is a build defect.
fn events() -> &'static EventsFile {
    static E: OnceLock<EventsFile> = OnceLock::new();
    E.get_or_init(|| {
        toml::from_str::<EventsFile>(crate::embedded::EVENTS).expect("rules/events.toml is valid")
    })
}

/// The words an activity's name ends with.
fn endings() -> &'static [String] {
    &events().endings
}

/// The days named by their date ("国家宪法日" of "“12·4”国家宪法日").
pub fn days() -> &'static [String] {
    &events().days
}

/// Words just before an article's or a programme's title: "《健康报》刊发《…开展宪法宣传周
/// 活动》" names a work, whatever it is about.
const WORKS_AFTER: [&str; 16] = [
    "刊发", "刊登", "刊载", "刊出", "发表", "转载", "播出", "播发", "题为", "发布", "推送", "信息",
    "稿件", "文章", "报道", "简报",
];

/// A headline tells what someone did ("我委开展医疗机构依法执业专项检查活动"): an article's
/// title, which takes 书名号, not an activity's name.
const HEADLINE_VERBS: [&str; 6] = ["开展", "举办", "召开", "组织", "举行", "启动"];

/// The finding for the title `raw` (between the marks at `outer`, after the words `before`
/// on its line), when it names an activity.
pub fn check(raw: &str, before: &str, after: &str, outer: Range<usize>) -> Option<Diagnostic> {
    // Right before the title ("刊发了《…》", "题为《…》"), not anywhere before it.
    let near = before.trim_end().trim_end_matches(['了', '的']);
    if WORKS_AFTER.iter().any(|w| near.ends_with(w)) {
        return None;
    }
    // "《健康大讲座》栏目": a programme, which is a work.
    if events()
        .works_after
        .iter()
        .any(|w| after.starts_with(w.as_str()))
    {
        return None;
    }
    let name = squeeze(raw);
    // "《…机制研究》课题": the word after says what the title names.
    if let Some(kind) = events()
        .named_after
        .iter()
        .find(|w| after.starts_with(w.as_str()))
    {
        // "学习《民法典》课程": a course on a document, whose title takes the marks.
        let document = super::KINDS
            .iter()
            .chain(&DOCUMENT_ENDINGS)
            .any(|k| name.ends_with(k));
        return (!document).then(|| no_work(raw, outer, kind));
    }
    if HEADLINE_VERBS.iter().any(|v| name.contains(v)) {
        return None;
    }
    // "《"宪法进万家"活动》": the quoted slogan is the name, the marks still wrong. "《活动》"
    // alone is too short to be sure of; a day's name alone ("《世界卫生日》") is one.
    let activity = endings()
        .iter()
        .any(|e| name.ends_with(e.as_str()) && name.chars().count() > e.chars().count());
    let day = days().iter().any(|d| name.ends_with(d.as_str()));
    let kind = if activity {
        "活动"
    } else {
        "节日、纪念日"
    };
    (activity || day).then(|| no_work(raw, outer, kind))
}

/// Titles of documents and books, besides the kinds of document the citation rules know.
const DOCUMENT_ENDINGS: [&str; 8] = ["典", "通知", "决定", "规则", "标准", "指南", "读本", "教材"];

/// `raw` names an activity, a 课题 or a 课程 (`kind`): no work, so no 书名号.
fn no_work(raw: &str, outer: Range<usize>, kind: &str) -> Diagnostic {
    // Quotation marks inside become single ones: “‘宪法进万家’活动”.
    let quoted = format!("“{}”", raw.replace('“', "‘").replace('”', "’"));
    Diagnostic::new(
        &EVENT_IN_TITLE_MARKS,
        outer,
        format!("《{raw}》是{kind}名称，不应使用书名号"),
        format!("改为{quoted}（GB/T 15834-2011 附录A：课程、课题、会议、活动等名称不是作品，不用书名号）"),
    )
    .with_fix(quoted, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activities_and_documents() {
        for event in [
            "宪法宣传周",
            "民法典宣传月",
            "国家宪法日",
            "全市卫生健康系统法治政府建设工作推进会",
            "法律知识竞赛",
            "“宪法进万家”活动",
            // Days by their names alone.
            "全民国家安全教育日",
            "世界卫生日",
            "中国医师节",
        ] {
            assert!(check(event, "开展", "", 0..1).is_some(), "{event}");
        }
        let d = check("世界卫生日", "开展", "", 0..1).unwrap();
        assert_eq!(
            d.message,
            "《世界卫生日》是节日、纪念日名称，不应使用书名号"
        );
        let d = check("“宪法进万家”活动", "", "", 0..1).unwrap();
        assert_eq!(d.message, "《“宪法进万家”活动》是活动名称，不应使用书名号");
        assert_eq!(d.fix.unwrap().replacement, "“‘宪法进万家’活动”");
        // An article's title: after the words that name one, or a headline.
        assert!(check("全市法治宣传周活动", "报送的信息", "", 0..1).is_none());
        assert!(check("我委开展医疗机构依法执业专项检查活动", "被采用的", "", 0..1).is_none());
        assert!(check("市卫生健康委举办法治专题讲座", "", "", 0..1).is_none());
        // A programme's title, which names a work.
        assert!(check("健康大讲座", "在", "栏目播出", 0..1).is_none());
        assert!(check("健康大讲座", "在", "播出", 0..1).is_some());
        for document in [
            "关于开展2024年宪法宣传周活动的通知",
            "宪法宣传周活动方案",
            "健康中国行动（2019—2030年）",
            "活动",
            "中华人民共和国宪法",
        ] {
            assert!(check(document, "", "", 0..1).is_none(), "{document}");
        }
        // An article about the activity is a work.
        assert!(
            check(
                "某市卫生健康委扎实开展宪法宣传周活动",
                "《健康报》刊发",
                "",
                0..1
            )
            .is_none()
        );
        assert!(check("宪法宣传周", "局长发表讲话后开展", "", 0..1).is_some());
    }

    #[test]
    fn research_projects_and_courses() {
        let d = check("医疗纠纷多元化解机制研究", "承担", "课题", 0..1).unwrap();
        assert_eq!(
            d.message,
            "《医疗纠纷多元化解机制研究》是课题名称，不应使用书名号"
        );
        assert!(check("依法执业", "开设", "课程", 0..1).is_some());
        // A course on a law or a book: the title is the document's.
        for document in [
            "民法典",
            "中华人民共和国医师法",
            "法治政府建设实施纲要",
            "行政执法读本",
        ] {
            assert!(
                check(document, "学习", "课程", 0..1).is_none(),
                "{document}"
            );
        }
        assert!(check("医疗纠纷多元化解机制研究", "承担", "一书", 0..1).is_none());
    }
}
