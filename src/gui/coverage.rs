//! The coverage view: who carries which passage, at a glance, for a fact-checker with
//! several reports of one event. Three parts, all read from the [`CoverageMap`] that
//! [`Derived`](super::derived::Derived) computes once per comparison:
//!
//! - the article × article relatedness as a heat map with its numbers (articles most likely
//!   about another story are named as such);
//! - per outlet: the passages it carries alone, those most others carry and it omits, the
//!   facts it states differently — each one click away from the side-by-side view;
//! - the passage × outlet matrix: one line per row, one chip per article saying how the
//!   article carries the passage, drawn only for the lines in view.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Align2, Color32, FontId, Galley, Rect, RichText, Sense, Stroke, pos2, vec2};

use super::command::Command;
use super::ctx::ViewCtx;
use super::theme::{Palette, palette};
use crate::coverage::map::{Carried, CoverageMap, MapCell};
use crate::model::Comparison;

/// Width of one article's column in the matrix.
pub const CHIP_W: f32 = 118.0;
/// Height of one line of the matrix.
const LINE_H: f32 = 24.0;
/// Width of the row number and excerpt column.
const PASSAGE_W: f32 = 320.0;
/// Width of a heat-map cell.
const HEAT_W: f32 = 64.0;
/// Height of a heat-map cell.
const HEAT_H: f32 = 24.0;
/// Width of the heat map's row headers.
const HEAT_NAME_W: f32 = 190.0;
/// How many rows or facts an outlet summary lists before "+N more".
const SUMMARY_ITEMS: usize = 14;
/// The marker of a damaged passage (a glyph the bundled fonts have).
pub const DAMAGE_MARK: &str = "⚠";

/// The coverage view's own state.
#[derive(Debug, Default)]
pub struct CoverageState {
    /// Leave page furniture out of the matrix.
    pub hide_furniture: bool,
    /// The lines shown (indices into the map's lines) and what they were computed for.
    shown: Vec<usize>,
    shown_key: Option<(u64, bool)>,
}

/// A one-line galley, cut with "…" at `width`.
#[must_use]
pub fn elided(ui: &egui::Ui, text: &str, font: FontId, color: Color32, width: f32) -> Arc<Galley> {
    let mut job = LayoutJob::simple(text.to_string(), font, color, width);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job.wrap.overflow_character = Some('…');
    ui.ctx().fonts_mut(|f| f.layout_job(job))
}

/// The header line of a table with one column per article: `first` over the leading column
/// `first_w` wide, then each label elided to its `column_w` column, its full `hover` text on
/// hover. Returns the header's rect.
pub fn column_header(
    ui: &mut egui::Ui,
    pal: &Palette,
    (first, first_w): (&str, f32),
    column_w: f32,
    labels: &[(String, &str)],
    id: &str,
) -> Rect {
    let small = FontId::proportional(12.0);
    let total_w = first_w + column_w * labels.len() as f32;
    let (head, _) = ui.allocate_exact_size(vec2(total_w, LINE_H), Sense::hover());
    ui.painter().text(
        pos2(head.min.x + 4.0, head.center().y),
        Align2::LEFT_CENTER,
        first,
        small.clone(),
        pal.muted,
    );
    for (a, (label, hover)) in labels.iter().enumerate() {
        let cell = Rect::from_min_size(
            head.min + vec2(first_w + column_w * a as f32, 0.0),
            vec2(column_w, LINE_H),
        );
        let g = elided(ui, label, small.clone(), pal.text, column_w - 8.0);
        ui.painter().galley(
            pos2(cell.min.x + 4.0, cell.center().y - g.size().y / 2.0),
            g,
            pal.text,
        );
        ui.interact(cell, ui.scope_id().with((id, a)), Sense::hover())
            .on_hover_text(*hover);
    }
    head
}

/// The text a chip shows: short enough for its column ("related 12%").
#[must_use]
pub fn chip_text(carried: Carried) -> String {
    match carried {
        Carried::Related(s) => format!("related {:.0}%", s * 100.0),
        Carried::Translation(s) => format!("translation {:.0}%", s * 100.0),
        other => other.label(),
    }
}

/// What a chip says to a screen reader (and to the tests): "Row 3, bbc.json: reworded 72%",
/// with ", damaged" and ", page furniture" when they apply.
#[must_use]
pub fn chip_description(row: usize, name: &str, cell: &MapCell) -> String {
    let mut text = format!("Row {}, {name}: {}", row + 1, cell.carried.label());
    if cell.damaged {
        text.push_str(", damaged");
    }
    if cell.furniture {
        text.push_str(", page furniture");
    }
    text
}

fn chip_fill(carried: Carried, pal: &Palette) -> Color32 {
    match carried {
        Carried::Same => pal.chip_same,
        Carried::Reworded(_) => pal.chip_reworded,
        Carried::Related(_) | Carried::Translation(_) => pal.chip_related,
        Carried::Only => pal.chip_only,
        Carried::Absent => Color32::TRANSPARENT,
    }
}

/// Draws the coverage view.
pub fn show(ctx: &mut ViewCtx<'_>, state: &mut CoverageState, ui: &mut egui::Ui) {
    let Some(comparison) = ctx.comparison else {
        return;
    };
    let map = &ctx.derived.coverage;
    let pal = palette(ctx.settings.dark);
    let key = (ctx.generation, state.hide_furniture);
    if state.shown_key != Some(key) {
        state.shown = map
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                !state.hide_furniture
                    || l.cells
                        .iter()
                        .any(|c| c.carried != Carried::Absent && !c.furniture)
            })
            .map(|(i, _)| i)
            .collect();
        state.shown_key = Some(key);
    }
    let mut commands = Vec::new();
    let top_h = (ui.available_height() * 0.45).max(120.0);
    egui::ScrollArea::vertical()
        .id_salt("coverage-top")
        .max_height(top_h)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::CollapsingHeader::new(RichText::new("How related the articles are").strong())
                .id_salt("coverage-heat")
                .default_open(true)
                .show(ui, |ui| heat_map(comparison, &pal, ui));
            egui::CollapsingHeader::new(RichText::new("What each outlet stands out for").strong())
                .id_salt("coverage-outlets")
                .default_open(true)
                .show(ui, |ui| summaries(comparison, map, &pal, ui, &mut commands));
        });
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Passage by passage").strong());
        ui.label(
            RichText::new(format!(
                "{} passages · click a chip to see it side by side",
                state.shown.len()
            ))
            .color(pal.muted),
        );
        ui.checkbox(&mut state.hide_furniture, "Hide page furniture");
    });
    matrix(ctx, comparison, &state.shown, &pal, ui, &mut commands);
    ctx.commands.extend(commands);
}

/// The article × article relatedness, one painted cell per pair with its value.
fn heat_map(c: &Comparison, pal: &Palette, ui: &mut egui::Ui) {
    let n = c.articles.len();
    if c.relatedness.len() != n {
        ui.label(
            RichText::new("No relatedness in this comparison (made by an older storydiff).")
                .color(pal.muted),
        );
        return;
    }
    ui.label(
        RichText::new(
            "Shared names, figures and distinctive words, 0 (nothing in common) to 1 (the same report).",
        )
        .color(pal.muted),
    );
    let small = FontId::proportional(12.0);
    let names: Vec<String> = c
        .articles
        .iter()
        .map(crate::model::Article::short_name)
        .collect();
    let width = HEAT_NAME_W + HEAT_W * n as f32;
    let (rect, _) = ui.allocate_exact_size(vec2(width, HEAT_H * (n + 1) as f32), Sense::hover());
    let base = ui.visuals().extreme_bg_color;
    heat_headers(ui, rect, &names, pal);
    for (a, name) in names.iter().enumerate() {
        let y = rect.min.y + HEAT_H * (a + 1) as f32;
        let head = Rect::from_min_size(pos2(rect.min.x, y), vec2(HEAT_NAME_W, HEAT_H));
        let unrelated = c.is_unrelated(a);
        let label = if unrelated {
            format!("{name} · another story?")
        } else {
            name.clone()
        };
        let color = if unrelated { pal.warn } else { pal.text };
        let g = elided(ui, &label, small.clone(), color, HEAT_NAME_W - 8.0);
        ui.painter().galley(
            pos2(head.min.x, head.center().y - g.size().y / 2.0),
            g,
            color,
        );
        let r = ui.interact(head, ui.scope_id().with(("heat-row", a)), Sense::hover());
        if unrelated {
            r.on_hover_text(format!(
                "{name} shares little with every other article: most likely a report of another story"
            ));
        } else {
            r.on_hover_text(name);
        }
        for (b, other) in names.iter().enumerate() {
            let cell = Rect::from_min_size(
                pos2(rect.min.x + HEAT_NAME_W + HEAT_W * b as f32, y),
                vec2(HEAT_W, HEAT_H),
            )
            .shrink(1.0);
            let value = c
                .relatedness
                .get(a)
                .and_then(|row| row.get(b))
                .copied()
                .unwrap_or(0.0);
            let painter = ui.painter();
            if a == b {
                painter.rect_filled(cell, 2.0, pal.missing_bg);
                painter.text(
                    cell.center(),
                    Align2::CENTER_CENTER,
                    "—",
                    small.clone(),
                    pal.muted,
                );
                continue;
            }
            #[allow(clippy::cast_possible_truncation)] // Reason: clamped to 0–1 first.
            let t = value.clamp(0.0, 1.0).sqrt() as f32;
            let fill = lerp(base, pal.heat, t);
            painter.rect_filled(cell, 2.0, fill);
            let text_color = if t > 0.6 { Color32::WHITE } else { pal.text };
            painter.text(
                cell.center(),
                Align2::CENTER_CENTER,
                format!("{value:.2}"),
                small.clone(),
                text_color,
            );
            let description = format!("{name} × {other}: relatedness {value:.2}");
            let response = ui.interact(cell, ui.scope_id().with(("heat", a, b)), Sense::hover());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &description)
            });
            response.on_hover_text(description);
        }
    }
}

/// The heat map's column headers: the short names, cut to the cell width.
fn heat_headers(ui: &egui::Ui, rect: Rect, names: &[String], pal: &Palette) {
    let small = FontId::proportional(12.0);
    for (b, name) in names.iter().enumerate() {
        let cell = Rect::from_min_size(
            rect.min + vec2(HEAT_NAME_W + HEAT_W * b as f32, 0.0),
            vec2(HEAT_W, HEAT_H),
        );
        let g = elided(ui, name, small.clone(), pal.text, HEAT_W - 6.0);
        ui.painter().galley(
            pos2(
                cell.center().x - g.size().x / 2.0,
                cell.center().y - g.size().y / 2.0,
            ),
            g,
            pal.text,
        );
        ui.interact(cell, ui.scope_id().with(("heat-col", b)), Sense::hover())
            .on_hover_text(name);
    }
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| {
        let v = f32::from(x) + (f32::from(y) - f32::from(x)) * t;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // Reason: 0–255.
        let v = v.round().clamp(0.0, 255.0) as u8;
        v
    };
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// Widths of the outlet summary's columns: name, carries alone, omits, states differently.
const SUMMARY_COLUMNS: [f32; 4] = [150.0, 270.0, 270.0, 360.0];

/// One column of an outlet's summary line: `width` wide, as tall as its wrapped content.
fn summary_cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.allocate_ui_with_layout(
        vec2(width, 0.0),
        egui::Layout::left_to_right(egui::Align::TOP).with_main_wrap(true),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

/// Per outlet: rows it carries alone, rows it omits, facts it states differently. Each
/// outlet's line is as tall as its longest column (laid out in the same frame, so a long
/// list of rows never runs into the next outlet).
fn summaries(
    c: &Comparison,
    map: &CoverageMap,
    pal: &Palette,
    ui: &mut egui::Ui,
    commands: &mut Vec<Command>,
) {
    let [w_name, w_alone, w_omits, w_differs] = SUMMARY_COLUMNS;
    ui.horizontal_top(|ui| {
        for (head, w) in [
            ("Outlet", w_name),
            ("Carries alone", w_alone),
            ("Omits what most carry", w_omits),
            ("States differently", w_differs),
        ] {
            summary_cell(ui, w, |ui| {
                ui.label(RichText::new(head).color(pal.muted));
            });
        }
    });
    for (a, article) in c.articles.iter().enumerate() {
        let Some(summary) = map.outlets.get(a) else {
            continue;
        };
        ui.separator();
        let name = article.short_name();
        ui.horizontal_top(|ui| {
            summary_cell(ui, w_name, |ui| {
                let mut head = RichText::new(&name).strong();
                if c.is_unrelated(a) {
                    head = RichText::new(format!("{name} · another story?"))
                        .strong()
                        .color(pal.warn);
                }
                ui.label(head);
            });
            summary_cell(ui, w_alone, |ui| {
                row_links(ui, &summary.alone, a, &name, "alone", commands);
            });
            summary_cell(ui, w_omits, |ui| {
                row_links(ui, &summary.omits, a, &name, "omits", commands);
            });
            summary_cell(ui, w_differs, |ui| {
                fact_links(ui, c, &summary.differs, a, &name, commands);
            });
        });
    }
}

fn more_label(ui: &mut egui::Ui, total: usize) {
    if total > SUMMARY_ITEMS {
        ui.weak(format!("+{} more", total - SUMMARY_ITEMS));
    }
}

/// Links to rows of one outlet ("¶ row 3"), each showing the row side by side.
fn row_links(
    ui: &mut egui::Ui,
    rows: &[usize],
    article: usize,
    name: &str,
    what: &str,
    commands: &mut Vec<Command>,
) {
    if rows.is_empty() {
        ui.weak("—");
        return;
    }
    ui.weak(format!("{}:", rows.len()));
    for &row in rows.iter().take(SUMMARY_ITEMS) {
        let response = ui
            .small_button(format!("row {}", row + 1))
            .on_hover_text(format!("Show row {} side by side", row + 1));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Button,
                true,
                format!("{name} {what}: row {}", row + 1),
            )
        });
        if response.clicked() {
            commands.push(Command::ShowCell { row, article });
        }
    }
    more_label(ui, rows.len());
}

/// Links to the facts an outlet states differently, each jumping to its mention there.
fn fact_links(
    ui: &mut egui::Ui,
    c: &Comparison,
    facts: &[usize],
    article: usize,
    name: &str,
    commands: &mut Vec<Command>,
) {
    if facts.is_empty() {
        ui.weak("—");
        return;
    }
    for &i in facts.iter().take(SUMMARY_ITEMS) {
        let Some(fact) = c.facts.get(i) else { continue };
        let Some(mention) = fact.mentions.iter().find(|m| m.article == article) else {
            continue;
        };
        let mut short: String = mention.text.chars().take(28).collect();
        if mention.text.chars().count() > 28 {
            short.push('…');
        }
        let response = ui.small_button(format!("“{short}”")).on_hover_text(format!(
            "{name} has “{}”; most have “{}”. Click to see it side by side",
            mention.text, fact.text
        ));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Button,
                true,
                format!("{name} states differently: {}", mention.text),
            )
        });
        if response.clicked() {
            commands.push(Command::JumpToMention {
                article,
                paragraph: mention.paragraph,
                start: mention.start,
                end: mention.end,
            });
        }
    }
    more_label(ui, facts.len());
}

/// The passage × outlet matrix: a header of article names, then the lines in view.
fn matrix(
    ctx: &ViewCtx<'_>,
    c: &Comparison,
    shown: &[usize],
    pal: &Palette,
    ui: &mut egui::Ui,
    commands: &mut Vec<Command>,
) {
    let map = &ctx.derived.coverage;
    let n = c.articles.len();
    let names: Vec<String> = c
        .articles
        .iter()
        .map(crate::model::Article::short_name)
        .collect();
    let total_w = PASSAGE_W + CHIP_W * n as f32;
    egui::ScrollArea::horizontal()
        .id_salt("coverage-columns")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_min_width(total_w);
            // Header: the article names.
            let labels: Vec<(String, &str)> = names
                .iter()
                .enumerate()
                .map(|(a, name)| {
                    let label = if a == c.options.reference {
                        format!("{name} (ref.)")
                    } else {
                        name.clone()
                    };
                    (label, name.as_str())
                })
                .collect();
            column_header(
                ui,
                pal,
                ("row · passage", PASSAGE_W),
                CHIP_W,
                &labels,
                "coverage-head",
            );
            egui::ScrollArea::vertical()
                .id_salt("coverage-lines")
                .auto_shrink(false)
                .show_rows(ui, LINE_H, shown.len(), |ui, range| {
                    ui.set_min_width(total_w);
                    for &i in shown.get(range).unwrap_or(&[]) {
                        if let Some(line) = map.lines.get(i) {
                            matrix_line(ctx, c, line, &names, pal, ui, commands);
                        }
                    }
                });
        });
}

/// One line of the matrix: the row number and excerpt, then one chip per article.
fn matrix_line(
    ctx: &ViewCtx<'_>,
    c: &Comparison,
    line: &crate::coverage::map::MapLine,
    names: &[String],
    pal: &Palette,
    ui: &mut egui::Ui,
    commands: &mut Vec<Command>,
) {
    let small = FontId::proportional(12.0);
    let total_w = PASSAGE_W + CHIP_W * names.len() as f32;
    let (rect, _) = ui.allocate_exact_size(vec2(total_w, LINE_H), Sense::hover());
    let selected = ctx.selection.row == Some(line.row);
    if selected {
        ui.painter().rect_filled(rect, 0.0, pal.selected_bg);
    }
    let passage = Rect::from_min_size(rect.min, vec2(PASSAGE_W, LINE_H));
    let number = format!("{:>4}", line.row + 1);
    ui.painter().text(
        pos2(passage.min.x + 36.0, passage.center().y),
        Align2::RIGHT_CENTER,
        number,
        small.clone(),
        pal.muted,
    );
    let g = elided(ui, &line.excerpt, small.clone(), pal.text, PASSAGE_W - 50.0);
    ui.painter().galley(
        pos2(passage.min.x + 44.0, passage.center().y - g.size().y / 2.0),
        g,
        pal.text,
    );
    let response = ui
        .interact(
            passage,
            ui.scope_id().with(("coverage-passage", line.row)),
            Sense::click(),
        )
        .on_hover_text(format!(
            "Row {}: {}\nClick to see it side by side",
            line.row + 1,
            line.excerpt
        ));
    if response.clicked() {
        commands.push(Command::ShowCell {
            row: line.row,
            article: c.options.reference,
        });
    }
    for (a, cell) in line.cells.iter().enumerate() {
        let chip = Rect::from_min_size(
            pos2(rect.min.x + PASSAGE_W + CHIP_W * a as f32, rect.min.y),
            vec2(CHIP_W, LINE_H),
        )
        .shrink2(vec2(3.0, 2.0));
        let name = names.get(a).map_or("", String::as_str);
        if draw_chip(ui, chip, (line.row, a), name, cell, pal) {
            commands.push(Command::ShowCell {
                row: line.row,
                article: a,
            });
        }
    }
    ui.painter()
        .hline(rect.x_range(), rect.max.y - 0.5, Stroke::new(1.0, pal.grid));
}

/// Paints one chip; true when it was clicked.
fn draw_chip(
    ui: &egui::Ui,
    rect: Rect,
    (row, a): (usize, usize),
    name: &str,
    cell: &MapCell,
    pal: &Palette,
) -> bool {
    let response = ui.interact(rect, ui.scope_id().with(("chip", row, a)), Sense::click());
    let description = chip_description(row, name, cell);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &description)
    });
    let painter = ui.painter();
    let mut fill = chip_fill(cell.carried, pal);
    let mut text_color = pal.chip_text;
    if cell.furniture {
        fill = lerp(ui.visuals().panel_fill, fill, 0.4);
        text_color = pal.muted;
    }
    if cell.carried == Carried::Absent {
        painter.rect_stroke(
            rect,
            4.0,
            Stroke::new(1.0, pal.grid),
            egui::StrokeKind::Inside,
        );
        text_color = pal.muted;
    } else {
        painter.rect_filled(rect, 4.0, fill);
    }
    if response.hovered() {
        painter.rect_stroke(
            rect,
            4.0,
            Stroke::new(1.5, pal.selected_line),
            egui::StrokeKind::Inside,
        );
    }
    let font = FontId::proportional(11.5);
    let mut text_w = rect.width() - 10.0;
    if cell.damaged {
        let mark = painter.layout_no_wrap(DAMAGE_MARK.to_string(), font.clone(), pal.warn);
        text_w -= mark.size().x + 3.0;
        painter.galley(
            pos2(
                rect.max.x - 4.0 - mark.size().x,
                rect.center().y - mark.size().y / 2.0,
            ),
            mark,
            pal.warn,
        );
    }
    let mut text = chip_text(cell.carried);
    if cell.furniture {
        text = format!("{text} · furniture");
    }
    let g = elided(ui, &text, font, text_color, text_w);
    painter.galley(
        pos2(rect.min.x + 5.0, rect.center().y - g.size().y / 2.0),
        g,
        text_color,
    );
    let mut hover = format!("{description}\nClick to see it side by side");
    if cell.damaged {
        hover.push_str("\n⚠ the findings panel lists the damage found in this passage");
    }
    response.on_hover_text(hover).clicked()
}
