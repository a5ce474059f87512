//! Fits the boilerplate model's weights and threshold on `../shared/corpora/aeb` and writes
//! them to `src/detect/boilerplate_weights.txt`.
//!
//! `cargo run --release --no-default-features --example furniture_fit [-- --dry-run]`
//! (`--curve` also prints out-of-fold precision/recall per threshold and the story lines
//! scored as furniture; `--peek K` lists output K's paragraphs with label and score).
//!
//! Data: every page × extractor output, loaded as the app loads a `.txt`, each paragraph
//! labelled furniture or story by the page's `ground-truth.txt` (rules in
//! `tests/common/eval.rs`; a headline the ground truth leaves out is story — it is the
//! article's own — and bylines and datelines are not scored). Each output gives two sets of samples: opened alone, and opened beside a
//! simulated other outlet's copy of the story (the ground truth with three lines in ten left
//! out: it carries most story paragraphs and none of the page's furniture), so the
//! cross-article signals get weights. The "beside another" figures are therefore optimistic;
//! the "opened alone" ones are the measure.
//!
//! Method: logistic regression (Newton's method, L2 penalty 1.0), 10-fold cross-validation
//! by page (page i in fold i mod 10; no page is ever in its own training set). The threshold
//! is the lowest one whose out-of-fold precision, pooled over the five extractors opened
//! alone, reaches 0.88 (the html2text target is precision 0.9; the pooled figure is lower
//! because trafilatura and readability outputs hold few furniture lines). The figures printed (and written into the weights file's header)
//! are nested: fold k is scored with a threshold chosen on the other folds' out-of-fold
//! scores, and decided by `boilerplate::decide` as the detector decides. The shipped weights
//! are then fitted on all pages.

#![allow(
    clippy::indexing_slicing,
    clippy::cast_precision_loss,
    clippy::needless_range_loop,
    clippy::too_many_lines,
    clippy::float_cmp,
    clippy::format_push_string
)]
// Reason: a numeric fitting program over fixed-size vectors and matrices whose indices are
// bounded by construction (0..N+1); counts stay far below 2^52; exact float equality only
// groups tied scores; it prints a few tables.

#[path = "../tests/common/eval.rs"]
mod eval;

use std::path::Path;

use storydiff::detect::boilerplate::decide;
use storydiff::detect::boilerplate::model::{self, Weights};
use storydiff::detect::boilerplate::signals::{self, N, NAMES};
use storydiff::model::CompareOptions;

const FOLDS: usize = 10;
const L2: f64 = 1.0;
const PRECISION_TARGET: f64 = 0.88;

/// Weights held fixed, not fitted. `cue_wording` (a leading cue such as "see also",
/// "reporting by", or a phrase such as "all rights reserved"): the aeb ground truth keeps
/// wire credits and copyright lines ("(Reporting by …)", "© Reuters") in the article, which
/// this project reports as page text; fitted, the weight would learn the benchmark's
/// convention instead. Fixed at 8 it decides on its own, as the hand labels require.
/// `unshared_incoherent` (several articles open, none carries the passage, and it shares
/// almost no words with the story): the simulated other outlet cannot teach it (fitted, it
/// came out 0.01), yet real outlets' furniture inside the story (AI-summary notices, reader
/// prompts, app promotions) is told from an outlet's own story paragraph by exactly this;
/// fixed at 7, enough to carry a well-formed sentence inside the prose block over the
/// threshold (the wire-story fixtures in `detect/boilerplate/tests.rs`).
/// `same_site_repeat` (the same text in another open article of the same outlet about
/// another story): no dev data has two articles of one site, so it cannot be fitted (it
/// came out 0); fixed at 3 as a prior, about what one strong form signal weighs.
const FIXED: [(&str, f64); 3] = [
    ("cue_wording", 8.0),
    ("unshared_incoherent", 7.0),
    ("same_site_repeat", 3.0),
];

struct Sample {
    text: String,
    sig: signals::Signals,
    x: [f64; N],
    y: bool,
    fold: usize,
    extractor: usize,
    alone: bool,
}

fn compare(articles: Vec<storydiff::model::Article>) -> storydiff::Comparison {
    storydiff::compare(
        articles,
        Vec::new(),
        &CompareOptions::default(),
        &mut |_| {},
    )
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn predict(w: &[f64; N + 1], x: &[f64; N]) -> f64 {
    sigmoid(w[N] + w.iter().zip(x).map(|(a, b)| a * b).sum::<f64>())
}

/// Solves a·x = b (Gaussian elimination with partial pivoting).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let piv = (c..n)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, piv);
        b.swap(c, piv);
        let d = a[c][c];
        if d.abs() < 1e-12 {
            continue;
        }
        for r in 0..n {
            if r != c {
                let f = a[r][c] / d;
                if f != 0.0 {
                    for k in c..n {
                        a[r][k] -= f * a[c][k];
                    }
                    b[r] -= f * b[c];
                }
            }
        }
    }
    (0..n)
        .map(|i| {
            if a[i][i].abs() < 1e-12 {
                0.0
            } else {
                b[i] / a[i][i]
            }
        })
        .collect()
}

/// Logistic regression by Newton's method; the bias is the last weight (not penalised).
fn fit(samples: &[&Sample]) -> [f64; N + 1] {
    let d = N + 1;
    let mut w = [0.0; N + 1];
    let fixed: Vec<usize> = FIXED
        .iter()
        .filter_map(|(n, _)| signals::index(n))
        .collect();
    for ((_, v), &i) in FIXED.iter().zip(&fixed) {
        w[i] = *v;
    }
    for _ in 0..30 {
        let mut g = vec![0.0; d];
        let mut h = vec![vec![0.0; d]; d];
        for s in samples {
            let p = predict(&w, &s.x);
            let r = p - f64::from(u8::from(s.y));
            let q = (p * (1.0 - p)).max(1e-9);
            let mut xv = [0.0; N + 1];
            xv[..N].copy_from_slice(&s.x);
            xv[N] = 1.0;
            for i in 0..d {
                g[i] += r * xv[i];
                if xv[i] != 0.0 {
                    for j in i..d {
                        h[i][j] += q * xv[i] * xv[j];
                    }
                }
            }
        }
        for i in 0..d {
            for j in 0..i {
                h[i][j] = h[j][i];
            }
            if i < N {
                g[i] += L2 * w[i];
                h[i][i] += L2;
            }
        }
        for &i in &fixed {
            g[i] = 0.0;
            for j in 0..d {
                h[i][j] = 0.0;
                h[j][i] = 0.0;
            }
            h[i][i] = 1.0;
        }
        let step = solve(h, g);
        let mut change = 0.0f64;
        for i in 0..d {
            w[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-6 {
            break;
        }
    }
    w
}

/// The lowest threshold at which precision over the scored samples reaches the target.
fn choose_threshold(scored: &[(f64, bool)]) -> f64 {
    let mut v: Vec<(f64, bool)> = scored.to_vec();
    v.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut best = 0.99;
    for (i, (p, y)) in v.iter().enumerate() {
        if *y {
            tp += 1;
        } else {
            fp += 1;
        }
        let next_same = v.get(i + 1).is_some_and(|n| n.0 == *p);
        if !next_same && tp as f64 / (tp + fp) as f64 >= PRECISION_TARGET && tp >= 10 {
            best = *p;
        }
    }
    best
}

/// Another outlet's copy of the page's story, simulated: the ground truth's lines with
/// three in ten left out (by a hash of page and line), so some story paragraphs of the
/// output have no counterpart (unique but coherent) and none of the page's furniture has.
fn other_outlet(root: &Path, page: &eval::FurniturePage) -> Option<storydiff::model::Article> {
    let gt = std::fs::read_to_string(page.path.with_file_name("ground-truth.txt")).ok()?;
    let _ = root;
    let kept: Vec<String> = gt
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .filter(|(i, _)| {
            let h = page.page.bytes().fold(*i as u64 ^ 0x9e37_79b9, |h, b| {
                h.wrapping_mul(31).wrapping_add(u64::from(b))
            });
            (h.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) % 10 >= 3
        })
        .map(|(_, l)| l.to_string())
        .collect();
    Some(storydiff::model::Article::from_texts(
        "other-outlet.txt",
        kept,
    ))
}

fn main() {
    let dry = std::env::args().any(|a| a == "--dry-run");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(pages) = eval::furniture_pages(&root.join("../shared/corpora/aeb")) else {
        eprintln!("../shared/corpora/aeb is absent");
        std::process::exit(1);
    };
    if let Some(i) = std::env::args().position(|a| a == "--peek") {
        let k: usize = std::env::args()
            .nth(i + 1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if let Some(page) = pages.get(k) {
            let c = compare(vec![page.article.clone()]);
            let sig = signals::signals(&storydiff::detect::Context::new(&c), 0);
            println!("{} {}", page.page, page.extractor);
            for ((p, l), s) in page.article.paragraphs.iter().zip(&page.labels).zip(&sig) {
                let tag = match l {
                    Some(true) => "F",
                    Some(false) => "S",
                    None => "-",
                };
                let t: String = p.text.chars().take(90).collect();
                println!(
                    "{tag} p={:.2} pr={} blk={} nb={:.2} coh={:.2} | {t}",
                    model::weights().probability(&s.values),
                    s.get("prose"),
                    s.get("in_main_block"),
                    s.get("prose_neighbours"),
                    s.get("cohesion")
                );
            }
        }
        return;
    }
    let mut page_names: Vec<&str> = pages.iter().map(|p| p.page.as_str()).collect();
    page_names.dedup();
    let mut samples = Vec::new();
    for page in &pages {
        let fold = page_names.iter().position(|n| *n == page.page).unwrap_or(0) % FOLDS;
        let extractor = eval::EXTRACTORS
            .iter()
            .position(|e| *e == page.extractor)
            .unwrap_or(0);
        let mut runs = vec![(true, compare(vec![page.article.clone()]))];
        if let Some(other) = other_outlet(root, page) {
            runs.push((false, compare(vec![page.article.clone(), other])));
        }
        for (alone, c) in runs {
            for ((s, l), para) in signals::signals(&storydiff::detect::Context::new(&c), 0)
                .iter()
                .zip(&page.labels)
                .zip(&page.article.paragraphs)
            {
                if let Some(y) = l {
                    samples.push(Sample {
                        text: para.text.clone(),
                        sig: s.clone(),
                        x: s.values,
                        y: *y,
                        fold,
                        extractor,
                        alone,
                    });
                }
            }
        }
    }
    eprintln!(
        "{} samples from {} outputs of {} pages",
        samples.len(),
        pages.len(),
        page_names.len()
    );
    // Out-of-fold probabilities.
    let mut oof = vec![0.0; samples.len()];
    for f in 0..FOLDS {
        let train: Vec<&Sample> = samples.iter().filter(|s| s.fold != f).collect();
        let w = fit(&train);
        for (i, s) in samples.iter().enumerate() {
            if s.fold == f {
                oof[i] = predict(&w, &s.x);
            }
        }
    }
    let alone_scored = |skip: Option<usize>| -> Vec<(f64, bool)> {
        samples
            .iter()
            .zip(&oof)
            .filter(|(s, _)| s.alone && Some(s.fold) != skip)
            .map(|(s, p)| (*p, s.y))
            .collect()
    };
    let threshold = choose_threshold(&alone_scored(None));
    if std::env::args().any(|a| a == "--curve") {
        for t in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95] {
            let mut line = format!("t={t:.2}");
            for e in 0..eval::EXTRACTORS.len() {
                let mut c = eval::Counts::default();
                for (s, p) in samples
                    .iter()
                    .zip(&oof)
                    .filter(|(s, _)| s.alone && s.extractor == e)
                {
                    c.add(s.y, *p >= t);
                }
                line.push_str(&format!("  {:.2}/{:.2}", c.precision(), c.recall()));
            }
            println!("{line}");
        }
        for (s, p) in samples
            .iter()
            .zip(&oof)
            .filter(|(s, p)| s.alone && !s.y && **p >= 0.7)
        {
            let t: String = s.text.chars().take(100).collect();
            println!("FP {:.2} {} | {t}", p, eval::EXTRACTORS[s.extractor]);
        }
    }
    // Nested figures: fold k judged with a threshold chosen without it.
    let mut counts = vec![[eval::Counts::default(); 2]; eval::EXTRACTORS.len()];
    for f in 0..FOLDS {
        let t = choose_threshold(&alone_scored(Some(f)));
        for (s, p) in samples.iter().zip(&oof).filter(|(s, _)| s.fold == f) {
            counts[s.extractor][usize::from(!s.alone)].add(s.y, decide(&s.sig, &s.text, *p, t));
        }
    }
    let mut figures = format!(
        "cross-validated (10 folds by page, nested threshold), precision / recall:\n{:<16} {:>15} {:>15}\n",
        "extractor", "opened alone", "beside another"
    );
    for (e, c) in eval::EXTRACTORS.iter().zip(&counts) {
        figures.push_str(&format!(
            "{e:<16} {:>6.3} / {:>6.3} {:>6.3} / {:>6.3}\n",
            c[0].precision(),
            c[0].recall(),
            c[1].precision(),
            c[1].recall()
        ));
    }
    print!("{figures}");
    let all: Vec<&Sample> = samples.iter().collect();
    let w = fit(&all);
    let mut weights = [0.0; N];
    weights.copy_from_slice(&w[..N]);
    let shipped = Weights {
        bias: w[N],
        weights,
        threshold,
    };
    let header = format!(
        "Boilerplate model: logistic regression over the signals of detect/boilerplate/signals.rs.\n\
         Written by `cargo run --release --no-default-features --example furniture_fit`; do not edit by hand.\n\
         Data: ../shared/corpora/aeb, {} pages x 5 extractor outputs loaded as .txt, {} scored paragraphs\n\
         (opened alone and beside a simulated other outlet: the ground truth less 3 lines in 10), labelled by ground-truth.txt\n\
         (rules in tests/common/eval.rs). Method: Newton's method, L2 penalty {L2}; cue_wording fixed at 8 and\n\
         unshared_incoherent at 7, same_site_repeat at 3 (not fitted, reasons at FIXED in the example); threshold = lowest\n\
         with pooled out-of-fold precision >= {PRECISION_TARGET} (10-fold cross-validation by page).\n\
         Figures (nested cross-validation, never in-sample):\n{figures}",
        page_names.len(),
        samples.len()
    );
    let text = model::render(&shipped, &header);
    println!("threshold {threshold:.4}");
    for (n, v) in NAMES.iter().zip(weights) {
        println!("{n:<22} {v:>8.3}");
    }
    println!("bias {:.3}", w[N]);
    if !dry {
        let path = root.join("src/detect/boilerplate_weights.txt");
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }
}
