//! Tracked changes and comments left in a .docx (GW0612). gwlint reads the text with every
//! change accepted; the file still carries the deleted text and the comments, and sends
//! them with it.

use super::OPEN_REVISIONS;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::rules::findings::Findings;

pub fn check(ctx: &Context, out: &mut Findings) {
    let extras = &ctx.doc.extras;
    let what = match (extras.revisions, extras.comments) {
        (0, 0) => return,
        (r, 0) => format!("{r}处未处理的修订"),
        (0, c) => format!("{c}条批注"),
        (r, c) => format!("{r}处未处理的修订和{c}条批注"),
    };
    let accepted = if extras.revisions > 0 {
        "；gwlint 按接受全部修订后的文字检查"
    } else {
        ""
    };
    // Said of the whole file, at the first change (for `--annotate` to comment there), or
    // at its first line.
    let changed = extras.first_revision.and_then(|k| {
        ctx.doc
            .lines
            .iter()
            .find(|l| l.origin.paragraph >= k && l.end > l.start)
    });
    let first = changed
        .or(ctx.doc.lines.first())
        .map_or(0..0, |l| l.start..l.end);
    out.push(Diagnostic::new(
        &OPEN_REVISIONS,
        first,
        format!("文档中有{what}{accepted}"),
        "报送或公开前，在 Word 或 WPS 的“审阅”中接受或拒绝所有修订、删除所有批注：否则删去的文字和批注会随文件一起发出",
    ).outside_text());
}
