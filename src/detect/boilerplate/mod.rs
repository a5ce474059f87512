//! Detector for `boilerplate` findings: text of the page, not of the story — navigation,
//! related-link lists, comment forms and counters, share and follow prompts, reader
//! prompts, app and newsletter promotions, AI-summary and syndication notices, credits.
//!
//! Each paragraph is judged by one scored model (`model.rs`, logistic regression) over
//! signals that do not depend on having seen the passage's wording (`signals.rs`): where the
//! article's main run of prose sits and how much of the paragraph's neighbourhood is prose,
//! the paragraph's form (length, sentence end, capitals, the file's own function words,
//! second person, imperative, menu shape, all-caps label, date or credit line), its cohesion
//! with the story's prose, and, with several articles open, whether any other article carries
//! it. The cue lists (`cues.rs`, data in `detect/lexicon/en/boilerplate_*.txt`) are two
//! signals among these. Weights and threshold are fitted on the aeb dev corpus by
//! `examples/furniture_fit.rs` and written in `detect/boilerplate_weights.txt`.
//!
//! Whole paragraphs are flagged, or the first or last sentence of a paragraph when only that
//! sentence is page text by its wording ("... as planned. Read more: Port strike ends").

mod cues;
mod lexicon;
pub mod model;
pub mod signals;

use rayon::prelude::*;

use super::context::{Context, Hit, Para};
use crate::model::{Finding, FindingKind};
use signals::Signals;

/// Finds `boilerplate` in the context's articles.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    // Articles are judged side by side, their findings joined in article order.
    let per_article: Vec<Vec<Finding>> = (0..ctx.comparison.articles.len())
        .into_par_iter()
        .map(|a| detect_article(ctx, a))
        .collect();
    per_article.into_iter().flatten().collect()
}

/// The `boilerplate` findings of one article.
fn detect_article(ctx: &Context<'_>, a: usize) -> Vec<Finding> {
    let model = model::weights();
    let mut out = Vec::new();
    if let Some(article) = ctx.comparison.articles.get(a) {
        let all = signals::signals(ctx, a);
        let paras = &ctx.article(a).paragraphs;
        for (p, ((para, sig), view)) in article.paragraphs.iter().zip(&all).zip(paras).enumerate() {
            let flag = decide(
                sig,
                &para.text,
                model.probability(&sig.values),
                model.threshold,
            );
            if flag {
                let (start, end) = cues::trimmed(&view.chars, 0, view.chars.len());
                if start < end {
                    out.extend(ctx.finding(
                        FindingKind::Boilerplate,
                        a,
                        p,
                        Hit {
                            start,
                            end,
                            message: message(sig, model),
                            suggestion: Some(String::new()),
                            related: Vec::new(),
                        },
                    ));
                }
                continue;
            }
            // Only the first or last sentence is page text.
            for (s, e) in edge_sentences(view) {
                let text: String = view.chars.get(s..e).unwrap_or_default().iter().collect();
                if let Some(why) = cues::judge_sentence(&text) {
                    out.extend(ctx.finding(
                        FindingKind::Boilerplate,
                        a,
                        p,
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

/// The first and last sentence spans of a paragraph with at least two sentences (from the
/// context's one splitter).
fn edge_sentences(para: &Para) -> Vec<(usize, usize)> {
    match para.sentences.as_slice() {
        [first, .., last] => vec![(first.start, first.end), (last.start, last.end)],
        _ => Vec::new(),
    }
}

/// The decision for one paragraph, from its signals and the model's probability `p`.
/// Captions, data-table rows and embedded posts' sign-offs belong to the story's material and stay unless
/// worded as page text; a line without a word that another open article carries too is not
/// this page's furniture; everything else is the model's call.
#[must_use]
pub fn decide(sig: &Signals, text: &str, p: f64, threshold: f64) -> bool {
    let worded_as_page_text = sig.get("cue_wording") > 0.0;
    let story_material =
        sig.table_row || signals::caption_shape(text) || signals::embed_signoff(text);
    if story_material && !worded_as_page_text {
        return false;
    }
    if sig.wordless && sig.carried_elsewhere {
        return sig.cue.is_some();
    }
    p >= threshold
}

/// The finding's message: the cue judgement's when the wording is recognised, else the
/// strongest signals in plain words.
fn message(sig: &Signals, model: &model::Weights) -> String {
    if let Some(why) = sig.cue {
        return why.message();
    }
    let contributions = model.contributions(&sig.values);
    let reasons: [(&str, &str); 9] = [
        (
            "unshared_incoherent",
            "no other article carries it and it shares no words with the story",
        ),
        (
            "same_site_repeat",
            "it repeats in another article of the same site",
        ),
        (
            "outside_distance",
            "it sits outside the article's main run of prose",
        ),
        (
            "list_or_menu",
            "it is shaped like a menu or a list of links",
        ),
        ("second_person", "it addresses the reader"),
        ("imperative", "it tells the reader what to do"),
        ("counter", "it is a counter or label"),
        (
            "no_cohesion_short",
            "it is short and shares no words with the story",
        ),
        ("short", "it is a short line, not a sentence"),
    ];
    let mut picked: Vec<&str> = reasons
        .iter()
        .filter(|(name, _)| {
            signals::index(name)
                .and_then(|i| contributions.get(i))
                .is_some_and(|c| *c > 0.5)
        })
        .map(|(_, words)| *words)
        .take(2)
        .collect();
    if sig.get("prose_neighbours") < 0.34 && picked.len() < 2 {
        picked.push("the lines around it are not story prose");
    }
    if picked.is_empty() {
        picked.push("its form and place are those of page text");
    }
    format!(
        "This looks like page text, not part of the story: {}.",
        picked.join("; ")
    )
}

/// Context-free check used by other detectors: would the cue lists judge this passage page
/// text even without knowing where it sits?
#[must_use]
pub(crate) fn looks_like_boilerplate(text: &str) -> bool {
    cues::looks_like_boilerplate(text)
}

#[cfg(test)]
mod tests;
