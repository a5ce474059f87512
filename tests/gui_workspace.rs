//! The real window state driven headless with `egui_kittest`: opening, navigating,
//! options, columns and error notices.

#![cfg(feature = "gui")]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use storydiff::gui::app::sample_paths;
use storydiff::gui::{Settings, StorydiffApp};
use storydiff::model::OpTag;

fn harness(app: StorydiffApp) -> Harness<'static, StorydiffApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(4);
    h
}

/// The sample story, its "this is the sample" notice dismissed (tests read the notices).
fn sample_app() -> StorydiffApp {
    let mut app = fresh_sample_app();
    app.notices
        .retain(|n| !n.text.contains("bundled sample story"));
    app
}

fn fresh_sample_app() -> StorydiffApp {
    let files = sample_paths();
    assert_eq!(files.len(), 3, "the bundled sample story is missing");
    StorydiffApp::new_synchronous(Settings::default(), files)
}

/// The header names of the columns (outlet, else file name), in order.
fn names(app: &StorydiffApp) -> Vec<String> {
    app.comparison
        .as_ref()
        .map(|c| {
            c.articles
                .iter()
                .map(storydiff::model::Article::short_name)
                .collect()
        })
        .unwrap_or_default()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name)
}

#[test]
fn sample_opens_with_one_column_per_article_and_every_row() {
    let h = harness(fresh_sample_app());
    let app = h.state();
    assert_eq!(app.column_count(), 3);
    let rows = app.comparison.as_ref().map_or(0, |c| c.rows.len());
    assert!(rows >= 5, "only {rows} rows");
    assert_eq!(app.window_title(), "storydiff — sample story — 3 articles");
    // The bundled sample says it is one.
    assert!(
        app.notices
            .iter()
            .any(|n| n.text.contains("bundled sample story")),
        "no notice says this is the sample"
    );
    // One header per article with its controls, labelled for screen readers.
    let names = names(app);
    h.get_by_label(&format!("Make {} the reference", names[0]));
    h.get_by_label(&format!("Close {}", names[1]));
    h.get_by_label(&format!("Move {} left", names[2]));
    // Rows were laid out (only the visible ones) and every row is an item of the view.
    assert_eq!(app.items.len(), rows);
}

#[test]
fn next_change_moves_the_selection_down_and_previous_moves_it_back() {
    let mut h = harness(sample_app());
    assert_eq!(h.state().selection.row, None);
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run_steps(2);
    let first = h
        .state()
        .selection
        .row
        .expect("Alt+Down selects a changed row");
    assert_eq!(h.state().derived.row_changed.get(first), Some(&true));
    h.get_by_label("Next change").click();
    h.run_steps(2);
    let second = h.state().selection.row.expect("still selected");
    assert!(second > first, "{second} should follow {first}");
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    h.run_steps(2);
    assert_eq!(h.state().selection.row, Some(first));
}

fn highlighted_words(app: &StorydiffApp) -> Vec<String> {
    let Some(c) = &app.comparison else {
        return Vec::new();
    };
    c.rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten())
        .flat_map(|cell| cell.ops.iter())
        .filter(|op| op.tag != OpTag::Equal)
        .map(|op| op.text.clone())
        .collect()
}

#[test]
fn ignore_typography_recompares_and_changes_the_highlighted_words() {
    let mut h = harness(sample_app());
    // Typographic variants are not edits: ignored by default; the box shows them again.
    assert!(h.state().settings.options.ignore_quotes);
    h.get_by_label("Ignore typography").click();
    h.run_steps(3);
    assert!(!h.state().settings.options.ignore_quotes);
    let before = highlighted_words(h.state());
    h.get_by_label("Ignore typography").click();
    h.run_steps(3);
    assert!(h.state().settings.options.ignore_quotes);
    assert!(
        h.state()
            .comparison
            .as_ref()
            .is_some_and(|c| c.options.ignore_quotes),
        "the comparison was not redone with the option"
    );
    let after = highlighted_words(h.state());
    assert_ne!(before, after, "ignoring typography changed no highlight");
    // Quote-only differences are no longer highlighted.
    let quotes = |words: &[String]| {
        words
            .iter()
            .filter(|w| w.contains(['“', '”', '‘', '’', '"', '\'']))
            .count()
    };
    assert!(quotes(&after) < quotes(&before));
}

#[test]
fn adding_a_file_by_path_adds_a_column() {
    let mut h = harness(sample_app());
    let path = fixture("rtl-cjk/chinese.txt");
    let field = h.get_by_role_and_label(Role::TextInput, "Add by path");
    field.focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "Add by path")
        .type_text(&path.display().to_string());
    h.run_steps(2);
    assert_eq!(h.state().options_panel.add_path, path.display().to_string());
    h.get_by_label("Add").click();
    h.run_steps(4);
    assert_eq!(h.state().column_count(), 4);
    assert_eq!(h.state().window_title(), "storydiff — 4 articles");
}

#[test]
fn a_missing_file_shows_its_message_and_the_other_columns_stay() {
    let mut h = harness(sample_app());
    h.state_mut().options_panel.add_path = "/no/such/folder/missing-story.txt".to_string();
    h.run_steps(2);
    h.get_by_label("Add").click();
    h.run_steps(4);
    assert_eq!(h.state().column_count(), 3);
    let notice = h
        .state()
        .notices
        .first()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        notice.ends_with("/no/such/folder/missing-story.txt"),
        "notice should end with the path: {notice}"
    );
    h.get_by_label_contains("missing-story.txt");
    // The notice can be dismissed.
    h.get_by_label("Dismiss").click();
    h.run_steps(2);
    assert!(h.state().notices.is_empty());
    assert!(h.query_by_label_contains("missing-story.txt").is_none());
}

#[test]
fn the_reference_can_be_changed_from_a_column_header() {
    let mut h = harness(sample_app());
    let third = names(h.state())[2].clone();
    h.get_by_label(&format!("Make {third} the reference"))
        .click();
    h.run_steps(4);
    let c = h.state().comparison.clone().expect("comparison");
    assert_eq!(c.options.reference, 2);
    // The reference's own cells are all unchanged text.
    for row in &c.rows {
        if let Some(Some(cell)) = row.cells.get(2) {
            assert!(cell.ops.iter().all(|op| op.tag == OpTag::Equal));
        }
    }
}

#[test]
fn columns_can_be_moved_and_closed() {
    let mut h = harness(sample_app());
    let before = names(h.state());
    h.get_by_label(&format!("Move {} right", before[0])).click();
    h.run_steps(4);
    let after = names(h.state());
    assert_eq!(after.first(), before.get(1));
    assert_eq!(after.get(1), before.first());
    // The reference followed its article.
    assert_eq!(
        h.state().comparison.as_ref().map(|c| c.options.reference),
        Some(1)
    );
    h.get_by_label(&format!("Close {}", before[2])).click();
    h.run_steps(4);
    assert_eq!(h.state().column_count(), 2);
}

#[test]
fn search_counts_matches_across_articles_and_selects_their_rows() {
    let mut h = harness(sample_app());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    assert!(h.state().search.open);
    h.state_mut().search.query = "port".to_string();
    h.run_steps(2);
    let expected: usize = h.state().comparison.as_ref().map_or(0, |c| {
        c.articles
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .map(|p| p.text.to_lowercase().matches("port").count())
            .sum()
    });
    assert!(expected > 0);
    assert_eq!(h.state().search.matches.len(), expected);
    h.get_by_label_contains(&format!("of {expected} matches"));
    h.get_by_label("Next match").click();
    h.run_steps(2);
    assert!(h.state().selection.row.is_some());
}

#[test]
fn typing_a_query_selects_the_row_of_the_first_match() {
    let mut h = harness(sample_app());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    assert_eq!(h.state().selection.row, None);
    // "Lannock" first occurs well down the story, not in the first row.
    let expected_row = {
        let app = h.state();
        let c = app.comparison.as_ref().expect("compared");
        let (a, p) = c
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().enumerate())
            .filter_map(|(a, cell)| cell.as_ref().map(|cell| (a, cell)))
            .flat_map(|(a, cell)| cell.paragraphs.iter().map(move |&p| (a, p)))
            .find(|&(a, p)| c.articles[a].paragraphs[p].text.contains("Lannock"))
            .expect("the sample names Port Lannock");
        app.derived.row_of(a, p).expect("row")
    };
    assert!(expected_row > 0);
    h.get_by_label("Find in all articles:").focus();
    h.run_steps(1);
    h.get_by_label("Find in all articles:").type_text("Lannock");
    h.run_steps(3);
    assert_eq!(h.state().selection.row, Some(expected_row));
}

#[test]
fn only_rows_with_differences_folds_unchanged_rows() {
    let mut h = harness(StorydiffApp::from_comparison(
        Settings::default(),
        storydiff::gui::synthetic::comparison(3, 60),
    ));
    let rows_shown = |app: &StorydiffApp| {
        app.items
            .iter()
            .filter(|i| matches!(i, storydiff::gui::view::Item::Row(_)))
            .count()
    };
    let all = rows_shown(h.state());
    assert_eq!(all, 60);
    h.get_by_label("Only rows with differences").click();
    h.run_steps(2);
    let changed = h.state().derived.row_changed.iter().filter(|c| **c).count();
    assert!(changed < all);
    assert_eq!(rows_shown(h.state()), changed);
    h.get_all_by_label_contains("unchanged row")
        .next()
        .expect("fold marker")
        .click();
    h.run_steps(2);
    assert_eq!(rows_shown(h.state()), changed + 1);
}

#[test]
fn font_size_and_theme_change_from_the_keyboard() {
    let mut h = harness(sample_app());
    let size = h.state().settings.font_size;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run_steps(2);
    assert!((h.state().settings.font_size - size - 1.0).abs() < f32::EPSILON);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run_steps(2);
    assert!((h.state().settings.font_size - size).abs() < f32::EPSILON);
    h.get_by_label("Dark theme").click();
    h.run_steps(2);
    assert!(h.state().settings.dark);
}

#[test]
fn the_in_app_browser_opens_ticked_files_as_columns() {
    let mut h = harness(sample_app());
    h.get_by_label("Browse…").click();
    h.run_steps(3);
    // It opens in the folder of the open articles and lists only article files.
    h.get_by_label("wire.txt");
    assert!(h.query_by_label("Open 0 selected").is_some());
    h.get_by_label("rtl-cjk/").click();
    h.run_steps(3);
    h.get_by_label("chinese.txt").click();
    h.run_steps(2);
    h.get_by_label("arabic.txt").click();
    h.run_steps(2);
    h.get_by_label("Open 2 selected").click();
    h.run_steps(6);
    assert_eq!(h.state().column_count(), 5);
    assert!(
        h.query_by_label("Open 2 selected").is_none(),
        "the browser closed"
    );
}

#[test]
fn cells_are_readable_by_screen_readers() {
    let h = harness(sample_app());
    // The reference's first paragraph, read with its row and column.
    let first = h.get_by_label_contains("Row 1, wire.txt ¶1, reference: SALTMERE, Oct 14");
    assert!(
        first
            .accesskit_node()
            .value()
            .is_some_and(|l| l.contains("Dockworkers at the Port of Saltmere"))
    );
    // The rewrite moved its pay paragraph: the node says so and how close it is.
    let moved = h.get_by_label_contains("rewrite.md ¶6, moved, ");
    // egui gives a label's text to screen readers as the node's value.
    let label = moved.accesskit_node().value().unwrap_or_default();
    assert!(
        label.contains("% like the reference: Around 1,200 workers"),
        "{label}"
    );
    // The readable node sits over the cell without taking its clicks: a pointer click on
    // it still selects the row.
    moved.click();
    let mut h = h;
    h.run_steps(2);
    let row = h
        .state()
        .comparison
        .as_ref()
        .and_then(|c| {
            c.rows.iter().position(|r| {
                r.cells
                    .get(2)
                    .and_then(Option::as_ref)
                    .is_some_and(|cell| cell.paragraphs == [5])
            })
        })
        .expect("the row holding rewrite.md ¶6");
    assert_eq!(h.state().selection.row, Some(row));
}

#[test]
fn an_article_about_another_story_is_marked_in_its_header() {
    let mut files = sample_paths();
    files.push(fixture("rtl-cjk/chinese.txt"));
    let h = harness(StorydiffApp::new_synchronous(Settings::default(), files));
    assert_eq!(h.state().column_count(), 4);
    let marked: Vec<String> = h
        .query_all_by_label_contains("another story?")
        .filter_map(|n| n.accesskit_node().value())
        .collect();
    assert_eq!(marked.len(), 1, "{marked:?}");
    // Chinese and English share no words at all.
    assert!(
        marked[0].starts_with("another story? ") && marked[0].ends_with("0% like the reference"),
        "{marked:?}"
    );
}

#[test]
fn the_report_is_exported_from_the_in_app_window() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("saltmere.json");
    let mut h = harness(sample_app());
    h.state_mut().apply(storydiff::gui::Command::ExportPrompt);
    h.run_steps(2);
    // The window offers a name next to the compared files; replace it with ours.
    h.state_mut().export.path = out.display().to_string();
    h.run_steps(1);
    h.get_by_label("Save").click();
    h.run_steps(3);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["schema"], "storydiff-report/1");
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(3));
    assert!(!h.state().export.open);
    let notice = h.state().notices.last().map(|n| n.text.clone()).unwrap();
    assert_eq!(notice, format!("Report saved (JSON): {}", out.display()));
    // A name without .json gets the text summary.
    let text = dir.path().join("saltmere.txt");
    h.state_mut()
        .apply(storydiff::gui::Command::Export(text.clone()));
    let summary = std::fs::read_to_string(&text).unwrap();
    assert!(
        summary.starts_with("storydiff report: 3 article(s)"),
        "{summary}"
    );
}

#[test]
fn the_report_never_overwrites_a_compared_file() {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("wire.txt");
    std::fs::copy(fixture("wire.txt"), &wire).unwrap();
    let before = std::fs::read(&wire).unwrap();
    let files = vec![wire.clone(), fixture("rewrite.md")];
    let mut h = harness(StorydiffApp::new_synchronous(Settings::default(), files));
    h.state_mut()
        .apply(storydiff::gui::Command::Export(wire.clone()));
    h.run_steps(2);
    assert_eq!(std::fs::read(&wire).unwrap(), before);
    let notice = h.state().notices.last().cloned().unwrap();
    assert!(notice.error);
    assert_eq!(
        notice.text,
        format!(
            "refusing to overwrite an input file with the report: {}",
            wire.display()
        )
    );
    h.get_by_label_contains("refusing to overwrite an input file");
}

#[test]
fn the_headline_row_shows_both_titles_and_marks_the_changed_words() {
    let h = harness(sample_app());
    let names = names(h.state());
    // The reference's headline, as the wire file has it.
    h.get_by_label(&format!(
        "Headline, {}, reference: Saltmere dock strike ends with $95 million deal on pay and rest",
        names[0]
    ));
    // The rewrite's headline beside it, with the words it changed marked as in the cells.
    // (kittest finds a node by a part of its label; each part names only this cell).
    h.get_by_label_contains(&format!(
        "Headline, {}, 48% like the reference: Saltmere dockers head back to work after deal on pay and rest",
        names[2]
    ));
    h.get_by_label_contains("rest; deleted “dock strike ends with $95 million”; inserted “dockers head back to work after”");
    // The ops drawn there are the engine's headline diff of that article.
    let c = h.state().comparison.as_ref().unwrap();
    let ops = &c.headline[2].as_ref().unwrap().ops;
    let inserted: Vec<&str> = ops
        .iter()
        .filter(|o| o.tag == OpTag::Insert)
        .map(|o| o.text.trim())
        .collect();
    assert_eq!(inserted, vec!["dockers head back to work after"]);
}

/// Per row, per article: the paragraphs aligned there.
fn aligned_paragraphs(c: &storydiff::model::Comparison) -> Vec<Vec<Vec<usize>>> {
    c.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.as_ref().map(|c| c.paragraphs.clone()).unwrap_or_default())
                .collect()
        })
        .collect()
}

#[test]
fn an_option_toggle_keeps_the_files_and_alignment_and_says_so_in_the_status_bar() {
    let mut h = harness(sample_app());
    assert!(
        h.query_by_label_contains("no file re-read").is_none(),
        "a fresh open has nothing to say about kept stages"
    );
    let rows_before = aligned_paragraphs(h.state().comparison.as_ref().unwrap());
    h.get_by_label("Ignore case").click();
    h.run_steps(3);
    let run = h.state().last_run.unwrap();
    assert_eq!((run.files_loaded, run.aligned), (0, false));
    h.get_by_label("options applied: no file re-read, alignment kept");
    let c = h.state().comparison.as_ref().unwrap();
    assert!(c.options.ignore_case);
    let rows_after = aligned_paragraphs(c);
    assert_eq!(rows_before, rows_after, "the kept alignment changed");
    // A new reference re-aligns, still without reading a file.
    let name = c.articles[1].short_name();
    h.get_by_label(&format!("Make {name} the reference"))
        .click();
    h.run_steps(3);
    assert_eq!(h.state().comparison.as_ref().unwrap().options.reference, 1);
    h.get_by_label("re-aligned: no file re-read");
}

#[test]
fn a_cell_compared_sentence_by_sentence_says_so() {
    let mut c = storydiff::gui::synthetic::comparison(2, 6);
    let note = "Long passage: its word diff ran past 2 s, so it was compared sentence by sentence";
    c.rows[1].cells[1].as_mut().unwrap().note = Some(note.to_string());
    let h = harness(StorydiffApp::from_comparison(Settings::default(), c));
    // Read out with the cell, and only for that cell.
    let nodes: Vec<_> = h
        .query_all_by_label_contains("compared sentence by sentence")
        .collect();
    assert_eq!(nodes.len(), 1);
    let readable = nodes[0].accesskit_node();
    let label = readable
        .label()
        .or_else(|| readable.value())
        .unwrap_or_default();
    assert!(label.starts_with("Row 2"), "{label}");
}
