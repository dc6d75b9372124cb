//! `--format baseline`: the findings a team accepts, in a file made for git. It is the JSON
//! `--baseline` reads (version 1: files, each with its diagnostics' code, fingerprint,
//! excerpt and message), sorted, one finding a line, without line numbers or local paths,
//! so that a new baseline differs from the old by the lines of the findings that changed.

use super::json::{to_io, write_header};
use super::{Reporter, Totals};
use crate::FileReport;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct Accepted {
    code: &'static str,
    fingerprint: String,
    excerpt: String,
    message: String,
}

#[derive(Default)]
pub struct BaselineFile {
    files: BTreeMap<String, Vec<Accepted>>,
}

impl Reporter for BaselineFile {
    fn file(&mut self, _w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        let Some(doc) = &r.document else {
            return Ok(());
        };
        let accepted: Vec<Accepted> = super::located(doc, &r.diagnostics)
            .map(|(d, at)| Accepted {
                code: d.rule.code,
                fingerprint: crate::baseline::fingerprint(doc, d),
                excerpt: at.excerpt.to_string(),
                message: d.message.clone(),
            })
            .collect();
        if !accepted.is_empty() {
            self.files
                .entry(r.path.clone())
                .or_default()
                .extend(accepted);
        }
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        write_header(w)?;
        for (k, (path, found)) in self.files.iter_mut().enumerate() {
            found.sort();
            let comma = if k == 0 { "" } else { "," };
            write!(w, "{comma}\n{{\"path\":")?;
            serde_json::to_writer(&mut *w, path).map_err(to_io)?;
            w.write_all(b",\"diagnostics\":[")?;
            for (j, a) in found.iter().enumerate() {
                w.write_all(if j == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *w, a).map_err(to_io)?;
            }
            w.write_all(b"\n]}")?;
        }
        w.write_all(b"\n]}\n")
    }
}
