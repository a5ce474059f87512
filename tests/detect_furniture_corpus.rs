//! Page furniture in real extractor output (`../shared/corpora/aeb`), each output opened
//! alone as a user would open the `.txt`; labels from the page's `ground-truth.txt` (rules in
//! `tests/common/eval.rs`). Also boilerplate false alarms on clean edited news (BASIL bodies
//! and `OneStopEnglish` texts): every boilerplate finding there counts as a false alarm.
//!
//! The floors sit a little under what `cargo run --release --no-default-features --example
//! evaluate` measures with the shipped weights (fitted on these pages: in-sample figures; the
//! cross-validated ones are in `src/detect/boilerplate_weights.txt`).
//!
//! Run: `cargo test --no-default-features --release --test detect_furniture_corpus -- --nocapture`

#[path = "common/eval.rs"]
mod eval;

use std::path::{Path, PathBuf};

use storydiff::model::{Article, CompareOptions, FindingKind};

/// (extractor, precision floor, recall floor).
const FLOORS: [(&str, f64, f64); 2] = [("html2text", 0.93, 0.83), ("august", 0.95, 0.83)];

#[test]
fn aeb_furniture_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let aeb = root.join("../shared/corpora/aeb");
    let Some(pages) = eval::furniture_pages(&aeb) else {
        eprintln!("skipping: {} is absent", aeb.display());
        return;
    };
    let scores = eval::furniture_scores(&pages);
    eprint!("{}", eval::furniture_table(&scores));
    for (ex, p, r) in FLOORS {
        let Some((_, c)) = scores.iter().find(|(e, _)| e == ex) else {
            panic!("no {ex} outputs");
        };
        assert!(
            c.precision() >= p,
            "{ex}: precision {:.3} < {p}",
            c.precision()
        );
        assert!(c.recall() >= r, "{ex}: recall {:.3} < {r}", c.recall());
    }
}

fn word_count(a: &Article) -> usize {
    a.paragraphs
        .iter()
        .map(|p| p.text.split_whitespace().count())
        .sum()
}

/// Boilerplate findings per 10,000 words over clean articles, each opened alone.
fn alarms_per_10k(articles: Vec<Article>) -> (f64, usize, Vec<String>) {
    let mut words = 0usize;
    let mut alarms = Vec::new();
    for a in articles {
        words += word_count(&a);
        let c = storydiff::compare(vec![a], Vec::new(), &CompareOptions::default(), &mut |_| {});
        alarms.extend(
            c.findings
                .iter()
                .filter(|f| f.kind == FindingKind::Boilerplate)
                .map(|f| f.text.chars().take(80).collect::<String>()),
        );
    }
    #[allow(clippy::cast_precision_loss)]
    // Reason: word counts are far below 2^52.
    let rate = alarms.len() as f64 * 10_000.0 / words.max(1) as f64;
    (rate, words, alarms)
}

fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p, ext));
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn clean_news_has_few_boilerplate_alarms() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let mut articles = Vec::new();
    for p in files_under(&root.join("basil"), "json") {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let Some(body) = v.get("body-paragraphs").and_then(|b| b.as_array()) else {
            continue;
        };
        let paras: Vec<String> = body
            .iter()
            .filter_map(|s| s.as_array())
            .map(|s| {
                s.iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|s| !s.trim().is_empty())
            .collect();
        articles.push(Article::from_texts(p.display().to_string(), paras));
    }
    for p in files_under(&root.join("onestop"), "txt") {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with("gold-") {
            continue;
        }
        if let Ok(mut a) = storydiff::load::load_path(&p) {
            articles.append(&mut a);
        }
    }
    if articles.is_empty() {
        eprintln!(
            "skipping: {} has no basil or onestop articles",
            root.display()
        );
        return;
    }
    let (rate, words, alarms) = alarms_per_10k(articles);
    for a in &alarms {
        eprintln!("  alarm: {a}");
    }
    eprintln!(
        "boilerplate alarms on clean news: {} in {words} words = {rate:.2} per 10,000",
        alarms.len()
    );
    assert!(rate <= 0.5, "{rate:.2} boilerplate alarms per 10,000 words");
}
