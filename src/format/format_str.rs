//! `format(str, spec)` (`str.__format__`): presentation type `s` or none,
//! precision truncating to that many characters, fill/alignment (left by
//! default) and width, with CPython's errors for number-only options.

use super::FormatError;
use super::layout::push_fill;
use super::spec::{Align, FormatSpec, Sign, SpecTarget, unknown_code};

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> Result<String, FormatError> {
    format_str_typed(s, spec, "str")
}

/// `format(s, spec)` for a str-like object whose type is `type_name` (used
/// in error messages).
pub fn format_str_typed(s: &str, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let parsed = FormatSpec::parse(spec, SpecTarget::Str, type_name)?;
    match parsed.ty {
        None | Some('s') => {}
        Some(other) => return Err(unknown_code(other, type_name)),
    }
    match parsed.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if parsed.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if parsed.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = parsed.resolved_fill_align(false);
    if align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }

    let mut len = s.chars().count();
    let mut text = s;
    if let Some(precision) = parsed.precision
        && precision < len
    {
        let cut = s.char_indices().nth(precision).map_or(s.len(), |(i, _)| i);
        text = &s[..cut];
        len = precision;
    }
    let padding = parsed.width.unwrap_or(0).saturating_sub(len);
    let (left, right) = match align {
        Align::Right => (padding, 0),
        Align::Center => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = super::text_buffer(
        text.len()
            .saturating_add(padding.saturating_mul(fill.len_utf8())),
    )?;
    push_fill(&mut out, fill, left);
    out.push_str(text);
    push_fill(&mut out, fill, right);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::test_support::{fields, outcome, table};

    #[test]
    fn examples_match_python() {
        // python3: format('abc', '.2'), format('abc', '^7.2'), format('abc', '*^8'), ...
        let cases: &[(&str, &str, &str)] = &[
            ("abc", ".2", "ab"),
            ("abc", "^7.2", "  ab   "),
            ("abc", "*^8", "**abc***"),
            ("ab", "05", "ab000"),
            ("ab", "x<05", "abxxx"),
            ("a", "\u{20ac}^5", "\u{20ac}\u{20ac}a\u{20ac}\u{20ac}"),
            ("h\u{e9}llo", ">7.2", "     h\u{e9}"),
            ("", "", ""),
        ];
        for &(s, spec, expected) in cases {
            assert_eq!(
                format_str(s, spec).unwrap(),
                expected,
                "format({s:?}, {spec:?})"
            );
        }
        let err = |spec: &str| format_str("a", spec).unwrap_err().message;
        assert_eq!(err(" "), "Space not allowed in string format specifier");
        assert_eq!(err("+"), "Sign not allowed in string format specifier");
        assert_eq!(
            err("#"),
            "Alternate form (#) not allowed in string format specifier"
        );
        assert_eq!(
            err("="),
            "'=' alignment not allowed in string format specifier"
        );
        assert_eq!(err(","), "Cannot specify ',' with 's'.");
        assert_eq!(err("d"), "Unknown format code 'd' for object of type 'str'");
        assert_eq!(
            err("\0"),
            "Unknown format code '\\x0' for object of type 'str'"
        );
    }

    /// Random specs over a few strings with python3's `format(s, spec)`,
    /// from `testdata/generate.py`.
    #[test]
    fn table_matches_python() {
        for line in table(include_str!("testdata/format_str.txt")) {
            let f = fields(line);
            assert_eq!(
                outcome(format_str(&f[0], &f[1])),
                f[2],
                "format({:?}, {:?})",
                f[0],
                f[1]
            );
        }
    }
}
