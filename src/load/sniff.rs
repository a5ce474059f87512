//! Choosing a file's format: by extension, or by looking at the text.

use std::path::Path;

use crate::model::Format;

/// The format named by the file's extension, when it names one we read.
#[must_use]
pub fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Txt),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Md),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "json" | "jsonl" | "ndjson" | "jsonld" => Some(Format::Json),
        _ => None,
    }
}

/// Guesses the format of text with no telling extension: HTML if it looks like
/// markup, JSON if it parses as JSON, else plain text.
#[must_use]
pub fn sniff_format(text: &str) -> Format {
    if looks_like_html(text) {
        Format::Html
    } else if super::json::looks_like_json(text) {
        Format::Json
    } else {
        Format::Txt
    }
}

/// True when the text starts with a tag and carries a page-level or block element.
#[must_use]
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let head: String = t
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<div",
        "<p>",
        "<p ",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(
            format_from_extension(Path::new("a/b.TXT")),
            Some(Format::Txt)
        );
        assert_eq!(format_from_extension(Path::new("x.md")), Some(Format::Md));
        assert_eq!(
            format_from_extension(Path::new("x.htm")),
            Some(Format::Html)
        );
        assert_eq!(
            format_from_extension(Path::new("x.jsonl")),
            Some(Format::Json)
        );
        assert_eq!(format_from_extension(Path::new("x.dat")), None);
        assert_eq!(format_from_extension(Path::new("noext")), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff_format("<!DOCTYPE html><html><body><p>x</p></body></html>"),
            Format::Html
        );
        assert_eq!(
            sniff_format("  {\"title\": \"a\", \"body\": \"b\"}"),
            Format::Json
        );
        assert_eq!(sniff_format("{not json at all"), Format::Txt);
        assert_eq!(sniff_format("<3 is a heart, not markup."), Format::Txt);
        assert_eq!(sniff_format("Plain words."), Format::Txt);
    }
}
