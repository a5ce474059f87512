//! Ctrl+F search across every article, with match count and next/previous.

use super::command::Command;
use super::derived::Derived;
use crate::model::Comparison;

/// One match: a character range in one paragraph of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Article index.
    pub article: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// Start, in characters.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
}

/// The search bar state.
#[derive(Debug, Default)]
pub struct Search {
    /// The bar is shown.
    pub open: bool,
    /// Focus the field on the next frame.
    pub focus: bool,
    /// The text searched for.
    pub query: String,
    /// Matches in row order.
    pub matches: Vec<Match>,
    /// Index of the current match.
    pub current: Option<usize>,
    /// Per `(article, paragraph)`: `(start, end, match index)`.
    pub by_paragraph: super::layout::SpanMap,
    computed: Option<String>,
    /// Bumped whenever the matches or the current match change (for the text cache).
    pub revision: u64,
}

impl Search {
    /// Forget the matches (the comparison changed).
    pub fn invalidate(&mut self) {
        self.computed = None;
    }

    /// Recomputes the matches when the query or the comparison changed.
    pub fn refresh(&mut self, comparison: Option<&Comparison>, derived: &Derived) {
        let query = if self.open {
            self.query.clone()
        } else {
            String::new()
        };
        if self.computed.as_ref() == Some(&query) {
            return;
        }
        self.matches = comparison.map_or_else(Vec::new, |c| find(c, derived, &query));
        self.by_paragraph.clear();
        for (i, m) in self.matches.iter().enumerate() {
            self.by_paragraph
                .entry((m.article, m.paragraph))
                .or_default()
                .push((m.start, m.end, i));
        }
        self.current = if self.matches.is_empty() {
            None
        } else {
            Some(0)
        };
        self.computed = Some(query);
        self.revision += 1;
    }

    /// Moves to the next or previous match and returns it.
    pub fn step(&mut self, forward: bool) -> Option<Match> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (None, _) => 0,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.current = Some(next);
        self.revision += 1;
        self.matches.get(next).copied()
    }

    /// Draws the search bar.
    pub fn ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Find in all articles:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("word or phrase")
                    .desired_width(260.0),
            );
            let edit = edit.labelled_by(label.id);
            if self.focus {
                edit.request_focus();
                self.focus = false;
            }
            if edit.changed() && !self.query.is_empty() {
                commands.push(Command::SearchShowFirst);
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                commands.push(Command::SearchNext);
                edit.request_focus();
            }
            let status = match (self.query.is_empty(), self.current) {
                (true, _) => String::new(),
                (false, None) => "no matches".to_string(),
                (false, Some(c)) => format!("{} of {} matches", c + 1, self.matches.len()),
            };
            ui.label(status);
            if ui
                .button("Previous match")
                .on_hover_text("Shift+F3")
                .clicked()
            {
                commands.push(Command::SearchPrev);
            }
            if ui
                .button("Next match")
                .on_hover_text("F3 or Enter")
                .clicked()
            {
                commands.push(Command::SearchNext);
            }
            if ui.button("Close search").on_hover_text("Escape").clicked() {
                commands.push(Command::CloseSearch);
            }
        });
    }
}

/// Case-insensitive matches of `query` in every paragraph, ordered by row, article, offset.
#[must_use]
pub fn find(comparison: &Comparison, derived: &Derived, query: &str) -> Vec<Match> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() || needle.iter().all(|c| c.is_whitespace()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (a, article) in comparison.articles.iter().enumerate() {
        for (p, paragraph) in article.paragraphs.iter().enumerate() {
            let hay: Vec<char> = paragraph.text.chars().map(fold).collect();
            let mut i = 0;
            while i + needle.len() <= hay.len() {
                if hay.get(i..i + needle.len()) == Some(needle.as_slice()) {
                    out.push(Match {
                        article: a,
                        paragraph: p,
                        start: i,
                        end: i + needle.len(),
                    });
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
        }
    }
    out.sort_by_key(|m| {
        (
            derived.row_of(m.article, m.paragraph).unwrap_or(usize::MAX),
            m.article,
            m.paragraph,
            m.start,
        )
    });
    out
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}
