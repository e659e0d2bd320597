//! Python text as bytes: *generalized UTF-8*, which can hold every code point a
//! Python `str` can, lone surrogates included.
//!
//! A [`Text`] is a sequence of code points U+0000..=U+10FFFF, each in its shortest
//! UTF-8 form. The surrogates U+D800..=U+DFFF, which UTF-8 forbids, are written like
//! any other BMP code point (three bytes `ED A0..=BF 80..=BF`) and are never combined
//! into a pair (unlike WTF-8): `'\ud83d' + '\ude00'` stays two code points, as in
//! CPython. The invariants this gives, which the string object and its methods rely on:
//! - every Python string has exactly one encoding, so equality and hashing are byte-wise;
//! - byte order is code-point order, so comparison is byte-wise too;
//! - a byte that is not a continuation byte (`10xxxxxx`) starts a code point, so
//!   counting and indexing work on bytes, and a byte-wise substring match always starts
//!   and ends on code point boundaries;
//! - a text without surrogates is exactly UTF-8 and borrows as a `&str`
//!   ([`Text::to_str`]).
//!
//! Nothing here is `unsafe` to misuse: [`Text::to_str`] validates, and a malformed
//! text (a bug) would only decode to wrong code points, never to undefined behaviour.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Borrowed generalized UTF-8 (see the module doc).
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct Text([u8]);

/// The first lone surrogate of a text: its code point and character index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surrogate {
    pub code: u32,
    pub index: usize,
}

/// A run of code points UTF-8 cannot write: character indices `start..end` and the
/// first code point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unencodable {
    pub start: usize,
    pub end: usize,
    pub first: u32,
}

impl Unencodable {
    /// CPython's text for it: `'utf-8' codec can't encode character '\udcff' in
    /// position 0: surrogates not allowed` (a run: `characters in position 3-4`).
    pub fn message(&self) -> String {
        let what = if self.end - self.start <= 1 {
            format!(
                "character '\\u{:04x}' in position {}",
                self.first, self.start
            )
        } else {
            format!("characters in position {}-{}", self.start, self.end - 1)
        };
        format!("'utf-8' codec can't encode {what}: surrogates not allowed")
    }
}

impl Text {
    /// The text of a Rust string (UTF-8 is generalized UTF-8 without surrogates).
    pub fn new(s: &str) -> &Text {
        Text::from_generalized(s.as_bytes())
    }

    /// Bytes already known to be generalized UTF-8 (they come from another `Text` or
    /// from a str object; not re-checked, this is on every str access).
    pub fn from_generalized(b: &[u8]) -> &Text {
        // SAFETY: `Text` is `repr(transparent)` over `[u8]`, so the two slice types have
        // the same layout and metadata; the cast keeps the lifetime.
        unsafe { &*(b as *const [u8] as *const Text) }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn is_ascii(&self) -> bool {
        self.0.is_ascii()
    }

    /// Number of code points.
    pub fn char_count(&self) -> usize {
        count_code_points(&self.0)
    }

    /// Whether any code point is a lone surrogate.
    pub fn has_surrogates(&self) -> bool {
        has_surrogates(&self.0)
    }

    /// The text as a `&str`, or the first surrogate that UTF-8 cannot hold.
    pub fn to_str(&self) -> Result<&str, Surrogate> {
        std::str::from_utf8(&self.0).map_err(|_| self.first_surrogate())
    }

    fn first_surrogate(&self) -> Surrogate {
        self.code_points()
            .enumerate()
            .find(|&(_, c)| is_surrogate(c))
            .map(|(index, code)| Surrogate { code, index })
            .unwrap_or(Surrogate { code: 0, index: 0 })
    }

    /// The text as UTF-8 bytes; with `surrogateescape`, the surrogates U+DC80..=U+DCFF
    /// stand for the bytes 0x80..=0xFF (PEP 383). Otherwise the first run of
    /// surrogates that cannot be written, as CPython's UTF-8 encoder reports it.
    pub fn encode_utf8(&self, surrogateescape: bool) -> Result<Cow<'_, [u8]>, Unencodable> {
        if let Ok(s) = self.to_str() {
            return Ok(Cow::Borrowed(s.as_bytes()));
        }
        let mut out = Vec::with_capacity(self.len());
        let mut buf = [0u8; 4];
        let cps: Vec<u32> = self.code_points().collect();
        let mut i = 0;
        while i < cps.len() {
            let c = cps[i];
            if !is_surrogate(c) {
                out.extend_from_slice(encode_code_point(c, &mut buf));
                i += 1;
                continue;
            }
            let run_end = i + cps[i..].iter().take_while(|&&c| is_surrogate(c)).count();
            if surrogateescape {
                while i < run_end && (0xDC80..=0xDCFF).contains(&cps[i]) {
                    out.push((cps[i] - 0xDC00) as u8);
                    i += 1;
                }
                if i == run_end {
                    continue;
                }
            }
            return Err(Unencodable {
                start: i,
                end: run_end,
                first: cps[i],
            });
        }
        Ok(Cow::Owned(out))
    }

    /// The code points, in order (double-ended).
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.0 }
    }

    /// The sub-text between byte offsets `a..b` (both code point boundaries).
    pub fn slice(&self, a: usize, b: usize) -> &Text {
        Text::from_generalized(&self.0[a..b])
    }

    /// Byte offset of code point `ci` (the length when `ci` is at or past the end).
    pub fn byte_offset(&self, ci: usize) -> usize {
        if self.is_ascii() {
            return ci.min(self.len());
        }
        let mut seen = 0;
        for (i, &b) in self.0.iter().enumerate() {
            if !is_continuation(b) {
                if seen == ci {
                    return i;
                }
                seen += 1;
            }
        }
        self.len()
    }

    /// Code point index of byte offset `bi` (a boundary).
    pub fn char_index(&self, bi: usize) -> usize {
        count_code_points(&self.0[..bi])
    }

    /// Byte offset of the first occurrence of `pat`.
    pub fn find(&self, pat: &Text) -> Option<usize> {
        memchr::memmem::find(&self.0, &pat.0)
    }

    /// Byte offset of the last occurrence of `pat`.
    pub fn rfind(&self, pat: &Text) -> Option<usize> {
        memchr::memmem::rfind(&self.0, &pat.0)
    }

    pub fn contains(&self, pat: &Text) -> bool {
        self.find(pat).is_some()
    }

    /// The text for messages and names: surrogates written as `\udcff`, as CPython's
    /// stderr (`backslashreplace`) shows them.
    pub fn display(&self) -> Cow<'_, str> {
        match self.to_str() {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => {
                let mut out = String::with_capacity(self.len() + 8);
                for c in self.code_points() {
                    match char::from_u32(c) {
                        Some(ch) => out.push(ch),
                        None => {
                            let _ = write!(out, "\\u{c:04x}");
                        }
                    }
                }
                Cow::Owned(out)
            }
        }
    }
}

impl AsRef<Text> for Text {
    fn as_ref(&self) -> &Text {
        self
    }
}

impl AsRef<Text> for str {
    fn as_ref(&self) -> &Text {
        Text::new(self)
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.display())
    }
}

/// Owned generalized UTF-8 (see the module doc).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextBuf(Vec<u8>);

impl TextBuf {
    pub fn new() -> TextBuf {
        TextBuf(Vec::new())
    }

    pub fn with_capacity(bytes: usize) -> TextBuf {
        TextBuf(Vec::with_capacity(bytes))
    }

    /// Room for `additional` more bytes, or an error when memory runs out.
    pub fn try_reserve(
        &mut self,
        additional: usize,
    ) -> Result<(), std::collections::TryReserveError> {
        self.0.try_reserve(additional)
    }

    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    /// Bytes decoded as UTF-8 with `surrogateescape` (PEP 383): each byte of an invalid
    /// sequence becomes the lone surrogate U+DC80..=U+DCFF that stands for it.
    pub fn from_bytes_surrogateescape(bytes: &[u8]) -> TextBuf {
        let mut out = TextBuf::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            for &b in chunk.invalid() {
                out.push_code_point(0xDC00 + u32::from(b));
            }
        }
        out
    }

    pub fn push_str(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    pub fn push_text(&mut self, t: &Text) {
        self.0.extend_from_slice(t.as_bytes());
    }

    /// Append one code point (`0..=0x10FFFF`, surrogates included).
    pub fn push_code_point(&mut self, c: u32) {
        let mut buf = [0u8; 4];
        self.0.extend_from_slice(encode_code_point(c, &mut buf));
    }

    /// The text repeated `n` times.
    pub fn repeat(&self, n: usize) -> TextBuf {
        TextBuf(self.0.repeat(n))
    }

    pub fn as_text(&self) -> &Text {
        Text::from_generalized(&self.0)
    }

    /// The text as a `String`, or itself back when it holds surrogates.
    pub fn into_string(self) -> Result<String, TextBuf> {
        String::from_utf8(self.0).map_err(|e| TextBuf(e.into_bytes()))
    }
}

impl std::ops::Deref for TextBuf {
    type Target = Text;
    fn deref(&self) -> &Text {
        self.as_text()
    }
}

impl From<String> for TextBuf {
    fn from(s: String) -> TextBuf {
        TextBuf(s.into_bytes())
    }
}

impl From<&str> for TextBuf {
    fn from(s: &str) -> TextBuf {
        TextBuf(s.as_bytes().to_vec())
    }
}

impl PartialEq<&str> for TextBuf {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl std::borrow::Borrow<Text> for TextBuf {
    fn borrow(&self) -> &Text {
        self.as_text()
    }
}

impl ToOwned for Text {
    type Owned = TextBuf;
    fn to_owned(&self) -> TextBuf {
        TextBuf(self.0.to_vec())
    }
}

impl std::fmt::Debug for TextBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_text().fmt(f)
    }
}

/// Iterator over a text's code points.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let &lead = self.bytes.first()?;
        let (seq, tail) = self
            .bytes
            .split_at(sequence_len(lead).min(self.bytes.len()));
        self.bytes = tail;
        Some(decode(seq))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.bytes.len().div_ceil(4), Some(self.bytes.len()))
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        if self.bytes.is_empty() {
            return None;
        }
        let mut start = self.bytes.len() - 1;
        while start > 0 && is_continuation(self.bytes[start]) {
            start -= 1;
        }
        let (head, seq) = self.bytes.split_at(start);
        self.bytes = head;
        Some(decode(seq))
    }
}

pub fn is_surrogate(c: u32) -> bool {
    (0xD800..=0xDFFF).contains(&c)
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Length in bytes of the sequence that starts with `lead`.
pub fn sequence_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The code point of one whole sequence.
fn decode(seq: &[u8]) -> u32 {
    let lead = seq[0] as u32;
    let tail = |i: usize| seq.get(i).map_or(0, |&b| (b & 0x3F) as u32);
    match seq.len() {
        1 => lead,
        2 => ((lead & 0x1F) << 6) | tail(1),
        3 => ((lead & 0x0F) << 12) | (tail(1) << 6) | tail(2),
        _ => ((lead & 0x07) << 18) | (tail(1) << 12) | (tail(2) << 6) | tail(3),
    }
}

/// The generalized UTF-8 bytes of code point `c` (`c <= 0x10FFFF`).
pub fn encode_code_point(c: u32, buf: &mut [u8; 4]) -> &[u8] {
    match c {
        0..=0x7F => {
            buf[0] = c as u8;
            &buf[..1]
        }
        0x80..=0x7FF => {
            buf[0] = 0xC0 | (c >> 6) as u8;
            buf[1] = 0x80 | (c & 0x3F) as u8;
            &buf[..2]
        }
        0x800..=0xFFFF => {
            buf[0] = 0xE0 | (c >> 12) as u8;
            buf[1] = 0x80 | ((c >> 6) & 0x3F) as u8;
            buf[2] = 0x80 | (c & 0x3F) as u8;
            &buf[..3]
        }
        _ => {
            buf[0] = 0xF0 | ((c >> 18) & 0x07) as u8;
            buf[1] = 0x80 | ((c >> 12) & 0x3F) as u8;
            buf[2] = 0x80 | ((c >> 6) & 0x3F) as u8;
            buf[3] = 0x80 | (c & 0x3F) as u8;
            &buf[..4]
        }
    }
}

/// Number of code points in generalized UTF-8 bytes.
pub fn count_code_points(b: &[u8]) -> usize {
    b.iter().filter(|&&x| !is_continuation(x)).count()
}

/// Whether generalized UTF-8 bytes hold a surrogate: `ED` is only ever a lead byte,
/// and `ED A0..` is exactly U+D800..=U+DFFF.
pub fn has_surrogates(b: &[u8]) -> bool {
    memchr::memchr_iter(0xED, b).any(|i| b.get(i + 1).is_some_and(|&n| n >= 0xA0))
}

/// Whether `b` is well-formed generalized UTF-8 (for assertions and tests).
pub fn is_generalized_utf8(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let n = sequence_len(b[i]);
        if is_continuation(b[i]) || b[i] > 0xF4 || i + n > b.len() {
            return false;
        }
        if !b[i + 1..i + n].iter().all(|&x| is_continuation(x)) {
            return false;
        }
        let c = decode(&b[i..i + n]);
        let shortest = match n {
            1 => c < 0x80,
            2 => (0x80..0x800).contains(&c),
            3 => (0x800..0x10000).contains(&c),
            _ => (0x10000..=0x10FFFF).contains(&c),
        };
        if !shortest {
            return false;
        }
        i += n;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn build(cps: &[u32]) -> TextBuf {
        let mut t = TextBuf::new();
        for &c in cps {
            t.push_code_point(c);
        }
        t
    }

    #[test]
    fn surrogates_stay_unpaired() {
        let t = build(&[0xD83D, 0xDE00]);
        assert_eq!(t.as_bytes(), b"\xED\xA0\xBD\xED\xB8\x80");
        assert_eq!(t.char_count(), 2);
        assert!(t.has_surrogates());
        assert_eq!(
            t.to_str(),
            Err(Surrogate {
                code: 0xD83D,
                index: 0
            })
        );
        assert_eq!(t.display(), "\\ud83d\\ude00");
    }

    #[test]
    fn utf8_is_text() {
        let t = Text::new("aé€😀");
        assert_eq!(t.to_str(), Ok("aé€😀"));
        assert!(!t.has_surrogates());
        assert_eq!(t.byte_offset(3), 6);
        assert_eq!(t.char_index(6), 3);
    }

    fn code_point() -> impl Strategy<Value = u32> {
        prop_oneof![
            0u32..0x80,
            0x80u32..0x800,
            0xD700u32..0xE100,
            0x10000u32..=0x10FFFF
        ]
    }

    proptest! {
        #[test]
        fn round_trip_and_order(a in prop::collection::vec(code_point(), 0..12),
                                b in prop::collection::vec(code_point(), 0..12)) {
            let (ta, tb) = (build(&a), build(&b));
            prop_assert!(is_generalized_utf8(ta.as_bytes()));
            prop_assert_eq!(ta.code_points().collect::<Vec<_>>(), a.clone());
            prop_assert_eq!(ta.code_points().rev().collect::<Vec<_>>(),
                            a.iter().rev().copied().collect::<Vec<_>>());
            prop_assert_eq!(ta.char_count(), a.len());
            prop_assert_eq!(ta.has_surrogates(), a.iter().any(|&c| is_surrogate(c)));
            // Byte order is code point order.
            prop_assert_eq!(ta.as_bytes().cmp(tb.as_bytes()), a.cmp(&b));
            for i in 0..=a.len() {
                prop_assert_eq!(ta.char_index(ta.byte_offset(i)), i);
            }
        }
    }
}
