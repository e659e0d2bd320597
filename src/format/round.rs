//! The `round()` builtin for floats and ints: round-half-even to an int,
//! and rounding to `ndigits` decimal places using the exact decimal value of
//! the double (so `round(2.675, 2) == 2.67`), as CPython's `double_round`
//! does with correctly rounded dtoa/strtod.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::FormatError;
use super::int_float::f64_to_int;

/// Result of [`round_float`]: `round(x)` is an int, `round(x, n)` a float.
#[derive(Debug, Clone, PartialEq)]
pub enum Rounded {
    Int(BigInt),
    Float(f64),
}

/// `round(x)` when `ndigits` is `None`, else `round(x, ndigits)`.
///
/// Python clips an out-of-range int `ndigits` to the `Py_ssize_t` range
/// first; callers should clip to `i64` the same way.
pub fn round_float(x: f64, ndigits: Option<i64>) -> Result<Rounded, FormatError> {
    match ndigits {
        None => round_float_to_int(x).map(Rounded::Int),
        Some(n) => round_float_digits(x, n).map(Rounded::Float),
    }
}

/// `round(x)`: nearest int, ties to even.
pub fn round_float_to_int(x: f64) -> Result<BigInt, FormatError> {
    let mut rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        rounded = 2.0 * (x / 2.0).round();
    }
    f64_to_int(rounded)
}

/// Largest `ndigits` that can change a double (`(53 + 1021) * log10(2)`).
const NDIGITS_MAX: i64 = 323;
/// Below this every finite double rounds to zero.
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)`: `x` rounded half-even to a multiple of
/// `10**-ndigits`, then to the nearest double. NaN and infinities are
/// returned unchanged; `OverflowError: rounded value too large to
/// represent` when the rounded value exceeds the double range.
pub fn round_float_digits(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    // x = mantissa * 2**exponent exactly.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // scaled = |x| * 10**ndigits as num / den, then rounded half-even.
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(1u8);
    if exponent >= 0 {
        num <<= exponent as u64;
    } else {
        den <<= (-exponent) as u64;
    }
    let ten_pow = num_traits::pow(BigInt::from(10u8), ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        num *= ten_pow;
    } else {
        den *= ten_pow;
    }
    let (quotient, remainder) = num.div_rem(&den);
    let twice = remainder * 2u8;
    let round_up = twice > den || (twice == den && quotient.is_odd());
    let digits = if round_up { quotient + 1u8 } else { quotient };
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if digits.is_zero() {
        return Ok(if x.is_sign_negative() { -0.0 } else { 0.0 });
    }
    // Correctly rounded decimal-to-double conversion of digits * 10**-ndigits.
    let text = format!("{sign}{}e{}", digits.abs(), -ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::INFINITY);
    if rounded.is_infinite() {
        return Err(FormatError::overflow(
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

/// `round(v, ndigits)` for an int: unchanged for `ndigits >= 0`, else
/// rounded half-even to a multiple of `10**-ndigits`.
pub fn round_int(v: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return v.clone();
    }
    let k = ndigits.unsigned_abs();
    // |v| < 10**k / 2 whenever 10**(k-1) > |v|, i.e. k exceeds the digit
    // count; skip building a huge power of ten in that case.
    let max_digits = (v.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    if k > max_digits {
        return BigInt::zero();
    }
    let pow = num_traits::pow(BigInt::from(10u8), k as usize);
    let (quotient, remainder) = v.div_mod_floor(&pow);
    let twice = &remainder * 2u8;
    let round_up = twice > pow || (twice == pow && quotient.is_odd());
    let quotient = if round_up { quotient + 1u8 } else { quotient };
    quotient * pow
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::test_support::{fields, outcome, table};

    #[test]
    fn examples_match_python() {
        // python3: round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2)
        assert_eq!(round_float_digits(2.675, 2).unwrap(), 2.67);
        assert_eq!(
            round_float(0.5, None).unwrap(),
            Rounded::Int(BigInt::from(0))
        );
        assert_eq!(
            round_float(1.5, None).unwrap(),
            Rounded::Int(BigInt::from(2))
        );
        assert_eq!(
            round_float(-2.5, None).unwrap(),
            Rounded::Int(BigInt::from(-2))
        );
        assert_eq!(
            round_float(1234.5678, Some(-2)).unwrap(),
            Rounded::Float(1200.0)
        );
        assert_eq!(
            round_float_digits(-0.4, 0).unwrap().to_bits(),
            (-0.0f64).to_bits()
        );
        assert_eq!(round_float_digits(1.5, -309).unwrap().to_bits(), 0);
        assert_eq!(
            round_float_digits(-1.5, -309).unwrap().to_bits(),
            (-0.0f64).to_bits()
        );
        assert_eq!(round_float_digits(5e-324, 323).unwrap(), 0.0);
        assert_eq!(round_float_digits(5e-324, 324).unwrap(), 5e-324);
        assert_eq!(round_float_digits(f64::INFINITY, 2).unwrap(), f64::INFINITY);
        assert_eq!(
            round_float_digits(1.7976931348623157e308, -308)
                .unwrap_err()
                .message,
            "rounded value too large to represent"
        );
        assert_eq!(
            round_float_to_int(f64::INFINITY).unwrap_err().message,
            "cannot convert float infinity to integer"
        );
        assert_eq!(
            round_float_to_int(f64::NAN).unwrap_err().message,
            "cannot convert float NaN to integer"
        );
    }

    #[test]
    fn int_rounding_matches_python() {
        // python3: round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), ...
        let cases: &[(i64, i64, i64)] = &[
            (1234, -2, 1200),
            (1250, -2, 1200),
            (1350, -2, 1400),
            (-1250, -2, -1200),
            (-1350, -2, -1400),
            (5, -1, 0),
            (15, -1, 20),
            (5, 3, 5),
            (-5, -100_000, 0),
            (999, -3, 1000),
            (500, -3, 0),
            (1500, -3, 2000),
        ];
        for &(v, n, expected) in cases {
            assert_eq!(
                round_int(&BigInt::from(v), n),
                BigInt::from(expected),
                "round({v}, {n})"
            );
        }
    }

    /// Random doubles and ndigits with python3's `round(x, n)` (and
    /// `round(x)`), from `testdata/generate.py`.
    #[test]
    fn tables_match_python() {
        for line in table(include_str!("testdata/round.txt")) {
            let f = fields(line);
            let x = f64::from_bits(u64::from_str_radix(&f[0], 16).unwrap());
            let got = if f[1] == "None" {
                outcome(round_float_to_int(x))
            } else {
                let n: i64 = f[1].parse().unwrap();
                outcome(round_float_digits(x, n).map(|r| format!("{:016x}", r.to_bits())))
            };
            assert_eq!(got, f[2], "round({x:e}, {})", f[1]);
        }
    }
}
