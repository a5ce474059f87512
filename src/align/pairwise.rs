//! Aligning one article's paragraphs to the reference's: candidate pairs from the inverted
//! index, a monotone chain of anchors through them, a banded dynamic programme with 1:1, 1:2,
//! 2:1, 1:3, 3:1, 2:2, 2:3, 3:2, 1:0 and 0:1 moves around the anchors, then a pass matching
//! leftover paragraphs out of order ("moved").

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use super::features::Features;

/// One matched group: reference paragraphs `r` with the other article's paragraphs `o`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Match {
    /// Reference paragraphs.
    pub r: Range<usize>,
    /// The other article's paragraphs.
    pub o: Range<usize>,
    /// True when matched out of the reference's order.
    pub moved: bool,
}

/// Moves of the dynamic programme: (reference paragraphs, other paragraphs).
const MOVES: [(usize, usize); 10] = [
    (1, 0),
    (0, 1),
    (1, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (2, 2),
    (2, 3),
    (3, 2),
];

/// Below this similarity a group match scores worse than leaving both sides unmatched.
const MATCH_THRESHOLD: f32 = 0.2;
/// Pairs at least this similar may anchor the band of the dynamic programme.
const ANCHOR_THRESHOLD: f32 = 0.3;
/// Leftover pairs at least this similar are matched out of order.
const MOVED_THRESHOLD: f32 = 0.22;
/// Paragraphs of slack around the anchor chain.
const SLACK: usize = 8;
/// Penalty per paragraph beyond one on each side of a match, as a share of a typical paragraph.
const GROUP_PENALTY: f32 = 0.1;

/// Candidate pairs `(reference paragraph, other paragraph)` with their similarity.
type Candidates = rustc_hash::FxHashMap<(usize, usize), f32>;

/// Aligns article `o` to the reference article `r`.
pub(crate) fn align_pair(f: &Features, r: usize, o: usize) -> Vec<Match> {
    let ref_len = f.len(r);
    let oth_len = f.len(o);
    // Candidate pairs from both sides' indexes, then their similarity: both per paragraph,
    // on all cores; the pairs are sorted, so the map is the same whatever the thread count.
    let mut pairs: Vec<(usize, usize)> = (0..oth_len)
        .into_par_iter()
        .flat_map_iter(|j| f.candidates(o, j, r).into_iter().map(move |i| (i, j)))
        .chain(
            (0..ref_len)
                .into_par_iter()
                .flat_map_iter(|i| f.candidates(r, i, o).into_iter().map(move |j| (i, j))),
        )
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    let cand: Candidates = pairs
        .par_iter()
        .map(|&(i, j)| ((i, j), f.dice(r, i..i + 1, o, j..j + 1)))
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let rmap: Vec<usize> = (0..ref_len).collect();
    let omap: Vec<usize> = (0..oth_len).collect();
    let mut matches = monotone(f, r, o, &cand, &rmap, &omap, MATCH_THRESHOLD);
    // A second monotone pass over what is left on both sides finds blocks moved as a whole
    // (and split or merged on the way).
    let mut r_used = vec![false; ref_len];
    let mut o_used = vec![false; oth_len];
    for mt in &matches {
        mark(&mut r_used, mt.r.clone());
        mark(&mut o_used, mt.o.clone());
    }
    let rmap: Vec<usize> = (0..ref_len)
        .filter(|&i| !r_used.get(i).copied().unwrap_or(true))
        .collect();
    let omap: Vec<usize> = (0..oth_len)
        .filter(|&j| !o_used.get(j).copied().unwrap_or(true))
        .collect();
    if !rmap.is_empty() && !omap.is_empty() {
        let second = monotone(f, r, o, &cand, &rmap, &omap, MOVED_THRESHOLD);
        let first = matches.clone();
        for mut mt in second {
            mt.moved = !in_order(&first, &mt);
            matches.push(mt);
        }
    }
    let matches = rematch_weak(f, r, o, &cand, matches);
    moved_pass(f, r, o, &cand, matches)
}

/// An in-order match gives way to an out-of-order one at least this much more similar.
const REMATCH_MARGIN: f32 = 0.15;

/// Re-matches groups of the other article that the monotone passes paired weakly, when
/// reference paragraphs that nothing claimed match them much better: the order-keeping pass
/// fills the old place of a moved passage with whatever neighbour is similar enough.
fn rematch_weak(
    f: &Features,
    r: usize,
    o: usize,
    cand: &Candidates,
    mut matches: Vec<Match>,
) -> Vec<Match> {
    let mut r_used = vec![false; f.len(r)];
    for mt in &matches {
        mark(&mut r_used, mt.r.clone());
    }
    let free = |used: &[bool], x: usize| used.get(x).is_some_and(|u| !u);
    let mut by_other: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(i, j) in cand.keys() {
        by_other.entry(j).or_default().push(i);
    }
    // (match, better reference range, gain)
    let mut proposals: Vec<(usize, Range<usize>, f32)> = Vec::new();
    for (m, mt) in matches.iter().enumerate() {
        let current = f.dice(r, mt.r.clone(), o, mt.o.clone());
        let mut starts: Vec<usize> =
            mt.o.clone()
                .filter_map(|j| by_other.get(&j))
                .flatten()
                .copied()
                .filter(|&i| free(&r_used, i))
                .collect();
        starts.sort_unstable();
        starts.dedup();
        let mut best: Option<(Range<usize>, f32)> = None;
        for i in starts {
            let mut rr = i..i + 1;
            let mut sim = f.dice(r, rr.clone(), o, mt.o.clone());
            while rr.len() < 3 {
                let mut options = Vec::new();
                if rr.start > 0 && free(&r_used, rr.start - 1) {
                    options.push(rr.start - 1..rr.end);
                }
                if free(&r_used, rr.end) {
                    options.push(rr.start..rr.end + 1);
                }
                let grown = options
                    .into_iter()
                    .map(|x| (f.dice(r, x.clone(), o, mt.o.clone()), x))
                    .filter(|(s, _)| *s > sim + 0.05)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                let Some((s, x)) = grown else { break };
                sim = s;
                rr = x;
            }
            if sim >= MOVED_THRESHOLD
                && sim >= current + REMATCH_MARGIN
                && best.as_ref().is_none_or(|(_, bs)| sim > *bs)
            {
                best = Some((rr, sim));
            }
        }
        if let Some((rr, sim)) = best {
            proposals.push((m, rr, sim - current));
        }
    }
    proposals.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut changed: Vec<usize> = Vec::new();
    for (m, rr, _) in proposals {
        if !rr.clone().all(|i| free(&r_used, i)) {
            continue;
        }
        let Some(mt) = matches.get_mut(m) else {
            continue;
        };
        mark(&mut r_used, rr.clone());
        for i in mt.r.clone() {
            if let Some(u) = r_used.get_mut(i) {
                *u = false;
            }
        }
        mt.r = rr;
        changed.push(m);
    }
    if changed.is_empty() {
        return matches;
    }
    let mut is_changed = vec![false; matches.len()];
    for &m in &changed {
        if let Some(c) = is_changed.get_mut(m) {
            *c = true;
        }
    }
    let kept: Vec<Match> = matches
        .iter()
        .zip(&is_changed)
        .filter(|&(mt, &c)| !mt.moved && !c)
        .map(|(mt, _)| mt.clone())
        .collect();
    for &m in &changed {
        if let Some(mt) = matches.get_mut(m) {
            mt.moved = !in_order(&kept, mt);
        }
    }
    matches
}

/// True when `mt` sits between the matches of `first` that surround it in reference order.
fn in_order(first: &[Match], mt: &Match) -> bool {
    let before = first
        .iter()
        .filter(|x| x.r.end <= mt.r.start)
        .map(|x| x.o.end)
        .max();
    let after = first
        .iter()
        .filter(|x| x.r.start >= mt.r.end)
        .map(|x| x.o.start)
        .min();
    before.is_none_or(|b| b <= mt.o.start) && after.is_none_or(|a| mt.o.end <= a)
}

/// A monotone alignment of the reference paragraphs `rmap` with the other paragraphs `omap`
/// (both ascending lists of paragraph indices; groups only join paragraphs adjacent in the
/// article).
fn monotone(
    f: &Features,
    r: usize,
    o: usize,
    cand: &Candidates,
    rmap: &[usize],
    omap: &[usize],
    threshold: f32,
) -> Vec<Match> {
    let positions = |map: &[usize]| {
        let mut pos = vec![None; map.iter().max().map_or(0, |&x| x + 1)];
        for (k, &x) in map.iter().enumerate() {
            if let Some(p) = pos.get_mut(x) {
                *p = Some(k);
            }
        }
        pos
    };
    let (rpos, opos) = (positions(rmap), positions(omap));
    let local: Candidates = cand
        .iter()
        .filter_map(|(&(i, j), &s)| Some(((rpos.get(i).copied()??, opos.get(j).copied()??), s)))
        .collect();
    let anchors = chain(&local, omap.len());
    let band = Band::new(&anchors, rmap.len(), omap.len());
    let view = View {
        f,
        r,
        o,
        cand,
        rmap,
        omap,
        threshold,
    };
    band_dp(&view, &band)
}

/// One alignment problem: two lists of paragraphs of the reference and another article.
struct View<'a> {
    f: &'a Features,
    r: usize,
    o: usize,
    cand: &'a Candidates,
    rmap: &'a [usize],
    omap: &'a [usize],
    threshold: f32,
}

impl View<'_> {
    /// The original paragraph range of positions `from..to` of `map`, when adjacent.
    fn original(map: &[usize], from: usize, to: usize) -> Option<Range<usize>> {
        let first = *map.get(from)?;
        let last = *map.get(to.checked_sub(1)?)?;
        (last - first + 1 == to - from).then_some(first..last + 1)
    }
}

/// The heaviest chain of candidate pairs increasing on both sides (weighted LIS).
fn chain(cand: &Candidates, n: usize) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize, f32)> = cand
        .iter()
        .filter(|&(_, &s)| s >= ANCHOR_THRESHOLD)
        .map(|(&(i, j), &s)| (i, j, s))
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    // Fenwick tree over the other side's index: best (score, pair) ending before j.
    let mut tree: Vec<(f32, usize)> = vec![(0.0, usize::MAX); n];
    let mut best_score = vec![0.0f32; pairs.len()];
    let mut parent = vec![usize::MAX; pairs.len()];
    for (p, &(_, j, sim)) in pairs.iter().enumerate() {
        let mut node = j;
        let mut best = (0.0f32, usize::MAX);
        while node > 0 {
            if let Some(&entry) = tree.get(node - 1)
                && entry.0 > best.0
            {
                best = entry;
            }
            node &= node - 1;
        }
        let score = best.0 + sim;
        if let Some(b) = best_score.get_mut(p) {
            *b = score;
        }
        if let Some(par) = parent.get_mut(p) {
            *par = best.1;
        }
        let mut node = j + 1;
        while node <= n {
            if let Some(entry) = tree.get_mut(node - 1)
                && score > entry.0
            {
                *entry = (score, p);
            }
            node += node & node.wrapping_neg();
        }
    }
    let mut end = None;
    let mut top = 0.0f32;
    for (p, &s) in best_score.iter().enumerate() {
        if s > top {
            top = s;
            end = Some(p);
        }
    }
    let mut out = Vec::new();
    while let Some(p) = end {
        let Some(&(i, j, _)) = pairs.get(p) else {
            break;
        };
        out.push((i, j));
        end = parent.get(p).copied().filter(|&q| q != usize::MAX);
    }
    out.reverse();
    out
}

/// The band of the dynamic programme: for each count of reference paragraphs consumed, the
/// allowed range of other paragraphs consumed (both ends non-decreasing, rows overlapping).
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    fn new(anchors: &[(usize, usize)], m: usize, n: usize) -> Self {
        let mut lo = Vec::with_capacity(m + 1);
        let mut hi = Vec::with_capacity(m + 1);
        let mut next = 0usize; // first anchor with a >= i
        for i in 0..=m {
            while anchors.get(next).is_some_and(|&(a, _)| a < i) {
                next += 1;
            }
            // Last anchor with a + 1 <= i.
            let prev = anchors.get(..next).and_then(<[(usize, usize)]>::last);
            let low = prev.map_or(0, |&(_, b)| (b + 1).saturating_sub(SLACK));
            let high = anchors.get(next).map_or(n, |&(_, b)| (b + SLACK).min(n));
            let low = if i == 0 { 0 } else { low.min(n) };
            let high = if i == m { n } else { high.max(low) };
            lo.push(low);
            hi.push(high);
        }
        Self { lo, hi }
    }

    fn range(&self, i: usize) -> Option<(usize, usize)> {
        Some((*self.lo.get(i)?, *self.hi.get(i)?))
    }
}

/// Runs the dynamic programme inside the band and returns the monotone matches.
fn band_dp(view: &View, band: &Band) -> Vec<Match> {
    let m = view.rmap.len();
    let n = view.omap.len();
    let penalty = GROUP_PENALTY * view.f.typical_norm;
    let mut score: Vec<Vec<f32>> = Vec::with_capacity(m + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(m + 1);
    let get = |score: &Vec<Vec<f32>>, i: usize, j: usize| -> Option<f32> {
        let (lo, hi) = band.range(i)?;
        if j < lo || j > hi {
            return None;
        }
        score.get(i)?.get(j - lo).copied().filter(|s| s.is_finite())
    };
    for i in 0..=m {
        let Some((lo, hi)) = band.range(i) else {
            break;
        };
        let mut row_score = vec![f32::NEG_INFINITY; hi + 1 - lo];
        let mut row_back = vec![u8::MAX; hi + 1 - lo];
        for j in lo..=hi {
            let mut best = if i == 0 && j == 0 {
                0.0
            } else {
                f32::NEG_INFINITY
            };
            let mut arg = u8::MAX;
            for (mv, &(da, db)) in MOVES.iter().enumerate() {
                if da > i || db > j {
                    continue;
                }
                let (pi, pj) = (i - da, j - db);
                let prev = if pi == i {
                    row_score
                        .get(pj.wrapping_sub(lo))
                        .copied()
                        .filter(|s| s.is_finite())
                } else {
                    get(&score, pi, pj)
                };
                let Some(prev) = prev else {
                    continue;
                };
                let gain = if da == 0 || db == 0 {
                    0.0
                } else {
                    let (Some(rr), Some(oo)) = (
                        View::original(view.rmap, pi, i),
                        View::original(view.omap, pj, j),
                    ) else {
                        continue;
                    };
                    match match_gain(view, rr, oo, penalty) {
                        Some(g) => g,
                        None => continue,
                    }
                };
                if prev + gain > best {
                    best = prev + gain;
                    arg = u8::try_from(mv).unwrap_or(u8::MAX);
                }
            }
            if let Some(s) = row_score.get_mut(j - lo) {
                *s = best;
            }
            if let Some(b) = row_back.get_mut(j - lo) {
                *b = arg;
            }
        }
        score.push(row_score);
        back.push(row_back);
    }
    // Trace back from (m, n).
    let mut out = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 || j > 0 {
        let Some((lo, _)) = band.range(i) else {
            break;
        };
        let Some(&mv) = back.get(i).and_then(|row| row.get(j.wrapping_sub(lo))) else {
            break;
        };
        let Some(&(da, db)) = MOVES.get(usize::from(mv)) else {
            break;
        };
        if da > 0
            && db > 0
            && let (Some(rr), Some(oo)) = (
                View::original(view.rmap, i - da, i),
                View::original(view.omap, j - db, j),
            )
        {
            out.push(Match {
                r: rr,
                o: oo,
                moved: false,
            });
        }
        i -= da;
        j -= db;
    }
    out.reverse();
    out
}

/// The score of matching reference paragraphs `rr` with other paragraphs `oo`, or `None` when
/// they are not similar enough.
fn match_gain(view: &View, rr: Range<usize>, oo: Range<usize>, penalty: f32) -> Option<f32> {
    let (f, r, o, cand) = (view.f, view.r, view.o, view.cand);
    let single = rr.len() == 1 && oo.len() == 1;
    let sim = if single {
        *cand.get(&(rr.start, oo.start))?
    } else {
        let any = rr
            .clone()
            .any(|i| oo.clone().any(|j| cand.contains_key(&(i, j))));
        if !any {
            return None;
        }
        f.dice(r, rr.clone(), o, oo.clone())
    };
    if sim <= view.threshold {
        return None;
    }
    let mass: f32 = rr.clone().map(|i| f.norm(r, i)).sum::<f32>()
        + oo.clone().map(|j| f.norm(o, j)).sum::<f32>();
    let extra = (rr.len() + oo.len()).saturating_sub(2) as f32;
    Some((sim - view.threshold) * mass - penalty * extra)
}

/// Matches paragraphs the monotone pass left over on both sides, out of order.
fn moved_pass(
    f: &Features,
    r: usize,
    o: usize,
    cand: &Candidates,
    mut matches: Vec<Match>,
) -> Vec<Match> {
    let ref_len = f.len(r);
    let oth_len = f.len(o);
    let mut r_used = vec![false; ref_len];
    let mut o_used = vec![false; oth_len];
    for mt in &matches {
        mark(&mut r_used, mt.r.clone());
        mark(&mut o_used, mt.o.clone());
    }
    let free = |used: &[bool], x: usize| used.get(x).is_some_and(|u| !u);
    let mut pairs: Vec<(usize, usize, f32)> = cand
        .iter()
        .filter(|&(&(i, j), &s)| s >= MOVED_THRESHOLD && free(&r_used, i) && free(&o_used, j))
        .map(|(&(i, j), &s)| (i, j, s))
        .collect();
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut moved: Vec<Match> = Vec::new();
    for (i, j, _) in pairs {
        if free(&r_used, i) && free(&o_used, j) {
            mark(&mut r_used, i..i + 1);
            mark(&mut o_used, j..j + 1);
            moved.push(Match {
                r: i..i + 1,
                o: j..j + 1,
                moved: true,
            });
        }
    }
    // Grow moved matches over adjacent leftovers when that makes them more similar
    // (a moved paragraph that an outlet also split or merged).
    for mt in &mut moved {
        loop {
            let current = f.dice(r, mt.r.clone(), o, mt.o.clone());
            let mut options: Vec<(Range<usize>, Range<usize>)> = Vec::new();
            if mt.o.len() < 3 {
                if mt.o.start > 0 && free(&o_used, mt.o.start - 1) {
                    options.push((mt.r.clone(), mt.o.start - 1..mt.o.end));
                }
                if free(&o_used, mt.o.end) {
                    options.push((mt.r.clone(), mt.o.start..mt.o.end + 1));
                }
            }
            if mt.r.len() < 3 {
                if mt.r.start > 0 && free(&r_used, mt.r.start - 1) {
                    options.push((mt.r.start - 1..mt.r.end, mt.o.clone()));
                }
                if free(&r_used, mt.r.end) {
                    options.push((mt.r.start..mt.r.end + 1, mt.o.clone()));
                }
            }
            let best = options
                .into_iter()
                .map(|(rr, oo)| {
                    let s = f.dice(r, rr.clone(), o, oo.clone());
                    (rr, oo, s)
                })
                .filter(|(_, _, s)| *s > current + 0.05)
                .max_by(|a, b| a.2.total_cmp(&b.2));
            let Some((rr, oo, _)) = best else {
                break;
            };
            mark(&mut r_used, rr.clone());
            mark(&mut o_used, oo.clone());
            mt.r = rr;
            mt.o = oo;
        }
    }
    matches.extend(moved);
    matches
}

fn mark(used: &mut [bool], range: Range<usize>) {
    for x in range {
        if let Some(u) = used.get_mut(x) {
            *u = true;
        }
    }
}
