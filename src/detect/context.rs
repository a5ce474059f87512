//! The detection context: everything detectors read about a comparison, computed once per
//! comparison by [`Context::new`] (called from [`super::detect_all`]).
//!
//! Per article it holds the language ([`super::language`]) and every word with its
//! paragraph, character offsets, as-written and lower-case (quote-folded) forms, from one
//! tokeniser ([`crate::normalize::words`], the word definition `diff` tokenises with); per
//! paragraph its characters, sentence spans (one splitter, [`sentences`]) and quotation
//! marks and quoted ranges (one scanner, [`scan_quotes`]). Across the comparison: the
//! [`Vocabulary`], the (article, paragraph) → row index, and every aligned cell pair
//! (reference cell, other cell) with the differing hunks read from that cell's
//! [`Cell::ops`](crate::model::Cell) ([`hunks_from_ops`]) — no detector diffs text again.
//!
//! Building is linear in the comparison's text; lookups are slices or hash/binary
//! searches, so detectors never rescan an article per paragraph.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use smol_str::SmolStr;

use super::language::Language;
use super::lexicon;
use crate::model::{Comparison, Finding, FindingKind, Location, Op, OpTag, Relation};
use crate::normalize;

/// One word of a paragraph with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// The word as written (a word of up to 23 bytes, nearly every one, is kept inline:
    /// a long article has millions of words and two heap strings each were most of the
    /// context's memory).
    pub text: SmolStr,
    /// Lower-cased word with curly apostrophes folded.
    pub lower: SmolStr,
    /// Paragraph index.
    pub para: usize,
    /// Start offset (chars) in the paragraph.
    pub start: usize,
    /// End offset (chars) in the paragraph.
    pub end: usize,
    /// First word of a sentence span ([`sentences`]).
    pub sentence_start: bool,
    /// A capital is expected here: the paragraph start, a new line, or right after a
    /// sentence end, colon, semicolon, quotation mark, bracket, dash or list bullet.
    pub clause_start: bool,
}

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Opens a quotation.
    Open,
    /// Closes one.
    Close,
}

/// One double quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuoteMark {
    /// Char offset in the paragraph.
    pub at: usize,
    /// The way it faces.
    pub dir: Dir,
}

/// The quotation marks of one paragraph, paired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Quotes {
    /// Every double quotation mark, in order.
    pub marks: Vec<QuoteMark>,
    /// Quoted ranges (char offsets, marks included), in order, not overlapping.
    pub ranges: Vec<Range<usize>>,
    /// Marks that find no partner.
    pub unpaired: Vec<QuoteMark>,
}

/// What the context knows about one paragraph.
#[derive(Debug, Clone, Default)]
pub(crate) struct Para {
    /// Its characters.
    pub chars: Vec<char>,
    /// Index range of its words in [`ArticleText::words`].
    pub words: Range<usize>,
    /// Sentence spans (char offsets), in order.
    pub sentences: Vec<Range<usize>>,
    /// Its quotation marks and quoted ranges.
    pub quotes: Quotes,
}

/// What the context knows about one article.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleText {
    /// The detected language.
    pub language: Language,
    /// Every word of the article, in paragraph and text order.
    pub words: Vec<Tok>,
    /// Per paragraph.
    pub paragraphs: Vec<Para>,
}

/// A differing region of two word sequences: `old` in the reference cell's words, `new`
/// in the other cell's words (both as [`Context::cell_words`] lists them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hunk {
    /// Range in the reference cell's words.
    pub old: Range<usize>,
    /// Range in the other cell's words.
    pub new: Range<usize>,
}

/// One aligned pair of cells: the reference article's paragraphs and another article's.
#[derive(Debug, Clone)]
pub(crate) struct CellPair {
    /// The row.
    pub row: usize,
    /// The non-reference article.
    pub article: usize,
    /// Reference paragraphs of the row.
    pub ref_paras: Vec<usize>,
    /// The other article's paragraphs of the row.
    pub paras: Vec<usize>,
    /// Differing word regions, read from the cell's ops.
    pub hunks: Vec<Hunk>,
}

/// The shared, once-built view of a comparison that every detector reads.
#[derive(Debug)]
pub struct Context<'a> {
    /// The comparison being examined.
    pub comparison: &'a Comparison,
    pub(crate) articles: Arc<Vec<ArticleText>>,
    pub(crate) vocab: Arc<Vocabulary>,
    rows: Arc<HashMap<(usize, usize), usize>>,
    pub(crate) pairs: Vec<CellPair>,
    /// (row, article) → index in `pairs`.
    pair_index: HashMap<(usize, usize), usize>,
    /// Per article: [`Comparison::is_unrelated`], read once.
    unrelated: Arc<Vec<bool>>,
}

/// The part of a [`Context`] that depends only on the articles and their alignment (the
/// tokens, sentences and quotes of every paragraph, the vocabulary, the paragraph → row
/// index, which articles are about another story) — not on the diff options. A window that
/// re-diffs the same alignment with other options builds its next context from this one
/// ([`Context::with_text`]) instead of tokenising every paragraph again. Cheap to clone.
#[derive(Debug, Clone)]
pub struct TextView {
    articles: Arc<Vec<ArticleText>>,
    vocab: Arc<Vocabulary>,
    rows: Arc<HashMap<(usize, usize), usize>>,
    unrelated: Arc<Vec<bool>>,
}

impl<'a> Context<'a> {
    /// Builds the context: tokenises, splits and scans every paragraph once, detects each
    /// article's language, indexes rows and reads the hunks of every aligned cell.
    #[must_use]
    pub fn new(comparison: &'a Comparison) -> Self {
        let articles: Vec<ArticleText> = comparison.articles.par_iter().map(article_text).collect();
        let unrelated: Vec<bool> = (0..articles.len())
            .map(|a| comparison.is_unrelated(a))
            .collect();
        let vocab = Vocabulary::build(&articles, &unrelated);
        let mut rows = HashMap::new();
        for (r, row) in comparison.rows.iter().enumerate() {
            for (a, cell) in row.cells.iter().enumerate() {
                for &p in cell.iter().flat_map(|c| &c.paragraphs) {
                    rows.entry((a, p)).or_insert(r);
                }
            }
        }
        Self::with_text(
            comparison,
            TextView {
                articles: Arc::new(articles),
                vocab: Arc::new(vocab),
                rows: Arc::new(rows),
                unrelated: Arc::new(unrelated),
            },
        )
    }

    /// The context of `comparison` from the [`TextView`] of an earlier comparison of the
    /// same articles with the same alignment (only the diff options differ): the cell pairs
    /// and their hunks are read afresh, the rest is shared.
    #[must_use]
    pub fn with_text(comparison: &'a Comparison, text: TextView) -> Self {
        let TextView {
            articles,
            vocab,
            rows,
            unrelated,
        } = text;
        let mut ctx = Self {
            comparison,
            articles,
            vocab,
            rows,
            pairs: Vec::new(),
            pair_index: HashMap::new(),
            unrelated,
        };
        ctx.pairs = ctx.aligned_pairs();
        ctx.pair_index = ctx
            .pairs
            .iter()
            .enumerate()
            .map(|(i, p)| ((p.row, p.article), i))
            .collect();
        ctx
    }

    /// The options-independent part of this context, to build the next one from
    /// ([`Context::with_text`]).
    #[must_use]
    pub fn text_view(&self) -> TextView {
        TextView {
            articles: Arc::clone(&self.articles),
            vocab: Arc::clone(&self.vocab),
            rows: Arc::clone(&self.rows),
            unrelated: Arc::clone(&self.unrelated),
        }
    }

    /// Every row where both the reference and another article have a cell, with hunks —
    /// unless one of the two is about another story ([`Context::shares_evidence`]) or the
    /// cell is a related passage written independently ([`Relation::Related`]) or a
    /// translation ([`Relation::Translation`]): its words were never a copy of the
    /// reference's, so a changed figure or pronoun there is not a copying error (the facts
    /// table compares what outlets state; a translation's anchors are checked in its cell).
    fn aligned_pairs(&self) -> Vec<CellPair> {
        let reference = self.comparison.options.reference;
        let mut out = Vec::new();
        for (r, row) in self.comparison.rows.iter().enumerate() {
            let Some(Some(ref_cell)) = row.cells.get(reference) else {
                continue;
            };
            for (a, cell) in row.cells.iter().enumerate() {
                let Some(cell) = cell.as_ref().filter(|c| {
                    a != reference
                        && c.relation != Relation::Related
                        && c.relation != Relation::Translation
                        && self.shares_evidence(a, reference)
                }) else {
                    continue;
                };
                let ref_words = self.cell_words(reference, &ref_cell.paragraphs);
                let words = self.cell_words(a, &cell.paragraphs);
                let hunks = hunks_from_ops(&ref_words, &words, &cell.ops);
                out.push(CellPair {
                    row: r,
                    article: a,
                    ref_paras: ref_cell.paragraphs.clone(),
                    paras: cell.paragraphs.clone(),
                    hunks,
                });
            }
        }
        out
    }

    /// The index of the reference article.
    #[must_use]
    pub(crate) fn reference(&self) -> usize {
        self.comparison.options.reference
    }

    /// Number of articles.
    #[must_use]
    pub(crate) fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// True when the article is most likely about another story
    /// ([`Comparison::is_unrelated`]).
    #[must_use]
    pub(crate) fn is_unrelated(&self, article: usize) -> bool {
        self.unrelated.get(article).copied().unwrap_or(false)
    }

    /// True when what article `b` says may count as evidence about article `a` (and the
    /// other way round): the same article, or two articles neither of which is about another
    /// story. A finding about an article never depends on an unrelated one, so closing an
    /// article about another story changes no finding about the others.
    #[must_use]
    pub(crate) fn shares_evidence(&self, a: usize, b: usize) -> bool {
        a == b || !(self.is_unrelated(a) || self.is_unrelated(b))
    }

    /// True when article `b`'s words may count as evidence about article `a`'s words:
    /// [`Context::shares_evidence`], and both in one language — a translation and its
    /// source share facts but not wording, so a passage no other article words alike is not
    /// "carried by no one" beside a translation.
    #[must_use]
    pub(crate) fn shares_words(&self, a: usize, b: usize) -> bool {
        let translated = |x: usize| self.comparison.is_translation(x);
        self.shares_evidence(a, b) && translated(a) == translated(b)
    }

    /// The articles in groups that share evidence: every article that is not about another
    /// story in one group (first, when there is any), then each unrelated article alone.
    #[must_use]
    pub(crate) fn evidence_groups(&self) -> Vec<Vec<usize>> {
        let (unrelated, related): (Vec<usize>, Vec<usize>) =
            (0..self.article_count()).partition(|&a| self.is_unrelated(a));
        let mut groups = Vec::with_capacity(unrelated.len() + 1);
        if !related.is_empty() {
            groups.push(related);
        }
        groups.extend(unrelated.into_iter().map(|a| vec![a]));
        groups
    }

    /// The article's text view (an empty one for a bad index).
    #[must_use]
    pub(crate) fn article(&self, article: usize) -> &ArticleText {
        static EMPTY: ArticleText = ArticleText {
            language: Language::Unknown,
            words: Vec::new(),
            paragraphs: Vec::new(),
        };
        self.articles.get(article).unwrap_or(&EMPTY)
    }

    /// True when English-only rules may run on the article (see [`Language::is_english`]).
    #[must_use]
    pub(crate) fn english(&self, article: usize) -> bool {
        self.article(article).language.is_english()
    }

    /// The display text of one paragraph, if it exists.
    #[must_use]
    pub(crate) fn para_text(&self, article: usize, paragraph: usize) -> Option<&'a str> {
        self.comparison
            .articles
            .get(article)?
            .paragraphs
            .get(paragraph)
            .map(|p| p.text.as_str())
    }

    /// The context's view of one paragraph.
    #[must_use]
    pub(crate) fn para(&self, article: usize, paragraph: usize) -> Option<&Para> {
        self.article(article).paragraphs.get(paragraph)
    }

    /// The words of one paragraph.
    #[must_use]
    pub(crate) fn para_words(&self, article: usize, paragraph: usize) -> &[Tok] {
        let a = self.article(article);
        a.paragraphs
            .get(paragraph)
            .and_then(|p| a.words.get(p.words.clone()))
            .unwrap_or(&[])
    }

    /// The words of the given paragraphs of one article, in the order given (borrowed when
    /// the paragraphs are consecutive, as a cell's usually are).
    #[must_use]
    pub(crate) fn cell_words(&self, article: usize, paras: &[usize]) -> Cow<'_, [Tok]> {
        let a = self.article(article);
        let consecutive = paras
            .windows(2)
            .all(|w| matches!(w, [x, y] if *y == *x + 1));
        if consecutive
            && let (Some(first), Some(last)) = (paras.first(), paras.last())
            && let (Some(f), Some(l)) = (a.paragraphs.get(*first), a.paragraphs.get(*last))
        {
            return Cow::Borrowed(a.words.get(f.words.start..l.words.end).unwrap_or(&[]));
        }
        Cow::Owned(
            paras
                .iter()
                .flat_map(|&p| self.para_words(article, p).iter().cloned())
                .collect(),
        )
    }

    /// True when char offset `at` of the paragraph lies strictly inside a quotation.
    #[must_use]
    pub(crate) fn in_quote(&self, article: usize, paragraph: usize, at: usize) -> bool {
        self.para(article, paragraph).is_some_and(|p| {
            let k = p.quotes.ranges.partition_point(|r| r.start < at);
            k.checked_sub(1)
                .and_then(|k| p.quotes.ranges.get(k))
                .is_some_and(|r| at < r.end.saturating_sub(1))
        })
    }

    /// The aligned pair of `article`'s cell in `row` with the reference cell.
    #[must_use]
    pub(crate) fn pair_at(&self, row: usize, article: usize) -> Option<&CellPair> {
        self.pairs.get(*self.pair_index.get(&(row, article))?)
    }

    /// The row holding (article, paragraph).
    #[must_use]
    pub(crate) fn row_of(&self, article: usize, paragraph: usize) -> Option<usize> {
        self.rows.get(&(article, paragraph)).copied()
    }

    /// The article's short display name.
    #[must_use]
    pub(crate) fn name_of(&self, article: usize) -> String {
        self.comparison.articles.get(article).map_or_else(
            || format!("article {}", article + 1),
            crate::model::Article::short_name,
        )
    }

    /// The findings of a detector that judges each paragraph of the English articles on its
    /// own: `hits` gets the paragraph's characters and words, its hits become `kind` findings.
    #[must_use]
    pub(crate) fn english_paragraph_findings(
        &self,
        kind: FindingKind,
        hits: impl Fn(&[char], &[Tok]) -> Vec<Hit>,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        for a in (0..self.article_count()).filter(|&a| self.english(a)) {
            for (p, para) in self.article(a).paragraphs.iter().enumerate() {
                for hit in hits(&para.chars, self.para_words(a, p)) {
                    out.extend(self.finding(kind, a, p, hit));
                }
            }
        }
        out
    }

    /// Builds a finding whose `text` is the display text between the hit's offsets; `None`
    /// when that text is empty (a bad offset).
    #[must_use]
    pub(crate) fn finding(
        &self,
        kind: FindingKind,
        article: usize,
        paragraph: usize,
        hit: Hit,
    ) -> Option<Finding> {
        // From the paragraph's characters: a walk from the start of the text per finding was
        // quadratic in a very long paragraph with many findings.
        let text: String = self
            .para(article, paragraph)?
            .chars
            .get(hit.start..hit.end.max(hit.start))?
            .iter()
            .collect();
        if text.is_empty() {
            return None;
        }
        Some(build_finding(kind, article, paragraph, text, hit))
    }
}

/// The one finding constructor: a hit tied to an article and paragraph, with its text.
#[must_use]
pub(crate) fn build_finding(
    kind: FindingKind,
    article: usize,
    paragraph: usize,
    text: String,
    hit: Hit,
) -> Finding {
    Finding {
        manual: false,
        kind,
        article,
        paragraph,
        start: hit.start,
        end: hit.end,
        text,
        message: hit.message,
        suggestion: hit.suggestion,
        related: hit.related,
    }
}

/// What a detector found in one paragraph, before it is tied to an article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hit {
    /// Start offset in characters.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
    /// Plain-English explanation.
    pub message: String,
    /// Suggested repair.
    pub suggestion: Option<String>,
    /// Other places involved.
    pub related: Vec<Location>,
}

/// A location for `related`.
#[must_use]
pub(crate) fn loc(article: usize, paragraph: usize, start: usize, end: usize) -> Location {
    Location {
        article,
        paragraph,
        start,
        end,
    }
}

/// Title case: the first character is upper case and no other letter is (`Harbour`, `A`;
/// not `McAdam`, `NATO`).
#[must_use]
pub(crate) fn is_capitalised(word: &str) -> bool {
    let mut it = word.chars();
    it.next().is_some_and(char::is_uppercase) && !it.any(char::is_uppercase)
}

/// Name shape: starts upper case and has a lower-case letter (`Harbour`, `McAdam`; not
/// `A`, `NATO`).
#[must_use]
pub(crate) fn is_name_shaped(word: &str) -> bool {
    let mut it = word.chars();
    it.next().is_some_and(char::is_uppercase) && it.any(char::is_lowercase)
}

/// True when the word has a letter and no upper-case letter.
#[must_use]
pub(crate) fn is_lowercase_word(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_uppercase)
}

/// The word without a possessive `'s` / `’s`.
#[must_use]
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

/// The word's letters up to the first non-letter (`TikTok's` → `TikTok`, `it’s` → `it`).
#[must_use]
pub(crate) fn letters_part(word: &str) -> &str {
    let end = word
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(word.len(), |(i, _)| i);
    word.get(..end).unwrap_or(word)
}

/// `word` with its first letter upper-cased.
#[must_use]
pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(chars).collect::<String>()
    })
}

/// True when `lower` is a common English function word.
#[must_use]
pub(crate) fn is_function_word(lower: &str) -> bool {
    lexicon::FUNCTION_WORDS.contains(lower)
}

/// The characters of `text`.
#[must_use]
pub(crate) fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

/// The string made of `chars[start..end]` (clamped).
#[must_use]
pub(crate) fn slice(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    let start = start.min(end);
    chars
        .get(start..end)
        .map_or_else(String::new, |s| s.iter().collect())
}

/// The lower-case, quote-folded form of a word.
#[must_use]
pub(crate) fn lower_form(word: &str) -> String {
    // ASCII without a backtick (the one ASCII character `fold_quote` changes): one
    // exact-size copy, lower-cased in place.
    if word.is_ascii() && !word.contains('`') {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .map(normalize::fold_quote)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Tokenises, splits and scans one article.
fn article_text(article: &crate::model::Article) -> ArticleText {
    // Each paragraph is scanned on its own (on all cores), then joined in order.
    let scanned: Vec<(Para, Vec<Tok>)> = article
        .paragraphs
        .par_iter()
        .enumerate()
        .map(|(p, para)| {
            // Sized once: collecting `chars()` would grow the vector several times.
            let mut chars = Vec::with_capacity(para.text.chars().count());
            chars.extend(para.text.chars());
            let mut words: Vec<Tok> = normalize::words(&para.text)
                .into_iter()
                .map(|w| Tok {
                    text: SmolStr::new(w.text),
                    lower: SmolStr::from(lower_form(w.text)),
                    para: p,
                    start: w.start,
                    end: w.end,
                    sentence_start: false,
                    clause_start: at_clause_start(&chars, w.start),
                })
                .collect();
            let sentences = sentences(&chars);
            mark_sentence_starts(&mut words, &sentences);
            let quotes = scan_quotes(&chars);
            let para = Para {
                chars,
                words: 0..0,
                sentences,
                quotes,
            };
            (para, words)
        })
        .collect();
    let total: usize = scanned.iter().map(|(_, w)| w.len()).sum();
    let mut words = Vec::new();
    let mut paragraphs = Vec::with_capacity(scanned.len());
    for (mut para, mut para_words) in scanned {
        let first = words.len();
        if words.is_empty() {
            // Moved, not copied: an article that is one long paragraph never holds its
            // words twice.
            words = para_words;
            words.reserve(total.saturating_sub(words.len()));
        } else {
            words.append(&mut para_words);
        }
        para.words = first..words.len();
        paragraphs.push(para);
    }
    ArticleText {
        language: super::language::of_article(article),
        words,
        paragraphs,
    }
}

/// Marks the first word of each sentence span.
fn mark_sentence_starts(words: &mut [Tok], sentences: &[Range<usize>]) {
    let mut k = 0;
    for s in sentences {
        while words.get(k).is_some_and(|w| w.start < s.start) {
            k += 1;
        }
        if let Some(w) = words.get_mut(k).filter(|w| w.start < s.end) {
            w.sentence_start = true;
        }
    }
}

/// Sentence-ending marks.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// Closing quotes and brackets that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')' | ']'
    )
}

/// Opening quotes and brackets that may begin a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{00AB}' | '(' | '['
    )
}

/// The one sentence splitter. A sentence ends after a run of `.`, `!`, `?` or `…` (with
/// any closing quotes or brackets after it) followed by whitespace and then an upper-case
/// letter, a digit or an opening quote/bracket — unless the full stop ends a listed
/// abbreviation ("Mr.", "Gen.") or a single capital initial ("J. Smith", "U.S."). A line
/// break inside the paragraph also ends a sentence. Returns char spans without the
/// surrounding whitespace; an all-space paragraph has none.
#[must_use]
pub(crate) fn sentences(chars: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let skip_space = |mut i: usize| {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        i
    };
    let mut start = skip_space(0);
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        if c == '\n' {
            let next = skip_space(i);
            if next > start {
                out.push(start..trim_end(chars, i));
            }
            start = next;
            i = next;
            continue;
        }
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while chars
            .get(end)
            .is_some_and(|&c| is_terminal(c) || is_closer(c))
        {
            end += 1;
        }
        let spaced = chars.get(end).is_some_and(|c| c.is_whitespace());
        let next = skip_space(end);
        let opens = chars
            .get(next)
            .is_some_and(|&n| n.is_uppercase() || n.is_ascii_digit() || is_opener(n));
        let newline = chars.get(end..next).is_some_and(|gap| gap.contains(&'\n'));
        if spaced && (opens || newline) && !(c == '.' && is_abbreviation(chars, i)) {
            out.push(start..end);
            start = next;
        }
        i = end.max(i + 1);
    }
    let end = trim_end(chars, chars.len());
    if end > start {
        out.push(start..end);
    }
    out
}

/// `end` moved back over trailing whitespace.
fn trim_end(chars: &[char], mut end: usize) -> usize {
    while end > 0 && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    end
}

/// True when the full stop at `dot` ends an abbreviation or a capital initial.
pub(crate) fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut from = dot;
    while from > 0
        && chars
            .get(from - 1)
            .is_some_and(|&c| c.is_alphanumeric() || c == '.')
    {
        from -= 1;
    }
    let run: String = chars.get(from..dot).unwrap_or(&[]).iter().collect();
    let last = run.rsplit('.').next().unwrap_or("");
    let mut it = last.chars();
    let initial = it.next().is_some_and(char::is_uppercase) && it.next().is_none();
    initial || (!run.is_empty() && lexicon::ABBREVIATIONS.contains(&run.to_lowercase()))
}

/// True when a capital is expected at `index`: nothing but spaces before it back to the
/// paragraph start, a line break, or a sentence-ending, colon, semicolon, quotation,
/// bracket (opening or closing: "(December 12) The lights …", "Beijing, May 3 (Li Wen)
/// After the summit …" — a credit or dateline in brackets ends a lead-in), dash, bullet or
/// similar mark.
#[must_use]
pub(crate) fn at_clause_start(chars: &[char], index: usize) -> bool {
    let mut i = index.min(chars.len());
    let mut saw_newline = false;
    while i > 0 {
        i -= 1;
        let Some(&c) = chars.get(i) else {
            return true;
        };
        if c == '\n' {
            saw_newline = true;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if saw_newline {
            return true;
        }
        return matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{2018}'
                | '\u{2019}'
                | '\''
                | '('
                | '['
                | ')'
                | ']'
                | '\u{2010}'
                ..='\u{2015}' | '-' | '\u{2022}' | '|' | '*' | '\u{2026}' | '>' | '/'
        );
    }
    true
}

/// The one quotation scanner. Double quotation marks only (curly `“ ”`, low `„`, guillemets
/// `« »`, straight `"`): single quotes and apostrophes are too ambiguous (possessives,
/// elisions). With a low `„` in the paragraph, `“` closes (German style); a `”` after a
/// space and before a letter opens (some typesetting uses `”` both ways); a straight `"`
/// opens after a space/bracket/dash and before a non-space, closes in the mirror case, and
/// is skipped after a digit (inches, `5'11"`) or when both or neither side is a space.
/// Marks pair in order: an open mark followed by another open mark is unpaired, as is a
/// close mark with no open before it and an open mark left at the end.
#[must_use]
pub(crate) fn scan_quotes(cs: &[char]) -> Quotes {
    let low_opening = cs.contains(&'\u{201E}');
    let mut marks = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| cs.get(j)).copied();
        let after = cs.get(i + 1).copied();
        let dir = match c {
            '\u{201C}' if low_opening => Dir::Close,
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => Dir::Open,
            '\u{00BB}' => Dir::Close,
            '\u{201D}' => {
                if before.is_none_or(char::is_whitespace)
                    && after.is_some_and(char::is_alphanumeric)
                {
                    Dir::Open
                } else {
                    Dir::Close
                }
            }
            '"' => {
                if before.is_some_and(|b| b.is_ascii_digit()) {
                    continue;
                }
                let space_before =
                    before.is_none_or(|b| b.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(b));
                let space_after = after
                    .is_none_or(|b| b.is_whitespace() || ".,;:!?)]}\u{2014}\u{2013}".contains(b));
                match (space_before, space_after) {
                    (true, false) => Dir::Open,
                    (false, true) => Dir::Close,
                    _ => continue,
                }
            }
            _ => continue,
        };
        marks.push(QuoteMark { at: i, dir });
    }
    let mut ranges = Vec::new();
    let mut unpaired = Vec::new();
    let mut open: Option<QuoteMark> = None;
    for &m in &marks {
        match m.dir {
            Dir::Open => {
                if let Some(prev) = open.replace(m) {
                    unpaired.push(prev);
                }
            }
            Dir::Close => match open.take() {
                Some(o) => ranges.push(o.at..m.at + 1),
                None => unpaired.push(m),
            },
        }
    }
    unpaired.extend(open);
    unpaired.sort_by_key(|m| m.at);
    Quotes {
        marks,
        ranges,
        unpaired,
    }
}

/// The hunks of one aligned cell, read from its ops (the diff stage's output, never
/// recomputed): a run of `Delete`/`Insert` ops (including `whitespace_only` ones) is one
/// hunk; an `Equal` op ends it when it holds a whole word of the other article, and is
/// absorbed otherwise (punctuation or spacing between two changes, or — at character
/// granularity — the unchanged letters of a changed word). A hunk's ranges are the words,
/// in `ref_words` and `words` (the two cells' words in cell order), that its ops touch; a
/// side with no word gets an empty range where the hunk sits.
#[must_use]
pub(crate) fn hunks_from_ops(ref_words: &[Tok], words: &[Tok], ops: &[Op]) -> Vec<Hunk> {
    let ref_order = para_order(ref_words);
    let order = para_order(words);
    let touched = |ws: &[Tok], ord: &HashMap<usize, usize>, span: &crate::model::Span| {
        let &pos = ord.get(&span.paragraph)?;
        let key = |w: &Tok| (ord.get(&w.para).copied().unwrap_or(usize::MAX), w.end);
        let lo = ws.partition_point(|w| key(w) <= (pos, span.start));
        let hi = ws.partition_point(|w| {
            (ord.get(&w.para).copied().unwrap_or(usize::MAX), w.start) < (pos, span.end)
        });
        (hi > lo).then_some(lo..hi)
    };
    let whole = |ws: &[Tok], ord: &HashMap<usize, usize>, span: &crate::model::Span| {
        touched(ws, ord, span).is_some_and(|r| {
            ws.get(r)
                .unwrap_or(&[])
                .iter()
                .any(|w| w.start >= span.start && w.end <= span.end)
        })
    };
    let join = |acc: &mut Option<Range<usize>>, r: Option<Range<usize>>| {
        if let Some(r) = r {
            *acc = Some(match acc.take() {
                Some(a) => a.start.min(r.start)..a.end.max(r.end),
                None => r,
            });
        }
    };
    let mut out = Vec::new();
    let mut open = false;
    let mut old: Option<Range<usize>> = None;
    let mut new: Option<Range<usize>> = None;
    let (mut ref_cursor, mut cursor) = (0usize, 0usize);
    let mut close = |old: &mut Option<Range<usize>>,
                     new: &mut Option<Range<usize>>,
                     ref_cursor: usize,
                     cursor: usize| {
        let o = old.take().unwrap_or(ref_cursor..ref_cursor);
        let n = new.take().unwrap_or(cursor..cursor);
        out.push(Hunk { old: o, new: n });
    };
    for op in ops {
        match op.tag {
            OpTag::Delete => {
                join(&mut old, touched(ref_words, &ref_order, &op.span));
                open = true;
            }
            OpTag::Insert => {
                join(&mut new, touched(words, &order, &op.span));
                open = true;
            }
            OpTag::Equal => {
                let ends = whole(words, &order, &op.span);
                if open && !ends {
                    join(&mut new, touched(words, &order, &op.span));
                    if let Some(rs) = &op.ref_span {
                        join(&mut old, touched(ref_words, &ref_order, rs));
                    }
                    continue;
                }
                if open {
                    close(&mut old, &mut new, ref_cursor, cursor);
                    open = false;
                }
                if let Some(r) = touched(words, &order, &op.span) {
                    cursor = r.end;
                }
                if let Some(r) = op
                    .ref_span
                    .as_ref()
                    .and_then(|rs| touched(ref_words, &ref_order, rs))
                {
                    ref_cursor = r.end;
                }
            }
        }
        if let Some(r) = &old {
            ref_cursor = ref_cursor.max(r.end);
        }
        if let Some(r) = &new {
            cursor = cursor.max(r.end);
        }
    }
    if open {
        close(&mut old, &mut new, ref_cursor, cursor);
    }
    out
}

/// Paragraph → its position among the words' paragraphs (cell order).
fn para_order(words: &[Tok]) -> HashMap<usize, usize> {
    let mut out = HashMap::new();
    for w in words {
        let n = out.len();
        out.entry(w.para).or_insert(n);
    }
    out
}

/// Word counts: lower-cased word → (lower-case occurrences, capitalised occurrences), and
/// exact-case word → occurrences.
#[derive(Debug, Default)]
struct Counts {
    cases: HashMap<String, (usize, usize)>,
    exact: HashMap<String, usize>,
}

/// How every word is written across the comparison: how often in lower case and how often
/// capitalised, plus per-article word sets and adjacent word pairs (for cross-article checks).
///
/// The counts pool the articles that are not about another story; an unrelated article is
/// counted on its own. Detectors read them through [`Vocabulary::seen_from`], so a finding
/// about an article only rests on the articles it shares evidence with
/// ([`Context::shares_evidence`]).
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// Counts over every article not about another story.
    pooled: Counts,
    /// Per article: its own counts when it is about another story, else `None`.
    own: Vec<Option<Counts>>,
    /// Per article: about another story.
    unrelated: Vec<bool>,
    /// Per article: the lower-cased words it contains.
    article_words: Vec<HashSet<String>>,
    /// Per article: hashes ([`pair_key`]) of lower-cased adjacent word pairs (within a paragraph).
    article_pairs: Vec<HashSet<u64>>,
}

impl Vocabulary {
    /// Indexes every word of every article (one lower-casing per word; pairs are kept as
    /// hashes, so no string is built per pair). `unrelated` flags the articles about another
    /// story, counted apart.
    fn build(articles: &[ArticleText], unrelated: &[bool]) -> Self {
        let mut vocab = Self {
            unrelated: unrelated.to_vec(),
            ..Self::default()
        };
        for (a, article) in articles.iter().enumerate() {
            let apart = unrelated.get(a).copied().unwrap_or(false);
            let mut own = Counts::default();
            let counts = if apart { &mut own } else { &mut vocab.pooled };
            let mut set: HashSet<String> = HashSet::new();
            let mut pairs = HashSet::new();
            let mut prev: Option<(usize, Cow<'_, str>)> = None;
            for w in &article.words {
                // Lower case without quote folding, as the detectors look words up: the
                // token's folded form whenever folding changed nothing (and no capital
                // sigma, which `str::to_lowercase` treats by position).
                let lower: Cow<'_, str> = if w
                    .text
                    .chars()
                    .any(|c| c == '\u{3a3}' || normalize::fold_quote(c) != c)
                {
                    Cow::Owned(w.text.to_lowercase())
                } else {
                    Cow::Borrowed(w.lower.as_str())
                };
                let entry = match counts.cases.get_mut(lower.as_ref()) {
                    Some(e) => e,
                    None => counts.cases.entry(lower.to_string()).or_default(),
                };
                if is_lowercase_word(&w.text) {
                    entry.0 += 1;
                } else if is_capitalised(&w.text) {
                    entry.1 += 1;
                }
                match counts.exact.get_mut(w.text.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        counts.exact.insert(w.text.to_string(), 1);
                    }
                }
                if let Some((para, p)) = &prev
                    && *para == w.para
                {
                    pairs.insert(pair_key(p, &lower));
                }
                if !set.contains(lower.as_ref()) {
                    set.insert(lower.to_string());
                }
                prev = Some((w.para, lower));
            }
            vocab.own.push(apart.then_some(own));
            vocab.article_words.push(set);
            vocab.article_pairs.push(pairs);
        }
        vocab
    }

    /// The vocabulary as evidence about `article`: the counts of the articles it shares
    /// evidence with, and only those among the other articles.
    #[must_use]
    pub(crate) fn seen_from(&self, article: usize) -> Evidence<'_> {
        Evidence {
            vocab: self,
            article,
        }
    }

    fn is_unrelated(&self, article: usize) -> bool {
        self.unrelated.get(article).copied().unwrap_or(false)
    }
}

/// The [`Vocabulary`] as seen from one article ([`Vocabulary::seen_from`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evidence<'v> {
    vocab: &'v Vocabulary,
    article: usize,
}

impl<'v> Evidence<'v> {
    fn counts(self) -> &'v Counts {
        self.vocab
            .own
            .get(self.article)
            .and_then(Option::as_ref)
            .unwrap_or(&self.vocab.pooled)
    }

    /// True when article `other` (not this one) may count as evidence.
    fn counts_as_evidence(self, other: usize) -> bool {
        other != self.article
            && !self.vocab.is_unrelated(other)
            && !self.vocab.is_unrelated(self.article)
    }

    /// How often the word (any case) is written in lower case.
    #[must_use]
    pub(crate) fn lower_count(self, lower: &str) -> usize {
        self.counts().cases.get(lower).map_or(0, |c| c.0)
    }

    /// How often the word (any case) is written capitalised.
    #[must_use]
    pub(crate) fn capital_count(self, lower: &str) -> usize {
        self.counts().cases.get(lower).map_or(0, |c| c.1)
    }

    /// How often exactly this spelling occurs as a whole word.
    #[must_use]
    pub(crate) fn exact_count(self, word: &str) -> usize {
        self.counts().exact.get(word).copied().unwrap_or(0)
    }

    /// The other articles (that count as evidence) containing the lower-cased word.
    pub(crate) fn other_articles_with_word(
        self,
        lower: &'v str,
    ) -> impl Iterator<Item = usize> + 'v {
        self.vocab
            .article_words
            .iter()
            .enumerate()
            .filter(move |(i, set)| self.counts_as_evidence(*i) && set.contains(lower))
            .map(|(i, _)| i)
    }

    /// The first other article (that counts as evidence) with the lower-cased pair "a b".
    #[must_use]
    pub(crate) fn other_article_with_pair(self, pair: &str) -> Option<usize> {
        let (a, b) = pair.split_once(' ')?;
        let key = pair_key(a, b);
        self.vocab
            .article_pairs
            .iter()
            .enumerate()
            .find(|(i, set)| self.counts_as_evidence(*i) && set.contains(&key))
            .map(|(i, _)| i)
    }
}

/// The hash of an adjacent word pair (`DefaultHasher::new` has fixed keys, so the value
/// is the same at indexing and lookup). A collision among n pairs has odds about
/// n²/2⁶⁵ — below 10⁻⁹ for a million pairs.
fn pair_key(a: &str, b: &str) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::hash::DefaultHasher::new();
    a.hash(&mut h);
    b.hash(&mut h);
    h.finish()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::detect::testing::{article, comparison, parallel};

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn split(s: &str) -> Vec<String> {
        let c = cs(s);
        sentences(&c)
            .into_iter()
            .map(|r| slice(&c, r.start, r.end))
            .collect()
    }

    #[test]
    fn splitter_ends_sentences_at_stops_before_capitals() {
        assert_eq!(
            split("  He left. She came! \u{201C}Why?\u{201D} Nobody knew.  "),
            [
                "He left.",
                "She came!",
                "\u{201C}Why?\u{201D}",
                "Nobody knew."
            ]
        );
        // A stop before a lower-case word, inside a number or without a space does not end one.
        assert_eq!(
            split("It cost 3.5 m. and rose.Then"),
            ["It cost 3.5 m. and rose.Then"]
        );
        assert_eq!(split("Yes... 12 were hurt."), ["Yes...", "12 were hurt."]);
    }

    #[test]
    fn splitter_keeps_abbreviations_and_initials_and_splits_lines() {
        assert_eq!(
            split("Mr. Smith met Gen. Lee and J. R. Ewing in the U.S. Army."),
            ["Mr. Smith met Gen. Lee and J. R. Ewing in the U.S. Army."]
        );
        assert_eq!(
            split("First line\nSecond line"),
            ["First line", "Second line"]
        );
        assert!(split("   ").is_empty());
    }

    #[test]
    fn clause_start_after_marks_and_lines() {
        let c = cs("He left. She came; and \u{201C}Then\u{201D}\nNext");
        assert!(at_clause_start(&c, 0));
        assert!(at_clause_start(&c, 9));
        assert!(!at_clause_start(&c, 3));
        assert!(at_clause_start(&c, 24));
        assert!(at_clause_start(&c, 30));
    }

    #[test]
    fn words_carry_sentence_and_clause_starts() {
        let c = parallel(vec![article(
            "a",
            &["The Mayor said: Boats left. They \u{2019}re back."],
        )]);
        let ctx = Context::new(&c);
        let ws = ctx.para_words(0, 0);
        let starts: Vec<&str> = ws
            .iter()
            .filter(|w| w.sentence_start)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(starts, ["The", "They"]);
        let clauses: Vec<&str> = ws
            .iter()
            .filter(|w| w.clause_start)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(clauses, ["The", "Boats", "They", "re"]);
        assert_eq!(ws[0].lower, "the");
    }

    #[test]
    fn quote_scanner_pairs_marks_and_reports_unpaired() {
        let q = scan_quotes(&cs(
            "\u{201C}One\u{201D} and \"two\" then \u{201C}three \u{201C}four\u{201D} 5'11\" \u{201D}",
        ));
        assert_eq!(q.ranges, [0..5, 10..15, 28..34]);
        let unpaired: Vec<(usize, Dir)> = q.unpaired.iter().map(|m| (m.at, m.dir)).collect();
        assert_eq!(unpaired, [(21, Dir::Open), (41, Dir::Close)]);
        // German style: „…“ pairs; guillemets pair.
        let g = scan_quotes(&cs("\u{201E}Ja\u{201C} und \u{00AB}non\u{00BB}"));
        assert_eq!(g.ranges, [0..4, 9..14]);
        assert!(g.unpaired.is_empty());
    }

    #[test]
    fn in_quote_is_strictly_inside() {
        let c = parallel(vec![article(
            "a",
            &["He said \u{201C}she left\u{201D} today."],
        )]);
        let ctx = Context::new(&c);
        assert!(!ctx.in_quote(0, 0, 8));
        assert!(ctx.in_quote(0, 0, 9));
        assert!(ctx.in_quote(0, 0, 16));
        assert!(!ctx.in_quote(0, 0, 17));
        assert!(!ctx.in_quote(0, 0, 20));
    }

    #[test]
    fn hunks_come_from_the_cell_ops() {
        let c = parallel(vec![
            article(
                "a",
                &[
                    "Tomas said he would sail, and the crew left at dawn.",
                    "Second one here.",
                ],
            ),
            article(
                "b",
                &[
                    "Tomas said she would sail; and the crew left at noon.",
                    "Second one here.",
                ],
            ),
        ]);
        let ctx = Context::new(&c);
        let pair = &ctx.pairs[0];
        let rw = ctx.cell_words(0, &pair.ref_paras);
        let ow = ctx.cell_words(1, &pair.paras);
        let show = |ws: &[Tok], r: &Range<usize>| {
            ws[r.clone()]
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let got: Vec<(String, String)> = pair
            .hunks
            .iter()
            .map(|h| (show(&rw, &h.old), show(&ow, &h.new)))
            .collect();
        // The changed comma is a hunk with no words on either side.
        assert_eq!(
            got,
            [
                ("he".into(), "she".into()),
                (String::new(), String::new()),
                ("dawn".into(), "noon".into())
            ]
        );
        // Identical second row: no hunks.
        assert!(ctx.pairs[1].hunks.is_empty());
        assert_eq!(ctx.row_of(1, 1), Some(1));
    }

    #[test]
    fn glued_words_make_one_hunk_and_empty_ops_none() {
        let c = parallel(vec![
            article("a", &["The ship left Lannock at dawn."]),
            article("b", &["The ship left Lannockat dawn."]),
        ]);
        let ctx = Context::new(&c);
        let pair = &ctx.pairs[0];
        assert_eq!(
            pair.hunks,
            [Hunk {
                old: 3..5,
                new: 3..4
            }]
        );
        // A cell without ops (not diffed) yields no hunks.
        let mut bare = comparison(
            vec![article("a", &["x y"]), article("b", &["x z"])],
            &[vec![vec![0], vec![0]]],
        );
        for cell in bare.rows[0].cells.iter_mut().flatten() {
            cell.ops.clear();
        }
        assert!(Context::new(&bare).pairs[0].hunks.is_empty());
    }

    #[test]
    fn vocabulary_counts_cases_and_pairs() {
        let c = parallel(vec![
            article("a", &["The Harbour and the harbour."]),
            article("b", &["harbour lights"]),
        ]);
        let ctx = Context::new(&c);
        let from_a = ctx.vocab.seen_from(0);
        assert_eq!(from_a.lower_count("harbour"), 2);
        assert_eq!(from_a.capital_count("harbour"), 1);
        assert_eq!(from_a.exact_count("Harbour"), 1);
        assert_eq!(
            from_a
                .other_articles_with_word("lights")
                .collect::<Vec<_>>(),
            [1]
        );
        assert_eq!(
            ctx.vocab
                .seen_from(1)
                .other_article_with_pair("the harbour"),
            Some(0)
        );
    }

    #[test]
    fn name_and_case_predicates() {
        assert!(is_capitalised("Harbour") && is_capitalised("A") && !is_capitalised("McAdam"));
        assert!(is_name_shaped("McAdam") && !is_name_shaped("A") && !is_name_shaped("NATO"));
        assert!(is_lowercase_word("it's") && !is_lowercase_word("42"));
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(lower_form("It\u{2019}s"), "it's");
        assert_eq!(strip_possessive("Recker\u{2019}s"), "Recker");
        assert_eq!(letters_part("TikTok's"), "TikTok");
    }
}
