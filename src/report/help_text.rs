//! The advice line of a rendered finding: labelled in Chinese, and wrapped to the terminal
//! only where a clause ends outside quotes, so a quoted correction is never split.

use unicode_width::UnicodeWidthStr;

/// The label miette writes before the help text.
const MIETTE_LABEL: &str = "  help: ";
/// Ours, and the indentation of the lines it wraps onto (as wide as the label).
const LABEL: &str = "  建议：";
const INDENT: &str = "        ";

/// `rendered` with its help line relabelled and wrapped to `width` columns.
pub fn localize_help(rendered: &str, width: usize) -> String {
    let mut out = String::with_capacity(rendered.len() + 16);
    for line in rendered.split_inclusive('\n') {
        let Some(at) = line.find(MIETTE_LABEL) else {
            out.push_str(line);
            continue;
        };
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        out.push_str(&body[..at]);
        out.push_str(LABEL);
        let text = &body[at + MIETTE_LABEL.len()..];
        let room = width.saturating_sub(LABEL.width()).max(20);
        for (k, piece) in wrap(text, room).iter().enumerate() {
            if k > 0 {
                out.push('\n');
                out.push_str(INDENT);
            }
            out.push_str(piece);
        }
        out.push_str(newline);
    }
    out
}

/// Pieces of at most `room` columns where possible, cut after ；。， outside “” and 《》.
fn wrap(text: &str, room: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut last_break: Option<usize> = None;
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '《' | '（' => depth += 1,
            '”' | '》' | '）' => depth = (depth - 1).max(0),
            _ => {}
        }
        let end = i + c.len_utf8();
        if depth == 0 && matches!(c, '；' | '。' | '，') {
            last_break = Some(end);
        }
        if text[start..end].width() > room
            && let Some(b) = last_break.filter(|&b| b > start)
        {
            pieces.push(&text[start..b]);
            start = b;
            last_break = None;
        }
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_is_chinese_and_short_help_stays_on_one_line() {
        let r = "  × 错误\n  help: 删除这一行\n";
        assert_eq!(localize_help(r, 80), "  × 错误\n  建议：删除这一行\n");
        // Colours around the label are kept.
        let r = "\u{1b}[36m  help: \u{1b}[0m删除这一行\n";
        assert_eq!(
            localize_help(r, 80),
            "\u{1b}[36m  建议：\u{1b}[0m删除这一行\n"
        );
    }

    #[test]
    fn long_help_wraps_after_a_clause_outside_quotes() {
        let help = "核对总数和各分项：差1件，如有未列出的分项请补上（如“其他××件，另计”）；如果只是列举，写“主要包括”或在末项后加“等”";
        let r = format!("  help: {help}\n");
        let wrapped = localize_help(&r, 60);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(lines.iter().all(|l| l.width() <= 60), "{wrapped}");
        assert!(lines[1].starts_with(INDENT));
        // Nothing lost, and no cut inside the quoted example.
        let joined: String = lines
            .iter()
            .map(|l| l.trim_start_matches(LABEL).trim_start())
            .collect();
        assert_eq!(joined, help);
        assert!(
            lines
                .iter()
                .all(|l| l.matches('“').count() == l.matches('”').count())
        );
    }
}
