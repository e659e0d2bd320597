//! The payload shared by every native iterator type (list, tuple, str, range, dict and
//! set iterators, `enumerate`, `zip`, `map`, `filter`, `reversed`, the sequence and
//! callable iterators). The type object tells which kind it is; the state enum holds
//! its position.

use super::handle::{Payload, PyRef};
use super::typeobj::Layout;
use num_bigint::BigInt;
use std::cell::RefCell;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// list, tuple or str, walked forward by index.
    Seq {
        seq: PyRef,
        index: usize,
    },
    /// list walked backwards (`reversed(list)`); `index` is the next position + 1.
    SeqRev {
        seq: PyRef,
        index: usize,
    },
    /// A range whose elements fit in `i64` (every `Small` range, see
    /// [`super::misc::RangeData`]): the hot `for i in range(n)` loop.
    Range {
        next: i64,
        step: i64,
        remaining: usize,
    },
    /// A `Big` range: arbitrary-precision position, step and count.
    BigRange(Box<BigRangeIter>),
    /// Forward: `pos` is the next entry index to look at. Reverse (`reversed(d)`):
    /// entries below `pos` remain, examined downwards.
    Dict {
        dict: PyRef,
        pos: usize,
        kind: DictIterKind,
        version: u64,
        len: usize,
        reverse: bool,
    },
    Set {
        set: PyRef,
        pos: usize,
        version: u64,
        len: usize,
    },
    /// The old `__getitem__` protocol: `obj[0]`, `obj[1]`, … until IndexError.
    GetItem {
        obj: PyRef,
        index: usize,
    },
    Callable {
        func: PyRef,
        sentinel: PyRef,
    },
    /// `count` becomes a big int past `i64::MAX`, as CPython's counter does.
    Enumerate {
        iter: PyRef,
        count: super::int::IntValue,
    },
    /// `strict`: `zip(..., strict=True)`, which raises if the lengths differ.
    Zip {
        iters: Vec<PyRef>,
        strict: bool,
    },
    Map {
        func: PyRef,
        iters: Vec<PyRef>,
    },
    /// `func` None means "keep truthy items".
    Filter {
        func: Option<PyRef>,
        iter: PyRef,
    },
    Exhausted,
}

/// The state of an iterator over a range with a bound or step outside `i64`.
pub struct BigRangeIter {
    pub next: BigInt,
    pub step: BigInt,
    pub remaining: BigInt,
}

pub struct IterData {
    pub state: RefCell<IterState>,
}

impl Payload for IterData {
    const LAYOUT: Layout = Layout::Iterator;
}

pub fn new_iter(ty: &super::TypeObject, state: IterState) -> PyRef {
    super::alloc(
        ty,
        IterData {
            state: RefCell::new(state),
        },
    )
}

/// A forward iterator of type `ty` over sequence `seq` (list, tuple and str iterators).
pub fn new_seq_iter(ty: &super::TypeObject, seq: &PyRef) -> PyRef {
    new_iter(
        ty,
        IterState::Seq {
            seq: seq.clone(),
            index: 0,
        },
    )
}
