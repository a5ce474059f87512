//! The open and save dialogs (system dialogs on named threads, polled each frame) and writing
//! an exported report.

use std::path::Path;

use super::{Command, Notice, StorydiffApp};
use crate::gui::dialog::{Answer, DialogJob, take_answer};
use crate::gui::export::{self, SaveKind};
use crate::report::{self, ReportFormat};

impl StorydiffApp {
    /// Starts the system open dialog on its own thread (once at a time).
    pub(super) fn open_dialog(&mut self) {
        if self.dialog.is_some() {
            return;
        }
        self.dialog = DialogJob::spawn("storydiff-open-dialog", self.ctx.clone(), || {
            rfd::FileDialog::new()
                .set_title("Open articles or a saved comparison")
                .add_filter(
                    "Articles and comparisons (txt, md, html, json, storydiff)",
                    &[
                        "txt",
                        "md",
                        "markdown",
                        "html",
                        "htm",
                        "json",
                        "jsonl",
                        "storydiff",
                    ],
                )
                .add_filter("Saved comparisons (storydiff)", &["storydiff"])
                .add_filter("All files", &["*"])
                .pick_files()
        });
        if self.dialog.is_none() {
            self.browser.open_at(self.files.first().cloned());
        }
    }

    /// Starts the system save dialog for a report or the comparison on its own thread.
    pub(super) fn save_dialog(&mut self, kind: SaveKind) {
        if self.comparison.is_none() {
            self.notices.push(Notice {
                text: match kind {
                    SaveKind::Report => "Nothing to export yet: open some articles first",
                    SaveKind::Comparison => "Nothing to save yet: open some articles first",
                }
                .to_string(),
                error: false,
            });
            return;
        }
        if self.save_dialog.is_some() {
            return;
        }
        let suggested = match (&self.comparison_file, kind) {
            (Some(p), SaveKind::Comparison) => p.clone(),
            _ => export::default_path(&self.files, kind),
        };
        let job = DialogJob::spawn("storydiff-save-dialog", self.ctx.clone(), move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title(kind.title())
                .set_file_name(suggested.file_name().map_or_else(
                    || kind.default_name().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ));
            dialog = match kind {
                SaveKind::Report => dialog
                    .add_filter("HTML report", &["html"])
                    .add_filter("JSON report", &["json"])
                    .add_filter("Text summary", &["txt"]),
                SaveKind::Comparison => dialog.add_filter("Saved comparison", &["storydiff"]),
            };
            if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
                dialog = dialog.set_directory(dir);
            }
            dialog.save_file()
        });
        match job {
            Some(job) => self.save_dialog = Some((kind, job)),
            None => self.prompt_save(kind),
        }
    }

    /// The in-app "save as" window, for when there is no system dialog.
    fn prompt_save(&mut self, kind: SaveKind) {
        let path = match (&self.comparison_file, kind) {
            (Some(p), SaveKind::Comparison) => p.clone(),
            _ => export::default_path(&self.files, kind),
        };
        self.export.open_with(kind, &path);
    }

    /// Checks the native save dialog: a file chosen, cancelled, or no dialog available
    /// (the in-app prompt instead).
    pub(super) fn poll_save_dialog(&mut self) {
        let Some((kind, job)) = &self.save_dialog else {
            return;
        };
        let kind = *kind;
        let answer = job.poll();
        if matches!(answer, Answer::Pending) {
            return;
        }
        self.save_dialog = None;
        match answer {
            Answer::Chosen(path) => self.apply(match kind {
                SaveKind::Report => Command::Export(path),
                SaveKind::Comparison => Command::SaveComparison(path),
            }),
            Answer::Unavailable | Answer::Failed => self.prompt_save(kind),
            Answer::Cancelled | Answer::Pending => {}
        }
    }

    /// Saves the report of the comparison shown, never over a compared file, and says how
    /// it went in a notice.
    pub(super) fn export_report(&mut self, path: &Path) {
        let Some(comparison) = self.comparison.clone() else {
            return;
        };
        let format = ReportFormat::for_path(path);
        match report::save(&comparison, format, path, &self.files) {
            Ok(()) => {
                self.export.open = false;
                self.notices.push(Notice {
                    text: format!("Report saved ({}): {}", format.label(), path.display()),
                    error: false,
                });
            }
            Err(e) => self.notices.push(Notice {
                text: e.to_string(),
                error: true,
            }),
        }
    }

    /// Checks the native dialog: files picked, cancelled, or no dialog available (the in-app
    /// browser instead).
    pub(super) fn poll_dialog(&mut self) {
        let Some(answer) = take_answer(&mut self.dialog) else {
            return;
        };
        match answer {
            Answer::Chosen(paths) => self.apply(Command::AddFiles(paths)),
            Answer::Unavailable => {
                self.notices.push(Notice {
                    text:
                        "No system file dialog is available; use the browser below or Add by path"
                            .to_string(),
                    error: false,
                });
                self.browser.open_at(self.files.first().cloned());
            }
            Answer::Failed => self.browser.open_at(self.files.first().cloned()),
            Answer::Cancelled | Answer::Pending => {}
        }
    }
}
