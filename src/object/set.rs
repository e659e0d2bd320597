//! `set` and `frozenset` payload: a [`SetTable`] laid out as CPython lays it out.

use super::builtin_types::{FROZENSET_TYPE, SET_TYPE};
use super::handle::{Payload, PyRef};
use super::set_table::SetTable;
use super::typeobj::Layout;
use std::cell::{Cell, RefCell};

pub struct SetData {
    pub table: RefCell<SetTable>,
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
        table: RefCell::new(SetTable::default()),
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

/// The frozenset constant of a set display, laid out as CPython's: built from the
/// items in source order, then rebuilt from that set's iteration order (the compiler's
/// constant merging does this in CPython). Items are constants, so hashing and
/// equality need no Python code; equal items keep the first.
pub fn new_constant_frozenset(items: Vec<PyRef>) -> PyRef {
    let mut first = SetTable::default();
    for key in items {
        let Some(hash) = super::dict::native_hash(&key) else {
            continue;
        };
        if matches!(first.probe(hash, &key), super::dict::Probe::Missing) {
            first.insert_new(hash, key);
        }
    }
    let mut table = SetTable::default();
    for i in 0..first.capacity_used() {
        if let Some(e) = first.entry(i) {
            table.insert_new(e.hash, e.key.clone());
        }
    }
    super::alloc(
        &FROZENSET_TYPE,
        SetData {
            table: RefCell::new(table),
            version: Cell::new(0),
        },
    )
}
