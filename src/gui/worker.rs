//! The background thread that loads files and compares them, with progress.
//!
//! One job at a time: starting a new job sets the old one's [`Cancel`] flag (the engine stops
//! at its next check, between files, stages and rows) and drops its channel, so nothing it
//! sends is read. The jobs share one [`StageCache`]: files already loaded are not read again,
//! and an option change re-diffs without re-aligning. A panic inside a job is caught and
//! reported as an error; the window keeps what it showed. The UI thread polls once per frame
//! and never blocks.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};

use crate::compare::{Cancel, Cancelled, Progress};
use crate::model::{CompareOptions, Comparison, Override};
use crate::staged::{StageCache, StagesRun};

/// What a job sends back.
enum Message {
    Progress(Progress),
    Done(Box<(Comparison, StagesRun)>),
    Failed(String),
}

/// What a finished job gives the window.
#[derive(Debug)]
pub enum Outcome {
    /// The comparison, and which stages were run to make it.
    Done(Box<Comparison>, StagesRun),
    /// The job panicked: plain words for the notice.
    Failed(String),
}

/// A job's work: given the shared cache, a progress callback and its cancel flag.
type Job = Box<
    dyn FnOnce(
            &mut StageCache,
            &mut dyn FnMut(Progress),
            &Cancel,
        ) -> Result<(Comparison, StagesRun), Cancelled>
        + Send,
>;

/// Runs comparisons on a named background thread (see the module documentation).
#[derive(Default)]
pub struct Worker {
    job: Option<Receiver<Message>>,
    cancel: Cancel,
    progress: Option<Progress>,
    cache: Arc<Mutex<StageCache>>,
    superseded: u64,
}

impl Worker {
    /// Starts loading and comparing `paths`; a job already running is cancelled.
    ///
    /// # Errors
    /// When the thread cannot be started (the message says so in plain words).
    pub fn start(
        &mut self,
        paths: Vec<PathBuf>,
        options: CompareOptions,
        overrides: Vec<Override>,
        ctx: egui::Context,
    ) -> Result<(), String> {
        let first = paths
            .first()
            .and_then(|p| p.file_name())
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let message = if first.is_empty() {
            "Comparing".to_string()
        } else {
            format!("Comparing {first}…")
        };
        self.run(message, compare_job(paths, options, overrides), Some(ctx))
    }

    /// Runs `job` on the worker thread, cancelling the job before it.
    fn run(&mut self, message: String, job: Job, ctx: Option<egui::Context>) -> Result<(), String> {
        if self.job.is_some() {
            self.superseded += 1;
        }
        self.cancel.cancel();
        let cancel = Cancel::default();
        self.cancel = cancel.clone();
        let (tx, rx) = channel();
        let cache = Arc::clone(&self.cache);
        std::thread::Builder::new()
            .name("storydiff-compare".to_string())
            .spawn(move || run_job(&cache, job, &cancel, &tx, ctx.as_ref()))
            .map_err(|e| format!("could not start the comparison thread: {e}"))?;
        self.job = Some(rx);
        self.progress = Some(Progress {
            message,
            fraction: 0.0,
        });
        Ok(())
    }

    /// Runs the same work on the calling thread (tests and benchmarks), with the same cache.
    pub fn run_here(
        &mut self,
        paths: &[PathBuf],
        options: &CompareOptions,
        overrides: &[Override],
    ) -> Outcome {
        let job = compare_job(paths.to_vec(), options.clone(), overrides.to_vec());
        let (tx, rx) = channel();
        run_job(&self.cache, job, &Cancel::default(), &tx, None);
        drop(tx);
        rx.try_iter()
            .find_map(outcome)
            .unwrap_or_else(|| Outcome::Failed("the comparison stopped without a result".into()))
    }

    /// True while a job runs.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// How many jobs were cancelled because a newer one started.
    #[must_use]
    pub fn superseded(&self) -> u64 {
        self.superseded
    }

    /// The latest progress of the running job.
    #[must_use]
    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// Cancels the running job (the window shows what it had).
    pub fn cancel(&mut self) {
        self.cancel.cancel();
        self.job = None;
        self.progress = None;
    }

    /// Takes the finished job's outcome, if it is done. Updates the progress otherwise.
    pub fn poll(&mut self) -> Option<Outcome> {
        let rx = self.job.as_ref()?;
        loop {
            match rx.try_recv() {
                Ok(Message::Progress(p)) => self.progress = Some(p),
                Ok(message) => {
                    self.job = None;
                    self.progress = None;
                    return outcome(message);
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    self.progress = None;
                    return None;
                }
            }
        }
    }

    /// Blocks until the running job is done (for tests and benchmarks).
    pub fn wait(&mut self) -> Option<Outcome> {
        let rx = self.job.take()?;
        self.progress = None;
        rx.iter().find_map(outcome)
    }
}

/// The job every comparison runs: the shared cache compares the paths.
fn compare_job(paths: Vec<PathBuf>, options: CompareOptions, overrides: Vec<Override>) -> Job {
    Box::new(move |cache, progress, cancel| {
        cache.compare(&paths, &options, &overrides, progress, cancel)
    })
}

fn outcome(message: Message) -> Option<Outcome> {
    match message {
        Message::Progress(_) => None,
        Message::Done(done) => {
            let (c, run) = *done;
            Some(Outcome::Done(Box::new(c), run))
        }
        Message::Failed(m) => Some(Outcome::Failed(m)),
    }
}

/// The body of a job: runs it with the shared cache, catches a panic, sends the outcome
/// (nothing when cancelled).
fn run_job(
    cache: &Mutex<StageCache>,
    job: Job,
    cancel: &Cancel,
    tx: &Sender<Message>,
    ctx: Option<&egui::Context>,
) {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut guard = cache.lock().unwrap_or_else(PoisonError::into_inner);
        job(
            &mut guard,
            &mut |p| {
                let _ = tx.send(Message::Progress(p));
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            },
            cancel,
        )
    }));
    let message = match result {
        Ok(Ok(done)) => Message::Done(Box::new(done)),
        Ok(Err(Cancelled)) => return,
        Err(panic) => {
            // What the panicking job left in the cache cannot be trusted: start afresh.
            let mut guard = cache.lock().unwrap_or_else(PoisonError::into_inner);
            *guard = StageCache::default();
            drop(guard);
            cache.clear_poison();
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_string());
            Message::Failed(format!(
                "The comparison failed inside storydiff ({what}); the window keeps what it showed. Please report this with the files you opened."
            ))
        }
    };
    let _ = tx.send(message);
    if let Some(ctx) = ctx {
        ctx.request_repaint();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn sample() -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "The port reopened on Monday.\n").unwrap();
        std::fs::write(&b, "The port re-opened on Monday.\n").unwrap();
        (dir, vec![a, b])
    }

    #[test]
    fn a_panic_in_a_job_is_reported_and_the_next_job_runs() {
        let mut worker = Worker::default();
        worker
            .run(
                "boom".into(),
                Box::new(|_, _, _| panic!("a detector fell over")),
                None,
            )
            .unwrap();
        match worker.wait() {
            Some(Outcome::Failed(m)) => {
                assert!(m.contains("a detector fell over"), "{m}");
                assert!(m.contains("keeps what it showed"), "{m}");
            }
            other => panic!("expected a failure, got {other:?}"),
        }
        let (_dir, paths) = sample();
        match worker.run_here(&paths, &CompareOptions::default(), &[]) {
            Outcome::Done(c, run) => {
                assert_eq!(c.articles.len(), 2);
                assert_eq!(run.files_loaded, 2);
            }
            Outcome::Failed(m) => panic!("{m}"),
        }
    }

    #[test]
    fn a_new_job_cancels_the_running_one_and_only_the_new_result_arrives() {
        let (_dir, paths) = sample();
        let mut worker = Worker::default();
        let (started_tx, started_rx) = channel();
        // The first job waits until it is cancelled, then gives up as the engine does.
        worker
            .run(
                "first".into(),
                Box::new(move |_, _, cancel| {
                    let _ = started_tx.send(());
                    while !cancel.is_cancelled() {
                        std::thread::yield_now();
                    }
                    Err(Cancelled)
                }),
                None,
            )
            .unwrap();
        started_rx.recv().unwrap();
        let second_paths = paths.clone();
        worker
            .run(
                "second".into(),
                Box::new(move |cache, progress, cancel| {
                    cache.compare(
                        &second_paths,
                        &CompareOptions::default(),
                        &[],
                        progress,
                        cancel,
                    )
                }),
                None,
            )
            .unwrap();
        assert_eq!(worker.superseded(), 1);
        match worker.wait() {
            Some(Outcome::Done(c, _)) => assert_eq!(c.articles.len(), 2),
            other => panic!("expected the second comparison, got {other:?}"),
        }
    }
}
