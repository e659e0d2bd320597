//! String and bytes literals: escape decoding and implicit concatenation.
//!
//! Owns the meaning of a literal's body (escape sequences, line continuations, raw
//! prefixes, newline normalisation) and the joining of adjacent literals into one
//! `Constant` or `JoinedStr` (f-string parts come from `fstring.rs`). Error messages and
//! their byte positions follow CPython's `unicode_escape` and `bytes` decoders, which
//! count positions in CPython's intermediate buffer (where a non-ASCII character takes
//! ten bytes, `\UXXXXXXXX`).
//!
//! Invariant: decoding only slices at character boundaries and never panics.

use super::unicode_names;
use crate::text::TextBuf;

/// A decoding failure: CPython's message (already prefixed with `(unicode error)` or
/// `(value error)`), or memory ran out for the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Syntax(String),
    OutOfMemory,
}

/// Normalises line endings the way CPython's file reader does.
fn normalize_newlines(body: &str) -> std::borrow::Cow<'_, str> {
    if body.contains('\r') {
        std::borrow::Cow::Owned(body.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(body)
    }
}

/// The value of a `str` literal body (`raw`: no escapes); `\ud800` escapes make
/// lone surrogates, as in CPython.
pub fn decode_str(body: &str, raw: bool) -> Result<TextBuf, DecodeError> {
    let body = normalize_newlines(body);
    if raw {
        return Ok(body.into_owned().into());
    }
    let mut out = TextBuf::new();
    out.try_reserve(body.len())
        .map_err(|_| DecodeError::OutOfMemory)?;
    let mut chars = body.char_indices().peekable();
    // Position in CPython's buffer (ASCII: 1 byte, other characters: 10).
    let mut pos = 0usize;
    let width = |c: char| if c.is_ascii() { 1 } else { 10 };
    while let Some((_, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            pos += width(c);
            continue;
        }
        let start = pos;
        let Some(&(_, e)) = chars.peek() else {
            // A lone backslash at the very end (only possible inside f-string parts).
            out.push('\\');
            break;
        };
        if !e.is_ascii() {
            // CPython turns "\é" into "\u005c" + "\U000000e9": kept verbatim.
            out.push('\\');
            pos += 6;
            continue;
        }
        chars.next();
        pos += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            value = value * 8 + (d as u32 - '0' as u32);
                            chars.next();
                            pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push_code_point(value);
            }
            'x' | 'u' | 'U' => {
                let (count, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value = 0u32;
                for _ in 0..count {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            value = value * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                            pos += 1;
                        }
                        _ => return Err(unicode_error(start, pos, what)),
                    }
                }
                if value > 0x10FFFF {
                    return Err(unicode_error(start, pos, "illegal Unicode character"));
                }
                out.push_code_point(value);
            }
            'N' => {
                let malformed = "malformed \\N character escape";
                if !matches!(chars.peek(), Some(&(_, '{'))) {
                    return Err(unicode_error(start, pos, malformed));
                }
                chars.next();
                pos += 1;
                let mut name = String::new();
                let mut closed = false;
                for (_, d) in chars.by_ref() {
                    if d == '}' {
                        closed = true;
                        break;
                    }
                    pos += width(d);
                    name.push(d);
                }
                if !closed {
                    return Err(unicode_error(start, pos, malformed));
                }
                if name.is_empty() {
                    return Err(unicode_error(start, pos, malformed));
                }
                pos += 1;
                match unicode_names::lookup(&name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(start, pos, "unknown Unicode character name"));
                    }
                }
            }
            other => {
                // Unknown escapes stay as written (CPython warns).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// CPython's UnicodeDecodeError text for bytes `[start, end)` of its buffer.
fn unicode_error(start: usize, end: usize, what: &str) -> DecodeError {
    let range = if end > start + 1 {
        format!("bytes in position {}-{}", start, end - 1)
    } else {
        format!("byte in position {start}")
    };
    DecodeError::Syntax(format!(
        "(unicode error) 'unicodeescape' codec can't decode {range}: {what}"
    ))
}

/// The value of a `bytes` literal body.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, DecodeError> {
    if !body.is_ascii() {
        return Err(DecodeError::Syntax(
            "bytes can only contain ASCII literal characters".to_string(),
        ));
    }
    let body = normalize_newlines(body);
    let bytes = body.as_bytes();
    if raw {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&e) = bytes.get(i + 1) else {
            out.push(b'\\');
            break;
        };
        let start = i;
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match bytes.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let hex = |k: usize| bytes.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(DecodeError::Syntax(format!(
                            "(value error) invalid \\x escape at position {start}"
                        )));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(e: DecodeError) -> String {
        match e {
            DecodeError::Syntax(m) => m,
            DecodeError::OutOfMemory => "out of memory".to_string(),
        }
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(
            decode_str(r#"a\n\t\r\\\'\"\a\b\f\v\0"#, false).unwrap(),
            "a\n\t\r\\'\"\x07\x08\x0c\x0b\0"
        );
        assert_eq!(
            decode_str(r"\101\x41\u0041\U00000041", false).unwrap(),
            "AAAA"
        );
        assert_eq!(decode_str(r"\777", false).unwrap(), "\u{1ff}");
        assert_eq!(
            decode_str(r"\N{EM DASH}\N{bullet}", false).unwrap(),
            "\u{2014}\u{2022}"
        );
    }

    #[test]
    fn unknown_escapes_stay() {
        assert_eq!(decode_str(r"\d\w\é", false).unwrap(), r"\d\w\é");
    }

    #[test]
    fn continuation_and_newlines() {
        assert_eq!(decode_str("a\\\nb", false).unwrap(), "ab");
        assert_eq!(decode_str("a\\\r\nb", false).unwrap(), "ab");
        assert_eq!(decode_str("a\r\nb", true).unwrap(), "a\nb");
        assert_eq!(decode_str("a\\\nb", true).unwrap(), "a\\\nb");
    }

    #[test]
    fn raw_keeps_backslashes() {
        assert_eq!(decode_str(r"\n\x", true).unwrap(), r"\n\x");
        assert_eq!(decode_bytes(r"\n", true).unwrap(), b"\\n");
    }

    #[test]
    fn errors_use_cpython_positions() {
        let err = |s: &str| message(decode_str(s, false).unwrap_err());
        assert_eq!(
            err(r"\x4"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: \
             truncated \\xXX escape"
        );
        assert_eq!(
            err(r"abc\u12"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 3-6: \
             truncated \\uXXXX escape"
        );
        assert_eq!(
            err(r"\N{foo}"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: \
             unknown Unicode character name"
        );
        assert_eq!(
            err(r"\U00110000"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: \
             illegal Unicode character"
        );
        assert!(err(r"\N").contains("position 0-1: malformed \\N character escape"));
        assert!(err(r"\N{}").contains("position 0-2: malformed"));
        assert!(err(r"ab\N{EM").contains("position 2-6: malformed"));
        assert!(err("é\\x4").contains("position 10-12"));
    }

    #[test]
    fn bytes() {
        assert_eq!(
            decode_bytes(r"a\x41\101\n\u1234", false).unwrap(),
            b"aAA\n\\u1234"
        );
        assert_eq!(
            message(decode_bytes(r"\x4", false).unwrap_err()),
            "(value error) invalid \\x escape at position 0"
        );
        assert_eq!(
            message(decode_bytes("é", false).unwrap_err()),
            "bytes can only contain ASCII literal characters"
        );
    }
}
