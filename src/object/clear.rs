//! `clear_object`: drop the references an object owns through its mutable fields
//! (CPython's `tp_clear`), used to break cycles at shutdown. Values are taken out of
//! their cells first and dropped after each borrow ends, since dropping may free other
//! objects that point back here.

use super::dict::as_dict;
use super::exception::as_exception;
use super::function::{CellData, FunctionData, PropertyData};
use super::handle::PyRef;
use super::iter::{IterData, IterState};
use super::list::as_list;
use super::misc::{InstanceData, TracebackData};
use super::set::as_set;
use super::typeobj::{Layout, flags};

pub fn clear_object(x: &PyRef) {
    match x.ty().layout {
        Layout::List => {
            if let Some(l) = as_list(x) {
                l.replace_all(Vec::new());
            }
        }
        Layout::Dict => {
            if let Some(d) = as_dict(x) {
                d.clear();
            }
        }
        Layout::Set => {
            if let Some(s) = as_set(x) {
                let old = s.table.borrow_mut().take_all();
                drop(old);
            }
        }
        Layout::Instance => {
            if let Some(i) = x.downcast::<InstanceData>() {
                let old = i.dict.borrow_mut().take();
                drop(old);
            }
        }
        Layout::Exception => {
            if let Some(e) = as_exception(x) {
                let tb = e.traceback.borrow_mut().take();
                let cause = e.cause.borrow_mut().take();
                let ctx = e.context.borrow_mut().take();
                let dict = e.dict.borrow_mut().take();
                let members = e.members.borrow_mut().take();
                let args = e.args.replace(super::tuple::new_tuple(Vec::new()));
                drop((tb, cause, ctx, dict, members, args));
            }
        }
        Layout::Function => {
            if let Some(f) = x.downcast::<FunctionData>() {
                let d = f.defaults.borrow_mut().take();
                let k = f.kwdefaults.borrow_mut().take();
                let dict = f.dict.borrow_mut().take();
                drop((d, k, dict));
            }
        }
        Layout::Cell => {
            if let Some(c) = x.downcast::<CellData>() {
                let old = c.contents.borrow_mut().take();
                drop(old);
            }
        }
        Layout::Property => {
            if let Some(p) = x.downcast::<PropertyData>() {
                let a = p.fget.borrow_mut().take();
                let b = p.fset.borrow_mut().take();
                let c = p.fdel.borrow_mut().take();
                let d = p.doc.borrow_mut().take();
                drop((a, b, c, d));
            }
        }
        Layout::Iterator => {
            if let Some(i) = x.downcast::<IterData>() {
                let old = std::mem::replace(&mut *i.state.borrow_mut(), IterState::Exhausted);
                drop(old);
            }
        }
        Layout::Traceback => {
            if let Some(t) = x.downcast::<TracebackData>() {
                let old = t.next.borrow_mut().take();
                drop(old);
            }
        }
        Layout::Type => {
            if let Some(t) = super::typeobj::try_type(x)
                && t.has_flag(flags::HEAPTYPE)
            {
                let d = t.dict.borrow_mut().take();
                let m = t.mro.borrow_mut().take();
                let b = t.bases.borrow_mut().take();
                drop((d, m, b));
            }
        }
        _ => {}
    }
}
