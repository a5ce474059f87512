//! Aligning the paragraphs of N articles into rows of passages.
//!
//! Every other article is aligned to the reference pairwise ([`pairwise`]); the pairwise
//! matches are merged into N-way rows keyed by groups of reference paragraphs; leftovers join
//! rows through similar passages of other articles, splitting a row when a moved paragraph
//! belongs to one half of it ([`refine`]); paragraphs no reference passage claims are grouped
//! across articles when they match each other ([`extras`]) and placed where they fall in
//! their own article.

pub mod crosslang;
mod extras;
mod features;
mod pairwise;
mod refine;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use rayon::prelude::*;

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
    let reference = if reference < articles.len() {
        reference
    } else {
        0
    };
    align_with(
        articles,
        reference,
        &crosslang::translations(articles, reference),
    )
}

/// [`align`] with the articles that are translations of the reference already known
/// (`translated[k]`, see [`crosslang::translations`]): those are aligned by sentence lengths
/// and anchors ([`crosslang`]), and no word similarity joins paragraphs across languages.
#[must_use]
pub fn align_with(articles: &[Article], reference: usize, translated: &[bool]) -> Vec<AlignedRow> {
    let count = articles.len();
    if count == 0 {
        return Vec::new();
    }
    let reference = if reference < count { reference } else { 0 };
    let mut f = Features::build(articles);
    f.set_groups(language_groups(articles, translated));
    // Each article is aligned to the reference on its own: on all cores, collected in order.
    let pairs: Vec<Vec<Match>> = (0..count)
        .into_par_iter()
        .map(|k| {
            if k == reference {
                Vec::new()
            } else if translated.get(k).copied().unwrap_or(false) {
                crosslang::align_pair(articles, reference, k)
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
    join_via_others(&f, reference, &group_of, &mut rows, &mut placed);
    swap_in(&f, reference, &mut rows, &mut placed);
    // A second round lets leftovers join through paragraphs placed since, and places the
    // paragraphs that swaps displaced.
    join_via_others(&f, reference, &group_of, &mut rows, &mut placed);
    // Rows that a leftover would join but for a cell of its article in the other half of the
    // row are split, and the leftovers try again.
    for _ in 0..SPLIT_ROUNDS {
        let split = refine::split_for_leftovers(&f, reference, JOIN_THRESHOLD, &rows, &placed);
        if split.len() == rows.len() {
            break;
        }
        rows = split;
        renumber(reference, &rows, &mut group_of, &mut placed);
        join_via_others(&f, reference, &group_of, &mut rows, &mut placed);
    }
    let extra_rows = extras::extra_rows(&f, reference, &placed, rows.len());
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

/// Per article, a group number: 0 for the reference's language (the reference and every
/// article that is no translation of it), then one number per language of the translations.
fn language_groups(articles: &[Article], translated: &[bool]) -> Vec<usize> {
    let mut codes: Vec<&'static str> = Vec::new();
    articles
        .iter()
        .enumerate()
        .map(|(k, a)| {
            if !translated.get(k).copied().unwrap_or(false) {
                return 0;
            }
            let code = crate::detect::language::of_article(a).code();
            let at = codes.iter().position(|c| *c == code).unwrap_or_else(|| {
                codes.push(code);
                codes.len() - 1
            });
            at + 1
        })
        .collect()
}

/// Rounds of row splitting for leftovers (each round cuts a row at most once).
const SPLIT_ROUNDS: usize = 3;

/// Points `group_of` and `placed` at the rows' new positions, keeping each paragraph's
/// moved flag.
fn renumber(
    reference: usize,
    rows: &[AlignedRow],
    group_of: &mut [usize],
    placed: &mut [Vec<Option<(usize, bool)>>],
) {
    for (g, row) in rows.iter().enumerate() {
        for (l, cell) in row.cells.iter().enumerate() {
            for &p in cell {
                if l == reference {
                    if let Some(x) = group_of.get_mut(p) {
                        *x = g;
                    }
                } else if let Some(Some(x)) = placed.get_mut(l).and_then(|v| v.get_mut(p)) {
                    x.0 = g;
                }
            }
        }
    }
}

/// Leftovers at least this similar to a passage another article put in a row join that row.
const JOIN_THRESHOLD: f32 = 0.18;

/// Puts a paragraph the pairwise pass left unmatched into the reference row where another
/// article carries a passage similar to it (when this article's cell there is still empty or
/// the paragraph continues it). Every decision reads the placements made against the
/// reference, so the result does not depend on the order of the articles.
fn join_via_others(
    f: &Features,
    reference: usize,
    group_of: &[usize],
    rows: &mut [AlignedRow],
    placed: &mut [Vec<Option<(usize, bool)>>],
) {
    let snapshot: Vec<Vec<Option<(usize, bool)>>> = placed.to_vec();
    let row_of = |l: usize, p: usize| -> Option<usize> {
        if l == reference {
            group_of.get(p).copied()
        } else {
            snapshot.get(l)?.get(p).copied().flatten().map(|(g, _)| g)
        }
    };
    for (k, placed_k) in placed.iter_mut().enumerate() {
        if k == reference {
            continue;
        }
        let mut proposals: Vec<(usize, usize, f32)> = Vec::new();
        for j in 0..placed_k.len() {
            if placed_k.get(j).is_some_and(Option::is_some) {
                continue;
            }
            let mut best: Option<(usize, f32)> = None;
            for l in 0..snapshot.len() {
                if l == k {
                    continue;
                }
                for p in f.candidates(k, j, l) {
                    let Some(g) = row_of(l, p) else { continue };
                    let open = rows
                        .get(g)
                        .and_then(|r| r.cells.get(k))
                        .is_some_and(|c| open_to(c, j));
                    if !open {
                        continue;
                    }
                    let s = f.dice(k, j..j + 1, l, p..p + 1);
                    if s >= JOIN_THRESHOLD
                        && best
                            .is_none_or(|(bg, bs)| s > bs || (s.total_cmp(&bs).is_eq() && g < bg))
                    {
                        best = Some((g, s));
                    }
                }
            }
            if let Some((g, s)) = best {
                proposals.push((j, g, s));
            }
        }
        proposals.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        for (j, g, _) in proposals {
            let Some(row) = rows.get_mut(g) else { continue };
            let Some(cell) = row.cells.get_mut(k) else {
                continue;
            };
            let fits = match (cell.first(), cell.last()) {
                (Some(&first), Some(&last)) => j == last + 1 || j + 1 == first,
                _ => true,
            };
            if !fits {
                continue;
            }
            let in_order = in_order_at(placed_k, j, g);
            cell.push(j);
            cell.sort_unstable();
            if !in_order && let Some(flag) = row.moved.get_mut(k) {
                *flag = true;
            }
            if let Some(p) = placed_k.get_mut(j) {
                *p = Some((g, !in_order));
            }
        }
    }
}

/// True when row `g` lies between the rows of the nearest in-order placed neighbours of
/// paragraph `j`.
fn in_order_at(placed_k: &[Option<(usize, bool)>], j: usize, g: usize) -> bool {
    let before = placed_k
        .get(..j)
        .and_then(|s| s.iter().rev().find_map(|p| p.filter(|x| !x.1)))
        .map(|x| x.0);
    let after = placed_k
        .get(j + 1..)
        .and_then(|s| s.iter().find_map(|p| p.filter(|x| !x.1)))
        .map(|x| x.0);
    before.is_none_or(|b| b <= g) && after.is_none_or(|a| g <= a)
}

/// A leftover replaces a row's single paragraph of its article when it is this much more
/// similar to the row's other passages.
const SWAP_MARGIN: f32 = 0.15;

/// Best similarity of paragraph `j` of article `k` to the passages other articles hold in `row`.
fn row_similarity(f: &Features, k: usize, j: usize, row: &AlignedRow) -> f32 {
    let mut best = 0.0f32;
    for (l, cell) in row.cells.iter().enumerate() {
        if l == k {
            continue;
        }
        for &p in cell {
            best = best.max(f.dice(k, j..j + 1, l, p..p + 1));
        }
    }
    best
}

/// Gives a row to a leftover paragraph when its article holds a single, much less similar
/// paragraph there; the displaced paragraph becomes a leftover. Reads a snapshot of the rows,
/// so that the result does not depend on the order of the articles.
fn swap_in(
    f: &Features,
    reference: usize,
    rows: &mut [AlignedRow],
    placed: &mut [Vec<Option<(usize, bool)>>],
) {
    let snapshot: Vec<AlignedRow> = rows.to_vec();
    let row_of = rows_by_paragraph(&snapshot, placed.len());
    for (k, placed_k) in placed.iter_mut().enumerate() {
        if k == reference {
            continue;
        }
        let mut proposals: Vec<(usize, usize, usize, f32)> = Vec::new();
        for j in 0..placed_k.len() {
            if placed_k.get(j).is_some_and(Option::is_some) {
                continue;
            }
            let mut best: Option<(usize, usize, f32)> = None;
            for g in candidate_rows(f, k, j, &row_of) {
                let Some(row) = snapshot.get(g) else { continue };
                let Some(&[q]) = row.cells.get(k).map(Vec::as_slice) else {
                    continue;
                };
                let s = row_similarity(f, k, j, row);
                if s < JOIN_THRESHOLD || s < row_similarity(f, k, q, row) + SWAP_MARGIN {
                    continue;
                }
                if best.is_none_or(|(_, _, bs)| s > bs) {
                    best = Some((g, q, s));
                }
            }
            if let Some((g, q, s)) = best {
                proposals.push((j, g, q, s));
            }
        }
        proposals.sort_by(|a, b| b.3.total_cmp(&a.3).then(a.0.cmp(&b.0)));
        for (j, g, q, _) in proposals {
            let Some(row) = rows.get_mut(g) else { continue };
            let Some(cell) = row.cells.get_mut(k) else {
                continue;
            };
            if cell.as_slice() != [q] {
                continue;
            }
            *cell = vec![j];
            if let Some(p) = placed_k.get_mut(q) {
                *p = None;
            }
            let in_order = in_order_at(placed_k, j, g);
            if let Some(flag) = row.moved.get_mut(k) {
                *flag = !in_order;
            }
            if let Some(p) = placed_k.get_mut(j) {
                *p = Some((g, !in_order));
            }
        }
    }
}

/// Per article: the row holding each paragraph placed in `rows`.
fn rows_by_paragraph(rows: &[AlignedRow], count: usize) -> Vec<HashMap<usize, usize>> {
    let mut row_of: Vec<HashMap<usize, usize>> = vec![HashMap::new(); count];
    for (g, row) in rows.iter().enumerate() {
        for (l, cell) in row.cells.iter().enumerate() {
            if let Some(map) = row_of.get_mut(l) {
                map.extend(cell.iter().map(|&p| (p, g)));
            }
        }
    }
    row_of
}

/// The rows (ascending) where other articles hold candidates for paragraph `j` of article `k`.
fn candidate_rows(
    f: &Features,
    k: usize,
    j: usize,
    row_of: &[HashMap<usize, usize>],
) -> Vec<usize> {
    let mut seen: Vec<usize> = Vec::new();
    for (l, map) in row_of.iter().enumerate() {
        if l != k {
            seen.extend(f.candidates(k, j, l).iter().filter_map(|p| map.get(p)));
        }
    }
    seen.sort_unstable();
    seen.dedup();
    seen
}

/// Cells this long take no more paragraphs from [`join_via_others`].
const JOIN_CELL_CAP: usize = 4;

/// True when paragraph `j` may join `cell`: the cell is empty, or short and `j` continues it.
fn open_to(cell: &[usize], j: usize) -> bool {
    match (cell.first(), cell.last()) {
        (Some(&first), Some(&last)) => {
            cell.len() < JOIN_CELL_CAP && (j == last + 1 || j + 1 == first)
        }
        _ => true,
    }
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
    let mut in_order: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
    let mut moved: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for mt in matches {
        let Some(&g) = group_of.get(mt.r.start) else {
            continue;
        };
        if mt.moved {
            let e = moved.entry(g).or_insert((mt.o.start, mt.o.end));
            e.0 = e.0.min(mt.o.start);
            e.1 = e.1.max(mt.o.end);
        } else {
            in_order.entry(g).or_default().push(mt.o.clone());
        }
    }
    for (&g, ranges) in &mut in_order {
        // Keep the longest run of adjacent matched paragraphs; a gap would lump in
        // paragraphs that belong elsewhere.
        ranges.sort_by_key(|r| r.start);
        let mut runs: Vec<Range<usize>> = Vec::new();
        for r in ranges.iter() {
            match runs.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => runs.push(r.clone()),
            }
        }
        let Some(run) = runs
            .into_iter()
            .max_by_key(|r| (r.len(), usize::MAX - r.start))
        else {
            continue;
        };
        if let Some(cell) = rows.get_mut(g).and_then(|row| row.cells.get_mut(k)) {
            *cell = run.clone().collect();
            for j in run {
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
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn article(paragraphs: &[&str]) -> Article {
        Article::from_texts("t.txt", paragraphs.iter().copied())
    }

    const A: &str = "The harbour council approved the new budget for dredging on Tuesday evening.";
    const B1: &str = "Fishermen had warned for years that silt was closing the northern channel.";
    const B2: &str = "Boats with deep keels now wait for high tide before they can reach the quay.";
    const C: &str = "The mayor said work would start in spring and finish before the regatta.";
    const D: &str = "Environmental groups asked for a study of the eelgrass beds near the pier.";
    const X: &str =
        "A spokesman for the ferry operator welcomed the decision and promised cheaper tickets.";

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
        let x2 =
            "The ferry operator's spokesman welcomed the decision and promised cheaper tickets.";
        let reference = article(&[A, B1, C]);
        let one = article(&[A, X, B1, C]);
        let two = article(&[A, B1, x2, C]);
        let rows = align(&[reference, one, two], 0);
        let row = row_with(&rows, 1, 1);
        assert!(row.cells[0].is_empty());
        assert_eq!(row.cells[2], vec![2]);
        let position = rows.iter().position(|r| r.cells[1].contains(&1));
        assert!(position.is_some_and(|p| (1..=2).contains(&p)), "{rows:?}");
    }

    #[test]
    fn leftover_continuing_a_cell_joins_through_another_article() {
        // Article 2 glued X onto A; article 1 keeps X as its own paragraph after A.
        let glued = format!("{A} {X}");
        let reference = article(&[A, C]);
        let one = article(&[A, X, C]);
        let two = article(&[&glued, C]);
        let rows = align(&[reference, one, two], 0);
        let row = row_with(&rows, 2, 0);
        assert_eq!(row.cells[1], vec![0, 1], "{rows:?}");
        assert_eq!(row.cells[0], vec![0]);
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn moved_copy_takes_the_row_from_a_weak_in_order_match() {
        let weak = "Fishermen had hoped for years that the channel would be kept open for boats.";
        let reference = article(&[A, B1, C, D]);
        let one = article(&[A, B1, C, D]);
        let two = article(&[A, weak, C, D, B1]);
        let rows = align(&[reference, one, two], 0);
        let row = row_with(&rows, 0, 1);
        assert_eq!(row.cells[2], vec![4], "{rows:?}");
        assert!(row.moved[2]);
        assert!(row_with(&rows, 2, 1).cells[0].is_empty());
    }

    #[test]
    fn row_splits_so_a_moved_half_can_join_it() {
        // Article one tells B1 and B2 in the other order, so B1 and B2 first share a row;
        // article two moved B2 to the end. Splitting the row lets B2 join its own half.
        let reference = article(&[A, B1, B2, C, D, X]);
        let one = article(&[A, B2, B1, C, D, X]);
        let two = article(&[A, B1, C, D, X, B2]);
        let rows = align(&[reference.clone(), one.clone(), two.clone()], 0);
        let b1 = row_with(&rows, 0, 1);
        let b2 = row_with(&rows, 0, 2);
        assert_eq!(b1.cells[0], vec![1], "{rows:?}");
        assert_eq!(
            (b1.cells[1].clone(), b1.cells[2].clone()),
            (vec![2], vec![1])
        );
        assert_eq!(
            (b2.cells[1].clone(), b2.cells[2].clone()),
            (vec![1], vec![5])
        );
        assert!(b2.moved[2], "{rows:?}");
        // The same rows whichever order the other articles come in.
        let swapped = align(&[reference, two, one], 0);
        let b2 = row_with(&swapped, 0, 2);
        assert_eq!(
            (b2.cells[2].clone(), b2.cells[1].clone()),
            (vec![1], vec![5])
        );
    }

    #[test]
    fn row_holding_a_merged_paragraph_is_not_split() {
        // Splitting would cut article one's merged paragraph off half its reference passage.
        let merged = format!("{B1} {B2}");
        let reference = article(&[A, B1, B2, C, D, X]);
        let one = article(&[A, &merged, C, D, X]);
        let two = article(&[A, B1, C, D, X, B2]);
        let rows = align(&[reference, one, two], 0);
        let row = row_with(&rows, 1, 1);
        assert_eq!(row.cells[0], vec![1, 2], "{rows:?}");
        assert_eq!(row.cells[2], vec![1], "{rows:?}");
    }

    #[test]
    fn weak_in_order_match_gives_way_to_the_moved_paragraph() {
        // The other article dropped B and moved D up to B's place; D shares a few words with
        // B, enough for the order-keeping pass to pair them.
        let b = "The mayor said the dredging of the northern channel would start in spring.";
        let d = "The mayor said the dredging would cost the town four million pounds in all.";
        let reference = article(&[A, b, C, X, d, D]);
        let other = article(&[A, d, C, X, D]);
        let rows = align(&[reference, other], 0);
        let row = row_with(&rows, 0, 4);
        assert_eq!(row.cells[1], vec![1], "{rows:?}");
        assert!(row.moved[1]);
        assert!(row_with(&rows, 0, 1).cells[1].is_empty(), "{rows:?}");
    }

    #[test]
    fn article_about_something_else_comes_after_the_story() {
        let reference = article(&[A, B1, C]);
        let copy = article(&[A, B1, C]);
        let unrelated = article(&[X, D]);
        let rows = align(&[reference, copy, unrelated], 0);
        let at = |k: usize, p: usize| rows.iter().position(|r| r.cells[k].contains(&p));
        let last_story_row = at(0, 2).unwrap();
        assert!(at(2, 0).unwrap() > last_story_row, "{rows:?}");
        assert!(at(2, 1).unwrap() > at(2, 0).unwrap(), "{rows:?}");
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
