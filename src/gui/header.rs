//! Column headers: title, outlet/file, format and encoding, words, similarity to the
//! reference, and the column controls (reference, move, close).

use egui::{RichText, Role, WidgetInfo, vec2};

use super::command::Command;
use super::ctx::ViewCtx;
use super::table::GUTTER;
use super::theme::palette;
use crate::model::Comparison;

/// Height of the header row.
pub const HEADER_H: f32 = 104.0;

/// Draws one header per article, aligned with the columns.
#[allow(clippy::too_many_lines)] // Reason: one header, line after line.
pub fn show(ctx: &mut ViewCtx<'_>, comparison: &Comparison, ui: &mut egui::Ui, col_w: f32) {
    let pal = palette(ctx.settings.dark);
    let derived = ctx.derived;
    let commands = &mut *ctx.commands;
    let n = comparison.articles.len();
    // Very narrow columns (fit-all mode) wrap their buttons onto more lines.
    let header_h = if col_w < 160.0 {
        HEADER_H + 48.0
    } else {
        HEADER_H
    };
    let (rect, _) = ui.allocate_exact_size(
        vec2(GUTTER + col_w * n as f32, header_h),
        egui::Sense::hover(),
    );
    let reference = comparison.options.reference;
    ui.painter().hline(
        rect.x_range(),
        rect.max.y - 0.5,
        egui::Stroke::new(1.0, pal.grid),
    );
    for (a, article) in comparison.articles.iter().enumerate() {
        let x = rect.min.x + GUTTER + col_w * a as f32;
        let col = egui::Rect::from_min_size(egui::pos2(x, rect.min.y), vec2(col_w, header_h))
            .shrink2(vec2(6.0, 4.0));
        let is_ref = a == reference;
        if is_ref {
            ui.painter()
                .rect_filled(col.expand2(vec2(5.0, 3.0)), 3.0, pal.selected_bg);
        }
        let name = article.short_name();
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(col)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        child.set_clip_rect(col.expand(2.0).intersect(ui.clip_rect()));
        child.spacing_mut().item_spacing.y = 2.0;
        child
            .add(egui::Label::new(RichText::new(&article.title).strong().size(14.0)).truncate())
            .on_hover_text(&article.path);
        child.add(
            egui::Label::new(
                RichText::new(format!(
                    "{name} · {} · {}",
                    article.format.as_str(),
                    article.encoding
                ))
                .color(pal.muted),
            )
            .truncate(),
        );
        let similarity = comparison
            .similarity
            .get(a)
            .and_then(|row| row.get(reference))
            .copied();
        let words = derived.word_counts.get(a).copied().unwrap_or(0);
        let stats = match (is_ref, similarity) {
            (true, _) => format!("{words} words · reference"),
            (false, _)
                if derived
                    .translation_language
                    .get(a)
                    .is_some_and(Option::is_some) =>
            {
                format!(
                    "{words} words · translation ({})",
                    derived
                        .translation_language
                        .get(a)
                        .copied()
                        .flatten()
                        .unwrap_or("another language")
                )
            }
            (false, Some(s)) if comparison.is_unrelated(a) => format!(
                "another story? {words} words · {:.0}% like the reference",
                s * 100.0
            ),
            (false, Some(s)) => format!("{words} words · {:.0}% like the reference", s * 100.0),
            (false, None) => format!("{words} words"),
        };
        child.add(egui::Label::new(RichText::new(stats).color(pal.muted)).truncate());
        child.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            // Narrow columns (fit-all mode) get the short forms; the accessible labels stay.
            // An article about another story also needs room for its "Same story" button.
            let narrow = col_w < 220.0 || (!is_ref && comparison.is_unrelated(a));
            let r = ui.add(egui::Button::selectable(
                is_ref,
                match (is_ref, narrow) {
                    (true, false) => "★ Reference",
                    (false, false) => "Set as reference",
                    (true, true) => "★ Ref.",
                    (false, true) => "☆ Ref.",
                },
            ));
            let label = format!("Make {name} the reference");
            r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
            if r.on_hover_text("Compare every other column against this one")
                .clicked()
                && !is_ref
            {
                commands.push(Command::SetReference(a));
            }
            let left = ui.add_enabled(a > 0, egui::Button::new("◀").small());
            let label = format!("Move {name} left");
            left.widget_info(|| WidgetInfo::labeled(Role::Button, a > 0, &label));
            if left.on_hover_text("Move this column left").clicked() {
                commands.push(Command::MoveColumn { from: a, to: a - 1 });
            }
            let can_right = a + 1 < n;
            let right = ui.add_enabled(can_right, egui::Button::new("▶").small());
            let label = format!("Move {name} right");
            right.widget_info(|| WidgetInfo::labeled(Role::Button, can_right, &label));
            if right.on_hover_text("Move this column right").clicked() {
                commands.push(Command::MoveColumn { from: a, to: a + 1 });
            }
            let close = ui.add(egui::Button::new("✕").small());
            let label = format!("Close {name}");
            close.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
            if close.on_hover_text("Close this column").clicked() {
                commands.push(Command::RemoveColumn(a));
            }
            if !is_ref && comparison.is_unrelated(a) {
                let same = ui.add(egui::Button::new("Same story").small());
                let label = format!("{name} is the same story");
                same.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                if same
                    .on_hover_text("It shares little wording but reports the same story: compare it as such (undo with Ctrl+Z)")
                    .clicked()
                {
                    commands.push(Command::Correct(crate::model::Override::SameStory {
                        article: article.source,
                    }));
                }
            }
        });
        ui.painter()
            .vline(x, rect.y_range(), egui::Stroke::new(1.0, pal.grid));
    }
}
