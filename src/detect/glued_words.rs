//! Detector for `glued_words` findings: two words run together where a link or heading
//! ended (`WednesdayShe`, `SeaTaiwan`, `Ukrainein`).
//!
//! Rules, precision first:
//! - a lower→upper boundary inside a word (`WednesdayShe`) is glue when the right part is
//!   a common sentence-start function word, or when both parts occur as words of their
//!   own elsewhere in the comparison; name prefixes (Mc, Mac, Di, De, La, O'), short
//!   brand shapes (`iPhone`, `eBay`, `PhD`) and a handful of well-known camel-case brands are
//!   left alone;
//! - an all-lowercase join ("Ukrainein", "portin") is glue only when another article of
//!   the comparison writes the two words apart, or when a capitalised word that occurs on
//!   its own elsewhere has a common function word ("in", "and", "the", ...) glued on;
//! - a hyphen with no space on either side between a lower-case word and a capitalised
//!   one ("…minimum of 360 days-Chinanews.com", "the crisis of confidence-CNN"): a dash
//!   between a headline and its source, or between two clauses, that lost its spaces, as
//!   machine translation leaves the source's "标题-中新网" page titles. English compounds
//!   with a capital after the hyphen start with a prefix or a name particle ("anti-Kremlin",
//!   "mid-March", "then-President", "al-Assad": `lexicon/en/hyphen_prefixes.txt` and
//!   `name_prefixes.txt`), or with a capital ("Coca-Cola", "Franco-German"): left alone, as
//!   are one- and two-letter stems ("e-Mail", "x-Ray") and words inside an address.

use super::context::Tok;
use super::context::{
    Context, Evidence, Hit, is_capitalised, is_function_word, is_name_shaped, letters_part,
};
use super::lexicon::{CAMEL_NAMES, GLUED_TAILS, HYPHEN_PREFIXES, NAME_PREFIXES};
use crate::model::{Finding, FindingKind};

/// Finds `glued_words` in the comparison.
#[must_use]
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in (0..ctx.article_count()).filter(|&a| ctx.english(a)) {
        // Only the articles this one shares evidence with (not one about another story).
        let vocab = ctx.vocab.seen_from(a);
        let several = (0..ctx.article_count()).any(|b| b != a && ctx.shares_evidence(a, b));
        let text = ctx.article(a);
        for w in &text.words {
            let cs = text
                .paragraphs
                .get(w.para)
                .map_or(&[][..], |p| p.chars.as_slice());
            let before = w.start.checked_sub(1).and_then(|i| cs.get(i));
            if before.is_some_and(|c| matches!(c, '@' | '#' | '/' | '.' | '_')) {
                continue; // handles, hashtags, addresses
            }
            let core = letters_part(&w.text);
            if let Some(hit) = camel_glue(vocab, core, w.start)
                .filter(|_| vocab.exact_count(&w.text) < 2)
                .or_else(|| lower_glue(vocab, several, core, w.start))
            {
                out.extend(ctx.finding(FindingKind::GluedWords, a, w.para, hit));
            }
        }
        for pair in text.words.windows(2) {
            if let [left, right] = pair
                && left.para == right.para
                && let Some(p) = text.paragraphs.get(left.para)
                && let Some(hit) = hyphen_seam(&p.chars, left, right)
            {
                out.extend(ctx.finding(FindingKind::GluedWords, a, left.para, hit));
            }
        }
    }
    out
}

/// A lower-case word and a capitalised one joined by a bare hyphen ("days-Chinanews.com"),
/// where no prefix or name particle explains the compound (see the module docs).
fn hyphen_seam(cs: &[char], left: &Tok, right: &Tok) -> Option<Hit> {
    if cs.get(left.end) != Some(&'-') || right.start != left.end + 1 {
        return None;
    }
    let opens = |c: &char| c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[');
    if !left
        .start
        .checked_sub(1)
        .and_then(|i| cs.get(i))
        .is_none_or(opens)
    {
        return None; // inside an address, a longer compound or a handle
    }
    let stem_len = left.text.chars().count();
    if stem_len < 3
        || !left.text.chars().all(char::is_lowercase)
        || HYPHEN_PREFIXES.contains(&left.text)
        || NAME_PREFIXES.contains(&left.text)
    {
        return None;
    }
    // A name ("Chinanews.com") or an acronym ("CNN") after the hyphen.
    let acronym = right.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && right
            .text
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !is_name_shaped(&right.text) && !acronym {
        return None;
    }
    Some(Hit {
        start: left.start,
        end: right.end,
        message: format!(
            "\u{201C}{}\u{201D} and \u{201C}{}\u{201D} are joined by a hyphen with no space on either side; a dash between two parts (a headline and its source, or two clauses) probably lost its spaces.",
            left.text, right.text
        ),
        suggestion: Some(format!("{} \u{2013} {}", left.text, right.text)),
        related: Vec::new(),
    })
}

/// A lower→upper join inside the word's letters part (`core`, see [`letters_part`]).
fn camel_glue(vocab: Evidence<'_>, core: &str, start: usize) -> Option<Hit> {
    // The last boundary (a lower-case letter followed by an upper-case one), as a byte
    // and a char offset: the glued-on word follows it. Most words have none, so this
    // cheap scan runs before anything allocates.
    let mut at: Option<(usize, usize)> = None;
    let mut prev_lower = false;
    let mut len = 0usize;
    for (n, (i, c)) in core.char_indices().enumerate() {
        if prev_lower && c.is_uppercase() {
            at = Some((i, n));
        }
        prev_lower = c.is_lowercase();
        len = n + 1;
    }
    let (byte_at, left_len) = at?;
    if CAMEL_NAMES.contains(&core.to_lowercase()) {
        return None;
    }
    let (left, right) = (core.get(..byte_at)?, core.get(byte_at..)?);
    let right_len = len - left_len;
    if left_len < 2 || right_len < 2 {
        return None; // iPhone, eBay, PhD
    }
    let left_lower = left.to_lowercase();
    let right_lower = right.to_lowercase();
    if NAME_PREFIXES.contains(&left_lower) {
        return None; // McCain, MacArthur, DiCaprio, LaGuardia
    }
    // The right part must look like one word: capitalised (not "iOS" / "PhD").
    if !is_capitalised(right) {
        return None;
    }
    // A left part that is a short lower-case stem ("eBay", "iPad") is a brand shape.
    if left.chars().next().is_some_and(char::is_lowercase) && left_len < 3 {
        return None;
    }
    let function_tail = is_function_word(&right_lower) && left_len >= 3;
    let both_seen = vocab.exact_count(left) > 0
        && vocab.exact_count(right) > 0
        && left_len >= 3
        && right_len >= 3;
    if !(function_tail || both_seen) {
        return None;
    }
    // A spelling used as such in several articles, or several times, is a name
    // ("MoveOn"), not an accident.
    if vocab
        .other_articles_with_word(&core.to_lowercase())
        .next()
        .is_some()
        || vocab.exact_count(core) >= 2
    {
        return None;
    }
    let split = format!("{left} {right}");
    let pair = format!("{left_lower} {right_lower}");
    let message = match vocab.other_article_with_pair(&pair) {
        Some(other) => format!(
            "\u{201C}{left}\u{201D} and \u{201C}{right}\u{201D} are run together without a space; article {} writes them apart.",
            other + 1
        ),
        None => format!(
            "\u{201C}{left}\u{201D} and \u{201C}{right}\u{201D} are run together without a space (a link or heading probably ended here)."
        ),
    };
    Some(Hit {
        start,
        end: start + len,
        message,
        suggestion: Some(split),
        related: Vec::new(),
    })
}

/// An all-lower-case join after the first letter ("Ukrainein", "portin") in the word's
/// letters part (`core`, see [`letters_part`]).
fn lower_glue(vocab: Evidence<'_>, several: bool, core: &str, start: usize) -> Option<Hit> {
    let mut len = 0usize;
    for (n, c) in core.chars().enumerate() {
        if n > 0 && c.is_uppercase() {
            return None;
        }
        len = n + 1;
    }
    if len < 5 {
        return None;
    }
    // A word another article also uses is a real word (an ASCII core's lower case is
    // borrowed, not built).
    let lower = if core.is_ascii() && !core.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(core)
    } else {
        std::borrow::Cow::Owned(core.to_lowercase())
    };
    if vocab.other_articles_with_word(&lower).next().is_some() {
        return None;
    }
    let capitalised = core.chars().next().is_some_and(char::is_uppercase);
    // Split points from the last char but one down to the third (char offset `at`).
    let splits = core
        .char_indices()
        .rev()
        .zip((0..len).rev())
        .skip(1)
        .take_while(|&(_, at)| at >= 2);
    for ((byte_at, _), at) in splits {
        let (left, right) = (core.get(..byte_at)?, core.get(byte_at..)?);
        // Both rules need a function-word tail; most split points have none.
        if !GLUED_TAILS.contains(right) {
            continue;
        }
        let left_lower = left.to_lowercase();
        // Only a function word run onto a content word ("portin", "Ukrainein"):
        // compounds such as "pullout" or "longtime" are written both ways in real text.
        if several
            && at >= 3
            && !is_function_word(&left_lower)
            && let Some(other) = vocab.other_article_with_pair(&format!("{left_lower} {right}"))
        {
            return Some(Hit {
                start,
                end: start + len,
                message: format!(
                    "\u{201C}{left}\u{201D} and \u{201C}{right}\u{201D} are run together without a space; article {} writes them apart.",
                    other + 1
                ),
                suggestion: Some(format!("{left} {right}")),
                related: Vec::new(),
            });
        }
        // A capitalised name seen on its own, with a function word glued on.
        if capitalised
            && at >= 4
            && vocab.exact_count(left) > 0
            && vocab.lower_count(&left_lower) == 0
            && vocab.exact_count(core) == 1
        {
            return Some(Hit {
                start,
                end: start + len,
                message: format!(
                    "The name \u{201C}{left}\u{201D} appears on its own elsewhere; here \u{201C}{right}\u{201D} is run onto it without a space."
                ),
                suggestion: Some(format!("{left} {right}")),
                related: Vec::new(),
            });
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use crate::detect::context::Context;

    /// The detector over a freshly built context.
    fn detect(c: &crate::model::Comparison) -> Vec<crate::model::Finding> {
        super::detect(&Context::new(c))
    }
    use crate::detect::testing::comparison_of;

    fn found(articles: &[&[&str]]) -> Vec<(usize, String, String)> {
        detect(&comparison_of(articles))
            .into_iter()
            .map(|f| (f.article, f.text, f.suggestion.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn flags_a_sentence_start_glued_to_a_word() {
        let f = detect(&comparison_of(&[&[
            "The talks broke downThe previous contract had expired.",
        ]]));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end), (16, 23));
        assert_eq!(f[0].text, "downThe");
        assert_eq!(f[0].suggestion.as_deref(), Some("down The"));
        assert!(f[0].message.contains("without a space"));
    }

    #[test]
    fn flags_two_known_words_run_together() {
        let paras: &[&str] = &[
            "Ships sailed to Greyhaven and the Northern Sea.",
            "Ships avoided the Northern SeaGreyhaven route.",
        ];
        assert_eq!(
            found(&[paras]),
            [(0, "SeaGreyhaven".to_string(), "Sea Greyhaven".to_string())]
        );
    }

    #[test]
    fn flags_a_function_word_glued_onto_a_name() {
        let paras: &[&str] = &[
            "Ships went to Port Lannock.",
            "Costs rose at Lannockat the quay.",
        ];
        assert_eq!(
            found(&[paras]),
            [(0, "Lannockat".to_string(), "Lannock at".to_string())]
        );
    }

    #[test]
    fn uses_another_article_with_the_split_form() {
        let a: &[&str] = &["The war in Ukrainein its third year."];
        let b: &[&str] = &["The war in Ukraine in its third year."];
        let f = detect(&comparison_of(&[a, b]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "Ukrainein");
        assert_eq!(f[0].suggestion.as_deref(), Some("Ukraine in"));
        assert!(f[0].message.contains("article 2"));
    }

    #[test]
    fn flags_a_headline_joined_to_its_source_by_a_bare_hyphen() {
        let paras: &[&str] = &[
            "Harbour fees rise for the third year-Coastline Daily",
            "Ferry operators warned of cuts-BBN on Monday.",
        ];
        assert_eq!(
            found(&[paras]),
            [
                (
                    0,
                    "year-Coastline".to_string(),
                    "year \u{2013} Coastline".to_string()
                ),
                (0, "cuts-BBN".to_string(), "cuts \u{2013} BBN".to_string()),
            ]
        );
    }

    #[test]
    fn leaves_hyphenated_compounds_with_a_capital_alone() {
        let paras: &[&str] = &[
            "The anti-Kremlin rally in mid-March drew then-President Varn and pro-EU groups.",
            "A non-Muslim, post-Soviet, sub-Saharan and trans-Pacific story by al-Rashid.",
            "Coca-Cola, Franco-German talks, an e-Mail, x-Ray, person-in-charge, covid-19.",
            "See www.harbour-News.example and the long-term-Plan.",
        ];
        assert!(found(&[paras]).is_empty(), "{:?}", found(&[paras]));
    }

    #[test]
    fn leaves_brands_and_names_alone() {
        let paras: &[&str] = &[
            "TikTok, iPhone, YouTube, McDonald's, PayPal, JavaScript, LinkedIn and WhatsApp.",
            "eBay, iOS, a PhD, McCain, MacArthur, DiCaprio, O'Neill and LaGuardia.",
            "Berlin, Martin, Clinton, within, into and protein.",
        ];
        assert!(found(&[paras]).is_empty());
    }
}
