//! `set` and `frozenset` payload: the dict table with keys only (values are `None`).

use super::builtin_types::{FROZENSET_TYPE, SET_TYPE};
use super::dict::DictTable;
use super::handle::{Payload, PyRef};
use super::typeobj::Layout;
use std::cell::{Cell, RefCell};

pub struct SetData {
    pub table: RefCell<DictTable>,
    pub version: Cell<u64>,
}

impl Payload for SetData {
    const LAYOUT: Layout = Layout::Set;
}

impl Drop for SetData {
    fn drop(&mut self) {
        let entries = self.table.get_mut().take_all();
        drop(entries);
    }
}

fn empty() -> SetData {
    SetData {
        table: RefCell::new(DictTable::default()),
        version: Cell::new(0),
    }
}

pub fn new_set() -> PyRef {
    super::alloc(&SET_TYPE, empty())
}

pub fn new_frozenset() -> PyRef {
    super::alloc(&FROZENSET_TYPE, empty())
}

#[inline(always)]
pub fn as_set(x: &PyRef) -> Option<&SetData> {
    x.downcast::<SetData>()
}

impl SetData {
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.table.borrow().keys()
    }
}
