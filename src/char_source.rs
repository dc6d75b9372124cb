//! A named text for miette whose reported column counts characters, as gwlint's findings
//! do: miette's own count is of bytes, three to a Chinese character.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

#[derive(Debug)]
pub struct CharSource {
    name: String,
    text: String,
}

impl CharSource {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> CharSource {
        CharSource {
            name: name.into(),
            text: text.into(),
        }
    }
}

impl SourceCode for CharSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let start = span.offset().min(self.text.len());
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..start)
            .map_or(0, |s| s.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_counts_characters() {
        let text = "a = 1\nselect = [\"结构\", \"nope\"]\n";
        let src = CharSource::new("gwlint.toml", text);
        let at = text.find("\"nope").unwrap();
        let contents = src.read_span(&(at, 6).into(), 0, 0).unwrap();
        assert_eq!((contents.line(), contents.column()), (1, 16));
    }
}
