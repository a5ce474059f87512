//! The facts table: which quotations, figures and people or organisations each article
//! carries, omits or states differently — what a fact-checker lines up across outlets.
//!
//! [`extract`] reads the shared detection [`Context`](crate::detect::Context) (words with
//! offsets, sentences, quoted ranges, vocabulary) and returns one [`Fact`] per quotation,
//! quantity or name, with every [`Mention`] of it and, when outlets disagree, the groups of
//! articles per distinct form ([`Fact::differs`]):
//!
//! - **quotes** (`quotes.rs`): the words between paired double quotation marks (three words
//!   or more), with the speaker the sentence attributes them to; equal after folding quote
//!   style, case and punctuation, or one a contiguous stretch of the other, they are one
//!   fact; the same speaker quoted on the same point in other words marks `differs`.
//! - **figures** (`figures.rs`): numbers with unit or currency and the thing they count,
//!   parsed by [`crate::detect::number_mismatch`]'s parser (so "1 million" = "one
//!   million"); one fact per quantity (unit and counted noun), `differs` per value.
//! - **names** (`names.rs`): capitalised name-shaped runs (titles stripped, sentence-initial
//!   common words dropped), grouped with their shorter forms ("Mr. Mattis", "Mattis") and
//!   spellings within one edit ("Zelensky"/"Zelenskyy"), `differs` per spelling.
//!
//! Articles are matched only with those they share evidence with
//! ([`Context::shares_evidence`](crate::detect::Context)): each evidence group is
//! extracted on its own, so an unrelated article's facts appear but never merge. Word
//! lists are data files under `src/facts/data/` (and the detectors' lexicons), loaded once.
//! Everything is hash-map keyed by folded forms: linear in the text, apart from small
//! buckets compared pairwise.

mod figures;
mod names;
mod quotes;

use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::detect::Context;
use crate::detect::context::slice;

/// What kind of fact a [`Fact`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// Words quoted between double quotation marks.
    Quote,
    /// A number with its unit or currency and what it counts.
    Figure,
    /// A person or organisation.
    Name,
}

/// One place a fact appears: like a [`Finding`](crate::model::Finding)'s span, character
/// offsets into the paragraph's display text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the article in [`Comparison::articles`](crate::model::Comparison).
    pub article: usize,
    /// Paragraph index within the article.
    pub paragraph: usize,
    /// Start offset in characters.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
    /// The display text between the offsets (a quote's words without its marks).
    pub text: String,
}

/// One quotation, quantity or name and every place it appears.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Quote, figure or name.
    pub kind: FactKind,
    /// Canonical display form: the quote's words, "84 container ships", "Jim Mattis".
    pub text: String,
    /// Quotes: who the sentence attributes the words to, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Every place the fact appears, sorted by (article, paragraph, start).
    pub mentions: Vec<Mention>,
    /// Empty when all outlets agree; else one group of article indices per distinct form
    /// or value (each group sorted, groups in order), e.g. `[[0, 2], [1]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differs: Vec<Vec<usize>>,
}

impl Fact {
    /// The distinct articles carrying the fact, in order.
    #[must_use]
    pub fn articles(&self) -> Vec<usize> {
        let mut a: Vec<usize> = self.mentions.iter().map(|m| m.article).collect();
        a.dedup();
        a.sort_unstable();
        a.dedup();
        a
    }
}

/// Extracts the facts of a comparison: quotes, figures and names per evidence group,
/// sorted by the number of articles carrying them (most first), then kind, then first
/// mention.
#[must_use]
pub fn extract(ctx: &Context<'_>) -> Vec<Fact> {
    let mut out = Vec::new();
    for group in ctx.evidence_groups() {
        let group: Vec<usize> = group.into_iter().filter(|&a| ctx.english(a)).collect();
        if group.is_empty() {
            continue;
        }
        let people = names::scan(ctx, &group);
        let (name_facts, speakers) = names::facts(ctx, &people);
        out.extend(name_facts);
        out.extend(quotes::facts(ctx, &group, &people, &speakers));
        out.extend(figures::facts(ctx, &group));
    }
    out.sort_by(|a, b| {
        let key = |f: &Fact| {
            (
                usize::MAX - f.articles().len(),
                f.kind,
                f.mentions
                    .first()
                    .map(|m| (m.article, m.paragraph, m.start)),
            )
        };
        key(a).cmp(&key(b))
    });
    out
}

/// A mention of (article, paragraph, start..end) with its display text.
fn mention(
    ctx: &Context<'_>,
    article: usize,
    paragraph: usize,
    start: usize,
    end: usize,
) -> Mention {
    let text = ctx
        .para(article, paragraph)
        .map(|p| slice(&p.chars, start, end))
        .unwrap_or_default();
    Mention {
        article,
        paragraph,
        start,
        end,
        text,
    }
}

/// Builds a fact: mentions sorted and deduplicated; `differs` groups sorted, and cleared
/// when fewer than two distinct groups remain.
fn fact(
    kind: FactKind,
    text: String,
    speaker: Option<String>,
    mut mentions: Vec<Mention>,
    differs: Vec<Vec<usize>>,
) -> Fact {
    mentions.sort_by_key(|m| (m.article, m.paragraph, m.start, m.end));
    mentions.dedup_by_key(|m| (m.article, m.paragraph, m.start, m.end));
    let mut differs: Vec<Vec<usize>> = differs
        .into_iter()
        .map(|mut g| {
            g.sort_unstable();
            g.dedup();
            g
        })
        .filter(|g| !g.is_empty())
        .collect();
    differs.sort();
    differs.dedup();
    if differs.len() < 2 {
        differs.clear();
    }
    Fact {
        kind,
        text,
        speaker,
        mentions,
        differs,
    }
}

/// A word list: one entry a line, `#` comment lines and blank lines skipped.
fn list(text: &'static str) -> FxHashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Speech verbs that attribute a quotation (`data/speech_verbs.txt`).
static SPEECH_VERBS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("data/speech_verbs.txt")));
/// Titles stripped from the front of a name (`data/titles.txt`).
static TITLES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("data/titles.txt")));
/// Capitalised words that are never a name on their own (`data/not_names.txt` and the
/// detectors' `not_names` list).
static NOT_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut s = list(include_str!("data/not_names.txt"));
    s.extend(list(include_str!("../detect/lexicon/en/not_names.txt")));
    s
});
/// Last words of place and thing names (`data/place_words.txt`).
static PLACE_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("data/place_words.txt")));
/// Month and day names (`data/calendar.txt`).
static CALENDAR: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("data/calendar.txt")));
/// Common male first names (the detectors' `male_names` list).
static MALE_NAMES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("../detect/lexicon/en/male_names.txt")));
/// Common female first names (the detectors' `female_names` list).
static FEMALE_NAMES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("../detect/lexicon/en/female_names.txt")));
/// Words marking an organisation (the detectors' `org_words` list).
static ORG_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("../detect/lexicon/en/org_words.txt")));
/// Country and region names (the detectors' `countries` list).
static COUNTRIES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("../detect/lexicon/en/countries.txt")));
/// Determiners and possessives (the detectors' `determiners` list).
static DETERMINERS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| list(include_str!("../detect/lexicon/en/determiners.txt")));
/// Name particles written lower case inside a name ("de", "van", "al").
static PARTICLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    [
        "al", "bin", "da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von",
    ]
    .into_iter()
    .collect()
});

/// A small union-find over `0..n`.
#[derive(Debug)]
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            if let Some(slot) = self.parent.get_mut(hi) {
                *slot = lo;
            }
        }
    }

    /// The members of each set, sets ordered by their smallest member.
    fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
        let mut out: Vec<Vec<usize>> = Vec::new();
        for x in 0..n {
            let r = self.find(x);
            let k = *by_root.entry(r).or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
            if let Some(g) = out.get_mut(k) {
                g.push(x);
            }
        }
        out
    }
}

/// The chars between two offsets of a paragraph (clamped).
fn gap(chars: &[char], from: usize, to: usize) -> &[char] {
    let to = to.min(chars.len());
    chars.get(from.min(to)..to).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_group_by_root() {
        let mut s = Sets::new(4);
        s.union(3, 1);
        s.union(1, 0);
        assert_eq!(s.groups(), vec![vec![0, 1, 3], vec![2]]);
    }

    #[test]
    fn data_lists_load() {
        assert!(SPEECH_VERBS.contains("said"));
        assert!(TITLES.contains("mr"));
        assert!(NOT_NAMES.contains("monday") && NOT_NAMES.contains("american"));
        assert!(CALENDAR.contains("dec"));
        assert!(ORG_WORDS.contains("party"));
    }
}
