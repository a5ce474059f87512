//! Loading articles from files: one module per format, plus encoding detection.
//!
//! Entry point: [`load_path`]. Every article keeps its display text exactly as in the
//! file (after decoding): paragraphs are trimmed at their ends only, and hard-wrapped
//! lines of plain text are joined with a space.

pub mod encoding;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sniff;
pub mod txt;

use std::path::Path;

use crate::error::LoadError;
use crate::model::{Article, Format, Paragraph};

/// Loads one file as one or more articles (a JSON array or JSON Lines file may hold several).
///
/// The format comes from the extension (`.txt`, `.md`, `.html`/`.htm`, `.json`/`.jsonl`);
/// any other file is sniffed: HTML if it looks like markup, JSON if it parses as JSON,
/// else plain text.
///
/// # Errors
/// A [`LoadError`] naming the file and the reason: not found, a directory, permission
/// denied, binary, empty, no article text in a page, malformed JSON.
pub fn load_path(path: &Path) -> Result<Vec<Article>, LoadError> {
    let bytes = read(path)?;
    let by_extension = sniff::format_from_extension(path);
    let first = encoding::decode(&bytes, None).map_err(|_| LoadError::Binary(path.into()))?;
    if first.text.trim().is_empty() {
        return Err(LoadError::Empty(path.into()));
    }
    let format = by_extension.unwrap_or_else(|| sniff::sniff_format(&first.text));
    let decoded = if format == Format::Html {
        match encoding::html_declared_charset(&bytes) {
            Some(declared) => encoding::decode(&bytes, Some(declared))
                .map_err(|_| LoadError::Binary(path.into()))?,
            None => first,
        }
    } else {
        first
    };
    let base = Article {
        path: path.display().to_string(),
        title: file_name(path),
        outlet: None,
        author: None,
        date: None,
        format,
        encoding: decoded.encoding.to_string(),
        paragraphs: Vec::new(),
    };
    match format {
        Format::Txt | Format::Md => {
            let parts = if format == Format::Md {
                markdown::parse(&decoded.text)
            } else {
                txt::parse(&decoded.text)
            };
            if parts.paragraphs.is_empty() {
                return Err(LoadError::Empty(path.into()));
            }
            Ok(vec![Article {
                title: parts.title.unwrap_or(base.title.clone()),
                paragraphs: to_paragraphs(parts.paragraphs),
                ..base
            }])
        }
        Format::Html => {
            let page = html::extract(&decoded.text)
                .ok_or_else(|| LoadError::NoArticleText(path.into()))?;
            Ok(vec![Article {
                title: page.title.unwrap_or(base.title.clone()),
                outlet: page.outlet,
                author: page.author,
                date: page.date,
                paragraphs: to_paragraphs(page.paragraphs),
                ..base
            }])
        }
        Format::Json => {
            let articles = json::parse(&decoded.text).map_err(|e| match e {
                json::JsonError::Malformed {
                    line,
                    column,
                    reason,
                } => LoadError::MalformedJson {
                    path: path.into(),
                    line,
                    column,
                    reason,
                },
                json::JsonError::NoArticle => LoadError::NoArticleInJson(path.into()),
            })?;
            Ok(articles
                .into_iter()
                .map(|a| Article {
                    path: a
                        .index
                        .map_or_else(|| base.path.clone(), |n| format!("{}#{n}", base.path)),
                    title: a.title.unwrap_or_else(|| base.title.clone()),
                    outlet: a.outlet,
                    author: a.author,
                    date: a.date,
                    paragraphs: to_paragraphs(a.paragraphs),
                    ..base.clone()
                })
                .collect())
        }
    }
}

/// Reads the file's bytes, turning I/O failures into plain-words errors.
fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(LoadError::IsDirectory(path.into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::NotFound(path.into()));
        }
        _ => {}
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.into()),
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied(path.into()),
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory(path.into()),
        _ => LoadError::Io {
            path: path.into(),
            source: e,
        },
    })
}

/// The file name, used as the title when the file has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn to_paragraphs(texts: Vec<String>) -> Vec<Paragraph> {
    texts.into_iter().map(|text| Paragraph { text }).collect()
}
