//! Integer to text: `str(int)` with CPython's limit on decimal digits
//! (`sys.get_int_max_str_digits()`, 4300 by default), any-radix digits, and
//! the `hex()`/`oct()`/`bin()` texts (`-0x1f`, `0b0`).
//!
//! The limit in force is process-wide state owned here: CPython keeps it per
//! interpreter, and Pyrite runs one interpreter per process (`Interpreter::new`
//! resets it). Decimal conversions both ways (`str(int)`, `int(str)`, format
//! specs, `%d`) read it.

use num_bigint::BigInt;
use num_traits::Signed;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::FormatError;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// `sys.set_int_max_str_digits()` refuses nonzero limits below this.
pub const MIN_MAX_STR_DIGITS: usize = 640;

static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_STR_DIGITS);

/// The limit in force (`sys.get_int_max_str_digits()`; 0 means none).
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// Set the limit in force: 0 (none) or at least [`MIN_MAX_STR_DIGITS`]; CPython's
/// error otherwise.
pub fn set_max_str_digits(n: i64) -> Result<(), FormatError> {
    if n != 0 && !(MIN_MAX_STR_DIGITS as i64..=i64::from(i32::MAX)).contains(&n) {
        return Err(FormatError::value("maxdigits must be 0 or larger than 640"));
    }
    MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(())
}

/// `str(v)` under the limit in force.
pub fn bigint_to_string(v: &BigInt) -> Result<String, FormatError> {
    bigint_to_string_limited(v, max_str_digits())
}

/// `str(v)` when more than `max_digits` decimal digits (sign not counted)
/// is an error; `max_digits == 0` means no limit.
pub fn bigint_to_string_limited(v: &BigInt, max_digits: usize) -> Result<String, FormatError> {
    if max_digits > 0 {
        // A cheap lower bound on the digit count (with a one-digit margin
        // for rounding) avoids converting huge values.
        let bits = v.bits();
        let lower_bound = (bits.saturating_sub(1) as f64 * std::f64::consts::LOG10_2) as u64 + 1;
        if lower_bound > max_digits as u64 + 1 {
            return Err(to_str_limit_error(max_digits));
        }
    }
    let text = v.to_string();
    let digits = text.len() - usize::from(v.is_negative());
    if max_digits > 0 && digits > max_digits {
        return Err(to_str_limit_error(max_digits));
    }
    Ok(text)
}

fn to_str_limit_error(max_digits: usize) -> FormatError {
    FormatError::value(format!(
        "Exceeds the limit ({max_digits} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// Digits of `v` in `radix` (2..=36), lower case, with a leading `-` for
/// negatives and no prefix. No digit limit applies.
pub fn int_to_str_radix(v: &BigInt, radix: u32) -> String {
    v.to_str_radix(radix)
}

fn prefixed(v: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = v.magnitude().to_str_radix(radix);
    let sign = if v.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `hex(v)`: `0xff`, `-0x1f`.
pub fn int_to_hex(v: &BigInt) -> String {
    prefixed(v, 16, "0x")
}

/// `oct(v)`: `0o17`, `-0o10`.
pub fn int_to_oct(v: &BigInt) -> String {
    prefixed(v, 8, "0o")
}

/// `bin(v)`: `0b101`, `0b0`.
pub fn int_to_bin(v: &BigInt) -> String {
    prefixed(v, 2, "0b")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse_int::parse_int;
    use num_traits::{One, Zero};
    use proptest::prelude::*;

    fn pow10(n: u32) -> BigInt {
        num_traits::pow(BigInt::from(10), n as usize)
    }

    #[test]
    fn digit_limit_matches_python() {
        // python3: str(10**4299) ok, str(10**4300) raises; str(-(10**4300-1)) ok
        assert_eq!(bigint_to_string(&pow10(4299)).unwrap().len(), 4300);
        let err = bigint_to_string(&pow10(4300)).unwrap_err();
        assert_eq!(
            err.message,
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        let big_neg = -(pow10(4300) - BigInt::one());
        assert_eq!(bigint_to_string(&big_neg).unwrap().len(), 4301);
        assert!(bigint_to_string(&-pow10(4300)).is_err());
        assert!(bigint_to_string(&(BigInt::one() << 1_000_000u32)).is_err());
        assert_eq!(
            bigint_to_string_limited(&pow10(5000), 0).unwrap().len(),
            5001
        );
        assert!(bigint_to_string_limited(&pow10(700), 700).is_err());
        assert!(bigint_to_string_limited(&pow10(699), 700).is_ok());
    }

    #[test]
    fn prefixed_texts() {
        // python3: hex(-31), bin(0), oct(-8), hex(255), bin(5)
        assert_eq!(int_to_hex(&BigInt::from(-31)), "-0x1f");
        assert_eq!(int_to_bin(&BigInt::zero()), "0b0");
        assert_eq!(int_to_oct(&BigInt::from(-8)), "-0o10");
        assert_eq!(int_to_hex(&BigInt::from(255)), "0xff");
        assert_eq!(int_to_bin(&BigInt::from(5)), "0b101");
        assert_eq!(int_to_str_radix(&BigInt::from(-35), 36), "-z");
    }

    proptest! {
        #[test]
        fn radix_round_trip(n in any::<i128>(), radix in 2u32..=36) {
            let v = BigInt::from(n);
            let text = int_to_str_radix(&v, radix);
            prop_assert_eq!(parse_int(&text, radix).unwrap(), v);
        }

        #[test]
        fn big_radix_round_trip(words in proptest::collection::vec(any::<u32>(), 1..40), neg: bool, radix in 2u32..=36) {
            let mut v = BigInt::from(num_bigint::BigUint::new(words));
            if neg { v = -v; }
            let text = int_to_str_radix(&v, radix);
            prop_assert_eq!(parse_int(&text, radix).unwrap(), v);
        }
    }
}
