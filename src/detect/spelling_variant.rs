//! Detector for `spelling_variant` findings: US/UK spelling differences
//! ("labor"/"labour", "emphasize"/"emphasise", "center"/"centre", "defense"/"defence",
//! "traveled"/"travelled", "program"/"programme", "catalog"/"catalogue").
//!
//! Every word is reduced to a variant key by general US/UK rules (the key is the US
//! form). Words sharing a key but spelled differently are variants. A non-reference
//! article using a spelling other than the reference's is flagged, and so is the
//! minority spelling inside an article that uses both. Capitalised words inside a
//! sentence (proper names such as "Labour Party", "Pearl Harbor") are left alone.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::context::{Context, Hit, capitalise, is_name_shaped as is_capitalised, loc};
use super::lexicon::SPELLING_STEMS;
use crate::model::{Finding, FindingKind};

/// The US form of `word` (lower case) under the US/UK rules; the word itself when no rule applies.
#[must_use]
pub(crate) fn variant_key(word: &str) -> String {
    if word.len() < 4 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return word.to_string();
    }
    for (uk, us) in SPELLING_STEMS.iter() {
        if let Some(rest) = word.strip_prefix(uk) {
            return format!("{us}{rest}");
        }
    }
    let mut w = word.to_string();
    // -our → -or (labour, favour, harbour, behaviour); not four/your/hour/course/pour.
    if w.len() >= 5
        && let Some(i) = w.rfind("our")
        && i > 0
        && !matches!(
            w.as_bytes().get(i - 1),
            Some(b'f' | b'y' | b'c' | b'j' | b's' | b'h' | b'p' | b't')
        )
    {
        let after = &w[i + 3..];
        if matches!(
            after,
            "" | "s"
                | "ed"
                | "ing"
                | "ite"
                | "ites"
                | "able"
                | "ably"
                | "er"
                | "ers"
                | "ful"
                | "hood"
                | "hoods"
                | "less"
                | "ism"
                | "ist"
                | "ists"
                | "ous"
                | "ary"
        ) {
            w = format!("{}or{after}", &w[..i]);
        }
    }
    // -ise/-ised/-ising/-isation → -ize... (also -yse → -yze).
    for (uk, us) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("ise", "ize"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yses", "yzes"),
        ("yse", "yze"),
    ] {
        if w.len() >= uk.len() + 3
            && let Some(stem) = w.strip_suffix(uk)
        {
            w = format!("{stem}{us}");
            break;
        }
    }
    // -tre/-bre → -ter/-ber (centre, theatre, metre, fibre), with -s and -d forms.
    for (uk, us) in [("re", "er"), ("res", "ers"), ("red", "ered")] {
        if let Some(stem) = w.strip_suffix(uk)
            && stem.len() >= 3
            && matches!(stem.as_bytes().last(), Some(b't' | b'b'))
            && !matches!(stem.as_bytes().get(stem.len() - 2), Some(b't' | b'b'))
        {
            w = format!("{stem}{us}");
            break;
        }
    }
    // Doubled l before -ed/-ing/-er (travelled, cancelling, labelled, signalled).
    if let Some(i) = w.find("ll")
        && i >= 4
        && matches!(w.as_bytes().get(i - 1), Some(b'e' | b'a'))
        && matches!(&w[i + 2..], "ed" | "ing" | "er" | "ers" | "ings")
    {
        w = format!("{}{}", &w[..=i], &w[i + 2..]);
    }
    // -ogue → -og (catalogue, dialogue, analogue).
    for (uk, us) in [("ogue", "og"), ("ogues", "ogs")] {
        if w.len() >= 7
            && let Some(stem) = w.strip_suffix(uk)
        {
            w = format!("{stem}{us}");
            break;
        }
    }
    // ae → e inside long words (paediatric, anaemia, haemorrhage).
    if w.len() >= 8
        && let Some(i) = w.find("ae")
        && i > 0
        && i + 2 < w.len()
    {
        w = format!("{}{}", &w[..i], &w[i + 1..]);
    }
    w
}

/// One eligible occurrence of a word.
#[derive(Debug, Clone)]
struct Occ {
    article: usize,
    para: usize,
    start: usize,
    end: usize,
    capital: bool,
}

/// Finds `spelling_variant` in the comparison: spellings are compared within each group of
/// articles that share evidence ([`Context::evidence_groups`]), never with an article about
/// another story.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    ctx.evidence_groups()
        .iter()
        .flat_map(|group| detect_group(ctx, group))
        .collect()
}

/// The `spelling_variant` findings among the articles of `group`.
#[allow(clippy::too_many_lines)] // Reason: one linear pipeline (collect, group, flag).
fn detect_group(ctx: &Context<'_>, group: &[usize]) -> Vec<Finding> {
    // Spelling → occurrences (in text order), borrowing the context's lower-case words;
    // each distinct spelling is then reduced to its key once, not once per occurrence.
    let mut by_spelling: FxHashMap<&str, Vec<Occ>> = FxHashMap::default();
    for &a in group.iter().filter(|&&a| ctx.english(a)) {
        for t in &ctx.article(a).words {
            if t.lower.len() < 4 || !t.lower.bytes().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            let capital = is_capitalised(&t.text);
            // A capital mid-sentence is a proper name; at a clause start it is the word.
            if capital && !t.clause_start {
                continue;
            }
            if t.text.chars().skip(1).any(char::is_uppercase) {
                continue;
            }
            by_spelling.entry(&t.lower).or_default().push(Occ {
                article: a,
                para: t.para,
                start: t.start,
                end: t.end,
                capital,
            });
        }
    }
    // key → spelling → occurrences.
    let mut groups: FxHashMap<String, BTreeMap<&str, Vec<Occ>>> = FxHashMap::default();
    for (spelling, occs) in by_spelling {
        groups
            .entry(variant_key(spelling))
            .or_default()
            .insert(spelling, occs);
    }
    let reference = ctx.reference();
    let mut out = Vec::new();
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort();
    for key in keys {
        let Some(spellings) = groups.get(key) else {
            continue;
        };
        if spellings.len() < 2 {
            continue;
        }
        let in_ref: Vec<(&&str, &Occ)> = spellings
            .iter()
            .filter_map(|(s, occs)| occs.iter().find(|o| o.article == reference).map(|o| (s, o)))
            .collect();
        let mut flagged = std::collections::HashSet::new();
        // Against the reference's spelling.
        if let [(ref_spelling, ref_occ)] = in_ref.as_slice() {
            for (s, occs) in spellings {
                if s == *ref_spelling {
                    continue;
                }
                for o in occs.iter().filter(|o| o.article != reference) {
                    let message = format!(
                        "\u{2018}{s}\u{2019} is the {} spelling; {} writes \u{2018}{ref_spelling}\u{2019}. A minor spelling difference, not an edit.",
                        us_or_uk(s, key),
                        ctx.name_of(reference),
                    );
                    flagged.insert((o.article, o.para, o.start));
                    out.extend(flag(ctx, o, ref_spelling, message, ref_occ));
                }
            }
        }
        // Inconsistent spelling inside one article.
        for &a in group {
            let mut used: Vec<(&&str, Vec<&Occ>)> = spellings
                .iter()
                .map(|(s, occs)| {
                    (
                        s,
                        occs.iter().filter(|o| o.article == a).collect::<Vec<_>>(),
                    )
                })
                .filter(|(_, o)| !o.is_empty())
                .collect();
            if used.len() < 2 {
                continue;
            }
            // Majority first; ties go to the spelling used first.
            used.sort_by(|x, y| {
                y.1.len()
                    .cmp(&x.1.len())
                    .then_with(|| first_pos(&x.1).cmp(&first_pos(&y.1)))
            });
            let Some((major, major_occs)) = used.first() else {
                continue;
            };
            let Some(major_occ) = major_occs.first() else {
                continue;
            };
            for (s, occs) in used.iter().skip(1) {
                for o in occs {
                    if !flagged.insert((o.article, o.para, o.start)) {
                        continue;
                    }
                    let message = format!(
                        "\u{2018}{s}\u{2019} is the {} spelling, but this article elsewhere writes \u{2018}{major}\u{2019}. A minor spelling inconsistency, not an edit.",
                        us_or_uk(s, key),
                    );
                    out.extend(flag(ctx, o, major, message, major_occ));
                }
            }
        }
    }
    out
}

fn first_pos(occs: &[&Occ]) -> (usize, usize) {
    occs.first().map_or((usize::MAX, 0), |o| (o.para, o.start))
}

fn us_or_uk(spelling: &str, key: &str) -> &'static str {
    if spelling == key { "US" } else { "UK" }
}

fn flag(
    ctx: &Context<'_>,
    o: &Occ,
    other: &str,
    message: String,
    other_occ: &Occ,
) -> Option<Finding> {
    let suggestion = if o.capital {
        capitalise(other)
    } else {
        other.to_string()
    };
    ctx.finding(
        FindingKind::SpellingVariant,
        o.article,
        o.para,
        Hit {
            start: o.start,
            end: o.end,
            message,
            suggestion: Some(suggestion),
            related: vec![loc(
                other_occ.article,
                other_occ.para,
                other_occ.start,
                other_occ.end,
            )],
        },
    )
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::detect::context::Context;
    use crate::detect::testing::{article, parallel};

    /// The detector over a freshly built context.
    fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
        super::detect(&Context::new(c))
    }

    #[test]
    fn keys_join_us_and_uk_forms() {
        for (uk, us) in [
            ("labour", "labor"),
            ("favourite", "favorite"),
            ("behaviour", "behavior"),
            ("emphasise", "emphasize"),
            ("organisation", "organization"),
            ("analysed", "analyzed"),
            ("centre", "center"),
            ("theatres", "theaters"),
            ("defence", "defense"),
            ("travelled", "traveled"),
            ("cancelling", "canceling"),
            ("programme", "program"),
            ("catalogue", "catalog"),
            ("paediatric", "pediatric"),
        ] {
            assert_eq!(variant_key(uk), variant_key(us), "{uk}/{us}");
        }
    }

    #[test]
    fn keys_keep_different_words_apart() {
        for (a, b) in [
            ("four", "for"),
            ("fourth", "forth"),
            ("your", "yor"),
            ("filled", "filed"),
            ("there", "ther"),
            ("hours", "hors"),
            ("course", "corse"),
        ] {
            assert_ne!(variant_key(a), variant_key(b), "{a}/{b}");
        }
    }

    #[test]
    fn flags_the_non_reference_spelling_with_suggestion() {
        let wire = article(
            "wire.txt",
            &["Talks over a new labour agreement broke down."],
        );
        let other = article(
            "copy.html",
            &["Talks over a new labor agreement broke down."],
        );
        let f = detect(&parallel(vec![wire, other]));
        assert_eq!(f.len(), 1, "{f:?}");
        let f = &f[0];
        assert_eq!((f.article, f.paragraph, f.start, f.end), (1, 0, 17, 22));
        assert_eq!(f.text, "labor");
        assert_eq!(f.suggestion.as_deref(), Some("labour"));
        assert_eq!(f.related[0].article, 0);
        assert_eq!(f.related[0].start, 17);
        assert!(f.message.contains("US spelling"), "{}", f.message);
        assert!(f.message.contains("minor"), "{}", f.message);
    }

    #[test]
    fn flags_inconsistency_within_one_article() {
        let a = article(
            "a",
            &[
                "The centre opened. Visitors to the centre praised it.",
                "The center closes at six.",
            ],
        );
        let f = detect(&parallel(vec![a]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].paragraph, f[0].text.as_str()), (1, "center"));
        assert_eq!(f[0].suggestion.as_deref(), Some("centre"));
    }

    #[test]
    fn proper_names_mid_sentence_are_left_alone() {
        let a = article("a", &["He joined the Labour Party in May."]);
        let b = article("b", &["He joined the labor movement in May."]);
        assert!(detect(&parallel(vec![a, b])).is_empty());
    }

    #[test]
    fn fixture_through_the_pipeline() {
        let c = crate::detect::testing::fixture("spelling_variant");
        let f = detect(&c);
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.article, f.text.as_str())).collect();
        assert_eq!(got, vec![(1, "favor"), (1, "harbor")], "{f:?}");
    }
}
