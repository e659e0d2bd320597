//! The hash table of `set` and `frozenset`, laid out exactly as CPython 3.11's
//! `setobject.c` lays it out, so that iterating a set (and so printing it) visits its
//! keys in CPython's order.
//!
//! Open addressing over a power-of-two slot array: a key's probe sequence starts at
//! `hash & mask`, checks the next `LINEAR_PROBES` slots when they fit, then jumps with
//! `i = i*5 + 1 + (perturb >>= 5)`. Removing a key leaves a dummy slot (reused by a
//! later insertion, never shrunk away); the table grows to hold `used*4` keys when
//! `fill*5 >= mask*3`, reinserting live keys in slot order. Invariants: `used` live
//! slots, `fill` live plus dummy slots, at least one empty slot, `slots.len() ==
//! mask + 1`.
//!
//! Equality that needs Python code is left to the caller ([`SetTable::probe`] returns
//! candidates in probe order), as for dicts.

use super::dict::{Probe, native_eq};
use super::handle::PyRef;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// A live key and its hash.
pub struct SetEntry {
    pub hash: i64,
    pub key: PyRef,
}

enum Slot {
    Empty,
    Dummy,
    Live(SetEntry),
}

/// The live entries of a table taken apart by [`SetTable::take_all`].
pub struct TakenEntries(std::vec::IntoIter<Slot>);

impl Iterator for TakenEntries {
    type Item = SetEntry;

    fn next(&mut self) -> Option<SetEntry> {
        loop {
            match self.0.next()? {
                Slot::Live(e) => return Some(e),
                Slot::Empty | Slot::Dummy => {}
            }
        }
    }
}

pub struct SetTable {
    slots: Vec<Slot>,
    mask: usize,
    fill: usize,
    used: usize,
    /// Where `pop` resumes scanning (CPython's `finger`).
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable::with_size(MIN_SIZE)
    }
}

impl SetTable {
    fn with_size(size: usize) -> SetTable {
        SetTable {
            slots: (0..size).map(|_| Slot::Empty).collect(),
            mask: size - 1,
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// Slot indices for `hash`, each starting slot followed by its linear run.
    fn sequence(&self, hash: i64) -> impl Iterator<Item = usize> + use<> {
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut j = 0usize;
        let mut probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        std::iter::from_fn(move || {
            if j > probes {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
                probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                j = 0;
            }
            let s = i + j;
            j += 1;
            Some(s)
        })
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Number of slots; iteration positions range over this.
    pub fn capacity_used(&self) -> usize {
        self.slots.len()
    }

    /// The live entry in slot `i`, if any.
    pub fn entry(&self, i: usize) -> Option<&SetEntry> {
        match self.slots.get(i) {
            Some(Slot::Live(e)) => Some(e),
            _ => None,
        }
    }

    /// CPython's `set_lookkey`: the slot holding `key`, decided natively where possible.
    pub fn probe(&self, hash: i64, key: &PyRef) -> Probe {
        let mut needs = Vec::new();
        for i in self.sequence(hash) {
            match &self.slots[i] {
                Slot::Empty => break,
                Slot::Dummy => {}
                Slot::Live(e) => {
                    if e.hash != hash {
                        continue;
                    }
                    if e.key.is(key) && needs.is_empty() {
                        return Probe::Found(i);
                    }
                    match native_eq(&e.key, key) {
                        Some(true) if needs.is_empty() => return Probe::Found(i),
                        Some(false) => {}
                        // Python decides, in probe order.
                        _ => needs.push(i),
                    }
                }
            }
        }
        if needs.is_empty() {
            Probe::Missing
        } else {
            Probe::NeedsPython(needs)
        }
    }

    /// CPython's `set_add_entry` for a key known to be absent: the last dummy on its
    /// probe sequence before the empty slot that ends it (as python3 3.11 behaves:
    /// dummies at slots 0, 2 and 4 of one run are refilled 4, 2, 0), else that empty
    /// slot (then grow if too full). Returns false when the table could not grow
    /// (the key is in, the table still valid but fuller: CPython's `MemoryError`
    /// after the insertion).
    pub fn insert_new(&mut self, hash: i64, key: PyRef) -> bool {
        // Earlier growths failed and the table is 80 % full: never fill it (probing
        // needs an empty slot); the key is not inserted.
        if (self.fill + 1) * 5 >= self.mask * 4 && !self.try_resize(self.used * 2) {
            return false;
        }
        let mut freeslot = None;
        let mut empty = 0;
        for i in self.sequence(hash) {
            match &self.slots[i] {
                Slot::Empty => {
                    empty = i;
                    break;
                }
                Slot::Dummy => freeslot = Some(i),
                _ => {}
            }
        }
        self.used += 1;
        if let Some(i) = freeslot {
            self.slots[i] = Slot::Live(SetEntry { hash, key });
            return true;
        }
        self.fill += 1;
        self.slots[empty] = Slot::Live(SetEntry { hash, key });
        if self.fill * 5 >= self.mask * 3 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            return self.try_resize(minused);
        }
        true
    }

    /// CPython's `set_insert_clean`: place a key in a table with no dummies.
    fn insert_clean(&mut self, hash: i64, key: PyRef) {
        let i = self
            .sequence(hash)
            .find(|&i| matches!(self.slots[i], Slot::Empty))
            .unwrap_or(0);
        self.slots[i] = Slot::Live(SetEntry { hash, key });
    }

    /// CPython's `set_table_resize`: the smallest power of two above `minused`, live
    /// keys reinserted in slot order.
    fn resize(&mut self, minused: usize) {
        if !self.try_resize(minused) {
            std::alloc::handle_alloc_error(std::alloc::Layout::new::<Slot>());
        }
    }

    /// [`resize`](Self::resize), or false (the table unchanged) when the new slots
    /// cannot be allocated.
    fn try_resize(&mut self, minused: usize) -> bool {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let mut slots = Vec::new();
        if slots.try_reserve_exact(newsize).is_err() {
            return false;
        }
        slots.extend((0..newsize).map(|_| Slot::Empty));
        let old = std::mem::replace(&mut self.slots, slots);
        self.mask = newsize - 1;
        self.fill = self.used;
        for s in old {
            if let Slot::Live(e) = s {
                self.insert_clean(e.hash, e.key);
            }
        }
        true
    }

    /// Grow first when `incoming` more keys would make the table too full (the
    /// one big resize `set_merge` and dict updates do before inserting).
    pub fn reserve_for(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// CPython's `set_merge` into this table when it is empty: copy `other`'s slots
    /// when the sizes match and `other` has no dummies, else insert its keys cleanly
    /// in slot order. Returns false (doing nothing) when this table is not empty; the
    /// caller then adds the keys one by one.
    pub fn merge_into_empty(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        self.reserve_for(other.used);
        if self.fill != 0 {
            return false;
        }
        if self.mask == other.mask && other.fill == other.used {
            for (dst, src) in self.slots.iter_mut().zip(&other.slots) {
                if let Slot::Live(e) = src {
                    *dst = Slot::Live(SetEntry {
                        hash: e.hash,
                        key: e.key.clone(),
                    });
                }
            }
        } else {
            for s in &other.slots {
                if let Slot::Live(e) = s {
                    self.insert_clean(e.hash, e.key.clone());
                }
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }

    /// Remove the live entry in slot `i`, leaving a dummy.
    pub fn remove_at(&mut self, i: usize) -> Option<SetEntry> {
        if !matches!(self.slots.get(i), Some(Slot::Live(_))) {
            return None;
        }
        self.used -= 1;
        match std::mem::replace(&mut self.slots[i], Slot::Dummy) {
            Slot::Live(e) => Some(e),
            _ => None,
        }
    }

    /// CPython's `set_pop`: the first live slot from the finger on, wrapping around.
    pub fn pop(&mut self) -> Option<SetEntry> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let start = self.finger & self.mask;
        let i = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| matches!(self.slots[i], Slot::Live(_)))?;
        self.finger = i + 1;
        self.remove_at(i)
    }

    /// After a difference update: when more than a quarter of the slots are dummies,
    /// rebuild without them (CPython's `set_difference_update_internal` does this).
    pub fn drop_dummies_if_many(&mut self) {
        if self.fill - self.used > self.mask / 4 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
    }

    /// CPython's `set_swap_bodies`: exchange the slots and counts, each table keeping
    /// its own `pop` finger.
    pub fn swap_contents(&mut self, other: &mut SetTable) {
        std::mem::swap(&mut self.slots, &mut other.slots);
        std::mem::swap(&mut self.mask, &mut other.mask);
        std::mem::swap(&mut self.fill, &mut other.fill);
        std::mem::swap(&mut self.used, &mut other.used);
    }

    /// Take every entry out, leaving an empty minimum-size table (the caller drops
    /// them outside any borrow).
    /// Allocates nothing beyond the new minimum table: freeing a set must work when
    /// memory is exhausted.
    pub fn take_all(&mut self) -> TakenEntries {
        TakenEntries(std::mem::take(self).slots.into_iter())
    }

    /// The keys in slot (iteration) order.
    pub fn keys(&self) -> Vec<PyRef> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Live(e) => Some(e.key.clone()),
                _ => None,
            })
            .collect()
    }
}
