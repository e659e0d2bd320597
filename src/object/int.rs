//! `int` (and `bool`) payload: arbitrary precision with a machine-word fast path.
//!
//! Invariant: `IntValue::Big` is used only for values outside `i64`, so equal values
//! have equal representations and the fast path can compare `Small` directly.

use super::builtin_types::INT_TYPE;
use super::handle::{Payload, PyRef};
use super::singletons::small_int;
use super::typeobj::Layout;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntValue {
    Small(i64),
    Big(BigInt),
}

pub struct IntData(pub IntValue);

impl Payload for IntData {
    const LAYOUT: Layout = Layout::Int;
}

impl IntValue {
    /// Normalise a big value into `Small` when it fits.
    pub fn from_big(b: BigInt) -> IntValue {
        match b.to_i64() {
            Some(v) => IntValue::Small(v),
            None => IntValue::Big(b),
        }
    }

    pub fn to_big(&self) -> BigInt {
        match self {
            IntValue::Small(v) => BigInt::from(*v),
            IntValue::Big(b) => b.clone(),
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            IntValue::Small(v) => Some(*v),
            IntValue::Big(_) => None,
        }
    }
}

/// A new `int` object (cached for small values).
#[inline]
pub fn new_int(v: i64) -> PyRef {
    match small_int(v) {
        Some(r) => r,
        None => super::alloc(&INT_TYPE, IntData(IntValue::Small(v))),
    }
}

pub fn new_bigint(b: BigInt) -> PyRef {
    match IntValue::from_big(b) {
        IntValue::Small(v) => new_int(v),
        big => super::alloc(&INT_TYPE, IntData(big)),
    }
}

pub fn new_int_value(v: IntValue) -> PyRef {
    match v {
        IntValue::Small(v) => new_int(v),
        IntValue::Big(b) => new_bigint(b),
    }
}

/// The int value of an `int`/`bool` (or subclass) object.
#[inline(always)]
pub fn int_value(x: &PyRef) -> Option<&IntValue> {
    x.downcast::<IntData>().map(|d| &d.0)
}

/// The value of an int object that fits in an `i64`.
#[inline(always)]
pub fn as_small_int(x: &PyRef) -> Option<i64> {
    match x.downcast::<IntData>() {
        Some(IntData(IntValue::Small(v))) => Some(*v),
        _ => None,
    }
}
