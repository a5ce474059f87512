//! Saved comparisons: a `.storydiff` file names the compared files, the options, what the
//! view shows and the user's corrections, so a comparison opens again as it was left.
//!
//! # The format (version 1)
//!
//! UTF-8 JSON, pretty-printed:
//!
//! ```json
//! {
//!   "format": "storydiff-comparison",
//!   "version": 1,
//!   "files": [
//!     { "path": "wire.txt", "absolute": "/home/me/story/wire.txt" },
//!     { "path": "../pages/republished.html", "absolute": "/home/me/pages/republished.html" }
//!   ],
//!   "options": { "reference": 0, "ignore_case": false, "ignore_punctuation": false,
//!                "ignore_quotes": true, "ignore_whitespace": false, "granularity": "word" },
//!   "view": { "only_changes": false, "hide_boilerplate": false, "hidden_kinds": ["boilerplate"] },
//!   "overrides": [
//!     { "action": "unlink", "article": { "file": 1, "part": 0 }, "paragraph": 3 }
//!   ]
//! }
//! ```
//!
//! - `format` must be `storydiff-comparison`; a file without it is refused
//!   ([`SessionError::NotAComparison`]). `version` is the format version: a file of a newer
//!   version than [`VERSION`] is refused ([`SessionError::NewerVersion`]); a missing one is
//!   read as 1.
//! - `files`, in the order compared: `path` relative to the folder holding the `.storydiff`
//!   file (`..` allowed; empty when there is no relative path, e.g. another drive), and
//!   `absolute`, the file's canonical path when saved. Opening tries `path` first (so a
//!   folder moved as a whole still opens), then `absolute`.
//! - `options`: [`CompareOptions`], including the reference (an index among the loaded
//!   articles).
//! - `view`: [`SavedView`]; `hidden_kinds` are [`FindingKind`] names as in the JSON report.
//! - `overrides`: [`Override`]s in the order applied; each names its article by file index
//!   (into `files`) and article within the file.
//!
//! Every field may be missing (its default is used) and unknown fields are ignored, so
//! later versions can add fields. An override or hidden kind this version does not know is
//! skipped.
//!
//! # Missing files
//!
//! Overrides name files by their index in `files`, so [`OpenedComparison::files`] keeps one
//! entry per saved file, in order, even for a file that is gone: its best-guess path (the
//! relative one when saved, else the absolute one). Comparing those paths with
//! [`crate::compare_files_with`] reports the missing file as a load failure, and every other
//! file keeps its index. The missing files are also named in [`OpenedComparison::missing`].

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{SaveError, SessionError};
use crate::model::{CompareOptions, FindingKind, Override};

/// The `format` value of a saved comparison.
pub const FORMAT: &str = "storydiff-comparison";
/// The newest format version this build writes and reads.
pub const VERSION: u32 = 1;
/// The file extension of saved comparisons (without the dot).
pub const EXTENSION: &str = "storydiff";

/// One compared file as saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedFile {
    /// Relative to the folder of the `.storydiff` file; empty when there is none.
    pub path: String,
    /// The file's canonical (or, when it does not exist, absolute) path.
    pub absolute: String,
}

/// What the view showed, as the window restores it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedView {
    /// Only rows with a difference are shown.
    pub only_changes: bool,
    /// Boilerplate paragraphs are hidden.
    pub hide_boilerplate: bool,
    /// Finding kinds whose findings are not shown.
    pub hidden_kinds: Vec<FindingKind>,
}

/// A saved comparison: what a `.storydiff` file holds (see the module docs for the format).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedComparison {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version, [`VERSION`] when written by this build.
    pub version: u32,
    /// The compared files, in order.
    pub files: Vec<SavedFile>,
    /// The options, including the reference.
    pub options: CompareOptions,
    /// What the view showed.
    pub view: SavedView,
    /// The user's corrections, in the order applied.
    pub overrides: Vec<Override>,
}

impl Default for SavedComparison {
    fn default() -> Self {
        Self {
            format: FORMAT.to_string(),
            version: VERSION,
            files: Vec::new(),
            options: CompareOptions::default(),
            view: SavedView::default(),
            overrides: Vec::new(),
        }
    }
}

/// A saved comparison opened from disk, with its files found.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedComparison {
    /// What the file holds.
    pub saved: SavedComparison,
    /// One path per saved file, in the saved order: where the file was found, or for a
    /// missing file the best guess (see "Missing files" in the module docs).
    pub files: Vec<PathBuf>,
    /// One plain-words message per missing file ("file 2 of the comparison was moved or
    /// deleted: PATH").
    pub missing: Vec<String>,
}

impl SavedComparison {
    /// A comparison of `files` (paths as the user gave them) to be saved. The relative
    /// paths are worked out by [`SavedComparison::save`], from the folder saved to.
    #[must_use]
    pub fn new(
        files: &[PathBuf],
        options: CompareOptions,
        view: SavedView,
        overrides: Vec<Override>,
    ) -> Self {
        let files = files
            .iter()
            .map(|f| {
                let absolute = absolute(f);
                SavedFile {
                    path: absolute.to_string_lossy().into_owned(),
                    absolute: absolute.to_string_lossy().into_owned(),
                }
            })
            .collect();
        Self {
            files,
            options,
            view,
            overrides,
            ..Self::default()
        }
    }

    /// Writes the comparison to `to` as a `.storydiff` file (the extension is not added),
    /// each file's `path` relative to `to`'s folder. Refuses when `to` is one of `inputs`
    /// (the compared files) or names the same file through another path.
    ///
    /// # Errors
    /// [`SaveError::ComparisonOverInput`] for an input; [`SaveError::WriteComparison`] when
    /// the file cannot be written or a path is not valid UTF-8.
    pub fn save(&self, to: &Path, inputs: &[PathBuf]) -> Result<(), SaveError> {
        if inputs
            .iter()
            .any(|input| crate::report::same_file(input, to))
        {
            return Err(SaveError::ComparisonOverInput(to.to_path_buf()));
        }
        let fail = |reason: String| SaveError::WriteComparison {
            path: to.to_path_buf(),
            reason,
        };
        let folder = absolute(&folder_of(to));
        let mut out = self.clone();
        out.format = FORMAT.to_string();
        out.version = VERSION;
        for file in &mut out.files {
            let abs = if file.absolute.is_empty() {
                absolute(Path::new(&file.path))
            } else {
                absolute(Path::new(&file.absolute))
            };
            let Some(abs_text) = abs.to_str() else {
                return Err(fail(format!(
                    "a file name is not valid UTF-8: {}",
                    abs.display()
                )));
            };
            file.absolute = abs_text.to_string();
            file.path = relative(&folder, &abs)
                .and_then(|r| r.to_str().map(str::to_string))
                .unwrap_or_default();
        }
        let mut text = serde_json::to_string_pretty(&out).map_err(|e| fail(e.to_string()))?;
        text.push('\n');
        std::fs::write(to, text).map_err(|e| fail(e.to_string()))
    }

    /// Opens a `.storydiff` file and finds its files (relative to the file's folder first,
    /// else at their absolute path).
    ///
    /// # Errors
    /// A [`SessionError`] when the file cannot be read, is not JSON, is not a saved
    /// comparison, is of a newer version or has an unreadable part; a missing compared file
    /// is no error (see [`OpenedComparison::missing`]).
    pub fn load(path: &Path) -> Result<OpenedComparison, SessionError> {
        let bytes = std::fs::read(path).map_err(|source| SessionError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let saved = Self::parse(&bytes, path)?;
        let folder = absolute(&folder_of(path));
        let mut files = Vec::with_capacity(saved.files.len());
        let mut missing = Vec::new();
        for (i, file) in saved.files.iter().enumerate() {
            let relative = (!file.path.is_empty()).then(|| lexical(&folder.join(&file.path)));
            let absolute = (!file.absolute.is_empty()).then(|| PathBuf::from(&file.absolute));
            let found = relative
                .iter()
                .chain(absolute.iter())
                .find(|p| p.is_file())
                .cloned();
            if let Some(p) = found {
                files.push(p);
            } else {
                let guess = relative
                    .clone()
                    .or_else(|| absolute.clone())
                    .unwrap_or_default();
                let shown = absolute.unwrap_or_else(|| guess.clone());
                missing.push(format!(
                    "file {} of the comparison was moved or deleted: {}",
                    i + 1,
                    shown.display()
                ));
                files.push(guess);
            }
        }
        Ok(OpenedComparison {
            saved,
            files,
            missing,
        })
    }

    /// Reads a saved comparison from its bytes, as [`SavedComparison::load`] does once it
    /// has read the file, without looking for the compared files; `path` names the file in
    /// errors. The fuzz targets (`fuzz/`) call this with arbitrary bytes.
    ///
    /// # Errors
    /// A [`SessionError`] when the bytes are not JSON, not a saved comparison, of a newer
    /// version or have an unreadable part.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<SavedComparison, SessionError> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| SessionError::NotJson {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                reason: reason_of(&e),
            })?;
        if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
            return Err(SessionError::NotAComparison(path.to_path_buf()));
        }
        let version = match value.get("version") {
            None => 1,
            Some(v) => v.as_u64().ok_or_else(|| SessionError::Malformed {
                reason: "the version is not a whole number".to_string(),
                path: path.to_path_buf(),
            })?,
        };
        if version > u64::from(VERSION) {
            return Err(SessionError::NewerVersion {
                found: version,
                supported: VERSION,
                path: path.to_path_buf(),
            });
        }
        from_value(&value, path)
    }
}

/// True when the path names a saved comparison by its extension (`.storydiff`, any case).
#[must_use]
pub fn is_saved_comparison(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// The parts of a saved comparison read one by one: unknown fields ignored, a missing part
/// defaulted, an override or hidden kind this version does not know skipped.
fn from_value(value: &serde_json::Value, path: &Path) -> Result<SavedComparison, SessionError> {
    let part = |name: &str| value.get(name).filter(|v| !v.is_null());
    let damaged = |what: &str, e: &serde_json::Error| SessionError::Malformed {
        reason: format!("{what}: {e}"),
        path: path.to_path_buf(),
    };
    let files: Vec<SavedFile> = match part("files") {
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| damaged("the file list", &e))?,
        None => Vec::new(),
    };
    let options: CompareOptions = match part("options") {
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| damaged("the options", &e))?,
        None => CompareOptions::default(),
    };
    let mut view = SavedView::default();
    if let Some(v) = part("view") {
        let flag = |name: &str| v.get(name).and_then(serde_json::Value::as_bool);
        view.only_changes = flag("only_changes").unwrap_or(false);
        view.hide_boilerplate = flag("hide_boilerplate").unwrap_or(false);
        view.hidden_kinds = v
            .get("hidden_kinds")
            .and_then(serde_json::Value::as_array)
            .map(|kinds| {
                kinds
                    .iter()
                    .filter_map(|k| serde_json::from_value(k.clone()).ok())
                    .collect()
            })
            .unwrap_or_default();
    }
    let overrides = part("overrides")
        .and_then(serde_json::Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|o| serde_json::from_value(o.clone()).ok())
                .collect()
        })
        .unwrap_or_default();
    Ok(SavedComparison {
        format: FORMAT.to_string(),
        version: VERSION,
        files,
        options,
        view,
        overrides,
    })
}

/// The parser's reason without its " at line L column C" tail (the message gives them).
fn reason_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// The folder holding `path` ("." for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The canonical path when the file exists, else the absolute path with `.` and `..`
/// resolved lexically.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
    })
}

/// `path` with `.` dropped and `..` taking off the component before it (no file system look-up).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The path of `target` relative to the folder `base` (both absolute), with `..` where it
/// climbs; `None` when they share no root (another drive).
fn relative(base: &Path, target: &Path) -> Option<PathBuf> {
    let base: Vec<Component<'_>> = base.components().collect();
    let target: Vec<Component<'_>> = target.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let rooted = |c: &[Component<'_>]| {
        c.first()
            .is_some_and(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    };
    if common == 0 && (rooted(&base) || rooted(&target)) {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for c in target.get(common..).unwrap_or(&[]) {
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_with_dots() {
        let base = Path::new("/home/me/story");
        assert_eq!(
            relative(base, Path::new("/home/me/story/wire.txt")).unwrap(),
            Path::new("wire.txt")
        );
        assert_eq!(
            relative(base, Path::new("/home/me/pages/a.html")).unwrap(),
            Path::new("../pages/a.html")
        );
        assert_eq!(
            relative(base, Path::new("/etc/x")).unwrap(),
            Path::new("../../../etc/x")
        );
        assert_eq!(lexical(Path::new("/a/b/../c/./d")), Path::new("/a/c/d"));
    }

    #[test]
    fn unknown_fields_and_kinds_are_ignored_and_missing_parts_defaulted() {
        let value = serde_json::json!({
            "format": FORMAT,
            "files": [{ "path": "a.txt", "extra": 1 }],
            "view": { "hidden_kinds": ["boilerplate", "a_kind_from_the_future"] },
            "overrides": [
                { "action": "unlink", "article": { "file": 0, "part": 0 }, "paragraph": 2 },
                { "action": "recolour", "article": { "file": 0, "part": 0 } }
            ],
            "colour": "blue"
        });
        let saved = from_value(&value, Path::new("x.storydiff")).unwrap();
        assert_eq!(saved.files.len(), 1);
        assert_eq!(saved.files[0].path, "a.txt");
        assert_eq!(saved.options, CompareOptions::default());
        assert_eq!(saved.view.hidden_kinds, [FindingKind::Boilerplate]);
        assert_eq!(saved.overrides.len(), 1);
    }
}
