//! A readable terminal summary of a comparison.

use std::fmt::Write as _;

use crate::model::{Comparison, FactKind, FindingKind, Granularity, Op, OpTag, Relation};

/// Renders the comparison as plain text: the articles, the options, the user's manual
/// changes, load errors, the similarity matrix, every row with a difference (deletions as
/// `[-…-]`, insertions as `{+…+}`), and the findings grouped by kind.
#[must_use]
pub fn to_text(c: &Comparison) -> String {
    let mut out = String::new();
    let reference = c.options.reference;
    let _ = writeln!(out, "storydiff report: {} article(s)", c.articles.len());
    for (i, a) in c.articles.iter().enumerate() {
        let marker = if i == reference { " (reference)" } else { "" };
        let _ = writeln!(
            out,
            "  [{}] {}{} — {} · {} · {} · {} paragraphs, {} words",
            i + 1,
            a.title,
            marker,
            a.path,
            a.format.as_str(),
            a.encoding,
            a.paragraphs.len(),
            a.word_count()
        );
    }
    let _ = writeln!(out, "Options: {}", options_line(c));
    if !c.overrides.is_empty() {
        let _ = writeln!(out, "\nManual changes:");
        for o in &c.overrides {
            let _ = writeln!(out, "  {}", crate::overrides::describe(&c.articles, o));
        }
    }
    if !c.errors.is_empty() {
        let _ = writeln!(out, "\nNot loaded:");
        for e in &c.errors {
            let _ = writeln!(out, "  {}", e.message);
        }
    }
    if c.articles.len() > 1 {
        let _ = writeln!(out, "\nSimilarity:");
        let _ = write!(out, "      ");
        for j in 0..c.articles.len() {
            let _ = write!(out, " [{:>2}]", j + 1);
        }
        out.push('\n');
        for (i, row) in c.similarity.iter().enumerate() {
            let _ = write!(out, "  [{:>2}]", i + 1);
            for v in row {
                let _ = write!(out, " {v:.2}");
            }
            out.push('\n');
        }
        if !c.relatedness.is_empty() {
            let _ = writeln!(
                out,
                "\nRelatedness (shared names, figures and distinctive words; dates considered):"
            );
            let _ = write!(out, "      ");
            for j in 0..c.articles.len() {
                let _ = write!(out, " [{:>2}]", j + 1);
            }
            out.push('\n');
            for (i, row) in c.relatedness.iter().enumerate() {
                let _ = write!(out, "  [{:>2}]", i + 1);
                for v in row {
                    let _ = write!(out, " {v:.2}");
                }
                out.push('\n');
            }
        }
        for i in 0..c.articles.len() {
            if c.is_unrelated(i) {
                let _ = writeln!(
                    out,
                    "  Note: [{}] shares few names, figures or event words with the other articles ({}); it is most likely about another story.",
                    i + 1,
                    best_relatedness(c, i)
                );
            }
        }
    }
    let language_notes = crate::detect::language::skipped_notes(c);
    if !language_notes.is_empty() {
        out.push('\n');
    }
    for (_, _, note) in language_notes {
        let _ = writeln!(out, "  Note: {note}");
    }
    write_headlines(&mut out, c);
    write_rows(&mut out, c);
    write_findings(&mut out, c);
    write_coverage(&mut out, c);
    write_facts(&mut out, c);
    out
}

/// "at most 4% related to [2]": the article's highest relatedness to another article.
fn best_relatedness(c: &Comparison, a: usize) -> String {
    let row = c.relatedness.get(a).or_else(|| c.similarity.get(a));
    row.and_then(|row| {
        row.iter()
            .enumerate()
            .filter(|&(b, _)| b != a)
            .max_by(|x, y| x.1.total_cmp(y.1))
            .map(|(b, v)| format!("at most {:.0}% related, to [{}]", v * 100.0, b + 1))
    })
    .unwrap_or_default()
}

/// Per article: the story passages it alone carries, those most others carry that it lacks,
/// and the facts it states differently.
fn write_coverage(out: &mut String, c: &Comparison) {
    if c.articles.len() < 2 {
        return;
    }
    let map = crate::coverage::map::coverage_map(c);
    let rows = |list: &[usize]| -> String {
        list.iter()
            .map(|r| (r + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "\nCoverage:");
    for (a, o) in map.outlets.iter().enumerate() {
        let mut parts = Vec::new();
        if !o.alone.is_empty() {
            parts.push(format!("carries alone rows {}", rows(&o.alone)));
        }
        if !o.omits.is_empty() {
            parts.push(format!(
                "omits rows {} that most others carry",
                rows(&o.omits)
            ));
        }
        if !o.differs.is_empty() {
            let facts: Vec<String> = o
                .differs
                .iter()
                .filter_map(|&i| c.facts.get(i))
                .map(|f| quoted_text(&f.text))
                .collect();
            parts.push(format!("states differently {}", facts.join(", ")));
        }
        if parts.is_empty() {
            parts.push("nothing of its own, nothing missing".to_string());
        }
        let _ = writeln!(out, "  [{}] {}", a + 1, parts.join("; "));
    }
}

/// The facts table: each quote, figure and name, which articles carry it, and who states it
/// differently (with their wording).
fn write_facts(out: &mut String, c: &Comparison) {
    if c.facts.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nFacts: {}", c.facts.len());
    for (kind, label) in [
        (FactKind::Quote, "Quotes"),
        (FactKind::Figure, "Figures"),
        (FactKind::Name, "Names"),
    ] {
        let of_kind: Vec<_> = c.facts.iter().filter(|f| f.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {label} ({}):", of_kind.len());
        for f in of_kind {
            let mut carried: Vec<usize> = f.mentions.iter().map(|m| m.article).collect();
            carried.dedup();
            let articles: Vec<String> = carried.iter().map(|a| format!("[{}]", a + 1)).collect();
            let speaker = f
                .speaker
                .as_ref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    {}{} · in {}",
                quoted_text(&f.text),
                speaker,
                articles.join("")
            );
            if !f.differs.is_empty() {
                let forms: Vec<String> = f
                    .differs
                    .iter()
                    .filter_map(|group| {
                        let first = *group.first()?;
                        let m = f.mentions.iter().find(|m| m.article == first)?;
                        let who: Vec<String> =
                            group.iter().map(|a| format!("[{}]", a + 1)).collect();
                        Some(format!("{} {}", who.join(""), quoted_text(&m.text)))
                    })
                    .collect();
                let _ = writeln!(out, "      differs: {}", forms.join(" vs "));
            }
        }
    }
}

/// The options in plain words: "reference [1]; ignoring case, typography; word diff".
fn options_line(c: &Comparison) -> String {
    let o = &c.options;
    let ignored: Vec<&str> = [
        (o.ignore_case, "case"),
        (o.ignore_punctuation, "punctuation"),
        (o.ignore_quotes, "typography"),
        (o.ignore_whitespace, "whitespace"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    let ignoring = if ignored.is_empty() {
        String::new()
    } else {
        format!("; ignoring {}", ignored.join(", "))
    };
    let diff = match o.granularity {
        Granularity::Word => "word diff",
        Granularity::Char => "character diff",
    };
    format!("reference [{}]{ignoring}; {diff}", o.reference + 1)
}

/// Ops as one line: deletions as `[-…-]`, insertions as `{+…+}`.
fn ops_line(ops: &[Op]) -> String {
    let mut line = String::new();
    for op in ops {
        match op.tag {
            OpTag::Equal => line.push_str(&op.text),
            OpTag::Delete => {
                let _ = write!(line, "[-{}-]", op.text);
            }
            OpTag::Insert => {
                let _ = write!(line, "{{+{}+}}", op.text);
            }
        }
    }
    line.replace('\n', " ")
}

/// One line per article whose headline differs from the reference's, when any does.
fn write_headlines(out: &mut String, c: &Comparison) {
    let reference = c.options.reference;
    let differs = |ops: &[Op]| ops.iter().any(|op| op.tag != OpTag::Equal);
    let lines: Vec<String> = c
        .headline
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != reference)
        .filter_map(|(i, h)| {
            let h = h.as_ref()?;
            differs(&h.ops).then(|| {
                format!(
                    "  [{}] ({:.0}%): {}",
                    i + 1,
                    h.similarity * 100.0,
                    ops_line(&h.ops)
                )
            })
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nHeadlines differ from the reference's:");
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
}

fn write_rows(out: &mut String, c: &Comparison) {
    let changed = c
        .rows
        .iter()
        .filter(|r| crate::compare::row_has_difference(r))
        .count();
    let _ = writeln!(
        out,
        "\nRows: {} aligned, {} with differences",
        c.rows.len(),
        changed
    );
    for (ri, row) in c.rows.iter().enumerate() {
        if !crate::compare::row_has_difference(row) {
            continue;
        }
        let _ = writeln!(out, "\nRow {}:", ri + 1);
        for (ai, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else {
                let _ = writeln!(out, "  [{}] ({})", ai + 1, c.missing_label(ri, ai));
                continue;
            };
            let paras: Vec<String> = cell
                .paragraphs
                .iter()
                .map(|p| (p + 1).to_string())
                .collect();
            let moved = if cell.moved { ", moved" } else { "" };
            if cell.relation == Relation::Translation {
                let text: Vec<&str> = cell
                    .paragraphs
                    .iter()
                    .filter_map(|&p| c.articles.get(ai)?.paragraphs.get(p))
                    .map(|p| p.text.as_str())
                    .collect();
                let has_source = row
                    .cells
                    .get(c.options.reference)
                    .is_some_and(Option::is_some);
                let _ = writeln!(
                    out,
                    "  [{}] ¶{} ({}{}): {}",
                    ai + 1,
                    paras.join("+"),
                    crate::model::translation_caption(cell, has_source),
                    moved,
                    text.join(" ")
                );
                let _ = writeln!(out, "      {}", marks_line(c, ai, cell));
                continue;
            }
            if cell.relation == Relation::Related {
                let text: Vec<&str> = cell
                    .paragraphs
                    .iter()
                    .filter_map(|&p| c.articles.get(ai)?.paragraphs.get(p))
                    .map(|p| p.text.as_str())
                    .collect();
                let _ = writeln!(
                    out,
                    "  [{}] ¶{} (related: written independently, {:.0}% same words{}): {}",
                    ai + 1,
                    paras.join("+"),
                    cell.similarity * 100.0,
                    moved,
                    text.join(" ")
                );
                let _ = writeln!(out, "      {}", marks_line(c, ai, cell));
                continue;
            }
            let line = ops_line(&cell.ops);
            let _ = writeln!(
                out,
                "  [{}] ¶{} ({:.0}%{}): {}",
                ai + 1,
                paras.join("+"),
                cell.similarity * 100.0,
                moved,
                line
            );
            if let Some(note) = &cell.note {
                let _ = writeln!(out, "      note: {note}");
            }
        }
    }
}

/// "shares: Vellmar, 84; only here: Brantham" for a related passage.
fn marks_line(c: &Comparison, article: usize, cell: &crate::model::Cell) -> String {
    // One offset table per paragraph: a long paragraph can carry thousands of marks, and a
    // walk from the paragraph's start per mark was quadratic.
    let mut offsets: std::collections::BTreeMap<usize, crate::normalize::CharOffsets<'_>> =
        std::collections::BTreeMap::new();
    let (mut shared, mut own): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for m in &cell.marks {
        let Some(p) = c
            .articles
            .get(article)
            .and_then(|a| a.paragraphs.get(m.span.paragraph))
        else {
            continue;
        };
        let text = offsets
            .entry(m.span.paragraph)
            .or_insert_with(|| crate::normalize::CharOffsets::new(&p.text))
            .slice(m.span.start, m.span.end)
            .to_string();
        if m.shared {
            shared.push(text);
        } else {
            own.push(text);
        }
    }
    shared.dedup();
    own.dedup();
    let mut line = format!(
        "shares with the reference: {}",
        if shared.is_empty() {
            "—".to_string()
        } else {
            shared.join(", ")
        }
    );
    if !own.is_empty() {
        let _ = write!(line, "; only here: {}", own.join(", "));
    }
    line
}

fn write_findings(out: &mut String, c: &Comparison) {
    if !c.findings.is_empty() {
        let _ = writeln!(out, "\nFindings: {}", c.findings.len());
        for kind in FindingKind::ALL {
            let of_kind: Vec<_> = c.findings.iter().filter(|f| f.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {} ({}):", kind.label(), of_kind.len());
            for f in of_kind {
                let suggestion = f
                    .suggestion
                    .as_ref()
                    .map(|s| {
                        if s.is_empty() {
                            " → (remove)".to_string()
                        } else {
                            format!(" → {s}")
                        }
                    })
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    [{}] ¶{} {}{} — {}",
                    f.article + 1,
                    f.paragraph + 1,
                    quoted_text(&f.text),
                    suggestion,
                    f.message
                );
            }
        }
    }
}

/// A finding's text in curly quotation marks, unless it opens or closes with a quotation
/// mark of its own (a quotation, or the unpaired mark itself): then as it is, so the report
/// never shows doubled marks (`““…””`).
pub(super) fn quoted_text(text: &str) -> String {
    // Any quotation mark or apostrophe: the characters `fold_quote` folds, and their ASCII forms.
    let is_mark = |c: char| matches!(crate::normalize::fold_quote(c), '"' | '\'');
    let first = text.chars().next();
    let last = text.chars().next_back();
    if first.is_some_and(is_mark) || last.is_some_and(is_mark) {
        text.to_string()
    } else {
        format!("\u{201C}{text}\u{201D}")
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::model::{Article, CompareOptions};

    #[test]
    fn article_about_another_story_gets_a_note() {
        let story = [
            "The harbour council approved the new budget for dredging on Tuesday evening.",
            "Fishermen had warned for years that silt was closing the northern channel.",
        ];
        let other = ["A violin made in Cremona in 1721 sold at auction for a record sum."];
        let articles = vec![
            Article::from_texts("wire.txt", story),
            Article::from_texts("copy.txt", story),
            Article::from_texts("violin.txt", other),
        ];
        let c = compare(
            articles,
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        let text = to_text(&c);
        assert!(
            text.contains("Note: [3] shares few names, figures or event words"),
            "{text}"
        );
        assert!(!text.contains("Note: [2]"), "{text}");
    }

    #[test]
    fn finding_texts_are_quoted_once() {
        assert_eq!(quoted_text("Read more"), "\u{201C}Read more\u{201D}");
        assert_eq!(
            quoted_text("\u{201C}We prefer to pay,\u{201D}"),
            "\u{201C}We prefer to pay,\u{201D}"
        );
        assert_eq!(quoted_text("\u{201C}"), "\u{201C}");
        assert_eq!(quoted_text("\u{AB}Bonjour\u{BB}"), "\u{AB}Bonjour\u{BB}");
    }
}
