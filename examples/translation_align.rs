//! Measures the alignment of translations with their sources on `../shared/corpora/wmt22`
//! (rules in `tests/common/translation.rs`): per language pair and English version (the
//! human reference, then each system), the share of source lines whose counterpart lands
//! in their row, and rows made per finest possible row.
//!
//! `cargo run --release --no-default-features --example translation_align [-- TRIALS]`
#![allow(
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    reason = "a measuring script over small corpus documents; indices come from the grouping it builds"
)]

#[path = "../tests/common/rng.rs"]
mod rng;
#[path = "../tests/common/translation.rs"]
mod translation;

use std::path::Path;

fn main() {
    let trials: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let wmt22 = root.join("../shared/corpora/wmt22");
    if let Some(rows) = translation::taken(&wmt22) {
        for (pair, own, docs, other, others) in rows {
            println!(
                "{pair}: taken for a translation: own {own}/{docs}, another document's {other}/{others}"
            );
        }
    }
    println!(
        "{:<11} {:<17} {:>6} {:>6} {:>7} {:>9}",
        "pair", "english", "trials", "lines", "landed", "rows/best"
    );
    for system in ["reference", "JDExploreAcademy", "Online-B"] {
        let Some(scores) = translation::measure(&wmt22, system, trials) else {
            println!("skipped: {} is absent", wmt22.display());
            return;
        };
        for s in scores {
            if s.lines == 0 {
                continue;
            }
            println!(
                "{:<11} {:<17} {:>6} {:>6} {:>7.3} {:>9.3}",
                s.pair,
                system,
                s.trials,
                s.lines,
                s.share(),
                s.row_ratio()
            );
        }
    }
}
