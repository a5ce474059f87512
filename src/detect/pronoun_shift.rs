//! Detector for `pronoun_shift` findings: a pronoun whose gender or number changes
//! between aligned versions ("He said" → "She added"), or, within one article, a
//! female pronoun for a man or a country ("China objected … She is also opposed") —
//! the mark of a translation from a gendered language.
//!
//! Across articles: in each aligned pair of cells the words are diffed; a short
//! changed region holding exactly one personal pronoun on each side, where the other
//! article's pronoun is gendered and of a different class than the reference's, is
//! flagged. Within an article: the antecedent of a pronoun is taken to be the subject
//! (first person or country named outside quotations) of its sentence before it, or
//! else of the previous sentence; when that person's gender is known (a first name
//! from the lists below, or Mr/Ms/Mrs) and contradicts the pronoun, or a female
//! pronoun refers to a country, it is flagged. Ambiguous windows (a person of the
//! pronoun's gender nearby) are skipped: precision first.

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use super::context::{
    Context, Hit, Tok, capitalise, is_name_shaped as is_capitalised, loc, strip_possessive as strip,
};
use super::lexicon::{COUNTRIES, FEMALE_NAMES, MALE_NAMES, ORG_WORDS};
use crate::model::{Finding, FindingKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Male,
    Female,
    Neuter,
    Plural,
}

fn class_of(lower: &str) -> Option<Class> {
    Some(match lower {
        "he" | "him" | "his" | "himself" => Class::Male,
        "she" | "her" | "hers" | "herself" => Class::Female,
        "it" | "its" | "itself" => Class::Neuter,
        "they" | "them" | "their" | "theirs" | "themselves" => Class::Plural,
        _ => return None,
    })
}

fn class_word(c: Class) -> &'static str {
    match c {
        Class::Male => "masculine",
        Class::Female => "feminine",
        Class::Neuter => "neuter",
        Class::Plural => "plural",
    }
}

/// A pronoun occurrence, possibly glued to the previous word (`WednesdayShe`).
#[derive(Debug, Clone)]
struct Pron {
    text: String,
    class: Class,
    para: usize,
    start: usize,
    end: usize,
    /// Begins a sentence (also when glued to the end of the previous one).
    initial: bool,
}

/// Finds `pronoun_shift` in the comparison.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: HashSet<(usize, usize, usize)> = HashSet::new();
    let within_groups = ctx
        .evidence_groups()
        .into_iter()
        .flat_map(|group| within(ctx, &group));
    for f in across(ctx).into_iter().chain(within_groups) {
        if seen.insert((f.article, f.paragraph, f.start)) {
            out.push(f);
        }
    }
    out
}

/// Pronoun changes between the reference and aligned cells of other articles.
fn across(ctx: &Context<'_>) -> Vec<Finding> {
    let reference = ctx.reference();
    let mut out = Vec::new();
    if !ctx.english(reference) {
        return out;
    }
    for pair in ctx.pairs.iter().filter(|p| ctx.english(p.article)) {
        let rt = ctx.cell_words(reference, &pair.ref_paras);
        let ot = ctx.cell_words(pair.article, &pair.paras);
        for h in &pair.hunks {
            if h.old.len() > 8 || h.new.len() > 8 || h.old.is_empty() || h.new.is_empty() {
                continue;
            }
            let (Some(rs), Some(os)) = (rt.get(h.old.clone()), ot.get(h.new.clone())) else {
                continue;
            };
            if has_inner_name(rs) || has_inner_name(os) {
                continue;
            }
            // Pronouns inside quotations belong to the speaker's wording, not the report's.
            let outside = |article: usize, t: &Tok| !ctx.in_quote(article, t.para, t.start);
            let rs: Vec<&Tok> = rs.iter().filter(|t| outside(reference, t)).collect();
            let os: Vec<&Tok> = os.iter().filter(|t| outside(pair.article, t)).collect();
            let rp: Vec<(&Tok, Class)> = rs
                .iter()
                .filter_map(|t| class_of(&t.lower).map(|k| (*t, k)))
                .collect();
            let op: Vec<(&Tok, Class)> = os
                .iter()
                .filter_map(|t| class_of(&t.lower).map(|k| (*t, k)))
                .collect();
            let ([(r, rc)], [(o, oc)]) = (rp.as_slice(), op.as_slice()) else {
                continue;
            };
            if rc == oc || !matches!(oc, Class::Male | Class::Female) {
                continue;
            }
            // "their" → "his" is often a rewrite naming one person of a group: only a
            // subject pronoun counts when the reference's was plural.
            if *rc == Class::Plural && !matches!(o.lower.as_str(), "she" | "he") {
                continue;
            }
            let message = format!(
                "\u{2018}{}\u{2019} is {}, but the aligned passage in {} has \u{2018}{}\u{2019} ({}): the pronoun changed gender or number.",
                o.text,
                class_word(*oc),
                ctx.name_of(reference),
                r.text,
                class_word(*rc)
            );
            let suggestion = if o.text.starts_with(char::is_uppercase) {
                capitalise(&r.lower)
            } else {
                r.lower.to_string()
            };
            out.extend(ctx.finding(
                FindingKind::PronounShift,
                pair.article,
                o.para,
                Hit {
                    start: o.start,
                    end: o.end,
                    message,
                    suggestion: Some(suggestion),
                    related: vec![loc(reference, r.para, r.start, r.end)],
                },
            ));
        }
    }
    out
}

/// True when the tokens hold a capitalised word that does not begin a sentence (a name).
fn has_inner_name(toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| is_capitalised(&t.text) && class_of(&t.lower).is_none() && !t.sentence_start)
}

/// What a capitalised word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entity {
    Person(Option<Class>),
    Country,
}

/// Genders of people named in the articles of `group` (keyed by surname), and every word
/// that ends a multi-word personal name (a surname, known gender or not).
fn people(
    ctx: &Context<'_>,
    group: &[usize],
) -> (FxHashMap<String, Option<Class>>, FxHashSet<String>) {
    let mut surnames: FxHashSet<String> = FxHashSet::default();
    let mut map: FxHashMap<String, Option<Class>> = FxHashMap::default();
    let mut add = |key: &str, g: Option<Class>| {
        let e = map.entry(key.to_string()).or_insert(g);
        if *e != g {
            *e = None;
        }
    };
    for &a in group.iter().filter(|&&a| ctx.english(a)) {
        let toks = &ctx.article(a).words;
        let mut i = 0;
        while i < toks.len() {
            // A run of adjacent capitalised words.
            let mut j = i;
            while let Some(t) = toks.get(j)
                && is_capitalised(&t.text)
                && (j == i
                    || toks
                        .get(j - 1)
                        .is_some_and(|p| p.para == t.para && t.start <= p.end + 2))
            {
                j += 1;
            }
            if j == i {
                i += 1;
                continue;
            }
            let run: Vec<&Tok> = toks
                .get(i..j)
                .map(|r| r.iter().collect())
                .unwrap_or_default();
            if run.len() >= 2
                && !run.iter().any(|t| ORG_WORDS.contains(&t.lower))
                && let Some(last) = run.last()
                && class_of(&last.lower).is_none()
            {
                surnames.insert(strip(&last.text).to_string());
            }
            let mut gender = None;
            let mut names_start = 0;
            for (k, t) in run.iter().enumerate() {
                let l = t.lower.trim_end_matches('.');
                if matches!(l, "mr") {
                    gender = Some(Class::Male);
                    names_start = k + 1;
                } else if matches!(l, "ms" | "mrs" | "miss") {
                    gender = Some(Class::Female);
                    names_start = k + 1;
                } else if gender.is_none() && MALE_NAMES.contains(l) && k + 1 < run.len() {
                    gender = Some(Class::Male);
                    names_start = k;
                } else if gender.is_none() && FEMALE_NAMES.contains(l) && k + 1 < run.len() {
                    gender = Some(Class::Female);
                    names_start = k;
                }
            }
            if gender.is_some() {
                // The surname (last word of the run) stands for the person later on.
                if let Some(t) = run.last().filter(|_| names_start < run.len()) {
                    add(strip(&t.text), gender);
                }
            }
            i = j;
        }
    }
    (map, surnames)
}

fn entity_of(word: &str, people: &FxHashMap<String, Option<Class>>) -> Option<Entity> {
    if !is_capitalised(word) {
        return None;
    }
    let w = strip(word);
    if COUNTRIES.contains(&w.to_lowercase()) {
        return Some(Entity::Country);
    }
    people.get(w).map(|g| Entity::Person(*g))
}

/// Pronouns among one paragraph's words, including ones glued to the previous word.
fn pronouns(para: usize, toks: &[Tok]) -> Vec<Pron> {
    let mut out = Vec::new();
    for t in toks {
        if let Some(class) = class_of(&t.lower) {
            out.push(Pron {
                text: t.text.to_string(),
                class,
                para,
                start: t.start,
                end: t.end,
                initial: t.sentence_start,
            });
            continue;
        }
        // Glued: "WednesdayShe".
        for p in ["She", "He", "Her", "His"] {
            if let Some(head) = t.text.strip_suffix(p)
                && head.chars().count() >= 2
                && head.chars().last().is_some_and(char::is_lowercase)
                && let Some(class) = class_of(&p.to_lowercase())
            {
                let start = t.start + head.chars().count();
                out.push(Pron {
                    text: p.to_string(),
                    class,
                    para,
                    start,
                    end: t.end,
                    initial: true,
                });
            }
        }
    }
    out
}

/// Female pronouns for men or countries, male pronouns for women, within each article of
/// `group` (articles that share evidence: who is a man or a woman is read from them only).
#[allow(clippy::too_many_lines)] // Reason: one pass over each article, clearer unsplit.
///
/// Linear in the article: each paragraph's words, sentences and quotations come from the
/// context; mentions and sentence starts are gathered in one pass and searched by binary
/// search per pronoun.
fn within(ctx: &Context<'_>, group: &[usize]) -> Vec<Finding> {
    let (people, surnames) = people(ctx, group);
    let mut out = Vec::new();
    for &a in group.iter().filter(|&&a| ctx.english(a)) {
        let text = ctx.article(a);
        let toks = &text.words;
        // (para, start, entity, token) of every entity mention outside quotations.
        let mut mentions: Vec<(usize, usize, Entity, &Tok)> = Vec::new();
        let mut prons: Vec<Pron> = Vec::new();
        let mut starts: Vec<(usize, usize)> = Vec::new();
        for (p, para) in text.paragraphs.iter().enumerate() {
            let words = ctx.para_words(a, p);
            let ps = pronouns(p, words);
            // Sentence starts, and the glue points where a pronoun opens a run-on sentence.
            let mut para_starts: Vec<usize> = para.sentences.iter().map(|s| s.start).collect();
            para_starts.extend(ps.iter().filter(|pr| pr.initial).map(|pr| pr.start));
            para_starts.sort_unstable();
            para_starts.dedup();
            starts.extend(para_starts.into_iter().map(|s| (p, s)));
            prons.extend(ps.into_iter().filter(|pr| !ctx.in_quote(a, p, pr.start)));
            for t in words {
                // Only a capitalised word can be a mention (see `entity_of`): test that
                // before the quotation lookup.
                if !is_capitalised(&t.text) || ctx.in_quote(a, p, t.start) {
                    continue;
                }
                if let Some(e) = entity_of(&t.text, &people) {
                    mentions.push((p, t.start, e, t));
                }
            }
        }
        for pr in prons {
            if !matches!(pr.class, Class::Male | Class::Female) {
                continue;
            }
            // Current sentence start and previous sentence start.
            let idx = starts.partition_point(|&s| s <= (pr.para, pr.start));
            let Some(&cur) = starts.get(idx.wrapping_sub(1)) else {
                continue;
            };
            let prev = idx.checked_sub(2).and_then(|k| starts.get(k)).copied();
            // Mentions are in text order: a range of them is a slice.
            let in_range = |from: (usize, usize), to: (usize, usize)| {
                let lo = mentions.partition_point(|m| (m.0, m.1) < from);
                let hi = mentions.partition_point(|m| (m.0, m.1) < to);
                mentions.get(lo..hi.max(lo)).unwrap_or(&[]).iter()
            };
            let before_in_sentence: Vec<_> = in_range(cur, (pr.para, pr.start)).collect();
            let window: Vec<_> = match prev {
                Some(pv) => in_range(pv, (pr.para, pr.start)).collect(),
                None => before_in_sentence.clone(),
            };
            // Someone of the pronoun's own gender nearby: ambiguous.
            if window.iter().any(|m| m.2 == Entity::Person(Some(pr.class))) {
                continue;
            }
            // Only subject pronouns: "her"/"him"/"his" often point at someone else.
            if !matches!(pr.text.to_lowercase().as_str(), "she" | "he") {
                continue;
            }
            let is_person = |m: &(usize, usize, Entity, &Tok)| matches!(m.2, Entity::Person(_));
            // Only a pronoun opening a sentence is resolved: mid-sentence pronouns in
            // native text too often point past the subject.
            if !pr.initial {
                continue;
            }
            let Some(pv) = prev else { continue };
            // The subject of the previous sentence: a named entity among its first three
            // words, when that sentence names no other person (a country must share it
            // with no person at all).
            let prev_mentions: Vec<_> = in_range(pv, cur).collect();
            let persons = prev_mentions.iter().filter(|m| is_person(m)).count();
            let lo = toks.partition_point(|t| (t.para, t.start) < pv);
            let third = toks
                .get(lo + 2)
                .map_or((usize::MAX, usize::MAX), |t| (t.para, t.start));
            let antecedent = match prev_mentions.first().copied() {
                Some(m) if (m.0, m.1) > third => None,
                Some(m) if m.2 == Entity::Country => (persons == 0).then_some(m),
                Some(m) if persons == 1 => Some(m),
                _ => None,
            };
            let Some((_, _, entity, tok)) = antecedent else {
                continue;
            };
            // Another personal name (known gender or not) in the window: ambiguous.
            let from = pv;
            let lo = toks.partition_point(|t| (t.para, t.start) < from);
            let hi = toks.partition_point(|t| (t.para, t.start) < (pr.para, pr.start));
            let antecedent_name = strip(&tok.text);
            let other_name = toks.get(lo..hi.max(lo)).unwrap_or(&[]).iter().any(|t| {
                let name = strip(&t.text);
                name != antecedent_name
                    && class_of(&t.lower).is_none()
                    && !COUNTRIES.contains(&t.lower)
                    && surnames.contains(name)
            });
            if other_name {
                continue;
            }
            let why = match (*entity, pr.class) {
                (Entity::Country, Class::Female) => format!(
                    "\u{2018}{}\u{2019} seems to refer to {}, a country: a feminine pronoun for a country is a mark of translation from a gendered language; \u{2018}it\u{2019} is meant.",
                    pr.text, tok.text
                ),
                (Entity::Person(Some(Class::Male)), Class::Female) => format!(
                    "\u{2018}{}\u{2019} seems to refer to {}, who is a man elsewhere in the text.",
                    pr.text,
                    strip(&tok.text)
                ),
                (Entity::Person(Some(Class::Female)), Class::Male) => format!(
                    "\u{2018}{}\u{2019} seems to refer to {}, who is a woman elsewhere in the text.",
                    pr.text,
                    strip(&tok.text)
                ),
                _ => continue,
            };
            let fixed = match (*entity, pr.text.to_lowercase().as_str()) {
                (Entity::Country, "she") => "it",
                (Entity::Country, "her") => "its",
                (_, "she") => "he",
                (_, "her") => "his",
                (_, "herself") => "himself",
                (_, "he") => "she",
                (_, "him" | "his") => "her",
                (_, "himself") => "herself",
                _ => continue,
            };
            let suggestion = if pr.text.starts_with(char::is_uppercase) {
                capitalise(fixed)
            } else {
                fixed.to_string()
            };
            out.extend(ctx.finding(
                FindingKind::PronounShift,
                a,
                pr.para,
                Hit {
                    start: pr.start,
                    end: pr.end,
                    message: why,
                    suggestion: Some(suggestion),
                    related: vec![loc(
                        a,
                        tok.para,
                        tok.start,
                        tok.start + strip(&tok.text).chars().count(),
                    )],
                },
            ));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use crate::detect::context::Context;
    use crate::detect::testing::{article, parallel};

    /// The detector over a freshly built context.
    fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
        super::detect(&Context::new(c))
    }

    #[test]
    fn flags_aligned_pronoun_change() {
        let wire = article(
            "wire.txt",
            &["Tomas Recker said members voted for the deal. He said turnout was 88 percent."],
        );
        let other = article(
            "copy.html",
            &["Tomas Recker said members voted for the deal. She said turnout was 88 percent."],
        );
        let f = detect(&parallel(vec![wire, other]));
        assert_eq!(f.len(), 1, "{f:?}");
        let f = &f[0];
        assert_eq!((f.article, f.paragraph, f.start, f.end), (1, 0, 46, 49));
        assert_eq!(f.text, "She");
        assert_eq!(f.suggestion.as_deref(), Some("He"));
        assert!(f.message.contains("wire.txt"), "{}", f.message);
    }

    #[test]
    fn flags_she_for_a_country_and_for_a_named_man() {
        let a = article(
            "seed",
            &[
                "Anthony Blinken met officials in Beijing.",
                "China objected to the aid package. She is also opposed to the sale.",
                "Blinken arrived in China on WednesdayShe visited Shanghai first.",
            ],
        );
        let f = detect(&parallel(vec![a]));
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.paragraph, f.text.as_str())).collect();
        assert_eq!(got, vec![(1, "She"), (2, "She")], "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("It"));
        assert!(f[0].message.contains("China"), "{}", f[0].message);
        assert_eq!(f[1].start, 37);
        assert_eq!(f[1].suggestion.as_deref(), Some("He"));
        assert_eq!(f[1].related[0].paragraph, 2);
    }

    #[test]
    fn correct_pronouns_and_ambiguous_ones_are_left() {
        let a = article(
            "a",
            &[
                "Katharina Olsberg met Tomas Recker. She said the deal was fair.",
                "Recker agreed. He said members voted.",
                "Olsberg spoke first. She thanked the crews.",
                "\"She will sail tomorrow,\" Recker said of the ship.",
            ],
        );
        let f = detect(&parallel(vec![a]));
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn they_to_it_is_not_flagged_across_articles() {
        let wire = article("a", &["The union said they would vote."]);
        let other = article("b", &["The union said it would vote."]);
        assert!(detect(&parallel(vec![wire, other])).is_empty());
    }

    #[test]
    fn fixture_through_the_pipeline() {
        let c = crate::detect::testing::fixture("pronoun_shift");
        let f = detect(&c);
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.article, f.text.as_str())).collect();
        assert_eq!(got, vec![(1, "She")], "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("He"));
    }
}
