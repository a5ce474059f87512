//! Aligning the paragraphs of N articles into rows of passages.
//!
//! Every other article is aligned to the reference pairwise ([`pairwise`]); the pairwise
//! matches are merged into N-way rows keyed by groups of reference paragraphs; paragraphs
//! no reference passage claims are grouped across articles when they match each other
//! ([`extras`]) and placed where they fall in their own article.

mod extras;
mod features;
mod pairwise;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::model::Article;
use features::Features;
use pairwise::Match;

/// One aligned row before diffing: for each article, the consecutive paragraphs it contributes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AlignedRow {
    /// Per article: the paragraph indices in this row (empty when the article lacks the passage).
    pub cells: Vec<Vec<usize>>,
    /// Per article: whether the passage sits out of the reference's order in that article.
    pub moved: Vec<bool>,
}

/// Aligns the articles against `articles[reference]` (the first article when out of range).
///
/// Every paragraph of every article lands in exactly one row; rows follow the reference's
/// order. The grouping does not depend on the order of the other articles.
#[must_use]
pub fn align(articles: &[Article], reference: usize) -> Vec<AlignedRow> {
    let count = articles.len();
    if count == 0 {
        return Vec::new();
    }
    let reference = if reference < count { reference } else { 0 };
    let f = Features::build(articles);
    let pairs: Vec<Vec<Match>> = (0..count)
        .map(|k| {
            if k == reference {
                Vec::new()
            } else {
                pairwise::align_pair(&f, reference, k)
            }
        })
        .collect();
    let groups = reference_groups(f.len(reference), &pairs);
    let mut group_of = vec![0usize; f.len(reference)];
    for (g, range) in groups.iter().enumerate() {
        for i in range.clone() {
            if let Some(x) = group_of.get_mut(i) {
                *x = g;
            }
        }
    }
    let mut rows: Vec<AlignedRow> = groups
        .iter()
        .map(|range| AlignedRow {
            cells: (0..count)
                .map(|k| {
                    if k == reference {
                        range.clone().collect()
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
            moved: vec![false; count],
        })
        .collect();
    // Per article and paragraph: the reference row holding it, and whether it was moved there.
    let mut placed: Vec<Vec<Option<(usize, bool)>>> =
        (0..count).map(|k| vec![None; f.len(k)]).collect();
    for (k, matches) in pairs.iter().enumerate() {
        if k == reference {
            continue;
        }
        let Some(placed_k) = placed.get_mut(k) else {
            continue;
        };
        place_article(k, matches, &group_of, &mut rows, placed_k);
    }
    let extra_rows = extras::extra_rows(&f, reference, &placed);
    let mut by_anchor: BTreeMap<Option<usize>, Vec<AlignedRow>> = BTreeMap::new();
    for (anchor, row) in extra_rows {
        by_anchor.entry(anchor).or_default().push(row);
    }
    let mut out = by_anchor.remove(&None).unwrap_or_default();
    for (g, row) in rows.into_iter().enumerate() {
        out.push(row);
        if let Some(mut after) = by_anchor.remove(&Some(g)) {
            out.append(&mut after);
        }
    }
    out
}

/// Groups of consecutive reference paragraphs: the union of the reference ranges of every match.
fn reference_groups(m: usize, pairs: &[Vec<Match>]) -> Vec<Range<usize>> {
    // joined[i]: paragraphs i and i + 1 share a row.
    let mut joined = vec![false; m.saturating_sub(1)];
    for mt in pairs.iter().flatten() {
        for i in mt.r.start..mt.r.end.saturating_sub(1) {
            if let Some(x) = joined.get_mut(i) {
                *x = true;
            }
        }
    }
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 0..m {
        if !joined.get(i).copied().unwrap_or(false) {
            groups.push(start..i + 1);
            start = i + 1;
        }
    }
    groups
}

/// Puts article `k`'s matched paragraphs into the reference rows.
fn place_article(
    k: usize,
    matches: &[Match],
    group_of: &[usize],
    rows: &mut [AlignedRow],
    placed: &mut [Option<(usize, bool)>],
) {
    let mut in_order: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut moved: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for mt in matches {
        let Some(&g) = group_of.get(mt.r.start) else {
            continue;
        };
        let target = if mt.moved { &mut moved } else { &mut in_order };
        let e = target.entry(g).or_insert((mt.o.start, mt.o.end));
        e.0 = e.0.min(mt.o.start);
        e.1 = e.1.max(mt.o.end);
    }
    for (&g, &(s, e)) in &in_order {
        if let Some(cell) = rows.get_mut(g).and_then(|row| row.cells.get_mut(k)) {
            *cell = (s..e).collect();
            for j in s..e {
                if let Some(p) = placed.get_mut(j) {
                    *p = Some((g, false));
                }
            }
        }
    }
    for (&g, &(s, e)) in &moved {
        if (s..e).any(|j| placed.get(j).is_some_and(Option::is_some)) {
            continue;
        }
        let Some(row) = rows.get_mut(g) else {
            continue;
        };
        let Some(cell) = row.cells.get_mut(k) else {
            continue;
        };
        let fits = match (cell.first(), cell.last()) {
            (Some(&first), Some(&last)) => s == last + 1 || e == first,
            _ => true,
        };
        if !fits {
            continue;
        }
        cell.extend(s..e);
        cell.sort_unstable();
        if let Some(flag) = row.moved.get_mut(k) {
            *flag = true;
        }
        for j in s..e {
            if let Some(p) = placed.get_mut(j) {
                *p = Some((g, true));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, Paragraph};

    fn article(paragraphs: &[&str]) -> Article {
        Article {
            path: "t.txt".to_string(),
            title: "t".to_string(),
            outlet: None,
            author: None,
            date: None,
            format: Format::Txt,
            encoding: "UTF-8".to_string(),
            paragraphs: paragraphs
                .iter()
                .map(|t| Paragraph {
                    text: (*t).to_string(),
                })
                .collect(),
        }
    }

    const A: &str = "The harbour council approved the new budget for dredging on Tuesday evening.";
    const B1: &str = "Fishermen had warned for years that silt was closing the northern channel.";
    const B2: &str = "Boats with deep keels now wait for high tide before they can reach the quay.";
    const C: &str = "The mayor said work would start in spring and finish before the regatta.";
    const D: &str = "Environmental groups asked for a study of the eelgrass beds near the pier.";
    const X: &str = "A spokesman for the ferry operator welcomed the decision and promised cheaper tickets.";

    fn row_with(rows: &[AlignedRow], article: usize, para: usize) -> &AlignedRow {
        rows.iter()
            .find(|r| r.cells[article].contains(&para))
            .expect("paragraph in no row")
    }

    #[test]
    fn split_paragraph_lines_up_with_both_halves() {
        let merged = format!("{B1} {B2}");
        let reference = article(&[A, &merged, C, D]);
        let other = article(&[A, B1, B2, C, D]);
        let rows = align(&[reference, other], 0);
        assert_eq!(row_with(&rows, 0, 1).cells[1], vec![1, 2]);
        assert_eq!(row_with(&rows, 0, 3).cells[1], vec![4]);
        assert!(rows.iter().all(|r| !r.moved.contains(&true)));
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn merged_paragraphs_line_up_with_both_reference_paragraphs() {
        let merged = format!("{B1} {B2}");
        let reference = article(&[A, B1, B2, C]);
        let other = article(&[A, &merged, C]);
        let rows = align(&[reference, other], 0);
        let row = row_with(&rows, 1, 1);
        assert_eq!(row.cells[0], vec![1, 2]);
    }

    #[test]
    fn moved_paragraph_is_matched_and_marked() {
        let reference = article(&[A, B1, B2, C, D]);
        let other = article(&[A, B2, C, D, B1]);
        let rows = align(&[reference, other], 0);
        let row = row_with(&rows, 0, 1);
        assert_eq!(row.cells[1], vec![4]);
        assert!(row.moved[1]);
        assert!(!row_with(&rows, 0, 3).moved[1]);
        // Rows keep the reference's order.
        let order: Vec<usize> = rows.iter().flat_map(|r| r.cells[0].clone()).collect();
        assert_eq!(order, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn shared_extra_passage_shares_a_row_where_it_falls() {
        let x2 = "The ferry operator's spokesman welcomed the decision and promised cheaper tickets.";
        let reference = article(&[A, B1, C]);
        let one = article(&[A, X, B1, C]);
        let two = article(&[A, B1, x2, C]);
        let rows = align(&[reference, one, two], 0);
        let row = row_with(&rows, 1, 1);
        assert!(row.cells[0].is_empty());
        assert_eq!(row.cells[2], vec![2]);
        let position = rows.iter().position(|r| r.cells[1].contains(&1));
        assert!(position.is_some_and(|p| p >= 1 && p <= 2), "{rows:?}");
    }

    #[test]
    fn unrelated_paragraphs_are_not_lumped() {
        let reference = article(&[A, C]);
        let other = article(&[A, X, C]);
        let rows = align(&[reference, other], 0);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.cells.iter().all(|c| c.len() <= 1)));
    }
}
