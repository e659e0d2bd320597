//! Unicode character properties as CPython 3.11 sees them (`str.isspace`,
//! `str.isprintable`, decimal digit values) and the normalisation that
//! `int()`/`float()` apply to their argument before parsing (non-ASCII
//! whitespace becomes a space, non-ASCII decimal digits become ASCII digits).

use std::borrow::Cow;

use super::unicode_data::{DECIMAL_ZEROS, NON_PRINTABLE, SPACES};

/// Python's `str.isspace()` for one character.
pub fn is_space(c: char) -> bool {
    match c {
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{1c}'..='\u{1f}' | ' ' => true,
        _ if c.is_ascii() => false,
        _ => SPACES.binary_search(&(c as u32)).is_ok(),
    }
}

/// Python's `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    let cp = c as u32;
    // Number of ranges whose start is <= cp; cp is non-printable iff it is
    // inside the last of them.
    let (mut lo, mut hi) = (0, NON_PRINTABLE.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if NON_PRINTABLE[2 * mid] <= cp {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo == 0 || NON_PRINTABLE[2 * lo - 1] < cp
}

/// The value of a decimal digit (Unicode category Nd, any script), as
/// `unicodedata.decimal(c)` reports it.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() {
        return None;
    }
    let cp = c as u32;
    let idx = DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
    if idx == 0 {
        return None;
    }
    let offset = cp - DECIMAL_ZEROS[idx - 1];
    (offset < 10).then_some(offset)
}

/// Python's `Py_ISSPACE`: the ASCII whitespace that `int()` and `float()`
/// strip after normalisation.
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII text is
/// returned unchanged; a non-ASCII space becomes `' '`, a non-ASCII decimal
/// digit becomes its ASCII digit, and the first other non-ASCII character is
/// replaced by `'?'` with the rest of the text dropped (so parsing fails there).
pub(super) fn normalize_numeric(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push('?');
            break;
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_match_python() {
        // python3: [hex(c) for c in range(0x110000) if chr(c).isspace()]
        let expected: [u32; 29] = [
            0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
            0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
            0x2029, 0x202f, 0x205f, 0x3000,
        ];
        let found: Vec<u32> = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_space(c))
            .map(|c| c as u32)
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn decimal_digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{661}'), Some(1));
        assert_eq!(decimal_value('\u{ff19}'), Some(9));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('\u{1d7d7}'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{b2}'), None); // superscript two is not Nd
        assert_eq!(decimal_value('\u{65f}'), None);
        // python3: sum(1 for c in range(0x110000) if unicodedata.decimal(chr(c), None) is not None)
        let count = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| decimal_value(c).is_some())
            .count();
        assert_eq!(count, 660);
    }

    #[test]
    fn printable() {
        assert!(is_printable('a'));
        assert!(is_printable(' '));
        assert!(!is_printable('\n'));
        assert!(!is_printable('\u{7f}'));
        assert!(!is_printable('\u{a0}'));
        assert!(is_printable('\u{e9}'));
        assert!(!is_printable('\u{ad}'));
        assert!(is_printable('\u{20ac}'));
        assert!(!is_printable('\u{2028}'));
        assert!(!is_printable('\u{e000}'));
        assert!(!is_printable('\u{10ffff}'));
        assert!(is_printable('\u{1f600}'));
        // python3: sum(1 for c in range(0x110000) if chr(c).isprintable())
        let count = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_printable(c))
            .count();
        assert_eq!(count, 144_516);
    }

    #[test]
    fn normalize() {
        assert_eq!(normalize_numeric("12"), "12");
        assert_eq!(normalize_numeric("\u{a0}\u{661}\u{662}\u{3000}"), " 12 ");
        assert_eq!(normalize_numeric("1\u{e9}23"), "1?");
    }
}
