//! A saved comparison (`.storydiff`) read from arbitrary bytes: a comparison or a plain
//! error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.storydiff");
    let _ = storydiff::SavedComparison::parse(data, path);
});
