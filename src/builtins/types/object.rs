//! `object`: the root type's slots (`__new__`, `__init__`, `__repr__`, `__eq__`,
//! `__hash__`, generic attribute access) and the `None`/`NotImplemented`/`Ellipsis`
//! singletons' types.

use super::add_method;
use crate::object::handle::dealloc_fixed;
use crate::object::misc::InstanceData;
use crate::object::singletons::*;
use crate::object::str::{new_str, try_new_str};
use crate::object::*;
use crate::vm::ops::default_repr;
use crate::vm::{Args, Vm};
use std::cell::RefCell;

fn object_repr(_vm: &mut Vm, x: &PyRef) -> PyResult {
    try_new_str(&default_repr(x))
}

fn object_hash(_vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    Ok(((x.addr() >> 4) | (x.addr() << 60)) as i64)
}

fn object_richcompare(_vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    Ok(match op {
        CompareOp::Eq => {
            if a.is(b) {
                py_bool(true)
            } else {
                not_implemented()
            }
        }
        CompareOp::Ne => {
            if a.is(b) {
                py_bool(false)
            } else {
                not_implemented()
            }
        }
        _ => not_implemented(),
    })
}

/// Whether `ty` has its own `name` (`__init__` or `__new__`) rather than `object`'s:
/// for a builtin type, whether the slot differs from object's; for a class, whether
/// the MRO finds a different attribute (CPython compares `tp_new`/`tp_init`).
fn overrides_object(ty: &TypeObject, name: &str) -> bool {
    if !ty.has_flag(crate::object::typeobj::flags::HEAPTYPE) {
        return if name == "__new__" {
            ty.slots.new.get().is_some_and(|f| {
                !std::ptr::fn_addr_eq(f, object_new as crate::object::typeobj::NewFn)
            })
        } else {
            ty.slots.init.get().is_some_and(|f| {
                !std::ptr::fn_addr_eq(f, object_init as crate::object::typeobj::InitFn)
            })
        };
    }
    match (ty.lookup_str(name), OBJECT_TYPE.lookup_str(name)) {
        (Some(mine), Some(object_s)) => !mine.is(&object_s),
        (mine, _) => mine.is_some(),
    }
}

/// `object.__new__(cls)`: allocate an instance with the layout `cls` declares. Extra
/// arguments are an error unless the class overrides `__init__` and not `__new__`
/// (CPython's `object_new`).
pub fn object_new(_vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty = try_type(cls).ok_or_else(|| {
        PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            cls.ty().name()
        ))
    })?;
    if !args.args.is_empty() && ty.layout != Layout::Exception {
        if overrides_object(ty, "__new__") {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides_object(ty, "__init__") {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                ty.name()
            )));
        }
    }
    match ty.layout {
        Layout::Object => Ok(alloc(ty, ObjectData)),
        Layout::Instance => Ok(alloc(
            ty,
            InstanceData {
                dict: RefCell::new(None),
            },
        )),
        Layout::Exception => {
            let a = crate::object::tuple::tuple_from_slice(args.positional());
            Ok(crate::object::exception::new_exception(ty, a))
        }
        _ => Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            ty.name(),
            ty.name()
        ))),
    }
}

/// `BaseException.__new__`: an exception instance whose `args` are the call's
/// positional arguments.
pub fn object_new_exception(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty = try_type(cls).ok_or_else(|| PyErr::type_error("exception type expected"))?;
    if ty.layout != Layout::Exception {
        return object_new(vm, cls, args);
    }
    let a = crate::object::tuple::tuple_from_slice(args.positional());
    Ok(crate::object::exception::new_exception(ty, a))
}

/// The `hash` slot of unhashable types (CPython's `PyObject_HashNotImplemented`).
pub fn hash_not_implemented(_vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    Err(PyErr::type_error(format!(
        "unhashable type: '{}'",
        x.ty().name()
    )))
}

/// `object.__init__(self)`: extra arguments are an error unless the class overrides
/// `__new__` and not `__init__` (CPython's `object_init`).
fn object_init(_vm: &mut Vm, x: &PyRef, args: Args) -> PyResult<()> {
    if args.args.is_empty() {
        return Ok(());
    }
    let ty = x.ty();
    if overrides_object(ty, "__init__") {
        return Err(PyErr::type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    if !overrides_object(ty, "__new__") {
        return Err(PyErr::type_error(format!(
            "{}.__init__() takes exactly one argument (the instance to initialize)",
            ty.name()
        )));
    }
    Ok(())
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    let Some(cls) = args.args.first() else {
        return Err(PyErr::type_error("object.__new__(): not enough arguments"));
    };
    object_new(vm, cls, args.skip_self())
}

fn m_init(vm: &mut Vm, args: Args) -> PyResult {
    let Some(x) = args.args.first() else {
        return Err(PyErr::type_error(
            "descriptor '__init__' of 'object' object needs an argument",
        ));
    };
    object_init(vm, x, args.skip_self())?;
    Ok(none())
}

fn m_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = super::check_method_args("__repr__", &args, 0, 0)?;
    object_repr(vm, x)
}

fn m_str(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = super::check_method_args("__str__", &args, 0, 0)?;
    vm.repr(x)
}

fn m_hash(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = super::check_method_args("__hash__", &args, 0, 0)?;
    Ok(crate::object::int::new_int(object_hash(vm, x)?))
}

fn m_eq(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = super::check_method_args("__eq__", &args, 1, 1)?;
    object_richcompare(vm, x, &rest[0], CompareOp::Eq)
}

fn m_ne(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = super::check_method_args("__ne__", &args, 1, 1)?;
    let r = vm.rich_compare(x, &rest[0], CompareOp::Eq)?;
    if is_not_implemented(&r) {
        return Ok(r);
    }
    let b = vm.is_true(&r)?;
    Ok(py_bool(!b))
}

fn m_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = super::check_method_args("__getattribute__", &args, 1, 1)?;
    vm.generic_getattr(x, &rest[0])
}

fn m_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = super::check_method_args("__setattr__", &args, 2, 2)?;
    vm.generic_setattr(x, &rest[0], Some(rest[1].clone()))?;
    Ok(none())
}

fn m_delattr(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = super::check_method_args("__delattr__", &args, 1, 1)?;
    vm.generic_setattr(x, &rest[0], None)?;
    Ok(none())
}

fn m_format(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = super::check_method_args("__format__", &args, 1, 1)?;
    let spec = &*crate::object::str::str_of(&rest[0]);
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            x.ty().name()
        )));
    }
    vm.str(x)
}

fn m_class(_vm: &mut Vm, args: Args) -> PyResult {
    let a = super::check_args("__class__", &args, 1, 1)?;
    Ok(a[0].type_ref())
}

/// `object.__init_subclass__()`: accepts no class keywords.
fn m_init_subclass(_vm: &mut Vm, args: Args) -> PyResult {
    let cls = args
        .args
        .first()
        .and_then(try_type)
        .map_or("object", |t| t.name());
    if args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "{cls}.__init_subclass__() takes no keyword arguments"
        )));
    }
    let n = args.positional().len().saturating_sub(1);
    if n > 0 {
        return Err(PyErr::type_error(format!(
            "{cls}.__init_subclass__() takes no arguments ({n} given)"
        )));
    }
    Ok(none())
}

fn none_repr(_vm: &mut Vm, _x: &PyRef) -> PyResult {
    Ok(new_str("None"))
}

fn none_bool(_vm: &mut Vm, _x: &PyRef) -> PyResult<bool> {
    Ok(false)
}

fn notimpl_repr(_vm: &mut Vm, _x: &PyRef) -> PyResult {
    Ok(new_str("NotImplemented"))
}

fn ellipsis_repr(_vm: &mut Vm, _x: &PyRef) -> PyResult {
    Ok(new_str("Ellipsis"))
}

pub fn init() {
    let s = &OBJECT_TYPE.slots;
    OBJECT_TYPE.dealloc.set(dealloc_fixed::<ObjectData>);
    s.repr.set(Some(object_repr));
    s.hash.set(Some(object_hash));
    s.richcompare.set(Some(object_richcompare));
    s.new.set(Some(object_new));
    s.init.set(Some(object_init));
    add_method(&OBJECT_TYPE, "__init__", m_init);
    add_method(&OBJECT_TYPE, "__repr__", m_repr);
    add_method(&OBJECT_TYPE, "__str__", m_str);
    add_method(&OBJECT_TYPE, "__hash__", m_hash);
    add_method(&OBJECT_TYPE, "__eq__", m_eq);
    add_method(&OBJECT_TYPE, "__ne__", m_ne);
    add_method(&OBJECT_TYPE, "__getattribute__", m_getattribute);
    add_method(&OBJECT_TYPE, "__setattr__", m_setattr);
    add_method(&OBJECT_TYPE, "__delattr__", m_delattr);
    add_method(&OBJECT_TYPE, "__format__", m_format);
    let new = crate::object::alloc(
        &STATICMETHOD_TYPE,
        crate::object::function::StaticMethodData {
            callable: super::new_builtin_function("__new__", m_new, None),
        },
    );
    super::add_attr(&OBJECT_TYPE, "__new__", new);
    super::add_classmethod(&OBJECT_TYPE, "__init_subclass__", m_init_subclass);
    let class_getter = super::new_builtin_function("__class__", m_class, None);
    let class_prop = crate::object::alloc(
        &PROPERTY_TYPE,
        crate::object::function::PropertyData {
            fget: RefCell::new(Some(class_getter)),
            fset: RefCell::new(None),
            fdel: RefCell::new(None),
            doc: RefCell::new(None),
        },
    );
    super::add_attr(&OBJECT_TYPE, "__class__", class_prop);

    NONE_TYPE.dealloc.set(dealloc_fixed::<NoneData>);
    NONE_TYPE.slots.repr.set(Some(none_repr));
    NONE_TYPE.slots.bool.set(Some(none_bool));
    NONE_TYPE.slots.new.set(Some(|_vm, _cls, args| {
        if args.args.is_empty() {
            Ok(none())
        } else {
            Err(PyErr::type_error("NoneType takes no arguments"))
        }
    }));
    NOTIMPLEMENTED_TYPE.slots.new.set(Some(|_vm, _cls, args| {
        if args.args.is_empty() {
            Ok(not_implemented())
        } else {
            Err(PyErr::type_error("NotImplementedType takes no arguments"))
        }
    }));
    ELLIPSIS_TYPE.slots.new.set(Some(|_vm, _cls, args| {
        if args.args.is_empty() {
            Ok(ellipsis())
        } else {
            Err(PyErr::type_error("ellipsis takes no arguments"))
        }
    }));
    NONE_TYPE.slots.hash.set(Some(object_hash));
    NOTIMPLEMENTED_TYPE
        .dealloc
        .set(dealloc_fixed::<NotImplementedData>);
    NOTIMPLEMENTED_TYPE.slots.repr.set(Some(notimpl_repr));
    ELLIPSIS_TYPE.dealloc.set(dealloc_fixed::<EllipsisData>);
    ELLIPSIS_TYPE.slots.repr.set(Some(ellipsis_repr));
}
