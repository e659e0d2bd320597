//! The exception hierarchy's behaviour: construction (`args`), `str`/`repr` (KeyError's
//! `str` is the key's repr), the `__traceback__`/`__cause__`/`__context__`/
//! `__suppress_context__` attributes, `SystemExit.code` and `StopIteration.value`.

use crate::object::exception::{ExceptionData, as_exception};
use crate::object::handle::dealloc_fixed;
use crate::object::singletons::*;
use crate::object::str::{new_str, str_of, try_new_str};
use crate::object::tuple::{new_tuple, tuple_from_slice, tuple_items};
use crate::object::*;
use crate::vm::{Args, Vm};

/// Instantiate exception class `cls` with positional `args` (`raise C` / `raise C(x)`).
pub fn exception_new_instance(vm: &mut Vm, cls: &PyRef, args: &[PyRef]) -> PyResult {
    vm.call(cls, Args::new(args))
}

/// Set `exc.__context__` (the exception being handled when `exc` was raised), avoiding
/// cycles in the context chain as CPython does.
pub fn set_context(exc: &PyRef, context: PyRef) {
    let Some(d) = as_exception(exc) else { return };
    if d.context.borrow().is_some() {
        return;
    }
    // Break a cycle: if `exc` already appears in `context`'s chain, cut it there.
    let mut cur = Some(context.clone());
    while let Some(c) = cur {
        let Some(cd) = as_exception(&c) else { break };
        let next = cd.context.borrow().clone();
        if let Some(n) = &next
            && n.is(exc)
        {
            cd.context.replace(None);
            break;
        }
        cur = next;
    }
    d.context.replace(Some(context));
}

fn data(x: &PyRef) -> &ExceptionData {
    as_exception(x).expect("exception")
}

/// The member attributes exception type `ty` defines (besides `args` and the
/// traceback/chaining attributes), which its constructor also takes as keywords.
pub fn member_names(ty: &TypeObject) -> &'static [&'static str] {
    if ty.is_subtype(&OS_ERROR) {
        &["errno", "strerror", "filename", "filename2"]
    } else if ty.is_subtype(&ATTRIBUTE_ERROR) {
        &["name", "obj"]
    } else if ty.is_subtype(&NAME_ERROR) {
        &["name"]
    } else {
        &[]
    }
}

fn exc_init(_vm: &mut Vm, x: &PyRef, args: Args) -> PyResult<()> {
    let ty = x.ty();
    // NameError and AttributeError take their members as keywords; a class statement's
    // subclass leaves keywords to its own __init__.
    let keyword_members: &[&str] = if ty.is_subtype(&OS_ERROR) {
        &[]
    } else {
        member_names(ty)
    };
    if args.has_keywords() && !ty.has_flag(crate::object::typeobj::flags::HEAPTYPE) {
        let name = ty.name();
        if keyword_members.is_empty() {
            return Err(PyErr::type_error(format!(
                "{name}() takes no keyword arguments"
            )));
        }
        let given = args.keywords().count();
        if given > keyword_members.len() {
            let n = keyword_members.len();
            let plural = if n == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{name}() takes at most {n} keyword argument{plural} ({given} given)"
            )));
        }
        for (k, v) in args.keywords() {
            let k = &*str_of(k);
            if !keyword_members.contains(&k) {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                )));
            }
            crate::object::exception::set_member(x, k, v.clone());
        }
    }
    data(x).args.replace(tuple_from_slice(args.positional()));
    Ok(())
}

fn exc_str(vm: &mut Vm, x: &PyRef) -> PyResult {
    let args = data(x).args.borrow().clone();
    let items = tuple_items(&args);
    match items.len() {
        0 => Ok(new_str("")),
        1 => {
            if x.ty().is_subtype(&KEY_ERROR) {
                vm.repr(&items[0])
            } else {
                vm.str(&items[0])
            }
        }
        _ => vm.str(&args),
    }
}

fn exc_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let args = data(x).args.borrow().clone();
    let items = tuple_items(&args);
    let name = x.ty().name().to_string();
    let inner = if items.len() == 1 {
        vm.repr_string(&items[0])?
    } else {
        let r = vm.repr_string(&args)?;
        r[1..r.len() - 1].trim_end_matches(',').to_string()
    };
    try_new_str(&format!("{name}({inner})"))
}

fn opt_or_none(x: Option<PyRef>) -> PyRef {
    x.unwrap_or_else(none)
}

fn exc_getattro(vm: &mut Vm, x: &PyRef, name: &PyRef) -> PyResult {
    let d = data(x);
    let first_or = |items: &[PyRef]| match items.len() {
        0 => none(),
        1 => items[0].clone(),
        _ => tuple_from_slice(items),
    };
    match &*str_of(name) {
        "args" => return Ok(d.args.borrow().clone()),
        "__traceback__" => return Ok(opt_or_none(d.traceback.borrow().clone())),
        "__cause__" => return Ok(opt_or_none(d.cause.borrow().clone())),
        "__context__" => return Ok(opt_or_none(d.context.borrow().clone())),
        "__suppress_context__" => return Ok(py_bool(d.suppress_context.get())),
        "code" if x.ty().is_subtype(&SYSTEM_EXIT) => {
            return Ok(first_or(tuple_items(&d.args.borrow())));
        }
        "value" if x.ty().is_subtype(&STOP_ITERATION) => {
            return Ok(tuple_items(&d.args.borrow())
                .first()
                .cloned()
                .unwrap_or_else(none));
        }
        n if member_names(x.ty()).contains(&n) => {
            return Ok(crate::object::exception::member(x, n).unwrap_or_else(none));
        }
        _ => {}
    }
    vm.generic_getattr(x, name)
}

fn exc_setattro(vm: &mut Vm, x: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let d = data(x);
    let not_none = |v: &PyRef| if is_none(v) { None } else { Some(v.clone()) };
    match (&*str_of(name), &value) {
        ("args", Some(v)) => {
            let t = new_tuple(vm.collect_iter(v)?);
            d.args.replace(t);
            Ok(())
        }
        ("__traceback__", Some(v)) => {
            d.traceback.replace(not_none(v));
            Ok(())
        }
        ("__cause__", Some(v)) => {
            d.cause.replace(not_none(v));
            d.suppress_context.set(true);
            Ok(())
        }
        ("__context__", Some(v)) => {
            d.context.replace(not_none(v));
            Ok(())
        }
        ("__suppress_context__", Some(v)) => {
            let b = vm.is_true(v)?;
            d.suppress_context.set(b);
            Ok(())
        }
        (n, _) if member_names(x.ty()).contains(&n) => {
            crate::object::exception::set_member(x, n, value.unwrap_or_else(none));
            Ok(())
        }
        _ => vm.generic_setattr(x, name, value),
    }
}

fn m_with_traceback(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, a) = super::check_method_args("with_traceback", &args, 1, 1)?;
    data(x).traceback.replace(if is_none(&a[0]) {
        None
    } else {
        Some(a[0].clone())
    });
    Ok(x.clone())
}

fn m_init(vm: &mut Vm, args: Args) -> PyResult {
    let x = args.args.first().ok_or_else(|| {
        PyErr::type_error("descriptor '__init__' of 'BaseException' object needs an argument")
    })?;
    exc_init(vm, x, args.skip_self())?;
    Ok(none())
}

fn m_str(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = super::check_method_args("__str__", &args, 0, 0)?;
    exc_str(vm, x)
}

fn m_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = super::check_method_args("__repr__", &args, 0, 0)?;
    exc_repr(vm, x)
}

pub fn init() {
    for ty in EXCEPTION_TYPES {
        ty.dealloc.set(dealloc_fixed::<ExceptionData>);
        let s = &ty.slots;
        s.new.set(Some(super::object::object_new_exception));
        s.init.set(Some(exc_init));
        s.str.set(Some(exc_str));
        s.repr.set(Some(exc_repr));
        s.getattro.set(Some(exc_getattro));
        s.setattro.set(Some(exc_setattro));
        s.hash.set(Some(|_vm, x| Ok((x.addr() >> 4) as i64)));
        s.richcompare.set(
            BASE_EXCEPTION
                .slots
                .richcompare
                .get()
                .or(OBJECT_TYPE.slots.richcompare.get()),
        );
    }
    super::add_method(&BASE_EXCEPTION, "with_traceback", m_with_traceback);
    super::add_method(&BASE_EXCEPTION, "__init__", m_init);
    super::add_method(&BASE_EXCEPTION, "__str__", m_str);
    super::add_method(&BASE_EXCEPTION, "__repr__", m_repr);
}
