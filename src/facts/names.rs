//! Name facts: people and organisations.
//!
//! A name is a run of capitalised name-shaped words (or short acronyms) in one paragraph,
//! joined by single spaces, an abbreviation's full stop ("Mr. Trump", "George W. Bush")
//! or a lower-case particle ("Ludwig van Beethoven", "Bank of England"). Leading function
//! words and a sentence-initial word that the comparison also writes in lower case drop
//! off ("The Arizona group" → "Arizona"); leading titles are stripped ("Defense Secretary
//! Jim Mattis" → "Jim Mattis"); months, days, nationalities and countries are no names.
//! A run with an organisation word (`org_words`) is an organisation, keyed by its words;
//! any other is keyed by its last word's transliteration key
//! ([`name_key`](crate::detect::name_variant::name_key)), keys within one edit (long
//! names, same first letter) joined, and split by first name when one surname carries
//! several people ("Donald Trump" / "Ivanka Trump"); a bare "Trump" joins the person its
//! article names most.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    COUNTRIES, DETERMINERS, FEMALE_NAMES, Fact, FactKind, MALE_NAMES, NOT_NAMES, ORG_WORDS,
    PARTICLES, Sets, TITLES, fact, gap, mention,
};
use crate::detect::Context;
use crate::detect::context::{Tok, is_function_word, is_name_shaped, slice, strip_possessive};
use crate::detect::name_variant::{deletions, name_key, within_one_edit};

/// One name occurrence.
#[derive(Debug, Clone)]
pub(super) struct NameRun {
    /// Article index.
    pub article: usize,
    /// Paragraph index.
    pub para: usize,
    /// Start of the mention (titles included), chars.
    pub start: usize,
    /// End of the mention (possessive dropped), chars.
    pub end: usize,
    /// The name words as written (titles stripped, possessive dropped).
    pub words: Vec<String>,
    /// The display form of the name proper ("George W. Bush").
    pub display: String,
    /// An organisation (has an organisation word).
    pub org: bool,
    /// A person: titled, or two words or more not ending in a place word ("Rose
    /// Garden"), or the surname of a person named in the same article.
    pub person: bool,
    /// Inside a quotation.
    pub in_quote: bool,
}

impl NameRun {
    /// The grouping key: the folded words for an organisation, else the last word's
    /// transliteration key.
    fn key(&self) -> String {
        if self.org {
            self.words
                .iter()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            self.words.last().map(|w| name_key(w)).unwrap_or_default()
        }
    }

    /// The first name's key when the name has two words or more (and the first is no
    /// initial).
    fn first_key(&self) -> Option<String> {
        if self.org || self.words.len() < 2 {
            return None;
        }
        self.words
            .first()
            .filter(|w| w.chars().count() > 1)
            .map(|w| name_key(w))
    }
}

/// The names of each article of the group, in text order.
pub(super) type People = FxHashMap<usize, Vec<NameRun>>;

/// True when the token can be part of a name.
fn name_token(t: &Tok) -> bool {
    let w = strip_possessive(&t.text);
    if !w
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
    {
        return false;
    }
    // "I'm", "You've" are no names; "O'Brien" is.
    if let Some(k) = w.find(['\'', '\u{2019}'])
        && !w
            .get(k..)
            .and_then(|t| t.chars().nth(1))
            .is_some_and(char::is_uppercase)
    {
        return false;
    }
    if is_name_shaped(w) {
        return true;
    }
    let n = w.chars().count();
    let upper = w.chars().all(char::is_uppercase);
    // An initial ("J.") or a short acronym ("FBI").
    upper && (n == 1 || (2..=5).contains(&n))
}

/// True when the token is a single capital initial or a listed abbreviation (its full
/// stop continues the name).
fn abbreviation(t: &Tok) -> bool {
    t.text.chars().count() == 1 && t.text.chars().all(char::is_uppercase)
        || super::TITLES.contains(t.lower.as_str()) && t.text.chars().count() <= 4
}

/// True when `b` follows `a` inside one name: one space, or a full stop and a space after
/// an initial or abbreviation.
fn joined(chars: &[char], a: &Tok, b: &Tok) -> bool {
    if a.para != b.para || !a.text.eq(strip_possessive(&a.text)) {
        return false;
    }
    match gap(chars, a.end, b.start) {
        // One space, or a hyphen inside a name ("Wal-Mart", "Ocasio-Cortez").
        [' ' | '-' | '\u{2010}' | '\u{2011}'] => true,
        ['.', ' '] | ['.'] => abbreviation(a),
        _ => false,
    }
}

/// Scans the group's articles for names.
pub(super) fn scan(ctx: &Context<'_>, group: &[usize]) -> People {
    // Words the group capitalises somewhere other than at a sentence or clause start.
    let mut mid: FxHashSet<&str> = FxHashSet::default();
    for &a in group {
        for t in &ctx.article(a).words {
            if !t.clause_start && !t.sentence_start && t.text.starts_with(char::is_uppercase) {
                mid.insert(strip_possessive(&t.lower));
            }
        }
    }
    group
        .iter()
        .map(|&a| (a, scan_article(ctx, a, &mid)))
        .collect()
}

fn scan_article(ctx: &Context<'_>, a: usize, mid: &FxHashSet<&str>) -> Vec<NameRun> {
    let words = &ctx.article(a).words;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(t) = words.get(i) {
        if !name_token(t) {
            i += 1;
            continue;
        }
        let Some(chars) = ctx.para(a, t.para).map(|p| p.chars.as_slice()) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while let (Some(prev), Some(next)) = (words.get(j - 1), words.get(j)) {
            if !joined(chars, prev, next) {
                break;
            }
            if name_token(next) {
                j += 1;
                continue;
            }
            // A lower-case particle or "of"/"for" between two name words.
            let connector = PARTICLES.contains(next.lower.as_str())
                || matches!(next.lower.as_str(), "of" | "for");
            if connector
                && next.text.chars().all(char::is_lowercase)
                && words
                    .get(j + 1)
                    .is_some_and(|n2| name_token(n2) && joined(chars, next, n2))
            {
                j += 2;
                continue;
            }
            break;
        }
        if let Some(run) = words.get(i..j) {
            out.extend(build(ctx, a, chars, run, mid));
        }
        i = j;
    }
    // A single word that is the surname of a person named in this article is a person.
    let surnames: FxHashSet<String> = out
        .iter()
        .filter(|r| r.person && r.words.len() >= 2)
        .map(NameRun::key)
        .collect();
    for r in &mut out {
        if !r.org && !r.person && surnames.contains(&r.key()) {
            r.person = true;
        }
    }
    out
}

/// The name(s) in one raw run of tokens.
fn build(
    ctx: &Context<'_>,
    a: usize,
    chars: &[char],
    run: &[Tok],
    mid: &FxHashSet<&str>,
) -> Vec<NameRun> {
    let evidence = ctx.vocab.seen_from(a);
    let mut run = run;
    // Leading function words and determiners ("The", "A", "His").
    while let Some((f, rest)) = run.split_first()
        && (is_function_word(&f.lower) || DETERMINERS.contains(f.lower.as_str()))
    {
        run = rest;
    }
    // A sentence-initial word the comparison also writes in lower case, or never
    // capitalises elsewhere (unless it is a known first name): "Despite Trump".
    if let Some((f, rest)) = run.split_first()
        && (f.clause_start || f.sentence_start)
    {
        let l = strip_possessive(&f.lower);
        let first_name = MALE_NAMES.contains(l) || FEMALE_NAMES.contains(l);
        if evidence.lower_count(l) > 0 || (!mid.contains(l) && !first_name) {
            run = rest;
        }
    }
    // A lone word capitalised only at sentence starts ("Instead").
    if let [only] = run
        && !mid.contains(strip_possessive(&only.lower))
    {
        return Vec::new();
    }
    // Split at calendar and never-name words ("Monday", "American"); an organisation's
    // run ("Democratic National Committee") is split only at calendar words.
    let org = run
        .iter()
        .any(|t| ORG_WORDS.contains(strip_possessive(&t.lower)));
    let mut out = Vec::new();
    for piece in run.split(|t| never_name(t, org)) {
        out.extend(name_of(ctx, a, chars, piece));
    }
    out
}

fn never_name(t: &Tok, org: bool) -> bool {
    let l = strip_possessive(&t.lower);
    let l = l.strip_suffix("s'").unwrap_or(l);
    super::CALENDAR.contains(l) && l != "may"
        || !org && (NOT_NAMES.contains(l) && !TITLES.contains(l) || COUNTRIES.contains(l))
}

/// Name suffixes ("Jr.", "III"), dropped from the end of a name.
fn suffix(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "jr" | "sr" | "ii" | "iii" | "iv")
}

/// One name from a run without function words or calendar words.
fn name_of(ctx: &Context<'_>, a: usize, chars: &[char], run: &[Tok]) -> Option<NameRun> {
    // Trailing connectors.
    let mut run = run;
    while let Some((l, rest)) = run.split_last()
        && (!name_token(l) || suffix(l))
    {
        run = rest;
    }
    while let Some((f, rest)) = run.split_first()
        && !name_token(f)
    {
        run = rest;
    }
    let is_org = |ts: &[Tok]| {
        ts.iter()
            .any(|t| ORG_WORDS.contains(strip_possessive(&t.lower)))
    };
    // A title followed by a person's name ("Senate Majority Leader Mitch McConnell"):
    // the person, not the body.
    if let Some(k) = run
        .iter()
        .rposition(|t| TITLES.contains(strip_possessive(&t.lower)))
        .filter(|&k| k + 1 < run.len())
        && is_org(run)
        && !is_org(run.get(k + 1..).unwrap_or(&[]))
    {
        run = run.get(k..).unwrap_or(run);
    }
    let first = run.first()?;
    let org = is_org(run);
    let mut titled = false;
    let mut name = run;
    if !org {
        // After "of"/"for" in a person's run, only the last part is the name
        // ("Secretary of State Rex Tillerson").
        if let Some(k) = name
            .iter()
            .rposition(|t| matches!(t.lower.as_str(), "of" | "for"))
        {
            titled = true;
            name = name.get(k + 1..).unwrap_or(&[]);
        }
        if let Some(k) = name
            .iter()
            .rposition(|t| TITLES.contains(strip_possessive(&t.lower)))
            .filter(|&k| k + 1 < name.len())
        {
            titled = true;
            name = name.get(k + 1..).unwrap_or(&[]);
        }
        if name.iter().all(|t| TITLES.contains(t.lower.as_str())) {
            return None;
        }
    }
    let last = name.last()?;
    let name_first = name.first()?;
    let words: Vec<String> = name
        .iter()
        .filter(|t| name_token(t))
        .map(|t| strip_possessive(&t.text).to_string())
        .collect();
    let lasts = words.last()?;
    // A capitalised function word inside makes it a headline or a motto ("In God We
    // Trust"), not a name.
    if words.iter().any(|w| is_function_word(&w.to_lowercase())) {
        return None;
    }
    // All capitals everywhere ("BREAKING NEWS") is shouting, not a name.
    if words.len() >= 2 && words.iter().all(|w| w.chars().all(char::is_uppercase)) {
        return None;
    }
    let evidence = ctx.vocab.seen_from(a);
    if words.len() == 1 && !titled {
        let lower = lasts.to_lowercase();
        // A lone word the comparison writes in lower case, or a common function word.
        if evidence.lower_count(&lower) > 0
            || is_function_word(&lower)
            || lasts.chars().count() < 3 && !lasts.chars().all(char::is_uppercase)
            || (lasts.chars().all(char::is_uppercase) && lasts.chars().count() < 2)
        {
            return None;
        }
        // A lone sentence-initial word seen nowhere else capitalised mid-sentence.
        if (name_first.sentence_start || name_first.clause_start)
            && evidence.capital_count(&lower) <= 1
        {
            return None;
        }
    }
    let end = last.start + strip_possessive(&last.text).chars().count();
    let name_start = if org { first.start } else { name_first.start };
    let person = !org
        && (titled
            || words.len() >= 2 && !super::PLACE_WORDS.contains(lasts.to_lowercase().as_str()));
    Some(NameRun {
        article: a,
        para: first.para,
        start: first.start,
        end,
        display: slice(chars, name_start, end),
        words,
        org,
        person,
        in_quote: ctx.in_quote(a, first.para, first.start),
    })
}

/// Who a speaker key stands for: speaker key → canonical display.
pub(super) type Speakers = FxHashMap<(usize, String), String>;

/// The name facts of the group, and per (article, run key) the canonical name of the
/// person or organisation (for quote speakers).
pub(super) fn facts(ctx: &Context<'_>, people: &People) -> (Vec<Fact>, Speakers) {
    let mut runs: Vec<&NameRun> = people.values().flatten().collect();
    runs.sort_by_key(|r| (r.article, r.para, r.start));
    // Keys, joined within one edit (long names, same first letter).
    let mut key_ids: FxHashMap<String, usize> = FxHashMap::default();
    let mut key_of_run: Vec<usize> = Vec::with_capacity(runs.len());
    let mut keys: Vec<(String, bool)> = Vec::new();
    for r in &runs {
        let k = r.key();
        let n = key_ids.len();
        let id = *key_ids
            .entry(format!("{}{k}", u8::from(r.org)))
            .or_insert_with(|| {
                keys.push((k, r.org));
                n
            });
        key_of_run.push(id);
    }
    let mut sets = Sets::new(keys.len());
    let mut by_deletion: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (id, (k, org)) in keys.iter().enumerate() {
        if *org || k.chars().count() < 6 {
            continue;
        }
        by_deletion.entry(k.clone()).or_default().push(id);
        for d in deletions(k) {
            by_deletion.entry(d).or_default().push(id);
        }
    }
    for ids in by_deletion.values().filter(|ids| ids.len() <= 20) {
        for (x, &ia) in ids.iter().enumerate() {
            for &ib in ids.iter().skip(x + 1) {
                let (Some((ka, _)), Some((kb, _))) = (keys.get(ia), keys.get(ib)) else {
                    continue;
                };
                if ka != kb
                    && ka.chars().next() == kb.chars().next()
                    && within_one_edit(ka, kb)
                    && !inflection(ka, kb)
                {
                    sets.union(ia, ib);
                }
            }
        }
    }
    // Runs per joined key.
    let mut clusters: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (ri, &kid) in key_of_run.iter().enumerate() {
        clusters.entry(sets.find(kid)).or_default().push(ri);
    }
    let mut clusters: Vec<Vec<usize>> = clusters.into_values().collect();
    clusters.sort();
    let mut out = Vec::new();
    let mut speakers = Speakers::default();
    for cluster in clusters {
        for people in split_by_first_name(&runs, &cluster) {
            let members: Vec<&NameRun> = people
                .iter()
                .filter_map(|&i| runs.get(i).copied())
                .collect();
            let Some(canon) = canonical(&members) else {
                continue;
            };
            for m in &members {
                speakers.insert((m.article, m.key()), canon.clone());
                speakers.insert((m.article, m.display.to_lowercase()), canon.clone());
            }
            let differs = spelling_groups(&members);
            let mentions = members
                .iter()
                .map(|m| mention(ctx, m.article, m.para, m.start, m.end))
                .collect();
            out.push(fact(FactKind::Name, canon, None, mentions, differs));
        }
    }
    (out, speakers)
}

/// One cluster of runs (same surname key) split into people by first name: a full form's
/// first name starts a person; a bare surname joins the person its article names most
/// (else the one named most overall).
fn split_by_first_name(runs: &[&NameRun], cluster: &[usize]) -> Vec<Vec<usize>> {
    let mut firsts: Vec<String> = Vec::new();
    let mut of: Vec<Option<usize>> = Vec::with_capacity(cluster.len());
    for &i in cluster {
        let f = runs.get(i).and_then(|r| r.first_key());
        let id = f.map(|f| {
            // A first name within one edit of a known one is the same ("Antony"/"Anthony").
            if let Some(k) = firsts
                .iter()
                .position(|g| *g == f || (f.chars().count() >= 5 && within_one_edit(g, &f)))
            {
                k
            } else {
                firsts.push(f);
                firsts.len() - 1
            }
        });
        of.push(id);
    }
    if firsts.len() <= 1 {
        return vec![cluster.to_vec()];
    }
    let mut count: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let mut total = vec![0usize; firsts.len()];
    for (&i, id) in cluster.iter().zip(&of) {
        if let (Some(id), Some(r)) = (id, runs.get(i)) {
            *count.entry((r.article, *id)).or_default() += 1;
            if let Some(t) = total.get_mut(*id) {
                *t += 1;
            }
        }
    }
    let overall = (0..firsts.len())
        .max_by_key(|&k| (total.get(k).copied().unwrap_or(0), usize::MAX - k))
        .unwrap_or(0);
    let mut out = vec![Vec::new(); firsts.len()];
    for (&i, id) in cluster.iter().zip(&of) {
        let target = id.unwrap_or_else(|| {
            let a = runs.get(i).map_or(usize::MAX, |r| r.article);
            (0..firsts.len())
                .filter(|&k| count.get(&(a, k)).is_some_and(|&c| c > 0))
                .max_by_key(|&k| (count.get(&(a, k)).copied().unwrap_or(0), usize::MAX - k))
                .unwrap_or(overall)
        });
        if let Some(g) = out.get_mut(target) {
            g.push(i);
        }
    }
    out
}

/// The fullest form: most words, then most frequent, then first.
fn canonical(members: &[&NameRun]) -> Option<String> {
    let mut counts: FxHashMap<&str, (usize, usize, usize)> = FxHashMap::default();
    for (i, m) in members.iter().enumerate() {
        let e = counts
            .entry(m.display.as_str())
            .or_insert((m.words.len(), 0, i));
        e.1 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, (words, n, first))| (*words, *n, usize::MAX - first))
        .map(|(d, _)| d.to_string())
}

/// Articles per distinct spelling of the surname (and of the first name, when the
/// surnames agree): empty unless two spellings occur.
fn spelling_groups(members: &[&NameRun]) -> Vec<Vec<usize>> {
    // Case is style ("DREAMers"/"Dreamers"), not spelling: spellings are compared folded.
    let mut by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for m in members {
        if let Some(l) = m.words.last() {
            by_last.entry(l.to_lowercase()).or_default().push(m.article);
        }
        if m.words.len() >= 2
            && let Some(f) = m.words.first().filter(|f| f.chars().count() > 1)
        {
            by_first
                .entry(f.to_lowercase())
                .or_default()
                .push(m.article);
        }
    }
    let pick = |m: FxHashMap<String, Vec<usize>>| -> Vec<Vec<usize>> {
        let mut v: Vec<(String, Vec<usize>)> = m.into_iter().collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v.into_iter().map(|(_, g)| g).collect()
    };
    if by_last.len() >= 2 {
        pick(by_last)
    } else if by_first.len() >= 2 {
        pick(by_first)
    } else {
        Vec::new()
    }
}

/// True when one key is the other with an inflection's ending ("marine"/"marines",
/// "arabia"/"arabian"): another word, not another spelling.
fn inflection(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|tail| matches!(tail, "s" | "n" | "es" | "an"))
}

/// The name run covering or nearest after char `at` in the tokens' paragraph, among
/// `runs` (sorted by paragraph and start) — used by quote attribution.
pub(super) fn run_in(runs: &[NameRun], para: usize, from: usize, to: usize) -> Option<&NameRun> {
    let k = runs.partition_point(|r| (r.para, r.end) <= (para, from));
    let inside = runs
        .get(k..)
        .unwrap_or(&[])
        .iter()
        .take_while(|r| r.para == para && r.start < to);
    let mut first = None;
    for r in inside {
        if r.person {
            return Some(r);
        }
        first = first.or(Some(r));
    }
    first
}

/// The last run ending at or before char `to` and starting at or after `from`.
pub(super) fn last_run_in(
    runs: &[NameRun],
    para: usize,
    from: usize,
    to: usize,
) -> Option<&NameRun> {
    let k = runs.partition_point(|r| (r.para, r.start) < (para, to));
    let inside: Vec<&NameRun> = runs
        .get(..k)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|r| r.para == para && r.start >= from)
        .filter(|r| r.end <= to)
        .collect();
    inside
        .iter()
        .find(|r| r.person)
        .or_else(|| inside.first())
        .copied()
}

/// The last person named before (para, at) outside quotations.
pub(super) fn last_person_before(runs: &[NameRun], para: usize, at: usize) -> Option<&NameRun> {
    let k = runs.partition_point(|r| (r.para, r.start) < (para, at));
    runs.get(..k)?
        .iter()
        .rev()
        .find(|r| r.person && !r.in_quote)
}
