//! Detectors: one file per finding kind. Each reads a finished comparison (articles,
//! rows, ops) and returns findings; [`detect_all`] runs them all and sorts the result.

pub mod boilerplate;
pub mod duplicate_passage;
pub mod glued_words;
pub mod mojibake;
pub mod name_variant;
pub mod number_mismatch;
pub mod pronoun_shift;
pub mod quote_mismatch;
pub mod repeated_word;
pub mod spelling_variant;
pub mod stray_capital;
mod text_util;
pub mod unbalanced_quotes;
pub mod unique_passage;
mod xref_util;

use crate::model::{Comparison, Finding};

/// Runs every detector over the comparison and returns the findings sorted by
/// article, paragraph, start and kind.
#[must_use]
pub fn detect_all(comparison: &Comparison) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(duplicate_passage::detect(comparison));
    findings.extend(boilerplate::detect(comparison));
    findings.extend(glued_words::detect(comparison));
    findings.extend(stray_capital::detect(comparison));
    findings.extend(mojibake::detect(comparison));
    findings.extend(repeated_word::detect(comparison));
    findings.extend(unbalanced_quotes::detect(comparison));
    findings.extend(name_variant::detect(comparison));
    findings.extend(pronoun_shift::detect(comparison));
    findings.extend(number_mismatch::detect(comparison));
    findings.extend(quote_mismatch::detect(comparison));
    findings.extend(spelling_variant::detect(comparison));
    findings.extend(unique_passage::detect(comparison));
    drop_page_furniture_from_unique(&mut findings);
    findings.sort_by(|a, b| {
        (a.article, a.paragraph, a.start, a.kind, a.end).cmp(&(
            b.article,
            b.paragraph,
            b.start,
            b.kind,
            b.end,
        ))
    });
    findings.dedup();
    findings
}

/// A passage only one article carries is news only when it is story text: boilerplate and
/// duplicated passages (both copies) are page furniture, already reported as such, so they are
/// not also reported as `unique_passage`.
fn drop_page_furniture_from_unique(findings: &mut Vec<Finding>) {
    use crate::model::FindingKind;
    let furniture: std::collections::HashSet<(usize, usize)> = findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::Boilerplate | FindingKind::DuplicatePassage
            )
        })
        .flat_map(|f| {
            let related = f
                .related
                .iter()
                .filter(|_| f.kind == FindingKind::DuplicatePassage)
                .map(|l| (l.article, l.paragraph));
            std::iter::once((f.article, f.paragraph)).chain(related)
        })
        .collect();
    findings.retain(|f| {
        f.kind != FindingKind::UniquePassage || !furniture.contains(&(f.article, f.paragraph))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingKind, Location};

    fn finding(kind: FindingKind, article: usize, paragraph: usize) -> Finding {
        Finding {
            kind,
            article,
            paragraph,
            start: 0,
            end: 1,
            text: "x".into(),
            message: "m".into(),
            suggestion: None,
            related: Vec::new(),
        }
    }

    #[test]
    fn furniture_is_not_also_a_unique_passage() {
        let mut dup = finding(FindingKind::DuplicatePassage, 1, 10);
        dup.related.push(Location {
            article: 1,
            paragraph: 9,
            start: 0,
            end: 5,
        });
        let mut findings = vec![
            dup,
            finding(FindingKind::Boilerplate, 1, 13),
            finding(FindingKind::UniquePassage, 1, 9),
            finding(FindingKind::UniquePassage, 1, 10),
            finding(FindingKind::UniquePassage, 1, 13),
            finding(FindingKind::UniquePassage, 2, 16),
        ];
        drop_page_furniture_from_unique(&mut findings);
        let unique: Vec<_> = findings
            .iter()
            .filter(|f| f.kind == FindingKind::UniquePassage)
            .map(|f| (f.article, f.paragraph))
            .collect();
        assert_eq!(unique, [(2, 16)]);
        assert_eq!(findings.len(), 3);
    }
}
