//! Allocator patterns, pymalloc against the system allocator: alloc+free pairs, LIFO,
//! FIFO and random release orders, and mixed sizes (all within 16..=512 bytes).
//! Run with `cargo bench --bench allocator`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pyrite::memory::{ObjectAllocator, PyMalloc, SystemAllocator};
use std::hint::black_box;
use std::ptr::NonNull;

const N: usize = 4096;

/// A small deterministic generator (xorshift) so both allocators see the same sequence.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn pairs<A: ObjectAllocator>(a: &mut A, size: usize) {
    for _ in 0..N {
        let p = a.alloc(size).expect("alloc");
        // SAFETY: `p` came from `a.alloc(size)` and is freed once.
        unsafe { a.free(black_box(p), size) };
    }
}

fn lifo<A: ObjectAllocator>(a: &mut A, size: usize, live: &mut Vec<NonNull<u8>>) {
    for _ in 0..N {
        live.push(a.alloc(size).expect("alloc"));
    }
    while let Some(p) = live.pop() {
        // SAFETY: each block was allocated above with `size` and is freed once.
        unsafe { a.free(p, size) };
    }
}

fn fifo<A: ObjectAllocator>(a: &mut A, size: usize, live: &mut Vec<NonNull<u8>>) {
    for _ in 0..N {
        live.push(a.alloc(size).expect("alloc"));
    }
    for p in live.drain(..) {
        // SAFETY: as in `lifo`.
        unsafe { a.free(p, size) };
    }
}

fn random<A: ObjectAllocator>(a: &mut A, size: usize, live: &mut Vec<NonNull<u8>>, seed: &mut u64) {
    for _ in 0..N {
        live.push(a.alloc(size).expect("alloc"));
    }
    while !live.is_empty() {
        let i = (xorshift(seed) as usize) % live.len();
        let p = live.swap_remove(i);
        // SAFETY: as in `lifo`.
        unsafe { a.free(p, size) };
    }
}

fn mixed<A: ObjectAllocator>(a: &mut A, live: &mut Vec<(NonNull<u8>, usize)>, seed: &mut u64) {
    for _ in 0..N {
        let size = 16 * (1 + (xorshift(seed) as usize) % 32);
        live.push((a.alloc(size).expect("alloc"), size));
        if live.len() > 512 {
            let i = (xorshift(seed) as usize) % live.len();
            let (p, s) = live.swap_remove(i);
            // SAFETY: `p` was allocated with size `s` and is freed once.
            unsafe { a.free(p, s) };
        }
    }
    for (p, s) in live.drain(..) {
        // SAFETY: as above.
        unsafe { a.free(p, s) };
    }
}

fn bench_allocators(c: &mut Criterion) {
    for size in [16usize, 64, 256, 512] {
        let mut g = c.benchmark_group(format!("alloc_free_pairs/{size}B"));
        let mut pm = PyMalloc::new();
        let keep = pm.alloc(size).expect("alloc");
        g.bench_function(BenchmarkId::new("pymalloc", size), |b| {
            b.iter(|| pairs(&mut pm, size))
        });
        let mut sys = SystemAllocator::new();
        g.bench_function(BenchmarkId::new("system", size), |b| {
            b.iter(|| pairs(&mut sys, size))
        });
        // SAFETY: `keep` was allocated with `size` above.
        unsafe { pm.free(keep, size) };
        g.finish();
    }
    let mut g = c.benchmark_group("patterns/64B");
    let mut live = Vec::with_capacity(N);
    let mut pm = PyMalloc::new();
    let mut sys = SystemAllocator::new();
    g.bench_function("lifo/pymalloc", |b| b.iter(|| lifo(&mut pm, 64, &mut live)));
    g.bench_function("lifo/system", |b| b.iter(|| lifo(&mut sys, 64, &mut live)));
    g.bench_function("fifo/pymalloc", |b| b.iter(|| fifo(&mut pm, 64, &mut live)));
    g.bench_function("fifo/system", |b| b.iter(|| fifo(&mut sys, 64, &mut live)));
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    g.bench_function("random/pymalloc", |b| {
        b.iter(|| random(&mut pm, 64, &mut live, &mut seed))
    });
    g.bench_function("random/system", |b| {
        b.iter(|| random(&mut sys, 64, &mut live, &mut seed))
    });
    let mut mlive = Vec::with_capacity(N);
    g.bench_function("mixed/pymalloc", |b| {
        b.iter(|| mixed(&mut pm, &mut mlive, &mut seed))
    });
    g.bench_function("mixed/system", |b| {
        b.iter(|| mixed(&mut sys, &mut mlive, &mut seed))
    });
    g.finish();
}

criterion_group!(benches, bench_allocators);
criterion_main!(benches);
