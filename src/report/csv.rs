//! CSV, one row per finding, UTF-8 with a BOM so that Excel shows the Chinese correctly;
//! levels, rules and categories in Chinese, for the people who open it (scripts read JSON).

use super::{Reporter, Totals, Unchecked, located, parent_folder as folder};
use crate::FileReport;
use std::io::{self, Write};

pub const HEADER: [&str; 13] = [
    "文件",
    "行",
    "列",
    "级别",
    "代码",
    "规则",
    "类别",
    "问题",
    "修改建议",
    "原文",
    "发文机关",
    "年度",
    "目录",
];

/// Excel reads UTF-8 only after this mark.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Default)]
pub struct Csv {
    started: bool,
    /// Listed last: the list a supervisor sends back names every unit to act.
    unchecked: Vec<Unchecked>,
}

/// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.
/// A field that Excel would read as a formula ("=1+1", from a report's own text) gets a
/// leading apostrophe, which Excel shows as text and hides. Control characters from the
/// report's text (ESC, bidi overrides) are shown as visible stand-ins.
fn field(s: &str) -> String {
    let s = super::sanitize(s);
    let s = if s.starts_with(['=', '+', '-', '@', '\t']) {
        format!("'{s}").into()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub(super) fn row(w: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    write!(w, "{}\r\n", line.join(","))
}

impl Reporter for Csv {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        if !self.started {
            self.started = true;
            w.write_all(BOM)?;
            row(w, &HEADER)?;
        }
        let issuer = r.facts.issuer.as_deref().unwrap_or("");
        let year = r.facts.year.map(|y| y.to_string()).unwrap_or_default();
        if let Some(e) = &r.error {
            // Not 错误: a pivot on the column must match the totals, which count
            // unreadable files apart from errors.
            return not_read(w, &r.path, "无法读取", e.kind.as_str(), &e.message);
        }
        let Some(doc) = &r.document else {
            return Ok(());
        };
        for (d, at) in located(doc, &r.diagnostics) {
            row(
                w,
                &[
                    &r.path,
                    &at.line.to_string(),
                    &at.column.to_string(),
                    d.severity.label_zh(),
                    d.rule.code,
                    d.rule.summary,
                    d.rule.category.label_zh(),
                    &d.message,
                    &d.help,
                    at.excerpt,
                    issuer,
                    &year,
                    folder(&r.path),
                ],
            )?;
        }
        Ok(())
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.unchecked.extend_from_slice(files);
    }

    fn finish(&mut self, w: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        if !self.started {
            w.write_all(BOM)?;
            row(w, &HEADER)?;
        }
        for u in &self.unchecked {
            not_read(w, &u.path, "未检查", u.kind, u.reason)?;
        }
        Ok(())
    }
}

/// The row of a file with no findings because it was not read: `level` says why, in the
/// level's column, `kind` in the code's.
fn not_read(w: &mut dyn Write, path: &str, level: &str, kind: &str, why: &str) -> io::Result<()> {
    let message = format!("{level}：{why}");
    row(
        w,
        &[
            path,
            "",
            "",
            level,
            kind,
            level,
            "",
            &message,
            "",
            "",
            "",
            "",
            folder(path),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("普通"), "普通");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说“好”\"x\""), "\"说“好”\"\"x\"\"\"");
        assert_eq!(field("=1+1,测试"), "\"'=1+1,测试\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("12"), "12");
    }
}
