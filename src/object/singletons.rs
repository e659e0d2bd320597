//! The static singletons `None`, `True`, `False`, `NotImplemented` and `Ellipsis`, and
//! the cache of small ints −5..=256 (so `is` behaves as in CPython).

use super::builtin_types::*;
use super::gilstatic::GilStatic;
use super::handle::{Payload, PyRef};
use super::header::{ObjHeader, PyObject};
use super::int::{IntData, IntValue};
use super::typeobj::Layout;

pub struct NoneData;
impl Payload for NoneData {
    const LAYOUT: Layout = Layout::NoneType;
}
pub struct NotImplementedData;
impl Payload for NotImplementedData {
    const LAYOUT: Layout = Layout::NotImplementedType;
}
pub struct EllipsisData;
impl Payload for EllipsisData {
    const LAYOUT: Layout = Layout::Ellipsis;
}
/// Payload of plain `object()` instances.
pub struct ObjectData;
impl Payload for ObjectData {
    const LAYOUT: Layout = Layout::Object;
}

pub static NONE: PyObject<NoneData> = PyObject {
    header: ObjHeader::new_static(&NONE_TYPE),
    payload: NoneData,
};
pub static NOT_IMPLEMENTED: PyObject<NotImplementedData> = PyObject {
    header: ObjHeader::new_static(&NOTIMPLEMENTED_TYPE),
    payload: NotImplementedData,
};
pub static ELLIPSIS: PyObject<EllipsisData> = PyObject {
    header: ObjHeader::new_static(&ELLIPSIS_TYPE),
    payload: EllipsisData,
};
pub static TRUE: PyObject<IntData> = PyObject {
    header: ObjHeader::new_static(&BOOL_TYPE),
    payload: IntData(IntValue::Small(1)),
};
pub static FALSE: PyObject<IntData> = PyObject {
    header: ObjHeader::new_static(&BOOL_TYPE),
    payload: IntData(IntValue::Small(0)),
};

#[inline(always)]
pub fn none() -> PyRef {
    PyRef::from_static(&NONE.header)
}

#[inline(always)]
pub fn not_implemented() -> PyRef {
    PyRef::from_static(&NOT_IMPLEMENTED.header)
}

pub fn ellipsis() -> PyRef {
    PyRef::from_static(&ELLIPSIS.header)
}

#[inline(always)]
pub fn py_bool(b: bool) -> PyRef {
    if b {
        PyRef::from_static(&TRUE.header)
    } else {
        PyRef::from_static(&FALSE.header)
    }
}

#[inline(always)]
pub fn is_none(x: &PyRef) -> bool {
    std::ptr::eq(x.header(), &NONE.header)
}

#[inline(always)]
pub fn is_not_implemented(x: &PyRef) -> bool {
    std::ptr::eq(x.header(), &NOT_IMPLEMENTED.header)
}

#[inline(always)]
pub fn is_true(x: &PyRef) -> bool {
    std::ptr::eq(x.header(), &TRUE.header)
}

#[inline(always)]
pub fn is_false(x: &PyRef) -> bool {
    std::ptr::eq(x.header(), &FALSE.header)
}

pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

static SMALL_INTS: GilStatic<Vec<PyRef>> = GilStatic::new(Vec::new());

/// The cached object for a small int, if `v` is in −5..=256 and the cache is built.
#[inline(always)]
pub fn small_int(v: i64) -> Option<PyRef> {
    if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
        SMALL_INTS.with(|c| c.get((v - SMALL_INT_MIN) as usize).cloned())
    } else {
        None
    }
}

/// Build the small-int cache (runtime start-up).
pub fn init_small_ints() {
    let ints: Vec<PyRef> = (SMALL_INT_MIN..=SMALL_INT_MAX)
        .map(|v| super::alloc(&INT_TYPE, IntData(IntValue::Small(v))))
        .collect();
    SMALL_INTS.with(|c| *c = ints);
}

/// Release the small-int cache (runtime finalisation).
pub fn clear_small_ints() {
    drop(SMALL_INTS.take());
}
