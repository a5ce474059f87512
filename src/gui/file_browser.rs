//! The in-app file browser, used where no native file dialog is available.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::command::Command;

/// Extensions the browser lists unless "Show all files" is on.
const ARTICLE_EXTENSIONS: [&str; 7] = ["txt", "md", "markdown", "html", "htm", "json", "jsonl"];

/// The browser window state.
#[derive(Debug, Default)]
pub struct FileBrowser {
    /// The window is shown.
    pub open: bool,
    /// The folder listed.
    pub dir: PathBuf,
    /// Folder entries: name, is a folder.
    pub entries: Vec<(String, bool)>,
    /// Files ticked.
    pub selected: BTreeSet<PathBuf>,
    /// List every file, not only articles.
    pub show_all: bool,
    /// Why the folder could not be listed.
    pub error: Option<String>,
    /// Editable folder path.
    pub dir_text: String,
}

impl FileBrowser {
    /// Opens the browser at the folder of `near` (or the current folder).
    pub fn open_at(&mut self, near: Option<PathBuf>) {
        let dir = near
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        self.open = true;
        self.selected.clear();
        self.go(dir);
    }

    fn go(&mut self, dir: PathBuf) {
        self.entries.clear();
        self.error = None;
        match std::fs::read_dir(&dir) {
            Ok(rd) => {
                for entry in rd.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = entry.path().is_dir();
                    self.entries.push((name, is_dir));
                }
                self.entries.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
                });
            }
            Err(e) => {
                self.error = Some(format!(
                    "could not list the folder ({e}): {}",
                    dir.display()
                ));
            }
        }
        self.dir_text = dir.display().to_string();
        self.dir = dir;
    }

    /// Draws the browser window when open.
    pub fn show(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut go_to: Option<PathBuf> = None;
        let mut done = false;
        egui::Window::new("Open articles")
            .open(&mut open)
            .collapsible(false)
            .default_size([520.0, 420.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    if ui.button("Up").on_hover_text("Parent folder").clicked()
                        && let Some(parent) = self.dir.parent()
                    {
                        go_to = Some(parent.to_path_buf());
                    }
                    let label = ui.label("Folder");
                    let edit = ui
                        .add(egui::TextEdit::singleline(&mut self.dir_text).desired_width(360.0))
                        .labelled_by(label.id);
                    if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        go_to = Some(PathBuf::from(self.dir_text.clone()));
                    }
                });
                ui.checkbox(&mut self.show_all, "Show all files");
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                egui::ScrollArea::vertical()
                    .max_height(280.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for (name, is_dir) in &self.entries {
                            let path = self.dir.join(name);
                            if *is_dir {
                                if ui.button(format!("{name}/")).clicked() {
                                    go_to = Some(path);
                                }
                                continue;
                            }
                            let ext = Path::new(name)
                                .extension()
                                .map(|e| e.to_string_lossy().to_lowercase())
                                .unwrap_or_default();
                            if !self.show_all && !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
                                continue;
                            }
                            let mut ticked = self.selected.contains(&path);
                            if ui.checkbox(&mut ticked, name.as_str()).changed() {
                                if ticked {
                                    self.selected.insert(path);
                                } else {
                                    self.selected.remove(&path);
                                }
                            }
                        }
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    let n = self.selected.len();
                    if ui
                        .add_enabled(n > 0, egui::Button::new(format!("Open {n} selected")))
                        .clicked()
                    {
                        commands.push(Command::AddFiles(self.selected.iter().cloned().collect()));
                        done = true;
                    }
                    if ui.button("Cancel").clicked() {
                        done = true;
                    }
                });
            });
        if let Some(dir) = go_to {
            self.go(dir);
        }
        if !open || done {
            self.open = false;
        }
    }
}
