//! Reports of a finished [`crate::model::Comparison`]: stable JSON and a terminal summary.

pub mod json;
pub mod text;
