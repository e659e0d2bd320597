//! The system allocator: every request goes to `malloc`/`free`, with counting.
//!
//! Owns [`SystemAllocator`] (the `PYTHONMALLOC=malloc` equivalent) and the
//! raw `malloc`/`free` helpers that pymalloc also uses for requests over 512
//! bytes. Memory comes from `std::alloc::System` (libc `malloc` on Linux),
//! not from the Rust global allocator, so the comparison stays "pymalloc vs
//! malloc" whatever `#[global_allocator]` the binary installs.
//!
//! Invariants: every block is 16-byte aligned; the layout of a block is a
//! pure function of the requested size (rounded up to a multiple of 16, 0
//! counted as 1), so `free` rebuilds exactly the layout that `alloc` used.
//! Rounding up also keeps `System` on its plain `malloc` path (it switches to
//! `posix_memalign` when the size is smaller than the alignment).

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr::NonNull;

use super::report;
use super::size_class::{ALIGNMENT, NUM_SIZE_CLASSES, is_small, size_class_index};
use super::{AllocStats, ClassCounter, ObjectAllocator};

/// The layout used for a raw request of `size` bytes.
#[inline]
fn raw_layout(size: usize) -> Option<Layout> {
    let rounded = size.checked_add(ALIGNMENT - 1)? & !(ALIGNMENT - 1);
    Layout::from_size_align(rounded.max(ALIGNMENT), ALIGNMENT).ok()
}

/// `malloc` for `size` bytes, 16-byte aligned; None if memory is exhausted
/// or the size is absurd.
#[inline]
pub(crate) fn raw_alloc(size: usize) -> Option<NonNull<u8>> {
    let layout = raw_layout(size)?;
    // SAFETY: the layout has a non-zero size.
    NonNull::new(unsafe { System.alloc(layout) })
}

/// `free` for a block from [`raw_alloc`].
///
/// # Safety
/// `ptr` must come from `raw_alloc(size)` with the same `size`, not yet freed.
#[inline]
pub(crate) unsafe fn raw_free(ptr: NonNull<u8>, size: usize) {
    // The layout was valid when the block was allocated with this size.
    let Some(layout) = raw_layout(size) else {
        unreachable!("raw_free: size {size} never allocated")
    };
    // SAFETY: per the caller's contract `ptr` came from `System.alloc` with
    // this same layout and is freed once.
    unsafe { System.dealloc(ptr.as_ptr(), layout) }
}

/// Object allocator that sends every request to the system `malloc`.
///
/// Counts the same per-class statistics as pymalloc (classes by requested
/// size, and "large" for requests over 512 bytes) so runs can be compared.
pub struct SystemAllocator {
    classes: [ClassCounter; NUM_SIZE_CLASSES],
    large: ClassCounter,
    bytes_in_use: u64,
}

impl SystemAllocator {
    /// A new allocator with zeroed counters (usable in a `static`).
    pub const fn new() -> Self {
        SystemAllocator {
            classes: [ClassCounter::ZERO; NUM_SIZE_CLASSES],
            large: ClassCounter::ZERO,
            bytes_in_use: 0,
        }
    }

    /// A 16-byte aligned block of at least `size` bytes (0 is treated as 1).
    #[inline]
    pub fn alloc(&mut self, size: usize) -> Option<NonNull<u8>> {
        let size = size.max(1);
        let block = raw_alloc(size)?;
        self.counter(size).allocs += 1;
        self.bytes_in_use += size as u64;
        Some(block)
    }

    /// Frees a block from [`SystemAllocator::alloc`].
    ///
    /// # Safety
    /// `ptr` must come from `self.alloc(size)` with the same `size` and must
    /// not have been freed.
    #[inline]
    pub unsafe fn free(&mut self, ptr: NonNull<u8>, size: usize) {
        let size = size.max(1);
        // SAFETY: forwarded caller contract; alloc used raw_alloc(size).
        unsafe { raw_free(ptr, size) };
        self.counter(size).frees += 1;
        self.bytes_in_use -= size as u64;
    }

    #[inline]
    fn counter(&mut self, size: usize) -> &mut ClassCounter {
        if is_small(size) {
            &mut self.classes[size_class_index(size)]
        } else {
            &mut self.large
        }
    }

    /// Current statistics (no arenas or pools: those fields are 0).
    pub fn stats(&self) -> AllocStats {
        AllocStats::from_counters(&self.classes, self.large, self.bytes_in_use)
    }

    /// A short report in the style of `sys._debugmallocstats()`.
    pub fn debug_report(&self) -> String {
        report::system_report(&self.stats())
    }
}

impl Default for SystemAllocator {
    fn default() -> Self {
        Self::new()
    }
}

impl ObjectAllocator for SystemAllocator {
    #[inline]
    fn alloc(&mut self, size: usize) -> Option<NonNull<u8>> {
        SystemAllocator::alloc(self, size)
    }

    #[inline]
    unsafe fn free(&mut self, ptr: NonNull<u8>, size: usize) {
        // SAFETY: forwarded caller contract.
        unsafe { SystemAllocator::free(self, ptr, size) }
    }

    fn stats(&self) -> AllocStats {
        SystemAllocator::stats(self)
    }

    fn debug_report(&self) -> String {
        SystemAllocator::debug_report(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_and_counted() {
        let mut a = SystemAllocator::new();
        let sizes = [0, 1, 15, 16, 17, 512, 513, 4096];
        let blocks: Vec<_> = sizes
            .iter()
            .map(|&s| (a.alloc(s).expect("alloc"), s))
            .collect();
        for &(b, s) in &blocks {
            assert_eq!(b.as_ptr() as usize % 16, 0);
            // SAFETY: the block holds at least max(s, 1) bytes.
            unsafe { b.as_ptr().write_bytes(0xAB, s.max(1)) };
        }
        let st = a.stats();
        assert_eq!(st.total_allocations, 8);
        assert_eq!(st.blocks_in_use, 8);
        assert_eq!(st.size_classes[0].blocks_in_use, 4); // 0, 1, 15, 16
        assert_eq!(st.size_classes[1].allocs, 1);
        assert_eq!(st.size_classes[31].allocs, 1);
        assert_eq!(st.large.blocks_in_use, 2);
        assert_eq!(st.bytes_in_use, 1 + 1 + 15 + 16 + 17 + 512 + 513 + 4096);
        assert_eq!(st.arenas_current, 0);
        for (b, s) in blocks {
            // SAFETY: each block came from `a.alloc(s)` and is freed once.
            unsafe { a.free(b, s) };
        }
        let st = a.stats();
        assert_eq!(st.total_frees, 8);
        assert_eq!(st.blocks_in_use, 0);
        assert_eq!(st.bytes_in_use, 0);
        assert!(a.debug_report().starts_with("System allocator"));
    }
}
