//! One self-contained HTML page for a supervisor: a sortable table of files, each opening
//! onto its findings with the surrounding text highlighted. Written file by file.

use super::file_summary::FileSummary;
use super::folders::{FolderTotal, TITLE, by_folder, not_checked};
use super::overview::sections;
use super::tally::RuleTally;
use super::{Expected, LeftOut, Loosened, Reporter, Totals, Unchecked, located, summary_line};
use crate::FileReport;
use crate::diagnostic::Severity;
use crate::document::Document;
use std::io::{self, Write};

/// Characters of context shown on each side of a finding.
const CONTEXT: usize = 40;

#[derive(Default)]
pub struct Html {
    started: bool,
    files: usize,
    tally: RuleTally,
    unchecked: Vec<Unchecked>,
    left_out: Vec<LeftOut>,
    loosened: Vec<Loosened>,
    /// What the overview's lists are made of (a few hundred bytes a file).
    rows: Vec<FileSummary>,
    expected: Expected,
}

impl Html {
    pub fn expecting(expected: Expected) -> Html {
        Html {
            expected,
            ..Html::default()
        }
    }
}

/// Rules listed in the overview.
const TOP_RULES: usize = 10;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Bidirectional overrides too: a name could be shown reordered.
            c if c.is_control() && c != '\t' || is_bidi_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The overrides, and the marks (LRM, RLM) that steer them.
fn is_bidi_control(c: char) -> bool {
    super::is_bidi_override(c) || matches!(c, '\u{200E}' | '\u{200F}')
}

const HEAD: &str = r##"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gwlint 检查结果</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3;cursor:pointer;user-select:none;white-space:nowrap}
th[data-dir="asc"]::after{content:" ▲"}th[data-dir="desc"]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.file{cursor:pointer}tr.file:hover{background:#fafaf0}
tr.details td{background:#fcfcfc}tr.details[hidden]{display:none}
.error{color:#b00020}.warning{color:#9a6700}.info{color:#555}
.unreadable td{color:#b00020}
.missing{color:#b00020;font-size:90%}
ol{margin:.3em 0;padding-left:1.5em}li{margin:.4em 0}
code{background:#eee;padding:0 .3em;border-radius:3px}
.ctx{font-family:inherit;background:#f7f7f7;padding:.2em .4em;display:block;white-space:pre-wrap}
mark{background:#ffe08a}
.help{color:#555}
</style></head><body>
<h1>gwlint 检查结果</h1>
<p>点击表头排序，点击文件行展开问题列表。</p>
<p class="tools"><button type="button" id="expand">全部展开</button> <button type="button" id="collapse">全部收起</button>
显示：<label><input type="checkbox" data-sev="error" checked>错误</label>
<label><input type="checkbox" data-sev="warning" checked>警告</label>
<label><input type="checkbox" data-sev="info" checked>提示</label>
规则：<select id="rule"><option value="">全部</option></select></p>
<table id="files"><thead><tr>
<th data-key="path">文件</th><th data-key="issuer">发文机关</th><th data-key="year" data-num>年度</th>
<th data-key="errors" data-num>错误</th><th data-key="warnings" data-num>警告</th><th data-key="infos" data-num>提示</th>
</tr></thead>
"##;

const TAIL: &str = r##"<script>
(function(){
  var table=document.getElementById('files');
  var overview=document.getElementById('overview');
  if(overview){table.parentNode.insertBefore(overview,table);}
  function sortBy(th,dir){
    var key=th.dataset.key,num=th.hasAttribute('data-num');
    var bodies=Array.prototype.slice.call(table.tBodies);
    bodies.sort(function(a,b){
      var x=a.dataset[key]||'',y=b.dataset[key]||'';
      var c=num?(parseFloat(x)||0)-(parseFloat(y)||0):x.localeCompare(y,'zh-CN');
      return dir==='asc'?c:-c;
    });
    bodies.forEach(function(b){table.appendChild(b)});
    table.querySelectorAll('th').forEach(function(h){h.removeAttribute('data-dir')});
    th.setAttribute('data-dir',dir);
  }
  table.querySelectorAll('th').forEach(function(th){
    th.addEventListener('click',function(){
      sortBy(th,th.getAttribute('data-dir')==='desc'?'asc':'desc');
    });
  });
  table.addEventListener('click',function(e){
    var row=e.target.closest('tr.file');
    if(!row)return;
    var d=row.nextElementSibling;
    if(d)d.hidden=!d.hidden;
  });
  function setAll(open){
    table.querySelectorAll('tr.details').forEach(function(d){d.hidden=!open});
  }
  document.getElementById('expand').addEventListener('click',function(){setAll(true)});
  document.getElementById('collapse').addEventListener('click',function(){setAll(false)});
  // Findings of an unticked severity are hidden in every file's list.
  document.querySelectorAll('input[data-sev]').forEach(function(box){
    box.addEventListener('change',function(){
      table.querySelectorAll('li.'+box.dataset.sev).forEach(function(li){li.hidden=!box.checked});
    });
  });
  // The rules that occur, to show one rule's findings only (files without it are dimmed).
  var select=document.getElementById('rule');
  var codes={};
  table.querySelectorAll('li[data-rule]').forEach(function(li){codes[li.dataset.rule]=li.dataset.summary});
  Object.keys(codes).sort().forEach(function(c){
    var o=document.createElement('option');o.value=c;o.textContent=c+' '+codes[c];select.appendChild(o);
  });
  select.addEventListener('change',function(){
    var want=select.value;
    table.querySelectorAll('li[data-rule]').forEach(function(li){
      li.style.display=(!want||li.dataset.rule===want)?'':'none';
    });
    table.querySelectorAll('tbody').forEach(function(b){
      b.style.opacity=(!want||b.querySelector('li[data-rule="'+want+'"]'))?'':'0.35';
    });
  });
  // "#sort=errors" sorts on load (descending), for links and for tests; "#open" expands all.
  if(/open/.test(location.hash))setAll(true);
  var m=location.hash.match(/sort=(\w+)/);
  if(m){var th=table.querySelector('th[data-key="'+m[1]+'"]');if(th)sortBy(th,'desc');}
})();
</script>
</body></html>
"##;

/// The finding's line, shortened around it, with the finding marked.
fn context(doc: &Document, start: usize, end: usize) -> String {
    // Only the characters shown are visited: a finding on a 10 MB line costs no more.
    const MARKED: usize = 200;
    let i = doc.line_index(start);
    let l = &doc.lines[i];
    let end = end.min(l.end).max(start);
    let head = &doc.text[l.start..start];
    let from = head
        .char_indices()
        .rev()
        .nth(CONTEXT.saturating_sub(1))
        .map_or(0, |(k, _)| k);
    let cut = if from > 0 { "…" } else { "" };
    let before = format!("{cut}{}", &head[from..]);
    let tail = &doc.text[end..l.end];
    let shown = tail
        .char_indices()
        .nth(CONTEXT)
        .map_or(tail.len(), |(k, _)| k);
    let cut = if shown < tail.len() { "…" } else { "" };
    let after = format!("{}{cut}", &tail[..shown]);
    let marked = &doc.text[start..end];
    let marked = match marked.char_indices().nth(MARKED) {
        Some((k, _)) => format!("{}…", &marked[..k]),
        None if marked.is_empty() => "▲".to_string(),
        None => marked.to_string(),
    };
    format!(
        "{}<mark>{}</mark>{}",
        escape(&before),
        escape(&marked),
        escape(&after)
    )
}

impl Reporter for Html {
    fn file(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        if !self.started {
            self.started = true;
            w.write_all(HEAD.as_bytes())?;
        }
        self.files += 1;
        self.tally.add(r);
        let count = |s: Severity| r.diagnostics.iter().filter(|d| d.severity == s).count();
        let (e, wa, i) = (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
        let issuer = escape(r.facts.issuer.as_deref().unwrap_or("—"));
        let year = r
            .facts
            .year
            .map_or_else(|| "—".to_string(), |y| y.to_string());
        let path = escape(&r.path);
        // The statutory parts a report lacks, under its name: what a supervisor asks first.
        let summary = FileSummary::of(r);
        let missing = summary.missing_parts.clone();
        self.rows.push(summary);
        let missing = if missing.is_empty() {
            String::new()
        } else {
            format!(
                "<div class=\"missing\">缺少：{}</div>",
                escape(&missing.join("、"))
            )
        };
        if let Some(err) = &r.error {
            return writeln!(
                w,
                "<tbody data-path=\"{path}\" data-issuer=\"\" data-year=\"\" data-errors=\"999999\" data-warnings=\"0\" data-infos=\"0\">\
<tr class=\"file unreadable\"><td>{path}</td><td colspan=\"5\">无法读取：{}</td></tr></tbody>",
                escape(&err.message)
            );
        }
        writeln!(
            w,
            "<tbody data-path=\"{path}\" data-issuer=\"{issuer}\" data-year=\"{year}\" data-errors=\"{e}\" data-warnings=\"{wa}\" data-infos=\"{i}\">\
<tr class=\"file\"><td>{path}{missing}</td><td>{issuer}</td><td class=\"n\">{year}</td><td class=\"n error\">{e}</td><td class=\"n warning\">{wa}</td><td class=\"n info\">{i}</td></tr>\
<tr class=\"details\" hidden><td colspan=\"6\"><ol>"
        )?;
        if r.diagnostics.is_empty() {
            writeln!(w, "<li>未发现问题</li>")?;
        }
        if let Some(doc) = &r.document {
            for (d, at) in located(doc, &r.diagnostics) {
                writeln!(
                    w,
                    "<li class=\"{sev}\" data-rule=\"{code}\" data-summary=\"{summary}\"><b>{label}</b> <code>{code}</code> 第{line}行第{col}列：{msg}<span class=\"ctx\">{ctx}</span><span class=\"help\">建议：{help}</span></li>",
                    sev = d.severity.as_str(),
                    label = d.severity.label_zh(),
                    code = d.rule.code,
                    summary = escape(d.rule.summary),
                    line = at.line,
                    col = at.column,
                    msg = escape(&d.message),
                    ctx = context(doc, at.offset, at.offset + at.length),
                    help = escape(&d.help),
                )?;
            }
        }
        writeln!(w, "</ol></td></tr></tbody>")
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

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        if !self.started {
            w.write_all(HEAD.as_bytes())?;
        }
        // The overview is known only at the end; the page's script moves it to the top.
        writeln!(
            w,
            "</table>\n<section id=\"overview\"><h2>概况</h2><p>{}</p>",
            escape(&summary_line(totals))
        )?;
        let shown = |p: &str| p.to_string();
        let not_checked = not_checked(&self.unchecked, &self.left_out);
        let folders = by_folder(&self.rows, &not_checked);
        if !folders.is_empty() {
            writeln!(
                w,
                "<h3>{TITLE}</h3><table class=\"folders\"><tr>{}</tr>",
                FolderTotal::HEADER
                    .map(|h| format!("<th>{h}</th>"))
                    .concat()
            )?;
            for f in &folders {
                let cells: Vec<String> = f
                    .cells()
                    .iter()
                    .enumerate()
                    .map(|(k, c)| match k {
                        0 => format!("<td>{}</td>", escape(c)),
                        _ => format!("<td class=\"n\">{c}</td>"),
                    })
                    .collect();
                writeln!(w, "<tr>{}</tr>", cells.concat())?;
            }
            writeln!(w, "</table>")?;
        }
        for section in sections(
            &self.rows,
            &self.unchecked,
            &self.left_out,
            &self.loosened,
            &self.expected,
            &shown,
        ) {
            // Closed: a list of many files must not push the table off the page.
            let count = if section.counted {
                String::new()
            } else {
                format!("：{} 项", section.items.len())
            };
            writeln!(
                w,
                "<details><summary>{}{count}</summary><ul class=\"{}\">",
                escape(&section.title),
                section.class
            )?;
            for item in &section.items {
                writeln!(w, "<li>{}</li>", escape(&item.to_string()))?;
            }
            writeln!(w, "</ul>")?;
            if let Some(note) = section.note {
                writeln!(w, "<p>{}</p>", escape(note))?;
            }
            writeln!(w, "</details>")?;
        }
        let top = self.tally.top(TOP_RULES);
        if !top.is_empty() {
            writeln!(w, "<p>出现最多的问题（按涉及的文件数）：</p><ol>")?;
            for (code, name, files, n) in top {
                writeln!(
                    w,
                    "<li><code>{code}</code> {}：{files} 个文件，{n} 处</li>",
                    escape(name)
                )?;
            }
            writeln!(w, "</ol>")?;
        }
        writeln!(w, "</section>")?;
        w.write_all(TAIL.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_shows_a_bounded_window_of_a_long_line() {
        let text = format!("{}错字{}", "前".repeat(100_000), "后".repeat(100_000));
        let doc = Document::from_text("t.txt", crate::document::Format::Text, "utf-8", text);
        let at = doc.text.find("错字").unwrap();
        let shown = context(&doc, at, at + "错字".len());
        assert_eq!(
            shown,
            format!(
                "…{}<mark>错字</mark>{}…",
                "前".repeat(CONTEXT),
                "后".repeat(CONTEXT)
            )
        );
    }

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(escape("<b>&\"'\u{1b}"), "&lt;b&gt;&amp;&quot;&#39;\u{FFFD}");
        assert_eq!(escape("报告\u{202E}txt.exe"), "报告\u{FFFD}txt.exe");
    }
}
