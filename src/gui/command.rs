//! The one [`Command`] type every state change goes through, and the [`Notice`] shown above
//! the rows.

use std::path::PathBuf;

use super::settings::{Recent, ViewTab};
use crate::model::{CompareOptions, FindingKind, Override};

/// Every change to the state goes through one of these.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Add files as new columns.
    AddFiles(Vec<PathBuf>),
    /// Replace the open files.
    OpenFiles(Vec<PathBuf>),
    /// Open the bundled sample story.
    OpenSample,
    /// Show the native file dialog (or the in-app browser where there is none).
    OpenDialog,
    /// Show the in-app file browser.
    OpenBrowser,
    /// Ask where to save the report (system save dialog, or the in-app prompt).
    ExportDialog,
    /// Show the in-app "Export report" window.
    ExportPrompt,
    /// Save the report to this file (JSON for `.json`, text otherwise).
    Export(PathBuf),
    /// Close a column (article index).
    RemoveColumn(usize),
    /// Move a column from one place to another.
    MoveColumn {
        /// Current article index.
        from: usize,
        /// New article index.
        to: usize,
    },
    /// Make an article the reference.
    SetReference(usize),
    /// Change the compare options (re-compares).
    SetOptions(CompareOptions),
    /// Fold unchanged rows or not.
    SetOnlyChanges(bool),
    /// Hide boilerplate rows or not.
    SetHideBoilerplate(bool),
    /// Unfold a run of unchanged rows (by its first row).
    ExpandFold(usize),
    /// Select a row (index into the comparison's rows) and scroll to it.
    SelectRow(usize),
    /// Select the next changed row.
    NextChange,
    /// Select the previous changed row.
    PrevChange,
    /// Jump to a finding (index into the comparison's findings).
    JumpToFinding(usize),
    /// Filter the findings panel by kind.
    SetFindingFilter(Option<FindingKind>),
    /// Change the text size by this many points.
    FontSize(f32),
    /// Switch the dark theme on or off.
    SetDark(bool),
    /// Show or hide the options panel.
    ShowOptions(bool),
    /// Show or hide the findings panel.
    ShowFindings(bool),
    /// Dismiss a notice.
    DismissNotice(usize),
    /// Open the search bar and focus it.
    OpenSearch,
    /// Close the search bar.
    CloseSearch,
    /// Go to the next search match.
    SearchNext,
    /// Go to the previous search match.
    SearchPrev,
    /// The query changed: show the first match.
    SearchShowFirst,
    /// Close every article (File ▸ New).
    NewComparison,
    /// Ask where to save the comparison (system dialog, or the in-app prompt).
    SaveComparisonDialog,
    /// Save the comparison (files, options, view, corrections) to this `.storydiff` file.
    SaveComparison(PathBuf),
    /// Open a saved `.storydiff` comparison.
    OpenComparison(PathBuf),
    /// Open an entry of File ▸ Recent.
    OpenRecent(Recent),
    /// Apply a correction (the engine compares again with it); it can be undone.
    Correct(Override),
    /// Take back the last correction.
    Undo,
    /// Apply again the last correction taken back.
    Redo,
    /// Start linking a passage: the next passage clicked in another column is its row.
    StartLink {
        /// Article index.
        article: usize,
        /// Paragraph index.
        paragraph: usize,
    },
    /// Link the pending passage with the passage clicked (article, paragraph).
    FinishLink {
        /// Article index of the passage naming the row.
        article: usize,
        /// Its paragraph.
        paragraph: usize,
    },
    /// Forget a pending link.
    CancelLink,
    /// Stop the running comparison (the window keeps what it shows).
    StopComparison,
    /// Compare the open files again (files changed on disk are read again, the others kept).
    Recompare,
    /// Show or hide the keyboard shortcuts window.
    ShowShortcuts(bool),
    /// Fit every column into the window (narrower columns, smaller text) or not.
    SetFitColumns(bool),
    /// Show or hide one kind of finding (list, highlights and badges).
    SetKindHidden(FindingKind, bool),
    /// Show one of the views: side by side, coverage, facts.
    ShowView(ViewTab),
    /// Show a passage side by side: select its row and scroll its article's column into
    /// sight (a coverage chip or an outlet summary was clicked).
    ShowCell {
        /// Row index.
        row: usize,
        /// Article index.
        article: usize,
    },
    /// Show a mention of a fact side by side: select its row, scroll to its article and
    /// highlight the words (character offsets in the paragraph's display text).
    JumpToMention {
        /// Article index.
        article: usize,
        /// Paragraph index.
        paragraph: usize,
        /// Start offset in characters.
        start: usize,
        /// End offset (exclusive) in characters.
        end: usize,
    },
}

/// A message shown above the rows until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Plain-words text (for a file: path last).
    pub text: String,
    /// True for errors, false for information.
    pub error: bool,
}
