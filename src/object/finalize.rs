//! Pending finalizers: objects whose type defines `__del__` and whose refcount reached
//! zero.
//!
//! A drop cannot call into Python (it has no thread state), so the object is parked
//! here instead of being freed, and the eval loop runs `__del__` at the next
//! instruction boundary (`vm::Vm::run_finalizers`) — for the program this looks like
//! CPython's immediate finalisation, in the same order. `__del__` runs at most once
//! per object (PEP 442): the FINALIZED bit in the GC head records it. If the object
//! is still unreferenced afterwards it is freed; if `__del__` resurrected it, it lives on.

use super::gilstatic::GilStatic;
use super::handle::{PyRef, revive};
use super::header::{GcHead, ObjPtr};
use crate::eval_breaker;
use std::collections::VecDeque;

/// Bit 0 of `GcHead::prev`: `__del__` already ran.
pub const FINALIZED: usize = 1;

static PENDING: GilStatic<VecDeque<ObjPtr>> = GilStatic::new(VecDeque::new());

fn gc_head(ptr: ObjPtr) -> Option<&'static GcHead> {
    // SAFETY: `ptr` is an object with refcount zero that nobody else can free while we
    // look at it (we hold the GIL); a transient handle reads its GC head, then is
    // forgotten without touching the count.
    let tmp = std::mem::ManuallyDrop::new(unsafe { PyRef::from_raw(ptr) });
    tmp.gc_head().map(|h| {
        // SAFETY: the GC head lives as long as the object, which outlives this call's use.
        unsafe { &*(h as *const GcHead) }
    })
}

/// Whether the object still needs its `__del__` to run.
pub(crate) fn wants_finalizer(ptr: ObjPtr) -> bool {
    match gc_head(ptr) {
        Some(h) => h.prev.get() & FINALIZED == 0,
        None => false,
    }
}

pub(crate) fn queue(ptr: ObjPtr) {
    PENDING.with(|p| p.push_back(ptr));
    eval_breaker::set(eval_breaker::FINALIZERS);
}

/// Whether a live object's `__del__` has not run yet.
pub fn still_to_finalize(obj: &PyRef) -> bool {
    obj.gc_head().is_some_and(|h| h.prev.get() & FINALIZED == 0)
}

/// Mark a live object's `__del__` as run; false if it already was (or the object has
/// no GC head, so no finalizer).
pub fn mark_finalized(obj: &PyRef) -> bool {
    match obj.gc_head() {
        Some(h) if h.prev.get() & FINALIZED == 0 => {
            h.prev.set(h.prev.get() | FINALIZED);
            true
        }
        _ => false,
    }
}

/// Take the next object whose finalizer should run, marked finalized, as a live handle.
pub fn next_pending() -> Option<PyRef> {
    let ptr = PENDING.with(|p| p.pop_front());
    match ptr {
        Some(ptr) => {
            if let Some(h) = gc_head(ptr) {
                h.prev.set(h.prev.get() | FINALIZED);
            }
            // SAFETY: queued objects have refcount zero and were not freed.
            Some(unsafe { revive(ptr) })
        }
        None => {
            eval_breaker::clear(eval_breaker::FINALIZERS);
            None
        }
    }
}

/// Free every object still waiting for its finalizer without running it (final
/// teardown, when no thread state exists any more).
pub fn discard_pending() {
    while let Some(obj) = next_pending() {
        drop(obj);
    }
}
