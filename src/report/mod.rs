//! Reports of a finished [`crate::model::Comparison`]: stable JSON, a terminal summary and a
//! self-contained HTML page, and saving any of them to a file without ever writing over an input.

pub mod html;
pub mod json;
pub mod text;

use std::path::{Path, PathBuf};

use crate::error::SaveError;
use crate::model::Comparison;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// `storydiff-report/1` JSON ([`json::to_json`]).
    Json,
    /// The terminal summary ([`text::to_text`]).
    Text,
    /// One self-contained HTML page ([`html::to_html`]).
    Html,
}

impl ReportFormat {
    /// The format a file name asks for: JSON when it ends in `.json`, HTML when it ends in
    /// `.html` or `.htm`, text otherwise.
    #[must_use]
    pub fn for_path(path: &Path) -> Self {
        let ext = path.extension();
        let is = |name: &str| ext.is_some_and(|e| e.eq_ignore_ascii_case(name));
        if is("json") {
            Self::Json
        } else if is("html") || is("htm") {
            Self::Html
        } else {
            Self::Text
        }
    }

    /// The report of `comparison` in this format.
    #[must_use]
    pub fn render(self, comparison: &Comparison) -> String {
        match self {
            Self::Json => json::to_json(comparison),
            Self::Text => text::to_text(comparison),
            Self::Html => html::to_html(comparison),
        }
    }

    /// The format's name as users see it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Json => "JSON",
            Self::Text => "text",
            Self::Html => "HTML",
        }
    }
}

/// Writes the report of `comparison` to `path`, refusing when `path` is one of `inputs` (the
/// files compared, loaded or not) or names the same file through another path.
///
/// # Errors
/// [`SaveError::WouldOverwriteInput`] for an input; [`SaveError::Write`] when the file
/// cannot be written.
pub fn save(
    comparison: &Comparison,
    format: ReportFormat,
    path: &Path,
    inputs: &[PathBuf],
) -> Result<(), SaveError> {
    if inputs.iter().any(|input| same_file(input, path)) {
        return Err(SaveError::WouldOverwriteInput(path.to_path_buf()));
    }
    std::fs::write(path, format.render(comparison)).map_err(|source| SaveError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// True when both paths name one existing file (or, when either is missing, are equal).
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::model::{Article, CompareOptions};

    fn comparison(path: &Path) -> Comparison {
        let article = Article::from_texts(
            path.display().to_string(),
            ["The harbour council approved the new budget on Tuesday."],
        );
        compare(
            vec![article.clone(), article],
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        )
    }

    #[test]
    fn format_follows_the_file_name() {
        assert_eq!(
            ReportFormat::for_path(Path::new("r.JSON")),
            ReportFormat::Json
        );
        assert_eq!(
            ReportFormat::for_path(Path::new("r.txt")),
            ReportFormat::Text
        );
        assert_eq!(
            ReportFormat::for_path(Path::new("report")),
            ReportFormat::Text
        );
        assert_eq!(
            ReportFormat::for_path(Path::new("r.html")),
            ReportFormat::Html
        );
        assert_eq!(
            ReportFormat::for_path(Path::new("out/R.HTM")),
            ReportFormat::Html
        );
        assert_eq!(
            ReportFormat::for_path(Path::new("r.html.txt")),
            ReportFormat::Text
        );
        assert_eq!(ReportFormat::Html.label(), "HTML");
    }

    #[test]
    fn saves_and_never_writes_over_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("wire.txt");
        std::fs::write(
            &input,
            "The harbour council approved the new budget on Tuesday.",
        )
        .unwrap();
        let c = comparison(&input);
        let out = dir.path().join("report.json");
        save(&c, ReportFormat::Json, &out, std::slice::from_ref(&input)).unwrap();
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(
            written.contains("\"schema\": \"storydiff-report/1\""),
            "{written}"
        );
        // The input, also through a path with a detour, is refused and left as it was.
        let detour = dir.path().join(".").join("wire.txt");
        let err = save(
            &c,
            ReportFormat::Text,
            &detour,
            std::slice::from_ref(&input),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("refusing to overwrite an input"),
            "{err}"
        );
        assert!(err.to_string().ends_with("wire.txt"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&input).unwrap(),
            "The harbour council approved the new budget on Tuesday."
        );
        // A folder that does not exist: a plain reason, path last.
        let missing = dir.path().join("no-such-folder").join("r.txt");
        let err = save(&c, ReportFormat::Text, &missing, &[input]).unwrap_err();
        assert!(
            err.to_string().starts_with("could not write the report"),
            "{err}"
        );
        assert!(err.to_string().ends_with("r.txt"), "{err}");
    }
}
