//! The small context every view draws from: the finished comparison, the indexes derived
//! from it, the settings, the selection, the rows on screen and a sink for [`Command`]s.
//! Views read it and push commands; none of them sees the whole application state, and
//! none of them changes state directly (see `app::StorydiffApp::apply`).

use super::command::Command;
use super::derived::Derived;
use super::search::Search;
use super::settings::Settings;
use super::view::Item;
use crate::model::Comparison;

/// What is selected: a row, a finding, a column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    /// The selected row (index into the comparison's rows).
    pub row: Option<usize>,
    /// The finding the user jumped to.
    pub finding: Option<usize>,
    /// The article the last jump went to (the view scrolls it into sight).
    pub article: Option<usize>,
    /// The fact mention the user jumped to from the facts view (highlighted).
    pub mention: Option<MentionSpan>,
}

/// Where a fact is mentioned: an article's paragraph and character offsets in its display
/// text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MentionSpan {
    /// Article index.
    pub article: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// Start offset in characters.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
}

/// Where a "link this passage with…" action waits for its second click.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingLink {
    /// The article whose paragraph moves.
    pub article: usize,
    /// Its paragraph.
    pub paragraph: usize,
}

/// The context a view draws from.
pub struct ViewCtx<'a> {
    /// The comparison shown (none before the first one is finished).
    pub comparison: Option<&'a Comparison>,
    /// Bumped whenever the comparison changes (cache key).
    pub generation: u64,
    /// Indexes derived from the comparison.
    pub derived: &'a Derived,
    /// The settings (read only: changes go through commands).
    pub settings: &'a Settings,
    /// The selection.
    pub selection: Selection,
    /// The rows and folds on screen, in order.
    pub items: &'a [Item],
    /// The search matches to highlight.
    pub search: &'a Search,
    /// A link waiting for its target passage.
    pub pending_link: Option<PendingLink>,
    /// Number of corrections that can be undone and redone.
    pub undo_redo: (usize, usize),
    /// Which stages made the comparison shown (`None` for one opened from a saved file).
    pub last_run: Option<crate::staged::StagesRun>,
    /// Number of files in the open set (there may be none compared yet).
    pub files_open: usize,
    /// Commands issued while drawing, applied after the frame's views ran.
    pub commands: &'a mut Vec<Command>,
}

impl ViewCtx<'_> {
    /// Issues a command.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }
}
