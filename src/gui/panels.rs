//! The window layout: menu bar, search bar, notices and progress, status bar, side
//! panels, the overview ruler and the rows.

use egui::RichText;

use super::app::{Command, StorydiffApp};
use super::theme::palette;

/// Draws every panel of the window.
pub fn show(app: &mut StorydiffApp, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| menu(app, ui, commands));
    if app.search.open {
        egui::Panel::top("search").show(ui, |ui| app.search.ui(ui, commands));
    }
    app.search.refresh(app.comparison.as_deref(), &app.derived);
    if !app.notices.is_empty() || app.busy() {
        egui::Panel::top("notices").show(ui, |ui| notices(app, ui, commands));
    }
    egui::Panel::bottom("status").show(ui, |ui| status(app, ui));
    if app.settings.show_options {
        egui::Panel::left("options")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| super::options::show(app, ui, commands));
    }
    if app.settings.show_findings {
        egui::Panel::right("findings")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| super::findings::show(app, ui, commands));
    }
    if app.comparison.is_some() {
        egui::Panel::right("ruler")
            .resizable(false)
            .exact_size(super::ruler::WIDTH + 6.0)
            .show(ui, |ui| super::ruler::show(app, ui, commands));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        super::table::show(app, ui, commands);
        drop_overlay(ui);
    });
    let ctx = ui.ctx().clone();
    app.browser.show(&ctx, commands);
    app.export.show(&ctx, commands);
}

#[allow(clippy::too_many_lines)] // Reason: one menu bar, item after item.
fn menu(app: &StorydiffApp, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                .clicked()
            {
                commands.push(Command::OpenDialog);
            }
            if ui.button("Browse for files…").clicked() {
                commands.push(Command::OpenBrowser);
            }
            if ui
                .add_enabled(
                    app.comparison.is_some(),
                    egui::Button::new("Export report…").shortcut_text("Ctrl+E"),
                )
                .on_hover_text(
                    "Save the comparison as JSON (storydiff-report/1) or as a text summary",
                )
                .clicked()
            {
                commands.push(Command::ExportDialog);
            }
            if ui.button("Open the sample story").clicked() {
                commands.push(Command::OpenSample);
            }
            let last = app.settings.last_files.clone();
            if ui
                .add_enabled(!last.is_empty(), egui::Button::new("Reopen the last set"))
                .clicked()
            {
                commands.push(Command::OpenFiles(last));
            }
            ui.menu_button("Recent", |ui| {
                if app.settings.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in &app.settings.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        commands.push(Command::AddFiles(vec![path.clone()]));
                    }
                }
            });
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            let s = &app.settings;
            if ui
                .checkbox(&mut s.show_options.clone(), "Options panel")
                .clicked()
            {
                commands.push(Command::ShowOptions(!s.show_options));
            }
            if ui
                .checkbox(&mut s.show_findings.clone(), "Findings panel")
                .clicked()
            {
                commands.push(Command::ShowFindings(!s.show_findings));
            }
            if ui
                .checkbox(
                    &mut s.only_changes.clone(),
                    "Only rows with differences (Ctrl+D)",
                )
                .clicked()
            {
                commands.push(Command::SetOnlyChanges(!s.only_changes));
            }
            if ui
                .checkbox(&mut s.hide_boilerplate.clone(), "Hide boilerplate (Ctrl+B)")
                .clicked()
            {
                commands.push(Command::SetHideBoilerplate(!s.hide_boilerplate));
            }
            if ui
                .checkbox(&mut s.dark.clone(), "Dark theme (Ctrl+T)")
                .clicked()
            {
                commands.push(Command::SetDark(!s.dark));
            }
            if ui
                .add(egui::Button::new("Larger text").shortcut_text("Ctrl++"))
                .clicked()
            {
                commands.push(Command::FontSize(1.0));
            }
            if ui
                .add(egui::Button::new("Smaller text").shortcut_text("Ctrl+−"))
                .clicked()
            {
                commands.push(Command::FontSize(-1.0));
            }
        });
        ui.menu_button("Navigate", |ui| {
            if ui
                .add(egui::Button::new("Next change").shortcut_text("Alt+↓"))
                .clicked()
            {
                commands.push(Command::NextChange);
            }
            if ui
                .add(egui::Button::new("Previous change").shortcut_text("Alt+↑"))
                .clicked()
            {
                commands.push(Command::PrevChange);
            }
            if ui
                .add(egui::Button::new("Find…").shortcut_text("Ctrl+F"))
                .clicked()
            {
                commands.push(Command::OpenSearch);
            }
        });
        ui.separator();
        if ui.button("Next change").on_hover_text("Alt+Down").clicked() {
            commands.push(Command::NextChange);
        }
        if ui
            .button("Previous change")
            .on_hover_text("Alt+Up")
            .clicked()
        {
            commands.push(Command::PrevChange);
        }
        if ui.button("Find").on_hover_text("Ctrl+F").clicked() {
            commands.push(Command::OpenSearch);
        }
    });
}

fn notices(app: &StorydiffApp, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    if let Some(p) = app.worker.progress() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.add(
                egui::ProgressBar::new(p.fraction)
                    .desired_width(240.0)
                    .text(p.message.clone()),
            );
            ui.label(&p.message);
        });
    }
    let pal = palette(app.settings.dark);
    for (i, notice) in app.notices.iter().enumerate() {
        ui.horizontal(|ui| {
            let color = if notice.error {
                ui.visuals().error_fg_color
            } else {
                pal.text
            };
            if ui
                .button("Dismiss")
                .on_hover_text("Hide this message")
                .clicked()
            {
                commands.push(Command::DismissNotice(i));
            }
            let icon = if notice.error { "⚠" } else { "ℹ" };
            ui.label(RichText::new(format!("{icon} {}", notice.text)).color(color));
        });
    }
}

fn status(app: &StorydiffApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let Some(c) = &app.comparison else {
            ui.label("No articles open");
            return;
        };
        let changed = app.derived.row_changed.iter().filter(|c| **c).count();
        let reference = c
            .articles
            .get(c.options.reference)
            .map(crate::model::Article::short_name)
            .unwrap_or_default();
        ui.label(format!(
            "{} articles · {} rows · {changed} with differences · {} findings · reference: {reference}",
            c.articles.len(),
            c.rows.len(),
            c.findings.len()
        ));
        if let Some(r) = app.selected {
            ui.separator();
            ui.label(format!("row {} selected", r + 1));
        }
    });
}

fn drop_overlay(ui: &egui::Ui) {
    let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
    if hovering {
        let rect = ui.max_rect();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("storydiff-drop-overlay"),
        ));
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "Drop articles to add them as columns",
            egui::FontId::proportional(22.0),
            egui::Color32::WHITE,
        );
    }
}
