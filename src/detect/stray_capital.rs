//! Detector for `stray_capital` findings.

use crate::model::{Comparison, Finding};

/// Finds `stray_capital` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
