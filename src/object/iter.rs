//! The payload shared by every native iterator type (list, tuple, str, range, dict and
//! set iterators, `enumerate`, `zip`, `map`, `filter`, `reversed`, the sequence and
//! callable iterators). The type object tells which kind it is; the state enum holds
//! its position.

use super::handle::{Payload, PyRef};
use super::typeobj::Layout;
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
    Range {
        next: i64,
        step: i64,
        remaining: usize,
    },
    Dict {
        dict: PyRef,
        pos: usize,
        kind: DictIterKind,
        version: u64,
        len: usize,
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
    Enumerate {
        iter: PyRef,
        count: i64,
    },
    Zip {
        iters: Vec<PyRef>,
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
