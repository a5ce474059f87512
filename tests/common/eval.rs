//! Scoring of detector findings against the hand labels in `tests/labels/*.json`,
//! shared by `examples/evaluate.rs` and `tests/detect_quality.rs`.
//!
//! A finding matches a label when it is of the label file's kind, in the same article
//! and paragraph, and its span overlaps the label's text (the first occurrence of
//! `text` in that paragraph, or the one at `start`). When the text is not in the named
//! paragraph (a loader numbering paragraphs differently), the label is placed at the
//! first paragraph of the article holding the text, nearest the named one.

#![allow(dead_code)]

use std::collections::HashMap;
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
