//! Word- (or character-) level diff of one cell against the reference cell, and the
//! article × article similarity matrix.
//!
//! Both cells are tokenised ([`tokens`]) into words, whitespace runs and punctuation with
//! character offsets; the `similar` crate diffs the comparison keys of the tokens the options
//! do not ignore; ignored tokens and whitespace between changes are attached to their
//! neighbours, and the result is cut into [`Op`]s that never span two paragraphs.

mod matrix;
mod tokens;

use std::hash::{Hash as _, Hasher as _};
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::model::{Article, CompareOptions, Op, OpTag, Span};
pub use matrix::similarity_matrix;
use tokens::{Kind, Token};

/// Diffs `other`'s paragraphs `paras` against the reference's `ref_paras`.
/// Returns the ops and the similarity (0–1: twice the characters of matched words over the
/// characters of all words of both cells).
#[must_use]
pub fn diff_cell(
    reference: &Article,
    ref_paras: &[usize],
    other: &Article,
    paras: &[usize],
    options: &CompareOptions,
) -> (Vec<Op>, f64) {
    let diff = diff_cell_within(
        reference,
        ref_paras,
        other,
        paras,
        options,
        CELL_DIFF_BUDGET,
    );
    (diff.ops, diff.similarity)
}

/// How long one cell's word diff may run before the cell is compared sentence by sentence
/// instead (the word diff is O((N+M)·D): two long passages with little in common would
/// otherwise take minutes).
pub const CELL_DIFF_BUDGET: Duration = Duration::from_secs(2);

/// A cell's diff against the reference cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellDiff {
    /// The ops (see [`diff_cell`]).
    pub ops: Vec<Op>,
    /// Similarity, 0–1 (see [`diff_cell`]).
    pub similarity: f64,
    /// Set when the word diff ran past its budget and the cell was compared sentence by
    /// sentence (plain words for the cell's note).
    pub note: Option<String>,
}

/// [`diff_cell`] with a time budget: when the word diff runs past `budget`, the cells are
/// diffed sentence by sentence, changed sentence runs of moderate size word by word, and
/// [`CellDiff::note`] says so.
#[must_use]
pub fn diff_cell_within(
    reference: &Article,
    ref_paras: &[usize],
    other: &Article,
    paras: &[usize],
    options: &CompareOptions,
    budget: Duration,
) -> CellDiff {
    if std::ptr::eq(reference, other) && ref_paras == paras {
        return CellDiff {
            ops: identity(other, paras),
            similarity: 1.0,
            note: None,
        };
    }
    let ref_tokens = cell_tokens(reference, ref_paras, options);
    let oth_tokens = cell_tokens(other, paras, options);
    let (segments, coarse) = segments(&ref_tokens, &oth_tokens, options, budget);
    let ctx = Emit {
        ref_offsets: cell_offsets(reference, ref_paras),
        oth_offsets: cell_offsets(other, paras),
        ref_tokens: &ref_tokens,
        oth_tokens: &oth_tokens,
    };
    let mut ops = Vec::new();
    let mut matched = 0usize;
    for seg in &segments {
        if seg.equal {
            matched += word_chars(ref_tokens.get(seg.r.clone()).unwrap_or(&[]))
                + word_chars(oth_tokens.get(seg.o.clone()).unwrap_or(&[]));
        }
        ctx.emit(seg, &mut ops);
    }
    let total = word_chars(&ref_tokens) + word_chars(&oth_tokens);
    let similarity = if total == 0 {
        if segments.iter().all(|s| s.equal) {
            1.0
        } else {
            0.0
        }
    } else {
        matched as f64 / total as f64
    };
    CellDiff {
        ops: merge_ops(ops),
        similarity,
        note: coarse.then(|| {
            format!(
                "Long passage: its word diff ran past {} s, so it was compared sentence by sentence (changed sentences are word-diffed only when short)",
                budget.as_secs_f32()
            )
        }),
    }
}

/// Diffs two plain strings (a headline against the reference's) the way [`diff_cell`] diffs
/// two one-paragraph cells: every span has `paragraph` 0 and offsets in characters into
/// `other` (for `Equal`/`Insert`) or `reference` (for `Delete`).
#[must_use]
pub fn diff_text(reference: &str, other: &str, options: &CompareOptions) -> (Vec<Op>, f64) {
    let r = Article::from_texts("", [reference]);
    let o = Article::from_texts("", [other]);
    diff_cell(&r, &[0], &o, &[0], options)
}

/// All-`Equal` ops of a cell against itself.
fn identity(article: &Article, paras: &[usize]) -> Vec<Op> {
    paras
        .iter()
        .filter_map(|&p| article.paragraphs.get(p).map(|para| (p, para)))
        .filter(|(_, para)| !para.text.is_empty())
        .map(|(p, para)| {
            let span = Span {
                paragraph: p,
                start: 0,
                end: para.text.chars().count(),
            };
            Op {
                tag: OpTag::Equal,
                text: para.text.clone(),
                span,
                ref_span: Some(span),
                whitespace_only: false,
            }
        })
        .collect()
}

/// The tokens of a cell's paragraphs, with a break token between paragraphs.
fn cell_tokens(article: &Article, paras: &[usize], options: &CompareOptions) -> Vec<Token> {
    let mut out = Vec::new();
    for (n, &p) in paras.iter().enumerate() {
        let Some(para) = article.paragraphs.get(p) else {
            continue;
        };
        if n > 0 {
            out.push(tokens::paragraph_break(p));
        }
        tokens::tokenize(&para.text, p, options, &mut out);
    }
    out
}

/// Characters of word tokens.
fn word_chars(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.end - t.start)
        .sum()
}

/// A stretch of both cells, in full token indices: equal, or a change (delete + insert).
#[derive(Debug, Clone)]
struct Segment {
    equal: bool,
    whitespace_only: bool,
    r: Range<usize>,
    o: Range<usize>,
}

/// Diffs the significant tokens and spreads the ignored ones over the resulting segments.
/// The flag is true when the word diff ran past `budget` and the sentence-level diff of
/// [`coarse_segments`] was used instead.
fn segments<'t>(
    ref_tokens: &'t [Token],
    oth_tokens: &'t [Token],
    options: &CompareOptions,
    budget: Duration,
) -> (Vec<Segment>, bool) {
    let sig_r: Vec<usize> = (0..ref_tokens.len())
        .filter(|&i| ref_tokens.get(i).is_some_and(|t| !t.ignored))
        .collect();
    let sig_o: Vec<usize> = (0..oth_tokens.len())
        .filter(|&i| oth_tokens.get(i).is_some_and(|t| !t.ignored))
        .collect();
    let keys = |sig: &[usize], toks: &'t [Token]| -> Vec<&'t str> {
        sig.iter()
            .filter_map(|&i| toks.get(i).map(|t| t.key.as_str()))
            .collect()
    };
    let kr = keys(&sig_r, ref_tokens);
    let ko = keys(&sig_o, oth_tokens);
    // Segments over significant indices.
    let mut sig_segs: Vec<Segment> = Vec::new();
    let deadline = Instant::now() + budget;
    let word_ops = capture_diff_slices_deadline(Algorithm::Myers, &kr, &ko, Some(deadline));
    let coarse = Instant::now() >= deadline;
    if coarse {
        sig_segs = coarse_segments(&kr, &ko, &sig_r, ref_tokens, &sig_o, oth_tokens, budget);
    } else {
        for op in word_ops {
            let equal = matches!(op, DiffOp::Equal { .. });
            push_segment(&mut sig_segs, equal, op.old_range(), op.new_range());
        }
    }
    if sig_segs.is_empty() {
        let equal = !ref_tokens.is_empty() && !oth_tokens.is_empty();
        return (
            vec![Segment {
                equal: equal || (ref_tokens.is_empty() && oth_tokens.is_empty()),
                whitespace_only: false,
                r: 0..ref_tokens.len(),
                o: 0..oth_tokens.len(),
            }],
            coarse,
        );
    }
    absorb_thin_equals(&mut sig_segs, &sig_r, ref_tokens);
    // Mark whitespace-only changes.
    for seg in &mut sig_segs {
        if seg.equal {
            continue;
        }
        let glue = |range: &Range<usize>, keys: &[&str], sig: &[usize], toks: &[Token]| {
            range
                .clone()
                .filter(|&k| {
                    sig.get(k)
                        .and_then(|&i| toks.get(i))
                        .is_some_and(|t| t.kind != Kind::Space)
                })
                .filter_map(|k| keys.get(k).copied())
                .collect::<String>()
        };
        let a = glue(&seg.r, &kr, &sig_r, ref_tokens);
        let b = glue(&seg.o, &ko, &sig_o, oth_tokens);
        if !a.is_empty() && a == b {
            seg.whitespace_only = true;
            if options.ignore_whitespace {
                seg.equal = true;
            }
        }
    }
    // Re-merge segments that became equal.
    let mut merged: Vec<Segment> = Vec::new();
    for seg in sig_segs {
        match merged.last_mut() {
            Some(last) if last.equal && seg.equal => {
                last.r.end = seg.r.end;
                last.o.end = seg.o.end;
                last.whitespace_only = false;
            }
            _ => merged.push(seg),
        }
    }
    let owner_r = owners(&merged, &sig_r, ref_tokens.len(), |s| s.r.clone());
    let owner_o = owners(&merged, &sig_o, oth_tokens.len(), |s| s.o.clone());
    let segs = merged
        .iter()
        .enumerate()
        .map(|(s, seg)| Segment {
            equal: seg.equal,
            whitespace_only: seg.whitespace_only,
            r: span_of(&owner_r, s),
            o: span_of(&owner_o, s),
        })
        .collect();
    (segs, coarse)
}

/// A changed run of sentences is word-diffed inside the coarse diff when neither side has
/// more significant tokens than this (the word diff of two runs this size stays well under
/// a second even when they share nothing).
const COARSE_WORD_WINDOW: usize = 4_000;

/// The sentence-level diff of a cell whose word diff ran past its budget: the significant
/// tokens are cut into sentences (after `.`, `!`, `?`, their full-width forms, and at
/// paragraph breaks), each sentence is keyed by a hash of its token keys, the sentence
/// sequences are diffed, and each changed run of sentences small enough is word-diffed
/// inside. Segments are over significant indices, as in [`segments`].
fn coarse_segments(
    kr: &[&str],
    ko: &[&str],
    sig_r: &[usize],
    ref_tokens: &[Token],
    sig_o: &[usize],
    oth_tokens: &[Token],
    budget: Duration,
) -> Vec<Segment> {
    let (ur, bounds_r) = sentence_units(kr, sig_r, ref_tokens);
    let (uo, bounds_o) = sentence_units(ko, sig_o, oth_tokens);
    let deadline = Instant::now() + budget;
    let mut segs = Vec::new();
    for op in capture_diff_slices_deadline(Algorithm::Myers, &ur, &uo, Some(deadline)) {
        let r = unit_range(&bounds_r, op.old_range(), kr.len());
        let o = unit_range(&bounds_o, op.new_range(), ko.len());
        if matches!(op, DiffOp::Equal { .. }) {
            push_segment(&mut segs, true, r, o);
        } else if r.len() <= COARSE_WORD_WINDOW && o.len() <= COARSE_WORD_WINDOW {
            let (Some(old_words), Some(new_words)) = (kr.get(r.clone()), ko.get(o.clone())) else {
                push_segment(&mut segs, false, r, o);
                continue;
            };
            for w in capture_diff_slices_deadline(Algorithm::Myers, old_words, new_words, None) {
                let wr = w.old_range();
                let wo = w.new_range();
                push_segment(
                    &mut segs,
                    matches!(w, DiffOp::Equal { .. }),
                    r.start + wr.start..r.start + wr.end,
                    o.start + wo.start..o.start + wo.end,
                );
            }
        } else {
            push_segment(&mut segs, false, r, o);
        }
    }
    segs
}

/// The sentences of one side's significant tokens: a hash key per sentence and the
/// significant index where each sentence starts. The spaces after a sentence's last mark
/// belong to it; a paragraph break is a unit of its own.
fn sentence_units(keys: &[&str], sig: &[usize], tokens: &[Token]) -> (Vec<u64>, Vec<usize>) {
    let mut units = Vec::new();
    let mut starts = Vec::new();
    let mut hasher = rustc_hash::FxHasher::default();
    let mut open = false;
    let mut ended = false;
    for (k, key) in keys.iter().enumerate() {
        let kind = sig.get(k).and_then(|&i| tokens.get(i)).map(|t| t.kind);
        let close = |units: &mut Vec<u64>, hasher: &mut rustc_hash::FxHasher| {
            units.push(hasher.finish());
            *hasher = rustc_hash::FxHasher::default();
        };
        if open && (kind == Some(Kind::Break) || (ended && kind != Some(Kind::Space))) {
            close(&mut units, &mut hasher);
            open = false;
            ended = false;
        }
        if !open {
            starts.push(k);
            open = true;
        }
        key.hash(&mut hasher);
        if kind == Some(Kind::Break) {
            close(&mut units, &mut hasher);
            open = false;
        } else if kind == Some(Kind::Punct)
            && matches!(*key, "." | "!" | "?" | "\u{3002}" | "\u{ff01}" | "\u{ff1f}")
        {
            ended = true;
        }
    }
    if open {
        units.push(hasher.finish());
    }
    (units, starts)
}

/// The significant-token range covered by a range of sentence units.
fn unit_range(starts: &[usize], units: Range<usize>, len: usize) -> Range<usize> {
    let at = |u: usize| starts.get(u).copied().unwrap_or(len);
    at(units.start)..at(units.end).max(at(units.start))
}

/// Appends a segment, merging it into the previous one when both are changes (or both equal).
fn push_segment(segs: &mut Vec<Segment>, equal: bool, r: Range<usize>, o: Range<usize>) {
    if let Some(last) = segs.last_mut()
        && last.equal == equal
    {
        last.r.end = r.end;
        last.o.end = o.end;
        return;
    }
    segs.push(Segment {
        equal,
        whitespace_only: false,
        r,
        o,
    });
}

/// An equal stretch of only whitespace (no paragraph break) between two changes joins the
/// change, so that "a b" → "x y" reads as one replacement rather than two split by a space.
fn absorb_thin_equals(segs: &mut Vec<Segment>, sig_r: &[usize], ref_tokens: &[Token]) {
    let thin = |seg: &Segment| {
        seg.equal
            && seg.r.clone().all(|k| {
                sig_r
                    .get(k)
                    .and_then(|&i| ref_tokens.get(i))
                    .is_some_and(|t| t.kind == Kind::Space)
            })
    };
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    let mut i = 0;
    while let Some(seg) = segs.get(i) {
        let sandwiched = i > 0 && segs.get(i + 1).is_some_and(|n| !n.equal);
        let seg = seg.clone();
        if thin(&seg) && sandwiched {
            if let Some(last) = out.last_mut() {
                last.r.end = seg.r.end;
                last.o.end = seg.o.end;
            }
        } else if let Some(last) = out.last_mut()
            && !last.equal
            && !seg.equal
        {
            last.r.end = seg.r.end;
            last.o.end = seg.o.end;
        } else {
            out.push(seg);
        }
        i += 1;
    }
    *segs = out;
}

/// For each full token, the segment that owns it. Significant tokens belong to their segment;
/// an ignored token goes to the neighbouring equal segment when there is one, else to the
/// segment before it.
fn owners(
    segs: &[Segment],
    sig: &[usize],
    len: usize,
    side: impl Fn(&Segment) -> Range<usize>,
) -> Vec<usize> {
    let mut seg_of_sig = vec![0usize; sig.len()];
    for (s, seg) in segs.iter().enumerate() {
        for k in side(seg) {
            if let Some(x) = seg_of_sig.get_mut(k) {
                *x = s;
            }
        }
    }
    let mut owner = vec![usize::MAX; len];
    for (k, &i) in sig.iter().enumerate() {
        if let (Some(o), Some(&s)) = (owner.get_mut(i), seg_of_sig.get(k)) {
            *o = s;
        }
    }
    let last_seg = segs.len().saturating_sub(1);
    let mut i = 0;
    while i < len {
        if owner.get(i).is_some_and(|&o| o != usize::MAX) {
            i += 1;
            continue;
        }
        let start = i;
        while owner.get(i).is_some_and(|&o| o == usize::MAX) {
            i += 1;
        }
        let before = start.checked_sub(1).and_then(|b| owner.get(b).copied());
        let after = owner.get(i).copied();
        let is_equal = |s: usize| segs.get(s).is_some_and(|x| x.equal);
        let pick = match (before, after) {
            (Some(b), Some(a)) => {
                if is_equal(b) {
                    b
                } else if is_equal(a) {
                    a
                } else {
                    b
                }
            }
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => segs.iter().position(|s| s.equal).unwrap_or(0),
        };
        for o in owner.iter_mut().take(i).skip(start) {
            *o = pick.min(last_seg);
        }
    }
    owner
}

/// The contiguous token range owned by segment `s` (empty at the right place when none).
/// Owners never decrease along the tokens, so both ends are found by binary search (a
/// linear scan per segment made long cells with many changes quadratic).
fn span_of(owner: &[usize], s: usize) -> Range<usize> {
    let start = owner.partition_point(|&o| o < s);
    let end = owner.partition_point(|&o| o <= s);
    start..end.max(start)
}

/// The character offsets of each paragraph of a cell.
fn cell_offsets<'a>(
    article: &'a Article,
    paras: &[usize],
) -> Vec<(usize, crate::normalize::CharOffsets<'a>)> {
    paras
        .iter()
        .filter_map(|&p| {
            let text = &article.paragraphs.get(p)?.text;
            Some((p, crate::normalize::CharOffsets::new(text)))
        })
        .collect()
}

/// What emitting ops needs.
struct Emit<'a> {
    /// Per paragraph of the reference cell: its character offsets (op texts are cut in
    /// constant time, not by walking the paragraph from its start).
    ref_offsets: Vec<(usize, crate::normalize::CharOffsets<'a>)>,
    /// The same for the other cell.
    oth_offsets: Vec<(usize, crate::normalize::CharOffsets<'a>)>,
    ref_tokens: &'a [Token],
    oth_tokens: &'a [Token],
}

impl Emit<'_> {
    /// Appends the ops of one segment, cut at paragraph breaks.
    fn emit(&self, seg: &Segment, ops: &mut Vec<Op>) {
        let r_runs = runs(self.ref_tokens, seg.r.clone());
        let o_runs = runs(self.oth_tokens, seg.o.clone());
        if seg.equal && r_runs.len() == o_runs.len() {
            for (r, o) in r_runs.iter().zip(&o_runs) {
                let (Some(rs), Some(os)) = (*r, *o) else {
                    // One side has nothing here (only ignored tokens on the other).
                    if let Some(rs) = *r {
                        ops.push(self.op(OpTag::Delete, rs, None, seg.whitespace_only));
                    }
                    if let Some(os) = *o {
                        ops.push(self.op(OpTag::Insert, os, None, seg.whitespace_only));
                    }
                    continue;
                };
                ops.push(self.op(OpTag::Equal, os, Some(rs), false));
            }
            return;
        }
        for rs in r_runs.into_iter().flatten() {
            ops.push(self.op(OpTag::Delete, rs, None, seg.whitespace_only));
        }
        for os in o_runs.into_iter().flatten() {
            ops.push(self.op(OpTag::Insert, os, None, seg.whitespace_only));
        }
    }

    fn op(&self, tag: OpTag, span: Span, ref_span: Option<Span>, whitespace_only: bool) -> Op {
        let offsets = if tag == OpTag::Delete {
            &self.ref_offsets
        } else {
            &self.oth_offsets
        };
        let text = offsets
            .iter()
            .find(|(p, _)| *p == span.paragraph)
            .map(|(_, o)| o.slice(span.start, span.end).to_string())
            .unwrap_or_default();
        Op {
            tag,
            text,
            span,
            ref_span,
            whitespace_only,
        }
    }
}

/// The per-paragraph spans of a token range, split at break tokens; `None` for a paragraph
/// stretch with no characters.
fn runs(tokens: &[Token], range: Range<usize>) -> Vec<Option<Span>> {
    let mut out: Vec<Option<Span>> = Vec::new();
    let mut current: Option<Span> = None;
    let mut started = false;
    for t in tokens.get(range).unwrap_or(&[]) {
        if t.kind == Kind::Break {
            out.push(current.take());
            started = true;
            continue;
        }
        started = true;
        match current.as_mut() {
            Some(span) => span.end = t.end,
            None => {
                current = Some(Span {
                    paragraph: t.para,
                    start: t.start,
                    end: t.end,
                });
            }
        }
    }
    if started {
        out.push(current);
    }
    out
}

/// Joins adjacent ops of the same tag on the same paragraph(s) with touching spans, and drops
/// empty ones.
fn merge_ops(ops: Vec<Op>) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops {
        if op.span.start == op.span.end && op.ref_span.is_none_or(|r| r.start == r.end) {
            continue;
        }
        if let Some(last) = out.last_mut()
            && last.tag == op.tag
            && last.whitespace_only == op.whitespace_only
            && last.span.paragraph == op.span.paragraph
            && last.span.end == op.span.start
        {
            match (last.ref_span.as_mut(), op.ref_span) {
                (None, None) => {}
                (Some(a), Some(b)) if a.paragraph == b.paragraph && a.end == b.start => {
                    a.end = b.end;
                }
                _ => {
                    out.push(op);
                    continue;
                }
            }
            last.span.end = op.span.end;
            last.text.push_str(&op.text);
            continue;
        }
        out.push(op);
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::Granularity;

    fn article(paragraphs: &[&str]) -> Article {
        Article::from_texts("t.txt", paragraphs.iter().copied())
    }

    fn run(a: &[&str], b: &[&str], options: &CompareOptions) -> (Vec<Op>, f64) {
        let ra = article(a);
        let rb = article(b);
        let pa: Vec<usize> = (0..a.len()).collect();
        let pb: Vec<usize> = (0..b.len()).collect();
        diff_cell(&ra, &pa, &rb, &pb, options)
    }

    fn tags(ops: &[Op]) -> Vec<(OpTag, &str)> {
        ops.iter().map(|o| (o.tag, o.text.as_str())).collect()
    }

    #[test]
    fn diff_text_marks_the_changed_word_of_a_headline() {
        let (ops, sim) = diff_text(
            "Harbour strike ends after nine days",
            "Harbour strike ends after ten days",
            &CompareOptions::default(),
        );
        let changed: Vec<(OpTag, &str)> = tags(&ops)
            .into_iter()
            .filter(|(t, _)| *t != OpTag::Equal)
            .collect();
        assert_eq!(
            changed,
            vec![(OpTag::Delete, "nine"), (OpTag::Insert, "ten")]
        );
        let ins = ops.iter().find(|o| o.tag == OpTag::Insert).unwrap();
        assert_eq!(
            (ins.span.paragraph, ins.span.start, ins.span.end),
            (0, 26, 29)
        );
        assert!(sim > 0.7 && sim < 1.0, "{sim}");
    }

    #[test]
    fn diff_text_against_no_headline_is_all_insert() {
        let (ops, sim) = diff_text("", "Bridge reopens", &CompareOptions::default());
        assert!(ops.iter().all(|o| o.tag == OpTag::Insert), "{ops:?}");
        let text: String = ops.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(text, "Bridge reopens");
        assert!(sim.abs() < f64::EPSILON);
    }

    #[test]
    fn changed_words_read_as_one_replacement() {
        let (ops, sim) = run(
            &["the big red dog ran"],
            &["the small blue dog ran"],
            &CompareOptions::default(),
        );
        assert_eq!(
            tags(&ops),
            [
                (OpTag::Equal, "the "),
                (OpTag::Delete, "big red"),
                (OpTag::Insert, "small blue"),
                (OpTag::Equal, " dog ran"),
            ]
        );
        // the + dog + ran on both sides: 2 × 9 of 9 + 6 + 9 + 9 word characters.
        assert!((sim - 18.0 / 33.0).abs() < 1e-9, "{sim}");
    }

    #[test]
    fn glued_words_are_a_whitespace_only_change() {
        let (ops, _) = run(
            &["talks on Ukrainein Geneva"],
            &["talks on Ukraine in Geneva"],
            &CompareOptions::default(),
        );
        let changed: Vec<&Op> = ops.iter().filter(|o| o.tag != OpTag::Equal).collect();
        assert!(!changed.is_empty());
        assert!(changed.iter().all(|o| o.whitespace_only), "{ops:?}");
        let (ops, _) = run(
            &["talks on Ukraine Geneva"],
            &["talks on Ukraine in Geneva"],
            &CompareOptions::default(),
        );
        assert!(ops.iter().all(|o| !o.whitespace_only), "{ops:?}");
    }

    #[test]
    fn ignore_whitespace_makes_glued_words_equal() {
        let options = CompareOptions {
            ignore_whitespace: true,
            ..CompareOptions::default()
        };
        let (ops, sim) = run(
            &["the FilipinosIts  story"],
            &["the Filipinos Its story"],
            &options,
        );
        assert!(ops.iter().all(|o| o.tag == OpTag::Equal), "{ops:?}");
        assert!(sim > 0.4);
    }

    /// Typography shown: `ignore_quotes` off.
    fn typography_shown() -> CompareOptions {
        CompareOptions {
            ignore_quotes: false,
            ..CompareOptions::default()
        }
    }

    #[test]
    fn curly_quotes_differ_unless_ignored() {
        let a = ["He said \u{201c}no\u{201d} and it\u{2019}s over"];
        let b = ["He said \"no\" and it's over"];
        let (ops, _) = run(&a, &b, &typography_shown());
        assert!(
            ops.iter()
                .any(|o| o.tag == OpTag::Delete && o.text.contains('\u{2019}'))
        );
        let options = CompareOptions {
            ignore_quotes: true,
            ..CompareOptions::default()
        };
        let (ops, sim) = run(&a, &b, &options);
        assert!(ops.iter().all(|o| o.tag == OpTag::Equal), "{ops:?}");
        assert!((sim - 1.0).abs() < 1e-9);
    }

    #[test]
    fn typographic_variants_are_equal_by_default_and_shown_when_asked() {
        let cases: [(&str, &str); 8] = [
            (
                "The vote \u{2014} a close one \u{2014} passed.",
                "The vote - a close one - passed.",
            ),
            ("The vote \u{2013} a close one", "The vote -- a close one"),
            (
                "Call 555\u{2012}0123 or pages 10\u{2013}12.",
                "Call 555-0123 or pages 10-12.",
            ),
            (
                "It cost 10\u{a0}000 euros at 9\u{202f}a.m.",
                "It cost 10 000 euros at 9 a.m.",
            ),
            (
                "A thin\u{2009}space and\u{3000}more",
                "A thin space and more",
            ),
            ("Wait\u{2026} and see", "Wait... and see"),
            (
                "He said \u{2018}no\u{2019} to \u{201e}them\u{201c}",
                "He said 'no' to \"them\"",
            ),
            ("\u{2014} Reuters", "- Reuters"),
        ];
        for granularity in [Granularity::Word, Granularity::Char] {
            let default = CompareOptions {
                granularity,
                ..CompareOptions::default()
            };
            let shown = CompareOptions {
                granularity,
                ..typography_shown()
            };
            for (a, b) in cases {
                let (ops, sim) = run(&[a], &[b], &default);
                assert!(
                    ops.iter().all(|o| o.tag == OpTag::Equal),
                    "{a:?} / {b:?}: {ops:?}"
                );
                assert!((sim - 1.0).abs() < 1e-9, "{a:?}");
                // The display text is this article's own.
                let shown_text: String = ops.iter().map(|o| o.text.as_str()).collect();
                assert_eq!(shown_text, b);
                let (ops, _) = run(&[a], &[b], &shown);
                assert!(
                    ops.iter().any(|o| o.tag != OpTag::Equal),
                    "{a:?} / {b:?}: {ops:?}"
                );
            }
        }
    }

    #[test]
    fn hyphens_in_words_and_other_dots_stay_edits() {
        for (a, b) in [
            ("a well-known name", "a well\u{2014}known name"),
            ("a well-known name", "a well known name"),
            ("COVID-19 cases", "COVID\u{2013}19 cases"),
            ("He left.", "He left..."),
            ("Wait\u{2026}.", "Wait."),
        ] {
            let (ops, _) = run(&[a], &[b], &CompareOptions::default());
            assert!(
                ops.iter().any(|o| o.tag != OpTag::Equal),
                "{a:?} / {b:?}: {ops:?}"
            );
        }
    }

    #[test]
    fn case_and_punctuation_options() {
        let (ops, _) = run(
            &["Kyiv, said the Mayor."],
            &["kyiv said the mayor"],
            &CompareOptions::default(),
        );
        assert!(ops.iter().any(|o| o.tag != OpTag::Equal));
        let options = CompareOptions {
            ignore_case: true,
            ignore_punctuation: true,
            ..CompareOptions::default()
        };
        let (ops, _) = run(
            &["Kyiv, said the Mayor."],
            &["kyiv said the mayor"],
            &options,
        );
        assert!(ops.iter().all(|o| o.tag == OpTag::Equal), "{ops:?}");
    }

    #[test]
    fn ops_stay_inside_paragraphs_of_a_split_cell() {
        let (ops, _) = run(
            &["First half here. Second half there."],
            &["First half here.", "Second half there."],
            &CompareOptions::default(),
        );
        let first: String = ops
            .iter()
            .filter(|o| o.tag != OpTag::Delete && o.span.paragraph == 0)
            .map(|o| o.text.as_str())
            .collect();
        let second: String = ops
            .iter()
            .filter(|o| o.tag != OpTag::Delete && o.span.paragraph == 1)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(first, "First half here.");
        assert_eq!(second, "Second half there.");
        assert!(ops.iter().all(|o| o.tag != OpTag::Insert));
    }

    #[test]
    fn reference_cell_is_all_equal() {
        let a = article(&["One.", "Two words."]);
        let (ops, sim) = diff_cell(&a, &[0, 1], &a, &[0, 1], &CompareOptions::default());
        assert_eq!(ops.len(), 2);
        assert!(
            ops.iter()
                .all(|o| o.tag == OpTag::Equal && o.ref_span == Some(o.span))
        );
        assert!((sim - 1.0).abs() < 1e-9);
    }

    #[test]
    fn past_its_budget_a_cell_is_diffed_sentence_by_sentence_and_says_so() {
        let reference = Article::from_texts(
            "r",
            ["The port reopened on Monday. Ships queued for hours. Fishing resumed at dawn."],
        );
        let other = Article::from_texts(
            "o",
            ["The port reopened on Monday. Boats queued for hours. Fishing resumed at dawn."],
        );
        let options = CompareOptions::default();
        let d = diff_cell_within(&reference, &[0], &other, &[0], &options, Duration::ZERO);
        let note = d.note.expect("the fallback says so");
        assert!(note.contains("sentence by sentence"), "{note}");
        // The changed sentence is short, so it is still word-diffed inside.
        assert_eq!(
            tags(&d.ops),
            vec![
                (OpTag::Equal, "The port reopened on Monday. "),
                (OpTag::Delete, "Ships"),
                (OpTag::Insert, "Boats"),
                (OpTag::Equal, " queued for hours. Fishing resumed at dawn."),
            ]
        );
        // With time to spare the word diff gives the same ops and no note.
        let full = diff_cell_within(&reference, &[0], &other, &[0], &options, CELL_DIFF_BUDGET);
        assert!(full.note.is_none());
        assert_eq!(full.ops, d.ops);
    }

    #[test]
    fn a_long_changed_run_of_sentences_is_one_replacement_in_the_fallback() {
        let long = |w: &str| {
            (0..COARSE_WORD_WINDOW / 4)
                .map(|i| format!("{w}{i} {w}."))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let reference = Article::from_texts("r", [format!("Same start. {}", long("alpha"))]);
        let other = Article::from_texts("o", [format!("Same start. {}", long("beta"))]);
        let d = diff_cell_within(
            &reference,
            &[0],
            &other,
            &[0],
            &CompareOptions::default(),
            Duration::ZERO,
        );
        assert!(d.note.is_some());
        let kinds: Vec<OpTag> = d.ops.iter().map(|o| o.tag).collect();
        assert_eq!(kinds, vec![OpTag::Equal, OpTag::Delete, OpTag::Insert]);
        assert_eq!(d.ops[0].text, "Same start. ");
    }

    #[test]
    fn character_granularity_finds_the_changed_letter() {
        let options = CompareOptions {
            granularity: Granularity::Char,
            ..CompareOptions::default()
        };
        let (ops, _) = run(&["colour"], &["color"], &options);
        assert_eq!(
            tags(&ops),
            [
                (OpTag::Equal, "colo"),
                (OpTag::Delete, "u"),
                (OpTag::Equal, "r")
            ]
        );
    }
}
