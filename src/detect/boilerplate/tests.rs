#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "tests fail loudly on purpose"
)]
//! Tests of the boilerplate signals and detector, on text written for them.

use super::signals::{
    all_caps, caption_shape, counter, embed_signoff, ends_sentence, imperative, link_markup,
    list_or_menu, main_block, second_person, signals, starts_lower, table_rows, wrap_width,
};
use super::*;
use crate::detect::Context;
use crate::detect::testing::comparison_of;

fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
    super::detect(&crate::detect::Context::new(c))
}
use crate::model::{Article, CompareOptions};

fn flagged(paras: &[&str]) -> Vec<(usize, String)> {
    detect(&comparison_of(&[paras]))
        .into_iter()
        .map(|f| (f.paragraph, f.text))
        .collect()
}

/// A 0/1 signal that is on.
fn on(value: f64) -> bool {
    value > 0.5
}

fn lower(text: &str) -> Vec<String> {
    crate::normalize::words(text)
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect()
}

const STORY: [&str; 6] = [
    "Dockers at the port voted on Sunday to end a strike that had lasted nineteen days.",
    "The union said members backed the deal by a wide margin after a long meeting.",
    "Shipping lines expect the backlog of containers to clear within two weeks.",
    "The port authority said it would publish new safety rules in the spring.",
    "Talks had stalled twice over overtime pay and the number of night shifts at the port.",
    "The union leader said the strike had cost members a month of pay but won safer shifts.",
];

// --- form signals ---------------------------------------------------------------------

#[test]
fn sentence_end_skips_closing_quotes() {
    assert!(ends_sentence("He left."));
    assert!(ends_sentence("\u{201C}We won,\u{201D} she said.\u{201D}"));
    assert!(ends_sentence("Did it work?"));
    assert!(ends_sentence("\u{8fd9}\u{662f}\u{3002}"));
    assert!(!ends_sentence("Read more"));
    assert!(!ends_sentence("Port Strike Ends After Nineteen Days"));
}

#[test]
fn menus_and_link_lists_by_shape() {
    assert!(list_or_menu("* Home"));
    assert!(list_or_menu("Home | World | Sport | Weather"));
    assert!(list_or_menu("News \u{2022} Opinion \u{2022} Culture"));
    assert!(list_or_menu("Rates / Bonds / Stocks"));
    assert!(!list_or_menu(
        "Profits rose 4% in the year to March, the bank said."
    ));
    assert!(!list_or_menu(
        "He said this | and that, at length, over several long clauses"
    ));
}

#[test]
fn all_caps_labels_counters_and_links() {
    assert!(all_caps("MOST READ", 2));
    assert!(all_caps("ADVERTISEMENT", 1));
    assert!(!all_caps("Most Read", 2));
    assert!(!all_caps(
        "NATO AND THE EU AGREED ON A NEW PLAN FOR THE PORT",
        11
    ));
    assert!(counter(&lower("12 comments")));
    assert!(counter(&lower("Photo 3 of 9")));
    assert!(!counter(&lower("comments")));
    assert!(!counter(&lower(
        "The ferry carried 240 people and 30 cars across the bay"
    )));
    assert!(link_markup("[Sign in](https://example.org/login)"));
    assert!(link_markup("More at www.example.org"));
    assert!(!link_markup("The port reopened."));
}

#[test]
fn reader_address_and_instructions() {
    assert!(second_person(&lower("What do you think?")));
    assert!(second_person(&lower("Sent to your inbox every morning")));
    assert!(!second_person(&lower("The union thanked its members.")));
    assert!(imperative(&lower("Tell us in the comments below")));
    assert!(imperative(&lower("Download the app for alerts")));
    assert!(!imperative(&lower("Dockers voted to end the strike")));
}

#[test]
fn wrapped_lines_continue() {
    assert!(starts_lower("and the union said it would appeal"));
    assert!(!starts_lower("The union said it would appeal"));
    let mut lengths = vec![72, 75, 74, 76, 71, 73, 75, 74, 20, 5, 3, 40];
    assert_eq!(wrap_width(&lengths), Some(76));
    lengths.truncate(5);
    assert_eq!(
        wrap_width(&lengths),
        None,
        "too few lines to call it wrapped"
    );
}

#[test]
fn captions_and_embed_signoffs_are_recognised() {
    assert!(caption_shape(
        "Dockers leave the terminal after the vote on Sunday. (Photo: Jane Doe/Harbour Wire)"
    ));
    assert!(caption_shape(
        "The new ferry on its first crossing to the island. (Harbour Wire/Jane Doe) (https://example.org/p/1)"
    ));
    assert!(!caption_shape("The union (which has 4,000 members) voted."));
    assert!(!caption_shape("Photo (left)"));
    assert!(embed_signoff(
        "\u{2014} Port Workers (@portworkers) May 3, 2026"
    ));
    assert!(!embed_signoff("\u{2014} and then the vote came."));
}

// --- place signals ----------------------------------------------------------------------

#[test]
fn main_block_is_the_best_run_of_prose() {
    // Weights: prose words positive, other lines negative.
    assert_eq!(main_block(&[-3, -3, 20, 15, -3, 18, -5, -3, -3]), (2, 6));
    assert_eq!(main_block(&[-3, -3]), (0, 0));
    assert_eq!(main_block(&[]), (0, 0));
}

#[test]
fn menu_lines_sit_outside_the_block_among_non_prose() {
    let mut paras = vec!["Home", "World", "Business", "Sport", "Weather", "Contact"];
    paras.extend(STORY);
    paras.extend(["Most Read", "Privacy", "Terms"]);
    let c = comparison_of(&[&paras]);
    let s = signals(&Context::new(&c), 0);
    assert!(!on(s[1].get("in_main_block")), "in_main_block");
    assert!(s[1].get("outside_distance") > 0.0);
    assert!(s[1].get("prose_neighbours") < 0.2);
    assert!(on(s[8].get("in_main_block")), "in_main_block");
    assert!(s[8].get("prose_neighbours") > 0.5);
    assert!(on(s[8].get("prose")), "prose");
    let f = flagged(&paras);
    let idx: Vec<usize> = f.iter().map(|x| x.0).collect();
    let menu_found = [0, 1, 2, 3, 4, 5, 12, 13, 14]
        .iter()
        .filter(|i| idx.contains(i))
        .count();
    assert!(menu_found >= 7, "menu lines flagged: {idx:?}");
    for i in 6..12 {
        assert!(!idx.contains(&i), "story paragraph {i} flagged: {f:?}");
    }
}

#[test]
fn function_words_are_the_files_own() {
    // A Russian article (written here): its frequent short words are its function words,
    // so its prose is prose and nothing is flagged.
    let ru = [
        "\u{412} \u{43f}\u{43e}\u{440}\u{442}\u{443} \u{43d}\u{430} \u{44d}\u{442}\u{43e}\u{439} \u{43d}\u{435}\u{434}\u{435}\u{43b}\u{435} \u{437}\u{430}\u{43a}\u{43e}\u{43d}\u{447}\u{438}\u{43b}\u{430}\u{441}\u{44c} \u{437}\u{430}\u{431}\u{430}\u{441}\u{442}\u{43e}\u{432}\u{43a}\u{430}, \u{438} \u{441}\u{443}\u{434}\u{430} \u{441}\u{43d}\u{43e}\u{432}\u{430} \u{432}\u{44b}\u{445}\u{43e}\u{434}\u{44f}\u{442} \u{432} \u{43c}\u{43e}\u{440}\u{435}.",
        "\u{41f}\u{440}\u{43e}\u{444}\u{441}\u{43e}\u{44e}\u{437} \u{441}\u{43a}\u{430}\u{437}\u{430}\u{43b}, \u{447}\u{442}\u{43e} \u{43d}\u{43e}\u{432}\u{44b}\u{435} \u{43f}\u{440}\u{430}\u{432}\u{438}\u{43b}\u{430} \u{432}\u{441}\u{442}\u{443}\u{43f}\u{44f}\u{442} \u{432} \u{441}\u{438}\u{43b}\u{443} \u{432} \u{43c}\u{430}\u{440}\u{442}\u{435} \u{438} \u{447}\u{442}\u{43e} \u{43d}\u{430} \u{43d}\u{43e}\u{447}\u{44c} \u{431}\u{443}\u{434}\u{435}\u{442} \u{43c}\u{435}\u{43d}\u{44c}\u{448}\u{435} \u{441}\u{43c}\u{435}\u{43d}.",
        "\u{41f}\u{43e} \u{441}\u{43b}\u{43e}\u{432}\u{430}\u{43c} \u{434}\u{438}\u{440}\u{435}\u{43a}\u{442}\u{43e}\u{440}\u{430} \u{43f}\u{43e}\u{440}\u{442}\u{430}, \u{43e}\u{447}\u{435}\u{440}\u{435}\u{434}\u{44c} \u{43a}\u{43e}\u{43d}\u{442}\u{435}\u{439}\u{43d}\u{435}\u{440}\u{43e}\u{432} \u{438}\u{441}\u{447}\u{435}\u{437}\u{43d}\u{435}\u{442} \u{437}\u{430} \u{434}\u{432}\u{435} \u{43d}\u{435}\u{434}\u{435}\u{43b}\u{438}, \u{438} \u{432} \u{43f}\u{43e}\u{440}\u{442}\u{443} \u{441}\u{43d}\u{43e}\u{432}\u{430} \u{441}\u{442}\u{430}\u{43d}\u{435}\u{442} \u{442}\u{438}\u{445}\u{43e}.",
        "\u{412} \u{441}\u{43e}\u{44e}\u{437}\u{435} \u{43e}\u{442}\u{43c}\u{435}\u{442}\u{438}\u{43b}\u{438}, \u{447}\u{442}\u{43e} \u{441}\u{43e}\u{433}\u{43b}\u{430}\u{448}\u{435}\u{43d}\u{438}\u{435} \u{43e}\u{434}\u{43e}\u{431}\u{440}\u{438}\u{43b}\u{438} \u{43f}\u{43e}\u{447}\u{442}\u{438} \u{432}\u{441}\u{435} \u{447}\u{43b}\u{435}\u{43d}\u{44b}, \u{438} \u{447}\u{442}\u{43e} \u{437}\u{430}\u{431}\u{430}\u{441}\u{442}\u{43e}\u{432}\u{43a}\u{430} \u{43d}\u{435} \u{43f}\u{43e}\u{432}\u{442}\u{43e}\u{440}\u{438}\u{442}\u{441}\u{44f}.",
    ];
    let c = comparison_of(&[&ru]);
    let s = signals(&Context::new(&c), 0);
    assert!(
        s.iter().all(|x| on(x.get("prose"))),
        "Russian prose not prose"
    );
    assert!(s.iter().all(|x| x.get("function_words") > 0.1));
    assert!(flagged(&ru).is_empty(), "{:?}", flagged(&ru));
}

#[test]
fn cohesion_counts_only_the_storys_prose() {
    let mut paras: Vec<&str> = STORY.to_vec();
    paras.push("The strike ended after the union and the port agreed on night shifts.");
    paras.push("Sign in to manage your newsletters and saved articles");
    let c = comparison_of(&[&paras]);
    let s = signals(&Context::new(&c), 0);
    assert!(s[6].get("cohesion") > 0.5, "{}", s[6].get("cohesion"));
    assert!(s[7].get("cohesion") < 0.2, "{}", s[7].get("cohesion"));
}

// --- the detector -----------------------------------------------------------------------

#[test]
fn flags_inserts_forms_and_promos() {
    let paras = [
        STORY[0],
        "See also\u{a0} Ferry operator orders two new boats",
        STORY[1],
        STORY[2],
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        STORY[3],
        "Follow Example News on Google News to receive the latest news first.",
    ];
    let f = detect(&comparison_of(&[&paras]));
    let got: Vec<(usize, &str)> = f.iter().map(|f| (f.paragraph, f.text.as_str())).collect();
    assert_eq!(
        got,
        [(1, paras[1]), (4, paras[4]), (5, paras[5]), (7, paras[7])]
    );
    assert!(f[0].message.contains("not part of the story"));
    assert_eq!((f[0].start, f[0].end), (0, 45));
}

#[test]
fn flags_a_trailing_read_more_sentence() {
    let p = "The port reopens on Monday. Read more: Ferry operator orders boats";
    let f = detect(&comparison_of(&[&[STORY[0], p, STORY[1], STORY[2]]]));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].paragraph, 1);
    assert_eq!(f[0].start, 28);
    assert_eq!(f[0].text, "Read more: Ferry operator orders boats");
}

#[test]
fn leaves_story_text_headings_and_captions_alone() {
    let paras = [
        STORY[0],
        "Related to the strike, ferry services were also cut, the operator said.",
        "\u{201C}Subscribe to our values or leave,\u{201D} the union leader told members.",
        "The company will share the cost with the port authority, it said on Monday.",
        "Readers of the newsletter were told in March that the talks had failed.",
        STORY[1],
        "Dockers leave the terminal after the vote on Sunday. (Photo: Jane Doe/Harbour Wire)",
        STORY[2],
        STORY[3],
        STORY[4],
        STORY[5],
    ];
    assert!(flagged(&paras).is_empty(), "{:?}", flagged(&paras));
}

fn article(name: &str, outlet: Option<&str>, paras: &[&str]) -> Article {
    let mut a = Article::from_texts(name, paras.iter().copied());
    a.outlet = outlet.map(str::to_string);
    a
}

/// Three outlets' copies of one wire story (all invented): each adds its own furniture in
/// shapes no cue list names, and one adds a story paragraph of its own.
#[test]
fn outlet_furniture_is_found_by_the_signals_not_by_phrases() {
    let wire = STORY;
    let a_extra = [
        "Key points drafted with the help of AI, reviewed by our editors",
        "What do you think? Tell us below.",
        "12 comments",
    ];
    let b_extra = [
        "Get alerts on your phone with the Riverside Daily app, free for iPhone and Android.",
        "This report was provided by Harbour Wire and has not been edited by our staff.",
    ];
    let unique = "The deal also gives crane drivers a paid rest after every six hours at the port, the union said.";
    let a = article(
        "a.txt",
        Some("Riverside Daily"),
        &[
            a_extra[0], wire[0], wire[1], wire[2], a_extra[1], wire[3], wire[4], wire[5],
            a_extra[2],
        ],
    );
    let b = article(
        "b.txt",
        Some("Coast Courier"),
        &[
            wire[0], wire[1], b_extra[0], wire[2], wire[3], unique, wire[4], wire[5], b_extra[1],
        ],
    );
    let w = article("wire.txt", Some("Harbour Wire"), &wire);
    // None of the furniture is worded like a cue the lists know.
    for t in a_extra.iter().chain(&b_extra) {
        assert!(!looks_like_boilerplate(t), "a cue list knows {t:?}");
    }
    let c = crate::compare::compare(
        vec![w, a, b],
        Vec::new(),
        &CompareOptions::default(),
        &mut |_| {},
    );
    let boiler: Vec<(usize, &str)> = c
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Boilerplate)
        .map(|f| (f.article, f.text.as_str()))
        .collect();
    for t in a_extra {
        assert!(boiler.contains(&(1, t)), "missed {t:?}: {boiler:?}");
    }
    for t in b_extra {
        assert!(boiler.contains(&(2, t)), "missed {t:?}: {boiler:?}");
    }
    assert_eq!(boiler.len(), 5, "story flagged: {boiler:?}");
    // The outlet's own story paragraph coheres: a unique passage, not furniture.
    assert!(
        c.findings
            .iter()
            .any(|f| f.kind == FindingKind::UniquePassage && f.article == 2 && f.text == unique),
        "{:?}",
        c.findings
    );
}

#[test]
fn furniture_repeated_across_one_sites_articles() {
    let other_story = [
        "The council approved a new cycle lane along the river on Tuesday evening.",
        "Work on the lane will start in June and take about four months to finish.",
        "Shop owners on the quay said they feared losing parking spaces for customers.",
        "The council said the lane would link the station with the ferry terminal.",
    ];
    let promo = "Riverside Daily: independent since 1921";
    let mut first: Vec<&str> = STORY.to_vec();
    first.insert(3, promo);
    let mut second: Vec<&str> = other_story.to_vec();
    second.insert(2, promo);
    let mut a = article("a.txt", Some("Riverside Daily"), &first);
    a.title = "Port strike ends".into();
    let mut b = article("b.txt", Some("Riverside Daily"), &second);
    b.title = "Cycle lane approved".into();
    let c = crate::compare::compare(
        vec![a, b],
        Vec::new(),
        &CompareOptions::default(),
        &mut |_| {},
    );
    let s = signals(&Context::new(&c), 0);
    assert!(on(s[3].get("same_site_repeat")), "same_site_repeat");
    assert!(!on(s[0].get("same_site_repeat")), "same_site_repeat");
    let boiler: Vec<(usize, usize)> = c
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Boilerplate)
        .map(|f| (f.article, f.paragraph))
        .collect();
    // Two stories side by side: their own paragraphs are neither shared nor furniture
    // (cross-article evidence needs articles about the same story), the site's promo is.
    assert!(boiler.contains(&(0, 3)), "{boiler:?}");
    assert!(
        boiler
            .iter()
            .all(|&(a, p)| (a, p) == (0, 3) || (a, p) == (1, 2)),
        "{boiler:?}"
    );
}

#[test]
fn decisions_keep_captions_and_wordless_lines_others_carry() {
    let c = comparison_of(&[&STORY]);
    let mut s = signals(&Context::new(&c), 0).remove(0);
    let caption =
        "Dockers leave the terminal after the vote on Sunday. (Photo: Jane Doe/Harbour Wire)";
    assert!(!decide(&s, caption, 0.99, 0.5));
    assert!(decide(&s, "Sign in", 0.99, 0.5));
    s.wordless = true;
    s.carried_elsewhere = true;
    assert!(!decide(&s, "____", 0.99, 0.5));
}

#[test]
fn rows_of_a_results_table_are_story_material() {
    let rows: Vec<Vec<&str>> = [
        "Standings after the regatta",
        "1 Hallvard Osk 412 3 1 9",
        "2 Mireille Tann 398 2 2 8",
        "3 Pavo Lindqvist 377 1 0 8",
        "The next race is in June.",
    ]
    .iter()
    .map(|l| l.split_whitespace().collect())
    .collect();
    assert_eq!(table_rows(&rows), [false, true, true, true, false]);
    // Two such lines are no table; a line of prose with a few figures is none either.
    let two: Vec<Vec<&str>> = [
        "1 Osk 412 3 1",
        "2 Tann 398 2 2",
        "Sales rose 4 percent in 2019 to 12 stores.",
    ]
    .iter()
    .map(|l| l.split_whitespace().collect())
    .collect();
    assert_eq!(table_rows(&two), [false, false, false]);
    // Opened as an article: the table rows are not flagged as page text.
    let mut paras = vec![
        "The autumn regatta ended on Sunday with a close finish between the three leading crews, who had traded places all week.",
        "Hallvard Osk held on to win by fourteen points after a strong final race in light winds off the harbour wall.",
    ];
    paras.extend([
        "1 Hallvard Osk 412 3 1 9",
        "2 Mireille Tann 398 2 2 8",
        "3 Pavo Lindqvist 377 1 0 8",
        "4 Eino Saral 350 0 1 6",
    ]);
    let hits = flagged(&paras);
    assert!(hits.iter().all(|(p, _)| *p < 2), "{hits:?}");
}
