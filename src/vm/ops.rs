//! The abstract object protocol (CPython's `Objects/abstract.c` and `object.c`):
//! attribute access, operators with their reflected fallbacks, rich comparison, truth,
//! hashing, iteration, subscription, repr/str/format, all dispatched through type slots
//! with CPython's error messages.

use super::{Args, Vm};
use crate::bytecode::{BINOP_INPLACE, NB_RSHIFT, Opcode, binop_symbol};
use crate::object::dict::{DictData, Probe, as_dict};
use crate::object::exception::as_exception;
use crate::object::function::{BuiltinFunctionData, FunctionData};
use crate::object::misc::InstanceData;
use crate::object::set::as_set;
use crate::object::singletons::*;
use crate::object::str::{is_str, str_hash, str_of, str_text, try_new_str};
use crate::object::tuple::tuple_items;
use crate::object::*;
use crate::text::Text;

/// Nested comparisons allowed whatever the recursion limit says: each level of a
/// container comparison takes a few hundred bytes of the interpreter thread's stack.
const COMPARE_DEPTH_CAP: usize = 200_000;

impl Vm {
    // ----- attributes -------------------------------------------------------------

    pub fn getattr(&mut self, obj: &PyRef, name: &PyRef) -> PyResult {
        match obj.ty().slots.getattro.get() {
            Some(slot) => slot(self, obj, name),
            None => self.generic_getattr(obj, name),
        }
    }

    pub fn getattr_str(&mut self, obj: &PyRef, name: &str) -> PyResult {
        let n = crate::object::str::intern(name);
        self.getattr(obj, &n)
    }

    /// `getattr(obj, name, None)`-style lookup: `Ok(None)` on AttributeError.
    pub fn getattr_opt(&mut self, obj: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
        match self.getattr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `PyObject_GenericGetAttr`: data descriptors on the type, then the instance
    /// dict, then other type attributes (binding them through `__get__`).
    pub fn generic_getattr(&mut self, obj: &PyRef, name: &PyRef) -> PyResult {
        let ty = obj.ty();
        let descr = ty.lookup(name);
        if let Some(d) = &descr
            && d.ty().slots.descr_set.get().is_some()
            && let Some(get) = d.ty().slots.descr_get.get()
        {
            return get(self, d, Some(obj), &obj.type_ref());
        }
        if let Some(dict) = instance_dict(obj)
            && let Some(v) = as_dict(&dict).and_then(|d| d.get_str(name))
        {
            return Ok(v);
        }
        if let Some(d) = descr {
            if let Some(get) = d.ty().slots.descr_get.get() {
                return get(self, &d, Some(obj), &obj.type_ref());
            }
            return Ok(d);
        }
        match &*str_of(name) {
            "__class__" => return Ok(obj.type_ref()),
            "__dict__" => {
                if let Some(d) = instance_dict_or_create(obj) {
                    return Ok(d);
                }
            }
            _ => {}
        }
        Err(no_attribute(obj, name))
    }

    pub fn setattr(&mut self, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        match obj.ty().slots.setattro.get() {
            Some(slot) => slot(self, obj, name, value),
            None => self.generic_setattr(obj, name, value),
        }
    }

    pub fn generic_setattr(
        &mut self,
        obj: &PyRef,
        name: &PyRef,
        value: Option<PyRef>,
    ) -> PyResult<()> {
        if let Some(d) = obj.ty().lookup(name)
            && let Some(set) = d.ty().slots.descr_set.get()
        {
            return set(self, &d, obj, value);
        }
        match instance_dict_or_create(obj) {
            Some(dict) => {
                let d = as_dict(&dict).expect("dict");
                match value {
                    Some(v) => {
                        d.set_str(name.clone(), v);
                        Ok(())
                    }
                    None => match d.del_str(name) {
                        Some(_) => Ok(()),
                        None => Err(no_attribute(obj, name)),
                    },
                }
            }
            None => {
                if obj.ty().lookup(name).is_some() {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        obj.ty().name(),
                        str_of(name)
                    )))
                } else {
                    Err(no_attribute(obj, name))
                }
            }
        }
    }

    /// Method lookup for `obj.name(...)`: `(function, Some(obj))` when the attribute is
    /// a plain function found on the type (no bound method is made), otherwise
    /// `(attribute, None)`.
    pub fn load_method(&mut self, obj: PyRef, name: &PyRef) -> PyResult<(PyRef, Option<PyRef>)> {
        let ty = obj.ty();
        if ty.slots.getattro.get().is_none()
            && let Some(d) = ty.lookup(name)
        {
            let is_method = d.downcast::<FunctionData>().is_some()
                || (d.is_exact(&METHOD_DESCRIPTOR_TYPE)
                    && d.downcast::<BuiltinFunctionData>()
                        .is_some_and(|b| b.self_obj.is_none()));
            if is_method {
                let shadowed = instance_dict(&obj)
                    .and_then(|dict| as_dict(&dict).and_then(|dd| dd.get_str(name)));
                if let Some(v) = shadowed {
                    return Ok((v, None));
                }
                return Ok((d, Some(obj)));
            }
        }
        let v = self.getattr(&obj, name)?;
        Ok((v, None))
    }

    /// Call method `name` of `obj` with `args`.
    pub fn call_method(&mut self, obj: &PyRef, name: &str, args: &[PyRef]) -> PyResult {
        let n = crate::object::str::intern(name);
        let (m, self_obj) = self.load_method(obj.clone(), &n)?;
        match self_obj {
            Some(s) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(s);
                full.extend_from_slice(args);
                self.call(&m, Args::new(&full))
            }
            None => self.call(&m, Args::new(args)),
        }
    }

    /// Look up a special method on the type (not the instance) and call it bound to
    /// `obj`; `Ok(None)` if the type has no such method.
    pub fn call_special(
        &mut self,
        obj: &PyRef,
        name: &str,
        args: &[PyRef],
    ) -> PyResult<Option<PyRef>> {
        let Some(m) = obj.ty().lookup_str(name) else {
            return Ok(None);
        };
        let bound = self.bind_descriptor(&m, obj)?;
        self.call(&bound, Args::new(args)).map(Some)
    }

    /// Apply a type attribute's `__get__` for instance `obj`.
    pub fn bind_descriptor(&mut self, descr: &PyRef, obj: &PyRef) -> PyResult {
        match descr.ty().slots.descr_get.get() {
            Some(get) => get(self, descr, Some(obj), &obj.type_ref()),
            None => Ok(descr.clone()),
        }
    }

    // ----- truth, hash, comparison ---------------------------------------------

    pub fn is_true(&mut self, x: &PyRef) -> PyResult<bool> {
        if is_true(x) {
            return Ok(true);
        }
        if is_false(x) || is_none(x) {
            return Ok(false);
        }
        let slots = &x.ty().slots;
        if let Some(b) = slots.bool.get() {
            return b(self, x);
        }
        if let Some(l) = slots.len.get() {
            return Ok(l(self, x)? != 0);
        }
        Ok(true)
    }

    pub fn hash(&mut self, x: &PyRef) -> PyResult<i64> {
        if x.is_exact(&STR_TYPE) {
            return Ok(str_hash(x));
        }
        match x.ty().slots.hash.get() {
            Some(h) => h(self, x),
            None => Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                x.ty().name()
            ))),
        }
    }

    /// `do_richcompare`: reflected operand first when it is a subclass, `==`/`!=`
    /// fall back to identity, the others raise TypeError.
    /// `PyObject_RichCompare`: counted against the recursion limit together with the
    /// Python frames, so comparing deeply nested containers raises RecursionError
    /// ("in comparison") instead of exhausting the native stack.
    pub fn rich_compare(&mut self, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult {
        if self.depth() >= self.recursion_limit || self.compare_depth > COMPARE_DEPTH_CAP {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded in comparison",
            ));
        }
        self.compare_depth += 1;
        let r = self.rich_compare_unguarded(v, w, op);
        self.compare_depth -= 1;
        r
    }

    fn rich_compare_unguarded(&mut self, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult {
        let vt = v.ty();
        let wt = w.ty();
        let mut checked_reverse = false;
        if !std::ptr::eq(vt, wt)
            && wt.is_subtype(vt)
            && let Some(f) = wt.slots.richcompare.get()
        {
            checked_reverse = true;
            let r = f(self, w, v, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(f) = vt.slots.richcompare.get() {
            let r = f(self, v, w, op)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse && let Some(f) = wt.slots.richcompare.get() {
            let r = f(self, w, v, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        match op {
            CompareOp::Eq => Ok(py_bool(v.is(w))),
            CompareOp::Ne => Ok(py_bool(!v.is(w))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                vt.name(),
                wt.name()
            ))),
        }
    }

    /// `v == w` as a Rust bool (identity implies equality, as in containers).
    pub fn eq(&mut self, v: &PyRef, w: &PyRef) -> PyResult<bool> {
        if v.is(w) {
            return Ok(true);
        }
        if let Some(b) = crate::object::dict::native_eq(v, w) {
            return Ok(b);
        }
        let r = self.rich_compare(v, w, CompareOp::Eq)?;
        self.is_true(&r)
    }

    pub fn compare_bool(&mut self, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<bool> {
        let r = self.rich_compare(v, w, op)?;
        self.is_true(&r)
    }

    // ----- operators ------------------------------------------------------------

    /// `BINARY_OP`: binary and in-place operators (`op` ≥ 13 is in-place).
    pub fn binary_op(&mut self, v: &PyRef, w: &PyRef, op: u32) -> PyResult {
        let inplace = op >= BINOP_INPLACE;
        let base = (op % BINOP_INPLACE) as usize;
        if inplace && let Some(f) = v.ty().slots.nb_inplace[base].get() {
            let r = f(self, v, w)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let r = self.binary_op1(v, w, base)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
        // Sequence fallbacks with their own messages.
        let sym = if op == 8 {
            "** or pow()"
        } else {
            binop_symbol(op)
        };
        if base == 0 {
            for (ty, what) in [
                (&STR_TYPE, "str"),
                (&LIST_TYPE, "list"),
                (&TUPLE_TYPE, "tuple"),
            ] {
                if v.is_exact(ty) {
                    return Err(PyErr::type_error(format!(
                        "can only concatenate {what} (not \"{}\") to {what}",
                        w.ty().name()
                    )));
                }
            }
        }
        if base == 5 {
            let seq = |x: &PyRef| {
                x.is_exact(&STR_TYPE) || x.is_exact(&LIST_TYPE) || x.is_exact(&TUPLE_TYPE)
            };
            if seq(v) || seq(w) {
                let other = if seq(v) { w } else { v };
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    other.ty().name()
                )));
            }
        }
        // Python 2's `print >>f, x`: CPython adds a hint (for `>>`, not `>>=`).
        let hint = if op == NB_RSHIFT
            && v.downcast::<BuiltinFunctionData>()
                .is_some_and(|f| f.name == "print" && f.self_obj.is_none())
        {
            ". Did you mean \"print(<message>, file=<output_stream>)\"?"
        } else {
            ""
        };
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'{hint}",
            v.ty().name(),
            w.ty().name()
        )))
    }

    /// CPython's `binary_op1`: try `v`'s slot and `w`'s slot (subclass first);
    /// `NotImplemented` when neither applies. `base` is the `NB_*` index (0..13).
    pub fn binary_op1(&mut self, v: &PyRef, w: &PyRef, base: usize) -> PyResult {
        let slotv = v.ty().slots.nb[base].get();
        let mut slotw = None;
        if !std::ptr::eq(v.ty(), w.ty()) {
            slotw = w.ty().slots.nb[base].get();
            if let (Some(a), Some(b)) = (slotv, slotw)
                && std::ptr::fn_addr_eq(a, b)
            {
                slotw = None;
            }
        }
        if let Some(sv) = slotv {
            if let Some(sw) = slotw
                && w.ty().is_subtype(v.ty())
            {
                let r = sw(self, v, w)?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
                slotw = None;
            }
            let r = sv(self, v, w)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(sw) = slotw {
            return sw(self, v, w);
        }
        Ok(not_implemented())
    }

    pub fn unary_op(&mut self, x: &PyRef, op: Opcode) -> PyResult {
        let slots = &x.ty().slots;
        let (slot, sym) = match op {
            Opcode::UNARY_NEGATIVE => (slots.neg.get(), "-"),
            Opcode::UNARY_POSITIVE => (slots.pos.get(), "+"),
            _ => (slots.invert.get(), "~"),
        };
        match slot {
            Some(f) => f(self, x),
            None => Err(PyErr::type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                x.ty().name()
            ))),
        }
    }

    // ----- subscription, containment, length -------------------------------------

    pub fn getitem(&mut self, obj: &PyRef, key: &PyRef) -> PyResult {
        match obj.ty().slots.getitem.get() {
            Some(f) => f(self, obj, key),
            None => {
                if let Some(t) = try_type(obj) {
                    if let Some(m) = t.lookup_str("__class_getitem__") {
                        // Bound to the class itself (a classmethod's `__get__(None, C)`).
                        let m = match m.ty().slots.descr_get.get() {
                            Some(get) => get(self, &m, None, obj)?,
                            None => m,
                        };
                        return self.call_args(&m, std::slice::from_ref(key));
                    }
                    if std::ptr::eq(t, &TYPE_TYPE) || t.is_subtype(&OBJECT_TYPE) {
                        return Err(PyErr::type_error(format!(
                            "type '{}' is not subscriptable",
                            t.name()
                        )));
                    }
                }
                Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    obj.ty().name()
                )))
            }
        }
    }

    pub fn setitem(&mut self, obj: &PyRef, key: &PyRef, value: PyRef) -> PyResult<()> {
        if let Some(d) = as_dict(obj)
            && key.is_exact(&STR_TYPE)
            && obj.is_exact(&DICT_TYPE)
        {
            d.set_str(key.clone(), value);
            return Ok(());
        }
        match obj.ty().slots.setitem.get() {
            Some(f) => f(self, obj, key, Some(value)),
            None => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                obj.ty().name()
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &PyRef, key: &PyRef) -> PyResult<()> {
        let ty = obj.ty();
        if let Some(f) = ty.slots.setitem.get() {
            return f(self, obj, key, None);
        }
        // CPython words it by path: an index into something with sequence methods
        // (every class statement's type has them) fails in `PySequence_DelItem`.
        let sequence_like = ty.has_flag(crate::object::typeobj::flags::HEAPTYPE)
            || ty.slots.len.get().is_some()
            || ty.slots.contains.get().is_some();
        let index_key =
            crate::object::int::int_value(key).is_some() || key.ty().slots.index.get().is_some();
        let verb = if sequence_like && index_key {
            "doesn't"
        } else {
            "does not"
        };
        Err(PyErr::type_error(format!(
            "'{}' object {verb} support item deletion",
            ty.name()
        )))
    }

    pub fn contains(&mut self, container: &PyRef, item: &PyRef) -> PyResult<bool> {
        if let Some(f) = container.ty().slots.contains.get() {
            return f(self, container, item);
        }
        if container.ty().slots.iter.get().is_some() || container.ty().slots.getitem.get().is_some()
        {
            let it = self.get_iter(container)?;
            while let Some(x) = self.next(&it)? {
                if self.eq(&x, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        Err(PyErr::type_error(format!(
            "argument of type '{}' is not iterable",
            container.ty().name()
        )))
    }

    pub fn len(&mut self, x: &PyRef) -> PyResult<usize> {
        match x.ty().slots.len.get() {
            Some(f) => f(self, x),
            None => Err(PyErr::type_error(format!(
                "object of type '{}' has no len()",
                x.ty().name()
            ))),
        }
    }

    // ----- iteration -------------------------------------------------------------

    pub fn get_iter(&mut self, x: &PyRef) -> PyResult {
        if let Some(f) = x.ty().slots.iter.get() {
            let it = f(self, x)?;
            if it.ty().slots.iternext.get().is_none() {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.ty().name()
                )));
            }
            return Ok(it);
        }
        if x.ty().slots.getitem.get().is_some() {
            return Ok(crate::object::iter::new_iter(
                &SEQ_ITERATOR_TYPE,
                crate::object::iter::IterState::GetItem {
                    obj: x.clone(),
                    index: 0,
                },
            ));
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            x.ty().name()
        )))
    }

    /// The next item, or `None` when the iterator is exhausted.
    /// `PyIter_Next`: the next item, `None` at the end. A `StopIteration` raised from
    /// inside a native iterator (a `map` function that raises it) also ends the
    /// iteration, as in CPython.
    pub fn next(&mut self, it: &PyRef) -> PyResult<Option<PyRef>> {
        match it.ty().slots.iternext.get() {
            Some(f) => match f(self, it) {
                Err(e) if e.matches(&STOP_ITERATION) => Ok(None),
                r => r,
            },
            None => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                it.ty().name()
            ))),
        }
    }

    /// Every item of an iterable.
    pub fn collect_iter(&mut self, x: &PyRef) -> PyResult<Vec<PyRef>> {
        if let Some(items) = tuple::as_tuple(x)
            && x.is_exact(&TUPLE_TYPE)
        {
            return Ok(items.to_vec());
        }
        if let Some(l) = list::as_list(x)
            && x.is_exact(&LIST_TYPE)
        {
            return Ok(l.to_vec());
        }
        self.collect_into(x, Vec::new())
    }

    /// Every item of an iterable, sized from its length first as CPython's `list()`,
    /// `tuple()`, `sorted()`, `list.extend` and `*x` unpacking in displays and calls
    /// do: a range longer than `sys.maxsize` is an OverflowError instead of being
    /// iterated, `list(range(2**40))` a MemoryError at once, and a `__len__` that
    /// fails (other than with TypeError) fails the whole call.
    pub fn collect_sized(&mut self, x: &PyRef) -> PyResult<Vec<PyRef>> {
        if x.is_exact(&TUPLE_TYPE) || x.is_exact(&LIST_TYPE) {
            return self.collect_iter(x);
        }
        let mut out = Vec::new();
        if x.ty().slots.len.get().is_some() {
            match self.len(x) {
                Ok(n) => out
                    .try_reserve_exact(n)
                    .map_err(|_| PyErr::bare(&MEMORY_ERROR))?,
                Err(e) if e.matches(&TYPE_ERROR) => {}
                Err(e) => return Err(e),
            }
        }
        self.collect_into(x, out)
    }

    fn collect_into(&mut self, x: &PyRef, mut out: Vec<PyRef>) -> PyResult<Vec<PyRef>> {
        let it = self.get_iter(x)?;
        while let Some(v) = self.next(&it)? {
            // A native loop that may fill memory with small objects: stop when the
            // memory reserve was spent (see `memory::reserve`), as the eval loop does.
            if crate::eval_breaker::take(crate::eval_breaker::MEMORY_ERROR) {
                return Err(PyErr::bare(&MEMORY_ERROR));
            }
            out.try_reserve(1).map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
            out.push(v);
        }
        Ok(out)
    }

    /// `UNPACK_SEQUENCE`: exactly `n` items.
    pub fn unpack(&mut self, seq: &PyRef, n: usize) -> PyResult<Vec<PyRef>> {
        let it = match self.get_iter(seq) {
            Ok(it) => it,
            Err(e) if e.matches(&TYPE_ERROR) => {
                return Err(PyErr::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    seq.ty().name()
                )));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        out.len()
                    )));
                }
            }
        }
        if self.next(&it)?.is_some() {
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        Ok(out)
    }

    // ----- sets and dicts with Python-level keys -----------------------------------

    /// Find `key` in a dict table, running `__eq__` outside the table borrow.
    pub fn dict_lookup(
        &mut self,
        table_owner: &PyRef,
        key: &PyRef,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        loop {
            let probe = match (as_dict(table_owner), as_set(table_owner)) {
                (Some(d), _) => d.table.borrow().probe(hash, key),
                (_, Some(s)) => s.table.borrow().probe(hash, key),
                _ => return Ok(None),
            };
            match probe {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::NeedsPython(candidates) => {
                    let mut changed = false;
                    for i in candidates {
                        let cand = match (as_dict(table_owner), as_set(table_owner)) {
                            (Some(d), _) => d.table.borrow().entry(i).map(|e| e.key.clone()),
                            (_, Some(s)) => s.table.borrow().entry(i).map(|e| e.key.clone()),
                            _ => None,
                        };
                        let Some(cand) = cand else {
                            changed = true;
                            break;
                        };
                        let r = self.rich_compare(&cand, key, CompareOp::Eq)?;
                        if self.is_true(&r)? {
                            let still = match (as_dict(table_owner), as_set(table_owner)) {
                                (Some(d), _) => {
                                    d.table.borrow().entry(i).is_some_and(|e| e.key.is(&cand))
                                }
                                (_, Some(s)) => {
                                    s.table.borrow().entry(i).is_some_and(|e| e.key.is(&cand))
                                }
                                _ => false,
                            };
                            if still {
                                return Ok(Some(i));
                            }
                            changed = true;
                            break;
                        }
                    }
                    if !changed {
                        return Ok(None);
                    }
                }
            }
        }
    }

    pub fn dict_get(&mut self, dict: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
        let h = self.hash(key)?;
        let i = self.dict_lookup(dict, key, h)?;
        Ok(i.and_then(|i| {
            as_dict(dict).and_then(|d| d.table.borrow().entry(i).map(|e| e.value.clone()))
        }))
    }

    pub fn dict_set(&mut self, dict: &PyRef, key: PyRef, value: PyRef) -> PyResult<()> {
        let h = self.hash(&key)?;
        let i = self.dict_lookup(dict, &key, h)?;
        let d: &DictData = as_dict(dict).expect("dict");
        let old = match i {
            Some(i) => d.table.borrow_mut().replace_value(i, value),
            None => {
                d.table
                    .borrow_mut()
                    .try_insert_new(h, key, value)
                    .map_err(|_| PyErr::bare(&MEMORY_ERROR))?;
                d.version.set(d.version.get() + 1);
                None
            }
        };
        drop(old);
        Ok(())
    }

    /// Remove `key`; returns the removed value (None if absent).
    pub fn dict_del(&mut self, dict: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
        let h = self.hash(key)?;
        let i = self.dict_lookup(dict, key, h)?;
        let d = as_dict(dict).expect("dict");
        let removed = i.and_then(|i| d.table.borrow_mut().remove_at(i));
        if removed.is_some() {
            d.version.set(d.version.get() + 1);
        }
        Ok(removed.map(|e| e.value))
    }

    pub fn set_add(&mut self, set: &PyRef, key: PyRef) -> PyResult<()> {
        let h = self.hash(&key)?;
        if self.dict_lookup(set, &key, h)?.is_none()
            && let Some(s) = as_set(set)
        {
            let grown = s.table.borrow_mut().insert_new(h, key);
            s.version.set(s.version.get() + 1);
            if !grown {
                return Err(PyErr::bare(&MEMORY_ERROR));
            }
        }
        Ok(())
    }

    pub fn set_contains(&mut self, set: &PyRef, key: &PyRef) -> PyResult<bool> {
        let h = self.hash(key)?;
        Ok(self.dict_lookup(set, key, h)?.is_some())
    }

    /// `dict.update(m)` / `**m` merging (`strict`: duplicate keys are an error).
    pub fn dict_merge(&mut self, d: &PyRef, m: &PyRef) -> PyResult<()> {
        let items: Vec<(PyRef, PyRef)> = if let Some(src) = as_dict(m) {
            src.items()
        } else if self.getattr_opt(m, "keys")?.is_some() {
            let keys = self.call_method(m, "keys", &[])?;
            let mut out = Vec::new();
            for k in self.collect_iter(&keys)? {
                let v = self.getitem(m, &k)?;
                out.push((k, v));
            }
            out
        } else {
            return Err(PyErr::type_error(format!(
                "'{}' object is not a mapping",
                m.ty().name()
            )));
        };
        for (k, v) in items {
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    // ----- text ------------------------------------------------------------------

    pub fn repr(&mut self, x: &PyRef) -> PyResult {
        let r = self.repr_unchecked(x)?;
        if !is_str(&r) {
            return Err(PyErr::type_error(format!(
                "__repr__ returned non-string (type {})",
                r.ty().name()
            )));
        }
        Ok(r)
    }

    /// The `__repr__` slot's result, whatever its type (CPython's `object.__str__`
    /// calls the slot directly, so `str()` blames `__str__` for a non-string).
    fn repr_unchecked(&mut self, x: &PyRef) -> PyResult {
        if self.depth() >= self.recursion_limit || self.repr_depth > 20_000 {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_depth += 1;
        let r = match x.ty().slots.repr.get() {
            Some(f) => f(self, x),
            None => try_new_str(&default_repr(x)),
        };
        self.repr_depth -= 1;
        r
    }

    pub fn repr_string(&mut self, x: &PyRef) -> PyResult<String> {
        let r = self.repr(x)?;
        Ok(str_of(&r).to_string())
    }

    pub fn str(&mut self, x: &PyRef) -> PyResult {
        if x.is_exact(&STR_TYPE) {
            return Ok(x.clone());
        }
        let r = match x.ty().slots.str.get() {
            Some(f) => f(self, x)?,
            None => self.repr_unchecked(x)?,
        };
        if !is_str(&r) {
            return Err(PyErr::type_error(format!(
                "__str__ returned non-string (type {})",
                r.ty().name()
            )));
        }
        Ok(r)
    }

    pub fn str_string(&mut self, x: &PyRef) -> PyResult<String> {
        let r = self.str(x)?;
        Ok(str_of(&r).to_string())
    }

    pub fn ascii(&mut self, x: &PyRef) -> PyResult {
        let r = self.repr(x)?;
        let t = str_text(&r).unwrap_or(Text::new(""));
        try_new_str(&crate::format::ascii_escape_code_points(
            t.code_points(),
            t.len(),
        ))
    }

    /// `format(x, spec)` through `__format__`.
    pub fn format(&mut self, x: &PyRef, spec: &PyRef) -> PyResult {
        let r = self.call_method(x, "__format__", std::slice::from_ref(spec))?;
        if !is_str(&r) {
            return Err(PyErr::type_error(format!(
                "__format__ must return a str, not {}",
                r.ty().name()
            )));
        }
        Ok(r)
    }

    /// Report an exception that cannot propagate (from `__del__`), as CPython does.
    pub fn write_unraisable(&mut self, err: &PyErr, what: &str, obj: &PyRef) {
        if self.tearing_down {
            // CPython's sys.stderr is gone by then: such errors vanish silently.
            return;
        }
        if let Some(sys) =
            crate::object::dict::as_dict(&self.modules).and_then(|m| m.get_item_str("sys"))
            && let Some(d) = crate::object::module::module_dict(&sys)
            && let Some(d) = crate::object::dict::as_dict(&d)
            && d.get_item_str("stderr")
                .is_none_or(|s| crate::object::singletons::is_none(&s))
        {
            return;
        }
        let obj_repr = self
            .repr_string(obj)
            .unwrap_or_else(|_| "<object repr() failed>".into());
        let text = super::traceback::format_exception(self, &err.0);
        let report = format!("{what}: {obj_repr}\n{text}");
        // A failed write to stderr has nowhere to be reported (`eprint!` would panic).
        let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), report.as_bytes());
    }
}

/// The attribute dict of an instance, if its layout has one.
pub fn instance_dict(obj: &PyRef) -> Option<PyRef> {
    match obj.ty().layout {
        Layout::Instance => obj.downcast::<InstanceData>()?.dict.borrow().clone(),
        Layout::Exception => as_exception(obj)?.dict.borrow().clone(),
        Layout::Function => obj.downcast::<FunctionData>()?.dict.borrow().clone(),
        Layout::Module => crate::object::module::module_dict(obj),
        _ => None,
    }
}

/// Where an instance keeps its attribute dict, if its layout has room for one (modules
/// excepted: theirs is fixed).
pub fn instance_dict_cell(obj: &PyRef) -> Option<&std::cell::RefCell<Option<PyRef>>> {
    match obj.ty().layout {
        Layout::Instance => Some(&obj.downcast::<InstanceData>()?.dict),
        Layout::Exception => Some(&as_exception(obj)?.dict),
        Layout::Function => Some(&obj.downcast::<FunctionData>()?.dict),
        _ => None,
    }
}

/// The attribute dict of an instance, created if the layout has room for one.
pub fn instance_dict_or_create(obj: &PyRef) -> Option<PyRef> {
    if obj.ty().layout == Layout::Module {
        return crate::object::module::module_dict(obj);
    }
    let mut c = instance_dict_cell(obj)?.borrow_mut();
    if c.is_none() {
        *c = Some(crate::object::dict::new_dict());
    }
    c.clone()
}

/// An AttributeError carrying `name` and `obj` (for "Did you mean" suggestions).
pub fn no_attribute(obj: &PyRef, name: &PyRef) -> PyErr {
    let e = no_attribute_plain(obj, name);
    crate::object::exception::set_member(&e.0, "name", name.clone());
    crate::object::exception::set_member(&e.0, "obj", obj.clone());
    e
}

fn no_attribute_plain(obj: &PyRef, name: &PyRef) -> PyErr {
    if let Some(t) = try_type(obj) {
        return PyErr::attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            t.name(),
            str_of(name)
        ));
    }
    if obj.ty().layout == Layout::Module {
        let mname = crate::builtins::modules::module_name(obj);
        return PyErr::attribute_error(format!(
            "module '{mname}' has no attribute '{}'",
            str_of(name)
        ));
    }
    PyErr::attribute_error(format!(
        "'{}' object has no attribute '{}'",
        obj.ty().name(),
        str_of(name)
    ))
}

/// `<__main__.C object at 0x7f…>`.
pub fn default_repr(x: &PyRef) -> String {
    let ty = x.ty();
    let qual = ty.qualname.borrow().to_string();
    if ty.module == "builtins" {
        format!("<{} object at {:#x}>", qual, x.addr())
    } else {
        format!("<{}.{} object at {:#x}>", ty.module, qual, x.addr())
    }
}

/// Items of a tuple argument (helper for natives).
pub fn items_of(t: &PyRef) -> &[PyRef] {
    tuple_items(t)
}
