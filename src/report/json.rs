//! The stable JSON report, schema `storydiff-report/1` (documented in the README).
//!
//! Fields are only ever added, never renamed. The same inputs and options give
//! byte-identical output: maps are avoided, floats are rounded to four decimals.

use serde::Serialize;

use crate::model::{
    Comparison, FactKind, FactMark, Finding, Location, Mention, Op, OpTag, Override, Span,
};

/// The schema name written in every report.
pub const SCHEMA: &str = "storydiff-report/1";

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    reference: usize,
    options: Options,
    articles: Vec<ArticleOut<'a>>,
    errors: Vec<ErrorOut<'a>>,
    rows: Vec<RowOut<'a>>,
    findings: Vec<FindingOut<'a>>,
    similarity: Vec<Vec<f64>>,
    /// Article × article topical relatedness (same story or another story).
    relatedness: Vec<Vec<f64>>,
    /// Quotes, figures and names with every place they appear.
    facts: Vec<FactOut<'a>>,
    /// The user's corrections, in the order applied; absent when there are none.
    #[serde(skip_serializing_if = "<[Override]>::is_empty")]
    overrides: &'a [Override],
}

#[derive(Serialize)]
struct Options {
    ignore: Vec<&'static str>,
    granularity: &'static str,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<&'a str>,
    format: &'static str,
    encoding: &'a str,
    words: usize,
    paragraphs: Vec<&'a str>,
    /// True when the article is most likely about another story.
    unrelated: bool,
    /// True when the article is in another language and aligned with the reference as a
    /// translation (its cells have relation "translation"); absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    translation: bool,
    /// Present only for an article not in English: the English-only checks skipped on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    english_only_skipped: Option<SkippedOut>,
    /// The headline diffed against the reference's; absent when the article has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<HeadlineOut<'a>>,
}

#[derive(Serialize)]
struct HeadlineOut<'a> {
    similarity: f64,
    ops: Vec<OpOut<'a>>,
}

#[derive(Serialize)]
struct SkippedOut {
    language: &'static str,
    kinds: Vec<&'static str>,
    note: String,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct RowOut<'a> {
    cells: Vec<Option<CellOut<'a>>>,
}

#[derive(Serialize)]
struct CellOut<'a> {
    paragraphs: &'a [usize],
    similarity: f64,
    moved: bool,
    relation: &'static str,
    ops: Vec<OpOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<LinkOut>,
    #[serde(skip_serializing_if = "<[FactMark]>::is_empty")]
    marks: &'a [FactMark],
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct LinkOut {
    reference: Span,
    span: Span,
    similarity: f64,
}

#[derive(Serialize)]
struct FactOut<'a> {
    kind: &'static str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    mentions: &'a [Mention],
    #[serde(skip_serializing_if = "<[Vec<usize>]>::is_empty")]
    differs: &'a [Vec<usize>],
}

#[derive(Serialize)]
struct OpOut<'a> {
    tag: &'static str,
    text: &'a str,
    paragraph: usize,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a Span>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    whitespace_only: bool,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    kind: &'static str,
    article: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    text: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Location]>::is_empty")]
    related: &'a [Location],
    /// True when the user made the finding (present only then).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    manual: bool,
}

fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

fn op_out(op: &Op) -> OpOut<'_> {
    OpOut {
        tag: match op.tag {
            OpTag::Equal => "equal",
            OpTag::Delete => "delete",
            OpTag::Insert => "insert",
        },
        text: &op.text,
        paragraph: op.span.paragraph,
        start: op.span.start,
        end: op.span.end,
        reference: op.ref_span.as_ref(),
        whitespace_only: op.whitespace_only,
    }
}

fn finding_out(f: &Finding) -> FindingOut<'_> {
    FindingOut {
        kind: f.kind.as_str(),
        article: f.article,
        paragraph: f.paragraph,
        start: f.start,
        end: f.end,
        text: &f.text,
        message: &f.message,
        suggestion: f.suggestion.as_deref(),
        related: &f.related,
        manual: f.manual,
    }
}

/// The names of the options that make the diff ignore something, in a fixed order.
fn ignored(o: &crate::model::CompareOptions) -> Vec<&'static str> {
    [
        (o.ignore_case, "case"),
        (o.ignore_punctuation, "punctuation"),
        (o.ignore_quotes, "quotes"),
        (o.ignore_whitespace, "whitespace"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect()
}

/// Per article: the English-only checks skipped on it, when it is not in English.
fn skipped_out(comparison: &Comparison) -> Vec<Option<SkippedOut>> {
    let mut skipped: Vec<Option<SkippedOut>> = comparison.articles.iter().map(|_| None).collect();
    for (i, lang, note) in crate::detect::language::skipped_notes(comparison) {
        if let Some(slot) = skipped.get_mut(i) {
            *slot = Some(SkippedOut {
                language: lang.code(),
                kinds: crate::detect::language::ENGLISH_ONLY
                    .iter()
                    .map(|k| k.as_str())
                    .collect(),
                note,
            });
        }
    }
    skipped
}

/// The facts table as the report writes it.
fn facts_out(comparison: &Comparison) -> Vec<FactOut<'_>> {
    comparison
        .facts
        .iter()
        .map(|f| FactOut {
            kind: match f.kind {
                FactKind::Quote => "quote",
                FactKind::Figure => "figure",
                FactKind::Name => "name",
            },
            text: &f.text,
            speaker: f.speaker.as_deref(),
            mentions: &f.mentions,
            differs: &f.differs,
        })
        .collect()
}

/// Serialises the comparison as the stable, pretty-printed JSON report (with a final newline).
#[must_use]
pub fn to_json(comparison: &Comparison) -> String {
    let mut out = serde_json::to_string_pretty(&report(comparison)).unwrap_or_else(|e| {
        format!("{{\"schema\":\"{SCHEMA}\",\"error\":\"could not serialise the report: {e}\"}}")
    });
    out.push('\n');
    out
}

/// One answer line of `storydiff batch` (no newline): `{"cluster": NAME, "report": REPORT}`,
/// the report the same as [`to_json`]'s, written on one line.
#[must_use]
pub fn to_batch_line(cluster: &str, comparison: &Comparison) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        cluster: &'a str,
        report: Report<'a>,
    }
    serde_json::to_string(&Line {
        cluster,
        report: report(comparison),
    })
    .unwrap_or_else(|e| {
        serde_json::json!({"cluster": cluster, "error": format!("could not serialise the report: {e}")})
            .to_string()
    })
}

fn report(comparison: &Comparison) -> Report<'_> {
    let o = &comparison.options;
    let mut skipped = skipped_out(comparison).into_iter();
    Report {
        schema: SCHEMA,
        reference: o.reference,
        options: Options {
            ignore: ignored(o),
            granularity: match o.granularity {
                crate::model::Granularity::Word => "word",
                crate::model::Granularity::Char => "char",
            },
        },
        articles: comparison
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleOut {
                path: &a.path,
                title: &a.title,
                outlet: a.outlet.as_deref(),
                author: a.author.as_deref(),
                date: a.date.as_deref(),
                format: a.format.as_str(),
                encoding: &a.encoding,
                words: a.word_count(),
                paragraphs: a.paragraphs.iter().map(|p| p.text.as_str()).collect(),
                unrelated: comparison.is_unrelated(i),
                translation: comparison.is_translation(i),
                english_only_skipped: skipped.next().flatten(),
                headline: comparison
                    .headline
                    .get(i)
                    .and_then(Option::as_ref)
                    .map(|h| HeadlineOut {
                        similarity: round4(h.similarity),
                        ops: h.ops.iter().map(op_out).collect(),
                    }),
            })
            .collect(),
        errors: comparison
            .errors
            .iter()
            .map(|e| ErrorOut {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
        rows: comparison
            .rows
            .iter()
            .map(|r| RowOut {
                cells: r
                    .cells
                    .iter()
                    .map(|c| {
                        c.as_ref().map(|c| CellOut {
                            paragraphs: &c.paragraphs,
                            similarity: round4(c.similarity),
                            moved: c.moved,
                            relation: c.relation.as_str(),
                            ops: c.ops.iter().map(op_out).collect(),
                            links: c
                                .links
                                .iter()
                                .map(|l| LinkOut {
                                    reference: l.ref_span,
                                    span: l.span,
                                    similarity: round4(l.similarity),
                                })
                                .collect(),
                            marks: &c.marks,
                            note: c.note.as_deref(),
                        })
                    })
                    .collect(),
            })
            .collect(),
        findings: comparison.findings.iter().map(finding_out).collect(),
        similarity: comparison
            .similarity
            .iter()
            .map(|r| r.iter().copied().map(round4).collect())
            .collect(),
        relatedness: comparison
            .relatedness
            .iter()
            .map(|r| r.iter().copied().map(round4).collect())
            .collect(),
        facts: facts_out(comparison),
        overrides: &comparison.overrides,
    }
}
