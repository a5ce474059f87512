//! Duplicated paragraphs in real extractor output (`../shared/corpora/aeb`, skipped with a
//! printed reason when absent).
//!
//! Labelling, for every page and every extractor output (`august.txt`, `html2text.txt`, …):
//! a paragraph of three words or more (as the loader joins the output's hard-wrapped lines)
//! whose words (lower-cased, punctuation and html2text's `_emphasis_` marks dropped) already
//! appeared earlier in the same output — the same words, or one copy holding the other with
//! at most a fifth more words, a caption printed again with its credit — is a **true
//! duplicate** when the page's `ground-truth.txt` holds the shorter copy at least once but
//! fewer times than the output's paragraphs do (the story text, printed once too often). A finding on a paragraph whose text the
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

use std::collections::HashSet;
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

/// Passages shorter than this are not labelled: one- and two-word repeats ("Photo",
/// "Close", "Share") are buttons and credits, the boilerplate detector's business.
const MIN_LABEL_WORDS: usize = 3;

#[derive(Default)]
struct Score {
    positives: usize,
    found: usize,
    false_alarms: usize,
    misses: Vec<String>,
    alarms: Vec<String>,
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
        let mut truth_text = String::new();
        for p in truth.iter().flat_map(|a| &a.paragraphs) {
            truth_text.push(' ');
            truth_text.push_str(&key(&p.text));
        }
        truth_text.push(' ');
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
            let padded: Vec<String> = keys.iter().map(|k| format!(" {k} ")).collect();
            for (q, k) in keys.iter().enumerate() {
                let n = k.split(' ').filter(|w| !w.is_empty()).count();
                if n < MIN_LABEL_WORDS {
                    continue;
                }
                // The earlier copy: the same words, or one holding the other with at most a
                // fifth more words (a caption printed again with its credit).
                let copy = (0..q).find_map(|p| {
                    let other = keys.get(p)?;
                    let m = other.split(' ').filter(|w| !w.is_empty()).count();
                    let (short, long, ns, nl) = if m <= n {
                        (other, &padded[q], m, n)
                    } else {
                        (k, &padded[p], n, m)
                    };
                    (ns > 0 && 5 * ns >= 4 * nl && long.contains(&format!(" {short} ")))
                        .then(|| short.clone())
                });
                let Some(short) = copy else { continue };
                let needle = format!(" {short} ");
                let truth_n = in_truth(&short);
                let out_n = padded.iter().filter(|x| x.contains(&needle)).count();
                let flagged_q = flagged.contains(&q);
                if truth_n >= 1 && truth_n < out_n {
                    score.positives += 1;
                    if flagged_q {
                        score.found += 1;
                    } else {
                        score
                            .misses
                            .push(format!("{} ¶{}: {n} words", file.display(), q + 1));
                    }
                } else if flagged_q && truth_n >= out_n {
                    score.false_alarms += 1;
                    score
                        .alarms
                        .push(format!("{} ¶{}: {n} words", file.display(), q + 1));
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
    for m in &score.alarms {
        println!("  flagged, but the article repeats it: {m}");
    }
    // The dev set holds few such duplicates (see the printed figure); every one is found,
    // and text the article itself repeats is left alone.
    assert!(score.positives >= 1, "no duplicates labelled");
    assert!(recall >= 0.99, "recall {recall:.3}");
    assert!(
        score.false_alarms <= score.positives,
        "{} findings on the article's own repeats",
        score.false_alarms
    );
}
