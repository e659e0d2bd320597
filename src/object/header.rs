//! The object header and the in-memory layout of every heap object.
//!
//! Every Python value is a pointer to an [`ObjHeader`] `{ refcount, type }`, followed by
//! the type's payload (`PyObject<T>`), or for variable-size objects (tuples, strings) by
//! a fixed head, a length and the inline items (`VarObject<H, I>`). Types whose
//! instances can take part in reference cycles (`HAVE_GC`) get a [`GcHead`] of two words
//! *before* the header, as CPython's `PyGC_Head`; the object pointer always points at
//! the header.
//!
//! Invariants:
//! - refcounts are plain integers touched only by the thread holding the GIL;
//! - `ty` points at a live type object for the whole life of the object; for heap types
//!   the object owns one reference to its type, released after the payload is dropped;
//! - static objects (builtin types, `None`, `True`, …) start with [`IMMORTAL_REFCNT`] so
//!   they are never freed.

use super::typeobj::TypeObject;
use std::cell::Cell;
use std::ptr::NonNull;

/// Starting refcount of static objects: large enough never to reach zero.
pub const IMMORTAL_REFCNT: usize = 1 << 60;

/// `{ refcount, type }`: the first two words of every object.
#[repr(C)]
pub struct ObjHeader {
    pub(crate) refcnt: Cell<usize>,
    pub(crate) ty: Cell<*const TypeObject>,
}

// SAFETY: headers are only read or written by the thread holding the GIL, which
// serialises every access; statics need `Sync` to exist at all.
unsafe impl Sync for ObjHeader {}

impl ObjHeader {
    /// A header for a static object of type `ty`.
    pub const fn new_static(ty: &'static TypeObject) -> ObjHeader {
        ObjHeader {
            refcnt: Cell::new(IMMORTAL_REFCNT),
            ty: Cell::new(ty as *const TypeObject),
        }
    }

    pub fn refcount(&self) -> usize {
        self.refcnt.get()
    }

    /// The object's type.
    pub fn ty(&self) -> &TypeObject {
        // SAFETY: `ty` always points at a live type object (module invariant): a heap
        // object owns a reference to its heap type, and static types never die.
        unsafe { &*self.ty.get() }
    }
}

/// The cycle collector's links, placed immediately before the header of GC-tracked
/// objects. Zeroed links mean "untracked".
#[repr(C)]
pub struct GcHead {
    pub next: Cell<*const GcHead>,
    pub prev: Cell<usize>,
}

/// Size of the GC prefix in bytes.
pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

/// A fixed-size object: header then payload.
#[repr(C)]
pub struct PyObject<T> {
    pub header: ObjHeader,
    pub payload: T,
}

/// A variable-size object: header, fixed head, item count, then `len` inline items.
#[repr(C)]
pub struct VarObject<H, I> {
    pub header: ObjHeader,
    pub head: H,
    pub len: usize,
    pub items: [I; 0],
}

impl<H, I> VarObject<H, I> {
    /// Bytes needed for an object with `len` items (excluding any GC prefix).
    pub const fn size_for(len: usize) -> usize {
        std::mem::size_of::<VarObject<H, I>>() + len * std::mem::size_of::<I>()
    }
}

/// Raw object pointer, as stored in handles.
pub type ObjPtr = NonNull<ObjHeader>;
