//! A translation beside its source (issue #15): the bundled German version of the sample
//! wire story (`assets/samples/translation/hafenstreik.de.txt`, written for this project:
//! the Afolabi quotation left out, a paragraph of its own at the end, "23 vessels"
//! rendered as 32 and "Katharina" spelled "Katarina") opened with `wire.txt`. The rows pair each paragraph with its
//! translation, cells are translation cells without a word diff, the changed figure is
//! marked on both sides, and the left-out and added passages say so — in the engine, the
//! text report and the JSON report. Two English articles are never taken for a translation.

#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::path::PathBuf;

use storydiff::model::{CompareOptions, Comparison, Relation};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name)
}

fn open(names: &[&str]) -> Comparison {
    let paths: Vec<PathBuf> = names.iter().map(|n| sample(n)).collect();
    storydiff::compare_files(&paths, &CompareOptions::default(), &mut |_| {})
}

/// The row holding paragraph `p` (from 0) of article `a`.
fn row_of(c: &Comparison, a: usize, p: usize) -> usize {
    c.rows
        .iter()
        .position(|r| {
            r.cells[a]
                .as_ref()
                .is_some_and(|x| x.paragraphs.contains(&p))
        })
        .unwrap()
}

/// The marked words of a cell: (text, shared).
fn marks(c: &Comparison, row: usize, a: usize) -> Vec<(String, bool)> {
    let cell = c.rows[row].cells[a].as_ref().unwrap();
    cell.marks
        .iter()
        .map(|m| {
            let text = &c.articles[a].paragraphs[m.span.paragraph].text;
            (
                storydiff::normalize::char_slice(text, m.span.start, m.span.end).to_string(),
                m.shared,
            )
        })
        .collect()
}

#[test]
fn a_german_translation_is_aligned_paragraph_by_paragraph() {
    let c = open(&["wire.txt", "translation/hafenstreik.de.txt"]);
    assert_eq!(c.translations, [false, true]);
    assert!(c.is_translation(1) && !c.is_translation(0));
    // Every German cell is a translation cell, drawn without a word diff.
    for row in &c.rows {
        if let Some(cell) = &row.cells[1] {
            assert_eq!(cell.relation, Relation::Translation);
            assert!(cell.ops.is_empty());
        }
    }
    // Wire paragraphs 0–8 (after the headline) pair one to one with German 0–8.
    for p in 0..9 {
        let r = row_of(&c, 0, p);
        assert_eq!(
            c.rows[r].cells[1].as_ref().unwrap().paragraphs,
            [p],
            "wire ¶{} pairs with German ¶{}",
            p + 1,
            p + 1
        );
    }
    // The left-out quotation (wire ¶10) has no German counterpart; the following paragraph
    // pairs with German ¶10, and so on to the end.
    let quote = row_of(&c, 0, 9);
    assert!(c.rows[quote].cells[1].is_none());
    assert_eq!(c.missing_label(quote, 1), "possibly omitted in translation");
    for p in 10..16 {
        let r = row_of(&c, 0, p);
        assert_eq!(c.rows[r].cells[1].as_ref().unwrap().paragraphs, [p - 1]);
    }
    // The German paragraph of its own.
    let own = row_of(&c, 1, 16);
    assert!(c.rows[own].cells[0].is_none());
    assert_eq!(c.missing_label(own, 0), "possibly added in translation");
}

#[test]
fn a_figure_changed_in_translation_is_marked_on_both_sides() {
    let c = open(&["wire.txt", "translation/hafenstreik.de.txt"]);
    let r = row_of(&c, 0, 8);
    let german = marks(&c, r, 1);
    assert!(german.contains(&("32".to_string(), false)), "{german:?}");
    assert!(
        german.contains(&("Afolabi".to_string(), true)),
        "{german:?}"
    );
    assert!(german.contains(&("2,1".to_string(), true)), "{german:?}");
    let wire = marks(&c, r, 0);
    assert!(wire.contains(&("23".to_string(), false)), "{wire:?}");
    assert!(wire.contains(&("Greyhaven".to_string(), true)), "{wire:?}");
    // A paragraph whose figures all survived has no unshared mark.
    let kept = row_of(&c, 0, 2);
    assert!(
        marks(&c, kept, 1).iter().all(|(_, shared)| *shared),
        "{:?}",
        marks(&c, kept, 1)
    );
    let caption = storydiff::model::translation_caption(c.rows[r].cells[1].as_ref().unwrap(), true);
    assert!(
        caption.contains("a figure or name missing or changed"),
        "{caption}"
    );
    // "Katharina Olsberg" is "Katarina Olsberg" in the German: marked on both sides; the
    // surname, spelled alike, is shared.
    let quote = row_of(&c, 0, 3);
    let german = marks(&c, quote, 1);
    assert!(
        german.contains(&("Katarina".to_string(), false)),
        "{german:?}"
    );
    assert!(
        german.contains(&("Olsberg".to_string(), true)),
        "{german:?}"
    );
    assert!(marks(&c, quote, 0).contains(&("Katharina".to_string(), false)));
}

#[test]
fn the_reports_carry_translation_rows() {
    let c = open(&["wire.txt", "translation/hafenstreik.de.txt"]);
    let text = storydiff::report::text::to_text(&c);
    assert!(
        text.contains("[2] (possibly omitted in translation)"),
        "{text}"
    );
    assert!(text.contains("(translation · "), "{text}");
    assert!(
        text.contains("[2] is in German, aligned with [1] as its translation"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&storydiff::report::json::to_json(&c)).unwrap();
    assert_eq!(json["articles"][1]["translation"], true);
    assert!(json["articles"][0].get("translation").is_none());
    let relations: Vec<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["cells"][1]["relation"].as_str())
        .collect();
    assert!(!relations.is_empty());
    assert!(
        relations.iter().all(|r| *r == "translation"),
        "{relations:?}"
    );
    let html = storydiff::report::html::to_html(&c);
    assert!(html.contains("possibly omitted in translation"));
    assert!(html.contains("<span class=\"tag related\">translation</span>"));
}

#[test]
fn english_copies_are_never_taken_for_translations() {
    let c = open(&["wire.txt", "rewrite.md", "republished.html"]);
    assert_eq!(c.translations, [false, false, false]);
    assert!(
        c.rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .all(|cell| cell.relation != Relation::Translation)
    );
}
