//! Measures the single-article detectors against the hand labels in `tests/labels/`:
//! precision and recall per kind, printed. Cases whose files are absent (the shared
//! corpora live outside the package) are skipped with a printed reason.
//!
//! Run: `cargo test --no-default-features --release --test detect_labels -- --nocapture`

use std::path::{Path, PathBuf};

use serde::Deserialize;
use storydiff::model::{CompareOptions, FindingKind};

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    files: Vec<String>,
    #[serde(default)]
    reference: usize,
    labels: Vec<Label>,
}

#[derive(Debug, Deserialize)]
struct Label {
    article: usize,
    paragraph: usize,
    text: String,
    #[serde(default)]
    start: Option<usize>,
}

/// Kinds this file measures, with the precision/recall floors asserted.
const KINDS: [(FindingKind, f64, f64); 7] = [
    (FindingKind::DuplicatePassage, 0.9, 0.8),
    (FindingKind::Boilerplate, 0.9, 0.8),
    (FindingKind::GluedWords, 0.9, 0.8),
    (FindingKind::StrayCapital, 0.9, 0.8),
    (FindingKind::Mojibake, 0.9, 0.8),
    (FindingKind::RepeatedWord, 0.9, 0.8),
    (FindingKind::UnbalancedQuotes, 0.9, 0.8),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The char span of the label in its paragraph: at `start`, or the first occurrence.
fn label_span(para: &str, label: &Label) -> Option<(usize, usize)> {
    let len = label.text.chars().count();
    if let Some(s) = label.start {
        return Some((s, s + len));
    }
    let byte = para.find(&label.text)?;
    let s = para.get(..byte)?.chars().count();
    Some((s, s + len))
}

#[test]
#[allow(clippy::too_many_lines)] // Reason: one linear measuring loop reads best in one piece.
fn detectors_meet_the_hand_labels() {
    let mut failures = Vec::new();
    for (kind, min_p, min_r) in KINDS {
        let path = root()
            .join("tests/labels")
            .join(format!("{}.json", kind.as_str()));
        let Ok(json) = std::fs::read_to_string(&path) else {
            eprintln!("skipping {}: no label file", kind.as_str());
            continue;
        };
        let cases: Vec<Case> = match serde_json::from_str(&json) {
            Ok(c) => c,
            Err(e) => panic!("cannot parse {}: {e}", path.display()),
        };
        let (mut tp_findings, mut findings_total, mut found_labels, mut labels_total) =
            (0usize, 0usize, 0usize, 0usize);
        for case in &cases {
            let files: Vec<PathBuf> = case.files.iter().map(|f| root().join(f)).collect();
            if let Some(missing) = files.iter().find(|f| !Path::new(f).exists()) {
                eprintln!(
                    "skipping case {}: {} is absent",
                    case.name,
                    missing.display()
                );
                continue;
            }
            let options = CompareOptions {
                reference: case.reference,
                ..CompareOptions::default()
            };
            let cmp = storydiff::compare_files(&files, &options, &mut |_| {});
            let formats_match = files.iter().zip(&cmp.articles).all(|(f, a)| {
                let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
                ext == a.format.as_str() || !matches!(ext, "html" | "md" | "json")
            });
            if !formats_match || cmp.articles.len() != files.len() {
                eprintln!(
                    "skipping case {}: a file was not read in its own format",
                    case.name
                );
                continue;
            }
            let spans: Vec<(usize, usize, usize, usize)> = case
                .labels
                .iter()
                .filter_map(|l| {
                    let para = cmp.articles.get(l.article)?.paragraphs.get(l.paragraph)?;
                    let (s, e) = label_span(&para.text, l)?;
                    Some((l.article, l.paragraph, s, e))
                })
                .collect();
            if spans.len() < case.labels.len() {
                // The labels count paragraphs as the finished loaders do (txt title line,
                // HTML <p> in <article>); another loader numbers them differently.
                eprintln!(
                    "skipping case {}: {} label(s) not found where the labels say; the loader numbers paragraphs differently",
                    case.name,
                    case.labels.len() - spans.len()
                );
                continue;
            }
            let ours: Vec<_> = cmp.findings.iter().filter(|f| f.kind == kind).collect();
            let overlaps = |f: &storydiff::model::Finding, l: &(usize, usize, usize, usize)| {
                f.article == l.0 && f.paragraph == l.1 && f.start < l.3 && l.2 < f.end
            };
            for f in &ours {
                findings_total += 1;
                if spans.iter().any(|l| overlaps(f, l)) {
                    tp_findings += 1;
                } else {
                    eprintln!(
                        "  {} false alarm in {}: a{} p{} {:?}",
                        kind.as_str(),
                        case.name,
                        f.article,
                        f.paragraph,
                        f.text.chars().take(90).collect::<String>()
                    );
                }
            }
            labels_total += case.labels.len();
            for (l, label) in spans.iter().zip(&case.labels) {
                if ours.iter().any(|f| overlaps(f, l)) {
                    found_labels += 1;
                } else {
                    eprintln!(
                        "  {} missed in {}: a{} p{} {:?}",
                        kind.as_str(),
                        case.name,
                        l.0,
                        l.1,
                        label.text.chars().take(90).collect::<String>()
                    );
                }
            }
        }
        if labels_total == 0 && findings_total == 0 {
            eprintln!("{}: no case could run", kind.as_str());
            continue;
        }
        let precision = if findings_total == 0 {
            1.0
        } else {
            tp_findings as f64 / findings_total as f64
        };
        let recall = if labels_total == 0 {
            1.0
        } else {
            found_labels as f64 / labels_total as f64
        };
        println!(
            "{:<18} precision {:.2} ({tp_findings}/{findings_total})  recall {:.2} ({found_labels}/{labels_total})",
            kind.as_str(),
            precision,
            recall
        );
        if precision < min_p || recall < min_r {
            failures.push(format!(
                "{}: precision {precision:.2} (floor {min_p}), recall {recall:.2} (floor {min_r})",
                kind.as_str()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
