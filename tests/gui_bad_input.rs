//! The bad-input table in the real window (`egui_kittest`), one test per row: a file that
//! cannot be compared shows a notice on screen giving the reason and ending with its path,
//! and the other article stays open; a file that loads opens as a second column holding
//! its text. The rows are shared with the command-line test (`tests/common/bad_input.rs`).

#![cfg(feature = "gui")]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

#[path = "common/bad_input.rs"]
mod bad_input;

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use storydiff::gui::{Settings, StorydiffApp};

/// The window opened on an article of ours and the row's file, with the files' folder.
fn opened(name: &str) -> (Harness<'static, StorydiffApp>, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("wire.txt");
    std::fs::write(
        &wire,
        "The harbour stoppage ends\n\nCrane operators at the harbour resume their shifts \
         tomorrow after the authority improved its offer.\n\nThe stoppage lasted nine days.\n",
    )
    .unwrap();
    let bad = dir.path().join(name);
    bad_input::make(&bad_input::row(name), &bad);
    let app = StorydiffApp::new_synchronous(Settings::default(), vec![wire, bad.clone()]);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(4);
    (h, bad, dir)
}

/// The row is refused: one error notice with the reason, ending with the path, shown on
/// screen; the other article is open alone.
fn refused(name: &str) {
    let row = bad_input::row(name);
    let (h, bad, _dir) = opened(name);
    let errors: Vec<String> = h
        .state()
        .notices
        .iter()
        .filter(|n| n.error)
        .map(|n| n.text.clone())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(row.reason.unwrap()), "{}", errors[0]);
    assert!(
        errors[0].ends_with(&bad.display().to_string()),
        "{}",
        errors[0]
    );
    h.get_by_label_contains(row.reason.unwrap());
    assert_eq!(h.state().column_count(), 1);
    assert!(
        h.query_by_label_contains("Crane operators at the harbour")
            .is_some()
    );
}

/// The row loads: no error notice, two columns, the row's words on screen.
fn loads(name: &str) {
    let row = bad_input::row(name);
    let (h, _bad, _dir) = opened(name);
    assert!(
        h.state().notices.iter().all(|n| !n.error),
        "{:?}",
        h.state()
            .notices
            .iter()
            .map(|n| &n.text)
            .collect::<Vec<_>>()
    );
    assert_eq!(h.state().column_count(), 2);
    h.get_by_label_contains(row.holds);
}

#[test]
fn window_empty() {
    refused("empty.txt");
}

#[test]
fn window_random_bytes_named_txt() {
    refused("noise.txt");
}

#[test]
fn window_png_named_txt() {
    refused("photo.txt");
}

#[test]
fn window_gzip_named_html() {
    refused("page.html");
}

#[test]
fn window_elf_executable_named_txt() {
    refused("tool.txt");
}

#[test]
fn window_directory() {
    refused("folder");
}

#[test]
fn window_missing() {
    refused("missing.html");
}

#[test]
fn window_malformed_json() {
    refused("story.json");
}

#[test]
fn window_json_of_the_wrong_shape() {
    refused("weather.json");
}

#[test]
fn window_html_with_no_article() {
    refused("menu.html");
}

#[test]
fn window_a_file_over_the_size_limit() {
    refused("huge.txt");
}

#[test]
fn window_a_paragraph_over_the_length_limit() {
    refused("endless.txt");
}

#[test]
fn window_unreadable() {
    if bad_input::reads_everything() {
        eprintln!("skipping: this process reads files whatever their permissions (root)");
        return;
    }
    refused("locked.txt");
}

#[test]
fn window_text_with_control_characters() {
    loads("controls.txt");
}

#[test]
fn window_invalid_utf8_inside_utf8_text() {
    loads("broken.txt");
}

#[test]
fn window_utf16_with_and_without_bom() {
    loads("bom.txt");
    loads("nobom.txt");
}

#[test]
fn window_windows_1252() {
    loads("legacy.txt");
}

#[test]
fn a_corrupt_truncated_or_future_saved_comparison_leaves_the_open_one_and_its_file() {
    let (mut h, _bad, dir) = opened("legacy.txt");
    let cases = [
        (
            "truncated.storydiff",
            "{ \"format\": \"storydiff-comparison\", \"files\": [{\"pa",
            "not JSON",
        ),
        (
            "corrupt.storydiff",
            "\u{1}\u{2} not a comparison at all",
            "not JSON",
        ),
        (
            "future.storydiff",
            "{ \"format\": \"storydiff-comparison\", \"version\": 9, \"files\": [] }",
            "newer storydiff",
        ),
    ];
    for (name, content, reason) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        h.state_mut().notices.clear();
        h.state_mut()
            .apply(storydiff::gui::Command::OpenComparison(path.clone()));
        h.run_steps(3);
        let notice = h.state().notices.last().cloned().unwrap();
        assert!(
            notice.error && notice.text.contains(reason),
            "{}",
            notice.text
        );
        assert!(
            notice.text.ends_with(&path.display().to_string()),
            "{}",
            notice.text
        );
        h.get_by_label_contains(reason);
        // The open comparison stays, and the bad file is not rewritten.
        assert_eq!(h.state().column_count(), 2, "{name}");
        assert_eq!(h.state().comparison_file, None);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
    }
}

#[test]
fn hostile_markup_and_bidi_controls_are_shown_as_text_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("wire.txt");
    let hostile = dir.path().join("<img src=x onerror=alert(1)>.txt");
    let paragraphs = [
        "<script>alert(1)</script> opened the harbour meeting on Tuesday evening.",
        "<img src=x onerror=alert(1)> was posted by the council after the vote.",
        "Read <a href=\"javascript:alert(1)\">the budget</a> and <meta http-equiv=refresh content=0>.",
        "The mayor said \u{202E}gnirts desrever a\u{202C} to the reporters afterwards.",
    ];
    std::fs::write(&wire, "The harbour meeting opened on Tuesday evening.\n").unwrap();
    std::fs::write(&hostile, paragraphs.join("\n\n")).unwrap();
    let app = StorydiffApp::new_synchronous(Settings::default(), vec![wire, hostile]);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(4);
    assert_eq!(h.state().column_count(), 2);
    // Every paragraph is on screen as the characters it holds.
    for p in paragraphs {
        let words: String = p.chars().take(24).collect();
        assert!(
            h.query_all_by_label_contains(&words).next().is_some(),
            "not on screen as text: {words}"
        );
    }
    // The file name with markup is shown as its characters too (the column header).
    assert!(
        h.query_all_by_label_contains("<img src=x onerror=alert(1)>.txt")
            .next()
            .is_some()
    );
}
