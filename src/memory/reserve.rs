//! The memory reserve: a global allocator that turns exhaustion into `MemoryError`.
//!
//! Allocations whose size a program controls (a str, a list's buffer, a dict's table)
//! are fallible at their call sites and raise `MemoryError` there. The many small
//! ones (an int, a frame's cell, a compiler node) are not: in Rust they abort the
//! process when `malloc` fails. [`ReserveAllocator`], installed by the `pyrite`
//! binary as the `#[global_allocator]`, keeps a reserve block of [`RESERVE_SIZE`]
//! bytes. When an allocation fails it frees the reserve, retries, and sets the eval
//! breaker's [`MEMORY_ERROR`](crate::eval_breaker::MEMORY_ERROR) bit: the eval loop
//! raises `MemoryError` at its next check point (a loop's back edge, a call), so the
//! program sees an exception instead of an abort, and the memory its unwinding frees
//! refills the reserve (on the next large free). With the reserve already spent, a
//! failure aborts as before.
//!
//! Invariants: the reserve is either null or a live block of exactly [`RESERVE_SIZE`]
//! bytes from [`System`] with [`RESERVE_ALIGN`]; it is only swapped atomically, so
//! allocation from any thread is safe. Everything else is `System`'s.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicPtr, Ordering};

/// Bytes held back for the interpreter to reach its next eval-breaker check.
pub const RESERVE_SIZE: usize = 16 << 20;
const RESERVE_ALIGN: usize = 4096;
/// Frees at least this large try to refill a spent reserve.
const REFILL_ON_FREE: usize = 256 << 10;

static RESERVE: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());

fn reserve_layout() -> Layout {
    // The size and alignment are non-zero constants, the alignment a power of two.
    Layout::from_size_align(RESERVE_SIZE, RESERVE_ALIGN).unwrap_or(Layout::new::<u8>())
}

/// Set the reserve aside if it is not (at start-up, and after it was spent). Returns
/// whether a reserve is held. Untouched, the block costs address space, not memory.
pub fn refill() -> bool {
    if !RESERVE.load(Ordering::Relaxed).is_null() {
        return true;
    }
    // SAFETY: a non-zero-sized layout.
    let block = unsafe { System.alloc(reserve_layout()) };
    if block.is_null() {
        return false;
    }
    if RESERVE
        .compare_exchange(
            std::ptr::null_mut(),
            block,
            Ordering::AcqRel,
            Ordering::Relaxed,
        )
        .is_err()
    {
        // Another thread refilled first.
        // SAFETY: `block` came from `System.alloc` with this layout just above.
        unsafe { System.dealloc(block, reserve_layout()) };
    }
    true
}

/// After a failed allocation of `size` bytes: free the reserve (if held and if it
/// can cover such a request) and ask the eval loop for a `MemoryError`. Returns
/// whether the request should be retried. A request too large for the reserve is
/// left to fail: its caller either raises `MemoryError` itself (sizes a program
/// controls) or aborts.
pub fn spend(size: usize) -> bool {
    if size > RESERVE_SIZE / 4 {
        return false;
    }
    let block = RESERVE.swap(std::ptr::null_mut(), Ordering::AcqRel);
    if block.is_null() {
        return false;
    }
    // SAFETY: a non-null reserve is a live `System` block with this layout (module
    // invariant), and the swap made this call its only owner.
    unsafe { System.dealloc(block, reserve_layout()) };
    crate::eval_breaker::set(crate::eval_breaker::MEMORY_ERROR);
    true
}

/// Whether a reserve is currently held (for tests and statistics).
pub fn is_held() -> bool {
    !RESERVE.load(Ordering::Relaxed).is_null()
}

/// `System`, with the reserve spent on the first failure (see the module docs).
pub struct ReserveAllocator;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged;
// the reserve only ever holds `System` blocks of its own layout.
unsafe impl GlobalAlloc for ReserveAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract (non-zero size).
        let p = unsafe { System.alloc(layout) };
        if p.is_null() && spend(layout.size()) {
            // SAFETY: as above.
            return unsafe { System.alloc(layout) };
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() && spend(layout.size()) {
            // SAFETY: as above.
            return unsafe { System.alloc_zeroed(layout) };
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract: `ptr` came from this allocator, i.e. `System`.
        unsafe { System.dealloc(ptr, layout) };
        if layout.size() >= REFILL_ON_FREE && RESERVE.load(Ordering::Relaxed).is_null() {
            refill();
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() && spend(new_size) {
            // SAFETY: as above; a failed realloc left `ptr` valid.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        p
    }
}
