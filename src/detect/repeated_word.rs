//! Detector for `repeated_word` findings.

use crate::model::{Comparison, Finding};

/// Finds `repeated_word` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
