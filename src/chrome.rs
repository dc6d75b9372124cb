//! Web-page debris: lines a portal page adds around a report (rules/chrome.toml).

use regex::RegexSet;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct ChromeFile {
    line: Vec<String>,
    mail: Vec<String>,
    watermark: Vec<String>,
    beside: Vec<String>,
}

struct Patterns {
    line: RegexSet,
    mail: RegexSet,
    watermark: Vec<String>,
    beside: RegexSet,
}

fn patterns() -> &'static Patterns {
    static SET: OnceLock<Patterns> = OnceLock::new();
    SET.get_or_init(|| {
        let f: ChromeFile = toml::from_str(crate::embedded::CHROME).expect("embedded chrome.toml");
        Patterns {
            line: RegexSet::new(&f.line).expect("embedded chrome patterns compile"),
            mail: RegexSet::new(&f.mail).expect("embedded chrome patterns compile"),
            watermark: f.watermark,
            beside: RegexSet::new(&f.beside).expect("embedded chrome patterns compile"),
        }
    })
}

/// True when a line (indentation removed) is portal debris.
pub fn is_chrome(line: &str) -> bool {
    let t = crate::text::trim_indent(line);
    let u = unpadded_label(unbulleted(t));
    let u = u.as_ref();
    // A field that is debris only among debris is debris alone when bulleted like a
    // portal's metadata list ("• 公开方式:").
    !t.is_empty()
        && (is_symbol_only(t)
            || patterns().line.is_match(u)
            || patterns().mail.is_match(u)
            || is_watermark(u)
            || u.len() < t.len() && patterns().beside.is_match(u))
}

/// Characters of a field's label a portal pads with spaces ("有 效 性：", "标　　题：").
const MAX_LABEL_CHARS: usize = 6;
/// Bytes before a padded label's colon, at most: six characters and their padding.
const MAX_LABEL_BYTES: usize = 48;

/// The line with its field's label unpadded: "索引号：…" for "索 引 号：…".
fn unpadded_label(t: &str) -> std::borrow::Cow<'_, str> {
    // The label and its padding come first: its colon is near the start.
    let head = crate::text::floor_char(t, t.len().min(MAX_LABEL_BYTES));
    let Some(colon) = t[..head].find(['：', ':']) else {
        return t.into();
    };
    let label = &t[..colon];
    let is_pad = |c: char| c == ' ' || c == '\u{3000}' || c == '\u{a0}';
    let han = label.chars().filter(|&c| crate::text::is_han(c)).count();
    let padded = label.contains(is_pad)
        && (2..=MAX_LABEL_CHARS).contains(&han)
        && label.chars().all(|c| crate::text::is_han(c) || is_pad(c));
    if !padded {
        return t.into();
    }
    let mut out: String = label.chars().filter(|&c| !is_pad(c)).collect();
    out.push_str(&t[colon..]);
    out.into()
}

/// An e-mail's header, separator or signature line ("发件人：…", "-----原始邮件-----").
pub fn is_mail(line: &str) -> bool {
    patterns().mail.is_match(crate::text::trim_indent(line))
}

/// A conversion library's trial watermark ("Evaluation Warning: … Spire.Doc …"): debris
/// that no portal put there.
pub fn is_watermark(line: &str) -> bool {
    // Most lines have no Latin letters at all: no lowercase copy for them.
    if !line.bytes().any(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    patterns()
        .watermark
        .iter()
        .any(|w| lower.contains(w.as_str()))
}

/// A portal lists its metadata as bullets ("• 信息索引号:"); the patterns read what the
/// bullet marks. (A bullet alone never makes a line debris: Word lists have them too.)
fn unbulleted(t: &str) -> &str {
    t.strip_prefix('•').map_or(t, str::trim_start)
}

/// Which lines are debris: `is_chrome` ones, and those that are debris only beside other
/// debris when a debris line is their neighbour (blank lines between do not count) or
/// they come two or more together.
pub fn chrome_lines(lines: &[&str]) -> Vec<bool> {
    let blank = |i: usize| crate::text::trim_indent(lines[i]).is_empty();
    let beside = |i: usize| {
        !blank(i)
            && patterns()
                .beside
                .is_match(unbulleted(crate::text::trim_indent(lines[i])))
    };
    let mut chrome: Vec<bool> = lines.iter().map(|l| is_chrome(l)).collect();
    // The nearest lines with text, found once: a file of blank lines must stay linear.
    let (prev_text, next_text) = nearest_with_text(lines.len(), &blank);
    let neighbours = |i: usize| [prev_text[i], next_text[i]].into_iter().flatten();
    // A bare date may be the report's own 成文日期 badly written, not a portal's.
    let bare_date = |j: usize| {
        crate::lazy_regex::static_regex!(r"^[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}$")
            .is_match(crate::text::trim_indent(lines[j]))
    };
    let weak: Vec<usize> = (0..lines.len()).filter(|&i| beside(i)).collect();
    for &i in &weak {
        chrome[i] = chrome[i] || neighbours(i).any(|j| chrome[j] && !bare_date(j) || beside(j));
    }
    // "来源：县卫生健康综合监督执法局" under a table is its note, not a portal's.
    let table_row = |j: usize| {
        let t = crate::text::trim_indent(lines[j]);
        t.contains('\t') || crate::lazy_regex::static_regex!(r"\S(  +|\u{3000}{2,})\S").is_match(t)
    };
    for i in 0..lines.len() {
        if chrome[i]
            && crate::text::trim_indent(lines[i]).starts_with("来源")
            && prev_text[i].is_some_and(table_row)
        {
            chrome[i] = false;
        }
    }
    // "• 责任科室:" then "区卫健局": a field's value on the line under its label. (Not the
    // report's title under a "标题:" label.)
    for i in 0..lines.len() {
        let t = crate::text::trim_indent(lines[i]);
        let label_above = prev_text[i].is_some_and(|j| {
            chrome[j] && crate::text::trim_indent(lines[j]).ends_with([':', '：'])
        });
        if label_above
            && !t.is_empty()
            && crate::text::char_len(t) <= MAX_FIELD_VALUE_CHARS
            && !t.contains(['。', '，', '；', '：', ':'])
            && !t.contains("报告")
        {
            chrome[i] = true;
        }
    }
    chrome
}

/// For each line, the nearest line before it and after it that has text.
#[allow(clippy::type_complexity)]
fn nearest_with_text(
    n: usize,
    blank: &dyn Fn(usize) -> bool,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut prev = vec![None; n];
    let mut last = None;
    for (i, p) in prev.iter_mut().enumerate() {
        *p = last;
        if !blank(i) {
            last = Some(i);
        }
    }
    let mut next = vec![None; n];
    last = None;
    for (i, x) in next.iter_mut().enumerate().rev() {
        *x = last;
        if !blank(i) {
            last = Some(i);
        }
    }
    (prev, next)
}

/// A field's value under its label: "主动公开", "区卫健局".
const MAX_FIELD_VALUE_CHARS: usize = 20;

/// A lone number (1–999) between two lines of prose: a page number a PDF or print copy left
/// where a page ended, often in the middle of a sentence. Not in a Word table (a cell of
/// one figure), nor a number a broken line left before its unit ("受理\n326\n件，").
pub fn lone_page_numbers(lines: &[&str], in_cell: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let text = |i: usize| crate::text::trim_indent(lines[i]);
    let blank = |i: usize| text(i).is_empty();
    // The line after a page's end may end its paragraph, and be short.
    let prose = |i: usize, min_han: usize| {
        let t = text(i);
        !in_cell(i)
            && !t.contains('\t')
            && t.chars().filter(|&c| crate::text::is_han(c)).count() >= min_han
    };
    let lone: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            // "3", or "2/4" (page of pages).
            let t = text(i);
            if t.len() > MAX_PAGE_NUMBER_BYTES || !t.starts_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
            let t = t.replace(' ', "");
            let mut runs = t.split('/');
            let number = |r: Option<&str>| {
                r.is_some_and(|r| {
                    (1..=3).contains(&r.len())
                        && r.bytes().all(|b| b.is_ascii_digit())
                        && !r.starts_with('0')
                })
            };
            number(runs.next())
                && runs.clone().count() <= 1
                && runs.all(|r| number(Some(r)))
                && !in_cell(i)
        })
        .collect();
    // Consecutive numbers a few lines apart number a list's items ("1" / "行政执法公示制度。"
    // / "2"), as does one after a lead-in's colon.
    let value = |i: usize| -> u32 {
        let t = text(i);
        t.split('/')
            .next()
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    // (Only the few lone numbers within reach are looked at: `lone` is in line order.)
    let listed = |i: usize| {
        let from = lone.partition_point(|&j| j + MAX_LIST_ITEM_LINES < i);
        lone[from..]
            .iter()
            .take_while(|&&j| j <= i + MAX_LIST_ITEM_LINES)
            .any(|&j| j != i && value(j).abs_diff(value(i)) == 1)
    };
    let (prev_text, next_text) = nearest_with_text(lines.len(), &blank);
    lone.iter()
        .copied()
        .filter(|&i| !listed(i))
        .filter(|&i| {
            let (Some(p), Some(n)) = (prev_text[i], next_text[i]) else {
                return false;
            };
            let unit_next = text(n)
                .chars()
                .next()
                .is_some_and(|c| UNIT_OR_MARK.contains(c));
            let lead_in = text(p).ends_with(['：', ':']);
            prose(p, MIN_PROSE_HAN) && prose(n, MIN_PROSE_HAN_AFTER) && !unit_next && !lead_in
        })
        .collect()
}

/// Lines between two numbers of one list's items, at most; a page holds far more.
const MAX_LIST_ITEM_LINES: usize = 8;

/// "123 / 456" at most.
const MAX_PAGE_NUMBER_BYTES: usize = 12;

/// Han characters that make a line prose, for a page number between two of them.
const MIN_PROSE_HAN: usize = 10;
const MIN_PROSE_HAN_AFTER: usize = 4;
/// What may follow a number that belongs to the text: its unit or a mark.
const UNIT_OR_MARK: &str = "件个次项人名家户元万亿千百%％年月日天倍，。、；：）》”";

/// A page number in any of the forms a copy leaves: "3", "— 3 —", "·3·", "第 2 页 共 4 页".
pub fn is_page_number(t: &str) -> bool {
    // Not a date ("2026-01-29"): a page's number has at most three digits.
    let runs = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty());
    let marked = runs.clone().count() >= 1
        && runs.clone().all(|r| r.len() <= 3)
        && t.chars()
            .all(|c| c.is_ascii_digit() || " \u{3000}—–-－‐‑‒―﹣﹘～~·第页共，,/".contains(c));
    marked
        || crate::lazy_regex::static_regex!(
            r"^(第[一二三四五六七八九十]{1,3}页|(?i:page)\s*[0-9]{1,3}(\s*(?i:of)\s*[0-9]{1,3})?)$"
        )
        .is_match(t)
}

/// "|", "* *", "******/****": leftovers with no letters or Chinese at all.
fn is_symbol_only(t: &str) -> bool {
    !t.chars().any(|c| c.is_alphanumeric()) && !is_omission_line(t)
}

/// "……" or "…………" alone on a line: paragraphs left out of a quotation (GB/T
/// 15834-2011 4.11), not debris.
pub fn is_omission_line(t: &str) -> bool {
    matches!(t.trim(), "……" | "…………")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_lines_are_chrome() {
        for l in [
            "发布时间:2021-01-22 \u{a0}\u{a0} 浏览次数:15109",
            "|",
            "  • 信息索引号:",
            "黑ICP备12345678号-3",
            "字体:\u{a0} ",
            "打印",
            "打印本页    关闭窗口",
            "[打印页面] [关闭页面]",
            "2026-01-29",
            "版权所有：某市卫生健康委员会",
            "浙江/杭州 质疑投诉",
            "质疑投诉",
            "第 2 页 共 4 页",
            "• 返回",
            "• 发布时间:2021-01-22",
            "— 4 —",
            "- 12 -",
            "公安机关备案号：33010602000001",
            "主办：某市卫生健康委员会  技术支持：某信息技术有限公司",
            "星期六 白天 多云 22℃",
            "索 引 号：MB1F2345678/2024-00003",
            "标　　题：青石县卫生健康局2023年法治政府建设年度报告",
            "有 效 性：有效",
            "【我要纠错】　【打印】　【关闭】",
            "相关链接：国务院　国家卫生健康委员会",
            "您当前所在位置：首页 > 政务公开",
            "当前位置：首页",
            "您当前的位置：首页 > 政务公开 > 法治政府建设",
            "Copyright © 2025 某市卫生健康委员会 版权所有",
            "©2025 某市卫生健康委员会",
            // A publication stamp with its time, a WeChat article's header and foot.
            "2025年01月20日 10:32 来源：松岭县卫生健康局",
            "原创 松岭卫健 松岭县卫生健康局 2025年01月20日 17:30 江西",
            "阅读 2368",
            "在看 15",
            "写留言",
            "长按识别二维码关注我们",
            "来源丨松岭县卫生健康局",
            "编辑｜李小华",
            "赣公网安备 36012302000123号",
            "主办：松岭县人民政府办公室",
            "名称：松岭县卫生健康局2024年法治政府建设年度报告",
            "―3―",
            "Page 5 of 8",
            "第六页",
        ] {
            assert!(is_chrome(l), "{l}");
        }
        // An e-mail's lines are debris, and known as the mail's.
        for l in [
            "发件人：张晓明 <zxm@songling.gov.cn>",
            "发送时间：2025年1月20日(星期一) 上午9:12",
            "From: Zhang Xiaoming",
            "Subject: 2024 annual report",
            "发自我的iPhone",
            "-----原始邮件-----",
            "-----Original Message-----",
        ] {
            assert!(is_chrome(l) && is_mail(l), "{l}");
        }
        assert!(!is_mail("发布时间：2025-01-20"));
        // Paragraphs left out of a quotation.
        for l in ["…………", "　　……"] {
            assert!(!is_chrome(l), "{l}");
        }
    }

    #[test]
    fn lone_numbers_between_prose_are_page_numbers() {
        let lines = [
            "（一）加强学法用法。全年组织集中学法6次，局机关干部职工参加",
            "3",
            "网上学法考试，参考率100%。",
            "全年共受理行政许可申请事项，涉及医疗机构执业登记",
            "326",
            "件，全部按时办结。",
            "执法领域",
            "26",
            "公共卫生",
            "（二）规范行政执法。全年办理行政处罚案件，罚没款全部上缴国库。",
            "4/9",
            "（三）强化监督。对全县医疗机构开展专项检查。",
        ];
        let no_cells = |_: usize| false;
        assert_eq!(lone_page_numbers(&lines, &no_cells), [1, 10]);
        // A list's numbers, alone on their lines.
        let list = [
            "（一）完善制度。全年建立健全多项执法监督工作制度，具体如下：",
            "1",
            "行政执法公示制度，全面公开执法信息和执法结果。",
            "2",
            "执法全过程记录制度，做到执法全过程留痕可回溯。",
        ];
        assert_eq!(lone_page_numbers(&list, &no_cells), Vec::<usize>::new());
        // A Word table's cell of one figure is data.
        let cells = |i: usize| i == 10;
        assert_eq!(lone_page_numbers(&lines, &cells), [1]);
        for t in [
            "3",
            "— 4 —",
            "·3·",
            "第 2 页 共 4 页",
            "- 12 -",
            "第三页",
            "―3―",
            "Page 5 of 8",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2026-01-29", "第三章", "2024", "Page 2024"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn a_source_under_a_table_is_its_note() {
        let table = [
            "专业\t立案",
            "医疗服务\t21",
            "来源：县卫生健康综合监督执法局",
        ];
        assert_eq!(chrome_lines(&table), [false; 3]);
        let spaced = ["医疗服务    21", "", "来源：县卫生健康综合监督执法局"];
        assert_eq!(chrome_lines(&spaced), [false; 3]);
        let page = ["全年受理投诉86件。", "来源：县卫生健康综合监督执法局"];
        assert_eq!(chrome_lines(&page), [false, true]);
    }

    #[test]
    fn a_publication_note_is_debris_only_among_debris() {
        let report = [
            "青禾市卫生健康委员会",
            "2025年1月20日",
            "",
            "公开方式：主动公开",
            "",
            "抄送：市司法局。",
        ];
        assert_eq!(chrome_lines(&report), [false; 6]);
        let portal = [
            "索引号：001-2025-0012",
            "公开方式：主动公开",
            "青禾市卫生健康委员会2024年法治政府建设年度报告",
        ];
        assert_eq!(chrome_lines(&portal), [true, true, false]);
        let pair = ["公开方式：主动公开", "公开范围：全社会", "正文。"];
        assert_eq!(chrome_lines(&pair), [true, true, false]);
        // A date written 2025-01-20 above it may be the report's own.
        let dated = [
            "青禾市卫生健康委员会",
            "2025-01-20",
            "",
            "公开方式：主动公开",
        ];
        assert_eq!(chrome_lines(&dated), [false, true, false, false]);
        // A portal's bulleted field is debris on its own.
        let bulleted = ["区卫健局", "  • 公开方式:", "主动公开"];
        assert_eq!(chrome_lines(&bulleted), [false, true, true]);
        // A field's value under its label, but not a title.
        let fields = [
            "  • 责任科室:",
            "",
            "区卫健局",
            "标题：",
            "青禾县卫健局2024年法治政府建设年度报告",
        ];
        assert_eq!(chrome_lines(&fields), [true, false, true, true, false]);
    }

    #[test]
    fn report_lines_are_not_chrome() {
        for l in [
            // Sentences about the footer's items, not the footer.
            "指导辖区12家互联网医院完成ICP备案和等级保护测评。",
            "对门户网站的网站标识码、ICP备案号和公安机关备案号标注情况开展专项检查。",
            "（四）强化技术支持：依托全省行政执法监督平台开展工作。",
            "每星期六白天正常办理医师、护士执业注册业务。",
            "青禾市卫生健康委员会",
            "2025年1月20日",
            "一、主要举措和成效",
            "打印机采购经费已纳入预算。",
            "全年受理政府采购质疑投诉3件，均依法办结。",
            "全年受理政府采购质疑投诉3件,均依法办结.",
            "二、规范政府采购质疑投诉处理",
            "第2页列出了全部事项。",
            // A bullet before a sentence: an item of the report's own list.
            "•健全工作机制。局党组召开专题会议4次，研究部署法治建设重点任务。",
            "• 开展“双随机、一公开”抽查186家次，发现问题均已督促整改到位",
            "—4—5月开展专项检查",
            "规范政府采购质疑投诉处理",
            // A heading or a sentence with a colon, its words spaced or not.
            "一、主要做法：强化执法监督",
            "主 要 做 法：强化执法监督。",
            "相关文件：已按要求报送",
            "位置：县城东区",
            // Times in a sentence, counts in a heading, an event's host in a sentence.
            "2024年12月4日 9:30，在县人民广场开展宪法宣传活动。",
            "阅读推广活动",
            "主办单位承担主体责任，承办单位协助落实。",
            "主题：深入学习贯彻习近平法治思想",
            "",
        ] {
            assert!(!is_chrome(l), "{l}");
        }
    }
}
