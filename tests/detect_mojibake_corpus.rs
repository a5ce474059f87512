//! Measures the mojibake repairs on ftfy's test cases in `../shared/corpora/mojibake/`
//! (skipped with a printed reason when absent): the shipped detector must find and
//! repair every damaged case exactly and flag no clean case, in either file; `plsfix`
//! alone and our own rules alone are printed beside it. Figures as a table:
//! `cargo run --release --no-default-features --example mojibake_eval`.
//!
//! Run: `cargo test --no-default-features --test detect_mojibake_corpus -- --nocapture`

#[path = "common/mojibake_score.rs"]
mod mojibake_score;

use std::path::Path;

use mojibake_score::{Case, apply, fold, load, score};
use storydiff::detect::mojibake::Method;
use storydiff::model::{Article, CompareOptions, Format, Paragraph};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn cases(name: &str) -> Option<Vec<Case>> {
    match load(root(), name) {
        Ok(c) => Some(c),
        Err(e) if e.ends_with("is absent") => {
            eprintln!("skipping: {e}");
            None
        }
        Err(e) => panic!("{e}"),
    }
}

/// The detector's findings, through the whole comparison, applied as repairs.
fn detected(text: &str) -> (usize, String) {
    let article = Article {
        source: storydiff::model::ArticleRef::default(),
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
    };
    let cmp = storydiff::compare(
        vec![article],
        Vec::new(),
        &CompareOptions::default(),
        &mut |_| {},
    );
    let findings = storydiff::detect::mojibake::detect(&storydiff::detect::Context::new(&cmp));
    let runs: Vec<storydiff::detect::mojibake::Run> = findings
        .iter()
        .map(|f| storydiff::detect::mojibake::Run {
            start: f.start,
            end: f.end,
            encoding: None,
            repaired: f.suggestion.clone(),
        })
        .collect();
    (findings.len(), apply(text, &runs))
}

#[test]
fn shipped_repairs_every_damaged_case_and_flags_no_clean_one() {
    let (Some(synthetic), Some(negative)) = (cases("synthetic.json"), cases("negative.json"))
    else {
        return;
    };
    for (name, set) in [("synthetic", &synthetic), ("negative", &negative)] {
        for (label, method) in [
            ("plsfix", Method::Plsfix),
            ("ours", Method::Own),
            ("shipped", Method::Shipped),
        ] {
            let s = score(set, method);
            println!(
                "{label} on {name}: found {}/{} damaged, {} repaired exactly; flagged {}/{} clean {:?}",
                s.found,
                s.damaged,
                s.exact,
                s.false_alarms.len(),
                s.clean,
                s.false_alarms
            );
        }
        let s = score(set, Method::Shipped);
        assert!(s.damaged > 0, "{name}: no damaged case read");
        assert_eq!(s.found, s.damaged, "{name}: missed {:?}", s.missed);
        assert_eq!(s.exact, s.damaged, "{name}: wrong {:?}", s.wrong);
        assert!(s.false_alarms.is_empty(), "{name}: {:?}", s.false_alarms);
    }
}

#[test]
fn detector_findings_carry_the_shipped_repairs() {
    let (Some(synthetic), Some(negative)) = (cases("synthetic.json"), cases("negative.json"))
    else {
        return;
    };
    for case in synthetic
        .iter()
        .chain(&negative)
        .filter(|c| c.expect == "pass")
    {
        let (n, repaired) = detected(&case.original);
        let damaged = fold(&case.original) != fold(&case.fixed);
        assert_eq!(n > 0, damaged, "{:?}", case.original);
        assert_eq!(fold(&repaired), fold(&case.fixed), "{:?}", case.original);
    }
}
