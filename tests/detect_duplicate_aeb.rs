//! Duplicated paragraphs in real extractor output (`../shared/corpora/aeb`, skipped with a
//! printed reason when absent).
//!
//! Labelling, for every page and every extractor output (`august.txt`, `html2text.txt`, …):
//! a paragraph (as the loader joins the output's hard-wrapped lines) whose words
//! (lower-cased, punctuation and html2text's `_emphasis_` marks dropped) already appeared
//! earlier in the same output is a **true duplicate** when the page's `ground-truth.txt`
//! holds that word sequence at least once but fewer times than the output does (the story text, printed once too often). A finding on a paragraph whose text the
//! ground truth holds as often as the output (a line the article itself repeats) is a
//! **false alarm**. Repeats of text the ground truth lacks (menus, "Share") are the
//! boilerplate detector's and are not counted either way.
//!
//! Run: `cargo test --release --no-default-features --test detect_duplicate_aeb -- --nocapture`.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "tests fail loudly on purpose"
)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use storydiff::CompareOptions;
use storydiff::compare::compare;
use storydiff::load::load_path;
use storydiff::model::FindingKind;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/aeb");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: corpus folder {} is absent", dir.display());
        None
    }
}

/// The comparison key of a paragraph: its words, lower-cased, `_` marks dropped.
fn key(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c == '_' { ' ' } else { c })
        .collect();
    storydiff::normalize::words(&cleaned)
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Score {
    positives: usize,
    found: usize,
    false_alarms: usize,
    misses: Vec<String>,
}

fn measure(root: &Path) -> (Score, usize) {
    let mut score = Score::default();
    let mut outputs = 0;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("ground-truth.txt").is_file())
        .collect();
    pages.sort();
    for page in pages {
        let Ok(truth) = load_path(&page.join("ground-truth.txt")) else {
            continue;
        };
        // The ground truth as one run of keys: a paragraph's text is counted wherever it
        // occurs, however the ground truth breaks its lines.
        let truth_text: String = truth
            .iter()
            .flat_map(|a| &a.paragraphs)
            .map(|p| format!(" {}", key(&p.text)))
            .collect::<String>()
            + " ";
        let in_truth = |k: &str| truth_text.matches(&format!(" {k} ")).count();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&page)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "txt")
                    && !p.ends_with("ground-truth.txt")
                    && !p.ends_with("url.txt")
            })
            .collect();
        files.sort();
        for file in files {
            let Ok(articles) = load_path(&file) else {
                continue;
            };
            outputs += 1;
            let c = compare(
                articles,
                Vec::new(),
                &CompareOptions::default(),
                &mut |_| {},
            );
            let Some(article) = c.articles.first() else {
                continue;
            };
            let flagged: HashSet<usize> = c
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::DuplicatePassage && f.article == 0)
                .map(|f| f.paragraph)
                .collect();
            let keys: Vec<String> = article.paragraphs.iter().map(|p| key(&p.text)).collect();
            let mut in_output: HashMap<&str, usize> = HashMap::new();
            for k in &keys {
                *in_output.entry(k.as_str()).or_default() += 1;
            }
            let mut seen: HashSet<&str> = HashSet::new();
            for (p, k) in keys.iter().enumerate() {
                if k.is_empty() {
                    continue;
                }
                let first = seen.insert(k.as_str());
                let truth_n = in_truth(k);
                let out_n = in_output.get(k.as_str()).copied().unwrap_or(0);
                if !first && truth_n >= 1 && truth_n < out_n {
                    score.positives += 1;
                    if flagged.contains(&p) {
                        score.found += 1;
                    } else {
                        score
                            .misses
                            .push(format!("{} ¶{}: {k}", file.display(), p + 1));
                    }
                } else if flagged.contains(&p) && truth_n >= out_n && truth_n > 0 {
                    score.false_alarms += 1;
                }
            }
        }
    }
    (score, outputs)
}

#[test]
fn duplicated_paragraphs_in_extractor_output_are_found() {
    let Some(root) = corpus() else { return };
    let (score, outputs) = measure(&root);
    let recall = score.found as f64 / score.positives.max(1) as f64;
    println!(
        "aeb duplicated paragraphs: {outputs} extractor outputs, {} true duplicates, {} found (recall {recall:.3}), {} findings on text the article itself repeats",
        score.positives, score.found, score.false_alarms
    );
    for m in &score.misses {
        println!("  missed {m}");
    }
    assert!(score.positives >= 20, "only {} duplicates", score.positives);
    assert!(recall >= 0.99, "recall {recall:.3}");
}
