//! Measures the mojibake repairs on ftfy's test cases (`../shared/corpora/mojibake/`):
//! `plsfix` alone, this project's own rules alone, and what the detector ships.
//!
//! `cargo run --release --no-default-features --example mojibake_eval [-- --verbose]`
//! prints, per method and file: damaged cases found, repaired exactly, and clean cases
//! flagged (false alarms). `--verbose` lists the false alarms, wrong repairs and misses.
//! How cases are folded before comparing: `tests/common/mojibake_score.rs`.

#[path = "../tests/common/mojibake_score.rs"]
mod mojibake_score;

use std::path::Path;

use mojibake_score::{load, score};
use storydiff::detect::mojibake::Method;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = ["synthetic.json", "negative.json"];
    let mut sets = Vec::new();
    for name in files {
        match load(root, name) {
            Ok(cases) => sets.push((name, cases)),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    println!(
        "{:<9} {:<15} {:>8} {:>6} {:>6} {:>13}",
        "method", "file", "damaged", "found", "exact", "false alarms"
    );
    for (label, method) in [
        ("plsfix", Method::Plsfix),
        ("ours", Method::Own),
        ("shipped", Method::Shipped),
    ] {
        for (name, cases) in &sets {
            let s = score(cases, method);
            println!(
                "{label:<9} {name:<15} {:>8} {:>6} {:>6} {:>7} of {:>3}",
                s.damaged,
                s.found,
                s.exact,
                s.false_alarms.len(),
                s.clean
            );
            if verbose {
                for f in &s.false_alarms {
                    println!("    false alarm: {f:?}");
                }
                for (o, r, f) in &s.wrong {
                    println!("    wrong: {o:?} -> {r:?}, expected {f:?}");
                }
                for m in &s.missed {
                    println!("    missed: {m:?}");
                }
            }
        }
    }
}
