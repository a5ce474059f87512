//! A translation beside its source in the real window state, driven headless with
//! `egui_kittest` (issue #15): the bundled German version of the sample wire story opened
//! with `wire.txt`. The header calls the German article a translation, its cells are
//! described as translation cells with their anchors counted, and the passage it leaves out
//! is described as possibly omitted in translation.

#![cfg(feature = "gui")]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use storydiff::gui::{Settings, StorydiffApp};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name)
}

#[test]
fn the_window_shows_translation_rows() {
    let files = vec![sample("wire.txt"), sample("translation/hafenstreik.de.txt")];
    let app = StorydiffApp::new_synchronous(Settings::default(), files);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1100.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(4);
    h.get_by_label_contains("540 words · translation (German)");
    h.get_by_label_contains("Row 1, hafenstreik.de.txt ¶1, translation · ");
    // The left-out Afolabi quotation: scroll to it through Next change until its row is
    // laid out, then its empty German cell says what it is.
    let c = h.state().comparison.as_ref().unwrap();
    let quote = c
        .rows
        .iter()
        .position(|r| r.cells[1].is_none() && r.cells[0].is_some())
        .unwrap();
    let label = format!(
        "Row {}, hafenstreik.de.txt: possibly omitted in translation",
        quote + 1
    );
    for _ in 0..30 {
        if h.query_by_label(&label).is_some() {
            break;
        }
        h.get_by_label("Next change").click();
        h.run_steps(3);
    }
    h.get_by_label(&label);
}
