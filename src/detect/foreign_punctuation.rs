//! Detector for `foreign_punctuation` findings: another language's typography left in
//! English text, as machine translation and copy from foreign editions leave it —
//!
//! - guillemets `« »` and `‹ ›` (French, Russian, Swiss German), the low opening quotes `„`
//!   and `‚` (German, Polish, Czech …);
//! - French spacing: a space (plain, no-break or narrow no-break) before `:`, `;`, `?` or `!`.
//!
//! - Chinese and Japanese punctuation: the full-width marks `，。：；？！（）、【】《》「」『』`
//!   and the six-dot Chinese ellipsis (`……`, `......`), with the English mark as the
//!   suggestion; an ellipsis run straight into the next sentence ("prefix"...Recently"), as
//!   Chinese sets it (English puts a space after it) — unless the mark stands next to Chinese or Japanese letters, where it is
//!   part of an untranslated passage (`untranslated_passage`'s finding).
//!
//! Near-misses left alone: a space before `?` or `!` that stands alone between spaces (a
//! quoted "?" or an exclamation used as a word), `:` between digits ("10 : 30" is a score),
//! emoticons (" :)"), and any article that is not English (there these marks are right).

use super::context::{Context, Hit};
use super::untranslated_passage::is_cjk_letter;
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

/// The English mark for a Chinese or Japanese full-width one.
fn english_mark(c: char) -> Option<&'static str> {
    Some(match c {
        '，' | '、' => ",",
        '。' => ".",
        '：' => ":",
        '；' => ";",
        '？' => "?",
        '！' => "!",
        '（' => "(",
        '）' => ")",
        '【' => "[",
        '】' => "]",
        '《' | '「' => "“",
        '》' | '」' => "”",
        '『' => "‘",
        '』' => "’",
        _ => return None,
    })
}

/// The finding for a full-width mark.
fn full_width(c: char, i: usize, english: &str) -> Hit {
    Hit {
        start: i,
        end: i + 1,
        message: format!(
            "‘{c}’ is Chinese or Japanese (full-width) punctuation; English text uses ‘{english}’."
        ),
        suggestion: Some(english.to_string()),
        related: Vec::new(),
    }
}

/// True when a Chinese or Japanese letter stands next to `i` (spaces skipped).
fn next_to_cjk(cs: &[char], i: usize) -> bool {
    let before = cs
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|c| !c.is_whitespace());
    let after = cs
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|c| !c.is_whitespace());
    before.is_some_and(|&c| is_cjk_letter(c)) || after.is_some_and(|&c| is_cjk_letter(c))
}

/// The length of an English ellipsis ("..." or "…") at `i` that a capital follows with no
/// space ("prefix...Recently"), after a word or quotation mark.
fn ellipsis_run_on(cs: &[char], i: usize) -> Option<usize> {
    let len = if cs.get(i) == Some(&'…') && cs.get(i + 1) != Some(&'…') {
        1
    } else if cs.get(i..i + 3) == Some(&['.', '.', '.'][..]) && cs.get(i + 3) != Some(&'.') {
        3
    } else {
        return None;
    };
    let before = i.checked_sub(1).and_then(|k| cs.get(k))?;
    if before.is_whitespace() || *before == '.' {
        return None;
    }
    cs.get(i + len)
        .is_some_and(|c| c.is_uppercase())
        .then_some(len)
}

fn slice_of(cs: &[char], start: usize, end: usize) -> String {
    cs.get(start..end).unwrap_or(&[]).iter().collect()
}

/// The length of a six-dot Chinese ellipsis at `i` (`……` or six or more full stops).
fn chinese_ellipsis(cs: &[char], i: usize) -> usize {
    let run = |m: char| {
        cs.get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&c| c == m)
            .count()
    };
    let (ellipses, stops) = (run('…'), run('.'));
    if ellipses >= 2 {
        ellipses
    } else if stops >= 6 {
        stops
    } else {
        0
    }
}

fn marks(cs: &[char]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (i, &c) in cs.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        if let Some(english) = english_mark(c) {
            if !next_to_cjk(cs, i) {
                out.push(full_width(c, i, english));
            }
            continue;
        }
        if let Some(len) = ellipsis_run_on(cs, i) {
            skip_to = i + len;
            out.push(Hit {
                start: i,
                end: i + len,
                message: "This ellipsis runs straight into the next sentence, as Chinese sets its \
                          ellipsis; English puts a space after it."
                    .to_string(),
                suggestion: Some(format!("{} ", slice_of(cs, i, i + len))),
                related: Vec::new(),
            });
            continue;
        }
        let dots = chinese_ellipsis(cs, i);
        if dots > 0 {
            skip_to = i + dots;
            if !next_to_cjk(cs, i) {
                out.push(Hit {
                    start: i,
                    end: i + dots,
                    message:
                        "A six-dot ellipsis is Chinese typography; English uses three dots (…)."
                            .to_string(),
                    suggestion: Some("…".to_string()),
                    related: Vec::new(),
                });
            }
            continue;
        }
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
    fn chinese_punctuation_in_english() {
        let hits = found("The port reopened，the union said： talks resume on Monday。");
        let got: Vec<Option<String>> = hits.into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            got,
            [
                Some(",".to_string()),
                Some(":".to_string()),
                Some(".".to_string())
            ]
        );
        let dots = found("Prices rose in the technology sector...... and then fell again.");
        assert_eq!(dots, [("......".to_string(), Some("…".to_string()))]);
        assert_eq!(
            found("He paused…… and went on speaking to the crowd.").len(),
            1
        );
        // An English ellipsis is English.
        assert!(found("He paused... and went on… speaking to the crowd.").is_empty());
        // Run into the next sentence, it is set as Chinese sets its ellipsis.
        let run_on = found("Prices have seen “3 prefix”...Recently the bureau said so.");
        assert_eq!(run_on, [("...".to_string(), Some("... ".to_string()))]);
        assert!(found("He said...Nothing more. The U.S...").len() == 1);
        // Next to Chinese letters the marks belong to the untranslated passage.
        assert!(found("The banner read 港口工人，继续罢工！ on every gate.").is_empty());
    }

    #[test]
    fn french_text_keeps_its_own_typography() {
        assert!(
            found("Le ministre a déclaré : « Nous ne céderons pas ». Qui paiera ? Personne ne le sait.")
                .is_empty()
        );
    }
}
