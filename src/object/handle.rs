//! `PyRef`: the one-word strong reference to a heap object, and object allocation and
//! deallocation.
//!
//! `Clone` increments the refcount, `Drop` decrements it and frees the object the moment
//! it reaches zero. Deallocation runs the type's `dealloc` slot inside a *trashcan*: past
//! [`TRASHCAN_DEPTH`] nested deallocations, objects are parked on a per-thread list and
//! freed by the outermost deallocation, so freeing a million-deep nested list needs no
//! deep native recursion. Objects whose type has a finalizer (`__del__`) are not freed at
//! zero: they are queued on the pending-finalizer list and the eval loop runs their
//! `__del__` at the next instruction boundary (see `object::finalize`).
//!
//! Handles are neither `Send` nor `Sync`: only the thread holding the GIL touches
//! objects. This file and `header.rs`/`typeobj.rs` hold the object layer's `unsafe`.

use super::header::{GC_HEAD_SIZE, GcHead, ObjHeader, ObjPtr, PyObject, VarObject};
use super::typeobj::{Layout, TypeObject, flags};
use crate::memory;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Nested deallocations allowed before further ones are deferred (CPython: 50).
pub const TRASHCAN_DEPTH: usize = 50;

/// A strong reference to a Python object.
#[repr(transparent)]
pub struct PyRef {
    ptr: ObjPtr,
    _not_send: PhantomData<*const ()>,
}

/// Implemented by every fixed-size payload type: names the layout that a type object
/// must declare for its instances to hold this payload.
pub trait Payload: Sized + 'static {
    const LAYOUT: Layout;
}

impl PyRef {
    /// Take over one reference already counted for `ptr`.
    ///
    /// # Safety
    /// `ptr` must point at a live object and the caller must own the reference it hands over.
    pub(crate) unsafe fn from_raw(ptr: ObjPtr) -> PyRef {
        PyRef {
            ptr,
            _not_send: PhantomData,
        }
    }

    /// A new reference to a static (immortal) object.
    pub fn from_static(header: &'static ObjHeader) -> PyRef {
        header.refcnt.set(header.refcnt.get() + 1);
        PyRef {
            ptr: NonNull::from(header),
            _not_send: PhantomData,
        }
    }

    /// A new reference to a type object.
    pub fn from_type(ty: &TypeObject) -> PyRef {
        let header = &ty.header;
        header.refcnt.set(header.refcnt.get() + 1);
        PyRef {
            ptr: NonNull::from(header),
            _not_send: PhantomData,
        }
    }

    /// Give up the reference without decrementing it.
    pub(crate) fn into_raw(self) -> ObjPtr {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    #[inline(always)]
    pub fn header(&self) -> &ObjHeader {
        // SAFETY: a handle keeps its object alive, so the header is valid for `&self`.
        unsafe { self.ptr.as_ref() }
    }

    #[inline(always)]
    pub fn ty(&self) -> &TypeObject {
        self.header().ty()
    }

    /// A new reference to the object's type.
    pub fn type_ref(&self) -> PyRef {
        PyRef::from_type(self.ty())
    }

    #[inline(always)]
    pub fn refcount(&self) -> usize {
        self.header().refcnt.get()
    }

    /// The object's identity (`id()`): its address.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// `a is b`.
    #[inline(always)]
    pub fn is(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }

    /// Whether the object's type is exactly `ty` (no subclass).
    #[inline(always)]
    pub fn is_exact(&self, ty: &TypeObject) -> bool {
        std::ptr::eq(self.header().ty.get(), ty)
    }

    /// The payload, if the object's layout holds a `T`.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        if self.ty().layout == T::LAYOUT {
            // SAFETY: every object of a type with layout `T::LAYOUT` was allocated as a
            // `PyObject<T>` (see `alloc`), and the handle keeps it alive for `&self`.
            Some(unsafe { &(*(self.ptr.as_ptr() as *const PyObject<T>)).payload })
        } else {
            None
        }
    }

    /// Items of a variable-size object with layout `layout`, head `H` and items `I`.
    #[inline(always)]
    pub(crate) fn var_parts<H, I>(&self, layout: Layout) -> Option<(&H, &[I])> {
        if self.ty().layout == layout {
            let p = self.ptr.as_ptr() as *const VarObject<H, I>;
            // SAFETY: objects of this layout are allocated by `alloc_var::<H, I>` with
            // `len` initialised items following the head; the handle keeps them alive.
            unsafe {
                let len = (*p).len;
                let items = std::ptr::addr_of!((*p).items) as *const I;
                Some((&(*p).head, std::slice::from_raw_parts(items, len)))
            }
        } else {
            None
        }
    }

    /// The finalized flag of a GC object (PEP 442: `__del__` runs at most once).
    pub fn gc_head(&self) -> Option<&GcHead> {
        let static_type = self.ty().layout == Layout::Type
            && !super::typeobj::try_type(self).is_some_and(|t| t.has_flag(flags::HEAPTYPE));
        if self.ty().has_flag(flags::HAVE_GC) && !static_type {
            // SAFETY: objects of HAVE_GC types are allocated with a GcHead right before
            // the header (see `alloc_raw`).
            Some(unsafe { &*((self.ptr.as_ptr() as *const u8).sub(GC_HEAD_SIZE) as *const GcHead) })
        } else {
            None
        }
    }

    /// Change the object's class (`obj.__class__ = C`), for compatible layouts only.
    pub fn set_type(&self, ty: PyRef) {
        let new_ty = ty.into_raw().as_ptr() as *const TypeObject;
        let old = self.header().ty.replace(new_ty);
        // SAFETY: the object owned a reference to its old type if that type is a heap
        // type; static types are immortal so dropping a reference to them is harmless.
        drop(unsafe { PyRef::from_raw(NonNull::new_unchecked(old as *mut ObjHeader)) });
    }
}

impl Clone for PyRef {
    #[inline(always)]
    fn clone(&self) -> PyRef {
        let h = self.header();
        h.refcnt.set(h.refcnt.get() + 1);
        PyRef {
            ptr: self.ptr,
            _not_send: PhantomData,
        }
    }
}

impl Drop for PyRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        if n == 0 {
            dealloc(self.ptr);
        }
    }
}

impl fmt::Debug for PyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:#x}>", self.ty().name(), self.addr())
    }
}

/// Allocate `size` bytes of object memory for an instance of `ty`, with a GC prefix when
/// the type needs one, and return the header pointer. The header is initialised (refcount
/// 1, type `ty`, owning a reference to a heap type); the rest is uninitialised.
fn alloc_raw(ty: &TypeObject, size: usize) -> NonNull<u8> {
    let gc = ty.has_flag(flags::HAVE_GC);
    let total = size + if gc { GC_HEAD_SIZE } else { 0 };
    // SAFETY: we hold the GIL (every object operation does); `total` is non-zero.
    let base = unsafe { memory::alloc(total) };
    // SAFETY: `base` is a fresh block of `total` bytes.
    unsafe { init_raw(ty, base, gc) }
}

/// [`alloc_raw`] that reports exhaustion (None) instead of aborting.
fn try_alloc_raw(ty: &TypeObject, size: usize) -> Option<NonNull<u8>> {
    let gc = ty.has_flag(flags::HAVE_GC);
    let total = size.checked_add(if gc { GC_HEAD_SIZE } else { 0 })?;
    // SAFETY: we hold the GIL (every object operation does); `total` is non-zero.
    let base = unsafe { memory::try_alloc(total) }?;
    // SAFETY: `base` is a fresh block of `total` bytes.
    Some(unsafe { init_raw(ty, base, gc) })
}

/// Write the GC head (linked on the tracking list) and the object header into a
/// fresh block; returns the object's address.
///
/// # Safety
/// `base` must be a fresh 16-aligned block large enough for the object, plus the GC
/// head when `gc`.
unsafe fn init_raw(ty: &TypeObject, base: NonNull<u8>, gc: bool) -> NonNull<u8> {
    // SAFETY: per the contract, `base` is fresh, aligned and large enough for the GC
    // head (when `gc`) and the object header written here.
    unsafe {
        let obj = if gc {
            let head = base.as_ptr() as *mut GcHead;
            head.write(GcHead {
                next: Cell::new(std::ptr::null()),
                prev: Cell::new(0),
            });
            super::tracking::link(head);
            base.as_ptr().add(GC_HEAD_SIZE)
        } else {
            base.as_ptr()
        };
        if ty.has_flag(flags::HEAPTYPE) {
            let h = &ty.header;
            h.refcnt.set(h.refcnt.get() + 1);
        }
        (obj as *mut ObjHeader).write(ObjHeader {
            refcnt: Cell::new(1),
            ty: Cell::new(ty as *const TypeObject),
        });
        NonNull::new_unchecked(obj)
    }
}

/// Give back the memory of an object whose payload has been dropped, then release its
/// reference to a heap type.
///
/// # Safety
/// `ptr` must be an object allocated by `alloc_raw` with `size` payload bytes, not used
/// afterwards.
unsafe fn free_raw(ptr: ObjPtr, size: usize) {
    // SAFETY: per the contract, the header is still valid here.
    let ty = unsafe { ptr.as_ref().ty.get() };
    // SAFETY: the type outlives its instances.
    let tyref = unsafe { &*ty };
    let gc = tyref.has_flag(flags::HAVE_GC);
    let heap = tyref.has_flag(flags::HEAPTYPE);
    let (base, total) = if gc {
        // SAFETY: GC objects have their GcHead just before the header, and it is on the
        // tracking list until now.
        let head = unsafe { (ptr.as_ptr() as *mut u8).sub(GC_HEAD_SIZE) };
        // SAFETY: as above.
        unsafe { super::tracking::unlink(head as *const GcHead) };
        (head, size + GC_HEAD_SIZE)
    } else {
        (ptr.as_ptr() as *mut u8, size)
    };
    // SAFETY: `base`/`total` are exactly what `alloc_raw` obtained from the allocator.
    unsafe { memory::free(NonNull::new_unchecked(base), total) };
    if heap {
        // SAFETY: the instance owned one reference to its heap type.
        drop(unsafe { PyRef::from_raw(NonNull::new_unchecked(ty as *mut ObjHeader)) });
    }
}

/// Allocate a fixed-size object of type `ty` holding `payload`.
///
/// Panics (a VM bug, not a user error) if `ty`'s layout does not hold `T`.
pub fn alloc<T: Payload>(ty: &TypeObject, payload: T) -> PyRef {
    assert!(ty.layout == T::LAYOUT, "layout mismatch for {}", ty.name());
    let p = alloc_raw(ty, std::mem::size_of::<PyObject<T>>());
    // SAFETY: the block is large enough for a PyObject<T>; the header is initialised;
    // we initialise the payload in place.
    unsafe {
        let obj = p.as_ptr() as *mut PyObject<T>;
        std::ptr::addr_of_mut!((*obj).payload).write(payload);
        PyRef::from_raw(p.cast())
    }
}

/// Allocate a variable-size object with `head` and the items of `items`.
pub(crate) fn alloc_var<H, I>(
    ty: &TypeObject,
    head: H,
    items: impl ExactSizeIterator<Item = I>,
) -> PyRef {
    let len = items.len();
    let p = alloc_raw(ty, VarObject::<H, I>::size_for(len));
    // SAFETY: the block holds a VarObject<H, I> with room for `len` items; we write the
    // head, then each item, then the length (so a short iterator cannot leave
    // uninitialised items counted).
    unsafe {
        let obj = p.as_ptr() as *mut VarObject<H, I>;
        std::ptr::addr_of_mut!((*obj).head).write(head);
        let base = std::ptr::addr_of_mut!((*obj).items) as *mut I;
        let mut n = 0;
        for item in items.take(len) {
            base.add(n).write(item);
            n += 1;
        }
        std::ptr::addr_of_mut!((*obj).len).write(n);
        PyRef::from_raw(p.cast())
    }
}

/// A new variable-size object of `len` bytes, filled by `fill` (the bytes start
/// zeroed), with the head `head` computes from them, or None when memory is exhausted: for objects whose size a program
/// controls (strings), built in place once.
pub(crate) fn try_alloc_bytes<H>(
    ty: &TypeObject,
    len: usize,
    fill: impl FnOnce(&mut [u8]),
    head: impl FnOnce(&[u8]) -> H,
) -> Option<PyRef> {
    let size = std::mem::size_of::<VarObject<H, u8>>().checked_add(len)?;
    let p = try_alloc_raw(ty, size)?;
    // SAFETY: the block holds a VarObject<H, u8> with room for `len` bytes: we zero
    // the bytes (so `fill` sees initialised memory), let `fill` write them, write the
    // head computed from them, then set the length.
    unsafe {
        let obj = p.as_ptr() as *mut VarObject<H, u8>;
        let base = std::ptr::addr_of_mut!((*obj).items) as *mut u8;
        base.write_bytes(0, len);
        fill(std::slice::from_raw_parts_mut(base, len));
        std::ptr::addr_of_mut!((*obj).head).write(head(std::slice::from_raw_parts(base, len)));
        std::ptr::addr_of_mut!((*obj).len).write(len);
        Some(PyRef::from_raw(p.cast()))
    }
}

/// The `dealloc` slot for fixed-size payloads: drop the payload, free the memory.
///
/// # Safety
/// `ptr` must be an object of layout `T::LAYOUT` whose refcount reached zero.
pub(crate) unsafe fn dealloc_fixed<T: Payload>(ptr: ObjPtr) {
    // SAFETY: per the contract the object holds an initialised `PyObject<T>`.
    unsafe {
        let obj = ptr.as_ptr() as *mut PyObject<T>;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*obj).payload));
        free_raw(ptr, std::mem::size_of::<PyObject<T>>());
    }
}

/// The `dealloc` slot for variable-size objects: drop the items last to first (as
/// CPython's tuples do), then the head, then free the memory.
///
/// # Safety
/// `ptr` must be a `VarObject<H, I>` allocated by `alloc_var` whose refcount reached zero.
pub(crate) unsafe fn dealloc_var<H, I>(ptr: ObjPtr) {
    // SAFETY: per the contract the object holds `len` initialised items and a head.
    unsafe {
        let obj = ptr.as_ptr() as *mut VarObject<H, I>;
        let len = (*obj).len;
        let base = std::ptr::addr_of_mut!((*obj).items) as *mut I;
        for i in (0..len).rev() {
            std::ptr::drop_in_place(base.add(i));
        }
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*obj).head));
        free_raw(ptr, VarObject::<H, I>::size_for(len));
    }
}

thread_local! {
    static TRASH_DEPTH: Cell<usize> = const { Cell::new(0) };
    static DELETE_LATER: RefCell<Vec<ObjPtr>> = const { RefCell::new(Vec::new()) };
}

/// Free an object whose refcount just reached zero (the trashcan lives here).
fn dealloc(ptr: ObjPtr) {
    // SAFETY: the refcount reached zero, so nobody else references the object; its
    // header and type are still valid.
    let ty = unsafe { ptr.as_ref().ty() };
    if ty.has_flag(flags::HAS_FINALIZER) && super::finalize::wants_finalizer(ptr) {
        super::finalize::queue(ptr);
        return;
    }
    let depth = TRASH_DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_DEPTH {
        DELETE_LATER.with(|l| l.borrow_mut().push(ptr));
        return;
    }
    TRASH_DEPTH.with(|d| d.set(depth + 1));
    let slot = ty.dealloc.get();
    // SAFETY: the type's dealloc slot matches the layout the object was allocated with.
    unsafe { slot(ptr) };
    TRASH_DEPTH.with(|d| d.set(depth));
    if depth == 0 {
        while let Some(p) = DELETE_LATER.with(|l| l.borrow_mut().pop()) {
            TRASH_DEPTH.with(|d| d.set(1));
            // SAFETY: parked objects had reached refcount zero and were not freed yet.
            let slot = unsafe { p.as_ref().ty().dealloc.get() };
            // SAFETY: as above, the slot matches the object's layout.
            unsafe { slot(p) };
            TRASH_DEPTH.with(|d| d.set(0));
        }
    }
}

/// Revive an object whose refcount reached zero (pending finalizers) into a handle.
///
/// # Safety
/// `ptr` must have been queued by `dealloc` and not freed.
pub(crate) unsafe fn revive(ptr: ObjPtr) -> PyRef {
    // SAFETY: per the contract the object is intact with refcount zero.
    unsafe {
        ptr.as_ref().refcnt.set(1);
        PyRef::from_raw(ptr)
    }
}
