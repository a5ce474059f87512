//! Facts derived once per comparison (paragraph → row, findings per cell and row, word
//! counts), read by the views every frame.

use std::collections::HashMap;

use crate::compare::row_has_difference;
use crate::model::Comparison;

/// Facts derived once per comparison.
#[derive(Debug, Default)]
pub struct Derived {
    /// Per article: paragraph → row.
    pub para_row: Vec<HashMap<usize, usize>>,
    /// `(article, paragraph)` → finding indices.
    pub cell_findings: HashMap<(usize, usize), Vec<usize>>,
    /// Per row: any difference from the reference.
    pub row_changed: Vec<bool>,
    /// Per row: number of findings.
    pub row_findings: Vec<usize>,
    /// Per article: number of words (counted once; headers show it every frame).
    pub word_counts: Vec<usize>,
}

impl Derived {
    pub(super) fn new(c: &Comparison) -> Self {
        let mut para_row = vec![HashMap::new(); c.articles.len()];
        for (r, row) in c.rows.iter().enumerate() {
            for (a, cell) in row.cells.iter().enumerate() {
                if let (Some(cell), Some(map)) = (cell, para_row.get_mut(a)) {
                    for p in &cell.paragraphs {
                        map.entry(*p).or_insert(r);
                    }
                }
            }
        }
        let mut cell_findings: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let mut row_findings = vec![0; c.rows.len()];
        for (i, f) in c.findings.iter().enumerate() {
            cell_findings
                .entry((f.article, f.paragraph))
                .or_default()
                .push(i);
            if let Some(r) = para_row.get(f.article).and_then(|m| m.get(&f.paragraph))
                && let Some(n) = row_findings.get_mut(*r)
            {
                *n += 1;
            }
        }
        Self {
            para_row,
            cell_findings,
            row_changed: c.rows.iter().map(row_has_difference).collect(),
            row_findings,
            word_counts: c
                .articles
                .iter()
                .map(crate::model::Article::word_count)
                .collect(),
        }
    }

    /// The row holding a paragraph of an article.
    #[must_use]
    pub fn row_of(&self, article: usize, paragraph: usize) -> Option<usize> {
        self.para_row.get(article)?.get(&paragraph).copied()
    }
}
