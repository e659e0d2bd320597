//! `dict` and its views: repr (`{...}` on recursion), equality, subscription (with a
//! subclass's `__missing__`), iteration (with CPython's "changed size" check), `|` and
//! `|=`, the constructor and `update` (mappings, iterables of pairs, keywords), the
//! methods, and the `dict_keys`/`dict_values`/`dict_items` views with their set
//! operations.

use super::containers::{add_new, add_wrappers, descr_error, join_reprs, receiver};
use super::list::{repr_enter, repr_leave};
use super::{add_classmethod, add_method, check_method_args};
use crate::object::dict::{DictData, DictTable, as_dict};
use crate::object::handle::dealloc_fixed;
use crate::object::iter::{DictIterKind, IterState, new_iter};
use crate::object::misc::DictViewData;
use crate::object::singletons::{none, not_implemented, py_bool};
use crate::object::str::{new_str, str_of, try_new_str};
use crate::object::tuple::{as_tuple, new_tuple};
use crate::object::*;
use crate::vm::{Args, Vm};
use std::cell::{Cell, RefCell};

thread_local! {
    static EMPTY: &'static DictData = Box::leak(Box::new(DictData {
        table: RefCell::new(DictTable::default()),
        version: Cell::new(0),
    }));
}

/// The payload of a dict (or dict subclass instance). For any other object this is a
/// shared empty dict (never a panic), so callers should check with `as_dict` when the
/// object may not be a dict.
pub fn dict_data(x: &PyRef) -> &DictData {
    match as_dict(x) {
        Some(d) => d,
        None => EMPTY.with(|e| *e),
    }
}

/// A new empty dict of type `ty` (which must have the dict layout).
pub fn new_dict_of_type(ty: &TypeObject) -> PyRef {
    alloc(
        ty,
        DictData {
            table: RefCell::new(DictTable::default()),
            version: Cell::new(0),
        },
    )
}

fn data<'a>(x: &'a PyRef, method: &str) -> PyResult<&'a DictData> {
    as_dict(x).ok_or_else(|| descr_error(method, "dict", x))
}

/// Snapshot of the live `(hash, key, value)` entries in order.
fn entries(d: &DictData) -> Vec<(i64, PyRef, PyRef)> {
    let t = d.table.borrow();
    (0..t.capacity_used())
        .filter_map(|i| t.entry(i).map(|e| (e.hash, e.key.clone(), e.value.clone())))
        .collect()
}

/// A new exact dict with the entries of `d` (hashes reused, no Python code runs).
pub fn dict_copy(d: &DictData) -> PyRef {
    let out = crate::object::dict::new_dict();
    let od = dict_data(&out);
    {
        let mut t = od.table.borrow_mut();
        for (h, k, v) in entries(d) {
            t.insert_new(h, k, v);
        }
    }
    od.version.set(od.version.get() + 1);
    out
}

// ----- update ------------------------------------------------------------------------

/// `dict.update(arg)`: a dict or an object with `keys()` is merged as a mapping,
/// anything else must be an iterable of key/value pairs.
pub fn dict_update_arg(vm: &mut Vm, d: &PyRef, arg: &PyRef) -> PyResult<()> {
    if as_dict(arg).is_some() {
        return vm.dict_merge(d, arg);
    }
    if vm.getattr_opt(arg, "keys")?.is_some() {
        return vm.dict_merge(d, arg);
    }
    merge_from_seq2(vm, d, arg)
}

/// `PyDict_MergeFromSeq2`: each element must be a 2-item sequence.
pub fn merge_from_seq2(vm: &mut Vm, d: &PyRef, seq: &PyRef) -> PyResult<()> {
    let it = vm.get_iter(seq)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = if let Some(t) = as_tuple(&item) {
            t.to_vec()
        } else if let Some(l) = crate::object::list::as_list(&item) {
            l.to_vec()
        } else {
            let s = &item.ty().slots;
            if s.iter.get().is_none() && s.getitem.get().is_none() {
                return Err(PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
            vm.collect_iter(&item)?
        };
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
            vm.dict_set(d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

/// The shared body of `dict(...)`, `dict.__init__` and `dict.update`.
fn update_common(vm: &mut Vm, d: &PyRef, args: Args, fname: &str) -> PyResult<()> {
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(arg) = pos.first() {
        dict_update_arg(vm, d, arg)?;
    }
    for (k, v) in args.keywords() {
        vm.dict_set(d, k.clone(), v.clone())?;
    }
    Ok(())
}

// ----- slots -------------------------------------------------------------------------

fn dict_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let items = data(x, "__repr__")?.items();
    if items.is_empty() {
        return Ok(new_str("{}"));
    }
    if !repr_enter(x.addr()) {
        return Ok(new_str("{...}"));
    }
    let r = (|| -> PyResult<String> {
        let mut out = String::from("{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let kr = vm.repr(k)?;
            out.push_str(&str_of(&kr));
            out.push_str(": ");
            let vr = vm.repr(v)?;
            out.push_str(&str_of(&vr));
        }
        out.push('}');
        Ok(out)
    })();
    repr_leave(x.addr());
    try_new_str(&r?)
}

/// `a == b` for two dicts.
fn dict_equal(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else {
        return Ok(false);
    };
    if x.len() != y.len() {
        return Ok(false);
    }
    for (_, k, v) in entries(x) {
        let Some(bv) = vm.dict_get(b, &k)? else {
            return Ok(false);
        };
        if !vm.eq(&v, &bv)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    if as_dict(a).is_none() || as_dict(b).is_none() {
        return Ok(not_implemented());
    }
    match op {
        CompareOp::Eq => Ok(py_bool(dict_equal(vm, a, b)?)),
        CompareOp::Ne => Ok(py_bool(!dict_equal(vm, a, b)?)),
        _ => Ok(not_implemented()),
    }
}

fn dict_len(_vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    Ok(data(x, "__len__")?.len())
}

fn dict_getitem(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult {
    data(x, "__getitem__")?;
    if let Some(v) = vm.dict_get(x, key)? {
        return Ok(v);
    }
    if !x.is_exact(&DICT_TYPE)
        && let Some(r) = vm.call_special(x, "__missing__", std::slice::from_ref(key))?
    {
        return Ok(r);
    }
    Err(PyErr::key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, x: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    data(x, "__setitem__")?;
    match value {
        Some(v) => vm.dict_set(x, key.clone(), v),
        None => match vm.dict_del(x, key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.clone())),
        },
    }
}

fn dict_contains(vm: &mut Vm, x: &PyRef, key: &PyRef) -> PyResult<bool> {
    data(x, "__contains__")?;
    Ok(vm.dict_get(x, key)?.is_some())
}

/// A dict iterator of `kind` over `d` (`dict_keyiterator` and friends).
pub fn dict_iter_of(d: &PyRef, kind: DictIterKind) -> PyRef {
    dict_iterator(d, kind, false)
}

/// A forward or reverse iterator over a dict's keys, values or items.
fn dict_iterator(d: &PyRef, kind: DictIterKind, reverse: bool) -> PyRef {
    let dd = dict_data(d);
    let n = dd.len();
    let ty = match (kind, reverse) {
        (DictIterKind::Keys, false) => &DICT_KEYITERATOR_TYPE,
        (DictIterKind::Values, false) => &DICT_VALUEITERATOR_TYPE,
        (DictIterKind::Items, false) => &DICT_ITEMITERATOR_TYPE,
        (DictIterKind::Keys, true) => &DICT_REVERSEKEYITERATOR_TYPE,
        (DictIterKind::Values, true) => &DICT_REVERSEVALUEITERATOR_TYPE,
        (DictIterKind::Items, true) => &DICT_REVERSEITEMITERATOR_TYPE,
    };
    let pos = if reverse {
        dd.table.borrow().capacity_used()
    } else {
        0
    };
    // `version` holds the size at creation (CPython's `di_used`), `len` the items left.
    new_iter(
        ty,
        IterState::Dict {
            dict: d.clone(),
            pos,
            kind,
            version: n as u64,
            len: n,
            reverse,
        },
    )
}

fn dict_iter(_vm: &mut Vm, x: &PyRef) -> PyResult {
    data(x, "__iter__")?;
    Ok(dict_iter_of(x, DictIterKind::Keys))
}

fn dict_or(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(_)) = (as_dict(a), as_dict(b)) else {
        return Ok(not_implemented());
    };
    let out = dict_copy(x);
    vm.dict_merge(&out, b)?;
    Ok(out)
}

fn dict_ior(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if as_dict(a).is_none() {
        return Ok(not_implemented());
    }
    dict_update_arg(vm, a, b)?;
    Ok(a.clone())
}

fn dict_new(_vm: &mut Vm, cls: &PyRef, _args: Args) -> PyResult {
    let ty = try_type(cls)
        .ok_or_else(|| PyErr::type_error("dict.__new__(X): X is not a type object"))?;
    if ty.layout != Layout::Dict {
        return Err(PyErr::type_error(format!(
            "dict.__new__({}): {} is not a subtype of dict",
            ty.name(),
            ty.name()
        )));
    }
    Ok(new_dict_of_type(ty))
}

fn dict_init(vm: &mut Vm, x: &PyRef, args: Args) -> PyResult<()> {
    data(x, "__init__")?;
    update_common(vm, x, args, "dict")
}

// ----- methods -----------------------------------------------------------------------

fn m_get(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("get", &args, 1, 2)?;
    data(x, "get")?;
    Ok(match vm.dict_get(x, &rest[0])? {
        Some(v) => v,
        None => rest.get(1).cloned().unwrap_or_else(none),
    })
}

fn m_setdefault(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("setdefault", &args, 1, 2)?;
    data(x, "setdefault")?;
    if let Some(v) = vm.dict_get(x, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or_else(none);
    vm.dict_set(x, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn m_pop(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("pop", &args, 1, 2)?;
    // An empty dict returns the default without hashing the key.
    if data(x, "pop")?.is_empty()
        && let Some(d) = rest.get(1)
    {
        return Ok(d.clone());
    }
    match vm.dict_del(x, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::key_error(rest[0].clone())),
        },
    }
}

fn m_popitem(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("dict.popitem", &args, 0, 0)?;
    let d = data(x, "popitem")?;
    let removed = {
        let mut t = d.table.borrow_mut();
        match t.last_position() {
            Some(i) => t.remove_at(i),
            None => None,
        }
    };
    match removed {
        Some(e) => {
            d.version.set(d.version.get() + 1);
            Ok(new_tuple(vec![e.key, e.value]))
        }
        None => Err(PyErr::key_error(new_str("popitem(): dictionary is empty"))),
    }
}

fn new_view(x: &PyRef, ty: &TypeObject) -> PyRef {
    alloc(ty, DictViewData { dict: x.clone() })
}

fn m_keys(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("dict.keys", &args, 0, 0)?;
    data(x, "keys")?;
    Ok(new_view(x, &DICT_KEYS_TYPE))
}

fn m_values(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("dict.values", &args, 0, 0)?;
    data(x, "values")?;
    Ok(new_view(x, &DICT_VALUES_TYPE))
}

fn m_items(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("dict.items", &args, 0, 0)?;
    data(x, "items")?;
    Ok(new_view(x, &DICT_ITEMS_TYPE))
}

fn m_update(vm: &mut Vm, args: Args) -> PyResult {
    let x = receiver(&args, "update", "dict")?;
    data(x, "update")?;
    update_common(vm, x, args.skip_self(), "update")?;
    Ok(none())
}

fn m_copy(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("dict.copy", &args, 0, 0)?;
    Ok(dict_copy(data(x, "copy")?))
}

fn m_clear(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("dict.clear", &args, 0, 0)?;
    data(x, "clear")?.clear();
    Ok(none())
}

fn m_fromkeys(vm: &mut Vm, args: Args) -> PyResult {
    let (cls, rest) = check_method_args("fromkeys", &args, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or_else(none);
    let d = vm.call(cls, Args::new(&[]))?;
    let keys = vm.collect_iter(&rest[0])?;
    let exact = d.is_exact(&DICT_TYPE);
    for k in keys {
        if exact {
            vm.dict_set(&d, k, value.clone())?;
        } else {
            vm.setitem(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

fn m_reversed(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("dict.__reversed__", &args, 0, 0)?;
    data(x, "__reversed__")?;
    Ok(dict_iterator(x, DictIterKind::Keys, true))
}

fn m_new(vm: &mut Vm, args: Args) -> PyResult {
    match args.args.first() {
        Some(cls) => dict_new(vm, cls, args.skip_self()),
        None => Err(PyErr::type_error("dict.__new__(): not enough arguments")),
    }
}

// ----- views -------------------------------------------------------------------------

fn view_dict(x: &PyRef) -> PyResult<&PyRef> {
    x.downcast::<DictViewData>()
        .map(|v| &v.dict)
        .ok_or_else(|| descr_error("__iter__", "dict_keys", x))
}

fn view_kind(x: &PyRef) -> DictIterKind {
    if x.is_exact(&DICT_VALUES_TYPE) {
        DictIterKind::Values
    } else if x.is_exact(&DICT_ITEMS_TYPE) {
        DictIterKind::Items
    } else {
        DictIterKind::Keys
    }
}

/// The elements a view currently shows.
fn view_elements(x: &PyRef) -> PyResult<Vec<PyRef>> {
    let d = dict_data(view_dict(x)?);
    Ok(match view_kind(x) {
        DictIterKind::Keys => d.keys(),
        DictIterKind::Values => d.values(),
        DictIterKind::Items => d
            .items()
            .into_iter()
            .map(|(k, v)| new_tuple(vec![k, v]))
            .collect(),
    })
}

fn view_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let elems = view_elements(x)?;
    if !repr_enter(x.addr()) {
        return Ok(new_str("..."));
    }
    let mut out = format!("{}([", x.ty().name());
    let r = join_reprs(vm, &elems, &mut out);
    repr_leave(x.addr());
    r?;
    out.push_str("])");
    try_new_str(&out)
}

fn view_len(_vm: &mut Vm, x: &PyRef) -> PyResult<usize> {
    Ok(dict_data(view_dict(x)?).len())
}

fn view_iter(_vm: &mut Vm, x: &PyRef) -> PyResult {
    let d = view_dict(x)?.clone();
    Ok(dict_iter_of(&d, view_kind(x)))
}

fn view_contains(vm: &mut Vm, x: &PyRef, item: &PyRef) -> PyResult<bool> {
    let d = view_dict(x)?.clone();
    match view_kind(x) {
        DictIterKind::Keys => Ok(vm.dict_get(&d, item)?.is_some()),
        DictIterKind::Items => {
            let Some(t) = as_tuple(item) else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            let (k, v) = (t[0].clone(), t[1].clone());
            match vm.dict_get(&d, &k)? {
                Some(found) => vm.eq(&found, &v),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            for v in dict_data(&d).values() {
                if vm.eq(&v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Whether `x` takes part in set-like view comparisons and operations.
fn is_setlike(x: &PyRef) -> bool {
    crate::object::set::as_set(x).is_some()
        || x.is_exact(&DICT_KEYS_TYPE)
        || x.is_exact(&DICT_ITEMS_TYPE)
}

/// Every element of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let elems = vm.collect_iter(a)?;
    for e in &elems {
        if !vm.contains(b, e)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    if !is_setlike(a) || !is_setlike(b) || a.is_exact(&DICT_VALUES_TYPE) {
        return Ok(not_implemented());
    }
    let la = vm.len(a)?;
    let lb = vm.len(b)?;
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(vm, a, b)?;
            if op == CompareOp::Eq { eq } else { !eq }
        }
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(py_bool(r))
}

/// `view op other` / `other op view` for `| & - ^`: a new set.
fn view_setop(vm: &mut Vm, a: &PyRef, b: &PyRef, op: usize) -> PyResult {
    let result = super::set::new_set_from(vm, a)?;
    match op {
        1 => super::set::intersection_update_from(vm, &result, b)?,
        7 => super::set::update_from(vm, &result, b)?,
        10 => super::set::difference_update_from(vm, &result, b)?,
        _ => super::set::symmetric_difference_update_from(vm, &result, b)?,
    }
    Ok(result)
}

fn view_and(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    view_setop(vm, a, b, 1)
}

fn view_or(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    view_setop(vm, a, b, 7)
}

fn view_sub(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    view_setop(vm, a, b, 10)
}

fn view_xor(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult {
    view_setop(vm, a, b, 12)
}

fn view_m_isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let (x, rest) = check_method_args("isdisjoint", &args, 1, 1)?;
    let other = vm.collect_iter(&rest[0])?;
    for e in &other {
        if view_contains(vm, x, e)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn view_m_reversed(_vm: &mut Vm, args: Args) -> PyResult {
    let (x, _) = check_method_args("__reversed__", &args, 0, 0)?;
    Ok(dict_iterator(view_dict(x)?, view_kind(x), true))
}

fn init_views() {
    for ty in [&DICT_KEYS_TYPE, &DICT_VALUES_TYPE, &DICT_ITEMS_TYPE] {
        ty.dealloc.set(dealloc_fixed::<DictViewData>);
        let s = &ty.slots;
        s.repr.set(Some(view_repr));
        s.len.set(Some(view_len));
        s.iter.set(Some(view_iter));
        add_method(ty, "__reversed__", view_m_reversed);
        add_wrappers(ty, &["__repr__", "__len__", "__iter__"]);
        if !std::ptr::eq(ty, &DICT_VALUES_TYPE) {
            s.contains.set(Some(view_contains));
            s.richcompare.set(Some(view_richcompare));
            s.hash.set(Some(super::object::hash_not_implemented));
            s.nb[1].set(Some(view_and));
            s.nb[7].set(Some(view_or));
            s.nb[10].set(Some(view_sub));
            s.nb[12].set(Some(view_xor));
            add_method(ty, "isdisjoint", view_m_isdisjoint);
            add_wrappers(
                ty,
                &[
                    "__contains__",
                    "__richcmp__",
                    "__and__",
                    "__rand__",
                    "__or__",
                    "__ror__",
                    "__sub__",
                    "__rsub__",
                    "__xor__",
                    "__rxor__",
                ],
            );
            super::add_attr(ty, "__hash__", none());
        }
    }
}

pub fn init() {
    let ty = &DICT_TYPE;
    ty.dealloc.set(dealloc_fixed::<DictData>);
    let s = &ty.slots;
    s.repr.set(Some(dict_repr));
    s.hash.set(Some(super::object::hash_not_implemented));
    s.richcompare.set(Some(dict_richcompare));
    s.len.set(Some(dict_len));
    s.getitem.set(Some(dict_getitem));
    s.setitem.set(Some(dict_setitem));
    s.contains.set(Some(dict_contains));
    s.iter.set(Some(dict_iter));
    s.nb[7].set(Some(dict_or));
    s.nb_inplace[7].set(Some(dict_ior));
    s.new.set(Some(dict_new));
    s.init.set(Some(dict_init));
    add_method(ty, "get", m_get);
    add_method(ty, "setdefault", m_setdefault);
    add_method(ty, "pop", m_pop);
    add_method(ty, "popitem", m_popitem);
    add_method(ty, "keys", m_keys);
    add_method(ty, "values", m_values);
    add_method(ty, "items", m_items);
    add_method(ty, "update", m_update);
    add_method(ty, "copy", m_copy);
    add_method(ty, "clear", m_clear);
    add_method(ty, "__reversed__", m_reversed);
    add_classmethod(ty, "fromkeys", m_fromkeys);
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
            "__or__",
            "__ror__",
            "__ior__",
            "__init__",
        ],
    );
    super::add_attr(ty, "__hash__", none());
    add_new(ty, m_new);
    init_views();
}
