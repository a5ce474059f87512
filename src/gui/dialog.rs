//! System file dialogs (rfd) on a named thread, so the window never blocks while one is open.
//! A dialog that answers "nothing" at once means the system has none (no portal, no zenity):
//! the caller then falls back to its in-app window.

use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// An empty answer sooner than this means no dialog was shown at all.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// A system dialog being shown.
pub struct DialogJob<T> {
    rx: Receiver<Option<T>>,
    started: Instant,
    ctx: Option<egui::Context>,
}

/// What a dialog has said so far.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer<T> {
    /// Still open.
    Pending,
    /// The user chose this.
    Chosen(T),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// There is no system dialog: it answered nothing at once.
    Unavailable,
    /// The dialog's thread ended without answering.
    Failed,
}

impl<T: Send + 'static> DialogJob<T> {
    /// Runs `ask` (which shows the dialog and returns the choice) on a thread named `name`,
    /// repainting `ctx` when it answers. `None` when the thread cannot be started.
    pub fn spawn(
        name: &str,
        ctx: Option<egui::Context>,
        ask: impl FnOnce() -> Option<T> + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let _ = tx.send(ask());
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            })
            .ok()?;
        Some(Self {
            rx,
            started: Instant::now(),
            ctx,
        })
    }

    /// The answer so far; while pending, asks for a repaint to look again soon.
    #[must_use]
    pub fn poll(&self) -> Answer<T> {
        match self.rx.try_recv() {
            Ok(Some(choice)) => Answer::Chosen(choice),
            Ok(None) if self.started.elapsed() < NO_DIALOG_WITHIN => Answer::Unavailable,
            Ok(None) => Answer::Cancelled,
            Err(TryRecvError::Empty) => {
                if let Some(ctx) = &self.ctx {
                    ctx.request_repaint_after(Duration::from_millis(100));
                }
                Answer::Pending
            }
            Err(TryRecvError::Disconnected) => Answer::Failed,
        }
    }
}

/// Polls the dialog held in `slot`: once it has answered, empties the slot and returns the
/// answer; `None` while it is still open or when no dialog is held.
pub fn take_answer<T: Send + 'static>(slot: &mut Option<DialogJob<T>>) -> Option<Answer<T>> {
    let answer = slot.as_ref()?.poll();
    if matches!(answer, Answer::Pending) {
        return None;
    }
    *slot = None;
    Some(answer)
}
