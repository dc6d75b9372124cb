//! Custom regex rules from a user's gwlint.toml, with inline examples that
//! `gwlint rules --test` checks.

use crate::diagnostic::{Category, Diagnostic, RuleMeta, Severity};
use crate::document::{Document, Format};
use crate::outline::content_span;
use crate::rules::findings::Findings;
use regex::{Regex, RegexBuilder};

/// Guards against pathological user patterns (the regex crate is linear-time already).
const REGEX_SIZE_LIMIT: usize = 1 << 20;

#[derive(Debug)]
pub struct CustomRule {
    pub meta: &'static RuleMeta,
    pub regex: Regex,
    pub message: String,
    pub help: String,
    pub replace: Option<String>,
    pub safe: bool,
    pub valid: Vec<String>,
    pub invalid: Vec<String>,
}

/// The fields of a `[[rule]]` table, already type-checked by the config loader.
pub struct CustomRuleSpec {
    pub code: String,
    pub name: String,
    pub category: String,
    pub severity: String,
    pub message: String,
    pub help: Option<String>,
    pub pattern: String,
    pub replace: Option<String>,
    pub safe: bool,
    pub valid: Vec<String>,
    pub invalid: Vec<String>,
}

/// Which field of the spec is wrong, and why.
#[derive(Debug, PartialEq, Eq)]
pub struct SpecError {
    pub field: &'static str,
    pub message: String,
}

fn leak(s: String) -> &'static str {
    // A rule lives for the whole run; a config is loaded once per directory.
    Box::leak(s.into_boxed_str())
}

/// The first group a replacement refers to ("$2", "${name}", "$1x": the group named
/// "1x") that the pattern does not have: the regex crate replaces it with nothing.
fn missing_group(regex: &Regex, replace: &str) -> Option<String> {
    let mut rest = replace;
    while let Some(at) = rest.find('$') {
        let after = &rest[at + 1..];
        let (name, len) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => (&braced[..end], end + 2),
                // "${" never closed is written as it stands.
                None => ("", 1),
            }
        } else if after.starts_with('$') {
            ("", 1)
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], end)
        };
        rest = &after[len.min(after.len())..];
        if name.is_empty() {
            continue;
        }
        let exists = match name.parse::<usize>() {
            Ok(index) => index < regex.captures_len(),
            Err(_) => regex.capture_names().flatten().any(|n| n == name),
        };
        if !exists {
            return Some(replace[replace.len() - after.len() - 1..][..len + 1].to_string());
        }
    }
    None
}

impl CustomRule {
    pub fn build(spec: CustomRuleSpec) -> Result<CustomRule, SpecError> {
        let err = |field, message: String| SpecError { field, message };
        let code_ok = spec.code.len() >= 3
            && spec
                .code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && spec
                .code
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase());
        if !code_ok {
            return Err(err(
                "code",
                format!(
                    "规则代码“{}”应由大写字母开头、只含大写字母和数字，至少 3 个字符，例如“ORG001”",
                    spec.code
                ),
            ));
        }
        if crate::rules::by_code(&spec.code).is_some() || spec.code.starts_with("GW") {
            return Err(err(
                "code",
                format!(
                    "规则代码“{}”与内置规则冲突：自定义规则不要以 GW 开头",
                    spec.code
                ),
            ));
        }
        if spec.name.is_empty()
            || !spec
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(err(
                "name",
                format!(
                    "规则名称“{}”应为小写字母、数字和连字符，例如“no-jiaodai”",
                    spec.name
                ),
            ));
        }
        // `select`, `ignore` and `[severity]` take names too: a taken one would point there.
        let taken = crate::rules::all().any(|r| r.name == spec.name)
            || Category::parse(&spec.name).is_some()
            || spec.name == "all";
        if taken {
            return Err(err(
                "name",
                format!(
                    "规则名称“{}”已是内置规则或类别的名称：请换一个，否则 select、ignore 和 [severity] 中的这个名称会指错规则",
                    spec.name
                ),
            ));
        }
        let category = Category::parse(&spec.category).ok_or_else(|| {
            err("category", format!("未知的类别“{}”：应为 structure、signature、numbering、consistency、punctuation、artifact、citation、wording 之一", spec.category))
        })?;
        let severity = Severity::parse(&spec.severity).ok_or_else(|| {
            err(
                "severity",
                format!(
                    "未知的级别“{}”：应为 error、warning 或 info（或 错误、警告、提示）",
                    spec.severity
                ),
            )
        })?;
        // An empty pattern matches everywhere, between every two characters.
        if spec.pattern.is_empty() {
            return Err(err("pattern", "正则表达式不能为空".to_string()));
        }
        if let Some(why) = crate::lazy_regex::syntax_error(&spec.pattern) {
            return Err(err("pattern", format!("正则表达式无效：{why}")));
        }
        let regex = RegexBuilder::new(&spec.pattern)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| {
                let why = match e {
                    regex::Error::CompiledTooBig(_) => "表达式过于复杂，请拆成几条规则".to_string(),
                    e if e.to_string().contains("Unicode property") => {
                        "未知的 Unicode 属性（汉字请用 \\p{Han}）".to_string()
                    }
                    e => e.to_string(),
                };
                err("pattern", format!("正则表达式无效：{why}"))
            })?;
        if let Some(missing) = spec
            .replace
            .as_deref()
            .and_then(|r| missing_group(&regex, r))
        {
            let groups = regex.captures_len() - 1;
            return Err(err(
                "replace",
                format!(
                    "replace 中的“{missing}”没有对应的分组（正则表达式有 {groups} 个分组），修复会删去文字：分组后紧跟字母、数字时写成“${{1}}”，“$”本身写成“$$”"
                ),
            ));
        }
        let help = spec
            .help
            .unwrap_or_else(|| "见 gwlint.toml 中的自定义规则".to_string());
        let meta: &'static RuleMeta = Box::leak(Box::new(RuleMeta {
            code: leak(spec.code),
            name: leak(spec.name),
            category,
            severity,
            summary: leak(spec.message.clone()),
            doc: leak(format!(
                "自定义规则（来自 gwlint.toml）。\n\n模式：{}\n\n示例（应报告）：{}\n示例（不应报告）：{}",
                spec.pattern,
                spec.invalid.join("；"),
                spec.valid.join("；")
            )),
        }));
        Ok(CustomRule {
            meta,
            regex,
            message: spec.message,
            help,
            replace: spec.replace,
            safe: spec.safe,
            valid: spec.valid,
            invalid: spec.invalid,
        })
    }

    /// Every match on every line that is not web-page debris.
    pub fn check(&self, doc: &Document, chrome: &[bool], out: &mut Findings) {
        for i in 0..doc.line_count() {
            if chrome.get(i).copied().unwrap_or(false) {
                continue;
            }
            let span = content_span(doc, i);
            for m in self.regex.find_iter(&doc.text[span.clone()]) {
                if m.is_empty() {
                    continue;
                }
                let at = span.start + m.start()..span.start + m.end();
                let fix = self
                    .replace
                    .as_ref()
                    .map(|r| self.regex.replace(m.as_str(), r.as_str()).into_owned());
                // "推进" → "大力推进": the text that reads so already is what the rule wants.
                if fix
                    .as_ref()
                    .is_some_and(|f| crate::text::already_reads(&doc.text, at.clone(), f))
                {
                    continue;
                }
                let mut d = Diagnostic::new(self.meta, at, self.message.clone(), self.help.clone());
                if let Some(f) = fix {
                    d = d.with_fix(f, self.safe);
                }
                out.push(d);
            }
        }
    }

    /// Runs the rule's own examples: (example, expected to fire, fired). What the fix of
    /// an invalid example writes is an example too, expected not to fire: one that did
    /// would grow with each --fix.
    pub fn self_test(&self) -> Vec<(String, bool, bool)> {
        let found = |text: &str| {
            let doc = Document::from_text("example", Format::Text, "utf-8", text.to_string());
            let mut out = Findings::new();
            self.check(&doc, &[], &mut out);
            out.into_vec()
        };
        let fixed = |text: &str| {
            let mut fixed = text.to_string();
            for d in found(text).iter().rev() {
                if let Some(f) = &d.fix {
                    fixed.replace_range(d.span.clone(), &f.replacement);
                }
            }
            (fixed != text).then(|| (format!("{fixed}（“{text}”修复后）"), fixed))
        };
        let fires = |text: &str| !found(text).is_empty();
        self.invalid
            .iter()
            .map(|e| (e.clone(), true, fires(e)))
            .chain(self.invalid.iter().filter_map(|e| {
                let (shown, text) = fixed(e)?;
                Some((shown, false, fires(&text)))
            }))
            .chain(self.valid.iter().map(|e| (e.clone(), false, fires(e))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(code: &str, pattern: &str) -> CustomRuleSpec {
        CustomRuleSpec {
            code: code.into(),
            name: "no-jiaodai".into(),
            category: "wording".into(),
            severity: "warning".into(),
            message: "“交待”应为“交代”".into(),
            help: None,
            pattern: pattern.into(),
            replace: Some("交代".into()),
            safe: true,
            valid: vec!["交代清楚".into()],
            invalid: vec!["交待清楚".into()],
        }
    }

    #[test]
    fn fires_with_fix_and_passes_its_examples() {
        let rule = CustomRule::build(spec("ORG001", "交待")).unwrap();
        let doc = Document::from_text("t", Format::Text, "utf-8", "请交待清楚。\n已交代。".into());
        let mut out = Findings::new();
        rule.check(&doc, &[false, false], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&doc.text[out[0].span.clone()], "交待");
        assert_eq!(out[0].fix.as_ref().unwrap().replacement, "交代");
        assert!(rule.self_test().iter().all(|(_, want, got)| want == got));
    }

    #[test]
    fn a_fix_that_keeps_what_it_replaces_fires_once() {
        let rule = CustomRule::build(CustomRuleSpec {
            replace: Some("大力推进".into()),
            valid: vec!["大力推进工作".into()],
            invalid: vec!["推进工作".into()],
            ..spec("ORG002", "推进")
        })
        .unwrap();
        assert_eq!(
            rule.self_test(),
            [
                ("推进工作".to_string(), true, true),
                ("大力推进工作（“推进工作”修复后）".to_string(), false, false),
                ("大力推进工作".to_string(), false, false),
            ]
        );
        // A fix the rule meets again in another way is a failing example.
        let growing = CustomRule::build(CustomRuleSpec {
            replace: Some("${1}0件".into()),
            invalid: vec!["3件".into()],
            valid: vec![],
            ..spec("ORG003", r"(\d+)件")
        })
        .unwrap();
        assert!(
            growing
                .self_test()
                .contains(&("30件（“3件”修复后）".to_string(), false, true))
        );
    }

    #[test]
    fn bad_specs_name_the_field() {
        assert_eq!(
            CustomRule::build(spec("GW0101", "x")).unwrap_err().field,
            "code"
        );
        assert_eq!(
            CustomRule::build(spec("org1", "x")).unwrap_err().field,
            "code"
        );
        assert_eq!(
            CustomRule::build(spec("ORG002", "(")).unwrap_err().field,
            "pattern"
        );
        let mut s = spec("ORG003", "x");
        s.category = "style".into();
        assert_eq!(CustomRule::build(s).unwrap_err().field, "category");
        assert_eq!(
            CustomRule::build(spec("ORG004", "")).unwrap_err().field,
            "pattern"
        );
        let e = CustomRule::build(spec("X1", "x")).unwrap_err();
        assert!(e.message.contains("至少 3 个字符"), "{}", e.message);
        // The first thing tried to tell 本委 from 本委员会, said in Chinese with a way out.
        let e = CustomRule::build(spec("ORG007", "本委(?!员会)")).unwrap_err();
        assert!(
            e.message.contains("不支持向前、向后查看")
                && e.message.contains("本委([^员]|$)")
                // The character the class takes is written back by the fix.
                && e.message.contains("replace = \"本委员会$1\""),
            "{}",
            e.message
        );
        let e = CustomRule::build(spec("ORG008", r"(一)\1")).unwrap_err();
        assert!(e.message.contains("不支持反向引用"), "{}", e.message);
    }

    /// `select`, `ignore` and `[severity]` find rules by name: a built-in rule's or a
    /// category's name would be taken over.
    #[test]
    fn a_custom_rule_may_not_take_a_built_in_name() {
        for name in ["misspelling", "signature", "all"] {
            let mut s = spec("ORG005", "x");
            s.name = name.into();
            let e = CustomRule::build(s).unwrap_err();
            assert_eq!(e.field, "name", "{name}");
            assert!(
                e.message.contains("已是内置规则或类别的名称"),
                "{}",
                e.message
            );
        }
    }

    /// A group the pattern lacks is replaced by nothing: the fix would delete text.
    #[test]
    fn a_replacement_names_only_groups_the_pattern_has() {
        let with = |pattern: &str, replace: &str| {
            let mut s = spec("ORG006", pattern);
            s.replace = Some(replace.into());
            CustomRule::build(s).err().map(|e| (e.field, e.message))
        };
        let (field, message) = with("本(委|局)", "我$2").unwrap();
        assert_eq!(field, "replace");
        assert!(
            message.starts_with("replace 中的“$2”没有对应的分组（正则表达式有 1 个分组）"),
            "{message}"
        );
        assert!(with("本(委|局)", "我$1x").unwrap().1.contains("“$1x”"));
        assert!(
            with("本(?P<u>委|局)", "我${v}")
                .unwrap()
                .1
                .contains("“${v}”")
        );
        for fine in ["我$1", "我${1}x", "我${u}", "$$5", "我$", "${", "我$0"] {
            assert_eq!(with("本(?P<u>委|局)", fine), None, "{fine}");
        }
    }
}
