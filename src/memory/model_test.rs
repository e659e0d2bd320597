//! Model-based property tests of both allocators (test-only).
//!
//! Owns the reference model: a map from block address to (size, tag byte)
//! of every live block, and the counts the allocator's statistics must
//! match. Random sequences of single allocations (1..=1024 bytes), frees of
//! random live blocks, bursts (enough to need several arenas) and mass frees
//! run against an allocator; after every step: blocks are 16-aligned and
//! never overlap a live block, each block still holds the tag byte written
//! when it was allocated (checked when it is freed), the statistics equal
//! the model's, and pymalloc's structural invariants hold. After freeing
//! everything nothing is in use and at most one arena is kept.

use std::collections::BTreeMap;
use std::ptr::NonNull;

use proptest::prelude::*;

use super::size_class::{NUM_SIZE_CLASSES, is_small, size_class_index};
use super::{AllocStats, ObjectAllocator, PyMalloc, SystemAllocator};

#[derive(Clone, Debug)]
enum Op {
    /// Allocate one block of this size.
    Alloc(usize),
    /// Free the live block at this index (modulo the number of live blocks).
    Free(usize),
    /// Allocate `n` blocks of `size` bytes.
    Burst { n: usize, size: usize },
    /// Free each live block with probability (k - 1) / k.
    FreeMost { seed: u64, k: u64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (1..=1024usize).prop_map(Op::Alloc),
        5 => any::<usize>().prop_map(Op::Free),
        // Up to ~2 MiB per burst, so a sequence needs several arenas.
        2 => (1..4000usize, 1..=512usize).prop_map(|(n, size)| Op::Burst { n, size }),
        2 => (any::<u64>(), 2..6u64).prop_map(|(seed, k)| Op::FreeMost { seed, k }),
    ]
}

/// splitmix64: a tiny deterministic mixer for `FreeMost`.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[derive(Default)]
struct Model {
    /// address -> (requested size, tag byte)
    live: BTreeMap<usize, (usize, u8)>,
    allocs: u64,
    frees: u64,
    bytes: u64,
    class_in_use: [u64; NUM_SIZE_CLASSES],
    large_in_use: u64,
    next_tag: u8,
}

impl Model {
    fn alloc<A: ObjectAllocator>(&mut self, a: &mut A, size: usize) {
        let b = a.alloc(size).expect("out of memory in a test");
        let addr = b.as_ptr() as usize;
        assert_eq!(addr % 16, 0, "block not 16-aligned");
        if let Some((&prev, &(psize, _))) = self.live.range(..addr).next_back() {
            assert!(prev + psize <= addr, "block {addr:#x} overlaps {prev:#x}");
        }
        if let Some((&next, _)) = self.live.range(addr..).next() {
            assert!(addr + size <= next, "block {addr:#x} overlaps {next:#x}");
        }
        self.next_tag = self.next_tag.wrapping_add(1).max(1);
        let tag = self.next_tag;
        // SAFETY: the block holds at least `size` bytes and is ours.
        unsafe { b.as_ptr().write_bytes(tag, size) };
        self.live.insert(addr, (size, tag));
        self.allocs += 1;
        self.bytes += size as u64;
        if is_small(size) {
            self.class_in_use[size_class_index(size)] += 1;
        } else {
            self.large_in_use += 1;
        }
    }

    fn free<A: ObjectAllocator>(&mut self, a: &mut A, addr: usize) {
        let (size, tag) = self.live.remove(&addr).expect("free of a dead block");
        // SAFETY: `addr` is a live block of `size` bytes that we filled.
        let bytes = unsafe { std::slice::from_raw_parts(addr as *const u8, size) };
        assert!(
            bytes == &[tag; 1024][..size],
            "block {addr:#x} ({size} bytes) was corrupted"
        );
        // SAFETY: `addr` came from `a.alloc(size)` and is freed once.
        unsafe { a.free(NonNull::new(addr as *mut u8).unwrap(), size) };
        self.frees += 1;
        self.bytes -= size as u64;
        if is_small(size) {
            self.class_in_use[size_class_index(size)] -= 1;
        } else {
            self.large_in_use -= 1;
        }
    }

    fn apply<A: ObjectAllocator>(&mut self, a: &mut A, op: &Op) {
        match *op {
            Op::Alloc(size) => self.alloc(a, size),
            Op::Free(i) => {
                if !self.live.is_empty() {
                    let addr = *self.live.keys().nth(i % self.live.len()).unwrap();
                    self.free(a, addr);
                }
            }
            Op::Burst { n, size } => (0..n).for_each(|_| self.alloc(a, size)),
            Op::FreeMost { seed, k } => {
                let doomed: Vec<usize> = self
                    .live
                    .keys()
                    .copied()
                    .filter(|&addr| !mix(seed ^ addr as u64).is_multiple_of(k))
                    .collect();
                doomed.into_iter().for_each(|addr| self.free(a, addr));
            }
        }
    }

    fn check_stats(&self, st: &AllocStats) {
        assert_eq!(st.total_allocations, self.allocs);
        assert_eq!(st.total_frees, self.frees);
        assert_eq!(st.blocks_in_use, self.live.len() as u64);
        assert_eq!(st.bytes_in_use, self.bytes);
        for i in 0..NUM_SIZE_CLASSES {
            assert_eq!(
                st.size_classes[i].blocks_in_use, self.class_in_use[i],
                "class {i}"
            );
        }
        assert_eq!(st.large.blocks_in_use, self.large_in_use);
    }

    fn free_everything<A: ObjectAllocator>(&mut self, a: &mut A) {
        let all: Vec<usize> = self.live.keys().copied().collect();
        all.into_iter().for_each(|addr| self.free(a, addr));
    }
}

/// Runs `ops` against `a`, calling `check` after every step.
fn run<A: ObjectAllocator>(a: &mut A, ops: &[Op], check: impl Fn(&A)) {
    let mut model = Model::default();
    for op in ops {
        model.apply(a, op);
        model.check_stats(&a.stats());
        check(a);
    }
    model.free_everything(a);
    let st = a.stats();
    model.check_stats(&st);
    assert_eq!(st.blocks_in_use, 0);
    assert_eq!(st.bytes_in_use, 0);
    assert!(st.arenas_current <= 1, "{} arenas kept", st.arenas_current);
    assert_eq!(st.pools_in_use, 0);
    check(a);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pymalloc_matches_the_model(ops in prop::collection::vec(op(), 1..80)) {
        let mut a = PyMalloc::new();
        run(&mut a, &ops, |a| a.check_invariants());
        let st = a.stats();
        prop_assert_eq!(st.arenas_reclaimed, st.arenas_allocated_total - st.arenas_current);
        let report = a.debug_report();
        let expected = format!(
            "# arenas allocated current         ={:>21}\n",
            st.arenas_current
        );
        prop_assert!(report.contains(&expected), "{}", report);
    }

    #[test]
    fn system_allocator_matches_the_model(ops in prop::collection::vec(op(), 1..40)) {
        let mut a = SystemAllocator::new();
        run(&mut a, &ops, |_| ());
    }
}
