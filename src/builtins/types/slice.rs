//! `slice` objects and the index arithmetic shared by every sequence type.
//!
//! [`slice_indices`] is CPython's `PySlice_GetIndicesEx` (unpack, then clamp to the
//! sequence length), [`slice_long_indices`] its arbitrary-precision twin
//! (`_PySlice_GetLongIndices`, for `range`); [`slice_len`] counts the positions a
//! resolved slice visits. The `pub(crate)` helpers turn subscripts into sequence
//! positions with CPython's error messages: [`try_index`] (an int or an object with
//! `__index__`), [`seq_subscript`] (int or slice) and [`norm_index`].

use super::{add_attr, add_method, check_args, check_method_args};
use crate::object::handle::dealloc_fixed;
use crate::object::int::{IntValue, int_value, new_int};
use crate::object::misc::SliceData;
use crate::object::singletons::{is_none, none, not_implemented, py_bool};
use crate::object::str::try_new_str;
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A new slice object (`BUILD_SLICE`, `slice(...)`).
pub fn new_slice(start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    alloc(&SLICE_TYPE, SliceData { start, stop, step })
}

/// The value of an int, or of an object with `__index__`; `Ok(None)` when `x` has
/// neither (the caller raises its own TypeError).
pub fn try_index(vm: &mut Vm, x: &PyRef) -> PyResult<Option<IntValue>> {
    if let Some(v) = int_value(x) {
        return Ok(Some(v.clone()));
    }
    if let Some(f) = x.ty().slots.index.get() {
        let r = f(vm, x)?;
        return match int_value(&r) {
            Some(v) => Ok(Some(v.clone())),
            None => Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                r.ty().name()
            ))),
        };
    }
    Ok(None)
}

/// `x` as an index, with `'T' object cannot be interpreted as an integer` otherwise.
pub fn index_value(vm: &mut Vm, x: &PyRef) -> PyResult<IntValue> {
    match try_index(vm, x)? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            x.ty().name()
        ))),
    }
}

/// An int value as `isize`, saturating (CPython's `PyNumber_AsSsize_t(v, NULL)`).
pub fn clamp_isize(v: &IntValue) -> isize {
    match v {
        IntValue::Small(i) => (*i).clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        IntValue::Big(b) => {
            if b.is_negative() {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    }
}

/// The value `v` of `of.__index__()` as `isize`, or `IndexError: cannot fit 'T' into
/// an index-sized integer` naming `of`'s class (CPython's
/// `PyNumber_AsSsize_t(of, PyExc_IndexError)`).
pub fn isize_or_index_error(v: &IntValue, of: &PyRef) -> PyResult<isize> {
    fits_isize(v).ok_or_else(|| PyErr::index_error(cannot_fit(of)))
}

/// As [`isize_or_index_error`], raising OverflowError
/// (`PyNumber_AsSsize_t(of, PyExc_OverflowError)`: sequence repetition).
pub fn isize_or_overflow(v: &IntValue, of: &PyRef) -> PyResult<isize> {
    fits_isize(v).ok_or_else(|| PyErr::overflow(cannot_fit(of)))
}

fn fits_isize(v: &IntValue) -> Option<isize> {
    match v {
        IntValue::Small(i) => isize::try_from(*i).ok(),
        IntValue::Big(b) => b.to_isize(),
    }
}

fn cannot_fit(of: &PyRef) -> String {
    format!(
        "cannot fit '{}' into an index-sized integer",
        of.ty().name()
    )
}

/// A method's `Py_ssize_t` argument (`__index__` honoured), `'T' object cannot be
/// interpreted as an integer` otherwise; overflow is CPython's argument-clinic
/// OverflowError (`Python int too large to convert to C ssize_t`).
pub fn as_isize(vm: &mut Vm, x: &PyRef) -> PyResult<isize> {
    let v = index_value(vm, x)?;
    fits_isize(&v).ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))
}

/// A slice bound: None, or an index clamped to `isize`.
fn slice_bound(vm: &mut Vm, x: &PyRef) -> PyResult<Option<isize>> {
    if is_none(x) {
        return Ok(None);
    }
    match try_index(vm, x)? {
        Some(v) => Ok(Some(clamp_isize(&v))),
        None => Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's `PySlice_Unpack`: the raw `(start, stop, step)` with None replaced by the
/// extreme values and step checked.
pub fn slice_unpack(vm: &mut Vm, s: &SliceData) -> PyResult<(isize, isize, isize)> {
    let step = match slice_bound(vm, &s.step)? {
        None => 1,
        Some(0) => return Err(PyErr::value_error("slice step cannot be zero")),
        Some(v) => v.max(-isize::MAX),
    };
    let start = match slice_bound(vm, &s.start)? {
        None => {
            if step < 0 {
                isize::MAX
            } else {
                0
            }
        }
        Some(v) => v,
    };
    let stop = match slice_bound(vm, &s.stop)? {
        None => {
            if step < 0 {
                isize::MIN
            } else {
                isize::MAX
            }
        }
        Some(v) => v,
    };
    Ok((start, stop, step))
}

/// CPython's `PySlice_AdjustIndices` on unpacked values: clamp to `len`.
pub fn slice_adjust(len: usize, start: isize, stop: isize, step: isize) -> (isize, isize, isize) {
    let len = len.min(isize::MAX as usize) as isize;
    let adjust = |v: isize| -> isize {
        if v < 0 {
            let w = v.saturating_add(len);
            if w < 0 {
                if step < 0 { -1 } else { 0 }
            } else {
                w
            }
        } else if v >= len {
            if step < 0 { len - 1 } else { len }
        } else {
            v
        }
    };
    (adjust(start), adjust(stop), step)
}

/// CPython's `PySlice_GetIndicesEx` minus the length: the slice's `(start, stop, step)`
/// resolved for a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, s: &SliceData, len: usize) -> PyResult<(isize, isize, isize)> {
    let (start, stop, step) = slice_unpack(vm, s)?;
    Ok(slice_adjust(len, start, stop, step))
}

/// A part of a slice for [`slice_long_indices`]: None, or its index value.
fn long_slice_part(vm: &mut Vm, x: &PyRef) -> PyResult<Option<BigInt>> {
    if is_none(x) {
        return Ok(None);
    }
    match try_index(vm, x)? {
        Some(v) => Ok(Some(v.to_big())),
        None => Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's `_PySlice_GetLongIndices`: the slice's `(start, stop, step)` resolved for
/// a sequence of `len` items, in arbitrary precision (used by `range`, whose length
/// need not fit an `isize`).
pub fn slice_long_indices(
    vm: &mut Vm,
    s: &SliceData,
    len: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = long_slice_part(vm, &s.step)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let resolve = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(v) if v.is_negative() => {
                let w = v + len;
                if w < lower { lower.clone() } else { w }
            }
            Some(v) => {
                if v > upper {
                    upper.clone()
                } else {
                    v
                }
            }
        }
    };
    let start = long_slice_part(vm, &s.start)?;
    let start = resolve(start, if neg { &upper } else { &lower });
    let stop = long_slice_part(vm, &s.stop)?;
    let stop = resolve(stop, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

/// How many positions the resolved slice `(start, stop, step)` visits.
pub fn slice_len(start: isize, stop: isize, step: isize) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    n as usize
}

/// The positions a resolved slice visits, in order.
pub fn slice_positions(start: isize, stop: isize, step: isize) -> impl Iterator<Item = usize> {
    let n = slice_len(start, stop, step);
    (0..n).map(move |i| (start as i128 + i as i128 * step as i128) as usize)
}

/// A subscript of a sequence: one position, or a resolved slice.
pub enum SeqIndex {
    /// A raw index (not yet normalised against the length).
    Int(isize),
    Slice {
        start: isize,
        stop: isize,
        step: isize,
    },
}

/// Interpret `key` as a sequence subscript for a sequence of `len` items. `kind` names
/// the sequence in the TypeError (`list indices must be integers or slices, not str`).
pub fn seq_subscript(vm: &mut Vm, key: &PyRef, len: usize, kind: &str) -> PyResult<SeqIndex> {
    if let Some(s) = key.downcast::<SliceData>() {
        let (start, stop, step) = slice_indices(vm, s, len)?;
        return Ok(SeqIndex::Slice { start, stop, step });
    }
    match try_index(vm, key)? {
        Some(v) => Ok(SeqIndex::Int(isize_or_index_error(&v, key)?)),
        None => Err(PyErr::type_error(format!(
            "{kind} indices must be integers or slices, not {}",
            key.ty().name()
        ))),
    }
}

/// A raw index made non-negative and checked against `len`; `None` when out of range.
pub fn norm_index(i: isize, len: usize) -> Option<usize> {
    let len = len as i128;
    let j = if i < 0 { i as i128 + len } else { i as i128 };
    if (0..len).contains(&j) {
        Some(j as usize)
    } else {
        None
    }
}

// ----- the slice type --------------------------------------------------------------------

fn slice_data<'a>(x: &'a PyRef, name: &str) -> PyResult<&'a SliceData> {
    x.downcast::<SliceData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' for 'slice' objects doesn't apply to a '{}' object",
            x.ty().name()
        ))
    })
}

fn slice_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let s = slice_data(x, "__repr__")?;
    let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
    let a = vm.repr_string(&a)?;
    let b = vm.repr_string(&b)?;
    let c = vm.repr_string(&c)?;
    try_new_str(&format!("slice({a}, {b}, {c})"))
}

fn slice_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<SliceData>(), b.downcast::<SliceData>()) else {
        return Ok(not_implemented());
    };
    if a.is(b) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(py_bool(op == CompareOp::Eq));
    }
    let t1 = new_tuple(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
    let t2 = new_tuple(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
    vm.rich_compare(&t1, &t2, op)
}

fn slice_new(_vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    let pos = check_args("slice", &args, 1, 3)?;
    Ok(match pos {
        [stop] => new_slice(none(), stop.clone(), none()),
        [start, stop] => new_slice(start.clone(), stop.clone(), none()),
        [start, stop, step] => new_slice(start.clone(), stop.clone(), step.clone()),
        _ => new_slice(none(), none(), none()),
    })
}

fn slice_getattro(vm: &mut Vm, x: &PyRef, name: &PyRef) -> PyResult {
    if let Some(s) = x.downcast::<SliceData>() {
        match &*crate::object::str::str_of(name) {
            "start" => return Ok(s.start.clone()),
            "stop" => return Ok(s.stop.clone()),
            "step" => return Ok(s.step.clone()),
            _ => {}
        }
    }
    vm.generic_getattr(x, name)
}

/// `setattr` on a slice or range: `start`/`stop`/`step` are read-only members.
pub(crate) fn start_stop_step_setattro(
    _vm: &mut Vm,
    x: &PyRef,
    name: &PyRef,
    _value: Option<PyRef>,
) -> PyResult<()> {
    let n = &*crate::object::str::str_of(name);
    if matches!(n, "start" | "stop" | "step") {
        return Err(PyErr::attribute_error("readonly attribute"));
    }
    Err(crate::vm::ops::no_attribute(x, name))
}

/// `slice.indices(len)`.
fn m_indices(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("slice.indices", &args, 1, 1)?;
    let s = slice_data(x, "indices")?;
    let len = index_value(vm, &rest[0])?;
    let neg = match &len {
        IntValue::Small(v) => *v < 0,
        IntValue::Big(b) => b.is_negative(),
    };
    if neg {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let len = clamp_isize(&len) as usize;
    let (a, b, c) = slice_indices(vm, s, len)?;
    Ok(new_tuple(vec![
        new_int(a as i64),
        new_int(b as i64),
        new_int(c as i64),
    ]))
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => slice_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error("slice.__new__(): not enough arguments")),
    }
}

fn m_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("__repr__", &args, 0, 0)?;
    slice_repr(vm, x)
}

pub fn init() {
    let ty = &SLICE_TYPE;
    ty.dealloc.set(dealloc_fixed::<SliceData>);
    let s = &ty.slots;
    s.repr.set(Some(slice_repr));
    s.richcompare.set(Some(slice_richcompare));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.new.set(Some(slice_new));
    s.getattro.set(Some(slice_getattro));
    s.setattro.set(Some(start_stop_step_setattro));
    add_method(ty, "indices", m_indices);
    add_method(ty, "__repr__", m_repr);
    add_attr(ty, "__hash__", none());
    super::containers::add_new(ty, m_new);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjust_matches_cpython() {
        // (start, stop, step) for len 10: a[2:5], a[::-1], a[-100:3], a[7:2:-2], a[5:100].
        assert_eq!(slice_adjust(10, 2, 5, 1), (2, 5, 1));
        assert_eq!(slice_adjust(10, isize::MAX, isize::MIN, -1), (9, -1, -1));
        assert_eq!(slice_adjust(10, -100, 3, 1), (0, 3, 1));
        assert_eq!(slice_len(7, 2, -2), 3);
        assert_eq!(slice_positions(7, 2, -2).collect::<Vec<_>>(), vec![7, 5, 3]);
        assert_eq!(slice_adjust(10, 5, 100, 1), (5, 10, 1));
        assert_eq!(slice_len(9, -1, -1), 10);
        assert_eq!(norm_index(-1, 3), Some(2));
        assert_eq!(norm_index(-4, 3), None);
        assert_eq!(norm_index(3, 3), None);
    }
}
