//! The headless command line: `storydiff report`.

use assert_cmd::Command;
use predicates::prelude::*;

const WIRE: &str = "assets/samples/wire.txt";
const REPUBLISHED: &str = "assets/samples/republished.html";
const REWRITE: &str = "assets/samples/rewrite.md";

fn storydiff() -> Command {
    let mut cmd = Command::cargo_bin("storydiff").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn report_json(args: &[&str]) -> serde_json::Value {
    let out = storydiff()
        .arg("report")
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

#[test]
fn json_report_has_the_documented_fields() {
    let v = report_json(&[WIRE, REPUBLISHED, REWRITE]);
    assert_eq!(v["schema"], "storydiff-report/1");
    // Articles in path order; the reference is the first file named (the wire copy).
    assert_eq!(v["reference"], 2);
    let articles = v["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 3);
    let formats: Vec<_> = articles
        .iter()
        .map(|a| a["format"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(formats, ["html", "md", "txt"]);
    for a in articles {
        assert!(a["path"].is_string() && a["title"].is_string() && a["encoding"] == "UTF-8");
        assert!(a["paragraphs"].as_array().is_some_and(|p| p.len() > 5));
    }
    assert!(v["errors"].as_array().is_some_and(Vec::is_empty));
    let rows = v["rows"].as_array().expect("rows");
    assert!(!rows.is_empty());
    for row in rows {
        let cells = row["cells"].as_array().expect("cells");
        assert_eq!(cells.len(), 3);
        for cell in cells.iter().filter(|c| !c.is_null()) {
            let sim = cell["similarity"].as_f64().expect("similarity");
            assert!((0.0..=1.0).contains(&sim));
            assert!(cell["moved"].is_boolean());
            for op in cell["ops"].as_array().expect("ops") {
                assert!(["equal", "delete", "insert"].contains(&op["tag"].as_str().unwrap_or("")));
                assert!(op["text"].is_string());
            }
        }
    }
    assert!(v["findings"].is_array());
    let sim = v["similarity"].as_array().expect("matrix");
    assert_eq!(sim.len(), 3);
    assert_eq!(sim[0][0], 1.0);
    assert_eq!(sim[0][1], sim[1][0], "symmetric");
}

#[test]
fn every_paragraph_lands_in_exactly_one_row() {
    let v = report_json(&[WIRE, REPUBLISHED, REWRITE]);
    for (ai, article) in v["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .enumerate()
    {
        let n = article["paragraphs"].as_array().expect("paragraphs").len();
        let mut seen = vec![0usize; n];
        for row in v["rows"].as_array().expect("rows") {
            if let Some(ps) = row["cells"][ai]["paragraphs"].as_array() {
                for p in ps {
                    let p = usize::try_from(p.as_u64().expect("index")).expect("fits");
                    seen[p] += 1;
                }
            }
        }
        assert!(seen.iter().all(|&c| c == 1), "article {ai}: {seen:?}");
    }
}

#[test]
fn same_inputs_give_byte_identical_json() {
    let run = || {
        storydiff()
            .args(["report", "--format", "json", WIRE, REPUBLISHED, REWRITE])
            .output()
            .expect("runs")
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn a_missing_file_is_reported_and_the_rest_still_compared() {
    let out = storydiff()
        .args([
            "report",
            "--format",
            "json",
            WIRE,
            "no/such/file.txt",
            REWRITE,
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not found") && stderr.contains("no/such/file.txt"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["errors"][0]["path"], "no/such/file.txt");
    let message = v["errors"][0]["message"].as_str().expect("message");
    assert!(
        message.ends_with("no/such/file.txt"),
        "path last: {message}"
    );
}

#[test]
fn a_directory_is_reported_as_such() {
    storydiff()
        .args(["report", WIRE, "assets"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("directory").and(predicate::str::contains("assets")));
}

#[test]
fn usage_errors_exit_2() {
    storydiff().args(["report"]).assert().code(2);
    storydiff()
        .args(["report", "--ignore", "colour", WIRE])
        .assert()
        .code(2);
    storydiff()
        .args(["report", "--format", "xml", WIRE])
        .assert()
        .code(2);
}

#[test]
fn ignore_options_are_accepted_and_recorded() {
    let v = report_json(&[
        "--ignore",
        "case,punctuation,quotes,whitespace",
        WIRE,
        REWRITE,
    ]);
    let ignore: Vec<_> = v["options"]["ignore"]
        .as_array()
        .expect("ignore")
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert_eq!(ignore, ["case", "punctuation", "quotes", "whitespace"]);
}

#[test]
fn reference_option_picks_the_reference() {
    // The second file named, the rewrite, is first in path order (rewrite.md < wire.txt).
    let v = report_json(&["--reference", "2", WIRE, REWRITE]);
    assert_eq!(v["reference"], 0);
    assert_eq!(v["articles"][0]["path"], REWRITE);
    // The reference's own cells are all equal ops with similarity 1.
    for row in v["rows"].as_array().expect("rows") {
        if let Some(cell) = row["cells"][0].as_object() {
            assert_eq!(cell["similarity"], 1.0);
            assert!(
                cell["ops"]
                    .as_array()
                    .expect("ops")
                    .iter()
                    .all(|o| o["tag"] == "equal")
            );
        }
    }
}

#[test]
fn output_file_is_written_and_inputs_are_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.json");
    storydiff()
        .args(["report", "--format", "json", "-o"])
        .arg(&out)
        .args([WIRE, REWRITE])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let written = std::fs::read_to_string(&out).expect("report written");
    assert!(written.contains("storydiff-report/1"));

    let input = dir.path().join("a.txt");
    std::fs::write(&input, "One paragraph of text here.\n").expect("write");
    storydiff()
        .args(["report", "-o"])
        .arg(&input)
        .arg(&input)
        .arg(WIRE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
    assert_eq!(
        std::fs::read_to_string(&input).expect("read"),
        "One paragraph of text here.\n"
    );
}

#[test]
fn text_report_is_readable() {
    storydiff()
        .args(["report", WIRE, REWRITE])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("storydiff report: 2 article(s)")
                .and(predicate::str::contains("(reference)"))
                .and(predicate::str::contains("Similarity:")),
        );
}

#[test]
fn html_report_is_written_to_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.html");
    storydiff()
        .args(["report", "--format", "html", "-o"])
        .arg(&out)
        .args([WIRE, REPUBLISHED, REWRITE])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let written = std::fs::read_to_string(&out).expect("report written");
    assert!(written.starts_with("<!DOCTYPE html>"), "{}", &written[..80]);
    assert!(written.contains("storydiff report") && written.trim_end().ends_with("</html>"));
}

#[test]
fn html_report_never_overwrites_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("page.html");
    let page = "<html><body><p>One paragraph of the story, saved from the web.</p></body></html>\n";
    std::fs::write(&input, page).expect("write");
    storydiff()
        .args(["report", "--format", "html", "-o"])
        .arg(&input)
        .arg(&input)
        .arg(WIRE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
    assert_eq!(std::fs::read_to_string(&input).expect("read"), page);
}

/// The sample story copied into a temporary folder, with a saved comparison of it.
fn saved_sample(
    overrides: Vec<storydiff::model::Override>,
) -> (
    tempfile::TempDir,
    Vec<std::path::PathBuf>,
    std::path::PathBuf,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // In path order, as a report of the files themselves lists them (a saved comparison
    // keeps the order it was saved in).
    let files: Vec<_> = [REPUBLISHED, REWRITE, WIRE]
        .iter()
        .map(|f| {
            let name = std::path::Path::new(f).file_name().expect("name");
            let to = dir.path().join(name);
            std::fs::copy(root.join(f), &to).expect("copy");
            to.canonicalize().expect("canonical")
        })
        .collect();
    let options = storydiff::model::CompareOptions {
        reference: 1,
        ignore_case: true,
        ..storydiff::model::CompareOptions::default()
    };
    let saved = storydiff::session::SavedComparison::new(
        &files,
        options,
        storydiff::session::SavedView::default(),
        overrides,
    );
    let path = dir.path().join("strike.storydiff");
    saved.save(&path, &files).expect("saved");
    (dir, files, path)
}

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    storydiff().arg("report").args(args).output().expect("runs")
}

#[test]
fn a_saved_comparison_reports_like_its_files_with_its_options() {
    let (_dir, files, path) = saved_sample(Vec::new());
    let saved = run(&["--format".as_ref(), "json".as_ref(), path.as_os_str()]);
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );
    let mut direct: Vec<&std::ffi::OsStr> = vec![
        "--format".as_ref(),
        "json".as_ref(),
        "--reference".as_ref(),
        "2".as_ref(),
        "--ignore".as_ref(),
        "case".as_ref(),
    ];
    direct.extend(files.iter().map(|f| f.as_os_str()));
    let direct = run(&direct);
    assert_eq!(
        String::from_utf8_lossy(&saved.stdout),
        String::from_utf8_lossy(&direct.stdout)
    );
    // Flags given change the saved options: here the reference.
    let first = run(&[
        "--format".as_ref(),
        "json".as_ref(),
        "--reference".as_ref(),
        "1".as_ref(),
        path.as_os_str(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).expect("json");
    assert_eq!(v["reference"], 0);
    assert_eq!(v["options"]["ignore"][0], "case");
}

#[test]
fn a_saved_comparison_applies_its_overrides() {
    use storydiff::model::{ArticleRef, Override};
    let overrides = vec![
        Override::Unlink {
            article: ArticleRef { file: 1, part: 0 },
            paragraph: 3,
        },
        Override::Furniture {
            article: ArticleRef { file: 2, part: 0 },
            paragraph: 16,
            furniture: true,
        },
    ];
    let (_dir, files, path) = saved_sample(overrides.clone());
    for format in ["json", "text"] {
        let out = run(&["--format".as_ref(), format.as_ref(), path.as_os_str()]);
        assert!(out.status.success());
        let opened = storydiff::session::SavedComparison::load(&path).expect("opens");
        assert_eq!(opened.files, files);
        let c =
            storydiff::compare_files_with(&files, &opened.saved.options, &overrides, &mut |_| {});
        let expected = if format == "json" {
            storydiff::report::json::to_json(&c)
        } else {
            storydiff::report::text::to_text(&c)
        };
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
        if format == "text" {
            assert!(expected.contains("Manual changes:\n  [2] ¶4 unlinked from its row\n  [3] ¶17 marked as page furniture\n"), "{expected}");
        } else {
            assert!(expected.contains("\"manual\": true"));
        }
    }
}

#[test]
fn a_saved_comparison_with_a_missing_file_reports_the_rest_and_exits_1() {
    let (_dir, files, path) = saved_sample(Vec::new());
    std::fs::remove_file(&files[1]).expect("remove");
    let out = run(&["--format".as_ref(), "json".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("file 2 of the comparison was moved or deleted: "),
        "{stderr}"
    );
    assert!(stderr.contains("rewrite.md"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "named once: {stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_report_never_overwrites_a_saved_comparison_or_its_files() {
    let (dir, files, path) = saved_sample(Vec::new());
    let before = std::fs::read(&path).expect("read");
    for target in [&path, &files[0]] {
        let out = run(&[path.as_os_str(), "-o".as_ref(), target.as_os_str()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite"));
    }
    assert_eq!(std::fs::read(&path).expect("read"), before);
    // A broken saved comparison is named on standard error.
    let broken = dir.path().join("broken.storydiff");
    std::fs::write(&broken, "not json").expect("write");
    let out = run(&[broken.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not JSON") && stderr.trim_end().ends_with("broken.storydiff"),
        "{stderr}"
    );
}

#[test]
fn typographic_variants_are_no_edits_unless_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "The council said \u{201c}yes\u{201d} \u{2014} at last \u{2014} on Tuesday\u{2026}\n\nIt\u{2019}s worth 10\u{a0}000 euros, pages 4\u{2013}6.\n",
    )
    .expect("write");
    std::fs::write(
        &b,
        "The council said \"yes\" - at last -- on Tuesday...\n\nIt's worth 10 000 euros, pages 4-6.\n",
    )
    .expect("write");
    let changed = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["--format".as_ref(), "json".as_ref()];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        args.push(a.as_os_str());
        args.push(b.as_os_str());
        let out = run(&args);
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let rows = v["rows"].as_array().expect("rows").clone();
        let ignore = v["options"]["ignore"].clone();
        let changed = rows
            .iter()
            .filter(|r| {
                r["cells"][1]["ops"]
                    .as_array()
                    .is_some_and(|ops| ops.iter().any(|o| o["tag"] != "equal"))
            })
            .count();
        (rows.len(), changed, ignore)
    };
    assert_eq!(changed(&[]), (2, 0, serde_json::json!(["quotes"])));
    assert_eq!(
        changed(&["--ignore", "quotes"]),
        (2, 0, serde_json::json!(["quotes"]))
    );
    assert_eq!(
        changed(&["--show", "typography"]),
        (2, 2, serde_json::json!([]))
    );
    storydiff()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--show").and(predicate::str::contains("typography")));
}
