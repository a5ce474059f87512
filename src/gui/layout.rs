//! Turns one cell (its diff ops against the reference, plus search and finding
//! highlights) into styled text blocks, one per paragraph of the cell. A passage written
//! independently of the reference's ([`Relation::Related`]) is no word diff: it is drawn as
//! its own text with its fact-bearing words marked (shared with the reference passage, or
//! stated only here), and so are the marks of the reference passage of its row.

use std::collections::HashMap;

use egui::text::TextFormat;
use egui::{FontId, Stroke};

use super::bidi::{Styled, is_rtl};
use super::ctx::MentionSpan;
use super::theme::Palette;
use crate::model::{Article, Cell, FactMark, OpTag, Relation};

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
    /// The fact mention jumped to.
    pub mention: Option<MentionSpan>,
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
    /// 0 no fact mark, 1 a shared fact, 2 a fact stated only here.
    mark: u8,
    /// Inside the fact mention jumped to.
    mention: bool,
}

impl Flags {
    const fn plain(base: Base) -> Self {
        Self {
            base,
            search: 0,
            finding: 0,
            mark: 0,
            mention: false,
        }
    }
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
    match flags.mark {
        1 => {
            f.background = palette.mark_shared_bg;
            f.underline = Stroke::new(1.5, palette.mark_shared_line);
        }
        2 => {
            f.background = palette.mark_only_bg;
            f.underline = Stroke::new(1.5, palette.mark_only_line);
        }
        _ => {}
    }
    match flags.finding {
        1 => f.background = palette.finding_bg,
        2 => f.background = palette.finding_current_bg,
        _ => {}
    }
    if flags.finding > 0 && f.underline == Stroke::NONE {
        f.underline = Stroke::new(1.0, palette.finding_line);
    }
    // The mention jumped to from the facts view shows over marks and findings.
    if flags.mention {
        f.background = palette.mention_bg;
        f.underline = Stroke::new(2.0, palette.selected_line);
    }
    match flags.search {
        1 => f.background = palette.search_bg,
        2 => f.background = palette.search_current_bg,
        _ => {}
    }
    if flags.search > 0 || flags.finding > 0 || flags.mention {
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

/// The fact mark at `offset` of `paragraph`: 0 none, 1 shared, 2 stated only here (a word
/// marked both ways counts as stated only here).
#[must_use]
pub fn mark_level(marks: &[FactMark], paragraph: usize, offset: usize) -> u8 {
    let mut best = 0;
    for m in marks {
        if m.span.paragraph == paragraph && (m.span.start..m.span.end).contains(&offset) {
            best = best.max(if m.shared { 1 } else { 2 });
        }
    }
    best
}

/// True when the cell is drawn as a word diff against the reference: not for the
/// reference itself (no ops) nor for a related passage (independent wording, facts marked).
#[must_use]
pub fn shows_word_diff(cell: &Cell) -> bool {
    !cell.ops.is_empty() && !matches!(cell.relation, Relation::Related | Relation::Translation)
}

/// The caption of a related passage: "related · written independently (12% same words)".
#[must_use]
///
/// A translation's caption counts its anchors kept ([`crate::model::translation_caption`];
/// `has_reference`: the row holds the reference's passage).
pub fn related_caption(cell: &Cell, has_reference: bool) -> Option<String> {
    match cell.relation {
        Relation::Related => Some(format!(
            "related · written independently ({:.0}% same words)",
            cell.similarity * 100.0
        )),
        Relation::Translation => Some(crate::model::translation_caption(cell, has_reference)),
        _ => None,
    }
}

/// Builds the styled blocks of a cell of `article` (index `a`): the word diff for a copy or
/// a rewording, the plain text with its facts marked for a related passage.
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
                mark: mark_level(&cell.marks, paragraph, offset),
                mention: highlights.mention.is_some_and(|m| {
                    m.article == a && m.paragraph == paragraph && (m.start..m.end).contains(&offset)
                }),
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
    if !shows_word_diff(cell) {
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
                let flags = Flags::plain(base);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleRef, Format, Op, Paragraph, Span};

    fn article(text: &str) -> Article {
        Article {
            path: "a.txt".to_string(),
            title: "a".to_string(),
            outlet: None,
            author: None,
            date: None,
            format: Format::Txt,
            encoding: "UTF-8".to_string(),
            paragraphs: vec![Paragraph {
                text: text.to_string(),
            }],
            source: ArticleRef::default(),
        }
    }

    fn op(tag: OpTag, text: &str, start: usize) -> Op {
        Op {
            tag,
            text: text.to_string(),
            span: Span {
                paragraph: 0,
                start,
                end: start + text.chars().count(),
            },
            ref_span: None,
            whitespace_only: false,
        }
    }

    #[test]
    fn a_related_passage_is_its_own_text_with_its_facts_marked_and_no_deleted_words() {
        let text = "Mayor Ruth Kellan said 40 homes flooded.";
        let pal = super::super::theme::palette(false);
        let font = FontId::proportional(14.0);
        let mut cell = Cell {
            paragraphs: vec![0],
            similarity: 0.12,
            ops: vec![
                op(OpTag::Delete, "Officials counted ", 0),
                op(OpTag::Insert, text, 0),
            ],
            marks: vec![
                FactMark {
                    span: Span {
                        paragraph: 0,
                        start: 6,
                        end: 16,
                    },
                    shared: true,
                },
                FactMark {
                    span: Span {
                        paragraph: 0,
                        start: 23,
                        end: 25,
                    },
                    shared: false,
                },
            ],
            relation: Relation::Related,
            ..Cell::default()
        };
        let blocks = cell_blocks(
            0,
            &article(text),
            &cell,
            &Highlights::default(),
            &pal,
            &font,
        );
        let styled = &blocks[0].styled;
        assert_eq!(styled.text, text, "no reference words");
        let at = |needle: &str| {
            let start = styled.text.find(needle).unwrap();
            styled
                .sections
                .iter()
                .find(|(range, _)| range.contains(&start))
                .unwrap()
                .1
                .clone()
        };
        assert_eq!(at("Ruth").background, pal.mark_shared_bg);
        assert_eq!(at("40").background, pal.mark_only_bg);
        assert_eq!(at("homes").background, egui::Color32::TRANSPARENT);
        assert!(
            styled
                .sections
                .iter()
                .all(|(_, f)| f.strikethrough == Stroke::NONE)
        );
        assert_eq!(
            related_caption(&cell, true).unwrap(),
            "related · written independently (12% same words)"
        );
        // Reworded, the same cell is a word diff with the reference's words struck through.
        cell.relation = Relation::Reworded;
        let blocks = cell_blocks(
            0,
            &article(text),
            &cell,
            &Highlights::default(),
            &pal,
            &font,
        );
        assert!(blocks[0].styled.text.contains("Officials counted"));
        assert!(related_caption(&cell, true).is_none());
    }
}
