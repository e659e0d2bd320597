//! Python's `repr(str)` (quote choice and escapes) and the
//! backslash-replace step that `ascii()` applies to a repr. Error messages
//! such as `invalid literal for int() ...` quote their input with it.

use std::fmt::Write;

use super::unicode::is_printable;

/// Exactly `repr(s)` for a Python `str`.
pub fn str_repr(s: &str) -> String {
    match try_str_repr(s) {
        Ok(r) => r,
        Err(_) => std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u8; 64]>()),
    }
}

/// [`str_repr`], or an error when memory runs out (for `repr()` of a huge string,
/// which must be a MemoryError, not an abort).
pub fn try_str_repr(s: &str) -> Result<String, std::collections::TryReserveError> {
    try_repr_code_points(s.chars().map(u32::from), s.len())
}

/// [`try_str_repr`] of a text given as code points (lone surrogates included, which
/// are escaped as `\udcff`); `byte_len` sizes the first reservation.
pub fn try_repr_code_points(
    code_points: impl Iterator<Item = u32> + Clone,
    byte_len: usize,
) -> Result<String, std::collections::TryReserveError> {
    let has = |q: char| code_points.clone().any(|c| c == u32::from(q));
    let quote = if has('\'') && !has('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.try_reserve_exact(byte_len.saturating_add(2))?;
    out.push(quote);
    for cp in code_points {
        // Room for the longest escape (`\U0001f600`), growing fallibly.
        if out.capacity() - out.len() < 10 {
            out.try_reserve(out.len() / 2 + 16)?;
        }
        let Some(c) = char::from_u32(cp) else {
            push_escape(&mut out, cp);
            continue;
        };
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if c < ' ' || c == '\u{7f}' => push_escape(&mut out, cp),
            _ if c.is_ascii() || is_printable(c) => out.push(c),
            _ => push_escape(&mut out, cp),
        }
    }
    out.push(quote);
    Ok(out)
}

/// Replaces every non-ASCII character by its `\x`, `\u` or `\U` escape, as
/// `ascii(obj)` does to `repr(obj)`.
pub fn ascii_escape(s: &str) -> String {
    ascii_escape_code_points(s.chars().map(u32::from), s.len())
}

/// [`ascii_escape`] of a text given as code points (lone surrogates included).
pub fn ascii_escape_code_points(code_points: impl Iterator<Item = u32>, byte_len: usize) -> String {
    let mut out = String::with_capacity(byte_len);
    for cp in code_points {
        match char::from_u32(cp) {
            Some(c) if c.is_ascii() => out.push(c),
            Some(_) | None => push_escape(&mut out, cp),
        }
    }
    out
}

fn push_escape(out: &mut String, cp: u32) {
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

/// `s` cut to its first `max_chars` characters (CPython's `%.200R`).
pub(super) fn truncate_chars(s: &str, max_chars: usize) -> &str {
    match s.char_indices().nth(max_chars) {
        Some((idx, _)) => &s[..idx],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python() {
        // (input, python3 repr(input))
        let cases: &[(&str, &str)] = &[
            ("", "''"),
            ("abc", "'abc'"),
            ("a'b", "\"a'b\""),
            ("a\"b", "'a\"b'"),
            ("a'\"b", "'a\\'\"b'"),
            ("back\\slash", "'back\\\\slash'"),
            ("\t\n\r\x00\x1f\x7f", "'\\t\\n\\r\\x00\\x1f\\x7f'"),
            ("\u{e9}\u{a0}\u{ad}", "'\u{e9}\\xa0\\xad'"),
            ("\u{20ac}\u{2028}\u{e000}", "'\u{20ac}\\u2028\\ue000'"),
            ("\u{1f600}\u{10ffff}", "'\u{1f600}\\U0010ffff'"),
            ("\u{661}\u{3000}", "'\u{661}\\u3000'"),
        ];
        for (input, expected) in cases {
            assert_eq!(&str_repr(input), expected, "repr of {input:?}");
        }
    }

    #[test]
    fn ascii_matches_python() {
        // python3: ascii('\xe9\u20ac\U0001f600x')
        assert_eq!(
            ascii_escape(&str_repr("\u{e9}\u{20ac}\u{1f600}x")),
            "'\\xe9\\u20ac\\U0001f600x'"
        );
    }

    #[test]
    fn truncation() {
        assert_eq!(truncate_chars("h\u{e9}llo", 2), "h\u{e9}");
        assert_eq!(truncate_chars("ab", 5), "ab");
    }
}
