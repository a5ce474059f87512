//! The engine stays usable headless: no module outside `src/gui` may import egui, eframe or rfd.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "gui") {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn engine_modules_do_not_import_the_gui_toolkit() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10, "found the engine sources");
    for file in files {
        if file.ends_with("main.rs") || file.ends_with("lib.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        for needle in ["egui", "eframe", "rfd::"] {
            let imports = text
                .lines()
                .any(|l| !l.trim_start().starts_with("//") && l.contains(needle));
            assert!(!imports, "{} mentions {needle}", file.display());
        }
    }
}

/// Views draw from a `ViewCtx` and push commands: only the app itself (`src/gui/app.rs` and
/// `src/gui/app/`) may name the application state.
#[test]
fn no_view_imports_the_app() {
    let gui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/gui");
    let mut checked = 0;
    for entry in std::fs::read_dir(&gui).expect("read src/gui") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let rust = path.extension().is_some_and(|e| e == "rs");
        if path.is_dir() || !rust || name == "app.rs" || name == "mod.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        for needle in ["super::app", "gui::app", "StorydiffApp"] {
            let imports = text
                .lines()
                .any(|l| !l.trim_start().starts_with("//") && l.contains(needle));
            assert!(!imports, "{} mentions {needle}", path.display());
        }
        checked += 1;
    }
    assert!(checked > 10, "found the views");
}
