//! Source decoding: the bytes of a program (file or stdin) to the text the lexer reads,
//! as CPython's tokenizer prepares them.
//!
//! - A UTF-8 byte order mark is dropped.
//! - A PEP 263 coding declaration (`# -*- coding: NAME -*-`) on line 1, or on line 2
//!   when line 1 holds only a comment or blanks, selects the codec: UTF-8, Latin-1,
//!   cp1252 or ASCII here; any other name is `SyntaxError: encoding problem: NAME`.
//! - Without a declaration the source must be UTF-8, or it is CPython's
//!   `Non-UTF-8 code starting with '\xNN' in file F on line N, but no encoding
//!   declared; …`.
//! - A NUL byte anywhere is `source code cannot contain null bytes`, reported at its
//!   line, unless undecodable bytes come before it (CPython reads each line as a C
//!   string, so it decodes the text before the NUL first).
//! - Universal newlines: `\r\n` and a lone `\r` become `\n`, inside string literals too.
//!
//! Errors without a source position (the encoding ones) have `lineno == 0`: they print
//! as the one line `SyntaxError: message`, as CPython's do.

use crate::diagnostics::{SyntaxError, SyntaxErrorKind};

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The codecs a coding declaration may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Codec {
    Utf8,
    Latin1,
    Cp1252,
    Ascii,
}

/// Decode a program's bytes; `filename` is used in messages as CPython shows it.
pub fn decode(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let (has_bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = coding_declaration(body);
    let codec = match &declared {
        None => Codec::Utf8,
        Some(name) => match codec_named(name) {
            Some(Codec::Utf8) => Codec::Utf8,
            Some(_) if has_bom => {
                return Err(unlocated(format!("encoding problem: {name} with BOM")));
            }
            Some(c) => c,
            None => return Err(unlocated(format!("encoding problem: {name}"))),
        },
    };
    let nul_at = body.iter().position(|&b| b == 0);
    let nul_line = nul_at.map(|i| line_of(body, i));
    // Only the part before the NUL's line end can matter.
    let text = match codec {
        Codec::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => {
                let mut text = String::new();
                if text.try_reserve_exact(s.len()).is_err() {
                    return Err(SyntaxError {
                        kind: SyntaxErrorKind::MemoryError,
                        ..unlocated(String::new())
                    });
                }
                text.push_str(s);
                text
            }
            Err(e) => {
                let at = e.valid_up_to();
                let line = line_of(body, at);
                if nul_at.is_none_or(|n| at < n) {
                    return Err(unlocated(format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line \
                         {line}, but no encoding declared; see \
                         https://peps.python.org/pep-0263/ for details",
                        body[at]
                    )));
                }
                String::from_utf8_lossy(body).into_owned()
            }
        },
        Codec::Latin1 => body.iter().map(|&b| b as char).collect(),
        Codec::Ascii | Codec::Cp1252 => {
            let mut s = String::with_capacity(body.len());
            for &b in body {
                let c = if codec == Codec::Ascii {
                    (b < 0x80).then_some(b as char)
                } else {
                    cp1252(b)
                };
                match c {
                    Some(c) => s.push(c),
                    None => {
                        let name = declared.as_deref().unwrap_or_default();
                        return Err(unlocated(format!("encoding problem: {name}")));
                    }
                }
            }
            s
        }
    };
    if let (Some(at), Some(line)) = (nul_at, nul_line) {
        let start = body[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        return Err(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            message: "source code cannot contain null bytes".into(),
            filename: filename.to_string(),
            lineno: line,
            offset: 0,
            end_lineno: line,
            end_offset: 0,
            text: String::from_utf8_lossy(&body[start..at]).into_owned(),
        });
    }
    Ok(universal_newlines(text))
}

fn unlocated(message: String) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        message,
        filename: String::new(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: String::new(),
    }
}

/// 1-based line of byte `at`.
fn line_of(bytes: &[u8], at: usize) -> u32 {
    let newlines = bytes[..at].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines).map_or(u32::MAX, |n| n.saturating_add(1))
}

fn universal_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The normalised codec name declared on line 1 or 2, if any (CPython's
/// `check_coding_spec` and `get_normal_name`).
fn coding_declaration(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next().unwrap_or_default();
    if let Some(name) = coding_spec(first) {
        return Some(name);
    }
    let only_comment = first
        .iter()
        .take_while(|&&b| b != b'#' && b != b'\r')
        .all(|&b| matches!(b, b' ' | b'\t' | b'\x0c'));
    if only_comment {
        return lines.next().and_then(coding_spec);
    }
    None
}

/// `coding[:=]\s*NAME` inside a comment line.
fn coding_spec(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let mut from = 0;
    while let Some(i) = find(&comment[from..], b"coding") {
        let after = from + i + b"coding".len();
        if matches!(comment.get(after), Some(b':' | b'=')) {
            let rest = &comment[after + 1..];
            let rest = &rest[rest
                .iter()
                .position(|&b| b != b' ' && b != b'\t')
                .unwrap_or(rest.len())..];
            let len = rest
                .iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
                .unwrap_or(rest.len());
            if len > 0 {
                let name = String::from_utf8_lossy(&rest[..len]).into_owned();
                return Some(normal_name(&name));
            }
        }
        from = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// CPython's `get_normal_name`: `utf-8*` and the Latin-1 spellings get one name.
fn normal_name(name: &str) -> String {
    let head: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let is = |prefix: &str| head == prefix || head.starts_with(&format!("{prefix}-"));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.to_string()
    }
}

/// The codec for a declared name, as Python's codec registry spells its aliases.
fn codec_named(name: &str) -> Option<Codec> {
    let key: String = name
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    match key.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Codec::Utf8),
        "iso_8859_1" | "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso8859" | "8859"
        | "cp819" | "iso_ir_100" => Some(Codec::Latin1),
        "cp1252" | "windows_1252" => Some(Codec::Cp1252),
        "ascii" | "us_ascii" | "646" => Some(Codec::Ascii),
        _ => None,
    }
}

/// Windows-1252: Latin-1 except 0x80–0x9F, five of which are undefined.
fn cp1252(b: u8) -> Option<char> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => match HIGH[(b - 0x80) as usize] {
            0 => None,
            c => char::from_u32(c as u32),
        },
        _ => Some(b as char),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        decode(bytes, "f.py").unwrap_err().to_string()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"x = 1\n", "f").unwrap(), "x = 1\n");
        assert_eq!(decode(b"\xef\xbb\xbfx\n", "f").unwrap(), "x\n");
    }

    #[test]
    fn declared_codecs() {
        assert_eq!(
            decode(b"# coding: latin-1\n\xe9\n", "f").unwrap(),
            "# coding: latin-1\n\u{e9}\n"
        );
        assert_eq!(
            decode(b"#!py\n# vim: set fileencoding=cp1252 :\n\x80\n", "f").unwrap(),
            "#!py\n# vim: set fileencoding=cp1252 :\n\u{20ac}\n"
        );
        assert_eq!(
            err(b"# coding: bogus\n"),
            "SyntaxError: encoding problem: bogus"
        );
        assert_eq!(
            err(b"# coding: ascii\n\xe9\n"),
            "SyntaxError: encoding problem: ascii"
        );
        assert_eq!(
            err(b"\xef\xbb\xbf# coding: latin_1\n"),
            "SyntaxError: encoding problem: iso-8859-1 with BOM"
        );
        // Only line 1, or line 2 after a comment line, may declare.
        assert!(decode(b"x = 1\n# coding: bogus\n", "f").is_ok());
        assert!(decode(b"\n\n# coding: bogus\n", "f").is_ok());
    }

    #[test]
    fn non_utf8_and_null_bytes() {
        assert_eq!(
            err(b"x = 1\ny = '\xff'\n"),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file f.py on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
        assert_eq!(
            err(b"print(1)\n# a\0b\n"),
            "  File \"f.py\", line 2\n    # a\nSyntaxError: source code cannot contain null bytes"
        );
        assert!(err(b"x='\xff\0'\n").contains("Non-UTF-8"));
        assert!(err(b"x=1\n\0\xff\n").contains("null bytes"));
    }

    #[test]
    fn universal_newlines_everywhere() {
        assert_eq!(decode(b"a\r\nb\rc\n", "f").unwrap(), "a\nb\nc\n");
    }
}
