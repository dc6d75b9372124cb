//! How the readable outputs are laid out: the terminal's columns and whether to colour.

use owo_colors::{OwoColorize, Style};

#[derive(Default, Clone, Copy)]
pub struct Layout {
    /// The terminal's columns; `None` when the output goes to no terminal.
    pub width: Option<usize>,
    pub color: bool,
}

impl Layout {
    /// `text` in `style` when colouring.
    pub fn paint(&self, text: &str, style: Style) -> String {
        if self.color {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }

    /// A heading or a table's header row, in bold when colouring.
    pub fn strong(&self, text: &str) -> String {
        self.paint(text, Style::new().bold())
    }

    /// `line` wrapped to the terminal, its later lines under `indent`.
    pub fn fit(&self, line: &str, indent: &str) -> String {
        match self.width {
            Some(columns) => super::finding_text::wrapped(line, columns, indent),
            None => line.to_string(),
        }
    }
}
