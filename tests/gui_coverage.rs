//! Coverage across outlets in the real window state, driven headless with `egui_kittest`
//! (issue #11): the tabs switch between side by side, coverage and facts; the coverage
//! matrix has one chip per passage and article, labelled as the engine compared them, and a
//! click on one shows that passage side by side; the facts view lists a figure the copy
//! changed and jumps to it; a passage written independently is drawn as its own text with
//! a caption, not as a word diff.
//!
//! The articles are written here: a wire report of an invented bridge collapse, a
//! republication that copies it (one figure changed), and a report of the same event
//! written independently.

#![cfg(feature = "gui")]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use storydiff::coverage::map::Carried;
use storydiff::gui::app::ViewTab;
use storydiff::gui::coverage::chip_description;
use storydiff::gui::derived::FactPresence;
use storydiff::gui::facts_view::cell_description;
use storydiff::gui::theme::palette;
use storydiff::gui::{Settings, StorydiffApp};
use storydiff::model::{FactKind, Relation};

const WIRE: &str = "DUNMERE — A section of the Harlow Street bridge collapsed into the Tessel River early on Tuesday, forcing 340 residents from their homes, officials said.

Mayor Ruth Kellan said no one was killed but that 12 people were treated for minor injuries at Dunmere General Hospital.

“We were lucky that it happened before the morning traffic,” Kellan told reporters at the riverbank.

Engineers from the Ostwick Transport Authority had inspected the 90-year-old bridge in March and rated it as fair, according to records seen by the agency.

Repairs are expected to cost at least $4.5 million and could take eight months, the authority said in a statement.

Traffic is being diverted over the Mill Lane crossing, about two miles upstream.
";

const INDEPENDENT: &str = "Hundreds of people spent Tuesday night away from home after part of a bridge over the Tessel River gave way in Dunmere. Officials put the number of evacuated residents at 340 residents.

Nobody died when the Harlow Street bridge fell, Mayor Ruth Kellan said, although a dozen people needed care at Dunmere General Hospital for cuts and bruises.

Kellan, speaking at the scene, called the timing fortunate: the span dropped before commuters reached it.

The structure, built in the 1930s, passed its last check by the Ostwick Transport Authority this spring with a grade of fair.

Fixing it will cost the city $4.5 million or more, the Ostwick Transport Authority estimated, with work lasting most of the year.

A bakery owner on the riverbank, Tomas Brehm, said his takings had fallen by half since the road closed.
";

/// The wire copy, republished with one figure changed.
fn copy() -> String {
    WIRE.replace("340 residents", "430 residents")
}

fn write_set(dir: &Path) -> Vec<PathBuf> {
    let files = [
        ("wire.txt", WIRE.to_string()),
        ("copy.txt", copy()),
        ("independent.txt", INDEPENDENT.to_string()),
    ];
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn harness(files: Vec<PathBuf>) -> Harness<'static, StorydiffApp> {
    let app = StorydiffApp::new_synchronous(Settings::default(), files);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1100.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(4);
    h
}

/// The article index of a file name.
fn article(h: &Harness<'_, StorydiffApp>, name: &str) -> usize {
    let c = h.state().comparison.as_ref().unwrap();
    c.articles
        .iter()
        .position(|a| a.short_name() == name)
        .unwrap_or_else(|| panic!("{name} is open"))
}

/// A row where the independent report's passage is related (written independently).
fn related_row(h: &Harness<'_, StorydiffApp>) -> usize {
    let c = h.state().comparison.as_ref().unwrap();
    let a = article(h, "independent.txt");
    c.rows
        .iter()
        .position(|r| {
            r.cells[a]
                .as_ref()
                .is_some_and(|cell| cell.relation == Relation::Related)
        })
        .unwrap_or_else(|| {
            let relations: Vec<_> = c
                .rows
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| c.as_ref().map(|c| (c.relation, c.similarity)))
                        .collect::<Vec<_>>()
                })
                .collect();
            panic!("the independent report has a related passage: {relations:?}")
        })
}

#[test]
fn the_tabs_and_their_shortcuts_switch_between_the_three_views() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(write_set(dir.path()));
    assert_eq!(h.state().settings.tab, ViewTab::SideBySide);
    h.get_by_label_contains("Row 1, wire.txt ¶1");
    h.get_by_label("Coverage").click();
    h.run_steps(3);
    assert_eq!(h.state().settings.tab, ViewTab::Coverage);
    assert!(
        h.query_by_label_contains("Row 1, wire.txt ¶1").is_none(),
        "no table"
    );
    h.get_by_label("Row 1, wire.txt: same");
    h.get_by_label("Facts").click();
    h.run_steps(3);
    assert_eq!(h.state().settings.tab, ViewTab::Facts);
    assert!(
        h.query_by_label("Row 1, wire.txt: same").is_none(),
        "no matrix"
    );
    h.get_by_label_contains(" facts · ");
    // Alt+1 / Alt+2 / Alt+3, and Ctrl+1 still toggles "ignore case", not a view.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num1);
    h.run_steps(3);
    assert_eq!(h.state().settings.tab, ViewTab::SideBySide);
    h.get_by_label_contains("Row 1, wire.txt ¶1");
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num2);
    h.run_steps(3);
    assert_eq!(h.state().settings.tab, ViewTab::Coverage);
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num3);
    h.run_steps(3);
    assert_eq!(h.state().settings.tab, ViewTab::Facts);
    assert!(!h.state().settings.options.ignore_case);
    // The tab is a setting: it survives a restart, and old settings without it still load.
    let json = serde_json::to_string(&h.state().settings).unwrap();
    let back: Settings = serde_json::from_str(&json).unwrap();
    assert_eq!(back.tab, ViewTab::Facts);
    let old: Settings = serde_json::from_str("{\"dark\":true}").unwrap();
    assert_eq!(old.tab, ViewTab::SideBySide);
}

#[test]
fn the_coverage_matrix_has_one_chip_per_passage_and_article_labelled_as_compared() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(write_set(dir.path()));
    h.get_by_label("Coverage").click();
    h.run_steps(3);
    let c = h.state().comparison.clone().unwrap();
    let map = &h.state().derived.coverage;
    assert_eq!(map.lines.len(), c.rows.len(), "one line per row");
    let (copy, independent) = (article(&h, "copy.txt"), article(&h, "independent.txt"));
    let mut related = 0;
    for line in &map.lines {
        assert_eq!(line.cells.len(), c.articles.len(), "one chip per article");
        for (a, cell) in line.cells.iter().enumerate() {
            // What the engine compared decides the label.
            let model = c.rows[line.row].cells[a].as_ref();
            let expected = match model {
                None => "absent".to_string(),
                Some(_) if a == c.options.reference => "same".to_string(),
                Some(m) => match m.relation {
                    Relation::Same => "same".to_string(),
                    Relation::Reworded => format!("reworded {:.0}%", m.similarity * 100.0),
                    Relation::Related => {
                        related += usize::from(a == independent);
                        format!("related ({:.0}% same words)", m.similarity * 100.0)
                    }
                    Relation::Translation => {
                        format!("translation ({:.0}% anchors kept)", m.similarity * 100.0)
                    }
                },
            };
            let label = chip_description(line.row, &c.articles[a].short_name(), cell);
            assert!(
                label.starts_with(&format!(
                    "Row {}, {}: {expected}",
                    line.row + 1,
                    c.articles[a].short_name()
                )) || (c.rows[line.row].cells[c.options.reference].is_none()
                    && cell.carried == Carried::Only),
                "{label} vs {expected}"
            );
            // Exactly one chip with that label on screen.
            h.get_by_label(&label);
        }
        // The copy carries the wire's passages word for word (one figure aside).
        if c.rows[line.row].cells[c.options.reference].is_none() {
            continue;
        }
        let copied = line.cells[copy].carried;
        assert!(
            match copied {
                Carried::Same => true,
                Carried::Reworded(s) => s > 0.8,
                _ => false,
            },
            "row {}: copy is {copied:?}",
            line.row + 1
        );
    }
    assert!(related > 0, "the independent report has related passages");
    // The heat map gives every pair its relatedness.
    for a in 0..c.articles.len() {
        for b in (0..c.articles.len()).filter(|&b| b != a) {
            h.get_by_label(&format!(
                "{} × {}: relatedness {:.2}",
                c.articles[a].short_name(),
                c.articles[b].short_name(),
                c.relatedness[a][b]
            ));
        }
    }
    assert!(
        c.relatedness[0][1] > c.relatedness[0][2],
        "the copy is closer than the rewrite"
    );
}

#[test]
fn clicking_a_chip_selects_its_row_side_by_side_and_scrolls_to_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(write_set(dir.path()));
    let row = related_row(&h);
    let a = article(&h, "independent.txt");
    h.get_by_label("Coverage").click();
    h.run_steps(3);
    let cell = h.state().derived.coverage.lines[row].cells[a];
    h.get_by_label(&chip_description(row, "independent.txt", &cell))
        .click();
    h.run_steps(4);
    assert_eq!(h.state().settings.tab, ViewTab::SideBySide);
    assert_eq!(h.state().selection.row, Some(row));
    assert_eq!(h.state().selection.article, Some(a));
    h.get_by_label_contains(&format!("Row {}, independent.txt ¶", row + 1));
    h.get_by_label_contains(&format!("row {} selected", row + 1));
}

#[test]
fn the_facts_view_lists_the_changed_figure_and_a_click_jumps_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(write_set(dir.path()));
    h.get_by_label("Facts").click();
    h.run_steps(3);
    let c = h.state().comparison.clone().unwrap();
    let copy = article(&h, "copy.txt");
    let (i, fact) = c
        .facts
        .iter()
        .enumerate()
        .find(|(_, f)| {
            f.kind == FactKind::Figure && f.mentions.iter().any(|m| m.text.contains("430"))
        })
        .unwrap_or_else(|| panic!("a figure with 430: {:#?}", c.facts));
    assert!(!fact.differs.is_empty(), "340 and 430 differ: {fact:?}");
    let differing = c.facts.iter().filter(|f| !f.differs.is_empty()).count();
    h.get_by_label(&format!("{} facts · {differing} differ", c.facts.len()));
    let presence = h.state().derived.fact_presence[i][copy];
    assert!(matches!(presence, FactPresence::Differs(_)), "{presence:?}");
    let label = cell_description(fact, "copy.txt", presence);
    assert!(label.contains("states it as “430"), "{label}");
    // Filtered to figures, the fact is still there; filtered to quotes, it is not.
    h.get_by_label_contains("Quotes (").click();
    h.run_steps(2);
    assert!(h.query_by_label(&label).is_none());
    h.get_by_label_contains("Figures (").click();
    h.run_steps(2);
    h.get_by_label(&label).click();
    h.run_steps(4);
    let mention = fact.mentions.iter().find(|m| m.article == copy).unwrap();
    let row = h.state().derived.row_of(copy, mention.paragraph).unwrap();
    assert_eq!(h.state().settings.tab, ViewTab::SideBySide);
    assert_eq!(h.state().selection.row, Some(row));
    let jumped = h.state().selection.mention.unwrap();
    assert_eq!(
        (jumped.article, jumped.paragraph, jumped.start, jumped.end),
        (copy, mention.paragraph, mention.start, mention.end)
    );
    // The words are highlighted in the copy's cell.
    let layout = h.state().table.cache.layout_of(row, copy).unwrap();
    let mention_bg = palette(false).mention_bg;
    let highlighted: String = layout
        .lines
        .iter()
        .flat_map(|(g, _, _)| {
            g.job
                .sections
                .iter()
                .filter(|s| s.format.background == mention_bg)
                .map(|s| g.job.text[s.byte_range.start.0..s.byte_range.end.0].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(highlighted, mention.text);
}

#[test]
fn a_related_passage_shows_its_caption_and_its_own_text_without_deleted_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(write_set(dir.path()));
    let row = related_row(&h);
    let a = article(&h, "independent.txt");
    h.state_mut().apply(storydiff::gui::Command::SelectRow(row));
    h.run_steps(4);
    let c = h.state().comparison.clone().unwrap();
    let cell = c.rows[row].cells[a].as_ref().unwrap();
    let paragraphs: Vec<String> = cell
        .paragraphs
        .iter()
        .map(|p| format!("¶{}", p + 1))
        .collect();
    h.get_by_label_contains(&format!(
        "Row {}, independent.txt {}, related · written independently ({:.0}% same words)",
        row + 1,
        paragraphs.join("+"),
        cell.similarity * 100.0
    ));
    let layout = h.state().table.cache.layout_of(row, a).unwrap();
    let caption = &layout.tags.as_ref().unwrap().job.text;
    assert!(
        caption.contains("related · written independently"),
        "{caption}"
    );
    let shown: Vec<String> = layout
        .lines
        .iter()
        .map(|(g, _, _)| g.job.text.clone())
        .collect();
    let own: Vec<String> = cell
        .paragraphs
        .iter()
        .map(|&p| c.articles[a].paragraphs[p].text.clone())
        .collect();
    assert_eq!(shown, own, "its own words, nothing of the reference");
    let pal = palette(false);
    for (g, _, _) in &layout.lines {
        for s in &g.job.sections {
            assert_eq!(
                s.format.strikethrough,
                egui::Stroke::NONE,
                "no deleted text"
            );
            assert_ne!(s.format.background, pal.insert_bg, "no inserted text");
        }
    }
    // Its facts are marked: some shared with the wire, in the shared style.
    assert!(!cell.marks.is_empty(), "the engine marked facts");
    let marked = layout.lines.iter().any(|(g, _, _)| {
        g.job.sections.iter().any(|s| {
            s.format.background == pal.mark_shared_bg || s.format.background == pal.mark_only_bg
        })
    });
    assert!(marked, "facts highlighted");
}
