//! Saved comparisons (`.storydiff`): round trips, moved folders, missing files, bad files.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, missing_docs)]

use std::path::{Path, PathBuf};

use storydiff::error::{SaveError, SessionError};
use storydiff::model::{ArticleRef, CompareOptions, FindingKind, Granularity, Override};
use storydiff::session::{FORMAT, SavedComparison, SavedView};

const WIRE: &str = "The harbour council approved a new dredging budget on Tuesday.\n\nFishermen had warned for years that silt was closing the channel.\n";
const COPY: &str = "The harbour council approved a new dredging budget on Tuesday.\n\nFishermen warned for years that silt was closing the channel.\n";
const PAGE: &str = "<html><body><article><p>The harbour council approved a new dredging budget on Tuesday.</p></article></body></html>\n";

/// A story folder: `root/story/{wire.txt,copy.txt}` and `root/pages/page.html`.
fn story(root: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(root.join("story")).unwrap();
    std::fs::create_dir_all(root.join("pages")).unwrap();
    let files = vec![
        root.join("story/wire.txt"),
        root.join("story/copy.txt"),
        root.join("pages/page.html"),
    ];
    for (f, text) in files.iter().zip([WIRE, COPY, PAGE]) {
        std::fs::write(f, text).unwrap();
    }
    files
}

fn saved(files: &[PathBuf]) -> SavedComparison {
    let options = CompareOptions {
        reference: 1,
        ignore_case: true,
        granularity: Granularity::Char,
        ..CompareOptions::default()
    };
    let view = SavedView {
        only_changes: true,
        hide_boilerplate: false,
        hidden_kinds: vec![FindingKind::Boilerplate, FindingKind::SpellingVariant],
    };
    let overrides = vec![
        Override::Unlink {
            article: ArticleRef { file: 1, part: 0 },
            paragraph: 1,
        },
        Override::Furniture {
            article: ArticleRef { file: 2, part: 0 },
            paragraph: 0,
            furniture: false,
        },
        Override::SameStory {
            article: ArticleRef { file: 2, part: 0 },
        },
    ];
    SavedComparison::new(files, options, view, overrides)
}

fn bytes(files: &[PathBuf]) -> Vec<Vec<u8>> {
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

#[test]
fn save_then_load_gives_the_same_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let files = story(dir.path());
    let before = bytes(&files);
    let s = saved(&files);
    let to = dir.path().join("story/strike.storydiff");
    s.save(&to, &files).unwrap();
    let text = std::fs::read_to_string(&to).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], FORMAT);
    assert_eq!(json["version"], 1);
    assert_eq!(json["files"][0]["path"], "wire.txt");
    assert_eq!(json["files"][2]["path"], "../pages/page.html");
    assert!(Path::new(json["files"][2]["absolute"].as_str().unwrap()).is_absolute());
    assert_eq!(json["overrides"][0]["action"], "unlink");
    let opened = SavedComparison::load(&to).unwrap();
    assert!(opened.missing.is_empty(), "{:?}", opened.missing);
    let canonical: Vec<PathBuf> = files.iter().map(|f| f.canonicalize().unwrap()).collect();
    assert_eq!(opened.files, canonical);
    assert_eq!(opened.saved.options, s.options);
    assert_eq!(opened.saved.view, s.view);
    assert_eq!(opened.saved.overrides, s.overrides);
    // Saving what was opened writes the same file again.
    opened.saved.save(&to, &opened.files).unwrap();
    assert_eq!(std::fs::read_to_string(&to).unwrap(), text);
    assert_eq!(bytes(&files), before, "no input was written to");
}

#[test]
fn a_folder_moved_as_a_whole_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let files = story(&dir.path().join("old"));
    let to = dir.path().join("old/story/strike.storydiff");
    saved(&files).save(&to, &files).unwrap();
    // Copy the files and the .storydiff file elsewhere, then remove the originals.
    let new = dir.path().join("new");
    let moved = story(&new);
    std::fs::copy(&to, new.join("story/strike.storydiff")).unwrap();
    std::fs::remove_dir_all(dir.path().join("old")).unwrap();
    let opened = SavedComparison::load(&new.join("story/strike.storydiff")).unwrap();
    assert!(opened.missing.is_empty(), "{:?}", opened.missing);
    let canonical: Vec<PathBuf> = moved.iter().map(|f| f.canonicalize().unwrap()).collect();
    assert_eq!(opened.files, canonical);
}

#[test]
fn the_absolute_path_is_the_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let files = story(&dir.path().join("data"));
    let to = dir.path().join("saved/strike.storydiff");
    std::fs::create_dir_all(dir.path().join("saved")).unwrap();
    saved(&files).save(&to, &files).unwrap();
    // Only the .storydiff file moves: the relative paths lead nowhere, the absolute ones work.
    let elsewhere = dir.path().join("elsewhere/deeper");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::rename(&to, elsewhere.join("strike.storydiff")).unwrap();
    let opened = SavedComparison::load(&elsewhere.join("strike.storydiff")).unwrap();
    assert!(opened.missing.is_empty(), "{:?}", opened.missing);
    assert_eq!(opened.files[0], files[0].canonicalize().unwrap());
}

#[test]
fn a_deleted_file_is_named_and_the_rest_opens() {
    let dir = tempfile::tempdir().unwrap();
    let files = story(dir.path());
    let to = dir.path().join("strike.storydiff");
    saved(&files).save(&to, &files).unwrap();
    std::fs::remove_file(&files[1]).unwrap();
    let opened = SavedComparison::load(&to).unwrap();
    assert_eq!(opened.missing.len(), 1);
    let message = &opened.missing[0];
    assert!(
        message.starts_with("file 2 of the comparison was moved or deleted: "),
        "{message}"
    );
    assert!(message.ends_with("copy.txt"), "path last: {message}");
    // Indices are kept: three paths, the missing one where it was.
    assert_eq!(opened.files.len(), 3);
    assert!(opened.files[1].ends_with("story/copy.txt"));
    assert!(opened.files[0].is_file() && opened.files[2].is_file());
    // Comparing them reports the missing file and keeps the others' sources.
    let c = storydiff::compare_files_with(
        &opened.files,
        &opened.saved.options,
        &opened.saved.overrides,
        &mut |_| {},
    );
    assert_eq!(c.errors.len(), 1);
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.articles[1].source, ArticleRef { file: 2, part: 0 });
}

#[test]
fn corrupt_foreign_and_future_files_are_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let check = |name: &str, content: &str, start: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let err = SavedComparison::load(&path).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with(start), "{text}");
        assert!(text.ends_with(name), "path last: {text}");
        err
    };
    let e = check(
        "broken.storydiff",
        "{ \"format\": \"storydiff-comp",
        "not a saved comparison: the file is not JSON (line 1",
    );
    assert!(matches!(e, SessionError::NotJson { .. }));
    let e = check(
        "report.storydiff",
        "{ \"schema\": \"storydiff-report/1\" }",
        "not a saved storydiff comparison",
    );
    assert!(matches!(e, SessionError::NotAComparison(_)));
    let e = check(
        "future.storydiff",
        "{ \"format\": \"storydiff-comparison\", \"version\": 7, \"files\": [] }",
        "saved by a newer storydiff (format version 7; this version reads up to 1)",
    );
    assert!(matches!(e, SessionError::NewerVersion { found: 7, .. }));
    let e = check(
        "damaged.storydiff",
        "{ \"format\": \"storydiff-comparison\", \"files\": \"wire.txt\" }",
        "the saved comparison is damaged (the file list",
    );
    assert!(matches!(e, SessionError::Malformed { .. }));
    let missing = dir.path().join("nowhere.storydiff");
    let err = SavedComparison::load(&missing).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("could not read the saved comparison"),
        "{err}"
    );
    assert!(err.to_string().ends_with("nowhere.storydiff"), "{err}");
}

#[test]
fn saving_over_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = story(dir.path());
    let before = bytes(&files);
    let detour = dir.path().join("story/./wire.txt");
    let err = saved(&files).save(&detour, &files).unwrap_err();
    assert!(matches!(err, SaveError::ComparisonOverInput(_)));
    assert!(
        err.to_string()
            .starts_with("refusing to overwrite an input file"),
        "{err}"
    );
    assert!(err.to_string().ends_with("wire.txt"), "{err}");
    let err = saved(&files)
        .save(&dir.path().join("no/such/folder/x.storydiff"), &files)
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("could not write the saved comparison"),
        "{err}"
    );
    assert!(err.to_string().ends_with("x.storydiff"), "{err}");
    assert_eq!(bytes(&files), before);
}
