//! Topic-term vectors: the distinctive words of a text (names, event words, figures), each
//! weighted by how often it occurs there and how rare it is in general English
//! ([`super::background`]). Articles, paragraphs and sentences are compared by the cosine of
//! their vectors, which holds for independent wording of the same facts where a word diff
//! finds almost nothing in common.

use rustc_hash::FxHashMap;

use super::background;
use crate::normalize;

/// Weight of a figure ("84", "6.5"): about that of a rare word, since outlets reporting one
/// event repeat its figures.
pub const FIGURE_WEIGHT: f64 = 4.5;

/// A sparse bag of topic terms with weights, sorted by term, and its Euclidean norm.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    terms: Vec<(String, f64)>,
    norm: f64,
}

/// The comparison key of one word and its weight, or `None` for a function word: the word
/// lower-cased with quotes folded and a possessive `'s` dropped; a figure becomes `#` and its
/// digits ("1,200" → `#1200`).
#[must_use]
pub fn term(word: &str) -> Option<(String, f64)> {
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits: String = word
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let digits = digits.trim_end_matches('.');
        if digits.is_empty() {
            return None;
        }
        return Some((format!("#{digits}"), FIGURE_WEIGHT));
    }
    let lower: String = word
        .chars()
        .map(normalize::fold_quote)
        .flat_map(char::to_lowercase)
        .collect();
    let lower = lower.strip_suffix("'s").map_or(lower.as_str(), |s| s);
    // "F.B.I." and "FBI" are one name (the dots dropped when three letters or more remain).
    let undotted: String;
    let lower = if lower.contains('.')
        && lower.chars().all(|c| c == '.' || c.is_alphabetic())
        && lower.chars().filter(|c| *c != '.').count() >= 3
    {
        undotted = lower.chars().filter(|c| *c != '.').collect();
        undotted.as_str()
    } else {
        lower
    };
    let w = background::weight(lower);
    (w > 0.0 && lower.chars().count() > 1).then(|| (lower.to_string(), w))
}

/// The value of a number written in words starting at `words[i]` and how many words it
/// takes: "twelve" (12, 1), "eighty four" / "Eighty-four" (84, 2). Numbers below ten are
/// left as words: style guides spell them out, so outlets rarely differ on them, and "one"
/// is mostly not a figure.
fn spelled_number<S: AsRef<str>>(words: &[S], i: usize) -> Option<(f64, usize)> {
    let value = |k: usize| {
        let w = words.get(k)?.as_ref();
        // Most words are lower case already: lower-case only a capitalised one.
        let lower = if w.starts_with(char::is_uppercase) {
            std::borrow::Cow::Owned(w.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(w)
        };
        crate::detect::number_mismatch::small_number_word(&lower)
    };
    let first = value(i)?;
    if first >= 20.0
        && first % 10.0 == 0.0
        && let Some(units) = value(i + 1).filter(|u| (1.0..10.0).contains(u))
    {
        return Some((first + units, 2));
    }
    (first >= 10.0).then_some((first, 1))
}

/// One term of a run of words: the index of its first word, how many words it spans, its key
/// and weight (see [`term`]).
#[derive(Debug, Clone, PartialEq)]
pub struct TermAt {
    /// Index of the term's first word.
    pub word: usize,
    /// Words it spans (2 for "eighty four").
    pub len: usize,
    /// The term's key.
    pub key: String,
    /// Its weight.
    pub weight: f64,
}

/// The terms of a run of words in order: one per word with a [`term`], except that a number
/// written in words becomes the figure key its digits give, so that "Eighty-four ships" and
/// "84 ships" share the figure `#84`.
pub fn term_runs<S: AsRef<str>>(words: &[S]) -> impl Iterator<Item = TermAt> + '_ {
    // Lazy: a long paragraph's terms are read one by one, never held all at once.
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < words.len() {
            if let Some((value, len)) = spelled_number(words, i) {
                let at = i;
                i += len;
                return Some(TermAt {
                    word: at,
                    len,
                    key: format!("#{value}"),
                    weight: FIGURE_WEIGHT,
                });
            }
            let at = i;
            i += 1;
            if let Some((key, weight)) = words.get(at).and_then(|w| term(w.as_ref())) {
                return Some(TermAt {
                    word: at,
                    len: 1,
                    key,
                    weight,
                });
            }
        }
        None
    })
}

impl Terms {
    /// The vector of a text given as its words: weight × (1 + ln count) per term (see
    /// [`term_runs`]).
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let words: Vec<&str> = words.into_iter().collect();
        let mut counts: FxHashMap<String, (f64, u32)> = FxHashMap::default();
        for t in term_runs(&words) {
            counts.entry(t.key).or_insert((t.weight, 0)).1 += 1;
        }
        let mut terms: Vec<(String, f64)> = counts
            .into_iter()
            .map(|(k, (w, n))| (k, w * (1.0 + f64::from(n).ln())))
            .collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        Self::from_sorted(terms)
    }

    /// The vector of a text.
    #[must_use]
    pub fn of_text(text: &str) -> Self {
        Self::from_words(normalize::words(text).into_iter().map(|w| w.text))
    }

    fn from_sorted(terms: Vec<(String, f64)>) -> Self {
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        Self { terms, norm }
    }

    /// The sum of two vectors (a passage of several paragraphs).
    #[must_use]
    pub fn plus(&self, other: &Self) -> Self {
        let mut merged: Vec<(String, f64)> =
            Vec::with_capacity(self.terms.len() + other.terms.len());
        let (mut i, mut j) = (0, 0);
        while let (Some(a), Some(b)) = (self.terms.get(i), other.terms.get(j)) {
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => {
                    merged.push(a.clone());
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    merged.push(b.clone());
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    merged.push((a.0.clone(), a.1 + b.1));
                    i += 1;
                    j += 1;
                }
            }
        }
        merged.extend(self.terms.iter().skip(i).cloned());
        merged.extend(other.terms.iter().skip(j).cloned());
        Self::from_sorted(merged)
    }

    /// True when no word of the text carries a topic.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms and their weights, sorted by term.
    #[must_use]
    pub fn entries(&self) -> &[(String, f64)] {
        &self.terms
    }

    /// The weight of a term (0 when absent).
    #[must_use]
    pub fn get(&self, key: &str) -> f64 {
        self.terms
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .and_then(|i| self.terms.get(i))
            .map_or(0.0, |(_, w)| *w)
    }

    /// Cosine similarity, 0–1 (0 when either is empty): one merge over both sorted lists.
    #[must_use]
    pub fn cosine(&self, other: &Self) -> f64 {
        if self.norm <= 0.0 || other.norm <= 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while let (Some(a), Some(b)) = (self.terms.get(i), other.terms.get(j)) {
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a.1 * b.1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (dot / (self.norm * other.norm)).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_dropped_and_figures_kept() {
        let t = Terms::of_text("The senator's indictment, he said, cost $1,200.");
        let keys: Vec<&str> = t.entries().iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["#1200", "cost", "indictment", "senator"]);
    }

    #[test]
    fn numbers_in_words_share_the_figure_of_their_digits() {
        let keys = |text: &str| -> Vec<String> {
            Terms::of_text(text)
                .entries()
                .iter()
                .map(|(k, _)| k.clone())
                .collect()
        };
        assert_eq!(keys("Eighty-four ships"), ["#84", "ships"]);
        assert_eq!(keys("eighty four ships"), keys("84 ships"));
        assert_eq!(keys("twelve crews"), ["#12", "crews"]);
        assert_eq!(keys("the F.B.I. said"), keys("the FBI said"));
        // Numbers below ten stay words; a tens word alone is its own figure.
        assert_eq!(
            keys("three crews and forty ships"),
            ["#40", "crews", "ships"]
        );
        let runs: Vec<TermAt> = term_runs(&["Ninety", "-", "two", "ships"]).collect();
        assert_eq!(
            runs.first().map(|t| (t.key.as_str(), t.len)),
            Some(("#90", 1))
        );
    }

    #[test]
    fn cosine_sees_shared_facts_in_other_words() {
        let a = Terms::of_text("Farenthold resigned from Congress after a harassment settlement.");
        let b = Terms::of_text("Rep. Farenthold quits Congress over harassment payout.");
        let c = Terms::of_text("The ferry timetable changes in spring for island routes.");
        assert!(a.cosine(&b) > 0.4, "{}", a.cosine(&b));
        assert!(a.cosine(&c) < 0.01);
        assert!((a.cosine(&a) - 1.0).abs() < 1e-9);
        let ab = a.plus(&b);
        assert!(ab.cosine(&a) > a.cosine(&b));
        assert!(ab.get("farenthold") > a.get("farenthold"));
    }
}
