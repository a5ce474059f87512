//! Corpus records: the JSON Lines an archive of articles is kept in for the Spark job
//! (`spark/storydiff-corpus`), written by `storydiff export --jsonl` with the loaders the
//! window uses, and the `storydiff batch` step that compares one cluster of such records per
//! input line with the ordinary engine.
//!
//! One record per line: `id` (required), `text` or `paragraphs`, and optionally `title`,
//! `outlet` (or `site`), `author`, `url`, `date`, `format`, `encoding`. A batch line is
//! `{"cluster": "…", "members": [record, …]}` (optionally `"note"`); its answer is
//! `{"cluster": "…", "report": {storydiff-report/1}}`, or `{"cluster": "…", "error": "…"}`.

use std::io::{BufRead, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{Article, ArticleRef, CompareOptions, Format, LoadFailure, Paragraph};

pub mod results;

/// One article of a corpus, as a JSON Lines record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// A name unique in the corpus; `storydiff export` uses the path (`path#N` for the N-th
    /// article of a file holding several), so a cluster's report names the same articles as
    /// `storydiff report` on those files.
    pub id: String,
    /// The headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet or publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The site, read as the outlet when `outlet` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Where the article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publication date, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The format the article was read from (`txt`, `md`, `html`, `json`; default `txt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// The encoding its file was decoded with (default `UTF-8`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The body, paragraphs split as in a text file (blank lines, or one per line), when
    /// `paragraphs` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The body's paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<String>>,
}

impl Record {
    /// The record of a loaded article.
    #[must_use]
    pub fn from_article(article: Article) -> Self {
        Self {
            id: article.path,
            title: Some(article.title),
            outlet: article.outlet,
            site: None,
            author: article.author,
            url: None,
            date: article.date,
            format: Some(article.format),
            encoding: Some(article.encoding),
            text: None,
            paragraphs: Some(article.paragraphs.into_iter().map(|p| p.text).collect()),
        }
    }

    /// The article this record holds, with `source` as its place among the inputs.
    #[must_use]
    pub fn to_article(&self, source: ArticleRef) -> Article {
        let paragraphs: Vec<String> = match (&self.paragraphs, &self.text) {
            (Some(p), _) => p.iter().filter(|p| !p.trim().is_empty()).cloned().collect(),
            (None, Some(text)) => crate::load::txt::paragraphs(text),
            (None, None) => Vec::new(),
        };
        Article {
            path: self.id.clone(),
            title: self.title.clone().unwrap_or_else(|| self.id.clone()),
            outlet: self.outlet.clone().or_else(|| self.site.clone()),
            author: self.author.clone(),
            date: self.date.clone(),
            format: self.format.unwrap_or(Format::Txt),
            encoding: self.encoding.clone().unwrap_or_else(|| "UTF-8".to_owned()),
            paragraphs: paragraphs
                .into_iter()
                .map(|text| Paragraph { text })
                .collect(),
            source,
        }
    }
}

/// The records of every article in `paths`, each file read with the loaders the window
/// uses, and a failure (naming the file and the reason) for each file that could not be.
#[must_use]
pub fn export(paths: &[impl AsRef<Path>]) -> (Vec<Record>, Vec<LoadFailure>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let path = path.as_ref();
        match crate::load::load_path(path) {
            Ok(articles) => records.extend(articles.into_iter().map(Record::from_article)),
            Err(e) => errors.push(LoadFailure {
                path: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
    (records, errors)
}

/// One line of `storydiff batch`'s input: a cluster of records to compare.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Cluster {
    /// The cluster's name.
    pub cluster: String,
    /// Its articles.
    pub members: Vec<Record>,
    /// The id of the article the others are compared with (default: the first in path
    /// order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// The order `storydiff report` gives files named on its command line: by path, the articles
/// of one file (`path#N`) in the order the file holds them.
fn path_order(id: &str) -> (&str, usize) {
    match id.rsplit_once('#') {
        Some((path, n)) => match n.parse::<usize>() {
            Ok(n) => (path, n),
            Err(_) => (id, 0),
        },
        None => (id, 0),
    }
}

/// Compares one cluster: its members in path order (as `storydiff report` orders files),
/// the reference the member [`Cluster::reference`] names, else the first.
#[must_use]
pub fn compare_cluster(cluster: &Cluster, options: &CompareOptions) -> crate::model::Comparison {
    let (articles, options) = cluster_articles(cluster, options);
    crate::compare(articles, Vec::new(), &options, &mut |_| {})
}

/// What [`compare_cluster`] compares: the members as articles in path order (sources
/// numbered as `storydiff report` numbers its files) and `options` with the reference set.
#[must_use]
pub fn cluster_articles(
    cluster: &Cluster,
    options: &CompareOptions,
) -> (Vec<Article>, CompareOptions) {
    let mut members: Vec<&Record> = cluster.members.iter().collect();
    members.sort_by(|a, b| path_order(&a.id).cmp(&path_order(&b.id)));
    let mut articles: Vec<Article> = Vec::with_capacity(members.len());
    let mut previous: Option<(&str, ArticleRef)> = None;
    for record in &members {
        let (path, _) = path_order(&record.id);
        let source = match previous {
            Some((p, at)) if p == path => ArticleRef {
                file: at.file,
                part: at.part + 1,
            },
            Some((_, at)) => ArticleRef {
                file: at.file + 1,
                part: 0,
            },
            None => ArticleRef::default(),
        };
        previous = Some((path, source));
        articles.push(record.to_article(source));
    }
    let mut options = options.clone();
    options.reference = cluster
        .reference
        .as_ref()
        .and_then(|id| members.iter().position(|r| &r.id == id))
        .unwrap_or(0);
    (articles, options)
}

/// Why a batch line gave no report.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The line is not a cluster.
    #[error("line {line} is not a cluster ({reason})")]
    NotACluster {
        /// 1-based line number.
        line: usize,
        /// What the JSON parser said.
        reason: String,
    },
    /// The cluster has no article with text.
    #[error("cluster {0:?} has no article with text")]
    Empty(String),
}

/// Counts of what [`run_batch`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchStats {
    /// Clusters compared.
    pub reports: usize,
    /// Lines answered with an error.
    pub errors: usize,
}

/// `storydiff batch`: reads clusters as JSON lines from `input` and writes one answer line
/// per non-blank input line to `output`: the cluster's `storydiff-report/1`, or an error in
/// plain words (the other clusters go on). `on_error` hears each error too.
///
/// # Errors
/// Only reading `input` or writing `output` fails the whole batch.
pub fn run_batch(
    input: impl BufRead,
    mut output: impl Write,
    options: &CompareOptions,
    on_error: &mut dyn FnMut(&BatchError),
) -> std::io::Result<BatchStats> {
    let mut stats = BatchStats::default();
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Cluster>(&line) {
            Err(e) => Err(BatchError::NotACluster {
                line: i + 1,
                reason: e.to_string(),
            }),
            Ok(cluster) => {
                let comparison = compare_cluster(&cluster, options);
                if comparison.articles.iter().all(|a| a.paragraphs.is_empty()) {
                    Err(BatchError::Empty(cluster.cluster))
                } else {
                    Ok(crate::report::json::to_batch_line(
                        &cluster.cluster,
                        &comparison,
                    ))
                }
            }
        };
        let text = match answer {
            Ok(text) => {
                stats.reports += 1;
                text
            }
            Err(e) => {
                stats.errors += 1;
                on_error(&e);
                let cluster = match &e {
                    BatchError::Empty(name) => serde_json::Value::from(name.as_str()),
                    BatchError::NotACluster { .. } => serde_json::Value::Null,
                };
                serde_json::json!({"cluster": cluster, "error": e.to_string()}).to_string()
            }
        };
        output.write_all(text.as_bytes())?;
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, text: &str) -> Record {
        Record {
            id: id.to_owned(),
            text: Some(text.to_owned()),
            ..Record::default()
        }
    }

    #[test]
    fn members_are_compared_in_path_order_with_parts_in_file_order() {
        let cluster = Cluster {
            cluster: "c".into(),
            members: vec![
                record("b.jsonl#10", "Ten."),
                record("b.jsonl#2", "Two."),
                record("a.txt", "A."),
            ],
            reference: Some("b.jsonl#2".into()),
        };
        let c = compare_cluster(&cluster, &CompareOptions::default());
        let ids: Vec<&str> = c.articles.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(ids, ["a.txt", "b.jsonl#2", "b.jsonl#10"]);
        let sources: Vec<(usize, usize)> = c
            .articles
            .iter()
            .map(|a| (a.source.file, a.source.part))
            .collect();
        assert_eq!(sources, [(0, 0), (1, 0), (1, 1)]);
        assert_eq!(c.options.reference, 1);
    }

    #[test]
    fn text_is_split_into_paragraphs_and_site_stands_for_outlet() {
        let r = Record {
            site: Some("example.org".into()),
            ..record("x", "First paragraph.\n\nSecond paragraph.")
        };
        let a = r.to_article(ArticleRef::default());
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.outlet.as_deref(), Some("example.org"));
        assert_eq!(a.title, "x");
        assert_eq!(a.format, Format::Txt);
    }

    #[test]
    fn a_bad_line_is_answered_with_an_error_and_the_next_cluster_still_compared() {
        let input = "not json\n\n{\"cluster\":\"k\",\"members\":[{\"id\":\"a\",\"text\":\"The mayor spoke on Monday.\"},{\"id\":\"b\",\"text\":\"The mayor spoke on Tuesday.\"}]}\n{\"cluster\":\"e\",\"members\":[]}\n";
        let mut out = Vec::new();
        let mut heard = Vec::new();
        let stats = run_batch(
            input.as_bytes(),
            &mut out,
            &CompareOptions::default(),
            &mut |e| heard.push(e.to_string()),
        )
        .unwrap();
        assert_eq!(
            stats,
            BatchStats {
                reports: 1,
                errors: 2
            }
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[0]["error"]
                .as_str()
                .unwrap()
                .starts_with("line 1 is not a cluster")
        );
        assert_eq!(lines[1]["cluster"], "k");
        assert_eq!(lines[1]["report"]["schema"], "storydiff-report/1");
        assert_eq!(lines[1]["report"]["articles"].as_array().unwrap().len(), 2);
        assert_eq!(lines[2]["cluster"], "e");
        assert!(lines[2]["error"].as_str().unwrap().contains("no article"));
        assert_eq!(heard.len(), 2);
    }
}
