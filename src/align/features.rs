//! Paragraph feature vectors for alignment: IDF-weighted word unigrams and bigrams over the
//! normalised, lower-cased text, plus a per-article inverted index for finding candidates.

use std::borrow::Cow;
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use unicode_segmentation::UnicodeSegmentation as _;

use crate::model::Article;
use crate::normalize::{self, Fold};

/// A sparse vector: `(feature id, weight)` sorted by feature id.
pub(crate) type Vector = Vec<(u32, f32)>;

/// One paragraph's `(feature id, raw count)`, sorted by id.
type Counts = Vec<(u32, u32)>;

/// The summed vector and norm of the 2 and of the 3 paragraphs starting at one paragraph.
type Merged = [OnceLock<(Vector, f32)>; 2];

/// The features of every paragraph of every article, and an inverted index per article.
pub(crate) struct Features {
    /// Per article, per paragraph: the weighted feature vector.
    vectors: Vec<Vec<Vector>>,
    /// Per article, per paragraph: the sum of the vector's weights.
    norms: Vec<Vec<f32>>,
    /// Per article: feature id → paragraphs holding it, ascending.
    index: Vec<HashMap<u32, Vec<usize>>>,
    /// Median paragraph norm over all articles (a scale for penalties).
    pub typical_norm: f32,
    /// Per article: its language group (see [`Features::set_groups`]); empty means one group.
    groups: Vec<usize>,
    /// Per article, per paragraph: the summed vector and norm of the 2 and of the 3
    /// paragraphs starting there, made when first asked for (the dynamic programme asks for
    /// each a few dozen times).
    merged: Vec<Vec<Merged>>,
}

/// Postings longer than this (plus a share of the article) are too common to suggest candidates.
const POSTING_CAP: usize = 48;

/// How many candidates a paragraph keeps per target article.
const CANDIDATES: usize = 12;

thread_local! {
    /// [`Features::candidates`]'s per-paragraph sums and the paragraphs it touched.
    static SCRATCH: std::cell::RefCell<(Vec<f32>, Vec<usize>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

impl Features {
    /// Computes the vectors and indexes of all articles.
    pub(crate) fn build(articles: &[Article]) -> Self {
        let (raw, df, total_paragraphs) = term_counts(articles);
        let total = total_paragraphs.max(1) as f32;
        let mut vectors = Vec::with_capacity(raw.len());
        let mut norms = Vec::with_capacity(raw.len());
        let mut index = Vec::with_capacity(raw.len());
        let mut all_norms = Vec::new();
        for per_article in raw {
            let mut article_vectors = Vec::with_capacity(per_article.len());
            let mut article_norms = Vec::with_capacity(per_article.len());
            let mut article_index: HashMap<u32, Vec<usize>> = HashMap::default();
            for (p, counted) in per_article.into_iter().enumerate() {
                let vector: Vector = counted
                    .into_iter()
                    .map(|(id, tf)| {
                        let d = df.get(&id).copied().unwrap_or(1).max(1) as f32;
                        let idf = (1.0 + total / d).ln();
                        (id, (1.0 + (tf as f32).ln()) * idf)
                    })
                    .collect();
                for &(id, _) in &vector {
                    article_index.entry(id).or_default().push(p);
                }
                let n: f32 = vector.iter().map(|&(_, w)| w).sum();
                all_norms.push(n);
                article_norms.push(n);
                article_vectors.push(vector);
            }
            vectors.push(article_vectors);
            norms.push(article_norms);
            index.push(article_index);
        }
        all_norms.sort_by(f32::total_cmp);
        let typical_norm = all_norms.get(all_norms.len() / 2).copied().unwrap_or(1.0);
        let merged = vectors
            .iter()
            .map(|v| {
                v.iter()
                    .map(|_| [OnceLock::new(), OnceLock::new()])
                    .collect()
            })
            .collect();
        Self {
            vectors,
            norms,
            index,
            typical_norm,
            groups: Vec::new(),
            merged,
        }
    }

    /// Puts each article in a language group: articles of different groups are never
    /// candidates for each other and have similarity 0 (their words mean nothing to each
    /// other's).
    pub(crate) fn set_groups(&mut self, groups: Vec<usize>) {
        self.groups = groups;
    }

    /// True when two articles are in one language group.
    fn same_group(&self, a: usize, b: usize) -> bool {
        self.groups.get(a).copied().unwrap_or(0) == self.groups.get(b).copied().unwrap_or(0)
    }

    /// Number of paragraphs of `article`.
    pub(crate) fn len(&self, article: usize) -> usize {
        self.vectors.get(article).map_or(0, Vec::len)
    }

    /// The vector of one paragraph (empty when out of range).
    pub(crate) fn vector(&self, article: usize, paragraph: usize) -> &[(u32, f32)] {
        self.vectors
            .get(article)
            .and_then(|v| v.get(paragraph))
            .map_or(&[], Vec::as_slice)
    }

    /// The norm (sum of weights) of one paragraph.
    pub(crate) fn norm(&self, article: usize, paragraph: usize) -> f32 {
        self.norms
            .get(article)
            .and_then(|v| v.get(paragraph))
            .copied()
            .unwrap_or(0.0)
    }

    /// Paragraphs of `to` sharing uncommon features with paragraph `para` of `from`, best first
    /// (at most a dozen), found through the inverted index.
    pub(crate) fn candidates(&self, from: usize, para: usize, to: usize) -> Vec<usize> {
        if !self.same_group(from, to) {
            return Vec::new();
        }
        let Some(index) = self.index.get(to) else {
            return Vec::new();
        };
        let cap = POSTING_CAP + self.len(to) / 64;
        // The weight shared with every paragraph of `to`, summed in a dense array reused by
        // the thread (a paragraph touches a few hundred postings; sorting them was the cost).
        SCRATCH.with_borrow_mut(|(sums, touched)| {
            // Only the touched sums are reset after each call: clearing the whole array
            // would cost the length of `to` per paragraph, quadratic over two long articles.
            if sums.len() < self.len(to) {
                sums.resize(self.len(to), 0.0);
            }
            touched.clear();
            for &(id, w) in self.vector(from, para) {
                let Some(postings) = index.get(&id) else {
                    continue;
                };
                if postings.len() > cap {
                    continue;
                }
                for &p in postings {
                    if let Some(sum) = sums.get_mut(p) {
                        if *sum == 0.0 {
                            touched.push(p);
                        }
                        *sum += w;
                    }
                }
            }
            let mut ranked: Vec<(usize, f32)> = touched
                .iter()
                .map(|&p| (p, sums.get_mut(p).map_or(0.0, std::mem::take)))
                .collect();
            let order =
                |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if ranked.len() > CANDIDATES {
                ranked.select_nth_unstable_by(CANDIDATES - 1, order);
                ranked.truncate(CANDIDATES);
            }
            ranked.sort_by(order);
            ranked.into_iter().map(|(p, _)| p).collect()
        })
    }

    /// Weighted Dice similarity of two groups of consecutive paragraphs.
    pub(crate) fn dice(
        &self,
        a: usize,
        a_paras: std::ops::Range<usize>,
        b: usize,
        b_paras: std::ops::Range<usize>,
    ) -> f32 {
        if !self.same_group(a, b) {
            return 0.0;
        }
        let (va, na) = self.group(a, a_paras);
        let (vb, nb) = self.group(b, b_paras);
        let total = na + nb;
        if total <= 0.0 {
            return 0.0;
        }
        2.0 * overlap(&va, &vb) / total
    }

    /// The summed vector and norm of consecutive paragraphs.
    /// A single paragraph's vector is borrowed, not copied.
    fn group(&self, article: usize, paras: std::ops::Range<usize>) -> (Cow<'_, [(u32, f32)]>, f32) {
        if paras.len() == 1 {
            let p = paras.start;
            return (
                Cow::Borrowed(self.vector(article, p)),
                self.norm(article, p),
            );
        }
        let sum = || {
            let mut out: Vector = Vec::new();
            let mut norm = 0.0;
            for p in paras.clone() {
                norm += self.norm(article, p);
                out = merge(&out, self.vector(article, p));
            }
            (out, norm)
        };
        let cached = paras
            .len()
            .checked_sub(2)
            .filter(|_| paras.end <= self.len(article))
            .and_then(|slot| self.merged.get(article)?.get(paras.start)?.get(slot));
        if let Some(lock) = cached {
            let (vector, norm) = lock.get_or_init(sum);
            (Cow::Borrowed(vector.as_slice()), *norm)
        } else {
            let (vector, norm) = sum();
            (Cow::Owned(vector), norm)
        }
    }
}

/// Per article, per paragraph: the raw frequencies of its word unigrams and bigrams (ids
/// sorted), with each id's paragraph count and the number of paragraphs.
fn term_counts(articles: &[Article]) -> (Vec<Vec<Counts>>, HashMap<u32, u32>, usize) {
    let mut unigrams: HashMap<String, u32> = HashMap::default();
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::default();
    let fold = Fold {
        case: true,
        ..Fold::default()
    };
    // Raw term frequencies per paragraph.
    let mut raw: Vec<Vec<Counts>> = Vec::with_capacity(articles.len());
    let mut df: HashMap<u32, u32> = HashMap::default();
    let mut total_paragraphs = 0usize;
    // Normalising and cutting into words is per paragraph: on all cores. Interning the
    // words into ids is sequential, in article and paragraph order, so that the ids (and
    // every tie broken by them) do not depend on the thread count.
    let folded: Vec<Vec<(String, Vec<std::ops::Range<usize>>)>> = articles
        .par_iter()
        .map(|article| {
            article
                .paragraphs
                .par_iter()
                .map(|paragraph| {
                    let text = normalize::normalize(&paragraph.text, fold).text;
                    let words = word_bytes(&text);
                    (text, words)
                })
                .collect()
        })
        .collect();
    for per_article_text in &folded {
        let mut per_article = Vec::with_capacity(per_article_text.len());
        for (text, words) in per_article_text {
            total_paragraphs += 1;
            let mut ids: Vec<u32> = Vec::with_capacity(words.len() * 2);
            let mut previous: Option<u32> = None;
            for word in words.iter().filter_map(|w| text.get(w.clone())) {
                let id = if let Some(&id) = unigrams.get(word) {
                    id
                } else {
                    let next = u32::try_from(unigrams.len()).unwrap_or(u32::MAX);
                    unigrams.insert(word.to_string(), next);
                    next
                };
                ids.push(id * 2);
                if let Some(p) = previous {
                    let next = u32::try_from(bigrams.len()).unwrap_or(u32::MAX);
                    let b = *bigrams.entry((p, id)).or_insert(next);
                    ids.push(b * 2 + 1);
                }
                previous = Some(id);
            }
            ids.sort_unstable();
            let mut counted: Vec<(u32, u32)> = Vec::new();
            for id in ids {
                match counted.last_mut() {
                    Some((last, n)) if *last == id => *n += 1,
                    _ => counted.push((id, 1)),
                }
            }
            for &(id, _) in &counted {
                *df.entry(id).or_insert(0) += 1;
            }
            per_article.push(counted);
        }
        raw.push(per_article);
    }
    drop(folded);
    // Ids in order of first appearance would make the order of the articles decide the
    // order sums are taken in (and so their last bits, and every near tie): renumber
    // unigrams by their text and bigrams by their words' new ids, whatever the order.
    let remap = order_independent_ids(&unigrams, &bigrams);
    let recode = |id: u32| -> u32 {
        usize::try_from(id)
            .ok()
            .and_then(|i| remap.get(i))
            .copied()
            .unwrap_or(id)
    };
    for counted in raw.iter_mut().flatten() {
        for (id, _) in counted.iter_mut() {
            *id = recode(*id);
        }
        counted.sort_unstable_by_key(|&(id, _)| id);
    }
    let df = df.into_iter().map(|(id, n)| (recode(id), n)).collect();
    (raw, df, total_paragraphs)
}

/// For every term id of [`term_counts`] (unigram `2u`, bigram `2b + 1`), the id it gets when
/// unigrams are numbered in the order of their text and bigrams in the order of their
/// words' new numbers: the same texts give the same ids in any order of the articles.
fn order_independent_ids(
    unigrams: &HashMap<String, u32>,
    bigrams: &HashMap<(u32, u32), u32>,
) -> Vec<u32> {
    let mut words: Vec<(&str, u32)> = unigrams.iter().map(|(w, &id)| (w.as_str(), id)).collect();
    words.sort_unstable();
    let mut uni = vec![0u32; unigrams.len()];
    for (rank, (_, id)) in words.iter().enumerate() {
        if let Some(slot) = usize::try_from(*id).ok().and_then(|i| uni.get_mut(i)) {
            *slot = u32::try_from(rank).unwrap_or(u32::MAX);
        }
    }
    let new_uni = |id: u32| {
        usize::try_from(id)
            .ok()
            .and_then(|i| uni.get(i))
            .copied()
            .unwrap_or(id)
    };
    let mut pairs: Vec<((u32, u32), u32)> = bigrams
        .iter()
        .map(|(&(a, b), &id)| ((new_uni(a), new_uni(b)), id))
        .collect();
    pairs.sort_unstable();
    let mut bi = vec![0u32; bigrams.len()];
    for (rank, (_, id)) in pairs.iter().enumerate() {
        if let Some(slot) = usize::try_from(*id).ok().and_then(|i| bi.get_mut(i)) {
            *slot = u32::try_from(rank).unwrap_or(u32::MAX);
        }
    }
    let len = 2 * unigrams.len().max(bigrams.len()) + 2;
    (0..len)
        .map(|t| {
            let id = u32::try_from(t / 2).unwrap_or(u32::MAX);
            if t % 2 == 0 {
                new_uni(id).saturating_mul(2)
            } else {
                let b = usize::try_from(id)
                    .ok()
                    .and_then(|i| bi.get(i))
                    .copied()
                    .unwrap_or(id);
                b.saturating_mul(2).saturating_add(1)
            }
        })
        .collect()
}

/// The byte ranges of the words of `text` (as [`normalize::words`] finds them).
fn word_bytes(text: &str) -> Vec<std::ops::Range<usize>> {
    text.split_word_bound_indices()
        .filter(|(_, segment)| normalize::is_word_segment(segment))
        .map(|(at, segment)| at..at + segment.len())
        .collect()
}

/// Sum of two sorted sparse vectors.
fn merge(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vector {
    if a.is_empty() {
        return b.to_vec();
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&(fa, wa)), Some(&(fb, wb))) = (a.get(i), b.get(j)) {
        match fa.cmp(&fb) {
            std::cmp::Ordering::Less => {
                out.push((fa, wa));
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push((fb, wb));
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((fa, wa + wb));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend(a.iter().skip(i));
    out.extend(b.iter().skip(j));
    out
}

/// Sum over shared features of the smaller weight.
fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0.0;
    while let (Some(&(fa, wa)), Some(&(fb, wb))) = (a.get(i), b.get(j)) {
        match fa.cmp(&fb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa.min(wb);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        Article::from_texts("t.txt", paragraphs.iter().copied())
    }

    #[test]
    fn candidates_rank_by_shared_rare_words_and_leave_no_sums_behind() {
        let reference = article(&[
            "The harbour council approved the dredging budget on Tuesday.",
            "Fishermen warned that silt was closing the northern channel.",
            "The mayor said work would start in spring.",
        ]);
        let other = article(&[
            "The mayor said dredging work would start in the spring.",
            "Silt is closing the northern channel, fishermen warned.",
        ]);
        let f = Features::build(&[reference, other]);
        // Each paragraph of the other article finds its reference paragraph first.
        assert_eq!(f.candidates(1, 0, 0).first(), Some(&2));
        assert_eq!(f.candidates(1, 1, 0).first(), Some(&1));
        // The per-thread sums are reset after every call: asking again, in another order and
        // in the other direction in between, gives the same lists.
        let first: Vec<Vec<usize>> = (0..2).map(|j| f.candidates(1, j, 0)).collect();
        let back: Vec<Vec<usize>> = (0..3).map(|i| f.candidates(0, i, 1)).collect();
        assert_eq!(back.get(2).and_then(|c| c.first()), Some(&0));
        let again: Vec<Vec<usize>> = (0..2).rev().map(|j| f.candidates(1, j, 0)).collect();
        assert_eq!(first, again.into_iter().rev().collect::<Vec<_>>());
    }

    #[test]
    fn a_kept_group_vector_is_the_sum_of_its_paragraphs() {
        let a = article(&["red boats sail", "blue boats wait", "green boats rest"]);
        let f = Features::build(&[a]);
        let (once, norm) = f.group(0, 0..2);
        let once = once.into_owned();
        let (twice, norm_again) = f.group(0, 0..2);
        assert_eq!(once, twice.into_owned());
        assert!((norm - (f.norm(0, 0) + f.norm(0, 1))).abs() < 1e-5);
        assert!((norm - norm_again).abs() < f32::EPSILON);
        // "boats" is in both paragraphs: its weight is summed, the other words kept once.
        let words = f.vector(0, 0).len() + f.vector(0, 1).len();
        assert!(once.len() < words);
        // A group running past the article's end is not kept, and sums what exists.
        let (past, _) = f.group(0, 2..4);
        assert_eq!(past.into_owned(), f.vector(0, 2).to_vec());
    }
}
