//! Detector for `pronoun_shift` findings.

use crate::model::{Comparison, Finding};

/// Finds `pronoun_shift` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
