//! `getset_descriptor`: the `__dict__` and `__weakref__` attributes a class statement
//! adds to the first class of a hierarchy (CPython's `subtype_dict` /
//! `subtype_getweakref`), so `vars(C)` lists them and `obj.__dict__` is found as a data
//! descriptor on the type.

use super::add_method;
use crate::object::dict::as_dict;
use crate::object::handle::dealloc_fixed;
use crate::object::misc::{GetSetData, GetSetKind};
use crate::object::singletons::none;
use crate::object::str::{new_str, try_new_str};
use crate::object::*;
use crate::vm::ops::{instance_dict_cell, instance_dict_or_create};
use crate::vm::{Args, Vm};

/// A new descriptor of `kind` for class `owner`.
pub fn new_getset(kind: GetSetKind, owner: &str) -> PyRef {
    alloc(
        &GETSET_DESCRIPTOR_TYPE,
        GetSetData {
            kind,
            owner: owner.to_string(),
        },
    )
}

fn data(d: &PyRef) -> &GetSetData {
    d.downcast::<GetSetData>()
        .expect("getset_descriptor slots are only installed on GETSET_DESCRIPTOR_TYPE")
}

fn name(kind: GetSetKind) -> &'static str {
    match kind {
        GetSetKind::Dict => "__dict__",
        GetSetKind::Weakref => "__weakref__",
    }
}

fn does_not_apply(g: &GetSetData, obj: &PyRef) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        name(g.kind),
        g.owner,
        obj.ty().name()
    ))
}

fn getset_get(_vm: &mut Vm, d: &PyRef, obj: Option<&PyRef>, _ty: &PyRef) -> PyResult {
    let g = data(d);
    let Some(obj) = obj else {
        return Ok(d.clone());
    };
    match g.kind {
        GetSetKind::Dict => instance_dict_or_create(obj).ok_or_else(|| does_not_apply(g, obj)),
        GetSetKind::Weakref => Ok(none()),
    }
}

fn getset_set(_vm: &mut Vm, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let g = data(d);
    if g.kind == GetSetKind::Weakref {
        return Err(PyErr::attribute_error(format!(
            "attribute '__weakref__' of '{}' objects is not writable",
            g.owner
        )));
    }
    let cell = instance_dict_cell(obj).ok_or_else(|| does_not_apply(g, obj))?;
    if let Some(v) = &value
        && as_dict(v).is_none()
    {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.ty().name()
        )));
    }
    // Deleting leaves no dict; the next access creates an empty one.
    let old = cell.replace(value);
    drop(old);
    Ok(())
}

fn getset_repr(_vm: &mut Vm, d: &PyRef) -> PyResult {
    let g = data(d);
    try_new_str(&format!(
        "<attribute '{}' of '{}' objects>",
        name(g.kind),
        g.owner
    ))
}

fn m_get(vm: &mut Vm, args: Args) -> PyResult {
    let (d, rest) = super::check_method_args("__get__", &args, 1, 2)?;
    let obj = (!crate::object::singletons::is_none(&rest[0])).then_some(&rest[0]);
    let ty = rest.get(1).cloned().unwrap_or_else(|| rest[0].type_ref());
    getset_get(vm, d, obj, &ty)
}

fn m_set(vm: &mut Vm, args: Args) -> PyResult {
    let (d, rest) = super::check_method_args("__set__", &args, 2, 2)?;
    getset_set(vm, d, &rest[0], Some(rest[1].clone()))?;
    Ok(none())
}

fn getset_getattro(vm: &mut Vm, d: &PyRef, attr: &PyRef) -> PyResult {
    match &*crate::object::str::str_of(attr) {
        "__name__" => Ok(new_str(name(data(d).kind))),
        _ => vm.generic_getattr(d, attr),
    }
}

pub fn init() {
    let ty = &GETSET_DESCRIPTOR_TYPE;
    ty.dealloc.set(dealloc_fixed::<GetSetData>);
    let s = &ty.slots;
    s.repr.set(Some(getset_repr));
    s.descr_get.set(Some(getset_get));
    s.descr_set.set(Some(getset_set));
    s.getattro.set(Some(getset_getattro));
    add_method(ty, "__get__", m_get);
    add_method(ty, "__set__", m_set);
    super::containers::add_wrappers(ty, &["__repr__"]);
    // The builtin types whose instances carry an attribute dict.
    for (owner, name) in [
        (&BASE_EXCEPTION, "BaseException"),
        (&FUNCTION_TYPE, "function"),
    ] {
        super::add_attr(owner, "__dict__", new_getset(GetSetKind::Dict, name));
    }
}
