//! Saving the report from the window. File ▸ Export report… asks the system's save dialog;
//! where there is none, this small window takes a path instead. The format follows the name:
//! JSON when it ends in `.json`, the text summary otherwise. The engine refuses to write over
//! any of the compared files.

use std::path::{Path, PathBuf};

use super::app::Command;

/// The file name offered first.
pub const DEFAULT_NAME: &str = "storydiff-report.json";

/// The in-app "Export report" window.
#[derive(Debug, Default)]
pub struct ExportPrompt {
    /// Shown when true.
    pub open: bool,
    /// The path being typed.
    pub path: String,
}

impl ExportPrompt {
    /// Opens the window with `path` filled in.
    pub fn open_with(&mut self, path: &Path) {
        self.path = path.display().to_string();
        self.open = true;
    }

    /// Draws the window when open.
    pub fn show(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut done = false;
        egui::Window::new("Export report")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                let label = ui.label("Save the report as");
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut self.path).desired_width(520.0))
                    .labelled_by(label.id);
                let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.label(
                    egui::RichText::new(
                        "JSON (storydiff-report/1) when the name ends in .json, the text summary otherwise.",
                    )
                    .small(),
                );
                ui.horizontal(|ui| {
                    let ready = !self.path.trim().is_empty();
                    if (ui.add_enabled(ready, egui::Button::new("Save")).clicked() || entered)
                        && ready
                    {
                        commands.push(Command::Export(PathBuf::from(self.path.trim())));
                        done = true;
                    }
                    if ui.button("Cancel").clicked() {
                        done = true;
                    }
                });
            });
        if !open || done {
            self.open = false;
        }
    }
}

/// Where the report is offered by default: next to the first compared file, or in the
/// current folder for the bundled sample story (which may sit in a read-only install).
#[must_use]
pub fn default_path(files: &[PathBuf]) -> PathBuf {
    let here = || {
        std::env::current_dir()
            .map_or_else(|_| PathBuf::from(DEFAULT_NAME), |d| d.join(DEFAULT_NAME))
    };
    if files == super::app::sample_paths().as_slice() {
        return here();
    }
    files
        .first()
        .and_then(|f| f.parent())
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(here, |d| d.join(DEFAULT_NAME))
}
