//! What a configuration checks less than the defaults: a unit's own gwlint.toml, sent
//! with its report, can turn rules off or down, and a supervisor's summary says so.

use crate::config::Config;
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
    (!said.is_empty()).then(|| said.join("；"))
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
