//! Detector for `mojibake` findings.

use crate::model::{Comparison, Finding};

/// Finds `mojibake` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
