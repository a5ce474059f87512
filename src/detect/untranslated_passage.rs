//! Detector for `untranslated_passage` findings: words of the source language left in an
//! English translation, as machine translation leaves a phrase it could not render —
//!
//! - a run of letters in another script (Han, Hiragana and Katakana, Hangul, Cyrillic,
//!   Greek, Arabic, Hebrew, Devanagari, Thai …): one finding per run, runs separated only
//!   by spaces, digits or punctuation joined into one, the message naming the script
//!   ("4 characters in Chinese script left untranslated"; a run with kana is Japanese);
//! - a Latin-script stretch of at least [`MIN_LATIN_WORDS`] words between sentence, clause
//!   or quotation boundaries that `whatlang` reliably names as another language, with
//!   mostly lower-case words and almost no English function words ("… the mayor said la
//!   décision sera prise demain par le conseil").
//!
//! - a figure from one to nine written in digits before the thing it counts ("including 5
//!   new products"), as Chinese and Japanese news write figures: English news (AP, Reuters
//!   and most house styles) spells out one to nine; suggestion: the word ("five"). Units,
//!   measures, times, money and scale words after it keep the digits ("5 km", "3 p.m.",
//!   "2 percent", "4 million": `lexicon/en/figure_units.txt`), as do names and dates before
//!   it ("Nord Stream 2", "December 8", "Level 2"), ranks, scale values and ranges ("No. 1",
//!   "top 5", "an intensity of 4" — after "of" only a plural counts —, "from 3 to 6", "2 or
//!   3", "3-6"), a figure followed by a
//!   function word ("4 of the 5"), headlines (a paragraph that does not end like a
//!   sentence: headline style writes every figure in digits) and any
//!   figure inside a token ("5G", "2.5", "1,5").
//!
//! Near-misses left alone:
//! - a short gloss in brackets right after the word it glosses — "Xi Jinping (习近平)",
//!   "the Duma (Дума)": news gives a name's original form that way on purpose (at most
//!   [`MAX_GLOSS_WORDS`] words or [`MAX_GLOSS_CHARS`] CJK characters);
//! - a letter of another script used as a symbol: a single letter (π, Δ, µ), or letters
//!   inside a token with Latin letters or digits ("α-synuclein", "5μg"); CJK is exempt,
//!   since Chinese glued to an English word or figure ("2023年") is still untranslated;
//! - currency, degree and maths symbols and emoji, which are no letters;
//! - mojibake ("Ã©", "Ð¿Ñ€Ð¸", "Р В»"): a run the mojibake detector repairs is its finding,
//!   not this one ([`super::mojibake::repairs`] is asked only for paragraphs with a run);
//! - Latin loanwords and short phrases ("per se", "de facto", "vis-à-vis", a quoted motto):
//!   they are shorter than [`MIN_LATIN_WORDS`]; titles of works are title-cased and fail
//!   the lower-case test;
//! - articles that are not English (there the script is the article's own).
//!
//! Full-width CJK punctuation *inside or next to* such a run is part of it (the
//! `foreign_punctuation` detector leaves it alone); elsewhere it is that detector's.
//!
//! A name transliterated two ways across the open articles ("Zelensky" / "Zelenskyy",
//! "Kiev" / "Kyiv") is `name_variant`'s finding, not this one's.

use std::sync::LazyLock;

use whatlang::{Lang, Script};

use super::context::{Context, Hit, Tok, is_function_word, is_lowercase_word};
use super::lexicon::Lexicon;
use super::mojibake::{Method, repairs};
use crate::model::{Finding, FindingKind};

/// Fewest words of a Latin-script stretch judged as another language.
pub const MIN_LATIN_WORDS: usize = 5;
/// The Zipf value of a word missing from the English frequency table (the 40,000 most
/// frequent English words): at least two words in five of a run must be missing.
const UNLISTED_ZIPF: f64 = crate::coverage::background::UNLISTED_ZIPF;
/// Least whatlang confidence for a Latin-script run that whatlang does not call reliable.
pub const MIN_CONFIDENCE: f64 = 0.4;
/// Most words of a bracketed gloss in a spaced script.
pub const MAX_GLOSS_WORDS: usize = 4;
/// Most characters of a bracketed gloss in Chinese, Japanese or Korean.
pub const MAX_GLOSS_CHARS: usize = 8;

/// Finds `untranslated_passage` in the context's English articles.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    ctx.english_paragraph_findings(FindingKind::UntranslatedPassage, |cs, ws| {
        let mut hits = script_runs(cs);
        hits.extend(latin_stretches(cs, ws));
        hits.extend(small_figures(cs, ws));
        hits
    })
}

/// A script other than Latin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Foreign {
    Han,
    Kana,
    Hangul,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Thai,
    Other,
}

impl Foreign {
    /// Chinese, Japanese and Korean: written without spaces between words.
    fn is_cjk(self) -> bool {
        matches!(self, Self::Han | Self::Kana | Self::Hangul)
    }
}

/// The script of a letter that is not Latin (`None` for Latin letters and non-letters).
fn foreign(c: char) -> Option<Foreign> {
    if !c.is_alphabetic() {
        return None;
    }
    let s = match c {
        // "丨", a radical Chinese headlines use as a separator bar ("新华社丨…").
        '\u{4E28}' => return None,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{3005}' => Foreign::Han,
        '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => {
            Foreign::Kana
        }
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
            Foreign::Hangul
        }
        '\u{0400}'..='\u{052F}' => Foreign::Cyrillic,
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Foreign::Greek,
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' => {
            Foreign::Arabic
        }
        '\u{FE70}'..='\u{FEFF}' => Foreign::Arabic,
        '\u{0590}'..='\u{05FF}' => Foreign::Hebrew,
        '\u{0900}'..='\u{097F}' => Foreign::Devanagari,
        '\u{0E00}'..='\u{0E7F}' => Foreign::Thai,
        _ if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) => return None,
        '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' => {
            return None;
        }
        // Superscripts, letterlike symbols (ª, º, ℃'s relatives) and the like are no script.
        _ if (c as u32) < 0x0370 || ('\u{2000}'..='\u{2BFF}').contains(&c) => return None,
        _ => Foreign::Other,
    };
    Some(s)
}

/// True for a Chinese, Japanese or Korean letter (the `foreign_punctuation` detector
/// leaves full-width marks next to one to this detector).
#[must_use]
pub(crate) fn is_cjk_letter(c: char) -> bool {
    foreign(c).is_some_and(Foreign::is_cjk)
}

/// True for a Latin letter or a digit.
fn latin_or_digit(c: char) -> bool {
    c.is_alphanumeric() && foreign(c).is_none()
}

/// Characters allowed between two letters of one run: spaces, digits and punctuation
/// (no Latin letter).
fn joins(c: char) -> bool {
    !c.is_alphabetic()
}

fn is_opening_bracket(c: char) -> bool {
    matches!(c, '(' | '（' | '[' | '【' | '〔')
}

fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | '）' | ']' | '】' | '〕')
}

/// One run of foreign letters: char span, its scripts, letters and words.
struct Run {
    start: usize,
    end: usize,
    script: Foreign,
    kana: bool,
    letters: usize,
    words: usize,
    longest_word: usize,
}

/// Every run of letters in another script (see the module docs for what is left alone).
fn script_runs(cs: &[char]) -> Vec<Hit> {
    let runs = find_runs(cs);
    if runs.is_empty() {
        return Vec::new();
    }
    let text: String = cs.iter().collect();
    let mojibake = repairs(&text, Method::Shipped);
    runs.into_iter()
        .filter(|r| {
            !mojibake.iter().any(|m| m.start < r.end && r.start < m.end)
                && !is_symbol(cs, r)
                && !is_gloss(cs, r)
        })
        .map(|r| {
            let name = match r.script {
                _ if r.kana => "Japanese",
                Foreign::Han | Foreign::Kana => "Chinese",
                Foreign::Hangul => "Korean",
                Foreign::Cyrillic => "Cyrillic",
                Foreign::Greek => "Greek",
                Foreign::Arabic => "Arabic",
                Foreign::Hebrew => "Hebrew",
                Foreign::Devanagari => "Devanagari",
                Foreign::Thai => "Thai",
                Foreign::Other => "another",
            };
            let (n, unit) = if r.script.is_cjk() {
                (r.letters, "character")
            } else {
                (r.words, "word")
            };
            let plural = if n == 1 { "" } else { "s" };
            Hit {
                start: r.start,
                end: r.end,
                message: format!(
                    "{n} {unit}{plural} in {name} script left untranslated in English text."
                ),
                suggestion: None,
                related: Vec::new(),
            }
        })
        .collect()
}

fn find_runs(cs: &[char]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut i = 0;
    while let Some(&c) = cs.get(i) {
        let Some(script) = foreign(c) else {
            i += 1;
            continue;
        };
        let mut run = Run {
            start: i,
            end: i,
            script,
            kana: false,
            letters: 0,
            words: 0,
            longest_word: 0,
        };
        let mut word = 0;
        let mut j = i;
        loop {
            match cs.get(j).copied() {
                Some(c) if foreign(c).is_some() => {
                    if word == 0 {
                        run.words += 1;
                    }
                    word += 1;
                    run.longest_word = run.longest_word.max(word);
                    run.letters += 1;
                    run.kana |= foreign(c) == Some(Foreign::Kana);
                    j += 1;
                    run.end = j;
                }
                Some(c) if joins(c) => {
                    // Only a gap that another foreign letter closes belongs to the run.
                    let mut k = j;
                    while cs.get(k).copied().is_some_and(joins) {
                        k += 1;
                    }
                    if cs.get(k).copied().and_then(foreign).is_some()
                        && !cs
                            .get(j..k)
                            .is_some_and(|g| g.iter().any(|&c| is_closing_bracket(c)))
                    {
                        word = 0;
                        j = k;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        i = run.end.max(i + 1);
        out.push(run);
    }
    out
}

/// A letter of another script used as a symbol: outside CJK, a single letter or one
/// inside a token that has Latin letters or digits.
fn is_symbol(cs: &[char], r: &Run) -> bool {
    if r.script.is_cjk() {
        return false;
    }
    if r.longest_word < 2 {
        return true;
    }
    let glued = |mut k: usize, step: isize| {
        loop {
            let Some(next) = k.checked_add_signed(step) else {
                return false;
            };
            match cs.get(next) {
                Some(c) if c.is_whitespace() => return false,
                Some(&c) if latin_or_digit(c) => return true,
                Some(_) => k = next,
                None => return false,
            }
        }
    };
    glued(r.start, -1) || glued(r.end.saturating_sub(1), 1)
}

/// A short gloss in brackets right after the word it glosses: "Xi Jinping (习近平)".
fn is_gloss(cs: &[char], r: &Run) -> bool {
    let short = if r.script.is_cjk() {
        r.letters <= MAX_GLOSS_CHARS
    } else {
        r.words <= MAX_GLOSS_WORDS
    };
    if !short {
        return false;
    }
    let mut b = r.start;
    while b > 0 && cs.get(b - 1).is_some_and(|c| c.is_whitespace()) {
        b -= 1;
    }
    let Some(open) = b.checked_sub(1) else {
        return false;
    };
    if !cs.get(open).copied().is_some_and(is_opening_bracket) {
        return false;
    }
    let mut e = r.end;
    while cs
        .get(e)
        .is_some_and(|&c| c.is_whitespace() || matches!(c, ',' | '，' | ';' | '.' | '·'))
    {
        e += 1;
    }
    if !cs.get(e).copied().is_some_and(is_closing_bracket) {
        return false;
    }
    let mut w = open;
    while w > 0 && cs.get(w - 1).is_some_and(|c| c.is_whitespace()) {
        w -= 1;
    }
    w.checked_sub(1)
        .and_then(|k| cs.get(k))
        .is_some_and(|&c| latin_or_digit(c) || matches!(c, '"' | '”' | '’' | '\''))
}

/// True for a mark that ends a stretch judged for its language.
fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ':'
            | ';'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '—'
            | '–'
            | '…'
    )
}

/// Latin-script stretches of another language (see the module docs).
fn latin_stretches(cs: &[char], ws: &[Tok]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut group: Vec<&Tok> = Vec::new();
    // Within a stretch, the runs of words between English function words are judged.
    let mut flush = |group: &mut Vec<&Tok>| {
        for run in group.split(|w| is_function_word(&w.lower)) {
            out.extend(judge(cs, run));
        }
        group.clear();
    };
    for w in ws {
        if let Some(prev) = group.last() {
            let gap = cs.get(prev.end..w.start).unwrap_or(&[]);
            if gap.iter().any(|&c| is_boundary(c) || c == '\n') {
                flush(&mut group);
            }
        }
        group.push(w);
    }
    flush(&mut group);
    out
}

/// Words after a figure that make digits right (units, times, money, scale words).
static FIGURE_UNITS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("lexicon/en/figure_units.txt")));

/// Words before a figure that make it a rank, a label or a range ("No. 1", "level 2",
/// "from 3").
const FIGURE_LABELS: &[&str] = &[
    "article", "between", "by", "category", "chapter", "class", "from", "grade", "level", "line",
    "no", "number", "page", "phase", "rank", "room", "section", "step", "top", "type", "version",
    "x",
];

/// Words that join two figures into a range or a choice ("3 to 6", "2 or 3", "4 and 5").
const FIGURE_JOINS: &[&str] = &["and", "or", "to"];

const DIGIT_WORDS: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Figures from one to nine written in digits before the thing they count (see the module
/// docs).
fn small_figures(cs: &[char], ws: &[Tok]) -> Vec<Hit> {
    let mut out = Vec::new();
    // Headlines write every figure in digits: only paragraphs that end like a sentence.
    let last = cs
        .iter()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '”' | '’' | '\'' | ')'));
    if !last.is_some_and(|&c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';')) {
        return out;
    }
    for (i, w) in ws.iter().enumerate() {
        let mut digits = w.text.chars();
        let (Some(d), None) = (digits.next(), digits.next()) else {
            continue;
        };
        let Some(word) = d
            .to_digit(10)
            .filter(|&v| v >= 1)
            .and_then(|v| DIGIT_WORDS.get(usize::try_from(v).ok()? - 1))
        else {
            continue;
        };
        // Nothing glued before it ("$5", "#3", "(2", "1,5", "3-6"), one space after it.
        let before = w.start.checked_sub(1).and_then(|k| cs.get(k)).copied();
        if before.is_some_and(|b| !b.is_whitespace() && !matches!(b, '“' | '"'))
            || cs.get(w.end) != Some(&' ')
        {
            continue;
        }
        let Some(next) = ws.get(i + 1).filter(|n| n.start == w.end + 1) else {
            continue;
        };
        if !is_lowercase_word(&next.text)
            || !next.text.chars().all(|c| c.is_alphabetic() || c == '-')
            || is_function_word(&next.lower)
            || FIGURE_UNITS.contains(&next.lower)
        {
            continue;
        }
        let is_figure = |k: usize| {
            ws.get(k)
                .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit()))
        };
        if let Some(prev) = i.checked_sub(1).and_then(|k| ws.get(k)) {
            // "Nord Stream 2 gas", "December 8 for", "Level 2 products", "3 to 6 weeks".
            if prev.text.chars().next().is_some_and(char::is_uppercase)
                || FIGURE_LABELS.contains(&prev.lower.as_str())
                || is_figure(i - 1)
                || (FIGURE_JOINS.contains(&prev.lower.as_str())
                    && i.checked_sub(2).is_some_and(is_figure))
                // "an intensity of 4 shook": after "of" only a counted plural ("of 7 products").
                || (prev.lower == "of" && !next.lower.ends_with('s'))
            {
                continue;
            }
        }
        let mut spelled = (*word).to_string();
        if w.sentence_start || w.clause_start {
            spelled = super::context::capitalise(&spelled);
        }
        out.push(Hit {
            start: w.start,
            end: w.end,
            message: format!(
                "“{d}” is written in digits, as the source language writes figures; English \
                 news spells out one to nine (“{spelled} {}”).",
                next.text
            ),
            suggestion: Some(spelled),
            related: Vec::new(),
        });
    }
    out
}

/// True when the stretch is a whole quotation: a title ("his album “Für Frauen ist das
/// kein Problem”"), a motto or a slogan quoted as written.
fn whole_quotation(cs: &[char], start: usize, end: usize) -> bool {
    let mut b = start;
    while b > 0 && cs.get(b - 1).is_some_and(|c| c.is_whitespace()) {
        b -= 1;
    }
    let mut e = end;
    while cs
        .get(e)
        .is_some_and(|&c| c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?'))
    {
        e += 1;
    }
    let opens = b
        .checked_sub(1)
        .and_then(|k| cs.get(k))
        .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«' | '‘' | '\''));
    let closes = cs
        .get(e)
        .is_some_and(|c| matches!(c, '"' | '”' | '“' | '»' | '’' | '\''));
    opens && closes
}

/// A finding for one stretch of words when it reads as another language.
fn judge(cs: &[char], group: &[&Tok]) -> Option<Hit> {
    let words: Vec<&&Tok> = group
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < MIN_LATIN_WORDS
        || words
            .iter()
            .any(|w| w.text.chars().any(|c| foreign(c).is_some()))
    {
        return None;
    }
    let lower = words
        .iter()
        .filter(|w| !w.text.chars().any(char::is_uppercase))
        .count();
    // Names and titles are capitalised; English words are in the English frequency table.
    let unlisted = words
        .iter()
        .filter(|w| crate::coverage::background::zipf(&w.lower) <= UNLISTED_ZIPF)
        .count();
    if lower * 2 < words.len() || unlisted * 5 < words.len() * 2 {
        return None;
    }
    let (first, last) = (words.first()?, words.last()?);
    if whole_quotation(cs, first.start, last.end) {
        return None;
    }
    let text: String = cs.get(first.start..last.end)?.iter().collect();
    let info = whatlang::detect(&text)?;
    // whatlang rarely calls five to ten words "reliable"; a clear lead over the other
    // languages is enough once the words hold no English function word.
    if info.lang() == Lang::Eng
        || info.script() != Script::Latin
        || !(info.is_reliable() || info.confidence() >= MIN_CONFIDENCE)
    {
        return None;
    }
    Some(Hit {
        start: first.start,
        end: last.end,
        message: format!(
            "{} words in {} left untranslated in English text.",
            words.len(),
            info.lang().eng_name()
        ),
        suggestion: None,
        related: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found_in;

    fn found(text: &str) -> Vec<(String, String)> {
        found_in(detect, text)
            .into_iter()
            .map(|f| (f.text, f.message))
            .collect()
    }

    #[test]
    fn chinese_left_in_english_is_one_run() {
        let hits = found("The ministry said the 新能源 vehicles, 补贴 政策 would end in 2025.");
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(hits[0].0, "新能源");
        assert_eq!(
            hits[0].1,
            "3 characters in Chinese script left untranslated in English text."
        );
        // Runs separated by spaces and punctuation only are joined.
        assert_eq!(hits[1].0, "补贴 政策");
        let joined = found("The slogan read 港口工人，继续罢工！ on every banner.");
        assert_eq!(joined.len(), 1, "{joined:?}");
        assert_eq!(joined[0].0, "港口工人，继续罢工");
    }

    #[test]
    fn other_scripts_are_named() {
        let ru = found("Officials in the port said что забастовка продолжится until Friday.");
        assert_eq!(ru.len(), 1);
        assert_eq!(
            ru[0].1,
            "3 words in Cyrillic script left untranslated in English text."
        );
        let ja = found("The harbour office posted お知らせ on its gate this week.");
        assert!(ja[0].1.contains("Japanese"), "{ja:?}");
        let ko = found("Workers carried signs saying 파업 계속 through the docks.");
        assert!(ko[0].1.contains("Korean"), "{ko:?}");
        let ar = found("The union statement ended with كلمة الاتحاد before the vote.");
        assert!(ar[0].1.contains("Arabic"), "{ar:?}");
    }

    #[test]
    fn glosses_symbols_and_emoji_are_left() {
        assert!(found("The delegation met Xi Jinping (习近平) in Beijing on Monday.").is_empty());
        assert!(found("Members of the Duma (Дума) voted late on Tuesday night.").is_empty());
        assert!(
            found("The ratio is close to π, and the α-synuclein level rose 5μg in the test.")
                .is_empty()
        );
        assert!(found("Prices rose 3% to €12 at 25°C, up Δ 2 since May 👍 ±1.").is_empty());
        // A long bracketed passage is no gloss.
        assert_eq!(
            found("The notice (港口工人将于周三继续罢工直到谈判结束) was posted.").len(),
            1
        );
    }

    #[test]
    fn mojibake_is_left_to_its_detector() {
        assert!(found("The cafÃ© near the port reopened, the owner said.").is_empty());
        // UTF-8 read as Windows-1251: Cyrillic letters, but mojibake.
        assert!(found("The cafР Р†Р’В© by the port was closed for the day.").is_empty());
    }

    #[test]
    fn latin_script_foreign_stretch() {
        let hits = found(
            "The mayor spoke briefly: die Regierung wird morgen über den Haushalt entscheiden, before leaving.",
        );
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].1.contains("German"), "{hits:?}");
        assert!(hits[0].0.starts_with("die Regierung"), "{hits:?}");
    }

    #[test]
    fn loanwords_names_and_english_are_left() {
        assert!(
            found("The deal is de facto dead, and per se that is no surprise to anyone.")
                .is_empty()
        );
        assert!(
            found("Angela Merkel met Emmanuel Macron and Pedro Sánchez García in Madrid.")
                .is_empty()
        );
        assert!(
            found(
                "The harbour workers voted on Wednesday to end the strike after two weeks of talks."
            )
            .is_empty()
        );
        // A whole quotation is a title or a motto quoted as written.
        assert!(
            found("Her first novel, “la maison sur la colline au bord de la mer”, sold well.")
                .is_empty()
        );
        // "丨" is a separator bar in Chinese headlines.
        assert!(found("Xinhua 丨 The port reopened on Monday after the strike.").is_empty());
    }

    #[test]
    fn small_figures_in_digits() {
        let hits = found_in(
            detect,
            "The bank listed 7 products, including 5 new funds and 2 older ones.",
        );
        let got: Vec<(&str, Option<&str>)> = hits
            .iter()
            .map(|f| (f.text.as_str(), f.suggestion.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("7", Some("seven")),
                ("5", Some("five")),
                ("2", Some("two"))
            ]
        );
        let start = found_in(detect, "3 ministers resigned on Monday, officials said.");
        assert!(found("Port awards honours to 7 dock workers").is_empty());
        assert_eq!(
            found("The bank offers a total of 7 funds this year.").len(),
            1
        );
        assert_eq!(start[0].suggestion.as_deref(), Some("Three"));
    }

    #[test]
    fn figures_that_keep_their_digits() {
        for text in [
            "The pipeline Nord Stream 2 gas flows stopped on December 8 for repairs.",
            "The meeting starts at 3 p.m. and costs 5 euros, up 2 percent from 4 million.",
            "Prices of 3 to 6 thousand, a 5G network, 2.5 tonnes and No. 1 seeds were listed.",
            "Talks take 2 or 3 rounds, and 4 and 5 seats went to the port from 3 sites.",
            "An earthquake with an intensity of 4 shook the coast, the agency said.",
            "It was ranked top 5 among 12 players from level 2 teams.",
            "The risk is Level 2 and lasts 9 days.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn other_languages_keep_their_script() {
        assert!(found("港口工人周三投票结束罢工，此前双方进行了两周的谈判。").is_empty());
    }
}
