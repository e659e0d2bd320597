//! `format(int, spec)` (`int.__format__`): the presentation types
//! `b c d o x X n` and none, the float types `e E f F g G %` via a correctly
//! rounded conversion, `#` prefixes, and grouping (`_` every four digits for
//! `b o x X`). `n` uses the C locale (no grouping), which is what CPython
//! does unless the program calls `locale.setlocale`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::FormatError;
use super::format_float::render_float;
use super::int_float::int_to_f64;
use super::int_str::bigint_to_string;
use super::layout::{Layout, NumberParts, render_number};
use super::spec::{FormatSpec, Grouping, SpecTarget, unknown_code};

/// `format(v, spec)` for an int.
pub fn format_int(v: &BigInt, spec: &str) -> Result<String, FormatError> {
    format_int_typed(v, spec, "int")
}

/// `format(v, spec)` for an int-like object whose type is `type_name`
/// (`bool`, subclasses), used in error messages. An empty spec gives the
/// decimal digits; for `bool` and int subclasses Python returns `str(obj)`
/// instead (`format(True, '') == 'True'`), which callers handle.
pub fn format_int_typed(v: &BigInt, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return bigint_to_string(v);
    }
    let parsed = FormatSpec::parse(spec, SpecTarget::Int, type_name)?;
    match parsed.ty.unwrap_or('d') {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => render_int(v, &parsed),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => render_float(int_to_f64(v)?, &parsed),
        other => Err(unknown_code(other, type_name)),
    }
}

/// CPython's `format_long_internal`.
fn render_int(v: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = spec.ty.unwrap_or('d');
    let (fill, align) = spec.resolved_fill_align(true);
    let mut layout = Layout {
        fill,
        align,
        sign: spec.sign,
        width: spec.width,
        grouping: None,
    };

    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let ch = int_to_char(v)?;
        let text = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            remainder: &text,
        };
        return render_number(&parts, &layout);
    }

    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        let mut text = bigint_to_string(v)?;
        if v.is_negative() {
            text.remove(0);
        }
        text
    } else {
        v.magnitude().to_str_radix(radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    layout.grouping = spec.grouping.map(|g| match (g, radix) {
        (Grouping::Comma, _) => (',', 3),
        (Grouping::Underscore, 10) => ('_', 3),
        (Grouping::Underscore, _) => ('_', 4),
    });
    let parts = NumberParts {
        negative: v.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        remainder: "",
    };
    render_number(&parts, &layout)
}

/// The character of `format(v, 'c')`.
fn int_to_char(v: &BigInt) -> Result<char, FormatError> {
    let code = v
        .to_i64()
        .ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?;
    if !(0..=0x10ffff).contains(&code) {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    }
    // Lone surrogates are valid Python characters but cannot live in a Rust
    // string.
    char::from_u32(code as u32).ok_or_else(|| {
        FormatError::value(format!(
            "surrogate code point U+{code:04X} cannot be represented"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::test_support::{fields, outcome, table};
    use proptest::prelude::*;

    #[test]
    fn examples_match_python() {
        // python3: format(255, '#X'), format(-255, '#010x'), format(255, '_b'), ...
        let cases: &[(i64, &str, &str)] = &[
            (255, "#X", "0XFF"),
            (-255, "#010x", "-0x00000ff"),
            (255, "_b", "1111_1111"),
            (255, "#_b", "0b1111_1111"),
            (-(1 << 40), "_x", "-100_0000_0000"),
            (1234, "09,", "0,001,234"),
            (1234, "08,", "0,001,234"),
            (1234, "0=10,", "00,001,234"),
            (1234, "0>10,", "000001,234"),
            (1, "+#010_x", "+0x00_0001"),
            (65, "c", "A"),
            (-5, "*=6", "-****5"),
            (12, "%", "1200.000000%"),
            (7, "n", "7"),
            (123_456_789, "_", "123_456_789"),
        ];
        for &(v, spec, expected) in cases {
            assert_eq!(
                format_int(&BigInt::from(v), spec).unwrap(),
                expected,
                "format({v}, {spec:?})"
            );
        }
        let err = |v: i64, spec: &str| format_int(&BigInt::from(v), spec).unwrap_err().message;
        assert_eq!(
            err(1, ".2"),
            "Precision not allowed in integer format specifier"
        );
        assert_eq!(
            err(65, "+c"),
            "Sign not allowed with integer format specifier 'c'"
        );
        assert_eq!(err(-1, "c"), "%c arg not in range(0x110000)");
        assert_eq!(
            err(1, "s"),
            "Unknown format code 's' for object of type 'int'"
        );
        assert_eq!(
            format_int_typed(&BigInt::from(1), "s", "bool")
                .unwrap_err()
                .message,
            "Unknown format code 's' for object of type 'bool'"
        );
        let huge = num_traits::pow(BigInt::from(10), 400);
        assert_eq!(
            format_int(&huge, "e").unwrap_err().message,
            "int too large to convert to float"
        );
        assert!(format_int(&num_traits::pow(BigInt::from(10), 5000), "d").is_err());
        assert!(format_int(&num_traits::pow(BigInt::from(10), 5000), "x").is_ok());
    }

    /// Random specs over interesting ints with python3's `format(n, spec)`,
    /// from `testdata/generate.py`.
    #[test]
    fn table_matches_python() {
        for line in table(include_str!("testdata/format_int.txt")) {
            let f = fields(line);
            let v: BigInt = f[0].parse().unwrap();
            assert_eq!(
                outcome(format_int(&v, &f[1])),
                f[2],
                "format({v}, {:?})",
                f[1]
            );
        }
    }

    proptest! {
        #[test]
        fn grouping_only_inserts_separators(n in any::<i128>()) {
            let v = BigInt::from(n);
            prop_assert_eq!(format_int(&v, ",").unwrap().replace(',', ""), n.to_string());
            prop_assert_eq!(format_int(&v, "_d").unwrap().replace('_', ""), n.to_string());
            let hex = format_int(&v, "_x").unwrap().replace('_', "");
            prop_assert_eq!(hex, format_int(&v, "x").unwrap());
        }

        #[test]
        fn width_right_aligns(n in any::<i64>(), width in 0usize..40) {
            let plain = n.to_string();
            let padded = format_int(&BigInt::from(n), &width.to_string()).unwrap();
            prop_assert_eq!(padded.len(), width.max(plain.len()));
            prop_assert_eq!(padded.trim_start(), plain.as_str());
        }
    }
}
