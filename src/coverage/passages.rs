//! Passages that correspond although reworded: after the word-based alignment, a paragraph
//! of another article that found no reference passage (it sits in a row of its own) joins
//! the reference row whose passage shares the most facts with it — the same names, figures
//! and event words — when it shares enough. Independent reports of one event then read as
//! rows of corresponding passages instead of a staircase of one-outlet cells.
//!
//! Linear in the text: the open reference rows are indexed by term, and each candidate
//! accumulates its dot products over the postings of its own terms (terms carried by many
//! rows are skipped: they single out no passage).

use rustc_hash::FxHashMap;

use super::terms::Terms;
use crate::align::AlignedRow;
use crate::model::Article;

/// Minimum topical similarity for a paragraph to join a reference passage as related.
///
/// Fitted on the BASIL dev triplets (`cargo run --release --no-default-features --example
/// coverage_eval`): the 99.5th percentile (0.145) of the similarity of paragraph pairs
/// drawn from reports of *different* events, so that at most one candidate pair in two
/// hundred that is about different things clears it.
pub const RELATED_PASSAGE: f64 = 0.15;

/// A term carried by more reference rows than this singles out no passage; its postings
/// are not walked (the cost stays linear).
const MAX_POSTINGS: usize = 64;

/// The topic vector of a group of paragraphs.
fn cell_terms(article: &Article, paras: &[usize], cache: &mut FxHashMap<usize, Terms>) -> Terms {
    let mut out = Terms::default();
    for &p in paras {
        let t = cache.entry(p).or_insert_with(|| {
            article
                .paragraphs
                .get(p)
                .map_or_else(Terms::default, |para| Terms::of_text(&para.text))
        });
        out = out.plus(t);
    }
    out
}

/// A passage made only of photo captions: it belongs to a picture, not to the report's
/// account of the facts, and stays in its own row (a caption that shares the port's name
/// with a paragraph about the port is no rewording of it).
fn captions_only(article: &Article, paras: &[usize]) -> bool {
    !paras.is_empty()
        && paras.iter().all(|&p| {
            article
                .paragraphs
                .get(p)
                .is_some_and(|para| crate::detect::boilerplate::signals::caption_shape(&para.text))
        })
}

/// Moves passages of related articles into the reference rows they correspond to (see the
/// module docs). `unrelated[a]` articles are left as they are. Every paragraph stays in
/// exactly one row; a row left empty is removed.
#[must_use]
pub fn link_related(
    articles: &[Article],
    reference: usize,
    mut rows: Vec<AlignedRow>,
    unrelated: &[bool],
) -> Vec<AlignedRow> {
    let Some(ref_article) = articles.get(reference) else {
        return rows;
    };
    let mut ref_cache = FxHashMap::default();
    // The reference passage of every row that has one.
    let ref_terms: Vec<Option<Terms>> = rows
        .iter()
        .map(|row| {
            row.cells
                .get(reference)
                .filter(|c| !c.is_empty())
                .map(|c| cell_terms(ref_article, c, &mut ref_cache))
        })
        .collect();
    for (a, article) in articles.iter().enumerate() {
        if a == reference || unrelated.get(a).copied().unwrap_or(false) {
            continue;
        }
        link_article(article, a, reference, &mut rows, &ref_terms);
    }
    join_leftovers(articles, reference, &mut rows, unrelated);
    rows.retain(|row| row.cells.iter().any(|c| !c.is_empty()));
    rows
}

/// The articles with a passage in the row.
fn members(row: &AlignedRow) -> Vec<usize> {
    row.cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(k, _)| k)
        .collect()
}

/// Passages the reference lacks, carried by two other outlets in their own words: rows
/// without a reference passage join when their passages share enough facts and come from
/// different articles (best pairs first; the earlier row keeps them).
fn join_leftovers(
    articles: &[Article],
    reference: usize,
    rows: &mut [AlignedRow],
    unrelated: &[bool],
) {
    let is_unrelated = |k: usize| unrelated.get(k).copied().unwrap_or(false);
    let mut caches: Vec<FxHashMap<usize, Terms>> =
        articles.iter().map(|_| FxHashMap::default()).collect();
    let mut leftovers: Vec<(usize, Terms)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let who = members(row);
        if who.is_empty()
            || who.contains(&reference)
            || who.iter().any(|&k| is_unrelated(k))
            || who.iter().any(|&k| {
                articles
                    .get(k)
                    .zip(row.cells.get(k))
                    .is_some_and(|(article, paras)| captions_only(article, paras))
            })
        {
            continue;
        }
        let mut t = Terms::default();
        for &k in &who {
            if let (Some(article), Some(cache), Some(paras)) =
                (articles.get(k), caches.get_mut(k), row.cells.get(k))
            {
                t = t.plus(&cell_terms(article, paras, cache));
            }
        }
        leftovers.push((r, t));
    }
    let postings = postings(leftovers.iter().enumerate().map(|(i, (_, t))| (i, t)));
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (i, (_, t)) in leftovers.iter().enumerate() {
        let mut seen = rustc_hash::FxHashSet::default();
        for (k, _) in t.entries() {
            let Some(list) = postings.get(k.as_str()) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &(j, _) in list {
                if j > i
                    && seen.insert(j)
                    && let Some((_, tj)) = leftovers.get(j)
                {
                    let s = t.cosine(tj);
                    if s >= RELATED_PASSAGE {
                        scored.push((s, i, j));
                    }
                }
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    // Union of rows: each leftover points at the row that now holds its passages.
    let mut home: Vec<usize> = (0..leftovers.len()).collect();
    let find = |home: &[usize], mut i: usize| {
        while let Some(&h) = home.get(i) {
            if h == i {
                break;
            }
            i = h;
        }
        i
    };
    for (_, i, j) in scored {
        let (hi, hj) = (find(&home, i), find(&home, j));
        if hi == hj {
            continue;
        }
        let (keep, fold) = (hi.min(hj), hi.max(hj));
        let (Some(rk), Some(rf)) = (
            leftovers.get(keep).map(|l| l.0),
            leftovers.get(fold).map(|l| l.0),
        ) else {
            continue;
        };
        let (Some(kr), Some(fr)) = (rows.get(rk), rows.get(rf)) else {
            continue;
        };
        let (mk, mf) = (members(kr), members(fr));
        if mk.iter().any(|k| mf.contains(k)) {
            continue;
        }
        let moved: Vec<(usize, Vec<usize>)> = mf
            .iter()
            .filter_map(|&k| Some((k, std::mem::take(rows.get_mut(rf)?.cells.get_mut(k)?))))
            .collect();
        if let Some(row) = rows.get_mut(rk) {
            for (k, paras) in moved {
                if let Some(cell) = row.cells.get_mut(k) {
                    *cell = paras;
                }
            }
        }
        if let Some(h) = home.get_mut(fold) {
            *h = keep;
        }
    }
}

/// For each term, the items carrying it with the term's weight there.
fn postings<'t>(
    items: impl Iterator<Item = (usize, &'t Terms)>,
) -> FxHashMap<&'t str, Vec<(usize, f64)>> {
    let mut out: FxHashMap<&str, Vec<(usize, f64)>> = FxHashMap::default();
    for (i, t) in items {
        for (k, w) in t.entries() {
            out.entry(k.as_str()).or_default().push((i, *w));
        }
    }
    out
}

fn link_article(
    article: &Article,
    a: usize,
    reference: usize,
    rows: &mut [AlignedRow],
    ref_terms: &[Option<Terms>],
) {
    let has = |row: &AlignedRow, k: usize| row.cells.get(k).is_some_and(|c| !c.is_empty());
    // Open targets: reference rows without a passage of this article.
    let postings = postings(
        rows.iter()
            .enumerate()
            .filter(|(_, row)| !has(row, a))
            .filter_map(|(r, _)| Some((r, ref_terms.get(r)?.as_ref()?))),
    );
    // Candidates: this article's passages alone in a row without the reference.
    let mut cache = FxHashMap::default();
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let alone = has(row, a)
            && !has(row, reference)
            && (0..row.cells.len()).all(|k| k == a || !has(row, k));
        if !alone {
            continue;
        }
        let Some(paras) = row.cells.get(a).filter(|p| !captions_only(article, p)) else {
            continue;
        };
        let t = cell_terms(article, paras, &mut cache);
        let mut dots: FxHashMap<usize, f64> = FxHashMap::default();
        for (k, w) in t.entries() {
            let Some(list) = postings.get(k.as_str()) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &(target, rw) in list {
                *dots.entry(target).or_insert(0.0) += w * rw;
            }
        }
        for (target, _) in dots {
            let Some(Some(rt)) = ref_terms.get(target) else {
                continue;
            };
            let s = t.cosine(rt);
            if s >= RELATED_PASSAGE {
                scored.push((s, r, target));
            }
        }
    }
    // Best pairs first; each passage and each reference row used once.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_source = rustc_hash::FxHashSet::default();
    let mut used_target = rustc_hash::FxHashSet::default();
    for (_, source, target) in scored {
        if used_source.contains(&source) || used_target.contains(&target) {
            continue;
        }
        used_source.insert(source);
        used_target.insert(target);
        let paras = rows
            .get_mut(source)
            .and_then(|row| row.cells.get_mut(a))
            .map(std::mem::take)
            .unwrap_or_default();
        if let Some(row) = rows.get_mut(target) {
            if let Some(cell) = row.cells.get_mut(a) {
                *cell = paras;
            }
            if let Some(m) = row.moved.get_mut(a) {
                *m = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&[usize]]) -> AlignedRow {
        AlignedRow {
            cells: cells.iter().map(|c| c.to_vec()).collect(),
            moved: vec![false; cells.len()],
        }
    }

    #[test]
    fn a_reworded_passage_joins_the_reference_row_it_shares_facts_with() {
        let wire = Article::from_texts(
            "wire.txt",
            [
                "Harbour officials counted 84 container ships waiting outside Vellmar on Monday.",
                "The mayor, Odile Brantham, blamed a strike by crane operators.",
            ],
        );
        let own = Article::from_texts(
            "own.txt",
            [
                "Crane operators walked out, Mayor Brantham told reporters.",
                "At Vellmar, 84 container ships queued at anchor.",
                "Weather on the coast stays mild.",
            ],
        );
        // As the word aligner leaves it: nothing in common.
        let rows = vec![
            row(&[&[0], &[]]),
            row(&[&[1], &[]]),
            row(&[&[], &[0]]),
            row(&[&[], &[1]]),
            row(&[&[], &[2]]),
        ];
        let linked = link_related(&[wire, own], 0, rows, &[false, false]);
        assert_eq!(linked.len(), 3, "{linked:?}");
        assert_eq!(linked[0].cells, vec![vec![0], vec![1]]);
        assert_eq!(linked[1].cells, vec![vec![1], vec![0]]);
        assert_eq!(
            linked[2].cells,
            vec![vec![], vec![2]],
            "no shared facts: stays alone"
        );
        // An unrelated article is left alone.
        let again = link_related(
            &[
                Article::from_texts("w", ["Vellmar ships 84 container."]),
                Article::from_texts("o", ["Vellmar ships 84 container."]),
            ],
            0,
            vec![row(&[&[0], &[]]), row(&[&[], &[0]])],
            &[false, true],
        );
        assert_eq!(again.len(), 2);
    }
}
