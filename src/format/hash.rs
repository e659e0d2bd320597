//! CPython's numeric hashes (`Python/pyhash.c`, `long_hash`, `complex_hash`)
//! and the 3.11 xxHash-based tuple hash. A number hashes to its value
//! reduced modulo the Mersenne prime 2**61 - 1 (so `hash(1) == hash(1.0)`),
//! with the sign of the value, and -1 (reserved for errors in C) becomes -2.
//!
//! NaN is not handled here: since Python 3.10 a float NaN hashes by object
//! identity (`object.__hash__`), so callers must hash NaN objects by their
//! identity themselves. [`hash_float`] returns 0 for NaN as a placeholder.

use num_bigint::{BigInt, Sign};

/// 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `hash(float('inf'))`; `-inf` hashes to its negation.
pub const HASH_INF: i64 = 314_159;
/// Multiplier of the imaginary part in `hash(complex)`.
pub const HASH_IMAG: u64 = 1_000_003;

const HASH_BITS: u32 = 61;

fn finish(magnitude: u64, negative: bool) -> i64 {
    let h = if negative {
        -(magnitude as i64)
    } else {
        magnitude as i64
    };
    if h == -1 { -2 } else { h }
}

/// `hash(n)` for an int that fits in `i64` (agrees with [`hash_int`]).
pub fn hash_i64(n: i64) -> i64 {
    finish(n.unsigned_abs() % HASH_MODULUS, n < 0)
}

/// `hash(n)` for any int.
pub fn hash_int(n: &BigInt) -> i64 {
    // 2**64 == 2**3 (mod 2**61 - 1); fold the base-2**64 digits from the top.
    let mut acc: u64 = 0;
    for digit in n.magnitude().iter_u64_digits().rev() {
        let wide = (u128::from(acc) << 64) | u128::from(digit);
        acc = (wide % u128::from(HASH_MODULUS)) as u64;
    }
    finish(acc, n.sign() == Sign::Minus)
}

/// Rotates a residue left by `e` bits within 61 bits: multiplies by 2**e
/// modulo 2**61 - 1.
fn mul_pow2(x: u64, e: u32) -> u64 {
    let e = e % HASH_BITS;
    if e == 0 {
        return x;
    }
    ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e))
}

/// `hash(x)` for a float: equal to `hash(int(x))` for integral values and
/// to the hash of the exact fraction otherwise. NaN: see the module docs.
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    // x = mantissa * 2**exponent exactly.
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // 2**61 == 1 (mod P), so 2**exponent == 2**(exponent mod 61); the
    // mantissa is below P already.
    let e = exponent.rem_euclid(i64::from(HASH_BITS)) as u32;
    let residue = mul_pow2(mantissa % HASH_MODULUS, e);
    finish(residue % HASH_MODULUS, x < 0.0)
}

/// `hash(complex(re, im))` from the hashes of the real and imaginary parts
/// (`hash_float` of each).
pub fn hash_complex(real_hash: i64, imag_hash: i64) -> i64 {
    let combined = (real_hash as u64).wrapping_add(HASH_IMAG.wrapping_mul(imag_hash as u64));
    let h = combined as i64;
    if h == -1 { -2 } else { h }
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// CPython 3.11's `tuplehash` given the hashes of the items.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::test_support::{fields, table};
    use proptest::prelude::*;

    #[test]
    fn known_values() {
        // python3: hash(-2**63), hash(2**61-1), hash(2**61), hash(-1), ...
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_int(&BigInt::from((1u64 << 61) - 1)), 0);
        assert_eq!(hash_int(&BigInt::from(1u64 << 61)), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(0.5), 1_152_921_504_606_846_976);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(f64::INFINITY), 314_159);
        assert_eq!(hash_float(f64::NEG_INFINITY), -314_159);
        assert_eq!(hash_float(1e300), 1_224_995_262_755_759_164);
        assert_eq!(hash_float(5e-324), 16_777_216);
        assert_eq!(hash_float(-0.0), 0);
        assert_eq!(hash_tuple(&[]), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple(&[1, 2]), -3_550_055_125_485_641_917);
        assert_eq!(hash_tuple(&[1]), -6_644_214_454_873_602_895);
        assert_eq!(hash_tuple(&[hash_tuple(&[])]), -5_486_347_211_504_344_842);
        assert_eq!(hash_tuple(&[hash_i64(-1)]), 8_078_679_518_589_016_365);
        assert_eq!(hash_complex(hash_float(1.0), hash_float(2.0)), 2_000_007);
        assert_eq!(hash_complex(hash_float(-0.0), hash_float(-1.0)), -2_000_006);
    }

    /// Random ints, floats and tuples of ints with python3's hashes, from
    /// `testdata/generate.py`.
    #[test]
    fn tables_match_python() {
        for line in table(include_str!("testdata/hash.txt")) {
            let f = fields(line);
            let expected: i64 = f[2].parse().unwrap();
            let got = match f[0].as_str() {
                "int" => hash_int(&f[1].parse().unwrap()),
                "float" => hash_float(f64::from_bits(u64::from_str_radix(&f[1], 16).unwrap())),
                "tuple" => {
                    let items: Vec<i64> = f[1]
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| hash_int(&s.parse().unwrap()))
                        .collect();
                    hash_tuple(&items)
                }
                other => panic!("unknown kind {other}"),
            };
            assert_eq!(got, expected, "hash({} {})", f[0], f[1]);
        }
    }

    proptest! {
        #[test]
        fn i64_fast_path_agrees(n in any::<i64>()) {
            prop_assert_eq!(hash_i64(n), hash_int(&BigInt::from(n)));
        }

        #[test]
        fn integral_floats_hash_like_ints(n in any::<i64>()) {
            let x = n as f64;
            let exact = crate::format::int_float::f64_to_int(x).unwrap();
            prop_assert_eq!(hash_float(x), hash_int(&exact));
        }

        #[test]
        fn hash_is_residue(words in proptest::collection::vec(any::<u32>(), 0..12), neg: bool) {
            let mut v = BigInt::from(num_bigint::BigUint::new(words));
            if neg { v = -v; }
            let m = BigInt::from(HASH_MODULUS);
            let r = (v.magnitude() % m.magnitude()).to_string().parse::<i64>().unwrap();
            let expected = if neg { -r } else { r };
            let expected = if expected == -1 { -2 } else { expected };
            prop_assert_eq!(hash_int(&v), expected);
        }
    }
}
