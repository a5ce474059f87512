//! The headline of a saved web page.
//!
//! Candidates, in order of trust: the JSON-LD article `headline` (a `NewsArticle` before
//! other article types), the first `<h1>` inside the `<article>` / `<main>` element,
//! `og:title` / `twitter:title`, `<title>`, and the page's first `<h1>` anywhere. A site
//! name is cut from `og:title` and `<title>` ("Bridge Reopens | The Valley Courier") only
//! when the cut part is the site's name (`og:site_name`, the JSON-LD publisher, the host
//! name of the page's canonical address) or the rest equals another candidate.
//!
//! A candidate that looks like a section label is passed over while a candidate that does
//! not remains: one of three words or fewer when a longer one exists ("US-China relations",
//! a kicker), or one whose text is a navigation or breadcrumb link's text.

use std::collections::HashSet;

use dom_query::{Document, NodeRef};

/// Where a headline candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// JSON-LD `headline` of an article object.
    JsonLd,
    /// The first `<h1>` inside `<article>` or `<main>`.
    ArticleH1,
    /// `og:title` or `twitter:title`, site name cut.
    OpenGraph,
    /// `<title>`, site name cut.
    TitleTag,
    /// The first `<h1>` of the page.
    PageH1,
}

/// One headline candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Where it came from.
    pub source: Source,
    /// Its text, whitespace collapsed, site name cut where that applies.
    pub text: String,
}

/// Separators between a headline and a site name in `<title>` and `og:title`.
const SEPARATORS: [&str; 8] = [
    " | ",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " \u{b7} ",
    " :: ",
    " // ",
    " \u{bb} ",
];

/// A headline longer than this (in characters) is a paragraph, not a headline.
const MAX_CHARS: usize = 400;

/// A candidate of this many words or fewer is label-sized.
const LABEL_WORDS: usize = 3;

/// The page's headline (see the module documentation); `None` when the page has none.
#[must_use]
pub fn headline(html: &str) -> Option<String> {
    let doc = Document::from(html);
    let found = candidates_in(&doc);
    let nav = nav_texts(&doc);
    pick(&found, &nav)
}

/// Every headline candidate of the page, in order of trust.
#[must_use]
pub fn candidates(html: &str) -> Vec<Candidate> {
    candidates_in(&Document::from(html))
}

/// The first candidate that does not look like a section label; the first candidate when
/// all do.
fn pick(found: &[Candidate], nav: &HashSet<String>) -> Option<String> {
    let words = |c: &Candidate| size_in_words(&c.text);
    let is_nav = |c: &Candidate| nav.contains(&fold(&c.text));
    let any_long = found.iter().any(|c| words(c) > LABEL_WORDS);
    let any_off_nav = found.iter().any(|c| !is_nav(c));
    found
        .iter()
        .find(|c| (!any_long || words(c) > LABEL_WORDS) && (!any_off_nav || !is_nav(c)))
        .or_else(|| found.first())
        .map(|c| c.text.clone())
}

fn candidates_in(doc: &Document) -> Vec<Candidate> {
    let mut raw: Vec<(Source, String)> = Vec::new();
    let ld = json_ld(doc);
    let article_h1 = first_text(doc, "article h1, main h1, [role=\"main\"] h1");
    let og = meta(doc, "meta[property=\"og:title\"], meta[name=\"og:title\"]").or_else(|| {
        meta(
            doc,
            "meta[name=\"twitter:title\"], meta[property=\"twitter:title\"]",
        )
    });
    let title_tag = first_text(doc, "title");
    let page_h1 = first_text(doc, "h1");

    let mut sites: Vec<String> = Vec::new();
    sites.extend(meta(
        doc,
        "meta[property=\"og:site_name\"], meta[name=\"application-name\"]",
    ));
    sites.extend(ld.publisher);
    let host = meta(doc, "meta[property=\"og:url\"]")
        .or_else(|| attr(doc, "link[rel=\"canonical\"]", "href"))
        .and_then(|u| host_label(&u));

    let others: Vec<String> = article_h1.iter().chain(&page_h1).cloned().collect();
    // Some sites put their name in the JSON-LD headline too.
    if let Some(h) = ld.headline {
        raw.push((
            Source::JsonLd,
            cut_site_name(&h, &sites, host.as_deref(), &others),
        ));
    }
    if let Some(h) = article_h1 {
        raw.push((Source::ArticleH1, h));
    }
    if let Some(t) = og {
        raw.push((
            Source::OpenGraph,
            cut_site_name(&t, &sites, host.as_deref(), &others),
        ));
    }
    if let Some(t) = title_tag {
        raw.push((
            Source::TitleTag,
            cut_site_name(&t, &sites, host.as_deref(), &others),
        ));
    }
    if let Some(h) = page_h1 {
        raw.push((Source::PageH1, h));
    }
    raw.into_iter()
        .map(|(source, text)| Candidate {
            source,
            text: collapse(&text),
        })
        .filter(|c| !c.text.is_empty() && c.text.chars().count() <= MAX_CHARS)
        .collect()
}

/// Length in words; scripts written without spaces (Chinese, Japanese) count one word per
/// two characters, so a Chinese headline is not "one word".
fn size_in_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| {
            let cjk = w.chars().filter(|c| is_spaceless_script(*c)).count();
            (cjk / 2).max(1)
        })
        .sum()
}

/// Han, kana, and the other scripts written without spaces between words.
fn is_spaceless_script(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x0E00..=0x0E7F | 0x0E80..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-case letters and digits only: how names are compared.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn nodes<'a>(doc: &'a Document, selector: &str) -> Vec<NodeRef<'a>> {
    doc.try_select(selector)
        .map(|s| s.nodes().to_vec())
        .unwrap_or_default()
}

fn first_text(doc: &Document, selector: &str) -> Option<String> {
    nodes(doc, selector)
        .iter()
        .map(|n| collapse(&n.text()))
        .find(|t| !t.is_empty())
}

fn attr(doc: &Document, selector: &str, name: &str) -> Option<String> {
    nodes(doc, selector)
        .iter()
        .filter_map(|n| n.attr(name))
        .map(|v| collapse(&v))
        .find(|t| !t.is_empty())
}

fn meta(doc: &Document, selector: &str) -> Option<String> {
    attr(doc, selector, "content")
}

/// The distinctive label of a URL's host: `www.valleycourier.co.uk` → `valleycourier`.
fn host_label(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let labels: Vec<&str> = host
        .split('.')
        .filter(|l| !matches!(*l, "www" | "m" | "amp" | "mobile"))
        .collect();
    // The longest label that is not a short public suffix part ("co", "uk", "com").
    labels
        .iter()
        .rev()
        .skip(1)
        .find(|l| l.len() > 3 || labels.len() <= 2)
        .map(|l| fold(l))
        .filter(|l| !l.is_empty())
}

/// Whether `part` names the site: equals a known site name, or the host's label.
fn is_site_name(part: &str, sites: &[String], host: Option<&str>) -> bool {
    let folded = fold(part);
    if folded.is_empty() {
        return false;
    }
    let bare = folded.strip_prefix("the").unwrap_or(&folded);
    sites.iter().any(|s| fold(s) == folded)
        || host.is_some_and(|h| h == folded || h == bare || (h.len() >= 4 && folded.starts_with(h)))
}

/// `title` without a site name before or after a separator, when that part is the site's
/// name; or, failing that, the part before (or after) any separator that equals another
/// candidate's text ("Headline | Section | Site" where the page's `<h1>` is "Headline").
pub(crate) fn cut_site_name(
    title: &str,
    sites: &[String],
    host: Option<&str>,
    others: &[String],
) -> String {
    let title = collapse(title);
    let is_other = |s: &str| {
        let f = fold(s);
        !f.is_empty() && others.iter().any(|o| fold(o) == f)
    };
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && is_site_name(tail, sites, host)
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && is_site_name(head, sites, host)
        {
            return tail.trim().to_string();
        }
    }
    for sep in SEPARATORS {
        for (at, _) in title.match_indices(sep) {
            let (head, tail) = (title.get(..at), title.get(at + sep.len()..));
            if let Some(head) = head.filter(|h| is_other(h)) {
                return head.trim().to_string();
            }
            if let Some(tail) = tail.filter(|t| is_other(t)) {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// Texts of navigation and breadcrumb links (folded), JSON-LD breadcrumb names included.
fn nav_texts(doc: &Document) -> HashSet<String> {
    let mut out: HashSet<String> = nodes(
        doc,
        "nav a, header a, [class*=\"breadcrumb\"] a, [id*=\"breadcrumb\"] a, \
         [class*=\"menu\"] a, [class*=\"kicker\"], [class*=\"eyebrow\"]",
    )
    .iter()
    // A headline that is a link to its own story is not navigation.
    .filter(|n| !n.ancestors_it(None).any(|a| a.is("h1")))
    .map(|n| fold(&n.text()))
    .filter(|t| !t.is_empty())
    .collect();
    out.extend(json_ld(doc).breadcrumbs.iter().map(|b| fold(b)));
    out
}

/// What JSON-LD blocks say about the headline.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    publisher: Option<String>,
    breadcrumbs: Vec<String>,
}

fn json_ld(doc: &Document) -> JsonLd {
    let mut objects: Vec<serde_json::Value> = Vec::new();
    for node in nodes(doc, "script[type=\"application/ld+json\"]") {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(node.text().trim()) {
            flatten(v, &mut objects, 0);
        }
    }
    let types = |o: &serde_json::Value| -> Vec<String> {
        match o.get("@type") {
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    };
    let text = |v: Option<&serde_json::Value>| -> Option<String> {
        v.and_then(serde_json::Value::as_str)
            .map(|s| collapse(&decode_entities(s)))
            .filter(|s| !s.is_empty())
    };
    let rank = |o: &serde_json::Value| -> Option<u8> {
        let t = types(o);
        if t.iter().any(|t| t.ends_with("NewsArticle")) {
            Some(0)
        } else if t
            .iter()
            .any(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
        {
            Some(1)
        } else {
            None
        }
    };
    let mut out = JsonLd::default();
    let mut best: Option<(u8, String)> = None;
    for o in &objects {
        if let (Some(r), Some(h)) = (rank(o), text(o.get("headline"))) {
            if best.as_ref().is_none_or(|(b, _)| r < *b) {
                best = Some((r, h));
            }
            if out.publisher.is_none() {
                out.publisher = o.get("publisher").and_then(|p| text(p.get("name")));
            }
        }
        if types(o).iter().any(|t| t == "BreadcrumbList")
            && let Some(items) = o.get("itemListElement").and_then(|i| i.as_array())
        {
            for item in items {
                let name = text(item.get("name"))
                    .or_else(|| item.get("item").and_then(|i| text(i.get("name"))));
                out.breadcrumbs.extend(name);
            }
        }
    }
    out.headline = best.map(|(_, h)| h);
    out
}

/// Objects of a JSON-LD value: arrays and `@graph` lists opened (a few levels deep).
fn flatten(v: serde_json::Value, out: &mut Vec<serde_json::Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        serde_json::Value::Array(items) => {
            for i in items {
                flatten(i, out, depth + 1);
            }
        }
        serde_json::Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(serde_json::Value::Object(map));
        }
        _ => {}
    }
}

/// Character references in JSON-LD strings: numeric ones and the common named ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let tail = rest.get(at..).unwrap_or("");
        let end = tail.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = tail.get(1..e)?;
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(code)?
            } else {
                match name {
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    "lt" => '<',
                    "gt" => '>',
                    "nbsp" => ' ',
                    _ => return None,
                }
            };
            Some((c, e + 1))
        });
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = tail.get(len..).unwrap_or("");
        } else {
            out.push('&');
            rest = tail.get(1..).unwrap_or("");
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    #[test]
    fn host_label_skips_www_and_suffixes() {
        assert_eq!(
            host_label("https://www.valleycourier.co.uk/a/b").as_deref(),
            Some("valleycourier")
        );
        assert_eq!(
            host_label("https://news.example.com").as_deref(),
            Some("example")
        );
        assert_eq!(host_label("http://example.org").as_deref(), Some("example"));
    }

    #[test]
    fn site_name_cut_only_when_it_is_the_site() {
        let sites = vec!["The Valley Courier".to_string()];
        assert_eq!(
            cut_site_name("Bridge Reopens | The Valley Courier", &sites, None, &[]),
            "Bridge Reopens"
        );
        assert_eq!(
            cut_site_name(
                "Valley Courier - Bridge Reopens",
                &[],
                Some("valleycourier"),
                &[]
            ),
            "Bridge Reopens"
        );
        assert_eq!(
            cut_site_name("Dams - Who Pays for Them?", &sites, None, &[]),
            "Dams - Who Pays for Them?"
        );
        let h1 = vec!["Tide Tables".to_string()];
        assert_eq!(
            cut_site_name("Tide Tables | Boats | Weather | Sport", &[], None, &h1),
            "Tide Tables"
        );
    }

    #[test]
    fn chinese_headline_is_not_label_sized() {
        assert!(size_in_words("港口罢工结束双方达成薪资协议") > LABEL_WORDS);
        assert_eq!(size_in_words("US-China relations"), 2);
        let found = vec![
            Candidate {
                source: Source::JsonLd,
                text: "港口罢工结束双方达成薪资协议".into(),
            },
            Candidate {
                source: Source::TitleTag,
                text: "Port strike ends with a deal on pay".into(),
            },
        ];
        assert_eq!(
            pick(&found, &HashSet::new()).as_deref(),
            Some("港口罢工结束双方达成薪资协议")
        );
    }

    #[test]
    fn headline_linking_to_itself_is_not_navigation() {
        let html = "<html><head><meta property=\"og:title\" content=\"Harbour wall: what the vote means for the quay\"></head>\
            <body><article><header><h1><a href=\"/wall\">Council approves new harbour wall</a></h1></header>\
            <p>Body.</p></article></body></html>";
        assert_eq!(
            headline(html).as_deref(),
            Some("Council approves new harbour wall")
        );
    }

    #[test]
    fn entities_decoded_and_bare_ampersands_kept() {
        assert_eq!(
            decode_entities("&#8216;A&#x2019; &amp; B & C &bogus; &"),
            "\u{2018}A\u{2019} & B & C &bogus; &"
        );
    }
}
