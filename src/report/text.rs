//! A readable terminal summary of a comparison.

use std::fmt::Write as _;

use crate::model::{Comparison, FindingKind, Granularity, Op, OpTag};

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
        for (i, row) in c.similarity.iter().enumerate() {
            let s = row.get(reference).copied().unwrap_or(0.0);
            if i != reference && c.is_unrelated(i) {
                let _ = writeln!(
                    out,
                    "  Note: [{}] shares almost no wording with the reference ({:.0}%); it may be about another story.",
                    i + 1,
                    s * 100.0
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
    out
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
                let _ = writeln!(out, "  [{}] (not in this article)", ai + 1);
                continue;
            };
            let paras: Vec<String> = cell
                .paragraphs
                .iter()
                .map(|p| (p + 1).to_string())
                .collect();
            let moved = if cell.moved { ", moved" } else { "" };
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
        }
    }
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
            text.contains("Note: [3] shares almost no wording"),
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
