//! Splitting display text into word, whitespace and punctuation tokens (or graphemes) with
//! character offsets, and the comparison key of each token under the chosen options.

use unicode_normalization::UnicodeNormalization as _;
use unicode_segmentation::UnicodeSegmentation as _;

use crate::model::{CompareOptions, Granularity};
use crate::normalize::{fold_quote, is_punctuation, is_space, is_word_segment};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters or digits.
    Word,
    /// A run of whitespace.
    Space,
    /// Punctuation or a symbol.
    Punct,
    /// The zero-width boundary between two paragraphs of a cell.
    Break,
}

/// One token of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Paragraph index within the article.
    pub para: usize,
    /// Start offset in characters into the paragraph's display text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// What the token is.
    pub kind: Kind,
    /// The comparison key.
    pub key: String,
    /// True when the options make the diff skip this token.
    pub ignored: bool,
}

/// Tokenises one paragraph's display text and appends to `out`.
pub(crate) fn tokenize(text: &str, para: usize, options: &CompareOptions, out: &mut Vec<Token>) {
    let pieces: Vec<&str> = match options.granularity {
        Granularity::Word => text.split_word_bounds().collect(),
        Granularity::Char => text.graphemes(true).collect(),
    };
    let mut offset = 0usize;
    for piece in pieces {
        let len = piece.chars().count();
        let kind = if piece.chars().all(is_space) {
            Kind::Space
        } else if is_word_segment(piece) {
            Kind::Word
        } else {
            Kind::Punct
        };
        if kind == Kind::Space
            && let Some(last) = out.last_mut()
            && last.kind == Kind::Space
            && last.para == para
            && last.end == offset
        {
            last.end += len;
        } else {
            out.push(Token {
                para,
                start: offset,
                end: offset + len,
                kind,
                key: key(piece, kind, options),
                ignored: match kind {
                    Kind::Space => options.ignore_whitespace,
                    Kind::Punct => options.ignore_punctuation,
                    Kind::Word | Kind::Break => false,
                },
            });
        }
        offset += len;
    }
}

/// The separator token placed between two paragraphs of one cell.
pub(crate) fn paragraph_break(para: usize) -> Token {
    Token {
        para,
        start: 0,
        end: 0,
        kind: Kind::Break,
        key: "\u{2029}".to_string(),
        ignored: false,
    }
}

/// The comparison key: NFC always; whitespace runs are all one space; quotes folded only
/// with `ignore_quotes`; case folded with `ignore_case`; punctuation inside words dropped with
/// `ignore_punctuation`.
fn key(piece: &str, kind: Kind, options: &CompareOptions) -> String {
    if kind == Kind::Space {
        return " ".to_string();
    }
    let mut out = String::with_capacity(piece.len());
    for c in piece.nfc() {
        let c = if options.ignore_quotes {
            fold_quote(c)
        } else {
            c
        };
        if options.ignore_punctuation && kind == Kind::Word && is_punctuation(c) {
            continue;
        }
        if options.ignore_case {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn tokens_tile_the_text_and_classify() {
        let mut out = Vec::new();
        tokenize("Zoë  said, “no”.", 3, &CompareOptions::default(), &mut out);
        let kinds: Vec<Kind> = out.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Space,
                Kind::Word,
                Kind::Punct,
                Kind::Space,
                Kind::Punct,
                Kind::Word,
                Kind::Punct,
                Kind::Punct
            ]
        );
        assert_eq!((out[1].start, out[1].end), (3, 5));
        assert!(out.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(out.last().map(|t| t.end), Some(16));
    }

    #[test]
    fn quotes_fold_only_when_asked() {
        let plain = CompareOptions::default();
        assert_ne!(
            key("it’s", Kind::Word, &plain),
            key("it's", Kind::Word, &plain)
        );
        let quotes = CompareOptions {
            ignore_quotes: true,
            ..CompareOptions::default()
        };
        assert_eq!(
            key("it’s", Kind::Word, &quotes),
            key("it's", Kind::Word, &quotes)
        );
    }
}
