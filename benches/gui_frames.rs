//! Frame time of the real window state driven headless (`egui_kittest`, no GPU) while
//! scrolling through a generated 8 × 2,000-paragraph comparison, against a peer
//! figure in the same process (2 × 50 paragraphs).
//!
//! Run: `cargo bench --bench gui_frames`

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use storydiff::gui::{Settings, StorydiffApp};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// Median time of one frame while scrolling down `frames` times by `step` points.
fn scroll_frames(articles: usize, paragraphs: usize, frames: usize) -> (Duration, Duration) {
    let app = StorydiffApp::from_comparison(
        Settings::default(),
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
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        let t = Instant::now();
        h.step();
        times.push(t.elapsed());
    }
    let top = h.state().table.cache.viewport.0;
    assert!(top > 0.0, "the view did not scroll");
    (median(times), first)
}

fn main() {
    let frames = 300;
    let (big, big_first) = scroll_frames(8, 2000, frames);
    let (small, small_first) = scroll_frames(2, 50, frames);
    println!("gui_frames: scrolling, median time per frame over {frames} frames");
    println!(
        "  8 articles x 2000 paragraphs: {:>8.3} ms/frame (first frame {:.1} ms)",
        big.as_secs_f64() * 1e3,
        big_first.as_secs_f64() * 1e3
    );
    println!(
        "  2 articles x   50 paragraphs: {:>8.3} ms/frame (first frame {:.1} ms)",
        small.as_secs_f64() * 1e3,
        small_first.as_secs_f64() * 1e3
    );
    println!(
        "  ratio big / small: {:.2}",
        big.as_secs_f64() / small.as_secs_f64().max(1e-9)
    );
}
