//! Detector quality on real machine translation, shared by `examples/evaluate.rs` and
//! `tests/translation_corpus.rs`.
//!
//! - **MQM** (`../shared/corpora/mqm/zh-en.jsonl`): machine translations of Chinese news
//!   whose errors professional translators marked. One article per (document, system), one
//!   paragraph per segment (in segment order), each article compared alone. A finding of a
//!   damage or translation kind ([`FindingKind::group`]) is *right* when its span overlaps
//!   an error span marked in its segment (any category). `unbalanced_quotes` is counted
//!   apart and left out of the total: a segment is a paragraph here, so a quotation a
//!   translator split over two segments looks unbalanced in either.
//! - **False alarms** (`../shared/corpora/wmt22/<pair>/<doc>/reference.en.txt`): professional
//!   human translations, where every finding of those kinds counts as a false alarm. Lines
//!   are sentences; paragraphs are rebuilt by joining three consecutive lines (more while a
//!   quotation is open), a line that does not end like a sentence (a headline, a subheading)
//!   standing alone. The same
//!   layout of the machine outputs (`<system>.en.txt`) is counted for information.
//!   `unbalanced_quotes` is left out of this total too and printed apart: a quotation that
//!   runs over lines can straddle two rebuilt paragraphs.
//!
//! Every function returns `None` when its corpus is absent, so callers print a reason and
//! skip.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use storydiff::model::{Article, CompareOptions, Comparison, FindingKind};

/// The kinds the MQM total leaves out (see the module docs).
pub const EXCLUDED: &[FindingKind] = &[FindingKind::UnbalancedQuotes];

/// One marked error of a segment.
#[derive(Debug, Clone, Deserialize)]
struct MqmError {
    start: usize,
    end: usize,
}

/// One line of the MQM file (the fields used here).
#[derive(Debug, Clone, Deserialize)]
struct MqmLine {
    doc: String,
    system: String,
    seg: usize,
    target: String,
    errors: Vec<MqmError>,
}

/// One (document, system): its article (a paragraph per segment) and each paragraph's
/// marked error spans (chars).
#[derive(Debug, Clone)]
pub struct MqmDoc {
    /// Document id.
    pub doc: String,
    /// MT system.
    pub system: String,
    /// The article.
    pub article: Article,
    /// Per paragraph, the marked error spans.
    pub errors: Vec<Vec<(usize, usize)>>,
}

/// Reads the MQM file into one [`MqmDoc`] per (document, system), in file order of first
/// appearance; `None` when the file is absent or unreadable.
#[must_use]
pub fn mqm_docs(path: &Path) -> Option<Vec<MqmDoc>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut groups: BTreeMap<(String, String), Vec<MqmLine>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let l: MqmLine = serde_json::from_str(line).ok()?;
        groups
            .entry((l.doc.clone(), l.system.clone()))
            .or_default()
            .push(l);
    }
    Some(
        groups
            .into_iter()
            .map(|((doc, system), mut segs)| {
                segs.sort_by_key(|s| s.seg);
                let article = Article::from_texts(
                    format!("{doc} {system}.txt"),
                    segs.iter().map(|s| s.target.clone()),
                );
                let errors = segs
                    .iter()
                    .map(|s| s.errors.iter().map(|e| (e.start, e.end)).collect())
                    .collect();
                MqmDoc {
                    doc,
                    system,
                    article,
                    errors,
                }
            })
            .collect(),
    )
}

/// One article compared alone, as a user opening the file would see it.
#[must_use]
pub fn alone(article: &Article) -> Comparison {
    storydiff::compare(
        vec![article.clone()],
        Vec::new(),
        &CompareOptions::default(),
        &mut |_| {},
    )
}

/// The kinds scored: damage and translation quirks.
#[must_use]
pub fn scored(kind: FindingKind) -> bool {
    kind.group().is_some()
}

/// Per kind: findings and right findings.
#[derive(Debug, Clone, Default)]
pub struct MqmScores {
    /// kind → (findings, right).
    pub kinds: BTreeMap<FindingKind, (usize, usize)>,
    /// One line per finding: right or wrong, kind, text and context.
    pub details: Vec<String>,
}

impl MqmScores {
    /// (findings, right) over the kinds not in [`EXCLUDED`].
    #[must_use]
    pub fn total(&self) -> (usize, usize) {
        self.kinds
            .iter()
            .filter(|(k, _)| !EXCLUDED.contains(k))
            .fold((0, 0), |(f, r), (_, (kf, kr))| (f + kf, r + kr))
    }

    /// Precision of the total (1.0 with no finding).
    #[must_use]
    pub fn precision(&self) -> f64 {
        let (f, r) = self.total();
        ratio(r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores every MQM document (see the module docs).
#[must_use]
pub fn mqm_scores(docs: &[MqmDoc]) -> MqmScores {
    let mut out = MqmScores::default();
    for d in docs {
        let c = alone(&d.article);
        for f in c.findings.iter().filter(|f| scored(f.kind)) {
            let right = d.errors.get(f.paragraph).is_some_and(|spans| {
                spans
                    .iter()
                    .any(|&(s, e)| f.start < e && s < f.end.max(f.start + 1))
            });
            let e = out.kinds.entry(f.kind).or_default();
            e.0 += 1;
            e.1 += usize::from(right);
            let para: Vec<char> = d
                .article
                .paragraphs
                .get(f.paragraph)
                .map(|p| p.text.chars().collect())
                .unwrap_or_default();
            let ctx: String = para
                .get(f.start.saturating_sub(30)..(f.end + 30).min(para.len()))
                .unwrap_or(&[])
                .iter()
                .collect();
            out.details.push(format!(
                "{} {:<20} {:?} in {:?} ({} {} seg {})",
                if right { "right" } else { "WRONG" },
                f.kind.as_str(),
                f.text,
                ctx,
                d.doc,
                d.system,
                f.paragraph + 1
            ));
        }
    }
    out
}

/// The MQM table: kind, findings, right, precision; the total; the excluded kinds apart.
#[must_use]
pub fn mqm_table(s: &MqmScores) -> String {
    let mut out = format!(
        "{:<22} {:>8} {:>6} {:>9}\n",
        "kind", "findings", "right", "precision"
    );
    for (k, (f, r)) in s.kinds.iter().filter(|(k, _)| !EXCLUDED.contains(k)) {
        let _ = writeln!(
            out,
            "{:<22} {f:>8} {r:>6} {:>9.2}",
            k.as_str(),
            ratio(*r, *f)
        );
    }
    let (f, r) = s.total();
    let _ = writeln!(out, "{:<22} {f:>8} {r:>6} {:>9.2}", "total", ratio(r, f));
    for (k, (f, r)) in s.kinds.iter().filter(|(k, _)| EXCLUDED.contains(k)) {
        let _ = writeln!(
            out,
            "{:<22} {f:>8} {r:>6} {:>9.2}   (excluded from the total: quotations span segments)",
            k.as_str(),
            ratio(*r, *f)
        );
    }
    out
}

/// True when a line ends like a sentence (a stop, possibly inside closing quotes or brackets).
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
    });
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// True when the lines open more quotations than they close (a quotation a translator
/// carried over several sentences): the paragraph goes on.
fn quote_open(lines: &[&str]) -> bool {
    let (mut open, mut close, mut straight) = (0usize, 0usize, 0usize);
    for c in lines.iter().flat_map(|l| l.chars()) {
        match c {
            '“' => open += 1,
            '”' => close += 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    open > close || straight % 2 == 1
}

/// Paragraphs rebuilt from one-sentence lines (see the module docs).
#[must_use]
pub fn paragraphs_of_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !ends_sentence(line) {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
            out.push(line.to_string());
            continue;
        }
        cur.push(line);
        if cur.len() >= 3 && !quote_open(&cur) {
            out.push(cur.join(" "));
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// Which files of the wmt22 documents to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `reference.en.txt`, the human translation.
    Reference,
    /// Every `<system>.en.txt` but the reference.
    Machine,
}

/// The wmt22 English files of one side, each as an article: (path, article). `None` when
/// the folder is absent.
#[must_use]
pub fn wmt22_articles(wmt22: &Path, side: Side) -> Option<Vec<(PathBuf, Article)>> {
    let mut pairs: Vec<PathBuf> = std::fs::read_dir(wmt22)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    pairs.sort();
    let mut out = Vec::new();
    for pair in pairs {
        let mut docs: Vec<PathBuf> = std::fs::read_dir(&pair)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        docs.sort();
        for doc in docs {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&doc)
                .ok()?
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    name.ends_with(".en.txt")
                        && ((name == "reference.en.txt") == (side == Side::Reference))
                })
                .collect();
            files.sort();
            for f in files {
                let Ok(text) = std::fs::read_to_string(&f) else {
                    continue;
                };
                let article =
                    Article::from_texts(f.display().to_string(), paragraphs_of_lines(&text));
                out.push((f, article));
            }
        }
    }
    Some(out)
}

/// Findings per kind over a set of articles, each compared alone, and their words.
#[derive(Debug, Clone, Default)]
pub struct Alarms {
    /// Words (whitespace-separated) read.
    pub words: usize,
    /// kind → findings.
    pub kinds: BTreeMap<FindingKind, usize>,
    /// One line per finding.
    pub details: Vec<String>,
}

impl Alarms {
    /// All findings of the kinds not in [`EXCLUDED`].
    #[must_use]
    pub fn total(&self) -> usize {
        self.kinds
            .iter()
            .filter(|(k, _)| !EXCLUDED.contains(k))
            .map(|(_, n)| n)
            .sum()
    }

    /// Findings of the translation kinds ([`FindingKind::is_translation`]).
    #[must_use]
    pub fn translation_total(&self) -> usize {
        self.kinds
            .iter()
            .filter(|(k, _)| k.is_translation())
            .map(|(_, n)| n)
            .sum()
    }

    /// Findings per 10,000 words.
    #[must_use]
    pub fn per_10k(&self, n: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            n as f64 * 10_000.0 / self.words as f64
        }
    }
}

/// Every finding of a scored kind in the articles (each compared alone).
#[must_use]
pub fn alarms(articles: &[(PathBuf, Article)]) -> Alarms {
    let mut out = Alarms::default();
    for (path, a) in articles {
        out.words += a
            .paragraphs
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum::<usize>();
        let c = alone(a);
        for f in c.findings.iter().filter(|f| scored(f.kind)) {
            *out.kinds.entry(f.kind).or_default() += 1;
            out.details.push(format!(
                "{:<20} {:?} ({}, paragraph {}): {}",
                f.kind.as_str(),
                f.text,
                path.display(),
                f.paragraph + 1,
                f.message
            ));
        }
    }
    out
}

/// The false-alarm table: kind, findings, per 10k words; then the total.
#[must_use]
pub fn alarms_table(a: &Alarms) -> String {
    let mut out = format!("{:<22} {:>8} {:>11}\n", "kind", "findings", "per 10k wds");
    for (k, n) in a.kinds.iter().filter(|(k, _)| !EXCLUDED.contains(k)) {
        let _ = writeln!(out, "{:<22} {n:>8} {:>11.2}", k.as_str(), a.per_10k(*n));
    }
    let t = a.total();
    let _ = writeln!(
        out,
        "{:<22} {t:>8} {:>11.2}   ({} words)",
        "total",
        a.per_10k(t),
        a.words
    );
    let tr = a.translation_total();
    let _ = writeln!(
        out,
        "{:<22} {tr:>8} {:>11.2}   (the translation kinds of the total)",
        "translation kinds",
        a.per_10k(tr)
    );
    for (k, n) in a.kinds.iter().filter(|(k, _)| EXCLUDED.contains(k)) {
        let _ = writeln!(
            out,
            "{:<22} {n:>8} {:>11.2}   (excluded from the total: quotations span the rebuilt paragraphs)",
            k.as_str(),
            a.per_10k(*n)
        );
    }
    out
}
