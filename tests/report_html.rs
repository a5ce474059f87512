//! The HTML report: its structure on the sample story (parsed, not string-matched), the
//! escaping of hostile article text, right-to-left text, and a snapshot of a small report.
//! The snapshot was read by a person before it was accepted (`cargo insta review`).

use std::collections::HashSet;

use scraper::{ElementRef, Html, Selector};
use storydiff::model::{Article, CompareOptions, FindingKind, LoadFailure};
use storydiff::report;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn compare(files: &[&str]) -> storydiff::Comparison {
    let paths: Vec<_> = files.iter().map(|f| fixture(f)).collect();
    let mut c = storydiff::compare_files(&paths, &CompareOptions::default(), &mut |_| {});
    // Paths in snapshots are relative to the package, whatever the checkout's location.
    for a in &mut c.articles {
        a.path = a
            .path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .map_or_else(|| a.path.clone(), |p| p.trim_start_matches('/').to_string());
    }
    c
}

fn sample() -> storydiff::Comparison {
    compare(&[
        "assets/samples/wire.txt",
        "assets/samples/republished.html",
        "assets/samples/rewrite.md",
    ])
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn all<'a>(doc: &'a Html, s: &str) -> Vec<ElementRef<'a>> {
    doc.select(&sel(s)).collect()
}

/// Every element id in the page.
fn ids(doc: &Html) -> HashSet<String> {
    all(doc, "[id]")
        .iter()
        .filter_map(|e| e.value().id().map(str::to_string))
        .collect()
}

/// The page loads nothing and runs nothing: no script, no element that fetches, no event
/// handler, and every link stays on the page.
fn assert_self_contained(doc: &Html, html: &str) {
    for tag in [
        "script", "img", "link", "iframe", "object", "embed", "video", "audio", "source", "form",
        "base", "svg",
    ] {
        assert!(all(doc, tag).is_empty(), "a <{tag}> element");
    }
    let ids = ids(doc);
    for e in all(doc, "*") {
        for (name, value) in e.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "event handler {name}={value}"
            );
            assert!(
                !matches!(
                    name,
                    "src" | "srcset" | "action" | "formaction" | "poster" | "background"
                ),
                "{name}={value}"
            );
            if name == "href" {
                let target = value.strip_prefix('#').unwrap_or_else(|| {
                    panic!("a link leaves the page: href={value}");
                });
                assert!(ids.contains(target), "href={value} has no target");
            }
        }
    }
    // The style sheet fetches nothing either.
    for style in all(doc, "style") {
        let css: String = style.text().collect();
        assert!(!css.contains("url(") && !css.contains("@import"), "{css}");
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
}

#[test]
fn sample_story_report_has_every_part() {
    let c = sample();
    let html = report::html::to_html(&c);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let doc = Html::parse_document(&html);
    assert_self_contained(&doc, &html);
    assert_eq!(all(&doc, "meta[name=viewport]").len(), 1);
    let css: String = all(&doc, "style")
        .iter()
        .flat_map(ElementRef::text)
        .collect();
    assert!(css.contains("@media print") && css.contains("@media (max-width"));

    // Header: the options in words.
    let header: String = all(&doc, "header")
        .iter()
        .flat_map(ElementRef::text)
        .collect();
    assert!(header.contains("storydiff report"), "{header}");
    // Every section link leads somewhere, the facts section included; ids are unique.
    let links: Vec<&str> = all(&doc, "nav a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(links.contains(&"#facts"), "{links:?}");
    for href in &links {
        let id = href.trim_start_matches('#');
        assert_eq!(all(&doc, &format!("[id=\"{id}\"]")).len(), 1, "{href}");
    }
    assert!(header.contains("3 articles compared"), "{header}");
    assert!(header.contains("word by word"), "{header}");
    // Typographic variants are ignored by default; nothing else is.
    assert!(header.contains("Ignoredtypography"), "{header}");
    assert!(
        header.contains("Countedletter case, punctuation, whitespace"),
        "{header}"
    );

    // One entry per article, the reference marked once.
    let articles = all(&doc, "#articles li.article");
    assert_eq!(articles.len(), c.articles.len());
    assert_eq!(all(&doc, "#articles li.article.reference").len(), 1);
    for (a, li) in c.articles.iter().zip(&articles) {
        let text: String = li.text().collect();
        assert!(text.contains(&a.title), "{text}");
        assert!(text.contains(&a.path), "{text}");
        assert!(
            text.contains(&format!("{} paragraphs", a.paragraphs.len())),
            "{text}"
        );
        assert!(
            text.contains(&format!("{} words", a.word_count())),
            "{text}"
        );
    }

    // The similarity and relatedness matrices: a header row plus one row per article each.
    assert_eq!(
        all(&doc, "table#similarity-matrix tr").len(),
        c.articles.len() + 1
    );
    assert_eq!(
        all(&doc, "table#relatedness-matrix tr").len(),
        c.articles.len() + 1
    );

    // The rows: one <tr> per row plus the header, each with its anchor and one cell per article.
    assert_eq!(all(&doc, "table.rows thead tr").len(), 1);
    let rows = all(&doc, "table.rows tbody tr");
    assert_eq!(rows.len(), c.rows.len());
    let td = sel("td");
    for (i, tr) in rows.iter().enumerate() {
        assert_eq!(tr.value().id(), Some(format!("row-{}", i + 1).as_str()));
        assert_eq!(tr.select(&td).count(), c.articles.len(), "row {}", i + 1);
    }
    assert!(!all(&doc, "table.rows ins").is_empty(), "insertions shown");
    assert!(!all(&doc, "table.rows del").is_empty(), "deletions shown");
    assert!(
        !all(&doc, "table.rows mark").is_empty(),
        "finding spans marked"
    );
    assert!(!all(&doc, "td.cell.absent").is_empty());
    assert!(!all(&doc, "td.cell.moved .tag.moved").is_empty());
    let absent: String = all(&doc, "td.cell.absent")
        .iter()
        .flat_map(ElementRef::text)
        .collect();
    assert!(absent.contains("not in this article"));
    assert!(!all(&doc, "#legend ins").is_empty() && !all(&doc, "#legend del").is_empty());
}

#[test]
fn sample_story_findings_are_grouped_and_linked() {
    let c = sample();
    let doc = Html::parse_document(&report::html::to_html(&c));
    assert!(!c.findings.is_empty());
    // Findings: a section per kind present, each finding linked to an existing row.
    let findings = all(&doc, "#findings li.finding");
    assert_eq!(findings.len(), c.findings.len());
    for kind in FindingKind::ALL {
        let n = c.findings.iter().filter(|f| f.kind == kind).count();
        let section = all(&doc, &format!("section#kind-{}", kind.as_str()));
        if n == 0 {
            assert!(section.is_empty(), "{kind:?}");
            continue;
        }
        assert_eq!(section.len(), 1, "{kind:?}");
        let heading: String = section[0]
            .select(&sel("h3"))
            .flat_map(|h| h.text())
            .collect();
        assert!(heading.starts_with(kind.label()), "{heading}");
        let want = if kind.is_damage() {
            "damage"
        } else {
            "difference"
        };
        assert!(heading.contains(want), "{heading}");
        assert_eq!(section[0].select(&sel("li.finding")).count(), n, "{kind:?}");
    }
    let ids = ids(&doc);
    let row_link = sel("a[href^='#row-']");
    for li in &findings {
        // The list is grouped by kind; `finding-K` names the K-th finding of the comparison.
        let id = li.value().id().expect("finding id");
        let k: usize = id["finding-".len()..].parse().expect("finding number");
        let f = &c.findings[k - 1];
        let links: Vec<_> = li.select(&row_link).collect();
        assert_eq!(links.len(), 1, "{f:?}");
        let target = links[0].value().attr("href").expect("href");
        assert!(ids.contains(&target[1..]), "{target}");
        // The linked row holds the finding's paragraph.
        let n: usize = target["#row-".len()..].parse().expect("row number");
        let cell = c.rows[n - 1].cells[f.article].as_ref().expect("cell");
        assert!(cell.paragraphs.contains(&f.paragraph), "{f:?}");
        let text: String = li.text().collect();
        assert!(text.contains(&f.message), "{text}");
    }
    // Each cell's flags link back to the findings.
    assert_eq!(all(&doc, "td.cell a.flag").len(), c.findings.len());
}

#[test]
fn hostile_article_text_is_only_text() {
    let hostile = [
        "<script>alert(1)</script> opened the harbour meeting on Tuesday evening.",
        "<img src=x onerror=alert(1)> was posted by the council after the vote.",
        "Read <a href=\"javascript:alert(1)\">x</a> for the full budget of the port.",
        "\"quotes\" & 'apostrophes' stayed in the minutes of the meeting.",
        "The mayor said \u{202E}gnirts desrever a\u{202C} to the reporters afterwards.",
    ];
    let wire = Article::from_texts(
        "wire <script>alert(1)</script>.txt",
        [
            "The harbour council approved the new budget on Tuesday.",
            "Fishermen had warned for years that silt was closing the channel.",
        ],
    );
    let mut copy = Article::from_texts(
        "<img src=x onerror=alert(1)>.txt",
        ["The harbour council approved the new <b onclick=alert(1)>budget</b> on Tuesday."]
            .into_iter()
            .chain(hostile),
    );
    copy.title = "Council \u{202E}evorppa\u{202C} <script>alert(1)</script>".to_string();
    copy.outlet = Some("<a href=\"javascript:alert(1)\">outlet</a>".to_string());
    let errors = vec![LoadFailure {
        path: "<script>alert(1)</script>.txt".to_string(),
        message: "file not found: <script>alert(1)</script>.txt".to_string(),
    }];
    let c = storydiff::compare(
        vec![wire, copy],
        errors,
        &CompareOptions::default(),
        &mut |_| {},
    );
    assert!(
        !c.findings.is_empty(),
        "the hostile passages are unique passages"
    );
    let html = report::html::to_html(&c);
    let doc = Html::parse_document(&html);
    assert_self_contained(&doc, &html);
    assert!(all(&doc, "script").is_empty());
    assert!(all(&doc, "img").is_empty());
    assert!(all(&doc, "b").is_empty());
    for e in all(&doc, "*") {
        assert!(
            e.value().attrs().all(|(name, _)| !name.starts_with("on")),
            "{:?}",
            e.value()
        );
        if let Some(href) = e.value().attr("href") {
            assert!(!href.to_ascii_lowercase().contains("javascript:"), "{href}");
        }
    }
    let text: String = doc.root_element().text().collect();
    assert!(
        text.contains("<script>alert(1)</script> opened the harbour"),
        "{text}"
    );
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    assert!(
        text.contains("<a href=\"javascript:alert(1)\">x</a>"),
        "{text}"
    );
    assert!(text.contains("\"quotes\" & 'apostrophes'"), "{text}");
    assert!(
        text.contains("file not found: <script>alert(1)</script>.txt"),
        "{text}"
    );
    // The override never reaches the page as a character; it is shown as its code point.
    assert!(!html.contains('\u{202E}') && !html.contains('\u{202C}'));
    assert!(!text.contains('\u{202E}'));
    let shown: Vec<String> = all(&doc, ".ctl")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert!(shown.iter().any(|s| s == "U+202E"), "{shown:?}");
    assert!(shown.iter().any(|s| s == "U+202C"), "{shown:?}");
    // Article strings never reach an attribute.
    for e in all(&doc, "*") {
        for (_, value) in e.value().attrs() {
            assert!(!value.contains("alert"), "{value}");
        }
    }
}

#[test]
fn arabic_text_is_marked_right_to_left() {
    let c = compare(&[
        "assets/samples/rtl-cjk/arabic.txt",
        "assets/samples/rtl-cjk/arabic-edited.txt",
    ]);
    let doc = Html::parse_document(&report::html::to_html(&c));
    let cells = all(&doc, "table.rows .txt");
    assert!(!cells.is_empty());
    for cell in cells {
        assert_eq!(cell.value().attr("dir"), Some("auto"));
        assert_eq!(cell.value().attr("lang"), Some("ar"));
    }
    for title in all(&doc, "li.article h3") {
        assert_eq!(title.value().attr("dir"), Some("auto"));
    }
}

#[test]
fn small_html_report() {
    let c = compare(&[
        "tests/fixtures/report/wire.txt",
        "tests/fixtures/report/copy.txt",
    ]);
    let html = report::html::to_html(&c);
    // The style sheet is checked by eye on screenshots (.ci/html-check.sh), not line by line here.
    let start = html.find("<style>\n").expect("style") + "<style>\n".len();
    let end = html.find("</style>").expect("style end");
    let snapshot = format!("{}/* style sheet */\n{}", &html[..start], &html[end..]);
    insta::assert_snapshot!("small_html", snapshot);
}

#[test]
fn manual_corrections_are_listed_and_marked() {
    use storydiff::model::{ArticleRef, Override};
    let paths: Vec<_> = ["assets/samples/wire.txt", "assets/samples/republished.html"]
        .iter()
        .map(|f| fixture(f))
        .collect();
    let overrides = [Override::Furniture {
        article: ArticleRef { file: 1, part: 0 },
        paragraph: 0,
        furniture: true,
    }];
    let c =
        storydiff::compare_files_with(&paths, &CompareOptions::default(), &overrides, &mut |_| {});
    let doc = Html::parse_document(&report::html::to_html(&c));
    let items = all(&doc, "section.manual li");
    assert_eq!(items.len(), 1, "one correction listed");
    let marked = all(&doc, "li.finding em")
        .iter()
        .filter(|e| e.text().collect::<String>() == "marked by you")
        .count();
    assert_eq!(marked, 1, "the manual furniture finding says who marked it");
}
