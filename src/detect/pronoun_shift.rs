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

use std::collections::{HashMap, HashSet};

use super::name_variant::COUNTRIES;
use super::xref_util::{
    Tok, aligned_pairs, capitalise, diff_hunks, finding, is_capitalised, loc, name_of, para_text,
    tokens,
};
use crate::model::{Comparison, Finding, FindingKind};

/// Common male first names (lower case).
const MALE: &[&str] = &[
    "aaron",
    "abdul",
    "abdullah",
    "adam",
    "adrian",
    "ahmed",
    "ahmad",
    "alan",
    "albert",
    "alex",
    "alexander",
    "alexei",
    "ali",
    "andrew",
    "andrei",
    "andres",
    "angelo",
    "anthony",
    "antony",
    "antonio",
    "arnold",
    "arthur",
    "barack",
    "benjamin",
    "bernard",
    "bill",
    "bob",
    "boris",
    "brandon",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "charles",
    "chris",
    "christopher",
    "colin",
    "craig",
    "daniel",
    "david",
    "dennis",
    "dmitry",
    "donald",
    "douglas",
    "edward",
    "emmanuel",
    "eric",
    "erik",
    "felix",
    "fernando",
    "francis",
    "francisco",
    "frank",
    "fred",
    "gary",
    "george",
    "gerald",
    "gordon",
    "greg",
    "gregory",
    "hans",
    "harold",
    "harry",
    "hassan",
    "henry",
    "howard",
    "hugo",
    "ian",
    "ibrahim",
    "igor",
    "ivan",
    "jack",
    "jacob",
    "james",
    "jason",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerome",
    "jim",
    "joe",
    "johan",
    "john",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "juan",
    "karl",
    "keir",
    "keith",
    "kenneth",
    "kevin",
    "klaus",
    "lars",
    "lawrence",
    "lee",
    "leonid",
    "louis",
    "luis",
    "marco",
    "mark",
    "martin",
    "matthew",
    "michael",
    "mike",
    "mohamed",
    "mohammed",
    "muhammad",
    "nathan",
    "nicholas",
    "nick",
    "nicolas",
    "oliver",
    "omar",
    "oscar",
    "patrick",
    "paul",
    "pedro",
    "peter",
    "philip",
    "pierre",
    "rafael",
    "ralph",
    "raymond",
    "richard",
    "rishi",
    "robert",
    "roger",
    "ronald",
    "roy",
    "russell",
    "ryan",
    "samuel",
    "scott",
    "sergei",
    "sergey",
    "shinzo",
    "simon",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "thomas",
    "tim",
    "timothy",
    "tom",
    "tomas",
    "tony",
    "vladimir",
    "walter",
    "wayne",
    "william",
    "xavier",
    "yuri",
    "vladislav",
    "volodymyr",
    "viktor",
    "victor",
    "recep",
    "narendra",
    "xi",
    "olaf",
    "emmanuel",
    "jens",
    "justin",
    "mitch",
    "chuck",
    "kevin",
    "lloyd",
    "jake",
    "marco",
    "rudy",
    "mitt",
    "bernie",
    "elon",
    "hunter",
    "dick",
    "newt",
];

/// Common female first names (lower case).
const FEMALE: &[&str] = &[
    "abigail",
    "agnes",
    "alexandra",
    "alice",
    "alicia",
    "amanda",
    "amy",
    "ana",
    "andrea",
    "angela",
    "ann",
    "anna",
    "anne",
    "annalena",
    "barbara",
    "betty",
    "brenda",
    "carla",
    "carmen",
    "carol",
    "caroline",
    "catherine",
    "charlotte",
    "christine",
    "claire",
    "claudia",
    "cynthia",
    "daniela",
    "deborah",
    "diana",
    "diane",
    "donna",
    "dorothy",
    "elena",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "eva",
    "fatima",
    "frances",
    "giorgia",
    "hannah",
    "heather",
    "helen",
    "hillary",
    "ingrid",
    "irene",
    "isabel",
    "jacinda",
    "jane",
    "janet",
    "jennifer",
    "jessica",
    "joan",
    "joanna",
    "josephine",
    "judith",
    "julia",
    "julie",
    "karen",
    "katharina",
    "katarina",
    "katherine",
    "kathleen",
    "kamala",
    "kate",
    "katie",
    "kelly",
    "kimberly",
    "laura",
    "linda",
    "lisa",
    "liz",
    "lucy",
    "margaret",
    "maria",
    "marie",
    "marina",
    "marine",
    "martha",
    "mary",
    "megan",
    "melania",
    "melissa",
    "michelle",
    "miriam",
    "monica",
    "nancy",
    "natalia",
    "natalie",
    "nicola",
    "nicole",
    "nikki",
    "olga",
    "olena",
    "pamela",
    "patricia",
    "rachel",
    "rebecca",
    "rose",
    "ruth",
    "sandra",
    "sarah",
    "sharon",
    "sophie",
    "stephanie",
    "susan",
    "svetlana",
    "tatiana",
    "teresa",
    "theresa",
    "ursula",
    "valerie",
    "victoria",
    "virginia",
    "yulia",
    "zoe",
    "kristi",
    "ilhan",
    "alexandria",
    "elise",
    "betsy",
    "kirstjen",
    "sheryl",
    "gina",
    "janet",
    "lindsey",
    "sonia",
    "ruth",
    "nikki",
    "liz",
    "tulsi",
    "marjorie",
    "lauren",
];

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
pub fn detect(comparison: &Comparison) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: HashSet<(usize, usize, usize)> = HashSet::new();
    for f in across(comparison).into_iter().chain(within(comparison)) {
        if seen.insert((f.article, f.paragraph, f.start)) {
            out.push(f);
        }
    }
    out
}

/// Pronoun changes between the reference and aligned cells of other articles.
fn across(c: &Comparison) -> Vec<Finding> {
    let reference = c.options.reference;
    let mut out = Vec::new();
    for pair in aligned_pairs(c) {
        let rt = tokens(c, reference, &pair.ref_paras);
        let ot = tokens(c, pair.article, &pair.paras);
        let rw: Vec<String> = rt.iter().map(|t| t.lower.clone()).collect();
        let ow: Vec<String> = ot.iter().map(|t| t.lower.clone()).collect();
        for h in diff_hunks(&rw, &ow) {
            if h.old.len() > 8 || h.new.len() > 8 || h.old.is_empty() || h.new.is_empty() {
                continue;
            }
            let (Some(rs), Some(os)) = (rt.get(h.old.clone()), ot.get(h.new.clone())) else {
                continue;
            };
            if has_inner_name(c, reference, rs) || has_inner_name(c, pair.article, os) {
                continue;
            }
            // Pronouns inside quotations belong to the speaker's wording, not the report's.
            let outside = |article: usize, t: &Tok| {
                para_text(c, article, t.para)
                    .is_none_or(|p| !quoted(p).iter().any(|(s, e)| t.start > *s && t.start < *e))
            };
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
                name_of(c, reference),
                r.text,
                class_word(*rc)
            );
            let suggestion = if o.text.starts_with(char::is_uppercase) {
                capitalise(&r.lower)
            } else {
                r.lower.clone()
            };
            out.extend(finding(
                c,
                FindingKind::PronounShift,
                pair.article,
                o.para,
                o.start,
                o.end,
                message,
                Some(suggestion),
                vec![loc(reference, r.para, r.start, r.end)],
            ));
        }
    }
    out
}

/// True when the tokens hold a capitalised word that does not begin a sentence (a name).
fn has_inner_name(c: &Comparison, article: usize, toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        is_capitalised(&t.text)
            && class_of(&t.lower).is_none()
            && !para_text(c, article, t.para)
                .is_some_and(|p| super::xref_util::is_sentence_start(p, t.start))
    })
}

/// What a capitalised word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entity {
    Person(Option<Class>),
    Country,
}

/// Genders of people named in the comparison, keyed by every part of their names.
/// Words marking a run of capitalised words as an organisation, not a person.
const ORG_WORDS: &[&str] = &[
    "union",
    "party",
    "ministry",
    "committee",
    "council",
    "department",
    "house",
    "senate",
    "congress",
    "court",
    "company",
    "authority",
    "bank",
    "association",
    "agency",
    "university",
    "times",
    "news",
    "post",
    "press",
    "office",
    "board",
    "group",
    "port",
    "street",
    "news24",
    "states",
    "nations",
    "republic",
    "guard",
    "forces",
    "police",
    "commission",
    "school",
];

/// Genders of people named in the comparison (keyed by surname), and every word that
/// ends a multi-word personal name (a surname, known gender or not).
fn people(c: &Comparison) -> (HashMap<String, Option<Class>>, HashSet<String>) {
    let mut surnames: HashSet<String> = HashSet::new();
    let mut map: HashMap<String, Option<Class>> = HashMap::new();
    let mut add = |key: &str, g: Option<Class>| {
        let e = map.entry(key.to_string()).or_insert(g);
        if *e != g {
            *e = None;
        }
    };
    for (a, article) in c.articles.iter().enumerate() {
        let paras: Vec<usize> = (0..article.paragraphs.len()).collect();
        let toks = tokens(c, a, &paras);
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
                && !run.iter().any(|t| ORG_WORDS.contains(&t.lower.as_str()))
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
                } else if gender.is_none() && MALE.contains(&l) && k + 1 < run.len() {
                    gender = Some(Class::Male);
                    names_start = k;
                } else if gender.is_none() && FEMALE.contains(&l) && k + 1 < run.len() {
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

fn strip(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

fn entity_of(word: &str, people: &HashMap<String, Option<Class>>) -> Option<Entity> {
    if !is_capitalised(word) {
        return None;
    }
    let w = strip(word);
    if COUNTRIES.contains(&w.to_lowercase().as_str()) {
        return Some(Entity::Country);
    }
    people.get(w).map(|g| Entity::Person(*g))
}

/// Pronouns in one paragraph, including ones glued to the previous word.
fn pronouns(text: &str, para: usize, toks: &[Tok]) -> Vec<Pron> {
    let mut out = Vec::new();
    for t in toks.iter().filter(|t| t.para == para) {
        if let Some(class) = class_of(&t.lower) {
            out.push(Pron {
                text: t.text.clone(),
                class,
                para,
                start: t.start,
                end: t.end,
                initial: super::xref_util::is_sentence_start(text, t.start),
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

/// Char ranges of a paragraph inside quotation marks.
fn quoted(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.chars().enumerate() {
        match (c, open) {
            ('\u{201C}', _) | ('"', None) => open = Some(i),
            ('\u{201D}' | '"', Some(s)) => {
                out.push((s, i));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Start offsets of sentences in a paragraph (char offsets), with glue points.
fn sentence_starts(text: &str, prons: &[Pron]) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![0];
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            && let Some((k, n)) = chars
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, c)| !c.is_whitespace())
            && (n.is_uppercase() || matches!(n, '"' | '\u{201C}'))
        {
            out.push(k);
        }
    }
    out.extend(prons.iter().filter(|p| p.initial).map(|p| p.start));
    out.sort_unstable();
    out.dedup();
    out
}

/// Female pronouns for men or countries, male pronouns for women, within each article.
#[allow(clippy::too_many_lines)] // Reason: one pass over each article, clearer unsplit.
fn within(c: &Comparison) -> Vec<Finding> {
    let (people, surnames) = people(c);
    let mut out = Vec::new();
    for (a, article) in c.articles.iter().enumerate() {
        let paras: Vec<usize> = (0..article.paragraphs.len()).collect();
        let toks = tokens(c, a, &paras);
        // (para, start, entity, token) of every entity mention outside quotations.
        let mut mentions: Vec<(usize, usize, Entity, &Tok)> = Vec::new();
        let mut prons: Vec<Pron> = Vec::new();
        let mut starts: Vec<(usize, usize)> = Vec::new();
        for &p in &paras {
            let Some(text) = para_text(c, a, p) else {
                continue;
            };
            let q = quoted(text);
            let ps = pronouns(text, p, &toks);
            for s in sentence_starts(text, &ps) {
                starts.push((p, s));
            }
            prons.extend(
                ps.into_iter()
                    .filter(|pr| !q.iter().any(|(s, e)| pr.start > *s && pr.start < *e)),
            );
            for t in toks.iter().filter(|t| t.para == p) {
                if q.iter().any(|(s, e)| t.start > *s && t.start < *e) {
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
                    && !COUNTRIES.contains(&t.lower.as_str())
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
            out.extend(finding(
                c,
                FindingKind::PronounShift,
                a,
                pr.para,
                pr.start,
                pr.end,
                why,
                Some(suggestion),
                vec![loc(
                    a,
                    tok.para,
                    tok.start,
                    tok.start + strip(&tok.text).chars().count(),
                )],
            ));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::super::xref_util::testing::{article, parallel};
    use super::*;

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
        let c = super::super::xref_util::testing::fixture("pronoun_shift");
        let f = detect(&c);
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.article, f.text.as_str())).collect();
        assert_eq!(got, vec![(1, "She")], "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("He"));
    }
}
