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
    let articles = load_bytes(path, &read(path)?)?;
    within_paragraph_limit(path, articles, MAX_PARAGRAPH_BYTES)
}

/// The articles, or [`LoadError::ParagraphTooLarge`] when one paragraph is longer than
/// `limit` bytes.
fn within_paragraph_limit(
    path: &Path,
    articles: Vec<Article>,
    limit: usize,
) -> Result<Vec<Article>, LoadError> {
    let longest = articles
        .iter()
        .flat_map(|a| &a.paragraphs)
        .map(|p| p.text.len())
        .max()
        .unwrap_or(0);
    if longest > limit {
        return Err(LoadError::ParagraphTooLarge {
            size: plain_size(longest as u64),
            limit: plain_size(limit as u64),
            path: path.into(),
        });
    }
    Ok(articles)
}

/// The text an article holds, in bytes (what [`MAX_TOTAL_BYTES`] counts).
#[must_use]
pub fn text_bytes(articles: &[Article]) -> u64 {
    articles
        .iter()
        .flat_map(|a| &a.paragraphs)
        .map(|p| p.text.len() as u64)
        .sum()
}

/// A size in plain words: "100 MB" from a million bytes up, else "2,400 bytes".
#[must_use]
pub fn plain_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", bytes.div_ceil(1_000_000))
    } else {
        let digits = bytes.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        format!("{out} bytes")
    }
}

/// Loads a file's bytes as [`load_path`] does once it has read them: `path` gives the
/// format by its extension and names the file in errors; nothing is read from it. The
/// fuzz targets (`fuzz/`) call this with arbitrary bytes.
///
/// # Errors
/// A [`LoadError`] naming `path` and the reason: binary, empty, no article text in a
/// page, malformed JSON.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Article>, LoadError> {
    let by_extension = sniff::format_from_extension(path);
    let binary = |e: encoding::NotText| LoadError::Binary {
        what: e.what(),
        path: path.into(),
    };
    let first = encoding::decode(bytes, None).map_err(binary)?;
    if first.text.trim().is_empty() {
        return Err(LoadError::Empty(path.into()));
    }
    let format = by_extension.unwrap_or_else(|| sniff::sniff_format(&first.text));
    let decoded = if format == Format::Html {
        match encoding::html_declared_charset(bytes) {
            Some(declared) => encoding::decode(bytes, Some(declared)).map_err(binary)?,
            None => first,
        }
    } else {
        first
    };
    let base = Article {
        source: crate::model::ArticleRef::default(),
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

/// The largest file storydiff opens, in bytes (50 MB). A comparison needs about 45 bytes of
/// memory per input byte at its peak (`bench/window_memory.sh`, the README's Reliability
/// section), so this keeps one file's comparison near 2 GB; larger files are refused with
/// this limit in the message.
pub const MAX_FILE_BYTES: u64 = 50_000_000;

/// The longest paragraph storydiff compares, in bytes of text (20 MB): one paragraph is
/// one cell, diffed and scanned as a whole, so a file that is one endless line is refused
/// above this with the limit in the message.
pub const MAX_PARAGRAPH_BYTES: usize = 20_000_000;

/// The most text one comparison holds, all its articles together, in bytes (100 MB: near
/// 5 GB at the peak). A file that would take the articles past it is refused with the limit
/// in the message; the files before it are compared.
pub const MAX_TOTAL_BYTES: u64 = 100_000_000;

fn too_large(path: &Path, size: u64) -> LoadError {
    LoadError::TooLarge {
        size: size.div_ceil(1_000_000),
        limit: MAX_FILE_BYTES / 1_000_000,
        path: path.into(),
    }
}

/// Reads the file's bytes, turning I/O failures into plain-words errors.
fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(LoadError::IsDirectory(path.into())),
        Ok(meta) if meta.len() > MAX_FILE_BYTES => return Err(too_large(path, meta.len())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::NotFound(path.into()));
        }
        _ => {}
    }
    // Read at most one byte past the limit: a file that grew (or a pipe) is refused too.
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| {
        use std::io::Read as _;
        f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
    });
    if read.is_ok() && bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    read.map(|_| bytes).map_err(|e| match e.kind() {
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

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_the_limit_and_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        // 200 MB without writing them: a sparse file.
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(200_000_000).unwrap();
        let message = load_path(&path).unwrap_err().to_string();
        assert_eq!(
            message,
            format!(
                "file too large (200 MB; storydiff opens files of up to 50 MB): {}",
                path.display()
            )
        );
        // Exactly at the limit the file is read (and then judged by its bytes, not its size).
        f.set_len(MAX_FILE_BYTES).unwrap();
        assert!(!matches!(load_path(&path), Err(LoadError::TooLarge { .. })));
    }

    #[test]
    fn a_paragraph_over_the_limit_is_refused_with_the_limit_and_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "line.txt",
            b"A short opening paragraph.\n\nA longer second paragraph of the articles.\n",
        );
        let articles = load_path(&p).unwrap();
        // The longest paragraph is 42 bytes: at the limit it loads, one byte under it is refused.
        assert!(within_paragraph_limit(&p, articles.clone(), 42).is_ok());
        let message = within_paragraph_limit(&p, articles, 41)
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            format!(
                "a paragraph too long (42 bytes in one paragraph; storydiff compares paragraphs of up to 41 bytes): {}",
                p.display()
            )
        );
    }

    #[test]
    fn sizes_are_plain_words() {
        assert_eq!(plain_size(0), "0 bytes");
        assert_eq!(plain_size(2_400), "2,400 bytes");
        assert_eq!(plain_size(999_999), "999,999 bytes");
        assert_eq!(plain_size(100_000_000), "100 MB");
        assert_eq!(plain_size(130_000_001), "131 MB");
    }

    #[test]
    fn extension_wins_over_content() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(&dir, "a.txt", br#"{"title":"T","body":"B"}"#);
        let a = load_path(&p).unwrap();
        assert_eq!(a.first().unwrap().format, Format::Txt);
        let p = write(&dir, "b.json", b"Just words.");
        assert!(matches!(
            load_path(&p),
            Err(LoadError::MalformedJson {
                line: 1,
                column: 1,
                ..
            })
        ));
    }

    #[test]
    fn title_falls_back_to_file_name_and_encoding_is_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "wire.md",
            "Only a paragraph, no heading.\n".as_bytes(),
        );
        let a = load_path(&p).unwrap();
        let a = a.first().unwrap();
        assert_eq!(a.title, "wire.md");
        assert_eq!(a.headline(), None, "a file name is not a headline");
        assert_eq!(a.encoding, "UTF-8");
        assert_eq!(a.path, p.display().to_string());
    }

    #[test]
    fn utf16_without_bom_text_file() {
        let dir = tempfile::tempdir().unwrap();
        let bytes: Vec<u8> = "First line of the story.\nSecond line of the story.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let p = write(&dir, "u16.txt", &bytes);
        let a = load_path(&p).unwrap();
        let a = a.first().unwrap();
        assert_eq!(a.encoding, "UTF-16LE");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(
            a.paragraphs.first().unwrap().text,
            "First line of the story."
        );
    }
}
