//! The findings panel: lists every finding grouped by kind, filters by kind, and a
//! click jumps to the passage. Driven on a generated comparison so that it does not
//! depend on what the detectors currently report.

#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use storydiff::gui::findings::item_label;
use storydiff::gui::{Settings, StorydiffApp};
use storydiff::model::FindingKind;

fn harness() -> Harness<'static, StorydiffApp> {
    harness_of(3, 200)
}

fn harness_of(articles: usize, paragraphs: usize) -> Harness<'static, StorydiffApp> {
    let app = StorydiffApp::from_comparison(
        Settings::default(),
        storydiff::gui::synthetic::comparison(articles, paragraphs),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(4);
    h
}

fn label_of(app: &StorydiffApp, i: usize) -> String {
    let f = app
        .comparison
        .as_ref()
        .and_then(|c| c.findings.get(i).cloned())
        .expect("finding");
    item_label(f.paragraph, &f.text, &f.message)
}

#[test]
fn findings_are_listed_grouped_by_kind_with_counts() {
    // Long enough for the list to run past the panel: only the lines in view are drawn.
    let mut h = harness_of(3, 2000);
    let c = h.state().comparison.clone().expect("comparison");
    let n = c.findings.len();
    assert!(n > 4);
    let repeated = c
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::RepeatedWord)
        .count();
    h.get_by_label(&format!("Findings ({n})"));
    h.get_by_label(&format!("All kinds ({n})"));
    h.get_by_label(&format!("Repeated word ({repeated})"));
    // Only the lines in view are drawn: scrolled from top to bottom, the list shows every
    // finding, in the comparison's order within each article.
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..400 {
        for node in h.query_all_by_label_contains("generated repeated word finding") {
            let label = node.accesskit_node().label().unwrap_or_default();
            if !seen.contains(&label) {
                seen.push(label);
            }
        }
        wheel_over_findings(&mut h);
    }
    let mut expected: Vec<(usize, String)> = (0..n)
        .filter(|&i| c.findings[i].kind == FindingKind::RepeatedWord)
        .map(|i| (c.findings[i].article, label_of(h.state(), i)))
        .collect();
    expected.sort_by_key(|(a, _)| *a);
    let expected: Vec<String> = expected.into_iter().map(|(_, l)| l).collect();
    assert_eq!(seen, expected);
}

/// One turn of the mouse wheel over the findings panel (the right edge of the window).
fn wheel_over_findings(h: &mut Harness<'static, StorydiffApp>) {
    h.hover_at(egui::pos2(1350.0, 700.0));
    h.event(storydiff::gui::synthetic::wheel_down(120.0));
    h.run_steps(1);
}

#[test]
fn clicking_a_finding_selects_its_row_and_highlights_it() {
    let mut h = harness();
    // The last repeated-word finding (its label is unique), far down the list of rows.
    let last = h
        .state()
        .comparison
        .as_ref()
        .and_then(|c| {
            c.findings
                .iter()
                .rposition(|f| f.kind == FindingKind::RepeatedWord)
        })
        .expect("a repeated-word finding");
    let label = label_of(h.state(), last);
    let before = h.state().selection.row;
    // Far down the list: scrolled to with the wheel, as a user would.
    let mut turns = 0;
    while h.query_by_label(&label).is_none() {
        assert!(turns < 400, "the finding never came into the list's view");
        wheel_over_findings(&mut h);
        turns += 1;
    }
    h.get_by_label(&label).click();
    h.run_steps(3);
    let f = h
        .state()
        .comparison
        .as_ref()
        .and_then(|c| c.findings.get(last).cloned())
        .expect("finding");
    let row = h.state().derived.row_of(f.article, f.paragraph);
    assert!(row.is_some());
    assert_ne!(h.state().selection.row, before);
    assert_eq!(h.state().selection.row, row);
    assert_eq!(h.state().selection.finding, Some(last));
    // The row was scrolled into view and laid out.
    let top = h.state().table.cache.viewport.0;
    let bottom = h.state().table.cache.viewport.1;
    let idx = h
        .state()
        .items
        .iter()
        .position(|i| *i == storydiff::gui::view::Item::Row(row.unwrap_or(0)))
        .unwrap_or(0);
    let y = h.state().table.cache.item_top(idx);
    assert!(
        y >= top && y <= bottom,
        "row at {y} not in view {top}..{bottom}"
    );
}

#[test]
fn the_kind_filter_hides_other_kinds() {
    let mut h = harness();
    let c = h.state().comparison.clone().expect("comparison");
    let boiler = c
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Boilerplate)
        .count();
    assert!(
        h.query_all_by_label_contains("generated repeated word finding")
            .count()
            > 0
    );
    h.get_by_label(&format!("Boilerplate ({boiler})")).click();
    h.run_steps(2);
    assert_eq!(
        h.state().settings.finding_filter,
        Some(FindingKind::Boilerplate)
    );
    assert_eq!(
        h.query_all_by_label_contains("generated repeated word finding")
            .count(),
        0
    );
    assert!(
        h.query_all_by_label_contains("generated boilerplate finding")
            .count()
            > 0
    );
}

#[test]
fn hide_boilerplate_takes_boilerplate_rows_out_of_the_view() {
    let mut h = harness();
    let all = h.state().items.len();
    h.get_by_label("Hide boilerplate").click();
    h.run_steps(2);
    // The generated comparison has a page-footer row (boilerplate in every article)
    // every 100 rows; rows where only one article's cell is boilerplate stay.
    let c = h.state().comparison.clone().expect("comparison");
    let footers = c.rows.len() / 100;
    assert!(footers > 0);
    assert_eq!(h.state().items.len(), all - footers);
}

#[test]
fn a_kind_folds_and_a_finding_selected_elsewhere_comes_into_the_list() {
    // Long enough for the list to run past the panel.
    let mut h = harness_of(3, 2000);
    let c = h.state().comparison.clone().expect("comparison");
    let kind = FindingKind::RepeatedWord;
    let of_kind: Vec<usize> = (0..c.findings.len())
        .filter(|&i| c.findings[i].kind == kind)
        .collect();
    let n = of_kind.len();
    h.get_by_label(&format!("{} ({n})", kind.label())).click();
    h.run_steps(2);
    let items = |h: &Harness<'static, StorydiffApp>| {
        h.query_all_by_label_contains("generated repeated word finding")
            .count()
    };
    assert!(items(&h) > 0);
    let heading = format!(
        "{} ({n}){}",
        kind.label(),
        kind.group().map_or(String::new(), |g| format!(" · {g}"))
    );
    h.get_by_label(&heading).click();
    h.run_steps(2);
    assert_eq!(items(&h), 0, "the folded kind still lists its findings");
    h.get_by_label(&heading).click();
    h.run_steps(2);
    assert!(items(&h) > 0);
    // Back to every kind; then a finding far below the list's view, selected as a click in
    // a cell would select it.
    h.get_by_label(&format!("All kinds ({})", c.findings.len()))
        .click();
    h.run_steps(2);
    let shown =
        |h: &Harness<'static, StorydiffApp>, label: &str| h.query_all_by_label(label).count();
    let far = (0..c.findings.len())
        .rev()
        .find(|&i| shown(&h, &label_of(h.state(), i)) == 0)
        .expect("a finding out of the list's view");
    let label = label_of(h.state(), far);
    h.state_mut()
        .apply(storydiff::gui::Command::JumpToFinding(far));
    h.run_steps(3);
    assert!(
        shown(&h, &label) > 0,
        "the selected finding is not in the list's view"
    );
}
