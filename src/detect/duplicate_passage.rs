//! Detector for `duplicate_passage` findings.

use crate::model::{Comparison, Finding};

/// Finds `duplicate_passage` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
