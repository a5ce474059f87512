//! The user's corrections ([`Override`]s): made from a cell's menu, sent to the engine with
//! every compare, undone and redone, and renumbered when files move or close.

use super::{Notice, StorydiffApp};
use crate::model::{ArticleRef, Override};

/// The override with every article's file index passed through `map` (None drops it).
fn remapped(o: &Override, map: &dyn Fn(usize) -> Option<usize>) -> Option<Override> {
    let re = |r: ArticleRef| map(r.file).map(|file| ArticleRef { file, part: r.part });
    let mut o = o.clone();
    match &mut o {
        Override::Unlink { article, .. }
        | Override::Split { article, .. }
        | Override::JoinNext { article, .. }
        | Override::Furniture { article, .. }
        | Override::SameStory { article } => *article = re(*article)?,
        Override::Link {
            article,
            with_article,
            ..
        } => {
            *article = re(*article)?;
            *with_article = re(*with_article)?;
        }
    }
    Some(o)
}

/// A correction in plain words, for notices ("¶4 of wire.txt unlinked from its row").
#[must_use]
pub fn describe(o: &Override) -> &'static str {
    match o {
        Override::Unlink { .. } => "passage unlinked from its row",
        Override::Link { .. } => "passage linked with another row",
        Override::Split { .. } => "cell split",
        Override::JoinNext { .. } => "row joined with the next",
        Override::Furniture {
            furniture: true, ..
        } => "passage marked as page furniture",
        Override::Furniture {
            furniture: false, ..
        } => "passage marked as story text",
        Override::SameStory { .. } => "article marked as the same story",
    }
}

impl StorydiffApp {
    /// Applies a correction (compares again); the redo list is forgotten.
    pub(super) fn correct(&mut self, correction: Override) {
        if self.overrides.last() == Some(&correction) {
            return;
        }
        self.overrides.push(correction);
        self.redo.clear();
        self.recompare();
    }

    /// Takes back the last correction.
    pub(super) fn undo(&mut self) {
        match self.overrides.pop() {
            Some(o) => {
                self.notices.push(Notice {
                    text: format!("Undone: {}", describe(&o)),
                    error: false,
                });
                self.redo.push(o);
                self.recompare();
            }
            None => self.notices.push(Notice {
                text: "Nothing to undo: no corrections made".to_string(),
                error: false,
            }),
        }
    }

    /// Applies again the last correction taken back.
    pub(super) fn redo(&mut self) {
        if let Some(o) = self.redo.pop() {
            self.overrides.push(o);
            self.recompare();
        }
    }

    /// Links the pending passage with the row of the passage clicked.
    pub(super) fn finish_link(&mut self, article: usize, paragraph: usize) {
        let Some(pending) = self.pending_link.take() else {
            return;
        };
        let Some(c) = &self.comparison else { return };
        let (Some(from), Some(to)) = (c.articles.get(pending.article), c.articles.get(article))
        else {
            return;
        };
        if pending.article == article {
            self.notices.push(Notice {
                text: "A passage is linked with a passage of another article: click a cell in another column".to_string(),
                error: false,
            });
            return;
        }
        let correction = Override::Link {
            article: from.source,
            paragraph: pending.paragraph,
            with_article: to.source,
            with_paragraph: paragraph,
        };
        self.correct(correction);
    }

    /// Renumbers the corrections' files after the open files were reordered or some closed:
    /// `order` lists the old file indices in their new order; corrections naming a file left
    /// out are dropped.
    pub(super) fn remap_overrides(&mut self, order: &[usize]) {
        let map = |old: usize| order.iter().position(|&f| f == old);
        self.overrides = self
            .overrides
            .iter()
            .filter_map(|o| remapped(o, &map))
            .collect();
        self.redo = self.redo.iter().filter_map(|o| remapped(o, &map)).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remapping_follows_moved_files_and_drops_closed_ones() {
        let at = |file| ArticleRef { file, part: 0 };
        let link = Override::Link {
            article: at(0),
            paragraph: 2,
            with_article: at(2),
            with_paragraph: 5,
        };
        // Files 0 and 2 swap: both ends follow.
        let swapped = remapped(&link, &|f| [2, 1, 0].iter().position(|&o| o == f));
        assert_eq!(
            swapped,
            Some(Override::Link {
                article: at(2),
                paragraph: 2,
                with_article: at(0),
                with_paragraph: 5,
            })
        );
        // File 2 closed: the link names a file that is gone.
        assert_eq!(
            remapped(&link, &|f| [0, 1].iter().position(|&o| o == f)),
            None
        );
    }
}
