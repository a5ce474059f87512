//! The results of the Spark job read back: `OUT/clusters.jsonl` as `spark/storydiff-corpus`
//! writes it, one cluster per line (`{"cluster", "members", "summary", "report"}`).
//!
//! [`load`] keeps each cluster's summary (for the window's cluster browser and its sorting
//! and filters) and its stored `storydiff-report/1` as raw JSON. [`ClusterEntry::input`]
//! turns a stored report back into the cluster the batch compared — its articles, their
//! paragraphs as stored, its reference and options — so the window and `storydiff report
//! --cluster` show the ordinary comparison without running Spark again.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Cluster, Record};
use crate::model::{CompareOptions, Comparison, Format, Granularity};

/// Why corpus results could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    /// The file could not be read.
    #[error("could not read the corpus results ({reason}): {}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// The file holds no cluster line.
    #[error("not the results of storydiff-corpus ({reason}): {}", .path.display())]
    NotResults {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A cluster's stored report cannot be turned back into its articles.
    #[error("the stored report of cluster {cluster:?} cannot be read ({reason})")]
    BadReport {
        /// The cluster's name.
        cluster: String,
        /// What the JSON parser said.
        reason: String,
    },
}

/// Per-article figures of a cluster's summary.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ArticleSummary {
    /// The article's id in the corpus.
    pub id: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its date, as written.
    pub date: Option<String>,
    /// Its number of words.
    pub words: usize,
    /// Share of the reference's words it keeps (`None` for the reference itself).
    pub wire_kept: Option<f64>,
    /// Its findings, counted per kind.
    pub findings: BTreeMap<String, usize>,
}

/// A cluster's summary, as the job writes it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Summary {
    /// Articles in the cluster.
    pub size: usize,
    /// Articles compared (fewer when the cluster hit the size cap).
    pub compared: usize,
    /// The id of the reference article.
    pub reference: Option<String>,
    /// The outlets, sorted.
    pub outlets: Vec<String>,
    /// The earliest date.
    pub first_date: Option<String>,
    /// The latest date.
    pub last_date: Option<String>,
    /// Findings in all, over every article.
    pub damage: usize,
    /// Per article.
    pub articles: Vec<ArticleSummary>,
    /// Why the cluster is not compared whole, when it hit the size cap.
    pub note: Option<String>,
}

/// One cluster of the results.
#[derive(Debug, Clone)]
pub struct ClusterEntry {
    /// The cluster's name.
    pub cluster: String,
    /// The ids of its articles.
    pub members: Vec<String>,
    /// Its figures.
    pub summary: Summary,
    /// The reference article's headline.
    pub title: String,
    /// The kinds of finding its articles carry.
    pub kinds: BTreeSet<String>,
    report: Box<RawValue>,
}

/// Everything read from one results file.
#[derive(Debug, Clone)]
pub struct CorpusResults {
    /// The file read.
    pub path: PathBuf,
    /// Its clusters, in file order.
    pub clusters: Vec<ClusterEntry>,
    /// Lines that gave no cluster, in plain words (line number first).
    pub skipped: Vec<String>,
}

/// How the cluster list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, Deserialize)]
pub enum ClusterSort {
    /// By the number of distinct outlets.
    #[default]
    Outlets,
    /// By the number of articles.
    Size,
    /// By the earliest date.
    Date,
    /// By the number of findings.
    Damage,
    /// By name.
    Name,
}

impl ClusterSort {
    /// Every order, in the list's column order.
    pub const ALL: [Self; 5] = [
        Self::Name,
        Self::Size,
        Self::Outlets,
        Self::Date,
        Self::Damage,
    ];

    /// The column's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Outlets => "Outlets",
            Self::Size => "Articles",
            Self::Date => "Dates",
            Self::Damage => "Damage",
            Self::Name => "Cluster",
        }
    }
}

/// Which clusters the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterFilter {
    /// Only clusters with an article of this outlet.
    pub outlet: Option<String>,
    /// Only clusters with a finding of this kind.
    pub kind: Option<String>,
    /// Only clusters whose name, headline or a member id contains this (any case).
    pub text: String,
}

/// The line as the job writes it; `report` is kept raw.
#[derive(Deserialize)]
struct Line {
    cluster: String,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    summary: Summary,
    report: Option<Box<RawValue>>,
    error: Option<String>,
}

/// The part of a stored report the list needs.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    reference: usize,
    #[serde(default)]
    articles: Vec<HeadArticle>,
}

#[derive(Deserialize)]
struct HeadArticle {
    #[serde(default)]
    title: String,
}

/// The part of a stored report that rebuilds the comparison.
#[derive(Deserialize)]
struct Stored {
    #[serde(default)]
    reference: usize,
    #[serde(default)]
    options: StoredOptions,
    articles: Vec<StoredArticle>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StoredOptions {
    ignore: Vec<String>,
    granularity: String,
}

#[derive(Deserialize)]
struct StoredArticle {
    path: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    format: Option<Format>,
    #[serde(default)]
    encoding: Option<String>,
    #[serde(default)]
    paragraphs: Vec<String>,
}

/// True when `path` looks like corpus results: a JSON Lines file whose first line starts
/// with a `"cluster"` key (what the job writes; a batch *input* line also does, and is
/// then refused by [`load`] for lacking a report).
#[must_use]
pub fn looks_like_results(path: &Path) -> bool {
    let jsonl = path.extension().is_some_and(|e| {
        ["jsonl", "ndjson"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    if !jsonl {
        return false;
    }
    let mut head = [0u8; 256];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let text = String::from_utf8_lossy(head.get(..n).unwrap_or_default());
    text.trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with("\"cluster\""))
}

/// Reads a results file: every line that holds a cluster with its report, and a plain-words
/// reason for each line that does not (the others are kept).
///
/// # Errors
/// When the file cannot be read, or holds no cluster at all.
pub fn load(path: &Path) -> Result<CorpusResults, ResultsError> {
    let text = std::fs::read(path)
        .map_err(|e| ResultsError::Read {
            path: path.to_path_buf(),
            reason: io_reason(&e),
        })
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| ResultsError::NotResults {
                path: path.to_path_buf(),
                reason: "not UTF-8 text".to_string(),
            })
        })?;
    let mut clusters = Vec::new();
    let mut skipped = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match entry(line) {
            Ok(e) => clusters.push(e),
            Err(reason) => skipped.push(format!("line {}: {reason}", i + 1)),
        }
    }
    if clusters.is_empty() {
        let reason = skipped
            .first()
            .cloned()
            .unwrap_or_else(|| "the file is empty".to_string());
        return Err(ResultsError::NotResults {
            path: path.to_path_buf(),
            reason,
        });
    }
    Ok(CorpusResults {
        path: path.to_path_buf(),
        clusters,
        skipped,
    })
}

/// An I/O error in plain words.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "a directory, not a file".to_string(),
        _ => e.to_string(),
    }
}

/// One line as a cluster, or why it is none.
fn entry(line: &str) -> Result<ClusterEntry, String> {
    let l: Line = serde_json::from_str(line).map_err(|e| format!("not a cluster ({e})"))?;
    let report = match (l.report, l.error) {
        (Some(r), _) => r,
        (None, Some(e)) => return Err(format!("cluster {:?} was not compared: {e}", l.cluster)),
        (None, None) => return Err(format!("cluster {:?} has no report", l.cluster)),
    };
    let head: Head = serde_json::from_str(report.get()).map_err(|e| {
        format!(
            "the report of cluster {:?} is not a report ({e})",
            l.cluster
        )
    })?;
    let title = head
        .articles
        .get(head.reference)
        .or_else(|| head.articles.first())
        .map(|a| a.title.clone())
        .unwrap_or_default();
    let kinds = l
        .summary
        .articles
        .iter()
        .flat_map(|a| a.findings.keys().cloned())
        .collect();
    Ok(ClusterEntry {
        cluster: l.cluster,
        members: l.members,
        summary: l.summary,
        title,
        kinds,
        report,
    })
}

impl ClusterEntry {
    /// The stored report, as the job wrote it.
    #[must_use]
    pub fn stored_report(&self) -> &str {
        self.report.get()
    }

    /// The cluster the stored report describes, as `storydiff batch` read it: its articles
    /// with the paragraphs the report stores, the reference, and the options it was
    /// compared with.
    ///
    /// # Errors
    /// When the stored report lacks its articles.
    pub fn input(&self) -> Result<(Cluster, CompareOptions), ResultsError> {
        let stored: Stored =
            serde_json::from_str(self.report.get()).map_err(|e| ResultsError::BadReport {
                cluster: self.cluster.clone(),
                reason: e.to_string(),
            })?;
        let reference = stored
            .articles
            .get(stored.reference)
            .map(|a| a.path.clone());
        let members = stored
            .articles
            .into_iter()
            .map(|a| Record {
                id: a.path,
                title: a.title,
                outlet: a.outlet,
                author: a.author,
                date: a.date,
                format: a.format,
                encoding: a.encoding,
                paragraphs: Some(a.paragraphs),
                ..Record::default()
            })
            .collect();
        let ignore = |name: &str| stored.options.ignore.iter().any(|x| x == name);
        let options = CompareOptions {
            reference: 0,
            ignore_case: ignore("case"),
            ignore_punctuation: ignore("punctuation"),
            ignore_quotes: ignore("quotes"),
            ignore_whitespace: ignore("whitespace"),
            granularity: if stored.options.granularity == "char" {
                Granularity::Char
            } else {
                Granularity::Word
            },
        };
        Ok((
            Cluster {
                cluster: self.cluster.clone(),
                members,
                reference,
            },
            options,
        ))
    }

    /// Compares the cluster again from its stored articles (what the window shows and
    /// `storydiff report --cluster` prints).
    ///
    /// # Errors
    /// When the stored report lacks its articles.
    pub fn comparison(&self) -> Result<Comparison, ResultsError> {
        let (cluster, options) = self.input()?;
        Ok(super::compare_cluster(&cluster, &options))
    }

    /// True when `comparison` gives the very report stored (false when the results were
    /// made by another version of storydiff, or the stored report was edited).
    #[must_use]
    pub fn matches_stored(&self, comparison: &Comparison) -> bool {
        let now: Result<serde_json::Value, _> =
            serde_json::from_str(&crate::report::json::to_json(comparison));
        let stored: Result<serde_json::Value, _> = serde_json::from_str(self.report.get());
        matches!((now, stored), (Ok(a), Ok(b)) if a == b)
    }

    /// The number of distinct outlets.
    #[must_use]
    pub fn outlet_count(&self) -> usize {
        self.summary.outlets.len()
    }

    /// The number of articles (the summary's size, else the members).
    #[must_use]
    pub fn size(&self) -> usize {
        if self.summary.size > 0 {
            self.summary.size
        } else {
            self.members.len()
        }
    }

    /// True when the cluster passes `filter` (`needle`: the filter's text, lower-case).
    fn passes(&self, filter: &ClusterFilter, needle: &str) -> bool {
        if filter
            .outlet
            .as_ref()
            .is_some_and(|o| !self.summary.outlets.contains(o))
            || filter
                .kind
                .as_ref()
                .is_some_and(|k| !self.kinds.contains(k))
        {
            return false;
        }
        needle.is_empty()
            || self.cluster.to_lowercase().contains(needle)
            || self.title.to_lowercase().contains(needle)
            || self
                .members
                .iter()
                .any(|m| m.to_lowercase().contains(needle))
    }
}

impl CorpusResults {
    /// Every outlet of every cluster, sorted.
    #[must_use]
    pub fn outlets(&self) -> Vec<String> {
        let all: BTreeSet<&String> = self
            .clusters
            .iter()
            .flat_map(|c| &c.summary.outlets)
            .collect();
        all.into_iter().cloned().collect()
    }

    /// Every kind of finding of every cluster, sorted.
    #[must_use]
    pub fn kinds(&self) -> Vec<String> {
        let all: BTreeSet<&String> = self.clusters.iter().flat_map(|c| &c.kinds).collect();
        all.into_iter().cloned().collect()
    }

    /// The clusters `filter` leaves, as indices into [`CorpusResults::clusters`], ordered by
    /// `sort` (largest first when `descending`; ties by name, then file order).
    #[must_use]
    pub fn order(&self, sort: ClusterSort, descending: bool, filter: &ClusterFilter) -> Vec<usize> {
        let needle = filter.text.trim().to_lowercase();
        let mut shown: Vec<usize> = (0..self.clusters.len())
            .filter(|&i| {
                self.clusters
                    .get(i)
                    .is_some_and(|c| c.passes(filter, &needle))
            })
            .collect();
        let key = |i: &usize| self.clusters.get(*i);
        shown.sort_by(|a, b| {
            let (Some(x), Some(y)) = (key(a), key(b)) else {
                return std::cmp::Ordering::Equal;
            };
            let primary = match sort {
                ClusterSort::Outlets => x.outlet_count().cmp(&y.outlet_count()),
                ClusterSort::Size => x.size().cmp(&y.size()),
                ClusterSort::Date => x.summary.first_date.cmp(&y.summary.first_date),
                ClusterSort::Damage => x.summary.damage.cmp(&y.summary.damage),
                ClusterSort::Name => std::cmp::Ordering::Equal,
            };
            let primary = if descending {
                primary.reverse()
            } else {
                primary
            };
            primary
                .then_with(|| x.cluster.cmp(&y.cluster))
                .then(a.cmp(b))
        });
        shown
    }

    /// The cluster named `name`.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<&ClusterEntry> {
        self.clusters.iter().find(|c| c.cluster == name)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn record(id: &str, outlet: &str, text: &str) -> Record {
        Record {
            id: id.to_owned(),
            outlet: Some(outlet.to_owned()),
            text: Some(text.to_owned()),
            ..Record::default()
        }
    }

    /// A results line as the job writes it, with the report `storydiff batch` gives.
    fn line(name: &str, members: &[Record], damage: usize, kind: &str) -> String {
        let cluster = Cluster {
            cluster: name.to_owned(),
            members: members.to_vec(),
            reference: None,
        };
        let answer: serde_json::Value = serde_json::from_str(&crate::report::json::to_batch_line(
            name,
            &super::super::compare_cluster(&cluster, &CompareOptions::default()),
        ))
        .unwrap();
        let outlets: BTreeSet<String> = members.iter().filter_map(|m| m.outlet.clone()).collect();
        serde_json::json!({
            "cluster": name,
            "members": members.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
            "summary": {"size": members.len(), "outlets": outlets, "damage": damage,
                        "articles": [{"id": members[0].id, "findings": {kind: damage}}]},
            "report": answer["report"],
        })
        .to_string()
    }

    fn results() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clusters.jsonl");
        let text = [
            line(
                "c-harbour",
                &[
                    record("a.txt", "Wire", "The harbour bridge opens on Monday.\n\nThe mayor said it cost 84 million."),
                    record("b.txt", "Daily", "The harbour bridge opens on Monday.\n\nThe mayor said it cost 48 million.\n\nLeave a Reply"),
                ],
                1,
                "boilerplate",
            ),
            "not json".to_owned(),
            line(
                "b-storm",
                &[
                    record("c.txt", "Wire", "A storm closed the airport."),
                    record("d.txt", "Post", "A storm closed the airport on Friday."),
                    record("e.txt", "Daily", "Storm closes the airport."),
                ],
                0,
                "garbled",
            ),
        ]
        .join("\n");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn stored_report_gives_back_the_same_comparison() {
        let (_dir, path) = results();
        assert!(looks_like_results(&path));
        let r = load(&path).unwrap();
        assert_eq!(r.clusters.len(), 2);
        assert_eq!(r.skipped.len(), 1);
        assert!(
            r.skipped[0].starts_with("line 2: not a cluster"),
            "{:?}",
            r.skipped
        );
        let c = r.find("c-harbour").unwrap();
        let comparison = c.comparison().unwrap();
        assert_eq!(comparison.articles.len(), 2);
        assert_eq!(comparison.articles[1].outlet.as_deref(), Some("Daily"));
        assert!(c.matches_stored(&comparison));
        let other = r.find("b-storm").unwrap().comparison().unwrap();
        assert!(!c.matches_stored(&other));
    }

    #[test]
    fn order_sorts_and_filters() {
        let (_dir, path) = results();
        let r = load(&path).unwrap();
        let names = |v: Vec<usize>| -> Vec<&str> {
            v.into_iter()
                .map(|i| r.clusters[i].cluster.as_str())
                .collect()
        };
        let all = ClusterFilter::default();
        assert_eq!(
            names(r.order(ClusterSort::Size, true, &all)),
            ["b-storm", "c-harbour"]
        );
        assert_eq!(
            names(r.order(ClusterSort::Damage, true, &all)),
            ["c-harbour", "b-storm"]
        );
        assert_eq!(
            names(r.order(ClusterSort::Name, false, &all)),
            ["b-storm", "c-harbour"]
        );
        let post = ClusterFilter {
            outlet: Some("Post".into()),
            ..ClusterFilter::default()
        };
        assert_eq!(names(r.order(ClusterSort::Size, true, &post)), ["b-storm"]);
        let boilerplate = ClusterFilter {
            kind: Some("boilerplate".into()),
            ..ClusterFilter::default()
        };
        assert_eq!(
            names(r.order(ClusterSort::Size, true, &boilerplate)),
            ["c-harbour"]
        );
        assert_eq!(r.outlets(), ["Daily", "Post", "Wire"]);
    }

    #[test]
    fn a_file_without_clusters_is_refused_with_its_path_last() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        std::fs::write(&path, "{\"cluster\": \"a\", \"members\": []}\n").unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(e.contains("has no report"), "{e}");
        assert!(e.ends_with(&path.display().to_string()), "{e}");
        assert!(
            load(&dir.path().join("missing.jsonl"))
                .unwrap_err()
                .to_string()
                .contains("file not found")
        );
    }
}
