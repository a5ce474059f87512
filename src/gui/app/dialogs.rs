//! The open and save dialogs (system dialogs on named threads, polled each frame) and writing
//! an exported report.

use std::path::Path;

use super::{Command, Notice, StorydiffApp};
use crate::gui::dialog::{Answer, DialogJob, take_answer};
use crate::gui::export;
use crate::report::{self, ReportFormat};

impl StorydiffApp {
    /// Starts the system open dialog on its own thread (once at a time).
    pub(super) fn open_dialog(&mut self) {
        if self.dialog.is_some() {
            return;
        }
        self.dialog = DialogJob::spawn("storydiff-open-dialog", self.ctx.clone(), || {
            rfd::FileDialog::new()
                .set_title("Open articles")
                .add_filter(
                    "Articles (txt, md, html, json)",
                    &["txt", "md", "markdown", "html", "htm", "json", "jsonl"],
                )
                .add_filter("All files", &["*"])
                .pick_files()
        });
        if self.dialog.is_none() {
            self.browser.open_at(self.files.first().cloned());
        }
    }

    /// Starts the system save dialog for the report on its own thread.
    pub(super) fn save_dialog(&mut self) {
        if self.comparison.is_none() {
            self.notices.push(Notice {
                text: "Nothing to export yet: open two or more articles first".to_string(),
                error: false,
            });
            return;
        }
        if self.save_dialog.is_some() {
            return;
        }
        let suggested = export::default_path(&self.files);
        self.save_dialog = DialogJob::spawn("storydiff-save-dialog", self.ctx.clone(), move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Export report")
                .set_file_name(export::DEFAULT_NAME)
                .add_filter("JSON report", &["json"])
                .add_filter("Text summary", &["txt"]);
            if let Some(dir) = suggested.parent().filter(|d| !d.as_os_str().is_empty()) {
                dialog = dialog.set_directory(dir);
            }
            dialog.save_file()
        });
        if self.save_dialog.is_none() {
            self.apply(Command::ExportPrompt);
        }
    }

    /// Checks the native save dialog: a file chosen, cancelled, or no dialog available
    /// (the in-app prompt instead).
    pub(super) fn poll_save_dialog(&mut self) {
        let Some(answer) = take_answer(&mut self.save_dialog) else {
            return;
        };
        match answer {
            Answer::Chosen(path) => self.apply(Command::Export(path)),
            Answer::Unavailable | Answer::Failed => self.apply(Command::ExportPrompt),
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
