//! Saved comparisons in the window: File ▸ Save comparison writes the open set, its options,
//! view and corrections to a `.storydiff` file ([`crate::session`]); opening one restores
//! them and names any file that moved.

use std::path::{Path, PathBuf};

use super::{Notice, StorydiffApp};
use crate::session::{SavedComparison, SavedView};

/// True for a `.storydiff` file.
#[must_use]
pub fn is_saved_comparison(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("storydiff"))
}

impl StorydiffApp {
    /// Opens a saved comparison: its files, reference, options, view and corrections.
    pub(super) fn open_saved(&mut self, path: &Path) {
        let opened = match SavedComparison::load(path) {
            Ok(o) => o,
            Err(e) => {
                self.notices.push(Notice {
                    text: e.to_string(),
                    error: true,
                });
                return;
            }
        };
        for message in &opened.missing {
            self.notices.push(Notice {
                text: message.clone(),
                error: true,
            });
        }
        let saved = opened.saved;
        self.is_sample = false;
        self.files = opened.files;
        self.settings.options = saved.options;
        self.settings.only_changes = saved.view.only_changes;
        self.settings.hide_boilerplate = saved.view.hide_boilerplate;
        self.settings.hidden_kinds = saved.view.hidden_kinds.into_iter().collect();
        self.overrides = saved.overrides;
        self.redo.clear();
        self.comparison_file = Some(path.to_path_buf());
        self.reset_view();
        self.recompare();
    }

    /// Saves the open set to `path` (never over one of the compared files).
    pub(super) fn save_comparison(&mut self, path: &Path) {
        if self.files.is_empty() {
            self.notices.push(Notice {
                text: "Nothing to save yet: open some articles first".to_string(),
                error: false,
            });
            return;
        }
        let path: PathBuf = if is_saved_comparison(path) {
            path.to_path_buf()
        } else {
            path.with_extension("storydiff")
        };
        let view = SavedView {
            only_changes: self.settings.only_changes,
            hide_boilerplate: self.settings.hide_boilerplate,
            hidden_kinds: self.settings.hidden_kinds.iter().copied().collect(),
        };
        let saved = SavedComparison::new(
            &self.files,
            self.settings.options.clone(),
            view,
            self.overrides.clone(),
        );
        match saved.save(&path, &self.files) {
            Ok(()) => {
                self.export.open = false;
                self.comparison_file = Some(path.clone());
                self.is_sample = false;
                self.remember_recent();
                self.notices.push(Notice {
                    text: format!("Comparison saved: {}", path.display()),
                    error: false,
                });
            }
            Err(e) => self.notices.push(Notice {
                text: e.to_string(),
                error: true,
            }),
        }
    }
}
