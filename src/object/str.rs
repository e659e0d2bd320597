//! `str` payload: immutable text stored inline after the header, as generalized UTF-8
//! (see [`crate::text`]), so a str holds every code point CPython's can, lone
//! surrogates included.
//!
//! Layout `VarObject<StrHead, u8>`: the head caches the hash (−1 = not computed yet),
//! the length in characters and whether the text holds a surrogate; the bytes follow.
//! ASCII strings index in O(1) (byte = character); others walk the bytes.
//!
//! Invariant: the bytes are generalized UTF-8, and the head's surrogate bit says
//! whether any code point is a surrogate; without one the bytes are valid UTF-8, which
//! is what lets [`as_str`] borrow them as a `&str` without re-validating. Every
//! constructor here copies whole [`Text`]/`&str` values (one, several concatenated, or
//! one repeated) and computes the bit from the bytes it wrote. The `try_`
//! constructors build the object in place, once, and return `MemoryError` when memory
//! is exhausted: sizes a program controls go through them. Identifier-like strings
//! made by the compiler and attribute names are interned in a process-wide table, so
//! name lookups compare by identity first.
//!
//! Views: [`str_text`] is the exact text of any str; [`as_str`] is the `&str` of a
//! str without surrogates (`None` otherwise: callers that need UTF-8 raise
//! [`unencodable`]'s `UnicodeEncodeError`); [`str_of`] is the text for names and
//! messages (surrogates shown as `\udcff`, as CPython's stderr shows them).

use super::builtin_types::STR_TYPE;
use super::gilstatic::GilStatic;
use super::handle::{PyRef, alloc_var, try_alloc_bytes};
use super::typeobj::Layout;
use crate::text::{Text, count_code_points, has_surrogates};
use std::borrow::Cow;
use std::cell::Cell;
use std::hash::Hasher;

pub struct StrHead {
    hash: Cell<i64>,
    /// Length in characters, with [`SURROGATES`] set when the text holds one.
    char_len: usize,
}

/// The bit of `StrHead::char_len` that marks a text holding a lone surrogate.
const SURROGATES: usize = 1 << (usize::BITS - 1);

impl StrHead {
    fn new(bytes: &[u8]) -> StrHead {
        let char_len = if bytes.is_ascii() {
            bytes.len()
        } else if has_surrogates(bytes) {
            count_code_points(bytes) | SURROGATES
        } else {
            count_code_points(bytes)
        };
        StrHead {
            hash: Cell::new(-1),
            char_len,
        }
    }
}

/// A new str object holding `s`.
pub fn new_str(s: &str) -> PyRef {
    alloc_var(&STR_TYPE, StrHead::new(s.as_bytes()), s.bytes())
}

/// A new str object holding `t`.
pub fn new_text(t: &Text) -> PyRef {
    alloc_var(
        &STR_TYPE,
        StrHead::new(t.as_bytes()),
        t.as_bytes().iter().copied(),
    )
}

fn memory_error() -> super::PyErr {
    super::PyErr::bare(&super::MEMORY_ERROR)
}

/// A new str of `byte_len` bytes written by `fill`, which must write generalized
/// UTF-8 (only this module's constructors call it); the head is computed from the
/// bytes written.
fn try_new_str_with(byte_len: usize, fill: impl FnOnce(&mut [u8])) -> super::PyResult {
    try_alloc_bytes(&STR_TYPE, byte_len, fill, StrHead::new).ok_or_else(memory_error)
}

/// A new str holding `s`, or `MemoryError`.
pub fn try_new_str(s: &str) -> super::PyResult {
    try_new_text(Text::new(s))
}

/// A new str holding `t`, or `MemoryError`.
pub fn try_new_text(t: &Text) -> super::PyResult {
    try_new_str_with(t.len(), |b| b.copy_from_slice(t.as_bytes()))
}

/// The concatenation of `parts`, built in place, or `MemoryError`.
pub fn try_concat(parts: &[&Text]) -> super::PyResult {
    let mut bytes = 0usize;
    for p in parts {
        bytes = bytes.checked_add(p.len()).ok_or_else(memory_error)?;
    }
    try_new_str_with(bytes, |b| {
        let mut at = 0;
        for p in parts {
            b[at..at + p.len()].copy_from_slice(p.as_bytes());
            at += p.len();
        }
    })
}

/// Writes whole texts, one after the other, into a str under construction (see
/// [`try_build`]); bytes it does not reach stay NUL, so the text is always generalized
/// UTF-8.
pub struct StrWriter<'a> {
    buf: &'a mut [u8],
    at: usize,
}

impl StrWriter<'_> {
    pub fn push(&mut self, s: &str) {
        self.push_text(Text::new(s));
    }

    pub fn push_text(&mut self, t: &Text) {
        self.buf[self.at..self.at + t.len()].copy_from_slice(t.as_bytes());
        self.at += t.len();
    }

    pub fn push_repeat(&mut self, t: &Text, n: usize) {
        for _ in 0..n {
            self.push_text(t);
        }
    }
}

/// A new str of `byte_len` bytes written by `f` through a [`StrWriter`], in place and
/// once, or `MemoryError`.
pub fn try_build(byte_len: usize, f: impl FnOnce(&mut StrWriter)) -> super::PyResult {
    try_new_str_with(byte_len, |buf| f(&mut StrWriter { buf, at: 0 }))
}

/// `t` repeated `n` times, built in place, or `MemoryError`.
pub fn try_repeat(t: &Text, n: usize) -> super::PyResult {
    let bytes = t.len().checked_mul(n).ok_or_else(memory_error)?;
    let t = t.as_bytes();
    try_new_str_with(bytes, |b| {
        if t.len() == 1 {
            b.fill(t[0]);
        } else {
            for chunk in b.chunks_exact_mut(t.len()) {
                chunk.copy_from_slice(t);
            }
        }
    })
}

#[inline(always)]
fn parts(x: &PyRef) -> Option<(&StrHead, &[u8])> {
    x.var_parts::<StrHead, u8>(Layout::Str)
}

/// Whether `x` is a str (or subclass instance).
#[inline(always)]
pub fn is_str(x: &PyRef) -> bool {
    parts(x).is_some()
}

/// The exact text of a str object (or subclass instance).
#[inline(always)]
pub fn str_text(x: &PyRef) -> Option<&Text> {
    parts(x).map(|(_, b)| Text::from_generalized(b))
}

/// The text of a str object as UTF-8: `None` if `x` is not a str or holds a
/// surrogate (see [`unencodable`]).
#[inline(always)]
pub fn as_str(x: &PyRef) -> Option<&str> {
    match parts(x) {
        // SAFETY: without the surrogate bit the bytes are valid UTF-8 (the module
        // invariant: the bit is computed from the bytes by every constructor).
        Some((h, b)) if h.char_len & SURROGATES == 0 => {
            Some(unsafe { std::str::from_utf8_unchecked(b) })
        }
        Some(_) | None => None,
    }
}

/// The text of an object known to be a str, for names and messages: surrogates are
/// shown as `\udcff` (empty if `x` is not a str: a VM bug).
#[inline]
pub fn str_of(x: &PyRef) -> Cow<'_, str> {
    match (as_str(x), str_text(x)) {
        (Some(s), _) => Cow::Borrowed(s),
        (None, Some(t)) => t.display(),
        (None, None) => Cow::Borrowed(""),
    }
}

/// The `UnicodeEncodeError` for writing a text holding a surrogate as UTF-8 (strict,
/// or `surrogateescape` when it escapes), with CPython's message: `'utf-8' codec
/// can't encode character '\udcff' in position 0: surrogates not allowed`.
pub fn unencodable(t: &Text, surrogateescape: bool) -> super::PyErr {
    let e = match t.encode_utf8(surrogateescape) {
        Err(e) => e,
        Ok(_) => crate::text::Unencodable {
            start: 0,
            end: 1,
            first: 0xDC00,
        },
    };
    super::PyErr::new(&super::UNICODE_ENCODE_ERROR, e.message())
}

/// The UTF-8 text of a str object, or the `UnicodeEncodeError` of [`unencodable`]
/// (`None` if `x` is not a str).
pub fn utf8_of(x: &PyRef) -> Option<super::PyResult<&str>> {
    let t = str_text(x)?;
    Some(as_str(x).ok_or_else(|| unencodable(t, false)))
}

/// The error of an operation that does not handle text with lone surrogates yet:
/// `NotImplementedError: str.upper() on text with lone surrogates is not supported`.
pub fn surrogates_unsupported(what: &str) -> super::PyErr {
    super::PyErr::not_implemented(format!(
        "{what} on text with lone surrogates is not supported"
    ))
}

/// Length in characters.
pub fn char_len(x: &PyRef) -> usize {
    parts(x).map(|(h, _)| h.char_len & !SURROGATES).unwrap_or(0)
}

pub fn is_ascii(x: &PyRef) -> bool {
    parts(x).map(|(h, b)| h.char_len == b.len()).unwrap_or(true)
}

/// The string hash (SipHash-1-3 with a fixed key, so runs are reproducible; CPython
/// randomises it per process). Never −1. Equal to Rust's `str` hash for UTF-8 text.
pub fn hash_text(t: &Text) -> i64 {
    if t.is_empty() {
        return 0;
    }
    let mut h = std::hash::DefaultHasher::new();
    h.write(t.as_bytes());
    h.write_u8(0xff);
    let v = h.finish() as i64;
    if v == -1 { -2 } else { v }
}

/// The (cached) hash of a str object.
#[inline]
pub fn str_hash(x: &PyRef) -> i64 {
    match parts(x) {
        Some((head, bytes)) => {
            let h = head.hash.get();
            if h != -1 {
                return h;
            }
            let v = hash_text(Text::from_generalized(bytes));
            head.hash.set(v);
            v
        }
        None => 0,
    }
}

/// Equality of two str objects' text (identity first).
#[inline]
pub fn str_eq(a: &PyRef, b: &PyRef) -> bool {
    a.is(b) || (parts(a).map(|p| p.1) == parts(b).map(|p| p.1))
}

/// The character at index `i` (0-based, in range) as a string (single ASCII
/// characters are interned).
pub fn char_at(x: &PyRef, i: usize) -> PyRef {
    let t = str_text(x).unwrap_or(Text::new(""));
    let a = t.byte_offset(i);
    let b = t.byte_offset(i + 1);
    match t.slice(a, b).to_str() {
        Ok(c) if c.len() == 1 => intern(c),
        Ok(_) | Err(_) => new_text(t.slice(a, b)),
    }
}

static INTERNED: GilStatic<Option<hashbrown::HashMap<String, PyRef>>> = GilStatic::new(None);

/// The interned str object for `s` (created on first use).
pub fn intern(s: &str) -> PyRef {
    // Fast path: a small direct-mapped cache keyed by the text's address and length
    // (string literals in the runtime keep their address), verified by content.
    let key = ((s.as_ptr() as usize >> 3) ^ s.len()) % RECENT_SIZE;
    let hit = RECENT.with(|r| {
        r.get(key)
            .and_then(|e| e.as_ref())
            .filter(|e| as_str(e) == Some(s))
            .cloned()
    });
    if let Some(h) = hit {
        return h;
    }
    let r = intern_slow(s);
    RECENT.with(|c| {
        if c.is_empty() {
            c.resize_with(RECENT_SIZE, || None);
        }
        c[key] = Some(r.clone());
    });
    r
}

/// The interned form of a str object: the table entry for its text, or the object
/// itself when the text holds a surrogate (the table is keyed by UTF-8 text).
pub fn intern_str(x: &PyRef) -> PyRef {
    match as_str(x) {
        Some(s) => intern(s),
        None => x.clone(),
    }
}

const RECENT_SIZE: usize = 512;
static RECENT: GilStatic<Vec<Option<PyRef>>> = GilStatic::new(Vec::new());

fn intern_slow(s: &str) -> PyRef {
    if let Some(r) = INTERNED.with(|t| t.as_ref().and_then(|m| m.get(s).cloned())) {
        return r;
    }
    let obj = new_str(s);
    INTERNED.with(|t| {
        t.get_or_insert_with(hashbrown::HashMap::new)
            .insert(s.to_string(), obj.clone())
    });
    obj
}

/// Drop the interned-string table (runtime finalisation).
pub fn clear_interned() {
    drop(RECENT.take());
    drop(INTERNED.take());
}

/// The dealloc slot of `str`.
pub(crate) const DEALLOC: super::typeobj::DeallocFn = super::handle::dealloc_var::<StrHead, u8>;

/// Install `str`'s dealloc slot: strings are created (interned names) before the type
/// behaviours are installed.
pub fn init_str_type_dealloc() {
    STR_TYPE.dealloc.set(DEALLOC);
    super::TUPLE_TYPE.dealloc.set(super::tuple::DEALLOC);
    super::DICT_TYPE
        .dealloc
        .set(super::handle::dealloc_fixed::<super::dict::DictData>);
    super::INT_TYPE
        .dealloc
        .set(super::handle::dealloc_fixed::<super::int::IntData>);
}
