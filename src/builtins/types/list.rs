//! `list`: repr (with the `[...]` recursion guard shared by every container repr),
//! comparison, indexing and slice assignment, concatenation and repetition (also in
//! place), the constructor, and the methods; `sort` lives in `list/sort.rs`.
//!
//! No `RefCell` borrow of the items is held across a call into the VM: items are copied
//! out first, and indices re-checked after Python code may have run.

use super::containers::{
    add_new, add_wrappers, bind_method_args, descr_error, push_text, repeat_count, seq_richcompare,
    try_vec,
};
use super::slice::{SeqIndex, as_isize, norm_index, seq_subscript, slice_len, slice_positions};
use super::{add_method, check_args, check_method_args};
use crate::object::handle::dealloc_fixed;
use crate::object::int::new_int;
use crate::object::iter::{IterState, new_iter};
use crate::object::list::{ListData, as_list, new_list};
use crate::object::singletons::{is_none, none, not_implemented};
use crate::object::str::str_of;
use crate::object::str::{new_str, try_new_str};
use crate::object::*;
use crate::vm::{Args, Vm};
use std::cell::RefCell;

mod sort;

pub use sort::list_sort;

// ----- the repr recursion guard -----------------------------------------------------

thread_local! {
    static REPR_IN_PROGRESS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Start the repr of the container at `addr` (CPython's `Py_ReprEnter`). Returns
/// `false` when a repr of that object is already in progress on this thread (the
/// caller then prints `[...]`, `{...}`, …); on `true` the caller must call
/// [`repr_leave`] when done, error or not.
pub fn repr_enter(addr: usize) -> bool {
    REPR_IN_PROGRESS.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&addr) {
            false
        } else {
            s.push(addr);
            true
        }
    })
}

/// End the repr started by a successful [`repr_enter`].
pub fn repr_leave(addr: usize) {
    REPR_IN_PROGRESS.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(i) = s.iter().rposition(|&a| a == addr) {
            s.remove(i);
        }
    })
}

// ----- helpers -----------------------------------------------------------------------

fn data<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a ListData> {
    as_list(x).ok_or_else(|| descr_error(method, "list", x))
}

/// Collect an iterable for slice assignment, with CPython's message for non-iterables.
fn collect_for_assign(vm: &mut Vm, v: &PyRef, msg: &str) -> PyResult<Vec<PyRef>> {
    let s = &v.ty().slots;
    if s.iter.get().is_none() && s.getitem.get().is_none() {
        return Err(PyErr::type_error(msg));
    }
    vm.collect_iter(v)
}

// ----- slots -------------------------------------------------------------------------

fn list_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    if data(x, "__repr__")?.is_empty() {
        return Ok(new_str("[]"));
    }
    if !repr_enter(x.addr()) {
        return Ok(new_str("[...]"));
    }
    let mut out = String::from("[");
    // The list is re-read at each item, as CPython: an item's `__repr__` may
    // mutate it.
    let mut each = || -> PyResult<()> {
        let mut i = 0;
        while let Some(item) = data(x, "__repr__")?.get(i) {
            if i > 0 {
                push_text(&mut out, ", ")?;
            }
            let r = vm.repr(&item)?;
            push_text(&mut out, &str_of(&r))?;
            i += 1;
        }
        Ok(())
    };
    let r = each();
    repr_leave(x.addr());
    r?;
    out.push(']');
    try_new_str(&out)
}

fn list_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    match (as_list(a), as_list(b)) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.to_vec(), y.to_vec());
            seq_richcompare(vm, &x, &y, op)
        }
        _ => Ok(not_implemented()),
    }
}

fn list_len(_vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    Ok(data(x, "__len__")?.len())
}

fn list_getitem(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult {
    let l = data(x, "__getitem__")?;
    let len = l.len();
    match seq_subscript(vm, key, len, "list")? {
        SeqIndex::Int(i) => norm_index(i, l.len())
            .and_then(|i| l.get(i))
            .ok_or_else(|| PyErr::index_error("list index out of range")),
        SeqIndex::Slice { start, stop, step } => {
            let items = l.items.borrow();
            let v: Vec<PyRef> = slice_positions(start, stop, step)
                .filter_map(|i| items.get(i).cloned())
                .collect();
            drop(items);
            Ok(new_list(v))
        }
    }
}

fn list_setitem(vm: &mut Vm, x: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let l = data(x, "__setitem__")?;
    if key.downcast::<crate::object::misc::SliceData>().is_some() {
        return match value {
            Some(v) => assign_slice(vm, x, key, &v),
            None => delete_slice(vm, x, key),
        };
    }
    let len = l.len();
    let SeqIndex::Int(i) = seq_subscript(vm, key, len, "list")? else {
        return Ok(());
    };
    let Some(i) = norm_index(i, l.len()) else {
        return Err(PyErr::index_error("list assignment index out of range"));
    };
    match value {
        Some(v) => {
            l.set(i, v);
        }
        None => {
            let old = l.items.borrow_mut().remove(i);
            drop(old);
        }
    }
    Ok(())
}

fn assign_slice(vm: &mut Vm, x: &PyRef, key: &PyRef, value: &PyRef) -> PyResult<()> {
    let l = data(x, "__setitem__")?;
    let mut step_one = true;
    if let Some(s) = key.downcast::<crate::object::misc::SliceData>() {
        let (_, _, step) = super::slice::slice_unpack(vm, s)?;
        step_one = step == 1;
    }
    let new_items = if step_one {
        collect_for_assign(vm, value, "can only assign an iterable")?
    } else {
        collect_for_assign(vm, value, "must assign iterable to extended slice")?
    };
    let len = l.len();
    let SeqIndex::Slice { start, stop, step } = seq_subscript(vm, key, len, "list")? else {
        return Ok(());
    };
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as isize)) as usize;
        let removed: Vec<PyRef> = {
            let mut items = l.items.borrow_mut();
            let stop = stop.min(items.len());
            let start = start.min(stop);
            items.splice(start..stop, new_items).collect()
        };
        release_back_to_front(removed);
        return Ok(());
    }
    let n = slice_len(start, stop, step);
    if new_items.len() != n {
        return Err(PyErr::value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {n}",
            new_items.len()
        )));
    }
    let mut old = Vec::with_capacity(n);
    {
        let mut items = l.items.borrow_mut();
        for (pos, v) in slice_positions(start, stop, step).zip(new_items) {
            if let Some(slot) = items.get_mut(pos) {
                old.push(std::mem::replace(slot, v));
            }
        }
    }
    drop(old);
    Ok(())
}

/// Drop `removed` last item first (CPython's `list_ass_slice` order, visible to
/// `__del__`).
fn release_back_to_front(removed: Vec<PyRef>) {
    for x in removed.into_iter().rev() {
        drop(x);
    }
}

fn delete_slice(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult<()> {
    let l = data(x, "__delitem__")?;
    let len = l.len();
    let SeqIndex::Slice { start, stop, step } = seq_subscript(vm, key, len, "list")? else {
        return Ok(());
    };
    let n = slice_len(start, stop, step);
    if n == 0 {
        return Ok(());
    }
    let removed: Vec<PyRef> = {
        let mut items = l.items.borrow_mut();
        if step == 1 {
            let stop = (stop as usize).min(items.len());
            let start = (start as usize).min(stop);
            let mut removed: Vec<PyRef> = items.drain(start..stop).collect();
            // A plain slice releases its items last to first, as CPython's
            // `list_ass_slice`; an extended slice, first to last.
            removed.reverse();
            removed
        } else {
            let mut doomed = vec![false; items.len()];
            for p in slice_positions(start, stop, step) {
                if let Some(d) = doomed.get_mut(p) {
                    *d = true;
                }
            }
            let old = std::mem::take(&mut *items);
            let mut removed = Vec::with_capacity(n);
            for (i, v) in old.into_iter().enumerate() {
                if doomed[i] {
                    removed.push(v);
                } else {
                    items.push(v);
                }
            }
            removed
        }
    };
    drop(removed);
    Ok(())
}

fn list_contains(vm: &mut Vm, x: &PyRef, item: &PyRef) -> PyResult<bool> {
    let l = data(x, "__contains__")?;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if vm.eq(&v, item)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_iter(_vm: &mut Vm, x: &PyRef) -> PyResult {
    data(x, "__iter__")?;
    Ok(crate::object::iter::new_seq_iter(&LIST_ITERATOR_TYPE, x))
}

fn list_add(_vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (as_list(a), as_list(b)) else {
        return Ok(not_implemented());
    };
    let mut v = x.to_vec();
    v.extend(y.to_vec());
    Ok(new_list(v))
}

fn list_iadd(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(l) = as_list(a) else {
        return Ok(not_implemented());
    };
    let new_items = vm.collect_iter(b)?;
    l.items.borrow_mut().extend(new_items);
    Ok(a.clone())
}

fn repeated(items: &[PyRef], n: usize) -> PyResult<Vec<PyRef>> {
    if items.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    let total = items
        .len()
        .checked_mul(n)
        .ok_or_else(|| PyErr::bare(&MEMORY_ERROR))?;
    let mut v = try_vec(total)?;
    for _ in 0..n {
        v.extend_from_slice(items);
    }
    Ok(v)
}

fn list_mul(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (l, n) = if as_list(a).is_some() {
        (a, b)
    } else if as_list(b).is_some() {
        (b, a)
    } else {
        return Ok(not_implemented());
    };
    let Some(n) = repeat_count(vm, n)? else {
        return Ok(not_implemented());
    };
    let items = as_list(l).map(|d| d.to_vec()).unwrap_or_default();
    Ok(new_list(repeated(&items, n)?))
}

fn list_imul(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(l) = as_list(a) else {
        return Ok(not_implemented());
    };
    let Some(n) = repeat_count(vm, b)? else {
        return Ok(not_implemented());
    };
    let v = repeated(&l.to_vec(), n)?;
    l.replace_all(v);
    Ok(a.clone())
}

/// `list.__new__`: an empty list of type `cls` (`__init__` fills it).
fn list_new(_vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty = try_type(cls)
        .ok_or_else(|| PyErr::type_error("list.__new__(X): X is not a type object"))?;
    if ty.layout != Layout::List {
        return Err(PyErr::type_error(format!(
            "list.__new__({}): {} is not a subtype of list",
            ty.name(),
            ty.name()
        )));
    }
    if std::ptr::eq(ty, &LIST_TYPE) && args.has_keywords() {
        return Err(PyErr::type_error("list() takes no keyword arguments"));
    }
    Ok(alloc(
        ty,
        ListData {
            items: RefCell::new(Vec::new()),
        },
    ))
}

/// `list.__init__(iterable=())`: replace the contents.
fn list_init(vm: &mut Vm, x: &PyRef, args: Args) -> PyResult<()> {
    if args.has_keywords() {
        return Err(PyErr::type_error("list() takes no keyword arguments"));
    }
    let pos = check_args("list", &args, 0, 1)?;
    let l = data(x, "__init__")?;
    let items = match pos.first() {
        Some(it) => vm.collect_sized(it)?,
        None => Vec::new(),
    };
    l.replace_all(items);
    Ok(())
}

// ----- methods -----------------------------------------------------------------------

fn m_append(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("list.append", &args, 1, 1)?;
    data(x, "append")?
        .try_push(rest[0].clone())
        .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
    Ok(none())
}

fn m_extend(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("list.extend", &args, 1, 1)?;
    let l = data(x, "extend")?;
    let items = vm.collect_sized(&rest[0])?;
    l.items.borrow_mut().extend(items);
    Ok(none())
}

fn m_insert(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("insert", &args, 2, 2)?;
    let l = data(x, "insert")?;
    let i = as_isize(vm, &rest[0])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as isize;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(pos as usize, rest[1].clone());
    Ok(none())
}

fn m_pop(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("pop", &args, 0, 1)?;
    let l = data(x, "pop")?;
    let i = match rest.first() {
        Some(v) => as_isize(vm, v)?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    match norm_index(i, items.len()) {
        Some(i) => Ok(items.remove(i)),
        None => Err(PyErr::index_error("pop index out of range")),
    }
}

fn m_remove(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("list.remove", &args, 1, 1)?;
    let l = data(x, "remove")?;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if vm.eq(&v, &rest[0])? {
            let removed = {
                let mut items = l.items.borrow_mut();
                if i < items.len() {
                    Some(items.remove(i))
                } else {
                    None
                }
            };
            drop(removed);
            return Ok(none());
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn m_index(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("index", &args, 1, 3)?;
    let l = data(x, "index")?;
    let (start, stop) = super::tuple::index_bounds(vm, &rest[1..], l.len())?;
    let mut i = start;
    while i < stop {
        let Some(v) = l.get(i) else { break };
        if vm.eq(&v, &rest[0])? {
            return Ok(new_int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr_string(&rest[0])?;
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn m_count(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("list.count", &args, 1, 1)?;
    let l = data(x, "count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if vm.eq(&v, &rest[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(new_int(n))
}

fn m_reverse(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("list.reverse", &args, 0, 0)?;
    data(x, "reverse")?.items.borrow_mut().reverse();
    Ok(none())
}

fn m_copy(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("list.copy", &args, 0, 0)?;
    Ok(new_list(data(x, "copy")?.to_vec()))
}

fn m_clear(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("list.clear", &args, 0, 0)?;
    data(x, "clear")?.replace_all(Vec::new());
    Ok(none())
}

fn m_reversed(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("list.__reversed__", &args, 0, 0)?;
    let n = data(x, "__reversed__")?.len();
    Ok(new_iter(
        &LIST_REVERSEITERATOR_TYPE,
        IterState::SeqRev {
            seq: x.clone(),
            index: n,
        },
    ))
}

pub(crate) fn m_sort(vm: &mut Vm, args: Args) -> PyResult {
    let x = super::containers::receiver(&args, "sort", "list")?;
    data(x, "sort")?;
    if !args.skip_self().positional().is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let p = bind_method_args(&args, "sort", &["key", "reverse"], 0)?;
    let key = p[0].clone().filter(|k| !is_none(k));
    let reverse = match &p[1] {
        Some(v) => as_isize(vm, v)? != 0,
        None => false,
    };
    list_sort(vm, x, key.as_ref(), reverse)?;
    Ok(none())
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => list_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error("list.__new__(): not enough arguments")),
    }
}

pub fn init() {
    let ty = &LIST_TYPE;
    ty.dealloc.set(dealloc_fixed::<ListData>);
    let s = &ty.slots;
    s.repr.set(Some(list_repr));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.richcompare.set(Some(list_richcompare));
    s.len.set(Some(list_len));
    s.getitem.set(Some(list_getitem));
    s.setitem.set(Some(list_setitem));
    s.contains.set(Some(list_contains));
    s.iter.set(Some(list_iter));
    s.nb[0].set(Some(list_add));
    s.nb_inplace[0].set(Some(list_iadd));
    s.nb[5].set(Some(list_mul));
    s.nb_inplace[5].set(Some(list_imul));
    s.new.set(Some(list_new));
    s.init.set(Some(list_init));
    add_method(ty, "append", m_append);
    add_method(ty, "extend", m_extend);
    add_method(ty, "insert", m_insert);
    add_method(ty, "pop", m_pop);
    add_method(ty, "remove", m_remove);
    add_method(ty, "index", m_index);
    add_method(ty, "count", m_count);
    add_method(ty, "sort", m_sort);
    add_method(ty, "reverse", m_reverse);
    add_method(ty, "copy", m_copy);
    add_method(ty, "clear", m_clear);
    add_method(ty, "__reversed__", m_reversed);
    add_wrappers(
        ty,
        &[
            "__repr__",
            "__len__",
            "__getitem__",
            "__setitem__",
            "__delitem__",
            "__contains__",
            "__iter__",
            "__richcmp__",
            "__add__",
            "__iadd__",
            "__mul__",
            "__rmul__",
            "__imul__",
            "__init__",
        ],
    );
    super::add_attr(ty, "__hash__", none());
    add_new(ty, m_new);
}
