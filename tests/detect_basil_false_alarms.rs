//! False alarms of the text-damage detectors on clean, edited news: the BASIL triplets
//! (`../shared/corpora/basil/<event>/*.json`, three outlets per event). Every finding of
//! `glued_words`, `stray_capital`, `mojibake` or `repeated_word` there is counted as a
//! false alarm; the figure per 10,000 words is printed and held under a ceiling.
//!
//! Run: `cargo test --no-default-features --release --test detect_basil_false_alarms -- --nocapture`

use std::path::PathBuf;

use serde::Deserialize;
use storydiff::model::{Article, CompareOptions, FindingKind, Format, Paragraph};

#[derive(Debug, Deserialize)]
struct Basil {
    #[serde(default)]
    title: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(rename = "body-paragraphs")]
    body: Vec<Vec<String>>,
}

const KINDS: [FindingKind; 4] = [
    FindingKind::GluedWords,
    FindingKind::StrayCapital,
    FindingKind::Mojibake,
    FindingKind::RepeatedWord,
];

/// Ceiling on false alarms per 10,000 words, per kind (a little above what was measured).
const CEILING: f64 = 1.0;

#[test]
fn basil_false_alarms_per_10k_words() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/basil");
    let Ok(events) = std::fs::read_dir(&root) else {
        eprintln!("skipping: {} is absent", root.display());
        return;
    };
    let mut dirs: Vec<PathBuf> = events
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut words = 0usize;
    let mut alarms = [0usize; 4];
    for dir in dirs {
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = files
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        let articles: Vec<Article> = paths
            .iter()
            .filter_map(|p| {
                let json = std::fs::read_to_string(p).ok()?;
                let b: Basil = serde_json::from_str(&json).ok()?;
                Some(Article {
                    source: storydiff::model::ArticleRef::default(),
                    path: p.display().to_string(),
                    title: b.title,
                    outlet: b.source,
                    author: None,
                    date: None,
                    format: Format::Json,
                    encoding: "UTF-8".to_string(),
                    paragraphs: b
                        .body
                        .iter()
                        .map(|s| Paragraph { text: s.join(" ") })
                        .filter(|p| !p.text.trim().is_empty())
                        .collect(),
                })
            })
            .collect();
        words += articles.iter().map(Article::word_count).sum::<usize>();
        let cmp = storydiff::compare(
            articles,
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        for f in &cmp.findings {
            if let Some(count) = KINDS
                .iter()
                .zip(alarms.iter_mut())
                .find(|(k, _)| **k == f.kind)
                .map(|(_, c)| c)
            {
                *count += 1;
                eprintln!("  {} in {}: {:?}", f.kind.as_str(), dir.display(), f.text);
            }
        }
    }
    assert!(words > 0, "no BASIL words read");
    let mut over = Vec::new();
    for (kind, count) in KINDS.iter().zip(alarms) {
        let per_10k = count as f64 * 10_000.0 / words as f64;
        println!(
            "BASIL {:<14} {} false alarms in {words} words = {per_10k:.2} per 10,000 words",
            kind.as_str(),
            count
        );
        if per_10k > CEILING {
            over.push(format!("{}: {per_10k:.2}", kind.as_str()));
        }
    }
    assert!(over.is_empty(), "over the ceiling of {CEILING}: {over:?}");
}
