//! Detector for `duplicate_passage` findings: the same or nearly the same passage twice
//! in one article (a caption printed twice, a paragraph duplicated by a scraper, a
//! repeated sentence).
//!
//! Paragraphs are compared on their normalised words (case, punctuation and spacing
//! folded): equal word sequences are found with a hash map, near-equal ones through an
//! index of three-word shingles (each paragraph is compared only with the earlier
//! paragraphs it shares shingles with), so the cost stays near linear in the text.
//! Sentences of eight words or more repeated elsewhere are found the same way. Short
//! generic repeats and page boilerplate ("Advertisement", "Read more") are left to the
//! boilerplate detector. The later copy is flagged; `related` points at the earlier one.
//!
//! What is *not* a scraper duplicate, decided from the text's shape, not from known phrases:
//! - a passage shorter than a headline ([`MIN_PARAGRAPH_WORDS`]);
//! - a line that recurs [`TEMPLATE_COPIES`] times or more (a question asked of every
//!   interviewee, a table's "Yes"/"No" cell, a list label): a scraper prints a passage
//!   twice, a template repeats it many times;
//! - a line built on a frame that [`TEMPLATE_COPIES`] or more lines share (half their
//!   word triples or more: "Vote for Anna on the last page!", "Vote for Olga …");
//! - a short sign-off starting with a dash, the attribution under each quote or
//!   embedded post;
//! - a short list line repeated inside a list ([`in_list`]): the line and its neighbours
//!   start like list items (a number or quantity, a bullet) or are table cells of similar
//!   short length — a recipe's "1 cup sugar" under two headings.
//!
//! Fitted on `../shared/corpora/aeb` (40 pages × 5 extractor outputs, labelled as in
//! `tests/detect_duplicate_aeb.rs`): the story text the outputs print once too often has
//! 3–27 words where it is not a one-word credit or button ("Photo", "Close", which are the
//! boilerplate detector's); the article's own repeats (in the ground truth as often) are
//! interview questions of 5–20 words recurring 23 times, hence the copy-count rule rather
//! than a higher word floor. Five words keeps a repeated headline; list lines of recipes
//! and tables in our fixtures run 1–7 words.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash as _, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rayon::prelude::*;

use super::boilerplate::looks_like_boilerplate;
use super::context::{Context, Hit, Para, Tok, loc};
use crate::model::{Finding, FindingKind};

/// Fewest words a paragraph needs to count as a passage: a short headline.
const MIN_PARAGRAPH_WORDS: usize = 5;
/// A paragraph text occurring this many times or more in one article is a template
/// (a repeated question, cell or label), not a duplicate.
const TEMPLATE_COPIES: usize = 3;
/// Dice overlap of shingle sets at or above which two paragraphs share a frame (see
/// [`family_sizes`]): half, so one changed name in an eight-word line still counts.
const FAMILY: f64 = 0.5;
/// Words up to which a line among list-shaped neighbours counts as a list item.
const LIST_LINE_WORDS: usize = 12;
/// Fewest words a sentence needs to count as a repeated passage.
const MIN_SENTENCE_WORDS: usize = 8;
/// Shingle width in words.
const SHINGLE: usize = 3;
/// Shingles shared by more paragraphs than this are too common to index.
const MAX_POSTINGS: usize = 32;
/// Dice overlap of shingle sets above which two paragraphs are near-duplicates.
const NEAR: f64 = 0.7;

/// Finds `duplicate_passage` in the context's articles.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    // Articles are independent here: judged side by side, joined in article order.
    let per_article: Vec<Vec<Finding>> = (0..ctx.article_count())
        .into_par_iter()
        .map(|a| detect_article(ctx, a))
        .collect();
    per_article.into_iter().flatten().collect()
}

/// The trimmed extent of a paragraph in chars.
fn trimmed_span(cs: &[char]) -> (usize, usize) {
    let start = cs.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
    let end = cs
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(start, |i| i + 1);
    (start, end)
}

/// The splitmix64 finaliser: a cheap, well-spread mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One hash per word (its lower-case form), computed once per paragraph.
fn word_hashes(words: &[Tok]) -> Vec<u64> {
    words
        .iter()
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.lower.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// The key of a word sequence from its word hashes: equal sequences, equal keys (the mix
/// makes the key depend on the order).
fn key_of(hashes: &[u64]) -> u64 {
    hashes
        .iter()
        .fold(mix(hashes.len() as u64), |acc, &h| mix(acc ^ h))
}

/// The distinct shingle keys of a paragraph's word hashes.
fn shingles_of(hashes: &[u64]) -> HashSet<u64> {
    hashes.windows(SHINGLE).map(key_of).collect()
}

/// Per-paragraph answers of [`looks_like_boilerplate`], computed on first need (the cue
/// judgement is the costly part of this detector, and most paragraphs never need it).
struct BoilerplateMemo<'c> {
    ctx: &'c Context<'c>,
    article: usize,
    known: HashMap<usize, bool>,
}

impl BoilerplateMemo<'_> {
    fn paragraph(&mut self, p: usize) -> bool {
        let (ctx, article) = (self.ctx, self.article);
        *self.known.entry(p).or_insert_with(|| {
            ctx.para_text(article, p)
                .is_some_and(looks_like_boilerplate)
        })
    }
}

/// Duplicates inside one article.
fn detect_article(ctx: &Context<'_>, article: usize) -> Vec<Finding> {
    let paras = &ctx.article(article).paragraphs;
    let texts: Vec<&str> = (0..paras.len())
        .map(|p| ctx.para_text(article, p).unwrap_or(""))
        .collect();
    let all_words: Vec<&[Tok]> = (0..paras.len())
        .map(|p| ctx.para_words(article, p))
        .collect();
    let mut memo = BoilerplateMemo {
        ctx,
        article,
        known: HashMap::default(),
    };
    let mut out = Vec::new();
    let mut exact: HashMap<u64, usize> = HashMap::default();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::default();
    let hashes: Vec<Vec<u64>> = all_words.iter().map(|w| word_hashes(w)).collect();
    let sets: Vec<HashSet<u64>> = hashes.iter().map(|h| shingles_of(h)).collect();
    let mut flagged_paras: HashSet<usize> = HashSet::default();
    let keys: Vec<u64> = hashes.iter().map(|h| key_of(h)).collect();
    let mut copies: HashMap<u64, usize> = HashMap::default();
    for &k in &keys {
        *copies.entry(k).or_default() += 1;
    }
    let word_counts: Vec<usize> = all_words.iter().map(|w| w.len()).collect();
    let families = family_sizes(&sets);
    for (p, (text, shingles)) in texts.iter().zip(&sets).enumerate() {
        let n = word_counts.get(p).copied().unwrap_or(0);
        let key = keys.get(p).copied().unwrap_or(0);
        let key_copies = copies.get(&key).copied().unwrap_or(0);
        let template = key_copies >= TEMPLATE_COPIES
            || families.get(p).copied().unwrap_or(0) >= TEMPLATE_COPIES;
        // Every test but the cue judgement; that one runs only where it can change the
        // outcome (an earlier copy exists, or a later one may find this one).
        let shaped = n >= MIN_PARAGRAPH_WORDS
            && !template
            && !in_list(&texts, &word_counts, p)
            && !attribution(text, n);
        let mut earlier: Option<(usize, bool)> = None;
        if shaped {
            if let Some(&q) = exact.get(&key) {
                if !memo.paragraph(p) {
                    earlier = Some((q, true));
                }
            } else if key_copies >= 2 {
                if !memo.paragraph(p) {
                    exact.insert(key, p);
                    earlier = near_duplicate(shingles, &postings, &sets).map(|q| (q, false));
                }
            } else if let Some(q) = near_duplicate(shingles, &postings, &sets)
                && !memo.paragraph(p)
            {
                earlier = Some((q, false));
            }
        }
        if let (Some((q, same)), Some(para)) = (earlier, paras.get(p)) {
            out.extend(paragraph_finding(ctx, article, p, para, q, same));
            flagged_paras.insert(p);
        }
        for &s in shingles {
            let list = postings.entry(s).or_default();
            if list.len() <= MAX_POSTINGS {
                list.push(p);
            }
        }
    }
    out.extend(repeated_sentences(
        ctx,
        article,
        &hashes,
        &mut memo,
        &flagged_paras,
    ));
    out
}

/// The finding for paragraph `p` repeating paragraph `q` (word for word when `same`).
fn paragraph_finding(
    ctx: &Context<'_>,
    article: usize,
    p: usize,
    para: &Para,
    q: usize,
    same: bool,
) -> Option<Finding> {
    let (start, end) = trimmed_span(&para.chars);
    let (q_start, q_end) = ctx
        .para(article, q)
        .map_or((0, 0), |c| trimmed_span(&c.chars));
    let message = if same {
        format!(
            "This paragraph repeats paragraph {} word for word; one copy is probably left over from the page (a caption or link printed twice, or a scraper duplicate).",
            q + 1
        )
    } else {
        format!(
            "This paragraph nearly repeats paragraph {}; one copy is probably left over from the page (a caption or link printed twice, or a scraper duplicate).",
            q + 1
        )
    };
    ctx.finding(
        FindingKind::DuplicatePassage,
        article,
        p,
        Hit {
            start,
            end,
            message,
            suggestion: None,
            related: vec![loc(article, q, q_start, q_end)],
        },
    )
}

/// How many paragraphs (itself included) share at least [`FAMILY`] of each paragraph's
/// shingles: a line built on one frame ("Vote for Anna on the last page!", "Vote for
/// Olga …") belongs to a large family even where two copies are word for word the same.
fn family_sizes(sets: &[HashSet<u64>]) -> Vec<usize> {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::default();
    for (p, set) in sets.iter().enumerate() {
        for &s in set {
            let list = postings.entry(s).or_default();
            if list.len() <= MAX_POSTINGS {
                list.push(p);
            }
        }
    }
    let mut shared: HashMap<usize, usize> = HashMap::default();
    sets.iter()
        .enumerate()
        .map(|(p, set)| {
            shared.clear();
            for s in set {
                for &q in postings.get(s).map_or(&[][..], Vec::as_slice) {
                    if q != p {
                        *shared.entry(q).or_default() += 1;
                    }
                }
            }
            1 + shared
                .iter()
                .filter(|&(&q, &n)| {
                    let other = sets.get(q).map_or(0, HashSet::len);
                    2.0 * n as f64 >= FAMILY * (set.len() + other) as f64
                })
                .count()
        })
        .collect()
}

/// True for a short sign-off line that starts with a dash: the attribution printed under
/// each quotation or embedded post ("— Harbour Union (@harbourunion) 14 October"), which
/// recurs by design.
fn attribution(text: &str, words: usize) -> bool {
    words <= LIST_LINE_WORDS && text.trim_start().starts_with(['—', '–', '―'])
}

/// True when the line starts like a list item: a bullet or dash, or a number or
/// quantity ("1", "2.", "½", "3)").
fn list_marker(text: &str) -> bool {
    let t = text.trim_start();
    let Some(c) = t.chars().next() else {
        return false;
    };
    matches!(c, '•' | '·' | '*' | '-' | '–' | '—' | '▪' | '◦' | '‣' | '|') || c.is_numeric()
}

/// True when paragraph `p` is a short line inside a list or table: it has at most
/// [`LIST_LINE_WORDS`] words, and each neighbour present is short too (at most
/// [`LIST_LINE_WORDS`] words, and no more than twice as long as it, plus two), with
/// the line or both neighbours starting like list items. Table cells loaded one per
/// paragraph ("Yes", "No", "2 kg") meet this through their short neighbours when the
/// line itself starts like an item.
fn in_list(paras: &[&str], word_counts: &[usize], p: usize) -> bool {
    let own = word_counts.get(p).copied().unwrap_or(0);
    if own > LIST_LINE_WORDS {
        return false;
    }
    let neighbours: Vec<usize> = [p.checked_sub(1), Some(p + 1)]
        .into_iter()
        .flatten()
        .filter(|&q| q < paras.len())
        .collect();
    if neighbours.is_empty() {
        return false;
    }
    let similar = |q: usize| {
        let n = word_counts.get(q).copied().unwrap_or(usize::MAX);
        n <= LIST_LINE_WORDS && n <= 2 * own + 2 && own <= 2 * n + 2
    };
    let marked = |q: usize| paras.get(q).is_some_and(|t| list_marker(t));
    neighbours.iter().all(|&q| similar(q)) && (marked(p) || neighbours.iter().all(|&q| marked(q)))
}

/// The earlier paragraph whose shingles overlap this one's by at least [`NEAR`].
fn near_duplicate(
    shingles: &HashSet<u64>,
    postings: &HashMap<u64, Vec<usize>>,
    sets: &[HashSet<u64>],
) -> Option<usize> {
    if shingles.len() < 3 {
        return None;
    }
    let mut shared: HashMap<usize, usize> = HashMap::default();
    for s in shingles {
        for &q in postings.get(s).map_or(&[][..], Vec::as_slice) {
            *shared.entry(q).or_default() += 1;
        }
    }
    shared
        .into_iter()
        .filter_map(|(q, n)| {
            let other = sets.get(q)?.len();
            let dice = 2.0 * n as f64 / (shingles.len() + other) as f64;
            (dice >= NEAR).then_some((q, dice))
        })
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
        .map(|(q, _)| q)
}

/// A sentence's paragraph, start and end (chars) in its paragraph and the hash of its words.
type SentenceKey = (usize, usize, usize, u64);

/// The sentence spans of `para` of [`MIN_SENTENCE_WORDS`] words or more, with the hash
/// of their words.
fn long_sentences(p: usize, para: &Para, words: &[Tok], hashes: &[u64]) -> Vec<SentenceKey> {
    let mut out = Vec::new();
    let mut k = 0;
    for s in &para.sentences {
        while words.get(k).is_some_and(|w| w.start < s.start) {
            k += 1;
        }
        let first = k;
        while words.get(k).is_some_and(|w| w.end <= s.end) {
            k += 1;
        }
        let inside = hashes.get(first..k).unwrap_or(&[]);
        if inside.len() >= MIN_SENTENCE_WORDS {
            out.push((p, s.start, s.end, key_of(inside)));
        }
    }
    out
}

/// Sentences of [`MIN_SENTENCE_WORDS`] words or more that occur twice (not counting
/// copies in page boilerplate, nor [`TEMPLATE_COPIES`] times or more), outside paragraphs
/// already flagged as a whole.
fn repeated_sentences(
    ctx: &Context<'_>,
    article: usize,
    hashes: &[Vec<u64>],
    memo: &mut BoilerplateMemo<'_>,
    flagged: &HashSet<usize>,
) -> Vec<Finding> {
    let paras = &ctx.article(article).paragraphs;
    let all: Vec<SentenceKey> = paras
        .iter()
        .enumerate()
        .flat_map(|(p, para)| {
            let h = hashes.get(p).map_or(&[][..], Vec::as_slice);
            long_sentences(p, para, ctx.para_words(article, p), h)
        })
        .collect();
    let mut raw: HashMap<u64, usize> = HashMap::default();
    for &(.., key) in &all {
        *raw.entry(key).or_default() += 1;
    }
    // Only a sentence whose words occur twice or more can be a repeat; the cue judgement
    // (of its paragraph and of itself) runs for those alone.
    let mut kept: Vec<SentenceKey> = Vec::new();
    // The judgement of each distinct sentence text, once: a repeated sentence is judged
    // once, not once per copy.
    let mut judged: HashMap<String, bool> = HashMap::default();
    for &(p, s, e, key) in &all {
        if raw.get(&key).copied().unwrap_or(0) < 2 || memo.paragraph(p) {
            continue;
        }
        let text = ctx
            .para(article, p)
            .and_then(|para| para.chars.get(s..e))
            .map(|cs| cs.iter().collect::<String>())
            .unwrap_or_default();
        let page_text = if let Some(&known) = judged.get(&text) {
            known
        } else {
            let verdict = looks_like_boilerplate(&text);
            judged.insert(text, verdict);
            verdict
        };
        if !page_text {
            kept.push((p, s, e, key));
        }
    }
    let mut copies: HashMap<u64, usize> = HashMap::default();
    for &(.., key) in &kept {
        *copies.entry(key).or_default() += 1;
    }
    let single = |q: usize| ctx.para(article, q).is_some_and(|c| c.sentences.len() <= 1);
    let mut out = Vec::new();
    let mut seen: HashMap<u64, (usize, usize, usize)> = HashMap::default();
    for &(p, s, e, key) in &kept {
        if copies.get(&key).copied().unwrap_or(0) >= TEMPLATE_COPIES {
            continue;
        }
        let Some(&(q, qs, qe)) = seen.get(&key) else {
            seen.insert(key, (p, s, e));
            continue;
        };
        let both_whole = q != p && single(p) && single(q);
        if flagged.contains(&p) || both_whole {
            continue;
        }
        out.extend(ctx.finding(
            FindingKind::DuplicatePassage,
            article,
            p,
            Hit {
                start: s,
                end: e,
                message: format!(
                    "This sentence already appears in paragraph {}; one copy is probably left over from the page or a scraper.",
                    q + 1
                ),
                suggestion: None,
                related: vec![loc(article, q, qs, qe)],
            },
        ));
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::detect::context::Context;
    use crate::detect::testing::comparison_of;
    use crate::model::Location;

    fn detect(c: &crate::model::Comparison) -> Vec<Finding> {
        super::detect(&Context::new(c))
    }

    const CAPTION: &str =
        "Container ships wait at anchor off the port during the strike. (Photo: Example Press)";

    #[test]
    fn flags_the_later_copy_of_a_repeated_caption() {
        let paras = [
            "Dockers voted to end the strike on Sunday.",
            CAPTION,
            "Container ships wait at anchor off the port during the strike.  (Photo: Example Press)",
            "The deal runs for four years.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].paragraph, 2);
        assert_eq!((f[0].start, f[0].end), (0, 86));
        assert_eq!(f[0].text, paras[2]);
        assert_eq!(
            f[0].related,
            vec![Location {
                article: 0,
                paragraph: 1,
                start: 0,
                end: 85
            }]
        );
        assert!(f[0].message.contains("paragraph 2"));
    }

    #[test]
    fn flags_near_duplicates_with_small_edits() {
        let paras = [
            "The minister visited the harbour office on Friday and met the union leaders for an hour.",
            "Weather was calm.",
            "The minister visited the harbour office on Friday, and met union leaders for an hour.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].paragraph, 2);
        assert!(f[0].message.contains("nearly"));
    }

    #[test]
    fn flags_a_repeated_sentence_inside_a_paragraph() {
        let paras = [
            "The strike lasted nineteen days at the port of Saltmere. Talks resumed.",
            "Unions cheered the result and ferry operators said sailings resume by Monday. The strike lasted nineteen days at the port of Saltmere.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].paragraph, 1);
        assert_eq!(f[0].start, 78);
        assert_eq!(
            f[0].text,
            "The strike lasted nineteen days at the port of Saltmere."
        );
    }

    #[test]
    fn a_repeated_line_of_a_recipe_list_is_not_flagged() {
        let paras = [
            "Lemon drizzle cake for the harbour bake sale, as the stall volunteers make it every year.",
            "For the sponge:",
            "1 cup sugar",
            "2 cups of plain flour, sifted twice",
            "3 large eggs, beaten with a fork",
            "For the drizzle:",
            "1 cup sugar",
            "2 cups of plain flour, sifted twice",
            "Juice of two lemons",
            "Bake for forty minutes and pour the drizzle over the warm sponge before it cools.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn repeated_table_cells_are_not_flagged() {
        let paras = [
            "Which ferry routes run this week, according to the port authority's timetable:",
            "| Northern route to the islands | Monday to Friday | Yes |",
            "| Southern route along the coast | Monday to Friday | Yes |",
            "| Night crossing to the mainland | Weekends only | No |",
            "| Southern route along the coast | Monday to Friday | Yes |",
            "| Freight service to the terminal | Monday to Friday | No |",
            "Yes",
            "No",
            "Yes",
            "No",
            "Yes",
            "Timetables may change at short notice while the quays are cleared after the strike.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_caption_printed_twice_among_prose_is_flagged() {
        let caption = "Dockworkers gather outside the union hall in Saltmere, Tuesday, Oct. 13. (Photo: Example Press)";
        let paras = [
            "Dockworkers at the Port of Saltmere voted on Tuesday to accept the deal, ending a strike of nineteen days.",
            caption,
            caption,
            "The agreement raises pay by eleven percent over three years and adds a rest day.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].paragraph, 2);
        assert_eq!(f[0].related[0].paragraph, 1);
    }

    #[test]
    fn a_repeated_headline_is_flagged() {
        let headline = "Saltmere dockers vote to end strike";
        let paras = [
            headline,
            "By a staff reporter",
            headline,
            "Dockworkers at the Port of Saltmere voted on Tuesday to accept the deal, ending a strike of nineteen days.",
            "The agreement raises pay by eleven percent over three years and adds a rest day.",
        ];
        let f = detect(&comparison_of(&[&paras]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].paragraph, 2);
        assert_eq!(f[0].text, headline);
    }

    #[test]
    fn a_question_asked_of_every_interviewee_is_a_template() {
        let question = "What made you start cooking for the stall? Tell us about the first dish you ever sold on the quay.";
        let mut paras = Vec::new();
        for (intro, answer) in [
            (
                "Ana sells fish stew from a cart beside the ferry ramp.",
                "A grandmother's recipe and a borrowed oven, she says.",
            ),
            (
                "Ben bakes rye loaves in a shed behind the net lofts.",
                "Nobody else on the quay was selling bread before dawn.",
            ),
            (
                "Cleo fries doughnuts for the night shift at the container terminal.",
                "Her father worked the cranes for thirty winters.",
            ),
        ] {
            paras.push(intro.to_string());
            paras.push(question.to_string());
            paras.push(answer.to_string());
        }
        let texts: Vec<&str> = paras.iter().map(String::as_str).collect();
        let f = detect(&comparison_of(&[&texts]));
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn lines_on_one_frame_and_embed_sign_offs_are_not_flagged() {
        let mut paras = Vec::new();
        for (name, story) in [
            (
                "Anna",
                "Anna pickles herring in her own kitchen above the chandlery.",
            ),
            (
                "Olga",
                "Olga makes blackberry jam from the hedges by the old lighthouse.",
            ),
            (
                "Ivan",
                "Ivan smokes mackerel over oak chips in a barrel on his boat.",
            ),
            (
                "Olga",
                "The second Olga bakes seed cake from her mother's notebook.",
            ),
        ] {
            paras.push(story.to_string());
            paras.push(format!("Vote for {name} on the last page of the contest!"));
            paras.push("— Harbour Union (@harbourunion) October 14, 2026".to_string());
        }
        let texts: Vec<&str> = paras.iter().map(String::as_str).collect();
        let f = detect(&comparison_of(&[&texts]));
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn leaves_short_and_boilerplate_repeats() {
        let paras = [
            "Advertisement",
            "Ships are waiting.",
            "Advertisement",
            "Ships are waiting.",
            "Sign up for our newsletter to get the news first every day",
            "Sign up for our newsletter to get the news first every day",
        ];
        assert!(detect(&comparison_of(&[&paras])).is_empty());
    }
}
