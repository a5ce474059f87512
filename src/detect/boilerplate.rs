//! Detector for `boilerplate` findings.

use crate::model::{Comparison, Finding};

/// Finds `boilerplate` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
