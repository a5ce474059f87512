//! The options side panel: what the comparison ignores, word or character diff,
//! view filters, theme and text size, "Add by path", and a legend of the highlights.

use egui::RichText;

use super::command::Command;
use super::ctx::ViewCtx;
use super::settings::FONT_RANGE;
use super::theme::palette;
use crate::model::Granularity;

/// The panel's own widget state.
#[derive(Debug, Default)]
pub struct OptionsState {
    /// Text of the "Add by path" field.
    pub add_path: String,
}

/// Draws the options panel.
#[allow(clippy::too_many_lines)] // Reason: one panel, control after control.
pub fn show(ctx: &mut ViewCtx<'_>, state: &mut OptionsState, ui: &mut egui::Ui) {
    let settings = ctx.settings;
    let commands = &mut *ctx.commands;
    egui::ScrollArea::vertical()
        .id_salt("options")
        .show(ui, |ui| {
            ui.heading("Compare");
            let mut options = settings.options.clone();
            ui.checkbox(&mut options.ignore_case, "Ignore case")
                .on_hover_text("Ctrl+1");
            ui.checkbox(&mut options.ignore_punctuation, "Ignore punctuation")
                .on_hover_text("Ctrl+2");
            ui.checkbox(&mut options.ignore_quotes, "Ignore typography")
                .on_hover_text(
                    "Straight and curly quotes and apostrophes, dashes, special spaces and the ellipsis count as equal (Ctrl+3)",
                );
            ui.checkbox(&mut options.ignore_whitespace, "Ignore whitespace")
                .on_hover_text("Ctrl+4");
            ui.label("Diff by:");
            ui.horizontal(|ui| {
                ui.radio_value(&mut options.granularity, Granularity::Word, "Words");
                ui.radio_value(&mut options.granularity, Granularity::Char, "Characters");
            })
            .response
            .on_hover_text("Ctrl+G switches");
            if options != settings.options {
                commands.push(Command::SetOptions(options));
            }
            ui.separator();
            ui.heading("View");
            let mut only = settings.only_changes;
            if ui
                .checkbox(&mut only, "Only rows with differences")
                .on_hover_text("Fold unchanged rows (Ctrl+D)")
                .changed()
            {
                commands.push(Command::SetOnlyChanges(only));
            }
            let mut hide = settings.hide_boilerplate;
            if ui
                .checkbox(&mut hide, "Hide boilerplate")
                .on_hover_text("Take rows of page boilerplate out of the view (Ctrl+B)")
                .changed()
            {
                commands.push(Command::SetHideBoilerplate(hide));
            }
            let mut fit = settings.fit_columns;
            if ui
                .checkbox(&mut fit, "Fit all columns")
                .on_hover_text("Narrower columns and smaller text so every article fits the window (Ctrl+Shift+F)")
                .changed()
            {
                commands.push(Command::SetFitColumns(fit));
            }
            let mut dark = settings.dark;
            if ui
                .checkbox(&mut dark, "Dark theme")
                .on_hover_text("Ctrl+T")
                .changed()
            {
                commands.push(Command::SetDark(dark));
            }
            ui.horizontal(|ui| {
                ui.label(format!("Text size {:.0}", settings.font_size));
                if ui
                    .add_enabled(
                        settings.font_size > FONT_RANGE.0,
                        egui::Button::new("Smaller text"),
                    )
                    .on_hover_text("Ctrl+−")
                    .clicked()
                {
                    commands.push(Command::FontSize(-1.0));
                }
                if ui
                    .add_enabled(
                        settings.font_size < FONT_RANGE.1,
                        egui::Button::new("Larger text"),
                    )
                    .on_hover_text("Ctrl++")
                    .clicked()
                {
                    commands.push(Command::FontSize(1.0));
                }
            });
            ui.separator();
            ui.heading("Add an article");
            let label = ui.label("Add by path");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut state.add_path)
                        .hint_text("/path/to/article.html")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if (ui.button("Add").clicked() || enter) && !state.add_path.trim().is_empty() {
                    let path = std::path::PathBuf::from(state.add_path.trim());
                    commands.push(Command::AddFiles(vec![path]));
                    state.add_path.clear();
                }
                if ui.button("Browse…").clicked() {
                    commands.push(Command::OpenBrowser);
                }
            });
            ui.separator();
            legend(settings.dark, ui);
        });
}

fn legend(dark: bool, ui: &mut egui::Ui) {
    let pal = palette(dark);
    ui.heading("Legend");
    let font = egui::FontId::proportional(13.0);
    let sample = |text: &str, f: egui::TextFormat| {
        let mut job = egui::text::LayoutJob::default();
        job.append(text, 0.0, f);
        job
    };
    let base = egui::TextFormat::simple(font.clone(), pal.text);
    let items = [
        (
            "inserted here",
            egui::TextFormat {
                background: pal.insert_bg,
                underline: egui::Stroke::new(1.5, pal.insert_line),
                ..base.clone()
            },
        ),
        (
            "missing here (reference text)",
            egui::TextFormat {
                background: pal.delete_bg,
                color: pal.delete_fg,
                strikethrough: egui::Stroke::new(1.5, pal.delete_fg),
                ..base.clone()
            },
        ),
        (
            "whitespace-only change",
            egui::TextFormat {
                background: pal.whitespace_bg,
                underline: egui::Stroke::new(1.0, pal.whitespace_line),
                ..base.clone()
            },
        ),
        (
            "finding (dotted underline)",
            egui::TextFormat {
                background: pal.finding_bg,
                underline: egui::Stroke::new(1.0, pal.finding_line),
                ..base.clone()
            },
        ),
        (
            "shared fact (related passage, translation)",
            egui::TextFormat {
                background: pal.mark_shared_bg,
                underline: egui::Stroke::new(1.5, pal.mark_shared_line),
                ..base.clone()
            },
        ),
        (
            "fact only here (related, translation)",
            egui::TextFormat {
                background: pal.mark_only_bg,
                underline: egui::Stroke::new(1.5, pal.mark_only_line),
                ..base.clone()
            },
        ),
        (
            "fact jumped to (facts view)",
            egui::TextFormat {
                background: pal.mention_bg,
                underline: egui::Stroke::new(2.0, pal.selected_line),
                ..base.clone()
            },
        ),
        (
            "search match",
            egui::TextFormat {
                background: pal.search_bg,
                color: egui::Color32::BLACK,
                ..base.clone()
            },
        ),
    ];
    for (text, f) in items {
        ui.label(sample(text, f));
    }
    ui.label(
        RichText::new(
            "Word diff = copies and rewordings; related = independent wording, facts marked; translation = another language, figures and names checked",
        )
        .color(pal.muted),
    );
    ui.label(
        RichText::new(
            "Hatched cell: passage not in this article (beside a translation: possibly omitted or added)",
        )
        .color(pal.muted),
    );
    ui.label(
        RichText::new("↕ moved · ¶3+¶4 split/merged · ⚑ findings · ✎ corrected by you")
            .color(pal.muted),
    );
}
