//! The article × article similarity matrix over the aligned rows.

use rustc_hash::FxHashMap as HashMap;

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
    // Each paragraph is folded and split once; its words are interned as integers, so a
    // row's bag of words is built from integer lists, not by folding the text again.
    let mut ids: HashMap<String, u32> = HashMap::default();
    let para_words: Vec<Vec<Vec<u32>>> = articles
        .iter()
        .map(|article| {
            article
                .paragraphs
                .iter()
                .map(|para| {
                    let norm = normalize::normalize(&para.text, fold);
                    normalize::words(&norm.text)
                        .iter()
                        .map(|w| {
                            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                            *ids.entry(w.text.to_string()).or_insert(next)
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let bag = |article: usize, paras: &[usize]| -> HashMap<u32, usize> {
        let mut out = HashMap::default();
        for &p in paras {
            for &w in para_words
                .get(article)
                .and_then(|a| a.get(p))
                .map_or(&[][..], Vec::as_slice)
            {
                *out.entry(w).or_insert(0) += 1;
            }
        }
        out
    };
    let totals: Vec<usize> = para_words
        .iter()
        .map(|paras| paras.iter().map(Vec::len).sum())
        .collect();
    let mut shared = vec![vec![0usize; count]; count];
    for row in rows {
        let bags: Vec<Option<HashMap<u32, usize>>> = row
            .cells
            .iter()
            .take(count)
            .enumerate()
            .map(|(a, cell)| cell.as_ref().map(|c| bag(a, &c.paragraphs)))
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
