//! Detector for `boilerplate` findings: text of the page, not of the story — "See also"
//! inserts, comment forms, "Read more", syndication notes, app and newsletter promos,
//! AI-summary notices, share and follow prompts, date/byline/credit lines, cookie
//! notices and navigation remnants.
//!
//! The judgement is by what such text is, not by a list of known sentences:
//! - page wording: a compact vocabulary of cue phrases (leading cues such as "see also",
//!   "read more", "related:"; phrases such as "sign up for", "all rights reserved",
//!   "your email address"), and weaker cue words (subscribe, share, comment, photo, ...);
//! - shape: short, not a sentence of the story (no closing full stop, few lower-case
//!   function words, title case);
//! - position: the first and last paragraphs of an article;
//! - other articles: a passage that no other article of the comparison carries.
//!
//! Whole paragraphs are flagged, or the first or last sentence of a paragraph when only
//! that sentence is page text ("... as planned. Read more: Port strike ends").

use super::text_util::{Hit, chars, finding, is_function_word};
use crate::model::{Comparison, Finding, FindingKind};
use crate::normalize::words;

/// Phrases that open page text ("See also  …", "Read more: …").
const LEAD_CUES: [&str; 50] = [
    "additional reporting",
    "advertisement",
    "also read",
    "also see",
    "click here",
    "comments",
    "compiled by",
    "continue reading",
    "download our",
    "download the",
    "editing by",
    "follow us",
    "get our",
    "get the app",
    "image source",
    "image:",
    "join our",
    "leave a comment",
    "leave a reply",
    "listen to this",
    "more from",
    "more stories",
    "most popular",
    "most read",
    "next article",
    "next post",
    "photo credit",
    "photo:",
    "photograph:",
    "posted in",
    "previous article",
    "previous post",
    "read also",
    "read more",
    "read next",
    "recommended",
    "related",
    "reporting by",
    "see also",
    "share on",
    "share this",
    "sign up",
    "skip to",
    "sponsored",
    "subscribe",
    "tags:",
    "trending",
    "watch:",
    "writing by",
    "you may also like",
];

/// Phrases that mark page text wherever they occur in a passage of up to 45 words.
const STRONG_PHRASES: [&str; 25] = [
    "accept cookies",
    "ai-generated summary",
    "all rights reserved",
    "comments are closed",
    "copyright \u{a9}",
    "email address will not be published",
    "follow us on",
    "leave a comment",
    "leave a reply",
    "log in to comment",
    "on google news",
    "originally appeared in",
    "originally appeared on",
    "originally published by",
    "post comment",
    "republished with permission",
    "required fields are marked",
    "sign up for our",
    "subscribe to our",
    "summary was generated",
    "this article originally",
    "this article was originally",
    "this story originally",
    "was originally published on",
    "we use cookies",
];

/// Phrases that mark page text in a short passage that is not a story sentence.
const WEAK_PHRASES: [&str; 18] = [
    "affiliate link",
    "ap photo",
    "breaking news alerts",
    "by clicking",
    "click here",
    "cookie policy",
    "download our app",
    "download the app",
    "getty images",
    "join the conversation",
    "newsletter",
    "our app",
    "privacy policy",
    "share this article",
    "share this story",
    "terms of service",
    "terms of use",
    "your inbox",
];

/// Single words typical of page furniture (lower case).
const CUE_WORDS: [&str; 63] = [
    "about",
    "ad",
    "ads",
    "advertise",
    "advertisement",
    "archive",
    "arrow",
    "by",
    "caption",
    "careers",
    "comment",
    "comments",
    "contact",
    "copyright",
    "credit",
    "download",
    "email",
    "facebook",
    "feedback",
    "follow",
    "gallery",
    "home",
    "icon",
    "image",
    "instagram",
    "linkedin",
    "listen",
    "login",
    "logo",
    "menu",
    "more",
    "newsletter",
    "photo",
    "photos",
    "pinterest",
    "posted",
    "print",
    "privacy",
    "published",
    "read",
    "register",
    "related",
    "reply",
    "reprints",
    "rss",
    "search",
    "section",
    "sections",
    "share",
    "sign",
    "sitemap",
    "skip",
    "source",
    "sponsored",
    "subscribe",
    "subscription",
    "subscriptions",
    "tags",
    "telegram",
    "twitter",
    "updated",
    "video",
    "whatsapp",
];

/// Month names and short forms, for date lines.
const MONTHS: [&str; 24] = [
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];

/// Finds `boilerplate` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let alone = unshared_paragraphs(comparison);
    let mut out = Vec::new();
    for (a, article) in comparison.articles.iter().enumerate() {
        let n = article.paragraphs.len();
        let menu = menu_runs(&article.paragraphs);
        for (p, para) in article.paragraphs.iter().enumerate() {
            let cs = chars(&para.text);
            let edge = p < 3 || p + 3 >= n;
            let unshared = alone
                .get(a)
                .and_then(|v| v.get(p))
                .copied()
                .unwrap_or(false);
            let context = Context { edge, unshared };
            let in_menu = menu.get(p).copied().unwrap_or(false);
            if let Some(why) = judge(&para.text, context).or(in_menu.then_some(Why::Furniture)) {
                let (start, end) = trimmed(&cs, 0, cs.len());
                out.push(finding(
                    FindingKind::Boilerplate,
                    a,
                    p,
                    &cs,
                    Hit {
                        start,
                        end,
                        message: why.message(),
                        suggestion: Some(String::new()),
                        related: Vec::new(),
                    },
                ));
                continue;
            }
            // Only the first or last sentence is page text.
            for (s, e) in edge_sentences(&cs) {
                let text: String = cs.get(s..e).unwrap_or_default().iter().collect();
                if let Some(why) = judge_sentence(&text) {
                    out.push(finding(
                        FindingKind::Boilerplate,
                        a,
                        p,
                        &cs,
                        Hit {
                            start: s,
                            end: e,
                            message: why.message(),
                            suggestion: Some(String::new()),
                            related: Vec::new(),
                        },
                    ));
                }
            }
        }
    }
    out
}

/// Where a paragraph sits, for the judgement.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    /// Among the first or last three paragraphs.
    edge: bool,
    /// Other articles are compared and none carries this passage.
    unshared: bool,
}

/// Why a passage was judged page text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Lead,
    Phrase,
    Furniture,
    DateLine,
}

impl Why {
    fn message(self) -> String {
        match self {
            Self::Lead => "This looks like page text, not part of the story: it opens like a related-link, \u{201C}read more\u{201D}, share or sign-up insert.",
            Self::Phrase => "This looks like page text, not part of the story: its wording belongs to a comment form, promotion, credit, copyright, cookie or syndication notice.",
            Self::Furniture => "This looks like page text, not part of the story: a short line that is not a sentence, worded like navigation, sharing or credits.",
            Self::DateLine => "This looks like a date, byline or source line of the page, not part of the story.",
        }
        .to_string()
    }
}

/// Paragraphs in a run of three or more one-to-three-word lines that are not sentences,
/// touching the top or bottom of the article: a navigation menu ("Home", "News", "Sports").
fn menu_runs(paras: &[crate::model::Paragraph]) -> Vec<bool> {
    let n = paras.len();
    let short: Vec<bool> = paras
        .iter()
        .map(|p| {
            let count = words(&p.text).len();
            (1..=3).contains(&count) && !shape(&p.text).sentence_end
        })
        .collect();
    let mut out = vec![false; n];
    let mut i = 0;
    while i < n {
        if !short.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let mut j = i;
        while short.get(j).copied().unwrap_or(false) {
            j += 1;
        }
        if j - i >= 3 && (i < 3 || j + 3 > n) {
            for flag in out.iter_mut().take(j).skip(i) {
                *flag = true;
            }
        }
        i = j;
    }
    out
}

/// Per article, per paragraph: true when other articles are compared and no other
/// article has a cell in the paragraph's row.
fn unshared_paragraphs(comparison: &Comparison) -> Vec<Vec<bool>> {
    let mut out: Vec<Vec<bool>> = comparison
        .articles
        .iter()
        .map(|a| vec![false; a.paragraphs.len()])
        .collect();
    if comparison.articles.len() < 2 {
        return out;
    }
    for row in &comparison.rows {
        let present = row.cells.iter().filter(|c| c.is_some()).count();
        if present != 1 {
            continue;
        }
        for (a, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            for &p in &cell.paragraphs {
                if let Some(flag) = out.get_mut(a).and_then(|v| v.get_mut(p)) {
                    *flag = true;
                }
            }
        }
    }
    out
}

/// The char span trimmed of surrounding whitespace.
fn trimmed(cs: &[char], start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    let mut e = end.min(cs.len());
    while s < e && cs.get(s).is_some_and(|c| c.is_whitespace()) {
        s += 1;
    }
    while e > s && cs.get(e - 1).is_some_and(|c| c.is_whitespace()) {
        e -= 1;
    }
    (s, e)
}

/// Shape measures of a passage.
struct Shape {
    words: Vec<String>,
    sentence_end: bool,
    function_words: usize,
    capitalised: usize,
}

fn shape(text: &str) -> Shape {
    let words: Vec<String> = words(text).iter().map(|w| w.text.to_string()).collect();
    let last = text
        .trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | '*'));
    let sentence_end = last.is_some_and(|c| matches!(c, '.' | '!' | '?'));
    let function_words = words
        .iter()
        .filter(|w| w.chars().all(char::is_lowercase) && is_function_word(w))
        .count();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    Shape {
        words,
        sentence_end,
        function_words,
        capitalised,
    }
}

/// A gallery's position line: "Image 1 of 23", "Photo 4/12", "Slide 2 of 9".
fn is_gallery_counter(words: &[String]) -> bool {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let number = |w: &String| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match lower.as_slice() {
        [kind, rest @ ..] if GALLERY_WORDS.contains(&kind.as_str()) => {
            let numbers = rest.iter().filter(|w| number(w)).count();
            numbers == 2 && rest.iter().all(|w| number(w) || w == "of")
        }
        _ => false,
    }
}

/// Words that open a gallery's position line.
const GALLERY_WORDS: [&str; 8] = [
    "image",
    "images",
    "photo",
    "photos",
    "photograph",
    "picture",
    "slide",
    "video",
];

/// Picture and news agencies whose name alone, on a short line, credits a photo.
const AGENCIES: [&str; 16] = [
    "afp",
    "alamy",
    "anadolu",
    "ap",
    "bloomberg",
    "dpa",
    "efe",
    "epa",
    "getty",
    "imago",
    "reuters",
    "rex",
    "shutterstock",
    "tass",
    "xinhua",
    "zuma",
];

/// A short line made of names with at least one picture or news agency in it: "REUTERS",
/// "AFP/Getty Images", "Jane Smith/AFP via Getty Images".
fn names_an_agency(words: &[String]) -> bool {
    let capitalised = words
        .iter()
        .filter(|w| w.as_str() != "via")
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    capitalised
        && words
            .iter()
            .any(|w| AGENCIES.binary_search(&w.to_lowercase().as_str()).is_ok())
}

/// Lower-cased text with runs of whitespace collapsed.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '\u{a9}')
        .to_string()
}

/// The text without web addresses, HTML tags and empty brackets left by links.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let url = rest
            .find("http://")
            .into_iter()
            .chain(rest.find("https://"))
            .min();
        let tag = rest.find('<').filter(|&i| {
            rest.get(i + 1..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        });
        let Some(at) = url.into_iter().chain(tag).min() else {
            out.push_str(rest);
            break;
        };
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at..).unwrap_or("");
        let end = if Some(at) == tag {
            after.find('>').map_or(after.len(), |i| i + 1)
        } else {
            after
                .find(|c: char| c.is_whitespace() || c == ')' || c == ']')
                .unwrap_or(after.len())
        };
        out.push(' ');
        rest = after.get(end..).unwrap_or("");
    }
    out.replace("()", " ").replace("[]", " ")
}

/// True when the text had links or markup and almost nothing else.
fn only_markup(text: &str, stripped: &str) -> bool {
    let had_markup = text.contains("http") || text.contains('<') || text.contains("[]");
    had_markup && words(stripped).len() < 3
}

/// A bullet list of short items: "* Tech * Health * Space * Contact Us".
fn is_link_list(text: &str) -> bool {
    let items: Vec<&str> = text
        .split(['*', '|', '\u{2022}'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let separators = text.matches(['*', '|', '\u{2022}']).count();
    separators >= 3
        && items.len() >= 3
        && items.iter().all(|i| words(i).len() <= 5)
        && !items.iter().any(|i| i.ends_with('.'))
}

/// True when the text starts with the cue as a whole word or phrase.
fn starts_with_cue(folded: &str, cue: &str) -> bool {
    folded.strip_prefix(cue).is_some_and(|rest| {
        cue.ends_with(':') || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when a story sentence could hardly open like this: "Related to the strike, ..."
/// is story text, "Related: Port reopens" / "Related Articles" is not.
fn lead_cue(folded: &str, shape: &Shape) -> bool {
    LEAD_CUES.iter().any(|cue| {
        if !starts_with_cue(folded, cue) {
            return false;
        }
        let rest = folded.get(cue.len()..).unwrap_or("").trim_start();
        match *cue {
            // Verbs that also open story sentences: need a colon, a title-case rest or nothing.
            "related" | "recommended" | "trending" | "subscribe" | "sign up" | "comments"
            | "sponsored" | "posted in" | "more from" | "download the" => {
                shape.words.len() <= 12 && rest.is_empty()
                    || rest.starts_with(':')
                    || rest.starts_with('|')
                    || !shape.sentence_end
            }
            _ => true,
        }
    })
}

/// A whole paragraph judged in its context.
fn judge(original: &str, context: Context) -> Option<Why> {
    let stripped = strip_markup(original);
    if only_markup(original, &stripped) || is_link_list(&stripped) {
        return Some(Why::Furniture);
    }
    let text = stripped.as_str();
    let f = folded(text);
    if f.is_empty() {
        return None;
    }
    let shape = shape(text);
    let n = shape.words.len();
    if n == 0 {
        return None;
    }
    if n <= 40 && lead_cue(&f, &shape) {
        return Some(Why::Lead);
    }
    if n <= 45
        && (STRONG_PHRASES.iter().any(|c| f.contains(c)) || has_copyright_sign(&f))
        && !quoted(text)
    {
        return Some(Why::Phrase);
    }
    let not_sentence = !shape.sentence_end || shape.function_words == 0;
    if (n <= 12 || (n <= 25 && not_sentence))
        && WEAK_PHRASES.iter().any(|c| f.contains(c))
        && !quoted(text)
    {
        return Some(Why::Phrase);
    }
    if n <= 6 && not_sentence && is_gallery_counter(&shape.words) {
        return Some(Why::Furniture);
    }
    if n <= 6 && not_sentence && names_an_agency(&shape.words) {
        return Some(Why::Furniture);
    }
    // "— Name (@handle) date" closes an embedded post: story material, not page text.
    let embed_signoff =
        text.trim_start().starts_with(['\u{2014}', '\u{2013}', '-']) && text.contains('@');
    if n <= 12
        && not_sentence
        && !embed_signoff
        && is_date_line(&shape, &f)
        && (context.edge || context.unshared)
    {
        return Some(Why::DateLine);
    }
    let cue_words = shape
        .words
        .iter()
        .filter(|w| CUE_WORDS.binary_search(&w.to_lowercase().as_str()).is_ok())
        .count();
    let short = n <= 12 || (context.unshared && n <= 20);
    if short && not_sentence && cue_words > 0 && (context.edge || context.unshared) {
        // Title-case or cue-dense: "Share on Facebook", "Photo: Reuters", "Home | World".
        let title_like = shape.capitalised * 2 >= n || cue_words * 3 >= n;
        if title_like {
            return Some(Why::Furniture);
        }
    }
    None
}

/// A sentence at the start or end of a longer paragraph, judged on its own: only the
/// strongest cues count here.
fn judge_sentence(text: &str) -> Option<Why> {
    let f = folded(text);
    let shape = shape(text);
    let n = shape.words.len();
    if n == 0 || n > 30 || quoted(text) {
        return None;
    }
    let lead = [
        "see also",
        "read more",
        "read also",
        "also read",
        "related:",
        "follow us",
        "click here",
        "subscribe to",
        "sign up for",
    ];
    if lead.iter().any(|c| starts_with_cue(&f, c)) {
        return Some(Why::Lead);
    }
    let strong = [
        "all rights reserved",
        "originally appeared on",
        "originally published",
        "email address will not be published",
        "required fields are marked",
        "this article was produced",
        "summary was generated",
    ];
    strong.iter().any(|c| f.contains(c)).then_some(Why::Phrase)
}

/// A copyright sign that is not part of a word ("© 2026", "/© Reuters/"); inside a word
/// it is more likely mojibake ("cafÃ©s").
fn has_copyright_sign(folded: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in folded.chars() {
        if c == '\u{a9}' && !prev.is_some_and(char::is_alphabetic) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// True when the passage is (mostly) a quotation, which is story text.
fn quoted(text: &str) -> bool {
    text.contains('\u{201C}') || text.matches('"').count() >= 2
}

/// A short line made of a date, time, byline or source.
fn is_date_line(shape: &Shape, folded: &str) -> bool {
    let has_month = shape
        .words
        .iter()
        .any(|w| MONTHS.binary_search(&w.to_lowercase().as_str()).is_ok());
    let has_number = shape
        .words
        .iter()
        .any(|w| w.chars().all(|c| c.is_ascii_digit()));
    let has_age = has_number
        && shape.words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "days" | "hours" | "minutes" | "mins" | "hrs" | "day" | "hour"
            )
        });
    let has_year_or_time = shape.words.iter().any(|w| {
        (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && w.starts_with(['1', '2']))
            || w.contains(':')
    }) || has_age
        || folded.contains(" ago")
        || folded.contains(" am")
        || folded.contains(" pm");
    let byline = folded.starts_with("by ") && shape.capitalised + 1 >= shape.words.len();
    let dated = [
        "published",
        "updated",
        "posted",
        "first published",
        "last updated",
    ]
    .iter()
    .any(|c| folded.starts_with(c));
    (has_month && has_year_or_time) || byline || dated || (has_age && shape.words.len() <= 8)
}

/// The first and last sentences of a paragraph with at least two sentences.
fn edge_sentences(cs: &[char]) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < cs.len() {
        let c = cs.get(i).copied().unwrap_or(' ');
        if matches!(c, '.' | '!' | '?') && cs.get(i + 1).is_some_and(|c| c.is_whitespace()) {
            bounds.push((start, i + 1));
            start = i + 1;
        }
        i += 1;
    }
    if start < cs.len() {
        bounds.push((start, cs.len()));
    }
    if bounds.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(&(s, e)) = bounds.first() {
        out.push(trimmed(cs, s, e));
    }
    if let Some(&(s, e)) = bounds.last() {
        out.push(trimmed(cs, s, e));
    }
    out
}

/// Context-free check used by other detectors: would this passage be judged page text
/// even without knowing where it sits?
#[must_use]
pub(crate) fn looks_like_boilerplate(text: &str) -> bool {
    judge(text, Context::default()).is_some()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::detect::text_util::test_support::comparison_of;

    fn flagged(paras: &[&str]) -> Vec<(usize, String)> {
        detect(&comparison_of(&[paras]))
            .into_iter()
            .map(|f| (f.paragraph, f.text))
            .collect()
    }

    const STORY: [&str; 4] = [
        "Dockers at the port voted on Sunday to end a strike that had lasted nineteen days.",
        "The union said members backed the deal by a wide margin after a long meeting.",
        "Shipping lines expect the backlog of containers to clear within two weeks.",
        "The port authority said it would publish new safety rules in the spring.",
    ];

    #[test]
    fn cue_word_lists_are_sorted() {
        let mut w = CUE_WORDS.to_vec();
        w.sort_unstable();
        assert_eq!(w, CUE_WORDS.to_vec());
        let mut m = MONTHS.to_vec();
        m.sort_unstable();
        assert_eq!(m, MONTHS.to_vec());
        let mut a = AGENCIES.to_vec();
        a.sort_unstable();
        assert_eq!(a, AGENCIES.to_vec());
    }

    #[test]
    fn flags_inserts_forms_and_promos() {
        let paras = [
            STORY[0],
            "See also  Ferry operator orders two new boats",
            STORY[1],
            STORY[2],
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            STORY[3],
            "Follow Example News on Google News to receive the latest news first.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.paragraph, f.text.as_str())).collect();
        assert_eq!(
            got,
            [(1, paras[1]), (4, paras[4]), (5, paras[5]), (7, paras[7])]
        );
        assert!(f[0].message.contains("not part of the story"));
        assert_eq!((f[0].start, f[0].end), (0, 45));
    }

    #[test]
    fn flags_credit_date_and_share_lines_at_the_edges() {
        let paras = [
            "By Jane Smith",
            "Published October 14, 2026 10:32 am",
            STORY[0],
            STORY[1],
            STORY[2],
            STORY[3],
            "Share on Facebook",
            "This article originally appeared on Example Wire.",
        ];
        let got = flagged(&paras);
        let indices: Vec<usize> = got.iter().map(|g| g.0).collect();
        assert_eq!(indices, [0, 1, 6, 7]);
    }

    #[test]
    fn flags_gallery_counters_and_agency_credits() {
        let paras = [
            STORY[0],
            "Image 1 of 23",
            STORY[1],
            "REUTERS",
            STORY[2],
            "Jane Smith/AFP via Getty Images",
            STORY[3],
        ];
        let indices: Vec<usize> = flagged(&paras).iter().map(|g| g.0).collect();
        assert_eq!(indices, [1, 3, 5]);
        // A story sentence naming an agency, and a short headline-like line, stay.
        let story = [
            STORY[0],
            "Reuters reported the deal first.",
            STORY[1],
            "Images of the strike",
            STORY[2],
            STORY[3],
        ];
        assert!(flagged(&story).is_empty(), "{:?}", flagged(&story));
    }

    #[test]
    fn flags_a_trailing_read_more_sentence() {
        let p = "The port reopens on Monday. Read more: Ferry operator orders boats";
        let f = detect(&comparison_of(&[&[STORY[0], p, STORY[1]]]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].paragraph, 1);
        assert_eq!(f[0].start, 28);
        assert_eq!(f[0].text, "Read more: Ferry operator orders boats");
    }

    #[test]
    fn leaves_story_text_alone() {
        let paras = [
            "Port Strike Ends After Nineteen Days",
            STORY[0],
            "Related to the strike, ferry services were also cut, the operator said.",
            "\u{201C}Subscribe to our values or leave,\u{201D} the union leader told members.",
            "The company will share the cost with the port authority, it said on Monday.",
            "Readers of the newsletter were told in March that the talks had failed.",
            "The waterfront caf\u{C3}\u{A9}s and restaurants were among the most affected.",
            STORY[1],
            STORY[2],
            STORY[3],
        ];
        assert!(flagged(&paras).is_empty(), "{:?}", flagged(&paras));
    }
}
