//! The `format()` spec mini-language
//! `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`: parsing
//! into a [`FormatSpec`] with CPython 3.11's validation and messages, and
//! the message helpers shared by the int, float and str presentations.

use super::FormatError;
use super::str_repr::truncate_chars;
use super::unicode::decimal_value;

/// Field alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between the sign/prefix and the digits.
    AfterSign,
}

/// Sign option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `+`: always a sign.
    Plus,
    /// `-`: only for negatives (the default).
    Minus,
    /// ` `: a space for non-negatives.
    Space,
}

/// Thousands separator option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (every four for `b`, `o`, `x`, `X`).
    Underscore,
}

/// What kind of object a spec is parsed for: it fixes the default
/// presentation type (`d`, none, `s`) used when validating separators, and
/// the default alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecTarget {
    Int,
    Float,
    Str,
}

/// A parsed format spec. Options that were not written are `None`/`false`;
/// the presentations resolve the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only possible together with an alignment).
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// `z` (3.11): coerce negative zero results to positive zero.
    pub no_neg_zero: bool,
    /// `#`
    pub alternate: bool,
    /// The `0` flag before the width (only when no explicit fill).
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The presentation type character as written (may be any character,
    /// including `'\0'`, which CPython treats as "no type" for floats).
    pub ty: Option<char>,
}

const SSIZE_MAX: u64 = i64::MAX as u64;

impl FormatSpec {
    /// Parses `spec` for an object of `target` kind whose Python type name is
    /// `type_name` (used in the `Invalid format specifier` message).
    pub fn parse(spec: &str, target: SpecTarget, type_name: &str) -> Result<Self, FormatError> {
        let chars: Vec<char> = spec.chars().collect();
        let n = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };

        if n >= 2
            && let Some(align) = align_of(chars[1])
        {
            out.fill = Some(chars[0]);
            out.align = Some(align);
            pos = 2;
        } else if n >= 1
            && let Some(align) = align_of(chars[0])
        {
            out.align = Some(align);
            pos = 1;
        }
        if pos < n {
            out.sign = match chars[pos] {
                '+' => Some(Sign::Plus),
                '-' => Some(Sign::Minus),
                ' ' => Some(Sign::Space),
                _ => None,
            };
            if out.sign.is_some() {
                pos += 1;
            }
        }
        if pos < n && chars[pos] == 'z' {
            out.no_neg_zero = true;
            pos += 1;
        }
        if pos < n && chars[pos] == '#' {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && pos < n && chars[pos] == '0' {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = read_integer(&chars, &mut pos)?;
        if pos < n && chars[pos] == ',' {
            out.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if pos < n && chars[pos] == '_' {
            if out.grouping.is_some() {
                return Err(both_separators());
            }
            out.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if pos < n && chars[pos] == ',' && out.grouping == Some(Grouping::Underscore) {
            return Err(both_separators());
        }
        if pos < n && chars[pos] == '.' {
            pos += 1;
            out.precision = read_integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        if n - pos > 1 {
            return Err(FormatError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                truncate_chars(type_name, 200)
            )));
        }
        if pos < n {
            out.ty = Some(chars[pos]);
        }

        if let Some(grouping) = out.grouping {
            let ty = out.ty.unwrap_or(match target {
                SpecTarget::Int => 'd',
                SpecTarget::Float => '\0',
                SpecTarget::Str => 's',
            });
            let allowed = match ty {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
                'b' | 'o' | 'x' | 'X' => grouping == Grouping::Underscore,
                _ => false,
            };
            if !allowed {
                let sep = if grouping == Grouping::Comma {
                    ','
                } else {
                    '_'
                };
                return Err(FormatError::value(format!(
                    "Cannot specify '{sep}' with {}.",
                    quoted_code(ty)
                )));
            }
        }
        Ok(out)
    }

    /// The fill character and alignment after defaults: the `0` flag means
    /// fill `'0'` and, for numbers without an explicit alignment, `=`.
    pub(super) fn resolved_fill_align(&self, numeric: bool) -> (char, Align) {
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        let align = self.align.unwrap_or(if numeric {
            if self.zero_pad {
                Align::AfterSign
            } else {
                Align::Right
            }
        } else {
            Align::Left
        });
        (fill, align)
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

fn both_separators() -> FormatError {
    FormatError::value("Cannot specify both ',' and '_'.")
}

/// Reads a run of decimal digits (any script, as CPython does); `None` when
/// there are none.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut value: u64 = 0;
    let start = *pos;
    while let Some(digit) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let digit = u64::from(digit);
        if value > (SSIZE_MAX - digit) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        value = value * 10 + digit;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value as usize))
}

/// A presentation type as CPython quotes it in messages: `'d'` for printable
/// ASCII, `'\x0'` style otherwise.
pub(super) fn quoted_code(c: char) -> String {
    if c > ' ' && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// `Unknown format code 'q' for object of type 'int'`.
pub(super) fn unknown_code(c: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code {} for object of type '{}'",
        quoted_code(c),
        truncate_chars(type_name, 200)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_fields() {
        let spec = FormatSpec::parse("^+z#012,.3f", SpecTarget::Float, "float").unwrap();
        assert_eq!(spec.fill, None);
        assert_eq!(spec.align, Some(Align::Center));
        assert_eq!(spec.sign, Some(Sign::Plus));
        assert!(spec.no_neg_zero && spec.alternate && spec.zero_pad);
        assert_eq!(spec.width, Some(12));
        assert_eq!(spec.grouping, Some(Grouping::Comma));
        assert_eq!(spec.precision, Some(3));
        assert_eq!(spec.ty, Some('f'));
    }

    #[test]
    fn fill_disables_zero_flag() {
        let spec = FormatSpec::parse("x<05", SpecTarget::Str, "str").unwrap();
        assert_eq!(spec.fill, Some('x'));
        assert!(!spec.zero_pad);
        assert_eq!(spec.width, Some(5));
    }

    #[test]
    fn unicode_digits_in_width() {
        let spec = FormatSpec::parse("\u{661}\u{660}", SpecTarget::Int, "int").unwrap();
        assert_eq!(spec.width, Some(10));
    }

    #[test]
    fn errors_match_python() {
        let err = |spec: &str, target, name| FormatSpec::parse(spec, target, name).unwrap_err();
        // python3: format(1, 'ab'), format(1, '9'*30), format(1, '.'), format(1, ',_'), ...
        assert_eq!(
            err("ab", SpecTarget::Int, "int").message,
            "Invalid format specifier 'ab' for object of type 'int'"
        );
        assert_eq!(
            err(&"9".repeat(30), SpecTarget::Int, "int").message,
            "Too many decimal digits in format string"
        );
        assert_eq!(
            err(".", SpecTarget::Int, "int").message,
            "Format specifier missing precision"
        );
        assert_eq!(
            err(",_", SpecTarget::Int, "int").message,
            "Cannot specify both ',' and '_'."
        );
        assert_eq!(
            err("_,", SpecTarget::Int, "int").message,
            "Cannot specify both ',' and '_'."
        );
        assert_eq!(
            err(",", SpecTarget::Str, "str").message,
            "Cannot specify ',' with 's'."
        );
        assert_eq!(
            err("_n", SpecTarget::Int, "int").message,
            "Cannot specify '_' with 'n'."
        );
        assert_eq!(
            err(",x", SpecTarget::Int, "int").message,
            "Cannot specify ',' with 'x'."
        );
        assert_eq!(
            err(",\u{e9}", SpecTarget::Int, "int").message,
            "Cannot specify ',' with '\\xe9'."
        );
    }

    #[test]
    fn quoting_codes() {
        assert_eq!(quoted_code('d'), "'d'");
        assert_eq!(quoted_code('\0'), "'\\x0'");
        assert_eq!(quoted_code(' '), "'\\x20'");
        assert_eq!(quoted_code('\u{e9}'), "'\\xe9'");
    }
}
