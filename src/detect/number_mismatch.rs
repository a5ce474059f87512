//! Detector for `number_mismatch` findings: figures that differ between aligned passages
//! ("$95 million" in the reference, "$90 million" in another article).
//!
//! Numbers are parsed with their scale and unit into canonical values, so equivalent
//! forms count as equal: "1 million" = "one million" = "1m", "$95bn" = "$95 billion" =
//! "95 billion dollars", "5%" = "five percent" = "5 per cent", "1,200" = "1200".
//! Within each aligned pair of cells, numbers whose value occurs on both sides are
//! matched first; each remaining number of the other article is paired with a
//! remaining reference number of a compatible kind that shares context words with it
//! (or is the only candidate left on both sides), and flagged.

use std::collections::HashSet;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::context::{Context, Hit, Tok, loc, slice};
use super::lexicon::{NUMBER_CONTEXT_STOP as STOP, NUMBER_WORDS, SCALE_WORDS};
use crate::model::{Finding, FindingKind};

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    None,
    Percent,
    Currency(char),
}

/// One parsed figure.
#[derive(Debug, Clone)]
pub(crate) struct Num {
    pub(crate) value: f64,
    pub(crate) unit: Unit,
    pub(crate) year: bool,
    /// Written as a word below twenty ("five"): paraphrases change these freely.
    pub(crate) spelled_small: bool,
    pub(crate) para: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Index of the first token of the figure in the cell's token list.
    pub(crate) tok: usize,
    /// Lower-case content words around the figure.
    pub(crate) context: FxHashSet<String>,
    /// The stem of the word right after the figure ("days" in "three days"), if any.
    pub(crate) counted: Option<String>,
}

/// A word → value table with the byte length of its longest word: most words are longer
/// or not in it, and the length test and a fast hash keep them cheap (every word of an
/// article is looked up).
struct Table {
    map: rustc_hash::FxHashMap<&'static str, f64>,
    longest: usize,
}

impl Table {
    fn of(words: &std::collections::HashMap<&'static str, f64>) -> Self {
        Self {
            map: words.iter().map(|(w, v)| (*w, *v)).collect(),
            longest: words.keys().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    fn get(&self, w: &str) -> Option<f64> {
        if w.len() > self.longest {
            return None;
        }
        self.map.get(w).copied()
    }
}

static SMALL: LazyLock<Table> = LazyLock::new(|| Table::of(&NUMBER_WORDS));
static SCALE: LazyLock<Table> = LazyLock::new(|| Table::of(&SCALE_WORDS));

/// The value of an English number word below a hundred (lexicon `number_words`).
pub(crate) fn small_number_word(w: &str) -> Option<f64> {
    SMALL.get(w)
}

/// The factor of a scale word (lexicon `scale_words`).
fn scale_word(w: &str) -> Option<f64> {
    SCALE.get(w)
}

fn currency_word(w: &str) -> Option<char> {
    match w {
        "dollar" | "dollars" | "usd" => Some('$'),
        "euro" | "euros" | "eur" => Some('€'),
        "pound" | "pounds" | "sterling" | "gbp" => Some('£'),
        "yen" | "yuan" | "renminbi" => Some('¥'),
        _ => None,
    }
}

/// Parses a digit token ("1,200", "6.5", "12,5", "95bn", "1m", "21st") into value and scale.
fn parse_digits(tok: &str) -> Option<(f64, bool)> {
    let digits_end = tok
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(tok.len(), |(i, _)| i);
    let (num, suffix) = tok.split_at(digits_end);
    if !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let num = num.trim_end_matches([',', '.']);
    let parts: Vec<&str> = num.split(',').collect();
    let thousands = parts.len() > 1
        && parts.iter().skip(1).all(|p| {
            let int = p.split('.').next().unwrap_or("");
            int.len() == 3
        })
        && parts.first().is_some_and(|p| p.len() <= 3);
    let plain: String = if thousands {
        num.replace(',', "")
    } else if parts.len() == 2 && !num.contains('.') {
        num.replace(',', ".")
    } else if parts.len() > 1 {
        return None;
    } else {
        num.to_string()
    };
    let mut value: f64 = plain.parse().ok()?;
    let suffix = suffix.to_ascii_lowercase();
    let year = !thousands
        && !plain.contains('.')
        && suffix.is_empty()
        && (1800.0..=2100.0).contains(&value);
    match suffix.as_str() {
        "" | "st" | "nd" | "rd" | "th" | "s" => {}
        "k" => value *= 1e3,
        "m" | "mn" | "mln" => value *= 1e6,
        "b" | "bn" | "bln" => value *= 1e9,
        "tn" | "trn" => value *= 1e12,
        _ => return None,
    }
    Some((value, year))
}

/// Parses every figure in a token list (spelled-out numbers only in English articles);
/// without `full`, only values, units and offsets (no context words).
#[allow(clippy::too_many_lines)] // Reason: one left-to-right scan of the tokens.
pub(crate) fn numbers(ctx: &Context<'_>, article: usize, toks: &[Tok], full: bool) -> Vec<Num> {
    let english = ctx.english(article);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        let first = i;
        let mut value;
        let mut year = false;
        if t.lower.starts_with(|ch: char| ch.is_ascii_digit()) {
            let Some((v, y)) = parse_digits(&t.lower) else {
                i += 1;
                continue;
            };
            value = v;
            year = y;
            i += 1;
        } else if let Some(v) = english.then(|| small_number_word(&t.lower)).flatten() {
            value = v;
            i += 1;
            // twenty-five, twenty five
            if v >= 20.0
                && let Some(n) = toks.get(i)
                && let Some(u) = small_number_word(&n.lower)
                && u < 10.0
                && same_para_near(t, n)
            {
                value += u;
                i += 1;
            }
            // "one" alone is usually a pronoun or article: keep it only with a scale or unit.
            if (value - 1.0).abs() < f64::EPSILON
                && !toks.get(i).is_some_and(|n| {
                    scale_word(&n.lower).is_some() || n.lower == "percent" || n.lower == "per"
                })
            {
                continue;
            }
        } else {
            i += 1;
            continue;
        }
        let mut last = i - 1;
        // Scale words: "95 million", "two hundred thousand".
        while let Some(n) = toks.get(i)
            && let Some(s) = scale_word(&n.lower)
            && toks.get(last).is_some_and(|l| same_para_near(l, n))
        {
            value *= s;
            year = false;
            last = i;
            i += 1;
        }
        let Some(first_tok) = toks.get(first) else {
            break;
        };
        let Some(text) = ctx
            .para(article, first_tok.para)
            .map(|p| p.chars.as_slice())
        else {
            i += 1;
            continue;
        };
        let mut unit = Unit::None;
        let mut start = first_tok.start;
        // Currency sign right before the number ("$95", "US$ 5", "€3").
        let before: &[char] = text
            .get(first_tok.start.saturating_sub(2)..first_tok.start)
            .unwrap_or(&[]);
        if let Some(&sym) = before
            .iter()
            .rev()
            .find(|ch| !ch.is_whitespace())
            .filter(|ch| matches!(ch, '$' | '€' | '£' | '¥'))
        {
            unit = Unit::Currency(sym);
            year = false;
            let back = before.iter().rev().position(|ch| *ch == sym).unwrap_or(0) + 1;
            start -= back;
        }
        let Some(last_tok) = toks.get(last) else {
            break;
        };
        let mut end = last_tok.end;
        // "%" right after, or percent / per cent / dollars after.
        if text.get(end) == Some(&'%') {
            unit = Unit::Percent;
            year = false;
            end += 1;
        } else if let Some(n) = toks.get(i)
            && same_para_near(last_tok, n)
        {
            if n.lower == "percent" || n.lower == "pct" {
                unit = Unit::Percent;
                year = false;
                end = n.end;
                i += 1;
            } else if n.lower == "per" && toks.get(i + 1).is_some_and(|m| m.lower == "cent") {
                unit = Unit::Percent;
                year = false;
                end = toks.get(i + 1).map_or(end, |m| m.end);
                i += 2;
            } else if let Some(sym) = currency_word(&n.lower)
                && unit == Unit::None
            {
                unit = Unit::Currency(sym);
                year = false;
                end = n.end;
                i += 1;
            }
        }
        let context = (first.saturating_sub(4)..(i + 4).min(toks.len()))
            .filter(|_| full)
            .filter(|&k| k < first || k >= i)
            .filter_map(|k| toks.get(k))
            .filter(|t| t.para == first_tok.para)
            .map(|t| t.lower.as_str())
            .filter(|w| {
                !STOP.contains(w)
                    && !w.starts_with(|ch: char| ch.is_ascii_digit())
                    && small_number_word(w).is_none()
                    && scale_word(w).is_none()
            })
            .map(stem)
            .collect();
        let counted = toks
            .get(i)
            .filter(|_| full)
            .filter(|t| t.para == first_tok.para && !STOP.contains(&t.lower))
            .filter(|t| t.lower.chars().all(char::is_alphabetic))
            .map(|t| stem(&t.lower));
        // "2m", "10k" without a currency sign may be metres or kilograms: too ambiguous.
        let short_scale = first_tok
            .lower
            .trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == ',' || ch == '.');
        if matches!(short_scale, "m" | "k") && !matches!(unit, Unit::Currency(_)) {
            continue;
        }
        out.push(Num {
            spelled_small: !first_tok.lower.starts_with(|ch: char| ch.is_ascii_digit())
                && value < 20.0,
            value,
            unit,
            year,
            para: first_tok.para,
            start,
            end,
            tok: first,
            context,
            counted,
        });
    }
    out
}

/// A crude stem so "workers"/"worker", "ships"/"ship" share context.
pub(crate) fn stem(w: &str) -> String {
    let w = w.trim_end_matches("'s");
    w.strip_suffix('s')
        .filter(|s| s.len() >= 3)
        .unwrap_or(w)
        .to_string()
}

fn same_para_near(a: &Tok, b: &Tok) -> bool {
    a.para == b.para && b.start <= a.end + 2
}

pub(crate) fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// True when the sorted `values` hold one [`same_value`] as `v` (binary search: the
/// tolerance is relative, so only neighbours of `v`'s insertion point can match).
fn has_value(values: &[f64], v: f64) -> bool {
    let k = values.partition_point(|x| *x < v);
    [k.checked_sub(1), Some(k), Some(k + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| values.get(i))
        .any(|x| same_value(*x, v))
}

fn units_compatible(a: &Num, b: &Num) -> bool {
    a.unit == b.unit && a.year == b.year
}

/// Finds `number_mismatch` in the comparison.
#[must_use]
#[allow(clippy::too_many_lines)] // Reason: one linear pipeline per cell pair.
pub fn detect(ctx: &Context<'_>) -> Vec<Finding> {
    let reference = ctx.reference();
    // Every value each article gives anywhere, sorted: a figure found elsewhere in the
    // other article was moved or merged, not changed.
    let all_values: Vec<Vec<f64>> = (0..ctx.article_count())
        .map(|a| {
            let mut v: Vec<f64> = numbers(ctx, a, &ctx.article(a).words, false)
                .iter()
                .map(|n| n.value)
                .collect();
            v.sort_by(f64::total_cmp);
            v
        })
        .collect();
    let empty = Vec::new();
    let ref_values = all_values.get(reference).unwrap_or(&empty);
    let mut out = Vec::new();
    for pair in &ctx.pairs {
        let other_values = all_values.get(pair.article).unwrap_or(&empty);
        let ref_toks = ctx.cell_words(reference, &pair.ref_paras);
        let toks = ctx.cell_words(pair.article, &pair.paras);
        let ref_nums = numbers(ctx, reference, &ref_toks, true);
        let nums = numbers(ctx, pair.article, &toks, true);
        if nums.is_empty() || ref_nums.is_empty() {
            continue;
        }
        // Equal values (a bare number matches a number with a unit) pair off first.
        let mut ref_used = vec![false; ref_nums.len()];
        let mut used = vec![false; nums.len()];
        for (i, n) in nums.iter().enumerate() {
            let exact = ref_nums
                .iter()
                .enumerate()
                .find(|(j, r)| {
                    !ref_used.get(*j).copied().unwrap_or(true)
                        && same_value(r.value, n.value)
                        && r.unit == n.unit
                })
                .or_else(|| {
                    ref_nums.iter().enumerate().find(|(j, r)| {
                        !ref_used.get(*j).copied().unwrap_or(true) && same_value(r.value, n.value)
                    })
                });
            if let Some((j, _)) = exact {
                if let Some(u) = ref_used.get_mut(j) {
                    *u = true;
                }
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
        }
        // A value present anywhere in the other cell (even if used) is not a mismatch target.
        let free_ref: Vec<usize> = (0..ref_nums.len())
            .filter(|&j| !ref_used.get(j).copied().unwrap_or(true))
            .filter(|&j| {
                ref_nums
                    .get(j)
                    .is_some_and(|r| !has_value(other_values, r.value))
            })
            .collect();
        let free: Vec<usize> = (0..nums.len())
            .filter(|&i| !used.get(i).copied().unwrap_or(true))
            .filter(|&i| nums.get(i).is_some_and(|n| !has_value(ref_values, n.value)))
            .collect();
        let mut taken: HashSet<usize> = HashSet::new();
        for &i in &free {
            let Some(n) = nums.get(i) else { continue };
            let candidates: Vec<(usize, &Num)> = free_ref
                .iter()
                .filter(|j| !taken.contains(*j))
                .filter_map(|&j| ref_nums.get(j).map(|r| (j, r)))
                .filter(|(_, r)| units_compatible(n, r))
                .collect();
            let others_same_kind = free
                .iter()
                .filter_map(|&k| nums.get(k))
                .filter(|m| units_compatible(n, m))
                .count();
            let best = candidates
                .iter()
                .map(|(j, r)| (*j, *r, r.context.intersection(&n.context).count()))
                .max_by_key(|(j, _, score)| (*score, usize::MAX - *j));
            let Some((j, r, score)) = best else { continue };
            let lone = candidates.len() == 1 && others_same_kind == 1;
            if score == 0 && !lone {
                continue;
            }
            let counts_same_thing = n.counted.is_some() && n.counted == r.counted;
            if (n.spelled_small || r.spelled_small) && n.unit == Unit::None && !counts_same_thing {
                // "five" vs "two" in reworded text: too often a different count — unless both
                // count the same thing ("three days" vs "four days").
                continue;
            }
            if score == 0 && n.unit == Unit::None && !n.year {
                // Bare counts with nothing in common: too weak.
                continue;
            }
            taken.insert(j);
            let _ = r.tok;
            let ref_text = ctx
                .para(reference, r.para)
                .map(|p| slice(&p.chars, r.start, r.end))
                .unwrap_or_default();
            let own_text = ctx
                .para(pair.article, n.para)
                .map(|p| slice(&p.chars, n.start, n.end))
                .unwrap_or_default();
            let message = format!(
                "This passage gives {own_text}, but the aligned passage in {} gives {ref_text}.",
                ctx.name_of(reference)
            );
            out.extend(ctx.finding(
                FindingKind::NumberMismatch,
                pair.article,
                n.para,
                Hit {
                    start: n.start,
                    end: n.end,
                    message,
                    suggestion: Some(ref_text),
                    related: vec![loc(reference, r.para, r.start, r.end)],
                },
            ));
        }
    }
    out
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

    fn nums_of(text: &str) -> Vec<(f64, Unit)> {
        let c = parallel(vec![article("a", &[text])]);
        let ctx = Context::new(&c);
        numbers(&ctx, 0, ctx.para_words(0, 0), true)
            .iter()
            .map(|n| (n.value, n.unit))
            .collect()
    }

    #[test]
    fn value_lookup_is_tolerant_and_sorted() {
        let v = [1.0, 5.0, 95_000_000.0, 2024.0_f64.max(2024.0)];
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        assert!(has_value(&v, 5.0));
        assert!(has_value(&v, 95_000_000.000_01));
        assert!(!has_value(&v, 90_000_000.0));
        assert!(!has_value(&[], 1.0));
    }

    #[test]
    fn equivalent_forms_parse_to_equal_values() {
        let dollar = Unit::Currency('$');
        for text in [
            "$95 billion",
            "$95bn",
            "95 billion dollars",
            "$95,000,000,000",
        ] {
            assert_eq!(nums_of(text), vec![(95e9, dollar)], "{text}");
        }
        for text in ["5%", "five percent", "5 per cent"] {
            assert_eq!(nums_of(text), vec![(5.0, Unit::Percent)], "{text}");
        }
        for text in ["1 million", "one million"] {
            assert_eq!(nums_of(text), vec![(1e6, Unit::None)], "{text}");
        }
        assert_eq!(nums_of("$1m"), vec![(1e6, dollar)]);
        // A bare "2m" may be two metres: not read as a figure.
        assert!(nums_of("rose 2m").is_empty());
        assert_eq!(nums_of("1,200 workers"), nums_of("1200 workers"));
        assert_eq!(nums_of("a rate of 12,5"), vec![(12.5, Unit::None)]);
        assert_eq!(nums_of("twenty-five ships"), vec![(25.0, Unit::None)]);
        // "one" on its own is not a figure.
        assert!(nums_of("one of the ships").is_empty());
    }

    #[test]
    fn flags_changed_figure_with_reference_form() {
        let wire = article(
            "wire.txt",
            &["The parties agreed a $95 million settlement that ends a 19-day strike."],
        );
        let other = article(
            "rewrite.md",
            &["A $90 million settlement ends the 19-day strike, the parties said."],
        );
        let f = detect(&parallel(vec![wire, other]));
        assert_eq!(f.len(), 1, "{f:?}");
        let f = &f[0];
        assert_eq!(f.text, "$90 million");
        assert_eq!((f.article, f.paragraph, f.start, f.end), (1, 0, 2, 13));
        assert_eq!(f.suggestion.as_deref(), Some("$95 million"));
        assert_eq!((f.related[0].start, f.related[0].end), (21, 32));
        assert!(f.message.contains("wire.txt"), "{}", f.message);
    }

    #[test]
    fn equivalent_forms_are_not_flagged() {
        let wire = article(
            "wire.txt",
            &["About 1,200 workers get a 5% rise from a $95bn fund in 2024."],
        );
        let other = article(
            "copy",
            &["Some 1200 workers get a five per cent rise from a $95 billion fund in 2024."],
        );
        assert!(detect(&parallel(vec![wire, other])).is_empty());
    }

    #[test]
    fn counts_pair_by_context_words() {
        let wire = article("a", &["It hired 1,200 workers and bought 30 cranes."]);
        let other = article("b", &["It bought 30 cranes and hired 1,300 workers."]);
        let f = detect(&parallel(vec![wire, other]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "1,300");
        assert_eq!(f[0].suggestion.as_deref(), Some("1,200"));
    }

    #[test]
    fn figures_moved_elsewhere_and_ambiguous_units_are_not_flagged() {
        let wire = article(
            "a",
            &[
                "Six people were kidnapped, two of them Britons.",
                "Five were killed; the bag weighed 10kg and rose 2m.",
            ],
        );
        let other = article(
            "b",
            &[
                "Six people were kidnapped and five were killed.",
                "The bag weighed 10kg and rose two metres.",
            ],
        );
        let f = detect(&parallel(vec![wire, other]));
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn small_spelled_counts_of_the_same_thing_are_compared() {
        let c = parallel(vec![
            article(
                "a.txt",
                &["The ferry resumed after three days of gales, the operator said."],
            ),
            article(
                "b.txt",
                &["The ferry resumed after four days of gales, the operator said."],
            ),
        ]);
        let f = detect(&c);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "four");
        // A different count of a different thing in reworded text stays quiet.
        let c = parallel(vec![
            article(
                "a.txt",
                &["Two ministers met three envoys in the capital on Friday."],
            ),
            article(
                "b.txt",
                &["Two ministers met in the capital on Friday with five of their aides."],
            ),
        ]);
        assert!(detect(&c).is_empty());
    }

    #[test]
    fn years_do_not_pair_with_counts() {
        let wire = article("a", &["The longest strike since 1998 held 84 ships."]);
        let other = article("b", &["The strike held 84 ships, the most in 26 years."]);
        assert!(detect(&parallel(vec![wire, other])).is_empty());
    }

    #[test]
    fn fixture_through_the_pipeline() {
        let c = crate::detect::testing::fixture("number_mismatch");
        let f = detect(&c);
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.article, f.text.as_str())).collect();
        assert_eq!(got, vec![(1, "19,000")], "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("18,000"));
    }
}
