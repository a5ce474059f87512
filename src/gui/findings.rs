//! The findings panel: every finding grouped by kind and article with counts, a filter
//! by kind, click to jump to the passage.
//!
//! The list is flattened once per comparison, filter and fold ([`FindingsState`]) into
//! lines of one height, and only the lines in view are drawn: a long comparison's
//! thousands of findings cost a frame no more than a short one's.

use std::collections::{BTreeMap, BTreeSet};

use egui::{RichText, Sense, vec2};

use super::command::Command;
use super::ctx::ViewCtx;
use super::theme::palette;
use crate::model::FindingKind;

/// The label of a finding's button in the list.
#[must_use]
pub fn item_label(paragraph: usize, text: &str, message: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        short.push('…');
    }
    format!("¶{} “{short}” — {message}", paragraph + 1)
}

/// One line of the flattened list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// A kind's heading with its count: click to fold or unfold.
    Kind(FindingKind, usize),
    /// The kind's "mark in the passages" switch.
    Mark(FindingKind),
    /// An article's name and its count under a kind.
    Article(usize, usize),
    /// A finding (index into the comparison's findings).
    Item(usize),
}

/// What the flattened lines were made from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    generation: u64,
    filter: Option<FindingKind>,
    hidden: Vec<FindingKind>,
    open: Vec<(FindingKind, bool)>,
}

/// The findings panel's own state: which kinds the user folded or unfolded, and the
/// flattened lines of the list.
#[derive(Debug, Default)]
pub struct FindingsState {
    /// Kinds folded or unfolded by the user (otherwise a kind is open unless hidden).
    open: BTreeMap<FindingKind, bool>,
    key: Option<Key>,
    lines: Vec<Line>,
    counts: BTreeMap<FindingKind, usize>,
    /// The selected finding the list last scrolled to.
    followed: Option<usize>,
}

impl FindingsState {
    fn is_open(&self, kind: FindingKind, hidden: &BTreeSet<FindingKind>) -> bool {
        self.open
            .get(&kind)
            .copied()
            .unwrap_or(!hidden.contains(&kind))
    }

    /// Rebuilds the lines when the comparison, the filter, the hidden kinds or a fold
    /// changed.
    fn refresh(&mut self, ctx: &ViewCtx<'_>, comparison: &crate::model::Comparison) {
        let settings = ctx.settings;
        let key = Key {
            generation: ctx.generation,
            filter: settings.finding_filter,
            hidden: settings.hidden_kinds.iter().copied().collect(),
            open: self.open.iter().map(|(k, v)| (*k, *v)).collect(),
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let hidden = &settings.hidden_kinds;
        // Findings by kind, then article, in the comparison's order.
        let mut by_kind: BTreeMap<FindingKind, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
        for (i, f) in comparison.findings.iter().enumerate() {
            by_kind
                .entry(f.kind)
                .or_default()
                .entry(f.article)
                .or_default()
                .push(i);
        }
        self.counts = by_kind
            .iter()
            .map(|(k, m)| (*k, m.values().map(Vec::len).sum()))
            .collect();
        self.lines.clear();
        for kind in FindingKind::ALL {
            if settings.finding_filter.is_some_and(|k| k != kind) {
                continue;
            }
            let Some(articles) = by_kind.get(&kind) else {
                continue;
            };
            let n = self.counts.get(&kind).copied().unwrap_or(0);
            self.lines.push(Line::Kind(kind, n));
            if !self.is_open(kind, hidden) {
                continue;
            }
            self.lines.push(Line::Mark(kind));
            for (a, list) in articles {
                self.lines.push(Line::Article(*a, list.len()));
                self.lines.extend(list.iter().map(|&i| Line::Item(i)));
            }
        }
        self.key = Some(key);
    }
}

/// Draws the findings panel.
pub fn show(ctx: &mut ViewCtx<'_>, state: &mut FindingsState, ui: &mut egui::Ui) {
    // The panel keeps the width it was given (or the user dragged it to): a resizable panel
    // shrinks to its content, and a first frame with nothing loaded yet would leave it
    // as narrow as "No comparison yet." for good.
    ui.set_min_width(ui.available_width());
    let settings = ctx.settings;
    let pal = palette(settings.dark);
    let Some(comparison) = ctx.comparison else {
        ui.label("No comparison yet.");
        return;
    };
    state.refresh(ctx, comparison);
    let total = comparison.findings.len();
    ui.heading(format!("Findings ({total})"));
    ui.label(RichText::new("Filter by kind").color(pal.muted));
    ui.horizontal_wrapped(|ui| {
        let filter = settings.finding_filter;
        if ui
            .selectable_label(filter.is_none(), format!("All kinds ({total})"))
            .clicked()
        {
            ctx.send(Command::SetFindingFilter(None));
        }
        for kind in FindingKind::ALL {
            let Some(n) = state.counts.get(&kind) else {
                continue;
            };
            if ui
                .selectable_label(filter == Some(kind), format!("{} ({n})", kind.label()))
                .clicked()
            {
                ctx.send(Command::SetFindingFilter(if filter == Some(kind) {
                    None
                } else {
                    Some(kind)
                }));
            }
        }
    });
    let mut hide = settings.hide_boilerplate;
    if ui.checkbox(&mut hide, "Hide boilerplate rows").changed() {
        ctx.send(Command::SetHideBoilerplate(hide));
    }
    ui.separator();
    if total == 0 {
        ui.label("No damage or notable differences found.");
        return;
    }
    list(ctx, state, ui);
}

/// The flattened list, only the lines in view drawn.
fn list(ctx: &mut ViewCtx<'_>, state: &mut FindingsState, ui: &mut egui::Ui) {
    let line_h = ui.spacing().interact_size.y;
    let step = line_h + ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("findings")
        .auto_shrink(false);
    // A finding selected elsewhere (a click in a cell, the next-finding key) is brought
    // into the list's view once.
    if ctx.selection.finding != state.followed {
        state.followed = ctx.selection.finding;
        if let Some(at) = ctx
            .selection
            .finding
            .and_then(|i| state.lines.iter().position(|l| *l == Line::Item(i)))
        {
            area = area.vertical_scroll_offset((at as f32 * step - 3.0 * step).max(0.0));
        }
    }
    let mut folds = Vec::new();
    area.show_rows(ui, line_h, state.lines.len(), |ui, range| {
        let width = ui.available_width();
        for line in state.lines.get(range).unwrap_or(&[]) {
            let (rect, _) = ui.allocate_exact_size(vec2(width, line_h), Sense::hover());
            let indent = match line {
                Line::Kind(..) => 0.0,
                Line::Mark(_) | Line::Article(..) => 14.0,
                Line::Item(_) => 22.0,
            };
            let mut child = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(rect.with_min_x(rect.min.x + indent))
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
            );
            if let Some(kind) = draw_line(ctx, state, *line, &mut child) {
                folds.push(kind);
            }
        }
    });
    for kind in folds {
        let open = state.is_open(kind, &ctx.settings.hidden_kinds);
        state.open.insert(kind, !open);
    }
}

/// Draws one line; returns the kind whose heading was clicked (to fold or unfold it).
fn draw_line(
    ctx: &mut ViewCtx<'_>,
    state: &FindingsState,
    line: Line,
    ui: &mut egui::Ui,
) -> Option<FindingKind> {
    let pal = palette(ctx.settings.dark);
    let comparison = ctx.comparison?;
    match line {
        Line::Kind(kind, n) => {
            let hidden = ctx.settings.hidden_kinds.contains(&kind);
            let heading = format!(
                "{} ({n}){}{}",
                kind.label(),
                kind.group().map_or(String::new(), |g| format!(" · {g}")),
                if hidden { " · hidden" } else { "" }
            );
            let open = state.is_open(kind, &ctx.settings.hidden_kinds);
            let (_, icon) = ui.allocate_exact_size(
                vec2(ui.spacing().icon_width, ui.spacing().icon_width),
                Sense::click(),
            );
            // The small arrow of a collapsing header, in the middle of its box.
            let inner = ui.spacing().icon_width_inner;
            let arrow = icon.clone().with_new_rect(egui::Rect::from_center_size(
                icon.rect.center(),
                vec2(inner, inner),
            ));
            egui::containers::collapsing_header::paint_default_icon(
                ui,
                if open { 1.0 } else { 0.0 },
                &arrow,
            );
            let response = ui
                .add(
                    egui::Button::new(RichText::new(heading.as_str()).strong())
                        .frame(false)
                        .truncate(),
                )
                .on_hover_text(if open {
                    "Click to fold this kind"
                } else {
                    "Click to list this kind's findings"
                });
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &heading)
            });
            (response.clicked() || icon.clicked()).then_some(kind)
        }
        Line::Mark(kind) => {
            let mut shown = !ctx.settings.hidden_kinds.contains(&kind);
            if ui
                .checkbox(
                    &mut shown,
                    format!("Mark {} in the passages", kind.label().to_lowercase()),
                )
                .on_hover_text(
                    "Hidden kinds are neither highlighted nor counted on the cells; saved with the comparison",
                )
                .changed()
            {
                ctx.send(Command::SetKindHidden(kind, !shown));
            }
            None
        }
        Line::Article(a, n) => {
            let name = comparison.articles.get(a).map_or_else(
                || format!("article {}", a + 1),
                crate::model::Article::short_name,
            );
            ui.add(
                egui::Label::new(RichText::new(format!("{name} ({n})")).color(pal.muted))
                    .truncate(),
            );
            None
        }
        Line::Item(i) => {
            let f = comparison.findings.get(i)?;
            let mut label = item_label(f.paragraph, &f.text, &f.message);
            if f.manual {
                label.push_str(" ✎");
            }
            let mut hover = format!("{label}\n\n{}", f.message);
            if let Some(s) = &f.suggestion {
                hover = format!("{hover}\nSuggestion: {s}");
            }
            let selected = ctx.selection.finding == Some(i);
            if ui
                .add(egui::Button::selectable(selected, label).truncate())
                .on_hover_text(hover)
                .clicked()
            {
                ctx.send(Command::JumpToFinding(i));
            }
            None
        }
    }
}
