//! Detector for `stray_fragment` findings: what splitting or joining sentences leaves behind
//! in English text, as machine translation and careless editing do —
//!
//! - a one- or two-word lower-case "sentence" after a full stop ("…over fishing quotas.
//!   questions."), the tail of a sentence cut loose;
//! - doubled or orphaned punctuation: a mark after a sentence's end mark ("the port. .",
//!   "said, ."), two commas, two full stops that are no ellipsis;
//! - a space before a comma or a full stop ("the minister , who");
//! - a full stop closing a page-title headline, the article's first paragraph when more
//!   follow and it ends in its source's name after a dash or bar ("Harbour fees rise -
//!   Coastline Daily."): headlines take no full stop, and machine translation adds one to
//!   every line it renders. A first paragraph without that title shape may be a lead
//!   sentence and is left alone.
//!
//! Near-misses left alone: ellipses ("…", "..."), decimals (" .45"), abbreviations and
//! initials before the stop ("at 9 a.m. on Monday.", "U.S. troops."), capitalised short
//! sentences ("No. Why?"), "?!" and "!!" emphasis.

use super::context::{Context, Hit, is_abbreviation};
use super::lexicon::SPEECH_VERBS;
use crate::model::{Finding, FindingKind};

/// Finds `stray_fragment` in the context's English articles.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = ctx.english_paragraph_findings(FindingKind::StrayFragment, |cs, _| {
        let mut hits = fragments(cs);
        hits.extend(doubled_marks(cs));
        hits.extend(spaces_before(cs));
        hits
    });
    for a in (0..ctx.article_count()).filter(|&a| ctx.english(a)) {
        let paras = &ctx.article(a).paragraphs;
        if paras.len() < 2 {
            continue;
        }
        if let Some(hit) = paras.first().and_then(|p| headline_stop(&p.chars)) {
            out.extend(ctx.finding(FindingKind::StrayFragment, a, 0, hit));
        }
    }
    out
}

/// Most words of a page-title headline.
const MAX_HEADLINE_WORDS: usize = 30;
/// Most words of the source's name after the title's dash or bar.
const MAX_SOURCE_WORDS: usize = 4;

/// The full stop closing a page title "Headline - Source Name." (see the module docs).
fn headline_stop(cs: &[char]) -> Option<Hit> {
    let end = cs.iter().rposition(|c| !c.is_whitespace())?;
    if cs.get(end) != Some(&'.')
        || cs.get(end.checked_sub(1)?) == Some(&'.')
        || is_abbreviation(cs, end)
    {
        return None;
    }
    let line: String = cs.get(..end)?.iter().collect();
    if line.split_whitespace().count() > MAX_HEADLINE_WORDS {
        return None;
    }
    let (head, source) = [" - ", " \u{2013} ", " \u{2014} ", " | "]
        .iter()
        .filter_map(|sep| line.rsplit_once(sep))
        .max_by_key(|(head, _)| head.len())?;
    let source_words: Vec<&str> = source.split_whitespace().collect();
    let names = source_words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) || w.contains('.') && !w.ends_with('.')
    });
    if head.split_whitespace().count() < 3
        || source_words.is_empty()
        || source_words.len() > MAX_SOURCE_WORDS
        || !names
    {
        return None;
    }
    Some(Hit {
        start: end,
        end: end + 1,
        message: "This headline ends with its source's name and a full stop; headlines and \
                  page titles take none (machine translation adds one to every line)."
            .to_string(),
        suggestion: None,
        related: Vec::new(),
    })
}

fn is_end_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

/// Closing quotes and brackets that may follow an end mark.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

/// A word of one or two lower-case letters-only words closed by an end mark right after
/// another sentence's end.
fn fragments(cs: &[char]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        if !is_end_mark(c) || (c == '.' && is_abbreviation(cs, i)) {
            continue;
        }
        // "a.m." / "U.S.": a stop inside a dotted run is no sentence end.
        if c == '.' && dotted_run(cs, i) {
            continue;
        }
        let mut j = i + 1;
        while cs.get(j).copied().is_some_and(is_closer) {
            j += 1;
        }
        // “Is it right?” he asked. — after a quotation, a lower-case attribution follows.
        if j > i + 1 || cs.get(j) != Some(&' ') {
            continue;
        }
        while cs.get(j) == Some(&' ') {
            j += 1;
        }
        let start = j;
        if !cs.get(start).is_some_and(|c| c.is_lowercase()) {
            continue;
        }
        let mut words = 0;
        let mut k = start;
        loop {
            let from = k;
            while cs
                .get(k)
                .is_some_and(|&c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            {
                k += 1;
            }
            if k == from {
                break;
            }
            words += 1;
            if cs.get(k) == Some(&' ') && words < 3 {
                k += 1;
                continue;
            }
            break;
        }
        let closes = cs.get(k).copied().is_some_and(is_end_mark);
        let after = k + 1;
        let ends = cs
            .get(after)
            .is_none_or(|c| c.is_whitespace() || is_closer(*c));
        // "…,” she said. she declares." is one seam: the doubled attribution's finding.
        let last_word: String = cs
            .get(start..k)
            .unwrap_or(&[])
            .iter()
            .collect::<String>()
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_string();
        let attribution = words == 2 && SPEECH_VERBS.contains(&last_word);
        if closes && ends && (1..=2).contains(&words) && !attribution {
            out.push(Hit {
                start,
                end: after,
                message: "These words stand alone as a sentence after a full stop; \
                          they look cut from the sentence before (a splitting seam)."
                    .to_string(),
                suggestion: None,
                related: Vec::new(),
            });
        }
    }
    out
}

/// True when the stop at `dot` closes a run with another stop inside ("a.m", "U.S").
fn dotted_run(cs: &[char], dot: usize) -> bool {
    let mut from = dot;
    while from > 0
        && cs
            .get(from - 1)
            .is_some_and(|c| c.is_alphanumeric() || *c == '.')
    {
        from -= 1;
    }
    cs.get(from..dot).is_some_and(|run| run.contains(&'.'))
}

/// True when a spaced ellipsis ". . ." starts at `i`.
fn spaced_ellipsis_at(cs: &[char], i: usize) -> bool {
    cs.get(i..i + 5) == Some(&['.', ' ', '.', ' ', '.'][..])
}

/// Punctuation after a sentence's end mark or a comma: ". .", ", .", ",,", "..", ";,".
fn doubled_marks(cs: &[char]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = cs.get(i) {
        if !matches!(c, '.' | ',' | ';' | ':') {
            i += 1;
            continue;
        }
        // Ellipses: three stops or more, or a stop beside "…".
        if c == '.' && (cs.get(i + 1) == Some(&'.') && cs.get(i + 2) == Some(&'.')) {
            while cs.get(i) == Some(&'.') {
                i += 1;
            }
            continue;
        }
        if c == '.' && (i > 0 && cs.get(i - 1) == Some(&'.')) {
            i += 1;
            continue;
        }
        if spaced_ellipsis_at(cs, i) {
            i += 5;
            continue;
        }
        let mut j = i + 1;
        while cs.get(j) == Some(&' ') {
            j += 1;
        }
        let Some(&next) = cs.get(j) else { break };
        let spaced = j > i + 1;
        let doubled = matches!(next, '.' | ',' | ';' | ':')
            && !(next == '.' && cs.get(j + 1) == Some(&'.'))
            // "e.g.,", "Co.,", "the U.S.;": an abbreviation's stop before a comma or semicolon.
            && !(c == '.' && next != '.' && !spaced && (is_abbreviation(cs, i) || dotted_run(cs, i) || next == ','))
            && !(next == '.' && cs.get(j + 1).is_some_and(char::is_ascii_digit))
            && !(c == ':' && next == ':');
        if doubled {
            out.push(Hit {
                start: i,
                end: j + 1,
                message: "Two punctuation marks follow each other with nothing between them; \
                          one is probably left over from splitting or joining sentences."
                    .to_string(),
                suggestion: Some(c.to_string()),
                related: Vec::new(),
            });
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// A space before a comma or full stop ("the minister , who"), but not before a decimal
/// (" .45") or an ellipsis, and not at the start of the paragraph.
fn spaces_before(cs: &[char]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        if !matches!(c, ',' | '.') || i == 0 {
            continue;
        }
        if cs.get(i - 1) != Some(&' ') {
            continue;
        }
        let mut s = i - 1;
        while s > 0 && cs.get(s - 1) == Some(&' ') {
            s -= 1;
        }
        // Only after a word: a mark after a space after punctuation is doubled_marks' matter.
        if s == 0
            || !cs
                .get(s - 1)
                .is_some_and(|c| c.is_alphanumeric() || is_closer(*c))
        {
            continue;
        }
        let next = cs.get(i + 1).copied();
        if next.is_some_and(|n| n.is_ascii_digit() || n == '.') || spaced_ellipsis_at(cs, i) {
            continue;
        }
        out.push(Hit {
            start: s,
            end: i + 1,
            message: "A space stands before this punctuation mark; English sets it right \
                      after the word."
                .to_string(),
            suggestion: Some(c.to_string()),
            related: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found_in;

    fn found(text: &str) -> Vec<String> {
        found_in(detect, text).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn a_cut_off_tail_after_a_full_stop() {
        assert_eq!(
            found(
                "The ministers argued for hours over fishing quotas. questions. The talks resume today."
            ),
            ["questions."]
        );
        assert_eq!(
            found("Crews worked through the night at the port. and more. Ships left at dawn."),
            ["and more."]
        );
    }

    #[test]
    fn short_sentences_abbreviations_and_times_are_left() {
        assert!(found("No. Why? Because the port was closed for the night.").is_empty());
        assert!(found("The ferry left at 9 a.m. on Monday. It returned late.").is_empty());
        assert!(
            found("U.S. troops arrived. and left. nothing more was said that evening.").len() == 1
        );
        assert!(found("He waited... and waited. Then the ship came in.").is_empty());
        assert!(found("“Is it the right thing?” he asked. Nobody answered him.").is_empty());
        assert!(found("“We are done.” she said. The talks were over.").is_empty());
        // A bare second attribution is the doubled-attribution detector's finding.
        assert!(found("“We are done,” she said. she declares.").is_empty());
    }

    #[test]
    fn doubled_and_orphaned_punctuation() {
        assert_eq!(
            found("The ship left the port. . It did not return."),
            [". ."]
        );
        assert_eq!(found("The minister said,, that talks would go on."), [",,"]);
        assert_eq!(found("The strike ended, . Crews went home."), [", ."]);
        assert_eq!(found("It ended.. Crews went home."), [".."]);
        // Ellipses, decimals and "e.g.," stay.
        assert!(found("It ended... Crews went home.").is_empty());
        assert!(found("Prices, e.g., rose by 0.5 percent. . .").is_empty());
        assert!(found("Doubts grew in the U.S.; allies were critical of the summit.").is_empty());
    }

    #[test]
    fn a_space_before_a_comma_or_stop() {
        assert_eq!(
            found("The minister , who spoke briefly, left ."),
            [" ,", " ."]
        );
        assert!(found("The gun was a .45 calibre pistol, police said.").is_empty());
        assert!(found("“Strikingly, Trump . . . finishes first,” the network said.").is_empty());
    }

    #[test]
    fn a_page_title_headline_closed_by_a_full_stop() {
        let story: &[&str] = &[
            "Harbour fees rise for a third year - Coastline Daily News.",
            "The port authority raised its fees again on Monday.",
        ];
        let f: Vec<String> = crate::detect::testing::found_in_paragraphs(detect, story)
            .into_iter()
            .map(|f| format!("{} {}", f.paragraph, f.start))
            .collect();
        assert_eq!(f, ["0 57"]);
        for first in [
            // No source after a dash: a lead sentence, not a title.
            "The port authority raised its fees for a third year on Monday.",
            // A title without the stop.
            "Harbour fees rise for a third year - Coastline Daily News",
            // A dash inside a sentence before lower-case words.
            "Fees rose - and ferry crews said the rise was steep.",
            // An abbreviation's stop.
            "Ferry strike ends after talks | Coastline Co.",
        ] {
            let found = crate::detect::testing::found_in_paragraphs(detect, &[first, story[1]]);
            assert!(found.is_empty(), "{first}: {found:?}");
        }
        // A title alone is not judged: nothing follows it.
        assert!(found("Harbour fees rise for a third year - Coastline Daily News.").is_empty());
    }

    #[test]
    fn other_languages_are_not_judged_by_english_rules() {
        assert!(
            found(
                "Le ministre a parlé pendant des heures des quotas de pêche , et puis il est parti."
            )
            .is_empty()
        );
    }
}
