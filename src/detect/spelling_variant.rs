//! Detector for `spelling_variant` findings.

use crate::model::{Comparison, Finding};

/// Finds `spelling_variant` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
