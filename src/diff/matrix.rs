//! The article × article similarity matrix over the aligned rows.

use std::collections::HashMap;

use crate::model::{Article, CompareOptions, Row};
use crate::normalize::{self, Fold};

/// Article × article similarity (symmetric, 1.0 on the diagonal): twice the words two articles
/// share within the rows where both have a passage, over the words of both articles. Words
/// present in only one article's text count against the pair, so a short article that carries
/// part of a long one scores by how much of the combined text is shared.
#[must_use]
pub fn similarity_matrix<'a>(
    articles: &[Article],
    rows: impl IntoIterator<Item = &'a Row>,
    options: &CompareOptions,
) -> Vec<Vec<f64>> {
    let count = articles.len();
    let fold = Fold {
        case: options.ignore_case,
        punctuation: true,
        whitespace: false,
    };
    let bag = |article: &Article, paras: &[usize]| -> HashMap<String, usize> {
        let mut out = HashMap::new();
        for &p in paras {
            if let Some(para) = article.paragraphs.get(p) {
                let norm = normalize::normalize(&para.text, fold);
                for w in normalize::words(&norm.text) {
                    *out.entry(w.text.to_string()).or_insert(0) += 1;
                }
            }
        }
        out
    };
    let totals: Vec<usize> = articles
        .iter()
        .map(|a| {
            let all: Vec<usize> = (0..a.paragraphs.len()).collect();
            bag(a, &all).values().sum()
        })
        .collect();
    let mut shared = vec![vec![0usize; count]; count];
    for row in rows {
        let bags: Vec<Option<HashMap<String, usize>>> = row
            .cells
            .iter()
            .zip(articles)
            .map(|(cell, article)| cell.as_ref().map(|c| bag(article, &c.paragraphs)))
            .collect();
        for (i, bi) in bags.iter().enumerate() {
            let Some(bi) = bi else { continue };
            for (j, bj) in bags.iter().enumerate().skip(i + 1) {
                let Some(bj) = bj else { continue };
                let common: usize = bi
                    .iter()
                    .map(|(w, &n)| bj.get(w).map_or(0, |&m| n.min(m)))
                    .sum();
                if let Some(x) = shared.get_mut(i).and_then(|r| r.get_mut(j)) {
                    *x += common;
                }
            }
        }
    }
    (0..count)
        .map(|i| {
            (0..count)
                .map(|j| {
                    if i == j {
                        return 1.0;
                    }
                    let (a, b) = (i.min(j), i.max(j));
                    let common = shared.get(a).and_then(|r| r.get(b)).copied().unwrap_or(0);
                    let total =
                        totals.get(i).copied().unwrap_or(0) + totals.get(j).copied().unwrap_or(0);
                    if total == 0 {
                        1.0
                    } else {
                        2.0 * common as f64 / total as f64
                    }
                })
                .collect()
        })
        .collect()
}
