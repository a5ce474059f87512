//! Small text helpers shared by the single-article detectors: char slicing, finding
//! construction, a compact list of English function words, and a vocabulary index of
//! how each word is written across the whole comparison.

use std::collections::{HashMap, HashSet};

use crate::model::{Comparison, Finding, FindingKind, Location};
use crate::normalize::words;

/// The most common English function words (lower case, sorted for binary search):
/// determiners, pronouns, prepositions, conjunctions, auxiliaries and sentence adverbs.
/// A capitalised one mid-sentence is almost never a name.
const FUNCTION_WORDS: [&str; 116] = [
    "a", "about", "after", "again", "against", "all", "also", "although", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "during", "each", "either", "even", "every", "for",
    "from", "had", "has", "have", "he", "her", "here", "hers", "him", "his", "how", "however",
    "if", "in", "into", "is", "it", "its", "just", "many", "may", "might", "more", "most", "much",
    "must", "my", "neither", "no", "nor", "not", "now", "of", "on", "once", "only", "or", "other",
    "our", "out", "over", "she", "should", "since", "so", "some", "still", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "though", "through",
    "thus", "to", "under", "unless", "until", "upon", "was", "we", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
];

/// True when `lower` (already lower-cased) is a common English function word.
#[must_use]
pub(crate) fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.binary_search(&lower).is_ok()
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

/// What a detector found, before it is tied to an article.
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

/// Builds a [`Finding`] whose `text` is the display text between the hit's offsets.
#[must_use]
pub(crate) fn finding(
    kind: FindingKind,
    article: usize,
    paragraph: usize,
    para_chars: &[char],
    hit: Hit,
) -> Finding {
    Finding {
        kind,
        article,
        paragraph,
        start: hit.start,
        end: hit.end,
        text: slice(para_chars, hit.start, hit.end),
        message: hit.message,
        suggestion: hit.suggestion,
        related: hit.related,
    }
}

/// True when the first character is upper case and no other letter is.
#[must_use]
pub(crate) fn is_capitalised(word: &str) -> bool {
    let mut it = word.chars();
    it.next().is_some_and(char::is_uppercase) && !it.any(char::is_uppercase)
}

/// True when the word has no upper-case letter.
#[must_use]
pub(crate) fn is_lowercase_word(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_uppercase)
}

/// How every word is written across the comparison: how often in lower case and how often
/// capitalised, plus per-article word sets and adjacent word pairs (for cross-article checks).
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// Lower-cased word → (lower-case occurrences, capitalised occurrences).
    counts: HashMap<String, (usize, usize)>,
    /// Exact-case word → occurrences.
    exact: HashMap<String, usize>,
    /// Per article: the lower-cased words it contains.
    article_words: Vec<HashSet<String>>,
    /// Per article: lower-cased adjacent word pairs "a b".
    article_pairs: Vec<HashSet<String>>,
}

impl Vocabulary {
    /// Indexes every paragraph of every article.
    #[must_use]
    pub(crate) fn build(comparison: &Comparison) -> Self {
        let mut vocab = Self::default();
        for article in &comparison.articles {
            let mut set = HashSet::new();
            let mut pairs = HashSet::new();
            for para in &article.paragraphs {
                let ws = words(&para.text);
                let mut prev: Option<String> = None;
                for w in &ws {
                    let lower = w.text.to_lowercase();
                    let entry = vocab.counts.entry(lower.clone()).or_default();
                    if is_lowercase_word(w.text) {
                        entry.0 += 1;
                    } else if is_capitalised(w.text) {
                        entry.1 += 1;
                    }
                    *vocab.exact.entry(w.text.to_string()).or_default() += 1;
                    if let Some(p) = prev.take() {
                        pairs.insert(format!("{p} {lower}"));
                    }
                    prev = Some(lower.clone());
                    set.insert(lower);
                }
            }
            vocab.article_words.push(set);
            vocab.article_pairs.push(pairs);
        }
        vocab
    }

    /// How often the word (any case) is written in lower case.
    #[must_use]
    pub(crate) fn lower_count(&self, lower: &str) -> usize {
        self.counts.get(lower).map_or(0, |c| c.0)
    }

    /// How often the word (any case) is written capitalised.
    #[must_use]
    pub(crate) fn capital_count(&self, lower: &str) -> usize {
        self.counts.get(lower).map_or(0, |c| c.1)
    }

    /// How often exactly this spelling occurs as a whole word.
    #[must_use]
    pub(crate) fn exact_count(&self, word: &str) -> usize {
        self.exact.get(word).copied().unwrap_or(0)
    }

    /// The articles other than `article` that contain the lower-cased word.
    pub(crate) fn other_articles_with_word<'a>(
        &'a self,
        article: usize,
        lower: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.article_words
            .iter()
            .enumerate()
            .filter(move |(i, set)| *i != article && set.contains(lower))
            .map(|(i, _)| i)
    }

    /// The first article other than `article` that has the lower-cased pair "a b".
    #[must_use]
    pub(crate) fn other_article_with_pair(&self, article: usize, pair: &str) -> Option<usize> {
        self.article_pairs
            .iter()
            .enumerate()
            .find(|(i, set)| *i != article && set.contains(pair))
            .map(|(i, _)| i)
    }
}

/// True when the character at `index` begins a sentence: only spaces, and before them
/// the paragraph start or a sentence-ending or quote/bracket/dash mark.
#[must_use]
pub(crate) fn at_sentence_start(chars: &[char], index: usize) -> bool {
    let mut i = index;
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
                | '\u{2010}'
                ..='\u{2015}' | '-' | '\u{2022}' | '|' | '*' | '\u{2026}' | '>' | '/'
        );
    }
    true
}

/// Builders for detector unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::model::{Article, Cell, CompareOptions, Comparison, Row};

    /// A comparison of articles given as lists of paragraphs, aligned row i = paragraph i.
    pub(crate) fn comparison_of(articles: &[&[&str]]) -> Comparison {
        let articles: Vec<Article> = articles
            .iter()
            .enumerate()
            .map(|(i, paras)| Article::from_texts(format!("a{i}.txt"), paras.iter().copied()))
            .collect();
        let longest = articles
            .iter()
            .map(|a| a.paragraphs.len())
            .max()
            .unwrap_or(0);
        let rows = (0..longest)
            .map(|r| Row {
                cells: articles
                    .iter()
                    .map(|a| {
                        (r < a.paragraphs.len()).then(|| Cell {
                            paragraphs: vec![r],
                            similarity: 1.0,
                            moved: false,
                            ops: Vec::new(),
                        })
                    })
                    .collect(),
            })
            .collect();
        let n = articles.len();
        Comparison {
            options: CompareOptions::default(),
            articles,
            errors: Vec::new(),
            rows,
            findings: Vec::new(),
            similarity: vec![vec![1.0; n]; n],
            headline: Vec::new(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_and_found() {
        let mut sorted = FUNCTION_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, FUNCTION_WORDS.to_vec());
        assert!(is_function_word("its"));
        assert!(!is_function_word("harbour"));
    }

    #[test]
    fn sentence_start() {
        let c = chars("He left. She came; and “Then”");
        assert!(at_sentence_start(&c, 0));
        assert!(at_sentence_start(&c, 9));
        assert!(!at_sentence_start(&c, 3));
        assert!(at_sentence_start(&c, 24));
    }
}
