//! Aligning a translation with its source, without a translation model.
//!
//! When an article is in another language than the reference (and shares little vocabulary
//! with it, see [`is_translation`]), word similarity says nothing, so its paragraphs are
//! aligned as hunalign and Gale & Church align sentences:
//!
//! 1. both articles are cut into sentences (the one splitter of the detection context, plus
//!    the full stops of Chinese and Japanese, which need no space after them);
//! 2. a dynamic programme over the two sentence lists, with 1:1, 1:2, 2:1, 2:2, 1:3, 3:1,
//!    1:0 and 0:1 moves, scores each group by the Gale–Church length cost (lengths in
//!    non-space characters, the shorter article's scaled to the longer's total, so that
//!    Chinese characters and Latin letters are comparable), a prior per move, and
//!    [`anchors`] — figures, names in Latin script, web addresses, `?` and `!`, opening
//!    quotation marks — that a
//!    translation keeps: each anchor the two sides share lowers the cost, each figure or
//!    question mark only one side has raises it;
//! 3. paragraphs joined by an aligned sentence pair form one group: the groups of the two
//!    articles become the N:M [`Match`]es the rest of the aligner places in rows. A
//!    paragraph none of whose sentences found a counterpart is left unmatched (a passage
//!    possibly omitted or added in translation).
//!
//! The constants: Gale & Church's variance (6.8) and move priors (negative logs of their
//! move frequencies, 1:3 and 3:1 a little rarer than 2:2); the anchor weights were set by
//! hand; the omission cost (1:0, 0:1) was fitted on the wmt22 development documents
//! (German, Chinese, Russian and Japanese news with English translations): a grid over
//! omission cost 3.0 / 4.0 / 5.3 and 2:1 cost 2.3 / 3.1, scored by `cargo run --release
//! --no-default-features --example translation_align` (the share of source lines landing in
//! their translation's row, and rows made per finest possible row; measured before the
//! translation check of [`is_translation`] existed, so every pair was aligned). Every point
//! scored 0.96–0.99 on every pair; 3.0 / 3.1 kept rows closest to the finest (0.89–0.96) and is
//! the only one that also leaves an omitted two-sentence quotation unmatched instead of
//! merging it into a neighbour's row (the bundled German sample).

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::pairwise::Match;
use crate::detect::language;
use crate::model::{Article, FactMark, Span};
use crate::normalize;

/// One anchor in a paragraph: a span of characters and the key a translation keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// First character of the anchor in the paragraph's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// What must match on the other side: `#` and the digits of a figure, `N` and the
    /// folded letters of a name, `U` and an address, `?` / `!`, or `"` for an opening
    /// quotation mark.
    pub key: String,
}

impl Anchor {
    /// True for a figure.
    #[must_use]
    pub fn is_figure(&self) -> bool {
        self.key.starts_with('#')
    }

    /// True for a name in Latin script.
    #[must_use]
    pub fn is_name(&self) -> bool {
        self.key.starts_with('N')
    }

    /// True for a `?`, `!` or an opening quotation mark.
    #[must_use]
    pub fn is_mark(&self) -> bool {
        is_mark_key(&self.key)
    }
}

/// The anchors of one paragraph, in order: figures (digit runs, with `,` `.` `'` or spaces
/// between digit groups dropped, full-width digits read as digits, leading zeros dropped),
/// web and mail addresses, words in Latin script that start with a capital and do not start
/// a sentence (or are all capitals, anywhere), `?` `!` (also full-width), and opening
/// quotation marks of any language (“ after a space, „ « 「 『, " after a space): a
/// translation keeps a direct quotation as one.
#[must_use]
pub fn anchors(text: &str) -> Vec<Anchor> {
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut sentence_start = true;
    while let Some(&c) = cs.get(i) {
        if digit(c).is_some() {
            let (anchor, j) = figure_at(&cs, i);
            // Digits joined to a name by a hyphen ("COVID-19", "F-16") are part of it.
            let in_name = i >= 2
                && cs.get(i - 1) == Some(&'-')
                && cs.get(i - 2).is_some_and(|p| p.is_alphabetic());
            if !in_name {
                out.push(anchor);
            }
            sentence_start = false;
            i = j;
            continue;
        }
        let after_space = i == 0
            || cs
                .get(i - 1)
                .is_some_and(|p| p.is_whitespace() || *p == '(');
        if matches!(c, '„' | '«' | '「' | '『') || (matches!(c, '“' | '"') && after_space) {
            out.push(Anchor {
                start: i,
                end: i + 1,
                key: QUOTE.to_string(),
            });
            i += 1;
            continue;
        }
        if matches!(c, '?' | '!' | '？' | '！') {
            let key = if matches!(c, '?' | '？') { "?" } else { "!" };
            out.push(Anchor {
                start: i,
                end: i + 1,
                key: key.to_string(),
            });
            sentence_start = true;
            i += 1;
            continue;
        }
        if matches!(c, '.' | '。' | '…' | '\n' | ':' | '：') {
            sentence_start = true;
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        // A web or mail address: the whole run up to the next space.
        let mut run_end = i;
        while cs.get(run_end).is_some_and(|n| !n.is_whitespace()) {
            run_end += 1;
        }
        let run: String = cs.get(i..run_end).unwrap_or(&[]).iter().collect();
        let trimmed = run.trim_end_matches(|n: char| !n.is_alphanumeric());
        let lower = trimmed.to_lowercase();
        if lower.contains("://") || lower.starts_with("www.") || is_mail(&lower) {
            let end = i + trimmed.chars().count();
            out.push(Anchor {
                start: i,
                end,
                key: format!("U{}", lower.trim_end_matches('/')),
            });
            sentence_start = false;
            i = end.max(i + 1);
            continue;
        }
        // A word: letters, and hyphens between letters.
        let start = i;
        let mut j = i;
        while cs.get(j).is_some_and(|n| n.is_alphabetic())
            || (cs.get(j) == Some(&'-') && cs.get(j + 1).is_some_and(|n| n.is_alphabetic()))
        {
            j += 1;
        }
        if j == start {
            // A digit-like character that is no digit (superscripts, Roman numerals).
            i += 1;
            continue;
        }
        let word: String = cs.get(start..j).unwrap_or(&[]).iter().collect();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let latin = word.chars().all(|c| c == '-' || is_latin_letter(c));
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let all_caps = letters >= 2 && word.chars().all(|c| c == '-' || c.is_uppercase());
        if latin && letters >= 2 && capital && (!sentence_start || all_caps) {
            out.push(Anchor {
                start,
                end: j,
                key: format!("N{}", fold_name(&word)),
            });
        }
        sentence_start = false;
        i = j.max(i + 1);
    }
    out
}

/// The figure starting at `i` (a digit) and the index after it.
fn figure_at(cs: &[char], i: usize) -> (Anchor, usize) {
    let mut digits = String::new();
    let mut j = i;
    loop {
        match cs.get(j).copied() {
            Some(n) if digit(n).is_some() => {
                digits.push(digit(n).unwrap_or('0'));
                j += 1;
            }
            Some(',' | '.' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '，')
                if j > i && cs.get(j + 1).copied().and_then(digit).is_some() =>
            {
                j += 1;
            }
            _ => break,
        }
    }
    let trimmed = digits.trim_start_matches('0');
    let key = if trimmed.is_empty() { "0" } else { trimmed };
    (
        Anchor {
            start: i,
            end: j.max(i + 1),
            key: format!("#{key}"),
        },
        j.max(i + 1),
    )
}

/// The key of an opening quotation mark (any language's: “ „ « 「 『 ").
const QUOTE: &str = "\"";

fn is_mark_key(key: &str) -> bool {
    key == "?" || key == "!" || key == QUOTE
}

fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{FF10}'..='\u{FF19}' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')),
        _ => None,
    }
}

fn is_mail(lower: &str) -> bool {
    lower
        .split_once('@')
        .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
}

fn is_latin_letter(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        && c != '×'
        && c != '÷'
}

/// A name's letters lower-cased without accents, so that "Müller" and "Muller" match.
fn fold_name(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    word.nfd()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Vocabulary shared above this share (of the smaller article's word types) means the two
/// articles are copies with some text in another language, not a translation.
const SHARED_VOCABULARY: f64 = 0.3;

/// True when `b` is in another language than `a` (whatlang, per article, see
/// [`language::of_article`]), the two share little vocabulary, and their sentences align
/// as a translation's do (lengths and anchors agree: [`fit`] at most [`FIT_THRESHOLD`]): the
/// pair is aligned as a translation and shown without a word diff. Two reports of different
/// stories in two languages are not.
#[must_use]
pub fn is_translation(a: &Article, b: &Article) -> bool {
    if language::of_article(a).code() == language::of_article(b).code() {
        return false;
    }
    let (va, vb) = (vocabulary(a), vocabulary(b));
    let smaller = va.len().min(vb.len());
    if smaller == 0 {
        return true;
    }
    let shared = va.iter().filter(|w| vb.contains(*w)).count();
    #[expect(clippy::cast_precision_loss, reason = "word counts are far below 2^52")]
    let share = shared as f64 / smaller as f64;
    share < SHARED_VOCABULARY && looks_translated(a, b)
}

/// At most this [`fit`], two articles in different languages are one text in two
/// languages. Fitted on the wmt22 development documents with `cargo run --release
/// --no-default-features --example translation_align`, which prints both what is taken for
/// a translation (each source beside its own reference translation and beside every other
/// document's of its pair) and the alignment measure (paragraphs regrouped, one dropped),
/// over thresholds 0.3 / 0.6 / 0.8 / 1.0: at 0.3 no other document's translation was taken
/// but a harshly cut pair often failed (lines landing 0.82 for Chinese); at 1.0 every pair
/// landed ≥ 0.95 but 24 of 840 mismatched pairs were taken; 0.8 takes every own
/// translation, 9 of 840 mismatched pairs (all short documents of one site and length),
/// and lands ≥ 0.92 for every language pair.
pub const FIT_THRESHOLD: f64 = 0.8;

/// Evidence that `b` translates `a` (or the reverse) rather than reporting something else
/// in another language: their sentences align cheaply (see [`fit`]).
fn looks_translated(a: &Article, b: &Article) -> bool {
    fit(a, b) <= FIT_THRESHOLD
}

/// Lower-cased word types of three letters or more, or in a script other than Latin (a
/// Chinese word may be one character; figures left out), from the first
/// [`language::SAMPLE_CHARS`] characters.
fn vocabulary(a: &Article) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let mut seen = 0usize;
    for p in &a.paragraphs {
        if seen > language::SAMPLE_CHARS {
            break;
        }
        seen += p.text.len();
        for w in normalize::words(&p.text) {
            let long = w.text.chars().count() >= 3
                || w.text
                    .chars()
                    .any(|c| c.is_alphabetic() && !is_latin_letter(c));
            if long && !w.text.chars().any(|c| c.is_ascii_digit()) {
                out.insert(w.text.to_lowercase());
            }
        }
    }
    out
}

/// Per article: true when it is a translation of the reference (or the reference of it), see
/// [`is_translation`]. The reference itself is false.
#[must_use]
pub fn translations(articles: &[Article], reference: usize) -> Vec<bool> {
    let Some(r) = articles.get(reference) else {
        return vec![false; articles.len()];
    };
    articles
        .iter()
        .enumerate()
        .map(|(k, a)| k != reference && is_translation(r, a))
        .collect()
}

/// One sentence of an article for the aligner.
#[derive(Debug, Clone)]
struct Unit {
    /// Its paragraph.
    para: usize,
    /// Non-space characters.
    len: f64,
    /// Anchor keys, sorted.
    keys: Vec<String>,
}

/// The sentences of every paragraph of an article.
fn units(article: &Article) -> Vec<Unit> {
    let ordinals = !language::of_article(article).is_english();
    let mut out = Vec::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        let cs: Vec<char> = paragraph.text.chars().collect();
        let mut keys_at: Vec<(usize, String)> = anchors(&paragraph.text)
            .into_iter()
            .map(|a| (a.start, a.key))
            .collect();
        keys_at.sort();
        for range in split_sentences(&cs, ordinals) {
            let slice = cs.get(range.clone()).unwrap_or(&[]);
            #[expect(clippy::cast_precision_loss, reason = "sentence lengths are small")]
            let len = slice.iter().filter(|c| !c.is_whitespace()).count() as f64;
            if len <= 0.0 {
                continue;
            }
            let mut keys: Vec<String> = keys_at
                .iter()
                .filter(|(s, _)| range.contains(s))
                .map(|(_, k)| k.clone())
                .collect();
            keys.sort();
            out.push(Unit { para: p, len, keys });
        }
    }
    out
}

/// Sentence spans: the detection context's splitter, then a cut after each Chinese or
/// Japanese full stop, question or exclamation mark (and any closing quotes after it).
/// With `ordinals` (text not in English), a cut after a one- or two-digit number and a full
/// stop is undone: "am 25. September" is a German date, not a sentence end.
fn split_sentences(cs: &[char], ordinals: bool) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    for range in crate::detect::context::sentences(cs) {
        let ordinal = |end: usize| {
            let mut k = end.saturating_sub(1);
            if cs.get(k) != Some(&'.') {
                return false;
            }
            let mut digits = 0;
            while k > 0 && cs.get(k - 1).is_some_and(char::is_ascii_digit) {
                k -= 1;
                digits += 1;
            }
            (1..=2).contains(&digits)
                && (k == 0 || cs.get(k - 1).is_some_and(|c| c.is_whitespace()))
        };
        match spans.last_mut() {
            Some(last) if ordinals && ordinal(last.end) => last.end = range.end,
            _ => spans.push(range),
        }
    }
    let mut out = Vec::new();
    for range in spans {
        let mut start = range.start;
        let mut i = range.start;
        while i < range.end {
            if cs.get(i).is_some_and(|&c| matches!(c, '。' | '？' | '！')) {
                let mut end = i + 1;
                while end < range.end
                    && cs
                        .get(end)
                        .is_some_and(|&c| matches!(c, '”' | '」' | '』' | '）' | ')' | '"' | '’'))
                {
                    end += 1;
                }
                if end < range.end {
                    out.push(start..end);
                    start = end;
                }
                i = end;
            } else {
                i += 1;
            }
        }
        if start < range.end {
            out.push(start..range.end);
        }
    }
    out
}

/// Gale–Church variance of the length difference per character.
const VARIANCE: f64 = 6.8;
/// Cost (negative log prior) of each move: (reference sentences, other sentences, cost).
const MOVES: [(usize, usize, f64); 8] = [
    (1, 1, 0.12),
    (1, 0, 3.0),
    (0, 1, 3.0),
    (2, 1, 3.1),
    (1, 2, 3.1),
    (2, 2, 4.5),
    (3, 1, 5.3),
    (1, 3, 5.3),
];
/// Cost lowered per shared figure.
const FIGURE_BONUS: f64 = 3.0;
/// Cost lowered per shared name or address.
const NAME_BONUS: f64 = 2.5;
/// Cost lowered per shared `?`, `!` or quotation.
const MARK_BONUS: f64 = 1.0;
/// Cost raised per figure only one side of a pair has.
const FIGURE_PENALTY: f64 = 1.0;
/// Cost raised per `?`, `!` or quotation only one side has.
const MARK_PENALTY: f64 = 0.5;
/// Half-width of the band around the diagonal, at least (sentences).
const MIN_BAND: usize = 60;

/// Cost of the length difference of two groups (Gale–Church, in the longer article's units).
fn length_cost(l1: f64, l2: f64) -> f64 {
    if l1 + l2 <= 0.0 {
        return 0.0;
    }
    let mean = f64::midpoint(l1, l2);
    let delta = (l2 - l1).abs() / (VARIANCE * mean).sqrt();
    // Two-sided tail probability of a standard normal.
    let p = erfc(delta / std::f64::consts::SQRT_2).max(1e-12);
    -p.ln()
}

/// The complementary error function (Numerical Recipes' Chebyshev fit, error below 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// The anchor score of two groups of sentences: bonuses for shared anchors minus penalties
/// for figures and marks only one side has (lower is better, added to the cost).
fn anchor_cost(a: &[&Unit], b: &[&Unit]) -> f64 {
    let mut ka: Vec<&str> = a
        .iter()
        .flat_map(|u| u.keys.iter().map(String::as_str))
        .collect();
    let mut kb: Vec<&str> = b
        .iter()
        .flat_map(|u| u.keys.iter().map(String::as_str))
        .collect();
    ka.sort_unstable();
    kb.sort_unstable();
    let (mut i, mut j) = (0, 0);
    let mut cost = 0.0;
    let unmatched = |k: &str| {
        if k.starts_with('#') {
            FIGURE_PENALTY
        } else if is_mark_key(k) {
            MARK_PENALTY
        } else {
            0.0
        }
    };
    while i < ka.len() || j < kb.len() {
        match (ka.get(i), kb.get(j)) {
            (Some(x), Some(y)) if x == y => {
                cost -= if x.starts_with('#') {
                    FIGURE_BONUS
                } else if is_mark_key(x) {
                    MARK_BONUS
                } else {
                    NAME_BONUS
                };
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                cost += unmatched(x);
                i += 1;
            }
            (Some(x), None) => {
                cost += unmatched(x);
                i += 1;
            }
            (Some(_) | None, Some(y)) => {
                cost += unmatched(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    cost
}

/// One step of the sentence alignment: reference sentences `r` with other sentences `o`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    r: Range<usize>,
    o: Range<usize>,
}

/// The best monotone sentence alignment (see the module docs).
fn align_sentences(a: &[Unit], b: &[Unit]) -> (Vec<Step>, f64) {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return (Vec::new(), f64::INFINITY);
    }
    let total_a: f64 = a.iter().map(|u| u.len).sum();
    let total_b: f64 = b.iter().map(|u| u.len).sum();
    // Scale the shorter article's lengths to the longer's total.
    let (scale_a, scale_b) = if total_a >= total_b {
        (1.0, total_a / total_b.max(1.0))
    } else {
        (total_b / total_a.max(1.0), 1.0)
    };
    let half = MIN_BAND.max(n.max(m) / 8);
    let band = |i: usize| -> (usize, usize) {
        let centre = i * m / n;
        (centre.saturating_sub(half), (centre + half).min(m))
    };
    // cost[i] holds columns band(i).0 ..= band(i).1.
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    let get = |cost: &Vec<Vec<f64>>, i: usize, j: usize| -> f64 {
        let (lo, hi) = band(i);
        if j < lo || j > hi {
            return f64::INFINITY;
        }
        cost.get(i)
            .and_then(|row| row.get(j - lo))
            .copied()
            .unwrap_or(f64::INFINITY)
    };
    for i in 0..=n {
        let (lo, hi) = band(i);
        let mut row = vec![f64::INFINITY; hi - lo + 1];
        let mut brow = vec![u8::MAX; hi - lo + 1];
        for j in lo..=hi {
            if i == 0 && j == 0 {
                if let Some(x) = row.first_mut() {
                    *x = 0.0;
                }
                continue;
            }
            let mut best = f64::INFINITY;
            let mut best_move = u8::MAX;
            for (k, &(di, dj, prior)) in MOVES.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let before = if di == 0 {
                    // Same row: read what this loop already filled in.
                    row.get(j - dj - lo).copied().unwrap_or(f64::INFINITY)
                } else {
                    get(&cost, i - di, j - dj)
                };
                if !before.is_finite() {
                    continue;
                }
                let ga: Vec<&Unit> = a.get(i - di..i).unwrap_or(&[]).iter().collect();
                let gb: Vec<&Unit> = b.get(j - dj..j).unwrap_or(&[]).iter().collect();
                let step = if di == 0 || dj == 0 {
                    prior + anchor_cost(&ga, &gb).max(0.0)
                } else {
                    let la: f64 = ga.iter().map(|u| u.len).sum::<f64>() * scale_a;
                    let lb: f64 = gb.iter().map(|u| u.len).sum::<f64>() * scale_b;
                    prior + length_cost(la, lb) + anchor_cost(&ga, &gb)
                };
                let total = before + step;
                if total < best {
                    best = total;
                    best_move = u8::try_from(k).unwrap_or(u8::MAX);
                }
            }
            if let (Some(x), Some(y)) = (row.get_mut(j - lo), brow.get_mut(j - lo)) {
                *x = best;
                *y = best_move;
            }
        }
        cost.push(row);
        back.push(brow);
    }
    let total = get(&cost, n, m);
    let mut steps = walk_back(&back, |i| band(i).0, n, m);
    steps.reverse();
    #[expect(
        clippy::cast_precision_loss,
        reason = "sentence counts are far below 2^52"
    )]
    let per_sentence = total / (n + m) as f64;
    (steps, per_sentence)
}

/// The steps of the best path, last first, read from the back pointers (`back[i]` starts at
/// column `lo(i)`).
fn walk_back(back: &[Vec<u8>], lo: impl Fn(usize) -> usize, n: usize, m: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(&k) = back.get(i).and_then(|r| r.get(j.wrapping_sub(lo(i)))) else {
            break;
        };
        let Some(&(di, dj, _)) = MOVES.get(usize::from(k)) else {
            break;
        };
        steps.push(Step {
            r: i - di..i,
            o: j - dj..j,
        });
        i -= di;
        j -= dj;
    }
    steps
}

/// How well two articles' sentences align as a translation's do, per sentence (lower:
/// more like one): the best alignment's cost, plus how much cheaper that is than aligning
/// with one article's sentences reversed. Reversing keeps every length and anchor and
/// destroys only the order a translation shares with its source, so the second term is
/// well below zero for a translation — also one with passages left out, whose own cost the
/// omissions raise — and near zero for two unrelated texts whose lengths happen to agree.
#[must_use]
pub fn fit(a: &Article, b: &Article) -> f64 {
    let (ua, ub) = (units(a), units(b));
    let mut reversed = ub.clone();
    reversed.reverse();
    let cost = align_sentences(&ua, &ub).1;
    cost + (cost - align_sentences(&ua, &reversed).1)
}

/// Aligns article `o` (a translation) with the reference article `r`: the N:M paragraph
/// groups joined by aligned sentences (see the module docs), in order.
pub(crate) fn align_pair(articles: &[Article], r: usize, o: usize) -> Vec<Match> {
    let (Some(ra), Some(oa)) = (articles.get(r), articles.get(o)) else {
        return Vec::new();
    };
    let a = units(ra);
    let b = units(oa);
    let (steps, _) = align_sentences(&a, &b);
    // Paragraph groups: consecutive steps whose paragraphs overlap join one group.
    let mut groups: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for s in steps {
        if s.r.is_empty() || s.o.is_empty() {
            continue;
        }
        let paras = |units: &[Unit], range: &Range<usize>| -> Option<Range<usize>> {
            let first = units.get(range.start)?.para;
            let last = units.get(range.end - 1)?.para;
            Some(first..last + 1)
        };
        let (Some(pr), Some(po)) = (paras(&a, &s.r), paras(&b, &s.o)) else {
            continue;
        };
        match groups.last_mut() {
            Some((gr, go)) if pr.start < gr.end || po.start < go.end => {
                gr.end = gr.end.max(pr.end);
                go.end = go.end.max(po.end);
            }
            _ => groups.push((pr, po)),
        }
    }
    groups
        .into_iter()
        .map(|(r, o)| Match { r, o, moved: false })
        .collect()
}

/// The anchors of a translation cell and of its source cell compared: each side's anchors
/// as marks (shared when the other side has the same key; of the unshared, figures — a
/// figure missing or changed in translation — and names the other side spells a couple of
/// letters differently beside a name both share; other unshared names, such as the other language's capitalised
/// nouns, have no counterpart to check), and the share of anchors kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnchorCheck {
    /// Marks in the translation's cell.
    pub marks: Vec<FactMark>,
    /// Marks in the source's (the reference's) cell.
    pub source_marks: Vec<FactMark>,
    /// Share of the two sides' anchors that found their counterpart (1.0 when neither has
    /// any).
    pub kept: f64,
}

/// True when two name keys (`N` and folded letters) are one name spelled two ways: five
/// letters or more, the same first letter or the same last three, and at most two edits
/// apart ("Selenskyj" / "Zelensky", "Tschaikowsky" / "Tchaikovsky" are too far; "Kiew" /
/// "Kiev" too short) — a transliteration or a typo the translation introduced.
fn spelled_differently(x: &str, y: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (x.chars().skip(1).collect(), y.chars().skip(1).collect());
    if a.len().min(b.len()) < 5 || a == b {
        return false;
    }
    let same_start = a.first() == b.first();
    let same_end = a.len() >= 3 && b.len() >= 3 && a.get(a.len() - 3..) == b.get(b.len() - 3..);
    (same_start || same_end) && edit_distance(&a, &b) <= 2
}

/// Levenshtein distance of two short words.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let value = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(left + 1);
            diagonal = above;
            if let Some(x) = row.get_mut(j + 1) {
                *x = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// Compares the anchors of `paras` of `translation` with those of `source_paras` of
/// `source` (see [`AnchorCheck`]).
#[must_use]
pub fn check_anchors(
    source: &Article,
    source_paras: &[usize],
    translation: &Article,
    paras: &[usize],
) -> AnchorCheck {
    let collect = |a: &Article, ps: &[usize]| -> Vec<(usize, Anchor)> {
        ps.iter()
            .filter_map(|&p| Some((p, a.paragraphs.get(p)?)))
            .flat_map(|(p, para)| anchors(&para.text).into_iter().map(move |x| (p, x)))
            .collect()
    };
    let src = collect(source, source_paras);
    let tr = collect(translation, paras);
    let count = |v: &[(usize, Anchor)]| -> FxHashMap<String, usize> {
        let mut m = FxHashMap::default();
        for (_, a) in v {
            *m.entry(a.key.clone()).or_insert(0) += 1;
        }
        m
    };
    let (cs, ct) = (count(&src), count(&tr));
    // Names one side spells differently: unshared names a couple of letters apart, each
    // right beside a name both sides share ("Katarina Olsberg" / "Katharina Olsberg") —
    // alone, a capitalised word a letter or two from one on the other side is as often a
    // cognate ("Oktober" / "October").
    let unshared_names = |v: &[(usize, Anchor)], other: &FxHashMap<String, usize>| {
        let beside_shared = |k: usize| {
            let Some((p, a)) = v.get(k) else { return false };
            let next = v.get(k + 1).filter(|(q, b)| {
                q == p && b.is_name() && b.start <= a.end + 1 && other.contains_key(&b.key)
            });
            let prev = k.checked_sub(1).and_then(|i| v.get(i)).filter(|(q, b)| {
                q == p && b.is_name() && a.start <= b.end + 1 && other.contains_key(&b.key)
            });
            next.is_some() || prev.is_some()
        };
        v.iter()
            .enumerate()
            .filter(|&(k, (_, a))| a.is_name() && !other.contains_key(&a.key) && beside_shared(k))
            .map(|(_, (_, a))| a.key.clone())
            .collect::<FxHashSet<String>>()
    };
    let (ns, nt) = (unshared_names(&src, &ct), unshared_names(&tr, &cs));
    let differing: FxHashSet<String> = ns
        .iter()
        .flat_map(|x| nt.iter().map(move |y| (x, y)))
        .filter(|(x, y)| spelled_differently(x, y))
        .flat_map(|(x, y)| [x.clone(), y.clone()])
        .collect();
    let marks = |v: &[(usize, Anchor)], other: &FxHashMap<String, usize>| -> Vec<FactMark> {
        v.iter()
            .filter(|(_, a)| !a.is_mark())
            .filter_map(|(p, a)| {
                let shared = other.contains_key(&a.key);
                (shared || a.is_figure() || differing.contains(&a.key)).then_some(FactMark {
                    span: Span {
                        paragraph: *p,
                        start: a.start,
                        end: a.end,
                    },
                    shared,
                })
            })
            .collect()
    };
    let matched: usize = cs
        .iter()
        .map(|(k, n)| (*n).min(ct.get(k).copied().unwrap_or(0)))
        .sum();
    let total = src.len() + tr.len();
    #[expect(clippy::cast_precision_loss, reason = "anchor counts are small")]
    let kept = if total == 0 {
        1.0
    } else {
        (2 * matched) as f64 / total as f64
    };
    AnchorCheck {
        marks: marks(&tr, &cs),
        source_marks: marks(&src, &ct),
        kept,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleRef, Format, Paragraph};

    fn article(paras: &[&str]) -> Article {
        Article {
            path: "t.txt".into(),
            title: String::new(),
            outlet: None,
            author: None,
            date: None,
            format: Format::Txt,
            encoding: "UTF-8".into(),
            paragraphs: paras
                .iter()
                .map(|t| Paragraph {
                    text: (*t).to_string(),
                })
                .collect(),
            source: ArticleRef::default(),
        }
    }

    fn keys(text: &str) -> Vec<String> {
        anchors(text).into_iter().map(|a| a.key).collect()
    }

    #[test]
    fn anchors_are_figures_names_addresses_and_marks() {
        assert_eq!(
            keys("Der Hafen von Lannock hat 12.500 Tonnen umgeschlagen, sagte Anna Brink."),
            ["Nhafen", "Nlannock", "#12500", "Ntonnen", "Nanna", "Nbrink"]
        );
        // Sentence-initial capitals are no names; all capitals are, anywhere.
        assert_eq!(keys("The NATO summit? Yes!"), ["Nnato", "?", "!"]);
        assert_eq!(keys("„Ja“, sagte er. “No,” he said."), ["\"", "\""]);
        assert_eq!(keys("港口工人周三投票，共１２００人参加？"), ["#1200", "?"]);
        assert_eq!(
            keys("See https://example.org/a. and write to desk@example.org"),
            ["Uhttps://example.org/a", "Udesk@example.org"]
        );
        // Accents fold: the German and the English spelling of one name match.
        assert_eq!(keys("mit Jürgen Müller"), keys("with Jurgen Muller"));
        assert_eq!(keys("007 and 7"), ["#7", "#7"]);
        assert_eq!(keys("cases of COVID-19 rose by 12"), ["Ncovid", "#12"]);
    }

    #[test]
    fn chinese_full_stops_end_sentences() {
        let cs: Vec<char> = "工人投票结束罢工。谈判持续了两周。".chars().collect();
        assert_eq!(split_sentences(&cs, true).len(), 2);
        let de: Vec<char> = "Der Streik begann am 25. September. Der Vertrag lief im Juni aus."
            .chars()
            .collect();
        assert_eq!(split_sentences(&de, true).len(), 2);
        assert_eq!(split_sentences(&de, false).len(), 3);
    }

    #[test]
    fn a_translation_is_another_language_with_little_shared_vocabulary() {
        let de = article(&[
            "Die Hafenarbeiter haben am Mittwoch für ein Ende des Streiks gestimmt, teilte die Gewerkschaft mit.",
            "Die Verhandlungen mit der Hafenbehörde dauerten zwei Wochen und waren schwierig.",
        ]);
        let en = article(&[
            "The dock workers voted on Wednesday to end the strike, the union said.",
            "The talks with the port authority lasted two weeks and were difficult.",
        ]);
        assert!(is_translation(&en, &de));
        assert!(!is_translation(&en, &en.clone()));
        assert_eq!(translations(&[en.clone(), de, en], 0), [false, true, false]);
    }

    #[test]
    fn paragraphs_grouped_differently_are_joined_where_their_sentences_meet() {
        // Source: three paragraphs; translation: the same six sentences in two paragraphs.
        let de = article(&[
            "Der Stadtrat von Lannock hat am Dienstag den Haushalt für 2027 beschlossen. Er umfasst 48 Millionen Euro.",
            "Bürgermeisterin Anna Brink sprach von einem schwierigen Jahr. Die Opposition stimmte dagegen.",
            "Wann beginnt der Bau der neuen Brücke? Nicht vor dem Herbst, sagte Brink.",
        ]);
        let en = article(&[
            "Lannock city council passed the budget for 2027 on Tuesday. It amounts to 48 million euros. Mayor Anna Brink spoke of a difficult year.",
            "The opposition voted against it. When will work on the new bridge begin? Not before autumn, Brink said.",
        ]);
        let m = align_pair(&[de, en], 0, 1);
        assert_eq!(
            m,
            [Match {
                r: 0..3,
                o: 0..2,
                moved: false
            }]
        );
    }

    #[test]
    fn an_untranslated_paragraph_is_left_without_a_counterpart() {
        let de = article(&[
            "Der Stadtrat von Lannock hat am Dienstag den Haushalt für 2027 beschlossen.",
            "Bürgermeisterin Anna Brink sprach von einem schwierigen Jahr, in dem 312 Stellen gestrichen wurden.",
            "Die Opposition um Karl Wendt stimmte mit 14 zu 9 Stimmen dagegen.",
            "Wann beginnt der Bau der neuen Brücke? Nicht vor dem Herbst 2028, sagte Brink.",
        ]);
        let en = article(&[
            "Lannock city council passed the budget for 2027 on Tuesday.",
            "The opposition around Karl Wendt voted against it by 14 votes to 9.",
            "When will work on the new bridge begin? Not before autumn 2028, Brink said.",
        ]);
        let m = align_pair(&[de, en], 0, 1);
        let pairs: Vec<(Range<usize>, Range<usize>)> = m.into_iter().map(|x| (x.r, x.o)).collect();
        assert_eq!(pairs, [(0..1, 0..1), (2..3, 1..2), (3..4, 2..3)]);
    }

    #[test]
    fn a_name_spelled_differently_in_translation_is_marked_on_both_sides() {
        let src = article(&["Bürgermeisterin Anna Brinkmann sprach mit Karl Wendt in Lannock."]);
        let tr = article(&["Mayor Anna Brinkman spoke with Karl Wendt in Lannock."]);
        let check = check_anchors(&src, &[0], &tr, &[0]);
        let text = "Mayor Anna Brinkman spoke with Karl Wendt in Lannock.";
        let unshared: Vec<&str> = check
            .marks
            .iter()
            .filter(|m| !m.shared)
            .map(|m| crate::normalize::char_slice(text, m.span.start, m.span.end))
            .collect();
        assert_eq!(unshared, ["Brinkman"]);
        assert!(check.source_marks.iter().any(|m| !m.shared));
        // German nouns with no English counterpart are not marked.
        assert_eq!(check.source_marks.iter().filter(|m| !m.shared).count(), 1);
        assert!(spelled_differently("Nselenskyj", "Nselensky"));
        assert!(!spelled_differently("Nkiew", "Nkiev"), "too short to tell");
        assert!(
            !spelled_differently("Nbrinkmann", "Nhartmann"),
            "another name"
        );
        assert_eq!(edit_distance(&['a', 'b', 'c'], &['a', 'c']), 1);
    }

    #[test]
    fn length_cost_grows_with_the_difference() {
        assert!(length_cost(100.0, 100.0) < 0.01);
        assert!(length_cost(100.0, 120.0) < length_cost(100.0, 200.0));
        assert!(erfc(0.0) > 0.999 && erfc(0.0) < 1.001);
        assert!((erfc(1.0) - 0.157_299).abs() < 1e-5);
    }
}
