//! Compatibility shim for the detectors that still take a bare [`Comparison`]
//! (boilerplate, mojibake, duplicate passages): the helpers they import, each defined once
//! in [`super::context`] (or here as a thin wrapper over it).

pub(crate) use super::context::{Hit, is_function_word, slice};
use crate::model::{Finding, FindingKind};

/// The characters of `text`.
#[must_use]
pub(crate) fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

/// Builds a [`Finding`] whose `text` is the paragraph's characters between the hit's offsets
/// (the same construction as [`super::context::Context::finding`], from characters in hand).
#[must_use]
pub(crate) fn finding(
    kind: FindingKind,
    article: usize,
    paragraph: usize,
    para_chars: &[char],
    hit: Hit,
) -> Finding {
    super::context::build_finding(
        kind,
        article,
        paragraph,
        slice(para_chars, hit.start, hit.end),
        hit,
    )
}

/// Test builders, re-exported from [`super::testing`].
#[cfg(test)]
pub(crate) mod test_support {
    pub(crate) use crate::detect::testing::comparison_of;
}
