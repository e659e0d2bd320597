//! `type`: calling a type (instantiation), class creation (`__build_class__` and
//! `type(name, bases, ns)` with the C3 MRO), attribute lookup on types, `super`, and the
//! slot wrappers that make a heap type's slots call its dunder methods.

use super::getset::new_getset;
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::{ClassMethodData, FunctionData, StaticMethodData};
use crate::object::handle::dealloc_fixed;
use crate::object::misc::GetSetKind;
use crate::object::misc::{InstanceData, SuperData};
use crate::object::singletons::*;
use crate::object::str::{new_str, str_of, try_new_str};
use crate::object::tuple::{new_tuple, tuple_items};
use crate::object::typeobj::{Slots, flags};
use crate::object::*;
use crate::vm::ops::no_attribute;
use crate::vm::{Args, Vm};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

fn type_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    let t = as_type(x);
    let q = t.qualname.borrow().to_string();
    // The module as `C.__module__` reads it (a class may reassign it).
    let module = match type_data_attribute(vm, t, x, "__module__")? {
        Some(m) => {
            crate::object::str::as_str(&m).map_or_else(|| t.module.to_string(), str::to_string)
        }
        None => t.module.to_string(),
    };
    try_new_str(&if module == "builtins" {
        format!("<class '{q}'>")
    } else {
        format!("<class '{module}.{q}'>")
    })
}

/// `C(args)`: `__new__` then `__init__`; `type(x)` returns x's type.
fn type_call(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty = as_type(cls);
    if std::ptr::eq(ty, &TYPE_TYPE) {
        let pos = args.positional();
        if pos.len() == 1 && !args.has_keywords() {
            return Ok(pos[0].type_ref());
        }
        if pos.len() == 3 {
            let kw: Vec<(PyRef, PyRef)> = args
                .keywords()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            return type_new(vm, &pos[0], &pos[1], &pos[2], &kw);
        }
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let new = ty
        .slots
        .new
        .get()
        .ok_or_else(|| PyErr::type_error(format!("cannot create '{}' instances", ty.name())))?;
    let obj = new(vm, cls, args)?;
    if obj.ty().is_subtype(ty)
        && let Some(init) = obj.ty().slots.init.get()
    {
        init(vm, &obj, args)?;
    }
    Ok(obj)
}

/// Attribute lookup on a type: metatype data descriptors (the attributes of
/// [`type_data_attribute`], then any in the metatype's dict), then the MRO (binding
/// through `__get__` with no instance), then metatype attributes.
fn type_getattro(vm: &mut Vm, obj: &PyRef, name: &PyRef) -> PyResult {
    let ty = as_type(obj);
    if let Some(v) = type_data_attribute(vm, ty, obj, &str_of(name))? {
        return Ok(v);
    }
    let meta_attr = obj.ty().lookup(name);
    if let Some(m) = &meta_attr
        && m.ty().slots.descr_set.get().is_some()
        && let Some(get) = m.ty().slots.descr_get.get()
    {
        return get(vm, m, Some(obj), &obj.type_ref());
    }
    if let Some(v) = ty.lookup(name) {
        if let Some(get) = v.ty().slots.descr_get.get() {
            return get(vm, &v, None, obj);
        }
        return Ok(v);
    }
    if let Some(m) = meta_attr {
        if let Some(get) = m.ty().slots.descr_get.get() {
            return get(vm, &m, Some(obj), &obj.type_ref());
        }
        return Ok(m);
    }
    Err(no_attribute(obj, name))
}

/// The attributes `type` itself defines as data descriptors, which win over anything
/// of the same name in the class namespace or its bases (CPython's `type_getsets` and
/// `type_members`): `C.__name__` is the class's name even if `C` defines `__name__`.
fn type_data_attribute(
    vm: &mut Vm,
    ty: &TypeObject,
    obj: &PyRef,
    name: &str,
) -> PyResult<Option<PyRef>> {
    Ok(Some(match name {
        // A static type's tp_name may be dotted (`_io.TextIOWrapper`); a class's
        // name is its own, dots and all.
        "__name__" => new_str(if ty.has_flag(flags::HEAPTYPE) {
            ty.name()
        } else {
            ty.name().rsplit('.').next().unwrap_or_default()
        }),
        "__qualname__" => new_str(&ty.qualname.borrow()),
        "__module__" => match ty.dict_get_str(&crate::object::str::intern("__module__")) {
            Some(m) if ty.has_flag(flags::HEAPTYPE) => m,
            _ => new_str(&ty.module),
        },
        "__mro__" => ty
            .mro
            .borrow()
            .clone()
            .unwrap_or_else(|| new_tuple(vec![obj.clone()])),
        "__bases__" => ty
            .bases
            .borrow()
            .clone()
            .unwrap_or_else(|| match ty.base() {
                Some(b) => new_tuple(vec![b.as_object()]),
                None => new_tuple(Vec::new()),
            }),
        "__base__" => ty.base().map(|b| b.as_object()).unwrap_or_else(none),
        "__dict__" => super::mappingproxy::new_mappingproxy(&ty.dict()),
        // The class's own `__doc__` only (a class statement always sets one).
        "__doc__" => match ty.dict_get_str(&crate::object::str::intern("__doc__")) {
            Some(d) => match d.ty().slots.descr_get.get() {
                Some(get) => get(vm, &d, None, obj)?,
                None => d,
            },
            None => none(),
        },
        _ => return Ok(None),
    }))
}

fn type_setattro(_vm: &mut Vm, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let ty = as_type(obj);
    if !ty.has_flag(flags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            str_of(name),
            ty.name()
        )));
    }
    // `__qualname__` is the type's own field, not a namespace entry.
    if str_of(name) == "__qualname__" {
        return match value.as_ref().and_then(crate::object::str::as_str) {
            Some(q) => {
                ty.qualname.replace(Cow::Owned(q.to_string()));
                Ok(())
            }
            None => Err(PyErr::type_error(format!(
                "can only assign string to {}.__qualname__, not '{}'",
                ty.name(),
                value.as_ref().map_or("NoneType", |v| v.ty().name())
            ))),
        };
    }
    let d = ty.dict();
    let dd = as_dict(&d).expect("dict");
    crate::object::method_cache::invalidate();
    match value {
        Some(v) => dd.set_str(name.clone(), v),
        None => {
            if dd.del_str(name).is_none() {
                return Err(no_attribute(obj, name));
            }
        }
    }
    let n = &*str_of(name);
    if n.starts_with("__") && n.ends_with("__") {
        // A dunder changes the slots of this class and of every class below it
        // (CPython's `update_slot` over `tp_subclasses`). Classes keep no list of
        // their subclasses, so find them among the live heap types; this is rare.
        install_slots(ty);
        let subclasses = crate::object::tracking::live_objects_where(|o| {
            try_type(o).is_some_and(|t| {
                t.has_flag(flags::HEAPTYPE) && !std::ptr::eq(t, ty) && t.is_subtype(ty)
            })
        });
        for sub in &subclasses {
            install_slots(as_type(sub));
        }
    }
    Ok(())
}

/// `__build_class__(func, name, *bases, **kw)`: run the class body, then make the class.
fn build_class(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let body = &pos[0];
    let name = &pos[1];
    let bases = new_tuple(pos[2..].to_vec());
    let mut meta: Option<PyRef> = None;
    let mut class_kw = Vec::new();
    for (k, v) in args.keywords() {
        if str_of(k) == "metaclass" {
            meta = Some(v.clone());
        } else {
            class_kw.push((k.clone(), v.clone()));
        }
    }
    if let Some(m) = &meta
        && !m.is(&TYPE_TYPE.as_object())
    {
        return Err(PyErr::not_implemented("metaclasses are not supported yet"));
    }
    let ns = new_dict();
    let mut frame = vm.new_frame(body, Args::new(&[]))?;
    frame.locals = Some(ns.clone());
    let cell = vm.run_frame(frame)?;
    let cls = type_new(vm, name, &bases, &ns, &class_kw)?;
    if let Some(c) = cell.downcast::<crate::object::function::CellData>() {
        c.contents.replace(Some(cls.clone()));
    }
    Ok(cls)
}

/// C3 linearisation of `bases` (each with its own MRO).
fn c3_mro(cls: &PyRef, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(|b| as_type(b).mro_vec()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))));
        let Some(c) = candidate else {
            let names: Vec<String> = bases
                .iter()
                .map(|b| as_type(b).name().to_string())
                .collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `type(name, bases, namespace)`: create a heap type.
/// Create a class: `type(name, bases, ns, **kw)` and the end of a class statement.
/// After the type is ready, `__set_name__` runs on namespace values that define it and
/// the parent's `__init_subclass__` receives `kw`.
pub fn type_new(
    vm: &mut Vm,
    name: &PyRef,
    bases: &PyRef,
    ns: &PyRef,
    kw: &[(PyRef, PyRef)],
) -> PyResult {
    // A type's name must be UTF-8 (CPython encodes it for `tp_name`).
    let name_s = match crate::object::str::utf8_of(name) {
        Some(r) => r?.to_string(),
        None => str_of(name).to_string(),
    };
    let mut base_list = tuple_items(bases).to_vec();
    for b in &base_list {
        match try_type(b) {
            Some(t) if t.has_flag(flags::BASETYPE) => {}
            Some(t) => {
                return Err(PyErr::type_error(format!(
                    "type '{}' is not an acceptable base type",
                    t.name()
                )));
            }
            None => return Err(PyErr::type_error("bases must be types")),
        }
    }
    if base_list.is_empty() {
        base_list.push(OBJECT_TYPE.as_object());
    }
    // The solid base decides the instance layout.
    let mut layout = Layout::Object;
    let mut solid: &TypeObject = &OBJECT_TYPE;
    for b in &base_list {
        let t = as_type(b);
        let l = match t.layout {
            Layout::Instance => Layout::Object,
            other => other,
        };
        if l != Layout::Object {
            if layout != Layout::Object && layout != l {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
            layout = l;
            solid = t;
        }
    }
    let (layout, dealloc): (Layout, crate::object::typeobj::DeallocFn) = match layout {
        Layout::Object => (Layout::Instance, dealloc_fixed::<InstanceData>),
        Layout::Exception => (
            Layout::Exception,
            dealloc_fixed::<crate::object::exception::ExceptionData>,
        ),
        other => {
            let _ = other;
            return Err(PyErr::not_implemented(format!(
                "subclassing '{}' is not supported yet",
                solid.name()
            )));
        }
    };
    let ns_d = as_dict(ns).ok_or_else(|| PyErr::type_error("type() argument 3 must be dict"))?;
    let qualname = ns_d
        .get_item_str("__qualname__")
        .map(|q| str_of(&q).to_string())
        .unwrap_or_else(|| name_s.clone());
    let module = ns_d
        .get_item_str("__module__")
        .map(|m| str_of(&m).to_string())
        .unwrap_or_else(|| "__main__".to_string());
    let dict = new_dict();
    let dd = as_dict(&dict).expect("dict");
    for (k, v) in ns_d.items() {
        let ks = &*str_of(&k);
        if ks == "__qualname__" || ks == "__classcell__" {
            continue;
        }
        let v = if (ks == "__new__") && v.downcast::<FunctionData>().is_some() {
            alloc(&STATICMETHOD_TYPE, StaticMethodData { callable: v })
        } else if (ks == "__init_subclass__" || ks == "__class_getitem__")
            && v.downcast::<FunctionData>().is_some()
        {
            alloc(&CLASSMETHOD_TYPE, ClassMethodData { callable: v })
        } else {
            v
        };
        dd.set_str(k, v);
    }
    if dd.get_item_str("__eq__").is_some() && dd.get_item_str("__hash__").is_none() {
        dd.set_item_str("__hash__", none());
    }
    // The first class of a hierarchy gives its instances `__dict__` (unless the solid
    // base already has one) and `__weakref__`; every class gets its own `__doc__`.
    if base_list
        .iter()
        .all(|b| !as_type(b).has_flag(flags::HEAPTYPE))
    {
        if layout == Layout::Instance && dd.get_item_str("__dict__").is_none() {
            dd.set_item_str("__dict__", new_getset(GetSetKind::Dict, &name_s));
        }
        if dd.get_item_str("__weakref__").is_none() {
            dd.set_item_str("__weakref__", new_getset(GetSetKind::Weakref, &name_s));
        }
    }
    if dd.get_item_str("__doc__").is_none() {
        dd.set_item_str("__doc__", none());
    }
    // `__base__` is the base that decides the layout (CPython's `best_base`): the
    // exception base of `class E(Mixin, ValueError)`, else the first base.
    let best_base = if layout == Layout::Exception {
        solid
    } else {
        as_type(&base_list[0])
    };
    let base_ptr = best_base as *const TypeObject;
    let mut tflags = flags::HEAPTYPE | flags::BASETYPE | flags::HAVE_GC;
    if layout == Layout::Exception {
        tflags |= flags::BASE_EXC_SUBCLASS;
    }
    let data = TypeData {
        name: Cow::Owned(name_s),
        qualname: RefCell::new(Cow::Owned(qualname)),
        module: Cow::Owned(module),
        flags: Cell::new(tflags),
        layout,
        base: Cell::new(base_ptr),
        bases: RefCell::new(Some(new_tuple(base_list.clone()))),
        mro: RefCell::new(None),
        dict: RefCell::new(Some(dict)),
        slots: Slots::empty(),
        dealloc: Cell::new(dealloc),
        doc: None,
    };
    let cls = alloc(&TYPE_TYPE, data);
    let mro = c3_mro(&cls, &base_list)?;
    let ty = as_type(&cls);
    ty.mro.replace(Some(new_tuple(mro)));
    install_slots(ty);
    set_names(vm, &cls)?;
    init_subclass(vm, &cls, kw)?;
    Ok(cls)
}

/// Call `value.__set_name__(cls, name)` for each namespace value whose type defines
/// it; a failure becomes CPython 3.11's RuntimeError, caused by the original error.
fn set_names(vm: &mut Vm, cls: &PyRef) -> PyResult<()> {
    let ty = as_type(cls);
    let items = super::dict::dict_data(&ty.dict()).items();
    for (k, v) in items {
        let Some(m) = v.ty().lookup_str("__set_name__") else {
            continue;
        };
        let bound = vm.bind_descriptor(&m, &v)?;
        if let Err(e) = vm.call_args(&bound, &[cls.clone(), k.clone()]) {
            let err = PyErr::runtime_error(format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                v.ty().name(),
                vm.repr_string(&k)?,
                ty.name()
            ));
            if let Some(d) = crate::object::exception::as_exception(&err.0) {
                d.cause.replace(Some(e.0.clone()));
                d.context.replace(Some(e.0));
                d.suppress_context.set(true);
            }
            return Err(err);
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kw)`: the first `__init_subclass__` after
/// `cls` in its MRO, bound to `cls`.
fn init_subclass(vm: &mut Vm, cls: &PyRef, kw: &[(PyRef, PyRef)]) -> PyResult<()> {
    let ty = as_type(cls);
    let name = crate::object::str::intern("__init_subclass__");
    let found = ty
        .mro_vec()
        .iter()
        .skip(1)
        .find_map(|t| as_type(t).dict_get_str(&name));
    let Some(m) = found else {
        return Ok(());
    };
    let bound = match m.ty().slots.descr_get.get() {
        Some(get) => get(vm, &m, None, cls)?,
        None => m,
    };
    let mut flat = Vec::with_capacity(kw.len());
    let mut names = Vec::with_capacity(kw.len());
    for (k, v) in kw {
        names.push(k.clone());
        flat.push(v.clone());
    }
    vm.call(&bound, Args::with_kwnames(&flat, &names))?;
    Ok(())
}

/// Point a heap type's slots at the dunder methods found along its MRO, inheriting the
/// native slots of its solid base for everything else.
pub fn install_slots(ty: &TypeObject) {
    let s = &ty.slots;
    let heap_has = |name: &str| -> bool {
        ty.mro_vec().iter().any(|t| {
            let t = as_type(t);
            t.has_flag(flags::HEAPTYPE)
                && t.dict_get_str(&crate::object::str::intern(name)).is_some()
        })
    };
    s.reset();
    if let Some(base) = ty.base() {
        s.inherit_from(&base.slots);
        // Walk the rest of the MRO for slots a secondary base provides natively.
        for t in ty.mro_vec().iter().skip(1) {
            s.inherit_from(&as_type(t).slots);
        }
    }
    s.new.set(Some(slot_new));
    if heap_has("__init__") {
        s.init.set(Some(slot_init));
    }
    if heap_has("__repr__") {
        s.repr.set(Some(slot_repr));
    }
    if heap_has("__str__") {
        s.str.set(Some(slot_str));
    }
    if heap_has("__hash__") {
        match ty.lookup_str("__hash__") {
            Some(h) if is_none(&h) => s.hash.set(Some(super::object::hash_not_implemented)),
            _ => s.hash.set(Some(slot_hash)),
        }
    }
    if ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]
        .iter()
        .any(|n| heap_has(n))
    {
        s.richcompare.set(Some(slot_richcompare));
    }
    if heap_has("__getattr__") || heap_has("__getattribute__") {
        s.getattro.set(Some(slot_getattro));
    }
    if heap_has("__setattr__") || heap_has("__delattr__") {
        s.setattro.set(Some(slot_setattro));
    }
    if heap_has("__call__") {
        s.call.set(Some(slot_call));
    }
    if heap_has("__iter__") {
        s.iter.set(Some(slot_iter));
    }
    if heap_has("__next__") {
        s.iternext.set(Some(slot_iternext));
    }
    if heap_has("__bool__") {
        s.bool.set(Some(slot_bool));
    }
    if heap_has("__len__") {
        s.len.set(Some(slot_len));
        if !heap_has("__bool__") && s.bool.get().is_none() {
            s.bool.set(None);
        }
    }
    if heap_has("__getitem__") {
        s.getitem.set(Some(slot_getitem));
    }
    if heap_has("__setitem__") || heap_has("__delitem__") {
        s.setitem.set(Some(slot_setitem));
    }
    if heap_has("__contains__") {
        s.contains.set(Some(slot_contains));
    }
    if heap_has("__get__") {
        s.descr_get.set(Some(slot_descr_get));
    }
    if heap_has("__set__") || heap_has("__delete__") {
        s.descr_set.set(Some(slot_descr_set));
    }
    if heap_has("__neg__") {
        s.neg.set(Some(|vm, x| unary_dunder(vm, x, "__neg__", "-")));
    }
    if heap_has("__pos__") {
        s.pos.set(Some(|vm, x| unary_dunder(vm, x, "__pos__", "+")));
    }
    if heap_has("__invert__") {
        s.invert
            .set(Some(|vm, x| unary_dunder(vm, x, "__invert__", "~")));
    }
    if heap_has("__abs__") {
        s.abs
            .set(Some(|vm, x| unary_dunder(vm, x, "__abs__", "abs()")));
    }
    if heap_has("__index__") {
        s.index
            .set(Some(|vm, x| unary_dunder(vm, x, "__index__", "index")));
    }
    if heap_has("__int__") {
        s.int
            .set(Some(|vm, x| unary_dunder(vm, x, "__int__", "int")));
    }
    if heap_has("__float__") {
        s.float
            .set(Some(|vm, x| unary_dunder(vm, x, "__float__", "float")));
    }
    for (i, (name, rname, iname)) in NB_DUNDERS.iter().enumerate() {
        if heap_has(name) || heap_has(rname) {
            s.nb[i].set(Some(NB_WRAPPERS[i]));
        }
        if heap_has(iname) {
            s.nb_inplace[i].set(Some(NB_INPLACE_WRAPPERS[i]));
        }
    }
    if ty.lookup_str("__del__").is_some() && ty.has_flag(flags::HAVE_GC) {
        ty.set_flag(flags::HAS_FINALIZER);
    }
}

/// `(__op__, __rop__, __iop__)` in `NB_*` order.
pub const NB_DUNDERS: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

/// CPython's `SLOT1BINFULL`: try `v.__op__(w)`, then `w.__rop__(v)` when `w`'s type
/// differs (the reflected method first when `w`'s type is a subclass overriding it).
fn nb_wrapper(vm: &mut Vm, v: &PyRef, w: &PyRef, i: usize) -> PyResult {
    let (name, rname, _) = NB_DUNDERS[i];
    let same = std::ptr::eq(v.ty(), w.ty());
    let w_r = if same { None } else { w.ty().lookup_str(rname) };
    let v_op = v.ty().lookup_str(name);
    if let Some(wr) = &w_r
        && w.ty().is_subtype(v.ty())
        && w.ty().has_flag(flags::HEAPTYPE)
    {
        let m = vm.bind_descriptor(wr, w)?;
        let r = vm.call_args(&m, std::slice::from_ref(v))?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
        return match &v_op {
            Some(op) if v.ty().has_flag(flags::HEAPTYPE) => {
                let m = vm.bind_descriptor(op, v)?;
                vm.call_args(&m, std::slice::from_ref(w))
            }
            _ => Ok(not_implemented()),
        };
    }
    if let Some(op) = &v_op
        && (v.ty().has_flag(flags::HEAPTYPE)
            || std::ptr::eq(
                v.ty().slots.nb[i].get().map_or(0, |f| f as usize) as *const (),
                NB_WRAPPERS[i] as *const (),
            ))
    {
        let m = vm.bind_descriptor(op, v)?;
        let r = vm.call_args(&m, std::slice::from_ref(w))?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(wr) = &w_r
        && w.ty().has_flag(flags::HEAPTYPE)
    {
        let m = vm.bind_descriptor(wr, w)?;
        return vm.call_args(&m, std::slice::from_ref(v));
    }
    Ok(not_implemented())
}

fn nb_inplace_wrapper(vm: &mut Vm, v: &PyRef, w: &PyRef, i: usize) -> PyResult {
    let (_, _, iname) = NB_DUNDERS[i];
    match vm.call_special(v, iname, std::slice::from_ref(w))? {
        Some(r) => Ok(r),
        None => Ok(not_implemented()),
    }
}

macro_rules! nb_wrappers {
    ($($i:literal),*) => {
        const NB_WRAPPERS: [crate::object::typeobj::BinaryFn; 13] = [ $( |vm, v, w| nb_wrapper(vm, v, w, $i), )* ];
        const NB_INPLACE_WRAPPERS: [crate::object::typeobj::BinaryFn; 13] = [ $( |vm, v, w| nb_inplace_wrapper(vm, v, w, $i), )* ];
    };
}
nb_wrappers!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

fn unary_dunder(vm: &mut Vm, x: &PyRef, name: &str, sym: &str) -> PyResult {
    match vm.call_special(x, name, &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            x.ty().name()
        ))),
    }
}

fn call_dunder(vm: &mut Vm, x: &PyRef, name: &str, args: &[PyRef]) -> PyResult {
    match vm.call_special(x, name, args)? {
        Some(r) => Ok(r),
        None => Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            x.ty().name()
        ))),
    }
}

/// The Python `__init__` to run inline for `cls(...)`, when instantiating `cls` is just
/// `object.__new__` plus that `__init__` (a plain class of this interpreter's `type`).
pub fn inlinable_init(cls: &PyRef) -> Option<PyRef> {
    let ty = try_type(cls)?;
    if !cls.is_exact(&TYPE_TYPE) || !ty.has_flag(flags::HEAPTYPE) || ty.layout != Layout::Instance {
        return None;
    }
    let new_is_object = ty
        .slots
        .new
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, slot_new as crate::object::typeobj::NewFn))
        && ty
            .lookup_str("__new__")
            .is_some_and(|n| OBJECT_TYPE.lookup_str("__new__").is_some_and(|o| o.is(&n)));
    let init_is_slot = ty
        .slots
        .init
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, slot_init as crate::object::typeobj::InitFn));
    if !new_is_object || !init_is_slot {
        return None;
    }
    ty.lookup_str("__init__")
        .filter(|i| i.downcast::<FunctionData>().is_some())
}

fn slot_new(vm: &mut Vm, cls: &PyRef, args: Args) -> PyResult {
    let ty = as_type(cls);
    let new = ty
        .lookup_str("__new__")
        .filter(|n| !OBJECT_TYPE.lookup_str("__new__").is_some_and(|o| o.is(n)));
    match new {
        Some(n) => {
            let f = match n.downcast::<StaticMethodData>() {
                Some(s) => s.callable.clone(),
                None => n,
            };
            let mut full = Vec::with_capacity(args.args.len() + 1);
            full.push(cls.clone());
            full.extend_from_slice(args.args);
            vm.call(&f, Args::with_kwnames(&full, args.kwnames))
        }
        None => super::object::object_new(vm, cls, args),
    }
}

fn slot_init(vm: &mut Vm, obj: &PyRef, args: Args) -> PyResult<()> {
    let Some(init) = obj.ty().lookup_str("__init__") else {
        return Ok(());
    };
    let m = vm.bind_descriptor(&init, obj)?;
    let r = vm.call(&m, args)?;
    if !is_none(&r) {
        return Err(PyErr::type_error(format!(
            "__init__() should return None, not '{}'",
            r.ty().name()
        )));
    }
    Ok(())
}

fn slot_repr(vm: &mut Vm, x: &PyRef) -> PyResult {
    call_dunder(vm, x, "__repr__", &[])
}

fn slot_str(vm: &mut Vm, x: &PyRef) -> PyResult {
    call_dunder(vm, x, "__str__", &[])
}

fn slot_hash(vm: &mut Vm, x: &PyRef) -> PyResult<i64> {
    let r = call_dunder(vm, x, "__hash__", &[])?;
    match crate::object::int::int_value(&r) {
        Some(crate::object::int::IntValue::Small(v)) => Ok(if *v == -1 { -2 } else { *v }),
        Some(crate::object::int::IntValue::Big(b)) => Ok(crate::format::hash_int(b)),
        None => Err(PyErr::type_error(
            "__hash__ method should return an integer",
        )),
    }
}

fn slot_richcompare(vm: &mut Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    match a.ty().lookup_str(op.dunder()) {
        Some(m) if !is_none(&m) => {
            let bound = vm.bind_descriptor(&m, a)?;
            vm.call_args(&bound, std::slice::from_ref(b))
        }
        _ => Ok(not_implemented()),
    }
}

fn slot_getattro(vm: &mut Vm, obj: &PyRef, name: &PyRef) -> PyResult {
    let ga = obj.ty().lookup_str("__getattribute__");
    let first = match ga {
        Some(g) if !g.is_exact(&METHOD_DESCRIPTOR_TYPE) => {
            let m = vm.bind_descriptor(&g, obj)?;
            vm.call_args(&m, std::slice::from_ref(name))
        }
        _ => vm.generic_getattr(obj, name),
    };
    match first {
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => match obj.ty().lookup_str("__getattr__") {
            Some(g) => {
                let m = vm.bind_descriptor(&g, obj)?;
                vm.call_args(&m, std::slice::from_ref(name))
            }
            None => Err(e),
        },
        other => other,
    }
}

fn slot_setattro(vm: &mut Vm, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    match value {
        Some(v) => match obj.ty().lookup_str("__setattr__") {
            Some(f) if !f.is_exact(&METHOD_DESCRIPTOR_TYPE) => {
                let m = vm.bind_descriptor(&f, obj)?;
                vm.call_args(&m, &[name.clone(), v]).map(|_| ())
            }
            _ => vm.generic_setattr(obj, name, Some(v)),
        },
        None => match obj.ty().lookup_str("__delattr__") {
            Some(f) if !f.is_exact(&METHOD_DESCRIPTOR_TYPE) => {
                let m = vm.bind_descriptor(&f, obj)?;
                vm.call_args(&m, std::slice::from_ref(name)).map(|_| ())
            }
            _ => vm.generic_setattr(obj, name, None),
        },
    }
}

fn slot_call(vm: &mut Vm, obj: &PyRef, args: Args) -> PyResult {
    let Some(c) = obj.ty().lookup_str("__call__") else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            obj.ty().name()
        )));
    };
    let m = vm.bind_descriptor(&c, obj)?;
    vm.call(&m, args)
}

fn slot_iter(vm: &mut Vm, obj: &PyRef) -> PyResult {
    match obj.ty().lookup_str("__iter__") {
        Some(f) if !is_none(&f) => {
            let m = vm.bind_descriptor(&f, obj)?;
            vm.call_args(&m, &[])
        }
        _ => Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            obj.ty().name()
        ))),
    }
}

fn slot_iternext(vm: &mut Vm, obj: &PyRef) -> PyResult<Option<PyRef>> {
    match call_dunder(vm, obj, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&STOP_ITERATION) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_bool(vm: &mut Vm, obj: &PyRef) -> PyResult<bool> {
    let r = call_dunder(vm, obj, "__bool__", &[])?;
    if is_true(&r) {
        Ok(true)
    } else if is_false(&r) {
        Ok(false)
    } else {
        Err(PyErr::type_error(format!(
            "__bool__ should return bool, returned {}",
            r.ty().name()
        )))
    }
}

fn slot_len(vm: &mut Vm, obj: &PyRef) -> PyResult<usize> {
    let r = call_dunder(vm, obj, "__len__", &[])?;
    match crate::object::int::int_value(&r) {
        Some(crate::object::int::IntValue::Small(v)) if *v >= 0 => Ok(*v as usize),
        Some(crate::object::int::IntValue::Small(_)) => {
            Err(PyErr::value_error("__len__() should return >= 0"))
        }
        Some(_) => Err(PyErr::overflow(
            "cannot fit 'int' into an index-sized integer",
        )),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            r.ty().name()
        ))),
    }
}

fn slot_getitem(vm: &mut Vm, obj: &PyRef, key: &PyRef) -> PyResult {
    call_dunder(vm, obj, "__getitem__", std::slice::from_ref(key))
}

fn slot_setitem(vm: &mut Vm, obj: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(vm, obj, "__setitem__", &[key.clone(), v]).map(|_| ()),
        None => call_dunder(vm, obj, "__delitem__", std::slice::from_ref(key)).map(|_| ()),
    }
}

fn slot_contains(vm: &mut Vm, obj: &PyRef, item: &PyRef) -> PyResult<bool> {
    // `__contains__ = None` declares the object not a container.
    if obj
        .ty()
        .lookup_str("__contains__")
        .is_some_and(|m| is_none(&m))
    {
        return Err(PyErr::type_error(format!(
            "'{}' object is not a container",
            obj.ty().name()
        )));
    }
    let r = call_dunder(vm, obj, "__contains__", std::slice::from_ref(item))?;
    vm.is_true(&r)
}

fn slot_descr_get(vm: &mut Vm, descr: &PyRef, obj: Option<&PyRef>, ty: &PyRef) -> PyResult {
    let o = obj.cloned().unwrap_or_else(none);
    call_dunder(vm, descr, "__get__", &[o, ty.clone()])
}

fn slot_descr_set(vm: &mut Vm, descr: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(vm, descr, "__set__", &[obj.clone(), v]).map(|_| ()),
        None => call_dunder(vm, descr, "__delete__", std::slice::from_ref(obj)).map(|_| ()),
    }
}

// ----- super -------------------------------------------------------------------------

/// `super()` / `super(type, obj)`.
fn super_new(vm: &mut Vm, _cls: &PyRef, args: Args) -> PyResult {
    let pos = args.positional();
    let (ty, obj) = match pos.len() {
        0 => {
            // Zero-argument form: the caller's first argument and its `__class__` cell.
            let f = vm
                .frames
                .last()
                .ok_or_else(|| PyErr::runtime_error("super(): no arguments"))?;
            let code = f
                .code
                .downcast::<crate::object::function::CodeData>()
                .expect("code");
            let first = f.fast.first().cloned().flatten();
            let first = match first {
                Some(x) => match x.downcast::<crate::object::function::CellData>() {
                    Some(c)
                        if code.code.localsplus_kinds[0] & crate::bytecode::kinds::CELL != 0 =>
                    {
                        c.contents.borrow().clone()
                    }
                    _ => Some(x),
                },
                None => None,
            };
            let Some(first) = first.filter(|_| code.code.argcount > 0) else {
                return Err(PyErr::runtime_error("super(): no arguments"));
            };
            let idx = code
                .localsplus_names
                .iter()
                .position(|n| str_of(n) == "__class__")
                .ok_or_else(|| PyErr::runtime_error("super(): __class__ cell not found"))?;
            let cls = f.fast[idx]
                .as_ref()
                .and_then(|c| c.downcast::<crate::object::function::CellData>())
                .and_then(|c| c.contents.borrow().clone())
                .ok_or_else(|| PyErr::runtime_error("super(): empty __class__ cell"))?;
            (cls, Some(first))
        }
        1 => (pos[0].clone(), None),
        _ => (pos[0].clone(), Some(pos[1].clone())),
    };
    if try_type(&ty).is_none() {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            ty.ty().name()
        )));
    }
    let obj_type = match &obj {
        Some(o) => {
            if let Some(t) = try_type(o) {
                if t.is_subtype(as_type(&ty)) {
                    Some(o.clone())
                } else if o.ty().is_subtype(as_type(&ty)) {
                    Some(o.type_ref())
                } else {
                    None
                }
            } else if o.ty().is_subtype(as_type(&ty)) {
                Some(o.type_ref())
            } else {
                None
            }
        }
        None => None,
    };
    if obj.is_some() && obj_type.is_none() {
        return Err(PyErr::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    }
    let _ = vm;
    Ok(alloc(&SUPER_TYPE, SuperData { ty, obj, obj_type }))
}

fn super_getattro(vm: &mut Vm, sup: &PyRef, name: &PyRef) -> PyResult {
    let s = sup.downcast::<SuperData>().expect("super");
    if let (Some(obj), Some(obj_type)) = (&s.obj, &s.obj_type)
        && str_of(name) != "__class__"
    {
        let mro = as_type(obj_type).mro_vec();
        let start = mro
            .iter()
            .position(|t| t.is(&s.ty))
            .map(|i| i + 1)
            .unwrap_or(mro.len());
        for t in &mro[start..] {
            if let Some(v) = as_type(t).dict_get_str(name) {
                if let Some(get) = v.ty().slots.descr_get.get() {
                    let inst = if obj.is(obj_type) { None } else { Some(obj) };
                    return get(vm, &v, inst, obj_type);
                }
                return Ok(v);
            }
        }
    }
    vm.generic_getattr(sup, name)
}

fn super_repr(_vm: &mut Vm, sup: &PyRef) -> PyResult {
    let s = sup.downcast::<SuperData>().expect("super");
    try_new_str(&format!(
        "<super: <class '{}'>, {}>",
        as_type(&s.ty).name(),
        match &s.obj_type {
            Some(t) => format!("<{} object>", as_type(t).name()),
            None => "NULL".to_string(),
        }
    ))
}

fn m_mro(_vm: &mut Vm, args: Args) -> PyResult {
    let (cls, _) = super::check_method_args("mro", &args, 0, 0)?;
    Ok(crate::object::list::new_list(as_type(cls).mro_vec()))
}

fn m_subclasscheck(_vm: &mut Vm, args: Args) -> PyResult {
    let (cls, rest) = super::check_method_args("__subclasscheck__", &args, 1, 1)?;
    Ok(py_bool(
        try_type(&rest[0]).is_some_and(|t| t.is_subtype(as_type(cls))),
    ))
}

pub fn init() {
    let s = &TYPE_TYPE.slots;
    TYPE_TYPE.dealloc.set(dealloc_fixed::<TypeData>);
    s.repr.set(Some(type_repr));
    s.call.set(Some(type_call));
    s.getattro.set(Some(type_getattro));
    s.setattro.set(Some(type_setattro));
    s.hash.set(Some(|_vm, x| Ok((x.addr() >> 4) as i64)));
    super::add_method(&TYPE_TYPE, "mro", m_mro);
    super::add_method(&TYPE_TYPE, "__subclasscheck__", m_subclasscheck);
    SUPER_TYPE.dealloc.set(dealloc_fixed::<SuperData>);
    SUPER_TYPE.slots.new.set(Some(super_new));
    SUPER_TYPE.slots.getattro.set(Some(super_getattro));
    SUPER_TYPE.slots.repr.set(Some(super_repr));
}

/// The `__build_class__` builtin.
pub fn build_class_builtin() -> PyRef {
    super::new_builtin_function("__build_class__", build_class, None)
}
