//! Image snapshots of the real window (rendered with wgpu; llvmpipe on CI) and the
//! right-to-left / CJK fixtures on screen.

#![cfg(feature = "gui")]

use std::path::PathBuf;

use egui_kittest::Harness;
use storydiff::gui::app::sample_paths;
use storydiff::gui::{Settings, StorydiffApp};

/// The system fonts the reference images were rendered with (`.ci/run` installs them).
const SNAPSHOT_FONTS: [&str; 2] = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
];

/// A rendering harness, or `None` (with the reason printed) where this machine cannot
/// reproduce the reference images: other fonts, or no wgpu adapter (no GPU, no llvmpipe).
fn harness(app: StorydiffApp) -> Option<Harness<'static, StorydiffApp>> {
    if let Some(missing) = SNAPSHOT_FONTS
        .iter()
        .find(|f| !std::path::Path::new(f).exists())
    {
        eprintln!(
            "skipped: image snapshots need the font {missing} (apt: fonts-wqy-microhei fonts-dejavu-core)"
        );
        return None;
    }
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Harness::builder()
            .with_size(egui::vec2(1500.0, 900.0))
            .wgpu()
            .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app)
    }));
    let Ok(mut h) = built else {
        eprintln!(
            "skipped: no wgpu adapter to render image snapshots (install Mesa: libgl1-mesa-dri mesa-vulkan-drivers)"
        );
        return None;
    };
    h.run_steps(6);
    Some(h)
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
    let Some(mut h) = harness(StorydiffApp::new_synchronous(
        Settings::default(),
        sample_paths(),
    )) else {
        return;
    };
    h.snapshot("sample");
}

#[test]
fn sample_comparison_dark_snapshot() {
    let settings = Settings {
        dark: true,
        ..Settings::default()
    };
    let Some(mut h) = harness(StorydiffApp::new_synchronous(settings, sample_paths())) else {
        return;
    };
    h.snapshot("sample_dark");
}

#[test]
fn rtl_paragraphs_are_right_aligned_and_cjk_renders() {
    let Some(mut h) = harness(StorydiffApp::new_synchronous(
        Settings::default(),
        rtl_cjk(),
    )) else {
        return;
    };
    assert_eq!(h.state().column_count(), 4);
    h.snapshot("rtl_cjk");
}
