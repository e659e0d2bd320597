//! The virtual machine: per-thread state, the eval loop, calls, exception unwinding and
//! the abstract object protocol (`ops`) that dispatches through type slots.
//!
//! A Python-to-Python call pushes a `Frame` on the thread's frame stack and continues in
//! the same eval loop; native code that calls back into Python runs a nested loop that
//! stops when its entry frame returns, bounded by the recursion limit.

pub mod call;
pub mod eval;
pub mod fatal;
pub mod frame;
pub mod ops;
pub mod suggestions;
pub mod traceback;
pub mod unwind;

pub use frame::Frame;

use crate::object::PyRef;

/// Arguments of a call, vectorcall-style: the positional values followed by the values
/// of the keyword arguments named by `kwnames`.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [PyRef],
    pub kwnames: &'a [PyRef],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [PyRef]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }

    pub fn with_kwnames(args: &'a [PyRef], kwnames: &'a [PyRef]) -> Args<'a> {
        Args { args, kwnames }
    }

    /// The positional arguments.
    pub fn positional(&self) -> &'a [PyRef] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// `(name, value)` pairs of the keyword arguments.
    pub fn keywords(&self) -> impl Iterator<Item = (&'a PyRef, &'a PyRef)> {
        let start = self.args.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.args[start..])
    }

    pub fn has_keywords(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// The arguments without the first positional one (a method's receiver).
    pub fn skip_self(&self) -> Args<'a> {
        Args {
            args: &self.args[1..],
            kwnames: self.kwnames,
        }
    }
}

/// Hard cap on nested native→Python calls, whatever the recursion limit says, so that
/// raising `sys.setrecursionlimit` can never overflow the Rust stack (for a thread
/// with [`FULL_NATIVE_STACK`]; see [`native_limits`]).
pub const NATIVE_DEPTH_LIMIT: usize = 12_000;

/// Hard cap on native recursion that does not run Python code (nested tuples in
/// `isinstance` or `hash`): each level is a few hundred bytes of native stack, so
/// this stays far inside the interpreter thread's stack.
pub const NATIVE_RECURSION_CAP: usize = 100_000;

/// The native stack the caps above are sized for (the `pyrite` binary's interpreter
/// thread).
pub const FULL_NATIVE_STACK: usize = 1 << 30;

static NATIVE_STACK: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(FULL_NATIVE_STACK);

/// Declare the native stack of the threads that will run Python code (the binary
/// falls back to smaller stacks when address space is limited, e.g. `ulimit -v`):
/// VMs created afterwards scale their caps to it.
pub fn set_native_stack_size(bytes: usize) {
    NATIVE_STACK.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// `(native→Python call cap, uncounted native recursion cap)` for the declared stack.
pub fn native_limits() -> (usize, usize) {
    let stack = NATIVE_STACK.load(std::sync::atomic::Ordering::Relaxed);
    let scale = |cap: usize| (cap as u128 * stack as u128 / FULL_NATIVE_STACK as u128) as usize;
    (scale(NATIVE_DEPTH_LIMIT), scale(NATIVE_RECURSION_CAP))
}

/// The state of one OS thread running Python code.
pub struct Vm {
    pub frames: Vec<Frame>,
    /// The exception being handled (`sys.exc_info()`), saved and restored by
    /// `PUSH_EXC_INFO`/`POP_EXCEPT`.
    pub handled_exc: Option<PyRef>,
    /// The error being unwound is a re-raise: add no traceback entry for this frame.
    pub reraise: bool,
    /// A `__del__` is running: pending finalizers wait for it to finish, so they run
    /// one after the other in release order rather than nested.
    pub in_finalizers: bool,
    /// Exit-time teardown has cleared the module dicts: errors in finalizers that run
    /// now are not reported (CPython's `sys.stderr` is gone at that stage).
    pub tearing_down: bool,
    /// Nested native→Python eval loops currently running on this thread.
    pub native_depth: usize,
    /// The caps on `native_depth` and on uncounted native recursion, scaled to the
    /// thread's native stack ([`native_limits`]).
    pub native_depth_limit: usize,
    pub native_recursion_cap: usize,
    /// Nested `repr()` calls (bounded so deep structures raise RecursionError).
    pub repr_depth: usize,
    /// Nested rich comparisons (`[[...]] == [[...]]`), bounded the same way.
    pub compare_depth: usize,
    /// Nested calls of builtin (native) functions, which CPython also counts.
    pub native_call_depth: usize,
    /// Native recursion CPython does not count against the limit (see
    /// [`Vm::enter_uncounted_recursion`]).
    pub uncounted_depth: usize,
    pub recursion_limit: usize,
    /// The `builtins` module's dict.
    pub builtins: PyRef,
    /// `sys.modules`.
    pub modules: PyRef,
    /// Recycled `fast`/`stack` vectors, so calls rarely allocate.
    pub(crate) spare_vecs: Vec<(Vec<Option<PyRef>>, Vec<PyRef>)>,
}

impl Vm {
    pub fn new(builtins: PyRef, modules: PyRef) -> Vm {
        Vm {
            frames: Vec::new(),
            handled_exc: None,
            reraise: false,
            in_finalizers: false,
            tearing_down: false,
            native_depth_limit: native_limits().0,
            native_recursion_cap: native_limits().1,
            native_depth: 0,
            repr_depth: 0,
            compare_depth: 0,
            native_call_depth: 0,
            uncounted_depth: 0,
            recursion_limit: 1000,
            builtins,
            modules,
            spare_vecs: Vec::new(),
        }
    }

    /// Run pending `__del__` finalizers (called at instruction boundaries).
    pub fn run_finalizers(&mut self) {
        if self.in_finalizers {
            return;
        }
        self.in_finalizers = true;
        while let Some(obj) = crate::object::finalize::next_pending() {
            self.call_del(&obj);
            drop(obj);
        }
        self.in_finalizers = false;
    }

    /// Call `obj.__del__()`, reporting an exception as "Exception ignored in".
    fn call_del(&mut self, obj: &PyRef) {
        if let Some(del) = obj.ty().lookup_str("__del__") {
            let saved = self.handled_exc.clone();
            if let Err(e) = self.call(&del, Args::new(std::slice::from_ref(obj))) {
                self.write_unraisable(&e, "Exception ignored in", &del);
            }
            self.handled_exc = saved;
        }
    }

    /// At exit, before any module is cleared: run `__del__` of every object still alive
    /// that has one. CPython gets this from its final collection, which finds the
    /// program's objects unreachable (the main module's dict is in a cycle with its
    /// functions and classes) and runs their finalizers (PEP 442) while globals like
    /// `sys` are still intact, in traversal order from the main module's globals:
    /// breadth first, dict values in order, list and tuple items from the end. Objects
    /// not reachable from there follow, oldest first.
    pub fn finalize_survivors(&mut self, main_globals: &PyRef) {
        use crate::object::typeobj::flags::HAS_FINALIZER;
        let has_del = |o: &PyRef| o.ty().has_flag(HAS_FINALIZER);
        // One pass, as CPython's one final collection: objects that finalizers create
        // are finalized when the module dicts are cleared, and a `__del__` that makes
        // a new instance of its own class cannot keep exit going forever.
        {
            // Most programs end with no finalizer pending: skip the traversal.
            let candidates = crate::object::tracking::live_objects_where(|o| {
                has_del(o) && crate::object::finalize::still_to_finalize(o)
            });
            if candidates.is_empty() {
                return;
            }
            drop(candidates);
            let mut order = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut queue = std::collections::VecDeque::from([main_globals.clone()]);
            seen.insert(main_globals.addr());
            while let Some(o) = queue.pop_front() {
                for child in crate::object::traverse::referents(&o) {
                    if seen.insert(child.addr()) {
                        if has_del(&child) {
                            order.push(child.clone());
                        }
                        queue.push_back(child);
                    }
                }
            }
            drop(queue);
            order.extend(
                crate::object::tracking::live_objects_where(has_del)
                    .into_iter()
                    .filter(|o| !seen.contains(&o.addr())),
            );
            drop(seen);
            for obj in order {
                if crate::object::finalize::mark_finalized(&obj) {
                    self.call_del(&obj);
                }
                drop(obj);
                self.run_finalizers();
            }
        }
    }
}
