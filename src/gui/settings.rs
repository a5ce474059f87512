//! The settings that persist across runs, and reading them back from eframe storage.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::command::Notice;
use crate::model::{CompareOptions, FindingKind};

/// The eframe storage key of the settings.
pub const SETTINGS_KEY: &str = "storydiff-settings";

/// Settings that persist across runs. Unknown or missing fields fall back to defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[allow(clippy::struct_excessive_bools)] // Reason: independent on/off settings, persisted as such.
pub struct Settings {
    /// The settings format's version, [`SETTINGS_VERSION`] when written by this build;
    /// settings of a newer version are not read (defaults and a notice instead).
    pub version: u32,
    /// Compare options (what to ignore, word or character diff, the reference).
    pub options: CompareOptions,
    /// Fold rows without differences.
    pub only_changes: bool,
    /// Take boilerplate rows out of the view.
    pub hide_boilerplate: bool,
    /// Body text size in points.
    pub font_size: f32,
    /// Dark theme.
    pub dark: bool,
    /// Show the options side panel.
    pub show_options: bool,
    /// Show the findings side panel.
    pub show_findings: bool,
    /// Only this kind in the findings panel.
    pub finding_filter: Option<FindingKind>,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The files open when the window last closed.
    pub last_files: Vec<PathBuf>,
    /// Recently opened sets of files and saved comparisons, newest first.
    pub recent_sets: Vec<Recent>,
    /// Fit every column into the window (narrower columns, smaller text).
    pub fit_columns: bool,
    /// Kinds of finding hidden from the list and the cells.
    pub hidden_kinds: BTreeSet<FindingKind>,
    /// The view shown: side by side, coverage or facts.
    pub tab: ViewTab,
}

/// The views of the window, chosen by the tabs above the rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewTab {
    /// The aligned passages, one column per article.
    #[default]
    SideBySide,
    /// Who carries which passage, how related the articles are, what each outlet stands out for.
    Coverage,
    /// The quotes, figures and names, and which articles carry or state them differently.
    Facts,
}

impl ViewTab {
    /// Every view, in tab order.
    pub const ALL: [Self; 3] = [Self::SideBySide, Self::Coverage, Self::Facts];

    /// The tab's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::SideBySide => "Side by side",
            Self::Coverage => "Coverage",
            Self::Facts => "Facts",
        }
    }
}

/// An entry of File ▸ Recent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recent {
    /// A set of files opened together.
    Files(Vec<PathBuf>),
    /// A saved comparison.
    Comparison(PathBuf),
}

impl Recent {
    /// The menu label: the comparison's file name, or the files' names.
    #[must_use]
    pub fn label(&self) -> String {
        let name = |p: &PathBuf| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        match self {
            Self::Comparison(p) => format!("{} (saved comparison)", name(p)),
            Self::Files(files) => {
                let mut names: Vec<String> = files.iter().take(3).map(name).collect();
                if files.len() > 3 {
                    names.push(format!("+{} more", files.len() - 3));
                }
                names.join(", ")
            }
        }
    }

    /// The full paths, one per line (the menu's hover text).
    #[must_use]
    pub fn paths(&self) -> String {
        match self {
            Self::Comparison(p) => p.display().to_string(),
            Self::Files(files) => files
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// How many entries File ▸ Recent keeps.
pub const RECENT_SETS: usize = 10;

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            options: CompareOptions::default(),
            only_changes: false,
            hide_boilerplate: false,
            font_size: 15.0,
            dark: false,
            show_options: true,
            show_findings: true,
            finding_filter: None,
            recent: Vec::new(),
            last_files: Vec::new(),
            recent_sets: Vec::new(),
            fit_columns: false,
            hidden_kinds: BTreeSet::new(),
            tab: ViewTab::default(),
        }
    }
}

/// The settings format this build writes and reads.
pub const SETTINGS_VERSION: u32 = 1;

impl Settings {
    /// True when the user's choices are the same (the lists of recent and last-open files,
    /// which opening a file updates, aside): stored settings that could not be read are
    /// kept until the user changes a choice.
    #[must_use]
    pub fn same_choices(&self, other: &Self) -> bool {
        let choices = |s: &Self| Self {
            recent: Vec::new(),
            last_files: Vec::new(),
            recent_sets: Vec::new(),
            ..s.clone()
        };
        choices(self) == choices(other)
    }
}

/// Smallest and largest body text size.
pub const FONT_RANGE: (f32, f32) = (9.0, 32.0);

/// Reads the settings from eframe storage. Settings that are not JSON, are cut short or
/// were written by a newer version give the defaults and a notice saying that the stored
/// settings are kept until a setting is changed (see [`Settings::same_choices`]).
#[must_use]
pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> (Settings, Option<Notice>) {
    let Some(text) = storage.and_then(|s| s.get_string(SETTINGS_KEY)) else {
        return (Settings::default(), None);
    };
    let kept = "using the defaults; the stored settings are kept until you change a setting";
    let notice = |why: String| Notice {
        text: format!("The stored settings could not be read ({why}); {kept}"),
        error: false,
    };
    match serde_json::from_str::<Settings>(&text) {
        Ok(s) if s.version > SETTINGS_VERSION => (
            Settings::default(),
            Some(notice(format!(
                "they are version {} from a newer storydiff, this one reads version {SETTINGS_VERSION}",
                s.version
            ))),
        ),
        Ok(s) => (s, None),
        Err(e) => (Settings::default(), Some(notice(e.to_string()))),
    }
}
