//! Scores the detectors against the hand labels in `tests/labels/*.json`.
//!
//! `cargo run --release --example evaluate [-- --verbose]` prints, per kind: labels,
//! findings, true positives, precision and recall, then totals. `--verbose` also lists
//! every false alarm and missed label. Then the aeb page-furniture section: per extractor,
//! boilerplate precision and recall over every page's output opened alone, labelled by the
//! page's `ground-truth.txt` (rules in `tests/common/eval.rs`; skipped when
//! `../shared/corpora/aeb` is absent).

#[path = "../tests/common/eval.rs"]
mod eval;

use std::path::Path;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let result = match eval::evaluate(root, &root.join("tests/labels")) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for s in &result.skipped {
        println!("skipped {s}");
    }
    print!("{}", eval::table(&result));
    let aeb = root.join("../shared/corpora/aeb");
    match eval::furniture_pages(&aeb) {
        Some(pages) => {
            println!();
            println!(
                "aeb page furniture (each extractor output opened alone; labels from ground-truth.txt, see tests/common/eval.rs)"
            );
            print!("{}", eval::furniture_table(&eval::furniture_scores(&pages)));
        }
        None => println!("skipped aeb furniture: {} is absent", aeb.display()),
    }
    if verbose {
        for k in &result.scores {
            if !k.details.is_empty() {
                println!("{}:", k.kind);
                for d in &k.details {
                    println!("{d}");
                }
            }
        }
    }
}
