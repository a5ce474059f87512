//! Image snapshots of the real window (rendered with wgpu; llvmpipe on CI) and the
//! right-to-left / CJK fixtures on screen.

#![cfg(feature = "gui")]

use std::path::PathBuf;

use egui_kittest::Harness;
use storydiff::gui::app::sample_paths;
use storydiff::gui::{Settings, StorydiffApp};

fn harness(app: StorydiffApp) -> Harness<'static, StorydiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 900.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(6);
    h
}

fn rtl_cjk() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/rtl-cjk");
    [
        "arabic.txt",
        "arabic-edited.txt",
        "chinese.txt",
        "chinese-edited.txt",
    ]
    .iter()
    .map(|n| dir.join(n))
    .collect()
}

#[test]
fn sample_comparison_snapshot() {
    let mut h = harness(StorydiffApp::new_synchronous(
        Settings::default(),
        sample_paths(),
    ));
    h.snapshot("sample");
}

#[test]
fn sample_comparison_dark_snapshot() {
    let settings = Settings {
        dark: true,
        ..Settings::default()
    };
    let mut h = harness(StorydiffApp::new_synchronous(settings, sample_paths()));
    h.snapshot("sample_dark");
}

#[test]
fn rtl_paragraphs_are_right_aligned_and_cjk_renders() {
    let mut h = harness(StorydiffApp::new_synchronous(
        Settings::default(),
        rtl_cjk(),
    ));
    assert_eq!(h.state().column_count(), 4);
    h.snapshot("rtl_cjk");
}
