//! `dict` payload: an insertion-ordered hash table (CPython's compact dict design).
//!
//! Entries live in insertion order in `entries` (deleted ones become `None` until the
//! next compaction); `index` is a hashbrown `HashTable` of positions into `entries`,
//! keyed by the Python hash. Key equality that needs Python code (`__eq__` of user
//! objects) cannot run inside the table's probe, so lookups report such candidates and
//! the caller (builtins, which has the VM) compares them outside any borrow and
//! re-checks the entry afterwards. Sets reuse the same table with `None` values.
//!
//! Invariants: `used` counts the `Some` entries; every `Some` entry has exactly one
//! index slot holding its position; an entry's `hash` is its key's Python hash.

use super::builtin_types::DICT_TYPE;
use super::float::FloatData;
use super::handle::{Payload, PyRef};
use super::int::{IntData, IntValue};
use super::typeobj::Layout;
use hashbrown::HashTable;
use std::cell::{Cell, RefCell};

pub struct Entry {
    pub hash: i64,
    pub key: PyRef,
    pub value: PyRef,
}

#[derive(Default)]
pub struct DictTable {
    entries: Vec<Option<Entry>>,
    index: HashTable<usize>,
    used: usize,
}

/// Outcome of a lookup that only compares keys natively.
pub enum Probe {
    Found(usize),
    Missing,
    /// Entries with the same hash whose keys need Python `__eq__` to compare.
    NeedsPython(Vec<usize>),
}

#[inline(always)]
fn spread(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Equality of two keys when it can be decided without running Python code: identity,
/// str, int/bool, float and tuples of those. `None` means "ask Python".
pub fn native_eq(a: &PyRef, b: &PyRef) -> Option<bool> {
    native_eq_nested(a, b, 0)
}

/// The hash of a constant-like object (int, bool, float, str, tuple of those, None,
/// Ellipsis) computed without running Python code, as `hash()` gives it.
pub fn native_hash(x: &PyRef) -> Option<i64> {
    if x.ty().has_flag(super::typeobj::flags::HEAPTYPE) {
        return None;
    }
    match x.ty().layout {
        Layout::Int => Some(match &x.downcast::<IntData>()?.0 {
            IntValue::Small(v) => crate::format::hash_i64(*v),
            IntValue::Big(b) => crate::format::hash_int(b),
        }),
        Layout::Float => Some(crate::format::hash_float(x.downcast::<FloatData>()?.0)),
        Layout::Str => Some(super::str::str_hash(x)),
        Layout::Tuple => {
            let hashes: Option<Vec<i64>> = super::tuple::tuple_items(x)
                .iter()
                .map(native_hash)
                .collect();
            Some(crate::format::hash_tuple(&hashes?))
        }
        // `object.__hash__`: the address, rotated.
        Layout::NoneType | Layout::Ellipsis => Some(((x.addr() >> 4) | (x.addr() << 60)) as i64),
        _ => None,
    }
}

/// Tuples nested deeper than this are left to the (recursion-limited) general path.
const NATIVE_EQ_MAX_NESTING: usize = 32;

fn native_eq_nested(a: &PyRef, b: &PyRef, nesting: usize) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let (ta, tb) = (a.ty().layout, b.ty().layout);
    let builtin = |x: &PyRef| !x.ty().has_flag(super::typeobj::flags::HEAPTYPE);
    if !builtin(a) || !builtin(b) {
        return None;
    }
    match (ta, tb) {
        (Layout::Str, Layout::Str) => Some(super::str::str_eq(a, b)),
        (Layout::Int, Layout::Int) => {
            Some(a.downcast::<IntData>()?.0 == b.downcast::<IntData>()?.0)
        }
        (Layout::Float, Layout::Float) => {
            Some(a.downcast::<FloatData>()?.0 == b.downcast::<FloatData>()?.0)
        }
        (Layout::Int, Layout::Float) | (Layout::Float, Layout::Int) => {
            let (i, f) = if ta == Layout::Int { (a, b) } else { (b, a) };
            let f = f.downcast::<FloatData>()?.0;
            Some(match &i.downcast::<IntData>()?.0 {
                IntValue::Small(v) => {
                    (*v as f64) == f
                        && f.fract() == 0.0
                        && f < 9.223_372_036_854_776e18
                        && (f as i64) == *v
                }
                IntValue::Big(bv) => {
                    f.is_finite()
                        && f.fract() == 0.0
                        && crate::format::f64_to_int(f).ok().as_ref() == Some(bv)
                }
            })
        }
        (Layout::Tuple, Layout::Tuple) => {
            let (x, y) = (super::tuple::tuple_items(a), super::tuple::tuple_items(b));
            if x.len() != y.len() {
                return Some(false);
            }
            if nesting >= NATIVE_EQ_MAX_NESTING {
                return None;
            }
            for (p, q) in x.iter().zip(y) {
                match native_eq_nested(p, q, nesting + 1)? {
                    true => {}
                    false => return Some(false),
                }
            }
            Some(true)
        }
        (Layout::NoneType, _) | (_, Layout::NoneType) => Some(false),
        (Layout::Str, Layout::Int | Layout::Float | Layout::Tuple)
        | (Layout::Int | Layout::Float | Layout::Tuple, Layout::Str) => Some(false),
        (Layout::Tuple, Layout::Int | Layout::Float)
        | (Layout::Int | Layout::Float, Layout::Tuple) => Some(false),
        (Layout::Type, Layout::Type) => Some(false),
        _ => None,
    }
}

impl DictTable {
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Number of entry slots (live and deleted); iteration positions range over this.
    pub fn capacity_used(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at position `i`, if any.
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }

    pub fn probe(&self, hash: i64, key: &PyRef) -> Probe {
        let mut needs = Vec::new();
        let entries = &self.entries;
        let found = self.index.find(spread(hash), |&i| {
            let Some(e) = &entries[i] else { return false };
            if e.hash != hash {
                return false;
            }
            match native_eq(&e.key, key) {
                Some(eq) => eq,
                None => {
                    needs.push(i);
                    false
                }
            }
        });
        match found {
            Some(&i) => Probe::Found(i),
            None if needs.is_empty() => Probe::Missing,
            None => Probe::NeedsPython(needs),
        }
    }

    /// Lookup for keys whose equality is native (str names in type and module dicts).
    pub fn get_native(&self, hash: i64, key: &PyRef) -> Option<PyRef> {
        match self.probe(hash, key) {
            Probe::Found(i) => self.entries[i].as_ref().map(|e| e.value.clone()),
            _ => None,
        }
    }

    /// Replace the value at live position `i`, returning the old value.
    pub fn replace_value(&mut self, i: usize, value: PyRef) -> Option<PyRef> {
        let e = self.entries.get_mut(i)?.as_mut()?;
        Some(std::mem::replace(&mut e.value, value))
    }

    /// [`insert_new`](Self::insert_new), growing fallibly first: `Err` (nothing
    /// inserted) when the table cannot grow, which callers raise as `MemoryError`.
    pub fn try_insert_new(
        &mut self,
        hash: i64,
        key: PyRef,
        value: PyRef,
    ) -> Result<(), super::NoMemory> {
        self.entries.try_reserve(1).map_err(|_| super::NoMemory)?;
        let entries = &self.entries;
        self.index
            .try_reserve(1, |&i| {
                entries[i].as_ref().map(|e| spread(e.hash)).unwrap_or(0)
            })
            .map_err(|_| super::NoMemory)?;
        self.insert_new(hash, key, value);
        Ok(())
    }

    /// Append a new entry (the key must not be present).
    pub fn insert_new(&mut self, hash: i64, key: PyRef, value: PyRef) {
        let pos = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index.insert_unique(spread(hash), pos, |&i| {
            entries[i].as_ref().map(|e| spread(e.hash)).unwrap_or(0)
        });
        self.used += 1;
    }

    /// Remove the live entry at position `i` and return it.
    pub fn remove_at(&mut self, i: usize) -> Option<Entry> {
        let hash = self.entries.get(i)?.as_ref()?.hash;
        if let Ok(slot) = self.index.find_entry(spread(hash), |&j| j == i) {
            slot.remove();
        }
        let e = self.entries[i].take();
        self.used -= 1;
        if self.entries.len() > 16 && self.used * 2 < self.entries.len() {
            self.compact();
        }
        e
    }

    /// Drop deleted slots and rebuild the index (positions change: iterators detect
    /// this through the dict's version).
    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        self.used = 0;
        for e in old.into_iter().flatten() {
            self.insert_new(e.hash, e.key, e.value);
        }
    }

    /// Take every entry out (the caller drops them outside any borrow). Allocates
    /// nothing: freeing a dict must work when memory is exhausted.
    pub fn take_all(&mut self) -> std::iter::Flatten<std::vec::IntoIter<Option<Entry>>> {
        self.index.clear();
        self.used = 0;
        std::mem::take(&mut self.entries).into_iter().flatten()
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.entries
            .iter()
            .flatten()
            .map(|e| e.key.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<PyRef> {
        self.entries
            .iter()
            .flatten()
            .map(|e| e.value.clone())
            .collect()
    }

    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.entries
            .iter()
            .flatten()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// The last live entry's position (for `popitem`).
    pub fn last_position(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| e.is_some())
    }
}

pub struct DictData {
    pub table: RefCell<DictTable>,
    /// Bumped on every insertion or deletion, so iterators can detect size changes.
    pub version: Cell<u64>,
}

impl Payload for DictData {
    const LAYOUT: Layout = Layout::Dict;
}

impl Drop for DictData {
    fn drop(&mut self) {
        let entries = self.table.get_mut().take_all();
        drop(entries);
    }
}

pub fn new_dict() -> PyRef {
    super::alloc(
        &DICT_TYPE,
        DictData {
            table: RefCell::new(DictTable::default()),
            version: Cell::new(0),
        },
    )
}

#[inline(always)]
pub fn as_dict(x: &PyRef) -> Option<&DictData> {
    x.downcast::<DictData>()
}

impl DictData {
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Lookup by a str key (native equality only).
    pub fn get_str(&self, key: &PyRef) -> Option<PyRef> {
        let h = super::str::str_hash(key);
        self.table.borrow().get_native(h, key)
    }

    /// Lookup by a Rust string.
    pub fn get_item_str(&self, key: &str) -> Option<PyRef> {
        let k = super::str::intern(key);
        self.get_str(&k)
    }

    /// Insert or replace under a str key (native equality only).
    pub fn set_str(&self, key: PyRef, value: PyRef) {
        let h = super::str::str_hash(&key);
        let old = {
            let mut t = self.table.borrow_mut();
            match t.probe(h, &key) {
                Probe::Found(i) => t.replace_value(i, value),
                _ => {
                    t.insert_new(h, key, value);
                    self.version.set(self.version.get() + 1);
                    None
                }
            }
        };
        drop(old);
    }

    pub fn set_item_str(&self, key: &str, value: PyRef) {
        self.set_str(super::str::intern(key), value);
    }

    /// Remove a str key; returns the old value.
    pub fn del_str(&self, key: &PyRef) -> Option<PyRef> {
        let h = super::str::str_hash(key);
        let removed = {
            let mut t = self.table.borrow_mut();
            match t.probe(h, key) {
                Probe::Found(i) => t.remove_at(i),
                _ => None,
            }
        };
        if removed.is_some() {
            self.version.set(self.version.get() + 1);
        }
        removed.map(|e| e.value)
    }

    /// Remove every entry, dropping them after the borrow ends.
    pub fn clear(&self) {
        let old = self.table.borrow_mut().take_all();
        self.version.set(self.version.get() + 1);
        drop(old);
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.table.borrow().keys()
    }

    pub fn values(&self) -> Vec<PyRef> {
        self.table.borrow().values()
    }

    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.table.borrow().items()
    }
}
