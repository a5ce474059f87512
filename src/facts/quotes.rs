//! Quote facts: the words between paired double quotation marks (from the context's one
//! scanner, [`scan_quotes`](crate::detect::context::scan_quotes)), three words or more
//! (shorter ones are scare quotes), with their speaker.
//!
//! The speaker is read from the sentence around the quotation: `"…," Smith said`,
//! `"…," said Jane Smith` (the first name within a few words after the verb),
//! `Smith said: "…"`, `according to Smith`; a pronoun ("he said") stands for the last
//! person named in the article before it; a quotation with no attribution of its own
//! takes the speaker of the quotation before it in the paragraph. Speech verbs are a data
//! file (`data/speech_verbs.txt`).
//!
//! Two quotations are one fact when their words (lower case, quotes folded, punctuation
//! and full stops dropped) are equal, or one is a contiguous stretch of the other (found
//! through the first three words of the shorter). Two such facts become one fact that
//! `differs` when the same speaker is quoted with a real share of the same content words
//! in other words; its groups are the articles per wording.

use rustc_hash::{FxHashMap, FxHashSet};

use super::names::{NameRun, People, Speakers, last_person_before, last_run_in, run_in};
use super::{Fact, FactKind, SPEECH_VERBS, Sets, fact, mention};
use crate::detect::Context;
use crate::detect::context::{Tok, is_function_word, slice};

/// Fewest words a quotation needs (fewer: scare quotes).
const MIN_WORDS: usize = 3;
/// How many words after the verb the speaker's name may start (`said the legislator,
/// Representative Carl Seel`).
const AFTER_VERB: usize = 8;
/// Largest index bucket compared pairwise.
const MAX_BUCKET: usize = 40;

/// One quotation.
#[derive(Debug, Clone)]
struct Quote {
    article: usize,
    para: usize,
    /// Inner span (marks excluded), chars.
    start: usize,
    end: usize,
    /// Folded words.
    words: Vec<String>,
    /// Content words (not function words, three letters or more).
    content: FxHashSet<String>,
    /// The canonical speaker, if attributed.
    speaker: Option<String>,
}

/// A word's comparison form inside a quotation: lower case, quotes folded, no full stops.
fn fold(t: &Tok) -> String {
    t.lower.chars().filter(|c| *c != '.').collect()
}

/// The quote facts of the group.
#[allow(clippy::too_many_lines)] // Reason: one linear pipeline (collect, cluster, merge, emit).
pub(super) fn facts(
    ctx: &Context<'_>,
    group: &[usize],
    people: &People,
    speakers: &Speakers,
) -> Vec<Fact> {
    let empty = Vec::new();
    let mut quotes = Vec::new();
    for &a in group {
        let runs = people.get(&a).unwrap_or(&empty);
        quotes.extend(article_quotes(ctx, a, runs, speakers));
    }
    // Equal or contained wordings are one cluster.
    let mut sets = Sets::new(quotes.len());
    let mut exact: FxHashMap<&[String], usize> = FxHashMap::default();
    let mut by_trigram: FxHashMap<&[String], Vec<usize>> = FxHashMap::default();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(&j) = exact.get(q.words.as_slice()) {
            sets.union(i, j);
        } else {
            exact.insert(q.words.as_slice(), i);
        }
        for w in q.words.windows(MIN_WORDS) {
            let e = by_trigram.entry(w).or_default();
            if e.last() != Some(&i) {
                e.push(i);
            }
        }
    }
    for (i, q) in quotes.iter().enumerate() {
        let Some(first) = q.words.get(..MIN_WORDS) else {
            continue;
        };
        let Some(cands) = by_trigram.get(first).filter(|c| c.len() <= MAX_BUCKET) else {
            continue;
        };
        for &j in cands {
            if j != i
                && quotes
                    .get(j)
                    .is_some_and(|p| p.words.len() > q.words.len() && contains(&p.words, &q.words))
            {
                sets.union(i, j);
            }
        }
    }
    let clusters = sets.groups();
    // Same speaker, shared content words, other wording: one fact that differs.
    let speaker_of = |c: &[usize]| -> Option<&str> {
        let mut n: FxHashMap<&str, usize> = FxHashMap::default();
        for q in c.iter().filter_map(|&i| quotes.get(i)) {
            if let Some(s) = &q.speaker {
                *n.entry(s.as_str()).or_default() += 1;
            }
        }
        n.into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| s)
    };
    let content_of = |c: &[usize]| -> FxHashSet<&str> {
        c.iter()
            .filter_map(|&i| quotes.get(i))
            .flat_map(|q| q.content.iter().map(String::as_str))
            .collect()
    };
    let articles_of = |c: &[usize]| -> Vec<usize> {
        let mut v: Vec<usize> = c
            .iter()
            .filter_map(|&i| quotes.get(i))
            .map(|q| q.article)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let info: Vec<(Option<&str>, FxHashSet<&str>, Vec<usize>)> = clusters
        .iter()
        .map(|c| (speaker_of(c), content_of(c), articles_of(c)))
        .collect();
    let mut index: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (ci, (speaker, content, _)) in info.iter().enumerate() {
        if let Some(s) = speaker {
            for w in content {
                index.entry((s, w)).or_default().push(ci);
            }
        }
    }
    let mut merged = Sets::new(clusters.len());
    for (ci, (speaker, content, arts)) in info.iter().enumerate() {
        let Some(s) = speaker else { continue };
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for w in content {
            if let Some(cs) = index.get(&(*s, *w)).filter(|cs| cs.len() <= MAX_BUCKET) {
                for &cj in cs.iter().filter(|&&cj| cj > ci) {
                    *shared.entry(cj).or_default() += 1;
                }
            }
        }
        for (cj, n) in shared {
            let Some((_, other, other_arts)) = info.get(cj) else {
                continue;
            };
            // The same point: a real share of content words of the shorter quotation.
            let smaller = content.len().min(other.len()).max(1);
            let same_point = n >= 3 && n * 2 >= smaller;
            // Another outlet's wording (one article quoting itself twice is no conflict).
            let other_outlet = arts != other_arts || arts.len() > 1;
            if same_point && other_outlet {
                merged.union(ci, cj);
            }
        }
    }
    let mut out = Vec::new();
    for fgroup in merged.groups() {
        let parts: Vec<&Vec<usize>> = fgroup.iter().filter_map(|&c| clusters.get(c)).collect();
        let all: Vec<usize> = parts.iter().flat_map(|c| c.iter().copied()).collect();
        // Text: the longest wording of the cluster carried by most articles.
        let best = parts
            .iter()
            .max_by_key(|c| {
                (
                    articles_of(c).len(),
                    usize::MAX - c.first().copied().unwrap_or(0),
                )
            })
            .and_then(|c| {
                c.iter()
                    .filter_map(|&i| quotes.get(i))
                    .max_by_key(|q| (q.words.len(), usize::MAX - q.article))
            });
        let Some(best) = best else { continue };
        let text = ctx
            .para(best.article, best.para)
            .map(|p| slice(&p.chars, best.start, best.end))
            .unwrap_or_default();
        let text = text
            .trim()
            .trim_end_matches([',', ';', ':'])
            .trim()
            .to_string();
        let speaker = speaker_of(&all).map(str::to_string);
        let mentions = all
            .iter()
            .filter_map(|&i| quotes.get(i))
            .map(|q| mention(ctx, q.article, q.para, q.start, q.end))
            .collect();
        let differs = if parts.len() > 1 {
            parts.iter().map(|c| articles_of(c)).collect()
        } else {
            Vec::new()
        };
        out.push(fact(FactKind::Quote, text, speaker, mentions, differs));
    }
    out
}

/// True when `short` occurs as a contiguous stretch of `long`.
fn contains(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// The quotations of one article with their speakers.
fn article_quotes(
    ctx: &Context<'_>,
    a: usize,
    runs: &[NameRun],
    speakers: &Speakers,
) -> Vec<Quote> {
    let mut out = Vec::new();
    for (p, para) in ctx.article(a).paragraphs.iter().enumerate() {
        let words = ctx.para_words(a, p);
        let mut prev_speaker: Option<String> = None;
        for (k, r) in para.quotes.ranges.iter().enumerate() {
            let lo = words.partition_point(|w| w.start <= r.start);
            let hi = words.partition_point(|w| w.end < r.end);
            let ws = words.get(lo..hi.max(lo)).unwrap_or(&[]);
            if ws.len() < MIN_WORDS {
                continue;
            }
            let prev_end = k
                .checked_sub(1)
                .and_then(|k| para.quotes.ranges.get(k))
                .map_or(0, |q| q.end);
            let next_start = para
                .quotes
                .ranges
                .get(k + 1)
                .map_or(para.chars.len(), |q| q.start);
            let sentence = |at: usize| {
                let s = para.sentences.partition_point(|s| s.end <= at);
                para.sentences
                    .get(s)
                    .cloned()
                    .unwrap_or(0..para.chars.len())
            };
            let after = Window {
                words: words
                    .get(
                        hi..words.partition_point(|w| {
                            w.start < sentence(r.end.saturating_sub(1)).end.min(next_start)
                        }),
                    )
                    .unwrap_or(&[]),
            };
            let before_from = sentence(r.start).start.max(prev_end);
            let before = Window {
                words: words
                    .get(words.partition_point(|w| w.start < before_from)..lo)
                    .unwrap_or(&[]),
            };
            let found = attribute(ctx, a, p, runs, &after, &before)
                .map(|who| who.resolve(runs, p, r.start, speakers, a));
            let speaker = match found {
                Some(s) => s,
                None => prev_speaker.clone(),
            };
            if speaker.is_some() {
                prev_speaker.clone_from(&speaker);
            }
            let folded: Vec<String> = ws.iter().map(fold).collect();
            let content = folded
                .iter()
                .filter(|w| w.chars().count() >= 3 && !is_function_word(w))
                .cloned()
                .collect();
            out.push(Quote {
                article: a,
                para: p,
                start: r.start + 1,
                end: r.end.saturating_sub(1),
                words: folded,
                content,
                speaker,
            });
        }
    }
    out
}

/// Words around a quotation, within its sentence.
struct Window<'t> {
    words: &'t [Tok],
}

/// Who the sentence names as the speaker.
enum Who<'r> {
    Name(&'r NameRun),
    Pronoun,
    Nobody,
}

impl Who<'_> {
    /// The canonical speaker name (`None` for an unnamed speaker or an unresolved pronoun).
    fn resolve(
        &self,
        runs: &[NameRun],
        para: usize,
        at: usize,
        speakers: &Speakers,
        a: usize,
    ) -> Option<String> {
        let run = match self {
            Who::Name(r) => Some(*r),
            Who::Pronoun => last_person_before(runs, para, at),
            Who::Nobody => None,
        }?;
        Some(
            speakers
                .get(&(a, run.display.to_lowercase()))
                .cloned()
                .unwrap_or_else(|| run.display.clone()),
        )
    }
}

fn is_verb(t: &Tok) -> bool {
    SPEECH_VERBS.contains(t.lower.as_str())
}

fn is_pronoun(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "he" | "she")
}

/// Reads the attribution from the words after and before the quotation; `None` when the
/// sentence attributes nothing (the paragraph's previous speaker may then apply).
fn attribute<'r>(
    ctx: &Context<'_>,
    a: usize,
    p: usize,
    runs: &'r [NameRun],
    after: &Window<'_>,
    before: &Window<'_>,
) -> Option<Who<'r>> {
    let _ = ctx.para(a, p)?;
    // After: `"…," Smith said` / `"…," he said` / `"…," said Jane Smith`.
    let ws = after.words;
    if let Some(v) = ws.iter().take(6).position(is_verb) {
        let head = ws.get(..v).unwrap_or(&[]);
        if let (Some(f), Some(l)) = (head.first(), head.last()) {
            if let Some(r) = last_run_in(runs, p, f.start, l.end + 1) {
                return Some(Who::Name(r));
            }
            if head.iter().any(is_pronoun) {
                return Some(Who::Pronoun);
            }
            return Some(Who::Nobody);
        }
        let tail = ws
            .get(v + 1..(v + 1 + AFTER_VERB).min(ws.len()))
            .unwrap_or(&[]);
        if tail.first().is_some_and(is_pronoun) {
            return Some(Who::Pronoun);
        }
        if let (Some(f), Some(l)) = (tail.first(), tail.last())
            && let Some(r) = run_in(runs, p, f.start, l.end)
        {
            return Some(Who::Name(r));
        }
        return Some(Who::Nobody);
    }
    // Before: `Smith said: "…"` / `Smith told reporters: "…"`.
    let ws = before.words;
    let n = ws.len();
    if let Some(v) = ws
        .iter()
        .enumerate()
        .skip(n.saturating_sub(4))
        .rev()
        .find(|(_, t)| is_verb(t))
        .map(|(i, _)| i)
    {
        let head = ws.get(v.saturating_sub(5)..v).unwrap_or(&[]);
        if let (Some(f), Some(l)) = (head.first(), head.last()) {
            if let Some(r) = last_run_in(runs, p, f.start, l.end + 1) {
                return Some(Who::Name(r));
            }
            if head.last().is_some_and(is_pronoun) {
                return Some(Who::Pronoun);
            }
        }
    }
    // `according to Smith` on either side.
    for ws in [after.words, before.words] {
        if let Some(k) = ws
            .windows(2)
            .position(|w| matches!(w, [x, y] if x.lower == "according" && y.lower == "to"))
        {
            let tail = ws
                .get(k + 2..(k + 2 + AFTER_VERB).min(ws.len()))
                .unwrap_or(&[]);
            if let (Some(f), Some(l)) = (tail.first(), tail.last())
                && let Some(r) = run_in(runs, p, f.start, l.end)
            {
                return Some(Who::Name(r));
            }
        }
    }
    None
}
