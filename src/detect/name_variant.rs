//! Detector for `name_variant` findings: one name spelled two ways, within or across
//! articles ("Anthony"/"Antony Blinken", "Zelensky"/"Zelenskyy", "Kiev"/"Kyiv",
//! "Katharina"/"Katarina").
//!
//! Candidate names are capitalised words that never occur in lower case anywhere in
//! the comparison (so sentence-initial common words drop out). Each is reduced to a
//! transliteration key (lower case; `th`→`t`, `ph`→`f`, `c`/`ck`→`k`, `yi`/`ie`/`iy`/`y`→`i`,
//! doubled letters single). Two spellings are variants when their keys are equal, or
//! differ by one edit (for names of five letters or more, same first letter) and the
//! two spellings also share context: the same neighbouring name ("Blinken") or
//! aligned rows of different articles. Spellings whose neighbouring names disagree
//! (Wang Yi / Wang Xiaohong) or that are both known countries (Austria / Australia,
//! Iran / Iraq) are kept apart. The rarer spelling — or the one the reference does
//! not use — is flagged at each occurrence.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::context::{Context, Hit, is_name_shaped, loc, strip_possessive};
use super::lexicon::{COUNTRIES, NOT_NAMES};
use crate::model::{Finding, FindingKind};

/// The transliteration key of a name.
#[must_use]
pub(crate) fn name_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut s = lower
        .replace("th", "t")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace('c', "k")
        .replace("kh", "k")
        .replace("yi", "i")
        .replace("iy", "i")
        .replace("ie", "i")
        .replace('y', "i");
    // Doubled letters single.
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.drain(..) {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// True when `a` and `b` differ by at most one insertion, deletion or substitution.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short.get(prefix + 1..) == long.get(prefix + 1..)
    } else {
        short.get(prefix..) == long.get(prefix + 1..)
    }
}

/// One occurrence of a candidate name.
#[derive(Debug, Clone, Copy)]
struct Occ {
    article: usize,
    para: usize,
    start: usize,
    end: usize,
}

/// What is known about one spelling.
#[derive(Debug, Default)]
struct Spelling<'a> {
    occs: Vec<Occ>,
    /// Capitalised words right before or after it (other parts of the same name).
    neighbours: FxHashSet<&'a str>,
    /// Rows (of the alignment) with an occurrence, with the article.
    rows: FxHashSet<(usize, usize)>,
}

/// Finds `name_variant` in the comparison: spellings are compared within each group of
/// articles that share evidence ([`Context::evidence_groups`]), never with an article about
/// another story.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    ctx.evidence_groups()
        .iter()
        .flat_map(|group| detect_group(ctx, group))
        .collect()
}

/// The `name_variant` findings among the articles of `group`.
#[allow(clippy::too_many_lines)] // Reason: one linear pipeline (collect, index, pair, flag).
fn detect_group(ctx: &Context<'_>, group: &[usize]) -> Vec<Finding> {
    // Both borrow the context's words: no string is built per word.
    let mut lower_words: FxHashSet<&str> = FxHashSet::default();
    let mut spellings: BTreeMap<&str, Spelling<'_>> = BTreeMap::new();
    let articles = ctx.article_count();
    for &a in group.iter().filter(|&&a| ctx.english(a)) {
        let toks = &ctx.article(a).words;
        for (i, t) in toks.iter().enumerate() {
            if !t.text.starts_with(char::is_uppercase) {
                lower_words.insert(&t.lower);
                continue;
            }
            let name = strip_possessive(&t.text);
            if name.chars().count() < 4
                || !is_name_shaped(name)
                || !name.chars().all(char::is_alphabetic)
                || name.chars().skip(1).any(char::is_uppercase)
            {
                continue;
            }
            let entry = spellings.entry(name).or_default();
            let len = name.chars().count();
            entry.occs.push(Occ {
                article: a,
                para: t.para,
                start: t.start,
                end: t.start + len,
            });
            if let Some(r) = ctx.row_of(a, t.para) {
                entry.rows.insert((r, a));
            }
            for n in [i.checked_sub(1).and_then(|k| toks.get(k)), toks.get(i + 1)]
                .into_iter()
                .flatten()
            {
                if n.para == t.para
                    && is_name_shaped(&n.text)
                    && (n.end + 1 >= t.start && n.start <= t.end + 1)
                {
                    entry.neighbours.insert(strip_possessive(&n.text));
                }
            }
        }
    }
    spellings.retain(|s, _| {
        let l = s.to_lowercase();
        !lower_words.contains(l.as_str()) && !NOT_NAMES.contains(&l)
    });
    // Index keys and one-deletion variants of keys.
    let keys: BTreeMap<&str, String> = spellings.keys().map(|s| (*s, name_key(s))).collect();
    let mut by_key: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    let mut by_deletion: FxHashMap<String, Vec<&str>> = FxHashMap::default();
    for (s, k) in &keys {
        by_key.entry(k.as_str()).or_default().push(*s);
        if k.chars().count() >= 5 {
            for d in deletions(k) {
                by_deletion.entry(d).or_default().push(*s);
            }
            by_deletion.entry(k.clone()).or_default().push(*s);
        }
    }
    let mut pairs: BTreeMap<(&str, &str), bool> = BTreeMap::new(); // (a, b) → same key
    for group in by_key.values() {
        for (i, a) in group.iter().enumerate() {
            for b in group.iter().skip(i + 1) {
                pairs.insert(ordered(a, b), true);
            }
        }
    }
    for group in by_deletion.values() {
        if group.len() > 20 {
            continue;
        }
        for (i, a) in group.iter().enumerate() {
            for b in group.iter().skip(i + 1) {
                if a == b {
                    continue;
                }
                let (ka, kb) = (keys.get(a), keys.get(b));
                if let (Some(ka), Some(kb)) = (ka, kb)
                    && ka != kb
                    && within_one_edit(ka, kb)
                    && ka.chars().next() == kb.chars().next()
                {
                    pairs.entry(ordered(a, b)).or_insert(false);
                }
            }
        }
    }
    let reference = ctx.reference();
    let mut out = Vec::new();
    let mut flagged: FxHashSet<(usize, usize, usize)> = FxHashSet::default();
    for ((a, b), same_key) in pairs {
        let (Some(sa), Some(sb)) = (spellings.get(a), spellings.get(b)) else {
            continue;
        };
        let (la, lb) = (a.to_lowercase(), b.to_lowercase());
        if COUNTRIES.contains(&la) && COUNTRIES.contains(&lb) {
            continue;
        }
        if is_inflection(&la, &lb) {
            continue;
        }
        let shared_neighbour = !sa.neighbours.is_disjoint(&sb.neighbours);
        // Both spellings in one row, in different articles (a set lookup per row).
        let aligned = sa.rows.iter().any(|&(r, art)| {
            (0..articles).any(|other| other != art && sb.rows.contains(&(r, other)))
        });
        let conflict = !sa.neighbours.is_empty()
            && !sb.neighbours.is_empty()
            && !shared_neighbour
            && !neighbours_are_variants(&sa.neighbours, &sb.neighbours);
        if conflict && !aligned {
            continue;
        }
        if !same_key && !shared_neighbour && !aligned {
            continue;
        }
        // Which spelling to flag: the one the reference lacks, else the rarer.
        let in_ref = |s: &Spelling| s.occs.iter().any(|o| o.article == reference);
        let (bad, good, bad_s, good_s) = match (in_ref(sa), in_ref(sb)) {
            (true, false) => (b, a, sb, sa),
            (false, true) => (a, b, sa, sb),
            _ if sa.occs.len() < sb.occs.len() => (a, b, sa, sb),
            _ if sb.occs.len() < sa.occs.len() => (b, a, sb, sa),
            _ => continue,
        };
        // Prefer a related occurrence in the same article, else the reference, else any.
        for o in &bad_s.occs {
            if !flagged.insert((o.article, o.para, o.start)) {
                continue;
            }
            let rel = good_s
                .occs
                .iter()
                .find(|g| g.article == o.article)
                .or_else(|| good_s.occs.iter().find(|g| g.article == reference))
                .or_else(|| good_s.occs.first());
            let Some(rel) = rel else { continue };
            let where_ = if rel.article == o.article {
                "elsewhere in this article".to_string()
            } else {
                format!("in {}", ctx.name_of(rel.article))
            };
            let message = format!(
                "\u{2018}{bad}\u{2019} looks like the same name as \u{2018}{good}\u{2019} {where_} ({} vs {} occurrence{}); one spelling should be used.",
                bad_s.occs.len(),
                good_s.occs.len(),
                if good_s.occs.len() == 1 { "" } else { "s" }
            );
            out.extend(ctx.finding(
                FindingKind::NameVariant,
                o.article,
                o.para,
                Hit {
                    start: o.start,
                    end: o.end,
                    message,
                    suggestion: Some(good.to_string()),
                    related: vec![loc(rel.article, rel.para, rel.start, rel.end)],
                },
            ));
        }
    }
    out
}

fn ordered<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b { (a, b) } else { (b, a) }
}

/// All strings made by deleting one character.
pub(crate) fn deletions(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}

/// "Russia"/"Russian", "Korea"/"Koreas", "Americas"/"American": both are one stem plus
/// nothing or an inflection or demonym ending.
fn is_inflection(a: &str, b: &str) -> bool {
    const ENDINGS: [&str; 9] = ["", "s", "n", "an", "ns", "es", "ese", "i", "ia"];
    let prefix = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let (Some(ta), Some(tb)) = (a.get(prefix..), b.get(prefix..)) else {
        return false;
    };
    prefix >= 4 && ENDINGS.contains(&ta) && ENDINGS.contains(&tb)
}

/// Neighbour sets that are themselves spelling variants of each other ("Anthony" vs "Antony").
fn neighbours_are_variants(a: &FxHashSet<&str>, b: &FxHashSet<&str>) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| name_key(x) == name_key(y)))
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
    fn keys_fold_transliteration_patterns() {
        assert_eq!(name_key("Zelensky"), name_key("Zelenskyy"));
        assert_eq!(name_key("Zelenskiy"), name_key("Zelensky"));
        assert_eq!(name_key("Kiev"), name_key("Kyiv"));
        assert_eq!(name_key("Katharina"), name_key("Katarina"));
        assert_eq!(name_key("Anthony"), name_key("Antony"));
        assert_ne!(name_key("Austria"), name_key("Australia"));
        assert!(within_one_edit("olsberg", "olsburg"));
        assert!(within_one_edit("zelensky", "zelenskyy"));
        assert!(!within_one_edit("abc", "cba"));
        assert!(!within_one_edit("austria", "australia"));
    }

    #[test]
    fn flags_rarer_first_name_with_same_surname() {
        let a = article(
            "seed",
            &[
                "Secretary of State Anthony Blinken met Xi.",
                "Antony Blinken left Beijing on Friday.",
                "Antony Blinken, left, speaks with Wang Yi.",
            ],
        );
        let f = detect(&parallel(vec![a]));
        assert_eq!(f.len(), 1, "{f:?}");
        let f = &f[0];
        assert_eq!((f.paragraph, f.start, f.end), (0, 19, 26));
        assert_eq!(f.text, "Anthony");
        assert_eq!(f.suggestion.as_deref(), Some("Antony"));
        assert_eq!(f.related[0].paragraph, 1);
        assert!(f.message.contains("Antony"), "{}", f.message);
    }

    #[test]
    fn flags_the_spelling_the_reference_does_not_use() {
        let wire = article("wire", &["Katharina Olsberg, chief executive, spoke."]);
        let other = article("copy", &["Katarina Olsberg, chief executive, spoke."]);
        let f = detect(&parallel(vec![wire, other]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].article, f[0].text.as_str()), (1, "Katarina"));
        assert_eq!(f[0].related[0].article, 0);
    }

    #[test]
    fn keeps_different_people_and_countries_apart() {
        let a = article(
            "a",
            &[
                "Blinken met Wang Yi and then Wang Xiaohong.",
                "Austria and Australia signed. Iran and Iraq did not. Russia and Russian troops.",
                "The Bolivias and Bolivian farmers; the Americas and American trade.",
                "Kristen Marsh met Kirsten Lowe.",
            ],
        );
        let f = detect(&parallel(vec![a]));
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let a = article(
            "a",
            &["These were hard days. There were many.", "there and these."],
        );
        assert!(detect(&parallel(vec![a])).is_empty());
    }

    #[test]
    fn aligned_rows_link_variants_across_articles() {
        let a = article("a", &["Zelensky spoke in Kyiv on Monday."]);
        let b = article("b", &["Zelenskyy spoke in Kyiv on Monday."]);
        let f = detect(&parallel(vec![a, b]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].article, f[0].text.as_str()), (1, "Zelenskyy"));
        assert_eq!(f[0].suggestion.as_deref(), Some("Zelensky"));
    }

    #[test]
    fn fixture_through_the_pipeline() {
        let c = crate::detect::testing::fixture("name_variant");
        let f = detect(&c);
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.article, f.text.as_str())).collect();
        assert_eq!(got, vec![(1, "Zelenskyy")], "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Zelensky"));
    }
}
