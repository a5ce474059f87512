//! Scoring of detector findings against the hand labels in `tests/labels/*.json`,
//! shared by `examples/evaluate.rs` and `tests/detect_quality.rs`.
//!
//! A finding matches a label when it is of the label file's kind, in the same article
//! and paragraph, and its span overlaps the label's text (the first occurrence of
//! `text` in that paragraph, or the one at `start`). When the text is not in the named
//! paragraph (a loader numbering paragraphs differently), the label is placed at the
//! first paragraph of the article holding the text, nearest the named one.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use storydiff::CompareOptions;
use storydiff::model::{Comparison, Finding, FindingKind};

/// One labelled instance.
#[derive(Debug, Clone, Deserialize)]
pub struct Label {
    /// Article index in the case's file order.
    pub article: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// The labelled text.
    pub text: String,
    /// Char offset of the occurrence, when not the first.
    #[serde(default)]
    pub start: Option<usize>,
}

/// One case: files compared together and every instance of the kind in them.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Case name.
    pub name: String,
    /// Files, relative to the package root.
    pub files: Vec<String>,
    /// Reference article index.
    #[serde(default)]
    pub reference: usize,
    /// The labels.
    pub labels: Vec<Label>,
}

/// Scores of one kind.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Kind name.
    pub kind: String,
    /// Labels in cases that ran.
    pub labels: usize,
    /// Findings of the kind in cases that ran.
    pub findings: usize,
    /// Findings overlapping a label.
    pub tp: usize,
    /// Labels overlapped by a finding.
    pub found: usize,
    /// Cases run.
    pub cases: usize,
    /// Lines describing false alarms and misses.
    pub details: Vec<String>,
}

impl Score {
    /// Findings that match a label, over all findings (1.0 when there are none).
    #[must_use]
    pub fn precision(&self) -> f64 {
        if self.findings == 0 {
            1.0
        } else {
            self.tp as f64 / self.findings as f64
        }
    }

    /// Labels found, over all labels (1.0 when there are none).
    #[must_use]
    pub fn recall(&self) -> f64 {
        if self.labels == 0 {
            1.0
        } else {
            self.found as f64 / self.labels as f64
        }
    }
}

/// The result of evaluating every label file.
#[derive(Debug, Default)]
pub struct Evaluation {
    /// Per kind, in file-name order.
    pub scores: Vec<Score>,
    /// Cases skipped, with the reason.
    pub skipped: Vec<String>,
}

fn char_find(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle)
        .and_then(|b| hay.get(..b))
        .map(|h| h.chars().count())
}

/// Where a label sits: (paragraph, start, end) in chars.
fn resolve(c: &Comparison, l: &Label) -> Option<(usize, usize, usize)> {
    let article = c.articles.get(l.article)?;
    let len = l.text.chars().count();
    if let Some(p) = article.paragraphs.get(l.paragraph) {
        if let Some(s) = l.start {
            let slice: String = p.text.chars().skip(s).take(len).collect();
            if slice == l.text {
                return Some((l.paragraph, s, s + len));
            }
        }
        if let Some(s) = char_find(&p.text, &l.text) {
            return Some((l.paragraph, s, s + len));
        }
    }
    let mut candidates: Vec<(usize, usize)> = article
        .paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| char_find(&p.text, &l.text).map(|s| (i, s)))
        .collect();
    candidates.sort_by_key(|(i, _)| i.abs_diff(l.paragraph));
    candidates.first().map(|&(i, s)| (i, s, s + len))
}

fn overlaps(f: &Finding, article: usize, span: (usize, usize, usize)) -> bool {
    f.article == article && f.paragraph == span.0 && f.start < span.2 && span.1 < f.end
}

/// Evaluates every `labels_dir/*.json` with files relative to `root`.
///
/// # Errors
/// A message when a label file cannot be read or parsed.
pub fn evaluate(root: &Path, labels_dir: &Path) -> Result<Evaluation, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(labels_dir)
        .map_err(|e| {
            format!(
                "cannot read the labels folder: {e}: {}",
                labels_dir.display()
            )
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut cache: HashMap<(Vec<String>, usize), Comparison> = HashMap::new();
    let mut eval = Evaluation::default();
    for file in files {
        let kind_name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind: FindingKind =
            serde_json::from_value(serde_json::Value::String(kind_name.clone())).map_err(|_| {
                format!(
                    "label file is not named after a finding kind: {}",
                    file.display()
                )
            })?;
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read label file: {e}: {}", file.display()))?;
        let cases: Vec<Case> = serde_json::from_str(&text)
            .map_err(|e| format!("malformed label file: {e}: {}", file.display()))?;
        let mut score = Score {
            kind: kind_name.clone(),
            ..Score::default()
        };
        for case in cases {
            let paths: Vec<PathBuf> = case.files.iter().map(|f| root.join(f)).collect();
            if let Some(missing) = paths.iter().find(|p| !p.exists()) {
                eval.skipped.push(format!(
                    "{kind_name}/{}: file absent: {}",
                    case.name,
                    missing.display()
                ));
                continue;
            }
            let key = (case.files.clone(), case.reference);
            let c = cache.entry(key).or_insert_with(|| {
                let options = CompareOptions {
                    reference: case.reference,
                    ..CompareOptions::default()
                };
                storydiff::compare_files(&paths, &options, &mut |_| {})
            });
            score.cases += 1;
            let findings: Vec<&Finding> = c.findings.iter().filter(|f| f.kind == kind).collect();
            let spans: Vec<Option<(usize, usize, usize)>> =
                case.labels.iter().map(|l| resolve(c, l)).collect();
            score.labels += case.labels.len();
            score.findings += findings.len();
            for f in &findings {
                let hit = case
                    .labels
                    .iter()
                    .zip(&spans)
                    .any(|(l, s)| s.is_some_and(|s| overlaps(f, l.article, s)));
                if hit {
                    score.tp += 1;
                } else {
                    score.details.push(format!(
                        "  false alarm {}: article {} para {} [{}..{}] {:?}: {}",
                        case.name, f.article, f.paragraph, f.start, f.end, f.text, f.message
                    ));
                }
            }
            for (l, s) in case.labels.iter().zip(&spans) {
                let hit = s.is_some_and(|s| findings.iter().any(|f| overlaps(f, l.article, s)));
                if hit {
                    score.found += 1;
                } else {
                    score.details.push(format!(
                        "  missed {}: article {} para {} {:?}{}",
                        case.name,
                        l.article,
                        l.paragraph,
                        l.text,
                        if s.is_none() {
                            " (text not found in the article)"
                        } else {
                            ""
                        }
                    ));
                }
            }
        }
        eval.scores.push(score);
    }
    Ok(eval)
}

/// The table: kind, labels, findings, TP, precision, recall, and totals.
#[must_use]
pub fn table(eval: &Evaluation) -> String {
    let mut s = format!(
        "{:<20} {:>6} {:>8} {:>5} {:>9} {:>7}\n",
        "kind", "labels", "findings", "TP", "precision", "recall"
    );
    let mut total = Score {
        kind: "total".to_string(),
        ..Score::default()
    };
    for k in &eval.scores {
        total.labels += k.labels;
        total.findings += k.findings;
        total.tp += k.tp;
        total.found += k.found;
        s.push_str(&row(k));
    }
    s.push_str(&row(&total));
    s
}

fn row(k: &Score) -> String {
    format!(
        "{:<20} {:>6} {:>8} {:>5} {:>9.3} {:>7.3}\n",
        k.kind,
        k.labels,
        k.findings,
        k.tp,
        k.precision(),
        k.recall()
    )
}

// ---------------------------------------------------------------------------------------
// Page furniture in extractor output (`../shared/corpora/aeb`).
//
// Each page folder holds the saved page, a person's `ground-truth.txt` (the article body)
// and what five extractors made of the page. Every paragraph of an extractor's output,
// loaded the way a user would (`storydiff::load::load_path` on the `.txt`, so paragraphs
// are what the window shows), is labelled by the ground truth:
// - text is compared folded: lower case, every run of characters that are not letters or
//   digits (quotes, `_emphasis_` marks, bullets, `#` heading marks, punctuation) becomes one
//   space;
// - story: the folded paragraph occurs in the folded ground truth at word boundaries and has
//   at least four words, or equals a whole ground-truth line;
// - partial containment (a paragraph the loader glued from story and page text, or wrapped
//   differently): with four words or more, the share of its word trigrams found in the
//   ground truth decides: ≥ 0.8 story, ≤ 0.2 furniture, between them not scored; a
//   paragraph of one to three words that the ground truth contains but not as a line of its
//   own is not scored (it could be either);
// - furniture: everything else, including lines with no word at all (`* * *`);
// - headline, byline and dateline: a furniture-labelled paragraph before the first story
//   paragraph of twelve words or more (the start of the article's prose) is story when it
//   matches the page title (≥ 60 % of its words are words of the page's `<title>` or
//   `og:title`): the ground truth leaves the headline out, but it is the article's own, not
//   page furniture. With a byline or dateline shape (opens with "by" in at most eight words;
//   or at most twelve words with a month name, a year 19xx/20xx or a clock time) it is not
//   scored: whether a credit line is page text is this project's convention, not the page's.
// ---------------------------------------------------------------------------------------

/// The five extractors of the benchmark, in file-name form.
pub const EXTRACTORS: [&str; 5] = [
    "html2text",
    "readability_js",
    "boilerpipe",
    "trafilatura",
    "august",
];

/// Precision/recall counts of furniture flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Furniture flagged.
    pub tp: usize,
    /// Story text flagged.
    pub fp: usize,
    /// Furniture not flagged.
    pub fn_: usize,
    /// Story text not flagged.
    pub tn: usize,
}

impl Counts {
    /// Adds one judgement.
    pub fn add(&mut self, furniture: bool, flagged: bool) {
        match (furniture, flagged) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Sums two counts.
    pub fn merge(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
    }

    /// Flagged furniture over all flags (1.0 when nothing is flagged).
    #[must_use]
    pub fn precision(&self) -> f64 {
        let d = self.tp + self.fp;
        if d == 0 {
            1.0
        } else {
            self.tp as f64 / d as f64
        }
    }

    /// Flagged furniture over all furniture (1.0 when there is none).
    #[must_use]
    pub fn recall(&self) -> f64 {
        let d = self.tp + self.fn_;
        if d == 0 {
            1.0
        } else {
            self.tp as f64 / d as f64
        }
    }
}

/// The folded words of a text: lower case, split at everything that is not a letter or digit.
#[must_use]
pub fn fold_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The page's title words (`<title>` and `og:title`), folded.
#[must_use]
pub fn page_title_words(html: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let lower = html.to_lowercase();
    if let Some(s) = lower.find("<title") {
        let rest = html.get(s..).unwrap_or("");
        if let (Some(gt), Some(end)) = (rest.find('>'), rest.to_lowercase().find("</title"))
            && gt < end
        {
            out.extend(fold_words(rest.get(gt + 1..end).unwrap_or("")));
        }
    }
    if let Some(s) = lower.find("og:title") {
        let rest = html.get(s..).unwrap_or("");
        if let Some(c) = rest.find("content=") {
            let after = rest.get(c + 9..).unwrap_or("");
            let end = after.find(['"', '\'']).unwrap_or(0);
            out.extend(fold_words(after.get(..end).unwrap_or("")));
        }
    }
    out
}

const MONTH_WORDS: [&str; 24] = [
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

fn byline_or_dateline(text: &str, words: &[String]) -> bool {
    let n = words.len();
    let by = words.first().is_some_and(|w| w == "by") && n <= 8;
    let dated = n <= 12
        && (words.iter().any(|w| MONTH_WORDS.contains(&w.as_str()))
            || words.iter().any(|w| {
                w.len() == 4
                    && (w.starts_with("19") || w.starts_with("20"))
                    && w.chars().all(|c| c.is_ascii_digit())
            })
            || text
                .chars()
                .zip(text.chars().skip(1))
                .any(|(a, b)| a == ':' && b.is_ascii_digit()));
    by || dated
}

/// Labels of one extractor output's paragraphs against the page's ground truth:
/// `Some(true)` furniture, `Some(false)` story, `None` not scored (see the module notes).
#[must_use]
pub fn furniture_labels(
    paragraphs: &[String],
    ground_truth: &str,
    title: &HashSet<String>,
) -> Vec<Option<bool>> {
    let gt_words = fold_words(ground_truth);
    let gt_joined = format!(" {} ", gt_words.join(" "));
    let gt_lines: HashSet<String> = ground_truth
        .lines()
        .map(|l| fold_words(l).join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let trigrams: HashSet<(&str, &str, &str)> = gt_words
        .windows(3)
        .filter_map(|w| match w {
            [a, b, c] => Some((a.as_str(), b.as_str(), c.as_str())),
            _ => None,
        })
        .collect();
    let mut labels: Vec<Option<bool>> = paragraphs
        .iter()
        .map(|p| {
            let w = fold_words(p);
            let joined = w.join(" ");
            if w.is_empty() {
                return Some(true);
            }
            if gt_lines.contains(&joined) {
                return Some(false);
            }
            let contained = gt_joined.contains(&format!(" {joined} "));
            if w.len() < 4 {
                return if contained { None } else { Some(true) };
            }
            if contained {
                return Some(false);
            }
            let grams: Vec<_> = w.windows(3).collect();
            let hit = grams
                .iter()
                .filter(|g| match g {
                    [a, b, c] => trigrams.contains(&(a.as_str(), b.as_str(), c.as_str())),
                    _ => false,
                })
                .count();
            let share = hit as f64 / grams.len().max(1) as f64;
            if share >= 0.8 {
                Some(false)
            } else if share <= 0.2 {
                Some(true)
            } else {
                None
            }
        })
        .collect();
    let prose_start = paragraphs
        .iter()
        .zip(&labels)
        .position(|(p, l)| *l == Some(false) && fold_words(p).len() >= 12)
        .unwrap_or(paragraphs.len());
    for (p, l) in paragraphs.iter().zip(labels.iter_mut()).take(prose_start) {
        if *l != Some(true) {
            continue;
        }
        let w = fold_words(p);
        let in_title = w.iter().filter(|x| title.contains(*x)).count();
        let headline = w.len() >= 2 && in_title * 10 >= w.len() * 6;
        if byline_or_dateline(p, &w) {
            *l = None;
        } else if headline {
            *l = Some(false);
        }
    }
    labels
}

/// One page's extractor output, loaded as the app loads it, with its labels.
pub struct FurniturePage {
    /// The page folder name.
    pub page: String,
    /// Extractor name.
    pub extractor: String,
    /// The output file.
    pub path: PathBuf,
    /// The loaded article.
    pub article: storydiff::model::Article,
    /// Per paragraph label (see [`furniture_labels`]).
    pub labels: Vec<Option<bool>>,
}

/// Every page × extractor output of the aeb folder, or `None` when the folder is absent.
#[must_use]
pub fn furniture_pages(aeb: &Path) -> Option<Vec<FurniturePage>> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(aeb)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(gt) = std::fs::read_to_string(dir.join("ground-truth.txt")) else {
            continue;
        };
        let html = std::fs::read(dir.join("page.html")).unwrap_or_default();
        let title = page_title_words(&String::from_utf8_lossy(&html));
        for ex in EXTRACTORS {
            let path = dir.join(format!("{ex}.txt"));
            let Ok(mut articles) = storydiff::load::load_path(&path) else {
                continue;
            };
            if articles.is_empty() {
                continue;
            }
            let article = articles.swap_remove(0);
            let texts: Vec<String> = article.paragraphs.iter().map(|p| p.text.clone()).collect();
            let labels = furniture_labels(&texts, &gt, &title);
            out.push(FurniturePage {
                page: dir
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                extractor: ex.to_string(),
                path,
                article,
                labels,
            });
        }
    }
    Some(out)
}

/// Paragraphs of the article holding a boilerplate finding of the comparison.
#[must_use]
pub fn flagged_paragraphs(c: &Comparison, article: usize) -> Vec<bool> {
    let n = c.articles.get(article).map_or(0, |a| a.paragraphs.len());
    let mut out = vec![false; n];
    for f in &c.findings {
        if f.kind == FindingKind::Boilerplate
            && f.article == article
            && let Some(x) = out.get_mut(f.paragraph)
        {
            *x = true;
        }
    }
    out
}

/// Per extractor, the detector's furniture counts over every page, each output compared
/// alone (one article open), as a user opening the file would see it.
#[must_use]
pub fn furniture_scores(pages: &[FurniturePage]) -> Vec<(String, Counts)> {
    let mut out: Vec<(String, Counts)> = EXTRACTORS
        .iter()
        .map(|e| (e.to_string(), Counts::default()))
        .collect();
    for page in pages {
        let c = storydiff::compare(
            vec![page.article.clone()],
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        let flags = flagged_paragraphs(&c, 0);
        let Some((_, counts)) = out.iter_mut().find(|(e, _)| *e == page.extractor) else {
            continue;
        };
        for (l, f) in page.labels.iter().zip(&flags) {
            if let Some(furniture) = l {
                counts.add(*furniture, *f);
            }
        }
    }
    out
}

/// The furniture table: extractor, furniture, story, flagged, precision, recall.
#[must_use]
pub fn furniture_table(scores: &[(String, Counts)]) -> String {
    let mut s = format!(
        "{:<16} {:>9} {:>6} {:>7} {:>9} {:>7}\n",
        "extractor", "furniture", "story", "flagged", "precision", "recall"
    );
    for (e, c) in scores {
        let _ = writeln!(
            s,
            "{:<16} {:>9} {:>6} {:>7} {:>9.3} {:>7.3}",
            e,
            c.tp + c.fn_,
            c.fp + c.tn,
            c.tp + c.fp,
            c.precision(),
            c.recall()
        );
    }
    s
}
