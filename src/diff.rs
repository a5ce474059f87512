//! Word- (or character-) level diff of one cell against the reference cell.

use crate::model::{Article, CompareOptions, Op, OpTag, Span};

/// Diffs `other`'s paragraphs `paras` against the reference's `ref_paras`.
/// Returns the ops and the similarity (0–1).
#[must_use]
pub fn diff_cell(
    reference: &Article,
    ref_paras: &[usize],
    other: &Article,
    paras: &[usize],
    options: &CompareOptions,
) -> (Vec<Op>, f64) {
    let _ = (reference, ref_paras, options);
    let ops = paras
        .iter()
        .filter_map(|&p| other.paragraphs.get(p).map(|para| (p, para)))
        .map(|(p, para)| Op {
            tag: OpTag::Insert,
            text: para.text.clone(),
            span: Span {
                paragraph: p,
                start: 0,
                end: para.text.chars().count(),
            },
            ref_span: None,
            whitespace_only: false,
        })
        .collect();
    (ops, 0.0)
}

/// Article × article similarity over the aligned rows (symmetric, 1.0 on the diagonal).
#[must_use]
pub fn similarity_matrix(articles: &[Article], options: &CompareOptions) -> Vec<Vec<f64>> {
    let _ = options;
    (0..articles.len())
        .map(|i| {
            (0..articles.len())
                .map(|j| if i == j { 1.0 } else { 0.0 })
                .collect()
        })
        .collect()
}
