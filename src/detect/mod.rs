//! Detectors: one file per finding kind. Each reads a finished comparison (articles,
//! rows, ops) and returns findings; [`detect_all`] runs them all and sorts the result.

pub mod boilerplate;
pub mod duplicate_passage;
pub mod glued_words;
pub mod mojibake;
pub mod name_variant;
pub mod number_mismatch;
pub mod pronoun_shift;
pub mod quote_mismatch;
pub mod repeated_word;
pub mod spelling_variant;
pub mod stray_capital;
mod text_util;
pub mod unbalanced_quotes;
pub mod unique_passage;
mod xref_util;

use crate::model::{Comparison, Finding};

/// Runs every detector over the comparison and returns the findings sorted by
/// article, paragraph, start and kind.
#[must_use]
pub fn detect_all(comparison: &Comparison) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(duplicate_passage::detect(comparison));
    findings.extend(boilerplate::detect(comparison));
    findings.extend(glued_words::detect(comparison));
    findings.extend(stray_capital::detect(comparison));
    findings.extend(mojibake::detect(comparison));
    findings.extend(repeated_word::detect(comparison));
    findings.extend(unbalanced_quotes::detect(comparison));
    findings.extend(name_variant::detect(comparison));
    findings.extend(pronoun_shift::detect(comparison));
    findings.extend(number_mismatch::detect(comparison));
    findings.extend(quote_mismatch::detect(comparison));
    findings.extend(spelling_variant::detect(comparison));
    findings.extend(unique_passage::detect(comparison));
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
