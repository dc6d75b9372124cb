//! The TOML parser's messages in Chinese, for the mistakes people make in gwlint.toml;
//! anything not recognised is shown as the parser wrote it.

use crate::lazy_regex::static_regex;

pub fn translate(message: &str) -> String {
    let m = message.trim();
    if let Some(c) = static_regex!(r"^unknown field `([^`]*)`, expected (.*)$").captures(m) {
        let choices: Vec<&str> = static_regex!(r"`([^`]*)`")
            .captures_iter(&c[2])
            .filter_map(|x| x.get(1).map(|g| g.as_str()))
            .collect();
        return format!("未知的配置项“{}”（可用：{}）", &c[1], choices.join("、"));
    }
    if let Some(c) = static_regex!(r"^missing field `([^`]*)`$").captures(m) {
        return format!("缺少必填项“{}”", &c[1]);
    }
    if let Some(c) = static_regex!(r"^invalid type: (\w+)(?: .*)?, expected (.*)$").captures(m) {
        return format!("类型不对：这里是{}，应为{}", kind(&c[1]), kind(&c[2]));
    }
    if let Some(c) =
        static_regex!(r"^invalid value: integer `(-?\d+)`, expected (\w+)$").captures(m)
    {
        return format!("数值 {} 超出范围：应为{}", &c[1], kind(&c[2]));
    }
    if let Some(c) =
        static_regex!(r"^invalid length (\d+), expected an array of length (\d+)$").captures(m)
    {
        return format!("列表应有 {} 项，这里有 {} 项", &c[2], &c[1]);
    }
    if m.starts_with("invalid unquoted key") {
        return "键名含中文、“/”“*”“.”等字符时要加引号，如 \"落款\" = \"提示\"、\"历史/*.txt\" = [\"GW0501\"]".into();
    }
    // "\d" in a double-quoted string: a regex's backslash read as an escape.
    if m.starts_with("missing escaped value") || m.starts_with("invalid escape") {
        return "双引号中的“\\”是转义符：正则表达式请用单引号，如 pattern = '\\d+件'（或在双引号中写成 \"\\\\d+件\"）".into();
    }
    if m.starts_with("too few unicode value digits") || m.starts_with("invalid unicode") {
        return "“\\u”后应为 4 位十六进制数；正则表达式请用单引号，如 pattern = '\\d+件'".into();
    }
    match m {
        "unclosed array, expected `]`" => "列表没有闭合：缺少“]”".into(),
        "unclosed table, expected `]`" => "表头没有闭合：缺少“]”".into(),
        "unclosed array table, expected `]`" => "“[[…]]”表头没有闭合：缺少“]]”".into(),
        "duplicate key" => "同一个键写了两次".into(),
        "missing comma between array elements, expected `,`" => {
            "列表的两项之间缺少逗号（或少了闭合的“]”）".into()
        }
        "string values must be quoted, expected literal string" => {
            "值没有写或没有加引号：字符串要用英文引号括起，如 \"GW0101\"".into()
        }
        "invalid basic string, expected `\"`" => "字符串没有闭合：缺少结尾的英文引号".into(),
        "key with no value, expected `=`" => "键后面缺少“=”和值（键名中不能有空格）".into(),
        "extra `=`, expected nothing" => "多了一个“=”".into(),
        "cannot recurse further; max recursion depth met" => "列表或表嵌套的层数过多".into(),
        "unexpected key or value, expected newline, `#`" => {
            "一行只能写一个“键 = 值”，值后面只能跟注释（#…）".into()
        }
        _ => message.to_string(),
    }
}

fn kind(serde: &str) -> &str {
    match serde.trim_start_matches("a ").trim_start_matches("an ") {
        "string" => "字符串（用引号括起）",
        "integer" | "i64" | "u64" | "i32" | "u32" | "i16" | "u16" | "u8" | "usize" => "整数",
        "float" | "floating" | "f64" => "小数",
        "boolean" | "bool" => "true 或 false",
        "sequence" => "列表（[\"…\", \"…\"]）",
        "map" | "table" => "表（[…] 下的键值）",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    /// Rust's type names and serde's English never reach the user.
    #[test]
    fn numbers_and_lengths_in_chinese() {
        assert_eq!(
            translate("invalid type: floating point `2023.5`, expected i32"),
            "类型不对：这里是小数，应为整数"
        );
        assert_eq!(
            translate("invalid value: integer `99999999999`, expected i32"),
            "数值 99999999999 超出范围：应为整数"
        );
        assert_eq!(
            translate("invalid length 1, expected an array of length 2"),
            "列表应有 2 项，这里有 1 项"
        );
    }

    #[test]
    fn common_mistakes_in_chinese() {
        assert_eq!(
            translate("cannot recurse further; max recursion depth met"),
            "列表或表嵌套的层数过多"
        );
        assert_eq!(
            translate("unknown field `selct`, expected one of `profile`, `select`"),
            "未知的配置项“selct”（可用：profile、select）"
        );
        assert_eq!(
            translate("invalid type: string \"GW0804\", expected a sequence"),
            "类型不对：这里是字符串（用引号括起），应为列表（[\"…\", \"…\"]）"
        );
        assert_eq!(
            translate("invalid type: integer `1`, expected a string"),
            "类型不对：这里是整数，应为字符串（用引号括起）"
        );
        assert_eq!(translate("missing field `code`"), "缺少必填项“code”");
        assert_eq!(translate("duplicate key"), "同一个键写了两次");
        assert!(
            translate("invalid unquoted key, expected letters, numbers, `-`, `_`")
                .starts_with("键名含中文")
        );
        assert!(
            translate("missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `\"`")
                .contains("pattern = '\\d+件'")
        );
        assert_eq!(
            translate("missing comma between array elements, expected `,`"),
            "列表的两项之间缺少逗号（或少了闭合的“]”）"
        );
        assert_eq!(
            translate("key with no value, expected `=`"),
            "键后面缺少“=”和值（键名中不能有空格）"
        );
        assert_eq!(translate("something else"), "something else");
    }
}
