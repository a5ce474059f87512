//! The cue signal of the boilerplate model: what page text is worded like (leading cues
//! such as "see also", "read more"; phrases such as "all rights reserved"; cue words such as
//! subscribe, share, photo) and shaped like (gallery counters, agency credits, date lines,
//! link lists, navigation menus). The lists are data (`detect/lexicon/en/boilerplate_*.txt`);
//! this judgement is one input of the scored model in `model.rs`, not the decision.

use std::borrow::Cow;

use super::lexicon::lexicon;
use crate::detect::context::is_function_word;
use crate::normalize::words;

/// Where a paragraph sits, for the judgement.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Context {
    /// Among the first or last three paragraphs.
    pub edge: bool,
    /// Other articles are compared and none carries this passage.
    pub unshared: bool,
}

/// Why a passage was judged page text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Why {
    Lead,
    Phrase,
    Furniture,
    DateLine,
}

impl Why {
    pub(super) fn message(self) -> String {
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
/// `counts` holds each paragraph's number of words.
pub(super) fn menu_runs(paras: &[crate::model::Paragraph], counts: &[usize]) -> Vec<bool> {
    let n = paras.len();
    let short: Vec<bool> = paras
        .iter()
        .zip(counts)
        .map(|(p, &count)| (1..=3).contains(&count) && !shape(&p.text).sentence_end)
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

/// The char span trimmed of surrounding whitespace.
pub(super) fn trimmed(cs: &[char], start: usize, end: usize) -> (usize, usize) {
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
pub(super) struct Shape<'t> {
    pub words: Vec<&'t str>,
    sentence_end: bool,
    function_words: usize,
    capitalised: usize,
}

pub(super) fn shape(text: &str) -> Shape<'_> {
    let words: Vec<&str> = words(text).iter().map(|w| w.text).collect();
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
fn is_gallery_counter(words: &[&str]) -> bool {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let number = |w: &String| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match lower.as_slice() {
        [kind, rest @ ..] if lexicon().gallery_words.contains(kind) => {
            let numbers = rest.iter().filter(|w| number(w)).count();
            numbers == 2 && rest.iter().all(|w| number(w) || w == "of")
        }
        _ => false,
    }
}

/// A short line made of names with at least one picture or news agency in it: "REUTERS",
/// "AFP/Getty Images", "Jane Smith/AFP via Getty Images".
pub(super) fn names_an_agency(words: &[&str]) -> bool {
    let capitalised = words
        .iter()
        .filter(|w| **w != "via")
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    capitalised
        && words
            .iter()
            .any(|w| lexicon().agencies.contains(&w.to_lowercase()))
}

/// Lower-cased text with runs of whitespace collapsed.
pub(super) fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '\u{a9}')
        .to_string()
}

/// The text without web addresses, HTML tags and empty brackets left by links (borrowed
/// when it holds none).
pub(super) fn strip_markup(text: &str) -> Cow<'_, str> {
    if !text.contains("http") && !text.contains('<') && !text.contains("()") && !text.contains("[]")
    {
        return Cow::Borrowed(text);
    }
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
    Cow::Owned(out.replace("()", " ").replace("[]", " "))
}

/// At most the number of words of `text` ([`words`]), counted without segmenting: every
/// whitespace-separated piece holding a letter or digit holds at least one word.
fn at_least_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count()
}

/// True when the text had links or markup and almost nothing else.
fn only_markup(text: &str, stripped: &str) -> bool {
    let had_markup = text.contains("http") || text.contains('<') || text.contains("[]");
    had_markup && words(stripped).len() < 3
}

/// A bullet list of short items: "* Tech * Health * Space * Contact Us".
pub(super) fn is_link_list(text: &str) -> bool {
    let separators = text.matches(['*', '|', '\u{2022}']).count();
    if separators < 3 {
        return false;
    }
    let items: Vec<&str> = text
        .split(['*', '|', '\u{2022}'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    items.len() >= 3
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
    lexicon().lead_cues.iter().any(|cue| {
        let cue = cue.as_str();
        if !starts_with_cue(folded, cue) {
            return false;
        }
        let rest = folded.get(cue.len()..).unwrap_or("").trim_start();
        match cue {
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
pub(super) fn judge(original: &str, context: Context) -> Option<Why> {
    let stripped = strip_markup(original);
    if only_markup(original, &stripped) || is_link_list(&stripped) {
        return Some(Why::Furniture);
    }
    let text: &str = &stripped;
    // Every judgement below needs at most 45 words: longer passages are settled here,
    // before the costly folding and segmenting.
    if at_least_words(text) > 45 {
        return None;
    }
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
        && (lexicon()
            .strong_phrases
            .iter()
            .any(|c| f.contains(c.as_str()))
            || has_copyright_sign(&f))
        && !quoted(text)
    {
        return Some(Why::Phrase);
    }
    let not_sentence = !shape.sentence_end || shape.function_words == 0;
    if (n <= 12 || (n <= 25 && not_sentence))
        && lexicon()
            .weak_phrases
            .iter()
            .any(|c| f.contains(c.as_str()))
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
        .filter(|w| lexicon().cue_words.contains(&w.to_lowercase()))
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
pub(super) fn judge_sentence(text: &str) -> Option<Why> {
    if at_least_words(text) > 30 || quoted(text) {
        return None;
    }
    let f = folded(text);
    let why = if lexicon()
        .sentence_leads
        .iter()
        .any(|c| starts_with_cue(&f, c))
    {
        Why::Lead
    } else if lexicon()
        .sentence_phrases
        .iter()
        .any(|c| f.contains(c.as_str()))
    {
        Why::Phrase
    } else {
        return None;
    };
    // Segmented only when a cue matched (rarely): one to thirty words.
    (1..=30).contains(&words(text).len()).then_some(why)
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
pub(super) fn is_date_line(shape: &Shape, folded: &str) -> bool {
    let has_month = shape
        .words
        .iter()
        .any(|w| lexicon().months.contains(&w.to_lowercase()));
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

/// Context-free check used by other detectors: would this passage be judged page text
/// even without knowing where it sits?
#[must_use]
pub(super) fn looks_like_boilerplate(text: &str) -> bool {
    judge(text, Context::default()).is_some()
}
