//! Behaviour of the builtin types: their slots and methods, installed on the static
//! type objects when the runtime starts (`init_all`).
//!
//! One file per type (or family). Each has an `init()` that sets the type's `dealloc`
//! slot and its other slots, and adds its methods to the type dict with [`add_method`].
//! Argument checking helpers with CPython's messages live here too.

pub mod containers;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod getset;
pub mod int;
pub mod iterators;
pub mod list;
pub mod mappingproxy;
pub mod object;
pub mod oserror;
pub mod set;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod typeobject;

use crate::object::function::{BuiltinFunctionData, NativeFn};
use crate::object::*;
use crate::vm::Args;

/// Install every builtin type's behaviour (runtime start-up).
pub fn init_all() {
    object::init();
    typeobject::init();
    int::init();
    float::init();
    str::init();
    tuple::init();
    list::init();
    dict::init();
    set::init();
    slice::init();
    iterators::init();
    function::init();
    containers::init();
    mappingproxy::init();
    getset::init();
    exceptions::init();
    oserror::init();
}

/// A builtin function object (`len`, `math.sqrt`).
pub fn new_builtin_function(
    name: &'static str,
    func: NativeFn,
    module: Option<&'static str>,
) -> PyRef {
    alloc(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunctionData {
            name,
            func,
            self_obj: None,
            owner: None,
            module,
        },
    )
}

/// The type name CPython's argument errors print: `None` for None (`must be str, not
/// None`), else the type's name.
pub fn arg_type_name(x: &PyRef) -> &str {
    if crate::object::singletons::is_none(x) {
        "None"
    } else {
        x.ty().name()
    }
}

/// A `crate::format` error as the Python exception it names.
pub fn format_error(e: crate::format::FormatError) -> PyErr {
    use crate::format::ErrorKind;
    match e.kind {
        ErrorKind::ValueError => PyErr::value_error(e.message),
        ErrorKind::TypeError => PyErr::type_error(e.message),
        ErrorKind::OverflowError => PyErr::overflow(e.message),
        ErrorKind::MemoryError => PyErr::bare(&MEMORY_ERROR),
    }
}

/// Add a method to a builtin type: `ty.name(self, *args)` calls `func` with the receiver
/// as `args[0]`.
pub fn add_method(ty: &TypeObject, name: &'static str, func: NativeFn) {
    let m = alloc(
        &METHOD_DESCRIPTOR_TYPE,
        BuiltinFunctionData {
            name,
            func,
            self_obj: None,
            owner: Some(ty.as_object()),
            module: None,
        },
    );
    dict::dict_data(&ty.dict()).set_item_str(name, m);
}

/// Add a class method (`dict.fromkeys`): `func` receives the class as `args[0]`.
pub fn add_classmethod(ty: &TypeObject, name: &'static str, func: NativeFn) {
    let m = alloc(
        &CLASSMETHOD_DESCRIPTOR_TYPE,
        BuiltinFunctionData {
            name,
            func,
            self_obj: None,
            owner: Some(ty.as_object()),
            module: None,
        },
    );
    dict::dict_data(&ty.dict()).set_item_str(name, m);
}

/// Set a plain attribute in a builtin type's dict.
pub fn add_attr(ty: &TypeObject, name: &str, value: PyRef) {
    dict::dict_data(&ty.dict()).set_item_str(name, value);
}

/// Check a builtin's argument count; CPython's messages. Keywords are rejected
/// (`f() takes no keyword arguments`) unless the builtin handles them itself.
pub fn check_args<'a>(
    name: &str,
    args: &Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [PyRef]> {
    if args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    let pos = args.positional();
    let n = pos.len();
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(pos)
}

/// Like [`check_args`] for a method: `args[0]` is the receiver and is not counted.
pub fn check_method_args<'a>(
    name: &str,
    args: &Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    // A builtin method rejects keywords under its qualified name (`str.replace()`).
    if args.has_keywords()
        && !name.contains('.')
        && let Some(receiver) = args.args.first()
    {
        return Err(PyErr::type_error(format!(
            "{}.{name}() takes no keyword arguments",
            receiver.ty().name()
        )));
    }
    let rest = check_args(name, &args.skip_self(), min, max)?;
    Ok((&args.args[0], rest))
}

/// The value of keyword argument `name`, if given.
pub fn keyword<'a>(args: &Args<'a>, name: &str) -> Option<&'a PyRef> {
    args.keywords()
        .find(|(k, _)| crate::object::str::str_of(k) == name)
        .map(|(_, v)| v)
}

/// Reject keywords other than `allowed`.
pub fn check_keywords(fname: &str, args: &Args, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in args.keywords() {
        let k = &*crate::object::str::str_of(k);
        if !allowed.contains(&k) {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(())
}
