//! The object layer: the heap object model.
//!
//! Owns the object header and the one-word strong handle (`PyRef`), allocation and
//! immediate deallocation at refcount zero (with a trashcan for deep structures), type
//! objects and their slots, the static builtin types and singletons, and the payload of
//! every builtin type. Behaviour that needs to call back into Python (comparisons of
//! user objects, reprs of containers…) lives with the VM and builtins; this layer only
//! offers the data and the operations that never run Python code.
//!
//! Mutable object state sits in `Cell`/`RefCell` fields of the payloads: a borrow is
//! never held across a call into Python, so a `RefCell` borrow failure would be a VM bug.

pub mod builtin_types;
pub mod clear;
pub mod dict;
pub mod exception;
pub mod finalize;
pub mod float;
pub mod function;
pub mod gilstatic;
pub mod handle;
pub mod header;
pub mod int;
pub mod iter;
pub mod list;
pub mod method_cache;
pub mod misc;
pub mod module;
pub mod set;
pub mod set_table;
pub mod singletons;
pub mod str;
pub mod tracking;
pub mod traverse;
pub mod tuple;
pub mod typeobj;

pub use builtin_types::*;
pub use exception::PyErr;
pub use handle::{Payload, PyRef, alloc};
pub use typeobj::{CompareOp, Layout, TypeData, TypeObject, as_type, try_type};

/// The result of every operation that can raise: `Err` carries the exception object.
pub type PyResult<T = PyRef> = Result<T, PyErr>;

/// Allocator statistics of the object heap.
pub fn heap_stats() -> crate::memory::AllocStats {
    // SAFETY: object-layer code runs with the GIL held, which the allocator's global
    // state requires.
    unsafe { crate::memory::stats() }
}

/// The allocator's `sys._debugmallocstats()` report.
pub fn heap_report() -> String {
    // SAFETY: as for `heap_stats`.
    unsafe { crate::memory::report() }
}

/// `sys.getsizeof`: bytes of object memory the object occupies (its GC prefix
/// included), plus the buffers it owns.
pub fn object_size(x: &PyRef) -> usize {
    use std::mem::size_of;
    let gc = if x.gc_head().is_some() {
        header::GC_HEAD_SIZE
    } else {
        0
    };
    let body = match x.ty().layout {
        Layout::Str => {
            header::VarObject::<str::StrHead, u8>::size_for(str::str_text(x).map_or(0, |t| t.len()))
        }
        Layout::Tuple => header::VarObject::<(), PyRef>::size_for(tuple::tuple_items(x).len()),
        Layout::Int => {
            size_of::<header::PyObject<int::IntData>>()
                + match int::int_value(x) {
                    Some(int::IntValue::Big(b)) => (b.bits() as usize).div_ceil(64) * 8,
                    _ => 0,
                }
        }
        Layout::Float => size_of::<header::PyObject<float::FloatData>>(),
        Layout::List => {
            size_of::<header::PyObject<list::ListData>>()
                + list::as_list(x)
                    .map(|l| l.items.borrow().capacity() * 8)
                    .unwrap_or(0)
        }
        Layout::Dict => {
            size_of::<header::PyObject<dict::DictData>>()
                + dict::as_dict(x)
                    .map(|d| d.table.borrow().capacity_used() * (size_of::<dict::Entry>() + 16))
                    .unwrap_or(0)
        }
        Layout::Set => {
            size_of::<header::PyObject<set::SetData>>()
                + set::as_set(x)
                    .map(|d| d.table.borrow().capacity_used() * (size_of::<dict::Entry>() + 16))
                    .unwrap_or(0)
        }
        Layout::Instance => size_of::<header::PyObject<misc::InstanceData>>(),
        Layout::Exception => size_of::<header::PyObject<exception::ExceptionData>>(),
        Layout::Function => size_of::<header::PyObject<function::FunctionData>>(),
        _ => size_of::<header::ObjHeader>() + 16,
    };
    gc + body
}

/// A container could not grow: memory is exhausted (raised as `MemoryError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoMemory;
