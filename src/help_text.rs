//! Help pages wrapped to the terminal. clap breaks lines only at spaces, and Chinese help
//! has none, so its lines ran past the edge; here lines break where Unicode allows
//! (UAX #14: between Chinese characters, never before "，" or inside an English word),
//! continuing under the help column.

/// Narrowest help column worth wrapping into; below it a line is left whole.
const MIN_COLUMN: usize = 20;

/// `help` (as clap renders it unwrapped, ANSI styles or not) wrapped to `width` columns.
pub fn wrap(help: &str, width: usize) -> String {
    let mut out = String::with_capacity(help.len() + help.len() / 8);
    for line in help.lines() {
        wrap_line(line, width, &mut out);
        out.push('\n');
    }
    if !help.ends_with('\n') {
        out.pop();
    }
    out
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    use textwrap::core::display_width;
    if display_width(line) <= width {
        out.push_str(line);
        return;
    }
    let at = help_start(line);
    let column = display_width(&line[..at]);
    if width < column + MIN_COLUMN {
        out.push_str(line);
        return;
    }
    let options = textwrap::Options::new(width - column)
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties);
    let indent = " ".repeat(column);
    for (i, piece) in textwrap::wrap(&line[at..], options).iter().enumerate() {
        if i == 0 {
            out.push_str(&line[..at]);
        } else {
            out.push('\n');
            out.push_str(&indent);
        }
        out.push_str(piece);
    }
}

/// Where a line's text starts: after an option's name and the spaces that align the help
/// column ("  --isolated   不读取…"), else after the indentation.
fn help_start(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let body = &line[indent..];
    body.find("  ")
        .map(|gap| {
            let rest = &body[gap..];
            indent + gap + (rest.len() - rest.trim_start().len())
        })
        .filter(|&at| at < line.len())
        .unwrap_or(indent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use textwrap::core::display_width;

    #[test]
    fn chinese_help_continues_under_its_column() {
        let line = format!(
            "      --isolated   {}",
            "不读取任何配置文件，全部按默认设置检查。".repeat(4)
        );
        let wrapped = wrap(&line, 60);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(lines.iter().all(|l| display_width(l) <= 60), "{wrapped}");
        assert!(lines[0].starts_with("      --isolated   不读取"));
        let column = "      --isolated   ".len();
        for l in &lines[1..] {
            assert_eq!(l.len() - l.trim_start().len(), column, "{l}");
            // A line never starts with a closing mark.
            assert!(!l.trim_start().starts_with(['，', '。']), "{l}");
        }
        let squeezed = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeezed(&wrapped), squeezed(&line));
    }

    #[test]
    fn english_words_and_short_lines_stay_whole() {
        let line = format!(
            "  --format <格式>  输出格式：{}",
            "pretty、concise、json、sarif、".repeat(3)
        );
        for l in wrap(&line, 50).lines() {
            assert!(
                !l.ends_with("pre") && !l.trim_start().starts_with("tty"),
                "{l}"
            );
        }
        assert_eq!(wrap("用法: gwlint check\n\n", 40), "用法: gwlint check\n\n");
    }

    #[test]
    fn a_plain_paragraph_wraps_at_its_indentation() {
        let wrapped = wrap(&"检查报告。".repeat(20), 40);
        assert!(
            wrapped.lines().skip(1).all(|l| !l.starts_with(' ')),
            "{wrapped}"
        );
        assert!(wrapped.lines().all(|l| display_width(l) <= 40));
    }
}
