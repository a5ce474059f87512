//! Detector for `unique_passage` findings: a passage only one article carries.
//!
//! A row of the alignment where exactly one article has a cell (and the comparison
//! holds at least two articles) is what only that outlet reports. Very short lines
//! (fewer than four words: datelines, bylines, stray menu items) are skipped, and so is an
//! article that shares almost no wording with any other (most likely another story).
//!
//! Only copies report it: a passage one copy of a text carries alone is news (a paragraph
//! a republication added), while an outlet's own report of an event carries most of its
//! passages alone — the coverage map lists those ("carries alone"), and flagging each one
//! would bury the findings (on the BASIL dev triplets it was 96% of them).

use super::context::{Context, Hit};
use crate::model::{Finding, FindingKind};
use crate::normalize;

/// Fewest words a paragraph needs to be reported as a unique passage.
const MIN_WORDS: usize = 4;

/// Word similarity ([`Comparison::similarity`](crate::model::Comparison)) from which two
/// articles are copies or rewrites of one text. Fitted on the dev corpora
/// (`cargo run --release --no-default-features --example coverage_eval`): independent BASIL
/// reports of one event reach at most 0.30, onestop's rewrites of one text start at 0.45,
/// the bundled sample's rewrite has 0.60.
pub const COPY_SIMILARITY: f64 = 0.38;

/// True when article `a` is a copy or rewrite of another article it shares evidence with.
fn has_copy(ctx: &Context<'_>, a: usize) -> bool {
    ctx.comparison.similarity.get(a).is_some_and(|row| {
        row.iter()
            .enumerate()
            .any(|(b, &s)| b != a && s >= COPY_SIMILARITY && ctx.shares_evidence(a, b))
    })
}

/// Finds `unique_passage` in the comparison.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let comparison = ctx.comparison;
    let n = comparison.articles.len();
    if n < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for row in &comparison.rows {
        let mut present = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(a, c)| c.as_ref().map(|c| (a, c)));
        let (Some((article, cell)), None) = (present.next(), present.next()) else {
            continue;
        };
        // An article about another story is reported once as such, not passage by passage.
        if comparison.is_unrelated(article) || !has_copy(ctx, article) {
            continue;
        }
        // The other articles about the story (one about another story is not counted).
        let others = match (0..n)
            .filter(|&b| b != article && ctx.shares_evidence(article, b))
            .count()
        {
            0 => n - 1,
            k => k,
        };
        for &p in &cell.paragraphs {
            let Some(para) = ctx.para(article, p) else {
                continue;
            };
            let words = ctx.para_words(article, p);
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            if words.len() < MIN_WORDS {
                continue;
            }
            let message = format!(
                "Only {} carries this passage; none of the other {} article{} has anything aligned with it.",
                ctx.name_of(article),
                others,
                if others == 1 { "" } else { "s" },
            );
            // From the first word (with any opening mark) to the last word's trailing punctuation.
            let cs = &para.chars;
            let end = cs.len().min(last.end + trailing_punct(cs, last.end));
            out.extend(ctx.finding(
                FindingKind::UniquePassage,
                article,
                p,
                Hit {
                    start: leading_start(cs, first.start),
                    end,
                    message,
                    suggestion: None,
                    related: Vec::new(),
                },
            ));
        }
    }
    out
}

/// Start of the passage: the first word, or an opening quote or bracket right before it.
fn leading_start(cs: &[char], first: usize) -> usize {
    let mut start = first.min(cs.len());
    while start > 0 && cs.get(start - 1).is_some_and(|c| !normalize::is_space(*c)) {
        start -= 1;
    }
    start
}

/// Number of non-space characters right after offset `end`.
fn trailing_punct(cs: &[char], end: usize) -> usize {
    cs.iter()
        .skip(end)
        .take_while(|c| !normalize::is_space(**c))
        .count()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use crate::detect::context::Context;
    use crate::detect::testing::{article, comparison};

    /// The detector over a freshly built context.
    fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
        super::detect(&Context::new(c))
    }

    #[test]
    fn flags_a_row_only_one_article_has() {
        let a = article(
            "wire.txt",
            &["The port reopened on Monday after talks.", "Ships queued."],
        );
        let b = article(
            "rewrite.md",
            &[
                "The port reopened on Monday after long talks.",
                "The 1998 stoppage lasted 26 days and ended with a mediator.",
            ],
        );
        let c = comparison(
            vec![a, b],
            &[
                vec![vec![0], vec![0]],
                vec![vec![], vec![1]],
                vec![vec![1], vec![]],
            ],
        );
        let f = detect(&c);
        // Row 2 ("Ships queued.") is under four words: skipped.
        assert_eq!(f.len(), 1, "{f:?}");
        let f = &f[0];
        assert_eq!((f.article, f.paragraph, f.start), (1, 1, 0));
        assert_eq!(
            f.text,
            "The 1998 stoppage lasted 26 days and ended with a mediator."
        );
        assert!(f.message.contains("rewrite.md"), "{}", f.message);
    }

    #[test]
    fn an_article_about_another_story_is_not_flagged_passage_by_passage() {
        let a = article("wire.txt", &["The port reopened on Monday after talks."]);
        let b = article("copy.txt", &["The port reopened on Monday after talks."]);
        let other = article(
            "violin.txt",
            &["A violin made in Cremona in 1721 sold at auction for a record sum."],
        );
        let mut c = comparison(
            vec![a, b, other],
            &[
                vec![vec![0], vec![0], vec![]],
                vec![vec![], vec![], vec![0]],
            ],
        );
        c.similarity = vec![
            vec![1.0, 0.9, 0.01],
            vec![0.9, 1.0, 0.02],
            vec![0.01, 0.02, 1.0],
        ];
        assert!(c.is_unrelated(2) && !c.is_unrelated(0));
        assert!(detect(&c).is_empty(), "{:?}", detect(&c));
        // The same passage in a copy of the story (word similarity above COPY_SIMILARITY) is reported.
        c.similarity[2] = vec![0.5, 0.5, 1.0];
        assert_eq!(detect(&c).len(), 1);
    }

    #[test]
    fn single_article_has_nothing_unique() {
        let a = article("wire.txt", &["The port reopened on Monday after talks."]);
        let c = comparison(vec![a], &[vec![vec![0]]]);
        assert!(detect(&c).is_empty());
    }

    #[test]
    fn rows_shared_by_two_articles_are_not_unique() {
        let a = article("a", &["One two three four five."]);
        let b = article("b", &["One two three four six."]);
        let c3 = article("c", &["Something else entirely here today."]);
        let c = comparison(vec![a, b, c3], &[vec![vec![0], vec![0], vec![]]]);
        assert!(detect(&c).is_empty());
    }

    #[test]
    fn fixture_through_the_pipeline() {
        let c = crate::detect::testing::fixture("unique_passage");
        let f = detect(&c);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].article, 1);
        assert!(f[0].text.starts_with("A local school"), "{}", f[0].text);
    }
}
