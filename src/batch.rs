//! Many inputs: walk folders, lint files in parallel, hand reports back in input order.

use crate::document::Format;
use crate::fix::{self, FixMode};
use crate::source::{self, ErrorKind, SourceError};
use crate::workspace::Workspace;
use crate::{FileReport, Linter};
use rayon::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// One thing to lint.
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    /// Standard input, already read, with the name it is reported under.
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    /// A path the user named that does not exist.
    Missing(PathBuf),
}

/// Expands the command-line paths: folders are walked (respecting .gitignore, hidden files
/// and `excluded`) for .docx/.txt/.md; files named explicitly are linted unless
/// `force_exclude` applies `excluded` to them too (as a pre-commit hook needs).
pub fn collect(
    paths: &[PathBuf],
    excluded: &dyn Fn(&Path) -> bool,
    force_exclude: bool,
) -> Vec<Input> {
    let mut inputs = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
                .require_git(false)
                .sort_by_file_path(|a, b| a.cmp(b))
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| source::format_for_path(p).is_some() && !source::is_owner_file(p))
                .filter(|p| !excluded(p))
                .collect();
            found.sort();
            inputs.extend(found.into_iter().map(Input::Path));
        } else if p.exists() {
            if !(force_exclude && excluded(p)) {
                inputs.push(Input::Path(p.clone()));
            }
        } else {
            inputs.push(Input::Missing(p.clone()));
        }
    }
    inputs
}

fn lint_one(linter: &Linter, input: &Input) -> FileReport {
    match input {
        Input::Path(p) => linter.lint_path(p),
        Input::Bytes { name, bytes } => {
            let format = source::format_for_path(Path::new(name)).unwrap_or(Format::Text);
            linter.lint_bytes(name, format, bytes)
        }
        Input::Missing(p) => FileReport::failed(
            &p.to_string_lossy(),
            None,
            SourceError::new(ErrorKind::NotFound, "文件或目录不存在"),
        ),
    }
}

fn path_of(input: &Input) -> &Path {
    match input {
        Input::Path(p) | Input::Missing(p) => p,
        Input::Bytes { name, .. } => Path::new(name),
    }
}

fn name_of(input: &Input) -> String {
    match input {
        Input::Path(p) | Input::Missing(p) => p.to_string_lossy().into_owned(),
        Input::Bytes { name, .. } => name.clone(),
    }
}

/// A panic in a rule costs that file, never the batch.
pub fn lint_guarded(linter: &Linter, input: &Input) -> FileReport {
    catch_unwind(AssertUnwindSafe(|| lint_one(linter, input))).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        FileReport::failed(
            &name_of(input),
            None,
            SourceError::new(
                ErrorKind::Internal,
                format!("gwlint 内部错误（{why}），该文件未检查；请把文件反馈给维护者"),
            ),
        )
    })
}

/// Files linted at once; reports are emitted chunk by chunk, so memory stays bounded.
const CHUNK: usize = 64;

/// What to do with each input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Check,
    Fix(FixMode),
}

/// One input's result.
#[derive(Debug)]
pub struct Outcome {
    pub report: FileReport,
    /// Safe fixes applied (or, for `--diff`, applicable).
    pub fixed: usize,
    pub diff: Option<String>,
}

fn act(ws: &Workspace, input: &Input, action: Action) -> Outcome {
    // Configurations were loaded before the run, so this does not fail; if it did,
    // the defaults still give the file a report.
    let linter = ws
        .linter_for(path_of(input))
        .unwrap_or_else(|_| std::sync::Arc::new(Linter::with_defaults()));
    let linter = linter.as_ref();
    match (action, input) {
        (Action::Fix(mode), Input::Path(p)) => {
            let guarded = catch_unwind(AssertUnwindSafe(|| fix::fix_file(linter, p, mode)));
            match guarded {
                Ok(o) => Outcome {
                    report: o.report,
                    fixed: o.applied,
                    diff: o.diff,
                },
                Err(_) => Outcome {
                    report: lint_guarded(linter, input),
                    fixed: 0,
                    diff: None,
                },
            }
        }
        _ => Outcome {
            report: lint_guarded(linter, input),
            fixed: 0,
            diff: None,
        },
    }
}

/// Handles every input on `jobs` threads and calls `emit` in input order.
pub fn run(
    ws: &Workspace,
    inputs: &[Input],
    jobs: usize,
    action: Action,
    mut emit: impl FnMut(Outcome) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(std::io::Error::other)?;
    // Another worker compiles what the outline needs while the first file is read. A panic
    // in a spawned job would abort the process; the file that needs the data reports it.
    pool.spawn(|| {
        let _ = std::panic::catch_unwind(crate::outline::warm_up);
    });
    for chunk in inputs.chunks(CHUNK) {
        let reports: Vec<Outcome> =
            pool.install(|| chunk.par_iter().map(|i| act(ws, i, action)).collect());
        for r in reports {
            emit(r)?;
        }
    }
    Ok(())
}
