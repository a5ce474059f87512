//! The facts table (`storydiff::facts::extract`) on small hand-written articles: quotes,
//! figures and names, equal forms, differing forms, speakers and unrelated articles.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use storydiff::CompareOptions;
use storydiff::detect::Context;
use storydiff::facts::{Fact, FactKind, extract};
use storydiff::model::{Article, Comparison};

fn compare(articles: &[&[&str]]) -> Comparison {
    compare_dated(articles, &[])
}

/// Articles `outlet0.txt`, … with the given dates (the first ones; the rest undated).
fn compare_dated(articles: &[&[&str]], dates: &[&str]) -> Comparison {
    let articles: Vec<Article> = articles
        .iter()
        .enumerate()
        .map(|(i, paras)| {
            let mut a = Article::from_texts(format!("outlet{i}.txt"), paras.iter().copied());
            a.date = dates.get(i).map(|d| (*d).to_string());
            a
        })
        .collect();
    storydiff::compare(articles, vec![], &CompareOptions::default(), &mut |_| {})
}

fn facts(articles: &[&[&str]]) -> Vec<Fact> {
    let c = compare(articles);
    extract(&Context::new(&c))
}

fn of_kind(facts: &[Fact], kind: FactKind) -> Vec<&Fact> {
    facts.iter().filter(|f| f.kind == kind).collect()
}

/// The one fact of `kind` with a mention whose text contains `needle`.
fn find<'f>(facts: &'f [Fact], kind: FactKind, needle: &str) -> &'f Fact {
    let found: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.kind == kind && f.mentions.iter().any(|m| m.text.contains(needle)))
        .collect();
    assert_eq!(found.len(), 1, "{needle}: {found:#?}\nall: {facts:#?}");
    found[0]
}

const A: &str = "Harbour workers in Saltmere ended their strike on Tuesday after the port authority agreed to a new contract.";
const B: &str = "The strike in Saltmere ended on Tuesday when the port authority agreed a contract with harbour workers.";

#[test]
fn equal_figure_forms_are_one_fact_without_differs() {
    let f = facts(&[
        &[
            A,
            "The deal is worth 1 million dollars to the workers, and 84 container ships wait offshore.",
        ],
        &[
            B,
            "The deal is worth one million dollars to the workers, and 84 container ships wait offshore.",
        ],
    ]);
    let money = find(&f, FactKind::Figure, "million");
    assert_eq!(money.articles(), [0, 1], "{money:#?}");
    assert!(money.differs.is_empty(), "{money:#?}");
    let ships = find(&f, FactKind::Figure, "ships");
    assert_eq!(ships.text, "84 container ships");
    assert!(ships.differs.is_empty());
    // "Tuesday" and the like are no figures; no bare numbers either.
    assert_eq!(of_kind(&f, FactKind::Figure).len(), 2, "{f:#?}");
}

#[test]
fn differing_values_of_one_quantity_differ() {
    let f = facts(&[
        &[
            A,
            "By Wednesday 84 ships had left the harbour, officials said.",
        ],
        &[
            B,
            "By Wednesday 86 ships had left the harbour, officials said.",
        ],
    ]);
    let ships: Vec<&Fact> = of_kind(&f, FactKind::Figure);
    assert_eq!(ships.len(), 1, "{f:#?}");
    assert_eq!(ships[0].differs, vec![vec![0], vec![1]]);
    assert_eq!(ships[0].mentions.len(), 2);
    assert_eq!(ships[0].mentions[1].text, "86 ships");
}

#[test]
fn dates_years_and_small_bare_numbers_are_not_figures() {
    let f = facts(&[&["The strike began on Dec. 4 in 2019 and two of them said it would end."]]);
    assert!(of_kind(&f, FactKind::Figure).is_empty(), "{f:#?}");
}

#[test]
fn speaker_attribution_both_orders_and_pronoun() {
    let f = facts(&[&[
        "Union leader Maria Okafor met the port authority on Monday.",
        "\u{201C}We have waited far too long for this,\u{201D} Okafor said.",
        "Harbour master Tomas Recker said: \u{201C}The ships will sail again by Friday.\u{201D}",
        "\u{201C}Nobody here wanted the strike to last,\u{201D} he said.",
        "\u{201C}It is a fair deal for everyone,\u{201D} said Jane Whitlow, a spokeswoman.",
    ]]);
    let speaker = |needle: &str| find(&f, FactKind::Quote, needle).speaker.clone();
    assert_eq!(speaker("waited far").as_deref(), Some("Maria Okafor"));
    assert_eq!(speaker("ships will sail").as_deref(), Some("Tomas Recker"));
    assert_eq!(speaker("Nobody here").as_deref(), Some("Tomas Recker"));
    assert_eq!(speaker("fair deal").as_deref(), Some("Jane Whitlow"));
    let q = find(&f, FactKind::Quote, "waited far");
    assert_eq!(q.text, "We have waited far too long for this");
}

#[test]
fn quotes_equal_after_folding_are_one_fact() {
    let f = facts(&[
        &[
            A,
            "\u{201C}We have waited far too long for this,\u{201D} Maria Okafor said.",
        ],
        &[
            B,
            "\"we have waited far too long for this!\" Maria Okafor said on Tuesday.",
        ],
        &[
            B,
            "Okafor said \u{201C}waited far too long\u{201D} before leaving.",
        ],
    ]);
    let quotes = of_kind(&f, FactKind::Quote);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].articles(), [0, 1, 2]);
    assert!(quotes[0].differs.is_empty());
}

#[test]
fn same_speaker_other_words_differs() {
    let f = facts(&[
        &[
            A,
            "\u{201C}The contract protects every harbour worker in Saltmere,\u{201D} Maria Okafor said.",
        ],
        &[
            B,
            "\u{201C}This contract protects each harbour worker across Saltmere,\u{201D} Maria Okafor said.",
        ],
    ]);
    let quotes = of_kind(&f, FactKind::Quote);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].differs, vec![vec![0], vec![1]]);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Maria Okafor"));
    // Another speaker with the same words about something else is another fact.
    let f = facts(&[
        &[
            A,
            "\u{201C}The contract protects every harbour worker in Saltmere,\u{201D} Maria Okafor said.",
        ],
        &[
            B,
            "\u{201C}This contract protects each harbour worker across Saltmere,\u{201D} Tomas Recker said.",
        ],
    ]);
    let quotes = of_kind(&f, FactKind::Quote);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    assert!(quotes.iter().all(|q| q.differs.is_empty()));
}

#[test]
fn name_variants_are_grouped_under_the_fullest_form() {
    let f = facts(&[
        &[
            A,
            "Defense Secretary Jim Mattis visited the harbour on Monday.",
            "Mattis praised the workers.",
        ],
        &[
            B,
            "Mr. Mattis met the strikers, and the Pentagon Press Office said he was pleased.",
        ],
    ]);
    let m = find(&f, FactKind::Name, "Mattis");
    assert_eq!(m.text, "Jim Mattis");
    assert_eq!(m.articles(), [0, 1]);
    assert_eq!(m.mentions.len(), 3, "{m:#?}");
    assert!(m.differs.is_empty());
    // Sentence-initial common words, days and "The" are no names.
    for f in of_kind(&f, FactKind::Name) {
        assert!(
            !["The", "Monday", "Mr."].contains(&f.text.as_str()),
            "{f:#?}"
        );
    }
}

#[test]
fn spelling_variants_are_one_name_that_differs() {
    let f = facts(&[
        &[
            A,
            "President Volodymyr Zelensky thanked the harbour workers.",
            "Zelensky spoke on Tuesday.",
        ],
        &[
            B,
            "President Volodymyr Zelenskyy thanked the harbour workers.",
            "Zelenskyy spoke on Tuesday.",
        ],
    ]);
    let z: Vec<&Fact> = of_kind(&f, FactKind::Name)
        .into_iter()
        .filter(|f| f.text.contains("Zelensk"))
        .collect();
    assert_eq!(z.len(), 1, "{f:#?}");
    assert_eq!(z[0].articles(), [0, 1]);
    assert_eq!(z[0].differs, vec![vec![0], vec![1]]);
}

#[test]
fn unrelated_article_is_never_merged() {
    let other: &[&str] = &[
        "Volcanic ash closed three airports in Iceland on Sunday as the eruption near Grindavik grew stronger overnight.",
        "Airline spokeswoman Maria Okafor warned of long delays for travellers across the north Atlantic this weekend.",
        "Geologists expect the lava fountains to subside within a fortnight, according to the meteorological office.",
    ];
    let mine: &[&str] = &[
        A,
        "Maria Okafor said 84 ships had left the harbour by noon.",
    ];
    let theirs: &[&str] = &[
        B,
        "Maria Okafor said 84 ships had left the harbour by noon.",
    ];
    let c = compare_dated(
        &[mine, theirs, other],
        &["2024-03-05", "2024-03-05", "2021-11-20"],
    );
    assert!(
        c.is_unrelated(2),
        "the test needs an unrelated article: {:?}",
        c.relatedness
    );
    let f = extract(&Context::new(&c));
    let names: Vec<&Fact> = of_kind(&f, FactKind::Name)
        .into_iter()
        .filter(|f| f.text == "Maria Okafor")
        .collect();
    assert_eq!(names.len(), 2, "{names:#?}");
    assert!(names.iter().any(|f| f.articles() == [0, 1]));
    assert!(names.iter().any(|f| f.articles() == [2]));
    let ships: Vec<&Fact> = of_kind(&f, FactKind::Figure);
    assert!(
        ships.iter().all(|f| f.articles() != [0, 1, 2]),
        "{ships:#?}"
    );
}

#[test]
fn facts_are_sorted_and_serialise() {
    let f = facts(&[
        &[A, "Maria Okafor said 84 ships had left."],
        &[
            B,
            "Maria Okafor said 84 ships had left, and Tomas Recker agreed.",
        ],
    ]);
    let counts: Vec<usize> = f.iter().map(|f| f.articles().len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{f:#?}");
    let json = serde_json::to_value(&f).unwrap();
    assert_eq!(json[0]["kind"], "figure");
    assert!(json[0].get("differs").is_none() && json[0].get("speaker").is_none());
    let back: Vec<Fact> = serde_json::from_value(json).unwrap();
    assert_eq!(back, f);
}

#[test]
fn unresolved_pronouns_and_scare_quotes() {
    let f = facts(&[&[
        "\u{201C}We will keep working on the harbour deal,\u{201D} she said on Tuesday.",
        "The so-called \u{201C}harbour plan\u{201D} was dropped.",
    ]]);
    let quotes = of_kind(&f, FactKind::Quote);
    // No person is named before the pronoun; a two-word quotation is a scare quote.
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].speaker, None);
    assert_eq!(
        quotes[0].mentions[0].text,
        "We will keep working on the harbour deal,"
    );
}
