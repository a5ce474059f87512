//! Detector for `quote_mismatch` findings: a quotation carried by two articles whose
//! wording differs.
//!
//! Quotations are the text between paired quotation marks (any style: `"…"`, `“…”`,
//! `«…»`, `„…“`) of at least four words. Each quotation of a non-reference article is
//! paired with the reference quotation sharing the most words (searched across the
//! whole reference, so moved passages pair too). A pair is flagged when the words
//! overlap strongly but differ after folding quote style, case, punctuation and
//! whitespace; a quotation that is only cut short (one is a stretch of the other) is
//! not a wording change.

use std::collections::{HashMap, HashSet};

use super::xref_util::{diff_hunks, finding, loc, name_of, para_text};
use crate::model::{Comparison, Finding, FindingKind};
use crate::normalize::{self, char_slice};

/// Fewest words a quotation needs.
const MIN_WORDS: usize = 4;
/// Share of the shorter quotation's words that must occur in the other (Dice on word sets).
const MIN_OVERLAP: f64 = 0.6;

/// One quotation.
#[derive(Debug, Clone)]
struct Quote {
    article: usize,
    para: usize,
    /// Span including the quotation marks.
    start: usize,
    end: usize,
    /// Lower-case words.
    words: Vec<String>,
    /// Display words, same order as `words`.
    display: Vec<String>,
    /// Word indices where an ellipsis ("...", "…") marks an omission before the word.
    gaps: Vec<usize>,
}

fn is_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{00AB}' | '\u{201E}' | '"')
}

fn closes(open: char, c: char) -> bool {
    match open {
        '\u{201C}' => matches!(c, '\u{201D}' | '"'),
        '\u{00AB}' => c == '\u{00BB}',
        '\u{201E}' => matches!(c, '\u{201C}' | '\u{201D}'),
        '"' => matches!(c, '"' | '\u{201D}'),
        _ => false,
    }
}

/// The quotations of one paragraph.
fn quotes_in(article: usize, para: usize, text: &str) -> Vec<Quote> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !is_open(c) {
            i += 1;
            continue;
        }
        let Some(close) =
            (i + 1..chars.len()).find(|&k| chars.get(k).is_some_and(|&d| closes(c, d)))
        else {
            break;
        };
        let inner = char_slice(text, i + 1, close);
        let ws = normalize::words(inner);
        if ws.len() >= MIN_WORDS {
            out.push(Quote {
                article,
                para,
                start: i,
                end: close + 1,
                words: ws
                    .iter()
                    .map(|w| {
                        // "F.B.I." and "FBI" are one word.
                        w.text
                            .chars()
                            .filter(|c| *c != '.')
                            .map(normalize::fold_quote)
                            .flat_map(char::to_lowercase)
                            .collect()
                    })
                    .collect(),
                display: ws.iter().map(|w| w.text.to_string()).collect(),
                gaps: ws
                    .windows(2)
                    .enumerate()
                    .filter(|(_, pair)| match pair {
                        [a, b] => {
                            let between = char_slice(inner, a.end, b.start);
                            between.contains("...") || between.contains('\u{2026}')
                        }
                        _ => false,
                    })
                    .map(|(k, _)| k + 1)
                    .collect(),
            });
        }
        i = close + 1;
    }
    out
}

fn all_quotes(c: &Comparison, article: usize) -> Vec<Quote> {
    let Some(a) = c.articles.get(article) else {
        return Vec::new();
    };
    (0..a.paragraphs.len())
        .flat_map(|p| para_text(c, article, p).map_or_else(Vec::new, |t| quotes_in(article, p, t)))
        .collect()
}

fn dice(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// True when `short` is a contiguous stretch of `long`.
fn is_stretch(short: &[String], long: &[String]) -> bool {
    short.len() <= long.len() && long.windows(short.len().max(1)).any(|w| w == short)
}

/// True when `elided`'s parts between its ellipses are each a stretch of `full`.
fn is_elision_of(elided: &Quote, full: &Quote) -> bool {
    if elided.gaps.is_empty() {
        return false;
    }
    let mut bounds = vec![0];
    bounds.extend(elided.gaps.iter().copied());
    bounds.push(elided.words.len());
    bounds.windows(2).all(|b| match b {
        [from, to] => elided
            .words
            .get(*from..*to)
            .is_some_and(|part| part.is_empty() || is_stretch(part, &full.words)),
        _ => true,
    })
}

/// Plain words saying what differs.
fn describe(own: &Quote, other: &Quote) -> String {
    let hunks = diff_hunks(&other.words, &own.words);
    let mut parts = Vec::new();
    for h in hunks.iter().take(3) {
        let theirs = other.display.get(h.old.clone()).unwrap_or(&[]).join(" ");
        let ours = own.display.get(h.new.clone()).unwrap_or(&[]).join(" ");
        parts.push(match (theirs.is_empty(), ours.is_empty()) {
            (true, false) => format!("adds \u{2018}{ours}\u{2019}"),
            (false, true) => format!("drops \u{2018}{theirs}\u{2019}"),
            _ => format!("\u{2018}{ours}\u{2019} instead of \u{2018}{theirs}\u{2019}"),
        });
    }
    if hunks.len() > 3 {
        parts.push(format!("and {} more changes", hunks.len() - 3));
    }
    parts.join("; ")
}

/// Finds `quote_mismatch` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let reference = comparison.options.reference;
    let ref_quotes = all_quotes(comparison, reference);
    if ref_quotes.is_empty() {
        return Vec::new();
    }
    // Word → reference quotes holding it, to find candidates without an all-pairs scan.
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    let ref_sets: Vec<HashSet<&str>> = ref_quotes
        .iter()
        .map(|q| q.words.iter().map(String::as_str).collect())
        .collect();
    for (k, set) in ref_sets.iter().enumerate() {
        for w in set {
            index.entry(w).or_default().push(k);
        }
    }
    let mut out = Vec::new();
    for article in 0..comparison.articles.len() {
        if article == reference {
            continue;
        }
        for q in all_quotes(comparison, article) {
            let set: HashSet<&str> = q.words.iter().map(String::as_str).collect();
            let mut votes: HashMap<usize, usize> = HashMap::new();
            for w in &set {
                for &k in index.get(w).map_or(&[][..], Vec::as_slice) {
                    *votes.entry(k).or_default() += 1;
                }
            }
            let best = votes
                .keys()
                .filter_map(|&k| ref_sets.get(k).map(|s| (k, dice(&set, s))))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((k, score)) = best else { continue };
            let Some(r) = ref_quotes.get(k) else { continue };
            if score < MIN_OVERLAP || r.words == q.words {
                continue;
            }
            if is_stretch(&q.words, &r.words) || is_stretch(&r.words, &q.words) {
                continue;
            }
            if is_elision_of(&q, r) || is_elision_of(r, &q) {
                continue;
            }
            // Some other reference quote identical to this one: it is carried verbatim.
            if ref_quotes.iter().any(|o| o.words == q.words) {
                continue;
            }
            let message = format!(
                "This quotation is worded differently in {}: {}.",
                name_of(comparison, reference),
                describe(&q, r)
            );
            let suggestion = para_text(comparison, reference, r.para)
                .map(|t| char_slice(t, r.start, r.end).to_string());
            out.extend(finding(
                comparison,
                FindingKind::QuoteMismatch,
                q.article,
                q.para,
                q.start,
                q.end,
                message,
                suggestion,
                vec![loc(r.article, r.para, r.start, r.end)],
            ));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::super::xref_util::testing::{article, parallel};
    use super::*;

    #[test]
    fn flags_reworded_quote_and_says_what_differs() {
        let wire = article(
            "wire.txt",
            &["\"We would rather pay for a stable crew than for fuel,\" he said."],
        );
        let other = article(
            "copy.html",
            &["\u{201C}We prefer to pay for a stable crew than for fuel,\u{201D} he said."],
        );
        let f = detect(&parallel(vec![wire, other]));
        assert_eq!(f.len(), 1, "{f:?}");
        let f = &f[0];
        assert_eq!((f.article, f.paragraph, f.start, f.end), (1, 0, 0, 51));
        assert!(f.text.starts_with('\u{201C}') && f.text.ends_with('\u{201D}'));
        assert!(
            f.message
                .contains("\u{2018}prefer to\u{2019} instead of \u{2018}would rather\u{2019}"),
            "{}",
            f.message
        );
        assert_eq!(f.related[0].article, 0);
        assert_eq!((f.related[0].start, f.related[0].end), (0, 54));
    }

    #[test]
    fn quote_style_case_and_punctuation_do_not_count() {
        let wire = article("a", &["\"Our first task is to clear the backlog safely.\""]);
        let other = article(
            "b",
            &["\u{201C}our first task is to clear the backlog safely\u{201D}"],
        );
        assert!(detect(&parallel(vec![wire, other])).is_empty());
    }

    #[test]
    fn shortened_quote_is_not_a_mismatch() {
        let wire = article(
            "a",
            &["\"It is a deal both sides can live with, and we will sign it today,\" she said."],
        );
        let other = article(
            "b",
            &["\"It is a deal both sides can live with,\" she said."],
        );
        assert!(detect(&parallel(vec![wire, other])).is_empty());
    }

    #[test]
    fn quote_cut_with_an_ellipsis_is_not_a_mismatch() {
        let wire = article(
            "a",
            &[
                "\"If you help me win, you may have someone with your voice ... on the committee,\" he said.",
            ],
        );
        let other = article(
            "b",
            &[
                "\"Put plainly, if you help me win you may have someone with your voice, someone who fought for years, on the committee,\" he said.",
            ],
        );
        assert!(detect(&parallel(vec![wire, other])).is_empty());
    }

    #[test]
    fn unrelated_quotes_do_not_pair() {
        let wire = article(
            "a",
            &["\"The port will reopen on Thursday morning,\" he said."],
        );
        let other = article(
            "b",
            &["\"We intend to stay here for many years,\" she said."],
        );
        assert!(detect(&parallel(vec![wire, other])).is_empty());
    }

    #[test]
    fn moved_quote_pairs_across_rows() {
        let wire = article(
            "a",
            &[
                "Intro text here.",
                "\"Saltmere is our gateway to the north,\" he said.",
            ],
        );
        let other = article(
            "b",
            &[
                "\"Saltmere is our only gateway to the north,\" he said.",
                "Intro text here.",
            ],
        );
        let f = detect(&parallel(vec![wire, other]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].related[0].paragraph, 1);
        assert!(
            f[0].message.contains("adds \u{2018}only\u{2019}"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn fixture_through_the_pipeline() {
        let c = super::super::xref_util::testing::fixture("quote_mismatch");
        let f = detect(&c);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].article, 1);
        assert!(
            f[0].text.starts_with("\"We can no longer sell"),
            "{}",
            f[0].text
        );
        assert!(f[0].message.contains("no longer sell"), "{}", f[0].message);
    }
}
