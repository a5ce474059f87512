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

/// Vertical spans of one column of marks, each new mark joined to the last span when it
/// starts within a pixel of its end (marks come in top-to-bottom order).
#[derive(Default)]
struct Marks {
    spans: Vec<(f32, f32)>,
}

impl Marks {
    fn add(&mut self, top: f32, bottom: f32) {
        match self.spans.last_mut() {
            Some(last) if top <= last.1 + 1.0 => last.1 = last.1.max(bottom),
            _ => self.spans.push((top, bottom)),
        }
    }
}

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
    // Marks closer than a pixel are painted as one: a long comparison has thousands of
    // rows on a ruler a few hundred pixels high, and a frame pays per shape painted.
    let mut changes = Marks::default();
    let mut findings = Marks::default();
    let mut selected = None;
    for (i, item) in ctx.items.iter().enumerate() {
        let Item::Row(r) = item else { continue };
        let top = rect.min.y + cache.item_top(i) * scale;
        let h = ((cache.item_top(i + 1) - cache.item_top(i)) * scale).max(2.0);
        if ctx.derived.row_changed.get(*r) == Some(&true) {
            changes.add(top, top + h);
        }
        if ctx.derived.row_findings.get(*r).is_some_and(|n| *n > 0) {
            findings.add(top, top + h);
        }
        if ctx.selection.row == Some(*r) {
            selected = Some(top + h / 2.0);
        }
    }
    for (top, bottom) in changes.spans {
        painter.rect_filled(
            Rect::from_min_max(pos2(rect.min.x + 1.0, top), pos2(rect.min.x + half, bottom)),
            0.0,
            pal.ruler_change,
        );
    }
    for (top, bottom) in findings.spans {
        painter.rect_filled(
            Rect::from_min_max(pos2(rect.min.x + half, top), pos2(rect.max.x - 1.0, bottom)),
            0.0,
            pal.ruler_finding,
        );
    }
    if let Some(y) = selected {
        painter.hline(rect.x_range(), y, Stroke::new(2.0, pal.text));
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

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::Marks;

    #[test]
    fn marks_within_a_pixel_are_one_span_and_farther_ones_stay_apart() {
        let mut m = Marks::default();
        m.add(10.0, 12.0);
        m.add(12.5, 14.0); // starts half a pixel after the last end: joined
        m.add(13.0, 13.5); // inside: joined, the span keeps its end
        m.add(20.0, 22.0); // six pixels below: a span of its own
        assert_eq!(m.spans, vec![(10.0, 14.0), (20.0, 22.0)]);
    }
}
