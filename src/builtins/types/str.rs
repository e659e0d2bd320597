//! `str`: repr, hash, comparison, indexing and slicing (O(1) for ASCII text),
//! concatenation, repetition, `%` formatting, membership, iteration, the constructor
//! and the text methods.
//!
//! Character positions are code point indices as in Python; the UTF-8 text is only
//! walked when it is not ASCII. The methods are split by concern: `str/search.rs`
//! (find, split, join, partition…), `str/transform.rs` (strip, replace, padding, case,
//! predicates), `str/formatting.rs` (the `str.format` and `%` engines), with case
//! mappings and character classes in `str/unicode.rs` and generated `str/tables.rs`.
//! The slots work on the exact text (lone surrogates included); the methods written
//! over `&str`, `%` and `str.format` reach text holding surrogates through
//! `str/lift.rs`; `translate` works on code points.

mod formatting;
mod lift;
mod search;
mod tables;
mod transform;
mod unicode;

pub use formatting::{format_error, percent_format};

use super::containers::{add_new, add_wrappers, bind_args, descr_error, receiver};
use super::slice::{SeqIndex, isize_or_index_error, slice_positions, try_index};
use super::{add_method, check_method_args};
use crate::object::singletons::{not_implemented, py_bool};
use crate::object::str::{
    as_str, char_len, intern, is_ascii, is_str, new_str, str_hash, str_text,
    surrogates_unsupported, try_new_str, try_new_text,
};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::text::{Text, TextBuf};
use crate::vm::{Args, Vm};
use formatting::{FormatArgs, format_method};
use search::*;
use transform::*;

/// Exactly `repr(s)` for a Python str: quotes chosen as CPython does, `\n \t \\ \x00`
/// escapes, printable non-ASCII characters kept.
pub fn str_repr(s: &str) -> String {
    crate::format::str_repr(s)
}

/// A new str object, sharing the cached objects for `''` and single ASCII characters
/// (CPython keeps those as singletons too).
pub fn make_str(s: &str) -> PyRef {
    if s.len() <= 1 { intern(s) } else { new_str(s) }
}

/// The UTF-8 text of a method's receiver: a TypeError if it is not a str; the methods
/// written over `&str` refuse text with lone surrogates with a NotImplementedError.
fn text<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a str> {
    match (as_str(x), is_str(x)) {
        (Some(s), _) => Ok(s),
        (None, true) => Err(surrogates_unsupported(&format!("str.{method}()"))),
        (None, false) => Err(descr_error(method, "str", x)),
    }
}

/// The exact text of a slot's receiver (a TypeError if it is not a str).
fn exact<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a Text> {
    str_text(x).ok_or_else(|| descr_error(method, "str", x))
}

/// The text of a method's receiver and its other arguments (keywords rejected).
fn recv<'a>(
    args: &Args<'a>,
    method: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a str, &'a [PyRef])> {
    let (x, rest) = check_method_args(method, args, min, max)?;
    let name = method.rsplit('.').next().unwrap_or(method);
    Ok((text(x, name)?, rest))
}

/// An argument that must be a str: `must be str, not int`.
fn str_arg(x: &PyRef) -> PyResult<&str> {
    match (as_str(x), is_str(x)) {
        (Some(s), _) => Ok(s),
        (None, true) => Err(surrogates_unsupported("this str method")),
        (None, false) => Err(PyErr::type_error(format!(
            "must be str, not {}",
            crate::builtins::types::arg_type_name(x)
        ))),
    }
}

/// Byte offset of character `ci` (`ci <= char count`).
fn byte_at(s: &str, ascii: bool, ci: usize) -> usize {
    if ascii {
        ci.min(s.len())
    } else {
        s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
    }
}

/// Character index of byte offset `bi` (a char boundary).
fn char_index(s: &str, ascii: bool, bi: usize) -> usize {
    if ascii { bi } else { s[..bi].chars().count() }
}

fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

// ----- slots -------------------------------------------------------------------------

fn s_repr(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let t = exact(x, "__repr__")?;
    let repr = crate::format::try_repr_code_points(t.code_points(), t.len())
        .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
    try_new_str(&repr)
}

fn s_str(_vm: &mut Vm, x: &PyRef) -> PyResult {
    if x.is_exact(&STR_TYPE) {
        return Ok(x.clone());
    }
    try_new_text(exact(x, "__str__")?)
}

fn s_hash(_vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    exact(x, "__hash__")?;
    Ok(str_hash(x))
}

fn s_richcompare(_vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    // Byte order of generalized UTF-8 is code point order (see `crate::text`).
    let (Some(x), Some(y)) = (str_text(a), str_text(b)) else {
        return Ok(not_implemented());
    };
    let ord = x.as_bytes().cmp(y.as_bytes());
    let r = match op {
        CompareOp::Lt => ord.is_lt(),
        CompareOp::Le => ord.is_le(),
        CompareOp::Eq => ord.is_eq(),
        CompareOp::Ne => ord.is_ne(),
        CompareOp::Gt => ord.is_gt(),
        CompareOp::Ge => ord.is_ge(),
    };
    Ok(py_bool(r))
}

fn s_len(_vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    exact(x, "__len__")?;
    Ok(char_len(x))
}

fn s_getitem(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult {
    let t = exact(x, "__getitem__")?;
    let len = char_len(x);
    let ascii = is_ascii(x);
    let sub = if let Some(sl) = key.downcast::<crate::object::misc::SliceData>() {
        let (start, stop, step) = super::slice::slice_indices(vm, sl, len)?;
        SeqIndex::Slice { start, stop, step }
    } else {
        match try_index(vm, key)? {
            Some(v) => SeqIndex::Int(isize_or_index_error(&v, key)?),
            None => {
                return Err(PyErr::type_error(format!(
                    "string indices must be integers, not '{}'",
                    key.ty().name()
                )));
            }
        }
    };
    match sub {
        SeqIndex::Int(i) => match super::slice::norm_index(i, len) {
            Some(i) => Ok(crate::object::str::char_at(x, i)),
            None => Err(PyErr::index_error("string index out of range")),
        },
        SeqIndex::Slice { start, stop, step } => {
            let n = super::slice::slice_len(start, stop, step);
            if n == len && step == 1 && x.is_exact(&STR_TYPE) {
                return Ok(x.clone());
            }
            if step == 1 {
                let (a, b) = (start as usize, start as usize + n);
                let (ba, bb) = (t.byte_offset(a), t.byte_offset(b));
                let part = t.slice(ba, bb);
                return match part.to_str() {
                    Ok(s) => Ok(make_str(s)),
                    Err(_) => try_new_text(part),
                };
            }
            let mut out = TextBuf::new();
            if ascii {
                let bytes = t.as_bytes();
                for i in slice_positions(start, stop, step) {
                    out.push_code_point(u32::from(bytes[i]));
                }
            } else {
                let cps: Vec<u32> = t.code_points().collect();
                for i in slice_positions(start, stop, step) {
                    out.push_code_point(cps[i]);
                }
            }
            match out.into_string() {
                Ok(s) => Ok(make_str(&s)),
                Err(t) => try_new_text(&t),
            }
        }
    }
}

fn s_contains(_vm: &mut Vm, x: &PyRef, item: &PyRef) -> PyResult<bool> {
    let t = exact(x, "__contains__")?;
    match str_text(item) {
        Some(sub) => Ok(t.contains(sub)),
        None => Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.ty().name()
        ))),
    }
}

/// `iter(str)`; the iterator's `index` is a byte offset into the text. As in CPython,
/// ASCII text gets a `str_ascii_iterator`, other text a `str_iterator`.
fn s_iter(_vm: &mut Vm, x: &PyRef) -> PyResult {
    exact(x, "__iter__")?;
    let ty = if crate::object::str::is_ascii(x) {
        &STR_ASCII_ITERATOR_TYPE
    } else {
        &STR_ITERATOR_TYPE
    };
    Ok(crate::object::iter::new_seq_iter(ty, x))
}

fn s_add(_vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (str_text(a), str_text(b)) else {
        return Ok(not_implemented());
    };
    if y.is_empty() && a.is_exact(&STR_TYPE) {
        return Ok(a.clone());
    }
    if x.is_empty() && b.is_exact(&STR_TYPE) {
        return Ok(b.clone());
    }
    crate::object::str::try_concat(&[x, y])
}

fn s_mul(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (x, n) = if is_str(a) {
        (a, b)
    } else if is_str(b) {
        (b, a)
    } else {
        return Ok(not_implemented());
    };
    let Some(n) = super::containers::repeat_count(vm, n)? else {
        return Ok(not_implemented());
    };
    let t = str_text(x).unwrap_or(Text::new(""));
    if n == 1 && x.is_exact(&STR_TYPE) {
        return Ok(x.clone());
    }
    if t.is_empty() || n == 0 {
        return Ok(intern(""));
    }
    let chars = char_len(x);
    if chars.checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
        return Err(PyErr::overflow("repeated string is too long"));
    }
    crate::object::str::try_repeat(t, n)
}

fn s_mod(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(fmt) = str_text(a) else {
        return Ok(not_implemented());
    };
    let fmt = fmt.to_owned();
    formatting::percent_format_text(vm, &fmt, b)
}

/// `str(object='')`, `str(object, encoding, errors)`.
fn s_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty =
        try_type(cls).ok_or_else(|| PyErr::type_error("str.__new__(X): X is not a type object"))?;
    let p = bind_args(&args, "str", &["object", "encoding", "errors"], 0)?;
    let value = match &p[0] {
        None => intern(""),
        Some(o) => {
            if p[1].is_some() || p[2].is_some() {
                return Err(PyErr::type_error(if is_str(o) {
                    "decoding str is not supported".to_string()
                } else {
                    format!(
                        "decoding to str: need a bytes-like object, {} found",
                        o.ty().name()
                    )
                }));
            }
            vm.str(o)?
        }
    };
    if std::ptr::eq(ty, &STR_TYPE) {
        return Ok(value);
    }
    Err(PyErr::type_error(format!(
        "cannot create '{}' instances: str subclasses are not supported",
        ty.name()
    )))
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => s_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error("str.__new__(): not enough arguments")),
    }
}

// ----- formatting --------------------------------------------------------------------

fn m_format(vm: &mut Vm, args: Args) -> PyResult {
    let x = receiver(&args, "format", "str")?;
    let fmt = exact(x, "format")?.to_owned();
    let rest = args.skip_self();
    let kwargs = if rest.has_keywords() {
        let d = crate::object::dict::new_dict();
        for (k, v) in rest.keywords() {
            vm.dict_set(&d, k.clone(), v.clone())?;
        }
        Some(d)
    } else {
        None
    };
    let mut fa = FormatArgs::new(Some(rest.positional()), kwargs);
    format_method(vm, &fmt, &mut fa)
}

fn m_format_map(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("str.format_map", &args, 1, 1)?;
    let fmt = exact(x, "format_map")?.to_owned();
    let mut fa = FormatArgs::new(None, Some(rest[0].clone()));
    format_method(vm, &fmt, &mut fa)
}

fn m_dunder_format(_vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = recv(&args, "__format__", 1, 1)?;
    let spec = as_str(&rest[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            crate::builtins::types::arg_type_name(&rest[0])
        ))
    })?;
    if spec.is_empty()
        && let Some(x) = args.args.first()
        && x.is_exact(&STR_TYPE)
    {
        return Ok(x.clone());
    }
    let r = crate::format::format_str(s, spec).map_err(format_error)?;
    Ok(make_str(&r))
}

fn m_getnewargs(_vm: &mut Vm, args: Args) -> PyResult {
    let (s, _) = recv(&args, "__getnewargs__", 0, 0)?;
    Ok(new_tuple(vec![make_str(s)]))
}

pub fn init() {
    let ty = &STR_TYPE;
    ty.dealloc.set(crate::object::str::DEALLOC);
    let s = &ty.slots;
    s.repr.set(Some(s_repr));
    s.str.set(Some(s_str));
    s.hash.set(Some(s_hash));
    s.richcompare.set(Some(s_richcompare));
    s.len.set(Some(s_len));
    s.getitem.set(Some(s_getitem));
    s.contains.set(Some(s_contains));
    s.iter.set(Some(s_iter));
    s.nb[0].set(Some(s_add));
    s.nb[5].set(Some(s_mul));
    s.nb[6].set(Some(s_mod));
    s.new.set(Some(s_new));
    let methods: &[(&'static str, crate::object::function::NativeFn)] = &[
        ("split", lift::lifted::m_split),
        ("rsplit", lift::lifted::m_rsplit),
        ("join", m_join),
        ("strip", lift::lifted::m_strip),
        ("lstrip", lift::lifted::m_lstrip),
        ("rstrip", lift::lifted::m_rstrip),
        ("replace", lift::lifted::m_replace),
        ("find", lift::lifted::m_find),
        ("rfind", lift::lifted::m_rfind),
        ("index", lift::lifted::m_index),
        ("rindex", lift::lifted::m_rindex),
        ("count", lift::lifted::m_count),
        ("startswith", lift::lifted::m_startswith),
        ("endswith", lift::lifted::m_endswith),
        ("upper", lift::lifted::m_upper),
        ("lower", lift::lifted::m_lower),
        ("title", lift::lifted::m_title),
        ("capitalize", lift::lifted::m_capitalize),
        ("swapcase", lift::lifted::m_swapcase),
        ("casefold", lift::lifted::m_casefold),
        ("isdigit", lift::lifted::m_isdigit),
        ("isdecimal", lift::lifted::m_isdecimal),
        ("isnumeric", lift::lifted::m_isnumeric),
        ("isalpha", lift::lifted::m_isalpha),
        ("isalnum", lift::lifted::m_isalnum),
        ("isspace", lift::lifted::m_isspace),
        ("isupper", lift::lifted::m_isupper),
        ("islower", lift::lifted::m_islower),
        ("istitle", lift::lifted::m_istitle),
        ("isidentifier", lift::lifted::m_isidentifier),
        ("isascii", lift::lifted::m_isascii),
        ("isprintable", lift::lifted::m_isprintable),
        ("format", m_format),
        ("format_map", m_format_map),
        ("__format__", lift::lifted::m_dunder_format),
        ("zfill", lift::lifted::m_zfill),
        ("center", lift::lifted::m_center),
        ("ljust", lift::lifted::m_ljust),
        ("rjust", lift::lifted::m_rjust),
        ("partition", lift::lifted::m_partition),
        ("rpartition", lift::lifted::m_rpartition),
        ("splitlines", lift::lifted::m_splitlines),
        ("expandtabs", lift::lifted::m_expandtabs),
        ("removeprefix", lift::lifted::m_removeprefix),
        ("removesuffix", lift::lifted::m_removesuffix),
        ("translate", m_translate),
        ("__getnewargs__", lift::lifted::m_getnewargs),
    ];
    for &(name, f) in methods {
        add_method(ty, name, f);
    }
    add_wrappers(
        ty,
        &[
            "__repr__",
            "__str__",
            "__hash__",
            "__len__",
            "__getitem__",
            "__contains__",
            "__iter__",
            "__richcmp__",
            "__add__",
            "__mul__",
            "__rmul__",
            "__mod__",
            "__rmod__",
        ],
    );
    add_new(ty, m_new);
    let maketrans = alloc(
        &STATICMETHOD_TYPE,
        crate::object::function::StaticMethodData {
            callable: super::new_builtin_function("maketrans", m_maketrans, None),
        },
    );
    super::add_attr(ty, "maketrans", maketrans);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\n\t\\\u{0}\u{7f}"), "'a\\n\\t\\\\\\x00\\x7f'");
    }
}
