//! The background word-frequency table: how common each English word is in general text,
//! so that two open articles are enough to tell a distinctive word ("indictment",
//! "Farenthold") from an everyday one ("said", "week").
//!
//! The table is data (`src/coverage/en_background.txt`, from wordfreq's English list, see its
//! header), read once. Frequencies are Zipf values: log10 of occurrences per billion words.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The shipped table: `word<TAB>zipf×10` lines, `#` comments.
const TABLE: &str = include_str!("en_background.txt");

/// Zipf value of a word the table does not list (rarer than its last entries, 2.7): names,
/// technical terms, misspellings.
pub const UNLISTED_ZIPF: f64 = 1.5;

/// Zipf value at and above which a word is a function word ("the", "said", "would"): it
/// carries no topic and is left out of term vectors. Fitted on the BASIL dev triplets
/// (`cargo run --release --no-default-features --example coverage_eval`): 5.0–5.6 separate
/// same-event from different-event reports equally well; the higher value keeps more words.
pub const FUNCTION_WORD_ZIPF: f64 = 5.6;

static ZIPF: LazyLock<FxHashMap<&'static str, f64>> = LazyLock::new(|| parse(TABLE));

/// Parses a table in the shipped format; malformed lines are skipped.
#[must_use]
pub fn parse(text: &str) -> FxHashMap<&str, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (word, tenths) = l.split_once('\t')?;
            let tenths: u16 = tenths.trim().parse().ok()?;
            Some((word, f64::from(tenths) / 10.0))
        })
        .collect()
}

/// The Zipf frequency of a lower-case word ([`UNLISTED_ZIPF`] when the table lacks it).
#[must_use]
pub fn zipf(lower: &str) -> f64 {
    ZIPF.get(lower).copied().unwrap_or(UNLISTED_ZIPF)
}

/// How much a word says about a text's topic: 0 for function words, rising as the word gets
/// rarer in general text (an inverse document frequency read from the background table).
#[must_use]
pub fn weight(lower: &str) -> f64 {
    let z = zipf(lower);
    if z >= FUNCTION_WORD_ZIPF {
        0.0
    } else {
        (7.0 - z).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_nothing_and_rare_ones_much() {
        assert!(weight("the").abs() < f64::EPSILON);
        assert!(weight("said").abs() < f64::EPSILON);
        assert!(weight("indictment") > weight("week"));
        assert!(weight("farenthold") > weight("indictment"));
    }

    #[test]
    fn the_table_is_read_and_bad_lines_are_skipped() {
        assert!(ZIPF.len() > 30_000);
        let t = parse("# c\nfoo\t40\nbar\nbaz\tx\n");
        assert_eq!(t.len(), 1);
        assert!((t.get("foo").copied().unwrap_or(0.0) - 4.0).abs() < 1e-9);
    }
}
