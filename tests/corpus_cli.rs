//! `storydiff export --jsonl` and `storydiff batch`: the two steps the Spark job runs. A
//! cluster's report from `batch` must equal `storydiff report` on the same files.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, missing_docs)]

use assert_cmd::Command;

const WIRE: &str = "assets/samples/wire.txt";
const REPUBLISHED: &str = "assets/samples/republished.html";
const REWRITE: &str = "assets/samples/rewrite.md";

fn storydiff() -> Command {
    let mut cmd = Command::cargo_bin("storydiff").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The JSON lines `cmd` prints, after checking that it succeeded.
fn json_lines(cmd: &mut Command) -> Vec<serde_json::Value> {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect()
}

fn export(files: &[&str]) -> Vec<serde_json::Value> {
    json_lines(storydiff().args(["export", "--jsonl"]).args(files))
}

fn batch(input: &str) -> Vec<serde_json::Value> {
    json_lines(storydiff().arg("batch").write_stdin(input))
}

fn report(files: &[&str]) -> serde_json::Value {
    let out = storydiff()
        .args(["report", "--format", "json"])
        .args(files)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// The batch report of `files` exported and clustered together (members shuffled).
fn batch_report(files: &[&str]) -> serde_json::Value {
    let mut members = export(files);
    members.reverse();
    let line = serde_json::json!({"cluster": "c1", "members": members}).to_string();
    let mut answers = batch(&line);
    assert_eq!(answers.len(), 1);
    let answer = answers.remove(0);
    assert_eq!(answer["cluster"], "c1");
    answer["report"].clone()
}

#[test]
fn export_writes_one_record_per_article_with_the_loaders_fields() {
    let records = export(&[WIRE, REPUBLISHED, REWRITE]);
    assert_eq!(records.len(), 3);
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, [WIRE, REPUBLISHED, REWRITE]);
    let formats: Vec<&str> = records
        .iter()
        .filter_map(|r| r["format"].as_str())
        .collect();
    assert_eq!(formats, ["txt", "html", "md"]);
    // The HTML page arrives as its extracted article: paragraphs, no markup.
    let html = &records[1];
    let paragraphs = html["paragraphs"].as_array().expect("paragraphs");
    assert!(paragraphs.len() > 3);
    assert!(
        paragraphs
            .iter()
            .all(|p| !p.as_str().unwrap_or("<").contains('<'))
    );
}

#[test]
fn a_clusters_batch_report_equals_storydiff_report_on_its_files() {
    let files = [REPUBLISHED, REWRITE, WIRE];
    let from_batch = batch_report(&files);
    let from_report = report(&files);
    assert_eq!(from_batch["schema"], "storydiff-report/1");
    assert!(!from_report["rows"].as_array().expect("rows").is_empty());
    assert_eq!(from_batch, from_report);
}

#[test]
fn export_names_the_file_it_could_not_read_and_exports_the_others() {
    let out = storydiff()
        .args(["export", "--jsonl", WIRE, "no/such/file.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("file not found") && stderr.contains("no/such/file.txt"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn export_never_writes_over_an_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "An article.\n").expect("write");
    let out = storydiff()
        .args(["export", "--jsonl", "-o"])
        .arg(&input)
        .arg(&input)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&input).expect("read"),
        "An article.\n"
    );
}

#[test]
fn real_coverage_and_rewrites_batch_as_storydiff_report_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let basil = root.join("basil/005a2961-0c2e-4575-8eec-770ba52a08e0");
    let onestop = root.join("onestop/Amazon");
    if !basil.is_dir() || !onestop.is_dir() {
        eprintln!("skipped: ../shared/corpora (basil, onestop) is absent");
        return;
    }
    for dir in [basil, onestop] {
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("read dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !name.starts_with("gold")
            })
            .map(|p| p.display().to_string())
            .collect();
        files.sort();
        let files: Vec<&str> = files.iter().map(String::as_str).collect();
        assert_eq!(files.len(), 3, "{}", dir.display());
        assert_eq!(batch_report(&files), report(&files), "{}", dir.display());
    }
}
