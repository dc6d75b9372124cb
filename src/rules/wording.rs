//! wording: misspellings common in 公文 (rules/lexicon.toml) and characters written twice
//! by mistake (深深入, 进一一步, 的的).

use super::Context;
use crate::diagnostic::{Category, RuleMeta, Severity};
use crate::rules::findings::Findings;

mod adverbial;
mod approximation;
mod complement;
mod duplicate;
pub(crate) use duplicate::is_common_word;
pub mod lexicon;
mod relative_time;
mod sorted_words;
mod typo;

pub static MISSPELLING: RuleMeta = RuleMeta {
    code: "GW0801",
    name: "misspelling",
    category: Category::Wording,
    severity: Severity::Warning,
    summary: "公文常见错别字",
    doc: "公文中常见的错别字和不规范写法，例如“撤消”应为“撤销”，“截止目前”应为“截至目前”，“布署”应为“部署”，“台帐”应为“台账”，“互信互任”应为“互信互认”。词表见 rules/lexicon.toml，有的词条带上下文条件（“按装备标准”中的“按装”不报告）。替换不会改变意思的，可以安全地自动修复；书名号中的文件名称和引号中的话照原文引用，只报告、不自动修复。本单位常见的错写（如本市名称）可以在 gwlint.toml 中用 [[typo]] 补充（字段同词表）。\n\n示例（不规范）：截止目前，已撤消行政许可1件。\n示例（规范）：截至目前，已撤销行政许可1件。",
};

pub static DUPLICATED_CHARACTER: RuleMeta = RuleMeta {
    code: "GW0802",
    name: "duplicated-character",
    category: Category::Wording,
    severity: Severity::Error,
    summary: "多打了重复的字或词",
    doc: "同一个字连写了两次，去掉一个就是常用词：“深深入开展”应为“深入开展”，“进一一步”应为“进一步”，“的的”应为“的”；一个词的末字又写了一次、后面接不成词的（“严格格执法”“法治治政府”）也报告；叠词多写了一个字（“层层层传导”）、一个词的末字又写了一次而去掉一个就是词表中的词的（“执法人人员”“常常态化”）也报告。叠词（紧紧、层层、件件、常常、实实在在）和跨词的重复（“主任任组长”是“主任”加“任组长”，“执行行政执法”是“执行”加“行政”，“市市场监管局”是“市”加“市场监管局”，“学习习近平”是“学习”加“习近平”）不报告。词表和叠词白名单见 rules/lexicon.toml 的 [duplicate]。rules/lexicon.toml 的 doubled 列出的词连写两次（“开展开展”“进一步进一步”）也在此报告。修复去掉一个字或词，但不自动应用。\n\n示例（不规范）：我局深深入推进医疗机构依法执业专项整治。\n示例（规范）：我局深入推进医疗机构依法执业专项整治。",
};

pub static WORD_CHOICE: RuleMeta = RuleMeta {
    code: "GW0803",
    name: "word-choice",
    category: Category::Wording,
    severity: Severity::Info,
    summary: "公文中宜用规范的写法",
    doc: "不算错字，但公文中通行另一种写法：“其它”宜写作“其他”（国家语委推荐“其他”统用），“法制化”宜写作“法治化”（“推进信访工作法治化”“营商环境法治化”）；“法制审核”“法制机构”是法定称谓，书名号中的文件名要按原文引用，都不报告。只作提示，修复不自动应用。词表见 rules/lexicon.toml 中带 advice = true 的词条，gwlint.toml 的 [[typo]] 也可以写 advice = true。\n\n示例（不规范）：推进信访工作法制化，其它事项按规定办理。\n示例（规范）：推进信访工作法治化，其他事项按规定办理。",
};

pub static RELATIVE_TIME: RuleMeta = RuleMeta {
    code: "GW0804",
    name: "relative-time",
    category: Category::Wording,
    severity: Severity::Info,
    summary: "用了相对时间，所指不明",
    doc: "年度报告在次年印发，并在网站上长期公开，读者看到“今年”“截至目前”时无从知道指哪一年、哪一天。“今年”“今年以来”“去年”“明年”“截至目前”总是提示（报告在次年写成，“去年”“明年”从报告年度算还是从成文时算都说得通，提示中按报告年度给出年份）；“上年”“次年”是统计用语，不提示；“目前”“当前”“至今”只在同一句中（到句号、分号或冒号为止）后面有数字时提示（“目前共受理投诉23件”：这个数字截至何时？），或者前面有数字、后面说的是这些事项的办理状态时提示（“反馈问题3个，目前已全部整改完毕”），描述现状的“目前仍存在短板”“目前存在以下不足”不提示；错写的“截止目前”只由 GW0801 报告错字（可自动修复，说明中也请写明具体日期），改为“截至目前”后仍未写明具体日期，再在此提示。后面括注了年份的（“今年（2024年）”）不提示，括注的年份是否与报告年度一致由 GW0405 检查；书名号、引号中的文字不提示。词表见 rules/lexicon.toml 的 [relative_time]。\n\n示例（不规范）：今年以来，我委共受理行政复议申请12件，目前已全部办结。\n示例（规范）：2024年，我委共受理行政复议申请12件，截至2024年底已全部办结。",
};

pub static ADVERBIAL_DE: RuleMeta = RuleMeta {
    code: "GW0805",
    name: "adverbial-de",
    category: Category::Wording,
    severity: Severity::Warning,
    summary: "状语后应用“地”",
    doc: "修饰动词的状语后面用“地”，不用“的”：“较好地发挥了作用”“圆满地完成了任务”。只在不会有歧义的格式中报告：“副词＋的＋动词＋了/着”，或动词后紧跟“各类”“各项”“一系列”“一批”“相关”或数字这样的宾语开头（“的”后面不可能是名词短语），或者状语紧接在主语（“局党组”“我委”）或逗号之后、动词后面是它的宾语（“局党组认真的落实法治建设责任”；“推进措施”“落实情况”这样的名词短语除外）；“有效的措施”“取得了较好的发挥”不报告。词表见 rules/lexicon.toml 的 [adverbial]。修复把“的”改为“地”，但不自动应用。\n\n示例（不规范）：法律顾问较好的发挥了参谋助手作用。\n示例（规范）：法律顾问较好地发挥了参谋助手作用。",
};

pub static REDUNDANT_APPROXIMATION: RuleMeta = RuleMeta {
    code: "GW0806",
    name: "redundant-approximation",
    category: Category::Wording,
    severity: Severity::Warning,
    summary: "约数的说法重复",
    doc: "一个数字前后都用了表示约数的词，意思重复：“约”“大约”“近”“将近”与“左右”“上下”，“超过”“逾”“多于”与“以上”，以及这些词与数字后的“余”“多”（“约600余次”“超过300多人”“600余次左右”“300多人以上”）。只保留一个即可。修复删去后一个词，可以安全地自动修复。“预约”“制约”“最近”“附近”中的“约”“近”不算。词表见 rules/lexicon.toml 的 [approximation]。\n\n示例（不规范）：全年开展监督检查约586次左右，培训超过300人以上。\n示例（规范）：全年开展监督检查约586次，培训超过300人。",
};

pub static COMPLEMENT_DE: RuleMeta = RuleMeta {
    code: "GW0807",
    name: "complement-de",
    category: Category::Wording,
    severity: Severity::Warning,
    summary: "补语前应用“得”",
    doc: "动词后面接表示程度、结果的补语，中间用“得”，不用“的”：“落实得很好”“开展得不够深入”。只在不会有歧义的格式中报告：动词＋的＋“很”“非常”“十分”“比较”“不够”等程度词＋形容词，到逗号、句号为止（“落实的很好。”）；后面接着名词的（“取得的很好的成绩”）和“开展的不是……”不报告。动词见 rules/lexicon.toml 的 [adverbial]（verbs 和 complement_verbs）。修复把“的”改为“得”，但不自动应用。\n\n示例（不规范）：各项制度落实的很好，普法宣传开展的不够深入。\n示例（规范）：各项制度落实得很好，普法宣传开展得不够深入。",
};

pub static RULES: &[&RuleMeta] = &[
    &MISSPELLING,
    &DUPLICATED_CHARACTER,
    &WORD_CHOICE,
    &RELATIVE_TIME,
    &ADVERBIAL_DE,
    &REDUNDANT_APPROXIMATION,
    &COMPLEMENT_DE,
];

pub fn check(ctx: &Context, out: &mut Findings) {
    // "截止目前" is both: a misspelling, which --fix corrects, and a date left out, which
    // stays reported after it.
    typo::check(ctx, out);
    relative_time::check(ctx, out);
    adverbial::check(ctx, out);
    complement::check(ctx, out);
    approximation::check(ctx, out);
    let duplicates = &ctx.lexicon().duplicates;
    for (_, span, t) in ctx.lines() {
        if !t.is_empty() {
            duplicate::check_line(duplicates, t, span.start, out);
            duplicate::check_doubled_words(duplicates, t, span.start, out);
        }
    }
}

#[cfg(test)]
mod tests;
