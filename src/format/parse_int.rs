//! Integer parsing: `int(str, base)` with CPython 3.11's rules (whitespace,
//! sign, base-0 prefix detection, single underscores between digits,
//! Unicode digits, the 4300-digit limit for non-power-of-two bases, and its
//! error messages), plus integer literals of Python source code.

use num_bigint::BigInt;
use num_traits::{Num, Zero};

use super::FormatError;
use super::int_str::max_str_digits;
use super::str_repr::{str_repr, truncate_chars};
use super::unicode::{is_ascii_space, normalize_numeric};

/// `int(s, base)` under the limit in force (`sys.get_int_max_str_digits()`).
///
/// `base` must be 0 or 2..=36 (other values give CPython's `int() base must
/// be >= 2 and <= 36, or 0`; callers map negative or huge Python bases to
/// any out-of-range value such as 1).
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, FormatError> {
    parse_int_limited(s, base, max_str_digits())
}

/// `int(s, base)` when more than `max_digits` digits in a base that is not
/// a power of two is an error; `max_digits == 0` means no limit.
pub fn parse_int_limited(s: &str, base: u32, max_digits: usize) -> Result<BigInt, FormatError> {
    if base == 1 || base > 36 {
        return Err(FormatError::value(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    let normalized = normalize_numeric(s);
    match parse_ascii(normalized.as_bytes(), base, max_digits) {
        Ok(value) => Ok(value),
        Err(Failure::Limit(digits)) => Err(FormatError::value(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion: \
             value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
        Err(Failure::Invalid) => Err(FormatError::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncate_chars(&str_repr(s), 200)
        ))),
    }
}

enum Failure {
    Invalid,
    /// Too many digits; carries the digit count.
    Limit(usize),
}

/// CPython's `PyLong_FromString` on normalised ASCII text.
fn parse_ascii(text: &[u8], base: u32, max_digits: usize) -> Result<BigInt, Failure> {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut pos = 0;
    while is_ascii_space(at(pos)) {
        pos += 1;
    }
    let mut negative = false;
    match at(pos) {
        b'+' => pos += 1,
        b'-' => {
            negative = true;
            pos += 1;
        }
        _ => {}
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    let prefix_char = at(pos + 1).to_ascii_lowercase();
    if base == 0 {
        base = if at(pos) != b'0' {
            10
        } else {
            match prefix_char {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    // A C-style octal literal is invalid unless it is zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(pos) == b'0' && matches!((base, prefix_char), (16, b'x') | (8, b'o') | (2, b'b')) {
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
    }
    if at(pos) == b'_' {
        return Err(Failure::Invalid);
    }

    let mut digits = String::new();
    let mut prev_underscore = false;
    while pos < text.len() {
        let c = text[pos];
        if c == b'_' {
            if prev_underscore {
                return Err(Failure::Invalid);
            }
            prev_underscore = true;
        } else if char::from(c).is_digit(base) {
            digits.push(char::from(c));
            prev_underscore = false;
        } else {
            break;
        }
        pos += 1;
    }
    if prev_underscore {
        return Err(Failure::Invalid);
    }
    if max_digits > 0 && !base.is_power_of_two() && digits.len() > max_digits {
        return Err(Failure::Limit(digits.len()));
    }
    if digits.is_empty() {
        return Err(Failure::Invalid);
    }
    while is_ascii_space(at(pos)) {
        pos += 1;
    }
    if pos != text.len() {
        return Err(Failure::Invalid);
    }
    let magnitude = BigInt::from_str_radix(&digits, base).map_err(|_| Failure::Invalid)?;
    if error_if_nonzero && !magnitude.is_zero() {
        return Err(Failure::Invalid);
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// The value of a Python integer literal token (`0x_ff`, `0o17`, `0b101`,
/// `1_000`, `007`-style zeros only), or `None` when `src` is not one. No
/// digit limit is applied; see [`check_int_literal_digits`].
pub fn parse_int_literal(src: &str) -> Option<BigInt> {
    let bytes = src.as_bytes();
    let (radix, body) = match bytes {
        [b'0', p, rest @ ..] if p.eq_ignore_ascii_case(&b'x') => (16, rest),
        [b'0', p, rest @ ..] if p.eq_ignore_ascii_case(&b'o') => (8, rest),
        [b'0', p, rest @ ..] if p.eq_ignore_ascii_case(&b'b') => (2, rest),
        _ => (10, bytes),
    };
    // Prefixed literals may start with one underscore: `0x_ff`.
    let body = if radix != 10 {
        body.strip_prefix(b"_").unwrap_or(body)
    } else {
        body
    };
    let digits = literal_digits(body, radix)?;
    if radix == 10
        && digits.len() > 1
        && digits.starts_with('0')
        && digits.bytes().any(|b| b != b'0')
    {
        // "leading zeros in decimal integer literals are not permitted"
        return None;
    }
    BigInt::from_str_radix(&digits, radix).ok()
}

/// `digit (["_"] digit)*` in `radix`, returned without the underscores.
fn literal_digits(body: &[u8], radix: u32) -> Option<String> {
    if body.is_empty() || body[0] == b'_' || body[body.len() - 1] == b'_' {
        return None;
    }
    let mut digits = String::with_capacity(body.len());
    let mut prev_underscore = false;
    for &c in body {
        if c == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
        } else {
            char::from(c).to_digit(radix)?;
            digits.push(char::from(c));
            prev_underscore = false;
        }
    }
    Some(digits)
}

/// The compiler's digit limit for a decimal integer literal: the message
/// CPython 3.11 raises as a `SyntaxError` for literals of more than 4300
/// digits (returned here with kind `ValueError`; prefixed literals are
/// exempt).
pub fn check_int_literal_digits(src: &str) -> Result<(), FormatError> {
    let bytes = src.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' && bytes[1].is_ascii_alphabetic() {
        return Ok(());
    }
    let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    let limit = max_str_digits();
    if limit > 0 && digits > limit {
        return Err(FormatError::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: \
             value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit \
             - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::test_support::{fields, outcome, table};

    /// `int(s, base)` cases with python3's results, from `testdata/generate.py`.
    #[test]
    fn table_matches_python() {
        for line in table(include_str!("testdata/parse_int.txt")) {
            let f = fields(line);
            let base: u32 = f[1].parse().unwrap();
            assert_eq!(
                outcome(parse_int(&f[0], base)),
                f[2],
                "int({:?}, {base})",
                f[0]
            );
        }
    }

    #[test]
    fn limits() {
        // python3: int('1'*4300) ok; int('1'*4301) and int('1_'*4300+'1') raise
        assert!(parse_int(&"1".repeat(4300), 10).is_ok());
        let msg = |s: &str, base| parse_int(s, base).unwrap_err().message;
        let over = "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 \
                    digits; use sys.set_int_max_str_digits() to increase the limit";
        assert_eq!(msg(&"1".repeat(4301), 10), over);
        assert_eq!(msg(&format!("{}1", "1_".repeat(4300)), 10), over);
        assert_eq!(msg(&format!("-{}", "1".repeat(4301)), 10), over);
        assert_eq!(msg(&format!("{}x", "1".repeat(4301)), 10), over);
        assert!(parse_int(&"1".repeat(5000), 16).is_ok());
        assert!(parse_int(&"1".repeat(5000), 8).is_ok());
        assert!(parse_int(&"0".repeat(4301), 10).is_err());
        assert!(parse_int_limited(&"1".repeat(5000), 10, 0).is_ok());
    }

    #[test]
    fn literals() {
        let lit = |s: &str| parse_int_literal(s).map(|v| v.to_string());
        // python3: eval('0x_ff'), eval('0o17'), eval('0b101'), eval('1_000'), eval('00'), eval('0_0')
        assert_eq!(lit("0x_ff").as_deref(), Some("255"));
        assert_eq!(lit("0XFF").as_deref(), Some("255"));
        assert_eq!(lit("0o17").as_deref(), Some("15"));
        assert_eq!(lit("0b101").as_deref(), Some("5"));
        assert_eq!(lit("1_000").as_deref(), Some("1000"));
        assert_eq!(lit("00").as_deref(), Some("0"));
        assert_eq!(lit("0_0").as_deref(), Some("0"));
        assert_eq!(
            lit("123456789012345678901234567890").as_deref(),
            Some("123456789012345678901234567890")
        );
        // SyntaxErrors in python3: 07, 0_7, 1__0, 1_, 0x, 0x__1, 0b2, 0o8, _1, 0x_
        for bad in [
            "07", "0_7", "1__0", "1_", "0x", "0x__1", "0b2", "0o8", "_1", "0x_", "", "1a",
        ] {
            assert_eq!(lit(bad), None, "{bad}");
        }
        let long = "1".repeat(5000);
        assert!(lit(&long).is_some());
        // python3: eval('1'*5000) -> SyntaxError with this text (plus location)
        assert_eq!(
            check_int_literal_digits(&long).unwrap_err().message,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; \
             use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for \
             huge integer literals to avoid decimal conversion limits."
        );
        assert!(check_int_literal_digits(&"1".repeat(4300)).is_ok());
        assert!(check_int_literal_digits(&format!("0x{long}")).is_ok());
    }
}
