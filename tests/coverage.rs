//! Coverage across outlets on reports we wrote ourselves (`tests/fixtures/coverage/`): two
//! outlets' own reports of one invented event, a copy of the first, a story about something
//! else on the same day, and a follow-up on the same people six weeks later.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, missing_docs)]

use std::path::PathBuf;

use storydiff::model::{CompareOptions, Comparison, Relation};
use storydiff::report;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/coverage")
        .join(name)
}

fn open(names: &[&str]) -> Comparison {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let c = storydiff::compare_files(&paths, &CompareOptions::default(), &mut |_| {});
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c
}

#[test]
fn independent_reports_of_one_event_are_the_same_story_and_others_are_not() {
    let c = open(&[
        "harbour_courier.json",
        "coastal_times.json",
        "orchard_story.json",
    ]);
    assert!(
        !c.is_unrelated(0) && !c.is_unrelated(1),
        "{:?}",
        c.relatedness
    );
    assert!(c.is_unrelated(2), "{:?}", c.relatedness);
    let json: serde_json::Value = serde_json::from_str(&report::json::to_json(&c)).unwrap();
    let flags: Vec<bool> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["unrelated"].as_bool().unwrap())
        .collect();
    assert_eq!(flags, [false, false, true]);
    assert_eq!(json["relatedness"][0][0], 1.0);
}

#[test]
fn a_follow_up_weeks_later_is_another_story() {
    let c = open(&["harbour_courier.json", "vellmar_followup.json"]);
    assert!(c.is_unrelated(1), "{:?}", c.relatedness);
    // The same two texts without their dates share enough names and words to count.
    let mut articles = c.articles.clone();
    for a in &mut articles {
        a.date = None;
    }
    let undated = storydiff::compare(
        articles,
        Vec::new(),
        &CompareOptions::default(),
        &mut |_| {},
    );
    assert!(
        undated.relatedness[0][1] > c.relatedness[0][1] * 2.0,
        "{:?} vs {:?}",
        undated.relatedness,
        c.relatedness
    );
}

/// The row holding paragraph `p` of article `a`.
fn row_of(c: &Comparison, a: usize, p: usize) -> usize {
    c.rows
        .iter()
        .position(|r| {
            r.cells
                .get(a)
                .and_then(Option::as_ref)
                .is_some_and(|cell| cell.paragraphs.contains(&p))
        })
        .unwrap()
}

#[test]
fn reworded_passages_of_an_independent_report_share_rows_as_related() {
    let c = open(&["harbour_courier.json", "coastal_times.json"]);
    // The ledes: 84 ships, Vellmar, Monday, crane operators, the union — in other words.
    assert_eq!(row_of(&c, 0, 0), row_of(&c, 1, 0), "ledes apart");
    // The mayor's figure (stated differently: $12 million vs $15 million).
    assert_eq!(
        row_of(&c, 0, 3),
        row_of(&c, 1, 2),
        "the mayor's paragraph apart"
    );
    assert_eq!(
        row_of(&c, 0, 4),
        row_of(&c, 1, 4),
        "the share of traffic apart"
    );
    let lede = c.rows[row_of(&c, 0, 0)].cells[1].as_ref().unwrap();
    assert_eq!(
        lede.relation,
        Relation::Related,
        "similarity {}",
        lede.similarity
    );
    let word = |m: &storydiff::model::FactMark| {
        storydiff::normalize::char_slice(
            &c.articles[1].paragraphs[m.span.paragraph].text,
            m.span.start,
            m.span.end,
        )
        .to_string()
    };
    let shared: Vec<String> = lede.marks.iter().filter(|m| m.shared).map(word).collect();
    assert!(shared.contains(&"Vellmar".to_string()), "{shared:?}");
    assert!(shared.contains(&"84".to_string()), "{shared:?}");
    // Ostrand is only in this outlet's report.
    let ostrand = row_of(&c, 1, 3);
    assert!(c.rows[ostrand].cells[0].is_none());
    // The shared quote's paragraph is near-verbatim: a word diff, not a related passage.
    let quote = c.rows[row_of(&c, 0, 2)].cells[1].as_ref().unwrap();
    assert_eq!(row_of(&c, 0, 2), row_of(&c, 1, 1));
    assert_eq!(quote.relation, Relation::Reworded);
    assert!(!quote.links.is_empty(), "the quote's sentence is linked");
}

#[test]
fn a_copy_keeps_its_word_diff() {
    let c = open(&["harbour_courier.json", "wire_copy.json"]);
    let changed = c.rows[row_of(&c, 0, 1)].cells[1].as_ref().unwrap();
    assert_eq!(changed.relation, Relation::Reworded);
    assert!(changed.marks.is_empty());
    let same = c.rows[row_of(&c, 0, 0)].cells[1].as_ref().unwrap();
    assert_eq!(same.relation, Relation::Same);
}

#[test]
fn the_text_report_prints_relatedness_related_passages_and_coverage() {
    let c = open(&[
        "harbour_courier.json",
        "coastal_times.json",
        "orchard_story.json",
    ]);
    let text = report::text::to_text(&c);
    assert!(text.contains("\nRelatedness"), "{text}");
    assert!(
        text.contains("[3] shares few names, figures or event words"),
        "{text}"
    );
    assert!(text.contains("(related: written independently"), "{text}");
    assert!(text.contains("shares with the reference: "), "{text}");
    assert!(text.contains("\nCoverage:\n"), "{text}");
    assert!(text.contains("[2] carries alone rows"), "{text}");
}
