//! The options side panel: what the comparison ignores, word or character diff,
//! view filters, theme and text size, "Add by path", and a legend of the highlights.

use egui::RichText;

use super::app::{Command, FONT_RANGE, StorydiffApp};
use super::theme::palette;
use crate::model::Granularity;

/// Draws the options panel.
pub fn show(app: &mut StorydiffApp, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    egui::ScrollArea::vertical()
        .id_salt("options")
        .show(ui, |ui| {
            ui.heading("Compare");
            let mut options = app.settings.options.clone();
            ui.checkbox(&mut options.ignore_case, "Ignore case")
                .on_hover_text("Ctrl+1");
            ui.checkbox(&mut options.ignore_punctuation, "Ignore punctuation")
                .on_hover_text("Ctrl+2");
            ui.checkbox(&mut options.ignore_quotes, "Ignore quote style")
                .on_hover_text("Curly and straight quotes count as equal (Ctrl+3)");
            ui.checkbox(&mut options.ignore_whitespace, "Ignore whitespace")
                .on_hover_text("Ctrl+4");
            ui.label("Diff by:");
            ui.horizontal(|ui| {
                ui.radio_value(&mut options.granularity, Granularity::Word, "Words");
                ui.radio_value(&mut options.granularity, Granularity::Char, "Characters");
            })
            .response
            .on_hover_text("Ctrl+G switches");
            if options != app.settings.options {
                commands.push(Command::SetOptions(options));
            }
            ui.separator();
            ui.heading("View");
            let mut only = app.settings.only_changes;
            if ui
                .checkbox(&mut only, "Only rows with differences")
                .on_hover_text("Fold unchanged rows (Ctrl+D)")
                .changed()
            {
                commands.push(Command::SetOnlyChanges(only));
            }
            let mut hide = app.settings.hide_boilerplate;
            if ui
                .checkbox(&mut hide, "Hide boilerplate")
                .on_hover_text("Take rows of page boilerplate out of the view (Ctrl+B)")
                .changed()
            {
                commands.push(Command::SetHideBoilerplate(hide));
            }
            let mut dark = app.settings.dark;
            if ui
                .checkbox(&mut dark, "Dark theme")
                .on_hover_text("Ctrl+T")
                .changed()
            {
                commands.push(Command::SetDark(dark));
            }
            ui.horizontal(|ui| {
                ui.label(format!("Text size {:.0}", app.settings.font_size));
                if ui
                    .add_enabled(
                        app.settings.font_size > FONT_RANGE.0,
                        egui::Button::new("Smaller text"),
                    )
                    .on_hover_text("Ctrl+−")
                    .clicked()
                {
                    commands.push(Command::FontSize(-1.0));
                }
                if ui
                    .add_enabled(
                        app.settings.font_size < FONT_RANGE.1,
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
                    egui::TextEdit::singleline(&mut app.add_path)
                        .hint_text("/path/to/article.html")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if (ui.button("Add").clicked() || enter) && !app.add_path.trim().is_empty() {
                    let path = std::path::PathBuf::from(app.add_path.trim());
                    commands.push(Command::AddFiles(vec![path]));
                    app.add_path.clear();
                }
                if ui.button("Browse…").clicked() {
                    commands.push(Command::OpenBrowser);
                }
            });
            ui.separator();
            legend(app, ui);
        });
}

fn legend(app: &StorydiffApp, ui: &mut egui::Ui) {
    let pal = palette(app.settings.dark);
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
            "finding",
            egui::TextFormat {
                background: pal.finding_bg,
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
    ui.label(RichText::new("Hatched cell: passage not in this article").color(pal.muted));
    ui.label(RichText::new("↕ moved · ¶3+¶4 split/merged · ⚑ findings").color(pal.muted));
}
