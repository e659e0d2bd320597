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
pub mod misc;
pub mod module;
pub mod set;
pub mod singletons;
pub mod str;
pub mod tuple;
pub mod typeobj;

pub use builtin_types::*;
pub use exception::PyErr;
pub use handle::{Payload, PyRef, alloc};
pub use typeobj::{CompareOp, Layout, TypeData, TypeObject, as_type, try_type};

/// The result of every operation that can raise: `Err` carries the exception object.
pub type PyResult<T = PyRef> = Result<T, PyErr>;
