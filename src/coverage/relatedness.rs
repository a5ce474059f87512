//! Same story or another story: topical relatedness of two articles, which holds for
//! independent reports of one event (few shared word runs, many shared names, figures and
//! event words) and for copies alike.
//!
//! The measure is the cosine of the articles' [`Terms`] vectors (words weighted by the
//! background table), scaled down when both articles carry dates more than
//! [`SAME_EVENT_DAYS`] apart: a follow-up story on the same people weeks later shares most
//! names and words, but not the day. How the constants were fitted is written beside them.

use super::terms::Terms;
use crate::model::Article;

/// Below this relatedness to every other open article, an article is most likely about
/// another story.
///
/// Fitted on the 20 BASIL dev events (60 articles, three outlets each;
/// `cargo run --release --no-default-features --example coverage_eval`): same-event pairs
/// score 0.175 and up, different-event pairs at most 0.115 once dates count (0.384 without
/// them). The threshold is the geometric mean of the two edges, leaving room on both sides.
pub const UNRELATED_RELATEDNESS: f64 = 0.14;

/// Reports of one event are dated within this many days of each other (BASIL dev: at most 2).
pub const SAME_EVENT_DAYS: i64 = 3;

/// Relatedness is multiplied by this when both articles are dated further apart than
/// [`SAME_EVENT_DAYS`]: only a much stronger topical overlap (a republication weeks later)
/// still counts as the same story. Chosen with [`UNRELATED_RELATEDNESS`] between two edges:
/// the nearest other-event article of every BASIL dev article (raw cosine up to 0.384) must
/// fall below the threshold (factor < 0.36), and so must a follow-up on the same people that
/// repeats most names (our fixture `vellmar_followup.json`, raw 0.64: factor < 0.22), while a
/// republication with its own furniture (raw 0.75 and up) stays above it (factor ≥ 0.19).
pub const OTHER_DATE_FACTOR: f64 = 0.2;

/// The topic vector of a whole article (its headline and every paragraph).
#[must_use]
pub fn article_terms(article: &Article) -> Terms {
    let mut text = String::with_capacity(article.paragraphs.iter().map(|p| p.text.len() + 1).sum());
    if let Some(h) = article.headline() {
        text.push_str(h);
        text.push('\n');
    }
    for p in &article.paragraphs {
        text.push_str(&p.text);
        text.push('\n');
    }
    Terms::of_text(&text)
}

/// Article × article relatedness, 0–1, symmetric, 1.0 on the diagonal (see the module docs).
#[must_use]
pub fn relatedness(articles: &[Article]) -> Vec<Vec<f64>> {
    let terms: Vec<Terms> = articles.iter().map(article_terms).collect();
    relatedness_of(articles, &terms)
}

/// [`relatedness`] from already built article vectors (one per article, in order).
#[must_use]
pub fn relatedness_of(articles: &[Article], terms: &[Terms]) -> Vec<Vec<f64>> {
    let n = articles.len().min(terms.len());
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        return 1.0;
                    }
                    let (Some(ti), Some(tj)) = (terms.get(i), terms.get(j)) else {
                        return 0.0;
                    };
                    let cos = ti.cosine(tj);
                    match (articles.get(i), articles.get(j)) {
                        (Some(a), Some(b))
                            if days_apart(a, b).is_some_and(|d| d > SAME_EVENT_DAYS) =>
                        {
                            cos * OTHER_DATE_FACTOR
                        }
                        _ => cos,
                    }
                })
                .collect()
        })
        .collect()
}

/// Days between the two articles' dates, when both have one that starts `YYYY-MM-DD`.
#[must_use]
pub fn days_apart(a: &Article, b: &Article) -> Option<i64> {
    Some((day_number(a.date.as_deref()?)? - day_number(b.date.as_deref()?)?).abs())
}

/// Days since 1970-01-01 of a date that starts `YYYY-MM-DD` (a time may follow).
#[must_use]
pub fn day_number(date: &str) -> Option<i64> {
    let date = date.trim();
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if date.get(4..5) != Some("-")
        || date.get(7..8) != Some("-")
        || !(1..=12).contains(&m)
        || !(1..=31).contains(&d)
    {
        return None;
    }
    // Days from civil (proleptic Gregorian), after Howard Hinnant's algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Per article: true when its relatedness to every other article is below
/// [`UNRELATED_RELATEDNESS`] (false when it is the only article).
#[must_use]
pub fn unrelated(matrix: &[Vec<f64>]) -> Vec<bool> {
    matrix
        .iter()
        .enumerate()
        .map(|(a, row)| {
            let mut others = row.iter().enumerate().filter(|&(b, _)| b != a).peekable();
            others.peek().is_some() && others.all(|(_, &s)| s < UNRELATED_RELATEDNESS)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(paras: &[&str], date: Option<&str>) -> Article {
        let mut a = Article::from_texts("x.txt", paras.iter().copied());
        a.date = date.map(str::to_string);
        a
    }

    #[test]
    fn day_numbers_and_gaps() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2019-01-02T10:00:00Z"), Some(17_898));
        assert_eq!(day_number("Jan 2, 2019"), None);
        assert_eq!(day_number("2019-13-02"), None);
        let a = dated(&["x"], Some("2019-01-02"));
        let b = dated(&["x"], Some("2019-01-25"));
        assert_eq!(days_apart(&a, &b), Some(23));
        assert_eq!(days_apart(&a, &dated(&["x"], None)), None);
    }

    #[test]
    fn independent_reports_of_one_event_are_related_and_other_events_not() {
        let one = dated(
            &[
                "Rep. Ellery Vantongeren resigned from Congress on Friday, days after a harassment settlement paid with taxpayer money came to light.",
            ],
            Some("2021-05-07"),
        );
        let two = dated(
            &[
                "Vantongeren quits House seat",
                "The Texas congressman stepped down amid outrage over the taxpayer-funded harassment settlement, his office said.",
            ],
            Some("2021-05-07"),
        );
        let other = dated(
            &[
                "The ferry operator cancelled crossings to the islands as storms battered the coast, stranding tourists.",
            ],
            Some("2021-05-07"),
        );
        let m = relatedness(&[one, two, other]);
        assert!(m[0][1] >= UNRELATED_RELATEDNESS, "{m:?}");
        assert!(
            m[0][2] < UNRELATED_RELATEDNESS && m[1][2] < UNRELATED_RELATEDNESS,
            "{m:?}"
        );
        assert_eq!(unrelated(&m), [false, false, true]);
    }

    #[test]
    fn a_follow_up_weeks_later_on_the_same_people_is_another_story() {
        let text = ["Senator Quillon faces an ethics inquiry over campaign emails sent to donors."];
        let first = dated(&text, Some("2020-02-01"));
        let later = dated(
            &[
                "Senator Quillon testified at the ethics hearing over campaign emails sent to donors.",
            ],
            Some("2020-03-10"),
        );
        let undated = dated(
            &[
                "Senator Quillon testified at the ethics hearing over campaign emails sent to donors.",
            ],
            None,
        );
        let m = relatedness(&[first.clone(), later]);
        let u = relatedness(&[first, undated]);
        assert!(m[0][1] < u[0][1] * 0.5, "dates count: {m:?} vs {u:?}");
        assert!(u[0][1] > m[0][1], "{u:?}");
    }

    #[test]
    fn a_single_article_is_never_unrelated() {
        assert_eq!(
            unrelated(&relatedness(&[dated(&["Alone here."], None)])),
            [false]
        );
    }
}
