//! Measures the article extractors on the article-extraction benchmark pages
//! (`../shared/corpora/aeb/*/page.html` against each folder's `ground-truth.txt`).
//!
//! Tokens are what the benchmark's `evaluate.py` takes: maximal runs of word characters
//! (Python's `\w+`: letters, digits, marks and `_`), case kept. Three scores per extractor:
//! * **bag F1, per page**: multiset token overlap (`sum min(count_got, count_truth)`)
//!   gives each page's precision and recall; the table shows their means over pages and
//!   the mean of the pages' F1;
//! * **bag F1, micro**: the same overlaps summed over all pages before dividing;
//! * **shingle F1**: the benchmark's own figure — multisets of 4-token shingles, each
//!   page's precision and recall, F1 of the mean precision and the mean recall.
//!
//! Rows: each extractor alone, and `loader` (what `storydiff` loads: [`html::extract`]).
//!
//! Titles (the ground truth has none): how often the title equals one of the page's `<h1>`
//! texts, and the JSON-LD headline where the page has one, whitespace collapsed and case
//! folded; before (the title `dom_smoothie` reports, which the loader took until the
//! headline was chosen by `html::title`) and after. `-- --titles` lists the pages where the
//! loader's title is none of the page's `<h1>` texts.
//!
//! Run: `cargo run --release --no-default-features --example extractor_eval`
//! (`-- --verbose` prints each page's bag F1; `-- --dump DIR` writes each extractor's
//! paragraphs to `DIR/<page>.<row>.txt` for inspection).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use storydiff::load::encoding;
use storydiff::load::html::{self, Extractor};

/// Python's `\w`: alphanumeric, a combining mark's neighbour, or `_`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Word tokens as the benchmark takes them.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Multiset of n-token shingles (one token each when `n == 1`). A text shorter than `n`
/// tokens gives one short shingle, as in the benchmark.
fn shingles(text: &str, n: usize) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut counts = HashMap::new();
    if toks.is_empty() {
        return counts;
    }
    if toks.len() < n {
        counts.insert(toks, 1);
        return counts;
    }
    for w in toks.windows(n) {
        *counts.entry(w.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// True positives, predicted count, truth count of `got` against `truth`.
fn overlap(got: &str, truth: &str, n: usize) -> (usize, usize, usize) {
    let (g, t) = (shingles(got, n), shingles(truth, n));
    let tp = g
        .iter()
        .map(|(w, c)| (*c).min(t.get(w).copied().unwrap_or(0)))
        .sum();
    (tp, g.values().sum(), t.values().sum())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The benchmark's precision/recall of one page (empty-against-empty is perfect).
fn page_pr((tp, got, truth): (usize, usize, usize)) -> (f64, f64) {
    if got == tp && truth == tp {
        return (1.0, 1.0);
    }
    (ratio(tp, got), ratio(tp, truth))
}

/// Running sums for one row of the table.
#[derive(Default)]
struct Sums {
    p: f64,
    r: f64,
    f: f64,
    tp: usize,
    got: usize,
    truth: usize,
    sp: f64,
    sr: f64,
    empty: usize,
}

/// Whitespace collapsed, lower case.
fn norm(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn pages(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join("page.html").is_file() && p.join("ground-truth.txt").is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn read_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let declared = encoding::html_declared_charset(&bytes);
    encoding::decode(&bytes, declared).ok().map(|d| d.text)
}

/// Adds one page to the title tallies `t`: before = h1, after = h1, pages with h1,
/// before = JSON-LD, after = JSON-LD, pages with JSON-LD.
fn title_checks(page: &str, name: &str, show: bool, t: &mut [usize; 6]) {
    let before = html::extract_with(page, Extractor::DomSmoothie).and_then(|a| a.title);
    let after = html::extract(page).and_then(|a| a.title);
    let h1s: Vec<String> = dom_query::Document::from(page)
        .try_select("h1")
        .map(|s| s.nodes().iter().map(|n| norm(&n.text())).collect())
        .unwrap_or_default();
    let ld = html::title::candidates(page)
        .into_iter()
        .find(|c| c.source == html::title::Source::JsonLd)
        .map(|c| norm(&c.text));
    let (b, a) = (
        before.as_deref().map(norm).unwrap_or_default(),
        after.as_deref().map(norm).unwrap_or_default(),
    );
    if !h1s.is_empty() {
        t[0] += usize::from(h1s.contains(&b));
        t[1] += usize::from(h1s.contains(&a));
        t[2] += 1;
        if show && !h1s.contains(&a) {
            println!("title {}: {a:?} / h1 {h1s:?}", name.get(..12).unwrap_or(""));
        }
    }
    if let Some(ld) = ld {
        t[3] += usize::from(ld == b);
        t[4] += usize::from(ld == a);
        t[5] += 1;
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/aeb");
    let dirs = pages(&root);
    if dirs.is_empty() {
        eprintln!(
            "no benchmark pages under {}; nothing to measure",
            root.display()
        );
        return;
    }
    let rows: Vec<(&str, Option<Extractor>)> = Extractor::ALL
        .iter()
        .map(|e| (e.name(), Some(*e)))
        .chain([("loader", None)])
        .collect();
    let mut sums: Vec<Sums> = rows.iter().map(|_| Sums::default()).collect();
    let mut counted = 0usize;
    let show_titles = args.iter().any(|a| a == "--titles");
    // before = h1, after = h1, pages with h1, before = JSON-LD, after = JSON-LD, with JSON-LD
    let mut t = [0usize; 6];
    for dir in &dirs {
        let (Some(page), Some(truth)) = (
            read_text(&dir.join("page.html")),
            read_text(&dir.join("ground-truth.txt")),
        ) else {
            continue;
        };
        counted += 1;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        title_checks(&page, &name, show_titles, &mut t);
        let mut line = String::new();
        for ((row, extractor), sum) in rows.iter().zip(sums.iter_mut()) {
            let got = match extractor {
                Some(e) => html::extract_with(&page, *e),
                None => html::extract(&page),
            };
            let paragraphs = got.map(|a| a.paragraphs).unwrap_or_default();
            let text = paragraphs.join("\n");
            if let Some(dir) = &dump {
                let _ = std::fs::create_dir_all(dir);
                let _ = std::fs::write(dir.join(format!("{name}.{row}.txt")), &text);
            }
            if text.is_empty() {
                sum.empty += 1;
            }
            let bag = overlap(&text, &truth, 1);
            let (p, r) = page_pr(bag);
            sum.p += p;
            sum.r += r;
            sum.f += f1(p, r);
            sum.tp += bag.0;
            sum.got += bag.1;
            sum.truth += bag.2;
            let (sp, sr) = page_pr(overlap(&text, &truth, 4));
            sum.sp += sp;
            sum.sr += sr;
            let _ = write!(line, "  {:.3}", f1(p, r));
        }
        if verbose {
            println!("{}{line}", name.get(..12).unwrap_or(""));
        }
    }
    println!("pages: {counted} (from {})", root.display());
    println!(
        "{:<16} {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7} | {:>9} {:>6}",
        "extractor",
        "bag P",
        "bag R",
        "bag F1",
        "micro P",
        "micro R",
        "micro F1",
        "shingle F1",
        "empty"
    );
    let n = counted.max(1) as f64;
    for ((row, _), s) in rows.iter().zip(&sums) {
        let (mp, mr) = (ratio(s.tp, s.got), ratio(s.tp, s.truth));
        println!(
            "{row:<16} {:>7.4} {:>7.4} {:>7.4} | {mp:>7.4} {mr:>7.4} {:>8.4} | {:>10.4} {:>6}",
            s.p / n,
            s.r / n,
            s.f / n,
            f1(mp, mr),
            f1(s.sp / n, s.sr / n),
            s.empty
        );
    }
    println!(
        "titles: equal to one of the page's h1: before {}/{}, after {}/{}; equal to the JSON-LD headline: before {}/{}, after {}/{}",
        t[0], t[2], t[1], t[2], t[3], t[5], t[4], t[5]
    );
}
