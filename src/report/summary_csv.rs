//! `--summary --format csv`: the supervisor's table for Excel, one row per file (UTF-8 with
//! a BOM, like the findings CSV).

use super::csv::{BOM, row};
use super::expected::Received;
use super::file_summary::FileSummary;
use super::{
    Expected, LeftOut, Loosened, Options, Reporter, Totals, Unchecked, batch_notes,
    parent_folder as folder,
};
use crate::FileReport;
use crate::diagnostic::{Category, Severity};
use std::io::{self, Write};

#[derive(Default)]
pub struct SummaryCsv {
    unchecked: Vec<Unchecked>,
    left_out: Vec<LeftOut>,
    loosened: Vec<Loosened>,
    /// The lowest severity listed (--min-severity).
    shown: Severity,
    expected: Expected,
    /// Every file's row, written at the end: what the batch says of a file (a copy,
    /// another year, a unit not on the list) is known only then.
    rows: Vec<FileSummary>,
}

/// The columns after the counts: the missing parts, the batch's notes, why a file was
/// not read or checked, its folder.
const TAIL: [&str; 4] = ["缺少的部分", "批次核对", "无法读取或未检查的原因", "目录"];
/// With a roster: the unit a row is credited to, by its place on the list and its name.
const LISTED: [&str; 2] = ["名单序号", "名单单位"];

/// The unit on the list a row is credited to: its place on the list and its name.
type Listed<'a> = Option<(usize, &'a str)>;

impl SummaryCsv {
    pub fn new(options: &Options) -> SummaryCsv {
        SummaryCsv {
            shown: options.min_severity,
            expected: options.expected.clone(),
            ..SummaryCsv::default()
        }
    }

    /// The BOM and the header; an empty run still gives Excel a header.
    fn header(w: &mut dyn Write, listed: bool) -> io::Result<()> {
        w.write_all(BOM)?;
        let mut header = vec!["文件", "发文机关", "年度", "状态", "错误", "警告", "提示"];
        header.extend(Category::ALL.iter().map(|c| c.label_zh()));
        header.extend(TAIL);
        if listed {
            header.extend(LISTED);
        }
        row(w, &header)
    }

    fn file_row(&self, s: &FileSummary, batch: &[String]) -> Vec<String> {
        let year = s.year.map(|y| y.to_string()).unwrap_or_default();
        let mut cells: Vec<String> = vec![
            s.path.clone(),
            s.issuer.clone().unwrap_or_default(),
            year,
            s.status(self.shown).to_string(),
        ];
        match s.counts {
            Some(c) => {
                cells.extend(c.iter().map(|n| n.to_string()));
                cells.extend(s.by_category.iter().map(|n| n.to_string()));
            }
            None => cells.extend(std::iter::repeat_n(String::new(), 3 + Category::ALL.len())),
        }
        cells.push(s.missing_parts.join("、"));
        cells.push(batch.join("；"));
        cells.push(s.error.clone().unwrap_or_default());
        cells.push(folder(&s.path).to_string());
        cells
    }
}

impl Reporter for SummaryCsv {
    fn file(&mut self, _w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        self.rows.push(FileSummary::of(r));
        Ok(())
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.unchecked.extend_from_slice(files);
    }

    fn left_out(&mut self, files: &[LeftOut]) {
        self.left_out.extend_from_slice(files);
    }

    fn loosened(&mut self, configs: &[Loosened]) {
        self.loosened.extend_from_slice(configs);
    }

    /// The files checked, then the reports not checked, with the status 未检查 and the
    /// reason, and those left out on purpose, with 已排除; then the units on the roster that
    /// sent nothing, with the status 未报送. With a roster, in its order, each row with the
    /// unit it is credited to: the table a director reads unit by unit.
    fn finish(&mut self, w: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        let listed = self.expected.roster.is_some();
        Self::header(w, listed)?;
        let mut batch = batch_notes::per_file(&self.rows, self.expected.year);
        for k in self.expected.strangers(&self.rows) {
            batch[k].push("不在单位名单中".into());
        }
        // A row that reads 无问题 under a unit's own settings says so in itself.
        for (s, notes) in self.rows.iter().zip(batch.iter_mut()) {
            if let Some(l) = self
                .loosened
                .iter()
                .find(|l| s.config.as_ref() == Some(&l.config))
            {
                notes.push(format!("按 {} 检查，{}", l.config, l.how));
            }
        }
        let mut rows: Vec<(Listed, Vec<String>)> = Vec::new();
        let unit = |issuer: Option<&str>, path: &str| self.expected.listed_unit(issuer, path);
        for (s, notes) in self.rows.iter().zip(&batch) {
            rows.push((unit(s.issuer.as_deref(), &s.path), self.file_row(s, notes)));
        }
        // The counts, the categories and the missing parts are left empty.
        let blank_row = |path: &str, issuer: &str, status: &str, note: &str, why: &str| {
            let mut cells: Vec<String> = [path, issuer, "", status].map(String::from).into();
            cells.extend(std::iter::repeat_n(
                String::new(),
                3 + Category::ALL.len() + 1,
            ));
            cells.extend([note, why, folder(path)].map(String::from));
            cells
        };
        for u in &self.unchecked {
            let cells = blank_row(&u.path, "", "未检查", "", u.reason);
            rows.push((unit(None, &u.path), cells));
        }
        for l in &self.left_out {
            let path = l.path.to_string_lossy();
            let reason = l.reason(&|p| p.to_string());
            rows.push((
                unit(None, &path),
                blank_row(&path, "", "已排除", "", &reason),
            ));
        }
        let got = Received {
            rows: &self.rows,
            unchecked: &self.unchecked,
            left_out: &self.left_out,
        };
        let missing = self.expected.missing_units(&got);
        for m in &missing {
            let note = m.note().unwrap_or_default();
            let cells = blank_row("", &m.unit, m.status(), &note, "");
            rows.push((Some((m.index, m.unit.as_str())), cells));
        }
        if listed {
            // Units off the list last; a stable sort keeps each unit's files in path order.
            rows.sort_by_key(|(u, _)| u.map_or(usize::MAX, |(k, _)| k));
        }
        for (u, mut cells) in rows {
            if listed {
                cells.push(u.map(|(k, _)| (k + 1).to_string()).unwrap_or_default());
                cells.push(u.map(|(_, name)| name.to_string()).unwrap_or_default());
            }
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            row(w, &refs)?;
        }
        Ok(())
    }
}
