//! Detector for `mojibake` findings: UTF-8 text that was decoded with a single-byte
//! code page ("â€™" for "’", "Ã©" for "é", "Ð¿Ñ€Ð¸" for "при").
//!
//! Each character is mapped back to the byte it has in Windows-1252 (with Latin-1 for
//! the C1 controls), Windows-1250 or Mac Roman; runs whose bytes form valid multi-byte
//! UTF-8 sequences are candidates, and the repair is those bytes decoded as UTF-8.
//! Single short sequences need supporting evidence (a plausible decoded character, a
//! neighbouring letter of the same case) so that real text such as "“×”" or "MARQUÉ…"
//! is left alone.

use std::collections::HashMap;
use std::sync::OnceLock;

use encoding_rs::{Encoding, MACINTOSH, WINDOWS_1250, WINDOWS_1252};

use super::text_util::{Hit, chars, finding};
use crate::model::{Comparison, Finding, FindingKind};

/// Finds `mojibake` in the comparison.
#[must_use]
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let mut out = Vec::new();
    for (a, article) in comparison.articles.iter().enumerate() {
        for (p, para) in article.paragraphs.iter().enumerate() {
            if para.text.is_ascii() {
                continue;
            }
            let cs = chars(&para.text);
            for run in find_runs(&cs) {
                let message = format!(
                    "These characters look like UTF-8 text decoded as {}; read correctly they say \u{201C}{}\u{201D}.",
                    run.encoding, run.repaired
                );
                out.push(finding(
                    FindingKind::Mojibake,
                    a,
                    p,
                    &cs,
                    Hit {
                        start: run.start,
                        end: run.end,
                        message,
                        suggestion: Some(run.repaired),
                        related: Vec::new(),
                    },
                ));
            }
        }
    }
    out
}

/// One run of mojibake: char offsets, the code page it was misread with, the repair.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    start: usize,
    end: usize,
    encoding: &'static str,
    repaired: String,
}

/// A code page, its character → byte table, and whether one sequence alone suffices.
type CodePage = (&'static Encoding, HashMap<char, u8>, bool);

/// The code pages tried, in order of preference.
fn code_pages() -> &'static [CodePage] {
    static PAGES: OnceLock<Vec<CodePage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        [
            (WINDOWS_1252, true),
            (WINDOWS_1250, false),
            (MACINTOSH, false),
        ]
        .into_iter()
        .map(|(enc, single_ok)| {
            let mut table = HashMap::new();
            for b in 0x80u8..=0xFF {
                let bytes = [b];
                let (decoded, _, had_errors) = enc.decode(&bytes);
                if had_errors {
                    continue;
                }
                if let Some(c) = decoded.chars().next() {
                    table.insert(c, b);
                }
            }
            if enc == WINDOWS_1252 {
                // Latin-1: the C1 controls stand for their own byte.
                for b in 0x80u8..=0x9F {
                    table.entry(char::from(b)).or_insert(b);
                }
            }
            (enc, table, single_ok)
        })
        .collect()
    })
}

/// All mojibake runs in a paragraph, the longest reading winning where code pages overlap.
fn find_runs(cs: &[char]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (enc, table, single_ok) in code_pages() {
        for run in runs_for(cs, table, *single_ok, enc.name()) {
            let overlapping: Vec<usize> = runs
                .iter()
                .enumerate()
                .filter(|(_, r)| r.start < run.end && run.start < r.end)
                .map(|(i, _)| i)
                .collect();
            let longer = overlapping.iter().all(|&i| {
                runs.get(i)
                    .is_some_and(|r| run.end - run.start > r.end - r.start)
            });
            if longer {
                for i in overlapping.into_iter().rev() {
                    runs.remove(i);
                }
                runs.push(run);
            }
        }
    }
    runs.sort_by_key(|r| r.start);
    runs
}

/// The byte a character stands for in the code page (ASCII stands for itself).
fn byte_of(table: &HashMap<char, u8>, c: char) -> Option<u8> {
    if c.is_ascii() {
        u8::try_from(u32::from(c)).ok()
    } else {
        table.get(&c).copied()
    }
}

/// Number of continuation bytes a UTF-8 lead byte needs.
fn continuation_count(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// One decoded UTF-8 sequence: its char span and what it decodes to.
struct Seq {
    start: usize,
    end: usize,
    decoded: String,
    bytes: usize,
}

/// The UTF-8 sequence starting at `i`, if the characters there encode one.
fn sequence_at(cs: &[char], table: &HashMap<char, u8>, i: usize) -> Option<Seq> {
    let lead_char = *cs.get(i)?;
    if lead_char.is_ascii() {
        return None;
    }
    let lead = byte_of(table, lead_char)?;
    let need = continuation_count(lead)?;
    let mut bytes = vec![lead];
    for k in 1..=need {
        let c = *cs.get(i + k)?;
        // A lost final byte shows as U+FFFD: keep the replacement character.
        if c == '\u{FFFD}' && k == need && need >= 2 && bytes.len() == need {
            return Some(Seq {
                start: i,
                end: i + k + 1,
                decoded: "\u{FFFD}".to_string(),
                bytes: need + 1,
            });
        }
        let b = byte_of(table, c)?;
        // A no-break space often turns into a plain space ("voilÃ le").
        let b = if b == b' ' && lead == 0xC3 && need == 1 {
            let prev_letter = i
                .checked_sub(1)
                .and_then(|j| cs.get(j))
                .is_some_and(|c| c.is_lowercase());
            let next_lower = cs.get(i + 2).is_some_and(|c| c.is_lowercase());
            if !(prev_letter && next_lower) {
                return None;
            }
            return Some(Seq {
                start: i,
                end: i + 1,
                decoded: "\u{E0}".to_string(),
                bytes: 2,
            });
        } else {
            b
        };
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.to_string();
    Some(Seq {
        start: i,
        end: i + need + 1,
        decoded,
        bytes: need + 1,
    })
}

/// Mojibake runs for one code page.
fn runs_for(
    cs: &[char],
    table: &HashMap<char, u8>,
    single_ok: bool,
    encoding: &'static str,
) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let Some(first) = sequence_at(cs, table, i) else {
            i += 1;
            continue;
        };
        let mut seqs = vec![first];
        let mut j = seqs.last().map_or(i + 1, |s| s.end);
        while let Some(next) = sequence_at(cs, table, j) {
            j = next.end;
            seqs.push(next);
        }
        let start = i;
        let end = j;
        i = j.max(i + 1);
        if !plausible(cs, &seqs, single_ok) {
            continue;
        }
        let decoded: String = seqs.iter().map(|s| s.decoded.as_str()).collect();
        let repaired = repair_again(&decoded);
        out.push(Run {
            start,
            end,
            encoding,
            repaired,
        });
    }
    out
}

/// Mojibake of mojibake: repairs the decoded text again while it still holds a run.
fn repair_again(decoded: &str) -> String {
    let mut text = decoded.to_string();
    for _ in 0..2 {
        let cs = chars(&text);
        let Some((table, _)) = code_pages().first().map(|(_, t, s)| (t, s)) else {
            break;
        };
        let runs = runs_for(&cs, table, true, "");
        if runs.is_empty() {
            break;
        }
        let mut rebuilt = String::new();
        let mut at = 0;
        for run in runs {
            rebuilt.extend(cs.get(at..run.start).unwrap_or_default());
            rebuilt.push_str(&run.repaired);
            at = run.end;
        }
        rebuilt.extend(cs.get(at..).unwrap_or_default());
        text = rebuilt;
    }
    text
}

/// Whether a run of sequences is convincing enough to flag.
fn plausible(cs: &[char], seqs: &[Seq], single_ok: bool) -> bool {
    let decoded: Vec<char> = seqs.iter().flat_map(|s| s.decoded.chars()).collect();
    if decoded.iter().any(|&c| c.is_control() || is_odd(c)) {
        return false;
    }
    if seqs.len() >= 2 {
        // Several sequences in a row: the decoded letters must share one script block.
        let letters: Vec<u32> = decoded
            .iter()
            .filter(|c| c.is_alphabetic())
            .map(|&c| u32::from(c) >> 7)
            .collect();
        return letters.windows(2).all(|w| w.first() == w.last());
    }
    if !single_ok {
        return false;
    }
    let Some(seq) = seqs.first() else {
        return false;
    };
    let Some(&c) = decoded.first() else {
        return false;
    };
    let code = u32::from(c);
    if seq.bytes >= 3 {
        // Punctuation, currency, letterlike, arrows, maths, symbols, replacement char.
        return matches!(code, 0x2000..=0x22FF | 0x2600..=0x27BF | 0xFFFD);
    }
    // A single two-byte sequence: Western European letters and symbols only.
    if !(0xA0..=0x17F).contains(&code) {
        return false;
    }
    // A no-break space after a letter other than "Â"/"Ã" is real spacing ("SELKÄ EDELLÄ").
    let lead = cs.get(seq.start).copied();
    if cs.get(seq.start + 1) == Some(&'\u{A0}') && !matches!(lead, Some('\u{C2}' | '\u{C3}')) {
        return false;
    }
    let before = seq.start.checked_sub(1).and_then(|j| cs.get(j)).copied();
    let after = cs.get(seq.end).copied();
    let neighbours: Vec<char> = [before, after]
        .into_iter()
        .flatten()
        .filter(|n| n.is_alphabetic())
        .collect();
    if !c.is_alphabetic() {
        // "Â©", "Â°": a symbol, written after a lead "Â".
        return cs.get(seq.start) == Some(&'\u{C2}');
    }
    if neighbours.is_empty() {
        return false;
    }
    // The decoded letter takes the case of the word around it.
    let upper_word = neighbours.iter().all(|n| n.is_uppercase());
    let lower_word = neighbours.iter().all(|n| n.is_lowercase());
    (c.is_uppercase() && upper_word) || (c.is_lowercase() && (lower_word || !upper_word))
}

/// Characters that real mojibake repairs almost never produce: IPA, modifier letters,
/// combining marks, private use, unassigned-looking blocks.
fn is_odd(c: char) -> bool {
    matches!(u32::from(c), 0x0250..=0x036F | 0x1D00..=0x1DBF | 0xE000..=0xF8FF)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::detect::text_util::test_support::comparison_of;

    fn flagged(text: &str) -> Vec<(String, String)> {
        detect(&comparison_of(&[&[text]]))
            .into_iter()
            .map(|f| (f.text, f.suggestion.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn repairs_windows_1252_and_latin1_mojibake() {
        let f = detect(&comparison_of(&[&["The harbourâ€™s cafÃ©s reopened."]]));
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].start, f[0].end), (11, 14));
        assert_eq!(f[0].text, "â€™");
        assert_eq!(f[0].suggestion.as_deref(), Some("\u{2019}"));
        assert!(f[0].message.contains("windows-1252"));
        assert_eq!(f[1].text, "Ã©");
        assert_eq!(f[1].suggestion.as_deref(), Some("é"));
        assert_eq!(
            flagged("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ world"),
            [("Ð¿Ñ€Ð¸Ð²ÐµÑ‚".to_string(), "привет".to_string())]
        );
        assert_eq!(
            flagged("HÃ”TEL de ville"),
            [("Ã”".to_string(), "Ô".to_string())]
        );
        assert_eq!(
            flagged("it costs â‰¥40"),
            [("â‰¥".to_string(), "≥".to_string())]
        );
    }

    #[test]
    fn repairs_double_encoding() {
        assert_eq!(
            flagged("the portÃ¢â‚¬â„¢s"),
            [("Ã¢â‚¬â„¢".to_string(), "\u{2019}".to_string())]
        );
    }

    #[test]
    fn leaves_real_accented_text_alone() {
        for text in [
            "Café, naïve, Zoë, Bremen – Straße",
            "higher (\u{201C}+\u{201D} and \u{201C}×\u{201D} curves)",
            "RETWEET SE VOCÊ…",
            "PLAQUES IL Y MARQUÉ…",
            "Offering 5×£35 pin ups",
            "NESTLÉ® requiere",
            "MÄ£ÄM ÌÑÌ",
            "a radius of 10 Å—",
            "C O N C L U S Ã O",
            "SÃO PAULO",
            "¿Qué? ¡Sí! Ñandú",
        ] {
            assert!(flagged(text).is_empty(), "{text}");
        }
    }
}
