//! The `str` methods that search and cut text: `find rfind index rindex count`,
//! `startswith endswith` (with CPython's `ADJUST_INDICES` for `start`/`end`),
//! `split rsplit` (whitespace runs or a separator, `maxsplit`), `join`,
//! `partition rpartition` and `splitlines`.

use super::{byte_at, char_index, count_chars, exact, make_str, recv, str_arg, text};
use crate::builtins::types::check_method_args;
use crate::builtins::types::containers::{bind_method_args, receiver};
use crate::builtins::types::slice::{as_isize, clamp_isize, try_index};
use crate::format::is_space;
use crate::object::int::new_int;
use crate::object::list::new_list;
use crate::object::singletons::{is_none, py_bool};
use crate::object::str::{as_str, char_len, is_ascii, str_of, str_text};
use crate::object::tuple::{as_tuple, new_tuple};
use crate::object::*;
use crate::vm::{Args, Vm};

/// CPython's `ADJUST_INDICES` for the optional `start`/`end` arguments.
fn adjust_indices(
    vm: &mut Vm,
    start: Option<&PyRef>,
    end: Option<&PyRef>,
    len: usize,
) -> PyResult<(isize, isize)> {
    let mut get = |x: Option<&PyRef>, default: isize| -> PyResult<isize> {
        match x {
            None => Ok(default),
            Some(v) if is_none(v) => Ok(default),
            Some(v) => match try_index(vm, v)? {
                Some(i) => Ok(clamp_isize(&i)),
                None => Err(PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    };
    let mut start = get(start, 0)?;
    let mut end = get(end, isize::MAX)?;
    let len = len as isize;
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    Ok((start, end))
}

/// Shared argument handling of `find rfind index rindex count`: the text, the
/// substring, and the window as byte offsets (`None` when it cannot hold the substring).
struct Search<'a> {
    s: &'a str,
    sub: &'a str,
    window: Option<(usize, usize)>,
    start_char: usize,
    end_char: usize,
    ascii: bool,
}

/// The receiver, its text and the 1..=3 positional arguments (`sub[, start[, end]]`)
/// of `find`/`index`/`count`/`startswith`… with CPython's arity messages.
fn search_receiver<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a PyRef, &'a str, &'a [PyRef])> {
    let x = receiver(args, name, "str")?;
    let s = text(x, name)?;
    if args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    let rest = args.skip_self().positional();
    if rest.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes at least 1 argument (0 given)"
        )));
    }
    if rest.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            rest.len()
        )));
    }
    Ok((x, s, rest))
}

fn search_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<Search<'a>> {
    let (x, s, rest) = search_receiver(args, name)?;
    let sub = str_arg(&rest[0])?;
    let len = char_len(x);
    let ascii = is_ascii(x);
    let (start, end) = adjust_indices(vm, rest.get(1), rest.get(2), len)?;
    let sub_len = count_chars(sub) as isize;
    let window = if end - start < sub_len {
        None
    } else {
        Some((
            byte_at(s, ascii, start as usize),
            byte_at(s, ascii, end as usize),
        ))
    };
    Ok(Search {
        s,
        sub,
        window,
        start_char: start.max(0) as usize,
        end_char: end.max(0) as usize,
        ascii,
    })
}

fn find_impl(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let a = search_args(vm, args, name)?;
    let Some((bs, be)) = a.window else {
        return Ok(None);
    };
    if a.sub.is_empty() {
        return Ok(Some(if reverse { a.end_char } else { a.start_char }));
    }
    let hay = &a.s[bs..be];
    let found = if reverse {
        hay.rfind(a.sub)
    } else {
        hay.find(a.sub)
    };
    Ok(found.map(|b| char_index(a.s, a.ascii, bs + b)))
}

pub(super) fn m_find(vm: &mut Vm, args: Args) -> PyResult {
    let r = find_impl(vm, &args, "find", false)?;
    Ok(new_int(r.map_or(-1, |i| i as i64)))
}

pub(super) fn m_rfind(vm: &mut Vm, args: Args) -> PyResult {
    let r = find_impl(vm, &args, "rfind", true)?;
    Ok(new_int(r.map_or(-1, |i| i as i64)))
}

pub(super) fn m_index(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "index", false)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

pub(super) fn m_rindex(vm: &mut Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "rindex", true)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

pub(super) fn m_count(vm: &mut Vm, args: Args) -> PyResult {
    let a = search_args(vm, &args, "count")?;
    let Some((bs, be)) = a.window else {
        return Ok(new_int(0));
    };
    if a.sub.is_empty() {
        return Ok(new_int((a.end_char - a.start_char) as i64 + 1));
    }
    Ok(new_int(a.s[bs..be].matches(a.sub).count() as i64))
}

/// `startswith` / `endswith`.
fn tailmatch(vm: &mut Vm, args: &Args, name: &str, suffix: bool) -> PyResult {
    let (x, s, rest) = search_receiver(args, name)?;
    let len = char_len(x);
    let ascii = is_ascii(x);
    let (start, end) = adjust_indices(vm, rest.get(1), rest.get(2), len)?;
    let matches = |sub: &str| -> bool {
        let sub_len = count_chars(sub) as isize;
        if end - sub_len < start {
            return false;
        }
        if sub.is_empty() {
            return true;
        }
        let (bs, be) = (
            byte_at(s, ascii, start as usize),
            byte_at(s, ascii, end as usize),
        );
        let hay = &s[bs..be];
        if suffix {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    if let Some(t) = as_tuple(&rest[0]) {
        for item in t {
            match as_str(item) {
                Some(sub) => {
                    if matches(sub) {
                        return Ok(py_bool(true));
                    }
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        item.ty().name()
                    )));
                }
            }
        }
        return Ok(py_bool(false));
    }
    match as_str(&rest[0]) {
        Some(sub) => Ok(py_bool(matches(sub))),
        None => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            rest[0].ty().name()
        ))),
    }
}

pub(super) fn m_startswith(vm: &mut Vm, args: Args) -> PyResult {
    tailmatch(vm, &args, "startswith", false)
}

pub(super) fn m_endswith(vm: &mut Vm, args: Args) -> PyResult {
    tailmatch(vm, &args, "endswith", true)
}

// ----- splitting and joining ---------------------------------------------------------

fn strs(parts: impl IntoIterator<Item = impl AsRef<str>>) -> PyRef {
    new_list(parts.into_iter().map(|p| make_str(p.as_ref())).collect())
}

/// `sep` and `maxsplit` of `split`/`rsplit`.
fn split_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a str, Option<PyRef>, usize)> {
    let x = receiver(args, name, "str")?;
    let s = text(x, name)?;
    let p = bind_method_args(args, name, &["sep", "maxsplit"], 0)?;
    let sep = p[0].clone().filter(|v| !is_none(v));
    if let Some(v) = &sep {
        match as_str(v) {
            None => {
                return Err(PyErr::type_error(format!(
                    "must be str or None, not {}",
                    v.ty().name()
                )));
            }
            Some("") => return Err(PyErr::value_error("empty separator")),
            Some(_) => {}
        }
    }
    let maxsplit = match &p[1] {
        Some(v) => as_isize(vm, v)?,
        None => -1,
    };
    let maxcount = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    Ok((s, sep, maxcount))
}

pub(super) fn split_whitespace(s: &str, maxcount: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let mut remaining = maxcount;
    loop {
        while let Some(&(_, c)) = it.peek() {
            if is_space(c) {
                it.next();
            } else {
                break;
            }
        }
        let Some(&(start, _)) = it.peek() else {
            return out;
        };
        if remaining == 0 {
            out.push(&s[start..]);
            return out;
        }
        let mut end = s.len();
        while let Some(&(i, c)) = it.peek() {
            if is_space(c) {
                end = i;
                break;
            }
            it.next();
        }
        out.push(&s[start..end]);
        remaining -= 1;
    }
}

pub(super) fn rsplit_whitespace(s: &str, maxcount: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut end = s.len();
    let mut remaining = maxcount;
    loop {
        let trimmed = s[..end].trim_end_matches(is_space);
        end = trimmed.len();
        if end == 0 {
            break;
        }
        if remaining == 0 {
            out.push(&s[..end]);
            break;
        }
        let start = s[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        out.push(&s[start..end]);
        end = start;
        remaining -= 1;
    }
    out.reverse();
    out
}

pub(super) fn m_split(vm: &mut Vm, args: Args) -> PyResult {
    let (s, sep, maxcount) = split_args(vm, &args, "split")?;
    Ok(match sep {
        None => strs(split_whitespace(s, maxcount)),
        Some(sep) => {
            let sep = &*str_of(&sep);
            let n = maxcount.saturating_add(1);
            strs(s.splitn(n, sep))
        }
    })
}

pub(super) fn m_rsplit(vm: &mut Vm, args: Args) -> PyResult {
    let (s, sep, maxcount) = split_args(vm, &args, "rsplit")?;
    Ok(match sep {
        None => strs(rsplit_whitespace(s, maxcount)),
        Some(sep) => {
            let sep = &*str_of(&sep);
            let n = maxcount.saturating_add(1);
            let mut parts: Vec<&str> = s.rsplitn(n, sep).collect();
            parts.reverse();
            strs(parts)
        }
    })
}

pub(super) fn m_join(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("str.join", &args, 1, 1)?;
    let sep = exact(x, "join")?;
    let seq = &rest[0];
    let s = &seq.ty().slots;
    if s.iter.get().is_none() && s.getitem.get().is_none() {
        return Err(PyErr::type_error("can only join an iterable"));
    }
    let items = vm.collect_iter(seq)?;
    if items.len() == 1 && items[0].is_exact(&STR_TYPE) {
        return Ok(items[0].clone());
    }
    let mut texts = Vec::with_capacity(items.len());
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        match str_text(it) {
            Some(t) => {
                total = total.saturating_add(t.len());
                texts.push(t);
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    it.ty().name()
                )));
            }
        }
    }
    if total == 0 {
        return Ok(make_str(""));
    }
    crate::object::str::try_build(total, |w| {
        for (i, t) in texts.iter().enumerate() {
            if i > 0 {
                w.push_text(sep);
            }
            w.push_text(t);
        }
    })
}

fn partition_impl(args: &Args, name: &str, reverse: bool) -> PyResult {
    let (s, rest) = recv(args, name, 1, 1)?;
    let sep = str_arg(&rest[0])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if reverse => ["", "", s],
        None => [s, "", ""],
    };
    Ok(new_tuple(parts.iter().map(|p| make_str(p)).collect()))
}

pub(super) fn m_partition(_vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(&args, "str.partition", false)
}

pub(super) fn m_rpartition(_vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(&args, "str.rpartition", true)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub(super) fn m_splitlines(vm: &mut Vm, args: Args) -> PyResult {
    let x = receiver(&args, "splitlines", "str")?;
    let s = text(x, "splitlines")?;
    let p = bind_method_args(&args, "splitlines", &["keepends"], 0)?;
    let keepends = match &p[0] {
        Some(v) => as_isize(vm, v)? != 0,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            eol += 1;
        }
        out.push(if keepends {
            &s[start..eol]
        } else {
            &s[start..i]
        });
        start = eol;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    Ok(strs(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split_matches_python() {
        assert_eq!(
            split_whitespace("  lead and trail  ", usize::MAX),
            vec!["lead", "and", "trail"]
        );
        assert_eq!(split_whitespace("a b  c  ", 1), vec!["a", "b  c  "]);
        assert_eq!(split_whitespace("   ", usize::MAX), Vec::<&str>::new());
        assert_eq!(split_whitespace("a\u{a0}b", usize::MAX), vec!["a", "b"]);
        assert_eq!(rsplit_whitespace("  a b  ", 1), vec!["  a", "b"]);
        assert_eq!(
            rsplit_whitespace(" x  y z ", usize::MAX),
            vec!["x", "y", "z"]
        );
        assert_eq!(rsplit_whitespace("a b", 0), vec!["a b"]);
        assert_eq!(split_whitespace(" a b", 0), vec!["a b"]);
    }
}
