//! The eval breaker: one word of "something needs the eval loop's attention" bits,
//! polled by the loop with a single relaxed load between instructions (CPython's
//! `eval_breaker`).
//!
//! Bits: [`FINALIZERS`] (objects wait for their `__del__`), [`SIGINT`] (Ctrl-C
//! arrived; the loop raises `KeyboardInterrupt`) and [`MEMORY_ERROR`] (memory ran
//! out and the reserve was spent; the loop raises `MemoryError`). Setting a bit is async-signal-safe
//! (an atomic `fetch_or`), so the SIGINT handler only sets its bit; everything else
//! happens in the loop. The GIL hand-off, GC scheduling and per-thread words come with
//! threads. This module is a leaf: it uses `std` and `signal-hook` only.

use std::sync::atomic::{AtomicU32, Ordering};

/// `__del__` finalizers are waiting to run.
pub const FINALIZERS: u32 = 1 << 0;
/// SIGINT was received and not yet turned into `KeyboardInterrupt`.
pub const SIGINT: u32 = 1 << 1;
/// An allocation failed and was served from the memory reserve
/// (`memory::reserve`): the loop raises `MemoryError`.
pub const MEMORY_ERROR: u32 = 1 << 2;

static EVAL_BREAKER: AtomicU32 = AtomicU32::new(0);

/// Whether any bit is set (the loop's fast check).
#[inline(always)]
pub fn any() -> bool {
    EVAL_BREAKER.load(Ordering::Relaxed) != 0
}

#[inline]
pub fn is_set(bit: u32) -> bool {
    EVAL_BREAKER.load(Ordering::Relaxed) & bit != 0
}

#[inline]
pub fn set(bit: u32) {
    EVAL_BREAKER.fetch_or(bit, Ordering::Relaxed);
}

#[inline]
pub fn clear(bit: u32) {
    EVAL_BREAKER.fetch_and(!bit, Ordering::Relaxed);
}

/// Clear `bit` and say whether it was set.
#[inline]
pub fn take(bit: u32) -> bool {
    EVAL_BREAKER.fetch_and(!bit, Ordering::Relaxed) & bit != 0
}

/// Route SIGINT to the eval loop (the `pyrite` binary does this at start-up, as
/// CPython installs `signal.default_int_handler`; embedders keep their own handlers).
pub fn install_sigint_handler() -> std::io::Result<()> {
    // SAFETY: the action only performs an atomic fetch_or on a static, which is
    // async-signal-safe: it neither allocates nor takes locks.
    unsafe {
        signal_hook::low_level::register(signal_hook::consts::SIGINT, || set(SIGINT))?;
    }
    Ok(())
}
