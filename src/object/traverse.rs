//! `referents`: the strong references an object holds, in the order CPython's
//! `tp_traverse` visits them (dict values in order, list and tuple items from the end,
//! an instance's attribute dict…). Used to order exit-time finalization like CPython's
//! final collection, and the natural base for the cycle collector's traversal.
//!
//! Layouts not listed hold no references the exit-time ordering needs; they report
//! none.

use super::dict::as_dict;
use super::exception::as_exception;
use super::function::{BoundMethodData, CellData, FunctionData};
use super::handle::PyRef;
use super::list::as_list;
use super::misc::InstanceData;
use super::set::as_set;
use super::tuple::tuple_items;
use super::typeobj::{Layout, flags, try_type};

/// New references to what `x` refers to, in CPython's visiting order.
pub fn referents(x: &PyRef) -> Vec<PyRef> {
    let mut out = Vec::new();
    match x.ty().layout {
        Layout::Dict => {
            if let Some(d) = as_dict(x) {
                for (k, v) in d.items() {
                    out.push(v);
                    out.push(k);
                }
            }
        }
        Layout::List => {
            if let Some(l) = as_list(x) {
                out.extend(l.to_vec().into_iter().rev());
            }
        }
        Layout::Tuple => out.extend(tuple_items(x).iter().rev().cloned()),
        Layout::Set => {
            if let Some(s) = as_set(x) {
                out.extend(s.table.borrow().keys());
            }
        }
        Layout::Instance => {
            // CPython 3.11 keeps instance attributes inline and visits the values
            // directly, not a separate dict object.
            if let Some(d) = x
                .downcast::<InstanceData>()
                .and_then(|i| i.dict.borrow().clone())
                && let Some(dd) = as_dict(&d)
            {
                out.extend(dd.values());
            }
        }
        Layout::Exception => {
            if let Some(e) = as_exception(x) {
                out.push(e.args.borrow().clone());
                for cell in [&e.traceback, &e.cause, &e.context, &e.dict, &e.members] {
                    out.extend(cell.borrow().clone());
                }
            }
        }
        Layout::Function => {
            if let Some(f) = x.downcast::<FunctionData>() {
                out.extend(f.defaults.borrow().clone());
                out.extend(f.kwdefaults.borrow().clone());
                out.extend(f.closure.clone());
                out.extend(f.dict.borrow().clone());
            }
        }
        Layout::BoundMethod => {
            if let Some(m) = x.downcast::<BoundMethodData>() {
                out.push(m.func.clone());
                out.push(m.self_obj.clone());
            }
        }
        Layout::Cell => {
            if let Some(c) = x.downcast::<CellData>() {
                out.extend(c.contents.borrow().clone());
            }
        }
        Layout::Type => {
            if let Some(t) = try_type(x)
                && t.has_flag(flags::HEAPTYPE)
            {
                out.extend(t.dict.borrow().clone());
            }
        }
        _ => {}
    }
    out
}
