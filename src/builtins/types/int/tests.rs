//! Unit and property tests of integer arithmetic against num-bigint references.

use super::*;
use crate::object::int::IntValue;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};
use proptest::prelude::*;
use std::cmp::Ordering;

fn small(v: i64) -> IntValue {
    IntValue::Small(v)
}

fn iv(b: &BigInt) -> IntValue {
    IntValue::from_big(b.clone())
}

fn as_big(v: &IntValue) -> BigInt {
    v.to_big()
}

/// Operands that exercise the fast path's edges and the big path.
fn operand() -> impl Strategy<Value = BigInt> {
    prop_oneof![
        any::<i64>().prop_map(BigInt::from),
        (-300i64..300).prop_map(BigInt::from),
        prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(-1i64), Just(0i64)].prop_map(BigInt::from),
        (any::<i64>(), any::<u64>(), 0u32..3).prop_map(|(hi, lo, extra)| {
            let mut b = (BigInt::from(hi) << 64u32) + BigInt::from(lo);
            for _ in 0..extra {
                b = (b << 61u32) + BigInt::from(lo >> 3);
            }
            b
        }),
    ]
}

/// Every operator against a reference computed with `num_bigint` directly (or, for
/// the bitwise operators, identities that hold in two's complement).
fn check_binary(a: &BigInt, b: &BigInt) {
    let (x, y) = (iv(a), iv(b));
    assert_eq!(as_big(&int_add(&x, &y)), a + b);
    assert_eq!(as_big(&int_sub(&x, &y)), a - b);
    assert_eq!(as_big(&int_mul(&x, &y)), a * b);
    if b.is_zero() {
        assert!(int_floordiv(&x, &y).is_err());
        assert!(int_mod(&x, &y).is_err());
        assert!(int_truediv(&x, &y).is_err());
    } else {
        assert_eq!(as_big(&int_floordiv(&x, &y).unwrap()), a.div_floor(b));
        assert_eq!(as_big(&int_mod(&x, &y).unwrap()), a.mod_floor(b));
        let (q, r) = int_divmod(&x, &y).unwrap();
        assert_eq!((as_big(&q), as_big(&r)), a.div_mod_floor(b));
    }
    // Bitwise identities that hold in two's complement.
    let and = as_big(&int_and(&x, &y));
    let or = as_big(&int_or(&x, &y));
    let xor = as_big(&int_xor(&x, &y));
    assert_eq!(&and + &or, a + b);
    assert_eq!(xor, &or - &and);
    assert_eq!(as_big(&int_invert(&x)), -a - 1);
    assert_eq!(int_cmp(&x, &y), a.cmp(b));
    // Normalisation invariant: Big only outside i64.
    for r in [int_add(&x, &y), int_mul(&x, &y), int_sub(&x, &y)] {
        if let IntValue::Big(b) = &r {
            assert!(b.to_i64().is_none());
        }
    }
}

proptest! {
    #[test]
    fn arithmetic_matches_bigint(a in operand(), b in operand()) {
        check_binary(&a, &b);
    }

    #[test]
    fn fast_path_agrees_with_big_path(a in any::<i64>(), b in any::<i64>(), n in 0i64..70, f in any::<f64>()) {
        // A `Big` holding an i64 value breaks the representation invariant on
        // purpose: it forces each operation onto its BigInt path.
        let (x, y) = (small(a), small(b));
        let (bx, by) = (IntValue::Big(BigInt::from(a)), IntValue::Big(BigInt::from(b)));
        prop_assert_eq!(int_add(&x, &y), int_add(&bx, &by));
        prop_assert_eq!(int_sub(&x, &y), int_sub(&bx, &by));
        prop_assert_eq!(int_mul(&x, &y), int_mul(&bx, &by));
        prop_assert_eq!(int_and(&x, &y), int_and(&bx, &by));
        prop_assert_eq!(int_or(&x, &y), int_or(&bx, &by));
        prop_assert_eq!(int_xor(&x, &y), int_xor(&bx, &by));
        prop_assert_eq!(int_invert(&x), int_invert(&bx));
        prop_assert_eq!(int_neg(&x), int_neg(&bx));
        if b != 0 {
            prop_assert_eq!(int_floordiv(&x, &y), int_floordiv(&bx, &by));
            prop_assert_eq!(int_mod(&x, &y), int_mod(&bx, &by));
            prop_assert_eq!(int_divmod(&x, &y), int_divmod(&bx, &by));
            prop_assert_eq!(
                int_truediv(&x, &y).map(f64::to_bits),
                int_truediv(&bx, &by).map(f64::to_bits)
            );
        }
        let sh = small(n);
        prop_assert_eq!(int_lshift(&x, &sh), int_lshift(&bx, &sh));
        prop_assert_eq!(int_rshift(&x, &sh), int_rshift(&bx, &sh));
        let e = small(n % 5);
        prop_assert_eq!(int_pow(&x, &e), int_pow(&bx, &e));
        prop_assert_eq!(int_to_f64_checked(&x), int_to_f64_checked(&bx));
        prop_assert_eq!(int_float_cmp(&x, f), int_float_cmp(&bx, f));
    }

    #[test]
    fn small_bitwise_matches_i128(a in any::<i64>(), b in any::<i64>()) {
        let (x, y) = (small(a), small(b));
        prop_assert_eq!(int_and(&x, &y), small(a & b));
        prop_assert_eq!(int_or(&x, &y), small(a | b));
        prop_assert_eq!(int_xor(&x, &y), small(a ^ b));
        if b != 0 {
            let q = Integer::div_floor(&(a as i128), &(b as i128));
            let r = Integer::mod_floor(&(a as i128), &(b as i128));
            prop_assert_eq!(as_big(&int_floordiv(&x, &y).unwrap()), BigInt::from(q));
            prop_assert_eq!(as_big(&int_mod(&x, &y).unwrap()), BigInt::from(r));
        }
    }

    #[test]
    fn shifts_match_multiplication(a in operand(), n in 0u64..200) {
        let x = iv(&a);
        let sh = small(n as i64);
        let p = BigInt::one() << n;
        prop_assert_eq!(as_big(&int_lshift(&x, &sh).unwrap()), &a * &p);
        prop_assert_eq!(as_big(&int_rshift(&x, &sh).unwrap()), a.div_floor(&p));
    }

    #[test]
    fn pow_matches_bigint(a in -1000i64..1000, e in 0u32..40) {
        let r = int_pow(&small(a), &small(i64::from(e))).unwrap();
        prop_assert_eq!(r, Number::Int(iv(&BigInt::from(a).pow(e))));
    }

    #[test]
    fn pow_mod_matches(a in operand(), e in 0u32..50, m in operand()) {
        prop_assume!(!m.is_zero());
        let r = int_pow_mod(&iv(&a), &small(i64::from(e)), &iv(&m)).unwrap();
        prop_assert_eq!(as_big(&r), a.pow(e).mod_floor(&m));
    }

    #[test]
    fn float_comparison_is_exact(a in operand(), f in any::<f64>()) {
        let got = int_float_cmp(&iv(&a), f);
        if f.is_nan() {
            prop_assert_eq!(got, None);
        } else if f.is_infinite() {
            prop_assert_eq!(got, Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater }));
        } else {
            // f = m * 2**e exactly.
            let bits = f.to_bits();
            let exp = ((bits >> 52) & 0x7ff) as i64;
            let frac = (bits & ((1 << 52) - 1)) as i64;
            let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
            let m = if f < 0.0 { -BigInt::from(m) } else { BigInt::from(m) };
            let want = if e >= 0 { a.cmp(&(m << e as u64)) } else { (&a << (-e) as u64).cmp(&m) };
            prop_assert_eq!(got, Some(want));
        }
    }

    #[test]
    fn true_division_is_correctly_rounded(x in -(1i64 << 53)..(1i64 << 53), y in 1i64..(1i64 << 53), k in 0u32..300) {
        // Scaling both operands by the same big factor must not change the result.
        let want = x as f64 / y as f64;
        let c = BigInt::from(3u8).pow(k) + BigInt::one();
        let got = int_truediv(&iv(&(BigInt::from(x) * &c)), &iv(&(BigInt::from(y) * &c))).unwrap();
        prop_assert_eq!(got.to_bits(), want.to_bits());
    }

    #[test]
    fn to_float_agrees_with_format(a in operand()) {
        let got = int_to_f64_checked(&iv(&a)).unwrap();
        prop_assert_eq!(got, format::int_to_f64(&a).unwrap());
        // And ratio_to_f64 with denominator 1 agrees.
        prop_assert_eq!(ratio_to_f64(&a, &BigInt::one()).unwrap(), got);
    }
}

#[test]
fn fixed_cases_from_cpython() {
    let p = |e: u32| iv(&BigInt::from(10u8).pow(e));
    assert_eq!(int_truediv(&p(400), &p(399)).unwrap(), 10.0);
    assert_eq!(
        int_truediv(&p(400), &small(3)),
        Err(ArithError::Overflow(
            "integer division result too large for a float"
        ))
    );
    assert_eq!(int_truediv(&small(1), &p(400)).unwrap(), 0.0);
    assert!(
        int_truediv(&small(0), &small(-5))
            .unwrap()
            .is_sign_negative()
    );
    assert_eq!(int_truediv(&small(7), &small(2)).unwrap(), 3.5);
    assert_eq!(
        int_floordiv(&small(1), &small(0)),
        Err(ArithError::ZeroDivision(
            "integer division or modulo by zero"
        ))
    );
    assert_eq!(
        int_mod(&small(1), &small(0)),
        Err(ArithError::ZeroDivision("integer modulo by zero"))
    );
    assert_eq!(
        as_big(&int_floordiv(&small(i64::MIN), &small(-1)).unwrap()),
        -BigInt::from(i64::MIN)
    );
    assert_eq!(int_mod(&small(i64::MIN), &small(-1)).unwrap(), small(0));
    assert_eq!(
        int_lshift(&small(1), &small(-1)),
        Err(ArithError::Value("negative shift count"))
    );
    assert_eq!(int_rshift(&small(-1), &p(30)).unwrap(), small(-1));
    assert_eq!(int_rshift(&small(-5), &small(1)).unwrap(), small(-3));
    assert_eq!(int_pow(&small(2), &small(-2)).unwrap(), Number::Float(0.25));
    assert_eq!(
        int_pow(&small(0), &small(-1)),
        Err(ArithError::ZeroDivision(
            "0.0 cannot be raised to a negative power"
        ))
    );
    assert_eq!(int_pow(&small(-1), &p(30)).unwrap(), Number::Int(small(1)));
    assert_eq!(int_pow(&small(0), &p(30)).unwrap(), Number::Int(small(0)));
    assert_eq!(
        int_pow_mod(&small(3), &small(-1), &small(-11)).unwrap(),
        small(-7)
    );
    assert_eq!(
        int_pow_mod(&small(2), &small(100), &small(-7)).unwrap(),
        small(-5)
    );
    assert_eq!(
        int_pow_mod(&small(-2), &small(-1), &small(5)).unwrap(),
        small(2)
    );
    assert_eq!(
        int_pow_mod(&small(2), &small(-1), &small(1)).unwrap(),
        small(0)
    );
    assert_eq!(
        int_pow_mod(&small(2), &small(-1), &small(4)),
        Err(ArithError::Value(
            "base is not invertible for the given modulus"
        ))
    );
    let two53_plus1 = small((1 << 53) + 1);
    assert_eq!(
        int_float_cmp(&two53_plus1, 2f64.powi(53)),
        Some(Ordering::Greater)
    );
    assert_eq!(int_float_cmp(&p(400), f64::INFINITY), Some(Ordering::Less));
    assert_eq!(int_bit_length(&small(-255)), 8);
    assert_eq!(int_bit_length(&small(i64::MIN)), 64);
}

#[test]
fn compose_handles_subnormals_and_overflow() {
    // 2**-1074 exactly, and half of it (ties to even: zero).
    assert_eq!(
        compose_f64(1 << 63, false, -1074 - 63),
        Some(f64::from_bits(1))
    );
    assert_eq!(compose_f64(1 << 63, false, -1075 - 63), Some(0.0));
    assert_eq!(
        compose_f64(1 << 63, true, -1075 - 63),
        Some(f64::from_bits(1))
    );
    assert_eq!(compose_f64(u64::MAX, false, 1023 - 63), None);
    assert_eq!(
        compose_f64(1 << 63, false, 1023 - 63),
        Some(2f64.powi(1023))
    );
    // 2**-1070 (subnormal) via the ratio path.
    let (n, d) = (BigInt::one(), BigInt::one() << 1070u32);
    assert_eq!(ratio_to_f64(&n, &d), Some(f64::from_bits(1 << 4)));
}
