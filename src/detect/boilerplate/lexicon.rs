//! The word lists of the boilerplate signals, read once from `detect/lexicon/en/*.txt`
//! (one entry per line, `#` comment lines, sorted, no duplicates). A small private loader:
//! a shared `detect::lexicon` replaces it when the branches meet.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Every list the boilerplate signals use.
pub(super) struct Lexicon {
    /// Phrases that open page text.
    pub lead_cues: Vec<String>,
    /// Phrases that mark page text anywhere in a short passage.
    pub strong_phrases: Vec<String>,
    /// Phrases that mark page text in a short passage that is not a sentence.
    pub weak_phrases: Vec<String>,
    /// Phrases that open a page-text sentence inside a paragraph.
    pub sentence_leads: Vec<String>,
    /// Phrases that mark a page-text sentence inside a paragraph.
    pub sentence_phrases: Vec<String>,
    /// Single cue words.
    pub cue_words: HashSet<String>,
    /// Month names.
    pub months: HashSet<String>,
    /// Gallery counter words.
    pub gallery_words: HashSet<String>,
    /// Picture and news agencies.
    pub agencies: HashSet<String>,
    /// Words addressing the reader.
    pub second_person: HashSet<String>,
    /// Verbs of an instruction to the reader.
    pub imperatives: HashSet<String>,
}

/// The entries of a list file: trimmed lines that are neither empty nor comments.
pub(super) fn entries(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The raw list files, by name, for the tests that check they are sorted.
pub(super) const FILES: [(&str, &str); 11] = [
    (
        "lead_cues",
        include_str!("../lexicon/en/boilerplate_lead_cues.txt"),
    ),
    (
        "strong_phrases",
        include_str!("../lexicon/en/boilerplate_strong_phrases.txt"),
    ),
    (
        "weak_phrases",
        include_str!("../lexicon/en/boilerplate_weak_phrases.txt"),
    ),
    (
        "sentence_leads",
        include_str!("../lexicon/en/boilerplate_sentence_leads.txt"),
    ),
    (
        "sentence_phrases",
        include_str!("../lexicon/en/boilerplate_sentence_phrases.txt"),
    ),
    (
        "cue_words",
        include_str!("../lexicon/en/boilerplate_cue_words.txt"),
    ),
    (
        "months",
        include_str!("../lexicon/en/boilerplate_months.txt"),
    ),
    (
        "gallery_words",
        include_str!("../lexicon/en/boilerplate_gallery_words.txt"),
    ),
    (
        "agencies",
        include_str!("../lexicon/en/boilerplate_agencies.txt"),
    ),
    (
        "second_person",
        include_str!("../lexicon/en/boilerplate_second_person.txt"),
    ),
    (
        "imperatives",
        include_str!("../lexicon/en/boilerplate_imperatives.txt"),
    ),
];

fn list(name: &str) -> Vec<String> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| entries(t))
        .unwrap_or_default()
}

fn set(name: &str) -> HashSet<String> {
    list(name).into_iter().collect()
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    lead_cues: list("lead_cues"),
    strong_phrases: list("strong_phrases"),
    weak_phrases: list("weak_phrases"),
    sentence_leads: list("sentence_leads"),
    sentence_phrases: list("sentence_phrases"),
    cue_words: set("cue_words"),
    months: set("months"),
    gallery_words: set("gallery_words"),
    agencies: set("agencies"),
    second_person: set("second_person"),
    imperatives: set("imperatives"),
});

/// The lists, loaded on first use.
pub(super) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_files_are_sorted_deduplicated_and_lower_case() {
        for (name, text) in FILES {
            let raw: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            assert!(!raw.is_empty(), "{name} is empty");
            assert!(text.starts_with('#'), "{name} has no comment header");
            let want = entries(text);
            assert_eq!(raw, want, "{name} is not sorted or has duplicates");
            assert!(
                raw.iter().all(|e| *e == e.to_lowercase()),
                "{name} not lower case"
            );
        }
    }

    #[test]
    fn entries_skip_comments_and_blank_lines() {
        assert_eq!(entries("# head\n\nb\n a \n# x\nb\n"), ["a", "b"]);
        assert!(lexicon().lead_cues.iter().any(|c| c == "see also"));
        assert!(lexicon().months.contains("march"));
    }
}
