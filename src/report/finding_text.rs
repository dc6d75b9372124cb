//! The text lines of a rendered finding, laid out for Chinese: the advice labelled 建议,
//! and the message and the advice wrapped to the terminal only where a clause ends outside
//! quotes, so that a quoted correction is never split.

use unicode_width::UnicodeWidthStr;

/// The label miette writes before the help text.
const MIETTE_LABEL: &str = "  help: ";
/// Ours, and the indentation of the lines it wraps onto (as wide as the label).
const LABEL: &str = "  建议：";
const INDENT: &str = "        ";
/// What a message line starts with: two spaces and the severity's sign, then a space.
const SIGNS: [char; 3] = ['×', '⚠', '☞'];
/// The indentation of a message's wrapped lines, under its first word.
const MESSAGE_INDENT: &str = "    ";

/// `rendered` with its help line relabelled, and its message and help lines wrapped to
/// `width` columns.
pub fn localize(rendered: &str, width: usize) -> String {
    let mut out = String::with_capacity(rendered.len() + 16);
    let mut message_seen = false;
    for line in rendered.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if let Some(at) = body.find(MIETTE_LABEL) {
            out.push_str(&body[..at]);
            out.push_str(LABEL);
            let text = &body[at + MIETTE_LABEL.len()..];
            push_wrapped(&mut out, text, width.saturating_sub(LABEL.width()), INDENT);
        } else if let Some(text_at) = message_start(body).filter(|_| !message_seen) {
            message_seen = true;
            out.push_str(&body[..text_at]);
            let room = width.saturating_sub(MESSAGE_INDENT.len());
            push_wrapped(&mut out, &body[text_at..], room, MESSAGE_INDENT);
        } else {
            out.push_str(body);
        }
        out.push_str(newline);
    }
    out
}

/// Where the words of a message line start: after "  ×" (colours around the sign
/// allowed) and a space.
fn message_start(line: &str) -> Option<usize> {
    let rest = line.strip_prefix("  ")?;
    let sign_at = rest.find(SIGNS)?;
    // Only colour codes between the indentation and the sign.
    if rest[..sign_at].contains(|c: char| !c.is_ascii() || c.is_ascii_alphabetic() && c != 'm') {
        return None;
    }
    let after_sign = 2 + sign_at + rest[sign_at..].chars().next()?.len_utf8();
    let space = line[after_sign..].find(' ')?;
    Some(after_sign + space + 1)
}

/// `text` wrapped to `width` columns, its later lines under `indent`.
pub fn wrapped(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_wrapped(&mut out, text, width.saturating_sub(indent.width()), indent);
    out
}

fn push_wrapped(out: &mut String, text: &str, room: usize, indent: &str) {
    for (k, piece) in wrap(text, room.max(20)).iter().enumerate() {
        if k > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        out.push_str(piece);
    }
}

/// What a wrapped line may not start with, and end with (the usual Chinese line-breaking
/// rules).
const NO_LINE_START: &str = "，。、；：？！”’》〉）…—·%";
const NO_LINE_END: &str = "“‘《〈（";

/// Pieces of at most `room` columns where possible: cut after ；。， outside “”, 《》 and
/// （）, else between two characters outside “” and 《》 (not inside a Latin word or number).
fn wrap(text: &str, room: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut last_break: Option<usize> = None;
    let mut last_soft: Option<usize> = None;
    let mut depth = 0i32;
    // Inside “” or 《》 only: what is quoted is copied whole, a bracket's note need not be.
    let mut quoted = 0i32;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let soft = quoted == 0
            && !NO_LINE_START.contains(c)
            && prev.is_some_and(|p| {
                let in_word = p.is_ascii_alphanumeric() && c.is_ascii_alphanumeric();
                !(NO_LINE_END.contains(p) || in_word)
            });
        if soft {
            last_soft = Some(i);
        }
        prev = Some(c);
        match c {
            '“' | '《' => {
                depth += 1;
                quoted += 1;
            }
            '”' | '》' => {
                depth = (depth - 1).max(0);
                quoted = (quoted - 1).max(0);
            }
            '（' => depth += 1,
            '）' => depth = (depth - 1).max(0),
            _ => {}
        }
        let end = i + c.len_utf8();
        if depth == 0 && matches!(c, '；' | '。' | '，') {
            last_break = Some(end);
        }
        // A clause's end is the better cut, unless it leaves the line less than half full.
        let full_enough = |b: &usize| text[start..*b].width() * 2 >= room;
        if text[start..end].width() > room
            && let Some(b) = last_break
                .filter(full_enough)
                .or(last_soft)
                .or(last_break)
                .filter(|&b| b > start)
        {
            pieces.push(&text[start..b]);
            start = b;
            last_break = None;
            last_soft = None;
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
        assert_eq!(localize(r, 80), "  × 错误\n  建议：删除这一行\n");
        // Colours around the label are kept.
        let r = "\u{1b}[36m  help: \u{1b}[0m删除这一行\n";
        assert_eq!(localize(r, 80), "\u{1b}[36m  建议：\u{1b}[0m删除这一行\n");
    }

    #[test]
    fn a_long_message_wraps_under_its_first_word() {
        let message = "并列的书名号之间通常不用顿号：“《中华人民共和国基本医疗卫生与健康促进法》、《中华人民共和国医师法》”，删去顿号即可";
        for sign in ["  ⚠ ", "  \u{1b}[33m⚠\u{1b}[0m "] {
            let r = format!("GW0502(x)\n\n{sign}{message}\n   ╭─[a.txt:1:1]\n");
            let wrapped = localize(&r, 60);
            let lines: Vec<&str> = wrapped.lines().collect();
            assert!(lines[2].starts_with(sign), "{wrapped}");
            assert!(
                lines[3].starts_with(MESSAGE_INDENT) && !lines[3].starts_with("   ╭"),
                "{wrapped}"
            );
            assert!(wrapped.contains("   ╭─[a.txt:1:1]"), "{wrapped}");
            let joined: String = wrapped
                .lines()
                .skip(2)
                .take_while(|l| !l.contains('╭'))
                .map(|l| l.trim_start_matches(sign).trim_start())
                .collect();
            assert_eq!(joined, message);
        }
    }

    #[test]
    fn a_long_run_without_clause_marks_wraps_between_characters_outside_quotes() {
        let help = "将“上一年度党政主要负责人履行推进法治建设第一责任人职责情况”作为一级标题单独成部分并写明主要负责人亲自部署推动的具体事项";
        let wrapped = wrap(help, 40);
        assert!(wrapped.len() > 1, "{wrapped:?}");
        assert_eq!(wrapped.concat(), help);
        // The quotation stays whole on its line, though wider than the room.
        assert!(
            wrapped
                .iter()
                .any(|l| l.contains("“上一年度党政主要负责人履行推进法治建设第一责任人职责情况”"))
        );
        // The rest is broken to fit.
        assert!(wrapped.last().unwrap().width() <= 40, "{wrapped:?}");
        // No line starts with a mark that closes or ends a phrase.
        assert!(
            wrapped
                .iter()
                .skip(1)
                .all(|l| !l.starts_with(|c| NO_LINE_START.contains(c))),
            "{wrapped:?}"
        );
    }

    #[test]
    fn an_early_clause_end_does_not_leave_a_short_line() {
        let help = "报送或公开前，在 Word 或 WPS 的“审阅”中接受或拒绝所有修订、删除所有批注：否则删去的文字和批注会随文件一起发出";
        let wrapped = wrap(help, 60);
        assert_eq!(wrapped.concat(), help);
        assert!(wrapped[0].width() >= 30, "{wrapped:?}");
        assert!(wrapped.iter().all(|l| l.width() <= 60), "{wrapped:?}");
    }

    #[test]
    fn long_help_wraps_after_a_clause_outside_quotes() {
        let help = "核对总数和各分项：差1件，如有未列出的分项请补上（如“其他××件，另计”）；如果只是列举，写“主要包括”或在末项后加“等”";
        let r = format!("  help: {help}\n");
        let wrapped = localize(&r, 60);
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
