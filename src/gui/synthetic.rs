//! A generated comparison of any size, for the frame-time benchmark and UI tests
//! that must not depend on the engine's current alignment or detectors.

use crate::model::{
    Article, Cell, CompareOptions, Comparison, Finding, FindingKind, Format, Op, OpTag, Paragraph,
    Row, Span,
};

const WORDS: [&str; 24] = [
    "the",
    "port",
    "council",
    "said",
    "workers",
    "strike",
    "on",
    "Monday",
    "after",
    "talks",
    "over",
    "pay",
    "broke",
    "down",
    "late",
    "night",
    "and",
    "ships",
    "waited",
    "offshore",
    "while",
    "unions",
    "met",
    "officials",
];
const VARIANTS: [&str; 6] = [
    "harbour",
    "stoppage",
    "Tuesday",
    "negotiators",
    "vessels",
    "dock",
];

fn words(p: usize) -> Vec<&'static str> {
    (0..30)
        .map(|k| {
            WORDS
                .get((p * 7 + k * 3) % WORDS.len())
                .copied()
                .unwrap_or("word")
        })
        .collect()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn op(tag: OpTag, text: String, paragraph: usize, start: usize, ref_start: Option<usize>) -> Op {
    let end = start + chars(&text);
    Op {
        ref_span: ref_start.map(|rs| Span {
            paragraph,
            start: rs,
            end: rs + chars(&text),
        }),
        span: Span {
            paragraph,
            start,
            end,
        },
        tag,
        text,
        whitespace_only: false,
    }
}

/// A comparison of `n_articles` articles of `n_paragraphs` paragraphs each: every third
/// cell has one replaced word, a few passages are missing or moved, and every 25th
/// paragraph of article 1 carries a finding.
#[must_use]
#[allow(clippy::too_many_lines)]
pub fn comparison(n_articles: usize, n_paragraphs: usize) -> Comparison {
    let changed = |a: usize, p: usize| a > 0 && (p + a).is_multiple_of(3);
    let own_word = |a: usize, p: usize| {
        VARIANTS
            .get((a + p) % VARIANTS.len())
            .copied()
            .unwrap_or("x")
    };
    let text_of = |a: usize, p: usize| {
        let mut w = words(p);
        if changed(a, p)
            && let Some(slot) = w.get_mut(p % 30)
        {
            *slot = own_word(a, p);
        }
        w.join(" ")
    };
    let articles: Vec<Article> = (0..n_articles)
        .map(|a| Article {
            source: crate::model::ArticleRef::default(),
            path: format!("generated-{}.txt", a + 1),
            title: format!("Generated article {}", a + 1),
            outlet: Some(format!("Outlet {}", a + 1)),
            author: None,
            date: None,
            format: Format::Txt,
            encoding: "UTF-8".to_string(),
            paragraphs: (0..n_paragraphs)
                .map(|p| Paragraph {
                    text: text_of(a, p),
                })
                .collect(),
        })
        .collect();
    let rows = (0..n_paragraphs)
        .map(|p| {
            let ref_words = words(p);
            let cells = (0..n_articles)
                .map(|a| {
                    if a > 0 && (p * 13 + a) % 41 == 0 {
                        return None;
                    }
                    let ops = if changed(a, p) {
                        let k = p % 30;
                        let mut prefix = ref_words.get(..k).unwrap_or(&[]).join(" ");
                        if k > 0 {
                            prefix.push(' ');
                        }
                        let ref_word = ref_words.get(k).copied().unwrap_or("");
                        let own = own_word(a, p);
                        let rest = ref_words.get(k + 1..).unwrap_or(&[]);
                        let suffix = if rest.is_empty() {
                            String::new()
                        } else {
                            format!(" {}", rest.join(" "))
                        };
                        let at = chars(&prefix);
                        let mut ops = Vec::new();
                        if !prefix.is_empty() {
                            ops.push(op(OpTag::Equal, prefix, p, 0, Some(0)));
                        }
                        let mut del = op(OpTag::Delete, ref_word.to_string(), p, at, None);
                        del.span.paragraph = p;
                        ops.push(del);
                        ops.push(op(OpTag::Insert, own.to_string(), p, at, None));
                        if !suffix.is_empty() {
                            let ref_at = at + chars(ref_word);
                            ops.push(op(OpTag::Equal, suffix, p, at + chars(own), Some(ref_at)));
                        }
                        ops
                    } else {
                        vec![op(OpTag::Equal, ref_words.join(" "), p, 0, Some(0))]
                    };
                    Some(Cell {
                        paragraphs: vec![p],
                        similarity: if changed(a, p) { 0.95 } else { 1.0 },
                        moved: a > 0 && (p * 7 + a) % 53 == 0,
                        ops,
                        ..Cell::default()
                    })
                })
                .collect();
            Row { cells }
        })
        .collect();
    let mut findings: Vec<Finding> = if n_articles > 1 {
        (0..n_paragraphs)
            .filter(|p| p % 25 == 3)
            .map(|p| {
                let kind = if p % 50 == 3 {
                    FindingKind::RepeatedWord
                } else {
                    FindingKind::Boilerplate
                };
                let text: String = words(p).join(" ").chars().take(8).collect();
                Finding {
                    manual: false,
                    kind,
                    article: 1,
                    paragraph: p,
                    start: 0,
                    end: chars(&text),
                    message: format!("generated {} finding", kind.label().to_lowercase()),
                    text,
                    suggestion: None,
                    related: Vec::new(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    // Every 100th row is a page footer: boilerplate in every article.
    for p in (0..n_paragraphs).filter(|p| p % 100 == 99) {
        for a in 0..n_articles {
            let text: String = text_of(a, p).chars().take(12).collect();
            findings.push(Finding {
                manual: false,
                kind: FindingKind::Boilerplate,
                article: a,
                paragraph: p,
                start: 0,
                end: chars(&text),
                message: "generated boilerplate finding".to_string(),
                text,
                suggestion: None,
                related: Vec::new(),
            });
        }
    }
    findings.sort_by_key(|f| (f.article, f.paragraph, f.start, f.kind));
    let similarity = (0..n_articles)
        .map(|i| {
            (0..n_articles)
                .map(|j| if i == j { 1.0 } else { 0.9 })
                .collect()
        })
        .collect();
    Comparison {
        overrides: Vec::new(),
        relatedness: Vec::new(),
        facts: Vec::new(),
        translations: Vec::new(),
        options: CompareOptions::default(),
        articles,
        errors: Vec::new(),
        rows,
        findings,
        similarity,
        headline: Vec::new(),
    }
}

/// One turn of a mouse wheel scrolling the hovered area down by `points` (what the
/// frame-time benchmark and the UI tests send to scroll as a user would).
#[must_use]
pub fn wheel_down(points: f32) -> egui::Event {
    egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -points),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    }
}
