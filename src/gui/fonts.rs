//! Fallback fonts for scripts the built-in egui fonts lack (CJK, Arabic, Hebrew).
//!
//! Looks for well-known system font files and adds each one found as a fallback;
//! a missing file is skipped silently, so the window opens on any system.

use egui::FontFamily;
use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};

/// Candidate font files, in order of preference, with the face index inside collections.
const CANDIDATES: &[(&str, &str, u32)] = &[
    (
        "wqy-microhei",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        0,
    ),
    (
        "wqy-zenhei",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        0,
    ),
    (
        "noto-cjk",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        0,
    ),
    (
        "noto-cjk-alt",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        0,
    ),
    (
        "noto-arabic",
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        0,
    ),
    (
        "noto-hebrew",
        "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
        0,
    ),
    (
        "dejavu",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        0,
    ),
    ("dejavu-alt", "/usr/share/fonts/TTF/DejaVuSans.ttf", 0),
    ("pingfang", "/System/Library/Fonts/PingFang.ttc", 0),
    ("geeza", "/System/Library/Fonts/GeezaPro.ttc", 0),
    ("msyh", "C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("segoeui", "C:\\Windows\\Fonts\\segoeui.ttf", 0),
];

/// Adds every candidate font found on this system as a fallback for the proportional
/// and monospace families. Returns the names of the fonts added.
#[must_use = "the names tell which fallback fonts were found"]
pub fn install(ctx: &egui::Context) -> Vec<&'static str> {
    let mut added = Vec::new();
    for &(name, path, index) in CANDIDATES {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let data = FontData::from_blob(std::sync::Arc::new(bytes), index);
        ctx.add_font(FontInsert::new(
            name,
            data,
            vec![
                InsertFontFamily {
                    family: FontFamily::Proportional,
                    priority: FontPriority::Lowest,
                },
                InsertFontFamily {
                    family: FontFamily::Monospace,
                    priority: FontPriority::Lowest,
                },
            ],
        ));
        added.push(name);
    }
    added
}
