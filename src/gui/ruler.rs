//! The overview ruler beside the rows: a mark for every changed row and every row
//! with findings, the visible part outlined; click or drag to jump.

use egui::{Rect, Role, Sense, Stroke, WidgetInfo, pos2, vec2};

use super::command::Command;
use super::ctx::ViewCtx;
use super::table::TableCache;
use super::theme::palette;
use super::view::Item;

/// Width of the ruler.
pub const WIDTH: f32 = 18.0;

/// Draws the ruler filling `ui`.
pub fn show(ctx: &mut ViewCtx<'_>, cache: &TableCache, ui: &mut egui::Ui) {
    let pal = palette(ctx.settings.dark);
    let (rect, response) =
        ui.allocate_exact_size(vec2(WIDTH, ui.available_height()), Sense::click_and_drag());
    response.widget_info(|| {
        WidgetInfo::labeled(
            Role::Button,
            true,
            "Overview ruler: click to jump to a change",
        )
    });
    let total = cache.total();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    if total <= 0.0 || ctx.items.is_empty() {
        return;
    }
    let scale = rect.height() / total;
    let half = rect.width() / 2.0;
    for (i, item) in ctx.items.iter().enumerate() {
        let Item::Row(r) = item else { continue };
        let top = rect.min.y + cache.item_top(i) * scale;
        let h = ((cache.item_top(i + 1) - cache.item_top(i)) * scale).max(2.0);
        if ctx.derived.row_changed.get(*r) == Some(&true) {
            painter.rect_filled(
                Rect::from_min_size(pos2(rect.min.x + 1.0, top), vec2(half - 1.0, h)),
                0.0,
                pal.ruler_change,
            );
        }
        if ctx.derived.row_findings.get(*r).is_some_and(|n| *n > 0) {
            painter.rect_filled(
                Rect::from_min_size(pos2(rect.min.x + half, top), vec2(half - 1.0, h)),
                0.0,
                pal.ruler_finding,
            );
        }
        if ctx.selection.row == Some(*r) {
            painter.hline(rect.x_range(), top + h / 2.0, Stroke::new(2.0, pal.text));
        }
    }
    let (v0, v1) = cache.viewport;
    let view = Rect::from_min_max(
        pos2(rect.min.x, rect.min.y + v0 * scale),
        pos2(rect.max.x, rect.min.y + v1.min(total) * scale),
    );
    painter.rect_stroke(
        view,
        2.0,
        Stroke::new(1.5, pal.muted),
        egui::StrokeKind::Inside,
    );
    let response = response.on_hover_text(
        "Overview: blue marks changed rows, purple marks rows with findings. Click to jump.",
    );
    if (response.clicked() || response.dragged())
        && let Some(pos) = response.interact_pointer_pos()
    {
        let y = (pos.y - rect.min.y) / scale;
        let mut i = cache.item_at(y);
        // Prefer the nearest row (a fold marker has no row to select).
        while let Some(item) = ctx.items.get(i) {
            if let Item::Row(r) = item {
                ctx.send(Command::SelectRow(*r));
                break;
            }
            i += 1;
        }
    }
}
