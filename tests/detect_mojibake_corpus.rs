//! Measures the mojibake detector on the ftfy test cases in
//! `../shared/corpora/mojibake/`: how many damaged cases are found, how many repairs
//! equal the expected text, and that no negative case is flagged.
//!
//! Run: `cargo test --no-default-features --test detect_mojibake_corpus -- --nocapture`

use std::path::PathBuf;

use serde::Deserialize;
use storydiff::model::{Article, CompareOptions, Format, Paragraph};

#[derive(Debug, Deserialize)]
struct Case {
    original: String,
    fixed: String,
    expect: String,
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/mojibake")
}

fn article(text: &str) -> Article {
    Article {
        path: "case.txt".to_string(),
        title: "case".to_string(),
        outlet: None,
        author: None,
        date: None,
        format: Format::Txt,
        encoding: "UTF-8".to_string(),
        paragraphs: vec![Paragraph {
            text: text.to_string(),
        }],
    }
}

/// The findings' suggestions applied to the text.
fn repaired(text: &str, findings: &[storydiff::model::Finding]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for f in findings {
        out.extend(chars.get(at..f.start).unwrap_or_default());
        out.push_str(f.suggestion.as_deref().unwrap_or(&f.text));
        at = f.end;
    }
    out.extend(chars.get(at..).unwrap_or_default());
    out
}

fn mojibake_findings(text: &str) -> Vec<storydiff::model::Finding> {
    let cmp = storydiff::compare(
        vec![article(text)],
        Vec::new(),
        &CompareOptions::default(),
        &mut |_| {},
    );
    storydiff::detect::mojibake::detect(&cmp)
}

fn load(name: &str) -> Option<Vec<Case>> {
    let path = corpus().join(name);
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} is absent", path.display());
        return None;
    };
    match serde_json::from_str(&json) {
        Ok(c) => Some(c),
        Err(e) => panic!("cannot parse {}: {e}", path.display()),
    }
}

#[test]
fn mojibake_corpus_figures() {
    let (Some(synthetic), Some(negative)) = (load("synthetic.json"), load("negative.json")) else {
        return;
    };
    let damaged: Vec<&Case> = synthetic
        .iter()
        .filter(|c| c.expect == "pass" && c.original != c.fixed)
        .collect();
    let mut found = 0;
    let mut exact = 0;
    for case in &damaged {
        let f = mojibake_findings(&case.original);
        if !f.is_empty() {
            found += 1;
        }
        if repaired(&case.original, &f) == case.fixed {
            exact += 1;
        }
    }
    let clean_synthetic: Vec<&Case> = synthetic
        .iter()
        .filter(|c| c.expect == "pass" && c.original == c.fixed)
        .collect();
    let synthetic_alarms = clean_synthetic
        .iter()
        .filter(|c| !mojibake_findings(&c.original).is_empty())
        .count();
    let mut negative_alarms = Vec::new();
    for case in negative.iter().filter(|c| c.expect == "pass") {
        if !mojibake_findings(&case.original).is_empty() {
            negative_alarms.push(case.original.clone());
        }
    }
    println!(
        "mojibake synthetic: found {found}/{} damaged cases, repair equals `fixed` in {exact}; \
         flagged {synthetic_alarms}/{} unchanged cases",
        damaged.len(),
        clean_synthetic.len()
    );
    println!(
        "mojibake negative: flagged {}/{} ({:?})",
        negative_alarms.len(),
        negative.len(),
        negative_alarms
    );
    // Floors a little under what was measured when this test was written.
    assert!(found * 10 >= damaged.len() * 6, "found only {found}");
    assert!(negative_alarms.len() <= 1, "{negative_alarms:?}");
    assert!(synthetic_alarms <= 1);
}
