//! Frame time of the real window state driven headless (`egui_kittest`, no GPU) while
//! scrolling through a generated 8 × 2,000-paragraph comparison, against peer figures
//! in the same process (2 × 50 paragraphs; 8 × 50, the same columns on screen), in each
//! view (side by side, coverage, facts).
//!
//! Then, on 8 articles of about 100 KB written to a temporary folder (the `OneStopEnglish`
//! levels of `../shared/corpora/onestop`; skipped with a note when it is absent): the time
//! from an option toggle to the redrawn comparison against the time of opening the same
//! files in a fresh window (every file read, aligned, diffed, drawn).
//!
//! Run: `cargo bench --bench gui_frames`
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use storydiff::gui::{Command, Settings, StorydiffApp, ViewTab};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// Median time of one frame while scrolling down `frames` times by 120 points in `tab`.
fn scroll_frames(
    articles: usize,
    paragraphs: usize,
    frames: usize,
    settings: &Settings,
) -> (Duration, Duration) {
    let tab = settings.tab;
    let settings = settings.clone();
    let app = StorydiffApp::from_comparison(
        settings,
        storydiff::gui::synthetic::comparison(articles, paragraphs),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(u64::MAX)
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    let first = Instant::now();
    h.step();
    let first = first.elapsed();
    for _ in 0..5 {
        h.step();
    }
    let mut times = Vec::with_capacity(frames);
    let center = egui::pos2(900.0, 600.0);
    for _ in 0..frames {
        h.hover_at(center);
        h.event(storydiff::gui::synthetic::wheel_down(120.0));
        let t = Instant::now();
        h.step();
        times.push(t.elapsed());
    }
    if tab == ViewTab::SideBySide {
        let top = h.state().table.cache.viewport.0;
        assert!(top > 0.0, "the view did not scroll");
    }
    (median(times), first)
}

/// 8 files of about 100 KB in `dir`: article k is level k % 3 of every onestop article, the
/// articles rotated by k, with one in eight left out (so no two files are the same text).
fn eight_files(dir: &Path) -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/onestop");
    let mut stories: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    let levels = ["adv", "int", "ele"];
    let mut files = Vec::new();
    for k in 0..8 {
        let mut text = String::new();
        for (i, story) in stories
            .iter()
            .cycle()
            .skip(k)
            .take(stories.len())
            .enumerate()
        {
            if (i + k) % 8 == 0 {
                continue;
            }
            let level = levels[(k + i) % 3];
            let t = std::fs::read_to_string(story.join(format!("{level}.txt"))).unwrap_or_default();
            for line in t.lines().map(|l| l.trim_start_matches('\u{feff}').trim()) {
                if !line.is_empty() {
                    text.push_str(line);
                    text.push_str("\n\n");
                }
            }
            if text.len() >= 100_000 {
                break;
            }
        }
        let path = dir.join(format!("outlet-{}.txt", k + 1));
        std::fs::write(&path, &text).ok()?;
        files.push(path);
    }
    Some(files)
}

/// A window (headless) that has opened `files`, and the time that took: every file read,
/// aligned, diffed, and the first frame drawn.
fn open_fresh(files: &[PathBuf]) -> (Harness<'static, StorydiffApp>, Duration) {
    let start = Instant::now();
    let app = StorydiffApp::new_synchronous(Settings::default(), files.to_vec());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(u64::MAX)
        .build_ui_state(|ui, app: &mut StorydiffApp| app.show(ui), app);
    h.step();
    (h, start.elapsed())
}

/// Median over `runs` of: a fresh window opening the files, and an option toggle (ignore
/// case, on then off) in an open one, each until the comparison is redrawn.
fn toggle_vs_reopen(files: &[PathBuf], runs: usize) -> (Duration, Duration) {
    let mut reopen = Vec::new();
    for _ in 0..runs {
        reopen.push(open_fresh(files).1);
    }
    let (mut h, _) = open_fresh(files);
    let mut toggles = Vec::new();
    for _ in 0..runs {
        let mut options = h.state().settings.options.clone();
        options.ignore_case = !options.ignore_case;
        let before = h.state().generation;
        let start = Instant::now();
        h.state_mut().apply(Command::SetOptions(options));
        h.step();
        toggles.push(start.elapsed());
        assert!(
            h.state().generation > before,
            "the toggle did not re-compare"
        );
        let run = h.state().last_run.unwrap();
        assert_eq!(run.files_loaded, 0, "a toggle re-read files");
        assert!(!run.aligned, "a toggle re-aligned");
    }
    (median(toggles), median(reopen))
}

fn main() {
    let frames = 300;
    println!("gui_frames: scrolling, median time per frame over {frames} frames");
    let closed = Settings {
        show_options: false,
        show_findings: false,
        ..Settings::default()
    };
    let cases = ViewTab::ALL
        .into_iter()
        .map(|tab| {
            (
                tab.label().to_string(),
                Settings {
                    tab,
                    ..Settings::default()
                },
            )
        })
        .chain([("Side by side, side panels closed".to_string(), closed)]);
    for (label, settings) in cases {
        let (big, big_first) = scroll_frames(8, 2000, frames, &settings);
        let (small, small_first) = scroll_frames(2, 50, frames, &settings);
        // The same number of columns on screen as the big one: what the comparison's
        // length alone costs a frame.
        let (short, _) = scroll_frames(8, 50, frames, &settings);
        println!("  {label}:");
        println!(
            "    8 articles x 2000 paragraphs: {:>8.3} ms/frame (first frame {:.1} ms)",
            big.as_secs_f64() * 1e3,
            big_first.as_secs_f64() * 1e3
        );
        println!(
            "    2 articles x   50 paragraphs: {:>8.3} ms/frame (first frame {:.1} ms)",
            small.as_secs_f64() * 1e3,
            small_first.as_secs_f64() * 1e3
        );
        println!(
            "    8 articles x   50 paragraphs: {:>8.3} ms/frame",
            short.as_secs_f64() * 1e3
        );
        println!(
            "    ratio big / small: {:.2}; 8 x 2000 / 8 x 50: {:.2}",
            big.as_secs_f64() / small.as_secs_f64().max(1e-9),
            big.as_secs_f64() / short.as_secs_f64().max(1e-9)
        );
    }
    let dir = std::env::temp_dir().join(format!("storydiff-gui-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    match eight_files(&dir) {
        Some(files) => {
            let kb: Vec<u64> = files
                .iter()
                .map(|f| std::fs::metadata(f).map_or(0, |m| m.len() / 1000))
                .collect();
            let (toggle, reopen) = toggle_vs_reopen(&files, 3);
            println!("gui_frames: 8 files of {kb:?} KB, medians of 3");
            println!(
                "  fresh window opening them: {:>8.1} ms",
                reopen.as_secs_f64() * 1e3
            );
            println!(
                "  option toggle to redrawn:  {:>8.1} ms",
                toggle.as_secs_f64() * 1e3
            );
            println!(
                "  ratio toggle / re-open: {:.2}",
                toggle.as_secs_f64() / reopen.as_secs_f64().max(1e-9)
            );
        }
        None => {
            println!("gui_frames: ../shared/corpora/onestop not found; toggle vs re-open skipped");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
