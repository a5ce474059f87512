//! Coverage floors on the dev corpora (skipped, with the reason printed, when
//! `../shared/corpora` is absent). The measures live in `examples/coverage_eval.rs`, which
//! prints them; the floors sit a little under what the engine reaches, so a regression fails.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, missing_docs)]

#[path = "../examples/coverage_eval.rs"]
#[allow(dead_code)]
mod eval;

use eval::{basil_dir, load_basil, load_onestop, onestop_dir, onestop_links, separation, triplets};

#[test]
fn basil_reports_of_one_event_are_related_and_other_events_are_not() {
    let Some(events) = load_basil(&basil_dir()) else {
        eprintln!(
            "skipping: the BASIL corpus is absent: {}",
            basil_dir().display()
        );
        return;
    };
    let s = separation(&events, true);
    eprintln!("{s:?}");
    assert!(s.same_pairs >= 50, "{s:?}");
    // Opened as they come, no report of the event is called another story.
    assert_eq!(s.triplet_unrelated, 0, "{s:?}");
    assert_eq!(s.same_unrelated, 0, "{s:?}");
    // Two reports of different events opened together: (almost) always told apart.
    assert!(
        s.different_related * 100 <= s.different_pairs,
        "{} of {} different-event pairs called the same story",
        s.different_related,
        s.different_pairs
    );
    assert!(s.same_min > s.different_max, "{s:?}");
    // Without dates the follow-up stories are the hard case; same-event pairs still hold.
    let undated = separation(&events, false);
    eprintln!("without dates: {undated:?}");
    assert_eq!(undated.same_unrelated, 0, "{undated:?}");
    assert!(
        undated.different_related * 10 <= undated.different_pairs,
        "{undated:?}"
    );
}

#[test]
fn basil_triplets_read_as_coverage_not_a_staircase() {
    let Some(events) = load_basil(&basil_dir()) else {
        eprintln!(
            "skipping: the BASIL corpus is absent: {}",
            basil_dir().display()
        );
        return;
    };
    let t = triplets(&events);
    eprintln!(
        "rows {} (word aligner {}), related cells {}, reworded {}, findings {}, unique {}",
        t.rows, t.rows_aligned, t.related_cells, t.reworded_cells, t.findings, t.unique_findings
    );
    // Corresponding passages join rows: far fewer rows than the word aligner leaves.
    assert!(
        t.rows * 100 <= t.rows_aligned * 80,
        "{} vs {}",
        t.rows,
        t.rows_aligned
    );
    assert!(t.related_cells >= 100, "{}", t.related_cells);
    // Unique passages no longer bury the findings.
    assert!(
        t.unique_findings * 2 <= t.findings.max(1),
        "{} of {}",
        t.unique_findings,
        t.findings
    );
    // The facts table sees names most outlets carry in every event.
    assert!(t.facts_shared[2] >= events.len(), "{:?}", t.facts_shared);
    assert!(t.facts_shared[0] >= 10, "{:?}", t.facts_shared);
}

#[test]
fn onestop_sentence_links_match_the_human_alignments() {
    let Some(stories) = load_onestop() else {
        eprintln!(
            "skipping: the onestop corpus is absent: {}",
            onestop_dir().display()
        );
        return;
    };
    let (s, _, _) = onestop_links(&stories);
    eprintln!(
        "links {}, precision {:.3}, recall {:.3} of {}",
        s.links,
        s.precision(),
        s.recall(),
        s.gold
    );
    assert!(s.gold > 300, "{s:?}");
    assert!(s.precision() >= 0.93, "{s:?}");
    assert!(s.recall() >= 0.95, "{s:?}");
}
