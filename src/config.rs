//! gwlint.toml: found upward from each file (or given with --config). It sets the profile,
//! which rules run and how severe they are, paths to skip, extra misspellings and cited
//! titles, and custom regex rules. Errors point into the TOML with miette.

use crate::custom::{CustomRule, CustomRuleSpec};
use crate::diagnostic::{RuleMeta, Severity};
use crate::rules::citation::table::{self, DocSpec, Table};
use crate::rules::wording::lexicon::{self, Lexicon, TypoSpec};
use crate::selection::{Selection, Selector};
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAMES: [&str; 2] = ["gwlint.toml", ".gwlint.toml"];

/// The keys of `ConfigFile` that are not tables.
const TOP_LEVEL_KEYS: [&str; 5] = ["profile", "select", "ignore", "exclude", "baseline"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    profile: Option<Spanned<String>>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    per_path_ignores: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    rule: Vec<RuleFile>,
    #[serde(default)]
    typo: Vec<Spanned<TypoSpec>>,
    #[serde(default)]
    citation: Vec<Spanned<DocSpec>>,
    baseline: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    code: Spanned<String>,
    name: Spanned<String>,
    category: Spanned<String>,
    #[serde(default = "default_severity")]
    severity: Spanned<String>,
    message: Spanned<String>,
    help: Option<String>,
    pattern: Spanned<String>,
    replace: Option<Spanned<String>>,
    #[serde(default)]
    safe: bool,
    #[serde(default)]
    valid: Vec<String>,
    #[serde(default)]
    invalid: Vec<String>,
}

fn default_severity() -> Spanned<String> {
    Spanned::new(0..0, "warning".to_string())
}

/// A configuration ready to use.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it was read from (`None`: built-in defaults).
    pub path: Option<PathBuf>,
    /// Globs in the file are relative to this folder.
    pub root: PathBuf,
    pub profile: Option<String>,
    /// Why `profile` names nothing, rendered at its line: said only when it is used, since
    /// `--profile` wins over the file.
    pub profile_error: Option<ConfigError>,
    pub selection: Selection,
    pub exclude: GlobSet,
    pub per_path_ignores: Vec<(GlobSet, Vec<Selector>)>,
    pub custom: Vec<CustomRule>,
    /// The built-in lexicon with the file's `[[typo]]` entries, when it has any.
    pub lexicon: Option<Lexicon>,
    /// The built-in citation table with the file's `[[citation]]` entries, when it has any.
    pub citations: Option<Table>,
    /// `baseline = "gwlint-baseline.json"`, relative to the file's folder; `--baseline` wins.
    pub baseline: Option<std::sync::Arc<crate::baseline::Baseline>>,
    /// Where `baseline` names, relative to the current folder.
    pub baseline_file: Option<PathBuf>,
    /// Why the named baseline cannot be read.
    pub baseline_error: Option<ConfigError>,
}

/// How the message of a file that cannot be read starts.
const UNREADABLE: &str = "无法读取：";

/// A configuration error, with the file's text and the place it points at.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl ConfigError {
    /// "配置文件 gwlint.toml 第2行有误：…", in one line: where the error is, without the
    /// rendering.
    pub fn summary(&self) -> String {
        let line = self
            .span
            .as_ref()
            .and_then(|s| self.text.get(..s.start))
            .map_or(String::new(), |before| {
                format!(" 第{}行", before.matches('\n').count() + 1)
            });
        self.headline(&line)
    }

    /// "配置文件 gwlint.toml 有误：…", or for a file not there, "无法读取配置文件 …：…"
    /// (nothing in it is wrong); `place` says where in the file.
    fn headline(&self, place: &str) -> String {
        let path = self.path.display();
        match self.message.strip_prefix(UNREADABLE) {
            Some(cause) => format!("无法读取配置文件 {path}：{cause}"),
            None => format!("配置文件 {path}{place}有误：{}", self.message),
        }
    }

    /// The error rendered by miette, pointing into the TOML.
    pub fn render(&self) -> String {
        let name = self.path.display().to_string();
        let mut d = miette::MietteDiagnostic::new(self.headline(" "));
        if let Some(span) = &self.span {
            d = d.with_label(miette::LabeledSpan::at(span.clone(), "这里"));
        }
        let report = miette::Report::new(d)
            .with_source_code(crate::char_source::CharSource::new(name, self.text.clone()));
        let mut out = String::new();
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out = self.headline(" ");
        }
        out
    }
}

/// A span that shows: a point (often the end of the file, where a bracket was never
/// closed) widened to the character at or before it.
pub(crate) fn visible(text: &str, span: Range<usize>) -> Range<usize> {
    if !span.is_empty() {
        return span;
    }
    let at = span.start.min(text.len());
    match text[at..].chars().next() {
        Some(c) if c != '\n' => at..at + c.len_utf8(),
        _ => text[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(0..0, |(k, c)| k..k + c.len_utf8()),
    }
}

/// The nearest gwlint.toml in `dir` or a parent.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).ok()?;
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

/// A path pattern read as .gitignore reads it: `*` stays inside one folder, `**` crosses
/// folders, a pattern without "/" matches a name at any depth ("README.md"), and a folder's
/// name ("草稿", "草稿/") takes in everything below it. "\\" is a folder separator too.
fn path_glob(pattern: &str) -> Result<Glob, String> {
    let slashed = pattern.replace('\\', "/");
    let anchored = slashed.trim_start_matches("./");
    let (name, folder_only) = match anchored.strip_suffix('/') {
        Some(n) => (n, true),
        None => (anchored, false),
    };
    let located = if name.trim_start_matches('/').contains('/') || name.starts_with('/') {
        name.trim_start_matches('/').to_string()
    } else {
        format!("**/{name}")
    };
    let plain = !name.contains(['*', '?', '[', '{']);
    let full = if folder_only {
        format!("{located}/**")
    } else if plain {
        format!("{{{located},{located}/**}}")
    } else {
        located
    };
    GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("路径模式“{pattern}”无效：{}", glob_cause(&e)))
}

fn glob_cause(e: &globset::Error) -> &'static str {
    use globset::ErrorKind as K;
    match e.kind() {
        K::InvalidRecursive => "“**”只能单独作为一段路径，如“草稿/**”或“**/旧稿”",
        K::UnclosedClass => "“[”没有对应的“]”",
        K::InvalidRange(..) => "“[…]”中的字符范围无效",
        K::UnopenedAlternates => "“}”前面没有对应的“{”",
        K::UnclosedAlternates => "“{”没有对应的“}”",
        K::NestedAlternates => "“{…}”不能嵌套",
        K::DanglingEscape => "末尾的“\\”后面缺少字符",
        _ => "写法无效",
    }
}

fn globs(
    patterns: &[Spanned<String>],
    fail: &dyn Fn(String, Range<usize>) -> ConfigError,
) -> Result<GlobSet, ConfigError> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(path_glob(p.get_ref()).map_err(|e| fail(e, p.span()))?);
    }
    b.build()
        .map_err(|e| fail(glob_cause(&e).to_string(), 0..0))
}

/// Builds a table from entries; an error names the index of the bad entry.
type BuildFromEntries<S, T> = fn(Vec<S>) -> Result<T, EntryError>;

/// What is wrong with one of the file's `[[typo]]` or `[[citation]]` entries.
#[derive(Debug)]
pub struct EntryError {
    pub index: usize,
    /// The key at fault, when known: the error points at its line.
    pub field: Option<&'static str>,
    pub message: String,
}

impl EntryError {
    pub fn of(index: usize, message: String) -> EntryError {
        EntryError {
            index,
            field: None,
            message,
        }
    }
}

/// The line of `field` in the array-of-tables entry whose header is at `header`: toml
/// spans such an entry by its header alone.
fn field_line(text: &str, header: &Range<usize>, field: &str) -> Option<Range<usize>> {
    let mut at = header.end;
    for line in text[header.end..].split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            return None;
        }
        let key = t
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        if key == field && t.contains('=') {
            let start = at + (line.len() - t.len());
            return Some(start..at + line.trim_end().len());
        }
        at += line.len();
    }
    None
}

/// A built-in table extended by the file's entries (`None` when there are none); an error
/// points at the entry that caused it.
fn extended<S, T, K: std::hash::Hash + Eq>(
    entries: Vec<Spanned<S>>,
    build: BuildFromEntries<S, T>,
    identity: fn(&S) -> K,
    key: &str,
    text: &str,
    fail: &dyn Fn(String, Range<usize>) -> ConfigError,
) -> Result<Option<T>, ConfigError> {
    if entries.is_empty() {
        return Ok(None);
    }
    let spans: Vec<Range<usize>> = entries.iter().map(Spanned::span).collect();
    // A second entry for the same word or document would be silently shadowed by the first.
    let mut first_of = std::collections::HashMap::new();
    for (k, entry) in entries.iter().enumerate() {
        if let Some(first) = first_of.insert(identity(entry.get_ref()), k) {
            return Err(fail(
                format!(
                    "[[{key}]] 第 {} 项与第 {} 项重复：同一条目只能写一次，请合并",
                    k + 1,
                    first + 1
                ),
                spans[k].clone(),
            ));
        }
    }
    build(entries.into_iter().map(Spanned::into_inner).collect())
        .map(Some)
        .map_err(|e| {
            let header = spans.get(e.index).cloned().unwrap_or(0..0);
            let span = e
                .field
                .and_then(|f| field_line(text, &header, f))
                .unwrap_or(header);
            fail(
                format!("[[{key}]] 第 {} 项：{}", e.index + 1, e.message),
                span,
            )
        })
}

/// The table header ("[severity]") above the line at byte `at`, when that line sets a
/// top-level key ("exclude = …").
fn table_over_top_level_key(text: &str, at: usize) -> Option<&str> {
    let at = crate::text::floor_char(text, at.min(text.len()));
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let key = text[line_start..].split(['=', '\n']).next()?.trim();
    if !TOP_LEVEL_KEYS.contains(&key) {
        return None;
    }
    text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.split('#').next().unwrap_or(l).trim())
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            message: format!("{UNREADABLE}{}", crate::source::io_cause(&e)),
            span: None,
        })?;
        Config::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let fail = |message: String, span: Range<usize>| ConfigError {
            path: path.to_path_buf(),
            text: text.to_string(),
            message,
            span: (!span.is_empty()).then_some(span),
        };
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let span = e.span().map_or(0..0, |s| visible(text, s));
            let mut message = crate::toml_zh::translate(e.message());
            // A top-level key written below a table belongs to that table: to a struct's
            // an unknown field, to [severity]'s a value of the wrong type.
            let unknown_top = TOP_LEVEL_KEYS
                .iter()
                .any(|k| e.message().starts_with(&format!("unknown field `{k}`")));
            match table_over_top_level_key(text, span.start) {
                Some(table) => message.push_str(&format!(
                    "；它写在了 {table} 之下，被当作这个表的项：顶层设置要写在文件开头、第一个 [表] 或 [[表]] 之前"
                )),
                None if unknown_top => message.push_str("；它是顶层设置，要写在文件开头、第一个 [表] 或 [[表]] 之前，否则会被当作上面那个表的项"),
                None => {}
            }
            fail(message, span)
        })?;
        let mut custom = Vec::new();
        for r in file.rule {
            let spans = [
                ("code", r.code.span()),
                ("name", r.name.span()),
                ("category", r.category.span()),
                ("severity", r.severity.span()),
                ("pattern", r.pattern.span()),
                ("replace", r.replace.as_ref().map_or(0..0, Spanned::span)),
            ];
            // Two rules under one code or name could not be told apart by `ignore`,
            // `[severity]` or a baseline.
            if let Some(first) = custom.iter().position(|c: &CustomRule| {
                c.meta.code == r.code.get_ref().as_str() || c.meta.name == r.name.get_ref().as_str()
            }) {
                let (what, span) = if custom[first].meta.code == r.code.get_ref().as_str() {
                    ("代码", r.code.span())
                } else {
                    ("名称", r.name.span())
                };
                return Err(fail(
                    format!(
                        "[[rule]] 第 {} 项与第 {} 项的规则{what}相同：每条自定义规则的代码和名称都不能重复",
                        custom.len() + 1,
                        first + 1
                    ),
                    span,
                ));
            }
            let spec = CustomRuleSpec {
                code: r.code.into_inner(),
                name: r.name.into_inner(),
                category: r.category.into_inner(),
                severity: r.severity.into_inner(),
                message: r.message.into_inner(),
                help: r.help,
                pattern: r.pattern.into_inner(),
                replace: r.replace.map(Spanned::into_inner),
                safe: r.safe,
                valid: r.valid,
                invalid: r.invalid,
            };
            let rule = CustomRule::build(spec).map_err(|e| {
                let span = spans
                    .iter()
                    .find(|(f, _)| *f == e.field)
                    .map_or(0..0, |(_, s)| s.clone());
                fail(e.message, span)
            })?;
            custom.push(rule);
        }
        let lexicon = extended(
            file.typo,
            Lexicon::with_extra,
            TypoSpec::identity,
            "typo",
            text,
            &fail,
        )?;
        let citations = extended(
            file.citation,
            Table::with_extra,
            DocSpec::identity,
            "citation",
            text,
            &fail,
        )?;
        let metas: Vec<&'static RuleMeta> = custom.iter().map(|r| r.meta).collect();
        let selectors = |list: &[Spanned<String>]| -> Result<Vec<Selector>, ConfigError> {
            list.iter()
                .map(|s| Selector::parse_with(s.get_ref(), &metas).map_err(|m| fail(m, s.span())))
                .collect()
        };
        let mut severity_overrides = Vec::new();
        // In the order written, so that a second entry for one rule is the one pointed at.
        let mut entries: Vec<_> = file.severity.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        let mut seen: Vec<(Selector, &str)> = Vec::new();
        for (key, value) in entries {
            let selector =
                Selector::parse_with(key.get_ref(), &metas).map_err(|m| fail(m, key.span()))?;
            let sev = Severity::parse(value.get_ref()).ok_or_else(|| {
                fail(
                    format!(
                        "未知的级别“{}”：应为 error、warning 或 info（或 错误、警告、提示）",
                        value.get_ref()
                    ),
                    value.span(),
                )
            })?;
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == selector) {
                return Err(fail(
                    format!(
                        "[severity] 中“{}”与“{first}”指同一条规则或类别：只能写一次",
                        key.get_ref()
                    ),
                    key.span(),
                ));
            }
            seen.push((selector.clone(), key.get_ref().as_str()));
            severity_overrides.push((selector, sev));
        }
        let mut per_path_ignores = Vec::new();
        for (pattern, list) in &file.per_path_ignores {
            // The map's keys carry no span: find the quoted key in the text.
            let key_span = text
                .find(&format!("\"{pattern}\""))
                .map_or(0..0, |k| k..k + pattern.len() + 2);
            let glob = path_glob(pattern).map_err(|e| fail(e, key_span))?;
            let set = GlobSetBuilder::new()
                .add(glob)
                .build()
                .map_err(|e| fail(glob_cause(&e).to_string(), 0..0))?;
            per_path_ignores.push((set, selectors(list)?));
        }
        let root = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        // A baseline that cannot be read is said only when it is applied: the run that
        // writes it anew, or one with --no-baseline, does not need it.
        let baseline_file = file.baseline.as_ref().map(|b| root.join(b.get_ref()));
        // One not written yet applies nothing: every finding is reported, which is safe.
        let (baseline, baseline_error) = match (&file.baseline, &baseline_file) {
            (Some(_), Some(at)) if !at.exists() => (None, None),
            (Some(b), Some(at)) => match crate::baseline::Baseline::load(at) {
                Ok(loaded) => (Some(std::sync::Arc::new(loaded)), None),
                Err(m) => (None, Some(fail(m, b.span()))),
            },
            _ => (None, None),
        };
        let mut profile_error = None;
        Ok(Config {
            path: Some(path.to_path_buf()),
            // "gwlint.toml" has the parent "": the current folder.
            root,
            profile: match file.profile {
                Some(p) => {
                    let span = p.span();
                    let name = p.into_inner();
                    let relative = path.parent().map(|d| d.join(&name));
                    let resolved = match relative {
                        Some(r) if crate::profile::is_toml_path(&name) => {
                            r.to_string_lossy().into_owned()
                        }
                        _ => name,
                    };
                    profile_error =
                        crate::profile::Profile::not_found(&resolved).map(|why| fail(why, span));
                    Some(resolved)
                }
                None => None,
            },
            profile_error,
            selection: Selection {
                select: selectors(&file.select)?,
                ignore: selectors(&file.ignore)?,
                severity_overrides,
                ..Selection::default()
            },
            exclude: globs(&file.exclude, &fail)?,
            per_path_ignores,
            custom,
            lexicon,
            citations,
            baseline,
            baseline_file,
            baseline_error,
        })
    }

    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.as_ref().unwrap_or_else(|| lexicon::get())
    }

    pub fn citations(&self) -> &Table {
        self.citations.as_ref().unwrap_or_else(|| table::get())
    }

    /// The path relative to the config's folder, for its globs; a file outside it (a
    /// `--config` kept apart from the reports) relative to the current folder, however the
    /// path was typed ("市", "./市", "/work/市" alike).
    pub fn relative<'a>(&self, path: &'a Path) -> std::borrow::Cow<'a, Path> {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        match abs
            .strip_prefix(std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone()))
        {
            Ok(rel) => std::borrow::Cow::Owned(rel.to_path_buf()),
            Err(_) => std::borrow::Cow::Owned(crate::workspace::from_here(&abs)),
        }
    }

    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.is_match(self.relative(path).as_ref())
    }

    /// Rules switched off for this path by `per-path-ignores`.
    pub fn ignored_here(&self, path: &Path) -> Vec<Selector> {
        let rel = self.relative(path);
        self.per_path_ignores
            .iter()
            .filter(|(g, _)| g.is_match(rel.as_ref()))
            .flat_map(|(_, s)| s.iter().cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/tmp/x/gwlint.toml"), text)
    }

    #[test]
    fn full_config() {
        let c = parse(
            r#"
profile = "fazhi-report"
select = ["structure", "signature", "ORG001"]
ignore = ["GW0106"]
exclude = ["草稿/**"]
[severity]
GW0103 = "error"
GW0104 = "警告"
[per-path-ignores]
"历史/*.txt" = ["signature"]
[[rule]]
code = "ORG001"
name = "no-jiaodai"
category = "wording"
message = "“交待”应为“交代”"
pattern = "交待"
valid = ["交代"]
invalid = ["交待"]
"#,
        )
        .unwrap();
        assert_eq!(c.profile.as_deref(), Some("fazhi-report"));
        assert_eq!(c.selection.select.len(), 3);
        assert_eq!(c.custom.len(), 1);
        assert!(c.exclude.is_match("草稿/a.docx"));
        assert_eq!(c.per_path_ignores.len(), 1);
        // A severity in Chinese, as `explain` shows it.
        assert_eq!(c.selection.severity_overrides[1].1, Severity::Warning);
    }

    /// Path patterns are read like .gitignore's: `*` stays in its folder, a bare name
    /// matches at any depth, `**` crosses folders.
    #[test]
    fn path_patterns_read_like_gitignore() {
        let c = parse(
            "exclude = [\"README.md\", \"草稿/**\", \"/根目录.txt\"]\n[per-path-ignores]\n\"历史/*.txt\" = [\"signature\"]\n",
        )
        .unwrap();
        for excluded in [
            "README.md",
            "docs/README.md",
            "草稿/a.docx",
            "草稿/旧/b.txt",
            "根目录.txt",
        ] {
            assert!(c.exclude.is_match(excluded), "{excluded}");
        }
        for kept in ["docs/README.md.txt", "定稿/草稿/a.docx", "sub/根目录.txt"] {
            assert!(!c.exclude.is_match(kept), "{kept}");
        }
        // A folder's name, with or without the slash, or written with "\\".
        for pattern in ["草稿", "草稿/", "./草稿", "旧稿\\草稿"] {
            let folder = parse(&format!("exclude = ['{pattern}']\n")).unwrap();
            assert!(folder.exclude.is_match("旧稿/草稿/a.txt"), "{pattern}");
        }
        let folder = parse("exclude = ['草稿/']\n").unwrap();
        assert!(!folder.exclude.is_match("草稿.txt"));
        let (history, _) = &c.per_path_ignores[0];
        assert!(history.is_match("历史/x.txt"));
        assert!(!history.is_match("历史/2020/旧/y.txt"));
        let e = parse("exclude = [\"草稿/[**\"]\n").unwrap_err();
        assert!(e.message.contains("“[”没有对应的“]”"), "{}", e.message);
        assert!(!e.message.contains("error parsing glob"), "{}", e.message);
    }

    #[test]
    fn extra_typos_and_citations_extend_the_builtin_lists() {
        let c = parse(
            r#"
[[typo]]
wrong = "青河市"
right = "青禾市"
note = "本市名称"
[[citation]]
title = "青禾市卫生健康促进条例"
since = 2023
"#,
        )
        .unwrap();
        let lex = c.lexicon();
        assert_eq!(lex.typos[0].wrong, "青河市");
        assert!(!lex.typos[0].safe);
        assert!(lex.typos.len() > 1, "the built-in entries are kept");
        assert!(c.citations().find_full("青禾市卫生健康促进条例").is_some());
        // A user entry replaces the built-in one with the same title and years.
        let c = parse(
            r#"
[[citation]]
title = "法治政府建设实施纲要"
years = [2026, 2030]
since = 2026
[[citation]]
title = "法治政府建设实施纲要"
years = [2021, 2025]
since = 2021
superseded_by = "法治政府建设实施纲要（2026—2030年）"
"#,
        )
        .unwrap();
        let old = c
            .citations()
            .find_full("法治政府建设实施纲要（2021—2025年）");
        assert_eq!(
            old.and_then(|d| d.superseded_by.as_deref()),
            Some("法治政府建设实施纲要（2026—2030年）")
        );
        // Without entries the built-in tables are shared, not rebuilt.
        let plain = parse("").unwrap();
        assert!(plain.lexicon.is_none() && plain.citations.is_none());
    }

    #[test]
    fn bad_extra_entries_point_at_the_entry() {
        let text = "[[typo]]\nwrong = \"甲\"\nright = \"乙\"\n[[typo]]\nwrong = \"丙\"\nright = \"丁\"\nafter = \"(\"\n";
        let e = parse(text).unwrap_err();
        assert!(e.message.contains("[[typo]] 第 2 项"), "{}", e.message);
        // At the key at fault, not at the entry's header.
        assert_eq!(&text[e.span.clone().unwrap()], "after = \"(\"");
        // A class name only compiling can reject is caught when the file is loaded too.
        let text = "[[typo]]\nwrong = \"甲\"\nright = \"乙\"\n  not_before = '\\p{Nope}'\n";
        let e = parse(text).unwrap_err();
        assert!(e.message.contains("Nope"), "{}", e.message);
        assert_eq!(&text[e.span.clone().unwrap()], "not_before = '\\p{Nope}'");
        let text = "[[citation]]\ntitle = \"某条例\"\nyears = [2025, 2021]\nsince = 2021\n";
        let e = parse(text).unwrap_err();
        assert!(e.message.contains("2025—2021"), "{}", e.message);
        assert_eq!(e.span.clone().unwrap().start, 0);
    }

    #[test]
    fn a_repeated_extra_entry_is_refused_at_the_second() {
        let typo = "[[typo]]\nwrong = \"青河市\"\nright = \"青禾市\"\n";
        let text = format!("{typo}[[typo]]\nwrong = \"某某\"\nright = \"某\"\n{typo}");
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("第 3 项与第 1 项重复"), "{}", e.message);
        assert_eq!(
            e.span.clone().unwrap().start,
            text.rfind("[[typo]]").unwrap()
        );
        // The same document written with other spacing and brackets is the same entry.
        let text = "[[citation]]\ntitle = \"某条例(试行)\"\nyears = [2021, 2025]\nsince = 2021\n\
                    [[citation]]\ntitle = \"某 条例（试行）\"\nyears = [2021, 2025]\nsince = 2022\n";
        let e = parse(text).unwrap_err();
        assert!(
            e.message.contains("[[citation]] 第 2 项与第 1 项重复"),
            "{}",
            e.message
        );
        // Other years make another document.
        let other = text.replace("[2021, 2025]\nsince = 2022", "[2026, 2030]\nsince = 2026");
        assert!(parse(&other).is_ok(), "{other}");
    }

    /// Mistakes a file would otherwise hide: two rules under one code, two levels for one
    /// rule, a title in its marks, a typo that corrects nothing, a top-level key in a table.
    #[test]
    fn entries_that_would_be_shadowed_or_dead_are_refused() {
        let rule = |code: &str, name: &str| {
            format!(
                "[[rule]]\ncode = \"{code}\"\nname = \"{name}\"\ncategory = \"wording\"\nmessage = \"m\"\npattern = \"本局\"\n"
            )
        };
        let text = format!("{}{}", rule("ORG001", "a"), rule("ORG001", "b"));
        let e = parse(&text).unwrap_err();
        assert!(
            e.message.contains("第 2 项与第 1 项的规则代码相同"),
            "{}",
            e.message
        );
        assert_eq!(e.span.clone().map(|s| s.start), text.rfind("\"ORG001\""));
        let text = format!("{}{}", rule("ORG001", "a"), rule("ORG002", "a"));
        assert!(parse(&text).unwrap_err().message.contains("规则名称相同"));

        let text = "[severity]\nsum-mismatch = \"error\"\nGW0401 = \"warning\"\n";
        let e = parse(text).unwrap_err();
        assert!(
            e.message.contains("“GW0401”与“sum-mismatch”指同一条规则"),
            "{}",
            e.message
        );
        assert_eq!(&text[e.span.clone().unwrap()], "GW0401");

        let text = "[[citation]]\ntitle = \"《青禾县卫生健康促进条例》\"\nsince = 2023\n";
        let e = parse(text).unwrap_err();
        assert!(
            e.message.contains("写成“青禾县卫生健康促进条例”"),
            "{}",
            e.message
        );
        let text = "[[typo]]\nwrong = \"青禾县\"\nright = \"青禾县\"\n";
        assert!(parse(text).unwrap_err().message.contains("不会起任何作用"));

        let text = format!("{}select = [\"wording\"]\n", rule("ORG001", "a"));
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("写在了 [[rule]] 之下"), "{}", e.message);
        // Under [severity], any key is a code: the value's type is what fails.
        let text = "[severity]\nGW0501 = \"info\"\nexclude = [\"草稿/**\"]\n";
        let e = parse(text).unwrap_err();
        assert!(
            e.message.contains("写在了 [severity] 之下") && e.message.contains("顶层设置"),
            "{}",
            e.message
        );
    }

    #[test]
    fn errors_point_at_the_value() {
        let text = "select = [\"structure\", \"GW9999\"]\n";
        let e = parse(text).unwrap_err();
        assert!(e.message.contains("GW9999"));
        assert_eq!(&text[e.span.clone().unwrap()], "\"GW9999\"");
        let text = "[[rule]]\ncode = \"ORG1\"\nname = \"x\"\ncategory = \"wording\"\nmessage = \"m\"\npattern = \"(\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(&text[e.span.clone().unwrap()], "\"(\"");
        assert!(
            e.render()
                .contains("正则表达式无效：“(”没有对应的“)”（第1个字符处）")
        );
        assert!(!e.render().contains("regex parse error"));
        let e = parse("selct = []\n").unwrap_err();
        assert!(e.message.contains("selct"), "{}", e.message);
        // An unknown code in [severity] is the key, not its level.
        let text = "[severity]\nGW9612 = \"error\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(&text[e.span.clone().unwrap()], "GW9612");
        let text = "[severity]\nGW0501 = \"fatal\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(&text[e.span.clone().unwrap()], "\"fatal\"");
    }
}
