//! Plain text: a title line, then paragraphs in one of two shapes.
//!
//! * One paragraph per line (no blank lines between, or only single-line blocks).
//! * Lines hard-wrapped at a fixed width, with blank lines between paragraphs: the
//!   wrapped lines of a block are joined back with a space. A line ending in a word and
//!   a hyphen joins the next without a space, keeping the hyphen ("well-known") unless
//!   the closed word occurs elsewhere in the text and the hyphenated one does not.
//!
//! The shape is decided per file: it is "wrapped" when blank lines separate blocks and
//! the blocks that span several lines have short inner lines, as a wrapping editor leaves.

use std::collections::HashSet;

/// A text split into its title (when the file has a clear headline) and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextParts {
    /// A headline: a short first line followed by a blank line, without final punctuation.
    pub title: Option<String>,
    /// Paragraph texts, trimmed at their ends.
    pub paragraphs: Vec<String>,
}

/// Lines longer than this (in characters) are not the product of hard wrapping.
const MAX_WRAP_WIDTH: usize = 100;
/// A headline is at most this many characters.
const MAX_TITLE_CHARS: usize = 150;

/// Splits plain text into a title and paragraphs.
#[must_use]
pub fn parse(text: &str) -> TextParts {
    split(text, true)
}

/// Splits text into paragraphs only (no title is taken), e.g. a JSON body string.
#[must_use]
pub fn paragraphs(text: &str) -> Vec<String> {
    split(text, false).paragraphs
}

fn split(text: &str, take_title: bool) -> TextParts {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let blocks = blocks(&lines);
    let (title, body) = match blocks.split_first() {
        Some((first, rest)) if take_title && is_title_block(first, rest) => {
            (first.first().map(|l| l.trim().to_string()), rest)
        }
        _ => (None, blocks.as_slice()),
    };
    let paragraphs = if is_wrapped(body) {
        let vocabulary = Vocabulary::of(text);
        body.iter().map(|b| join_wrapped(b, &vocabulary)).collect()
    } else {
        body.iter()
            .flat_map(|b| b.iter().map(|l| l.trim().to_string()))
            .filter(|p| !p.is_empty())
            .collect()
    };
    TextParts { title, paragraphs }
}

/// Groups lines into blocks separated by blank (whitespace-only) lines.
fn blocks<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A first block is a title when it is one short line without final punctuation and
/// something follows it (separated by a blank line).
fn is_title_block(first: &[&str], rest: &[Vec<&str>]) -> bool {
    let [line] = first else {
        return false;
    };
    let line = line.trim();
    !rest.is_empty()
        && line.chars().count() <= MAX_TITLE_CHARS
        && !line.ends_with(['.', ',', ';', ':', '!', '?', '\u{2026}'])
        && line.chars().any(char::is_alphanumeric)
}

/// True when the blocks look hard-wrapped: at least two blocks (blank lines separate
/// paragraphs), at least one spanning several lines, and every line that is not the
/// last of its block no longer than a wrap width.
fn is_wrapped(blocks: &[Vec<&str>]) -> bool {
    if blocks.len() < 2 {
        // No blank line separates anything: one paragraph per line.
        return false;
    }
    blocks.iter().any(|b| b.len() > 1) && blocks.iter().all(|b| inner_lines_short(b))
}

/// Every line but the last of a block is at most the wrap width.
fn inner_lines_short(block: &[&str]) -> bool {
    let inner = block.len().saturating_sub(1);
    block
        .iter()
        .take(inner)
        .all(|l| l.trim_end().chars().count() <= MAX_WRAP_WIDTH)
}

/// The words of a whole text, to decide whether a hyphen at a line end is part of a
/// compound ("well-known") or only splits a word ("val-ley" where "valley" occurs).
struct Vocabulary {
    /// Lowercase runs of letters.
    words: HashSet<String>,
    /// Lowercase runs of letters and hyphens ("well-known").
    compounds: HashSet<String>,
}

impl Vocabulary {
    fn of(text: &str) -> Self {
        let lower = text.to_lowercase();
        let words = lower
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let compounds = lower
            .split(|c: char| !(c.is_alphabetic() || c == '-'))
            .filter(|w| w.contains('-'))
            .map(str::to_string)
            .collect();
        Self { words, compounds }
    }

    /// True when `head` + `tail` is a word of the text and `head-tail` never is.
    fn is_split_word(&self, head: &str, tail: &str) -> bool {
        let (head, tail) = (head.to_lowercase(), tail.to_lowercase());
        !head.is_empty()
            && !tail.is_empty()
            && self.words.contains(&format!("{head}{tail}"))
            && !self.compounds.contains(&format!("{head}-{tail}"))
    }
}

/// Joins the lines of one wrapped paragraph. A line ending in a word and a hyphen
/// joins the next without a space; the hyphen is dropped only when the closed word
/// occurs elsewhere in the text and the hyphenated one does not.
fn join_wrapped(block: &[&str], vocabulary: &Vocabulary) -> String {
    let mut out = String::new();
    for line in block {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if ends_with_word_hyphen(&out) {
            let head: String = out
                .chars()
                .rev()
                .skip(1)
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let tail: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
            if vocabulary.is_split_word(&head, &tail) {
                out.pop();
            }
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// True when text ends in a hyphen directly after a letter ("well-" of "well-known"),
/// so the next line continues the same word.
fn ends_with_word_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    matches!(rev.next(), Some('-' | '\u{2010}')) && rev.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_per_line_with_bom_and_trailing_spaces() {
        let text = "\u{feff}First paragraph here, quite long.  \nSecond one. \nThird one.\n\n\n";
        let parts = parse(text);
        assert_eq!(parts.title, None);
        assert_eq!(
            parts.paragraphs,
            [
                "First paragraph here, quite long.",
                "Second one.",
                "Third one."
            ]
        );
    }

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let text = "The council met on Tuesday to discuss\nthe new budget for the harbour.\n\nA second paragraph follows\nhere.\n";
        let parts = parse(text);
        assert_eq!(
            parts.paragraphs,
            [
                "The council met on Tuesday to discuss the new budget for the harbour.",
                "A second paragraph follows here."
            ]
        );
    }

    #[test]
    fn hyphenated_line_end_keeps_hyphen_without_space() {
        let text = "It was a well-\nknown fact -\nthat is all.\n\nNext.\nLine.";
        let parts = parse(text);
        assert_eq!(
            parts.paragraphs.first().map(String::as_str),
            Some("It was a well-known fact - that is all.")
        );
    }

    #[test]
    fn split_word_rejoined_when_the_text_knows_it() {
        let text =
            "The river runs down the val-\nley to the sea.\n\nThe valley is green\nall year.";
        let parts = parse(text);
        assert_eq!(
            parts.paragraphs.first().map(String::as_str),
            Some("The river runs down the valley to the sea.")
        );
        // A compound written with its hyphen elsewhere keeps it.
        let text = "A long-\nterm plan.\n\nThe long-term view\nmatters. Longterm is rare.";
        let parts = parse(text);
        assert_eq!(
            parts.paragraphs.first().map(String::as_str),
            Some("A long-term plan.")
        );
    }

    #[test]
    fn short_headline_then_blank_is_title_not_paragraph() {
        let text = "Storm Hits Coast\n\nWinds of 120 km/h were recorded.\nSchools closed.\n";
        let parts = parse(text);
        assert_eq!(parts.title.as_deref(), Some("Storm Hits Coast"));
        assert_eq!(
            parts.paragraphs,
            ["Winds of 120 km/h were recorded.", "Schools closed."]
        );
    }

    #[test]
    fn first_line_with_final_punctuation_is_not_a_title() {
        let text = "This is a sentence.\n\nAnother sentence.\n";
        let parts = parse(text);
        assert_eq!(parts.title, None);
        assert_eq!(
            parts.paragraphs,
            ["This is a sentence.", "Another sentence."]
        );
    }

    #[test]
    fn long_lines_with_a_blank_line_stay_one_per_line() {
        let long = "word ".repeat(40);
        let text = format!("{long}\n{long}\n\n{long}\n{long}\n");
        let parts = parse(&text);
        assert_eq!(parts.paragraphs.len(), 4);
    }

    #[test]
    fn inner_characters_are_untouched() {
        let text = "A  double  space \u{201c}quote\u{201d}\u{a0}here.\nNext.";
        let parts = parse(text);
        assert_eq!(
            parts.paragraphs.first().map(String::as_str),
            Some("A  double  space \u{201c}quote\u{201d}\u{a0}here.")
        );
    }
}
