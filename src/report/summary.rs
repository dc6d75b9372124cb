//! `--summary`: one row per file (issuer, year, counts by severity and category) and the
//! rules that fire most, for a supervisor auditing many reports at once.

use super::file_summary::{FileSummary, clean_label};
use super::folders::{FolderTotal, SharedRoot, TITLE};
use super::layout::Layout;
use super::tally::RuleTally;
use super::{
    Expected, LeftOut, Loosened, Options, Reporter, Totals, Unchecked, display_name, summary_line,
};
use crate::FileReport;
use crate::diagnostic::{Category, Severity};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

#[derive(Default)]
pub struct Summary {
    rows: Vec<FileSummary>,
    tally: RuleTally,
    unchecked: Vec<Unchecked>,
    left_out: Vec<LeftOut>,
    loosened: Vec<Loosened>,
    /// The lowest severity listed (--min-severity).
    shown: Severity,
    expected: Expected,
    /// A table wider than the terminal is written one file to a block.
    layout: Layout,
}

/// Rows kept in the table before it says "…"; totals still count every file.
const TOP_RULES: usize = 10;

impl Summary {
    pub fn new(options: &Options) -> Summary {
        Summary {
            shown: options.min_severity,
            expected: options.expected.clone(),
            layout: Layout {
                width: options.width,
                color: options.color,
            },
            ..Summary::default()
        }
    }

    /// "按文件：有错误 12 个，有警告 3 个，仅有提示 1 个，无问题 20 个，无法读取 2 个".
    fn by_status(&self) -> String {
        let clean = clean_label(self.shown);
        let mut parts: Vec<String> = [
            "有错误",
            "有警告",
            "仅有提示",
            clean,
            "无法读取",
            super::file_summary::BROKEN_CONFIG,
        ]
        .iter()
        .map(|&st| {
            let n = self.rows.iter().filter(|r| r.status(self.shown) == st);
            (st, n.count())
        })
        .filter(|&(_, n)| n > 0)
        .map(|(st, n)| format!("{st} {n} 个"))
        .collect();
        if !self.unchecked.is_empty() {
            parts.push(format!("未检查（格式不支持）{} 个", self.unchecked.len()));
        }
        if !self.left_out.is_empty() {
            parts.push(format!(
                "未检查（按忽略设置排除）{} 个",
                self.left_out.len()
            ));
        }
        format!("按文件：{}", parts.join("，"))
    }
}

impl Reporter for Summary {
    fn file(&mut self, _w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        self.tally.add(r);
        // Shown on a terminal: the file's name and the issuer its text gives, made safe.
        let mut row = FileSummary::of(r);
        row.path = display_name(&row.path).into_owned();
        row.issuer = row.issuer.map(|i| display_name(&i).into_owned());
        self.rows.push(row);
        Ok(())
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.unchecked.extend(files.iter().map(|u| Unchecked {
            path: display_name(&u.path).into_owned(),
            ..u.clone()
        }));
    }

    fn left_out(&mut self, files: &[LeftOut]) {
        let clean = |s: &str| display_name(s).into_owned();
        self.left_out
            .extend(files.iter().map(|l| l.cleaned(&clean)));
    }

    fn loosened(&mut self, configs: &[Loosened]) {
        self.loosened.extend_from_slice(configs);
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        // Paths below the folder they all share, so that the table fits a terminal.
        let not_checked = super::folders::not_checked(&self.unchecked, &self.left_out);
        let root = SharedRoot::of(&self.rows, &not_checked);
        let shown = |p: &str| root.show(p);
        if !root.path().as_os_str().is_empty() {
            let root = root.path().display().to_string();
            writeln!(w, "（文件路径相对于 {}）", display_name(&root))?;
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
                    // Short: the word stands in the errors' column.
                    let word = if row.config_broken {
                        "未检查"
                    } else {
                        "无法读取"
                    };
                    cells.extend([word.to_string(), "—".into(), "—".into()]);
                    cells.extend(Category::ALL.iter().map(|_| "—".to_string()));
                }
            }
            for (s, n) in sums.iter_mut().zip(row.by_category) {
                *s += n;
            }
            table.push(cells);
        }
        let mut total = vec![
            match super::batch_notes::copies(&self.rows) {
                0 => format!("合计（{} 个文件）", totals.files),
                n => format!("合计（{} 个文件，含相同副本 {n} 个）", totals.files),
            },
            String::new(),
            String::new(),
            totals.errors.to_string(),
            totals.warnings.to_string(),
            totals.infos.to_string(),
        ];
        total.extend(sums.iter().map(|n| n.to_string()));
        table.push(total);
        let layout = self.layout;
        match layout.width {
            Some(columns) if table_width(&table) > columns => {
                write_blocks(w, &table, layout, clean_label(self.shown))?
            }
            _ => write_table(w, &table, NAMING, layout)?,
        }
        for section in super::overview::sections(
            &self.rows,
            &self.unchecked,
            &self.left_out,
            &self.loosened,
            &self.expected,
            &shown,
        ) {
            section.write_text(w, layout)?;
        }
        let folders = super::folders::by_folder(&self.rows, &not_checked);
        if !folders.is_empty() {
            writeln!(w, "\n{}", layout.strong(&format!("{TITLE}：")))?;
            let mut table = vec![FolderTotal::HEADER.iter().map(|s| s.to_string()).collect()];
            table.extend(folders.iter().map(FolderTotal::cells));
            write_table(w, &table, 1, layout)?;
        }
        let top = self.tally.top(TOP_RULES);
        if !top.is_empty() {
            let title = "出现最多的问题（按涉及的文件数，不含提示）：";
            writeln!(w, "\n{}", layout.strong(title))?;
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
        writeln!(w, "\n{}", layout.fit(&summary_line(&checked), "  "))?;
        writeln!(w, "{}", layout.fit(&self.by_status(), "  "))
    }
}

/// The display width of each column.
fn column_widths(table: &[Vec<String>]) -> Vec<usize> {
    let columns = table.iter().map(Vec::len).max().unwrap_or(0);
    (0..columns)
        .map(|c| {
            table
                .iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Columns `write_table` takes.
fn table_width(table: &[Vec<String>]) -> usize {
    let widths = column_widths(table);
    widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
}

/// Columns of the file table that name a file (file, issuer, year), then the counts by
/// severity (errors, warnings, infos); the rest count by category.
const NAMING: usize = 3;
const SEVERITIES: usize = 3;

/// The file table for a narrow terminal: each row as a line naming the file and an
/// indented line of its non-zero counts under their headings ("错误 1，警告 3；结构 3").
fn write_blocks(
    w: &mut dyn Write,
    table: &[Vec<String>],
    layout: Layout,
    clean: &str,
) -> io::Result<()> {
    const INDENT: &str = "    ";
    let Some((header, rows)) = table.split_first() else {
        return Ok(());
    };
    let by_severity = NAMING + SEVERITIES;
    for row in rows {
        // An unreadable file has no issuer or year: no "—" for them here.
        let naming: Vec<&str> = row
            .iter()
            .take(NAMING)
            .map(String::as_str)
            .filter(|c| !matches!(*c, "" | "—"))
            .collect();
        writeln!(w, "{}", layout.strong(&naming.join("  ")))?;
        let said = |range: std::ops::Range<usize>| -> Vec<String> {
            range
                .filter_map(|c| Some((header.get(c)?, row.get(c)?)))
                .filter(|(_, cell)| !matches!(cell.as_str(), "0" | "—"))
                .map(|(h, cell)| match cell.parse::<usize>() {
                    Ok(n) => format!("{h} {n}"),
                    Err(_) => cell.clone(),
                })
                .collect()
        };
        let severities = said(NAMING..by_severity).join("，");
        let categories = said(by_severity..row.len()).join("，");
        let counts = match (severities.is_empty(), categories.is_empty()) {
            (true, _) => clean.to_string(),
            (false, true) => severities,
            (false, false) => format!("{severities}；{categories}"),
        };
        writeln!(w, "{INDENT}{}", layout.fit(&counts, INDENT))?;
    }
    Ok(())
}

/// Columns padded by display width, so Chinese cells line up in a terminal; the first
/// `words` columns are text (left-aligned), the rest figures; the header row is strong.
fn write_table(
    w: &mut dyn Write,
    table: &[Vec<String>],
    words: usize,
    layout: Layout,
) -> io::Result<()> {
    let widths = column_widths(table);
    for (k, row) in table.iter().enumerate() {
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
        let line = line.trim_end();
        if k == 0 {
            writeln!(w, "{}", layout.strong(line))?;
        } else {
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}
