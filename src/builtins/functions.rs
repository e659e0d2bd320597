//! The builtin functions of the `builtins` module (`print`, `len`, `isinstance`,
//! `sorted`, `min`/`max`, `getattr`…), with CPython's argument checking and messages.
//! Numeric ones (`abs`, `divmod`, `pow`, `round`, `hex`…) live in `numeric.rs`.

use super::types::{check_args, check_keywords, keyword, new_builtin_function};
use crate::object::dict::{DictData, as_dict, new_dict};
use crate::object::int::{IntValue, int_value, new_int};
use crate::object::list::new_list;
use crate::object::singletons::*;
use crate::object::str::{as_str, is_str, new_str, str_of, str_text, try_new_text};
use crate::object::tuple::as_tuple;
use crate::object::*;
use crate::text::{Text, TextBuf};
use crate::vm::{Args, Vm};

fn write_to(vm: &mut Vm, file: Option<&PyRef>, text: &Text) -> PyResult<()> {
    match file {
        Some(f) if !is_none(f) => {
            let s = try_new_text(text)?;
            vm.call_method(f, "write", &[s])?;
            Ok(())
        }
        _ => super::io::write_stdout_text(vm, text),
    }
}

fn print(vm: &mut Vm, args: Args) -> PyResult {
    check_keywords("print", &args, &["sep", "end", "file", "flush"])?;
    let text_arg = |vm: &mut Vm, name: &str, default: &str| -> PyResult<TextBuf> {
        match keyword(&args, name) {
            None => Ok(default.into()),
            Some(v) if is_none(v) => Ok(default.into()),
            Some(v) => match str_text(v) {
                Some(s) => Ok(s.to_owned()),
                None => {
                    let _ = vm;
                    Err(PyErr::type_error(format!(
                        "{name} must be None or a string, not {}",
                        v.ty().name()
                    )))
                }
            },
        }
    };
    let sep = text_arg(vm, "sep", " ")?;
    let end = text_arg(vm, "end", "\n")?;
    let file = keyword(&args, "file").cloned();
    let file = match file {
        Some(f) if !is_none(&f) => Some(f),
        _ => {
            let sys_stdout = crate::builtins::modules::sys_attr(vm, "stdout");
            // `sys.stdout = None` (CPython: stdout not connected): print does nothing.
            if sys_stdout.as_ref().is_none_or(is_none) {
                return Ok(none());
            }
            sys_stdout.filter(|s| !crate::builtins::modules::is_default_stdout(s))
        }
    };
    // CPython converts and writes piece by piece: a file object sees one `write` per
    // piece, and what precedes an argument whose `str()` fails is still written. To
    // stdout the pieces are gathered and written at once, except a piece holding a
    // surrogate, which goes alone (its UnicodeEncodeError must leave what precedes
    // it written and report positions within the piece).
    let mut text = TextBuf::new();
    let emit = |vm: &mut Vm, text: &mut TextBuf, piece: &Text| -> PyResult<()> {
        if file.is_some() || piece.has_surrogates() {
            if !text.is_empty() {
                write_to(vm, file.as_ref(), &std::mem::take(text))?;
            }
            write_to(vm, file.as_ref(), piece)
        } else {
            text.push_text(piece);
            Ok(())
        }
    };
    for (i, a) in args.positional().iter().enumerate() {
        if i > 0 {
            emit(vm, &mut text, &sep)?;
        }
        let s = match vm.str(a) {
            Ok(s) => s,
            Err(e) => {
                if !text.is_empty() {
                    write_to(vm, file.as_ref(), &text)?;
                }
                return Err(e);
            }
        };
        emit(vm, &mut text, str_text(&s).unwrap_or(Text::new("")))?;
    }
    emit(vm, &mut text, &end)?;
    if !text.is_empty() {
        write_to(vm, file.as_ref(), &text)?;
    }
    if let Some(f) = keyword(&args, "flush")
        && vm.is_true(f)?
    {
        match &file {
            Some(f) => {
                vm.call_method(f, "flush", &[])?;
            }
            None => {
                let _ = super::io::flush_stdout();
            }
        }
    }
    Ok(none())
}

fn input(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("input", &args, 0, 1)?;
    if let Some(prompt) = a.first() {
        let s = vm.str(prompt)?;
        write_to(vm, None, str_text(&s).unwrap_or(Text::new("")))?;
        let _ = super::io::flush_stdout();
    }
    let mut line = Vec::new();
    let n = std::io::BufRead::read_until(&mut std::io::stdin().lock(), b'\n', &mut line)
        .map_err(|e| super::io::os_error(vm, &e))?;
    let text = super::io::decode_stdin(&line[..n])?;
    // End of input, also when every byte read was dropped (`ignore`).
    if text.is_empty() {
        return Err(PyErr::new(&EOF_ERROR, "EOF when reading a line"));
    }
    // Only the newline goes: python3 keeps the '\r' of a "\r\n" line from a pipe.
    let bytes = text.as_bytes();
    let text = text.slice(0, bytes.len() - usize::from(bytes.ends_with(b"\n")));
    try_new_text(text)
}

fn len(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("len", &args, 1, 1)?;
    Ok(new_int(vm.len(&a[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("repr", &args, 1, 1)?;
    vm.repr(&a[0])
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("ascii", &args, 1, 1)?;
    vm.ascii(&a[0])
}

fn format(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("format", &args, 1, 2)?;
    let spec = a.get(1).cloned().unwrap_or_else(|| new_str(""));
    if !is_str(&spec) {
        return Err(PyErr::type_error(format!(
            "format() argument 2 must be str, not {}",
            crate::builtins::types::arg_type_name(&spec)
        )));
    }
    vm.format(&a[0], &spec)
}

/// `isinstance`/`issubclass` second argument: a class or a (nested) tuple of classes.
fn class_check(vm: &mut Vm, ty: &TypeObject, cls: &PyRef, fname: &str) -> PyResult<bool> {
    if let Some(items) = as_tuple(cls) {
        vm.enter_recursive_call(if fname == "issubclass" {
            " in __subclasscheck__"
        } else {
            " in __instancecheck__"
        })?;
        let mut found = Ok(false);
        for c in items {
            found = class_check(vm, ty, c, fname);
            if !matches!(found, Ok(false)) {
                break;
            }
        }
        vm.leave_recursive_call();
        return found;
    }
    match try_type(cls) {
        Some(t) => Ok(ty.is_subtype(t)),
        None => Err(PyErr::type_error(if fname == "issubclass" {
            format!("{fname}() arg 2 must be a class, a tuple of classes, or a union")
        } else {
            format!("{fname}() arg 2 must be a type, a tuple of types, or a union")
        })),
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("isinstance", &args, 2, 2)?;
    let ty = a[0].ty();
    Ok(py_bool(class_check(vm, ty, &a[1], "isinstance")?))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("issubclass", &args, 2, 2)?;
    let Some(t) = try_type(&a[0]) else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    Ok(py_bool(class_check(vm, t, &a[1], "issubclass")?))
}

fn id(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("id", &args, 1, 1)?;
    Ok(crate::object::int::new_bigint(num_bigint::BigInt::from(
        a[0].addr(),
    )))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("hash", &args, 1, 1)?;
    Ok(new_int(vm.hash(&a[0])?))
}

/// `callable(x)`: whether calling `x` can work.
fn is_callable(x: &PyRef) -> bool {
    x.ty().slots.call.get().is_some()
        || x.downcast::<crate::object::function::FunctionData>()
            .is_some()
        || x.downcast::<crate::object::function::BoundMethodData>()
            .is_some()
}

fn callable(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("callable", &args, 1, 1)?;
    Ok(py_bool(is_callable(&a[0])))
}

fn attr_name(name: &PyRef, _fname: &str) -> PyResult<PyRef> {
    if is_str(name) {
        Ok(crate::object::str::intern_str(name))
    } else {
        Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            name.ty().name()
        )))
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("getattr", &args, 2, 3)?;
    if !is_str(&a[1]) {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            a[1].ty().name()
        )));
    }
    let name = attr_name(&a[1], "getattr")?;
    match vm.getattr(&a[0], &name) {
        Err(e) if a.len() == 3 && e.matches(&ATTRIBUTE_ERROR) => Ok(a[2].clone()),
        r => r,
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("setattr", &args, 3, 3)?;
    let name = attr_name(&a[1], "setattr")?;
    vm.setattr(&a[0], &name, Some(a[2].clone()))?;
    Ok(none())
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("delattr", &args, 2, 2)?;
    let name = attr_name(&a[1], "delattr")?;
    vm.setattr(&a[0], &name, None)?;
    Ok(none())
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("hasattr", &args, 2, 2)?;
    let name = attr_name(&a[1], "hasattr")?;
    match vm.getattr(&a[0], &name) {
        Ok(_) => Ok(py_bool(true)),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(py_bool(false)),
        Err(e) => Err(e),
    }
}

fn iter(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("iter", &args, 1, 2)?;
    if a.len() == 2 {
        if !is_callable(&a[0]) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::object::iter::new_iter(
            &CALLABLE_ITERATOR_TYPE,
            crate::object::iter::IterState::Callable {
                func: a[0].clone(),
                sentinel: a[1].clone(),
            },
        ));
    }
    vm.get_iter(&a[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("next", &args, 1, 2)?;
    if a[0].ty().slots.iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            a[0].ty().name()
        )));
    }
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration()),
        },
    }
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult {
    check_keywords("sorted", &args, &["key", "reverse"])?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            pos.len()
        )));
    }
    let items = vm.collect_sized(&pos[0])?;
    // `reverse` is converted like a C int, as `list.sort` does it.
    let reverse = match keyword(&args, "reverse") {
        Some(r) => !matches!(
            crate::builtins::types::int::index_value(vm, r)?,
            IntValue::Small(0)
        ),
        None => false,
    };
    let list = new_list(items);
    let key = keyword(&args, "key").cloned();
    let mut margs = vec![list.clone()];
    let mut names = Vec::new();
    if let Some(k) = key {
        margs.push(k);
        names.push(crate::object::str::intern("key"));
    }
    if reverse {
        margs.push(py_bool(true));
        names.push(crate::object::str::intern("reverse"));
    }
    // list.sort's implementation directly: sorted() is one builtin call, not two.
    crate::builtins::types::list::m_sort(vm, Args::with_kwnames(&margs, &names))?;
    Ok(list)
}

fn min_max(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult {
    check_keywords(name, &args, &["key", "default"])?;
    let pos = args.positional();
    let key = keyword(&args, "key").filter(|k| !is_none(k)).cloned();
    let default = keyword(&args, "default").cloned();
    // One item at a time from an iterator, as CPython: a key function that
    // mutates the iterable sees the change.
    let it = match pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        1 => vm.get_iter(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            vm.get_iter(&crate::object::tuple::new_tuple(pos.to_vec()))?
        }
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    while let Some(x) = vm.next(&it)? {
        let k = match &key {
            Some(f) => vm.call_args(f, std::slice::from_ref(&x))?,
            None => x.clone(),
        };
        best = match best {
            None => Some((k, x)),
            Some((bk, bx)) => {
                if vm.compare_bool(&k, &bk, op)? {
                    Some((k, x))
                } else {
                    Some((bk, bx))
                }
            }
        };
    }
    match best {
        Some((_, x)) => Ok(x),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn min(vm: &mut Vm, args: Args) -> PyResult {
    min_max(vm, args, "min", CompareOp::Lt)
}

fn max(vm: &mut Vm, args: Args) -> PyResult {
    min_max(vm, args, "max", CompareOp::Gt)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult {
    check_keywords("sum", &args, &["start"])?;
    let pos = args.positional();
    if pos.is_empty() {
        return Err(PyErr::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let start = pos
        .get(1)
        .or(keyword(&args, "start"))
        .cloned()
        .unwrap_or_else(|| new_int(0));
    if start.is_exact(&STR_TYPE) {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = vm.get_iter(&pos[0])?;
    let mut acc = start;
    // Fast path for machine ints.
    let mut small: Option<i64> = match int_value(&acc) {
        Some(IntValue::Small(v)) if acc.is_exact(&INT_TYPE) => Some(*v),
        _ => None,
    };
    while let Some(x) = vm.next(&it)? {
        if let (Some(s), Some(IntValue::Small(v))) = (small, int_value(&x))
            && x.is_exact(&INT_TYPE)
            && let Some(r) = s.checked_add(*v)
        {
            small = Some(r);
            continue;
        }
        if let Some(s) = small.take() {
            acc = new_int(s);
        }
        acc = vm.binary_op(&acc, &x, 0)?;
    }
    Ok(match small {
        Some(s) => new_int(s),
        None => acc,
    })
}

fn any_all(vm: &mut Vm, args: Args, name: &str, want: bool) -> PyResult {
    let a = check_args(name, &args, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.is_true(&x)? == want {
            return Ok(py_bool(want));
        }
    }
    Ok(py_bool(!want))
}

fn any(vm: &mut Vm, args: Args) -> PyResult {
    any_all(vm, args, "any", true)
}

fn all(vm: &mut Vm, args: Args) -> PyResult {
    any_all(vm, args, "all", false)
}

fn ord(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("ord", &args, 1, 1)?;
    match str_text(&a[0]) {
        Some(t) => {
            let mut chars = t.code_points();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(new_int(i64::from(c))),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    crate::object::str::char_len(&a[0])
                ))),
            }
        }
        None => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            a[0].ty().name()
        ))),
    }
}

fn chr(_vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("chr", &args, 1, 1)?;
    // A C int, through `__index__`.
    let v = match crate::builtins::types::int::index_value(_vm, &a[0])? {
        IntValue::Small(v) if i32::try_from(v).is_ok() => v,
        _ => return Err(PyErr::overflow("Python int too large to convert to C int")),
    };
    if !(0..=0x10ffff).contains(&v) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    let mut buf = [0u8; 4];
    let bytes = crate::text::encode_code_point(v as u32, &mut buf);
    Ok(match std::str::from_utf8(bytes) {
        Ok(c) if c.len() == 1 => crate::object::str::intern(c),
        Ok(_) | Err(_) => crate::object::str::new_text(Text::from_generalized(bytes)),
    })
}

fn current_globals(vm: &Vm) -> PyResult<PyRef> {
    vm.frames
        .last()
        .map(|f| f.globals.clone())
        .ok_or_else(|| PyErr::runtime_error("no current frame"))
}

fn globals(vm: &mut Vm, args: Args) -> PyResult {
    check_args("globals", &args, 0, 0)?;
    current_globals(vm)
}

/// `locals()`: the frame's locals dict (module/class) or a snapshot of its fast locals.
pub fn locals_of_current_frame(vm: &mut Vm) -> PyResult {
    let Some(f) = vm.frames.last() else {
        return Err(PyErr::runtime_error("no current frame"));
    };
    if let Some(l) = &f.locals {
        return Ok(l.clone());
    }
    let code = f
        .code
        .downcast::<crate::object::function::CodeData>()
        .expect("code");
    // Module-level code has no fast locals: its namespace is its globals.
    if code.code.flags & crate::bytecode::flags::OPTIMIZED == 0 {
        return Ok(f.globals.clone());
    }
    let d = new_dict();
    let dd: &DictData = as_dict(&d).expect("dict");
    for (i, name) in code.localsplus_names.iter().enumerate() {
        let kind = code.code.localsplus_kinds[i];
        let v = match &f.fast[i] {
            Some(v)
                if kind & (crate::bytecode::kinds::CELL | crate::bytecode::kinds::FREE) != 0 =>
            {
                v.downcast::<crate::object::function::CellData>()
                    .and_then(|c| c.contents.borrow().clone())
            }
            other => other.clone(),
        };
        if let Some(v) = v {
            dd.set_str(name.clone(), v);
        }
    }
    Ok(d)
}

fn locals(vm: &mut Vm, args: Args) -> PyResult {
    check_args("locals", &args, 0, 0)?;
    locals_of_current_frame(vm)
}

fn vars(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("vars", &args, 0, 1)?;
    match a.first() {
        None => locals_of_current_frame(vm),
        Some(x) => match vm.getattr_opt(x, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(PyErr::type_error(
                "vars() argument must have __dict__ attribute",
            )),
        },
    }
}

/// The sorted attribute names `dir(x)` lists.
pub fn dir_names(vm: &mut Vm, x: &PyRef) -> PyResult<Vec<String>> {
    let l = dir(vm, Args::new(std::slice::from_ref(x)))?;
    Ok(crate::object::list::as_list(&l)
        .map(|l| l.to_vec().iter().map(|n| str_of(n).to_string()).collect())
        .unwrap_or_default())
}

fn dir(vm: &mut Vm, args: Args) -> PyResult {
    let a = check_args("dir", &args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |d: &PyRef| {
        if let Some(dd) = as_dict(d) {
            for k in dd.keys() {
                if let Some(s) = as_str(&k) {
                    names.push(s.to_string());
                }
            }
        }
    };
    match a.first() {
        None => {
            let l = locals_of_current_frame(vm)?;
            add_dict(&l);
        }
        Some(x) => {
            if let Some(t) = try_type(x) {
                for c in t.mro_vec() {
                    add_dict(&as_type(&c).dict());
                }
            } else {
                if let Some(d) = crate::vm::ops::instance_dict(x) {
                    add_dict(&d);
                }
                for c in x.ty().mro_vec() {
                    add_dict(&as_type(&c).dict());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(new_list(names.iter().map(|n| new_str(n)).collect()))
}

/// Register every function of this file in the builtins dict.
pub fn register(b: &DictData) {
    let fns: &[(&'static str, crate::object::function::NativeFn)] = &[
        ("print", print),
        ("input", input),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("format", format),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("iter", iter),
        ("next", next),
        ("sorted", sorted),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("any", any),
        ("all", all),
        ("ord", ord),
        ("chr", chr),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
    ];
    for (name, f) in fns {
        b.set_item_str(name, new_builtin_function(name, *f, None));
    }
    b.set_item_str(
        "__build_class__",
        super::types::typeobject::build_class_builtin(),
    );
}
