//! An article about another story must not change the findings about the others: opening or
//! closing it leaves every finding on the story's articles as it was (the issue's "closing one
//! unrelated article changed the other articles' findings, 5 → 6 stray capitals").
#![allow(clippy::indexing_slicing, clippy::unwrap_used, missing_docs)]

use std::path::{Path, PathBuf};

use storydiff::model::{Article, CompareOptions, Comparison, Finding, FindingKind};

/// A women's football report: capitalised names, a "Katarina" of its own, "down the", a US
/// spelling — nothing of the dock strike.
const FOOTBALL: &str = "Ravenholt Women beat Castlebrook 3-1 on Sunday to go top of the Northern League, with Katarina Lind scoring twice after the break.

Castlebrook took the lead through a header from Maya Osei after eleven minutes, but Lind ran down the left and levelled before half-time when the goalkeeper spilled a low cross.

\"We were poor for twenty minutes and then we played like a team,\" said manager Helen Sturridge, whose side have now won six games in a row. \"The labor of the summer is paying off.\"

A crowd of 3,400 watched the game at Millfield Park, the largest for a women's match at the ground. Ravenholt travel to Ashby Town next Saturday, and the club plans to open a second stand.
";

fn sample() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["wire.txt", "republished.html", "rewrite.md"]
        .iter()
        .map(|f| root.join("assets/samples").join(f))
        .collect()
}

fn on_story(c: &Comparison, story: usize) -> Vec<&Finding> {
    c.findings.iter().filter(|f| f.article < story).collect()
}

#[test]
fn the_sample_story_keeps_its_findings_beside_a_football_report() {
    let dir = tempfile::tempdir().unwrap();
    let football = dir.path().join("football.txt");
    std::fs::write(&football, FOOTBALL).unwrap();
    let alone = storydiff::compare_files(&sample(), &CompareOptions::default(), &mut |_| {});
    let mut with = sample();
    with.push(football);
    let beside = storydiff::compare_files(&with, &CompareOptions::default(), &mut |_| {});
    assert!(beside.is_unrelated(3), "{:?}", beside.similarity);
    assert!((0..3).all(|a| !beside.is_unrelated(a)));
    // The same rows for the story's articles.
    let story_rows = |c: &Comparison| -> Vec<Vec<Option<Vec<usize>>>> {
        c.rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .take(3)
                    .map(|c| c.as_ref().map(|c| c.paragraphs.clone()))
                    .collect::<Vec<_>>()
            })
            .filter(|r| r.iter().any(Option::is_some))
            .collect()
    };
    assert_eq!(story_rows(&alone), story_rows(&beside));
    // The same findings, word for word (messages and counts included).
    assert_eq!(on_story(&alone, 3), on_story(&beside, 3));
    // And nothing about the football report is read from the dock strike: no "Katarina looks
    // like Katharina in wire.txt", no "labor is the US spelling; wire.txt writes labour".
    let football_findings: Vec<_> = beside.findings.iter().filter(|f| f.article == 3).collect();
    assert!(
        football_findings.iter().all(|f| !matches!(
            f.kind,
            FindingKind::NameVariant | FindingKind::SpellingVariant
        )),
        "{football_findings:?}"
    );
}

#[test]
fn a_stray_capital_does_not_rest_on_another_story() {
    let wire = Article::from_texts(
        "wire.txt",
        [
            "The harbour council said on Tuesday that it Plans dredging the northern channel before the winter storms arrive.",
            "Fishermen had warned for years that silt was closing the channel to their boats.",
        ],
    );
    let copy = Article::from_texts(
        "copy.txt",
        [
            "The harbour council said on Tuesday that it Plans dredging the northern channel before winter storms arrive.",
            "Fishermen had warned for years that silt was closing the channel to the boats.",
        ],
    );
    let football = Article::from_texts(
        "football.txt",
        FOOTBALL.split("\n\n").map(str::trim).collect::<Vec<_>>(),
    );
    let stray = |articles: Vec<Article>| {
        let c = storydiff::compare(
            articles,
            Vec::new(),
            &CompareOptions::default(),
            &mut |_| {},
        );
        let n = c
            .findings
            .iter()
            .filter(|f| f.article < 2 && f.kind == FindingKind::StrayCapital)
            .count();
        (c, n)
    };
    let (_, alone) = stray(vec![wire.clone(), copy.clone()]);
    let (c, beside) = stray(vec![wire, copy, football]);
    assert!(c.is_unrelated(2), "{:?}", c.similarity);
    // The football report writes "plans" in lower case; the story never does, so whether
    // "it Plans" is a stray capital cannot be read from the story: the same answer either way.
    assert_eq!(alone, beside);
    assert_eq!(alone, 0);
}
