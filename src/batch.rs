//! Many inputs: walk folders, lint files in parallel, hand reports back in input order.

use crate::annotate::{self, Annotation};
use crate::fix::{self, FixMode};
use crate::left_out::{self, LeftOut};
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
    /// A path that exists but cannot be read (permissions, a symbolic link loop): why.
    Unreadable(PathBuf, String),
    /// A file whose gwlint.toml cannot be used: why.
    Misconfigured(PathBuf, String),
}

/// What a walk found: the inputs, and the reports it cannot read (.doc, .wps, .pdf), which
/// a supervisor should hear about rather than have silently skipped.
#[derive(Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub unsupported: Vec<PathBuf>,
    /// Word's lock files named on the command line, which are never reports.
    pub owner_files: Vec<PathBuf>,
    /// Folders of annotated copies an earlier `--annotate` wrote, not walked.
    pub annotated_folders: Vec<PathBuf>,
    /// Links to folders met in a walk, not followed (as git and ripgrep do not): an alias
    /// such as 最新 → 2024 would report every file twice, and a link up, forever.
    pub linked_folders: Vec<PathBuf>,
    /// Links to reports outside the folder walked, left out: a unit's folder could
    /// otherwise have any file on the machine read and quoted (or written by `--fix`).
    pub linked_out: Vec<PathBuf>,
    /// Reports a walk left out on purpose: a configuration's `exclude`, and with
    /// `WalkOptions::list_left_out` the ignore files too.
    pub left_out: Vec<LeftOut>,
    /// Links to reports the walk checks under their own names (最新.txt → 2024.txt): the
    /// link, and the report's path. Checked twice, a report would be counted twice and
    /// `--fix` would write it twice.
    pub aliases: Vec<(PathBuf, PathBuf)>,
}

/// Report formats people send that gwlint does not read: other word processors' and
/// fixed-layout files, archives of reports, and scans.
const UNSUPPORTED_REPORTS: [&str; 16] = [
    "doc", "wps", "pdf", "odt", "rtf", "wpt", "ofd", "zip", "rar", "7z", "jpg", "jpeg", "png",
    "tif", "tiff", "bmp",
];

/// A repository's own notes, which a walk (and a hook) leaves alone: README.md,
/// CHANGELOG.md, LICENSE.txt and the like. Named on the command line, they are checked.
const REPOSITORY_NOTES: [&str; 9] = [
    "readme",
    "changelog",
    "changes",
    "contributing",
    "license",
    "licence",
    "authors",
    "notice",
    "copying",
];

fn is_repository_note(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|n| REPOSITORY_NOTES.iter().any(|w| n.starts_with(w)))
}

fn is_unsupported_report(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| UNSUPPORTED_REPORTS.contains(&e.to_ascii_lowercase().as_str()))
        || is_web_report(p)
}

/// A report saved as a web page: any .mht (only Word and browsers write them), an .html
/// named a report (a folder's other pages, gwlint's own summaries among them, are not).
fn is_web_report(p: &Path) -> bool {
    let named_report = p
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.contains("报告"));
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    source::is_web_page(p) && (ext.to_ascii_lowercase().starts_with("mht") || named_report)
}

/// A .docx saved under a .doc or .wps name (OA systems export so): read, it is told to be
/// renamed, as when named on the command line, not to be saved again as .docx.
fn is_misnamed_docx(p: &Path) -> bool {
    use std::io::Read;
    let legacy = unsupported_kind(p) == source::ErrorKind::LegacyFormat;
    let mut head = [0u8; 4];
    legacy
        && std::fs::File::open(p)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok()
        && head == *b"PK\x03\x04"
}

/// Why a report in an unsupported format was not checked, and what the unit should send.
pub fn unsupported_reason(p: &Path) -> &'static str {
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "pdf" => "PDF 文件无法检查，请提供 .docx 或 .txt 原文",
        "ofd" => "OFD 版式文件无法检查，请提供 .docx 或 .txt 原文",
        "zip" | "rar" | "7z" => "压缩包不会自动展开，请解压后再检查其中的报告",
        "jpg" | "jpeg" | "png" | "tif" | "tiff" | "bmp" => {
            "图片（扫描件）无法检查，请提供 .docx 或 .txt 原文"
        }
        "doc" | "wps" | "wpt" => "Word 97-2003 或 WPS 格式无法检查，请另存为 .docx",
        _ if source::is_web_page(p) => source::WEB_PAGE,
        _ => "该格式无法检查，请另存为 .docx",
    }
}

/// The stable kind of an unchecked report, as an unreadable file's error has one: a .doc
/// found in a folder is `legacy-format`, as it is when named.
pub fn unsupported_kind(p: &Path) -> source::ErrorKind {
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "doc" | "wps" | "wpt" => source::ErrorKind::LegacyFormat,
        _ => source::ErrorKind::UnsupportedFormat,
    }
}

/// How folders are walked.
#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    /// Apply `exclude` to files named on the command line too (pre-commit).
    pub force_exclude: bool,
    /// Skip what .gitignore and .ignore files name (the default; `--no-ignore` does not).
    pub ignore_files: bool,
    /// Find the reports the ignore files hide, and what hides each (a supervisor's
    /// summary lists them); it walks the folder twice.
    pub list_left_out: bool,
}

/// The configuration whose `exclude` covers a file, if one does.
pub type Excluder<'a> = &'a dyn Fn(&Path) -> Option<PathBuf>;

/// Files to lint under `paths`: folders walked (.gitignore, hidden files and Word's owner
/// files skipped, `excluder` applied), files given by name taken as they are, except owner
/// files, and with `force_exclude` filtered as in a walk.
pub fn collect(paths: &[PathBuf], excluder: Excluder, how: WalkOptions) -> Collected {
    let excluded = |p: &Path| excluder(p).is_some();
    let mut c = Collected::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, excluder, how, &mut c),
            // A Word lock file ("~$报告.docx") is never a report, even when named.
            Ok(_) if source::is_owner_file(p) => c.owner_files.push(p.clone()),
            // With --force-exclude (a hook naming every changed file), a named file is taken
            // as a walk would take it: gwlint.toml or a script is no report.
            Ok(_)
                if how.force_exclude
                    && (excluded(p)
                        || is_repository_note(p)
                        || source::format_for_path(p).is_none()) =>
            {
                if !excluded(p) && is_unsupported_report(p) {
                    c.unsupported.push(p.clone());
                }
            }
            Ok(_) => c.inputs.push(Input::Path(p.clone())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if std::fs::symlink_metadata(p).is_ok() {
                    let why = "符号链接指向的文件不存在".to_string();
                    c.inputs.push(Input::Unreadable(p.clone(), why));
                } else {
                    c.inputs.push(Input::Missing(p.clone()));
                }
            }
            Err(e) => c.inputs.push(Input::Unreadable(p.clone(), walk_cause(&e))),
        }
    }
    for input in &mut c.inputs {
        if let Input::Path(p)
        | Input::Missing(p)
        | Input::Unreadable(p, _)
        | Input::Misconfigured(p, _) = input
        {
            without_dot(p);
        }
    }
    for p in c
        .unsupported
        .iter_mut()
        .chain(&mut c.linked_folders)
        .chain(&mut c.linked_out)
        .chain(c.aliases.iter_mut().flat_map(|(l, r)| [l, r]))
        .chain(&mut c.annotated_folders)
        .chain(c.left_out.iter_mut().map(|l| &mut l.path))
    {
        without_dot(p);
    }
    c
}

/// A folder of annotated copies an earlier `--annotate` wrote.
fn is_annotated_copies(folder: &Path) -> bool {
    folder.join(crate::annotate::FOLDER_MARK).is_file()
}

/// The ignore files of the folders above the one walked count only in a git work tree,
/// as git reads them: a stray .gitignore in a home folder hides no unit's report.
fn in_git_work_tree(root: &Path) -> bool {
    std::fs::canonicalize(root).is_ok_and(|r| r.ancestors().any(|d| d.join(".git").exists()))
}

/// What a walk would lint or name as unsupported, were it not excluded.
fn is_walked_report(p: &Path) -> bool {
    !source::is_owner_file(p)
        && !is_repository_note(p)
        && (source::format_for_path(p).is_some() || is_unsupported_report(p))
}

/// "./报告/a.txt" as "报告/a.txt": GitHub places an annotation on a pull request's diff only
/// by the path from the repository's root, and the other outputs read better so too.
fn without_dot(p: &mut PathBuf) {
    let rest: PathBuf = p
        .components()
        .skip_while(|c| matches!(c, std::path::Component::CurDir))
        .collect();
    if !rest.as_os_str().is_empty() {
        *p = rest;
    }
}

/// A folder's reports, in path order; links to reports are followed (one that leads nowhere
/// or in a circle is reported), links to folders are not, and a folder or link that cannot
/// be read is reported rather than skipped.
fn walk(root: &Path, excluder: Excluder, how: WalkOptions, c: &mut Collected) {
    let excluded = |p: &Path| excluder(p).is_some();
    let mut found: Vec<Input> = Vec::new();
    // Every file met, when the ones the ignore files hide are to be found.
    let mut seen: std::collections::HashSet<PathBuf> = Default::default();
    let list_left_out = how.list_left_out && how.ignore_files;
    let skipped = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let skip = skipped.clone();
    let skip_annotated = how.ignore_files;
    // Links to files inside the folder, which may name a report walked anyway.
    let mut links: Vec<PathBuf> = Vec::new();
    let inside = std::fs::canonicalize(root).ok();
    let leads_out = |link: &Path| {
        let target = std::fs::canonicalize(link).ok();
        match (&inside, target) {
            (Some(root), Some(target)) => !target.starts_with(root),
            _ => false,
        }
    };
    for entry in ignore::WalkBuilder::new(root)
        .require_git(false)
        .parents(in_git_work_tree(root))
        // Below the folder named, not the folder itself: that one was asked for.
        .filter_entry(move |e| {
            let folder = e.file_type().is_some_and(|t| t.is_dir());
            let copies = skip_annotated && e.depth() > 0 && folder && is_annotated_copies(e.path());
            if copies {
                skip.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(e.path().to_path_buf());
            }
            // Without the ignore settings a report named with a dot is walked.
            let name = e.file_name().to_string_lossy();
            let hidden = e.depth() > 0 && left_out::never_walked(&name, folder);
            !copies && !hidden
        })
        .hidden(how.ignore_files)
        .git_ignore(how.ignore_files)
        .git_exclude(how.ignore_files)
        .git_global(how.ignore_files)
        .ignore(how.ignore_files)
        .follow_links(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build()
    {
        if list_left_out && let Ok(e) = &entry {
            seen.insert(e.path().to_path_buf());
        }
        let mut take_file = |f: PathBuf, c: &mut Collected| {
            if source::is_owner_file(&f) || is_repository_note(&f) {
                return;
            }
            if let Some(config) = excluder(&f) {
                if source::format_for_path(&f).is_some() {
                    let config = crate::workspace::from_here(&config);
                    let by = left_out::LeftBy::Exclude { config };
                    c.left_out.push(LeftOut { path: f, by });
                }
                return;
            }
            if source::format_for_path(&f).is_some() || is_misnamed_docx(&f) {
                found.push(Input::Path(f));
            } else if is_unsupported_report(&f) {
                c.unsupported.push(f);
            }
        };
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => take_file(e.into_path(), c),
            // A link to a report is followed; a link to a folder is not (but the folder
            // named, depth 0, is walked).
            Ok(e) if e.path_is_symlink() => {
                let below_root = e.depth() > 0;
                let path = e.into_path();
                let report_like = source::format_for_path(&path).is_some() && !excluded(&path);
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_file() && report_like && leads_out(&path) => {
                        c.linked_out.push(path)
                    }
                    Ok(m) if m.is_file() => {
                        links.push(path.clone());
                        take_file(path, c);
                    }
                    Ok(m) if m.is_dir() && below_root => c.linked_folders.push(path),
                    Ok(m) if m.is_dir() => {}
                    // To a pipe or a device.
                    Ok(_) if report_like => {
                        found.push(Input::Unreadable(path, source::NOT_A_REGULAR_FILE.into()))
                    }
                    Ok(_) => {}
                    // Leading nowhere, or in a circle.
                    Err(target) if report_like => {
                        let why = match walk_cause(&target) {
                            cause if cause == LOOP => cause,
                            _ if target.kind() == std::io::ErrorKind::NotFound => {
                                "符号链接指向的文件不存在".to_string()
                            }
                            cause => cause,
                        };
                        found.push(Input::Unreadable(path, why));
                    }
                    Err(_) => {}
                }
            }
            // A pipe or device named like a report: said, never opened.
            Ok(e)
                if !e.file_type().is_some_and(|t| t.is_dir())
                    && source::format_for_path(e.path()).is_some()
                    && !excluded(e.path()) =>
            {
                let why = source::NOT_A_REGULAR_FILE.to_string();
                found.push(Input::Unreadable(e.into_path(), why));
            }
            Ok(_) => {}
            Err(err) => {
                let Some(path) = error_path(&err) else {
                    continue;
                };
                // Only what could be a report, or a folder that may hold some.
                let report_like =
                    source::format_for_path(&path).is_some() || path.extension().is_none();
                if report_like && !excluded(&path) {
                    // A link that leads nowhere: to a loop of links, or to nothing.
                    let target = std::fs::metadata(&path).err();
                    let looped = target.as_ref().is_some_and(|t| walk_cause(t) == LOOP);
                    let dangling = std::fs::symlink_metadata(&path).is_ok() && target.is_some();
                    let why = match &err {
                        e if is_loop(e) || looped => LOOP.to_string(),
                        _ if dangling => "符号链接指向的文件不存在".to_string(),
                        e => e.io_error().map_or_else(|| e.to_string(), walk_cause),
                    };
                    found.push(Input::Unreadable(path, why));
                }
            }
        }
    }
    found.sort_by(|a, b| path_of(a).cmp(path_of(b)));
    drop_aliases(&mut found, &links, &mut c.aliases);
    c.inputs.extend(found);
    if list_left_out {
        let hidden = left_out::ignored(root, &seen, &is_walked_report, is_annotated_copies);
        c.left_out.extend(hidden);
        c.left_out.sort_by(|a, b| a.path.cmp(&b.path));
    }
    c.annotated_folders
        .append(&mut skipped.lock().unwrap_or_else(|e| e.into_inner()));
}

/// Takes out of `found` the `links` whose report is in `found` under its own name.
fn drop_aliases(found: &mut Vec<Input>, links: &[PathBuf], aliases: &mut Vec<(PathBuf, PathBuf)>) {
    if links.is_empty() {
        return;
    }
    let is_link = |p: &Path| links.iter().any(|l| l == p);
    let walked: std::collections::HashMap<PathBuf, PathBuf> = found
        .iter()
        .filter_map(|i| match i {
            Input::Path(p) if !is_link(p) => Some((std::fs::canonicalize(p).ok()?, p.clone())),
            _ => None,
        })
        .collect();
    found.retain(|i| {
        let Input::Path(p) = i else {
            return true;
        };
        let report = is_link(p)
            .then(|| std::fs::canonicalize(p).ok())
            .flatten()
            .and_then(|target| walked.get(&target));
        match report {
            Some(report) => {
                aliases.push((p.clone(), report.clone()));
                false
            }
            None => true,
        }
    });
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// Why a symbolic link cannot be followed.
const LOOP: &str = "符号链接形成循环";

fn walk_cause(e: &std::io::Error) -> String {
    // ELOOP (40 on Linux, 62 on macOS and the BSDs); std names it only on nightly.
    const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };
    if cfg!(unix) && e.raw_os_error() == Some(ELOOP) {
        return LOOP.to_string();
    }
    source::io_cause(e)
}

fn lint_one(linter: &Linter, input: &Input) -> FileReport {
    match input {
        Input::Path(p) => linter.lint_path(p),
        Input::Bytes { name, bytes } => linter.lint_bytes(name, source::sniff(name, bytes), bytes),
        Input::Missing(p) => {
            let cause = match crate::near_name::nearest(p) {
                Some(near) => format!("文件或目录不存在（是否指 {}？）", near.display()),
                None => "文件或目录不存在".into(),
            };
            FileReport::failed(
                &p.to_string_lossy(),
                None,
                SourceError::new(ErrorKind::NotFound, cause),
            )
        }
        Input::Unreadable(p, why) => FileReport::failed(
            &p.to_string_lossy(),
            source::format_for_path(p),
            SourceError::new(ErrorKind::Io, why.clone()),
        ),
        Input::Misconfigured(p, why) => FileReport::failed(
            &p.to_string_lossy(),
            source::format_for_path(p),
            SourceError::new(ErrorKind::Config, why.clone()),
        ),
    }
}

pub fn path_of(input: &Input) -> &Path {
    match input {
        Input::Path(p)
        | Input::Missing(p)
        | Input::Unreadable(p, _)
        | Input::Misconfigured(p, _) => p,
        Input::Bytes { name, .. } => Path::new(name),
    }
}

fn name_of(input: &Input) -> String {
    match input {
        Input::Path(p)
        | Input::Missing(p)
        | Input::Unreadable(p, _)
        | Input::Misconfigured(p, _) => crate::path_text::path_text(p).into_owned(),
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
/// Input bytes read at once (a .docx holds more text than its size; a text file about 3×
/// its size once read into lines and findings).
const CHUNK_BYTES: u64 = 8 * 1024 * 1024;

/// What to do with each input.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    Check,
    Fix(FixMode),
    /// Write a copy of each .docx with findings, with comments, there.
    Annotate(&'a annotate::Destination),
}

/// One input's result.
#[derive(Debug)]
pub struct Outcome {
    pub report: FileReport,
    /// Safe fixes applied (or, for `--diff`, applicable).
    pub fixed: usize,
    pub diff: Option<Vec<u8>>,
    /// `--fix` could not write the file back (it is unchanged): why.
    pub not_written: Option<String>,
    pub annotation: Annotation,
    pub from_stdin: bool,
}

fn act(ws: &Workspace, input: &Input, action: Action<'_>) -> Outcome {
    // Configurations were loaded before the run, so this does not fail; if it did,
    // the defaults still give the file a report.
    let linter = ws
        .linter_for(path_of(input))
        .unwrap_or_else(|_| std::sync::Arc::new(Linter::with_defaults()));
    let linter = linter.as_ref();
    let outcome = match (action, input) {
        (Action::Fix(mode), Input::Path(p)) => {
            let guarded = catch_unwind(AssertUnwindSafe(|| fix::fix_file(linter, p, mode)));
            match guarded {
                Ok(o) => Outcome {
                    report: o.report,
                    fixed: o.applied,
                    diff: o.diff,
                    not_written: o.not_written,
                    annotation: Annotation::Skipped,
                    from_stdin: false,
                },
                Err(_) => Outcome::checked(lint_guarded(linter, input)),
            }
        }
        (Action::Annotate(dir), Input::Path(p)) => {
            let guarded =
                catch_unwind(AssertUnwindSafe(|| annotate::annotate_file(linter, p, dir)));
            match guarded {
                Ok((report, annotation)) => Outcome {
                    annotation,
                    ..Outcome::checked(report)
                },
                Err(_) => Outcome::checked(lint_guarded(linter, input)),
            }
        }
        _ => Outcome::checked(lint_guarded(linter, input)),
    };
    let mut outcome = Outcome {
        from_stdin: matches!(input, Input::Bytes { .. }),
        ..outcome
    };
    // Also for a file that could not be read: its folder's settings were in force.
    outcome.report.config = linter.config.path.clone();
    outcome
}

impl Outcome {
    fn checked(report: FileReport) -> Outcome {
        Outcome {
            report,
            fixed: 0,
            diff: None,
            not_written: None,
            annotation: Annotation::Skipped,
            from_stdin: false,
        }
    }
}

/// Handles every input on `jobs` threads and calls `emit` in input order.
pub fn run(
    ws: &Workspace,
    inputs: &[Input],
    jobs: usize,
    action: Action<'_>,
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
    let mut rest = inputs;
    while !rest.is_empty() {
        let (chunk, after) = rest.split_at(chunk_len(rest));
        rest = after;
        let reports: Vec<Outcome> =
            pool.install(|| chunk.par_iter().map(|i| act(ws, i, action)).collect());
        for r in reports {
            emit(r)?;
        }
    }
    Ok(())
}

/// Files in the next chunk: up to `CHUNK`, fewer when they are big, since each report keeps
/// its document until the chunk is written.
fn chunk_len(inputs: &[Input]) -> usize {
    let mut bytes = 0u64;
    let mut n = 0;
    for input in inputs.iter().take(CHUNK) {
        n += 1;
        bytes += match input {
            Input::Path(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Input::Bytes { bytes, .. } => bytes.len() as u64,
            _ => 0,
        };
        if bytes >= CHUNK_BYTES {
            break;
        }
    }
    n.max(1)
}
