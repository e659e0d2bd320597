//! Raw tokens: the logos-generated scanner under the indentation layer.
//!
//! Owns [`RawTok`] (what one regular-language match in the source is: a name, a number,
//! the start of a string, an operator, a newline, a comment, a line continuation) and
//! the hand-written scanning of number and string literals, which follow CPython's
//! `Parser/tokenizer.c` so that the same malformed literals fail with the same message
//! at the same column. Knows nothing about indentation or brackets (see `lexer.rs`).
//!
//! Invariants: every callback bumps the logos lexer only to UTF-8 character boundaries
//! (it measures with `char::len_utf8`), so it never panics; every [`ScanError`] carries
//! the byte range CPython's caret covers.

use super::token::StrLit;
use logos::{Lexer, Logos};
use num_bigint::BigInt;
use num_traits::Num;

/// A scanning failure. The default value (an unrecognised character) has no message:
/// the indentation layer, which sees the character, builds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScanError {
    pub message: String,
    /// Byte range the caret covers.
    pub start: usize,
    pub end: usize,
}

/// The value of a numeric literal.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(BigInt),
    Float(f64),
    Imaginary(f64),
}

/// One raw token. Whitespace inside a line (spaces, tabs, form feeds, stray carriage
/// returns) is skipped here; indentation is measured by the layer from the source.
#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = ScanError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip r"\r")]
pub enum RawTok {
    #[regex(r"\r?\n")]
    Newline,
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"\\\r?\n")]
    Continuation,
    #[token("\\")]
    Backslash,
    #[regex(r"[\p{XID_Start}_]\p{XID_Continue}*")]
    Name,
    #[regex(r"[0-9]", scan_number)]
    #[regex(r"\.[0-9]", scan_number)]
    Number(Number),
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?["']"#, scan_string)]
    String(StrLit),

    #[token("(")]
    Lpar,
    #[token(")")]
    Rpar,
    #[token("[")]
    Lsqb,
    #[token("]")]
    Rsqb,
    #[token("{")]
    Lbrace,
    #[token("}")]
    Rbrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    Vbar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LessGreater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    Rarrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
}

/// A cursor over the text after the start of a literal, in the style of CPython's
/// `tok_nextc`/`tok_backup`: `pos` is a byte offset into `text`.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
    }

    fn peek_at(&self, skip: usize) -> Option<char> {
        self.text
            .get(self.pos..)
            .and_then(|rest| rest.chars().nth(skip))
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat_digits(&mut self, accept: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&accept) {
            self.pos += 1;
        }
    }
}

/// CPython's `is_potential_identifier_char`.
fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

/// Where the lexer stands in the whole source, for absolute error offsets.
struct NumberScan<'a> {
    cur: Cursor<'a>,
    /// Absolute offset of `cur.text`'s first byte.
    base: usize,
}

impl NumberScan<'_> {
    /// CPython's `syntaxerror(tok, ...)`: the caret sits on the character before the
    /// cursor.
    fn error_before_cursor(&self, message: impl Into<String>) -> ScanError {
        let end = self.base + self.cur.pos;
        let start = self
            .cur
            .text
            .get(..self.cur.pos)
            .and_then(|before| before.chars().next_back())
            .map_or(end, |c| end - c.len_utf8());
        ScanError {
            message: message.into(),
            start,
            end,
        }
    }

    /// Digits with single underscores between them (`tok_decimal_tail`); the cursor
    /// is on the first digit.
    fn decimal_tail(&mut self) -> Result<(), ScanError> {
        loop {
            self.cur.eat_digits(|c| c.is_ascii_digit());
            if self.cur.peek() != Some('_') {
                return Ok(());
            }
            self.cur.pos += 1;
            if !self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.error_before_cursor("invalid decimal literal"));
            }
        }
    }

    /// CPython's `verify_end_of_number`: a literal directly followed by a name
    /// character is an error, except before the keywords that may follow a number in
    /// valid code (CPython only warns there).
    fn verify_end(&mut self, kind: &str) -> Result<(), ScanError> {
        let rest = self.cur.text.get(self.cur.pos..).unwrap_or("");
        let allowed = ["and", "else", "for", "if", "in", "is", "or", "not"];
        if allowed.iter().any(|kw| rest.starts_with(kw)) {
            return Ok(());
        }
        match self.cur.peek() {
            Some(c) if is_identifier_char(c) => {
                // The caret goes on the last character of the literal.
                Err(self.error_before_cursor(format!("invalid {kind} literal")))
            }
            _ => Ok(()),
        }
    }

    /// Digits of a `0x`/`0o`/`0b` literal (cursor after the prefix).
    fn radix_digits(&mut self, radix: u32, kind: &str) -> Result<(), ScanError> {
        loop {
            if self.cur.peek() == Some('_') {
                self.cur.pos += 1;
            }
            match self.cur.peek() {
                Some(c) if c.is_digit(radix) => {}
                Some(c) if radix < 10 && c.is_ascii_digit() => {
                    self.cur.pos += 1;
                    return Err(
                        self.error_before_cursor(format!("invalid digit '{c}' in {kind} literal"))
                    );
                }
                _ => {
                    // The caret goes on the character before the offending one.
                    return Err(self.error_before_cursor(format!("invalid {kind} literal")));
                }
            }
            self.cur.eat_digits(|c| c.is_digit(radix));
            if self.cur.peek() != Some('_') {
                break;
            }
        }
        if let Some(c) = self.cur.peek()
            && radix < 10
            && c.is_ascii_digit()
        {
            self.cur.pos += 1;
            return Err(self.error_before_cursor(format!("invalid digit '{c}' in {kind} literal")));
        }
        self.verify_end(kind)
    }

    /// Fraction, exponent and imaginary suffix of a decimal literal (cursor after the
    /// integer part). Returns true if the literal is a float (or imaginary).
    fn float_tail(&mut self, mut seen_dot: bool) -> Result<Option<bool>, ScanError> {
        let mut is_float = seen_dot;
        if !seen_dot && self.cur.peek() == Some('.') {
            self.cur.pos += 1;
            seen_dot = true;
            is_float = true;
        }
        if seen_dot && self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        if matches!(self.cur.peek(), Some('e' | 'E')) {
            let e_pos = self.cur.pos;
            self.cur.pos += 1;
            match self.cur.peek() {
                Some('+' | '-') => {
                    self.cur.pos += 1;
                    if !self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                        return Err(self.error_before_cursor("invalid decimal literal"));
                    }
                }
                Some(c) if c.is_ascii_digit() => {}
                _ => {
                    // `1e` / `1else`: back up to the 'e' and check what follows the number.
                    self.cur.pos = e_pos;
                    self.verify_end("decimal")?;
                    return Ok(Some(is_float));
                }
            }
            self.decimal_tail()?;
            is_float = true;
        }
        if matches!(self.cur.peek(), Some('j' | 'J')) {
            self.cur.pos += 1;
            self.verify_end("imaginary")?;
            return Ok(None);
        }
        self.verify_end("decimal")?;
        Ok(Some(is_float))
    }
}

/// Callback for a literal starting with a digit or `.digit`.
fn scan_number(lex: &mut Lexer<RawTok>) -> Result<Number, ScanError> {
    let start = lex.span().start;
    let source = lex.source();
    let text = source.get(start..).unwrap_or("");
    let mut scan = NumberScan {
        cur: Cursor { text, pos: 0 },
        base: start,
    };
    let first = scan.cur.bump().unwrap_or('0');
    let result = scan_number_body(&mut scan, first);
    match result {
        Ok(kind) => {
            let literal = text.get(..scan.cur.pos).unwrap_or("");
            let consumed = lex.span().end - start;
            lex.bump(scan.cur.pos.saturating_sub(consumed));
            Ok(number_value(literal, kind))
        }
        Err(err) => {
            // Consume the literal so the next token starts after it.
            let consumed = lex.span().end - start;
            lex.bump(scan.cur.pos.saturating_sub(consumed));
            Err(err)
        }
    }
}

/// What kind of literal `scan_number_body` found.
enum NumKind {
    Int(u32),
    Float,
    Imaginary,
}

fn scan_number_body(scan: &mut NumberScan, first: char) -> Result<NumKind, ScanError> {
    if first == '.' {
        return match scan.float_tail(true)? {
            Some(_) => Ok(NumKind::Float),
            None => Ok(NumKind::Imaginary),
        };
    }
    if first == '0' {
        match scan.cur.peek() {
            Some('x' | 'X') => {
                scan.cur.pos += 1;
                scan.radix_digits(16, "hexadecimal")?;
                return Ok(NumKind::Int(16));
            }
            Some('o' | 'O') => {
                scan.cur.pos += 1;
                scan.radix_digits(8, "octal")?;
                return Ok(NumKind::Int(8));
            }
            Some('b' | 'B') => {
                scan.cur.pos += 1;
                scan.radix_digits(2, "binary")?;
                return Ok(NumKind::Int(2));
            }
            _ => {}
        }
        // Zeros, maybe an old-style octal, maybe the start of a float.
        loop {
            if scan.cur.peek() == Some('_') {
                scan.cur.pos += 1;
                if !scan.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(scan.error_before_cursor("invalid decimal literal"));
                }
            }
            if scan.cur.peek() != Some('0') {
                break;
            }
            scan.cur.pos += 1;
        }
        // CPython's `zeros_end` is one past the first non-zero character.
        let zeros_end = scan.cur.pos + 1;
        let mut nonzero = false;
        if scan.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            nonzero = true;
            scan.decimal_tail()?;
        }
        let next = scan.cur.peek();
        if matches!(next, Some('.' | 'e' | 'E' | 'j' | 'J')) {
            return match scan.float_tail(false)? {
                Some(true) => Ok(NumKind::Float),
                Some(false) => Ok(NumKind::Int(10)),
                None => Ok(NumKind::Imaginary),
            };
        }
        if nonzero {
            return Err(ScanError {
                message: "leading zeros in decimal integer literals are not permitted; \
                          use an 0o prefix for octal integers"
                    .to_string(),
                start: scan.base,
                end: (scan.base + zeros_end - 1).max(scan.base + 1),
            });
        }
        scan.verify_end("decimal")?;
        return Ok(NumKind::Int(10));
    }
    // A decimal literal: `first` was a digit.
    scan.cur.pos = 0;
    scan.decimal_tail()?;
    match scan.float_tail(false)? {
        Some(true) => Ok(NumKind::Float),
        Some(false) => Ok(NumKind::Int(10)),
        None => Ok(NumKind::Imaginary),
    }
}

/// The value of a literal that scanned successfully.
fn number_value(literal: &str, kind: NumKind) -> Number {
    let clean: String = literal.chars().filter(|&c| c != '_').collect();
    match kind {
        NumKind::Int(radix) => {
            let digits = if radix == 10 {
                clean.as_str()
            } else {
                clean.get(2..).unwrap_or("0")
            };
            Number::Int(BigInt::from_str_radix(digits, radix).unwrap_or_default())
        }
        NumKind::Float => Number::Float(clean.parse().unwrap_or(f64::INFINITY)),
        NumKind::Imaginary => {
            let body = clean.get(..clean.len().saturating_sub(1)).unwrap_or("0");
            Number::Imaginary(body.parse().unwrap_or(f64::INFINITY))
        }
    }
}

/// 1-based line number of byte offset `at` in `source`.
fn line_of(source: &str, at: usize) -> usize {
    source
        .as_bytes()
        .get(..at)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
        + 1
}

/// Callback for a string start (prefix and opening quote): scans to the closing quote.
fn scan_string(lex: &mut Lexer<RawTok>) -> Result<StrLit, ScanError> {
    let span = lex.span();
    let source = lex.source();
    let opening = lex.slice();
    let prefix = opening.get(..opening.len().saturating_sub(1)).unwrap_or("");
    let quote = opening.chars().next_back().unwrap_or('"');
    let lower = prefix.to_ascii_lowercase();
    let raw = lower.contains('r');
    let bytes = lower.contains('b');
    let fstring = lower.contains('f');
    let rest = source.get(span.end..).unwrap_or("");
    let mut cur = Cursor { text: rest, pos: 0 };

    let triple = cur.peek() == Some(quote) && cur.peek_at(1) == Some(quote);
    if triple {
        cur.pos += 2;
    }
    let body_start = span.end + cur.pos;
    let quote_size = if triple { 3 } else { 1 };
    let mut end_quotes = 0;
    let mut body_end = body_start;
    while end_quotes < quote_size {
        let at = cur.pos;
        match cur.bump() {
            None => return Err(unterminated(source, span.start, triple, source.len())),
            Some('\n') if !triple => {
                return Err(unterminated(source, span.start, false, span.end + at));
            }
            Some(c) if c == quote => {
                if end_quotes == 0 {
                    body_end = span.end + at;
                }
                end_quotes += 1;
            }
            Some('\\') => {
                end_quotes = 0;
                // The escaped character (even a quote or a newline) never ends the string.
                if cur.bump().is_none() {
                    return Err(unterminated(source, span.start, triple, source.len()));
                }
            }
            Some(_) => end_quotes = 0,
        }
    }
    lex.bump(cur.pos);
    Ok(StrLit {
        raw,
        bytes,
        fstring,
        body_start,
        body_end,
    })
}

/// CPython's unterminated-string error: the caret is on the first character of the
/// literal, and the message names the line where scanning stopped.
fn unterminated(source: &str, start: usize, triple: bool, stopped_at: usize) -> ScanError {
    // At the end of the text the line is the one holding the last character.
    let stop = if stopped_at >= source.len() && source.ends_with('\n') {
        stopped_at.saturating_sub(1)
    } else {
        stopped_at
    };
    let line = line_of(source, stop);
    let what = if triple {
        "unterminated triple-quoted string literal"
    } else {
        "unterminated string literal"
    };
    let first_len = source
        .get(start..)
        .and_then(|s| s.chars().next())
        .map_or(1, char::len_utf8);
    ScanError {
        message: format!("{what} (detected at line {line})"),
        start,
        end: start + first_len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(src: &str) -> Vec<Result<RawTok, ScanError>> {
        RawTok::lexer(src).collect()
    }

    fn number(src: &str) -> Result<Number, ScanError> {
        match RawTok::lexer(src).next() {
            Some(Ok(RawTok::Number(n))) => Ok(n),
            Some(Err(e)) => Err(e),
            other => panic!("not a number: {other:?}"),
        }
    }

    fn int(v: i64) -> Number {
        Number::Int(BigInt::from(v))
    }

    #[test]
    fn integers() {
        assert_eq!(number("0"), Ok(int(0)));
        assert_eq!(number("00"), Ok(int(0)));
        assert_eq!(number("0_0"), Ok(int(0)));
        assert_eq!(number("42"), Ok(int(42)));
        assert_eq!(number("1_000_000"), Ok(int(1_000_000)));
        assert_eq!(number("0xff"), Ok(int(255)));
        assert_eq!(number("0X_F_F"), Ok(int(255)));
        assert_eq!(number("0o17"), Ok(int(15)));
        assert_eq!(number("0b1010"), Ok(int(10)));
        let big = "123456789012345678901234567890";
        assert_eq!(number(big), Ok(Number::Int(big.parse::<BigInt>().unwrap())));
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(number("1."), Ok(Number::Float(1.0)));
        assert_eq!(number(".5"), Ok(Number::Float(0.5)));
        assert_eq!(number("1e10"), Ok(Number::Float(1e10)));
        assert_eq!(number("1_000.5"), Ok(Number::Float(1000.5)));
        assert_eq!(number("1.e5"), Ok(Number::Float(1e5)));
        assert_eq!(number("1E-3"), Ok(Number::Float(1e-3)));
        assert_eq!(number("09.5"), Ok(Number::Float(9.5)));
        assert_eq!(number("3j"), Ok(Number::Imaginary(3.0)));
        assert_eq!(number("1.5J"), Ok(Number::Imaginary(1.5)));
        assert_eq!(number("1e400"), Ok(Number::Float(f64::INFINITY)));
    }

    fn err(src: &str) -> (String, usize, usize) {
        for tok in RawTok::lexer(src) {
            if let Err(e) = tok {
                return (e.message, e.start, e.end);
            }
        }
        panic!("no error in {src:?}");
    }

    #[test]
    fn number_errors_match_cpython_columns() {
        assert_eq!(err("1abc"), ("invalid decimal literal".into(), 0, 1));
        assert_eq!(
            err("012").0,
            "leading zeros in decimal integer literals are not permitted; \
             use an 0o prefix for octal integers"
        );
        assert_eq!((err("012").1, err("012").2), (0, 1));
        assert_eq!((err("0_7").1, err("0_7").2), (0, 2));
        assert_eq!(err("0x"), ("invalid hexadecimal literal".into(), 1, 2));
        assert_eq!(
            err("0b2"),
            ("invalid digit '2' in binary literal".into(), 2, 3)
        );
        assert_eq!(
            err("0o8"),
            ("invalid digit '8' in octal literal".into(), 2, 3)
        );
        assert_eq!(err("0b1_"), ("invalid binary literal".into(), 3, 4));
        assert_eq!(err("1__0"), ("invalid decimal literal".into(), 1, 2));
        assert_eq!(err("1_"), ("invalid decimal literal".into(), 1, 2));
        assert_eq!(err("1e"), ("invalid decimal literal".into(), 0, 1));
        assert_eq!(err("1e+"), ("invalid decimal literal".into(), 2, 3));
        assert_eq!(err("1.5j2"), ("invalid imaginary literal".into(), 3, 4));
        assert_eq!(err("1._5"), ("invalid decimal literal".into(), 1, 2));
    }

    #[test]
    fn numbers_before_keywords_are_allowed() {
        let toks = raw("1if x else 2");
        assert!(toks.iter().all(Result::is_ok), "{toks:?}");
        let toks = raw("0x1for");
        assert!(toks.iter().all(Result::is_ok), "{toks:?}");
    }

    #[test]
    fn strings() {
        let toks = raw(r#"rb'a\'' "x" """a"b""" f'{x}'"#);
        let lits: Vec<StrLit> = toks
            .into_iter()
            .map(|t| match t {
                Ok(RawTok::String(s)) => s,
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(lits[0].raw && lits[0].bytes && !lits[0].fstring);
        assert_eq!((lits[0].body_start, lits[0].body_end), (3, 6));
        assert_eq!((lits[1].body_start, lits[1].body_end), (9, 10));
        assert_eq!((lits[2].body_start, lits[2].body_end), (15, 18));
        assert!(lits[3].fstring);
    }

    #[test]
    fn unterminated_strings() {
        assert_eq!(
            err("x = 'abc\n"),
            (
                "unterminated string literal (detected at line 1)".into(),
                4,
                5
            )
        );
        assert_eq!(
            err("x = \"\"\"abc\n\ny"),
            (
                "unterminated triple-quoted string literal (detected at line 3)".into(),
                4,
                5
            )
        );
        assert_eq!(
            err("x = \"\"\"abc\n\n").0,
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert_eq!(
            err("x = 'abc\\\ndef\n").0,
            "unterminated string literal (detected at line 2)"
        );
    }
}
