//! `PyOS_double_to_string`: lays out a double's decimal digits as text for
//! the format codes `e E f F g G r`, with the alternate-form (`#`), add-`.0`
//! and negative-zero-coercion (`z`) flags. `repr`, `format()` and
//! `%`-formatting of floats all go through here.

use super::float_digits::{self, Digits};

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `#`: keep the decimal point (and, for `g`, trailing zeros).
    pub alt: bool,
    /// Add `.0` when the result would look like an integer (repr, and the
    /// `format()` code-less float presentation).
    pub add_dot_0: bool,
    /// `z`: drop the minus sign of a result that rounds to zero.
    pub no_neg_0: bool,
}

/// Formats `x` like C `printf` with CPython's rules.
///
/// `code` is one of `e E f F g G r` (any other character is treated as
/// `r`); `precision` is digits after the point for `e`/`f`, significant
/// digits for `g` (0 means 1) and ignored for `r` (shortest repr digits).
/// Upper-case codes give `E`, `INF`, `NAN`. Never emits a `+` sign; `nan`
/// never gets a sign.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        let text = if upper { "INF" } else { "inf" };
        return if x < 0.0 {
            format!("-{text}")
        } else {
            text.to_string()
        };
    }
    let (digits, mode) = match code {
        'e' => (
            float_digits::significant(x, precision.saturating_add(1)),
            Mode::Exp(precision as i64 + 1),
        ),
        'f' => (
            float_digits::fixed(x, precision),
            Mode::Fixed(precision as i64),
        ),
        'g' => {
            let p = precision.max(1);
            (float_digits::significant(x, p), Mode::General(p as i64))
        }
        _ => (float_digits::shortest(x), Mode::Repr),
    };
    let negative = x.is_sign_negative() && !(flags.no_neg_0 && digits.is_zero());
    layout(&digits, negative, mode, flags, upper)
}

#[derive(Clone, Copy)]
enum Mode {
    /// Exponent form with this many significant digits.
    Exp(i64),
    /// Positional with this many digits after the point.
    Fixed(i64),
    /// `%g` with this many significant digits.
    General(i64),
    /// Shortest repr digits.
    Repr,
}

/// The body of CPython's `format_float_short`: pads the digit string with
/// zeros on either side, places the point and appends the exponent.
fn layout(d: &Digits, negative: bool, mode: Mode, flags: DtoaFlags, upper: bool) -> String {
    let ndigits = d.digits.len() as i64;
    let mut decpt = d.decpt;
    let mut vend = ndigits;
    let mut use_exp = false;
    match mode {
        Mode::Exp(p) => {
            use_exp = true;
            vend = p;
        }
        Mode::Fixed(p) => vend = decpt + p,
        Mode::General(p) => {
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vend = p;
            }
        }
        Mode::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };

    let mut out = String::with_capacity((vend - vstart) as usize + 8);
    if negative {
        out.push('-');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, digits: &[u8]| {
        out.extend(digits.iter().map(|&b| char::from(b)));
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= ndigits {
        let split = decpt as usize;
        push_digits(&mut out, &d.digits[..split]);
        out.push('.');
        push_digits(&mut out, &d.digits[split..]);
    } else {
        push_digits(&mut out, &d.digits);
    }
    if ndigits < decpt {
        zeros(&mut out, decpt - ndigits);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - ndigits);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let sign = if exp < 0 { '-' } else { '+' };
        out.push(sign);
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, code: char, precision: usize) -> String {
        double_to_string(x, code, precision, DtoaFlags::default())
    }

    fn alt(x: f64, code: char, precision: usize) -> String {
        let flags = DtoaFlags {
            alt: true,
            ..DtoaFlags::default()
        };
        double_to_string(x, code, precision, flags)
    }

    #[test]
    fn printf_style_matches_python() {
        // python3: '%.<p><code>' % x
        let cases: &[(f64, char, usize, &str)] = &[
            (1.0, 'f', 6, "1.000000"),
            (-3.14158, 'f', 3, "-3.142"),
            (0.5, 'f', 0, "0"),
            (1.5, 'f', 0, "2"),
            (2.5, 'f', 0, "2"),
            (-0.0, 'f', 2, "-0.00"),
            (-0.0001, 'f', 1, "-0.0"),
            (12345.678, 'e', 6, "1.234568e+04"),
            (1e-10, 'E', 6, "1.000000E-10"),
            (0.0, 'e', 3, "0.000e+00"),
            (1e100, 'e', 2, "1.00e+100"),
            (1e-5, 'g', 6, "1e-05"),
            (123456789.0, 'g', 6, "1.23457e+08"),
            (1e-10, 'G', 6, "1E-10"),
            (1.5, 'g', 0, "2"),
            (0.0001234, 'g', 3, "0.000123"),
            (100000.0, 'g', 6, "100000"),
            (1000000.0, 'g', 6, "1e+06"),
            (f64::INFINITY, 'f', 6, "inf"),
            (f64::NEG_INFINITY, 'E', 6, "-INF"),
            (f64::NAN, 'F', 6, "NAN"),
            (-f64::NAN, 'g', 6, "nan"),
        ];
        for &(x, code, p, expected) in cases {
            assert_eq!(fmt(x, code, p), expected, "'%.{p}{code}' % {x}");
        }
    }

    #[test]
    fn alternate_forms() {
        // python3: '%#.0f' % 1.0, '%#.0e' % 1.0, '%#g' % 1.0, '%#.0f' % 0.4, '%#.3g' % 1e-5
        assert_eq!(alt(1.0, 'f', 0), "1.");
        assert_eq!(alt(1.0, 'e', 0), "1.e+00");
        assert_eq!(alt(1.0, 'g', 6), "1.00000");
        assert_eq!(alt(0.4, 'f', 0), "0.");
        assert_eq!(alt(1e-5, 'g', 3), "1.00e-05");
    }

    #[test]
    fn negative_zero_coercion() {
        let flags = DtoaFlags {
            no_neg_0: true,
            ..DtoaFlags::default()
        };
        // python3: format(-0.001, 'z.1f'), format(-0.5, 'z.0e'), format(-0.0, 'zg')
        assert_eq!(double_to_string(-0.001, 'f', 1, flags), "0.0");
        assert_eq!(double_to_string(-0.5, 'e', 0, flags), "-5e-01");
        assert_eq!(double_to_string(-0.0, 'g', 6, flags), "0");
    }
}
