//! artifact: what copying a report out of a web page, a PDF or Word leaves in the text
//! (rules.md §3.3, R-A01…R-A07): page debris, Word residue, placeholders, broken
//! paragraphs, stray spaces, injected spam.

use super::Context;
use crate::diagnostic::{Category, RuleMeta, Severity};
use crate::rules::findings::Findings;

mod as_meant;
mod breaks;
mod debris;
pub(crate) mod garbled;
mod invisible;
pub(crate) mod layout;
mod lookalikes;
pub(crate) mod lost;
mod misread;
pub(crate) use as_meant::read_as_meant;
mod margins;
pub(crate) mod markup;
mod placeholder;
mod private_use;
mod repeated;
pub(crate) mod residue;
mod revisions;
mod spaces;
mod spam;

pub static WEB_DEBRIS: RuleMeta = RuleMeta {
    code: "GW0601",
    name: "web-debris",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "网页残留或孤立的符号行",
    doc: "从政府网站复制报告时，常把页面上的发布时间、浏览次数、“字体 大 中 小”、打印、分享、二维码、ICP 备案号、版权所有等一并带入。这些行不是报告正文，应当删除。接在段落最后一句之后的链接或署名（“……万元。点击查看原文”“……。（责任编辑：××）”）同样报告；段末的“来源：……”可能是数字的出处，不报告。识别规则见内置的 rules/chrome.toml；相邻的残留行合并为一条提示，夹在残留行之间的短值（如“主动公开”）也算在内。网页源代码中的标签和字符实体（“<br>”“</p>”“&nbsp;”“&ldquo;”，修复删去标签、把实体换成它代表的字符，可以安全地自动修复；Markdown 文件中的 HTML 是格式的一部分，不报告），孤立的“|”等只有符号的行，以及试用版转换工具写入的水印（“Evaluation Warning: … Spire.Doc …”“Evaluation Only. Created with Aspose.Words …”），也在此报告。微信文章的发布行（“原创 … 2025年01月20日 17:30”）和文末的“阅读 2368”“写留言”“阅读原文”，PDF 的页码（“— 3 —”“第六页”“Page 5 of 8”）和页眉，以及报告作为邮件正文转来时的邮件头（发件人、发送时间、收件人、主题）、分隔线（“-----原始邮件-----”）和“发自我的iPhone”，也是这样的残留；提示说明它们从哪里来（网页、页码和页眉、邮件）。\n\n提供删除这些行的修复，但不会自动应用（规则可能误判）。\n\n示例（不规范）：\n  发布时间：2025-01-20  浏览次数：356\n  版权所有：青禾市卫生健康委员会　技术支持：某某公司",
};

pub static WORD_RESIDUE: RuleMeta = RuleMeta {
    code: "GW0602",
    name: "word-residue",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "Word 转换残留",
    doc: "把 Word 文档转换为文本时，隐藏书签、域代码会以文字形式出现，例如“[bookmark: _GoBack]”“_Toc123456”“\\* MERGEFORMAT”“{ PAGE }”“HYPERLINK \"…\"”，目录的“TOC \\o \"1-3\" \\h”和“PAGEREF _Toc123456 \\h 3”（连同后面的页码），以及复制下来的目录行（“一、主要举措和成效……………1”，标题、点状前导符和页码；删除的修复不自动应用）；表格转换还会在段首段末留下“|”。删除即可，可以安全地自动修复；书签名后面紧跟“.”“、”等序号标点时（“_Toc1234563.压实……”），末尾的数字可能是标题序号，删除的修复不自动应用。交叉引用的目标被删除后，Word 会显示“错误！未找到引用源。”“错误！未定义书签。”（英文版“Error! Reference source not found.”），也报告，但不自动修复：要在 Word 中重新插入引用。修改时写进正文的批注（“【批注：数据待核实】”）也在此报告，删除的修复不会自动应用。从 Word 复制到文本中的符号字体字符（项目符号“•”存成私用区字符 U+F0B7，Wingdings 的“●”“✓”存成 U+F06C、U+F0FC）和造字程序造的字都在 Unicode 私用区（U+E000–U+F8FF），换一台电脑会显示成方框或别的字，也在此报告：段首的项目符号提供删除的修复（不自动应用，并列条目宜改用“1.”“一是”），句中的要改为对应的标准字符。\n\n示例（不规范）：[bookmark: _GoBack]2.深入开展法治宣传教育。\n示例（规范）：2.深入开展法治宣传教育。",
};

pub static PLACEHOLDER: RuleMeta = RuleMeta {
    code: "GW0603",
    name: "placeholder",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "未填写或被遮盖的占位符",
    doc: "文中有“****年”“*次”“XX件”“X月X日”“××家”“××、××等”“某某年”“□□”“○○件”“___名”“【待填】”等占位符、括号里的模板字段名（“<单位名称>”“【报告年度】”，字段名见 rules/lexicon.toml 的 template_fields），或者 Word、WPS 内容控件没有填写时显示的提示文字（“单击或点击此处输入文字。”）：要么模板没有填完，要么转载时数字或名称被遮盖。单独的“某某”（“查处某某诊所”）和常见姓氏后的“*”（“王**、李**等3人”“张*明、”）是有意隐去的当事人名称，不报告；引号中作为格式示例的（“按‘××××年××月××日’格式填写”“以‘□□’表示”）不报告；表格指标名后的单个“*”（“审查率*⇥100%”）和文中说明了的“*”（“注：标‘*’的为约束性指标”）是注释符号，也不报告；“7*24小时”“5*8小时”中两个数字之间的“*”是乘号，不报告。被遮盖的数字、年份无法核对。全文被大量遮盖时另给一条全文提示（GW0609），逐处提示降为警告。成文日期中的占位符由 GW0205 报告。\n\n示例（不规范）：2024年共办理行政复议案件XX件。\n示例（不规范）：****年，我局坚持……",
};

pub static PARAGRAPH_BREAK: RuleMeta = RuleMeta {
    code: "GW0604",
    name: "paragraph-break",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "段落在句中或词中断开",
    doc: "一段话被换行拆成了两段：前一段没有句末标点，以“，”或半个词结尾，下一段不是标题、也不是新的条目，接着同一句话往下写。下一段以数字和单位开头、接着就是标点的（“覆盖率达到”与“100%，”），前一段以数字结尾、下一段以单位开头的（“参训人员达1200”与“人次。”），一个数字被拆在两段的（“1,2”与“36件，”，“21.”与“6万元。”，提示“数字被换行拆开”），以及下一段只有一个字就接标点的（“审查制”与“度，”）、前一行停在“的”字上的，也都是断开的同一句话；以年份、序号或“另，”开头的段落不算。书名号中的名称被拆在两段的（“《法治政府建设实施纲要（2021—”与“2025年）》，”），标题中也算，报告为“段落在书名号中间断开”，不再把两半各报一次书名号不配对（GW0503）。多为从 PDF、网页复制或排版软件转换时产生。提供合并两段的修复，但不自动应用。\n\n示例（不规范）：\n  一是加强党内监督。充分发挥党委领导核心和统揽全局作\n  用，建立党委班子成员基层联系点制度……\n示例（规范）：……统揽全局作用，建立……",
};

pub static PARAGRAPH_UNFINISHED: RuleMeta = RuleMeta {
    code: "GW0605",
    name: "paragraph-unfinished",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "段落以逗号或分号结尾",
    doc: "段落以“，”“；”“、”结尾，下一行却是新的标题、条目或落款（或者后面没有内容了），说明这一段后面的内容丢失或被截断（复制不全、转换错误）。单独成行的带序号小标题或条目以“，”“、”结尾的（“1.加强执法队伍建设，组织培训4期，”），同样报告。段落停在句子不能结束的字上（“充分发挥法律顾问的”“加强执法与”），或以冒号结尾（“主要做法：”）而下一行已是同级的下一个标题（不是冒号所引出的下级标题或从1开始的条目）的，也报告。下一段接着同一句话往下写的，由 GW0604 报告。\n\n示例（不规范）：\n  （六）坚持严格公正文明执法。一是加大抽查力度……推进信息录入工作；\n  （七）强化对行政权力的制约和监督。",
};

pub static STRAY_SPACE: RuleMeta = RuleMeta {
    code: "GW0606",
    name: "stray-space",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "汉字之间或汉字与数字之间有多余的空格",
    doc: "中文与阿拉伯数字之间、汉字之间、汉字与标点之间、数字与百分号之间、序号之后都不加空格（GB/T 15835-2011 没有在汉字与数字之间加空格的用法，公文实践中也不加）。这些空格多来自 Word 的“中英文间距”或从 PDF、网页复制。数字两侧的空格可以安全地删除；汉字之间的空格有时代替了顿号，修复不会自动应用。不检查拉丁字母两侧的空格（如“QQ 群”），段首缩进也不算；用制表符或空格排成的文字表格（用制表符分隔的行，或“立案 73 件”这样成块出现的短行）、联合行文标题或落款中两个机关名称之间的空格，以及书名号、引号内分隔上下两句的全角空格（“深入学习贯彻习近平法治思想　推进……”）也不报告；两字人名中间补的全角空格（“联系人：张　伟，”）是为了与三字人名对齐，同样不报告。Word 自动编号的“编号之后”设为空格时，提示到编号设置中修改，不提供文字修复。文号中的空格（“〔2021〕4 号”）由 GW0706 报告。\n\n示例（不规范）：全年立案 73 件，罚款 83000 元。\n示例（规范）：全年立案73件，罚款83000元。",
};

pub static TRAILING_WHITESPACE: RuleMeta = RuleMeta {
    code: "GW0607",
    name: "trailing-whitespace",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "段末有多余的空白字符",
    doc: "段落末尾留有空格，或者一行只有空白字符。段末的不间断空格（网页中常见的一种特殊空格）、全角空格是网页或转换残留，报为警告；普通空格只作提示。可以安全地自动删除。Word 文档不检查（段末空格在 Word 中不可见、也无影响）。\n\n示例（不规范）：……应急处置能力。␣（段末有一个不间断空格）",
};

pub static SEO_SPAM: RuleMeta = RuleMeta {
    code: "GW0608",
    name: "seo-spam",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "正文中混入广告词",
    doc: "一些转载网站会在正文里插入博彩、体育平台等广告词，用来骗取搜索排名；范文网站和文档分享网站会加上推广语（“更多精品范文请关注本站”“免费下载word版”“原创力文档”）。出现这类词说明文本不是从官方渠道获取的，内容可能也被改动过。词表见 rules/lexicon.toml 的 [spam]。同一句里相隔不过几个字的几个广告词是同一条广告，合报一处。\n\n示例（不规范）：省州市委三升体育平台法治政府建设领导小组……",
};

pub static MASKED_DOCUMENT: RuleMeta = RuleMeta {
    code: "GW0609",
    name: "masked-document",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "全文被大量遮盖",
    doc: "全文有十处以上内容被“*”或“■”（两者合计）遮盖，说明这是脱敏或遮盖处理过的副本：年份、数字、日期都无法核对，其他规则的结论也可能不可靠。本提示只出现一次；各处遮盖由 GW0603 逐一列出（降为警告）。模板中没有填写的“××”“□□”是另一回事，不算遮盖，仍由 GW0603 逐处报告为错误。\n\n示例：****年，我局……共办理*件，办结率***%……",
};

pub static REPEATED_PARAGRAPH: RuleMeta = RuleMeta {
    code: "GW0610",
    name: "repeated-paragraph",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "段落重复",
    doc: "同一段文字（20字以上、含完整句子）在文中原样出现了两次，多半是复制粘贴时重复了；一段正好是上一段从某一分句起的末尾部分（“……有待提升，个别案件文书制作不够规范……”之后又单独成段“个别案件文书制作不够规范……”），也是这样。在后一处报告，并提供删除这一段的修复（不会自动应用）。标题、表格、短的标签行不检查；与正文连写的条目（“（三）强化执法监督。全年……”）比较序号之后的文字，换了序号重复粘贴的也报告。同一上级标题下两个同级小标题文字完全相同（“（三）严格规范公正文明执法。”之后又是“（四）严格规范公正文明执法。”），多是复制了上一条却没有改写，也在此报告。\n\n示例（不规范）：“不足和原因”部分把“法治宣传的针对性和实效性有待提高。”这一段粘贴了两遍。",
};

pub static INVISIBLE_CHARACTER: RuleMeta = RuleMeta {
    code: "GW0611",
    name: "invisible-character",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "文中有看不见的字符",
    doc: "零宽空格（U+200B）、零宽连字（U+200D）、字连接符（U+2060）、软连字符（U+00AD）以及夹在文中的字节顺序标记（U+FEFF）在屏幕和纸面上都看不见，多半是从网页或 PDF 复制时带入的；有的办公系统导出的文本里夹着个别空字符（U+0000），也一样报告（空字符很多的文件是二进制文件，不当作文本读取）。从网页复制来的行分隔符（U+2028）、段分隔符（U+2029）在有的软件中显示为换行，有的不显示：夹在句中的可自动删除；在句末或行首行尾的，可能是应有的分段，删除的修复不自动应用。它们会让检索、查重和数字核对失效（中间夹了一个零宽空格的“2025年1月20日”不再是一个日期）。可自动删除。成文日期中的这类字符由 GW0203 报告。纯文本文件中的换页符（U+000C，把 PDF 转换为文本时每一页开头留下的）也在此报告，检查其他规则时当作空白；Word 文档中的分页符是排版的一部分，不报告。\n\n示例（不规范）：全年办理行政许可␣1260件（␣处是一个零宽空格）",
};

pub static OPEN_REVISIONS: RuleMeta = RuleMeta {
    code: "GW0612",
    name: "open-revisions",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "文档中有未处理的修订或批注",
    doc: "Word 或 WPS 文档中还有未接受或拒绝的修订（插入、删除、移动的内容，以及格式、编号的修改），或者还有批注；页眉、页脚、脚注和尾注中的也算。gwlint 按接受全部修订后的文字检查，但文件本身仍带着删去的文字和批注：报送或在网上公开时会一起发出，打开时也可能显示出来。报送前在“审阅”中接受或拒绝所有修订、删除所有批注。整份文件只报告一次，写在正文中第一处修订所在的行（只有批注，或修订只在页眉、页脚、脚注中时，写在第一行）；gwlint 用 --annotate 写入的批注（作者为“gwlint”）是它自己的检查结果，不计入；只对 .docx 检查。\n\n示例：修订模式下改过数字的报告，“受理1526件”被改成“受理1562件”后直接报送。",
};

pub static HEADER_FOOTER: RuleMeta = RuleMeta {
    code: "GW0613",
    name: "header-footer",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "页眉或页脚中有往年的年份或未填写的占位符",
    doc: "Word 或 WPS 文档的页眉、页脚会印在每一页上，沿用往年报告或模板时最容易忘了改。检查 Word 显示的页眉和页脚（“首页不同”“奇偶页不同”关掉后留在文件中、不再显示的不算）：其中有“××”“XX”“某某县”“【请填写】”“[键入文档标题]”等未填写的占位符，或者页眉写的是一份报告（含“报告”“年度”），而它的年份（第一个不属于日期的年份，阿拉伯数字或“二〇二四年”）早于报告年度或比报告年度晚一年以上的，报告为错误。后一年（“附件：2026年度工作要点”）、页脚中的印发日期（“2026年1月16日印发”）、页码不检查。页眉、页脚没有自己的行号，提示写在第一行，说明是哪一个（“首页页眉”“偶数页页脚”）；只对 .docx 检查。\n\n示例：2025年度报告每一页的页眉仍是“青禾县卫生健康局2024年法治政府建设年度报告”。\n示例：页眉是模板中的“××县卫生健康局”。",
};

pub static GARBLED_TEXT: RuleMeta = RuleMeta {
    code: "GW0614",
    name: "garbled-text",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "文本是乱码",
    doc: "文本文件用错误的编码打开、又保存之后，文字就成了乱码：UTF-8 文件按 GBK（记事本的 ANSI）打开，“松岭县卫生健康局”成了“鏉惧箔鍘垮崼鐢熷仴搴峰眬”；GBK 文件按西文编码打开，成了“ËÉÁëÏØÎÀÉú”。乱码文件在屏幕上还能看出是乱码，但原来的字节大多还在，按打开时用错的编码写回、再按原编码读取，就能还原。gwlint 取正文前 40 个含较多非 ASCII 字符的行，逐行试着这样还原：多数行（至少 3 行）还原成了通顺的汉字，就报告为错误，说明第一处乱码和它还原后的文字，不再检查其他内容（乱码中的标点、字母都不是原文的，逐条报告只会误导）；也不自动修复（修改全角字母等会毁掉还能还原的字节）。用错编码打开时，凑不成字的字节常显示为“?”或“�”，或者被丢掉，连带丢了原文的一两个字；还原出的汉字多于丢掉的，这一行仍算作乱码。全文不是乱码、只有个别段落是乱码（粘贴进来的）时，照常检查，但这些段落里的问题只提示、不自动修复。\n\n怎样改：向报送单位索取原文件；或在记事本、WPS 等编辑器中按正确的编码（通常是 UTF-8）重新打开，确认文字正常后另存为 UTF-8。\n\n示例：全文是“鏉惧箔鍘垮崼鐢熷仴搴峰眬2024骞存硶娌绘斂搴滃缓璁惧勾搴︽姤鍛?”这样的文字（UTF-8 报告按 GBK 打开后又保存）。",
};

pub static LOOKALIKE_CHARACTER: RuleMeta = RuleMeta {
    code: "GW0615",
    name: "lookalike-character",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "文中有与汉字形似的康熙部首字符",
    doc: "许多 PDF 阅读器复制文字时，把“生”“日”“月”“人”“行”等字复制成外形相同的康熙部首字符（U+2F00～U+2FD5，如“⽣”“⽇”），或把“门”“长”等简化字复制成部首补充区的字符（U+2E80～U+2EF3，如“部⻔”“⻓期”），屏幕上看不出区别，但它们不是同一个字：检索“卫生健康局”找不到“卫⽣健康局”，“2025年1⽉18⽇”不是日期，含“负责⼈”的小标题对不上“负责人”，报送系统和检索工具都会出错。gwlint 检查其他规则时把它们当作对应的汉字来读（落款、日期、各部分照常识别），只由本规则报告。每行报告一次，列出其中的部首字符和应改成的汉字；对应关系见内置的 rules/lookalikes.toml（即 Unicode 的兼容等价映射），可安全地自动修复（长度不变，不影响其他内容）。\n\n示例（不规范）：县卫⽣健康局全年办理⾏政许可326件\n示例（规范）：县卫生健康局全年办理行政许可326件",
};

pub static MISREAD_CHARACTER: RuleMeta = RuleMeta {
    code: "GW0616",
    name: "misread-character",
    category: Category::Artifact,
    severity: Severity::Warning,
    summary: "数字或日期中混入了形近的字母或汉字",
    doc: "扫描件经文字识别（OCR）转成的文字，或匆忙输入的文字，常把数字 0、1 识别成形近的字母 O、o、l、I（“2O24年”“31O家”“4l份”），把日期中的“日”打成“曰”（“2025年1月20曰”）。看上去差不多，但这样的数字不是数字，日期也不是日期：核对数字、识别成文日期都会出错。只在这些情况下报告：一串数字中夹着这几个字母、字母不多于数字、不是首尾都是字母（“O2O模式”不算），前面不是字母、数字或网址符号，后面紧接汉字或“%”；“曰”只在“×月×曰”中报告。检查其他规则时按改正后的字读，可安全地自动修复。\n\n示例（不规范）：全年共检查医疗机构31O家，2025年1月20曰\n示例（规范）：全年共检查医疗机构310家，2025年1月20日",
};

pub static LOST_CHARACTER: RuleMeta = RuleMeta {
    code: "GW0617",
    name: "lost-character",
    category: Category::Artifact,
    severity: Severity::Error,
    summary: "文中有已经丢失的字",
    doc: "文本文件中夹着几个不是有效 UTF-8 的字节时（复制时截断了一个字、文件在传送或存储中损坏，或者文件的末尾被截掉了半个字），gwlint 不再拒绝整个文件，而是把坏字节读作替换字符“�”（每个坏字节或被截断的半个字一个“�”，连在一起的算一处），照常检查其余内容，并在这里逐处报告。早先的转换已经把字换成了“�”的，也在此报告。这些地方原来写的字已经读不出来，只能对照原稿补上。坏字节很多（超过 16 处）时，文件按已经损坏拒绝读取；有效的汉字太少、像是别的编码时，按无法识别的编码拒绝读取。带 BOM 的 UTF-8 文件也一样。其他规则不再对含“�”的文字下结论（“2025年1月2�”缺不缺“日”、“《…实施�要》”是哪个文件，都要等补上原字才知道）。这样的文件不会被 --fix 改写（写回会把坏字节变成“�”），它的其他问题也不计入“可用 --fix 自动修复”。只对文本文件检查：.docx 中符号字体的未知字形也读作“�”，而 Word 能显示它。\n\n示例（不规范）：全年办理�政复议案件12件\n示例（规范）：全年办理行政复议案件12件",
};

pub static RULES: &[&RuleMeta] = &[
    &WEB_DEBRIS,
    &WORD_RESIDUE,
    &PLACEHOLDER,
    &PARAGRAPH_BREAK,
    &PARAGRAPH_UNFINISHED,
    &STRAY_SPACE,
    &TRAILING_WHITESPACE,
    &SEO_SPAM,
    &MASKED_DOCUMENT,
    &REPEATED_PARAGRAPH,
    &INVISIBLE_CHARACTER,
    &OPEN_REVISIONS,
    &HEADER_FOOTER,
    &GARBLED_TEXT,
    &LOOKALIKE_CHARACTER,
    &MISREAD_CHARACTER,
    &LOST_CHARACTER,
];

pub fn check(ctx: &Context, out: &mut Findings) {
    debris::check(ctx, out);
    markup::check(ctx, out);
    residue::check(ctx, out);
    private_use::check(ctx, out);
    placeholder::check(ctx, out);
    breaks::check(ctx, out);
    spaces::check(ctx, out);
    spam::check(ctx, out);
    repeated::check(ctx, out);
    repeated::check_headings(ctx, out);
    invisible::check(ctx, out);
    lookalikes::check(ctx, out);
    misread::check(ctx, out);
    lost::check(ctx, out);
    revisions::check(ctx, out);
    margins::check(ctx, out);
}

#[cfg(test)]
mod tests;
