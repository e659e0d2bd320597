//! Struct sequences: `sys.version_info`, `sys.float_info`, `sys.int_info`,
//! `sys.hash_info` and `sys.flags` are tuples whose items also have names (`sys.version_info.major`),
//! read-only, printed as `sys.float_info(max=1.7976931348623157e+308, ...)`. Each is a
//! static subtype of `tuple` with the tuple layout, so indexing, slicing, comparison
//! and hashing are tuple's.

use crate::object::str::{new_str, str_of, try_new_str};
use crate::object::tuple::{new_tuple_of_type, tuple_items};
use crate::object::*;
use crate::vm::Vm;

/// The field names of a struct sequence type (its qualified name is its tp_name,
/// `sys.float_info`).
fn layout(ty: &TypeObject) -> Option<&'static [&'static str]> {
    if std::ptr::eq(ty, &VERSION_INFO_TYPE) {
        Some(&["major", "minor", "micro", "releaselevel", "serial"])
    } else if std::ptr::eq(ty, &FLOAT_INFO_TYPE) {
        Some(&[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ])
    } else if std::ptr::eq(ty, &INT_INFO_TYPE) {
        Some(&[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ])
    } else if std::ptr::eq(ty, &HASH_INFO_TYPE) {
        Some(&[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ])
    } else if std::ptr::eq(ty, &FLAGS_TYPE) {
        Some(crate::interpreter::SysFlags::FIELDS)
    } else {
        None
    }
}

/// A struct sequence of type `ty` holding `items` (one per field).
pub fn new_structseq(ty: &TypeObject, items: Vec<PyRef>) -> PyRef {
    debug_assert_eq!(layout(ty).map(|f| f.len()), Some(items.len()));
    new_tuple_of_type(ty, &items)
}

fn structseq_getattro(vm: &mut Vm, x: &PyRef, name: &PyRef) -> PyResult {
    if let Some(fields) = layout(x.ty())
        && let Some(i) = fields.iter().position(|f| *f == str_of(name))
        && let Some(v) = tuple_items(x).get(i)
    {
        return Ok(v.clone());
    }
    vm.generic_getattr(x, name)
}

fn structseq_setattro(
    _vm: &mut Vm,
    x: &PyRef,
    name: &PyRef,
    _value: Option<PyRef>,
) -> PyResult<()> {
    let is_field = layout(x.ty()).is_some_and(|f| f.contains(&&*str_of(name)));
    Err(PyErr::attribute_error(if is_field {
        "readonly attribute".to_string()
    } else {
        format!(
            "'{}' object has no attribute '{}'",
            x.ty().name(),
            str_of(name)
        )
    }))
}

fn structseq_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let name = x.ty().name();
    let Some(fields) = layout(x.ty()) else {
        return Ok(new_str(x.ty().name()));
    };
    let mut parts = Vec::with_capacity(fields.len());
    for (f, v) in fields.iter().zip(tuple_items(x)) {
        parts.push(format!("{f}={}", vm.repr_string(v)?));
    }
    try_new_str(&format!("{name}({})", parts.join(", ")))
}

pub fn init() {
    for ty in [
        &VERSION_INFO_TYPE,
        &FLOAT_INFO_TYPE,
        &INT_INFO_TYPE,
        &HASH_INFO_TYPE,
        &FLAGS_TYPE,
    ] {
        ty.dealloc.set(TUPLE_TYPE.dealloc.get());
        ty.slots.repr.set(Some(structseq_repr));
        ty.slots.getattro.set(Some(structseq_getattro));
        ty.slots.setattro.set(Some(structseq_setattro));
    }
}
