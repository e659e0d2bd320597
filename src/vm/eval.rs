//! The eval loop: runs frames on the thread's frame stack until the entry frame returns.
//!
//! A Python-to-Python `CALL` pushes the callee's frame and switches to it in the same
//! loop; `RETURN_VALUE` pops it and resumes the caller. Only a frame marked `is_entry`
//! (one started by native code through `Vm::run_frame`) leaves the loop. Exceptions are
//! unwound through each code object's exception table (`unwind.rs`). After every
//! instruction the loop polls the eval breaker (one relaxed load): pending finalizers
//! run, so `__del__` runs as soon as the instruction that dropped the last reference
//! completes, and a received SIGINT becomes `KeyboardInterrupt`.

use super::{Args, Frame, Vm};
use crate::bytecode::{BINOP_INPLACE, Opcode};
use crate::eval_breaker;
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::{CellData, CodeData, FunctionData, new_cell};
use crate::object::int::{IntData, IntValue, new_int};
use crate::object::list::{as_list, new_list};
use crate::object::set::new_set;
use crate::object::singletons::{is_false, is_none, is_true, none, py_bool};
use crate::object::str::{is_str, new_str, str_of, str_text};
use crate::object::tuple::{new_tuple, tuple_items};
use crate::object::*;
use crate::text::Text;

/// What the loop does after an instruction.
enum Flow {
    Next,
    /// The current frame changed (call or return): reload the code.
    Switch,
    /// The entry frame returned this value.
    Return(PyRef),
}

/// The NULL slot of the call protocol.
#[inline(always)]
pub fn null() -> PyRef {
    PyRef::from_static(&NULL_SENTINEL.header)
}

#[inline(always)]
pub fn is_null(x: &PyRef) -> bool {
    std::ptr::eq(x.header(), &NULL_SENTINEL.header)
}

static NULL_SENTINEL: crate::object::header::PyObject<crate::object::singletons::ObjectData> =
    crate::object::header::PyObject {
        header: crate::object::header::ObjHeader::new_static(&OBJECT_TYPE),
        payload: crate::object::singletons::ObjectData,
    };

macro_rules! frame {
    ($vm:expr) => {
        $vm.frames.last_mut().expect("no frame")
    };
}

impl Vm {
    /// Run until the current entry frame returns.
    pub fn eval_loop(&mut self) -> PyResult {
        'frames: loop {
            let code_obj = frame!(self).code.clone();
            let code = code_obj.downcast::<CodeData>().expect("code object");
            let units = &code.code.code;
            loop {
                let f = frame!(self);
                let pc = f.pc;
                let unit = units[pc];
                f.lasti = pc;
                f.pc = pc + 1;
                let mut arg = unit.arg as u32;
                let mut op = unit.op;
                while op == Opcode::EXTENDED_ARG {
                    let next = units[f.pc];
                    f.pc += 1;
                    f.lasti = f.pc - 1;
                    arg = (arg << 8) | next.arg as u32;
                    op = next.op;
                }
                let mut result = self.execute(code, op, arg);
                if eval_breaker::any() {
                    result = self.handle_eval_breaker(result);
                }
                match result {
                    Ok(Flow::Next) => {}
                    Ok(Flow::Switch) => continue 'frames,
                    Ok(Flow::Return(v)) => return Ok(v),
                    Err(e) => match self.unwind(e) {
                        Ok(()) => continue 'frames,
                        Err(e) => return Err(e),
                    },
                }
            }
        }
    }

    /// The eval breaker's slow path, after an instruction that left `result`.
    #[cold]
    fn handle_eval_breaker(&mut self, result: PyResult<Flow>) -> PyResult<Flow> {
        if eval_breaker::is_set(eval_breaker::FINALIZERS) {
            self.run_finalizers();
        }
        if !matches!(result, Ok(Flow::Next)) {
            return result;
        }
        // The interrupt is raised where CPython 3.11 checks for it — a loop's back edge,
        // a function's start, after a call — so the traceback names the same line. The
        // frame is still the one that ran the instruction at `lasti`.
        let f = frame!(self);
        let op = f
            .code
            .downcast::<CodeData>()
            .and_then(|c| c.code.code.get(f.lasti))
            .map(|u| u.op);
        let check_point = matches!(
            op,
            Some(Opcode::JUMP_BACKWARD | Opcode::RESUME | Opcode::CALL)
        );
        if check_point && eval_breaker::take(eval_breaker::MEMORY_ERROR) {
            return Err(PyErr::bare(&MEMORY_ERROR));
        }
        if check_point && eval_breaker::take(eval_breaker::SIGINT) {
            return Err(PyErr(crate::object::exception::new_exception(
                &KEYBOARD_INTERRUPT,
                new_tuple(Vec::new()),
            )));
        }
        result
    }

    #[inline(always)]
    fn execute(&mut self, code: &CodeData, op: Opcode, arg: u32) -> PyResult<Flow> {
        use Opcode::*;
        let f = frame!(self);
        match op {
            NOP | EXTENDED_ARG => {}
            RESUME => {}
            POP_TOP => {
                f.pop();
            }
            PUSH_NULL => f.push(null()),
            COPY => {
                let v = f.peek(arg as usize).clone();
                f.push(v);
            }
            SWAP => {
                let n = f.stack.len();
                f.stack.swap(n - 1, n - arg as usize);
            }
            LOAD_CONST => f.push(code.consts[arg as usize].clone()),
            LOAD_FAST => match &f.fast[arg as usize] {
                Some(v) => {
                    let v = v.clone();
                    f.push(v);
                }
                None => {
                    return Err(unbound_local(code, arg as usize));
                }
            },
            STORE_FAST => {
                let v = f.pop();
                let old = f.fast[arg as usize].replace(v);
                drop(old);
            }
            DELETE_FAST => {
                if f.fast[arg as usize].take().is_none() {
                    return Err(unbound_local(code, arg as usize));
                }
            }
            LOAD_NAME => {
                let name = &code.names[arg as usize];
                let v = self.load_name(name)?;
                frame!(self).push(v);
            }
            STORE_NAME => {
                let v = f.pop();
                let name = code.names[arg as usize].clone();
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                self.setitem(&locals, &name, v)?;
            }
            DELETE_NAME => {
                let name = code.names[arg as usize].clone();
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if self.delitem(&locals, &name).is_err() {
                    return Err(name_not_defined(&name));
                }
            }
            LOAD_GLOBAL => {
                let name = &code.names[arg as usize];
                let g = as_dict(&f.globals).and_then(|d| d.get_str(name));
                let v = match g {
                    Some(v) => v,
                    None => match as_dict(&f.builtins).and_then(|d| d.get_str(name)) {
                        Some(v) => v,
                        None => {
                            return Err(name_not_defined(name));
                        }
                    },
                };
                f.push(v);
            }
            STORE_GLOBAL => {
                let v = f.pop();
                if let Some(d) = as_dict(&f.globals) {
                    d.set_str(code.names[arg as usize].clone(), v);
                }
            }
            DELETE_GLOBAL => {
                let name = &code.names[arg as usize];
                if as_dict(&f.globals).and_then(|d| d.del_str(name)).is_none() {
                    return Err(name_not_defined(name));
                }
            }
            MAKE_CELL => {
                let i = arg as usize;
                let value = f.fast[i].take();
                f.fast[i] = Some(new_cell(value));
            }
            COPY_FREE_VARS => {
                let n = arg as usize;
                let func = f.func.clone().expect("closure needs a function");
                let fd = func.downcast::<FunctionData>().expect("function");
                if let Some(closure) = &fd.closure {
                    let cells = tuple_items(closure);
                    let start = f.fast.len() - n;
                    for (i, c) in cells.iter().take(n).enumerate() {
                        f.fast[start + i] = Some(c.clone());
                    }
                }
            }
            LOAD_CLOSURE => {
                let c = f.fast[arg as usize].clone().expect("cell");
                f.push(c);
            }
            LOAD_DEREF => {
                let v = cell_contents(f, arg as usize);
                match v {
                    Some(v) => f.push(v),
                    None => return Err(unbound_deref(code, arg as usize)),
                }
            }
            LOAD_CLASSDEREF => {
                let name = code.localsplus_names[arg as usize].clone();
                let local = match &f.locals {
                    Some(l) => as_dict(l).and_then(|d| d.get_str(&name)),
                    None => None,
                };
                let v = match local {
                    Some(v) => v,
                    None => match cell_contents(f, arg as usize) {
                        Some(v) => v,
                        None => return Err(unbound_deref(code, arg as usize)),
                    },
                };
                f.push(v);
            }
            STORE_DEREF => {
                let v = f.pop();
                let cell = f.fast[arg as usize].clone().expect("cell");
                let old = cell
                    .downcast::<CellData>()
                    .map(|c| c.contents.replace(Some(v)));
                drop(old);
            }
            DELETE_DEREF => {
                let cell = f.fast[arg as usize].clone().expect("cell");
                let old = cell.downcast::<CellData>().and_then(|c| c.contents.take());
                if old.is_none() {
                    return Err(unbound_deref(code, arg as usize));
                }
            }
            LOAD_ATTR => {
                let obj = f.pop();
                let v = self.getattr(&obj, &code.names[arg as usize])?;
                frame!(self).push(v);
            }
            STORE_ATTR => {
                let obj = f.pop();
                let v = f.pop();
                self.setattr(&obj, &code.names[arg as usize], Some(v))?;
            }
            DELETE_ATTR => {
                let obj = f.pop();
                self.setattr(&obj, &code.names[arg as usize], None)?;
            }
            LOAD_METHOD => {
                let obj = f.pop();
                let (meth, self_obj) = self.load_method(obj, &code.names[arg as usize])?;
                let f = frame!(self);
                match self_obj {
                    Some(s) => {
                        f.push(meth);
                        f.push(s);
                    }
                    None => {
                        f.push(null());
                        f.push(meth);
                    }
                }
            }
            BINARY_SUBSCR => {
                let key = f.pop();
                let container = f.pop();
                let v = self.getitem(&container, &key)?;
                frame!(self).push(v);
            }
            STORE_SUBSCR => {
                let key = f.pop();
                let container = f.pop();
                let v = f.pop();
                self.setitem(&container, &key, v)?;
            }
            DELETE_SUBSCR => {
                let key = f.pop();
                let container = f.pop();
                self.delitem(&container, &key)?;
            }
            BUILD_SLICE => {
                let step = if arg == 3 { f.pop() } else { none() };
                let stop = f.pop();
                let start = f.pop();
                f.push(crate::builtins::types::slice::new_slice(start, stop, step));
            }
            BINARY_OP => {
                let rhs = f.pop();
                let lhs = f.pop();
                if let (Some(IntData(IntValue::Small(a))), Some(IntData(IntValue::Small(b)))) =
                    (lhs.downcast::<IntData>(), rhs.downcast::<IntData>())
                    && lhs.is_exact(&INT_TYPE)
                    && rhs.is_exact(&INT_TYPE)
                {
                    let (a, b) = (*a, *b);
                    let fast = match arg % BINOP_INPLACE {
                        0 => a.checked_add(b),
                        10 => a.checked_sub(b),
                        5 => a.checked_mul(b),
                        _ => None,
                    };
                    if let Some(v) = fast {
                        f.push(new_int(v));
                        return Ok(Flow::Next);
                    }
                }
                let v = self.binary_op(&lhs, &rhs, arg)?;
                frame!(self).push(v);
            }
            UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_INVERT => {
                let x = f.pop();
                let v = self.unary_op(&x, op)?;
                frame!(self).push(v);
            }
            UNARY_NOT => {
                let x = f.pop();
                let b = self.is_true(&x)?;
                frame!(self).push(py_bool(!b));
            }
            COMPARE_OP => {
                let rhs = f.pop();
                let lhs = f.pop();
                if let (Some(a), Some(b)) = (int::as_small_int(&lhs), int::as_small_int(&rhs)) {
                    let r = match arg {
                        0 => a < b,
                        1 => a <= b,
                        2 => a == b,
                        3 => a != b,
                        4 => a > b,
                        _ => a >= b,
                    };
                    f.push(py_bool(r));
                    return Ok(Flow::Next);
                }
                let v = self.rich_compare(&lhs, &rhs, CompareOp::from_u32(arg))?;
                frame!(self).push(v);
            }
            IS_OP => {
                let rhs = f.pop();
                let lhs = f.pop();
                f.push(py_bool(lhs.is(&rhs) != (arg == 1)));
            }
            CONTAINS_OP => {
                let container = f.pop();
                let item = f.pop();
                let r = self.contains(&container, &item)?;
                frame!(self).push(py_bool(r != (arg == 1)));
            }
            JUMP_FORWARD => f.pc = arg as usize,
            JUMP_BACKWARD => f.pc = arg as usize,
            POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                let cond = f.pop();
                let b = if is_true(&cond) {
                    true
                } else if is_false(&cond) {
                    false
                } else {
                    self.is_true(&cond)?
                };
                if b == (op == POP_JUMP_IF_TRUE) {
                    frame!(self).pc = arg as usize;
                }
            }
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                let cond = f.top().clone();
                let b = self.is_true(&cond)?;
                let f = frame!(self);
                if b == (op == JUMP_IF_TRUE_OR_POP) {
                    f.pc = arg as usize;
                } else {
                    f.pop();
                }
            }
            POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                let x = f.pop();
                if is_none(&x) == (op == POP_JUMP_IF_NONE) {
                    f.pc = arg as usize;
                }
            }
            GET_ITER => {
                let x = f.pop();
                let it = self.get_iter(&x)?;
                frame!(self).push(it);
            }
            FOR_ITER => {
                let it = f.top().clone();
                match self.next(&it)? {
                    Some(v) => frame!(self).push(v),
                    None => {
                        let f = frame!(self);
                        f.pop();
                        f.pc = arg as usize;
                    }
                }
            }
            BUILD_TUPLE => {
                let items = f.stack.split_off(f.stack.len() - arg as usize);
                f.push(new_tuple(items));
            }
            BUILD_LIST => {
                let items = f.stack.split_off(f.stack.len() - arg as usize);
                f.push(new_list(items));
            }
            BUILD_SET => {
                let items = f.stack.split_off(f.stack.len() - arg as usize);
                let s = new_set();
                for x in items {
                    self.set_add(&s, x)?;
                }
                frame!(self).push(s);
            }
            BUILD_MAP => {
                let items = f.stack.split_off(f.stack.len() - 2 * arg as usize);
                let d = new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.setitem(&d, &k, v)?;
                }
                frame!(self).push(d);
            }
            BUILD_CONST_KEY_MAP => {
                let keys = f.pop();
                let values = f.stack.split_off(f.stack.len() - arg as usize);
                let d = new_dict();
                for (k, v) in tuple_items(&keys).iter().zip(values) {
                    self.setitem(&d, k, v)?;
                }
                frame!(self).push(d);
            }
            BUILD_STRING => {
                let parts = f.stack.split_off(f.stack.len() - arg as usize);
                let s = build_string(&parts)?;
                frame!(self).push(s);
            }
            LIST_APPEND => {
                let v = f.pop();
                let list = f.peek(arg as usize).clone();
                if let Some(l) = as_list(&list) {
                    l.try_push(v)
                        .map_err(|_| PyErr::bare(&crate::object::MEMORY_ERROR))?;
                }
            }
            SET_ADD => {
                let v = f.pop();
                let set = f.peek(arg as usize).clone();
                self.set_add(&set, v)?;
            }
            MAP_ADD => {
                let v = f.pop();
                let k = f.pop();
                let d = f.peek(arg as usize).clone();
                self.setitem(&d, &k, v)?;
            }
            LIST_EXTEND => {
                let it = f.pop();
                let list = f.peek(arg as usize).clone();
                let items = self.collect_sized(&it).map_err(|e| {
                    if e.matches(&TYPE_ERROR) && it.ty().slots.iter.get().is_none() {
                        PyErr::type_error(format!(
                            "Value after * must be an iterable, not {}",
                            it.ty().name()
                        ))
                    } else {
                        e
                    }
                })?;
                if let Some(l) = as_list(&list) {
                    l.items.borrow_mut().extend(items);
                }
            }
            SET_UPDATE => {
                let it = f.pop();
                let set = f.peek(arg as usize).clone();
                crate::builtins::types::set::update_from(self, &set, &it)?;
            }
            DICT_UPDATE => {
                let m = f.pop();
                let d = f.peek(arg as usize).clone();
                self.dict_merge(&d, &m)?;
            }
            DICT_MERGE => {
                // `f(**m)`: the callee sits below the positional arguments.
                let m = f.pop();
                let d = f.peek(arg as usize).clone();
                let callee = f.peek(arg as usize + 2).clone();
                self.call_kwargs_merge(&callee, &d, &m)?;
            }
            LIST_TO_TUPLE => {
                let l = f.pop();
                let items = as_list(&l).map(|l| l.to_vec()).unwrap_or_default();
                f.push(new_tuple(items));
            }
            UNPACK_SEQUENCE => {
                let seq = f.pop();
                let items = self.unpack(&seq, arg as usize)?;
                let f = frame!(self);
                for x in items.into_iter().rev() {
                    f.push(x);
                }
            }
            UNPACK_EX => {
                let seq = f.pop();
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let items = self.collect_iter(&seq).map_err(|e| {
                    if e.matches(&TYPE_ERROR) {
                        PyErr::type_error(format!(
                            "cannot unpack non-iterable {} object",
                            seq.ty().name()
                        ))
                    } else {
                        e
                    }
                })?;
                if items.len() < before + after {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                let f = frame!(self);
                for x in tail.into_iter().rev() {
                    f.push(x);
                }
                f.push(new_list(middle));
                for x in items.into_iter().rev() {
                    f.push(x);
                }
            }
            FORMAT_VALUE => {
                let spec = if arg & 4 != 0 { Some(f.pop()) } else { None };
                let value = f.pop();
                let converted = match arg & 3 {
                    1 => self.str(&value)?,
                    2 => self.repr(&value)?,
                    3 => self.ascii(&value)?,
                    _ => value,
                };
                let s = match spec {
                    None if converted.is_exact(&STR_TYPE) => converted,
                    _ => {
                        let spec = spec.unwrap_or_else(|| new_str(""));
                        self.format(&converted, &spec)?
                    }
                };
                frame!(self).push(s);
            }
            KW_NAMES => f.kwnames = Some(code.consts[arg as usize].clone()),
            CALL => return self.op_call(arg as usize),
            CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 { Some(f.pop()) } else { None };
                let args = f.pop();
                let callable = f.pop();
                let _null = f.pop();
                let mut all = self.call_star_args(&callable, &args)?;
                let mut names = Vec::new();
                if let Some(kw) = kwargs
                    && let Some(d) = as_dict(&kw)
                {
                    for (k, v) in d.items() {
                        if !is_str(&k) {
                            return Err(PyErr::type_error("keywords must be strings"));
                        }
                        names.push(k);
                        all.push(v);
                    }
                }
                let r = self.call(&callable, Args::with_kwnames(&all, &names))?;
                frame!(self).push(r);
            }
            MAKE_FUNCTION => {
                let code_obj = f.pop();
                let closure = if arg & 8 != 0 { Some(f.pop()) } else { None };
                let kwdefaults = if arg & 2 != 0 { Some(f.pop()) } else { None };
                let defaults = if arg & 1 != 0 { Some(f.pop()) } else { None };
                let globals = f.globals.clone();
                let builtins = f.builtins.clone();
                let func = crate::builtins::types::function::new_function(
                    code_obj, globals, builtins, defaults, kwdefaults, closure,
                );
                frame!(self).push(func);
            }
            RETURN_VALUE => {
                let v = f.pop();
                let mut frame = self.frames.pop().expect("frame");
                let entry = frame.is_entry;
                let init = frame.init_instance.take();
                self.recycle(frame);
                let v = match init {
                    None => v,
                    Some(instance) => {
                        if !is_none(&v) {
                            return Err(PyErr::type_error(format!(
                                "__init__() should return None, not '{}'",
                                v.ty().name()
                            )));
                        }
                        instance
                    }
                };
                if entry {
                    return Ok(Flow::Return(v));
                }
                frame!(self).push(v);
                return Ok(Flow::Switch);
            }
            LOAD_BUILD_CLASS => {
                let b = as_dict(&f.builtins).and_then(|d| d.get_item_str("__build_class__"));
                match b {
                    Some(b) => f.push(b),
                    None => return Err(PyErr::name_error("__build_class__ not found")),
                }
            }
            IMPORT_NAME => {
                let _fromlist = f.pop();
                let _level = f.pop();
                let m = self.import_name(&code.names[arg as usize])?;
                frame!(self).push(m);
            }
            IMPORT_FROM => {
                let m = f.top().clone();
                let name = &code.names[arg as usize];
                let v = self.getattr(&m, name).map_err(|_| {
                    PyErr::new(
                        &IMPORT_ERROR,
                        format!(
                            "cannot import name '{}' from '{}' (unknown location)",
                            str_of(name),
                            crate::builtins::modules::module_name(&m)
                        ),
                    )
                })?;
                frame!(self).push(v);
            }
            IMPORT_STAR => {
                let m = f.pop();
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if let Some(src) = crate::object::module::module_dict(&m) {
                    for (k, v) in as_dict(&src).map(|d| d.items()).unwrap_or_default() {
                        if !str_of(&k).starts_with('_') {
                            self.setitem(&locals, &k, v)?;
                        }
                    }
                }
            }
            LOAD_ASSERTION_ERROR => f.push(ASSERTION_ERROR.as_object()),
            RAISE_VARARGS => {
                let cause = if arg >= 2 { Some(f.pop()) } else { None };
                let exc = if arg >= 1 { Some(f.pop()) } else { None };
                return Err(self.make_raise(exc, cause)?);
            }
            RERAISE => {
                let exc = f.pop();
                self.reraise = true;
                return Err(PyErr(exc));
            }
            PUSH_EXC_INFO => {
                let exc = f.pop();
                let prev = self.handled_exc.replace(exc.clone()).unwrap_or_else(none);
                let f = frame!(self);
                f.push(prev);
                f.push(exc);
            }
            POP_EXCEPT => {
                let prev = f.pop();
                self.handled_exc = if is_none(&prev) { None } else { Some(prev) };
            }
            CHECK_EXC_MATCH => {
                let ty = f.pop();
                let exc = f.top().clone();
                let m = self.exception_matches(&exc, &ty)?;
                frame!(self).push(py_bool(m));
            }
        }
        Ok(Flow::Next)
    }

    /// `CALL n`: a Python function gets a new frame in this loop; anything else is
    /// called natively.
    fn op_call(&mut self, n: usize) -> PyResult<Flow> {
        if frame!(self).kwnames.is_none() && self.try_push_simple_call(n) {
            return Ok(Flow::Switch);
        }
        let f = frame!(self);
        let kwnames = f.kwnames.take();
        let len = f.stack.len();
        let (callable, self_first) = {
            let below = &f.stack[len - n - 2];
            if is_null(below) {
                (f.stack[len - n - 1].clone(), false)
            } else {
                (below.clone(), true)
            }
        };
        let argc = if self_first { n + 1 } else { n };
        let args: Vec<PyRef> = f.stack.drain(len - argc..).collect();
        f.stack.truncate(len - n - 2);
        let kw = kwnames.as_ref().map(tuple_items).unwrap_or(&[]);
        let call_args = Args::with_kwnames(&args, kw);

        // Python functions (and bound methods of them) run in this loop.
        let target = if let Some(m) = callable.downcast::<function::BoundMethodData>() {
            if m.func.downcast::<FunctionData>().is_some() {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(m.self_obj.clone());
                full.extend(args.iter().cloned());
                let func = m.func.clone();
                let frame = self.new_frame(&func, Args::with_kwnames(&full, kw))?;
                self.push_frame(frame)?;
                return Ok(Flow::Switch);
            }
            None
        } else if callable.downcast::<FunctionData>().is_some() {
            Some(callable.clone())
        } else {
            None
        };
        if let Some(func) = target {
            let frame = self.new_frame(&func, call_args)?;
            self.push_frame(frame)?;
            return Ok(Flow::Switch);
        }
        // `C(...)` for a class with object's __new__ and a Python __init__: allocate the
        // instance and run __init__ in this loop (CPython 3.13's CALL_ALLOC_AND_ENTER_INIT).
        if let Some(init) = crate::builtins::types::typeobject::inlinable_init(&callable) {
            let instance = crate::builtins::types::object::object_new(self, &callable, call_args)?;
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(instance.clone());
            full.extend(args.iter().cloned());
            let mut frame = self.new_frame(&init, Args::with_kwnames(&full, kw))?;
            frame.init_instance = Some(instance);
            self.push_frame(frame)?;
            return Ok(Flow::Switch);
        }
        let r = self.call(&callable, call_args)?;
        frame!(self).push(r);
        Ok(Flow::Next)
    }

    /// The common case of `CALL n`: a Python function (or a bound method of one) whose
    /// parameters are exactly its positional arguments. The arguments move straight from
    /// the caller's value stack into the callee's locals, with no intermediate vector.
    /// Returns false (touching nothing) when the call needs the general path.
    #[inline]
    fn try_push_simple_call(&mut self, n: usize) -> bool {
        let f = frame!(self);
        let len = f.stack.len();
        let below = &f.stack[len - n - 2];
        let self_first = !is_null(below);
        let callable = if self_first {
            below
        } else {
            &f.stack[len - n - 1]
        };
        let (func, bound_self) = if let Some(m) = callable.downcast::<function::BoundMethodData>() {
            (m.func.clone(), Some(m.self_obj.clone()))
        } else if callable.downcast::<FunctionData>().is_some() {
            (callable.clone(), None)
        } else {
            return false;
        };
        let Some(fd) = func.downcast::<FunctionData>() else {
            return false;
        };
        let Some(code) = fd.code.downcast::<CodeData>() else {
            return false;
        };
        let co = &code.code;
        let argc = n + usize::from(self_first) + usize::from(bound_self.is_some());
        let simple =
            co.flags & (crate::bytecode::flags::VARARGS | crate::bytecode::flags::VARKEYWORDS) == 0
                && co.kwonlyargcount == 0
                && co.argcount as usize == argc;
        // A frame stack that cannot grow takes the general path, which raises
        // MemoryError.
        if !simple
            || self.depth() >= self.recursion_limit
            || (self.frames.len() == self.frames.capacity() && self.frames.try_reserve(1).is_err())
        {
            return false;
        }
        let nlocals = code.localsplus_names.len();
        let (mut fast, stack) = self.spare_vecs.pop().unwrap_or_default();
        fast.reserve(nlocals);
        fast.extend(bound_self.map(Some));
        let f = frame!(self);
        let first_arg = len - n - usize::from(self_first);
        fast.extend(f.stack.drain(first_arg..).map(Some));
        f.stack.truncate(len - n - 2);
        fast.resize(nlocals, None);
        let frame = Frame {
            code: fd.code.clone(),
            globals: fd.globals.clone(),
            builtins: fd.builtins.clone(),
            func: Some(func),
            locals: None,
            fast,
            stack,
            pc: 0,
            lasti: 0,
            kwnames: None,
            is_entry: false,
            init_instance: None,
        };
        self.frames.push(frame);
        true
    }

    /// `LOAD_NAME`: locals, then globals, then builtins.
    fn load_name(&mut self, name: &PyRef) -> PyResult {
        let f = frame!(self);
        if let Some(locals) = f.locals.clone() {
            if let Some(d) = as_dict(&locals) {
                if let Some(v) = d.get_str(name) {
                    return Ok(v);
                }
            } else {
                match self.getitem(&locals, name) {
                    Ok(v) => return Ok(v),
                    Err(e) if e.matches(&KEY_ERROR) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        let f = frame!(self);
        if let Some(v) = as_dict(&f.globals).and_then(|d| d.get_str(name)) {
            return Ok(v);
        }
        if let Some(v) = as_dict(&f.builtins).and_then(|d| d.get_str(name)) {
            return Ok(v);
        }
        Err(name_not_defined(name))
    }

    /// Push a module-level frame for `code` with `globals` as its namespace.
    pub fn new_module_frame(&self, code: PyRef, globals: PyRef, locals: Option<PyRef>) -> Frame {
        let n = code
            .downcast::<CodeData>()
            .map(|c| c.localsplus_names.len())
            .unwrap_or(0);
        Frame {
            code,
            func: None,
            globals,
            builtins: self.builtins.clone(),
            locals,
            fast: vec![None; n],
            stack: Vec::new(),
            pc: 0,
            lasti: 0,
            kwnames: None,
            is_entry: false,
            init_instance: None,
        }
    }
}

fn cell_contents(f: &Frame, i: usize) -> Option<PyRef> {
    f.fast[i]
        .as_ref()
        .and_then(|c| c.downcast::<CellData>())
        .and_then(|c| c.contents.borrow().clone())
}

fn unbound_deref(code: &CodeData, i: usize) -> PyErr {
    let name = &*str_of(&code.localsplus_names[i]);
    let kind = code.code.localsplus_kinds.get(i).copied().unwrap_or(0);
    if kind & crate::bytecode::kinds::FREE != 0 {
        PyErr::name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    } else {
        PyErr::new(
            &UNBOUND_LOCAL_ERROR,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}

/// `NameError: name 'x' is not defined`, carrying `name` for suggestions.
pub fn name_not_defined(name: &PyRef) -> PyErr {
    let e = PyErr::name_error(format!("name '{}' is not defined", str_of(name)));
    crate::object::exception::set_member(&e.0, "name", name.clone());
    e
}

/// `BUILD_STRING`: the concatenation of the f-string's parts (kept out of the eval
/// loop's body).
#[inline(never)]
fn build_string(parts: &[PyRef]) -> PyResult {
    let texts: Vec<&Text> = parts
        .iter()
        .map(|p| str_text(p).unwrap_or(Text::new("")))
        .collect();
    crate::object::str::try_concat(&texts)
}

/// `UnboundLocalError` for local `i` (kept out of the eval loop's body).
#[cold]
#[inline(never)]
fn unbound_local(code: &CodeData, i: usize) -> PyErr {
    let name = str_of(&code.localsplus_names[i]);
    PyErr::new(
        &UNBOUND_LOCAL_ERROR,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

impl Vm {
    /// `IMPORT_NAME` (kept out of the eval loop's body).
    #[inline(never)]
    fn import_name(&mut self, name: &PyRef) -> PyResult {
        self.import_module(&str_of(name))
    }
}
