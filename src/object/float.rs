//! `float` payload: an IEEE-754 double.

use super::builtin_types::FLOAT_TYPE;
use super::handle::{Payload, PyRef};
use super::typeobj::Layout;

pub struct FloatData(pub f64);

impl Payload for FloatData {
    const LAYOUT: Layout = Layout::Float;
}

pub fn new_float(v: f64) -> PyRef {
    super::alloc(&FLOAT_TYPE, FloatData(v))
}

#[inline(always)]
pub fn float_value(x: &PyRef) -> Option<f64> {
    x.downcast::<FloatData>().map(|d| d.0)
}
