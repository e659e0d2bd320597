//! Float parsing: `float(str)` with CPython 3.11's rules (surrounding
//! whitespace, Unicode digits, underscores only between digits, `inf`,
//! `infinity` and `nan` in any case with a sign, overflow to `inf`) and its
//! error message, plus float literals of Python source code. The decimal
//! conversion itself is Rust's correctly rounded `str::parse::<f64>`.

use super::FormatError;
use super::str_repr::str_repr;
use super::unicode::{is_ascii_space, normalize_numeric};

/// `float(s)` for a `str` argument.
pub fn parse_float(s: &str) -> Result<f64, FormatError> {
    let normalized = normalize_numeric(s);
    parse_ascii(normalized.as_bytes()).ok_or_else(|| {
        FormatError::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    })
}

fn parse_ascii(text: &[u8]) -> Option<f64> {
    let start = text.iter().position(|&b| !is_ascii_space(b))?;
    let end = text.iter().rposition(|&b| !is_ascii_space(b))? + 1;
    let body = &text[start..end];
    let cleaned;
    let body = if body.contains(&b'_') {
        cleaned = remove_underscores(body)?;
        &cleaned[..]
    } else {
        body
    };
    let (negative, unsigned) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let value = if let Some(special) = parse_special(unsigned) {
        special
    } else {
        if !is_decimal(unsigned) {
            return None;
        }
        std::str::from_utf8(unsigned).ok()?.parse::<f64>().ok()?
    };
    Some(if negative { -value } else { value })
}

/// Drops underscores that sit between two digits; `None` if any other
/// underscore is present.
fn remove_underscores(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut prev = 0u8;
    for &c in body {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != b'_').then_some(out)
}

fn parse_special(unsigned: &[u8]) -> Option<f64> {
    if unsigned.eq_ignore_ascii_case(b"inf") || unsigned.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if unsigned.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// `(digits ['.' digits] | '.' digits) [(e|E) [sign] digits]` with at least
/// one mantissa digit.
fn is_decimal(text: &[u8]) -> bool {
    let mut pos = 0;
    let count_digits = |pos: &mut usize| {
        let start = *pos;
        while text.get(*pos).is_some_and(u8::is_ascii_digit) {
            *pos += 1;
        }
        *pos - start
    };
    let mut mantissa_digits = count_digits(&mut pos);
    if text.get(pos) == Some(&b'.') {
        pos += 1;
        mantissa_digits += count_digits(&mut pos);
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(text.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(text.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        if count_digits(&mut pos) == 0 {
            return false;
        }
    }
    pos == text.len()
}

/// The value of a Python float literal token (`1.5`, `1_000.5e-3`, `.5`,
/// `5.`, `1e10`, `0777.0`), also accepting a plain `digitpart` such as the
/// `10` of the imaginary literal `10j`. `None` when `src` is not one.
pub fn parse_float_literal(src: &str) -> Option<f64> {
    let bytes = src.as_bytes();
    let (mantissa, exponent) = match bytes.iter().position(|&b| b == b'e' || b == b'E') {
        Some(i) => (&bytes[..i], Some(&bytes[i + 1..])),
        None => (bytes, None),
    };
    let (int_part, frac_part) = match mantissa.iter().position(|&b| b == b'.') {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    let mut text = String::with_capacity(src.len());
    let int_ok = int_part.is_empty() || push_digitpart(&mut text, int_part);
    text.push('.');
    let frac_ok = match frac_part {
        Some(frac) => frac.is_empty() || push_digitpart(&mut text, frac),
        None => true,
    };
    let has_mantissa = !int_part.is_empty() || frac_part.is_some_and(|f| !f.is_empty());
    if !(int_ok && frac_ok && has_mantissa) {
        return None;
    }
    if let Some(exp) = exponent {
        text.push('e');
        let digits = match exp.first() {
            Some(&sign @ (b'+' | b'-')) => {
                text.push(char::from(sign));
                &exp[1..]
            }
            _ => exp,
        };
        if !push_digitpart(&mut text, digits) {
            return None;
        }
    }
    if text.starts_with('.') {
        text.insert(0, '0');
    }
    text.parse().ok()
}

/// Appends `digit (["_"] digit)*` without underscores; false if malformed.
fn push_digitpart(out: &mut String, part: &[u8]) -> bool {
    if part.is_empty() || !part[0].is_ascii_digit() || !part[part.len() - 1].is_ascii_digit() {
        return false;
    }
    let mut prev = 0u8;
    for &c in part {
        if c == b'_' {
            if prev == b'_' {
                return false;
            }
        } else if c.is_ascii_digit() {
            out.push(char::from(c));
        } else {
            return false;
        }
        prev = c;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::test_support::{fields, outcome, table};

    /// `float(s)` cases with python3's results (as bits), from
    /// `testdata/generate.py`.
    #[test]
    fn table_matches_python() {
        for line in table(include_str!("testdata/parse_float.txt")) {
            let f = fields(line);
            let got = outcome(parse_float(&f[0]).map(|x| {
                if x.is_nan() {
                    "nan".to_string()
                } else {
                    format!("{:016x}", x.to_bits())
                }
            }));
            assert_eq!(got, f[1], "float({:?})", f[0]);
        }
    }

    #[test]
    fn nan_sign() {
        // python3: math.copysign(1, float('-nan')) == -1.0
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert!(parse_float("nan").unwrap().is_sign_positive());
    }

    #[test]
    fn literals() {
        // python3: eval(...) of each literal
        let cases: &[(&str, f64)] = &[
            ("1.5", 1.5),
            ("1_000.5e-3", 1.0005),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e10", 1e10),
            ("1E+1_0", 1e10),
            ("0777.0", 777.0),
            ("00.5", 0.5),
            ("10", 10.0),
            ("1_0.0_1e1_0", 100100000000.0),
            ("1e400", f64::INFINITY),
            ("2e-324", 0.0),
            ("2.5e-324", 5e-324),
        ];
        for &(src, expected) in cases {
            assert_eq!(parse_float_literal(src), Some(expected), "{src}");
        }
        for bad in [
            "", ".", "e5", "1e", "1e+", "1__0.0", "1_.5", "1._5", "_1.0", "1.0_", "1e_5", "1.5j",
            "0x1p3", "inf", "1.2.3", "+1.0",
        ] {
            assert_eq!(parse_float_literal(bad), None, "{bad}");
        }
    }
}
