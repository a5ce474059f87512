//! Scoring of the mojibake repairs on ftfy's test cases in `../shared/corpora/mojibake/`,
//! shared by `examples/mojibake_eval.rs` and `tests/detect_mojibake_corpus.rs`.
//!
//! ftfy's `fixed` text also carries its other fixes (straight quotes, control characters
//! removed, NFC); only the encoding repair is compared, so both sides are folded the same
//! way first: NFC, curly quotes made straight, C0 control characters other than tab and
//! line breaks dropped. A case is *damaged* when the folded original differs from the
//! folded `fixed`, else *clean*. Scores per method: damaged cases found (any repair),
//! repaired exactly (folded repair equals folded `fixed`), and clean cases flagged (false
//! alarms), counted apart for `synthetic.json` and `negative.json`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use storydiff::detect::mojibake::{Method, Run, repairs};
use unicode_normalization::UnicodeNormalization as _;

/// One ftfy test case.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// The text as found.
    pub original: String,
    /// The text as ftfy repairs it.
    pub fixed: String,
    /// `pass` for cases ftfy gets right.
    pub expect: String,
}

/// The corpus folder.
pub fn corpus(root: &Path) -> PathBuf {
    root.join("../shared/corpora/mojibake")
}

/// The cases of one file, or why they could not be read.
pub fn load(root: &Path, name: &str) -> Result<Vec<Case>, String> {
    let path = corpus(root).join(name);
    let json =
        std::fs::read_to_string(&path).map_err(|_| format!("{} is absent", path.display()))?;
    serde_json::from_str(&json).map_err(|e| format!("cannot parse {}: {e}", path.display()))
}

/// Text with the repairs applied.
pub fn apply(text: &str, runs: &[Run]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for r in runs {
        out.extend(chars.get(at..r.start).unwrap_or_default());
        match &r.repaired {
            Some(repaired) => out.push_str(repaired),
            None => out.extend(chars.get(r.start..r.end).unwrap_or_default()),
        }
        at = r.end;
    }
    out.extend(chars.get(at..).unwrap_or_default());
    out
}

/// The fold applied to both sides before comparing (see the module comment).
pub fn fold(text: &str) -> String {
    text.nfc()
        .filter(|c| !c.is_ascii_control() || matches!(c, '\t' | '\n' | '\r'))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
            c => c,
        })
        .collect()
}

/// Scores of one method on one file.
#[derive(Debug, Default, Clone)]
pub struct Score {
    /// Damaged cases.
    pub damaged: usize,
    /// Damaged cases with at least one repair.
    pub found: usize,
    /// Damaged cases repaired exactly.
    pub exact: usize,
    /// Clean cases.
    pub clean: usize,
    /// Clean cases flagged, with their text.
    pub false_alarms: Vec<String>,
    /// Damaged cases found but not repaired exactly: (original, repaired, fixed).
    pub wrong: Vec<(String, String, String)>,
    /// Damaged cases not found.
    pub missed: Vec<String>,
}

/// Scores `method` on `cases`.
pub fn score(cases: &[Case], method: Method) -> Score {
    let mut s = Score::default();
    for case in cases.iter().filter(|c| c.expect == "pass") {
        let runs = repairs(&case.original, method);
        let damaged = fold(&case.original) != fold(&case.fixed);
        if damaged {
            s.damaged += 1;
            let repaired = apply(&case.original, &runs);
            if runs.is_empty() {
                s.missed.push(case.original.clone());
            } else {
                s.found += 1;
            }
            if fold(&repaired) == fold(&case.fixed) {
                s.exact += 1;
            } else if !runs.is_empty() {
                s.wrong
                    .push((case.original.clone(), repaired, case.fixed.clone()));
            }
        } else {
            s.clean += 1;
            if !runs.is_empty() {
                s.false_alarms.push(case.original.clone());
            }
        }
    }
    s
}
