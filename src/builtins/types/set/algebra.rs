//! The element-level set algorithms shared by the operators, the methods and the dict
//! key views: update, intersection, difference and symmetric difference (iterating in
//! CPython's order and over the smaller operand where CPython does), subset tests,
//! and the rule that an unhashable set key is looked up as a frozenset.

use super::{is_frozen, iteration_order, new_like, new_set_of_type};
use crate::object::set::as_set;
use crate::object::*;
use crate::vm::Vm;

/// The elements of any iterable; a set's in iteration order.
pub(super) fn elements(vm: &mut Vm, x: &PyRef) -> PyResult<Vec<PyRef>> {
    match as_set(x) {
        Some(s) => Ok(iteration_order(s)),
        None => vm.collect_iter(x),
    }
}

/// Add every element of `iterable` to `set` (CPython's `set_update_internal`).
pub fn update_from(vm: &mut Vm, set: &PyRef, iterable: &PyRef) -> PyResult<()> {
    if set.is(iterable) {
        return Ok(());
    }
    // Another set: `set_merge` (one resize up front; into an empty set the layout is
    // copied or rebuilt cleanly), else key by key in its slot order.
    if let (Some(s), Some(o)) = (as_set(set), as_set(iterable)) {
        let merged = s.table.borrow_mut().merge_into_empty(&o.table.borrow());
        if merged {
            s.version.set(s.version.get() + 1);
            return Ok(());
        }
        for k in iteration_order(o) {
            vm.set_add(set, k)?;
        }
        return Ok(());
    }
    if let Some(d) = crate::object::dict::as_dict(iterable) {
        if let Some(s) = as_set(set) {
            s.table.borrow_mut().reserve_for(d.len());
        }
        for k in d.keys() {
            vm.set_add(set, k)?;
        }
        return Ok(());
    }
    for x in elements(vm, iterable)? {
        vm.set_add(set, x)?;
    }
    Ok(())
}

/// A new exact set holding the elements of `iterable`.
pub fn new_set_from(vm: &mut Vm, iterable: &PyRef) -> PyResult<PyRef> {
    let s = new_set_of_type(&SET_TYPE);
    update_from(vm, &s, iterable)?;
    Ok(s)
}

/// Remove `key` if present; `Ok(true)` if it was.
pub(super) fn discard_key(vm: &mut Vm, set: &PyRef, key: &PyRef) -> PyResult<bool> {
    let h = vm.hash(key)?;
    let Some(i) = vm.dict_lookup(set, key, h)? else {
        return Ok(false);
    };
    let Some(s) = as_set(set) else {
        return Ok(false);
    };
    let removed = s.table.borrow_mut().remove_at(i);
    if removed.is_some() {
        s.version.set(s.version.get() + 1);
    }
    let found = removed.is_some();
    drop(removed);
    Ok(found)
}

/// Run `f` with `key`, retrying with `frozenset(key)` when `key` is an unhashable set
/// (CPython's rule for `in`, `remove` and `discard`).
pub(super) fn with_set_key<T>(
    vm: &mut Vm,
    key: &PyRef,
    mut f: impl FnMut(&mut Vm, &PyRef) -> PyResult<T>,
) -> PyResult<T> {
    match f(vm, key) {
        Err(e) if e.matches(&TYPE_ERROR) && as_set(key).is_some() && !is_frozen(key) => {
            let fs = new_set_of_type(&FROZENSET_TYPE);
            update_from(vm, &fs, key)?;
            f(vm, &fs)
        }
        other => other,
    }
}

pub(super) fn contains_key(vm: &mut Vm, set: &PyRef, key: &PyRef) -> PyResult<bool> {
    with_set_key(vm, key, |vm, k| vm.set_contains(set, k))
}

/// Give `set` the table of `other` (another set object), layout included; `other` gets
/// `set`'s old table (CPython's `set_swap_bodies`).
pub(super) fn replace_contents(set: &PyRef, other: &PyRef) {
    let (Some(s), Some(o)) = (as_set(set), as_set(other)) else {
        return;
    };
    if set.is(other) {
        return;
    }
    s.table
        .borrow_mut()
        .swap_contents(&mut o.table.borrow_mut());
    s.version.set(s.version.get() + 1);
    o.version.set(o.version.get() + 1);
}

/// `a & b` as CPython computes it: iterate the smaller set, keep what the other holds.
pub(super) fn intersection(vm: &mut Vm, a: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let result = new_like(a);
    if let (Some(sa), Some(so)) = (as_set(a), as_set(other)) {
        let (small, big) = if so.len() > sa.len() {
            (a, other)
        } else {
            (other, a)
        };
        let small_elems = iteration_order(as_set(small).unwrap_or(sa));
        for k in small_elems {
            if vm.set_contains(big, &k)? {
                vm.set_add(&result, k)?;
            }
        }
        return Ok(result);
    }
    for k in vm.collect_iter(other)? {
        if vm.set_contains(a, &k)? {
            vm.set_add(&result, k)?;
        }
    }
    Ok(result)
}

/// Keep only the elements of `set` that are also in `iterable`.
pub fn intersection_update_from(vm: &mut Vm, set: &PyRef, iterable: &PyRef) -> PyResult<()> {
    let tmp = intersection(vm, set, iterable)?;
    replace_contents(set, &tmp);
    Ok(())
}

/// Remove every element of `iterable` from `set`.
pub fn difference_update_from(vm: &mut Vm, set: &PyRef, iterable: &PyRef) -> PyResult<()> {
    if set.is(iterable) {
        if let Some(s) = as_set(set) {
            let old = s.table.borrow_mut().take_all();
            s.version.set(s.version.get() + 1);
            drop(old);
        }
        return Ok(());
    }
    for k in elements(vm, iterable)? {
        discard_key(vm, set, &k)?;
    }
    if let Some(s) = as_set(set) {
        s.table.borrow_mut().drop_dummies_if_many();
    }
    Ok(())
}

/// `set ^= iterable`.
pub fn symmetric_difference_update_from(
    vm: &mut Vm,
    set: &PyRef,
    iterable: &PyRef,
) -> PyResult<()> {
    if set.is(iterable) {
        return difference_update_from(vm, set, iterable);
    }
    let other = if as_set(iterable).is_some() {
        iterable.clone()
    } else {
        new_set_from(vm, iterable)?
    };
    for k in elements(vm, &other)? {
        if !discard_key(vm, set, &k)? {
            vm.set_add(set, k)?;
        }
    }
    Ok(())
}

pub(super) fn difference(vm: &mut Vm, a: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let result = new_like(a);
    let other_size = match (as_set(other), crate::object::dict::as_dict(other)) {
        (Some(o), _) => Some(o.len()),
        (_, Some(d)) => Some(d.len()),
        _ => None,
    };
    let len_a = as_set(a).map_or(0, |s| s.len());
    // CPython copies and removes when `a` is much bigger than `other`.
    if let Some(other_size) = other_size
        && (len_a >> 2) <= other_size
    {
        let elems = elements(vm, a)?;
        for k in elems {
            let present = if as_set(other).is_some() {
                vm.set_contains(other, &k)?
            } else {
                vm.dict_get(other, &k)?.is_some()
            };
            if !present {
                vm.set_add(&result, k)?;
            }
        }
        return Ok(result);
    }
    update_from(vm, &result, a)?;
    difference_update_from(vm, &result, other)?;
    Ok(result)
}

pub(super) fn symmetric_difference(vm: &mut Vm, a: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let result = new_like(a);
    update_from(vm, &result, other)?;
    symmetric_difference_update_from(vm, &result, a)?;
    Ok(result)
}

pub(super) fn copy_of(vm: &mut Vm, a: &PyRef) -> PyResult<PyRef> {
    let result = new_like(a);
    update_from(vm, &result, a)?;
    Ok(result)
}

pub(super) fn issubset(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let (Some(sa), Some(sb)) = (as_set(a), as_set(b)) else {
        return Ok(false);
    };
    if sa.len() > sb.len() {
        return Ok(false);
    }
    for k in iteration_order(sa) {
        if !vm.set_contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}
