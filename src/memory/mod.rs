//! Object memory: the allocator trait, its statistics and the process-global heap.
//!
//! Owns [`ObjectAllocator`] (what every object allocator provides), the
//! statistics types [`AllocStats`]/[`SizeClassStats`], and the global heap
//! that object code allocates from ([`alloc`], [`free`], [`select`], ...).
//! The allocators themselves live in their own files:
//! [`PyMalloc`] (CPython's pymalloc: 1 MiB arenas, 16 KiB pools, 32 size
//! classes of 16 bytes up to 512) and [`SystemAllocator`] (`malloc`/`free`).
//! [`reserve`] holds memory back so that exhaustion becomes a `MemoryError`.
//! This module is a leaf: it uses `std` only (and [`reserve`] the `eval_breaker`
//! leaf).
//!
//! # The global heap contract
//! The heap is one process-global allocator chosen at start-up with
//! [`select`] (before the first allocation; `pymalloc` by default). Its state
//! is not synchronised: **every call to [`alloc`], [`free`], [`stats`] and
//! [`report()`] must be made while holding the interpreter's GIL**, which
//! serialises all access (CPython 3.11 relies on the GIL the same way; its
//! allocator state is process-global). [`select`] and [`kind`] only touch
//! an atomic and are safe anywhere. Tests should use [`PyMalloc`] and
//! [`SystemAllocator`] as plain values instead, so they can run in parallel.
//!
//! Invariants: the allocator kind can change only until the first
//! allocation, after which it is locked, so every block is freed by the
//! allocator that made it; `free` is always given the size `alloc` was given.

use std::alloc::{Layout, handle_alloc_error};
use std::cell::UnsafeCell;
use std::fmt;
use std::ptr::NonNull;
use std::str::FromStr;
use std::sync::atomic::{AtomicU8, Ordering};

mod arena;
#[cfg(test)]
mod model_test;
mod pool;
mod pymalloc;
mod report;
pub mod reserve;
pub mod size_class;
mod system;

pub use arena::{ARENA_SIZE, MAX_POOLS_IN_ARENA};
pub use pool::{POOL_OVERHEAD, POOL_SIZE, blocks_per_pool};
pub use pymalloc::PyMalloc;
pub use size_class::{ALIGNMENT, NUM_SIZE_CLASSES, SMALL_REQUEST_THRESHOLD};
pub use system::SystemAllocator;

/// An allocator of object memory.
///
/// Blocks are 16-byte aligned. Like Rust's `GlobalAlloc`, the caller passes
/// the size back when freeing, so an implementation can route small and large
/// requests by size alone.
pub trait ObjectAllocator {
    /// A 16-byte aligned block of at least `size` bytes (0 is treated as 1),
    /// or None if memory is exhausted.
    fn alloc(&mut self, size: usize) -> Option<NonNull<u8>>;

    /// Frees a block.
    ///
    /// # Safety
    /// `ptr` must have been returned by `self.alloc(size)` with this same
    /// `size`, and must not have been freed since.
    unsafe fn free(&mut self, ptr: NonNull<u8>, size: usize);

    /// Current counters.
    fn stats(&self) -> AllocStats;

    /// A human-readable report in the style of `sys._debugmallocstats()`.
    fn debug_report(&self) -> String;
}

/// Counters for one size class (or for the requests over 512 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SizeClassStats {
    /// Successful allocations.
    pub allocs: u64,
    /// Frees.
    pub frees: u64,
    /// `allocs - frees`.
    pub blocks_in_use: u64,
}

/// A snapshot of an allocator's counters.
///
/// For both allocators a request of `n` bytes counts in size class
/// `(n - 1) >> 4` (a 0-byte request counts as 1 byte); `large` counts
/// requests over 512 bytes. Arena and pool fields are 0 for the system
/// allocator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AllocStats {
    /// Successful allocations, small and large.
    pub total_allocations: u64,
    /// Frees, small and large.
    pub total_frees: u64,
    /// Blocks currently allocated, small and large.
    pub blocks_in_use: u64,
    /// Sum of the **requested** sizes of the blocks currently allocated (a
    /// 0-byte request counts 1). Block sizes, as CPython's "bytes in
    /// allocated blocks", are [`AllocStats::small_block_bytes_in_use`].
    pub bytes_in_use: u64,
    /// Per size class: 16, 32, ..., 512 bytes.
    pub size_classes: [SizeClassStats; NUM_SIZE_CLASSES],
    /// Requests over 512 bytes (sent to the system allocator by pymalloc).
    pub large: SizeClassStats,
    /// Arenas ever allocated.
    pub arenas_allocated_total: u64,
    /// Arenas returned to the OS.
    pub arenas_reclaimed: u64,
    /// Most arenas allocated at once.
    pub arenas_highwater: u64,
    /// Arenas allocated now.
    pub arenas_current: u64,
    /// Pools holding at least one allocated block.
    pub pools_in_use: u64,
}

impl AllocStats {
    /// Bytes of the small blocks in use, counted by block size (CPython's
    /// "# bytes in allocated blocks").
    pub fn small_block_bytes_in_use(&self) -> u64 {
        self.size_classes
            .iter()
            .enumerate()
            .map(|(i, c)| c.blocks_in_use * size_class::class_block_size(i) as u64)
            .sum()
    }

    /// Stats with the alloc/free counters filled in and the arena and pool
    /// fields zero.
    pub(crate) fn from_counters(
        classes: &[ClassCounter; NUM_SIZE_CLASSES],
        large: ClassCounter,
        bytes_in_use: u64,
    ) -> AllocStats {
        let mut st = AllocStats {
            bytes_in_use,
            large: large.stats(),
            ..AllocStats::default()
        };
        for (out, c) in st.size_classes.iter_mut().zip(classes) {
            *out = c.stats();
        }
        for c in st.size_classes.iter().chain([&st.large]) {
            st.total_allocations += c.allocs;
            st.total_frees += c.frees;
        }
        st.blocks_in_use = st.total_allocations - st.total_frees;
        st
    }
}

/// The two counters an allocator bumps on its hot paths.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ClassCounter {
    pub allocs: u64,
    pub frees: u64,
}

impl ClassCounter {
    pub(crate) const ZERO: ClassCounter = ClassCounter {
        allocs: 0,
        frees: 0,
    };

    fn stats(self) -> SizeClassStats {
        SizeClassStats {
            allocs: self.allocs,
            frees: self.frees,
            blocks_in_use: self.allocs - self.frees,
        }
    }
}

/// Which allocator the global heap uses (CPython's `PYTHONMALLOC`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AllocatorKind {
    /// [`PyMalloc`], the default.
    Pymalloc,
    /// [`SystemAllocator`].
    System,
}

impl AllocatorKind {
    /// The name [`FromStr`] accepts: `"pymalloc"` or `"system"`.
    pub fn name(self) -> &'static str {
        match self {
            AllocatorKind::Pymalloc => "pymalloc",
            AllocatorKind::System => "system",
        }
    }
}

impl fmt::Display for AllocatorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error of parsing an [`AllocatorKind`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseAllocatorKindError(pub String);

impl fmt::Display for ParseAllocatorKindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown allocator {:?} (expected \"pymalloc\" or \"system\")",
            self.0
        )
    }
}

impl std::error::Error for ParseAllocatorKindError {}

impl FromStr for AllocatorKind {
    type Err = ParseAllocatorKindError;

    /// `"pymalloc"` or `"system"`; `"malloc"` (CPython's `PYTHONMALLOC`
    /// spelling) is accepted for `System`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pymalloc" => Ok(AllocatorKind::Pymalloc),
            "system" | "malloc" => Ok(AllocatorKind::System),
            _ => Err(ParseAllocatorKindError(s.to_owned())),
        }
    }
}

/// [`select`] was called after the first allocation, asking for a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectError {
    /// The allocator in use (and locked in).
    pub active: AllocatorKind,
    /// The allocator asked for.
    pub requested: AllocatorKind,
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot switch the object allocator to {}: {} has already allocated",
            self.requested, self.active
        )
    }
}

impl std::error::Error for SelectError {}

/// `state` bit: the system allocator is selected (else pymalloc).
const STATE_SYSTEM: u8 = 1;
/// `state` bit: something was allocated, the selection is final.
const STATE_LOCKED: u8 = 2;

/// The process-global heap: both allocators (only the selected one is ever
/// used) and the selection state.
struct GlobalHeap {
    state: AtomicU8,
    pymalloc: UnsafeCell<PyMalloc>,
    system: UnsafeCell<SystemAllocator>,
}

// SAFETY: `state` is atomic. The allocators in the cells are accessed only
// through the unsafe functions below, whose contract requires the caller to
// hold the GIL, so no two threads ever access them at the same time (and the
// GIL's lock/unlock orders the accesses of successive holders).
unsafe impl Sync for GlobalHeap {}

static HEAP: GlobalHeap = GlobalHeap {
    state: AtomicU8::new(0),
    pymalloc: UnsafeCell::new(PyMalloc::new()),
    system: UnsafeCell::new(SystemAllocator::new()),
};

fn kind_of(state: u8) -> AllocatorKind {
    if state & STATE_SYSTEM == 0 {
        AllocatorKind::Pymalloc
    } else {
        AllocatorKind::System
    }
}

/// Chooses the global allocator. Allowed until the first allocation;
/// afterwards, asking for the allocator already in use is a no-op and
/// asking for the other one is an error.
pub fn select(kind: AllocatorKind) -> Result<(), SelectError> {
    let want = match kind {
        AllocatorKind::Pymalloc => 0,
        AllocatorKind::System => STATE_SYSTEM,
    };
    let mut cur = HEAP.state.load(Ordering::Relaxed);
    loop {
        if cur & STATE_LOCKED != 0 {
            return if cur & STATE_SYSTEM == want {
                Ok(())
            } else {
                Err(SelectError {
                    active: kind_of(cur),
                    requested: kind,
                })
            };
        }
        match HEAP
            .state
            .compare_exchange_weak(cur, want, Ordering::Relaxed, Ordering::Relaxed)
        {
            Ok(_) => return Ok(()),
            Err(now) => cur = now,
        }
    }
}

/// The allocator the global heap uses (or will use, before the first
/// allocation).
pub fn kind() -> AllocatorKind {
    kind_of(HEAP.state.load(Ordering::Relaxed))
}

/// Locks the selection on the first allocation; returns the locked state.
#[cold]
#[inline(never)]
fn lock_selection() -> u8 {
    HEAP.state.fetch_or(STATE_LOCKED, Ordering::Relaxed) | STATE_LOCKED
}

#[cold]
#[inline(never)]
fn out_of_memory(size: usize) -> ! {
    let layout = Layout::from_size_align(size.max(1), ALIGNMENT).unwrap_or(Layout::new::<u8>());
    handle_alloc_error(layout)
}

/// Allocates a 16-byte aligned block of at least `size` bytes (0 is treated
/// as 1) from the global heap, or None when memory is exhausted (for sizes a
/// program controls, which become `MemoryError`).
///
/// # Safety
/// The caller must hold the GIL (see the module docs).
#[inline]
pub unsafe fn try_alloc(size: usize) -> Option<NonNull<u8>> {
    if size > isize::MAX as usize - ALIGNMENT {
        return None;
    }
    let mut state = HEAP.state.load(Ordering::Relaxed);
    if state & STATE_LOCKED == 0 {
        state = lock_selection();
    }
    // SAFETY: the GIL (caller) gives us exclusive access to the allocators.
    unsafe {
        if state & STATE_SYSTEM == 0 {
            (*HEAP.pymalloc.get()).alloc(size)
        } else {
            (*HEAP.system.get()).alloc(size)
        }
    }
}

/// Allocates a 16-byte aligned block of at least `size` bytes (0 is treated
/// as 1) from the global heap. On out-of-memory, calls
/// [`std::alloc::handle_alloc_error`] (which aborts by default).
///
/// # Safety
/// The caller must hold the GIL (see the module docs).
#[inline]
pub unsafe fn alloc(size: usize) -> NonNull<u8> {
    let mut state = HEAP.state.load(Ordering::Relaxed);
    if state & STATE_LOCKED == 0 {
        state = lock_selection();
    }
    // SAFETY: the GIL (caller) gives us exclusive access to the allocators.
    let block = unsafe {
        if state & STATE_SYSTEM == 0 {
            (*HEAP.pymalloc.get()).alloc(size)
        } else {
            (*HEAP.system.get()).alloc(size)
        }
    };
    match block {
        Some(b) => b,
        // SAFETY: the caller holds the GIL (this function's contract).
        None => unsafe { alloc_after_spending_reserve(size) },
    }
}

/// The slow path of [`alloc`]: free the memory reserve (which asks the eval loop
/// for a `MemoryError`) and try once more before aborting.
#[cold]
#[inline(never)]
unsafe fn alloc_after_spending_reserve(size: usize) -> NonNull<u8> {
    if reserve::spend(size) {
        // SAFETY: the caller holds the GIL (see `alloc`).
        if let Some(b) = unsafe { try_alloc(size) } {
            return b;
        }
    }
    out_of_memory(size)
}

/// Frees a block of the global heap.
///
/// # Safety
/// The caller must hold the GIL; `ptr` must come from [`alloc`]`(size)` with
/// this same `size` and must not have been freed.
#[inline]
pub unsafe fn free(ptr: NonNull<u8>, size: usize) {
    let state = HEAP.state.load(Ordering::Relaxed);
    debug_assert!(state & STATE_LOCKED != 0, "free before any alloc");
    // SAFETY: the GIL (caller) gives us exclusive access to the allocators;
    // the selection is locked, so this is the allocator that made `ptr`.
    unsafe {
        if state & STATE_SYSTEM == 0 {
            (*HEAP.pymalloc.get()).free(ptr, size)
        } else {
            (*HEAP.system.get()).free(ptr, size)
        }
    }
}

/// Counters of the global heap.
///
/// # Safety
/// The caller must hold the GIL (the counters are read without locking).
pub unsafe fn stats() -> AllocStats {
    let state = HEAP.state.load(Ordering::Relaxed);
    // SAFETY: the GIL (caller) excludes concurrent mutation.
    unsafe {
        if state & STATE_SYSTEM == 0 {
            (*HEAP.pymalloc.get()).stats()
        } else {
            (*HEAP.system.get()).stats()
        }
    }
}

/// The global heap's `sys._debugmallocstats()` text.
///
/// # Safety
/// The caller must hold the GIL (arenas and pools are walked without locking).
pub unsafe fn report() -> String {
    let state = HEAP.state.load(Ordering::Relaxed);
    // SAFETY: the GIL (caller) excludes concurrent mutation.
    unsafe {
        if state & STATE_SYSTEM == 0 {
            (*HEAP.pymalloc.get()).debug_report()
        } else {
            (*HEAP.system.get()).debug_report()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_parses() {
        assert_eq!("pymalloc".parse(), Ok(AllocatorKind::Pymalloc));
        assert_eq!("system".parse(), Ok(AllocatorKind::System));
        assert_eq!("malloc".parse(), Ok(AllocatorKind::System));
        assert!("mimalloc".parse::<AllocatorKind>().is_err());
        assert_eq!(AllocatorKind::System.to_string(), "system");
    }

    /// The global heap, used as the runtime uses it: under the GIL, measuring deltas
    /// (other tests in this binary may have allocated first).
    #[test]
    fn global_heap_selection_locks_on_first_alloc() {
        let _gil = crate::gil::acquire();
        // SAFETY: the GIL is held for the whole test; the block is freed with the size
        // it was allocated with.
        unsafe {
            let before = stats();
            let b = alloc(40);
            assert_eq!(b.as_ptr() as usize % 16, 0);
            let during = stats();
            assert_eq!(
                during.size_classes[2].blocks_in_use,
                before.size_classes[2].blocks_in_use + 1
            );
            assert!(report().starts_with("Small block threshold = 512"));
            free(b, 40);
            assert_eq!(stats().blocks_in_use, before.blocks_in_use);
        }
        // After the first allocation the choice is locked: re-selecting the active
        // allocator is fine, switching is refused.
        let active = kind();
        assert_eq!(select(active), Ok(()));
        let other = match active {
            AllocatorKind::Pymalloc => AllocatorKind::System,
            AllocatorKind::System => AllocatorKind::Pymalloc,
        };
        assert_eq!(
            select(other),
            Err(SelectError {
                active,
                requested: other
            })
        );
    }

    #[test]
    fn stats_totals_add_up() {
        let mut classes = [ClassCounter::ZERO; NUM_SIZE_CLASSES];
        classes[0] = ClassCounter {
            allocs: 5,
            frees: 2,
        };
        classes[31] = ClassCounter {
            allocs: 1,
            frees: 0,
        };
        let large = ClassCounter {
            allocs: 4,
            frees: 4,
        };
        let st = AllocStats::from_counters(&classes, large, 123);
        assert_eq!(st.total_allocations, 10);
        assert_eq!(st.total_frees, 6);
        assert_eq!(st.blocks_in_use, 4);
        assert_eq!(st.size_classes[0].blocks_in_use, 3);
        assert_eq!(st.small_block_bytes_in_use(), 3 * 16 + 512);
        assert_eq!(st.bytes_in_use, 123);
    }
}
