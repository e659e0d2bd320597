//! Process-wide runtime state: start-up (filling the static types' slots, dicts and
//! MROs, the small-int cache, the `builtins` dict) and finalisation (releasing every
//! object the runtime holds, so the allocator's blocks-in-use can return to zero).
//!
//! There is one runtime per process, as in CPython 3.11; interpreters share it. All of
//! it is touched only with the GIL held.

use crate::object::dict::{DictData, as_dict, new_dict};
use crate::object::singletons::*;
use crate::object::tuple::new_tuple;
use crate::object::*;
use std::sync::atomic::{AtomicBool, Ordering};

static INITIALISED: AtomicBool = AtomicBool::new(false);

/// The MRO of a static type: itself, then its base chain.
fn static_mro(ty: &'static TypeObject) -> PyRef {
    let mut items = vec![ty.as_object()];
    let mut b = ty.base();
    while let Some(t) = b {
        items.push(t.as_object());
        b = t.base();
    }
    new_tuple(items)
}

/// Give a static type the dunder methods for the slots it defines itself (CPython's
/// `add_operators` in `PyType_Ready`), so `None.__repr__()` and `range(3).__eq__(r)`
/// reach the type's own slot rather than `object`'s. Runs before slots are inherited,
/// so a set slot is the type's own; names already in the dict are left alone.
fn add_slot_wrappers(ty: &'static TypeObject) {
    let s = &ty.slots;
    let has = |name: &str| ty.dict_get_str(&crate::object::str::intern(name)).is_some();
    let mut names: Vec<&'static str> = Vec::new();
    let own = [
        ("__repr__", s.repr.get().is_some()),
        ("__str__", s.str.get().is_some()),
        ("__bool__", s.bool.get().is_some()),
        ("__len__", s.len.get().is_some()),
        ("__iter__", s.iter.get().is_some()),
        ("__next__", s.iternext.get().is_some()),
        ("__getitem__", s.getitem.get().is_some()),
        ("__contains__", s.contains.get().is_some()),
    ];
    for (name, defined) in own {
        if defined && !has(name) {
            names.push(name);
        }
    }
    if s.richcompare.get().is_some() && !has("__eq__") {
        names.push("__richcmp__");
    }
    if let Some(h) = s.hash.get()
        && !has("__hash__")
    {
        let unhashable = std::ptr::fn_addr_eq(
            h,
            crate::builtins::types::object::hash_not_implemented as crate::object::typeobj::HashFn,
        );
        if unhashable {
            crate::builtins::types::add_attr(ty, "__hash__", none());
        } else {
            names.push("__hash__");
        }
    }
    crate::builtins::types::containers::add_wrappers(ty, &names);
}

/// Start the runtime (idempotent). Must be called with the GIL held.
pub fn init() {
    if INITIALISED.swap(true, Ordering::SeqCst) {
        return;
    }
    crate::object::str::init_str_type_dealloc();
    crate::builtins::types::init_all();
    crate::builtins::io::init();
    crate::builtins::quitter::init();
    crate::builtins::structseq::init();
    for ty in [
        &LIST_TYPE,
        &DICT_TYPE,
        &SET_TYPE,
        &SLICE_TYPE,
        &DICT_KEYS_TYPE,
        &DICT_VALUES_TYPE,
        &DICT_ITEMS_TYPE,
    ] {
        if ty.slots.hash.get().is_none() {
            ty.slots
                .hash
                .set(Some(crate::builtins::types::object::hash_not_implemented));
        }
    }
    for ty in CORE_TYPES.iter().chain(EXCEPTION_TYPES.iter()) {
        add_slot_wrappers(ty);
    }
    for ty in CORE_TYPES.iter().chain(EXCEPTION_TYPES.iter()) {
        ty.mro.replace(Some(static_mro(ty)));
        let bases = match ty.base() {
            Some(b) => new_tuple(vec![b.as_object()]),
            None => new_tuple(Vec::new()),
        };
        ty.bases.replace(Some(bases));
        // Static types inherit their base's native slots where they define none.
        if let Some(base) = ty.base() {
            ty.slots.inherit_from(&base.slots);
        }
        let _ = ty.dict();
    }
    crate::object::singletons::init_small_ints();
    crate::object::method_cache::invalidate();
    for ty in CORE_TYPES.iter().chain(EXCEPTION_TYPES.iter()) {
        debug_assert!(
            !crate::object::typeobj::dealloc_is_unset(ty),
            "type {} has no dealloc slot",
            ty.name()
        );
    }
}

/// Fill a fresh builtins dict: types, constants, functions.
pub fn populate_builtins(b: &DictData) {
    for ty in CORE_TYPES.iter().chain(EXCEPTION_TYPES.iter()) {
        let name = ty.name();
        let visible = matches!(
            name,
            "object"
                | "type"
                | "int"
                | "bool"
                | "float"
                | "str"
                | "tuple"
                | "list"
                | "dict"
                | "set"
                | "frozenset"
                | "range"
                | "slice"
                | "property"
                | "staticmethod"
                | "classmethod"
                | "super"
                | "enumerate"
                | "zip"
                | "map"
                | "filter"
                | "reversed"
        ) || EXCEPTION_TYPES.iter().any(|e| std::ptr::eq(*e, *ty));
        if visible {
            b.set_item_str(name, ty.as_object());
        }
    }
    b.set_item_str("None", none());
    b.set_item_str("True", py_bool(true));
    b.set_item_str("False", py_bool(false));
    b.set_item_str("Ellipsis", ellipsis());
    b.set_item_str("NotImplemented", not_implemented());
    b.set_item_str("__name__", crate::object::str::new_str("builtins"));
    b.set_item_str("EnvironmentError", OS_ERROR.as_object());
    b.set_item_str("IOError", OS_ERROR.as_object());
    b.set_item_str("exit", crate::builtins::quitter::new_quitter("exit"));
    b.set_item_str("quit", crate::builtins::quitter::new_quitter("quit"));
    crate::builtins::functions::register(b);
    crate::builtins::numeric::register(b);
}

/// A new `builtins` module dict.
pub fn new_builtins_dict() -> PyRef {
    let d = new_dict();
    populate_builtins(as_dict(&d).expect("dict"));
    d
}

/// Release everything the runtime holds (interpreter exit). Objects still referenced
/// elsewhere survive; with everything else released the heap should be empty.
pub fn finalize() {
    crate::object::method_cache::invalidate();
    for ty in CORE_TYPES.iter().chain(EXCEPTION_TYPES.iter()) {
        let d = ty.dict.borrow_mut().take();
        if let Some(d) = &d
            && let Some(dd) = as_dict(d)
        {
            dd.clear();
        }
        drop(d);
        drop(ty.mro.borrow_mut().take());
        drop(ty.bases.borrow_mut().take());
    }
    crate::object::singletons::clear_small_ints();
    crate::object::tuple::clear_empty_tuple();
    crate::object::str::clear_interned();
    INITIALISED.store(false, Ordering::SeqCst);
}
