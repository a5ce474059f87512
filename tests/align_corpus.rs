//! Alignment quality floors on the `OneStopEnglish` corpus (skipped when the corpus is absent).
//! The measure lives in `examples/align_quality.rs`, which prints the figures.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, missing_docs)]

#[path = "../examples/align_quality.rs"]
#[allow(dead_code)]
mod quality;

use quality::{Quality, corpus_dir, load_corpus, run};

#[test]
fn onestop_gold_pairs_share_rows() {
    let dir = corpus_dir();
    let Some(stories) = load_corpus(&dir) else {
        eprintln!(
            "skipping: the OneStopEnglish corpus is absent: {}",
            dir.display()
        );
        return;
    };
    assert!(!stories.is_empty(), "no stories in {}", dir.display());
    // Both ends of the reading-level range as the reference.
    for reference in [0, 2] {
        let published = run(&stories, reference, None);
        let mut derived = Quality::default();
        for seed in 1..=2 {
            derived.add(&run(&stories, reference, Some(seed)));
        }
        eprintln!(
            "reference {reference}: published {:.3} (cell mean {:.2}, max {}), derived {:.3} (cell mean {:.2}, max {})",
            published.score(),
            published.mean_cell(),
            published.max_cell,
            derived.score(),
            derived.mean_cell(),
            derived.max_cell
        );
        assert!(
            published.pairs > 100,
            "too few gold pairs located: {}",
            published.pairs
        );
        assert!(
            published.score() >= FLOOR_PUBLISHED,
            "reference {reference}: published {:.3}",
            published.score()
        );
        assert!(
            derived.score() >= FLOOR_DERIVED,
            "reference {reference}: derived {:.3}",
            derived.score()
        );
        assert!(
            published.mean_cell() <= 1.5 && derived.mean_cell() <= 1.6,
            "reference {reference}: rows too loose"
        );
    }
}

const FLOOR_PUBLISHED: f64 = 0.99;
const FLOOR_DERIVED: f64 = 0.90;
