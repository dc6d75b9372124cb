//! One way of grouping digits throughout a report: "6,427件" beside "1017件" (GB/T
//! 15835-2011 5.1.1; rules.md R-N07). Four-digit figures may stay ungrouped where larger
//! ones are grouped, so a figure is compared only with figures of its own size.

use super::DIGIT_GROUPING;
use super::para::Para;
use crate::diagnostic::Diagnostic;
use crate::numerals::Form;
use crate::quantity::Class;
use crate::rules::findings::Findings;
use std::ops::Range;

/// The integer parts of a report's Arabic figures, gathered paragraph by paragraph.
#[derive(Default)]
pub(super) struct DigitGrouping {
    /// Four digits; five or more.
    sizes: [Vec<Figure>; 2],
}

struct Figure {
    /// The integer part in the document, commas included.
    span: Range<usize>,
    digits: String,
    grouped: bool,
}

const SIZE_NAMES: [&str; 2] = ["四位数", "五位及以上的数"];

impl DigitGrouping {
    pub(super) fn note(&mut self, p: &Para) {
        let text = p.text();
        for q in &p.qs {
            let n = &q.numeral;
            // Full-width digits are GW0415's; a percentage is no count to group.
            if !matches!(n.form, Form::Arabic | Form::Mixed) || n.fullwidth {
                continue;
            }
            if q.class == Class::Percent {
                continue;
            }
            let start = n.span.start;
            let len = text[start..n.span.end]
                .find(|c: char| !c.is_ascii_digit() && c != ',')
                .unwrap_or(n.span.end - start);
            let written = &text[start..start + len];
            let digits: String = written.chars().filter(|c| *c != ',').collect();
            // "0106" is a code, not a count; "2024级" and "2024期" are years.
            let year_like =
                !n.grouped && (1900..=2100).contains(&digits.parse::<u32>().unwrap_or(0));
            if digits.starts_with('0') || year_like {
                continue;
            }
            // An ordinal (第2000次), the upper end of a range (1000—2000元) or a figure
            // glued to another by a comma is not one to write anew.
            if text[..start].ends_with(['第', '—', '–', '-', '～', '~', '至', '到', ',', '.'])
                || text[..start].ends_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let size = match digits.len() {
                0..=3 => continue,
                4 => 0,
                _ => 1,
            };
            self.sizes[size].push(Figure {
                span: p.doc_span(start..start + len),
                digits,
                grouped: n.grouped,
            });
        }
    }

    /// The figures written unlike most of their size; on a tie, unlike the first.
    pub(super) fn check(self, out: &mut Findings) {
        for (figures, size) in self.sizes.into_iter().zip(SIZE_NAMES) {
            let grouped = figures.iter().filter(|f| f.grouped).count();
            let plain = figures.len() - grouped;
            if grouped == 0 || plain == 0 {
                continue;
            }
            let odd_grouped = match grouped.cmp(&plain) {
                std::cmp::Ordering::Less => true,
                std::cmp::Ordering::Greater => false,
                std::cmp::Ordering::Equal => !figures[0].grouped,
            };
            let Some(example) = figures.iter().find(|f| f.grouped != odd_grouped) else {
                continue;
            };
            let kept = if odd_grouped { plain } else { grouped };
            let example = written(example);
            for f in figures.iter().filter(|f| f.grouped == odd_grouped) {
                let (message, fixed) = if odd_grouped {
                    (
                        format!(
                            "数字分节写法不统一：“{}”用了千分撇，全文另有{kept}处{size}没有分节（如“{example}”）",
                            written(f)
                        ),
                        f.digits.clone(),
                    )
                } else {
                    (
                        format!(
                            "数字分节写法不统一：“{}”没有分节，全文另有{kept}处{size}用了千分撇（如“{example}”）",
                            f.digits
                        ),
                        group_thousands(&f.digits),
                    )
                };
                out.push(
                    Diagnostic::new(
                        &DIGIT_GROUPING,
                        f.span.clone(),
                        message,
                        format!("全文统一分节写法，这里写作“{fixed}”"),
                    )
                    .with_fix(fixed, false),
                );
            }
        }
    }
}

fn written(f: &Figure) -> String {
    if f.grouped {
        group_thousands(&f.digits)
    } else {
        f.digits.clone()
    }
}

/// "1017" → "1,017".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::group_thousands;

    #[test]
    fn groups_by_threes_from_the_right() {
        assert_eq!(group_thousands("1017"), "1,017");
        assert_eq!(group_thousands("125000"), "125,000");
        assert_eq!(group_thousands("1234567"), "1,234,567");
    }
}
