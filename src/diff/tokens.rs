//! Splitting display text into word, whitespace and punctuation tokens (or graphemes) with
//! character offsets, and the comparison key of each token under the chosen options.

use smol_str::SmolStr;
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
    /// The comparison key (inline up to 23 bytes: a long paragraph's tokens hold no heap
    /// string each).
    pub key: SmolStr,
    /// True when the options make the diff skip this token.
    pub ignored: bool,
}

/// Tokenises one paragraph's display text and appends to `out`.
pub(crate) fn tokenize(text: &str, para: usize, options: &CompareOptions, out: &mut Vec<Token>) {
    let pieces: Vec<&str> = match options.granularity {
        // A narrow no-break space joins "9\u{202f}a.m." into one word segment: it is cut
        // out as a space of its own, as a space written in its place would be.
        Granularity::Word => text.split_word_bounds().flat_map(split_at_spaces).collect(),
        Granularity::Char => text.graphemes(true).collect(),
    };
    let first = out.len();
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
            if !options.ignore_quotes {
                let joined = format!("{}{}", last.key, space_key(piece, options));
                last.key = space_key(&joined, options);
            }
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
    if options.ignore_quotes {
        fold_typography(out, first);
    }
}

/// A piece cut into runs of spaces and runs of anything else (most pieces are one run).
fn split_at_spaces(piece: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut in_space: Option<bool> = None;
    for (i, c) in piece.char_indices() {
        let space = is_space(c);
        if in_space.is_some_and(|s| s != space) {
            out.extend(piece.get(start..i));
            start = i;
        }
        in_space = Some(space);
    }
    out.extend(piece.get(start..));
    out
}

/// True for the keys of a dash written between spaces: a hyphen-minus (one, two or three),
/// a figure dash, an en or em dash, a horizontal bar.
fn is_dash(key: &str) -> bool {
    matches!(
        key,
        "-" | "--" | "---" | "\u{2012}" | "\u{2013}" | "\u{2014}" | "\u{2015}"
    )
}

/// True for the keys of a dash between two figures (a range, a phone number): a
/// hyphen-minus, a figure dash or an en dash.
fn is_figure_dash(key: &str) -> bool {
    matches!(key, "-" | "\u{2012}" | "\u{2013}")
}

/// With `ignore_quotes`, the comparison keys of typographic variants are made equal (quotes
/// and apostrophes are folded by [`key`], any run of spaces is one space already):
/// three full stops become one token keyed like `…`; a dash standing between spaces (or a
/// paragraph edge), however written, is keyed `—`; a hyphen, figure dash or en dash between
/// two figures is keyed `–`. A hyphen inside a word (`well-known`, `COVID-19`) is left alone.
/// Tokens merged keep the offsets of the whole run, so the ops still cover the text exactly.
fn fold_typography(out: &mut Vec<Token>, first: usize) {
    let punct =
        |t: Option<&Token>, key: &str| t.is_some_and(|t| t.kind == Kind::Punct && t.key == key);
    // Runs of "." (exactly three) and of "-" (two or three) become one token.
    let mut i = first;
    while i < out.len() {
        let unit = match out.get(i) {
            Some(t) if t.kind == Kind::Punct && (t.key == "." || t.key == "-") => t.key.clone(),
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + 1;
        while punct(out.get(j), &unit)
            && out
                .get(j)
                .zip(out.get(j - 1))
                .is_some_and(|(t, p)| t.start == p.end && t.para == p.para)
        {
            j += 1;
        }
        let run = j - i;
        let merge = (unit == "." && run == 3) || (unit == "-" && (run == 2 || run == 3));
        if merge {
            let end = out.get(j - 1).map_or(0, |t| t.end);
            if let Some(t) = out.get_mut(i) {
                t.end = end;
                t.key = unit.repeat(run).into();
            }
            out.drain(i + 1..j);
        }
        i = if merge { i + 1 } else { j };
    }
    let spaced = |t: Option<&Token>| t.is_none_or(|t| t.kind == Kind::Space);
    let figure = |t: Option<&Token>, last: bool| {
        t.is_some_and(|t| {
            t.kind == Kind::Word && {
                let c = if last {
                    t.key.chars().next_back()
                } else {
                    t.key.chars().next()
                };
                c.is_some_and(|c| c.is_ascii_digit())
            }
        })
    };
    for i in first..out.len() {
        let before = i
            .checked_sub(1)
            .filter(|&b| b >= first)
            .and_then(|b| out.get(b));
        let after = out.get(i + 1);
        let Some(t) = out.get(i).filter(|t| t.kind == Kind::Punct) else {
            continue;
        };
        let folded = if t.key == "..." || t.key == "\u{2026}" {
            Some("\u{2026}")
        } else if is_dash(&t.key) && spaced(before) && spaced(after) {
            Some("\u{2014}")
        } else if is_figure_dash(&t.key) && figure(before, true) && figure(after, false) {
            Some("\u{2013}")
        } else {
            None
        };
        if let (Some(k), Some(t)) = (folded, out.get_mut(i)) {
            t.key = SmolStr::new_static(k);
        }
    }
}

/// The separator token placed between two paragraphs of one cell.
pub(crate) fn paragraph_break(para: usize) -> Token {
    Token {
        para,
        start: 0,
        end: 0,
        kind: Kind::Break,
        key: SmolStr::new_static("\u{2029}"),
        ignored: false,
    }
}

/// The key of a run of whitespace: one space; without `ignore_quotes` (typography shown),
/// no-break and other Unicode spaces keep their own character (ASCII whitespace runs are one
/// space either way).
fn space_key(piece: &str, options: &CompareOptions) -> SmolStr {
    if options.ignore_quotes {
        return SmolStr::new_static(" ");
    }
    let mut out = String::new();
    for c in piece.chars() {
        let c = if c.is_ascii_whitespace() { ' ' } else { c };
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out.into()
}

/// The comparison key: NFC always; whitespace runs are one space (see [`space_key`]); quotes
/// folded only with `ignore_quotes` (with the other typographic variants, see
/// [`fold_typography`]); case folded with `ignore_case`; punctuation inside words dropped with
/// `ignore_punctuation`.
fn key(piece: &str, kind: Kind, options: &CompareOptions) -> SmolStr {
    if kind == Kind::Space {
        return space_key(piece, options);
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
    out.into()
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
        let plain = CompareOptions {
            ignore_quotes: false,
            ..CompareOptions::default()
        };
        assert_ne!(
            key("it’s", Kind::Word, &plain),
            key("it's", Kind::Word, &plain)
        );
        let quotes = CompareOptions::default();
        assert_eq!(
            key("it’s", Kind::Word, &quotes),
            key("it's", Kind::Word, &quotes)
        );
    }
}
