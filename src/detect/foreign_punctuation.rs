//! Detector for `foreign_punctuation` findings: another language's typography left in
//! English text, as machine translation and copy from foreign editions leave it —
//!
//! - guillemets `« »` and `‹ ›` (French, Russian, Swiss German), the low opening quotes `„`
//!   and `‚` (German, Polish, Czech …);
//! - French spacing: a space (plain, no-break or narrow no-break) before `:`, `;`, `?` or `!`.
//!
//! Near-misses left alone: a space before `?` or `!` that stands alone between spaces (a
//! quoted "?" or an exclamation used as a word), `:` between digits ("10 : 30" is a score),
//! emoticons (" :)"), and any article that is not English (there these marks are right).

use super::context::{Context, Hit};
use crate::model::{Finding, FindingKind};

/// Finds `foreign_punctuation` in the context's English articles.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    ctx.english_paragraph_findings(FindingKind::ForeignPunctuation, |cs, _| marks(cs))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// The English mark for a foreign quotation mark.
fn english_quote(c: char) -> Option<&'static str> {
    match c {
        '«' | '„' => Some("“"),
        '»' => Some("”"),
        '‹' | '‚' => Some("‘"),
        '›' => Some("’"),
        _ => None,
    }
}

fn marks(cs: &[char]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        if let Some(english) = english_quote(c) {
            // "‚" is also a comma look-alike: only a quote when a letter follows.
            if c == '‚' && !cs.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
                continue;
            }
            out.push(Hit {
                start: i,
                end: i + 1,
                message: format!(
                    "‘{c}’ is another language's quotation mark; English text uses ‘{english}’."
                ),
                suggestion: Some(english.to_string()),
                related: Vec::new(),
            });
            continue;
        }
        if !matches!(c, ':' | ';' | '?' | '!') || i == 0 {
            continue;
        }
        if !cs.get(i - 1).copied().is_some_and(is_space) {
            continue;
        }
        let mut s = i - 1;
        while s > 0 && cs.get(s - 1).copied().is_some_and(is_space) {
            s -= 1;
        }
        let before = if s == 0 { None } else { cs.get(s - 1).copied() };
        let after = cs.get(i + 1).copied();
        let Some(before) =
            before.filter(|b| b.is_alphanumeric() || matches!(b, '"' | '”' | '’' | ')' | '»'))
        else {
            continue;
        };
        // "10 : 30" (a score), " :)" (an emoticon), " ? " standing alone.
        if c == ':'
            && before.is_ascii_digit()
            && after.is_some_and(|a| a == ' ' || a.is_ascii_digit())
        {
            continue;
        }
        if after.is_some_and(|a| matches!(a, ')' | '(' | '-' | 'D' | 'P')) && c == ':' {
            continue;
        }
        out.push(Hit {
            start: s,
            end: i + 1,
            message: format!(
                "A space stands before ‘{c}’, as French typography sets it; English sets the \
                 mark right after the word."
            ),
            suggestion: Some(c.to_string()),
            related: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found_in;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        found_in(detect, text)
            .into_iter()
            .map(|f| (f.text, f.suggestion))
            .collect()
    }

    #[test]
    fn guillemets_and_low_quotes_in_english() {
        let hits = found("The minister said «we will not give in» before leaving the harbour.");
        assert_eq!(
            hits,
            [
                ("«".to_string(), Some("“".to_string())),
                ("»".to_string(), Some("”".to_string()))
            ]
        );
        assert_eq!(
            found("He called it „a fair deal“ on Monday evening.").len(),
            1
        );
    }

    #[test]
    fn french_spacing_before_colon_and_question_mark() {
        let hits = found("The question remains : who pays ? Nobody knows yet, officials said.");
        let texts: Vec<&str> = hits.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, [" :", " ?"]);
        assert_eq!(
            found("Is it over\u{202f}? Not yet, the union said.").len(),
            1
        );
    }

    #[test]
    fn scores_emoticons_and_plain_english_are_left() {
        assert!(found("The final score was 10 : 30 after extra time in the capital.").is_empty());
        assert!(found("She signed off with a smile :) and left the meeting early.").is_empty());
        assert!(
            found("“Is it over?” she asked. “Yes!” they said: the strike had ended.").is_empty()
        );
        assert!(found("Sales fell, he said; it was ‚unexpected‘").len() == 1);
    }

    #[test]
    fn french_text_keeps_its_own_typography() {
        assert!(
            found("Le ministre a déclaré : « Nous ne céderons pas ». Qui paiera ? Personne ne le sait.")
                .is_empty()
        );
    }
}
