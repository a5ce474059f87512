//! Corrections, shortcuts and start-up in the real window state, driven headless with
//! `egui_kittest`: the cell menu's unlink/link/furniture actions reach the engine and are
//! undone and redone; one shortcut table drives keys, menus and the shortcuts window; a
//! new set opens at its first row with its first file as reference.

#![cfg(feature = "gui")]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use storydiff::gui::app::sample_paths;
use storydiff::gui::{Settings, StorydiffApp};
use storydiff::model::{FindingKind, Override};

fn harness(app: StorydiffApp, width: f32) -> Harness<'static, StorydiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, 950.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(4);
    h
}

fn sample() -> StorydiffApp {
    StorydiffApp::new_synchronous(Settings::default(), sample_paths())
}

/// Where a paragraph of an article sits: (row, number of present cells in that row).
fn place(app: &StorydiffApp, article: usize, paragraph: usize) -> (usize, usize) {
    let c = app.comparison.as_ref().unwrap();
    let row = c
        .rows
        .iter()
        .position(|r| {
            r.cells[article]
                .as_ref()
                .is_some_and(|cell| cell.paragraphs.contains(&paragraph))
        })
        .unwrap();
    (row, c.rows[row].cells.iter().flatten().count())
}

/// A row where every article has a cell of one paragraph.
fn full_row(app: &StorydiffApp) -> usize {
    let c = app.comparison.as_ref().unwrap();
    c.rows
        .iter()
        .position(|r| {
            r.cells
                .iter()
                .all(|c| c.as_ref().is_some_and(|c| c.paragraphs.len() == 1))
        })
        .unwrap()
}

/// The accessible label of a cell starts with "Row N, NAME ¶P".
fn cell_label(app: &StorydiffApp, row: usize, article: usize) -> String {
    let c = app.comparison.as_ref().unwrap();
    let name = c.articles[article].short_name();
    let p = c.rows[row].cells[article].as_ref().unwrap().paragraphs[0];
    format!("Row {}, {name} ¶{}", row + 1, p + 1)
}

#[test]
fn unlinking_a_passage_from_its_menu_is_applied_by_the_engine_and_undone_with_ctrl_z() {
    let mut h = harness(sample(), 1500.0);
    let row = full_row(h.state());
    let p = h.state().comparison.as_ref().unwrap().rows[row].cells[2]
        .as_ref()
        .unwrap()
        .paragraphs[0];
    let rows_before = h.state().comparison.as_ref().unwrap().rows.len();
    h.get_by_label_contains(&cell_label(h.state(), row, 2))
        .click_secondary();
    h.run_steps(2);
    h.get_by_label("Unlink from this row").click();
    h.run_steps(4);
    let c = h.state().comparison.as_ref().unwrap();
    assert_eq!(
        c.rows.len(),
        rows_before + 1,
        "the passage became its own row"
    );
    assert_eq!(place(h.state(), 2, p).1, 1, "alone in its row");
    assert!(matches!(c.overrides.as_slice(), [Override::Unlink { .. }]));
    // Shown as a correction on the cell.
    h.get_by_label_contains("1 corrections");
    // Undo and redo.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(4);
    assert_eq!(
        h.state().comparison.as_ref().unwrap().rows.len(),
        rows_before
    );
    assert!(h.state().comparison.as_ref().unwrap().overrides.is_empty());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run_steps(4);
    assert_eq!(
        h.state().comparison.as_ref().unwrap().rows.len(),
        rows_before + 1,
        "redone"
    );
}

#[test]
fn linking_puts_a_passage_into_the_row_clicked_next() {
    let mut h = harness(sample(), 1500.0);
    let row = full_row(h.state());
    let target = row + 1;
    // Move article 2's passage of `row` into the row below (article 0's cell there).
    let p = h.state().comparison.as_ref().unwrap().rows[row].cells[2]
        .as_ref()
        .unwrap()
        .paragraphs[0];
    let c = h.state().comparison.as_ref().unwrap();
    let Some(target_cell) = c.rows[target].cells[0].as_ref() else {
        panic!("the sample's row after a full row has a reference cell");
    };
    let target_p = target_cell.paragraphs[0];
    h.get_by_label_contains(&cell_label(h.state(), row, 2))
        .click_secondary();
    h.run_steps(2);
    h.get_by_label("Link with a passage in another row…")
        .click();
    h.run_steps(2);
    assert!(h.state().pending_link.is_some());
    h.get_by_label_contains("click the passage in another column");
    h.get_by_label_contains(&cell_label(h.state(), target, 0))
        .click();
    h.run_steps(4);
    assert!(h.state().pending_link.is_none());
    let (with_row, _) = place(h.state(), 0, target_p);
    assert_eq!(place(h.state(), 2, p).0, with_row, "linked into that row");
}

#[test]
fn marking_a_passage_as_page_furniture_adds_a_manual_boilerplate_finding() {
    let mut h = harness(sample(), 1500.0);
    let row = full_row(h.state());
    let p = h.state().comparison.as_ref().unwrap().rows[row].cells[1]
        .as_ref()
        .unwrap()
        .paragraphs[0];
    h.get_by_label_contains(&cell_label(h.state(), row, 1))
        .click_secondary();
    h.run_steps(2);
    h.get_by_label("This is page furniture").click();
    h.run_steps(4);
    let c = h.state().comparison.as_ref().unwrap();
    assert!(c.findings.iter().any(|f| f.kind == FindingKind::Boilerplate
        && f.article == 1
        && f.paragraph == p
        && f.manual));
}

#[test]
fn shift_f3_goes_back_and_f3_forward() {
    let mut h = harness(sample(), 1500.0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    h.state_mut().search.query = "the".to_string();
    h.run_steps(2);
    assert!(h.state().search.matches.len() > 3);
    // Leave the field so that F3 is not typed into it.
    h.get_by_label("Next match").click();
    h.run_steps(2);
    h.key_press(egui::Key::F3);
    h.run_steps(2);
    h.key_press(egui::Key::F3);
    h.run_steps(2);
    let at = h.state().search.current.unwrap();
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F3);
    h.run_steps(2);
    assert_eq!(h.state().search.current, Some(at - 1), "Shift+F3 went back");
}

#[test]
fn the_shortcuts_window_lists_the_table_and_menus_show_its_keys() {
    let mut h = harness(sample(), 1500.0);
    h.key_press(egui::Key::F1);
    h.run_steps(2);
    assert!(h.state().show_shortcuts);
    for entry in storydiff::gui::shortcuts::SHORTCUTS {
        assert!(
            h.query_all_by_label(entry.label).next().is_some(),
            "{} is not listed",
            entry.label
        );
    }
    assert!(h.query_all_by_label_contains("Shift+F3").next().is_some());
}

#[test]
fn a_new_set_opens_at_its_first_row_with_its_first_file_as_reference() {
    // The last session left the reference on the third column.
    let mut settings = Settings::default();
    settings.options.reference = 2;
    let h = harness(
        StorydiffApp::new_synchronous(settings, sample_paths()),
        1500.0,
    );
    assert_eq!(h.state().comparison.as_ref().unwrap().options.reference, 0);
    assert_eq!(h.state().selection.row, None);
    // The first row is on screen.
    h.get_by_label_contains(&cell_label(h.state(), 0, 0));
    assert!(h.state().table.cache.viewport.0 < 1.0);
}

#[test]
fn fit_all_columns_puts_eight_articles_side_by_side_at_1280_pixels() {
    let mut files = sample_paths();
    let extra = sample_paths();
    files.extend(extra.iter().cloned());
    files.extend(extra.iter().take(2).cloned());
    // Eight columns: the same three files under other names would be deduplicated, so
    // copy them.
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let to = dir
                .path()
                .join(format!("{i}-{}", f.file_name().unwrap().to_string_lossy()));
            std::fs::copy(f, &to).unwrap();
            to
        })
        .collect();
    let settings = Settings {
        fit_columns: true,
        show_options: false,
        show_findings: false,
        ..Settings::default()
    };
    let h = harness(StorydiffApp::new_synchronous(settings, files), 1280.0);
    assert_eq!(h.state().column_count(), 8);
    let width = storydiff::gui::table::column_width(1240.0, 8, true);
    assert!(width * 8.0 + storydiff::gui::table::GUTTER <= 1280.0);
    // Every column's header is on screen.
    for a in 0..8 {
        let name = h.state().comparison.as_ref().unwrap().articles[a].short_name();
        let label = format!("Close {name}");
        for node in h.query_all_by_label(&label) {
            let right = node.rect().max.x;
            assert!(right <= 1280.0, "column {a} off screen at x={right}");
        }
    }
}

#[test]
fn a_saved_comparison_reopens_with_the_same_view_corrections_and_report() {
    let dir = tempfile::tempdir().unwrap();
    // Copies of the sample in a folder of their own, so relative paths are exercised.
    let files: Vec<_> = sample_paths()
        .iter()
        .map(|f| {
            let to = dir.path().join(f.file_name().unwrap());
            std::fs::copy(f, &to).unwrap();
            to
        })
        .collect();
    let bytes: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let mut h = harness(
        StorydiffApp::new_synchronous(Settings::default(), files.clone()),
        1500.0,
    );
    // A correction, another reference and a hidden kind.
    let row = full_row(h.state());
    h.get_by_label_contains(&cell_label(h.state(), row, 2))
        .click_secondary();
    h.run_steps(2);
    h.get_by_label("Unlink from this row").click();
    h.run_steps(4);
    h.state_mut()
        .apply(storydiff::gui::Command::SetReference(1));
    h.state_mut().apply(storydiff::gui::Command::SetKindHidden(
        FindingKind::RepeatedWord,
        true,
    ));
    h.run_steps(3);
    let saved = dir.path().join("story.storydiff");
    h.state_mut()
        .apply(storydiff::gui::Command::SaveComparison(saved.clone()));
    h.run_steps(2);
    assert!(saved.is_file(), "{:?}", h.state().notices);
    let before = storydiff::report::text::to_text(h.state().comparison.as_ref().unwrap());
    assert!(h.state().window_title().contains("story.storydiff"));

    // A new window opens the file: same files, reference, hidden kind, correction, report.
    let mut h2 = harness(
        StorydiffApp::new_synchronous(Settings::default(), vec![saved.clone()]),
        1500.0,
    );
    h2.run_steps(2);
    let app = h2.state();
    assert_eq!(app.files, files);
    assert_eq!(app.comparison.as_ref().unwrap().options.reference, 1);
    assert!(
        app.settings
            .hidden_kinds
            .contains(&FindingKind::RepeatedWord)
    );
    assert_eq!(app.overrides.len(), 1);
    let after = storydiff::report::text::to_text(app.comparison.as_ref().unwrap());
    assert_eq!(before, after, "the same report");
    // Undo works on the reopened correction too.
    h2.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h2.run_steps(3);
    assert!(h2.state().overrides.is_empty());
    // No input was written to.
    for (f, b) in files.iter().zip(&bytes) {
        assert_eq!(&std::fs::read(f).unwrap(), b);
    }
}

#[test]
fn a_saved_comparison_with_a_missing_file_names_it_and_opens_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = sample_paths()
        .iter()
        .map(|f| {
            let to = dir.path().join(f.file_name().unwrap());
            std::fs::copy(f, &to).unwrap();
            to
        })
        .collect();
    let mut h = harness(
        StorydiffApp::new_synchronous(Settings::default(), files.clone()),
        1500.0,
    );
    let saved = dir.path().join("story.storydiff");
    h.state_mut()
        .apply(storydiff::gui::Command::SaveComparison(saved.clone()));
    std::fs::remove_file(&files[1]).unwrap();
    let h2 = harness(
        StorydiffApp::new_synchronous(Settings::default(), vec![saved]),
        1500.0,
    );
    assert_eq!(h2.state().column_count(), 2);
    let name = files[1].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        h2.state()
            .notices
            .iter()
            .any(|n| n.error && n.text.contains(&name)),
        "{:?}",
        h2.state().notices
    );
}

#[test]
fn cell_text_can_be_selected_with_the_mouse_and_copied() {
    let mut h = harness(sample(), 1500.0);
    let label = cell_label(h.state(), 0, 0);
    let rect = h.get_by_label_contains(&label).rect();
    // Drag along the first line of the reference's first passage, then copy.
    let from = rect.min + egui::vec2(8.0, 14.0);
    let to = rect.min + egui::vec2(160.0, 14.0);
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    h.hover_at(to);
    h.run_steps(1);
    h.drop_at(to);
    h.run_steps(1);
    h.event(egui::Event::Copy);
    h.run_steps(1);
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let first = &h.state().comparison.as_ref().unwrap().articles[0].paragraphs[0].text;
    assert!(
        copied
            .iter()
            .any(|t| t.len() > 3 && first.starts_with(t.as_str())),
        "copied {copied:?}, first paragraph {first:?}"
    );
}

#[test]
fn a_jump_to_a_finding_in_an_off_screen_column_scrolls_it_into_sight() {
    // Eight columns at their normal width do not fit 1280 points: the last ones start off
    // screen. Copies of the sample under other names, the republication (which carries the
    // findings) last.
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_paths();
    let order = [0, 2, 0, 2, 0, 2, 0, 1];
    let files: Vec<_> = order
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let f = &sample[k];
            let to = dir
                .path()
                .join(format!("{i}-{}", f.file_name().unwrap().to_string_lossy()));
            std::fs::copy(f, &to).unwrap();
            to
        })
        .collect();
    let settings = Settings {
        show_options: false,
        ..Settings::default()
    };
    let mut h = harness(StorydiffApp::new_synchronous(settings, files), 1280.0);
    let c = h.state().comparison.as_ref().unwrap();
    let last = c.articles.len() - 1;
    let name = c.articles[last].short_name();
    let finding = c
        .findings
        .iter()
        .position(|f| f.article == last)
        .expect("the republication has findings");
    let close = format!("Close {name}");
    let before = h.get_by_label(&close).rect().min.x;
    assert!(
        before > 1280.0,
        "the last column starts on screen ({before})"
    );
    h.state_mut()
        .apply(storydiff::gui::Command::JumpToFinding(finding));
    h.run_steps(4);
    let after = h.get_by_label(&close).rect();
    assert!(
        after.max.x <= 1280.0 && after.min.x >= 0.0,
        "the column was not scrolled into sight: {after:?}"
    );
    // The row numbers stay pinned at the visible left edge of the rows, left of the column.
    let row = h.state().selection.row.unwrap();
    let gutter = h.get_by_label(&format!("Select row {}", row + 1)).rect();
    assert!(
        gutter.min.x >= 0.0 && gutter.min.x < 300.0 && gutter.max.x <= after.min.x + 1.0,
        "the row numbers scrolled away: {gutter:?}, column at {after:?}"
    );
}

#[test]
fn clicking_a_passage_in_view_selects_its_row_without_scrolling() {
    let mut h = harness(sample(), 1500.0);
    let top = h.state().table.cache.viewport.0;
    let label = cell_label(h.state(), 1, 0);
    h.get_by_label_contains(&label).click();
    h.run_steps(3);
    assert_eq!(h.state().selection.row, Some(1));
    assert!(
        (h.state().table.cache.viewport.0 - top).abs() < 0.5,
        "the view moved from {top} to {}",
        h.state().table.cache.viewport.0
    );
}

#[test]
fn file_new_closes_everything_and_recent_reopens_the_set() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = sample_paths()
        .iter()
        .map(|f| {
            let to = dir.path().join(f.file_name().unwrap());
            std::fs::copy(f, &to).unwrap();
            to
        })
        .collect();
    let mut h = harness(
        StorydiffApp::new_synchronous(Settings::default(), files.clone()),
        1500.0,
    );
    let canonical: Vec<_> = files
        .iter()
        .map(|f| std::fs::canonicalize(f).unwrap())
        .collect();
    assert_eq!(
        h.state().settings.recent_sets.first(),
        Some(&storydiff::gui::app::Recent::Files(canonical.clone())),
        "the set is first in File ▸ Recent"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run_steps(3);
    assert_eq!(h.state().column_count(), 0);
    assert!(h.state().files.is_empty());
    assert!(
        h.query_all_by_label_contains("No articles open")
            .next()
            .is_some()
    );
    // File ▸ Recent ▸ the set.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Recent").hover();
    h.run_steps(2);
    h.get_by_label("wire.txt, republished.html, rewrite.md")
        .click();
    h.run_steps(4);
    assert_eq!(h.state().column_count(), 3);
    assert_eq!(h.state().files, canonical);
}

#[test]
fn joining_a_row_with_the_next_and_same_story_reach_the_engine() {
    let mut h = harness(sample(), 1500.0);
    let row = full_row(h.state());
    let rows_before = h.state().comparison.as_ref().unwrap().rows.len();
    h.get_by_label_contains(&cell_label(h.state(), row, 0))
        .click_secondary();
    h.run_steps(2);
    h.get_by_label("Join with the next row").click();
    h.run_steps(4);
    let c = h.state().comparison.as_ref().unwrap();
    assert_eq!(c.rows.len(), rows_before - 1, "two rows became one");
    assert!(c.rows[row].cells[0].as_ref().unwrap().paragraphs.len() >= 2);

    // An article about another story: its header offers "Same story".
    let mut files = sample_paths();
    files.push(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/rtl-cjk/chinese.txt"),
    );
    let mut h = harness(
        StorydiffApp::new_synchronous(Settings::default(), files),
        1500.0,
    );
    assert!(h.state().comparison.as_ref().unwrap().is_unrelated(3));
    let name = h.state().comparison.as_ref().unwrap().articles[3].short_name();
    h.get_by_label(&format!("{name} is the same story")).click();
    h.run_steps(4);
    let c = h.state().comparison.as_ref().unwrap();
    assert!(!c.is_unrelated(3), "marked as the same story");
    assert!(matches!(
        c.overrides.as_slice(),
        [Override::SameStory { .. }]
    ));
}

#[test]
fn a_file_added_to_an_open_set_is_announced() {
    let mut h = harness(sample(), 1500.0);
    let chinese =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/rtl-cjk/chinese.txt");
    h.state_mut()
        .apply(storydiff::gui::Command::AddFiles(vec![chinese]));
    h.run_steps(4);
    assert_eq!(h.state().column_count(), 4);
    h.get_by_label_contains("Added chinese.txt as column 4");
}
