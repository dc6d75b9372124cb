//! signature: 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5; 条例 Art. 9; 督察工作规定
//! Art. 23 for the deadline).

use super::Context;
use crate::date::{DateLine, Field, days_in_month, is_real_date};
use crate::diagnostic::{Category, Diagnostic, RuleMeta, Severity};
use crate::outline::{YearSource, content_span, issuer_in_title, joint_issuers};
use crate::rules::findings::Findings;
use crate::sign_off::issuer_text;
use crate::text::{squeeze, trim_indent};
use crate::unit_name::same_body;
use std::ops::Range;

pub static MISSING_SIGNATURE: RuleMeta = RuleMeta {
    code: "GW0201",
    name: "missing-signature",
    category: Category::Signature,
    severity: Severity::Error,
    summary: "缺少落款（发文机关署名）",
    doc: "公文应在正文之后署发文机关全称或者规范化简称（《党政机关公文处理工作条例》第九条；GB/T 9704-2012 7.3.5）。不加盖印章时，署名在正文下空一行右空二字编排，成文日期在署名下一行。\n\n示例（规范）：\n  ……全面提升依法行政水平。\n                      青禾市卫生健康委员会\n                        2025年1月20日",
};

pub static MISSING_DATE: RuleMeta = RuleMeta {
    code: "GW0202",
    name: "missing-date",
    category: Category::Signature,
    severity: Severity::Error,
    summary: "缺少成文日期",
    doc: "公文应署成文日期，即会议通过或者发文机关负责人签发的日期（条例第九条）；年度报告还要据此判断是否按期报送。\n\n示例（规范）：署名下一行写“2025年1月20日”。",
};

pub static DATE_FORMAT: RuleMeta = RuleMeta {
    code: "GW0203",
    name: "date-format",
    category: Category::Signature,
    severity: Severity::Error,
    summary: "成文日期写法不规范",
    doc: "GB/T 9704-2012 7.3.5.4：成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）。不加空格，不用汉字数字（“二0二六年”这样混入阿拉伯数字“0”或字母“O”的也报告），不用“-”“.”“/”代替年月日，不用“号”代替“日”。\n\n示例（不规范）：2022 年 1 月 10 日、二〇二五年一月十日、2025年01月05日、2025.1.5\n示例（规范）：2025年1月5日",
};

pub static INVALID_DATE: RuleMeta = RuleMeta {
    code: "GW0204",
    name: "invalid-date",
    category: Category::Signature,
    severity: Severity::Error,
    summary: "成文日期不是真实存在的日期",
    doc: "成文日期的月份或日期超出了日历范围，例如2月30日、4月31日、非闰年的2月29日、13月。\n\n示例（不规范）：2025年2月29日（2025年不是闰年）\n示例（规范）：2024年2月29日",
};

pub static MASKED_DATE: RuleMeta = RuleMeta {
    code: "GW0205",
    name: "masked-date",
    category: Category::Signature,
    severity: Severity::Error,
    summary: "成文日期未填写或被遮盖",
    doc: "成文日期中有“*”“×”“X”“□”等占位符（或模板的“○○○○年○○月○○日”），或者是 Word 日期控件没有填写时的提示文字（“单击或点击此处输入日期。”），说明日期没有填写，或者在转载、脱敏时被遮盖。\n\n示例（不规范）：****年*月**日",
};

pub static DATE_BEFORE_YEAR_END: RuleMeta = RuleMeta {
    code: "GW0206",
    name: "date-before-year-end",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "成文日期早于报告年度结束",
    doc: "年度报告总结的是整个报告年度，成文日期通常在报告年度结束之后。成文日期在报告年度之内（或更早）时，可能是年份写错，或者报告没有覆盖全年。\n\n成文日期在报告年度的12月时，报提示而不是警告：有的地方要求12月就报送年度报告。\n\n示例（不规范）：《2025年法治政府建设年度报告》落款“2025年10月16日”",
};

pub static DATE_AFTER_DEADLINE: RuleMeta = RuleMeta {
    code: "GW0207",
    name: "date-after-deadline",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "成文日期晚于报送期限",
    doc: "《法治政府建设与责任落实督察工作规定》第二十三条：县级以上地方各级政府部门应于每年3月1日前向本级党委和政府、上一级政府有关部门报告上一年度法治政府建设情况。成文日期晚于次年3月1日，说明报告可能逾期，或者日期写错。医院（含妇幼保健院）、疾控中心、卫生监督所（卫生健康综合监督执法支队、大队）等部门所属单位向主管部门报送的期限由主管部门确定，落款是这类单位时不检查（rules/fazhi-report.toml 的 deadline.not_for）。\n\n示例（不规范）：《2023年法治政府建设年度报告》落款“2024年3月8日”",
};

pub static ISSUER_MISMATCH: RuleMeta = RuleMeta {
    code: "GW0208",
    name: "issuer-mismatch",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "发文机关署名与标题中的发文机关不一致",
    doc: "落款的发文机关署名应与标题中的发文机关一致，可以用全称，也可以用规范化简称（如“××卫生健康委员会”简称“××卫生健康委”）。联合报告（标题中各发文机关之间有空格或顿号）应署所有发文机关，缺少哪一个就报告哪一个。\n\n示例（不规范）：标题“东湖区卫生健康局……报告”，落款“东湖区医疗保障局”",
};

pub static DATE_BEFORE_ISSUER: RuleMeta = RuleMeta {
    code: "GW0209",
    name: "date-before-issuer",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "成文日期写在了发文机关署名之前",
    doc: "GB/T 9704-2012 7.3.5.2：不加盖印章的公文，发文机关署名在前，成文日期在署名下一行。\n\n示例（不规范）：\n  2025年1月20日\n  青禾市卫生健康委员会",
};

pub static DATE_ON_ISSUER_LINE: RuleMeta = RuleMeta {
    code: "GW0212",
    name: "date-on-issuer-line",
    category: Category::Signature,
    // Web copies and some templates put them so; the layout, not the content, is off.
    severity: Severity::Info,
    summary: "成文日期与发文机关署名写在同一行",
    doc: "GB/T 9704-2012 7.3.5.2：成文日期在发文机关署名下一行。署名和日期挤在一行，多是从网页复制时丢了换行，或用空格排版。\n\n示例（不规范）：青禾市卫生健康委员会　　2025年1月20日",
};

pub static DATE_FIELD: RuleMeta = RuleMeta {
    code: "GW0210",
    name: "date-field",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "成文日期是自动更新的日期域",
    doc: "成文日期是 Word 的“日期和时间”域（DATE 或 TIME，插入日期时勾选了“自动更新”），或者保存日期、打印日期域（SAVEDATE、PRINTDATE）：文件每次打开、保存或打印，显示的都是当天的日期，而不是成文的日期。gwlint 读到的是文件保存时显示的日期，别人打开时看到的可能已经不同。选中日期按 Ctrl+Shift+F9 把域转成普通文字，或者直接输入日期。

示例：落款下的“2025年1月20日”是 DATE 域，半年后打开显示为“2025年7月20日”。",
};

pub static SELF_NAME: RuleMeta = RuleMeta {
    code: "GW0211",
    name: "self-name",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "报告中的自称与发文机关不符",
    doc: "报告以发文机关的口吻写，自称要与发文机关一致：卫生健康委员会写“我委”，卫生健康局写“我局”（对应关系见报告类型配置 rules/fazhi-report.toml 的 self_names）。委的报告里出现“我局”，多是从别的单位的报告中复制了段落。标题与落款的发文机关不一致时（GW0208），以正文中自称次数多的一方为准，一样多的不检查。联合报告、带第二个名称的机关（“某市卫生健康委员会（某市疾病预防控制局）”）和引号中的话不检查；只报告第一处，并说明共有几处。\n\n示例（不规范，落款是青禾市卫生健康委员会）：2024年，我局坚持依法行政，全面推进法治政府建设。",
};

pub static COPY_TO_ABOVE_SIGNATURE: RuleMeta = RuleMeta {
    code: "GW0213",
    name: "copy-to-above-signature",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "抄送写在了落款之前",
    doc: "GB/T 9704-2012 8.2：抄送机关属于版记，编排在公文最后一页的末尾，在落款、附注和附件之后。写在发文机关署名之前（或署名和成文日期之间）的“抄送”，会让人把它当成正文的一部分，版记也就缺了；整个版记（抄送和印发行）写在落款之前的，报告一次。\n\n只认以“抄送”或“抄报”加冒号（或空格）开头的一行，“抄送区司法局备案的规范性文件3件”这样的句子不算。\n\n示例（不规范）：\n  ……全面提升依法行政水平。\n  抄送：省卫生健康委员会。\n                      青禾市卫生健康委员会\n                        2025年1月20日\n示例（规范）：\n                      青禾市卫生健康委员会\n                        2025年1月20日\n  抄送：省卫生健康委员会。",
};

pub static SIGN_OFF_REPEATED: RuleMeta = RuleMeta {
    code: "GW0214",
    name: "sign-off-repeated",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "落款中的署名或成文日期写了两遍",
    doc: "发文机关署名连写了两行同样的名称（或者一行全称、一行简称，如“禾丰县卫生健康局”“禾丰县卫健局”），署名下面有两行成文日期（相同的日期写了两遍，其中一行没写年份，或者两个不同的日期），或者署名和日期整个写了两遍，多是改稿时复制、粘贴留下的。两个不同的日期让人无法确定哪一个是成文日期。删去多余的一行：署名写一次，署名下一行写实际的成文日期。联合报告各机关分别署名，名称不同，不在此列。\n\n示例（不规范）：\n  青禾市卫生健康委员会\n  2025年1月20日\n  2025年1月21日",
};

pub static TEXT_AFTER_SIGN_OFF: RuleMeta = RuleMeta {
    code: "GW0215",
    name: "text-after-sign-off",
    category: Category::Signature,
    severity: Severity::Warning,
    summary: "成文日期之后还有正文",
    doc: "GB/T 9704-2012 7.3.5：落款（发文机关署名和成文日期）写在正文之后，是正文的结束。成文日期下面又写了一段正文（多是改稿时补写的一句“下一步，我委将……”，或者从别处粘贴来的一段），读者会以为落款之后另有内容，也可能漏看。把这段移到落款之前，或者删去。附注（“（此件公开发布）”“（联系人：…）”）、附件和版记（抄送、印发）本来就写在落款之后，不在此列。\n\n示例（不规范）：\n                      青禾市卫生健康委员会\n                        2025年1月20日\n  下一步，我委将继续深入推进法治政府建设。",
};

pub static RULES: &[&RuleMeta] = &[
    &MISSING_SIGNATURE,
    &MISSING_DATE,
    &DATE_FORMAT,
    &INVALID_DATE,
    &MASKED_DATE,
    &DATE_BEFORE_YEAR_END,
    &DATE_AFTER_DEADLINE,
    &ISSUER_MISMATCH,
    &DATE_BEFORE_ISSUER,
    &DATE_FIELD,
    &SELF_NAME,
    &DATE_ON_ISSUER_LINE,
    &COPY_TO_ABOVE_SIGNATURE,
    &SIGN_OFF_REPEATED,
    &TEXT_AFTER_SIGN_OFF,
];

pub fn check(ctx: &Context, out: &mut Findings) {
    check_self_name(ctx, out);
    let o = ctx.outline;
    // Where the 落款 goes: after the body, before any 附件 that follows the last part.
    let after_body = || {
        let last_heading = o.headings.last().map_or(o.body.start, |h| h.line);
        let attachment = (last_heading + 1..o.body.end)
            .find(|&i| crate::furniture::is_attachment_heading(trim_indent(ctx.doc.line(i))));
        let last = match attachment {
            Some(a) => (o.body.start..a)
                .rev()
                .find(|&i| o.has_text(ctx.doc, i))
                .unwrap_or(a),
            None => o.last_body_line(ctx.doc),
        };
        let end = content_span(ctx.doc, last).end;
        end..end
    };
    // Signed and dated, with more of the report after: not missing, misplaced.
    if o.issuers.is_empty()
        && o.date.is_none()
        && let Some(line) = sign_off_inside(ctx)
    {
        out.push(Diagnostic::new(
            &MISSING_SIGNATURE,
            content_span(ctx.doc, line),
            "落款不在文末：发文机关署名和成文日期之后还有正文",
            "把发文机关署名和成文日期移到正文之后（“特此报告。”之后）",
        ));
        return;
    }
    check_copy_to(ctx, out);
    check_repeated(ctx, out);
    check_text_after(ctx, out);
    match o.issuers.first() {
        Some(_) => check_issuer(ctx, &o.issuers, out),
        None => {
            let at = o.date.as_ref().map_or_else(after_body, |d| {
                let s = content_span(ctx.doc, d.line);
                s.start..s.start
            });
            out.push(Diagnostic::new(
                &MISSING_SIGNATURE,
                at,
                "缺少落款：正文之后没有发文机关署名",
                if o.date.is_some() {
                    "在正文之后、成文日期之前署发文机关全称或者规范化简称"
                } else {
                    "在正文之后署发文机关全称或者规范化简称，下一行写成文日期"
                },
            ));
        }
    }
    let Some(date) = &o.date else {
        let at = o.issuers.last().map_or_else(after_body, |&i| {
            let s = content_span(ctx.doc, i);
            s.end..s.end
        });
        out.push(Diagnostic::new(
            &MISSING_DATE,
            at,
            "缺少成文日期",
            "在发文机关署名下一行写成文日期，例如“2025年1月20日”",
        ));
        return;
    };
    let line = content_span(ctx.doc, date.line);
    let span = line.start + date.offset..date.end.map_or(line.end, |e| line.start + e);
    // Below it, or after it on its line.
    if o.issuers.iter().any(|&i| i > date.line) || date.end.is_some() {
        out.push(Diagnostic::new(
            &DATE_BEFORE_ISSUER,
            span.clone(),
            "成文日期写在了发文机关署名之前",
            "把发文机关署名放在前一行，成文日期放在署名下一行",
        ));
    }
    if date.offset > 0 && o.issuers.contains(&date.line) {
        out.push(Diagnostic::new(
            &DATE_ON_ISSUER_LINE,
            span.clone(),
            "成文日期与发文机关署名写在同一行",
            "把成文日期另起一行，写在发文机关署名之下",
        ));
    }
    if ctx.doc.lines[date.line].origin.date_field {
        out.push(Diagnostic::new(
            &DATE_FIELD,
            span.clone(),
            "成文日期是自动更新的日期域：文件打开、保存或打印时会变成当天的日期",
            "选中日期按 Ctrl+Shift+F9 转为普通文字，或直接输入成文日期",
        ));
    }
    check_date(ctx, &date.date, span, out);
}

/// The name a 署名 line signs, without its seal and spaces.
fn signed_name(ctx: &Context, line: usize) -> String {
    squeeze(issuer_text(ctx.doc.line(line))).into_owned()
}

/// A 署名 line or a 成文日期 line written twice.
fn check_repeated(ctx: &Context, out: &mut Findings) {
    let o = ctx.outline;
    let signed = |i: usize| signed_name(ctx, i);
    for pair in o.issuers.windows(2) {
        let (first, name) = (signed(pair[0]), signed(pair[1]));
        // "禾丰县卫生健康局" / "禾丰县卫健局": one body in full and short (not 市委 and
        // 市委政法委, two bodies of a joint report).
        let short_form = first != name
            && [&first, &name].iter().all(|n| n.chars().count() >= 4)
            && same_body(&first, &name);
        if first != name && !short_form {
            continue;
        }
        // "甲局 / 2026年1月19日 / 甲局 / 2026年1月19日": the whole 落款 pasted again.
        let dated_between = (pair[0] + 1..pair[1]).any(|i| {
            let l = ctx.doc.line(i);
            crate::date::parse_line(l).is_some() || crate::date::parse_cut_short(l).is_some()
        });
        let (message, help) = match (dated_between, short_form) {
            (true, _) => (
                "落款（发文机关署名和成文日期）写了两遍".to_string(),
                "删去多余的一份落款，只保留署名和成文日期各一行",
            ),
            (false, true) => (
                format!("发文机关署名写了两遍：“{first}”和“{name}”是同一机关"),
                "删去多余的一行，发文机关署名只写一次（写全称或规范化简称）",
            ),
            (false, false) => (
                format!("发文机关署名“{name}”写了两遍"),
                "删去多余的一行，发文机关署名只写一次",
            ),
        };
        out.push(Diagnostic::new(
            &SIGN_OFF_REPEATED,
            content_span(ctx.doc, pair[1]),
            message,
            help,
        ));
    }
    let Some((date, other)) = o.date.as_ref().and_then(|d| Some((d, d.repeated?))) else {
        return;
    };
    let written = |i: usize| trim_indent(ctx.doc.line(i)).trim_end();
    let (kept, extra) = (written(date.line), written(other));
    out.push(Diagnostic::new(
        &SIGN_OFF_REPEATED,
        content_span(ctx.doc, other),
        if squeeze(kept) == squeeze(extra) {
            format!("成文日期“{kept}”写了两遍")
        } else {
            format!("署名下有两个成文日期：“{extra}”和“{kept}”")
        },
        "只保留实际的成文日期一行，写在发文机关署名下一行",
    ));
}

/// Sentences between the 成文日期 and what may follow it (附注, 附件, 版记): the body
/// going on after its 落款.
fn check_text_after(ctx: &Context, out: &mut Findings) {
    let o = ctx.outline;
    let Some(date) = &o.date else {
        return;
    };
    // Below the date: the signatures of a joint report signed under it.
    let signed_end = [Some(date.line), date.repeated, o.issuers.last().copied()]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(date.line);
    // The first line written after it, unless a 附注, 附件 or 版记 comes first (what
    // follows one is its own, a note's second line); GW0213 says when a 版记 is misplaced.
    let first = (signed_end + 1..o.closing.min(ctx.doc.line_count()))
        .filter(|&i| !o.chrome[i] && !trim_indent(ctx.doc.line(i)).trim_end().is_empty())
        .find(|&i| !crate::sign_off::is_seal_line(trim_indent(ctx.doc.line(i))));
    let Some(i) = first.filter(|&i| !crate::furniture::belongs_after_sign_off(ctx.doc.line(i)))
    else {
        return;
    };
    let t = trim_indent(ctx.doc.line(i)).trim_end();
    out.push(Diagnostic::new(
        &TEXT_AFTER_SIGN_OFF,
        content_span(ctx.doc, i),
        format!("成文日期之后还有正文：“{}”", crate::text::abridged(t, 16)),
        "落款（发文机关署名和成文日期）写在正文的最后：把这段移到落款之前，或者删去",
    ));
}

/// Lines above the 落款 a wrapped 抄送 may take.
const COPY_TO_LINES: usize = 4;

/// "抄送：…" just above the 署名 (or the 成文日期 when unsigned).
fn check_copy_to(ctx: &Context, out: &mut Findings) {
    let o = ctx.outline;
    let Some(anchor) = o
        .issuers
        .first()
        .copied()
        .or(o.date.as_ref().map(|d| d.line))
    else {
        return;
    };
    let end = o.date.as_ref().map_or(anchor, |d| d.line.max(anchor));
    let copy_to = (0..end)
        .rev()
        .filter(|&i| !trim_indent(ctx.doc.line(i)).is_empty())
        .take(COPY_TO_LINES + (end - anchor))
        .find(|&i| crate::furniture::is_copy_to(ctx.doc.line(i)));
    if let Some(line) = copy_to {
        out.push(Diagnostic::new(
            &COPY_TO_ABOVE_SIGNATURE,
            content_span(ctx.doc, line),
            if line > anchor {
                "“抄送”写在了署名和成文日期之间"
            } else {
                "“抄送”写在了落款之前"
            },
            "把抄送机关移到落款（和附件）之后，作为版记编排（GB/T 9704-2012 8.2）",
        ));
    }
}

/// A line in the body signed by the title's issuer, with a date on the next line.
fn sign_off_inside(ctx: &Context) -> Option<usize> {
    let title = ctx.outline.title.as_ref()?;
    let suffixes = &ctx.profile.issuer_suffixes;
    let from_title = issuer_in_title(&title.text, suffixes)?;
    let o = ctx.outline;
    let lines: Vec<usize> = o.body.clone().filter(|&i| o.has_text(ctx.doc, i)).collect();
    lines.windows(2).find_map(|w| {
        let (signed, dated) = (ctx.doc.line(w[0]), ctx.doc.line(w[1]));
        (crate::outline::is_issuer(signed, suffixes)
            && same_body(&squeeze(issuer_text(signed)), &from_title)
            && crate::date::parse_line(dated).is_some())
        .then_some(w[0])
    })
}

fn check_date(ctx: &Context, date: &DateLine, span: Range<usize>, out: &mut Findings) {
    let written = &ctx.doc.text[span.clone()];
    if date.is_masked() {
        // "2025年1月", "2025年": written short, not masked or left blank.
        let stops = written
            .trim_end()
            .trim_end_matches(crate::date::TRAILING_MARKS);
        let left_out = match (date.year, date.month) {
            (Field::Value(_), Field::Value(_)) if stops.ends_with('月') => Some("日"),
            (Field::Value(_), Field::Masked) if stops.ends_with('年') => Some("月、日"),
            (Field::Masked, Field::Value(_)) if !stops.contains('年') => Some("年份"),
            _ => None,
        };
        out.push(match left_out {
            Some(what) => Diagnostic::new(
                &DATE_FORMAT,
                span,
                format!("成文日期“{written}”没有写{what}"),
                "年、月、日标全，例如“2025年1月20日”（GB/T 9704-2012 7.3.5.4）",
            ),
            None => Diagnostic::new(
                &MASKED_DATE,
                span,
                format!("成文日期“{written}”未填写或被遮盖"),
                "填写实际的成文日期，例如“2025年1月20日”；转载时不要遮盖日期",
            ),
        });
        return;
    }
    let Some((y, m, d)) = date.ymd() else {
        return;
    };
    if !date.problems.is_empty() {
        let canonical = date.canonical().unwrap_or_default();
        let mut diag = Diagnostic::new(
            &DATE_FORMAT,
            span.clone(),
            format!("成文日期写法不规范：{}", date.problems.join("，")),
            format!(
                "应写作“{canonical}”（GB/T 9704-2012 7.3.5.4：用阿拉伯数字将年、月、日标全，月、日不编虚位）"
            ),
        );
        if is_real_date(y, m, d) {
            diag = diag.with_fix(canonical, true);
        }
        out.push(diag);
    }
    if !is_real_date(y, m, d) {
        out.push(Diagnostic::new(
            &INVALID_DATE,
            span,
            if !(1..=12).contains(&m) {
                format!("成文日期“{written}”不存在：没有{m}月")
            } else if d == 0 {
                format!("成文日期“{written}”不存在：没有0日")
            } else {
                format!(
                    "成文日期“{written}”不存在：{y}年{m}月只有{}天",
                    days_in_month(y, m)
                )
            },
            "核对成文日期，写成真实存在的日期",
        ));
        return;
    }
    // "25年1月20日": the year is not written out (GW0203 says so), not early.
    if y >= 1000 {
        check_timing(ctx, (y, m, d), span, out);
    }
}

fn check_timing(ctx: &Context, (y, m, d): (i32, u32, u32), span: Range<usize>, out: &mut Findings) {
    // A year inferred from the date itself proves nothing about the date.
    let Some(reported) = ctx.outline.year.filter(|r| r.source != YearSource::Date) else {
        return;
    };
    let ry = reported.year;
    let (dm, dd) = ctx.profile.deadline;
    if (y, m, d) < (ry + 1, 1, 1) {
        // December of the year: some 依法治办 ask for the report then.
        let december = y == ry && m == 12;
        let d = Diagnostic::new(
            &DATE_BEFORE_YEAR_END,
            span,
            format!("成文日期{y}年{m}月{d}日早于报告年度（{ry}年）结束"),
            if december {
                format!(
                    "如果是按要求在12月报送的，不必改动；否则核对年份：{ry}年度的报告，成文日期一般在{}年1月1日至{dm}月{dd}日之间",
                    ry + 1
                )
            } else {
                format!(
                    "核对年份：{ry}年度的报告，成文日期一般在{}年1月1日至{dm}月{dd}日之间",
                    ry + 1
                )
            },
        );
        out.push(if december {
            d.with_severity(Severity::Info)
        } else {
            d
        });
    } else if (y, m, d) > (ry + 1, dm, dd) && !deadline_set_elsewhere(ctx) {
        out.push(Diagnostic::new(
            &DATE_AFTER_DEADLINE,
            span,
            format!("成文日期{y}年{m}月{d}日晚于报送期限（{}年{dm}月{dd}日）", ry + 1),
            "《法治政府建设与责任落实督察工作规定》第二十三条要求每年3月1日前报告上一年度情况；请核对日期或说明逾期原因",
        ));
    }
}

/// "我局" in a report a 委员会 signs: what it calls itself is another body's word.
fn check_self_name(ctx: &Context, out: &mut Findings) {
    let o = ctx.outline;
    let [issuer] = o.issuers.as_slice() else {
        return;
    };
    let signed = crate::sign_off::issuer_text(ctx.doc.line(*issuer));
    // A signature other than the title's issuer is GW0208's to report; one signed with a
    // short form ("天门市卫健委") is the title's, whose full name says what it is.
    let titled = o
        .title
        .as_ref()
        .and_then(|t| issuer_in_title(&t.text, &ctx.profile.issuer_suffixes));
    let suffixes = &ctx.profile.issuer_suffixes;
    if let (Some(t), Some(title)) = (&titled, &o.title)
        && !joint_issuers(&ctx.doc.text[title.span.clone()], t, suffixes).is_empty()
    {
        // A joint report's bodies each call themselves their own way.
        return;
    }
    let names = &ctx.profile.self_names;
    let own_word = |name: &str| {
        names
            .iter()
            .find(|[suffix, _]| name.ends_with(suffix.as_str()))
            .map(|[_, own]| own.as_str())
    };
    let body = content_span(ctx.doc, o.first_body_line(ctx.doc)).start
        ..content_span(ctx.doc, o.last_body_line(ctx.doc)).end;
    let text = &ctx.doc.text[body.clone()];
    let name = match &titled {
        Some(t) if t == signed => signed,
        // Not a joint report's names side by side.
        Some(t) if !signed.contains(char::is_whitespace) && same_body(signed, t) => t.as_str(),
        // Title and 署名 name two bodies (GW0208's): the one whose word the text calls
        // itself by more often is the report's.
        Some(t) => {
            let said = |name: &str| own_word(name).map_or(0, |w| text.matches(w).count());
            match said(t).cmp(&said(signed)) {
                std::cmp::Ordering::Greater => t.as_str(),
                std::cmp::Ordering::Less => signed,
                std::cmp::Ordering::Equal => return,
            }
        }
        None => signed,
    };
    let Some(own) = own_word(name) else {
        return;
    };
    if name.contains(['（', '(']) {
        return;
    }
    // One pass over the 我 of the text; the quotations are read only if another's word is
    // there.
    let other_words: Vec<&str> = names
        .iter()
        .map(|[_, word]| word.as_str())
        .filter(|w| *w != own)
        .collect();
    let found: Vec<(usize, &str)> = text
        .match_indices('我')
        .filter_map(|(at, _)| {
            let word = other_words.iter().find(|w| text[at..].starts_with(**w))?;
            Some((at, *word))
        })
        .collect();
    if found.is_empty() {
        return;
    }
    let quotes = crate::quantity::Text::new(text);
    let others: Vec<(usize, &str)> = found
        .into_iter()
        .filter(|(at, w)| !quotes.in_any_quote(&(*at..at + w.len())))
        .collect();
    let Some(&(at, word)) = others.iter().min_by_key(|(at, _)| *at) else {
        return;
    };
    let more = if others.len() > 1 {
        format!("（全文共{}处）", others.len())
    } else {
        String::new()
    };
    out.push(Diagnostic::new(
        &SELF_NAME,
        body.start + at..body.start + at + word.len(),
        format!("报告自称“{word}”，发文机关是“{name}”，应自称“{own}”{more}"),
        format!("核对这一段是否从别的单位的报告中复制而来；本机关的报告自称“{own}”"),
    ));
}

/// Every issuer signs as an institution under a department, whose deadline it sets.
fn deadline_set_elsewhere(ctx: &Context) -> bool {
    let not_for = &ctx.profile.deadline_not_for;
    !ctx.outline.issuers.is_empty()
        && ctx.outline.issuers.iter().all(|&i| {
            let name = crate::sign_off::issuer_text(ctx.doc.line(i));
            not_for.iter().any(|s| name.ends_with(s.as_str()))
        })
}

/// Passes when any of the issuer lines (joint reports) is the title's issuer.
fn check_issuer(ctx: &Context, issuers: &[usize], out: &mut Findings) {
    let Some(title) = &ctx.outline.title else {
        return;
    };
    let Some(from_title) = issuer_in_title(&title.text, &ctx.profile.issuer_suffixes) else {
        return;
    };
    let signed = |i: usize| signed_name(ctx, i);
    let suffixes = &ctx.profile.issuer_suffixes;
    let raw = &ctx.doc.text[title.span.clone()];
    let joint = joint_issuers(raw, &from_title, suffixes);
    // The bodies the title names, and those the 落款 signs, each on its own: a joint 落款
    // may stand on one line, its names apart ("甲党组　　乙委员会").
    let title_bodies = if joint.is_empty() {
        vec![from_title.clone()]
    } else {
        joint.clone()
    };
    let names: Vec<String> = issuers
        .iter()
        .flat_map(|&i| {
            issuer_text(ctx.doc.line(i))
                .split(|c: char| c.is_whitespace() || c == '、')
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    // One of a joint report's bodies signing is the joint case below: it names who is missing.
    let of_title = |n: &str| same_body(n, &from_title) || joint.iter().any(|b| same_body(n, b));
    if issuers.iter().any(|&i| of_title(&signed(i))) || names.iter().any(|n| of_title(n)) {
        // A joint report ("中共某委员会党组 某委员会关于…") is signed by each issuer, and
        // only by them.
        if names.len() >= 2 {
            for name in &names {
                let a_body = suffixes.iter().any(|s| name.ends_with(s.as_str()));
                if a_body && !title_bodies.iter().any(|b| same_body(name, b)) {
                    // At the name itself: a Word comment goes on the line at fault.
                    let at = issuers
                        .iter()
                        .find_map(|&i| {
                            let line = content_span(ctx.doc, i);
                            let k = ctx.doc.text[line.clone()].find(name.as_str())?;
                            Some(line.start + k..line.start + k + name.len())
                        })
                        .unwrap_or_else(|| content_span(ctx.doc, issuers[issuers.len() - 1]));
                    out.push(Diagnostic::new(
                        &ISSUER_MISMATCH,
                        at,
                        format!(
                            "落款中的“{name}”不是标题中的发文机关（{}）",
                            title_bodies.join("、")
                        ),
                        "落款只署标题中发文机关的名称；如果是联合报告，标题中也应写明这一机关",
                    ));
                }
            }
        }
        let signed_names: Vec<String> = names
            .iter()
            .cloned()
            .chain(issuers.iter().map(|&i| signed(i)))
            .collect();
        // "县卫生健康局" under "松岭县卫生健康局…": the short form keeps the place's name.
        let place = crate::unit_name::places_in(&from_title).first().copied();
        if let ([name], Some(place)) = (names.as_slice(), place)
            && name.starts_with(|c: char| crate::unit_name::PLACE_ENDS.contains(c))
        {
            out.push(Diagnostic::new(
                &ISSUER_MISMATCH,
                content_span(ctx.doc, issuers[0]),
                format!("发文机关署名“{name}”没有写出地名“{place}”"),
                format!("发文机关署名应为全称或规范化简称，例如“{from_title}”"),
            ));
        }
        for body in joint {
            if !signed_names.iter().any(|n| same_body(n, &body)) {
                out.push(Diagnostic::new(
                    &ISSUER_MISMATCH,
                    content_span(ctx.doc, issuers[issuers.len() - 1]),
                    format!("标题中的发文机关有“{body}”，落款中没有它的署名"),
                    "联合报告的落款应署所有发文机关的名称，一个机关一行；请补上这一署名",
                ));
            }
        }
        return;
    }
    out.push(Diagnostic::new(
        &ISSUER_MISMATCH,
        content_span(ctx.doc, issuers[0]),
        format!(
            "发文机关署名“{}”与标题中的发文机关“{}”不一致",
            names.join("、"),
            title_bodies.join("、")
        ),
        "发文机关署名应为标题中发文机关的全称或规范化简称；请核对是哪一个机关的报告",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_from_title() {
        let s: Vec<String> = ["委员会", "局"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            issuer_in_title("梨树县卫生健康局关于2024年度法治政府建设情况的报告", &s).as_deref(),
            Some("梨树县卫生健康局")
        );
        assert_eq!(
            issuer_in_title("青禾市卫生健康委员会2024年法治政府建设年度报告", &s).as_deref(),
            Some("青禾市卫生健康委员会")
        );
        assert_eq!(issuer_in_title("2024年法治政府建设年度报告", &s), None);
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::rules::{GOOD_REPORT, codes_in, codes_of, found_of, messages_of, text_doc};

    /// Findings of this category only; other categories have their own tests.
    fn only(text: &str) -> Vec<(&'static str, usize)> {
        codes_of("GW02", text)
    }

    fn with_tail(tail: &str) -> String {
        GOOD_REPORT.replace("青禾市卫生健康委员会\n2025年1月20日\n", tail)
    }

    #[test]
    fn copy_to_above_the_sign_off() {
        let text = with_tail("抄送：省卫生健康委员会。\n青禾市卫生健康委员会\n2025年1月20日\n");
        assert_eq!(codes_of("GW02", &text), [("GW0213", 12)]);
        let wrapped = with_tail(
            "抄送：省卫生健康委员会，\n　　市司法局。\n\n青禾市卫生健康委员会\n2025年1月20日\n",
        );
        assert_eq!(codes_of("GW02", &wrapped), [("GW0213", 12)]);
        // In its place, after the 落款: the 版记.
        let imprint = with_tail(
            "青禾市卫生健康委员会\n2025年1月20日\n抄送：省卫生健康委员会。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n",
        );
        assert_eq!(codes_of("GW02", &imprint), []);
        let unprinted =
            with_tail("青禾市卫生健康委员会\n2025年1月20日\n抄送：省卫生健康委员会。\n");
        assert_eq!(codes_of("GW02", &unprinted), []);
        let reported = with_tail("抄报：市卫生健康委。\n青禾市卫生健康委员会\n2025年1月20日\n");
        assert_eq!(codes_of("GW02", &reported), [("GW0213", 12)]);
        // A sentence with the verb.
        let sentence = with_tail(
            "抄送区司法局备案的规范性文件3件，均通过备案审查。\n青禾市卫生健康委员会\n2025年1月20日\n",
        );
        assert_eq!(codes_of("GW02", &sentence), []);
        // Between the 署名 and the 成文日期: both are still read.
        let inside = with_tail("青禾市卫生健康委员会\n抄送：省卫生健康委员会。\n2025年1月20日\n");
        assert_eq!(
            messages_of("GW02", &inside),
            [("GW0213", 13, "“抄送”写在了署名和成文日期之间".to_string())]
        );
        // The whole 版记 above the 落款: its 印发 line is no 署名, and its spaces are layout.
        let whole = with_tail(
            "抄送：省卫生健康委员会。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n青禾市卫生健康委员会\n2025年1月20日\n",
        );
        assert_eq!(codes_in(&whole), [("GW0213", 12)]);
    }

    #[test]
    fn copy_to_above_an_undated_signature() {
        let text = with_tail("抄送：省卫生健康委员会，市司法局。\n青禾市卫生健康委员会\n");
        assert_eq!(only(&text), [("GW0213", 12), ("GW0202", 13)]);
        // A 抄送 wrapped onto its next recipient is a 版记 after an unsigned report.
        let wrapped = with_tail("抄送：省卫生健康委员会，\n市司法局\n");
        assert_eq!(
            only(&wrapped).iter().map(|f| f.0).collect::<Vec<_>>(),
            ["GW0201", "GW0202"]
        );
    }

    #[test]
    fn a_signature_without_its_place() {
        let text = with_tail("市卫生健康委员会\n2025年1月20日\n");
        assert_eq!(
            messages_of("GW02", &text),
            [(
                "GW0208",
                12,
                "发文机关署名“市卫生健康委员会”没有写出地名“青禾市”".to_string()
            )]
        );
        let short = with_tail("青禾市卫健委\n2025年1月20日\n");
        assert_eq!(only(&short), []);
    }

    #[test]
    fn a_date_without_its_year() {
        let text = with_tail("青禾市卫生健康委员会\n1月20日\n");
        assert_eq!(
            messages_of("GW02", &text),
            [("GW0203", 13, "成文日期“1月20日”没有写年份".to_string())]
        );
    }

    #[test]
    fn a_signature_or_a_date_written_twice() {
        let twice = with_tail("青禾市卫生健康委员会\n2025年1月20日\n2025年1月20日\n");
        assert_eq!(
            messages_of("GW02", &twice),
            [("GW0214", 13, "成文日期“2025年1月20日”写了两遍".to_string())]
        );
        let two = with_tail("青禾市卫生健康委员会\n2025年1月20日\n2025年1月21日\n");
        assert_eq!(
            messages_of("GW02", &two),
            [(
                "GW0214",
                13,
                "署名下有两个成文日期：“2025年1月20日”和“2025年1月21日”".to_string()
            )]
        );
        let signed_twice = with_tail("青禾市卫生健康委员会\n青禾市卫生健康委员会\n2025年1月20日\n");
        assert_eq!(only(&signed_twice), [("GW0214", 13)]);
        // A joint report's bodies each sign, and may each date their name.
        let joint = with_tail("青禾市卫生健康委员会\n青禾市医疗保障局\n2025年1月20日\n");
        assert!(only(&joint).iter().all(|f| f.0 != "GW0214"));
        let title = "青禾市卫生健康委员会 青禾市医疗保障局2024年法治政府建设年度报告";
        let dated_each =
            with_tail("青禾市卫生健康委员会\n2025年1月20日\n青禾市医疗保障局\n2025年1月20日\n")
                .replacen("青禾市卫生健康委员会2024年法治政府建设年度报告", title, 1);
        assert_eq!(only(&dated_each), []);
    }

    #[test]
    fn a_whole_sign_off_or_a_short_form_written_twice() {
        let message = |tail: &str| messages_of("GW02", &with_tail(tail));
        let whole = "落款（发文机关署名和成文日期）写了两遍".to_string();
        assert_eq!(
            message("青禾市卫生健康委员会\n2025年1月20日\n青禾市卫生健康委员会\n2025年1月20日\n"),
            [("GW0214", 14, whole.clone())]
        );
        // The first copy without its year.
        assert_eq!(
            message("青禾市卫生健康委员会\n1月20日\n青禾市卫生健康委员会\n2025年1月20日\n"),
            [("GW0214", 14, whole)]
        );
        // The date again without its year, under it or over it.
        for (tail, line) in [
            ("青禾市卫生健康委员会\n2025年1月20日\n1月20日\n", 14),
            ("青禾市卫生健康委员会\n1月20日\n2025年1月20日\n", 13),
        ] {
            assert_eq!(only(&with_tail(tail)), [("GW0214", line)], "{tail}");
        }
        // In full and short.
        assert_eq!(
            message("青禾市卫生健康委员会\n青禾市卫健委\n2025年1月20日\n"),
            [(
                "GW0214",
                13,
                "发文机关署名写了两遍：“青禾市卫生健康委员会”和“青禾市卫健委”是同一机关"
                    .to_string()
            )]
        );
        // Another body's date: not the same date again.
        let other_day = with_tail("青禾市卫生健康委员会\n2025年1月20日\n1月21日\n");
        assert!(only(&other_day).iter().all(|f| f.0 != "GW0214"));
    }

    #[test]
    fn text_after_the_date() {
        let tail = "青禾市卫生健康委员会\n2025年1月20日\n";
        let after = with_tail(&format!(
            "{tail}下一步，我委将继续深入推进法治政府建设，为建设健康青禾提供法治保障。\n"
        ));
        assert_eq!(
            messages_of("GW02", &after),
            [(
                "GW0215",
                14,
                "成文日期之后还有正文：“下一步，我委将继续深入推进法治政…”".to_string()
            )]
        );
        // What goes after the 落款: a seal, 附注, 附件, 版记.
        for furniture in [
            "（盖章）\n",
            "（此件公开发布）\n（联系人：王某，联系电话：0592-7781236）\n",
            "注：本报告数据截至2024年12月31日。\n",
            "脚注1：网上办件量含自助终端办件。\n统计口径与上年一致。\n",
            "（此件公开发布）\n抄送：市司法局。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n",
            "附件：2024年度行政执法数据统计表\n",
            "\n附件\n\n青禾市卫生健康委员会2024年行政执法统计\n一、行政许可\n1.医疗机构执业许可326件。\n",
            "抄送：市司法局。\n青禾市卫生健康委员会办公室　　2025年1月22日印发\n",
            // Markdown's footnote.
            "[^1]: 网上办件量含自助终端办件。\n",
        ] {
            let text = with_tail(&format!("{tail}{furniture}"));
            assert!(only(&text).iter().all(|f| f.0 != "GW0215"), "{furniture}");
        }
        // A joint report's second body signed under the date.
        let joint = with_tail("2025年1月20日\n青禾市卫生健康委员会\n");
        assert!(only(&joint).iter().all(|f| f.0 != "GW0215"));
    }

    /// A body with a second name may sign with it on the line under the first.
    #[test]
    fn a_second_name_under_the_first() {
        let text = with_tail("青禾市卫生健康委员会\n（青禾市中医药管理局）\n2025年1月20日\n");
        assert_eq!(codes_of("GW02", &text), []);
    }

    #[test]
    fn a_date_that_updates_itself() {
        let report = |live: bool| {
            let paragraphs = GOOD_REPORT
                .lines()
                .map(|l| crate::document::Paragraph {
                    text: l.into(),
                    date_field: live && l == "2025年1月20日",
                    ..Default::default()
                })
                .collect();
            crate::document::Document::from_paragraphs("t.docx", paragraphs)
        };
        let f = found_of("GW02", &report(true));
        assert_eq!(
            f.iter().map(|f| (f.code, f.line)).collect::<Vec<_>>(),
            [("GW0210", 13)]
        );
        assert!(found_of("GW02", &report(false)).is_empty());
    }

    #[test]
    fn good_signature_is_quiet() {
        assert_eq!(only(GOOD_REPORT), []);
        // Standard short form, indentation and a leap day.
        assert_eq!(
            only(&with_tail(
                "\u{3000}\u{3000}青禾市卫生健康委\n\u{3000}\u{3000}2025年2月28日\n"
            )),
            []
        );
    }

    #[test]
    fn a_date_on_the_signature_line() {
        for tail in [
            "青禾市卫生健康委员会　　2025年1月20日\n",
            // Pasted from a web page with nothing between.
            "青禾市卫生健康委员会2025年1月20日\n",
            "青禾市卫生健康委员会，2025年1月20日\n",
        ] {
            assert_eq!(only(&with_tail(tail)), [("GW0212", 12)], "{tail}");
        }
    }

    #[test]
    fn a_signature_before_the_last_part_is_misplaced() {
        let text = GOOD_REPORT.replace(
            "四、2025年",
            "青禾市卫生健康委员会\n2025年1月20日\n四、2025年",
        );
        let text = &text[..text.rfind("青禾市卫生健康委员会\n").unwrap()];
        let f = found_of("GW02", &crate::rules::text_doc(text));
        assert_eq!(
            f.iter()
                .map(|f| (f.code, f.line, f.message.as_str()))
                .collect::<Vec<_>>(),
            [(
                "GW0201",
                10,
                "落款不在文末：发文机关署名和成文日期之后还有正文"
            )]
        );
    }

    #[test]
    fn missing_signature_and_date() {
        assert_eq!(only(&with_tail("")), [("GW0201", 11), ("GW0202", 11)]);
        assert_eq!(only(&with_tail("2025年1月20日\n")), [("GW0201", 12)]);
        assert_eq!(only(&with_tail("青禾市卫生健康委员会\n")), [("GW0202", 12)]);
        // The help places the signature by the date when there is one.
        let help = |tail: &str| {
            found_of("GW0201", &crate::rules::text_doc(&with_tail(tail)))[0]
                .help
                .clone()
        };
        assert_eq!(
            help(""),
            "在正文之后署发文机关全称或者规范化简称，下一行写成文日期"
        );
        assert_eq!(
            help("2025年1月20日\n"),
            "在正文之后、成文日期之前署发文机关全称或者规范化简称"
        );
        // Before the 附件 that follows the report, not after its table.
        assert_eq!(
            only(&with_tail(
                "\n附件\n\n执法数据统计表\n项目\t件数\n立案\t5\n合计\t5\n"
            )),
            [("GW0201", 11), ("GW0202", 11)]
        );
    }

    #[test]
    fn date_forms() {
        for bad in [
            "2025 年 1 月 20 日",
            "二〇二五年一月二十日",
            "2025年01月20日",
            "2025-1-20",
            "2025.1.20",
            // Not "缺少落款" and "缺少成文日期": the date is there, badly written.
            "2 0 2 5 年 1 月 2 0 日",
            "2025年1月\u{200B}20日",
            "2025年1月\u{00AD}20日",
            // A sentence's mark after the date; a letter for a digit.
            "2025年1月20日。",
            "2025年1月20日，",
            "2025年l月20日",
            "2025年1月20日：",
            // The 印发日期's word on the 成文日期.
            "2025年1月20日印发",
        ] {
            let text = with_tail(&format!("青禾市卫生健康委员会\n{bad}\n"));
            assert_eq!(only(&text), [("GW0203", 13)], "{bad}");
        }
        // A letter or 曰 misread in a figure is read as meant, and told by GW0616.
        for misread in ["2O25年1月20日", "2025年1月20曰"] {
            let text = with_tail(&format!("青禾市卫生健康委员会\n{misread}\n"));
            assert_eq!(codes_in(&text), [("GW0616", 13)], "{misread}");
        }
    }

    #[test]
    fn impossible_and_masked_dates() {
        assert_eq!(
            only(&with_tail("青禾市卫生健康委员会\n2025年2月29日\n")),
            [("GW0204", 13)]
        );
        let day_zero = found_of(
            "GW0204",
            &text_doc(&with_tail("青禾市卫生健康委员会\n2025年1月0日\n")),
        );
        assert_eq!(day_zero[0].message, "成文日期“2025年1月0日”不存在：没有0日");
        assert_eq!(
            only(&with_tail("青禾市卫生健康委员会\n****年*月**日\n")),
            [("GW0205", 13)]
        );
        // A Word date control never filled in, or an old template's MACROBUTTON prompt.
        for prompt in ["单击或点击此处输入日期。", "[单击此处输入日期]"] {
            assert_eq!(
                only(&with_tail(&format!("青禾市卫生健康委员会\n{prompt}\n"))),
                [("GW0205", 13)],
                "{prompt}"
            );
        }
        // A template's blanks left for the day, with a note after the date.
        assert_eq!(
            only(&with_tail(
                "青禾市卫生健康委员会\n2025年1月  日\n（联系人：王芳，联系电话：12345678）\n"
            )),
            [("GW0205", 13)]
        );
        // A date written short is a form error (GW0203), not a blank.
        for (tail, message) in [
            (
                "青禾市卫生健康委员会\n2025年1月。\n",
                "成文日期“2025年1月。”没有写日",
            ),
            (
                "青禾市卫生健康委员会\n2025年，\n",
                "成文日期“2025年，”没有写月、日",
            ),
            (
                "青禾市卫生健康委员会\n2025年1月\n",
                "成文日期“2025年1月”没有写日",
            ),
            (
                "青禾市卫生健康委员会\n2025年\n",
                "成文日期“2025年”没有写月、日",
            ),
        ] {
            let f = crate::rules::found_of("GW02", &crate::rules::text_doc(&with_tail(tail)));
            assert_eq!(
                f.iter()
                    .map(|f| (f.code, f.message.as_str()))
                    .collect::<Vec<_>>(),
                [("GW0203", message)],
                "{tail}"
            );
        }
        let f = crate::rules::found_of(
            "GW0204",
            &crate::rules::text_doc(&with_tail("青禾市卫生健康委员会\n2025年13月2日\n")),
        );
        assert_eq!(f[0].message, "成文日期“2025年13月2日”不存在：没有13月");
    }

    #[test]
    fn a_year_not_written_out_is_not_early() {
        assert_eq!(
            only(&with_tail("青禾市卫生健康委员会\n25年1月20日\n")),
            [("GW0203", 13)]
        );
    }

    #[test]
    fn a_body_signed_that_the_title_does_not_name() {
        let f = crate::rules::found_of(
            "GW0208",
            &crate::rules::text_doc(&with_tail(
                "青禾市卫生健康委员会　　青禾市医疗保障局\n2025年1月20日\n",
            )),
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "落款中的“青禾市医疗保障局”不是标题中的发文机关（青禾市卫生健康委员会）"
        );
        assert_eq!(f[0].text, "青禾市医疗保障局");
        // Signed on two lines, the stranger first: the finding is on its line.
        let f = crate::rules::found_of(
            "GW0208",
            &crate::rules::text_doc(&with_tail(
                "青禾市医疗保障局
青禾市卫生健康委员会
2025年1月20日
",
            )),
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "青禾市医疗保障局");
        // Each name apart when they differ.
        let f = crate::rules::found_of(
            "GW0208",
            &crate::rules::text_doc(&with_tail(
                "青禾县卫生健康局　　青禾县医疗保障局\n2025年1月20日\n",
            )),
        );
        assert_eq!(
            f[0].message,
            "发文机关署名“青禾县卫生健康局、青禾县医疗保障局”与标题中的发文机关“青禾市卫生健康委员会”不一致"
        );
    }

    #[test]
    fn an_attachment_note_after_the_signature_leaves_it_the_signature() {
        assert_eq!(
            only(&with_tail(
                "青禾市卫生健康委员会\n附件：2024年度行政执法数据统计表\n"
            )),
            [("GW0202", 12)]
        );
    }

    #[test]
    fn timing_against_the_reported_year() {
        assert_eq!(
            only(&with_tail("青禾市卫生健康委员会\n2024年10月16日\n")),
            [("GW0206", 13)]
        );
        // December, when some ask for the report: a note.
        let december = found_of(
            "GW0206",
            &text_doc(&with_tail("青禾市卫生健康委员会\n2024年12月16日\n")),
        );
        assert_eq!(december[0].severity, crate::diagnostic::Severity::Info);
        let october = found_of(
            "GW0206",
            &text_doc(&with_tail("青禾市卫生健康委员会\n2024年10月16日\n")),
        );
        assert_eq!(october[0].severity, crate::diagnostic::Severity::Warning);
        assert_eq!(
            only(&with_tail("青禾市卫生健康委员会\n2025年3月8日\n")),
            [("GW0207", 13)]
        );
        assert_eq!(only(&with_tail("青禾市卫生健康委员会\n2025年3月1日\n")), []);
        // A hospital or an inspection unit reports by its commission's date, which the
        // text does not give.
        for (unit, self_name) in [
            ("青禾县第一人民医院", "我院"),
            ("青禾市妇幼保健院", "我院"),
            ("青禾市卫生健康综合监督执法支队", "我支队"),
        ] {
            let text = GOOD_REPORT
                .replace("青禾市卫生健康委员会2024年", &format!("{unit}2024年"))
                .replace(
                    "青禾市卫生健康委员会\n2025年1月20日",
                    &format!("{unit}\n2025年3月8日"),
                )
                .replace("我委", self_name);
            assert_eq!(only(&text), [], "{unit}");
        }
    }

    #[test]
    fn what_the_issuer_calls_itself() {
        let text = GOOD_REPORT.replace("2024年，我委坚持", "2024年，我局坚持");
        let f = found_of("GW0211", &crate::rules::text_doc(&text));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "报告自称“我局”，发文机关是“青禾市卫生健康委员会”，应自称“我委”"
        );
        // Its own word, or another's quoted, is fine.
        assert_eq!(only(GOOD_REPORT), []);
        let quoted = GOOD_REPORT.replace(
            "2024年，我委坚持",
            "2024年，转发区局“我局将加强执法”的做法，我委坚持",
        );
        assert!(found_of("GW0211", &crate::rules::text_doc(&quoted)).is_empty());
        // Signed with the short form: still the 委 of the title.
        let short = text.replace("青禾市卫生健康委员会\n2025年", "青禾市卫健委\n2025年");
        let f = found_of("GW0211", &crate::rules::text_doc(&short));
        assert_eq!(
            f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
            ["报告自称“我局”，发文机关是“青禾市卫生健康委员会”，应自称“我委”"]
        );
        // Signed by another body: the title's is the report's when the text calls itself
        // by its word more often; told apart no better, nothing is said.
        let other = GOOD_REPORT
            .replace("青禾市卫生健康委员会\n2025年", "青禾市医疗保障局\n2025年")
            .replace("主要负责人带头学法", "我局主要负责人带头学法，我委");
        let f = found_of("GW0211", &crate::rules::text_doc(&other));
        assert_eq!(
            f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
            ["报告自称“我局”，发文机关是“青禾市卫生健康委员会”，应自称“我委”"]
        );
        let even = other.replace("学法，我委", "学法，");
        assert!(found_of("GW0211", &crate::rules::text_doc(&even)).is_empty());
    }

    #[test]
    fn issuer_must_match_title() {
        assert_eq!(
            only(&with_tail("青禾市医疗保障局\n2025年1月20日\n")),
            [("GW0208", 12)]
        );
        // An office within the body signed: a mismatch, not a missing signature.
        assert_eq!(
            only(&with_tail("青禾市卫生健康委员会法规科\n2025年1月20日\n")),
            [("GW0208", 12)]
        );
    }

    #[test]
    fn a_joint_report_is_signed_by_each_issuer() {
        let joint = GOOD_REPORT.replacen(
            "青禾市卫生健康委员会2024年",
            "中共青禾市卫生健康委员会党组 青禾市卫生健康委员会2024年",
            1,
        );
        // Signed by the 委员会 only.
        let one = &joint;
        assert_eq!(only(one), [("GW0208", 12)]);
        let both = joint.replacen(
            "青禾市卫生健康委员会\n2025年",
            "中共青禾市卫生健康委员会党组\n青禾市卫生健康委员会\n2025年",
            1,
        );
        assert_eq!(only(&both), []);
        let one_line = joint.replacen(
            "青禾市卫生健康委员会\n2025年",
            "中共青禾市卫生健康委员会党组　　青禾市卫生健康委员会\n2025年",
            1,
        );
        assert_eq!(only(&one_line), []);
        // Two bodies of different kinds, one signing: the message names the other.
        let two_kinds = GOOD_REPORT.replacen(
            "青禾市卫生健康委员会2024年",
            "青禾市卫生健康委员会 青禾市中医药管理局2024年",
            1,
        );
        let f = found_of("GW0208", &crate::rules::text_doc(&two_kinds));
        assert_eq!(
            f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
            ["标题中的发文机关有“青禾市中医药管理局”，落款中没有它的署名"]
        );
        // The names apart by a 顿号: signed by both, nothing; by one, the other is named;
        // the report's "我委" is no fault of the 局 that signs with it.
        let dunhao = two_kinds.replacen(
            "青禾市卫生健康委员会 青禾市中医药管理局",
            "青禾市卫生健康委员会、青禾市中医药管理局",
            1,
        );
        let signed_by_both = dunhao.replacen(
            "青禾市卫生健康委员会\n2025年",
            "青禾市卫生健康委员会\n青禾市中医药管理局\n2025年",
            1,
        );
        assert_eq!(only(&signed_by_both), []);
        let by_the_ju = dunhao.replacen(
            "青禾市卫生健康委员会\n2025年",
            "青禾市中医药管理局\n2025年",
            1,
        );
        let f = found_of("GW02", &crate::rules::text_doc(&by_the_ju));
        assert_eq!(
            f.iter().map(|f| f.message.as_str()).collect::<Vec<_>>(),
            ["标题中的发文机关有“青禾市卫生健康委员会”，落款中没有它的署名"]
        );
    }

    #[test]
    fn date_above_issuer() {
        assert_eq!(
            only(&with_tail("2025年1月20日\n青禾市卫生健康委员会\n")),
            [("GW0209", 12)]
        );
        // Before it on one line: one finding on the date, not a missing one.
        let f = found_of(
            "GW02",
            &crate::rules::text_doc(&with_tail("2025年1月20日　青禾市卫生健康委员会\n")),
        );
        assert_eq!(
            f.iter()
                .map(|f| (f.code, f.line, f.text.as_str()))
                .collect::<Vec<_>>(),
            [("GW0209", 12, "2025年1月20日")]
        );
    }

    #[test]
    fn a_print_line_under_the_date_is_the_imprint() {
        // Without its 印发机关, but under a 成文日期: the 版记's line, not the date.
        assert_eq!(
            only(&with_tail(
                "青禾市卫生健康委员会\n2025年1月20日\n2025年1月22日印发\n"
            )),
            []
        );
        // Past a 附注 between.
        assert_eq!(
            only(&with_tail(
                "青禾市卫生健康委员会\n2025年1月20日\n（此件公开发布）\n2025年1月22日印发\n"
            )),
            []
        );
        // Its 印发机关 on a line of its own, with no 抄送 above.
        assert_eq!(
            only(&with_tail(
                "青禾市卫生健康委员会\n2025年1月20日\n青禾市卫生健康委员会办公室\n2025年1月22日印发\n"
            )),
            []
        );
    }

    #[test]
    fn a_year_alone_after_the_signature() {
        let f = found_of(
            "GW02",
            &crate::rules::text_doc(&with_tail("青禾市卫生健康委员会　2025年\n")),
        );
        assert_eq!(
            f.iter()
                .map(|f| (f.code, f.message.as_str()))
                .collect::<Vec<_>>(),
            [
                ("GW0203", "成文日期“2025年”没有写月、日"),
                ("GW0212", "成文日期与发文机关署名写在同一行")
            ]
        );
    }
}
