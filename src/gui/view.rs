//! The view filter: which aligned rows are shown, as a pure function over a [`Comparison`].
//!
//! "Only rows with differences" folds runs of unchanged rows into one marker;
//! "hide boilerplate" takes out rows whose every present passage is boilerplate.
//! Nothing here recomputes a diff.

use std::collections::{BTreeSet, HashSet};

use crate::compare::row_has_difference;
use crate::model::{Comparison, FindingKind};

/// One line of the rows view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// An aligned row (index into `comparison.rows`).
    Row(usize),
    /// A run of `count` unchanged rows starting at row `first`, folded away.
    Fold {
        /// First folded row.
        first: usize,
        /// Number of rows folded.
        count: usize,
    },
}

/// The view settings the filter reads.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Fold unchanged rows.
    pub only_changes: bool,
    /// Take boilerplate rows out.
    pub hide_boilerplate: bool,
    /// Folds the user opened (by first row).
    pub expanded: BTreeSet<usize>,
    /// A row that must stay visible (the target of a jump).
    pub keep: Option<usize>,
}

/// Paragraphs flagged as boilerplate, as `(article, paragraph)`.
#[must_use]
pub fn boilerplate_paragraphs(comparison: &Comparison) -> HashSet<(usize, usize)> {
    comparison
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Boilerplate)
        .map(|f| (f.article, f.paragraph))
        .collect()
}

/// True when every present cell of the row consists only of boilerplate paragraphs.
#[must_use]
pub fn row_is_boilerplate(
    comparison: &Comparison,
    row: usize,
    boilerplate: &HashSet<(usize, usize), impl std::hash::BuildHasher>,
) -> bool {
    let Some(row) = comparison.rows.get(row) else {
        return false;
    };
    let mut any = false;
    for (article, cell) in row.cells.iter().enumerate() {
        let Some(cell) = cell else { continue };
        any = true;
        if !cell
            .paragraphs
            .iter()
            .all(|p| boilerplate.contains(&(article, *p)))
        {
            return false;
        }
    }
    any
}

/// The items to show, in order.
#[must_use]
pub fn build(comparison: &Comparison, filter: &Filter) -> Vec<Item> {
    let boilerplate = if filter.hide_boilerplate {
        boilerplate_paragraphs(comparison)
    } else {
        HashSet::new()
    };
    let mut items = Vec::new();
    let mut fold: Option<(usize, usize)> = None;
    for (i, row) in comparison.rows.iter().enumerate() {
        let keep = filter.keep == Some(i);
        if filter.hide_boilerplate && !keep && row_is_boilerplate(comparison, i, &boilerplate) {
            continue;
        }
        let unchanged = !row_has_difference(row);
        if filter.only_changes && unchanged && !keep {
            match &mut fold {
                Some((_, count)) => *count += 1,
                None => fold = Some((i, 1)),
            }
            continue;
        }
        flush(&mut items, &mut fold, filter);
        items.push(Item::Row(i));
    }
    flush(&mut items, &mut fold, filter);
    items
}

fn flush(items: &mut Vec<Item>, fold: &mut Option<(usize, usize)>, filter: &Filter) {
    if let Some((first, count)) = fold.take() {
        if filter.expanded.contains(&first) {
            items.extend((first..first + count).map(Item::Row));
        } else {
            items.push(Item::Fold { first, count });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Article, Cell, CompareOptions, Finding, Format, Op, OpTag, Paragraph, Row, Span,
    };

    #[allow(clippy::unnecessary_wraps)] // Reason: rows hold optional cells.
    fn cell(p: usize, tag: OpTag) -> Option<Cell> {
        Some(Cell {
            paragraphs: vec![p],
            similarity: 1.0,
            moved: false,
            ops: vec![Op {
                tag,
                text: "x".into(),
                span: Span {
                    paragraph: p,
                    start: 0,
                    end: 1,
                },
                ref_span: None,
                whitespace_only: false,
            }],
            ..Cell::default()
        })
    }

    fn comparison() -> Comparison {
        let article = |n: usize| Article {
            source: crate::model::ArticleRef::default(),
            path: format!("{n}.txt"),
            title: String::new(),
            outlet: None,
            author: None,
            date: None,
            format: Format::Txt,
            encoding: "UTF-8".into(),
            paragraphs: vec![Paragraph { text: "x".into() }; 5],
        };
        let same = |p| Row {
            cells: vec![cell(p, OpTag::Equal), cell(p, OpTag::Equal)],
        };
        Comparison {
            overrides: Vec::new(),
            relatedness: Vec::new(),
            facts: Vec::new(),
            translations: Vec::new(),
            options: CompareOptions::default(),
            articles: vec![article(0), article(1)],
            errors: vec![],
            rows: vec![
                same(0),
                same(1),
                Row {
                    cells: vec![cell(2, OpTag::Equal), cell(2, OpTag::Insert)],
                },
                same(3),
                Row {
                    cells: vec![None, cell(4, OpTag::Equal)],
                },
            ],
            findings: vec![Finding {
                manual: false,
                kind: FindingKind::Boilerplate,
                article: 1,
                paragraph: 4,
                start: 0,
                end: 1,
                text: "x".into(),
                message: "page text".into(),
                suggestion: None,
                related: vec![],
            }],
            similarity: vec![],
            headline: Vec::new(),
        }
    }

    #[test]
    fn all_rows_without_filters() {
        let items = build(&comparison(), &Filter::default());
        assert_eq!(items, (0..5).map(Item::Row).collect::<Vec<_>>());
    }

    #[test]
    fn only_changes_folds_unchanged_runs() {
        let filter = Filter {
            only_changes: true,
            ..Filter::default()
        };
        let items = build(&comparison(), &filter);
        assert_eq!(
            items,
            vec![
                Item::Fold { first: 0, count: 2 },
                Item::Row(2),
                Item::Fold { first: 3, count: 1 },
                Item::Row(4),
            ]
        );
        let mut expanded = filter.clone();
        expanded.expanded.insert(0);
        assert_eq!(build(&comparison(), &expanded).first(), Some(&Item::Row(0)));
    }

    #[test]
    fn hide_boilerplate_drops_rows_made_only_of_boilerplate() {
        let filter = Filter {
            hide_boilerplate: true,
            ..Filter::default()
        };
        let items = build(&comparison(), &filter);
        assert_eq!(items, (0..4).map(Item::Row).collect::<Vec<_>>());
        let keep = Filter {
            keep: Some(4),
            ..filter
        };
        assert_eq!(build(&comparison(), &keep).len(), 5);
    }
}
