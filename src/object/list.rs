//! `list` payload: a growable vector of references.

use super::builtin_types::LIST_TYPE;
use super::handle::{Payload, PyRef};
use super::typeobj::Layout;
use std::cell::RefCell;

pub struct ListData {
    pub items: RefCell<Vec<PyRef>>,
}

impl Payload for ListData {
    const LAYOUT: Layout = Layout::List;
}

impl Drop for ListData {
    /// Release items last to first, as CPython's `list_dealloc` does.
    fn drop(&mut self) {
        let items = self.items.get_mut();
        while let Some(x) = items.pop() {
            drop(x);
        }
    }
}

pub fn new_list(items: Vec<PyRef>) -> PyRef {
    super::alloc(
        &LIST_TYPE,
        ListData {
            items: RefCell::new(items),
        },
    )
}

#[inline(always)]
pub fn as_list(x: &PyRef) -> Option<&ListData> {
    x.downcast::<ListData>()
}

impl ListData {
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    pub fn get(&self, i: usize) -> Option<PyRef> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, x: PyRef) {
        self.items.borrow_mut().push(x);
    }

    /// [`push`](Self::push), or `Err` (nothing appended, `x` dropped) when the
    /// buffer cannot grow: `append` and comprehensions raise `MemoryError`.
    pub fn try_push(&self, x: PyRef) -> Result<(), super::NoMemory> {
        let mut items = self.items.borrow_mut();
        items.try_reserve(1).map_err(|_| super::NoMemory)?;
        items.push(x);
        Ok(())
    }

    /// A snapshot of the items (so Python code can run while iterating).
    pub fn to_vec(&self) -> Vec<PyRef> {
        self.items.borrow().clone()
    }

    /// Replace item `i`, dropping the old value after the borrow ends.
    pub fn set(&self, i: usize, x: PyRef) -> bool {
        let old = {
            let mut items = self.items.borrow_mut();
            match items.get_mut(i) {
                Some(slot) => std::mem::replace(slot, x),
                None => return false,
            }
        };
        drop(old);
        true
    }

    /// Replace all items, releasing the old ones last to first (as `list.clear`
    /// does) after the borrow ends.
    pub fn replace_all(&self, new_items: Vec<PyRef>) {
        let old = std::mem::replace(&mut *self.items.borrow_mut(), new_items);
        for x in old.into_iter().rev() {
            drop(x);
        }
    }
}
