//! Exception unwinding: traceback entries, `__context__` chaining, and the search of
//! each frame's exception table for a handler.

use super::Vm;
use crate::builtins::types::exceptions::{exception_new_instance, set_context};
use crate::object::exception::as_exception;
use crate::object::function::CodeData;
use crate::object::int::new_int;
use crate::object::misc::TracebackData;
use crate::object::singletons::is_none;
use crate::object::tuple::tuple_items;
use crate::object::*;
use std::cell::RefCell;

impl Vm {
    /// Route `err` to the innermost handler: `Ok(())` when a frame's handler now runs,
    /// `Err` when the entry frame was left (the native caller gets the exception).
    pub(crate) fn unwind(&mut self, err: PyErr) -> Result<(), PyErr> {
        let exc = err.0;
        if !self.reraise
            && let Some(handled) = self.handled_exc.clone()
            && !handled.is(&exc)
        {
            set_context(&exc, handled);
        }
        let mut skip_tb = std::mem::take(&mut self.reraise);
        loop {
            let f = self.frames.last_mut().expect("frame");
            if !skip_tb {
                add_traceback(&exc, &f.code, f.lasti, Some(&f.globals));
            }
            skip_tb = false;
            let code = f.code.downcast::<CodeData>().expect("code");
            if let Some(h) = code.code.handler_for(f.lasti as u32) {
                f.stack.truncate(h.depth as usize);
                if h.push_lasti {
                    f.stack.push(new_int(f.lasti as i64));
                }
                f.stack.push(exc);
                f.pc = h.target as usize;
                return Ok(());
            }
            let frame = self.frames.pop().expect("frame");
            let entry = frame.is_entry;
            self.recycle(frame);
            if entry || self.frames.is_empty() {
                return Err(PyErr(exc));
            }
        }
    }

    /// The exception object for `raise exc [from cause]` (`exc` None: bare `raise`).
    pub(crate) fn make_raise(
        &mut self,
        exc: Option<PyRef>,
        cause: Option<PyRef>,
    ) -> PyResult<PyErr> {
        let Some(exc) = exc else {
            return match self.handled_exc.clone() {
                Some(e) => {
                    self.reraise = true;
                    Ok(PyErr(e))
                }
                None => Err(PyErr::runtime_error("No active exception to reraise")),
            };
        };
        let exc = self.exception_instance(exc)?;
        if let Some(cause) = cause {
            let cause = if is_none(&cause) {
                None
            } else {
                match self.exception_instance(cause) {
                    Ok(c) => Some(c),
                    Err(_) => {
                        return Err(PyErr::type_error(
                            "exception causes must derive from BaseException",
                        ));
                    }
                }
            };
            if let Some(d) = as_exception(&exc) {
                d.cause.replace(cause);
                d.suppress_context.set(true);
            }
        }
        Ok(PyErr(exc))
    }

    /// An exception instance from a class (instantiated with no arguments) or instance.
    fn exception_instance(&mut self, x: PyRef) -> PyResult {
        if let Some(t) = try_type(&x) {
            if t.is_subtype(&BASE_EXCEPTION) {
                let inst = exception_new_instance(self, &x, &[])?;
                if as_exception(&inst).is_none() {
                    return Err(PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        t.name(),
                        inst.ty().name()
                    )));
                }
                return Ok(inst);
            }
        } else if as_exception(&x).is_some() {
            return Ok(x);
        }
        Err(PyErr::type_error(
            "exceptions must derive from BaseException",
        ))
    }

    /// `except T:` matching, for a class or a tuple of classes. Like CPython's
    /// `CHECK_EXC_MATCH`, every class of a tuple is validated before any is matched.
    pub(crate) fn exception_matches(&mut self, exc: &PyRef, ty: &PyRef) -> PyResult<bool> {
        let is_exception_class =
            |t: &PyRef| try_type(t).is_some_and(|t| t.is_subtype(&BASE_EXCEPTION));
        let classes = match tuple::as_tuple(ty) {
            Some(items) => items.to_vec(),
            None => vec![ty.clone()],
        };
        if !classes.iter().all(is_exception_class) {
            return Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(classes
            .iter()
            .filter_map(try_type)
            .any(|t| exc.ty().is_subtype(t)))
    }
}

/// Prepend a traceback entry for a frame at code unit `lasti`.
pub(crate) fn add_traceback(exc: &PyRef, code: &PyRef, lasti: usize, globals: Option<&PyRef>) {
    let Some(d) = as_exception(exc) else { return };
    let lineno = code
        .downcast::<CodeData>()
        .map(|c| c.code.position(lasti).line)
        .unwrap_or(0);
    let next = d.traceback.borrow_mut().take();
    let tb = alloc(
        &TRACEBACK_TYPE,
        TracebackData {
            next: RefCell::new(next),
            code: code.clone(),
            lasti,
            lineno,
            globals: globals.cloned(),
        },
    );
    d.traceback.replace(Some(tb));
}

/// The traceback entries of an exception, outermost first.
pub fn traceback_entries(exc: &PyRef) -> Vec<PyRef> {
    let mut out = Vec::new();
    let mut cur = as_exception(exc).and_then(|d| d.traceback.borrow().clone());
    while let Some(tb) = cur {
        cur = tb
            .downcast::<TracebackData>()
            .and_then(|t| t.next.borrow().clone());
        out.push(tb);
    }
    out
}

/// Unused helper kept for symmetry with CPython's `PyException_GetArgs`.
pub fn exception_args(exc: &PyRef) -> Vec<PyRef> {
    as_exception(exc)
        .map(|d| tuple_items(&d.args.borrow()).to_vec())
        .unwrap_or_default()
}
