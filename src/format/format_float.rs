//! `format(float, spec)` (`float.__format__`): the presentation types
//! `e E f F g G n %` and none (repr-like, or `g` keeping a `.0` when a
//! precision is given), with fill, alignment, sign, `z`, `#`, `0`, width and
//! `,`/`_` grouping of the integer digits.

use super::FormatError;
use super::float_repr::float_repr;
use super::float_text::{DtoaFlags, double_to_string};
use super::layout::{Layout, NumberParts, render_number};
use super::spec::{FormatSpec, Grouping, SpecTarget, unknown_code};

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> Result<String, FormatError> {
    format_float_typed(x, spec, "float")
}

/// `format(x, spec)` for a float-like object whose type is `type_name`
/// (used in error messages). An empty spec gives `repr(x)`; for float
/// subclasses Python returns `str(obj)` instead, which callers handle.
pub fn format_float_typed(x: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let parsed = FormatSpec::parse(spec, SpecTarget::Float, type_name)?;
    match parsed.ty {
        None | Some('\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            render_float(x, &parsed)
        }
        Some(other) => Err(unknown_code(other, type_name)),
    }
}

/// CPython's `format_float_internal`, shared with the float presentations
/// of ints.
pub(super) fn render_float(x: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        add_dot_0: false,
    };
    let mut code = spec.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if code == '\0' {
        flags.add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut value = x;
    let percent = code == '%';
    if percent {
        code = 'f';
        value *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut text = double_to_string(value, code, precision, flags);
    if percent {
        text.push('%');
    }

    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let split = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, remainder) = body.split_at(split);
    let (fill, align) = spec.resolved_fill_align(true);
    let layout = Layout {
        fill,
        align,
        sign: spec.sign,
        width: spec.width,
        grouping: spec.grouping.map(|g| match g {
            Grouping::Comma => (',', 3),
            Grouping::Underscore => ('_', 3),
        }),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        remainder,
    };
    render_number(&parts, &layout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse_float::parse_float;
    use crate::format::test_support::{fields, outcome, table};
    use proptest::prelude::*;

    #[test]
    fn examples_match_python() {
        // python3: format(1.0, ''), format(1.0, '.3'), format(1e20, '.3'), format(123.456, '.2'), ...
        let cases: &[(f64, &str, &str)] = &[
            (1.0, "", "1.0"),
            (1.0, ".3", "1.0"),
            (1e20, ".3", "1e+20"),
            (123.456, ".2", "1.2e+02"),
            (100.0, ".3", "1e+02"),
            (1.5, ".0", "2e+00"),
            (12345.678, "020,.2f", "0,000,000,012,345.68"),
            (1234567.891, "_", "1_234_567.891"),
            (f64::NAN, "+010", "+000000nan"),
            (f64::NEG_INFINITY, "010", "-000000inf"),
            (f64::INFINITY, "%", "inf%"),
            (0.123, ".1%", "12.3%"),
            (-0.0, "z", "0.0"),
            (1e16, ",", "1e+16"),
            (1.0, "#", "1.0"),
            (1.0, "#.3", "1.00"),
        ];
        for &(x, spec, expected) in cases {
            assert_eq!(
                format_float(x, spec).unwrap(),
                expected,
                "format({x}, {spec:?})"
            );
        }
        assert_eq!(
            format_float(1.0, "d").unwrap_err().message,
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            format_float(1.0, ".2147483648").unwrap_err().message,
            "precision too big"
        );
    }

    /// Random specs over interesting floats with python3's `format(x, spec)`,
    /// from `testdata/generate.py`.
    #[test]
    fn table_matches_python() {
        for line in table(include_str!("testdata/format_float.txt")) {
            let f = fields(line);
            let x = f64::from_bits(u64::from_str_radix(&f[0], 16).unwrap());
            assert_eq!(
                outcome(format_float(x, &f[1])),
                f[2],
                "format({x:e}, {:?})",
                f[1]
            );
        }
    }

    proptest! {
        #[test]
        fn codeless_spec_without_precision_is_repr(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assert_eq!(format_float(x, ">1").unwrap(), float_repr(x));
        }

        #[test]
        fn seventeen_significant_digits_round_trip(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let text = format_float(x, ".17g").unwrap();
            prop_assert_eq!(parse_float(&text).unwrap().to_bits(), x.to_bits());
        }

        #[test]
        fn grouping_only_inserts_separators(x in -1e30f64..1e30, precision in 0usize..8) {
            let plain = format_float(x, &format!(".{precision}f")).unwrap();
            let grouped = format_float(x, &format!(",.{precision}f")).unwrap();
            prop_assert_eq!(grouped.replace(',', ""), plain);
        }
    }
}
