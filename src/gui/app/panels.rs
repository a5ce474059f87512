//! The window layout: menu bar, search bar, notices and progress, status bar, side
//! panels, the overview ruler and the rows. This is the one place that sees the whole
//! state: it hands each view a [`ViewCtx`] and the view's own widget state.

use egui::RichText;

use super::{Command, StorydiffApp, ViewCtx};
use crate::gui::settings::{FONT_RANGE, ViewTab};
use crate::gui::shortcuts::{Action, text_of};
use crate::gui::theme::palette;

/// Draws every panel of the window.
pub fn show(app: &mut StorydiffApp, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| menu(&mut app.view_ctx(commands), ui));
    if app.search.open {
        egui::Panel::top("search").show(ui, |ui| app.search.ui(ui, commands));
    }
    app.search.refresh(app.comparison.as_deref(), &app.derived);
    if !app.notices.is_empty() || app.busy() || app.pending_link.is_some() {
        egui::Panel::top("notices").show(ui, |ui| notices(app, ui, commands));
    }
    egui::Panel::bottom("status").show(ui, |ui| status(&app.view_ctx(commands), ui));
    if app.settings.show_options {
        let StorydiffApp { options_panel, .. } = app;
        let mut state = std::mem::take(options_panel);
        egui::Panel::left("options")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                crate::gui::options::show(&mut app.view_ctx(commands), &mut state, ui);
            });
        app.options_panel = state;
    }
    if app.settings.show_findings {
        let mut state = std::mem::take(&mut app.findings_panel);
        egui::Panel::right("findings")
            .resizable(true)
            .default_size(320.0)
            .min_size(200.0)
            .show(ui, |ui| {
                crate::gui::findings::show(&mut app.view_ctx(commands), &mut state, ui);
            });
        app.findings_panel = state;
    }
    if app.comparison.is_some() {
        let tab = app.settings.tab;
        egui::Panel::top("tabs").show(ui, |ui| tabs(&mut app.view_ctx(commands), ui));
        match tab {
            ViewTab::SideBySide => {
                let mut table = std::mem::take(&mut app.table);
                egui::Panel::right("ruler")
                    .resizable(false)
                    .exact_size(crate::gui::ruler::WIDTH + 6.0)
                    .show(ui, |ui| {
                        crate::gui::ruler::show(&mut app.view_ctx(commands), &table.cache, ui);
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    crate::gui::table::show(&mut app.view_ctx(commands), &mut table, ui);
                    drop_overlay(ui);
                });
                app.table = table;
            }
            ViewTab::Coverage => {
                let mut state = std::mem::take(&mut app.coverage_view);
                egui::CentralPanel::default().show(ui, |ui| {
                    crate::gui::coverage::show(&mut app.view_ctx(commands), &mut state, ui);
                    drop_overlay(ui);
                });
                app.coverage_view = state;
            }
            ViewTab::Facts => {
                let mut state = std::mem::take(&mut app.facts_view);
                egui::CentralPanel::default().show(ui, |ui| {
                    crate::gui::facts_view::show(&mut app.view_ctx(commands), &mut state, ui);
                    drop_overlay(ui);
                });
                app.facts_view = state;
            }
        }
    } else {
        let busy = app.busy();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.centered_and_justified(|ui| {
                if busy {
                    ui.label("Comparing…");
                } else {
                    ui.label(
                        "No articles open. Use File ▸ Open (Ctrl+O), drop files here, or Add by path.",
                    );
                }
            });
            drop_overlay(ui);
        });
    }
    let ctx = ui.ctx().clone();
    app.browser.show(&ctx, commands);
    app.export.show(&ctx, commands);
    if app.show_shortcuts && !crate::gui::shortcuts::window(&ctx, true) {
        commands.push(Command::ShowShortcuts(false));
    }
}

/// The tabs above the rows: side by side, coverage, facts.
fn tabs(ctx: &mut ViewCtx<'_>, ui: &mut egui::Ui) {
    let current = ctx.settings.tab;
    ui.horizontal(|ui| {
        for tab in ViewTab::ALL {
            let keys = text_of(ui.ctx(), Action::show_view(tab));
            if ui
                .selectable_label(current == tab, RichText::new(tab.label()).strong())
                .on_hover_text(keys)
                .clicked()
                && current != tab
            {
                ctx.send(Command::ShowView(tab));
            }
        }
    });
}

/// A menu button with the shortcut text the shortcut table gives its action.
fn item(ui: &mut egui::Ui, enabled: bool, label: &str, action: Action) -> bool {
    let text = text_of(ui.ctx(), action);
    ui.add_enabled(enabled, egui::Button::new(label).shortcut_text(text))
        .clicked()
}

/// A menu checkbox-like toggle, with its shortcut text when it has one.
fn toggle(ui: &mut egui::Ui, on: bool, label: &str, action: Option<Action>) -> bool {
    let text = action.map_or_else(String::new, |a| text_of(ui.ctx(), a));
    let mark = if on { "☑ " } else { "☐ " };
    ui.add(egui::Button::new(format!("{mark}{label}")).shortcut_text(text))
        .clicked()
}

#[allow(clippy::too_many_lines)] // Reason: one menu bar, item after item.
fn menu(ctx: &mut ViewCtx<'_>, ui: &mut egui::Ui) {
    let mut out = Vec::new();
    let s = ctx.settings;
    let open = ctx.comparison.is_some();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, true, "New", Action::New) {
                out.push(Command::NewComparison);
            }
            if item(ui, true, "Open…", Action::Open) {
                out.push(Command::OpenDialog);
            }
            if ui.button("Browse for files…").clicked() {
                out.push(Command::OpenBrowser);
            }
            ui.menu_button("Recent", |ui| {
                if s.recent_sets.is_empty() {
                    ui.label("Nothing opened yet");
                }
                for entry in &s.recent_sets {
                    if ui
                        .button(entry.label())
                        .on_hover_text(entry.paths())
                        .clicked()
                    {
                        out.push(Command::OpenRecent(entry.clone()));
                    }
                }
                if !s.recent.is_empty() {
                    ui.separator();
                    ui.menu_button("Add a recent file", |ui| {
                        for path in &s.recent {
                            let name = path.file_name().map_or_else(
                                || path.display().to_string(),
                                |n| n.to_string_lossy().into_owned(),
                            );
                            if ui
                                .button(name)
                                .on_hover_text(path.display().to_string())
                                .clicked()
                            {
                                out.push(Command::AddFiles(vec![path.clone()]));
                            }
                        }
                    });
                }
            });
            let last = s.last_files.clone();
            if ui
                .add_enabled(!last.is_empty(), egui::Button::new("Reopen the last set"))
                .clicked()
            {
                out.push(Command::OpenFiles(last));
            }
            if ui
                .add_enabled(ctx.files_open > 0, egui::Button::new("Compare again"))
                .on_hover_text("Compare the open files again; files changed on disk are read again")
                .clicked()
            {
                out.push(Command::Recompare);
            }
            if ui.button("Open the sample story").clicked() {
                out.push(Command::OpenSample);
            }
            ui.separator();
            if item(ui, open, "Save comparison…", Action::SaveComparison) {
                out.push(Command::SaveComparisonDialog);
            }
            if item(ui, open, "Export report…", Action::Export) {
                out.push(Command::ExportDialog);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            let (undo, redo) = ctx.undo_redo;
            if item(ui, undo > 0, "Undo correction", Action::Undo) {
                out.push(Command::Undo);
            }
            if item(ui, redo > 0, "Redo correction", Action::Redo) {
                out.push(Command::Redo);
            }
            ui.separator();
            ui.label(
                RichText::new("Right-click a passage to correct the alignment or its label")
                    .small(),
            );
        });
        ui.menu_button("View", |ui| {
            for tab in ViewTab::ALL {
                let text = text_of(ui.ctx(), Action::show_view(tab));
                if ui
                    .add_enabled(
                        open,
                        egui::Button::selectable(s.tab == tab, tab.label()).shortcut_text(text),
                    )
                    .clicked()
                {
                    out.push(Command::ShowView(tab));
                }
            }
            ui.separator();
            if toggle(ui, s.show_options, "Options panel", None) {
                out.push(Command::ShowOptions(!s.show_options));
            }
            if toggle(ui, s.show_findings, "Findings panel", None) {
                out.push(Command::ShowFindings(!s.show_findings));
            }
            if toggle(
                ui,
                s.only_changes,
                "Only rows with differences",
                Some(Action::OnlyChanges),
            ) {
                out.push(Command::SetOnlyChanges(!s.only_changes));
            }
            if toggle(
                ui,
                s.hide_boilerplate,
                "Hide boilerplate",
                Some(Action::HideBoilerplate),
            ) {
                out.push(Command::SetHideBoilerplate(!s.hide_boilerplate));
            }
            if toggle(
                ui,
                s.fit_columns,
                "Fit all columns",
                Some(Action::FitColumns),
            ) {
                out.push(Command::SetFitColumns(!s.fit_columns));
            }
            if toggle(ui, s.dark, "Dark theme", Some(Action::Dark)) {
                out.push(Command::SetDark(!s.dark));
            }
            ui.separator();
            if item(
                ui,
                s.font_size < FONT_RANGE.1,
                "Larger text",
                Action::Larger,
            ) {
                out.push(Command::FontSize(1.0));
            }
            if item(
                ui,
                s.font_size > FONT_RANGE.0,
                "Smaller text",
                Action::Smaller,
            ) {
                out.push(Command::FontSize(-1.0));
            }
        });
        ui.menu_button("Navigate", |ui| {
            if item(ui, open, "Next change", Action::NextChange) {
                out.push(Command::NextChange);
            }
            if item(ui, open, "Previous change", Action::PrevChange) {
                out.push(Command::PrevChange);
            }
            if item(ui, open, "Find…", Action::Find) {
                out.push(Command::OpenSearch);
            }
            if item(ui, open, "Next match", Action::FindNext) {
                out.push(Command::SearchNext);
            }
            if item(ui, open, "Previous match", Action::FindPrev) {
                out.push(Command::SearchPrev);
            }
        });
        ui.menu_button("Help", |ui| {
            if item(ui, true, "Keyboard shortcuts", Action::Shortcuts) {
                out.push(Command::ShowShortcuts(true));
            }
        });
        ui.separator();
        let tip = |a| text_of(ui.ctx(), a);
        let (next, prev, find) = (
            tip(Action::NextChange),
            tip(Action::PrevChange),
            tip(Action::Find),
        );
        if ui.button("Next change").on_hover_text(next).clicked() {
            out.push(Command::NextChange);
        }
        if ui.button("Previous change").on_hover_text(prev).clicked() {
            out.push(Command::PrevChange);
        }
        if ui.button("Find").on_hover_text(find).clicked() {
            out.push(Command::OpenSearch);
        }
    });
    ctx.commands.extend(out);
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
            if ui
                .button("Stop")
                .on_hover_text("Stop this comparison and keep showing the last one")
                .clicked()
            {
                commands.push(Command::StopComparison);
            }
        });
    }
    let pal = palette(app.settings.dark);
    if let (Some(link), Some(c)) = (app.pending_link, &app.comparison) {
        let name = c
            .articles
            .get(link.article)
            .map(crate::model::Article::short_name)
            .unwrap_or_default();
        ui.horizontal(|ui| {
            if ui.button("Cancel link").on_hover_text("Esc").clicked() {
                commands.push(Command::CancelLink);
            }
            ui.label(
                RichText::new(format!(
                    "Linking: click the passage in another column whose row ¶{} of {name} belongs to",
                    link.paragraph + 1
                ))
                .color(pal.text),
            );
        });
    }
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

fn status(ctx: &ViewCtx<'_>, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let Some(c) = ctx.comparison else {
            ui.label("No articles open");
            return;
        };
        let changed = ctx.derived.row_changed.iter().filter(|c| **c).count();
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
        if !c.overrides.is_empty() {
            ui.separator();
            ui.label(format!("{} corrections", c.overrides.len()));
        }
        if let Some(label) = ctx.last_run.and_then(stages_label) {
            ui.separator();
            ui.label(label).on_hover_text(
                "storydiff keeps the files it has read and the last alignment: an option change only re-diffs, a new reference re-aligns, an added file is the only one read",
            );
        }
        if let Some(r) = ctx.selection.row {
            ui.separator();
            ui.label(format!("row {} selected", r + 1));
        }
    });
}

/// The status bar's words for what a re-run kept (nothing to say after a fresh open).
fn stages_label(run: crate::staged::StagesRun) -> Option<String> {
    match (run.files_loaded, run.aligned) {
        (n, _) if n == run.files => None,
        (0, false) => Some("options applied: no file re-read, alignment kept".to_string()),
        (0, true) => Some("re-aligned: no file re-read".to_string()),
        (n, _) => Some(format!("{n} of {} files read, the others kept", run.files)),
    }
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
