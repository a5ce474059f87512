//! Turns one cell (its diff ops against the reference, plus search and finding
//! highlights) into styled text blocks, one per paragraph of the cell.

use std::collections::HashMap;

use egui::text::TextFormat;
use egui::{FontId, Stroke};

use super::bidi::{Styled, is_rtl};
use super::theme::Palette;
use crate::model::{Article, Cell, OpTag};

/// One paragraph of a cell, styled, with its direction.
#[derive(Debug, Clone)]
pub struct Block {
    /// Paragraph index in the article.
    pub paragraph: usize,
    /// The styled text (this article's words plus the reference's deleted words).
    pub styled: Styled,
    /// Right-to-left paragraph.
    pub rtl: bool,
}

/// Highlight spans per `(article, paragraph)`: `(start, end, index)`.
pub type SpanMap = HashMap<(usize, usize), Vec<(usize, usize, usize)>>;

/// Highlights to draw over a cell's text, by `(article, paragraph)`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Highlights<'a> {
    /// Search matches: `(start, end, match index)`.
    pub search: Option<&'a SpanMap>,
    /// The current search match.
    pub current_match: Option<usize>,
    /// Finding spans: `(start, end, finding index)`.
    pub findings: Option<&'a SpanMap>,
    /// The finding jumped to.
    pub current_finding: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Base {
    Equal,
    Insert,
    Delete,
    WsInsert,
    WsDelete,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Flags {
    base: Base,
    search: u8,
    finding: u8,
}

fn format(flags: Flags, palette: &Palette, font: &FontId) -> TextFormat {
    let mut f = TextFormat::simple(font.clone(), palette.text);
    // egui paints each line's backgrounds after the line above, and by default a background
    // reaches 1 pt past its line: the next line's highlight then hides the underline (the
    // non-colour cue of inserted text) wherever it runs below it. Backgrounds stay inside
    // their line, 1 pt short, so every underline shows in full.
    f.expand_bg = -1.0;
    match flags.base {
        Base::Equal => {}
        Base::Insert => {
            f.background = palette.insert_bg;
            f.underline = Stroke::new(1.5, palette.insert_line);
        }
        Base::Delete => {
            f.background = palette.delete_bg;
            f.color = palette.delete_fg;
            f.strikethrough = Stroke::new(1.5, palette.delete_fg);
        }
        Base::WsInsert => {
            f.background = palette.whitespace_bg;
            f.underline = Stroke::new(1.0, palette.whitespace_line);
        }
        Base::WsDelete => {
            f.background = palette.whitespace_bg;
            f.color = palette.whitespace_line;
            f.strikethrough = Stroke::new(1.0, palette.whitespace_line);
        }
    }
    match flags.finding {
        1 => f.background = palette.finding_bg,
        2 => f.background = palette.finding_current_bg,
        _ => {}
    }
    if flags.finding > 0 && f.underline == Stroke::NONE {
        f.underline = Stroke::new(1.0, palette.finding_line);
    }
    match flags.search {
        1 => f.background = palette.search_bg,
        2 => f.background = palette.search_current_bg,
        _ => {}
    }
    if flags.search > 0 || flags.finding > 0 {
        f.color = palette.text;
        if palette.text.r() > 128 && flags.search > 0 {
            f.color = egui::Color32::BLACK;
        }
    }
    f
}

fn level(map: Option<&SpanMap>, current: Option<usize>, key: (usize, usize), offset: usize) -> u8 {
    let Some(list) = map.and_then(|m| m.get(&key)) else {
        return 0;
    };
    let mut best = 0;
    for &(s, e, i) in list {
        if (s..e).contains(&offset) {
            best = best.max(if Some(i) == current { 2 } else { 1 });
        }
    }
    best
}

/// Builds the styled blocks of a cell of `article` (index `a`).
#[must_use]
pub fn cell_blocks(
    a: usize,
    article: &Article,
    cell: &Cell,
    highlights: &Highlights<'_>,
    palette: &Palette,
    font: &FontId,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let new_block = |p: usize| Block {
        paragraph: p,
        styled: Styled::default(),
        rtl: article
            .paragraphs
            .get(p)
            .is_some_and(|para| is_rtl(&para.text)),
    };
    let first = cell.paragraphs.first().copied().unwrap_or(0);
    blocks.push(new_block(first));
    let mut push_run = |blocks: &mut Vec<Block>, text: &str, flags: Flags| {
        if let Some(b) = blocks.last_mut() {
            b.styled.push(text, &format(flags, palette, font));
        }
    };
    let own_char_runs = |blocks: &mut Vec<Block>,
                         push_run: &mut dyn FnMut(&mut Vec<Block>, &str, Flags),
                         text: &str,
                         paragraph: usize,
                         start: usize,
                         base: Base| {
        let key = (a, paragraph);
        let mut run = String::new();
        let mut run_flags: Option<Flags> = None;
        for (k, c) in text.chars().enumerate() {
            let offset = start + k;
            let flags = Flags {
                base,
                search: level(highlights.search, highlights.current_match, key, offset),
                finding: level(highlights.findings, highlights.current_finding, key, offset),
            };
            if run_flags != Some(flags) {
                if let Some(f) = run_flags {
                    push_run(blocks, &run, f);
                }
                run.clear();
                run_flags = Some(flags);
            }
            run.push(c);
        }
        if let Some(f) = run_flags {
            push_run(blocks, &run, f);
        }
    };
    if cell.ops.is_empty() {
        for (i, &p) in cell.paragraphs.iter().enumerate() {
            if i > 0 {
                blocks.push(new_block(p));
            }
            if let Some(para) = article.paragraphs.get(p) {
                own_char_runs(&mut blocks, &mut push_run, &para.text, p, 0, Base::Equal);
            }
        }
        return blocks;
    }
    for op in &cell.ops {
        match op.tag {
            OpTag::Equal | OpTag::Insert => {
                let p = op.span.paragraph;
                if blocks.last().is_some_and(|b| b.paragraph != p) {
                    blocks.push(new_block(p));
                }
                let base = match (op.tag, op.whitespace_only) {
                    (OpTag::Equal, _) => Base::Equal,
                    (_, true) => Base::WsInsert,
                    _ => Base::Insert,
                };
                own_char_runs(&mut blocks, &mut push_run, &op.text, p, op.span.start, base);
            }
            OpTag::Delete => {
                let base = if op.whitespace_only {
                    Base::WsDelete
                } else {
                    Base::Delete
                };
                let flags = Flags {
                    base,
                    search: 0,
                    finding: 0,
                };
                if op.text.chars().all(char::is_whitespace) {
                    push_run(&mut blocks, "·", flags);
                } else {
                    push_run(&mut blocks, &op.text, flags);
                }
            }
        }
    }
    blocks
}
