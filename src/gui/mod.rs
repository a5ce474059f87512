//! The desktop window (eframe/egui). Draws a finished [`crate::model::Comparison`] and
//! sends commands; never computes a diff itself.
//!
//! Files: [`app`] (state, the frame loop, `apply`, the panel layout, dialogs, corrections,
//! saved comparisons), [`command`] (the one command type), [`ctx`] (the small context views
//! draw from), [`shortcuts`] (the one shortcut table), [`settings`] (what persists),
//! [`derived`] (per-comparison indexes), [`worker`] (background compare), [`view`] (the row
//! filter), [`table`] and [`layout`] (the aligned rows), [`coverage`] (who carries which
//! passage) and [`facts_view`] (quotes, figures, names per outlet), [`header`], [`options`],
//! [`findings`], [`ruler`], [`search`], [`file_browser`], [`dialog`], [`export`], [`fonts`],
//! [`bidi`], [`theme`]. No view imports `app`.

pub mod app;
pub mod bidi;
pub mod command;
pub mod coverage;
pub mod ctx;
pub mod derived;
pub mod dialog;
pub mod export;
pub mod facts_view;
pub mod file_browser;
pub mod findings;
pub mod fonts;
pub mod header;
pub mod headline;
pub mod layout;
pub mod options;
pub mod ruler;
pub mod search;
pub mod settings;
pub mod shortcuts;
pub mod synthetic;
pub mod table;
pub mod theme;
pub mod view;
pub mod worker;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use app::{Command, Settings, StorydiffApp, ViewTab};
pub use ctx::{Selection, ViewCtx};

/// The bundled sample story: next to the sources at build time, else next to the executable.
#[must_use]
pub fn sample_paths() -> Vec<PathBuf> {
    const NAMES: [&str; 3] = ["wire.txt", "republished.html", "rewrite.md"];
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")];
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.parent()
    {
        dirs.push(dir.join("assets/samples"));
        dirs.push(dir.join("samples"));
    }
    for dir in dirs {
        if NAMES.iter().all(|n| dir.join(n).is_file()) {
            return NAMES.iter().map(|n| dir.join(n)).collect();
        }
    }
    Vec::new()
}

/// The message printed when there is no display to open a window on.
pub const NO_DISPLAY: &str =
    "storydiff needs a display; for a headless report run `storydiff report FILE...`";

/// True when a display server is reachable (always true outside Linux/BSD).
#[must_use]
pub fn has_display() -> bool {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    )) {
        let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        set("DISPLAY") || set("WAYLAND_DISPLAY")
    } else {
        true
    }
}

/// Opens the window on `files` (the bundled sample story when empty).
#[must_use]
pub fn run(files: Vec<PathBuf>) -> ExitCode {
    if !has_display() {
        eprintln!("{NO_DISPLAY}");
        return ExitCode::from(1);
    }
    let files = if files.is_empty() {
        sample_paths()
    } else {
        files
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("storydiff")
            .with_app_id("storydiff")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    let result = eframe::run_native(
        "storydiff",
        options,
        Box::new(move |cc| Ok(Box::new(StorydiffApp::from_storage(cc.storage, files)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{NO_DISPLAY}");
            if std::env::var_os("STORYDIFF_DEBUG").is_some() {
                eprintln!("({e})");
            }
            ExitCode::from(1)
        }
    }
}
