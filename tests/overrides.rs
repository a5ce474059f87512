//! The user's corrections (`Override`) applied by the engine: each one's effect on a small
//! comparison, stale ones skipped, the order of application, and the reports showing them.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, missing_docs)]

use storydiff::model::{
    Article, ArticleRef, CompareOptions, Comparison, FindingKind, Override, UNRELATED_SIMILARITY,
};
use storydiff::report;

const WIRE: [&str; 4] = [
    "The harbour council approved a new dredging budget of four million on Tuesday evening.",
    "Fishermen had warned for years that silt was closing the northern channel to their boats.",
    "Dredging will start in March and last about six weeks, the council said in a statement.",
    "The last dredging of the channel took place in 2009 and cost half as much.",
];

const COPY: [&str; 5] = [
    "The harbour council approved a new dredging budget of four million on Tuesday evening.",
    "Fishermen had warned for years that silt was closing the northern channel to their boats.",
    "Sign up for our newsletter to get the latest harbour news every morning.",
    "Dredging will start in March and last about six weeks, the council said in a statement.",
    "The last dredging of the channel took place in 2009 and cost half as much.",
];

const VIOLIN: [&str; 2] = [
    "A violin made in Cremona in 1721 sold at auction in Vienna for a record sum on Friday.",
    "The buyer, a private collector, plans to lend the instrument to a young soloist.",
];

fn article(file: usize, name: &str, paragraphs: &[&str]) -> Article {
    let mut a = Article::from_texts(name, paragraphs.iter().copied());
    a.source = ArticleRef { file, part: 0 };
    a
}

fn art(file: usize) -> ArticleRef {
    ArticleRef { file, part: 0 }
}

fn articles() -> Vec<Article> {
    vec![article(0, "wire.txt", &WIRE), article(1, "copy.txt", &COPY)]
}

fn compare(articles: Vec<Article>, overrides: &[Override]) -> Comparison {
    storydiff::compare_with(
        articles,
        Vec::new(),
        &CompareOptions::default(),
        overrides,
        &mut |_| {},
    )
}

/// Per row, per article: the paragraphs of the cell (empty for none).
fn grid(c: &Comparison) -> Vec<Vec<Vec<usize>>> {
    c.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|cell| {
                    cell.as_ref()
                        .map(|c| c.paragraphs.clone())
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

fn row_of(c: &Comparison, a: usize, p: usize) -> usize {
    c.rows
        .iter()
        .position(|r| {
            r.cells[a]
                .as_ref()
                .is_some_and(|cell| cell.paragraphs.contains(&p))
        })
        .unwrap()
}

/// Every paragraph of every article in exactly one row.
fn check_partition(c: &Comparison) {
    for (a, article) in c.articles.iter().enumerate() {
        let mut seen = vec![0; article.paragraphs.len()];
        for row in &c.rows {
            for &p in row.cells[a].iter().flat_map(|cell| &cell.paragraphs) {
                seen[p] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n == 1), "article {a}: {seen:?}");
    }
}

#[test]
fn without_overrides_the_copy_aligns_paragraph_by_paragraph() {
    let c = compare(articles(), &[]);
    assert_eq!(
        grid(&c),
        [
            vec![vec![0], vec![0]],
            vec![vec![1], vec![1]],
            vec![vec![], vec![2]],
            vec![vec![2], vec![3]],
            vec![vec![3], vec![4]],
        ]
    );
}

#[test]
fn unlink_puts_the_paragraph_in_a_row_below_and_it_is_diffed_alone() {
    let c = compare(
        articles(),
        &[Override::Unlink {
            article: art(1),
            paragraph: 1,
        }],
    );
    check_partition(&c);
    let r = row_of(&c, 0, 1);
    assert!(c.rows[r].cells[1].is_none(), "{:?}", grid(&c));
    assert_eq!(row_of(&c, 1, 1), r + 1);
    // A passage the reference lacks in its row: all inserted.
    let cell = c.rows[r + 1].cells[1].as_ref().unwrap();
    assert!(
        cell.ops
            .iter()
            .all(|o| o.tag != storydiff::model::OpTag::Equal)
    );
    assert!(storydiff::compare::row_has_difference(&c.rows[r]));
    assert_eq!(c.overrides.len(), 1);
}

#[test]
fn link_puts_the_paragraph_into_the_other_row() {
    // Put the copy's newsletter line into the row of the wire's first paragraph.
    let c = compare(
        articles(),
        &[Override::Link {
            article: art(1),
            paragraph: 2,
            with_article: art(0),
            with_paragraph: 0,
        }],
    );
    check_partition(&c);
    let r = row_of(&c, 0, 0);
    assert_eq!(c.rows[r].cells[1].as_ref().unwrap().paragraphs, [2]);
    // What the copy had there moved to a row of its own right below.
    assert_eq!(row_of(&c, 1, 0), r + 1);
    assert!(c.rows[r + 1].cells[0].is_none());
    // The newsletter line sits above ¶1 and ¶2 of the copy: out of order.
    assert!(c.rows[r].cells[1].as_ref().unwrap().moved);
    assert!(!c.rows[r + 1].cells[1].as_ref().unwrap().moved);
    // The emptied row is gone: five rows, as before.
    assert_eq!(c.rows.len(), 5);
}

#[test]
fn split_and_join_change_the_rows() {
    // Join the wire's ¶2 row with the newsletter row, then split the copy's cell again.
    let join = Override::JoinNext {
        article: art(0),
        paragraph: 1,
    };
    let c = compare(articles(), std::slice::from_ref(&join));
    check_partition(&c);
    let r = row_of(&c, 0, 1);
    assert_eq!(c.rows[r].cells[1].as_ref().unwrap().paragraphs, [1, 2]);
    assert_eq!(c.rows.len(), 4);
    let split = Override::Split {
        article: art(1),
        paragraph: 2,
    };
    let c2 = compare(articles(), &[join, split]);
    assert_eq!(grid(&c2), grid(&compare(articles(), &[])));
}

#[test]
fn stale_overrides_are_skipped() {
    let stale = [
        Override::Unlink {
            article: art(1),
            paragraph: 40,
        },
        Override::Link {
            article: art(7),
            paragraph: 0,
            with_article: art(0),
            with_paragraph: 0,
        },
        Override::Split {
            article: ArticleRef { file: 1, part: 2 },
            paragraph: 1,
        },
        Override::JoinNext {
            article: art(0),
            paragraph: 99,
        },
        Override::Furniture {
            article: art(3),
            paragraph: 0,
            furniture: true,
        },
        Override::SameStory { article: art(9) },
    ];
    let plain = compare(articles(), &[]);
    let c = compare(articles(), &stale);
    assert_eq!(c.rows, plain.rows);
    assert_eq!(c.findings, plain.findings);
    assert_eq!(c.overrides, stale);
    // The report still names them, as not loaded.
    let text = report::text::to_text(&c);
    assert!(
        text.contains("(file 8, not loaded) ¶1 linked with [1] ¶1"),
        "{text}"
    );
}

#[test]
fn overrides_apply_in_the_order_given() {
    let unlink = Override::Unlink {
        article: art(1),
        paragraph: 0,
    };
    let join = Override::JoinNext {
        article: art(0),
        paragraph: 0,
    };
    // Unlinked then joined back: as if nothing happened.
    let c = compare(articles(), &[unlink.clone(), join.clone()]);
    assert_eq!(grid(&c), grid(&compare(articles(), &[])));
    // Joined first, then unlinked: ¶1 of the copy sits alone below the joined row.
    let c = compare(articles(), &[join, unlink]);
    check_partition(&c);
    assert_eq!(c.rows[0].cells[0].as_ref().unwrap().paragraphs, [0, 1]);
    assert_eq!(c.rows[0].cells[1].as_ref().unwrap().paragraphs, [1]);
    assert_eq!(c.rows[1].cells[1].as_ref().unwrap().paragraphs, [0]);
}

#[test]
fn furniture_overrides_decide_boilerplate_and_unique_passages() {
    let plain = compare(articles(), &[]);
    let on = |c: &Comparison, a: usize, p: usize, kind: FindingKind| {
        c.findings
            .iter()
            .filter(|f| f.article == a && f.paragraph == p && f.kind == kind)
            .count()
    };
    // The detector takes the newsletter line for page furniture, so it is no unique passage.
    assert_eq!(on(&plain, 1, 2, FindingKind::Boilerplate), 1);
    assert_eq!(on(&plain, 1, 2, FindingKind::UniquePassage), 0);
    // Story text: no boilerplate finding, and it is the copy's own passage.
    let story = compare(
        articles(),
        &[Override::Furniture {
            article: art(1),
            paragraph: 2,
            furniture: false,
        }],
    );
    assert_eq!(on(&story, 1, 2, FindingKind::Boilerplate), 0);
    assert_eq!(on(&story, 1, 2, FindingKind::UniquePassage), 1);
    // Page furniture by hand on a story paragraph: one manual finding, sorted in place.
    let marked = compare(
        articles(),
        &[Override::Furniture {
            article: art(0),
            paragraph: 3,
            furniture: true,
        }],
    );
    let manual: Vec<_> = marked.findings.iter().filter(|f| f.manual).collect();
    assert_eq!(manual.len(), 1);
    assert_eq!(manual[0].kind, FindingKind::Boilerplate);
    assert_eq!((manual[0].article, manual[0].paragraph), (0, 3));
    assert_eq!(manual[0].text, WIRE[3]);
    assert_eq!(manual[0].message, "Marked as page furniture by you.");
    let keys: Vec<_> = marked
        .findings
        .iter()
        .map(|f| (f.article, f.paragraph, f.start, f.kind, f.end))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // Marking the detector's own finding replaces it (one finding, the manual one).
    let replaced = compare(
        articles(),
        &[Override::Furniture {
            article: art(1),
            paragraph: 2,
            furniture: true,
        }],
    );
    assert_eq!(on(&replaced, 1, 2, FindingKind::Boilerplate), 1);
    assert!(
        replaced
            .findings
            .iter()
            .any(|f| f.paragraph == 2 && f.article == 1 && f.manual)
    );
}

#[test]
fn same_story_keeps_an_article_with_little_shared_wording() {
    let three = || {
        let mut a = articles();
        a.push(article(2, "violin.txt", &VIOLIN));
        a
    };
    let plain = compare(three(), &[]);
    assert!(
        plain.similarity[2]
            .iter()
            .take(2)
            .all(|&s| s < UNRELATED_SIMILARITY)
    );
    assert!(plain.is_unrelated(2));
    assert!(
        !plain
            .findings
            .iter()
            .any(|f| f.article == 2 && f.kind == FindingKind::UniquePassage)
    );
    assert!(
        report::text::to_text(&plain)
            .contains("Note: [3] shares few names, figures or event words")
    );
    let same = compare(three(), &[Override::SameStory { article: art(2) }]);
    assert!(!same.is_unrelated(2));
    // Its passages are now what only it carries (in the coverage map: it is no copy of the
    // others, so they are not "unique passage" findings), and the report has no note.
    let map = storydiff::coverage::map::coverage_map(&same);
    assert_eq!(
        map.outlets[2].alone.len(),
        VIOLIN.len(),
        "{:?}",
        map.outlets
    );
    assert!(
        storydiff::coverage::map::coverage_map(&plain).outlets[2]
            .alone
            .is_empty()
    );
    let text = report::text::to_text(&same);
    assert!(!text.contains("Note: [3]"), "{text}");
    assert!(
        text.contains("[3] treated as a report of the same story"),
        "{text}"
    );
}

#[test]
fn reports_show_the_manual_changes() {
    let overrides = [
        Override::Unlink {
            article: art(1),
            paragraph: 3,
        },
        Override::Furniture {
            article: art(0),
            paragraph: 0,
            furniture: true,
        },
    ];
    let c = compare(articles(), &overrides);
    let text = report::text::to_text(&c);
    assert!(
        text.contains("Options: reference [1]; ignoring typography; word diff"),
        "{text}"
    );
    assert!(
        text.contains(
            "\nManual changes:\n  [2] ¶4 unlinked from its row\n  [1] ¶1 marked as page furniture\n"
        ),
        "{text}"
    );
    assert!(text.contains("Marked as page furniture by you."), "{text}");
    let json: serde_json::Value = serde_json::from_str(&report::json::to_json(&c)).unwrap();
    assert_eq!(
        json["overrides"],
        serde_json::json!([
            { "action": "unlink", "article": { "file": 1, "part": 0 }, "paragraph": 3 },
            { "action": "furniture", "article": { "file": 0, "part": 0 }, "paragraph": 0, "furniture": true },
        ])
    );
    let manual: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["manual"] == true)
        .collect();
    assert_eq!(manual.len(), 1);
    assert_eq!(manual[0]["kind"], "boilerplate");
    // Without overrides neither field is written.
    let plain = report::json::to_json(&compare(articles(), &[]));
    assert!(!plain.contains("\"overrides\"") && !plain.contains("\"manual\""));
    assert!(!report::text::to_text(&compare(articles(), &[])).contains("Manual changes"));
}
