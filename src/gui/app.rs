//! The application state: the frame loop and `apply`, which carries out every [`Command`]
//! (the command type, the settings and the derived indexes live in their own files and are
//! re-exported here).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

mod columns;
mod corrections;
mod dialogs;
mod panels;
mod saved;

pub use super::command::{Command, Notice};
use super::coverage::CoverageState;
pub use super::ctx::{MentionSpan, PendingLink, Selection, ViewCtx};
pub use super::derived::Derived;
use super::dialog::DialogJob;
use super::export::{self, SaveKind, SavePrompt};
use super::facts_view::FactsState;
use super::file_browser::FileBrowser;
use super::findings::FindingsState;
use super::options::OptionsState;
pub use super::sample_paths;
use super::search::Search;
pub use super::settings::{
    FONT_RANGE, Recent, SETTINGS_KEY, SETTINGS_VERSION, Settings, ViewTab, load_settings,
};
pub use super::table::TableState;
use super::view::{self, Filter, Item};
use super::worker::Worker;
use crate::model::{Comparison, Override};

/// How the notice of a stopped comparison begins (it is removed when a comparison arrives).
const STOPPED_NOTICE: &str = "Comparison stopped";

/// What the view items were built from.
type ItemsKey = (u64, bool, bool, BTreeSet<usize>, Option<usize>);

/// The whole window state.
pub struct StorydiffApp {
    /// Persisted settings.
    pub settings: Settings,
    /// The open files, in column order.
    pub files: Vec<PathBuf>,
    /// The comparison being shown.
    pub comparison: Option<Arc<Comparison>>,
    /// Facts derived from the comparison.
    pub derived: Derived,
    /// Bumped whenever the comparison changes.
    pub generation: u64,
    /// Items of the rows view.
    pub items: Vec<Item>,
    /// Folds the user opened.
    pub expanded: BTreeSet<usize>,
    /// The selected row, finding and column.
    pub selection: Selection,
    /// Messages above the rows.
    pub notices: Vec<Notice>,
    /// Search state.
    pub search: Search,
    /// The in-app file browser.
    pub browser: FileBrowser,
    /// The in-app "Save as" window (report or comparison).
    pub export: SavePrompt,
    /// The options panel's own widget state.
    pub options_panel: OptionsState,
    /// The rows view's own state: laid-out text, row heights, pending scrolls.
    pub table: TableState,
    /// The coverage view's own state.
    pub coverage_view: CoverageState,
    /// The facts view's own state: its filters.
    pub facts_view: FactsState,
    /// The findings panel's own state: its folds and flattened lines.
    pub findings_panel: FindingsState,
    /// The user's corrections, in the order made (sent to the engine with every compare).
    pub overrides: Vec<Override>,
    /// Corrections taken back with Undo, most recent last.
    pub redo: Vec<Override>,
    /// The saved comparison the open set came from or was saved to.
    pub comparison_file: Option<PathBuf>,
    /// A link waiting for its target passage.
    pub pending_link: Option<PendingLink>,
    /// The keyboard shortcuts window is open.
    pub show_shortcuts: bool,
    /// The open set is the bundled sample story.
    pub is_sample: bool,
    /// Which stages made the comparison shown (files read, re-aligned or only re-diffed).
    pub last_run: Option<crate::staged::StagesRun>,
    /// The settings the window started with when the stored ones could not be read: while
    /// the user's choices are still these, the stored settings are not overwritten.
    pub keep_stored_settings: Option<Settings>,
    pub(crate) worker: Worker,
    pub(crate) dialog: Option<DialogJob<Vec<PathBuf>>>,
    pub(crate) save_dialog: Option<(SaveKind, DialogJob<PathBuf>)>,
    /// Run comparisons on the calling thread (tests, benchmarks).
    pub synchronous: bool,
    ctx: Option<egui::Context>,
    fonts_installed: bool,
    applied_dark: Option<bool>,
    title: String,
    items_key: Option<ItemsKey>,
    keep_row: Option<usize>,
    pending_open: Option<Vec<PathBuf>>,
}

impl StorydiffApp {
    /// A window state with the stored settings (defaults and a notice when they cannot be
    /// read, see [`load_settings`]), about to open `files`.
    #[must_use]
    pub fn from_storage(storage: Option<&dyn eframe::Storage>, files: Vec<PathBuf>) -> Self {
        let (settings, notice) = load_settings(storage);
        let mut app = Self::new(settings, files);
        if let Some(n) = notice {
            app.keep_stored_settings = Some(app.settings.clone());
            app.notices.push(n);
        }
        app
    }

    /// A window state with `settings`, about to open `files` (nothing is loaded yet).
    #[must_use]
    pub fn new(settings: Settings, files: Vec<PathBuf>) -> Self {
        let mut app = Self {
            settings,
            files: Vec::new(),
            comparison: None,
            derived: Derived::default(),
            generation: 0,
            items: Vec::new(),
            expanded: BTreeSet::new(),
            selection: Selection::default(),
            notices: Vec::new(),
            search: Search::default(),
            browser: FileBrowser::default(),
            export: SavePrompt::default(),
            options_panel: OptionsState::default(),
            table: TableState::default(),
            coverage_view: CoverageState::default(),
            facts_view: FactsState::default(),
            findings_panel: FindingsState::default(),
            overrides: Vec::new(),
            redo: Vec::new(),
            comparison_file: None,
            pending_link: None,
            show_shortcuts: false,
            is_sample: false,
            last_run: None,
            keep_stored_settings: None,
            worker: Worker::default(),
            dialog: None,
            save_dialog: None,
            synchronous: false,
            ctx: None,
            fonts_installed: false,
            applied_dark: None,
            title: String::new(),
            items_key: None,
            keep_row: None,
            pending_open: None,
        };
        app.pending_open = Some(files);
        app
    }
}

impl StorydiffApp {
    /// A state that compares on the calling thread and has already opened `files`
    /// (for tests and benchmarks: deterministic, no background thread).
    #[must_use]
    pub fn new_synchronous(settings: Settings, files: Vec<PathBuf>) -> Self {
        let mut app = Self::new(settings, Vec::new());
        app.synchronous = true;
        app.pending_open = None;
        app.open_paths(files);
        app
    }

    /// A synchronous state showing an already computed comparison (benchmarks).
    #[must_use]
    pub fn from_comparison(settings: Settings, comparison: Comparison) -> Self {
        let mut app = Self::new(settings, Vec::new());
        app.synchronous = true;
        app.pending_open = None;
        app.files = comparison
            .articles
            .iter()
            .map(|a| PathBuf::from(&a.path))
            .collect();
        app.accept(comparison);
        app
    }

    /// Number of columns (articles) shown.
    #[must_use]
    pub fn column_count(&self) -> usize {
        self.comparison.as_ref().map_or(0, |c| c.articles.len())
    }

    /// Number of aligned rows in the comparison.
    #[must_use]
    pub fn row_count(&self) -> usize {
        self.comparison.as_ref().map_or(0, |c| c.rows.len())
    }

    /// True while a background comparison runs.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.worker.busy() || self.pending_open.is_some()
    }

    /// Blocks until the background comparison is done (tests).
    pub fn wait_for_worker(&mut self) {
        if let Some(outcome) = self.worker.wait() {
            self.take_outcome(outcome);
        }
    }

    /// Takes a finished job into the window: its comparison, or its failure as a notice
    /// (the comparison shown stays).
    fn take_outcome(&mut self, outcome: super::worker::Outcome) {
        match outcome {
            super::worker::Outcome::Done(c, run) => {
                // A stopped job's notice is out of date once a comparison arrives.
                self.notices.retain(|n| !n.text.starts_with(STOPPED_NOTICE));
                self.accept(*c);
                self.last_run = Some(run);
            }
            super::worker::Outcome::Failed(text) => {
                self.notices.push(Notice { text, error: true });
            }
        }
    }

    /// Opens what the user named: a saved comparison when it is one `.storydiff` file,
    /// otherwise a new set of files (the bundled sample when empty).
    fn open_paths(&mut self, files: Vec<PathBuf>) {
        if let [one] = files.as_slice()
            && saved::is_saved_comparison(one)
        {
            let path = one.clone();
            self.open_saved(&path);
            return;
        }
        self.open_set(files);
    }

    /// Replaces the open files with a new set: first file the reference, first row shown,
    /// no corrections.
    fn open_set(&mut self, files: Vec<PathBuf>) {
        self.is_sample = !files.is_empty() && files == sample_paths();
        self.files = files;
        self.settings.options.reference = 0;
        self.overrides.clear();
        self.redo.clear();
        self.comparison_file = None;
        self.reset_view();
        if self.files.is_empty() && self.comparison.is_none() {
            self.notices.push(Notice {
                text: "The sample story was not found next to the program; open articles with File ▸ Open".to_string(),
                error: false,
            });
        }
        if self.is_sample {
            self.notices.push(Notice {
                text: "This is storydiff's bundled sample story: three versions of one invented report (a wire copy, a damaged republication, a rewrite). Open your own articles with File ▸ Open".to_string(),
                error: false,
            });
        }
        self.recompare();
    }

    /// A fresh look at a new set: no selection, no open folds, scrolled to the first row and
    /// the first column.
    fn reset_view(&mut self) {
        self.selection = Selection::default();
        self.pending_link = None;
        self.expanded.clear();
        self.keep_row = None;
        self.table.scroll_home();
    }

    /// Loads and compares the open files again (on the worker unless synchronous).
    pub fn recompare(&mut self) {
        if self.files.is_empty() {
            self.comparison = None;
            self.derived = Derived::default();
            self.generation += 1;
            return;
        }
        if self.synchronous {
            let outcome =
                self.worker
                    .run_here(&self.files, &self.settings.options, &self.overrides);
            self.take_outcome(outcome);
            return;
        }
        let Some(ctx) = self.ctx.clone() else {
            self.pending_open = Some(self.files.clone());
            return;
        };
        if let Err(e) = self.worker.start(
            self.files.clone(),
            self.settings.options.clone(),
            self.overrides.clone(),
            ctx,
        ) {
            self.notices.push(Notice {
                text: e,
                error: true,
            });
        }
    }

    /// Takes a finished comparison into the view.
    pub fn accept(&mut self, comparison: Comparison) {
        for e in &comparison.errors {
            self.notices.push(Notice {
                text: e.message.clone(),
                error: true,
            });
        }
        let before = self.column_count();
        let loaded = comparison.articles.len();
        if self.comparison_file.is_none() {
            // A file that failed to load leaves the set (a saved comparison keeps its list:
            // its corrections name files by their place in it).
            let failed: Vec<usize> = (0..self.files.len())
                .filter(|&f| !comparison.articles.iter().any(|a| a.source.file == f))
                .collect();
            if !failed.is_empty() {
                let order: Vec<usize> = (0..self.files.len())
                    .filter(|f| !failed.contains(f))
                    .collect();
                self.remap_overrides(&order);
                self.files = order
                    .iter()
                    .filter_map(|&f| self.files.get(f).cloned())
                    .collect();
            }
        }
        if !self.is_sample {
            self.remember_recent();
        }
        self.settings.last_files = self
            .files
            .iter()
            .map(|f| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone()))
            .collect();
        self.settings.options.reference = comparison.options.reference;
        self.derived = Derived::new(&comparison, &self.settings.hidden_kinds);
        if let Some(s) = self.selection.row
            && s >= comparison.rows.len()
        {
            self.selection.row = None;
        }
        self.selection.finding = None;
        self.selection.mention = None;
        // A column added to a set already open: say so, and bring it into sight.
        if before > 0 && loaded > before && self.comparison.is_some() {
            let names: Vec<String> = comparison
                .articles
                .iter()
                .skip(before)
                .map(crate::model::Article::short_name)
                .collect();
            self.notices.push(Notice {
                text: format!("Added {} as column {}", names.join(", "), before + 1),
                error: false,
            });
            self.table.scroll_to_article = Some(before);
        }
        self.comparison = Some(Arc::new(comparison));
        self.generation += 1;
        self.search.invalidate();
        self.items_key = None;
    }

    /// Puts the open set (or its saved comparison) first in File ▸ Recent.
    fn remember_recent(&mut self) {
        let canonical = |f: &PathBuf| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        let entry = match &self.comparison_file {
            Some(p) => Recent::Comparison(canonical(p)),
            None => Recent::Files(self.files.iter().map(canonical).collect()),
        };
        if matches!(&entry, Recent::Files(f) if f.is_empty()) {
            return;
        }
        if let Recent::Files(files) = &entry {
            for f in files.iter().rev() {
                self.settings.recent.retain(|r| r != f);
                self.settings.recent.insert(0, f.clone());
            }
            self.settings.recent.truncate(12);
        }
        self.settings.recent_sets.retain(|r| *r != entry);
        self.settings.recent_sets.insert(0, entry);
        self.settings
            .recent_sets
            .truncate(super::settings::RECENT_SETS);
    }

    /// Applies one command.
    #[allow(clippy::too_many_lines)] // Reason: one arm per command, each short.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::AddFiles(paths) => self.add_files(paths),
            Command::OpenFiles(paths) => self.open_paths(paths),
            Command::OpenSample => self.open_set(sample_paths()),
            Command::NewComparison => {
                self.open_set(Vec::new());
                self.notices.clear();
            }
            Command::OpenDialog => self.open_dialog(),
            Command::OpenBrowser => self.browser.open_at(self.files.first().cloned()),
            Command::ExportDialog => self.save_dialog(SaveKind::Report),
            Command::SaveComparisonDialog => self.save_dialog(SaveKind::Comparison),
            Command::ExportPrompt => self.export.open_with(
                SaveKind::Report,
                &export::default_path(&self.files, SaveKind::Report),
            ),
            Command::Export(path) => self.export_report(&path),
            Command::SaveComparison(path) => self.save_comparison(&path),
            Command::OpenComparison(path) => self.open_saved(&path),
            Command::OpenRecent(entry) => match entry {
                Recent::Files(files) => self.open_set(files),
                Recent::Comparison(path) => self.open_saved(&path),
            },
            Command::RemoveColumn(a) => {
                if let Some(f) = self.file_of_article(a) {
                    let order: Vec<usize> = (0..self.files.len()).filter(|&i| i != f).collect();
                    if self.settings.options.reference == a {
                        self.settings.options.reference = usize::MAX;
                    }
                    self.rearrange(&order);
                }
            }
            Command::MoveColumn { from, to } => {
                if let (Some(f), Some(t)) = (self.file_of_article(from), self.file_of_article(to)) {
                    let mut order: Vec<usize> = (0..self.files.len()).collect();
                    order.swap(f, t);
                    self.rearrange(&order);
                }
            }
            Command::SetReference(a) => {
                if a < self.column_count() && a != self.settings.options.reference {
                    self.settings.options.reference = a;
                    self.recompare();
                }
            }
            Command::SetOptions(options) => {
                if options != self.settings.options {
                    self.settings.options = options;
                    self.recompare();
                }
            }
            Command::SetOnlyChanges(v) => self.settings.only_changes = v,
            Command::SetHideBoilerplate(v) => self.settings.hide_boilerplate = v,
            Command::SetFitColumns(v) => self.settings.fit_columns = v,
            Command::SetKindHidden(kind, hidden) => {
                if hidden {
                    self.settings.hidden_kinds.insert(kind);
                } else {
                    self.settings.hidden_kinds.remove(&kind);
                }
                if let Some(c) = &self.comparison {
                    self.derived = Derived::new(c, &self.settings.hidden_kinds);
                    self.generation += 1;
                }
            }
            Command::ExpandFold(first) => {
                self.expanded.insert(first);
            }
            Command::SelectRow(r) => {
                self.selection.row = Some(r);
                self.keep_row = Some(r);
                self.table.scroll_to = Some(r);
            }
            Command::NextChange => self.step_change(true),
            Command::PrevChange => self.step_change(false),
            Command::JumpToFinding(i) => {
                let target = self.comparison.as_ref().and_then(|c| {
                    let f = c.findings.get(i)?;
                    Some((f.article, self.derived.row_of(f.article, f.paragraph)))
                });
                self.selection.finding = Some(i);
                self.selection.mention = None;
                if let Some((article, row)) = target {
                    self.table.scroll_to_article = Some(article);
                    self.selection.article = Some(article);
                    if let Some(r) = row {
                        self.apply(Command::SelectRow(r));
                    }
                }
            }
            Command::SetFindingFilter(k) => self.settings.finding_filter = k,
            Command::FontSize(delta) => {
                self.settings.font_size =
                    (self.settings.font_size + delta).clamp(FONT_RANGE.0, FONT_RANGE.1);
            }
            Command::SetDark(v) => self.settings.dark = v,
            Command::ShowOptions(v) => self.settings.show_options = v,
            Command::ShowFindings(v) => self.settings.show_findings = v,
            Command::ShowShortcuts(v) => self.show_shortcuts = v,
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Command::OpenSearch => {
                self.search.open = true;
                self.search.focus = true;
            }
            Command::CloseSearch => self.search.open = false,
            Command::SearchShowFirst => {
                self.search
                    .refresh(self.comparison.as_deref(), &self.derived);
                let first = self.search.matches.first().copied();
                self.show_match(first);
            }
            Command::SearchNext | Command::SearchPrev => {
                let m = self.search.step(command == Command::SearchNext);
                self.show_match(m);
            }
            Command::Correct(correction) => self.correct(correction),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::StartLink { article, paragraph } => {
                self.pending_link = Some(PendingLink { article, paragraph });
            }
            Command::FinishLink { article, paragraph } => self.finish_link(article, paragraph),
            Command::CancelLink => self.pending_link = None,
            Command::Recompare => self.recompare(),
            Command::StopComparison => {
                if self.worker.busy() {
                    self.worker.cancel();
                    self.notices.push(Notice {
                        text: if self.comparison.is_some() {
                            format!("{STOPPED_NOTICE}; the window shows the previous result")
                        } else {
                            format!("{STOPPED_NOTICE}; nothing is shown until you compare again (File ▸ Compare again, or open files)")
                        },
                        error: false,
                    });
                }
            }
            Command::ShowView(tab) => self.settings.tab = tab,
            Command::ShowCell { row, article } => {
                self.settings.tab = ViewTab::SideBySide;
                self.table.scroll_to_article = Some(article);
                self.selection.article = Some(article);
                self.apply(Command::SelectRow(row));
            }
            Command::JumpToMention {
                article,
                paragraph,
                start,
                end,
            } => {
                self.settings.tab = ViewTab::SideBySide;
                self.selection.finding = None;
                self.selection.mention = Some(MentionSpan {
                    article,
                    paragraph,
                    start,
                    end,
                });
                self.table.scroll_to_article = Some(article);
                self.selection.article = Some(article);
                if let Some(r) = self.derived.row_of(article, paragraph) {
                    self.apply(Command::SelectRow(r));
                }
            }
        }
    }

    /// Adds files to the open set as new columns.
    fn add_files(&mut self, paths: Vec<PathBuf>) {
        if let [one] = paths.as_slice()
            && saved::is_saved_comparison(one)
        {
            let path = one.clone();
            self.open_saved(&path);
            return;
        }
        let paths: Vec<PathBuf> = paths
            .into_iter()
            .filter(|p| !self.files.contains(p))
            .collect();
        if paths.is_empty() {
            return;
        }
        if self.files.is_empty() {
            self.open_set(paths);
            return;
        }
        self.is_sample = false;
        self.files.extend(paths);
        self.recompare();
    }

    /// Selects the row of a search match and brings its column into sight.
    fn show_match(&mut self, m: Option<super::search::Match>) {
        let Some(m) = m else { return };
        self.table.scroll_to_article = Some(m.article);
        self.selection.article = Some(m.article);
        if let Some(r) = self.derived.row_of(m.article, m.paragraph) {
            self.apply(Command::SelectRow(r));
        }
    }

    /// Selects the next (or previous) row with a difference after the selection.
    fn step_change(&mut self, forward: bool) {
        self.refresh_items();
        let rows: Vec<usize> = self
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Row(r) if self.derived.row_changed.get(*r) == Some(&true) => Some(*r),
                _ => None,
            })
            .collect();
        let target = match (self.selection.row, forward) {
            (None, true) => rows.first().copied(),
            (None, false) => rows.last().copied(),
            (Some(s), true) => rows.iter().copied().find(|&r| r > s),
            (Some(s), false) => rows.iter().rev().copied().find(|&r| r < s),
        };
        if let Some(r) = target {
            self.apply(Command::SelectRow(r));
        }
    }

    /// Rebuilds the view items when the comparison or filter changed.
    pub fn refresh_items(&mut self) {
        let key = (
            self.generation,
            self.settings.only_changes,
            self.settings.hide_boilerplate,
            self.expanded.clone(),
            self.keep_row,
        );
        if self.items_key.as_ref() == Some(&key) {
            return;
        }
        self.items = self.comparison.as_ref().map_or_else(Vec::new, |c| {
            view::build(
                c,
                &Filter {
                    only_changes: self.settings.only_changes,
                    hide_boilerplate: self.settings.hide_boilerplate,
                    expanded: self.expanded.clone(),
                    keep: self.keep_row,
                },
            )
        });
        self.items_key = Some(key);
    }

    /// The window title: the saved comparison's name or "sample story", and the number
    /// of articles.
    #[must_use]
    pub fn window_title(&self) -> String {
        let count = match self.column_count() {
            0 => return "storydiff".to_string(),
            1 => "1 article".to_string(),
            n => format!("{n} articles"),
        };
        let name = if let Some(p) = &self.comparison_file {
            p.file_name()
                .map(|n| format!("{} — ", n.to_string_lossy()))
                .unwrap_or_default()
        } else if self.is_sample {
            "sample story — ".to_string()
        } else {
            String::new()
        };
        format!("storydiff — {name}{count}")
    }

    /// The context views draw from (see [`ViewCtx`]).
    pub fn view_ctx<'a>(&'a self, commands: &'a mut Vec<Command>) -> ViewCtx<'a> {
        ViewCtx {
            comparison: self.comparison.as_deref(),
            generation: self.generation,
            derived: &self.derived,
            settings: &self.settings,
            selection: self.selection,
            items: &self.items,
            search: &self.search,
            pending_link: self.pending_link,
            undo_redo: (self.overrides.len(), self.redo.len()),
            last_run: self.last_run,
            files_open: self.files.len(),
            commands,
        }
    }

    /// Draws the whole window and handles input.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        if !self.fonts_installed {
            self.fonts_installed = true;
            let _ = super::fonts::install(&ctx);
        }
        if self.applied_dark != Some(self.settings.dark) {
            self.applied_dark = Some(self.settings.dark);
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
        }
        if let Some(files) = self.pending_open.take() {
            self.open_paths(files);
        }
        if let Some(outcome) = self.worker.poll() {
            self.take_outcome(outcome);
        }
        self.poll_dialog();
        self.poll_save_dialog();
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        let mut commands = super::shortcuts::commands(
            &ctx,
            &self.settings,
            self.search.open,
            self.pending_link.is_some(),
        );
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::AddFiles(dropped));
        }
        self.refresh_items();
        panels::show(self, ui, &mut commands);
        for command in commands {
            self.apply(command);
        }
        if self.worker.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
    }
}

impl eframe::App for StorydiffApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self
            .keep_stored_settings
            .as_ref()
            .is_some_and(|start| start.same_choices(&self.settings))
        {
            return; // unreadable stored settings stay until the user changes a setting
        }
        self.keep_stored_settings = None;
        if let Ok(json) = serde_json::to_string(&self.settings) {
            storage.set_string(SETTINGS_KEY, json);
        }
    }
}
