//! `--summary --format csv`: the supervisor's table for Excel, one row per file (UTF-8 with
//! a BOM, like the findings CSV).

use super::csv::{BOM, row};
use super::file_summary::FileSummary;
use super::{Expected, Options, Reporter, Totals, Unchecked, parent_folder as folder};
use crate::FileReport;
use crate::diagnostic::{Category, Severity};
use std::io::{self, Write};

#[derive(Default)]
pub struct SummaryCsv {
    started: bool,
    unchecked: Vec<Unchecked>,
    /// The lowest severity listed (--min-severity).
    shown: Severity,
    expected: Expected,
    /// Who sent what, to find the units on the roster that sent nothing.
    sent: Vec<FileSummary>,
}

impl SummaryCsv {
    pub fn new(options: &Options) -> SummaryCsv {
        SummaryCsv {
            shown: options.min_severity,
            expected: options.expected.clone(),
            ..SummaryCsv::default()
        }
    }

    /// The BOM and the header, once; an empty run still gives Excel a header.
    fn start(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        w.write_all(BOM)?;
        let mut header = vec!["文件", "发文机关", "年度", "状态", "错误", "警告", "提示"];
        header.extend(Category::ALL.iter().map(|c| c.label_zh()));
        header.extend(["缺少的部分", "无法读取或未检查的原因", "目录"]);
        row(w, &header)
    }
}

impl Reporter for SummaryCsv {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        self.start(w)?;
        let s = FileSummary::of(r);
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
        cells.push(s.error.clone().unwrap_or_default());
        cells.push(folder(&s.path).to_string());
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        if self.expected.roster.is_some() {
            self.sent.push(s);
        }
        row(w, &refs)
    }

    fn unchecked(&mut self, files: &[Unchecked]) {
        self.unchecked.extend_from_slice(files);
    }

    /// Reports not checked come next, with the status 未检查 and the reason in the last
    /// column; then the units on the roster that sent nothing, with the status 未报送.
    fn finish(&mut self, w: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        self.start(w)?;
        // The counts, the categories and the missing parts are left empty.
        let blanks = 3 + Category::ALL.len() + 1;
        for u in &self.unchecked {
            let mut cells = vec![u.path.as_str(), "", "", "未检查"];
            cells.extend(std::iter::repeat_n("", blanks));
            cells.push(u.reason);
            cells.push(folder(&u.path));
            row(w, &cells)?;
        }
        for missing in self.expected.missing_units(&self.sent, &self.unchecked) {
            let note = missing.note().unwrap_or_default();
            let mut cells = vec!["", missing.unit.as_str(), "", "未报送"];
            cells.extend(std::iter::repeat_n("", blanks));
            cells.extend([note.as_str(), ""]);
            row(w, &cells)?;
        }
        Ok(())
    }
}
