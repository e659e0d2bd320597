//! Arenas: 1 MiB chunks of OS memory carved into 64 pools, and their descriptors.
//!
//! Owns the arena descriptor table, the list of unused descriptors, the
//! `usable_arenas` list, the `nfp2lasta` index and the arena counters. It
//! hands whole pools to the allocator ([`Arenas::take_pool`]) and takes
//! empty pools back ([`Arenas::return_pool`]), returning an arena to the OS
//! when its last pool comes back.
//!
//! OS memory: arenas come from `std::alloc::System` with a 1 MiB size and a
//! 16 KiB alignment (CPython uses `mmap`, which is only page-aligned and so
//! loses one pool per arena to alignment; we have no `mmap` without the libc
//! crate). With the aligned layout every arena holds exactly 64 pools and
//! "bytes lost to arena alignment" is always 0. glibc serves such requests
//! with `mmap` or from its heap (its mmap threshold adapts), so unused pages
//! are untouched either way; pools are carved lazily so they stay untouched.
//!
//! Invariants:
//! - Descriptors live in `arenas` (indices are stable: the vector only grows,
//!   by doubling from 16 as CPython does); a descriptor with a null `address`
//!   is unused and chained on `unused` through `nextarena`.
//! - `nfreepools` counts the pools on `freepools` plus the pools not yet
//!   carved (`[pool_address, address + ARENA_SIZE)`).
//! - `usable` is a doubly-linked list (by `nextarena`/`prevarena`) of exactly
//!   the allocated arenas with `nfreepools > 0`, sorted by ascending
//!   `nfreepools`, so pools are taken from the fullest arena and nearly empty
//!   arenas can drain.
//! - `nfp2lasta[k]` is the last arena in `usable` with `nfreepools == k`, or
//!   NONE if there is none (CPython bpo-37029); this makes re-sorting after a
//!   pool is returned O(1) instead of a walk of the list.
//! - An arena whose pools are all free is returned to the OS, unless it is
//!   the last arena of `usable`: one wholly free arena is kept to avoid
//!   allocating and freeing an arena in a loop (bpo-37257).

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;

use super::pool::{POOL_SIZE, POOL_SIZE_MASK, PoolHeader, UNUSED_SZIDX};

/// `log2(ARENA_SIZE)` (CPython `ARENA_BITS`).
pub const ARENA_BITS: u32 = 20;
/// Arena size in bytes: 1 MiB (CPython `ARENA_SIZE`).
pub const ARENA_SIZE: usize = 1 << ARENA_BITS;
/// Pools in an arena: 64 (CPython `MAX_POOLS_IN_ARENA`).
pub const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;
/// Descriptors allocated the first time (CPython `INITIAL_ARENA_OBJECTS`).
const INITIAL_ARENA_OBJECTS: usize = 16;
/// "No arena" in the index-linked lists.
const NONE: u32 = u32::MAX;

/// The layout of an arena's OS memory: 1 MiB, 16 KiB-aligned.
const fn arena_layout() -> Layout {
    match Layout::from_size_align(ARENA_SIZE, POOL_SIZE) {
        Ok(layout) => layout,
        Err(_) => panic!("invalid arena layout"),
    }
}

/// Descriptor of one arena (CPython `struct arena_object`).
pub(crate) struct ArenaObject {
    /// Start of the arena's memory; null if this descriptor is unused.
    pub address: *mut u8,
    /// First pool never carved (pools below it have been handed out once).
    pub pool_address: *mut u8,
    /// Free pools: cached empty pools plus pools never carved.
    pub nfreepools: u32,
    /// Pools in the arena (64, since arenas are pool-aligned).
    pub ntotalpools: u32,
    /// Empty pools, singly linked through `nextpool`.
    pub freepools: *mut PoolHeader,
    /// Next arena in `usable` or in the unused-descriptor list.
    nextarena: u32,
    /// Previous arena in `usable`.
    prevarena: u32,
}

impl ArenaObject {
    const fn unused(next: u32) -> Self {
        ArenaObject {
            address: ptr::null_mut(),
            pool_address: ptr::null_mut(),
            nfreepools: 0,
            ntotalpools: 0,
            freepools: ptr::null_mut(),
            nextarena: next,
            prevarena: NONE,
        }
    }
}

/// All arenas of one allocator and the counters the report needs.
pub(crate) struct Arenas {
    arenas: Vec<ArenaObject>,
    unused: u32,
    usable: u32,
    nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    /// Arenas currently allocated.
    pub current: usize,
    /// Arenas ever allocated (CPython `ntimes_arena_allocated`).
    pub allocated_total: usize,
    /// Most arenas allocated at once (CPython `narenas_highwater`).
    pub highwater: usize,
}

impl Arenas {
    pub(crate) const fn new() -> Self {
        Arenas {
            arenas: Vec::new(),
            unused: NONE,
            usable: NONE,
            nfp2lasta: [NONE; MAX_POOLS_IN_ARENA + 1],
            current: 0,
            allocated_total: 0,
            highwater: 0,
        }
    }

    /// All descriptors, used and unused (the report walks the used ones).
    pub(crate) fn descriptors(&self) -> &[ArenaObject] {
        &self.arenas
    }

    /// Allocates a new arena and returns its descriptor index; it is not yet
    /// linked into `usable`. None if the OS refuses memory.
    fn new_arena(&mut self) -> Option<u32> {
        if self.unused == NONE {
            let old = self.arenas.len();
            let new = if old == 0 {
                INITIAL_ARENA_OBJECTS
            } else {
                old * 2
            };
            if new >= NONE as usize || self.arenas.try_reserve_exact(new - old).is_err() {
                return None;
            }
            for i in old..new {
                let next = if i + 1 < new { (i + 1) as u32 } else { NONE };
                self.arenas.push(ArenaObject::unused(next));
            }
            self.unused = old as u32;
        }
        // SAFETY: the layout has a non-zero size.
        let address = unsafe { System.alloc(arena_layout()) };
        if address.is_null() {
            return None;
        }
        debug_assert_eq!(address as usize & POOL_SIZE_MASK, 0);
        let i = self.unused;
        let ao = &mut self.arenas[i as usize];
        self.unused = ao.nextarena;
        ao.address = address;
        ao.pool_address = address;
        ao.nfreepools = MAX_POOLS_IN_ARENA as u32;
        ao.ntotalpools = MAX_POOLS_IN_ARENA as u32;
        ao.freepools = ptr::null_mut();
        ao.nextarena = NONE;
        ao.prevarena = NONE;
        self.current += 1;
        self.allocated_total += 1;
        self.highwater = self.highwater.max(self.current);
        Some(i)
    }

    /// Takes a free pool from the fullest usable arena, allocating an arena if
    /// none is usable. The pool is either never used (`szidx` is
    /// `UNUSED_SZIDX`) or an empty pool that keeps its old class and free list;
    /// its `arenaindex` is set. None if the OS refuses memory.
    pub(crate) fn take_pool(&mut self) -> Option<*mut PoolHeader> {
        if self.usable == NONE {
            let i = self.new_arena()?;
            self.usable = i;
            let nf = self.arenas[i as usize].nfreepools as usize;
            debug_assert_eq!(self.nfp2lasta[nf], NONE);
            self.nfp2lasta[nf] = i;
        }
        let i = self.usable;
        let ao = &mut self.arenas[i as usize];
        let nf = ao.nfreepools as usize;
        debug_assert!(nf > 0);
        // The head has the fewest free pools, so taking one keeps the order;
        // only the nfp2lasta entries for nf and nf - 1 change.
        if self.nfp2lasta[nf] == i {
            self.nfp2lasta[nf] = NONE;
        }
        if nf > 1 {
            debug_assert_eq!(self.nfp2lasta[nf - 1], NONE);
            self.nfp2lasta[nf - 1] = i;
        }
        let pool;
        if !ao.freepools.is_null() {
            pool = ao.freepools;
            // SAFETY: pools on `freepools` are valid empty pools of this arena.
            ao.freepools = unsafe { (*pool).nextpool };
        } else {
            pool = ao.pool_address.cast::<PoolHeader>();
            // SAFETY: nfreepools > 0 and the free list is empty, so an uncarved
            // pool remains at `pool_address`, inside the arena we own.
            unsafe {
                (*pool).arenaindex = i;
                (*pool).szidx = UNUSED_SZIDX;
                ao.pool_address = ao.pool_address.add(POOL_SIZE);
            }
        }
        ao.nfreepools -= 1;
        if ao.nfreepools == 0 {
            // Wholly allocated: unlink from the head of `usable`.
            self.usable = ao.nextarena;
            ao.nextarena = NONE;
            if self.usable != NONE {
                self.arenas[self.usable as usize].prevarena = NONE;
            }
        }
        Some(pool)
    }

    /// Gives an empty pool (count 0, already out of its class list) back to
    /// its arena, keeping `usable` sorted and freeing the arena if all its
    /// pools are free and it is not the last usable arena.
    ///
    /// # Safety
    /// `pool` must be an empty pool taken from these arenas and in no list.
    pub(crate) unsafe fn return_pool(&mut self, pool: *mut PoolHeader) {
        // SAFETY: `pool` is a valid pool header of one of our arenas.
        let i = unsafe { (*pool).arenaindex };
        let ao = &mut self.arenas[i as usize];
        // SAFETY: as above.
        unsafe { (*pool).nextpool = ao.freepools };
        ao.freepools = pool;
        let old_nf = ao.nfreepools as usize;
        // If `ao` was the last arena with old_nf free pools, its left
        // neighbour (if it has the same count) becomes the last one.
        let lastnf = self.nfp2lasta[old_nf];
        if lastnf == i {
            let p = ao.prevarena;
            self.nfp2lasta[old_nf] =
                if p != NONE && self.arenas[p as usize].nfreepools as usize == old_nf {
                    p
                } else {
                    NONE
                };
        }
        let ao = &mut self.arenas[i as usize];
        let nf = old_nf + 1;
        ao.nfreepools = nf as u32;

        // Case 1: wholly free and not the last usable arena: free it.
        if nf == ao.ntotalpools as usize && ao.nextarena != NONE {
            let (prev, next, address) = (ao.prevarena, ao.nextarena, ao.address);
            ao.address = ptr::null_mut();
            ao.pool_address = ptr::null_mut();
            ao.freepools = ptr::null_mut();
            ao.nfreepools = 0;
            ao.ntotalpools = 0;
            ao.prevarena = NONE;
            ao.nextarena = self.unused;
            self.unused = i;
            self.unlink_neighbours(prev, next);
            // SAFETY: `address` came from `System.alloc(arena_layout())` in
            // `new_arena` and no block of it is live (all pools are free).
            unsafe { System.dealloc(address, arena_layout()) };
            self.current -= 1;
            return;
        }

        // Case 2: first free pool: it had 0, the fewest, so it goes first.
        if nf == 1 {
            let head = self.usable;
            ao.nextarena = head;
            ao.prevarena = NONE;
            if head != NONE {
                self.arenas[head as usize].prevarena = i;
            }
            self.usable = i;
            if self.nfp2lasta[1] == NONE {
                self.nfp2lasta[1] = i;
            }
            return;
        }

        if self.nfp2lasta[nf] == NONE {
            self.nfp2lasta[nf] = i;
        }
        // Case 4: it was the last with old_nf, so its right neighbour has
        // at least nf free pools: still sorted.
        if lastnf == i {
            return;
        }

        // Case 3: slide it right, to just after `lastnf` (the last arena that
        // still has old_nf < nf free pools).
        debug_assert!(lastnf != NONE);
        let (prev, next) = (ao.prevarena, ao.nextarena);
        debug_assert!(next != NONE);
        self.unlink_neighbours(prev, next);
        let after = self.arenas[lastnf as usize].nextarena;
        let ao = &mut self.arenas[i as usize];
        ao.prevarena = lastnf;
        ao.nextarena = after;
        if after != NONE {
            self.arenas[after as usize].prevarena = i;
        }
        self.arenas[lastnf as usize].nextarena = i;
    }

    /// Joins `prev` and `next` (the old neighbours of an arena being removed
    /// from `usable`), updating the list head if `prev` is NONE.
    fn unlink_neighbours(&mut self, prev: u32, next: u32) {
        if prev == NONE {
            self.usable = next;
        } else {
            self.arenas[prev as usize].nextarena = next;
        }
        if next != NONE {
            self.arenas[next as usize].prevarena = prev;
        }
    }

    /// Checks the list invariants (tests only): `usable` holds exactly the
    /// allocated arenas with free pools, sorted, with correct back links and
    /// `nfp2lasta`; the unused descriptors are exactly the null ones.
    #[cfg(test)]
    pub(crate) fn check_invariants(&self) {
        let mut seen = vec![false; self.arenas.len()];
        let mut prev = NONE;
        let mut i = self.usable;
        let mut last_nf = 0;
        let mut expect_last = [NONE; MAX_POOLS_IN_ARENA + 1];
        while i != NONE {
            let ao = &self.arenas[i as usize];
            assert!(!ao.address.is_null(), "usable arena {i} is not allocated");
            assert!(!seen[i as usize], "usable list has a cycle");
            seen[i as usize] = true;
            assert_eq!(ao.prevarena, prev, "bad back link at arena {i}");
            assert!(ao.nfreepools > 0);
            assert!(
                ao.nfreepools as usize >= last_nf,
                "usable_arenas not sorted"
            );
            last_nf = ao.nfreepools as usize;
            expect_last[last_nf] = i;
            prev = i;
            i = ao.nextarena;
        }
        assert_eq!(self.nfp2lasta, expect_last, "nfp2lasta out of date");
        let mut allocated = 0;
        for (k, ao) in self.arenas.iter().enumerate() {
            if ao.address.is_null() {
                continue;
            }
            allocated += 1;
            assert_eq!(ao.nfreepools > 0, seen[k], "arena {k} usable state");
            let uncarved =
                (ao.address as usize + ARENA_SIZE - ao.pool_address as usize) / POOL_SIZE;
            let mut cached = 0;
            let mut p = ao.freepools;
            while !p.is_null() {
                // SAFETY: pools on the free list are valid headers.
                unsafe {
                    assert_eq!((*p).count, 0);
                    assert_eq!((*p).arenaindex as usize, k);
                    p = (*p).nextpool;
                }
                cached += 1;
            }
            assert_eq!(
                ao.nfreepools as usize,
                uncarved + cached,
                "arena {k} nfreepools"
            );
        }
        assert_eq!(allocated, self.current);
        let mut unused = 0;
        let mut u = self.unused;
        while u != NONE {
            assert!(self.arenas[u as usize].address.is_null());
            unused += 1;
            u = self.arenas[u as usize].nextarena;
        }
        assert_eq!(unused + allocated, self.arenas.len());
    }
}

impl Drop for Arenas {
    fn drop(&mut self) {
        for ao in &self.arenas {
            if !ao.address.is_null() {
                // SAFETY: `address` came from `System.alloc(arena_layout())`
                // and the arena is dropped with its allocator: any block still
                // pointing into it is dangling by the allocator's contract.
                unsafe { System.dealloc(ao.address, arena_layout()) };
            }
        }
    }
}
