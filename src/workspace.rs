//! Which configuration applies to which file: --config for all, or the nearest
//! gwlint.toml above each file; one `Linter` per configuration, built once.

use crate::Linter;
use crate::config::{self, Config};
use crate::diagnostic::Severity;
use crate::profile::{DEFAULT_PROFILE, Profile};
use crate::selection::Selection;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Command-line settings, which win over the configuration file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub profile: Option<String>,
    /// Replaces the file's `select` and `ignore` (as ruff's does): what is asked for by
    /// name on the command line runs.
    pub select: Option<String>,
    /// Added to the file's `ignore`.
    pub ignore: Option<String>,
    pub min_severity: Severity,
    pub baseline: Option<std::sync::Arc<crate::baseline::Baseline>>,
    /// --no-baseline: findings are reported even when a gwlint.toml names a baseline.
    pub no_baseline: bool,
    /// --output: a gwlint.toml's baseline that this run writes over is being written
    /// anew, so it is not applied to the run that writes it.
    pub output: Option<PathBuf>,
    /// --isolated: no gwlint.toml is read; every file gets the defaults.
    pub isolated: bool,
}

pub struct Workspace {
    overrides: Overrides,
    /// Set by --config: every file uses it.
    fixed: Option<Arc<Linter>>,
    /// Keyed by configuration file (`None`: no file found, the defaults).
    linters: Mutex<HashMap<Option<PathBuf>, Arc<Linter>>>,
    /// Folder → its nearest configuration file.
    found: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// The configured baselines this run writes over, and so does not apply.
    rewritten: Mutex<std::collections::BTreeSet<PathBuf>>,
    /// Found configuration files without a baseline below one that has it: (file, the
    /// one above).
    shadowed: Mutex<std::collections::BTreeSet<(PathBuf, PathBuf)>>,
    /// Other notes on the configurations used (a baseline not written yet, a second
    /// configuration file in one folder), each said once.
    noted: Mutex<std::collections::BTreeSet<String>>,
}

/// The first line of a rendered error, without miette's mark.
fn first_line(rendered: &str) -> String {
    let line = rendered
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    line.trim_start_matches([' ', '×']).trim().to_string()
}

/// Why no linter could be made for a file.
pub enum ConfigProblem {
    /// The gwlint.toml found for the file cannot be used: only the files under it fail.
    File {
        path: PathBuf,
        /// The error as miette renders it, pointing into the TOML.
        rendered: String,
        /// One line for the file's report.
        summary: String,
    },
    /// The command line's settings cannot be used: the run stops.
    Run(String),
}

impl From<ConfigProblem> for String {
    fn from(p: ConfigProblem) -> String {
        match p {
            ConfigProblem::File { rendered, .. } | ConfigProblem::Run(rendered) => rendered,
        }
    }
}

/// Why `Linter::configured` failed: the configuration file's profile, or the command line.
enum Unusable {
    Profile(String),
    Run(String),
}

impl From<String> for Unusable {
    fn from(message: String) -> Unusable {
        Unusable::Run(message)
    }
}

impl From<Unusable> for String {
    fn from(u: Unusable) -> String {
        match u {
            Unusable::Profile(m) | Unusable::Run(m) => m,
        }
    }
}

impl Linter {
    /// A linter for a configuration, with the command line's overrides applied; the
    /// configuration's own faults are `Workspace::fault`'s.
    fn configured(config: Config, o: &Overrides) -> Result<Linter, Unusable> {
        let profile = match (&o.profile, &config.profile) {
            (Some(name), _) => Profile::resolve(name)?,
            (None, Some(name)) => Profile::resolve(name).map_err(Unusable::Profile)?,
            (None, None) => Profile::resolve(DEFAULT_PROFILE)?,
        };
        let custom: Vec<_> = config.custom.iter().map(|r| r.meta).collect();
        let mut selection: Selection = config.selection.clone();
        if let Some(s) = &o.select {
            selection.select = Selection::parse_list_with(s, &custom)?;
            selection.ignore.clear();
        }
        if let Some(s) = &o.ignore {
            selection
                .ignore
                .extend(Selection::parse_list_with(s, &custom)?);
        }
        selection.min_severity = o.min_severity;
        let baseline = if o.no_baseline {
            None
        } else {
            o.baseline.clone().or_else(|| config.baseline.clone())
        };
        Ok(Linter {
            profile,
            selection,
            config,
            baseline,
        })
    }
}

impl Workspace {
    /// Fails, with the error rendered, when --config or the profile cannot be used.
    pub fn new(config: Option<&Path>, overrides: Overrides) -> Result<Workspace, String> {
        let mut ws = Workspace {
            overrides,
            fixed: None,
            linters: Mutex::new(HashMap::new()),
            found: Mutex::new(HashMap::new()),
            rewritten: Mutex::new(std::collections::BTreeSet::new()),
            shadowed: Mutex::new(std::collections::BTreeSet::new()),
            noted: Mutex::new(std::collections::BTreeSet::new()),
        };
        ws.fixed = match config {
            Some(p) => {
                let c = ws.unless_rewritten(Config::load(p).map_err(|e| e.render())?);
                if let Some(e) = ws.fault(&c) {
                    return Err(e.render());
                }
                ws.note_unwritten_baseline(&c);
                ws.note_second_file(p);
                Some(Arc::new(Linter::configured(c, &ws.overrides)?))
            }
            None if ws.overrides.isolated => Some(Arc::new(Linter::configured(
                Config::default(),
                &ws.overrides,
            )?)),
            None => None,
        };
        Ok(ws)
    }

    /// The configuration without its baseline when this run's output is that baseline
    /// (which may not exist yet, or be damaged: it is being written anew).
    fn unless_rewritten(&self, mut config: Config) -> Config {
        if let (Some(b), Some(out)) = (&config.baseline_file, &self.overrides.output)
            && same_file(b, out)
        {
            config.baseline = None;
            config.baseline_error = None;
            let mut rewritten = self.rewritten.lock().unwrap_or_else(|e| e.into_inner());
            rewritten.insert(out.clone());
        }
        config
    }

    /// Why a configuration cannot be used in this run: a profile it names that does not
    /// exist (unless --profile replaces it), or a baseline it applies that cannot be read.
    fn fault<'c>(&self, config: &'c Config) -> Option<&'c config::ConfigError> {
        let o = &self.overrides;
        let profile = config
            .profile_error
            .as_ref()
            .filter(|_| o.profile.is_none());
        let baseline_applied = !o.no_baseline && o.baseline.is_none();
        profile.or(config.baseline_error.as_ref().filter(|_| baseline_applied))
    }

    /// A baseline named but not written yet: the run goes on without it, and says so.
    fn note_unwritten_baseline(&self, config: &Config) {
        let o = &self.overrides;
        let (Some(file), Some(baseline)) = (&config.path, &config.baseline_file) else {
            return;
        };
        if config.baseline.is_some() || o.baseline.is_some() || o.no_baseline || baseline.exists() {
            return;
        }
        self.note(format!(
            "注意：{} 指定的基线文件 {} 还不存在，本次报告所有问题；要接受现有问题，运行 gwlint check --format baseline --output {} 生成它",
            file.display(),
            baseline.display(),
            baseline.display()
        ));
    }

    /// gwlint.toml is read where .gwlint.toml is beside it: the other is not merged.
    fn note_second_file(&self, file: &Path) {
        let [first, second] = config::FILE_NAMES;
        let beside = file.with_file_name(second);
        if file.file_name().is_some_and(|n| n == first) && beside.is_file() {
            self.note(format!(
                "注意：{} 与 {} 在同一目录，只读取前者，后者的设置不起作用",
                file.display(),
                beside.display()
            ));
        }
    }

    fn note(&self, message: String) {
        let mut noted = self.noted.lock().unwrap_or_else(|e| e.into_inner());
        noted.insert(message);
    }

    /// A unit's own gwlint.toml replaces the one above it: a baseline named only above
    /// does not apply to the unit's files, which would surprise a team.
    fn note_shadowed_baseline(&self, file: &Path, config: &Config) {
        let o = &self.overrides;
        if config.baseline_file.is_some() || o.baseline.is_some() || o.no_baseline {
            return;
        }
        let Some(above) = file
            .parent()
            .and_then(Path::parent)
            .and_then(config::discover)
        else {
            return;
        };
        if Config::load(&above).is_ok_and(|c| c.baseline_file.is_some()) {
            let mut shadowed = self.shadowed.lock().unwrap_or_else(|e| e.into_inner());
            shadowed.insert((file.to_path_buf(), above));
        }
    }

    /// Notes for the user about the configurations found: a baseline that a nearer
    /// gwlint.toml keeps from its files.
    pub fn notes(&self) -> Vec<String> {
        let shadowed = self.shadowed.lock().unwrap_or_else(|e| e.into_inner());
        let noted = self.noted.lock().unwrap_or_else(|e| e.into_inner());
        let shadowed = shadowed.iter().map(|(file, above)| {
            format!(
                "注意：{} 下的文件按 {} 检查，它不继承 {} 的设置，那里的基线不适用于这些文件（可在前者中也写上 baseline）",
                file.parent().unwrap_or(file).display(),
                file.display(),
                above.display()
            )
        });
        shadowed.chain(noted.iter().cloned()).collect()
    }

    /// The configured baselines that this run writes anew (see `Overrides::output`).
    pub fn rewritten_baselines(&self) -> Vec<PathBuf> {
        let rewritten = self.rewritten.lock().unwrap_or_else(|e| e.into_inner());
        rewritten.iter().cloned().collect()
    }

    fn config_file_for(&self, path: &Path) -> Option<PathBuf> {
        let dir = if path.is_dir() {
            path.to_path_buf()
        } else {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf()
        };
        let mut found = self.found.lock().unwrap_or_else(|e| e.into_inner());
        found
            .entry(dir.clone())
            .or_insert_with(|| config::discover(&dir))
            .clone()
    }

    /// The baselines applied so far: --baseline's, or those the configurations name.
    pub fn baselines(&self) -> Vec<Arc<crate::baseline::Baseline>> {
        let linters = self.linters.lock().unwrap_or_else(|e| e.into_inner());
        let mut out: Vec<Arc<crate::baseline::Baseline>> = Vec::new();
        for b in self
            .fixed
            .iter()
            .chain(linters.values())
            .filter_map(|l| l.baseline.clone())
        {
            if !out.iter().any(|o| Arc::ptr_eq(o, &b)) {
                out.push(b);
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    /// The linter for a file (or folder); a broken configuration file is an error.
    pub fn linter_for(&self, path: &Path) -> Result<Arc<Linter>, ConfigProblem> {
        if let Some(l) = &self.fixed {
            return Ok(l.clone());
        }
        let key = self.config_file_for(path);
        let mut linters = self.linters.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(l) = linters.get(&key) {
            return Ok(l.clone());
        }
        let config = match &key {
            Some(p) => {
                let problem = |e: &config::ConfigError| ConfigProblem::File {
                    path: p.clone(),
                    rendered: e.render(),
                    summary: e.summary(),
                };
                let config = self.unless_rewritten(Config::load(p).map_err(|e| problem(&e))?);
                if let Some(e) = self.fault(&config) {
                    return Err(problem(e));
                }
                config
            }
            None => Config::default(),
        };
        if let Some(p) = &key {
            self.note_shadowed_baseline(p, &config);
            self.note_unwritten_baseline(&config);
            self.note_second_file(p);
        }
        let linter = Linter::configured(config, &self.overrides).map_err(|u| match (u, &key) {
            // One unit's broken copy of the profile fails only the files under its gwlint.toml.
            (Unusable::Profile(rendered), Some(path)) => ConfigProblem::File {
                path: path.clone(),
                summary: first_line(&rendered),
                rendered,
            },
            (u, _) => ConfigProblem::Run(u.into()),
        })?;
        let linter = Arc::new(linter);
        linters.insert(key, linter.clone());
        Ok(linter)
    }

    /// What the configuration file, once used, checks less than the defaults.
    pub fn leniency_of(&self, config: &Path) -> Option<String> {
        let linters = self.linters.lock().unwrap_or_else(|e| e.into_inner());
        let linter = linters.get(&Some(config.to_path_buf()))?;
        crate::leniency::of(&linter.config)
    }

    /// The configuration file whose `exclude` patterns cover this path, if one does.
    pub fn excluded_by(&self, path: &Path) -> Option<PathBuf> {
        let linter = self.linter_for(path).ok()?;
        let config = &linter.config;
        config
            .excludes(path)
            .then(|| config.path.clone().unwrap_or_else(|| "gwlint.toml".into()))
    }
}

/// Of the gwlint.toml files `used`, those inside a folder being checked rather than at its
/// top or above it: a unit's own, sent with its report, which may turn checks off.
pub fn unit_configs(used: &[PathBuf], checked: &[PathBuf]) -> Vec<PathBuf> {
    let roots: Vec<PathBuf> = checked
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    used.iter()
        .filter(|c| {
            let folder = c.parent().and_then(|f| std::fs::canonicalize(f).ok());
            folder.is_some_and(|f| roots.iter().any(|r| f != *r && f.starts_with(r)))
        })
        .cloned()
        .collect()
}

/// A path below the current folder as a relative one, as a user would type it; others
/// as they are. Configuration and ignore files are found by resolved paths.
pub fn from_here(p: &Path) -> PathBuf {
    let here = std::env::current_dir().and_then(std::fs::canonicalize);
    match here
        .ok()
        .and_then(|h| p.strip_prefix(h).ok().map(Path::to_path_buf))
    {
        Some(rest) if !rest.as_os_str().is_empty() => rest,
        _ => p.to_path_buf(),
    }
}

/// Two names of one file, which may not exist yet: compared by their resolved folders.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let resolved = |p: &Path| {
        std::fs::canonicalize(p).ok().or_else(|| {
            let folder = p.parent().filter(|d| !d.as_os_str().is_empty());
            let folder = std::fs::canonicalize(folder.unwrap_or(Path::new("."))).ok()?;
            Some(folder.join(p.file_name()?))
        })
    };
    resolved(a).is_some_and(|a| Some(a) == resolved(b))
}
