//! The one table of keyboard shortcuts. It drives the key handling, the shortcut text in
//! the menus and the Help ▸ Keyboard shortcuts window, so the three cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;
use super::settings::{Settings, ViewTab};
use crate::model::Granularity;

/// What a shortcut does; [`Action::command`] turns it into a [`Command`] for the current
/// settings (toggles need to know the current state).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// File ▸ Open.
    Open,
    /// File ▸ Save comparison.
    SaveComparison,
    /// File ▸ Export report.
    Export,
    /// File ▸ New.
    New,
    /// Edit ▸ Undo correction.
    Undo,
    /// Edit ▸ Redo correction.
    Redo,
    /// Navigate ▸ Next change.
    NextChange,
    /// Navigate ▸ Previous change.
    PrevChange,
    /// Navigate ▸ Find.
    Find,
    /// Next search match.
    FindNext,
    /// Previous search match.
    FindPrev,
    /// View ▸ Only rows with differences.
    OnlyChanges,
    /// View ▸ Hide boilerplate.
    HideBoilerplate,
    /// View ▸ Dark theme.
    Dark,
    /// View ▸ Fit all columns.
    FitColumns,
    /// View ▸ Larger text.
    Larger,
    /// View ▸ Smaller text.
    Smaller,
    /// Compare ▸ Ignore case.
    IgnoreCase,
    /// Compare ▸ Ignore punctuation.
    IgnorePunctuation,
    /// Compare ▸ Ignore typography.
    IgnoreTypography,
    /// Compare ▸ Ignore whitespace.
    IgnoreWhitespace,
    /// Compare ▸ Words / characters.
    Granularity,
    /// Help ▸ Keyboard shortcuts.
    Shortcuts,
    /// View ▸ Side by side.
    ShowSideBySide,
    /// View ▸ Coverage.
    ShowCoverage,
    /// View ▸ Facts.
    ShowFacts,
}

/// One entry of the table.
#[derive(Debug, Clone, Copy)]
pub struct Shortcut {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// What they do.
    pub action: Action,
    /// What the shortcuts window says it does.
    pub label: &'static str,
}

const fn sc(modifiers: Modifiers, key: Key, action: Action, label: &'static str) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(modifiers, key),
        action,
        label,
    }
}

const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Every shortcut. Keys that take Shift come before the same key without it: egui matches
/// a held Shift "logically", so plain F3 would otherwise also catch Shift+F3.
pub const SHORTCUTS: &[Shortcut] = &[
    sc(
        Modifiers::COMMAND,
        Key::O,
        Action::Open,
        "Open articles or a saved comparison",
    ),
    sc(
        Modifiers::COMMAND,
        Key::S,
        Action::SaveComparison,
        "Save the comparison",
    ),
    sc(
        Modifiers::COMMAND,
        Key::E,
        Action::Export,
        "Export a report (HTML, JSON or text)",
    ),
    sc(
        Modifiers::COMMAND,
        Key::N,
        Action::New,
        "New comparison (close every article)",
    ),
    sc(
        CMD_SHIFT,
        Key::Z,
        Action::Redo,
        "Redo the correction taken back",
    ),
    sc(
        Modifiers::COMMAND,
        Key::Y,
        Action::Redo,
        "Redo the correction taken back",
    ),
    sc(
        Modifiers::COMMAND,
        Key::Z,
        Action::Undo,
        "Undo the last correction",
    ),
    sc(
        Modifiers::ALT,
        Key::ArrowDown,
        Action::NextChange,
        "Next row with a difference",
    ),
    sc(
        Modifiers::ALT,
        Key::ArrowUp,
        Action::PrevChange,
        "Previous row with a difference",
    ),
    sc(
        CMD_SHIFT,
        Key::F,
        Action::FitColumns,
        "Fit all columns in the window",
    ),
    sc(
        Modifiers::COMMAND,
        Key::F,
        Action::Find,
        "Find in every article",
    ),
    sc(
        Modifiers::SHIFT,
        Key::F3,
        Action::FindPrev,
        "Previous search match",
    ),
    sc(
        Modifiers::NONE,
        Key::F3,
        Action::FindNext,
        "Next search match",
    ),
    sc(
        Modifiers::COMMAND,
        Key::D,
        Action::OnlyChanges,
        "Only rows with differences",
    ),
    sc(
        Modifiers::COMMAND,
        Key::B,
        Action::HideBoilerplate,
        "Hide boilerplate rows",
    ),
    sc(Modifiers::COMMAND, Key::T, Action::Dark, "Dark theme"),
    sc(Modifiers::COMMAND, Key::Plus, Action::Larger, "Larger text"),
    sc(
        Modifiers::COMMAND,
        Key::Equals,
        Action::Larger,
        "Larger text",
    ),
    sc(
        Modifiers::COMMAND,
        Key::Minus,
        Action::Smaller,
        "Smaller text",
    ),
    sc(
        Modifiers::COMMAND,
        Key::Num1,
        Action::IgnoreCase,
        "Ignore case",
    ),
    sc(
        Modifiers::COMMAND,
        Key::Num2,
        Action::IgnorePunctuation,
        "Ignore punctuation",
    ),
    sc(
        Modifiers::COMMAND,
        Key::Num3,
        Action::IgnoreTypography,
        "Ignore typography (quote style, dashes, special spaces)",
    ),
    sc(
        Modifiers::COMMAND,
        Key::Num4,
        Action::IgnoreWhitespace,
        "Ignore whitespace",
    ),
    sc(
        Modifiers::COMMAND,
        Key::G,
        Action::Granularity,
        "Diff by words or by characters",
    ),
    sc(
        Modifiers::ALT,
        Key::Num1,
        Action::ShowSideBySide,
        "Side by side: the aligned passages",
    ),
    sc(
        Modifiers::ALT,
        Key::Num2,
        Action::ShowCoverage,
        "Coverage: who carries which passage",
    ),
    sc(
        Modifiers::ALT,
        Key::Num3,
        Action::ShowFacts,
        "Facts: quotes, figures and names per article",
    ),
    sc(
        Modifiers::NONE,
        Key::F1,
        Action::Shortcuts,
        "This list of shortcuts",
    ),
];

impl Action {
    /// The action that shows a view.
    #[must_use]
    pub fn show_view(tab: ViewTab) -> Self {
        match tab {
            ViewTab::SideBySide => Self::ShowSideBySide,
            ViewTab::Coverage => Self::ShowCoverage,
            ViewTab::Facts => Self::ShowFacts,
        }
    }

    /// The command this action issues with the current settings.
    #[must_use]
    pub fn command(self, settings: &Settings) -> Command {
        let toggled = |f: fn(&mut crate::model::CompareOptions)| {
            let mut options = settings.options.clone();
            f(&mut options);
            Command::SetOptions(options)
        };
        match self {
            Self::Open => Command::OpenDialog,
            Self::SaveComparison => Command::SaveComparisonDialog,
            Self::Export => Command::ExportDialog,
            Self::New => Command::NewComparison,
            Self::Undo => Command::Undo,
            Self::Redo => Command::Redo,
            Self::NextChange => Command::NextChange,
            Self::PrevChange => Command::PrevChange,
            Self::Find => Command::OpenSearch,
            Self::FindNext => Command::SearchNext,
            Self::FindPrev => Command::SearchPrev,
            Self::OnlyChanges => Command::SetOnlyChanges(!settings.only_changes),
            Self::HideBoilerplate => Command::SetHideBoilerplate(!settings.hide_boilerplate),
            Self::Dark => Command::SetDark(!settings.dark),
            Self::FitColumns => Command::SetFitColumns(!settings.fit_columns),
            Self::Larger => Command::FontSize(1.0),
            Self::Smaller => Command::FontSize(-1.0),
            Self::IgnoreCase => toggled(|o| o.ignore_case = !o.ignore_case),
            Self::IgnorePunctuation => toggled(|o| o.ignore_punctuation = !o.ignore_punctuation),
            Self::IgnoreTypography => toggled(|o| o.ignore_quotes = !o.ignore_quotes),
            Self::IgnoreWhitespace => toggled(|o| o.ignore_whitespace = !o.ignore_whitespace),
            Self::Granularity => toggled(|o| {
                o.granularity = match o.granularity {
                    Granularity::Word => Granularity::Char,
                    Granularity::Char => Granularity::Word,
                };
            }),
            Self::Shortcuts => Command::ShowShortcuts(true),
            Self::ShowSideBySide => Command::ShowView(ViewTab::SideBySide),
            Self::ShowCoverage => Command::ShowView(ViewTab::Coverage),
            Self::ShowFacts => Command::ShowView(ViewTab::Facts),
        }
    }
}

/// The first shortcut of an action (the one menus show).
#[must_use]
pub fn shortcut_of(action: Action) -> Option<KeyboardShortcut> {
    SHORTCUTS
        .iter()
        .find(|s| s.action == action)
        .map(|s| s.keys)
}

/// The shortcut text menus show for an action ("Ctrl+O"), empty when it has none.
#[must_use]
pub fn text_of(ctx: &egui::Context, action: Action) -> String {
    shortcut_of(action).map_or_else(String::new, |k| ctx.format_shortcut(&k))
}

/// This frame's shortcut presses as commands (each press issues one command; a key caught
/// by an earlier entry is not seen by a later one).
#[must_use]
pub fn commands(
    ctx: &egui::Context,
    settings: &Settings,
    search_open: bool,
    link_pending: bool,
) -> Vec<Command> {
    let mut out = Vec::new();
    // Ctrl+Z in a text field undoes typing, not a correction.
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|i| {
        let mut done: Vec<Action> = Vec::new();
        for s in SHORTCUTS {
            if typing && matches!(s.action, Action::Undo | Action::Redo) {
                continue;
            }
            if i.consume_shortcut(&s.keys) && !done.contains(&s.action) {
                done.push(s.action);
                out.push(s.action.command(settings));
            }
        }
        if (link_pending || search_open) && i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(if link_pending {
                Command::CancelLink
            } else {
                Command::CloseSearch
            });
        }
    });
    out
}

/// Draws the Help ▸ Keyboard shortcuts window; returns false when the user closed it.
#[must_use]
pub fn window(ctx: &egui::Context, open: bool) -> bool {
    let mut open = open;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    let mut seen: Vec<Action> = Vec::new();
                    for s in SHORTCUTS {
                        let keys: Vec<String> = SHORTCUTS
                            .iter()
                            .filter(|o| o.action == s.action)
                            .map(|o| ctx.format_shortcut(&o.keys))
                            .collect();
                        if seen.contains(&s.action) {
                            continue;
                        }
                        seen.push(s.action);
                        ui.label(egui::RichText::new(keys.join(" or ")).monospace());
                        ui.label(s.label);
                        ui.end_row();
                    }
                    ui.label(egui::RichText::new("Right-click a passage").monospace());
                    ui.label("Copy, set as reference, unlink, link, split, join, furniture or story text");
                    ui.end_row();
                    ui.label(egui::RichText::new("Esc").monospace());
                    ui.label("Close the search bar; cancel a pending link");
                    ui.end_row();
                });
        });
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_key_comes_before_the_same_key_without_shift() {
        for (i, s) in SHORTCUTS.iter().enumerate() {
            if s.keys.modifiers.shift {
                continue;
            }
            let shifted_later = SHORTCUTS.iter().skip(i + 1).any(|o| {
                o.keys.logical_key == s.keys.logical_key
                    && o.keys.modifiers.shift
                    && o.keys.modifiers.command == s.keys.modifiers.command
            });
            assert!(!shifted_later, "{:?} would catch its Shift variant", s.keys);
        }
    }

    #[test]
    fn every_key_combination_is_listed_once() {
        for (i, s) in SHORTCUTS.iter().enumerate() {
            assert!(
                !SHORTCUTS.iter().skip(i + 1).any(|o| o.keys == s.keys),
                "{:?} twice",
                s.keys
            );
        }
    }
}
