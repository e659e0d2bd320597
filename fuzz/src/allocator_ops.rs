//! Input and model of the `allocator` target: random sequences of allocations
//! (1..=2048 bytes), frees of random live blocks, pattern writes and checks, and
//! bursts, run against a `pyrite::memory::PyMalloc` used as a plain value (not the
//! global heap). After every step: blocks are 16-aligned and never overlap a live
//! block, every block holds the pattern last written to it, and the statistics
//! equal the model's. At the end everything is freed and nothing stays in use.

use std::collections::BTreeMap;
use std::ptr::NonNull;

use arbitrary::{Arbitrary, Unstructured};
use pyrite::memory::size_class::{is_small, size_class_index};
use pyrite::memory::{AllocStats, NUM_SIZE_CLASSES, PyMalloc};

#[derive(Debug, Clone)]
pub enum Op {
    /// Allocate one block of this size (1..=2048).
    Alloc(usize),
    /// Free the live block at this index (modulo the number of live blocks).
    Free(usize),
    /// Rewrite the pattern of a live block with a new seed.
    Write(usize, u8),
    /// Check the pattern of a live block.
    Check(usize),
    /// Allocate `n` (up to 2,500) blocks of one size: enough to need new pools and
    /// arenas.
    Burst { n: usize, size: usize },
    /// Free every live block whose index is not a multiple of `k` (2..=5).
    FreeMost(usize),
    /// Free the newest `n` blocks (LIFO order, the pattern of a stack of frames).
    FreeNewest(usize),
}

impl<'a> Arbitrary<'a> for Op {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(match u.int_in_range(0..=15u8)? {
            0..=5 => Op::Alloc(size(u)?),
            6..=9 => Op::Free(usize::arbitrary(u)?),
            10 => Op::Write(usize::arbitrary(u)?, u8::arbitrary(u)?),
            11 => Op::Check(usize::arbitrary(u)?),
            12 => Op::Burst {
                n: u.int_in_range(1..=2500)?,
                size: size(u)?,
            },
            13 => Op::FreeMost(u.int_in_range(2..=5)?),
            _ => Op::FreeNewest(u.int_in_range(1..=64)?),
        })
    }
}

fn size(u: &mut Unstructured<'_>) -> arbitrary::Result<usize> {
    // Mostly the small sizes pymalloc serves itself, and the class edges.
    Ok(match u.int_in_range(0..=3u8)? {
        0 => *u.choose(&[1, 15, 16, 17, 31, 32, 33, 496, 511, 512, 513, 1024, 2048])?,
        1 | 2 => u.int_in_range(1..=512)?,
        _ => u.int_in_range(1..=2048)?,
    })
}

/// The whole input: up to 200 operations.
#[derive(Debug, Clone)]
pub struct Ops(pub Vec<Op>);

impl<'a> Arbitrary<'a> for Ops {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut ops = Vec::new();
        while ops.len() < 200 && !u.is_empty() {
            ops.push(Op::arbitrary(u)?);
        }
        Ok(Ops(ops))
    }
}

/// Live blocks are capped (at most ~60 MB, and ~15 arenas of small blocks).
const MAX_LIVE: usize = 30_000;

#[derive(Debug)]
struct Block {
    addr: usize,
    size: usize,
    seed: u8,
}

#[derive(Default)]
struct Model {
    /// Live blocks in allocation order.
    blocks: Vec<Block>,
    /// address → size of every live block.
    by_addr: BTreeMap<usize, usize>,
    allocs: u64,
    frees: u64,
    bytes: u64,
    class_in_use: [u64; NUM_SIZE_CLASSES],
    large_in_use: u64,
}

fn pattern(seed: u8, i: usize) -> u8 {
    seed.wrapping_add((i as u8).wrapping_mul(31)) ^ ((i >> 8) as u8)
}

impl Model {
    fn alloc(&mut self, a: &mut PyMalloc, size: usize) {
        let b = a.alloc(size).expect("out of memory");
        let addr = b.as_ptr() as usize;
        assert_eq!(addr % 16, 0, "block {addr:#x} not 16-aligned");
        if let Some((&prev, &psize)) = self.by_addr.range(..=addr).next_back() {
            assert!(
                prev + psize <= addr,
                "new block {addr:#x} overlaps {prev:#x}+{psize}"
            );
        }
        if let Some((&next, _)) = self.by_addr.range(addr..).next() {
            assert!(
                addr + size <= next,
                "new block {addr:#x}+{size} overlaps {next:#x}"
            );
        }
        let seed = self.allocs as u8;
        self.by_addr.insert(addr, size);
        self.blocks.push(Block { addr, size, seed });
        self.write(self.blocks.len() - 1, seed);
        self.allocs += 1;
        self.bytes += size as u64;
        if is_small(size) {
            self.class_in_use[size_class_index(size)] += 1;
        } else {
            self.large_in_use += 1;
        }
    }

    fn write(&mut self, i: usize, seed: u8) {
        let b = &mut self.blocks[i];
        b.seed = seed;
        // SAFETY: the block is live and holds at least `size` bytes.
        let bytes = unsafe { std::slice::from_raw_parts_mut(b.addr as *mut u8, b.size) };
        for (k, byte) in bytes.iter_mut().enumerate() {
            *byte = pattern(seed, k);
        }
    }

    fn check(&self, i: usize) {
        self.check_block(&self.blocks[i]);
    }

    fn check_block(&self, b: &Block) {
        // SAFETY: the block is live and holds at least `size` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(b.addr as *const u8, b.size) };
        for (k, &byte) in bytes.iter().enumerate() {
            assert_eq!(
                byte,
                pattern(b.seed, k),
                "block {:#x} ({} bytes) corrupted at offset {k}",
                b.addr,
                b.size
            );
        }
    }

    /// Frees the live block at index `i` (keeping the others in order).
    fn free(&mut self, a: &mut PyMalloc, i: usize) {
        self.check(i);
        let b = self.blocks.remove(i);
        self.release(a, b);
    }

    fn release(&mut self, a: &mut PyMalloc, b: Block) {
        assert_eq!(self.by_addr.remove(&b.addr), Some(b.size));
        // SAFETY: the block came from `a.alloc(b.size)` and is freed once.
        unsafe { a.free(NonNull::new(b.addr as *mut u8).unwrap(), b.size) };
        self.frees += 1;
        self.bytes -= b.size as u64;
        if is_small(b.size) {
            self.class_in_use[size_class_index(b.size)] -= 1;
        } else {
            self.large_in_use -= 1;
        }
    }

    fn apply(&mut self, a: &mut PyMalloc, op: &Op) {
        let n = self.blocks.len();
        match *op {
            Op::Alloc(size) if n < MAX_LIVE => self.alloc(a, size),
            Op::Free(i) if n > 0 => self.free(a, i % n),
            Op::Write(i, seed) if n > 0 => self.write(i % n, seed),
            Op::Check(i) if n > 0 => self.check(i % n),
            Op::Burst { n: count, size } => {
                for _ in 0..count.min(MAX_LIVE.saturating_sub(n)) {
                    self.alloc(a, size);
                }
            }
            Op::FreeMost(k) => {
                let all = std::mem::take(&mut self.blocks);
                let mut doomed = Vec::new();
                for (i, b) in all.into_iter().enumerate() {
                    if i % k == 0 {
                        self.blocks.push(b);
                    } else {
                        doomed.push(b);
                    }
                }
                for b in doomed {
                    self.check_block(&b);
                    self.release(a, b);
                }
            }
            Op::FreeNewest(k) => {
                for _ in 0..k.min(n) {
                    self.free(a, self.blocks.len() - 1);
                }
            }
            _ => {}
        }
    }

    fn check_stats(&self, st: &AllocStats) {
        assert_eq!(st.total_allocations, self.allocs, "total allocations");
        assert_eq!(st.total_frees, self.frees, "total frees");
        assert_eq!(st.blocks_in_use, self.blocks.len() as u64, "blocks in use");
        assert_eq!(st.bytes_in_use, self.bytes, "bytes in use");
        for i in 0..NUM_SIZE_CLASSES {
            assert_eq!(
                st.size_classes[i].blocks_in_use, self.class_in_use[i],
                "class {i} blocks in use"
            );
        }
        assert_eq!(st.large.blocks_in_use, self.large_in_use, "large blocks");
        assert!(st.arenas_current <= st.arenas_highwater);
        assert_eq!(
            st.arenas_reclaimed,
            st.arenas_allocated_total - st.arenas_current
        );
    }
}

/// Runs the operations, then frees everything; panics on any broken property.
pub fn run(ops: &Ops) {
    let mut a = PyMalloc::new();
    let mut model = Model::default();
    for op in &ops.0 {
        model.apply(&mut a, op);
        model.check_stats(&a.stats());
    }
    // The census walk of every arena and pool must agree with the counters.
    let report = a.debug_report();
    assert!(report.contains("# arenas allocated current"), "{report}");
    for i in 0..model.blocks.len() {
        model.check(i);
    }
    while !model.blocks.is_empty() {
        model.free(&mut a, model.blocks.len() - 1);
    }
    let st = a.stats();
    model.check_stats(&st);
    assert_eq!(st.blocks_in_use, 0);
    assert_eq!(st.bytes_in_use, 0);
    assert_eq!(
        st.pools_in_use, 0,
        "pools still in use after freeing everything"
    );
    assert!(st.arenas_current <= 1, "{} arenas kept", st.arenas_current);
}
