//! What a configuration checks less than the defaults: a unit's own gwlint.toml, sent
//! with its report, can turn rules off or down, and a supervisor's summary says so.

use crate::config::Config;
use crate::profile::{DEFAULT_PROFILE, Profile};
use crate::rules;
use crate::selection::Selection;

/// How many codes a list names before "等".
const SHOWN: usize = 5;

/// "关闭了 2 条规则（GW0401、GW0402）；降低了 1 条规则的级别（GW0403 错误→提示）", or
/// `None` when the configuration checks all the defaults do, as strictly.
pub fn of(config: &Config) -> Option<String> {
    let defaults = Selection::default();
    let chosen = &config.selection;
    let mut off = Vec::new();
    let mut lowered = Vec::new();
    for rule in rules::all().filter(|r| defaults.enabled(r)) {
        if !chosen.enabled(rule) {
            off.push(rule.code.to_string());
        } else if let Some(level) = chosen.severity_override(rule)
            && level < rule.severity
        {
            lowered.push(format!(
                "{} {}→{}",
                rule.code,
                rule.severity.label_zh(),
                level.label_zh()
            ));
        }
    }
    let mut said = Vec::new();
    if !off.is_empty() {
        said.push(format!("关闭了 {} 条规则（{}）", off.len(), listed(&off)));
    }
    if !lowered.is_empty() {
        said.push(format!(
            "降低了 {} 条规则的级别（{}）",
            lowered.len(),
            listed(&lowered)
        ));
    }
    if !config.per_path_ignores.is_empty() {
        said.push("对部分文件关闭了规则（per-path-ignores）".into());
    }
    if chosen.min_severity > defaults.min_severity {
        said.push(format!(
            "只列出{}及以上的问题",
            chosen.min_severity.label_zh()
        ));
    }
    if config.baseline.is_some() {
        said.push("按基线略去了已接受的问题".into());
    }
    if let Some(name) = &config.profile {
        said.extend(profile_leniency(name));
    }
    (!said.is_empty()).then(|| said.join("；"))
}

/// What a profile other than the default asks less of a report: statutory parts dropped
/// or made optional or milder, the 主送机关 not checked or milder.
fn profile_leniency(name: &str) -> Option<String> {
    let default = Profile::builtin(DEFAULT_PROFILE)?;
    let chosen = Profile::resolve(name).ok()?;
    let mut less = Vec::new();
    for part in &default.parts {
        let Some(wanted) = part.severity else {
            continue;
        };
        match chosen
            .parts
            .iter()
            .find(|p| p.id == part.id)
            .map(|p| p.severity)
        {
            None => less.push(format!("不检查“{}”部分", part.short)),
            Some(None) => less.push(format!("“{}”部分改为选填", part.short)),
            Some(Some(s)) if s < wanted => {
                less.push(format!("缺少“{}”部分时只作{}", part.short, s.label_zh()))
            }
            Some(Some(_)) => {}
        }
    }
    match (default.addressee_severity, chosen.addressee_severity) {
        (Some(_), None) => less.push("不检查主送机关".into()),
        (Some(d), Some(c)) if c < d => less.push(format!("缺少主送机关时只作{}", c.label_zh())),
        _ => {}
    }
    let shown = std::path::Path::new(name)
        .file_name()
        .map_or(name.into(), |f| f.to_string_lossy());
    (!less.is_empty()).then(|| format!("使用报告类型配置 {shown}：{}", less.join("，")))
}

/// "GW0401、GW0402、…等 7 条" shortened to the first few.
fn listed(items: &[String]) -> String {
    let head = items[..items.len().min(SHOWN)].join("、");
    if items.len() > SHOWN {
        format!("{head}等")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gwlint.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(&path).unwrap()
    }

    #[test]
    fn rules_turned_off_or_down_are_named() {
        let c = config("ignore = [\"GW0401\", \"GW0402\"]\n[severity]\nGW0403 = \"info\"\n");
        assert_eq!(
            of(&c).as_deref(),
            Some("关闭了 2 条规则（GW0401、GW0402）；降低了 1 条规则的级别（GW0403 错误→提示）")
        );
    }

    #[test]
    fn rules_turned_off_for_some_files_name_the_setting() {
        let c = config("[per-path-ignores]\n\"历史/*.txt\" = [\"signature\"]\n");
        assert_eq!(
            of(&c).as_deref(),
            Some("对部分文件关闭了规则（per-path-ignores）")
        );
    }

    /// A unit's own copy of the profile, without the 第一责任人 part and the 主送机关.
    #[test]
    fn a_profile_asking_less_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let builtin = include_str!("../rules/fazhi-report.toml");
        let parts: Vec<&str> = builtin.split("[[part]]").collect();
        let kept: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| !p.contains("id = \"leader-duty\""))
            .collect();
        let mine =
            kept.join("[[part]]")
                .replacen("severity = \"warning\"", "severity = \"off\"", 1);
        std::fs::write(dir.path().join("mine.toml"), mine).unwrap();
        std::fs::write(dir.path().join("gwlint.toml"), "profile = \"mine.toml\"\n").unwrap();
        let c = Config::load(&dir.path().join("gwlint.toml")).unwrap();
        assert_eq!(
            of(&c).as_deref(),
            Some(
                "使用报告类型配置 mine.toml：不检查“党政主要负责人履行推进法治建设第一责任人职责情况”部分，不检查主送机关"
            )
        );
        // The built-in profile by name asks no less.
        let c = config("profile = \"fazhi-report\"\n");
        assert_eq!(of(&c), None);
    }

    #[test]
    fn a_long_list_is_cut() {
        let c = config("ignore = [\"consistency\"]\n");
        let said = of(&c).unwrap();
        assert!(said.starts_with("关闭了 "), "{said}");
        assert!(
            said.contains("GW0401、GW0402、GW0403、GW0404、GW0405等）"),
            "{said}"
        );
    }

    #[test]
    fn a_stricter_or_plain_configuration_says_nothing() {
        assert_eq!(of(&config("[severity]\nGW0601 = \"error\"\n")), None);
        assert_eq!(of(&config("profile = \"fazhi-report\"\n")), None);
        assert_eq!(of(&Config::default()), None);
    }
}
