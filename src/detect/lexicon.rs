//! Word lists as data: `src/detect/lexicon/<lang>/<name>.txt`, one entry (a word, a word
//! ending or a phrase) per line, `#` starts a comment line, blank lines are skipped.
//! Each file is compiled in with `include_str!` and parsed once, on first use, into a
//! set behind a [`LazyLock`] static; detectors look entries up with `contains`.
//!
//! The loader is generic ([`parse`] takes a file's text), so any module can keep its own
//! lists beside these: `static MINE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!("lexicon/en/mine.txt")));`.
//! A unit test checks that every `.txt` file under `lexicon/` is sorted, free of duplicates
//! and lower case (unless its header says `# case-sensitive`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One word list: its entries in file order and as a set.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    entries: Vec<&'static str>,
    set: HashSet<&'static str>,
}

impl Lexicon {
    /// Parses a list file's text: one entry per line (trimmed), `#` comment lines and blank
    /// lines skipped.
    #[must_use]
    pub(crate) fn parse(text: &'static str) -> Self {
        let entries: Vec<&'static str> = entries(text).collect();
        let set = entries.iter().copied().collect();
        Self { entries, set }
    }

    /// True when `entry` is in the list (exact match: lists are lower case, so look up
    /// lower-cased words).
    #[must_use]
    pub(crate) fn contains(&self, entry: &str) -> bool {
        self.set.contains(entry)
    }

    /// The entries in file (sorted) order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().copied()
    }
}

/// The entries of a list file's text: trimmed lines that are neither blank nor `#` comments.
pub(crate) fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Pairs `a b` per line (for replacement tables such as UK → US stems).
pub(crate) fn pairs(text: &'static str) -> Vec<(&'static str, &'static str)> {
    entries(text)
        .filter_map(|l| l.split_once(char::is_whitespace))
        .map(|(a, b)| (a, b.trim()))
        .collect()
}

/// `word number` lines as a map (lines whose number does not parse are skipped).
pub(crate) fn values(text: &'static str) -> HashMap<&'static str, f64> {
    pairs(text)
        .into_iter()
        .filter_map(|(w, v)| v.parse().ok().map(|v| (w, v)))
        .collect()
}

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(crate) static $name: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::parse(include_str!(concat!("lexicon/en/", $file, ".txt"))));
    };
}

lexicon!(
    /// The most common English function words (a capitalised one mid-sentence is almost never a name).
    FUNCTION_WORDS, "function_words"
);
lexicon!(
    /// Surname and particle prefixes written with a capital after them (Mc, Di, La).
    NAME_PREFIXES, "name_prefixes"
);
lexicon!(
    /// Well-known camel-case names whose parts are ordinary words.
    CAMEL_NAMES, "camel_names"
);
lexicon!(
    /// Prefixes and particles written with a hyphen before a capital (`anti-`, `mid-`, `al-`).
    HYPHEN_PREFIXES, "hyphen_prefixes"
);
lexicon!(
    /// Function words glued onto the end of a name when a link ends.
    GLUED_TAILS, "glued_tails"
);
lexicon!(
    /// Function words that are also names or months: never judged as stray capitals.
    AMBIGUOUS_CAPITALS, "ambiguous_capitals"
);
lexicon!(
    /// Determiners and possessives.
    DETERMINERS, "determiners"
);
lexicon!(
    /// Pronouns and forms of "be".
    PRONOUN_LIKE, "pronoun_like"
);
lexicon!(
    /// Endings of abstract nouns, which are rarely names.
    NOUN_ENDINGS, "noun_endings"
);
lexicon!(
    /// Words English legitimately doubles ("very very").
    DOUBLING_OK, "doubling_ok"
);
lexicon!(
    /// Words English legitimately joins to themselves with and/or ("more and more").
    AND_OK, "and_ok"
);
lexicon!(
    /// Words opening a qualifier after the second copy of "X and X" ("patients and patients
    /// with …"): a second, qualified group, not a doubled word.
    AND_QUALIFIERS, "and_qualifiers"
);
lexicon!(
    /// Country, region and continent names.
    COUNTRIES, "countries"
);
lexicon!(
    /// Days, months and titles that are not names.
    NOT_NAMES, "not_names"
);
lexicon!(
    /// Words that carry no meaning as the context of a figure.
    NUMBER_CONTEXT_STOP, "number_context_stop"
);
lexicon!(
    /// Common male first names.
    MALE_NAMES, "male_names"
);
lexicon!(
    /// Common female first names.
    FEMALE_NAMES, "female_names"
);
lexicon!(
    /// Words marking a run of capitalised words as an organisation.
    ORG_WORDS, "org_words"
);
lexicon!(
    /// Speech verbs of attribution ("said", "adds"): the doubled-attribution detector's.
    SPEECH_VERBS, "speech_verbs"
);
lexicon!(
    /// Abbreviations a full stop follows without ending a sentence ("Mr.", "Gen.").
    ABBREVIATIONS, "abbreviations"
);

/// Whole-stem UK → US replacements no suffix rule covers.
pub(crate) static SPELLING_STEMS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| pairs(include_str!("lexicon/en/spelling_stems.txt")));

/// English number words below a hundred and their values.
pub(crate) static NUMBER_WORDS: LazyLock<HashMap<&'static str, f64>> =
    LazyLock::new(|| values(include_str!("lexicon/en/number_words.txt")));

/// Scale words ("million", "bn") and their factors.
pub(crate) static SCALE_WORDS: LazyLock<HashMap<&'static str, f64>> =
    LazyLock::new(|| values(include_str!("lexicon/en/scale_words.txt")));

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn parse_skips_comments_and_blanks_and_finds_entries() {
        let l = Lexicon::parse("# a comment\n\nalpha\n  beta \n#gamma\n");
        assert!(l.contains("alpha"));
        assert!(l.contains("beta"));
        assert!(!l.contains("gamma"));
        assert!(!l.contains("# a comment"));
        assert_eq!(l.iter().collect::<Vec<_>>(), ["alpha", "beta"]);
        assert_eq!(
            pairs("# x\ngrey gray\nmould  mold\n"),
            [("grey", "gray"), ("mould", "mold")]
        );
    }

    #[test]
    fn statics_load() {
        assert!(FUNCTION_WORDS.contains("its"));
        assert!(!FUNCTION_WORDS.contains("harbour"));
        assert!(COUNTRIES.contains("china"));
        assert!(MALE_NAMES.contains("john"));
        assert!(FEMALE_NAMES.contains("mary"));
        assert!(ABBREVIATIONS.contains("mr"));
        assert!(SPELLING_STEMS.contains(&("grey", "gray")));
        assert_eq!(NUMBER_WORDS.get("seventeen"), Some(&17.0));
        assert_eq!(NUMBER_WORDS.len(), 28);
        assert_eq!(SCALE_WORDS.get("bn"), Some(&1e9));
        assert_eq!(values("# c\nten 10\nbad x\n").len(), 1);
    }

    /// Every list file under `src/detect/lexicon/` (including ones other modules load) is
    /// sorted, without duplicates, and lower case unless its header says `# case-sensitive`.
    #[test]
    fn every_lexicon_file_is_sorted_deduplicated_and_lower_case() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detect/lexicon");
        let mut files = Vec::new();
        let mut dirs = vec![root];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        }
        assert!(files.len() >= 20, "{files:?}");
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let case_sensitive = text.lines().any(|l| l.trim() == "# case-sensitive");
            let list: Vec<&str> = entries(&text).collect();
            assert!(!list.is_empty(), "{} is empty", f.display());
            for w in list.windows(2) {
                assert!(
                    w[0] < w[1],
                    "{}: {:?} before {:?} (unsorted or duplicate)",
                    f.display(),
                    w[0],
                    w[1]
                );
            }
            if !case_sensitive {
                for w in &list {
                    assert_eq!(
                        *w,
                        w.to_lowercase(),
                        "{}: {w:?} not lower case",
                        f.display()
                    );
                }
            }
        }
    }
}
