//! The coverage map: one line per aligned passage, one column per article, each cell saying
//! how that article carries the passage; and per article what it carries alone, what it
//! omits that most others carry, and which facts it states differently. Built from a
//! finished [`Comparison`] (cheap: one pass over rows, findings and facts).

use crate::model::{Comparison, FindingKind, Relation};

/// How one article carries one passage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Carried {
    /// The reference's own passage, or the same text.
    Same,
    /// Reworded (a word diff), with its word similarity to the reference passage.
    Reworded(f64),
    /// Written independently about the same facts, with its word similarity.
    Related(f64),
    /// A translation, with the share of its anchors (figures, names) kept.
    Translation(f64),
    /// Carried here but not by the reference (no passage to compare with).
    Only,
    /// Not in this article.
    Absent,
}

impl Carried {
    /// A short label ("same", "reworded 72%", "related", "not in the reference", "absent").
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Same => "same".to_string(),
            Self::Reworded(s) => format!("reworded {:.0}%", s * 100.0),
            Self::Related(s) => format!("related ({:.0}% same words)", s * 100.0),
            Self::Translation(s) => format!("translation ({:.0}% anchors kept)", s * 100.0),
            Self::Only => "not in the reference".to_string(),
            Self::Absent => "absent".to_string(),
        }
    }
}

/// One cell of the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapCell {
    /// How the article carries the passage.
    pub carried: Carried,
    /// The article's passage has damage findings (boilerplate, garbled text, …).
    pub damaged: bool,
    /// The passage is page furniture (boilerplate) rather than story text.
    pub furniture: bool,
}

/// One line of the map: a row of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLine {
    /// Row index in [`Comparison::rows`].
    pub row: usize,
    /// The first words of the passage (the reference's, else the first article's).
    pub excerpt: String,
    /// One cell per article.
    pub cells: Vec<MapCell>,
}

/// Per article: what stands out in its coverage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutletSummary {
    /// Rows of story text only this article carries.
    pub alone: Vec<usize>,
    /// Rows most of the other articles carry and this one lacks.
    pub omits: Vec<usize>,
    /// Indices into [`Comparison::facts`] of figures and quotes it states differently from
    /// the others.
    pub differs: Vec<usize>,
}

/// The whole map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CoverageMap {
    /// One line per row.
    pub lines: Vec<MapLine>,
    /// One summary per article.
    pub outlets: Vec<OutletSummary>,
}

fn excerpt(text: &str, words: usize) -> String {
    let mut out: Vec<&str> = text.split_whitespace().take(words + 1).collect();
    let more = out.len() > words;
    out.truncate(words);
    let mut s = out.join(" ");
    if more {
        s.push('…');
    }
    s
}

/// Builds the map of a comparison.
#[must_use]
pub fn coverage_map(c: &Comparison) -> CoverageMap {
    let lines = map_lines(c);
    let outlets = summaries(c, &lines);
    CoverageMap { lines, outlets }
}

/// One line per row: how each article carries its passage.
fn map_lines(c: &Comparison) -> Vec<MapLine> {
    let n = c.articles.len();
    let reference = c.options.reference;
    let mut damaged = std::collections::HashSet::new();
    let mut furniture = std::collections::HashSet::new();
    for f in &c.findings {
        if f.kind.is_damage() {
            damaged.insert((f.article, f.paragraph));
        }
        if matches!(
            f.kind,
            FindingKind::Boilerplate | FindingKind::DuplicatePassage
        ) {
            furniture.insert((f.article, f.paragraph));
        }
    }
    c.rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let has_ref = row.cells.get(reference).is_some_and(Option::is_some);
            let cells: Vec<MapCell> = (0..n)
                .map(|a| {
                    let Some(Some(cell)) = row.cells.get(a) else {
                        return MapCell {
                            carried: Carried::Absent,
                            damaged: false,
                            furniture: false,
                        };
                    };
                    let carried = if a == reference {
                        Carried::Same
                    } else if !has_ref {
                        Carried::Only
                    } else {
                        match cell.relation {
                            Relation::Same => Carried::Same,
                            Relation::Reworded => Carried::Reworded(cell.similarity),
                            Relation::Related => Carried::Related(cell.similarity),
                            Relation::Translation => Carried::Translation(cell.similarity),
                        }
                    };
                    MapCell {
                        carried,
                        damaged: cell.paragraphs.iter().any(|&p| damaged.contains(&(a, p))),
                        furniture: !cell.paragraphs.is_empty()
                            && cell.paragraphs.iter().all(|&p| furniture.contains(&(a, p))),
                    }
                })
                .collect();
            // The reference's words, else the first article's that has the passage.
            let text = std::iter::once(reference)
                .chain(0..n)
                .find_map(|a| {
                    let cell = row.cells.get(a)?.as_ref()?;
                    let p = *cell.paragraphs.first()?;
                    Some(c.articles.get(a)?.paragraphs.get(p)?.text.as_str())
                })
                .unwrap_or("");
            MapLine {
                row: r,
                excerpt: excerpt(text, 12),
                cells,
            }
        })
        .collect()
}

/// Per article: story rows it carries alone, rows most others carry that it lacks, facts it
/// states differently.
fn summaries(c: &Comparison, lines: &[MapLine]) -> Vec<OutletSummary> {
    let n = c.articles.len();
    let mut outlets = vec![OutletSummary::default(); n];
    let related: Vec<usize> = (0..n).filter(|&a| !c.is_unrelated(a)).collect();
    for line in lines {
        let story: Vec<usize> = related
            .iter()
            .copied()
            .filter(|&a| {
                line.cells
                    .get(a)
                    .is_some_and(|m| m.carried != Carried::Absent && !m.furniture)
            })
            .collect();
        if let [only] = story.as_slice()
            && related.len() > 1
            && let Some(o) = outlets.get_mut(*only)
        {
            o.alone.push(line.row);
        }
        let others = related.len().saturating_sub(1);
        for &a in &related {
            let carried_by_others = story.iter().filter(|&&b| b != a).count();
            if others >= 1
                && !story.contains(&a)
                && carried_by_others * 2 > others
                && let Some(o) = outlets.get_mut(a)
            {
                o.omits.push(line.row);
            }
        }
    }
    for (i, fact) in c.facts.iter().enumerate() {
        if fact.kind == crate::model::FactKind::Name || fact.differs.len() < 2 {
            continue;
        }
        let largest = fact.differs.iter().map(Vec::len).max().unwrap_or(0);
        let tie = fact.differs.iter().filter(|g| g.len() == largest).count() > 1;
        for group in &fact.differs {
            // Everyone in a minority form states it differently; in a tie, all do.
            if group.len() < largest || tie {
                for &a in group {
                    if let Some(o) = outlets.get_mut(a)
                        && !o.differs.contains(&i)
                    {
                        o.differs.push(i);
                    }
                }
            }
        }
    }
    outlets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, CompareOptions};

    #[test]
    fn the_map_says_who_carries_what() {
        let wire = Article::from_texts(
            "wire.txt",
            [
                "Harbour officials counted 84 container ships waiting outside Vellmar on Monday after the crane strike began.",
                "The mayor, Odile Brantham, blamed the crane operators' union for the stoppage at every terminal.",
            ],
        );
        let copy = Article::from_texts(
            "copy.txt",
            [
                "Harbour officials counted 84 container ships waiting outside Vellmar on Monday after the crane strike began.",
                "Shipping lines are diverting vessels north to Ostrand and its deep-water quays.",
            ],
        );
        let c = crate::compare(
            vec![wire, copy],
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        let map = coverage_map(&c);
        assert_eq!(map.lines.len(), c.rows.len());
        let first = &map.lines[0];
        assert_eq!(first.cells[0].carried, Carried::Same);
        assert_eq!(first.cells[1].carried, Carried::Same);
        assert!(
            first.excerpt.starts_with("Harbour officials counted"),
            "{}",
            first.excerpt
        );
        assert!(first.excerpt.ends_with('…'));
        let mayor = map
            .lines
            .iter()
            .find(|l| l.excerpt.starts_with("The mayor"))
            .unwrap();
        assert_eq!(mayor.cells[1].carried, Carried::Absent);
        let ostrand = map
            .lines
            .iter()
            .find(|l| l.excerpt.starts_with("Shipping"))
            .unwrap();
        assert_eq!(ostrand.cells[1].carried, Carried::Only);
        assert_eq!(map.outlets[0].alone, [mayor.row]);
        assert_eq!(map.outlets[1].alone, [ostrand.row]);
        assert_eq!(map.outlets[1].omits, [mayor.row]);
        assert_eq!(Carried::Reworded(0.724).label(), "reworded 72%");
    }
}
