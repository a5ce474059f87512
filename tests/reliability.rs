//! Inputs are never written to, and nothing is fetched from the network: a full command-line
//! run and a full use of the window (open, change options, export HTML and JSON, save and
//! reopen a comparison) leave every input byte-identical with its modification time, and an
//! HTML page whose resources all point at a port we listen on opens without one connection.

#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use assert_cmd::Command;

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
