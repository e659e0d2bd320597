//! Rendering one `%`-format conversion: ints (`d i u o x X`, precision as a
//! minimum digit count, `#` prefixes), floats (`e E f F g G`), and padding of
//! already-converted text (`s r a c`), with the sign/zero-fill/left-adjust
//! rules of CPython 3.11's `unicode_format_arg_output`, plus the `%c`
//! argument checks and the type-error messages callers raise.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::FormatError;
use super::float_text::{DtoaFlags, double_to_string};
use super::int_str::bigint_to_string;
use super::printf::PercentSpec;
use super::str_repr::truncate_chars;

/// `%d %i %u %o %x %X` of an int (callers convert floats with
/// `f64_to_int` first for `d i u`).
pub fn format_percent_int(v: &BigInt, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    let conv = spec.conversion;
    let (radix, prefix) = match conv {
        'd' | 'i' | 'u' => (10, ""),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => return Err(spec.unsupported()),
    };
    let precision = spec.precision.value();
    if precision.is_some_and(|p| p > i32::MAX as usize - 3) {
        return Err(FormatError::overflow("precision too large"));
    }
    let mut digits = if radix == 10 {
        let mut text = bigint_to_string(v)?;
        if v.is_negative() {
            text.remove(0);
        }
        text
    } else {
        v.magnitude().to_str_radix(radix)
    };
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let zeros = precision.unwrap_or(0).saturating_sub(digits.len());
    let mut text = String::with_capacity(digits.len() + zeros + 3);
    if v.is_negative() {
        text.push('-');
    }
    if spec.alternate {
        text.push_str(prefix);
    }
    text.extend(std::iter::repeat_n('0', zeros));
    text.push_str(&digits);
    output(&text, spec, true)
}

/// `%e %E %f %F %g %G` of a float.
pub fn format_percent_float(x: f64, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    if !matches!(spec.conversion, 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
        return Err(spec.unsupported());
    }
    let flags = DtoaFlags {
        alt: spec.alternate,
        ..DtoaFlags::default()
    };
    let precision = spec.precision.value().unwrap_or(6);
    let text = double_to_string(x, spec.conversion, precision, flags);
    output(&text, spec, true)
}

/// `%s %r %a %c`: pads (and for `s r a` truncates to the precision) the text
/// the caller produced with `str()`, `repr()`, `ascii()` or the character.
pub fn pad_percent_str(s: &str, spec: &PercentSpec<'_>) -> Result<String, FormatError> {
    if !matches!(spec.conversion, 's' | 'r' | 'a' | 'c') {
        return Err(spec.unsupported());
    }
    output(s, spec, false)
}

/// The character for `%c` of an int.
pub fn percent_char_from_int(v: &BigInt) -> Result<char, FormatError> {
    let out_of_range = || FormatError::overflow("%c arg not in range(0x110000)");
    let code = v
        .to_u32()
        .filter(|&c| c <= 0x10ffff)
        .ok_or_else(out_of_range)?;
    // Lone surrogates are valid Python characters but cannot live in a Rust
    // string.
    char::from_u32(code).ok_or_else(|| {
        FormatError::value(format!(
            "surrogate code point U+{code:04X} cannot be represented"
        ))
    })
}

/// The character for `%c` of a str (which must have length 1).
pub fn percent_char_from_str(s: &str) -> Result<char, FormatError> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(FormatError::type_error("%c requires int or char")),
    }
}

/// The `TypeError` for a `%` conversion given an argument of the wrong
/// type `type_name`: `%d format: a real number is required, not str`,
/// `%x format: an integer is required, not float`, `must be real number, not
/// str` for the float conversions, `%c requires int or char`.
pub fn percent_type_error(conversion: char, type_name: &str) -> FormatError {
    let name = truncate_chars(type_name, 200);
    FormatError::type_error(match conversion {
        'o' | 'x' | 'X' => format!("%{conversion} format: an integer is required, not {name}"),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => format!("must be real number, not {name}"),
        'c' => "%c requires int or char".to_string(),
        _ => format!("%{conversion} format: a real number is required, not {name}"),
    })
}

/// CPython's `unicode_format_arg_output`: `numeric` conversions get the
/// sign options and zero fill; `s r a` are truncated to the precision.
fn output(text: &str, spec: &PercentSpec<'_>, numeric: bool) -> Result<String, FormatError> {
    let fill = if numeric && spec.zero_pad { '0' } else { ' ' };
    let mut len = text.chars().count();
    let width = spec.width.value();
    let precision = spec.precision.value();
    if width.is_none_or(|w| w <= len)
        && precision.is_none_or(|p| p >= len)
        && !(spec.plus || spec.space)
    {
        return Ok(text.to_string());
    }
    let mut body = text;
    if matches!(spec.conversion, 's' | 'r' | 'a')
        && let Some(p) = precision
        && len > p
    {
        len = p;
        body = truncate_chars(text, p);
    }
    let mut sign = None;
    if numeric {
        if body.starts_with(['-', '+']) {
            sign = body.chars().next();
            body = &body[1..];
            len -= 1;
        } else if spec.plus {
            sign = Some('+');
        } else if spec.space {
            sign = Some(' ');
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    let mut out = super::text_buffer(width.saturating_add(2).saturating_mul(fill.len_utf8()))?;
    if let Some(sign) = sign {
        if fill != ' ' {
            out.push(sign);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = spec.alternate && matches!(spec.conversion, 'x' | 'X' | 'o');
    if has_prefix {
        if fill != ' ' {
            out.push_str(&body[..2]);
            body = &body[2..];
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !spec.left_adjust {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(sign) = sign {
            out.push(sign);
        }
        if has_prefix {
            out.push_str(&body[..2]);
            body = &body[2..];
        }
    }
    out.push_str(body);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::int_float::f64_to_int;
    use crate::format::printf::{PercentParser, PercentPiece};
    use crate::format::str_repr::{ascii_escape, str_repr};
    use crate::format::test_support::{fields, outcome, table};

    /// Formats a one-conversion format string with one argument, the way a
    /// caller would.
    fn percent(fmt: &str, arg: &Arg) -> Result<String, FormatError> {
        let mut out = String::new();
        for piece in PercentParser::new(fmt) {
            match piece {
                PercentPiece::Literal(s) => out.push_str(s),
                PercentPiece::Percent => out.push('%'),
                PercentPiece::Spec(spec) => {
                    if let Some(err) = spec.error.clone() {
                        return Err(err);
                    }
                    let text = match (spec.conversion, arg) {
                        ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::Int(v)) => {
                            format_percent_int(v, &spec)?
                        }
                        ('d' | 'i' | 'u', Arg::Float(x)) => {
                            format_percent_int(&f64_to_int(*x)?, &spec)?
                        }
                        ('o' | 'x' | 'X', Arg::Float(_)) => {
                            return Err(percent_type_error(spec.conversion, "float"));
                        }
                        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Float(x)) => {
                            format_percent_float(*x, &spec)?
                        }
                        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Int(v)) => {
                            format_percent_float(crate::format::int_to_f64(v)?, &spec)?
                        }
                        ('s' | 'r' | 'a', arg) => {
                            let text = match (spec.conversion, arg) {
                                (_, Arg::Int(v)) => v.to_string(),
                                (_, Arg::Float(x)) => crate::format::float_repr(*x),
                                ('s', Arg::Str(s)) => s.clone(),
                                ('r', Arg::Str(s)) => str_repr(s),
                                (_, Arg::Str(s)) => ascii_escape(&str_repr(s)),
                            };
                            pad_percent_str(&text, &spec)?
                        }
                        ('c', Arg::Str(s)) => {
                            pad_percent_str(&percent_char_from_str(s)?.to_string(), &spec)?
                        }
                        ('c', Arg::Int(v)) => {
                            pad_percent_str(&percent_char_from_int(v)?.to_string(), &spec)?
                        }
                        (c, Arg::Str(_)) if "diuoxXeEfFgGc".contains(c) => {
                            return Err(percent_type_error(c, "str"));
                        }
                        _ => return Err(spec.unsupported()),
                    };
                    out.push_str(&text);
                }
            }
        }
        Ok(out)
    }

    enum Arg {
        Int(BigInt),
        Float(f64),
        Str(String),
    }

    #[test]
    fn examples_match_python() {
        // python3: '%#010x|' % 255, '%+#010X|' % -255, '%.5d' % -3, ...
        let int = |v: i64| Arg::Int(BigInt::from(v));
        let cases: &[(&str, Arg, &str)] = &[
            ("%#10x|", int(255), "      0xff|"),
            ("%#010x|", int(255), "0x000000ff|"),
            ("%-#10x|", int(255), "0xff      |"),
            ("%+#010X|", int(-255), "-0X00000FF|"),
            ("% #10o|", int(8), "      0o10|"),
            ("%.5d", int(-3), "-00003"),
            ("%08.5d", int(-3), "-0000003"),
            ("%+.3x", int(10), "+00a"),
            ("%#.5x", int(10), "0x0000a"),
            ("%#5.3o|", int(8), "0o010|"),
            ("%0-5d|", int(42), "42   |"),
            ("%010.3f", Arg::Float(-3.14158), "-00003.142"),
            ("%-010.3f|", Arg::Float(-3.14158), "-3.142    |"),
            ("%010f", Arg::Float(f64::NEG_INFINITY), "-000000inf"),
            ("%+f", Arg::Float(f64::NAN), "+nan"),
            ("%d", Arg::Float(-3.7), "-3"),
            ("%.3s|", Arg::Str("abcdef".into()), "abc|"),
            ("%05s|", Arg::Str("ab".into()), "   ab|"),
            ("%+s", Arg::Str("ab".into()), "ab"),
            ("%5c|", Arg::Str("a".into()), "    a|"),
            ("%-5c|", int(65), "A    |"),
        ];
        for (fmt, arg, expected) in cases {
            assert_eq!(percent(fmt, arg).unwrap(), *expected, "{fmt}");
        }
        let err = |fmt: &str, arg: Arg| percent(fmt, &arg).unwrap_err().message;
        assert_eq!(err("%c", Arg::Str("ab".into())), "%c requires int or char");
        assert_eq!(err("%c", int(-1)), "%c arg not in range(0x110000)");
        assert_eq!(
            err("%c", Arg::Int(BigInt::from(1) << 80u32)),
            "%c arg not in range(0x110000)"
        );
        assert_eq!(
            err("%d", Arg::Str("a".into())),
            "%d format: a real number is required, not str"
        );
        assert_eq!(
            err("%x", Arg::Float(1.5)),
            "%x format: an integer is required, not float"
        );
        assert_eq!(
            err("%f", Arg::Str("a".into())),
            "must be real number, not str"
        );
        assert_eq!(err("%.2147483647d", int(1)), "precision too large");
        assert_eq!(
            err("%d", Arg::Float(f64::INFINITY)),
            "cannot convert float infinity to integer"
        );
    }

    /// Random `%` specs over ints, floats and strings with python3's
    /// `fmt % (arg,)`, from `testdata/generate.py`.
    #[test]
    fn table_matches_python() {
        for line in table(include_str!("testdata/printf.txt")) {
            let f = fields(line);
            let arg = match f[0].as_str() {
                "int" => Arg::Int(f[1].parse().unwrap()),
                "float" => Arg::Float(f64::from_bits(u64::from_str_radix(&f[1], 16).unwrap())),
                _ => Arg::Str(f[1].clone()),
            };
            assert_eq!(
                outcome(percent(&f[2], &arg)),
                f[3],
                "{:?} % {:?}",
                f[2],
                f[1]
            );
        }
    }
}
