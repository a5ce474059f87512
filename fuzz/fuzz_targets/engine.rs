//! The whole engine on two arbitrary texts: both loaded as plain text (decoding included),
//! compared, and every report format rendered; never a panic, and the JSON report parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::report::ReportFormat;

fuzz_target!(|data: &[u8]| {
    // The two texts are the bytes before and after the first 0xFF (or halves).
    let cut = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(cut);
    let b = b.strip_prefix(&[0xFF]).unwrap_or(b);
    let mut articles = Vec::new();
    for (name, bytes) in [("a.txt", a), ("b.txt", b)] {
        if let Ok(mut loaded) = storydiff::load::load_bytes(std::path::Path::new(name), bytes) {
            articles.append(&mut loaded);
        }
    }
    if articles.is_empty() {
        return;
    }
    let comparison = storydiff::compare(
        articles,
        Vec::new(),
        &storydiff::CompareOptions::default(),
        &mut |_| {},
    );
    let json = ReportFormat::Json.render(&comparison);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    let _ = ReportFormat::Text.render(&comparison);
    let _ = ReportFormat::Html.render(&comparison);
});
