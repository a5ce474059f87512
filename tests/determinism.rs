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

/// Every ordering of `items` (Heap's algorithm).
fn permutations<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
    fn heap<T: Clone>(k: usize, items: &mut Vec<T>, out: &mut Vec<Vec<T>>) {
        if k <= 1 {
            out.push(items.clone());
            return;
        }
        for i in 0..k - 1 {
            heap(k - 1, items, out);
            if k.is_multiple_of(2) {
                items.swap(i, k - 1);
            } else {
                items.swap(0, k - 1);
            }
        }
        heap(k - 1, items, out);
    }
    let mut items = items.to_vec();
    let mut out = Vec::new();
    heap(items.len(), &mut items, &mut out);
    out
}

/// The JSON and HTML reports of `files` in path order, with `reference` (a file of `files`)
/// as the reference article.
fn reports_in_path_order(files: &[PathBuf], reference: &PathBuf) -> (String, String) {
    let options = CompareOptions {
        reference: files
            .iter()
            .position(|f| f == reference)
            .expect("the reference is one of the files"),
        ..CompareOptions::default()
    };
    let comparison = storydiff::compare::compare_files_in_path_order(files, &options, &mut |_| {});
    assert!(comparison.errors.is_empty(), "{:?}", comparison.errors);
    (
        report::json::to_json(&comparison),
        report::html::to_html(&comparison),
    )
}

#[test]
fn reports_are_byte_identical_whatever_order_the_files_are_given_in() {
    let files = samples();
    let orders = permutations(&files);
    assert_eq!(orders.len(), 24);
    // The reference is the same article in every order: the rewrite, then the translation.
    for reference in [&files[2], &files[3]] {
        let (json_0, html_0) = reports_in_path_order(&orders[0], reference);
        let value: serde_json::Value = serde_json::from_str(&json_0).expect("JSON");
        let referenced = usize::try_from(value["reference"].as_u64().expect("a reference index"))
            .expect("an index");
        let path = value["articles"][referenced]["path"]
            .as_str()
            .expect("the reference article's path");
        let file_name = reference
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a name");
        assert!(
            path.ends_with(file_name),
            "the reference is {path}, not {file_name}"
        );
        for order in &orders[1..] {
            let (json, html) = reports_in_path_order(order, reference);
            assert!(json == json_0, "JSON differs for the order {order:?}");
            assert!(html == html_0, "HTML differs for the order {order:?}");
        }
    }
}

#[test]
fn the_report_command_gives_the_same_report_whatever_order_the_files_are_named_in() {
    let files = samples();
    let run = |order: &[&PathBuf], reference: usize, format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_storydiff"))
            .arg("report")
            .args(["--format", format, "--reference", &reference.to_string()])
            .args(order)
            .output()
            .expect("storydiff runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    // The wire copy as the reference: first in one order, third in the other.
    let given = [&files[0], &files[1], &files[2], &files[3]];
    let reversed = [&files[3], &files[2], &files[0], &files[1]];
    for format in ["json", "html"] {
        let a = run(&given, 1, format);
        let b = run(&reversed, 3, format);
        assert!(!a.is_empty());
        assert!(
            a == b,
            "the {format} report depends on the order of the files"
        );
    }
    // Another reference gives another report: the order is canonical, the reference is not.
    assert!(run(&given, 1, "json") != run(&reversed, 1, "json"));
}
