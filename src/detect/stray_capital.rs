//! Detector for `stray_capital` findings: capitalised words mid-sentence where link or
//! heading text was pasted in ("Russia And Its invasion", "preserving it Lines of
//! communication").
//!
//! Rules:
//! - a capitalised function word (And, Its, The, With, ...) that is not at a sentence
//!   start, unless it sits inside a title or name ("Bank Of America", "The Hague");
//! - a capitalised ordinary word between two lower-case words, when the comparison writes
//!   the same word in lower case elsewhere, or when its ending marks an abstract noun
//!   ("-tion", "-ment", "-ness") and it is capitalised nowhere else.
//!
//! Sentence starts, words after colons, quotes and dashes, headline-style paragraphs,
//! acronyms and names (words never written in lower case) are left alone.

use super::context::{
    Context, Evidence, Hit, Tok, is_capitalised, is_function_word, is_lowercase_word,
    letters_part as core, slice,
};
use super::lexicon::{AMBIGUOUS_CAPITALS, DETERMINERS, NOUN_ENDINGS, PRONOUN_LIKE};
use crate::model::{Finding, FindingKind};

/// Finds `stray_capital` in the comparison.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in (0..ctx.article_count()).filter(|&a| ctx.english(a)) {
        // Only the articles this one shares evidence with (not one about another story).
        let vocab = ctx.vocab.seen_from(a);
        for (p, para) in ctx.article(a).paragraphs.iter().enumerate() {
            let cs = &para.chars;
            let ws = ctx.para_words(a, p);
            if is_headline(ws) {
                continue;
            }
            let flagged = flag_words(cs, ws, vocab);
            for (first, last, reason) in merge(&flagged) {
                let (Some(w0), Some(w1)) = (ws.get(first), ws.get(last)) else {
                    continue;
                };
                let text = slice(cs, w0.start, w1.end);
                let plural = first != last;
                let (these, is) = if plural {
                    ("These words are", "are")
                } else {
                    ("This word is", "is")
                };
                let message = match reason {
                    Reason::Function => format!(
                        "{these} capitalised in the middle of a sentence, as if link or heading text was pasted in; words like this are normally lower case."
                    ),
                    Reason::LowerElsewhere => format!(
                        "{these} capitalised in the middle of a sentence although the text writes {} in lower case elsewhere; link or heading text was probably pasted in.",
                        if plural { "them" } else { "it" }
                    ),
                    Reason::Ending => format!(
                        "An ordinary noun {is} capitalised in the middle of a sentence here; link or heading text was probably pasted in."
                    ),
                };
                out.extend(ctx.finding(
                    FindingKind::StrayCapital,
                    a,
                    p,
                    Hit {
                        start: w0.start,
                        end: w1.end,
                        message,
                        suggestion: Some(text.to_lowercase()),
                        related: Vec::new(),
                    },
                ));
            }
        }
    }
    out
}

/// Why a word was flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    Function,
    LowerElsewhere,
    Ending,
}

/// A paragraph in headline style: most words capitalised.
fn is_headline(ws: &[Tok]) -> bool {
    let (mut letters, mut capitals) = (0usize, 0usize);
    for c in ws.iter().filter_map(|w| w.text.chars().next()) {
        if c.is_alphabetic() {
            letters += 1;
            capitals += usize::from(c.is_uppercase());
        }
    }
    if letters < 3 {
        return true;
    }
    capitals * 10 >= letters * 6
}

/// True when only spaces separate words `i` and `i + 1`.
fn joined(cs: &[char], ws: &[Tok], i: usize) -> bool {
    match (ws.get(i), ws.get(i + 1)) {
        (Some(a), Some(b)) => {
            // The chars between them, clamped as [`slice`] clamps.
            let end = b.start.min(cs.len());
            cs.get(a.end.min(end)..end)
                .unwrap_or(&[])
                .iter()
                .all(|&c| c == ' ' || c == '\u{A0}')
        }
        _ => false,
    }
}

/// True when the word starts with an upper-case letter.
fn starts_upper(w: &Tok) -> bool {
    w.text.chars().next().is_some_and(char::is_uppercase)
}

/// The flagged word indices with their reason.
fn flag_words(cs: &[char], ws: &[Tok], vocab: Evidence<'_>) -> Vec<(usize, Reason)> {
    let mut flagged = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let word = core(&w.text);
        if !is_capitalised(word) || word.chars().count() < 2 || w.clause_start {
            continue;
        }
        let lower = word.to_lowercase();
        if AMBIGUOUS_CAPITALS.contains(&lower) {
            continue;
        }
        if is_function_word(&lower) {
            if !coordinated_with_name(cs, ws, vocab, i)
                && function_is_stray(cs, ws, vocab, i, &lower)
            {
                flagged.push((i, Reason::Function));
                // A pasted link's content words that follow ("With Powers to").
                let mut j = i + 1;
                while joined(cs, ws, j - 1) && ws.get(j).is_some_and(starts_upper) {
                    flagged.push((j, Reason::Function));
                    j += 1;
                }
            }
            continue;
        }
        if let Some(reason) = content_is_stray(cs, ws, vocab, i, &lower) {
            flagged.push((i, reason));
        }
    }
    flagged.sort_by_key(|&(i, _)| i);
    flagged.dedup_by_key(|&mut (i, _)| i);
    flagged
}

/// The word at `i` is joined by "and" / "or" to a name — a capitalised word the text never
/// writes in lower case ("in Much and Ruppichteroth", "Bath or Wells"): a name in a list.
fn coordinated_with_name(cs: &[char], ws: &[Tok], vocab: Evidence<'_>, i: usize) -> bool {
    let is_name = |k: usize| {
        ws.get(k).is_some_and(|w| {
            let c = core(&w.text);
            is_capitalised(c)
                && !is_function_word(&c.to_lowercase())
                && vocab.lower_count(&c.to_lowercase()) == 0
        })
    };
    let is_and = |k: usize| {
        ws.get(k)
            .is_some_and(|w| matches!(w.lower.as_str(), "and" | "or"))
    };
    (is_and(i + 1) && joined(cs, ws, i) && joined(cs, ws, i + 1) && is_name(i + 2))
        || (i >= 2
            && is_and(i - 1)
            && joined(cs, ws, i - 2)
            && joined(cs, ws, i - 1)
            && is_name(i - 2))
}

/// A capitalised function word at `i`: stray unless inside a title or name.
fn function_is_stray(cs: &[char], ws: &[Tok], vocab: Evidence<'_>, i: usize, lower: &str) -> bool {
    // The run of capitalised words around it, joined by spaces only.
    let mut run_start = i;
    while run_start > 0
        && joined(cs, ws, run_start - 1)
        && ws.get(run_start - 1).is_some_and(starts_upper)
    {
        run_start -= 1;
    }
    let mut run_end = i;
    while joined(cs, ws, run_end) && ws.get(run_end + 1).is_some_and(starts_upper) {
        run_end += 1;
    }
    let Some(last) = ws.get(run_end) else {
        return false;
    };
    let last_lower = core(&last.text).to_lowercase();
    if is_function_word(&last_lower) {
        // "Russia And Its invasion": the run ends in a function word — no title does.
        // But a function word closing the sentence ("what it is For.") is left alone.
        return ws.get(run_end + 1).is_some() && joined(cs, ws, run_end);
    }
    if run_start < i {
        return false; // "Bank Of America", "Gone With The Wind"
    }
    if matches!(lower, "the" | "a" | "an") {
        return false; // "The Hague", "The Associated Press"
    }
    // "With Powers to stop": the following capitalised words are ordinary words the
    // text writes in lower case elsewhere, and lower-case text follows.
    let next_lower = ws
        .get(run_end + 1)
        .is_some_and(|w| is_lowercase_word(&w.text))
        && joined(cs, ws, run_end);
    next_lower
        && ((i + 1)..=run_end).all(|j| {
            ws.get(j)
                .is_some_and(|w| vocab.lower_count(&core(&w.text).to_lowercase()) > 0)
        })
}

/// A capitalised ordinary word at `i` between lower-case words.
fn content_is_stray(
    cs: &[char],
    ws: &[Tok],
    vocab: Evidence<'_>,
    i: usize,
    lower: &str,
) -> Option<Reason> {
    let prev = ws.get(i.checked_sub(1)?)?;
    let next = ws.get(i + 1)?;
    if !joined(cs, ws, i - 1) || !joined(cs, ws, i) {
        return None;
    }
    if !is_lowercase_word(&prev.text) || !is_lowercase_word(&next.text) {
        return None;
    }
    if DETERMINERS.contains(&prev.text.to_lowercase()) {
        return None;
    }
    // Inside a name: "Department of Justice", "Secretary of State".
    if i >= 2 && ws.get(i - 2).is_some_and(starts_upper) {
        return None;
    }
    let prev_lower = prev.text.to_lowercase();
    // "preserving it Lines of communication": a pronoun or a form of "be" is never
    // followed by a capitalised common word in edited text.
    if PRONOUN_LIKE.contains(&prev_lower)
        && vocab.lower_count(lower) > 0
        && vocab.capital_count(lower) <= 2
    {
        return Some(Reason::LowerElsewhere);
    }
    // "human rights Production and export": an abstract noun after a content word.
    if !is_function_word(&prev_lower)
        && lower.chars().count() >= 8
        && NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
        && vocab.capital_count(lower) == 1
    {
        return Some(Reason::Ending);
    }
    None
}

/// Groups consecutive flagged words into spans (first, last, reason of the first).
fn merge(flagged: &[(usize, Reason)]) -> Vec<(usize, usize, Reason)> {
    let mut out: Vec<(usize, usize, Reason)> = Vec::new();
    for &(i, reason) in flagged {
        if let Some(last) = out.last_mut()
            && last.1 + 1 == i
        {
            last.1 = i;
            continue;
        }
        out.push((i, i, reason));
    }
    out
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

    fn found(paras: &[&str]) -> Vec<(usize, String)> {
        detect(&comparison_of(&[paras]))
            .into_iter()
            .map(|f| (f.paragraph, f.text))
            .collect()
    }

    #[test]
    fn brackets_end_lead_ins_and_names_in_lists_are_left() {
        assert!(
            found(&["Lannock, May 3 (Reporter Tom Reed) The harbour reopened on Monday."])
                .is_empty()
        );
        assert!(
            found(&["(May 12) After the storm the ferry ran again, the port said."]).is_empty()
        );
        assert!(found(&["Homes in Much and Ruppichteroth had power again by noon."]).is_empty());
        // Mid-sentence without a bracket it is still stray.
        assert_eq!(
            found(&["The ferry ran again And the harbour closed on Monday."]).len(),
            1
        );
    }

    #[test]
    fn flags_capitalised_function_words_mid_sentence() {
        let f = detect(&comparison_of(&[&[
            "The port authority And The company Kestrel Ocean Lines agreed on pay.",
        ]]));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end), (19, 26));
        assert_eq!(f[0].text, "And The");
        assert_eq!(f[0].suggestion.as_deref(), Some("and the"));
        assert!(f[0].message.contains("middle of a sentence"));
        assert_eq!(
            found(&["Support for Saltmere And Its harbour grew."]),
            [(0, "And Its".to_string())]
        );
    }

    #[test]
    fn flags_pasted_link_with_ordinary_words() {
        let paras = [
            "The council has the powers to act.",
            "A board was named by the authority, With Powers to stop work.",
        ];
        assert_eq!(found(&paras), [(1, "With Powers".to_string())]);
    }

    #[test]
    fn flags_ordinary_word_written_lower_case_elsewhere() {
        let paras = [
            "They kept the lines of contact open.",
            "Both sides want to keep it Lines of contact are open.",
        ];
        assert_eq!(found(&paras), [(1, "Lines".to_string())]);
    }

    #[test]
    fn leaves_sentence_starts_names_titles_and_headlines() {
        let paras = [
            "He said: The deal holds. \u{201C}And then?\u{201D} she asked.",
            "She works at Bank Of America and read Gone With The Wind.",
            "A reporter told The Associated Press in May that it will end.",
            "Dock Workers And Owners Agree Deal",
            "The Department of Justice said the justice system is slow.",
            "Workers in Saltmere met the NATO envoy.",
            "The lines held; the Senate met and the senate staff left.",
        ];
        assert!(found(&paras).is_empty(), "{:?}", found(&paras));
    }
}
