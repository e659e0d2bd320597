//! The `range` type (an `i64` fast path, arbitrary precision beyond it), and helpers
//! shared by the container types (`str`, `tuple`, `list`, `dict`, `set`, iterators):
//! keyword-argument binding for builtin methods, receiver checks, lexicographic
//! sequence comparison, repeat counts and allocation limits, and the `__new__` static
//! methods of builtin types.

use super::int::int_to_string;
use super::slice::{index_value, slice_long_indices, try_index};
use super::{add_attr, add_method, check_method_args, new_builtin_function};
use crate::object::function::NativeFn;
use crate::object::handle::dealloc_fixed;
use crate::object::int::{IntValue, int_value, new_int, new_int_value};
use crate::object::iter::{BigRangeIter, IterState, new_iter};
use crate::object::misc::{RangeData, SliceData, small_range_len};
use crate::object::singletons::{none, not_implemented, py_bool};
use crate::object::str::{str_of, try_new_str};
use crate::object::*;
use crate::vm::{Args, Vm};

// ----- shared helpers ------------------------------------------------------------------

/// Install `__new__` (a static method calling `f` with the class first) in a builtin
/// type's dict, so `super().__new__(cls, ...)` and heap subclasses reach the native
/// constructor.
pub fn add_new(ty: &TypeObject, f: NativeFn) {
    let new = alloc(
        &STATICMETHOD_TYPE,
        crate::object::function::StaticMethodData {
            callable: new_builtin_function("__new__", f, None),
        },
    );
    add_attr(ty, "__new__", new);
}

/// `descriptor 'append' for 'list' objects doesn't apply to a 'int' object`.
pub fn descr_error(method: &str, owner: &str, x: &PyRef) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
        x.ty().name()
    ))
}

/// The receiver of a builtin method (`args[0]`).
pub fn receiver<'a>(args: &Args<'a>, method: &str, owner: &str) -> PyResult<&'a PyRef> {
    args.args.first().ok_or_else(|| {
        PyErr::type_error(format!(
            "unbound method {owner}.{method}() needs an argument"
        ))
    })
}

/// Bind the arguments after the receiver to `names` (positional or keyword), CPython
/// style: `split() takes at most 2 arguments (3 given)`, `'foo' is an invalid keyword
/// argument for split()`, `split() got multiple values for argument 'sep'`. The first
/// `posonly` names cannot be given by keyword.
pub fn bind_method_args(
    args: &Args,
    fname: &str,
    names: &[&str],
    posonly: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let a = args.skip_self();
    bind_args(&a, fname, names, posonly)
}

/// Like [`bind_method_args`] for a function without a receiver.
pub fn bind_args(
    args: &Args,
    fname: &str,
    names: &[&str],
    posonly: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let pos = args.positional();
    if pos.len() > names.len() {
        let n = names.len();
        return Err(PyErr::type_error(if n == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            format!(
                "{fname}() takes at most {n} argument{} ({} given)",
                if n == 1 { "" } else { "s" },
                pos.len() + args.kwnames.len()
            )
        }));
    }
    let mut out: Vec<Option<PyRef>> = names.iter().map(|_| None).collect();
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (k, v) in args.keywords() {
        let k = &*str_of(k);
        match names.iter().position(|n| *n == k) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok(out)
}

/// CPython's lexicographic sequence comparison: find the first index where the items
/// differ by `==`, then compare those items with `op` (or the lengths if none differ).
pub fn seq_richcompare(vm: &mut Vm, a: &[PyRef], b: &[PyRef], op: CompareOp) -> PyResult {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(py_bool(op == CompareOp::Ne));
    }
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n {
        if !vm.eq(&a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= n {
        let (x, y) = (a.len(), b.len());
        let r = match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        };
        return Ok(py_bool(r));
    }
    match op {
        CompareOp::Eq => Ok(py_bool(false)),
        CompareOp::Ne => Ok(py_bool(true)),
        _ => vm.rich_compare(&a[i], &b[i], op),
    }
}

/// The repeat count of `seq * n` when `n` is an int (or has `__index__`): negative
/// counts become 0; `Ok(None)` when `n` is not int-like. Counts beyond `isize`
/// raise `OverflowError: cannot fit 'int' into an index-sized integer`.
pub fn repeat_count(vm: &mut Vm, n: &PyRef) -> PyResult<Option<usize>> {
    if n.ty().slots.index.get().is_none() && int_value(n).is_none() {
        return Ok(None);
    }
    let v = index_value(vm, n)?;
    let i = super::slice::isize_or_overflow(&v, n)?;
    Ok(Some(i.max(0) as usize))
}

/// `MemoryError` unless `count` items of `item_size` bytes fit in an allocation at all
/// (CPython checks sizes against `PY_SSIZE_T_MAX` the same way).
pub fn check_alloc(count: usize, item_size: usize) -> PyResult<()> {
    match count.checked_mul(item_size.max(1)) {
        Some(b) if b <= isize::MAX as usize => Ok(()),
        _ => Err(PyErr::bare(&MEMORY_ERROR)),
    }
}

/// An empty vector with room for `count` items, or `MemoryError` when the allocator
/// refuses (instead of aborting the process).
pub fn try_vec<T>(count: usize) -> PyResult<Vec<T>> {
    check_alloc(count, std::mem::size_of::<T>())?;
    let mut v = Vec::new();
    v.try_reserve_exact(count)
        .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
    Ok(v)
}

/// An empty string with room for `bytes` bytes, or `MemoryError`.
pub fn try_string(bytes: usize) -> PyResult<String> {
    check_alloc(bytes, 1)?;
    let mut s = String::new();
    s.try_reserve_exact(bytes)
        .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
    Ok(s)
}

/// `repr(x)` for a container element; `repr` itself bounds the recursion.
pub fn join_reprs(vm: &mut Vm, items: &[PyRef], out: &mut String) -> PyResult<()> {
    for (i, x) in items.iter().enumerate() {
        let r = vm.repr(x)?;
        push_text(out, if i > 0 { ", " } else { "" })?;
        push_text(out, &str_of(&r))?;
    }
    Ok(())
}

/// `out.push_str(s)`, growing fallibly: text whose size a program controls must end
/// in MemoryError, not an abort.
pub fn push_text(out: &mut String, s: &str) -> PyResult<()> {
    out.try_reserve(s.len())
        .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
    out.push_str(s);
    Ok(())
}

// ----- range -------------------------------------------------------------------------

fn range_data<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a RangeData> {
    x.downcast::<RangeData>()
        .ok_or_else(|| descr_error(method, "range", x))
}

fn too_large() -> PyErr {
    PyErr::overflow("Python int too large to convert to C ssize_t")
}

fn new_range(r: RangeData) -> PyRef {
    alloc(&RANGE_TYPE, r)
}

fn range_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    if args.has_keywords() {
        return Err(PyErr::type_error("range() takes no keyword arguments"));
    }
    let pos = args.positional();
    let (start, stop, step) = match pos.len() {
        0 => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ));
        }
        1 => (
            IntValue::Small(0),
            index_value(vm, &pos[0])?,
            IntValue::Small(1),
        ),
        2 | 3 => {
            let a = index_value(vm, &pos[0])?;
            let b = index_value(vm, &pos[1])?;
            let c = match pos.get(2) {
                Some(s) => index_value(vm, s)?,
                None => IntValue::Small(1),
            };
            if c == IntValue::Small(0) {
                return Err(PyErr::value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
        n => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )));
        }
    };
    Ok(new_range(RangeData::new(start, stop, step)))
}

fn range_repr(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let r = range_data(x, "__repr__")?;
    let start = int_to_string(&r.start())?;
    let stop = int_to_string(&r.stop())?;
    let step = r.step();
    try_new_str(&if step == IntValue::Small(1) {
        format!("range({start}, {stop})")
    } else {
        format!("range({start}, {stop}, {})", int_to_string(&step)?)
    })
}

/// The length, or OverflowError when it does not fit an `isize` (as CPython).
fn range_len(_vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    range_data(x, "__len__")?.len_isize().ok_or_else(too_large)
}

fn range_bool(_vm: &mut Vm, x: &PyRef) -> PyResult<bool> {
    Ok(!range_data(x, "__bool__")?.is_empty())
}

fn range_getitem(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult {
    let r = range_data(x, "__getitem__")?;
    if let Some(s) = key.downcast::<SliceData>() {
        // CPython's `compute_slice`: resolve against the length, then map the slice's
        // positions to values.
        let len = r.len_value().to_big();
        let (a, b, c) = slice_long_indices(vm, s, &len)?;
        let step = r.step().to_big() * c;
        let (start, stop) = (r.item_unchecked(&a), r.item_unchecked(&b));
        return Ok(new_range(RangeData::from_big(start, stop, step)));
    }
    match try_index(vm, key)? {
        Some(i) => match r.item(&i) {
            Some(v) => Ok(new_int_value(v)),
            None => Err(PyErr::index_error("range object index out of range")),
        },
        None => Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.ty().name()
        ))),
    }
}

fn is_exact_int(x: &PyRef) -> bool {
    x.is_exact(&INT_TYPE) || x.is_exact(&BOOL_TYPE)
}

/// CPython's `_PySequence_IterSearch` over a range, for operands that are not exact
/// ints: the index of the first element `== item` (`Ok(None)` when there is none),
/// or with `count` the number of such elements.
fn range_search(vm: &mut Vm, x: &PyRef, item: &PyRef, count: bool) -> PyResult<Option<usize>> {
    let it = range_iter(vm, x)?;
    let (mut i, mut n) = (0usize, 0usize);
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, item)? {
            if !count {
                return Ok(Some(i));
            }
            n += 1;
        }
        i += 1;
    }
    Ok(count.then_some(n))
}

fn range_contains(vm: &mut Vm, x: &PyRef, item: &PyRef) -> PyResult<bool> {
    let r = range_data(x, "__contains__")?;
    if is_exact_int(item) {
        return Ok(int_value(item).is_some_and(|v| r.contains(v)));
    }
    Ok(range_search(vm, x, item, false)?.is_some())
}

/// Whether CPython iterates the small range with a `range_iterator` (else a
/// `longrange_iterator`): the length and `start + len * step` must fit a C long.
fn fast_iter(start: i64, stop: i64, step: i64) -> bool {
    let n = small_range_len(start, stop, step);
    if n > i64::MAX as u64 {
        return false;
    }
    n == 0
        || if step > 0 {
            stop <= i64::MAX - (step - 1)
        } else {
            stop >= i64::MIN + (-1 - step)
        }
}

/// Like [`fast_iter`] for `reversed()`: `-step`, `start - step` and the length must fit
/// a C long.
fn fast_reversed(start: i64, stop: i64, step: i64) -> bool {
    if step == i64::MIN {
        return false;
    }
    let start_minus_step_fits = if step > 0 {
        (start as u64).wrapping_sub(i64::MIN as u64) >= step as u64
    } else {
        (i64::MAX as u64).wrapping_sub(start as u64) >= 0u64.wrapping_sub(step as u64)
    };
    start_minus_step_fits && small_range_len(start, stop, step) <= i64::MAX as u64
}

fn range_iter(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(match range_data(x, "__iter__")? {
        &RangeData::Small { start, stop, step } => {
            let ty = if fast_iter(start, stop, step) {
                &RANGE_ITERATOR_TYPE
            } else {
                &LONGRANGE_ITERATOR_TYPE
            };
            let remaining = small_range_len(start, stop, step) as usize;
            new_iter(
                ty,
                IterState::Range {
                    next: start,
                    step,
                    remaining,
                },
            )
        }
        RangeData::Big(b) => new_iter(
            &LONGRANGE_ITERATOR_TYPE,
            IterState::BigRange(Box::new(BigRangeIter {
                next: b.start.clone(),
                step: b.step.clone(),
                remaining: b.len.clone(),
            })),
        ),
    })
}

fn range_reversed(_vm: &mut Vm, x: &PyRef) -> PyResult {
    Ok(match range_data(x, "__reversed__")? {
        &RangeData::Small { start, stop, step } => {
            let ty = if fast_reversed(start, stop, step) {
                &RANGE_ITERATOR_TYPE
            } else {
                &LONGRANGE_ITERATOR_TYPE
            };
            let n = small_range_len(start, stop, step);
            // The last element (which fits an i64); the negated step may wrap, which
            // the iterator's wrapping additions absorb.
            let last = if n == 0 {
                start
            } else {
                (start as i128 + (n as i128 - 1) * step as i128) as i64
            };
            new_iter(
                ty,
                IterState::Range {
                    next: last,
                    step: step.wrapping_neg(),
                    remaining: n as usize,
                },
            )
        }
        RangeData::Big(b) => new_iter(
            &LONGRANGE_ITERATOR_TYPE,
            IterState::BigRange(Box::new(BigRangeIter {
                next: &b.start + (&b.len - 1u32) * &b.step,
                step: -&b.step,
                remaining: b.len.clone(),
            })),
        ),
    })
}

/// `(len, start, step)` normalised as CPython compares and hashes ranges: the start
/// only matters for a non-empty range, the step only with two or more elements.
fn range_key(r: &RangeData) -> (IntValue, Option<IntValue>, Option<IntValue>) {
    let n = r.len_value();
    match n {
        IntValue::Small(0) => (n, None, None),
        IntValue::Small(1) => (n, Some(r.start()), None),
        _ => (n, Some(r.start()), Some(r.step())),
    }
}

fn range_richcompare(_vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<RangeData>(), b.downcast::<RangeData>()) else {
        return Ok(not_implemented());
    };
    let eq = a.is(b) || range_key(x) == range_key(y);
    match op {
        CompareOp::Eq => Ok(py_bool(eq)),
        CompareOp::Ne => Ok(py_bool(!eq)),
        _ => Ok(not_implemented()),
    }
}

/// `hash((len, start, step))` with the parts `range_key` drops replaced by None.
fn range_hash(vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    let r = range_data(x, "__hash__")?;
    let (n, start, step) = range_key(r);
    let none_hash = vm.hash(&none())?;
    let hash_value = |v: &IntValue| match v {
        IntValue::Small(v) => crate::format::hash_i64(*v),
        IntValue::Big(b) => crate::format::hash_int(b),
    };
    let h = |v: Option<IntValue>| v.as_ref().map(hash_value).unwrap_or(none_hash);
    Ok(crate::format::hash_tuple(&[
        hash_value(&n),
        h(start),
        h(step),
    ]))
}

fn range_getattro(vm: &mut Vm, x: &PyRef, name: &PyRef) -> PyResult {
    if let Some(r) = x.downcast::<RangeData>() {
        match &*str_of(name) {
            "start" => return Ok(new_int_value(r.start())),
            "stop" => return Ok(new_int_value(r.stop())),
            "step" => return Ok(new_int_value(r.step())),
            _ => {}
        }
    }
    vm.generic_getattr(x, name)
}

fn m_index(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("range.index", &args, 1, 1)?;
    let r = range_data(x, "index")?;
    let item = &rest[0];
    if is_exact_int(item) {
        if let Some(i) = int_value(item).and_then(|v| r.index_of(v)) {
            return Ok(new_int_value(i));
        }
        let s = vm.repr_string(item)?;
        return Err(PyErr::value_error(format!("{s} is not in range")));
    }
    match range_search(vm, x, item, false)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(PyErr::value_error("sequence.index(x): x not in sequence")),
    }
}

fn m_count(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("range.count", &args, 1, 1)?;
    let r = range_data(x, "count")?;
    let item = &rest[0];
    if is_exact_int(item) {
        return Ok(new_int(i64::from(
            int_value(item).is_some_and(|v| r.contains(v)),
        )));
    }
    let n = range_search(vm, x, item, true)?.unwrap_or(0);
    Ok(new_int(n as i64))
}

fn m_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("__reversed__", &args, 0, 0)?;
    range_reversed(vm, x)
}

fn m_len(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("__len__", &args, 0, 0)?;
    Ok(new_int(range_len(vm, x)? as i64))
}

fn m_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("__getitem__", &args, 1, 1)?;
    range_getitem(vm, x, &rest[0])
}

fn m_contains(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("__contains__", &args, 1, 1)?;
    Ok(py_bool(range_contains(vm, x, &rest[0])?))
}

fn m_iter(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("__iter__", &args, 0, 0)?;
    range_iter(vm, x)
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => range_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error("range.__new__(): not enough arguments")),
    }
}

pub fn init() {
    let ty = &RANGE_TYPE;
    ty.dealloc.set(dealloc_fixed::<RangeData>);
    let s = &ty.slots;
    s.repr.set(Some(range_repr));
    s.len.set(Some(range_len));
    s.bool.set(Some(range_bool));
    s.getitem.set(Some(range_getitem));
    s.contains.set(Some(range_contains));
    s.iter.set(Some(range_iter));
    s.richcompare.set(Some(range_richcompare));
    s.hash.set(Some(range_hash));
    s.new.set(Some(range_new));
    s.getattro.set(Some(range_getattro));
    s.setattro.set(Some(super::slice::start_stop_step_setattro));
    add_method(ty, "index", m_index);
    add_method(ty, "count", m_count);
    add_method(ty, "__reversed__", m_reversed);
    add_method(ty, "__len__", m_len);
    add_method(ty, "__getitem__", m_getitem);
    add_method(ty, "__contains__", m_contains);
    add_method(ty, "__iter__", m_iter);
    add_new(ty, m_new);
}

// ----- dunder methods that call a builtin type's slots ------------------------------------

/// The first non-heap type along `x`'s solid-base chain: whose native slots a dunder
/// wrapper calls (so `super().__len__()` in a subclass reaches `list`'s slot).
fn native_type(x: &PyRef) -> &TypeObject {
    let mut t = x.ty();
    while t.has_flag(typeobj::flags::HEAPTYPE) {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    t
}

fn no_slot(name: &str, x: &PyRef) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{name}' does not apply to a '{}' object",
        x.ty().name()
    ))
}

fn w_unary(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let (x, _) = check_method_args(name, &args, 0, 0)?;
    let s = &native_type(x).slots;
    match name {
        "__repr__" => match s.repr.get() {
            Some(f) => f(vm, x),
            None => Err(no_slot(name, x)),
        },
        "__str__" => match s.str.get() {
            Some(f) => f(vm, x),
            None => vm.repr(x),
        },
        "__hash__" => match s.hash.get() {
            Some(f) => Ok(new_int(f(vm, x)?)),
            None => Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                x.ty().name()
            ))),
        },
        "__len__" => match s.len.get() {
            Some(f) => Ok(new_int(f(vm, x)? as i64)),
            None => Err(no_slot(name, x)),
        },
        "__iter__" => match s.iter.get() {
            Some(f) => f(vm, x),
            None => Err(no_slot(name, x)),
        },
        "__next__" => match s.iternext.get() {
            Some(f) => match f(vm, x)? {
                Some(v) => Ok(v),
                None => Err(PyErr::stop_iteration()),
            },
            None => Err(no_slot(name, x)),
        },
        "__bool__" => match s.bool.get() {
            Some(f) => Ok(py_bool(f(vm, x)?)),
            None => Err(no_slot(name, x)),
        },
        _ => Err(no_slot(name, x)),
    }
}

fn w_binary(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let (x, rest) = check_method_args(name, &args, 1, 1)?;
    let o = &rest[0];
    let s = &native_type(x).slots;
    match name {
        "__getitem__" => match s.getitem.get() {
            Some(f) => f(vm, x, o),
            None => Err(no_slot(name, x)),
        },
        "__delitem__" => match s.setitem.get() {
            Some(f) => f(vm, x, o, None).map(|_| none()),
            None => Err(no_slot(name, x)),
        },
        "__contains__" => match s.contains.get() {
            Some(f) => Ok(py_bool(f(vm, x, o)?)),
            None => Err(no_slot(name, x)),
        },
        _ => {
            if let Some(i) = CMP_NAMES.iter().position(|n| *n == name) {
                return match s.richcompare.get() {
                    Some(f) => f(vm, x, o, CompareOp::from_u32(i as u32)),
                    None => Ok(not_implemented()),
                };
            }
            let nb = super::typeobject::NB_DUNDERS;
            if let Some(i) = nb.iter().position(|d| d.0 == name) {
                return match s.nb[i].get() {
                    Some(f) => f(vm, x, o),
                    None => Ok(not_implemented()),
                };
            }
            if let Some(i) = nb.iter().position(|d| d.1 == name) {
                return match s.nb[i].get() {
                    Some(f) => f(vm, o, x),
                    None => Ok(not_implemented()),
                };
            }
            if let Some(i) = nb.iter().position(|d| d.2 == name) {
                return match (s.nb_inplace[i].get(), s.nb[i].get()) {
                    (Some(f), _) | (None, Some(f)) => f(vm, x, o),
                    (None, None) => Ok(not_implemented()),
                };
            }
            Err(no_slot(name, x))
        }
    }
}

fn w_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("__setitem__", &args, 2, 2)?;
    match native_type(x).slots.setitem.get() {
        Some(f) => f(vm, x, &rest[0], Some(rest[1].clone())).map(|_| none()),
        None => Err(no_slot("__setitem__", x)),
    }
}

fn w_init(vm: &mut Vm, args: Args) -> PyResult {
    let x = receiver(&args, "__init__", "object")?;
    match native_type(x).slots.init.get() {
        Some(f) => f(vm, x, args.skip_self()).map(|_| none()),
        None => Ok(none()),
    }
}

const CMP_NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

macro_rules! wrappers {
    ($( $name:literal => $kind:ident ),* $(,)?) => {
        /// Every dunder this module can install, with its wrapper.
        const WRAPPERS: &[(&str, NativeFn)] = &[
            $( ($name, |vm, args| $kind(vm, args, $name)), )*
        ];
    };
}

wrappers! {
    "__repr__" => w_unary, "__str__" => w_unary, "__hash__" => w_unary, "__len__" => w_unary,
    "__iter__" => w_unary, "__next__" => w_unary, "__bool__" => w_unary,
    "__getitem__" => w_binary, "__delitem__" => w_binary, "__contains__" => w_binary,
    "__lt__" => w_binary, "__le__" => w_binary, "__eq__" => w_binary, "__ne__" => w_binary,
    "__gt__" => w_binary, "__ge__" => w_binary,
    "__add__" => w_binary, "__radd__" => w_binary, "__iadd__" => w_binary,
    "__mul__" => w_binary, "__rmul__" => w_binary, "__imul__" => w_binary,
    "__mod__" => w_binary, "__rmod__" => w_binary,
    "__or__" => w_binary, "__ror__" => w_binary, "__ior__" => w_binary,
    "__and__" => w_binary, "__rand__" => w_binary, "__iand__" => w_binary,
    "__sub__" => w_binary, "__rsub__" => w_binary, "__isub__" => w_binary,
    "__xor__" => w_binary, "__rxor__" => w_binary, "__ixor__" => w_binary,
}

/// Add the named dunder methods (`"__len__"`, `"__eq__"`, `"__radd__"`, `"__setitem__"`,
/// `"__init__"`, …) to a builtin type; each calls the native slot of the receiver's
/// builtin base. Names without a wrapper are ignored.
pub fn add_wrappers(ty: &TypeObject, names: &[&'static str]) {
    for &name in names {
        match name {
            "__setitem__" => add_method(ty, name, w_setitem),
            "__init__" => add_method(ty, name, w_init),
            "__richcmp__" => {
                for n in CMP_NAMES {
                    add_wrappers(ty, &[n]);
                }
            }
            _ => {
                if let Some((_, f)) = WRAPPERS.iter().find(|(n, _)| *n == name) {
                    add_method(ty, name, *f);
                }
            }
        }
    }
}
