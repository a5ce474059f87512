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

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::context::{Context, Hit, Tok, loc, slice};
use crate::model::{Finding, FindingKind};

/// Fewest words a quotation needs.
const MIN_WORDS: usize = 4;
/// Share of the shorter quotation's words that must occur in the other (Dice on word sets).
const MIN_OVERLAP: f64 = 0.6;

/// One quotation.
#[derive(Debug, Clone)]
struct Quote<'a> {
    article: usize,
    para: usize,
    /// Span including the quotation marks.
    start: usize,
    end: usize,
    /// Lower-case words.
    words: Vec<Cow<'a, str>>,
    /// Display words, same order as `words`.
    display: Vec<&'a str>,
    /// Word indices where an ellipsis ("...", "…") marks an omission before the word.
    gaps: Vec<usize>,
}

/// A word's comparison form inside quotations: lower case, quotes folded, and without
/// full stops ("F.B.I." and "FBI" are one word).
fn quote_form(t: &Tok) -> Cow<'_, str> {
    if t.lower.contains('.') {
        Cow::Owned(t.lower.chars().filter(|c| *c != '.').collect())
    } else {
        Cow::Borrowed(&t.lower)
    }
}

/// True when the chars between `a` and `b` (clamped as [`slice`] clamps) hold an
/// ellipsis, `...` or `…`.
fn ellipsis_between(chars: &[char], a: usize, b: usize) -> bool {
    let b = b.min(chars.len());
    let between = chars.get(a.min(b)..b).unwrap_or(&[]);
    between.contains(&'\u{2026}') || between.windows(3).any(|w| w == ['.', '.', '.'])
}

/// The quotations (of at least [`MIN_WORDS`] words) of one article, from the context's
/// quoted ranges.
fn all_quotes<'c>(ctx: &'c Context<'_>, article: usize) -> Vec<Quote<'c>> {
    let mut out = Vec::new();
    for (p, para) in ctx.article(article).paragraphs.iter().enumerate() {
        let words = ctx.para_words(article, p);
        for r in &para.quotes.ranges {
            let lo = words.partition_point(|w| w.start <= r.start);
            let hi = words.partition_point(|w| w.end < r.end);
            let ws = words.get(lo..hi.max(lo)).unwrap_or(&[]);
            if ws.len() < MIN_WORDS {
                continue;
            }
            out.push(Quote {
                article,
                para: p,
                start: r.start,
                end: r.end,
                words: ws.iter().map(quote_form).collect(),
                display: ws.iter().map(|w| w.text.as_str()).collect(),
                gaps: ws
                    .windows(2)
                    .enumerate()
                    .filter(|(_, pair)| match pair {
                        [a, b] => ellipsis_between(&para.chars, a.end, b.start),
                        _ => false,
                    })
                    .map(|(k, _)| k + 1)
                    .collect(),
            });
        }
    }
    out
}

/// Dice coefficient of two word sets from the size of their intersection.
fn dice(shared: usize, a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    2.0 * shared as f64 / (a + b) as f64
}

/// True when `short` is a contiguous stretch of `long`.
fn is_stretch(short: &[Cow<'_, str>], long: &[Cow<'_, str>]) -> bool {
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

/// The differing word runs of two quotations, as (reference words, own words).
type Changes = Vec<(Vec<String>, Vec<String>)>;

/// The changes read from the hunks of the aligned cell pair holding both quotations (the
/// diff stage's ops), restricted to the quotations' spans; `None` when the quotations are
/// not aligned with each other or no hunk falls inside them.
fn cell_changes(ctx: &Context<'_>, own: &Quote, other: &Quote) -> Option<Changes> {
    let row = ctx.row_of(own.article, own.para)?;
    let pair = ctx
        .pair_at(row, own.article)
        .filter(|p| p.ref_paras.contains(&other.para))?;
    let rw = ctx.cell_words(other.article, &pair.ref_paras);
    let ow = ctx.cell_words(own.article, &pair.paras);
    let inside = |q: &Quote, w: &&Tok| w.para == q.para && w.start > q.start && w.end < q.end;
    let mut out = Vec::new();
    for h in &pair.hunks {
        let theirs: Vec<&Tok> = rw
            .get(h.old.clone())
            .unwrap_or(&[])
            .iter()
            .filter(|w| inside(other, w))
            .collect();
        let ours: Vec<&Tok> = ow
            .get(h.new.clone())
            .unwrap_or(&[])
            .iter()
            .filter(|w| inside(own, w))
            .collect();
        if theirs.len() == ours.len()
            && theirs
                .iter()
                .zip(&ours)
                .all(|(a, b)| quote_form(a) == quote_form(b))
        {
            continue; // only case, quote style or punctuation differ
        }
        let display = |ws: &[&Tok]| ws.iter().map(|w| w.text.to_string()).collect::<Vec<_>>();
        out.push((display(&theirs), display(&ours)));
    }
    (!out.is_empty()).then_some(out)
}

/// The change between two word lists as one run: what lies between their common prefix
/// and common suffix (for quotations the alignment did not put side by side).
fn trimmed_change(own: &Quote, other: &Quote) -> Changes {
    let prefix = own
        .words
        .iter()
        .zip(&other.words)
        .take_while(|(a, b)| a == b)
        .count();
    let max_suffix = own.words.len().min(other.words.len()) - prefix;
    let suffix = own
        .words
        .iter()
        .rev()
        .zip(other.words.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let mid = |q: &Quote| {
        q.display
            .get(prefix..q.display.len() - suffix)
            .unwrap_or(&[])
            .iter()
            .map(|w| (*w).to_string())
            .collect()
    };
    vec![(mid(other), mid(own))]
}

/// Plain words saying what differs.
fn describe(ctx: &Context<'_>, own: &Quote, other: &Quote) -> String {
    let changes = cell_changes(ctx, own, other).unwrap_or_else(|| trimmed_change(own, other));
    let mut parts = Vec::new();
    for (theirs, ours) in changes.iter().take(3) {
        let (theirs, ours) = (theirs.join(" "), ours.join(" "));
        parts.push(match (theirs.is_empty(), ours.is_empty()) {
            (true, false) => format!("adds \u{2018}{ours}\u{2019}"),
            (false, true) => format!("drops \u{2018}{theirs}\u{2019}"),
            _ => format!("\u{2018}{ours}\u{2019} instead of \u{2018}{theirs}\u{2019}"),
        });
    }
    if changes.len() > 3 {
        parts.push(format!("and {} more changes", changes.len() - 3));
    }
    parts.join("; ")
}

/// Finds `quote_mismatch` in the comparison.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let reference = ctx.reference();
    let ref_quotes = all_quotes(ctx, reference);
    if ref_quotes.is_empty() {
        return Vec::new();
    }
    // Word → reference quotes holding it, to find candidates without an all-pairs scan.
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let ref_sets: Vec<FxHashSet<&str>> = ref_quotes
        .iter()
        .map(|q| q.words.iter().map(AsRef::as_ref).collect())
        .collect();
    for (k, set) in ref_sets.iter().enumerate() {
        for w in set {
            index.entry(w).or_default().push(k);
        }
    }
    let mut out = Vec::new();
    let mut votes = vec![0usize; ref_quotes.len()];
    let mut touched: Vec<usize> = Vec::new();
    // Reference quotations by their words, to find a verbatim copy in one lookup.
    let verbatim: FxHashSet<&[Cow<'_, str>]> =
        ref_quotes.iter().map(|q| q.words.as_slice()).collect();
    for article in 0..ctx.article_count() {
        // An article about another story (or a reference about another story) is not
        // compared.
        if article == reference || !ctx.shares_evidence(article, reference) {
            continue;
        }
        for q in all_quotes(ctx, article) {
            let set: FxHashSet<&str> = q.words.iter().map(AsRef::as_ref).collect();
            // Votes = shared distinct words = the intersection size, so Dice needs no
            // set intersection per candidate.
            touched.clear();
            for w in &set {
                for &k in index.get(w).map_or(&[][..], Vec::as_slice) {
                    if let Some(v) = votes.get_mut(k) {
                        if *v == 0 {
                            touched.push(k);
                        }
                        *v += 1;
                    }
                }
            }
            let best = touched
                .iter()
                .filter_map(|&k| {
                    let shared = votes.get(k).copied().unwrap_or(0);
                    ref_sets
                        .get(k)
                        .map(|s| (k, dice(shared, set.len(), s.len())))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            for &k in &touched {
                if let Some(v) = votes.get_mut(k) {
                    *v = 0;
                }
            }
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
            if verbatim.contains(q.words.as_slice()) {
                continue;
            }
            let message = format!(
                "This quotation is worded differently in {}: {}.",
                ctx.name_of(reference),
                describe(ctx, &q, r)
            );
            let suggestion = ctx
                .para(reference, r.para)
                .map(|p| slice(&p.chars, r.start, r.end));
            out.extend(ctx.finding(
                FindingKind::QuoteMismatch,
                q.article,
                q.para,
                Hit {
                    start: q.start,
                    end: q.end,
                    message,
                    suggestion,
                    related: vec![loc(r.article, r.para, r.start, r.end)],
                },
            ));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use crate::detect::context::Context;
    use crate::detect::testing::{article, parallel};

    /// The detector over a freshly built context.
    fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
        super::detect(&Context::new(c))
    }

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
        let c = crate::detect::testing::fixture("quote_mismatch");
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
