//! `--summary`: one row per file (issuer, year, counts by severity and category) and the
//! rules that fire most, for a supervisor auditing many reports at once.

use super::file_summary::{FileSummary, clean_label};
use super::folders::{FolderTotal, SharedRoot, TITLE};
use super::tally::RuleTally;
use super::{Expected, Options, Reporter, Totals, Unchecked, summary_line};
use crate::FileReport;
use crate::diagnostic::{Category, Severity};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

#[derive(Default)]
pub struct Summary {
    rows: Vec<FileSummary>,
    tally: RuleTally,
    unchecked: Vec<Unchecked>,
    /// The lowest severity listed (--min-severity).
    shown: Severity,
    expected: Expected,
}

/// Rows kept in the table before it says "…"; totals still count every file.
const TOP_RULES: usize = 10;

impl Summary {
    pub fn new(options: &Options) -> Summary {
        Summary {
            shown: options.min_severity,
            expected: options.expected.clone(),
            ..Summary::default()
        }
    }

    /// "按文件：有错误 12 个，有警告 3 个，仅有提示 1 个，无问题 20 个，无法读取 2 个".
    fn by_status(&self) -> String {
        let clean = clean_label(self.shown);
        let mut parts: Vec<String> = ["有错误", "有警告", "仅有提示", clean, "无法读取"]
            .iter()
            .map(|&st| {
                let n = self.rows.iter().filter(|r| r.status(self.shown) == st);
                (st, n.count())
            })
            .filter(|&(_, n)| n > 0)
            .map(|(st, n)| format!("{st} {n} 个"))
            .collect();
        if !self.unchecked.is_empty() {
            parts.push(format!("格式不支持未检查 {} 个", self.unchecked.len()));
        }
        format!("按文件：{}", parts.join("，"))
    }
}

impl Reporter for Summary {
    fn file(&mut self, _w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        self.tally.add(r);
        self.rows.push(FileSummary::of(r));
        Ok(())
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.unchecked.extend_from_slice(files);
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        // Paths below the folder they all share, so that the table fits a terminal.
        let root = SharedRoot::of(&self.rows, &self.unchecked);
        let shown = |p: &str| root.show(p);
        if !root.path().as_os_str().is_empty() {
            writeln!(w, "（文件路径相对于 {}）", root.path().display())?;
        }
        let mut header: Vec<String> = ["文件", "发文机关", "年度", "错误", "警告", "提示"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        header.extend(Category::ALL.iter().map(|c| c.label_zh().to_string()));
        let mut table = vec![header];
        let mut sums = [0usize; 8];
        for row in &self.rows {
            let mut cells = vec![
                shown(&row.path),
                row.issuer.clone().unwrap_or_else(|| "—".into()),
                row.year.map_or_else(|| "—".into(), |y| y.to_string()),
            ];
            match row.counts {
                Some(c) => {
                    cells.extend(c.iter().map(|n| n.to_string()));
                    cells.extend(row.by_category.iter().map(|n| n.to_string()));
                }
                None => {
                    cells.extend(["无法读取".to_string(), "—".into(), "—".into()]);
                    cells.extend(Category::ALL.iter().map(|_| "—".to_string()));
                }
            }
            for (s, n) in sums.iter_mut().zip(row.by_category) {
                *s += n;
            }
            table.push(cells);
        }
        let mut total = vec![
            format!("合计（{} 个文件）", totals.files),
            String::new(),
            String::new(),
            totals.errors.to_string(),
            totals.warnings.to_string(),
            totals.infos.to_string(),
        ];
        total.extend(sums.iter().map(|n| n.to_string()));
        table.push(total);
        write_table(w, &table, 3)?;
        for section in
            super::overview::sections(&self.rows, &self.unchecked, &self.expected, &shown)
        {
            section.write_text(w)?;
        }
        let folders = super::folders::by_folder(&self.rows, &self.unchecked);
        if !folders.is_empty() {
            writeln!(w, "\n{TITLE}：")?;
            let mut table = vec![FolderTotal::HEADER.iter().map(|s| s.to_string()).collect()];
            table.extend(folders.iter().map(FolderTotal::cells));
            write_table(w, &table, 1)?;
        }
        let top = self.tally.top(TOP_RULES);
        if !top.is_empty() {
            writeln!(w, "\n出现最多的问题（按涉及的文件数，不含提示）：")?;
            let width = top.iter().map(|t| t.1.width()).max().unwrap_or(0);
            for (code, summary, files, n) in top {
                let pad = " ".repeat(width - summary.width());
                writeln!(w, "  {code} {summary}{pad}  {files} 个文件，{n} 处")?;
            }
        }
        // The line after says how many were not checked, and the list above which.
        let checked = Totals {
            unchecked: 0,
            ..*totals
        };
        writeln!(w, "\n{}", summary_line(&checked))?;
        writeln!(w, "{}", self.by_status())
    }
}

/// Columns padded by display width, so Chinese cells line up in a terminal; the first
/// `words` columns are text (left-aligned), the rest figures.
fn write_table(w: &mut dyn Write, table: &[Vec<String>], words: usize) -> io::Result<()> {
    let columns = table.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            table
                .iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in table {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.width());
            if c >= words {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}
