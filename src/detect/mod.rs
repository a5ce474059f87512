//! Detectors: one file per finding kind. [`detect_all`] builds one [`Context`] per
//! comparison (words, sentences, quotations, vocabulary, rows, aligned cell hunks,
//! languages: see [`context`]) and runs the [`DETECTORS`] table over it, then sorts the
//! findings. Word lists are data files under `detect/lexicon/` ([`lexicon`]).

pub mod boilerplate;
pub mod context;
pub mod credit_mismatch;
pub mod doubled_attribution;
pub mod duplicate_passage;
pub mod foreign_punctuation;
pub mod glued_words;
pub mod language;
mod lexicon;
pub mod mojibake;
pub mod name_variant;
pub mod number_mismatch;
pub mod pronoun_shift;
pub mod quote_mismatch;
pub mod repeated_word;
pub mod spelling_variant;
pub mod stray_capital;
pub mod stray_fragment;
#[cfg(test)]
mod testing;
pub mod unbalanced_quotes;
pub mod unique_passage;
pub mod untranslated_passage;

pub use context::{Context, TextView};

use rayon::prelude::*;

use crate::model::{Comparison, Finding, FindingKind};

/// A detector: the kind it reports and the function that finds it in a context.
pub type Detector = (FindingKind, fn(&Context<'_>) -> Vec<Finding>);

/// The detectors that read the word diff (the hunks of the aligned cell pairs, or a cell's
/// relation, which its similarity decides): every other detector reads only the articles
/// and their alignment, so a re-diff with other options (same files, same reference, same
/// corrections) keeps their findings ([`Stable`]). A test runs every other detector on a
/// comparison whose diff it scrambled and requires the same findings.
pub const READ_THE_DIFF: &[FindingKind] = &[
    FindingKind::NumberMismatch,
    FindingKind::PronounShift,
    FindingKind::QuoteMismatch,
    FindingKind::UniquePassage,
];

/// What the detectors that do not read the diff found, per [`DETECTORS`] entry (empty for
/// those that do), with the [`TextView`] they read: kept by a window between re-diffs of
/// one alignment ([`detect_reusing`]).
#[derive(Debug, Clone)]
pub struct Stable {
    /// The context's options-independent part.
    pub text: TextView,
    /// Per [`DETECTORS`] entry, in table order.
    findings: Vec<Vec<Finding>>,
}

/// Runs the detectors that do not read the diff ([`READ_THE_DIFF`]) over `ctx`.
#[must_use]
pub fn detect_stable(ctx: &Context<'_>) -> Stable {
    let findings = DETECTORS
        .par_iter()
        .map(|(kind, run)| {
            if READ_THE_DIFF.contains(kind) {
                Vec::new()
            } else {
                run(ctx)
            }
        })
        .collect();
    Stable {
        text: ctx.text_view(),
        findings,
    }
}

/// Every detector, in the order they run.
pub const DETECTORS: &[Detector] = &[
    (FindingKind::DuplicatePassage, duplicate_passage::detect),
    (FindingKind::Boilerplate, boilerplate::detect),
    (FindingKind::GluedWords, glued_words::detect),
    (FindingKind::StrayCapital, stray_capital::detect),
    (FindingKind::Mojibake, mojibake::detect),
    (FindingKind::RepeatedWord, repeated_word::detect),
    (FindingKind::UnbalancedQuotes, unbalanced_quotes::detect),
    (FindingKind::NameVariant, name_variant::detect),
    (FindingKind::PronounShift, pronoun_shift::detect),
    (FindingKind::NumberMismatch, number_mismatch::detect),
    (FindingKind::QuoteMismatch, quote_mismatch::detect),
    (FindingKind::SpellingVariant, spelling_variant::detect),
    (FindingKind::UniquePassage, unique_passage::detect),
    (FindingKind::StrayFragment, stray_fragment::detect),
    (FindingKind::ForeignPunctuation, foreign_punctuation::detect),
    (FindingKind::DoubledAttribution, doubled_attribution::detect),
    (
        FindingKind::UntranslatedPassage,
        untranslated_passage::detect,
    ),
    (FindingKind::CreditMismatch, credit_mismatch::detect),
];

/// Runs every detector over the comparison, applies the comparison's
/// [`Override::Furniture`](crate::model::Override::Furniture) corrections to the boilerplate
/// findings ([`crate::overrides::apply_furniture`]) and returns the findings sorted by
/// article, paragraph, start and kind.
#[must_use]
pub fn detect_all(comparison: &Comparison) -> Vec<Finding> {
    detect_in(&Context::new(comparison))
}

/// [`detect_all`] on an already built context (the pipeline builds one and hands it to the
/// detectors, the facts table and the coverage notes).
#[must_use]
pub fn detect_in(ctx: &Context<'_>) -> Vec<Finding> {
    detect_reusing(ctx, &detect_stable(ctx))
}

/// [`detect_in`] with the findings of the detectors that do not read the diff taken from
/// `stable` (made by [`detect_stable`] from a context of the same articles and alignment;
/// `ctx` is then built with [`Context::with_text`] from `stable.text`).
#[must_use]
pub fn detect_reusing(ctx: &Context<'_>, stable: &Stable) -> Vec<Finding> {
    let comparison = ctx.comparison;
    // The detectors only read the context: they run side by side, and their findings are
    // joined in table order (then sorted), so the result does not depend on the threads.
    let per_detector: Vec<Vec<Finding>> = DETECTORS
        .par_iter()
        .enumerate()
        .map(|(i, (kind, run))| {
            if READ_THE_DIFF.contains(kind) {
                run(ctx)
            } else {
                stable.findings.get(i).cloned().unwrap_or_default()
            }
        })
        .collect();
    let mut findings: Vec<Finding> = per_detector.into_iter().flatten().collect();
    // The user's word on what is page furniture replaces the boilerplate detector's, before
    // the step that reads it.
    crate::overrides::apply_furniture(&comparison.articles, &comparison.overrides, &mut findings);
    drop_page_furniture_from_unique(&mut findings);
    findings.sort_by(|a, b| {
        (a.article, a.paragraph, a.start, a.kind, a.end).cmp(&(
            b.article,
            b.paragraph,
            b.start,
            b.kind,
            b.end,
        ))
    });
    findings.dedup();
    findings
}

/// A passage only one article carries is news only when it is story text: boilerplate and
/// duplicated passages (both copies) are page furniture, already reported as such, so they are
/// not also reported as `unique_passage`.
fn drop_page_furniture_from_unique(findings: &mut Vec<Finding>) {
    let furniture: std::collections::HashSet<(usize, usize)> = findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::Boilerplate | FindingKind::DuplicatePassage
            )
        })
        .flat_map(|f| {
            let related = f
                .related
                .iter()
                .filter(|_| f.kind == FindingKind::DuplicatePassage)
                .map(|l| (l.article, l.paragraph));
            std::iter::once((f.article, f.paragraph)).chain(related)
        })
        .collect();
    findings.retain(|f| {
        f.kind != FindingKind::UniquePassage || !furniture.contains(&(f.article, f.paragraph))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Location, Relation};

    fn finding(kind: FindingKind, article: usize, paragraph: usize) -> Finding {
        Finding {
            manual: false,
            kind,
            article,
            paragraph,
            start: 0,
            end: 1,
            text: "x".into(),
            message: "m".into(),
            suggestion: None,
            related: Vec::new(),
        }
    }

    /// The Arabic and Chinese samples get no finding from English-only rules, and their
    /// articles are detected as not English.
    #[test]
    fn english_rules_stay_off_arabic_and_chinese_samples() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/rtl-cjk");
        for pair in [
            ["arabic.txt", "arabic-edited.txt"],
            ["chinese.txt", "chinese-edited.txt"],
        ] {
            let c = crate::compare_files(
                &[dir.join(pair[0]), dir.join(pair[1])],
                &crate::model::CompareOptions::default(),
                &mut |_| {},
            );
            assert_eq!(c.articles.len(), 2, "{pair:?}");
            let ctx = Context::new(&c);
            assert!(!ctx.english(0) && !ctx.english(1), "{pair:?}");
            let english_only: Vec<_> = detect_all(&c)
                .into_iter()
                .filter(|f| language::ENGLISH_ONLY.contains(&f.kind))
                .collect();
            assert!(english_only.is_empty(), "{pair:?}: {english_only:?}");
            assert_eq!(language::skipped_notes(&c).len(), 2);
        }
    }

    #[test]
    fn only_the_listed_detectors_read_the_diff() {
        // The bundled story, then the same comparison with every cell's diff scrambled (no
        // ops, no similarity, the relation turned over): the detectors said not to read the
        // diff find exactly what they found before, so their findings may be kept across a
        // re-diff; the ones listed as reading it see the change. (The similarity matrix and
        // the headline diffs, which the options also change, are scrambled too.)
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
        let paths = ["wire.txt", "republished.html", "rewrite.md"].map(|f| samples.join(f));
        let real = crate::compare_files_with(
            &paths,
            &crate::model::CompareOptions::default(),
            &[],
            &mut |_| {},
        );
        let mut scrambled = real.clone();
        for cell in scrambled
            .rows
            .iter_mut()
            .flat_map(|r| r.cells.iter_mut().flatten())
        {
            cell.ops.clear();
            cell.similarity = 1.0 - cell.similarity;
            cell.relation = match cell.relation {
                Relation::Related => Relation::Reworded,
                Relation::Translation => Relation::Translation,
                _ => Relation::Related,
            };
        }
        for value in scrambled.similarity.iter_mut().flatten() {
            *value = 1.0 - *value;
        }
        for headline in scrambled.headline.iter_mut().flatten() {
            headline.ops.clear();
            headline.similarity = 1.0 - headline.similarity;
        }
        let (before, after) = (Context::new(&real), Context::new(&scrambled));
        let mut changed = Vec::new();
        for (kind, run) in DETECTORS {
            let (b, a) = (run(&before), run(&after));
            if READ_THE_DIFF.contains(kind) {
                if b != a {
                    changed.push(*kind);
                }
            } else {
                assert_eq!(b, a, "{kind:?} reads the diff: list it in READ_THE_DIFF");
            }
        }
        assert!(
            !changed.is_empty(),
            "no listed detector saw the scrambled diff"
        );
        // The facts table is kept across a re-diff too.
        assert_eq!(
            crate::facts::extract(&before),
            crate::facts::extract(&after)
        );
    }

    #[test]
    fn furniture_is_not_also_a_unique_passage() {
        let mut dup = finding(FindingKind::DuplicatePassage, 1, 10);
        dup.related.push(Location {
            article: 1,
            paragraph: 9,
            start: 0,
            end: 5,
        });
        let mut findings = vec![
            dup,
            finding(FindingKind::Boilerplate, 1, 13),
            finding(FindingKind::UniquePassage, 1, 9),
            finding(FindingKind::UniquePassage, 1, 10),
            finding(FindingKind::UniquePassage, 1, 13),
            finding(FindingKind::UniquePassage, 2, 16),
        ];
        drop_page_furniture_from_unique(&mut findings);
        let unique: Vec<_> = findings
            .iter()
            .filter(|f| f.kind == FindingKind::UniquePassage)
            .map(|f| (f.article, f.paragraph))
            .collect();
        assert_eq!(unique, [(2, 16)]);
        assert_eq!(findings.len(), 3);
    }
}
