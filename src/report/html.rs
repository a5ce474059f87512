//! The HTML report: one self-contained HTML5 file to read in a browser, print, or send.
//!
//! The page has an inline style sheet and nothing else: no script, no font, no image, no link
//! leaving the page (a Content-Security-Policy `<meta>` forbids loading anything, as a second
//! line of defence). It shows the options, the articles, the similarity matrix, every aligned
//! row with its diff against the reference, and the findings by kind, each linked to its row.
//!
//! Every string that comes from an article or a file (titles, paths, paragraph text, finding
//! text and messages, load errors) goes through `push_text`, the one escape function, and
//! only ever into text content: no article string is written into an attribute, and no `href`
//! is made from article text (links are `#row-N` and `#finding-N`, built from numbers).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::detect::language::{self, Language};
use crate::model::{
    Cell, Comparison, FactKind, Finding, FindingKind, Granularity, Op, OpTag, Relation, Row,
};

/// The style sheet, inlined into every report.
const STYLE: &str = include_str!("html.css");

/// Renders the comparison as one self-contained HTML5 page (see the module docs).
#[must_use]
pub fn to_html(c: &Comparison) -> String {
    let index = Index::new(c);
    let mut out = String::with_capacity(16 * 1024 + text_size(c) * 2);
    write_head(&mut out, c);
    write_header(&mut out, c);
    write_articles(&mut out, c, &index);
    write_similarity(&mut out, c);
    write_legend(&mut out);
    write_rows(&mut out, c, &index);
    write_findings(&mut out, c, &index);
    write_facts(&mut out, c);
    out.push_str(
        "<footer><p>Written by storydiff. This file is self-contained: it loads nothing and \
         runs no script.</p></footer>\n</main>\n</body>\n</html>\n",
    );
    out
}

/// Characters of article text in the comparison, to size the output buffer.
fn text_size(c: &Comparison) -> usize {
    c.articles
        .iter()
        .flat_map(|a| a.paragraphs.iter())
        .map(|p| p.text.len())
        .sum()
}

/// Appends `s` to `out` as HTML text content: the one escape function of the report.
///
/// `&`, `<`, `>`, `"` and `'` become character references. The bidirectional embedding,
/// override and isolate controls (U+202A–U+202E, U+2066–U+2069), which could reorder the page
/// around them, and the C0 controls other than tab, line feed and carriage return (and DEL)
/// are not copied: each is shown visibly as its code point, `<span class="ctl">U+202E</span>`,
/// so that a reader sees it is in the text.
fn push_text(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => push_control(out, ch),
            '\t' | '\n' | '\r' => out.push(ch),
            c if c.is_ascii_control() => push_control(out, c),
            c => out.push(c),
        }
    }
}

/// A control character shown as its code point.
fn push_control(out: &mut String, ch: char) {
    let _ = write!(out, "<span class=\"ctl\">U+{:04X}</span>", u32::from(ch));
}

/// A count with its noun: "1 article", "3 articles".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A 0–1 score as a whole percentage ("64%").
fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Lookups shared by the sections: where each paragraph's row is, which findings sit on each
/// paragraph, which spans to mark, and each article's language.
struct Index {
    /// (article, paragraph) → row index.
    row_of: HashMap<(usize, usize), usize>,
    /// (article, paragraph) → indices into `c.findings`.
    findings_on: HashMap<(usize, usize), Vec<usize>>,
    /// (article, paragraph) → merged character ranges of findings that cover part of it.
    marks: HashMap<(usize, usize), Vec<(usize, usize)>>,
    /// Per article: its BCP 47 language tag.
    lang: Vec<&'static str>,
    /// Per article: it shares almost no wording with the reference (the text report's note).
    unrelated: Vec<bool>,
}

impl Index {
    fn new(c: &Comparison) -> Self {
        let mut row_of = HashMap::new();
        for (ri, row) in c.rows.iter().enumerate() {
            for (ai, cell) in row.cells.iter().enumerate() {
                for &p in cell.iter().flat_map(|cell| cell.paragraphs.iter()) {
                    row_of.entry((ai, p)).or_insert(ri);
                }
            }
        }
        let mut findings_on: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let mut ranges: HashMap<(usize, usize), Vec<(usize, usize)>> = HashMap::new();
        for (fi, f) in c.findings.iter().enumerate() {
            findings_on
                .entry((f.article, f.paragraph))
                .or_default()
                .push(fi);
            let len = c
                .articles
                .get(f.article)
                .and_then(|a| a.paragraphs.get(f.paragraph))
                .map_or(0, |p| p.text.chars().count());
            // A finding on the whole paragraph is shown by the cell's flag, not a mark.
            let whole = f.start == 0 && f.end >= len;
            if f.start < f.end && !whole {
                ranges
                    .entry((f.article, f.paragraph))
                    .or_default()
                    .push((f.start, f.end));
            }
        }
        let marks = ranges
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_unstable();
                let mut merged: Vec<(usize, usize)> = Vec::with_capacity(v.len());
                for (s, e) in v {
                    match merged.last_mut() {
                        Some(last) if s <= last.1 => last.1 = last.1.max(e),
                        _ => merged.push((s, e)),
                    }
                }
                (k, merged)
            })
            .collect();
        let unrelated = (0..c.articles.len()).map(|i| c.is_unrelated(i)).collect();
        Self {
            row_of,
            findings_on,
            marks,
            lang: c
                .articles
                .iter()
                .map(|a| lang_tag(language::of_article(a)))
                .collect(),
            unrelated,
        }
    }

    fn lang(&self, article: usize) -> &'static str {
        self.lang.get(article).copied().unwrap_or("und")
    }
}

/// The BCP 47 tag of a detected language: the two-letter code where ISO 639-1 has one,
/// whatlang's three-letter code otherwise, `und` when unknown.
fn lang_tag(l: Language) -> &'static str {
    let code = l.code();
    let two = match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        other => other,
    };
    if two.bytes().all(|b| b.is_ascii_lowercase()) {
        two
    } else {
        "und"
    }
}

fn write_head(out: &mut String, c: &Comparison) {
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n",
    );
    let _ = writeln!(
        out,
        "<title>storydiff report: {}</title>",
        plural(c.articles.len(), "article", "articles")
    );
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
}

/// An article's number and short name, as the column headers show it: `[2] name`.
fn push_article_name(out: &mut String, c: &Comparison, article: usize) {
    let _ = write!(out, "<span class=\"num\">[{}]</span> <bdi>", article + 1);
    if let Some(a) = c.articles.get(article) {
        push_text(out, &a.short_name());
    }
    out.push_str("</bdi>");
}

fn write_header(out: &mut String, c: &Comparison) {
    let o = &c.options;
    out.push_str("<header>\n<h1>storydiff report</h1>\n");
    let changed = c
        .rows
        .iter()
        .filter(|r| crate::compare::row_has_difference(r))
        .count();
    let damage = c.findings.iter().filter(|f| f.kind.is_damage()).count();
    let _ = writeln!(
        out,
        "<p class=\"summary\">{} compared · {} aligned, {} with differences · {} ({} damage, {} between articles)</p>",
        plural(c.articles.len(), "article", "articles"),
        plural(c.rows.len(), "row", "rows"),
        changed,
        plural(c.findings.len(), "finding", "findings"),
        damage,
        plural(c.findings.len() - damage, "difference", "differences")
    );
    out.push_str("<dl class=\"options\">\n<div><dt>Reference</dt><dd>");
    if c.articles.get(o.reference).is_some() {
        push_article_name(out, c, o.reference);
        out.push_str(" — every other article is diffed against it");
    } else {
        out.push_str("none (no article loaded)");
    }
    out.push_str("</dd></div>\n<div><dt>Diff</dt><dd>");
    out.push_str(match o.granularity {
        Granularity::Word => "word by word",
        Granularity::Char => "character by character",
    });
    out.push_str("</dd></div>\n");
    let toggles = [
        (o.ignore_case, "letter case"),
        (o.ignore_punctuation, "punctuation"),
        (
            o.ignore_quotes,
            "typography (quote style, dashes, special spaces)",
        ),
        (o.ignore_whitespace, "whitespace"),
    ];
    let ignored: Vec<&str> = toggles.iter().filter(|t| t.0).map(|t| t.1).collect();
    let counted: Vec<&str> = toggles.iter().filter(|t| !t.0).map(|t| t.1).collect();
    out.push_str("<div><dt>Ignored</dt><dd>");
    out.push_str(&if ignored.is_empty() {
        "nothing".to_string()
    } else {
        ignored.join(", ")
    });
    out.push_str("</dd></div>\n<div><dt>Counted</dt><dd>");
    out.push_str(&if counted.is_empty() {
        "only the letters and digits".to_string()
    } else {
        counted.join(", ")
    });
    out.push_str("</dd></div>\n</dl>\n");
    if !c.overrides.is_empty() {
        out.push_str("<section class=\"manual\"><h2>Manual changes</h2>\n<ul>\n");
        for o in &c.overrides {
            out.push_str("<li>");
            push_text(out, &crate::overrides::describe(&c.articles, o));
            out.push_str("</li>\n");
        }
        out.push_str("</ul></section>\n");
    }
    out.push_str(
        "<nav aria-label=\"Sections\"><a href=\"#articles\">Articles</a> \
         <a href=\"#similarity\">Similarity</a> <a href=\"#rows\">Rows</a> ",
    );
    if !c.facts.is_empty() {
        out.push_str("<a href=\"#facts\">Facts</a> ");
    }
    out.push_str("<a href=\"#findings\">Findings</a></nav>\n</header>\n");
}

fn write_articles(out: &mut String, c: &Comparison, index: &Index) {
    out.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n");
    if c.articles.is_empty() {
        out.push_str("<p class=\"note\">No article was loaded.</p>\n");
    } else {
        out.push_str("<ol class=\"articles\">\n");
        for (i, a) in c.articles.iter().enumerate() {
            let reference = i == c.options.reference;
            let _ = write!(
                out,
                "<li class=\"article{}\" id=\"article-{}\">\n<p class=\"head\"><span class=\"num\">[{}]</span>",
                if reference { " reference" } else { "" },
                i + 1,
                i + 1
            );
            if reference {
                out.push_str(" <span class=\"tag ref\">★ reference</span>");
            }
            if index.unrelated.get(i).copied().unwrap_or(false) {
                out.push_str(" <span class=\"tag other\">another story?</span>");
            }
            let _ = write!(out, "</p>\n<h3 dir=\"auto\" lang=\"{}\">", index.lang(i));
            push_text(out, &a.title);
            out.push_str("</h3>\n<dl class=\"facts\">\n<div><dt>File</dt><dd><bdi class=\"path\">");
            push_text(out, &a.path);
            out.push_str("</bdi></dd></div>\n");
            for (label, value) in [
                ("Outlet", &a.outlet),
                ("Author", &a.author),
                ("Date", &a.date),
            ] {
                if let Some(v) = value {
                    let _ = write!(out, "<div><dt>{label}</dt><dd><bdi>");
                    push_text(out, v);
                    out.push_str("</bdi></dd></div>\n");
                }
            }
            out.push_str("<div><dt>Read as</dt><dd>");
            push_text(out, a.format.as_str());
            out.push_str(" · ");
            push_text(out, &a.encoding);
            let _ = writeln!(
                out,
                "</dd></div>\n<div><dt>Length</dt><dd>{}, {}</dd></div>\n</dl>",
                plural(a.paragraphs.len(), "paragraph", "paragraphs"),
                plural(a.word_count(), "word", "words")
            );
            write_headline(out, c, i);
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    for (_, _, note) in language::skipped_notes(c) {
        out.push_str("<p class=\"note\">");
        push_text(out, &note);
        out.push_str("</p>\n");
    }
    if !c.errors.is_empty() {
        out.push_str("<div class=\"errors\" id=\"errors\">\n<h3>Not loaded</h3>\n<ul>\n");
        for e in &c.errors {
            out.push_str("<li class=\"error\"><bdi>");
            push_text(out, &e.message);
            out.push_str("</bdi></li>\n");
        }
        out.push_str("</ul>\n</div>\n");
    }
    out.push_str("</section>\n");
}

/// The article's headline against the reference's, when it differs.
fn write_headline(out: &mut String, c: &Comparison, article: usize) {
    if article == c.options.reference {
        return;
    }
    let Some(h) = c.headline.get(article).and_then(Option::as_ref) else {
        return;
    };
    if h.ops.iter().all(|op| op.tag == OpTag::Equal) {
        return;
    }
    let _ = write!(
        out,
        "<p class=\"headline\"><span class=\"meta\">Headline against the reference ({}):</span> <span class=\"txt\" dir=\"auto\">",
        percent(h.similarity)
    );
    for op in &h.ops {
        push_op(out, op, &[]);
    }
    out.push_str("</span></p>\n");
}

fn write_similarity(out: &mut String, c: &Comparison) {
    out.push_str("<section id=\"similarity\">\n<h2>Similarity</h2>\n");
    if c.articles.len() < 2 {
        out.push_str(
            "<p class=\"note\">Only one article: nothing to compare it with.</p>\n</section>\n",
        );
        return;
    }
    out.push_str(
        "<p class=\"intro\">How much of its wording each article shares with each other one.</p>\n",
    );
    write_matrix(out, c, &c.similarity, "similarity-matrix");
    if !c.relatedness.is_empty() {
        out.push_str(
            "<h3>Relatedness</h3>\n<p class=\"intro\">How many names, figures and distinctive words \
             each pair shares (weighted by how rare they are in English; dates more than three days \
             apart count against). Under 14% to every other article: most likely another story.</p>\n",
        );
        write_matrix(out, c, &c.relatedness, "relatedness-matrix");
    }
    for i in 0..c.articles.len() {
        if c.is_unrelated(i) {
            let best = c
                .relatedness
                .get(i)
                .or_else(|| c.similarity.get(i))
                .and_then(|row| {
                    row.iter()
                        .enumerate()
                        .filter(|&(j, _)| j != i)
                        .map(|(_, &v)| v)
                        .max_by(f64::total_cmp)
                })
                .unwrap_or(0.0);
            out.push_str("<p class=\"note warn\">Note: ");
            push_article_name(out, c, i);
            let _ = writeln!(
                out,
                " shares few names, figures or event words with the other articles (at most {}); it is most likely about another story.</p>",
                percent(best)
            );
        }
    }
    out.push_str("</section>\n");
}

/// An article × article matrix of 0–1 values as a coloured table with the element id `id`.
fn write_matrix(out: &mut String, c: &Comparison, matrix: &[Vec<f64>], id: &str) {
    out.push_str("<div class=\"scroll\">\n<table class=\"matrix\" id=\"");
    out.push_str(id);
    out.push_str("\">\n<thead><tr><td></td>");
    for j in 0..c.articles.len() {
        out.push_str("<th scope=\"col\">");
        push_article_name(out, c, j);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, row) in matrix.iter().enumerate() {
        out.push_str("<tr><th scope=\"row\">");
        push_article_name(out, c, i);
        out.push_str("</th>");
        for (j, &v) in row.iter().enumerate() {
            let bucket = (0..=10)
                .rev()
                .find(|&b| v >= f64::from(b) / 10.0)
                .unwrap_or(0);
            let diag = if i == j { " diag" } else { "" };
            let _ = write!(out, "<td class=\"s{bucket}{diag}\">{}</td>", percent(v));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn write_legend(out: &mut String) {
    out.push_str(
        "<section id=\"legend\" aria-label=\"Legend\">\n<h2>How to read the rows</h2>\n<ul class=\"legend\">\n\
         <li><ins>added</ins> words this article has and the reference lacks (green, underlined)</li>\n\
         <li><del>removed</del> words of the reference this article lacks (red, struck through)</li>\n\
         <li><ins class=\"ws\">␣</ins> <del class=\"ws\">␣</del> a change only in spacing (faint blue; ␣ stands for a space, ↵ for a line break)</li>\n\
         <li><span class=\"tag related\">related</span> a passage written independently about the same facts: no word diff; \
         <span class=\"fact shared\">shared</span> facts (names, figures, distinctive words the reference passage has too) and \
         <span class=\"fact own\">only here</span> (names and figures the reference passage does not state)</li>\n\
         <li><span class=\"tag related\">translation</span> the passage in another language, aligned by sentence lengths and anchors: no word diff; \
         <span class=\"fact shared\">shared</span> figures and names the other side has too, <span class=\"fact own\">only here</span> a figure missing or changed in translation, or a name spelled differently; \
         an empty cell beside it is a passage possibly omitted or added in translation</li>\n\
         <li><span class=\"tag moved\">moved</span> the passage sits elsewhere in this article's order</li>\n\
         <li><span class=\"absent-sample\">— not in this article</span> the article lacks the passage</li>\n\
         <li><mark>flagged</mark> text a finding points at; <span class=\"flag damage\">⚑ damage</span> \
         <span class=\"flag diff\">⚑ difference</span> link to the finding</li>\n\
         </ul>\n</section>\n",
    );
}

fn write_rows(out: &mut String, c: &Comparison, index: &Index) {
    let n = c.articles.len();
    let _ = write!(
        out,
        "<section id=\"rows\">\n<h2>Aligned rows</h2>\n<p class=\"intro\">Each row is one passage \
         aligned across the articles; each cell is diffed against the reference's cell (a translation's \
         figures and names are checked instead).</p>\n\
         <div class=\"scroll\">\n<table class=\"rows\" style=\"--cols: {n}\">\n\
         <thead><tr><th scope=\"col\" class=\"rn\">Row</th>"
    );
    for i in 0..n {
        out.push_str("<th scope=\"col\">");
        push_article_name(out, c, i);
        if i == c.options.reference {
            out.push_str(" <span class=\"tag ref\">★</span>");
        }
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (ri, row) in c.rows.iter().enumerate() {
        write_row(out, c, index, ri, row);
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

/// True when the row can be shown as one cell: every article has it, word for word the same,
/// at the same place in its order, with no finding on it.
fn is_compact(index: &Index, row: &Row) -> bool {
    let mut text: Option<String> = None;
    for (ai, cell) in row.cells.iter().enumerate() {
        let Some(cell) = cell else { return false };
        if cell.moved || cell.ops.iter().any(|op| op.tag != OpTag::Equal) {
            return false;
        }
        if cell
            .paragraphs
            .iter()
            .any(|&p| index.findings_on.contains_key(&(ai, p)))
        {
            return false;
        }
        let t: String = cell.ops.iter().map(|op| op.text.as_str()).collect();
        match &text {
            Some(first) if *first != t => return false,
            Some(_) => {}
            None => text = Some(t),
        }
    }
    row.cells.len() > 1
}

fn write_row(out: &mut String, c: &Comparison, index: &Index, ri: usize, row: &Row) {
    let changed = crate::compare::row_has_difference(row);
    let compact = !changed && is_compact(index, row);
    let _ = write!(
        out,
        "<tr id=\"row-{0}\" class=\"{1}\"><th scope=\"row\" class=\"rn\"><a href=\"#row-{0}\">{0}</a></th>",
        ri + 1,
        if changed { "changed" } else { "same" }
    );
    if compact {
        let reference = c.options.reference;
        let cell = row
            .cells
            .get(reference)
            .or_else(|| row.cells.first())
            .and_then(Option::as_ref);
        let paras: Vec<String> = row
            .cells
            .iter()
            .flatten()
            .map(|cell| paragraph_list(&cell.paragraphs))
            .collect();
        let _ = write!(
            out,
            "<td class=\"cell compact\" colspan=\"{}\"><p class=\"meta\">Same in all {} articles ({})</p>",
            row.cells.len(),
            row.cells.len(),
            paras.join(" · ")
        );
        if let Some(cell) = cell {
            write_cell_text(out, index, reference, cell);
        }
        out.push_str("</td>");
    } else {
        for (ai, cell) in row.cells.iter().enumerate() {
            write_cell(out, c, index, (ri, ai), cell.as_ref());
        }
    }
    out.push_str("</tr>\n");
}

/// Paragraph numbers as the text report writes them: `¶3`, `¶3+4`.
fn paragraph_list(paragraphs: &[usize]) -> String {
    let ps: Vec<String> = paragraphs.iter().map(|p| (p + 1).to_string()).collect();
    format!("¶{}", ps.join("+"))
}

fn write_cell(
    out: &mut String,
    c: &Comparison,
    index: &Index,
    (ri, ai): (usize, usize),
    cell: Option<&Cell>,
) {
    let Some(cell) = cell else {
        out.push_str("<td class=\"cell absent\"><span class=\"lbl\">");
        push_article_name(out, c, ai);
        let _ = write!(
            out,
            "</span><p class=\"absent-text\"><span aria-hidden=\"true\">—</span> {}</p></td>",
            c.missing_label(ri, ai)
        );
        return;
    };
    let reference = ai == c.options.reference;
    let _ = write!(
        out,
        "<td class=\"cell{}{}\"><span class=\"lbl\">",
        if reference { " ref" } else { "" },
        if cell.moved { " moved" } else { "" }
    );
    push_article_name(out, c, ai);
    if reference {
        out.push_str(" <span class=\"tag ref\">★ reference</span>");
    }
    let _ = write!(
        out,
        "</span><p class=\"meta\"><span>{}</span>",
        paragraph_list(&cell.paragraphs)
    );
    if !reference && cell.relation == Relation::Translation {
        let has_source = c
            .rows
            .get(ri)
            .and_then(|r| r.cells.get(c.options.reference))
            .is_some_and(Option::is_some);
        out.push_str(" <span class=\"tag related\">translation</span> <span class=\"sim\">");
        push_text(
            out,
            crate::model::translation_caption(cell, has_source)
                .trim_start_matches("translation · "),
        );
        out.push_str("</span>");
    } else if !reference && cell.relation == Relation::Related {
        let _ = write!(
            out,
            " <span class=\"tag related\">related</span> <span class=\"sim\">written independently, {} same words</span>",
            percent(cell.similarity)
        );
    } else if !reference {
        let _ = write!(
            out,
            " <span class=\"sim\">{} like the reference</span>",
            percent(cell.similarity)
        );
    }
    if cell.moved {
        out.push_str(" <span class=\"tag moved\">moved</span>");
    }
    if let Some(note) = &cell.note {
        out.push_str(" <span class=\"tag note\">");
        push_text(out, note);
        out.push_str("</span>");
    }
    for &p in &cell.paragraphs {
        for &fi in index.findings_on.get(&(ai, p)).into_iter().flatten() {
            if let Some(f) = c.findings.get(fi) {
                let _ = write!(
                    out,
                    " <a class=\"flag {}\" href=\"#finding-{}\">⚑ {}</a>",
                    if f.kind.is_damage() { "damage" } else { "diff" },
                    fi + 1,
                    f.kind.label()
                );
            }
        }
    }
    out.push_str("</p>");
    if matches!(cell.relation, Relation::Related | Relation::Translation) || !cell.marks.is_empty()
    {
        write_related_text(out, c, index, ai, cell);
    } else {
        write_cell_text(out, index, ai, cell);
    }
    out.push_str("</td>");
}

/// A related passage (or the reference passage of its row): its own text, one `<p>` per
/// paragraph, with its fact marks instead of a word diff.
fn write_related_text(out: &mut String, c: &Comparison, index: &Index, ai: usize, cell: &Cell) {
    let _ = write!(
        out,
        "<div class=\"txt\" dir=\"auto\" lang=\"{}\">",
        index.lang(ai)
    );
    for &p in &cell.paragraphs {
        let Some(text) = c
            .articles
            .get(ai)
            .and_then(|a| a.paragraphs.get(p))
            .map(|p| p.text.as_str())
        else {
            continue;
        };
        let mut marks: Vec<(usize, usize, bool)> = cell
            .marks
            .iter()
            .filter(|m| m.span.paragraph == p)
            .map(|m| (m.span.start, m.span.end, m.shared))
            .collect();
        marks.sort_unstable();
        out.push_str("<p>");
        let mut at = 0;
        let offsets = crate::normalize::CharOffsets::new(text);
        for (start, end, shared) in marks {
            if start < at {
                continue;
            }
            push_text(out, offsets.slice(at, start));
            let _ = write!(
                out,
                "<span class=\"fact {}\">",
                if shared { "shared" } else { "own" }
            );
            push_text(out, offsets.slice(start, end));
            out.push_str("</span>");
            at = end;
        }
        push_text(out, offsets.slice(at, usize::MAX));
        out.push_str("</p>");
    }
    out.push_str("</div>");
}

/// The cell's ops, one `<p>` per paragraph of the article (a deletion stays with the
/// paragraph it falls in).
fn write_cell_text(out: &mut String, index: &Index, ai: usize, cell: &Cell) {
    let _ = write!(
        out,
        "<div class=\"txt\" dir=\"auto\" lang=\"{}\"><p>",
        index.lang(ai)
    );
    let mut paragraph: Option<usize> = None;
    for op in &cell.ops {
        if op.tag != OpTag::Delete {
            let p = op.span.paragraph;
            if paragraph.is_some_and(|q| q != p) {
                out.push_str("</p><p>");
            }
            paragraph = Some(p);
        }
        let marks = if op.tag == OpTag::Delete {
            &[][..]
        } else {
            index
                .marks
                .get(&(ai, op.span.paragraph))
                .map_or(&[][..], Vec::as_slice)
        };
        push_op(out, op, marks);
    }
    out.push_str("</p></div>");
}

/// One op: plain for `Equal`, `<ins>` for `Insert`, `<del>` for `Delete`; a whitespace-only
/// change gets the `ws` class and, when it is nothing but whitespace, visible symbols
/// (␣ for a space, ↵ for a line break). `marks` are character ranges of the op's paragraph
/// to highlight (findings).
fn push_op(out: &mut String, op: &Op, marks: &[(usize, usize)]) {
    let (open, close) = match (op.tag, op.whitespace_only) {
        (OpTag::Equal, _) => ("", ""),
        (OpTag::Insert, false) => ("<ins>", "</ins>"),
        (OpTag::Insert, true) => ("<ins class=\"ws\">", "</ins>"),
        (OpTag::Delete, false) => ("<del>", "</del>"),
        (OpTag::Delete, true) => ("<del class=\"ws\">", "</del>"),
    };
    out.push_str(open);
    if op.tag != OpTag::Equal && op.text.chars().all(char::is_whitespace) {
        let shown: String = op
            .text
            .chars()
            .map(|c| match c {
                '\n' | '\r' => '↵',
                '\t' => '⇥',
                _ => '␣',
            })
            .collect();
        out.push_str(&shown);
    } else {
        push_marked(out, op, marks);
    }
    out.push_str(close);
}

/// The op's text, with the parts inside `marks` (offsets into the op's paragraph) in `<mark>`.
fn push_marked(out: &mut String, op: &Op, marks: &[(usize, usize)]) {
    let len = op.text.chars().count();
    let (start, end) = (op.span.start, op.span.end);
    // Offsets only line up when the span matches the text; otherwise show it unmarked.
    let hits: Vec<(usize, usize)> = if end.checked_sub(start) == Some(len) {
        marks
            .iter()
            .filter(|&&(s, e)| s < end && e > start)
            .map(|&(s, e)| (s.max(start) - start, e.min(end) - start))
            .collect()
    } else {
        Vec::new()
    };
    if hits.is_empty() {
        push_text(out, &op.text);
        return;
    }
    // Byte offset of every character boundary, so the cuts are on boundaries.
    let bounds: Vec<usize> = op
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(op.text.len()))
        .collect();
    let byte = |ci: usize| bounds.get(ci).copied().unwrap_or(op.text.len());
    let mut at = 0;
    for (s, e) in hits {
        push_text(out, op.text.get(byte(at)..byte(s)).unwrap_or_default());
        out.push_str("<mark>");
        push_text(out, op.text.get(byte(s)..byte(e)).unwrap_or_default());
        out.push_str("</mark>");
        at = e;
    }
    push_text(out, op.text.get(byte(at)..).unwrap_or_default());
}

/// The facts table: one line per fact, one column per article (present, absent, or the
/// article's own form where outlets disagree).
fn write_facts(out: &mut String, c: &Comparison) {
    if c.facts.is_empty() {
        return;
    }
    let differing = c.facts.iter().filter(|f| !f.differs.is_empty()).count();
    let _ = write!(
        out,
        "<section id=\"facts\">\n<h2>Facts <span class=\"count\">({}, {} differ)</span></h2>\n\
         <p class=\"intro\">Quotes, figures and names, and which article carries each. A fact \
         <em>differs</em> where outlets give another value, wording or spelling: each shows its own.</p>\n\
         <div class=\"scroll\">\n<table class=\"facts\">\n<thead><tr><th scope=\"col\">fact</th>",
        c.facts.len(),
        differing
    );
    for a in 0..c.articles.len() {
        out.push_str("<th scope=\"col\">");
        push_article_name(out, c, a);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for f in &c.facts {
        let kind = match f.kind {
            FactKind::Quote => "quote",
            FactKind::Figure => "figure",
            FactKind::Name => "name",
        };
        let _ = write!(
            out,
            "<tr class=\"{kind}\"><th scope=\"row\"><span class=\"tag\">{kind}</span> "
        );
        push_text(out, &f.text);
        if let Some(speaker) = &f.speaker {
            out.push_str(" <span class=\"speaker\">— ");
            push_text(out, speaker);
            out.push_str("</span>");
        }
        out.push_str("</th>");
        for a in 0..c.articles.len() {
            let Some(m) = f.mentions.iter().find(|m| m.article == a) else {
                out.push_str("<td class=\"absent\">—</td>");
                continue;
            };
            let differs = !f.differs.is_empty();
            let _ = write!(
                out,
                "<td class=\"{}\">",
                if differs { "differs" } else { "present" }
            );
            push_text(out, &m.text);
            let _ = write!(
                out,
                " <span class=\"where\">¶{}</span></td>",
                m.paragraph + 1
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

fn write_findings(out: &mut String, c: &Comparison, index: &Index) {
    let _ = writeln!(
        out,
        "<section id=\"findings\">\n<h2>Findings <span class=\"count\">({})</span></h2>",
        c.findings.len()
    );
    if c.findings.is_empty() {
        out.push_str("<p class=\"note\">No findings.</p>\n</section>\n");
        return;
    }
    for kind in FindingKind::ALL {
        let of_kind: Vec<(usize, &Finding)> = c
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let (class, what) = if kind.is_damage() {
            ("damage", "damage")
        } else {
            ("diff", "difference between articles")
        };
        let _ = writeln!(
            out,
            "<section class=\"kind {class}\" id=\"kind-{}\">\n<h3>{} <span class=\"count\">({})</span> <span class=\"tag {class}\">{what}</span></h3>\n<ol class=\"findings\">",
            kind.as_str(),
            kind.label(),
            of_kind.len()
        );
        for (fi, f) in of_kind {
            write_finding(out, c, index, fi, f);
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</section>\n");
}

fn write_finding(out: &mut String, c: &Comparison, index: &Index, fi: usize, f: &Finding) {
    let _ = write!(
        out,
        "<li class=\"finding\" id=\"finding-{}\"><p class=\"where\">",
        fi + 1
    );
    push_article_name(out, c, f.article);
    let _ = write!(out, " ¶{}", f.paragraph + 1);
    if f.manual {
        out.push_str(" · <em>marked by you</em>");
    }
    if let Some(&ri) = index.row_of.get(&(f.article, f.paragraph)) {
        let _ = write!(out, " · <a href=\"#row-{0}\">row {0}</a>", ri + 1);
    }
    let _ = write!(
        out,
        "</p>\n<p class=\"quote\"><span class=\"q\" dir=\"auto\" lang=\"{}\">",
        index.lang(f.article)
    );
    push_text(out, &super::text::quoted_text(&f.text));
    out.push_str("</span>");
    if let Some(s) = &f.suggestion {
        out.push_str(" <span class=\"arrow\">→</span> ");
        if s.is_empty() {
            out.push_str("<span class=\"fix remove\">remove it</span>");
        } else {
            out.push_str("<span class=\"fix\" dir=\"auto\">");
            push_text(out, s);
            out.push_str("</span>");
        }
    }
    out.push_str("</p>\n<p class=\"message\">");
    push_text(out, &f.message);
    out.push_str("</p></li>\n");
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::model::{Article, CompareOptions, Span};

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, s);
        out
    }

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            escaped(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            escaped("a\u{202E}b\u{2066}c"),
            "a<span class=\"ctl\">U+202E</span>b<span class=\"ctl\">U+2066</span>c"
        );
        assert_eq!(
            escaped("a\0b\tc\n"),
            "a<span class=\"ctl\">U+0000</span>b\tc\n"
        );
        assert_eq!(escaped("مرحبا — ünï"), "مرحبا — ünï");
    }

    fn op(tag: OpTag, text: &str, start: usize) -> Op {
        Op {
            tag,
            text: text.to_string(),
            span: Span {
                paragraph: 0,
                start,
                end: start + text.chars().count(),
            },
            ref_span: None,
            whitespace_only: false,
        }
    }

    #[test]
    fn a_cell_note_is_shown_in_the_html_text_and_json_reports() {
        let a = Article::from_texts("wire.txt", ["The port reopened. Ships <queued>."]);
        let b = Article::from_texts("copy.txt", ["The port reopened. Boats <queued>."]);
        let mut c = compare(
            vec![a, b],
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        let cell = c.rows[0].cells[1].as_mut().unwrap();
        assert!(cell.note.is_none(), "a short cell is word-diffed in time");
        cell.note = Some("Long passage: compared <sentence> by sentence".to_string());
        let html = to_html(&c);
        assert!(
            html.contains(
                "<span class=\"tag note\">Long passage: compared &lt;sentence&gt; by sentence</span>"
            ),
            "the note is missing or not escaped"
        );
        assert!(crate::report::text::to_text(&c).contains("note: Long passage"));
        assert!(crate::report::json::to_json(&c).contains("\"note\": \"Long passage"));
    }

    #[test]
    fn marks_cut_on_character_offsets() {
        let mut out = String::new();
        push_op(
            &mut out,
            &op(OpTag::Insert, "né <b> ok", 10),
            &[(9, 12), (14, 15)],
        );
        assert_eq!(out, "<ins><mark>né</mark> &lt;<mark>b</mark>&gt; ok</ins>");
        // A span that does not match its text is shown unmarked.
        let mut bad = op(OpTag::Equal, "abc", 0);
        bad.span.end = 9;
        let mut out = String::new();
        push_op(&mut out, &bad, &[(0, 1)]);
        assert_eq!(out, "abc");
    }

    #[test]
    fn whitespace_only_changes_are_visible() {
        let mut ws = op(OpTag::Delete, " ", 7);
        ws.whitespace_only = true;
        let mut out = String::new();
        push_op(&mut out, &ws, &[]);
        assert_eq!(out, "<del class=\"ws\">␣</del>");
    }

    #[test]
    fn an_unchanged_row_is_shown_once_and_kept() {
        let story = [
            "The harbour council approved the new budget for dredging on Tuesday evening.",
            "Fishermen had warned for years that silt was closing the northern channel.",
        ];
        let mut edited = story;
        edited[1] = "Fishermen warned for years that silt was closing the channel.";
        let c = compare(
            vec![
                Article::from_texts("wire.txt", story),
                Article::from_texts("copy.txt", edited),
            ],
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        let html = to_html(&c);
        assert!(html.contains("<tr id=\"row-1\" class=\"same\">"), "{html}");
        assert!(html.contains("colspan=\"2\""), "{html}");
        assert!(html.contains("Same in all 2 articles (¶1 · ¶1)"), "{html}");
        assert!(
            html.contains("<tr id=\"row-2\" class=\"changed\">"),
            "{html}"
        );
        assert!(html.contains("<del>had </del>"), "{html}");
    }

    #[test]
    fn languages_become_bcp47_tags() {
        assert_eq!(lang_tag(Language::English), "en");
        assert_eq!(lang_tag(Language::Other(whatlang::Lang::Ara)), "ar");
        assert_eq!(lang_tag(Language::Other(whatlang::Lang::Cmn)), "zh");
        assert_eq!(lang_tag(Language::Unknown), "und");
    }
}
