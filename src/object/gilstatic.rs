//! `GilStatic<T>`: process-global runtime state guarded by the GIL.
//!
//! The interned-string table, the small-int cache and similar runtime singletons are
//! shared by every thread but only touched by the thread holding the GIL. This wrapper
//! makes such a `RefCell` usable in a `static`.

use std::cell::RefCell;

pub struct GilStatic<T>(RefCell<T>);

// SAFETY: every access happens with the GIL held, which serialises all threads; the
// RefCell catches re-entrant misuse on the holding thread.
unsafe impl<T> Sync for GilStatic<T> {}

impl<T> GilStatic<T> {
    pub const fn new(value: T) -> GilStatic<T> {
        GilStatic(RefCell::new(value))
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }

    /// Like [`GilStatic::with`], but None instead of a panic when the value is
    /// already borrowed (for the fatal-error path, which may run inside `with`).
    pub fn try_with<R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.0.try_borrow_mut().ok().map(|mut v| f(&mut v))
    }

    /// Swap the value out (used at finalisation to drop the contents outside the borrow).
    pub fn take(&self) -> T
    where
        T: Default,
    {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}
