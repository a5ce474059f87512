//! The findings panel: every finding grouped by kind and article with counts, a filter
//! by kind, click to jump to the passage.

use std::collections::BTreeMap;

use egui::RichText;

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

/// Draws the findings panel.
#[allow(clippy::too_many_lines)] // Reason: one panel: filter, kinds, then the list.
pub fn show(ctx: &mut ViewCtx<'_>, ui: &mut egui::Ui) {
    let settings = ctx.settings;
    let selected_finding = ctx.selection.finding;
    let commands = &mut *ctx.commands;
    let pal = palette(settings.dark);
    let Some(comparison) = ctx.comparison else {
        ui.label("No comparison yet.");
        return;
    };
    let total = comparison.findings.len();
    ui.heading(format!("Findings ({total})"));
    let mut counts: BTreeMap<FindingKind, usize> = BTreeMap::new();
    for f in &comparison.findings {
        *counts.entry(f.kind).or_default() += 1;
    }
    ui.label(RichText::new("Filter by kind").color(pal.muted));
    ui.horizontal_wrapped(|ui| {
        let filter = settings.finding_filter;
        if ui
            .selectable_label(filter.is_none(), format!("All kinds ({total})"))
            .clicked()
        {
            commands.push(Command::SetFindingFilter(None));
        }
        for kind in FindingKind::ALL {
            let Some(n) = counts.get(&kind) else { continue };
            if ui
                .selectable_label(filter == Some(kind), format!("{} ({n})", kind.label()))
                .clicked()
            {
                commands.push(Command::SetFindingFilter(if filter == Some(kind) {
                    None
                } else {
                    Some(kind)
                }));
            }
        }
    });
    let mut hide = settings.hide_boilerplate;
    if ui.checkbox(&mut hide, "Hide boilerplate rows").changed() {
        commands.push(Command::SetHideBoilerplate(hide));
    }
    ui.separator();
    if total == 0 {
        ui.label("No damage or notable differences found.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("findings")
        .auto_shrink(false)
        .show(ui, |ui| {
            for kind in FindingKind::ALL {
                if settings.finding_filter.is_some_and(|k| k != kind) {
                    continue;
                }
                let Some(n) = counts.get(&kind) else { continue };
                let hidden = settings.hidden_kinds.contains(&kind);
                let heading = format!(
                    "{} ({n}){}{}",
                    kind.label(),
                    kind.group().map_or(String::new(), |g| format!(" · {g}")),
                    if hidden { " · hidden" } else { "" }
                );
                egui::CollapsingHeader::new(RichText::new(heading).strong())
                    .id_salt(kind.as_str())
                    .default_open(!hidden)
                    .show(ui, |ui| {
                        let mut shown = !hidden;
                        if ui
                            .checkbox(&mut shown, format!("Mark {} in the passages", kind.label().to_lowercase()))
                            .on_hover_text("Hidden kinds are neither highlighted nor counted on the cells; saved with the comparison")
                            .changed()
                        {
                            commands.push(Command::SetKindHidden(kind, !shown));
                        }
                        for (a, article) in comparison.articles.iter().enumerate() {
                            let list: Vec<(usize, &crate::model::Finding)> = comparison
                                .findings
                                .iter()
                                .enumerate()
                                .filter(|(_, f)| f.kind == kind && f.article == a)
                                .collect();
                            if list.is_empty() {
                                continue;
                            }
                            ui.label(
                                RichText::new(format!("{} ({})", article.short_name(), list.len()))
                                    .color(pal.muted),
                            );
                            for (i, f) in list {
                                let mut label = item_label(f.paragraph, &f.text, &f.message);
                                if f.manual {
                                    label.push_str(" ✎");
                                }
                                let mut hover = f.message.clone();
                                if let Some(s) = &f.suggestion {
                                    hover = format!("{hover}\nSuggestion: {s}");
                                }
                                let selected = selected_finding == Some(i);
                                if ui
                                    .add(
                                        egui::Button::selectable(selected, label)
                                            .wrap_mode(egui::TextWrapMode::Wrap),
                                    )
                                    .on_hover_text(hover)
                                    .clicked()
                                {
                                    commands.push(Command::JumpToFinding(i));
                                }
                            }
                        }
                    });
            }
        });
}
