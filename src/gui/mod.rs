//! The desktop window (eframe/egui). Draws a finished [`crate::model::Comparison`] and
//! sends commands; never computes a diff itself.

use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the window on `files` (the bundled sample story when empty).
#[must_use]
pub fn run(files: Vec<PathBuf>) -> ExitCode {
    let _ = files;
    eprintln!("storydiff needs a display; for a headless report run `storydiff report FILE...`");
    ExitCode::from(1)
}
