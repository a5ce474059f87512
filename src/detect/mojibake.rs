//! Detector for `mojibake` findings: UTF-8 text that was decoded with a single-byte
//! code page ("â€™" for "’", "Ã©" for "é", "Ð¿Ñ€Ð¸" for "при"), cp1252 punctuation left as
//! C1 controls ("parlé\u{85}"), and bytes that could not be decoded at all (U+FFFD).
//!
//! What ships ([`Method::Shipped`]): `plsfix` 0.1.8 (a port of ftfy's heuristics), set to
//! repair encodings only, proposes; `confirmed` refuses what it gets wrong. plsfix runs
//! on pieces of a paragraph (see `pieces`): cut at line breaks, around each `&` (it
//! decodes HTML entities whatever its configuration says) and before `MAX_PIECE`
//! bytes between two ASCII characters (it panics on lines over 1 MB cut inside a
//! character); each piece and its repair are walked in step (`align`) to give one
//! finding per repaired run. Everything is linear in the paragraph's length.
//!
//! Our own rules ([`Method::Own`]) map each character back to its byte in Windows-1252
//! (with Latin-1 for the C1 controls), Windows-1250 or Mac Roman and take runs whose
//! bytes form UTF-8, with supporting evidence for single short sequences.
//!
//! Measured on ftfy's cases (`../shared/corpora/mojibake`, folded as
//! `tests/common/mojibake_score.rs` says;
//! `cargo run --release --no-default-features --example mojibake_eval`), damaged cases
//! found / repaired exactly / clean cases flagged:
//!
//! | | synthetic (16 damaged, 14 clean) | negative (1 damaged, 30 clean) |
//! | --- | --- | --- |
//! | plsfix alone | 16 / 16 / 0 | 1 / 1 / 2 ("DrÃ¥ber", "frataraká§") |
//! | ours alone | 15 / 14 / 0 | 0 / 0 / 1 ("DrÃ¥ber") |
//! | shipped | 16 / 16 / 0 | 1 / 1 / 0 |
//!
//! The checks in `confirmed` were written from the two plsfix false alarms (its
//! repairs were `"РDr"` with a combining ring, and a Khmer symbol) as general rules, not
//! as those strings; no threshold is fitted.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use encoding_rs::{Encoding, MACINTOSH, WINDOWS_1250, WINDOWS_1252};

use super::context::{Context, Hit, chars};
use crate::model::{Finding, FindingKind};

/// Finds `mojibake` in the context's articles: runs that [`Method::Shipped`] repairs, and
/// characters that could not be decoded at all (U+FFFD from a lossy decode).
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (a, article) in ctx.comparison.articles.iter().enumerate() {
        for (p, para) in article.paragraphs.iter().enumerate() {
            for run in repairs(&para.text, Method::Shipped) {
                out.extend(ctx.finding(FindingKind::Mojibake, a, p, hit_of(run)));
            }
        }
    }
    out
}

/// The finding's wording for one repair.
fn hit_of(run: Run) -> Hit {
    let Some(repaired) = run.repaired else {
        return Hit {
            start: run.start,
            end: run.end,
            message: "These characters could not be decoded: the file holds bytes that are not \
                      valid in its encoding, shown as \u{FFFD}."
                .to_string(),
            suggestion: None,
            related: Vec::new(),
        };
    };
    let message = if let Some(encoding) = run.encoding {
        format!(
            "These characters look like UTF-8 text decoded as {encoding}; read correctly they say \u{201C}{repaired}\u{201D}."
        )
    } else {
        format!(
            "These characters look like text decoded with the wrong code page; read correctly they say \u{201C}{repaired}\u{201D}."
        )
    };
    Hit {
        start: run.start,
        end: run.end,
        message,
        suggestion: Some(repaired),
        related: Vec::new(),
    }
}

/// Which rules propose the repairs (the detector ships [`Method::Shipped`]; the others
/// are kept so that `examples/mojibake_eval.rs` can measure them side by side).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `plsfix` (a port of ftfy's heuristics) alone, encoding repair only.
    Plsfix,
    /// This module's own code-page rules alone.
    Own,
    /// `plsfix` proposes, this module's checks confirm; undecodable bytes are flagged.
    Shipped,
}

/// One repair: char offsets in the text, the code page it was misread with when known,
/// and the repaired text (none for undecodable bytes, which have no repair).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Start offset in characters.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
    /// The code page the UTF-8 bytes were misread with, when the rules know it.
    pub encoding: Option<&'static str>,
    /// What the characters say when read correctly.
    pub repaired: Option<String>,
}

/// The mojibake repairs `method` proposes for `text`, in text order, not overlapping.
#[must_use]
pub fn repairs(text: &str, method: Method) -> Vec<Run> {
    if text.is_ascii() {
        return Vec::new();
    }
    match method {
        Method::Own => find_runs(&chars(text)),
        Method::Plsfix => plsfix_runs(text),
        Method::Shipped => shipped_runs(text),
    }
}

/// Longest piece of text, in bytes, handed to `plsfix` at once. Far under the 1 MB at
/// which plsfix 0.1.8 cuts a line itself (and panics when the cut falls inside a
/// character); a paragraph is cut between two ASCII characters, which no mojibake
/// sequence spans, so the cut never splits a repair.
const MAX_PIECE: usize = 4096;

/// `plsfix` set to repair encodings only: no HTML unescaping (it unescapes anyway, see
/// [`pieces`]), quote uncurling, ligatures, widths, line breaks, control-character
/// removal or normalisation.
const PLSFIX_CONFIG: plsfix::TextFixerConfig = plsfix::TextFixerConfig {
    unescape_html: Some(false),
    remove_terminal_escapes: false,
    fix_encoding: true,
    restore_byte_a0: true,
    replace_lossy_sequences: true,
    decode_inconsistent_utf8: true,
    fix_c1_controls: true,
    fix_latin_ligatures: false,
    fix_character_width: false,
    uncurl_quotes: false,
    fix_line_breaks: false,
    remove_control_chars: false,
    normalization: None,
    max_decode_length: 1_000_000,
};

/// Cuts text into consecutive pieces for `plsfix`: at line breaks, around every `&`
/// (plsfix 0.1.8 decodes HTML entities whatever its configuration says, so no piece may
/// hold one), and before [`MAX_PIECE`] bytes. The pieces, joined, are the text.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // Look no further than one piece ahead, so that cutting stays linear.
        let stop = rest
            .bytes()
            .take(MAX_PIECE + 1)
            .position(|b| b == b'\n' || b == b'&')
            .map_or(rest.len(), |i| if i == 0 { 1 } else { i });
        let mut cut = stop.min(MAX_PIECE);
        if cut < stop {
            cut = piece_cut(rest, cut);
        }
        let (head, tail) = rest.split_at(cut);
        out.push(head);
        rest = tail;
    }
    out
}

/// Where to cut `text` at or before byte `limit`: between two ASCII characters in the
/// piece's second half when there are any, else at the nearest character boundary.
fn piece_cut(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = limit / 2;
    let mut i = limit;
    while i > floor {
        if bytes.get(i - 1).is_some_and(u8::is_ascii) && bytes.get(i).is_some_and(u8::is_ascii) {
            return i;
        }
        i -= 1;
    }
    let mut i = limit;
    while i > 1 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i.max(1)
}

/// `plsfix`'s encoding repair of one piece; `None` when it changes nothing (or, as a last
/// guard, when it panics: its regexes can give up on pathological input).
fn plsfix_fix(piece: &str) -> Option<String> {
    let fixed = std::panic::catch_unwind(|| {
        plsfix::fix_and_explain(piece, false, Some(&PLSFIX_CONFIG)).text
    })
    .ok()?;
    (fixed != piece).then_some(fixed)
}

/// The repairs `plsfix` makes to `text`, as runs of the original characters.
fn plsfix_runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in pieces(text) {
        let original = chars(piece);
        if !piece.is_ascii()
            && let Some(fixed) = plsfix_fix(piece)
        {
            let fixed = chars(&fixed);
            out.extend(
                align(&original, &fixed)
                    .into_iter()
                    .map(|(start, end, repaired)| Run {
                        start: offset + start,
                        end: offset + end,
                        encoding: None,
                        repaired: Some(repaired),
                    }),
            );
        }
        offset += original.len();
    }
    out
}

/// The characters of a token, if there is one.
fn text<'a>(cs: &'a [char], t: Option<&(usize, usize)>) -> Option<&'a [char]> {
    t.and_then(|&(s, e)| cs.get(s..e))
}

/// Whether a token is ASCII.
fn ascii(cs: &[char], t: Option<&(usize, usize)>) -> bool {
    text(cs, t).is_some_and(|s| s.iter().all(char::is_ascii))
}

/// Tokens for [`align`]: each ASCII character alone, each run of other characters whole.
fn tokens(cs: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let start = i;
        if cs.get(i).is_some_and(char::is_ascii) {
            i += 1;
        } else {
            while cs.get(i).is_some_and(|c| !c.is_ascii()) {
                i += 1;
            }
        }
        out.push((start, i));
    }
    out
}

/// The changed spans between a piece and its repair, as (start, end, replacement) in the
/// piece's characters. Mojibake repair rewrites runs of non-ASCII characters and keeps
/// ASCII, so the two token lists are walked in step (linear); a run may also swallow the
/// space or `?` after it (a no-break space read as a space, a byte lost as `?`). Where
/// the walk loses step, the rest up to the common tail is one change.
fn align(original: &[char], fixed: &[char]) -> Vec<(usize, usize, String)> {
    let o = tokens(original);
    let f = tokens(fixed);
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < o.len() || j < f.len() {
        let (ot, ft) = (o.get(i), f.get(j));
        let (oa, fa) = (ascii(original, ot), ascii(fixed, ft));
        if ot.is_some() && ft.is_some() && text(original, ot) == text(fixed, ft) {
            i += 1;
            j += 1;
            continue;
        }
        if let (Some(&(os, mut oe)), Some(&(fs, fe)), false, false) = (ot, ft, oa, fa) {
            i += 1;
            j += 1;
            let same = |a: usize, b: usize| text(original, o.get(a)) == text(fixed, f.get(b));
            // Swallow the space or `?` when it has no counterpart, or when swallowing it
            // puts the walk back in step ("Ã  le" → "à le").
            while let Some(&(_, next_end)) = o.get(i)
                && matches!(text(original, o.get(i)), Some([' ' | '?']))
                && (!same(i, j) || (!same(i + 1, j + 1) && same(i + 1, j)))
            {
                oe = next_end;
                i += 1;
            }
            let (mut os, mut fs, mut fe) = (os, fs, fe);
            // Trim what the run and its repair share ("é\u{85}" → "é…"), keeping both non-empty.
            while os + 1 < oe && fs + 1 < fe && original.get(os) == fixed.get(fs) {
                os += 1;
                fs += 1;
            }
            while os + 1 < oe && fs + 1 < fe && original.get(oe - 1) == fixed.get(fe - 1) {
                oe -= 1;
                fe -= 1;
            }
            if os < oe || fs < fe {
                let repaired: String = fixed.get(fs..fe).unwrap_or_default().iter().collect();
                out.push((os, oe, repaired));
            }
            continue;
        }
        // Out of step: one change from here (or from an adjacent change) to the common tail.
        let mut start_o = ot.map_or(original.len(), |t| t.0);
        let mut start_f = ft.map_or(fixed.len(), |t| t.0);
        if let Some(last) = out.last()
            && last.1 == start_o
        {
            start_o = last.0;
            start_f = start_f.saturating_sub(last.2.chars().count());
            out.pop();
        }
        let mut end_o = original.len();
        let mut end_f = fixed.len();
        while end_o > start_o && end_f > start_f && original.get(end_o - 1) == fixed.get(end_f - 1)
        {
            end_o -= 1;
            end_f -= 1;
        }
        let repaired: String = fixed
            .get(start_f..end_f)
            .unwrap_or_default()
            .iter()
            .collect();
        out.push((start_o, end_o, repaired));
        break;
    }
    out
}

/// `plsfix` proposes, this module confirms (see [`confirmed`]); characters that could not
/// be decoded (U+FFFD outside any repair) are reported without a repair.
fn shipped_runs(text: &str) -> Vec<Run> {
    let cs = chars(text);
    let proposed = plsfix_runs(text);
    let accepted: Vec<&Run> = proposed.iter().filter(|run| confirmed(&cs, run)).collect();
    // Our own runs only name the code page of an accepted repair: most paragraphs have none.
    let own = if accepted.is_empty() {
        Vec::new()
    } else {
        find_runs(&cs)
    };
    let mut out: Vec<Run> = accepted
        .into_iter()
        .cloned()
        .map(|mut run| {
            // Both lists are sorted by start: name the code page when our rules agree.
            let at = own.partition_point(|r| r.start < run.start);
            run.encoding = own
                .get(at)
                .filter(|r| r.end == run.end && r.repaired == run.repaired)
                .and_then(|r| r.encoding);
            run
        })
        .collect();
    let mut lost = Vec::new();
    let mut covered = out.iter().map(|r| (r.start, r.end)).peekable();
    let mut i = 0;
    while i < cs.len() {
        if cs.get(i) == Some(&'\u{FFFD}') {
            while covered.peek().is_some_and(|&(_, e)| e <= i) {
                covered.next();
            }
            let start = i;
            while cs.get(i) == Some(&'\u{FFFD}') {
                i += 1;
            }
            if covered.peek().is_none_or(|&(s, _)| s >= i) {
                lost.push(Run {
                    start,
                    end: i,
                    encoding: None,
                    repaired: None,
                });
            }
        } else {
            i += 1;
        }
    }
    out.extend(lost);
    out.sort_by_key(|r| r.start);
    out
}

/// Whether this module's checks agree with a repair `plsfix` proposes. Refused:
/// - repairs that produce characters real text almost never holds ([`is_odd`]) or
///   control characters;
/// - one three-byte sequence decoding to a symbol outside punctuation, currency,
///   letterlike, arrows, maths, shapes, dingbats and CJK or fullwidth punctuation
///   (`"frataraká§ 141"` is not Khmer);
/// - a repair to one letter of another script than the letters beside it
///   (`"– Dr"` is not `"РDr"`).
fn confirmed(cs: &[char], run: &Run) -> bool {
    let Some(repaired) = run.repaired.as_deref() else {
        return false;
    };
    if repaired
        .chars()
        .any(|c| is_odd(c) || (c.is_control() && !c.is_whitespace()))
    {
        return false;
    }
    let fixed: Vec<char> = repaired.chars().filter(|c| *c != ' ').collect();
    // Characters of the original, a swallowed space included (it stood for a byte).
    let original_len = run.end - run.start;
    let [c] = fixed.as_slice() else {
        return true;
    };
    let c = *c;
    if c.is_alphabetic() {
        let beside = [
            run.start.checked_sub(1).and_then(|i| cs.get(i)),
            cs.get(run.end),
        ];
        if beside
            .into_iter()
            .flatten()
            .any(|n| n.is_alphabetic() && script(*n) != script(c))
        {
            return false;
        }
    }
    if original_len == 3 && !c.is_alphabetic() {
        // General punctuation to miscellaneous symbols and arrows (dashes, quotes, €, ™,
        // arrows, maths, shapes, ★), CJK and fullwidth punctuation, the replacement character.
        return matches!(
            u32::from(c),
            0x2000..=0x2BFF | 0x3000..=0x303F | 0xFF00..=0xFF65 | 0xFFFD
        );
    }
    true
}

/// A code page, its character → byte table, and whether one sequence alone suffices.
type CodePage = (&'static Encoding, FxHashMap<char, u8>, bool);

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
            let mut table = FxHashMap::default();
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
        let candidates = runs_for(cs, table, *single_ok, enc.name());
        // Both lists are sorted and free of overlaps: one merge pass (linear). A candidate
        // replaces the runs it overlaps when it is longer than each of them.
        let mut merged = Vec::with_capacity(runs.len() + candidates.len());
        let mut existing = runs.into_iter().peekable();
        for run in candidates {
            while let Some(r) = existing.next_if(|r| r.end <= run.start) {
                merged.push(r);
            }
            let mut overlapping = Vec::new();
            while let Some(r) = existing.next_if(|r| r.start < run.end) {
                overlapping.push(r);
            }
            if overlapping
                .iter()
                .all(|r| run.end - run.start > r.end - r.start)
            {
                merged.push(run);
            } else {
                merged.extend(overlapping);
            }
        }
        merged.extend(existing);
        runs = merged;
    }
    runs
}

/// The byte a character stands for in the code page (ASCII stands for itself).
fn byte_of(table: &FxHashMap<char, u8>, c: char) -> Option<u8> {
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
fn sequence_at(cs: &[char], table: &FxHashMap<char, u8>, i: usize) -> Option<Seq> {
    let lead_char = *cs.get(i)?;
    if lead_char.is_ascii() {
        return None;
    }
    let lead = byte_of(table, lead_char)?;
    let need = continuation_count(lead)?;
    // The sequence's bytes so far (at most four), without allocating.
    let mut bytes = [lead, 0, 0, 0];
    let mut len = 1;
    for k in 1..=need {
        let c = *cs.get(i + k)?;
        // A lost final byte shows as U+FFFD: keep the replacement character.
        if c == '\u{FFFD}' && k == need && need >= 2 && len == need {
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
        *bytes.get_mut(len)? = b;
        len += 1;
    }
    let decoded = std::str::from_utf8(bytes.get(..len)?).ok()?.to_string();
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
    table: &FxHashMap<char, u8>,
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
            encoding: Some(encoding),
            repaired: Some(repaired),
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
            rebuilt.push_str(run.repaired.as_deref().unwrap_or_default());
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

/// A letter's script, coarsely: Latin (with its supplements), Greek, Cyrillic, else the
/// 128-character block it sits in.
fn script(c: char) -> u32 {
    match u32::from(c) {
        0..=0x024F | 0x1E00..=0x1EFF => 0,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
        0x0400..=0x052F => 2,
        code => code >> 7,
    }
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
    use crate::detect::context::Context;
    use crate::detect::testing::comparison_of;

    fn detect(c: &crate::model::Comparison) -> Vec<Finding> {
        super::detect(&Context::new(c))
    }

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

    #[test]
    fn leaves_real_text_in_many_languages_alone() {
        for text in [
            "Dr\u{e5}ber p\u{e5} ruden, bl\u{e5}b\u{e6}rsyltet\u{f8}j og sm\u{f8}rrebr\u{f8}d i \u{c5}rhus.",
            "SK\u{c5}L F\u{d6}R \u{c5}RETS B\u{c4}STA \u{d8}L \u{2013} H\u{c5}KON",
            "\u{15e}i\u{15f}li\u{2019}de \u{131}\u{11f}d\u{131}r, \u{e7}a\u{11f}r\u{131}, \u{f6}\u{11f}renci ve \u{130}stanbul \u{dc}niversitesi",
            "Ti\u{1ebf}ng Vi\u{1ec7}t: ng\u{1b0}\u{1edd}i \u{111}\u{1b0}\u{1ee3}c \u{111}\u{1ebf}n H\u{e0} N\u{1ed9}i v\u{e0} \u{110}\u{e0} N\u{1eb5}ng",
            "\u{2211} x\u{b2} \u{2264} \u{221a}(\u{3c0}\u{b7}r\u{b2}) \u{b1} \u{221e}, \u{2200}\u{3b5}>0 \u{2203}\u{3b4}",
            "A \u{d7} B \u{f7} C \u{2248} 3\u{b7}10\u{207b}\u{2074} \u{b5}m at 20\u{a0}\u{b0}C, \u{bd} cup",
            "JO\u{c3}O GON\u{c7}ALVES e S\u{c3}O TOM\u{c9}, a M\u{c3}E e a IRM\u{c3}",
            "Concei\u{e7}\u{e3}o, Sebasti\u{e3}o e Jo\u{e3}o Gon\u{e7}alves de S\u{e3}o Paulo",
            "\u{c3}ngela e \u{c2}ngelo foram \u{e0} festa",
            "\u{141}\u{f3}d\u{17a}, Gda\u{144}sk; P\u{159}\u{ed}li\u{161} \u{17e}lu\u{165}ou\u{10d}k\u{fd} k\u{16f}\u{148}",
            "\u{de}\u{f3}r\u{f0}ur Gu\u{f0}j\u{f3}nsson fr\u{e1} \u{cd}slandi",
            "\u{c7}A VA? O\u{d9} \u{ca}TES-VOUS? \u{c0} BIENT\u{d4}T\u{2026}",
            "\u{a9} 2024 Harbour Press\u{ae}, \u{a3}35 \u{d7} 5, \u{a7} 4 \u{b6} 2",
            "\u{395}\u{3bb}\u{3bb}\u{3b7}\u{3bd}\u{3b9}\u{3ba}\u{3ac} \u{a8}\u{3bb}\u{3ad}\u{3be}\u{3b7}\u{a8} \u{2014} \u{420}\u{443}\u{441}\u{441}\u{43a}\u{438}\u{439} \u{44f}\u{437}\u{44b}\u{43a}",
            "Smith &amp; Wesson caf&eacute; &#233; &lt;b&gt; \u{2014} caf\u{e9}",
        ] {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }

    #[test]
    fn html_entities_are_never_repaired() {
        // plsfix decodes entities whatever its configuration says; no piece holds an `&`.
        let text = "Caf\u{c3}\u{a9} Smith &amp; Wesson &eacute; &#8217;";
        assert_eq!(
            flagged(text),
            [("\u{c3}\u{a9}".to_string(), "\u{e9}".to_string())]
        );
        assert!(
            pieces("a&amp;b")
                .iter()
                .all(|p| *p == "&" || !p.contains('&'))
        );
        assert_eq!(pieces("a&amp;b").concat(), "a&amp;b");
    }

    #[test]
    fn c1_controls_and_lossy_bytes() {
        // cp1252 punctuation read as Latin-1: C1 controls, repaired to what they stood for.
        assert_eq!(
            flagged("pas encore parl\u{e9}\u{85} Tu sais"),
            [("\u{85}".to_string(), "\u{2026}".to_string())]
        );
        // A byte lost in decoding: flagged, no repair offered.
        let f = detect(&comparison_of(&[&[
            "the na\u{ef}ve plan \u{fffd}\u{fffd} failed",
        ]]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "\u{fffd}\u{fffd}");
        assert_eq!(f[0].suggestion, None);
        // Inside a repair, the replacement character belongs to it.
        assert_eq!(
            flagged("\u{e2}\u{20ac}\u{153}lossy decoding\u{e2}\u{20ac}\u{fffd}"),
            [
                ("\u{e2}\u{20ac}\u{153}".to_string(), "\u{201c}".to_string()),
                ("\u{e2}\u{20ac}\u{fffd}".to_string(), "\u{fffd}".to_string()),
            ]
        );
    }

    #[test]
    fn confirmation_refuses_what_plsfix_gets_wrong() {
        // plsfix 0.1.8 turns these into "РDr" / a combining mark and a Khmer symbol.
        for text in [
            "Bremer/Mccoy \u{2013} Dr\u{c3}\u{a5}ber",
            "Oborzos, per. Vahbarz, frataraka\u{301}\u{a7} 141",
            "Vahbarz, fratarak\u{e1}\u{a7} 141",
        ] {
            assert!(flagged(text).is_empty(), "{text}");
        }
        // Symbols that one three-byte sequence does stand for.
        assert_eq!(
            flagged("rated \u{e2}\u{2dc}\u{2026} and \u{e2}\u{2013}\u{b6} play"),
            [
                ("\u{e2}\u{2dc}\u{2026}".to_string(), "\u{2605}".to_string()),
                ("\u{e2}\u{2013}\u{b6}".to_string(), "\u{25b6}".to_string()),
            ]
        );
        // A no-break space read as a space still repairs ("Ã " + "le").
        assert_eq!(
            flagged("voil\u{c3}  le travail"),
            [("\u{c3} ".to_string(), "\u{e0}".to_string())]
        );
    }

    #[test]
    fn align_walks_both_texts_in_step() {
        let a = chars("x \u{e2}\u{20ac}\u{2122} y \u{c3}\u{a9} z");
        let b = chars("x \u{2019} y \u{e9} z");
        assert_eq!(
            align(&a, &b),
            [
                (2, 5, "\u{2019}".to_string()),
                (8, 10, "\u{e9}".to_string())
            ]
        );
        // Out of step: the rest up to the common tail is one change.
        let a = chars("ab\u{e9}?? cd");
        let b = chars("ab\u{e8}! cd");
        assert_eq!(align(&a, &b), [(2, 5, "\u{e8}!".to_string())]);
    }

    #[test]
    fn long_paragraphs_are_cut_at_ascii_and_repaired_everywhere() {
        // Over 1 MB of text with mojibake throughout and multi-byte characters at every
        // possible cut: plsfix 0.1.8 alone panics on such a line.
        let unit = "Le caf\u{c3}\u{a9} du port \u{2014} \u{e9}t\u{e9} ";
        let text = unit.repeat(1_100_000 / unit.len() + 1);
        assert!(text.len() > 1_000_000);
        let ps = pieces(&text);
        assert_eq!(ps.concat(), text);
        assert!(ps.iter().all(|p| p.len() <= MAX_PIECE));
        let runs = repairs(&text, Method::Shipped);
        assert_eq!(runs.len(), text.matches("\u{c3}\u{a9}").count());
        assert!(runs.iter().all(|r| r.repaired.as_deref() == Some("\u{e9}")));
        // No ASCII at all: cut at character boundaries.
        let text = "\u{e9}".repeat(10_000);
        let ps = pieces(&text);
        assert_eq!(ps.concat(), text);
        assert!(ps.len() > 2);
        assert!(repairs(&text, Method::Shipped).is_empty());
    }
}
