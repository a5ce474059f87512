//! Detector for `unbalanced_quotes` findings: double quotation marks (curly `“ ”`, low
//! `„`, straight `"`) that do not pair within a paragraph.
//!
//! News style lets a quotation run into the next paragraph without a closing mark when
//! that paragraph opens with a new opening mark; such an open mark is not flagged.
//! Single quotes and apostrophes are left alone (possessives and elisions make them
//! ambiguous); straight double quotes after a digit (inches, `5'11"`) are skipped.

use super::context::{Context, Dir, Hit};
use crate::model::{Finding, FindingKind};

/// Finds `unbalanced_quotes` in the comparison: the unpaired marks of the context's quote
/// scan ([`super::context::scan_quotes`]), less an open mark continued by the next paragraph.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in 0..ctx.article_count() {
        let paras = &ctx.article(a).paragraphs;
        for (p, para) in paras.iter().enumerate() {
            let next_opens = paras.get(p + 1).is_some_and(|n| {
                let first = n.chars.iter().position(|c| !c.is_whitespace());
                n.quotes
                    .marks
                    .first()
                    .is_some_and(|m| Some(m.at) == first && m.dir == Dir::Open)
            });
            let last_mark = para.quotes.marks.last().map(|m| m.at);
            for m in &para.quotes.unpaired {
                if m.dir == Dir::Open && next_opens && last_mark == Some(m.at) {
                    continue;
                }
                let message = match m.dir {
                    Dir::Open => "This opening quotation mark is never closed in the paragraph (and the next paragraph does not continue the quotation).".to_string(),
                    Dir::Close => "This closing quotation mark has no opening mark before it in the paragraph.".to_string(),
                };
                out.extend(ctx.finding(
                    FindingKind::UnbalancedQuotes,
                    a,
                    p,
                    Hit {
                        start: m.at,
                        end: m.at + 1,
                        message,
                        suggestion: None,
                        related: Vec::new(),
                    },
                ));
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use crate::detect::context::Context;

    /// The detector over a freshly built context.
    fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
        super::detect(&Context::new(c))
    }
    use crate::detect::testing::comparison_of;

    fn spans(paras: &[&str]) -> Vec<(usize, usize, String)> {
        detect(&comparison_of(&[paras]))
            .into_iter()
            .map(|f| (f.paragraph, f.start, f.text))
            .collect()
    }

    #[test]
    fn flags_an_opening_mark_never_closed() {
        let p = "\u{201C}We agree,\u{201D} she said. \u{201C}Plan for delays. Then go.";
        let f = detect(&comparison_of(&[&[p]]));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end), (22, 23));
        assert_eq!(f[0].text, "\u{201C}");
        assert!(f[0].message.contains("never closed"));
    }

    #[test]
    fn flags_a_closing_mark_without_opening() {
        let p = "In general, ties are stable,\u{201D} he said.";
        assert_eq!(spans(&[p]), [(0, 28, "\u{201D}".to_string())]);
    }

    #[test]
    fn flags_straight_quotes_left_open() {
        let p = "He said \"no deal and left.";
        assert_eq!(spans(&[p]), [(0, 8, "\"".to_string())]);
    }

    #[test]
    fn quote_running_into_next_paragraph_is_fine() {
        let paras = [
            "\u{201C}We will reopen the quay,\u{201D} she said. \u{201C}It takes time.",
            "\u{201C}We start on Monday.\u{201D}",
        ];
        assert!(spans(&paras).is_empty());
        // But not when the next paragraph does not continue the quote.
        let paras = [paras[0], "The port said nothing."];
        assert_eq!(spans(&paras).len(), 1);
    }

    #[test]
    fn balanced_apostrophes_and_inches_are_fine() {
        for p in [
            "\u{201C}It\u{2019}s the workers\u{2019} right,\u{201D} he said.",
            "A 12\" pipe and the dockers' union.",
            "\u{201E}Ja\u{201C}, sagte er.",
            "She said \"yes\" and \"no\".",
        ] {
            assert!(spans(&[p]).is_empty(), "{p}");
        }
    }
}
