//! The pipeline: load → align → diff → detect, producing one [`Comparison`].

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::error::LoadError;
use crate::facts::Fact;
use crate::model::{
    Article, ArticleRef, Cell, CompareOptions, Comparison, FindingKind, HeadlineCell, LoadFailure,
    OpTag, Override, Relation, Row,
};
use crate::{align, coverage, detect, diff, load, overrides as corrections};

/// What the engine is doing, for progress displays.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Plain words ("Loading wire.txt", "Aligning 3 articles").
    pub message: String,
    /// Fraction done, 0–1.
    pub fraction: f32,
}

/// Loads every path (a failing file becomes a [`LoadFailure`], the rest go on) and
/// compares the articles. `progress` is called before each step.
#[must_use]
pub fn compare_files(
    paths: &[impl AsRef<Path>],
    options: &CompareOptions,
    progress: &mut dyn FnMut(Progress),
) -> Comparison {
    compare_files_with(paths, options, &[], progress)
}

/// [`compare_files`] with the user's corrections applied (see [`Override`]).
#[must_use]
pub fn compare_files_with(
    paths: &[impl AsRef<Path>],
    options: &CompareOptions,
    overrides: &[Override],
    progress: &mut dyn FnMut(Progress),
) -> Comparison {
    let (articles, errors) = load_all(paths, progress);
    compare_with(articles, errors, options, overrides, progress)
}

/// [`compare_files`] with the articles in one order whatever order the paths come in: the
/// files sorted by path (each file's articles in the order it holds them), so the same files
/// and the same reference give the same report. `options.reference` counts articles in the
/// order the paths are given, as a user names them; it is moved with its article.
#[must_use]
pub fn compare_files_in_path_order(
    paths: &[impl AsRef<Path>],
    options: &CompareOptions,
    progress: &mut dyn FnMut(Progress),
) -> Comparison {
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by(|&a, &b| {
        let path = |i: usize| paths.get(i).map(AsRef::as_ref);
        path(a).cmp(&path(b))
    });
    let sorted: Vec<&Path> = order
        .iter()
        .filter_map(|&i| paths.get(i).map(AsRef::as_ref))
        .collect();
    let (articles, errors) = load_all(&sorted, progress);
    let count = |sorted_file: usize| {
        articles
            .iter()
            .filter(|a| a.source.file == sorted_file)
            .count()
    };
    // Where the reference article (counted in the given order) sits in the sorted order.
    let mut options = options.clone();
    let mut left = options.reference;
    for given in 0..paths.len() {
        let Some(sorted_file) = order.iter().position(|&i| i == given) else {
            continue;
        };
        let n = count(sorted_file);
        if left < n {
            options.reference = (0..sorted_file).map(count).sum::<usize>() + left;
            break;
        }
        left -= n;
    }
    compare_with(articles, errors, &options, &[], progress)
}

/// Loads every path in order: the articles (each with its file's index in `paths`) and a
/// [`LoadFailure`] for each file that could not be read or would take the text past
/// [`load::MAX_TOTAL_BYTES`].
fn load_all(
    paths: &[impl AsRef<Path>],
    progress: &mut dyn FnMut(Progress),
) -> (Vec<Article>, Vec<LoadFailure>) {
    load_all_within(paths, load::MAX_TOTAL_BYTES, progress)
}

/// [`load_all`] with the total text limited to `limit` bytes.
fn load_all_within(
    paths: &[impl AsRef<Path>],
    limit: u64,
    progress: &mut dyn FnMut(Progress),
) -> (Vec<Article>, Vec<LoadFailure>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut text = 0u64;
    let total = paths.len().max(1) as f32;
    for (i, path) in paths.iter().enumerate() {
        let path = path.as_ref();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        progress(Progress {
            message: format!("Loading {name}"),
            fraction: 0.5 * i as f32 / total,
        });
        let loaded = load::load_path(path).and_then(|loaded| {
            let with = text + load::text_bytes(&loaded);
            if with > limit {
                return Err(LoadError::TotalTooLarge {
                    total: load::plain_size(with),
                    limit: load::plain_size(limit),
                    path: path.into(),
                });
            }
            text = with;
            Ok(loaded)
        });
        match loaded {
            Ok(loaded) => articles.extend(loaded.into_iter().enumerate().map(|(part, mut a)| {
                a.source = ArticleRef { file: i, part };
                a
            })),
            Err(e) => errors.push(LoadFailure {
                path: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
    (articles, errors)
}

/// Aligns, diffs and runs the detectors over already loaded articles.
///
/// An out-of-range `options.reference` falls back to the first article.
#[must_use]
pub fn compare(
    articles: Vec<Article>,
    errors: Vec<LoadFailure>,
    options: &CompareOptions,
    progress: &mut dyn FnMut(Progress),
) -> Comparison {
    compare_with(articles, errors, options, &[], progress)
}

/// The rows of a comparison before any diff: the articles aligned on the reference, the
/// passages of related articles that share facts joined to their rows (articles that
/// `relatedness` calls another story, unless corrected to the same story, take no part),
/// then the user's corrections applied. Every paragraph of every article is in exactly one
/// row. `translated[k]`: article `k` is a translation of the reference
/// ([`align::crosslang::translations`]), aligned by lengths and anchors.
#[must_use]
pub fn aligned_rows(
    articles: &[Article],
    reference: usize,
    relatedness: &[Vec<f64>],
    translated: &[bool],
    overrides: &[Override],
) -> Vec<align::AlignedRow> {
    let unrelated: Vec<bool> = coverage::relatedness::unrelated(relatedness)
        .iter()
        .enumerate()
        .map(|(a, &u)| u && !corrections::is_same_story(articles, overrides, a))
        .collect();
    corrections::apply_to_rows(
        articles,
        reference,
        coverage::passages::link_related(
            articles,
            reference,
            align::align_with(articles, reference, translated),
            &unrelated,
        ),
        overrides,
    )
}

/// [`compare`] with the user's corrections applied in order (see [`Override`]; articles are
/// named by their [`Article::source`], see [`crate::overrides`]): the alignment overrides act
/// on the aligned rows before they are diffed, the furniture overrides on the boilerplate
/// findings inside [`detect::detect_all`], and [`Override::SameStory`] through
/// [`Comparison::is_unrelated`]. Overrides that no longer apply are skipped.
#[must_use]
pub fn compare_with(
    articles: Vec<Article>,
    errors: Vec<LoadFailure>,
    options: &CompareOptions,
    overrides: &[Override],
    progress: &mut dyn FnMut(Progress),
) -> Comparison {
    let reference = if options.reference >= articles.len() {
        0
    } else {
        options.reference
    };
    let never = Cancel::default();
    let alignment = align_stage(&articles, reference, overrides, progress);
    // Nobody else holds `never`, so it is never cancelled; the empty comparison only keeps
    // the signature total.
    finish_stage(
        articles,
        errors,
        &alignment,
        &DetectionCache::default(),
        options,
        overrides,
        progress,
        &never,
    )
    .unwrap_or_default()
}

/// Set by whoever started a comparison to say it is no longer wanted (a newer one replaces
/// it); the engine checks it between stages and between rows and stops with [`Cancelled`].
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Asks the running comparison to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// True once [`Cancel::cancel`] was called on this flag or a clone of it.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// A comparison stopped because its [`Cancel`] flag was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the comparison was cancelled")]
pub struct Cancelled;

/// What the alignment stage decides: it depends on the articles, the reference and the
/// corrections only, so a change of the diff options reuses it (see
/// [`crate::staged::StageCache`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The reference article (already brought in range).
    pub reference: usize,
    /// Topical relatedness of every pair of articles ([`coverage::relatedness`]).
    pub relatedness: Vec<Vec<f64>>,
    /// Per article: a translation of the reference ([`align::crosslang::translations`]).
    pub translated: Vec<bool>,
    /// The rows before any diff ([`aligned_rows`]).
    pub rows: Vec<align::AlignedRow>,
}

/// What detection found that the articles and their [`Alignment`] alone decide: the
/// detectors that do not read the diff ([`detect::Stable`]) and the facts.
#[derive(Debug)]
struct AlignedDetection {
    detect: detect::Stable,
    facts: Vec<Fact>,
}

/// Kept beside an [`Alignment`]: the first [`finish_stage`] of that alignment fills it, and
/// every later one (a re-diff with other options) reuses what it holds instead of
/// tokenising the articles and running those detectors again. A new alignment needs a new
/// cache; the result is the same comparison either way (a test holds them byte-identical).
#[derive(Debug, Default)]
pub struct DetectionCache(std::sync::OnceLock<Arc<AlignedDetection>>);

/// Relatedness, translations and the aligned rows of `articles` on `reference`.
#[must_use]
pub fn align_stage(
    articles: &[Article],
    reference: usize,
    overrides: &[Override],
    progress: &mut dyn FnMut(Progress),
) -> Alignment {
    progress(Progress {
        message: format!("Aligning {} articles", articles.len()),
        fraction: 0.5,
    });
    // Same story or another story: topical relatedness, before the rows are built, so that
    // passages of related articles that share facts but little wording can join one row.
    let (relatedness, translated) = rayon::join(
        || coverage::relatedness(articles),
        || align::crosslang::translations(articles, reference),
    );
    let rows = aligned_rows(articles, reference, &relatedness, &translated, overrides);
    Alignment {
        reference,
        relatedness,
        translated,
        rows,
    }
}

/// Diffs the rows of `alignment` under `options`, runs the detectors, extracts the facts and
/// notes: everything after the alignment. `options.reference` is taken from `alignment`.
///
/// # Errors
/// [`Cancelled`] when `cancel` is set before the work is done.
#[allow(clippy::too_many_arguments)] // Reason: the stage's inputs, each of its own kind.
pub fn finish_stage(
    articles: Vec<Article>,
    errors: Vec<LoadFailure>,
    alignment: &Alignment,
    reuse: &DetectionCache,
    options: &CompareOptions,
    overrides: &[Override],
    progress: &mut dyn FnMut(Progress),
    cancel: &Cancel,
) -> Result<Comparison, Cancelled> {
    let mut options = options.clone();
    options.reference = alignment.reference;
    let reference = alignment.reference;
    let translated = &alignment.translated;
    cancel.check()?;
    progress(Progress {
        message: format!("Comparing wording in {} rows", alignment.rows.len()),
        fraction: 0.7,
    });
    // Rows are independent: diffed on all cores, collected in row order (the result is the
    // same whatever the thread count). A cancelled job stops between rows.
    let rows: Option<Vec<Row>> = alignment
        .rows
        .par_iter()
        .map(|row| {
            (!cancel.is_cancelled())
                .then(|| build_row(&articles, reference, row, translated, &options))
        })
        .collect();
    let rows = rows.ok_or(Cancelled)?;
    cancel.check()?;
    let (similarity, headline) = rayon::join(
        || diff::similarity_matrix(&articles, &rows, &options),
        || headlines(&articles, reference, translated, &options),
    );
    let mut comparison = Comparison {
        options,
        articles,
        errors,
        rows,
        findings: Vec::new(),
        similarity,
        headline,
        overrides: overrides.to_vec(),
        relatedness: alignment.relatedness.clone(),
        facts: Vec::new(),
        translations: translated.clone(),
    };
    cancel.check()?;
    progress(Progress {
        message: "Looking for damage".to_string(),
        fraction: 0.9,
    });
    // One context for the detectors, the facts table and the coverage notes. What the
    // alignment alone decides (the tokens, the detectors that do not read the diff, the
    // facts) comes from `reuse` when an earlier run of this alignment left it there.
    let cached = reuse.0.get().cloned();
    let ctx = match &cached {
        Some(kept) => detect::Context::with_text(&comparison, kept.detect.text.clone()),
        None => detect::Context::new(&comparison),
    };
    let kept = cached.unwrap_or_else(|| {
        let (detect, facts) = rayon::join(
            || detect::detect_stable(&ctx),
            || crate::facts::extract(&ctx),
        );
        let kept = Arc::new(AlignedDetection { detect, facts });
        // A racing run of the same alignment made the same value: either one may stay.
        let _ = reuse.0.set(Arc::clone(&kept));
        kept
    });
    let (findings, notes) = rayon::join(
        || detect::detect_reusing(&ctx, &kept.detect),
        || coverage::links::annotate(&ctx),
    );
    let facts = kept.facts.clone();
    drop(ctx);
    cancel.check()?;
    // A fact stated only in page furniture ("Leave a Reply") is none of the story's. The
    // furniture spans are indexed by paragraph: a long list of lines can hold thousands of
    // facts and thousands of furniture findings.
    let mut furniture: rustc_hash::FxHashMap<(usize, usize), Vec<(usize, usize)>> =
        rustc_hash::FxHashMap::default();
    for f in findings
        .iter()
        .filter(|f| f.kind == FindingKind::Boilerplate)
    {
        furniture
            .entry((f.article, f.paragraph))
            .or_default()
            .push((f.start, f.end));
    }
    let facts = facts
        .into_iter()
        .filter(|fact| {
            fact.mentions.iter().any(|m| {
                !furniture
                    .get(&(m.article, m.paragraph))
                    .is_some_and(|spans| spans.iter().any(|&(s, e)| s <= m.start && m.end <= e))
            })
        })
        .collect();
    comparison.findings = findings;
    comparison.facts = facts;
    coverage::links::apply(&mut comparison, notes);
    progress(Progress {
        message: "Done".to_string(),
        fraction: 1.0,
    });
    Ok(comparison)
}

/// Each article's headline diffed against the reference's (see [`HeadlineCell`]); `None`
/// for an article without a headline. A translation's headline (`translated[a]`) is not
/// diffed across languages: it is shown as it is, with similarity 0.
#[must_use]
pub fn headlines(
    articles: &[Article],
    reference: usize,
    translated: &[bool],
    options: &CompareOptions,
) -> Vec<Option<HeadlineCell>> {
    let ref_headline = articles.get(reference).and_then(Article::headline);
    articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let own = article.headline()?;
            let (ops, similarity) = if a == reference {
                diff::diff_text(own, own, options)
            } else if translated.get(a).copied().unwrap_or(false) {
                (diff::diff_text(own, own, options).0, 0.0)
            } else {
                diff::diff_text(ref_headline.unwrap_or(""), own, options)
            };
            Some(HeadlineCell { similarity, ops })
        })
        .collect()
}

fn build_row(
    articles: &[Article],
    reference: usize,
    row: &align::AlignedRow,
    translated: &[bool],
    options: &CompareOptions,
) -> Row {
    let empty = Vec::new();
    let ref_paras = row.cells.get(reference).unwrap_or(&empty);
    let mut source_marks = Vec::new();
    let mut cells: Vec<Option<Cell>> = articles
        .iter()
        .enumerate()
        .map(|(i, article)| {
            let paras = row.cells.get(i)?;
            if paras.is_empty() {
                return None;
            }
            let moved = row.moved.get(i).copied().unwrap_or(false);
            if translated.get(i).copied().unwrap_or(false) {
                // Another language: no word diff; the anchors a translation keeps, checked.
                let check = match articles.get(reference) {
                    Some(source) if !ref_paras.is_empty() => {
                        align::crosslang::check_anchors(source, ref_paras, article, paras)
                    }
                    _ => align::crosslang::AnchorCheck::default(),
                };
                for m in check.source_marks {
                    if !source_marks.contains(&m) {
                        source_marks.push(m);
                    }
                }
                return Some(Cell {
                    paragraphs: paras.clone(),
                    similarity: if ref_paras.is_empty() {
                        0.0
                    } else {
                        check.kept
                    },
                    moved,
                    ops: Vec::new(),
                    relation: Relation::Translation,
                    links: Vec::new(),
                    marks: check.marks,
                    note: None,
                });
            }
            let diff = match articles.get(reference) {
                Some(ref_article) => diff::diff_cell_within(
                    ref_article,
                    ref_paras,
                    article,
                    paras,
                    options,
                    diff::CELL_DIFF_BUDGET,
                ),
                None => diff::CellDiff {
                    ops: Vec::new(),
                    similarity: 0.0,
                    note: None,
                },
            };
            let mut cell = Cell {
                paragraphs: paras.clone(),
                similarity: diff.similarity,
                moved,
                ops: diff.ops,
                relation: Relation::default(),
                links: Vec::new(),
                marks: Vec::new(),
                note: diff.note,
            };
            cell.relation = coverage::links::relation(&cell, i == reference, !ref_paras.is_empty());
            Some(cell)
        })
        .collect();
    if let Some(Some(ref_cell)) = cells.get_mut(reference) {
        ref_cell.marks = source_marks;
    }
    Row { cells }
}

/// True when the row has any difference from the reference (a changed word, a missing
/// passage, a passage in another language).
#[must_use]
pub fn row_has_difference(row: &Row) -> bool {
    row.cells.iter().any(|c| match c {
        None => true,
        Some(c) => {
            c.relation == Relation::Translation || c.ops.iter().any(|op| op.tag != OpTag::Equal)
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_file_taking_the_text_past_the_total_limit_is_refused_and_the_others_load() {
        let dir = tempfile::tempdir().unwrap();
        // 44 bytes of text each (the trailing line break is not paragraph text).
        let sentence = "The ferry sailed at dawn with ninety people.\n";
        let a = write(&dir, "a.txt", sentence);
        let b = write(&dir, "b.txt", sentence);
        let c = write(&dir, "c.txt", "Short.\n");
        let (articles, errors) = load_all_within(&[&a, &b, &c], 60, &mut |_| {});
        // a fits, b would bring the text to 88 bytes, c (6 bytes) still fits after a.
        let loaded: Vec<&str> = articles.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(loaded, [a.display().to_string(), c.display().to_string()]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, b.display().to_string());
        assert_eq!(
            errors[0].message,
            format!(
                "too much text for one comparison (this file would bring the articles to 88 bytes; one comparison holds up to 60 bytes): {}",
                b.display()
            )
        );
        // The articles keep their file's place in the list.
        assert_eq!(articles[1].source, ArticleRef { file: 2, part: 0 });
    }

    #[test]
    fn path_order_moves_the_reference_with_its_article_across_files_of_several_articles() {
        let dir = tempfile::tempdir().unwrap();
        let z = write(
            &dir,
            "z.txt",
            "The harbour reopened on Monday after a week of strikes by the crane drivers.\n",
        );
        // Two articles in one file: the reference is the second of them.
        let pair = write(
            &dir,
            "m.json",
            r#"[{"title": "One", "body": "The harbour reopened on Monday after a strike."},
                {"title": "Two", "body": "Crane drivers ended their strike and the harbour reopened."}]"#,
        );
        let a = write(&dir, "a.txt", "The harbour reopened on Monday.\n");
        // Given order: z (article 0), m#0 (1), m#1 (2), a (3); reference 2 = "Two".
        let options = CompareOptions {
            reference: 2,
            ..CompareOptions::default()
        };
        let comparison = compare_files_in_path_order(&[&z, &pair, &a], &options, &mut |_| {});
        assert!(comparison.errors.is_empty(), "{:?}", comparison.errors);
        let titles: Vec<&str> = comparison
            .articles
            .iter()
            .map(|x| x.title.as_str())
            .collect();
        assert_eq!(titles, ["a.txt", "One", "Two", "z.txt"]);
        assert_eq!(comparison.options.reference, 2);
        // Out of range stays out of range: the engine falls back to the first article.
        let options = CompareOptions {
            reference: 9,
            ..CompareOptions::default()
        };
        let comparison = compare_files_in_path_order(&[&z, &pair, &a], &options, &mut |_| {});
        assert_eq!(comparison.options.reference, 0);
    }
}
