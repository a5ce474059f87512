//! Saving from the window: File ▸ Export report… and File ▸ Save comparison… ask the
//! system's save dialog; where there is none, this small window takes a path instead. A
//! report's format follows the name: HTML for `.html`, JSON for `.json`, the text summary
//! otherwise. The engine refuses to write over any of the compared files.

use std::path::{Path, PathBuf};

use super::command::Command;

/// What is being saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SaveKind {
    /// A report (HTML, JSON or text).
    #[default]
    Report,
    /// The comparison itself (`.storydiff`).
    Comparison,
}

impl SaveKind {
    /// The file name offered first.
    #[must_use]
    pub fn default_name(self) -> &'static str {
        match self {
            Self::Report => DEFAULT_NAME,
            Self::Comparison => "comparison.storydiff",
        }
    }

    /// The window and dialog title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Report => "Export report",
            Self::Comparison => "Save comparison",
        }
    }
}

/// The report file name offered first.
pub const DEFAULT_NAME: &str = "storydiff-report.html";

/// The in-app "Export report" / "Save comparison" window.
#[derive(Debug, Default)]
pub struct SavePrompt {
    /// Shown when true.
    pub open: bool,
    /// What the window saves.
    pub kind: SaveKind,
    /// The path being typed.
    pub path: String,
}

impl SavePrompt {
    /// Opens the window for `kind` with `path` filled in.
    pub fn open_with(&mut self, kind: SaveKind, path: &Path) {
        self.kind = kind;
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
        egui::Window::new(self.kind.title())
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                let label = ui.label(match self.kind {
                    SaveKind::Report => "Save the report as",
                    SaveKind::Comparison => "Save the comparison as",
                });
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut self.path).desired_width(520.0))
                    .labelled_by(label.id);
                let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.label(
                    egui::RichText::new(match self.kind {
                        SaveKind::Report => "HTML when the name ends in .html, JSON (storydiff-report/1) for .json, the text summary otherwise.",
                        SaveKind::Comparison => "The files (by relative path), the options, the view and your corrections, as a .storydiff file.",
                    })
                    .small(),
                );
                ui.horizontal(|ui| {
                    let ready = !self.path.trim().is_empty();
                    if (ui.add_enabled(ready, egui::Button::new("Save")).clicked() || entered)
                        && ready
                    {
                        let path = PathBuf::from(self.path.trim());
                        commands.push(match self.kind {
                            SaveKind::Report => Command::Export(path),
                            SaveKind::Comparison => Command::SaveComparison(path),
                        });
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

/// Where a report or comparison is offered by default: next to the first compared file, or
/// in the current folder for the bundled sample story (which may sit in a read-only install).
#[must_use]
pub fn default_path(files: &[PathBuf], kind: SaveKind) -> PathBuf {
    let name = kind.default_name();
    let here = || std::env::current_dir().map_or_else(|_| PathBuf::from(name), |d| d.join(name));
    if files == super::sample_paths().as_slice() {
        return here();
    }
    files
        .first()
        .and_then(|f| f.parent())
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(here, |d| d.join(name))
}
