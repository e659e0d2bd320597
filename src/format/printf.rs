//! Parsing of `%`-format strings (`str % args`): literal pieces, `%%`, and
//! conversion specs `%[(key)][flags][width|*][.precision|*][h|l|L]conv`
//! exactly as CPython 3.11's `PyUnicode_Format` reads them.
//!
//! CPython interleaves parsing with fetching arguments, and its errors
//! depend on that order. A [`PercentSpec`] therefore carries any parse error
//! in [`PercentSpec::error`] instead of failing eagerly. A caller formats a
//! spec like this:
//!
//! 1. if `key` is not [`PercentKey::None`] and the argument is not a mapping:
//!    `TypeError: format requires a mapping`;
//! 2. if `key` is [`PercentKey::Incomplete`]: raise `error`;
//! 3. if `key` is [`PercentKey::Key`]: look the key up (the value replaces the
//!    arguments, as a single non-tuple argument);
//! 4. for `width` then `precision` equal to [`PercentNum::Star`]: fetch the
//!    next argument (`not enough arguments for format string`), require an
//!    int (`TypeError: * wants int`), then call
//!    [`PercentSpec::set_star_width`] / [`PercentSpec::set_star_precision`];
//! 5. if `error` is set, raise it;
//! 6. fetch the value argument, then dispatch on `conversion`; for a
//!    character outside `d i u o x X e E f F g G c r s a`, raise
//!    [`PercentSpec::unsupported`].
//!
//! After the last piece, leftover tuple arguments give `TypeError: not all
//! arguments converted during string formatting`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::FormatError;

/// A width or precision field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentNum {
    Absent,
    /// `*`: taken from the next argument.
    Star,
    Value(usize),
}

impl PercentNum {
    /// The number, treating `Absent` and an unresolved `Star` as absent.
    pub fn value(self) -> Option<usize> {
        match self {
            PercentNum::Value(n) => Some(n),
            _ => None,
        }
    }
}

/// The `(key)` part of a conversion spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentKey<'a> {
    None,
    /// The text between the balanced parentheses.
    Key(&'a str),
    /// `(` without its closing `)`; `error` holds `incomplete format key`.
    Incomplete,
}

/// One conversion spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec<'a> {
    pub key: PercentKey<'a>,
    /// `-`
    pub left_adjust: bool,
    /// `+`
    pub plus: bool,
    /// ` `
    pub space: bool,
    /// `#`
    pub alternate: bool,
    /// `0`
    pub zero_pad: bool,
    pub width: PercentNum,
    pub precision: PercentNum,
    /// The conversion character (`'\0'` when the spec is incomplete).
    pub conversion: char,
    /// Character (code point) index of the conversion character in the
    /// format string, for the `unsupported format character` message.
    pub index: usize,
    /// A parse error CPython raises after steps 1-4 of the module docs.
    pub error: Option<FormatError>,
}

/// A piece of a `%`-format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece<'a> {
    /// Text copied as is.
    Literal(&'a str),
    /// `%%`: a literal `%` that consumes no argument.
    Percent,
    Spec(PercentSpec<'a>),
}

impl PercentSpec<'_> {
    fn new() -> Self {
        PercentSpec {
            key: PercentKey::None,
            left_adjust: false,
            plus: false,
            space: false,
            alternate: false,
            zero_pad: false,
            width: PercentNum::Absent,
            precision: PercentNum::Absent,
            conversion: '\0',
            index: 0,
            error: None,
        }
    }

    /// Resolves a `*` width from its argument: negative means left-adjust.
    pub fn set_star_width(&mut self, width: &BigInt) -> Result<(), FormatError> {
        let w = width
            .to_i64()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C ssize_t"))?;
        if w < 0 {
            self.left_adjust = true;
        }
        // CPython negates the width in a Py_ssize_t: -2**63 stays negative, and a
        // negative width pads nothing.
        self.width = PercentNum::Value(w.checked_abs().map_or(0, |w| w as usize));
        Ok(())
    }

    /// Resolves a `*` precision from its argument: negative means 0.
    pub fn set_star_precision(&mut self, precision: &BigInt) -> Result<(), FormatError> {
        let p = precision
            .to_i32()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C int"))?;
        self.precision = PercentNum::Value(if precision.is_negative() {
            0
        } else {
            p as usize
        });
        Ok(())
    }

    /// `ValueError: unsupported format character 'z' (0x7a) at index 3`.
    pub fn unsupported(&self) -> FormatError {
        let c = self.conversion;
        let shown = if ('\u{1f}'..='~').contains(&c) {
            c
        } else {
            '?'
        };
        FormatError::value(format!(
            "unsupported format character '{shown}' (0x{:x}) at index {}",
            c as u32, self.index
        ))
    }
}

/// Iterates over the pieces of a `%`-format string. Iteration ends after a
/// spec whose `error` is set.
#[derive(Debug, Clone)]
pub struct PercentParser<'a> {
    cursor: Cursor<'a>,
}

impl<'a> PercentParser<'a> {
    pub fn new(fmt: &'a str) -> Self {
        PercentParser {
            cursor: Cursor {
                text: fmt,
                byte: 0,
                chars: 0,
            },
        }
    }
}

impl<'a> Iterator for PercentParser<'a> {
    type Item = PercentPiece<'a>;

    fn next(&mut self) -> Option<PercentPiece<'a>> {
        let cur = &mut self.cursor;
        let rest = &cur.text[cur.byte..];
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('%') {
            let len = rest.find('%').unwrap_or(rest.len());
            let literal = &rest[..len];
            cur.byte += len;
            cur.chars += literal.chars().count();
            return Some(PercentPiece::Literal(literal));
        }
        cur.next();
        let piece = parse_after_percent(cur);
        if let PercentPiece::Spec(spec) = &piece
            && spec.error.is_some()
        {
            cur.chars += cur.text[cur.byte..].chars().count();
            cur.byte = cur.text.len();
        }
        Some(piece)
    }
}

/// Parses the piece that starts just after a `%` at byte offset `pos - 1`
/// of `fmt`; returns it with the byte offset just past it.
pub fn parse_percent(fmt: &str, pos: usize) -> (PercentPiece<'_>, usize) {
    let mut cur = Cursor {
        text: fmt,
        byte: pos,
        chars: fmt[..pos].chars().count(),
    };
    let piece = parse_after_percent(&mut cur);
    (piece, cur.byte)
}

#[derive(Debug, Clone)]
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.text[self.byte..].chars().next()?;
        self.byte += c.len_utf8();
        self.chars += 1;
        Some(c)
    }
}

fn parse_after_percent<'a>(cur: &mut Cursor<'a>) -> PercentPiece<'a> {
    if cur.text[cur.byte..].starts_with('%') {
        cur.next();
        return PercentPiece::Percent;
    }
    let mut spec = PercentSpec::new();
    match parse_spec(cur, &mut spec) {
        Ok(conversion) => {
            spec.conversion = conversion;
            spec.index = cur.chars - 1;
        }
        Err(err) => spec.error = Some(err),
    }
    PercentPiece::Spec(spec)
}

fn incomplete() -> FormatError {
    FormatError::value("incomplete format")
}

/// Fills `spec` and returns the conversion character.
fn parse_spec<'a>(cur: &mut Cursor<'a>, spec: &mut PercentSpec<'a>) -> Result<char, FormatError> {
    let mut ch = cur.next().ok_or_else(incomplete)?;
    if ch == '(' {
        let start = cur.byte;
        let mut depth = 1;
        while depth > 0 {
            match cur.next() {
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                Some(_) => {}
                None => {
                    spec.key = PercentKey::Incomplete;
                    return Err(FormatError::value("incomplete format key"));
                }
            }
        }
        spec.key = PercentKey::Key(&cur.text[start..cur.byte - 1]);
        ch = cur.next().ok_or_else(incomplete)?;
    }
    loop {
        match ch {
            '-' => spec.left_adjust = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alternate = true,
            '0' => spec.zero_pad = true,
            _ => break,
        }
        ch = cur.next().ok_or_else(incomplete)?;
    }
    if ch == '*' {
        spec.width = PercentNum::Star;
        ch = cur.next().ok_or_else(incomplete)?;
    } else if let Some(first) = ch.to_digit(10) {
        let mut width = u64::from(first);
        loop {
            ch = cur.next().ok_or_else(incomplete)?;
            let Some(d) = ch.to_digit(10) else { break };
            if width > (i64::MAX as u64 - u64::from(d)) / 10 {
                return Err(FormatError::value("width too big"));
            }
            width = width * 10 + u64::from(d);
        }
        spec.width = PercentNum::Value(width as usize);
    }
    if ch == '.' {
        spec.precision = PercentNum::Value(0);
        ch = cur.next().ok_or_else(incomplete)?;
        if ch == '*' {
            spec.precision = PercentNum::Star;
            ch = cur.next().ok_or_else(incomplete)?;
        } else if let Some(first) = ch.to_digit(10) {
            let mut precision = first;
            loop {
                ch = cur.next().ok_or_else(incomplete)?;
                let Some(d) = ch.to_digit(10) else { break };
                if precision > (i32::MAX as u32 - d) / 10 {
                    return Err(FormatError::value("precision too big"));
                }
                precision = precision * 10 + d;
            }
            spec.precision = PercentNum::Value(precision as usize);
        }
    }
    if matches!(ch, 'h' | 'l' | 'L') {
        ch = cur.next().ok_or_else(incomplete)?;
    }
    Ok(ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(fmt: &str) -> PercentSpec<'_> {
        match PercentParser::new(fmt).find(|p| matches!(p, PercentPiece::Spec(_))) {
            Some(PercentPiece::Spec(s)) => s,
            _ => panic!("no spec in {fmt:?}"),
        }
    }

    #[test]
    fn pieces() {
        let pieces: Vec<_> = PercentParser::new("a%%b%sc").collect();
        assert_eq!(pieces.len(), 5);
        assert_eq!(pieces[0], PercentPiece::Literal("a"));
        assert_eq!(pieces[1], PercentPiece::Percent);
        assert_eq!(pieces[2], PercentPiece::Literal("b"));
        assert!(matches!(&pieces[3], PercentPiece::Spec(s) if s.conversion == 's' && s.index == 5));
        assert_eq!(pieces[4], PercentPiece::Literal("c"));
    }

    #[test]
    fn full_spec() {
        let s = spec("x%(na(m)e)-+ #0*.*ld");
        assert_eq!(s.key, PercentKey::Key("na(m)e"));
        assert!(s.left_adjust && s.plus && s.space && s.alternate && s.zero_pad);
        assert_eq!(s.width, PercentNum::Star);
        assert_eq!(s.precision, PercentNum::Star);
        assert_eq!(s.conversion, 'd');
        assert_eq!(s.index, 19);
        assert_eq!(s.error, None);
        let s = spec("%12.5f");
        assert_eq!(
            (s.width, s.precision),
            (PercentNum::Value(12), PercentNum::Value(5))
        );
        let s = spec("%.s");
        assert_eq!(s.precision, PercentNum::Value(0));
    }

    #[test]
    fn errors_match_python() {
        // python3: 'abc%' % (), '%(a' % {}, '%.' % 1, '%5' % 1, '%h' % 1, '%*' % (1,)
        for fmt in ["abc%", "%.", "%5", "%h", "%*", "%-", "%(a)"] {
            assert_eq!(
                spec(fmt).error.unwrap().message,
                "incomplete format",
                "{fmt}"
            );
        }
        let s = spec("%(a");
        assert_eq!(s.key, PercentKey::Incomplete);
        assert_eq!(s.error.unwrap().message, "incomplete format key");
        // python3: '%99999999999999999999d' % 1, '%.99999999999d' % 1
        assert_eq!(
            spec("%99999999999999999999d").error.unwrap().message,
            "width too big"
        );
        assert_eq!(
            spec("%.99999999999d").error.unwrap().message,
            "precision too big"
        );
        assert_eq!(spec("%*.99999999999d").width, PercentNum::Star);
        // python3: '%z' % 1, 'ab%\xe9' % 1, 'ab%\x1f' % 1, 'ab%\x7f' % 1, '%5%' % 1
        let msg = |fmt| spec(fmt).unsupported().message;
        assert_eq!(
            msg("%z"),
            "unsupported format character 'z' (0x7a) at index 1"
        );
        assert_eq!(
            msg("ab%\u{e9}"),
            "unsupported format character '?' (0xe9) at index 3"
        );
        assert_eq!(
            msg("ab%\u{1f}"),
            "unsupported format character '\u{1f}' (0x1f) at index 3"
        );
        assert_eq!(
            msg("ab%\u{7f}"),
            "unsupported format character '?' (0x7f) at index 3"
        );
        assert_eq!(
            msg("%5%"),
            "unsupported format character '%' (0x25) at index 2"
        );
        assert_eq!(
            msg("\u{e9}\u{e9}%-5%"),
            "unsupported format character '%' (0x25) at index 5"
        );
    }

    #[test]
    fn star_values() {
        let mut s = spec("%*.*d");
        let mut t = PercentSpec::new();
        t.set_star_width(&-(BigInt::from(1) << 63u32)).unwrap();
        assert!(matches!(t.width, PercentNum::Value(0)) && t.left_adjust);
        s.set_star_width(&BigInt::from(-5)).unwrap();
        s.set_star_precision(&BigInt::from(-3)).unwrap();
        assert!(s.left_adjust);
        assert_eq!(
            (s.width, s.precision),
            (PercentNum::Value(5), PercentNum::Value(0))
        );
        // python3: '%*d' % (2**63, 1), '%.*d' % (2**31, 1)
        assert_eq!(
            s.set_star_width(&(BigInt::from(1) << 63u32))
                .unwrap_err()
                .message,
            "Python int too large to convert to C ssize_t"
        );
        assert_eq!(
            s.set_star_precision(&(BigInt::from(1) << 31u32))
                .unwrap_err()
                .message,
            "Python int too large to convert to C int"
        );
    }

    #[test]
    fn parse_percent_at_offset() {
        let fmt = "\u{e9}%-3d!";
        let (piece, end) = parse_percent(fmt, 3);
        assert!(matches!(piece, PercentPiece::Spec(ref s) if s.conversion == 'd' && s.index == 4));
        assert_eq!(&fmt[end..], "!");
        let (piece, end) = parse_percent("%%x", 1);
        assert_eq!((piece, end), (PercentPiece::Percent, 2));
    }
}
