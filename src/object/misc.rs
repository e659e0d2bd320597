//! Small payloads: `range`, `slice`, `super`, tracebacks, user-class instances and dict
//! views.

use super::handle::{Payload, PyRef};
use super::typeobj::Layout;
use std::cell::RefCell;

/// `range(start, stop, step)` over machine-size ints (step != 0).
pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Payload for RangeData {
    const LAYOUT: Layout = Layout::Range;
}

impl RangeData {
    pub fn len(&self) -> usize {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start + step - 1) / step
        } else if step < 0 && start > stop {
            (start - stop - step - 1) / (-step)
        } else {
            0
        };
        n.min(usize::MAX as i128) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The i-th element (0 <= i < len).
    pub fn item(&self, i: usize) -> i64 {
        self.start + (i as i64) * self.step
    }
}

pub struct SliceData {
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

impl Payload for SliceData {
    const LAYOUT: Layout = Layout::Slice;
}

/// `super(type, obj)`: attribute lookup starts after `ty` in `obj_type`'s MRO.
pub struct SuperData {
    pub ty: PyRef,
    pub obj: Option<PyRef>,
    pub obj_type: Option<PyRef>,
}

impl Payload for SuperData {
    const LAYOUT: Layout = Layout::Super;
}

/// One traceback entry: where a frame was when the exception passed through it.
pub struct TracebackData {
    pub next: RefCell<Option<PyRef>>,
    /// The code object of the frame.
    pub code: PyRef,
    /// Index of the code unit that was executing.
    pub lasti: usize,
    pub lineno: u32,
}

impl Payload for TracebackData {
    const LAYOUT: Layout = Layout::Traceback;
}

/// An instance of a user class whose solid base is `object`.
pub struct InstanceData {
    pub dict: RefCell<Option<PyRef>>,
}

impl Payload for InstanceData {
    const LAYOUT: Layout = Layout::Instance;
}

/// `dict.keys()` / `values()` / `items()`: a live view of a dict.
pub struct DictViewData {
    pub dict: PyRef,
}

impl Payload for DictViewData {
    const LAYOUT: Layout = Layout::DictView;
}
