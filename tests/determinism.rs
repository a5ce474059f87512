//! The report does not depend on how many threads the engine runs on: rows, detectors, facts
//! and coverage notes are computed in parallel and collected in a fixed order.

use std::path::PathBuf;

use storydiff::{CompareOptions, compare_files, report};

fn samples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    [
        "wire.txt",
        "republished.html",
        "rewrite.md",
        "translation/hafenstreik.de.txt",
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect()
}

/// The JSON and HTML reports of the bundled samples, computed on a pool of `threads` threads.
fn reports_on(threads: usize) -> (String, String) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    pool.install(|| {
        let comparison = compare_files(&samples(), &CompareOptions::default(), &mut |_| {});
        assert!(comparison.errors.is_empty(), "{:?}", comparison.errors);
        assert_eq!(comparison.articles.len(), 4);
        (
            report::json::to_json(&comparison),
            report::html::to_html(&comparison),
        )
    })
}

#[test]
fn reports_are_byte_identical_whatever_the_thread_count() {
    let (json_1, html_1) = reports_on(1);
    assert!(json_1.contains("\"findings\""));
    for threads in [2, 4, 7] {
        let (json, html) = reports_on(threads);
        assert!(json == json_1, "JSON differs on {threads} threads");
        assert!(html == html_1, "HTML differs on {threads} threads");
    }
}
