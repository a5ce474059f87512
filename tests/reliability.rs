//! Inputs are never written to, and nothing is fetched from the network: a full command-line
//! run and a full use of the window (open, change options, export HTML and JSON, save and
//! reopen a comparison) leave every input byte-identical with its modification time, and an
//! HTML page whose resources all point at a port we listen on opens without one connection.

#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use assert_cmd::Command;

#[path = "common/bad_input.rs"]
mod bad_input;

/// Every input's bytes and modification time.
fn snapshot(files: &[PathBuf]) -> Vec<(Vec<u8>, SystemTime)> {
    files
        .iter()
        .map(|f| {
            (
                std::fs::read(f).unwrap(),
                std::fs::metadata(f).unwrap().modified().unwrap(),
            )
        })
        .collect()
}

/// The bundled sample story copied into `dir`, plus a JSON article and a text file with
/// damage of its own (a C1 control character, invalid UTF-8).
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut files: Vec<PathBuf> = ["wire.txt", "republished.html", "rewrite.md"]
        .iter()
        .map(|name| {
            let to = dir.join(name);
            std::fs::copy(samples.join(name), &to).unwrap();
            to
        })
        .collect();
    let json = dir.join("agency.json");
    std::fs::write(
        &json,
        r#"{"headline": "Port strike ends", "articleBody": "Dockworkers at the port will return to work on Thursday.\n\nThe union agreed a settlement late on Tuesday."}"#,
    )
    .unwrap();
    files.push(json);
    let damaged = dir.join("damaged.txt");
    let mut bytes =
        b"Dockworkers at the port will return to work on Thursday \x85 after the union agreed.\n\n"
            .to_vec();
    bytes.extend_from_slice(b"The settlement ends a strike\xff\xfe of 19 days.\n");
    std::fs::write(&damaged, bytes).unwrap();
    files.push(damaged);
    files
}

/// A listener on a free local port that accepts without blocking.
fn listener() -> (TcpListener, u16) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.set_nonblocking(true).unwrap();
    let port = l.local_addr().unwrap().port();
    (l, port)
}

/// A saved page whose every external resource points at `port`.
fn hostile_page(dir: &Path, port: u16) -> PathBuf {
    let base = format!("http://127.0.0.1:{port}");
    let page = format!(
        r#"<!doctype html><html><head>
<meta http-equiv="refresh" content="0; url={base}/refresh">
<link rel="stylesheet" href="{base}/style.css">
<link rel="preload" href="{base}/font.woff2" as="font">
<script src="{base}/app.js"></script>
<style>body {{ background: url({base}/bg.png); }} @import url("{base}/more.css");</style>
<title>Port strike ends after nine days</title></head>
<body><article><h1>Port strike ends after nine days</h1>
<p>Dockworkers at the port will return to work on Thursday after the union agreed a settlement with the port authority late on Tuesday.</p>
<img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x" onerror="fetch('{base}/onerror')">
<p>The walkout, the longest at the port since 1998, left container ships waiting at anchor; <a href="javascript:fetch('{base}/js')">read more</a>.</p>
<iframe src="{base}/frame"></iframe>
<script>fetch("{base}/inline");</script>
<p>Officials said about 1,200 workers would receive a pay rise this year and a further rise next October.</p>
</article></body></html>"#
    );
    let path = dir.join("hostile.html");
    std::fs::write(&path, page).unwrap();
    path
}

fn storydiff() -> Command {
    Command::cargo_bin("storydiff").unwrap()
}

#[test]
fn a_full_command_line_run_leaves_every_input_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let files = inputs(dir.path());
    let before = snapshot(&files);
    let out = tempfile::tempdir().unwrap();
    for format in ["text", "json", "html"] {
        let report = out.path().join(format!("report.{format}"));
        storydiff()
            .arg("report")
            .args(["--format", format, "--ignore", "case,punctuation"])
            .args(&files)
            .arg("-o")
            .arg(&report)
            .assert()
            .success();
        assert!(std::fs::metadata(&report).unwrap().len() > 0);
    }
    storydiff()
        .args(["report", "--reference", "2", "--chars"])
        .args(&files)
        .assert()
        .success();
    assert_eq!(before, snapshot(&files), "an input file changed");
}

#[cfg(feature = "gui")]
#[test]
fn a_full_use_of_the_window_leaves_every_input_untouched() {
    use egui_kittest::Harness;
    use storydiff::gui::{Command as Gui, Settings, StorydiffApp};

    let dir = tempfile::tempdir().unwrap();
    let files = inputs(dir.path());
    let before = snapshot(&files);
    let out = tempfile::tempdir().unwrap();
    let app = StorydiffApp::new_synchronous(Settings::default(), files.clone());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.run_steps(3);
    assert_eq!(h.state().column_count(), files.len());
    // Change options and the reference, export, save, reopen.
    let mut options = h.state().settings.options.clone();
    options.ignore_case = true;
    options.ignore_punctuation = true;
    h.state_mut().apply(Gui::SetOptions(options));
    h.state_mut().apply(Gui::SetReference(1));
    h.run_steps(2);
    for name in ["report.html", "report.json", "report.txt"] {
        let path = out.path().join(name);
        h.state_mut().apply(Gui::Export(path.clone()));
        assert!(
            std::fs::metadata(&path).unwrap().len() > 0,
            "{name} not written"
        );
    }
    let saved = out.path().join("story.storydiff");
    h.state_mut().apply(Gui::SaveComparison(saved.clone()));
    h.run_steps(1);
    assert!(saved.is_file());
    h.state_mut().apply(Gui::OpenFiles(vec![saved]));
    h.run_steps(3);
    assert_eq!(h.state().column_count(), files.len());
    assert!(
        h.state().settings.options.ignore_case,
        "the saved options came back"
    );
    // Exporting next to an input never replaces it.
    h.state_mut().apply(Gui::Export(files[0].clone()));
    h.run_steps(1);
    drop(h);
    assert_eq!(before, snapshot(&files), "an input file changed");
}

#[test]
fn a_page_whose_resources_point_at_a_local_port_opens_without_a_connection() {
    let dir = tempfile::tempdir().unwrap();
    let (listener, port) = listener();
    let page = hostile_page(dir.path(), port);
    let wire = inputs(dir.path()).remove(0);
    let out = tempfile::tempdir().unwrap();
    for format in ["text", "json", "html"] {
        let report = out.path().join(format!("r.{format}"));
        storydiff()
            .args(["report", "--format", format])
            .arg(&wire)
            .arg(&page)
            .arg("-o")
            .arg(&report)
            .assert()
            .success();
        let text = std::fs::read_to_string(&report).unwrap();
        assert!(
            text.contains("Officials said about"),
            "{format}: the page text is missing"
        );
    }
    // The HTML report carries the page's text, never its markup or its addresses as links.
    let html = std::fs::read_to_string(out.path().join("r.html")).unwrap();
    assert!(!html.contains(&format!("src=\"http://127.0.0.1:{port}")));
    assert!(!html.contains(&format!("href=\"http://127.0.0.1:{port}")));
    assert!(!html.to_ascii_lowercase().contains("http-equiv=\"refresh\""));
    #[cfg(feature = "gui")]
    {
        use egui_kittest::Harness;
        use storydiff::gui::{Settings, StorydiffApp};
        let app = StorydiffApp::new_synchronous(Settings::default(), vec![wire, page]);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1500.0, 950.0))
            .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
        h.run_steps(3);
        assert_eq!(h.state().column_count(), 2);
    }
    // Give a stray connection time to arrive, then check none did.
    std::thread::sleep(std::time::Duration::from_millis(300));
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Ok((_, from)) => panic!("storydiff connected to the page's resource port from {from}"),
        Err(e) => panic!("listener failed: {e}"),
    }
}

/// The JSON report of `storydiff report wire.txt BAD`, BAD made by `create` (or left absent):
/// the wire copy is always compared; the bad file is either loaded (its article follows) or
/// listed in `errors` with a message.
fn report_with(
    name: &str,
    create: impl FnOnce(&Path),
) -> (serde_json::Value, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let wire = inputs(dir.path()).remove(0);
    let bad = dir.path().join(name);
    create(&bad);
    let out = storydiff()
        .args(["report", "--format", "json"])
        .arg(&wire)
        .arg(&bad)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(article(&json, &wire).is_some(), "{json}");
    (json, bad, dir)
}

/// The report's article read from `path` (the report lists articles in path order).
fn article<'a>(json: &'a serde_json::Value, path: &Path) -> Option<&'a serde_json::Value> {
    let path = path.display().to_string();
    json["articles"]
        .as_array()?
        .iter()
        .find(|a| a["path"] == path.as_str())
}

/// The only error of a report that compared the wire copy alone.
fn only_error(json: &serde_json::Value) -> &str {
    assert_eq!(json["articles"].as_array().unwrap().len(), 1, "{json}");
    json["errors"][0]["message"].as_str().unwrap()
}

/// The row is refused: one error naming the file and giving the row's reason, the wire copy
/// compared.
fn refused(name: &str) {
    let row = bad_input::row(name);
    let (json, bad, _dir) = report_with(name, |p| bad_input::make(&row, p));
    let message = only_error(&json);
    assert!(message.contains(row.reason.unwrap()), "{message}");
    assert!(message.ends_with(&bad.display().to_string()), "{message}");
}

/// The row loads: two articles, no error, and the second holds the row's words.
fn loads(name: &str) {
    let row = bad_input::row(name);
    let (json, bad, _dir) = report_with(name, |p| bad_input::make(&row, p));
    assert!(json["errors"].as_array().unwrap().is_empty(), "{json}");
    let paragraphs = article(&json, &bad).unwrap()["paragraphs"].to_string();
    assert!(paragraphs.contains(row.holds), "{paragraphs}");
}

#[test]
fn bad_input_empty() {
    refused("empty.txt");
}

#[test]
fn bad_input_random_bytes_named_txt() {
    refused("noise.txt");
}

#[test]
fn bad_input_png_named_txt() {
    refused("photo.txt");
}

#[test]
fn bad_input_gzip_named_html() {
    refused("page.html");
}

#[test]
fn bad_input_elf_executable_named_txt() {
    refused("tool.txt");
}

#[test]
fn bad_input_directory() {
    refused("folder");
}

#[test]
fn bad_input_missing() {
    refused("missing.html");
}

#[test]
fn bad_input_malformed_json() {
    refused("story.json");
}

#[test]
fn bad_input_json_of_the_wrong_shape() {
    refused("weather.json");
}

#[test]
fn bad_input_html_with_no_article() {
    refused("menu.html");
}

#[test]
fn bad_input_a_file_over_the_size_limit() {
    refused("huge.txt");
}

#[test]
fn bad_input_a_paragraph_over_the_length_limit() {
    refused("endless.txt");
}

#[test]
fn bad_input_unreadable() {
    if bad_input::reads_everything() {
        eprintln!("skipping: this process reads files whatever their permissions (root)");
        return;
    }
    refused("locked.txt");
}

#[test]
fn loads_text_with_control_characters() {
    loads("controls.txt");
}

#[test]
fn loads_invalid_utf8_inside_utf8_text() {
    loads("broken.txt");
}

#[test]
fn loads_utf16_with_and_without_bom() {
    loads("bom.txt");
    loads("nobom.txt");
}

#[test]
fn loads_windows_1252() {
    loads("legacy.txt");
}

/// A big row compared with the wire copy: the text report succeeds, names both files and
/// reports no error.
fn compares_big(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let wire = inputs(dir.path()).remove(0);
    let big = dir.path().join(name);
    std::fs::write(&big, bytes).unwrap();
    let out = storydiff()
        .args(["report", "--format", "text"])
        .arg(&wire)
        .arg(&big)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(name), "the report names {name}");
    assert!(!text.contains("Not loaded:"), "a load error in the report");
}

#[test]
#[ignore = "minutes in a debug build: CI runs it with `cargo test --release --test reliability -- --ignored`"]
fn a_single_10_mb_line_is_compared() {
    compares_big("line.txt", &bad_input::one_long_line());
}

#[test]
#[ignore = "minutes in a debug build: CI runs it with `cargo test --release --test reliability -- --ignored`"]
fn a_hundred_thousand_short_paragraphs_are_compared() {
    compares_big("paragraphs.txt", &bad_input::many_paragraphs());
}
