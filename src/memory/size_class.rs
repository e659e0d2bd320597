//! Size classes: the mapping between a request size and pymalloc's 32 block sizes.
//!
//! Owns the constants that define which requests are "small" and how they are
//! rounded. Invariants:
//! - every block size is a multiple of [`ALIGNMENT`] (16), so every block is
//!   16-byte aligned once its pool's first block is;
//! - class `idx` holds blocks of `(idx + 1) * 16` bytes, for `idx` in `0..32`;
//! - a request of `n` bytes, `1 <= n <= 512`, goes to class `(n - 1) >> 4`,
//!   the smallest class whose blocks hold `n` bytes. A request of 0 bytes is
//!   treated as 1 byte (class 0); CPython sends 0 to the raw allocator instead.

/// Block alignment and size-class step (CPython `ALIGNMENT`, 64-bit).
pub const ALIGNMENT: usize = 16;
/// `log2(ALIGNMENT)` (CPython `ALIGNMENT_SHIFT`).
pub const ALIGNMENT_SHIFT: u32 = 4;
/// Largest request served from pools; larger requests go to the system
/// allocator (CPython `SMALL_REQUEST_THRESHOLD`).
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes: 16, 32, ..., 512.
pub const NUM_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

/// True if a request of `size` bytes is served by a size class (0 counts as 1).
#[inline]
pub const fn is_small(size: usize) -> bool {
    size <= SMALL_REQUEST_THRESHOLD
}

/// Size-class index for a small request (`size <= 512`; 0 is treated as 1).
#[inline]
pub const fn size_class_index(size: usize) -> usize {
    debug_assert!(size <= SMALL_REQUEST_THRESHOLD);
    size.saturating_sub(1) >> ALIGNMENT_SHIFT
}

/// Block size in bytes of class `idx` (CPython `INDEX2SIZE`).
#[inline]
pub const fn class_block_size(idx: usize) -> usize {
    debug_assert!(idx < NUM_SIZE_CLASSES);
    (idx + 1) << ALIGNMENT_SHIFT
}

/// `size` rounded up to a multiple of [`ALIGNMENT`] (0 becomes 16).
#[inline]
pub const fn round_up_to_alignment(size: usize) -> usize {
    if size == 0 {
        ALIGNMENT
    } else {
        (size + (ALIGNMENT - 1)) & !(ALIGNMENT - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_two_classes_of_sixteen_bytes() {
        assert_eq!(NUM_SIZE_CLASSES, 32);
        assert_eq!(class_block_size(0), 16);
        assert_eq!(class_block_size(31), 512);
    }

    #[test]
    fn boundaries() {
        assert_eq!(size_class_index(0), 0);
        assert_eq!(size_class_index(1), 0);
        assert_eq!(size_class_index(16), 0);
        assert_eq!(size_class_index(17), 1);
        assert_eq!(size_class_index(32), 1);
        assert_eq!(size_class_index(33), 2);
        assert_eq!(size_class_index(496), 30);
        assert_eq!(size_class_index(497), 31);
        assert_eq!(size_class_index(512), 31);
        assert!(is_small(512));
        assert!(!is_small(513));
    }

    #[test]
    fn every_size_gets_the_smallest_block_that_fits() {
        for n in 1..=SMALL_REQUEST_THRESHOLD {
            let idx = size_class_index(n);
            let block = class_block_size(idx);
            assert!(block >= n, "size {n}");
            assert!(idx == 0 || class_block_size(idx - 1) < n, "size {n}");
            assert_eq!(block % ALIGNMENT, 0);
            assert_eq!(round_up_to_alignment(n), block);
        }
        assert_eq!(round_up_to_alignment(0), 16);
        assert_eq!(round_up_to_alignment(513), 528);
    }
}
