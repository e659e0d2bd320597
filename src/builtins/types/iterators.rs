//! The native iterator types: the `iternext` slot for every `IterState` (list, tuple,
//! str, range, dict and set iterators, the `__getitem__` and callable iterators,
//! `enumerate`, `zip`, `map`, `filter`, `reversed`), `__iter__` returning self, and the
//! constructors of `enumerate`, `zip`, `map`, `filter` and `reversed`.
//!
//! Conventions of the states (shared with the container modules that create them):
//! - `Seq` over a str holds a *byte* offset into the UTF-8 text;
//! - `SeqRev` holds the next position + 1; for `list_reverseiterator` the sequence is a
//!   list, for `reversed` any sequence indexed through `__getitem__`;
//! - `Dict::version` is the dict's size when the iterator was made, `Dict::len` the
//!   number of items still expected;
//! - `Range` serves every range whose bounds and step fit in `i64` (as
//!   `range_iterator`, or `longrange_iterator` where CPython would use that type);
//!   `BigRange` serves the others;
//! - `Set::set` is the pair `(set, snapshot tuple in iteration order)`, `Set::len` the
//!   set's size when the iterator was made.
//!
//! No `RefCell` borrow of an iterator's state is held across a call into the VM.

use super::containers::{add_wrappers, bind_args};
use super::dict::dict_data;
use super::slice::index_value;
use super::{add_method, check_args, check_method_args};
use crate::object::handle::dealloc_fixed;
use crate::object::int::{IntValue, new_bigint, new_int};
use crate::object::iter::{DictIterKind, IterData, IterState, new_iter};
use crate::object::list::as_list;
use crate::object::set::as_set;
use crate::object::singletons::is_none;
use crate::object::str::{intern, new_text, str_of, str_text};
use crate::object::tuple::{as_tuple, new_tuple, tuple_items};
use crate::object::*;
use crate::vm::{Args, Vm};
use num_bigint::BigInt;
use num_traits::Signed;

/// A `callable_iterator` (`iter(func, sentinel)`).
pub fn new_callable_iterator(func: PyRef, sentinel: PyRef) -> PyRef {
    new_iter(
        &CALLABLE_ITERATOR_TYPE,
        IterState::Callable { func, sentinel },
    )
}

/// An `iterator` over `obj[0]`, `obj[1]`, … (the old sequence protocol).
pub fn new_seq_iterator(obj: PyRef) -> PyRef {
    new_iter(&SEQ_ITERATOR_TYPE, IterState::GetItem { obj, index: 0 })
}

fn state_of(it: &PyRef) -> PyResult<&IterData> {
    it.downcast::<IterData>()
        .ok_or_else(|| PyErr::type_error(format!("'{}' object is not an iterator", it.ty().name())))
}

fn exhaust(d: &IterData) {
    let old = std::mem::replace(&mut *d.state.borrow_mut(), IterState::Exhausted);
    drop(old);
}

/// What one step needs after the state borrow has ended.
enum Step {
    Value(Option<PyRef>),
    GetItem(PyRef, usize),
    Reversed(PyRef, usize),
    Callable(PyRef, PyRef),
    Enumerate(PyRef, IntValue),
    Zip(Vec<PyRef>, bool),
    Map(PyRef, Vec<PyRef>),
    Filter(Option<PyRef>, PyRef),
    Error(PyErr),
}

/// The next character of a str from byte offset `index`.
fn str_step(s: &PyRef, index: &mut usize) -> Option<PyRef> {
    let text = str_text(s)?;
    let rest = text.as_bytes().get(*index..)?;
    let &lead = rest.first()?;
    if lead.is_ascii() {
        *index += 1;
        return Some(intern(std::str::from_utf8(&rest[..1]).unwrap_or("")));
    }
    let start = *index;
    *index += crate::text::sequence_len(lead);
    Some(new_text(text.slice(start, (*index).min(text.len()))))
}

fn step(it: &PyRef, d: &IterData) -> Step {
    let mut st = d.state.borrow_mut();
    match &mut *st {
        IterState::Exhausted => Step::Value(None),
        IterState::Seq { seq, index } => {
            let v = if let Some(l) = as_list(seq) {
                l.get(*index)
            } else if let Some(t) = as_tuple(seq) {
                t.get(*index).cloned()
            } else if seq.ty().layout == Layout::Str {
                let seq = seq.clone();
                let mut i = *index;
                let v = str_step(&seq, &mut i);
                *index = i;
                return match v {
                    Some(v) => Step::Value(Some(v)),
                    None => {
                        *st = IterState::Exhausted;
                        Step::Value(None)
                    }
                };
            } else {
                None
            };
            match v {
                Some(v) => {
                    *index += 1;
                    Step::Value(Some(v))
                }
                None => {
                    *st = IterState::Exhausted;
                    Step::Value(None)
                }
            }
        }
        IterState::SeqRev { seq, index } => {
            if *index == 0 {
                *st = IterState::Exhausted;
                return Step::Value(None);
            }
            let i = *index - 1;
            if !it.is_exact(&LIST_REVERSEITERATOR_TYPE) {
                return Step::Reversed(seq.clone(), i);
            }
            match as_list(seq).and_then(|l| l.get(i)) {
                Some(v) => {
                    *index = i;
                    Step::Value(Some(v))
                }
                None => {
                    *st = IterState::Exhausted;
                    Step::Value(None)
                }
            }
        }
        IterState::Range {
            next,
            step,
            remaining,
        } => {
            if *remaining == 0 {
                return Step::Value(None);
            }
            let v = *next;
            *next = next.wrapping_add(*step);
            *remaining -= 1;
            Step::Value(Some(new_int(v)))
        }
        IterState::BigRange(r) => {
            if !r.remaining.is_positive() {
                return Step::Value(None);
            }
            let v = r.next.clone();
            r.next += &r.step;
            r.remaining -= 1u32;
            Step::Value(Some(new_bigint(v)))
        }
        IterState::Dict {
            dict,
            pos,
            kind,
            version,
            len,
            reverse,
        } => {
            let dd = dict_data(dict);
            if dd.len() as u64 != *version {
                *version = u64::MAX;
                return Step::Error(PyErr::runtime_error(
                    "dictionary changed size during iteration",
                ));
            }
            let found = {
                let t = dd.table.borrow();
                let entry = |i: usize| t.entry(i).map(|e| (i, e.key.clone(), e.value.clone()));
                if *reverse {
                    (0..(*pos).min(t.capacity_used())).rev().find_map(entry)
                } else {
                    (*pos..t.capacity_used()).find_map(entry)
                }
            };
            let Some((i, k, v)) = found else {
                *st = IterState::Exhausted;
                return Step::Value(None);
            };
            // CPython checks this going forwards only.
            if *len == 0 && !*reverse {
                *version = u64::MAX;
                return Step::Error(PyErr::runtime_error(
                    "dictionary keys changed during iteration",
                ));
            }
            *pos = if *reverse { i } else { i + 1 };
            *len = len.saturating_sub(1);
            Step::Value(Some(match kind {
                DictIterKind::Keys => k,
                DictIterKind::Values => v,
                DictIterKind::Items => new_tuple(vec![k, v]),
            }))
        }
        IterState::Set { set, pos, len, .. } => {
            let pair = tuple_items(set);
            let (Some(real), Some(snapshot)) = (pair.first(), pair.get(1)) else {
                *st = IterState::Exhausted;
                return Step::Value(None);
            };
            let size = as_set(real).map_or(0, |s| s.len());
            if size != *len {
                *len = usize::MAX;
                return Step::Error(PyErr::runtime_error("Set changed size during iteration"));
            }
            match tuple_items(snapshot).get(*pos).cloned() {
                Some(v) => {
                    *pos += 1;
                    Step::Value(Some(v))
                }
                None => {
                    *st = IterState::Exhausted;
                    Step::Value(None)
                }
            }
        }
        IterState::GetItem { obj, index } => Step::GetItem(obj.clone(), *index),
        IterState::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
        IterState::Enumerate { iter, count } => Step::Enumerate(iter.clone(), count.clone()),
        IterState::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
        IterState::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
        IterState::Filter { func, iter } => Step::Filter(func.clone(), iter.clone()),
    }
}

/// The `iternext` slot of every native iterator type.
pub fn iter_next(vm: &mut Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let d = state_of(it)?;
    match step(it, d) {
        Step::Value(v) => Ok(v),
        Step::Error(e) => Err(e),
        Step::GetItem(obj, index) => match vm.getitem(&obj, &new_int(index as i64)) {
            Ok(v) => {
                if let IterState::GetItem { index: i, .. } = &mut *d.state.borrow_mut() {
                    *i = index + 1;
                }
                Ok(Some(v))
            }
            Err(e) if e.matches(&INDEX_ERROR) || e.matches(&STOP_ITERATION) => {
                exhaust(d);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Step::Reversed(seq, i) => match vm.getitem(&seq, &new_int(i as i64)) {
            Ok(v) => {
                if let IterState::SeqRev { index, .. } = &mut *d.state.borrow_mut() {
                    *index = i;
                }
                Ok(Some(v))
            }
            Err(e) if e.matches(&INDEX_ERROR) || e.matches(&STOP_ITERATION) => {
                exhaust(d);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Step::Callable(func, sentinel) => match vm.call(&func, Args::new(&[])) {
            Ok(v) => {
                if vm.eq(&v, &sentinel)? {
                    exhaust(d);
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            Err(e) if e.matches(&STOP_ITERATION) => {
                exhaust(d);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Step::Enumerate(iter, count) => {
            let Some(v) = vm.next(&iter)? else {
                return Ok(None);
            };
            if let IterState::Enumerate { count: c, .. } = &mut *d.state.borrow_mut() {
                *c = match &count {
                    IntValue::Small(n) if *n < i64::MAX => IntValue::Small(n + 1),
                    other => IntValue::from_big(&*super::int::big_of(other) + 1u32),
                };
            }
            Ok(Some(new_tuple(vec![
                crate::object::int::new_int_value(count),
                v,
            ])))
        }
        Step::Zip(iters, strict) => {
            if iters.is_empty() {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => items.push(v),
                    None if strict => return zip_strict_end(vm, &iters, i),
                    None => return Ok(None),
                }
            }
            Ok(Some(new_tuple(items)))
        }
        Step::Map(func, iters) => {
            let mut items = Vec::with_capacity(iters.len());
            for i in &iters {
                match vm.next(i)? {
                    Some(v) => items.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, Args::new(&items)).map(Some)
        }
        Step::Filter(func, iter) => loop {
            let Some(v) = vm.next(&iter)? else {
                return Ok(None);
            };
            let keep = match &func {
                None => vm.is_true(&v)?,
                Some(f) => {
                    let r = vm.call(f, Args::new(std::slice::from_ref(&v)))?;
                    vm.is_true(&r)?
                }
            };
            if keep {
                return Ok(Some(v));
            }
        },
    }
}

fn iter_self(_vm: &mut Vm, it: &PyRef) -> PyResult {
    Ok(it.clone())
}

/// `__length_hint__` of the sequence and range iterators.
fn m_length_hint(_vm: &mut Vm, args: Args) -> PyResult {
    let (it, _) = check_method_args("__length_hint__", &args, 0, 0)?;
    let d = state_of(it)?;
    let n = match &*d.state.borrow() {
        IterState::Range { remaining, .. } => {
            return Ok(match i64::try_from(*remaining) {
                Ok(n) => new_int(n),
                Err(_) => new_bigint(BigInt::from(*remaining)),
            });
        }
        IterState::BigRange(r) => return Ok(new_bigint(r.remaining.clone())),
        IterState::Seq { seq, index } => {
            if let Some(l) = as_list(seq) {
                l.len().saturating_sub(*index)
            } else if let Some(t) = as_tuple(seq) {
                t.len().saturating_sub(*index)
            } else {
                let t = str_text(seq).map_or(&[][..], |t| t.as_bytes());
                t.get(*index..).map_or(0, crate::text::count_code_points)
            }
        }
        IterState::SeqRev { seq, index } => match as_list(seq) {
            Some(l) if *index <= l.len() => *index,
            Some(_) => 0,
            None => *index,
        },
        IterState::Dict { len, .. } => *len,
        IterState::Set { set, pos, .. } => tuple_items(set)
            .get(1)
            .map_or(0, |t| tuple_items(t).len().saturating_sub(*pos)),
        _ => 0,
    };
    Ok(new_int(n as i64))
}

// ----- constructors ------------------------------------------------------------------

fn enumerate_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    let p = bind_args(&args, "enumerate", &["iterable", "start"], 0)?;
    let Some(iterable) = &p[0] else {
        return Err(PyErr::type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    };
    let start = match &p[1] {
        Some(s) => index_value(vm, s)?,
        None => IntValue::Small(0),
    };
    let iter = vm.get_iter(iterable)?;
    Ok(new_iter(
        &ENUMERATE_TYPE,
        IterState::Enumerate { iter, count: start },
    ))
}

fn zip_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    let mut strict = false;
    for (k, v) in args.keywords() {
        let k = &*str_of(k);
        if k != "strict" {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for zip()"
            )));
        }
        strict = vm.is_true(v)?;
    }
    let mut iters = Vec::new();
    for x in args.positional() {
        iters.push(vm.get_iter(x)?);
    }
    Ok(new_iter(&ZIP_TYPE, IterState::Zip { iters, strict }))
}

/// `zip(strict=True)` found argument `exhausted` (0-based) at its end: an error if
/// any other argument has a different length, else the end of the zip.
fn zip_strict_end(vm: &mut Vm, iters: &[PyRef], exhausted: usize) -> PyResult<Option<PyRef>> {
    let earlier = |n: usize| {
        if n == 1 {
            "argument 1".to_string()
        } else {
            format!("arguments 1-{n}")
        }
    };
    if exhausted > 0 {
        return Err(PyErr::value_error(format!(
            "zip() argument {} is shorter than {}",
            exhausted + 1,
            earlier(exhausted)
        )));
    }
    for (i, it) in iters.iter().enumerate().skip(1) {
        if vm.next(it)?.is_some() {
            return Err(PyErr::value_error(format!(
                "zip() argument {} is longer than {}",
                i + 1,
                earlier(i)
            )));
        }
    }
    Ok(None)
}

fn map_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    if args.has_keywords() {
        return Err(PyErr::type_error("map() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for x in &pos[1..] {
        iters.push(vm.get_iter(x)?);
    }
    Ok(new_iter(
        &MAP_TYPE,
        IterState::Map {
            func: pos[0].clone(),
            iters,
        },
    ))
}

fn filter_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    if args.has_keywords() {
        return Err(PyErr::type_error("filter() takes no keyword arguments"));
    }
    let pos = check_args("filter", &args, 2, 2)?;
    let func = if is_none(&pos[0]) {
        None
    } else {
        Some(pos[0].clone())
    };
    let iter = vm.get_iter(&pos[1])?;
    Ok(new_iter(&FILTER_TYPE, IterState::Filter { func, iter }))
}

fn reversed_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    if args.has_keywords() {
        return Err(PyErr::type_error("reversed() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "reversed expected 1 argument, got {}",
            pos.len()
        )));
    }
    let seq = &pos[0];
    let not_reversible =
        || PyErr::type_error(format!("'{}' object is not reversible", seq.ty().name()));
    if let Some(m) = seq.ty().lookup_str("__reversed__") {
        if is_none(&m) {
            return Err(not_reversible());
        }
        if let Some(r) = vm.call_special(seq, "__reversed__", &[])? {
            return Ok(r);
        }
    }
    let is_sequence =
        seq.ty().slots.getitem.get().is_some() && crate::object::dict::as_dict(seq).is_none();
    if !is_sequence {
        return Err(not_reversible());
    }
    let n = vm.len(seq)?;
    Ok(new_iter(
        &REVERSED_TYPE,
        IterState::SeqRev {
            seq: seq.clone(),
            index: n,
        },
    ))
}

fn m_next(vm: &mut Vm, args: Args) -> PyResult {
    let (it, _) = check_method_args("__next__", &args, 0, 0)?;
    match iter_next(vm, it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration()),
    }
}

/// Iterators over a sized container: they report `__length_hint__`.
const SIZED_ITERATORS: [&TypeObject; 14] = [
    &LIST_ITERATOR_TYPE,
    &LIST_REVERSEITERATOR_TYPE,
    &TUPLE_ITERATOR_TYPE,
    &STR_ITERATOR_TYPE,
    &STR_ASCII_ITERATOR_TYPE,
    &RANGE_ITERATOR_TYPE,
    &LONGRANGE_ITERATOR_TYPE,
    &DICT_KEYITERATOR_TYPE,
    &DICT_VALUEITERATOR_TYPE,
    &DICT_ITEMITERATOR_TYPE,
    &DICT_REVERSEKEYITERATOR_TYPE,
    &DICT_REVERSEVALUEITERATOR_TYPE,
    &DICT_REVERSEITEMITERATOR_TYPE,
    &SET_ITERATOR_TYPE,
];

/// The other native iterators.
const OTHER_ITERATORS: [&TypeObject; 7] = [
    &SEQ_ITERATOR_TYPE,
    &CALLABLE_ITERATOR_TYPE,
    &ENUMERATE_TYPE,
    &ZIP_TYPE,
    &MAP_TYPE,
    &FILTER_TYPE,
    &REVERSED_TYPE,
];

pub fn init() {
    for ty in SIZED_ITERATORS.iter().chain(OTHER_ITERATORS.iter()) {
        ty.dealloc.set(dealloc_fixed::<IterData>);
        ty.slots.iter.set(Some(iter_self));
        ty.slots.iternext.set(Some(iter_next));
        add_method(ty, "__next__", m_next);
        add_wrappers(ty, &["__iter__"]);
    }
    for ty in SIZED_ITERATORS {
        add_method(ty, "__length_hint__", m_length_hint);
    }
    ENUMERATE_TYPE.slots.new.set(Some(enumerate_new));
    ZIP_TYPE.slots.new.set(Some(zip_new));
    MAP_TYPE.slots.new.set(Some(map_new));
    FILTER_TYPE.slots.new.set(Some(filter_new));
    REVERSED_TYPE.slots.new.set(Some(reversed_new));
}
