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
//! `%` formatting lifts the same way from inside (`Lifting`): the format string and
//! every piece converted into the result go through stand-ins, so text a callback
//! returns is checked too; `str.format` likewise. `translate`, which looks characters
//! up by `ord`, works on code points instead (str/transform.rs).

use crate::object::list::{as_list, new_list};
use crate::object::str::{as_str, is_str, new_text, str_text};
use crate::object::tuple::{as_tuple, new_tuple};
use crate::object::{PyErr, PyRef, PyResult};
use crate::text::{Text, TextBuf, is_surrogate};
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
            _ => out.push_code_point(to_stand_in(c)),
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
    new_text(&surrogates_back(t.code_points(), t.len()))
}

/// The surrogate a code point stands in for (others unchanged).
fn to_surrogate(c: u32) -> u32 {
    if is_stand_in(c) {
        c - STAND_IN + 0xD800
    } else {
        c
    }
}

/// The stand-in for a surrogate (others unchanged).
fn to_stand_in(c: u32) -> u32 {
    if is_surrogate(c) {
        c - 0xD800 + STAND_IN
    } else {
        c
    }
}

/// Code points with their stand-ins turned back into surrogates.
fn surrogates_back(code_points: impl Iterator<Item = u32>, bytes: usize) -> TextBuf {
    let mut out = TextBuf::with_capacity(bytes);
    for c in code_points {
        out.push_code_point(to_surrogate(c));
    }
    out
}

/// What a formatting engine written over `&str` (`%`) met on its way: text that held
/// surrogates (turned into stand-ins) and text that already held stand-ins. Both at
/// once cannot be told apart.
#[derive(Default)]
pub(super) struct Lifting {
    pub surrogates: bool,
    pub stand_ins: bool,
}

impl Lifting {
    /// `t` as a `&str` for the engine: its surrogates as stand-ins.
    pub fn text<'a>(&mut self, t: &'a Text) -> std::borrow::Cow<'a, str> {
        if let Ok(s) = t.to_str() {
            self.stand_ins |= s.chars().any(|c| is_stand_in(u32::from(c)));
            return std::borrow::Cow::Borrowed(s);
        }
        self.surrogates = true;
        let mut out = String::with_capacity(t.len() + 4);
        for c in t.code_points() {
            if is_stand_in(c) {
                self.stand_ins = true;
            }
            out.extend(char::from_u32(to_stand_in(c)));
        }
        std::borrow::Cow::Owned(out)
    }

    /// The stand-in for code point `c` (itself unless a surrogate).
    pub fn code_point(&mut self, c: u32) -> Option<char> {
        if is_surrogate(c) {
            self.surrogates = true;
            return char::from_u32(to_stand_in(c));
        }
        char::from_u32(c)
    }

    /// Note a character the engine produced itself (`%c` of an int).
    pub fn note(&mut self, c: char) {
        self.stand_ins |= is_stand_in(u32::from(c));
    }

    /// The engine's result as a str: stand-ins back to surrogates.
    pub fn finish(&self, what: &str, s: &str) -> PyResult {
        match (self.surrogates, self.stand_ins) {
            (false, _) => crate::object::str::try_new_str(s),
            (true, true) => Err(PyErr::not_implemented(format!(
                "{what} of text holding both lone surrogates and U+F0000..U+F07FF \
                 is not supported"
            ))),
            (true, false) => crate::object::str::try_new_text(&surrogates_back(
                s.chars().map(u32::from),
                s.len(),
            )),
        }
    }

    /// A name taken from the engine's text (a `%(key)s` key), as the str it stands for.
    pub fn key(&self, k: &str) -> PyRef {
        if !self.surrogates {
            return crate::object::str::new_str(k);
        }
        new_text(&surrogates_back(k.chars().map(u32::from), k.len()))
    }
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
