//! JSON articles.
//!
//! Shapes understood:
//! * schema.org `NewsArticle` (any object with `articleBody`): `headline`, `author`
//!   (string, object with `name`, or an array of those), `datePublished`, `publisher`
//!   (string or object with `name`), also inside `@graph` or a JSON-LD array;
//! * an object with `title` and `body`/`text`/`content` (a string, or an array of strings);
//! * BASIL-style `body-paragraphs` (paragraphs as lists of sentences, joined with a
//!   space), with `title`, `source` (the outlet) and `date`;
//! * a JSON array, or a JSON Lines file, of such objects: one article each.
//!
//! Body strings are split into paragraphs like plain text (blank lines, or one per line).
//! The headline (`headline`, else `title`, else `name`) loses a trailing " | Outlet" or
//! " - Outlet" when that part is the article's own outlet.

use serde_json::{Map, Value};

use super::txt;

/// One article found in a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonArticle {
    /// 1-based position of the object in a JSON array or JSON Lines file; `None` when
    /// the document held a single article.
    pub index: Option<usize>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet or publisher.
    pub outlet: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date as written.
    pub date: Option<String>,
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
}

/// Why a JSON document gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// The text does not parse as JSON (1-based line and column).
    Malformed {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        reason: String,
    },
    /// The JSON parses but holds no article shape we know.
    NoArticle,
}

/// True when the text parses as JSON (a whole document or JSON Lines of objects).
#[must_use]
pub fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return false;
    }
    parse_values(text).is_ok()
}

/// Reads every article from a JSON document or JSON Lines text.
///
/// # Errors
/// [`JsonError::Malformed`] with the position of the first syntax error, or
/// [`JsonError::NoArticle`] when nothing in it is an article.
pub fn parse(text: &str) -> Result<Vec<JsonArticle>, JsonError> {
    let values = parse_values(text)?;
    let multi = values.len() > 1;
    let mut found: Vec<JsonArticle> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        if let Some(mut article) = find_article(value) {
            article.index = multi.then_some(i + 1);
            found.push(article);
        }
    }
    if found.is_empty() {
        return Err(JsonError::NoArticle);
    }
    if found.len() == 1
        && let Some(only) = found.first_mut()
    {
        only.index = None;
    }
    Ok(found)
}

/// The top-level items: the elements of an array that holds articles, the lines of a
/// JSON Lines file, or the single document.
fn parse_values(text: &str) -> Result<Vec<Value>, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) if items.iter().any(|v| find_article(v).is_some()) => Ok(items),
        Ok(value) => Ok(vec![value]),
        Err(whole) => {
            // Perhaps JSON Lines: one value per non-empty line.
            let mut values = Vec::new();
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => values.push(v),
                    // The first line is not JSON on its own: report the whole-document error.
                    Err(_) if values.is_empty() => return Err(malformed(&whole, 0)),
                    Err(e) => return Err(malformed(&e, n)),
                }
            }
            if values.len() < 2 {
                return Err(malformed(&whole, 0));
            }
            Ok(values)
        }
    }
}

/// A syntax error, with its line shifted by `line_offset` lines.
fn malformed(e: &serde_json::Error, line_offset: usize) -> JsonError {
    let message = e.to_string();
    let reason = message
        .rfind(" at line ")
        .and_then(|i| message.get(..i))
        .unwrap_or(&message)
        .to_string();
    JsonError::Malformed {
        line: e.line() + line_offset,
        column: e.column().max(1),
        reason,
    }
}

/// The article in one value: the object itself, an item of its `@graph`, or an
/// item of a JSON-LD array.
fn find_article(value: &Value) -> Option<JsonArticle> {
    match value {
        Value::Object(map) => article_from_object(map).or_else(|| {
            map.get("@graph")
                .and_then(Value::as_array)
                .and_then(|items| items.iter().find_map(find_article))
        }),
        Value::Array(items) => items.iter().find_map(find_article),
        _ => None,
    }
}

/// An article from one object, when it has a body in a shape we know.
fn article_from_object(map: &Map<String, Value>) -> Option<JsonArticle> {
    let paragraphs = body_paragraphs(map)?;
    if paragraphs.is_empty() {
        return None;
    }
    let outlet = ["publisher", "source", "outlet", "site_name", "siteName"]
        .iter()
        .find_map(|k| map.get(*k).and_then(name_of));
    // The title as written (spacing kept) unless a site name was cut from it.
    let title = first_string(map, &["headline", "title", "name"]).map(|t| {
        let cut = super::html::title::cut_site_name(&t, outlet.as_slice(), None, &[]);
        if cut.split_whitespace().eq(t.split_whitespace()) {
            t
        } else {
            cut
        }
    });
    Some(JsonArticle {
        index: None,
        title,
        outlet,
        author: ["author", "byline", "creator"]
            .iter()
            .find_map(|k| map.get(*k).and_then(name_of)),
        date: first_string(map, &["datePublished", "date", "published", "dateCreated"]),
        paragraphs,
    })
}

/// The body's paragraphs, from `articleBody`, `body-paragraphs`, or `body`/`text`/`content`.
fn body_paragraphs(map: &Map<String, Value>) -> Option<Vec<String>> {
    if let Some(Value::Array(paras)) = map.get("body-paragraphs") {
        return Some(
            paras
                .iter()
                .filter_map(|p| match p {
                    Value::Array(sentences) => Some(
                        sentences
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                    Value::String(s) => Some(s.trim().to_string()),
                    _ => None,
                })
                .filter(|p| !p.is_empty())
                .collect(),
        );
    }
    ["articleBody", "body", "text", "content"]
        .iter()
        .find_map(|k| match map.get(*k)? {
            Value::String(s) => Some(txt::paragraphs(s)),
            Value::Array(items) => {
                let strings: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                (!strings.is_empty()).then(|| {
                    strings
                        .iter()
                        .flat_map(|s| txt::paragraphs(s))
                        .collect::<Vec<_>>()
                })
            }
            _ => None,
        })
}

/// The first of `keys` holding a non-empty string, trimmed.
fn first_string(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        map.get(*k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    })
}

/// A name from a string, an object with `name`, or an array of those (joined with ", ").
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(map) => first_string(map, &["name"]),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    #[test]
    fn schema_org_news_article() {
        let text = r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Dam Opens","articleBody":"First para.\n\nSecond para.",
            "author":[{"@type":"Person","name":"A. Writer"},"B. Other"],
            "datePublished":"2024-05-01","publisher":{"@type":"Organization","name":"Daily Test"}}"#;
        let articles = parse(text).unwrap();
        let [a] = articles.as_slice() else {
            panic!("one article expected")
        };
        assert_eq!(a.title.as_deref(), Some("Dam Opens"));
        assert_eq!(a.author.as_deref(), Some("A. Writer, B. Other"));
        assert_eq!(a.outlet.as_deref(), Some("Daily Test"));
        assert_eq!(a.date.as_deref(), Some("2024-05-01"));
        assert_eq!(a.paragraphs, ["First para.", "Second para."]);
        assert_eq!(a.index, None);
    }

    #[test]
    fn graph_and_json_ld_array() {
        let graph = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
            {"@type":"NewsArticle","headline":"H","articleBody":"Body line one.\nBody line two."}]}"#;
        let a = parse(graph).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(
            a.first().unwrap().paragraphs,
            ["Body line one.", "Body line two."]
        );
        let array = r#"[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","headline":"H","articleBody":"Only."}]"#;
        let a = parse(array).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a.first().unwrap().index, None);
    }

    #[test]
    fn basil_body_paragraphs() {
        let text = r#"{"source":"nyt","title":"T","date":"2011-04-07",
            "body-paragraphs":[["One sentence.","Two sentence. "],["Three."],[""]]}"#;
        let a = parse(text).unwrap();
        let a = a.first().unwrap();
        assert_eq!(a.outlet.as_deref(), Some("nyt"));
        assert_eq!(a.paragraphs, ["One sentence. Two sentence.", "Three."]);
    }

    #[test]
    fn title_with_array_body_and_array_of_articles() {
        let text = r#"[{"title":"A","content":["P1","P2"]},{"title":"B","text":"Q1"}]"#;
        let a = parse(text).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a.first().unwrap().paragraphs, ["P1", "P2"]);
        assert_eq!(a.first().unwrap().index, Some(1));
        assert_eq!(a.get(1).unwrap().index, Some(2));
    }

    #[test]
    fn json_lines() {
        let text = "{\"title\":\"A\",\"body\":\"x\"}\n\n{\"title\":\"B\",\"body\":\"y\"}\n";
        let a = parse(text).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a.get(1).unwrap().title.as_deref(), Some("B"));
        assert_eq!(a.get(1).unwrap().index, Some(2));
    }

    #[test]
    fn malformed_reports_line_and_column() {
        let text = "{\n  \"title\": \"A\",\n  \"body\": oops\n}";
        match parse(text) {
            Err(JsonError::Malformed { line, column, .. }) => {
                assert_eq!(line, 3);
                assert_eq!(column, 11);
            }
            other => panic!("{other:?}"),
        }
        let lines = "{\"title\":\"A\",\"body\":\"x\"}\n{\"title\": ,}\n";
        match parse(lines) {
            Err(JsonError::Malformed { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_article_shape() {
        assert_eq!(parse(r#"{"a":1}"#), Err(JsonError::NoArticle));
    }
}
