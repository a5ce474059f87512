//! The one result type that flows from the engine to the views and reports.
//!
//! Loading produces [`Article`]s; [`crate::compare::compare`] turns them into a
//! [`Comparison`] (aligned [`Row`]s of [`Cell`]s with word-level [`Op`]s, a
//! similarity matrix and [`Finding`]s). The GUI only draws a finished
//! `Comparison`; `storydiff report` serialises it.

use serde::{Deserialize, Serialize};

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Txt,
    /// Markdown, reduced to its text.
    Md,
    /// A saved web page; the article body is extracted.
    Html,
    /// JSON: schema.org `NewsArticle`, `title` + `body`, or BASIL `body-paragraphs`.
    Json,
}

impl Format {
    /// The lowercase name used in reports (`txt`, `md`, `html`, `json`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Txt => "txt",
            Self::Md => "md",
            Self::Html => "html",
            Self::Json => "json",
        }
    }
}

/// One paragraph of an article, as displayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The display text, exactly as in the file (no folding, no trimming inside).
    pub text: String,
}

/// One loaded article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The path the article was loaded from, as the user gave it. For a JSON array
    /// or JSON Lines file holding several articles, `path#N` (N counted from 1).
    pub path: String,
    /// The headline, or the file name when the file has none.
    pub title: String,
    /// The outlet or publisher when the file names one (JSON `publisher`/`source`, HTML site name).
    pub outlet: Option<String>,
    /// Byline when the file names one.
    pub author: Option<String>,
    /// Publication date when the file names one, as written there.
    pub date: Option<String>,
    /// The format the article was read as.
    pub format: Format,
    /// The text encoding used to decode the file (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: String,
    /// The paragraphs of the body, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Which input this article came from: the file's index in the list given to
    /// [`crate::compare_files`], and the article's index within that file (0 unless the file
    /// holds several articles). Overrides and views find an article's file through it.
    #[serde(default)]
    pub source: ArticleRef,
}

/// An article named by where it came from rather than by its place among the loaded
/// articles, so that a file that fails to load or a reordered column does not shift it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct ArticleRef {
    /// Index of the file in the list of inputs.
    pub file: usize,
    /// Index of the article within that file (0 for a file holding one article).
    pub part: usize,
}

/// A correction the user made to the alignment or to the labels. The engine applies the
/// overrides of a comparison in order, after aligning and before diffing and detecting, so
/// every view and report shows their effect; one that no longer applies (its paragraph is
/// gone) is skipped.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Override {
    /// Take one paragraph out of its row: it becomes a row of its own, right below.
    Unlink {
        /// The article.
        article: ArticleRef,
        /// Paragraph index within the article.
        paragraph: usize,
    },
    /// Put a paragraph into the row that holds another article's paragraph; whatever that
    /// row held of the first article moves out to a row of its own.
    Link {
        /// The article whose paragraph moves.
        article: ArticleRef,
        /// Its paragraph.
        paragraph: usize,
        /// The article whose row it joins.
        with_article: ArticleRef,
        /// The paragraph naming that row.
        with_paragraph: usize,
    },
    /// Split the row holding this paragraph: the paragraph and those after it in the same
    /// cell start a new row below (with nothing of the other articles).
    Split {
        /// The article.
        article: ArticleRef,
        /// The first paragraph of the new row.
        paragraph: usize,
    },
    /// Join the row holding this paragraph with the row right after it.
    JoinNext {
        /// The article.
        article: ArticleRef,
        /// A paragraph of the upper row.
        paragraph: usize,
    },
    /// Say what a paragraph is, whatever boilerplate detection found: page furniture
    /// (`furniture: true`) or story text (`false`).
    Furniture {
        /// The article.
        article: ArticleRef,
        /// Paragraph index within the article.
        paragraph: usize,
        /// True: page furniture; false: story text.
        furniture: bool,
    },
    /// Treat the article as a report of the same story even though it shares little wording.
    SameStory {
        /// The article.
        article: ArticleRef,
    },
}

impl Override {
    /// The places this correction names: each article with its paragraph (`None` for a
    /// correction about the whole article).
    #[must_use]
    pub fn places(&self) -> Vec<(ArticleRef, Option<usize>)> {
        match *self {
            Self::Unlink { article, paragraph }
            | Self::Split { article, paragraph }
            | Self::JoinNext { article, paragraph }
            | Self::Furniture {
                article, paragraph, ..
            } => vec![(article, Some(paragraph))],
            Self::Link {
                article,
                paragraph,
                with_article,
                with_paragraph,
            } => vec![
                (article, Some(paragraph)),
                (with_article, Some(with_paragraph)),
            ],
            Self::SameStory { article } => vec![(article, None)],
        }
    }
}

impl Article {
    /// An article of plain-text paragraphs, as if read from a UTF-8 `.txt` file at `path`
    /// (the path doubles as the title). For tests, benchmarks and callers that already hold text.
    #[must_use]
    pub fn from_texts<S: Into<String>>(
        path: impl Into<String>,
        paragraphs: impl IntoIterator<Item = S>,
    ) -> Self {
        let path = path.into();
        Self {
            title: path.clone(),
            path,
            outlet: None,
            author: None,
            date: None,
            format: Format::Txt,
            encoding: "UTF-8".to_string(),
            paragraphs: paragraphs
                .into_iter()
                .map(|text| Paragraph { text: text.into() })
                .collect(),
            source: ArticleRef::default(),
        }
    }

    /// Number of words (Unicode word segments containing a letter or digit) in the body.
    #[must_use]
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation as _;
        self.paragraphs
            .iter()
            .map(|p| {
                p.text
                    .unicode_words()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
            })
            .sum()
    }

    /// The article's headline, or `None` when the file has none and [`Article::title`] is
    /// only the file name (or the path) standing in for it.
    #[must_use]
    pub fn headline(&self) -> Option<&str> {
        let title = self.title.trim();
        if title.is_empty() || self.title == self.path {
            return None;
        }
        // `path#N` names the N-th article of a JSON array; its stand-in title is the file name.
        let file = match self.path.rsplit_once('#') {
            Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
            _ => self.path.as_str(),
        };
        let stand_in = std::path::Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy());
        if stand_in.is_some_and(|n| n == self.title) {
            return None;
        }
        Some(&self.title)
    }

    /// A short label for headers: the outlet when known, else the file name.
    #[must_use]
    pub fn short_name(&self) -> String {
        if let Some(outlet) = &self.outlet {
            return outlet.clone();
        }
        std::path::Path::new(&self.path)
            .file_name()
            .map_or_else(|| self.path.clone(), |n| n.to_string_lossy().into_owned())
    }
}

/// How finely two texts are diffed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Word by word (the default).
    #[default]
    Word,
    /// Character by character.
    Char,
}

/// What the comparison ignores, and how it diffs. By default only typographic variants are
/// ignored (see [`CompareOptions::ignore_quotes`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CompareOptions {
    /// Index of the reference article among the loaded articles.
    pub reference: usize,
    /// Treat upper and lower case as equal.
    pub ignore_case: bool,
    /// Ignore punctuation marks.
    pub ignore_punctuation: bool,
    /// Treat typographic variants as equal (on by default): curly and straight quotes and
    /// apostrophes; a dash between spaces however written (`-`, `--`, `–`, `—`); a hyphen,
    /// figure dash or en dash between figures; no-break and other Unicode spaces and a space;
    /// `…` and `...`. Hyphens inside words are not folded. The display text is never changed.
    pub ignore_quotes: bool,
    /// Treat any run of whitespace, and its absence between words, as equal.
    pub ignore_whitespace: bool,
    /// Word or character diff.
    pub granularity: Granularity,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self {
            reference: 0,
            ignore_case: false,
            ignore_punctuation: false,
            ignore_quotes: true,
            ignore_whitespace: false,
            granularity: Granularity::Word,
        }
    }
}

/// The tag of one diff operation of a cell against the reference cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpTag {
    /// Text present in both; `text` is this article's wording.
    Equal,
    /// Text of the reference that this article lacks.
    Delete,
    /// Text this article has that the reference lacks.
    Insert,
}

/// A run of characters in one paragraph of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Paragraph index within the article.
    pub paragraph: usize,
    /// Start offset in characters (Unicode scalar values) into the paragraph's display text.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
}

/// One diff operation of a cell against the reference cell of its row.
///
/// Invariant (checked by a property test): for every paragraph of the cell, the
/// `Equal` and `Insert` ops on it, in order, cover its display text exactly; the
/// `Delete` ops and the `ref_span`s of `Equal` ops cover the reference cell's text exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Op {
    /// Equal, delete or insert.
    pub tag: OpTag,
    /// Display text: this article's for `Equal`/`Insert`, the reference's for `Delete`.
    pub text: String,
    /// Where `text` sits: in this article for `Equal`/`Insert`, in the reference for `Delete`.
    pub span: Span,
    /// For `Equal` ops: the matching text in the reference article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_span: Option<Span>,
    /// True when this op belongs to a change that differs only in whitespace
    /// ("Ukrainein" vs "Ukraine in").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whitespace_only: bool,
}

/// One article's part of an aligned row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// Consecutive paragraph indices of this article (one, or several when an outlet split a paragraph).
    pub paragraphs: Vec<usize>,
    /// Similarity to the reference cell, 0–1 (1.0 for the reference itself).
    pub similarity: f64,
    /// True when this article carries the passage at a different place in its order than the reference.
    pub moved: bool,
    /// Diff operations against the reference cell (all `Equal` for the reference).
    pub ops: Vec<Op>,
    /// How this passage relates to the reference's, decided from [`Cell::similarity`]:
    /// the same text, a rewording (shown as a word diff) or an independently written passage
    /// about the same facts (shown with its shared and differing facts, not a word diff).
    #[serde(default)]
    pub relation: Relation,
    /// For reworded and related passages: which sentence of the reference's passage each of
    /// its sentences corresponds to (shared facts, not shared wording).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<SentenceLink>,
    /// For related passages (and the reference passage of their row): the words that carry
    /// facts — names, figures, distinctive words — marked as shared with the other side or
    /// as stated only here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<FactMark>,
    /// Set when the word diff of this cell was cut short (a very long passage whose word diff
    /// ran past its time budget): plain words saying how it was compared instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a cell's passage relates to the reference's passage in its row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same text (the reference itself, or no wording changed).
    Same,
    /// The same passage with wording changed: a copy or near-copy, shown as a word diff.
    #[default]
    Reworded,
    /// Written independently about the same facts: little wording in common, so it is shown
    /// with its facts marked rather than as a word diff.
    Related,
    /// The passage in another language: a translation of the reference's passage (or the
    /// source of it), aligned by lengths and anchors; shown with its anchors (figures,
    /// names, addresses) marked as kept or missing, never as a word diff.
    Translation,
}

impl Relation {
    /// The lower-case name used in JSON ("same", "reworded", "related", "translation").
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::Reworded => "reworded",
            Self::Related => "related",
            Self::Translation => "translation",
        }
    }
}

/// What a translation cell says about itself: "translation · 4 of 5 figures and names
/// kept", "translation · 3 kept, a figure or name missing or changed", or, without a source passage,
/// "translation · no source passage: possibly added in translation".
#[must_use]
pub fn translation_caption(cell: &Cell, has_source: bool) -> String {
    if !has_source {
        return "translation · no source passage: possibly added in translation".to_string();
    }
    let shared = cell.marks.iter().filter(|m| m.shared).count();
    let own = cell.marks.len() - shared;
    match (shared, own) {
        (0, 0) => "translation · no figures or names to check".to_string(),
        (s, 0) => format!("translation · {s} figures and names kept"),
        (s, 1) => format!("translation · {s} kept, a figure or name missing or changed"),
        (s, o) => format!("translation · {s} kept, {o} figures or names missing or changed"),
    }
}

/// One sentence of a passage linked to the reference sentence it corresponds to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SentenceLink {
    /// The sentence in the reference article.
    pub ref_span: Span,
    /// The sentence in this article.
    pub span: Span,
    /// Topical similarity of the two sentences, 0–1.
    pub similarity: f64,
}

/// A fact-bearing word of a related passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactMark {
    /// Where the word is, in this article.
    pub span: Span,
    /// True when the other side of the pair carries it too; false when only this side does
    /// (a figure or name the other passage does not state).
    pub shared: bool,
}

/// One article's headline compared with the reference's headline.
///
/// The ops follow the rules of [`Cell::ops`], with the headline as the only "paragraph":
/// every [`Span`] has `paragraph` 0 and offsets in characters into [`Article::title`] (for
/// `Equal`/`Insert`) or into the reference's title (for `Delete`). When the reference has no
/// headline, the whole headline is one `Insert`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadlineCell {
    /// Similarity to the reference's headline, 0–1 (1.0 for the reference itself, 0.0
    /// when the reference has no headline).
    pub similarity: f64,
    /// Diff operations against the reference's headline (all `Equal` for the reference).
    pub ops: Vec<Op>,
}

/// One row of aligned passages: one cell per article, `None` where the article lacks the passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// One entry per article, in article order.
    pub cells: Vec<Option<Cell>>,
}

impl Row {
    /// True when every present cell equals the reference and no article lacks the passage.
    #[must_use]
    pub fn is_unchanged(&self) -> bool {
        self.cells.iter().all(|c| {
            c.as_ref()
                .is_some_and(|c| c.ops.iter().all(|op| op.tag == OpTag::Equal))
        })
    }
}

/// The kinds of finding the detectors report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The same or nearly the same passage twice in one article.
    DuplicatePassage,
    /// Text of the page, not of the story.
    Boilerplate,
    /// Words joined where a link or heading ended.
    GluedWords,
    /// A capitalised word mid-sentence where link text was pasted in.
    StrayCapital,
    /// Text decoded with the wrong encoding.
    Mojibake,
    /// A word repeated ("the the", "prosperous and prosperous").
    RepeatedWord,
    /// Quotation marks that do not pair.
    UnbalancedQuotes,
    /// One name spelled two ways.
    NameVariant,
    /// A pronoun whose gender or number changes between versions.
    PronounShift,
    /// Figures that differ between aligned passages.
    NumberMismatch,
    /// A quotation carried by two articles whose wording differs.
    QuoteMismatch,
    /// US/UK spelling or transliteration variant.
    SpellingVariant,
    /// A passage only one article carries.
    UniquePassage,
    /// What splitting or joining sentences leaves: a cut-off tail ("quotas. questions."),
    /// doubled punctuation (". ."), a space before a comma or stop.
    StrayFragment,
    /// Another language's typography in English text: « », „ “, a space before `:` or `?`.
    ForeignPunctuation,
    /// Two speech verbs for one statement ("…,” she said. she declares.").
    DoubledAttribution,
    /// Words of the source language left in an English translation: another script
    /// ("补贴政策"), or a stretch another language reliably.
    UntranslatedPassage,
    /// The agency credited in the dateline, photo credits and byline disagrees, is
    /// rendered in another language's form ("Associated Presse"), or differs from the
    /// reference's.
    CreditMismatch,
}

impl FindingKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 18] = [
        Self::DuplicatePassage,
        Self::Boilerplate,
        Self::GluedWords,
        Self::StrayCapital,
        Self::Mojibake,
        Self::RepeatedWord,
        Self::UnbalancedQuotes,
        Self::NameVariant,
        Self::PronounShift,
        Self::NumberMismatch,
        Self::QuoteMismatch,
        Self::SpellingVariant,
        Self::UniquePassage,
        Self::StrayFragment,
        Self::ForeignPunctuation,
        Self::DoubledAttribution,
        Self::UntranslatedPassage,
        Self::CreditMismatch,
    ];

    /// The `snake_case` name used in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DuplicatePassage => "duplicate_passage",
            Self::Boilerplate => "boilerplate",
            Self::GluedWords => "glued_words",
            Self::StrayCapital => "stray_capital",
            Self::Mojibake => "mojibake",
            Self::RepeatedWord => "repeated_word",
            Self::UnbalancedQuotes => "unbalanced_quotes",
            Self::NameVariant => "name_variant",
            Self::PronounShift => "pronoun_shift",
            Self::NumberMismatch => "number_mismatch",
            Self::QuoteMismatch => "quote_mismatch",
            Self::SpellingVariant => "spelling_variant",
            Self::UniquePassage => "unique_passage",
            Self::StrayFragment => "stray_fragment",
            Self::ForeignPunctuation => "foreign_punctuation",
            Self::DoubledAttribution => "doubled_attribution",
            Self::UntranslatedPassage => "untranslated_passage",
            Self::CreditMismatch => "credit_mismatch",
        }
    }

    /// A human label ("Duplicate passage").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::DuplicatePassage => "Duplicate passage",
            Self::Boilerplate => "Boilerplate",
            Self::GluedWords => "Glued words",
            Self::StrayCapital => "Stray capital",
            Self::Mojibake => "Mojibake",
            Self::RepeatedWord => "Repeated word",
            Self::UnbalancedQuotes => "Unbalanced quotes",
            Self::NameVariant => "Name variant",
            Self::PronounShift => "Pronoun shift",
            Self::NumberMismatch => "Number mismatch",
            Self::QuoteMismatch => "Quote mismatch",
            Self::SpellingVariant => "Spelling variant",
            Self::UniquePassage => "Unique passage",
            Self::StrayFragment => "Stray fragment",
            Self::ForeignPunctuation => "Foreign punctuation",
            Self::DoubledAttribution => "Doubled attribution",
            Self::UntranslatedPassage => "Untranslated passage",
            Self::CreditMismatch => "Credit mismatch",
        }
    }

    /// Whether the kind marks damage (as opposed to an editorial difference).
    #[must_use]
    pub fn is_damage(self) -> bool {
        matches!(
            self,
            Self::DuplicatePassage
                | Self::Boilerplate
                | Self::GluedWords
                | Self::StrayCapital
                | Self::Mojibake
                | Self::RepeatedWord
                | Self::UnbalancedQuotes
        )
    }

    /// Whether the kind is a quirk translation leaves (grouped under "Translation").
    #[must_use]
    pub fn is_translation(self) -> bool {
        matches!(
            self,
            Self::StrayFragment
                | Self::ForeignPunctuation
                | Self::DoubledAttribution
                | Self::UntranslatedPassage
                | Self::CreditMismatch
        )
    }

    /// The group a kind is listed under: "damage", "translation", or none (a difference
    /// between articles).
    #[must_use]
    pub fn group(self) -> Option<&'static str> {
        if self.is_damage() {
            Some("damage")
        } else if self.is_translation() {
            Some("translation")
        } else {
            None
        }
    }
}

/// A place in one article that a finding points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// Article index.
    pub article: usize,
    /// Paragraph index within the article.
    pub paragraph: usize,
    /// Start offset in characters into the paragraph's display text.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
}

/// One labelled observation about a span of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// What kind of finding this is.
    pub kind: FindingKind,
    /// Article index.
    pub article: usize,
    /// Paragraph index within the article.
    pub paragraph: usize,
    /// Start offset in characters into the paragraph's display text.
    pub start: usize,
    /// End offset (exclusive) in characters.
    pub end: usize,
    /// The flagged text (the display text between `start` and `end`).
    pub text: String,
    /// Plain-English explanation of why this was flagged.
    pub message: String,
    /// A suggested repair, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Other places involved (the other copy, the other spelling, the aligned passage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Location>,
    /// True when the user said so (an [`Override::Furniture`]) rather than a detector.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub manual: bool,
}

/// A file that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadFailure {
    /// The path as the user gave it.
    pub path: String,
    /// Plain-words reason, with the path last.
    pub message: String,
}

/// The finished comparison of N articles: what every view and report draws (the default
/// is the empty comparison of no articles).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The options the comparison was made with (including the reference index).
    pub options: CompareOptions,
    /// The articles, in the order given.
    pub articles: Vec<Article>,
    /// Files that could not be loaded.
    pub errors: Vec<LoadFailure>,
    /// Aligned rows, in reference order (passages absent from the reference placed
    /// where they fall in their own article).
    pub rows: Vec<Row>,
    /// Detector findings, sorted by article, paragraph, start, kind.
    pub findings: Vec<Finding>,
    /// Article × article similarity, 0–1, symmetric with 1.0 on the diagonal.
    pub similarity: Vec<Vec<f64>>,
    /// The headlines compared with the reference's: one entry per article, in article
    /// order, `None` where the article has no headline (see [`Article::headline`]).
    /// Empty in comparisons made before headlines were compared.
    #[serde(default)]
    pub headline: Vec<Option<HeadlineCell>>,
    /// The user's corrections this comparison was made with, in the order applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
    /// Article × article topical relatedness, 0–1, symmetric with 1.0 on the diagonal
    /// ([`crate::coverage::relatedness`]: shared names, figures and distinctive words, dates
    /// considered); it decides [`Comparison::is_unrelated`]. Empty in comparisons made before
    /// it existed (then the word similarity decides).
    #[serde(default)]
    pub relatedness: Vec<Vec<f64>>,
    /// The facts a fact-checker checks — quotes, figures, names — with every place each
    /// appears and which articles state it differently ([`crate::facts`]).
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Per article: true when it is in another language than the reference and aligned with
    /// it as a translation ([`crate::align::crosslang`]); its cells are
    /// [`Relation::Translation`]. Left out of JSON when no article is one.
    #[serde(default, skip_serializing_if = "no_translation")]
    pub translations: Vec<bool>,
}

#[expect(
    clippy::ptr_arg,
    reason = "serde's skip_serializing_if passes the field itself"
)]
fn no_translation(v: &Vec<bool>) -> bool {
    !v.contains(&true)
}

pub use crate::facts::{Fact, FactKind, Mention};

/// In comparisons made before [`Comparison::relatedness`] existed: below this word
/// similarity to every other article, an article is most likely about another story.
pub const UNRELATED_SIMILARITY: f64 = 0.05;

impl Comparison {
    /// True when article `a` is in another language than the reference and was aligned
    /// with it as a translation (its cells are [`Relation::Translation`]).
    #[must_use]
    pub fn is_translation(&self, a: usize) -> bool {
        self.translations.get(a).copied().unwrap_or(false)
    }

    /// What the empty cell of article `a` in row `r` says: "possibly omitted in
    /// translation" where a translation lacks a passage of its source, "possibly added in
    /// translation" where the source lacks a passage of its translation, otherwise "not in
    /// this article".
    #[must_use]
    pub fn missing_label(&self, r: usize, a: usize) -> &'static str {
        let Some(row) = self.rows.get(r) else {
            return "not in this article";
        };
        let reference = self.options.reference;
        let has_ref = row.cells.get(reference).is_some_and(Option::is_some);
        if a != reference && has_ref && self.is_translation(a) {
            "possibly omitted in translation"
        } else if a == reference
            && row.cells.iter().flatten().next().is_some()
            && row
                .cells
                .iter()
                .flatten()
                .all(|c| c.relation == Relation::Translation)
        {
            "possibly added in translation"
        } else {
            "not in this article"
        }
    }

    /// True when article `a` is most likely about another story: its
    /// [`Comparison::relatedness`] to every other article is below
    /// [`crate::coverage::UNRELATED_RELATEDNESS`] (views and reports say so once instead of
    /// flagging each of its passages). False when it is the only article, when an
    /// [`Override::SameStory`] names it, and for a translation and its source.
    #[must_use]
    pub fn is_unrelated(&self, a: usize) -> bool {
        if crate::overrides::is_same_story(&self.articles, &self.overrides, a) {
            return false;
        }
        // A translation tells the same story as its source, whatever its words.
        if self.is_translation(a)
            || (a == self.options.reference && self.translations.contains(&true))
        {
            return false;
        }
        if !self.relatedness.is_empty() {
            let Some(row) = self.relatedness.get(a) else {
                return false;
            };
            let mut others = row.iter().enumerate().filter(|&(b, _)| b != a).peekable();
            return others.peek().is_some()
                && others.all(|(_, &s)| s < crate::coverage::UNRELATED_RELATEDNESS);
        }
        let Some(row) = self.similarity.get(a) else {
            return false;
        };
        let mut others = row.iter().enumerate().filter(|&(b, _)| b != a).peekable();
        others.peek().is_some() && others.all(|(_, &s)| s < UNRELATED_SIMILARITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_that_is_only_the_file_name_is_no_headline() {
        let mut a = Article::from_texts("/news/wire.txt", ["Body."]);
        assert_eq!(a.headline(), None, "from_texts uses the path");
        a.title = "wire.txt".to_string();
        assert_eq!(a.headline(), None);
        a.path = "/news/feed.json#2".to_string();
        a.title = "feed.json".to_string();
        assert_eq!(a.headline(), None, "the N-th article of a JSON array");
        a.title = "Ferry service resumes after storm".to_string();
        assert_eq!(a.headline(), Some("Ferry service resumes after storm"));
    }
}
