//! `repr(float)` and `str(float)`: shortest round-trip digits, positional
//! for decimal exponents -4..=15 (with `.0` for integral values), exponent
//! form (`1e+16`, `1e-05`) otherwise, and `inf`, `-inf`, `nan`.

use super::float_text::{DtoaFlags, double_to_string};

/// Exactly Python's `repr(x)` for a float.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags)
}

/// Exactly Python's `str(x)` for a float (the same as `repr` since 3.2).
pub fn float_str(x: f64) -> String {
    float_repr(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse_float::parse_float;
    use crate::format::test_support::{fields, table};
    use proptest::prelude::*;

    #[test]
    fn special_values() {
        // python3: [repr(x) for x in (...)]
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (100.0, "100.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (3e-320, "3e-320"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (2e16 + 8.0, "2.000000000000001e+16"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (123456789012345.6, "123456789012345.6"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
        ];
        for &(x, expected) in cases {
            assert_eq!(float_repr(x), expected);
            assert_eq!(float_str(x), expected);
        }
    }

    /// 2000 random doubles (random bit patterns and random magnitudes) with
    /// their python3 reprs, from `testdata/generate.py`.
    #[test]
    fn random_values_match_python() {
        let data = table(include_str!("testdata/float_repr.txt"));
        assert!(data.len() >= 2000);
        for line in data {
            let f = fields(line);
            let x = f64::from_bits(u64::from_str_radix(&f[0], 16).unwrap());
            assert_eq!(float_repr(x), f[1], "bits {}", f[0]);
        }
    }

    proptest! {
        #[test]
        fn repr_round_trips(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let text = float_repr(x);
            let back = parse_float(&text).unwrap();
            prop_assert_eq!(back.to_bits(), x.to_bits(), "{}", text);
        }

        #[test]
        fn repr_shape(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let text = float_repr(x);
            let unsigned = text.strip_prefix('-').unwrap_or(&text);
            prop_assert_eq!(text.starts_with('-'), x.is_sign_negative());
            if let Some((mantissa, exp)) = unsigned.split_once('e') {
                let exp: i32 = exp.parse().unwrap();
                prop_assert!(!(-4..16).contains(&exp));
                prop_assert!(exp.unsigned_abs() >= 10 || unsigned.contains("e+0") || unsigned.contains("e-0"));
                prop_assert!(!mantissa.ends_with('0') || !mantissa.contains('.'));
                prop_assert!(!mantissa.ends_with('.'));
            } else {
                prop_assert!(unsigned.contains('.'));
                prop_assert!(!unsigned.starts_with("00"));
            }
        }
    }
}
