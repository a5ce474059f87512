//! The signals of the boilerplate model, per paragraph of one article. None needs to have
//! seen the passage's wording before (the cue lists are two signals among 27):
//!
//! - **main prose block and neighbours**: a paragraph is *prose* when it has at least eight
//!   words, ends like a sentence and a tenth of its words are the file's own function words;
//!   the main block is the run of paragraphs with the largest sum of prose words minus the
//!   words of non-prose lines (at least three per line) — Kadane's maximum-sum run, linear;
//!   a paragraph gets its distance outside that run and the share of prose among its three
//!   neighbours on each side;
//! - **form**: length, sentence end, question, share of capitalised words, share of the
//!   file's own function words (its 30 most frequent tokens of at most four characters, so a
//!   Russian or German page has its own), second person, imperative first word, list or menu
//!   shape (a bullet mark or segments split by `|`, `•`, `·`, `»`), `#` heading mark, all-caps
//!   label, date or credit line, counter ("12 comments", "Image 1 of 9"), link markup;
//! - **cohesion**: the share of the paragraph's content words (not function words, three
//!   characters or more) found in another prose paragraph of the main block;
//! - **cross-outlet**: several articles about the same story open (the others carry at least
//!   a third of this one's words) and no other carries the paragraph (its row holds no
//!   other article, or it is grouped into a neighbour's row and under a fifth of its word
//!   pairs occur in any other);
//!   the same with (almost) no cohesion (under 0.15); the same text in another article of the same outlet
//!   about another story (a different title);
//! - **cues**: the wording and shape judgement of `cues.rs`;
//! - **continued**: a paragraph that starts in lower case after one that did not
//!   end its sentence (a sentence broken over two lines).
//!
//! Every pass is linear in the article's length (counts in hash maps, one window sum).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::cues::{self, Why};
use super::lexicon::lexicon;
use crate::detect::context::{Context, Tok};
use crate::normalize::words;

/// Number of signals.
pub const N: usize = 32;

/// Signal names, in vector order (the keys of `boilerplate_weights.txt`).
pub const NAMES: [&str; N] = [
    "words",
    "short",
    "sentence_end",
    "question",
    "capitalised",
    "function_words",
    "second_person",
    "imperative",
    "list_or_menu",
    "heading_mark",
    "all_caps",
    "date_or_credit",
    "counter",
    "link_markup",
    "prose",
    "in_main_block",
    "outside_distance",
    "prose_neighbours",
    "cohesion",
    "no_cohesion_short",
    "edge",
    "cue_wording",
    "cue_shape",
    "several_articles",
    "unshared",
    "unshared_incoherent",
    "same_site_repeat",
    "starts_lower",
    "at_wrap_width",
    "continues",
    "file_prose_share",
    "continued",
];

/// Prose paragraphs the main block must have besides the judged one before "shares no
/// words with the story" counts as evidence of page text.
const MIN_STORY_FOR_COHESION: usize = 4;

/// The index of a signal name in [`NAMES`].
#[must_use]
pub fn index(name: &str) -> Option<usize> {
    NAMES.iter().position(|n| *n == name)
}

/// Signals of one paragraph.
#[derive(Debug, Clone)]
pub struct Signals {
    /// Values in [`NAMES`] order, each in 0..=1 (`words` up to 1.5).
    pub values: [f64; N],
    /// The cue judgement, when the cue lists recognise the passage.
    pub(super) cue: Option<Why>,
    /// The paragraph has no word at all (`____`, `[]`).
    pub wordless: bool,
    /// Another open article has a paragraph of exactly this text (trimmed).
    pub carried_elsewhere: bool,
    /// A row of a data table (standings, results, prices by line): the story's material,
    /// like a caption (see [`table_rows`]).
    pub table_row: bool,
}

impl Signals {
    /// The value of a named signal (0 for an unknown name).
    #[must_use]
    pub fn get(&self, name: &str) -> f64 {
        index(name)
            .and_then(|i| self.values.get(i))
            .copied()
            .unwrap_or(0.0)
    }

    fn set(&mut self, name: &str, value: f64) {
        if let Some(v) = index(name).and_then(|i| self.values.get_mut(i)) {
            *v = value;
        }
    }
}

#[allow(clippy::cast_precision_loss)]
// Reason: counts of words and paragraphs are far below 2^52.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[allow(clippy::cast_precision_loss)]
// Reason: counts of words and paragraphs are far below 2^52.
fn log_scaled(x: usize, full: f64) -> f64 {
    ((1.0 + x as f64).ln() / full.ln()).min(1.5)
}

/// Per-paragraph form measures, before the article-wide ones.
struct Form<'t> {
    lower: Vec<&'t str>,
    at_wrap: bool,
    sentence_end: bool,
    prose: bool,
}

/// Lines that are rows of a data table: at least three figures making up half the line's
/// words or more ("7 Kyle Larson 2339 1 1 8 17"), in a run of at least three consecutive such
/// lines with about the same number of figures. A results table or standings list is part of
/// what the article reports, however little it looks like prose.
#[must_use]
pub fn table_rows(tokens: &[Vec<&str>]) -> Vec<bool> {
    let figures: Vec<Option<usize>> = tokens
        .iter()
        .map(|t| {
            let k = t
                .iter()
                .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .count();
            (k >= 3 && k * 2 >= t.len()).then_some(k)
        })
        .collect();
    let mut out = vec![false; tokens.len()];
    let mut start = 0;
    while start < figures.len() {
        let Some(Some(first)) = figures.get(start).copied() else {
            start += 1;
            continue;
        };
        let mut end = start + 1;
        while let Some(Some(k)) = figures.get(end).copied() {
            if k.abs_diff(first) > 1 {
                break;
            }
            end += 1;
        }
        if end - start >= 3 {
            for x in out.get_mut(start..end).into_iter().flatten() {
                *x = true;
            }
        }
        start = end;
    }
    out
}

/// The file's own function words: its 30 most frequent tokens of at most four characters
/// (seen at least twice).
fn frequent_short_tokens<'t>(tokens: &[Vec<&'t str>]) -> HashSet<&'t str> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for t in tokens.iter().flatten() {
        if t.chars().nth(4).is_none() && t.chars().any(char::is_alphabetic) {
            *counts.entry(t).or_insert(0) += 1;
        }
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().filter(|(_, c)| *c >= 2).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().take(30).map(|(t, _)| t).collect()
}

/// True when the text ends like a sentence (closing quotes and brackets skipped).
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .rev()
        .find(|c| {
            !matches!(
                c,
                '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | '*' | '\u{bb}' | '_'
            )
        })
        .is_some_and(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{2026}'
            )
        })
}

/// A list item or menu: a bullet mark in front, or three or more short segments split by
/// `|`, `•`, `·`, `»` or `/` with spaces around.
pub(super) fn list_or_menu(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with("* ")
        || t.starts_with("- ")
        || t.starts_with('\u{2022}')
        || t.starts_with("+ ")
    {
        return true;
    }
    let segments: Vec<&str> = t
        .split(['|', '\u{2022}', '\u{b7}', '\u{bb}'])
        .chain(std::iter::empty())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let by_slash: Vec<&str> = t
        .split(" / ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let short = |v: &[&str]| v.len() >= 3 && v.iter().all(|s| words(s).len() <= 4);
    short(&segments) || short(&by_slash)
}

/// A label written in capitals: at most six words, letters all upper case, some letters.
pub(super) fn all_caps(text: &str, n_words: usize) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    n_words <= 6
        && letters.len() >= 2
        && letters
            .iter()
            .all(|c| c.is_uppercase() || !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase())
}

/// A counter line: at most four words, one of them a number, the others no sentence.
pub(super) fn counter<S: AsRef<str>>(lower: &[S]) -> bool {
    (2..=5).contains(&lower.len())
        && lower
            .iter()
            .any(|w| w.as_ref().chars().all(|c| c.is_ascii_digit()))
}

/// Web addresses or markdown links in the text.
pub(super) fn link_markup(text: &str) -> bool {
    text.contains("http://")
        || text.contains("https://")
        || text.contains("](")
        || text.contains("www.")
}

/// A text opening with a verb of instruction ("Tell us", "Download the app").
pub(super) fn imperative<S: AsRef<str>>(lower: &[S]) -> bool {
    lower
        .first()
        .is_some_and(|w| lexicon().imperatives.contains(w.as_ref()))
}

/// Any word addressing the reader ("you", "your").
pub(super) fn second_person<S: AsRef<str>>(lower: &[S]) -> bool {
    lower
        .iter()
        .any(|w| lexicon().second_person.contains(w.as_ref()))
}

/// The main prose block: the paragraph run with the largest sum of prose words minus
/// non-prose words (at least three per line). Returns `(start, end)`, end exclusive.
pub(super) fn main_block(weights: &[i64]) -> (usize, usize) {
    let mut best = (0i64, 0usize, 0usize);
    let mut sum = 0i64;
    let mut start = 0usize;
    for (i, &w) in weights.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += w;
        if sum > best.0 {
            best = (sum, start, i + 1);
        }
    }
    (best.1, best.2)
}

/// The paragraph's words, lower-cased, joined by spaces: the key of "the same text".
fn folded_key(words: &[Tok]) -> String {
    let mut key = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(&w.lower);
    }
    key
}

/// The lower-cased words of one paragraph of the context.
fn lowers<'t>(ctx: &'t Context<'_>, article: usize, paragraph: usize) -> Vec<&'t str> {
    ctx.para_words(article, paragraph)
        .iter()
        .map(|w| w.lower.as_str())
        .collect()
}

/// True when another article of the comparison is evidence about `article` (see
/// [`Context::shares_words`]).
fn has_evidence(ctx: &Context<'_>, article: usize) -> bool {
    (0..ctx.article_count()).any(|b| b != article && ctx.shares_words(article, b))
}

/// Per article, per paragraph: true when other articles about the story are compared and
/// none of them has a cell in the paragraph's row.
/// Also, per paragraph, whether its cell groups it with other paragraphs of its article.
fn unshared_paragraphs(ctx: &Context<'_>, article: usize) -> (Vec<bool>, Vec<bool>) {
    let comparison = ctx.comparison;
    let n = comparison
        .articles
        .get(article)
        .map_or(0, |a| a.paragraphs.len());
    let mut alone = vec![false; n];
    let mut grouped = vec![false; n];
    if !has_evidence(ctx, article) {
        return (alone, grouped);
    }
    for row in &comparison.rows {
        // Articles about another story do not count as carrying a passage.
        let present = row
            .cells
            .iter()
            .enumerate()
            .filter(|(b, c)| c.is_some() && ctx.shares_words(article, *b))
            .count();
        let Some(Some(cell)) = row.cells.get(article) else {
            continue;
        };
        for &p in &cell.paragraphs {
            if let Some(flag) = alone.get_mut(p) {
                *flag = present == 1;
            }
            if let Some(flag) = grouped.get_mut(p) {
                *flag = cell.paragraphs.len() >= 2;
            }
        }
    }
    (alone, grouped)
}

/// Per paragraph of the article, the share of its word pairs (its word, for a one-word
/// paragraph) that occur anywhere in the other articles. Linear in their total length.
fn carried_shares(ctx: &Context<'_>, article: usize) -> Vec<f64> {
    let mut pairs: HashSet<(&str, &str)> = HashSet::default();
    let mut singles: HashSet<&str> = HashSet::default();
    for b in (0..ctx.article_count()).filter(|&b| b != article && ctx.shares_words(article, b)) {
        for p in 0..ctx.article(b).paragraphs.len() {
            let w = lowers(ctx, b, p);
            for pair in w.windows(2) {
                if let [x, y] = pair {
                    pairs.insert((x, y));
                }
            }
            singles.extend(w);
        }
    }
    (0..ctx.article(article).paragraphs.len())
        .map(|p| {
            let w = lowers(ctx, article, p);
            if w.len() < 2 {
                return f64::from(u8::from(w.iter().all(|x| singles.contains(x))));
            }
            let hit = w
                .windows(2)
                .filter(|pair| match pair {
                    [x, y] => pairs.contains(&(*x, *y)),
                    _ => false,
                })
                .count();
            ratio(hit, w.len() - 1)
        })
        .collect()
}

/// Paragraph texts of other articles of the same outlet about another story (another title).
fn same_site_texts(ctx: &Context<'_>, article: usize) -> HashSet<String> {
    let comparison = ctx.comparison;
    let Some(me) = comparison.articles.get(article) else {
        return HashSet::default();
    };
    let Some(outlet) = me.outlet.as_deref() else {
        return HashSet::default();
    };
    comparison
        .articles
        .iter()
        .enumerate()
        .filter(|(b, o)| {
            *b != article && o.outlet.as_deref() == Some(outlet) && o.title != me.title
        })
        .flat_map(|(b, o)| (0..o.paragraphs.len()).map(move |p| folded_key(ctx.para_words(b, p))))
        .collect()
}

/// The signals of every paragraph of one article of the context's comparison.
#[must_use]
#[allow(clippy::too_many_lines)]
// Reason: one pass that sets every named signal in turn; split up, the order of the
// vector would be spread over several functions.
pub fn signals(ctx: &Context<'_>, article: usize) -> Vec<Signals> {
    let comparison = ctx.comparison;
    let Some(art) = comparison.articles.get(article) else {
        return Vec::new();
    };
    // Other articles about the same story: an article about another story is no evidence
    // (a finding about an article never depends on one), except that a page of the same
    // site about another story may show which lines are that site's furniture.
    let open = has_evidence(ctx, article);
    let (unshared, grouped) = unshared_paragraphs(ctx, article);
    let site = if comparison.articles.len() >= 2 {
        same_site_texts(ctx, article)
    } else {
        HashSet::default()
    };
    let paras = &art.paragraphs;
    let n = paras.len();
    let tokens: Vec<Vec<&str>> = (0..n).map(|p| lowers(ctx, article, p)).collect();
    let tables = table_rows(&tokens);
    let carried = if open {
        carried_shares(ctx, article)
    } else {
        vec![1.0; n]
    };
    // No other article carries the paragraph: its row holds no other article, or it is a
    // short insert the aligner grouped with a neighbour and under a fifth of its word pairs
    // occur in any other article.
    let alone_at: Vec<bool> = (0..n)
        .map(|i| {
            unshared.get(i).copied().unwrap_or(false)
                || (grouped.get(i).copied().unwrap_or(false)
                    && carried.get(i).copied().unwrap_or(1.0) < 0.2)
        })
        .collect();
    // Cross-article evidence counts only beside articles about the same story: when the
    // others carry under a third of this article's words, it is another story.
    let total_words: usize = tokens.iter().map(Vec::len).sum();
    let carried_words: usize = tokens
        .iter()
        .zip(&alone_at)
        .filter(|(_, a)| !**a)
        .map(|(t, _)| t.len())
        .sum();
    let several = open && carried_words * 3 >= total_words;
    let others: HashSet<&str> = comparison
        .articles
        .iter()
        .enumerate()
        .filter(|&(b, _)| b != article && ctx.shares_words(article, b))
        .flat_map(|(_, o)| o.paragraphs.iter().map(|q| q.text.trim()))
        .collect();
    let function = frequent_short_tokens(&tokens);
    let lengths: Vec<usize> = paras
        .iter()
        .map(|p| p.text.trim().chars().count())
        .collect();
    let wrap = wrap_width(&lengths);
    let forms: Vec<Form> = paras
        .iter()
        .zip(&tokens)
        .zip(&lengths)
        .map(|((p, lower), &len)| {
            let sentence_end = ends_sentence(&p.text);
            let at_wrap = wrap.is_some_and(|w| len + 12 >= w && len <= w + 1);
            let fw = lower.iter().filter(|w| function.contains(*w)).count();
            let prose = lower.len() >= 8 && (sentence_end || at_wrap) && fw * 10 >= lower.len();
            Form {
                lower: lower.clone(),
                at_wrap,
                sentence_end,
                prose,
            }
        })
        .collect();
    let weights: Vec<i64> = forms
        .iter()
        .map(|f| {
            let w = i64::try_from(f.lower.len()).unwrap_or(i64::MAX / 4);
            if f.prose { w } else { -w.max(3) }
        })
        .collect();
    let (b0, b1) = main_block(&weights);
    // Prefix sums of prose flags, for the neighbour windows.
    let mut prefix = vec![0usize; n + 1];
    for (i, f) in forms.iter().enumerate() {
        let add = usize::from(f.prose);
        let before = prefix.get(i).copied().unwrap_or(0);
        if let Some(x) = prefix.get_mut(i + 1) {
            *x = before + add;
        }
    }
    let prose_in = |s: usize, e: usize| {
        prefix.get(e).copied().unwrap_or(0) - prefix.get(s).copied().unwrap_or(0)
    };
    // Document frequency of content words over the block's prose paragraphs.
    let contents: Vec<HashSet<&str>> = forms
        .iter()
        .map(|f| {
            f.lower
                .iter()
                .filter(|w| {
                    w.chars().nth(2).is_some()
                        && !function.contains(*w)
                        && !w.chars().all(|c| c.is_ascii_digit())
                })
                .copied()
                .collect()
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::default();
    for (i, f) in forms.iter().enumerate() {
        if f.prose && (b0..b1).contains(&i) {
            for w in contents.get(i).into_iter().flatten() {
                *df.entry(w).or_insert(0) += 1;
            }
        }
    }
    let counts: Vec<usize> = tokens.iter().map(Vec::len).collect();
    let menus = cues::menu_runs(paras, &counts);
    let file_prose = ratio(prefix.get(n).copied().unwrap_or(0), n);
    let mut out = Vec::with_capacity(n);
    for (i, (p, f)) in paras.iter().zip(&forms).enumerate() {
        let mut s = Signals {
            values: [0.0; N],
            cue: None,
            wordless: false,
            carried_elsewhere: open && others.contains(p.text.trim()),
            table_row: tables.get(i).copied().unwrap_or(false),
        };
        let nw = f.lower.len();
        s.wordless = nw == 0;
        let text = p.text.as_str();
        let caps = ctx
            .para_words(article, i)
            .iter()
            .filter(|w| w.text.chars().next().is_some_and(char::is_uppercase))
            .count();
        let fw = f.lower.iter().filter(|w| function.contains(*w)).count();
        s.set("words", log_scaled(nw, 64.0));
        s.set("short", f64::from(u8::from(nw <= 3)));
        s.set("sentence_end", f64::from(u8::from(f.sentence_end)));
        let question = text.trim_end().ends_with('?');
        s.set("question", f64::from(u8::from(question)));
        s.set("capitalised", ratio(caps, nw));
        s.set("function_words", ratio(fw, nw));
        s.set(
            "second_person",
            f64::from(u8::from(second_person(&f.lower))),
        );
        s.set("imperative", f64::from(u8::from(imperative(&f.lower))));
        s.set("list_or_menu", f64::from(u8::from(list_or_menu(text))));
        s.set(
            "heading_mark",
            f64::from(u8::from(text.trim_start().starts_with('#'))),
        );
        s.set("all_caps", f64::from(u8::from(all_caps(text, nw))));
        let embed_signoff = embed_signoff(text);
        let credit = nw <= 12 && !f.sentence_end && !embed_signoff && {
            let stripped = cues::strip_markup(text);
            let shape = cues::shape(&stripped);
            cues::is_date_line(&shape, &cues::folded(&stripped))
                || (nw <= 6 && cues::names_an_agency(&shape.words))
        };
        s.set("date_or_credit", f64::from(u8::from(credit)));
        s.set(
            "counter",
            f64::from(u8::from(counter(&f.lower) && !f.sentence_end)),
        );
        s.set("link_markup", f64::from(u8::from(link_markup(text))));
        s.set("prose", f64::from(u8::from(f.prose)));
        let inside = (b0..b1).contains(&i);
        s.set("in_main_block", f64::from(u8::from(inside)));
        let distance = if inside {
            0
        } else if i < b0 {
            b0 - i
        } else {
            i + 1 - b1
        };
        s.set("outside_distance", log_scaled(distance, 32.0).min(1.0));
        let (ws, we) = (i.saturating_sub(3), (i + 4).min(n));
        let around = we - ws - 1;
        let prose_around = prose_in(ws, we) - usize::from(f.prose);
        s.set("prose_neighbours", ratio(prose_around, around));
        let mine = contents.get(i);
        let own = usize::from(f.prose && inside);
        let cohesive = mine
            .into_iter()
            .flatten()
            .filter(|w| df.get(*w).copied().unwrap_or(0) > own)
            .count();
        let total = mine.map_or(0, HashSet::len);
        let cohesion = ratio(cohesive, total);
        s.set("cohesion", cohesion);
        s.set(
            "no_cohesion_short",
            f64::from(u8::from(cohesive == 0 && nw <= 12)),
        );
        let edge = i < 3 || i + 3 >= n;
        s.set("edge", f64::from(u8::from(edge)));
        let alone = several && alone_at.get(i).copied().unwrap_or(false);
        let cue = cues::judge(
            text,
            cues::Context {
                edge,
                unshared: alone,
            },
        );
        let in_menu = menus.get(i).copied().unwrap_or(false);
        let wording = matches!(cue, Some(Why::Lead | Why::Phrase));
        let shaped = matches!(cue, Some(Why::Furniture | Why::DateLine)) || in_menu;
        s.set("cue_wording", f64::from(u8::from(wording)));
        s.set("cue_shape", f64::from(u8::from(shaped)));
        s.cue = cue.or(in_menu.then_some(Why::Furniture));
        s.set("several_articles", f64::from(u8::from(several)));
        s.set("unshared", f64::from(u8::from(alone)));
        // Cohesion is evidence only against a story of some length: beside one or two other
        // paragraphs, a story sentence of its own often shares no word with them.
        let story_paragraphs = prose_in(b0, b1) - own;
        s.set(
            "unshared_incoherent",
            f64::from(u8::from(
                alone && cohesion < 0.15 && story_paragraphs >= MIN_STORY_FOR_COHESION,
            )),
        );
        let repeat =
            !site.is_empty() && nw <= 40 && site.contains(&folded_key(ctx.para_words(article, i)));
        s.set("same_site_repeat", f64::from(u8::from(repeat)));
        s.set("starts_lower", f64::from(u8::from(starts_lower(text))));
        s.set("at_wrap_width", f64::from(u8::from(f.at_wrap)));
        let next_lower = paras.get(i + 1).is_some_and(|q| starts_lower(&q.text));
        s.set(
            "continues",
            f64::from(u8::from(!f.sentence_end && next_lower)),
        );
        s.set("file_prose_share", file_prose);
        let broken_before = i > 0
            && paras
                .get(i - 1)
                .is_some_and(|q| !ends_sentence(&q.text) && !q.text.trim().is_empty());
        s.set(
            "continued",
            f64::from(u8::from(starts_lower(text) && broken_before)),
        );
        out.push(s);
    }
    out
}

/// "— Name (@handle) date" closes an embedded post: story material, not page text.
#[must_use]
pub fn embed_signoff(text: &str) -> bool {
    text.trim_start().starts_with(['\u{2014}', '\u{2013}']) && text.contains("(@")
}

/// A photo caption: a passage of five words or more closing with a parenthesised credit
/// that names a photo, image, courtesy or a source with a slash ("… in Beijing. (AP
/// Photo/Jane Doe)"). Captions belong to the story's pictures: not page furniture (their
/// copies are the duplicate-passage detector's matter).
#[must_use]
pub fn caption_shape(text: &str) -> bool {
    let stripped = cues::strip_markup(text).replace("( )", "");
    let mut t = stripped.trim_end();
    // Drop trailing link groups "(https://...)".
    while t.ends_with(')') {
        let Some(open) = t.rfind('(') else { break };
        let group = t.get(open + 1..t.len() - 1).unwrap_or("");
        if group.trim().is_empty() || group.starts_with("http") || group.starts_with("www.") {
            t = t.get(..open).unwrap_or("").trim_end();
        } else {
            break;
        }
    }
    let Some(body) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = body.rfind('(') else {
        return false;
    };
    let group = body.get(open + 1..).unwrap_or("").to_lowercase();
    let before = body.get(..open).unwrap_or("");
    words(before).len() >= 5
        && (group.contains('/')
            || ["photo", "image", "courtesy", "credit", "getty", "picture"]
                .iter()
                .any(|w| group.contains(w)))
}

/// True when the first letter of the text is lower case (a wrapped line's continuation).
pub(super) fn starts_lower(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
}

/// The file's wrap width when its lines were hard-wrapped and kept apart: the line length
/// (in characters, 40 or more) with the most lines at most ten characters below it, when
/// at least eight lines are there.
pub(super) fn wrap_width(lengths: &[usize]) -> Option<usize> {
    let max = lengths.iter().copied().max().unwrap_or(0).min(400);
    let mut count = vec![0usize; max + 2];
    for &l in lengths {
        if (40..=max).contains(&l)
            && let Some(c) = count.get_mut(l)
        {
            *c += 1;
        }
    }
    // Window sums over [l - 10, l].
    let mut best = (0usize, 0usize);
    let mut window = 0usize;
    for l in 0..=max {
        window += count.get(l).copied().unwrap_or(0);
        if l >= 11 {
            window -= count.get(l - 11).copied().unwrap_or(0);
        }
        if window > best.1 || (window == best.1 && window > 0) {
            best = (l, window);
        }
    }
    (best.1 >= 8).then_some(best.0)
}
