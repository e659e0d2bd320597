//! The global interpreter lock: one per process, serialising every thread that touches
//! objects. This stage has a single Python thread per interpreter, so the GIL is held
//! for an interpreter's whole life; the switch-interval hand-off comes with threads.
//!
//! It is a re-entrant mutex so that one OS thread may own several interpreters (as
//! embedding tests do) while other threads wait.

use parking_lot::{ReentrantMutex, ReentrantMutexGuard};

static GIL: ReentrantMutex<()> = ReentrantMutex::new(());

/// Proof that the current thread holds the GIL.
pub struct GilGuard {
    _guard: ReentrantMutexGuard<'static, ()>,
}

/// Block until this thread holds the GIL.
pub fn acquire() -> GilGuard {
    GilGuard { _guard: GIL.lock() }
}
