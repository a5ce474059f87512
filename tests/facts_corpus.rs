//! The facts table on BASIL (`../shared/corpora/basil/<event>/*.json`: three outlets' own
//! reports of one event). Prints per event the facts per kind, how many at least two
//! outlets carry and how many differ, and checks aggregate properties. Skips (with a
//! printed reason) when the corpus is absent.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::path::{Path, PathBuf};

use storydiff::CompareOptions;
use storydiff::detect::Context;
use storydiff::facts::{Fact, FactKind, extract};

const KINDS: [FactKind; 3] = [FactKind::Quote, FactKind::Figure, FactKind::Name];

fn events(root: &Path) -> Vec<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            files
        })
        .filter(|f| f.len() >= 2)
        .collect()
}

/// With `FACTS_DUMP=1`, prints every fact (for looking at them by eye).
fn dump(facts: &[Fact]) {
    if std::env::var_os("FACTS_DUMP").is_none() {
        return;
    }
    for f in facts {
        eprintln!(
            "  {:?} {:?} {:?} {:?} speaker={:?}",
            f.kind,
            f.text,
            f.articles(),
            f.differs,
            f.speaker
        );
    }
}

/// Per kind: [facts, carried by >= 2 outlets, differing]; checks each fact's shape and
/// collects junk names.
fn tally(facts: &[Fact], n: usize, junk: &mut Vec<String>) -> [[usize; 3]; 3] {
    let mut per = [[0usize; 3]; 3];
    for f in facts {
        let k = KINDS.iter().position(|k| *k == f.kind).unwrap();
        per[k][0] += 1;
        if f.articles().len() >= 2 {
            per[k][1] += 1;
        }
        if !f.differs.is_empty() {
            per[k][2] += 1;
            assert!(f.differs.len() >= 2, "{f:#?}");
        }
        // Mentions are sorted, in range and carry their text.
        assert!(f.mentions.windows(2).all(|w| {
            (w[0].article, w[0].paragraph, w[0].start) <= (w[1].article, w[1].paragraph, w[1].start)
        }));
        for m in &f.mentions {
            assert!(
                m.article < n && m.start < m.end && !m.text.is_empty(),
                "{f:#?}"
            );
        }
        if f.kind == FactKind::Name
            && [
                "The", "A", "In", "But", "He", "She", "It", "January", "Monday", "Mr.",
            ]
            .contains(&f.text.as_str())
        {
            junk.push(f.text.clone());
        }
    }
    per
}

#[test]
fn basil_facts_are_sane() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/basil");
    if !root.is_dir() {
        eprintln!("skipping: no BASIL corpus at {}", root.display());
        return;
    }
    let events = events(&root);
    if events.is_empty() {
        eprintln!("skipping: no events under {}", root.display());
        return;
    }
    // Per kind: facts, carried by >= 2 outlets, differing.
    let mut totals = [[0usize; 3]; 3];
    let (mut with_shared_name, mut with_all_name, mut compared) = (0, 0, 0);
    let mut junk = Vec::new();
    for files in &events {
        let c = storydiff::compare_files(files, &CompareOptions::default(), &mut |_| {});
        let n = c.articles.len();
        if n < 2 {
            continue;
        }
        compared += 1;
        let ctx = Context::new(&c);
        let facts = extract(&ctx);
        dump(&facts);
        let per = tally(&facts, n, &mut junk);
        let names: Vec<usize> = facts
            .iter()
            .filter(|f| f.kind == FactKind::Name)
            .map(|f| f.articles().len())
            .collect();
        if names.iter().any(|&k| k >= 2) {
            with_shared_name += 1;
        }
        if names.contains(&n) {
            with_all_name += 1;
        }
        let event = files[0]
            .parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        eprintln!(
            "{event}: quotes {}/{}/{} figures {}/{}/{} names {}/{}/{} (facts / >=2 outlets / differ)",
            per[0][0],
            per[0][1],
            per[0][2],
            per[1][0],
            per[1][1],
            per[1][2],
            per[2][0],
            per[2][1],
            per[2][2]
        );
        for (t, p) in totals.iter_mut().zip(per) {
            for (x, y) in t.iter_mut().zip(p) {
                *x += y;
            }
        }
    }
    eprintln!(
        "BASIL, {compared} events: quotes {:?}, figures {:?}, names {:?} ([facts, >=2 outlets, differ]); \
         a name shared by >=2 outlets in {with_shared_name}, by all in {with_all_name}",
        totals[0], totals[1], totals[2]
    );
    assert!(compared > 0);
    // Outlets reporting one event name the same people: in most events some name is
    // carried by every outlet, and in nearly all by at least two.
    assert!(
        with_all_name * 2 > compared,
        "{with_all_name} of {compared}"
    );
    assert!(
        with_shared_name * 10 >= compared * 8,
        "{with_shared_name} of {compared}"
    );
    // Some quotes and figures are matched across outlets, but not all facts are shared.
    assert!(totals[0][1] > 0, "no quote matched across outlets");
    assert!(totals[1][1] > 0, "no figure matched across outlets");
    assert!(totals[2][1] < totals[2][0]);
    // Differing facts are a minority of the shared ones.
    for t in &totals {
        assert!(t[2] <= t[1], "{totals:?}");
    }
    assert!(junk.is_empty(), "junk names: {junk:?}");
}
