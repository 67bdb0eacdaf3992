//! Progress on stderr: a spinner for each stage and a bar for work with a
//! known size (sources of betweenness, actors of a batch, generated groups).
//!
//! Nothing is drawn when stderr is not a terminal, or with `--quiet`, so
//! logs and pipes stay clean. Library code never sees indicatif: it takes a
//! `&(dyn Fn(u64) + Sync)` callback ("n more units done") that
//! [`Bar::callback`] provides, or [`NO_PROGRESS`] in tests.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Bars being drawn: a stage spinner stays hidden while one is.
static ACTIVE_BARS: AtomicUsize = AtomicUsize::new(0);

/// The stage spinner that is currently shown, so that a bar can hide it.
static SPINNER: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// How long a stage runs before its spinner shows.
const SPINNER_DELAY: Duration = Duration::from_millis(400);

/// A progress callback that does nothing.
pub const NO_PROGRESS: &(dyn Fn(u64) + Sync) = &|_| {};

fn visible(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

fn target(quiet: bool) -> ProgressDrawTarget {
    if visible(quiet) {
        ProgressDrawTarget::stderr_with_hz(10)
    } else {
        ProgressDrawTarget::hidden()
    }
}

/// A spinner with a message, ticking on its own until finished.
#[derive(Debug)]
pub struct Spinner(ProgressBar);

impl Spinner {
    /// Start a spinner for a stage. It appears only if the stage is still
    /// running after 0.4 s (so quick stages do not flicker), and never when
    /// stderr is not a terminal or with `--quiet`.
    pub fn start(quiet: bool, msg: &str) -> Spinner {
        let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if visible(quiet) {
            pb.set_style(
                ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            pb.set_message(msg.to_string());
            let later = pb.clone();
            std::thread::spawn(move || {
                std::thread::sleep(SPINNER_DELAY);
                if !later.is_finished() && ACTIVE_BARS.load(Ordering::SeqCst) == 0 {
                    later.set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
                    later.enable_steady_tick(Duration::from_millis(120));
                    if let Ok(mut cur) = SPINNER.lock() {
                        *cur = Some(later);
                    }
                }
            });
        }
        Spinner(pb)
    }

    /// Remove the spinner.
    pub fn finish(self) {
        self.0.finish_and_clear();
        if let Ok(mut cur) = SPINNER.lock() {
            *cur = None;
        }
    }
}

/// A bar over `len` units of work.
#[derive(Debug, Clone)]
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar for `len` units described by `msg` (hidden unless stderr is a
    /// terminal and `--quiet` is off).
    pub fn new(quiet: bool, len: u64, msg: &str) -> Bar {
        let pb = ProgressBar::with_draw_target(Some(len), target(quiet));
        if !pb.is_hidden() {
            pb.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:40}] {human_pos}/{human_len} ({eta} left)",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            pb.set_message(msg.to_string());
            ACTIVE_BARS.fetch_add(1, Ordering::SeqCst);
            // a bar replaces the stage spinner
            if let Ok(cur) = SPINNER.lock()
                && let Some(sp) = cur.as_ref()
            {
                sp.finish_and_clear();
            }
        }
        Bar(pb)
    }

    /// Set the total (when it is known only once the work has started).
    pub fn set_length(&self, len: u64) {
        self.0.set_length(len);
    }

    /// Set how many units are done.
    pub fn set_position(&self, pos: u64) {
        self.0.set_position(pos);
    }

    /// Whether the bar draws anything.
    pub fn is_hidden(&self) -> bool {
        self.0.is_hidden()
    }

    /// Advance by `n` units (thread-safe).
    pub fn inc(&self, n: u64) {
        self.0.inc(n);
    }

    /// A callback for library code: each call advances the bar by its
    /// argument. Safe to call from rayon workers.
    pub fn callback(&self) -> impl Fn(u64) + Sync + '_ {
        move |n| self.0.inc(n)
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if !self.0.is_hidden() && !self.0.is_finished() {
            ACTIVE_BARS.fetch_sub(1, Ordering::SeqCst);
        }
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_or_not_a_terminal_hides_everything() {
        let b = Bar::new(true, 10, "x");
        assert!(b.is_hidden());
        let cb = b.callback();
        cb(3);
        b.finish();
        NO_PROGRESS(5);
        // under `cargo test` stderr is captured, not a terminal
        if !std::io::stderr().is_terminal() {
            assert!(Bar::new(false, 10, "x").is_hidden());
        }
        Spinner::start(false, "stage").finish();
    }
}
