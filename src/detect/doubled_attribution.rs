//! Detector for `doubled_attribution` findings: two speech verbs for one quotation or
//! statement, as a translation or editing seam leaves them — "…,” she said. she declares.",
//! "“We are ready,” the minister said, he added." The second attribution is bare (subject and
//! speech verb, then the sentence ends), right after the first one's punctuation.
//!
//! Near-misses left alone: a second verb that goes on ("He said. He added that talks would
//! resume", "She said, adding …" has no finite verb), a new quotation after it ("He added:
//! “…”"), reported speech without punctuation between ("he said he said nothing"), and two
//! attributions in separate paragraphs. Speech verbs are data
//! (`detect/lexicon/en/speech_verbs.txt`).

use super::context::{Context, Hit, Tok, slice};
use super::lexicon::SPEECH_VERBS;
use crate::model::{Finding, FindingKind};

/// Finds `doubled_attribution` in the context's English articles.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    ctx.english_paragraph_findings(FindingKind::DoubledAttribution, doubled)
}

const PRONOUNS: [&str; 6] = ["he", "she", "they", "we", "i", "it"];

/// True when `words` can be the subject of an attribution: a pronoun, one to three
/// capitalised words ("Shoigu", "Ines Marrow"), or "the"/"a" and one or two words ("the
/// minister", "a spokesman").
fn subject(words: &[Tok]) -> bool {
    let capital = |w: &Tok| w.text.chars().next().is_some_and(char::is_uppercase);
    match words {
        [one] => PRONOUNS.contains(&one.lower.as_str()) || capital(one),
        [first, rest @ ..] if matches!(first.lower.as_str(), "the" | "a" | "an") => {
            (1..=2).contains(&rest.len()) && !rest.iter().any(|w| SPEECH_VERBS.contains(&w.lower))
        }
        _ => words.len() <= 3 && words.iter().all(capital),
    }
}

fn doubled(cs: &[char], ws: &[Tok]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(first) = ws.get(i).filter(|w| SPEECH_VERBS.contains(&w.lower)) else {
            i += 1;
            continue;
        };
        let found = (i + 2..=(i + 4).min(ws.len().saturating_sub(1))).find_map(|k| {
            let second = ws.get(k).filter(|w| SPEECH_VERBS.contains(&w.lower))?;
            let subj = ws.get(i + 1..k)?;
            let next = subj.first()?;
            // The first attribution ends with a comma, stop or semicolon — no quotation
            // or line break between.
            let gap = slice(cs, first.end, next.start);
            let ends = gap.contains([',', '.', ';']);
            let clean = !gap.contains(['"', '“', '”', '«', '\n', ':']);
            // Subject and second verb written together.
            let tight = ws.get(i + 1..=k)?.windows(2).all(|w| {
                w.first()
                    .zip(w.get(1))
                    .is_some_and(|(x, y)| slice(cs, x.end, y.start) == " ")
            });
            // The second attribution is bare: the sentence or clause ends after its verb.
            let tail: String = cs.get(second.end..).unwrap_or(&[]).iter().take(3).collect();
            let bare = tail.is_empty()
                || tail.starts_with('.') && !tail.starts_with("..")
                || tail.starts_with(',') && !tail.contains(['"', '“']);
            (ends && clean && tight && bare && subject(subj)).then_some(second)
        });
        if let Some(second) = found {
            out.push(Hit {
                start: first.start,
                end: second.end,
                message: format!(
                    "Two speech verbs attribute one statement (‘{}’ and ‘{}’); one is probably \
                     left from a translation or editing seam.",
                    first.text, second.text
                ),
                suggestion: Some(first.text.to_string()),
                related: Vec::new(),
            });
            i = ws
                .iter()
                .position(|w| w.start >= second.end)
                .unwrap_or(ws.len());
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found_in;

    fn found(text: &str) -> Vec<String> {
        found_in(detect, text).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn two_bare_attributions_for_one_quote() {
        assert_eq!(
            found("“We will not give in,” she said. she declares."),
            ["said. she declares"]
        );
        assert_eq!(
            found("“The port reopens on Monday,” the minister said, he added."),
            ["said, he added"]
        );
        assert_eq!(
            found("“Talks go on,” Marrow said. Marrow affirms."),
            ["said. Marrow affirms"]
        );
    }

    #[test]
    fn attributions_that_go_on_or_open_a_new_quote_are_left() {
        assert!(
            found("“We are ready,” he said. He added that talks would resume on Friday.")
                .is_empty()
        );
        assert!(found("“We are ready,” he said. He added: “The strike is over.”").is_empty());
        assert!(found("He said he said nothing of the kind to the union.").is_empty());
        assert!(found("“We are ready,” she said, adding that the port would reopen.").is_empty());
        assert!(found("The minister said the talks, she noted, would go on.").is_empty());
    }
}
