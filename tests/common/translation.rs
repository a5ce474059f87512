//! The translation-alignment measure on `../shared/corpora/wmt22`, shared by
//! `tests/translation_align_corpus.rs` and `examples/translation_align.rs`.
//!
//! Per document: the source lines and one English version's lines (line i translates line
//! i) are each grouped into paragraphs of 1–4 lines, independently and at random (seeded);
//! one paragraph is dropped from one side (the translation in even trials, the source in
//! odd ones); the two articles are aligned with the source as reference. A source line
//! *lands* when the row holding its paragraph also holds the paragraph of its counterpart
//! (lines whose counterpart was dropped are not counted). Rows are also counted against the
//! finest rows the two groupings allow (paragraphs joined by a line pair, transitively), so
//! that one row holding everything would show as a row ratio far above 1.

use std::path::Path;

use super::rng::Rng;
use storydiff::model::{Article, ArticleRef, Format, Paragraph};

/// Scores of one language pair.
#[derive(Debug, Default, Clone)]
pub struct PairScore {
    /// "de-en".
    pub pair: String,
    /// Documents × trials aligned.
    pub trials: usize,
    /// Source lines with a counterpart on the other side.
    pub lines: usize,
    /// Of those, lines whose counterpart landed in their row.
    pub landed: usize,
    /// Rows holding paragraphs of both articles.
    pub rows: usize,
    /// The finest such rows the groupings allow.
    pub ideal_rows: usize,
}

impl PairScore {
    /// Share of lines that landed.
    pub fn share(&self) -> f64 {
        self.landed as f64 / self.lines.max(1) as f64
    }

    /// Rows made per finest possible row (1.0 is exact; above 1 never happens, below 1 means
    /// rows were merged beyond need).
    pub fn row_ratio(&self) -> f64 {
        self.rows as f64 / self.ideal_rows.max(1) as f64
    }
}

fn article(name: &str, paragraphs: Vec<String>) -> Article {
    Article {
        path: name.to_string(),
        title: String::new(),
        outlet: None,
        author: None,
        date: None,
        format: Format::Txt,
        encoding: "UTF-8".into(),
        paragraphs: paragraphs
            .into_iter()
            .map(|text| Paragraph { text })
            .collect(),
        source: ArticleRef::default(),
    }
}

/// Random paragraphs of 1–4 lines: per paragraph, its line indices.
fn grouping(n: usize, rng: &mut Rng) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let size = 1 + rng.below(4);
        out.push((i..(i + size).min(n)).collect());
        i += size;
    }
    out
}

/// Reads a file's lines, `None` when it is missing.
fn lines(path: &Path) -> Option<Vec<String>> {
    Some(
        std::fs::read_to_string(path)
            .ok()?
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

/// The root of `x` in a union-find forest.
fn find(parent: &mut [usize], x: usize) -> usize {
    let mut x = x;
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// One trial: (lines counted, landed, rows with both sides, ideal rows).
fn trial(
    src: &[String],
    tgt: &[String],
    joiner: &str,
    trial_no: u64,
    rng: &mut Rng,
) -> (usize, usize, usize, usize) {
    let n = src.len().min(tgt.len());
    let mut gs = grouping(n, rng);
    let mut gt = grouping(n, rng);
    // Drop one paragraph (not the first) from one side when there are enough.
    if trial_no.is_multiple_of(2) && gt.len() >= 3 {
        let at = 1 + rng.below(gt.len() - 1);
        gt.remove(at);
    } else if gs.len() >= 3 {
        let at = 1 + rng.below(gs.len() - 1);
        gs.remove(at);
    }
    let text = |lines: &[String], g: &[usize], join: &str| -> String {
        g.iter()
            .filter_map(|&i| lines.get(i).map(|l| l.trim().to_string()))
            .collect::<Vec<_>>()
            .join(join)
    };
    let a = article("source", gs.iter().map(|g| text(src, g, joiner)).collect());
    let b = article("english", gt.iter().map(|g| text(tgt, g, " ")).collect());
    let para_of = |groups: &[Vec<usize>]| -> Vec<Option<usize>> {
        let mut v = vec![None; n];
        for (p, g) in groups.iter().enumerate() {
            for &i in g {
                if let Some(x) = v.get_mut(i) {
                    *x = Some(p);
                }
            }
        }
        v
    };
    let (ps, pt) = (para_of(&gs), para_of(&gt));
    let rows = storydiff::align::align(&[a, b], 0);
    let row_of = |article: usize, count: usize| -> Vec<Option<usize>> {
        let mut v = vec![None; count];
        for (r, row) in rows.iter().enumerate() {
            for &p in row.cells.get(article).map_or(&[][..], Vec::as_slice) {
                if let Some(x) = v.get_mut(p) {
                    *x = Some(r);
                }
            }
        }
        v
    };
    let (rs, rt) = (row_of(0, gs.len()), row_of(1, gt.len()));
    let mut counted = 0;
    let mut landed = 0;
    // Union of paragraphs joined by a line pair: ideal rows.
    let mut parent: Vec<usize> = (0..gs.len() + gt.len()).collect();
    for i in 0..n {
        let (Some(s), Some(t)) = (ps[i], pt[i]) else {
            continue;
        };
        counted += 1;
        if rs[s].is_some() && rs[s] == rt[t] {
            landed += 1;
        }
        let (x, y) = (find(&mut parent, s), find(&mut parent, gs.len() + t));
        parent[x] = y;
    }
    let mut ideal = std::collections::BTreeSet::new();
    for i in 0..n {
        if let (Some(s), Some(_)) = (ps[i], pt[i]) {
            ideal.insert(find(&mut parent, s));
        }
    }
    let both = rows
        .iter()
        .filter(|r| r.cells.iter().all(|c| !c.is_empty()))
        .count();
    (counted, landed, both, ideal.len())
}

/// The measure over every document of every pair under `wmt22`, with `system` as the
/// English side ("reference" or a system's name), `trials` groupings per document. `None`
/// when the folder is absent.
pub fn measure(wmt22: &Path, system: &str, trials: u64) -> Option<Vec<PairScore>> {
    let mut pairs: Vec<_> = std::fs::read_dir(wmt22)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    pairs.sort_by_key(std::fs::DirEntry::file_name);
    let mut out = Vec::new();
    for pair in pairs {
        let name = pair.file_name().to_string_lossy().into_owned();
        let lang = name.split('-').next().unwrap_or("").to_string();
        let joiner = if lang == "zh" || lang == "ja" {
            ""
        } else {
            " "
        };
        let mut docs: Vec<_> = std::fs::read_dir(pair.path())
            .ok()?
            .filter_map(Result::ok)
            .collect();
        docs.sort_by_key(std::fs::DirEntry::file_name);
        let mut score = PairScore {
            pair: name.clone(),
            ..PairScore::default()
        };
        for (d, doc) in docs.iter().enumerate() {
            let dir = doc.path();
            let Some(src) = lines(&dir.join(format!("source.{lang}.txt"))) else {
                continue;
            };
            let Some(tgt) = lines(&dir.join(format!("{system}.en.txt"))) else {
                continue;
            };
            // Keep line pairs where both sides have text.
            let (src, tgt): (Vec<String>, Vec<String>) = src
                .into_iter()
                .zip(tgt)
                .filter(|(s, t)| !s.trim().is_empty() && !t.trim().is_empty())
                .unzip();
            for t in 0..trials {
                let mut rng = Rng(0x5EED_0000 + (d as u64) * 1000 + t);
                let (c, l, r, i) = trial(&src, &tgt, joiner, t, &mut rng);
                score.trials += 1;
                score.lines += c;
                score.landed += l;
                score.rows += r;
                score.ideal_rows += i;
            }
        }
        out.push(score);
    }
    Some(out)
}

/// One pair's line of [`taken`]: (pair, own translations taken, documents, other
/// documents' translations taken, such pairs).
pub type Taken = (String, usize, usize, usize, usize);

/// Which pairs are taken for a translation ([`storydiff::align::crosslang::is_translation`]):
/// per language pair, (pair, own translations taken, documents, other documents'
/// translations taken, such pairs), each source with the reference translation of every
/// document of its pair, one line a paragraph.
pub fn taken(wmt22: &Path) -> Option<Vec<Taken>> {
    let mut pairs: Vec<_> = std::fs::read_dir(wmt22)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    pairs.sort_by_key(std::fs::DirEntry::file_name);
    let mut out = Vec::new();
    for pair in pairs {
        let name = pair.file_name().to_string_lossy().into_owned();
        let lang = name.split('-').next().unwrap_or("").to_string();
        let mut docs: Vec<_> = std::fs::read_dir(pair.path())
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        docs.sort();
        let read = |path: &Path| -> Option<Article> {
            let text = std::fs::read_to_string(path).ok()?;
            Some(article(
                "doc",
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .collect(),
            ))
        };
        let src: Vec<Article> = docs
            .iter()
            .filter_map(|d| read(&d.join(format!("source.{lang}.txt"))))
            .collect();
        let tgt: Vec<Article> = docs
            .iter()
            .filter_map(|d| read(&d.join("reference.en.txt")))
            .collect();
        let (mut own, mut other, mut others) = (0, 0, 0);
        for (i, s) in src.iter().enumerate() {
            for (j, t) in tgt.iter().enumerate() {
                let yes = storydiff::align::crosslang::is_translation(s, t);
                if i == j {
                    own += usize::from(yes);
                } else {
                    others += 1;
                    other += usize::from(yes);
                }
            }
        }
        out.push((name, own, src.len().min(tgt.len()), other, others));
    }
    Some(out)
}
