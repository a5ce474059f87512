//! A translation aligned with its source, measured on real news (`../shared/corpora/wmt22`:
//! German, Chinese, Russian and Japanese articles with a professional English translation,
//! line i translating line i). Rules in `tests/common/translation.rs`: each side's lines
//! grouped into paragraphs at random, one paragraph dropped from one side, the share of
//! source lines whose counterpart lands in their row. Skips, saying so, when the corpus is
//! absent.

#![allow(
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]

#[path = "common/rng.rs"]
mod rng;
#[path = "common/translation.rs"]
mod translation;

use std::path::Path;

#[test]
fn translations_land_in_their_sources_rows() {
    let wmt22 = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/wmt22");
    let Some(scores) = translation::measure(&wmt22, "reference", 3) else {
        println!("skipped: {} is absent", wmt22.display());
        return;
    };
    assert!(
        scores.len() >= 4,
        "expected four language pairs, found {}",
        scores.len()
    );
    for s in &scores {
        println!(
            "{}: {} trials, {} lines, landed {:.3}, rows per finest row {:.3}",
            s.pair,
            s.trials,
            s.lines,
            s.share(),
            s.row_ratio()
        );
        assert!(s.lines > 100, "{}: too few lines measured", s.pair);
        assert!(s.share() >= 0.9, "{}: landed {:.3}", s.pair, s.share());
        // Not one row for everything: most of the finest rows are kept.
        assert!(
            s.row_ratio() >= 0.7,
            "{}: rows {:.3}",
            s.pair,
            s.row_ratio()
        );
    }
}

#[test]
fn only_a_documents_own_translation_is_taken_for_one() {
    let wmt22 = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/wmt22");
    let Some(rows) = translation::taken(&wmt22) else {
        println!("skipped: {} is absent", wmt22.display());
        return;
    };
    for (pair, own, docs, other, others) in rows {
        println!("{pair}: own translation taken {own}/{docs}, another document's {other}/{others}");
        assert_eq!(own, docs, "{pair}: every source with its own translation");
        assert!(
            other * 50 <= others,
            "{pair}: {other} of {others} mismatched pairs taken"
        );
    }
}
