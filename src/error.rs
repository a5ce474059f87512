//! Engine errors, in plain words with the path last. A load error is handled once — turned
//! into a [`crate::model::LoadFailure`]; a save error is shown by whoever asked for the save.

use std::path::PathBuf;

/// Why a file could not be loaded as one or more articles.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("file not found: {}", .0.display())]
    NotFound(PathBuf),
    /// The path names a directory.
    #[error("is a directory, not a file: {}", .0.display())]
    IsDirectory(PathBuf),
    /// The process may not read the file.
    #[error("permission denied: {}", .0.display())]
    PermissionDenied(PathBuf),
    /// Any other I/O failure.
    #[error("could not read the file ({source}): {}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not text (an image, an archive, an executable, random bytes...).
    #[error("binary file ({what}), not text: {}", .path.display())]
    Binary {
        /// What the bytes are, in plain words ("a PNG image", "random-looking bytes, not words").
        what: &'static str,
        /// The file.
        path: PathBuf,
    },
    /// Larger than [`crate::load::MAX_FILE_BYTES`].
    #[error("file too large ({size} MB; storydiff opens files of up to {limit} MB): {}", .path.display())]
    TooLarge {
        /// The file's size in MB (10^6 bytes), rounded up.
        size: u64,
        /// The limit in MB.
        limit: u64,
        /// The file.
        path: PathBuf,
    },
    /// One paragraph longer than [`crate::load::MAX_PARAGRAPH_BYTES`].
    #[error("a paragraph too long ({size} in one paragraph; storydiff compares paragraphs of up to {limit}): {}", .path.display())]
    ParagraphTooLarge {
        /// The longest paragraph's size, in plain words ("21 MB").
        size: String,
        /// The limit, in plain words ("20 MB").
        limit: String,
        /// The file.
        path: PathBuf,
    },
    /// The file would take the articles of one comparison past
    /// [`crate::load::MAX_TOTAL_BYTES`] together.
    #[error("too much text for one comparison (this file would bring the articles to {total}; one comparison holds up to {limit}): {}", .path.display())]
    TotalTooLarge {
        /// The text of the articles with this file, in plain words ("130 MB").
        total: String,
        /// The limit, in plain words ("100 MB").
        limit: String,
        /// The file.
        path: PathBuf,
    },
    /// Nothing but whitespace.
    #[error("empty file: {}", .0.display())]
    Empty(PathBuf),
    /// A web page in which no article body was found.
    #[error("no article text found in the page: {}", .0.display())]
    NoArticleText(PathBuf),
    /// JSON that does not parse.
    #[error("malformed JSON at line {line}, column {column} ({reason}): {}", .path.display())]
    MalformedJson {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        reason: String,
    },
    /// JSON that parses but holds no article shape we know.
    #[error("JSON holds no article (expected articleBody, body/text/content, or body-paragraphs): {}", .0.display())]
    NoArticleInJson(PathBuf),
}

impl LoadError {
    /// The path the error is about.
    #[must_use]
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::NotFound(p)
            | Self::IsDirectory(p)
            | Self::PermissionDenied(p)
            | Self::Empty(p)
            | Self::NoArticleText(p)
            | Self::NoArticleInJson(p) => p,
            Self::Io { path, .. }
            | Self::MalformedJson { path, .. }
            | Self::TooLarge { path, .. }
            | Self::ParagraphTooLarge { path, .. }
            | Self::TotalTooLarge { path, .. }
            | Self::Binary { path, .. } => path,
        }
    }
}

/// Why a report or a saved comparison could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The chosen file is one of the articles being compared.
    #[error("refusing to overwrite an input file with the report: {}", .0.display())]
    WouldOverwriteInput(PathBuf),
    /// The file could not be written.
    #[error("could not write the report ({source}): {}", .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The chosen file for a saved comparison is one of the articles being compared.
    #[error("refusing to overwrite an input file with the saved comparison: {}", .0.display())]
    ComparisonOverInput(PathBuf),
    /// A saved comparison could not be written (or a path in it is not valid UTF-8).
    #[error("could not write the saved comparison ({reason}): {}", .path.display())]
    WriteComparison {
        /// The file.
        path: PathBuf,
        /// What went wrong, in plain words.
        reason: String,
    },
}

/// Why a saved comparison (a `.storydiff` file, see [`crate::session`]) could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be read (missing, a folder, no permission...).
    #[error("could not read the saved comparison ({source}): {}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not JSON at all.
    #[error("not a saved comparison: the file is not JSON (line {line}, column {column}: {reason}): {}", .path.display())]
    NotJson {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        reason: String,
    },
    /// JSON, but not a saved storydiff comparison (another program's file, a report...).
    #[error("not a saved storydiff comparison (it does not say \"format\": \"storydiff-comparison\"): {}", .0.display())]
    NotAComparison(PathBuf),
    /// Saved by a newer storydiff in a format version this one does not read.
    #[error("saved by a newer storydiff (format version {found}; this version reads up to {supported}): {}", .path.display())]
    NewerVersion {
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
        /// The file.
        path: PathBuf,
    },
    /// The format's name is right but a part of it cannot be read.
    #[error("the saved comparison is damaged ({reason}): {}", .path.display())]
    Malformed {
        /// Which part, in plain words.
        reason: String,
        /// The file.
        path: PathBuf,
    },
}
