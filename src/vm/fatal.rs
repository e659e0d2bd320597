//! Fatal errors: what the user sees when the interpreter itself hits a bug (a Rust
//! panic), in the manner of CPython's `Py_FatalError` with `faulthandler`'s stack dump.
//!
//! The binary installs [`install_panic_hook`]. On a panic the hook flushes Pyrite's
//! stdout buffer (so the program's output so far is not lost), prints
//!
//! ```text
//! Fatal Python error: pyrite internal error: <panic message>
//! Python runtime state: initialized
//!
//! Current thread (most recent call first):
//!   File "x.py", line 3 in f
//!   File "x.py", line 7 in <module>
//! ```
//!
//! on stderr and aborts (exit status 134), in every build profile.
//!
//! Invariant: [`FrameStackGuard`] registers a thread's frame stack while the VM runs
//! on it; the registration is removed before the stack can move or be dropped.

use super::Frame;
use crate::object::function::CodeData;
use std::cell::Cell;
use std::io::Write;

thread_local! {
    /// The frame stack of the VM running on this thread (null when none runs).
    static RUNNING_FRAMES: Cell<*const Vec<Frame>> = const { Cell::new(std::ptr::null()) };
}

/// Registers a frame stack as the running one for the duration of a run.
pub struct FrameStackGuard {
    previous: *const Vec<Frame>,
}

impl FrameStackGuard {
    /// `frames` must stay in place (not moved or dropped) until the guard is dropped;
    /// callers hold the guard in a scope that also borrows the VM.
    pub fn new(frames: &Vec<Frame>) -> FrameStackGuard {
        let previous = RUNNING_FRAMES.with(|c| c.replace(frames as *const Vec<Frame>));
        FrameStackGuard { previous }
    }
}

impl Drop for FrameStackGuard {
    fn drop(&mut self) {
        RUNNING_FRAMES.with(|c| c.set(self.previous));
    }
}

/// Makes every panic a fatal error report followed by `abort()`.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let _ = crate::builtins::io::try_flush_stdout();
        let location = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "panic".to_string()
        };
        let mut report = format!(
            "Fatal Python error: pyrite internal error: {message}{location}\n\
             Python runtime state: initialized\n\n"
        );
        report.push_str(&current_stack());
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(report.as_bytes());
        let _ = err.flush();
        std::process::abort();
    }));
}

/// `Current thread (most recent call first):` and one line per frame, or a line
/// saying no Python frame is running.
fn current_stack() -> String {
    let ptr = RUNNING_FRAMES.with(|c| c.get());
    if ptr.is_null() {
        return "Current thread (no Python frame)\n".to_string();
    }
    // SAFETY: `FrameStackGuard` registered this pointer from a live `&Vec<Frame>` and
    // clears it before the vector can move or drop, so it points at a live vector.
    // The panic hook runs on the same thread, which is stopped inside the panic and
    // never resumes (the hook aborts), so nothing mutates the vector while it is read.
    let frames: &Vec<Frame> = unsafe { &*ptr };
    let mut out = String::from("Current thread (most recent call first):\n");
    for frame in frames.iter().rev().take(100) {
        match frame.code.downcast::<CodeData>() {
            Some(code) => {
                let co = &code.code;
                out.push_str(&format!(
                    "  File \"{}\", line {} in {}\n",
                    co.filename,
                    co.position(frame.lasti).line,
                    co.name
                ));
            }
            None => out.push_str("  File \"???\", line 0 in ???\n"),
        }
    }
    if frames.len() > 100 {
        out.push_str("  ...\n");
    }
    out
}
