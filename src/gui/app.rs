//! The application state: the frame loop and `apply`, which carries out every [`Command`]
//! (the command type, the settings and the derived indexes live in their own files and are
//! re-exported here).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod columns;
mod dialogs;
mod keys;

pub use super::command::{Command, Notice};
pub use super::derived::Derived;
use super::dialog::DialogJob;
use super::export::{self, ExportPrompt};
use super::file_browser::FileBrowser;
use super::search::Search;
pub use super::settings::{FONT_RANGE, SETTINGS_KEY, Settings, load_settings};
use super::table::TableCache;
use super::view::{self, Filter, Item};
use super::worker::Worker;
use crate::model::Comparison;

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
    /// The selected row (index into `comparison.rows`).
    pub selected: Option<usize>,
    /// The finding the user jumped to.
    pub selected_finding: Option<usize>,
    /// Scroll the rows view to this row on the next frame.
    pub scroll_to: Option<usize>,
    /// Messages above the rows.
    pub notices: Vec<Notice>,
    /// Search state.
    pub search: Search,
    /// The in-app file browser.
    pub browser: FileBrowser,
    /// The in-app "Export report" window.
    pub export: ExportPrompt,
    /// Text of the "Add by path" field.
    pub add_path: String,
    /// Laid-out text and row heights.
    pub cache: TableCache,
    pub(crate) worker: Worker,
    pub(crate) dialog: Option<DialogJob<Vec<PathBuf>>>,
    pub(crate) save_dialog: Option<DialogJob<PathBuf>>,
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
            selected: None,
            selected_finding: None,
            scroll_to: None,
            notices: Vec::new(),
            search: Search::default(),
            browser: FileBrowser::default(),
            export: ExportPrompt::default(),
            add_path: String::new(),
            cache: TableCache::default(),
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

/// The bundled sample story: next to the sources at build time, else next to the executable.
#[must_use]
pub fn sample_paths() -> Vec<PathBuf> {
    const NAMES: [&str; 3] = ["wire.txt", "republished.html", "rewrite.md"];
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")];
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.parent()
    {
        dirs.push(dir.join("assets/samples"));
        dirs.push(dir.join("samples"));
    }
    for dir in dirs {
        if NAMES.iter().all(|n| dir.join(n).is_file()) {
            return NAMES.iter().map(|n| dir.join(n)).collect();
        }
    }
    Vec::new()
}

impl StorydiffApp {
    /// A state that compares on the calling thread and has already opened `files`
    /// (for tests and benchmarks: deterministic, no background thread).
    #[must_use]
    pub fn new_synchronous(settings: Settings, files: Vec<PathBuf>) -> Self {
        let mut app = Self::new(settings, Vec::new());
        app.synchronous = true;
        app.pending_open = None;
        app.open(files);
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
        if let Some(c) = self.worker.wait() {
            self.accept(c);
        }
    }

    fn open(&mut self, files: Vec<PathBuf>) {
        self.files = files;
        self.selected = None;
        self.selected_finding = None;
        self.expanded.clear();
        if self.files.is_empty() {
            self.notices.push(Notice {
                text: "The sample story was not found next to the program; open articles with File ▸ Open".to_string(),
                error: false,
            });
        }
        self.recompare();
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
            let c = crate::compare_files(&self.files, &self.settings.options, &mut |_| {});
            self.accept(c);
            return;
        }
        let Some(ctx) = self.ctx.clone() else {
            self.pending_open = Some(self.files.clone());
            return;
        };
        if let Err(e) = self
            .worker
            .start(self.files.clone(), self.settings.options.clone(), ctx)
        {
            self.notices.push(Notice {
                text: e,
                error: true,
            });
        }
    }

    /// Takes a finished comparison into the view.
    pub fn accept(&mut self, comparison: Comparison) {
        let failed: Vec<String> = comparison.errors.iter().map(|e| e.path.clone()).collect();
        for e in &comparison.errors {
            self.notices.push(Notice {
                text: e.message.clone(),
                error: true,
            });
        }
        self.files
            .retain(|f| !failed.iter().any(|p| *p == f.display().to_string()));
        for f in self.files.clone().iter().rev() {
            let abs = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
            self.settings.recent.retain(|r| *r != abs);
            self.settings.recent.insert(0, abs);
        }
        self.settings.recent.truncate(12);
        self.settings.last_files = self
            .files
            .iter()
            .map(|f| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone()))
            .collect();
        self.settings.options.reference = comparison.options.reference;
        self.derived = Derived::new(&comparison);
        if let Some(s) = self.selected
            && s >= comparison.rows.len()
        {
            self.selected = None;
        }
        self.selected_finding = None;
        self.comparison = Some(Arc::new(comparison));
        self.generation += 1;
        self.search.invalidate();
        self.items_key = None;
    }

    /// Applies one command.
    #[allow(clippy::too_many_lines)]
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::AddFiles(paths) => {
                let paths: Vec<PathBuf> = paths
                    .into_iter()
                    .filter(|p| !self.files.contains(p))
                    .collect();
                if !paths.is_empty() {
                    self.files.extend(paths);
                    self.recompare();
                }
            }
            Command::OpenFiles(paths) => {
                self.settings.options.reference = 0;
                self.open(paths);
            }
            Command::OpenSample => {
                self.settings.options.reference = 0;
                self.open(sample_paths());
            }
            Command::OpenDialog => self.open_dialog(),
            Command::OpenBrowser => self.browser.open_at(self.files.first().cloned()),
            Command::ExportDialog => self.save_dialog(),
            Command::ExportPrompt => self.export.open_with(&export::default_path(&self.files)),
            Command::Export(path) => self.export_report(&path),
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
            Command::ExpandFold(first) => {
                self.expanded.insert(first);
            }
            Command::SelectRow(r) => {
                self.selected = Some(r);
                self.keep_row = Some(r);
                self.scroll_to = Some(r);
            }
            Command::NextChange => self.step_change(true),
            Command::PrevChange => self.step_change(false),
            Command::JumpToFinding(i) => {
                let target = self.comparison.as_ref().and_then(|c| {
                    let f = c.findings.get(i)?;
                    self.derived.row_of(f.article, f.paragraph)
                });
                self.selected_finding = Some(i);
                if let Some(r) = target {
                    self.apply(Command::SelectRow(r));
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
                if let Some(m) = self.search.matches.first().copied()
                    && let Some(r) = self.derived.row_of(m.article, m.paragraph)
                {
                    self.apply(Command::SelectRow(r));
                }
            }
            Command::SearchNext | Command::SearchPrev => {
                let forward = command == Command::SearchNext;
                if let Some(m) = self.search.step(forward)
                    && let Some(r) = self.derived.row_of(m.article, m.paragraph)
                {
                    self.apply(Command::SelectRow(r));
                }
            }
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
        let target = match (self.selected, forward) {
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

    /// The window title, naming the number of articles.
    #[must_use]
    pub fn window_title(&self) -> String {
        match self.column_count() {
            0 => "storydiff".to_string(),
            1 => "storydiff — 1 article".to_string(),
            n => format!("storydiff — {n} articles"),
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
            self.open(files);
        }
        if let Some(c) = self.worker.poll() {
            self.accept(c);
        }
        self.poll_dialog();
        self.poll_save_dialog();
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        let mut commands = Vec::new();
        self.keyboard(&ctx, &mut commands);
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
        super::panels::show(self, ui, &mut commands);
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
        if let Ok(json) = serde_json::to_string(&self.settings) {
            storage.set_string(SETTINGS_KEY, json);
        }
    }
}
