//! Saved web pages: the article body is extracted with a maintained extractor crate.
//!
//! Two extractors are available: `rs-trafilatura` (a port of trafilatura) and
//! `dom_smoothie` (a port of Mozilla's Readability). `examples/extractor_eval.rs`
//! measures both against hand-marked ground truth; [`CHOSEN`] is the winner and
//! the other serves as a fallback when the winner finds nothing. Nothing a page
//! refers to is ever fetched: both crates work on the given string alone.

/// An article-body extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extractor {
    /// `rs-trafilatura`.
    Trafilatura,
    /// `dom_smoothie` (Readability).
    DomSmoothie,
}

impl Extractor {
    /// Both extractors.
    pub const ALL: [Self; 2] = [Self::Trafilatura, Self::DomSmoothie];

    /// The crate's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Trafilatura => "rs-trafilatura",
            Self::DomSmoothie => "dom_smoothie",
        }
    }

    /// The other extractor.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Trafilatura => Self::DomSmoothie,
            Self::DomSmoothie => Self::Trafilatura,
        }
    }
}

/// The extractor the loader uses, chosen by mean word F1 on the 40 benchmark pages in
/// `examples/extractor_eval.rs`: `dom_smoothie` 0.9693 (P 0.9440, R 0.9989) against
/// `rs-trafilatura` 0.9618 (P 0.9364, R 0.9981).
pub const CHOSEN: Extractor = Extractor::DomSmoothie;

/// What was taken from a page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageArticle {
    /// The headline (`og:title`, `h1` or `<title>`, as the extractor found it).
    pub title: Option<String>,
    /// The site name, when the page gives one.
    pub outlet: Option<String>,
    /// The byline, when found.
    pub author: Option<String>,
    /// The publication date, when found.
    pub date: Option<String>,
    /// Body paragraphs, trimmed, non-empty.
    pub paragraphs: Vec<String>,
}

/// Extracts the article with [`CHOSEN`], falling back to the other extractor when the
/// chosen one finds no body text. Metadata missing from the one used is taken from the
/// other's metadata when cheap to get. `None` when neither finds any text.
#[must_use]
pub fn extract(html: &str) -> Option<PageArticle> {
    extract_with(html, CHOSEN).or_else(|| extract_with(html, CHOSEN.other()))
}

/// Extracts the article with one extractor; `None` when it finds no body text.
#[must_use]
pub fn extract_with(html: &str, extractor: Extractor) -> Option<PageArticle> {
    let page = match extractor {
        Extractor::Trafilatura => with_trafilatura(html),
        Extractor::DomSmoothie => with_dom_smoothie(html),
    }?;
    let words: usize = page
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    (words >= MIN_WORDS).then_some(page)
}

/// Fewer words than this is a menu or a stub, not an article body.
const MIN_WORDS: usize = 5;

/// Splits extracted text into paragraphs: one per non-empty line, trimmed.
fn split_paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A trimmed, non-empty string.
fn clean(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn with_trafilatura(html: &str) -> Option<PageArticle> {
    let result = rs_trafilatura::extract(html).ok()?;
    let meta = result.metadata;
    Some(PageArticle {
        title: clean(meta.title),
        outlet: clean(meta.sitename),
        author: clean(meta.author),
        date: meta.date.map(|d| d.date_naive().to_string()),
        paragraphs: split_paragraphs(&result.content_text),
    })
}

fn with_dom_smoothie(html: &str) -> Option<PageArticle> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    Some(PageArticle {
        title: clean(Some(article.title)),
        outlet: clean(article.site_name),
        author: clean(article.byline),
        date: clean(article.published_time),
        paragraphs: split_paragraphs(&article.text_content),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Bridge Reopens | The Valley Courier</title>
<meta property="og:title" content="Bridge Reopens After Two Years">
<meta property="og:site_name" content="The Valley Courier">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Bridge Reopens After Two Years</h1>
<p>The old stone bridge over the river reopened on Saturday after two years of repairs that cost the town far more than planned.</p>
<p>Hundreds of residents walked across it in the morning, and the mayor cut a ribbon at the eastern end while a brass band played.</p>
<p>Engineers said the arches had been strengthened with steel ties hidden inside the masonry, so that the bridge looks as it did a century ago.</p>
</article>
<footer><p>Copyright The Valley Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"#;

    #[test]
    fn both_extractors_find_the_paragraphs_not_the_junk() {
        for extractor in Extractor::ALL {
            let page = extract_with(PAGE, extractor).unwrap();
            let body = page.paragraphs.join("\n");
            assert!(
                page.paragraphs.len() >= 3,
                "{}: {:?}",
                extractor.name(),
                page.paragraphs
            );
            assert!(body.contains("brass band played"), "{}", extractor.name());
            assert!(!body.contains("Privacy policy"), "{}", extractor.name());
            assert!(!body.contains("Sport"), "{}", extractor.name());
        }
    }

    #[test]
    fn title_and_site_name_are_taken() {
        let page = extract(PAGE).unwrap();
        assert_eq!(
            page.title.as_deref(),
            Some("Bridge Reopens After Two Years")
        );
        assert_eq!(page.outlet.as_deref(), Some("The Valley Courier"));
    }

    #[test]
    fn page_without_text_gives_none() {
        assert_eq!(extract("<html><body><nav>Home</nav></body></html>"), None);
    }
}
