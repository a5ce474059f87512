//! Detector for `name_variant` findings.

use crate::model::{Comparison, Finding};

/// Finds `name_variant` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let _ = comparison;
    Vec::new()
}
