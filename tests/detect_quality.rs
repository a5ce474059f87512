//! Detector quality against the hand labels: per-kind precision and recall floors,
//! a little below what `cargo run --release --example evaluate` measures.

#[path = "common/eval.rs"]
mod eval;

use std::path::Path;

/// (kind, precision floor, recall floor).
const FLOORS: &[(&str, f64, f64)] = &[
    ("name_variant", 0.9, 0.9),
    ("pronoun_shift", 0.9, 0.9),
    ("number_mismatch", 0.9, 0.9),
    ("quote_mismatch", 0.9, 0.85),
    ("spelling_variant", 0.9, 0.9),
    ("unique_passage", 0.9, 0.9),
];

#[test]
fn detectors_meet_quality_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let result = match eval::evaluate(root, &root.join("tests/labels")) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    for s in &result.skipped {
        eprintln!("skipped {s}");
    }
    eprint!("{}", eval::table(&result));
    for (kind, p_floor, r_floor) in FLOORS {
        let Some(score) = result.scores.iter().find(|s| s.kind == *kind) else {
            panic!("no label file for {kind}");
        };
        if score.cases == 0 {
            eprintln!("{kind}: every case skipped (corpus absent)");
            continue;
        }
        for d in &score.details {
            eprintln!("{kind}: {d}");
        }
        assert!(
            score.precision() >= *p_floor,
            "{kind}: precision {:.3} below {p_floor}",
            score.precision()
        );
        assert!(
            score.recall() >= *r_floor,
            "{kind}: recall {:.3} below {r_floor}",
            score.recall()
        );
    }
}
