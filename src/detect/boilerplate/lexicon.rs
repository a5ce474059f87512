//! The word lists of the boilerplate signals, read once from `detect/lexicon/en/*.txt`
//! with the shared list reader ([`crate::detect::lexicon::entries`]); the lexicon's own test
//! checks that every file is sorted, deduplicated and lower case.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::detect::lexicon::entries;

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
        .map(|(_, t)| entries(t).map(str::to_string).collect())
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
    fn every_list_loads_and_is_looked_up() {
        for (name, text) in FILES {
            assert!(entries(text).next().is_some(), "{name} is empty");
            assert!(text.starts_with('#'), "{name} has no comment header");
        }
        assert!(lexicon().lead_cues.iter().any(|c| c == "see also"));
        assert!(lexicon().months.contains("march"));
    }
}
