//! Scores the detectors against the hand labels in `tests/labels/*.json`.
//!
//! `cargo run --release --example evaluate [-- --verbose]` prints, per kind: labels,
//! findings, true positives, precision and recall, then totals. `--verbose` also lists
//! every false alarm and missed label. Then the aeb page-furniture section: per extractor,
//! boilerplate precision and recall over every page's output opened alone, labelled by the
//! page's `ground-truth.txt` (rules in `tests/common/eval.rs`; skipped when
//! `../shared/corpora/aeb` is absent). Then real machine translation (rules in
//! `tests/common/translation_quality.rs`): MQM-marked errors in Chinese→English machine translation
//! (per kind: findings, right, precision; the total) and false alarms per 10,000 words on the
//! wmt22 human references, with the machine outputs counted for information (each skipped
//! when its corpus is absent). `--verbose` also lists every MQM finding and reference alarm.

#[path = "../tests/common/eval.rs"]
mod eval;
#[path = "../tests/common/translation_quality.rs"]
mod translation;

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
    translation_sections(root, verbose);
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

/// The MQM and wmt22 sections (see the module docs).
fn translation_sections(root: &Path, verbose: bool) {
    let corpora = root.join("../shared/corpora");
    let mqm = corpora.join("mqm/zh-en.jsonl");
    println!();
    match translation::mqm_docs(&mqm) {
        Some(docs) => {
            println!(
                "MQM zh-en ({} articles, one per document and system, each opened alone; a finding is right when it overlaps a marked error of its segment)",
                docs.len()
            );
            let s = translation::mqm_scores(&docs);
            print!("{}", translation::mqm_table(&s));
            if verbose {
                for d in &s.details {
                    println!("  {d}");
                }
            }
        }
        None => println!("skipped MQM: {} is absent", mqm.display()),
    }
    let wmt22 = corpora.join("wmt22");
    for (side, name) in [
        (
            translation::Side::Reference,
            "human references (false alarms)",
        ),
        (
            translation::Side::Machine,
            "machine outputs (for information)",
        ),
    ] {
        println!();
        match translation::wmt22_articles(&wmt22, side) {
            Some(articles) => {
                println!(
                    "wmt22 {name}: {} articles, each opened alone",
                    articles.len()
                );
                let a = translation::alarms(&articles);
                print!("{}", translation::alarms_table(&a));
                if verbose && side == translation::Side::Reference {
                    for d in &a.details {
                        println!("  {d}");
                    }
                }
            }
            None => println!("skipped wmt22: {} is absent", wmt22.display()),
        }
    }
}
