//! A title with a heading's number before it ("一、青川市…报告", GW0312): put in Word's
//! numbered "标题 1" style, it takes the parts' first number.

use super::TITLE_NUMBERED;
use crate::diagnostic::Diagnostic;
use crate::outline::parse_marker;
use crate::rules::Context;
use crate::rules::findings::Findings;

pub(super) fn check(ctx: &Context, out: &mut Findings) {
    let Some(title) = &ctx.outline.title else {
        return;
    };
    let Some(marker) = title.marker.clone() else {
        return;
    };
    let shown = ctx.doc.text[marker.clone()].trim_end().to_string();
    let line = title.lines.start;
    let auto = ctx.doc.lines[line].origin.auto_number_len > 0;
    let (message, help) = if auto {
        (
            format!(
                "标题前带了序号“{shown}”（Word 自动编号：标题用了带编号的标题样式），各部分的序号因此顺延"
            ),
            "在 Word 中选中标题，单击“编号”按钮取消编号，或把样式改为“标题”或“正文”；各部分的序号会随之从“一、”编起",
        )
    } else {
        (
            format!("标题前带了序号“{shown}”"),
            "删去标题前的序号，并核对各部分的序号是否从“一、”编起",
        )
    };
    out.push(Diagnostic::new(
        &TITLE_NUMBERED,
        marker.start..marker.start + shown.len(),
        message,
        help,
    ));
}

/// The title's number, when it is of `level` ("一、" at the parts' level): its text and value.
pub(super) fn numbered_as(ctx: &Context, level: u8) -> Option<(String, u32)> {
    let marker = ctx.outline.title.as_ref()?.marker.clone()?;
    let shown = ctx.doc.text[marker].trim_end();
    let (kind, number, _) = parse_marker(shown)?;
    (kind.level() == level).then(|| (shown.to_string(), number))
}
