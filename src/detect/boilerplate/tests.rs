#![allow(clippy::indexing_slicing)]
use super::*;
use crate::detect::text_util::test_support::comparison_of;

fn flagged(paras: &[&str]) -> Vec<(usize, String)> {
    detect(&comparison_of(&[paras]))
        .into_iter()
        .map(|f| (f.paragraph, f.text))
        .collect()
}
