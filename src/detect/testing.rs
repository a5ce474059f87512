//! The one set of test builders for detector unit tests: hand-built comparisons whose cells
//! carry real ops (from [`crate::diff::diff_cell`]), so hunks read from ops work in tests.

use crate::model::{Article, Cell, CompareOptions, Comparison, Row};

/// An article from paragraph texts.
pub(crate) fn article(name: &str, paras: &[&str]) -> Article {
    Article::from_texts(name, paras.iter().copied())
}

/// A comparison whose rows are given as, per row, per article, the paragraph list
/// (empty = no cell). Each cell is diffed against the reference cell of its row.
pub(crate) fn comparison(articles: Vec<Article>, rows: &[Vec<Vec<usize>>]) -> Comparison {
    let n = articles.len();
    let options = CompareOptions::default();
    let reference = options.reference;
    let rows = rows
        .iter()
        .map(|r| Row {
            cells: r
                .iter()
                .enumerate()
                .map(|(a, ps)| {
                    (!ps.is_empty()).then(|| {
                        let ref_paras = r.get(reference).cloned().unwrap_or_default();
                        let ops = match (articles.get(reference), articles.get(a)) {
                            (Some(ra), Some(oa)) if !ref_paras.is_empty() => {
                                crate::diff::diff_cell(ra, &ref_paras, oa, ps, &options).0
                            }
                            _ => Vec::new(),
                        };
                        Cell {
                            paragraphs: ps.clone(),
                            similarity: 0.5,
                            moved: false,
                            ops,
                            ..Cell::default()
                        }
                    })
                })
                .collect(),
        })
        .collect();
    Comparison {
        overrides: Vec::new(),
        relatedness: Vec::new(),
        facts: Vec::new(),
        translations: Vec::new(),
        options,
        rows,
        articles,
        errors: Vec::new(),
        findings: Vec::new(),
        similarity: vec![vec![1.0; n]; n],
        headline: Vec::new(),
    }
}

/// A comparison aligning paragraph i of every article with paragraph i of the others.
pub(crate) fn parallel(articles: Vec<Article>) -> Comparison {
    let longest = articles
        .iter()
        .map(|a| a.paragraphs.len())
        .max()
        .unwrap_or(0);
    let rows: Vec<Vec<Vec<usize>>> = (0..longest)
        .map(|i| {
            articles
                .iter()
                .map(|a| {
                    if i < a.paragraphs.len() {
                        vec![i]
                    } else {
                        vec![]
                    }
                })
                .collect()
        })
        .collect();
    comparison(articles, &rows)
}

/// [`parallel`] over articles given as lists of paragraphs, named `a0.txt`, `a1.txt`, ….
pub(crate) fn comparison_of(articles: &[&[&str]]) -> Comparison {
    parallel(
        articles
            .iter()
            .enumerate()
            .map(|(i, paras)| article(&format!("a{i}.txt"), paras))
            .collect(),
    )
}

/// The comparison of `tests/fixtures/detect/<kind>/a.txt` (reference) and `b.txt`
/// through the whole pipeline (real loader, aligner and diff).
pub(crate) fn fixture(kind: &str) -> Comparison {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/detect")
        .join(kind);
    crate::compare_files(
        &[dir.join("a.txt"), dir.join("b.txt")],
        &CompareOptions::default(),
        &mut |_| {},
    )
}

/// The findings `detect` makes in one article of one paragraph, `text`.
pub(crate) fn found_in(
    detect: fn(&crate::detect::Context<'_>) -> Vec<crate::model::Finding>,
    text: &str,
) -> Vec<crate::model::Finding> {
    detect(&crate::detect::Context::new(&comparison_of(&[&[text]])))
}

/// The findings `detect` makes in one article of several paragraphs.
pub(crate) fn found_in_paragraphs(
    detect: fn(&crate::detect::Context<'_>) -> Vec<crate::model::Finding>,
    paras: &[&str],
) -> Vec<crate::model::Finding> {
    detect(&crate::detect::Context::new(&comparison_of(&[paras])))
}
