//! The comparison view of a text: Unicode NFC, folded quotes and dashes, collapsed
//! whitespace — with every character mapped back to its display offset.
//!
//! Display text is never changed; the engine compares [`Normalized::text`] and maps
//! results back through [`Normalized::map`].

use unicode_normalization::UnicodeNormalization as _;
use unicode_segmentation::UnicodeSegmentation as _;

/// A normalised text and the display offset each of its characters came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// For each character of `text`, the character offset in the display text it came from.
    /// Its length equals `text.chars().count()`.
    pub map: Vec<usize>,
}

/// Extra folding on top of the base normalisation (which is always applied).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Fold {
    /// Lower-case everything.
    pub case: bool,
    /// Drop punctuation characters.
    pub punctuation: bool,
    /// Drop whitespace entirely.
    pub whitespace: bool,
}

/// Folds a quotation mark or apostrophe to its ASCII form; other characters unchanged.
#[must_use]
pub fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{2039}' | '\u{203A}' => '"',
        _ => c,
    }
}

/// Folds a dash or hyphen variant to `-`; other characters unchanged.
#[must_use]
pub fn fold_dash(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// True for characters the comparison treats as whitespace (including no-break and zero-width spaces).
#[must_use]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Normalises `display`: NFC, folded quotes and dashes, whitespace runs collapsed to one
/// space and trimmed at both ends, plus whatever `fold` asks for.
#[must_use]
pub fn normalize(display: &str, fold: Fold) -> Normalized {
    let mut out = Normalizer {
        out: Normalized {
            text: String::with_capacity(display.len()),
            map: Vec::with_capacity(display.len()),
        },
        pending_space: None,
        fold,
    };
    if display.is_ascii() {
        // Every ASCII character is a grapheme of its own and already NFC (the one two-char
        // grapheme, CR LF, is whitespace, collapsed the same way either way): the Unicode
        // segmentation and composition are skipped, most paragraphs of English news.
        for (start, c) in display.chars().enumerate() {
            out.push(c, start);
        }
        return out.out;
    }
    let mut char_index = 0usize;
    for grapheme in display.graphemes(true) {
        let start = char_index;
        if grapheme.len() == 1 {
            char_index += 1;
            for c in grapheme.chars() {
                out.push(c, start);
            }
            continue;
        }
        char_index += grapheme.chars().count();
        for c in grapheme.nfc() {
            out.push(c, start);
        }
    }
    out.out
}

/// The state of one [`normalize`] run.
struct Normalizer {
    out: Normalized,
    /// Display offset of the first space of a run not yet written.
    pending_space: Option<usize>,
    fold: Fold,
}

impl Normalizer {
    /// Adds one NFC character that came from display offset `start`.
    fn push(&mut self, c: char, start: usize) {
        if is_space(c) {
            if self.pending_space.is_none() {
                self.pending_space = Some(start);
            }
            return;
        }
        let c = fold_dash(fold_quote(c));
        if self.fold.punctuation && is_punctuation(c) {
            return;
        }
        if let Some(space_at) = self.pending_space.take()
            && !self.fold.whitespace
            && !self.out.text.is_empty()
        {
            self.out.text.push(' ');
            self.out.map.push(space_at);
        }
        if self.fold.case && !c.is_ascii() {
            for lower in c.to_lowercase() {
                self.out.text.push(lower);
                self.out.map.push(start);
            }
        } else {
            self.out.text.push(if self.fold.case {
                c.to_ascii_lowercase()
            } else {
                c
            });
            self.out.map.push(start);
        }
    }
}

/// True for punctuation and symbol characters that are not letters, digits or spaces.
#[must_use]
pub fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !is_space(c) && !is_mark(c)
}

/// True for combining marks (kept with their base letter).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0591}'..='\u{05C7}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// One word of a text with its character offsets in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Start offset in characters.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
}

/// The one definition of a word: a Unicode (UAX #29) word segment holding a letter or
/// digit. [`words`] and the diff's tokeniser (`diff/tokens.rs`) both classify with it.
#[must_use]
pub fn is_word_segment(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The words of `text` (Unicode word segments holding a letter or digit), with character offsets.
#[must_use]
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut char_index = 0usize;
    for segment in text.split_word_bounds() {
        let len = segment.chars().count();
        if is_word_segment(segment) {
            out.push(Word {
                text: segment,
                start: char_index,
                end: char_index + len,
            });
        }
        char_index += len;
    }
    out
}

/// The substring of `text` between character offsets `start` and `end` (clamped to the text).
#[must_use]
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let from = indices.nth(start).unwrap_or(text.len());
    let to = if end > start {
        indices.nth(end - start - 1).unwrap_or(text.len())
    } else {
        from
    };
    text.get(from..to).unwrap_or("")
}

/// Character offsets into one text, found in constant time: [`char_slice`] walks the text
/// from its start on every call, which made a very long paragraph with many spans (a 10 MB
/// line) quadratic. Keeps the byte offset of every 64th character (none for ASCII text).
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    /// Byte offset of characters 0, 64, 128, …
    checkpoints: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    const STRIDE: usize = 64;

    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let checkpoints = if ascii {
            Vec::new()
        } else {
            text.char_indices()
                .step_by(Self::STRIDE)
                .map(|(i, _)| i)
                .collect()
        };
        Self {
            text,
            ascii,
            checkpoints,
        }
    }

    /// The byte offset of character `at` (the text's length past its end).
    #[must_use]
    pub fn byte(&self, at: usize) -> usize {
        if self.ascii {
            return at.min(self.text.len());
        }
        let Some(&base) = self.checkpoints.get(at / Self::STRIDE) else {
            return self.text.len();
        };
        let rest = self.text.get(base..).unwrap_or("");
        rest.char_indices()
            .nth(at % Self::STRIDE)
            .map_or(self.text.len(), |(i, _)| base + i)
    }

    /// The same as [`char_slice`] on the indexed text.
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let from = self.byte(start);
        let to = self.byte(end.max(start));
        self.text.get(from..to).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_and_space_and_maps_back() {
        let n = normalize(
            "  \u{201C}Yes\u{201D} \u{2014}  it\u{2019}s\n",
            Fold::default(),
        );
        assert_eq!(n.text, "\"Yes\" - it's");
        assert_eq!(n.map.len(), n.text.chars().count());
        // The folded dash came from display offset 8.
        assert_eq!(n.map[6], 8);
        assert_eq!(n.map[0], 2);
    }

    #[test]
    fn nfc_composes_and_keeps_one_offset_per_output_char() {
        let n = normalize("Cafe\u{301} ok", Fold::default());
        assert_eq!(n.text, "Caf\u{e9} ok");
        assert_eq!(n.map, vec![0, 1, 2, 3, 5, 6, 7]);
    }

    #[test]
    fn optional_folds() {
        let fold = Fold {
            case: true,
            punctuation: true,
            whitespace: true,
        };
        assert_eq!(normalize("Ukraine, in!", fold).text, "ukrainein");
    }

    #[test]
    fn words_have_char_offsets() {
        let w = words("Zoë said: “no”.");
        let texts: Vec<_> = w.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Zoë", "said", "no"]);
        assert_eq!((w[2].start, w[2].end), (11, 13));
        assert_eq!(char_slice("Zoë said", 2, 5), "ë s");
        let long: String = "Zoë ça, ".repeat(40);
        let offsets = CharOffsets::new(&long);
        let total = long.chars().count();
        for (s, e) in [
            (0, 0),
            (2, 5),
            (63, 64),
            (64, 130),
            (100, total),
            (5, 2),
            (0, total + 9),
        ] {
            assert_eq!(offsets.slice(s, e), char_slice(&long, s, e), "{s}..{e}");
        }
        let ascii = CharOffsets::new("plain text");
        assert_eq!(ascii.slice(6, 99), "text");
    }

    proptest::proptest! {
        /// The ASCII fast path gives what the Unicode path gives: a zero-width space at the
        /// end sends the same text down the Unicode path and is dropped as trailing space.
        #[test]
        fn ascii_fast_path_equals_the_unicode_path(
            text in "[ -~\t\r\n]{0,80}",
            case: bool,
            punctuation: bool,
            whitespace: bool,
        ) {
            let fold = Fold { case, punctuation, whitespace };
            let fast = normalize(&text, fold);
            let slow = normalize(&format!("{text}\u{200B}"), fold);
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
