//! The background thread that loads files and compares them, with progress.
//!
//! One job at a time: starting a new job drops the channel of the old one, whose
//! result is then ignored. The UI thread polls once per frame and never blocks.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::compare::Progress;
use crate::model::{CompareOptions, Comparison};

enum Message {
    Progress(Progress),
    Done(Box<Comparison>),
}

/// Runs `storydiff::compare_files` on a named background thread.
#[derive(Default)]
pub struct Worker {
    job: Option<Receiver<Message>>,
    progress: Option<Progress>,
}

impl Worker {
    /// Starts loading and comparing `paths`; a job already running is abandoned.
    ///
    /// # Errors
    /// When the thread cannot be started (the message says so in plain words).
    pub fn start(
        &mut self,
        paths: Vec<PathBuf>,
        options: CompareOptions,
        overrides: Vec<crate::model::Override>,
        ctx: egui::Context,
    ) -> Result<(), String> {
        let (tx, rx) = channel();
        let first = paths
            .first()
            .and_then(|p| p.file_name())
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        std::thread::Builder::new()
            .name("storydiff-compare".to_string())
            .spawn(move || {
                let progress_tx = tx.clone();
                let progress_ctx = ctx.clone();
                let comparison =
                    crate::compare_files_with(&paths, &options, &overrides, &mut |p| {
                        let _ = progress_tx.send(Message::Progress(p));
                        progress_ctx.request_repaint();
                    });
                let _ = tx.send(Message::Done(Box::new(comparison)));
                ctx.request_repaint();
            })
            .map_err(|e| format!("could not start the comparison thread: {e}"))?;
        self.job = Some(rx);
        self.progress = Some(Progress {
            message: if first.is_empty() {
                "Comparing".to_string()
            } else {
                format!("Loading {first}")
            },
            fraction: 0.0,
        });
        Ok(())
    }

    /// True while a job runs.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The latest progress of the running job.
    #[must_use]
    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// Takes the finished comparison, if the job is done. Updates the progress otherwise.
    pub fn poll(&mut self) -> Option<Comparison> {
        let rx = self.job.as_ref()?;
        loop {
            match rx.try_recv() {
                Ok(Message::Progress(p)) => self.progress = Some(p),
                Ok(Message::Done(c)) => {
                    self.job = None;
                    self.progress = None;
                    return Some(*c);
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
    pub fn wait(&mut self) -> Option<Comparison> {
        let rx = self.job.take()?;
        self.progress = None;
        while let Ok(message) = rx.recv() {
            if let Message::Done(c) = message {
                return Some(*c);
            }
        }
        None
    }
}
