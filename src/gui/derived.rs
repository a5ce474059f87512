//! Facts derived once per comparison (paragraph → row, findings per cell and row, word
//! counts, the coverage map, where each fact stands per article), read by the views every
//! frame.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::compare::row_has_difference;
use crate::coverage::map::{CoverageMap, coverage_map};
use crate::model::{Comparison, Fact, FindingKind, Override};

/// How one article carries one fact (a cell of the facts table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactPresence {
    /// The article does not mention it.
    Absent,
    /// The article mentions it in the form most articles use (index of its first mention in
    /// [`Fact::mentions`]).
    Present(usize),
    /// The article states it in a form of its own: a minority form, or one of tied forms
    /// (index of its first mention).
    Differs(usize),
}

impl FactPresence {
    /// The mention shown for this cell, if the article has one.
    #[must_use]
    pub fn mention(self) -> Option<usize> {
        match self {
            Self::Absent => None,
            Self::Present(m) | Self::Differs(m) => Some(m),
        }
    }
}

/// Per article, how it carries `fact`.
#[must_use]
pub fn fact_presence(fact: &Fact, articles: usize) -> Vec<FactPresence> {
    let largest = fact.differs.iter().map(Vec::len).max().unwrap_or(0);
    let tied = fact.differs.iter().filter(|g| g.len() == largest).count() > 1;
    (0..articles)
        .map(|a| {
            let Some(m) = fact.mentions.iter().position(|m| m.article == a) else {
                return FactPresence::Absent;
            };
            let own_form = fact
                .differs
                .iter()
                .any(|g| g.contains(&a) && (g.len() < largest || tied));
            if own_form {
                FactPresence::Differs(m)
            } else {
                FactPresence::Present(m)
            }
        })
        .collect()
}

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
    /// Per article that is a translation of the reference: its language's name ("German"),
    /// for the header; `None` for the others.
    pub translation_language: Vec<Option<&'static str>>,
    /// `(article, paragraph)` pairs a correction of the user names (shown as such).
    pub corrected: HashSet<(usize, usize)>,
    /// Articles the user said are about the same story.
    pub same_story: HashSet<usize>,
    /// The passage × outlet coverage map and the per-outlet summaries.
    pub coverage: CoverageMap,
    /// Per fact of [`Comparison::facts`], per article: how the article carries it.
    pub fact_presence: Vec<Vec<FactPresence>>,
    /// Number of facts the articles state differently.
    pub facts_differing: usize,
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
            coverage: coverage_map(c),
            fact_presence: c
                .facts
                .iter()
                .map(|f| fact_presence(f, c.articles.len()))
                .collect(),
            facts_differing: c.facts.iter().filter(|f| !f.differs.is_empty()).count(),
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
            translation_language: (0..c.articles.len())
                .map(|a| {
                    c.is_translation(a).then(|| {
                        c.articles.get(a).map_or("another language", |x| {
                            crate::detect::language::of_article(x).name()
                        })
                    })
                })
                .collect(),
        }
    }

    /// The row holding a paragraph of an article.
    #[must_use]
    pub fn row_of(&self, article: usize, paragraph: usize) -> Option<usize> {
        self.para_row.get(article)?.get(&paragraph).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FactKind, Mention};

    fn mention(article: usize, text: &str) -> Mention {
        Mention {
            article,
            paragraph: 0,
            start: 0,
            end: text.chars().count(),
            text: text.to_string(),
        }
    }

    #[test]
    fn the_minority_form_of_a_fact_differs_and_an_absent_article_has_none() {
        let fact = Fact {
            kind: FactKind::Figure,
            text: "84 ships".to_string(),
            speaker: None,
            mentions: vec![
                mention(0, "84 ships"),
                mention(1, "48 ships"),
                mention(2, "84 ships"),
            ],
            differs: vec![vec![0, 2], vec![1]],
        };
        assert_eq!(
            fact_presence(&fact, 4),
            vec![
                FactPresence::Present(0),
                FactPresence::Differs(1),
                FactPresence::Present(2),
                FactPresence::Absent
            ]
        );
        let tie = Fact {
            differs: vec![vec![0], vec![1]],
            mentions: vec![mention(0, "84 ships"), mention(1, "48 ships")],
            ..fact
        };
        assert_eq!(
            fact_presence(&tie, 2),
            vec![FactPresence::Differs(0), FactPresence::Differs(1)]
        );
    }
}
