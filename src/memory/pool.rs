//! Pools: 16 KiB, 16 KiB-aligned slabs that hold blocks of one size class.
//!
//! Owns the pool header layout, block carving and the per-class "used pools"
//! lists. A pool's header sits at its start, so the header of any block is
//! found by masking the block address: `addr & !(POOL_SIZE - 1)` ([`pool_of`]).
//!
//! Invariants (with `n` = blocks per pool for the pool's class):
//! - `count` is the number of blocks handed out and not yet freed.
//! - `freeblock` heads a LIFO list threaded through the first word of freed
//!   (or freshly carved) blocks. It is null exactly when the pool is full:
//!   whenever the list runs dry on allocation, one more block is carved from
//!   the untouched tail (`nextoffset`) if any is left (lazy carving, so pages
//!   never used are never touched).
//! - Blocks `[POOL_OVERHEAD, nextoffset)` have been carved; carving stops when
//!   `nextoffset > maxnextoffset = POOL_SIZE - block size`.
//! - A pool is in exactly one of three states:
//!   *used* (`0 < count < n`): in the circular doubly-linked list of its class,
//!   linked by `nextpool`/`prevpool`;
//!   *full* (`count == n`): in no list;
//!   *empty* (`count == 0`): on its arena's `freepools` list (singly linked by
//!   `nextpool`), keeping `szidx` so that reuse for the same class skips
//!   re-initialisation.
//! - `arenaindex` is the index of the owning arena's descriptor; it is set
//!   when the pool is first carved from its arena and never changes.

use std::ptr;

use super::size_class::{ALIGNMENT, class_block_size};

/// `log2(POOL_SIZE)` (CPython `POOL_BITS`).
pub const POOL_BITS: u32 = 14;
/// Pool size in bytes: 16 KiB (CPython `POOL_SIZE`).
pub const POOL_SIZE: usize = 1 << POOL_BITS;
/// Mask of the offset of an address inside its pool.
pub const POOL_SIZE_MASK: usize = POOL_SIZE - 1;

/// Size-class value of a pool that has never held blocks.
pub(crate) const UNUSED_SZIDX: u32 = u32::MAX;

/// The header at the start of every pool (CPython `struct pool_header`).
///
/// 48 bytes on 64-bit targets, the same as CPython, so a pool holds 1021
/// blocks of 16 bytes and 31 blocks of 512 bytes.
#[repr(C)]
pub(crate) struct PoolHeader {
    /// Blocks currently allocated from this pool.
    pub count: u32,
    /// Size-class index, or [`UNUSED_SZIDX`] for a pool never initialised.
    pub szidx: u32,
    /// Head of the free-block list (null when the pool is full).
    pub freeblock: *mut u8,
    /// Next pool in the class list (used) or in the arena's free list (empty).
    pub nextpool: *mut PoolHeader,
    /// Previous pool in the class list (used pools only).
    pub prevpool: *mut PoolHeader,
    /// Index of the owning arena's descriptor.
    pub arenaindex: u32,
    /// Offset of the next block never carved.
    pub nextoffset: u32,
    /// Largest offset at which a whole block still fits.
    pub maxnextoffset: u32,
    _reserved: u32,
}

/// Bytes at the start of each pool taken by the header, rounded up to the
/// block alignment (CPython `POOL_OVERHEAD`): 48 on 64-bit targets.
pub const POOL_OVERHEAD: usize =
    (std::mem::size_of::<PoolHeader>() + ALIGNMENT - 1) & !(ALIGNMENT - 1);

/// Number of blocks of class `idx` that fit in one pool (CPython `NUMBLOCKS`).
#[inline]
pub const fn blocks_per_pool(idx: usize) -> usize {
    (POOL_SIZE - POOL_OVERHEAD) / class_block_size(idx)
}

/// Header of the pool holding `block` (CPython `POOL_ADDR`).
///
/// The result keeps `block`'s provenance, which covers the whole arena, so it
/// may be dereferenced whenever `block` is a live or freed block of a pool.
#[inline]
pub(crate) fn pool_of(block: *mut u8) -> *mut PoolHeader {
    block.map_addr(|a| a & !POOL_SIZE_MASK).cast::<PoolHeader>()
}

/// Reads the free-list link stored in the first word of a free block.
///
/// # Safety
/// `block` must be a free block of a pool (16-byte aligned, at least 16 bytes).
#[inline]
pub(crate) unsafe fn next_free(block: *mut u8) -> *mut u8 {
    // SAFETY: the caller guarantees `block` is a free block, whose first word
    // holds the link written by `set_next_free`; blocks are 16-aligned.
    unsafe { block.cast::<*mut u8>().read() }
}

/// Stores the free-list link `next` in the first word of `block`.
///
/// # Safety
/// `block` must be a block of a pool that nobody else is using.
#[inline]
pub(crate) unsafe fn set_next_free(block: *mut u8, next: *mut u8) {
    // SAFETY: the caller guarantees `block` is a block we own; every block is
    // at least 16 bytes and 16-aligned, so a pointer fits there.
    unsafe { block.cast::<*mut u8>().write(next) }
}

impl PoolHeader {
    /// Initialises `pool` for class `idx` with one block handed out, carving
    /// just one more block onto the free list; returns the handed-out block.
    ///
    /// # Safety
    /// `pool` must point at a pool-sized, pool-aligned region owned by the
    /// caller whose `arenaindex` is already set.
    pub(crate) unsafe fn init(pool: *mut PoolHeader, idx: usize) -> *mut u8 {
        let size = class_block_size(idx);
        // SAFETY: the caller guarantees `pool` heads a POOL_SIZE region we
        // own; both offsets below are < POOL_SIZE since size <= 512.
        unsafe {
            (*pool).szidx = idx as u32;
            (*pool).count = 1;
            let base = pool.cast::<u8>();
            let first = base.add(POOL_OVERHEAD);
            let second = first.add(size);
            set_next_free(second, ptr::null_mut());
            (*pool).freeblock = second;
            (*pool).nextoffset = (POOL_OVERHEAD + 2 * size) as u32;
            (*pool).maxnextoffset = (POOL_SIZE - size) as u32;
            first
        }
    }

    /// Carves the next untouched block onto the (empty) free list. Returns
    /// false, leaving the pool unchanged, if the pool is fully carved (full).
    ///
    /// # Safety
    /// `pool` must be an initialised pool whose free list is empty.
    #[inline]
    pub(crate) unsafe fn extend(pool: *mut PoolHeader) -> bool {
        // SAFETY: `pool` is an initialised pool (caller); the carved offset is
        // at most `maxnextoffset`, so the whole block lies inside the pool.
        unsafe {
            debug_assert!((*pool).freeblock.is_null());
            let off = (*pool).nextoffset;
            if off > (*pool).maxnextoffset {
                return false;
            }
            let size = class_block_size((*pool).szidx as usize) as u32;
            let block = pool.cast::<u8>().add(off as usize);
            set_next_free(block, ptr::null_mut());
            (*pool).freeblock = block;
            (*pool).nextoffset = off + size;
            true
        }
    }
}

/// Pushes `pool` at the front of the circular list headed by `*head`.
///
/// # Safety
/// `pool` must be a valid pool in no list; `*head` must be null or a valid
/// circular list of pools.
#[inline]
pub(crate) unsafe fn list_push_front(head: &mut *mut PoolHeader, pool: *mut PoolHeader) {
    // SAFETY: all pointers are valid pool headers per the caller's contract.
    unsafe {
        let first = *head;
        if first.is_null() {
            (*pool).nextpool = pool;
            (*pool).prevpool = pool;
        } else {
            let last = (*first).prevpool;
            (*pool).nextpool = first;
            (*pool).prevpool = last;
            (*first).prevpool = pool;
            (*last).nextpool = pool;
        }
        *head = pool;
    }
}

/// Removes `pool` from the circular list headed by `*head`.
///
/// # Safety
/// `pool` must be a member of the valid circular list headed by `*head`.
#[inline]
pub(crate) unsafe fn list_unlink(head: &mut *mut PoolHeader, pool: *mut PoolHeader) {
    // SAFETY: `pool` and its neighbours are valid members of the list.
    unsafe {
        let next = (*pool).nextpool;
        if next == pool {
            debug_assert!(*head == pool);
            *head = ptr::null_mut();
        } else {
            let prev = (*pool).prevpool;
            (*prev).nextpool = next;
            (*next).prevpool = prev;
            if *head == pool {
                *head = next;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{Layout, alloc, dealloc};

    #[test]
    fn header_matches_cpython() {
        assert_eq!(POOL_OVERHEAD, 48);
        assert_eq!(blocks_per_pool(0), 1021);
        assert_eq!(blocks_per_pool(31), 31);
    }

    #[test]
    fn pool_of_masks_the_address() {
        let p = (3 * POOL_SIZE + 4000) as *mut u8;
        assert_eq!(pool_of(p) as usize, 3 * POOL_SIZE);
    }

    /// One pool in a standalone allocation: init, lazy carving, full.
    #[test]
    fn carving_is_lazy_and_stops_at_the_end() {
        let layout = Layout::from_size_align(POOL_SIZE, POOL_SIZE).unwrap();
        // SAFETY: non-zero size; the region is freed at the end of the test.
        let base = unsafe { alloc(layout) };
        assert!(!base.is_null());
        let pool = base.cast::<PoolHeader>();
        let idx = 31; // 512-byte blocks: 31 per pool
        // SAFETY: `pool` heads a POOL_SIZE region we own.
        unsafe {
            let first = PoolHeader::init(pool, idx);
            assert_eq!(first as usize, base as usize + POOL_OVERHEAD);
            assert_eq!((*pool).nextoffset as usize, POOL_OVERHEAD + 1024);
            let mut carved = 2;
            (*pool).freeblock = ptr::null_mut(); // pretend block 2 was taken
            while PoolHeader::extend(pool) {
                let b = (*pool).freeblock;
                assert_eq!(pool_of(b), pool);
                assert_eq!(b as usize % 16, 0);
                assert!(b as usize + 512 <= base as usize + POOL_SIZE);
                (*pool).freeblock = ptr::null_mut();
                carved += 1;
            }
            assert_eq!(carved, blocks_per_pool(idx));
            dealloc(base, layout);
        }
    }
}
