//! The headline the loader takes as `Article.title`, from pages and files written for
//! this test: a kicker above the `<h1>`, a site name after `og:title`, a JSON-LD headline,
//! a navigation label, Markdown's first heading, and subheadings that are not the title.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "tests fail loudly on purpose"
)]

use storydiff::load::load_path;
use storydiff::model::Article;

/// Three paragraphs of body text, enough for both extractors to find an article.
const BODY: &str = "<p>The council voted on Tuesday evening to approve the new harbour wall, \
after a debate that ran for more than four hours and drew a crowd of residents.</p>\
<p>Engineers say the wall will protect the old quay from winter storms for at least fifty \
years, though the cost has risen by a third since the first estimate was published.</p>\
<p>Work is due to start in the spring, and the fishing fleet will move to the east basin \
while the builders are on the quay.</p>";

fn load(name: &str, content: &str) -> Article {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    let mut articles = load_path(&path).unwrap();
    assert_eq!(articles.len(), 1);
    articles.remove(0)
}

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
}

fn first_paragraph(a: &Article) -> &str {
    a.paragraphs.first().map_or("", |p| p.text.as_str())
}

#[test]
fn html_kicker_above_h1_is_not_the_title() {
    let html = page(
        "<title>Coast Gazette</title>",
        &format!(
            "<header><h1><a href=\"/\">Coast Gazette</a></h1><nav><a href=\"/local\">Local</a></nav></header>\
             <article><a class=\"section-label\" href=\"/harbour\">Harbour works</a>\
             <h1>Council approves new harbour wall after four-hour debate</h1>{BODY}</article>"
        ),
    );
    let a = load("kicker.html", &html);
    assert_eq!(
        a.title,
        "Council approves new harbour wall after four-hour debate"
    );
}

#[test]
fn html_og_title_loses_the_site_name_suffix() {
    let html = page(
        "<title>Harbour wall approved | Coast Gazette</title>\
         <meta property=\"og:title\" content=\"Council approves new harbour wall | Coast Gazette\">\
         <meta property=\"og:site_name\" content=\"Coast Gazette\">",
        &format!("<div class=\"story\">{BODY}</div>"),
    );
    let a = load("og.html", &html);
    assert_eq!(a.title, "Council approves new harbour wall");
}

#[test]
fn html_title_tag_loses_the_host_name_but_keeps_a_dash_in_the_headline() {
    let html = page(
        "<title>Harbour wall - who pays for it? - Coast Gazette</title>\
         <link rel=\"canonical\" href=\"https://www.coastgazette.example/news/wall\">",
        &format!("<div class=\"story\">{BODY}</div>"),
    );
    let a = load("host.html", &html);
    assert_eq!(a.title, "Harbour wall - who pays for it?");

    // Not the site's name: nothing is cut.
    let html = page(
        "<title>Harbour wall - who pays for it?</title>\
         <meta property=\"og:site_name\" content=\"Coast Gazette\">",
        &format!("<div class=\"story\">{BODY}</div>"),
    );
    assert_eq!(
        load("keep.html", &html).title,
        "Harbour wall - who pays for it?"
    );
}

#[test]
fn html_json_ld_headline_comes_first() {
    let html = page(
        "<title>Live | Coast Gazette</title>\
         <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[\
         {\"@type\":\"WebSite\",\"name\":\"Coast Gazette\",\"headline\":\"Coast Gazette home\"},\
         {\"@type\":\"NewsArticle\",\"headline\":\"Harbour wall gets the go-ahead &amp; a bigger budget\",\
         \"publisher\":{\"@type\":\"Organization\",\"name\":\"Coast Gazette\"}}]}</script>",
        &format!("<article><h1>Harbour wall: the vote</h1>{BODY}</article>"),
    );
    let a = load("ld.html", &html);
    assert_eq!(a.title, "Harbour wall gets the go-ahead & a bigger budget");
}

#[test]
fn html_section_label_and_nav_text_are_passed_over() {
    // The JSON-LD headline is a two-word label; a longer h1 exists.
    let html = page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harbour works\"}</script>",
        &format!("<article><h1>Council approves new harbour wall</h1>{BODY}</article>"),
    );
    assert_eq!(
        load("label.html", &html).title,
        "Council approves new harbour wall"
    );

    // og:title is the text of a breadcrumb link; the page's h1 is not.
    let html = page(
        "<meta property=\"og:title\" content=\"Local news and council decisions\">",
        &format!(
            "<div class=\"breadcrumbs\"><a href=\"/\">Home</a><a href=\"/local\">Local news and council decisions</a></div>\
             <h1>Council approves new harbour wall after debate</h1><div class=\"story\">{BODY}</div>"
        ),
    );
    assert_eq!(
        load("nav.html", &html).title,
        "Council approves new harbour wall after debate"
    );
}

#[test]
fn html_subheading_is_not_the_title_and_the_title_is_not_repeated() {
    let html = page(
        "<meta property=\"og:title\" content=\"Council approves new harbour wall\">",
        &format!(
            "<article><h2>What happens next</h2>{BODY}<h2>Reaction on the quay</h2>\
             <p>Fishermen said they were relieved that a decision had finally been taken.</p></article>"
        ),
    );
    let a = load("sub.html", &html);
    assert_eq!(a.title, "Council approves new harbour wall");
    for p in &a.paragraphs {
        assert_ne!(p.text, a.title);
    }
}

#[test]
fn markdown_first_heading_is_the_title_not_a_paragraph() {
    let a = load(
        "story.md",
        "# Council approves new harbour wall\n\nThe council voted on Tuesday.\n\n## Reaction\n\nFishermen were relieved.\n",
    );
    assert_eq!(a.title, "Council approves new harbour wall");
    assert_eq!(first_paragraph(&a), "The council voted on Tuesday.");
    assert!(a.paragraphs.iter().any(|p| p.text == "Reaction"));

    // Furniture above the level-1 heading does not stop it being the title.
    let a = load(
        "saved.md",
        "[Home](/) | [Local](/local)\n\n# Council approves new harbour wall\n\nThe council voted.\n",
    );
    assert_eq!(a.title, "Council approves new harbour wall");
    assert!(a.paragraphs.iter().all(|p| p.text != a.title));
}

#[test]
fn markdown_later_subheading_is_not_taken() {
    let a = load(
        "notes.md",
        "The council voted on Tuesday.\n\n## Reaction\n\nFishermen were relieved.\n",
    );
    assert_eq!(a.title, "notes.md");
}

#[test]
fn json_headline_before_title() {
    let a = load(
        "a.json",
        r#"{"title":"Local","headline":"Council approves new harbour wall","body":"The council voted."}"#,
    );
    assert_eq!(a.title, "Council approves new harbour wall");
}

#[test]
fn json_title_loses_its_own_outlet_suffix_only() {
    let a = load(
        "b.json",
        r#"{"title":"Council approves new harbour wall | Coast Gazette","source":"Coast Gazette","body":"The council voted."}"#,
    );
    assert_eq!(a.title, "Council approves new harbour wall");
    let a = load(
        "c.json",
        r#"{"title":"Harbour wall - who pays?","source":"Coast Gazette","body":"The council voted."}"#,
    );
    assert_eq!(a.title, "Harbour wall - who pays?");
}
