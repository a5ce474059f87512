//! Facts derived once per comparison (paragraph → row, findings per cell and row, word
//! counts), read by the views every frame.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::compare::row_has_difference;
use crate::model::{Comparison, FindingKind, Override};

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
    /// `(article, paragraph)` pairs a correction of the user names (shown as such).
    pub corrected: HashSet<(usize, usize)>,
    /// Articles the user said are about the same story.
    pub same_story: HashSet<usize>,
}

impl Derived {
    /// The indexes of `c`, leaving out findings of the `hidden` kinds.
    #[must_use]
    pub fn new(c: &Comparison, hidden: &BTreeSet<FindingKind>) -> Self {
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
            if hidden.contains(&f.kind) {
                continue;
            }
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
        let mut corrected = HashSet::new();
        let mut same_story = HashSet::new();
        for (article, paragraph) in c.overrides.iter().flat_map(Override::places) {
            let Some(a) = crate::overrides::resolve(&c.articles, article) else {
                continue;
            };
            match paragraph {
                Some(p) => corrected.insert((a, p)),
                None => same_story.insert(a),
            };
        }
        Self {
            corrected,
            same_story,
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
