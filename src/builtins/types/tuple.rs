//! `tuple`: repr, hash (CPython's xxHash-based `tuplehash`), lexicographic comparison,
//! indexing and slicing, concatenation and repetition, the constructor and the
//! `index`/`count` methods.

use super::containers::{
    add_new, add_wrappers, descr_error, join_reprs, receiver, repeat_count, seq_richcompare,
    try_vec,
};
use super::list::{repr_enter, repr_leave};
use super::slice::{SeqIndex, norm_index, seq_subscript, slice_positions};
use super::{add_method, check_args, check_method_args};
use crate::object::int::new_int;
use crate::object::singletons::not_implemented;
use crate::object::str::{new_str, try_new_str};
use crate::object::tuple::{as_tuple, new_tuple, new_tuple_of_type};
use crate::object::*;
use crate::vm::{Args, Vm};

fn items<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a [PyRef]> {
    as_tuple(x).ok_or_else(|| descr_error(method, "tuple", x))
}

fn tuple_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let t = items(x, "__repr__")?;
    if t.is_empty() {
        return Ok(new_str("()"));
    }
    if !repr_enter(x.addr()) {
        return Ok(new_str("(...)"));
    }
    let mut out = String::from("(");
    let r = join_reprs(vm, t, &mut out);
    repr_leave(x.addr());
    r?;
    if t.len() == 1 {
        out.push(',');
    }
    out.push(')');
    try_new_str(&out)
}

fn tuple_hash(vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    let t = items(x, "__hash__")?;
    let mut hashes = Vec::with_capacity(t.len());
    vm.enter_uncounted_recursion()?;
    let r: PyResult<()> = t.iter().try_for_each(|item| {
        hashes.push(vm.hash(item)?);
        Ok(())
    });
    vm.leave_uncounted_recursion();
    r?;
    Ok(crate::format::hash_tuple(&hashes))
}

fn tuple_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    match (as_tuple(a), as_tuple(b)) {
        (Some(x), Some(y)) => seq_richcompare(vm, x, y, op),
        _ => Ok(not_implemented()),
    }
}

fn tuple_len(_vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    Ok(items(x, "__len__")?.len())
}

fn tuple_getitem(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult {
    let len = items(x, "__getitem__")?.len();
    match seq_subscript(vm, key, len, "tuple")? {
        SeqIndex::Int(i) => match norm_index(i, len) {
            Some(i) => Ok(items(x, "__getitem__")?[i].clone()),
            None => Err(PyErr::index_error("tuple index out of range")),
        },
        SeqIndex::Slice { start, stop, step } => {
            let t = items(x, "__getitem__")?;
            if start == 0 && step == 1 && stop as usize >= t.len() && x.is_exact(&TUPLE_TYPE) {
                return Ok(x.clone());
            }
            let v: Vec<PyRef> = slice_positions(start, stop, step)
                .map(|i| t[i].clone())
                .collect();
            Ok(new_tuple(v))
        }
    }
}

fn tuple_contains(vm: &mut Vm, x: &PyRef, item: &PyRef) -> PyResult<bool> {
    let t = items(x, "__contains__")?.to_vec();
    for v in &t {
        if vm.eq(v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_iter(_vm: &mut Vm, x: &PyRef) -> PyResult {
    items(x, "__iter__")?;
    Ok(crate::object::iter::new_seq_iter(&TUPLE_ITERATOR_TYPE, x))
}

fn tuple_add(_vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (as_tuple(a), as_tuple(b)) else {
        return Ok(not_implemented());
    };
    if y.is_empty() && a.is_exact(&TUPLE_TYPE) {
        return Ok(a.clone());
    }
    if x.is_empty() && b.is_exact(&TUPLE_TYPE) {
        return Ok(b.clone());
    }
    let mut v = try_vec(x.len() + y.len())?;
    v.extend_from_slice(x);
    v.extend_from_slice(y);
    Ok(new_tuple(v))
}

/// `tuple * n` in either order.
fn tuple_mul(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (t, n) = if as_tuple(a).is_some() {
        (a, b)
    } else if as_tuple(b).is_some() {
        (b, a)
    } else {
        return Ok(not_implemented());
    };
    let Some(n) = repeat_count(vm, n)? else {
        return Ok(not_implemented());
    };
    let items = as_tuple(t).unwrap_or(&[]);
    if n == 1 && t.is_exact(&TUPLE_TYPE) {
        return Ok(t.clone());
    }
    if items.is_empty() || n == 0 {
        return Ok(new_tuple(Vec::new()));
    }
    let total = items
        .len()
        .checked_mul(n)
        .ok_or_else(|| PyErr::bare(&MEMORY_ERROR))?;
    let mut v = try_vec(total)?;
    for _ in 0..n {
        v.extend_from_slice(items);
    }
    Ok(new_tuple(v))
}

/// `tuple(iterable)`; `tuple(t) is t` for an exact tuple.
fn tuple_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty = try_type(cls)
        .ok_or_else(|| PyErr::type_error("tuple.__new__(X): X is not a type object"))?;
    if args.has_keywords() {
        return Err(PyErr::type_error("tuple() takes no keyword arguments"));
    }
    let pos = check_args("tuple", &args, 0, 1)?;
    let exact = std::ptr::eq(ty, &TUPLE_TYPE);
    let items = match pos.first() {
        None => Vec::new(),
        Some(x) => {
            if exact && x.is_exact(&TUPLE_TYPE) {
                return Ok(x.clone());
            }
            vm.collect_sized(x)?
        }
    };
    if exact {
        Ok(new_tuple(items))
    } else if ty.layout == Layout::Tuple {
        Ok(new_tuple_of_type(ty, &items))
    } else {
        Err(PyErr::type_error(format!(
            "tuple.__new__({}): {} is not a subtype of tuple",
            ty.name(),
            ty.name()
        )))
    }
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => tuple_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error("tuple.__new__(): not enough arguments")),
    }
}

/// `start`/`stop` of `index()`: clamped indices, None not allowed.
pub(crate) fn index_bounds(vm: &mut Vm, args: &[PyRef], len: usize) -> PyResult<(usize, usize)> {
    let mut bound = |x: Option<&PyRef>, default: isize| -> PyResult<usize> {
        let v = match x {
            None => default,
            Some(x) => match super::slice::try_index(vm, x)? {
                Some(v) => super::slice::clamp_isize(&v),
                None => {
                    return Err(PyErr::type_error(
                        "slice indices must be integers or have an __index__ method",
                    ));
                }
            },
        };
        Ok(if v < 0 {
            (v as i128 + len as i128).max(0) as usize
        } else {
            v as usize
        })
    };
    let start = bound(args.first(), 0)?;
    let stop = bound(args.get(1), isize::MAX)?;
    Ok((start, stop))
}

fn m_index(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("index", &args, 1, 3)?;
    let t = items(x, "index")?.to_vec();
    let (start, stop) = index_bounds(vm, &rest[1..], t.len())?;
    let stop = stop.min(t.len());
    for (i, v) in t.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, &rest[0])? {
            return Ok(new_int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn m_count(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("tuple.count", &args, 1, 1)?;
    let t = items(x, "count")?.to_vec();
    let mut n = 0;
    for v in &t {
        if vm.eq(v, &rest[0])? {
            n += 1;
        }
    }
    Ok(new_int(n))
}

fn m_getnewargs(_vm: &mut Vm, args: Args) -> PyResult {
    let x = receiver(&args, "__getnewargs__", "tuple")?;
    let t = items(x, "__getnewargs__")?;
    Ok(new_tuple(vec![new_tuple(t.to_vec())]))
}

pub fn init() {
    let ty = &TUPLE_TYPE;
    ty.dealloc.set(crate::object::tuple::DEALLOC);
    let s = &ty.slots;
    s.repr.set(Some(tuple_repr));
    s.hash.set(Some(tuple_hash));
    s.richcompare.set(Some(tuple_richcompare));
    s.len.set(Some(tuple_len));
    s.getitem.set(Some(tuple_getitem));
    s.contains.set(Some(tuple_contains));
    s.iter.set(Some(tuple_iter));
    s.nb[0].set(Some(tuple_add));
    s.nb[5].set(Some(tuple_mul));
    s.new.set(Some(tuple_new));
    add_method(ty, "index", m_index);
    add_method(ty, "count", m_count);
    add_method(ty, "__getnewargs__", m_getnewargs);
    add_wrappers(
        ty,
        &[
            "__repr__",
            "__hash__",
            "__len__",
            "__getitem__",
            "__contains__",
            "__iter__",
            "__richcmp__",
            "__add__",
            "__mul__",
            "__rmul__",
        ],
    );
    add_new(ty, m_new);
}
