//! Right-to-left paragraphs: detection and visual ordering per line.
//!
//! egui lays text out left to right. For a right-to-left paragraph we break it into
//! lines ourselves, ask `unicode-bidi` for the visual runs of each line, put the pieces of
//! right-to-left runs in reverse order (egui's shaper joins and orders the letters of each
//! word), and lay out each line as its own galley, which the caller right-aligns. Words keep their reading order even when
//! the diff splits a paragraph into differently styled pieces.

use std::ops::Range;
use std::sync::Arc;

use egui::Galley;
use egui::text::{LayoutJob, TextFormat};
use unicode_bidi::{Direction, Level, ParagraphBidiInfo};
use unicode_segmentation::UnicodeSegmentation as _;

/// Text with formatting sections (byte ranges covering the text, in order).
#[derive(Debug, Clone, Default)]
pub struct Styled {
    /// The text.
    pub text: String,
    /// Formatting of consecutive byte ranges.
    pub sections: Vec<(Range<usize>, TextFormat)>,
}

impl Styled {
    /// Appends `text` with `format`, merging with the previous section when the format is the same.
    pub fn push(&mut self, text: &str, format: &TextFormat) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        let end = self.text.len();
        if let Some((range, last)) = self.sections.last_mut()
            && last == format
            && range.end == start
        {
            range.end = end;
            return;
        }
        self.sections.push((start..end, format.clone()));
    }

    /// A layout job of the whole text, wrapped at `wrap_width`.
    #[must_use]
    pub fn to_job(&self, wrap_width: f32) -> LayoutJob {
        let mut job = LayoutJob {
            text: self.text.clone(),
            ..LayoutJob::default()
        };
        job.wrap.max_width = wrap_width;
        for (range, format) in &self.sections {
            job.sections.push(egui::text::LayoutSection {
                leading_space: 0.0,
                byte_range: egui::text::ByteIndex(range.start)..egui::text::ByteIndex(range.end),
                format: format.clone(),
            });
        }
        job
    }

    fn format_at(&self, byte: usize) -> Option<&TextFormat> {
        self.sections
            .iter()
            .find(|(range, _)| range.contains(&byte))
            .map(|(_, f)| f)
    }
}

/// True when the paragraph's first strong character is right-to-left (Arabic, Hebrew, ...).
#[must_use]
pub fn is_rtl(text: &str) -> bool {
    matches!(unicode_bidi::get_base_direction(text), Direction::Rtl)
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// Byte ranges of the tokens (a word with its trailing whitespace).
fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if prev_space && !space && i > start {
            out.push(start..i);
            start = i;
        }
        prev_space = space;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Breaks the text into lines no wider than `wrap_width` (a word wider than that gets its own line).
fn break_lines(
    fonts: &mut egui::epaint::text::FontsView<'_>,
    styled: &Styled,
    wrap_width: f32,
) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut width = 0.0;
    for token in tokens(&styled.text) {
        let Some(word) = styled.text.get(token.clone()) else {
            continue;
        };
        let format = styled.format_at(token.start).cloned().unwrap_or_default();
        let w = fonts
            .layout_job(LayoutJob::simple_format(
                word.trim_end().to_string(),
                format,
            ))
            .size()
            .x;
        let space_w = fonts
            .layout_job(LayoutJob::simple_format(
                word.to_string(),
                styled.format_at(token.start).cloned().unwrap_or_default(),
            ))
            .size()
            .x;
        if width > 0.0 && width + w > wrap_width {
            lines.push(line_start..token.start);
            line_start = token.start;
            width = 0.0;
        }
        width += space_w;
    }
    if line_start < styled.text.len() || lines.is_empty() {
        lines.push(line_start..styled.text.len());
    }
    lines
}

/// True for a grapheme of a word (letters, marks, digits), false for spaces and punctuation.
fn is_word(g: &str) -> bool {
    g.chars().next().is_some_and(char::is_alphanumeric)
}

/// The visual-order text of one line, with its formats.
///
/// egui shapes each formatted section itself (joining Arabic letters and drawing a
/// right-to-left word right to left), but it knows nothing of paragraph direction. So a
/// right-to-left run is cut into pieces — words and the marks between them, also cut where
/// the format changes — the pieces are put in reverse order, and each word piece keeps its
/// letters in reading order for egui to shape; spaces and punctuation are reversed here,
/// brackets mirrored.
fn visual_line(styled: &Styled, info: &ParagraphBidiInfo<'_>, line: Range<usize>) -> Styled {
    let mut out = Styled::default();
    let (levels, runs) = info.visual_runs(line);
    for run in runs {
        let rtl = levels
            .get(run.start)
            .is_some_and(unicode_bidi::Level::is_rtl);
        let Some(run_text) = styled.text.get(run.clone()) else {
            continue;
        };
        if !rtl {
            for (i, g) in run_text.grapheme_indices(true) {
                let format = styled.format_at(run.start + i).cloned().unwrap_or_default();
                out.push(g, &format);
            }
            continue;
        }
        // Pieces: maximal stretches of one format and one kind (word or not).
        let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
        for (i, g) in run_text.grapheme_indices(true) {
            let start = run.start + i;
            let end = start + g.len();
            let word = is_word(g);
            let same_format = |p: usize| styled.format_at(p) == styled.format_at(start);
            match pieces.last_mut() {
                Some(last) if last.2 == word && word && same_format(last.0) => last.1 = end,
                _ => pieces.push((start, end, word)),
            }
        }
        for &(start, end, word) in pieces.iter().rev() {
            let Some(text) = styled.text.get(start..end) else {
                continue;
            };
            let format = styled.format_at(start).cloned().unwrap_or_default();
            if word {
                out.push(text, &format);
            } else {
                for g in text.graphemes(true).rev() {
                    let mut buf = [0u8; 4];
                    match g.chars().next() {
                        Some(c) if g.chars().count() == 1 => {
                            out.push(mirror(c).encode_utf8(&mut buf), &format);
                        }
                        _ => out.push(g, &format),
                    }
                }
            }
        }
    }
    out
}

/// Lays out a right-to-left block as visual lines, one galley per line (top to bottom).
/// The caller draws each line right-aligned.
pub fn layout_rtl(
    fonts: &mut egui::epaint::text::FontsView<'_>,
    styled: &Styled,
    wrap_width: f32,
) -> Vec<Arc<Galley>> {
    let info = ParagraphBidiInfo::new(&styled.text, Some(Level::rtl()));
    break_lines(fonts, styled, wrap_width)
        .into_iter()
        .map(|line| {
            let visual = visual_line(styled, &info, line);
            let mut job = visual.to_job(f32::INFINITY);
            job.wrap.max_width = f32::INFINITY;
            fonts.layout_job(job)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_is_rtl_and_english_is_not() {
        assert!(is_rtl("שלום עולם"));
        assert!(is_rtl("مرحبا بالعالم"));
        assert!(!is_rtl("Hello world"));
    }

    #[test]
    fn visual_line_reverses_rtl_words_but_keeps_numbers_and_latin_readable() {
        let mut styled = Styled::default();
        let plain = TextFormat::default();
        let marked = TextFormat {
            underline: egui::Stroke::new(1.0, egui::Color32::RED),
            ..TextFormat::default()
        };
        // "אבג" + " " + "דה" (marked) + " 123 Lena"
        styled.push("אבג ", &plain);
        styled.push("דה", &marked);
        styled.push(" 123 Lena", &plain);
        let info = ParagraphBidiInfo::new(&styled.text, Some(Level::rtl()));
        let visual = visual_line(&styled, &info, 0..styled.text.len());
        // Reading right to left: אבג, then דה, then 123 Lena; the visual string (left to
        // right) therefore starts with the Latin/number run and ends with the first word,
        // whose letters stay in reading order for egui's shaper to draw right to left.
        assert!(visual.text.starts_with("Lena 123"), "{}", visual.text);
        assert!(visual.text.ends_with("אבג"), "{}", visual.text);
        // The marked word stays one piece carrying its own format.
        let marked_section = visual
            .sections
            .iter()
            .find(|(_, f)| f == &marked)
            .map(|(r, _)| visual.text.get(r.clone()).unwrap_or_default().to_string());
        assert_eq!(marked_section.as_deref(), Some("דה"));
    }
}
