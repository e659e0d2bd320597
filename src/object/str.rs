//! `str` payload: immutable UTF-8 text stored inline after the header.
//!
//! Layout `VarObject<StrHead, u8>`: the head caches the hash (−1 = not computed yet) and
//! the length in characters; the bytes follow. ASCII strings index in O(1) (byte =
//! character); others walk the UTF-8. Identifier-like strings made by the compiler and
//! attribute names are interned in a process-wide table, so name lookups compare by
//! identity first.

use super::builtin_types::STR_TYPE;
use super::gilstatic::GilStatic;
use super::handle::{PyRef, alloc_var};
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
        char_len: if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        },
    };
    alloc_var(&STR_TYPE, head, s.bytes())
}

#[inline(always)]
fn parts(x: &PyRef) -> Option<(&StrHead, &[u8])> {
    x.var_parts::<StrHead, u8>(Layout::Str)
}

/// The text of a str object (or subclass instance).
#[inline(always)]
pub fn as_str(x: &PyRef) -> Option<&str> {
    // The bytes were copied from a `&str` in `new_str`, so they are valid UTF-8.
    parts(x).map(|(_, b)| std::str::from_utf8(b).unwrap_or(""))
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
            let v = hash_text(std::str::from_utf8(bytes).unwrap_or(""));
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
