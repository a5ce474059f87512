//! Figure facts: numbers with their unit or currency and what they count ("$95 billion
//! aid package", "84 container ships", "6.5 percent").
//!
//! Numbers come from [`number_mismatch`]'s parser, so equal forms have equal values
//! ("1 million" = "one million", "$95bn" = "$95 billion"). The counted thing is the run
//! of lower-case content words right after the figure (or after "of"/"in": "40 percent of
//! voters"); its last word's stem is the head. A quantity is (unit, head): its mentions
//! with one value are one fact, and values of one quantity that different articles give
//! (no article giving both, sharing a context word) are one fact that `differs`. A
//! percentage or sum without a head joins the quantity with its unit and value, if one
//! exists. Years, ordinals, dates ("Dec. 4"), times, bare numbers without unit or head,
//! and small spelled-out numbers that count nothing are not figures.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{CALENDAR, Fact, FactKind, fact, gap, mention};
use crate::detect::Context;
use crate::detect::context::{Tok, is_function_word};
use crate::detect::number_mismatch::{self as nm, Num, Unit};

/// Words after a number that make it a time or a measure this module does not read.
const TIME_WORDS: &[&str] = &[
    "a.m", "am", "p.m", "pm", "gmt", "utc", "o'clock", "et", "bst",
];
/// Determiners skipped after "of"/"in" before the counted noun.
const OF_SKIP: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "all", "those", "these",
];

/// One figure occurrence.
#[derive(Debug, Clone)]
struct Fig {
    article: usize,
    para: usize,
    start: usize,
    end: usize,
    value: f64,
    unit: char,
    head: Option<String>,
    context: FxHashSet<String>,
}

fn unit_code(u: Unit) -> char {
    match u {
        Unit::None => '#',
        Unit::Percent => '%',
        Unit::Currency(c) => c,
    }
}

/// A hashable form of a value (parsed equal forms give equal floats).
fn value_key(v: f64) -> u64 {
    if v == 0.0 { 0 } else { v.to_bits() }
}

/// The figures of one article.
fn article_figures(ctx: &Context<'_>, a: usize) -> Vec<Fig> {
    let words = &ctx.article(a).words;
    let mut out = Vec::new();
    for n in nm::numbers(ctx, a, words, true) {
        if let Some(f) = figure(ctx, a, words, &n) {
            out.push(f);
        }
    }
    out
}

/// True when `b` directly follows `a` in its paragraph (spaces, a hyphen or nothing
/// between).
fn adjacent(chars: &[char], a: &Tok, b: &Tok) -> bool {
    a.para == b.para
        && gap(chars, a.end, b.start)
            .iter()
            .all(|c| *c == ' ' || *c == '-' || *c == '\u{2010}' || *c == '\u{2011}')
        && b.start.saturating_sub(a.end) <= 2
}

/// A month name or abbreviation (a number beside one is a date; a weekday is no date).
fn month(w: &str) -> bool {
    CALENDAR.contains(w)
        && !w.ends_with("day")
        && !matches!(
            w,
            "mon" | "tue" | "tues" | "wed" | "thu" | "thurs" | "fri" | "sat" | "sun"
        )
}

fn content(t: &Tok) -> bool {
    t.text
        .chars()
        .all(|c| c.is_alphabetic() && !c.is_uppercase())
        && !t.lower.ends_with("ing")
        && !is_function_word(&t.lower)
        && !nm_stop(&t.lower)
        && nm::small_number_word(&t.lower).is_none()
}

fn nm_stop(w: &str) -> bool {
    static STOP: std::sync::LazyLock<FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
        super::list(include_str!("../detect/lexicon/en/number_context_stop.txt"))
    });
    STOP.contains(w) || CALENDAR.contains(w)
}

#[allow(clippy::too_many_lines)] // Reason: one figure's checks, in reading order.
fn figure(ctx: &Context<'_>, a: usize, words: &[Tok], n: &Num) -> Option<Fig> {
    if n.year {
        return None;
    }
    let chars = ctx.para(a, n.para).map(|p| p.chars.as_slice())?;
    let first = words.get(n.tok)?;
    // Ordinals ("21st").
    if first.lower.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| first.lower.ends_with(s))
    {
        return None;
    }
    // The first word after the figure.
    let mut k = n.tok;
    while words
        .get(k)
        .is_some_and(|t| t.para == n.para && t.start < n.end)
    {
        k += 1;
    }
    let last = words.get(k.checked_sub(1)?)?;
    // Dates: a month or day name right before or after ("Dec. 4", "4 December").
    let prev = n
        .tok
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .filter(|p| p.para == n.para && n.start.saturating_sub(p.end) <= 2);
    if prev.is_some_and(|p| month(&p.lower)) {
        return None;
    }
    let next = words.get(k).filter(|t| t.para == n.para);
    if next.is_some_and(|t| {
        t.start.saturating_sub(n.end) <= 2
            && (month(&t.lower) || TIME_WORDS.contains(&t.lower.as_str()))
    }) {
        return None;
    }
    // A time or a score ("4:30", "3-2") or a part of a code ("A-12"): not a figure.
    if let Some(c) = chars.get(n.end)
        && matches!(c, ':' | '/')
        && chars.get(n.end + 1).is_some_and(char::is_ascii_digit)
    {
        return None;
    }
    if n.start > 0
        && chars
            .get(n.start - 1)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '/'))
    {
        return None;
    }
    // The counted thing.
    let mut run: Vec<&Tok> = Vec::new();
    let mut prev_tok = last;
    let mut j = k;
    if let Some(t) = words.get(j)
        && adjacent(chars, prev_tok, t)
        && matches!(t.lower.as_str(), "of" | "in")
    {
        prev_tok = t;
        j += 1;
        while let Some(t) = words.get(j)
            && adjacent(chars, prev_tok, t)
            && OF_SKIP.contains(&t.lower.as_str())
        {
            prev_tok = t;
            j += 1;
        }
        // "of" joins only nouns right after it.
        if !words
            .get(j)
            .is_some_and(|t| adjacent(chars, prev_tok, t) && content(t))
        {
            j = k;
            prev_tok = last;
        }
    }
    while run.len() < 2
        && let Some(t) = words.get(j)
        && adjacent(chars, prev_tok, t)
        && content(t)
    {
        // A verb or adverb ends the noun phrase ("84 ships seized").
        // A verb or adverb ends the noun phrase ("84 ships seized"), and so does
        // a plural noun ("84 container ships wait").
        if !run.is_empty()
            && (t.lower.ends_with("ed")
                || t.lower.ends_with("ing")
                || t.lower.ends_with("ly")
                || run
                    .last()
                    .is_some_and(|p| p.lower.ends_with('s') && !p.lower.ends_with("ss")))
        {
            break;
        }
        run.push(t);
        prev_tok = t;
        j += 1;
    }
    let head = run.last().map(|t| nm::stem(&t.lower));
    let unit = unit_code(n.unit);
    if head.is_none() && n.unit == Unit::None {
        return None;
    }
    // Small spelled-out numbers count something or are no figure.
    let spelled = !first.lower.starts_with(|c: char| c.is_ascii_digit());
    if spelled && n.value < 10.0 && n.unit == Unit::None && head.is_none() {
        return None;
    }
    let end = run.last().map_or(n.end, |t| t.end);
    let mut context: FxHashSet<String> = n.context.clone();
    if let Some(h) = &head {
        context.remove(h);
    }
    for t in &run {
        context.remove(&nm::stem(&t.lower));
    }
    Some(Fig {
        article: a,
        para: n.para,
        start: n.start,
        end,
        value: n.value,
        unit,
        head,
        context,
    })
}

/// One value of a quantity: its figures and articles.
#[derive(Debug, Default)]
struct Value {
    figs: Vec<usize>,
    articles: Vec<usize>,
    context: FxHashSet<String>,
}

/// Most facts of one quantity a value is tried against: a quantity with thousands of values
/// (a list of 100,000 numbered lines) would otherwise try every value against every fact.
/// Real articles stay far below it, and past it a value joins only one of the first facts.
const MAX_FACT_CANDIDATES: usize = 256;

/// Values of one quantity grouped into facts, in order: a value joins the first fact (of the
/// first [`MAX_FACT_CANDIDATES`]) that no article of its own gives yet and that shares at
/// least `need` context words with it; otherwise it starts a fact.
fn group_values(values: &[Value], need: usize) -> Vec<Vec<usize>> {
    // Per fact: its members and their articles (sorted).
    let mut facts: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (vi, v) in values.iter().enumerate() {
        let home = facts
            .iter()
            .take(MAX_FACT_CANDIDATES)
            .position(|(members, articles)| {
                if articles.iter().any(|a| v.articles.binary_search(a).is_ok()) {
                    return false;
                }
                // Distinct context words shared, counted only up to `need`.
                let mut shared: Vec<&str> = Vec::with_capacity(need);
                for w in members
                    .iter()
                    .filter_map(|&m| values.get(m))
                    .flat_map(|m| m.context.iter())
                {
                    if v.context.contains(w) && !shared.contains(&w.as_str()) {
                        shared.push(w);
                        if shared.len() >= need {
                            return true;
                        }
                    }
                }
                false
            });
        match home.and_then(|h| facts.get_mut(h)) {
            Some((members, articles)) => {
                members.push(vi);
                articles.extend(v.articles.iter().copied());
                articles.sort_unstable();
                articles.dedup();
            }
            None => facts.push((vec![vi], v.articles.clone())),
        }
    }
    facts.into_iter().map(|(members, _)| members).collect()
}

/// The figure facts of the group.
pub(super) fn facts(ctx: &Context<'_>, group: &[usize]) -> Vec<Fact> {
    let figs: Vec<Fig> = group
        .iter()
        .flat_map(|&a| article_figures(ctx, a))
        .collect();
    // (unit, value) → the heads that quantity has, to attach headless sums and rates.
    let mut heads_of: FxHashMap<(char, u64), FxHashSet<&str>> = FxHashMap::default();
    for f in &figs {
        if let Some(h) = &f.head {
            heads_of
                .entry((f.unit, value_key(f.value)))
                .or_default()
                .insert(h.as_str());
        }
    }
    // Quantity key → value key → figures.
    let mut quantities: FxHashMap<(char, Option<&str>), FxHashMap<u64, Value>> =
        FxHashMap::default();
    for (i, f) in figs.iter().enumerate() {
        let vk = value_key(f.value);
        let head = f.head.as_deref().or_else(|| {
            heads_of
                .get(&(f.unit, vk))
                .filter(|h| h.len() == 1)
                .and_then(|h| h.iter().next().copied())
        });
        let v = quantities
            .entry((f.unit, head))
            .or_default()
            .entry(vk)
            .or_default();
        v.figs.push(i);
        v.articles.push(f.article);
        v.context.extend(f.context.iter().cloned());
    }
    let mut keys: Vec<(char, Option<&str>)> = quantities.keys().copied().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for key in keys {
        let Some(values) = quantities.remove(&key) else {
            continue;
        };
        let mut values: Vec<Value> = values.into_values().collect();
        for v in &mut values {
            v.articles.sort_unstable();
            v.articles.dedup();
        }
        values.sort_by_key(|v| (usize::MAX - v.articles.len(), v.figs.first().copied()));
        // Values that different articles give for one quantity form one fact.
        let facts = group_values(&values, if key.1.is_some() { 1 } else { 2 });
        for members in facts {
            let vals: Vec<&Value> = members.iter().filter_map(|&m| values.get(m)).collect();
            let Some(lead) = vals
                .first()
                .and_then(|v| v.figs.first())
                .and_then(|&i| figs.get(i))
            else {
                continue;
            };
            let text = mention(ctx, lead.article, lead.para, lead.start, lead.end).text;
            let mentions = vals
                .iter()
                .flat_map(|v| v.figs.iter())
                .filter_map(|&i| figs.get(i))
                .map(|f| mention(ctx, f.article, f.para, f.start, f.end))
                .collect();
            let differs = if vals.len() > 1 {
                vals.iter().map(|v| v.articles.clone()).collect()
            } else {
                Vec::new()
            };
            out.push(fact(FactKind::Figure, text, None, mentions, differs));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(article: usize, context: &[&str]) -> Value {
        Value {
            figs: vec![article],
            articles: vec![article],
            context: context.iter().map(|w| (*w).to_string()).collect(),
        }
    }

    #[test]
    fn values_of_other_articles_sharing_context_form_one_fact() {
        let values = [
            value(0, &["crew", "quay"]),
            value(1, &["crew", "quay"]),
            // Same article as the first: never in its fact.
            value(0, &["crew", "quay"]),
            // Another article, one shared word only: needs two.
            value(2, &["crew", "harbour"]),
        ];
        assert_eq!(group_values(&values, 2), vec![vec![0, 1], vec![2], vec![3]]);
        assert_eq!(group_values(&values, 1), vec![vec![0, 1, 3], vec![2]]);
    }

    #[test]
    fn a_long_list_of_one_article_gives_one_fact_per_value_without_trying_every_pair() {
        let values: Vec<Value> = (0..20_000).map(|_| value(0, &["crew", "quay"])).collect();
        let facts = group_values(&values, 2);
        assert_eq!(facts.len(), 20_000);
        assert!(facts.iter().enumerate().all(|(i, f)| f == &vec![i]));
    }
}
