//! Exact conversions between `BigInt` and `f64`: `float(int)` correctly
//! rounded (ties to even) with `OverflowError: int too large to convert to
//! float`, and `int(float)` truncating toward zero with CPython's errors for
//! infinities and NaN.

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use super::FormatError;

/// `float(v)`: the nearest double (ties to even), or `OverflowError` when
/// the rounded magnitude reaches 2**1024.
pub fn int_to_f64(v: &BigInt) -> Result<f64, FormatError> {
    let magnitude = v.magnitude();
    let bits = magnitude.bits();
    let unsigned = if bits <= 64 {
        // `as` rounds to nearest, ties to even.
        magnitude.to_u64().unwrap_or(0) as f64
    } else {
        let shift = bits - 64;
        let top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        // Any bit shifted out only matters as a sticky bit below the
        // rounding position (bit 10 of `top`), so OR it into bit 0.
        let sticky = magnitude.trailing_zeros().is_some_and(|tz| tz < shift);
        let rounded = (top | u64::from(sticky)) as f64;
        if shift > 1023 {
            f64::INFINITY
        } else {
            rounded * f64::from_bits((shift + 1023) << 52)
        }
    };
    if unsigned.is_infinite() {
        return Err(FormatError::overflow("int too large to convert to float"));
    }
    Ok(if v.sign() == Sign::Minus {
        -unsigned
    } else {
        unsigned
    })
}

/// `int(x)`: truncates toward zero.
pub fn f64_to_int(x: f64) -> Result<BigInt, FormatError> {
    if x.is_nan() {
        return Err(FormatError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FormatError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(BigInt::from(t as i64));
    }
    // |t| >= 2**63: an integer m * 2**e with e > 0.
    let bits = t.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut value = BigInt::from(mantissa) << exponent as u64;
    if t < 0.0 {
        value = -value;
    }
    debug_assert!(!value.is_zero());
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::test_support::{fields, outcome, table};
    use num_bigint::BigUint;
    use num_traits::One;
    use proptest::prelude::*;

    /// Big ints near rounding boundaries with python3's `float(n)` bits,
    /// from `testdata/generate.py`.
    #[test]
    fn int_to_float_matches_python() {
        for line in table(include_str!("testdata/int_to_float.txt")) {
            let f = fields(line);
            let v: BigInt = f[0].parse().unwrap();
            let got = outcome(int_to_f64(&v).map(|x| format!("{:016x}", x.to_bits())));
            assert_eq!(got, f[1], "float({})", f[0]);
        }
    }

    #[test]
    fn overflow_boundary() {
        // python3: float(2**1024 - 2**970) raises; float(2**1024 - 2**970 - 1) == sys.float_info.max
        let two = BigInt::from(2);
        let limit = num_traits::pow(two.clone(), 1024) - num_traits::pow(two.clone(), 970);
        assert_eq!(
            int_to_f64(&limit).unwrap_err().message,
            "int too large to convert to float"
        );
        assert_eq!(int_to_f64(&(limit - BigInt::one())).unwrap(), f64::MAX);
    }

    #[test]
    fn float_to_int() {
        // python3: int(-3.7), int(-0.0), int(2.0**63), str(int(-1e300))
        assert_eq!(f64_to_int(-3.7).unwrap(), BigInt::from(-3));
        assert_eq!(f64_to_int(-0.0).unwrap(), BigInt::zero());
        assert_eq!(f64_to_int(2f64.powi(63)).unwrap(), BigInt::from(1u64 << 63));
        assert_eq!(
            f64_to_int(-1e300).unwrap().to_string(),
            "-1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
        );
        assert_eq!(
            f64_to_int(f64::INFINITY).unwrap_err().message,
            "cannot convert float infinity to integer"
        );
        assert_eq!(
            f64_to_int(f64::NAN).unwrap_err().message,
            "cannot convert float NaN to integer"
        );
    }

    proptest! {
        #[test]
        fn float_int_float_round_trip(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let t = x.trunc();
            prop_assert_eq!(int_to_f64(&f64_to_int(x).unwrap()).unwrap(), t);
        }

        #[test]
        fn matches_correct_rounding(words in proptest::collection::vec(any::<u32>(), 1..6)) {
            // Reference: round-half-even computed with exact integer arithmetic.
            let v = BigInt::from(BigUint::new(words));
            let got = int_to_f64(&v).unwrap();
            let back = f64_to_int(got).unwrap();
            let err: BigInt = (&v - &back) * 2;
            // The neighbour one ulp away must be no closer.
            let ulp = if got == 0.0 { 1.0 } else { got - f64::from_bits(got.to_bits() - 1) };
            let next_ulp = f64::from_bits(got.to_bits() + 1) - got;
            let ulp_down = f64_to_int(ulp).unwrap_or_else(|_| BigInt::one());
            let ulp_up = f64_to_int(next_ulp).unwrap();
            prop_assert!(err <= ulp_up && -err <= ulp_down);
        }
    }
}
