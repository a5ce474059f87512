//! Rows for paragraphs that no reference passage claims: grouped across articles when they
//! match each other (mutual best matches), else rows of their own, placed after the reference
//! row where they fall in their own article.

use std::collections::HashMap;

use super::AlignedRow;
use super::features::Features;

/// Leftovers at least this similar to each other (and mutually best) share a row.
const EXTRA_THRESHOLD: f32 = 0.3;

/// A leftover paragraph: article, paragraph.
type Node = (usize, usize);

/// Sort key of an extra row: anchor row, offset after it, smallest paragraph, members.
type Key = (Option<usize>, usize, usize, Vec<Node>);

/// Builds the rows of unclaimed paragraphs, each with the reference row it follows
/// (`None`: before the first). `placed[k][j]` is the reference row holding paragraph `j` of
/// article `k` and whether it was moved there; `rows` is the number of reference rows. An
/// article with no paragraph in the reference's order (one about something else) has its
/// paragraphs after the last row rather than before the first.
pub(super) fn extra_rows(
    f: &Features,
    reference: usize,
    placed: &[Vec<Option<(usize, bool)>>],
    rows: usize,
) -> Vec<(Option<usize>, AlignedRow)> {
    let count = placed.len();
    // Leftovers with their anchor row and their offset after the anchor paragraph.
    let mut nodes: Vec<Node> = Vec::new();
    let mut info: HashMap<Node, (Option<usize>, usize)> = HashMap::new();
    for (k, placed_k) in placed.iter().enumerate() {
        if k == reference {
            continue;
        }
        let unanchored = !placed_k.iter().any(|p| matches!(p, Some((_, false))));
        let mut anchor: Option<usize> = if unanchored {
            rows.checked_sub(1)
        } else {
            None
        };
        let mut anchor_para: Option<usize> = None;
        for (j, p) in placed_k.iter().enumerate() {
            match p {
                Some((g, false)) => {
                    anchor = Some(*g);
                    anchor_para = Some(j);
                }
                Some((_, true)) => {}
                None => {
                    let offset = anchor_para.map_or(j + 1, |a| j - a);
                    nodes.push((k, j));
                    info.insert((k, j), (anchor, offset));
                }
            }
        }
    }
    let mut parent: HashMap<Node, Node> = nodes.iter().map(|&n| (n, n)).collect();
    for k in 0..count {
        for l in k + 1..count {
            if k == reference || l == reference {
                continue;
            }
            let best_kl = best_matches(f, &info, k, l);
            let best_lk = best_matches(f, &info, l, k);
            for (&j, &(jl, s)) in &best_kl {
                if s >= EXTRA_THRESHOLD && best_lk.get(&jl).is_some_and(|&(back, _)| back == j) {
                    union(&mut parent, (k, j), (l, jl));
                }
            }
        }
    }
    let mut components: HashMap<Node, Vec<Node>> = HashMap::new();
    for &n in &nodes {
        let root = find(&mut parent, n);
        components.entry(root).or_default().push(n);
    }
    let mut groups: Vec<Vec<Node>> = Vec::new();
    for (_, mut members) in components {
        members.sort_unstable();
        if consecutive_per_article(&members) {
            groups.push(members);
        } else {
            groups.extend(members.into_iter().map(|n| vec![n]));
        }
    }
    let mut keyed: Vec<(Key, AlignedRow)> = groups
        .into_iter()
        .map(|members| {
            let anchor = members
                .iter()
                .filter_map(|n| info.get(n).map(|i| i.0))
                .min()
                .flatten();
            let offset = members
                .iter()
                .filter_map(|n| info.get(n).map(|i| i.1))
                .min()
                .unwrap_or(0);
            let mut row = AlignedRow {
                cells: vec![Vec::new(); count],
                moved: vec![false; count],
            };
            for &(k, j) in &members {
                if let Some(cell) = row.cells.get_mut(k) {
                    cell.push(j);
                }
                if info.get(&(k, j)).map(|i| i.0) != Some(anchor)
                    && let Some(flag) = row.moved.get_mut(k)
                {
                    *flag = true;
                }
            }
            // Tie-breaks: the smallest paragraph index (independent of article order), then
            // the members themselves, so that the order is deterministic.
            let tie = members.iter().map(|n| n.1).min().unwrap_or(0);
            ((anchor, offset, tie, members), row)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|((a, ..), row)| (a, row)).collect()
}

/// For each leftover of article `k`: its most similar leftover in article `l` (ties: the
/// earlier paragraph) and the similarity.
fn best_matches(
    f: &Features,
    info: &HashMap<Node, (Option<usize>, usize)>,
    k: usize,
    l: usize,
) -> HashMap<usize, (usize, f32)> {
    let mut out = HashMap::new();
    for &(a, j) in info.keys() {
        if a != k {
            continue;
        }
        let mut best: Option<(usize, f32)> = None;
        for jl in f.candidates(k, j, l) {
            if !info.contains_key(&(l, jl)) {
                continue;
            }
            let s = f.dice(k, j..j + 1, l, jl..jl + 1);
            let better = match best {
                None => true,
                Some((bj, bs)) => s > bs || (s.total_cmp(&bs).is_eq() && jl < bj),
            };
            if better {
                best = Some((jl, s));
            }
        }
        if let Some(b) = best {
            out.insert(j, b);
        }
    }
    out
}

/// True when, for every article, the members' paragraphs are consecutive.
fn consecutive_per_article(sorted: &[Node]) -> bool {
    sorted
        .windows(2)
        .all(|w| matches!(w, [a, b] if a.0 != b.0 || b.1 == a.1 + 1))
}

fn find(parent: &mut HashMap<Node, Node>, n: Node) -> Node {
    let mut root = n;
    while let Some(&p) = parent.get(&root) {
        if p == root {
            break;
        }
        root = p;
    }
    let mut cur = n;
    while let Some(&p) = parent.get(&cur) {
        if p == root {
            break;
        }
        parent.insert(cur, root);
        cur = p;
    }
    root
}

fn union(parent: &mut HashMap<Node, Node>, a: Node, b: Node) {
    let ra = find(parent, a);
    let rb = find(parent, b);
    if ra != rb {
        // The smaller node becomes the root, so the result does not depend on visiting order.
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent.insert(child, root);
    }
}
