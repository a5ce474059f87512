//! Detector for `credit_mismatch` findings: the news agency an English article credits,
//! where credits stand —
//!
//! - the **dateline**: "LONDON (Reuters) —", "PARIS, May 3 (AFP) -" (an upper-case place
//!   at the start of one of the first paragraphs, the agency in brackets, then a dash or
//!   colon);
//! - **photo credits**: "(AP Photo/Jane Doe)", "Photo: Reuters", "Foto: dpa", "REUTERS/Jane
//!   Doe", "AFP via Getty Images";
//! - the **byline or credit line**: a short paragraph that opens with "By", "Reporting by",
//!   "Additional reporting by", "Written by", "©" or "Copyright", or says who "contributed
//!   to this report".
//!
//! Agencies, the forms that name them and their renderings in another language's form are
//! data: `lexicon/agencies.txt`. Findings, each with a plain message:
//!
//! 1. an agency written in another language's form ("Associated Presse", "Prensa Asociada",
//!    "la Presse Associée", "Reuter") — anywhere in the text for a rendering of two words or
//!    more, only in a credit for a one-word rendering ("Reuter" is also a surname);
//!    suggestion: the English name. Other accepted forms are fine ("Agence France-Presse"
//!    for AFP, "dpa" for DPA);
//! 2. the story's own credits disagree: the dateline names one agency, the byline
//!    another;
//! 3. the story is credited to one agency (dateline or byline) and *every* photo credit to
//!    others — one finding per article, at the first photo credit. A photo from another
//!    agency can be right (outlets subscribe to several), but a translation or republication
//!    that rewrote a credit looks exactly the same, and a demanding editor checks a credit
//!    before it runs; the message says both. An article with at least one photo credited
//!    to the story's own agency is left alone;
//! 4. with a reference open, the copy's story credit names none of the agencies the
//!    reference's story credit names (reference "(AP)", copy "(AFP)"); suggestion: the
//!    reference's form. The reference may be in any language (a translation's source);
//!    only articles that share evidence with it are judged.
//!
//! Near-misses left alone: agency names in running text ("Reuters reported", "told AFP"),
//! brackets that are no dateline ("the Associated Press (AP) said"), "dpa" / "DPA",
//! "AFP" / "Agence France-Presse", and articles that are not English.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::context::{Context, Hit, loc};
use super::lexicon::entries;
use crate::model::{Finding, FindingKind};

/// One agency from `lexicon/agencies.txt`.
#[derive(Debug)]
struct Agency {
    /// Short name ("AP").
    short: &'static str,
    /// English name ("Associated Press").
    english: &'static str,
    /// Every accepted form, lower-cased chars, longest first.
    forms: Vec<Vec<char>>,
    /// Renderings in another language's form, as written in the file and lower-cased.
    foreign: Vec<(&'static str, Vec<char>)>,
}

fn lower_chars(s: &str) -> Vec<char> {
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

static AGENCIES: LazyLock<Vec<Agency>> = LazyLock::new(|| {
    entries(include_str!("lexicon/agencies.txt"))
        .filter_map(|line| {
            let mut f = line.split('|').map(str::trim);
            let short = f.next()?;
            let english = f.next()?;
            let list = |s: Option<&'static str>| -> Vec<&'static str> {
                s.unwrap_or("")
                    .split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .collect()
            };
            let others = list(f.next());
            let foreign = list(f.next());
            let mut forms: Vec<Vec<char>> = [short, english]
                .into_iter()
                .chain(others)
                .map(lower_chars)
                .collect();
            forms.sort_by_key(|x| std::cmp::Reverse(x.len()));
            forms.dedup();
            Some(Agency {
                short,
                english,
                forms,
                foreign: foreign.into_iter().map(|x| (x, lower_chars(x))).collect(),
            })
        })
        .collect()
});

/// Where a credit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Dateline,
    Photo,
    Byline,
}

impl Place {
    fn name(self) -> &'static str {
        match self {
            Self::Dateline => "dateline",
            Self::Photo => "photo credit",
            Self::Byline => "byline",
        }
    }

    /// The dateline and the byline credit the story; a photo credit only the photo.
    fn is_story(self) -> bool {
        self != Self::Photo
    }
}

/// One credit: where, which agency (index into [`AGENCIES`]), the span, and whether it is a
/// rendering in another language's form.
#[derive(Debug, Clone)]
struct Credit {
    place: Place,
    agency: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    foreign: bool,
}

/// Finds `credit_mismatch` in the context's English articles.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let n = ctx.article_count();
    let credits: Vec<Vec<Credit>> = (0..n).map(|a| credits_of(ctx, a)).collect();
    let reference = ctx.comparison.options.reference;
    let mut out = Vec::new();
    for a in (0..n).filter(|&a| ctx.english(a)) {
        let cs = credits.get(a).map_or(&[][..], Vec::as_slice);
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        hits.extend(foreign_renderings(ctx, a, cs));
        hits.extend(story_disagreement(a, cs));
        hits.extend(photo_disagreement(a, cs));
        if a != reference && ctx.shares_evidence(a, reference) {
            let rs = credits.get(reference).map_or(&[][..], Vec::as_slice);
            hits.extend(reference_disagreement(ctx, cs, reference, rs));
        }
        for (p, hit) in hits {
            out.extend(ctx.finding(FindingKind::CreditMismatch, a, p, hit));
        }
    }
    out
}

/// Whole-word occurrences of `needle` in `hay` (both lower-cased chars).
fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    let Some(&first) = needle.first() else {
        return Vec::new();
    };
    if hay.len() < needle.len() {
        return Vec::new();
    }
    // The first character is checked on its own before the slice: a scan of a long
    // paragraph then costs one comparison per position, not one `memcmp` call.
    (0..=hay.len() - needle.len())
        .filter(|&i| hay.get(i) == Some(&first) && whole_word_at(hay, i, needle))
        .collect()
}

/// True when `needle` stands at `hay[i..]` as a whole word (no letter or digit on either side).
fn whole_word_at(hay: &[char], i: usize, needle: &[char]) -> bool {
    hay.get(i..i + needle.len()) == Some(needle)
        && !i
            .checked_sub(1)
            .and_then(|k| hay.get(k))
            .is_some_and(|c| c.is_alphanumeric())
        && !hay
            .get(i + needle.len())
            .is_some_and(|c| c.is_alphanumeric())
}

/// One form of an agency's name: (agency index, lower-cased form, foreign rendering).
type AgencyForm = (usize, &'static [char], bool);

/// Every agency form, accepted and foreign, by its first character, in the order
/// [`agencies_in`] reports ties: agency index, then accepted forms (longest first), then
/// foreign ones. Entries: (agency, form, foreign).
static FORMS_BY_FIRST: LazyLock<HashMap<char, Vec<AgencyForm>>> = LazyLock::new(|| {
    let mut out: HashMap<char, Vec<AgencyForm>> = HashMap::new();
    for (i, ag) in AGENCIES.iter().enumerate() {
        let forms = ag
            .forms
            .iter()
            .map(|f| (f.as_slice(), false))
            .chain(ag.foreign.iter().map(|(_, f)| (f.as_slice(), true)));
        for (form, foreign) in forms {
            if let Some(&c) = form.first() {
                out.entry(c).or_default().push((i, form, foreign));
            }
        }
    }
    out
});

/// Every agency form (accepted or foreign) in `hay[from..to]`: (agency, start, end, foreign),
/// longest first where two overlap.
fn agencies_in(hay: &[char], from: usize, to: usize) -> Vec<(usize, usize, usize, bool)> {
    let to = to.min(hay.len());
    let Some(zone) = hay.get(from..to) else {
        return Vec::new();
    };
    let mut found: Vec<(usize, usize, usize, bool)> = Vec::new();
    // One pass over the zone: at each position only the forms starting with its character.
    for (s, c) in zone.iter().enumerate() {
        let Some(forms) = FORMS_BY_FIRST.get(c) else {
            continue;
        };
        for &(i, form, foreign) in forms {
            if whole_word_at(zone, s, form) {
                found.push((i, from + s, from + s + form.len(), foreign));
            }
        }
    }
    found.sort_by_key(|&(_, s, e, _)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<(usize, usize, usize, bool)> = Vec::new();
    for f in found {
        if out.last().is_none_or(|l| f.1 >= l.2) {
            out.push(f);
        }
    }
    out
}

/// Every credit of one article (any language).
fn credits_of(ctx: &Context<'_>, a: usize) -> Vec<Credit> {
    let mut out = Vec::new();
    let paragraphs = &ctx.article(a).paragraphs;
    for (p, para) in paragraphs.iter().enumerate() {
        let lower: Vec<char> = para
            .chars
            .iter()
            .map(|c| c.to_lowercase().next().unwrap_or(*c))
            .collect();
        let mut push = |place, (agency, start, end, foreign)| {
            out.push(Credit {
                place,
                agency,
                paragraph: p,
                start,
                end,
                foreign,
            });
        };
        if p < 3
            && let Some((from, to)) = dateline(&para.chars)
        {
            // The whole bracket must name the agency.
            if let Some(f) = agencies_in(&lower, from, to)
                .into_iter()
                .find(|f| f.1 == from && f.2 == to)
            {
                push(Place::Dateline, f);
            }
        }
        let photo = photo_zones(&para.chars, &lower);
        for &(from, to) in &photo {
            for f in agencies_in(&lower, from, to) {
                push(Place::Photo, f);
            }
        }
        if is_byline(&para.chars, &lower) {
            for f in agencies_in(&lower, 0, lower.len()) {
                if !photo.iter().any(|&(s, e)| s <= f.1 && f.2 <= e) {
                    push(Place::Byline, f);
                }
            }
        }
    }
    out.sort_by_key(|c| (c.paragraph, c.start));
    out.dedup_by_key(|c| (c.paragraph, c.start));
    out
}

/// The bracket content (char span) of a dateline at the paragraph's start: an upper-case
/// place ("LONDON", "NEW YORK, May 3"), then "(…)", then a dash or colon.
fn dateline(cs: &[char]) -> Option<(usize, usize)> {
    let open = cs.iter().take(60).position(|&c| c == '(')?;
    let close = open + cs.get(open..)?.iter().take(40).position(|&c| c == ')')?;
    let prefix: String = cs.get(..open)?.iter().collect();
    let first: String = prefix
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if first.chars().count() < 2 || first.chars().any(char::is_lowercase) {
        return None;
    }
    let after = cs
        .get(close + 1..)?
        .iter()
        .find(|c| !matches!(c, ' ' | '\u{a0}'))?;
    matches!(after, '—' | '–' | '-' | ':' | '―').then_some((open + 1, close))
}

/// Markers after which a photo credit follows.
const PHOTO_MARKERS: &[&str] = &[
    "photo:",
    "photo by",
    "photo credit:",
    "photograph:",
    "photographs:",
    "photos:",
    "picture:",
    "image:",
    "credit:",
    "foto:",
    "fotos:",
    "bild:",
];

/// Char spans of a paragraph that are photo credits.
fn photo_zones(cs: &[char], lower: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let zone_end = |from: usize| {
        let mut e = from;
        while lower
            .get(e)
            .is_some_and(|&c| !matches!(c, ')' | ']' | '\n') && e - from < 80)
        {
            e += 1;
        }
        e
    };
    for m in PHOTO_MARKERS {
        let needle: Vec<char> = m.chars().collect();
        let body: Vec<char> = needle
            .iter()
            .copied()
            .filter(|c| c.is_alphanumeric() || *c == ' ')
            .collect();
        let body = body.iter().collect::<String>();
        let body: Vec<char> = body.trim().chars().collect();
        for s in occurrences(lower, &body) {
            if lower.get(s..s + needle.len()) == Some(&needle[..]) {
                let from = s + needle.len();
                out.push((from, zone_end(from)));
            }
        }
    }
    // "AP Photo/…", "REUTERS/Jane Doe", "AFP via Getty Images": the agency is the credit.
    for f in agencies_in(lower, 0, lower.len()) {
        let rest: String = cs.get(f.2..).unwrap_or(&[]).iter().take(12).collect();
        if rest.starts_with('/')
            || rest.starts_with(" Photo")
            || rest.starts_with(" photo")
            || rest.starts_with(" via Getty")
        {
            out.push((f.1, f.2));
        }
    }
    out
}

/// A short credit-line paragraph (see the module docs).
fn is_byline(cs: &[char], lower: &[char]) -> bool {
    let text: String = lower.iter().collect();
    let t = text.trim_start();
    let words = cs
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .count();
    words <= 25
        && ([
            "by ",
            "reporting by",
            "additional reporting by",
            "written by",
            "©",
            "copyright",
            "(c) ",
        ]
        .iter()
        .any(|p| t.starts_with(p))
            || t.contains("contributed to this report")
            || t.contains("contributed reporting"))
}

fn agency(i: usize) -> Option<&'static Agency> {
    AGENCIES.get(i)
}

/// The text of a credit's span.
fn written(ctx: &Context<'_>, a: usize, c: &Credit) -> String {
    ctx.para(a, c.paragraph)
        .and_then(|p| p.chars.get(c.start..c.end))
        .map(|s| s.iter().collect())
        .unwrap_or_default()
}

/// Finding 1: renderings in another language's form.
fn foreign_renderings(ctx: &Context<'_>, a: usize, credits: &[Credit]) -> Vec<(usize, Hit)> {
    let mut spans: Vec<(usize, usize, usize, usize)> = credits
        .iter()
        .filter(|c| c.foreign)
        .map(|c| (c.paragraph, c.start, c.end, c.agency))
        .collect();
    // Two-word renderings count anywhere in the text.
    for (p, para) in ctx.article(a).paragraphs.iter().enumerate() {
        let lower: Vec<char> = para
            .chars
            .iter()
            .map(|c| c.to_lowercase().next().unwrap_or(*c))
            .collect();
        for (i, ag) in AGENCIES.iter().enumerate() {
            for (form, f) in &ag.foreign {
                if !form.contains(' ') {
                    continue;
                }
                for s in occurrences(&lower, f) {
                    // Skip a rendering inside a longer accepted form.
                    let longer = agencies_in(&lower, 0, lower.len())
                        .into_iter()
                        .any(|x| !x.3 && x.1 <= s && s + f.len() <= x.2);
                    if !longer {
                        spans.push((p, s, s + f.len(), i));
                    }
                }
            }
        }
    }
    spans.sort_unstable();
    spans.dedup_by_key(|s| (s.0, s.1));
    spans
        .into_iter()
        .filter_map(|(p, s, e, i)| {
            let ag = agency(i)?;
            let text: String = ctx.para(a, p)?.chars.get(s..e)?.iter().collect();
            Some((
                p,
                Hit {
                    start: s,
                    end: e,
                    message: format!(
                        "“{text}” is the {} ({}) written in another language's form; English \
                         text calls it “{}”.",
                        ag.english, ag.short, ag.english
                    ),
                    suggestion: Some(ag.english.to_string()),
                    related: Vec::new(),
                },
            ))
        })
        .collect()
}

/// Finding 2: the dateline and the byline credit different agencies.
fn story_disagreement(a: usize, credits: &[Credit]) -> Vec<(usize, Hit)> {
    let Some(date) = credits.iter().find(|c| c.place == Place::Dateline) else {
        return Vec::new();
    };
    let bylines: Vec<&Credit> = credits
        .iter()
        .filter(|c| c.place == Place::Byline)
        .collect();
    if bylines.is_empty() || bylines.iter().any(|c| c.agency == date.agency) {
        return Vec::new();
    }
    bylines
        .into_iter()
        .filter_map(|b| {
            let (d, o) = (agency(date.agency)?, agency(b.agency)?);
            Some((
                b.paragraph,
                Hit {
                    start: b.start,
                    end: b.end,
                    message: format!(
                        "The dateline credits the story to {} but the byline to {}; one of the \
                         two credits is wrong.",
                        d.short, o.short
                    ),
                    suggestion: Some(d.short.to_string()),
                    related: vec![loc(a, date.paragraph, date.start, date.end)],
                },
            ))
        })
        .collect()
}

/// Finding 3: every photo credit names another agency than the story's.
fn photo_disagreement(a: usize, credits: &[Credit]) -> Vec<(usize, Hit)> {
    let Some(story) = credits.iter().find(|c| c.place.is_story()) else {
        return Vec::new();
    };
    let photos: Vec<&Credit> = credits.iter().filter(|c| c.place == Place::Photo).collect();
    let Some(first) = photos.first() else {
        return Vec::new();
    };
    if photos.iter().any(|c| c.agency == story.agency) {
        return Vec::new();
    }
    let (Some(s), Some(p)) = (agency(story.agency), agency(first.agency)) else {
        return Vec::new();
    };
    vec![(
        first.paragraph,
        Hit {
            start: first.start,
            end: first.end,
            message: format!(
                "The {} credits the story to {} but the photos to {}. A photo from another \
                 agency can be right; a credit rewritten in translation or republication looks \
                 the same, so check it.",
                story.place.name(),
                s.short,
                p.short
            ),
            suggestion: None,
            related: std::iter::once(loc(a, story.paragraph, story.start, story.end))
                .chain(
                    photos
                        .iter()
                        .skip(1)
                        .map(|c| loc(a, c.paragraph, c.start, c.end)),
                )
                .collect(),
        },
    )]
}

/// Finding 4: the copy's story credit names none of the reference's agencies.
fn reference_disagreement(
    ctx: &Context<'_>,
    credits: &[Credit],
    reference: usize,
    ref_credits: &[Credit],
) -> Vec<(usize, Hit)> {
    let refs: Vec<&Credit> = ref_credits.iter().filter(|c| c.place.is_story()).collect();
    let Some(r) = refs.first() else {
        return Vec::new();
    };
    let Some(mine) = credits.iter().find(|c| c.place.is_story()) else {
        return Vec::new();
    };
    if credits
        .iter()
        .filter(|c| c.place.is_story())
        .any(|c| refs.iter().any(|x| x.agency == c.agency))
    {
        return Vec::new();
    }
    let (Some(ra), Some(ma)) = (agency(r.agency), agency(mine.agency)) else {
        return Vec::new();
    };
    let ref_written = written(ctx, reference, r);
    vec![(
        mine.paragraph,
        Hit {
            start: mine.start,
            end: mine.end,
            message: format!(
                "The reference ({}) credits the story to {} in its {}; this copy credits {} in \
                 its {}.",
                ctx.name_of(reference),
                ra.short,
                r.place.name(),
                ma.short,
                mine.place.name()
            ),
            suggestion: Some(if ref_written.is_empty() {
                ra.short.to_string()
            } else {
                ref_written
            }),
            related: vec![loc(reference, r.paragraph, r.start, r.end)],
        },
    )]
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::detect::testing::{comparison_of, found_in};

    fn found(text: &[&str]) -> Vec<(String, String)> {
        detect(&Context::new(&comparison_of(&[text])))
            .into_iter()
            .map(|f| (f.text, f.message))
            .collect()
    }

    #[test]
    fn agencies_load() {
        assert!(AGENCIES.len() >= 10);
        let ap = AGENCIES.iter().find(|a| a.short == "AP").map(|a| a.english);
        assert_eq!(ap, Some("Associated Press"));
    }

    #[test]
    fn dateline_and_photo_credits_are_read() {
        let c = comparison_of(&[&[
            "LONDON, May 3 (Reuters) — The port reopened on Tuesday.",
            "Dock workers return to work. (REUTERS/Jane Doe)",
            "By Tom Lee, Reuters",
        ]]);
        let ctx = Context::new(&c);
        let cs = credits_of(&ctx, 0);
        let places: Vec<Place> = cs.iter().map(|c| c.place).collect();
        assert_eq!(places, [Place::Dateline, Place::Photo, Place::Byline]);
        assert!(detect(&ctx).is_empty());
    }

    #[test]
    fn foreign_renderings_are_flagged() {
        let hits = found(&[
            "WASHINGTON (AP) — Officials said the talks would resume.",
            "The mayor told the Associated Presse that the port would reopen.",
        ]);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].0, "Associated Presse");
        let f = found_in(
            detect,
            "MADRID (Prensa Asociada) — The strike ended on Friday, the union said.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Associated Press"));
        // One-word renderings only in credits.
        assert!(found(&["Paul Reuter founded the agency in London in 1851."]).is_empty());
        assert_eq!(
            found(&["BERLIN (Reuter) — The port reopened after the strike."]).len(),
            1
        );
    }

    #[test]
    fn accepted_forms_and_mentions_are_left() {
        assert!(
            found(&[
                "PARIS (AFP) — The union called off the strike on Monday.",
                "Agence France-Presse reported that the docks reopened. (Photo: AFP)",
            ])
            .is_empty()
        );
        assert!(
            found(&[
                "BERLIN (dpa) - Die Hafenarbeiter kehrten zurück.",
                "Foto: DPA",
            ])
            .is_empty()
        );
        // Agency names in running text are no credits.
        assert!(
            found(&["The minister told Reuters and the Associated Press (AP) that talks went on."])
                .is_empty()
        );
    }

    #[test]
    fn dateline_and_byline_disagree() {
        let hits = found(&[
            "PARIS (AFP) — The union called off the strike on Monday.",
            "By Marie Dupont, Associated Press",
        ]);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(
            hits[0]
                .1
                .starts_with("The dateline credits the story to AFP but the byline to AP")
        );
    }

    #[test]
    fn photos_all_from_another_agency() {
        let hits = found(&[
            "PARIS (AFP) — The union called off the strike on Monday.",
            "Dockers leave the port. (AP Photo/Jane Doe)",
            "The harbour at dawn. (AP Photo/Jane Doe)",
        ]);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].1.contains("photos to AP"), "{hits:?}");
        // One photo from the story's own agency: the mix is deliberate.
        assert!(
            found(&[
                "PARIS (AFP) — The union called off the strike on Monday.",
                "Dockers leave the port. (AP Photo/Jane Doe)",
                "The harbour at dawn. Photo: AFP",
            ])
            .is_empty()
        );
    }

    #[test]
    fn copy_credits_another_agency_than_the_reference() {
        let c = comparison_of(&[
            &["WASHINGTON (AP) — Officials said the talks would resume on Friday."],
            &["WASHINGTON (AFP) — Officials said the talks would resume on Friday."],
        ]);
        let f = detect(&Context::new(&c));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].article, 1);
        assert_eq!(f[0].text, "AFP");
        assert_eq!(f[0].suggestion.as_deref(), Some("AP"));
        // The same agency, written another accepted way: fine.
        let same = comparison_of(&[
            &["WASHINGTON (AP) — Officials said the talks would resume on Friday."],
            &[
                "By Jane Doe, The Associated Press",
                "Officials said the talks would resume.",
            ],
        ]);
        assert!(detect(&Context::new(&same)).is_empty());
    }
}
