//! Shared helpers for the cross-reference detectors (names, pronouns, numbers,
//! quotes, spellings, unique passages): tokens with offsets, aligned cell pairs,
//! a token diff and a finding constructor.

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffTag};

use crate::model::{Comparison, Finding, FindingKind, Location};
use crate::normalize::{self, char_slice};

/// One word of a paragraph with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// The word as written.
    pub text: String,
    /// Lower-cased word with curly apostrophes folded.
    pub lower: String,
    /// Paragraph index.
    pub para: usize,
    /// Start offset (chars) in the paragraph.
    pub start: usize,
    /// End offset (chars) in the paragraph.
    pub end: usize,
}

/// The display text of one paragraph, if it exists.
pub(crate) fn para_text(c: &Comparison, article: usize, paragraph: usize) -> Option<&str> {
    c.articles
        .get(article)?
        .paragraphs
        .get(paragraph)
        .map(|p| p.text.as_str())
}

/// The words of the given paragraphs of one article, in order.
pub(crate) fn tokens(c: &Comparison, article: usize, paras: &[usize]) -> Vec<Tok> {
    let mut out = Vec::new();
    for &p in paras {
        let Some(text) = para_text(c, article, p) else {
            continue;
        };
        for w in normalize::words(text) {
            out.push(Tok {
                text: w.text.to_string(),
                lower: w
                    .text
                    .chars()
                    .map(normalize::fold_quote)
                    .flat_map(char::to_lowercase)
                    .collect(),
                para: p,
                start: w.start,
                end: w.end,
            });
        }
    }
    out
}

/// One aligned pair of cells: the reference article's paragraphs and another article's.
#[derive(Debug, Clone)]
pub(crate) struct CellPair {
    /// The non-reference article.
    pub article: usize,
    /// Reference paragraphs of the row.
    pub ref_paras: Vec<usize>,
    /// The other article's paragraphs of the row.
    pub paras: Vec<usize>,
}

/// Every row where both the reference and another article have a cell.
pub(crate) fn aligned_pairs(c: &Comparison) -> Vec<CellPair> {
    let reference = c.options.reference;
    let mut out = Vec::new();
    for row in &c.rows {
        let Some(Some(ref_cell)) = row.cells.get(reference) else {
            continue;
        };
        for (a, cell) in row.cells.iter().enumerate() {
            if a == reference {
                continue;
            }
            if let Some(cell) = cell {
                out.push(CellPair {
                    article: a,
                    ref_paras: ref_cell.paragraphs.clone(),
                    paras: cell.paragraphs.clone(),
                });
            }
        }
    }
    out
}

/// Maps (article, paragraph) to the row holding it.
pub(crate) fn row_of(c: &Comparison) -> HashMap<(usize, usize), usize> {
    let mut out = HashMap::new();
    for (r, row) in c.rows.iter().enumerate() {
        for (a, cell) in row.cells.iter().enumerate() {
            if let Some(cell) = cell {
                for &p in &cell.paragraphs {
                    out.entry((a, p)).or_insert(r);
                }
            }
        }
    }
    out
}

/// A differing region of two token sequences: `old` in the first, `new` in the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hunk {
    /// Range in the first sequence.
    pub old: Range<usize>,
    /// Range in the second sequence.
    pub new: Range<usize>,
}

/// The differing regions between two word sequences (adjacent deletes and inserts merged).
pub(crate) fn diff_hunks(old: &[String], new: &[String]) -> Vec<Hunk> {
    let ops = similar::capture_diff_slices(Algorithm::Myers, old, new);
    let mut out: Vec<Hunk> = Vec::new();
    let mut last_equal = true;
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            last_equal = true;
            continue;
        }
        match out.last_mut() {
            Some(h) if !last_equal => {
                h.old.end = h.old.end.max(o.end);
                h.new.end = h.new.end.max(n.end);
            }
            _ => out.push(Hunk { old: o, new: n }),
        }
        last_equal = false;
    }
    out
}

/// Builds a finding whose `text` is the display text between `start` and `end`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn finding(
    c: &Comparison,
    kind: FindingKind,
    article: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    message: String,
    suggestion: Option<String>,
    related: Vec<Location>,
) -> Option<Finding> {
    let text = char_slice(para_text(c, article, paragraph)?, start, end).to_string();
    if text.is_empty() {
        return None;
    }
    Some(Finding {
        kind,
        article,
        paragraph,
        start,
        end,
        text,
        message,
        suggestion,
        related,
    })
}

/// A location for `related`.
pub(crate) fn loc(article: usize, paragraph: usize, start: usize, end: usize) -> Location {
    Location {
        article,
        paragraph,
        start,
        end,
    }
}

/// The article's short display name.
pub(crate) fn name_of(c: &Comparison, article: usize) -> String {
    c.articles.get(article).map_or_else(
        || format!("article {}", article + 1),
        crate::model::Article::short_name,
    )
}

/// True when the word starts with an upper-case letter and has a lower-case one.
pub(crate) fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// True when the word at char offset `start` of `text` begins a sentence: nothing
/// but opening quotes/brackets between it and the paragraph start or a `.`, `!`, `?`, `:`.
pub(crate) fn is_sentence_start(text: &str, start: usize) -> bool {
    let before: Vec<char> = text.chars().take(start).collect();
    for c in before.iter().rev() {
        if normalize::is_space(*c) || matches!(normalize::fold_quote(*c), '"' | '\'' | '(' | '[') {
            continue;
        }
        return matches!(c, '.' | '!' | '?' | ':' | '—' | '–' | '-');
    }
    true
}

/// `word` with its first letter upper-cased.
pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Test helpers: hand-built comparisons.
#[cfg(test)]
pub(crate) mod testing {
    use crate::model::{Article, Cell, CompareOptions, Comparison, Row};

    /// An article from paragraph texts.
    pub(crate) fn article(name: &str, paras: &[&str]) -> Article {
        Article::from_texts(name, paras.iter().copied())
    }

    /// A comparison whose rows are given as, per row, per article, the paragraph list
    /// (empty = no cell). Ops are left empty: the detectors here do not read them.
    pub(crate) fn comparison(articles: Vec<Article>, rows: &[Vec<Vec<usize>>]) -> Comparison {
        let n = articles.len();
        Comparison {
            options: CompareOptions::default(),
            rows: rows
                .iter()
                .map(|r| Row {
                    cells: r
                        .iter()
                        .map(|ps| {
                            (!ps.is_empty()).then(|| Cell {
                                paragraphs: ps.clone(),
                                similarity: 0.5,
                                moved: false,
                                ops: Vec::new(),
                            })
                        })
                        .collect(),
                })
                .collect(),
            articles,
            errors: Vec::new(),
            findings: Vec::new(),
            similarity: vec![vec![1.0; n]; n],
            headline: Vec::new(),
        }
    }

    /// The comparison of `tests/fixtures/detect/<kind>/a.txt` (reference) and `b.txt`
    /// through the whole pipeline (real loader, aligner and diff).
    pub(crate) fn fixture(kind: &str) -> Comparison {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/detect")
            .join(kind);
        crate::compare_files(
            &[dir.join("a.txt"), dir.join("b.txt")],
            &CompareOptions::default(),
            &mut |_| {},
        )
    }

    /// A comparison aligning paragraph i of every article with paragraph i of the others.
    pub(crate) fn parallel(articles: Vec<Article>) -> Comparison {
        let longest = articles
            .iter()
            .map(|a| a.paragraphs.len())
            .max()
            .unwrap_or(0);
        let rows: Vec<Vec<Vec<usize>>> = (0..longest)
            .map(|i| {
                articles
                    .iter()
                    .map(|a| {
                        if i < a.paragraphs.len() {
                            vec![i]
                        } else {
                            vec![]
                        }
                    })
                    .collect()
            })
            .collect();
        comparison(articles, &rows)
    }
}
