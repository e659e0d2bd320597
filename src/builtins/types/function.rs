//! Functions and their relatives: Python functions (binding to methods through
//! `__get__`), bound methods, builtin functions and method descriptors, `property`,
//! `staticmethod`, `classmethod`, cells and code objects.

use super::{add_method, check_method_args};
use crate::object::dict::as_dict;
use crate::object::function::*;
use crate::object::handle::dealloc_fixed;
use crate::object::singletons::*;
use crate::object::str::{new_str, str_of, try_new_str};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::ops::no_attribute;
use crate::vm::{Args, Vm};
use std::cell::RefCell;

/// `MAKE_FUNCTION`: a function object for `code` in `globals`.
pub fn new_function(
    code: PyRef,
    globals: PyRef,
    builtins: PyRef,
    defaults: Option<PyRef>,
    kwdefaults: Option<PyRef>,
    closure: Option<PyRef>,
) -> PyRef {
    let (name, qualname, doc) = match code.downcast::<CodeData>() {
        Some(c) => (
            crate::object::str::intern(&c.code.name),
            new_str(&c.code.qualname),
            match c.consts.first() {
                Some(d)
                    if c.code.flags & crate::bytecode::flags::OPTIMIZED != 0
                        && d.is_exact(&STR_TYPE) =>
                {
                    d.clone()
                }
                _ => none(),
            },
        ),
        None => (new_str("?"), new_str("?"), none()),
    };
    let module = as_dict(&globals)
        .and_then(|g| g.get_item_str("__name__"))
        .unwrap_or_else(none);
    alloc(
        &FUNCTION_TYPE,
        FunctionData {
            code,
            globals,
            builtins,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            module: RefCell::new(module),
            doc: RefCell::new(doc),
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure,
            dict: RefCell::new(None),
        },
    )
}

fn bound_method(func: PyRef, self_obj: PyRef) -> PyRef {
    alloc(&METHOD_TYPE, BoundMethodData { func, self_obj })
}

fn function_descr_get(_vm: &mut Vm, f: &PyRef, obj: Option<&PyRef>, _ty: &PyRef) -> PyResult {
    match obj {
        Some(o) => Ok(bound_method(f.clone(), o.clone())),
        None => Ok(f.clone()),
    }
}

fn function_repr(_vm: &mut Vm, f: &PyRef) -> PyResult {
    let d = f.downcast::<FunctionData>().expect("function");
    try_new_str(&format!(
        "<function {} at {:#x}>",
        str_of(&d.qualname.borrow()),
        f.addr()
    ))
}

fn function_getattro(vm: &mut Vm, f: &PyRef, name: &PyRef) -> PyResult {
    let d = f.downcast::<FunctionData>().expect("function");
    let v = match &*str_of(name) {
        "__name__" => Some(d.name.borrow().clone()),
        "__qualname__" => Some(d.qualname.borrow().clone()),
        "__module__" => Some(d.module.borrow().clone()),
        "__doc__" => Some(d.doc.borrow().clone()),
        "__code__" => Some(d.code.clone()),
        "__globals__" => Some(d.globals.clone()),
        "__defaults__" => Some(d.defaults.borrow().clone().unwrap_or_else(none)),
        "__kwdefaults__" => Some(d.kwdefaults.borrow().clone().unwrap_or_else(none)),
        "__closure__" => Some(d.closure.clone().unwrap_or_else(none)),
        "__dict__" => crate::vm::ops::instance_dict_or_create(f),
        _ => None,
    };
    match v {
        Some(v) => Ok(v),
        None => vm.generic_getattr(f, name),
    }
}

fn function_setattro(vm: &mut Vm, f: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let d = f.downcast::<FunctionData>().expect("function");
    match (&*str_of(name), value) {
        ("__name__", Some(v)) if v.is_exact(&STR_TYPE) => {
            d.name.replace(v);
            Ok(())
        }
        ("__qualname__", Some(v)) if v.is_exact(&STR_TYPE) => {
            d.qualname.replace(v);
            Ok(())
        }
        ("__doc__", Some(v)) => {
            d.doc.replace(v);
            Ok(())
        }
        ("__module__", Some(v)) => {
            d.module.replace(v);
            Ok(())
        }
        ("__defaults__", Some(v)) => {
            d.defaults.replace(if is_none(&v) { None } else { Some(v) });
            Ok(())
        }
        (_, value) => vm.generic_setattr(f, name, value),
    }
}

fn method_repr(vm: &mut Vm, m: &PyRef) -> PyResult {
    let d = m.downcast::<BoundMethodData>().expect("method");
    let qual = match vm.getattr_opt(&d.func, "__qualname__")? {
        Some(q) => vm.str_string(&q)?,
        None => "?".into(),
    };
    let r = vm.repr_string(&d.self_obj)?;
    try_new_str(&format!("<bound method {qual} of {r}>"))
}

fn method_getattro(vm: &mut Vm, m: &PyRef, name: &PyRef) -> PyResult {
    let d = m.downcast::<BoundMethodData>().expect("method");
    match &*str_of(name) {
        "__func__" => Ok(d.func.clone()),
        "__self__" => Ok(d.self_obj.clone()),
        "__name__" | "__qualname__" | "__doc__" | "__module__" => {
            let f = d.func.clone();
            vm.getattr(&f, name)
        }
        _ => match vm.generic_getattr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if e.matches(&ATTRIBUTE_ERROR) => {
                let f = d.func.clone();
                vm.getattr(&f, name)
            }
            Err(e) => Err(e),
        },
    }
}

fn method_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (
        a.downcast::<BoundMethodData>(),
        b.downcast::<BoundMethodData>(),
    ) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let eq = x.self_obj.is(&y.self_obj) && vm.eq(&x.func, &y.func)?;
    Ok(py_bool(eq == (op == CompareOp::Eq)))
}

fn method_hash(vm: &mut Vm, m: &PyRef) -> PyResult<i64> {
    let d = m.downcast::<BoundMethodData>().expect("method");
    let h = vm.hash(&d.func)?;
    Ok(h ^ (d.self_obj.addr() >> 4) as i64)
}

/// Whether CPython exposes builtin method `name` as a slot wrapper (`wrapper_descriptor`:
/// the dunders backed by type slots) rather than a `method_descriptor`; the two word
/// their receiver errors differently.
fn is_slot_wrapper(name: &str) -> bool {
    name.starts_with("__")
        && name.ends_with("__")
        && !matches!(
            name,
            "__reversed__"
                | "__format__"
                | "__round__"
                | "__trunc__"
                | "__floor__"
                | "__ceil__"
                | "__sizeof__"
                | "__dir__"
                | "__reduce__"
                | "__reduce_ex__"
                | "__getstate__"
                | "__getnewargs__"
                | "__init_subclass__"
                | "__subclasshook__"
                | "__class_getitem__"
                | "__length_hint__"
                | "__copy__"
                | "__deepcopy__"
                | "__missing__"
        )
}

/// Calling a builtin function counts one level of recursion, as CPython's C function
/// calls do (`... while calling a Python object` when that is where the limit trips).
fn builtin_call(vm: &mut Vm, f: &PyRef, args: Args) -> PyResult {
    if vm.depth() >= vm.recursion_limit {
        return Err(PyErr::recursion_error(
            "maximum recursion depth exceeded while calling a Python object",
        ));
    }
    vm.native_call_depth += 1;
    let r = builtin_call_unguarded(vm, f, args);
    vm.native_call_depth -= 1;
    r
}

fn builtin_call_unguarded(vm: &mut Vm, f: &PyRef, args: Args) -> PyResult {
    let d = f.downcast::<BuiltinFunctionData>().expect("builtin");
    match &d.self_obj {
        Some(s) => {
            let mut full = Vec::with_capacity(args.args.len() + 1);
            full.push(s.clone());
            full.extend_from_slice(args.args);
            (d.func)(vm, Args::with_kwnames(&full, args.kwnames))
        }
        None => {
            if d.owner.is_some() && args.positional().is_empty() {
                let owner = d
                    .owner
                    .as_ref()
                    .map(as_type)
                    .map(|t| t.name().to_string())
                    .unwrap_or_default();
                return Err(PyErr::type_error(if is_slot_wrapper(d.name) {
                    format!(
                        "descriptor '{}' of '{owner}' object needs an argument",
                        d.name
                    )
                } else {
                    format!("unbound method {owner}.{}() needs an argument", d.name)
                }));
            }
            if let (Some(owner), Some(first)) = (&d.owner, args.args.first()) {
                let owner_t = as_type(owner);
                let classmethod = f.is_exact(&CLASSMETHOD_DESCRIPTOR_TYPE);
                if !classmethod && !first.ty().is_subtype(owner_t) {
                    return Err(PyErr::type_error(if is_slot_wrapper(d.name) {
                        format!(
                            "descriptor '{}' requires a '{}' object but received a '{}'",
                            d.name,
                            owner_t.name(),
                            first.ty().name()
                        )
                    } else {
                        format!(
                            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                            d.name,
                            owner_t.name(),
                            first.ty().name()
                        )
                    }));
                }
            }
            (d.func)(vm, args)
        }
    }
}

/// `meth_richcompare`: same function and the same bound receiver.
fn builtin_richcompare(_vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (
        a.downcast::<BuiltinFunctionData>(),
        b.downcast::<BuiltinFunctionData>(),
    ) else {
        return Ok(crate::object::singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.is_exact(&BUILTIN_FUNCTION_TYPE) {
        return Ok(crate::object::singletons::not_implemented());
    }
    let same_self = match (&x.self_obj, &y.self_obj) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    let eq = same_self && std::ptr::fn_addr_eq(x.func, y.func) && x.name == y.name;
    Ok(crate::object::singletons::py_bool(
        eq == (op == CompareOp::Eq),
    ))
}

/// `meth_hash`: from the receiver's identity and the function.
fn builtin_hash(_vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    let d = x.downcast::<BuiltinFunctionData>().expect("builtin");
    let receiver = d.self_obj.as_ref().map_or(0, |s| s.addr());
    let h = (receiver >> 4) ^ (d.func as usize >> 4);
    Ok(if h as i64 == -1 { -2 } else { h as i64 })
}

fn builtin_descr_get(_vm: &mut Vm, f: &PyRef, obj: Option<&PyRef>, ty: &PyRef) -> PyResult {
    let d = f.downcast::<BuiltinFunctionData>().expect("builtin");
    if d.self_obj.is_some() || d.owner.is_none() {
        return Ok(f.clone());
    }
    let target = if f.is_exact(&CLASSMETHOD_DESCRIPTOR_TYPE) {
        ty.clone()
    } else {
        match obj {
            Some(o) => o.clone(),
            None => return Ok(f.clone()),
        }
    };
    Ok(alloc(
        &BUILTIN_FUNCTION_TYPE,
        BuiltinFunctionData {
            name: d.name,
            func: d.func,
            self_obj: Some(target),
            owner: d.owner.clone(),
            module: d.module,
        },
    ))
}

fn builtin_repr(_vm: &mut Vm, f: &PyRef) -> PyResult {
    let d = f.downcast::<BuiltinFunctionData>().expect("builtin");
    let text = match (&d.self_obj, &d.owner) {
        (Some(s), _)
            if try_type(s).is_some() && f.is_exact(&BUILTIN_FUNCTION_TYPE) && d.owner.is_some() =>
        {
            format!(
                "<built-in method {} of type object at {:#x}>",
                d.name,
                s.addr()
            )
        }
        (Some(s), _) if d.module.is_none() => format!(
            "<built-in method {} of {} object at {:#x}>",
            d.name,
            s.ty().name(),
            s.addr()
        ),
        (None, Some(owner)) => format!(
            "<method '{}' of '{}' objects>",
            d.name,
            as_type(owner).name()
        ),
        _ => format!("<built-in function {}>", d.name),
    };
    try_new_str(&text)
}

fn builtin_getattro(vm: &mut Vm, f: &PyRef, name: &PyRef) -> PyResult {
    let d = f.downcast::<BuiltinFunctionData>().expect("builtin");
    match &*str_of(name) {
        "__name__" => Ok(new_str(d.name)),
        "__qualname__" => try_new_str(&match &d.owner {
            Some(o) => format!("{}.{}", as_type(o).name(), d.name),
            None => d.name.to_string(),
        }),
        "__self__" => Ok(d.self_obj.clone().unwrap_or_else(none)),
        "__doc__" => Ok(none()),
        "__module__" => Ok(match d.module {
            Some(m) => new_str(m),
            None if d.owner.is_none() => new_str("builtins"),
            None => none(),
        }),
        _ => vm.generic_getattr(f, name),
    }
}

// ----- property ----------------------------------------------------------------------

fn property_new(_vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult {
    Ok(alloc(
        as_type(cls),
        PropertyData {
            fget: RefCell::new(None),
            fset: RefCell::new(None),
            fdel: RefCell::new(None),
            doc: RefCell::new(None),
        },
    ))
}

fn opt(x: Option<&PyRef>) -> Option<PyRef> {
    x.filter(|v| !is_none(v)).cloned()
}

fn property_init(_vm: &mut Vm, p: &PyRef, args: Args) -> PyResult<()> {
    super::check_keywords("property", &args, &["fget", "fset", "fdel", "doc"])?;
    let pos = args.positional();
    if pos.len() > 4 {
        return Err(PyErr::type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            pos.len()
        )));
    }
    let d = p.downcast::<PropertyData>().expect("property");
    d.fget
        .replace(opt(pos.first().or(super::keyword(&args, "fget"))));
    d.fset
        .replace(opt(pos.get(1).or(super::keyword(&args, "fset"))));
    d.fdel
        .replace(opt(pos.get(2).or(super::keyword(&args, "fdel"))));
    d.doc
        .replace(opt(pos.get(3).or(super::keyword(&args, "doc"))));
    Ok(())
}

fn property_get(vm: &mut Vm, p: &PyRef, obj: Option<&PyRef>, _ty: &PyRef) -> PyResult {
    let Some(obj) = obj else {
        return Ok(p.clone());
    };
    let d = p.downcast::<PropertyData>().expect("property");
    let fget = d.fget.borrow().clone();
    match fget {
        Some(f) => vm.call_args(&f, std::slice::from_ref(obj)),
        None => Err(PyErr::attribute_error(format!(
            "property {}of '{}' object has no getter",
            property_name(vm, p),
            obj.ty().name()
        ))),
    }
}

fn property_name(vm: &mut Vm, p: &PyRef) -> String {
    let d = p.downcast::<PropertyData>().expect("property");
    let f = d.fget.borrow().clone();
    match f.and_then(|f| vm.getattr_opt(&f, "__name__").ok().flatten()) {
        Some(n) => format!("'{}' ", str_of(&n)),
        None => String::new(),
    }
}

fn property_set(vm: &mut Vm, p: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let d = p.downcast::<PropertyData>().expect("property");
    let (f, what) = match &value {
        Some(_) => (d.fset.borrow().clone(), "setter"),
        None => (d.fdel.borrow().clone(), "deleter"),
    };
    let Some(f) = f else {
        // A builtin type's read-only attribute (`int.real`) is a getset descriptor in
        // CPython, with its own wording naming the defining type.
        let native_getter = d
            .fget
            .borrow()
            .as_ref()
            .and_then(|g| g.downcast::<BuiltinFunctionData>().map(|b| b.name));
        if let Some(name) = native_getter {
            let owner = obj
                .ty()
                .mro_vec()
                .into_iter()
                .find(|t| {
                    as_type(t)
                        .dict_get_str(&crate::object::str::intern(name))
                        .is_some_and(|v| v.is(p))
                })
                .map_or_else(
                    || obj.ty().name().to_string(),
                    |t| as_type(&t).name().to_string(),
                );
            return Err(PyErr::attribute_error(format!(
                "attribute '{name}' of '{owner}' objects is not writable"
            )));
        }
        return Err(PyErr::attribute_error(format!(
            "property {}of '{}' object has no {what}",
            property_name(vm, p),
            obj.ty().name()
        )));
    };
    match value {
        Some(v) => vm.call_args(&f, &[obj.clone(), v])?,
        None => vm.call_args(&f, std::slice::from_ref(obj))?,
    };
    Ok(())
}

fn property_copy_with(p: &PyRef, which: usize, f: &PyRef) -> PyRef {
    let d = p.downcast::<PropertyData>().expect("property");
    let pick = |i: usize, cur: &RefCell<Option<PyRef>>| {
        if i == which {
            opt(Some(f))
        } else {
            cur.borrow().clone()
        }
    };
    alloc(
        p.ty(),
        PropertyData {
            fget: RefCell::new(pick(0, &d.fget)),
            fset: RefCell::new(pick(1, &d.fset)),
            fdel: RefCell::new(pick(2, &d.fdel)),
            doc: RefCell::new(d.doc.borrow().clone()),
        },
    )
}

fn m_getter(_vm: &mut Vm, args: Args) -> PyResult {
    let (p, a) = check_method_args("getter", &args, 1, 1)?;
    Ok(property_copy_with(p, 0, &a[0]))
}

fn m_setter(_vm: &mut Vm, args: Args) -> PyResult {
    let (p, a) = check_method_args("setter", &args, 1, 1)?;
    Ok(property_copy_with(p, 1, &a[0]))
}

fn m_deleter(_vm: &mut Vm, args: Args) -> PyResult {
    let (p, a) = check_method_args("deleter", &args, 1, 1)?;
    Ok(property_copy_with(p, 2, &a[0]))
}

fn property_getattro(vm: &mut Vm, p: &PyRef, name: &PyRef) -> PyResult {
    let d = p.downcast::<PropertyData>().expect("property");
    let v = match &*str_of(name) {
        "fget" => Some(d.fget.borrow().clone()),
        "fset" => Some(d.fset.borrow().clone()),
        "fdel" => Some(d.fdel.borrow().clone()),
        "__doc__" => Some(d.doc.borrow().clone()),
        _ => None,
    };
    match v {
        Some(v) => Ok(v.unwrap_or_else(none)),
        None => vm.generic_getattr(p, name),
    }
}

// ----- staticmethod / classmethod ----------------------------------------------------

fn staticmethod_new(_vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let a = super::check_args("staticmethod", &args, 1, 1)?;
    Ok(alloc(
        as_type(cls),
        StaticMethodData {
            callable: a[0].clone(),
        },
    ))
}

fn staticmethod_get(_vm: &mut Vm, s: &PyRef, _obj: Option<&PyRef>, _ty: &PyRef) -> PyResult {
    Ok(s.downcast::<StaticMethodData>()
        .expect("staticmethod")
        .callable
        .clone())
}

fn staticmethod_call(vm: &mut Vm, s: &PyRef, args: Args) -> PyResult {
    let f = s
        .downcast::<StaticMethodData>()
        .expect("staticmethod")
        .callable
        .clone();
    vm.call(&f, args)
}

fn classmethod_new(_vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let a = super::check_args("classmethod", &args, 1, 1)?;
    Ok(alloc(
        as_type(cls),
        ClassMethodData {
            callable: a[0].clone(),
        },
    ))
}

fn classmethod_get(_vm: &mut Vm, c: &PyRef, obj: Option<&PyRef>, ty: &PyRef) -> PyResult {
    let f = c
        .downcast::<ClassMethodData>()
        .expect("classmethod")
        .callable
        .clone();
    let cls = match (obj, try_type(ty)) {
        (_, Some(_)) => ty.clone(),
        (Some(o), None) => o.type_ref(),
        (None, None) => ty.clone(),
    };
    Ok(bound_method(f, cls))
}

fn wrapped_getattro(vm: &mut Vm, x: &PyRef, name: &PyRef) -> PyResult {
    let inner = if let Some(s) = x.downcast::<StaticMethodData>() {
        s.callable.clone()
    } else if let Some(c) = x.downcast::<ClassMethodData>() {
        c.callable.clone()
    } else {
        return Err(no_attribute(x, name));
    };
    match &*str_of(name) {
        "__func__" | "__wrapped__" => Ok(inner),
        "__name__" | "__qualname__" | "__doc__" => vm.getattr(&inner, name),
        _ => vm.generic_getattr(x, name),
    }
}

fn cell_repr(_vm: &mut Vm, c: &PyRef) -> PyResult {
    let d = c.downcast::<CellData>().expect("cell");
    try_new_str(&match &*d.contents.borrow() {
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            c.addr(),
            v.ty().name(),
            v.addr()
        ),
        None => format!("<cell at {:#x}: empty>", c.addr()),
    })
}

fn cell_getattro(vm: &mut Vm, c: &PyRef, name: &PyRef) -> PyResult {
    if str_of(name) == "cell_contents" {
        let d = c.downcast::<CellData>().expect("cell");
        return d
            .contents
            .borrow()
            .clone()
            .ok_or_else(|| PyErr::value_error("Cell is empty"));
    }
    vm.generic_getattr(c, name)
}

fn code_repr(_vm: &mut Vm, c: &PyRef) -> PyResult {
    let d = c.downcast::<CodeData>().expect("code");
    try_new_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        d.code.name,
        c.addr(),
        d.code.filename,
        d.code.first_line
    ))
}

fn code_getattro(vm: &mut Vm, c: &PyRef, name: &PyRef) -> PyResult {
    let d = c.downcast::<CodeData>().expect("code");
    let names = |v: &[PyRef]| new_tuple(v.to_vec());
    let kinds = &d.code.localsplus_kinds;
    let select = |mask: u8| -> PyRef {
        new_tuple(
            d.localsplus_names
                .iter()
                .zip(kinds)
                .filter(|(_, k)| **k & mask != 0)
                .map(|(n, _)| n.clone())
                .collect(),
        )
    };
    match &*str_of(name) {
        "co_name" => try_new_str(&d.code.name),
        "co_qualname" => try_new_str(&d.code.qualname),
        "co_filename" => try_new_str(&d.code.filename),
        "co_firstlineno" => Ok(crate::object::int::new_int(d.code.first_line as i64)),
        "co_argcount" => Ok(crate::object::int::new_int(d.code.argcount as i64)),
        "co_kwonlyargcount" => Ok(crate::object::int::new_int(d.code.kwonlyargcount as i64)),
        "co_posonlyargcount" => Ok(crate::object::int::new_int(d.code.posonlyargcount as i64)),
        "co_nlocals" => Ok(crate::object::int::new_int(d.code.nlocals() as i64)),
        "co_stacksize" => Ok(crate::object::int::new_int(d.code.stacksize as i64)),
        "co_flags" => Ok(crate::object::int::new_int(d.code.flags as i64)),
        "co_consts" => Ok(names(&d.consts)),
        "co_names" => Ok(names(&d.names)),
        "co_varnames" => Ok(select(crate::bytecode::kinds::LOCAL)),
        "co_cellvars" => Ok(select(crate::bytecode::kinds::CELL)),
        "co_freevars" => Ok(select(crate::bytecode::kinds::FREE)),
        _ => vm.generic_getattr(c, name),
    }
}

fn module_repr(_vm: &mut Vm, m: &PyRef) -> PyResult {
    let name = crate::builtins::modules::module_name(m);
    let file = crate::object::module::module_dict(m)
        .and_then(|d| as_dict(&d).and_then(|d| d.get_item_str("__file__")))
        .map(|f| str_of(&f).to_string());
    try_new_str(&match file {
        Some(f) => format!("<module '{name}' from '{f}'>"),
        None => format!("<module '{name}' (built-in)>"),
    })
}

pub fn init() {
    FUNCTION_TYPE.dealloc.set(dealloc_fixed::<FunctionData>);
    let s = &FUNCTION_TYPE.slots;
    s.descr_get.set(Some(function_descr_get));
    s.repr.set(Some(function_repr));
    s.getattro.set(Some(function_getattro));
    s.setattro.set(Some(function_setattro));
    s.hash.set(Some(|_vm, x| Ok((x.addr() >> 4) as i64)));

    METHOD_TYPE.dealloc.set(dealloc_fixed::<BoundMethodData>);
    let s = &METHOD_TYPE.slots;
    s.repr.set(Some(method_repr));
    s.getattro.set(Some(method_getattro));
    s.richcompare.set(Some(method_richcompare));
    s.hash.set(Some(method_hash));

    for ty in [
        &BUILTIN_FUNCTION_TYPE,
        &METHOD_DESCRIPTOR_TYPE,
        &CLASSMETHOD_DESCRIPTOR_TYPE,
    ] {
        ty.dealloc.set(dealloc_fixed::<BuiltinFunctionData>);
        let s = &ty.slots;
        s.call.set(Some(builtin_call));
        s.repr.set(Some(builtin_repr));
        s.getattro.set(Some(builtin_getattro));
        s.hash.set(Some(|_vm, x| Ok((x.addr() >> 4) as i64)));
    }
    // Bound builtin methods compare and hash by (receiver identity, function), so
    // `l.append == l.append` although each access makes a new object.
    BUILTIN_FUNCTION_TYPE
        .slots
        .richcompare
        .set(Some(builtin_richcompare));
    BUILTIN_FUNCTION_TYPE.slots.hash.set(Some(builtin_hash));
    METHOD_DESCRIPTOR_TYPE
        .slots
        .descr_get
        .set(Some(builtin_descr_get));
    CLASSMETHOD_DESCRIPTOR_TYPE
        .slots
        .descr_get
        .set(Some(builtin_descr_get));

    PROPERTY_TYPE.dealloc.set(dealloc_fixed::<PropertyData>);
    let s = &PROPERTY_TYPE.slots;
    s.new.set(Some(property_new));
    s.init.set(Some(property_init));
    s.descr_get.set(Some(property_get));
    s.descr_set.set(Some(property_set));
    s.getattro.set(Some(property_getattro));
    add_method(&PROPERTY_TYPE, "getter", m_getter);
    add_method(&PROPERTY_TYPE, "setter", m_setter);
    add_method(&PROPERTY_TYPE, "deleter", m_deleter);

    STATICMETHOD_TYPE
        .dealloc
        .set(dealloc_fixed::<StaticMethodData>);
    let s = &STATICMETHOD_TYPE.slots;
    s.new.set(Some(staticmethod_new));
    s.descr_get.set(Some(staticmethod_get));
    s.call.set(Some(staticmethod_call));
    s.getattro.set(Some(wrapped_getattro));
    CLASSMETHOD_TYPE
        .dealloc
        .set(dealloc_fixed::<ClassMethodData>);
    let s = &CLASSMETHOD_TYPE.slots;
    s.new.set(Some(classmethod_new));
    s.descr_get.set(Some(classmethod_get));
    s.getattro.set(Some(wrapped_getattro));

    CELL_TYPE.dealloc.set(dealloc_fixed::<CellData>);
    CELL_TYPE.slots.repr.set(Some(cell_repr));
    CELL_TYPE.slots.getattro.set(Some(cell_getattro));
    MODULE_TYPE
        .dealloc
        .set(dealloc_fixed::<crate::object::module::ModuleData>);
    MODULE_TYPE.slots.repr.set(Some(module_repr));
    CODE_TYPE.dealloc.set(dealloc_fixed::<CodeData>);
    TRACEBACK_TYPE
        .dealloc
        .set(dealloc_fixed::<crate::object::misc::TracebackData>);
    CODE_TYPE.slots.repr.set(Some(code_repr));
    CODE_TYPE.slots.getattro.set(Some(code_getattro));
}
