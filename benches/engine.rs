//! Align + diff throughput on large documents built from the `OneStopEnglish` corpus
//! (`../shared/corpora/onestop`, paragraphs shuffled and edited with a fixed seed), or from a
//! generated vocabulary when the corpus is absent.
//!
//! Cases: 2 × 1 MB, 2 × 100 KB and 8 × 100 KB. Before criterion runs, one timed pass of each
//! prints the 1 MB / 100 KB scaling ratio (10 would be linear) and the ratio against a peer in
//! the same process: a plain `similar` word diff of the two 100 KB texts concatenated.
//!
//! Stages are also timed one by one (align, diff, detect) on each case and on the "0.8 MB
//! pair": every `OneStopEnglish` article's `adv` level concatenated (about 0.8 MB, with
//! repeats) against every `ele` level, so the detection share of a run can be read off.
//!
//! Load and report are benched too: the 2 × 100 KB documents written as text files and read
//! back with `load::load_path`, and the finished comparison written as text, JSON and HTML.
//! And the window's staged re-run: a whole comparison of the 8 × 100 KB files against an
//! option change with the files and alignment kept (`staged::StageCache`).
//!
//! Run: `cargo bench --no-default-features --bench engine`.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    missing_docs
)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use storydiff::model::{Article, Cell, CompareOptions, Comparison, Row};
use storydiff::{align, detect, diff, load, report, staged};

#[path = "../tests/common/rng.rs"]
mod rng;
use rng::Rng;

/// Paragraphs of the corpus, or generated ones (with a note) when it is absent.
fn pool() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/onestop");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut dirs: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        dirs.sort();
        for d in dirs {
            for level in ["adv", "int", "ele"] {
                if let Ok(text) = std::fs::read_to_string(d.join(format!("{level}.txt"))) {
                    out.extend(
                        text.lines()
                            .map(|l| l.trim_start_matches('\u{feff}').trim())
                            .filter(|l| !l.is_empty())
                            .map(str::to_string),
                    );
                }
            }
        }
    }
    if out.is_empty() {
        eprintln!("onestop corpus absent: building documents from a generated vocabulary");
        let mut rng = Rng(7);
        let vocab: Vec<String> = (0..5000)
            .map(|i| format!("w{}{}", i, ["a", "en", "ing", "or", "us"][i % 5]))
            .collect();
        out = (0..2000)
            .map(|_| {
                (0..20 + rng.below(60))
                    .map(|_| vocab[rng.below(vocab.len())].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
                    + "."
            })
            .collect();
    }
    out
}

fn article(name: &str, paragraphs: Vec<String>) -> Article {
    Article::from_texts(name, paragraphs)
}

/// A document of about `bytes` bytes: pool paragraphs in a seeded order.
fn base(pool: &[String], bytes: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    let mut size = 0;
    while size < bytes {
        let p = &pool[rng.below(pool.len())];
        size += p.len() + 2;
        out.push(p.clone());
    }
    out
}

/// An outlet's version: dropped, reworded, split, merged and moved paragraphs.
fn edit(paras: &[String], seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let mut out: Vec<String> = Vec::new();
    for p in paras {
        match rng.below(20) {
            0 => {}
            1 => {
                if let Some(at) = p.find(". ") {
                    out.push(p[..=at].to_string());
                    out.push(p[at + 2..].to_string());
                } else {
                    out.push(p.clone());
                }
            }
            2 if !out.is_empty() => {
                let last = out.pop().unwrap();
                out.push(format!("{last} {p}"));
            }
            3..=6 => {
                let words: Vec<&str> = p.split(' ').collect();
                let edited: Vec<&str> = words
                    .iter()
                    .map(|w| if rng.below(12) == 0 { "reportedly" } else { w })
                    .collect();
                out.push(edited.join(" "));
            }
            _ => out.push(p.clone()),
        }
    }
    for _ in 0..out.len() / 200 {
        let from = rng.below(out.len().saturating_sub(3));
        let block: Vec<String> = out.drain(from..from + 3).collect();
        let to = rng.below(out.len());
        for (k, p) in block.into_iter().enumerate() {
            out.insert(to + k, p);
        }
    }
    out
}

fn documents(pool: &[String], count: usize, bytes: usize) -> Vec<Article> {
    let b = base(pool, bytes, bytes as u64);
    (0..count)
        .map(|k| {
            let paras = if k == 0 {
                b.clone()
            } else {
                edit(&b, k as u64)
            };
            article(&format!("doc{k}"), paras)
        })
        .collect()
}

/// The two levels of every onestop article concatenated to about 0.8 MB each (repeating the
/// articles in rotated order), or `None` when the corpus is absent.
fn pair_08() -> Option<Vec<Article>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/onestop");
    let mut dirs: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let level = |name: &str| {
        let mut paras = Vec::new();
        let mut size = 0usize;
        let mut round = 0usize;
        while size < 800_000 && round < 100 {
            for k in 0..dirs.len() {
                let d = &dirs[(k + round) % dirs.len()];
                let text =
                    std::fs::read_to_string(d.join(format!("{name}.txt"))).unwrap_or_default();
                for l in text
                    .lines()
                    .map(|l| l.trim_start_matches('\u{feff}').trim())
                {
                    if !l.is_empty() {
                        size += l.len() + 2;
                        paras.push(l.to_string());
                    }
                }
                if size >= 800_000 {
                    break;
                }
            }
            round += 1;
        }
        article(&format!("{name}.txt"), paras)
    };
    let pair = vec![level("adv"), level("ele")];
    (pair.iter().all(|a| !a.paragraphs.is_empty())).then_some(pair)
}

/// Stage 1: the alignment.
fn align_stage(articles: &[Article]) -> Vec<align::AlignedRow> {
    align::align(articles, 0)
}

/// Stage 2: diff every cell and the similarity matrix; returns the comparison detection reads.
fn diff_stage(articles: &[Article], aligned: &[align::AlignedRow]) -> Comparison {
    let options = CompareOptions::default();
    let rows: Vec<Row> = aligned
        .iter()
        .map(|row| Row {
            cells: articles
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    let paras = row.cells.get(k)?;
                    if paras.is_empty() {
                        return None;
                    }
                    let (ops, similarity) =
                        diff::diff_cell(&articles[0], &row.cells[0], a, paras, &options);
                    Some(Cell {
                        paragraphs: paras.clone(),
                        similarity,
                        moved: row.moved[k],
                        ops,
                        ..Cell::default()
                    })
                })
                .collect(),
        })
        .collect();
    let similarity = diff::similarity_matrix(articles, &rows, &options);
    Comparison {
        overrides: Vec::new(),
        relatedness: Vec::new(),
        facts: Vec::new(),
        translations: Vec::new(),
        options,
        articles: articles.to_vec(),
        errors: Vec::new(),
        rows,
        findings: Vec::new(),
        similarity,
        headline: Vec::new(),
    }
}

/// Stage 3: every detector.
fn detect_stage(comparison: &Comparison) -> usize {
    detect::detect_all(comparison).len()
}

/// Align, diff every cell, similarity matrix: the engine's work short of detection.
fn engine(articles: &[Article]) -> usize {
    let c = diff_stage(articles, &align_stage(articles));
    c.rows.len() + c.similarity.len()
}

/// One timed pass of each stage, printed with the detection share.
fn stage_times(label: &str, articles: &[Article]) -> Comparison {
    let start = Instant::now();
    let aligned = align_stage(articles);
    let t_align = start.elapsed();
    let start = Instant::now();
    let c = diff_stage(articles, &aligned);
    let t_diff = start.elapsed();
    let start = Instant::now();
    let n = detect_stage(&c);
    let t_detect = start.elapsed();
    let total = (t_align + t_diff + t_detect).as_secs_f64();
    // Where detection's time goes: the context, then each detector of the table.
    let start = Instant::now();
    let ctx = detect::Context::new(&c);
    let mut parts = vec![format!("context {:.0?}", start.elapsed())];
    for (kind, run) in detect::DETECTORS {
        let start = Instant::now();
        black_box(run(&ctx));
        parts.push(format!("{} {:.0?}", kind.as_str(), start.elapsed()));
    }
    eprintln!("{label} detection by part: {}", parts.join(", "));
    eprintln!(
        "{label}: align {t_align:.2?}, diff {t_diff:.2?}, detect {t_detect:.2?} ({n} findings): \
         detection {:.0}% of the engine",
        100.0 * t_detect.as_secs_f64() / total
    );
    c
}

/// The peer: one `similar` word diff of the two documents' texts concatenated.
fn plain_diff(articles: &[Article]) -> usize {
    let join = |a: &Article| {
        a.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let (a, b) = (join(&articles[0]), join(&articles[1]));
    similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .diff_words(a.as_str(), b.as_str())
        .ops()
        .len()
}

fn time(mut f: impl FnMut() -> usize) -> Duration {
    let start = Instant::now();
    black_box(f());
    start.elapsed()
}

/// The window's option toggle against a whole comparison of the same files, one timed pass
/// each, printed with their ratio.
fn staged_toggle(eight_files: &[std::path::PathBuf]) {
    let full = time(|| {
        let mut cache = staged::StageCache::new();
        let (c, _) = cache
            .compare(
                eight_files,
                &CompareOptions::default(),
                &[],
                &mut |_| {},
                &storydiff::compare::Cancel::default(),
            )
            .unwrap();
        c.rows.len()
    });
    let mut warm = staged::StageCache::new();
    let never = storydiff::compare::Cancel::default();
    warm.compare(
        eight_files,
        &CompareOptions::default(),
        &[],
        &mut |_| {},
        &never,
    )
    .unwrap();
    let toggled = CompareOptions {
        ignore_case: true,
        ..CompareOptions::default()
    };
    let t_toggle = time(|| {
        let (c, run) = warm
            .compare(eight_files, &toggled, &[], &mut |_| {}, &never)
            .unwrap();
        assert!(!run.aligned && run.files_loaded == 0);
        c.rows.len()
    });
    eprintln!(
        "8x100KB files: whole comparison {full:.2?}, option change with files and alignment kept \
         {t_toggle:.2?}: ratio {:.2}",
        t_toggle.as_secs_f64() / full.as_secs_f64()
    );
}

fn benches(c: &mut Criterion) {
    let pool = pool();
    let big = documents(&pool, 2, 1_000_000);
    let small = documents(&pool, 2, 100_000);
    let eight = documents(&pool, 8, 100_000);
    let t_big = time(|| engine(&big));
    let t_small = time(|| engine(&small));
    let t_eight = time(|| engine(&eight));
    let t_peer = time(|| plain_diff(&small));
    eprintln!(
        "one pass: 2x1MB {t_big:.2?}, 2x100KB {t_small:.2?}, 8x100KB {t_eight:.2?}; \
         1MB/100KB scaling ratio {:.1} (10 = linear); \
         2x100KB engine / plain similar word diff of the concatenated texts ({t_peer:.2?}) = {:.2}",
        t_big.as_secs_f64() / t_small.as_secs_f64(),
        t_small.as_secs_f64() / t_peer.as_secs_f64()
    );
    let pair = pair_08();
    let detect_cases: Vec<(&str, Comparison)> = [
        ("2x100KB", Some(small.clone())),
        ("8x100KB", Some(eight.clone())),
        ("0.8MB pair", pair),
    ]
    .into_iter()
    .filter_map(|(label, a)| a.map(|a| (label, stage_times(label, &a))))
    .collect();
    let dir = std::env::temp_dir().join(format!("storydiff-engine-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write_all = |docs: &[Article], tag: &str| -> Vec<std::path::PathBuf> {
        docs.iter()
            .enumerate()
            .map(|(k, a)| {
                let text: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
                let path = dir.join(format!("{tag}-{k}.txt"));
                std::fs::write(&path, text.join("\n\n")).unwrap();
                path
            })
            .collect()
    };
    let small_files = write_all(&small, "small");
    let eight_files = write_all(&eight, "eight");
    let full_small =
        storydiff::compare_files(&small_files, &CompareOptions::default(), &mut |_| {});
    staged_toggle(&eight_files);
    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("load 2x100KB txt", |b| {
        b.iter(|| {
            small_files
                .iter()
                .map(|p| load::load_path(black_box(p)).unwrap().len())
                .sum::<usize>()
        });
    });
    group.bench_function("report text 2x100KB", |b| {
        b.iter(|| report::text::to_text(black_box(&full_small)).len());
    });
    group.bench_function("report json 2x100KB", |b| {
        b.iter(|| report::json::to_json(black_box(&full_small)).len());
    });
    group.bench_function("report html 2x100KB", |b| {
        b.iter(|| report::html::to_html(black_box(&full_small)).len());
    });
    group.bench_function("align+diff 2x1MB", |b| b.iter(|| engine(black_box(&big))));
    group.bench_function("align+diff 8x100KB", |b| {
        b.iter(|| engine(black_box(&eight)));
    });
    group.bench_function("align+diff 2x100KB", |b| {
        b.iter(|| engine(black_box(&small)));
    });
    group.bench_function("plain similar word diff 2x100KB", |b| {
        b.iter(|| plain_diff(black_box(&small)));
    });
    for (label, comparison) in &detect_cases {
        group.bench_function(format!("detect {label}"), |b| {
            b.iter(|| detect_stage(black_box(comparison)));
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
