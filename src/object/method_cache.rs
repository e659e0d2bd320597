//! The type attribute cache (CPython's `_PyType_Lookup` cache): a direct-mapped table
//! from (type, attribute name) to the result of the MRO walk.
//!
//! Entries own references to the type, the name and the value, so no cached address can
//! be freed and reused while the entry lives; any change to a type's namespace empties
//! the whole table ([`invalidate`]), which also releases replaced values at once (so a
//! replaced class attribute's `__del__` is not delayed). Only the GIL holder touches it.

use super::gilstatic::GilStatic;
use super::handle::PyRef;

const SIZE: usize = 4096;

struct Entry {
    ty: PyRef,
    name: PyRef,
    value: Option<PyRef>,
}

static CACHE: GilStatic<Vec<Option<Entry>>> = GilStatic::new(Vec::new());

#[inline(always)]
fn slot(ty: usize, name: usize) -> usize {
    ((ty >> 4) ^ (name >> 4).wrapping_mul(0x9E37_79B9)) % SIZE
}

/// The cached lookup result for `(ty, name)`: `Some(result)` on a hit.
#[inline]
pub fn get(ty: &PyRef, name: &PyRef) -> Option<Option<PyRef>> {
    let i = slot(ty.addr(), name.addr());
    CACHE.with(|c| match c.get(i) {
        Some(Some(e)) if e.ty.is(ty) && e.name.is(name) => Some(e.value.clone()),
        _ => None,
    })
}

/// Remember a lookup result.
#[inline]
pub fn put(ty: &PyRef, name: &PyRef, value: &Option<PyRef>) {
    let i = slot(ty.addr(), name.addr());
    let old = CACHE.with(|c| {
        if c.is_empty() {
            c.resize_with(SIZE, || None);
        }
        c[i].replace(Entry {
            ty: ty.clone(),
            name: name.clone(),
            value: value.clone(),
        })
    });
    drop(old);
}

/// Forget everything (a type's namespace changed, or the runtime is shutting down).
pub fn invalidate() {
    let old = CACHE.take();
    drop(old);
}
