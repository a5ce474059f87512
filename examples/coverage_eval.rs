//! Coverage measures on the dev corpora: same story or another story on the BASIL triplets,
//! passages that correspond although reworded, and sentence links against onestop's human
//! sentence alignments. The constants in `src/coverage/` were fitted with it.
//!
//! Run: `cargo run --release --no-default-features --example coverage_eval`
//! (`tests/coverage_corpus.rs` runs the same measures with floors).
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::missing_panics_doc,
    missing_docs
)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use storydiff::coverage::UNRELATED_RELATEDNESS;
use storydiff::coverage::relatedness::{article_terms, relatedness_of};
use storydiff::coverage::terms::Terms;
use storydiff::model::{Article, CompareOptions, FindingKind, Relation};

#[path = "align_quality.rs"]
#[allow(dead_code)]
mod quality;

/// The BASIL folder, relative to the package root.
#[must_use]
pub fn basil_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/basil")
}

/// The onestop folder.
#[must_use]
pub fn onestop_dir() -> PathBuf {
    quality::corpus_dir()
}

/// One event: its articles, as the loader reads them.
pub struct Event {
    pub name: String,
    pub articles: Vec<Article>,
}

/// Every BASIL event (`None` when the folder is absent).
#[must_use]
pub fn load_basil(dir: &Path) -> Option<Vec<Event>> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut events = Vec::new();
    for d in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let articles: Vec<Article> = files
            .iter()
            .filter_map(|f| storydiff::load::load_path(f).ok())
            .flatten()
            .collect();
        events.push(Event {
            name: d.file_name().unwrap().to_string_lossy().into_owned(),
            articles,
        });
    }
    Some(events)
}

/// Same-event vs different-event relatedness of every pair of articles.
#[derive(Debug, Default, Clone)]
pub struct Separation {
    pub same_pairs: usize,
    /// Same-event pairs that, opened together, would be called another story.
    pub same_unrelated: usize,
    pub different_pairs: usize,
    /// Different-event pairs that, opened together, would be called the same story.
    pub different_related: usize,
    pub same_min: f64,
    pub same_median: f64,
    pub different_max: f64,
    /// Articles whose nearest other-event article scores at or above the threshold.
    pub nearest_above: usize,
    pub articles: usize,
    /// Triplets opened as they come: articles called another story.
    pub triplet_unrelated: usize,
}

/// [`Separation`] on the events; `dates: false` measures as if no article had a date.
#[must_use]
pub fn separation(events: &[Event], dates: bool) -> Separation {
    let mut all: Vec<(usize, Article)> = Vec::new();
    for (e, ev) in events.iter().enumerate() {
        for a in &ev.articles {
            let mut a = a.clone();
            if !dates {
                a.date = None;
            }
            all.push((e, a));
        }
    }
    let articles: Vec<Article> = all.iter().map(|(_, a)| a.clone()).collect();
    let terms: Vec<Terms> = articles.iter().map(article_terms).collect();
    let m = relatedness_of(&articles, &terms);
    let mut s = Separation {
        same_min: 1.0,
        articles: all.len(),
        ..Separation::default()
    };
    let mut same = Vec::new();
    for i in 0..all.len() {
        let mut nearest: f64 = 0.0;
        for j in 0..all.len() {
            if i == j {
                continue;
            }
            let x = m[i][j];
            if all[i].0 == all[j].0 {
                if j > i {
                    same.push(x);
                    s.same_pairs += 1;
                    s.same_unrelated += usize::from(x < UNRELATED_RELATEDNESS);
                }
            } else {
                nearest = nearest.max(x);
                if j > i {
                    s.different_pairs += 1;
                    s.different_related += usize::from(x >= UNRELATED_RELATEDNESS);
                    s.different_max = s.different_max.max(x);
                }
            }
        }
        s.nearest_above += usize::from(nearest >= UNRELATED_RELATEDNESS);
    }
    same.sort_by(f64::total_cmp);
    s.same_min = same.first().copied().unwrap_or(0.0);
    s.same_median = same.get(same.len() / 2).copied().unwrap_or(0.0);
    for ev in events {
        let mut arts = ev.articles.clone();
        if !dates {
            for a in &mut arts {
                a.date = None;
            }
        }
        let mm = storydiff::coverage::relatedness(&arts);
        s.triplet_unrelated += storydiff::coverage::relatedness::unrelated(&mm)
            .iter()
            .filter(|&&u| u)
            .count();
    }
    s
}

/// Paragraph pairs from reports of different events: the share at or above each candidate
/// passage threshold, and the 99.5th percentile (the fitted `RELATED_PASSAGE`).
#[must_use]
pub fn different_event_paragraph_percentile(events: &[Event], q: f64) -> f64 {
    let paras: Vec<(usize, Terms)> = events
        .iter()
        .enumerate()
        .flat_map(|(e, ev)| {
            ev.articles
                .iter()
                .flat_map(|a| a.paragraphs.iter().map(|p| Terms::of_text(&p.text)))
                .map(move |t| (e, t))
        })
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let mut scores = Vec::new();
    // Every pair across events, sampled on a stride to stay quick.
    for (i, (ei, ti)) in paras.iter().enumerate() {
        for (ej, tj) in paras.iter().skip(i + 1).step_by(7) {
            if ei != ej {
                scores.push(ti.cosine(tj));
            }
        }
    }
    scores.sort_by(f64::total_cmp);
    scores
        .get(((scores.len() as f64) * q) as usize)
        .copied()
        .unwrap_or(0.0)
}

/// What a triplet looks like opened in the window.
#[derive(Debug, Default, Clone)]
pub struct Triplets {
    pub events: usize,
    /// Rows the word aligner alone gives.
    pub rows_aligned: usize,
    /// Rows after related passages join rows.
    pub rows: usize,
    /// Cells shown as related passages.
    pub related_cells: usize,
    /// Cells shown as reworded.
    pub reworded_cells: usize,
    pub findings: usize,
    pub unique_findings: usize,
    /// Highest word similarity of two reports of one event.
    pub max_word_similarity: f64,
    /// Every pair's word similarity, sorted.
    pub word_similarities: Vec<f64>,
    /// Facts by kind: quotes, figures, names; and those carried by 2+ outlets; and differing.
    pub facts: [usize; 3],
    pub facts_shared: [usize; 3],
    pub facts_differ: [usize; 3],
}

#[must_use]
pub fn triplets(events: &[Event]) -> Triplets {
    let mut t = Triplets::default();
    for ev in events {
        let c = storydiff::compare(
            ev.articles.clone(),
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        t.events += 1;
        t.rows_aligned += storydiff::align::align(&ev.articles, 0).len();
        t.rows += c.rows.len();
        for row in &c.rows {
            for cell in row.cells.iter().skip(1).flatten() {
                match cell.relation {
                    Relation::Related => t.related_cells += 1,
                    Relation::Reworded => t.reworded_cells += 1,
                    Relation::Same | Relation::Translation => {}
                }
            }
        }
        for (i, row) in c.similarity.iter().enumerate() {
            for (j, &x) in row.iter().enumerate() {
                if i < j {
                    t.max_word_similarity = t.max_word_similarity.max(x);
                    t.word_similarities.push(x);
                }
            }
        }
        t.findings += c.findings.len();
        t.unique_findings += c
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::UniquePassage)
            .count();
        for f in &c.facts {
            let k = f.kind as usize;
            t.facts[k] += 1;
            let outlets: HashSet<usize> = f.mentions.iter().map(|m| m.article).collect();
            t.facts_shared[k] += usize::from(outlets.len() >= 2);
            t.facts_differ[k] += usize::from(!f.differs.is_empty());
        }
    }
    t
}

/// Sentence links scored against onestop's human sentence alignments.
#[derive(Debug, Default, Clone, Copy)]
pub struct LinkScore {
    pub links: usize,
    /// Links whose two sentences people aligned.
    pub correct: usize,
    /// Links with at least one sentence that people aligned with something (scored links).
    pub scored: usize,
    pub gold: usize,
    pub found: usize,
}

impl LinkScore {
    #[must_use]
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.scored.max(1) as f64
    }
    #[must_use]
    pub fn strict_precision(&self) -> f64 {
        self.correct as f64 / self.links.max(1) as f64
    }
    #[must_use]
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }
}

fn word_set(s: &str) -> HashSet<String> {
    storydiff::normalize::words(s)
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let i = a.intersection(b).count();
    let u = a.union(b).count();
    if u == 0 { 0.0 } else { i as f64 / u as f64 }
}

/// Two sentences are the same sentence when their word sets overlap this much (the gold
/// files and our splitter cut some sentences differently).
const SAME_SENTENCE: f64 = 0.6;

/// Scores the sentence links of every level pair of every story, and collects the word
/// similarity of the cells (for the related/reworded threshold).
#[must_use]
pub fn onestop_links(stories: &[quality::Story]) -> (LinkScore, Vec<f64>, f64) {
    let mut min_article: f64 = 1.0;
    let mut score = LinkScore::default();
    let mut sims = Vec::new();
    for story in stories {
        for (la, lb) in [(0usize, 1usize), (0, 2), (2, 1)] {
            let gold: Vec<(HashSet<String>, HashSet<String>)> = story
                .gold
                .iter()
                .filter(|((a, _), (b, _))| *a == la && *b == lb)
                .map(|((_, sa), (_, sb))| (word_set(sa), word_set(sb)))
                .collect();
            if gold.is_empty() {
                continue;
            }
            let arts = vec![story.articles[la].clone(), story.articles[lb].clone()];
            let c = storydiff::compare(arts, Vec::new(), &CompareOptions::default(), &mut |_| {});
            min_article = min_article.min(c.similarity[0][1]);
            let text = |a: usize, s: &storydiff::model::Span| {
                storydiff::normalize::char_slice(
                    &c.articles[a].paragraphs[s.paragraph].text,
                    s.start,
                    s.end,
                )
                .to_string()
            };
            let mut found = vec![false; gold.len()];
            for row in &c.rows {
                if let Some(Some(cell)) = row.cells.get(1) {
                    if row.cells[0].is_some() && cell.relation != Relation::Same {
                        sims.push(cell.similarity);
                    }
                    for l in &cell.links {
                        let (ra, rb) =
                            (word_set(&text(0, &l.ref_span)), word_set(&text(1, &l.span)));
                        score.links += 1;
                        let mut hit = false;
                        let mut known = false;
                        for (g, (ga, gb)) in gold.iter().enumerate() {
                            let ma = jaccard(&ra, ga) >= SAME_SENTENCE;
                            let mb = jaccard(&rb, gb) >= SAME_SENTENCE;
                            known |= ma || mb;
                            if ma && mb {
                                hit = true;
                                found[g] = true;
                            }
                        }
                        score.correct += usize::from(hit);
                        score.scored += usize::from(known);
                    }
                }
            }
            score.gold += gold.len();
            score.found += found.iter().filter(|&&f| f).count();
        }
    }
    (score, sims, min_article)
}

/// Loads onestop (`None` when absent).
#[must_use]
pub fn load_onestop() -> Option<Vec<quality::Story>> {
    quality::load_corpus(&onestop_dir())
}

fn main() {
    let Some(events) = load_basil(&basil_dir()) else {
        eprintln!("the BASIL corpus is absent: {}", basil_dir().display());
        return;
    };
    for dates in [true, false] {
        let s = separation(&events, dates);
        println!(
            "relatedness ({}): same-event pairs {} (min {:.3}, median {:.3}), {} called another story; \
             different-event pairs {} (max {:.3}), {} called the same story; \
             nearest other-event article above the threshold for {}/{} articles; \
             triplets opened: {} of {} articles called another story",
            if dates { "with dates" } else { "dates removed" },
            s.same_pairs,
            s.same_min,
            s.same_median,
            s.same_unrelated,
            s.different_pairs,
            s.different_max,
            s.different_related,
            s.nearest_above,
            s.articles,
            s.triplet_unrelated,
            s.articles
        );
    }
    for q in [0.99, 0.995, 0.999] {
        println!(
            "paragraph pairs of different events: {:.1}th percentile of topical similarity {:.3}",
            q * 100.0,
            different_event_paragraph_percentile(&events, q)
        );
    }
    let t = triplets(&events);
    println!(
        "BASIL triplets opened ({} events): {} rows from the word aligner, {} after related passages join; \
         {} related cells, {} reworded; {} findings, {} unique passage ({:.0}%); word similarity of two reports at most {:.3}",
        t.events,
        t.rows_aligned,
        t.rows,
        t.related_cells,
        t.reworded_cells,
        t.findings,
        t.unique_findings,
        100.0 * t.unique_findings as f64 / t.findings.max(1) as f64,
        t.max_word_similarity
    );
    let mut ws = t.word_similarities.clone();
    ws.sort_by(f64::total_cmp);
    println!(
        "  word similarity of same-event pairs, highest five: {:?}",
        ws.iter()
            .rev()
            .take(5)
            .map(|x| (x * 1000.0).round() / 1000.0)
            .collect::<Vec<_>>()
    );
    for (k, name) in ["quote", "figure", "name"].iter().enumerate() {
        println!(
            "  facts {name}: {} ({} carried by 2+ outlets, {} differ)",
            t.facts[k], t.facts_shared[k], t.facts_differ[k]
        );
    }
    if let Some(stories) = load_onestop() {
        let (s, mut sims, min_article) = onestop_links(&stories);
        sims.sort_by(f64::total_cmp);
        println!(
            "onestop sentence links: {} links, precision {:.3} (over links with a sentence people aligned; {:.3} over all), recall {:.3} of {} human pairs",
            s.links,
            s.precision(),
            s.strict_precision(),
            s.recall(),
            s.gold
        );
        println!(
            "onestop aligned cells' word similarity: 10th percentile {:.3}, median {:.3}; article pairs' word similarity at least {:.3}",
            sims.get(sims.len() / 10).copied().unwrap_or(0.0),
            sims.get(sims.len() / 2).copied().unwrap_or(0.0),
            min_article
        );
    }
}
