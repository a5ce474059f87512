//! Detector for `repeated_word` findings: a word written twice in a row ("the the",
//! "misunderstandings, misunderstandings") or joined to itself by "and"/"or"
//! ("prosperous and prosperous"), leaving out legitimate reduplication
//! ("very, very", "had had", "more and more", "step by step").

use super::context::{Context, Hit, Tok, is_function_word, slice};
use super::lexicon::{AND_OK, AND_QUALIFIERS, DOUBLING_OK};
use crate::model::{Finding, FindingKind};

/// Finds `repeated_word` in the comparison.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    ctx.english_paragraph_findings(FindingKind::RepeatedWord, |cs, ws| {
        let mut hits = Vec::new();
        let mut i = 0;
        while i + 1 < ws.len() {
            if let Some((end_index, hit)) = repeat_at(cs, ws, i) {
                hits.push(hit);
                i = end_index + 1;
            } else {
                i += 1;
            }
        }
        hits
    })
}

/// A repeat starting at word `i`: returns the index of the repeated copy and the hit.
fn repeat_at(cs: &[char], ws: &[Tok], i: usize) -> Option<(usize, Hit)> {
    let first = ws.get(i)?;
    let second = ws.get(i + 1)?;
    // Most word pairs differ: compare case-insensitively before building anything.
    if !lower_eq(&second.text, &first.text)
        && !ws.get(i + 2).is_some_and(|third| {
            (lower_eq(&second.text, "and") || lower_eq(&second.text, "or"))
                && lower_eq(&third.text, &first.text)
        })
    {
        return None;
    }
    if !eligible(&first.text) {
        return None;
    }
    let lower = first.text.to_lowercase();
    let gap = slice(cs, first.end, second.start);
    // "the the" / "misunderstandings, misunderstandings"
    if second.text.to_lowercase() == lower
        && same_shape(&first.text, &second.text)
        && (gap.trim().is_empty() || gap.trim() == ",")
        && !gap.contains('\n')
        && !DOUBLING_OK.contains(&lower)
        && !(gap.trim() == "," && is_capital_name(&first.text))
        // "great, great" / "big, big": a short word repeated after a comma is emphasis.
        && !(gap.trim() == "," && lower.chars().count() <= 5)
        && !is_capital_name_pair(&first.text, &second.text)
    {
        let message =
            "This word is written twice in a row; one copy is probably a mistake.".to_string();
        return Some((
            i + 1,
            Hit {
                start: first.start,
                end: second.end,
                message,
                suggestion: Some(first.text.to_string()),
                related: Vec::new(),
            },
        ));
    }
    // "prosperous and prosperous"
    let third = ws.get(i + 2)?;
    let joiner = second.text.to_lowercase();
    if (joiner == "and" || joiner == "or")
        && third.text.to_lowercase() == lower
        && same_shape(&first.text, &third.text)
        && slice(cs, first.end, second.start).trim().is_empty()
        && slice(cs, second.end, third.start).trim().is_empty()
        && !AND_OK.contains(&lower)
        // "patients and patients with health problems": the second copy is qualified.
        && !ws.get(i + 3).is_some_and(|next| {
            slice(cs, third.end, next.start).trim().is_empty()
                && AND_QUALIFIERS.contains(&next.text.to_lowercase())
        })
        && !lower.ends_with("er")
        && !is_capital_name(&first.text)
        && lower.chars().count() >= 3
    {
        let message = format!(
            "\u{201C}{}\u{201D} is joined to itself with \u{201C}{}\u{201D}; a second, different word was probably meant, or the repeat should go.",
            first.text, second.text
        );
        return Some((
            i + 2,
            Hit {
                start: first.start,
                end: third.end,
                message,
                suggestion: Some(first.text.to_string()),
                related: Vec::new(),
            },
        ));
    }
    None
}

/// True when the two words are equal in lower case (`str::to_lowercase`), without
/// allocating when both are ASCII.
fn lower_eq(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Words worth checking: letters only (no numbers), not a single letter other than "a".
fn eligible(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && (word.chars().count() > 1 || word.eq_ignore_ascii_case("a"))
}

/// Both copies written alike, or the first capitalised at a sentence start ("The the").
fn same_shape(first: &str, second: &str) -> bool {
    first == second || (second.chars().all(|c| !c.is_uppercase()))
}

/// A capitalised word that is not a function word: possibly a name ("Bora Bora").
fn is_capital_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !is_function_word(&word.to_lowercase())
}

/// Two capitalised copies of a non-function word: a doubled name ("Walla Walla").
fn is_capital_name_pair(first: &str, second: &str) -> bool {
    is_capital_name(first) && is_capital_name(second)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use crate::detect::context::Context;

    /// The detector over a freshly built context.
    fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
        super::detect(&Context::new(c))
    }
    use crate::detect::testing::comparison_of;

    fn found(text: &str) -> Vec<(String, Option<String>, usize)> {
        detect(&comparison_of(&[&[text]]))
            .into_iter()
            .map(|f| (f.text, f.suggestion, f.start))
            .collect()
    }

    #[test]
    fn flags_doubled_words_with_offsets_and_suggestion() {
        let f = detect(&comparison_of(&[&["We saw the the harbour."]]));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end), (7, 14));
        assert_eq!(f[0].text, "the the");
        assert_eq!(f[0].suggestion.as_deref(), Some("the"));
        assert!(f[0].message.contains("twice"));
        assert_eq!(
            found("to avoid delays, delays or worse."),
            [("delays, delays".to_string(), Some("delays".to_string()), 9)]
        );
    }

    #[test]
    fn flags_word_joined_to_itself() {
        assert_eq!(
            found("a calm and calm harbour"),
            [("calm and calm".to_string(), Some("calm".to_string()), 2)]
        );
        // A verb, not a qualifier, follows the second copy.
        assert_eq!(
            found("Shipments of cargo and cargo fell by a fifth.").len(),
            1
        );
    }

    #[test]
    fn leaves_legitimate_reduplication() {
        for text in [
            "It was very, very cold.",
            "A great, great day.",
            "She had had enough.",
            "He said that that was fine.",
            "Bye bye, they said.",
            "It rained again and again.",
            "More and more ships, over and over, step by step.",
            "Prices rose faster and faster.",
            "In 1998 1998 was a year.",
            "They went to Walla Walla.",
            "hundreds and hundreds of boxes",
            "They met retired dockers and dockers from the ferry lines.",
            "The strike hit exports and exports by sea hardest.",
            "The quay.\n\nThe end.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
