//! Splitting a row in two so that a leftover paragraph can join the half it belongs to.
//!
//! A row groups the reference paragraphs that some article matched as one passage. When
//! another article moved part of that passage elsewhere, its moved paragraph cannot join the
//! row: the article already holds a cell there that the moved paragraph is not next to, and a
//! cell is one run of consecutive paragraphs. The row is split when its reference paragraphs
//! and every article's cell divide in two (an article may tell the halves in the other order,
//! which marks the later half moved), the leftover matches the half its article is absent
//! from, and the leftover brings more shared wording than the cut costs the others. The
//! leftover then joins that half through the usual pass.

use std::collections::HashMap;
use std::ops::Range;

use super::features::Features;
use super::{AlignedRow, candidate_rows, rows_by_paragraph};

/// Each article must keep at least this share of the wording it shared with the reference
/// in the whole row, summed over the two halves (besides the cut costing less in all than
/// the leftover brings).
const KEEP: f32 = 0.6;

/// Relative tolerance for comparing sums of weights: the same texts given in another order
/// sum their features in another order, and a decision must not flip on rounding.
const EPS: f32 = 1e-4;

/// True when `a` exceeds `b` by more than rounding.
fn clearly_greater(a: f32, b: f32) -> bool {
    a > b + EPS * (1.0 + a.abs().max(b.abs()))
}

/// Shared wording of two groups of consecutive paragraphs (the Dice overlap, unnormalised).
fn shared(f: &Features, a: usize, ar: Range<usize>, b: usize, br: Range<usize>) -> f32 {
    if ar.is_empty() || br.is_empty() {
        return 0.0;
    }
    let mass: f32 = ar.clone().map(|i| f.norm(a, i)).sum::<f32>()
        + br.clone().map(|j| f.norm(b, j)).sum::<f32>();
    f.dice(a, ar, b, br) * mass / 2.0
}

/// The consecutive range of a cell (`None` when empty).
fn span(cell: &[usize]) -> Option<Range<usize>> {
    Some(*cell.first()?..*cell.last()? + 1)
}

/// One way to cut a row: the reference cell is cut before its `before`-th paragraph, and each
/// article's cell before its `at[l]`-th paragraph. When `crossed[l]`, that article tells the
/// two halves in the other order: its second part goes with the first reference half.
#[derive(Debug, Clone)]
struct Cut {
    before: usize,
    at: Vec<usize>,
    crossed: Vec<bool>,
    /// Shared wording the articles lose to the cut, summed.
    loss: f32,
}

/// A cut with the two rows it makes.
struct Division {
    cut: Cut,
    first: AlignedRow,
    second: AlignedRow,
}

/// How each article's cell divides best when the reference cell is cut before its `cut`-th
/// paragraph, or `None` when some article would lose too much of what it shares.
fn divide(f: &Features, reference: usize, row: &AlignedRow, cut: usize) -> Option<Cut> {
    let r = span(row.cells.get(reference)?)?;
    let (r1, r2) = (r.start..r.start + cut, r.start + cut..r.end);
    let mut at = Vec::with_capacity(row.cells.len());
    let mut crossed = Vec::with_capacity(row.cells.len());
    let mut loss = 0.0;
    for (l, cell) in row.cells.iter().enumerate() {
        let Some(c) = span(cell).filter(|_| l != reference) else {
            at.push(0);
            crossed.push(false);
            continue;
        };
        let whole = shared(f, reference, r.clone(), l, c.clone());
        // Cutting before the cell's first paragraph puts it all in the second half.
        let mut best = (shared(f, reference, r2.clone(), l, c.clone()), 0, false);
        for t in 1..=c.len() {
            let (c1, c2) = (c.start..c.start + t, c.start + t..c.end);
            let straight = shared(f, reference, r1.clone(), l, c1.clone())
                + shared(f, reference, r2.clone(), l, c2.clone());
            if clearly_greater(straight, best.0) {
                best = (straight, t, false);
            }
            if !c1.is_empty() && !c2.is_empty() {
                let across = shared(f, reference, r1.clone(), l, c2)
                    + shared(f, reference, r2.clone(), l, c1);
                if clearly_greater(across, best.0) {
                    best = (across, t, true);
                }
            }
        }
        if clearly_greater(KEEP * whole, best.0) {
            return None;
        }
        loss += (whole - best.0).max(0.0);
        at.push(best.1);
        crossed.push(best.2);
    }
    Some(Cut {
        before: cut,
        at,
        crossed,
        loss,
    })
}

/// The two halves of `row` cut as `cut` says.
fn halves(row: &AlignedRow, reference: usize, cut: &Cut) -> (AlignedRow, AlignedRow) {
    let mut first = AlignedRow {
        cells: Vec::with_capacity(row.cells.len()),
        moved: Vec::with_capacity(row.cells.len()),
    };
    let mut second = first.clone();
    for (l, cell) in row.cells.iter().enumerate() {
        let at = if l == reference {
            cut.before
        } else {
            cut.at.get(l).copied().unwrap_or(0)
        };
        let (mut a, mut b) = cell.split_at(at.min(cell.len()));
        let moved = row.moved.get(l).copied().unwrap_or(false);
        if l != reference && cut.crossed.get(l).copied().unwrap_or(false) {
            // The earlier paragraphs follow the later ones: they are out of order.
            (a, b) = (b, a);
            first.moved.push(moved);
            second.moved.push(true);
        } else {
            first.moved.push(moved && !a.is_empty());
            second.moved.push(moved && !b.is_empty());
        }
        first.cells.push(a.to_vec());
        second.cells.push(b.to_vec());
    }
    (first, second)
}

/// Best similarity of paragraph `j` of article `k` to the paragraphs of `row` (other articles).
fn affinity(f: &Features, k: usize, j: usize, row: &AlignedRow) -> f32 {
    let mut best = 0.0f32;
    for (l, cell) in row.cells.iter().enumerate() {
        if l != k {
            for &p in cell {
                best = best.max(f.dice(k, j..j + 1, l, p..p + 1));
            }
        }
    }
    best
}

/// Most wording paragraph `j` of article `k` shares with one cell of `row`.
fn gain(f: &Features, k: usize, j: usize, row: &AlignedRow) -> f32 {
    let mut best = 0.0f32;
    for (l, cell) in row.cells.iter().enumerate() {
        if let Some(c) = span(cell).filter(|_| l != k) {
            best = best.max(shared(f, k, j..j + 1, l, c));
        }
    }
    best
}

/// Splits rows where a leftover paragraph (one `placed` marks `None`) matches one half of a
/// row whose cell of its article sits in the other half. At most one cut per row; each row
/// takes the cut its best leftover asks for. Returns the rows unchanged when nothing splits.
///
/// Every decision reads the rows as given, so the result does not depend on the order of the
/// articles.
pub(super) fn split_for_leftovers(
    f: &Features,
    reference: usize,
    threshold: f32,
    rows: &[AlignedRow],
    placed: &[Vec<Option<(usize, bool)>>],
) -> Vec<AlignedRow> {
    let row_of = rows_by_paragraph(rows, placed.len());
    // Each (row, cut) is divided once, however many leftovers ask about it.
    let mut divisions: HashMap<(usize, usize), Option<Division>> = HashMap::new();
    // Per row: (similarity of the leftover to its half, cut).
    let mut wanted: HashMap<usize, (f32, usize)> = HashMap::new();
    for (k, placed_k) in placed.iter().enumerate() {
        if k == reference {
            continue;
        }
        for (j, p) in placed_k.iter().enumerate() {
            if p.is_some() {
                continue;
            }
            for g in candidate_rows(f, k, j, &row_of) {
                let Some(row) = rows.get(g) else { continue };
                let ref_len = row.cells.get(reference).map_or(0, Vec::len);
                let own = row.cells.get(k).map_or(0, Vec::len);
                if ref_len < 2 || own == 0 {
                    continue;
                }
                for cut in 1..ref_len {
                    let division = divisions.entry((g, cut)).or_insert_with(|| {
                        divide(f, reference, row, cut).map(|c| {
                            let (first, second) = halves(row, reference, &c);
                            Division {
                                cut: c,
                                first,
                                second,
                            }
                        })
                    });
                    let Some(d) = division.as_ref() else {
                        continue;
                    };
                    let c = &d.cut;
                    let at = c.at.get(k).copied().unwrap_or(0);
                    if at != 0 && at != own || c.crossed.get(k).copied().unwrap_or(false) {
                        continue;
                    }
                    // The leftover goes to the half without its article's cell.
                    let (free, taken) = if at == 0 {
                        (&d.first, &d.second)
                    } else {
                        (&d.second, &d.first)
                    };
                    let s = affinity(f, k, j, free);
                    if s < threshold
                        || !clearly_greater(s, affinity(f, k, j, taken))
                        || !clearly_greater(gain(f, k, j, free), c.loss)
                    {
                        continue;
                    }
                    let better = wanted.get(&g).is_none_or(|&(bs, bcut)| {
                        clearly_greater(s, bs) || (!clearly_greater(bs, s) && cut < bcut)
                    });
                    if better {
                        wanted.insert(g, (s, cut));
                    }
                }
            }
        }
    }
    if wanted.is_empty() {
        return rows.to_vec();
    }
    let mut out = Vec::with_capacity(rows.len() + wanted.len());
    for (g, row) in rows.iter().enumerate() {
        let division = wanted
            .get(&g)
            .and_then(|&(_, cut)| divisions.remove(&(g, cut)).flatten());
        match division {
            Some(d) => {
                out.push(d.first);
                out.push(d.second);
            }
            None => out.push(row.clone()),
        }
    }
    out
}
