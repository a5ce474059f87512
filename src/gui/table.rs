//! The aligned rows: one column per article, every cell of a row the same height,
//! virtualised (only visible rows are laid out) with cached text layouts and row heights.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Align2, FontId, Galley, Pos2, Rect, Sense, Stroke, pos2, vec2};

use super::bidi;
use super::command::Command;
use super::ctx::ViewCtx;
use super::layout::{Highlights, cell_blocks};
use super::theme::{Palette, palette};
use super::view::Item;
use crate::model::{Cell, Comparison, FindingKind, Override};

/// Left gutter with row numbers.
pub const GUTTER: f32 = 44.0;
/// Padding inside a cell.
const PAD: f32 = 6.0;
/// Gap between paragraphs inside a split/merged cell.
const BLOCK_GAP: f32 = 8.0;
/// Height of a fold marker.
const FOLD_H: f32 = 28.0;
/// Smallest column width before the view scrolls sideways.
pub const MIN_COLUMN: f32 = 200.0;
/// Smallest column width in the fit-all-columns mode.
pub const MIN_FIT_COLUMN: f32 = 90.0;

/// The rows view's own state: the layout cache and the scrolls asked for.
#[derive(Debug, Default)]
pub struct TableState {
    /// Laid-out text and row heights.
    pub cache: TableCache,
    /// Scroll the rows to this row on the next frame.
    pub scroll_to: Option<usize>,
    /// Scroll sideways so that this article's column is in sight.
    pub scroll_to_article: Option<usize>,
    /// Scroll to the first row and the first column (a new set was opened).
    pub home: bool,
}

impl TableState {
    /// Asks for the first row and first column on the next frame.
    pub fn scroll_home(&mut self) {
        self.home = true;
        self.scroll_to = None;
        self.scroll_to_article = None;
    }
}

/// A laid-out cell.
#[derive(Debug)]
pub struct CellLayout {
    /// The marker line (moved, split, merged), if any.
    pub tags: Option<Arc<Galley>>,
    /// Text lines: galley, right-aligned, y offset below the marker line.
    pub lines: Vec<(Arc<Galley>, bool, f32)>,
    /// Findings on this cell.
    pub findings: Vec<usize>,
    /// Total height including padding.
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq)]
struct Key {
    generation: u64,
    font: u32,
    hidden: Vec<FindingKind>,
    width: u32,
    dark: bool,
    search: u64,
    finding: Option<usize>,
    mention: Option<super::ctx::MentionSpan>,
    /// Fonts installed, atlas size and scale: cached galleys hold atlas coordinates.
    fonts: (usize, [usize; 2], u32),
}

/// Cached layouts and heights.
#[derive(Debug, Default)]
pub struct TableCache {
    key: Option<Key>,
    cells: HashMap<(usize, usize), Arc<CellLayout>>,
    row_height: Vec<Option<f32>>,
    /// Top of each item in content coordinates, plus the total at the end.
    pub prefix: Vec<f32>,
    /// Visible content range (top, bottom) of the last frame.
    pub viewport: (f32, f32),
    /// Number of cells laid out in the last frame (for tests and benchmarks).
    pub laid_out_last_frame: usize,
    finding_spans: super::layout::SpanMap,
    atlas_fill: f32,
    estimates: Vec<f32>,
}

impl TableCache {
    fn reset(
        &mut self,
        key: Key,
        comparison: &Comparison,
        hidden: &std::collections::BTreeSet<FindingKind>,
        inner: f32,
        font: f32,
    ) {
        self.key = Some(key);
        self.cells.clear();
        self.row_height = vec![None; comparison.rows.len()];
        self.estimates = (0..comparison.rows.len())
            .map(|r| estimate(comparison, r, inner, font))
            .collect();
        self.finding_spans.clear();
        for (i, f) in comparison.findings.iter().enumerate() {
            if hidden.contains(&f.kind) {
                continue;
            }
            self.finding_spans
                .entry((f.article, f.paragraph))
                .or_default()
                .push((f.start, f.end, i));
        }
    }

    /// Content-space top of an item.
    #[must_use]
    pub fn item_top(&self, item: usize) -> f32 {
        self.prefix.get(item).copied().unwrap_or(0.0)
    }

    /// Total content height.
    #[must_use]
    pub fn total(&self) -> f32 {
        self.prefix.last().copied().unwrap_or(0.0)
    }

    /// The layout of a cell laid out before (tests read what a cell shows).
    #[must_use]
    pub fn layout_of(&self, row: usize, article: usize) -> Option<&CellLayout> {
        self.cells.get(&(row, article)).map(AsRef::as_ref)
    }

    /// The item at a content-space y.
    #[must_use]
    pub fn item_at(&self, y: f32) -> usize {
        self.prefix.partition_point(|&t| t <= y).saturating_sub(1)
    }
}

fn estimate(comparison: &Comparison, row: usize, inner: f32, font: f32) -> f32 {
    let Some(r) = comparison.rows.get(row) else {
        return FOLD_H;
    };
    let per_line = (inner / (font * 0.5)).max(1.0);
    let line_h = font * 1.3;
    let mut best: f32 = 1.0;
    for (a, cell) in r.cells.iter().enumerate() {
        let Some(cell) = cell else { continue };
        let chars: usize = cell
            .paragraphs
            .iter()
            .filter_map(|p| comparison.articles.get(a)?.paragraphs.get(*p))
            .map(|p| p.text.chars().count())
            .sum();
        best = best.max((chars as f32 / per_line).ceil() + cell.paragraphs.len() as f32 - 1.0);
    }
    best * line_h + 2.0 * PAD + line_h
}

fn tag_text(comparison: &Comparison, row: usize, a: usize, cell: &Cell) -> Option<String> {
    let reference = comparison.options.reference;
    let ref_cell = comparison
        .rows
        .get(row)
        .and_then(|r| r.cells.get(reference))
        .and_then(Option::as_ref);
    let paras = |c: &Cell| {
        c.paragraphs
            .iter()
            .map(|p| format!("¶{}", p + 1))
            .collect::<Vec<_>>()
            .join("+")
    };
    let mut tags = Vec::new();
    if let Some(caption) = super::layout::related_caption(cell, ref_cell.is_some()) {
        tags.push(caption);
    } else if a == reference && !cell.marks.is_empty() {
        tags.push("reference · facts marked".to_string());
    }
    if cell.moved {
        let here = cell.paragraphs.first().map_or(0, |p| p + 1);
        match ref_cell {
            Some(rc) if a != reference => tags.push(format!(
                "↕ moved: ¶{here} in this article, {} in the reference",
                paras(rc)
            )),
            _ => tags.push(format!("↕ moved: ¶{here} in this article")),
        }
    }
    if let Some(note) = &cell.note {
        tags.push(format!("⚠ {note}"));
    }
    let ref_n = ref_cell.map_or(1, |c| c.paragraphs.len());
    if cell.paragraphs.len() > 1 {
        if a == reference {
            tags.push(format!("{} (one passage)", paras(cell)));
        } else {
            tags.push(format!("{} split from one passage", paras(cell)));
        }
    } else if ref_n > 1 && a != reference {
        tags.push(format!(
            "{} merged ({} in the reference)",
            paras(cell),
            ref_n
        ));
    }
    if tags.is_empty() {
        None
    } else {
        Some(tags.join(" · "))
    }
}

/// What a cell's layout reads besides the cell: the context, the findings' spans and the
/// text size in use.
struct LayoutInput<'a> {
    ctx: &'a ViewCtx<'a>,
    finding_spans: &'a super::layout::SpanMap,
    font_size: f32,
}

fn layout_cell(
    ui: &egui::Ui,
    input: &LayoutInput<'_>,
    comparison: &Comparison,
    row: usize,
    a: usize,
    cell: &Cell,
    inner: f32,
) -> CellLayout {
    let ctx = input.ctx;
    let pal = palette(ctx.settings.dark);
    let font = FontId::proportional(input.font_size);
    let small = FontId::proportional((input.font_size - 3.0).max(9.0));
    let Some(article) = comparison.articles.get(a) else {
        return CellLayout {
            tags: None,
            lines: Vec::new(),
            findings: Vec::new(),
            height: 2.0 * PAD,
        };
    };
    let highlights = Highlights {
        search: Some(&ctx.search.by_paragraph),
        current_match: ctx.search.current,
        findings: Some(input.finding_spans),
        current_finding: ctx.selection.finding,
        mention: ctx.selection.mention,
    };
    let blocks = cell_blocks(a, article, cell, &highlights, &pal, &font);
    let findings: Vec<usize> = cell
        .paragraphs
        .iter()
        .filter_map(|p| ctx.derived.cell_findings.get(&(a, *p)))
        .flatten()
        .copied()
        .collect();
    let mut tag = tag_text(comparison, row, a, cell);
    if cell
        .paragraphs
        .iter()
        .any(|p| ctx.derived.corrected.contains(&(a, *p)))
    {
        let note = "✎ corrected by you".to_string();
        tag = Some(tag.map_or_else(|| note.clone(), |t| format!("{t} · {note}")));
    }
    ui.ctx().fonts_mut(|fonts| {
        let tags = if tag.is_some() || !findings.is_empty() {
            let text = tag.unwrap_or_default();
            let mut job =
                egui::text::LayoutJob::simple(text, small.clone(), pal.muted, inner - 40.0);
            job.wrap.max_rows = 2;
            Some(fonts.layout_job(job))
        } else {
            None
        };
        let mut y = tags
            .as_ref()
            .map_or(0.0, |g| g.size().y.max(small.size * 1.3) + 4.0);
        let mut lines = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            if i > 0 {
                y += BLOCK_GAP;
            }
            if block.rtl {
                for g in bidi::layout_rtl(fonts, &block.styled, inner) {
                    let h = g.size().y;
                    lines.push((g, true, y));
                    y += h;
                }
            } else {
                let g = fonts.layout_job(block.styled.to_job(inner));
                let h = g.size().y;
                lines.push((g, false, y));
                y += h;
            }
        }
        CellLayout {
            tags,
            lines,
            findings,
            height: y + 2.0 * PAD,
        }
    })
}

/// Column width for `n` columns in `available` points (`fit`: every column fits, down to
/// [`MIN_FIT_COLUMN`]).
#[must_use]
pub fn column_width(available: f32, n: usize, fit: bool) -> f32 {
    let n = n.max(1) as f32;
    let min = if fit { MIN_FIT_COLUMN } else { MIN_COLUMN };
    ((available - GUTTER - 4.0) / n).max(min).floor()
}

/// The body text size for a column width: the chosen size, scaled down in the fit mode
/// when columns are narrower than usual (never below 9 points).
#[must_use]
pub fn text_size(chosen: f32, col_w: f32, fit: bool) -> f32 {
    if fit && col_w < 260.0 {
        (chosen * (col_w / 260.0).max(0.6)).max(9.0).round()
    } else {
        chosen
    }
}

/// Where the rows view scrolls to bring `row` into sight: its top, 60 points down; none
/// when the row is already in full view (one just clicked stays where it is).
fn row_scroll(items: &[Item], cache: &TableCache, row: usize) -> Option<f32> {
    let idx = items
        .iter()
        .position(|i| matches!(i, Item::Row(r) if *r == row))?;
    let (top, bottom) = (cache.item_top(idx), cache.item_top(idx + 1));
    let (seen_top, seen_bottom) = cache.viewport;
    let in_view = seen_bottom > seen_top && top >= seen_top && bottom <= seen_bottom;
    (!in_view).then_some((top - 60.0).max(0.0))
}

/// Draws the header and the rows.
pub fn show(ctx: &mut ViewCtx<'_>, state: &mut TableState, ui: &mut egui::Ui) {
    let Some(comparison) = ctx.comparison else {
        return;
    };
    let n = comparison.articles.len();
    let fit = ctx.settings.fit_columns;
    let col_w = column_width(ui.available_width(), n, fit);
    let font_size = text_size(ctx.settings.font_size, col_w, fit);
    let total_w = GUTTER + col_w * n as f32;
    let inner = col_w - 2.0 * PAD;
    let (n_fonts, atlas_size, fill) = ui.ctx().fonts(|f| {
        (
            f.definitions().font_data.len(),
            f.font_image_size(),
            f.font_atlas_fill_ratio(),
        )
    });
    let cache = &mut state.cache;
    // A fuller atlas is the same atlas; an emptier one was cleared and the galleys are stale.
    let atlas_cleared = fill < cache.atlas_fill;
    cache.atlas_fill = fill;
    let key = Key {
        generation: ctx.generation,
        font: font_size.to_bits(),
        hidden: ctx.settings.hidden_kinds.iter().copied().collect(),
        width: col_w.to_bits(),
        dark: ctx.settings.dark,
        search: ctx.search.revision,
        finding: ctx.selection.finding,
        mention: ctx.selection.mention,
        fonts: (n_fonts, atlas_size, ui.ctx().pixels_per_point().to_bits()),
    };
    if atlas_cleared || cache.key.as_ref() != Some(&key) {
        cache.reset(
            key,
            comparison,
            &ctx.settings.hidden_kinds,
            inner,
            font_size,
        );
    }
    // Heights of every item: measured when laid out before, estimated otherwise.
    let mut prefix = Vec::with_capacity(ctx.items.len() + 1);
    let mut y = 0.0;
    for item in ctx.items {
        prefix.push(y);
        y += match item {
            Item::Row(r) => cache
                .row_height
                .get(*r)
                .copied()
                .flatten()
                .or_else(|| cache.estimates.get(*r).copied())
                .unwrap_or(FOLD_H),
            Item::Fold { .. } => FOLD_H,
        };
    }
    prefix.push(y);
    cache.prefix = prefix;
    let total_h = y;

    let home = std::mem::take(&mut state.home);
    let scroll_target = if home {
        Some(0.0)
    } else {
        state
            .scroll_to
            .take()
            .and_then(|row| row_scroll(ctx.items, cache, row))
    };
    let to_article = state.scroll_to_article.take();

    let mut columns = egui::ScrollArea::horizontal()
        .id_salt("columns")
        .auto_shrink(false);
    if home {
        columns = columns.horizontal_scroll_offset(0.0);
    }
    columns.show(ui, |ui| {
        ui.set_min_width(total_w);
        ui.set_max_width(total_w);
        let left = ui.cursor().min;
        if let Some(a) = to_article.filter(|a| *a < n) {
            // The column and the pinned gutter's width before it come into sight.
            let rect = Rect::from_min_size(
                left + vec2(col_w * a as f32, 0.0),
                vec2(col_w + GUTTER, 1.0),
            );
            ui.scroll_to_rect(rect, None);
        }
        super::header::show(ctx, comparison, ui, col_w);
        super::headline::show(ctx, comparison, ui, col_w);
        let mut area = egui::ScrollArea::vertical()
            .id_salt("rows")
            .auto_shrink(false);
        if let Some(t) = scroll_target {
            area = area.vertical_scroll_offset(t);
        }
        area.show_viewport(ui, |ui, viewport| {
            ui.set_width(total_w);
            ui.set_height(total_h);
            draw_rows(ctx, &mut state.cache, ui, viewport, (col_w, font_size));
        });
    });
}

#[allow(clippy::too_many_lines)]
fn draw_rows(
    ctx: &mut ViewCtx<'_>,
    cache: &mut TableCache,
    ui: &mut egui::Ui,
    viewport: Rect,
    (col_w, font_size): (f32, f32),
) {
    let Some(comparison) = ctx.comparison else {
        return;
    };
    let pal = palette(ctx.settings.dark);
    let origin = ui.max_rect().min;
    // The row numbers stay at the visible left edge when the columns scroll sideways.
    let gutter_x = ui.clip_rect().min.x.max(origin.x);
    let inner = col_w - 2.0 * PAD;
    cache.viewport = (viewport.min.y, viewport.max.y);
    // What the columns' sideways scroll leaves in sight.
    let visible_x = ui.clip_rect().x_range();
    let first = cache.item_at(viewport.min.y);
    let mut laid_out = 0;
    let mut height_changed = false;
    let small = FontId::proportional((font_size - 3.0).max(9.0));
    let mut commands = Vec::new();
    let mut idx = first;
    while let Some(item) = ctx.items.get(idx).copied() {
        let top = cache.item_top(idx);
        if top > viewport.max.y {
            break;
        }
        let bottom = cache.item_top(idx + 1);
        let row_rect = Rect::from_min_max(
            origin + vec2(0.0, top),
            origin + vec2(GUTTER + col_w * comparison.articles.len() as f32, bottom),
        );
        match item {
            Item::Fold { first, count } => {
                let label = if count == 1 {
                    "⋯ 1 unchanged row (click to show)".to_string()
                } else {
                    format!("⋯ {count} unchanged rows (click to show)")
                };
                let button = egui::Button::new(egui::RichText::new(label).color(pal.muted))
                    .fill(pal.missing_bg);
                if ui.put(row_rect.shrink2(vec2(2.0, 2.0)), button).clicked() {
                    commands.push(Command::ExpandFold(first));
                }
            }
            Item::Row(r) => {
                let Some(row) = comparison.rows.get(r) else {
                    idx += 1;
                    continue;
                };
                let selected = ctx.selection.row == Some(r);
                let painter = ui.painter();
                if selected {
                    painter.rect_filled(row_rect, 0.0, pal.selected_bg);
                }
                let mut max_h: f32 = 0.0;
                for (a, cell) in row.cells.iter().enumerate() {
                    let x = row_rect.min.x + GUTTER + col_w * a as f32;
                    let cell_rect = Rect::from_min_max(
                        pos2(x, row_rect.min.y),
                        pos2(x + col_w, row_rect.max.y),
                    );
                    let layout = cell.as_ref().map(|cell| {
                        cached_layout(
                            ctx,
                            cache,
                            ui,
                            (comparison, r, a, cell),
                            (inner, font_size),
                            &mut laid_out,
                        )
                    });
                    let missing_h = small.size * 2.0 + 2.0 * PAD;
                    if !cell_rect.x_range().intersects(visible_x) {
                        // A column scrolled out of sight sideways: only its height counts
                        // (the row is as tall as its tallest cell), nothing is drawn.
                        max_h = max_h.max(layout.as_ref().map_or(missing_h, |l| l.height));
                        continue;
                    }
                    let mut response =
                        cell_response(ui, comparison, cell_rect, (r, a), cell.as_ref());
                    let drawn = cell.as_ref().zip(layout).map(|(cell, layout)| {
                        let lines =
                            draw_cell(ui, comparison, cell_rect, &layout, cell, &pal, (r, a));
                        (layout.height, lines)
                    });
                    if let Some((_, Some(lines))) = &drawn {
                        response = response.union(lines.clone());
                    }
                    if response.clicked() {
                        match (ctx.pending_link, cell) {
                            (Some(_), Some(cell)) => {
                                if let Some(&p) = cell.paragraphs.first() {
                                    commands.push(Command::FinishLink {
                                        article: a,
                                        paragraph: p,
                                    });
                                }
                            }
                            _ => commands.push(Command::SelectRow(r)),
                        }
                    }
                    if let Some(cell) = cell {
                        response.context_menu(|ui| {
                            cell_menu(ctx, ui, (r, a), cell, &mut commands);
                        });
                    }
                    if let Some((height, _)) = drawn {
                        max_h = max_h.max(height);
                    } else {
                        draw_missing(ui, cell_rect, &pal, &small, comparison.missing_label(r, a));
                        max_h = max_h.max(missing_h);
                    }
                }
                // Gutter (pinned): row number, change mark; click selects the row.
                let gutter = Rect::from_min_max(
                    pos2(gutter_x, row_rect.min.y),
                    pos2(gutter_x + GUTTER, row_rect.max.y),
                );
                let response = ui.interact(gutter, ui.scope_id().with(("row", r)), Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::accesskit::Role::Button,
                        true,
                        format!("Select row {}", r + 1),
                    )
                });
                if response.clicked() {
                    commands.push(Command::SelectRow(r));
                }
                let painter = ui.painter();
                painter.rect_filled(
                    gutter,
                    0.0,
                    if selected {
                        pal.selected_bg
                    } else {
                        ui.visuals().panel_fill
                    },
                );
                let changed = ctx.derived.row_changed.get(r) == Some(&true);
                painter.text(
                    pos2(gutter.min.x + GUTTER - 8.0, gutter.min.y + PAD),
                    Align2::RIGHT_TOP,
                    format!("{}", r + 1),
                    small.clone(),
                    if changed { pal.ruler_change } else { pal.muted },
                );
                if changed {
                    painter.rect_filled(
                        Rect::from_min_size(
                            pos2(gutter.min.x + GUTTER - 5.0, gutter.min.y + 2.0),
                            vec2(3.0, gutter.height() - 4.0),
                        ),
                        1.0,
                        pal.ruler_change,
                    );
                }
                painter.hline(
                    row_rect.x_range(),
                    row_rect.max.y - 0.5,
                    Stroke::new(1.0, pal.grid),
                );
                if selected {
                    painter.rect_stroke(
                        row_rect.shrink(1.0),
                        2.0,
                        Stroke::new(2.0, pal.selected_line),
                        egui::StrokeKind::Inside,
                    );
                }
                let max_h = max_h.ceil();
                if let Some(slot) = cache.row_height.get_mut(r)
                    && *slot != Some(max_h)
                {
                    *slot = Some(max_h);
                    height_changed = true;
                }
            }
        }
        idx += 1;
    }
    // Column separators (the first one beside the pinned gutter).
    let painter = ui.painter();
    for a in 0..=comparison.articles.len() {
        let x = (origin.x + GUTTER + col_w * a as f32).max(gutter_x + GUTTER);
        painter.vline(
            x,
            egui::Rangef::new(origin.y + viewport.min.y, origin.y + viewport.max.y),
            Stroke::new(1.0, pal.grid),
        );
    }
    cache.laid_out_last_frame = laid_out;
    ctx.commands.extend(commands);
    if height_changed {
        ui.ctx().request_repaint();
    }
}

/// The laid-out cell (row `r`, article `a`): from the cache, or laid out now and kept
/// (counted in `laid_out`).
fn cached_layout(
    ctx: &ViewCtx<'_>,
    cache: &mut TableCache,
    ui: &egui::Ui,
    (comparison, r, a, cell): (&Comparison, usize, usize, &Cell),
    (inner, font_size): (f32, f32),
    laid_out: &mut usize,
) -> Arc<CellLayout> {
    if let Some(l) = cache.cells.get(&(r, a)) {
        return Arc::clone(l);
    }
    *laid_out += 1;
    let input = LayoutInput {
        ctx,
        finding_spans: &cache.finding_spans,
        font_size,
    };
    let l = Arc::new(layout_cell(ui, &input, comparison, r, a, cell, inner));
    cache.cells.insert((r, a), Arc::clone(&l));
    l
}

/// The text of a cell's paragraphs, one blank line between them.
fn cell_text(comparison: &Comparison, a: usize, cell: &Cell) -> String {
    let Some(article) = comparison.articles.get(a) else {
        return String::new();
    };
    cell.paragraphs
        .iter()
        .filter_map(|&p| article.paragraphs.get(p))
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The right-click menu of a cell: copy, reference, and the corrections.
#[allow(clippy::too_many_lines)] // Reason: one menu, item after item.
fn cell_menu(
    ctx: &ViewCtx<'_>,
    ui: &mut egui::Ui,
    (r, a): (usize, usize),
    cell: &Cell,
    commands: &mut Vec<Command>,
) {
    let Some(comparison) = ctx.comparison else {
        return;
    };
    let Some(article) = comparison.articles.get(a) else {
        return;
    };
    let source = article.source;
    let Some(&first) = cell.paragraphs.first() else {
        return;
    };
    if ui.button("Copy text").clicked() {
        ui.ctx().copy_text(cell_text(comparison, a, cell));
        ui.close();
    }
    if ui.button("Copy row").clicked() {
        let text = comparison
            .rows
            .get(r)
            .map(|row| {
                row.cells
                    .iter()
                    .enumerate()
                    .filter_map(|(b, c)| {
                        let c = c.as_ref()?;
                        let name = comparison.articles.get(b)?.short_name();
                        Some(format!("{name}:\n{}", cell_text(comparison, b, c)))
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n")
            })
            .unwrap_or_default();
        ui.ctx().copy_text(text);
        ui.close();
    }
    if a != comparison.options.reference && ui.button("Set as reference").clicked() {
        commands.push(Command::SetReference(a));
        ui.close();
    }
    ui.separator();
    ui.label(egui::RichText::new("Alignment").small().weak());
    let others_in_row = comparison.rows.get(r).is_some_and(|row| {
        row.cells
            .iter()
            .enumerate()
            .any(|(b, c)| b != a && c.is_some())
    });
    for &p in &cell.paragraphs {
        let label = if cell.paragraphs.len() > 1 {
            format!("Unlink ¶{} from this row", p + 1)
        } else {
            "Unlink from this row".to_string()
        };
        if ui
            .add_enabled(
                others_in_row || cell.paragraphs.len() > 1,
                egui::Button::new(label),
            )
            .on_hover_text("The passage becomes a row of its own")
            .clicked()
        {
            commands.push(Command::Correct(Override::Unlink {
                article: source,
                paragraph: p,
            }));
            ui.close();
        }
    }
    if ui
        .button("Link with a passage in another row…")
        .on_hover_text("Then click the passage of another article this one goes with")
        .clicked()
    {
        commands.push(Command::StartLink {
            article: a,
            paragraph: first,
        });
        ui.close();
    }
    for &p in cell.paragraphs.iter().skip(1) {
        if ui
            .button(format!("Split the cell before ¶{}", p + 1))
            .clicked()
        {
            commands.push(Command::Correct(Override::Split {
                article: source,
                paragraph: p,
            }));
            ui.close();
        }
    }
    if ui
        .add_enabled(
            r + 1 < comparison.rows.len(),
            egui::Button::new("Join with the next row"),
        )
        .clicked()
    {
        commands.push(Command::Correct(Override::JoinNext {
            article: source,
            paragraph: first,
        }));
        ui.close();
    }
    ui.separator();
    ui.label(egui::RichText::new("Label").small().weak());
    let furniture = cell.paragraphs.iter().any(|p| {
        ctx.derived.cell_findings.get(&(a, *p)).is_some_and(|list| {
            list.iter().any(|i| {
                comparison
                    .findings
                    .get(*i)
                    .is_some_and(|f| f.kind == FindingKind::Boilerplate)
            })
        })
    });
    let (label, mark) = if furniture {
        ("This is story text, not page furniture", false)
    } else {
        ("This is page furniture", true)
    };
    if ui.button(label).clicked() {
        for &p in &cell.paragraphs {
            commands.push(Command::Correct(Override::Furniture {
                article: source,
                paragraph: p,
                furniture: mark,
            }));
        }
        ui.close();
    }
    if comparison.is_unrelated(a)
        && ui
            .button("This article is the same story")
            .on_hover_text("It shares little wording, but compare it as a report of this story")
            .clicked()
    {
        commands.push(Command::Correct(Override::SameStory { article: source }));
        ui.close();
    }
}

/// A painted cell's interaction: click (select the row, or finish a link), right-click
/// (its menu), and a node that screen readers (and UI tests) can read: the row, the
/// article, the paragraphs, how it compares with the reference, and its text.
fn cell_response(
    ui: &egui::Ui,
    comparison: &Comparison,
    rect: Rect,
    (r, a): (usize, usize),
    cell: Option<&Cell>,
) -> egui::Response {
    let response = ui.interact(rect, ui.scope_id().with(("cell", r, a)), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Label,
            true,
            cell_description(comparison, (r, a), cell),
        )
    });
    response
}

/// What [`announce_cell`] reads out, e.g. "Row 3, rewrite.md ¶6, moved, 53% like the
/// reference: Around 1,200 workers …".
#[must_use]
pub fn cell_description(
    comparison: &Comparison,
    (r, a): (usize, usize),
    cell: Option<&Cell>,
) -> String {
    let Some(article) = comparison.articles.get(a) else {
        return String::new();
    };
    let name = article.short_name();
    let Some(cell) = cell else {
        return format!("Row {}, {name}: {}", r + 1, comparison.missing_label(r, a));
    };
    let paragraphs: Vec<String> = cell
        .paragraphs
        .iter()
        .map(|p| format!("¶{}", p + 1))
        .collect();
    let mut notes = Vec::new();
    if cell.moved {
        notes.push("moved".to_string());
    }
    if cell.note.is_some() {
        notes.push("compared sentence by sentence".to_string());
    }
    if a == comparison.options.reference {
        notes.push("reference".to_string());
    } else if let Some(caption) = super::layout::related_caption(
        cell,
        comparison
            .rows
            .get(r)
            .and_then(|row| row.cells.get(comparison.options.reference))
            .is_some_and(Option::is_some),
    ) {
        notes.push(caption);
    } else if comparison
        .rows
        .get(r)
        .and_then(|row| row.cells.get(comparison.options.reference))
        .is_some_and(Option::is_none)
    {
        notes.push("not in the reference".to_string());
    } else {
        notes.push(format!(
            "{:.0}% like the reference",
            cell.similarity * 100.0
        ));
    }
    let text: Vec<&str> = cell
        .paragraphs
        .iter()
        .filter_map(|&p| article.paragraphs.get(p))
        .map(|p| p.text.as_str())
        .collect();
    format!(
        "Row {}, {name} {}, {}: {}",
        r + 1,
        paragraphs.join("+"),
        notes.join(", "),
        text.join(" ")
    )
}

fn draw_missing(ui: &egui::Ui, rect: Rect, pal: &Palette, font: &FontId, label: &str) {
    let painter = ui.painter();
    let inner = rect.shrink(2.0);
    painter.rect_filled(inner, 2.0, pal.missing_bg);
    // Diagonal hatching: a cue that does not depend on colour.
    let step = 14.0;
    let mut x = inner.min.x - inner.height();
    let clip = painter.with_clip_rect(inner);
    while x < inner.max.x {
        clip.line_segment(
            [pos2(x, inner.max.y), pos2(x + inner.height(), inner.min.y)],
            Stroke::new(1.0, pal.grid),
        );
        x += step;
    }
    painter.text(
        pos2(inner.center().x, inner.min.y + PAD),
        Align2::CENTER_TOP,
        label,
        FontId::new(font.size, egui::FontFamily::Proportional),
        pal.muted,
    );
}

/// Paints a laid-out cell; its text lines can be selected with the mouse and copied
/// (Ctrl+C), as in a label. Returns the lines' responses joined, for clicks and the menu.
fn draw_cell(
    ui: &egui::Ui,
    comparison: &Comparison,
    rect: Rect,
    layout: &CellLayout,
    cell: &Cell,
    pal: &Palette,
    id: (usize, usize),
) -> Option<egui::Response> {
    let painter = ui.painter();
    if cell.moved {
        painter.rect_filled(rect.shrink(1.0), 0.0, pal.moved_bg);
    }
    let content = rect.shrink(PAD);
    // Galleys kept across frames may point at evicted glyphs; re-laying out the kept
    // job goes through egui's galley cache (cheap) and gives valid ones.
    if let Some(tags) = &layout.tags {
        painter.galley(
            content.min,
            painter.layout_job((*tags.job).clone()),
            pal.muted,
        );
    }
    let mut lines: Option<egui::Response> = None;
    for (i, (galley, rtl, y)) in layout.lines.iter().enumerate() {
        let galley = painter.layout_job((*galley.job).clone());
        let x = if *rtl {
            content.max.x - galley.size().x
        } else {
            content.min.x
        };
        let pos = Pos2::new(x, content.min.y + y);
        let line = ui.interact(
            Rect::from_min_size(pos, galley.size()),
            ui.scope_id().with(("line", id, i)),
            Sense::click_and_drag(),
        );
        let line = line.on_hover_cursor(egui::CursorIcon::Text);
        egui::text_selection::LabelSelectionState::label_text_selection(
            ui,
            &line,
            pos,
            galley,
            pal.text,
            Stroke::NONE,
        );
        lines = Some(match lines {
            Some(l) => l.union(line),
            None => line,
        });
    }
    if !layout.findings.is_empty() {
        let text = format!("⚑ {}", layout.findings.len());
        let font = FontId::proportional(12.0);
        let galley = painter.layout_no_wrap(text, font, pal.badge_fg);
        let size = galley.size() + vec2(8.0, 2.0);
        let badge = Rect::from_min_size(pos2(content.max.x - size.x, rect.min.y + 3.0), size);
        painter.rect_filled(badge, 4.0, pal.badge_bg);
        painter.galley(badge.min + vec2(4.0, 1.0), galley, pal.badge_fg);
        let messages: Vec<String> = layout
            .findings
            .iter()
            .filter_map(|i| comparison.findings.get(*i))
            .map(|f| format!("{}: {} “{}”", f.kind.label(), f.message, f.text))
            .collect();
        let response = ui.interact(badge, ui.scope_id().with(("badge", id)), Sense::hover());
        let n = messages.len();
        response.on_hover_text(messages.join("\n")).widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Label,
                true,
                format!("{n} findings in this passage"),
            )
        });
    }
    lines
}
