//! Arabic letter joining for display: egui draws each character on its own, so Arabic
//! letters would appear in their isolated forms. Before a right-to-left line is laid out,
//! each letter is swapped for its contextual presentation form (initial, medial, final or
//! isolated, Unicode block Arabic Presentation Forms-B), chosen from its neighbours in
//! reading order. Lam followed by alef is drawn as the compulsory lam-alef ligature when
//! the font has it. Only the drawn glyphs change: display text, offsets and diffs do not.

/// How a letter joins its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joining {
    /// Joins on both sides (beh, seen, lam, ...).
    Dual,
    /// Joins only to the letter before it in reading order (alef, dal, reh, waw, ...).
    Right,
    /// Joins on both sides but has no forms of its own (tatweel).
    Causing,
}

/// The joining type and the first presentation form (isolated) of an Arabic letter.
/// Forms follow in the block as isolated, final, then (for dual-joining letters) initial, medial.
fn letter(c: char) -> Option<(Joining, u32)> {
    use Joining::{Causing, Dual, Right};
    let (joining, isolated) = match c {
        '\u{0622}' => (Right, 0xFE81),
        '\u{0623}' => (Right, 0xFE83),
        '\u{0624}' => (Right, 0xFE85),
        '\u{0625}' => (Right, 0xFE87),
        '\u{0626}' => (Dual, 0xFE89),
        '\u{0627}' => (Right, 0xFE8D),
        '\u{0628}' => (Dual, 0xFE8F),
        '\u{0629}' => (Right, 0xFE93),
        '\u{062A}'..='\u{062E}' => (Dual, 0xFE95 + 4 * (c as u32 - 0x062A)),
        '\u{062F}'..='\u{0632}' => (Right, 0xFEA9 + 2 * (c as u32 - 0x062F)),
        '\u{0633}'..='\u{063A}' => (Dual, 0xFEB1 + 4 * (c as u32 - 0x0633)),
        '\u{0640}' => (Causing, 0x0640),
        '\u{0641}'..='\u{0647}' => (Dual, 0xFED1 + 4 * (c as u32 - 0x0641)),
        '\u{0648}' => (Right, 0xFEED),
        '\u{0649}' => (Right, 0xFEEF),
        '\u{064A}' => (Dual, 0xFEF1),
        _ => return None,
    };
    Some((joining, isolated))
}

/// Marks that sit on a letter without breaking the joining (harakat, superscript alef).
fn is_transparent(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

fn joins_forward(c: char) -> bool {
    letter(c).is_some_and(|(j, _)| matches!(j, Joining::Dual | Joining::Causing))
}

fn joins_backward(c: char) -> bool {
    letter(c).is_some()
}

/// The lam-alef ligature (isolated form; the final form follows) for an alef after lam.
fn lam_alef(alef: char) -> Option<u32> {
    match alef {
        '\u{0622}' => Some(0xFEF5),
        '\u{0623}' => Some(0xFEF7),
        '\u{0625}' => Some(0xFEF9),
        '\u{0627}' => Some(0xFEFB),
        _ => None,
    }
}

const LAM: char = '\u{0644}';

/// The shaped form of every character of `text` (in reading order), same length as
/// `text.chars()`: letters become their contextual presentation forms, anything else is kept.
/// With `ligatures`, lam followed by alef becomes one lam-alef glyph at the lam's position
/// and the alef's entry is `None` (nothing to draw).
#[must_use]
pub fn shape(text: &str, ligatures: bool) -> Vec<Option<char>> {
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |from: usize, forward: bool| -> Option<(usize, char)> {
        let mut i = from;
        loop {
            i = if forward {
                i.checked_add(1)?
            } else {
                i.checked_sub(1)?
            };
            let c = *chars.get(i)?;
            if !is_transparent(c) {
                return Some((i, c));
            }
        }
    };
    let mut out: Vec<Option<char>> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let Some((joining, isolated)) = letter(c) else {
                return Some(c);
            };
            if joining == Joining::Causing {
                return Some(c);
            }
            let after_joiner = neighbour(i, false).is_some_and(|(_, p)| joins_forward(p));
            let before_joiner = joining == Joining::Dual
                && neighbour(i, true).is_some_and(|(_, n)| joins_backward(n));
            let offset = match (after_joiner, before_joiner) {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            Some(char::from_u32(isolated + offset).unwrap_or(c))
        })
        .collect();
    if ligatures {
        for (i, &c) in chars.iter().enumerate() {
            if c != LAM {
                continue;
            }
            let Some((k, ligature)) = neighbour(i, true).and_then(|(k, a)| Some((k, lam_alef(a)?)))
            else {
                continue;
            };
            let after_joiner = neighbour(i, false).is_some_and(|(_, p)| joins_forward(p));
            let form = char::from_u32(ligature + u32::from(after_joiner));
            if let (Some(slot), Some(form)) = (out.get_mut(i), form) {
                *slot = Some(form);
                if let Some(alef) = out.get_mut(k) {
                    *alef = None;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shaped without ligatures, every character drawn.
    fn plain(text: &str) -> Vec<char> {
        shape(text, false).into_iter().map(Option::unwrap).collect()
    }

    #[test]
    fn letters_take_their_position_in_the_word() {
        // بيت (house): beh initial, yeh medial, teh final.
        assert_eq!(plain("بيت"), ['\u{FE91}', '\u{FEF4}', '\u{FE96}']);
        // دار (home): dal, alef and reh never join forward, so all three stand isolated.
        assert_eq!(plain("دار"), ['\u{FEA9}', '\u{FE8D}', '\u{FEAD}']);
        // سلام: seen initial, lam medial, alef final, meem isolated (alef does not join forward).
        assert_eq!(
            plain("سلام"),
            ['\u{FEB3}', '\u{FEE0}', '\u{FE8E}', '\u{FEE1}']
        );
    }

    #[test]
    fn marks_are_transparent_and_other_text_is_kept() {
        // بَيت with a fatha on beh: beh still joins yeh.
        assert_eq!(
            plain("بَيت"),
            ['\u{FE91}', '\u{064E}', '\u{FEF4}', '\u{FE96}']
        );
        assert_eq!(plain("Lena 300"), "Lena 300".chars().collect::<Vec<_>>());
        // A letter alone between spaces is isolated.
        assert_eq!(plain(" ب "), [' ', '\u{FE8F}', ' ']);
    }

    #[test]
    fn lam_alef_is_one_ligature() {
        // سلام: seen initial, then lam-alef final (ARABIC LIGATURE LAM WITH ALEF FINAL FORM,
        // U+FEFC) where the alef was, nothing for the alef, meem isolated.
        assert_eq!(
            shape("سلام", true),
            [Some('\u{FEB3}'), Some('\u{FEFC}'), None, Some('\u{FEE1}')]
        );
        // لا alone: ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM (U+FEFB).
        assert_eq!(shape("لا", true), [Some('\u{FEFB}'), None]);
        // إلى: alef with hamza below stands alone; lam then alef maksura is no ligature.
        assert_eq!(
            shape("إلى", true),
            [Some('\u{FE87}'), Some('\u{FEDF}'), Some('\u{FEF0}')]
        );
        // الأمر: alef isolated, then lam + alef with hamza above: ARABIC LIGATURE LAM WITH
        // ALEF WITH HAMZA ABOVE ISOLATED FORM (U+FEF7), since alef does not join forward.
        let got = shape("الأمر", true);
        assert_eq!(got.get(1), Some(&Some('\u{FEF7}')));
        assert_eq!(got.get(2), Some(&None));
    }
}
