//! Snapshots of the reports. Every snapshot was read by a person before it was accepted:
//! a change here is a change users see, so review it with `cargo insta review`.

use storydiff::model::CompareOptions;
use storydiff::report;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn compare(files: &[&str], options: &CompareOptions) -> storydiff::Comparison {
    let paths: Vec<_> = files.iter().map(|f| fixture(f)).collect();
    let mut c = storydiff::compare_files(&paths, options, &mut |_| {});
    // Paths in snapshots are relative to the package, whatever the checkout's location.
    for a in &mut c.articles {
        a.path = a
            .path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .map_or_else(|| a.path.clone(), |p| p.trim_start_matches('/').to_string());
    }
    c
}

#[test]
fn small_json_report() {
    let c = compare(
        &[
            "tests/fixtures/report/wire.txt",
            "tests/fixtures/report/copy.txt",
        ],
        &CompareOptions::default(),
    );
    insta::assert_snapshot!("small_json", report::json::to_json(&c));
}

#[test]
fn small_json_report_showing_typography() {
    let files = [
        "tests/fixtures/report/wire.txt",
        "tests/fixtures/report/copy.txt",
    ];
    let quote_row = |options: &CompareOptions| {
        let json: serde_json::Value =
            serde_json::from_str(&report::json::to_json(&compare(&files, options)))
                .expect("valid JSON");
        json["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["cells"][0]["paragraphs"] == serde_json::json!([1]))
            .expect("the quotation row")["cells"][1]
            .clone()
    };
    // By default quote style is a typographic variant: the quotation paragraph is identical.
    let default = quote_row(&CompareOptions::default());
    assert_eq!(default["similarity"], 1.0);
    assert!(
        default["ops"]
            .as_array()
            .expect("ops")
            .iter()
            .all(|o| o["tag"] == "equal")
    );
    // Shown, the curly quotes are edits (the words still all match).
    let shown = quote_row(&CompareOptions {
        ignore_quotes: false,
        ..CompareOptions::default()
    });
    assert_eq!(shown["similarity"], 1.0);
    assert!(
        shown["ops"]
            .as_array()
            .expect("ops")
            .iter()
            .any(|o| o["tag"] == "insert" && o["text"] == "\u{201c}")
    );
}

#[test]
fn sample_story_text_report() {
    let c = compare(
        &[
            "assets/samples/wire.txt",
            "assets/samples/republished.html",
            "assets/samples/rewrite.md",
        ],
        &CompareOptions::default(),
    );
    insta::assert_snapshot!("sample_text", report::text::to_text(&c));
}
