//! `exit` and `quit`: the `Quitter` objects CPython's `site` module puts in builtins.
//! Each is an instance with a `name` and an `eof` hint in its dict; its repr tells the
//! user how to leave, and calling it raises `SystemExit(code)`.

use crate::object::dict::as_dict;
use crate::object::exception::new_exception;
use crate::object::handle::dealloc_fixed;
use crate::object::misc::InstanceData;
use crate::object::str::{new_str, str_of, try_new_str};
use crate::object::tuple::new_tuple;
use crate::object::*;
use crate::vm::{Args, Vm};
use std::cell::RefCell;

/// A new `Quitter` named `name` (`"exit"` or `"quit"`).
pub fn new_quitter(name: &str) -> PyRef {
    let dict = crate::object::dict::new_dict();
    if let Some(d) = as_dict(&dict) {
        d.set_item_str("name", new_str(name));
        d.set_item_str("eof", new_str("Ctrl-D (i.e. EOF)"));
    }
    alloc(
        &QUITTER_TYPE,
        InstanceData {
            dict: RefCell::new(Some(dict)),
        },
    )
}

fn attr(vm: &mut Vm, q: &PyRef, name: &str) -> PyResult<String> {
    let v = vm.getattr_str(q, name)?;
    Ok(str_of(&vm.str(&v)?).to_string())
}

fn quitter_repr(vm: &mut Vm, q: &PyRef) -> PyResult {
    let name = attr(vm, q, "name")?;
    let eof = attr(vm, q, "eof")?;
    try_new_str(&format!("Use {name}() or {eof} to exit"))
}

fn quitter_call(_vm: &mut Vm, _q: &PyRef, args: Args) -> PyResult {
    let pos = super::types::check_args("Quitter.__call__", &args, 0, 1)?;
    // site.py: `def __call__(self, code=None): raise SystemExit(code)`.
    let code = pos
        .first()
        .cloned()
        .unwrap_or_else(crate::object::singletons::none);
    Err(PyErr(new_exception(&SYSTEM_EXIT, new_tuple(vec![code]))))
}

pub fn init() {
    let ty = &QUITTER_TYPE;
    ty.dealloc.set(dealloc_fixed::<InstanceData>);
    ty.slots.repr.set(Some(quitter_repr));
    ty.slots.call.set(Some(quitter_call));
    super::types::containers::add_wrappers(ty, &["__repr__"]);
}
