//! Colours for the diff highlights and cell states, in a light and a dark variant.
//!
//! Every highlight pairs a colour with a second cue (underline, strike-through,
//! a label) so that readers who cannot tell the colours apart still see the change.

use egui::Color32;

/// The colours the views use.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Background of text this article has and the reference lacks.
    pub insert_bg: Color32,
    /// Underline of inserted text.
    pub insert_line: Color32,
    /// Background of reference text this article lacks (drawn struck through).
    pub delete_bg: Color32,
    /// Text colour and strike-through of deleted text.
    pub delete_fg: Color32,
    /// Background of whitespace-only changes.
    pub whitespace_bg: Color32,
    /// Underline of whitespace-only changes.
    pub whitespace_line: Color32,
    /// Fill of a cell whose article lacks the passage.
    pub missing_bg: Color32,
    /// Fill of a cell whose passage sits elsewhere in its article.
    pub moved_bg: Color32,
    /// Fill of the selected row.
    pub selected_bg: Color32,
    /// Outline of the selected row.
    pub selected_line: Color32,
    /// Background of a search match.
    pub search_bg: Color32,
    /// Background of the current search match.
    pub search_current_bg: Color32,
    /// Background of a finding's span.
    pub finding_bg: Color32,
    /// Background of the finding the user jumped to.
    pub finding_current_bg: Color32,
    /// Dotted underline of a finding's span (its cue besides the colour).
    pub finding_line: Color32,
    /// Overview-ruler mark of a changed row.
    pub ruler_change: Color32,
    /// Overview-ruler mark of a row with findings.
    pub ruler_finding: Color32,
    /// Secondary text (labels, markers).
    pub muted: Color32,
    /// Body text.
    pub text: Color32,
    /// Badge fill.
    pub badge_bg: Color32,
    /// Badge text.
    pub badge_fg: Color32,
    /// Grid lines between cells.
    pub grid: Color32,
    /// Background of a fact a related passage shares with the other side.
    pub mark_shared_bg: Color32,
    /// Underline of a shared fact.
    pub mark_shared_line: Color32,
    /// Background of a fact only this related passage states.
    pub mark_only_bg: Color32,
    /// Underline of a fact stated only here.
    pub mark_only_line: Color32,
    /// Background of the fact mention jumped to from the facts view.
    pub mention_bg: Color32,
    /// Coverage chip: the same text as the reference.
    pub chip_same: Color32,
    /// Coverage chip: reworded (a word diff).
    pub chip_reworded: Color32,
    /// Coverage chip: related (written independently).
    pub chip_related: Color32,
    /// Coverage chip: carried here, not by the reference.
    pub chip_only: Color32,
    /// Text on the chips.
    pub chip_text: Color32,
    /// Marker of damage on a chip and of a fact stated differently.
    pub warn: Color32,
    /// Background of a fact stated differently.
    pub differs_bg: Color32,
    /// The heat map's colour at relatedness 1.
    pub heat: Color32,
}

/// The palette for the dark or light theme.
#[must_use]
pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            insert_bg: Color32::from_rgb(28, 78, 44),
            insert_line: Color32::from_rgb(120, 220, 140),
            delete_bg: Color32::from_rgb(92, 34, 38),
            delete_fg: Color32::from_rgb(255, 170, 170),
            whitespace_bg: Color32::from_rgb(50, 50, 96),
            whitespace_line: Color32::from_rgb(160, 160, 255),
            missing_bg: Color32::from_rgb(40, 40, 44),
            moved_bg: Color32::from_rgb(44, 38, 24),
            selected_bg: Color32::from_rgb(30, 44, 66),
            selected_line: Color32::from_rgb(110, 160, 255),
            search_bg: Color32::from_rgb(110, 100, 0),
            search_current_bg: Color32::from_rgb(180, 160, 0),
            finding_bg: Color32::from_rgb(62, 44, 92),
            finding_current_bg: Color32::from_rgb(105, 70, 165),
            finding_line: Color32::from_rgb(190, 150, 255),
            ruler_change: Color32::from_rgb(110, 160, 255),
            ruler_finding: Color32::from_rgb(170, 120, 255),
            muted: Color32::from_gray(150),
            text: Color32::from_gray(225),
            badge_bg: Color32::from_rgb(200, 120, 0),
            badge_fg: Color32::BLACK,
            grid: Color32::from_gray(60),
            mark_shared_bg: Color32::from_rgb(18, 74, 70),
            mark_shared_line: Color32::from_rgb(90, 220, 200),
            mark_only_bg: Color32::from_rgb(96, 56, 10),
            mark_only_line: Color32::from_rgb(255, 170, 70),
            mention_bg: Color32::from_rgb(30, 90, 160),
            chip_same: Color32::from_rgb(56, 64, 58),
            chip_reworded: Color32::from_rgb(96, 78, 20),
            chip_related: Color32::from_rgb(22, 84, 80),
            chip_only: Color32::from_rgb(40, 60, 110),
            chip_text: Color32::from_gray(230),
            warn: Color32::from_rgb(255, 120, 90),
            differs_bg: Color32::from_rgb(110, 40, 40),
            heat: Color32::from_rgb(70, 140, 255),
        }
    } else {
        Palette {
            insert_bg: Color32::from_rgb(204, 242, 208),
            insert_line: Color32::from_rgb(20, 120, 40),
            delete_bg: Color32::from_rgb(255, 218, 218),
            delete_fg: Color32::from_rgb(170, 20, 30),
            whitespace_bg: Color32::from_rgb(222, 222, 255),
            whitespace_line: Color32::from_rgb(60, 60, 200),
            missing_bg: Color32::from_gray(236),
            moved_bg: Color32::from_rgb(255, 246, 222),
            selected_bg: Color32::from_rgb(228, 238, 255),
            selected_line: Color32::from_rgb(40, 100, 230),
            search_bg: Color32::from_rgb(255, 244, 130),
            search_current_bg: Color32::from_rgb(255, 212, 0),
            finding_bg: Color32::from_rgb(236, 224, 255),
            finding_current_bg: Color32::from_rgb(204, 178, 255),
            finding_line: Color32::from_rgb(120, 70, 200),
            ruler_change: Color32::from_rgb(40, 100, 230),
            ruler_finding: Color32::from_rgb(130, 80, 210),
            muted: Color32::from_gray(100),
            text: Color32::from_gray(20),
            badge_bg: Color32::from_rgb(230, 130, 0),
            badge_fg: Color32::BLACK,
            grid: Color32::from_gray(205),
            mark_shared_bg: Color32::from_rgb(204, 238, 232),
            mark_shared_line: Color32::from_rgb(0, 128, 116),
            mark_only_bg: Color32::from_rgb(255, 224, 186),
            mark_only_line: Color32::from_rgb(204, 102, 0),
            mention_bg: Color32::from_rgb(168, 208, 255),
            chip_same: Color32::from_rgb(226, 231, 226),
            chip_reworded: Color32::from_rgb(255, 232, 170),
            chip_related: Color32::from_rgb(188, 230, 222),
            chip_only: Color32::from_rgb(206, 222, 255),
            chip_text: Color32::from_gray(20),
            warn: Color32::from_rgb(200, 40, 20),
            differs_bg: Color32::from_rgb(255, 205, 200),
            heat: Color32::from_rgb(40, 100, 230),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Colour distance in RGB (0–441).
    fn distance(a: Color32, b: Color32) -> f32 {
        let d = |x: u8, y: u8| (f32::from(x) - f32::from(y)).powi(2);
        (d(a.r(), b.r()) + d(a.g(), b.g()) + d(a.b(), b.b())).sqrt()
    }

    #[test]
    fn a_search_match_and_a_finding_do_not_share_a_colour() {
        for dark in [false, true] {
            let p = palette(dark);
            for (s, f) in [
                (p.search_bg, p.finding_bg),
                (p.search_current_bg, p.finding_current_bg),
                (p.search_current_bg, p.finding_bg),
                (p.search_bg, p.finding_current_bg),
            ] {
                assert!(distance(s, f) > 80.0, "dark={dark}: {s:?} vs {f:?}");
            }
        }
    }
}
