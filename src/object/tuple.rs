//! `tuple` payload: an immutable array of references stored inline after the header.
//!
//! Items are released last to first when the tuple dies, as in CPython.

use super::builtin_types::TUPLE_TYPE;
use super::gilstatic::GilStatic;
use super::handle::{PyRef, alloc_var};
use super::typeobj::{Layout, TypeObject};

static EMPTY: GilStatic<Option<PyRef>> = GilStatic::new(None);

/// A new tuple of `items` (the empty tuple is a shared singleton).
pub fn new_tuple(items: Vec<PyRef>) -> PyRef {
    if items.is_empty() {
        if let Some(e) = EMPTY.with(|e| e.clone()) {
            return e;
        }
        let e = alloc_var(&TUPLE_TYPE, (), std::iter::empty::<PyRef>());
        EMPTY.with(|slot| *slot = Some(e.clone()));
        return e;
    }
    alloc_var(&TUPLE_TYPE, (), items.into_iter())
}

/// A new tuple (possibly of a tuple subclass) from a slice of references.
pub fn new_tuple_of_type(ty: &TypeObject, items: &[PyRef]) -> PyRef {
    alloc_var(ty, (), items.iter().cloned())
}

pub fn tuple_from_slice(items: &[PyRef]) -> PyRef {
    if items.is_empty() {
        return new_tuple(Vec::new());
    }
    alloc_var(&TUPLE_TYPE, (), items.iter().cloned())
}

/// The items of a tuple (or tuple subclass instance).
#[inline(always)]
pub fn as_tuple(x: &PyRef) -> Option<&[PyRef]> {
    x.var_parts::<(), PyRef>(Layout::Tuple)
        .map(|(_, items)| items)
}

/// The items of an object known to be a tuple (empty if not: a VM bug).
#[inline(always)]
pub fn tuple_items(x: &PyRef) -> &[PyRef] {
    as_tuple(x).unwrap_or(&[])
}

/// Release the empty-tuple singleton (runtime finalisation).
pub fn clear_empty_tuple() {
    drop(EMPTY.take());
}

pub(crate) const DEALLOC: super::typeobj::DeallocFn = super::handle::dealloc_var::<(), PyRef>;
