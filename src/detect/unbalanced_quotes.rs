//! Detector for `unbalanced_quotes` findings: double quotation marks (curly `“ ”`, low
//! `„`, straight `"`) that do not pair within a paragraph.
//!
//! News style lets a quotation run into the next paragraph without a closing mark when
//! that paragraph opens with a new opening mark; such an open mark is not flagged.
//! Single quotes and apostrophes are left alone (possessives and elisions make them
//! ambiguous); straight double quotes after a digit (inches, `5'11"`) are skipped.

use super::text_util::{Hit, chars, finding};
use crate::model::{Comparison, Finding, FindingKind};

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
}

/// Finds `unbalanced_quotes` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let mut out = Vec::new();
    for (a, article) in comparison.articles.iter().enumerate() {
        let paras: Vec<Vec<char>> = article.paragraphs.iter().map(|p| chars(&p.text)).collect();
        for (p, cs) in paras.iter().enumerate() {
            let next_opens = paras.get(p + 1).is_some_and(|n| opens_with_quote(n));
            for (index, dir) in unpaired(cs) {
                if dir == Dir::Open && next_opens && is_last_open(cs, index) {
                    continue;
                }
                let message = match dir {
                    Dir::Open => "This opening quotation mark is never closed in the paragraph (and the next paragraph does not continue the quotation).".to_string(),
                    Dir::Close => "This closing quotation mark has no opening mark before it in the paragraph.".to_string(),
                };
                out.push(finding(
                    FindingKind::UnbalancedQuotes,
                    a,
                    p,
                    cs,
                    Hit {
                        start: index,
                        end: index + 1,
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

/// True when the paragraph's first visible character is an opening double quote.
fn opens_with_quote(cs: &[char]) -> bool {
    let Some(first) = cs.iter().position(|c| !c.is_whitespace()) else {
        return false;
    };
    marks(cs)
        .first()
        .is_some_and(|&(i, d)| i == first && d == Dir::Open)
}

/// True when no other quotation mark follows `index` in the paragraph.
fn is_last_open(cs: &[char], index: usize) -> bool {
    marks(cs).iter().all(|&(i, _)| i <= index)
}

/// Every double quotation mark of the paragraph with the way it faces.
fn marks(cs: &[char]) -> Vec<(usize, Dir)> {
    let low_opening = cs.contains(&'\u{201E}');
    let mut out = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| cs.get(j)).copied();
        let after = cs.get(i + 1).copied();
        let dir = match c {
            '\u{201C}' if low_opening => Dir::Close,
            '\u{201C}' | '\u{201E}' => Dir::Open,
            '\u{201D}' => {
                // Some typesetting uses ” for both; treat one after a space as opening.
                if before.is_none_or(char::is_whitespace)
                    && after.is_some_and(char::is_alphanumeric)
                {
                    Dir::Open
                } else {
                    Dir::Close
                }
            }
            '"' => {
                if before.is_some_and(|b| b.is_ascii_digit()) {
                    continue; // inches
                }
                let space_before =
                    before.is_none_or(|b| b.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(b));
                let space_after = after
                    .is_none_or(|b| b.is_whitespace() || ".,;:!?)]}\u{2014}\u{2013}".contains(b));
                match (space_before, space_after) {
                    (true, false) => Dir::Open,
                    (false, true) => Dir::Close,
                    _ => continue,
                }
            }
            _ => continue,
        };
        out.push((i, dir));
    }
    out
}

/// The marks that find no partner: an opening mark followed by another opening mark
/// before any closing one, an opening mark left open at the end, and a closing mark with
/// no opening mark before it.
fn unpaired(cs: &[char]) -> Vec<(usize, Dir)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, dir) in marks(cs) {
        match dir {
            Dir::Open => {
                if let Some(prev) = open.replace(i) {
                    out.push((prev, Dir::Open));
                }
            }
            Dir::Close => {
                if open.take().is_none() {
                    out.push((i, Dir::Close));
                }
            }
        }
    }
    if let Some(prev) = open {
        out.push((prev, Dir::Open));
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::detect::text_util::test_support::comparison_of;

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
