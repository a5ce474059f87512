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
            search_bg: Color32::from_rgb(120, 100, 0),
            search_current_bg: Color32::from_rgb(200, 110, 0),
            finding_bg: Color32::from_rgb(84, 60, 10),
            finding_current_bg: Color32::from_rgb(150, 90, 0),
            ruler_change: Color32::from_rgb(110, 160, 255),
            ruler_finding: Color32::from_rgb(255, 160, 40),
            muted: Color32::from_gray(150),
            text: Color32::from_gray(225),
            badge_bg: Color32::from_rgb(200, 120, 0),
            badge_fg: Color32::BLACK,
            grid: Color32::from_gray(60),
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
            search_bg: Color32::from_rgb(255, 240, 120),
            search_current_bg: Color32::from_rgb(255, 170, 60),
            finding_bg: Color32::from_rgb(255, 230, 190),
            finding_current_bg: Color32::from_rgb(255, 190, 110),
            ruler_change: Color32::from_rgb(40, 100, 230),
            ruler_finding: Color32::from_rgb(230, 120, 0),
            muted: Color32::from_gray(100),
            text: Color32::from_gray(20),
            badge_bg: Color32::from_rgb(230, 130, 0),
            badge_fg: Color32::BLACK,
            grid: Color32::from_gray(205),
        }
    }
}
