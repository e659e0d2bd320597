//! The list of every live object that can take part in a reference cycle (types with
//! `HAVE_GC`), linked through their `GcHead`s, as CPython's generation lists are.
//!
//! Today it serves interpreter shutdown: [`clear_all`] breaks every cycle by clearing
//! each listed object's references (CPython's `tp_clear`), so the heap can drain to
//! zero blocks. The cycle collector (a later issue) will split this list into
//! generations and find unreachable cycles with `traverse`.
//!
//! Invariants: the list is circular through a static sentinel; every allocated GC object
//! is on it exactly once from allocation until its memory is freed; `GcHead::prev` keeps
//! flag bits in its low 4 bits (heads are 16-aligned), the rest is the previous head.

use super::handle::PyRef;
use super::header::{GC_HEAD_SIZE, GcHead, ObjHeader};
use std::cell::Cell;
use std::ptr::NonNull;

const FLAG_BITS: usize = 0xF;

#[repr(C, align(16))]
struct Sentinel(GcHead);

// SAFETY: the sentinel is only touched with the GIL held (object allocation and freeing).
unsafe impl Sync for Sentinel {}

static LIST: Sentinel = Sentinel(GcHead {
    next: Cell::new(std::ptr::null()),
    prev: Cell::new(0),
});

fn sentinel() -> *const GcHead {
    &LIST.0 as *const GcHead
}

fn prev_of(h: &GcHead) -> *const GcHead {
    (h.prev.get() & !FLAG_BITS) as *const GcHead
}

fn set_prev(h: &GcHead, p: *const GcHead) {
    h.prev.set((p as usize) | (h.prev.get() & FLAG_BITS));
}

/// Link a new object's head at the end of the list.
///
/// # Safety
/// `h` must be the GcHead of a freshly allocated object, not on the list.
pub(crate) unsafe fn link(h: *const GcHead) {
    let s = &LIST.0;
    if s.next.get().is_null() {
        s.next.set(sentinel());
        set_prev(s, sentinel());
    }
    // SAFETY: `h` is valid per the contract; the list's heads are live objects.
    unsafe {
        let last = prev_of(s);
        (*h).next.set(sentinel());
        set_prev(&*h, last);
        (*last).next.set(h);
        set_prev(s, h);
    }
}

/// Unlink an object's head before its memory is freed.
///
/// # Safety
/// `h` must be on the list.
pub(crate) unsafe fn unlink(h: *const GcHead) {
    // SAFETY: `h` and its neighbours are live heads on the list.
    unsafe {
        let prev = prev_of(&*h);
        let next = (*h).next.get();
        (*prev).next.set(next);
        set_prev(&*next, prev);
        (*h).next.set(std::ptr::null());
    }
}

/// New references to every live (refcount > 0) object on the list, oldest first.
pub fn all_objects() -> Vec<PyRef> {
    live_objects_where(|_| true)
}

/// New references to the live objects on the list for which `keep` holds, oldest
/// first. `keep` must not run Python code or free objects (the list is being walked).
pub fn live_objects_where(keep: impl Fn(&PyRef) -> bool) -> Vec<PyRef> {
    let mut out = Vec::new();
    let s = sentinel();
    // SAFETY: walking the circular list of live heads with the GIL held; `keep` only
    // inspects each object through a borrowed handle that is never dropped (so no
    // refcount changes and nothing is unlinked during the walk).
    unsafe {
        let mut cur = (*s).next.get();
        if cur.is_null() {
            return out;
        }
        while cur != s {
            let obj = (cur as *const u8).add(GC_HEAD_SIZE) as *mut ObjHeader;
            let header = &*obj;
            if header.refcnt.get() > 0 {
                let borrowed =
                    std::mem::ManuallyDrop::new(PyRef::from_raw(NonNull::new_unchecked(obj)));
                if keep(&borrowed) {
                    header.refcnt.set(header.refcnt.get() + 1);
                    out.push(PyRef::from_raw(NonNull::new_unchecked(obj)));
                }
            }
            cur = (*cur).next.get();
        }
    }
    out
}

/// Number of objects on the list.
pub fn count() -> usize {
    let s = sentinel();
    let mut n = 0;
    // SAFETY: as in `all_objects`.
    unsafe {
        let mut cur = (*s).next.get();
        if cur.is_null() {
            return 0;
        }
        while cur != s {
            n += 1;
            cur = (*cur).next.get();
        }
    }
    n
}

/// Break every reference cycle by clearing the references each listed object owns
/// through its mutable fields (CPython's `tp_clear`). Every cycle passes through such
/// a field, so afterwards plain reference counting frees everything unreachable.
/// Returns how many objects the list held before.
pub fn clear_all() -> usize {
    super::method_cache::invalidate();
    let objs = all_objects();
    let n = objs.len();
    for o in &objs {
        super::clear::clear_object(o);
    }
    drop(objs);
    n
}
