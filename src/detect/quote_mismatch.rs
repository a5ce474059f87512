//! Detector for `quote_mismatch` findings.

use crate::model::{Comparison, Finding};

/// Finds `quote_mismatch` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
