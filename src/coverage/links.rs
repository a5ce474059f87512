//! Per cell, after the diff: how the passage relates to the reference's ([`Relation`]), which
//! of its sentences correspond to which reference sentences ([`SentenceLink`]), and, for
//! passages written independently, the words that carry facts ([`FactMark`]). Sentences and
//! words come from the detection [`Context`] (its one splitter and tokeniser).

use rustc_hash::FxHashSet;

use super::terms::{Terms, term_runs};
use crate::detect::Context;
use crate::detect::context::Tok;
use crate::model::{Cell, Comparison, FactMark, OpTag, Relation, SentenceLink, Span};

/// Below this word similarity to the reference passage, a passage is shown as *related*
/// (independently written about the same facts) instead of as a word diff.
///
/// Fitted on the dev corpora (`cargo run --release --no-default-features --example
/// coverage_eval`): passages that onestop's people aligned as rewrites of one another have
/// word similarity 0.4 and above in nine cases of ten; the passages of BASIL's independent
/// reports that share a row score mostly below 0.3, where a word diff paints nearly every
/// word and reads as noise.
pub const RELATED_BELOW: f64 = 0.35;

/// Minimum topical similarity for two sentences to be linked.
///
/// Fitted on onestop's human sentence alignments (`coverage_eval`): the value that maximises
/// F1 of sentence links over the three reading-level pairs.
pub const SENTENCE_LINK: f64 = 0.25;

/// A word with at least this background weight (rarer than about one in ten thousand
/// words) is marked as fact-bearing in a related passage.
const MARK_WEIGHT: f64 = 3.2;

/// Sentences of the other passage are compared with the reference sentences in a window this
/// wide around their proportional place (all of them in passages of ordinary length).
const WINDOW: usize = 40;

/// What [`annotate`] found for one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellNotes {
    /// Row index.
    pub row: usize,
    /// Article index.
    pub article: usize,
    /// The passage's relation to the reference passage.
    pub relation: Relation,
    /// Sentence links.
    pub links: Vec<SentenceLink>,
    /// Fact marks.
    pub marks: Vec<FactMark>,
}

struct Sentence {
    span: Span,
    terms: Terms,
}

fn sentences(ctx: &Context<'_>, article: usize, paras: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for &p in paras {
        let Some(para) = ctx.para(article, p) else {
            continue;
        };
        let words = ctx.para_words(article, p);
        for s in &para.sentences {
            let from = words.partition_point(|w| w.start < s.start);
            let to = words.partition_point(|w| w.start < s.end);
            let terms = Terms::from_words(
                words
                    .get(from..to)
                    .unwrap_or(&[])
                    .iter()
                    .map(|w| w.text.as_str()),
            );
            out.push(Sentence {
                span: Span {
                    paragraph: p,
                    start: s.start,
                    end: s.end,
                },
                terms,
            });
        }
    }
    out
}

/// The relation of a cell to the reference cell of its row (`row_has_reference`: whether
/// there is one; a passage the reference lacks keeps the default, [`Relation::Reworded`],
/// and shows as inserted text).
#[must_use]
pub fn relation(cell: &Cell, is_reference: bool, row_has_reference: bool) -> Relation {
    if !is_reference && !row_has_reference {
        Relation::Reworded
    } else if is_reference || cell.ops.iter().all(|op| op.tag == OpTag::Equal) {
        Relation::Same
    } else if cell.similarity < RELATED_BELOW {
        Relation::Related
    } else {
        Relation::Reworded
    }
}

/// Links each sentence of `other` to the reference sentence it corresponds to: best pairs
/// first, one to one, then a sentence left over (one half of a split sentence) to its best
/// reference sentence.
fn link(refs: &[Sentence], other: &[Sentence]) -> Vec<SentenceLink> {
    let (m, n) = (refs.len(), other.len());
    let mut scored = Vec::new();
    for (i, o) in other.iter().enumerate() {
        let centre = (i * m).checked_div(n).unwrap_or(0);
        let lo = centre.saturating_sub(WINDOW);
        let hi = (centre + WINDOW + 1).min(m);
        for (j, r) in refs.iter().enumerate().take(hi).skip(lo) {
            let s = o.terms.cosine(&r.terms);
            if s >= SENTENCE_LINK {
                scored.push((s, i, j));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_o = FxHashSet::default();
    let mut used_r = FxHashSet::default();
    let mut out = Vec::new();
    for &(s, i, j) in &scored {
        if used_o.contains(&i) || used_r.contains(&j) {
            continue;
        }
        used_o.insert(i);
        used_r.insert(j);
        out.push((i, j, s));
    }
    // A sentence split in two: the second half links to the same reference sentence.
    for &(s, i, j) in &scored {
        if !used_o.contains(&i) {
            used_o.insert(i);
            out.push((i, j, s));
        }
    }
    out.sort_by_key(|&(i, j, _)| (i, j));
    out.into_iter()
        .filter_map(|(i, j, s)| {
            Some(SentenceLink {
                ref_span: refs.get(j)?.span,
                span: other.get(i)?.span,
                similarity: s,
            })
        })
        .collect()
}

/// A word that names something (a capital not at the start of a sentence) or is a figure.
fn is_fact_word(w: &Tok) -> bool {
    w.text.chars().next().is_some_and(|c| c.is_ascii_digit())
        || (!w.clause_start && w.text.chars().next().is_some_and(char::is_uppercase))
}

/// Marks the fact-bearing words of a passage: shared when `other` carries the word's term,
/// else (names and figures only) as stated only here.
fn marks(words: &[Tok], other: &FxHashSet<String>, shared_only: bool) -> Vec<FactMark> {
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    term_runs(&texts)
        .filter_map(|t| {
            let first = words.get(t.word)?;
            let last = words
                .get(t.word + t.len - 1)
                .filter(|l| l.para == first.para)
                .unwrap_or(first);
            let shared = other.contains(&t.key);
            let fact_word = t.key.starts_with('#') || is_fact_word(first);
            let bearing = fact_word || t.weight >= MARK_WEIGHT;
            let keep = if shared {
                bearing
            } else {
                !shared_only && fact_word && t.weight >= 2.0
            };
            keep.then_some(FactMark {
                span: Span {
                    paragraph: first.para,
                    start: first.start,
                    end: last.end,
                },
                shared,
            })
        })
        .collect()
}

fn keys(words: &[Tok]) -> FxHashSet<String> {
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    term_runs(&texts).map(|t| t.key).collect()
}

/// Relation, sentence links and fact marks of every cell (see the module docs).
#[must_use]
pub fn annotate(ctx: &Context<'_>) -> Vec<CellNotes> {
    let comparison = ctx.comparison;
    let reference = comparison.options.reference;
    let mut out = Vec::new();
    for (r, row) in comparison.rows.iter().enumerate() {
        let ref_cell = row.cells.get(reference).and_then(Option::as_ref);
        let ref_sentences = ref_cell.map(|c| sentences(ctx, reference, &c.paragraphs));
        let ref_words = ref_cell.map(|c| ctx.cell_words(reference, &c.paragraphs));
        let ref_keys = ref_words.as_deref().map(keys).unwrap_or_default();
        let mut related_keys: FxHashSet<String> = FxHashSet::default();
        for (a, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            if a == reference || cell.relation == Relation::Translation {
                // A translation's anchors were checked when its row was built.
                continue;
            }
            let rel = relation(cell, false, ref_cell.is_some());
            let mut notes = CellNotes {
                row: r,
                article: a,
                relation: rel,
                links: Vec::new(),
                marks: Vec::new(),
            };
            if rel != Relation::Same
                && ctx.shares_evidence(a, reference)
                && let Some(refs) = &ref_sentences
            {
                notes.links = link(refs, &sentences(ctx, a, &cell.paragraphs));
                if rel == Relation::Related {
                    let words = ctx.cell_words(a, &cell.paragraphs);
                    notes.marks = marks(&words, &ref_keys, false);
                    related_keys.extend(keys(&words));
                }
            }
            out.push(notes);
        }
        // The reference keeps the anchor marks of its translations' check.
        let anchor_marks = ref_cell.map(|c| c.marks.clone()).unwrap_or_default();
        if let (Some(words), false) = (ref_words, related_keys.is_empty()) {
            let mut m = anchor_marks;
            m.extend(marks(&words, &related_keys, true));
            out.push(CellNotes {
                row: r,
                article: reference,
                relation: Relation::Same,
                links: Vec::new(),
                marks: m,
            });
        } else if ref_cell.is_some() {
            out.push(CellNotes {
                row: r,
                article: reference,
                relation: Relation::Same,
                links: Vec::new(),
                marks: anchor_marks,
            });
        }
    }
    out
}

/// Writes [`annotate`]'s notes into the comparison's cells.
pub fn apply(comparison: &mut Comparison, notes: Vec<CellNotes>) {
    for n in notes {
        if let Some(Some(cell)) = comparison
            .rows
            .get_mut(n.row)
            .and_then(|row| row.cells.get_mut(n.article))
        {
            cell.relation = n.relation;
            cell.links = n.links;
            cell.marks = n.marks;
        }
    }
}
