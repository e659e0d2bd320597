//! The `str` methods that build new text: `strip lstrip rstrip`, `replace`,
//! `center ljust rjust zfill expandtabs`, `removeprefix removesuffix`,
//! `translate`/`maketrans`, the case mappings and the `is*` predicates.

use super::{count_chars, make_str, recv, text, unicode};
use crate::builtins::types::containers::{bind_method_args, check_alloc, receiver, try_string};
use crate::builtins::types::slice::as_isize;
use crate::format::is_space;
use crate::object::int::new_int;
use crate::object::singletons::{is_none, py_bool};
use crate::object::str::{as_str, str_text, try_new_str, try_new_text};
use crate::object::*;
use crate::text::TextBuf;
use crate::vm::{Args, Vm};

fn strip_impl(args: &Args, name: &str, left: bool, right: bool) -> PyResult {
    let (s, rest) = recv(args, name, 0, 1)?;
    let chars = match rest.first() {
        None => None,
        Some(v) if is_none(v) => None,
        Some(v) => match as_str(v) {
            Some(c) => Some(c),
            None => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
        },
    };
    let pred = |c: char| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == s.len()
        && let Some(x) = args.args.first()
        && x.is_exact(&STR_TYPE)
    {
        return Ok(x.clone());
    }
    Ok(make_str(r))
}

pub(super) fn m_strip(_vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(&args, "strip", true, true)
}

pub(super) fn m_lstrip(_vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(&args, "lstrip", true, false)
}

pub(super) fn m_rstrip(_vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(&args, "rstrip", false, true)
}

pub(super) fn m_replace(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = recv(&args, "replace", 2, 3)?;
    let arg = |i: usize| -> PyResult<&str> {
        as_str(&rest[i]).ok_or_else(|| {
            PyErr::type_error(format!(
                "replace() argument {} must be str, not {}",
                i + 1,
                crate::builtins::types::arg_type_name(&rest[i])
            ))
        })
    };
    let old = arg(0)?;
    let new = arg(1)?;
    let count = match rest.get(2) {
        Some(c) => as_isize(vm, c)?,
        None => -1,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let hits = s.match_indices(old).take(limit).count();
    if hits == 0 {
        return Ok(make_str(s));
    }
    // Sized first and built in place: a huge result is a MemoryError, not an abort.
    let bytes = (new.len() as u128 * hits as u128 + (s.len() - old.len() * hits) as u128)
        .try_into()
        .map_err(|_| PyErr::overflow("replace string is too long"))?;
    crate::object::str::try_build(bytes, |w| {
        let mut last = 0;
        for (at, _) in s.match_indices(old).take(limit) {
            w.push(&s[last..at]);
            w.push(new);
            last = at + old.len();
        }
        w.push(&s[last..]);
    })
}

fn fill_char(v: Option<&PyRef>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(s) = as_str(v) else {
        return Err(PyErr::type_error(format!(
            "The fill character must be a unicode character, not {}",
            v.ty().name()
        )));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error(
            "The fill character must be exactly one character long",
        )),
    }
}

/// `center`, `ljust`, `rjust`: `(left, right)` padding from the margin.
fn pad_impl(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    split: fn(usize, usize) -> (usize, usize),
) -> PyResult {
    let (s, rest) = recv(args, name, 1, 2)?;
    let width = as_isize(vm, &rest[0])?;
    let fill = fill_char(rest.get(1))?;
    let len = count_chars(s);
    if width <= len as isize {
        if let Some(x) = args.args.first()
            && x.is_exact(&STR_TYPE)
        {
            return Ok(x.clone());
        }
        return Ok(make_str(s));
    }
    let width = width as usize;
    let (l, r) = split(width - len, width);
    check_alloc(l + r, fill.len_utf8())?;
    let mut buf = [0u8; 4];
    let fill = &*fill.encode_utf8(&mut buf);
    let bytes = s.len() + (l + r) * fill.len();
    crate::object::str::try_build(bytes, |w| {
        w.push_repeat(fill.as_ref(), l);
        w.push(s);
        w.push_repeat(fill.as_ref(), r);
    })
}

pub(super) fn m_center(vm: &mut Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "center", |marg, width| {
        let left = marg / 2 + (marg & width & 1);
        (left, marg - left)
    })
}

pub(super) fn m_ljust(vm: &mut Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "ljust", |marg, _| (0, marg))
}

pub(super) fn m_rjust(vm: &mut Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "rjust", |marg, _| (marg, 0))
}

pub(super) fn m_zfill(vm: &mut Vm, args: Args) -> PyResult {
    let (s, rest) = recv(&args, "str.zfill", 1, 1)?;
    let width = as_isize(vm, &rest[0])?;
    let len = count_chars(s);
    if width <= len as isize {
        return Ok(make_str(s));
    }
    let fill = width as usize - len;
    let mut out = try_string(s.len() + fill)?;
    let body = if s.starts_with(['+', '-']) {
        out.push_str(&s[..1]);
        &s[1..]
    } else {
        s
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    try_new_str(&out)
}

pub(super) fn m_expandtabs(vm: &mut Vm, args: Args) -> PyResult {
    let x = receiver(&args, "expandtabs", "str")?;
    let s = text(x, "expandtabs")?;
    let p = bind_method_args(&args, "expandtabs", &["tabsize"], 0)?;
    let tabsize = match &p[0] {
        Some(v) => {
            let too_large = || PyErr::overflow("Python int too large to convert to C int");
            let t = as_isize(vm, v).map_err(|e| {
                if e.matches(&OVERFLOW_ERROR) {
                    too_large()
                } else {
                    e
                }
            })?;
            if i32::try_from(t).is_err() {
                return Err(PyErr::overflow("Python int too large to convert to C int"));
            }
            t
        }
        None => 8,
    };
    let mut out = String::with_capacity(s.len());
    let mut col: usize = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let incr = tabsize as usize - col % tabsize as usize;
                    out.try_reserve(incr)
                        .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
                    col += incr;
                    out.extend(std::iter::repeat_n(' ', incr));
                }
            }
            '\n' | '\r' => {
                col = 0;
                out.push(c);
            }
            _ => {
                col += 1;
                out.push(c);
            }
        }
    }
    Ok(make_str(&out))
}

fn affix_impl(args: &Args, name: &str, suffix: bool) -> PyResult {
    let (s, rest) = recv(args, name, 1, 1)?;
    let short = name.rsplit('.').next().unwrap_or(name);
    let a = as_str(&rest[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "{short}() argument must be str, not {}",
            crate::builtins::types::arg_type_name(&rest[0])
        ))
    })?;
    let r = if suffix {
        s.strip_suffix(a).filter(|_| !a.is_empty())
    } else {
        s.strip_prefix(a).filter(|_| !a.is_empty())
    };
    match r {
        Some(r) => Ok(make_str(r)),
        None => match args.args.first() {
            Some(x) if x.is_exact(&STR_TYPE) => Ok(x.clone()),
            _ => Ok(make_str(s)),
        },
    }
}

pub(super) fn m_removeprefix(_vm: &mut Vm, args: Args) -> PyResult {
    affix_impl(&args, "str.removeprefix", false)
}

pub(super) fn m_removesuffix(_vm: &mut Vm, args: Args) -> PyResult {
    affix_impl(&args, "str.removesuffix", true)
}

/// `str.translate(table)`: `table[ord(c)]` is a str, an int code point or None
/// (delete); a LookupError keeps the character.
pub(super) fn m_translate(vm: &mut Vm, args: Args) -> PyResult {
    // Over code points, so text and mappings may hold lone surrogates.
    let (x, rest) = crate::builtins::types::check_method_args("str.translate", &args, 1, 1)?;
    let s = super::exact(x, "translate")?.to_owned();
    let table = rest[0].clone();
    let mut out = TextBuf::with_capacity(s.len());
    for c in s.code_points() {
        let key = new_int(i64::from(c));
        match vm.getitem(&table, &key) {
            Ok(v) => {
                if is_none(&v) {
                    continue;
                }
                if let Some(t) = str_text(&v) {
                    out.push_text(t);
                } else if let Some(i) = crate::object::int::as_small_int(&v) {
                    match u32::try_from(i).ok().filter(|&c| c <= 0x10FFFF) {
                        Some(c) => out.push_code_point(c),
                        None => {
                            return Err(PyErr::value_error(
                                "character mapping must be in range(0x110000)",
                            ));
                        }
                    }
                } else {
                    return Err(PyErr::type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            }
            Err(e) if e.matches(&LOOKUP_ERROR) => out.push_code_point(c),
            Err(e) => return Err(e),
        }
    }
    match out.into_string() {
        Ok(s) => Ok(make_str(&s)),
        Err(t) => try_new_text(&t),
    }
}

/// `str.maketrans(x[, y[, z]])` (a static method).
pub(super) fn m_maketrans(vm: &mut Vm, args: Args) -> PyResult {
    let pos = crate::builtins::types::check_args("maketrans", &args, 1, 3)?;
    let out = crate::object::dict::new_dict();
    if pos.len() == 1 {
        let Some(d) = crate::object::dict::as_dict(&pos[0]) else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in d.items() {
            let key = if let Some(ks) = as_str(&k) {
                let mut chars = ks.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => new_int(c as i64),
                    _ => {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ));
                    }
                }
            } else if crate::object::int::int_value(&k).is_some() {
                k.clone()
            } else {
                return Err(PyErr::type_error(
                    "keys in translate table must be strings or integers",
                ));
            };
            vm.dict_set(&out, key, v)?;
        }
        return Ok(out);
    }
    let Some(x) = as_str(&pos[0]) else {
        return Err(PyErr::type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let arg = |i: usize| -> PyResult<&str> {
        as_str(&pos[i]).ok_or_else(|| {
            PyErr::type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                crate::builtins::types::arg_type_name(&pos[i])
            ))
        })
    };
    let y = arg(1)?;
    if count_chars(x) != count_chars(y) {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        vm.dict_set(&out, new_int(a as i64), new_int(b as i64))?;
    }
    if pos.len() == 3 {
        for c in arg(2)?.chars() {
            vm.dict_set(&out, new_int(c as i64), crate::object::singletons::none())?;
        }
    }
    Ok(out)
}

// ----- case and predicates -----------------------------------------------------------

/// `$f` maps each ASCII character on its own (`per_char`): long ASCII text is then
/// mapped chunk by chunk straight into the result, so a huge string costs its size
/// once and exhausting memory is a MemoryError rather than an abort.
macro_rules! case_method {
    ($fname:ident, $pyname:literal, $f:path, per_char: $per_char:literal) => {
        pub(super) fn $fname(_vm: &mut Vm, args: Args) -> PyResult {
            let (s, _) = recv(&args, concat!("str.", $pyname), 0, 0)?;
            if $per_char && s.len() > CASE_CHUNK && s.is_ascii() {
                return crate::object::str::try_build(s.len(), |w| {
                    for chunk in s.as_bytes().chunks(CASE_CHUNK) {
                        w.push(&$f(std::str::from_utf8(chunk).unwrap_or_default()));
                    }
                });
            }
            Ok(make_str(&$f(s)))
        }
    };
}

const CASE_CHUNK: usize = 1 << 16;

case_method!(m_upper, "upper", unicode::upper, per_char: true);
case_method!(m_lower, "lower", unicode::lower, per_char: true);
case_method!(m_title, "title", unicode::title, per_char: false);
case_method!(m_capitalize, "capitalize", unicode::capitalize, per_char: false);
case_method!(m_swapcase, "swapcase", unicode::swapcase, per_char: true);
case_method!(m_casefold, "casefold", unicode::casefold, per_char: true);

macro_rules! predicate {
    ($fname:ident, $pyname:literal, |$s:ident| $body:expr) => {
        pub(super) fn $fname(_vm: &mut Vm, args: Args) -> PyResult {
            let ($s, _) = recv(&args, concat!("str.", $pyname), 0, 0)?;
            Ok(py_bool($body))
        }
    };
}

fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

predicate!(m_isdigit, "isdigit", |s| all_chars(s, unicode::is_digit));
predicate!(m_isdecimal, "isdecimal", |s| all_chars(
    s,
    unicode::is_decimal
));
predicate!(m_isnumeric, "isnumeric", |s| all_chars(
    s,
    unicode::is_numeric
));
predicate!(m_isalpha, "isalpha", |s| all_chars(s, unicode::is_alpha));
predicate!(m_isalnum, "isalnum", |s| all_chars(s, unicode::is_alnum));
predicate!(m_isspace, "isspace", |s| all_chars(s, is_space));
predicate!(m_isupper, "isupper", |s| unicode::str_isupper(s));
predicate!(m_islower, "islower", |s| unicode::str_islower(s));
predicate!(m_istitle, "istitle", |s| unicode::str_istitle(s));
predicate!(m_isidentifier, "isidentifier", |s| {
    unicode::str_isidentifier(s)
});
predicate!(m_isascii, "isascii", |s| s.is_ascii());
predicate!(m_isprintable, "isprintable", |s| s
    .chars()
    .all(crate::format::is_printable));
