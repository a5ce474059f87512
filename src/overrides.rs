//! Applying the user's corrections ([`Override`]s) to a comparison.
//!
//! [`crate::compare::compare_with`] calls [`apply_to_rows`] on the rows
//! [`crate::align::align`] produced, before the cells are diffed, and
//! [`crate::detect::detect_all`] calls [`apply_furniture`] on the boilerplate findings before
//! the steps that read them. [`Override::SameStory`] is read by
//! [`Comparison::is_unrelated`](crate::model::Comparison::is_unrelated).
//!
//! Overrides name articles by [`ArticleRef`] (which file, which article within it), resolved
//! through [`Article::source`] by [`resolve`]. An override whose article or paragraph is absent
//! (the file failed to load or changed) is skipped: no panic, no error.
//!
//! The alignment overrides keep the one invariant of the rows: every paragraph of every
//! article sits in exactly one row, and no row is empty (a property test checks it). They may
//! leave a cell's paragraphs not consecutive or put a reference paragraph out of order: that is
//! what the user asked for.
//!
//! The `moved` flag of a row an override touched is recomputed ([`crate::align`] has no helper
//! for it: it decides while placing): per article, the cells whose first paragraphs follow
//! the row order form the heaviest increasing chain, in which every untouched cell that
//! `align` left in order outweighs all touched cells together; a touched cell off that chain
//! is moved. Untouched rows keep their flags, and the reference's cells are never moved.

use crate::align::AlignedRow;
use crate::model::{Article, ArticleRef, Finding, FindingKind, Override};

/// The index, among `articles`, of the article `r` names (the first whose
/// [`Article::source`] is `r`), or `None` when no loaded article has that source.
#[must_use]
pub fn resolve(articles: &[Article], r: ArticleRef) -> Option<usize> {
    articles.iter().position(|a| a.source == r)
}

/// The index of the article `r` names when it has paragraph `p`.
fn resolve_paragraph(articles: &[Article], r: ArticleRef, p: usize) -> Option<usize> {
    let a = resolve(articles, r)?;
    (p < articles.get(a)?.paragraphs.len()).then_some(a)
}

/// The rows under correction, each with whether an override touched it.
#[allow(clippy::struct_field_names)] // Reason: `Rows::rows` is the list itself; `touched` runs beside it.
struct Rows {
    rows: Vec<AlignedRow>,
    touched: Vec<bool>,
    count: usize,
}

impl Rows {
    /// The row holding paragraph `p` of article `a`.
    fn find(&self, a: usize, p: usize) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| r.cells.get(a).is_some_and(|c| c.contains(&p)))
    }

    /// A new, touched row at `at` whose only cell is `paras` for article `a`.
    fn insert_single(&mut self, at: usize, a: usize, paras: Vec<usize>) {
        let mut cells = vec![Vec::new(); self.count];
        if let Some(cell) = cells.get_mut(a) {
            *cell = paras;
        }
        let at = at.min(self.rows.len());
        self.rows.insert(
            at,
            AlignedRow {
                cells,
                moved: vec![false; self.count],
            },
        );
        self.touched.insert(at, true);
    }

    /// Removes row `r` when every cell of it is empty; true when it did.
    fn drop_if_empty(&mut self, r: usize) -> bool {
        let empty = self
            .rows
            .get(r)
            .is_some_and(|row| row.cells.iter().all(Vec::is_empty));
        if empty {
            self.rows.remove(r);
            self.touched.remove(r);
        }
        empty
    }

    fn touch(&mut self, r: usize) {
        if let Some(t) = self.touched.get_mut(r) {
            *t = true;
        }
    }

    /// The cell of article `a` in row `r`.
    fn cell_mut(&mut self, r: usize, a: usize) -> Option<&mut Vec<usize>> {
        self.rows.get_mut(r)?.cells.get_mut(a)
    }

    fn unlink(&mut self, a: usize, p: usize) {
        let Some(r) = self.find(a, p) else { return };
        let alone = self.rows.get(r).is_some_and(|row| {
            row.cells
                .iter()
                .enumerate()
                .all(|(k, c)| if k == a { c == &[p] } else { c.is_empty() })
        });
        if alone {
            return;
        }
        if let Some(cell) = self.cell_mut(r, a) {
            cell.retain(|&x| x != p);
        }
        self.touch(r);
        self.insert_single(r + 1, a, vec![p]);
    }

    fn link(&mut self, a: usize, p: usize, with_a: usize, with_p: usize) {
        let (Some(rp), Some(rw)) = (self.find(a, p), self.find(with_a, with_p)) else {
            return;
        };
        if rp == rw {
            return;
        }
        if let Some(cell) = self.cell_mut(rp, a) {
            cell.retain(|&x| x != p);
        }
        self.touch(rp);
        let rw = if self.drop_if_empty(rp) && rp < rw {
            rw - 1
        } else {
            rw
        };
        let old = self
            .cell_mut(rw, a)
            .map(|cell| std::mem::replace(cell, vec![p]))
            .unwrap_or_default();
        self.touch(rw);
        if !old.is_empty() {
            self.insert_single(rw + 1, a, old);
        }
    }

    fn split(&mut self, a: usize, p: usize) {
        let Some(r) = self.find(a, p) else { return };
        let tail = match self.cell_mut(r, a) {
            Some(cell) => match cell.iter().position(|&x| x == p) {
                Some(at) if at > 0 => cell.split_off(at),
                _ => return,
            },
            None => return,
        };
        self.touch(r);
        self.insert_single(r + 1, a, tail);
    }

    fn join_next(&mut self, a: usize, p: usize) {
        let Some(r) = self.find(a, p) else { return };
        if r + 1 >= self.rows.len() {
            return;
        }
        let next = self.rows.remove(r + 1);
        self.touched.remove(r + 1);
        if let Some(row) = self.rows.get_mut(r) {
            for (cell, more) in row.cells.iter_mut().zip(next.cells) {
                cell.extend(more);
                cell.sort_unstable();
                cell.dedup();
            }
        }
        self.touch(r);
    }

    /// Recomputes the `moved` flags of the touched rows (see the module docs).
    fn recompute_moved(&mut self, reference: usize) {
        let touched_count = self.touched.iter().filter(|&&t| t).count();
        for k in 0..self.count {
            if k == reference {
                for (row, _) in self.rows.iter_mut().zip(&self.touched).filter(|(_, t)| **t) {
                    if let Some(flag) = row.moved.get_mut(k) {
                        *flag = false;
                    }
                }
                continue;
            }
            // Per row: the first paragraph of the article's cell there and its weight in the
            // chain: an untouched cell in order outweighs all touched ones together; an
            // untouched moved cell keeps its flag and stays out of the chain.
            let cells: Vec<Option<(usize, usize)>> = self
                .rows
                .iter()
                .zip(&self.touched)
                .map(|(row, &touched)| {
                    let first = *row.cells.get(k)?.first()?;
                    if touched {
                        Some((first, 1))
                    } else if row.moved.get(k).copied().unwrap_or(false) {
                        None
                    } else {
                        Some((first, touched_count + 1))
                    }
                })
                .collect();
            let in_order = heaviest_increasing(&cells);
            for (r, row) in self.rows.iter_mut().enumerate() {
                if !self.touched.get(r).copied().unwrap_or(false) {
                    continue;
                }
                let moved = cells.get(r).copied().flatten().is_some()
                    && !in_order.get(r).copied().unwrap_or(false);
                if let Some(flag) = row.moved.get_mut(k) {
                    *flag = moved;
                }
            }
        }
    }
}

/// The heaviest chain of entries (first paragraph, weight) whose paragraphs increase with
/// the position: per position, whether its entry is on the chain. Ties go to the chain found
/// first. `O(n log n)` with a max Fenwick tree over paragraph numbers.
fn heaviest_increasing(entries: &[Option<(usize, usize)>]) -> Vec<bool> {
    let size = entries
        .iter()
        .flatten()
        .map(|&(p, _)| p + 1)
        .max()
        .unwrap_or(0);
    // tree[i]: the best (weight, position) of a chain ending at a paragraph in i's range.
    let mut tree: Vec<Option<(usize, usize)>> = vec![None; size + 1];
    let mut prev: Vec<Option<usize>> = vec![None; entries.len()];
    let better = |a: Option<(usize, usize)>, b: Option<(usize, usize)>| match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    };
    let mut top: Option<(usize, usize)> = None;
    for (pos, entry) in entries.iter().enumerate() {
        let Some((p, w)) = *entry else { continue };
        // Best chain over paragraphs below p: prefix [1, p] of the 1-based tree.
        let mut found = None;
        let mut i = p;
        while i > 0 {
            found = better(found, tree.get(i).copied().flatten());
            i &= i - 1;
        }
        let total = found.map_or(0, |f| f.0) + w;
        if let Some(x) = prev.get_mut(pos) {
            *x = found.map(|f| f.1);
        }
        let mut i = p + 1;
        while i <= size {
            if let Some(slot) = tree.get_mut(i) {
                *slot = better(*slot, Some((total, pos)));
            }
            i += i & i.wrapping_neg();
        }
        top = better(top, Some((total, pos)));
    }
    let mut on = vec![false; entries.len()];
    let mut at = top.map(|t| t.1);
    while let Some(pos) = at {
        if let Some(x) = on.get_mut(pos) {
            *x = true;
        }
        at = prev.get(pos).copied().flatten();
    }
    on
}

/// Applies the alignment overrides ([`Override::Unlink`], [`Override::Link`],
/// [`Override::Split`], [`Override::JoinNext`]) to `rows`, in order, and recomputes the
/// `moved` flags of the rows they touched. Other overrides, and those naming an article or
/// paragraph that is absent, are skipped.
#[must_use]
pub fn apply_to_rows(
    articles: &[Article],
    reference: usize,
    rows: Vec<AlignedRow>,
    overrides: &[Override],
) -> Vec<AlignedRow> {
    let touched = vec![false; rows.len()];
    let mut rows = Rows {
        rows,
        touched,
        count: articles.len(),
    };
    let mut any = false;
    for o in overrides {
        match *o {
            Override::Unlink { article, paragraph } => {
                if let Some(a) = resolve_paragraph(articles, article, paragraph) {
                    rows.unlink(a, paragraph);
                    any = true;
                }
            }
            Override::Link {
                article,
                paragraph,
                with_article,
                with_paragraph,
            } => {
                if let (Some(a), Some(w)) = (
                    resolve_paragraph(articles, article, paragraph),
                    resolve_paragraph(articles, with_article, with_paragraph),
                ) {
                    rows.link(a, paragraph, w, with_paragraph);
                    any = true;
                }
            }
            Override::Split { article, paragraph } => {
                if let Some(a) = resolve_paragraph(articles, article, paragraph) {
                    rows.split(a, paragraph);
                    any = true;
                }
            }
            Override::JoinNext { article, paragraph } => {
                if let Some(a) = resolve_paragraph(articles, article, paragraph) {
                    rows.join_next(a, paragraph);
                    any = true;
                }
            }
            Override::Furniture { .. } | Override::SameStory { .. } => {}
        }
    }
    if any {
        rows.recompute_moved(reference);
    }
    rows.rows
}

/// The message of a boilerplate finding the user made.
pub const MANUAL_FURNITURE_MESSAGE: &str = "Marked as page furniture by you.";

/// Applies the [`Override::Furniture`] overrides to `findings` (the detectors' output, before
/// the steps that read the boilerplate findings): for a paragraph marked as page furniture,
/// its boilerplate findings are replaced by one manual finding covering the paragraph (from
/// its first to its last non-space character; a paragraph of nothing but spaces gets none);
/// for one marked as story text, its boilerplate findings are removed. Later overrides of the
/// same paragraph win. `findings` is left unsorted.
pub fn apply_furniture(articles: &[Article], overrides: &[Override], findings: &mut Vec<Finding>) {
    // The last word on each paragraph.
    let mut marks: Vec<((usize, usize), bool)> = Vec::new();
    for o in overrides {
        if let Override::Furniture {
            article,
            paragraph,
            furniture,
        } = *o
            && let Some(a) = resolve_paragraph(articles, article, paragraph)
        {
            marks.retain(|&(at, _)| at != (a, paragraph));
            marks.push(((a, paragraph), furniture));
        }
    }
    if marks.is_empty() {
        return;
    }
    findings.retain(|f| {
        f.kind != FindingKind::Boilerplate
            || !marks.iter().any(|(at, _)| *at == (f.article, f.paragraph))
    });
    for ((a, p), furniture) in marks {
        if !furniture {
            continue;
        }
        let Some(text) = articles
            .get(a)
            .and_then(|art| art.paragraphs.get(p))
            .map(|para| para.text.as_str())
        else {
            continue;
        };
        let chars: Vec<char> = text.chars().collect();
        let Some(start) = chars.iter().position(|c| !c.is_whitespace()) else {
            continue;
        };
        let end = chars
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(start, |i| i + 1);
        findings.push(Finding {
            kind: FindingKind::Boilerplate,
            article: a,
            paragraph: p,
            start,
            end,
            text: chars.get(start..end).unwrap_or(&[]).iter().collect(),
            message: MANUAL_FURNITURE_MESSAGE.to_string(),
            suggestion: Some(String::new()),
            related: Vec::new(),
            manual: true,
        });
    }
}

/// True when an [`Override::SameStory`] names article `a` (an index among `articles`).
#[must_use]
pub fn is_same_story(articles: &[Article], overrides: &[Override], a: usize) -> bool {
    let Some(source) = articles.get(a).map(|x| x.source) else {
        return false;
    };
    overrides.iter().any(|o| {
        matches!(o, Override::SameStory { article } if *article == source)
            && resolve(articles, source) == Some(a)
    })
}

/// One override in plain words, with the articles counted from 1 in the comparison's order
/// and paragraphs counted from 1 ("[2] ¶4 unlinked from its row"). An override naming an
/// article that is not loaded names its file instead ("file 3").
#[must_use]
pub fn describe(articles: &[Article], o: &Override) -> String {
    let name = |r: ArticleRef| match resolve(articles, r) {
        Some(a) => format!("[{}]", a + 1),
        None if r.part == 0 => format!("(file {}, not loaded)", r.file + 1),
        None => format!("(file {} article {}, not loaded)", r.file + 1, r.part + 1),
    };
    match *o {
        Override::Unlink { article, paragraph } => {
            format!("{} ¶{} unlinked from its row", name(article), paragraph + 1)
        }
        Override::Link {
            article,
            paragraph,
            with_article,
            with_paragraph,
        } => format!(
            "{} ¶{} linked with {} ¶{}",
            name(article),
            paragraph + 1,
            name(with_article),
            with_paragraph + 1
        ),
        Override::Split { article, paragraph } => format!(
            "{} ¶{} starts a row of its own (row split)",
            name(article),
            paragraph + 1
        ),
        Override::JoinNext { article, paragraph } => format!(
            "the row of {} ¶{} joined with the next row",
            name(article),
            paragraph + 1
        ),
        Override::Furniture {
            article,
            paragraph,
            furniture,
        } => format!(
            "{} ¶{} marked as {}",
            name(article),
            paragraph + 1,
            if furniture {
                "page furniture"
            } else {
                "story text"
            }
        ),
        Override::SameStory { article } => {
            format!("{} treated as a report of the same story", name(article))
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Articles with `counts[k]` paragraphs each, sourced from file k.
    fn articles(counts: &[usize]) -> Vec<Article> {
        counts
            .iter()
            .enumerate()
            .map(|(k, &n)| {
                let mut a = Article::from_texts(
                    format!("a{k}.txt"),
                    (0..n).map(|p| format!("Paragraph {p} of article {k}.")),
                );
                a.source = ArticleRef { file: k, part: 0 };
                a
            })
            .collect()
    }

    fn art(k: usize) -> ArticleRef {
        ArticleRef { file: k, part: 0 }
    }

    /// Rows from per-row cell lists; moved all false.
    fn rows(cells: &[&[&[usize]]]) -> Vec<AlignedRow> {
        cells
            .iter()
            .map(|r| AlignedRow {
                cells: r.iter().map(|c| c.to_vec()).collect(),
                moved: vec![false; r.len()],
            })
            .collect()
    }

    fn cells(rows: &[AlignedRow]) -> Vec<Vec<Vec<usize>>> {
        rows.iter().map(|r| r.cells.clone()).collect()
    }

    #[test]
    fn unlink_makes_a_row_of_its_own_below() {
        let a = articles(&[2, 2]);
        let before = rows(&[&[&[0], &[0]], &[&[1], &[1]]]);
        let after = apply_to_rows(
            &a,
            0,
            before,
            &[Override::Unlink {
                article: art(1),
                paragraph: 0,
            }],
        );
        assert_eq!(
            cells(&after),
            [
                vec![vec![0], vec![]],
                vec![vec![], vec![0]],
                vec![vec![1], vec![1]]
            ]
        );
        // A paragraph already alone in its row stays as it is.
        let again = apply_to_rows(
            &a,
            0,
            after.clone(),
            &[Override::Unlink {
                article: art(1),
                paragraph: 0,
            }],
        );
        assert_eq!(cells(&again), cells(&after));
    }

    #[test]
    fn link_moves_a_paragraph_and_pushes_out_what_was_there() {
        let a = articles(&[3, 3]);
        let before = rows(&[&[&[0], &[0]], &[&[1], &[1]], &[&[2], &[2]]]);
        let after = apply_to_rows(
            &a,
            0,
            before.clone(),
            &[Override::Link {
                article: art(1),
                paragraph: 2,
                with_article: art(0),
                with_paragraph: 0,
            }],
        );
        assert_eq!(
            cells(&after),
            [
                vec![vec![0], vec![2]],
                vec![vec![], vec![0]],
                vec![vec![1], vec![1]],
                vec![vec![2], vec![]]
            ]
        );
        // ¶3 of article 2 now sits above ¶1 and ¶2 in the row order: it is moved; ¶1, pushed
        // out to the row below, is still in order.
        assert!(after[0].moved[1]);
        assert!(!after[1].moved[1]);
        assert!(after.iter().all(|r| !r.moved[0]));
        // Linking to its own row is nothing.
        let same = apply_to_rows(
            &a,
            0,
            before.clone(),
            &[Override::Link {
                article: art(1),
                paragraph: 1,
                with_article: art(0),
                with_paragraph: 1,
            }],
        );
        assert_eq!(cells(&same), cells(&before));
    }

    #[test]
    fn link_drops_the_row_it_empties() {
        let a = articles(&[2, 3]);
        let before = rows(&[&[&[0], &[0]], &[&[], &[1]], &[&[1], &[2]]]);
        let after = apply_to_rows(
            &a,
            0,
            before,
            &[Override::Link {
                article: art(1),
                paragraph: 1,
                with_article: art(0),
                with_paragraph: 0,
            }],
        );
        assert_eq!(
            cells(&after),
            [
                vec![vec![0], vec![1]],
                vec![vec![], vec![0]],
                vec![vec![1], vec![2]]
            ]
        );
    }

    #[test]
    fn split_and_join_next() {
        let a = articles(&[2, 3]);
        let before = rows(&[&[&[0], &[0, 1]], &[&[1], &[2]]]);
        let split = apply_to_rows(
            &a,
            0,
            before.clone(),
            &[Override::Split {
                article: art(1),
                paragraph: 1,
            }],
        );
        assert_eq!(
            cells(&split),
            [
                vec![vec![0], vec![0]],
                vec![vec![], vec![1]],
                vec![vec![1], vec![2]]
            ]
        );
        // Splitting at the first paragraph of a cell is nothing.
        let none = apply_to_rows(
            &a,
            0,
            before.clone(),
            &[Override::Split {
                article: art(1),
                paragraph: 0,
            }],
        );
        assert_eq!(cells(&none), cells(&before));
        // Join undoes the split; joining the last row is nothing.
        let joined = apply_to_rows(
            &a,
            0,
            split,
            &[
                Override::JoinNext {
                    article: art(1),
                    paragraph: 0,
                },
                Override::JoinNext {
                    article: art(0),
                    paragraph: 1,
                },
            ],
        );
        assert_eq!(cells(&joined), cells(&before));
        assert!(joined.iter().all(|r| !r.moved.contains(&true)));
    }

    #[test]
    fn stale_overrides_are_skipped() {
        let a = articles(&[2, 2]);
        let before = rows(&[&[&[0], &[0]], &[&[1], &[1]]]);
        let stale = [
            Override::Unlink {
                article: art(1),
                paragraph: 9,
            },
            Override::Unlink {
                article: art(5),
                paragraph: 0,
            },
            Override::Link {
                article: art(0),
                paragraph: 0,
                with_article: ArticleRef { file: 1, part: 3 },
                with_paragraph: 0,
            },
            Override::Split {
                article: art(1),
                paragraph: 7,
            },
            Override::JoinNext {
                article: art(2),
                paragraph: 0,
            },
        ];
        let after = apply_to_rows(&a, 0, before.clone(), &stale);
        assert_eq!(after, before);
        let mut findings = Vec::new();
        apply_furniture(
            &a,
            &[Override::Furniture {
                article: art(0),
                paragraph: 4,
                furniture: true,
            }],
            &mut findings,
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn overrides_apply_in_order() {
        let a = articles(&[2, 2]);
        let before = rows(&[&[&[0], &[0]], &[&[1], &[1]]]);
        let unlink = Override::Unlink {
            article: art(1),
            paragraph: 0,
        };
        // Unlink then join the row with the one below: back together.
        let join = Override::JoinNext {
            article: art(0),
            paragraph: 0,
        };
        let after = apply_to_rows(&a, 0, before.clone(), &[unlink.clone(), join.clone()]);
        assert_eq!(cells(&after), cells(&before));
        // Join first (everything in one row), then unlink: the paragraph sits below the
        // joined row.
        let after = apply_to_rows(&a, 0, before, &[join, unlink]);
        assert_eq!(
            cells(&after),
            [vec![vec![0, 1], vec![1]], vec![vec![], vec![0]]]
        );
    }

    #[test]
    fn furniture_marks_replace_and_remove_boilerplate() {
        let mut a = articles(&[3]);
        a[0].paragraphs[1].text = "  Read more: the port  ".to_string();
        let detected = Finding {
            kind: FindingKind::Boilerplate,
            article: 0,
            paragraph: 2,
            start: 0,
            end: 4,
            text: "Para".into(),
            message: "detector".into(),
            suggestion: Some(String::new()),
            related: Vec::new(),
            manual: false,
        };
        let mut findings = vec![detected.clone()];
        apply_furniture(
            &a,
            &[
                Override::Furniture {
                    article: art(0),
                    paragraph: 1,
                    furniture: true,
                },
                Override::Furniture {
                    article: art(0),
                    paragraph: 2,
                    furniture: false,
                },
            ],
            &mut findings,
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        let f = &findings[0];
        assert!(f.manual && f.kind == FindingKind::Boilerplate);
        assert_eq!((f.paragraph, f.start, f.end), (1, 2, 21));
        assert_eq!(f.text, "Read more: the port");
        assert_eq!(f.message, MANUAL_FURNITURE_MESSAGE);
        // The later word on a paragraph wins.
        let mut findings = vec![detected];
        apply_furniture(
            &a,
            &[
                Override::Furniture {
                    article: art(0),
                    paragraph: 2,
                    furniture: false,
                },
                Override::Furniture {
                    article: art(0),
                    paragraph: 2,
                    furniture: true,
                },
            ],
            &mut findings,
        );
        assert_eq!(findings.len(), 1);
        assert!(findings[0].manual);
    }

    #[test]
    fn descriptions_are_plain_words() {
        let a = articles(&[2, 5]);
        assert_eq!(
            describe(
                &a,
                &Override::Unlink {
                    article: art(1),
                    paragraph: 3
                }
            ),
            "[2] ¶4 unlinked from its row"
        );
        assert_eq!(
            describe(
                &a,
                &Override::Furniture {
                    article: art(0),
                    paragraph: 0,
                    furniture: true
                }
            ),
            "[1] ¶1 marked as page furniture"
        );
        assert_eq!(
            describe(&a, &Override::SameStory { article: art(4) }),
            "(file 5, not loaded) treated as a report of the same story"
        );
    }
}
