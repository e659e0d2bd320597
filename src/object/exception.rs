//! Exception instances (`BaseException` layout) and `PyErr`, the error half of
//! `PyResult`.
//!
//! Every builtin exception class and every user class deriving from one share this
//! layout: `args`, the traceback chain, `__cause__`, `__context__`,
//! `__suppress_context__`, and an attribute dict for user attributes.

use super::builtin_types::*;
use super::handle::{Payload, PyRef};
use super::singletons::none;
use super::str::new_str;
use super::tuple::new_tuple;
use super::typeobj::{Layout, TypeObject};
use std::cell::{Cell, RefCell};

pub struct ExceptionData {
    pub args: RefCell<PyRef>,
    pub traceback: RefCell<Option<PyRef>>,
    pub cause: RefCell<Option<PyRef>>,
    pub context: RefCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
    pub dict: RefCell<Option<PyRef>>,
    /// The member attributes some exception types define (`OSError.errno`,
    /// `NameError.name`, `AttributeError.obj`…): a dict made on first set, kept out of
    /// `__dict__` as CPython keeps them in C fields. Unset members read as None.
    pub members: RefCell<Option<PyRef>>,
}

impl Payload for ExceptionData {
    const LAYOUT: Layout = Layout::Exception;
}

/// A raised exception: a reference to an exception instance.
#[derive(Clone, Debug)]
pub struct PyErr(pub PyRef);

/// A new exception instance of `ty` with the given `args` tuple.
pub fn new_exception(ty: &TypeObject, args: PyRef) -> PyRef {
    super::alloc(
        ty,
        ExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            dict: RefCell::new(None),
            members: RefCell::new(None),
        },
    )
}

pub fn as_exception(x: &PyRef) -> Option<&ExceptionData> {
    x.downcast::<ExceptionData>()
}

/// The value of member attribute `name` of exception `x`, if set.
pub fn member(x: &PyRef, name: &str) -> Option<PyRef> {
    let d = as_exception(x)?.members.borrow().clone()?;
    super::dict::as_dict(&d)?.get_item_str(name)
}

/// Set member attribute `name` of exception `x`.
pub fn set_member(x: &PyRef, name: &str, value: PyRef) {
    let Some(e) = as_exception(x) else { return };
    let d = e
        .members
        .borrow_mut()
        .get_or_insert_with(super::dict::new_dict)
        .clone();
    if let Some(dd) = super::dict::as_dict(&d) {
        dd.set_item_str(name, value);
    }
}

impl PyErr {
    /// An exception of `ty` with one string argument.
    pub fn new(ty: &TypeObject, msg: impl AsRef<str>) -> PyErr {
        PyErr(new_exception(ty, new_tuple(vec![new_str(msg.as_ref())])))
    }

    /// An exception of `ty` with no arguments (`str(e) == ''`).
    pub fn bare(ty: &TypeObject) -> PyErr {
        PyErr(new_exception(ty, new_tuple(Vec::new())))
    }

    /// An exception of `ty` with one arbitrary argument (`KeyError(key)`).
    pub fn with_arg(ty: &TypeObject, arg: PyRef) -> PyErr {
        PyErr(new_exception(ty, new_tuple(vec![arg])))
    }

    pub fn type_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&TYPE_ERROR, msg)
    }

    pub fn value_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&VALUE_ERROR, msg)
    }

    pub fn index_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&INDEX_ERROR, msg)
    }

    pub fn key_error(key: PyRef) -> PyErr {
        PyErr::with_arg(&KEY_ERROR, key)
    }

    pub fn attribute_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&ATTRIBUTE_ERROR, msg)
    }

    pub fn name_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&NAME_ERROR, msg)
    }

    pub fn zero_division(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&ZERO_DIVISION_ERROR, msg)
    }

    pub fn overflow(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&OVERFLOW_ERROR, msg)
    }

    pub fn runtime_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&RUNTIME_ERROR, msg)
    }

    pub fn not_implemented(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&NOT_IMPLEMENTED_ERROR, msg)
    }

    pub fn recursion_error(msg: impl AsRef<str>) -> PyErr {
        PyErr::new(&RECURSION_ERROR, msg)
    }

    pub fn stop_iteration() -> PyErr {
        PyErr::bare(&STOP_ITERATION)
    }

    /// The exception's type.
    pub fn ty(&self) -> &TypeObject {
        self.0.ty()
    }

    /// Whether the exception is an instance of `ty` (or a subclass).
    pub fn matches(&self, ty: &TypeObject) -> bool {
        self.0.ty().is_subtype(ty)
    }

    pub fn data(&self) -> Option<&ExceptionData> {
        as_exception(&self.0)
    }

    /// The first argument, or None.
    pub fn first_arg(&self) -> PyRef {
        self.data()
            .and_then(|d| super::tuple::tuple_items(&d.args.borrow()).first().cloned())
            .unwrap_or_else(none)
    }
}
