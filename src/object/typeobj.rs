//! Type objects: the `type` payload, its slots, and method resolution.
//!
//! A type is an object (`TypeObject = PyObject<TypeData>`) whose slots (repr, hash,
//! richcompare, getattr, call, iter, the number protocol, dealloc…) are the functions the
//! VM calls. Builtin types are statics (immortal); their slots are filled and their
//! `__dict__`/`__mro__` created when the runtime starts. Classes made by `class` are heap
//! types: their slots dispatch to the dunder methods found along the MRO.
//!
//! Invariants: `layout` never changes and says which payload every instance holds; the
//! MRO tuple starts with the type itself; a heap type's `bases` tuple keeps its bases
//! (and so `base`) alive.

use super::dict::DictData;
use super::handle::{Payload, PyRef};
use super::header::{ObjHeader, PyObject};
use crate::object::PyResult;
use crate::vm::{Args, Vm};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ops::Deref;

/// Which payload the instances of a type hold (checked by `PyRef::downcast`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Plain `object()`: header only.
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BoundMethod,
    BuiltinFunction,
    Module,
    Property,
    StaticMethod,
    ClassMethod,
    Code,
    Cell,
    /// Instances of user classes whose solid base is `object`: an attribute dict.
    Instance,
    Exception,
    Traceback,
    Super,
    /// Every native iterator (list, tuple, str, range, dict views, enumerate, zip…).
    Iterator,
    DictView,
    /// `getset_descriptor`: `__dict__` / `__weakref__` of a user class.
    GetSet,
    /// `sys.stdout` / `sys.stderr` text streams.
    Stream,
}

/// Type flags (CPython's `Py_TPFLAGS_*` where one exists).
pub mod flags {
    /// Allocated at run time by a `class` statement.
    pub const HEAPTYPE: u32 = 1 << 9;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 1 << 10;
    /// Instances carry a GC head and may be tracked by the cycle collector.
    pub const HAVE_GC: u32 = 1 << 14;
    /// Instances have a `__del__` to run before they are freed.
    pub const HAS_FINALIZER: u32 = 1 << 0;
    /// Subclass-of-builtin markers used for fast isinstance checks.
    pub const LONG_SUBCLASS: u32 = 1 << 24;
    pub const LIST_SUBCLASS: u32 = 1 << 25;
    pub const TUPLE_SUBCLASS: u32 = 1 << 26;
    pub const STR_SUBCLASS: u32 = 1 << 28;
    pub const DICT_SUBCLASS: u32 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 30;
    pub const TYPE_SUBCLASS: u32 = 1 << 31;
}

/// Comparison operators passed to `richcompare` (values match `COMPARE_OP` operands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(op: u32) -> CompareOp {
        match op {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }

    /// The operator with its operands swapped (`a < b` ⇔ `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        crate::bytecode::compare_symbol(self as u32)
    }

    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
}

pub type UnaryFn = fn(&mut Vm, &PyRef) -> PyResult;
pub type BinaryFn = fn(&mut Vm, &PyRef, &PyRef) -> PyResult;
pub type TernaryFn = fn(&mut Vm, &PyRef, &PyRef, &PyRef) -> PyResult;
pub type RichCmpFn = fn(&mut Vm, &PyRef, &PyRef, CompareOp) -> PyResult;
pub type HashFn = fn(&mut Vm, &PyRef) -> PyResult<i64>;
pub type LenFn = fn(&mut Vm, &PyRef) -> PyResult<usize>;
pub type BoolFn = fn(&mut Vm, &PyRef) -> PyResult<bool>;
pub type GetAttrFn = fn(&mut Vm, &PyRef, &PyRef) -> PyResult;
pub type SetAttrFn = fn(&mut Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
pub type SetItemFn = fn(&mut Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, &PyRef, &PyRef) -> PyResult<bool>;
pub type CallFn = fn(&mut Vm, &PyRef, Args) -> PyResult;
pub type NewFn = fn(&mut Vm, &PyRef, Args) -> PyResult;
pub type InitFn = fn(&mut Vm, &PyRef, Args) -> PyResult<()>;
pub type DescrGetFn = fn(&mut Vm, &PyRef, Option<&PyRef>, &PyRef) -> PyResult;
pub type DescrSetFn = fn(&mut Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
/// `Ok(None)` means exhausted (no StopIteration object is made on the fast path).
pub type IterNextFn = fn(&mut Vm, &PyRef) -> PyResult<Option<PyRef>>;
pub type DeallocFn = unsafe fn(super::header::ObjPtr);

/// Number of binary operators (`NB_*`, the `BINARY_OP` operands 0..13).
pub const NB_COUNT: usize = 13;

/// The slot table. Every entry is a `Cell` so the runtime can fill the slots of static
/// types at start-up and `class` statements can fill those of heap types.
pub struct Slots {
    pub repr: Cell<Option<UnaryFn>>,
    pub str: Cell<Option<UnaryFn>>,
    pub hash: Cell<Option<HashFn>>,
    pub richcompare: Cell<Option<RichCmpFn>>,
    pub getattro: Cell<Option<GetAttrFn>>,
    pub setattro: Cell<Option<SetAttrFn>>,
    pub call: Cell<Option<CallFn>>,
    pub iter: Cell<Option<UnaryFn>>,
    pub iternext: Cell<Option<IterNextFn>>,
    pub bool: Cell<Option<BoolFn>>,
    pub len: Cell<Option<LenFn>>,
    pub getitem: Cell<Option<BinaryFn>>,
    pub setitem: Cell<Option<SetItemFn>>,
    pub contains: Cell<Option<ContainsFn>>,
    pub descr_get: Cell<Option<DescrGetFn>>,
    pub descr_set: Cell<Option<DescrSetFn>>,
    pub new: Cell<Option<NewFn>>,
    pub init: Cell<Option<InitFn>>,
    /// Binary operators in `NB_*` order; they handle both operand orders, returning
    /// `NotImplemented` when they do not apply (CPython's `nb_add` convention).
    pub nb: [Cell<Option<BinaryFn>>; NB_COUNT],
    /// In-place forms in the same order (`None`: fall back to the binary slot).
    pub nb_inplace: [Cell<Option<BinaryFn>>; NB_COUNT],
    pub pow3: Cell<Option<TernaryFn>>,
    pub neg: Cell<Option<UnaryFn>>,
    pub pos: Cell<Option<UnaryFn>>,
    pub invert: Cell<Option<UnaryFn>>,
    pub abs: Cell<Option<UnaryFn>>,
    /// `__index__`: lossless conversion to int.
    pub index: Cell<Option<UnaryFn>>,
    /// `__int__` / `__float__` conversions.
    pub int: Cell<Option<UnaryFn>>,
    pub float: Cell<Option<UnaryFn>>,
}

impl Slots {
    pub const fn empty() -> Slots {
        Slots {
            repr: Cell::new(None),
            str: Cell::new(None),
            hash: Cell::new(None),
            richcompare: Cell::new(None),
            getattro: Cell::new(None),
            setattro: Cell::new(None),
            call: Cell::new(None),
            iter: Cell::new(None),
            iternext: Cell::new(None),
            bool: Cell::new(None),
            len: Cell::new(None),
            getitem: Cell::new(None),
            setitem: Cell::new(None),
            contains: Cell::new(None),
            descr_get: Cell::new(None),
            descr_set: Cell::new(None),
            new: Cell::new(None),
            init: Cell::new(None),
            nb: [const { Cell::new(None) }; NB_COUNT],
            nb_inplace: [const { Cell::new(None) }; NB_COUNT],
            pow3: Cell::new(None),
            neg: Cell::new(None),
            pos: Cell::new(None),
            invert: Cell::new(None),
            abs: Cell::new(None),
            index: Cell::new(None),
            int: Cell::new(None),
            float: Cell::new(None),
        }
    }

    /// Clear every slot (a heap type re-installing its slots).
    pub fn reset(&self) {
        macro_rules! clear { ($($f:ident),*) => { $( self.$f.set(None); )* } }
        clear!(
            repr,
            str,
            hash,
            richcompare,
            getattro,
            setattro,
            call,
            iter,
            iternext,
            bool,
            len,
            getitem,
            setitem,
            contains,
            descr_get,
            descr_set,
            new,
            init,
            pow3,
            neg,
            pos,
            invert,
            abs,
            index,
            int,
            float
        );
        for i in 0..NB_COUNT {
            self.nb[i].set(None);
            self.nb_inplace[i].set(None);
        }
    }

    /// Copy every slot from `base` (inheritance of native behaviour).
    pub fn inherit_from(&self, base: &Slots) {
        macro_rules! copy { ($($f:ident),*) => { $( if self.$f.get().is_none() { self.$f.set(base.$f.get()); } )* } }
        copy!(
            repr,
            str,
            hash,
            richcompare,
            getattro,
            setattro,
            call,
            iter,
            iternext,
            bool,
            len,
            getitem,
            setitem,
            contains,
            descr_get,
            descr_set,
            new,
            init,
            pow3,
            neg,
            pos,
            invert,
            abs,
            index,
            int,
            float
        );
        for i in 0..NB_COUNT {
            if self.nb[i].get().is_none() {
                self.nb[i].set(base.nb[i].get());
            }
            if self.nb_inplace[i].get().is_none() {
                self.nb_inplace[i].set(base.nb_inplace[i].get());
            }
        }
    }
}

/// The payload of a type object.
pub struct TypeData {
    pub name: Cow<'static, str>,
    pub qualname: RefCell<Cow<'static, str>>,
    pub module: Cow<'static, str>,
    pub flags: Cell<u32>,
    pub layout: Layout,
    /// The solid base (`tp_base`); null only for `object`.
    pub base: Cell<*const TypeObject>,
    pub bases: RefCell<Option<PyRef>>,
    pub mro: RefCell<Option<PyRef>>,
    pub dict: RefCell<Option<PyRef>>,
    pub slots: Slots,
    pub dealloc: Cell<DeallocFn>,
    pub doc: Option<&'static str>,
}

// SAFETY: type objects are only touched by the thread holding the GIL; statics need Sync.
unsafe impl Sync for TypeData {}

impl Payload for TypeData {
    const LAYOUT: Layout = Layout::Type;
}

/// A type object: a header and a `TypeData` payload.
pub type TypeObject = PyObject<TypeData>;

impl Deref for PyObject<TypeData> {
    type Target = TypeData;
    fn deref(&self) -> &TypeData {
        &self.payload
    }
}

/// The `dealloc` slot used before the runtime fills a type's real one: never called for
/// live objects.
unsafe fn dealloc_unset(_ptr: super::header::ObjPtr) {}

/// Whether a type still has the placeholder `dealloc` slot (a runtime bug: its
/// instances would never be freed).
pub fn dealloc_is_unset(ty: &TypeObject) -> bool {
    std::ptr::fn_addr_eq(ty.dealloc.get(), dealloc_unset as DeallocFn)
}

/// `("_io", "TextIOWrapper")` for `"_io.TextIOWrapper"`; `("builtins", name)` for
/// a name without a dot.
const fn split_tp_name(tp_name: &'static str) -> (&'static str, &'static str) {
    let bytes = tp_name.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        if bytes[i] == b'.' {
            let (module, rest) = tp_name.split_at(i);
            let (_, short) = rest.split_at(1);
            return (module, short);
        }
    }
    ("builtins", tp_name)
}

impl TypeData {
    /// The payload of a builtin (static) type. `tp_name` is CPython's: the bare
    /// name for a type of `builtins`, `module.Name` otherwise (`_io.TextIOWrapper`),
    /// which error messages show; `__name__` and `__qualname__` are the part after
    /// the last dot and `__module__` the part before.
    pub const fn builtin(
        tp_name: &'static str,
        layout: Layout,
        base: Option<&'static TypeObject>,
        flags: u32,
    ) -> TypeData {
        let (module, short) = split_tp_name(tp_name);
        TypeData {
            name: Cow::Borrowed(tp_name),
            qualname: RefCell::new(Cow::Borrowed(short)),
            module: Cow::Borrowed(module),
            flags: Cell::new(flags),
            layout,
            base: Cell::new(match base {
                Some(b) => b as *const TypeObject,
                None => std::ptr::null(),
            }),
            bases: RefCell::new(None),
            mro: RefCell::new(None),
            dict: RefCell::new(None),
            slots: Slots::empty(),
            dealloc: Cell::new(dealloc_unset),
            doc: None,
        }
    }
}

impl PyObject<TypeData> {
    /// A static builtin type object (its metatype is `type`).
    pub const fn new_builtin(meta: &'static TypeObject, data: TypeData) -> TypeObject {
        PyObject {
            header: ObjHeader::new_static(meta),
            payload: data,
        }
    }

    pub fn name(&self) -> &str {
        &self.payload.name
    }

    #[inline(always)]
    pub fn has_flag(&self, flag: u32) -> bool {
        self.payload.flags.get() & flag != 0
    }

    pub fn set_flag(&self, flag: u32) {
        self.payload.flags.set(self.payload.flags.get() | flag);
    }

    pub fn base(&self) -> Option<&TypeObject> {
        let p = self.payload.base.get();
        if p.is_null() {
            None
        } else {
            // SAFETY: `base` points at a static type or at a heap type kept alive by
            // this type's `bases` tuple (module invariant).
            Some(unsafe { &*p })
        }
    }

    /// A new reference to this type as an object.
    pub fn as_object(&self) -> PyRef {
        PyRef::from_type(self)
    }

    /// The MRO as a vector of type references (the type itself first).
    pub fn mro_vec(&self) -> Vec<PyRef> {
        match &*self.payload.mro.borrow() {
            Some(t) => super::tuple::tuple_items(t).to_vec(),
            None => vec![self.as_object()],
        }
    }

    /// Whether `self` is `other` or a subclass of it (walks the MRO).
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if let Some(mro) = &*self.payload.mro.borrow() {
            return super::tuple::tuple_items(mro)
                .iter()
                .any(|t| std::ptr::eq(t.header(), &other.header));
        }
        let mut b = self.base();
        while let Some(t) = b {
            if std::ptr::eq(t, other) {
                return true;
            }
            b = t.base();
        }
        false
    }

    /// Find `name` (a str object) in the dicts along the MRO, without invoking
    /// descriptors (`_PyType_Lookup`).
    pub fn lookup(&self, name: &PyRef) -> Option<PyRef> {
        let me = self.as_object();
        if let Some(hit) = super::method_cache::get(&me, name) {
            return hit;
        }
        let found = self.lookup_uncached(name);
        super::method_cache::put(&me, name, &found);
        found
    }

    /// The MRO walk behind [`lookup`](Self::lookup).
    fn lookup_uncached(&self, name: &PyRef) -> Option<PyRef> {
        let mro = self.payload.mro.borrow().clone();
        match mro {
            Some(mro) => {
                for t in super::tuple::tuple_items(&mro) {
                    let ty = super::typeobj::as_type(t);
                    if let Some(v) = ty.dict_get_str(name) {
                        return Some(v);
                    }
                }
                None
            }
            None => self.dict_get_str(name),
        }
    }

    /// Look `name` up with a Rust string (interned on the way).
    pub fn lookup_str(&self, name: &str) -> Option<PyRef> {
        let key = super::str::intern(name);
        self.lookup(&key)
    }

    /// Get `name` from this type's own dict.
    pub fn dict_get_str(&self, name: &PyRef) -> Option<PyRef> {
        let d = self.payload.dict.borrow();
        let d = d.as_ref()?;
        d.downcast::<DictData>()?.get_str(name)
    }

    /// The type's `__dict__` (created on first use).
    pub fn dict(&self) -> PyRef {
        let mut d = self.payload.dict.borrow_mut();
        if d.is_none() {
            *d = Some(super::dict::new_dict());
        }
        d.as_ref().cloned().unwrap_or_else(super::dict::new_dict)
    }
}

/// View a type object handle as a `TypeObject`. Panics (a VM bug) if it is not a type.
pub fn as_type(obj: &PyRef) -> &TypeObject {
    try_type(obj).expect("object is not a type")
}

/// View a handle as a type object, if it is one.
pub fn try_type(obj: &PyRef) -> Option<&TypeObject> {
    if obj.ty().layout == Layout::Type {
        // SAFETY: objects of layout Type are `PyObject<TypeData>` (static or allocated by
        // `alloc::<TypeData>`), and the handle keeps it alive.
        Some(unsafe { &*(obj.header() as *const ObjHeader as *const TypeObject) })
    } else {
        None
    }
}
