//! A regular expression from the rule data, checked when the data is loaded but compiled on
//! first use. Most guards and fallbacks never run on a given report, and compiling them
//! was most of the time of a one-file run.

use regex::Regex;
use std::fmt;
use std::sync::OnceLock;

pub struct LazyRegex {
    pattern: String,
    /// For an alternation, its parts: an error names the one at fault.
    parts: Vec<String>,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// Parses `pattern` now, so a syntax error is reported with the data that holds it.
    pub fn new(pattern: impl Into<String>) -> Result<LazyRegex, String> {
        let pattern = pattern.into();
        check_syntax(&pattern)?;
        Ok(LazyRegex {
            pattern,
            parts: Vec::new(),
            compiled: OnceLock::new(),
        })
    }

    /// One expression for a list of alternatives, so a line is scanned once.
    /// `None` for an empty list.
    pub fn alternation(patterns: &[String]) -> Result<Option<LazyRegex>, String> {
        if patterns.is_empty() {
            return Ok(None);
        }
        for p in patterns {
            check_syntax(p)?;
        }
        let pattern = patterns
            .iter()
            .map(|p| format!("(?:{p})"))
            .collect::<Vec<_>>()
            .join("|");
        Ok(Some(LazyRegex {
            pattern,
            parts: patterns.to_vec(),
            compiled: OnceLock::new(),
        }))
    }

    /// Compiles now and reports what only compiling finds (an unknown class name, a
    /// pattern over the size limit): for patterns a user wrote, which the tests do not see.
    pub fn compile_now(&self) -> Result<(), String> {
        if self.get().is_some() {
            return Ok(());
        }
        let culprit = self
            .parts
            .iter()
            .find_map(|p| Regex::new(p).err().map(|e| (p, e)));
        Err(match (culprit, Regex::new(&self.pattern)) {
            (Some((p, e)), _) => format!("正则表达式“{p}”无效：{e}"),
            (None, Err(e)) => format!("正则表达式“{}”无效：{e}", self.pattern),
            (None, Ok(_)) => format!("正则表达式“{}”无效", self.pattern),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled expression. A pattern that parses but exceeds the size limit matches
    /// nothing rather than failing a report.
    pub fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| Regex::new(&self.pattern).ok())
            .as_ref()
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.get().is_some_and(|r| r.is_match(haystack))
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        self.get().and_then(|r| r.find(haystack))
    }

    pub fn find_iter<'h>(&self, haystack: &'h str) -> impl Iterator<Item = regex::Match<'h>> {
        self.get()
            .into_iter()
            .flat_map(move |r| r.find_iter(haystack))
    }
}

/// The syntax only: building the classes costs as much as compiling. What only compiling
/// finds is checked by `compile_now` for a user's data and by the tests for the built-in.
fn check_syntax(pattern: &str) -> Result<(), String> {
    syntax_error(pattern).map_or(Ok(()), |why| {
        Err(format!("正则表达式“{pattern}”无效：{why}"))
    })
}

/// What is wrong with a pattern's syntax, in Chinese for the usual slips, and where.
pub fn syntax_error(pattern: &str) -> Option<String> {
    use regex_syntax::ast::ErrorKind as K;
    let e = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .err()?;
    let why = match e.kind() {
        K::GroupUnclosed => "“(”没有对应的“)”".to_string(),
        K::GroupUnopened => "“)”前面没有对应的“(”".to_string(),
        K::ClassUnclosed => "“[”没有对应的“]”".to_string(),
        K::ClassRangeInvalid => "“[…]”中的字符范围无效".to_string(),
        K::RepetitionMissing => "“*”“+”“?”或“{…}”前面缺少要重复的内容".to_string(),
        K::RepetitionCountUnclosed => "“{”没有对应的“}”".to_string(),
        K::RepetitionCountInvalid => "“{m,n}”中 m 大于 n".to_string(),
        K::EscapeUnrecognized => "无法识别的转义（“\\”后面的字符）".to_string(),
        K::EscapeUnexpectedEof => "末尾的“\\”后面缺少字符".to_string(),
        K::GroupNameDuplicate { .. } => "分组名重复".to_string(),
        K::UnsupportedLookAround => {
            "不支持向前、向后查看（(?=…)、(?!…)、(?<=…)、(?<!…)）：可改用字符类，如“本委(?!员会)”写成“本委([^员]|$)”；这样匹配会多出后面那个字符，有 replace 时要用 $1 把它写回（replace = \"本委员会$1\"），否则修复会删掉它".to_string()
        }
        K::UnsupportedBackreference => {
            "不支持反向引用（\\1 等）：请把要重复的内容直接写出".to_string()
        }
        other => other.to_string(),
    };
    let at = pattern[..e.span().start.offset.min(pattern.len())]
        .chars()
        .count()
        + 1;
    Some(format!("{why}（第{at}个字符处）"))
}

impl fmt::Debug for LazyRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LazyRegex").field(&self.pattern).finish()
    }
}

/// A built-in pattern compiled once, on first use: `static_regex!(r"…")` is a
/// `&'static Regex`. The argument may be any expression giving the pattern text.
macro_rules! static_regex {
    ($pattern:expr) => {{
        static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        R.get_or_init(|| {
            regex::Regex::new(AsRef::<str>::as_ref(&$pattern)).expect("built-in pattern compiles")
        })
    }};
}
pub(crate) use static_regex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_syntax_errors_when_loaded() {
        let e = LazyRegex::new("(未闭合").unwrap_err();
        assert!(e.contains("(未闭合"), "{e}");
        let e = LazyRegex::alternation(&["好".into(), "[坏".into()]).unwrap_err();
        assert!(e.contains("[坏"), "{e}");
    }

    #[test]
    fn compile_now_reports_what_parsing_cannot() {
        let r = LazyRegex::new(r"\p{NoSuchClass}").unwrap();
        assert!(r.compile_now().unwrap_err().contains("NoSuchClass"));
        // An alternation names its bad part, not the whole joined pattern.
        let alt = LazyRegex::alternation(&["好".into(), r"坏\p{Nope}".into()])
            .unwrap()
            .unwrap();
        let e = alt.compile_now().unwrap_err();
        assert!(e.contains(r"“坏\p{Nope}”") && !e.contains("(?:好)"), "{e}");
        assert!(!r.is_match("任何文字"));
        assert!(LazyRegex::new("第一责任人").unwrap().compile_now().is_ok());
    }

    #[test]
    fn compiles_on_first_use_and_matches() {
        let r = LazyRegex::alternation(&["第一责任人".into(), "一把手.{0,4}履职".into()])
            .unwrap()
            .unwrap();
        assert!(r.compiled.get().is_none());
        assert!(r.is_match("单位一把手认真履职"));
        assert!(!r.is_match("认真履职"));
        assert_eq!(r.find("落实第一责任人职责").map(|m| m.start()), Some(6));
        assert!(LazyRegex::alternation(&[]).unwrap().is_none());
    }
}
