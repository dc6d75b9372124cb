//! punctuation: GB/T 15834-2011 as far as it can be checked mechanically (rules.md §3.1,
//! R-P01…R-P10): half-width marks in Chinese text, paired marks, year ranges, the shape of
//! 省略号 and 破折号, repeated marks, 顿号 between titles, the 主送 colon and run-in headings.

use super::Context;
use crate::diagnostic::{Category, RuleMeta, Severity};
use crate::rules::findings::Findings;

mod approximate;
pub(crate) mod chars;
mod date_names;
mod halfwidth;
mod headings;
mod number_ranges;
mod pairs;
mod percent;
mod ranges;
mod series;
mod shapes;
mod time_ranges;

pub static HALFWIDTH: RuleMeta = RuleMeta {
    code: "GW0501",
    name: "halfwidth-punctuation",
    category: Category::Punctuation,
    severity: Severity::Error,
    summary: "中文语句中用了半角标点",
    doc: "中文文本中的标点用全角（GB/T 15834-2011：点号、标号各占一个汉字的位置）。与汉字或中文标点相邻的半角“, ; : ( ) ? ! .”应改为“，；：（）？！。”；句末的全角“．”（科技文献的句点）也应改为句号“。”。不报告：两侧都是数字的“12,500”“8:30”“1:500”，序号“1.”和小数点，网址和电子邮箱中的符号，纯英文片段，以及小标题序号“(一)”（由 GW0304 报告）和残缺的括号（由 GW0503 报告）。可以安全地自动修复（半角双引号的方向无法确定，修复不自动应用）。全文被转换成半角时另有一条全文提示（GW0502），逐处提示降为警告。\n\n示例（不规范）：坚持放管结合,主要做法:加强监管。\n示例（规范）：坚持放管结合，主要做法：加强监管。",
};

pub static ASCII_FOLDED: RuleMeta = RuleMeta {
    code: "GW0502",
    name: "ascii-folded-document",
    category: Category::Punctuation,
    severity: Severity::Error,
    summary: "全文标点被转换成了半角",
    doc: "全文几乎没有全角逗号“，”，与汉字相邻的半角标点却有十处以上：报告经过了把全角字符折叠成半角的转换（常见于网页转载和某些文本处理工具），并不是作者逐处写错。本提示全文只出现一次，给出各种标点的数量；各处由 GW0501 逐一列出（警告），gwlint check --fix 可以一次全部改正。\n\n示例：全文“,”132处、“;”12处、“(”12处，没有一个“，”。",
};

pub static UNBALANCED_PAIR: RuleMeta = RuleMeta {
    code: "GW0503",
    name: "unbalanced-pair",
    category: Category::Punctuation,
    severity: Severity::Error,
    summary: "成对的标点不配对",
    doc: "括号、引号、书名号等成对的标点要前后配对（GB/T 15834-2011 4.8、4.9、4.15）。在一段之内检查（断开的段落与下一段合起来看）：只有前一半、只有后一半，或者在外层闭合之前没有闭合（《公共场所卫生许可(新办》）。段首的“)持续推进……”“(法律法规宣传方面……”这种残缺序号也在此报告（序号本身由 GW0306 报告）。无法判断应在哪里补全，所以不提供修复。\n\n示例（不规范）：《公共场所卫生许可（新办》\n示例（规范）：《公共场所卫生许可（新办）》",
};

pub static NESTED_TITLE_MARKS: RuleMeta = RuleMeta {
    code: "GW0504",
    name: "nested-title-marks",
    category: Category::Punctuation,
    severity: Severity::Error,
    summary: "书名号嵌套不规范",
    doc: "书名号里边还要用书名号时，外面一层用双书名号，里边一层用单书名号〈〉（GB/T 15834-2011 4.15）。用“<>”代替单书名号是错误；里层也用《》是警告；在书名号外用“<>”或单书名号“〈〉”标示书名（包括里外两层颠倒的“〈……《……》……〉”）也是警告。都可以安全地自动修复。\n\n示例（不规范）：《黑龙江省实施<中华人民共和国传染病防治法>办法》\n示例（规范）：《黑龙江省实施〈中华人民共和国传染病防治法〉办法》",
};

pub static QUOTE_NESTING: RuleMeta = RuleMeta {
    code: "GW0505",
    name: "quote-nesting",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "引号使用不规范",
    doc: "引号里面还要用引号时，外面一层用双引号，里面一层用单引号（GB/T 15834-2011 4.8）。单独使用单引号（外面没有双引号）应改为双引号，可以安全地自动修复；双引号套双引号时给出修复但不自动应用（也可能是引号方向写错了）。\n\n示例（不规范）：开展普法在‘杭’系列活动\n示例（规范）：开展普法在“杭”系列活动",
};

pub static ENUMERATION_COMMA: RuleMeta = RuleMeta {
    code: "GW0506",
    name: "enumeration-comma",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "并列的书名号或引号之间用了顿号",
    doc: "GB/T 15834-2011 4.5.3.5：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；若有其他成分插在中间（如书名号之后还有括注），宜用顿号。书名号之间的顿号报为警告；引号之间的顿号只作提示，同一列举中有的用顿号、有的不用时报为警告。删去顿号可以安全地自动修复。\n\n示例（不规范）：《中华人民共和国民法典》、《中华人民共和国医师法》\n示例（规范）：《中华人民共和国民法典》《中华人民共和国医师法》",
};

pub static YEAR_RANGE_DASH: RuleMeta = RuleMeta {
    code: "GW0507",
    name: "year-range-dash",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "年份范围的连接号应为一字线",
    doc: "标示时间的起止用一字线“—”（GB/T 15834-2011 4.13.3），不用短横线“-”、半字线“–”或浪纹线“~”。只检查后面有“年”或外面有括号的四位年份范围；日期“2021-01-22”、电话号码、文号不检查。可以安全地自动修复。年份本身是否合理由 GW0404 检查。\n\n示例（不规范）：《法治社会建设实施纲要(2020-2025年)》\n示例（规范）：《法治社会建设实施纲要（2020—2025年）》",
};

pub static YEAR_RANGE_JOINED: RuleMeta = RuleMeta {
    code: "GW0508",
    name: "year-range-joined",
    category: Category::Punctuation,
    severity: Severity::Error,
    summary: "年份范围缺少连接号",
    doc: "两个年份之间的连接号丢了，八位数字连在一起（“20212025年”），多为复制或转换时丢字。只在前四位和后四位都像年份、后者晚于前者且相差不超过30年时报告。可以安全地补上一字线。起止年份本身不合理（“2020-2121年”）由 GW0404 报告。\n\n示例（不规范）：（20212025年）\n示例（规范）：（2021—2025年）",
};

pub static ELLIPSIS_DASH: RuleMeta = RuleMeta {
    code: "GW0509",
    name: "ellipsis-dash",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "省略号或破折号的写法不规范",
    doc: "省略号是“……”（两个“…”，GB/T 15834-2011 4.11），不写作“...”“..”“。。。”或单个“…”；破折号是“——”（两个“—”，4.10），不写作“--”“――”“––”；汉字之后、引号或书名号之前的单个“—”“－”也是写残的破折号（单个“—”是连接号，“2021—2025年”“北京—上海”“11月20日—‘12·4’国家宪法日”不报告，这种情况的修复不会自动应用）。省略号与“等”“等等”同时使用（“进社区、进学校……等活动”）也报告：二者都表示列举未尽，只用其一。只检查与中文相邻的，引用的英文（“continues...”）不检查。可以安全地自动修复；“..”“。。。”也可能是连写的句号，只给出修改建议，不自动修复。\n\n示例（不规范）：宣传资料、展板、折页...　　主题——“健康青禾”--活动　　进社区、进学校……等活动\n示例（规范）：宣传资料、展板、折页……",
};

pub static REPEATED_PUNCTUATION: RuleMeta = RuleMeta {
    code: "GW0510",
    name: "repeated-punctuation",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "标点重复或连用",
    doc: "同一个点号连写两次（“，，”“。。”），或两个点号连在一起（“，。”“；。”），或引文末尾已有句号、引号后又加了句号（“……。”。）。重复的可以安全地去掉一个；连用的需要判断保留哪一个。问号、叹号三个以内连用（“？！”表示强烈的反问，“！！”“？？？”加强语气）是 GB/T 15834-2011 允许的用法，不报告。列举末尾的“等”前多出的顿号（“《医师法》、等法律法规”）也在此报告；“等”也可能是下一个词的头一个字（“等保测评”“等效使用”），删去顿号的修复不会自动应用。\n\n示例（不规范）：全年受理投诉45件，，办结44件。。\n示例（规范）：全年受理投诉45件，办结44件。",
};

pub static ADDRESSEE_COLON: RuleMeta = RuleMeta {
    code: "GW0511",
    name: "addressee-colon",
    category: Category::Punctuation,
    severity: Severity::Error,
    summary: "主送机关后应为全角冒号",
    doc: "GB/T 9704-2012 7.3.2：主送机关编排于标题下空一行位置，居左顶格，最后一个机关名称后标全角冒号。半角冒号和外形相似的“∶”“﹕”（输入法、PDF 转换产生），以及标题下一行只写了机关名称、没有冒号（或误用了逗号、分号）的，都报告；可以安全地自动修复。\n\n示例（不规范）：市委、市政府:\n示例（不规范）：市委、市政府\n示例（规范）：市委、市政府：",
};

pub static RUN_IN_HEADING: RuleMeta = RuleMeta {
    code: "GW0512",
    name: "run-in-heading",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "小标题与正文连写时缺少句号",
    doc: "小标题与正文写在同一段时，小标题末尾加句号再接正文（所有规范的报告都是这样写的；小标题单独成行时不加标点）。小标题后直接接正文、没有句号，或者一直写到第二个逗号之后，读者就分不清小标题在哪里结束。同一层的其他条目都写成“小标题。正文”时，只有一句话、写过两个逗号的条目也报告。第一个分句里有数字或以主语开头的条目（“全年共受理……12件，”“某民营医院……”）是叙述句，不是小标题，不报告；同一层的条目多半是整句、没有写成“小标题。正文”的，较长的首句是这一层的写法，也不报告。引号、书名号、括号里的逗号不算分句。\n\n示例（不规范）：（一）持续加强执法人员业务能力建设加强对接，尽快回笼下沉执法人员，……\n示例（规范）：（一）持续加强执法人员业务能力建设。加强对接，尽快回笼……",
};

pub static PERCENT_SIGN: RuleMeta = RuleMeta {
    code: "GW0513",
    name: "percent-sign",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "百分号写法不统一",
    doc: "同一份报告中百分号有的用半角“%”，有的用全角“％”。国家标准没有规定用哪一种，但全文应当一致；与半角阿拉伯数字连用时用“%”。两种都出现时，报告半角数字后面的“％”；可以安全地自动修复。全文都用“％”时不报告。\n\n示例（不规范）：办结率100％……满意度达到100%\n示例（规范）：办结率100%……满意度达到100%",
};

pub static NUMBER_RANGE: RuleMeta = RuleMeta {
    code: "GW0514",
    name: "number-range-mark",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "数值范围宜用浪纹线“～”",
    doc: "标示数值范围的起止用浪纹线“～”（GB/T 15834-2011 4.13.3：25～30 g）；短横线“-”只用于代码、电话号码、全数字日期和产品型号。报告两种写法：数字之间的半角“~”和日文输入法的波浪号“〜”（改为全角“～”，可以安全地自动修复），以及两个三位以内的数字之间、后面紧跟计量单位的短横线（“3-5次”“5%-10%”“1-2个工作日”；修复不自动应用，作者也可能想写一字线）。一字线（“2—3件”）在公文中常见，标准也只说数值范围“一般用浪纹线”，不报告。前一个数缺了后一个数所带的百分号或“万”“亿”（“15～30%”“1～5万元”，GB/T 15835-2011 应为“15%～30%”“1万～5万元”）也报告，补上可以安全地自动修复；用短横线的，修复同时补上。不报告：年份范围（由 GW0507 检查）、“1-10月”“1~10月”这类时间起止（由 GW0516 检查）、电话号码、文号、标准编号、网址和型号。\n\n示例（不规范）：每季度开展3~5次专项检查，抽查比例5-10%，罚款1～5万元。\n示例（规范）：每季度开展3～5次专项检查，抽查比例5%～10%，罚款1万～5万元。",
};

pub static DATE_NAME: RuleMeta = RuleMeta {
    code: "GW0515",
    name: "date-name-mark",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "节日、纪念日的月日应写作“12·4”",
    doc: "含月日的专名用阿拉伯数字表示时，月日之间用间隔号“·”，并在数字前后加引号（GB/T 15835-2011），如“12·4”国家宪法日、“3·15”国际消费者权益日。报告：月日之间用了小数点或其他圆点（12.4、“12．4”、12•4），以及用了间隔号却没有加引号（12·4国家宪法日）。只检查后面紧跟节日名称（rules/events.toml 的 days，可带“国家”“世界”等前缀）或者单独加了引号、后面接着汉字的月日，所以小数“12.4万人次”不会被报告。月日在一段引语里面时（“12·4国家宪法日”主题活动），引号里面的引号用单引号：‘12·4’。可以安全地自动修复。\n\n示例（不规范）：开展12.4国家宪法日宣传活动\n示例（规范）：开展“12·4”国家宪法日宣传活动",
};

pub static TIME_RANGE_DASH: RuleMeta = RuleMeta {
    code: "GW0516",
    name: "time-range-dash",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "时间范围的连接号应为一字线",
    doc: "标示时间的起止用一字线“—”（GB/T 15834-2011 4.13.3：2011年2月3日—10日），不用短横线“-”、半角“~”或破折号“——”。报告月份范围（“1-10月”“1~10月”“2024.1-2024.10”）、日期范围（“3-5日”“3月1日-4月30日”“2023年12月-2024年3月”）、星期范围（“周一-周五”“星期一~星期五”）和钟点范围（“8:30-17:30”）。可以安全地自动修复。年份范围由 GW0507 检查。不报告：浪纹线“1～10月”（标准说时间起止“一般”用一字线，浪纹线也常见）、天数“3-5日内”（数值范围）、全数字日期“2024-1-10”、比例、型号和网址。\n\n示例（不规范）：1-10月共受理投诉45件，受理时间为8:30-17:30。\n示例（规范）：1—10月共受理投诉45件，受理时间为8:30—17:30。",
};

pub static APPROXIMATE_NUMBERS: RuleMeta = RuleMeta {
    code: "GW0517",
    name: "approximate-number-comma",
    category: Category::Punctuation,
    severity: Severity::Warning,
    summary: "概数的两个数字之间用了顿号",
    doc: "相邻的两个数字连用表示概数（三四个、二三十家、十七八岁），用汉字数字，中间不用顿号（GB/T 15835-2011）。报告“三、四个”“二、三十家”“七、八十家”“十七、八岁”，删去顿号可以安全地自动修复；“一、二个”改为“一两个”（量词前用“两”）；阿拉伯数字“3、4个”也报告，建议改为“三四个”，修复不自动应用。只在两个数字相邻（后一个比前一个大一）、后面是计数的量词（个、家、件、次、人、名、天、岁、项……）时报告；并列的类别或序数（“二、三产业”“一、二级医院”“三、四季度”“第三、四个”“三、四年级”“一、二次供水”）不报告；“三、四次”后面紧接着名词（“三、四次检查”）时，也可能是第三次和第四次，只提示、不自动修复。\n\n示例（不规范）：每季度抽查三、四家医疗机构，查处二、三十起案件。\n示例（规范）：每季度抽查三四家医疗机构，查处二三十起案件。",
};

pub static RULES: &[&RuleMeta] = &[
    &HALFWIDTH,
    &ASCII_FOLDED,
    &UNBALANCED_PAIR,
    &NESTED_TITLE_MARKS,
    &QUOTE_NESTING,
    &ENUMERATION_COMMA,
    &YEAR_RANGE_DASH,
    &YEAR_RANGE_JOINED,
    &ELLIPSIS_DASH,
    &REPEATED_PUNCTUATION,
    &ADDRESSEE_COLON,
    &RUN_IN_HEADING,
    &PERCENT_SIGN,
    &NUMBER_RANGE,
    &DATE_NAME,
    &TIME_RANGE_DASH,
    &APPROXIMATE_NUMBERS,
];

pub fn check(ctx: &Context, out: &mut Findings) {
    // Unmatched marks are reported once, as unbalanced, not again as half-width.
    let unmatched = pairs::check(ctx, out);
    halfwidth::check(ctx, &unmatched, out);
    halfwidth::check_fullwidth_stop(ctx, out);
    series::check(ctx, out);
    ranges::check(ctx, out);
    number_ranges::check(ctx, out);
    time_ranges::check(ctx, out);
    approximate::check(ctx, out);
    date_names::check(ctx, out);
    shapes::check(ctx, out);
    headings::check(ctx, out);
    percent::check(ctx, out);
}

#[cfg(test)]
mod tests;
