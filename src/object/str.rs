//! `str` payload: immutable UTF-8 text stored inline after the header.
//!
//! Layout `VarObject<StrHead, u8>`: the head caches the hash (−1 = not computed yet) and
//! the length in characters; the bytes follow. ASCII strings index in O(1) (byte =
//! character); others walk the UTF-8.
//!
//! Invariant: the bytes are valid UTF-8. Every constructor here copies whole `&str`
//! values (one, several concatenated, or one repeated), so [`as_str`] can borrow them
//! as a `&str` without re-validating (which made every access O(length)). The `try_`
//! constructors build the object in place, once, and return `MemoryError` when memory
//! is exhausted: sizes a program controls go through them. Identifier-like strings made by the compiler and
//! attribute names are interned in a process-wide table, so name lookups compare by
//! identity first.

use super::builtin_types::STR_TYPE;
use super::gilstatic::GilStatic;
use super::handle::{PyRef, alloc_var, try_alloc_bytes};
use super::typeobj::Layout;
use std::cell::Cell;
use std::hash::{Hash, Hasher};

pub struct StrHead {
    hash: Cell<i64>,
    char_len: usize,
}

/// A new str object holding `s`.
pub fn new_str(s: &str) -> PyRef {
    let head = StrHead {
        hash: Cell::new(-1),
        char_len: count_chars(s),
    };
    alloc_var(&STR_TYPE, head, s.bytes())
}

fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn memory_error() -> super::PyErr {
    super::PyErr::bare(&super::MEMORY_ERROR)
}

/// A new str of `byte_len` bytes and `char_len` characters written by `fill`, which
/// must write valid UTF-8 (only this module's constructors call it).
fn try_new_str_with(
    byte_len: usize,
    char_len: usize,
    fill: impl FnOnce(&mut [u8]),
) -> super::PyResult {
    let head = StrHead {
        hash: Cell::new(-1),
        char_len,
    };
    try_alloc_bytes(&STR_TYPE, head, byte_len, fill).ok_or_else(memory_error)
}

/// A new str holding `s`, or `MemoryError`.
pub fn try_new_str(s: &str) -> super::PyResult {
    try_new_str_with(s.len(), count_chars(s), |b| b.copy_from_slice(s.as_bytes()))
}

/// The concatenation of `parts`, built in place, or `MemoryError`.
pub fn try_concat(parts: &[&str]) -> super::PyResult {
    let mut bytes = 0usize;
    let mut chars = 0usize;
    for p in parts {
        bytes = bytes.checked_add(p.len()).ok_or_else(memory_error)?;
        chars += count_chars(p);
    }
    try_new_str_with(bytes, chars, |b| {
        let mut at = 0;
        for p in parts {
            b[at..at + p.len()].copy_from_slice(p.as_bytes());
            at += p.len();
        }
    })
}

/// Writes whole `&str` values, one after the other, into a str under construction
/// (see [`try_build`]); bytes it does not reach stay NUL, so the text is always
/// valid UTF-8.
pub struct StrWriter<'a> {
    buf: &'a mut [u8],
    at: usize,
}

impl StrWriter<'_> {
    pub fn push(&mut self, s: &str) {
        self.buf[self.at..self.at + s.len()].copy_from_slice(s.as_bytes());
        self.at += s.len();
    }

    pub fn push_repeat(&mut self, s: &str, n: usize) {
        for _ in 0..n {
            self.push(s);
        }
    }
}

/// A new str of `byte_len` bytes holding `char_len` characters, written by `f` through
/// a [`StrWriter`], in place and once, or `MemoryError`.
pub fn try_build(
    byte_len: usize,
    char_len: usize,
    f: impl FnOnce(&mut StrWriter),
) -> super::PyResult {
    try_new_str_with(byte_len, char_len, |buf| f(&mut StrWriter { buf, at: 0 }))
}

/// `s` repeated `n` times, built in place, or `MemoryError`.
pub fn try_repeat(s: &str, n: usize) -> super::PyResult {
    let bytes = s.len().checked_mul(n).ok_or_else(memory_error)?;
    let chars = count_chars(s).checked_mul(n).ok_or_else(memory_error)?;
    try_new_str_with(bytes, chars, |b| {
        if s.len() == 1 {
            b.fill(s.as_bytes()[0]);
        } else {
            for chunk in b.chunks_exact_mut(s.len()) {
                chunk.copy_from_slice(s.as_bytes());
            }
        }
    })
}

#[inline(always)]
fn parts(x: &PyRef) -> Option<(&StrHead, &[u8])> {
    x.var_parts::<StrHead, u8>(Layout::Str)
}

/// The text of a str object (or subclass instance).
#[inline(always)]
pub fn as_str(x: &PyRef) -> Option<&str> {
    // SAFETY: every constructor in this module copies whole `&str` values into the
    // bytes (see the module invariant), so they are valid UTF-8.
    parts(x).map(|(_, b)| unsafe { std::str::from_utf8_unchecked(b) })
}

/// The text of an object known to be a str (empty if it is not: a VM bug).
#[inline(always)]
pub fn str_of(x: &PyRef) -> &str {
    as_str(x).unwrap_or("")
}

/// Length in characters.
pub fn char_len(x: &PyRef) -> usize {
    parts(x).map(|(h, _)| h.char_len).unwrap_or(0)
}

pub fn is_ascii(x: &PyRef) -> bool {
    parts(x).map(|(h, b)| h.char_len == b.len()).unwrap_or(true)
}

/// The string hash (SipHash-1-3 with a fixed key, so runs are reproducible; CPython
/// randomises it per process). Never −1.
pub fn hash_text(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let mut h = std::hash::DefaultHasher::new();
    s.hash(&mut h);
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
            // SAFETY: valid UTF-8 by the module invariant.
            let v = hash_text(unsafe { std::str::from_utf8_unchecked(bytes) });
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

/// The character at index `i` (0-based, in range) as a new string.
pub fn char_at(x: &PyRef, i: usize) -> PyRef {
    let s = str_of(x);
    if is_ascii(x) {
        new_str(&s[i..i + 1])
    } else {
        let c = s.chars().nth(i).unwrap_or('\0');
        let mut buf = [0u8; 4];
        new_str(c.encode_utf8(&mut buf))
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
            .filter(|e| str_of(e) == s)
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
