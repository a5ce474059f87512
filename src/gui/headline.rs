//! The headline row above the passages: each article's headline diffed against the
//! reference's ([`crate::model::Comparison::headline`]), drawn with the cells' diff styles
//! (the same [`cell_blocks`] the table uses), and "no headline" where a file has none.

use std::fmt::Write as _;

use egui::{FontId, Pos2, Rect, Sense, Stroke, pos2, vec2};

use super::bidi;
use super::ctx::ViewCtx;
use super::layout::{Highlights, cell_blocks};
use super::table::GUTTER;
use super::theme::palette;
use crate::model::{Article, Cell, Comparison, HeadlineCell, OpTag};

/// Padding inside a headline cell.
const PAD: f32 = 6.0;

/// The headline as a one-paragraph article and cell, so [`cell_blocks`] styles it
/// exactly like a passage.
fn as_cell(title: &str, headline: &HeadlineCell) -> (Article, Cell) {
    (
        Article::from_texts("", [title]),
        Cell {
            paragraphs: vec![0],
            similarity: headline.similarity,
            moved: false,
            ops: headline.ops.clone(),
            ..Cell::default()
        },
    )
}

/// Draws the headline row (nothing when no article has a headline).
pub fn show(ctx: &ViewCtx<'_>, comparison: &Comparison, ui: &mut egui::Ui, col_w: f32) {
    if comparison.headline.iter().all(Option::is_none) {
        return;
    }
    let pal = palette(ctx.settings.dark);
    // The body's size (scaled down in the fit-all-columns mode), a little larger.
    let size = super::table::text_size(ctx.settings.font_size, col_w, ctx.settings.fit_columns);
    let font = FontId::proportional(size + 2.0);
    let small = FontId::proportional((size - 3.0).max(9.0));
    let inner = col_w - 2.0 * PAD;
    let n = comparison.articles.len();
    // Lay out every column first: the row is as tall as the tallest headline.
    let columns: Vec<Vec<(std::sync::Arc<egui::Galley>, bool)>> = (0..n)
        .map(|a| {
            let (Some(article), Some(Some(headline))) =
                (comparison.articles.get(a), comparison.headline.get(a))
            else {
                let job = egui::text::LayoutJob::simple(
                    "no headline".to_string(),
                    small.clone(),
                    pal.muted,
                    inner,
                );
                return vec![(ui.ctx().fonts_mut(|f| f.layout_job(job)), false)];
            };
            let (one, cell) = as_cell(&article.title, headline);
            let blocks = cell_blocks(0, &one, &cell, &Highlights::default(), &pal, &font);
            ui.ctx().fonts_mut(|fonts| {
                let mut lines = Vec::new();
                for block in &blocks {
                    if block.rtl {
                        lines.extend(
                            bidi::layout_rtl(fonts, &block.styled, inner)
                                .into_iter()
                                .map(|g| (g, true)),
                        );
                    } else {
                        lines.push((fonts.layout_job(block.styled.to_job(inner)), false));
                    }
                }
                lines
            })
        })
        .collect();
    let height = columns
        .iter()
        .map(|lines| lines.iter().map(|(g, _)| g.size().y).sum::<f32>())
        .fold(font.size * 1.3, f32::max)
        + 2.0 * PAD;
    let (rect, _) = ui.allocate_exact_size(
        vec2(GUTTER + col_w * n as f32, height),
        egui::Sense::hover(),
    );
    let painter = ui.painter();
    painter.hline(rect.x_range(), rect.max.y - 0.5, Stroke::new(1.0, pal.grid));
    painter.text(
        pos2(rect.min.x + 4.0, rect.min.y + PAD),
        egui::Align2::LEFT_TOP,
        "Title",
        small,
        pal.muted,
    );
    for (a, lines) in columns.iter().enumerate() {
        let x = rect.min.x + GUTTER + col_w * a as f32;
        let col = Rect::from_min_size(pos2(x, rect.min.y), vec2(col_w, height));
        painter.vline(x, col.y_range(), Stroke::new(1.0, pal.grid));
        let content = col.shrink(PAD);
        let mut y = content.min.y;
        for (galley, rtl) in lines {
            let gx = if *rtl {
                content.max.x - galley.size().x
            } else {
                content.min.x
            };
            let h = galley.size().y;
            painter
                .with_clip_rect(col.intersect(ui.clip_rect()))
                .galley(Pos2::new(gx, y), galley.clone(), pal.text);
            y += h;
        }
        let response = ui.interact(col, ui.scope_id().with(("headline", a)), Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Label,
                true,
                headline_description(comparison, a),
            )
        });
    }
}

/// What the headline cell of article `a` reads out (screen readers, UI tests), e.g.
/// "Headline, rewrite.md, 71% like the reference: Strike ends after ten days; inserted
/// “ten”; deleted “nine”", or "Headline, wire.txt: no headline".
#[must_use]
pub fn headline_description(comparison: &Comparison, a: usize) -> String {
    let Some(article) = comparison.articles.get(a) else {
        return String::new();
    };
    let name = article.short_name();
    let Some(Some(headline)) = comparison.headline.get(a) else {
        return format!("Headline, {name}: no headline");
    };
    let note = if a == comparison.options.reference {
        "reference".to_string()
    } else {
        format!("{:.0}% like the reference", headline.similarity * 100.0)
    };
    let mut text = format!("Headline, {name}, {note}: {}", article.title);
    for op in &headline.ops {
        let verb = match op.tag {
            OpTag::Equal => continue,
            OpTag::Insert => "inserted",
            OpTag::Delete => "deleted",
        };
        let words = op.text.trim();
        if !words.is_empty() {
            let _ = write!(text, "; {verb} “{words}”");
        }
    }
    text
}
