//! Re-running only the stages a change needs, for a window that compares the same files
//! again and again.
//!
//! [`StageCache`] keeps every file it has loaded (with the size and modification time it had)
//! and the last [`Alignment`] with what it was made from. A new comparison then
//! - loads only the files that are new to it or changed on disk;
//! - re-aligns only when the loaded articles, the reference or the corrections changed;
//! - always re-diffs and re-runs the detectors that read the diff (the diff options change
//!   what they see); what the alignment alone decides — the detection context's tokens, the
//!   other detectors' findings, the facts — is kept with the alignment
//!   ([`crate::compare::DetectionCache`]).
//!
//! The result is the same comparison [`crate::compare_files_with`] makes from the same
//! inputs (a test holds them byte-identical).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::compare::{
    Alignment, Cancel, Cancelled, DetectionCache, Progress, align_stage, finish_stage,
};
use crate::load;
use crate::model::{Article, ArticleRef, CompareOptions, Comparison, LoadFailure, Override};

/// What a file looked like on disk when it was loaded: a change of either reloads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// One file as last loaded: its articles, or the message of its failure.
type Loaded = Result<Arc<Vec<Article>>, String>;

/// What an alignment was made from: the files (with their stamps), the reference and the
/// corrections.
#[derive(Debug, Clone, PartialEq)]
struct AlignKey {
    files: Vec<(PathBuf, Option<Stamp>)>,
    reference: usize,
    overrides: Vec<Override>,
}

/// Which stages a [`StageCache::compare`] ran (the window's status line and its tests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StagesRun {
    /// Files named (read or taken from the cache).
    pub files: usize,
    /// Files read from disk (the others came from the cache).
    pub files_loaded: usize,
    /// The articles were aligned again (false: the previous alignment was reused).
    pub aligned: bool,
}

/// The loaded files and the last alignment, kept between comparisons (see the module
/// documentation).
#[derive(Debug, Default)]
pub struct StageCache {
    files: HashMap<PathBuf, (Option<Stamp>, Loaded)>,
    alignment: Option<(AlignKey, Arc<Alignment>, Arc<DetectionCache>)>,
}

impl StageCache {
    /// An empty cache.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Compares `paths` as [`crate::compare_files_with`] does, re-running only the stages
    /// that changed since the last call (see the module documentation). Files no longer
    /// named are dropped from the cache.
    ///
    /// # Errors
    /// [`Cancelled`] when `cancel` is set before the work is done; the cache keeps what was
    /// finished (loaded files, a finished alignment).
    pub fn compare(
        &mut self,
        paths: &[PathBuf],
        options: &CompareOptions,
        overrides: &[Override],
        progress: &mut dyn FnMut(Progress),
        cancel: &Cancel,
    ) -> Result<(Comparison, StagesRun), Cancelled> {
        let mut run = StagesRun {
            files: paths.len(),
            ..StagesRun::default()
        };
        self.files.retain(|p, _| paths.contains(p));
        let mut articles = Vec::new();
        let mut errors = Vec::new();
        let mut stamps = Vec::with_capacity(paths.len());
        let total = paths.len().max(1) as f32;
        for (i, path) in paths.iter().enumerate() {
            if cancel.is_cancelled() {
                return Err(Cancelled);
            }
            let stamp = Stamp::of(path);
            stamps.push((path.clone(), stamp));
            let cached = self
                .files
                .get(path)
                .filter(|(s, _)| s.is_some() && *s == stamp)
                .map(|(_, loaded)| loaded.clone());
            let loaded = if let Some(loaded) = cached {
                loaded
            } else {
                progress(Progress {
                    message: format!("Loading {}", file_name(path)),
                    fraction: 0.5 * i as f32 / total,
                });
                run.files_loaded += 1;
                let loaded: Loaded = load::load_path(path)
                    .map(Arc::new)
                    .map_err(|e| e.to_string());
                self.files.insert(path.clone(), (stamp, loaded.clone()));
                loaded
            };
            match loaded {
                Ok(list) => {
                    articles.extend(list.iter().cloned().enumerate().map(|(part, mut a)| {
                        a.source = ArticleRef { file: i, part };
                        a
                    }));
                }
                Err(message) => errors.push(LoadFailure {
                    path: path.display().to_string(),
                    message,
                }),
            }
        }
        let reference = if options.reference >= articles.len() {
            0
        } else {
            options.reference
        };
        let key = AlignKey {
            files: stamps,
            reference,
            overrides: overrides.to_vec(),
        };
        let (alignment, detection) = match &self.alignment {
            Some((k, a, d)) if *k == key => (Arc::clone(a), Arc::clone(d)),
            _ => {
                if cancel.is_cancelled() {
                    return Err(Cancelled);
                }
                run.aligned = true;
                let a = Arc::new(align_stage(&articles, reference, overrides, progress));
                let d = Arc::new(DetectionCache::default());
                self.alignment = Some((key, Arc::clone(&a), Arc::clone(&d)));
                (a, d)
            }
        };
        let comparison = finish_stage(
            articles, errors, &alignment, &detection, options, overrides, progress, cancel,
        )?;
        Ok((comparison, run))
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn json(c: &Comparison) -> String {
        crate::report::json::to_json(c)
    }

    fn set() -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let a = write(
            dir.path(),
            "wire.txt",
            "The harbour closed at noon after the storm.\n\nFishing boats stayed in port, the mayor said.\n",
        );
        let b = write(
            dir.path(),
            "copy.txt",
            "The Harbour closed at noon after the storm.\n\nFishing boats stayed in port, the mayor said .\n\nLeave a Reply\n",
        );
        (dir, vec![a, b])
    }

    /// A default, uncancelled comparison of `paths` with `cache`.
    fn rerun(cache: &mut StageCache, paths: &[PathBuf]) -> (Comparison, StagesRun) {
        cache
            .compare(
                paths,
                &CompareOptions::default(),
                &[],
                &mut |_| {},
                &Cancel::default(),
            )
            .unwrap()
    }

    #[test]
    fn an_option_change_reuses_files_and_alignment_and_matches_a_fresh_comparison() {
        let (_dir, paths) = set();
        let mut cache = StageCache::new();
        let never = Cancel::default();
        let options = CompareOptions::default();
        let (_, first) = cache
            .compare(&paths, &options, &[], &mut |_| {}, &never)
            .unwrap();
        assert_eq!(
            first,
            StagesRun {
                files: 2,
                files_loaded: 2,
                aligned: true
            }
        );
        let toggled = CompareOptions {
            ignore_case: true,
            ..CompareOptions::default()
        };
        let (again, second) = cache
            .compare(&paths, &toggled, &[], &mut |_| {}, &never)
            .unwrap();
        assert_eq!(
            second,
            StagesRun {
                files: 2,
                files_loaded: 0,
                aligned: false
            }
        );
        let fresh = crate::compare_files_with(&paths, &toggled, &[], &mut |_| {});
        assert_eq!(json(&again), json(&fresh));
        // The case option made "Harbour" equal to "harbour".
        assert!(again.rows[0].cells[1].as_ref().unwrap().similarity > 0.99);
    }

    #[test]
    fn every_option_change_on_the_samples_matches_a_fresh_comparison() {
        // The bundled story (a wire, a scraped republication with furniture, a rewrite) and
        // the wire beside its German version: re-diffed under each option with what the alignment alone
        // decides kept from the first run, every comparison equals a fresh one.
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
        let sets = [
            vec![
                samples.join("wire.txt"),
                samples.join("republished.html"),
                samples.join("rewrite.md"),
            ],
            vec![
                samples.join("wire.txt"),
                samples.join("translation/hafenstreik.de.txt"),
            ],
        ];
        let variants = [
            CompareOptions {
                ignore_case: true,
                ..CompareOptions::default()
            },
            CompareOptions {
                ignore_punctuation: true,
                ..CompareOptions::default()
            },
            CompareOptions {
                ignore_quotes: true,
                ..CompareOptions::default()
            },
            CompareOptions {
                ignore_whitespace: true,
                ..CompareOptions::default()
            },
            CompareOptions {
                granularity: crate::model::Granularity::Char,
                ..CompareOptions::default()
            },
            CompareOptions::default(),
        ];
        let never = Cancel::default();
        for paths in sets {
            let mut cache = StageCache::new();
            let (first, _) = cache
                .compare(&paths, &CompareOptions::default(), &[], &mut |_| {}, &never)
                .unwrap();
            assert!(!first.findings.is_empty() || !first.facts.is_empty());
            for options in &variants {
                let (again, run) = cache
                    .compare(&paths, options, &[], &mut |_| {}, &never)
                    .unwrap();
                assert!(!run.aligned);
                let fresh = crate::compare_files_with(&paths, options, &[], &mut |_| {});
                assert_eq!(json(&again), json(&fresh), "{options:?} on {paths:?}");
            }
        }
    }

    #[test]
    fn a_new_reference_realigns_and_an_added_file_is_the_only_one_read() {
        let (dir, mut paths) = set();
        let mut cache = StageCache::new();
        let never = Cancel::default();
        let mut options = CompareOptions::default();
        cache
            .compare(&paths, &options, &[], &mut |_| {}, &never)
            .unwrap();
        options.reference = 1;
        let (c, run) = cache
            .compare(&paths, &options, &[], &mut |_| {}, &never)
            .unwrap();
        assert_eq!(c.options.reference, 1);
        assert_eq!((run.files_loaded, run.aligned), (0, true));
        paths.push(write(
            dir.path(),
            "third.txt",
            "The harbour closed at noon.\n",
        ));
        let (c, run) = cache
            .compare(&paths, &options, &[], &mut |_| {}, &never)
            .unwrap();
        assert_eq!((run.files_loaded, run.aligned), (1, true));
        assert_eq!(c.articles.len(), 3);
        assert_eq!(c.articles[2].source.file, 2);
        let fresh = crate::compare_files_with(&paths, &options, &[], &mut |_| {});
        assert_eq!(json(&c), json(&fresh));
    }

    #[test]
    fn a_file_changed_on_disk_is_read_again() {
        let (_dir, paths) = set();
        let mut cache = StageCache::new();
        let never = Cancel::default();
        let options = CompareOptions::default();
        cache
            .compare(&paths, &options, &[], &mut |_| {}, &never)
            .unwrap();
        std::fs::write(
            &paths[1],
            "Something else entirely, and longer than before.\n",
        )
        .unwrap();
        let (c, run) = cache
            .compare(&paths, &options, &[], &mut |_| {}, &never)
            .unwrap();
        assert_eq!((run.files_loaded, run.aligned), (1, true));
        assert!(
            c.articles[1].paragraphs[0]
                .text
                .starts_with("Something else")
        );
    }

    #[test]
    fn a_failed_file_is_reported_every_time_and_the_others_compared() {
        let (dir, mut paths) = set();
        paths.push(dir.path().join("missing.txt"));
        let mut cache = StageCache::new();
        let never = Cancel::default();
        for _ in 0..2 {
            let (c, _) = cache
                .compare(&paths, &CompareOptions::default(), &[], &mut |_| {}, &never)
                .unwrap();
            assert_eq!(c.articles.len(), 2);
            assert_eq!(c.errors.len(), 1);
            assert!(c.errors[0].path.ends_with("missing.txt"));
        }
    }

    #[test]
    fn a_cancelled_comparison_stops_and_keeps_what_was_loaded() {
        let (_dir, paths) = set();
        let mut cache = StageCache::new();
        let cancel = Cancel::default();
        cancel.cancel();
        let result = cache.compare(
            &paths,
            &CompareOptions::default(),
            &[],
            &mut |_| {},
            &cancel,
        );
        assert_eq!(result.err(), Some(Cancelled));
        let (_, run) = rerun(&mut cache, &paths);
        // Cancelled before the first file: nothing was kept, both are read now.
        assert_eq!(run.files_loaded, 2);
    }

    #[test]
    fn cancelled_while_diffing_it_stops_and_the_next_run_reuses_files_and_alignment() {
        let (_dir, paths) = set();
        let mut cache = StageCache::new();
        let cancel = Cancel::default();
        let flag = cancel.clone();
        let result = cache.compare(
            &paths,
            &CompareOptions::default(),
            &[],
            &mut |p| {
                if p.message.starts_with("Comparing wording") {
                    flag.cancel();
                }
            },
            &cancel,
        );
        assert_eq!(result.err(), Some(Cancelled));
        let (_, run) = rerun(&mut cache, &paths);
        assert_eq!(
            run,
            StagesRun {
                files: 2,
                files_loaded: 0,
                aligned: false
            }
        );
    }
}
