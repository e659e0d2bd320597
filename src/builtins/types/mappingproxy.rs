//! `mappingproxy`: the read-only view of a class namespace that `C.__dict__` and
//! `vars(C)` return (CPython's `types.MappingProxyType`).
//!
//! A proxy holds one strong reference to its dict (the [`DictViewData`] layout, so
//! the GC traverses and clears it like a dict view). Reads delegate to the dict;
//! there is no way to write through it, so every change to a class namespace goes
//! through `type.__setattr__`, which keeps the type attribute cache honest.

use super::add_method;
use super::check_method_args;
use super::containers::{add_new, add_wrappers};
use crate::object::dict::as_dict;
use crate::object::handle::dealloc_fixed;
use crate::object::misc::DictViewData;
use crate::object::singletons::not_implemented;
use crate::object::str::try_new_str;
use crate::object::*;
use crate::vm::{Args, Vm};

/// A read-only proxy for `dict`.
pub fn new_mappingproxy(dict: &PyRef) -> PyRef {
    alloc(&MAPPINGPROXY_TYPE, DictViewData { dict: dict.clone() })
}

/// The proxied dict, if `x` is a mappingproxy.
fn mapping(x: &PyRef) -> Option<&PyRef> {
    if x.is_exact(&MAPPINGPROXY_TYPE) {
        x.downcast::<DictViewData>().map(|v| &v.dict)
    } else {
        None
    }
}

fn receiver<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a PyRef> {
    mapping(x).ok_or_else(|| super::containers::descr_error(method, "mappingproxy", x))
}

fn proxy_new(_vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    let p = super::containers::bind_args(&args, "mappingproxy", &["mapping"], 0)?;
    let Some(m) = &p[0] else {
        return Err(PyErr::type_error(
            "mappingproxy() missing required argument 'mapping' (pos 1)",
        ));
    };
    if let Some(inner) = mapping(m) {
        return Ok(new_mappingproxy(inner));
    }
    if as_dict(m).is_none() {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            m.ty().name()
        )));
    }
    Ok(new_mappingproxy(m))
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => proxy_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error(
            "mappingproxy.__new__(): not enough arguments",
        )),
    }
}

fn proxy_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let inner = vm.repr_string(receiver(x, "__repr__")?)?;
    try_new_str(&format!("mappingproxy({inner})"))
}

fn proxy_str(vm: &mut Vm, x: &PyRef) -> PyResult {
    vm.str(receiver(x, "__str__")?)
}

fn proxy_len(vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    vm.len(receiver(x, "__len__")?)
}

fn proxy_getitem(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult {
    vm.getitem(receiver(x, "__getitem__")?, key)
}

fn proxy_contains(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult<bool> {
    vm.contains(receiver(x, "__contains__")?, key)
}

fn proxy_iter(vm: &mut Vm, x: &PyRef) -> PyResult {
    vm.get_iter(receiver(x, "__iter__")?)
}

fn proxy_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    match mapping(a) {
        Some(m) => vm.rich_compare(m, b, op),
        None => Ok(not_implemented()),
    }
}

/// `proxy | other` and `other | proxy`: the dict union of the underlying mappings.
fn proxy_or(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let a = mapping(a).unwrap_or(a);
    let b = mapping(b).unwrap_or(b);
    vm.binary_op(a, b, crate::bytecode::instruction::NB_OR)
}

/// A method without arguments that forwards to the dict's method of the same name.
macro_rules! forward {
    ($fn_name:ident, $name:literal) => {
        fn $fn_name(vm: &mut Vm, args: Args) -> PyResult {
            let (x, _) = check_method_args(concat!("mappingproxy.", $name), &args, 0, 0)?;
            let m = receiver(x, $name)?.clone();
            vm.call_method(&m, $name, &[])
        }
    };
}

forward!(m_keys, "keys");
forward!(m_values, "values");
forward!(m_items, "items");
forward!(m_copy, "copy");
forward!(m_reversed, "__reversed__");

fn m_get(vm: &mut Vm, args: Args) -> PyResult {
    let x = args.args.first().ok_or_else(|| {
        PyErr::type_error("descriptor 'get' of 'mappingproxy' object needs an argument")
    })?;
    let m = receiver(x, "get")?.clone();
    let rest = args.skip_self();
    if rest.has_keywords() {
        return Err(PyErr::type_error("get() takes no keyword arguments"));
    }
    let n = rest.positional().len();
    if !(1..=2).contains(&n) {
        let msg = if n == 0 {
            "get expected at least 1 argument, got 0".to_string()
        } else {
            format!("get expected at most 2 arguments, got {n}")
        };
        return Err(PyErr::type_error(msg));
    }
    vm.call_method(&m, "get", rest.positional())
}

pub fn init() {
    let ty = &MAPPINGPROXY_TYPE;
    ty.dealloc.set(dealloc_fixed::<DictViewData>);
    let s = &ty.slots;
    s.repr.set(Some(proxy_repr));
    s.str.set(Some(proxy_str));
    s.len.set(Some(proxy_len));
    s.getitem.set(Some(proxy_getitem));
    s.contains.set(Some(proxy_contains));
    s.iter.set(Some(proxy_iter));
    s.richcompare.set(Some(proxy_richcompare));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.nb[crate::bytecode::instruction::NB_OR as usize].set(Some(proxy_or));
    s.new.set(Some(proxy_new));
    add_new(ty, m_new);
    add_method(ty, "keys", m_keys);
    add_method(ty, "values", m_values);
    add_method(ty, "items", m_items);
    add_method(ty, "copy", m_copy);
    add_method(ty, "get", m_get);
    add_method(ty, "__reversed__", m_reversed);
    add_wrappers(
        ty,
        &[
            "__repr__",
            "__str__",
            "__len__",
            "__getitem__",
            "__contains__",
            "__iter__",
            "__richcmp__",
            "__or__",
            "__ror__",
        ],
    );
}
