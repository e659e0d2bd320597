//! `Frame`: the execution state of one Python code object on a thread's frame stack.
//!
//! Invariants: `fast` has exactly `localsplus_names.len()` slots (locals, cells, free
//! variables); `stack` never grows past the code's `stacksize`; `pc` is the index of
//! the next code unit to run and `lasti` the one running now.

use crate::object::PyRef;

pub struct Frame {
    /// The code object (a `CodeData` object).
    pub code: PyRef,
    /// The function being run (None for module and class bodies run directly).
    pub func: Option<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals dict of module and class bodies (`LOAD_NAME` and friends).
    pub locals: Option<PyRef>,
    /// `localsplus`: locals, then cells, then free variables.
    pub fast: Vec<Option<PyRef>>,
    /// The value stack.
    pub stack: Vec<PyRef>,
    pub pc: usize,
    pub lasti: usize,
    /// Keyword names set by `KW_NAMES` for the next `CALL`.
    pub kwnames: Option<PyRef>,
    /// A return from this frame leaves the eval loop (a native caller is waiting).
    pub is_entry: bool,
    /// Set when this frame runs `__init__` for `C(...)` inside the caller's loop: the
    /// call's result is this instance (and `__init__` must return None).
    pub init_instance: Option<PyRef>,
}

impl Frame {
    #[inline(always)]
    pub fn push(&mut self, v: PyRef) {
        self.stack.push(v);
    }

    #[inline(always)]
    pub fn pop(&mut self) -> PyRef {
        // The compiler's stack-depth analysis guarantees a value here.
        self.stack.pop().expect("value stack underflow")
    }

    #[inline(always)]
    pub fn top(&self) -> &PyRef {
        self.stack.last().expect("value stack underflow")
    }

    /// The item `n` places from the top (1 = top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> &PyRef {
        &self.stack[self.stack.len() - n]
    }
}
