//! A finding: which rule, where (byte span in `Document::text`), what to say, how to fix.

use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    /// The English names, or the Chinese ones `explain` shows (错误, 警告, 提示).
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" | "提示" => Some(Severity::Info),
            "warning" | "warn" | "警告" => Some(Severity::Warning),
            "error" | "错误" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// The fixed set of categories (design.md); every rule belongs to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Structure,
    Signature,
    Numbering,
    Consistency,
    Punctuation,
    Artifact,
    Citation,
    Wording,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Structure,
        Category::Signature,
        Category::Numbering,
        Category::Consistency,
        Category::Punctuation,
        Category::Artifact,
        Category::Citation,
        Category::Wording,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Signature => "signature",
            Category::Numbering => "numbering",
            Category::Consistency => "consistency",
            Category::Punctuation => "punctuation",
            Category::Artifact => "artifact",
            Category::Citation => "citation",
            Category::Wording => "wording",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Category::Structure => "结构",
            Category::Signature => "落款",
            Category::Numbering => "序号",
            Category::Consistency => "数字与日期",
            Category::Punctuation => "标点",
            Category::Artifact => "文档残留",
            Category::Citation => "引用",
            Category::Wording => "用词",
        }
    }

    /// "structure" or, as the summary shows it, "结构".
    pub fn parse(s: &str) -> Option<Category> {
        // The names of earlier versions, still in users' gwlint.toml.
        let s = match s {
            "数字一致性" => "数字与日期",
            "转换残留" => "文档残留",
            s => s,
        };
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s || c.label_zh() == s)
    }
}

/// A rule's identity and documentation; each rule is one `static RuleMeta`.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line, Chinese: what the rule checks.
    pub summary: &'static str,
    /// Chinese documentation for `gwlint explain`: why, the source, an example.
    pub doc: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub replacement: String,
    pub safe: bool,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// Byte range in `Document::text`; may be empty for a point.
    pub span: Range<usize>,
    pub fix: Option<Fix>,
    /// False for what is not in the text (a page header): anchored at the first line only
    /// so that it has a place, and shown without that line.
    pub in_text: bool,
}

impl Diagnostic {
    pub fn new(
        rule: &'static RuleMeta,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            help: help.into(),
            span,
            fix: None,
            in_text: true,
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Said of something the text does not hold: a page header, the file's revisions.
    pub fn outside_text(mut self) -> Self {
        self.in_text = false;
        self
    }

    pub fn with_fix(mut self, replacement: impl Into<String>, safe: bool) -> Self {
        self.fix = Some(Fix {
            replacement: replacement.into(),
            safe,
        });
        self
    }
}
