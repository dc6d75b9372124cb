//! consistency: figures that must agree with each other — a total and its parts, a rate
//! and its counts, years, the same figure stated twice, 合计 rows of tables — and the number
//! forms of GB/T 15835-2011 (大写数字, "4千", 汉字计数, 金额缺“元”).
//!
//! Each paragraph is read once into quantities (`crate::quantity`); every check works on
//! that list. A figure that is approximate (约, 余, 以上 …) is never compared.

use super::Context;
use crate::diagnostic::{Category, RuleMeta, Severity};
use crate::document::CellRef;
use crate::quantity::lexicon;
use crate::rules::findings::Findings;
use std::collections::BTreeMap;

mod averages;
mod count_changes;
mod dates;
mod deadlines;
mod forms;
mod future;
mod grouping;
mod growth;
mod maxima;
mod meetings;
mod multiples;
mod para;
mod periods;
mod points;
mod rate_base;
mod rate_first;
mod rates;
mod repeats;
mod share_totals;
mod shares;
mod sum_rates;
mod sums;
mod tables;
mod year_numerals;
mod years;

use super::artifact::layout::{Ending, ending};
use para::Para;

/// Far beyond a report pasted into one line (about 80,000 characters); a longer "paragraph"
/// (a file without line breaks, a dump) is read in pieces of this size, cut after a sentence.
const MAX_PARAGRAPH_BYTES: usize = 256 * 1024;

pub static SUM_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0401",
    name: "sum-mismatch",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "分项之和与总数不符",
    doc: "“共××件，其中A××件、B××件”这类写法，各分项之和应等于总数；任何一个分项都不能大于总数。\n\n怎样改：对照台账核对总数和每个分项，改正写错的那个数字；分项本来没有列全的，补上“其他××件”，或者用“主要包括”引出。\n\n细则：总数后面直接用括号列出分项（“培训12场（线上5场、线下8场）”），或者先列分项、再写“，共××件”“，合计××件”“，共清理××件”，也一样核对；合计重提各项共同的名称（“评查行政许可案卷90卷、行政处罚案卷80卷，共评查案卷160卷”“公示行政许可信息……、行政处罚信息……，共计公示执法信息……”）时，合计可能还包括没有列出的类别，只在各项之和超过合计时报告。复议、诉讼案件的结果（维持、驳回、撤销、变更、确认违法、终止、调解、撤诉、胜诉、败诉等，每件案件只有一种）紧跟在总数之后列出时，即使没有“其中”也是分项，只在超过总数时报告（少于总数可能有案件尚未审结）；一类和它的否定（“合格……、不合格……”“准予许可……、不予许可……”）紧跟在任何总数之后，也是这样。没有第三类的一对（“培训24场，线上9场、线下15场”）紧跟在总数之后，没有“其中”也是总数的全部，见下文。先列名称、再用“分别为”列数字（“受理256件，电话、网络、来信分别为130件、86件、30件”），名称可能没有列全，也只在超过总数时报告。\n\n只有分项看起来列全时才核对：分项用“主要包括”“部分”“等”“以上”“居前三位的是”“较为集中的是”“以……为主”引出，后面写了“其余为……”“其他为……”，或者数字是约数（约、近、余、多、左右），或者分项与总数的计量单位不同，都不核对。“其中”前面的数字是变化量（“较上年增加36件”），或者是一串并列数字的最后一个（“建议18件、提案25件，其中……”），也不核对。以下几种，分项之和超过总数也不报告：用逗号隔开、叫法又不像同一类的几种，多是先后的环节或不同的方面（“其中参加考试286人次，考试合格279人次”）；逗号后写的是上年、同期、累计、历年的数字；分项后面又有“其中”或“……中”，是这一分项自己的分项；同一事项先后的环节（受理、核查、立案、办结，后一项不多于前一项）；可以同时存在的几项（罚款、没收、警告、约谈、暂停协议可以并处；实施、落实某项制度的单位；“涉及……的”；党员、女性等不同方面的身份；写明了“既是……又是……”“同步”“多种”）；人均数、最高最多的数；出具的意见书、提出的建议等产出的份数。分项之和超过总数报错误；小于总数时，“其中”之后可能只列出了一部分，差得多不报告，只差一点（不到总数的一成）报告：三个以上分项只差一个，或者只差一两个、差额不到2%又像是一个数字写错了（错了一位数字，或两位数字颠倒，差额是9的倍数）时报错误；三个以上分项差得不多、又不像写错时，多半只列出了主要的几类，只作提示；两个分项只差一两个，或者差额不到2%、又像是写错时报警告，不像写错的差额多是没有列出的其他类别，不报告。卫生统计公报的惯例是医疗卫生机构、卫生技术人员等总数的分项不列“其他”，这些总数的分项少于总数不报告（rules/units.toml 的 open_totals）。两个分项是没有第三类的一对（简易程序和普通程序、线上和线下、合格和不合格等，见 rules/units.toml 的 dichotomies；每项前重复同一个动词，如“适用简易程序……、适用普通程序……”，也是）时，就是全部，差多少都报错误。复议、诉讼案件写了“其中”再列结果，少于总数也可能是有案件尚未审结，只报警告，提示写明尚未审结的件数（rules/units.toml 的 pending_totals）；规范性文件清理的结果（保留、修改、废止）每件都有，少了仍报错误。\n\n其中最大的一项（“单笔最高”“最多的”，见 rules/units.toml 的 maxima）也不会超过同一句前面的合计（“罚没款合计12,500元，其中单笔最高20,000元”）。\n\n示例（不规范）：共受理投诉举报45件，其中办结32件、转办12件。（32+12=44）\n示例（规范）：行政复议案件17件，其中维持10件、撤销2件、终止5件。",
};

pub static RATE_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0402",
    name: "rate-mismatch",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "比率与所依据的数字不符",
    doc: "办结率、合格率、调解成功率等比率，以及“占……的××%”，应与同一句中给出的数字相符；“由××%提高到××%，提高××个百分点”“××%，较上年的××%提高××个百分点”中的百分点数，应等于两个百分比之差；“比上年的××件增长××%”“××件，上年为××件，同比增长××%”中的增幅，应与两期的数字相符；“由上年的30件降至16件，减少14件”中的变化量应等于两期之差，方向也要一致；两个百分比之差要写“个百分点”，“由6%提高到10%，提高了4%”应为“提高了4个百分点”（按比例是提高66.7%）；“开展培训12场，参训360人次，场均30人次”中的平均数应等于总数除以所分摊的数量。倍数也按两期的数字核对：“是原来的N倍”“增至N倍”按本期÷上期，“增长了N倍”按（本期−上期）÷上期，“由1,200件增加到3,600件，增长了3倍”应为“增长了2倍”或“是原来的3倍”（这一常见误用报警告）；“翻番”“翻一番”是至少增加到2倍，“翻两番”是4倍。\n\n怎样改：用分子除以基数重新计算，按文中的位数四舍五入，改正比率或写错的数字；比率是按别的口径算的（如计入了上年结转的件数），在句中写明口径。\n\n细则：按四舍五入核对：写到整数的允许相差0.5个百分点，写到一位小数的允许相差0.05个百分点；写“100%”时两个数字必须相等。\n\n分子按比率的名称找（办结率找“办结××件”），分母找它前面的“受理”“抽查”“应……”等数字；本分句组没有时，也看同一句中“；”之前写明的受理、立案等数字。句子以分子开头（“全年受理436件。办结429件，办结率98.4%。”）而本句没有基数时，看上一句：上一句只写了一个受理、抽查等数字，且没有自己的百分数时，以它为基数。分子多于紧挨在它前面的基数（“受理358件，办结364件，办结率100%”），同一句又没有写明上年结转、累计等，报警告：只有把以前的事项计入才说得通，应当写明。比率写在数字前面时（“办结率100%（受理1526件，办结1498件）”“办结率达100%，共受理……”），只看同一句紧跟在后面的基数和分子：基数写明受理、抽检等，分子紧接在基数之后，中间没有“其中”、另一个百分数或与上年的比较。“较上年的××件”是上年的数字，不作分母。同一句写出的另一个基数（“应参考86人，实际参考84人，合格84人，合格率100%”中的实际参考人数），或分子之后更进一步的数字（“调处255宗，调解成功244宗，调处成功率95.7%”）能得出这一比率时，不报告。\n\n纠错率按撤销、变更、确认违法、确认无效、责令履行的案件之和计算：只在同一句列出的复议结果（维持、驳回、终止等）加起来正好等于总数时核对，不符时报警告（有的单位把调解、和解也计入，应写明“综合纠错率”）。\n\n所占比例：\n- “其中即办件412件，占32.0%”没有写出基数，按“其中”所属的总数核对；没有“其中”时，前面同一句或上一句中任何一个较大的同类数字能得出这一比例就不报告，都对不上时报警告；\n- “占受理总数的”“占罚没款总额的”“占全部抽查批次135次的”按写出的基数核对，“占总……的”没有写出总数时，取前一句同类数字之和；“占全市同类案件的”可能是另一范围，不核对；\n- “分别占35.5%、64.5%”逐项按总数核对；没有写出总数而各比例合计为100%时，按各项之和核对。\n- “医疗服务类占46.2%、公共卫生类占38.5%、其他类占15.3%”“线上、线下分别占62%、38%”：列出了“其他”“其余”，或者两项是没有第三类的一对（线上和线下、男性和女性、合格和不合格等，见 rules/units.toml 的 dichotomies）时，各项就是全部，合计应为100%，允许各项四舍五入的误差；各项名称同以“类”“型”“级”结尾（“医疗服务类占46.2%、公共卫生类占38.5%、职业卫生类占18.3%”）时，是同一口径的分类，不会交叉，合计超过100%也报告；其他情况下各项可能交叉或没有列全，不核对。\n表格中，比率列（“合格率（%）”）按同一行的分子列（“合格户数”）和基数列（“抽查户数”，表头带“受理”“抽查”等字样，或只有这一列数字）核对；增幅列（“增长”“同比（%）”）按同一行两期的数字（“2023年”“2024年”或“上年”“本年”，只有两期时）核对，下降写负数或“下降”。一列中多数行都对不上时，可能是按别的口径算的，不报告。\n\n平均数（场均、人均、户均、平均每场等，见 rules/units.toml 的 averages）只在同一句中恰好有一个同单位的总数、一个所分摊的数量（场、人、户……），且都写到个位时核对，四舍五入或截尾都算相符；金额的人均数常按另外的人口计算，不核对。\n\n找不到依据时不报告。\n\n示例（不规范）：受理1526件，办结1498件，办结率100%。（1498÷1526≈98.17%）\n示例（不规范）：受理行政许可1286件，其中即办件412件，占23.0%。（412÷1286≈32.04%）\n示例（规范）：抽查720家，合格684家，合格率95%。",
};

pub static RATE_OVER_100: RuleMeta = RuleMeta {
    code: "GW0403",
    name: "rate-over-hundred",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "比率超过100%",
    doc: "办结率、合格率、完成率、覆盖率、满意度、知晓率等比率的分子是分母的一部分，不能超过100%。“同比增长”“提高”“增幅”等表示增长的百分数不受此限；下降、减少、降幅则不会超过100%（减少到零才是下降100%），超过时报告，同一句说的是亏损、赤字等可正可负的数时不报告。对照计划、目标、指标、约定量的完成率（“年度计划完成率112%”，计划写在这个比率所在的分句中）可以超过100%；接种率、参保率按户籍或登记人口计算，有外来人口时可以超过100%，不在此列；覆盖率、签约率、建档率在同一句中写明“超额”或说明了“非户籍”“流动人口”的也不报告。满意率、合格率、整改完成率等不论同一句还写了什么，都不能超过100%。“占比”“比重”超过100%同样报告（“占上年的120%”是与上年相比，不在此列）。\n\n示例（不规范）：群众满意率达到102%。\n示例（不规范）：投诉举报件数同比下降120%。\n示例（规范）：网上办件量同比增长126.5%。",
};

pub static IMPOSSIBLE_YEAR_RANGE: RuleMeta = RuleMeta {
    code: "GW0404",
    name: "impossible-year-range",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "年份区间不可能成立",
    doc: "起止年份区间的止年早于起年，或者跨度长得不合常理（超过50年，rules/units.toml 的 max_span），多半是年份打错了。止年不晚于成文的年份（报告年度的下一年）的长区间是历史回顾（“《某市卫生志（1949—2020年）》”“建院70周年（1955—2025年）”），不报告。\n\n示例（不规范）：《××规划（2020-2121年）》（应为2020—2021年）、2025—2021年\n示例（规范）：《法治政府建设实施纲要（2021—2025年）》",
};

pub static IMPOSSIBLE_YEAR: RuleMeta = RuleMeta {
    code: "GW0416",
    name: "impossible-year",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "年份不可能成立",
    doc: "年度报告写到的年份都在近几十年内；2100年以后的年份多半是打字时数字顺序颠倒或多敲了一位。表示时间长度的写法（“2500年历史”“长达2100年”）不在此列。\n\n示例（不规范）：2205年，我局坚持……（应为2025年）\n示例（规范）：中医药有2000多年历史",
};

pub static PAST_DEADLINE: RuleMeta = RuleMeta {
    code: "GW0418",
    name: "past-deadline-in-plan",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "工作安排中的期限在成文时已经过去",
    doc: "“下一年度推进法治政府建设的主要安排”写的是成文之后要做的事，其中的完成期限（“力争2024年底前实现……”“于2025年1月前完成……”）早于成文日期所在的月份，多半是沿用了上一年报告的句子，年份没有改，或者把已经完成的事写进了安排。只看下一年度安排这一部分，只看写明要在某时之前完成的期限（力争、确保、计划、于、在、到……年底前、……月前），“对2024年以前出台的文件”这类指过去的说法不报告；“6月前”按6月底计算。没有成文日期时不检查。\n\n示例（不规范）：（成文日期2025年2月11日，安排部分）力争2024年底前实现高频事项全程网办。\n示例（规范）：力争2025年底前实现高频事项全程网办。",
};

pub static FUTURE_EVENT: RuleMeta = RuleMeta {
    code: "GW0417",
    name: "future-event",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "成效中写了成文日期之后的事",
    doc: "“主要举措和成效”写的是上一年度已经做成的事，其中出现晚于成文日期的年月（成文日期2026年1月23日，却写“2026年3月，制定《……规定》”），多半是把计划写进了成效，或者年份、月份打错了。只看成效部分（“存在的不足”“第一责任人”“下一年度安排”之前），书名号内的年月、写明计划或期限的句子（将、拟、计划、力争、……前、有效期、起施行、2025年1月至2026年12月）不报告。没有成文日期时不检查。\n\n报告任何部分写到的党的代表大会和中央全会（rules/meetings.toml 列出了各次会议的开幕日期），如果晚于成文日期召开（成文日期2024年2月5日，却写“学习贯彻党的二十届三中全会精神”），会议的届次或成文日期必有一处写错了；表中没有的全会在同一届上一次全会之后召开。句子以年月开头、却学习贯彻在这个年月之后才召开的会议（“2023年12月，组织学习党的二十届三中全会精神”），也报告。写会议即将召开的句子（“以优异成绩迎接党的二十大胜利召开”“为……召开营造良好环境”）不报告。\n\n示例（不规范）：（成文日期2026年1月23日）2026年3月，制定《××县卫生健康行政处罚程序规定》。\n示例（规范）：计划于2026年3月前出台《××县卫生健康行政处罚程序规定》。",
};

pub static RELATIVE_YEAR_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0405",
    name: "relative-year-mismatch",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "“本年度（××××年）”与报告年度不符",
    doc: "正文用“本年度”“今年”“明年”并在括号中注明年份时，注明的年份应与报告年度（或下一年度、上一年度）一致；“今年”“明年”“去年”是从成文之日说的，也可以按成文日期的年份算（2025年度报告2026年1月成文，写“今年（2026年）”不报告）。引号内照录其他文件的原话不检查。常见于套用上一年报告时漏改年份。\n\n在2024年度报告中：\n示例（不规范）：本年度（2023年）共受理投诉12件。\n示例（规范）：本年度（2024年）共受理投诉12件。",
};

pub static SECTION_YEAR_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0406",
    name: "section-year-mismatch",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "部分标题或正文开头的年份与报告年度不符",
    doc: "“主要举措和成效”“存在的不足和原因”“第一责任人职责情况”部分应写报告年度，“下一年度主要安排”部分应写报告年度的下一年。标题中的年份与此不符，正文开头“××××年，我委……”写的不是报告年度，或者某一部分的第一段以相邻的年份开头（安排部分写“2024年，我委将……”），多半是套用旧报告时漏改；同一段中又写了本部分年份的（回顾往年再写当年），不报告。这几部分中间的一句以上一年开头（“……条例》。2023年，全县受理医疗纠纷58件”），多半是沿用了上一年报告的内容，也报告；报告的标题写的年度，与正文开头（“2025年，……”“2025年是……”“现将2025年度……报告如下”）和成文日期、或与各部分标题和成文日期表明的年度不同时，报告标题中的年份（套用了旧报告的标题，或写成了成文的年份；标题和正文开头都沿用旧报告的，两处都报告）；同一段写了报告年度或“今年”、这一句写的是“……以来”或上一年获得的荣誉（“2023年，我委被命名为……示范单位”，词表见 rules/units.toml 的 honours）的，不报告。\n\n示例（不规范）：《2024年法治政府建设年度报告》中“四、2024年工作安排”（应为2025年）\n示例（规范）：四、2025年推进法治政府建设的主要安排",
};

pub static CONFLICTING_FIGURES: RuleMeta = RuleMeta {
    code: "GW0407",
    name: "conflicting-figures",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "同一段中同一总数前后不一致",
    doc: "同一段中两次用“共”“累计”“合计”“全年”等写同一个事项的总数，数字却不同，读者无法判断哪个正确。分属“一是”“二是”或（1）（2）等不同条目时不报告；前面写明了另一个年份、“上年”“以来”等另一段时间，或者“在……专项行动中”“……期间”等更小的范围时，也不报告（rules/units.toml 的 other_periods、sub_scopes）；紧跟在另一事物的计数之后的总数（“取缔无证行医窝点3处，罚没款合计12,500元”）是这一分句所计事物的，也不报告，但它大于全年的总数时（“全年共培训326人次……举办培训班1期，共培训362人次”）仍报告：部分不能大于整体。\n\n示例（不规范）：共救治患者2033名……共救治患者961名。",
};

pub static CAPITAL_NUMERALS: RuleMeta = RuleMeta {
    code: "GW0408",
    name: "capital-numerals",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "叙述中使用了大写数字",
    doc: "GB/T 15835-2011 5.2.4：大写数字（壹、贰、叁……）用于法律文书和财务票据。报告正文叙述金额和计数（“贰佰肆拾人次”）应使用阿拉伯数字；单独一个“陆”“伍”“拾”后接“件”“次”“台”“个”等量词、且量词后句子停顿（“处罚伍件，”）或前面有“共”“累计”等计数词时报告；其余（“陆家嘴”“伍台村”“陆名扬”“队伍”“收拾”）是姓名、地名或词语，不报告（量词和词语见 rules/units.toml）。写明“大写”“人民币……整”的财务写法不报告。\n\n示例（不规范）：罚款伍万元\n示例（规范）：罚款5万元",
};

pub static DIGIT_WITH_QIAN: RuleMeta = RuleMeta {
    code: "GW0409",
    name: "digit-with-qian",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "阿拉伯数字与“千、百、十”连用",
    doc: "GB/T 15835-2011 5.3：阿拉伯数字与汉字数字不能混用，“4000”可以写作“四千”，但不能写作“4千”；只有“万”“亿”可以跟在阿拉伯数字后面（如“1.2万”）。“千米”“千克”等计量单位不受影响。单独的“4千”可以安全地改为“4000”；“3千5百万元”“1百零5张”这样连写的只报告一次，不自动修复，请整体改写（“3500万元”“105张”）。\n\n示例（不规范）：培训4千人次\n示例（规范）：培训4000人次、培训0.4万人次",
};

pub static CHINESE_COUNT: RuleMeta = RuleMeta {
    code: "GW0410",
    name: "chinese-count",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "计数用了汉字数字，同段其他计数用阿拉伯数字",
    doc: "GB/T 15835-2011 4.1.1：用于计量、计数的数字一般用阿拉伯数字；4.3：同一场合的同类数字写法应一致。同一段中既有“6次”又有“一次”时，应统一为“1次”；同一句中既有“98.6%”又有“百分之百”“百分之九十五”时，应写作“100%”“95%”（“百分之九十五以上”写作“95%以上”；引号内的，和相邻两个数字表示的概数“百分之七八十”，不报告）。“一网通办”“最多跑一次”“三项制度”等固定说法和“三四次”等概数不受影响。\n\n示例（不规范）：开展联合执法6次……召开培训会一次。\n示例（规范）：开展联合执法6次……召开培训会1次。",
};

pub static MONEY_WITHOUT_YUAN: RuleMeta = RuleMeta {
    code: "GW0411",
    name: "money-without-yuan",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "金额缺少货币单位“元”",
    doc: "金额要写明货币单位。“罚没款502.9万”只写了数量级，应写作“502.9万元”（GB/T 15835-2011 4.1.1：带计量单位的数值）。只在罚没款、罚款、金额、资金等金额语境中报告；金额词之后又出现“人口”“对象”“户”等计数的名词时（“低收入人口1.3万”）不报告。修复（补上“元”）只提供、不自动应用：数字是不是金额要由起草人确认。\n\n示例（不规范）：实际履行罚没款502.9万，\n示例（规范）：实际履行罚没款502.9万元，",
};

pub static TABLE_TOTAL_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0412",
    name: "table-total-mismatch",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "表格合计与各项之和不符",
    doc: "表格中“合计”“总计”“小计”行（或“合计”列）的数字应等于对应各项之和；有小计时，合计等于各小计与未归入小计的各行之和。合计行紧接表头、在各项之上时，与下方各项之和相比（只看不分组、没有小计和“其中”行的简单列表）。带小数的数字按四舍五入允许每项0.5个末位单位的误差。检查 Word 表格，也检查用制表符或空格对齐的文本表格和 Markdown 表格（文本表格的列只能从空白推断，所以只检查各行单元格数相同、有表头或“如下：”引导的表格）。Word 表格按合并单元格后的列对齐，表头可以有标题行和多层（多层表头中“合计”下的“立案”列只与各组的“立案”列相加），“续表”与上一张表合起来看，“一、行政许可”这样带本组小计的分组行与其明细两种读法任一相符即可，“全县合计”也是合计行，“126（含网办98）”读作126。各行单位不同的（单位写在数字旁、“单位”列或行名后的括号里）不相加。不相加的不检查：百分数和“率”“平均”“比例”等比率列（“占比”列只在合计为100%时检查），单位不同的行（“户次”和“件”），有三个以上“其中”行或又分组的列，以及表头在表中重复出现的表格。“其中”行是上一行的一部分，不计入各项之和；它下面没有标明的行也可能仍是“其中”的部分（“其中：简易程序 12”“一般程序 18”），几种读法中有一种与合计相符就不报告。合计允许按自身的小数位四舍五入。消息中的表格按其上方题注的编号称呼（“表4”，题注与表格之间可隔一行“单位：件”），没有题注的 Word 表格称“第2张表格”（按文档中的顺序，不计嵌在其他表格中的表格），嵌在单元格中的表格称“表1中的内嵌表格”；以万、亿书写的数字，各项之和也以万、亿表示。\n\n示例（不规范）：行政许可1526、行政确认318，合计1845。",
};

pub static TABLE_SHARES: RuleMeta = RuleMeta {
    code: "GW0413",
    name: "table-shares",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "表格占比列与数字不符，或各项之和不是100%",
    doc: "表格中“占比”“比例”“比重”“构成”列的各项之和应为100%；每项四舍五入后允许有与项数相称的误差（每项0.5个末位单位）。占比列左边是各项的数字时，逐行核对：每行的占比应为本行数字除以合计（或各行之和），允许差一个末位单位（为使合计凑足100%而调整的尾数）；找到算错的行时只报告这一行，不再报告合计；多数行对不上、占比之和又不是100%时，占比是按另一个总数算的，不报告；占比之和正好是100%时（两行填反了，或最后一行用100%减去其余各行凑出），对不上的行都报告。表中有“合计”行、其占比正是各项之和却不是100%时（“合计 95%”），报告合计这一格；合计格另写一个比率（各行是各自的比率，如网办占比）的不检查。标明“可多选”的调查表，各项之和本来就会超过总数和100%，不检查。\n\n示例（不规范）：占比列为45%、30%、20%（合计95%）。\n示例（不规范）：医疗卫生 698件 占比43.8%，合计1800件（698÷1800≈38.8%）。",
};

pub static BREAKDOWN_UNIT: RuleMeta = RuleMeta {
    code: "GW0414",
    name: "breakdown-unit",
    category: Category::Consistency,
    severity: Severity::Info,
    summary: "总数与分项的计量单位不一致",
    doc: "总数和分项的数字相符，计量单位却不同（如总数用“项”，分项用“件”）。同一事物在同一句中宜用同一计量单位。\n\n示例：承办代表建议40项，其中主办19件、协办16件、分办5件。",
};

pub static FULLWIDTH_DIGITS: RuleMeta = RuleMeta {
    code: "GW0415",
    name: "fullwidth-digits",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "阿拉伯数字、拉丁字母或数字中的符号用了全角",
    doc: "阿拉伯数字应使用半角（GB/T 15835-2011 5.1.7.1：阿拉伯数字一般用正体二分字身，即占半个汉字位置）。“１２件”“２０２４年”多是在全角输入状态下录入的，与半角数字混用时还会影响检索和统计。小数点同样用半角：“1．2万”的全角点可以安全地改正；“87。6万元”中写成句号的小数点也报告（后面是万、亿、元、千、%时才认定，修复不会自动应用）。“12，500元”中间的全角逗号会让一个数读成两个（三位以内的数字、全角逗号、正好三位数字再接单位，或这样的数字单独占表格的一格时才认定；句中有“分别”“依次”“各”的是列举，不报告），写作“12500元”。全角的拉丁字母（“ＨＩＳ系统”“Ａ级”）同样是全角输入的结果，报为警告，可以安全地改为半角；英文和网址中的全角点（“Dr．Smith”“www．nhc．gov．cn”）也报为警告，可以安全地改为“.”。Word 自动编号的数字格式设成全角（“１.”）的，提示到编号格式中修改，同一层级的编号只在第一处报告并注明共几处。正文、标题、表格中都检查，可以安全地自动修复；成文日期的写法由 GW0203 检查。\n\n示例（不规范）：全年受理投诉１２件\n示例（规范）：全年受理投诉12件",
};

pub static DIGIT_GROUPING: RuleMeta = RuleMeta {
    code: "GW0419",
    name: "digit-grouping",
    category: Category::Consistency,
    severity: Severity::Info,
    summary: "数字分节写法不统一",
    doc: "同一份报告中，同样位数的数字应统一分节写法：要么都用千分撇“,”分节，要么都不分节（GB/T 15835-2011 5.1.1）。四位数可以不分节，所以五位及以上的数分节、四位数不分节不算不统一；只在同样位数的数字写法不同时提示，提示写法少的那些（一样多时，提示与第一处不同的那些）。只看带计量单位或金额单位的数字：年份、电话、文号、编号、百分数和书名号、引号中的数字不看。修复建议不会自动应用。\n\n示例（不规范）：全年受理投诉1,526件，办结1498件\n示例（规范）：全年受理投诉1,526件，办结1,498件",
};

pub static IMPOSSIBLE_DATE: RuleMeta = RuleMeta {
    code: "GW0420",
    name: "impossible-date",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "正文中的日期不存在",
    doc: "正文、标题、表格中写到的日期应是日历上有的日期：没有13月、0月，4月、6月、9月、11月只有30天，2月平年28天、闰年29天，一年只有四个季度（没有“第五季度”）。“2月30日”“6月31日前”多是打错了日子，“2025年13月”多是打错了月份。只看阿拉伯数字写的、带年份或带日的月份（“13月”单独出现可能是计数，不看）；没有写年份的“2月29日”可能是闰年，不报告。成文日期由 GW0204 检查。\n\n示例（不规范）：2025年2月30日，我委召开法治建设工作会议。\n示例（不规范）：计划于第五季度完成验收。\n示例（规范）：2024年2月29日，我委召开法治建设工作会议。",
};

pub static MIXED_YEAR_NUMERALS: RuleMeta = RuleMeta {
    code: "GW0421",
    name: "mixed-year-numerals",
    category: Category::Consistency,
    severity: Severity::Warning,
    summary: "汉字年份中混入了阿拉伯数字“0”或字母“O”",
    doc: "用汉字数字写年份时，零写作“〇”，不能混入阿拉伯数字“0”或字母“O”（“二0二四年”“二O二四年”），这是输入法造成的常见错误。修复把“0”“O”改为“〇”，可以安全地自动修复；公文正文中的年份一般用阿拉伯数字（GB/T 15835-2011），写作“2024年”更好。成文日期由 GW0203 检查。\n\n示例（不规范）：二0二四年，我委深入推进依法行政。\n示例（规范）：2024年，我委深入推进依法行政。",
};

pub static PERIOD_YEARS: RuleMeta = RuleMeta {
    code: "GW0422",
    name: "period-years",
    category: Category::Consistency,
    severity: Severity::Error,
    summary: "年份与所说的时期或年数不符",
    doc: "按序号称呼的时期有固定的年份：“十三五”是2016—2020年，“十四五”是2021—2025年，“十五五”是2026—2030年；“七五”普法是2016—2020年，“八五”普法是2021—2025年（见 rules/units.toml 的 periods）。括号中的年份超出了这一时期，多是写错了时期或者年份。括号中的年份在这一时期之内（“‘十四五’以来（2021—2024年）”）是到目前为止的一段，不报告。“七五”“八五”后面写了“普法”才按普法规划核对，单独的“七五”“八五”也可能指国民经济和社会发展五年计划。\n\n写明了年数的区间，年数应与起止年份相符：“连续5年（2021—2024年）”只有4年，“近三年（2022—2024年）”“2021—2023年连续3年”是对的。\n\n说某年是某一时期的开局之年或收官之年，这一年应是它的第一年或最后一年：2025年是“十四五”的收官之年，2026年是“十五五”的开局之年。“2025年是‘十四五’开局之年”“‘十四五’开局之年（2025年）”多是沿用了往年的句子。\n\n怎样改：核对时期的名称、年数和起止年份，改正写错的一个。\n\n示例（不规范）：“十四五”时期（2016—2020年）、“七五”普法（2021—2025年）、连续5年（2021—2024年）、2025年是“十四五”开局之年\n示例（规范）：“十四五”时期（2021—2025年）、连续4年（2021—2024年）、2025年是“十四五”收官之年",
};

pub static RULES: &[&RuleMeta] = &[
    &SUM_MISMATCH,
    &RATE_MISMATCH,
    &RATE_OVER_100,
    &IMPOSSIBLE_YEAR_RANGE,
    &RELATIVE_YEAR_MISMATCH,
    &SECTION_YEAR_MISMATCH,
    &CONFLICTING_FIGURES,
    &CAPITAL_NUMERALS,
    &DIGIT_WITH_QIAN,
    &CHINESE_COUNT,
    &MONEY_WITHOUT_YUAN,
    &TABLE_TOTAL_MISMATCH,
    &TABLE_SHARES,
    &BREAKDOWN_UNIT,
    &FULLWIDTH_DIGITS,
    &IMPOSSIBLE_YEAR,
    &FUTURE_EVENT,
    &PAST_DEADLINE,
    &DIGIT_GROUPING,
    &IMPOSSIBLE_DATE,
    &MIXED_YEAR_NUMERALS,
    &PERIOD_YEARS,
];

pub fn check(ctx: &Context, out: &mut Findings) {
    let doc = ctx.doc;
    let lex = lexicon();
    let mut cells: BTreeMap<u32, Vec<(usize, CellRef)>> = BTreeMap::new();
    let mut grouping = grouping::DigitGrouping::default();
    let mut i = 0;
    while i < doc.line_count() {
        let first = i;
        i += 1;
        if ctx.outline.chrome.get(first).copied().unwrap_or(false) {
            continue;
        }
        if let Some(cell) = doc.lines[first].origin.cell {
            cells.entry(cell.table).or_default().push((first, cell));
            continue;
        }
        // A paragraph the source wraps over several lines (Markdown, a Word line break)
        // is read as one, so that a sentence's figures are read together.
        // So is a plain text's paragraph broken mid-sentence at a fixed width (a PDF copy).
        let mut last = first;
        let text = doc.format == crate::document::Format::Text;
        loop {
            // A plain text's line that ends a sentence ends its paragraph, and a short one
            // (a heading, a table's row) is no line wrapped at a width: no need to ask.
            let line = doc.line(last).trim_end();
            if text
                && (line.ends_with(['。', '；', '！', '？']) || line.len() < MIN_WRAPPED_LINE_BYTES)
            {
                break;
            }
            let next = match ending(ctx, last) {
                Ending::Wrapped { next, .. } if doc.format != crate::document::Format::Text => next,
                Ending::Continues { next } => next,
                _ => break,
            };
            if next != last + 1 || doc.lines[next].origin.cell.is_some() {
                break;
            }
            last = next;
        }
        i = last + 1;
        let joined;
        let (line, breaks) = if last == first {
            (doc.line(first), Vec::new())
        } else {
            let (text, breaks) = join_lines(doc, first..last + 1);
            joined = text;
            (joined.as_str(), breaks)
        };
        if !line.chars().any(could_be_numeral) {
            continue;
        }
        for (k, (piece, base, breaks)) in pieces(line, doc.lines[first].start, &breaks)
            .into_iter()
            .enumerate()
        {
            let (piece, base, breaks) = match k {
                0 => without_item_number(piece, base, breaks),
                _ => (piece, base, breaks),
            };
            let p = Para::joined(base, piece, breaks);
            sums::check_breakdowns(&p, lex, out);
            maxima::check(&p, lex, out);
            rates::check_rates(&p, lex, out);
            share_totals::check(&p, lex, out);
            growth::check_growth(&p, lex, out);
            count_changes::check(&p, lex, out);
            multiples::check(&p, lex, out);
            averages::check(&p, lex, out);
            points::check_points(&p, lex, out);
            repeats::check_repeats(&p, lex, ctx.outline.year.map(|y| y.year), out);
            forms::check_forms(&p, lex, out);
            years::check_years(ctx, &p, lex, out);
            periods::check(&p, lex, out);
            // A table's figures, in Word or typed as text, follow the table's own form.
            if !ctx.outline.table_rows.get(first).copied().unwrap_or(false) {
                grouping.note(&p);
            }
        }
    }
    grouping.check(out);
    years::check_section_years(ctx, out);
    future::check(ctx, out);
    dates::check(ctx, out);
    year_numerals::check(ctx, out);
    deadlines::check(ctx, out);
    meetings::check(ctx, out);
    forms::check_fullwidth_digits(ctx, out);
    for grid in tables::word_grids(doc, &cells) {
        tables::check_table(&grid, lex, out);
    }
    for grid in tables::text_grids(ctx) {
        tables::check_table(&grid, lex, out);
    }
}

/// A plain text wrapped at a fixed width has lines of twenty characters or more.
const MIN_WRAPPED_LINE_BYTES: usize = 60;

/// Where the line breaks were taken out of a joined paragraph (see `Para::joined`).
type Breaks = Vec<(usize, usize)>;

/// A paragraph cut into pieces of at most `MAX_PARAGRAPH_BYTES`, each after a sentence's
/// end where there is one: (text, its offset in the document, its breaks as `Para` takes them).
fn pieces<'a>(
    text: &'a str,
    base: usize,
    breaks: &[(usize, usize)],
) -> Vec<(&'a str, usize, Breaks)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let len = if rest.len() <= MAX_PARAGRAPH_BYTES {
            rest.len()
        } else {
            let cut = rest.floor_char_boundary(MAX_PARAGRAPH_BYTES);
            rest[..cut]
                .rfind(['。', '！', '？', '；'])
                .map_or(cut, |i| i + '。'.len_utf8())
        };
        let removed_before = |at: usize| {
            let k = breaks.partition_point(|&(b, _)| b <= at);
            k.checked_sub(1).map_or(0, |k| breaks[k].1)
        };
        let own = breaks
            .iter()
            .filter(|&&(b, _)| b > start && b < start + len)
            .map(|&(b, removed)| (b - start, removed - removed_before(start)))
            .collect();
        out.push((&rest[..len], base + start + removed_before(start), own));
        start += len;
    }
    out
}

/// A paragraph's text after its item number and indentation ("1.2025年4月…", "（二）共…"):
/// the number is no figure of the text, and its dot would join it to a year as a decimal.
fn without_item_number(text: &str, base: usize, breaks: Breaks) -> (&str, usize, Breaks) {
    let cut = crate::outline::item_number_end(text);
    // A number broken over two lines ("（\n一）") is left as it is.
    if breaks.iter().any(|&(b, _)| b < cut) {
        return (text, base, breaks);
    }
    let breaks = breaks.into_iter().map(|(b, r)| (b - cut, r)).collect();
    (&text[cut..], base + cut, breaks)
}

/// The lines' text run together, without the line breaks and the next lines' indentation,
/// and where each break was taken out (see `Para::joined`).
fn join_lines(doc: &crate::document::Document, lines: std::ops::Range<usize>) -> (String, Breaks) {
    let mut text = String::new();
    let mut breaks = Vec::new();
    let mut removed = 0;
    for k in lines {
        let line = doc.line(k);
        let indent = crate::text::indent_len(line);
        if !text.is_empty() {
            removed += doc.lines[k].start + indent - doc.lines[k - 1].end;
            breaks.push((text.len(), removed));
        }
        text.push_str(&line[if text.is_empty() { 0 } else { indent }..]);
    }
    (text, breaks)
}

fn could_be_numeral(c: char) -> bool {
    matches!(
        c,
        '0'..='9'
            | '０'..='９'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '壹'
            | '贰'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
    )
}

#[cfg(test)]
mod tests;
