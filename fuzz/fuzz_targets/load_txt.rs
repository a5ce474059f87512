//! The .txt loader (decoding, format rules and, for pages, extraction) on arbitrary bytes:
//! it returns articles or an error, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.txt");
    if let Ok(articles) = storydiff::load::load_bytes(path, data) {
        // Every article the loader returns has text to compare.
        assert!(articles.iter().all(|a| !a.paragraphs.is_empty()));
    }
});
