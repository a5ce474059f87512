//! Measures the two article extractors on the article-extraction benchmark pages
//! (`../shared/corpora/aeb/*/page.html` against each folder's `ground-truth.txt`).
//!
//! Score: word-level F1 — bag-of-words precision and recall over lowercase word tokens
//! (Unicode word segments with a letter or digit), per page, averaged over pages.
//!
//! Run: `cargo run --release --no-default-features --example extractor_eval`
//! (`-- --verbose` prints each page's figures).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use storydiff::load::encoding;
use storydiff::load::html::{self, Extractor};
use unicode_segmentation::UnicodeSegmentation as _;

/// Lowercase word tokens with their counts.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in text.unicode_words() {
        if w.chars().any(char::is_alphanumeric) {
            *counts.entry(w.to_lowercase()).or_insert(0) += 1;
        }
    }
    counts
}

/// Bag-of-words precision, recall and F1 of `got` against `truth`.
fn prf(got: &str, truth: &str) -> (f64, f64, f64) {
    let (got, truth) = (bag(got), bag(truth));
    let overlap: usize = got
        .iter()
        .map(|(w, n)| (*n).min(truth.get(w).copied().unwrap_or(0)))
        .sum();
    let (gn, tn): (usize, usize) = (got.values().sum(), truth.values().sum());
    let p = if gn == 0 {
        0.0
    } else {
        overlap as f64 / gn as f64
    };
    let r = if tn == 0 {
        0.0
    } else {
        overlap as f64 / tn as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn pages(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join("page.html").is_file() && p.join("ground-truth.txt").is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn read_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let declared = encoding::html_declared_charset(&bytes);
    encoding::decode(&bytes, declared).ok().map(|d| d.text)
}

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/aeb");
    let dirs = pages(&root);
    if dirs.is_empty() {
        eprintln!(
            "no benchmark pages under {}; nothing to measure",
            root.display()
        );
        return;
    }
    // Rows: each extractor alone, then each with the other as fallback when it finds nothing.
    let configs: Vec<(String, Extractor, bool)> = Extractor::ALL
        .iter()
        .flat_map(|e| {
            [
                (e.name().to_string(), *e, false),
                (
                    format!("{} (fallback {})", e.name(), e.other().name()),
                    *e,
                    true,
                ),
            ]
        })
        .collect();
    let mut sums = vec![(0.0, 0.0, 0.0, 0usize); configs.len()];
    let mut para_ratio = vec![0.0; configs.len()];
    let mut counted = 0usize;
    for dir in &dirs {
        let (Some(page), Some(truth)) = (
            read_text(&dir.join("page.html")),
            read_text(&dir.join("ground-truth.txt")),
        ) else {
            continue;
        };
        counted += 1;
        let mut line = String::new();
        let truth_paras = truth
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .count()
            .max(1);
        for (((_, extractor, fallback), sum), ratio) in configs
            .iter()
            .zip(sums.iter_mut())
            .zip(para_ratio.iter_mut())
        {
            let mut got = html::extract_with(&page, *extractor);
            if got.is_none() && *fallback {
                got = html::extract_with(&page, extractor.other());
            }
            let paragraphs = got.map(|a| a.paragraphs).unwrap_or_default();
            *ratio += paragraphs.len() as f64 / truth_paras as f64;
            if std::env::args().any(|a| a == "--dump") {
                println!("=== {} {}", extractor.name(), dir.display());
                for p in &paragraphs {
                    println!("  | {p}");
                }
            }
            let text = paragraphs.join("\n");
            if text.is_empty() {
                sum.3 += 1;
            }
            let (p, r, f) = prf(&text, &truth);
            sum.0 += p;
            sum.1 += r;
            sum.2 += f;
            let _ = write!(line, "  {f:.3}");
        }
        if verbose {
            let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
            println!("{}{line}", name.unwrap_or_default().get(..12).unwrap_or(""));
        }
    }
    println!("pages: {counted} (from {})", root.display());
    println!(
        "{:<42} {:>9} {:>9} {:>9} {:>7} {:>11}",
        "extractor", "precision", "recall", "F1", "empty", "paras/truth"
    );
    for (((name, _, _), (p, r, f, empty)), ratio) in configs.iter().zip(&sums).zip(&para_ratio) {
        let n = counted.max(1) as f64;
        println!(
            "{name:<42} {:>9.4} {:>9.4} {:>9.4} {empty:>7} {:>11.2}",
            p / n,
            r / n,
            f / n,
            ratio / n
        );
    }
}
