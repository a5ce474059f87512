//! Wall time of each stage of one comparison (loading each file, aligning, diffing the rows,
//! detecting, the text report), from the engine's own progress messages:
//! `cargo run --release --example stage_times -- FILE…`. Where to look before `perf record`.

use std::time::Instant;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let started = Instant::now();
    let mut last = started;
    let mut stage = String::from("starting");
    let comparison = storydiff::compare_files_with(
        &paths,
        &storydiff::CompareOptions::default(),
        &[],
        &mut |progress| {
            let now = Instant::now();
            eprintln!("{:>8.3} s  {stage}", (now - last).as_secs_f64());
            last = now;
            stage = progress.message;
        },
    );
    let report = Instant::now();
    let text = storydiff::report::text::to_text(&comparison);
    eprintln!(
        "{:>8.3} s  text report ({} bytes)",
        report.elapsed().as_secs_f64(),
        text.len()
    );
    eprintln!("{:>8.3} s  in all", started.elapsed().as_secs_f64());
}
