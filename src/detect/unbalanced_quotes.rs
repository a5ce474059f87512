//! Detector for `unbalanced_quotes` findings.

use crate::model::{Comparison, Finding};

/// Finds `unbalanced_quotes` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
