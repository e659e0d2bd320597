//! `module` payload: a namespace dict and a name.

use super::handle::{Payload, PyRef};
use super::typeobj::Layout;

pub struct ModuleData {
    pub dict: PyRef,
}

impl Payload for ModuleData {
    const LAYOUT: Layout = Layout::Module;
}

/// A new module named `name` with an empty namespace holding `__name__`.
pub fn new_module(name: &str) -> PyRef {
    let dict = super::dict::new_dict();
    if let Some(d) = super::dict::as_dict(&dict) {
        d.set_item_str("__name__", super::str::new_str(name));
        d.set_item_str("__doc__", super::singletons::none());
    }
    super::alloc(&super::MODULE_TYPE, ModuleData { dict })
}

pub fn module_dict(m: &PyRef) -> Option<PyRef> {
    m.downcast::<ModuleData>().map(|d| d.dict.clone())
}
