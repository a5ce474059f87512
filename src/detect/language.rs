//! Each article's language, detected with the `whatlang` crate (trigram profiles plus the
//! script), so that detectors built on English word lists and English grammar skip articles
//! in other languages instead of flagging Arabic or Chinese text with English rules.
//!
//! Rule, safe for English: an article whose letters are mostly in a non-Latin script
//! (Arabic, Han, Cyrillic, …) is not English; a Latin-script article is not English only
//! when whatlang names another language *and* calls its guess reliable. Short or mixed
//! Latin text therefore stays English and keeps every check. Only the first
//! [`SAMPLE_CHARS`] characters are read, so detection stays cheap on large files.

use std::fmt::Write as _;

use whatlang::{Lang, Script};

use crate::model::{Article, Comparison};

/// Characters of an article read for detection.
pub const SAMPLE_CHARS: usize = 20_000;

/// The detection kinds that only know English and skip articles in other languages
/// (`number_mismatch` still compares figures written in digits there, but not spelled-out
/// numbers).
pub const ENGLISH_ONLY: &[crate::model::FindingKind] = {
    use crate::model::FindingKind as K;
    &[
        K::GluedWords,
        K::StrayCapital,
        K::RepeatedWord,
        K::NameVariant,
        K::PronounShift,
        K::SpellingVariant,
        K::StrayFragment,
        K::ForeignPunctuation,
        K::DoubledAttribution,
        K::UntranslatedPassage,
        K::CreditMismatch,
    ]
};

/// An article's language as far as the detectors care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, or Latin-script text no reliable guess names otherwise.
    #[default]
    English,
    /// Another language (whatlang's code), with a reliable guess or a non-Latin script.
    Other(Lang),
    /// Too little text to tell, in a non-Latin script whatlang cannot name.
    Unknown,
}

impl Language {
    /// True when English-only rules may run.
    #[must_use]
    pub fn is_english(self) -> bool {
        self == Self::English
    }

    /// The ISO 639-3 code ("eng", "ara", "cmn"), or "und" when unknown.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "eng",
            Self::Other(l) => l.code(),
            Self::Unknown => "und",
        }
    }

    /// The language's English name ("Arabic").
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Other(l) => l.eng_name(),
            Self::Unknown => "an unrecognised language",
        }
    }
}

/// The language of a text (see the module docs for the rule).
#[must_use]
pub fn of_text(text: &str) -> Language {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return Language::English;
    }
    let latin = text
        .chars()
        .filter(|c| c.is_alphabetic() && is_latin(*c))
        .count();
    let info = whatlang::detect(text);
    if latin * 2 >= letters {
        return match info {
            Some(i) if i.lang() != Lang::Eng && i.is_reliable() && i.script() == Script::Latin => {
                Language::Other(i.lang())
            }
            _ => Language::English,
        };
    }
    match info {
        Some(i) if i.lang() != Lang::Eng => Language::Other(i.lang()),
        _ => Language::Unknown,
    }
}

/// Latin letters (Basic Latin through Latin Extended Additional).
fn is_latin(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// The language of an article, from its title and first paragraphs.
#[must_use]
pub fn of_article(article: &Article) -> Language {
    let mut sample = String::new();
    let mut n = 0usize;
    for p in &article.paragraphs {
        if n >= SAMPLE_CHARS {
            break;
        }
        let take = SAMPLE_CHARS - n;
        sample.extend(p.text.chars().take(take));
        sample.push('\n');
        n += p.text.chars().count().min(take) + 1;
    }
    of_text(&sample)
}

/// One plain note per article whose language made English-only checks skip it, e.g.
/// "[2] is in Arabic: the English-only checks (glued words, …) were not run on it."
/// Articles are numbered from 1, as the text report numbers them.
#[must_use]
pub fn skipped_notes(c: &Comparison) -> Vec<(usize, Language, String)> {
    let kinds: Vec<&str> = ENGLISH_ONLY.iter().map(|k| k.label()).collect();
    c.articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let lang = of_article(a);
            (!lang.is_english()).then(|| {
                let mut s = String::new();
                let reference = c.options.reference;
                let translation = if c.is_translation(i) {
                    format!(
                        ", aligned with [{}] as its translation (by sentence lengths, figures and names; no word diff)",
                        reference + 1
                    )
                } else if i == reference && (0..c.articles.len()).any(|a| c.is_translation(a)) {
                    ", the source the translations beside it are aligned with (by sentence lengths, figures and names; no word diff)".to_string()
                } else {
                    String::new()
                };
                let _ = write!(
                    s,
                    "[{}] is in {}{translation}: the English-only checks ({}, and spelled-out numbers) were not run on it.",
                    i + 1,
                    lang.name(),
                    kinds.join(", ").to_lowercase()
                );
                (i, lang, s)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_short_latin_text_stay_english() {
        assert_eq!(
            of_text("The harbour workers voted to end the strike on Wednesday, the union said."),
            Language::English
        );
        assert_eq!(of_text("Lannock at dawn."), Language::English);
        assert_eq!(of_text("12 345"), Language::English);
    }

    #[test]
    fn other_scripts_and_reliable_latin_languages_are_not_english() {
        let arabic = of_text(
            "قال الاتحاد إن عمال الميناء صوتوا لإنهاء الإضراب يوم الأربعاء بعد أسبوعين من المفاوضات.",
        );
        assert_eq!(arabic, Language::Other(Lang::Ara));
        assert_eq!(arabic.code(), "ara");
        let chinese = of_text("工会表示，港口工人周三投票结束罢工，此前双方进行了两周的谈判。");
        assert!(!chinese.is_english(), "{chinese:?}");
        let german = of_text(
            "Die Hafenarbeiter haben am Mittwoch für ein Ende des Streiks gestimmt, teilte die Gewerkschaft mit. Die Verhandlungen dauerten zwei Wochen.",
        );
        assert_eq!(german, Language::Other(Lang::Deu));
        assert_eq!(german.name(), "German");
    }

    #[test]
    fn notes_name_the_skipped_articles() {
        let c = crate::detect::testing::parallel(vec![
            crate::detect::testing::article(
                "en.txt",
                &["The union said the workers voted to end the strike."],
            ),
            crate::detect::testing::article(
                "ar.txt",
                &["قال الاتحاد إن عمال الميناء صوتوا لإنهاء الإضراب يوم الأربعاء."],
            ),
        ]);
        let notes = skipped_notes(&c);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].0, 1);
        assert!(
            notes[0]
                .2
                .starts_with("[2] is in Arabic: the English-only checks ("),
            "{}",
            notes[0].2
        );
        assert!(notes[0].2.contains("glued words"), "{}", notes[0].2);
        assert!(notes[0].2.ends_with("were not run on it."));
    }
}
