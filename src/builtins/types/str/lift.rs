//! The text methods written over `&str` (search, split, strip, replace, padding, case,
//! predicates…) applied to text holding lone surrogates, which a `&str` cannot hold.
//!
//! A call whose operands hold a surrogate runs the method on stand-ins: each surrogate
//! U+D800 + k becomes the plane-15 private-use code point U+F0000 + k, and the result's
//! stand-ins become surrogates again. Both kinds of code point are inert to every
//! method lifted here: no case mapping, not cased or case-ignorable, not whitespace or
//! a line break, not alphanumeric, decimal, numeric or printable, not part of an
//! identifier; and the mapping keeps one character per character, so indices, counts
//! and widths are unchanged. The methods compare code points only for equality, never
//! for order, so every result is the one CPython gives. A call whose operands already
//! hold one of U+F0000..=U+F07FF cannot be told apart and raises NotImplementedError.
//! Methods that call back into Python or look characters up by `ord` (`format`,
//! `format_map`, `translate`) are not lifted.

use crate::object::list::{as_list, new_list};
use crate::object::str::{as_str, is_str, new_text, str_text};
use crate::object::tuple::{as_tuple, new_tuple};
use crate::object::{PyErr, PyRef, PyResult};
use crate::text::{TextBuf, is_surrogate};
use crate::vm::{Args, Vm};

/// The first stand-in: U+D800 + k stands in as `STAND_IN + k`.
const STAND_IN: u32 = 0xF0000;
const SURROGATES: u32 = 0x800;

fn is_stand_in(c: u32) -> bool {
    (STAND_IN..STAND_IN + SURROGATES).contains(&c)
}

/// A str holding a surrogate, or a tuple with one among its items (`startswith`).
fn holds_surrogate(x: &PyRef) -> bool {
    let surrogate_str = |x: &PyRef| is_str(x) && as_str(x).is_none();
    surrogate_str(x) || as_tuple(x).is_some_and(|t| t.iter().any(surrogate_str))
}

/// `x` with its surrogates replaced by stand-ins, or None when it already holds a
/// stand-in.
fn substitute(x: &PyRef) -> Option<PyRef> {
    if let Some(items) = as_tuple(x) {
        let items = items.iter().map(substitute).collect::<Option<Vec<_>>>()?;
        return Some(new_tuple(items));
    }
    let Some(t) = str_text(x) else {
        return Some(x.clone());
    };
    let mut out = TextBuf::with_capacity(t.len());
    for c in t.code_points() {
        match c {
            _ if is_stand_in(c) => return None,
            _ if is_surrogate(c) => out.push_code_point(c - 0xD800 + STAND_IN),
            _ => out.push_code_point(c),
        }
    }
    Some(new_text(&out))
}

/// A result with its stand-ins turned back into surrogates (strs, and the strs in a
/// list or tuple).
fn restore(x: PyRef) -> PyRef {
    if let Some(l) = as_list(&x) {
        return new_list(l.to_vec().into_iter().map(restore).collect());
    }
    if let Some(items) = as_tuple(&x) {
        return new_tuple(items.iter().cloned().map(restore).collect());
    }
    let Some(t) = str_text(&x) else {
        return x;
    };
    if !t.code_points().any(is_stand_in) {
        return x;
    }
    let mut out = TextBuf::with_capacity(t.len());
    for c in t.code_points() {
        out.push_code_point(if is_stand_in(c) {
            c - STAND_IN + 0xD800
        } else {
            c
        });
    }
    new_text(&out)
}

/// Run the `&str` method `f` on `args`, through stand-ins when an operand holds a
/// surrogate.
pub(super) fn call(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: crate::object::function::NativeFn,
) -> PyResult {
    if !args.args.iter().any(holds_surrogate) {
        return f(vm, args);
    }
    let stand_ins = args
        .args
        .iter()
        .map(substitute)
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| {
            PyErr::not_implemented(format!(
                "str.{name}() of text holding both lone surrogates and U+F0000..U+F07FF \
                 is not supported"
            ))
        })?;
    let r = f(vm, Args::with_kwnames(&stand_ins, args.kwnames))?;
    Ok(restore(r))
}

/// Wrappers that lift each named method of `super`: `lifted::m_split` runs
/// `super::m_split` through [`call`].
macro_rules! lift {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(
            pub(in super::super) fn $f(vm: &mut Vm, args: Args) -> PyResult {
                call(vm, args, $name, super::super::$f)
            }
        )*
    };
}

pub(super) mod lifted {
    use super::call;
    use crate::object::PyResult;
    use crate::vm::{Args, Vm};

    lift!(
        m_split => "split", m_rsplit => "rsplit", m_strip => "strip", m_lstrip => "lstrip",
        m_rstrip => "rstrip", m_replace => "replace", m_find => "find", m_rfind => "rfind",
        m_index => "index", m_rindex => "rindex", m_count => "count",
        m_startswith => "startswith", m_endswith => "endswith", m_upper => "upper",
        m_lower => "lower", m_title => "title", m_capitalize => "capitalize",
        m_swapcase => "swapcase", m_casefold => "casefold", m_isdigit => "isdigit",
        m_isdecimal => "isdecimal", m_isnumeric => "isnumeric", m_isalpha => "isalpha",
        m_isalnum => "isalnum", m_isspace => "isspace", m_isupper => "isupper",
        m_islower => "islower", m_istitle => "istitle", m_isidentifier => "isidentifier",
        m_isascii => "isascii", m_isprintable => "isprintable",
        m_dunder_format => "__format__", m_zfill => "zfill", m_center => "center",
        m_ljust => "ljust", m_rjust => "rjust", m_partition => "partition",
        m_rpartition => "rpartition", m_splitlines => "splitlines",
        m_expandtabs => "expandtabs", m_removeprefix => "removeprefix",
        m_removesuffix => "removesuffix", m_getnewargs => "__getnewargs__",
    );
}
