//! `set` and `frozenset`: repr, the frozenset hash (CPython's order-independent
//! algorithm), subset comparisons, membership (a set key is looked up as a frozenset),
//! iteration, the `| & - ^` operators and their in-place forms, the constructors and
//! the methods.
//!
//! Iteration order is CPython's: the payload is a `SetTable` laid out slot for slot as
//! CPython's, and the algorithms of `set/algebra.rs` add, remove, merge and copy in
//! the order CPython does.

use super::containers::{add_new, add_wrappers, descr_error, join_reprs, receiver};
use super::list::{repr_enter, repr_leave};
use super::{add_method, check_args, check_method_args};
use crate::object::handle::dealloc_fixed;
use crate::object::iter::{IterState, new_iter};
use crate::object::set::{SetData, as_set};
use crate::object::singletons::{none, not_implemented, py_bool};
use crate::object::str::{new_str, try_new_str};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};
use std::cell::{Cell, RefCell};

mod algebra;

use algebra::*;
pub use algebra::{
    difference_update_from, intersection_update_from, new_set_from,
    symmetric_difference_update_from, update_from,
};

/// The keys of a set in iteration (slot) order.
pub fn iteration_order(s: &SetData) -> Vec<PyRef> {
    s.keys()
}

// ----- construction ------------------------------------------------------------------

/// A new empty set of type `ty` (set or frozenset layout).
pub fn new_set_of_type(ty: &TypeObject) -> PyRef {
    alloc(
        ty,
        SetData {
            table: RefCell::new(crate::object::set_table::SetTable::default()),
            version: Cell::new(0),
        },
    )
}

/// Whether `x` is a frozenset (or subclass instance) rather than a set.
fn is_frozen(x: &PyRef) -> bool {
    x.ty().is_subtype(&FROZENSET_TYPE)
}

/// A new empty exact set or frozenset, matching `x`'s base type (CPython's
/// `make_new_set_basetype`).
fn new_like(x: &PyRef) -> PyRef {
    if is_frozen(x) {
        new_set_of_type(&FROZENSET_TYPE)
    } else {
        new_set_of_type(&SET_TYPE)
    }
}

fn data<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a SetData> {
    as_set(x).ok_or_else(|| descr_error(method, "set", x))
}

// ----- slots -------------------------------------------------------------------------

fn set_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let s = data(x, "__repr__")?;
    let name = x.ty().name().to_string();
    let exact_set = x.is_exact(&SET_TYPE);
    if s.is_empty() {
        return try_new_str(&format!("{name}()"));
    }
    if !repr_enter(x.addr()) {
        return try_new_str(&format!("{name}(...)"));
    }
    let elems = iteration_order(s);
    let mut out = if exact_set {
        String::from("{")
    } else {
        format!("{name}({{")
    };
    let r = join_reprs(vm, &elems, &mut out);
    repr_leave(x.addr());
    r?;
    out.push('}');
    if !exact_set {
        out.push(')');
    }
    try_new_str(&out)
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// CPython's `frozenset_hash`: order-independent.
fn frozenset_hash(_vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    let s = data(x, "__hash__")?;
    let mut hash: u64 = 0;
    {
        let t = s.table.borrow();
        for i in 0..t.capacity_used() {
            if let Some(e) = t.entry(i) {
                hash ^= shuffle_bits(e.hash as u64);
            }
        }
    }
    hash ^= (s.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        hash = 590_923_713;
    }
    Ok(hash as i64)
}

fn set_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some(sa), Some(sb)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let (la, lb) = (sa.len(), sb.len());
    let r = match op {
        CompareOp::Eq => la == lb && issubset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && issubset(vm, a, b)?),
        CompareOp::Le => issubset(vm, a, b)?,
        CompareOp::Ge => issubset(vm, b, a)?,
        CompareOp::Lt => la < lb && issubset(vm, a, b)?,
        CompareOp::Gt => la > lb && issubset(vm, b, a)?,
    };
    Ok(py_bool(r))
}

fn set_len(_vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    Ok(data(x, "__len__")?.len())
}

fn set_contains(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult<bool> {
    data(x, "__contains__")?;
    contains_key(vm, x, key)
}

/// `iter(set)`: the iterator walks a snapshot in CPython's order and checks the set's
/// size at every step. Its `set` field holds the pair `(set, snapshot tuple)`.
fn set_iter(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let s = data(x, "__iter__")?;
    let snapshot = new_tuple(iteration_order(s));
    Ok(new_iter(
        &SET_ITERATOR_TYPE,
        IterState::Set {
            set: new_tuple(vec![x.clone(), snapshot]),
            pos: 0,
            version: s.version.get(),
            len: s.len(),
        },
    ))
}

fn both_sets(a: &PyRef, b: &PyRef) -> bool {
    as_set(a).is_some() && as_set(b).is_some()
}

fn set_or(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    let r = copy_of(vm, a)?;
    update_from(vm, &r, b)?;
    Ok(r)
}

fn set_and(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    intersection(vm, a, b)
}

fn set_sub(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    difference(vm, a, b)
}

fn set_xor(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    symmetric_difference(vm, a, b)
}

fn set_ior(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    update_from(vm, a, b)?;
    Ok(a.clone())
}

fn set_iand(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    intersection_update_from(vm, a, b)?;
    Ok(a.clone())
}

fn set_isub(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    difference_update_from(vm, a, b)?;
    Ok(a.clone())
}

fn set_ixor(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    symmetric_difference_update_from(vm, a, b)?;
    Ok(a.clone())
}

fn check_type(cls: &PyRef, base: &TypeObject) -> PyResult<()> {
    let ty =
        try_type(cls).ok_or_else(|| PyErr::type_error("set.__new__(X): X is not a type object"))?;
    if ty.layout != Layout::Set || !ty.is_subtype(base) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            base.name(),
            ty.name(),
            ty.name(),
            base.name()
        )));
    }
    Ok(())
}

fn set_new(_vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    check_type(cls, &SET_TYPE)?;
    let ty = as_type(cls);
    if std::ptr::eq(ty, &SET_TYPE) && args.has_keywords() {
        return Err(PyErr::type_error("set() takes no keyword arguments"));
    }
    Ok(new_set_of_type(ty))
}

fn set_init(vm: &mut Vm, x: &PyRef, args: Args) -> PyResult<()> {
    if args.has_keywords() {
        return Err(PyErr::type_error("set() takes no keyword arguments"));
    }
    let pos = check_args("set", &args, 0, 1)?;
    let s = data(x, "__init__")?;
    if !s.is_empty() {
        let old = s.table.borrow_mut().take_all();
        s.version.set(s.version.get() + 1);
        drop(old);
    }
    if let Some(it) = pos.first() {
        update_from(vm, x, it)?;
    }
    Ok(())
}

fn frozenset_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    check_type(cls, &FROZENSET_TYPE)?;
    let ty = as_type(cls);
    if args.has_keywords() {
        return Err(PyErr::type_error("frozenset() takes no keyword arguments"));
    }
    let pos = check_args("frozenset", &args, 0, 1)?;
    let exact = std::ptr::eq(ty, &FROZENSET_TYPE);
    if let Some(it) = pos.first()
        && exact
        && it.is_exact(&FROZENSET_TYPE)
    {
        return Ok(it.clone());
    }
    let r = new_set_of_type(ty);
    if let Some(it) = pos.first() {
        update_from(vm, &r, it)?;
    }
    Ok(r)
}

// ----- methods -----------------------------------------------------------------------

fn m_add(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.add", &args, 1, 1)?;
    data(x, "add")?;
    vm.set_add(x, rest[0].clone())?;
    Ok(none())
}

fn m_discard(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.discard", &args, 1, 1)?;
    data(x, "discard")?;
    with_set_key(vm, &rest[0], |vm, k| discard_key(vm, x, k))?;
    Ok(none())
}

fn m_remove(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.remove", &args, 1, 1)?;
    data(x, "remove")?;
    if with_set_key(vm, &rest[0], |vm, k| discard_key(vm, x, k))? {
        Ok(none())
    } else {
        Err(PyErr::key_error(rest[0].clone()))
    }
}

fn m_pop(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("set.pop", &args, 0, 0)?;
    let s = data(x, "pop")?;
    if s.is_empty() {
        return Err(PyErr::key_error(new_str("pop from an empty set")));
    }
    let removed = s.table.borrow_mut().pop();
    s.version.set(s.version.get() + 1);
    match removed {
        Some(e) => Ok(e.key),
        None => Err(PyErr::key_error(new_str("pop from an empty set"))),
    }
}

fn m_clear(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("set.clear", &args, 0, 0)?;
    let s = data(x, "clear")?;
    let old = s.table.borrow_mut().take_all();
    s.version.set(s.version.get() + 1);
    drop(old);
    Ok(none())
}

fn m_copy(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("copy", &args, 0, 0)?;
    data(x, "copy")?;
    if x.is_exact(&FROZENSET_TYPE) {
        return Ok(x.clone());
    }
    copy_of(vm, x)
}

fn method_self<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    let x = receiver(args, name, "set")?;
    data(x, name)?;
    if args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "set.{name}() takes no keyword arguments"
        )));
    }
    Ok((x, args.skip_self().positional()))
}

fn m_union(vm: &mut Vm, args: Args) -> PyResult {
    let (x, others) = method_self(&args, "union")?;
    let r = copy_of(vm, x)?;
    for o in others {
        update_from(vm, &r, o)?;
    }
    Ok(r)
}

fn m_intersection(vm: &mut Vm, args: Args) -> PyResult {
    let (x, others) = method_self(&args, "intersection")?;
    if others.is_empty() {
        return copy_of(vm, x);
    }
    let mut r = x.clone();
    for o in others {
        r = intersection(vm, &r, o)?;
    }
    Ok(r)
}

fn m_difference(vm: &mut Vm, args: Args) -> PyResult {
    let (x, others) = method_self(&args, "difference")?;
    let Some(first) = others.first() else {
        return copy_of(vm, x);
    };
    let r = difference(vm, x, first)?;
    for o in &others[1..] {
        difference_update_from(vm, &r, o)?;
    }
    Ok(r)
}

fn m_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.symmetric_difference", &args, 1, 1)?;
    data(x, "symmetric_difference")?;
    let other = if as_set(&rest[0]).is_some() {
        rest[0].clone()
    } else {
        new_set_from(vm, &rest[0])?
    };
    symmetric_difference(vm, x, &other)
}

fn m_update(vm: &mut Vm, args: Args) -> PyResult {
    let (x, others) = method_self(&args, "update")?;
    for o in others {
        update_from(vm, x, o)?;
    }
    Ok(none())
}

fn m_intersection_update(vm: &mut Vm, args: Args) -> PyResult {
    let (x, others) = method_self(&args, "intersection_update")?;
    for o in others {
        intersection_update_from(vm, x, o)?;
    }
    Ok(none())
}

fn m_difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let (x, others) = method_self(&args, "difference_update")?;
    for o in others {
        difference_update_from(vm, x, o)?;
    }
    Ok(none())
}

fn m_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.symmetric_difference_update", &args, 1, 1)?;
    data(x, "symmetric_difference_update")?;
    symmetric_difference_update_from(vm, x, &rest[0])?;
    Ok(none())
}

/// `other` as a set (made from the iterable when it is not one).
fn as_set_arg(vm: &mut Vm, other: &PyRef) -> PyResult<PyRef> {
    if as_set(other).is_some() {
        Ok(other.clone())
    } else {
        new_set_from(vm, other)
    }
}

fn m_issubset(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.issubset", &args, 1, 1)?;
    data(x, "issubset")?;
    let other = as_set_arg(vm, &rest[0])?;
    Ok(py_bool(issubset(vm, x, &other)?))
}

fn m_issuperset(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.issuperset", &args, 1, 1)?;
    data(x, "issuperset")?;
    if as_set(&rest[0]).is_some() {
        return Ok(py_bool(issubset(vm, &rest[0], x)?));
    }
    for k in vm.collect_iter(&rest[0])? {
        if !vm.set_contains(x, &k)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn m_isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("set.isdisjoint", &args, 1, 1)?;
    let s = data(x, "isdisjoint")?;
    let other = &rest[0];
    if let Some(o) = as_set(other) {
        let (small, big) = if s.len() <= o.len() {
            (x, other)
        } else {
            (other, x)
        };
        for k in iteration_order(as_set(small).unwrap_or(s)) {
            if vm.set_contains(big, &k)? {
                return Ok(py_bool(false));
            }
        }
        return Ok(py_bool(true));
    }
    for k in vm.collect_iter(other)? {
        if vm.set_contains(x, &k)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn m_set_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => set_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error("set.__new__(): not enough arguments")),
    }
}

fn m_frozenset_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => frozenset_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error(
            "frozenset.__new__(): not enough arguments",
        )),
    }
}

pub fn init() {
    for ty in [&SET_TYPE, &FROZENSET_TYPE] {
        ty.dealloc.set(dealloc_fixed::<SetData>);
        let s = &ty.slots;
        s.repr.set(Some(set_repr));
        s.richcompare.set(Some(set_richcompare));
        s.len.set(Some(set_len));
        s.contains.set(Some(set_contains));
        s.iter.set(Some(set_iter));
        s.nb[1].set(Some(set_and));
        s.nb[7].set(Some(set_or));
        s.nb[10].set(Some(set_sub));
        s.nb[12].set(Some(set_xor));
        add_method(ty, "copy", m_copy);
        add_method(ty, "union", m_union);
        add_method(ty, "intersection", m_intersection);
        add_method(ty, "difference", m_difference);
        add_method(ty, "symmetric_difference", m_symmetric_difference);
        add_method(ty, "issubset", m_issubset);
        add_method(ty, "issuperset", m_issuperset);
        add_method(ty, "isdisjoint", m_isdisjoint);
        add_wrappers(
            ty,
            &[
                "__repr__",
                "__len__",
                "__contains__",
                "__iter__",
                "__richcmp__",
                "__or__",
                "__ror__",
                "__and__",
                "__rand__",
                "__sub__",
                "__rsub__",
                "__xor__",
                "__rxor__",
            ],
        );
    }
    let ty = &SET_TYPE;
    let s = &ty.slots;
    s.hash.set(Some(super::object::hash_not_implemented));
    s.nb_inplace[1].set(Some(set_iand));
    s.nb_inplace[7].set(Some(set_ior));
    s.nb_inplace[10].set(Some(set_isub));
    s.nb_inplace[12].set(Some(set_ixor));
    s.new.set(Some(set_new));
    s.init.set(Some(set_init));
    add_method(ty, "add", m_add);
    add_method(ty, "discard", m_discard);
    add_method(ty, "remove", m_remove);
    add_method(ty, "pop", m_pop);
    add_method(ty, "clear", m_clear);
    add_method(ty, "update", m_update);
    add_method(ty, "intersection_update", m_intersection_update);
    add_method(ty, "difference_update", m_difference_update);
    add_method(
        ty,
        "symmetric_difference_update",
        m_symmetric_difference_update,
    );
    add_wrappers(
        ty,
        &["__ior__", "__iand__", "__isub__", "__ixor__", "__init__"],
    );
    super::add_attr(ty, "__hash__", none());
    add_new(ty, m_set_new);

    let ty = &FROZENSET_TYPE;
    ty.slots.hash.set(Some(frozenset_hash));
    ty.slots.new.set(Some(frozenset_new));
    add_wrappers(ty, &["__hash__"]);
    add_new(ty, m_frozenset_new);
}
