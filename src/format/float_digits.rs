//! Decimal digit generation for finite doubles, the role of David Gay's
//! `_Py_dg_dtoa` in CPython: shortest round-trip digits (mode 0), `n`
//! significant digits (mode 2) and `n` digits after the point (mode 3), all
//! correctly rounded with ties to even. The digits come from Rust's exact
//! float formatting (`{:e}`, `{:.N e}`, `{:.N}`), then get reshaped.

/// A decimal digit string: the value is `0.DIGITS * 10**decpt`.
///
/// `digits` holds ASCII digits with no leading or trailing zeros, except that
/// zero itself is `"0"` with `decpt == 1` (as dtoa reports it). In fixed mode
/// a value that rounds to zero has empty `digits`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Digits {
    pub digits: Vec<u8>,
    pub decpt: i64,
}

impl Digits {
    fn zero() -> Self {
        Digits {
            digits: vec![b'0'],
            decpt: 1,
        }
    }

    /// True when the digits denote zero (empty or `"0"`).
    pub fn is_zero(&self) -> bool {
        self.digits.is_empty() || self.digits == b"0"
    }
}

/// Shortest digits that round-trip to `x` (finite; the sign is ignored).
pub(super) fn shortest(x: f64) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let x = x.abs();
    let candidate = from_scientific(&format!("{x:e}"));
    // When two shortest strings are equally close to x, Rust rounds the last
    // digit up while dtoa rounds half to even (repr(-927239941879143.25) is
    // '-927239941879143.2'). That needs two candidates inside the rounding
    // interval, so decimal spacing at most one binary ulp: 16+ digits. The
    // correctly rounded value of the same length is then the right answer
    // whenever it round-trips.
    let n = candidate.digits.len();
    if n >= 16 {
        let nearest = significant(x, n);
        if nearest != candidate && round_trips(&nearest, x) {
            return nearest;
        }
    }
    candidate
}

fn round_trips(d: &Digits, x: f64) -> bool {
    let digits = std::str::from_utf8(&d.digits).unwrap_or("0");
    format!("0.{digits}e{}", d.decpt).parse::<f64>() == Ok(x)
}

/// More digits than any double's exact decimal expansion has: at most 767
/// significant digits, and at most 1074 after the point (for `2**-1074`). Asking
/// Rust's formatter for more only appends zeros, which [`normalize`] strips, so
/// precisions are clamped to this (Rust's own limit is 65535).
const EXACT_DIGITS: usize = 1100;

/// `x` correctly rounded to `n >= 1` significant digits (finite; sign ignored).
pub(super) fn significant(x: f64, n: usize) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let n = n.clamp(1, EXACT_DIGITS);
    from_scientific(&format!("{:.*e}", n - 1, x.abs()))
}

/// `x` correctly rounded to `n` digits after the decimal point (finite;
/// sign ignored). A result that rounds to zero has empty digits.
pub(super) fn fixed(x: f64, n: usize) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let text = format!("{:.*}", n.min(EXACT_DIGITS), x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let mut digits = Vec::with_capacity(text.len());
    digits.extend_from_slice(int_part.as_bytes());
    digits.extend_from_slice(frac_part.as_bytes());
    let decpt = int_part.len() as i64;
    normalize(digits, decpt, -(n as i64))
}

/// Parses Rust's `d.ddde[-]N` output.
fn from_scientific(text: &str) -> Digits {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    normalize(digits, exp + 1, 0)
}

/// Strips leading zeros (moving the point) and trailing zeros. An all-zero
/// digit string becomes empty with `decpt = empty_decpt`.
fn normalize(mut digits: Vec<u8>, mut decpt: i64, empty_decpt: i64) -> Digits {
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    if leading == digits.len() {
        return Digits {
            digits: Vec::new(),
            decpt: empty_decpt,
        };
    }
    digits.drain(..leading);
    decpt -= leading as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Digits { digits, decpt }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(digits: &str, decpt: i64) -> Digits {
        Digits {
            digits: digits.as_bytes().to_vec(),
            decpt,
        }
    }

    #[test]
    fn shortest_digits() {
        assert_eq!(shortest(0.0), d("0", 1));
        assert_eq!(shortest(-0.0), d("0", 1));
        assert_eq!(shortest(1.0), d("1", 1));
        assert_eq!(shortest(0.1), d("1", 0));
        assert_eq!(shortest(123.456), d("123456", 3));
        assert_eq!(shortest(1e16), d("1", 17));
        assert_eq!(shortest(5e-324), d("5", -323));
        assert_eq!(shortest(-2.5), d("25", 1));
    }

    #[test]
    fn significant_digits() {
        assert_eq!(significant(9.99, 2), d("1", 2));
        assert_eq!(significant(2.5, 1), d("2", 1));
        assert_eq!(significant(3.5, 1), d("4", 1));
        assert_eq!(significant(1.0, 6), d("1", 1));
        assert_eq!(significant(0.0, 3), d("0", 1));
    }

    #[test]
    fn fixed_digits() {
        assert_eq!(fixed(0.96, 1), d("1", 1));
        assert_eq!(fixed(0.001, 1), d("", -1));
        assert_eq!(fixed(0.5, 0), d("", 0));
        assert_eq!(fixed(1.5, 0), d("2", 1));
        assert_eq!(fixed(2.675, 2), d("267", 1));
        assert_eq!(fixed(0.0012, 4), d("12", -2));
        assert_eq!(fixed(1e22, 2), d("1", 23));
    }

    #[test]
    fn precisions_past_the_exact_expansion() {
        // Rust's formatter stops at 65535; a double never needs more than 1074.
        assert_eq!(fixed(1.5, 100_000), d("15", 1));
        assert_eq!(significant(1.5, 70_000), d("15", 1));
        let tiny = fixed(5e-324, 1 << 20);
        assert_eq!((tiny.digits.len(), tiny.decpt), (751, -323));
        assert_eq!(significant(5e-324, 1 << 20), tiny);
    }
}
